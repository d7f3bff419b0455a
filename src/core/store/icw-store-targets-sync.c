/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-targets-sync.c: the 任务书's versions as they travel (icw-store-targets-sync.h): their
 * JSON form and its check, writing a version that arrived without ever making a second copy, the
 * versions still to push, and the targets carried once when an application is accepted. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-field-checks.h"
#include "icw-store-private.h"
#include "icw-store-targets-private.h"
#include "icw-store-targets-sync.h"

/* A target or a baseline is a number people type: anything beyond this is a mistake. */
#define MAX_NUMBER 1e15

static void
add_text (JsonObject *object,
          const char *name,
          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

JsonObject *
icw_target_set_to_json (IcwTargetSet *set,
                        gboolean      targets_as_text)
{
  JsonObject *object = json_object_new ();
  JsonArray *rows = json_array_new ();

  add_text (object, "id", set->id);
  add_text (object, "center_id", set->center_id);
  json_object_set_int_member (object, "version", set->version);
  add_text (object, "application_id", set->application_id);
  json_object_set_int_member (object, "first_year", set->first_year);
  json_object_set_int_member (object, "last_year", set->last_year);
  add_text (object, "changed_by", set->changed_by);
  add_text (object, "changed_at", set->changed_at);
  add_text (object, "reason", set->reason);
  for (guint i = 0; set->targets != NULL && i < set->targets->len; i++)
    {
      IcwTarget *t = g_ptr_array_index (set->targets, i);
      JsonObject *row = json_object_new ();

      add_text (row, "indicator_key", t->indicator_key);
      add_text (row, "area", t->area);
      add_text (row, "name", t->name);
      add_text (row, "unit", t->unit);
      if (t->has_baseline)
        json_object_set_double_member (row, "baseline", t->baseline);
      else
        json_object_set_null_member (row, "baseline");
      json_object_set_int_member (row, "year", t->year);
      json_object_set_double_member (row, "target", t->target);
      json_array_add_object_element (rows, row);
    }
  if (targets_as_text)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), rows);
      g_autofree char *text = json_to_string (node, FALSE);

      json_array_unref (rows);
      json_object_set_string_member (object, "targets", text);
    }
  else
    json_object_set_array_member (object, "targets", rows);
  return object;
}

/* The problem of a version (row 0) or of one of its rows, naming the center and the version. */
static gboolean
refuse (GError     **error,
        const char **field_out,
        const char  *field,
        const char  *center,
        gint64       version,
        guint        row,
        const char  *problem)
{
  int number = (int) CLAMP (version, G_MININT, G_MAXINT);

  if (field_out != NULL)
    *field_out = field;

  if (row > 0)
    g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Targets of center %s, version %d, row %u: %s"),
                 center != NULL ? center : "?", number, row, problem);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Targets of center %s, version %d: %s"),
                 center != NULL ? center : "?", number, problem);
  return FALSE;
}

/* A member that is text, or null when `nullable`; *ok turns FALSE for anything else. */
static const char *
text_member (JsonObject *object,
             const char *name,
             gboolean    nullable,
             gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (!(nullable && (node == NULL || JSON_NODE_HOLDS_NULL (node))))
    *ok = FALSE;
  return NULL;
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* A finite JSON number within MAX_NUMBER; null when `nullable` (*present FALSE). */
static gboolean
number_member (JsonObject *object,
               const char *name,
               gboolean    nullable,
               gboolean   *present,
               double     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return nullable;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  *present = TRUE;
  return isfinite (*out) && fabs (*out) <= MAX_NUMBER;
}

static const char *
unknown_member (JsonObject          *object,
                const char * const  *known)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return g_intern_string (l->data);
  return NULL;
}

static gboolean
valid_id (const char *text)
{
  return text != NULL && *text != '\0' && icw_field_check_uuid (text, NULL);
}

static gboolean
valid_time (const char *text)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time != NULL;
}

static gboolean
read_rows (IcwTargetSet  *set,
           JsonArray     *rows,
           const char   **field,
           GError       **error)
{
  static const char * const known[] = { "indicator_key", "area", "name", "unit", "baseline", "year", "target", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int first = 0, last = 0;

  if (json_array_get_length (rows) == 0)
    return refuse (error, field, "targets", set->center_id, set->version, 0, _("a version has at least one target"));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      JsonObject *row = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *key, *other;
      g_autofree char *trimmed = NULL;
      gboolean ok = TRUE, has_baseline, has_target;
      double baseline = 0, target = 0;
      gint64 year;
      IcwTarget *t;

      if (row == NULL)
        return refuse (error, field, "targets", set->center_id, set->version, i + 1, _("a row is an object"));
      if ((other = unknown_member (row, known)) != NULL)
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” is not a member of a target"), other);

          return refuse (error, field, "targets", set->center_id, set->version, i + 1, problem);
        }
      key = text_member (row, "indicator_key", FALSE, &ok);
      trimmed = key != NULL ? g_strstrip (g_strdup (key)) : NULL;
      if (!ok || trimmed == NULL || *trimmed == '\0' ||
          !g_utf8_validate (key, -1, NULL))
        return refuse (error, field, "targets", set->center_id, set->version, i + 1, _("“indicator_key” names the indicator"));
      text_member (row, "area", TRUE, &ok);
      text_member (row, "name", TRUE, &ok);
      text_member (row, "unit", TRUE, &ok);
      if (!ok)
        return refuse (error, field, "targets", set->center_id, set->version, i + 1,
                       _("“area”, “name” and “unit” are text or null"));
      if (!int_member (row, "year", &year) || year < ICW_REPORT_MIN_YEAR || year > ICW_REPORT_MAX_YEAR)
        return refuse (error, field, "targets", set->center_id, set->version, i + 1,
                       _("“year” is a whole year from 2000 to 2100"));
      if (year < set->first_year || year > set->last_year)
        {
          g_autofree char *problem = g_strdup_printf (_("“year” %d is outside the period %d–%d"), (int) year,
                                                      set->first_year, set->last_year);

          return refuse (error, field, "targets", set->center_id, set->version, i + 1, problem);
        }
      if (!number_member (row, "target", FALSE, &has_target, &target))
        return refuse (error, field, "targets", set->center_id, set->version, i + 1,
                       _("“target” is a number (finite, at most 10¹⁵)"));
      if (!number_member (row, "baseline", TRUE, &has_baseline, &baseline))
        return refuse (error, field, "targets", set->center_id, set->version, i + 1,
                       _("“baseline” is a number (finite, at most 10¹⁵) or null"));
      if (!g_hash_table_add (seen, g_strdup_printf ("%" G_GINT64_FORMAT "/%s", year, key)))
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” has a second target for %d"), key, (int) year);

          return refuse (error, field, "targets", set->center_id, set->version, i + 1, problem);
        }
      t = icw_target_new (key, (int) year, target);
      t->area = g_strdup (text_member (row, "area", TRUE, &ok));
      t->name = g_strdup (text_member (row, "name", TRUE, &ok));
      t->unit = g_strdup (text_member (row, "unit", TRUE, &ok));
      t->has_baseline = has_baseline;
      t->baseline = baseline;
      g_ptr_array_add (set->targets, t);
      first = first == 0 ? (int) year : MIN (first, (int) year);
      last = MAX (last, (int) year);
    }
  if (first != set->first_year || last != set->last_year)
    {
      g_autofree char *problem = g_strdup_printf (_("the period %d–%d is not the years of its targets, %d–%d"),
                                                  set->first_year, set->last_year, first, last);

      return refuse (error, field, "first_year", set->center_id, set->version, 0, problem);
    }
  return TRUE;
}

IcwTargetSet *
icw_target_set_from_json (JsonObject  *object,
                          const char **field,
                          GError     **error)
{
  static const char * const known[] = { "id", "center_id", "version", "application_id", "first_year", "last_year",
                                        "changed_by", "changed_at", "reason", "targets", NULL };
  g_autoptr(IcwTargetSet) set = g_new0 (IcwTargetSet, 1);
  g_autoptr(JsonNode) parsed = NULL;
  JsonNode *targets;
  const char *other;
  gboolean ok = TRUE;
  gint64 number = 0, first = 0, last = 0;

  if (field != NULL)
    *field = NULL;
  set->center_id = g_strdup (text_member (object, "center_id", FALSE, &ok));
  int_member (object, "version", &number);
  set->version = (int) CLAMP (number, G_MININT, G_MAXINT);
  set->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  if (!ok || !valid_id (set->center_id))
    return refuse (error, field, "center_id", set->center_id, number, 0, _("“center_id” is the ID of a center")), NULL;
  if (number < 1 || number > G_MAXINT)
    return refuse (error, field, "version", set->center_id, number, 0, _("“version” is a whole number from 1 up")), NULL;
  if ((other = unknown_member (object, known)) != NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” is not a member of a version of targets"), other);

      return refuse (error, field, other, set->center_id, number, 0, problem), NULL;
    }
  set->id = g_strdup (text_member (object, "id", FALSE, &ok));
  if (!ok || !valid_id (set->id))
    return refuse (error, field, "id", set->center_id, number, 0, _("“id” is the version's ID (a UUID)")), NULL;
  set->application_id = g_strdup (text_member (object, "application_id", TRUE, &ok));
  if (!ok || (set->application_id != NULL && !valid_id (set->application_id)))
    return refuse (error, field, "application_id", set->center_id, number, 0,
                   _("“application_id” is the ID of an application or null")), NULL;
  if (!int_member (object, "first_year", &first) || !int_member (object, "last_year", &last) ||
      first < ICW_REPORT_MIN_YEAR || last > ICW_REPORT_MAX_YEAR || first > last)
    return refuse (error, field, "first_year", set->center_id, number, 0,
                   _("the period (“first_year”, “last_year”) is two years from 2000 to 2100, the first not after the last")), NULL;
  set->first_year = (int) first;
  set->last_year = (int) last;
  set->changed_by = g_strdup (text_member (object, "changed_by", TRUE, &ok));
  set->reason = g_strdup (text_member (object, "reason", TRUE, &ok));
  if (!ok)
    return refuse (error, field, "changed_by", set->center_id, number, 0, _("“changed_by” and “reason” are text or null")), NULL;
  set->changed_at = g_strdup (text_member (object, "changed_at", FALSE, &ok));
  if (!ok || !valid_time (set->changed_at))
    return refuse (error, field, "changed_at", set->center_id, number, 0,
                   _("“changed_at” is a time (ISO 8601, such as 2026-03-28T09:00:00Z)")), NULL;
  targets = json_object_get_member (object, "targets");
  if (targets != NULL && JSON_NODE_HOLDS_VALUE (targets) && json_node_get_value_type (targets) == G_TYPE_STRING)
    targets = parsed = json_from_string (json_node_get_string (targets), NULL);
  if (targets == NULL || !JSON_NODE_HOLDS_ARRAY (targets))
    return refuse (error, field, "targets", set->center_id, number, 0, _("“targets” is a list of targets")), NULL;
  if (!read_rows (set, json_node_get_array (targets), field, error))
    return NULL;
  return g_steal_pointer (&set);
}

static GPtrArray *
read_sets (IcwStore     *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_set_free);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_set_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sets, icw_store_read_target_version (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, "%s", sqlite3_errstr (rc));
      return NULL;
    }
  /* The rows of each, as icw_store_load_targets reads them. */
  for (guint i = 0; i < sets->len; i++)
    {
      IcwTargetSet *set = g_ptr_array_index (sets, i);
      IcwTargetSet *full = icw_store_load_targets (self, set->center_id, set->version, error);

      if (full == NULL)
        return NULL;
      g_ptr_array_add (loaded, full);
    }
  return g_steal_pointer (&loaded);
}

IcwTargetSet *
icw_store_load_target_version (IcwStore    *self,
                               const char  *id,
                               GError     **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, ICW_TARGET_VERSION_COLUMNS "WHERE id = ?1", error);
  g_autoptr(GPtrArray) sets = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sets = read_sets (self, stmt, error);
  return sets != NULL && sets->len > 0 ? g_ptr_array_steal_index (sets, 0) : NULL;
}

GPtrArray *
icw_store_collect_target_versions (IcwStore            *self,
                                   const char * const  *center_ids,
                                   GError             **error)
{
  g_autoptr(GPtrArray) all = NULL;
  sqlite3_stmt *stmt = icw_store_statement (self, ICW_TARGET_VERSION_COLUMNS "ORDER BY center_id, version", error);

  if (stmt == NULL || (all = read_sets (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = all->len; center_ids != NULL && i > 0; i--)
    if (!g_strv_contains (center_ids, ((IcwTargetSet *) all->pdata[i - 1])->center_id))
      g_ptr_array_remove_index (all, i - 1);
  return g_steal_pointer (&all);
}

gboolean
icw_store_add_target_version (IcwStore      *self,
                              IcwTargetSet  *set,
                              const char    *revision,
                              gboolean      *added,
                              GError       **error)
{
  g_autofree char *here = NULL;
  g_autofree char *local_revision = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  if (added != NULL)
    *added = FALSE;
  here = icw_store_query_text (self, "SELECT 1 FROM target_versions WHERE id = ?1", set->id, NULL);
  if (here != NULL)
    {
      /* Already here: never a second copy. Ours, still to push, is now on the server. */
      local_revision = icw_store_query_text (self, "SELECT revision FROM target_versions WHERE id = ?1", set->id, NULL);
      if (revision != NULL && local_revision == NULL)
        return icw_store_exec_texts (self, "UPDATE target_versions SET revision = ?2, refusal = NULL WHERE id = ?1",
                           set->id, revision, error);
      return TRUE;
    }
  /* What it names must be here; checked before anything is written, so that a version waiting
   * for its center never undoes the caller's transaction (a pull page's). */
  if (!icw_store_exists (self, "centers", set->center_id))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Targets of center %s, version %d: %s"),
                   set->center_id, set->version, _("Center: it is not in the register"));
      return FALSE;
    }
  if (set->application_id != NULL && !icw_store_exists (self, "applications", set->application_id))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Targets of center %s, version %d: the application %s it was carried from is not here"),
                   set->center_id, set->version, set->application_id);
      return FALSE;
    }
  /* Written in its own transaction or the caller's; a failure there is the database's. */
  if (icw_store_write_target_version (self, set->center_id, set->targets, set->application_id, set->changed_by,
                                      set->reason, set->id, set->changed_at, set->version, error) == 0)
    return FALSE;
  if (revision != NULL && !icw_store_exec_texts (self, "UPDATE target_versions SET revision = ?2 WHERE id = ?1",
                                       set->id, revision, error))
    return FALSE;
  if (added != NULL)
    *added = TRUE;
  return TRUE;
}

GPtrArray *
icw_store_target_versions_to_push (IcwStore  *self,
                                   guint      limit,
                                   GError   **error)
{
  g_autoptr(GPtrArray) sets = NULL;
  sqlite3_stmt *stmt = icw_store_statement (self, ICW_TARGET_VERSION_COLUMNS
                                            "WHERE revision IS NULL AND refusal IS NULL"
                                            /* carried from an application only once that is on
                                             * the server or on its way (an application kept as
                                             * local history keeps its targets local too) */
                                            " AND (application_id IS NULL OR application_id IN"
                                            "  (SELECT id FROM applications WHERE revision IS NOT NULL"
                                            "   UNION SELECT record_id FROM outbox))"
                                            " ORDER BY rowid LIMIT ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) MIN (limit, G_MAXINT));
  sets = read_sets (self, stmt, error);
  return g_steal_pointer (&sets);
}

gboolean
icw_store_ack_target_version (IcwStore    *self,
                              const char  *id,
                              const char  *revision,
                              GError     **error)
{
  return icw_store_exec_texts (self, "UPDATE target_versions SET revision = ?2, refusal = NULL WHERE id = ?1", id, revision, error);
}

gboolean
icw_store_refuse_target_version (IcwStore    *self,
                                 const char  *id,
                                 const char  *reason,
                                 GError     **error)
{
  return icw_store_exec_texts (self, "UPDATE target_versions SET refusal = ?2 WHERE id = ?1", id,
                     reason != NULL && *reason != '\0' ? reason : "refused", error);
}

char *
icw_store_target_version_refusal (IcwStore   *self,
                                  const char *id)
{
  return icw_store_query_text (self, "SELECT refusal FROM target_versions WHERE id = ?1", id, NULL);
}

/* A name-based UUID (RFC 4122 version 5 layout over SHA-1) of the application's ID. */
char *
icw_target_version_id_for_application (const char *application_id)
{
  g_autofree char *name = g_strconcat ("ic-workbench targets carried from ", application_id, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);
  static const char variant[] = "89ab";

  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13,
                          variant[g_ascii_xdigit_value (hex[16]) & 3], hex + 17, hex + 20);
}

int
icw_store_carry_targets_on_acceptance (IcwStore        *self,
                                       IcwApplication  *application,
                                       GError         **error)
{
  const char *application_id = icw_record_get_id (ICW_RECORD (application));
  g_autofree char *carried = NULL;
  g_autofree char *same = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), 0);
  if (icw_application_get_status (application) != ICW_APPLICATION_STATUS_ACCEPTED)
    return 0;
  carried = icw_store_query_text (self, "SELECT 1 FROM target_versions WHERE application_id = ?1", application_id, NULL);
  id = icw_target_version_id_for_application (application_id);
  same = icw_store_query_text (self, "SELECT 1 FROM target_versions WHERE id = ?1", id, NULL);
  if (carried != NULL || same != NULL)
    return 0;
  /* An application that gives no target by year (or cannot be read) has nothing to carry. */
  targets = icw_store_targets_of_application (application, NULL);
  if (targets == NULL || targets->len == 0)
    return 0;
  return icw_store_write_target_version (self, icw_application_get_center_id (application), targets, application_id,
                                         NULL, NULL, id, icw_record_get_updated_at (ICW_RECORD (application)), 0, error);
}
