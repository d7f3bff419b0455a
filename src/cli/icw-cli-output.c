/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-output.c: how icw writes: messages on stdout and stderr, the formats of money, shares
 * and yes/no, aligned tables, and opening the database the command line names.
 *
 * Text goes out as UTF-8 with fputs rather than g_print, which would turn every Chinese name into
 * question marks under a C locale (cron jobs, containers). The data is UTF-8, and so is --json.
 * Control characters that old data may hold (an escape sequence in a name) never reach the
 * terminal raw: messages keep only their line breaks and tabs, table cells not even those
 * (icw_text_escape_controls); --json is written by json-glib, which escapes them itself. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "icw-cli.h"
#include "icw-field-limits.h"
#include "icw-money.h"

static char *safe_message (const char *format, va_list args) G_GNUC_PRINTF (1, 0);

/* A message's text, its control characters but line breaks and tabs escaped. */
static char *
safe_message (const char *format,
              va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);

  return icw_text_escape_controls (text, TRUE);
}

void
icw_cli_out (const char *format,
             ...)
{
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  safe = safe_message (format, args);
  va_end (args);
  fputs (safe, stdout);
}

void
icw_cli_err (const char *format,
             ...)
{
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  safe = safe_message (format, args);
  va_end (args);
  fflush (stdout);
  fputs ("icw: ", stderr);
  fputs (safe, stderr);
  fputs ("\n", stderr);
}

/* Reports a failure (exit status 1). */
int
icw_cli_fail (const GError *error)
{
  icw_cli_err ("%s", error->message);
  return ICW_EXIT_FAILURE;
}

/* Reports a mistake in the command line (exit status 2) and where to read how it goes. */
int
icw_cli_usage_error (const char *format,
                     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  icw_cli_err ("%s", text);
  icw_cli_err ("%s", _("Run “icw --help” to see the commands and their options."));
  return ICW_EXIT_USAGE;
}

/* Columns on a terminal: East Asian wide characters take two. */
guint
icw_cli_display_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;
  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Money as people read it in applications: 万元 with two decimals. */
char *
icw_cli_format_money (gint64 fen)
{
  g_autofree char *number = icw_money_format (fen, ICW_MONEY_UNIT_WAN);

  return g_strdup_printf ("%s %s", number, icw_money_unit_symbol (ICW_MONEY_UNIT_WAN));
}

char *
icw_cli_format_share (gint64 basis_points)
{
  return icw_basis_points_format (basis_points);
}

const char *
icw_cli_format_bool (gboolean value)
{
  return value ? _("Yes") : _("No");
}

/* An empty value is shown as a dash, so that a column never looks shifted. */
const char *
icw_cli_or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

struct _IcwCliTable
{
  guint      n_columns;
  GPtrArray *rows;           /* GStrv, n_columns cells each */
  gboolean  *right_aligned;
};

IcwCliTable *
icw_cli_table_new (guint n_columns)
{
  IcwCliTable *table = g_new0 (IcwCliTable, 1);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->right_aligned = g_new0 (gboolean, n_columns);
  return table;
}

void
icw_cli_table_free (IcwCliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table->right_aligned);
  g_free (table);
}

/* Adds a row of n_columns cells, shown as given; NULL ends the list, so it cannot be a cell. */
void
icw_cli_table_add (IcwCliTable *table,
                   ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  const char *cell;
  va_list args;
  guint i = 0;

  va_start (args, table);
  while ((cell = va_arg (args, const char *)) != NULL)
    {
      g_assert (i < table->n_columns);
      cells[i++] = icw_text_escape_controls (cell, FALSE);
    }
  va_end (args);
  g_assert (i == table->n_columns);
  g_ptr_array_add (table->rows, cells);
}

void
icw_cli_table_add_row (IcwCliTable        *table,
                       const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_assert (cells[i] != NULL);
      row[i] = icw_text_escape_controls (cells[i], FALSE);
    }
  g_assert (cells[table->n_columns] == NULL);
  g_ptr_array_add (table->rows, row);
}

void
icw_cli_table_align_right (IcwCliTable *table,
                           guint        column)
{
  g_return_if_fail (column < table->n_columns);
  table->right_aligned[column] = TRUE;
}

static void
append_padding (GString *line,
                guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

static void
print_row (IcwCliTable  *table,
           char        **cells,
           const guint  *widths,
           guint         indent)
{
  g_autoptr(GString) line = g_string_new (NULL);

  append_padding (line, indent);
  for (guint c = 0; c < table->n_columns; c++)
    {
      guint pad = widths[c] - icw_cli_display_width (cells[c]);
      gboolean last = c + 1 == table->n_columns;

      if (table->right_aligned[c])
        append_padding (line, pad);
      g_string_append (line, cells[c]);
      if (!table->right_aligned[c] && !last)
        append_padding (line, pad);
      if (!last)
        g_string_append (line, "  ");
    }
  icw_cli_out ("%s\n", line->str);
}

void
icw_cli_table_print (IcwCliTable *table,
                     guint        indent)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = table->rows->pdata[r];

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], icw_cli_display_width (cells[c]));
    }
  for (guint r = 0; r < table->rows->len; r++)
    print_row (table, table->rows->pdata[r], widths, indent);
}

IcwStore *
icw_cli_open_store (const IcwCliOptions  *options,
                    gboolean              must_exist,
                    GError              **error)
{
  if (must_exist && !g_file_test (options->db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no database at “%s”. Load the sample with “icw sample” or import a file with “icw import”, or name another database with --db."),
                   options->db_path);
      return NULL;
    }
  return icw_store_open (options->db_path, error);
}

char *
icw_cli_record_name (IcwStore      *store,
                     IcwRecordKind  kind,
                     const char    *id)
{
  const char *naming[] = { "name", "title", "category" };
  g_autoptr(IcwRecord) record = NULL;
  g_autofree char *name = NULL;
  const IcwColumn *field;

  if (id == NULL || *id == '\0')
    return NULL;
  record = icw_store_lookup (store, kind, id, NULL);
  if (record == NULL)
    return g_strdup (id);
  for (guint i = 0; i < G_N_ELEMENTS (naming); i++)
    if (icw_field_catalogue_find (kind, naming[i]) != NULL)
      {
        g_object_get (record, naming[i], &name, NULL);
        return g_steal_pointer (&name);
      }
  /* A party is known by its organization. */
  if ((field = icw_field_catalogue_find (kind, "organization_id")) != NULL)
    {
      g_autofree char *org_id = NULL;

      g_object_get (record, field->property, &org_id, NULL);
      return icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION, org_id);
    }
  return g_strdup (id);
}
