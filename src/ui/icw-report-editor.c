/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-editor.c: the report editor (icw-report-editor.h). Its pages: the narrative (the
 * sections of the report's kind, icw-report-parts.h, one IcwTextSection each, saved into the
 * "summary" map as each is committed), the indicators, 建设情况 and the figures of the year (rows
 * of the catalogue's report fields through an IcwRecordForm: a field the catalogue gains appears
 * there without code here) and the self-score (IcwReportScore). A finding's field names its page: "summary/<key>", "indicators/<key>",
 * a 建设情况 property, else the figures. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-editor-parts.h"
#include "icw-record-form.h"
#include "icw-report-editor.h"
#include "icw-report-parts.h"
#include "icw-report-score.h"
#include "icw-text-section.h"
#include "icw-ui-util.h"

struct _IcwReportEditor
{
  IcwDocumentEditor parent_instance;

  IcwStore *store;
  IcwReport *report;
  IcwRecordForm *form;
  GtkBox *narrative;           /* the text sections of the kind shown */
  IcwReportIndicators *indicators;
  IcwReportScore *score;
  IcwReportKind shown_kind;
  gboolean has_sections;
};

G_DEFINE_FINAL_TYPE (IcwReportEditor, icw_report_editor, ICW_TYPE_DOCUMENT_EDITOR)

#define SHELL(self) ICW_DOCUMENT_EDITOR (self)

static const char * const build_fields[] = { "build-pilot", "build-testing", "build-services", NULL };

/* The narrative */

static void
on_section_committed (IcwTextSection  *section,
                      const char      *text,
                      IcwReportEditor *self)
{
  g_autoptr(GHashTable) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *before = NULL;

  if (self->report == NULL)
    return;
  summary = icw_report_summary_parse (icw_report_get_summary (self->report), &error);
  if (summary == NULL)
    {
      icw_text_section_set_error (section, error->message);
      return;
    }
  g_hash_table_replace (summary, g_strdup (gtk_widget_get_name (GTK_WIDGET (section))), g_strdup (text));
  json = icw_report_summary_to_json (summary);
  before = g_strdup (icw_report_get_summary (self->report));
  icw_report_set_summary (self->report, json);
  if (!icw_store_save (self->store, ICW_RECORD (self->report), &error))
    {
      icw_report_set_summary (self->report, before);
      icw_text_section_set_error (section, error->message);
      return;
    }
  icw_text_section_set_error (section, NULL);
}

static void
build_narrative (IcwReportEditor *self)
{
  g_autoptr(GHashTable) summary = NULL;
  gboolean editable = icw_document_editor_is_editable (SHELL (self));
  const IcwReportSection *sections;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->narrative))) != NULL)
    gtk_box_remove (self->narrative, child);
  if (self->report == NULL)
    return;
  summary = icw_report_summary_parse (icw_report_get_summary (self->report), NULL);
  sections = icw_report_sections (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *section;

      if (sections[i].kind != icw_report_get_kind (self->report))
        continue;
      section = icw_text_section_new (icw_report_section_title (&sections[i]), sections[i].source);
      gtk_widget_set_name (section, sections[i].key);
      icw_text_section_set_text (ICW_TEXT_SECTION (section), summary != NULL ? g_hash_table_lookup (summary, sections[i].key) : NULL);
      icw_text_section_set_editable (ICW_TEXT_SECTION (section), editable);
      g_signal_connect_object (section, "committed", G_CALLBACK (on_section_committed), self, 0);
      gtk_box_append (self->narrative, section);
    }
  self->shown_kind = icw_report_get_kind (self->report);
}

/* The shell's hooks */

static void
flush (IcwDocumentEditor *shell)
{
  IcwReportEditor *self = ICW_REPORT_EDITOR (shell);

  icw_record_form_flush (self->form);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->narrative)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    icw_text_section_flush (ICW_TEXT_SECTION (child));
  icw_report_indicators_flush (self->indicators);
}

static void
set_editable (IcwReportEditor *self)
{
  gboolean editable = icw_document_editor_is_editable (SHELL (self));

  icw_report_indicators_set_editable (self->indicators, editable);
  icw_report_score_set_editable (self->score, editable);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->narrative)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    icw_text_section_set_editable (ICW_TEXT_SECTION (child), editable);
}

static void
status_changed (IcwDocumentEditor *shell,
                gboolean           editable)
{
  set_editable (ICW_REPORT_EDITOR (shell));
}

static void
record_notify (IcwDocumentEditor *shell,
               GParamSpec        *pspec)
{
  IcwReportEditor *self = ICW_REPORT_EDITOR (shell);

  if (g_str_equal (pspec->name, "kind") && self->report != NULL && icw_report_get_kind (self->report) != self->shown_kind)
    build_narrative (self);
  if (g_strcmp0 (icw_document_editor_get_visible_page (shell), "score") == 0)
    icw_report_score_show (self->score, self->report);
}

static void
page_shown (IcwDocumentEditor *shell,
            const char        *key)
{
  IcwReportEditor *self = ICW_REPORT_EDITOR (shell);

  if (g_strcmp0 (key, "score") == 0)
    icw_report_score_show (self->score, self->report);
}

static void
record_set (IcwDocumentEditor *shell,
            IcwRecord         *report)
{
  IcwReportEditor *self = ICW_REPORT_EDITOR (shell);

  g_set_object (&self->report, (IcwReport *) report);
  icw_record_form_set_record (self->form, report);
  build_narrative (self);
  icw_report_indicators_set_report (self->indicators, self->report);
  icw_report_score_show (self->score, self->report);
  set_editable (self);
}

static gboolean
show_field (IcwDocumentEditor *shell,
            const char        *field)
{
  IcwReportEditor *self = ICW_REPORT_EDITOR (shell);
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 3);
  const char *page = icw_document_kind_report.page_of_field (field);
  GtkWidget *row;

  icw_document_editor_select_page (shell, page);
  if (g_str_equal (page, "indicators"))
    return icw_report_indicators_focus (self->indicators, parts[0] != NULL ? parts[1] : NULL);
  if (g_str_equal (page, "summary"))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->narrative)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (parts[1] == NULL || g_str_equal (gtk_widget_get_name (child), parts[1]))
          {
            icw_text_section_focus (ICW_TEXT_SECTION (child));
            return TRUE;
          }
      return FALSE;
    }
  row = icw_record_form_get_row (self->form, parts[0]);
  return row != NULL && gtk_widget_grab_focus (row);
}

/* Building */

static void
add_page (IcwReportEditor *self,
          const char      *key,
          const char      *title,
          GtkWidget       *content,
          int              width)
{
  GtkWidget *scrolled = icw_editor_scrolled_page_new (content, width, 18, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  icw_document_editor_add_page (SHELL (self), key, title, scrolled);
}

/* The label of a report's field, by its property. */
static const char *
report_field_label (const char *property)
{
  guint n = 0;
  const IcwColumn *fields = icw_field_catalogue (ICW_RECORD_KIND_REPORT, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (fields[i].property, property))
      return icw_field_label (&fields[i]);
  g_return_val_if_reached (property);
}

static GtkWidget *
form_page (IcwReportEditor    *self,
           const char         *title,
           const char * const *fields)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = icw_ui_group_new (title, NULL);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  /* The construction of the year is told in prose (37号 art. 7): each field a text area shown
   * whole, as a single-line entry would cut it. */
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               icw_record_form_add_prose (self->form, fields[i], report_field_label (fields[i])));
  return page;
}

static void
build (IcwReportEditor *self)
{
  GtkWidget *build_page, *figures_page, *figures_group;
  static const char * const skip[] = {
    "center-id", "year", "kind", "summary", "indicators", "build-pilot", "build-testing", "build-services",
    "audit-attachment-id", "grade", "graded-on", "rectify-due", "hand-scores", NULL
  };

  self->narrative = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  add_page (self, "summary", _("Work Summary"), GTK_WIDGET (self->narrative), 860);
  self->indicators = ICW_REPORT_INDICATORS (icw_report_indicators_new (self->store));
  add_page (self, "indicators", _("Indicators"), GTK_WIDGET (self->indicators), 1200);
  build_page = form_page (self, _("Construction (建设情况)"), build_fields);
  icw_document_editor_add_page (SHELL (self), "construction", _("Construction"), build_page);
  figures_page = adw_preferences_page_new ();
  figures_group = icw_ui_group_new (_("The Center's Figures of the Year"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (figures_page), ADW_PREFERENCES_GROUP (figures_group));
  icw_record_form_add_other_fields (self->form, ICW_RECORD_KIND_REPORT, ADW_PREFERENCES_GROUP (figures_group), skip);
  icw_document_editor_add_page (SHELL (self), "figures", _("Figures"), figures_page);
  self->score = ICW_REPORT_SCORE (icw_report_score_new (self->store));
  add_page (self, "score", _("Self-Score"), GTK_WIDGET (self->score), 900);
  icw_document_editor_select_page (SHELL (self), "indicators");
}

void
icw_report_editor_focus_first (IcwReportEditor *self)
{
  icw_document_editor_select_page (SHELL (self), "indicators");
  icw_report_indicators_focus (self->indicators, NULL);
}

IcwReportIndicators *
icw_report_editor_get_indicators (IcwReportEditor *self)
{
  return self->indicators;
}

IcwReportScore *
icw_report_editor_get_score (IcwReportEditor *self)
{
  return self->score;
}

static void
icw_report_editor_dispose (GObject *object)
{
  IcwReportEditor *self = ICW_REPORT_EDITOR (object);

  if (self->indicators != NULL)
    {
      flush (ICW_DOCUMENT_EDITOR (self));
      self->indicators = NULL;
    }
  G_OBJECT_CLASS (icw_report_editor_parent_class)->dispose (object);
  g_clear_object (&self->report);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
}

static void
icw_report_editor_class_init (IcwReportEditorClass *klass)
{
  IcwDocumentEditorClass *shell_class = ICW_DOCUMENT_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_report_editor_dispose;
  shell_class->flush = flush;
  shell_class->record_set = record_set;
  shell_class->status_changed = status_changed;
  shell_class->record_notify = record_notify;
  shell_class->show_field = show_field;
  shell_class->page_shown = page_shown;
}

static void
icw_report_editor_init (IcwReportEditor *self)
{
}

GtkWidget *
icw_report_editor_new (IcwStore     *store,
                       IcwMoneyUnit  money_unit)
{
  IcwReportEditor *self = g_object_new (ICW_TYPE_REPORT_EDITOR, NULL);

  icw_document_editor_set_kind (SHELL (self), &icw_document_kind_report, store);
  self->store = g_object_ref (store);
  self->form = icw_record_form_new (store, money_unit);
  build (self);
  return GTK_WIDGET (self);
}
