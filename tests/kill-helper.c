/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kill-helper.c: the program that test-kill-loop starts and kills with SIGKILL. It opens the store
 * at DB and saves records numbered FIRST to LAST, one at a time: an odd number creates the
 * organization "Kill-loop organization N", an even one edits the anchor organization (its city
 * becomes "edit N"). After each save has returned TRUE it prints "ACK N" and flushes, so that every
 * number the test reads is a save the store reported as done. */
#include "config.h"

#include <stdio.h>

#include "icw-organization.h"
#include "icw-store.h"
#include "icw-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) anchor = NULL;
  gint64 first, last;

  if (argc != 4)
    {
      g_printerr ("usage: kill-helper DB FIRST LAST\n");
      return 2;
    }
  first = g_ascii_strtoll (argv[2], NULL, 10);
  last = g_ascii_strtoll (argv[3], NULL, 10);

  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("kill-helper: %s\n", error->message);
      return 1;
    }
  anchor = icw_store_find_by_name (store, ICW_RECORD_KIND_ORGANIZATION, ICW_TEST_KILL_LOOP_ANCHOR_NAME,
                                   &error);
  if (anchor == NULL)
    {
      g_printerr ("kill-helper: no anchor organization: %s\n", error != NULL ? error->message : "not found");
      return 1;
    }

  for (gint64 n = first; n <= last; n++)
    {
      g_autoptr(IcwOrganization) created = NULL;
      g_autofree char *text = icw_test_kill_loop_text (n);
      IcwRecord *record;

      if (n % 2 == 1)
        {
          created = icw_organization_new ();
          icw_organization_set_name (created, text);
          icw_organization_set_province (created, "山东省");
          record = ICW_RECORD (created);
        }
      else
        {
          icw_organization_set_city (ICW_ORGANIZATION (anchor), text);
          record = anchor;
        }

      if (!icw_store_save (store, record, &error))
        {
          g_printerr ("kill-helper: save %" G_GINT64_FORMAT " failed: %s\n", n, error->message);
          return 1;
        }
      printf ("ACK %" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }

  return 0;
}
