/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-refusals.c: changes the server refuses one by one. Against the real reference server
 * on loopback: a refused change goes to the attention list with its reason while the rest of the
 * batch is applied and the pull runs; a record too large for any batch is refused locally with its
 * name; a reviewer's refused edit discarded and a squatted ID re-keyed (these two skip against a
 * reference server without refusal codes). Against a small in-process server that speaks the
 * refusal codes of docs/sync-protocol.md: Discard My Change brings the server's version
 * back; a taken ID is re-keyed with its children and then syncs; a 413 halves the batch; a 403 on
 * the whole batch keeps the changes and still pulls; a 422 (key reused) drops the pending key. A
 * server that takes fewer changes a push than the client sends (the reference server set to the
 * 200 of before 2026-12, and a small one answering as that server did): the batch goes again in
 * smaller ones and every record arrives once; a batch of 1000 long records goes in halves. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "icw-center.h"
#include "icw-platform.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-json.h"
#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

typedef struct {
  char          *dir;
  IcwSyncServer *server;      /* the reference server */
  SoupServer    *fake;        /* or the small one */
  char          *url;
  char          *location;   /* the server's database (icw_test_server_location) */
  char          *admin;
  IcwCenter     *center;
  IcwStore      *a;
  IcwStore      *b;
  /* The small server's state. */
  GHashTable    *records;     /* id → the pulled change (JSON text) */
  GPtrArray     *order;       /* ids, in the order of storage */
  GHashTable    *refuse;      /* id → code */
  gsize          max_body;
  guint          push_status;   /* answer every push with it (403, 422), or 0 */
  guint          old_limit;     /* a push of more changes is a 400 as servers of before 2026-12 answered it */
  guint          pushes, too_large, too_many;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;

  f->dir = icw_test_make_tmp_dir ("icw-refusals-XXXXXX", NULL);
  path_a = g_build_filename (f->dir, "a.db", NULL);
  path_b = g_build_filename (f->dir, "b.db", NULL);
  f->a = icw_test_open_store (path_a);
  f->b = icw_test_open_store (path_b);
  f->center = icw_center_new ();
  icw_center_set_name (f->center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_province (f->center, "山东");
  icw_test_save (f->a, f->center);
  f->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->order = g_ptr_array_new_with_free_func (g_free);
  f->refuse = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->max_body = G_MAXSIZE;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->fake != NULL)
    soup_server_disconnect (f->fake);
  g_clear_object (&f->fake);
  g_clear_object (&f->server);
  g_clear_object (&f->center);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_pointer (&f->records, g_hash_table_unref);
  g_clear_pointer (&f->order, g_ptr_array_unref);
  g_clear_pointer (&f->refuse, g_hash_table_unref);
  g_free (f->url);
  g_free (f->location);
  g_free (f->admin);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

static void
start_reference (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  f->location = icw_test_server_location (f->dir);
  f->server = icw_sync_server_new (f->location, &error);
  g_assert_no_error (error);
  g_assert_true (icw_sync_server_listen (f->server, "127.0.0.1", 0, NULL, NULL, &error));
  g_assert_no_error (error);
  f->url = icw_sync_server_get_url (f->server);
  f->admin = icw_sync_server_add_token (f->server, "admin", icw_record_get_id (ICW_RECORD (f->center)), &error);
  g_assert_no_error (error);
}

static gboolean
sync_as (Fixture        *f,
         IcwStore       *store,
         const char     *token,
         IcwSyncReport  *report,
         GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(IcwSyncClient) c = icw_sync_client_new (store, f->url, token, &local);

  g_assert_no_error (local);
  icw_sync_client_set_limits (c, 3, 2, 3, 10, 100, 5);
  return icw_sync_client_run (c, ICW_SYNC_BOTH, report, error);
}

static gboolean
sync_store (Fixture        *f,
            IcwStore       *store,
            IcwSyncReport  *report,
            GError        **error)
{
  return sync_as (f, store, f->admin != NULL ? f->admin : "icw_fake", report, error);
}

static IcwSyncConflict *
only_conflict (IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = icw_store_list_conflicts (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  return g_ptr_array_steal_index (conflicts, 0);
}

/* Makes the outbox change of a record carry a name of `chars` characters, as data saved before the
 * store's length limits (or a record of a later kind) may: the store would not save it today. */
static void
inflate_outbox (Fixture    *f,
                IcwRecord  *record,
                gsize       chars,
                char        fill)
{
  g_autofree char *path = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *name = g_strnfill (chars, fill);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE outbox SET payload = json_set(payload, '$.name', ?1) "
                                           "WHERE record_id = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, icw_record_get_id (record), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), >=, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A platform whose organization the server never had: refused alone; the organization and the
 * center beside it in the batch are applied, and another device's change is pulled. */
static void
test_refused_rest_applies (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "济南智能传感研究院", NULL);
  g_autoptr(IcwPlatform) orphan = icw_platform_new ();
  g_autoptr(IcwSyncConflict) conflict = NULL;
  g_autoptr(IcwRecord) center_b = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  g_assert_true (sync_store (f, f->a, NULL, &error));
  g_assert_true (sync_store (f, f->b, NULL, &error));
  center_b = icw_store_lookup (f->b, ICW_RECORD_KIND_CENTER, icw_record_get_id (ICW_RECORD (f->center)), &error);
  g_assert_no_error (error);
  icw_center_set_city (ICW_CENTER (center_b), "济南");
  icw_test_save (f->b, center_b);
  g_assert_true (sync_store (f, f->b, NULL, &error));

  /* An organization only this computer has (as if the server had lost it). */
  g_assert_true (icw_store_apply_remote (f->a, ICW_RECORD_KIND_ORGANIZATION,
                                         "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"name\":\"幽灵单位\"}", "999", FALSE, &error));
  icw_platform_set_organization_id (orphan, "00000000-0000-4000-8000-000000000000");
  icw_platform_set_name (orphan, "孤儿平台");
  icw_test_save (f->a, orphan);
  icw_organization_set_name (org, "济南智能传感研究院（改）");
  icw_test_save (f->a, org);

  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rejected, ==, 1);
  g_assert_cmpuint (report.pushed, >=, 1);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  conflict = only_conflict (f->a);
  g_assert_cmpstr (conflict->record_id, ==, icw_record_get_id (ICW_RECORD (orphan)));
  g_assert_nonnull (conflict->reason);
  /* A server of the refusal codes says which (an older one only gives its reason). */
  if (conflict->code != NULL)
    g_assert_cmpstr (conflict->code, ==, "missing-parent");
  g_assert_nonnull (strstr (conflict->mine, "孤儿平台"));
  /* The pull ran: the other device's city arrived. */
  g_assert_cmpstr (icw_center_get_city (f->center), ==, "济南");
  /* Another run sends nothing again and still succeeds. */
  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_cmpuint (report.rejected, ==, 0);
}

/* A reviewer edits a center's organization (reviewers change only a submitted document's outcome):
 * the reference server refuses that change alone with "forbidden-change"; the reviewer's next pull
 * is not stopped, and Discard My Change brings the server's version back. (A server without
 * refusal codes refuses the whole batch with 403: then there is nothing to discard.) */
static void
test_reviewer_edit_discarded (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "济南智能传感研究院", NULL);
  g_autoptr(IcwRecord) seen = NULL;
  g_autoptr(IcwSyncConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  g_assert_true (sync_store (f, f->a, NULL, &error));
  reviewer = icw_sync_server_add_token (f->server, "reviewer", "山东", &error);
  g_assert_no_error (error);
  g_assert_true (sync_as (f, f->b, reviewer, NULL, &error));
  seen = icw_store_lookup (f->b, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (org)), &error);
  g_assert_no_error (error);
  icw_organization_set_name (ICW_ORGANIZATION (seen), "审核人改的名称");
  icw_test_save (f->b, seen);
  if (!sync_as (f, f->b, reviewer, &report, &error))
    {
      g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN);
      g_test_skip ("this server refuses the whole batch (no refusal codes)");
      return;
    }
  g_assert_cmpuint (report.rejected, ==, 1);
  conflict = only_conflict (f->b);
  g_assert_cmpstr (conflict->code, ==, "forbidden-change");
  g_assert_cmpint (icw_store_count_outbox (f->b), ==, 0);

  /* The administrator's later change still reaches the reviewer. */
  icw_center_set_city (f->center, "济南");
  icw_test_save (f->a, f->center);
  g_assert_true (sync_store (f, f->a, NULL, &error));
  g_assert_true (sync_as (f, f->b, reviewer, NULL, &error));
  {
    g_autoptr(IcwRecord) center = icw_store_lookup (f->b, ICW_RECORD_KIND_CENTER,
                                                    icw_record_get_id (ICW_RECORD (f->center)), &error);
    g_assert_cmpstr (icw_center_get_city (ICW_CENTER (center)), ==, "济南");
  }

  g_assert_true (icw_store_resolve_conflict (f->b, conflict->seq, ICW_CONFLICT_DISCARD_MINE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sync_as (f, f->b, reviewer, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (seen)), ==, "济南智能传感研究院");
  g_assert_cmpint (icw_store_count_conflicts (f->b), ==, 0);
}

/* Another center's administrator pushes an organization under the ID of one of ours that was not
 * synced yet (ID squatting): the reference server refuses ours as "id-taken"; Discard My Change
 * gives ours a new ID, and it syncs. (A server without refusal codes answers 403 for the batch.) */
static void
test_squatted_id_rekeyed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(IcwOrganization) ours = icw_test_save_organization (f->a, "我们的单位", NULL);
  g_autofree char *squatted = g_strdup (icw_record_get_id (ICW_RECORD (ours)));
  g_autofree char *path = g_build_filename (f->dir, "c.db", NULL);
  g_autoptr(IcwStore) c = icw_test_open_store (path);
  g_autoptr(IcwCenter) other = icw_center_new ();
  g_autoptr(IcwRecord) copy = NULL;
  g_autoptr(IcwSyncConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_token = NULL;
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"抢注\"}", squatted);
  g_autofree char *new_id = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  icw_center_set_name (other, "另一个中心");
  icw_center_set_province (other, "山东");
  icw_test_save (c, other);
  other_token = icw_sync_server_add_token (f->server, "admin", icw_record_get_id (ICW_RECORD (other)), &error);
  g_assert_no_error (error);
  g_assert_true (icw_store_apply_remote (c, ICW_RECORD_KIND_ORGANIZATION, json, NULL, FALSE, &error));
  copy = icw_store_lookup (c, ICW_RECORD_KIND_ORGANIZATION, squatted, &error);
  g_assert_no_error (error);
  icw_organization_set_name (ICW_ORGANIZATION (copy), "抢注的单位");
  icw_test_save (c, copy);
  g_assert_true (sync_as (f, c, other_token, NULL, &error));
  g_assert_no_error (error);

  if (!sync_store (f, f->a, &report, &error))
    {
      g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN);
      g_test_skip ("this server refuses the whole batch (no refusal codes)");
      return;
    }
  conflict = only_conflict (f->a);
  g_assert_cmpstr (conflict->code, ==, "id-taken");
  g_assert_true (icw_store_resolve_conflict (f->a, conflict->seq, ICW_CONFLICT_DISCARD_MINE, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (ours)), ==, new_id);
  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rejected, ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_nonnull (icw_record_get_revision (ICW_RECORD (ours)));
  g_assert_cmpstr (icw_organization_get_name (ours), ==, "我们的单位");
}

/* A batch over the server's 8 MiB limit is halved before it goes (each record under the 1 MiB
 * string limit, twelve of them about 10.8 MB). */
static void
test_large_batch_halved (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("单位 %d", i);
      g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, name, NULL);

      inflate_outbox (f, ICW_RECORD (org), 900 * 1000, 'y');
    }
  c = icw_sync_client_new (f->a, f->url, f->admin, &error);
  icw_sync_client_set_limits (c, 100, 100, 3, 10, 100, 30);
  g_assert_true (icw_sync_client_run (c, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  /* Never a 413 nor a 400 for the batch: each change is answered (a server that checks names
   * against their limit refuses the long ones one by one). */
  g_assert_cmpuint (report.pushed + report.rejected, ==, 13);
  g_assert_cmpuint (report.pushed, >=, 1);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* Records of 2 MB and 10 MB (over the protocol's 1 MiB limit of one record; the second over the
 * 8 MiB body limit alone): refused here, named in the attention list; the rest is applied by the
 * reference server, which never sees them. */
static void
test_oversize_text_refused_here (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(IcwOrganization) fine G_GNUC_UNUSED = icw_test_save_organization (f->a, "正常单位", NULL);
  g_autoptr(IcwOrganization) big = icw_test_save_organization (f->a, "大单位", NULL);
  g_autoptr(IcwOrganization) huge = icw_test_save_organization (f->a, "巨大单位", NULL);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  inflate_outbox (f, ICW_RECORD (big), 2 * 1000 * 1000, 'x');
  inflate_outbox (f, ICW_RECORD (huge), 10 * 1000 * 1000, 'z');
  start_reference (f);
  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rejected, ==, 2);
  g_assert_cmpuint (report.pushed, ==, 2);   /* the center and the fine one */
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 2);
  conflicts = icw_store_list_conflicts (f->a, &error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  for (guint i = 0; i < conflicts->len; i++)
    g_assert_cmpstr (((IcwSyncConflict *) conflicts->pdata[i])->code, ==, "too-large");
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* The small server: applies everything it is not told to refuse. */
static void
fake_push (Fixture           *f,
           SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new ("{\"results\":[");
  JsonArray *changes;

  f->pushes++;
  if (f->push_status != 0)
    {
      soup_server_message_set_status (msg, f->push_status, NULL);
      return;
    }
  if ((gsize) body->length > f->max_body)
    {
      f->too_large++;
      soup_server_message_set_status (msg, 413, NULL);
      return;
    }
  g_assert_true (json_parser_load_from_data (parser, body->data, body->length, NULL));
  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
  if (f->old_limit > 0 && json_array_get_length (changes) > f->old_limit)
    {
      g_autofree char *refusal = g_strdup_printf ("{\"error\":\"bad-request\",\"message\":\"A push has 1 to %u changes\"}",
                                                  f->old_limit);

      f->too_many++;
      soup_server_message_set_status (msg, 400, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, refusal, strlen (refusal));
      return;
    }
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *id = json_object_get_string_member (change, "id");
      const char *code = g_hash_table_lookup (f->refuse, id);

      if (i > 0)
        g_string_append_c (out, ',');
      if (code != NULL)
        {
          g_string_append_printf (out, "{\"id\":\"%s\",\"status\":\"rejected\",\"code\":\"%s\","
                                  "\"reason\":\"Refused by the test server\",\"field\":null}", id, code);
          continue;
        }
      g_ptr_array_add (f->order, g_strdup (id));
      json_object_set_string_member (change, "revision", g_strdup_printf ("%u", f->order->len));
      json_object_set_boolean_member (change, "deleted", g_str_equal (json_object_get_string_member (change, "op"), "delete"));
      json_object_remove_member (change, "op");
      json_object_remove_member (change, "base_revision");
      {
        g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), change);
        g_hash_table_replace (f->records, g_strdup (id), json_to_string (node, FALSE));
      }
      g_string_append_printf (out, "{\"id\":\"%s\",\"status\":\"applied\",\"revision\":\"%u\"}", id, f->order->len);
    }
  g_string_append (out, "]}");
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, out->str, out->len);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  Fixture *f = data;
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_str_equal (path, "/v1/push"))
    {
      fake_push (f, msg);
      return;
    }
  if (g_str_has_prefix (path, "/v1/records/"))
    {
      const char *json = g_hash_table_lookup (f->records, strrchr (path, '/') + 1);

      soup_server_message_set_status (msg, json != NULL ? 200 : 404, NULL);
      if (json != NULL)
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
      return;
    }
  /* The pull: everything after the cursor, latest state of each record, in one page. */
  {
    const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
    guint from = cursor != NULL ? (guint) g_ascii_strtoull (cursor, NULL, 10) : 0;
    g_autoptr(GHashTable) sent = g_hash_table_new (g_str_hash, g_str_equal);

    g_string_append (out, "{\"changes\":[");
    for (guint i = f->order->len; i > from; i--)
      if (g_hash_table_add (sent, f->order->pdata[i - 1]))
        g_string_append_printf (out, "%s%s", g_hash_table_size (sent) > 1 ? "," : "",
                                (char *) g_hash_table_lookup (f->records, f->order->pdata[i - 1]));
    g_string_append_printf (out, "],\"cursor\":\"%u\",\"has_more\":false}", f->order->len);
  }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, out->str, out->len);
}

static void
start_fake (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->fake = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->fake, NULL, fake_handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->fake, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->fake);
  f->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

/* An edit the server refuses (a reviewer's, say): Discard My Change brings the server's back. */
static void
test_discard_restores (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "原来的名称", NULL);
  g_autoptr(IcwSyncConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  start_fake (f);
  g_assert_true (sync_store (f, f->a, NULL, &error));
  icw_organization_set_name (org, "被拒绝的名称");
  icw_test_save (f->a, org);
  g_hash_table_insert (f->refuse, g_strdup (icw_record_get_id (ICW_RECORD (org))), g_strdup ("forbidden-change"));

  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_cmpuint (report.rejected, ==, 1);
  conflict = only_conflict (f->a);
  g_assert_cmpstr (conflict->code, ==, "forbidden-change");
  g_assert_cmpstr (conflict->reason, ==, "Refused by the test server");
  g_assert_cmpstr (icw_organization_get_name (org), ==, "被拒绝的名称");

  g_assert_true (icw_store_resolve_conflict (f->a, conflict->seq, ICW_CONFLICT_DISCARD_MINE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_store_count_conflicts (f->a), ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_cmpstr (icw_organization_get_name (org), ==, "原来的名称");
  g_assert_cmpuint (f->pushes, ==, 2);   /* nothing went out again */
}

/* Another center took the ID of a new organization first: Discard My Change gives it a new ID, its
 * platform follows, and both sync. */
static void
test_id_taken_rekeys (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "新单位", NULL);
  g_autoptr(IcwPlatform) platform = icw_platform_new ();
  g_autofree char *old_id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  IcwSyncReport report = { 0, };
  IcwSyncConflict *taken = NULL;

  icw_platform_set_organization_id (platform, old_id);
  icw_platform_set_name (platform, "新单位的平台");
  icw_test_save (f->a, platform);
  start_fake (f);
  g_hash_table_insert (f->refuse, g_strdup (old_id), g_strdup ("id-taken"));
  g_hash_table_insert (f->refuse, g_strdup (icw_record_get_id (ICW_RECORD (platform))), g_strdup ("missing-parent"));

  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_cmpuint (report.rejected, ==, 2);
  conflicts = icw_store_list_conflicts (f->a, &error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  for (guint i = 0; i < conflicts->len; i++)
    if (g_strcmp0 (((IcwSyncConflict *) conflicts->pdata[i])->code, "id-taken") == 0)
      taken = conflicts->pdata[i];
  g_assert_nonnull (taken);

  g_hash_table_remove_all (f->refuse);
  g_assert_true (icw_store_resolve_conflict (f->a, taken->seq, ICW_CONFLICT_DISCARD_MINE, &new_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (new_id);
  g_assert_cmpstr (new_id, !=, old_id);
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (org)), ==, new_id);
  g_assert_cmpstr (icw_platform_get_organization_id (platform), ==, new_id);
  g_assert_cmpint (icw_store_count_conflicts (f->a), ==, 0);   /* the platform's refusal went too */

  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_cmpuint (report.rejected, ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_true (g_hash_table_contains (f->records, new_id));
  g_assert_false (g_hash_table_contains (f->records, old_id));
  g_assert_nonnull (strstr (g_hash_table_lookup (f->records, icw_record_get_id (ICW_RECORD (platform))), new_id));
}

/* A record too large for any batch: halved down to itself, then refused here with its name. */
static void
test_too_large_alone (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IcwOrganization) small G_GNUC_UNUSED = icw_test_save_organization (f->a, "小单位", NULL);
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "大单位", NULL);
  g_autoptr(IcwSyncConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  inflate_outbox (f, ICW_RECORD (org), 3000, 'x');
  start_fake (f);
  f->max_body = 1200;
  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_no_error (error);
  conflict = only_conflict (f->a);
  g_assert_cmpstr (conflict->record_id, ==, icw_record_get_id (ICW_RECORD (org)));
  g_assert_cmpstr (conflict->code, ==, "too-large");
  g_assert_cmpuint (report.rejected, ==, 1);
  g_assert_cmpuint (report.pushed, ==, 2);   /* the center and the small one */
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* A 413 halves the batch until it fits. */
static void
test_413_splits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("单位 %d %s", i, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
      g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->a, name, NULL);
    }
  start_fake (f);
  f->max_body = 1200;   /* about two records */
  g_assert_true (sync_store (f, f->a, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 3);
  g_assert_cmpuint (report.rejected, ==, 0);
  g_assert_cmpuint (f->too_large, >=, 1);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* A token that may not push at all (403 on the batch): the changes wait, the pull still runs,
 * and the run ends with the error. */
static void
test_forbidden_batch_still_pulls (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->a, "等待发送的单位", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) pulled = NULL;

  start_fake (f);
  g_ptr_array_add (f->order, g_strdup ("o-server"));
  g_hash_table_insert (f->records, g_strdup ("o-server"),
                       g_strdup ("{\"kind\":\"organization\",\"id\":\"o-server\",\"revision\":\"1\",\"deleted\":false,"
                                 "\"record\":{\"id\":\"o-server\",\"name\":\"服务器上的单位\"}}"));
  f->push_status = 403;
  g_assert_false (sync_store (f, f->a, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 2);   /* the center and the organization */
  pulled = icw_store_lookup (f->a, ICW_RECORD_KIND_ORGANIZATION, "o-server", NULL);
  g_assert_nonnull (pulled);
  g_assert_cmpuint (f->pushes, ==, 1);
}

/* 422 (the key was used with another body): the key is dropped, so the next run sends the outbox
 * as it is under a new key. */
static void
test_key_reused_422 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->a, "单位", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  start_fake (f);
  f->push_status = 422;
  g_assert_false (sync_store (f, f->a, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_HTTP);
  keys = icw_store_sync_state_keys (f->a, "pending-key ");
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  g_clear_error (&error);
  f->push_status = 0;
  g_assert_true (sync_store (f, f->a, NULL, &error));
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* n organizations saved in one transaction. */
static void
save_organizations (Fixture *f,
                    guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_store_begin_batch (f->a, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("单位 %04u", i);
      g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->a, name, NULL);
    }
  g_assert_true (icw_store_commit_batch (f->a, &error));
  g_assert_no_error (error);
}

static IcwSyncClient *
client_of_batches (Fixture *f,
                   guint    max_attempts)
{
  g_autoptr(GError) error = NULL;
  IcwSyncClient *c = icw_sync_client_new (f->a, f->url, f->admin != NULL ? f->admin : "icw_fake", &error);

  g_assert_no_error (error);
  icw_sync_client_set_limits (c, ICW_SYNC_JSON_MAX_CHANGES, 100, max_attempts, 10, 100, 30);
  return c;
}

/* The reference server set to take 200 changes a push, as servers of before 2026-12: the client's
 * first batch of 1000 is refused whole with the limit named, and the rows go again in batches of
 * 200 under new keys: every record is stored once, nothing is left in the outbox. */
static void
test_older_server_limit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  icw_sync_server_set_max_changes (f->server, ICW_SYNC_JSON_V1_MAX_CHANGES);
  save_organizations (f, 1100);
  c = client_of_batches (f, 3);
  g_assert_true (icw_sync_client_run (c, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 1101);   /* the center and the organizations */
  g_assert_cmpuint (report.rejected + report.conflicts, ==, 0);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 1101);   /* each stored once */
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_cmpuint (icw_sync_server_get_requests (f->server), ==, 1 + 6);   /* the batch refused, then 6 of up to 200 */
}

/* A server of before 2026-12 as it answered a push of over 200 changes (400 "bad-request", no
 * limit named): the client sends batches of 200, and every record arrives once. */
static void
test_older_server_bad_request (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  IcwSyncReport report = { 0, };

  start_fake (f);
  f->old_limit = ICW_SYNC_JSON_V1_MAX_CHANGES;
  save_organizations (f, 450);
  c = client_of_batches (f, 3);
  g_assert_true (icw_sync_client_run (c, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 451);
  g_assert_cmpuint (f->too_many, ==, 1);
  g_assert_cmpuint (f->pushes, ==, 1 + 3);
  for (guint i = 0; i < f->order->len; i++)
    g_assert_true (g_hash_table_add (ids, f->order->pdata[i]));   /* none twice */
  g_assert_cmpuint (f->order->len, ==, 451);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* A batch of 1000 stored whose answer was lost, sent again to a server that now takes 200 (a
 * process of the older version behind the same database): refused whole, its rows go again in
 * batches of 200 under new keys and are answered "applied" with the revisions stored: nothing is
 * stored twice, nothing is a conflict. */
static void
test_pending_batch_over_limit (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(IcwSyncClient) first = NULL;
  g_autoptr(IcwSyncClient) again = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  save_organizations (f, 1100);
  icw_sync_server_inject_fault (f->server, ICW_SYNC_FAULT_DROP_AFTER_COMMIT, "/v1/push", 1, 0);
  first = client_of_batches (f, 1);
  g_assert_false (icw_sync_client_run (first, ICW_SYNC_PUSH, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 1000);   /* the batch was stored */

  icw_sync_server_set_max_changes (f->server, ICW_SYNC_JSON_V1_MAX_CHANGES);
  again = client_of_batches (f, 3);
  g_assert_true (icw_sync_client_run (again, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, 1101);
  g_assert_cmpuint (report.rejected + report.conflicts, ==, 0);
  g_assert_cmpint (icw_store_count_conflicts (f->a), ==, 0);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 1101);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* A batch of 1000 records of 9,000 bytes each (9 MB, over the 8 MiB body limit) goes in two
 * halves of 500 to the reference server, never as a 413 or a 400: each change is answered once
 * (the long names refused one by one by the server's check, the center applied). */
static void
test_thousand_long_records_halved (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *name = g_strnfill (9000, 'y');
  g_autofree char *sql = g_strdup_printf ("UPDATE outbox SET payload = json_set(payload, '$.name', '%s') "
                                          "WHERE kind = 'organization'", name);
  g_autoptr(IcwSyncClient) c = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  IcwSyncReport report = { 0, };

  start_reference (f);
  save_organizations (f, 999);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 999);
  sqlite3_close (db);
  c = client_of_batches (f, 3);
  g_assert_true (icw_sync_client_run (c, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed + report.rejected, ==, 1000);
  g_assert_cmpuint (report.pushed, >=, 1);
  g_assert_cmpuint (icw_sync_server_get_requests (f->server), ==, 2);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-refusals/refused-rest-applies", test_refused_rest_applies);
  ADD ("/sync-refusals/reviewer-edit-discarded", test_reviewer_edit_discarded);
  ADD ("/sync-refusals/squatted-id-rekeyed", test_squatted_id_rekeyed);
  ADD ("/sync-refusals/large-batch-halved", test_large_batch_halved);
  ADD ("/sync-refusals/too-large-alone", test_too_large_alone);
  ADD ("/sync-refusals/oversize-text-refused-here", test_oversize_text_refused_here);
  ADD ("/sync-refusals/discard-restores", test_discard_restores);
  ADD ("/sync-refusals/id-taken-rekeys", test_id_taken_rekeys);
  ADD ("/sync-refusals/413-splits", test_413_splits);
  ADD ("/sync-refusals/forbidden-batch-still-pulls", test_forbidden_batch_still_pulls);
  ADD ("/sync-refusals/key-reused-422", test_key_reused_422);
  ADD ("/sync-refusals/older-server-limit", test_older_server_limit);
  ADD ("/sync-refusals/older-server-bad-request", test_older_server_bad_request);
  ADD ("/sync-refusals/pending-batch-over-limit", test_pending_batch_over_limit);
  ADD ("/sync-refusals/thousand-long-records-halved", test_thousand_long_records_halved);
  return g_test_run ();
}
