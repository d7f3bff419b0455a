/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-editor.c: the document editor's shell (a composite template, ui/icw-document-editor.ui).
 * The `record` property is what the whole editor shows: the bar follows it through a binding, and
 * the shell follows the record's own changes through a GSignalGroup (the shell holds a reference
 * to the record while it is the group's target, and clears the target before letting it go: GLib
 * 2.74's group aborts when its target is finalized). The status and version go to the bar and to
 * the subclass (status_changed); any other change to the subclass (record_notify). The new
 * version after a reopen is shown through the window's win.show-record action. The page list and the
 * page fold into one at a time when narrow (an IcwAdaptiveBin): a row clicked or a field shown
 * from the check shows the page. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-adaptive-bin.h"
#include "icw-check-panel.h"
#include "icw-document-bar.h"
#include "icw-document-editor.h"
#include "icw-editor-parts.h"
#include "icw-finding.h"
#include "icw-lifecycle.h"
#include "icw-print.h"
#include "icw-print-actions.h"
#include "icw-reviewer-notes.h"
#include "icw-rule-pack.h"
#include "icw-ui-util.h"
#include "icw-window-shortcuts.h"

typedef struct
{
  const IcwDocumentKind *kind;
  IcwStore *store;
  IcwRecord *record;
  GPtrArray *packs;
  GPtrArray *findings;
  GSignalGroup *record_signals;

  GPtrArray *page_keys;          /* the list's rows in order: their pages' keys */
  GPtrArray *badges;             /* and their badges */
  IcwPrintActions *print_actions;   /* "document": the Print menu's actions */
  GtkWidget *header;             /* the editor's own header (a child), or NULL */
  IcwReviewerNotes *notes;       /* the reviewers' comments on the visible page (a child) */

  IcwDocumentBar *bar;
  IcwAdaptiveBin *body;
  GtkScrolledWindow *sidebar;
  GtkListBox *page_list;
  GtkBox *main_column;
  GtkStack *pages;
  GtkRevealer *check_revealer;
  IcwCheckPanel *check_panel;
} IcwDocumentEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (IcwDocumentEditor, icw_document_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((IcwDocumentEditorPrivate *) icw_document_editor_get_instance_private (self))

IcwStore *
icw_document_editor_get_store (IcwDocumentEditor *self)
{
  return PRIV (self)->store;
}

GPtrArray *
icw_document_editor_get_packs (IcwDocumentEditor *self)
{
  return PRIV (self)->packs;
}

IcwRecord *
icw_document_editor_get_record (IcwDocumentEditor *self)
{
  g_return_val_if_fail (ICW_IS_DOCUMENT_EDITOR (self), NULL);
  return PRIV (self)->record;
}

gboolean
icw_document_editor_is_editable (IcwDocumentEditor *self)
{
  return PRIV (self)->record != NULL && icw_lifecycle_is_editable (PRIV (self)->record);
}

GtkStack *
icw_document_editor_get_pages (IcwDocumentEditor *self)
{
  return PRIV (self)->pages;
}

IcwAdaptiveBin *
icw_document_editor_get_body (IcwDocumentEditor *self)
{
  return PRIV (self)->body;
}

const char *
icw_document_editor_get_visible_page (IcwDocumentEditor *self)
{
  return gtk_stack_get_visible_child_name (PRIV (self)->pages);
}

/* Badges */

void
icw_document_editor_update_badges (IcwDocumentEditor *self)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);

  for (guint page = 0; page < priv->page_keys->len; page++)
    {
      const char *key = g_ptr_array_index (priv->page_keys, page);
      GtkLabel *badge = g_ptr_array_index (priv->badges, page);
      guint errors = 0, warnings = 0;
      gboolean filled;

      for (guint i = 0; priv->findings != NULL && i < priv->findings->len; i++)
        {
          IcwFinding *finding = g_ptr_array_index (priv->findings, i);

          if (!g_str_equal (priv->kind->page_of_field (icw_finding_get_field (finding)), key))
            continue;
          if (icw_finding_get_severity (finding) == ICW_SEVERITY_ERROR)
            errors++;
          else
            warnings++;
        }
      filled = priv->record != NULL && klass->page_is_filled != NULL && klass->page_is_filled (self, key);
      icw_editor_badge_show (badge, errors, warnings, filled,
                             priv->kind->unfilled_badge != NULL ? _(priv->kind->unfilled_badge) : "");
      if (priv->kind->hide_empty_badges)
        gtk_widget_set_visible (GTK_WIDGET (badge), errors + warnings > 0);
    }
}

/* The check */

void
icw_document_editor_flush (IcwDocumentEditor *self)
{
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);

  if (klass->flush != NULL)
    klass->flush (self);
}

void
icw_document_editor_run_check (IcwDocumentEditor *self)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  GPtrArray *findings;

  if (priv->record == NULL)
    return;
  icw_document_editor_flush (self);
  findings = priv->kind->check (priv->store, priv->record, priv->packs, today, &error);
  if (findings == NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  g_clear_pointer (&priv->findings, g_ptr_array_unref);
  priv->findings = findings;
  icw_check_panel_set_findings (priv->check_panel, findings);
  gtk_revealer_set_reveal_child (priv->check_revealer, TRUE);
  icw_document_editor_update_badges (self);
}

guint
icw_document_editor_n_errors (IcwDocumentEditor *self)
{
  return icw_check_panel_n_errors (PRIV (self)->check_panel);
}

static void
on_close_check_clicked (IcwDocumentEditor *self)
{
  gtk_revealer_set_reveal_child (PRIV (self)->check_revealer, FALSE);
}

/* Pages and navigation to a field */

void
icw_document_editor_select_page (IcwDocumentEditor *self,
                                 const char        *key)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  guint index;

  if (key != NULL && g_ptr_array_find_with_equal_func (priv->page_keys, key, g_str_equal, &index))
    gtk_list_box_select_row (priv->page_list, gtk_list_box_get_row_at_index (priv->page_list, index));
}

static void
on_page_selected (IcwDocumentEditor *self,
                  GtkListBoxRow     *row)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);
  const char *key;

  if (row == NULL)
    return;
  key = g_ptr_array_index (priv->page_keys, gtk_list_box_row_get_index (row));
  gtk_stack_set_visible_child_name (priv->pages, key);
  if (klass->page_shown != NULL)
    klass->page_shown (self, key);
}

static void
on_page_activated (IcwDocumentEditor *self)
{
  icw_adaptive_bin_show_content (PRIV (self)->body);
}

gboolean
icw_document_editor_show_field (IcwDocumentEditor *self,
                                const char        *field)
{
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);

  g_return_val_if_fail (ICW_IS_DOCUMENT_EDITOR (self), FALSE);
  if (klass->show_field == NULL || !klass->show_field (self, field))
    return FALSE;
  icw_adaptive_bin_show_content (PRIV (self)->body);
  return TRUE;
}

static void
on_activate_field (IcwDocumentEditor *self,
                   const char        *field)
{
  icw_document_editor_show_field (self, field);
}

void
icw_document_editor_add_page (IcwDocumentEditor *self,
                              const char        *key,
                              const char        *title,
                              GtkWidget         *shown)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  GtkWidget *badge = NULL;
  GtkWidget *row = icw_editor_page_row_new (title, priv->kind->wrap_titles, &badge);

  if (shown != NULL)
    gtk_stack_add_named (priv->pages, shown, key);
  if (priv->kind->hide_empty_badges)
    gtk_widget_set_visible (badge, FALSE);
  g_ptr_array_add (priv->page_keys, (gpointer) g_intern_string (key));
  g_ptr_array_add (priv->badges, badge);
  gtk_list_box_append (priv->page_list, row);
  if (priv->page_keys->len == 1)
    gtk_list_box_select_row (priv->page_list, GTK_LIST_BOX_ROW (row));
}

/* A header with a "store" property (the reviewers' notes, which read earlier versions) gets the
 * editor's store. */
static void
give_store_to_header (IcwDocumentEditorPrivate *priv)
{
  if (priv->header != NULL && priv->store != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (priv->header), "store") != NULL)
    g_object_set (priv->header, "store", priv->store, NULL);
}

void
icw_document_editor_set_header (IcwDocumentEditor *self,
                                GtkWidget         *header)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);

  gtk_box_prepend (priv->main_column, header);
  priv->header = header;
  /* An editor's own reviewers' notes are the shell's: no second one. */
  if (ICW_IS_REVIEWER_NOTES (header) && priv->notes == NULL)
    priv->notes = ICW_REVIEWER_NOTES (header);
  give_store_to_header (priv);
}

void
icw_document_editor_add_action (IcwDocumentEditor *self,
                                GtkWidget         *widget)
{
  icw_document_bar_add_action (PRIV (self)->bar, widget);
}

/* The record */

/* A reopened record's new version: the window shows it in its register (the one this editor
 * is on); without a window (an editor on its own, as in the tests) the editor shows it. */
static void
on_reopened (IcwDocumentEditor *self,
             IcwRecord         *next)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)",
                                   icw_record_kind_to_key (icw_record_kind_of (next)),
                                   icw_record_get_id (next)))
    icw_document_editor_set_record (self, next);
}

static void
status_changed (IcwDocumentEditor *self)
{
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);

  icw_document_bar_update (PRIV (self)->bar);
  if (klass->status_changed != NULL)
    klass->status_changed (self, icw_document_editor_is_editable (self));
}

static void
on_record_notify (IcwDocumentEditor *self,
                  GParamSpec        *pspec,
                  IcwRecord         *record)
{
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);

  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "version") ||
      g_str_equal (pspec->name, "reviewer-comments"))
    status_changed (self);
  else if (klass->record_notify != NULL)
    klass->record_notify (self, pspec);
}

void
icw_document_editor_set_record (IcwDocumentEditor *self,
                                IcwRecord         *record)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  IcwDocumentEditorClass *klass = ICW_DOCUMENT_EDITOR_GET_CLASS (self);

  g_return_if_fail (ICW_IS_DOCUMENT_EDITOR (self));

  if (priv->record == record)
    return;
  icw_document_editor_flush (self);
  g_signal_group_set_target (priv->record_signals, NULL);
  g_set_object (&priv->record, record);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  if (priv->notes != NULL)
    icw_reviewer_notes_set_record (priv->notes, record);
  g_clear_pointer (&priv->findings, g_ptr_array_unref);
  icw_check_panel_set_findings (priv->check_panel, NULL);
  gtk_revealer_set_reveal_child (priv->check_revealer, FALSE);
  if (klass->record_set != NULL)
    klass->record_set (self, record);
  if (record == NULL)
    {
      icw_document_editor_update_badges (self);
      return;
    }
  g_signal_group_set_target (priv->record_signals, record);
  status_changed (self);
  icw_document_editor_update_badges (self);
  if (priv->kind->select_first_page && priv->page_keys->len > 0)
    icw_document_editor_select_page (self, g_ptr_array_index (priv->page_keys, 0));
}

void
icw_document_editor_set_kind (IcwDocumentEditor     *self,
                              const IcwDocumentKind *kind,
                              IcwStore              *store)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);
  g_autoptr(GPtrArray) pack_errors = NULL;

  g_return_if_fail (priv->kind == NULL);

  priv->kind = kind;
  priv->store = g_object_ref (store);
  icw_document_bar_set_store (priv->bar, store);
  give_store_to_header (priv);
  /* The reviewers' comments beside the visible page, for every kind. */
  if (priv->notes == NULL)
    {
      priv->notes = ICW_REVIEWER_NOTES (icw_reviewer_notes_new (priv->pages));
      g_object_set (priv->notes, "store", store, NULL);
      gtk_box_prepend (priv->main_column, GTK_WIDGET (priv->notes));
    }
  icw_document_bar_set_texts (priv->bar, &kind->bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->page_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(kind->pages_label), -1);
  gtk_widget_set_size_request (GTK_WIDGET (priv->sidebar), kind->sidebar_width, -1);
  gtk_widget_set_size_request (GTK_WIDGET (priv->check_panel), -1, kind->check_height);
  /* The panel's list expands; where the kind says so, the hidden panel takes no height from the page. */
  if (!kind->check_expands)
    gtk_widget_set_vexpand (GTK_WIDGET (priv->check_revealer), FALSE);
  if (kind->loads_packs)
    {
      /* A malformed pack does not stop the others; its message is shown once. */
      priv->packs = icw_rule_packs_load_all (&pack_errors);
      icw_document_bar_set_packs (priv->bar, priv->packs);
      for (guint i = 0; pack_errors != NULL && i < pack_errors->len; i++)
        g_warning ("%s", ((GError *) g_ptr_array_index (pack_errors, i))->message);
    }
  priv->print_actions = icw_print_actions_new (GTK_WIDGET (self), store);
  g_object_bind_property (self, "record", priv->print_actions, "record", G_BINDING_SYNC_CREATE);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "document", G_ACTION_GROUP (priv->print_actions));
  icw_document_bar_add_end (priv->bar, icw_print_menu_button_new ());
}

static void
icw_document_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IcwDocumentEditor *self = ICW_DOCUMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, PRIV (self)->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_document_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IcwDocumentEditor *self = ICW_DOCUMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icw_document_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_document_editor_dispose (GObject *object)
{
  IcwDocumentEditor *self = ICW_DOCUMENT_EDITOR (object);
  IcwDocumentEditorPrivate *priv = PRIV (self);

  /* The subclass saves what is being typed in its own dispose, before chaining up. */
  if (priv->record_signals != NULL)
    g_signal_group_set_target (priv->record_signals, NULL);
  /* The template's children, unparented by hand: GTK 4.8's gtk_widget_dispose_template looks for
   * the template in the instance's class, which is the kind's subclass and has none. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (icw_document_editor_parent_class)->dispose (object);

  g_clear_object (&priv->record_signals);
  g_clear_pointer (&priv->page_keys, g_ptr_array_unref);
  g_clear_pointer (&priv->badges, g_ptr_array_unref);
  g_clear_pointer (&priv->packs, g_ptr_array_unref);
  g_clear_pointer (&priv->findings, g_ptr_array_unref);
  g_clear_object (&priv->record);
  g_clear_object (&priv->print_actions);
  g_clear_object (&priv->store);
}

static void
icw_document_editor_class_init (IcwDocumentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_document_editor_dispose;
  object_class->get_property = icw_document_editor_get_property;
  object_class->set_property = icw_document_editor_set_property;

  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, ICW_TYPE_RECORD,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ICW_TYPE_DOCUMENT_BAR);
  g_type_ensure (ICW_TYPE_CHECK_PANEL);
  g_type_ensure (ICW_TYPE_ADAPTIVE_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-document-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, bar);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, body);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, sidebar);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, page_list);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, main_column);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, pages);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, check_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, IcwDocumentEditor, check_panel);
  gtk_widget_class_bind_template_callback (widget_class, icw_document_editor_flush);
  gtk_widget_class_bind_template_callback (widget_class, icw_document_editor_run_check);
  gtk_widget_class_bind_template_callback (widget_class, on_reopened);
  gtk_widget_class_bind_template_callback (widget_class, on_page_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_field);
  gtk_widget_class_bind_template_callback (widget_class, on_close_check_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
}

static void
icw_document_editor_init (IcwDocumentEditor *self)
{
  IcwDocumentEditorPrivate *priv = PRIV (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "record", priv->bar, "record", G_BINDING_SYNC_CREATE);
  /* Tab from the section list enters the section shown (as from the window's sidebar), instead of
   * going down the list row by row, each row showing its section. */
  icw_window_shortcuts_tab_past (GTK_WIDGET (priv->page_list), GTK_WIDGET (priv->bar), GTK_WIDGET (priv->main_column));
  priv->page_keys = g_ptr_array_new ();
  priv->badges = g_ptr_array_new ();
  priv->record_signals = g_signal_group_new (ICW_TYPE_RECORD);
  g_signal_group_connect_object (priv->record_signals, "notify", G_CALLBACK (on_record_notify), self,
                                 G_CONNECT_SWAPPED);
}
