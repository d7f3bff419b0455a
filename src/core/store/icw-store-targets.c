/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-targets.c: the 任务书, a center's targets per indicator and year, in versions
 * (icw-store-reports.h). An indicator's key is its name as the application gives it (trimmed;
 * "indicator-N" for one without a name, "name #2" for a second of the same name), so that the
 * rows of a report and the versions of the targets meet on it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-application-parts.h"
#include "icw-application.h"
#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-private.h"
#include "icw-store-reports.h"
#include "icw-store-targets-private.h"

IcwTarget *
icw_target_new (const char *indicator_key,
                int         year,
                double      target)
{
  IcwTarget *self = g_new0 (IcwTarget, 1);

  self->indicator_key = g_strdup (indicator_key);
  self->year = year;
  self->target = target;
  return self;
}

void
icw_target_free (IcwTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->indicator_key);
  g_free (target->area);
  g_free (target->name);
  g_free (target->unit);
  g_free (target);
}

GPtrArray *
icw_target_set_indicators (const IcwTargetSet *set)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; set != NULL && i < set->targets->len; i++)
    {
      IcwTarget *target = set->targets->pdata[i];
      gboolean seen = FALSE;

      for (guint k = 0; k < order->len && !seen; k++)
        seen = g_strcmp0 (((IcwTarget *) order->pdata[k])->indicator_key, target->indicator_key) == 0;
      if (!seen)
        g_ptr_array_add (order, target);
    }
  return order;
}

IcwTarget *
icw_target_set_find (const IcwTargetSet *set,
                     const char         *indicator_key,
                     int                 year)
{
  for (guint i = 0; set != NULL && i < set->targets->len; i++)
    {
      IcwTarget *target = set->targets->pdata[i];

      if (target->year == year && g_strcmp0 (target->indicator_key, indicator_key) == 0)
        return target;
    }
  return NULL;
}

void
icw_target_set_free (IcwTargetSet *set)
{
  if (set == NULL)
    return;
  g_free (set->center_id);
  g_free (set->application_id);
  g_free (set->changed_by);
  g_free (set->changed_at);
  g_free (set->reason);
  g_free (set->id);
  g_clear_pointer (&set->targets, g_ptr_array_unref);
  g_free (set);
}

static const char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

/* The targets of the application's 绩效目标表, one per indicator and year. */
GPtrArray *
icw_store_targets_of_application (IcwApplication  *application,
                                  GError         **error)
{
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_INDICATORS,
                                                         icw_application_get_indicators (application), error);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (root == NULL)
    return NULL;
  array = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *indicator = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *years = indicator != NULL ? json_object_get_member (indicator, "years") : NULL;
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      guint count;
      double baseline = 0;
      gboolean has_baseline;

      if (years == NULL || !JSON_NODE_HOLDS_ARRAY (years))
        continue;
      name = g_strstrip (g_strdup (member_text (indicator, "name") != NULL ? member_text (indicator, "name") : ""));
      key = *name != '\0' ? g_strdup (name) : g_strdup_printf ("indicator-%u", i + 1);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;
      g_hash_table_replace (seen, g_strdup (key), GUINT_TO_POINTER (count));
      if (count > 1)
        {
          char *numbered = g_strdup_printf ("%s #%u", key, count);

          g_free (key);
          key = numbered;
        }
      has_baseline = member_number (indicator, "baseline_value", &baseline);
      for (guint y = 0; y < json_array_get_length (json_node_get_array (years)); y++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (years), y);
          JsonObject *year = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          double value, target;
          IcwTarget *t;

          if (year == NULL || !member_number (year, "year", &value) || !member_number (year, "target", &target))
            continue;
          t = icw_target_new (key, (int) value, target);
          t->area = g_strdup (member_text (indicator, "area"));
          t->name = g_strdup (name);
          t->unit = g_strdup (member_text (indicator, "unit"));
          t->has_baseline = has_baseline;
          t->baseline = baseline;
          g_ptr_array_add (targets, t);
        }
    }
  return g_steal_pointer (&targets);
}

int
icw_store_latest_target_version (IcwStore   *self,
                                 const char *center_id)
{
  g_autofree char *text = icw_store_query_text (self, "SELECT max(version) FROM target_versions WHERE center_id = ?1",
                                                center_id, NULL);

  return text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
bind_double_or_null (sqlite3_stmt *stmt,
                     int           index,
                     gboolean      has,
                     double        value)
{
  return (has ? sqlite3_bind_double (stmt, index, value) : sqlite3_bind_null (stmt, index)) == SQLITE_OK;
}

static gboolean
number_taken (IcwStore   *self,
              const char *center_id,
              int         number)
{
  g_autofree char *text = g_strdup_printf ("%d", number);
  g_autofree char *found = icw_store_query_text (self, "SELECT 1 FROM target_versions WHERE center_id = ?1 AND version = ?2",
                                                 center_id, text, NULL);

  return found != NULL;
}

/* Writes a version in its own transaction (or the caller's batch): the next number, a new ID unless
 * one is given (icw-store-targets-sync.c), now unless a time is given. */
int
icw_store_write_target_version (IcwStore     *self,
                                const char   *center_id,
                                GPtrArray    *targets,
                                const char   *application_id,
                                const char   *who,
                                const char   *reason,
                                const char   *id,
                                const char   *changed_at,
                                int           number,
                                GError      **error)
{
  g_autofree char *now = changed_at != NULL ? g_strdup (changed_at) : icw_database_now ();
  g_autofree char *new_id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int version, first = 0, last = 0;

  if (!icw_store_exists (self, "centers", center_id))
    return icw_store_invalid (error, _("Center: it is not in the register")), 0;
  for (guint i = 0; i < targets->len; i++)
    {
      IcwTarget *t = g_ptr_array_index (targets, i);

      if (t->indicator_key == NULL || *t->indicator_key == '\0')
        return icw_store_invalid (error, _("Targets: every target names its indicator")), 0;
      if (t->year < ICW_REPORT_MIN_YEAR || t->year > ICW_REPORT_MAX_YEAR)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Targets, “%s”: %d is not a year from %d to %d"),
                       t->indicator_key, t->year, ICW_REPORT_MIN_YEAR, ICW_REPORT_MAX_YEAR);
          return 0;
        }
      if (!g_hash_table_add (seen, g_strdup_printf ("%d/%s", t->year, t->indicator_key)))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE, _("Targets, “%s”: the year %d is given twice"),
                       t->indicator_key, t->year);
          return 0;
        }
      first = first == 0 ? t->year : MIN (first, t->year);
      last = MAX (last, t->year);
    }
  if (!icw_store_begin_batch (self, error))
    return 0;
  version = icw_store_latest_target_version (self, center_id) + 1;
  if (number > 0 && !number_taken (self, center_id, number))
    version = number;
  stmt = icw_store_statement (self, "INSERT INTO target_versions (center_id, version, application_id, first_year, last_year, "
                                    "changed_by, changed_at, reason, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, application_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, first);
  sqlite3_bind_int (stmt, 5, last);
  sqlite3_bind_text (stmt, 6, who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, new_id, -1, SQLITE_TRANSIENT);
  if (!icw_store_step_done (self, stmt, error))
    goto fail;
  for (guint i = 0; i < targets->len; i++)
    {
      IcwTarget *t = g_ptr_array_index (targets, i);

      stmt = icw_store_statement (self, "INSERT INTO center_targets (center_id, version, indicator_key, position, area, name, "
                                        "unit, baseline, year, target) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, version);
      sqlite3_bind_text (stmt, 3, t->indicator_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, (int) i);
      sqlite3_bind_text (stmt, 5, t->area, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, t->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, t->unit, -1, SQLITE_TRANSIENT);
      bind_double_or_null (stmt, 8, t->has_baseline, t->baseline);
      sqlite3_bind_int (stmt, 9, t->year);
      sqlite3_bind_double (stmt, 10, t->target);
      if (!icw_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!icw_store_commit_batch (self, error))
    return 0;
  return version;

fail:
  icw_store_rollback_batch (self);
  return 0;
}

int
icw_store_carry_targets_from_application (IcwStore        *self,
                                          IcwApplication  *application,
                                          const char      *who,
                                          const char      *reason,
                                          GError         **error)
{
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), 0);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), 0);

  if (icw_application_get_status (application) != ICW_APPLICATION_STATUS_ACCEPTED)
    return icw_store_invalid (error, _("Targets: only an accepted application's performance targets become the center's")), 0;
  targets = icw_store_targets_of_application (application, error);
  if (targets == NULL)
    return 0;
  if (targets->len == 0)
    return icw_store_invalid (error, _("Targets: the application's performance indicators give no target by year")), 0;
  return icw_store_write_target_version (self, icw_application_get_center_id (application), targets,
                                         icw_record_get_id (ICW_RECORD (application)), who,
                                         reason != NULL ? reason : _("Carried from the accepted application"),
                                         NULL, NULL, 0, error);
}

int
icw_store_save_targets (IcwStore     *self,
                        const char   *center_id,
                        GPtrArray    *targets,
                        const char   *who,
                        const char   *reason,
                        GError      **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), 0);
  g_return_val_if_fail (targets != NULL, 0);

  if (!icw_store_has_text (reason))
    return icw_store_invalid (error, _("Reason: say why the targets change")), 0;
  return icw_store_write_target_version (self, center_id, targets, NULL, who, reason, NULL, NULL, 0, error);
}

IcwTargetSet *
icw_store_read_target_version (sqlite3_stmt *stmt)
{
  IcwTargetSet *set = g_new0 (IcwTargetSet, 1);

  set->center_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  set->version = sqlite3_column_int (stmt, 1);
  set->application_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  set->first_year = sqlite3_column_int (stmt, 3);
  set->last_year = sqlite3_column_int (stmt, 4);
  set->changed_by = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  set->changed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  set->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  set->id = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return set;
}

#define VERSION_COLUMNS ICW_TARGET_VERSION_COLUMNS

GPtrArray *
icw_store_list_target_versions (IcwStore   *self,
                                const char *center_id)
{
  GPtrArray *versions = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_set_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), versions);
  stmt = icw_store_statement (self, VERSION_COLUMNS "WHERE center_id = ?1 ORDER BY version", NULL);
  if (stmt == NULL)
    return versions;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (versions, icw_store_read_target_version (stmt));
  sqlite3_reset (stmt);
  return versions;
}

IcwTargetSet *
icw_store_load_targets (IcwStore     *self,
                        const char   *center_id,
                        int           version,
                        GError      **error)
{
  g_autoptr(IcwTargetSet) set = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  if (version <= 0)
    version = icw_store_latest_target_version (self, center_id);
  stmt = icw_store_statement (self, VERSION_COLUMNS "WHERE center_id = ?1 AND version = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, version);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    set = icw_store_read_target_version (stmt);
  sqlite3_reset (stmt);
  if (set == NULL)
    return NULL;
  set->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  stmt = icw_store_statement (self, "SELECT indicator_key, area, name, unit, baseline, year, target FROM center_targets "
                                    "WHERE center_id = ?1 AND version = ?2 ORDER BY position, year", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, version);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IcwTarget *t = icw_target_new ((const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 5),
                                     sqlite3_column_double (stmt, 6));

      t->area = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      t->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      t->unit = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      t->has_baseline = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      t->baseline = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (set->targets, t);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&set);
}
