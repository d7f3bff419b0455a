/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sqlite-locks.c: SQLite's locks, made so that no close() elsewhere in the process drops them.
 *
 * SQLite's unix VFS locks with POSIX record locks (fcntl F_SETLK). POSIX drops every lock a
 * process holds on a file when the process closes *any* descriptor of that file, and GTK's file
 * chooser does exactly that: it reads the first bytes of every file in the folder it shows, the
 * database, its -wal and its -shm included, to guess their type. From then on another process
 * (an `icw` command) believes it is alone, checkpoints and deletes the -wal and -shm the window is
 * still writing to, and edits are lost.
 *
 * The unix VFS lets a program replace the system calls it makes (xSetSystemCall). This file
 * replaces two of them for every SQLite connection of the process:
 *
 * - fcntl: a lock request (F_SETLK, F_SETLKW, F_GETLK) on any descriptor of a file is carried out
 *   as an open file description lock (F_OFD_SETLK …) on one descriptor of that file that this file
 *   opened itself and nobody else knows of. An OFD lock belongs to its open file description, so
 *   closing another descriptor of the file leaves it in place. There is one such descriptor per
 *   file (device and inode) and process, which keeps the semantics SQLite's own bookkeeping
 *   expects of POSIX locks (one lock owner per process and file). OFD locks and POSIX locks
 *   conflict with each other, so processes that use plain SQLite (the sqlite3 shell) still see
 *   the program's locks and the program sees theirs.
 * - close: when SQLite itself closes a descriptor of a file, the process's lock descriptor for that
 *   file is closed too, which is what POSIX would have done: SQLite closes a descriptor only when
 *   it means every lock of the process on that file to go (it defers the close otherwise).
 *
 * Installed once, before main() runs, so no connection ever holds a lock of the other kind. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icw-sqlite-locks.h"

#ifdef F_OFD_SETLK

typedef int (*IcwFcntlFunc) (int, int, ...);
typedef int (*IcwCloseFunc) (int);

typedef struct
{
  dev_t dev;
  ino_t ino;
  int   lock_fd;
} IcwLockFile;

static IcwFcntlFunc system_fcntl;
static IcwCloseFunc system_close;
static GMutex lock_files_mutex;
static GArray *lock_files;   /* of IcwLockFile: a handful per process */
static gboolean installed;

static IcwLockFile *
find_lock_file (const struct stat *st)
{
  for (guint i = 0; lock_files != NULL && i < lock_files->len; i++)
    {
      IcwLockFile *file = &g_array_index (lock_files, IcwLockFile, i);

      if (file->dev == st->st_dev && file->ino == st->st_ino)
        return file;
    }
  return NULL;
}

/* A new open file description of the file behind fd: reopened through /proc so that it can take
 * write locks even when fd could not; a duplicate of fd (the same description) if that fails. */
static int
open_lock_fd (int fd)
{
  char path[64];
  int lock_fd;

  g_snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  lock_fd = open (path, O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (lock_fd < 0)
    lock_fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (lock_fd < 0)
    lock_fd = system_fcntl (fd, F_DUPFD_CLOEXEC, 0);
  return lock_fd;
}

static int
lock_fd_for (int fd)
{
  struct stat st;
  IcwLockFile *file;
  IcwLockFile added;

  if (fstat (fd, &st) != 0)
    return -1;
  file = find_lock_file (&st);
  if (file != NULL)
    return file->lock_fd;

  added.dev = st.st_dev;
  added.ino = st.st_ino;
  added.lock_fd = open_lock_fd (fd);
  if (added.lock_fd < 0)
    return -1;
  if (lock_files == NULL)
    lock_files = g_array_new (FALSE, FALSE, sizeof (IcwLockFile));
  g_array_append_val (lock_files, added);
  return added.lock_fd;
}

static int
ofd_command (int command)
{
  switch (command)
    {
    case F_SETLK:
      return F_OFD_SETLK;
    case F_SETLKW:
      return F_OFD_SETLKW;
    case F_GETLK:
      return F_OFD_GETLK;
    default:
      return -1;
    }
}

static int
locked_fcntl (int           fd,
              int           command,
              struct flock *lock)
{
  int saved_errno;
  int lock_fd;
  int rc;

  /* The kernel requires l_pid to be 0 for OFD locks; SQLite leaves it unset. */
  lock->l_pid = 0;
  g_mutex_lock (&lock_files_mutex);
  lock_fd = lock_fd_for (fd);
  if (lock_fd < 0)
    rc = -1;
  else
    rc = system_fcntl (lock_fd, ofd_command (command), lock);
  saved_errno = errno;
  g_mutex_unlock (&lock_files_mutex);
  errno = saved_errno;
  return rc;
}

static int
icw_sqlite_fcntl (int fd,
                  int command,
                  ...)
{
  va_list args;
  void *argument;

  va_start (args, command);
  argument = va_arg (args, void *);
  va_end (args);

  if (ofd_command (command) >= 0)
    return locked_fcntl (fd, command, argument);
  return system_fcntl (fd, command, argument);
}

static int
icw_sqlite_close (int fd)
{
  struct stat st;

  g_mutex_lock (&lock_files_mutex);
  if (lock_files != NULL && fstat (fd, &st) == 0)
    {
      IcwLockFile *file = find_lock_file (&st);

      if (file != NULL)
        {
          system_close (file->lock_fd);
          g_array_remove_index_fast (lock_files, file - (IcwLockFile *) (void *) lock_files->data);
        }
    }
  g_mutex_unlock (&lock_files_mutex);
  return system_close (fd);
}

static void
install (void)
{
  sqlite3_vfs *vfs;

  if (g_getenv ("ICW_POSIX_LOCKS") != NULL)   /* the lock test's control run, to see the hazard */
    return;
  vfs = sqlite3_vfs_find ("unix");
  if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL)
    return;
  system_fcntl = (IcwFcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
  system_close = (IcwCloseFunc) vfs->xGetSystemCall (vfs, "close");
  if (system_fcntl == NULL || system_close == NULL)
    return;
  if (vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) icw_sqlite_fcntl) != SQLITE_OK)
    return;
  if (vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) icw_sqlite_close) != SQLITE_OK)
    {
      vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) system_fcntl);
      return;
    }
  installed = TRUE;
}

gboolean
icw_sqlite_locks_installed (void)
{
  return installed;
}

#else /* no OFD locks on this system */

static void
install (void)
{
}

gboolean
icw_sqlite_locks_installed (void)
{
  return FALSE;
}

#endif

/* A statement journal (the pages a statement inside a transaction changed, kept so that the
 * statement alone can be undone) stays in memory up to this size, then goes to a temporary file as
 * before. SQLite's default, 64 KiB, sent every statement of a sync batch (a multi-row upsert, the
 * acknowledgements' updates, each with the full-text triggers) to a fresh file in /var/tmp: 26.7k
 * writes of a 10k push and their open, unlink and close (docs/performance.md, "Sync: SQLite's
 * syscalls…"). A statement journal lives only while its statement runs, so this is the most
 * memory one statement can hold beyond its pages in the cache; a larger one (a migration's
 * UPDATE of a 1M register) spills as before. Nothing of durability changes: a statement journal
 * is never synced, and the transaction's own journal (the WAL) is untouched. */
#define STATEMENT_JOURNAL_SPILL_BYTES (16 * 1024 * 1024)

/* Before main(): a static library's constructor runs whenever its object is linked, and every
 * program that opens a database links this one through icw-database.c. SQLite takes the
 * configuration only before it is initialised, which the first connection (or install's
 * sqlite3_vfs_find) does, so it is set first. */
__attribute__((constructor)) static void
icw_sqlite_locks_constructor (void)
{
  sqlite3_config (SQLITE_CONFIG_STMTJRNL_SPILL, STATEMENT_JOURNAL_SPILL_BYTES);
  install ();
}
