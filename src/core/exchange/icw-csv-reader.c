/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-csv-reader.c: reads CSV text by RFC 4180: comma-separated values, CRLF, LF or CR line ends,
 * values in double quotes that may hold commas, line breaks and doubled quotes. The reader is strict
 * about quotes, because a stray quote usually means the columns have shifted, and lenient about
 * short rows, because many programs leave out the empty cells at the end of a row. A byte order
 * mark is allowed only at the start of the file (icw_text_decode removes it), never inside a value
 * where it would become part of a name. A value or a line longer than the caps of
 * icw-field-limits.h stops the reading at once, before the rest of it is copied. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-csv-reader.h"
#include "icw-error.h"
#include "icw-field-limits.h"

typedef enum {
  PROBLEM_UNCLOSED_QUOTE,
  PROBLEM_STRAY_QUOTE,
  PROBLEM_TEXT_AFTER_QUOTE,
  PROBLEM_BOM,
  PROBLEM_VALUE_TOO_LONG,
  PROBLEM_LINE_TOO_LONG,
} Problem;

static const char bom[] = "\xEF\xBB\xBF";

typedef struct {
  const char  *p;
  const char  *line;       /* where the record being read began */
  guint        row;        /* the spreadsheet row of the record being read */
  char       **header;     /* NULL while the header is being read */
} Parser;

static void
row_free (gpointer data)
{
  IcwCsvRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

void
icw_csv_table_free (IcwCsvTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/* The header's name for a column, or NULL when there is none to show. */
static char *
header_name (Parser *parser,
             guint   column)
{
  g_autofree char *name = NULL;

  if (parser->header == NULL || column >= g_strv_length (parser->header))
    return NULL;
  name = g_strstrip (g_strdup (parser->header[column]));
  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}

static void
set_named_error (GError     **error,
                 Problem      problem,
                 guint        row,
                 const char  *name)
{
  switch (problem)
    {
    case PROBLEM_UNCLOSED_QUOTE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: a quoted value is never closed; add the missing double quote."),
                   row, name);
      break;
    case PROBLEM_STRAY_QUOTE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: a double quote may appear only inside a quoted value; put the whole value in double quotes and double the quote inside it."),
                   row, name);
      break;
    case PROBLEM_TEXT_AFTER_QUOTE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: after the closing double quote of a value only a comma or the end of the line may follow."),
                   row, name);
      break;
    case PROBLEM_BOM:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: the value contains a byte order mark (U+FEFF), which may stand only at the very start of the file; it usually comes from pasting two files together. Remove it and import again."),
                   row, name);
      break;
    case PROBLEM_VALUE_TOO_LONG:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: the value is longer than %u bytes, far more than any field holds; the file was not read further."),
                   row, name, (guint) ICW_LIMIT_CSV_VALUE_BYTES);
      break;
    case PROBLEM_LINE_TOO_LONG:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: the row is longer than %u bytes, far more than a center or an organization needs; the file was not read further."),
                   row, name, (guint) ICW_LIMIT_CSV_LINE_BYTES);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_numbered_error (GError  **error,
                    Problem   problem,
                    guint     row,
                    guint     column)
{
  switch (problem)
    {
    case PROBLEM_UNCLOSED_QUOTE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column %u: a quoted value is never closed; add the missing double quote."),
                   row, column);
      break;
    case PROBLEM_STRAY_QUOTE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column %u: a double quote may appear only inside a quoted value; put the whole value in double quotes and double the quote inside it."),
                   row, column);
      break;
    case PROBLEM_TEXT_AFTER_QUOTE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column %u: after the closing double quote of a value only a comma or the end of the line may follow."),
                   row, column);
      break;
    case PROBLEM_BOM:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column %u: the value contains a byte order mark (U+FEFF), which may stand only at the very start of the file; it usually comes from pasting two files together. Remove it and import again."),
                   row, column);
      break;
    case PROBLEM_VALUE_TOO_LONG:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column %u: the value is longer than %u bytes, far more than any field holds; the file was not read further."),
                   row, column, (guint) ICW_LIMIT_CSV_VALUE_BYTES);
      break;
    case PROBLEM_LINE_TOO_LONG:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column %u: the row is longer than %u bytes, far more than a center or an organization needs; the file was not read further."),
                   row, column, (guint) ICW_LIMIT_CSV_LINE_BYTES);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Names the column by its header when it has one, by its number (from 1) otherwise. */
static gboolean
fail (Parser   *parser,
      Problem   problem,
      guint     row,
      guint     column,
      GError  **error)
{
  g_autofree char *name = header_name (parser, column);

  if (name != NULL)
    set_named_error (error, problem, row, name);
  else
    set_numbered_error (error, problem, row, column + 1);
  return FALSE;
}

static gboolean
ends_value (char c)
{
  return c == ',' || c == '\r' || c == '\n' || c == '\0';
}

/* The checks made at every byte of a value: a byte order mark, and the caps. */
static gboolean
check_byte (Parser   *parser,
            GString  *value,
            guint     row,
            guint     column,
            GError  **error)
{
  if ((guchar) *parser->p == 0xEF && strncmp (parser->p, bom, 3) == 0)
    return fail (parser, PROBLEM_BOM, row, column, error);
  if (value->len >= ICW_LIMIT_CSV_VALUE_BYTES)
    return fail (parser, PROBLEM_VALUE_TOO_LONG, row, column, error);
  if (parser->p - parser->line >= ICW_LIMIT_CSV_LINE_BYTES)
    return fail (parser, PROBLEM_LINE_TOO_LONG, row, column, error);
  return TRUE;
}

/* Line breaks inside a value become "\n", whatever the file used. */
static gboolean
read_quoted (Parser   *parser,
             GString  *value,
             guint     column,
             GError  **error)
{
  guint start_row = parser->row;

  for (parser->p++; ; parser->p++)
    {
      char c = *parser->p;

      if (c == '\0')
        return fail (parser, PROBLEM_UNCLOSED_QUOTE, start_row, column, error);
      if (c == '"' && parser->p[1] != '"')
        break;
      if (!check_byte (parser, value, start_row, column, error))
        return FALSE;
      if (c == '"' || (c == '\r' && parser->p[1] == '\n'))
        parser->p++;
      g_string_append_c (value, c == '\r' ? '\n' : c);
    }

  parser->p++;
  if (!ends_value (*parser->p))
    return fail (parser, PROBLEM_TEXT_AFTER_QUOTE, start_row, column, error);
  return TRUE;
}

static gboolean
read_plain (Parser   *parser,
            GString  *value,
            guint     column,
            GError  **error)
{
  for (; !ends_value (*parser->p); parser->p++)
    {
      if (*parser->p == '"')
        return fail (parser, PROBLEM_STRAY_QUOTE, parser->row, column, error);
      if (!check_byte (parser, value, parser->row, column, error))
        return FALSE;
      g_string_append_c (value, *parser->p);
    }
  return TRUE;
}

static void
skip_line_end (Parser *parser)
{
  if (parser->p[0] == '\r' && parser->p[1] == '\n')
    parser->p += 2;
  else if (parser->p[0] == '\r' || parser->p[0] == '\n')
    parser->p++;
}

/* Reads one record and its line end into fields, a GPtrArray of strings. */
static gboolean
read_record (Parser     *parser,
             GPtrArray  *fields,
             GError    **error)
{
  parser->line = parser->p;
  for (guint column = 0; ; column++)
    {
      g_autoptr(GString) value = g_string_new (NULL);
      gboolean ok = *parser->p == '"' ? read_quoted (parser, value, column, error)
                                      : read_plain (parser, value, column, error);

      if (!ok)
        return FALSE;
      /* Empty values copy nothing, but a line of a million commas is still refused. */
      if (parser->p - parser->line >= ICW_LIMIT_CSV_LINE_BYTES)
        return fail (parser, PROBLEM_LINE_TOO_LONG, parser->row, column, error);
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&value), FALSE));
      if (*parser->p != ',')
        break;
      parser->p++;
    }

  skip_line_end (parser);
  return TRUE;
}

static gboolean
is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    for (const char *p = fields->pdata[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* Rows shorter than the header get empty values; a longer row is accepted only when its extra
 * values are empty (Excel writes them for cells that once held something). */
static gboolean
fit_to_header (Parser     *parser,
               GPtrArray  *fields,
               guint       n_columns,
               GError    **error)
{
  for (guint i = n_columns; i < fields->len; i++)
    if (*g_strstrip ((char *) fields->pdata[i]) != '\0')
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                     _("Row %u has more values than the header has columns (%u instead of %u); a value that contains a comma must be put in double quotes."),
                     parser->row, fields->len, n_columns);
        return FALSE;
      }

  if (fields->len > n_columns)
    g_ptr_array_set_size (fields, n_columns);
  while (fields->len < n_columns)
    g_ptr_array_add (fields, g_strdup (""));
  return TRUE;
}

static char **
steal_strv (GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

/* Takes fields over: the first record becomes the header, the others rows. */
static gboolean
add_record (Parser       *parser,
            IcwCsvTable  *table,
            GPtrArray    *fields,
            GError      **error)
{
  g_autoptr(GPtrArray) owned = fields;
  IcwCsvRow *row;

  if (table->header == NULL)
    {
      table->n_columns = owned->len;
      table->header = parser->header = steal_strv (g_steal_pointer (&owned));
      return TRUE;
    }

  if (!fit_to_header (parser, owned, table->n_columns, error))
    return FALSE;
  row = g_new0 (IcwCsvRow, 1);
  row->number = parser->row;
  row->fields = steal_strv (g_steal_pointer (&owned));
  g_ptr_array_add (table->rows, row);
  return TRUE;
}

/* Parses NUL-terminated UTF-8 text. The first row that is not blank is the header. */
IcwCsvTable *
icw_csv_table_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(IcwCsvTable) table = g_new0 (IcwCsvTable, 1);
  Parser parser = { text, text, 0, NULL };

  g_return_val_if_fail (text != NULL, NULL);

  table->rows = g_ptr_array_new_with_free_func (row_free);
  while (*parser.p != '\0')
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      parser.row++;
      if (!read_record (&parser, fields, error))
        return NULL;
      if (is_blank (fields))
        continue;
      if (!add_record (&parser, table, g_steal_pointer (&fields), error))
        return NULL;
    }

  if (table->header == NULL)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                           _("The file is empty: it has no header row with the column names."));
      return NULL;
    }
  return g_steal_pointer (&table);
}
