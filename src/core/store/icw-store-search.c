/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-search.c: a register's search off the main thread (issue 20). A query of three
 * characters or more runs against the trigram index on a read-only connection of the search's
 * own (WAL lets it read beside the store's writer), one at a time; a shorter one, which a trigram
 * cannot hold, reads an immutable snapshot of the live list's names. Either way the thread
 * answers SQLite row ids, and the main thread maps them to positions in the live list through
 * the list's row-id index: the work grows with the matches, not with the register. A cancelled
 * search stops within a few thousand rows (SQLite's progress handler asks the GCancellable). */
#define _GNU_SOURCE   /* memmem() */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "icw-database.h"
#include "icw-store-private.h"
#include "icw-store-search.h"

/* The search's read-only connection to the store's file, shared by its searches in turn. */
typedef struct {
  gatomicrefcount ref;
  GMutex lock;
  char *path;
  sqlite3 *db;
} SearchDb;

static SearchDb *
search_db_ref (SearchDb *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

static void
search_db_unref (gpointer data)
{
  SearchDb *self = data;

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

typedef struct {
  IcwRecordKind kind;
  gboolean ready;               /* answered on the main thread: positions already */
  SearchDb *db;                 /* a long query: the trigram index */
  char *sql;
  char *pattern;
  IcwStoreListNames *names;     /* a short one: the names */
  char *needle;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->db, search_db_unref);
  g_clear_pointer (&job->names, icw_store_list_names_unref);
  g_free (job->sql);
  g_free (job->pattern);
  g_free (job->needle);
  g_free (job);
}

static int
on_progress (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static gboolean
search_index (Job           *job,
              GArray        *rowids,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_mutex_lock (&job->db->lock);
  if (job->db->db == NULL)
    {
      rc = sqlite3_open_v2 (job->db->path, &job->db->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (job->db->db));
          g_clear_pointer (&job->db->db, sqlite3_close);
          g_mutex_unlock (&job->db->lock);
          return FALSE;
        }
      sqlite3_busy_timeout (job->db->db, 2000);
    }
  sqlite3_progress_handler (job->db->db, 4096, on_progress, cancellable);
  rc = sqlite3_prepare_v2 (job->db->db, job->sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, job->pattern, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (rowids, rowid);
        }
    }
  if (rc != SQLITE_DONE && !g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (job->db->db));
  sqlite3_finalize (stmt);
  sqlite3_progress_handler (job->db->db, 0, NULL, NULL);
  g_mutex_unlock (&job->db->lock);
  return rc == SQLITE_DONE;
}

/* The name holding the byte at offset: the last whose start is not after it. */
static guint
name_at (IcwStoreListNames *names,
         guint              low,
         guint              high,
         gsize              offset)
{
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (icw_store_list_names_get_offset (names, mid) <= offset)
        low = mid;
      else
        high = mid;
    }
  return low;
}

/* A needle without ASCII letters (case does not matter): the names scanned as one text with
 * memmem(), a block of names at a time (a match cannot cross a name's ending NUL), and each hit
 * found back to its name by its offset: far fewer calls than one strstr() per name, which was
 * most of a one-character search at a million names. */
static gboolean
scan_names (Job           *job,
            GArray        *rowids,
            GCancellable  *cancellable,
            GError       **error)
{
  IcwStoreListNames *names = job->names;
  const char *text = icw_store_list_names_get_text (names);
  gsize needle_len = strlen (job->needle);
  guint n = icw_store_list_names_get_n (names);

  for (guint first = 0; first < n; first += 0x4000)
    {
      guint last = MIN (n, first + 0x4000);
      gsize at = icw_store_list_names_get_offset (names, first);
      gsize end = icw_store_list_names_get_offset (names, last);
      const char *hit;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      while (at < end && (hit = memmem (text + at, end - at, job->needle, needle_len)) != NULL)
        {
          guint i = name_at (names, first, last, hit - text);
          gint64 rowid = icw_store_list_names_get_rowid (names, i);

          g_array_append_val (rowids, rowid);
          at = icw_store_list_names_get_offset (names, i + 1);
        }
    }
  return TRUE;
}

static gboolean
search_names (Job           *job,
              GArray        *rowids,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize needle_len = strlen (job->needle);
  gboolean has_letters = FALSE;
  guint n = icw_store_list_names_get_n (job->names);

  for (const char *p = job->needle; *p != '\0'; p++)
    has_letters |= g_ascii_isalpha (*p);
  if (!has_letters)
    return scan_names (job, rowids, cancellable, error);
  for (guint i = 0; i < n; i++)
    {
      if ((i & 0x3fff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (icw_store_contains_ascii_nocase (icw_store_list_names_get_name (job->names, i), job->needle,
                                           needle_len, has_letters))
        {
          gint64 rowid = icw_store_list_names_get_rowid (job->names, i);

          g_array_append_val (rowids, rowid);
        }
    }
  return TRUE;
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;

  if (job->names != NULL ? search_names (job, rowids, cancellable, &error)
                         : search_index (job, rowids, cancellable, &error))
    g_task_return_pointer (task, g_steal_pointer (&rowids), (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The positions in the live list of the records with these IDs (the search of the main thread,
 * for a store without a file of its own or inside a batch). */
static GArray *
positions_of_ids (IcwStoreList *list,
                  GHashTable   *ids)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_hash_table_contains (ids, icw_store_list_get_id (list, i)))
      g_array_append_val (positions, i);
  return positions;
}

void
icw_store_search_positions_async (IcwStore            *self,
                                  IcwRecordKind        kind,
                                  const char          *query,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *needle = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autoptr(GListModel) list = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ICW_IS_STORE (self));
  g_return_if_fail (table->fts_table != NULL);

  g_task_set_source_tag (task, icw_store_search_positions_async);
  job->kind = kind;
  g_task_set_task_data (task, job, job_free);
  if (*needle == '\0')
    {
      job->ready = TRUE;
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  list = icw_store_list (self, kind, NULL);
  if (!ICW_IS_STORE_LIST (list) || self->batch_depth > 0 || self->path == NULL
      || *self->path == '\0' || g_str_equal (self->path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) ids = icw_store_search (self, kind, needle, &error);

      job->ready = TRUE;
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else if (ids == NULL)
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_pointer (task, positions_of_ids (ICW_STORE_LIST (list), ids), (GDestroyNotify) g_array_unref);
      return;
    }

  if (g_utf8_strlen (needle, -1) >= 3)
    {
      g_auto(GStrv) parts = g_strsplit (needle, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);
      SearchDb *db = g_object_get_data (G_OBJECT (self), "icw-search-db");

      if (db == NULL)
        {
          db = g_new0 (SearchDb, 1);
          g_atomic_ref_count_init (&db->ref);
          g_mutex_init (&db->lock);
          db->path = g_strdup (self->path);
          g_object_set_data_full (G_OBJECT (self), "icw-search-db", db, search_db_unref);
        }
      job->db = search_db_ref (db);
      job->pattern = g_strdup_printf ("\"%s\"", escaped);
      /* The index alone (keyed by row id, migration 13): a deleted record's row id is not in the
       * live list, so it finds no position. */
      job->sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1", table->fts_table, table->fts_table);
    }
  else
    {
      job->names = icw_store_list_get_names (ICW_STORE_LIST (list));
      job->needle = g_steal_pointer (&needle);
    }
  g_task_run_in_thread (task, search_thread);
}

GArray *
icw_store_search_positions_finish (IcwStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GListModel) list = NULL;
  GArray *positions;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (job->ready)
    return g_task_propagate_pointer (task, error);
  rowids = g_task_propagate_pointer (task, error);
  if (rowids == NULL)
    return NULL;
  list = icw_store_list (self, job->kind, NULL);
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), rowids->len);
  for (guint i = 0; i < rowids->len; i++)
    {
      guint position;

      if (icw_store_list_find_rowid (ICW_STORE_LIST (list), g_array_index (rowids, gint64, i), &position))
        g_array_append_val (positions, position);
    }
  g_array_sort (positions, compare_positions);
  return positions;
}
