/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-save.c: one field edit saved, as the editor saves it: an organization's legal
 * representative is changed and icw_store_save writes the row and its outbox entry in one
 * BEGIN IMMEDIATE transaction (folded into the organization's waiting outbox row, which no push
 * batch has read in bench-gen's register). The baseline is the bare SQLite UPDATE of that one
 * column, in its own BEGIN IMMEDIATE … COMMIT, with the store's durability settings (WAL,
 * synchronous=FULL, foreign_keys=ON), its statement prepared once, on a byte copy of the same database (so that
 * each has its own WAL). For reference only, a third transaction does what a save cannot avoid:
 * the same UPDATE plus an outbox row built the way the store builds it (INSERT … SELECT
 * json_object(…) FROM the row), also on the copy. The three alternate, after five warm-up rounds.
 *
 *   bench-save DB COPY_OF_DB RUNS
 *
 * Prints: save STORE_MEDIAN_US STORE_P95_US BARE_MEDIAN_US BARE_P95_US OUTBOX_ROWS_ADDED
 *              BARE_WITH_OUTBOX_MEDIAN_US
 * then:   cpu STORE_CPU_US BARE_CPU_US BARE_WITH_OUTBOX_CPU_US (the process's CPU time, user + system,
 *              summed over the timed rounds: what a busy machine's disk does not blur)
 * then:   cpu-split STORE_USER_US STORE_SYSTEM_US BARE_USER_US BARE_SYSTEM_US BARE_WITH_OUTBOX_USER_US
 *              BARE_WITH_OUTBOX_SYSTEM_US (the same, user and system apart: the system part is the
 *              kernel's, the WAL's writes and fsync, which callgrind does not count)
 * then:   wal-frames STORE BARE BARE_WITH_OUTBOX (the pages each transaction appended to its WAL, on
 *              average over the timed rounds, from the -wal file's size before and after it: a
 *              round in which a checkpoint restarted the WAL is left out of the average)
 * Part of tests/bench (not the test suite). */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "icw-organization.h"
#include "icw-store.h"

#include "bench-stats.h"

#define WARM_UP 5

/* The process's user and system CPU time now, µs. */
static void
cpu_split (double *user,
           double *system)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  *user = usage.ru_utime.tv_sec * 1e6 + usage.ru_utime.tv_usec;
  *system = usage.ru_stime.tv_sec * 1e6 + usage.ru_stime.tv_usec;
}

/* The size of a database's -wal file now, bytes (0 when it has none). */
static gint64
wal_size (const char *wal)
{
  struct stat st;

  return stat (wal, &st) == 0 ? (gint64) st.st_size : 0;
}

/* The frames a transaction appended, given the -wal's size before and after it; -1 when the WAL
 * was restarted in between (a checkpoint: the file is rewritten from its start, not grown). */
static gint64
frames_added (gint64 before,
              gint64 after,
              gint64 page_size)
{
  return after >= before ? (after - before) / (page_size + 24) : -1;
}

static void
check (sqlite3 *db, int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "bench-save: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  check (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), sql);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The three timed parts as functions of their own, never inlined, so that callgrind counts each
 * beside the others in one run: `valgrind --tool=callgrind --toggle-collect='bench_*' bench-save …`,
 * then `callgrind_annotate --inclusive=yes OUT | grep bench_`. */
static G_GNUC_NO_INLINE gboolean
bench_store_save (IcwStore   *store,
                  IcwRecord  *org,
                  GError    **error)
{
  return icw_store_save (store, org, error);
}

static G_GNUC_NO_INLINE int
bench_bare_update (sqlite3      *bare,
                   sqlite3_stmt *update,
                   const char   *value,
                   const char   *id)
{
  check (bare, sqlite3_exec (bare, "BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
  sqlite3_bind_text (update, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, id, -1, SQLITE_STATIC);
  check (bare, sqlite3_step (update), "update");
  sqlite3_reset (update);
  if (sqlite3_changes (bare) != 1)
    return sqlite3_changes (bare);
  check (bare, sqlite3_exec (bare, "COMMIT", NULL, NULL, NULL), "commit");
  return 1;
}

static G_GNUC_NO_INLINE void
bench_bare_with_outbox (sqlite3      *bare,
                        sqlite3_stmt *update,
                        sqlite3_stmt *outbox,
                        const char   *value,
                        const char   *id)
{
  check (bare, sqlite3_exec (bare, "BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
  sqlite3_bind_text (update, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, id, -1, SQLITE_STATIC);
  check (bare, sqlite3_step (update), "update");
  sqlite3_reset (update);
  sqlite3_bind_text (outbox, 1, id, -1, SQLITE_STATIC);
  check (bare, sqlite3_step (outbox), "outbox");
  sqlite3_reset (outbox);
  check (bare, sqlite3_exec (bare, "COMMIT", NULL, NULL, NULL), "commit");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) org = NULL;
  g_autoptr(GArray) store_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *id = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *sync = NULL;
  g_autofree char *page_size_text = NULL;
  g_autofree char *store_wal = NULL;
  g_autofree char *bare_wal = NULL;
  gint64 page_size, frames[3] = { 0 }, frame_rounds[3] = { 0 };
  sqlite3 *bare;
  sqlite3_stmt *update, *outbox;
  gint64 outbox_before;
  double store_cpu = 0, bare_cpu = 0, floor_cpu = 0;
  double user[3] = { 0 }, system[3] = { 0 };
  int runs;

  if (argc != 4)
    {
      fprintf (stderr, "usage: bench-save DB COPY_OF_DB RUNS\n");
      return 2;
    }
  runs = atoi (argv[3]);
  store_wal = g_strconcat (argv[1], "-wal", NULL);
  bare_wal = g_strconcat (argv[2], "-wal", NULL);

  /* The bare connection, set up as icw-database.c sets up the store's. */
  check (NULL, sqlite3_open_v2 (argv[2], &bare, SQLITE_OPEN_READWRITE, NULL), "open");
  sqlite3_busy_timeout (bare, 5000);
  mode = query_text (bare, "PRAGMA journal_mode = WAL");
  check (bare, sqlite3_exec (bare, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", NULL, NULL, NULL), "pragmas");
  sync = query_text (bare, "PRAGMA synchronous");
  if (g_strcmp0 (mode, "wal") != 0 || g_strcmp0 (sync, "2") != 0)
    {
      fprintf (stderr, "bench-save: the baseline is not in WAL with synchronous=FULL (%s, %s)\n", mode, sync);
      return 1;
    }
  page_size_text = query_text (bare, "PRAGMA page_size");
  page_size = g_ascii_strtoll (page_size_text, NULL, 10);
  /* A record in the middle of the register, the same one in both files. */
  id = query_text (bare, "SELECT id FROM organizations WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET "
                         "(SELECT count(*) / 2 FROM organizations)");
  check (bare, sqlite3_prepare_v2 (bare, "UPDATE organizations SET legal_representative = ?1 WHERE id = ?2",
                                   -1, &update, NULL), "prepare");
  check (bare, sqlite3_prepare_v2 (bare, "INSERT INTO outbox (kind, record_id, op, payload, base_revision, queued_at) "
                                   "SELECT 'organization', id, 'upsert', json_object('id', id, 'created_at', created_at, "
                                   "'updated_at', updated_at, 'deleted_at', deleted_at, 'name', name, 'credit_code', credit_code, "
                                   "'kind', kind, 'province', province, 'city', city, 'legal_representative', legal_representative, "
                                   "'top_ten', top_ten, 'rd_base_year', rd_base_year, 'rd_intensity_1', rd_intensity_1, "
                                   "'rd_intensity_2', rd_intensity_2, 'rd_intensity_3', rd_intensity_3), revision, "
                                   "strftime('%Y-%m-%dT%H:%M:%fZ') FROM organizations WHERE id = ?1", -1, &outbox, NULL),
         "prepare outbox");

  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-save: %s\n", error->message);
      return 1;
    }
  org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  if (org == NULL)
    {
      fprintf (stderr, "bench-save: %s\n", error->message);
      return 1;
    }
  outbox_before = icw_store_count_outbox (store);

  for (int i = 0; i < WARM_UP + runs; i++)
    {
      const char *value = i % 2 == 0 ? "李娜" : "张伟";
      gint64 t0, t1, t2, t3, t4, t5;
      double c0, c1, c2, c3, c4, c5;
      double u[6], k[6];
      gint64 w[6], added;
      int changes;

      icw_organization_set_legal_representative (ICW_ORGANIZATION (org), value);
      w[0] = wal_size (store_wal);
      cpu_split (&u[0], &k[0]);
      c0 = bench_cpu_us ();
      t0 = g_get_monotonic_time ();
      if (!bench_store_save (store, org, &error))
        {
          fprintf (stderr, "bench-save: %s\n", error->message);
          return 1;
        }
      t1 = g_get_monotonic_time ();
      c1 = bench_cpu_us ();
      cpu_split (&u[1], &k[1]);
      w[1] = wal_size (store_wal);

      w[2] = wal_size (bare_wal);
      cpu_split (&u[2], &k[2]);
      c2 = bench_cpu_us ();
      t2 = g_get_monotonic_time ();
      changes = bench_bare_update (bare, update, value, id);
      t3 = g_get_monotonic_time ();
      c3 = bench_cpu_us ();
      cpu_split (&u[3], &k[3]);
      w[3] = wal_size (bare_wal);
      if (changes != 1)
        {
          fprintf (stderr, "bench-save: the baseline updated %d rows\n", changes);
          return 1;
        }

      /* For reference: the same UPDATE with its outbox row. */
      w[4] = wal_size (bare_wal);
      cpu_split (&u[4], &k[4]);
      c4 = bench_cpu_us ();
      t4 = g_get_monotonic_time ();
      bench_bare_with_outbox (bare, update, outbox, value, id);
      t5 = g_get_monotonic_time ();
      c5 = bench_cpu_us ();
      cpu_split (&u[5], &k[5]);
      w[5] = wal_size (bare_wal);

      if (i < WARM_UP)
        continue;
      g_array_append_vals (store_us, &(double) { t1 - t0 }, 1);
      g_array_append_vals (bare_us, &(double) { t3 - t2 }, 1);
      g_array_append_vals (floor_us, &(double) { t5 - t4 }, 1);
      store_cpu += c1 - c0;
      bare_cpu += c3 - c2;
      floor_cpu += c5 - c4;
      for (int part = 0; part < 3; part++)
        {
          user[part] += u[2 * part + 1] - u[2 * part];
          system[part] += k[2 * part + 1] - k[2 * part];
          if ((added = frames_added (w[2 * part], w[2 * part + 1], page_size)) >= 0)
            {
              frames[part] += added;
              frame_rounds[part]++;
            }
        }
    }

  printf ("save\t%.0f\t%.0f\t%.0f\t%.0f\t%" G_GINT64_FORMAT "\t%.0f\n",
          bench_percentile (store_us, 0.5), bench_percentile (store_us, 0.95),
          bench_percentile (bare_us, 0.5), bench_percentile (bare_us, 0.95),
          icw_store_count_outbox (store) - outbox_before, bench_percentile (floor_us, 0.5));
  printf ("cpu\t%.0f\t%.0f\t%.0f\n", store_cpu, bare_cpu, floor_cpu);
  printf ("cpu-split\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\n", user[0], system[0], user[1], system[1], user[2], system[2]);
  printf ("wal-frames\t%.2f\t%.2f\t%.2f\n", (double) frames[0] / MAX (frame_rounds[0], 1),
          (double) frames[1] / MAX (frame_rounds[1], 1), (double) frames[2] / MAX (frame_rounds[2], 1));
  sqlite3_finalize (update);
  sqlite3_finalize (outbox);
  sqlite3_close (bare);
  return 0;
}
