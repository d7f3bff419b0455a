/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrations.c: opening databases of every vintage (icw-database.c, icw-schema.c). A new or
 * version-0 file is brought to the latest schema; a version-1 file is upgraded after a backup copy
 * that keeps the old rows; a file from a newer version, another program's database and a file that
 * is not SQLite at all are refused with their own error codes and left byte for byte as they were. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "icw-error.h"
#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-center.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-schema.h"
#include "icw-store.h"
#include "icw-store-sync.h"
#include "icw-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = icw_test_make_tmp_dir ("test-migrations-XXXXXX", &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The SHA-256 of a file's bytes, or "absent". */
static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The database file and its -wal and -journal companions, as one fingerprint. The -shm file is
 * no part of the database (every reader writes its read marks there, and SQLite rebuilds it from
 * the -wal): only whether it is there counts. */
static char *
files_fingerprint (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *a = file_sha256 (path);
  g_autofree char *b = file_sha256 (wal);
  g_autofree char *d = file_sha256 (journal);

  return g_strdup_printf ("db %s, wal %s, shm %s, journal %s", a, b,
                          g_file_test (shm, G_FILE_TEST_EXISTS) ? "present" : "absent", d);
}

static GPtrArray *
backups (Fixture    *f,
         const char *pattern)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_pattern_match_simple (pattern, name))
      g_ptr_array_add (found, g_build_filename (f->dir, name, NULL));
  return found;
}

static void
assert_latest (const char *path)
{
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READONLY, NULL);
  g_autofree char *mode = icw_test_db_text (db, "PRAGMA journal_mode", NULL);
  g_autofree char *check = icw_test_db_text (db, "PRAGMA integrity_check", NULL);

  g_assert_cmpint (icw_test_db_int (db, "PRAGMA user_version", NULL), ==, icw_schema_latest_version ());
  g_assert_cmpint (icw_test_db_int (db, "PRAGMA application_id", NULL), ==, ICW_SCHEMA_APPLICATION_ID);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                        "('organizations','centers','shareholders','alliance_members',"
                                        "'platforms','outbox','organizations_fts','centers_fts')", NULL), ==, 8);
  sqlite3_close (db);
}

static void
assert_store_usable (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  g_autoptr(IcwOrganization) org = icw_organization_new ();
  g_autoptr(GPtrArray) problems = NULL;

  icw_organization_set_name (org, "新建单位");
  g_assert_true (icw_store_save (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  problems = icw_store_check_integrity (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A file of no bytes is an empty SQLite database at user_version 0: it is set up from scratch,
 * with nothing to back up. */
static void
test_v0_empty_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  store = icw_test_open_store (f->path);
  g_assert_nonnull (store);
  assert_latest (f->path);
  copies = backups (f, "*.backup");
  g_assert_cmpuint (copies->len, ==, 0);
  g_clear_object (&store);
  assert_store_usable (f->path);
}

/* The same from a file SQLite wrote (one page, user_version 0, no tables). */
static void
test_v0_sqlite_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  raw_exec (db, "PRAGMA page_size = 4096; VACUUM; PRAGMA user_version = 0");
  sqlite3_close (db);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  store = icw_test_open_store (f->path);
  assert_latest (f->path);
  copies = backups (f, "*.backup");
  g_assert_cmpuint (copies->len, ==, 0);
}

static const char v1_rows[] =
  "INSERT INTO organizations (id, name, credit_code, kind, created_at, updated_at) VALUES "
  "  ('11111111-1111-4111-8111-111111111111', '济南智能传感研究院有限公司', '91350100M000100Y43', 'institute',"
  "   '2023-01-02T03:04:05.000000Z', '2023-01-02T03:04:05.000000Z'),"
  "  ('22222222-2222-4222-8222-222222222222', 'Qilu Sensor Co.', NULL, 'enterprise',"
  "   '2023-01-03T03:04:05.000000Z', '2023-01-03T03:04:05.000000Z');"
  "INSERT INTO centers (id, name, level, lead_organization_id, created_at, updated_at) VALUES "
  "  ('33333333-3333-4333-8333-333333333333', '齐鲁智能传感器制造业创新中心', 'national-local',"
  "   '11111111-1111-4111-8111-111111111111', '2023-01-04T03:04:05.000000Z', '2023-01-04T03:04:05.000000Z');"
  "INSERT INTO shareholders (id, center_id, organization_id, share_bp, created_at, updated_at) VALUES "
  "  ('44444444-4444-4444-8444-444444444444', '33333333-3333-4333-8333-333333333333',"
  "   '22222222-2222-4222-8222-222222222222', 2500, '2023-01-05T03:04:05.000000Z', '2023-01-05T03:04:05.000000Z');"
  "INSERT INTO outbox (kind, record_id, op, payload, queued_at) VALUES "
  "  ('organization', '11111111-1111-4111-8111-111111111111', 'upsert', '{}', '2023-01-02T03:04:05.000000Z');"
  "PRAGMA user_version = 1;";

/* A version-1 database (as the first release wrote it) is upgraded, after a backup. */
static void
test_v1 (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) other_copies = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(IcwRecord) old = NULL;
  g_autoptr(GListModel) orgs = NULL;
  g_autofree char *name = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  raw_exec (db, icw_schema_migration (1));
  raw_exec (db, v1_rows);
  g_assert_cmpint (icw_test_db_int (db, "PRAGMA application_id", NULL), ==, ICW_SCHEMA_APPLICATION_ID);
  sqlite3_close (db);

  store = icw_test_open_store (f->path);
  g_assert_nonnull (store);
  assert_latest (f->path);

  /* One backup, named for the version it holds, itself a whole version-1 database. */
  copies = backups (f, "workbench.db.v1-*.backup");
  g_assert_cmpuint (copies->len, ==, 1);
  other_copies = backups (f, "*.backup");
  g_assert_cmpuint (other_copies->len, ==, 1);
  db = icw_test_db_open (copies->pdata[0], SQLITE_OPEN_READONLY, NULL);
  check = icw_test_db_text (db, "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (icw_test_db_int (db, "PRAGMA user_version", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "PRAGMA application_id", NULL), ==, ICW_SCHEMA_APPLICATION_ID);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations", NULL), ==, 2);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM centers", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM shareholders", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'organizations_fts'", NULL), ==, 0);
  name = icw_test_db_text (db, "SELECT name FROM organizations WHERE id = '11111111-1111-4111-8111-111111111111'", NULL);
  g_assert_cmpstr (name, ==, "济南智能传感研究院有限公司");
  sqlite3_close (db);

  /* The old rows are all there, and the full-text index of version 2 knows them. */
  old = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "11111111-1111-4111-8111-111111111111", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (old)), ==, "济南智能传感研究院有限公司");
  g_assert_cmpstr (icw_organization_get_credit_code (ICW_ORGANIZATION (old)), ==, "91350100M000100Y43");
  g_assert_cmpint (icw_organization_get_kind (ICW_ORGANIZATION (old)), ==, ICW_ORG_KIND_INSTITUTE);
  g_assert_cmpstr (icw_record_get_created_at (old), ==, "2023-01-02T03:04:05.000000Z");
  orgs = icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);

  found = icw_store_search (store, ICW_RECORD_KIND_ORGANIZATION, "智能传感", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  g_assert_true (g_hash_table_contains (found, "11111111-1111-4111-8111-111111111111"));
  g_clear_pointer (&found, g_hash_table_unref);
  found = icw_store_search (store, ICW_RECORD_KIND_ORGANIZATION, "SENSOR co", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  g_assert_true (g_hash_table_contains (found, "22222222-2222-4222-8222-222222222222"));
  g_clear_pointer (&found, g_hash_table_unref);
  found = icw_store_search (store, ICW_RECORD_KIND_CENTER, "传感器制造", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  g_assert_true (g_hash_table_contains (found, "33333333-3333-4333-8333-333333333333"));
  g_assert_cmpint (icw_store_count_outbox (store), ==, 1);

  /* A second open has nothing to migrate and makes no second backup. */
  g_clear_object (&store);
  assert_store_usable (f->path);
  g_clear_pointer (&other_copies, g_ptr_array_unref);
  other_copies = backups (f, "*.backup");
  g_assert_cmpuint (other_copies->len, ==, 1);
}

typedef enum {
  JOURNAL_ROLLBACK,      /* as another tool may leave it */
  JOURNAL_WAL_CLEAN,     /* as a newer version closes it */
  JOURNAL_WAL_PENDING,   /* as a newer version leaves it when it stops abruptly: changes in the -wal */
} JournalState;

static void
write_database (const char   *path,
                int           application_id,
                int           user_version,
                JournalState  journal)
{
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_autofree char *header = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                             application_id, user_version);

  if (journal != JOURNAL_ROLLBACK)
    raw_exec (db, "PRAGMA journal_mode = WAL");
  if (journal == JOURNAL_WAL_PENDING)
    {
      int off = 0;

      /* What follows stays in the -wal file: no checkpoint, not even on close. */
      g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &off), ==, SQLITE_OK);
      raw_exec (db, "PRAGMA wal_autocheckpoint = 0");
    }
  raw_exec (db, header);
  raw_exec (db, "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT);"
                "INSERT INTO things (name) VALUES ('one'), ('two'), ('三');");
  sqlite3_close (db);
}

static void
assert_refused_unchanged (const char *path,
                          int         code,
                          const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autofree char *before = files_fingerprint (path);
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  store = icw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ICW_ERROR, code);
  icw_test_assert_message_contains (error, message_part, NULL);
  g_assert_nonnull (strstr (error->message, basename));
  after = files_fingerprint (path);
  g_assert_cmpstr (before, ==, after);

  /* Twice, to be sure a first refusal leaves nothing that a second one would trip over. */
  g_clear_error (&error);
  store = icw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ICW_ERROR, code);
  g_clear_pointer (&after, g_free);
  after = files_fingerprint (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_future (Fixture       *f,
             gconstpointer  data)
{
  JournalState journal = GPOINTER_TO_INT (data);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *schema = g_strdup_printf ("schema %d", icw_schema_latest_version () + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;

  write_database (f->path, ICW_SCHEMA_APPLICATION_ID, icw_schema_latest_version () + 1, journal);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS) == (journal == JOURNAL_WAL_PENDING));
  if (journal != JOURNAL_WAL_PENDING)
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  assert_refused_unchanged (f->path, ICW_ERROR_FUTURE_DATABASE, "newer version");

  store = icw_store_open (f->path, &error);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_FUTURE_DATABASE);
  g_assert_nonnull (strstr (error->message, schema));
  g_assert_nonnull (strstr (error->message, "not changed"));
  if (journal != JOURNAL_WAL_PENDING)
    {
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    }
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  JournalState journal = GPOINTER_TO_INT (data);
  g_autofree char *zero = g_build_filename (f->dir, "zero-id.db", NULL);
  g_autofree char *zero_v0 = g_build_filename (f->dir, "zero-id-v0.db", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  /* Another program's application_id. */
  write_database (f->path, 0x12345678, 0, journal);
  assert_refused_unchanged (f->path, ICW_ERROR_NOT_WORKBENCH, "another program");
  if (journal != JOURNAL_WAL_PENDING)
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* No application_id, but tables of its own: not ours to take over. */
  write_database (zero, 0, 7, journal);
  assert_refused_unchanged (zero, ICW_ERROR_NOT_WORKBENCH, "another program");
  write_database (zero_v0, 0, 0, journal);
  assert_refused_unchanged (zero_v0, ICW_ERROR_NOT_WORKBENCH, "another program");
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *noise = g_build_filename (f->dir, "noise.bin", NULL);
  g_autofree char *fake = g_build_filename (f->dir, "fake.db", NULL);
  g_autofree char *tiny = g_build_filename (f->dir, "tiny.db", NULL);
  guint8 bytes[8192];
  GString *header = g_string_new (NULL);

  g_assert_true (g_file_set_contents (text, "名称,级别\n齐鲁智能传感器制造业创新中心,省级\n", -1, &error));
  assert_refused_unchanged (text, ICW_ERROR_NOT_WORKBENCH, "not a database");

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (noise, (const char *) bytes, sizeof bytes, &error));
  assert_refused_unchanged (noise, ICW_ERROR_NOT_WORKBENCH, "not a database");

  /* The right magic string followed by nonsense. */
  g_string_append_len (header, "SQLite format 3", 16);
  g_string_append_len (header, (const char *) bytes, 4096 - 16);
  g_assert_true (g_file_set_contents (fake, header->str, header->len, &error));
  g_string_free (header, TRUE);
  assert_refused_unchanged (fake, ICW_ERROR_NOT_WORKBENCH, "not a database");

  g_assert_true (g_file_set_contents (tiny, "x", 1, &error));
  assert_refused_unchanged (tiny, ICW_ERROR_NOT_WORKBENCH, "not a database");
}


/* The migration that gave records the numbers reviewers score (issue 15), found by what it adds
 * rather than by its number, which may change when branches merge. */
static int
numbers_migration (void)
{
  for (int v = 1; v <= icw_schema_latest_version (); v++)
    if (strstr (icw_schema_migration (v), "revenue_1_fen") != NULL)
      return v;
  g_assert_not_reached ();
}

static const char numbers_rows[] =
  "INSERT INTO organizations (id, name, credit_code, kind, province, top_ten, rd_base_year,"
  "  rd_intensity_1, rd_intensity_2, rd_intensity_3, created_at, updated_at) VALUES "
  "  ('11111111-1111-4111-8111-111111111111', '济南测试传感科技股份有限公司', NULL, 'enterprise', '山东省', 1, 2024,"
  "   250, 300, 360, '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z'),"
  "  ('22222222-2222-4222-8222-222222222222', '测试汽车有限公司', NULL, 'enterprise', '湖北省', 0, 0,"
  "   -1, -1, -1, '2025-01-03T03:04:05.000000Z', '2025-01-03T03:04:05.000000Z');"
  "INSERT INTO centers (id, name, level, field, lead_organization_id, host_capital_fen, rd_staff, created_at, updated_at) VALUES "
  "  ('33333333-3333-4333-8333-333333333333', '测试制造业创新中心', 'provincial', '智能传感器',"
  "   '11111111-1111-4111-8111-111111111111', 10000000000, 62, '2025-01-04T03:04:05.000000Z', '2025-01-04T03:04:05.000000Z');"
  "INSERT INTO alliance_members (id, center_id, organization_id, role, created_at, updated_at) VALUES "
  "  ('44444444-4444-4444-8444-444444444444', '33333333-3333-4333-8333-333333333333',"
  "   '22222222-2222-4222-8222-222222222222', 'user', '2025-01-05T03:04:05.000000Z', '2025-01-05T03:04:05.000000Z');"
  "INSERT INTO platforms (id, organization_id, kind, name, approved_year, created_at, updated_at) VALUES "
  "  ('55555555-5555-4555-8555-555555555555', '11111111-1111-4111-8111-111111111111', 'key-lab', '测试重点实验室', 2019,"
  "   '2025-01-06T03:04:05.000000Z', '2025-01-06T03:04:05.000000Z');";

/* A database from just before that migration: every value stays; the new numbers start at "not
 * stated"; an organization that was a member in the role "user" becomes a user enterprise. */
static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  int before = numbers_migration () - 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) lead = NULL, user = NULL, center = NULL, platform = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  for (int v = 1; v <= before; v++)
    raw_exec (db, icw_schema_migration (v));
  raw_exec (db, numbers_rows);
  version = g_strdup_printf ("PRAGMA user_version = %d;", before);
  raw_exec (db, version);
  sqlite3_close (db);

  store = icw_test_open_store (f->path);
  assert_latest (f->path);

  lead = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "11111111-1111-4111-8111-111111111111", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (lead)), ==, "济南测试传感科技股份有限公司");
  g_assert_true (icw_organization_get_top_ten (ICW_ORGANIZATION (lead)));
  g_assert_cmpint (icw_organization_get_rd_base_year (ICW_ORGANIZATION (lead)), ==, 2024);
  g_assert_cmpint (icw_organization_get_rd_intensity_1 (ICW_ORGANIZATION (lead)), ==, 250);
  g_assert_cmpint (icw_organization_get_rd_intensity_3 (ICW_ORGANIZATION (lead)), ==, 360);
  g_assert_cmpint (icw_organization_get_revenue_1_fen (ICW_ORGANIZATION (lead)), ==, 0);
  g_assert_cmpint (icw_organization_get_rd_spending_3_fen (ICW_ORGANIZATION (lead)), ==, 0);
  g_assert_cmpint (icw_organization_get_rd_staff_2 (ICW_ORGANIZATION (lead)), ==, 0);
  g_assert_cmpint (icw_organization_get_enterprise_type (ICW_ORGANIZATION (lead)), ==, ICW_ENTERPRISE_TYPE_UNSPECIFIED);
  g_assert_true (icw_organization_is_legal_person (ICW_ORGANIZATION (lead)));
  g_assert_false (icw_organization_get_honour_gazelle (ICW_ORGANIZATION (lead)));
  g_assert_false (icw_organization_get_dishonest (ICW_ORGANIZATION (lead)));
  g_assert_false (icw_organization_get_user_enterprise (ICW_ORGANIZATION (lead)));

  user = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "22222222-2222-4222-8222-222222222222", &error);
  g_assert_no_error (error);
  g_assert_true (icw_organization_get_user_enterprise (ICW_ORGANIZATION (user)));

  center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, "33333333-3333-4333-8333-333333333333", &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_center_get_host_capital_fen (ICW_CENTER (center)), ==, 10000000000);
  g_assert_cmpint (icw_center_get_rd_staff (ICW_CENTER (center)), ==, 62);
  g_assert_cmpstr (icw_center_get_field (ICW_CENTER (center)), ==, "智能传感器");
  g_assert_cmpint (icw_center_get_paid_in_capital_fen (ICW_CENTER (center)), ==, 0);
  g_assert_cmpint (icw_center_get_space_m2 (ICW_CENTER (center)), ==, 0);

  platform = icw_store_lookup (store, ICW_RECORD_KIND_PLATFORM, "55555555-5555-4555-8555-555555555555", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_platform_get_name (ICW_PLATFORM (platform)), ==, "测试重点实验室");
  g_assert_cmpint (icw_platform_get_approved_year (ICW_PLATFORM (platform)), ==, 2019);
  g_assert_true (icw_platform_get_field (ICW_PLATFORM (platform)) == NULL ||
                 *icw_platform_get_field (ICW_PLATFORM (platform)) == '\0');

  /* The new numbers are saved and read back. */
  icw_organization_set_revenue_3_fen (ICW_ORGANIZATION (lead), 123456789);
  icw_organization_set_enterprise_type (ICW_ORGANIZATION (lead), ICW_ENTERPRISE_TYPE_LIMITED_PARTNERSHIP);
  g_assert_true (icw_store_save (store, lead, &error));
  g_assert_no_error (error);
  g_clear_object (&lead);
  lead = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "11111111-1111-4111-8111-111111111111", &error);
  g_assert_cmpint (icw_organization_get_revenue_3_fen (ICW_ORGANIZATION (lead)), ==, 123456789);
  g_assert_false (icw_organization_is_legal_person (ICW_ORGANIZATION (lead)));
}

/* The migration that made the application kinds the stages (issue 15), found by what it does. */
static int
stages_migration (void)
{
  for (int v = 1; v <= icw_schema_latest_version (); v++)
    if (strstr (icw_schema_migration (v), "CREATE TABLE applications_new") != NULL)
      return v;
  g_assert_not_reached ();
}

static const char stages_rows[] =
  "INSERT INTO organizations (id, name, kind, created_at, updated_at) VALUES "
  "  ('11111111-1111-4111-8111-111111111111', '测试牵头单位', 'enterprise', '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z');"
  "INSERT INTO centers (id, name, level, created_at, updated_at) VALUES "
  "  ('33333333-3333-4333-8333-333333333333', '测试制造业创新中心', 'provincial', '2025-01-04T03:04:05.000000Z', '2025-01-04T03:04:05.000000Z');"
  "INSERT INTO applications (id, center_id, kind, status, title, call_name, call_issuer, call_deadline, lineage_id, version,"
  "  reviewer_comments, section_background, section_foundation, section_goals, section_approach, section_mechanism,"
  "  section_assessment, section_risks, section_budget, section_benefits, roadmap, capability_platforms, indicators, tasks,"
  "  revision, created_at, updated_at, deleted_at, total_investment_fen, contact_name, contact_phone, recommender) VALUES "
  "  ('66666666-6666-4666-8666-666666666661', '33333333-3333-4333-8333-333333333333', 'provincial-recognition', 'submitted',"
  "   '省级申报', '2025年申报通知', '山东省工业和信息化厅', '2025-06-30', '66666666-6666-4666-8666-666666666661', 1,"
  "   '请补充', '背景', '基础', '目标', '方式', '机制', '考核', '风险', '预算', '效益', '[]', '[]', '[]', '{}',"
  "   'r-7', '2025-02-01T00:00:00.000000Z', '2025-02-02T00:00:00.000000Z', NULL, 123456, '张三', '0531-12345678', '济南市工业和信息化局'),"
  "  ('66666666-6666-4666-8666-666666666662', '33333333-3333-4333-8333-333333333333', 'national-recognition', 'draft',"
  "   '国家级申报', NULL, NULL, NULL, '66666666-6666-4666-8666-666666666662', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-02-03T00:00:00.000000Z', '2025-02-03T00:00:00.000000Z',"
  "   '2025-03-01T00:00:00.000000Z', 0, NULL, NULL, NULL),"
  "  ('66666666-6666-4666-8666-666666666663', '33333333-3333-4333-8333-333333333333', 'upgrade-to-national', 'draft',"
  "   '升级申报', NULL, NULL, NULL, '66666666-6666-4666-8666-666666666663', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-02-04T00:00:00.000000Z', '2025-02-04T00:00:00.000000Z',"
  "   NULL, 0, NULL, NULL, NULL);"
  "INSERT INTO attachments (id, application_id, name, kind, size, sha256, content, created_at, updated_at) VALUES "
  "  ('77777777-7777-4777-8777-777777777777', '66666666-6666-4666-8666-666666666661', '承诺书.pdf', 'commitment', 3,"
  "   'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', CAST('abc' AS BLOB),"
  "   '2025-02-01T00:00:00.000000Z', '2025-02-01T00:00:00.000000Z');";

/* A database from just before the stages: every column of every application keeps its value
 * (the whole rows compared before and after), the two kinds of then become the stages they were,
 * the attachment still points at its application, and the table's CHECK and indexes are there. */
static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  int before = stages_migration () - 1;
  const char *columns = "id, center_id, status, title, call_name, call_issuer, call_deadline, lineage_id, version,"
    " reviewer_comments, section_background, section_foundation, section_goals, section_approach, section_mechanism,"
    " section_assessment, section_risks, section_budget, section_benefits, roadmap, capability_platforms, indicators,"
    " tasks, revision, created_at, updated_at, deleted_at, total_investment_fen, contact_name, contact_phone,"
    " recommender, row";
  g_autofree char *dump_sql = NULL, *kinds = NULL;
  g_autofree char *rows_before = NULL, *rows_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) application = NULL, deleted = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GString) concat = g_string_new ("SELECT group_concat(");
  g_auto(GStrv) names = g_strsplit (columns, ",", -1);
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (concat, "%squote(%s)", i > 0 ? " || ',' || " : "", g_strstrip (names[i]));
  g_string_append (concat, ", '|') FROM (SELECT *, rowid AS row FROM applications ORDER BY id)");
  dump_sql = g_string_free (g_steal_pointer (&concat), FALSE);

  for (int v = 1; v <= before; v++)
    raw_exec (db, icw_schema_migration (v));
  raw_exec (db, stages_rows);
  version = g_strdup_printf ("PRAGMA user_version = %d;", before);
  raw_exec (db, version);
  rows_before = icw_test_db_text (db, dump_sql, NULL);
  sqlite3_close (db);

  store = icw_test_open_store (f->path);
  assert_latest (f->path);
  db = icw_test_db_open (f->path, SQLITE_OPEN_READONLY, NULL);
  rows_after = icw_test_db_text (db, dump_sql, NULL);
  g_assert_nonnull (rows_before);
  g_assert_cmpstr (rows_after, ==, rows_before);
  kinds = icw_test_db_text (db, "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM applications ORDER BY id)", NULL);
  g_assert_cmpstr (kinds, ==, "cultivation upgrade-to-national upgrade-to-national");
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications'"
                                        " AND name IN ('applications_center', 'applications_lineage_version')", NULL), ==, 2);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM attachments a JOIN applications p ON p.id = a.application_id", NULL), ==, 1);
  sqlite3_close (db);

  application = icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION, "66666666-6666-4666-8666-666666666661", &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_application_get_kind (ICW_APPLICATION (application)), ==, ICW_APPLICATION_KIND_CULTIVATION);
  g_assert_cmpstr (icw_application_get_title (ICW_APPLICATION (application)), ==, "省级申报");
  g_assert_null (icw_application_get_section_market_plan (ICW_APPLICATION (application)));

  /* The new kinds are kept, an old one is refused by the table. */
  db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE applications SET kind = 'provincial-recognition'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  raw_exec (db, "UPDATE applications SET kind = 'national-local' WHERE id = '66666666-6666-4666-8666-666666666663'");
  sqlite3_close (db);
  deleted = icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION, "66666666-6666-4666-8666-666666666663", &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_application_get_kind (ICW_APPLICATION (deleted)), ==, ICW_APPLICATION_KIND_NATIONAL_LOCAL);
}

/* The migration that made 用户企业 the organization's flag only (issue 15), found by what it does. */
static int
roles_migration (void)
{
  for (int v = 1; v <= icw_schema_latest_version (); v++)
    if (strstr (icw_schema_migration (v), "UPDATE alliance_members SET role = 'ordinary' WHERE role = 'user'") != NULL)
      return v;
  g_assert_not_reached ();
}

static const char roles_rows[] =
  "INSERT INTO organizations (id, name, kind, created_at, updated_at) VALUES "
  "  ('11111111-1111-4111-8111-111111111111', '测试牵头单位', 'enterprise', '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z'),"
  "  ('22222222-2222-4222-8222-222222222222', '测试汽车有限公司', 'enterprise', '2025-01-03T03:04:05.000000Z', '2025-01-03T03:04:05.000000Z');"
  "INSERT INTO centers (id, name, level, created_at, updated_at) VALUES "
  "  ('33333333-3333-4333-8333-333333333333', '测试制造业创新中心', 'provincial', '2025-01-04T03:04:05.000000Z', '2025-01-04T03:04:05.000000Z');"
  "INSERT INTO alliance_members (id, center_id, organization_id, role, joined, agreement_signed, created_at, updated_at) VALUES "
  "  ('44444444-4444-4444-8444-444444444441', '33333333-3333-4333-8333-333333333333',"
  "   '11111111-1111-4111-8111-111111111111', 'lead', '2024-01-01', 1, '2025-01-05T03:04:05.000000Z', '2025-01-05T03:04:05.000000Z'),"
  "  ('44444444-4444-4444-8444-444444444442', '33333333-3333-4333-8333-333333333333',"
  "   '22222222-2222-4222-8222-222222222222', 'user', '2024-03-02', 1, '2025-01-05T03:04:05.000000Z', '2025-01-05T03:04:05.000000Z');"
  "INSERT INTO outbox (kind, record_id, op, payload, queued_at) VALUES "
  "  ('alliance-member', '44444444-4444-4444-8444-444444444442', 'upsert',"
  "   '{\"id\":\"44444444-4444-4444-8444-444444444442\",\"role\":\"user\",\"joined\":\"2024-03-02\"}',"
  "   '2025-01-05T03:04:05.000000Z');";

/* A database from just before that migration: the member in the role "user" becomes ordinary and
 * its organization a user enterprise; the lead and the other organization stay as they were; the
 * change waiting in the outbox says ordinary too, everything else in it kept. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  int before = roles_migration () - 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) lead = NULL, user = NULL, member = NULL, lead_member = NULL;
  g_autofree char *version = NULL, *payload = NULL;
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  for (int v = 1; v <= before; v++)
    raw_exec (db, icw_schema_migration (v));
  raw_exec (db, roles_rows);
  version = g_strdup_printf ("PRAGMA user_version = %d;", before);
  raw_exec (db, version);
  sqlite3_close (db);

  store = icw_test_open_store (f->path);
  assert_latest (f->path);
  user = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "22222222-2222-4222-8222-222222222222", &error);
  g_assert_no_error (error);
  g_assert_true (icw_organization_get_user_enterprise (ICW_ORGANIZATION (user)));
  lead = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "11111111-1111-4111-8111-111111111111", &error);
  g_assert_false (icw_organization_get_user_enterprise (ICW_ORGANIZATION (lead)));
  member = icw_store_lookup (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, "44444444-4444-4444-8444-444444444442", &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_alliance_member_get_role (ICW_ALLIANCE_MEMBER (member)), ==, ICW_MEMBER_ROLE_ORDINARY);
  g_assert_cmpstr (icw_alliance_member_get_joined (ICW_ALLIANCE_MEMBER (member)), ==, "2024-03-02");
  g_assert_true (icw_alliance_member_get_agreement_signed (ICW_ALLIANCE_MEMBER (member)));
  lead_member = icw_store_lookup (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, "44444444-4444-4444-8444-444444444441", &error);
  g_assert_cmpint (icw_alliance_member_get_role (ICW_ALLIANCE_MEMBER (lead_member)), ==, ICW_MEMBER_ROLE_LEAD);

  db = icw_test_db_open (f->path, SQLITE_OPEN_READONLY, NULL);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM alliance_members WHERE role = 'user'", NULL), ==, 0);
  payload = icw_test_db_text (db, "SELECT payload FROM outbox WHERE record_id = '44444444-4444-4444-8444-444444444442'", NULL);
  g_assert_nonnull (strstr (payload, "\"role\":\"ordinary\""));
  g_assert_nonnull (strstr (payload, "\"joined\":\"2024-03-02\""));
  sqlite3_close (db);
}

/* The migration that queued the user enterprises migration 20 made and took 'user' out of
 * alliance_members' CHECK, found by what it does. */
static int
queue_user_enterprises_migration (void)
{
  for (int v = 1; v <= icw_schema_latest_version (); v++)
    if (strstr (icw_schema_migration (v), "CREATE TABLE alliance_members_new") != NULL)
      return v;
  g_assert_not_reached ();
}

#define UE_ORG(n) "aaaaaaaa-aaaa-4aaa-8aaa-00000000000" #n
#define UE_MEMBER(n) "bbbbbbbb-bbbb-4bbb-8bbb-00000000000" #n
#define UE_CENTER "cccccccc-cccc-4ccc-8ccc-000000000001"
#define UE_T "'2025-01-02T03:04:05.000000Z'"

/* Organizations as migration 20 left them: 1 a synced user enterprise (its flag set by 20, so
 * never queued), 2 one whose waiting change already says so, 3 one whose waiting change is from
 * before the flag, 4 not a user enterprise, 5 one in the trash, 6 a user enterprise that is no
 * center's member (its flag set by a save, which queued it), 7 the organization of a member still
 * in the role "user". */
static const char user_enterprise_rows[] =
  "INSERT INTO organizations (id, name, kind, user_enterprise, revision, created_at, updated_at, deleted_at) VALUES "
  "  ('" UE_ORG (1) "', '一号汽车有限公司', 'enterprise', 1, 'r-1', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_ORG (2) "', '二号汽车有限公司', 'enterprise', 1, 'r-2', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_ORG (3) "', '三号汽车有限公司', 'enterprise', 1, NULL, " UE_T ", " UE_T ", NULL),"
  "  ('" UE_ORG (4) "', '四号汽车有限公司', 'enterprise', 0, 'r-4', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_ORG (5) "', '五号汽车有限公司', 'enterprise', 1, 'r-5', " UE_T ", " UE_T ", " UE_T "),"
  "  ('" UE_ORG (6) "', '六号汽车有限公司', 'enterprise', 1, 'r-6', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_ORG (7) "', '七号汽车有限公司', 'enterprise', 0, 'r-7', " UE_T ", " UE_T ", NULL);"
  "INSERT INTO centers (id, name, level, created_at, updated_at) VALUES "
  "  ('" UE_CENTER "', '测试制造业创新中心', 'provincial', " UE_T ", " UE_T ");"
  "INSERT INTO alliance_members (id, center_id, organization_id, role, joined, agreement_signed, revision,"
  "  created_at, updated_at, deleted_at) VALUES "
  "  ('" UE_MEMBER (1) "', '" UE_CENTER "', '" UE_ORG (1) "', 'lead', '2024-01-01', 1, 'm-1', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_MEMBER (2) "', '" UE_CENTER "', '" UE_ORG (2) "', 'core', NULL, 0, 'm-2', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_MEMBER (3) "', '" UE_CENTER "', '" UE_ORG (3) "', 'ordinary', '2024-03-02', 1, NULL, " UE_T ", " UE_T ", NULL),"
  "  ('" UE_MEMBER (4) "', '" UE_CENTER "', '" UE_ORG (4) "', 'ordinary', NULL, 0, 'm-4', " UE_T ", " UE_T ", NULL),"
  "  ('" UE_MEMBER (5) "', '" UE_CENTER "', '" UE_ORG (5) "', 'ordinary', NULL, 0, 'm-5', " UE_T ", " UE_T ", " UE_T "),"
  "  ('" UE_MEMBER (7) "', '" UE_CENTER "', '" UE_ORG (7) "', 'user', '2024-05-06', 1, 'm-7', " UE_T ", " UE_T ", NULL);"
  "INSERT INTO outbox (kind, record_id, op, payload, base_revision, queued_at) VALUES "
  "  ('organization', '" UE_ORG (2) "', 'upsert', '{\"id\":\"" UE_ORG (2) "\",\"user_enterprise\":1}', 'r-2', " UE_T "),"
  "  ('organization', '" UE_ORG (3) "', 'upsert', '{\"id\":\"" UE_ORG (3) "\",\"user_enterprise\":0}', NULL, " UE_T ");";

static const char members_sql[] =
  "SELECT group_concat (id || role || coalesce (joined, '-') || agreement_signed || coalesce (revision, '-') ||"
  "  created_at || updated_at || coalesce (deleted_at, '-'), ';') FROM (SELECT * FROM alliance_members ORDER BY id)";

/* A database from just before that migration: the organizations migration 20 made user
 * enterprises are queued as a save queues them (the same members in the same order, the record's
 * revision as the base, the record itself unchanged), and go in the next push; one whose waiting
 * change says so already, one that is not a user enterprise, one in the trash and one no center
 * has as a member are not queued. alliance_members keeps every row and both indexes and refuses
 * the role "user", which a member still had is made ordinary (its organization queued too). */
static void
test_user_enterprises_queued (Fixture       *f,
                              gconstpointer  data)
{
  int before = queue_user_enterprises_migration () - 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) first = NULL, member = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autofree char *version = NULL, *members_before = NULL, *members_after = NULL;
  g_autofree char *queued_keys = NULL, *saved_keys = NULL;
  gint64 max_seq = 0;
  guint n_found = 0;
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  for (int v = 1; v <= before; v++)
    raw_exec (db, icw_schema_migration (v));
  raw_exec (db, user_enterprise_rows);
  members_before = icw_test_db_text (db, members_sql, NULL);
  version = g_strdup_printf ("PRAGMA user_version = %d;", before);
  raw_exec (db, version);
  sqlite3_close (db);

  store = icw_test_open_store (f->path);
  assert_latest (f->path);
  db = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE, NULL);

#define QUEUED(n) icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", UE_ORG (n))
  g_assert_cmpint (QUEUED (1), ==, 1);
  g_assert_cmpint (QUEUED (2), ==, 1);
  g_assert_cmpint (QUEUED (3), ==, 2);
  g_assert_cmpint (QUEUED (4), ==, 0);
  g_assert_cmpint (QUEUED (5), ==, 0);
  g_assert_cmpint (QUEUED (6), ==, 0);
  g_assert_cmpint (QUEUED (7), ==, 1);
#undef QUEUED
  g_assert_cmpint (icw_test_db_int (db, "SELECT user_enterprise FROM organizations WHERE id = ?1", UE_ORG (7)), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations WHERE updated_at <> " UE_T, NULL), ==, 0);

  /* The next push sends them as user enterprises, on the revision each had. */
  batch = icw_store_outbox_batch (store, 100, 0, &max_seq, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < batch->len; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];
      g_autofree char *flag = NULL;

      if (change->kind != ICW_RECORD_KIND_ORGANIZATION)
        continue;
      flag = icw_test_db_text (db, "SELECT json_extract (?1, '$.user_enterprise')", change->payload);
      g_assert_cmpstr (flag, ==, "1");
      g_assert_cmpstr (change->op, ==, "upsert");
      if (g_str_equal (change->id, UE_ORG (1)))
        g_assert_cmpstr (change->base_revision, ==, "r-1");
      else if (g_str_equal (change->id, UE_ORG (7)))
        g_assert_cmpstr (change->base_revision, ==, "r-7");
      else
        g_assert_true (g_str_equal (change->id, UE_ORG (2)) || g_str_equal (change->id, UE_ORG (3)));
      n_found++;
    }
  g_assert_cmpuint (n_found, ==, 4);

  /* The payload has the members a save's has, in the same order. */
  queued_keys = icw_test_db_text (db, "SELECT group_concat (key, ',') FROM outbox, json_each (outbox.payload) "
                                      "WHERE record_id = ?1", UE_ORG (1));
  first = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, UE_ORG (1), &error);
  g_assert_no_error (error);
  icw_organization_set_city (ICW_ORGANIZATION (first), "济南");
  icw_test_save (store, first);
  saved_keys = icw_test_db_text (db, "SELECT group_concat (key, ',') FROM (SELECT seq FROM outbox WHERE record_id = ?1 "
                                     "ORDER BY seq DESC LIMIT 1) AS o, outbox, json_each (outbox.payload) "
                                     "WHERE outbox.seq = o.seq", UE_ORG (1));
  g_assert_nonnull (strstr (queued_keys, "user_enterprise"));
  g_assert_cmpstr (queued_keys, ==, saved_keys);

  /* Every member kept; the role "user" is gone from the table and refused by it. */
  members_after = icw_test_db_text (db, members_sql, NULL);
  g_assert_cmpstr (members_after, !=, members_before);
  {
    g_autofree char *expected = NULL;
    GString *text = g_string_new (members_before);

    g_string_replace (text, "user2024-05-06", "ordinary2024-05-06", 1);
    expected = g_string_free (text, FALSE);
    g_assert_cmpstr (members_after, ==, expected);
  }
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'alliance_members' "
                                        "AND name IN ('alliance_members_center', 'alliance_members_organization')", NULL), ==, 2);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE alliance_members SET role = 'user' WHERE id = '" UE_MEMBER (1) "'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  member = icw_store_lookup (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, UE_MEMBER (7), &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_alliance_member_get_role (ICW_ALLIANCE_MEMBER (member)), ==, ICW_MEMBER_ROLE_ORDINARY);
  icw_alliance_member_set_role (ICW_ALLIANCE_MEMBER (member), ICW_MEMBER_ROLE_CORE);
  icw_test_save (store, member);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, data, func) \
  g_test_add (name, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/migrations/v0/empty-file", 0, test_v0_empty_file);
  ADD ("/migrations/v0/sqlite-file", 0, test_v0_sqlite_file);
  ADD ("/migrations/v1", 0, test_v1);
  ADD ("/migrations/numbers", 0, test_numbers);
  ADD ("/migrations/stages", 0, test_stages);
  ADD ("/migrations/roles", 0, test_roles);
  ADD ("/migrations/user-enterprises-queued", 0, test_user_enterprises_queued);
  ADD ("/migrations/future/rollback-journal", JOURNAL_ROLLBACK, test_future);
  ADD ("/migrations/future/wal", JOURNAL_WAL_CLEAN, test_future);
  ADD ("/migrations/future/wal-pending", JOURNAL_WAL_PENDING, test_future);
  ADD ("/migrations/other-program/rollback-journal", JOURNAL_ROLLBACK, test_other_program);
  ADD ("/migrations/other-program/wal", JOURNAL_WAL_CLEAN, test_other_program);
  ADD ("/migrations/other-program/wal-pending", JOURNAL_WAL_PENDING, test_other_program);
  ADD ("/migrations/not-sqlite", 0, test_not_sqlite);

#undef ADD

  return g_test_run ();
}
