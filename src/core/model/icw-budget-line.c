/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-line.c: one line of a funding request's budget, and the JSON text of its cells. Its
 * properties are its fields in the field catalogue (icw-field-catalogue.c); the accessors below are
 * the typed face of them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "icw-budget-line.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-json-check.h"

struct _IcwBudgetLine
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwBudgetLine, icw_budget_line, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwBudgetLine, icw_budget_line, ICW_IS_BUDGET_LINE, field, property)

TEXT_FIELD (request_id, "request-id")
TEXT_FIELD (category, "category")
TEXT_FIELD (justification, "justification")
TEXT_FIELD (cells, "cells")

char *
icw_budget_cell_key (int              year,
                     IcwFundingSource source)
{
  return g_strdup_printf ("%d/%s", year, icw_funding_source_to_key (source));
}

static gboolean
bad_cell (GError    **error,
          const char *key)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
               _("Budget cell “%s”: the amount must be a whole number of fen from 0 to 9223372036854775807, written as a string"),
               key);
  return FALSE;
}

static gboolean
parse_fen (const char *text,
           gint64     *fen)
{
  guint64 value;

  /* Plain decimal digits only: no sign, no spaces, no leading zeros but "0" itself. */
  if (text == NULL || *text == '\0' || strspn (text, "0123456789") != strlen (text) ||
      (text[0] == '0' && text[1] != '\0'))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *fen = (gint64) value;
  return TRUE;
}

GHashTable *
icw_budget_cells_parse (const char  *text,
                        GError     **error)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GList) members = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&cells);
  if ((root = icw_json_parse_strict (text)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Budget amounts: the text is not a JSON object of cells"));
      return NULL;
    }
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);
      gint64 fen;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !parse_fen (json_node_get_string (node), &fen))
        {
          bad_cell (error, key);
          return NULL;
        }
      g_hash_table_replace (cells, g_strdup (key), g_memdup2 (&fen, sizeof fen));
    }
  return g_steal_pointer (&cells);
}

gint64
icw_budget_line_get_cell (IcwBudgetLine    *self,
                          int               year,
                          IcwFundingSource  source)
{
  g_autoptr(GHashTable) cells = NULL;
  g_autofree char *key = NULL;
  gint64 *fen;

  g_return_val_if_fail (ICW_IS_BUDGET_LINE (self), 0);
  cells = icw_budget_cells_parse (icw_budget_line_get_cells (self), NULL);
  if (cells == NULL)
    return 0;
  key = icw_budget_cell_key (year, source);
  fen = g_hash_table_lookup (cells, key);
  return fen != NULL ? *fen : 0;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
icw_budget_line_set_cell (IcwBudgetLine    *self,
                          int               year,
                          IcwFundingSource  source,
                          gint64            fen)
{
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *key = NULL;
  g_autofree const char **keys = NULL;
  g_autofree char *text = NULL;
  guint n;

  g_return_if_fail (ICW_IS_BUDGET_LINE (self));
  g_return_if_fail ((guint) source < ICW_N_FUNDING_SOURCES);

  cells = icw_budget_cells_parse (icw_budget_line_get_cells (self), NULL);
  if (cells == NULL)
    cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  key = icw_budget_cell_key (year, source);
  if (fen == 0)
    g_hash_table_remove (cells, key);
  else
    g_hash_table_replace (cells, g_strdup (key), g_memdup2 (&fen, sizeof fen));

  keys = (const char **) g_hash_table_get_keys_as_array (cells, &n);
  qsort (keys, n, sizeof *keys, compare_keys);
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) g_hash_table_lookup (cells, keys[i]));

      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  icw_budget_line_set_cells (self, n > 0 ? text : NULL);
}

static void
icw_budget_line_class_init (IcwBudgetLineClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_BUDGET_LINE);
}

static void
icw_budget_line_init (IcwBudgetLine *self)
{
}

IcwBudgetLine *
icw_budget_line_new (void)
{
  return g_object_new (ICW_TYPE_BUDGET_LINE, NULL);
}
