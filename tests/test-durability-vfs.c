/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-durability-vfs.c: what the store leaves on disk when the disk fails. A fault-injecting
 * SQLite VFS wraps the default one and fails the Nth write, sync or truncate of any file (the
 * database, its -wal, a -journal). For a save (an edit and a creation), a CSV import and a delete,
 * every failure point is tried in turn, N = 1, 2, … until the operation gets through without
 * meeting the fault. After each failure the call must have returned FALSE with an error, and the
 * file, read through the plain VFS both as it was at that moment (as after a crash) and after the
 * store was dropped, must pass SQLite's integrity check and hold exactly the rows it held before
 * the operation or exactly the rows the operation writes: never anything in between. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "icw-center.h"
#include "icw-csv-import.h"
#include "icw-error.h"
#include "icw-organization.h"
#include "icw-store.h"
#include "icw-test-util.h"

/* The fault-injecting VFS. */

typedef enum {
  FAULT_IOERR,    /* the Nth write, sync or truncate fails, writing nothing; later ones succeed */
  FAULT_FULL,     /* the disk fills: the Nth write stores half its bytes and fails with SQLITE_FULL */
  FAULT_STICKY,   /* from the Nth on, every write, sync and truncate fails, until the test ends it */
  N_FAULT_MODES
} FaultMode;

static const char *const mode_names[] = { "I/O error", "disk full", "failing disk" };

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;   /* the wrapped file, allocated right after this struct */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;

static struct {
  FaultMode mode;
  int countdown;      /* 0: no fault pending; otherwise the operations left until the fault */
  gboolean hit;       /* the fault happened (in sticky mode: is happening) */
  guint operations;   /* writes, syncs and truncates seen since the counter was reset */
} fault;

static void
fault_arm (FaultMode mode,
           int       n)
{
  fault.mode = mode;
  fault.countdown = n;
  fault.hit = FALSE;
  fault.operations = 0;
}

static void
fault_disarm (void)
{
  fault.countdown = 0;
  fault.hit = FALSE;
}

typedef enum {
  OP_WRITE,
  OP_SYNC,
  OP_TRUNCATE,
} FileOp;

/* SQLITE_OK to let the operation through, or the error to fail it with. */
static int
fault_check (FileOp op)
{
  static const int ioerr[] = { SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE };
  static const int full[] = { SQLITE_FULL, SQLITE_IOERR_FSYNC, SQLITE_FULL };

  fault.operations++;
  if (fault.hit && fault.mode == FAULT_STICKY)
    return ioerr[op];
  if (fault.countdown == 0 || --fault.countdown > 0)
    return SQLITE_OK;
  fault.hit = TRUE;
  return fault.mode == FAULT_FULL ? full[op] : ioerr[op];
}

static sqlite3_file *
real_file (sqlite3_file *file)
{
  return ((FaultFile *) file)->real;
}

static int
fault_close (sqlite3_file *file)
{
  return real_file (file)->pMethods->xClose (real_file (file));
}

static int
fault_read (sqlite3_file  *file,
            void          *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  return real_file (file)->pMethods->xRead (real_file (file), buffer, amount, offset);
}

static int
fault_write (sqlite3_file  *file,
             const void    *buffer,
             int            amount,
             sqlite3_int64  offset)
{
  int rc = fault_check (OP_WRITE);

  if (rc == SQLITE_FULL && amount > 1)
    real_file (file)->pMethods->xWrite (real_file (file), buffer, amount / 2, offset);
  if (rc != SQLITE_OK)
    return rc;
  return real_file (file)->pMethods->xWrite (real_file (file), buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  int rc = fault_check (OP_TRUNCATE);

  if (rc != SQLITE_OK)
    return rc;
  return real_file (file)->pMethods->xTruncate (real_file (file), size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  int rc = fault_check (OP_SYNC);

  if (rc != SQLITE_OK)
    return rc;
  return real_file (file)->pMethods->xSync (real_file (file), flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return real_file (file)->pMethods->xFileSize (real_file (file), size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  return real_file (file)->pMethods->xLock (real_file (file), level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  return real_file (file)->pMethods->xUnlock (real_file (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  return real_file (file)->pMethods->xCheckReservedLock (real_file (file), out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  return real_file (file)->pMethods->xFileControl (real_file (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return real_file (file)->pMethods->xSectorSize (real_file (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return real_file (file)->pMethods->xDeviceCharacteristics (real_file (file));
}

static int
fault_shm_map (sqlite3_file       *file,
               int                 page,
               int                 page_size,
               int                 extend,
               void volatile     **out)
{
  return real_file (file)->pMethods->xShmMap (real_file (file), page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return real_file (file)->pMethods->xShmLock (real_file (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  real_file (file)->pMethods->xShmBarrier (real_file (file));
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return real_file (file)->pMethods->xShmUnmap (real_file (file), delete_flag);
}

static int
fault_fetch (sqlite3_file   *file,
             sqlite3_int64   offset,
             int             amount,
             void          **out)
{
  return real_file (file)->pMethods->xFetch (real_file (file), offset, amount, out);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  return real_file (file)->pMethods->xUnfetch (real_file (file), offset, page);
}

static const sqlite3_io_methods fault_io_methods = {
  3,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved_lock,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  fault_fetch,
  fault_unfetch,
};

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *wrapper = (FaultFile *) file;
  int rc;

  wrapper->real = (sqlite3_file *) (wrapper + 1);
  rc = real_vfs->xOpen (real_vfs, name, wrapper->real, flags, out_flags);
  /* SQLite calls xClose only on a file whose pMethods is set. */
  file->pMethods = wrapper->real->pMethods != NULL ? &fault_io_methods : NULL;
  return rc;
}

static void
fault_vfs_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  fault_vfs = *real_vfs;
  fault_vfs.pNext = NULL;
  fault_vfs.zName = "icw-fault";
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.xOpen = fault_open;
  /* The default from now on: the store opens its file through it. */
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
  g_assert_true (sqlite3_vfs_find (NULL) == &fault_vfs);
}

/* Checking the file through the plain VFS. */

static sqlite3 *
plain_open (const char *path)
{
  return icw_test_db_open (path, SQLITE_OPEN_READWRITE, real_vfs->zName);
}

static GHashTable *known_ids;   /* the IDs of the records in the starting file */
static GRegex *uuid_regex;
static GRegex *time_regex;

static gboolean
replace_uuid (const GMatchInfo *match,
              GString          *out,
              gpointer          data)
{
  g_autofree char *id = g_match_info_fetch (match, 0);

  /* IDs made by the operation are random: they are the same "new" in every run. */
  g_string_append (out, g_hash_table_contains (known_ids, id) ? id : "NEW-ID");
  return FALSE;
}

/* The times and the IDs an operation makes up, replaced by placeholders so that two runs of it
 * compare equal. */
static char *
replace_made_up (const char *row,
                 gpointer    data)
{
  g_autofree char *no_times = g_regex_replace_literal (time_regex, row, -1, 0, "TIME", 0, NULL);

  return g_regex_replace_eval (uuid_regex, no_times, -1, 0, 0, replace_uuid, NULL, NULL);
}

/* The logical content of the database: every row of every table (the full-text indexes through
 * their virtual tables, the outbox and sqlite_sequence included), with what an operation makes up
 * replaced. */
static char *
content_digest (sqlite3 *db)
{
  guint n_tables = 0;
  char *digest = icw_test_db_digest (db, replace_made_up, NULL, &n_tables);

  g_assert_cmpuint (n_tables, >=, 8);
  return digest;
}

/* The integrity of the file as SQLite and the full-text indexes see it, then its content. */
static char *
check_file (const char *path)
{
  sqlite3 *db = plain_open (path);
  g_autofree char *check = icw_test_db_text (db, "PRAGMA integrity_check", NULL);
  char *digest;

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO organizations_fts (organizations_fts) VALUES ('integrity-check');"
                                     "INSERT INTO centers_fts (centers_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  digest = content_digest (db);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return digest;
}

/* The test's files. */

typedef struct {
  char *dir;
  char *path;      /* the database the operations run on */
  char *snapshot;  /* a copy of it taken at the moment of a failure */
  GBytes *start;   /* the starting database, checkpointed into one file */
  char *before;    /* its content digest */
  char *org_a;     /* the IDs of its records */
  char *org_b;
  char *org_c;
  char *center;
} Fixture;

static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

static void
remove_database (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static void
copy_database (const char *from,
               const char *to)
{
  remove_database (to);
  /* Not the -shm: after a crash there is none worth trusting, and SQLite rebuilds it. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *source = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *target = g_strconcat (to, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_str_equal (suffixes[i], "-shm") || !g_file_get_contents (source, &contents, &length, NULL))
        continue;
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
    }
}

static void
reset_database (Fixture *f)
{
  gsize length;
  const char *data = g_bytes_get_data (f->start, &length);

  remove_database (f->path);
  g_assert_true (g_file_set_contents (f->path, data, length, NULL));
}

static void
add_known_ids (const char *path)
{
  sqlite3 *db = plain_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM organizations UNION ALL SELECT id FROM centers",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (known_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwOrganization) a = NULL;
  g_autoptr(IcwOrganization) b = NULL;
  g_autoptr(IcwOrganization) c = NULL;
  g_autoptr(IcwCenter) center = icw_center_new ();
  g_autofree char *wal = NULL;
  char *contents;
  gsize length;

  fault_disarm ();
  f->dir = icw_test_make_tmp_dir ("test-durability-XXXXXX", &f->path);
  f->snapshot = g_build_filename (f->dir, "snapshot.db", NULL);

  /* A register of some size, so that the tables and indexes span several pages. */
  store = icw_test_open_store (f->path);
  a = icw_test_save_organization (store, "济南智能传感研究院有限公司", "91350100M000100Y43");
  b = icw_test_save_organization (store, "Qilu Sensor Co.", NULL);
  c = icw_test_save_organization (store, "待删除单位", "91440300708461136T");
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("山东省第%d号智能制造装备有限责任公司（测试数据，名称较长以占满页面）", i);
      g_autoptr(IcwOrganization) filler G_GNUC_UNUSED = icw_test_save_organization (store, name, NULL);
    }
  icw_center_set_name (center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_lead_organization_id (center, icw_record_get_id (ICW_RECORD (a)));
  g_assert_true (icw_store_save (store, ICW_RECORD (center), &error));
  g_assert_no_error (error);
  f->org_a = g_strdup (icw_record_get_id (ICW_RECORD (a)));
  f->org_b = g_strdup (icw_record_get_id (ICW_RECORD (b)));
  f->org_c = g_strdup (icw_record_get_id (ICW_RECORD (c)));
  f->center = g_strdup (icw_record_get_id (ICW_RECORD (center)));
  g_clear_object (&store);

  /* Closed cleanly: everything is in the one file. */
  wal = g_strconcat (f->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  f->start = g_bytes_new_take (contents, length);

  known_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_known_ids (f->path);
  f->before = check_file (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fault_disarm ();
  remove_database (f->path);
  remove_database (f->snapshot);
  g_rmdir (f->dir);
  g_clear_pointer (&known_ids, g_hash_table_unref);
  g_clear_pointer (&f->start, g_bytes_unref);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->snapshot);
  g_free (f->before);
  g_free (f->org_a);
  g_free (f->org_b);
  g_free (f->org_c);
  g_free (f->center);
}

/* The operations. */

typedef gboolean (*Operation) (Fixture   *f,
                               IcwStore  *store,
                               GError   **error);

static gboolean
edit_organization (Fixture   *f,
                   IcwStore  *store,
                   GError   **error)
{
  g_autoptr(IcwRecord) org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, f->org_b, error);

  g_assert_nonnull (org);
  icw_organization_set_name (ICW_ORGANIZATION (org), "Qilu Sensor Group Co., Ltd.");
  icw_organization_set_city (ICW_ORGANIZATION (org), "济南市");
  icw_organization_set_rd_intensity_3 (ICW_ORGANIZATION (org), 480);
  return icw_store_save (store, org, error);
}

static gboolean
create_center (Fixture   *f,
               IcwStore  *store,
               GError   **error)
{
  g_autoptr(IcwCenter) center = icw_center_new ();
  gboolean ok;

  icw_center_set_name (center, "山东省高端装备制造业创新中心");
  icw_center_set_level (center, ICW_CENTER_LEVEL_PROVINCIAL);
  icw_center_set_year (center, 2022);
  icw_center_set_host_capital_fen (center, G_GINT64_CONSTANT (3000000000));
  icw_center_set_lead_organization_id (center, f->org_a);
  ok = icw_store_save (store, ICW_RECORD (center), error);
  /* A creation that failed leaves an unsaved record, to be saved again as new. */
  if (!ok)
    g_assert_null (icw_record_get_id (ICW_RECORD (center)));
  return ok;
}

static const char centers_csv[] =
  "名称,级别,领域,省份,城市,认定年份,牵头单位\r\n"
  "湘江先进轨道交通装备创新中心,国家,先进轨道交通装备,湖南省,株洲市,2018,湘江轨道装备有限公司\r\n"
  "江苏省增材制造创新中心,省级,增材制造,江苏省,南京市,2019,济南智能传感研究院有限公司\r\n"
  "\"辽沈高档数控机床创新中心\",national-local,\"高档数控机床, 机器人\",辽宁省,沈阳市,,\r\n"
  "齐鲁智能传感器制造业创新中心,国家地方共建,智能传感器,山东省,济南市,2021,Qilu Sensor Co.\r\n"
  "广东省印刷及柔性显示创新中心,provincial,印刷及柔性显示,广东省,广州市,2020,\r\n";

static gboolean
import_centers (Fixture   *f,
                IcwStore  *store,
                GError   **error)
{
  g_autoptr(GBytes) contents = g_bytes_new_static (centers_csv, sizeof centers_csv - 1);
  IcwCsvImportResult result = { 0 };
  gboolean ok;

  ok = icw_csv_import_bytes (store, contents, ICW_CSV_KIND_CENTERS, &result, error);
  if (ok)
    {
      g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_CENTERS);
      g_assert_cmpuint (result.created, ==, 4);
      g_assert_cmpuint (result.updated, ==, 1);
    }
  icw_csv_import_result_clear (&result);
  return ok;
}

static gboolean
delete_organization (Fixture   *f,
                     IcwStore  *store,
                     GError   **error)
{
  g_autoptr(IcwRecord) org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, f->org_c, error);

  g_assert_nonnull (org);
  return icw_store_delete (store, org, error);
}

static guint operations_in_call;   /* writes, syncs and truncates of the last operation */

/* Runs the operation on a fresh copy of the starting database with the Nth operation failing
 * (0: none). Returns whether the fault was met; *ok says whether the operation succeeded. */
static gboolean
run (Fixture    *f,
     Operation   operation,
     FaultMode   mode,
     int         n,
     gboolean   *ok,
     GError    **error)
{
  g_autoptr(IcwStore) store = NULL;
  gboolean hit;

  reset_database (f);
  fault_disarm ();
  store = icw_store_open (f->path, error);
  g_assert_nonnull (store);

  fault_arm (mode, n);
  *ok = operation (f, store, error);
  hit = fault.hit;
  operations_in_call = fault.operations;

  /* The state a crash right now would leave behind. */
  copy_database (f->path, f->snapshot);

  /* Dropping the store closes the file; a failing disk goes on failing while it does. */
  if (mode != FAULT_STICKY)
    fault_disarm ();
  g_clear_object (&store);
  fault_disarm ();
  return hit;
}

typedef struct {
  const char *name;
  Operation operation;
} Case;

static void
sweep (Fixture    *f,
       const Case *c,
       FaultMode   mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint clean_operations;
  guint crash_after = 0, closed_after = 0;
  gboolean ok = FALSE;
  int n;

  /* The content the operation writes, from a run without a fault; and how many writes, syncs
   * and truncates that run made. */
  g_assert_false (run (f, c->operation, mode, 0, &ok, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
  clean_operations = operations_in_call;
  after = check_file (f->path);
  g_assert_cmpstr (after, !=, f->before);

  for (n = 1; ; n++)
    {
      g_autofree char *at_failure = NULL;
      g_autofree char *closed = NULL;

      g_clear_error (&error);
      if (!run (f, c->operation, mode, n, &ok, &error))
        {
          /* Got through: every failure point has been tried. */
          g_assert_true (ok);
          g_assert_no_error (error);
          break;
        }

      if (ok)
        g_error ("%s, %s at operation %d: the call succeeded although the disk failed",
                 c->name, mode_names[mode], n);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ICW_ERROR);
      g_assert_cmpstr (error->message, !=, "");

      at_failure = check_file (f->snapshot);
      closed = check_file (f->path);
      if (g_strcmp0 (at_failure, f->before) != 0 && g_strcmp0 (at_failure, after) != 0)
        g_error ("%s, %s at operation %d: after a crash the database holds neither the old nor the new content",
                 c->name, mode_names[mode], n);
      if (g_strcmp0 (closed, f->before) != 0 && g_strcmp0 (closed, after) != 0)
        g_error ("%s, %s at operation %d: the database holds neither the old nor the new content",
                 c->name, mode_names[mode], n);
      if (g_strcmp0 (at_failure, after) == 0)
        crash_after++;
      if (g_strcmp0 (closed, after) == 0)
        closed_after++;

      /* The store opens the file again and finds nothing wrong with it. */
      {
        g_autoptr(GError) open_error = NULL;
        g_autoptr(IcwStore) store = icw_test_open_store (f->path);
        g_autoptr(GPtrArray) problems = NULL;

        problems = icw_store_check_integrity (store, &open_error);
        g_assert_no_error (open_error);
        g_assert_cmpuint (problems->len, ==, 0);
      }
      g_assert_cmpint (n, <, 1000);
    }

  /* Every write, sync and truncate of the clean run was a failure point. */
  g_assert_cmpuint (n - 1, ==, clean_operations);
  g_assert_cmpint (n - 1, >, 0);
  g_test_message ("%s, %s: %d failure points swept; the new content was there after a crash at "
                  "%u of them and after closing at %u, the old content at the others",
                  c->name, mode_names[mode], n - 1, crash_after, closed_after);
}

static const Case cases[] = {
  { "save: edit of an organization", edit_organization },
  { "save: creation of a center", create_center },
  { "import of a centers CSV", import_centers },
  { "delete of an organization", delete_organization },
};

static void
test_sweep (Fixture       *f,
            gconstpointer  data)
{
  const Case *c = data;

  for (FaultMode mode = 0; mode < N_FAULT_MODES; mode++)
    sweep (f, c, mode);
}

/* The VFS does fail what it is asked to: a sanity check of the test itself. */
static void
test_vfs (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  gboolean ok = TRUE;

  g_assert_true (run (f, edit_organization, FAULT_IOERR, 1, &ok, &error));
  g_assert_false (ok);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DATABASE);
  g_clear_error (&error);

  /* Nothing fails while the countdown is not armed. */
  reset_database (f);
  store = icw_test_open_store (f->path);
  g_assert_false (fault.hit);
  g_assert_cmpuint (operations_in_call, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fault_vfs_register ();
  uuid_regex = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0, 0, NULL);
  time_regex = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z", 0, 0, NULL);

  g_test_add ("/durability/vfs", Fixture, NULL, fixture_set_up, test_vfs, fixture_tear_down);
  g_test_add ("/durability/edit", Fixture, &cases[0], fixture_set_up, test_sweep, fixture_tear_down);
  g_test_add ("/durability/create", Fixture, &cases[1], fixture_set_up, test_sweep, fixture_tear_down);
  g_test_add ("/durability/import", Fixture, &cases[2], fixture_set_up, test_sweep, fixture_tear_down);
  g_test_add ("/durability/delete", Fixture, &cases[3], fixture_set_up, test_sweep, fixture_tear_down);

  status = g_test_run ();
  g_regex_unref (uuid_regex);
  g_regex_unref (time_regex);
  return status;
}
