/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-center.c: the center editor of a center with a large alliance (issue 20: "a center with
 * 10k members opens in ≤ 1.5× a center with 100, and memory grows by < 50 MB").
 *
 *   bench-center DB make N    a center with N alliance members and N shareholders (N organizations)
 *   bench-center DB open      the real IcwCenterEditor of that center in a window: prints the time
 *                             from making the editor to its first drawn frame, and the resident
 *                             memory 0.5 s later against the memory before the editor was made
 *
 * GTK, libadwaita and the store are ready before the clock starts. Part of tests/bench (not the
 * test suite); run by bench-center.sh. */
#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>

#include "icw-alliance-member.h"
#include "icw-center-editor.h"
#include "icw-center.h"
#include "icw-organization.h"
#include "icw-resources.h"
#include "icw-shareholder.h"
#include "icw-store.h"

#include "bench-frame.h"

static gint64 start_ns;
static gint64 start_cpu_us;
static gint64 frame_cpu_us;
static long rss_before_kib;

/* CPU time of the process (every thread, user + system) in µs: on a shared machine it says more
 * than the wall clock, which counts the time other programs had the cores. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    {
      fprintf (stderr, "bench-center: %s\n", error != NULL ? error->message : "failed");
      exit (1);
    }
}

static void
make (IcwStore *store, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = icw_center_new ();
  const char *center_id;

  check (icw_store_begin_batch (store, &error), error);
  icw_center_set_name (center, "山东省智能传感器制造业创新中心");
  icw_center_set_province (center, "山东省");
  icw_center_set_city (center, "济南市");
  check (icw_store_save (store, ICW_RECORD (center), &error), error);
  center_id = icw_record_get_id (ICW_RECORD (center));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwOrganization) org = icw_organization_new ();
      g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();
      g_autoptr(IcwShareholder) holder = icw_shareholder_new ();
      g_autofree char *name = g_strdup_printf ("济南第%u传感技术有限公司", i + 1);

      icw_organization_set_name (org, name);
      check (icw_store_save (store, ICW_RECORD (org), &error), error);
      icw_alliance_member_set_center_id (member, center_id);
      icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (org)));
      icw_alliance_member_set_role (member, i == 0 ? ICW_MEMBER_ROLE_LEAD : ICW_MEMBER_ROLE_ORDINARY);
      icw_alliance_member_set_joined (member, "2024-03-15");
      check (icw_store_save (store, ICW_RECORD (member), &error), error);
      icw_shareholder_set_center_id (holder, center_id);
      icw_shareholder_set_organization_id (holder, icw_record_get_id (ICW_RECORD (org)));
      icw_shareholder_set_contribution (holder, ICW_CONTRIBUTION_MONEY);
      icw_shareholder_set_share_bp (holder, i < 10000 % n ? 10000 / n + 1 : 10000 / n);
      icw_shareholder_set_amount_fen (holder, 100000000);
      check (icw_store_save (store, ICW_RECORD (holder), &error), error);
    }
  check (icw_store_commit_batch (store, &error), error);
}

static gboolean
report (gpointer data)
{
  printf ("open-ms %.3f cpu-ms %.1f rss-kib %ld rss-before-kib %ld\n", GPOINTER_TO_SIZE (data) / 1e6,
          (frame_cpu_us - start_cpu_us) / 1e3, bench_status_kib ("VmRSS"), rss_before_kib);
  fflush (stdout);
  _exit (0);
}

static void
on_frame (GtkWidget *window,
          gpointer   data)
{
  gint64 now = bench_now_ns ();

  frame_cpu_us = cpu_us ();
  bench_frame_stop ();
  g_timeout_add (500, report, GSIZE_TO_POINTER (now - start_ns));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) centers = NULL;
  g_autoptr(IcwCenter) center = NULL;
  IcwStore *store;
  GtkWidget *window, *editor;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-center DB make N | bench-center DB open\n");
      return 2;
    }
  store = icw_store_open (argv[1], &error);
  check (store != NULL, error);
  if (g_str_equal (argv[2], "make") && argc == 4)
    {
      make (store, MAX (1, atoi (argv[3])));
      return 0;
    }

  adw_init ();
  icw_register_resource ();
  centers = icw_store_list (store, ICW_RECORD_KIND_CENTER, NULL);
  center = g_list_model_get_item (centers, 0);
  check (center != NULL, NULL);
  bench_frame_watch ("GtkWindow", on_frame, NULL, 600);
  rss_before_kib = bench_status_kib ("VmRSS");

  start_ns = bench_now_ns ();
  start_cpu_us = cpu_us ();
  editor = icw_center_editor_new (store, ICW_MONEY_UNIT_WAN);
  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), center);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_present (GTK_WINDOW (window));

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
