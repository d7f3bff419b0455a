/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the store (icw-store*.c) against a real SQLite file: the storage rules of
 * DESIGN.md (WAL, application_id, foreign keys), saves with their outbox rows, validation that
 * writes nothing, the identity map, live lists, soft deletion, the duplicate and in-use rules,
 * full-text search in Chinese and Latin script, batches, and reopening. What the store wrote is
 * read back through a separate SQLite connection, never through the store itself. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "icw-agreement-party.h"
#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-budget-line.h"
#include "icw-center.h"
#include "icw-database.h"
#include "icw-error.h"
#include "icw-funding-request.h"
#include "icw-ip-agreement.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-report.h"
#include "icw-schema.h"
#include "icw-shareholder.h"
#include "icw-store.h"
#include "icw-store-sync.h"
#include "icw-test-util.h"

typedef struct {
  char *dir;
  char *path;
  IcwStore *store;
  sqlite3 *raw;      /* a second connection to the same file, for checking what was written */
  sqlite3 *store_db; /* the store's own connection, caught as it was opened */
} Fixture;

/* The store does not hand out its connection; an auto-extension sees every connection opened in
 * this process, and the one opened while capture_next is set is the store's. */
static gboolean capture_next;
static sqlite3 *captured_db;

static int
capture_connection (sqlite3                     *db,
                    const char                 **error_message,
                    const sqlite3_api_routines  *api)
{
  if (capture_next)
    {
      captured_db = db;
      capture_next = FALSE;
    }
  return SQLITE_OK;
}

static IcwStore *
open_store (Fixture *f)
{
  IcwStore *store;

  capture_next = TRUE;
  captured_db = NULL;
  store = icw_test_open_store (f->path);
  g_assert_nonnull (store);
  g_assert_nonnull (captured_db);
  f->store_db = captured_db;
  capture_next = FALSE;
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = icw_test_make_tmp_dir ("test-store-XXXXXX", &f->path);
  f->store = open_store (f);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->raw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->raw, sqlite3_close);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static gint64
outbox_count (Fixture *f)
{
  gint64 count = icw_test_db_int (f->raw, "SELECT count(*) FROM outbox", NULL);

  g_assert_cmpint (icw_store_count_outbox (f->store), ==, count);
  return count;
}

typedef struct {
  char *kind;
  char *record_id;
  char *op;
  JsonObject *payload;
  JsonParser *parser;
} OutboxRow;

static void
outbox_row_free (OutboxRow *row)
{
  g_free (row->kind);
  g_free (row->record_id);
  g_free (row->op);
  g_clear_object (&row->parser);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutboxRow, outbox_row_free)

/* The outbox's last row, or a record's (a save folds into its record's waiting row: that row is
 * not always the outbox's last). */
static OutboxRow *
last_outbox_row_of (Fixture    *f,
                    const char *record_id)
{
  OutboxRow *row = g_new0 (OutboxRow, 1);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  JsonNode *root;

  g_assert_cmpint (sqlite3_prepare_v2 (f->raw, "SELECT kind, record_id, op, payload, queued_at FROM outbox "
                                               "WHERE ?1 IS NULL OR record_id = ?1 ORDER BY seq DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->op = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_assert_nonnull (sqlite3_column_text (stmt, 4));
  row->parser = json_parser_new ();
  json_parser_load_from_data (row->parser, (const char *) sqlite3_column_text (stmt, 3), -1, &error);
  g_assert_no_error (error);
  sqlite3_finalize (stmt);

  root = json_parser_get_root (row->parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  row->payload = json_node_get_object (root);
  return row;
}

static OutboxRow *
last_outbox_row (Fixture *f)
{
  return last_outbox_row_of (f, NULL);
}

/* The payload names every field; each name in the NULL-terminated list must be a member. */
static void
assert_members (JsonObject *object,
                ...)
{
  const char *name;
  va_list args;

  va_start (args, object);
  while ((name = va_arg (args, const char *)) != NULL)
    if (!json_object_has_member (object, name))
      g_error ("the outbox payload has no member “%s”", name);
  va_end (args);
}

static void
assert_saved_record (IcwRecord *record)
{
  const char *created = icw_record_get_created_at (record);
  const char *updated = icw_record_get_updated_at (record);
  g_autoptr(GDateTime) created_time = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (icw_record_get_id (record));
  g_assert_true (g_uuid_string_is_valid (icw_record_get_id (record)));
  g_assert_nonnull (created);
  g_assert_nonnull (updated);
  g_assert_cmpstr (created, <=, updated);
  created_time = g_date_time_new_from_iso8601 (created, NULL);
  g_assert_nonnull (created_time);
  /* Made just now, by this test. */
  g_assert_cmpint (g_date_time_difference (now, created_time), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, created_time), <, 60 * G_USEC_PER_SEC);
}

static IcwCenter *
save_center (Fixture    *f,
             const char *name,
             const char *lead_id)
{
  g_autoptr(GError) error = NULL;
  IcwCenter *center = icw_center_new ();

  icw_center_set_name (center, name);
  icw_center_set_lead_organization_id (center, lead_id);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (center), &error));
  g_assert_no_error (error);
  return center;
}

static IcwShareholder *
make_shareholder (IcwCenter       *center,
                  IcwOrganization *org,
                  gint64           share_bp)
{
  IcwShareholder *holder = icw_shareholder_new ();

  icw_shareholder_set_center_id (holder, icw_record_get_id (ICW_RECORD (center)));
  icw_shareholder_set_organization_id (holder, icw_record_get_id (ICW_RECORD (org)));
  icw_shareholder_set_share_bp (holder, share_bp);
  return holder;
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *nested_dir = g_build_filename (f->dir, "a", "b", NULL);
  g_autofree char *nested = g_build_filename (nested_dir, "nested.db", NULL);
  g_autoptr(IcwStore) other = NULL;
  g_autofree char *mode = NULL;
  int rc;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (icw_store_get_path (f->store), ==, f->path);

  /* What the file says, through another connection. */
  mode = icw_test_db_text (f->raw, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (icw_test_db_int (f->raw, "PRAGMA application_id", NULL), ==, 0x49435742);
  g_assert_cmpint (icw_test_db_int (f->raw, "PRAGMA application_id", NULL), ==, ICW_SCHEMA_APPLICATION_ID);
  g_assert_cmpint (icw_test_db_int (f->raw, "PRAGMA user_version", NULL), ==, icw_schema_latest_version ());
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                            "('organizations','centers','shareholders','alliance_members',"
                                            "'platforms','outbox','organizations_fts','centers_fts')", NULL), ==, 8);

  /* What the store's own connection was set up with. */
  g_assert_cmpint (icw_test_db_int (f->store_db, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (f->store_db, "PRAGMA synchronous", NULL), ==, 2);
  g_assert_cmpint (icw_test_db_int (f->store_db, "PRAGMA busy_timeout", NULL), >, 0);
  /* And the foreign keys are enforced on it: a shareholder of no center is refused. */
  rc = sqlite3_exec (f->store_db, "INSERT INTO shareholders (id, center_id, organization_id, created_at, updated_at) "
                                  "VALUES ('x', 'no-center', 'no-org', 't', 't')", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM shareholders", NULL), ==, 0);

  /* Missing folders are made. */
  other = icw_test_open_store (nested);
  g_assert_nonnull (other);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (outbox_count (f), ==, 0);
}

static void
test_save_kinds (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_new_organization ("济南智能传感研究院有限公司", "91350100M000100Y43");
  g_autoptr(IcwOrganization) partner = NULL;
  g_autoptr(IcwCenter) center = icw_center_new ();
  g_autoptr(IcwShareholder) holder = NULL;
  g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();
  g_autoptr(IcwPlatform) platform = icw_platform_new ();
  g_autoptr(OutboxRow) row = NULL;
  gint64 outbox = outbox_count (f);

  /* An organization. */
  icw_organization_set_kind (org, ICW_ORG_KIND_INSTITUTE);
  icw_organization_set_province (org, "山东省");
  icw_organization_set_top_ten (org, TRUE);
  icw_organization_set_rd_intensity_3 (org, 525);
  g_assert_null (icw_record_get_id (ICW_RECORD (org)));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  assert_saved_record (ICW_RECORD (org));
  g_assert_cmpstr (icw_record_get_created_at (ICW_RECORD (org)), ==, icw_record_get_updated_at (ICW_RECORD (org)));
  g_assert_cmpint (outbox_count (f), ==, ++outbox);
  row = last_outbox_row (f);
  g_assert_cmpstr (row->kind, ==, "organization");
  g_assert_cmpstr (row->op, ==, "upsert");
  g_assert_cmpstr (row->record_id, ==, icw_record_get_id (ICW_RECORD (org)));
  assert_members (row->payload, "id", "created_at", "updated_at", "deleted_at", "name", "credit_code",
                  "kind", "province", "city", "legal_representative", "top_ten", "rd_base_year",
                  "rd_intensity_1", "rd_intensity_2", "rd_intensity_3", NULL);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "id"), ==, icw_record_get_id (ICW_RECORD (org)));
  g_assert_cmpstr (json_object_get_string_member (row->payload, "name"), ==, "济南智能传感研究院有限公司");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "credit_code"), ==, "91350100M000100Y43");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "kind"), ==, "institute");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "province"), ==, "山东省");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "created_at"), ==,
                   icw_record_get_created_at (ICW_RECORD (org)));
  g_assert_true (json_node_is_null (json_object_get_member (row->payload, "deleted_at")));
  g_assert_true (json_node_is_null (json_object_get_member (row->payload, "city")));
  g_assert_cmpint (json_object_get_int_member (row->payload, "top_ten"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row->payload, "rd_intensity_3"), ==, 525);
  g_assert_cmpint (json_object_get_int_member (row->payload, "rd_intensity_1"), ==, -1);
  g_clear_pointer (&row, outbox_row_free);

  /* A center led by it. */
  partner = icw_test_save_organization (f->store, "Qilu Sensor Co.", NULL);
  outbox++;
  icw_center_set_name (center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_level (center, ICW_CENTER_LEVEL_NATIONAL_LOCAL);
  icw_center_set_status (center, ICW_CENTER_STATUS_BUILDING);
  icw_center_set_year (center, 2021);
  icw_center_set_lead_organization_id (center, icw_record_get_id (ICW_RECORD (org)));
  icw_center_set_host_capital_fen (center, G_GINT64_CONSTANT (5000000000000));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (center), &error));
  g_assert_no_error (error);
  assert_saved_record (ICW_RECORD (center));
  g_assert_cmpint (outbox_count (f), ==, ++outbox);
  row = last_outbox_row (f);
  g_assert_cmpstr (row->kind, ==, "center");
  g_assert_cmpstr (row->op, ==, "upsert");
  g_assert_cmpstr (row->record_id, ==, icw_record_get_id (ICW_RECORD (center)));
  assert_members (row->payload, "id", "name", "level", "field", "province", "city", "year", "status",
                  "lead_organization_id", "host_organization_id", "host_legal_form", "host_capital_fen",
                  "host_founded", "operating_model", "pilot_basis", "field_platform_total", NULL);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "level"), ==, "national-local");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "status"), ==, "building");
  g_assert_cmpint (json_object_get_int_member (row->payload, "year"), ==, 2021);
  g_assert_cmpint (json_object_get_int_member (row->payload, "host_capital_fen"), ==, G_GINT64_CONSTANT (5000000000000));
  g_assert_cmpstr (json_object_get_string_member (row->payload, "lead_organization_id"), ==,
                   icw_record_get_id (ICW_RECORD (org)));
  g_clear_pointer (&row, outbox_row_free);

  /* A shareholder. */
  holder = make_shareholder (center, partner, 3500);
  icw_shareholder_set_contribution (holder, ICW_CONTRIBUTION_IP);
  icw_shareholder_set_amount_fen (holder, 123456789);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (holder), &error));
  g_assert_no_error (error);
  assert_saved_record (ICW_RECORD (holder));
  g_assert_cmpint (outbox_count (f), ==, ++outbox);
  row = last_outbox_row (f);
  g_assert_cmpstr (row->kind, ==, "shareholder");
  g_assert_cmpstr (row->record_id, ==, icw_record_get_id (ICW_RECORD (holder)));
  assert_members (row->payload, "id", "center_id", "organization_id", "contribution", "amount_fen", "share_bp", NULL);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "contribution"), ==, "ip");
  g_assert_cmpint (json_object_get_int_member (row->payload, "amount_fen"), ==, 123456789);
  g_assert_cmpint (json_object_get_int_member (row->payload, "share_bp"), ==, 3500);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "center_id"), ==, icw_record_get_id (ICW_RECORD (center)));
  g_clear_pointer (&row, outbox_row_free);

  /* An alliance member. */
  icw_alliance_member_set_center_id (member, icw_record_get_id (ICW_RECORD (center)));
  icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (org)));
  icw_alliance_member_set_role (member, ICW_MEMBER_ROLE_CORE);
  icw_alliance_member_set_joined (member, "2021-06-30");
  icw_alliance_member_set_agreement_signed (member, TRUE);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (member), &error));
  g_assert_no_error (error);
  assert_saved_record (ICW_RECORD (member));
  g_assert_cmpint (outbox_count (f), ==, ++outbox);
  row = last_outbox_row (f);
  g_assert_cmpstr (row->kind, ==, "alliance-member");
  g_assert_cmpstr (row->record_id, ==, icw_record_get_id (ICW_RECORD (member)));
  assert_members (row->payload, "id", "center_id", "organization_id", "role", "joined", "agreement_signed", NULL);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "role"), ==, "core");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "joined"), ==, "2021-06-30");
  g_assert_cmpint (json_object_get_int_member (row->payload, "agreement_signed"), ==, 1);
  g_clear_pointer (&row, outbox_row_free);

  /* A platform. */
  icw_platform_set_organization_id (platform, icw_record_get_id (ICW_RECORD (org)));
  icw_platform_set_kind (platform, ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER);
  icw_platform_set_name (platform, "智能传感国家工程研究中心");
  icw_platform_set_approved_year (platform, 2019);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (platform), &error));
  g_assert_no_error (error);
  assert_saved_record (ICW_RECORD (platform));
  g_assert_cmpint (outbox_count (f), ==, ++outbox);
  row = last_outbox_row (f);
  g_assert_cmpstr (row->kind, ==, "platform");
  g_assert_cmpstr (row->record_id, ==, icw_record_get_id (ICW_RECORD (platform)));
  assert_members (row->payload, "id", "organization_id", "kind", "name", "approved_year", NULL);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "kind"), ==, "engineering-research-center");
  g_assert_cmpint (json_object_get_int_member (row->payload, "approved_year"), ==, 2019);

  /* Five different IDs, one row per record. */
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(DISTINCT record_id) FROM outbox", NULL), ==, 6);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations", NULL), ==, 2);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM centers", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM shareholders", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM alliance_members", NULL), ==, 1);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM platforms", NULL), ==, 1);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "青岛港口机械有限公司", NULL);
  g_autofree char *created = g_strdup (icw_record_get_created_at (ICW_RECORD (org)));
  g_autofree char *updated = g_strdup (icw_record_get_updated_at (ICW_RECORD (org)));
  g_autofree char *id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(OutboxRow) row = NULL;
  gint64 outbox = outbox_count (f);

  g_usleep (2000);   /* the times have microseconds; make sure the clock moved */
  icw_organization_set_city (org, "青岛市");
  icw_organization_set_name (org, "青岛港口装备有限公司");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);

  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (org)), ==, id);
  g_assert_cmpstr (icw_record_get_created_at (ICW_RECORD (org)), ==, created);
  g_assert_cmpstr (icw_record_get_updated_at (ICW_RECORD (org)), >, updated);
  /* Folded into the row of its creation, which no push batch has read: no row more. */
  g_assert_cmpint (outbox_count (f), ==, outbox);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations", NULL), ==, 1);
  stored = icw_test_db_text (f->raw, "SELECT city || '/' || name || '/' || created_at FROM organizations WHERE id = ?1", id);
  expected = g_strconcat ("青岛市/青岛港口装备有限公司/", created, NULL);
  g_assert_cmpstr (stored, ==, expected);

  row = last_outbox_row (f);
  g_assert_cmpstr (row->op, ==, "upsert");
  g_assert_cmpstr (row->record_id, ==, id);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "city"), ==, "青岛市");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "name"), ==, "青岛港口装备有限公司");
  g_assert_cmpstr (json_object_get_string_member (row->payload, "created_at"), ==, created);
  g_assert_cmpstr (json_object_get_string_member (row->payload, "updated_at"), ==,
                   icw_record_get_updated_at (ICW_RECORD (org)));

  /* Empty optional text has one spelling: no value. */
  icw_organization_set_city (org, "");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT city IS NULL FROM organizations WHERE id = ?1", id), ==, 1);
}

/* A record the store loaded or saved writes only the columns whose properties changed since: a
 * column changed meanwhile by another connection (another window, a sync) is left as it is, and
 * a change whose save failed is still written by the next save. */
static void
test_edit_writes_changed_columns (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "烟台海洋装备有限公司", NULL);
  const char *id = icw_record_get_id (ICW_RECORD (org));
  g_autofree char *stored = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_exec (f->raw, "UPDATE organizations SET legal_representative = '王五'", NULL, NULL, &message), ==, SQLITE_OK);
  icw_organization_set_city (org, "烟台市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  stored = icw_test_db_text (f->raw, "SELECT city || '/' || legal_representative FROM organizations WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, "烟台市/王五");
  g_clear_pointer (&stored, g_free);

  /* A failed save keeps what it could not write pending. */
  icw_organization_set_province (org, "山东省");
  icw_organization_set_credit_code (org, "91350100M000100Y4X");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_clear_error (&error);
  icw_organization_set_credit_code (org, "");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  stored = icw_test_db_text (f->raw, "SELECT province || '/' || city || '/' || legal_representative FROM organizations WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, "山东省/烟台市/王五");
}

/* Saves that break a rule: each fails with ICW_ERROR_INVALID and leaves the file as it was. */
static void
test_validation_writes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "山东大学", NULL);
  g_autoptr(IcwCenter) center = save_center (f, "山东省高端装备制造业创新中心", NULL);
  g_autofree char *before = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_autofree char *after = NULL;
  g_autofree char *saved_name = g_strdup (icw_organization_get_name (org));
  struct {
    IcwRecord *record;
    const char *message_part;
  } cases[8];
  guint n = 0;

  cases[n].record = ICW_RECORD (icw_test_new_organization ("   ", NULL));
  cases[n++].message_part = "Name";
  cases[n].record = ICW_RECORD (icw_test_new_organization ("坏代码公司", "91350100M000100Y44"));
  cases[n++].message_part = "check character";
  cases[n].record = ICW_RECORD (icw_test_new_organization ("强度过高公司", NULL));
  icw_organization_set_rd_intensity_2 (ICW_ORGANIZATION (cases[n].record), 10001);
  cases[n++].message_part = "R&D intensity";
  cases[n].record = ICW_RECORD (icw_center_new ());
  icw_center_set_name (ICW_CENTER (cases[n].record), "年份错误中心");
  icw_center_set_year (ICW_CENTER (cases[n].record), 1999);
  cases[n++].message_part = "Year";
  cases[n].record = ICW_RECORD (icw_center_new ());
  icw_center_set_name (ICW_CENTER (cases[n].record), "牵头单位不存在中心");
  icw_center_set_lead_organization_id (ICW_CENTER (cases[n].record), "00000000-0000-4000-8000-000000000000");
  cases[n++].message_part = "Lead organization";
  cases[n].record = ICW_RECORD (make_shareholder (center, org, 10001));
  cases[n++].message_part = "Share";
  cases[n].record = ICW_RECORD (icw_alliance_member_new ());
  icw_alliance_member_set_center_id (ICW_ALLIANCE_MEMBER (cases[n].record), icw_record_get_id (ICW_RECORD (center)));
  icw_alliance_member_set_organization_id (ICW_ALLIANCE_MEMBER (cases[n].record), icw_record_get_id (ICW_RECORD (org)));
  icw_alliance_member_set_joined (ICW_ALLIANCE_MEMBER (cases[n].record), "2021-13-45");
  cases[n++].message_part = "Joined";
  cases[n].record = ICW_RECORD (icw_platform_new ());
  icw_platform_set_organization_id (ICW_PLATFORM (cases[n].record), icw_record_get_id (ICW_RECORD (org)));
  cases[n++].message_part = "Platform name";
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (icw_store_save (f->store, cases[i].record, &error));
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message, cases[i].message_part);
      /* A new record stays new. */
      g_assert_null (icw_record_get_id (cases[i].record));
      g_assert_null (icw_record_get_created_at (cases[i].record));
      g_object_unref (cases[i].record);
    }

  /* An edit that breaks a rule does not reach the file either. */
  {
    g_autoptr(GError) error = NULL;

    icw_organization_set_name (org, "");
    g_assert_false (icw_store_save (f->store, ICW_RECORD (org), &error));
    g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
    icw_organization_set_name (org, saved_name);
  }

  after = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (outbox_count (f), ==, 2);
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "Qilu Sensor Co.", NULL);
  g_autofree char *id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(IcwRecord) first = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_autoptr(IcwRecord) second = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_autoptr(IcwRecord) any = icw_store_lookup_any (f->store, id, &error);
  g_autoptr(IcwRecord) by_name = icw_store_find_by_name (f->store, ICW_RECORD_KIND_ORGANIZATION, "Qilu Sensor Co.", &error);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IcwRecord) item = NULL;
  g_autoptr(IcwRecord) fresh = NULL;
  g_autoptr(IcwRecord) again = NULL;
  g_autoptr(IcwRecord) wrong_kind = NULL;
  IcwRecord *weak = NULL;

  g_assert_no_error (error);
  g_assert_true (first == ICW_RECORD (org));
  g_assert_true (second == first);
  g_assert_true (any == first);
  g_assert_true (by_name == first);

  /* A lookup by another kind finds nothing. */
  wrong_kind = icw_store_lookup (f->store, ICW_RECORD_KIND_CENTER, id, &error);
  g_assert_null (wrong_kind);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The store holds no strong reference (no list is loaded yet): once nobody holds the object,
   * a lookup makes a new one with the same values. */
  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&any);
  g_clear_object (&by_name);
  weak = ICW_RECORD (org);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_clear_object (&org);
  g_assert_null (weak);
  fresh = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fresh);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (fresh)), ==, "Qilu Sensor Co.");
  g_assert_cmpstr (icw_record_get_id (fresh), ==, id);
  again = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_assert_true (again == fresh);

  /* A list shows the same object. */
  list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  g_assert_true (item == fresh);
}

typedef struct {
  guint calls;
  guint added;
  guint removed;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *counts)
{
  counts->calls++;
  counts->added += added;
  counts->removed += removed;
}

static gboolean
list_contains (GListModel *list,
               gpointer    record)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (item == record)
        return TRUE;
    }
  return FALSE;
}

static void
on_record_changed (IcwStore  *store,
                   IcwRecord *record,
                   guint     *count)
{
  (*count)++;
}

static void
test_live_lists (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) orgs = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(GListModel) same = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(IcwOrganization) a = NULL;
  g_autoptr(IcwOrganization) b = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(IcwCenter) other_center = NULL;
  g_autoptr(IcwShareholder) holder = NULL;
  g_autoptr(GListModel) holders = NULL;
  g_autoptr(GListModel) other_holders = NULL;
  ItemsChanged counts = { 0 }, holder_counts = { 0 };
  guint changed = 0;

  g_assert_true (orgs == same);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 0);
  g_signal_connect (orgs, "items-changed", G_CALLBACK (on_items_changed), &counts);
  g_signal_connect (f->store, "record-changed", G_CALLBACK (on_record_changed), &changed);

  a = icw_test_save_organization (f->store, "甲单位", NULL);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
  g_assert_true (list_contains (orgs, a));
  g_assert_cmpuint (changed, ==, 1);

  b = icw_test_save_organization (f->store, "乙单位", NULL);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
  g_assert_true (list_contains (orgs, b));

  /* An edit changes no membership. */
  icw_organization_set_city (b, "济南市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (b), &error));
  g_assert_cmpuint (counts.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
  g_assert_false (list_contains (orgs, a));
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (icw_store_restore (f->store, ICW_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
  g_assert_true (list_contains (orgs, a));
  g_assert_cmpuint (changed, ==, 5);

  /* Children are listed per parent. */
  center = save_center (f, "甲中心", NULL);
  other_center = save_center (f, "乙中心", NULL);
  holders = icw_store_list (f->store, ICW_RECORD_KIND_SHAREHOLDER, icw_record_get_id (ICW_RECORD (center)));
  other_holders = icw_store_list (f->store, ICW_RECORD_KIND_SHAREHOLDER, icw_record_get_id (ICW_RECORD (other_center)));
  g_signal_connect (holders, "items-changed", G_CALLBACK (on_items_changed), &holder_counts);
  holder = make_shareholder (center, a, 5000);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (holder), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (holders), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (other_holders), ==, 0);
  g_assert_true (list_contains (holders, holder));

  /* Moved to the other center, it leaves the first center's list for the other's. */
  icw_shareholder_set_center_id (holder, icw_record_get_id (ICW_RECORD (other_center)));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (holder), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (holders), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (other_holders), ==, 1);
  g_assert_true (list_contains (other_holders, holder));
  g_assert_cmpuint (holder_counts.removed, ==, 1);

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (holder), &error));
  g_assert_cmpuint (g_list_model_get_n_items (holders), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (other_holders), ==, 0);
  g_assert_cmpuint (holder_counts.added, ==, 1);
  g_assert_cmpuint (holder_counts.removed, ==, 1);

  g_signal_handlers_disconnect_by_func (f->store, on_record_changed, &changed);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "山东省科学院", "91110108551385082Q");
  g_autoptr(IcwOrganization) keep = icw_test_save_organization (f->store, "Shandong Keep Ltd.", NULL);
  g_autofree char *id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(GListModel) list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(IcwRecord) found = NULL;
  g_autoptr(OutboxRow) row = NULL;
  gint64 outbox = outbox_count (f);

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_false (list_contains (list, org));
  g_assert_true (list_contains (list, keep));

  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_assert_null (found);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = icw_store_lookup_any (f->store, id, &error);
  g_assert_null (found);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = icw_store_find_by_name (f->store, ICW_RECORD_KIND_ORGANIZATION, "山东省科学院", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Soft: the row is kept, marked, and the deletion is queued for the server (folded into the
   * row of its creation, which no push batch has read: no row more). */
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations WHERE id = ?1 AND deleted_at IS NOT NULL", id), ==, 1);
  g_assert_cmpint (outbox_count (f), ==, outbox);
  row = last_outbox_row_of (f, id);
  g_assert_cmpstr (row->op, ==, "delete");
  g_assert_cmpstr (row->kind, ==, "organization");
  g_assert_cmpstr (row->record_id, ==, id);
  g_assert_false (json_node_is_null (json_object_get_member (row->payload, "deleted_at")));
  g_clear_pointer (&row, outbox_row_free);

  /* Twice is an error that writes nothing. */
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (org), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (f), ==, outbox);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT op = 'delete' FROM outbox WHERE record_id = ?1", id), ==, 1);

  g_assert_true (icw_store_restore (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_true (list_contains (list, org));
  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_assert_no_error (error);
  g_assert_true (found == ICW_RECORD (org));
  g_clear_object (&found);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations WHERE id = ?1 AND deleted_at IS NULL", id), ==, 1);
  g_assert_cmpint (outbox_count (f), ==, outbox);
  row = last_outbox_row_of (f, id);
  g_assert_cmpstr (row->op, ==, "upsert");
  g_assert_true (json_node_is_null (json_object_get_member (row->payload, "deleted_at")));

  g_assert_false (icw_store_restore (f->store, ICW_RECORD (org), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (f), ==, outbox);
}

/* A deleted record cannot be changed behind the user's back: the save is refused. */
static void
test_save_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "已删除单位", NULL);
  g_autoptr(GListModel) list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (org), &error));
  before = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  icw_organization_set_name (org, "改名单位");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  after = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (list_contains (list, org));
}

/* The payload of the newest outbox row of a record, parsed. */
static JsonObject *
newest_payload (Fixture    *f,
                const char *id)
{
  g_autofree char *text = icw_test_db_text (f->raw, "SELECT payload FROM outbox WHERE record_id = ?1 ORDER BY seq DESC LIMIT 1", id);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A record that knows what changed since it was loaded is saved without reading its row's state
 * first (issue 20): the UPDATE itself says whether the row is live. Deleted by another connection
 * meanwhile, the save is refused as deleted (also when the change would be refused) and writes
 * nothing; gone from the table, it is written whole; every save has its outbox row, whose payload
 * is the record as saved. */
static void
test_save_tracked_row_changed_elsewhere (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) gone = icw_test_save_organization (f->store, "别处删除单位", NULL);
  g_autoptr(IcwOrganization) purged = icw_test_save_organization (f->store, "别处清除单位", NULL);
  g_autoptr(JsonObject) payload = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *update = g_strdup_printf ("UPDATE organizations SET deleted_at = '2026-12-07T00:00:00.000000Z' WHERE id = '%s'",
                                             icw_record_get_id (ICW_RECORD (gone)));
  g_autofree char *purge = g_strdup_printf ("DELETE FROM organizations WHERE id = '%s'", icw_record_get_id (ICW_RECORD (purged)));
  const char *purged_id = icw_record_get_id (ICW_RECORD (purged));

  /* An edit: its payload is the record as saved. */
  icw_organization_set_city (gone, "威海市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (gone), &error));
  g_assert_no_error (error);
  payload = newest_payload (f, icw_record_get_id (ICW_RECORD (gone)));
  g_assert_cmpstr (json_object_get_string_member (payload, "city"), ==, "威海市");
  g_assert_cmpstr (json_object_get_string_member (payload, "name"), ==, "别处删除单位");
  g_assert_cmpstr (json_object_get_string_member (payload, "updated_at"), ==, icw_record_get_updated_at (ICW_RECORD (gone)));
  g_assert_cmpstr (json_object_get_string_member (payload, "created_at"), ==, icw_record_get_created_at (ICW_RECORD (gone)));
  g_clear_pointer (&payload, json_object_unref);

  /* Deleted elsewhere: refused as deleted, valid change or not; nothing written. */
  g_assert_cmpint (sqlite3_exec (f->raw, update, NULL, NULL, NULL), ==, SQLITE_OK);
  before = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  icw_organization_set_city (gone, "烟台市");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (gone), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  icw_organization_set_name (gone, "   ");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (gone), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  /* Gone from the table: written whole, with its outbox row. */
  g_assert_cmpint (sqlite3_exec (f->raw, purge, NULL, NULL, NULL), ==, SQLITE_OK);
  icw_organization_set_city (purged, "淄博市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (purged), &error));
  g_assert_no_error (error);
  stored = icw_test_db_text (f->raw, "SELECT name || '/' || city FROM organizations WHERE id = ?1 AND deleted_at IS NULL", purged_id);
  g_assert_cmpstr (stored, ==, "别处清除单位/淄博市");
  payload = newest_payload (f, purged_id);
  g_assert_cmpstr (json_object_get_string_member (payload, "name"), ==, "别处清除单位");
  g_assert_cmpstr (json_object_get_string_member (payload, "city"), ==, "淄博市");
  g_assert_cmpstr (json_object_get_string_member (payload, "updated_at"), ==, icw_record_get_updated_at (ICW_RECORD (purged)));
}

static void
test_delete_in_use (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "济南智能传感研究院有限公司", NULL);
  g_autoptr(IcwCenter) led = save_center (f, "齐鲁智能传感器制造业创新中心", icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(IcwCenter) held = save_center (f, "山东省工业母机创新中心", NULL);
  g_autoptr(IcwShareholder) holder = make_shareholder (held, org, 2000);
  g_autoptr(IcwRecord) found = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (icw_store_save (f->store, ICW_RECORD (holder), &error));
  g_assert_no_error (error);
  before = icw_test_db_digest (f->raw, NULL, NULL, NULL);

  g_assert_false (icw_store_delete (f->store, ICW_RECORD (org), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "齐鲁智能传感器制造业创新中心"));
  g_assert_nonnull (strstr (error->message, "山东省工业母机创新中心"));
  g_clear_error (&error);
  after = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (org)), &error);
  g_assert_true (found == ICW_RECORD (org));

  /* A deleted center no longer counts as a use. */
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (led), &error));
  g_assert_no_error (error);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (org), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IN_USE);
  g_assert_null (strstr (error->message, "齐鲁智能传感器制造业创新中心"));
  g_assert_nonnull (strstr (error->message, "山东省工业母机创新中心"));
  g_clear_error (&error);

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (holder), &error));
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);

  /* The center led by a deleted organization cannot come back pointing at it. */
  g_assert_false (icw_store_restore (f->store, ICW_RECORD (led), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Lead organization"));
}

static void
test_duplicate_credit_code (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) first = icw_test_save_organization (f->store, "华为技术有限公司", "91440300708461136T");
  g_autoptr(IcwOrganization) second = icw_test_new_organization ("华为技术（重复）", "91440300708461136T");
  gint64 outbox = outbox_count (f);

  g_assert_false (icw_store_save (f->store, ICW_RECORD (second), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "华为技术有限公司"));
  g_assert_nonnull (strstr (error->message, "91440300708461136T"));
  g_clear_error (&error);
  g_assert_null (icw_record_get_id (ICW_RECORD (second)));
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations", NULL), ==, 1);
  g_assert_cmpint (outbox_count (f), ==, outbox);

  /* The same record may keep its own code. */
  icw_organization_set_city (first, "深圳市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (first), &error));
  g_assert_no_error (error);

  /* Once the holder is deleted the code is free; restoring the holder then clashes. */
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (first), &error));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (second), &error));
  g_assert_no_error (error);
  outbox = outbox_count (f);
  g_assert_false (icw_store_restore (f->store, ICW_RECORD (first), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "华为技术（重复）"));
  g_assert_cmpint (outbox_count (f), ==, outbox);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL", NULL), ==, 1);
}

static void
test_duplicate_shareholder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "浪潮集团有限公司", NULL);
  g_autoptr(IcwCenter) center = save_center (f, "山东省服务器创新中心", NULL);
  g_autoptr(IcwShareholder) first = make_shareholder (center, org, 4000);
  g_autoptr(IcwShareholder) second = make_shareholder (center, org, 1000);
  g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();
  g_autoptr(IcwAllianceMember) member_again = icw_alliance_member_new ();
  gint64 outbox;

  g_assert_true (icw_store_save (f->store, ICW_RECORD (first), &error));
  g_assert_no_error (error);
  outbox = outbox_count (f);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (second), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "浪潮集团有限公司"));
  g_clear_error (&error);
  g_assert_null (icw_record_get_id (ICW_RECORD (second)));
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM shareholders", NULL), ==, 1);
  g_assert_cmpint (outbox_count (f), ==, outbox);

  /* Editing the one shareholder is no duplicate of itself. */
  icw_shareholder_set_share_bp (first, 4500);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (first), &error));
  g_assert_no_error (error);

  /* The same for alliance members. */
  icw_alliance_member_set_center_id (member, icw_record_get_id (ICW_RECORD (center)));
  icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (org)));
  icw_alliance_member_set_center_id (member_again, icw_record_get_id (ICW_RECORD (center)));
  icw_alliance_member_set_organization_id (member_again, icw_record_get_id (ICW_RECORD (org)));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (member), &error));
  g_assert_no_error (error);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (member_again), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "浪潮集团有限公司"));
  g_clear_error (&error);

  /* After the first is deleted the second can be saved, and the first cannot come back. */
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (first), &error));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (second), &error));
  g_assert_no_error (error);
  g_assert_false (icw_store_restore (f->store, ICW_RECORD (first), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM shareholders WHERE deleted_at IS NULL", NULL), ==, 1);
}

/* The search must find exactly these records (NULL-terminated). */
static void
assert_search (IcwStore      *store,
               IcwRecordKind  kind,
               const char    *query,
               ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = icw_store_search (store, kind, query, &error);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  IcwRecord *record;
  va_list args;

  g_assert_no_error (error);
  if (found == NULL)
    g_error ("the search for “%s” failed or matched everything", query);
  va_start (args, query);
  while ((record = va_arg (args, IcwRecord *)) != NULL)
    g_ptr_array_add (expected, (gpointer) icw_record_get_id (record));
  va_end (args);

  if (g_hash_table_size (found) != expected->len)
    g_error ("the search for “%s” found %u records, not %u", query, g_hash_table_size (found), expected->len);
  for (guint i = 0; i < expected->len; i++)
    if (!g_hash_table_contains (found, expected->pdata[i]))
      g_error ("the search for “%s” did not find %s", query, (const char *) expected->pdata[i]);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) jinan = icw_test_save_organization (f->store, "济南智能传感研究院有限公司", NULL);
  g_autoptr(IcwOrganization) qilu = icw_test_save_organization (f->store, "Qilu Sensor Co.", NULL);
  g_autoptr(IcwOrganization) port = icw_test_save_organization (f->store, "青岛港口机械有限公司", NULL);
  g_autoptr(IcwOrganization) university = icw_test_save_organization (f->store, "山东大学", NULL);
  g_autoptr(IcwCenter) center = save_center (f, "齐鲁智能传感器制造业创新中心", NULL);
  g_autoptr(GHashTable) everything = NULL;

  /* Chinese substrings of every length: one and two characters (below a trigram) and more. */
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传感", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "智能传", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "智能传感", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "研究院有限", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "济南智能传感研究院有限公司", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "  传感  ", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "司", jinan, port, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "有限", jinan, port, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "有限公司", jinan, port, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "山东大学", university, NULL);
  /* Near misses find nothing. */
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传感器", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "研究所", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "鲁", NULL);

  /* Latin script, in any case. */
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "sensor", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "SENSOR", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "sEnSoR cO.", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "qilu", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "se", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "Q", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "sensors", NULL);

  /* Each kind has its own index. */
  assert_search (f->store, ICW_RECORD_KIND_CENTER, "传感器", center, NULL);
  assert_search (f->store, ICW_RECORD_KIND_CENTER, "创新", center, NULL);
  assert_search (f->store, ICW_RECORD_KIND_CENTER, "研究院有限", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "创新中心", NULL);

  /* An empty query matches everything, which the store says with NULL and no error. */
  everything = icw_store_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "   ", &error);
  g_assert_no_error (error);
  g_assert_null (everything);

  /* Deleted records are not found; restored ones are again; a new name is found at once. */
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (jinan), &error));
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传感", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "智能传感", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "有限公司", port, NULL);
  g_assert_true (icw_store_restore (f->store, ICW_RECORD (jinan), &error));
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "智能传感", jinan, NULL);

  icw_organization_set_name (qilu, "Taishan Robotics");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (qilu), &error));
  g_assert_no_error (error);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "sensor", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "robot", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "ta", qilu, NULL);
}

/* Quotes, LIKE wildcards and the full-text query syntax are plain characters in a query. */
/* The search index follows a rename, and an edit of another field leaves the name findable. */
static void
test_search_after_edits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "烟台精测仪器股份有限公司", NULL);

  icw_organization_set_city (org, "烟台市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "精测仪器", org, NULL);

  icw_organization_set_name (org, "烟台精密测量有限公司");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "精密测量", org, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "精测仪器", NULL);
}

/* Short queries are answered from the loaded list when there is one: the same matches as the
 * LIKE scan, ASCII case ignored, deleted records left out. */
static void
test_search_short_from_list (Fixture       *f,
                             gconstpointer  data)
{
  const char *queries[] = { "传", "传感", "q", "QI", "se", "大", "有限", "%", "_", "a股", "0%", "股1" };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) jinan = icw_test_save_organization (f->store, "济南智能传感研究院有限公司", NULL);
  g_autoptr(IcwOrganization) qilu = icw_test_save_organization (f->store, "Qilu Sensor Co.", NULL);
  g_autoptr(IcwOrganization) gone = icw_test_save_organization (f->store, "山东大学传感实验室有限公司", NULL);
  g_autoptr(IcwOrganization) mixed = icw_test_save_organization (f->store, "A股 100%_x", NULL);
  g_autoptr(GPtrArray) scanned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GListModel) list = NULL;

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (gone), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_add (scanned, icw_store_search (f->store, ICW_RECORD_KIND_ORGANIZATION, queries[i], NULL));

  list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GHashTable) from_list = icw_store_search (f->store, ICW_RECORD_KIND_ORGANIZATION, queries[i], NULL);
      GHashTable *from_scan = scanned->pdata[i];
      GHashTableIter iter;
      gpointer id;

      g_assert_nonnull (from_list);
      g_assert_cmpuint (g_hash_table_size (from_list), ==, g_hash_table_size (from_scan));
      g_hash_table_iter_init (&iter, from_scan);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_assert_true (g_hash_table_contains (from_list, id));
    }
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "QI", qilu, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传感", jinan, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "a股", mixed, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "%", mixed, NULL);
}

static void
test_search_special (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwOrganization) quoted = icw_test_save_organization (f->store, "He said \"Hi\" 100% _x_", NULL);
  g_autoptr(IcwOrganization) percent = icw_test_save_organization (f->store, "100 percent", NULL);
  g_autoptr(IcwOrganization) apostrophe = icw_test_save_organization (f->store, "O'Brien & Sons", NULL);
  g_autoptr(IcwOrganization) plain = icw_test_save_organization (f->store, "plain name", NULL);
  const char *harmless[] = {
    "NEAR(a b)", "传感 OR 研究", "*", "sensor*", "-x", "^abc", "name:x", "{name}:x", "a AND b",
    "\"", "\"\"", "\"\"\"", "(", ")", "'", "''", "\\", "a\\b", "%\\%", "\"a", "a\"", "x\" OR \"y",
  };

  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "\"", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "\"Hi\"", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "\"hi\" 1", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "%", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "_", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "_x", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "_x_", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "100%", quoted, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "100", quoted, percent, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "%%", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "__", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "%%%", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "1_0", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "p%t", NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "'", apostrophe, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "O'Brien", apostrophe, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "& S", apostrophe, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "plain", plain, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) found = icw_store_search (f->store, ICW_RECORD_KIND_ORGANIZATION, harmless[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
      /* Only a name that holds the query as it is may match. */
      if (g_strcmp0 (harmless[i], "\"") == 0)
        g_assert_cmpuint (g_hash_table_size (found), ==, 1);
      else if (g_strcmp0 (harmless[i], "'") == 0)
        g_assert_cmpuint (g_hash_table_size (found), ==, 1);
      else
        g_assert_cmpuint (g_hash_table_size (found), ==, 0);
    }
}

static void
on_reloaded (IcwStore *store,
             guint    *count)
{
  (*count)++;
}

static void
test_batch_commit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) existing = icw_test_save_organization (f->store, "已有单位", NULL);
  g_autoptr(GListModel) list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  ItemsChanged counts = { 0 };
  guint reloaded = 0;
  gint64 outbox = outbox_count (f);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &counts);
  g_signal_connect (f->store, "reloaded", G_CALLBACK (on_reloaded), &reloaded);

  g_assert_true (icw_store_begin_batch (f->store, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("批量单位 %d", i);
      IcwOrganization *org = icw_test_new_organization (name, NULL);

      g_assert_true (icw_store_save (f->store, ICW_RECORD (org), &error));
      g_assert_no_error (error);
      g_ptr_array_add (created, org);
    }
  /* A nested batch is part of the outer one. */
  g_assert_true (icw_store_begin_batch (f->store, &error));
  icw_organization_set_city (existing, "烟台市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (existing), &error));
  g_assert_true (icw_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded, ==, 0);
  /* Nothing is visible to another connection before the commit. */
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations", NULL), ==, 1);

  g_assert_true (icw_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded, ==, 1);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations", NULL), ==, 4);
  /* Three new rows; the edit of `existing` folded into the row of its creation (no push batch
   * has read it). */
  g_assert_cmpint (outbox_count (f), ==, outbox + 3);

  /* The reloaded list holds the very objects that were saved. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_cmpuint (counts.calls, >=, 1);
  g_assert_true (list_contains (list, existing));
  for (guint i = 0; i < created->len; i++)
    {
      g_autoptr(IcwRecord) found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION,
                                                     icw_record_get_id (created->pdata[i]), &error);

      g_assert_no_error (error);
      assert_saved_record (created->pdata[i]);
      g_assert_true (list_contains (list, created->pdata[i]));
      g_assert_true (found == created->pdata[i]);
    }
  g_signal_handlers_disconnect_by_func (f->store, on_reloaded, &reloaded);
}

static void
test_batch_rollback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) edited = icw_test_save_organization (f->store, "原名单位", NULL);
  g_autoptr(IcwOrganization) deleted = icw_test_save_organization (f->store, "将被删除单位", NULL);
  g_autoptr(IcwOrganization) restored = icw_test_save_organization (f->store, "已删除单位", NULL);
  g_autoptr(IcwOrganization) fresh = icw_test_new_organization ("新单位", NULL);
  g_autoptr(IcwOrganization) invalid = icw_test_new_organization ("", NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IcwRecord) found = NULL;
  g_autofree char *edited_updated = NULL;
  g_autofree char *restored_updated = NULL;
  g_autofree char *fresh_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ItemsChanged counts = { 0 };

  g_assert_true (icw_store_delete (f->store, ICW_RECORD (restored), &error));
  list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &counts);
  edited_updated = g_strdup (icw_record_get_updated_at (ICW_RECORD (edited)));
  restored_updated = g_strdup (icw_record_get_updated_at (ICW_RECORD (restored)));
  before = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_usleep (2000);

  g_assert_true (icw_store_begin_batch (f->store, &error));
  icw_organization_set_name (edited, "新名单位");
  icw_organization_set_city (edited, "潍坊市");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (edited), &error));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (fresh), &error));
  fresh_id = g_strdup (icw_record_get_id (ICW_RECORD (fresh)));
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (deleted), &error));
  g_assert_true (icw_store_restore (f->store, ICW_RECORD (restored), &error));
  icw_organization_set_province (restored, "山东省");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (restored), &error));
  g_assert_no_error (error);
  /* A failure inside the batch is what makes the caller roll back. */
  g_assert_false (icw_store_save (f->store, ICW_RECORD (invalid), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  icw_store_rollback_batch (f->store);

  /* The file is as it was. */
  after = icw_test_db_digest (f->raw, NULL, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  /* The objects are as they were saved. */
  g_assert_cmpstr (icw_organization_get_name (edited), ==, "原名单位");
  g_assert_null (icw_organization_get_city (edited));
  g_assert_cmpstr (icw_record_get_updated_at (ICW_RECORD (edited)), ==, edited_updated);
  g_assert_null (icw_organization_get_province (restored));
  g_assert_cmpstr (icw_record_get_updated_at (ICW_RECORD (restored)), ==, restored_updated);
  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (deleted)), &error);
  g_assert_no_error (error);
  g_assert_true (found == ICW_RECORD (deleted));
  g_clear_object (&found);
  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (restored)), &error);
  g_assert_null (found);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The record created in the batch is unsaved again. */
  g_assert_null (icw_record_get_id (ICW_RECORD (fresh)));
  g_assert_null (icw_record_get_created_at (ICW_RECORD (fresh)));
  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, fresh_id, &error);
  g_assert_null (found);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The list never moved: it showed the saved state throughout. */
  g_assert_cmpuint (counts.calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (list_contains (list, edited));
  g_assert_true (list_contains (list, deleted));

  /* And the store works on: the unsaved record saves as a new one. */
  g_assert_true (icw_store_save (f->store, ICW_RECORD (fresh), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (fresh)), !=, fresh_id);
  assert_saved_record (ICW_RECORD (fresh));
  g_assert_true (list_contains (list, fresh));
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations", NULL), ==, 4);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "济南智能传感研究院有限公司", "91350100M000100Y43");
  g_autoptr(IcwOrganization) gone = icw_test_save_organization (f->store, "已删除单位", NULL);
  g_autoptr(IcwCenter) center = save_center (f, "齐鲁智能传感器制造业创新中心", icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(IcwShareholder) holder = make_shareholder (center, org, 6000);
  g_autoptr(IcwRecord) found = NULL;
  g_autoptr(GListModel) holders = NULL;
  g_autoptr(GListModel) orgs = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *org_id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
  g_autofree char *center_id = g_strdup (icw_record_get_id (ICW_RECORD (center)));
  g_autofree char *gone_id = g_strdup (icw_record_get_id (ICW_RECORD (gone)));
  g_autofree char *created = g_strdup (icw_record_get_created_at (ICW_RECORD (org)));
  g_autofree char *updated = g_strdup (icw_record_get_updated_at (ICW_RECORD (org)));
  IcwStore *weak_store;
  gint64 outbox;

  g_assert_true (icw_store_save (f->store, ICW_RECORD (holder), &error));
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (gone), &error));
  g_assert_no_error (error);
  outbox = outbox_count (f);

  /* Close the store for good (the records it handed out may live on) and open the file again. */
  g_clear_object (&holder);
  g_clear_object (&center);
  g_clear_object (&org);
  g_clear_object (&gone);
  weak_store = f->store;
  g_object_add_weak_pointer (G_OBJECT (weak_store), (gpointer *) &weak_store);
  g_clear_object (&f->store);
  g_assert_null (weak_store);
  f->store = open_store (f);

  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, org_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (found)), ==, "济南智能传感研究院有限公司");
  g_assert_cmpstr (icw_organization_get_credit_code (ICW_ORGANIZATION (found)), ==, "91350100M000100Y43");
  g_assert_cmpstr (icw_record_get_created_at (found), ==, created);
  g_assert_cmpstr (icw_record_get_updated_at (found), ==, updated);
  g_clear_object (&found);

  found = icw_store_lookup (f->store, ICW_RECORD_KIND_CENTER, center_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_center_get_lead_organization_id (ICW_CENTER (found)), ==, org_id);
  g_clear_object (&found);

  holders = icw_store_list (f->store, ICW_RECORD_KIND_SHAREHOLDER, center_id);
  g_assert_cmpuint (g_list_model_get_n_items (holders), ==, 1);
  found = g_list_model_get_item (holders, 0);
  g_assert_cmpint (icw_shareholder_get_share_bp (ICW_SHAREHOLDER (found)), ==, 6000);
  g_clear_object (&found);

  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, gone_id, &error);
  g_assert_null (found);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  orgs = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);

  g_assert_cmpint (icw_store_count_outbox (f->store), ==, outbox);
  found = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, org_id, &error);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "传感", found, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "有限公司", found, NULL);
  assert_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "已删除", NULL);
  problems = icw_store_check_integrity (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static GType
field_gtype (const IcwColumn *field)
{
  const GType types[] = { G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT64, G_TYPE_BOOLEAN, G_TYPE_UINT };

  return types[field->type];
}

/* A value of the field's type other than its default. */
static void
other_value (const IcwColumn *field,
             GValue          *value)
{
  g_value_init (value, field_gtype (field));
  if (field->type == ICW_COLUMN_TEXT)
    g_value_set_string (value, "x");
  else if (field->type == ICW_COLUMN_INT)
    g_value_set_int (value, (int) icw_field_default (field) + 1);
  else if (field->type == ICW_COLUMN_INT64)
    g_value_set_int64 (value, icw_field_default (field) + 1);
  else if (field->type == ICW_COLUMN_BOOL)
    g_value_set_boolean (value, TRUE);
  else
    g_value_set_uint (value, (guint) (icw_field_default (field) + 1) % field->n_values);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Every kind's properties are made from the catalogue: one of the right type for each field, with
 * a label, that notifies once per change and never for the same value, and gives the value back. */
static void
test_catalogue_properties (void)
{
  GType (*types[]) (void) = {
    icw_organization_get_type, icw_center_get_type, icw_shareholder_get_type,
    icw_alliance_member_get_type, icw_platform_get_type, icw_application_get_type,
    icw_attachment_get_type, icw_ip_agreement_get_type, icw_agreement_party_get_type,
    icw_funding_request_get_type, icw_budget_line_get_type, icw_report_get_type,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (types) == ICW_N_RECORD_KINDS);
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GObject) record = g_object_new (types[kind] (), NULL);
      guint n;
      const IcwColumn *fields = icw_field_catalogue (kind, &n);

      g_assert_true (ICW_RECORD_GET_CLASS (record)->fields == fields);

      for (guint i = 0; i < n; i++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), fields[i].property);
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) back = G_VALUE_INIT;
          guint count = 0;
          gulong id;

          g_assert_nonnull (pspec);
          g_assert_true (pspec->value_type == field_gtype (&fields[i]));
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
          g_assert_cmpstr (icw_field_label (&fields[i]), !=, "");
          other_value (&fields[i], &value);
          id = g_signal_connect (record, "notify", G_CALLBACK (count_notify), &count);
          g_object_set_property (record, fields[i].property, &value);
          g_object_set_property (record, fields[i].property, &value);
          g_signal_handler_disconnect (record, id);
          g_assert_cmpuint (count, ==, 1);
          g_value_init (&back, pspec->value_type);
          g_object_get_property (record, fields[i].property, &back);
          g_assert_cmpint (g_param_values_cmp (pspec, &value, &back), ==, 0);
        }
    }
}

/* The ANY_VALUE fields take a negative value as properties and through their accessors (no
 * critical), the default staying 0: the store, not the property, refuses it with its message. */
static void
test_catalogue_any_value (void)
{
  g_autoptr(IcwAgreementParty) party = icw_agreement_party_new ();
  g_autoptr(IcwFundingRequest) request = icw_funding_request_new ();
  gint64 share = 1;

  g_assert_cmpint (icw_agreement_party_get_share_bp (party), ==, 0);
  g_assert_cmpint (icw_agreement_party_get_contribution_fen (party), ==, 0);
  g_assert_cmpint (icw_funding_request_get_tax_deduction_fen (request), ==, 0);
  icw_agreement_party_set_share_bp (party, -1);
  icw_agreement_party_set_contribution_fen (party, G_MININT64);
  icw_funding_request_set_tax_deduction_fen (request, -5);
  g_object_get (party, "share-bp", &share, NULL);
  g_assert_cmpint (share, ==, -1);
  g_assert_cmpint (icw_agreement_party_get_contribution_fen (party), ==, G_MININT64);
  g_assert_cmpint (icw_funding_request_get_tax_deduction_fen (request), ==, -5);
  /* The funding request's defaults other than 0 and the research template's category set. */
  g_assert_cmpint (icw_funding_request_get_version (request), ==, 1);
  g_assert_cmpint (icw_funding_request_get_period (request), ==, 1);
  g_assert_cmpint (icw_funding_request_get_category_set_version (request), ==, 1);
  g_assert_cmpstr (icw_funding_request_get_category_set (request), ==, "research-separate");
}

/* A center's platforms in one query: those of its live members only, by member as they joined. */
static IcwPlatform *
save_platform (IcwStore        *store,
               IcwOrganization *holder,
               const char      *name)
{
  g_autoptr(GError) error = NULL;
  IcwPlatform *platform = icw_platform_new ();

  icw_platform_set_organization_id (platform, icw_record_get_id (ICW_RECORD (holder)));
  icw_platform_set_kind (platform, ICW_PLATFORM_KEY_LAB);
  icw_platform_set_name (platform, name);
  g_assert_true (icw_store_save (store, ICW_RECORD (platform), &error));
  g_assert_no_error (error);
  return platform;
}

#define REMOTE_MEMBER "{\"id\":\"%s\",\"center_id\":\"%s\",\"organization_id\":\"%s\",\"role\":\"%s\"," \
                      "\"joined\":\"2024-03-02\",\"agreement_signed\":true," \
                      "\"created_at\":\"2025-01-05T03:04:05.000000Z\",\"updated_at\":\"2025-01-05T03:04:05.000000Z\"}"

/* A member the server still holds in the role "user" of before issue 15, pulled: an ordinary
 * member, and its organization a user enterprise; a member in a current role changes nothing. */
static void
test_remote_user_role (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, "测试汽车有限公司", NULL);
  g_autoptr(IcwOrganization) other = icw_test_save_organization (f->store, "测试材料有限公司", NULL);
  g_autoptr(IcwCenter) center = save_center (f, "测试制造业创新中心", NULL);
  g_autoptr(IcwRecord) member = NULL, org_after = NULL, other_after = NULL;
  g_autofree char *user = g_strdup_printf (REMOTE_MEMBER, "44444444-4444-4444-8444-444444444442",
                                           icw_record_get_id (ICW_RECORD (center)), icw_record_get_id (ICW_RECORD (org)), "user");
  g_autofree char *core = g_strdup_printf (REMOTE_MEMBER, "44444444-4444-4444-8444-444444444443",
                                           icw_record_get_id (ICW_RECORD (center)), icw_record_get_id (ICW_RECORD (other)), "core");

  g_assert_true (icw_store_apply_remote (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, user, "r-1", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (icw_store_apply_remote (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, core, "r-2", FALSE, &error));
  g_assert_no_error (error);
  member = icw_store_lookup (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, "44444444-4444-4444-8444-444444444442", &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_alliance_member_get_role (ICW_ALLIANCE_MEMBER (member)), ==, ICW_MEMBER_ROLE_ORDINARY);
  g_assert_cmpstr (icw_alliance_member_get_joined (ICW_ALLIANCE_MEMBER (member)), ==, "2024-03-02");
  org_after = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (org)), &error);
  g_assert_true (icw_organization_get_user_enterprise (ICW_ORGANIZATION (org_after)));
  other_after = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (other)), &error);
  g_assert_false (icw_organization_get_user_enterprise (ICW_ORGANIZATION (other_after)));
  g_assert_cmpint (icw_test_db_int (f->store_db, "SELECT count(*) FROM alliance_members WHERE role = 'user'", NULL), ==, 0);
}

/* A pulled record's text read in place (icw_store_apply_remote_text): escapes in names and
 * values, whitespace, unknown and nested members, a repeated member (the last counts), the text
 * a range of a larger one; then texts the store refuses, each naming what is wrong and writing
 * nothing. */
static void
test_remote_text (Fixture       *f,
                  gconstpointer  data)
{
  static const char page[] =
    "[ { \"id\" : \"55555555-5555-4555-8555-555555555551\", \"name\": \"旧名\", \"extra\": {\"a\": [1, {\"b\": null}]},\n"
    "    \"n\\u0061me\": \"测\\u8bd5 \\\"引号\\\"\\n\\ud83d\\ude00\", \"kind\": \"university\", \"city\": null,\n"
    "    \"le\\u0067al_representative\": \"\\u5f20\\u4e09\", \"top_ten\": true, \"revenue_1_fen\": 9007199254740993,\n"
    "    \"created_at\": \"2025-01-05T03:04:05.000000Z\", \"updated_at\": \"2025-01-06T03:04:05.000000Z\" } ]";
  const char *record = strchr (page, '{');
  gsize length = strrchr (page, '}') - record + 1;
  const struct { const char *text; const char *says; } bad[] = {
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",\"name\":\"\\ud800\"}", "name" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",\"name\":\"a\\u0000b\"}", "name" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",\"name\":5}", "name" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",\"revenue_1_fen\":1.5}", "revenue_1_fen" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",\"top_ten\":\"yes\"}", "top_ten" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",\"kind\":\"castle\"}", "kind" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\"} x", "not a JSON object" },
    { "{\"id\":\"55555555-5555-4555-8555-555555555552\",}", "not a JSON object" },
    { "[\"55555555-5555-4555-8555-555555555552\"]", "not a JSON object" },
    { "{\"name\":\"无号\"}", "without an ID" },
    { "{\"id\":\"\"}", "without an ID" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) got = NULL;
  IcwOrganization *org;

  g_assert_true (icw_store_apply_remote_text (f->store, ICW_RECORD_KIND_ORGANIZATION, record, length, "r-9", FALSE, &error));
  g_assert_no_error (error);
  got = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, "55555555-5555-4555-8555-555555555551", &error);
  g_assert_no_error (error);
  org = ICW_ORGANIZATION (got);
  g_assert_cmpstr (icw_organization_get_name (org), ==, "测试 \"引号\"\n😀");
  g_assert_cmpstr (icw_organization_get_legal_representative (org), ==, "张三");
  g_assert_cmpint (icw_organization_get_kind (org), ==, ICW_ORG_KIND_UNIVERSITY);
  g_assert_null (icw_organization_get_city (org));
  g_assert_true (icw_organization_get_top_ten (org));
  g_assert_cmpint (icw_organization_get_revenue_1_fen (org), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpstr (icw_record_get_revision (got), ==, "r-9");
  g_assert_cmpint (icw_test_db_int (f->store_db, "SELECT count(*) FROM outbox", NULL), ==, 0);
  g_assert_cmpint (icw_test_db_int (f->store_db, "SELECT count(*) FROM organizations WHERE updated_at = "
                                                 "'2025-01-06T03:04:05.000000Z'", NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) refused = NULL;

      if (icw_store_apply_remote (f->store, ICW_RECORD_KIND_ORGANIZATION, bad[i].text, "r-10", FALSE, &refused))
        g_error ("applied: %s", bad[i].text);
      g_assert_error (refused, ICW_ERROR, ICW_ERROR_INVALID);
      icw_test_assert_message_contains (refused, bad[i].says, NULL);
    }
  g_assert_cmpint (icw_test_db_int (f->store_db, "SELECT count(*) FROM organizations", NULL), ==, 1);
}

static void
test_center_platforms (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = icw_center_new ();
  g_autoptr(IcwOrganization) first = icw_test_save_organization (f->store, "First Member Co.", NULL);
  g_autoptr(IcwOrganization) second = icw_test_save_organization (f->store, "Second Member Co.", NULL);
  g_autoptr(IcwOrganization) outsider = icw_test_save_organization (f->store, "Outsider Co.", NULL);
  g_autoptr(IcwAllianceMember) m2 = icw_alliance_member_new ();
  g_autoptr(IcwAllianceMember) m1 = icw_alliance_member_new ();
  g_autoptr(IcwPlatform) p1 = NULL;
  g_autoptr(IcwPlatform) p2 = NULL;
  g_autoptr(IcwPlatform) p3 = NULL;
  g_autoptr(IcwPlatform) gone = NULL;
  g_autoptr(IcwPlatform) other = NULL;
  g_autoptr(GPtrArray) found = NULL;

  icw_center_set_name (center, "Platforms Test Center");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (center), &error));
  g_assert_no_error (error);
  /* The second organization joins first: its platforms come first. */
  icw_alliance_member_set_center_id (m2, icw_record_get_id (ICW_RECORD (center)));
  icw_alliance_member_set_organization_id (m2, icw_record_get_id (ICW_RECORD (second)));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (m2), &error));
  g_assert_no_error (error);
  icw_alliance_member_set_center_id (m1, icw_record_get_id (ICW_RECORD (center)));
  icw_alliance_member_set_organization_id (m1, icw_record_get_id (ICW_RECORD (first)));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (m1), &error));
  g_assert_no_error (error);
  p1 = save_platform (f->store, first, "Lab of the first");
  p2 = save_platform (f->store, second, "Lab of the second");
  p3 = save_platform (f->store, second, "Center of the second");
  gone = save_platform (f->store, second, "Closed lab");
  other = save_platform (f->store, outsider, "Lab of an outsider");
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (gone), &error));
  g_assert_no_error (error);

  found = icw_store_center_platforms (f->store, icw_record_get_id (ICW_RECORD (center)));
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (found->pdata[0] == (gpointer) p2);   /* the store's one object */
  g_assert_true (found->pdata[1] == (gpointer) p3);
  g_assert_true (found->pdata[2] == (gpointer) p1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A member that leaves takes its platforms out of the center's. */
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (m2), &error));
  g_assert_no_error (error);
  found = icw_store_center_platforms (f->store, icw_record_get_id (ICW_RECORD (center)));
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (found->pdata[0] == (gpointer) p1);
}

/* The store's time stamp, written by hand since issue 20, is what
 * g_date_time_format (…, "%Y-%m-%dT%H:%M:%S.%fZ") writes for the same instant (the instant read
 * back from it, taken between the times before and after the call). */
static void
test_now_format (void)
{
  for (guint round = 0; round < 2000; round++)
    {
      gint64 before = g_get_real_time ();
      g_autofree char *now = icw_database_now ();
      gint64 after = g_get_real_time ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (now, NULL);
      g_autofree char *formatted = NULL;
      gint64 at;

      g_assert_nonnull (parsed);
      at = g_date_time_to_unix (parsed) * G_USEC_PER_SEC + g_date_time_get_microsecond (parsed);
      g_assert_cmpint (at, >=, before);
      g_assert_cmpint (at, <=, after);
      formatted = g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%S.%fZ");
      g_assert_cmpstr (now, ==, formatted);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sqlite3_auto_extension ((void (*) (void)) capture_connection);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open", test_open);
  ADD ("/store/save-kinds", test_save_kinds);
  ADD ("/store/edit", test_edit);
  ADD ("/store/edit-writes-changed-columns", test_edit_writes_changed_columns);
  ADD ("/store/validation-writes-nothing", test_validation_writes_nothing);
  ADD ("/store/identity", test_identity);
  ADD ("/store/live-lists", test_live_lists);
  ADD ("/store/delete-restore", test_delete_restore);
  ADD ("/store/save-deleted", test_save_deleted);
  ADD ("/store/save-tracked-row-changed-elsewhere", test_save_tracked_row_changed_elsewhere);
  ADD ("/store/delete-in-use", test_delete_in_use);
  ADD ("/store/duplicate-credit-code", test_duplicate_credit_code);
  ADD ("/store/duplicate-shareholder", test_duplicate_shareholder);
  ADD ("/store/search", test_search);
  ADD ("/store/search-special", test_search_special);
  ADD ("/store/search-after-edits", test_search_after_edits);
  ADD ("/store/search-short-from-list", test_search_short_from_list);
  ADD ("/store/batch-commit", test_batch_commit);
  ADD ("/store/remote-user-role", test_remote_user_role);
  ADD ("/store/remote-text", test_remote_text);
  ADD ("/store/batch-rollback", test_batch_rollback);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/center-platforms", test_center_platforms);

#undef ADD
  g_test_add_func ("/store/catalogue-properties", test_catalogue_properties);
  g_test_add_func ("/store/catalogue-any-value", test_catalogue_any_value);
  g_test_add_func ("/store/now-format", test_now_format);

  return g_test_run ();
}
