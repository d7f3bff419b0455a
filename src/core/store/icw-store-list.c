/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-list.c: the compact live list of a register. It holds per live record its ID and name
 * (both in one GStringChunk: about 100 bytes a record, against 700 for a loaded object), sorted as
 * GtkStringSorter sorts (case folded, collated in the user's locale); get_item() hands out the
 * store's one object of the record, made on demand, so that only the rows on screen have objects
 * (docs/performance.md, finding 2b). The store keeps it in step: a new or restored record is put
 * in its place, a deleted one leaves; a renamed record keeps its place until the next reload, as
 * the sorted views of the other lists do. A register page may ask for its first screenful alone
 * (icw_store_list_new_head): the first rows through the stored order's index, the rest read when
 * the list is completed, which anything needing the whole list does first (issue 20: a register
 * of a million draws its first rows without reading a million). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-database.h"

#include "icw-store-list.h"
#include "icw-store-private.h"

typedef struct {
  const char *id;
  const char *name;
  gint64 rowid;                 /* SQLite's row id, for this session: a search's integer key */
} Entry;

struct _IcwStoreList
{
  GObject parent_instance;

  IcwStore *store;              /* unowned: the store owns its lists and detaches them */
  const IcwTable *table;
  GArray *entries;              /* of Entry, sorted */
  GStringChunk *strings;
  GArray *by_rowid;             /* guint position per row id (G_MAXUINT: none); NULL: to build */
  IcwStoreListNames *names;     /* the snapshot a search thread reads; NULL: to build */
  gboolean partial;             /* only the first rows are read: icw_store_list_complete reads the rest */
  const char *key_column;       /* the stored keys the head was read in (static), for the rest */
  char *item_sql;               /* the SELECT of one record by ID, for get_item; NULL: to make */
};

/* An immutable copy of the names with their row ids, in the list's order at the time. */
struct _IcwStoreListNames
{
  gatomicrefcount ref;
  guint n;
  gint64 *rowids;
  guint *offsets;
  char *text;
};

static void icw_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcwStoreList, icw_store_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, icw_store_list_model_init))

static GType
icw_store_list_get_item_type (GListModel *model)
{
  return ICW_STORE_LIST (model)->table->get_type ();
}

static guint
icw_store_list_get_n_items (GListModel *model)
{
  return ICW_STORE_LIST (model)->entries->len;
}

static gpointer
icw_store_list_get_item (GListModel *model,
                         guint       position)
{
  IcwStoreList *self = ICW_STORE_LIST (model);
  const Entry *entry;

  if (position >= self->entries->len)
    return NULL;
  entry = &g_array_index (self->entries, Entry, position);
  if (self->store == NULL)
    return g_object_new (self->table->get_type (), "id", entry->id, NULL);
  if (self->item_sql == NULL)
    self->item_sql = icw_store_select_sql (self->table, "id = ?1");
  return icw_store_record_for_list (self->store, self->table, self->item_sql, entry->id);
}

static void
icw_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = icw_store_list_get_item_type;
  iface->get_n_items = icw_store_list_get_n_items;
  iface->get_item = icw_store_list_get_item;
}

/* Any change of the entries: the positions and the snapshot are made again when next asked for. */
static void
changed (IcwStoreList *self)
{
  g_clear_pointer (&self->by_rowid, g_array_unref);
  g_clear_pointer (&self->names, icw_store_list_names_unref);
}

static void
icw_store_list_finalize (GObject *object)
{
  IcwStoreList *self = ICW_STORE_LIST (object);

  changed (self);
  g_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  g_free (self->item_sql);
  G_OBJECT_CLASS (icw_store_list_parent_class)->finalize (object);
}

static void
icw_store_list_class_init (IcwStoreListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_store_list_finalize;
}

static void
icw_store_list_init (IcwStoreList *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->strings = g_string_chunk_new (64 * 1024);
}

IcwStoreList *
icw_store_list_new (IcwStore       *store,
                    const IcwTable *table)
{
  IcwStoreList *self = g_object_new (ICW_TYPE_STORE_LIST, NULL);

  self->store = store;
  self->table = table;
  icw_store_list_reload (self);
  return self;
}

static const char *ensure_sort_keys (IcwStoreList *self);
static void reload (IcwStoreList *self,
                    gboolean      with_keys);

/* The first n rows in the list's order, read through the index of the stored keys (a covering
 * scan that stops after n rows); the whole list at once when the keys cannot be used. */
static gboolean
read_head (IcwStoreList *self,
           guint         n)
{
  const char *column = ensure_sort_keys (self);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (column == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT id, coalesce(name, ''), rowid FROM %s WHERE deleted_at IS NULL "
                         "ORDER BY %s, name, id LIMIT ?1", self->table->table, column);
  if ((stmt = icw_store_statement (self->store, sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Entry entry;

      entry.id = g_string_chunk_insert (self->strings, (const char *) sqlite3_column_text (stmt, 0));
      entry.name = g_string_chunk_insert (self->strings, (const char *) sqlite3_column_text (stmt, 1));
      entry.rowid = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (self->entries, entry);
    }
  sqlite3_reset (stmt);
  self->partial = self->entries->len >= n;
  self->key_column = column;
  return TRUE;
}

IcwStoreList *
icw_store_list_new_head (IcwStore       *store,
                         const IcwTable *table,
                         guint           n)
{
  IcwStoreList *self = g_object_new (ICW_TYPE_STORE_LIST, NULL);

  self->store = store;
  self->table = table;
  if (n == 0)
    icw_store_list_reload (self);
  else if (!read_head (self, n))
    /* The keys could not be used (nor made): sorted in memory, without asking for them again. */
    reload (self, FALSE);
  return self;
}

void
icw_store_list_complete (IcwStoreList *self)
{
  g_return_if_fail (ICW_IS_STORE_LIST (self));

  if (self->partial && self->store != NULL)
    icw_store_list_reload (self);
}

gboolean
icw_store_list_is_partial (IcwStoreList *self)
{
  g_return_val_if_fail (ICW_IS_STORE_LIST (self), FALSE);
  return self->partial;
}

void
icw_store_list_detach (IcwStoreList *self)
{
  self->store = NULL;
}

const char *
icw_store_list_get_id (IcwStoreList *self,
                       guint         position)
{
  g_return_val_if_fail (ICW_IS_STORE_LIST (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, position).id;
}

const char *
icw_store_list_get_name (IcwStoreList *self,
                         guint         position)
{
  g_return_val_if_fail (ICW_IS_STORE_LIST (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, position).name;
}

gboolean
icw_store_list_find (IcwStoreList *self,
                     const char   *id,
                     guint        *position)
{
  g_return_val_if_fail (ICW_IS_STORE_LIST (self), FALSE);

  icw_store_list_complete (self);
  for (guint i = 0; id != NULL && i < self->entries->len; i++)
    if (strcmp (g_array_index (self->entries, Entry, i).id, id) == 0)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

/* The order: the collation of the case-folded names (as GtkStringSorter), then the names' bytes,
 * then the IDs, so that the order is total. */
typedef struct {
  Entry entry;
  char *key;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  if (c == 0)
    c = strcmp (x->entry.name, y->entry.name);
  return c != 0 ? c : strcmp (x->entry.id, y->entry.id);
}

static char *
sort_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_collate_key (folded, -1);
}

#define MANY_KEYS 20000

/* The stored keys per locale (migration 24): a register has a key column per slot, and
 * sort_key_slots says which locale's keys each slot holds. */
#define N_KEY_SLOTS 4
#define UNUSED_DAYS "-30 days"

static const char *const key_columns[N_KEY_SLOTS] = { "sort_key", "sort_key_1", "sort_key_2", "sort_key_3" };

/* The index of a slot's keys: the list's order, covering what the list reads (slot 0's is the
 * index of migration 17). */
static char *
key_index (const IcwTable *table,
           int             slot)
{
  return slot == 0 ? g_strdup_printf ("%s_sort", table->table) : g_strdup_printf ("%s_sort_%d", table->table, slot);
}

/* The live records of this register without a key in the slot's column. */
static gboolean
collect_missing (IcwStoreList *self,
                 int           slot,
                 GArray       *rowids,
                 GPtrArray    *names)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, coalesce(name, '') FROM %s "
                                          "WHERE %s IS NULL AND deleted_at IS NULL",
                                          self->table->table, key_columns[slot]);
  sqlite3_stmt *stmt = icw_store_statement (self->store, sql, NULL);

  g_array_set_size (rowids, 0);
  g_ptr_array_set_size (names, 0);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Drops the slot's index in every compact register, and with clear, empties its column. */
static gboolean
drop_slot_keys (IcwStore *store,
                int       slot,
                gboolean  clear)
{
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < ICW_N_RECORD_KINDS; i++)
    {
      const IcwTable *table = icw_store_table_for_kind (i);

      if (icw_store_list_is_compact (table))
        {
          g_autofree char *index = key_index (table, slot);
          g_autofree char *drop = g_strdup_printf ("DROP INDEX IF EXISTS %s", index);
          g_autofree char *empty = g_strdup_printf ("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL", table->table,
                                                    key_columns[slot], key_columns[slot]);

          ok = icw_database_exec (store->db, drop, NULL) && (!clear || icw_database_exec (store->db, empty, NULL));
        }
    }
  return ok;
}

/* Frees the slots of the locales that have not listed for UNUSED_DAYS: their indexes are dropped
 * (most of the space their keys take); their columns are cleared when the slot is given again. */
static gboolean
free_unused_slots (IcwStore *store,
                   int       keep)
{
  sqlite3_stmt *stmt = icw_store_statement (store, "SELECT slot FROM sort_key_slots WHERE used_on < date('now', '"
                                                   UNUSED_DAYS "') AND slot != ?1", NULL);
  g_autoptr(GArray) unused = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean ok = stmt != NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, keep);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          int slot = sqlite3_column_int (stmt, 0);

          if (slot >= 0 && slot < N_KEY_SLOTS)
            g_array_append_val (unused, slot);
        }
      sqlite3_reset (stmt);
    }
  for (guint i = 0; ok && i < unused->len; i++)
    {
      int slot = g_array_index (unused, int, i);

      ok = drop_slot_keys (store, slot, FALSE) &&
           (stmt = icw_store_statement (store, "DELETE FROM sort_key_slots WHERE slot = ?1", NULL)) != NULL;
      if (ok)
        {
          sqlite3_bind_int (stmt, 1, slot);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }
  return ok;
}

/* Gives the locale a slot: a free one, or else the one whose locale listed least recently. What
 * the slot's columns held (another locale's keys) is cleared, in every register, with its index. */
static int
take_slot (IcwStore   *store,
           const char *locale)
{
  sqlite3_stmt *stmt = icw_store_statement (store, "SELECT slot FROM sort_key_slots ORDER BY used_on, slot", NULL);
  gboolean taken[N_KEY_SLOTS] = { FALSE };
  int slot = -1, oldest = -1;
  gboolean ok;

  if (stmt == NULL)
    return -1;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int s = sqlite3_column_int (stmt, 0);

      if (s >= 0 && s < N_KEY_SLOTS)
        {
          taken[s] = TRUE;
          if (oldest < 0)
            oldest = s;
        }
    }
  sqlite3_reset (stmt);
  for (int s = 0; slot < 0 && s < N_KEY_SLOTS; s++)
    if (!taken[s])
      slot = s;
  if (slot < 0)
    slot = oldest;
  if (slot < 0)
    return -1;

  ok = (stmt = icw_store_statement (store, "DELETE FROM sort_key_slots WHERE slot = ?1 OR locale = ?2", NULL)) != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, slot);
      sqlite3_bind_text (stmt, 2, locale, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  ok = ok && (stmt = icw_store_statement (store, "INSERT INTO sort_key_slots (slot, locale, used_on) "
                                                 "VALUES (?1, ?2, date('now'))", NULL)) != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, slot);
      sqlite3_bind_text (stmt, 2, locale, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  ok = ok && drop_slot_keys (store, slot, TRUE);
  return ok ? slot : -1;
}

/* The collation keys stored with the records (migrations 17 and 24), in the column of the
 * process's locale (LC_COLLATE): made where missing (the records added or renamed since), all of
 * them when the locale has no slot yet. A locale's keys are never made again because another
 * locale listed: each keeps its own. Written in the store's open transaction, or in one of its
 * own; returns the column, or NULL when the keys could not be written (another program holding
 * the file, a read-only file): the list is then sorted in memory, as it was before the keys were
 * stored. Once a day a locale notes that it listed (the slots of locales unused for 30 days are
 * freed then), which a read-only file or a busy one skips. */
static const char *
ensure_sort_keys (IcwStoreList *self)
{
  sqlite3 *db = self->store->db;
  const char *locale = setlocale (LC_COLLATE, NULL);
  g_autofree char *index = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean own, reindex, today = FALSE, indexed = FALSE, ok = TRUE;
  int slot = -1;
  sqlite3_stmt *stmt;

  if (locale == NULL)
    locale = "C";
  /* A slot's index is made in the transaction that gives the slot and dropped in the one that
   * frees it (below: a savepoint of its own inside a caller's transaction), so a locale with a slot
   * has its index. */
  if ((stmt = icw_store_statement (self->store, "SELECT slot, used_on >= date('now') FROM sort_key_slots "
                                                "WHERE locale = ?1", NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, locale, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      slot = sqlite3_column_int (stmt, 0);
      today = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (slot >= N_KEY_SLOTS)
    return NULL;

  if (slot >= 0)
    {
      index = key_index (self->table, slot);
      indexed = TRUE;
      if (!collect_missing (self, slot, rowids, names))
        return NULL;
      if (rowids->len == 0 && today)
        return key_columns[slot];
    }

  own = sqlite3_get_autocommit (db);
  if (own ? !icw_database_begin (db, NULL) : !icw_database_exec (db, "SAVEPOINT icw_sort_keys", NULL))
    /* When only the day of use was to be noted, the keys are complete. */
    return slot >= 0 && rowids->len == 0 ? key_columns[slot] : NULL;
  if (slot < 0)
    {
      ok = free_unused_slots (self->store, -1) && (slot = take_slot (self->store, locale)) >= 0;
      if (ok)
        {
          g_free (index);
          index = key_index (self->table, slot);
          indexed = FALSE;
        }
    }
  else if (!today)
    {
      ok = free_unused_slots (self->store, slot) &&
           (stmt = icw_store_statement (self->store, "UPDATE sort_key_slots SET used_on = date('now') WHERE slot = ?1",
                                        NULL)) != NULL;
      if (ok)
        {
          sqlite3_bind_int (stmt, 1, slot);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }
  /* Read again inside the transaction: another program may have added records meanwhile. */
  ok = ok && collect_missing (self, slot, rowids, names);

  /* Many keys (a locale's first list of a register, or a register's first after migration 17):
   * the index is made once they are all written, one sort instead of a million insertions into
   * it. Only in a transaction of its own (a caller's may hold other changes for long). */
  reindex = own && rowids->len > MANY_KEYS;
  if (ok && reindex && indexed)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX IF EXISTS %s", index);

      ok = icw_database_exec (db, sql, NULL);
      indexed = FALSE;
    }
  if (ok && rowids->len > 0)
    {
      g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE rowid = ?2",
                                                     self->table->table, key_columns[slot]);

      stmt = icw_store_statement (self->store, update_sql, NULL);
      ok = stmt != NULL;
      for (guint i = 0; ok && i < rowids->len; i++)
        {
          g_autofree char *key = sort_key (names->pdata[i]);

          sqlite3_bind_blob (stmt, 1, key, (int) strlen (key), SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, g_array_index (rowids, gint64, i));
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }
  /* Also made again here if it was lost (a slot that has one always gets it back on a write). */
  if (ok)
    {
      g_autofree char *index_sql = g_strdup_printf ("CREATE INDEX IF NOT EXISTS %s ON %s (%s, name, id) "
                                                    "WHERE deleted_at IS NULL",
                                                    index, self->table->table, key_columns[slot]);

      ok = icw_database_exec (db, index_sql, NULL);
    }
  if (own)
    {
      if (ok)
        ok = icw_database_commit (db, NULL);
      else
        icw_database_rollback (db);
    }
  else
    {
      /* Inside a caller's transaction: a failure here undoes only what was done here. */
      if (!ok)
        icw_database_exec (db, "ROLLBACK TO icw_sort_keys", NULL);
      ok = icw_database_exec (db, "RELEASE icw_sort_keys", NULL) && ok;
    }
  return ok ? key_columns[slot] : NULL;
}

/* Takes entries and strings as the list's, and tells the views only what changed: the records
 * before the first difference and after the last one keep their positions. */
static void
install (IcwStoreList *self,
         GArray       *entries,
         GStringChunk *strings)
{
  GArray *old = self->entries;
  GStringChunk *old_strings = self->strings;
  guint prefix = 0, suffix = 0;

  self->partial = FALSE;
  while (prefix < old->len && prefix < entries->len
         && strcmp (g_array_index (old, Entry, prefix).id, g_array_index (entries, Entry, prefix).id) == 0)
    prefix++;
  while (suffix < old->len - prefix && suffix < entries->len - prefix
         && strcmp (g_array_index (old, Entry, old->len - 1 - suffix).id,
                    g_array_index (entries, Entry, entries->len - 1 - suffix).id) == 0)
    suffix++;

  self->entries = entries;
  self->strings = strings;
  changed (self);
  if (old->len != entries->len || prefix < old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                entries->len - prefix - suffix);
  g_array_unref (old);
  g_string_chunk_free (old_strings);
}

/* Reads the live records again, and tells the views only what changed: the records before the
 * first difference and after the last one keep their positions. In a database with stored keys
 * the rows come in the list's order through the index (ORDER BY the key, then the name's and the
 * ID's bytes: compare_keyed's order), with no folding, collating or sorting here. */
static void
reload (IcwStoreList *self,
        gboolean      with_keys)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, coalesce(name, ''), rowid FROM %s WHERE deleted_at IS NULL",
                                          self->table->table);
  g_autofree char *ordered_sql = NULL;
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  GStringChunk *strings = g_string_chunk_new (64 * 1024);
  GArray *entries;
  const char *column = self->store != NULL && with_keys ? ensure_sort_keys (self) : NULL;
  gboolean ordered = column != NULL;
  sqlite3_stmt *stmt;

  if (ordered)
    ordered_sql = g_strdup_printf ("SELECT id, coalesce(name, ''), rowid FROM %s WHERE deleted_at IS NULL "
                                   "ORDER BY %s, name, id", self->table->table, column);
  stmt = self->store != NULL ? icw_store_statement (self->store, ordered ? ordered_sql : sql, NULL) : NULL;

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      Keyed k;

      k.entry.id = g_string_chunk_insert (strings, (const char *) sqlite3_column_text (stmt, 0));
      k.entry.name = g_string_chunk_insert (strings, (const char *) sqlite3_column_text (stmt, 1));
      k.entry.rowid = sqlite3_column_int64 (stmt, 2);
      if (ordered)
        {
          g_array_append_val (entries, k.entry);
          continue;
        }
      k.key = sort_key (k.entry.name);
      g_array_append_val (keyed, k);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_array_sort (keyed, compare_keyed);

  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      g_array_append_val (entries, k->entry);
      g_free (k->key);
    }

  install (self, entries, strings);
}

void
icw_store_list_reload (IcwStoreList *self)
{
  reload (self, TRUE);
}

/* The rest of a list read in a thread, on a read-only connection of its own (WAL lets it read
 * beside the store's writer), in the order of the stored keys the head was read in. */
typedef struct {
  char *path;
  char *sql;
  GArray *entries;
  GStringChunk *strings;
} Rest;

static void
rest_free (gpointer data)
{
  Rest *rest = data;

  g_free (rest->path);
  g_free (rest->sql);
  g_clear_pointer (&rest->entries, g_array_unref);
  if (rest->strings != NULL)
    g_string_chunk_free (rest->strings);
  g_free (rest);
}

static int
rest_progress (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static void
read_rest (GTask        *task,
           gpointer      source,
           gpointer      data,
           GCancellable *cancellable)
{
  Rest *rest = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_open_v2 (rest->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 2000);
      sqlite3_progress_handler (db, 4096, rest_progress, cancellable);
      rc = sqlite3_prepare_v2 (db, rest->sql, -1, &stmt, NULL);
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry;

      entry.id = g_string_chunk_insert (rest->strings, (const char *) sqlite3_column_text (stmt, 0));
      entry.name = g_string_chunk_insert (rest->strings, (const char *) sqlite3_column_text (stmt, 1));
      entry.rowid = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (rest->entries, entry);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (!g_task_return_error_if_cancelled (task))
    {
      if (rc == SQLITE_DONE)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", db != NULL ? sqlite3_errmsg (db) : "");
    }
  sqlite3_close (db);
}

/* Whether a live record has no stored key (added or renamed since by another program). */
static gboolean
missing_keys (IcwStoreList *self)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s IS NULL AND deleted_at IS NULL LIMIT 1",
                                          self->table->table, self->key_column);
  sqlite3_stmt *stmt = icw_store_statement (self->store, sql, NULL);
  gboolean missing;

  if (stmt == NULL)
    return TRUE;
  missing = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return missing;
}

void
icw_store_list_complete_async (IcwStoreList        *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Rest *rest;

  g_return_if_fail (ICW_IS_STORE_LIST (self));

  g_task_set_source_tag (task, icw_store_list_complete_async);
  if (!self->partial || self->store == NULL || self->key_column == NULL || self->store->path == NULL
      || *self->store->path == '\0' || g_str_equal (self->store->path, ":memory:") || self->store->batch_depth > 0)
    {
      /* Nothing to read, or no file to read it from beside the store: at once. */
      icw_store_list_complete (self);
      g_task_return_boolean (task, TRUE);
      return;
    }
  rest = g_new0 (Rest, 1);
  rest->path = g_strdup (self->store->path);
  /* Only a list whose head came through the stored keys is partial: the same order. */
  rest->sql = g_strdup_printf ("SELECT id, coalesce(name, ''), rowid FROM %s WHERE deleted_at IS NULL "
                               "ORDER BY %s, name, id", self->table->table, self->key_column);
  rest->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  rest->strings = g_string_chunk_new (64 * 1024);
  g_task_set_task_data (task, rest, rest_free);
  g_task_run_in_thread (task, read_rest);
}

/* On the main thread: the rows read are the list's, unless the list was read whole meanwhile (a
 * save, a search, a reload: each reads it at once), or a record has no stored key (added since by
 * another program, so the thread's order may be wrong): then it is read again here. */
gboolean
icw_store_list_complete_finish (IcwStoreList  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  GTask *task = G_TASK (result);
  Rest *rest = g_task_get_task_data (task);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (rest == NULL || !self->partial)
    return TRUE;
  if (self->store == NULL)
    return TRUE;
  if (missing_keys (self))
    icw_store_list_reload (self);
  else
    install (self, g_steal_pointer (&rest->entries), g_steal_pointer (&rest->strings));
  return TRUE;
}

/* Where a record of this name goes: after every entry that sorts before it. */
static guint
insertion_point (IcwStoreList *self,
                 const char   *name,
                 const char   *id)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint low = 0, high = self->entries->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const Entry *entry = &g_array_index (self->entries, Entry, mid);
      g_autofree char *other = g_utf8_casefold (entry->name, -1);
      int c = g_utf8_collate (other, folded);

      if (c == 0)
        c = strcmp (entry->name, name);
      if (c == 0)
        c = strcmp (entry->id, id);
      if (c < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* A record was saved (present) or deleted (not present). */
void
icw_store_list_update (IcwStoreList *self,
                       IcwRecord    *record,
                       gboolean      present)
{
  const char *id = icw_record_get_id (record);
  g_autofree char *name = NULL;
  guint position;
  gboolean found;
  Entry entry;

  icw_store_list_complete (self);
  found = icw_store_list_find (self, id, &position);

  if (present)
    g_object_get (record, "name", &name, NULL);
  if (name == NULL)
    name = g_strdup ("");

  if (present && found)
    {
      Entry *known = &g_array_index (self->entries, Entry, position);

      if (strcmp (known->name, name) != 0)
        {
          known->name = g_string_chunk_insert (self->strings, name);
          changed (self);
        }
    }
  else if (present)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE id = ?1", self->table->table);
      sqlite3_stmt *stmt = self->store != NULL ? icw_store_statement (self->store, sql, NULL) : NULL;

      entry.rowid = 0;
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            entry.rowid = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      entry.id = g_string_chunk_insert (self->strings, id);
      entry.name = g_string_chunk_insert (self->strings, name);
      position = insertion_point (self, name, id);
      g_array_insert_val (self->entries, position, entry);
      changed (self);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
  else if (found)
    {
      g_array_remove_index (self->entries, position);
      changed (self);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

/* The position of each row id, made once per change of the list: an array indexed by row id when
 * the row ids are about as many as the entries (as SQLite hands them out), else none. */
gboolean
icw_store_list_find_rowid (IcwStoreList *self,
                           gint64        rowid,
                           guint        *position)
{
  g_return_val_if_fail (ICW_IS_STORE_LIST (self), FALSE);

  icw_store_list_complete (self);
  if (self->by_rowid == NULL)
    {
      gint64 max = 0;

      for (guint i = 0; i < self->entries->len; i++)
        max = MAX (max, g_array_index (self->entries, Entry, i).rowid);
      self->by_rowid = g_array_new (FALSE, FALSE, sizeof (guint));
      if (max < (gint64) self->entries->len * 4 + 65536)
        {
          g_array_set_size (self->by_rowid, max + 1);
          memset (self->by_rowid->data, 0xff, sizeof (guint) * (max + 1));
          for (guint i = 0; i < self->entries->len; i++)
            {
              gint64 r = g_array_index (self->entries, Entry, i).rowid;

              if (r > 0)
                g_array_index (self->by_rowid, guint, r) = i;
            }
        }
    }
  if (rowid > 0 && rowid < self->by_rowid->len)
    {
      guint found = g_array_index (self->by_rowid, guint, rowid);

      if (found == G_MAXUINT)
        return FALSE;
      *position = found;
      return TRUE;
    }
  if (self->by_rowid->len > 0)
    return FALSE;
  /* Row ids too sparse for an array: look through the entries. */
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).rowid == rowid)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

IcwStoreListNames *
icw_store_list_get_names (IcwStoreList *self)
{
  g_return_val_if_fail (ICW_IS_STORE_LIST (self), NULL);

  icw_store_list_complete (self);
  if (self->names == NULL)
    {
      IcwStoreListNames *names = g_new0 (IcwStoreListNames, 1);
      gsize size = 0;

      g_atomic_ref_count_init (&names->ref);
      names->n = self->entries->len;
      names->rowids = g_new (gint64, names->n);
      names->offsets = g_new (guint, names->n + 1);
      for (guint i = 0; i < names->n; i++)
        size += strlen (g_array_index (self->entries, Entry, i).name) + 1;
      names->text = g_malloc (size + 1);
      size = 0;
      for (guint i = 0; i < names->n; i++)
        {
          const Entry *entry = &g_array_index (self->entries, Entry, i);
          gsize len = strlen (entry->name) + 1;

          names->rowids[i] = entry->rowid;
          names->offsets[i] = size;
          memcpy (names->text + size, entry->name, len);
          size += len;
        }
      names->offsets[names->n] = size;
      self->names = names;
    }
  return icw_store_list_names_ref (self->names);
}

IcwStoreListNames *
icw_store_list_names_ref (IcwStoreListNames *names)
{
  g_atomic_ref_count_inc (&names->ref);
  return names;
}

void
icw_store_list_names_unref (IcwStoreListNames *names)
{
  if (!g_atomic_ref_count_dec (&names->ref))
    return;
  g_free (names->rowids);
  g_free (names->offsets);
  g_free (names->text);
  g_free (names);
}

guint
icw_store_list_names_get_n (IcwStoreListNames *names)
{
  return names->n;
}

const char *
icw_store_list_names_get_name (IcwStoreListNames *names,
                               guint              i)
{
  return names->text + names->offsets[i];
}

/* All the names one after the other, each ended by a NUL; name i starts at offset i, and offset n
 * is the end: a search can scan them as one text. */
const char *
icw_store_list_names_get_text (IcwStoreListNames *names)
{
  return names->text;
}

guint
icw_store_list_names_get_offset (IcwStoreListNames *names,
                                 guint              i)
{
  return names->offsets[i];
}

gint64
icw_store_list_names_get_rowid (IcwStoreListNames *names,
                                guint              i)
{
  return names->rowids[i];
}

void
icw_store_list_prepare_search (IcwStoreList *self)
{
  guint position;

  g_return_if_fail (ICW_IS_STORE_LIST (self));

  icw_store_list_find_rowid (self, 0, &position);
  icw_store_list_names_unref (icw_store_list_get_names (self));
}
