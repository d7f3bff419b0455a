/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-sync.c: sync of N organizations on loopback. A store holds one center and N organizations
 * (saved in one batch, so each has its outbox row); the reference IcwSyncServer listens on
 * 127.0.0.1 (an ephemeral port, in this process, on the same main context); IcwSyncClient pushes
 * the outbox with the center administrator's token, then a second client pulls everything into an
 * empty database. The baseline writes the same N organization rows with SQLite alone: the rows as
 * the store holds them, into a table made by the store's own CREATE statement, one prepared INSERT,
 * one transaction, WAL and synchronous=FULL.
 *
 *   bench-sync DIR N [threads]
 *
 * Prints: sync PUSHED PUSH_S PULLED PULL_S BARE_ROWS BARE_S
 * then a second line: cpu PUSH_CPU_S PULL_CPU_S BARE_CPU_S, the process's CPU time (user + system,
 * getrusage: the in-process server's included) of each step, which a shared machine disturbs less
 * than the wall clock.
 *
 * With "threads" the clients run in a thread of their own (their own main context), the server in
 * the main thread, as a client and a server process would on one machine: each side's CPU time is
 * then its thread's (CLOCK_THREAD_CPUTIME_ID), printed as a third line:
 *   sides PUSH_CLIENT_CPU_S PUSH_SERVER_CPU_S PULL_CLIENT_CPU_S PULL_SERVER_CPU_S
 * and the wall clock shows what neither side spends computing (fsyncs, waits).
 * With BENCH_SYNC_SERVER=process the server runs in a process of its own (forked first thing,
 * before any thread, and told the center's ID through a pipe), as `icw serve` does, so that the
 * client and the server can work at the same time (the pull asks for the next page while it
 * applies the last); a line of its own then gives each side apart (not with "threads"):
 *   server-process PULL_CLIENT_CPU_S PULL_SERVER_CPU_S PULL_CLIENT_WRITTEN_BYTES
 * the server's CPU time from /proc/PID/stat, the client's written bytes (wchar of /proc/self/io:
 * what the pull wrote into its database and WAL, plus its few requests). BENCH_SYNC_GROUP=N sets
 * the records of pulled pages applied in one transaction (icw_sync_client_set_pull_group).
 *
 * Under callgrind the three steps are functions of their own, never inlined (bench_push,
 * bench_pull, and bench_bare_write: the floor's timed part), so that their instructions can be
 * read as inclusive costs and set against each other in one run (docs/performance.md):
 *   valgrind --tool=callgrind --callgrind-out-file=OUT bench-sync DIR 2000
 *   callgrind_annotate --inclusive=yes OUT | grep bench_
 * Part of tests/bench (not the test suite). */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "icw-center.h"
#include "icw-organization.h"
#include "icw-store.h"
#include "icw-sync-client.h"
#include "icw-sync-server.h"

static void
fail (const char *what, const GError *error)
{
  fprintf (stderr, "bench-sync: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
check (sqlite3 *db, int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "bench-sync: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The process's CPU time so far, user and system, in seconds. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The syllables of the names: the same data every run. */
static const char *places[] = { "济南", "青岛", "淄博", "烟台", "潍坊", "合肥", "苏州", "成都", "西安", "武汉" };
static const char *trades[] = { "华信", "金远", "恒瑞", "中科", "天成", "鼎盛", "博远", "鑫达", "安泰", "宏图" };
static const char *fields[] = { "传感技术", "新材料", "智能装备", "精密仪器", "动力电池", "化工" };

static IcwCenter *
fill_store (IcwStore *store,
            guint     n)
{
  g_autoptr(GError) error = NULL;
  IcwCenter *center = icw_center_new ();

  icw_center_set_name (center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_province (center, "山东省");
  icw_center_set_city (center, "济南市");
  if (!icw_store_save (store, ICW_RECORD (center), &error))
    fail ("save the center", error);
  if (!icw_store_begin_batch (store, &error))
    fail ("begin", error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwOrganization) org = icw_organization_new ();
      g_autofree char *name = g_strdup_printf ("%s%s%s有限公司%05u", places[i % 10], trades[(i / 10) % 10],
                                               fields[(i / 100) % 6], i);

      icw_organization_set_name (org, name);
      icw_organization_set_province (org, "山东省");
      icw_organization_set_city (org, places[i % 10]);
      icw_organization_set_legal_representative (org, "张三");
      if (!icw_store_save (store, ICW_RECORD (org), &error))
        fail ("save an organization", error);
    }
  if (!icw_store_commit_batch (store, &error))
    fail ("commit", error);
  return center;
}

static double last_cpu;   /* the CPU time of the last step timed */

/* The calling thread's CPU time so far, in seconds. */
static double
thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* "threads": a client run in its own thread and main context while the main thread serves. */
typedef struct {
  IcwStore      *store;
  const char    *url;
  const char    *token;
  IcwSyncMode    mode;
  IcwSyncReport  report;
  GError        *error;
  gboolean       ok;
  double         cpu;       /* the client thread's CPU time */
  GMainLoop     *loop;      /* of the client's context */
  GMainContext  *server;    /* woken when the client is done */
  gboolean       done;
} ThreadedRun;

static void
threaded_done (GObject *source, GAsyncResult *result, gpointer data)
{
  ThreadedRun *run = data;

  run->ok = icw_sync_client_run_finish (ICW_SYNC_CLIENT (source), result, &run->report, &run->error);
  g_main_loop_quit (run->loop);
}

/* BENCH_SYNC_STALL: a 1 ms timeout in the client's main context; the longest time between two of
 * its dispatches, less the 1 ms, is the longest the client's loop could not run anything else (what
 * a window would feel), printed to stderr as "stall push|pull MAX_MS". */
typedef struct {
  gint64 last;
  gint64 longest;
} StallProbe;

static gboolean
stall_tick (gpointer data)
{
  StallProbe *probe = data;
  gint64 now = g_get_monotonic_time ();

  if (probe->last > 0)
    probe->longest = MAX (probe->longest, now - probe->last - 1000);
  probe->last = now;
  return G_SOURCE_CONTINUE;
}

static gpointer
threaded_client (gpointer data)
{
  StallProbe probe = { 0, 0 };
  GSource *stall = NULL;
  ThreadedRun *run = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(IcwSyncClient) client = NULL;
  double cpu;

  g_main_context_push_thread_default (context);
  cpu = thread_cpu_seconds ();
  client = icw_sync_client_new (run->store, run->url, run->token, &run->error);
  if (client != NULL)
    {
      run->loop = g_main_loop_new (context, FALSE);
      if (g_getenv ("BENCH_SYNC_STALL") != NULL)
        {
          stall = g_timeout_source_new (1);
          g_source_set_callback (stall, stall_tick, &probe, NULL);
          g_source_attach (stall, context);
        }
      icw_sync_client_run_async (client, run->mode, NULL, threaded_done, run);
      g_main_loop_run (run->loop);
      g_main_loop_unref (run->loop);
      if (stall != NULL)
        {
          g_source_destroy (stall);
          g_source_unref (stall);
          g_printerr ("stall %s %.1f\n", run->mode == ICW_SYNC_PUSH ? "push" : "pull", probe.longest / 1000.0);
        }
    }
  g_clear_object (&client);
  run->cpu = thread_cpu_seconds () - cpu;
  g_main_context_pop_thread_default (context);
  g_atomic_int_set (&run->done, TRUE);
  g_main_context_wakeup (run->server);
  return NULL;
}

static double side_client_cpu, side_server_cpu;   /* of the last step run with "threads" */

static IcwSyncReport
run_threaded (IcwStore    *store,
              const char  *url,
              const char  *token,
              IcwSyncMode  mode,
              double      *seconds)
{
  ThreadedRun run = { store, url, token, mode, { 0, }, NULL, FALSE, 0, NULL, g_main_context_default (), FALSE };
  GThread *thread;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  double server_cpu = thread_cpu_seconds ();

  thread = g_thread_new ("bench-client", threaded_client, &run);
  while (!g_atomic_int_get (&run.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  *seconds = seconds_since (start);
  last_cpu = cpu_seconds () - cpu;
  side_server_cpu = thread_cpu_seconds () - server_cpu;
  side_client_cpu = run.cpu;
  if (!run.ok)
    fail (mode == ICW_SYNC_PUSH ? "push" : "pull", run.error);
  return run.report;
}

static gboolean threaded;

static G_GNUC_NO_INLINE IcwSyncReport
run_client (IcwStore    *store,
            const char  *url,
            const char  *token,
            IcwSyncMode  mode,
            double      *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  IcwSyncReport report = { 0, };
  gint64 start;
  double cpu;

  if (threaded)
    return run_threaded (store, url, token, mode, seconds);
  client = icw_sync_client_new (store, url, token, &error);
  if (client == NULL)
    fail ("client", error);
  if (g_getenv ("BENCH_SYNC_GROUP") != NULL)
    icw_sync_client_set_pull_group (client, (guint) g_ascii_strtoull (g_getenv ("BENCH_SYNC_GROUP"), NULL, 10));
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  if (!icw_sync_client_run (client, mode, &report, &error))
    fail (mode == ICW_SYNC_PUSH ? "push" : "pull", error);
  *seconds = seconds_since (start);
  last_cpu = cpu_seconds () - cpu;
  return report;
}

/* The timed part of the floor (bare_insert below): one prepared INSERT, one transaction. */
static G_GNUC_NO_INLINE sqlite3_stmt *
bench_bare_write (sqlite3    *to,
                  const char *sql,
                  GPtrArray  *rows,
                  int         n_columns)
{
  sqlite3_stmt *write;

  check (to, sqlite3_prepare_v2 (to, sql, -1, &write, NULL), "prepare");
  check (to, sqlite3_exec (to, "BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
  for (guint r = 0; r < rows->len; r++)
    {
      sqlite3_value **row = rows->pdata[r];

      sqlite3_reset (write);
      for (int i = 0; i < n_columns; i++)
        sqlite3_bind_value (write, i + 1, row[i]);
      check (to, sqlite3_step (write), "insert");
    }
  check (to, sqlite3_exec (to, "COMMIT", NULL, NULL, NULL), "commit");
  return write;
}

/* The same rows with SQLite alone: read from the store's file, written into a fresh one. */
static G_GNUC_NO_INLINE guint
bare_insert (const char *from_path,
             const char *to_path,
             double     *seconds)
{
  sqlite3 *from, *to;
  sqlite3_stmt *read, *write, *create;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) insert = g_string_new ("INSERT INTO organizations VALUES (");
  int n_columns;
  gint64 start;
  double cpu;

  check (NULL, sqlite3_open_v2 (from_path, &from, SQLITE_OPEN_READONLY, NULL), "open");
  check (NULL, sqlite3_open (to_path, &to), "open");
  check (to, sqlite3_exec (to, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL), "pragmas");
  check (from, sqlite3_prepare_v2 (from, "SELECT sql FROM sqlite_master WHERE name = 'organizations'", -1, &create, NULL), "schema");
  if (sqlite3_step (create) != SQLITE_ROW)
    check (from, SQLITE_ERROR, "schema");
  check (to, sqlite3_exec (to, (const char *) sqlite3_column_text (create, 0), NULL, NULL, NULL), "create");
  sqlite3_finalize (create);

  check (from, sqlite3_prepare_v2 (from, "SELECT * FROM organizations", -1, &read, NULL), "read");
  n_columns = sqlite3_column_count (read);
  while (sqlite3_step (read) == SQLITE_ROW)
    {
      sqlite3_value **row = g_new (sqlite3_value *, n_columns);

      for (int i = 0; i < n_columns; i++)
        row[i] = sqlite3_value_dup (sqlite3_column_value (read, i));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (read);
  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (insert, "%s?%d", i > 0 ? ", " : "", i + 1);
  g_string_append (insert, ")");

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  write = bench_bare_write (to, insert->str, rows, n_columns);
  *seconds = seconds_since (start);
  last_cpu = cpu_seconds () - cpu;
  sqlite3_finalize (write);

  for (guint r = 0; r < rows->len; r++)
    {
      sqlite3_value **row = rows->pdata[r];

      for (int i = 0; i < n_columns; i++)
        sqlite3_value_free (row[i]);
      g_free (row);
    }
  sqlite3_close (from);
  sqlite3_close (to);
  return rows->len;
}

/* The server in a process of its own (BENCH_SYNC_SERVER=process): forked before anything else;
 * it reads the center's ID from one pipe, answers "URL TOKEN" on the other and serves until it is
 * killed. */
static pid_t server_pid;
static int to_server = -1, from_server = -1;

static void
fork_server (const char *server_path)
{
  int down[2], up[2];

  if (pipe (down) != 0 || pipe (up) != 0 || (server_pid = fork ()) < 0)
    {
      perror ("bench-sync: fork");
      exit (1);
    }
  if (server_pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwSyncServer) server = NULL;
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      g_autofree char *url = NULL, *token = NULL, *answer = NULL;
      char center_id[128] = "";
      ssize_t got;

      close (down[1]);
      close (up[0]);
      got = read (down[0], center_id, sizeof center_id - 1);
      if (got <= 0)
        _exit (1);
      center_id[got] = '\0';
      server = icw_sync_server_new (server_path, &error);
      if (server == NULL || !icw_sync_server_listen (server, "127.0.0.1", 0, NULL, NULL, &error))
        fail ("server", error);
      url = icw_sync_server_get_url (server);
      token = icw_sync_server_add_token (server, "admin", center_id, &error);
      if (token == NULL)
        fail ("token", error);
      answer = g_strdup_printf ("%s %s\n", url, token);
      if (write (up[1], answer, strlen (answer)) != (ssize_t) strlen (answer))
        _exit (1);
      g_main_loop_run (loop);
      _exit (0);
    }
  close (down[0]);
  close (up[1]);
  to_server = down[1];
  from_server = up[0];
}

static void
ask_server (const char *center_id,
            char      **url,
            char      **token)
{
  char answer[1024];
  gsize length = 0;
  ssize_t got;
  char *space;

  if (write (to_server, center_id, strlen (center_id)) != (ssize_t) strlen (center_id))
    fail ("server pipe", NULL);
  close (to_server);
  while (length < sizeof answer - 1 && (got = read (from_server, answer + length, sizeof answer - 1 - length)) > 0)
    {
      length += (gsize) got;
      if (answer[length - 1] == '\n')
        break;
    }
  answer[length] = '\0';
  if ((space = strchr (answer, ' ')) == NULL)
    fail ("server answer", NULL);
  *space = '\0';
  g_strchomp (space + 1);
  *url = g_strdup (answer);
  *token = g_strdup (space + 1);
}

/* The server process's CPU time so far (utime + stime of /proc/PID/stat). */
static double
server_cpu_seconds (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) server_pid);
  g_autofree char *text = NULL;
  unsigned long utime = 0, stime = 0;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (p = strrchr (text, ')')) == NULL ||
      sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return 0;
  return (double) (utime + stime) / sysconf (_SC_CLK_TCK);
}

/* Bytes this process passed to write calls so far (wchar of /proc/self/io). */
static double
written_bytes (void)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/io", &text, NULL, NULL) || (p = strstr (text, "wchar: ")) == NULL)
    return 0;
  return g_ascii_strtod (p + strlen ("wchar: "), NULL);
}

static G_GNUC_NO_INLINE IcwSyncReport
bench_push (IcwStore *store, const char *url, const char *token, double *seconds)
{
  return run_client (store, url, token, ICW_SYNC_PUSH, seconds);
}

static G_GNUC_NO_INLINE IcwSyncReport
bench_pull (IcwStore *store, const char *url, const char *token, double *seconds)
{
  return run_client (store, url, token, ICW_SYNC_PULL, seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a_path = NULL, *b_path = NULL, *server_path = NULL, *bare_path = NULL;
  g_autofree char *url = NULL, *token = NULL;
  g_autoptr(IcwStore) a = NULL;
  g_autoptr(IcwStore) b = NULL;
  g_autoptr(IcwSyncServer) server = NULL;
  g_autoptr(IcwCenter) center = NULL;
  IcwSyncReport pushed, pulled;
  double push_s, pull_s, bare_s, push_cpu, pull_cpu, server_cpu = 0, written = 0;
  double sides[4] = { 0, };
  gboolean own_process = g_strcmp0 (g_getenv ("BENCH_SYNC_SERVER"), "process") == 0;
  guint n, bare_rows;

  if ((argc != 3 && argc != 4) || (argc == 4 && g_strcmp0 (argv[3], "threads") != 0))
    {
      fprintf (stderr, "usage: bench-sync DIR N [threads]\n");
      return 2;
    }
  threaded = argc == 4;
  if (threaded && own_process)
    {
      fprintf (stderr, "bench-sync: \"threads\" and BENCH_SYNC_SERVER=process are two ways of measuring each side; choose one\n");
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  a_path = g_build_filename (argv[1], "sync-a.db", NULL);
  b_path = g_build_filename (argv[1], "sync-b.db", NULL);
  server_path = g_build_filename (argv[1], "sync-server.db", NULL);
  bare_path = g_build_filename (argv[1], "sync-bare.db", NULL);
  if (own_process)
    fork_server (server_path);

  a = icw_store_open (a_path, &error);
  if (a == NULL)
    fail ("open", error);
  center = fill_store (a, n);

  if (own_process)
    ask_server (icw_record_get_id (ICW_RECORD (center)), &url, &token);
  else
    {
      server = icw_sync_server_new (server_path, &error);
      if (server == NULL || !icw_sync_server_listen (server, "127.0.0.1", 0, NULL, NULL, &error))
        fail ("server", error);
      url = icw_sync_server_get_url (server);
      token = icw_sync_server_add_token (server, "admin", icw_record_get_id (ICW_RECORD (center)), &error);
      if (token == NULL)
        fail ("token", error);
    }

  pushed = bench_push (a, url, token, &push_s);
  push_cpu = last_cpu;
  sides[0] = side_client_cpu;
  sides[1] = side_server_cpu;
  b = icw_store_open (b_path, &error);
  if (b == NULL)
    fail ("open", error);
  server_cpu = own_process ? server_cpu_seconds () : 0;
  written = written_bytes ();
  pulled = bench_pull (b, url, token, &pull_s);
  pull_cpu = last_cpu;
  sides[2] = side_client_cpu;
  sides[3] = side_server_cpu;
  written = written_bytes () - written;
  if (own_process)
    {
      server_cpu = server_cpu_seconds () - server_cpu;
      kill (server_pid, SIGTERM);
      waitpid (server_pid, NULL, 0);
    }
  bare_rows = bare_insert (a_path, bare_path, &bare_s);

  printf ("sync %u %.6f %u %.6f %u %.6f\n", pushed.pushed, push_s, pulled.pulled, pull_s, bare_rows, bare_s);
  printf ("cpu %.6f %.6f %.6f\n", push_cpu, pull_cpu, last_cpu);
  if (threaded)
    printf ("sides %.6f %.6f %.6f %.6f\n", sides[0], sides[1], sides[2], sides[3]);
  if (own_process)
    printf ("server-process %.6f %.6f %.0f\n", pull_cpu, server_cpu, written);
  return 0;
}
