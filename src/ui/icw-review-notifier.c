/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-notifier.c: remembers each document's status (by ID) after a sync and compares the
 * next look with it. A document new to the reviewer's inbox, or one whose status became returned
 * or accepted in the administrator's, is news; news is one notification per document (its ID is
 * the notification's, so a later one replaces it), opening the document with win.show-record. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-lifecycle-graph.h"
#include "icw-review-notifier.h"
#include "icw-review-overview.h"

struct _IcwReviewNotifier
{
  GObject parent_instance;

  IcwStore *store;
  GApplication *application;   /* weak */
  gboolean reviewer;
  GHashTable *statuses;        /* ID → status + 1; NULL before the first look */
};

G_DEFINE_FINAL_TYPE (IcwReviewNotifier, icw_review_notifier, G_TYPE_OBJECT)

static const IcwRecordKind document_kinds[] = {
  ICW_RECORD_KIND_APPLICATION, ICW_RECORD_KIND_IP_AGREEMENT, ICW_RECORD_KIND_FUNDING_REQUEST,
};

void
icw_review_notifier_set_reviewer (IcwReviewNotifier *self,
                                  gboolean           reviewer)
{
  g_return_if_fail (ICW_IS_REVIEW_NOTIFIER (self));
  if (self->reviewer == reviewer)
    return;
  self->reviewer = reviewer;
  /* A new role looks at the store afresh. */
  g_clear_pointer (&self->statuses, g_hash_table_unref);
}

static gboolean
is_news (IcwReviewNotifier    *self,
         gpointer              before,
         IcwApplicationStatus  status)
{
  IcwApplicationStatus was = (IcwApplicationStatus) (GPOINTER_TO_INT (before) - 1);

  if (before != NULL && was == status)
    return FALSE;
  if (self->reviewer)
    return status == ICW_APPLICATION_STATUS_SUBMITTED;
  return before != NULL && (status == ICW_APPLICATION_STATUS_RETURNED || status == ICW_APPLICATION_STATUS_ACCEPTED);
}

static void
send (IcwReviewNotifier *self,
      IcwRecord         *document)
{
  g_autoptr(IcwReviewOverviewRow) row = icw_review_overview_row_new (self->store, document);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (self->application == NULL)
    return;
  title = g_strdup (row->status == ICW_APPLICATION_STATUS_SUBMITTED ? _("A document was submitted")
                    : row->status == ICW_APPLICATION_STATUS_RETURNED ? _("A document was returned")
                    : _("A document was accepted"));
  /* TRANSLATORS: a notification's text: the document, then its center */
  body = g_strdup_printf (_("%s — %s"), row->document, row->center);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-record", "(ss)",
                                                icw_record_kind_to_key (row->kind), row->record_id);
  g_application_send_notification (self->application, row->record_id, notification);
}

guint
icw_review_notifier_check (IcwReviewNotifier *self)
{
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint sent = 0;

  g_return_val_if_fail (ICW_IS_REVIEW_NOTIFIER (self), 0);
  for (guint k = 0; k < G_N_ELEMENTS (document_kinds); k++)
    {
      g_autoptr(GListModel) list = icw_store_list (self->store, document_kinds[k], NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(IcwRecord) record = g_list_model_get_item (list, i);
          IcwApplicationStatus status = icw_lifecycle_get_status (record);
          const char *id = icw_record_get_id (record);

          g_hash_table_insert (now, g_strdup (id), GINT_TO_POINTER ((int) status + 1));
          if (self->statuses != NULL && is_news (self, g_hash_table_lookup (self->statuses, id), status))
            {
              send (self, record);
              sent++;
            }
        }
    }
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  self->statuses = g_steal_pointer (&now);
  return sent;
}

static void
icw_review_notifier_finalize (GObject *object)
{
  IcwReviewNotifier *self = ICW_REVIEW_NOTIFIER (object);

  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  G_OBJECT_CLASS (icw_review_notifier_parent_class)->finalize (object);
}

static void
icw_review_notifier_class_init (IcwReviewNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_review_notifier_finalize;
}

static void
icw_review_notifier_init (IcwReviewNotifier *self)
{
}

IcwReviewNotifier *
icw_review_notifier_new (IcwStore     *store,
                         GApplication *application)
{
  IcwReviewNotifier *self = g_object_new (ICW_TYPE_REVIEW_NOTIFIER, NULL);

  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->application, application);
  return self;
}
