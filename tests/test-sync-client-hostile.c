/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-client-hostile.c: the sync client against servers that misbehave, each an in-process
 * SoupServer on loopback answering as a broken or hostile server would: "retry" for every change,
 * a pull cursor that never moves, a byte every few hundred milliseconds, a 300 MB answer, a small
 * gzip answer inflating to 400 MB, a self-signed certificate, broken pull pages (cut off, bad
 * UTF-8 in a record, a record that is not an object, a field of the wrong type: nothing of the
 * page is kept). Each run must end with a clear
 * error, in bounded time (the deadline and backoff are shortened through the client's setters,
 * not asserted on the clock) and bounded memory (the process's peak resident size). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "icw-center.h"
#include "icw-error.h"
#include "icw-organization.h"
#include "icw-store.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-test-util.h"

#define MiB (1024 * 1024)

typedef struct {
  char          *dir;
  SoupServer    *server;
  char          *url;
  IcwStore      *store;
  guint          requests;
  guint64        served;      /* body bytes written by the streaming handlers */
  guint64        to_serve;
  guint          timer;
  GBytes        *gzip;
  const char    *page;        /* what serve_page answers */
  const char   **pages;       /* what serve_pages answers: the page after cursor N is pages[N] */
  guint          n_pages;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = icw_test_make_tmp_dir ("icw-client-hostile-XXXXXX", NULL);
  path = g_build_filename (f->dir, "a.db", NULL);
  f->store = icw_test_open_store (path);
  f->server = soup_server_new (NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_handle_id (&f->timer, g_source_remove);
  if (f->server != NULL)
    soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->store);
  g_clear_pointer (&f->gzip, g_bytes_unref);
  g_free (f->url);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

static void
listen (Fixture                *f,
        SoupServerCallback      handler,
        SoupServerListenOptions options)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | options, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static IcwSyncClient *
client (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  IcwSyncClient *c = icw_sync_client_new (f->store, f->url, "icw_test-token", &error);

  g_assert_no_error (error);
  /* Attempts 5, backoff base 100 ms, cap 800 ms, idle timeout 5 s; deadline 1.5 s. */
  icw_sync_client_set_limits (c, 100, 100, 5, 100, 800, 5);
  icw_sync_client_set_deadline (c, 1500);
  return c;
}

static gboolean
run (Fixture        *f,
     IcwSyncMode     mode,
     IcwSyncReport  *report,
     GError        **error)
{
  g_autoptr(IcwSyncClient) c = client (f);

  return icw_sync_client_run (c, mode, report, error);
}

static void
respond (SoupServerMessage *msg,
         const char        *json)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* The process's peak resident size, in bytes (VmHWM). */
static guint64
peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10) * 1024;
}

/* "retry" for every change of every batch. */
static void
retry_everything (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           data)
{
  Fixture *f = data;
  g_autoptr(GString) json = g_string_new ("{\"results\":[");
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *changes;

  f->requests++;
  g_assert_true (json_parser_load_from_data (parser, body->data, body->length, NULL));
  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    g_string_append_printf (json, "%s{\"id\":\"%s\",\"status\":\"retry\"}", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (changes, i), "id"));
  g_string_append (json, "]}");
  respond (msg, json->str);
}

static void
test_retry_everything (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->store, "济南智能传感研究院", NULL);
  g_autoptr(GError) error = NULL;

  listen (f, retry_everything, 0);
  g_assert_false (run (f, ICW_SYNC_BOTH, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE);
  icw_test_assert_message_contains (error, "again later", NULL);
  /* One request per attempt, each after a backoff: 5, not hundreds. */
  g_assert_cmpuint (f->requests, ==, 5);
  g_assert_cmpint (icw_store_count_outbox (f->store), ==, 1);
}

/* has_more with a cursor that never moves. */
static void
stuck_cursor (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  Fixture *f = data;

  f->requests++;
  respond (msg, "{\"changes\":[{\"kind\":\"organization\",\"id\":\"o1\",\"revision\":\"5\",\"deleted\":false,"
                "\"record\":{\"id\":\"o1\",\"name\":\"甲\"}}],\"cursor\":\"5\",\"has_more\":true}");
}

static void
test_stuck_cursor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  listen (f, stuck_cursor, 0);
  g_assert_false (run (f, ICW_SYNC_PULL, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
  icw_test_assert_message_contains (error, "does not advance", NULL);
  g_assert_cmpuint (f->requests, ==, 2);
}

/* The page in f->page, whatever was asked. */
static void
serve_page (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  Fixture *f = data;

  f->requests++;
  respond (msg, f->page);
}

#define GOOD_CHANGE "{\"kind\":\"organization\",\"id\":\"o1\",\"revision\":\"5\",\"deleted\":false," \
                    "\"record\":{\"id\":\"o1\",\"name\":\"甲\",\"province\":\"山东省\"}}"

/* A broken page is refused whole: the good record before the fault is not kept, nor the cursor. */
static void
test_broken_pages (Fixture       *f,
                   gconstpointer  data)
{
  const struct { const char *page; GQuark domain; int code; const char *says; } cases[] = {
    /* cut off in the middle of its second record */
    { "{\"changes\":[" GOOD_CHANGE ",{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"6\",\"deleted\":false,"
      "\"record\":{\"id\":\"o2\",\"name\":\"乙", ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, "not valid" },
    /* bad UTF-8 in a record */
    { "{\"changes\":[" GOOD_CHANGE ",{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"6\",\"deleted\":false,"
      "\"record\":{\"id\":\"o2\",\"name\":\"\xe4\xb9\"}}],\"cursor\":\"6\",\"has_more\":false}",
      ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, "UTF-8" },
    /* a record that is not an object */
    { "{\"changes\":[" GOOD_CHANGE ",{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"6\",\"deleted\":false,"
      "\"record\":[\"o2\"]}],\"cursor\":\"6\",\"has_more\":false}", ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, "record" },
    /* a field of the wrong type, found by the store while the page is applied */
    { "{\"changes\":[" GOOD_CHANGE ",{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"6\",\"deleted\":false,"
      "\"record\":{\"id\":\"o2\",\"name\":5}}],\"cursor\":\"6\",\"has_more\":false}", ICW_ERROR, ICW_ERROR_INVALID, "name" },
    /* a string the store cannot keep (a lone surrogate): refused as the page comes, as the tree
     * refuses it, at its byte */
    { "{\"changes\":[" GOOD_CHANGE ",{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"6\",\"deleted\":false,"
      "\"record\":{\"id\":\"o2\",\"name\":\"\\ud800\"}}],\"cursor\":\"6\",\"has_more\":false}", ICW_SYNC_ERROR,
      ICW_SYNC_ERROR_INVALID, "stands for no text" },
    /* the same in a member the client skips */
    { "{\"changes\":[" GOOD_CHANGE ",{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"6\",\"deleted\":false,"
      "\"note\":\"\\udc00\",\"record\":{\"id\":\"o2\",\"name\":\"乙\"}}],\"cursor\":\"6\",\"has_more\":false}",
      ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, "stands for no text" },
  };

  listen (f, serve_page, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwRecord) kept = NULL;

      f->page = cases[i].page;
      g_assert_false (run (f, ICW_SYNC_PULL, NULL, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
      icw_test_assert_message_contains (error, cases[i].says, NULL);
      kept = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, "o1", NULL);
      g_assert_null (kept);
      g_assert_false (icw_store_syncs_with_server (f->store));
    }
  /* The same server with a good page: the record and the cursor are kept. */
  f->page = "{\"changes\":[" GOOD_CHANGE "],\"cursor\":\"5\",\"has_more\":false}";
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IcwRecord) kept = NULL;

    g_assert_true (run (f, ICW_SYNC_PULL, NULL, &error));
    g_assert_no_error (error);
    kept = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, "o1", NULL);
    g_assert_nonnull (kept);
    g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (kept)), ==, "甲");
    g_assert_true (icw_store_syncs_with_server (f->store));
  }
}

/* A page's records are written in batches of one kind: kinds that alternate, a record twice in one
 * page (the later one counts, as written one by one) and a deletion all come out as the page says. */
static void
test_page_batches (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) o1 = NULL, o2 = NULL, c1 = NULL, c2 = NULL;
  g_autoptr(GListModel) orgs = NULL;

  f->page = "{\"changes\":["
            "{\"kind\":\"center\",\"id\":\"c1\",\"revision\":\"1\",\"deleted\":false,\"record\":{\"id\":\"c1\",\"name\":\"甲中心\"}},"
            "{\"kind\":\"organization\",\"id\":\"o1\",\"revision\":\"2\",\"deleted\":false,\"record\":{\"id\":\"o1\",\"name\":\"旧名\"}},"
            "{\"kind\":\"organization\",\"id\":\"o2\",\"revision\":\"3\",\"deleted\":false,\"record\":{\"id\":\"o2\",\"name\":\"乙\\u5355\\u4f4d\"}},"
            "{\"kind\":\"center\",\"id\":\"c2\",\"revision\":\"4\",\"deleted\":false,\"record\":{\"id\":\"c2\",\"name\":\"乙中心\"}},"
            "{\"kind\":\"organization\",\"id\":\"o1\",\"revision\":\"5\",\"deleted\":false,\"record\":{\"id\":\"o1\",\"name\":\"新名\"}},"
            "{\"kind\":\"organization\",\"id\":\"o3\",\"revision\":\"6\",\"deleted\":true,\"record\":{\"id\":\"o3\",\"name\":\"已删\"}}"
            "],\"cursor\":\"6\",\"has_more\":false}";
  listen (f, serve_page, 0);
  g_assert_true (run (f, ICW_SYNC_PULL, NULL, &error));
  g_assert_no_error (error);
  o1 = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, "o1", NULL);
  o2 = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, "o2", NULL);
  c1 = icw_store_lookup (f->store, ICW_RECORD_KIND_CENTER, "c1", NULL);
  c2 = icw_store_lookup (f->store, ICW_RECORD_KIND_CENTER, "c2", NULL);
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (o1)), ==, "新名");
  g_assert_cmpstr (icw_record_get_revision (o1), ==, "5");
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (o2)), ==, "乙单位");
  g_assert_cmpstr (icw_center_get_name (ICW_CENTER (c1)), ==, "甲中心");
  g_assert_cmpstr (icw_center_get_name (ICW_CENTER (c2)), ==, "乙中心");
  /* The deleted one is not among the live organizations. */
  orgs = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
}

/* pages[N] after the cursor N (the first page after none). */
static void
serve_pages (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           data)
{
  Fixture *f = data;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  guint64 n = 0;

  f->requests++;
  if (cursor != NULL && *cursor != '\0')
    g_assert_true (g_ascii_string_to_unsigned (cursor, 10, 0, f->n_pages - 1, &n, NULL));
  respond (msg, f->pages[n]);
}

#define ORG_CHANGE(id, rev, name) "{\"kind\":\"organization\",\"id\":\"" id "\",\"revision\":\"" rev "\"," \
                                  "\"deleted\":false,\"record\":{\"id\":\"" id "\",\"name\":" name "}}"
#define PAGE(change, cursor, more) "{\"changes\":[" change "],\"cursor\":\"" cursor "\",\"has_more\":" more "}"

static gboolean
has_organization (Fixture    *f,
                  const char *id)
{
  g_autoptr(IcwRecord) record = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, NULL);

  return record != NULL;
}

static char *
pull_cursor (Fixture *f)
{
  g_autofree char *key = g_strdup_printf ("cursor %s", f->url);

  /* The client's state key is "cursor " and the server's address without a trailing slash. */
  if (g_str_has_suffix (key, "/"))
    key[strlen (key) - 1] = '\0';
  return icw_store_sync_state_get (f->store, key);
}

static gboolean
run_grouped (Fixture        *f,
             guint           group,
             GError        **error)
{
  g_autoptr(IcwSyncClient) c = client (f);

  icw_sync_client_set_pull_group (c, group);
  return icw_sync_client_run (c, ICW_SYNC_PULL, NULL, error);
}

/* The next page is asked for while the last is applied (one page ahead). A page the store refuses
 * is not kept, nor is the page asked for meanwhile, nor its cursor. */
static void
test_prefetched_page_discarded (Fixture       *f,
                                gconstpointer  data)
{
  const char *pages[] = {
    PAGE (ORG_CHANGE ("o1", "1", "5"), "1", "true"),             /* the store refuses it (a number) */
    PAGE (ORG_CHANGE ("o2", "2", "\"乙\""), "2", "false"),
  };
  g_autoptr(GError) error = NULL;

  f->pages = pages;
  f->n_pages = G_N_ELEMENTS (pages);
  listen (f, serve_pages, 0);
  /* Each page alone: the first is applied while the second is on its way. */
  g_assert_false (run_grouped (f, 1, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_test_assert_message_contains (error, "name", NULL);
  g_assert_cmpuint (f->requests, ==, 2);   /* the second page was asked for, and discarded */
  g_assert_false (has_organization (f, "o1"));
  g_assert_false (has_organization (f, "o2"));
  g_assert_null (pull_cursor (f));
}

/* Pages held to be applied together: a page refused as it comes (cut off) ends the run, the pages
 * before it are kept with their cursor, as if each had been applied alone, and nothing is asked
 * for after it. */
static void
test_held_pages_then_broken (Fixture       *f,
                             gconstpointer  data)
{
  const char *pages[] = {
    PAGE (ORG_CHANGE ("o1", "1", "\"甲\""), "1", "true"),
    PAGE (ORG_CHANGE ("o2", "2", "\"乙\""), "2", "true"),
    "{\"changes\":[" ORG_CHANGE ("o3", "3", "\"丙\"") ",{\"kind\":\"organization\",\"id\":\"o4\"",
    PAGE (ORG_CHANGE ("o5", "5", "\"戊\""), "4", "false"),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  f->pages = pages;
  f->n_pages = G_N_ELEMENTS (pages);
  listen (f, serve_pages, 0);
  g_assert_false (run_grouped (f, 2000, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
  g_assert_cmpuint (f->requests, ==, 3);
  g_assert_true (has_organization (f, "o1"));
  g_assert_true (has_organization (f, "o2"));
  g_assert_false (has_organization (f, "o3"));
  g_assert_false (has_organization (f, "o5"));
  cursor = pull_cursor (f);
  g_assert_cmpstr (cursor, ==, "2");
}

/* Pages applied together, one of them refused by the store: the pages before it are kept with
 * their cursor (applied again one a transaction), it and those after it are not. */
static void
test_held_pages_store_refusal (Fixture       *f,
                               gconstpointer  data)
{
  const char *pages[] = {
    PAGE (ORG_CHANGE ("o1", "1", "\"甲\""), "1", "true"),
    PAGE (ORG_CHANGE ("o2", "2", "5"), "2", "true"),              /* the store refuses it */
    PAGE (ORG_CHANGE ("o3", "3", "\"丙\""), "3", "false"),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  f->pages = pages;
  f->n_pages = G_N_ELEMENTS (pages);
  listen (f, serve_pages, 0);
  g_assert_false (run_grouped (f, 2000, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_test_assert_message_contains (error, "name", NULL);
  g_assert_cmpuint (f->requests, ==, 3);
  g_assert_true (has_organization (f, "o1"));
  g_assert_false (has_organization (f, "o2"));
  g_assert_false (has_organization (f, "o3"));
  cursor = pull_cursor (f);
  g_assert_cmpstr (cursor, ==, "1");

  /* The same pages, good: all three in one run. */
  pages[1] = PAGE (ORG_CHANGE ("o2", "2", "\"乙\""), "2", "true");
  g_clear_error (&error);
  g_assert_true (run_grouped (f, 2000, &error));
  g_assert_no_error (error);
  g_assert_true (has_organization (f, "o2"));
  g_assert_true (has_organization (f, "o3"));
  g_clear_pointer (&cursor, g_free);
  cursor = pull_cursor (f);
  g_assert_cmpstr (cursor, ==, "3");
}

/* One byte every 300 ms, for ever. */
static gboolean
trickle_byte (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (msg);
  return G_SOURCE_CONTINUE;
}

static void
trickle (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  Fixture *f = data;

  f->requests++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
  g_clear_handle_id (&f->timer, g_source_remove);
  f->timer = g_timeout_add_full (G_PRIORITY_DEFAULT, 300, trickle_byte, g_object_ref (msg), g_object_unref);
  soup_server_message_pause (msg);
}

static void
test_trickle_deadline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = NULL;
  g_autoptr(GError) error = NULL;

  listen (f, trickle, 0);
  c = client (f);
  icw_sync_client_set_limits (c, 100, 100, 2, 100, 200, 5);
  g_assert_false (icw_sync_client_run (c, ICW_SYNC_PULL, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE);
  icw_test_assert_message_contains (error, "did not finish its answer within 2 seconds", NULL);
  g_assert_cmpuint (f->requests, ==, 2);
}

/* Headers never sent: the request is held open, silent. */
static void
never_answer (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  Fixture *f = data;

  g_atomic_int_inc (&f->requests);
  soup_server_message_pause (msg);
}

typedef struct {
  Fixture *f;
  gboolean ok;
  GError *error;
  gint done;
} Threaded;

/* A client made and run in a thread with a main context of its own, which only that thread runs. */
static gpointer
run_in_own_context (gpointer data)
{
  Threaded *t = data;
  GMainContext *context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  {
    g_autoptr(IcwSyncClient) c = client (t->f);

    /* Two attempts (the backoff between them is a timeout too); silence for 30 s before the
     * session gives up, so that only the deadline (1.5 s) can end an attempt. */
    icw_sync_client_set_limits (c, 100, 100, 2, 100, 200, 30);
    t->ok = icw_sync_client_run (c, ICW_SYNC_PULL, NULL, &t->error);
  }
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  g_atomic_int_set (&t->done, 1);
  return NULL;
}

/* A client run in a thread with a context of its own meets its deadline and backs off there: the
 * timeouts were on the process's global context, which nothing runs here (the server has a
 * context of its own too, run by this thread), so the run waited for ever. */
static void
test_deadline_in_thread_context (Fixture       *f,
                                 gconstpointer  data)
{
  GMainContext *server_context = g_main_context_new ();
  Threaded t = { f, FALSE, NULL, 0 };
  gint64 give_up;
  GThread *thread;

  g_main_context_push_thread_default (server_context);
  listen (f, never_answer, 0);
  thread = g_thread_new ("sync-client", run_in_own_context, &t);
  /* Not a timed assertion: a bound on a run that otherwise never ends. */
  give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&t.done) && g_get_monotonic_time () < give_up)
    {
      g_main_context_iteration (server_context, FALSE);
      g_usleep (1000);
    }
  g_assert_true (g_atomic_int_get (&t.done));
  g_thread_join (thread);
  g_assert_false (t.ok);
  g_assert_error (t.error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE);
  icw_test_assert_message_contains (t.error, "did not finish its answer within 2 seconds", NULL);
  g_assert_cmpuint (g_atomic_int_get (&f->requests), ==, 2);
  g_clear_error (&t.error);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  while (g_main_context_iteration (server_context, FALSE))
    ;
  g_main_context_pop_thread_default (server_context);
  g_main_context_unref (server_context);
}

/* A streamed body of f->to_serve bytes, one chunk at a time as the client reads it, so that the
 * server's side holds only a chunk; or f->gzip as it is, declared as gzip. */
static void
next_chunk (SoupServerMessage *msg,
            gpointer           data)
{
  Fixture *f = data;
  static char block[256 * 1024];

  if (f->served >= f->to_serve)
    {
      soup_message_body_complete (soup_server_message_get_response_body (msg));
      return;
    }
  memset (block, '[', sizeof block);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            block, sizeof block);
  f->served += sizeof block;
}

static void
huge (SoupServer        *server,
      SoupServerMessage *msg,
      const char        *path,
      GHashTable        *query,
      gpointer           data)
{
  Fixture *f = data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  f->requests++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  if (f->gzip != NULL)
    {
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), f->gzip);
      return;
    }
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (next_chunk), f);
  next_chunk (msg, f);
}

static void
test_huge_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 before = peak_memory ();

  f->to_serve = (guint64) 300 * 1000 * 1000;
  listen (f, huge, 0);
  g_assert_false (run (f, ICW_SYNC_PULL, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
  icw_test_assert_message_contains (error, "larger than 16 MiB", NULL);
  g_assert_cmpuint (f->requests, ==, 1);
  /* Stopped near the cap, not at 300 MB; memory grew by about the cap, not by the answer. */
  g_assert_cmpuint (f->served, <, 64 * MiB);
  g_test_message ("served %" G_GUINT64_FORMAT " bytes; peak memory %" G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT " MiB",
                  f->served, before / MiB, peak_memory () / MiB);
  g_assert_cmpuint (peak_memory (), <, before + 80 * MiB);
}

/* 400 MB of '[' compressed: a few hundred kilobytes on the wire. */
static GBytes *
gzip_bomb (gsize size)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *in = g_malloc (MiB);
  g_autofree char *buffer = g_malloc (MiB);
  gsize done = 0;

  memset (in, '[', MiB);
  for (;;)
    {
      gsize n_in = MIN ((gsize) MiB, size - done), read = 0, written = 0;
      GConverterResult result = g_converter_convert (G_CONVERTER (compressor), in, n_in, buffer, MiB,
                                                     n_in < MiB || done + n_in == size ? G_CONVERTER_INPUT_AT_END : 0,
                                                     &read, &written, NULL);
      g_byte_array_append (out, (guint8 *) buffer, written);
      done += read;
      if (result == G_CONVERTER_FINISHED || result == G_CONVERTER_ERROR)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_gzip_bomb (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 before;

  f->gzip = gzip_bomb ((gsize) 400 * 1000 * 1000);
  g_test_message ("gzip answer: %" G_GSIZE_FORMAT " bytes on the wire", g_bytes_get_size (f->gzip));
  g_assert_cmpuint (g_bytes_get_size (f->gzip), <, 2 * MiB);
  before = peak_memory ();
  listen (f, huge, 0);
  g_assert_false (run (f, ICW_SYNC_PULL, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
  icw_test_assert_message_contains (error, "larger than 16 MiB", NULL);
  g_test_message ("peak memory %" G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT " MiB", before / MiB, peak_memory () / MiB);
  g_assert_cmpuint (peak_memory (), <, before + 80 * MiB);
}

static void
never_called (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  Fixture *f = data;

  f->requests++;
  respond (msg, "{\"changes\":[],\"cursor\":\"\",\"has_more\":false}");
}

/* A server with a self-signed certificate: a certificate error at once, never retried. */
static void
test_self_signed (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cert = g_build_filename (f->dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (f->dir, "key.pem", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  int status = -1;

  if (openssl == NULL || !g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("needs openssl and a TLS backend (glib-networking)");
      return;
    }
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                           "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  g_object_set (f->server, "tls-certificate", certificate, NULL);
  listen (f, never_called, SOUP_SERVER_LISTEN_HTTPS);

  g_assert_true (g_str_has_prefix (f->url, "https://"));
  g_assert_false (run (f, ICW_SYNC_PULL, &report, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TLS);
  icw_test_assert_message_contains (error, "certificate is not trusted", NULL);
  g_assert_cmpuint (report.retries, ==, 0);
  g_assert_cmpuint (f->requests, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-client-hostile/retry-everything", test_retry_everything);
  ADD ("/sync-client-hostile/stuck-cursor", test_stuck_cursor);
  ADD ("/sync-client-hostile/broken-pages", test_broken_pages);
  ADD ("/sync-client-hostile/page-batches", test_page_batches);
  ADD ("/sync-client-hostile/prefetched-page-discarded", test_prefetched_page_discarded);
  ADD ("/sync-client-hostile/held-pages-then-broken", test_held_pages_then_broken);
  ADD ("/sync-client-hostile/held-pages-store-refusal", test_held_pages_store_refusal);
  ADD ("/sync-client-hostile/trickle-deadline", test_trickle_deadline);
  ADD ("/sync-client-hostile/deadline-in-thread-context", test_deadline_in_thread_context);
  ADD ("/sync-client-hostile/huge-answer", test_huge_answer);
  ADD ("/sync-client-hostile/gzip-bomb", test_gzip_bomb);
  ADD ("/sync-client-hostile/self-signed", test_self_signed);
  return g_test_run ();
}
