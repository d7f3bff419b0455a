/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-register.c: the organizations register as the user meets it (issue 20): the real
 * IcwRegisterPage in a window, timed from opening the store to
 *   - the first drawn frame with rows ("rows"), with the process's CPU time since opening;
 *   - the page usable: the main loop idle after that frame, once everything the page scheduled
 *     after its first frame has run ("settled");
 *   - for each query, typed into the page's search entry: from the entry's "search-changed" to the
 *     first drawn frame whose list shows exactly the records the store's search finds ("search"),
 *     with the process's CPU time (all threads) between the two: the figure that holds on a
 *     machine shared by other builds.
 * The first query is typed at once after the first frame, before the page has settled (the
 * "first keystroke"), then every query is typed RUNS times after an empty search, each run once
 * the main loop is idle. The empty search between two runs is timed the same way (clearing the
 * search: the whole register shown again, "search-clear"). Each also has its "-screen" figure:
 * the first frame with the first screenful of the result (a new model showing its first 64
 * rows, the rest added after that frame), or all of it. Prints one line per figure; asserts
 * nothing.
 *
 *   bench-register DB settle            rows and settled only
 *   bench-register DB rows              the first rows only, then exits (under callgrind: the
 *                                       instructions up to the first frame with rows)
 *   bench-register DB settle-whole      (and rows-whole) the same, with the whole list read before
 *                                       the page is made, as the page did before it read its first
 *                                       screenful alone: the figure before, paired in the same run
 *   bench-register DB RUNS QUERY...     rows, then the searches
 *
 * With BENCH_CALLGRIND=1, under valgrind --tool=callgrind --collect-atstart=no, instructions are
 * collected only from each query's "search-changed" to the frame that shows its result (not the
 * clearing between runs, unless BENCH_CALLGRIND=clear, which collects only those;
 * BENCH_CALLGRIND=screen: the searches to their first-screenful frame); the first keystroke is
 * not collected. (callgrind's call counts cover the whole process all the same: read the factory's
 * counts with BENCH_COUNT=1, below.)
 *
 * Part of tests/bench (not the test suite); run by bench-register.sh. */
#include "config.h"

#include <adwaita.h>

#include "icw-register-page.h"
#include "icw-resources.h"
#include "icw-store.h"

#include "bench-frame.h"
#include "bench-stats.h"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_TOGGLE_COLLECT
#endif

static gint64 start_ns;
static IcwStore *store;
static GtkWidget *view;
static GtkSearchEntry *entry;
static char **queries;
static guint n_queries, runs;
static guint query_index, run_index;
static gboolean first_keystroke = TRUE;
static gint64 typed_ns;
static double typed_cpu_us;   /* the process's CPU time (all threads) at "search-changed" */
static double start_cpu_us;
static guint expected;
static gboolean waiting;
static const char *typed;
static gboolean settle_only;
static gboolean whole_first;
static gboolean rows_only;
static const char *callgrind;   /* NULL, "1" (the searches) or "clear" (the clearings) */
static gboolean collecting;
/* icw-register-page.c's FIRST_SCREENFUL: the rows of a new query shown before the rest. */
#define SCREENFUL 64
static gpointer typed_model;    /* the list view's model when the query was typed */
static gboolean screen_done;
static const char *cleared;     /* the query the next empty search clears */
static gboolean clear_after_first;
/* BENCH_COUNT=1: per search, the row widgets GTK's factory sets up, binds, unbinds and tears
 * down, and every items-changed and selection-changed of a list model (printed as it comes, as
 * "#" lines), counted from the "search-changed" to the frame that shows every match. */
static gboolean counting;
static guint n_setup, n_bind, n_unbind, n_teardown, n_changes, n_frames;

static gboolean
count_hook (GSignalInvocationHint *hint,
            guint                  n_params,
            const GValue          *params,
            gpointer               data)
{
  guint *counter = data;

  if (waiting && typed_ns != 0)
    (*counter)++;
  return TRUE;
}

static gboolean
changed_hook (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               data)
{
  if (waiting && typed_ns != 0)
    {
      n_changes++;
      printf ("#   items-changed %s %p (%u, %u, %u) after %u frames, %u set up, %u bound\n",
              G_OBJECT_TYPE_NAME (g_value_get_object (&params[0])), g_value_get_object (&params[0]),
              g_value_get_uint (&params[1]), g_value_get_uint (&params[2]), g_value_get_uint (&params[3]),
              n_frames, n_setup, n_bind);
    }
  return TRUE;
}

static gboolean
selection_hook (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               data)
{
  if (waiting && typed_ns != 0)
    printf ("#   selection-changed (%u, %u), %u bound\n", g_value_get_uint (&params[1]),
            g_value_get_uint (&params[2]), n_bind);
  return TRUE;
}

static void
count_start (void)
{
  static gboolean hooked;

  if (!counting)
    return;
  if (!hooked)
    {
      GType factory = GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY;

      g_type_class_unref (g_type_class_ref (factory));
      g_signal_add_emission_hook (g_signal_lookup ("setup", factory), 0, count_hook, &n_setup, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("bind", factory), 0, count_hook, &n_bind, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("unbind", factory), 0, count_hook, &n_unbind, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("teardown", factory), 0, count_hook, &n_teardown, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0, changed_hook, NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("selection-changed", GTK_TYPE_SELECTION_MODEL), 0, selection_hook, NULL, NULL);
      hooked = TRUE;
    }
  n_setup = n_bind = n_unbind = n_teardown = n_changes = n_frames = 0;
}

static void
count_print (void)
{
  if (counting)
    printf ("#   %u frames: setup %u bind %u unbind %u teardown %u, %u items-changed\n", n_frames, n_setup,
            n_bind, n_unbind, n_teardown, n_changes);
}

/* Under callgrind: collect the instructions of this search (or clearing) only. */
static void
collect (gboolean on)
{
  if (callgrind == NULL || on == collecting)
    return;
  if (on && (first_keystroke || (*typed == '\0') != g_str_equal (callgrind, "clear")))
    return;
  collecting = on;
  CALLGRIND_TOGGLE_COLLECT;
}

static gboolean
settled (gpointer data)
{
  printf ("settled-ms %.3f cpu-ms %.3f\n", (bench_now_ns () - start_ns) / 1e6, (bench_cpu_us () - start_cpu_us) / 1e3);
  fflush (stdout);
  _exit (0);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
shown (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
}

/* How many live organizations the store finds for a query: what the list must show. */
static guint
count_found (const char *query)
{
  g_autoptr(GHashTable) ids = icw_store_search (store, ICW_RECORD_KIND_ORGANIZATION, query, NULL);
  g_autoptr(GListModel) all = NULL;

  if (ids != NULL)
    return g_hash_table_size (ids);
  all = icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  return g_list_model_get_n_items (all);
}

static void type_next (void);

static gboolean
type_when_idle (gpointer data)
{
  type_next ();
  return G_SOURCE_REMOVE;
}

static gboolean
search_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               data)
{
  if (waiting && typed_ns == 0)
    {
      typed_ns = bench_now_ns ();
      typed_cpu_us = bench_cpu_us ();
      count_start ();
      collect (TRUE);
    }
  return TRUE;
}

static void
type_text (const char *text)
{
  typed = text;
  if (*text != '\0')
    cleared = text;
  expected = count_found (text);
  typed_ns = 0;
  waiting = TRUE;
  typed_model = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  screen_done = first_keystroke || clear_after_first;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Types the next query, or an empty search between two runs. */
static void
type_next (void)
{
  if (query_index >= n_queries)
    {
      fflush (stdout);
      _exit (0);
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    type_text ("");
  else
    type_text (queries[query_index]);
}

static void
on_frame (GtkWidget *window,
          gpointer   data)
{
  gint64 now = bench_now_ns ();

  if (waiting && typed_ns != 0)
    n_frames++;
  if (view == NULL)
    {
      view = find_widget (window, GTK_TYPE_LIST_VIEW);
      entry = GTK_SEARCH_ENTRY (find_widget (window, GTK_TYPE_SEARCH_ENTRY));
      if (view == NULL || gtk_widget_get_first_child (view) == NULL)
        {
          view = NULL;
          return;   /* a frame without rows yet */
        }
      printf ("rows-ms %.3f shown %u cpu-ms %.3f\n", (now - start_ns) / 1e6, shown (),
              (bench_cpu_us () - start_cpu_us) / 1e3);
      if (rows_only)
        {
          fflush (stdout);
          _exit (0);
        }
      if (settle_only)
        {
          /* After everything the page scheduled for after its first frame (G_PRIORITY_LOW). */
          bench_frame_stop ();
          g_idle_add_full (G_PRIORITY_LOW + 50, settled, NULL, NULL);
          return;
        }
      /* The search fires as soon as the main loop turns, as if the delay had passed. */
      gtk_search_entry_set_search_delay (entry, 0);
      g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                                  search_hook, NULL, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      /* The first keystroke, at once; the settled figure is taken after it. */
      type_text (queries[0]);
      return;
    }
  /* The first frame with the result's first screenful (a new model showing MIN (hits, 64) rows)
   * or all of it: what the user sees of it. */
  if (waiting && typed_ns != 0 && !screen_done
      && (shown () == expected
          || ((gpointer) gtk_list_view_get_model (GTK_LIST_VIEW (view)) != typed_model && shown () == MIN (expected, SCREENFUL))))
    {
      screen_done = TRUE;
      if (callgrind != NULL && g_str_equal (callgrind, "screen"))
        collect (FALSE);
      printf ("%s-screen\t%s\t%u\t%.3f\tcpu-ms %.3f\n", *typed != '\0' ? "search" : "search-clear",
              *typed != '\0' ? typed : cleared, expected, (now - typed_ns) / 1e6, (bench_cpu_us () - typed_cpu_us) / 1e3);
    }
  if (!waiting || typed_ns == 0 || shown () != expected)
    return;
  waiting = FALSE;
  collect (FALSE);
  count_print ();
  if (*typed == '\0')
    {
      printf ("search-clear%s\t%s\t%u\t%.3f\tcpu-ms %.3f\n", clear_after_first ? "-first" : "", cleared,
              expected, (now - typed_ns) / 1e6, (bench_cpu_us () - typed_cpu_us) / 1e3);
      clear_after_first = FALSE;
    }
  else
    {
      printf ("search%s\t%s\t%u\t%.3f\tcpu-ms %.3f\n", first_keystroke ? "-first" : "", typed, expected,
              (now - typed_ns) / 1e6, (bench_cpu_us () - typed_cpu_us) / 1e3);
      if (first_keystroke)
        {
          first_keystroke = FALSE;
          clear_after_first = TRUE;
          printf ("settled-after-first-keystroke-ms %.3f\n", (now - start_ns) / 1e6);
        }
      else if (++run_index == runs)
        {
          run_index = 0;
          query_index++;
        }
    }
  fflush (stdout);
  g_idle_add_full (G_PRIORITY_LOW + 50, type_when_idle, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *page;

  whole_first = argc == 3 && g_str_has_suffix (argv[2], "-whole");
  rows_only = argc == 3 && g_str_has_prefix (argv[2], "rows");
  settle_only = argc == 3 && (g_str_has_prefix (argv[2], "settle") || rows_only);
  if (argc < 4 && !settle_only)
    {
      fprintf (stderr, "usage: bench-register DB settle | bench-register DB RUNS QUERY...\n");
      return 2;
    }
  runs = MAX (1, atoi (argv[2]));
  queries = argv + 3;
  n_queries = argc - 3;
  callgrind = g_getenv ("BENCH_CALLGRIND");
  counting = g_strcmp0 (g_getenv ("BENCH_COUNT"), "1") == 0;
  adw_init ();
  icw_register_resource ();
  bench_frame_watch ("GtkWindow", on_frame, NULL, 600);

  start_ns = bench_now_ns ();
  start_cpu_us = bench_cpu_us ();
  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-register: %s\n", error->message);
      return 1;
    }
  if (whole_first)
    g_object_unref (icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL));
  page = icw_register_page_new_organizations (store);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
