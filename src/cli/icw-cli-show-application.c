/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-show-application.c: `icw show` of an application: its fields, then every section in the
 * order of the editor with its word count (narrative sections and task plans) or number of items,
 * and its attachments; as JSON, the same with the structured parts as JSON values. Also `icw show`
 * of an attachment. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-lifecycle.h"
#include "icw-application-parts.h"
#include "icw-application-sections.h"
#include "icw-attachment.h"
#include "icw-cli.h"

/* The application's fields; its sections and structured parts follow, one by one. */
static void
print_fields (IcwStore       *store,
              IcwApplication *application)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);
  g_auto(GStrv) sections = icw_cli_section_fields ();

  icw_cli_table_add_record (table, store, ICW_RECORD (application), (const char * const *) sections);
  icw_cli_table_add_times (table, ICW_RECORD (application));
  icw_cli_table_print (table, 0);
}

static void
print_heading (const char *heading)
{
  icw_cli_out ("\n== %s ==\n", heading);
}

static void
print_body (const char *text)
{
  if (text == NULL || *text == '\0')
    icw_cli_out ("—\n");
  else
    icw_cli_out ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
}

static void
print_text_section (IcwApplication *application,
                    IcwSection      section)
{
  g_autofree char *text = icw_application_get_section_text (application, section);
  guint words = icw_text_count_words (text);
  g_autofree char *heading = NULL;

  /* TRANSLATORS: a section's title and its length in words (each Chinese character is a word) */
  heading = g_strdup_printf (ngettext ("%s (%u word)", "%s (%u words)", words), icw_section_get_title (section), words);
  print_heading (heading);
  print_body (text);
}

static void
print_list_section (IcwStore       *store,
                    IcwApplication *application,
                    IcwSection      section)
{
  g_autofree char *raw = icw_application_get_section_text (application, section);
  g_autoptr(JsonNode) root = icw_application_part_parse (section, raw, NULL);
  guint items = root != NULL ? json_array_get_length (json_node_get_array (root)) : 0;
  g_autofree char *heading = NULL;
  g_autofree char *text = icw_application_describe_section (store, application, section);

  heading = g_strdup_printf (ngettext ("%s (%u item)", "%s (%u items)", items), icw_section_get_title (section), items);
  print_heading (heading);
  print_body (text);
}

static void
print_tasks (IcwApplication *application)
{
  g_autofree char *raw = icw_application_get_section_text (application, ICW_SECTION_TASKS);
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_TASKS, raw, NULL);

  print_heading (icw_section_get_title (ICW_SECTION_TASKS));
  for (guint n = 1; n <= ICW_N_MAIN_TASKS; n++)
    {
      char key[2] = { (char) ('0' + n), '\0' };
      JsonObject *plans = root != NULL ? json_node_get_object (root) : NULL;
      const char *plan = plans != NULL && json_object_has_member (plans, key) &&
                         JSON_NODE_HOLDS_VALUE (json_object_get_member (plans, key))
                         ? json_object_get_string_member (plans, key) : NULL;
      guint words = icw_text_count_words (plan);

      icw_cli_out ("%u. ", n);
      icw_cli_out (ngettext ("%s (%u word)", "%s (%u words)", words), icw_main_task_get_title (n), words);
      icw_cli_out ("\n");
      print_body (plan);
    }
}

static void
print_attachments (IcwStore       *store,
                   IcwApplication *application)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT,
                                               icw_record_get_id (ICW_RECORD (application)));
  guint n = g_list_model_get_n_items (list);
  g_autofree char *heading = g_strdup_printf (ngettext ("%s (%u file)", "%s (%u files)", n),
                                              icw_section_get_title (ICW_SECTION_ATTACHMENTS), n);
  g_autoptr(IcwCliTable) table = icw_cli_table_new (4);

  print_heading (heading);
  if (n == 0)
    return;
  icw_cli_table_add (table, _("File"), _("Kind"), _("Size"), _("SHA-256"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwAttachment) attachment = g_list_model_get_item (list, i);
      g_autofree char *size = g_format_size_full (icw_attachment_get_size (attachment), G_FORMAT_SIZE_IEC_UNITS);

      icw_cli_table_add (table, icw_attachment_get_name (attachment),
                         icw_attachment_kind_to_label (icw_attachment_get_kind (attachment)), size,
                         icw_attachment_get_sha256 (attachment), NULL);
    }
  icw_cli_table_align_right (table, 2);
  icw_cli_table_print (table, 0);
}

static void
print_registers (IcwApplication *application)
{
  print_heading (icw_section_get_title (ICW_SECTION_REGISTERS));
  icw_cli_out (_("They are the center's own registers: see “icw show %s”."), icw_application_get_center_id (application));
  icw_cli_out ("\n");
}

void
icw_cli_show_application_text (IcwStore       *store,
                               IcwApplication *application)
{
  print_fields (store, application);
  for (guint s = 0; s < ICW_N_SECTIONS; s++)
    switch (icw_section_get_form (s))
      {
      case ICW_SECTION_FORM_CALL:
        {
          g_autofree char *call = icw_application_describe_section (store, application, s);

          print_heading (icw_section_get_title (s));
          print_body (call);
        }
        break;
      case ICW_SECTION_FORM_TEXT:
        print_text_section (application, s);
        break;
      case ICW_SECTION_FORM_LIST:
        print_list_section (store, application, s);
        break;
      case ICW_SECTION_FORM_TASKS:
        print_tasks (application);
        break;
      case ICW_SECTION_FORM_REGISTERS:
        print_registers (application);
        break;
      case ICW_SECTION_FORM_ATTACHMENTS:
      default:
        print_attachments (store, application);
        break;
      }
}

static void
add_part (JsonBuilder    *builder,
          IcwApplication *application,
          IcwSection      section,
          const char     *member)
{
  g_autofree char *raw = icw_application_get_section_text (application, section);
  JsonNode *root = icw_application_part_parse (section, raw, NULL);

  json_builder_set_member_name (builder, member);
  if (root != NULL)
    json_builder_add_value (builder, root);
  else
    json_builder_add_null_value (builder);
}

static void
add_sections (JsonBuilder    *builder,
              IcwApplication *application)
{
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < ICW_N_SECTIONS; s++)
    {
      g_autofree char *text = NULL;

      if (icw_section_get_form (s) != ICW_SECTION_FORM_TEXT)
        continue;
      text = icw_application_get_section_text (application, s);
      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "key", icw_section_to_key (s));
      json_builder_set_member_name (builder, "words");
      json_builder_add_int_value (builder, icw_text_count_words (text));
      icw_cli_json_add_text (builder, "text", text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_attachments (JsonBuilder    *builder,
                 IcwStore       *store,
                 IcwApplication *application)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT,
                                               icw_record_get_id (ICW_RECORD (application)));

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwRecord) attachment = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      icw_cli_json_add_record (builder, attachment);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
icw_cli_add_application_details (JsonBuilder    *builder,
                                 IcwStore       *store,
                                 IcwApplication *application)
{
  add_sections (builder, application);
  add_part (builder, application, ICW_SECTION_ROADMAP, "roadmap");
  add_part (builder, application, ICW_SECTION_CAPABILITY_PLATFORMS, "capability_platforms");
  add_part (builder, application, ICW_SECTION_INDICATORS, "indicators");
  add_part (builder, application, ICW_SECTION_TASKS, "tasks");
  add_attachments (builder, store, application);
}
