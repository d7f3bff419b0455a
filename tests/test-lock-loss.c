/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lock-loss.c: the database keeps its locks when something else in the program's process
 * opens and closes its files, as GTK's file chooser does to guess their type. lock-holder holds a
 * store on the file, as the window does; this test makes it save, sniff the database's files,
 * runs `icw import` and `icw list` from other processes meanwhile, makes it save again and kills
 * it with SIGKILL. Then every acknowledged save and every imported row must be in the file, with
 * its outbox row, `PRAGMA integrity_check` must say ok and `icw doctor` must find nothing. Without
 * the locks of icw-sqlite-locks.c (ICW_POSIX_LOCKS=1 turns them off) the `icw` commands checkpoint
 * and delete the holder's -wal and -shm, and the later saves are lost. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>

#include "icw-test-util.h"

#define ROUNDS 20
#define IMPORTED 5

typedef struct {
  GSubprocess *holder;
  GOutputStream *commands;
  GDataInputStream *answers;
} Holder;

static char *
build_path (const char *first,
            ...)
{
  const char *root = g_getenv ("ICW_BUILD_ROOT");
  g_autofree char *relative = NULL;
  va_list args;

  g_assert_nonnull (root);
  va_start (args, first);
  relative = g_build_filename_valist (first, &args);
  va_end (args);
  return g_build_filename (root, relative, NULL);
}

static void
holder_expect (Holder     *h,
               const char *answer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_utf8 (h->answers, NULL, NULL, &error);

  g_assert_no_error (error);
  if (g_strcmp0 (line, answer) != 0)
    g_error ("lock-holder answered “%s” instead of “%s”", line != NULL ? line : "(nothing)", answer);
}

static void
holder_say (Holder     *h,
            const char *command,
            const char *answer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (command, "\n", NULL);

  g_assert_true (g_output_stream_write_all (h->commands, text, strlen (text), NULL, NULL, &error));
  g_assert_no_error (error);
  holder_expect (h, answer);
}

static void
holder_edit (Holder *h,
             int     n)
{
  g_autofree char *command = g_strdup_printf ("edit %d", n);
  g_autofree char *answer = g_strdup_printf ("ACK %d", n);

  holder_say (h, command, answer);
}

/* Processes started with plain POSIX locks, for the control round. */
static gboolean posix_locks;

static GSubprocess *
spawn (GSubprocessFlags     flags,
       const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  if (posix_locks)
    g_subprocess_launcher_setenv (launcher, "ICW_POSIX_LOCKS", "1", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

/* Runs icw with the arguments; asserts it succeeded and returns what it printed. */
static char *
run_icw (const char *db_path,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) icw = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, build_path ("src", "cli", "icw", NULL));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (db_path));
  va_start (args, db_path);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  icw = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
               (const char * const *) argv->pdata);
  g_assert_true (g_subprocess_communicate_utf8 (icw, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (icw) || g_subprocess_get_exit_status (icw) != 0)
    g_error ("icw %s failed: %s", (const char *) argv->pdata[3], err);
  return out;
}

static char *
write_import_file (const char *dir,
                   int         round)
{
  g_autoptr(GString) csv = g_string_new ("name,province\n");
  g_autofree char *path = g_build_filename (dir, "import.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (int i = 1; i <= IMPORTED; i++)
    g_string_append_printf (csv, "Imported %d-%d,山东省\n", round, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
assert_saved (sqlite3    *db,
              const char *name)
{
  g_autofree char *id = icw_test_db_text (db, "SELECT id FROM organizations WHERE name = ?1", name);

  if (id == NULL)
    g_error ("“%s” was acknowledged but is not in the file", name);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", id), ==, 1);
}

static void
check_file (const char *path,
            int         round,
            int         edits)
{
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READONLY, NULL);
  g_autofree char *check = icw_test_db_text (db, "PRAGMA integrity_check", NULL);
  g_autofree char *doctor = NULL;

  g_assert_cmpstr (check, ==, "ok");
  for (int n = 1; n <= edits; n++)
    {
      g_autofree char *name = g_strdup_printf ("Lock-loss organization %d", n);
      assert_saved (db, name);
    }
  for (int i = 1; i <= IMPORTED; i++)
    {
      g_autofree char *name = g_strdup_printf ("Imported %d-%d", round, i);
      assert_saved (db, name);
    }
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM organizations", NULL), ==, edits + IMPORTED);
  sqlite3_close (db);

  doctor = run_icw (path, "doctor", NULL);
  g_assert_nonnull (strstr (doctor, "No problems found."));
}

/* Returns whether `icw list` saw the holder's tenth save, made after the other processes ran. */
static gboolean
run_round (int round)
{
  g_autofree char *db_path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-lock-loss-XXXXXX", &db_path);
  g_autofree char *holder_path = build_path ("tests", "lock-holder", NULL);
  g_autofree char *csv = write_import_file (dir, round);
  g_autofree char *listed = NULL;
  g_autofree char *listed_again = NULL;
  const char *holder_argv[] = { holder_path, db_path, NULL };
  gboolean saw_later_save;
  Holder h = { 0 };

  h.holder = spawn (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, holder_argv);
  h.commands = g_subprocess_get_stdin_pipe (h.holder);
  h.answers = g_data_input_stream_new (g_subprocess_get_stdout_pipe (h.holder));
  holder_expect (&h, "READY");

  for (int n = 1; n <= 5; n++)
    holder_edit (&h, n);
  holder_say (&h, "sniff", "SNIFFED");
  g_free (run_icw (db_path, "import", csv, "--kind", "organizations", NULL));
  listed = run_icw (db_path, "list", "organizations", NULL);
  g_assert_nonnull (strstr (listed, "Lock-loss organization 5"));
  g_assert_nonnull (strstr (listed, "Imported"));

  for (int n = 6; n <= 10; n++)
    holder_edit (&h, n);
  holder_say (&h, "sniff", "SNIFFED");
  listed_again = run_icw (db_path, "list", "organizations", NULL);
  saw_later_save = strstr (listed_again, "Lock-loss organization 10") != NULL;
  if (!posix_locks)
    g_assert_true (saw_later_save);
  for (int n = 11; n <= 12; n++)
    holder_edit (&h, n);

  g_subprocess_send_signal (h.holder, SIGKILL);
  g_subprocess_wait (h.holder, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (h.holder));

  if (!posix_locks)
    check_file (db_path, round, 12);

  g_clear_object (&h.answers);
  g_clear_object (&h.holder);
  icw_test_clear_tmp_dir (&dir, &db_path);
  return saw_later_save;
}

static void
test_lock_loss (void)
{
  for (int round = 1; round <= ROUNDS; round++)
    g_assert_true (run_round (round));
}

/* The control: with SQLite's own POSIX locks the same round loses the holder's later saves, so the
 * test above would see the hazard if the locks came back. */
static void
test_posix_locks_lose_saves (void)
{
  posix_locks = TRUE;
  g_assert_false (run_round (0));
  posix_locks = FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/lock-loss/posix-locks-lose-saves", test_posix_locks_lose_saves);
  g_test_add_func ("/lock-loss/sniffed-holder-killed", test_lock_loss);
  return g_test_run ();
}
