/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dossier.c: the center dossier: the round trip (sample → export → import into an empty
 * database → export gives the same bytes), the dossier of the whole database, corrupted dossiers
 * refused with the database unchanged (the text, the header, each record's members, every field's
 * store check, the kinds' own rules), a record the database holds with other content, a version 1
 * dossier (parts as strings), a submitted application's dossier, cancellation (in the write and
 * off the main thread), and the async import's progress and the main store's lists after it. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "icw-center.h"
#include "icw-dossier-import.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-sample.h"
#include "icw-test-util.h"

typedef struct {
  char     *dir;
  char     *path;        /* the sample's database */
  char     *empty_path;  /* a database with nothing in it */
  IcwStore *store;
  IcwStore *empty;
  char     *center_id;
  GBytes   *dossier;     /* the sample center's */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;
  const char *ids[2] = { NULL, NULL };

  f->dir = icw_test_make_tmp_dir ("icw-dossier-XXXXXX", &f->path);
  f->empty_path = g_build_filename (f->dir, "empty.db", NULL);
  f->store = icw_test_open_store (f->path);
  f->empty = icw_test_open_store (f->empty_path);
  center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  f->center_id = g_strdup (icw_record_get_id (ICW_RECORD (center)));
  /* A record edited later than it was made, and one in the trash: the times and the deletion
   * must come through as they are. */
  g_usleep (2000);
  icw_center_set_city (center, "济南市历下区");
  icw_test_save (f->store, center);
  {
    g_autoptr(GListModel) members = icw_store_list (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, f->center_id);
    g_autoptr(IcwRecord) member = g_list_model_get_item (members, g_list_model_get_n_items (members) - 1);

    g_assert_true (icw_store_delete (f->store, member, &error));
    g_assert_no_error (error);
  }
  ids[0] = f->center_id;
  f->dossier = icw_dossier_export (f->store, ids, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->empty);
  g_clear_pointer (&f->dossier, g_bytes_unref);
  g_clear_pointer (&f->center_id, g_free);
  g_clear_pointer (&f->empty_path, g_free);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static char *
digest (const char *path)
{
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READONLY, NULL);
  char *sum = icw_test_db_digest (db, NULL, NULL, NULL);

  sqlite3_close (db);
  return sum;
}

static GBytes *
export_center (IcwStore   *store,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { id, NULL };
  GBytes *bytes = icw_dossier_export (store, ids, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
import_bytes (IcwStore   *store,
              GBytes     *bytes,
              guint      *n_written,
              GPtrArray **problems,
              GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return icw_dossier_import (store, data, length, NULL, NULL, NULL, n_written, problems, error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GListModel) centers = icw_store_list (f->empty, ICW_RECORD_KIND_CENTER, NULL);
  const char *text = g_bytes_get_data (f->dossier, NULL);
  guint n_written = 0;

  /* Everything the sample has is in it: attachments' content, budget lines, agreement parties. */
  g_assert_nonnull (strstr (text, "\"format\" : \"ic-workbench-dossier\""));
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      g_autofree char *member = g_strdup_printf ("\"kind\" : \"%s\"", icw_record_kind_to_key (kind));

      g_assert_nonnull (strstr (text, member));
    }
  g_assert_nonnull (strstr (text, "\"blobs\" : {\n        \"content\" : \""));

  g_assert_nonnull (strstr (text, "\"deleted_at\" : \"2"));
  g_assert_true (import_bytes (f->empty, f->dossier, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, >, 50);
  /* Every live record is queued for sync; the deleted one is not. */
  g_assert_cmpint (icw_store_count_outbox (f->empty), ==, (gint64) n_written - 1);
  /* The lists already handed out follow the batch. */
  g_assert_cmpuint (g_list_model_get_n_items (centers), ==, 1);

  again = export_center (f->empty, f->center_id);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                   g_bytes_get_data (f->dossier, NULL), g_bytes_get_size (f->dossier));

  /* Imported again: the database has every record already, identical, so nothing is written. */
  g_assert_true (import_bytes (f->empty, f->dossier, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 0);
}

static void
test_whole_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) all = NULL, again = NULL;
  g_autoptr(IcwOrganization) lonely = icw_test_save_organization (f->store, "无关单位", NULL);

  all = icw_dossier_export (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  /* An organization no center refers to is in the whole database's dossier, not the center's. */
  g_assert_nonnull (strstr (g_bytes_get_data (all, NULL), icw_record_get_id (ICW_RECORD (lonely))));
  g_assert_null (strstr (g_bytes_get_data (f->dossier, NULL), icw_record_get_id (ICW_RECORD (lonely))));
  g_assert_nonnull (strstr (g_bytes_get_data (all, NULL), "\"scope\" : \"database\""));

  g_assert_true (import_bytes (f->empty, all, NULL, NULL, &error));
  g_assert_no_error (error);
  again = icw_dossier_export (f->empty, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (all, again));
}

/* The store refuses in a save what the dossier import refuses: every kind of structured part, a
 * day that is not in the calendar, a time that is no time, a share above 100%, text that is not
 * UTF-8; the message names the field, and nothing is written. */
static void
test_store_refuses (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { IcwRecordKind kind; const char *table, *property, *value, *message; } cases[] = {
    { ICW_RECORD_KIND_APPLICATION, "applications", "roadmap", "[{\"trl_from\": \"four\"}]", "must be a whole number" },
    { ICW_RECORD_KIND_APPLICATION, "applications", "capability-platforms", "[{\"kind\": \"gadget\"}]", "is not a known value" },
    { ICW_RECORD_KIND_APPLICATION, "applications", "indicators", "not json", "not valid JSON" },
    { ICW_RECORD_KIND_APPLICATION, "applications", "tasks", "{\"9\": \"x\"}", "is not one of the eight main tasks" },
    { ICW_RECORD_KIND_IP_AGREEMENT, "ip_agreements", "results", "{\"x\":", "Results: the list is not valid JSON" },
    { ICW_RECORD_KIND_IP_AGREEMENT, "ip_agreements", "guide-answers", "{\"idea\": \"everyone\"}", "Guide: the answer “idea”" },
    { ICW_RECORD_KIND_AGREEMENT_PARTY, "agreement_parties", "background-ip", "[{\"kind\": \"rumour\"}]", "Background IP, item 1" },
    { ICW_RECORD_KIND_FUNDING_REQUEST, "funding_requests", "milestones", "not json", "Milestones: the text is not" },
    { ICW_RECORD_KIND_BUDGET_LINE, "budget_lines", "cells", "garbage", "Budget amounts" },
    { ICW_RECORD_KIND_CENTER, "centers", "host-founded", "2023-02-31", "“2023-02-31” is not a date" },
    { ICW_RECORD_KIND_ALLIANCE_MEMBER, "alliance_members", "joined", "2023-02-29", "Joined: type the date" },
    { ICW_RECORD_KIND_ORGANIZATION, "organizations", "city", "\xe6\xb5\x8b\xff", "not valid UTF-8" },
    { ICW_RECORD_KIND_ORGANIZATION, "organizations", "created-at", "yesterday", "Field “created_at”: “yesterday”" },
    { ICW_RECORD_KIND_APPLICATION, "applications", "roadmap", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
      "not valid JSON" },
  };
  g_autofree char *before = digest (f->path);
  sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READONLY, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      /* Of the applications, the sample's draft (the accepted one is read-only). */
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE deleted_at IS NULL%s LIMIT 1", cases[i].table,
                                              g_str_equal (cases[i].table, "applications") ? " AND status = 'draft'" : "");
      g_autoptr(IcwRecord) record = NULL;
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      record = icw_store_lookup (f->store, cases[i].kind, (const char *) sqlite3_column_text (stmt, 0), &error);
      sqlite3_finalize (stmt);
      g_assert_no_error (error);
      g_test_message ("%s %s = %s", cases[i].table, cases[i].property, cases[i].value);
      if (g_str_equal (cases[i].property, "created-at"))
        icw_record_set_created_at (record, cases[i].value);
      else
        g_object_set (record, cases[i].property, cases[i].value, NULL);
      g_assert_false (icw_store_save (f->store, record, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” is not in “%s”", cases[i].property, cases[i].message, error->message);
    }
  sqlite3_close (db);
  {
    g_autofree char *after = digest (f->path);

    g_assert_cmpstr (after, ==, before);
  }
}

/* The parts of a submitted application (its attachments) come in although a save would refuse
 * them: the store's rules are run on them as stored, not as edits. */
static void
test_submitted (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) application = ICW_RECORD (icw_test_sample_application (f->store));
  g_autoptr(GBytes) dossier = NULL;
  g_autoptr(GBytes) again = NULL;

  g_assert_true (icw_lifecycle_mark_ready (f->store, application, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_submit (f->store, application, &error));
  g_assert_no_error (error);
  dossier = export_center (f->store, f->center_id);
  g_assert_nonnull (strstr (g_bytes_get_data (dossier, NULL), "\"status\" : \"submitted\""));
  g_assert_true (import_bytes (f->empty, dossier, NULL, NULL, &error));
  g_assert_no_error (error);
  again = export_center (f->empty, f->center_id);
  g_assert_true (g_bytes_equal (again, dossier));
}

/* The dossier as version 1 wrote it: the structured parts as strings holding their JSON. */
static GBytes *
as_version_1 (GBytes *dossier)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *records;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (dossier, NULL), g_bytes_get_size (dossier), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "format_version", 1);
  records = json_object_get_array_member (root, "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *fields = json_object_get_object_member (json_array_get_object_element (records, i), "fields");
      g_autoptr(GList) members = json_object_get_members (fields);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (fields, l->data);

          g_autofree char *part = NULL;

          if (JSON_NODE_HOLDS_ARRAY (node) || JSON_NODE_HOLDS_OBJECT (node))
            json_object_set_string_member (fields, l->data, part = json_to_string (node, FALSE));
        }
    }
  text = json_to_string (json_parser_get_root (parser), TRUE);
  return g_bytes_new_take (text, strlen (text));
}

/* A dossier of version 1 (parts as strings) goes through the same checks, and the database it
 * makes exports as the version 2 dossier it came from; a version 1 dossier with a bad part is
 * refused naming it. */
static void
test_version_1 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old = as_version_1 (f->dossier);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) bad = g_string_new (g_bytes_get_data (old, NULL));
  g_autoptr(GBytes) bad_bytes = NULL;

  g_assert_nonnull (strstr (g_bytes_get_data (old, NULL), "\"roadmap\" : \"[{"));
  g_assert_nonnull (strstr (g_bytes_get_data (f->dossier, NULL), "\"roadmap\" : [\n"));
  g_string_replace (bad, "\"cells\" : \"{", "\"cells\" : \"{\\\"1999/nowhere\\\":\\\"1\\\",", 1);
  bad_bytes = g_string_free_to_bytes (g_steal_pointer (&bad));
  g_assert_false (import_bytes (f->empty, bad_bytes, NULL, &problems, &error));
  g_assert_nonnull (problems);
  g_assert_nonnull (strstr (problems->pdata[0], "field “cells”: Budget cell “1999/nowhere”"));
  g_clear_error (&error);

  g_assert_true (import_bytes (f->empty, old, NULL, NULL, &error));
  g_assert_no_error (error);
  again = export_center (f->empty, f->center_id);
  g_assert_true (g_bytes_equal (again, f->dossier));
}

/* The dossier as a workbench of before issue 15 wrote it: each member whose organization is a
 * user enterprise in the role "user", and the organization without the flag. Returns how many
 * members it changed in *n_users. */
static GBytes *
with_user_role (GBytes *dossier,
                guint  *n_users)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) users = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *records;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (dossier, NULL), g_bytes_get_size (dossier), &error);
  g_assert_no_error (error);
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      JsonObject *fields = json_object_get_object_member (record, "fields");

      if (g_str_equal (json_object_get_string_member (record, "kind"), "organization") &&
          json_object_get_boolean_member_with_default (fields, "user_enterprise", FALSE))
        g_hash_table_add (users, (gpointer) json_object_get_string_member (record, "id"));
    }
  *n_users = 0;
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      JsonObject *fields = json_object_get_object_member (record, "fields");

      if (g_str_equal (json_object_get_string_member (record, "kind"), "alliance-member") &&
          g_hash_table_contains (users, json_object_get_string_member (fields, "organization_id")))
        {
          g_assert_cmpstr (json_object_get_string_member (fields, "role"), ==, "ordinary");
          json_object_set_string_member (fields, "role", "user");
          *n_users += 1;
        }
    }
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_hash_table_contains (users, json_object_get_string_member (record, "id")))
        json_object_set_boolean_member (json_object_get_object_member (record, "fields"), "user_enterprise", FALSE);
    }
  text = json_to_string (json_parser_get_root (parser), TRUE);
  return g_bytes_new_take (text, strlen (text));
}

/* A dossier of before issue 15, whose members were user enterprises by their role "user": each
 * becomes an ordinary member and its organization a user enterprise, so the database it makes
 * exports as the dossier of today it came from (nothing lost). */
static void
test_user_role (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_users = 0;
  g_autoptr(GBytes) old = with_user_role (f->dossier, &n_users);
  g_autoptr(GBytes) again = NULL;

  g_assert_cmpuint (n_users, >=, 1);
  g_assert_nonnull (strstr (g_bytes_get_data (old, NULL), "\"role\" : \"user\""));
  g_assert_true (import_bytes (f->empty, old, NULL, NULL, &error));
  g_assert_no_error (error);
  again = export_center (f->empty, f->center_id);
  g_assert_null (strstr (g_bytes_get_data (again, NULL), "\"role\" : \"user\""));
  g_assert_true (g_bytes_equal (again, f->dossier));
}

typedef struct {
  const char *name;
  const char *find;      /* replaced once; NULL for the special cases below */
  const char *replace;
  const char *message;   /* a part of the error or of one of the problems */
  const char *member;    /* or: the value of the first member of this name replaced by `replace` */
  gboolean    written;   /* found once written: the sample's database refuses the changed record first */
} Corruption;

static const Corruption corruptions[] = {
  { "wrong-type", "\"top_ten\" : false", "\"top_ten\" : \"no\"", "“top_ten” must be true or false" },
  { "unknown-kind", "\"kind\" : \"shareholder\"", "\"kind\" : \"gadget\"", "is not a kind of record" },
  { "newer-version", "\"format_version\" : 2", "\"format_version\" : 3", "newer version" },
  { "not-a-dossier", "\"format\" : \"ic-workbench-dossier\"", "\"format\" : \"other\"", "not a dossier" },
  { "dangling-reference", NULL, "\"00000000-0000-4000-8000-000000000000\"", "neither in the dossier nor in the database",
    "center_id" },
  { "bad-base64", "\"content\" : \"", "\"content\" : \"*", "is not base64" },
  { "unknown-field", "\"top_ten\" : false", "\"top_ten\" : false, \"colour\" : \"red\"", "no field “colour”" },
  { "missing-field", "\"top_ten\" : false,", "", "“top_ten” is missing" },
  { "unknown-enum", "\"kind\" : \"enterprise\"", "\"kind\" : \"guild\"", "unknown value “guild”" },
  { "label-not-key", "\"kind\" : \"enterprise\"", "\"kind\" : \"企业\"", "unknown value “企业”" },
  { "big-integer", "\"rd_base_year\" : 2025", "\"rd_base_year\" : 92233720368547758070", "too large" },
  { "int-range", "\"rd_base_year\" : 2025", "\"rd_base_year\" : 9223372036854775807", "out of range" },
  { "schema-check", "\"size\" : ", "\"size\" : 1", "attachment" },
  { "truncated", NULL, NULL, "not valid JSON" },
  { "concatenated", NULL, NULL, "after the dossier's closing brace" },
  { "assignment", NULL, NULL, "assigns a variable" },
  { "empty", NULL, NULL, "empty" },
  { "empty-time", "\"deleted_at\" : null", "\"deleted_at\" : \"\"", "“deleted_at” is missing or is neither text nor null" },
  { "not-utf8", "\"name\" : \"", "\"name\" : \"\xff", "not UTF-8" },
  { "duplicate-id", NULL, NULL, "another record with this ID" },
  { "digest", NULL, NULL, "does not match its “sha256”" },
  { "deep-nesting", NULL, NULL, "more than 64 levels deep" },
  /* What the store refuses in a save, refused in a dossier too, naming the record and the field. */
  { "created-yesterday", NULL, "\"yesterday\"", "“created_at”: “yesterday” is not a time in UTC", "created_at" },
  { "updated-no-zone", NULL, "\"2026-11-25T09:04:01\"", "“updated_at”: “2026-11-25T09:04:01” is not a time", "updated_at" },
  { "no-such-day", NULL, "\"2023-02-31\"", "field “host_founded”: “2023-02-31” is not a date", "host_founded" },
  { "garbage-cells", NULL, "\"garbage\"", "field “cells”: Budget amounts: the text is not a JSON object", "cells" },
  { "garbage-cell", NULL, "{ \"2027/central-fiscal\" : \"12,5\" }", "field “cells”: Budget cell", "cells" },
  { "cell-name", NULL, "{ \"next year\" : \"100\" }", "a cell is named YEAR/source", "cells" },
  { "cells-array", NULL, "[ 1 ]", "field “cells”: Budget amounts", "cells" },
  { "milestones-not-json", NULL, "\"not json\"", "field “milestones”: Milestones: the text is not a JSON list", "milestones" },
  { "milestone-day", NULL, "[ { \"date\" : \"2023-02-31\", \"amount_fen\" : \"100\", \"condition\" : \"x\" } ]",
    "field “milestones”: Milestone 1", "milestones" },
  { "results-truncated", NULL, "\"{\\\"x\\\":\"", "field “results”: Results: the list is not valid JSON", "results" },
  { "results-object", NULL, "{ \"x\" : 1 }", "field “results”: Results", "results" },
  { "roadmap-type", NULL, "[ { \"trl_from\" : \"four\" } ]", "field “roadmap”", "roadmap" },
  { "tasks-array", NULL, "[ \"a\" ]", "field “tasks”", "tasks" },
  { "indicator-area", NULL, "[ { \"area\" : \"astrology\" } ]", "field “indicators”", "indicators" },
  { "guide-key", NULL, "{ \"idea\" : \"everyone\" }", "field “guide_answers”: Guide: the answer “idea”", "guide_answers" },
  { "background-kind", NULL, "[ { \"kind\" : \"rumour\" } ]", "field “background_ip”", "background_ip" },
  { "deep-part", NULL, NULL, "field “milestones”: Milestones", "milestones" },
  { "lone-surrogate", NULL, "\"\\ud800\"", "field “name” holds an escaped lone surrogate", "name" },
  { "surrogate-in-part", NULL, "[ { \"technology\" : \"x\\ud800y\" } ]", "field “technology” holds an escaped lone surrogate", "roadmap" },
  { "share-10001", NULL, "10001", "field “share_bp”: 10001 is not a share from 0 to 10000", "share_bp" },
  { "negative-amount", NULL, "-5", "field “amount_fen”: -5 is not an amount", "amount_fen" },
  { "bad-credit-code", NULL, "\"91371000MA3H1Y4C93\"", "field “credit_code”", "credit_code" },
  { "not-an-id", NULL, "\"center-1\"", "field “center_id”: “center-1” is not an ID", "center_id" },
  { "bad-digest-text", NULL, "\"ABC\"", "field “sha256”: “ABC” is not a SHA-256 digest", "sha256" },
  { "record-id", NULL, "\"x\"", "its “id” is missing or is not an ID", "id" },
  /* The kind's own rules, run on the written rows before the commit. */
  { "center-year", NULL, "1990", "”: Year of recognition: it must lie between 2000 and 2100", "year", TRUE },
  { "review-days", NULL, "400", "Publication review period: it may be at most 365 days", "publication_review_days", TRUE },
  { "cell-outside-period", NULL, "{ \"2099/central-fiscal\" : \"1\" }", "2099 is not a year of the request's period", "cells", TRUE },
  { "confidentiality", NULL, "200", "Confidentiality: it may last at most 100 years", "confidentiality_years", TRUE },
};

/* The end of the JSON value that starts at p (a string, an array or object, or a scalar). */
static const char *
value_end (const char *p)
{
  int depth = 0;

  for (;; p++)
    {
      if (*p == '"')
        {
          for (p++; *p != '"'; p++)
            p += *p == '\\';
          if (depth == 0)
            return p + 1;
        }
      else if (*p == '[' || *p == '{')
        depth++;
      else if ((*p == ']' || *p == '}') && --depth == 0)
        return p + 1;
      else if (depth == 0 && (*p == ',' || *p == '\n'))
        return p;
    }
}

/* The sample's dossier with one corruption; NULL bytes for "empty". */
static GBytes *
corrupt (GBytes           *dossier,
         const Corruption *c)
{
  const char *text = g_bytes_get_data (dossier, NULL);
  GString *out = g_string_new (NULL);

  if (c->member != NULL)
    {
      /* A field (eight spaces in) or else a member of a record (six): not a part's own member. */
      g_autofree char *key = g_strdup_printf ("\n        \"%s\" : ", c->member);
      g_autofree char *record_key = g_strdup_printf ("\n      \"%s\" : ", c->member);
      const char *at = strstr (text, key);
      const char *value;

      if (at == NULL)
        at = strstr (text, key = (g_free (key), g_steal_pointer (&record_key)));

      g_assert_nonnull (at);
      value = at + strlen (key);
      g_string_append_len (out, text, value - text);
      if (g_str_equal (c->name, "deep-part"))
        {
          /* A string holding 100,000 levels: the part's own parser meets them. */
          g_string_append_c (out, '"');
          for (guint i = 0; i < 100000; i++)
            g_string_append_c (out, '[');
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, c->replace);
      g_string_append (out, value_end (value));
    }
  else if (g_str_equal (c->name, "deep-nesting"))
    {
      /* 100,000 levels in a field: json-glib would recurse into each. */
      const char *at = strstr (text, "\"top_ten\" : false");

      g_string_append_len (out, text, at - text);
      g_string_append (out, "\"top_ten\" : ");
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (out, '[');
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (out, ']');
      g_string_append (out, at + strlen ("\"top_ten\" : false"));
    }
  else if (c->find != NULL)
    {
      const char *at = strstr (text, c->find);

      g_assert_nonnull (at);
      g_string_append_len (out, text, at - text);
      g_string_append (out, c->replace);
      g_string_append (out, at + strlen (c->find));
    }
  else if (g_str_equal (c->name, "truncated"))
    g_string_append_len (out, text, g_utf8_find_prev_char (text, text + g_bytes_get_size (dossier) / 2) - text);
  else if (g_str_equal (c->name, "concatenated"))
    g_string_append_printf (out, "%s{\"format\" : \"ic-workbench-dossier\"}", text);
  else if (g_str_equal (c->name, "assignment"))
    g_string_append_printf (out, "var dossier = %s", text);
  else if (g_str_equal (c->name, "digest"))
    {
      /* Another first character of the base64: the same size, other bytes. */
      const char *at = strstr (text, "\"content\" : \"") + strlen ("\"content\" : \"");

      g_string_append_len (out, text, at - text);
      g_string_append_c (out, *at == 'A' ? 'B' : 'A');
      g_string_append (out, at + 1);
    }
  else if (g_str_equal (c->name, "duplicate-id"))
    {
      /* The first record twice. */
      const char *first = strstr (text, "    {\n      \"kind\"");
      const char *second = strstr (first + 1, "    {\n      \"kind\"");

      g_string_append_len (out, text, second - text);
      g_string_append_len (out, first, second - first);
      g_string_append (out, second);
    }
  return g_string_free_to_bytes (out);
}

static void
test_corrupted (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before_empty = digest (f->empty_path);
  g_autofree char *before_sample = digest (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      const Corruption *c = &corruptions[i];
      g_autoptr(GBytes) bytes = corrupt (f->dossier, c);

      for (guint target = 0; target < 2; target++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) problems = NULL;
          g_autofree char *all = NULL;
          IcwStore *store = target == 0 ? f->empty : f->store;

          g_test_message ("%s into the %s database", c->name, target == 0 ? "empty" : "sample's");
          g_assert_false (import_bytes (store, bytes, NULL, &problems, &error));
          g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
          if (problems != NULL)
            {
              g_ptr_array_add (problems, NULL);
              all = g_strjoinv ("\n", (char **) problems->pdata);
            }
          if (c->written && target == 1)
            continue;
          if (strstr (error->message, c->message) == NULL && (all == NULL || strstr (all, c->message) == NULL))
            g_error ("%s: “%s” is not in “%s” nor in “%s”", c->name, c->message, error->message, all);
        }
    }
  /* Nothing written to either, not even an outbox row. */
  {
    g_autofree char *after_empty = digest (f->empty_path);
    g_autofree char *after_sample = digest (f->path);

    g_assert_cmpstr (after_empty, ==, before_empty);
    g_assert_cmpstr (after_sample, ==, before_sample);
  }
}

static void
cancel_at_ten (guint    done,
               guint    total,
               gpointer user_data)
{
  if (done == 10)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = digest (f->empty_path);
  g_autofree char *after = NULL;
  gsize length;
  const char *text = g_bytes_get_data (f->dossier, &length);

  /* Cancelled in the middle of the writes: the transaction is rolled back. */
  g_assert_false (icw_dossier_import (f->empty, text, length, cancellable, cancel_at_ten, cancellable,
                                      NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = digest (f->empty_path);
  g_assert_cmpstr (after, ==, before);
  /* And the store works on: the import runs whole afterwards. */
  g_clear_error (&error);
  g_assert_true (icw_dossier_import (f->empty, text, length, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

typedef struct {
  GCancellable *cancellable;   /* cancelled at the first progress report, when set */
  guint         n_reports;
  guint         last_done;
  guint         last_total;
  gboolean      main_thread_only;
  GAsyncResult *result;
} AsyncState;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  state->n_reports++;
  state->last_done = done;
  state->last_total = total;
  state->main_thread_only &= g_main_context_is_owner (g_main_context_default ());
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
write_dossier (Fixture    *f,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (f->dossier, NULL), (gssize) g_bytes_get_size (f->dossier), &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "dossier.json", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "again.json", NULL);
  g_autoptr(GListModel) centers = icw_store_list (f->empty, ICW_RECORD_KIND_CENTER, NULL);
  g_autofree char *text = NULL;
  AsyncState state = { NULL, 0, 0, 0, TRUE, NULL };
  guint n_written = 0;
  gsize length;

  write_dossier (f, file);
  g_main_context_acquire (g_main_context_default ());
  icw_dossier_import_async (f->empty, file, NULL, on_progress, &state, on_done, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (icw_dossier_import_finish (f->empty, state.result, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&state.result);
  /* Reported in the main context, ending with all done; the main store's lists reloaded. */
  g_assert_cmpuint (state.n_reports, >, 0);
  g_assert_true (state.main_thread_only);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_cmpuint (n_written, ==, state.last_total);
  g_assert_cmpuint (g_list_model_get_n_items (centers), ==, 1);

  /* The async export of what came in gives the same bytes. */
  {
    const char *ids[2] = { f->center_id, NULL };

    icw_dossier_export_async (f->empty, ids, exported, NULL, on_done, &state);
    while (state.result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (icw_dossier_export_finish (state.result, &error));
    g_assert_no_error (error);
    g_clear_object (&state.result);
  }
  g_file_get_contents (exported, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (text, length, g_bytes_get_data (f->dossier, NULL), g_bytes_get_size (f->dossier));
  g_main_context_release (g_main_context_default ());
}

static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *file = g_build_filename (f->dir, "dossier.json", NULL);
  g_autofree char *before = digest (f->empty_path);
  g_autofree char *after = NULL;
  AsyncState state = { NULL, 0, 0, 0, TRUE, NULL };
  sqlite3 *lock = icw_test_db_open (f->empty_path, SQLITE_OPEN_READWRITE, NULL);

  /* Cancelled while the thread waits for the write lock that another connection holds, so the
   * Cancel surely comes before the writes (test_cancel cancels in the middle of them). */
  write_dossier (f, file);
  g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  icw_dossier_import_async (f->empty, file, cancellable, on_progress, &state, on_done, &state);
  g_usleep (100 * 1000);
  g_cancellable_cancel (cancellable);
  g_assert_cmpint (sqlite3_exec (lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (icw_dossier_import_finish (f->empty, state.result, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&state.result);
  after = digest (f->empty_path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/dossier/round-trip", test_round_trip);
  ADD ("/dossier/whole-database", test_whole_database);
  ADD ("/dossier/corrupted", test_corrupted);
  ADD ("/dossier/version-1", test_version_1);
  ADD ("/dossier/user-role", test_user_role);
  ADD ("/dossier/submitted", test_submitted);
  ADD ("/dossier/store-refuses", test_store_refuses);
  ADD ("/dossier/cancel", test_cancel);
  ADD ("/dossier/async", test_async);
  ADD ("/dossier/async-cancel", test_async_cancel);
#undef ADD

  return g_test_run ();
}
