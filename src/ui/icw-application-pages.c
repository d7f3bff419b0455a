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
#include "icw-alliance-member.h"
#include "icw-attachment.h"
#include "icw-center-summaries.h"
#include "icw-center.h"
#include "icw-editor-parts.h"
#include "icw-field-row.h"
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

static void
on_text_committed (IcwTextSection *section,
                   const char     *text,
                   IcwRecordForm  *form)
{
  commit_text (form, g_object_get_data (G_OBJECT (section), "property"), text, GTK_WIDGET (section));
}

static void
on_part_committed (IcwJsonListEditor *editor,
                   const char        *json,
                   IcwRecordForm     *form)
{
  commit_text (form, g_object_get_data (G_OBJECT (editor), "property"), json, GTK_WIDGET (editor));
}

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  return icw_editor_scrolled_page_new (child, 860, 18, 12);
}

/* Application and call */

static GtkWidget *
build_call (IcwRecordForm *form,
            GtkWidget    **title_row)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *application = icw_ui_group_new (_("Application"), NULL);
  GtkWidget *call = icw_ui_group_new (_("Call"), _("The call for applications this application answers; a warning appears as its deadline nears."));
  struct { GtkWidget *group; const char *property; const char *title; IcwFieldKind kind; } fields[] = {
    { application, "title", N_("Title"), ICW_FIELD_TEXT },
    { call, "call-name", N_("Name of the call"), ICW_FIELD_TEXT },
    { call, "call-issuer", N_("Issued by"), ICW_FIELD_TEXT },
    { call, "call-deadline", N_("Deadline"), ICW_FIELD_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = icw_record_form_add_text (form, fields[i].property, _(fields[i].title), fields[i].kind);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (fields[i].group), row);
      /* Findings name these fields by property or by the part after "call-". */
      g_object_set_data (G_OBJECT (page), fields[i].property, row);
      if (g_str_has_prefix (fields[i].property, "call-"))
        g_object_set_data (G_OBJECT (page), fields[i].property + 5, row);
      if (i == 0)
        *title_row = row;
      if (i == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (application),
                                   icw_record_form_add_choice (form, "kind", _("Kind"),
                                                               ICW_UI_ENUM_LABELS (icw_application_kind, ICW_N_APPLICATION_KINDS)));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (application));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (call));
  g_object_set_data (G_OBJECT (page), "groups-application", application);
  g_object_set_data (G_OBJECT (page), "groups-call", call);
  return page;
}

/* The eight tasks */

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
      IcwTextSection *task = g_object_get_data (G_OBJECT (box), key);
      g_autofree char *plan = icw_text_section_get_text (task);

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
      g_autofree char *key = g_strdup_printf ("%u", i);
      g_autofree char *title = g_strdup_printf (_("%u. %s"), i, icw_main_task_get_title (i));
      GtkWidget *task = icw_text_section_new (title, NULL);

      gtk_widget_set_size_request (task, -1, 220);
      g_signal_connect (task, "committed", G_CALLBACK (on_task_committed), form);
      g_object_set_data (G_OBJECT (box), key, task);
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
      IcwTextSection *task = g_object_get_data (G_OBJECT (box), key);
      const char *plan = object != NULL && json_object_has_member (object, key)
                         ? json_object_get_string_member_with_default (object, key, "") : "";

      icw_text_section_set_text (task, plan);
    }
}

/* Registers and attachments */

static GtkWidget *
build_registers (IcwStore *store)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = icw_ui_group_new (_("From the Center's Registers"),
                                       _("The shareholders, alliance members and national platforms come from the center's registers and are never retyped here. Edit them under Centers."));
  const char *names[] = { "shareholders", "members", "platforms" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_object_set_data (G_OBJECT (page), names[i], row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  g_object_set_data_full (G_OBJECT (page), "store", g_object_ref (store), g_object_unref);
  return page;
}

static void
set_summary_row (GtkWidget  *page,
                 const char *name,
                 const char *summary,
                 const char *warning)
{
  AdwPreferencesRow *row = g_object_get_data (G_OBJECT (page), name);

  adw_preferences_row_set_title (row, summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning != NULL ? warning : "");
}

static void
show_registers (GtkWidget      *page,
                IcwApplication *application)
{
  IcwStore *store = g_object_get_data (G_OBJECT (page), "store");
  const char *center_id = icw_application_get_center_id (application);
  g_autoptr(IcwRecord) center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL);
  g_autoptr(GListModel) holders = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *summary = NULL, *warning = NULL;
  g_autofree char *members_summary = NULL, *members_warning = NULL;
  g_autofree char *coverage = NULL, *coverage_warning = NULL;
  guint platforms = 0;

  if (center == NULL)
    return;
  holders = icw_store_list (store, ICW_RECORD_KIND_SHAREHOLDER, center_id);
  members = icw_store_list (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);
      g_autoptr(GListModel) held = icw_store_list (store, ICW_RECORD_KIND_PLATFORM,
                                                   icw_alliance_member_get_organization_id (member));
      platforms += g_list_model_get_n_items (held);
    }
  summary = icw_shareholders_summary (holders, store, &warning);
  members_summary = icw_members_summary (members, &members_warning);
  coverage = icw_platform_coverage (platforms, icw_center_get_field_platform_total (ICW_CENTER (center)), &coverage_warning);
  set_summary_row (page, "shareholders", summary, warning);
  set_summary_row (page, "members", members_summary, members_warning);
  set_summary_row (page, "platforms", coverage, coverage_warning);
}

static GtkWidget *
attachment_row (gpointer item,
                gpointer user_data)
{
  IcwAttachment *attachment = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (icw_attachment_get_size (attachment));
  g_autofree char *digest = g_strndup (icw_attachment_get_sha256 (attachment), 12);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · SHA-256 %s…"),
                                               icw_attachment_kind_to_label (icw_attachment_get_kind (attachment)),
                                               size, digest);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), icw_attachment_get_name (attachment));
  GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), icw_attachment_get_name (attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (remove), "attachment", g_object_ref (attachment), g_object_unref);
  g_object_set_data (G_OBJECT (remove), "store", user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
on_remove_attachment (GtkWidget *button)
{
  icw_ui_delete_with_undo (button, g_object_get_data (G_OBJECT (button), "store"),
                           g_object_get_data (G_OBJECT (button), "attachment"), _("Attachment removed"));
}

static GtkWidget *
attachment_row_with_removal (gpointer item,
                             gpointer user_data)
{
  GtkWidget *row = attachment_row (item, user_data);
  GtkWidget *remove = gtk_widget_get_last_child (gtk_widget_get_last_child (gtk_widget_get_first_child (row)));

  if (GTK_IS_BUTTON (remove))
    g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_attachment), NULL);
  return row;
}

typedef struct {
  GtkWidget *page;
  GtkFileChooserNative *chooser;
} AddAttachment;

static void
on_attachment_chosen (GtkNativeDialog *chooser,
                      int              response,
                      GtkWidget       *page)
{
  IcwStore *store = g_object_get_data (G_OBJECT (page), "store");
  IcwApplication *application = g_object_get_data (G_OBJECT (page), "application");
  AdwComboRow *kind = g_object_get_data (G_OBJECT (page), "kind");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAttachment) attachment = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT && application != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (file);
      content = g_file_load_bytes (file, NULL, NULL, &error);
      if (content != NULL)
        attachment = icw_store_add_attachment (store, application, name, adw_combo_row_get_selected (kind),
                                               content, &error);
      if (attachment == NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)),
                                                      _("The File Was Not Added"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_set_data (G_OBJECT (page), "chooser", NULL);
}

static void
on_add_attachment (GtkButton *button,
                   GtkWidget *page)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add an Attachment"),
                                                               GTK_WINDOW (gtk_widget_get_root (page)),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Add"), _("_Cancel"));

  g_object_set_data_full (G_OBJECT (page), "chooser", chooser, g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_attachment_chosen), page);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_attachments (IcwStore  *store,
                   GPtrArray *editables)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = icw_ui_group_new (_("Supporting Documents"),
                                       _("证明材料: business licences, capital verification reports, platform certificates, commitment letters. PDF, OFD, JPEG or PNG files up to 20 MB; names and sizes are checked when a file is added."));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Attachment…"));
  GtkWidget *adding = icw_ui_group_new (NULL, NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind of the next file"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (ICW_UI_ENUM_LABELS (icw_attachment_kind, ICW_N_ATTACHMENT_KINDS)));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add, 12);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_attachment), page);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (adding), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (adding), add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (adding));
  g_object_set_data_full (G_OBJECT (page), "store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (page), "list", list);
  g_object_set_data (G_OBJECT (page), "kind", kind);
  g_ptr_array_add (editables, adding);
  return page;
}

static void
show_attachments (GtkWidget      *page,
                  IcwApplication *application)
{
  IcwStore *store = g_object_get_data (G_OBJECT (page), "store");
  g_autoptr(GListModel) attachments = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT,
                                                      icw_record_get_id (ICW_RECORD (application)));

  g_object_set_data_full (G_OBJECT (page), "application", g_object_ref (application), g_object_unref);
  gtk_list_box_bind_model (g_object_get_data (G_OBJECT (page), "list"), attachments,
                           attachment_row_with_removal, store, NULL);
}

/* Building, showing, focusing, locking */

GtkWidget *
icw_section_pages_build (GtkStack      *stack,
                         IcwRecordForm *form,
                         IcwStore      *store,
                         GHashTable    *section_widgets,
                         GPtrArray     *editables)
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
          shown = widget = build_call (form, &title_row);
          g_ptr_array_add (editables, g_object_get_data (G_OBJECT (widget), "groups-application"));
          g_ptr_array_add (editables, g_object_get_data (G_OBJECT (widget), "groups-call"));
          break;
        case ICW_SECTION_FORM_TEXT:
          widget = icw_text_section_new (icw_section_get_title (section), icw_section_get_hint (section));
          g_signal_connect (widget, "committed", G_CALLBACK (on_text_committed), form);
          shown = scrolled_page (widget);
          g_ptr_array_add (editables, widget);
          break;
        case ICW_SECTION_FORM_LIST:
          columns = part_columns (section, &n_columns);
          widget = icw_json_list_editor_new (icw_section_get_title (section), icw_section_get_hint (section),
                                             part_add_label (section), columns, n_columns);
          g_signal_connect (widget, "committed", G_CALLBACK (on_part_committed), form);
          shown = scrolled_page (widget);
          g_ptr_array_add (editables, widget);
          break;
        case ICW_SECTION_FORM_TASKS:
          widget = build_tasks (form, editables);
          shown = scrolled_page (widget);
          break;
        case ICW_SECTION_FORM_REGISTERS:
          shown = widget = build_registers (store);
          break;
        case ICW_SECTION_FORM_ATTACHMENTS:
        default:
          shown = widget = build_attachments (store, editables);
          break;
        }
      g_object_set_data (G_OBJECT (widget), "property", (gpointer) property);
      g_object_set_data (G_OBJECT (widget), "section", GUINT_TO_POINTER (section));
      g_hash_table_insert (section_widgets, (gpointer) icw_section_to_key (section), widget);
      gtk_stack_add_named (stack, shown, icw_section_to_key (section));
    }
  return title_row;
}

/* Shows the application's values in the pages (only those of one property when it is given). */
void
icw_section_pages_show (GHashTable     *section_widgets,
                        IcwApplication *application,
                        const char     *property)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, section_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkWidget *widget = value;
      IcwSection section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "section"));
      const char *section_property = icw_section_get_property (section);
      g_autofree char *text = NULL;

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
          break;
        case ICW_SECTION_FORM_TASKS:
          show_tasks (widget, application);
          break;
        case ICW_SECTION_FORM_REGISTERS:
          show_registers (widget, application);
          break;
        case ICW_SECTION_FORM_ATTACHMENTS:
          show_attachments (widget, application);
          break;
        case ICW_SECTION_FORM_CALL:
        default:
          break;  /* the record form shows these */
        }
    }
}

void
icw_section_pages_flush (GHashTable *section_widgets)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, section_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ICW_IS_TEXT_SECTION (value))
      icw_text_section_flush (value);
    else
      for (GtkWidget *child = gtk_widget_get_first_child (value); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (ICW_IS_TEXT_SECTION (child))
          icw_text_section_flush (ICW_TEXT_SECTION (child));
}

void
icw_section_page_focus_field (GtkWidget  *widget,
                              const char *subfield)
{
  GtkWidget *target = subfield != NULL ? g_object_get_data (G_OBJECT (widget), subfield) : NULL;

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
