/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-queries.c: the store's read-only questions: validation of a record before it is
 * written, full-text search, where a record is used, and the health report of `icw doctor`; and
 * the small query and validation helpers the other parts of the store share. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-center.h"
#include "icw-credit-code.h"
#include "icw-database.h"
#include "icw-error.h"
#include "icw-field-limits.h"
#include "icw-form-text.h"
#include "icw-funding-parts.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-shareholder.h"
#include "icw-store-private.h"

/* Some messages are chosen from tables of translated formats; they are all literals in this file. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Runs a query for its first column of its first row, binding up to three text parameters
 * (NULL-terminated); NULL when there is no row. */
char *
icw_store_query_text (IcwStore   *self,
                      const char *sql,
                      ...)
{
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);
  const char *param;
  char *result = NULL;
  va_list args;
  int index = 1;

  if (stmt == NULL)
    return NULL;
  va_start (args, sql);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, index++, param, -1, SQLITE_TRANSIENT);
  va_end (args);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return result;
}

/* TRUE when the table has a live (not deleted) row with this ID; FALSE for a NULL ID. */
gboolean
icw_store_exists (IcwStore   *self,
                  const char *table,
                  const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?1 AND deleted_at IS NULL", table);
  g_autofree char *found = NULL;

  if (id == NULL)
    return FALSE;
  found = icw_store_query_text (self, sql, id, NULL);
  return found != NULL;
}

/* A statement of one or two texts (?1, ?2; b NULL: ?2 stays NULL) run to its end. */
gboolean
icw_store_exec_texts (IcwStore    *self,
                      const char  *sql,
                      const char  *a,
                      const char  *b,
                      GError     **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  return icw_store_step_done (self, stmt, error);
}

/* TRUE when the text has something other than white space. */
gboolean
icw_store_has_text (const char *text)
{
  return !icw_form_text_is_blank (text);
}

/* Sets an ICW_ERROR_INVALID error with the message and returns FALSE. */
gboolean
icw_store_invalid (GError     **error,
                   const char  *message)
{
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, message);
  return FALSE;
}

gboolean
icw_store_validate_organization (IcwStore   *self,
                                 IcwRecord  *record,
                                 GError    **error)
{
  IcwOrganization *org = ICW_ORGANIZATION (record);
  const char *code = icw_organization_get_credit_code (org);
  g_autofree char *other = NULL;
  gint64 intensities[] = { icw_organization_get_rd_intensity_1 (org),
                           icw_organization_get_rd_intensity_2 (org),
                           icw_organization_get_rd_intensity_3 (org) };

  if (!icw_store_has_text (icw_organization_get_name (org)))
    return icw_store_invalid (error, _("Name: an organization needs a name"));
  for (guint i = 0; i < G_N_ELEMENTS (intensities); i++)
    if (intensities[i] > ICW_BASIS_POINTS_WHOLE)
      return icw_store_invalid (error, _("R&D intensity: it cannot exceed 100%"));
  if (code == NULL || *code == '\0')
    return TRUE;
  if (!icw_credit_code_validate (code, error))
    return FALSE;
  if (self->validating_changed != NULL && !g_hash_table_contains (self->validating_changed, "credit-code"))
    return TRUE;

  other = icw_store_query_text (self, "SELECT name FROM organizations WHERE credit_code = ?1 AND id != ?2 AND deleted_at IS NULL",
                                code, icw_record_get_id (ICW_RECORD (org)), NULL);
  if (other != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
                   _("Unified social credit code: %s already belongs to “%s”"), code, other);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_store_validate_center (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  IcwCenter *center = ICW_CENTER (record);
  const char *lead = icw_center_get_lead_organization_id (center);
  const char *host = icw_center_get_host_organization_id (center);
  int year = icw_center_get_year (center);

  if (!icw_store_has_text (icw_center_get_name (center)))
    return icw_store_invalid (error, _("Name: a center needs a name"));
  if (year != 0 && (year < 2000 || year > 2100))
    return icw_store_invalid (error, _("Year of recognition: it must lie between 2000 and 2100"));
  if (icw_store_has_text (lead) && !icw_store_exists (self, "organizations", lead))
    return icw_store_invalid (error, _("Lead organization: it is not in the register"));
  if (icw_store_has_text (host) && !icw_store_exists (self, "organizations", host))
    return icw_store_invalid (error, _("Host company: it is not in the register"));
  return TRUE;
}

/* Shareholders and members point at a center and an organization, and name each organization once. */
static gboolean
validate_center_link (IcwStore    *self,
                      IcwRecord   *record,
                      const char  *table,
                      const char  *center_id,
                      const char  *organization_id,
                      const char  *duplicate_message,
                      GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *other = NULL;

  if (!icw_store_exists (self, "centers", center_id))
    return icw_store_invalid (error, _("Center: it is not in the register"));
  if (!icw_store_exists (self, "organizations", organization_id))
    return icw_store_invalid (error, _("Organization: it is not in the register"));

  sql = g_strdup_printf ("SELECT o.name FROM %s x JOIN organizations o ON o.id = x.organization_id "
                         "WHERE x.id != ?1 AND x.center_id = ?2 AND x.organization_id = ?3 "
                         "AND x.deleted_at IS NULL", table);
  other = icw_store_query_text (self, sql, icw_record_get_id (record), center_id, organization_id, NULL);
  if (other != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE, duplicate_message, other);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_store_validate_shareholder (IcwStore   *self,
                                IcwRecord  *record,
                                GError    **error)
{
  IcwShareholder *holder = ICW_SHAREHOLDER (record);
  gint64 share = icw_shareholder_get_share_bp (holder);

  if (share < 0 || share > ICW_BASIS_POINTS_WHOLE)
    return icw_store_invalid (error, _("Share: it must lie between 0% and 100%"));
  if (icw_shareholder_get_amount_fen (holder) < 0)
    return icw_store_invalid (error, _("Amount: it cannot be negative"));
  return validate_center_link (self, ICW_RECORD (holder), "shareholders",
                               icw_shareholder_get_center_id (holder),
                               icw_shareholder_get_organization_id (holder),
                               _("Organization: “%s” is already a shareholder of this center"), error);
}

gboolean
icw_store_validate_alliance_member (IcwStore   *self,
                                    IcwRecord  *record,
                                    GError    **error)
{
  IcwAllianceMember *member = ICW_ALLIANCE_MEMBER (record);
  const char *joined = icw_alliance_member_get_joined (member);

  if (icw_store_has_text (joined))
    {
      if (!icw_date_is_valid (joined))
        return icw_store_invalid (error, _("Joined: type the date as YYYY-MM-DD"));
    }
  return validate_center_link (self, ICW_RECORD (member), "alliance_members",
                               icw_alliance_member_get_center_id (member),
                               icw_alliance_member_get_organization_id (member),
                               _("Organization: “%s” is already a member of this center's alliance"), error);
}

gboolean
icw_store_validate_platform (IcwStore   *self,
                             IcwRecord  *record,
                             GError    **error)
{
  IcwPlatform *platform = ICW_PLATFORM (record);
  int year = icw_platform_get_approved_year (platform);

  if (!icw_store_exists (self, "organizations", icw_platform_get_organization_id (platform)))
    return icw_store_invalid (error, _("Organization: it is not in the register"));
  if (!icw_store_has_text (icw_platform_get_name (platform)))
    return icw_store_invalid (error, _("Platform name: a platform needs a name"));
  if (year != 0 && (year < 1950 || year > 2100))
    return icw_store_invalid (error, _("Year approved: it must lie between 1950 and 2100"));
  return TRUE;
}

/* Every column of the record against its descriptor's check (icw-field-checks.h), on the text
 * the store would write; text must be UTF-8. The message names the column. */
static gboolean
check_columns (IcwRecord    *record,
               GHashTable   *changed,
               const guint64 *mask,
               const char  **column_out,
               GError      **error);

gboolean
icw_store_check_columns (IcwRecord    *record,
                         const char  **column_out,
                         GError      **error)
{
  return check_columns (record, NULL, NULL, column_out, error);
}

/* Every column, or only those in CHANGED when it is not NULL (said by MASK, one bit a column,
 * when it is not NULL). */
static gboolean
check_columns (IcwRecord    *record,
               GHashTable   *changed,
               const guint64 *mask,
               const char  **column_out,
               GError      **error)
{
  const IcwTable *table = icw_store_table_for_record (record);
  const char *created_at = icw_record_get_created_at (record);
  g_autoptr(GError) time_error = NULL;

  /* The store sets the times itself, but a caller may bring a record's creation time. */
  if (created_at != NULL && !icw_field_check_timestamp (created_at, &time_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Field “%s”: %s"), "created_at", time_error->message);
      if (column_out != NULL)
        *column_out = "created_at";
      return FALSE;
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      const IcwColumn *column = &table->columns[i];
      g_autofree char *text = NULL;
      g_autoptr(GError) local_error = NULL;

      if (column->type != ICW_COLUMN_TEXT && column->check == NULL)
        continue;
      if (changed != NULL && (mask != NULL ? (*mask >> i & 1) == 0 : !g_hash_table_contains (changed, column->property)))
        continue;
      text = icw_store_column_text (record, column);
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Field “%s”: the text is not valid UTF-8"), column->name);
          if (column_out != NULL)
            *column_out = column->name;
          return FALSE;
        }
      if (column->check != NULL && !column->check (text, &local_error))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Field “%s”: %s"), column->name, local_error->message);
          if (column_out != NULL)
            *column_out = column->name;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_kind (IcwStore   *self,
               IcwRecord  *record,
               GError    **error)
{
  const IcwTable *table;

  /* Lengths and control characters of the text fields first (icw-field-limits.h), whoever saves:
   * the window, an import, a dossier; of a live record's save, those of the fields that changed
   * (the others were checked when they were written). */
  if (!icw_field_check_changed (G_OBJECT (record), self->validating_stored ? NULL : self->validating_changed, error))
    return FALSE;
  table = icw_store_table_for_record (record);
  g_return_val_if_fail (table != NULL && table->validate != NULL, FALSE);
  return table->validate (self, record, error);
}

gboolean
icw_store_validate_stored (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  gboolean ok;

  self->validating_stored = TRUE;
  ok = validate_kind (self, record, error);
  self->validating_stored = FALSE;
  return ok;
}

/* The kind's own rules first (their messages use the field's label), then every column's check. */
gboolean
icw_store_validate (IcwStore   *self,
                    IcwRecord  *record,
                    GError    **error)
{
  GHashTable *changed = self->validating_changed;
  guint64 mask = 0;

  if (!validate_kind (self, record, error))
    return FALSE;
  /* The changed columns by bit, taken after the kind's rules (which may set a field): each column
   * then tested without hashing its property (issue 20). */
  if (changed != NULL && icw_store_changed_columns (icw_store_table_for_record (record), changed, &mask))
    return check_columns (record, changed, &mask, NULL, error);
  return check_columns (record, changed, NULL, NULL, error);
}

/* A short query over a kind whose live list is loaded is answered from the list's names: the
 * same matches as the LIKE scan (the list holds exactly the live records), without reading every
 * row again (docs/performance.md, finding 2). */
static GHashTable *
search_loaded_list (IcwStore       *self,
                    const IcwTable *table,
                    const char     *needle)
{
  g_autofree char *key = g_strdup_printf ("%s/", icw_record_kind_to_key (table->kind));
  gpointer list = g_hash_table_lookup (self->lists, key);
  GHashTable *ids;
  gsize needle_len = strlen (needle);
  gboolean has_letters = FALSE;
  guint n;

  if (list == NULL || !ICW_IS_STORE_LIST (list) || self->batch_depth > 0)
    return NULL;
  icw_store_list_complete (list);   /* a register page's first screenful: every name */
  for (const char *p = needle; *p != '\0'; p++)
    has_letters |= g_ascii_isalpha (*p);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    if (icw_store_contains_ascii_nocase (icw_store_list_get_name (list, i), needle, needle_len, has_letters))
      g_hash_table_add (ids, g_strdup (icw_store_list_get_id (list, i)));
  return ids;
}

/* Returns the set of IDs whose name contains the query, or NULL (all match) for an empty query.
 * Three characters or more use the trigram index; shorter ones, which a trigram cannot hold,
 * are looked for in the loaded list, or else by a LIKE scan of the names. */
GHashTable *
icw_store_search (IcwStore       *self,
                  IcwRecordKind   kind,
                  const char     *query,
                  GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *needle = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (table->fts_table != NULL, NULL);

  if (*needle == '\0')
    return NULL;

  if (g_utf8_strlen (needle, -1) < 3)
    {
      GHashTable *found = search_loaded_list (self, table, needle);

      if (found != NULL)
        return found;
    }

  if (g_utf8_strlen (needle, -1) >= 3)
    {
      g_auto(GStrv) parts = g_strsplit (needle, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      pattern = g_strdup_printf ("\"%s\"", escaped);
      sql = g_strdup_printf ("SELECT t.id FROM %s f JOIN %s t ON t.rowid = f.rowid "
                             "WHERE %s MATCH ?1 AND t.deleted_at IS NULL",
                             table->fts_table, table->table, table->fts_table);
    }
  else
    {
      GString *like = g_string_new ("%");

      for (const char *p = needle; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, *p);
        }
      g_string_append_c (like, '%');
      pattern = g_string_free (like, FALSE);
      sql = g_strdup_printf ("SELECT id FROM %s WHERE name LIKE ?1 ESCAPE '\\' AND deleted_at IS NULL",
                             table->table);
    }

  stmt = icw_store_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* A chooser's question (issue 20): the first `limit` live records of a register whose names
 * match the query as icw_store_search matches it (every one when the query is empty), in the
 * order of their names, read in one query through the name index or the trigram index, so that
 * the answer does not grow with the register; `*more` says whether others match too. */
GPtrArray *
icw_store_find_named (IcwStore       *self,
                      IcwRecordKind   kind,
                      const char     *query,
                      guint           limit,
                      gboolean       *more,
                      GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *needle = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  g_return_val_if_fail (table->fts_table != NULL, NULL);

  if (*needle == '\0')
    where = g_strdup ("deleted_at IS NULL ORDER BY name, id LIMIT ?2");
  else if (g_utf8_strlen (needle, -1) >= 3)
    {
      g_auto(GStrv) parts = g_strsplit (needle, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      pattern = g_strdup_printf ("\"%s\"", escaped);
      where = g_strdup_printf ("rowid IN (SELECT rowid FROM %s WHERE %s MATCH ?1) AND deleted_at IS NULL "
                               "ORDER BY name, id LIMIT ?2", table->fts_table, table->fts_table);
    }
  else
    {
      GString *like = g_string_new ("%");

      for (const char *p = needle; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, *p);
        }
      g_string_append_c (like, '%');
      pattern = g_string_free (like, FALSE);
      /* In name order through the name index: the scan stops at the limit. */
      where = g_strdup ("deleted_at IS NULL AND name LIKE ?1 ESCAPE '\\' ORDER BY name, id LIMIT ?2");
    }
  sql = icw_store_select_sql (table, where);
  stmt = icw_store_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, icw_store_load_row (self, table, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  if (more != NULL)
    *more = found->len > limit;
  if (found->len > limit)
    g_ptr_array_set_size (found, limit);
  return g_steal_pointer (&found);
}

/* Describes, in the user's language, every live record that refers to this one. */
GPtrArray *
icw_store_find_uses (IcwStore   *self,
                     IcwRecord  *record,
                     GError    **error)
{
  static const char sql[] =
    "SELECT 0, c.name FROM shareholders s JOIN centers c ON c.id = s.center_id "
    "  WHERE s.organization_id = ?1 AND s.deleted_at IS NULL AND c.deleted_at IS NULL "
    "UNION ALL SELECT 1, c.name FROM alliance_members m JOIN centers c ON c.id = m.center_id "
    "  WHERE m.organization_id = ?1 AND m.deleted_at IS NULL AND c.deleted_at IS NULL "
    "UNION ALL SELECT 2, name FROM centers WHERE host_organization_id = ?1 AND deleted_at IS NULL "
    "UNION ALL SELECT 3, name FROM centers WHERE lead_organization_id = ?1 AND deleted_at IS NULL "
    "UNION ALL SELECT 4, coalesce(a.title, '') FROM agreement_parties p JOIN ip_agreements a ON a.id = p.agreement_id "
    "  WHERE p.organization_id = ?1 AND p.deleted_at IS NULL AND a.deleted_at IS NULL "
    "UNION ALL SELECT 5, coalesce(title, '') FROM ip_agreements WHERE patent_cost_party_id = ?1 AND deleted_at IS NULL "
    "UNION ALL SELECT 6, coalesce(title, '') FROM ip_agreements WHERE center_id = ?1 AND deleted_at IS NULL";
  const char *formats[] = {
    N_("shareholder of “%s”"),
    N_("member of the alliance of “%s”"),
    N_("host company of “%s”"),
    N_("lead organization of “%s”"),
    N_("party to the IP agreement “%s”"),
    N_("bears the patent costs of the IP agreement “%s”"),
    N_("the IP agreement “%s” belongs to it"),
  };
  g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  /* A center is in use by its agreements only (rows 4 and 5 never match a center's ID, nor row 6
   * an organization's: IDs are UUIDs). */
  if (!ICW_IS_ORGANIZATION (record) && !ICW_IS_CENTER (record))
    return g_steal_pointer (&uses);

  stmt = icw_store_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uses, g_strdup_printf (_(formats[sqlite3_column_int (stmt, 0)]),
                                            (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&uses);
}

gint64
icw_store_count_outbox (IcwStore *self)
{
  g_autofree char *count = icw_store_query_text (self, "SELECT count(*) FROM outbox", NULL);

  return count != NULL ? g_ascii_strtoll (count, NULL, 10) : -1;
}

static void
collect_rows (IcwStore   *self,
              GPtrArray  *problems,
              const char *sql,
              const char *format,
              gboolean    skip_ok)
{
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);

  if (stmt == NULL)
    {
      g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (self->db)));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *a = (const char *) sqlite3_column_text (stmt, 0);
      const char *b = sqlite3_column_count (stmt) > 1 ? (const char *) sqlite3_column_text (stmt, 1) : "";

      if (skip_ok && g_strcmp0 (a, "ok") == 0)
        continue;
      g_ptr_array_add (problems, g_strdup_printf (format, a != NULL ? a : "", b != NULL ? b : ""));
    }
  sqlite3_reset (stmt);
}

/* Returns the problems found (an empty array when all is well). */
GPtrArray *
icw_store_check_integrity (IcwStore  *self,
                           GError   **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  collect_rows (self, problems, "PRAGMA integrity_check", _("SQLite integrity check: %s%s"), TRUE);
  collect_rows (self, problems, "PRAGMA foreign_key_check",
                _("A record in %s refers to a missing record (row %s)"), FALSE);
  collect_rows (self, problems,
                "SELECT c.name, sum(s.share_bp) FROM shareholders s JOIN centers c ON c.id = s.center_id "
                "WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY c.id HAVING sum(s.share_bp) > 10000",
                _("Center “%s”: the shareholders' shares add up to more than 100%% (%s basis points)"), FALSE);
  collect_rows (self, problems,
                /* The index keeps one size row per name it holds (its content is the table itself). */
                "SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM organizations_fts_docsize) "
                "WHERE (SELECT count(*) FROM organizations) != (SELECT count(*) FROM organizations_fts_docsize)",
                _("The search index of organizations is out of step (%s records, %s indexed)"), FALSE);

  stmt = icw_store_statement (self, "SELECT name, credit_code FROM organizations WHERE credit_code IS NOT NULL "
                                    "AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) code_error = NULL;
      if (!icw_credit_code_validate ((const char *) sqlite3_column_text (stmt, 1), &code_error))
        g_ptr_array_add (problems, g_strdup_printf (_("Organization “%s”: %s"),
                                                    sqlite3_column_text (stmt, 0), code_error->message));
    }
  sqlite3_reset (stmt);
  icw_store_check_attachments (self, problems);
  icw_store_check_rows (self, problems);

  return g_steal_pointer (&problems);
}
