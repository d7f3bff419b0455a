/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-durability.c: a pull page is committed without an fsync, an edit never is (issue 20;
 * docs/sync-protocol.md, "Durability of a pull page"). A counting SQLite VFS wraps the default one
 * and counts each file's syncs; the stores, the reference server on loopback and the client are the
 * real ones. A page's commit must not sync the client's WAL; an edit saved between pages (in the
 * handler of the store's "reloaded", which runs right after a page's commit), after a page that
 * failed, or after a page whose COMMIT failed, must sync it (synchronous=FULL), and a failed page
 * leaves neither its rows nor its cursor. The pull's end checkpoints the WAL into the file. A push
 * batch's read mark is committed without a sync too, and so is its acknowledgement. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

/* The counting VFS. */

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;   /* the wrapped file, allocated right after this struct */
  char *name;           /* the file's path (NULL for temporary files) */
  gboolean statement_journal;   /* a statement journal that spilled to a file */
} CountingFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs counting_vfs;
static GHashTable *syncs;   /* path → number of xSync calls (GUINT_TO_POINTER) */
static guint64 statement_journal_bytes;   /* written to statement journals spilled to a file */

static guint
syncs_of (const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (syncs, path));
}

/* The syncs of a store's WAL so far. */
static guint
wal_syncs (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

  return syncs_of (wal);
}

#define REAL(file) (((CountingFile *) (file))->real)

static int
counting_close (sqlite3_file *file)
{
  g_free (((CountingFile *) file)->name);
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
counting_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
counting_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  if (((CountingFile *) file)->statement_journal)
    statement_journal_bytes += (guint64) amount;
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
counting_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
counting_sync (sqlite3_file *file, int flags)
{
  const char *name = ((CountingFile *) file)->name;

  if (name != NULL)
    g_hash_table_insert (syncs, g_strdup (name), GUINT_TO_POINTER (syncs_of (name) + 1));
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
counting_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
counting_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
counting_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
counting_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
counting_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
counting_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
counting_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
counting_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
counting_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
counting_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
counting_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
counting_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
counting_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static const sqlite3_io_methods counting_io_methods = {
  3, counting_close, counting_read, counting_write, counting_truncate, counting_sync,
  counting_file_size, counting_lock, counting_unlock, counting_check_reserved_lock,
  counting_file_control, counting_sector_size, counting_device_characteristics, counting_shm_map,
  counting_shm_lock, counting_shm_barrier, counting_shm_unmap, counting_fetch, counting_unfetch,
};

static int
counting_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  CountingFile *wrapper = (CountingFile *) file;
  int rc;

  wrapper->real = (sqlite3_file *) (wrapper + 1);
  wrapper->name = g_strdup (name);
  wrapper->statement_journal = (flags & SQLITE_OPEN_SUBJOURNAL) != 0;
  rc = real_vfs->xOpen (real_vfs, name, wrapper->real, flags, out_flags);
  /* SQLite calls xClose only on a file whose pMethods is set. */
  file->pMethods = wrapper->real->pMethods != NULL ? &counting_io_methods : NULL;
  if (file->pMethods == NULL)
    g_clear_pointer (&wrapper->name, g_free);
  return rc;
}

/* The default VFS from now on: every store and the server open their files through it. */
static void
counting_vfs_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  counting_vfs = *real_vfs;
  counting_vfs.zName = "icw-counting";
  counting_vfs.szOsFile = (int) sizeof (CountingFile) + real_vfs->szOsFile;
  counting_vfs.xOpen = counting_open;
  syncs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_assert_cmpint (sqlite3_vfs_register (&counting_vfs, 1), ==, SQLITE_OK);
}

/* The tests. */

typedef struct {
  IcwTestSyncFixture sync;
  char *b_path;
  guint pages;          /* pages committed into b so far ("reloaded" emitted) */
  guint edits;          /* edits saved from the handler */
  guint last_syncs;     /* b's WAL syncs when the handler last returned */
  guint page_syncs;     /* b's WAL syncs during page commits, all pages */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  icw_test_sync_fixture_set_up (&f->sync, "icw-sync-durability-XXXXXX");
  f->b_path = g_build_filename (f->sync.dir, "b.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->b_path);
  icw_test_sync_fixture_tear_down (&f->sync);
}

static IcwSyncClient *
new_client (Fixture  *f,
            IcwStore *store,
            guint     page_size)
{
  g_autoptr(GError) error = NULL;
  IcwSyncClient *client = icw_sync_client_new (store, f->sync.url, f->sync.admin, &error);

  g_assert_no_error (error);
  icw_sync_client_set_limits (client, 100, page_size, 2, 10, 100, 10);
  return client;
}

/* n organizations in a, pushed to the server. */
static void
push_organizations (Fixture *f,
                    guint    n)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.a, 100);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("济南华信传感技术有限公司%02u", i);
      g_object_unref (icw_test_save_organization (f->sync.a, name, NULL));
    }
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, n + 1);   /* and the center */
}

/* Right after each page's commit (icw_store_commit_batch emits "reloaded" after it), an edit is
 * saved, as a window's handler might: its commit must sync b's WAL, and the page before it must
 * not have. */
static void
save_between_pages (IcwStore *store,
                    Fixture  *f)
{
  g_autofree char *name = g_strdup_printf ("本地编辑的单位%02u", f->edits);
  guint before = wal_syncs (f->b_path);

  f->pages++;
  f->page_syncs += before - f->last_syncs;
  g_object_unref (icw_test_save_organization (store, name, NULL));
  f->edits++;
  g_assert_cmpuint (wal_syncs (f->b_path), >, before);
  f->last_syncs = wal_syncs (f->b_path);
}

static void
test_edit_between_pages (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.b, 2);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  guint file_syncs;
  gulong handler;

  /* Each page in a transaction of its own, so that edits come between them. */
  icw_sync_client_set_pull_group (client, 1);
  push_organizations (f, 7);
  f->last_syncs = wal_syncs (f->b_path);
  file_syncs = syncs_of (f->b_path);
  handler = g_signal_connect (f->sync.b, "reloaded", G_CALLBACK (save_between_pages), f);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PULL, &report, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->sync.b, handler);
  /* The pull's end copied the WAL into the file (a checkpoint, the only thing that syncs the
   * database file itself in WAL mode; the edits' commits only sync the WAL). */
  g_assert_cmpuint (syncs_of (f->b_path), >, file_syncs);
  g_assert_cmpuint (report.pulled, ==, 8);
  /* Pages of 2 for 8 records; each page's commit reloads the lists once. */
  g_assert_cmpuint (f->pages, >=, 4);
  g_assert_cmpuint (f->edits, ==, f->pages);
  /* The pages themselves were committed without a sync of the WAL (no checkpoint at this size). */
  g_assert_cmpuint (f->page_syncs, ==, 0);
  /* And a plain edit after the run syncs it too. */
  {
    guint before = wal_syncs (f->b_path);

    g_object_unref (icw_test_save_organization (f->sync.b, "拉取之后的单位", NULL));
    g_assert_cmpuint (wal_syncs (f->b_path), >, before);
  }
}

/* An edit saved while the pull's pages are held, from an idle source (the client is waiting for
 * the next page): it is committed by itself under FULL, never in the pages' transaction. */
static gboolean
save_while_held (gpointer data)
{
  Fixture *f = data;
  g_autofree char *name = NULL;
  guint before = wal_syncs (f->b_path);

  if (f->edits >= 20 || f->pages > 0)
    return G_SOURCE_CONTINUE;   /* only while nothing of the pull is committed (removed by the test) */
  name = g_strdup_printf ("拉取期间的单位%02u", f->edits);
  g_object_unref (icw_test_save_organization (f->sync.b, name, NULL));
  f->edits++;
  g_assert_cmpuint (wal_syncs (f->b_path), >, before);
  f->last_syncs = wal_syncs (f->b_path);
  return G_SOURCE_CONTINUE;
}

/* Right after the pages' commit (before the pull's checkpoint): the WAL's syncs since the last
 * edit are the pages'. */
static void
count_page (IcwStore *store,
            Fixture  *f)
{
  f->pages++;
  f->page_syncs += wal_syncs (f->b_path) - f->last_syncs;
}

static gint64 count_rows (const char *path, const char *sql);

/* Pages of 2, all 8 records applied in one transaction once the last page came: one commit (one
 * "reloaded"), none of it synced, and the edits saved meanwhile each synced and kept. */
static void
test_edit_while_pages_held (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.b, 2);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  guint idle;
  gulong handler;

  push_organizations (f, 7);
  handler = g_signal_connect (f->sync.b, "reloaded", G_CALLBACK (count_page), f);
  idle = g_idle_add_full (G_PRIORITY_DEFAULT, save_while_held, f, NULL);
  f->last_syncs = wal_syncs (f->b_path);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PULL, &report, &error));
  g_assert_no_error (error);
  g_clear_handle_id (&idle, g_source_remove);
  g_signal_handler_disconnect (f->sync.b, handler);
  g_assert_cmpuint (report.pulled, ==, 8);
  g_assert_cmpuint (f->pages, ==, 1);
  g_assert_cmpuint (f->edits, >=, 1);
  g_test_message ("%u edits saved while the pages were held", f->edits);
  /* The edits' commits synced the WAL (save_while_held), the pages' one did not. */
  g_assert_cmpuint (f->page_syncs, ==, 0);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM organizations"), ==, 7 + f->edits);
}

/* a's outbox pushed: n changes. */
static void
push_all (Fixture *f,
          guint    n)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.a, 100);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, n);
}

/* The edit of the record the pull brings later, saved after the first page's commit (see below). */
typedef struct {
  Fixture    *f;
  const char *id;
} LaterEdit;

static void
edit_record_pulled_later (IcwStore  *store,
                          LaterEdit *edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = NULL;

  if (edit->f->edits > 0)
    return;
  record = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, edit->id, &error);
  g_assert_no_error (error);
  icw_organization_set_name (ICW_ORGANIZATION (record), "拉取期间本地修改的单位");
  g_assert_true (icw_store_save (store, record, &error));
  g_assert_no_error (error);
  edit->f->edits++;
}

/* A pull whose first transaction starts with nothing unsent asks for no record in the outbox or
 * the conflicts (issue 20); an edit saved between two of its transactions, of a record a later page
 * brings, must still be kept: that record becomes a conflict, not the server's version over the
 * edit. (Fails when the pull asks whether anything is unsent only once, or never.) */
static void
test_edit_of_record_pulled_later (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.b, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) first = icw_test_save_organization (f->sync.a, "甲单位", NULL);
  g_autoptr(IcwOrganization) second = icw_test_save_organization (f->sync.a, "乙单位", NULL);
  g_autoptr(IcwOrganization) last = icw_test_save_organization (f->sync.a, "丙单位", NULL);
  g_autoptr(IcwRecord) kept = NULL;
  LaterEdit edit = { f, icw_record_get_id (ICW_RECORD (last)) };
  IcwSyncReport report = { 0, };
  gulong handler;

  push_all (f, 4);   /* the three and the center */
  {
    g_autoptr(IcwSyncClient) first_pull = new_client (f, f->sync.b, 100);

    g_assert_true (icw_sync_client_run (first_pull, ICW_SYNC_PULL, &report, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (icw_store_count_outbox (f->sync.b), ==, 0);
  /* Changed on a in this order, so that the last one comes on the last page of b's next pull. */
  icw_organization_set_name (first, "甲单位（改）");
  icw_test_save (f->sync.a, first);
  icw_organization_set_name (second, "乙单位（改）");
  icw_test_save (f->sync.a, second);
  icw_organization_set_name (last, "丙单位（服务器上的修改）");
  icw_test_save (f->sync.a, last);
  push_all (f, 3);

  /* A transaction a page, a page a record: the edit comes after the first one's commit. */
  icw_sync_client_set_pull_group (client, 1);
  handler = g_signal_connect (f->sync.b, "reloaded", G_CALLBACK (edit_record_pulled_later), &edit);
  report = (IcwSyncReport) { 0, };
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PULL, &report, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->sync.b, handler);
  g_assert_cmpuint (f->edits, ==, 1);
  g_assert_cmpuint (report.conflicts, ==, 1);
  g_assert_cmpuint (report.pulled, ==, 2);
  g_assert_cmpint (icw_store_count_conflicts (f->sync.b), ==, 1);
  kept = icw_store_lookup (f->sync.b, ICW_RECORD_KIND_ORGANIZATION, edit.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (kept)), ==, "拉取期间本地修改的单位");
}

/* n organizations saved in a in one transaction, then pushed with the rest of a's outbox. */
static void
push_organizations_saved_together (Fixture    *f,
                                   const char *prefix,
                                   guint       n,
                                   guint       n_pushed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_store_begin_batch (f->sync.a, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%03u", prefix, i);
      g_object_unref (icw_test_save_organization (f->sync.a, name, NULL));
    }
  g_assert_true (icw_store_commit_batch (f->sync.a, &error));
  g_assert_no_error (error);
  push_all (f, n_pushed);
}

/* The bytes b's pull of everything, in one group of pages, wrote to statement journals. */
static guint64
pull_in_one_group (Fixture *f,
                   guint    n)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.b, 100);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  guint64 before = statement_journal_bytes;

  icw_sync_client_set_pull_group (client, 10000);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pulled, ==, n);
  return statement_journal_bytes - before;
}

/* A group of pulled pages is written by one statement a kind (issue 20). SQLite keeps a statement
 * journal for each statement that writes a table with a full-text trigger inside a transaction: a
 * copy of each page that was in the database when the statement began, the first time the
 * statement changes it (spilled to a temporary file past 64 KiB). One statement a group copies
 * each page at most once, so a group journals less than the whole database held before it. (Fails
 * with the multi-row upserts of 64 rows before it, each of which copied the index pages its rows
 * touched again: 115 MB of statement journals for a pull of 10k into a database of 6 MB;
 * docs/performance.md.) The rows and their full-text index are all there. */
static void
test_one_statement_journal_a_group (Fixture       *f,
                                    gconstpointer  data)
{
  guint64 first, second, size;

  push_organizations_saved_together (f, "济南华信传感技术有限公司", 400, 401);
  first = pull_in_one_group (f, 401);
  /* Then 400 more into the register b has: most of its index pages change. */
  size = (guint64) count_rows (f->b_path, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
  push_organizations_saved_together (f, "青岛海工装备研究院", 400, 400);
  second = pull_in_one_group (f, 400);
  g_test_message ("statement journals: %" G_GUINT64_FORMAT " bytes in the first pull, %" G_GUINT64_FORMAT
                  " in the second, into a database of %" G_GUINT64_FORMAT " bytes", first, second, size);
  g_assert_cmpuint (second, <, size);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM organizations"), ==, 800);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM organizations_fts WHERE organizations_fts MATCH '海工装备'"),
                   ==, 400);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM organizations_fts WHERE organizations_fts MATCH '华信传感'"),
                   ==, 400);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READONLY, NULL);
  gint64 n = icw_test_db_int (db, sql, NULL);

  sqlite3_close (db);
  return n;
}

/* A page the store refuses (a record of the wrong type in it): the run fails, the page's earlier
 * rows and its cursor are not there, and the next edit is synced. */
static void
test_failed_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.b, 500);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  guint before;

  push_organizations (f, 3);
  /* The last stored record becomes one the store cannot write (its name a number). */
  icw_test_server_exec (f->sync.location,
                        "UPDATE records SET payload = json_set (payload, '$.name', 2) WHERE payload LIKE '%有限公司02%'",
                        NULL);
  g_assert_false (icw_sync_client_run (client, ICW_SYNC_PULL, &report, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM organizations"), ==, 0);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM centers"), ==, 0);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM sync_state WHERE key LIKE 'cursor %'"), ==, 0);

  before = wal_syncs (f->b_path);
  g_object_unref (icw_test_save_organization (f->sync.b, "失败之后的单位", NULL));
  g_assert_cmpuint (wal_syncs (f->b_path), >, before);
}

/* A refetchable batch whose COMMIT fails (a platform of no organization: the references are
 * checked at the commit) is undone, and the next edit is synced. */
static void
test_failed_commit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRemoteBatch) rows = NULL;
  const char *platform = "{\"id\":\"p-1\",\"organization_id\":\"no-such-organization\",\"name\":\"平台\"}";
  guint before;

  g_assert_true (icw_store_begin_refetchable_batch (f->sync.b, &error));
  g_assert_no_error (error);
  rows = icw_remote_batch_new (f->sync.b);
  g_assert_true (icw_remote_batch_add (rows, ICW_RECORD_KIND_PLATFORM, platform, strlen (platform), "7", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (icw_remote_batch_flush (rows, &error));
  g_assert_no_error (error);
  g_assert_true (icw_store_sync_state_set (f->sync.b, "cursor test", "7", &error));
  g_assert_no_error (error);
  g_assert_false (icw_store_commit_batch (f->sync.b, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->b_path, "SELECT count(*) FROM platforms"), ==, 0);
  g_assert_null (icw_store_sync_state_get (f->sync.b, "cursor test"));

  before = wal_syncs (f->b_path);
  g_object_unref (icw_test_save_organization (f->sync.b, "提交失败之后的单位", NULL));
  g_assert_cmpuint (wal_syncs (f->b_path), >, before);
}

/* A push batch's read raises the outbox's read mark in a transaction of its own that syncs
 * nothing (the batch's key, written under FULL before it goes, syncs the mark with it): no fsync
 * more a batch than before the mark. A save after it folds into no row the batch read, and syncs
 * the WAL (FULL set again). */
static void
test_batch_read_mark (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a_path = g_build_filename (f->sync.dir, "a.db", NULL);
  g_autoptr(IcwOrganization) edited = icw_test_save_organization (f->sync.a, "济南华信传感技术有限公司", NULL);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_seq = 0, rows;
  guint before;

  g_object_unref (icw_test_save_organization (f->sync.a, "青岛海工装备研究院", NULL));
  rows = icw_store_count_outbox (f->sync.a);
  before = wal_syncs (a_path);
  g_assert_cmpuint (before, >, 0);   /* the saves synced a's WAL: the VFS counts this file */
  batch = icw_store_outbox_batch (f->sync.a, 100, 0, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  g_assert_cmpuint (batch->len, ==, rows);
  g_assert_cmpint (max_seq, >, 0);
  g_assert_cmpuint (wal_syncs (a_path), ==, before);
  /* The mark was committed: an edit of a record of the batch gets a row of its own ... */
  icw_organization_set_legal_representative (edited, "王明");
  icw_test_save (f->sync.a, edited);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, rows + 1);
  /* ... and its commit syncs the WAL, with the mark's frames before it. */
  g_assert_cmpuint (wal_syncs (a_path), >, before);
}

/* A push's acknowledgement commits without a sync (the next batch's key, under FULL, syncs it): one
 * sync of a's WAL a batch, the key's, where the acknowledgement synced it again. An edit after the
 * push syncs the WAL (FULL set again) with the last acknowledgement before it. */
static void
test_push_ack_unsynced (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *a_path = g_build_filename (f->sync.dir, "a.db", NULL);
  g_autoptr(IcwSyncClient) client = new_client (f, f->sync.a, 100);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  guint before;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("青岛海工装备研究院%02u", i);

      g_object_unref (icw_test_save_organization (f->sync.a, name, NULL));
    }
  /* Batches of 2 for the 7 and the center: 4 batches. */
  icw_sync_client_set_limits (client, 2, 100, 2, 10, 100, 10);
  before = wal_syncs (a_path);
  g_assert_cmpuint (before, >, 0);   /* the saves synced a's WAL: the VFS counts this file */
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 8);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 0);
  g_test_message ("a's WAL synced %u times for 4 batches", wal_syncs (a_path) - before);
  g_assert_cmpuint (wal_syncs (a_path) - before, ==, 4);
  before = wal_syncs (a_path);
  g_object_unref (icw_test_save_organization (f->sync.a, "推送之后的单位", NULL));
  g_assert_cmpuint (wal_syncs (a_path), >, before);
}

/* The syncs of every file whose name ends with suffix. */
static guint
syncs_ending_with (const char *suffix)
{
  GHashTableIter iter;
  gpointer name, count;
  guint total = 0;

  g_hash_table_iter_init (&iter, syncs);
  while (g_hash_table_iter_next (&iter, &name, &count))
    if (g_str_has_suffix (name, suffix))
      total += GPOINTER_TO_UINT (count);
  return total;
}

/* The server's scratch database (check.db, made new at each start, removed at the end, read only
 * by the running server's checks) is never synced: its schema's migrations synced it 66 times at
 * each start. The server's own database still is. */
static void
test_server_scratch_unsynced (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("icw-sync-durability-XXXXXX", &path);
  g_autofree char *location = g_build_filename (dir, "server.db", NULL);
  guint scratch_before = syncs_ending_with ("/check.db") + syncs_ending_with ("/check.db-wal");
  IcwSyncServer *server = icw_sync_server_new (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (server);
  g_test_message ("check.db and its WAL synced %u times at the start, server.db %u times",
                  syncs_ending_with ("/check.db") + syncs_ending_with ("/check.db-wal") - scratch_before,
                  syncs_of (location) + wal_syncs (location));
  g_assert_cmpuint (syncs_ending_with ("/check.db") + syncs_ending_with ("/check.db-wal"), ==, scratch_before);
  g_assert_cmpuint (syncs_of (location) + wal_syncs (location), >, 0);
  g_object_unref (server);
  icw_test_clear_tmp_dir (&dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  counting_vfs_register ();
  g_test_add ("/sync-durability/edit-between-pages", Fixture, NULL, fixture_set_up, test_edit_between_pages,
              fixture_tear_down);
  g_test_add ("/sync-durability/edit-while-pages-held", Fixture, NULL, fixture_set_up, test_edit_while_pages_held,
              fixture_tear_down);
  g_test_add ("/sync-durability/edit-of-record-pulled-later", Fixture, NULL, fixture_set_up,
              test_edit_of_record_pulled_later, fixture_tear_down);
  g_test_add ("/sync-durability/one-statement-journal-a-group", Fixture, NULL, fixture_set_up,
              test_one_statement_journal_a_group, fixture_tear_down);
  g_test_add ("/sync-durability/failed-page", Fixture, NULL, fixture_set_up, test_failed_page, fixture_tear_down);
  g_test_add ("/sync-durability/failed-commit", Fixture, NULL, fixture_set_up, test_failed_commit, fixture_tear_down);
  g_test_add ("/sync-durability/push-ack-unsynced", Fixture, NULL, fixture_set_up, test_push_ack_unsynced,
              fixture_tear_down);
  g_test_add ("/sync-durability/batch-read-mark", Fixture, NULL, fixture_set_up, test_batch_read_mark,
              fixture_tear_down);
  g_test_add_func ("/sync-durability/server-scratch-unsynced", test_server_scratch_unsynced);
  return g_test_run ();
}
