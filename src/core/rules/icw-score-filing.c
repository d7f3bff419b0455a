/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-filing.c: the provinces' filing windows, read from the bundled
 * filing-windows.json (each window with its source, checked by the rule packs' citation reader),
 * and the dates that follow from a grade of 不合格. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "icw-error.h"
#include "icw-i18n.h"
#include "icw-score-filing.h"
#include "icw-score-private.h"

#define WINDOWS_PATH "/org/mfginnovation/Workbench/filing/filing-windows.json"

void
icw_filing_deadline_free (IcwFilingDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->to);
  g_free (deadline->basis);
  g_free (deadline);
}

static JsonNode *
load_windows (void)
{
  static gsize loaded = 0;
  static JsonNode *root = NULL;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = NULL;

      icw_score_register_resources ();
      bytes = g_resources_lookup_data (WINDOWS_PATH, 0, NULL);
      if (bytes != NULL && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        root = json_node_copy (json_parser_get_root (parser));
      g_once_init_leave (&loaded, 1);
    }
  return root;
}

static gboolean
names_province (JsonObject *window,
                const char *province)
{
  JsonNode *node = json_object_get_member (window, "province");
  g_autofree char *wanted = g_utf8_casefold (province, -1);
  JsonArray *names;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  g_strstrip (wanted);
  names = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      const char *name = json_node_get_string (json_array_get_element (names, i));
      g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

      if (folded != NULL && strcmp (folded, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The window of the province, or NULL. The bundled file is the program's own and checked by
 * test-score-filing; still, a window whose month, day or citation cannot be read is skipped. */
static JsonObject *
find_window (const char *province)
{
  JsonNode *root = load_windows ();
  JsonNode *windows;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  windows = json_object_get_member (json_node_get_object (root), "windows");
  if (windows == NULL || !JSON_NODE_HOLDS_ARRAY (windows))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (windows)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (windows), i);

      if (JSON_NODE_HOLDS_OBJECT (node) && names_province (json_node_get_object (node), province))
        return json_node_get_object (node);
    }
  return NULL;
}

static gboolean
read_window (JsonObject        *window,
             const GDate       *today,
             IcwFilingDeadline *deadline)
{
  gint64 month = json_object_get_int_member_with_default (window, "month", 0);
  gint64 day = json_object_get_int_member_with_default (window, "day", 0);
  g_autofree char *en = NULL, *zh = NULL;
  IcwRule *rule = g_new0 (IcwRule, 1);
  g_autofree char *reason = NULL;
  gboolean ok;
  int year = g_date_get_year (today);

  ok = month >= 1 && month <= 12 && day >= 1 && g_date_valid_dmy (day, month, year) &&
       (reason = icw_rule_json_languages (window, "to", &en, &zh)) == NULL &&
       (reason = icw_rule_json_citation (window, rule)) == NULL;
  if (!ok)
    {
      icw_rule_free (rule);
      return FALSE;
    }
  g_date_clear (&deadline->due, 1);
  g_date_set_dmy (&deadline->due, day, month, year);
  if (g_date_compare (&deadline->due, today) < 0)
    g_date_set_year (&deadline->due, year + 1);
  deadline->days_left = g_date_days_between (today, &deadline->due);
  deadline->covers_year = g_date_get_year (&deadline->due) - 1;
  deadline->to = g_strdup (strcmp (icw_rules_language (), "zh_CN") == 0 ? zh : en);
  deadline->basis = icw_rule_basis_text (rule);
  icw_rule_free (rule);
  return TRUE;
}

IcwFilingDeadline *
icw_filing_next_deadline (const char   *province,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(IcwFilingDeadline) deadline = g_new0 (IcwFilingDeadline, 1);
  JsonObject *window;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  window = province != NULL ? find_window (province) : NULL;
  if (window == NULL || !read_window (window, today, deadline))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("No filing window is known for the province “%s”: source not found"),
                   province != NULL ? province : "");
      return NULL;
    }
  return g_steal_pointer (&deadline);
}

gboolean
icw_rectification_due (IcwReportGrade     grade,
                       const GDate *accepted,
                       GDate       *due)
{
  g_return_val_if_fail (accepted != NULL && g_date_valid (accepted) && due != NULL, FALSE);
  if (grade != ICW_REPORT_GRADE_FAIL)
    return FALSE;
  *due = *accepted;
  g_date_add_years (due, 1);
  return TRUE;
}

gboolean
icw_rectification_recheck_due (const GDate *due,
                               const GDate *today)
{
  return g_date_compare (today, due) >= 0;
}

char *
icw_rectification_basis (void)
{
  return g_strdup_printf (_("%s: “%s” (a one-year rectification, then an on-site check by experts). Counting the year "
                            "from the day the grade was accepted is program practice: the text does not say from when."),
                          "工信厅科〔2018〕37号《国家制造业创新中心考核评估办法（暂行）》 考评结果",
                          "整改期为一年，期满后由工业和信息化部组织专家现场检查整改结果");
}
