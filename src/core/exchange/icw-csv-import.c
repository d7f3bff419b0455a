/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-csv-import.c: imports the centers and organizations CSV files of DESIGN.md and docs/formats.md.
 * The whole file is checked and written in one store batch, so a bad row leaves the database as it
 * was; every message names the row as a spreadsheet numbers it and the column as the file names it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-center.h"
#include "icw-credit-code.h"
#include "icw-csv-import.h"
#include "icw-csv-numbers.h"
#include "icw-csv-reader.h"
#include "icw-error.h"
#include "icw-field-limits.h"
#include "icw-organization.h"
#include "icw-text-encoding.h"

typedef enum {
  FIELD_NONE = -1,
  FIELD_NAME,
  FIELD_PROVINCE,
  FIELD_CITY,
  FIELD_LEVEL,
  FIELD_SECTOR,
  FIELD_YEAR,
  FIELD_LEAD_ORG,
  FIELD_CREDIT_CODE,
  FIELD_KIND,
  FIELD_LEGAL_REPRESENTATIVE,
  FIELD_TOP_TEN,
  FIELD_TOP_TEN_FIELD,
  FIELD_TOP_TEN_SOURCE,
  N_FIELDS
} Field;

typedef enum {
  SCOPE_BOTH,
  SCOPE_CENTERS,
  SCOPE_ORGANIZATIONS,
} Scope;

typedef struct {
  const char *english;    /* compared ignoring case, with '-' and ' ' read as '_' */
  const char *chinese;
  Scope       scope;
  const char *property;   /* a text property taken as it is, or NULL for values parsed here */
  /* A parsed value's length and the characters it may hold (icw-field-limits.h); a property's
   * are the field catalogue's (LIMIT in icw-field-catalogue.c), as the store checks them. */
  IcwFieldClass limit;
} FieldInfo;

static const FieldInfo field_info[N_FIELDS] = {
  [FIELD_NAME] = { "name", "名称", SCOPE_BOTH, "name" },
  [FIELD_PROVINCE] = { "province", "省份", SCOPE_BOTH, "province" },
  [FIELD_CITY] = { "city", "城市", SCOPE_BOTH, "city" },
  [FIELD_LEVEL] = { "level", "级别", SCOPE_CENTERS, NULL, ICW_FIELD_CLASS_SHORT },
  [FIELD_SECTOR] = { "sector", "领域", SCOPE_CENTERS, "field" },
  [FIELD_YEAR] = { "year", "认定年份", SCOPE_CENTERS, NULL, ICW_FIELD_CLASS_SHORT },
  [FIELD_LEAD_ORG] = { "lead_org", "牵头单位", SCOPE_CENTERS, NULL, ICW_FIELD_CLASS_NAME },
  [FIELD_CREDIT_CODE] = { "credit_code", "统一社会信用代码", SCOPE_ORGANIZATIONS, NULL, ICW_FIELD_CLASS_SHORT },
  [FIELD_KIND] = { "kind", "类型", SCOPE_ORGANIZATIONS, NULL, ICW_FIELD_CLASS_SHORT },
  [FIELD_LEGAL_REPRESENTATIVE] = { "legal_representative", "法定代表人", SCOPE_ORGANIZATIONS, "legal-representative" },
  [FIELD_TOP_TEN] = { "top_ten", "行业前十", SCOPE_ORGANIZATIONS, NULL, ICW_FIELD_CLASS_SHORT },
  /* 64号 （二） ranks per field (migration 16): the field and where the ranking comes from. */
  [FIELD_TOP_TEN_FIELD] = { "top_ten_field", "排名前十领域", SCOPE_ORGANIZATIONS, "top-ten-field" },
  [FIELD_TOP_TEN_SOURCE] = { "top_ten_source", "排名来源及年份", SCOPE_ORGANIZATIONS, "top-ten-source" },
};

/* The numbers and flags of issue 15 (icw-csv-numbers.c), organizations only. */
#define MAX_NUMBERS 32

typedef struct {
  IcwStore     *store;
  IcwCsvTable  *table;
  IcwCsvKind    kind;
  char        **names;             /* each column's header, trimmed */
  int           columns[N_FIELDS]; /* the column of each field, or -1 */
  int           numbers[MAX_NUMBERS]; /* the column of each number (icw-csv-numbers.h), or -1 */
  guint         n_numbers;
  GHashTable   *seen;              /* record ID → the row (GUINT_TO_POINTER) that wrote it */
  GPtrArray    *warnings;
  guint         created;
  guint         updated;
} Import;

/* One row's values, trimmed; NULL for the fields the file has no column for. */
typedef struct {
  guint           row;
  char           *values[N_FIELDS];
  IcwCenterLevel  level;
  int             year;
  IcwOrgKind      kind;
  gboolean        top_ten;
  GValue          numbers[MAX_NUMBERS];  /* G_VALUE_INIT where the cell is empty or absent */
} RowValues;

/* Strips Unicode white space too: Chinese text often carries the ideographic space U+3000. */
static char *
trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return g_strndup (start, end - start);
}

static Field
field_for_header (const char *name)
{
  g_autofree char *english = g_strdelimit (g_ascii_strdown (name, -1), " -", '_');

  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (english, field_info[f].english) || g_str_equal (name, field_info[f].chinese))
      return f;
  return FIELD_NONE;
}

static const char *
column_name (Import *import,
             Field   field)
{
  return import->names[import->columns[field]];
}

static gboolean
filled (RowValues *values,
        Field      field)
{
  return values->values[field] != NULL && *values->values[field] != '\0';
}

static void
row_values_clear (RowValues *values)
{
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (values->values[f]);
  for (guint i = 0; i < MAX_NUMBERS; i++)
    if (G_IS_VALUE (&values->numbers[i]))
      g_value_unset (&values->numbers[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowValues, row_values_clear)

/* Takes the message over. */
static void
warn (Import *import,
      char   *message)
{
  g_ptr_array_add (import->warnings, message);
}

/* The header: which column holds which field; two columns for one field are an error. */
static gboolean
map_columns (Import  *import,
             GError **error)
{
  for (guint i = 0; i < import->table->n_columns; i++)
    {
      Field f = field_for_header (import->names[i]);
      int number = f == FIELD_NONE ? icw_csv_number_column_for_header (import->names[i]) : -1;

      if (number >= 0 && import->numbers[number] >= 0)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                       _("The columns “%s” and “%s” both stand for the same field; remove one of them."),
                       import->names[import->numbers[number]], import->names[i]);
          return FALSE;
        }
      if (number >= 0)
        import->numbers[number] = i;
      if (f == FIELD_NONE)
        continue;
      if (import->columns[f] >= 0)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                       _("The columns “%s” and “%s” both stand for the same field; remove one of them."),
                       column_name (import, f), import->names[i]);
          return FALSE;
        }
      import->columns[f] = i;
    }
  return TRUE;
}

static gboolean
has_scope (Import *import,
           Scope   scope)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (import->columns[f] >= 0 && field_info[f].scope == scope)
      return TRUE;
  for (guint i = 0; scope == SCOPE_ORGANIZATIONS && i < import->n_numbers; i++)
    if (import->numbers[i] >= 0)
      return TRUE;
  return FALSE;
}

/* The kind of records, from the columns only one kind has when the caller left it open. */
static gboolean
decide_kind (Import  *import,
             GError **error)
{
  gboolean centers, organizations;

  if (import->kind != ICW_CSV_KIND_AUTO)
    return TRUE;

  centers = has_scope (import, SCOPE_CENTERS);
  organizations = has_scope (import, SCOPE_ORGANIZATIONS);
  if (centers == organizations)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                           _("Could not tell from the header row whether the file holds centers or organizations; choose which kind of records to import."));
      return FALSE;
    }
  import->kind = centers ? ICW_CSV_KIND_CENTERS : ICW_CSV_KIND_ORGANIZATIONS;
  return TRUE;
}

static gboolean
column_has_values (Import *import,
                   guint   column)
{
  for (guint i = 0; i < import->table->rows->len; i++)
    {
      IcwCsvRow *row = import->table->rows->pdata[i];
      g_autofree char *value = trim (row->fields[column]);

      if (*value != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Columns of the other kind are dropped from the map, so that nothing reads them. */
static void
warn_ignored_column (Import *import,
                     guint   column)
{
  Field f = field_for_header (import->names[column]);
  int number = icw_csv_number_column_for_header (import->names[column]);
  const char *name = import->names[column];

  if (f != FIELD_NONE)
    import->columns[f] = -1;
  if (number >= 0)
    import->numbers[number] = -1;
  if (*name == '\0')
    {
      if (column_has_values (import, column))
        warn (import, g_strdup_printf (_("Column %u has no header, so its values were ignored."), column + 1));
    }
  else if (f == FIELD_NONE && number < 0)
    warn (import, g_strdup_printf (_("The column “%s” is not known and was ignored."), name));
  else if (import->kind == ICW_CSV_KIND_CENTERS)
    warn (import, g_strdup_printf (_("The column “%s” is not used for centers and was ignored."), name));
  else
    warn (import, g_strdup_printf (_("The column “%s” is not used for organizations and was ignored."), name));
}

static gboolean
in_scope (Import *import,
          Field   field)
{
  Scope own = import->kind == ICW_CSV_KIND_CENTERS ? SCOPE_CENTERS : SCOPE_ORGANIZATIONS;

  return field != FIELD_NONE && (field_info[field].scope == SCOPE_BOTH || field_info[field].scope == own);
}

static gboolean
read_header (Import  *import,
             GError **error)
{
  if (!map_columns (import, error) || !decide_kind (import, error))
    return FALSE;

  for (guint i = 0; i < import->table->n_columns; i++)
    if (!in_scope (import, field_for_header (import->names[i])) &&
        (import->kind != ICW_CSV_KIND_ORGANIZATIONS || icw_csv_number_column_for_header (import->names[i]) < 0))
      warn_ignored_column (import, i);

  if (import->columns[FIELD_NAME] < 0)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                           _("The header row has no “name” (名称) column, which is required."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 2000, 2100, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

static gboolean
check_name (Import     *import,
            RowValues  *values,
            GError    **error)
{
  if (filled (values, FIELD_NAME))
    return TRUE;
  if (import->kind == ICW_CSV_KIND_CENTERS)
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                 _("Row %u, column “%s”: the name is empty; every center needs a name."),
                 values->row, column_name (import, FIELD_NAME));
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                 _("Row %u, column “%s”: the name is empty; every organization needs a name."),
                 values->row, column_name (import, FIELD_NAME));
  return FALSE;
}

static gboolean
parse_center_values (Import     *import,
                     RowValues  *values,
                     GError    **error)
{
  if (filled (values, FIELD_LEVEL) && !icw_center_level_from_string (values->values[FIELD_LEVEL], &values->level))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a center level; use national, provincial or national-local (国家, 省级, 国家地方共建)."),
                   values->row, column_name (import, FIELD_LEVEL), values->values[FIELD_LEVEL]);
      return FALSE;
    }
  if (filled (values, FIELD_YEAR) && !parse_year (values->values[FIELD_YEAR], &values->year))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a year; leave it empty or type a year from 2000 to 2100."),
                   values->row, column_name (import, FIELD_YEAR), values->values[FIELD_YEAR]);
      return FALSE;
    }
  return TRUE;
}

/* The numbers' cells: an empty one leaves the field as it is, any other must be read whole. */
static gboolean
parse_numbers (Import     *import,
               IcwCsvRow  *row,
               RowValues  *values,
               GError    **error)
{
  for (guint i = 0; i < import->n_numbers; i++)
    {
      g_autofree char *text = NULL;

      if (import->numbers[i] < 0)
        continue;
      text = trim (row->fields[import->numbers[i]]);
      if (*text != '\0' &&
          !icw_csv_number_parse (i, text, values->row, import->names[import->numbers[i]], &values->numbers[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_organization_values (Import     *import,
                           IcwCsvRow  *row,
                           RowValues  *values,
                           GError    **error)
{
  if (filled (values, FIELD_KIND) && !icw_org_kind_from_string (values->values[FIELD_KIND], &values->kind))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a kind of organization; use enterprise, university, institute, industrial-park, finance, association or other (企业, 高校, 科研院所, 产业园区, 投资金融机构, 行业组织, 其他)."),
                   values->row, column_name (import, FIELD_KIND), values->values[FIELD_KIND]);
      return FALSE;
    }
  if (filled (values, FIELD_TOP_TEN) && !icw_csv_parse_yes_no (values->values[FIELD_TOP_TEN], &values->top_ten))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is neither yes nor no; use yes or no (是 or 否)."),
                   values->row, column_name (import, FIELD_TOP_TEN), values->values[FIELD_TOP_TEN]);
      return FALSE;
    }
  return parse_numbers (import, row, values, error);
}

/* Control characters (none in names and codes; line breaks and tabs in a sector) and the length,
 * as the store checks them, but named by row and column. */
static gboolean
check_limits (Import     *import,
              RowValues  *values,
              Field       f,
              GError    **error)
{
  IcwFieldClass limit = field_info[f].limit;
  gunichar bad = 0;
  glong length = 0;

  if (field_info[f].property != NULL && !icw_field_class_for_property (field_info[f].property, &limit, NULL))
    g_assert_not_reached ();  /* every text column the import writes is limited in the catalogue */

  switch (icw_field_inspect (values->values[f], limit, &bad, &length))
    {
    case ICW_FIELD_OK:
      return TRUE;
    case ICW_FIELD_CONTROL:
      if (limit == ICW_FIELD_CLASS_LINES || limit == ICW_FIELD_CLASS_TEXT)
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                     _("Row %u, column “%s”: the value contains the control character U+%04X; only line breaks and tabs are allowed."),
                     values->row, column_name (import, f), bad);
      else
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                     _("Row %u, column “%s”: the value contains the control character U+%04X (a line break, tab or other invisible character), which names and codes may not hold."),
                     values->row, column_name (import, f), bad);
      return FALSE;
    case ICW_FIELD_TOO_LONG:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: the value is longer than %u characters (it has %ld)."),
                   values->row, column_name (import, f), icw_field_class_max_chars (limit), length);
      return FALSE;
    case ICW_FIELD_NOT_UTF8:
    default:
      g_assert_not_reached ();   /* icw_text_decode gave UTF-8 */
    }
}

/* Reads and checks a row's values; nothing is written yet. */
static gboolean
read_values (Import     *import,
             IcwCsvRow  *row,
             RowValues  *values,
             GError    **error)
{
  values->row = row->number;
  for (Field f = 0; f < N_FIELDS; f++)
    if (import->columns[f] >= 0)
      values->values[f] = trim (row->fields[import->columns[f]]);

  if (values->values[FIELD_CREDIT_CODE] != NULL)
    {
      char *code = icw_credit_code_normalize (values->values[FIELD_CREDIT_CODE]);

      g_free (values->values[FIELD_CREDIT_CODE]);
      values->values[FIELD_CREDIT_CODE] = code;
    }

  for (Field f = 0; f < N_FIELDS; f++)
    if (values->values[f] != NULL && !check_limits (import, values, f, error))
      return FALSE;
  if (!check_name (import, values, error))
    return FALSE;
  return import->kind == ICW_CSV_KIND_CENTERS ? parse_center_values (import, values, error)
                                              : parse_organization_values (import, row, values, error);
}

/* Each record may be written by one row only: a second row for it is most likely a mistake. */
static gboolean
check_not_seen (Import     *import,
                RowValues  *values,
                IcwRecord  *record,
                Field       field,
                GError    **error)
{
  guint earlier = GPOINTER_TO_UINT (g_hash_table_lookup (import->seen, icw_record_get_id (record)));

  if (earlier == 0)
    return TRUE;
  if (import->kind == ICW_CSV_KIND_CENTERS)
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                 _("Row %u, column “%s”: row %u already describes this center; each center may appear only once in a file."),
                 values->row, column_name (import, field), earlier);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                 _("Row %u, column “%s”: row %u already describes this organization; each organization may appear only once in a file."),
                 values->row, column_name (import, field), earlier);
  return FALSE;
}

/* Text fields: an empty cell clears the field (stored as NULL, so that an unchanged row is seen as such). */
static void
apply_text_fields (Import     *import,
                   RowValues  *values,
                   IcwRecord  *record)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (values->values[f] != NULL && field_info[f].property != NULL)
      g_object_set (record, field_info[f].property, filled (values, f) ? values->values[f] : NULL, NULL);
}

static void
note_change (gboolean *changed)
{
  *changed = TRUE;
}

/* A store error (such as a credit code that fails its check) becomes a message about the row. */
static gboolean
wrap_save_error (Import     *import,
                 RowValues  *values,
                 Field       field,
                 GError     *save_error,
                 GError    **error)
{
  if (field != FIELD_NONE && import->columns[field] >= 0)
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("Row %u, column “%s”: %s"),
                 values->row, column_name (import, field), save_error->message);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("Row %u: %s"), values->row, save_error->message);
  return FALSE;
}

static Field
blame_for_save_error (Import    *import,
                      RowValues *values,
                      GError    *save_error)
{
  const char *code = values->values[FIELD_CREDIT_CODE];

  if (import->kind == ICW_CSV_KIND_ORGANIZATIONS && code != NULL && *code != '\0' &&
      (g_error_matches (save_error, ICW_ERROR, ICW_ERROR_DUPLICATE) || !icw_credit_code_validate (code, NULL)))
    return FIELD_CREDIT_CODE;
  return FIELD_NONE;
}

/* Saves the record when it is new or the row changed it, and remembers which row wrote it. */
static gboolean
save_record (Import     *import,
             RowValues  *values,
             IcwRecord  *record,
             gboolean    is_new,
             gboolean    changed,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (is_new || changed)
    {
      if (!icw_store_save (import->store, record, &local_error))
        return wrap_save_error (import, values, blame_for_save_error (import, values, local_error),
                                local_error, error);
      if (is_new)
        import->created++;
      else
        import->updated++;
    }
  g_hash_table_insert (import->seen, g_strdup (icw_record_get_id (record)), GUINT_TO_POINTER (values->row));
  return TRUE;
}

/* Finds the lead organization by its exact name, adding it as an enterprise when it is missing. */
static gboolean
resolve_lead (Import     *import,
              RowValues  *values,
              char      **id,
              GError    **error)
{
  const char *name = values->values[FIELD_LEAD_ORG];
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcwRecord) org = icw_store_find_by_name (import->store, ICW_RECORD_KIND_ORGANIZATION, name, &local_error);

  if (org == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (org == NULL)
    {
      org = ICW_RECORD (icw_organization_new ());
      icw_organization_set_name (ICW_ORGANIZATION (org), name);
      icw_organization_set_kind (ICW_ORGANIZATION (org), ICW_ORG_KIND_ENTERPRISE);
      if (!icw_store_save (import->store, org, &local_error))
        return wrap_save_error (import, values, FIELD_LEAD_ORG, local_error, error);
      warn (import, g_strdup_printf (_("The lead organization “%s” was not in the register and was added as an enterprise."),
                                     name));
    }
  *id = g_strdup (icw_record_get_id (org));
  return TRUE;
}

static gboolean
apply_center (Import     *import,
              RowValues  *values,
              IcwCenter  *center,
              GError    **error)
{
  apply_text_fields (import, values, ICW_RECORD (center));
  if (filled (values, FIELD_LEVEL))
    icw_center_set_level (center, values->level);
  if (values->values[FIELD_YEAR] != NULL)
    icw_center_set_year (center, values->year);
  if (filled (values, FIELD_LEAD_ORG))
    {
      g_autofree char *lead_id = NULL;

      if (!resolve_lead (import, values, &lead_id, error))
        return FALSE;
      icw_center_set_lead_organization_id (center, lead_id);
    }
  else if (values->values[FIELD_LEAD_ORG] != NULL)
    icw_center_set_lead_organization_id (center, NULL);
  return TRUE;
}

typedef gboolean (*ApplyFunc) (Import *, RowValues *, gpointer, GError **);

/* Setters notify only on a change, so an unchanged record is not saved (nor queued for sync). */
static gboolean
apply_and_save (Import     *import,
                RowValues  *values,
                IcwRecord  *record,
                gboolean    is_new,
                ApplyFunc   apply,
                GError    **error)
{
  gboolean changed = FALSE;
  gulong handler = g_signal_connect_swapped (record, "notify", G_CALLBACK (note_change), &changed);
  gboolean ok = apply (import, values, record, error);

  g_signal_handler_disconnect (record, handler);
  return ok && save_record (import, values, record, is_new, changed, error);
}

static gboolean
apply_center_record (Import     *import,
                     RowValues  *values,
                     gpointer    record,
                     GError    **error)
{
  return apply_center (import, values, ICW_CENTER (record), error);
}

static gboolean
import_center_row (Import     *import,
                   RowValues  *values,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcwRecord) center = icw_store_find_by_name (import->store, ICW_RECORD_KIND_CENTER,
                                                        values->values[FIELD_NAME], &local_error);
  gboolean is_new = center == NULL;

  if (center == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (center != NULL && !check_not_seen (import, values, center, FIELD_NAME, error))
    return FALSE;
  if (center == NULL)
    center = ICW_RECORD (icw_center_new ());
  return apply_and_save (import, values, center, is_new, apply_center_record, error);
}

static gboolean
apply_organization_record (Import     *import,
                           RowValues  *values,
                           gpointer    record,
                           GError    **error)
{
  IcwOrganization *org = ICW_ORGANIZATION (record);

  apply_text_fields (import, values, record);
  if (values->values[FIELD_CREDIT_CODE] != NULL)
    icw_organization_set_credit_code (org, filled (values, FIELD_CREDIT_CODE) ? values->values[FIELD_CREDIT_CODE] : NULL);
  if (filled (values, FIELD_KIND))
    icw_organization_set_kind (org, values->kind);
  if (filled (values, FIELD_TOP_TEN))
    icw_organization_set_top_ten (org, values->top_ten);
  for (guint i = 0; i < import->n_numbers; i++)
    if (G_IS_VALUE (&values->numbers[i]))
      g_object_set_property (G_OBJECT (org), icw_csv_number_property (i), &values->numbers[i]);
  return TRUE;
}

/* A name match with another credit code is a different organization or a typing error: refused. */
static gboolean
check_same_code (Import           *import,
                 RowValues        *values,
                 IcwOrganization  *org,
                 GError          **error)
{
  const char *code = values->values[FIELD_CREDIT_CODE];
  const char *registered = icw_organization_get_credit_code (org);

  if (code == NULL || *code == '\0' || registered == NULL || *registered == '\0' ||
      g_str_equal (code, registered))
    return TRUE;
  g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
               _("Row %u, column “%s”: the organization “%s” is already registered with the credit code %s; correct the code or the name."),
               values->row, column_name (import, FIELD_CREDIT_CODE), values->values[FIELD_NAME], registered);
  return FALSE;
}

/* A code match renames the organization, unless the new name is that of another organization. */
static gboolean
check_same_name (Import           *import,
                 RowValues        *values,
                 IcwOrganization  *org,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcwRecord) other = NULL;

  if (g_str_equal (values->values[FIELD_NAME], icw_organization_get_name (org)))
    return TRUE;
  other = icw_store_find_by_name (import->store, ICW_RECORD_KIND_ORGANIZATION, values->values[FIELD_NAME], &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (other == NULL || other == ICW_RECORD (org))
    return TRUE;
  g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
               _("Row %u, column “%s”: the credit code %s is registered to “%s”, but “%s” is another organization; correct the code or the name."),
               values->row, column_name (import, FIELD_CREDIT_CODE), values->values[FIELD_CREDIT_CODE],
               icw_organization_get_name (org), values->values[FIELD_NAME]);
  return FALSE;
}

/* An organization is matched by its credit code first, then by its name; *found is NULL for a new one. */
static gboolean
match_organization (Import      *import,
                    RowValues   *values,
                    IcwRecord  **found,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  IcwRecord *org = NULL;

  if (filled (values, FIELD_CREDIT_CODE))
    {
      org = ICW_RECORD (icw_store_find_by_credit_code (import->store, values->values[FIELD_CREDIT_CODE], &local_error));
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (org != NULL)
    {
      *found = org;
      return check_not_seen (import, values, org, FIELD_CREDIT_CODE, error) &&
             check_same_name (import, values, ICW_ORGANIZATION (org), error);
    }

  *found = icw_store_find_by_name (import->store, ICW_RECORD_KIND_ORGANIZATION, values->values[FIELD_NAME], &local_error);
  if (*found == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return *found == NULL ||
         (check_not_seen (import, values, *found, FIELD_NAME, error) &&
          check_same_code (import, values, ICW_ORGANIZATION (*found), error));
}

static gboolean
import_organization_row (Import     *import,
                         RowValues  *values,
                         GError    **error)
{
  g_autoptr(IcwRecord) org = NULL;
  gboolean is_new;

  if (!match_organization (import, values, &org, error))
    return FALSE;
  is_new = org == NULL;
  if (org == NULL)
    org = ICW_RECORD (icw_organization_new ());
  return apply_and_save (import, values, org, is_new, apply_organization_record, error);
}

static gboolean
import_row (Import     *import,
            IcwCsvRow  *row,
            GError    **error)
{
  g_auto(RowValues) values = { 0 };

  if (!read_values (import, row, &values, error))
    return FALSE;
  if (import->kind == ICW_CSV_KIND_CENTERS)
    return import_center_row (import, &values, error);
  return import_organization_row (import, &values, error);
}

/* All rows in one batch; on any error the batch is rolled back and its notices are withdrawn. */
static gboolean
import_rows (Import  *import,
             GError **error)
{
  guint n_warnings = import->warnings->len;

  if (!icw_store_begin_batch (import->store, error))
    return FALSE;
  if (!icw_store_check_undamaged (import->store, error))
    {
      icw_store_rollback_batch (import->store);
      return FALSE;
    }

  for (guint i = 0; i < import->table->rows->len; i++)
    if (!import_row (import, import->table->rows->pdata[i], error))
      {
        icw_store_rollback_batch (import->store);
        g_ptr_array_set_size (import->warnings, n_warnings);
        return FALSE;
      }

  if (!icw_store_commit_batch (import->store, error))
    {
      g_ptr_array_set_size (import->warnings, n_warnings);
      return FALSE;
    }
  return TRUE;
}

static void
import_init (Import      *import,
             IcwStore    *store,
             IcwCsvTable *table,
             IcwCsvKind   kind,
             GPtrArray   *warnings)
{
  import->store = store;
  import->table = table;
  import->kind = kind;
  import->names = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    import->names[i] = trim (table->header[i]);
  for (guint f = 0; f < N_FIELDS; f++)
    import->columns[f] = -1;
  icw_csv_number_columns (&import->n_numbers);
  g_assert (import->n_numbers <= MAX_NUMBERS);
  for (guint i = 0; i < MAX_NUMBERS; i++)
    import->numbers[i] = -1;
  import->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->warnings = warnings;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->names, g_strfreev);
  g_clear_pointer (&import->seen, g_hash_table_unref);
}

static gboolean
run_import (IcwStore            *store,
            GBytes              *contents,
            IcwCsvImportResult  *result,
            GError             **error)
{
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);
  g_autofree char *text = icw_text_decode (data, length, NULL, error);
  g_autoptr(IcwCsvTable) table = NULL;
  Import import = { 0 };
  gboolean ok;

  if (text == NULL)
    return FALSE;
  table = icw_csv_table_parse (text, error);
  if (table == NULL)
    return FALSE;

  import_init (&import, store, table, result->kind, result->warnings);
  ok = read_header (&import, error) && import_rows (&import, error);
  result->kind = import.kind;
  if (ok)
    {
      result->created = import.created;
      result->updated = import.updated;
    }
  import_clear (&import);
  return ok;
}

/* result must be zeroed (or cleared) before the call; it is filled in on success and failure alike,
 * the counts staying 0 on failure. */
gboolean
icw_csv_import_bytes (IcwStore            *store,
                      GBytes              *contents,
                      IcwCsvKind           kind,
                      IcwCsvImportResult  *result,
                      GError             **error)
{
  IcwCsvImportResult local = { 0 };
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (kind <= ICW_CSV_KIND_ORGANIZATIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (result == NULL)
    result = &local;
  icw_csv_import_result_clear (result);
  result->kind = kind;
  result->warnings = g_ptr_array_new_with_free_func (g_free);

  ok = run_import (store, contents, result, error);
  icw_csv_import_result_clear (&local);
  return ok;
}

gboolean
icw_csv_import_file (IcwStore            *store,
                     const char          *path,
                     IcwCsvKind           kind,
                     IcwCsvImportResult  *result,
                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  contents = g_bytes_new_take (data, length);
  return icw_csv_import_bytes (store, contents, kind, result, error);
}

void
icw_csv_import_result_clear (IcwCsvImportResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}
