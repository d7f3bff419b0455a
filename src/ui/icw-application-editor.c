/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-editor.c: the application editor, an IcwDocumentEditor: the sections are its
 * pages, each badge ✓ when the section is complete (or the errors and warnings of the last check);
 * the reviewers' notes over the section; the comparison of versions in the bar. Narrative
 * sections, structured parts and the eight tasks are saved as they are typed through
 * IcwRecordForm; a submitted or accepted application is shown read-only (the store refuses
 * changes to it anyway). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-application-editor.h"
#include "icw-application-pages.h"
#include "icw-field-row.h"
#include "icw-json-list-editor.h"
#include "icw-record-form.h"
#include "icw-reviewer-notes.h"
#include "icw-text-section.h"
#include "icw-ui-util.h"

struct _IcwApplicationEditor
{
  IcwDocumentEditor parent_instance;

  IcwApplication *application;
  IcwRecordForm *form;
  GtkWidget *reviewer_notes;     /* the comments beside the visible section */
  GtkWidget *title_row;
  IcwSectionPages pages;         /* the sections' widgets (icw-application-pages.h) */
  GPtrArray *editables;          /* what read-only mode turns off */
  GtkWidget *compare_button;
};

G_DEFINE_FINAL_TYPE (IcwApplicationEditor, icw_application_editor, ICW_TYPE_DOCUMENT_EDITOR)

#define SHELL(self) ICW_DOCUMENT_EDITOR (self)

void
icw_application_editor_run_check (IcwApplicationEditor *self)
{
  icw_document_editor_run_check (SHELL (self));
}

static gboolean
page_is_filled (IcwDocumentEditor *shell,
                const char        *key)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (shell);
  IcwSection section;

  return self->application != NULL && icw_section_from_key (key, &section) &&
         icw_section_page_is_filled (section, self->application);
}

/* Navigation to a field */

/* Opens the section of a finding's field ("background", "call/deadline", "roadmap/2/trl_to")
 * and focuses the widget that edits it. */
static gboolean
show_field (IcwDocumentEditor *shell,
            const char        *field)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (shell);
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 3);
  IcwSection section;
  GtkWidget *widget;
  guint index;
  const char *member = NULL;

  if (parts[0] == NULL || !icw_section_from_key (parts[0], &section))
    return FALSE;
  icw_document_editor_select_page (shell, icw_section_to_key (section));
  widget = g_hash_table_lookup (self->pages.widgets, icw_section_to_key (section));
  if (widget == NULL)
    return TRUE;

  if (ICW_IS_TEXT_SECTION (widget))
    icw_text_section_focus (ICW_TEXT_SECTION (widget));
  else if (ICW_IS_JSON_LIST_EDITOR (widget) && icw_field_get_item (field, &index, &member))
    icw_json_list_editor_focus (ICW_JSON_LIST_EDITOR (widget), index, member);
  else if (icw_section_get_form (section) == ICW_SECTION_FORM_CALL ||
           icw_section_get_form (section) == ICW_SECTION_FORM_TASKS)
    icw_section_page_focus_field (self->form, widget, parts[1]);
  else
    gtk_widget_grab_focus (widget);
  return TRUE;
}

gboolean
icw_application_editor_show_field (IcwApplicationEditor *self,
                                   const char           *field)
{
  return icw_document_editor_show_field (SHELL (self), field);
}

/* The record */

static void
on_compare_clicked (IcwApplicationEditor *self)
{
  icw_application_compare_dialog_present (GTK_WIDGET (self), icw_document_editor_get_store (SHELL (self)),
                                          self->application);
}

static void
flush (IcwDocumentEditor *shell)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (shell);

  icw_record_form_flush (self->form);
  icw_section_pages_flush (&self->pages);
}

static void
status_changed (IcwDocumentEditor *shell,
                gboolean           editable)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (shell);
  gboolean locked = icw_application_status_is_locked (icw_application_get_status (self->application));

  gtk_widget_set_visible (self->compare_button, icw_application_get_version (self->application) > 1);
  for (guint i = 0; i < self->editables->len; i++)
    icw_section_page_set_editable (g_ptr_array_index (self->editables, i), !locked);
}

static void
record_notify (IcwDocumentEditor *shell,
               GParamSpec        *pspec)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (shell);

  icw_section_pages_show (&self->pages, self->application, pspec->name);
  icw_document_editor_update_badges (shell);
}

static void
record_set (IcwDocumentEditor *shell,
            IcwRecord         *record)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (shell);

  g_set_object (&self->application, (IcwApplication *) record);
  icw_reviewer_notes_set_application (ICW_REVIEWER_NOTES (self->reviewer_notes), self->application);
  icw_record_form_set_record (self->form, record);
  if (self->application != NULL)
    icw_section_pages_show (&self->pages, self->application, NULL);
}

void
icw_application_editor_set_application (IcwApplicationEditor *self,
                                        IcwRecord            *application)
{
  g_return_if_fail (ICW_IS_APPLICATION_EDITOR (self));
  icw_document_editor_set_record (SHELL (self), application);
}

void
icw_application_editor_focus_title (IcwApplicationEditor *self)
{
  icw_document_editor_select_page (SHELL (self), icw_section_to_key (ICW_SECTION_CALL));
  gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (self->title_row))));
}

static void
build (IcwApplicationEditor *self)
{
  IcwDocumentEditor *shell = SHELL (self);
  GtkStack *pages = icw_document_editor_get_pages (shell);

  self->compare_button = icw_ui_mnemonic_button_new (_("C_ompare Versions…"));
  gtk_widget_set_visible (self->compare_button, FALSE);
  g_signal_connect_swapped (self->compare_button, "clicked", G_CALLBACK (on_compare_clicked), self);
  icw_document_editor_add_action (shell, self->compare_button);

  self->title_row = icw_section_pages_build (pages, self->form, icw_document_editor_get_store (shell),
                                             &self->pages, self->editables);
  for (IcwSection section = 0; section < ICW_N_SECTIONS; section++)
    icw_document_editor_add_page (shell, icw_section_to_key (section), icw_section_get_title (section), NULL);
  self->reviewer_notes = icw_reviewer_notes_new (pages);
  icw_document_editor_set_header (shell, self->reviewer_notes);
}

static void
icw_application_editor_dispose (GObject *object)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (object);

  if (self->form != NULL && self->pages.widgets != NULL)
    flush (ICW_DOCUMENT_EDITOR (self));

  G_OBJECT_CLASS (icw_application_editor_parent_class)->dispose (object);

  g_clear_pointer (&self->pages.widgets, g_hash_table_unref);
  self->pages.summary = NULL;
  self->pages.outline = NULL;
  self->pages.grid = NULL;
  g_clear_pointer (&self->editables, g_ptr_array_unref);
  g_clear_object (&self->form);
  g_clear_object (&self->application);
}

static void
icw_application_editor_class_init (IcwApplicationEditorClass *klass)
{
  IcwDocumentEditorClass *shell_class = ICW_DOCUMENT_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_application_editor_dispose;
  shell_class->flush = flush;
  shell_class->record_set = record_set;
  shell_class->status_changed = status_changed;
  shell_class->record_notify = record_notify;
  shell_class->show_field = show_field;
  shell_class->page_is_filled = page_is_filled;
}

static void
icw_application_editor_init (IcwApplicationEditor *self)
{
  self->pages.widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->editables = g_ptr_array_new ();
}

GtkWidget *
icw_application_editor_new (IcwStore *store)
{
  IcwApplicationEditor *self = g_object_new (ICW_TYPE_APPLICATION_EDITOR, NULL);

  icw_document_editor_set_kind (SHELL (self), &icw_document_kind_application, store);
  self->form = icw_record_form_new (store, ICW_MONEY_UNIT_WAN);
  build (self);
  return GTK_WIDGET (self);
}
