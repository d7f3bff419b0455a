/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-pages.c: what each section of an application looks like in the editor. The
 * narrative sections are IcwTextSection; the roadmap, capability platforms and indicators are
 * IcwJsonListEditor over the documented JSON shapes; the eight main tasks of 工信部科〔2016〕273号
 * are eight text areas saved as one JSON object; shareholders, members and platforms are shown
 * from the center's registers, never retyped; attachments are added and checked at once. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-application-pages.h"
#include "icw-application-attachments-page.h"
#include "icw-application-outline-group.h"
#include "icw-application-registers-page.h"
#include "icw-application-summary-group.h"
#include "icw-editor-parts.h"
#include "icw-field-row.h"
#include "icw-indicator-grid.h"
#include "icw-text-section.h"
#include "icw-ui-util.h"

static const char * const trl_none[] = { NULL };

static const IcwJsonColumn roadmap_columns[] = {
  { "technology", N_("Common key technology"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
  { "trl_from", N_("Technology readiness now (TRL 1–9)"), ICW_JSON_COLUMN_INT, 1, 9, trl_none, trl_none },
  { "trl_to", N_("Technology readiness at the end (TRL 1–9)"), ICW_JSON_COLUMN_INT, 1, 9, trl_none, trl_none },
  { "milestones", N_("Yearly milestones"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
};

static const IcwJsonColumn platform_columns[] = {
  { "name", N_("Platform name"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
  { "kind", N_("Kind"), ICW_JSON_COLUMN_CHOICE, 0, 0, NULL, NULL },
  { "description", N_("What it offers"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
};

static const IcwJsonColumn indicator_columns[] = {
  { "name", N_("Indicator"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
  { "area", N_("Assessment area"), ICW_JSON_COLUMN_CHOICE, 0, 0, NULL, NULL },
  { "unit", N_("Unit"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
  { "baseline", N_("Baseline"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
  { "targets", N_("Yearly targets"), ICW_JSON_COLUMN_TEXT, 0, 0, trl_none, trl_none },
};

/* The choices of the two CHOICE columns come from the core's catalogue. */
static IcwJsonColumn *
columns_with_choices (const IcwJsonColumn *columns,
                      guint                n_columns,
                      const char * const  *keys,
                      const char * const  *labels)
{
  IcwJsonColumn *copy = g_memdup2 (columns, sizeof *columns * n_columns);

  for (guint i = 0; i < n_columns; i++)
    if (copy[i].type == ICW_JSON_COLUMN_CHOICE)
      {
        copy[i].choice_keys = keys;
        copy[i].choice_labels = labels;
      }
  return copy;
}

/* The columns of a structured part (built once, kept for the program's life). */
static const IcwJsonColumn *
part_columns (IcwSection  section,
              guint      *n_columns)
{
  static IcwJsonColumn *platforms, *indicators;

  switch (section)
    {
    case ICW_SECTION_ROADMAP:
      *n_columns = G_N_ELEMENTS (roadmap_columns);
      return roadmap_columns;
    case ICW_SECTION_CAPABILITY_PLATFORMS:
      if (platforms == NULL)
        platforms = columns_with_choices (platform_columns, G_N_ELEMENTS (platform_columns),
                                          icw_capability_kind_keys (), icw_capability_kind_labels ());
      *n_columns = G_N_ELEMENTS (platform_columns);
      return platforms;
    case ICW_SECTION_INDICATORS:
    default:
      if (indicators == NULL)
        indicators = columns_with_choices (indicator_columns, G_N_ELEMENTS (indicator_columns),
                                           icw_indicator_area_keys (), icw_indicator_area_labels ());
      *n_columns = G_N_ELEMENTS (indicator_columns);
      return indicators;
    }
}

static const char *
part_add_label (IcwSection section)
{
  return section == ICW_SECTION_ROADMAP ? _("_Add Technology")
         : section == ICW_SECTION_CAPABILITY_PLATFORMS ? _("_Add Platform") : _("_Add Indicator");
}

static char *
property_text (IcwApplication *application,
               const char     *property)
{
  char *text = NULL;

  g_object_get (application, property, &text, NULL);
  return text;
}

gboolean
icw_section_page_is_filled (IcwSection      section,
                            IcwApplication *application)
{
  const char *property = icw_section_get_property (section);
  g_autofree char *text = NULL;

  switch (icw_section_get_form (section))
    {
    case ICW_SECTION_FORM_CALL:
      text = property_text (application, "call-name");
      return text != NULL && *text != '\0';
    case ICW_SECTION_FORM_TEXT:
      text = property_text (application, property);
      return text != NULL && *g_strstrip (text) != '\0';
    case ICW_SECTION_FORM_LIST:
    case ICW_SECTION_FORM_TASKS:
      text = property_text (application, property);
      return text != NULL && !g_str_equal (text, "[]") && !g_str_equal (text, "{}") && *text != '\0';
    case ICW_SECTION_FORM_REGISTERS:
    case ICW_SECTION_FORM_ATTACHMENTS:
    default:
      return FALSE;
    }
}

static void
commit_text (IcwRecordForm *form,
             const char    *property,
             const char    *text,
             GtkWidget     *reporter)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  if (!icw_record_form_commit (form, property, &value, &error))
    {
      if (ICW_IS_TEXT_SECTION (reporter))
        icw_text_section_set_error (ICW_TEXT_SECTION (reporter), error->message);
      else
        icw_ui_report_error (reporter, error);
    }
  else if (ICW_IS_TEXT_SECTION (reporter))
    icw_text_section_set_error (ICW_TEXT_SECTION (reporter), NULL);
}

/* Where a section's "committed" goes: the property it edits, through the editor's form (which
 * outlives the pages). Owned by that handler. */
typedef struct {
  IcwRecordForm *form;
  const char    *property;
} SectionCommit;

static void
section_commit_free (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static void
on_section_committed (GtkWidget     *section,
                      const char    *text,
                      SectionCommit *commit)
{
  commit_text (commit->form, commit->property, text, section);
}

static void
connect_commit (GtkWidget     *section,
                IcwRecordForm *form,
                const char    *property)
{
  SectionCommit *commit = g_new0 (SectionCommit, 1);

  commit->form = form;
  commit->property = property;
  g_signal_connect_data (section, "committed", G_CALLBACK (on_section_committed), commit, section_commit_free, 0);
}

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  return icw_editor_scrolled_page_new (child, 860, 18, 12);
}

/* Application and call */

static GtkWidget *
build_call (IcwRecordForm   *form,
            IcwStore        *store,
            IcwSectionPages *pages,
            GtkWidget      **title_row,
            GPtrArray       *editables)
{
  GtkWidget *summary = icw_application_summary_group_new (store);
  GtkWidget *outline = icw_application_outline_group_new (store);
  GtkWidget *figures = icw_ui_group_new (_("The application's own figures"),
                                         _("What the 基本情况表 asks that no register holds."));
  const char *own[] = { "total-investment-fen", "contact-name", "contact-phone", "recommender" };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *application = icw_ui_group_new (_("Application"), NULL);
  GtkWidget *call = icw_ui_group_new (_("Call"), _("The call for applications this application answers; a warning appears as its deadline nears."));
  /* The catalogue's fields, titled as this page has them. */
  struct { GtkWidget *group; const char *property; const char *title; } fields[] = {
    { application, "title", N_("Title") },
    { call, "call-name", N_("Name of the call") },
    { call, "call-issuer", N_("Issued by") },
    { call, "call-deadline", N_("Deadline") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = icw_record_form_add_catalogue (form, ICW_RECORD_KIND_APPLICATION, fields[i].property,
                                                      _(fields[i].title));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (fields[i].group), row);
      if (i == 0)
        *title_row = row;
      if (i == 0)
        {
          /* The kind beside its title, wrapped when long ("Upgrade to a national center"), as
             every drop-down of a form (icw-choice-factory.c). */
          GtkWidget *kind = icw_record_form_add_catalogue (form, ICW_RECORD_KIND_APPLICATION, "kind", NULL);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (application), kind);
        }
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (application));
  /* Which outline applies follows the kind chosen just above. */
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (outline));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (call));
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (figures),
                               icw_record_form_add_catalogue (form, ICW_RECORD_KIND_APPLICATION, own[i], NULL));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (summary));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (figures));
  pages->summary = ICW_APPLICATION_SUMMARY_GROUP (summary);
  pages->outline = ICW_APPLICATION_OUTLINE_GROUP (outline);
  g_ptr_array_add (editables, application);
  g_ptr_array_add (editables, call);
  g_ptr_array_add (editables, figures);
  return page;
}

/* The eight tasks: the box holds an introduction, then task 1 to 8 in order. */

static IcwTextSection *
task_at (GtkWidget *box,
         guint      number)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ICW_IS_TEXT_SECTION (child) && ++n == number)
      return ICW_TEXT_SECTION (child);
  return NULL;
}

static void
on_task_committed (IcwTextSection *section,
                   const char     *text,
                   IcwRecordForm  *form)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (section));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  for (guint i = 1; i <= ICW_N_MAIN_TASKS; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i);
      g_autofree char *plan = icw_text_section_get_text (task_at (box, i));

      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, plan);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  commit_text (form, "tasks", json, GTK_WIDGET (section));
}

static GtkWidget *
build_tasks (IcwRecordForm *form,
             GPtrArray     *editables)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *intro = gtk_label_new (_("For each of the eight main tasks of 工信部科〔2016〕273号 (section 五), the center's plan."));

  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (box), intro);
  for (guint i = 1; i <= ICW_N_MAIN_TASKS; i++)
    {
      g_autofree char *title = g_strdup_printf (_("%u. %s"), i, icw_main_task_get_title (i));
      GtkWidget *task = icw_text_section_new (title, NULL);

      gtk_widget_set_size_request (task, -1, 220);
      g_signal_connect (task, "committed", G_CALLBACK (on_task_committed), form);
      gtk_box_append (GTK_BOX (box), task);
      g_ptr_array_add (editables, task);
    }
  return box;
}

static void
show_tasks (GtkWidget      *box,
            IcwApplication *application)
{
  g_autofree char *json = property_text (application, "tasks");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = NULL;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    object = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 1; i <= ICW_N_MAIN_TASKS; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i);
      IcwTextSection *task = task_at (box, i);
      const char *plan = object != NULL && json_object_has_member (object, key)
                         ? json_object_get_string_member_with_default (object, key, "") : "";

      icw_text_section_set_text (task, plan);
    }
}

/* Building, showing, focusing, locking */

GtkWidget *
icw_section_pages_build (GtkStack        *stack,
                         IcwRecordForm   *form,
                         IcwStore        *store,
                         IcwSectionPages *pages,
                         GPtrArray       *editables)
{
  GtkWidget *title_row = NULL;

  for (IcwSection section = 0; section < ICW_N_SECTIONS; section++)
    {
      const char *property = icw_section_get_property (section);
      const IcwJsonColumn *columns;
      guint n_columns;
      GtkWidget *widget = NULL, *shown = NULL;

      switch (icw_section_get_form (section))
        {
        case ICW_SECTION_FORM_CALL:
          shown = widget = build_call (form, store, pages, &title_row, editables);
          break;
        case ICW_SECTION_FORM_TEXT:
          widget = icw_text_section_new (icw_section_get_title (section), icw_section_get_hint (section));
          connect_commit (widget, form, property);
          shown = scrolled_page (widget);
          g_ptr_array_add (editables, widget);
          break;
        case ICW_SECTION_FORM_LIST:
          columns = part_columns (section, &n_columns);
          widget = icw_json_list_editor_new (icw_section_get_title (section), icw_section_get_hint (section),
                                             part_add_label (section), columns, n_columns);
          connect_commit (widget, form, property);
          if (section == ICW_SECTION_INDICATORS)
            {
              /* The 绩效目标表: the numbers per year of the indicators named above. */
              GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
              GtkWidget *grid = icw_indicator_grid_new ();

              gtk_box_append (GTK_BOX (box), widget);
              gtk_box_append (GTK_BOX (box), grid);
              connect_commit (grid, form, property);
              pages->grid = ICW_INDICATOR_GRID (grid);
              g_ptr_array_add (editables, grid);
              shown = scrolled_page (box);
            }
          else
            shown = scrolled_page (widget);
          g_ptr_array_add (editables, widget);
          break;
        case ICW_SECTION_FORM_TASKS:
          widget = build_tasks (form, editables);
          shown = scrolled_page (widget);
          break;
        case ICW_SECTION_FORM_REGISTERS:
          shown = widget = icw_application_registers_page_new (store);
          break;
        case ICW_SECTION_FORM_ATTACHMENTS:
        default:
          shown = widget = icw_application_attachments_page_new (store);
          g_ptr_array_add (editables,
                           icw_application_attachments_page_get_adding (ICW_APPLICATION_ATTACHMENTS_PAGE (widget)));
          break;
        }
      g_hash_table_insert (pages->widgets, (gpointer) icw_section_to_key (section), widget);
      gtk_stack_add_named (stack, shown, icw_section_to_key (section));
    }
  return title_row;
}

/* Shows the application's values in the pages (only those of one property when it is given). */
void
icw_section_pages_show (IcwSectionPages *pages,
                        IcwApplication  *application,
                        const char      *property)
{
  GHashTableIter iter;
  gpointer key, value;

  /* The outline that applies depends on the kind. */
  if (pages->outline != NULL && (property == NULL || g_strcmp0 (property, "kind") == 0))
    icw_application_outline_group_show (pages->outline, application);
  g_hash_table_iter_init (&iter, pages->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *widget = value;
      IcwSection section;
      const char *section_property;
      g_autofree char *text = NULL;

      if (!icw_section_from_key (key, &section))
        continue;
      section_property = icw_section_get_property (section);
      if (property != NULL && g_strcmp0 (property, section_property) != 0)
        continue;
      switch (icw_section_get_form (section))
        {
        case ICW_SECTION_FORM_TEXT:
          text = property_text (application, section_property);
          icw_text_section_set_text (ICW_TEXT_SECTION (widget), text);
          break;
        case ICW_SECTION_FORM_LIST:
          text = property_text (application, section_property);
          icw_json_list_editor_set_json (ICW_JSON_LIST_EDITOR (widget), text);
          if (section == ICW_SECTION_INDICATORS && pages->grid != NULL)
            icw_indicator_grid_set_json (pages->grid, text);
          break;
        case ICW_SECTION_FORM_TASKS:
          show_tasks (widget, application);
          break;
        case ICW_SECTION_FORM_REGISTERS:
          icw_application_registers_page_show (ICW_APPLICATION_REGISTERS_PAGE (widget), application);
          break;
        case ICW_SECTION_FORM_ATTACHMENTS:
          icw_application_attachments_page_show (ICW_APPLICATION_ATTACHMENTS_PAGE (widget), application);
          break;
        case ICW_SECTION_FORM_CALL:
          /* The record form shows the fields; the summary is read from the registers. */
          if (pages->summary != NULL)
            icw_application_summary_group_show (pages->summary, application);
          break;
        default:
          break;
        }
    }
}

void
icw_section_pages_flush (IcwSectionPages *pages)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pages->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ICW_IS_TEXT_SECTION (value))
      icw_text_section_flush (value);
    else
      for (GtkWidget *child = gtk_widget_get_first_child (value); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (ICW_IS_TEXT_SECTION (child))
          icw_text_section_flush (ICW_TEXT_SECTION (child));
}

/* The widget of a section page's field: a call field's row, named by its property or by the part
 * after "call-" (the record form binds them), or a task by its number. */
static GtkWidget *
field_widget (IcwRecordForm *form,
              GtkWidget     *widget,
              const char    *subfield)
{
  g_autofree char *call_property = NULL;
  GtkWidget *row;
  guint64 number;

  if (subfield == NULL)
    return NULL;
  if (g_ascii_string_to_unsigned (subfield, 10, 1, ICW_N_MAIN_TASKS, &number, NULL))
    return GTK_WIDGET (task_at (widget, (guint) number));
  row = icw_record_form_get_row (form, subfield);
  if (row == NULL)
    {
      call_property = g_strconcat ("call-", subfield, NULL);
      row = icw_record_form_get_row (form, call_property);
    }
  return row != NULL && gtk_widget_is_ancestor (row, widget) ? row : NULL;
}

void
icw_section_page_focus_field (IcwRecordForm *form,
                              GtkWidget     *widget,
                              const char    *subfield)
{
  GtkWidget *target = field_widget (form, widget, subfield);

  if (ICW_IS_FIELD_ROW (target))
    gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (target))));
  else if (ICW_IS_TEXT_SECTION (target))
    icw_text_section_focus (ICW_TEXT_SECTION (target));
  else if (target != NULL)
    gtk_widget_grab_focus (target);
  else
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

void
icw_section_page_set_editable (GtkWidget *widget,
                               gboolean   editable)
{
  if (ICW_IS_TEXT_SECTION (widget))
    icw_text_section_set_editable (ICW_TEXT_SECTION (widget), editable);
  else
    gtk_widget_set_sensitive (widget, editable);
}
