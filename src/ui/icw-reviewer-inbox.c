/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-inbox.c: the inbox's list, one row per submitted document (title; center, kind,
 * version and submitted day), rebuilt when idle after the store changed (a sync's pull); the
 * selected document is shown in its kind's editor, which shows a submitted document read-only
 * (the store refuses any change to it too), with the editor's own life cycle bar hidden: a
 * reviewer's only actions are Return and Accept, above it, and for a resubmitted application What
 * Changed (the Compare Versions window, from the version returned to this one). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-adaptive-bin.h"
#include "icw-agreement-editor.h"
#include "icw-application-editor.h"
#include "icw-compare-dialog.h"
#include "icw-document-bar.h"
#include "icw-document-editor.h"
#include "icw-funding-editor.h"
#include "icw-lifecycle.h"
#include "icw-review-decision.h"
#include "icw-review-overview.h"
#include "icw-reviewer-inbox.h"

struct _IcwReviewerInbox
{
  GtkBox parent_instance;

  IcwStore *store;
  GPtrArray *rows;              /* IcwReviewOverviewRow, as listed */
  IcwRecord *shown;             /* the document in the editor, or NULL */
  GtkWidget *editor;
  guint reload_id;

  GtkLabel *count_label;
  GtkListBox *list;
  GtkWidget *decision_bar;
  GtkWidget *changes_button;
  GtkLabel *document_label;
  GtkStack *detail;
};

G_DEFINE_FINAL_TYPE (IcwReviewerInbox, icw_reviewer_inbox, GTK_TYPE_BOX)

static GtkWidget *
row_widget (IcwReviewOverviewRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (row->document);
  g_autofree char *line = g_strdup_printf (_("%s · version %d · submitted %s"), row->center, row->version,
                                           row->submitted != NULL ? row->submitted : "—");
  GtkWidget *detail = gtk_label_new (line);
  GtkWidget *list_row = gtk_list_box_row_new ();
  g_autofree char *name = g_strdup_printf ("%s, %s", row->document, line);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  /* Both wrap: a narrow window (360 px) cut the line under the title. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_name (list_row, row->record_id);
  return list_row;
}

static GtkWidget *
editor_for (IcwReviewerInbox *self,
            IcwRecord        *document)
{
  GtkWidget *editor = NULL;

  switch (icw_record_kind_of (document))
    {
    case ICW_RECORD_KIND_APPLICATION:
      editor = icw_application_editor_new (self->store);
      icw_application_editor_set_application (ICW_APPLICATION_EDITOR (editor), document);
      break;
    case ICW_RECORD_KIND_IP_AGREEMENT:
      editor = icw_agreement_editor_new (self->store, ICW_MONEY_UNIT_WAN);
      icw_agreement_editor_set_agreement (ICW_AGREEMENT_EDITOR (editor), document);
      break;
    case ICW_RECORD_KIND_FUNDING_REQUEST:
      editor = icw_funding_editor_new (self->store, NULL);
      icw_funding_editor_set_request (ICW_FUNDING_EDITOR (editor), document);
      break;
    default:
      break;
    }
  return editor;
}

static void
hide_document_bars (GtkWidget *widget)
{
  /* The editor's own life cycle bar offers an administrator's actions: not a reviewer's. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ICW_IS_DOCUMENT_BAR (child))
        gtk_widget_set_visible (child, FALSE);
      else
        hide_document_bars (child);
    }
}

static void
show_document (IcwReviewerInbox *self,
               IcwRecord        *document)
{
  if (self->editor != NULL)
    {
      gtk_stack_remove (self->detail, self->editor);
      self->editor = NULL;
    }
  g_clear_object (&self->shown);
  gtk_widget_set_visible (self->decision_bar, document != NULL);
  if (document == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail, "empty");
      return;
    }
  self->shown = g_object_ref (document);
  /* What changed since the version the reviewer returned: applications have their versions
   * compared section by section. */
  gtk_widget_set_visible (self->changes_button, ICW_IS_APPLICATION (document) &&
                                                icw_application_get_version (ICW_APPLICATION (document)) > 1);
  self->editor = editor_for (self, document);
  if (self->editor == NULL)
    return;
  hide_document_bars (self->editor);
  gtk_stack_add_named (self->detail, self->editor, "editor");
  gtk_stack_set_visible_child (self->detail, self->editor);
}

static void
on_row_selected (IcwReviewerInbox *self,
                 GtkListBoxRow    *row)
{
  IcwReviewOverviewRow *data;
  g_autoptr(IcwRecord) document = NULL;
  int at;

  /* The list drops its selection while the window is destroyed, after the template's children. */
  if (self->detail == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (row == NULL)
    {
      show_document (self, NULL);
      return;
    }
  at = gtk_list_box_row_get_index (row);
  data = self->rows->pdata[at];
  if (self->shown != NULL && g_str_equal (icw_record_get_id (self->shown), data->record_id))
    return;
  document = icw_store_lookup (self->store, data->kind, data->record_id, NULL);
  gtk_label_set_text (self->document_label, data->document);
  show_document (self, document);
}

void
icw_reviewer_inbox_reload (IcwReviewerInbox *self)
{
  g_autofree char *shown_id = self->shown != NULL ? g_strdup (icw_record_get_id (self->shown)) : NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;

  g_return_if_fail (ICW_IS_REVIEWER_INBOX (self));
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = icw_review_overview_rows (self->store, TRUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_append (self->list, row_widget (self->rows->pdata[i]));
  count = self->rows->len == 0 ? g_strdup (_("Nothing is waiting for review"))
          : g_strdup_printf (ngettext ("%u document waiting for review", "%u documents waiting for review",
                                       self->rows->len), self->rows->len);
  gtk_label_set_text (self->count_label, count);
  /* The shown document stays shown while it waits; decided, it leaves the inbox, and the first
   * one waiting is shown. */
  if (shown_id != NULL && icw_reviewer_inbox_open (self, shown_id))
    return;
  if (self->rows->len > 0)
    icw_reviewer_inbox_open (self, icw_reviewer_inbox_get_id (self, 0));
  else
    show_document (self, NULL);
}

static gboolean
on_reload (gpointer user_data)
{
  IcwReviewerInbox *self = user_data;

  self->reload_id = 0;
  icw_reviewer_inbox_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (IcwReviewerInbox *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload, self);
}

static void
on_decided (GtkWidget *from)
{
  icw_reviewer_inbox_reload (ICW_REVIEWER_INBOX (from));
}

/* The section the reviewer is reading, for a return's comment to be about: the editor's page on
 * screen, unless it is the first (the one every document opens on). */
static const char *
section_read (IcwReviewerInbox *self)
{
  IcwDocumentEditor *editor = ICW_IS_DOCUMENT_EDITOR (self->editor) ? ICW_DOCUMENT_EDITOR (self->editor) : NULL;
  GtkStack *pages = editor != NULL ? icw_document_editor_get_pages (editor) : NULL;
  GtkWidget *visible = pages != NULL ? gtk_stack_get_visible_child (pages) : NULL;

  if (visible == NULL || visible == gtk_widget_get_first_child (GTK_WIDGET (pages)))
    return NULL;
  return icw_document_editor_get_visible_page (editor);
}

static void
on_return_clicked (IcwReviewerInbox *self)
{
  if (self->shown != NULL)
    icw_review_decision_ask_about (GTK_WIDGET (self), self->store, self->shown, FALSE, section_read (self), on_decided);
}

GtkWidget *
icw_reviewer_inbox_show_changes (IcwReviewerInbox *self)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_INBOX (self), NULL);
  if (self->shown == NULL || !gtk_widget_get_visible (self->changes_button))
    return NULL;
  return icw_application_compare_dialog_present (GTK_WIDGET (self), self->store, ICW_APPLICATION (self->shown));
}

static void
on_changes_clicked (IcwReviewerInbox *self)
{
  icw_reviewer_inbox_show_changes (self);
}

static void
on_accept_clicked (IcwReviewerInbox *self)
{
  if (self->shown != NULL)
    icw_review_decision_ask (GTK_WIDGET (self), self->store, self->shown, TRUE, on_decided);
}

guint
icw_reviewer_inbox_get_n_items (IcwReviewerInbox *self)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_INBOX (self), 0);
  return self->rows != NULL ? self->rows->len : 0;
}

const char *
icw_reviewer_inbox_get_id (IcwReviewerInbox *self,
                           guint             i)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_INBOX (self), NULL);
  g_return_val_if_fail (self->rows != NULL && i < self->rows->len, NULL);
  return ((IcwReviewOverviewRow *) self->rows->pdata[i])->record_id;
}

/* The list and the document, one at a time on a narrow window: the bin holding them. */
static IcwAdaptiveBin *
adaptive_of (IcwReviewerInbox *self)
{
  return ICW_ADAPTIVE_BIN (gtk_widget_get_first_child (GTK_WIDGET (self)));
}

gboolean
icw_reviewer_inbox_open (IcwReviewerInbox *self,
                         const char       *id)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_INBOX (self), FALSE);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    if (g_strcmp0 (((IcwReviewOverviewRow *) self->rows->pdata[i])->record_id, id) == 0)
      {
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) i));
        icw_adaptive_bin_show_content (adaptive_of (self));
        return TRUE;
      }
  return FALSE;
}

/* Folded, a document clicked in the list is shown in its place. */
static void
on_row_activated (IcwReviewerInbox *self)
{
  icw_adaptive_bin_show_content (adaptive_of (self));
}

GtkWidget *
icw_reviewer_inbox_get_editor (IcwReviewerInbox *self)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_INBOX (self), NULL);
  return self->editor;
}

static void
icw_reviewer_inbox_dispose (GObject *object)
{
  IcwReviewerInbox *self = ICW_REVIEWER_INBOX (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_REVIEWER_INBOX);
  G_OBJECT_CLASS (icw_reviewer_inbox_parent_class)->dispose (object);
}

static void
icw_reviewer_inbox_finalize (GObject *object)
{
  IcwReviewerInbox *self = ICW_REVIEWER_INBOX (object);

  g_clear_object (&self->shown);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (icw_reviewer_inbox_parent_class)->finalize (object);
}

static void
icw_reviewer_inbox_class_init (IcwReviewerInboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_reviewer_inbox_dispose;
  object_class->finalize = icw_reviewer_inbox_finalize;
  g_type_ensure (ICW_TYPE_ADAPTIVE_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-reviewer-inbox.ui");
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerInbox, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerInbox, list);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerInbox, decision_bar);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerInbox, changes_button);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerInbox, document_label);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerInbox, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_return_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changes_clicked);
}

/* Folded (a narrow window), the document's name stands above the buttons, where it is read whole;
 * beside them otherwise. */
static void
on_folded (IcwReviewerInbox *self)
{
  gboolean folded = icw_adaptive_bin_get_folded (adaptive_of (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->decision_bar),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
icw_reviewer_inbox_init (IcwReviewerInbox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (icw_adaptive_bin_get_leaflet (adaptive_of (self)), "notify::folded",
                           G_CALLBACK (on_folded), self, G_CONNECT_SWAPPED);
  on_folded (self);
}

GtkWidget *
icw_reviewer_inbox_new (IcwStore *store)
{
  IcwReviewerInbox *self = g_object_new (ICW_TYPE_REVIEWER_INBOX, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "record-changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (store, "reloaded", G_CALLBACK (on_store_changed), self);
  icw_reviewer_inbox_reload (self);
  return GTK_WIDGET (self);
}
