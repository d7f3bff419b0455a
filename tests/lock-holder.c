/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lock-holder.c: the program that test-lock-loss drives and kills. It holds a store on DB, as the
 * window does, and obeys commands read from stdin, one per line:
 *   edit N   saves the new organization "Lock-loss organization N" and prints "ACK N";
 *   sniff    opens, reads and closes the database, its -wal and its -shm outside SQLite, and asks
 *            GIO for the content type of every file of the folder, as GTK's file chooser does when
 *            it shows that folder; then prints "SNIFFED".
 * Each answer is flushed, so that every line the test reads is a thing done. */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "icw-organization.h"
#include "icw-store.h"

static void
read_and_close (const char *path)
{
  char header[100];
  int fd = open (path, O_RDONLY);

  if (fd < 0)
    return;
  if (read (fd, header, sizeof header) < 0)
    g_printerr ("lock-holder: could not read %s\n", path);
  close (fd);
}

static void
sniff (const char *db_path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      read_and_close (path);
    }

  /* GIO sniffs a file's first bytes for its content type unless the "fast" type is asked for. */
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    g_object_unref (info);
}

static gboolean
save_organization (IcwStore   *store,
                   const char *number)
{
  g_autoptr(IcwOrganization) organization = icw_organization_new ();
  g_autofree char *name = g_strdup_printf ("Lock-loss organization %s", number);
  g_autoptr(GError) error = NULL;

  icw_organization_set_name (organization, name);
  icw_organization_set_province (organization, "山东省");
  if (!icw_store_save (store, ICW_RECORD (organization), &error))
    {
      g_printerr ("lock-holder: save %s failed: %s\n", number, error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  char line[256];

  if (argc != 2)
    {
      g_printerr ("usage: lock-holder DB\n");
      return 2;
    }
  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("lock-holder: %s\n", error->message);
      return 1;
    }
  printf ("READY\n");
  fflush (stdout);

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_strchomp (line);
      if (g_str_has_prefix (line, "edit "))
        {
          if (!save_organization (store, line + 5))
            return 1;
          printf ("ACK %s\n", line + 5);
        }
      else if (strcmp (line, "sniff") == 0)
        {
          sniff (argv[1]);
          printf ("SNIFFED\n");
        }
      else
        {
          g_printerr ("lock-holder: unknown command “%s”\n", line);
          return 2;
        }
      fflush (stdout);
    }
  return 0;
}
