/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-blobs.c: attachments' files travel (docs/sync-protocol.md, "Attachments' files"),
 * against the real reference server on loopback (SQLite, or PostgreSQL under tests/with-pg.sh).
 * An attachment added on client A opens on client B of the same center and on a reviewer's
 * client of its province with the same bytes, and `icw doctor`'s checks find nothing on any of
 * the three; a record whose file is not on the server yet is "not yet downloaded", not "missing";
 * an upload cut off (a part sent by an earlier run, then a dropped connection) resumes where
 * the server stopped; a file whose bytes do not match its SHA-256 and a file over the
 * server's limit are refused with messages that say so (through the client too: a file damaged
 * in the database); another center's token gets no file. */
#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define FILE_SIZE 5000
#define PART 1024

typedef struct {
  IcwTestServer  srv;
  char          *admin;
  char          *reviewer;
  IcwCenter     *center;
  IcwStore      *a;
  IcwStore      *b;
  IcwStore      *r;
  GBytes        *content;
  IcwAttachment *attachment;   /* in a */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) application = icw_application_new ();
  guint8 bytes[FILE_SIZE];

  icw_test_server_start (&f->srv, "icw-blobs-XXXXXX");
  f->a = icw_test_open_store_in (f->srv.dir, "a.db");
  f->b = icw_test_open_store_in (f->srv.dir, "b.db");
  f->r = icw_test_open_store_in (f->srv.dir, "r.db");
  f->center = icw_center_new ();
  icw_center_set_name (f->center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_province (f->center, "山东省");
  icw_test_save (f->a, f->center);
  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (f->center)));
  icw_application_set_title (application, "省级制造业创新中心认定申报书");
  icw_test_save (f->a, application);
  /* Every byte value, NULs included, and no two parts alike. */
  for (guint i = 0; i < FILE_SIZE; i++)
    bytes[i] = (guint8) ((i * 7 + i / 256) & 0xff);
  f->content = g_bytes_new (bytes, sizeof bytes);
  f->attachment = icw_store_add_attachment (f->a, application, "营业执照.pdf", ICW_ATTACHMENT_KIND_LICENCE,
                                            f->content, &error);
  g_assert_no_error (error);
  f->admin = icw_test_server_add_token (&f->srv, "admin", icw_record_get_id (ICW_RECORD (f->center)));
  f->reviewer = icw_test_server_add_token (&f->srv, "reviewer", "Shandong");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->attachment);
  g_clear_object (&f->center);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->r);
  g_clear_pointer (&f->content, g_bytes_unref);
  g_free (f->admin);
  g_free (f->reviewer);
  icw_test_server_stop (&f->srv);
}

static gboolean
sync_as (Fixture        *f,
         IcwStore       *store,
         const char     *token,
         IcwSyncReport  *report,
         GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(IcwSyncClient) c = icw_sync_client_new (store, f->srv.url, token, &local);

  g_assert_no_error (local);
  icw_sync_client_set_limits (c, 50, 50, 5, 10, 100, 5);
  icw_sync_client_set_file_part (c, PART);
  return icw_sync_client_run (c, ICW_SYNC_BOTH, report, error);
}

static void
assert_synced (Fixture    *f,
               IcwStore   *store,
               const char *token)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_as (f, store, token, NULL, &error));
  g_assert_no_error (error);
}

static const char *
attachment_id (Fixture *f)
{
  return icw_record_get_id (ICW_RECORD (f->attachment));
}

static void
assert_same_file (Fixture  *f,
                  IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = icw_store_attachment_content (store, attachment_id (f), &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (content, f->content));
  g_assert_cmpint (icw_store_attachment_file_state (store, attachment_id (f)), ==, ICW_ATTACHMENT_FILE_PRESENT);
}

/* What `icw doctor` checks: nothing to report. */
static void
assert_doctor_clean (IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = icw_store_check_integrity (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("doctor: %s\n", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
got_reply (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static GBytes *
send_and_wait (SoupSession  *session,
               SoupMessage  *msg,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, got_reply, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return soup_session_send_and_read_finish (session, result, error);
}

/* A request of the test's own, as another client would send it. */
static guint
raw_request (Fixture     *f,
             const char  *method,
             const char  *path,
             const char  *token,
             GBytes      *body,
             goffset      start,
             goffset      total,
             char       **answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (f->srv.url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      soup_message_headers_set_content_range (soup_message_get_request_headers (msg), start,
                                              start + g_bytes_get_size (body) - 1, total);
      soup_message_set_request_body_from_bytes (msg, "application/octet-stream", body);
    }
  /* The server runs on this thread's main context: the request goes asynchronously. */
  reply = send_and_wait (session, msg, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return soup_message_get_status (msg);
}

static char *
blob_path (Fixture    *f,
           const char *suffix)
{
  return g_strdup_printf ("/v1/blobs/%s%s", icw_attachment_get_sha256 (f->attachment), suffix);
}

/* A to B and to the reviewer, byte for byte, in several parts; the doctor clean everywhere. */
static void
test_travels (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  g_assert_true (sync_as (f, f->a, f->admin, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.files_sent, ==, 1);
  g_assert_true (sync_as (f, f->b, f->admin, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.files_received, ==, 1);
  assert_synced (f, f->r, f->reviewer);

  assert_same_file (f, f->a);
  assert_same_file (f, f->b);
  assert_same_file (f, f->r);
  assert_doctor_clean (f->a);
  assert_doctor_clean (f->b);
  assert_doctor_clean (f->r);
  g_assert_cmpint (icw_store_count_attachments_not_downloaded (f->b), ==, 0);
}

/* A record whose file is not on the server: "not yet downloaded", not a problem; a file that is
 * nowhere (no content, never synced) is "missing", which the doctor reports. */
static void
test_not_yet_downloaded (Fixture       *f,
                         gconstpointer  data)
{
  sqlite3 *db;

  assert_synced (f, f->a, f->admin);
  icw_test_server_exec (f->srv.location, "DELETE FROM blobs", NULL);
  assert_synced (f, f->b, f->admin);
  g_assert_cmpint (icw_store_attachment_file_state (f->b, attachment_id (f)), ==, ICW_ATTACHMENT_FILE_NOT_DOWNLOADED);
  g_assert_cmpint (icw_store_count_attachments_not_downloaded (f->b), ==, 1);
  assert_doctor_clean (f->b);

  /* The file reaches the server (any administrator's upload of the same bytes): B then gets it. */
  {
    g_autofree char *path = blob_path (f, "");

    g_assert_cmpuint (raw_request (f, "PUT", path, f->admin, f->content, 0, FILE_SIZE, NULL), ==, SOUP_STATUS_OK);
  }
  assert_synced (f, f->b, f->admin);
  assert_same_file (f, f->b);

  /* Missing: a database that never synced, its file gone. */
  {
    g_autoptr(IcwStore) d = icw_test_open_store_in (f->srv.dir, "d.db");
    g_autoptr(IcwApplication) application = icw_application_new ();
    g_autoptr(IcwAttachment) added = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    g_autofree char *path_d = g_build_filename (f->srv.dir, "d.db", NULL);
    g_autofree char *sql = NULL;

    icw_test_save (d, f->center);
    icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (f->center)));
    icw_test_save (d, application);
    added = icw_store_add_attachment (d, application, "承诺书.pdf", ICW_ATTACHMENT_KIND_COMMITMENT, f->content, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_open (path_d, &db), ==, SQLITE_OK);
    sql = g_strdup_printf ("UPDATE attachments SET content = NULL WHERE id = '%s'", icw_record_get_id (ICW_RECORD (added)));
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_cmpint (icw_store_attachment_file_state (d, icw_record_get_id (ICW_RECORD (added))), ==,
                     ICW_ATTACHMENT_FILE_MISSING);
    problems = icw_store_check_integrity (d, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (problems->pdata[0], "承诺书.pdf"));
  }
}

/* A part sent by an earlier run that was cut off: the server says how much it has, and the next
 * run sends the rest only (a part from the start again is refused with 409), though its first
 * question's connection is dropped. */
static void
test_resumes (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = blob_path (f, "");
  g_autofree char *status_path = blob_path (f, "/status");
  g_autoptr(GBytes) first = g_bytes_new_from_bytes (f->content, 0, 2000);
  g_autoptr(GBytes) again = g_bytes_new_from_bytes (f->content, 0, 100);
  g_autofree char *answer = NULL;
  g_autofree char *conflict = NULL;
  IcwSyncReport report = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (raw_request (f, "PUT", path, f->admin, first, 0, FILE_SIZE, NULL), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (raw_request (f, "GET", status_path, f->admin, NULL, 0, 0, &answer), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (answer, "\"received\":2000"));
  g_assert_nonnull (strstr (answer, "\"complete\":false"));
  g_assert_cmpuint (raw_request (f, "PUT", path, f->admin, again, 0, FILE_SIZE, &conflict), ==, SOUP_STATUS_CONFLICT);
  g_assert_nonnull (strstr (conflict, "\"received\":2000"));
  /* The periodic purge keeps the parts of an upload stopped lately (a week by default). */
  g_assert_cmpint (icw_sync_server_purge_blob_parts (f->srv.server, NULL, &error), ==, 0);
  g_assert_no_error (error);

  /* And the connection drops once more, on the client's first question: it asks again. */
  icw_sync_server_inject_fault (f->srv.server, ICW_SYNC_FAULT_DROP_AFTER_COMMIT, "/v1/blobs/", 1, 0);
  g_assert_true (sync_as (f, f->a, f->admin, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.files_sent, ==, 1);
  g_assert_cmpuint (report.retries, >=, 1);

  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (raw_request (f, "GET", status_path, f->admin, NULL, 0, 0, &answer), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (answer, "\"complete\":true"));
  assert_synced (f, f->b, f->admin);
  assert_same_file (f, f->b);
  assert_doctor_clean (f->b);
}

/* Bytes that are not the file the hash names: refused and dropped. A file over the server's
 * limit: refused before anything is stored, and the client's message names the file and the
 * limit; its record stays in the outbox. Reviewers upload nothing; another center gets nothing. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = blob_path (f, "");
  g_autofree char *status_path = blob_path (f, "/status");
  g_autoptr(GBytes) wrong = g_bytes_new_static ("not the licence", 15);
  g_autofree char *answer = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) other = icw_center_new ();
  g_autofree char *other_token = NULL;
  g_autofree char *download = NULL;

  g_assert_cmpuint (raw_request (f, "PUT", path, f->admin, wrong, 0, 15, &answer), ==, SOUP_STATUS_UNPROCESSABLE_ENTITY);
  g_assert_nonnull (strstr (answer, "\"hash-mismatch\""));
  g_assert_nonnull (strstr (answer, "SHA-256"));
  g_assert_cmpuint (raw_request (f, "GET", status_path, f->admin, NULL, 0, 0, &status), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (status, "\"received\":0"));
  g_clear_pointer (&answer, g_free);

  /* An upload left unfinished: its parts are dropped by the purge once old enough. */
  {
    g_autoptr(GBytes) half = g_bytes_new_from_bytes (f->content, 0, 100);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 1);

    g_assert_cmpuint (raw_request (f, "PUT", path, f->admin, half, 0, FILE_SIZE, NULL), ==, SOUP_STATUS_OK);
    g_assert_cmpint (icw_sync_server_purge_blob_parts (f->srv.server, later, &error), ==, 1);
    g_assert_no_error (error);
    g_clear_pointer (&status, g_free);
    g_assert_cmpuint (raw_request (f, "GET", status_path, f->admin, NULL, 0, 0, &status), ==, SOUP_STATUS_OK);
    g_assert_nonnull (strstr (status, "\"received\":0"));
  }
  g_assert_cmpuint (raw_request (f, "PUT", path, f->reviewer, f->content, 0, FILE_SIZE, &answer), ==,
                    SOUP_STATUS_FORBIDDEN);

  icw_sync_server_set_blob_limit (f->srv.server, 1000);
  g_assert_false (sync_as (f, f->a, f->admin, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "营业执照.pdf"));
  g_assert_nonnull (strstr (error->message, "1000 bytes"));
  g_assert_cmpint (icw_store_count_outbox (f->a), >, 0);
  g_clear_error (&error);

  icw_sync_server_set_blob_limit (f->srv.server, 0);
  assert_synced (f, f->a, f->admin);
  icw_center_set_name (other, "另一个创新中心");
  icw_test_save (f->b, other);
  other_token = icw_sync_server_add_token (f->srv.server, "admin", icw_record_get_id (ICW_RECORD (other)), &error);
  g_assert_no_error (error);
  download = g_strdup_printf ("/v1/blobs/%s?attachment=%s", icw_attachment_get_sha256 (f->attachment), attachment_id (f));
  g_assert_cmpuint (raw_request (f, "GET", download, other_token, NULL, 0, 0, NULL), ==, SOUP_STATUS_FORBIDDEN);
  g_assert_cmpuint (raw_request (f, "GET", download, f->reviewer, NULL, 0, 0, NULL), ==, SOUP_STATUS_OK);
}

/* A file damaged in the database after it was added: the server finds that its bytes are not the
 * record's SHA-256 and refuses them; the run ends naming the attachment, nothing is stored. */
static void
test_damaged_file_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path_a = g_build_filename (f->srv.dir, "a.db", NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE attachments SET content = zeroblob (%d) WHERE id = '%s'",
                                          FILE_SIZE, attachment_id (f));
  g_autofree char *status_path = blob_path (f, "/status");
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path_a, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (sync_as (f, f->a, f->admin, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "营业执照.pdf"));
  g_assert_nonnull (strstr (error->message, "SHA-256"));
  g_assert_cmpint (icw_store_count_outbox (f->a), >, 0);
  g_assert_cmpuint (raw_request (f, "GET", status_path, f->admin, NULL, 0, 0, &status), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (status, "\"received\":0"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/sync-blobs/travels", test_travels);
  ADD ("/sync-blobs/not-yet-downloaded", test_not_yet_downloaded);
  ADD ("/sync-blobs/resumes", test_resumes);
  ADD ("/sync-blobs/refused", test_refused);
  ADD ("/sync-blobs/damaged-file-refused", test_damaged_file_refused);
  return g_test_run ();
}
