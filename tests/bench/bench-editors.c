/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-editors.c: opening each editor of the window on a register of any size (issue 20:
 * "opening any editor ≤ 1.2× its time at 1k records, at 100k and at 1M"). The register is
 * bench-gen's (or bench-editors.sh's copies of it) with the sample center loaded on top, whose
 * records the editors show.
 *
 *   bench-editors DB prepare     loads the sample center unless it is there; prints its ID
 *   bench-editors DB EDITOR      times opening one editor, then exits
 *
 * EDITOR is organization, center, application, agreement, funding (the register pages' editors,
 * put in a window as a page puts them), report or targets (their own windows, as the center
 * editor's Reports group opens them), or picker (the organization chooser of the center editor's
 * shareholders and members, as their Add button opens it). A page editor is timed from the request to open (after the
 * window's first frame, once the main loop is idle: the record looked up by its ID, the editor
 * made, given the record and put in the window) to the first drawn frame in which the editor is
 * mapped ("mapped"), and to the main loop idle after that frame ("settled": what the editor
 * defers past its first frame, such as the center editor's lower groups). A window editor is timed
 * from the same request to its window's first drawn frame. Each figure with the CPU time of the
 * process (user + system, all threads; getrusage) over the same span, the figure that holds on a
 * shared machine; the wall clock beside it. Prints one line per figure; asserts nothing.
 *
 * Part of tests/bench (not the test suite); run by bench-editors.sh. */
#define _GNU_SOURCE   /* RUSAGE_THREAD */
#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>

#include "icw-agreement-editor.h"
#include "icw-application-editor.h"
#include "icw-center-editor.h"
#include "icw-center.h"
#include "icw-document-editor.h"
#include "icw-funding-editor.h"
#include "icw-organization-editor.h"
#include "icw-organization-picker.h"
#include "icw-report-window.h"
#include "icw-resources.h"
#include "icw-sample.h"
#include "icw-store.h"
#include "icw-targets-window.h"

#include "bench-frame.h"
#include "bench-stats.h"

static IcwStore *store;
static const char *editor_name;
static GtkWidget *main_box;
static GtkWidget *editor;
static gint64 open_ns;
static double open_cpu_us;
static struct rusage open_usage;
static struct rusage open_thread_usage;

/* The sample center: the one center whose name bench-gen does not make ("…创新中心" with the
 * sample's field); bench-editors.sh generates no centers, so it is the only one. */
static IcwCenter *
find_center (void)
{
  g_autoptr(GPtrArray) centers = icw_store_list_records (store, ICW_RECORD_KIND_CENTER, NULL);

  for (guint i = 0; i < centers->len; i++)
    if (strstr (icw_center_get_name (centers->pdata[i]), "海洋工程装备") != NULL)
      return g_object_ref (centers->pdata[i]);
  return NULL;
}

/* The center's record of a kind to open: its draft if it has one, else its first. */
static IcwRecord *
child_of (IcwCenter     *center,
          IcwRecordKind  kind)
{
  g_autoptr(GListModel) list = icw_store_list (store, kind, icw_record_get_id (ICW_RECORD (center)));
  IcwRecord *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwRecord) record = g_list_model_get_item (list, i);
      int status = -1;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "status") != NULL)
        g_object_get (record, "status", &status, NULL);
      if (status == ICW_APPLICATION_STATUS_DRAFT)
        {
          g_clear_object (&first);
          return g_steal_pointer (&record);
        }
      if (first == NULL)
        first = g_steal_pointer (&record);
    }
  return first;
}

static double
since_ms (gint64 now)
{
  return (now - open_ns) / 1e6;
}

static double
cpu_ms (void)
{
  return (bench_cpu_us () - open_cpu_us) / 1e3;
}

static double
usage_ms (const struct timeval *now,
          const struct timeval *then)
{
  return ((now->tv_sec - then->tv_sec) * 1e6 + (now->tv_usec - then->tv_usec)) / 1e3;
}

/* The CPU time split into user and system (the kernel's: page faults, reads of the file), the
 * page faults and blocks read since the request to open, and the main thread's own CPU time (the
 * process's figure also holds GLib's, GTK's and Mesa's other threads), after a figure's two
 * fields. */
static void
print_split (void)
{
  struct rusage now, thread;

  getrusage (RUSAGE_SELF, &now);
  getrusage (RUSAGE_THREAD, &thread);
  printf (" user-ms %.3f sys-ms %.3f minflt %ld majflt %ld inblock %ld main-thread-ms %.3f\n",
          usage_ms (&now.ru_utime, &open_usage.ru_utime), usage_ms (&now.ru_stime, &open_usage.ru_stime),
          now.ru_minflt - open_usage.ru_minflt, now.ru_majflt - open_usage.ru_majflt,
          now.ru_inblock - open_usage.ru_inblock,
          usage_ms (&thread.ru_utime, &open_thread_usage.ru_utime) + usage_ms (&thread.ru_stime, &open_thread_usage.ru_stime));
}

static gboolean
settled (gpointer data)
{
  printf ("settled-ms %.3f cpu-ms %.3f", since_ms (bench_now_ns ()), cpu_ms ());
  print_split ();
  fflush (stdout);
  _exit (0);
}

static void
start_clock (void)
{
  open_ns = bench_now_ns ();
  open_cpu_us = bench_cpu_us ();
  getrusage (RUSAGE_SELF, &open_usage);
  getrusage (RUSAGE_THREAD, &open_thread_usage);
}

/* The request to open: what a register page does when a record is chosen and its editor is not
 * made yet (icw-register-page.c ensure_editor and the kind's show_record). The ID is looked up,
 * as the record is when a list row is chosen or a link followed. */
static gboolean
open_editor (gpointer data)
{
  const char *id = data;
  g_autoptr(IcwRecord) record = NULL;
  IcwRecordKind kind;

  start_clock ();
  if (g_str_equal (editor_name, "organization"))
    kind = ICW_RECORD_KIND_ORGANIZATION;
  else if (g_str_equal (editor_name, "center"))
    kind = ICW_RECORD_KIND_CENTER;
  else if (g_str_equal (editor_name, "application"))
    kind = ICW_RECORD_KIND_APPLICATION;
  else if (g_str_equal (editor_name, "agreement"))
    kind = ICW_RECORD_KIND_IP_AGREEMENT;
  else
    kind = ICW_RECORD_KIND_FUNDING_REQUEST;
  record = icw_store_lookup (store, kind, id, NULL);
  g_assert (record != NULL);

  switch (kind)
    {
    case ICW_RECORD_KIND_ORGANIZATION:
      editor = icw_organization_editor_new (store);
      icw_organization_editor_set_organization (ICW_ORGANIZATION_EDITOR (editor), ICW_ORGANIZATION (record));
      break;
    case ICW_RECORD_KIND_CENTER:
      editor = icw_center_editor_new (store, ICW_MONEY_UNIT_WAN);
      icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), ICW_CENTER (record));
      break;
    case ICW_RECORD_KIND_APPLICATION:
      editor = icw_application_editor_new (store);
      icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (editor), record);
      break;
    case ICW_RECORD_KIND_IP_AGREEMENT:
      editor = icw_agreement_editor_new (store, ICW_MONEY_UNIT_WAN);
      icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (editor), record);
      break;
    default:
      editor = icw_funding_editor_new (store, NULL);   /* settings: only the money unit */
      icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (editor), record);
      break;
    }
  gtk_widget_set_hexpand (editor, TRUE);
  gtk_widget_set_vexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (main_box), editor);
  return G_SOURCE_REMOVE;
}

static void
on_frame (GtkWidget *window,
          gpointer   data)
{
  gint64 now = bench_now_ns ();

  if (editor == NULL)
    {
      /* The window's first frame: the request comes once everything after it has run. */
      if (open_ns == 0)
        {
          open_ns = -1;
          g_idle_add_full (G_PRIORITY_LOW + 50, open_editor, data, NULL);
        }
      return;
    }
  if (!gtk_widget_get_mapped (editor))
    return;
  printf ("mapped-ms %.3f cpu-ms %.3f", since_ms (now), cpu_ms ());
  print_split ();
  fflush (stdout);
  bench_frame_stop ();
  g_idle_add_full (G_PRIORITY_LOW + 50, settled, NULL, NULL);
}

/* A window editor: its own window's first drawn frame. */
static void
on_window_frame (GtkWidget *window,
                 gpointer   data)
{
  printf ("mapped-ms %.3f cpu-ms %.3f", since_ms (bench_now_ns ()), cpu_ms ());
  print_split ();
  fflush (stdout);
  bench_frame_stop ();
  g_idle_add_full (G_PRIORITY_LOW + 50, settled, NULL, NULL);
}

static gboolean
open_window (gpointer data)
{
  IcwCenter *center = data;
  GtkWindow *window;

  start_clock ();
  if (g_str_equal (editor_name, "report"))
    {
      g_autoptr(IcwRecord) report = child_of (center, ICW_RECORD_KIND_REPORT);

      g_assert (report != NULL);
      window = GTK_WINDOW (icw_report_window_new (NULL, store, ICW_REPORT (report), ICW_MONEY_UNIT_WAN));
    }
  else if (g_str_equal (editor_name, "picker"))
    window = GTK_WINDOW (icw_organization_picker_new (gtk_label_new (NULL), store, "Add a Shareholder"));
  else
    window = GTK_WINDOW (icw_targets_window_new (NULL, store, center));
  gtk_window_present (window);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(IcwRecord) record = NULL;
  const char *id = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-editors DB prepare|organization|center|application|agreement|funding|report|targets|picker\n");
      return 2;
    }
  editor_name = argv[2];
  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-editors: %s\n", error->message);
      return 1;
    }
  center = find_center ();
  if (g_str_equal (editor_name, "prepare"))
    {
      if (center == NULL)
        center = icw_sample_load (store, &error);
      if (center == NULL)
        {
          fprintf (stderr, "bench-editors: %s\n", error->message);
          return 1;
        }
      printf ("%s\n", icw_record_get_id (ICW_RECORD (center)));
      return 0;
    }
  if (center == NULL)
    {
      fprintf (stderr, "bench-editors: no sample center in %s (run “bench-editors DB prepare”)\n", argv[1]);
      return 1;
    }

  adw_init ();
  icw_register_resource ();

  if (g_str_equal (editor_name, "report") || g_str_equal (editor_name, "targets") || g_str_equal (editor_name, "picker"))
    {
      bench_frame_watch (g_str_equal (editor_name, "report") ? "IcwReportWindow"
                         : g_str_equal (editor_name, "picker") ? "IcwOrganizationPicker" : "IcwTargetsWindow",
                         on_window_frame, NULL, 600);
      g_idle_add_full (G_PRIORITY_LOW + 50, open_window, center, NULL);
    }
  else
    {
      GtkWidget *window = gtk_window_new ();

      if (g_str_equal (editor_name, "organization"))
        id = icw_center_get_host_organization_id (center);
      else if (g_str_equal (editor_name, "center"))
        id = icw_record_get_id (ICW_RECORD (center));
      else
        {
          IcwRecordKind kind = g_str_equal (editor_name, "application") ? ICW_RECORD_KIND_APPLICATION
                             : g_str_equal (editor_name, "agreement") ? ICW_RECORD_KIND_IP_AGREEMENT
                             : ICW_RECORD_KIND_FUNDING_REQUEST;

          record = child_of (center, kind);
          if (record == NULL || (!g_str_equal (editor_name, "application") && !g_str_equal (editor_name, "agreement")
                                 && !g_str_equal (editor_name, "funding")))
            {
              fprintf (stderr, "bench-editors: no %s to open\n", editor_name);
              return 2;
            }
          id = icw_record_get_id (record);
        }
      bench_frame_watch ("GtkWindow", on_frame, (gpointer) id, 600);
      main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_set_child (GTK_WINDOW (window), main_box);
      gtk_window_present (GTK_WINDOW (window));
    }

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
