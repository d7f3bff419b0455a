/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-kill-loop.c: the store survives being killed at any moment. The kill-helper program saves
 * numbered records into one database and acknowledges each save on stdout; this test starts it,
 * kills it with SIGKILL after a random number of acknowledgements (sometimes at once, during its
 * start or its first save, and often while a save is under way), and then checks the file: it is
 * intact, every acknowledged save is there with its outbox row (an edit folded into its record's
 * waiting row), and of the save the kill interrupted there is either all or nothing. Many rounds
 * run on the same file, so that each one also starts from a file left by a kill. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>

#include "icw-organization.h"
#include "icw-store.h"
#include "icw-test-util.h"

#define ROUNDS 100

typedef struct {
  char *dir;
  char *path;
  char *helper;
  char *anchor_id;
  gint64 next;        /* the number of the next save */
  gint64 last_edit;   /* the number of the last edit that is in the file, or 0 */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwOrganization) anchor = icw_organization_new ();
  const char *builddir = g_getenv ("ICW_TEST_BUILDDIR");

  f->helper = g_build_filename (builddir != NULL ? builddir : ".", "kill-helper", NULL);
  if (!g_file_test (f->helper, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing (ICW_TEST_BUILDDIR names the tests' build folder)", f->helper);

  f->dir = icw_test_make_tmp_dir ("test-kill-loop-XXXXXX", &f->path);

  store = icw_test_open_store (f->path);
  icw_organization_set_name (anchor, ICW_TEST_KILL_LOOP_ANCHOR_NAME);
  icw_organization_set_city (anchor, "start");
  g_assert_true (icw_store_save (store, ICW_RECORD (anchor), &error));
  g_assert_no_error (error);
  f->anchor_id = g_strdup (icw_record_get_id (ICW_RECORD (anchor)));
  f->next = 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  icw_test_clear_tmp_dir (&f->dir, &f->path);
  g_free (f->helper);
  g_free (f->anchor_id);
}

static gint64
read_ack (GDataInputStream *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  char *end = NULL;
  gint64 n;

  g_assert_no_error (error);
  if (line == NULL)
    return -1;   /* the end: the helper is gone */
  if (!g_str_has_prefix (line, "ACK "))
    g_error ("the helper wrote “%s”", line);
  n = g_ascii_strtoll (line + 4, &end, 10);
  g_assert_true (end != line + 4 && *end == '\0');
  return n;
}

/* Whether save n of the helper is in the file: its record and its outbox row. */
static gboolean
save_is_there (Fixture *f,
               sqlite3 *db,
               gint64   n)
{
  g_autofree char *text = icw_test_kill_loop_text (n);
  g_autofree char *id = NULL;
  gint64 queued;

  if (n % 2 == 1)
    {
      id = icw_test_db_text (db, "SELECT id FROM organizations WHERE name = ?1", text);
      queued = icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE json_extract (payload, '$.name') = ?1", text);
      /* The record and its outbox entry were written together, or neither. */
      if (id == NULL)
        {
          g_assert_cmpint (queued, ==, 0);
          return FALSE;
        }
      g_assert_cmpint (queued, ==, 1);
      g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations WHERE name = ?1", text), ==, 1);
      g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1 AND op = 'upsert' "
                                            "AND kind = 'organization'", id), ==, 1);
      return TRUE;
    }

  /* An edit of the anchor: its outbox row is folded into the anchor's waiting row (no push batch
   * reads this outbox), so the row says the anchor's city as the record does, written together.
   * The edits follow one another: edit n is there when the anchor holds it or a later one. */
  {
    g_autofree char *city = icw_test_db_text (db, "SELECT city FROM organizations WHERE id = ?1", f->anchor_id);
    g_autofree char *queued_city = icw_test_db_text (db, "SELECT json_extract (payload, '$.city') FROM outbox "
                                                         "WHERE record_id = ?1 ORDER BY seq DESC LIMIT 1",
                                                     f->anchor_id);
    gint64 held = 0;

    g_assert_cmpstr (queued_city, ==, city);
    g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", f->anchor_id), ==, 1);
    if (city != NULL && g_str_has_prefix (city, "edit "))
      held = g_ascii_strtoll (city + 5, NULL, 10);
    return held >= n;
  }
}

/* The checks after a kill. first is the number of the round's first save, acked the highest
 * number acknowledged (first - 1 for none). Returns the number of saves the round left in the
 * file. */
static gint64
check_after_kill (Fixture *f,
                  gint64   first,
                  gint64   acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IcwRecord) anchor = NULL;
  g_autofree char *check = NULL;
  g_autofree char *anchor_city = NULL;
  g_autofree char *expected_city = NULL;
  sqlite3 *db = NULL;
  gint64 n, organizations, outbox;

  /* The store opens the file (recovering what the -wal holds) and finds nothing wrong. */
  store = icw_test_open_store (f->path);
  g_assert_nonnull (store);
  problems = icw_store_check_integrity (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  check = icw_test_db_text (db, "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (check, ==, "ok");

  /* Every acknowledged save is there; after them at most the one the kill interrupted. */
  for (n = first; n <= acked; n++)
    if (!save_is_there (f, db, n))
      g_error ("save %" G_GINT64_FORMAT " was acknowledged but is not in the file", n);
  if (save_is_there (f, db, n))
    n++;
  g_assert_false (save_is_there (f, db, n));
  g_assert_false (save_is_there (f, db, n + 1));

  /* Nothing else: each organization is the anchor or a numbered one, each with its outbox row,
   * and the outbox holds one row per organization (the anchor's edits folded into its row). */
  organizations = icw_test_db_int (db, "SELECT count(*) FROM organizations", NULL);
  g_assert_cmpint (organizations, ==, 1 + n / 2);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations o WHERE NOT EXISTS "
                                        "(SELECT 1 FROM outbox WHERE record_id = o.id)", NULL), ==, 0);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations WHERE name != ?1 AND name NOT LIKE 'Kill-loop organization % 测试单位'",
                                    ICW_TEST_KILL_LOOP_ANCHOR_NAME), ==, 0);
  outbox = icw_test_db_int (db, "SELECT count(*) FROM outbox", NULL);
  g_assert_cmpint (outbox, ==, organizations);
  /* The search index (external content, migration 13) holds one size row per name it indexed. */
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations_fts_docsize", NULL), ==, organizations);

  /* The anchor holds its last edit. */
  if (n - 1 >= 2)
    f->last_edit = (n - 1) % 2 == 0 ? n - 1 : n - 2;
  anchor_city = icw_test_db_text (db, "SELECT city FROM organizations WHERE id = ?1", f->anchor_id);
  expected_city = f->last_edit > 0 ? icw_test_kill_loop_text (f->last_edit) : g_strdup ("start");
  g_assert_cmpstr (anchor_city, ==, expected_city);
  anchor = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, f->anchor_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_city (ICW_ORGANIZATION (anchor)), ==, expected_city);
  g_assert_cmpint (icw_store_count_outbox (store), ==, outbox);

  sqlite3_close (db);
  return n - first;
}

static void
test_kill_loop (Fixture       *f,
                gconstpointer  data)
{
  guint immediate = 0, mid_save = 0, acked_total = 0, interrupted = 0;
  gint64 start_time = g_get_monotonic_time ();

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) helper = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *first_text = g_strdup_printf ("%" G_GINT64_FORMAT, f->next);
      g_autofree char *last_text = g_strdup_printf ("%" G_GINT64_FORMAT, f->next + 100000);
      gint64 first = f->next, acked = f->next - 1, n, saved;
      int wanted = g_test_rand_int_range (0, 4) == 0 ? 0 : g_test_rand_int_range (1, 8);

      helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 f->helper, f->path, first_text, last_text, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));

      for (int i = 0; i < wanted; i++)
        {
          n = read_ack (lines);
          if (n < 0)
            g_error ("the helper stopped by itself (see its messages above)");
          g_assert_cmpint (n, ==, acked + 1);
          acked = n;
        }
      if (wanted == 0)
        immediate++;
      else if (g_test_rand_bit ())
        {
          /* Let it get some way into the next save. */
          g_usleep (g_test_rand_int_range (0, 3000));
          mid_save++;
        }

      g_subprocess_send_signal (helper, SIGKILL);
      g_subprocess_wait (helper, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (helper));
      g_assert_cmpint (g_subprocess_get_term_sig (helper), ==, SIGKILL);

      /* Acknowledgements written before the kill count too. */
      while ((n = read_ack (lines)) >= 0)
        {
          g_assert_cmpint (n, ==, acked + 1);
          acked = n;
        }

      saved = check_after_kill (f, first, acked);
      g_assert_cmpint (saved, >=, acked - first + 1);
      g_assert_cmpint (saved, <=, acked - first + 2);
      if (saved > acked - first + 1)
        interrupted++;
      acked_total += acked - first + 1;
      f->next = first + saved;
    }

  g_test_message ("%d rounds: %u killed at once, %u mid-save after a pause; %u saves acknowledged, "
                  "%u more found complete though the kill came before their acknowledgement; %.1f s",
                  ROUNDS, immediate, mid_save, acked_total, interrupted,
                  (g_get_monotonic_time () - start_time) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (acked_total, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/kill-loop/sigkill", Fixture, NULL, fixture_set_up, test_kill_loop, fixture_tear_down);

  return g_test_run ();
}
