/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-lifecycle.c: the transitions of a filed document's status and reopening it as a new version,
 * for every record kind with a life cycle (icw-lifecycle.h). The store enforces the same graph
 * (icw-store-lifecycle.c); these functions add what the store cannot know: that the check found no
 * errors before "ready", that a return says why. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-error.h"
#include "icw-finding.h"
#include "icw-lifecycle.h"
#include "icw-report-actuals.h"
#include "icw-review-comments.h"
#include "icw-store-check.h"
#include "icw-store-targets-sync.h"

static char *
get_comments (IcwRecord *record)
{
  char *comments = NULL;

  g_object_get (record, "reviewer-comments", &comments, NULL);
  return comments;
}

/* Sets the status (and the comments, when given: the comments of this version's review replace
 * whatever it held) and saves; on failure both are as they were. */
static gboolean
transition (IcwStore              *store,
            IcwRecord             *record,
            IcwApplicationStatus   to,
            const char            *comments,
            GError               **error)
{
  IcwApplicationStatus from = icw_lifecycle_get_status (record);
  g_autofree char *old_comments = get_comments (record);
  g_autofree char *old_rows = NULL;

  /* A report leaving draft keeps the registers' figures of now: its computed actuals are frozen. */
  if (ICW_IS_REPORT (record) && from == ICW_APPLICATION_STATUS_DRAFT && to != ICW_APPLICATION_STATUS_DRAFT)
    {
      old_rows = g_strdup (icw_report_get_indicators (ICW_REPORT (record)));
      if (!icw_report_freeze_computed_actuals (store, ICW_REPORT (record), error))
        return FALSE;
    }
  g_object_set (record, "status", (guint) to, NULL);
  if (comments != NULL)
    g_object_set (record, "reviewer-comments", *comments != '\0' ? comments : NULL, NULL);
  if (icw_store_save (store, record, error))
    return TRUE;
  g_object_set (record, "status", (guint) from, "reviewer-comments", old_comments, NULL);
  if (ICW_IS_REPORT (record) && from == ICW_APPLICATION_STATUS_DRAFT)
    icw_report_set_indicators (ICW_REPORT (record), old_rows);
  return FALSE;
}

static gboolean
expect_status (IcwRecord             *record,
               IcwApplicationStatus   expected,
               const char            *message,
               GError               **error)
{
  if (icw_lifecycle_get_status (record) == expected)
    return TRUE;
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, message);
  return FALSE;
}

gboolean
icw_lifecycle_mark_ready (IcwStore   *store,
                          IcwRecord  *record,
                          GPtrArray  *packs,
                          GDateTime  *today,
                          GError    **error)
{
  const IcwLifecycleKind *kind;
  g_autoptr(GPtrArray) findings = NULL;
  guint errors;

  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (icw_record_has_lifecycle (record), FALSE);

  if (icw_lifecycle_get_status (record) == ICW_APPLICATION_STATUS_READY)
    return TRUE;
  if (!expect_status (record, ICW_APPLICATION_STATUS_DRAFT,
                      _("Only a draft can be marked ready to submit."), error))
    return FALSE;
  kind = icw_lifecycle_kind_lookup (icw_record_kind_of (record));
  findings = kind->check (store, record, packs, today, error);
  if (findings == NULL)
    return FALSE;
  errors = icw_findings_count (findings, ICW_SEVERITY_ERROR);
  if (errors > 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   ngettext ("Not ready to submit: the check found %u error. Correct it and check again.",
                             "Not ready to submit: the check found %u errors. Correct them and check again.",
                             errors),
                   errors);
      return FALSE;
    }
  return transition (store, record, ICW_APPLICATION_STATUS_READY, NULL, error);
}

gboolean
icw_lifecycle_mark_draft (IcwStore   *store,
                          IcwRecord  *record,
                          GError    **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (icw_record_has_lifecycle (record), FALSE);

  if (icw_lifecycle_get_status (record) == ICW_APPLICATION_STATUS_DRAFT)
    return TRUE;
  return expect_status (record, ICW_APPLICATION_STATUS_READY,
                        _("Only a document that is ready to submit can go back to being a draft."), error) &&
         transition (store, record, ICW_APPLICATION_STATUS_DRAFT, NULL, error);
}

gboolean
icw_lifecycle_submit (IcwStore   *store,
                      IcwRecord  *record,
                      GError    **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (icw_record_has_lifecycle (record), FALSE);

  return expect_status (record, ICW_APPLICATION_STATUS_READY,
                        _("Only a document that is ready can be submitted: check it and mark it ready first."), error) &&
         transition (store, record, ICW_APPLICATION_STATUS_SUBMITTED, NULL, error);
}

gboolean
icw_lifecycle_return (IcwStore   *store,
                      IcwRecord  *record,
                      const char *comments,
                      GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (icw_record_has_lifecycle (record), FALSE);

  if (!expect_status (record, ICW_APPLICATION_STATUS_SUBMITTED,
                      _("Only a submitted document can be returned."), error))
    return FALSE;
  /* Plain text or a comment list; an invalid list is the store's to refuse, with its reason. */
  list = icw_review_comments_read (icw_record_kind_of (record), comments);
  if (!icw_review_comments_have_text (list))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Reviewer's comments: say why it is returned."));
      return FALSE;
    }
  return transition (store, record, ICW_APPLICATION_STATUS_RETURNED, comments, error);
}

gboolean
icw_lifecycle_accept (IcwStore   *store,
                      IcwRecord  *record,
                      const char *comments,
                      GError    **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (icw_record_has_lifecycle (record), FALSE);

  if (!expect_status (record, ICW_APPLICATION_STATUS_SUBMITTED,
                      _("Only a submitted document can be accepted."), error) ||
      !transition (store, record, ICW_APPLICATION_STATUS_ACCEPTED, comments != NULL ? comments : "", error))
    return FALSE;
  /* An accepted application's 绩效目标表 becomes the center's targets, once (the administrator's
   * workbench does the same when the acceptance arrives by sync). The acceptance is saved: a
   * failure to carry is only told. */
  if (ICW_IS_APPLICATION (record))
    {
      g_autoptr(GError) carry_error = NULL;

      if (icw_store_carry_targets_on_acceptance (store, ICW_APPLICATION (record), &carry_error) == 0 &&
          carry_error != NULL)
        g_message ("The accepted application's targets were not carried: %s", carry_error->message);
    }
  return TRUE;
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  return icw_lifecycle_get_version (*(IcwRecord * const *) a) - icw_lifecycle_get_version (*(IcwRecord * const *) b);
}

GPtrArray *
icw_lifecycle_versions (IcwStore  *store,
                        IcwRecord *record)
{
  g_autoptr(GListModel) list = NULL;
  GPtrArray *versions = g_ptr_array_new_with_free_func (g_object_unref);
  const char *lineage;

  g_return_val_if_fail (ICW_IS_STORE (store), versions);
  g_return_val_if_fail (icw_record_has_lifecycle (record), versions);

  lineage = icw_lifecycle_get_lineage (record);
  list = icw_store_list (store, icw_record_kind_of (record), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwRecord) other = g_list_model_get_item (list, i);

      if (other == record || (lineage != NULL && g_strcmp0 (icw_lifecycle_get_lineage (other), lineage) == 0))
        g_ptr_array_add (versions, g_steal_pointer (&other));
    }
  g_ptr_array_sort (versions, compare_versions);
  return versions;
}

/* A copy of every property the record's own class declares (not the record's identity and times). */
static IcwRecord *
copy_record (IcwRecord *record)
{
  GType type = G_OBJECT_TYPE (record);
  IcwRecord *copy = g_object_new (type, NULL);
  guint n;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *column = g_strdelimit (g_strdup (specs[i]->name), "-", '_');

      /* A new version is not graded: the grade was the reviewer's outcome of the old one. */
      if (specs[i]->owner_type != type || !(specs[i]->flags & G_PARAM_WRITABLE) ||
          icw_record_column_is_outcome (column))
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (record), specs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), specs[i]->name, &value);
    }
  return copy;
}

IcwRecord *
icw_lifecycle_reopen (IcwStore   *store,
                      IcwRecord  *record,
                      GError    **error)
{
  const IcwLifecycleKind *kind;
  IcwApplicationStatus status;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(IcwRecord) copy = NULL;
  int version, latest;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (icw_record_has_lifecycle (record), NULL);

  status = icw_lifecycle_get_status (record);
  if (status != ICW_APPLICATION_STATUS_RETURNED && status != ICW_APPLICATION_STATUS_ACCEPTED)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Only a returned or accepted document can be reopened as a new version."));
      return NULL;
    }
  version = icw_lifecycle_get_version (record);
  versions = icw_lifecycle_versions (store, record);
  latest = versions->len > 0 ? icw_lifecycle_get_version (g_ptr_array_index (versions, versions->len - 1)) : version;
  if (latest > version)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Only the latest version can be reopened: version %d exists."), latest);
      return NULL;
    }

  kind = icw_lifecycle_kind_lookup (icw_record_kind_of (record));
  copy = copy_record (record);
  /* The comments stay with the version they were written on (the new one reads them there). */
  g_object_set (copy, "version", version + 1, "status", (guint) ICW_APPLICATION_STATUS_DRAFT,
                "reviewer-comments", NULL, NULL);
  if (!icw_store_begin_batch (store, error))
    return NULL;
  if (!icw_store_save (store, copy, error) ||
      (kind->copy_children != NULL && !kind->copy_children (store, record, copy, error)))
    {
      icw_store_rollback_batch (store);
      return NULL;
    }
  if (!icw_store_commit_batch (store, error))
    return NULL;
  return g_steal_pointer (&copy);
}
