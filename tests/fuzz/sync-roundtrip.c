/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync-roundtrip.c: an input pushed through the reference server and read back (docs/fuzzing.md).
 *
 * The input is lines of `KIND OP RECORD`: OP `u` is an upsert, `d` a delete (`U` and `D` the
 * same with the center's ID as the change's ID, for the center itself), anything else is sent as
 * it is; RECORD is raw bytes put into the batch unchanged (so they may break the JSON),
 * after `$ID` (this change's ID), `$C` (the center's ID) and `$1`..`$9` (the ID of that line)
 * are replaced. Each input gets a fresh center and an administrator token of it, so that a pull of
 * the center returns this input's records and nothing else. Properties checked:
 * - the server answers every push and pull (no crash, no 5xx), with JSON the client accepts;
 * - a pull of the center succeeds and passes the client's validator
 *   (icw_sync_json_validate_pull_response);
 * - every change answered `applied` comes back with its revision, its deletion flag and every
 *   member it was pushed with, unchanged (the server may add members); nothing else comes back;
 * - every row the server stored is valid UTF-8 and JSON it can write back. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "icw-sync-json.h"
#include "icw-sync-server-private.h"
#include "sync-roundtrip.h"

#define MAX_CHANGES 200   /* the server's limit of changes a push, as servers of before 2026-12 (the
                           * protocol's 1000 would need inputs five times as long to reach it) */
#define MAX_LINES 220     /* a little over it, so the limit is fuzzed too */
#define MAX_REREAD 4      /* GET /v1/records for the first few applied records */

struct _IcwRoundtrip
{
  char              *dir;
  IcwSyncServer     *server;
  char              *url;
  SoupSession       *session;
  sqlite3           *db;      /* the server's database, read-only, to look at what it stored */
  guint              n;       /* inputs run, for fresh IDs */
  IcwRoundtripStats  stats;
};

typedef struct {
  char       *kind;
  gboolean    deleted;
  char       *revision;
  JsonNode   *record;
} Expected;

static void
expected_free (Expected *expected)
{
  g_free (expected->kind);
  g_free (expected->revision);
  json_node_unref (expected->record);
  g_free (expected);
}

/* A temporary directory, in memory when there is a RAM file system: the server syncs every commit,
 * and on a disk that sets the pace (75 inputs a second instead of 420 on the reference machine). */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (g_access ("/dev/shm", W_OK) == 0)
    {
      /* The server's scratch database (for checking records) goes under TMPDIR as well. */
      g_setenv ("TMPDIR", "/dev/shm", TRUE);
      dir = g_strdup ("/dev/shm/icw-roundtrip-XXXXXX");
      if (g_mkdtemp (dir) != NULL)
        return dir;
      g_free (dir);
    }
  dir = g_dir_make_tmp ("icw-roundtrip-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

IcwRoundtrip *
icw_roundtrip_new (void)
{
  IcwRoundtrip *self = g_new0 (IcwRoundtrip, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* A warning is the server skipping a row it stored or failing to write an answer: a finding. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  self->dir = make_dir ();
  path = g_build_filename (self->dir, "server.db", NULL);
  self->server = icw_sync_server_new (path, &error);
  g_assert_no_error (error);
  icw_sync_server_set_max_changes (self->server, MAX_CHANGES);
  if (!icw_sync_server_listen (self->server, "127.0.0.1", 0, NULL, NULL, &error))
    g_error ("roundtrip: cannot listen: %s", error->message);
  self->url = icw_sync_server_get_url (self->server);
  self->session = soup_session_new_with_options ("timeout", 30, NULL);
  g_assert_cmpint (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return self;
}

void
icw_roundtrip_free (IcwRoundtrip *self)
{
  sqlite3_close (self->db);
  g_clear_object (&self->session);
  g_clear_object (&self->server);
  /* The database, its WAL, and the migration's backups. */
  {
    g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (self->dir, name, NULL);
        g_remove (path);
      }
  }
  g_rmdir (self->dir);
  g_free (self->dir);
  g_free (self->url);
  g_free (self);
}

const IcwRoundtripStats *
icw_roundtrip_stats (IcwRoundtrip *self)
{
  return &self->stats;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A request answered by the server on this same main context; the body in *answer. */
static guint
request (IcwRoundtrip *self,
         const char   *method,
         const char   *path,
         const char   *token,
         GString      *body,
         GBytes      **answer)
{
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  g_assert (msg != NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body->str, body->len);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  *answer = soup_session_send_and_read_finish (self->session, result, &error);
  g_object_unref (result);
  if (*answer == NULL)
    g_error ("roundtrip: %s %s got no answer: %s", method, path, error->message);
  return soup_message_get_status (msg);
}

static JsonNode *
parse_answer (GBytes     *answer,
              const char *what)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = icw_sync_json_parse_object (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                                               ICW_SYNC_JSON_MAX_BODY, &error);

  if (root == NULL)
    g_error ("roundtrip: the answer to %s is not JSON the client accepts: %s", what, error->message);
  return root;
}

static void
append_json_string (GString    *out,
                    const char *text,
                    gsize       length)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
        g_string_append_c (out, c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_c (out, '"');
}

static char *
line_id (guint n,
         guint line)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", n, line + 1);
}

/* RECORD with its placeholders replaced. */
static void
append_record (GString    *out,
               const char *record,
               gsize       length,
               guint       n,
               guint       line,
               const char *center)
{
  for (gsize i = 0; i < length; i++)
    {
      if (record[i] == '$' && i + 2 < length && record[i + 1] == 'I' && record[i + 2] == 'D')
        {
          g_autofree char *id = line_id (n, line);
          g_string_append (out, id);
          i += 2;
        }
      else if (record[i] == '$' && i + 1 < length && record[i + 1] == 'C')
        {
          g_string_append (out, center);
          i += 1;
        }
      else if (record[i] == '$' && i + 1 < length && record[i + 1] >= '1' && record[i + 1] <= '9')
        {
          g_autofree char *id = line_id (n, record[i + 1] - '1');
          g_string_append (out, id);
          i += 1;
        }
      else
        g_string_append_c (out, record[i]);
    }
}

/* One line as a change. */
static void
append_change (GString    *out,
               const char *line,
               gsize       length,
               guint       n,
               guint       index,
               const char *center)
{
  const char *space = memchr (line, ' ', length);
  gsize kind_length = space != NULL ? (gsize) (space - line) : length;
  const char *rest = space != NULL ? space + 1 : line + length;
  gsize rest_length = length - (rest - line);
  const char *space2 = memchr (rest, ' ', rest_length);
  gsize op_length = space2 != NULL ? (gsize) (space2 - rest) : rest_length;
  const char *record = space2 != NULL ? space2 + 1 : "{}";
  gsize record_length = space2 != NULL ? rest_length - op_length - 1 : 2;
  gboolean own = op_length == 1 && (rest[0] == 'U' || rest[0] == 'D');
  g_autofree char *id = own ? g_strdup (center) : line_id (n, index);

  g_string_append (out, "{\"kind\":");
  append_json_string (out, line, MIN (kind_length, 64));
  g_string_append_printf (out, ",\"id\":\"%s\",\"op\":", id);
  if (op_length == 1 && (rest[0] == 'u' || rest[0] == 'U'))
    g_string_append (out, "\"upsert\"");
  else if (op_length == 1 && (rest[0] == 'd' || rest[0] == 'D'))
    g_string_append (out, "\"delete\"");
  else
    append_json_string (out, rest, MIN (op_length, 16));
  g_string_append (out, ",\"base_revision\":null,\"record\":");
  append_record (out, record, record_length, n, index, center);
  g_string_append_c (out, '}');
}

static GString *
make_batch (const guint8 *data,
            gsize         size,
            guint         n,
            const char   *center)
{
  GString *body = g_string_new (NULL);
  const char *p = (const char *) data;
  const char *end = p + size;
  guint lines = 0;

  g_string_append_printf (body, "{\"idempotency_key\":\"roundtrip-%08x-key\",\"changes\":[", n);
  while (p < end && lines < MAX_LINES)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *stop = newline != NULL ? newline : end;

      if (stop > p)
        {
          if (lines > 0)
            g_string_append_c (body, ',');
          append_change (body, p, stop - p, n, lines++, center);
        }
      p = stop + 1;
    }
  g_string_append (body, "]}");
  return body;
}

/* Every member pushed comes back unchanged; the server may add members. */
static void
assert_same_record (JsonNode   *pushed,
                    JsonNode   *pulled,
                    const char *id)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (pushed) || !JSON_NODE_HOLDS_OBJECT (pulled))
    g_error ("roundtrip: %s was applied but is not an object both ways", id);
  json_object_iter_init (&iter, json_node_get_object (pushed));
  while (json_object_iter_next (&iter, &name, &value))
    {
      JsonNode *back = json_object_get_member (json_node_get_object (pulled), name);

      if (back == NULL || !json_node_equal (value, back))
        {
          g_autofree char *a = json_to_string (pushed, FALSE);
          g_autofree char *b = json_to_string (pulled, FALSE);
          g_error ("roundtrip: %s member “%s” changed:\npushed %s\npulled %s", id, name, a, b);
        }
    }
}

/* The push answer: checked as the client checks it; the applied changes become expectations. */
static void
collect_applied (IcwRoundtrip *self,
                 JsonNode     *request_root,
                 JsonNode     *answer,
                 GHashTable   *expected)
{
  JsonArray *changes = json_object_get_array_member (json_node_get_object (request_root), "changes");
  JsonArray *results = json_object_get_array_member (json_node_get_object (answer), "results");
  g_autoptr(GError) error = NULL;

  if (!icw_sync_json_validate_push_response (answer, json_array_get_length (changes), &error))
    g_error ("roundtrip: the push answer fails the client's validator: %s", error->message);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *status = json_object_get_string_member (result, "status");
      Expected *e;

      if (g_str_equal (status, "rejected"))
        self->stats.rejected++;
      else if (g_str_equal (status, "conflict"))
        self->stats.conflicts++;
      if (!g_str_equal (status, "applied"))
        continue;
      self->stats.applied++;
      g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, json_object_get_string_member (change, "id"));
      e = g_new0 (Expected, 1);
      e->kind = g_strdup (json_object_get_string_member (change, "kind"));
      e->deleted = g_str_equal (json_object_get_string_member (change, "op"), "delete");
      e->revision = g_strdup (json_object_get_string_member (result, "revision"));
      e->record = json_node_ref (json_object_get_member (change, "record"));
      g_hash_table_replace (expected, g_strdup (json_object_get_string_member (change, "id")), e);
    }
}

/* The center pulled from the beginning, page by page: id → the last change seen. */
static GHashTable *
pull_all (IcwRoundtrip *self,
          const char   *token)
{
  GHashTable *pulled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  g_autofree char *cursor = g_strdup ("");
  gboolean more = TRUE;

  for (guint page = 0; more; page++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/pull?limit=100&cursor=%s", cursor);
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      JsonArray *changes;
      guint status = request (self, "GET", path, token, NULL, &answer);

      if (status != 200)
        g_error ("roundtrip: a pull of the center got %u: %.*s", status,
                 (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
      root = parse_answer (answer, "a pull");
      if (!icw_sync_json_validate_pull_response (root, &error))
        g_error ("roundtrip: a pull answer fails the client's validator: %s", error->message);
      g_assert_cmpuint (page, <, 10);
      changes = json_object_get_array_member (json_node_get_object (root), "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonNode *change = json_array_get_element (changes, i);
          g_hash_table_replace (pulled, g_strdup (json_object_get_string_member (json_node_get_object (change), "id")),
                                json_node_ref (change));
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member (json_node_get_object (root), "cursor"));
      more = json_object_get_boolean_member (json_node_get_object (root), "has_more");
    }
  return pulled;
}

static void
compare (const char *id,
         Expected   *e,
         JsonNode   *change)
{
  JsonObject *object;

  if (change == NULL)
    g_error ("roundtrip: %s was applied but does not come back in a pull", id);
  object = json_node_get_object (change);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, e->kind);
  g_assert_cmpstr (json_object_get_string_member (object, "revision"), ==, e->revision);
  g_assert_cmpint (json_object_get_boolean_member (object, "deleted"), ==, e->deleted);
  assert_same_record (e->record, json_object_get_member (object, "record"), id);
}

/* A few applied records read again one by one, as GET /v1/records gives them. */
static void
reread (IcwRoundtrip *self,
        const char   *token,
        const char   *id,
        Expected     *e)
{
  g_autofree char *path = g_strdup_printf ("/v1/records/%s/%s", e->kind, id);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (strchr (e->kind, '/') != NULL || strchr (e->kind, '?') != NULL || strchr (e->kind, '%') != NULL)
    return;
  if (request (self, "GET", path, token, NULL, &answer) != 200)
    g_error ("roundtrip: %s was applied but GET %s fails", id, path);
  root = parse_answer (answer, path);
  if (!icw_sync_json_validate_record (json_node_get_object (root), TRUE, &error))
    g_error ("roundtrip: GET %s fails the client's validator: %s", path, error->message);
  compare (id, e, root);
}

/* What the server stored for the center, read from its database directly. */
static void
check_stored (IcwRoundtrip *self,
              const char   *center)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (self->db, "SELECT id, payload, review FROM records WHERE center_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, center, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int column = 1; column <= 2; column++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        int length = sqlite3_column_bytes (stmt, column);
        g_autoptr(JsonNode) node = NULL;
        g_autofree char *again = NULL;

        if (text == NULL && column == 2)
          continue;
        if (text == NULL || !g_utf8_validate_len (text, length, NULL))
          g_error ("roundtrip: the server stored text that is not UTF-8 for %s", sqlite3_column_text (stmt, 0));
        node = icw_sync_json_parse_object (text, length, G_MAXSIZE, NULL);
        if (node == NULL || (again = json_to_string (node, FALSE)) == NULL)
          g_error ("roundtrip: the server stored JSON it cannot write back for %s: %s",
                   sqlite3_column_text (stmt, 0), text);
      }
  sqlite3_finalize (stmt);
}

static void
check_pulled (IcwRoundtrip *self,
              const char   *token,
              GHashTable   *expected)
{
  g_autoptr(GHashTable) pulled = pull_all (self, token);
  GHashTableIter iter;
  const char *id;
  Expected *e;
  guint reread_count = 0;

  g_assert_cmpuint (g_hash_table_size (pulled), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &e))
    {
      compare (id, e, g_hash_table_lookup (pulled, id));
      if (reread_count++ < MAX_REREAD)
        reread (self, token, id, e);
    }
}

void
icw_roundtrip_run (IcwRoundtrip *self,
                   const guint8 *data,
                   gsize         size)
{
  guint n = ++self->n;
  g_autofree char *center = g_strdup_printf ("%08x-cccc-4ccc-8ccc-cccccccccccc", n);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = icw_sync_server_add_token (self->server, "admin", center, &error);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) expected_free);
  g_autoptr(GString) body = make_batch (data, size, n, center);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint status;

  g_assert_no_error (error);
  self->stats.inputs++;
  status = request (self, "POST", "/v1/push", token, body, &answer);
  root = parse_answer (answer, "a push");
  if (status == 200)
    {
      /* Read as the server reads it: text that is not Unicode marked first. */
      gsize marked_length = 0;
      g_autofree char *marked = icw_server_mark_bad_text (body->str, body->len, &marked_length);
      g_autoptr(JsonNode) sent = marked != NULL ? icw_sync_json_parse_object (marked, marked_length, G_MAXSIZE, NULL)
                                                : icw_sync_json_parse_object (body->str, body->len, G_MAXSIZE, NULL);

      g_assert (sent != NULL);   /* the server parsed it the same way */
      collect_applied (self, sent, root, expected);
    }
  else if (status == 400 || status == 413)
    {
      self->stats.pushes_refused++;
      if (g_getenv ("ICW_ROUNDTRIP_VERBOSE") != NULL)
        g_printerr ("%u %.*s\n", status, (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
    }
  else
    g_error ("roundtrip: a push got %u: %.*s", status, (int) g_bytes_get_size (answer),
             (const char *) g_bytes_get_data (answer, NULL));
  check_stored (self, center);
  check_pulled (self, token, expected);
}
