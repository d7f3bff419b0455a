/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-check.c: the sync server's record check against the schema's constraints
 * (icw_store_check_remote) without the trial INSERT (issue 20): which kinds are decided by the
 * SELECT of their table's constraints; a record breaking a CHECK or a NOT NULL is refused with its
 * field named and with the very message SQLite gives when the same row is inserted into the same
 * schema; a valid record and a deletion pass. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "icw-enums.h"
#include "icw-error.h"
#include "icw-store-check.h"
#include "icw-test-util.h"

#define ORG "00000000-0000-4000-8000-0000000000"

typedef struct {
  char     *dir;
  char     *path;
  IcwStore *scratch;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = icw_test_make_tmp_dir ("icw-store-check-XXXXXX", &f->path);
  f->scratch = icw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (icw_store_check_prepare_scratch (f->scratch, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->scratch);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static JsonObject *
object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* What SQLite says when the row is inserted into the same schema (a fresh store of its own). */
static char *
insert_message (Fixture    *f,
                const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "plain.db", NULL);
  g_autoptr(IcwStore) plain = icw_store_open (path, NULL);
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  char *message;

  g_assert_nonnull (plain);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), !=, SQLITE_OK);
  message = g_strdup (sqlite3_errmsg (db));
  sqlite3_close (db);
  return message;
}

static void
assert_refused (Fixture       *f,
                IcwRecordKind  kind,
                const char    *record_text,
                const char    *field,
                const char    *insert_sql)
{
  g_autoptr(JsonObject) record = object (record_text);
  g_autoptr(GError) error = NULL;
  const char *got_field = NULL;

  g_assert_false (icw_store_check_remote (f->scratch, kind, record, FALSE, &got_field, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (got_field, ==, field);
  if (insert_sql != NULL)
    {
      g_autofree char *expected = insert_message (f, insert_sql);
      g_autofree char *reason = g_strdup_printf ("The record breaks a rule of its kind: %s", expected);

      g_assert_cmpstr (error->message, ==, reason);
    }
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  const IcwRecordKind decided[] = { ICW_RECORD_KIND_ORGANIZATION, ICW_RECORD_KIND_CENTER,
                                    ICW_RECORD_KIND_SHAREHOLDER, ICW_RECORD_KIND_ALLIANCE_MEMBER };

  for (guint k = 0; k < ICW_N_RECORD_KINDS; k++)
    if (!icw_store_check_without_insert (f->scratch, k))
      g_string_append_printf (kept, " %s", icw_record_kind_to_key (k));
  g_test_message ("kinds that keep the trial insert:%s", kept->len > 0 ? kept->str : " none");
  for (guint i = 0; i < G_N_ELEMENTS (decided); i++)
    g_assert_true (icw_store_check_without_insert (f->scratch, decided[i]));
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) good = object ("{\"id\":\"" ORG "01\",\"name\":\"甲公司\",\"top_ten\":1,\"revenue_1_fen\":5}");
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_assert_true (icw_store_check_remote (f->scratch, ICW_RECORD_KIND_ORGANIZATION, good, FALSE, &field, &error));
  g_assert_no_error (error);
  g_assert_true (icw_store_check_remote (f->scratch, ICW_RECORD_KIND_ORGANIZATION, good, TRUE, &field, &error));
  g_assert_no_error (error);

  /* A CHECK the catalogue does not state (a name of spaces), a NOT NULL without a default (no
   * name at all): the message SQLite gives the INSERT; a negative revenue (its CHECK stated by
   * the catalogue's range too). */
  assert_refused (f, ICW_RECORD_KIND_ORGANIZATION, "{\"id\":\"" ORG "02\",\"name\":\"   \"}", "name",
                  "INSERT INTO organizations (id, created_at, updated_at, name) VALUES ('x', '', '', '   ')");
  assert_refused (f, ICW_RECORD_KIND_ORGANIZATION, "{\"id\":\"" ORG "03\",\"name\":\"乙\",\"revenue_1_fen\":-5}",
                  "revenue_1_fen", NULL);
  assert_refused (f, ICW_RECORD_KIND_ORGANIZATION, "{\"id\":\"" ORG "04\"}", "name",
                  "INSERT INTO organizations (id, created_at, updated_at, name) VALUES ('x', '', '', NULL)");
  /* A share over 100 %, and a shareholder without its organization. */
  assert_refused (f, ICW_RECORD_KIND_SHAREHOLDER,
                  "{\"id\":\"" ORG "05\",\"center_id\":\"" ORG "10\",\"organization_id\":\"" ORG "11\",\"share_bp\":20000}", "share_bp", NULL);
  assert_refused (f, ICW_RECORD_KIND_SHAREHOLDER, "{\"id\":\"" ORG "06\",\"center_id\":\"" ORG "10\"}", "organization_id",
                  "INSERT INTO shareholders (id, created_at, updated_at, center_id, organization_id) VALUES ('x', '', '', 'c', NULL)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-check/kinds", Fixture, NULL, fixture_set_up, test_kinds, fixture_tear_down);
  g_test_add ("/store-check/constraints", Fixture, NULL, fixture_set_up, test_constraints, fixture_tear_down);
  return g_test_run ();
}
