/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-funding.c: the funding request editor in process, on the sample's request in a real
 * database: typing in a budget cell moves the row, column and grand totals at once and is saved; a
 * bad amount names its cell and keeps the saved amount; the money-unit setting reformats the grid
 * live; a submitted request is read-only; totals that overflow show the marker and the check's error;
 * a reviewer's comment on a page shows beside it, in the returned version and in the one reopened. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "icw-budget-export-button.h"
#include "icw-budget-grid-private.h"
#include "icw-budget-table.h"
#include "icw-funding-editor.h"
#include "icw-funding-request.h"
#include "icw-lifecycle.h"
#include "icw-review-comments.h"
#include "icw-reviewer-notes.h"
#include "icw-sample.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

typedef struct {
  char *dir;
  char *path;
  IcwStore *store;
  IcwFundingRequest *request;
  GSettings *settings;
  GtkWidget *window;
  IcwFundingEditor *editor;
  IcwBudgetGrid *grid;
  IcwBudgetTable *table;    /* an independent view of the saved table, for the expected sums */
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets the window lay out and draw a few frames. */
static void
settle (void)
{
  for (guint i = 0; i < 30; i++)
    {
      iterate ();
      g_usleep (10000);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(GListModel) requests = NULL;

  fixture->dir = icw_test_make_tmp_dir ("icw-ui-funding-XXXXXX", &fixture->path);
  fixture->store = icw_test_open_store (fixture->path);
  center = icw_sample_load (fixture->store, &error);
  g_assert_no_error (error);
  requests = icw_store_list (fixture->store, ICW_RECORD_KIND_FUNDING_REQUEST, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 1);
  fixture->request = g_list_model_get_item (requests, 0);
  fixture->settings = g_settings_new ("org.mfginnovation.Workbench");
  g_settings_set_enum (fixture->settings, "money-unit", 0);

  fixture->window = gtk_window_new ();
  fixture->editor = ICW_FUNDING_EDITOR (icw_funding_editor_new (fixture->store, fixture->settings));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  icw_funding_editor_set_request (fixture->editor, ICW_RECORD (fixture->request));
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
  fixture->grid = icw_funding_editor_get_grid (fixture->editor);
  icw_budget_grid_show_year (fixture->grid, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_pointer (&fixture->table, icw_budget_table_free);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->request);
  g_clear_object (&fixture->store);
  icw_test_clear_tmp_dir (&fixture->dir, &fixture->path);
}

/* The saved table, read through a second connection. */
static IcwBudgetTable *
saved_table (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) other = icw_test_open_store (fixture->path);
  g_autoptr(IcwRecord) request = icw_store_lookup (other, ICW_RECORD_KIND_FUNDING_REQUEST,
                                                   icw_record_get_id (ICW_RECORD (fixture->request)), &error);
  IcwBudgetTable *table;

  g_assert_no_error (error);
  table = icw_budget_table_new_for_request (other, ICW_FUNDING_REQUEST (request), &error);
  g_assert_no_error (error);
  return table;
}

/* The first leaf row of the set and the money shown for a sum, formatted as the grid does. */
static guint
first_leaf (IcwBudgetTable *table)
{
  for (guint r = 0; r < icw_budget_table_get_n_rows (table); r++)
    if (icw_budget_category_is_leaf (icw_budget_table_get_category (table, r)))
      return r;
  g_assert_not_reached ();
}

static char *
sum_text (IcwBudgetTable *table,
          int             row,
          int             year,
          int             source,
          IcwMoneyUnit    unit)
{
  gint64 fen = 0;

  g_assert_true (icw_budget_table_sum (table, row, year, source, ICW_BUDGET_ALL, &fen, NULL));
  return icw_money_format_locale (fen, unit, TRUE);
}

static void
test_typing_updates_totals (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(IcwBudgetTable) before = saved_table (fixture);
  guint row = first_leaf (before);
  GtkEditable *cell = icw_budget_grid_get_cell (fixture->grid, row, 0);
  gint64 old_cell = icw_budget_table_get (before, row, 0, 0);
  gint64 old_row = 0, old_column = 0, old_grand = 0, new_row = 0;
  g_autoptr(IcwBudgetTable) after = NULL;
  g_autofree char *expected_row = NULL, *expected_column = NULL, *expected_grand = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_assert_nonnull (cell);
  g_assert_true (icw_budget_table_sum (before, (int) row, 0, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &old_row, NULL));
  g_assert_true (icw_budget_table_sum (before, ICW_BUDGET_ALL, 0, 0, ICW_BUDGET_ALL, &old_column, NULL));
  g_assert_true (icw_budget_table_grand_total (before, &old_grand, NULL));

  /* 1234.56 万元 more than the cell held, typed: every total moves by as much, before any save. */
  {
    g_autofree char *typed = icw_money_format_locale (old_cell + 1234560000, ICW_MONEY_UNIT_WAN, FALSE);
    gtk_editable_set_text (cell, typed);
  }
  expected_row = icw_money_format_locale (old_row + 1234560000, ICW_MONEY_UNIT_WAN, TRUE);
  expected_column = icw_money_format_locale (old_column + 1234560000, ICW_MONEY_UNIT_WAN, TRUE);
  expected_grand = icw_money_format_locale (old_grand + 1234560000, ICW_MONEY_UNIT_WAN, TRUE);
  g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, expected_row);
  g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, ICW_BUDGET_ALL, 0, ICW_BUDGET_ALL), ==, expected_column);
  g_assert_nonnull (strstr (icw_budget_grid_get_requested_text (fixture->grid), expected_grand));

  /* Saved after the pause. */
  g_timeout_add_once (900, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
  after = saved_table (fixture);
  g_assert_cmpint (icw_budget_table_get (after, row, 0, 0), ==, old_cell + 1234560000);
  g_assert_true (icw_budget_table_sum (after, (int) row, 0, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &new_row, NULL));
  g_assert_cmpint (new_row, ==, old_row + 1234560000);

  /* The all-years view shows the row over every year, the same as an independent sum. */
  icw_budget_grid_show_year (fixture->grid, ICW_BUDGET_GRID_ALL_YEARS);
  {
    g_autofree char *all = sum_text (after, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_MONEY_UNIT_WAN);
    g_autofree char *grand = sum_text (after, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_MONEY_UNIT_WAN);
    g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, all);
    g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, grand);
  }
}

static void
test_bad_entry_names_cell (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IcwBudgetTable) before = saved_table (fixture);
  guint row = first_leaf (before);
  GtkEditable *cell = icw_budget_grid_get_cell (fixture->grid, row, 0);
  const IcwBudgetCategory *category = icw_budget_table_get_category (before, row);
  gint64 old_cell = icw_budget_table_get (before, row, 0, 0);
  g_autofree char *old_row = sum_text (before, (int) row, 0, ICW_BUDGET_ALL, ICW_MONEY_UNIT_WAN);
  g_autofree char *year = g_strdup_printf ("%d", icw_budget_table_get_start_year (before));
  const char *message;
  g_autoptr(IcwBudgetTable) after = NULL;

  /* "1.234,5" could be one thousand or one: refused, never guessed. */
  gtk_editable_set_text (cell, "1.234,5");
  icw_budget_grid_flush (fixture->grid);
  message = icw_budget_grid_get_message (fixture->grid);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, icw_budget_category_get_label (category)));
  g_assert_nonnull (strstr (message, year));
  g_assert_nonnull (strstr (message, icw_funding_source_to_label (icw_budget_table_get_source (before, 0))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  /* The totals and the database keep the saved amount; the text stays to be corrected. */
  g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, old_row);
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "1.234,5");
  after = saved_table (fixture);
  g_assert_cmpint (icw_budget_table_get (after, row, 0, 0), ==, old_cell);

  /* Corrected, the mark and the message go. */
  gtk_editable_set_text (cell, "12.5");
  icw_budget_grid_flush (fixture->grid);
  g_assert_null (icw_budget_grid_get_message (fixture->grid));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
}

static void
test_unit_setting_reformats (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(IcwBudgetTable) table = saved_table (fixture);
  g_autofree char *grand_wan = sum_text (table, ICW_BUDGET_ALL, 0, ICW_BUDGET_ALL, ICW_MONEY_UNIT_WAN);
  g_autofree char *grand_yuan = sum_text (table, ICW_BUDGET_ALL, 0, ICW_BUDGET_ALL, ICW_MONEY_UNIT_YUAN);
  guint row = first_leaf (table);
  gint64 fen = icw_budget_table_get (table, row, 0, 0);
  g_autofree char *cell_yuan = icw_money_format_locale (fen, ICW_MONEY_UNIT_YUAN, TRUE);

  g_assert_cmpint (fen, >, 0);
  g_assert_cmpstr (grand_wan, !=, grand_yuan);
  g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, grand_wan);

  /* The main menu's setting, changed: the same editor shows yuan at once. */
  g_settings_set_enum (fixture->settings, "money-unit", 1);
  iterate ();
  g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, grand_yuan);
  g_assert_cmpstr (gtk_editable_get_text (icw_budget_grid_get_cell (fixture->grid, row, 0)), ==, cell_yuan);
  g_assert_nonnull (strstr (icw_budget_grid_get_requested_text (fixture->grid), icw_money_unit_symbol (ICW_MONEY_UNIT_YUAN)));

  /* Typed in yuan, saved as fen. */
  gtk_editable_set_text (icw_budget_grid_get_cell (fixture->grid, row, 0), "100");
  icw_budget_grid_flush (fixture->grid);
  {
    g_autoptr(IcwBudgetTable) after = saved_table (fixture);
    g_assert_cmpint (icw_budget_table_get (after, row, 0, 0), ==, 10000);
  }
}

/* The cells are written as the totals are, digits grouped in the locale's way ("3,000.00" beside a
 * total of "24,000.00", not "3000.00"); typed with or without the marks, the same amount is saved. */
static void
test_cells_grouped_as_totals (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *locales[] = { "zh_CN.UTF-8", "en_US.UTF-8" };
  const char *typed[] = { "3,000.00", "3000", "３，０００" };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_autoptr(IcwBudgetTable) before = saved_table (fixture);
      guint row = first_leaf (before);
      GtkEditable *cell;

      if (setlocale (LC_NUMERIC, locales[l]) == NULL)
        {
          g_test_skip ("the locale is not installed (.ci/install-deps generates it)");
          return;
        }
      /* Another year and back: the cells are made again in this locale. */
      icw_budget_grid_show_year (fixture->grid, 1);
      icw_budget_grid_show_year (fixture->grid, 0);
      for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
        {
          g_autoptr(IcwBudgetTable) after = NULL;

          cell = icw_budget_grid_get_cell (fixture->grid, row, 0);
          gtk_editable_set_text (cell, typed[t]);
          g_assert_null (icw_budget_grid_get_message (fixture->grid));
          icw_budget_grid_flush (fixture->grid);
          after = saved_table (fixture);
          g_assert_cmpint (icw_budget_table_get (after, row, 0, 0), ==, 3000 * G_GINT64_CONSTANT (1000000));
          /* Shown again as the program writes it. */
          icw_budget_grid_show_year (fixture->grid, 1);
          icw_budget_grid_show_year (fixture->grid, 0);
          cell = icw_budget_grid_get_cell (fixture->grid, row, 0);
          g_assert_cmpstr (gtk_editable_get_text (cell), ==, "3,000.00");
        }
      /* The same format as the row's total beside it. */
      {
        g_autoptr(IcwBudgetTable) after = saved_table (fixture);
        g_autofree char *total = sum_text (after, (int) row, 0, ICW_BUDGET_ALL, ICW_MONEY_UNIT_WAN);
        g_autofree char *cell_sum = sum_text (after, (int) row, 0, 0, ICW_MONEY_UNIT_WAN);

        g_assert_cmpstr (icw_budget_grid_get_total_text (fixture->grid, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==, total);
        g_assert_cmpstr (gtk_editable_get_text (icw_budget_grid_get_cell (fixture->grid, row, 0)), ==, cell_sum);
      }
    }
  setlocale (LC_NUMERIC, "C.UTF-8");
}

static void
test_locked_is_read_only (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(IcwBudgetTable) table = saved_table (fixture);
  guint row = first_leaf (table);
  GtkEditable *cell;

  g_assert_true (icw_budget_grid_get_cell (fixture->grid, row, 0) != NULL);
  g_assert_true (gtk_editable_get_editable (icw_budget_grid_get_cell (fixture->grid, row, 0)));
  g_assert_true (icw_lifecycle_mark_ready (fixture->store, ICW_RECORD (fixture->request), NULL, today, &error));
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_submit (fixture->store, ICW_RECORD (fixture->request), &error));
  g_assert_no_error (error);
  iterate ();

  cell = icw_budget_grid_get_cell (fixture->grid, row, 0);
  g_assert_nonnull (cell);
  g_assert_false (gtk_editable_get_editable (cell));
  /* Still read-only in another year's view, built after the lock. */
  icw_budget_grid_show_year (fixture->grid, 1);
  g_assert_false (gtk_editable_get_editable (icw_budget_grid_get_cell (fixture->grid, row, 0)));
}

/* A cell saved before cells were limited to 10^12 yuan makes the totals overflow: the grid writes
 * the overflow marker (never a wrapped number or a dash) and the check shows the program's error. */
static void
test_overflow_marked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) request = NULL;
  GtkWidget *window = gtk_window_new ();
  IcwFundingEditor *editor;
  IcwBudgetGrid *grid;
  sqlite3 *db = icw_test_db_open (fixture->path, SQLITE_OPEN_READWRITE, NULL);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE budget_lines SET cells = '{\"2027/bank-loan\":\"9223372036854770000\","
                                     "\"2027/local-fiscal\":\"3000000000\"}' WHERE category = 'equipment-purchase'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  /* A store opened after the write, as the window opens the database. */
  store = icw_test_open_store (fixture->path);
  request = icw_store_lookup (store, ICW_RECORD_KIND_FUNDING_REQUEST, icw_record_get_id (ICW_RECORD (fixture->request)), &error);
  g_assert_no_error (error);
  editor = ICW_FUNDING_EDITOR (icw_funding_editor_new (store, fixture->settings));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  icw_funding_editor_set_request (editor, request);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  grid = icw_funding_editor_get_grid (editor);
  icw_budget_grid_show_year (grid, 0);
  iterate ();

  g_assert_cmpstr (icw_budget_grid_get_total_text (grid, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL), ==,
                   icw_budget_overflow_marker ());
  g_assert_cmpstr (icw_budget_grid_get_requested_text (grid), ==, icw_budget_overflow_marker ());
  icw_funding_editor_run_check (editor);
  g_assert_cmpuint (icw_funding_editor_n_errors (editor), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The budget page at the width the table needs: the category set's long English title and the
 * long category names wrap inside the page (nothing scrolls sideways, nothing is ellipsized), so
 * no text runs past the window's right edge. Before, the title kept its one line and widened the
 * page past the window, and "International cooperation and …" hid its end. */
static void
test_long_labels_inside_page (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (fixture->grid), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *bar = gtk_widget_get_parent (GTK_WIDGET (fixture->grid->set_label));
  GtkWidget *summary = gtk_widget_get_first_child (GTK_WIDGET (fixture->grid));
  GtkAdjustment *across;
  int table_min = 0, summary_min = 0, bar_min = 0, width = 900, n_labels = 0;
  graphene_rect_t bounds;

  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (fixture->editor),
                                   icw_review_section_keys (ICW_RECORD_KIND_FUNDING_REQUEST)[1]);
  settle ();
  g_assert_true (g_utf8_strlen (gtk_label_get_text (fixture->grid->set_label), -1) > 60);
  gtk_widget_measure (GTK_WIDGET (fixture->grid->grid), GTK_ORIENTATION_HORIZONTAL, -1, &table_min, NULL, NULL, NULL);
  gtk_widget_measure (summary, GTK_ORIENTATION_HORIZONTAL, -1, &summary_min, NULL, NULL, NULL);
  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &bar_min, NULL, NULL, NULL);
  g_assert_cmpint (bar_min, <=, MAX (table_min, summary_min));

  /* A window as narrow as leaves the page just wider than the table and the totals above it
     (the page's margins are 18 px a side). */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  settle ();
  while (gtk_widget_get_width (scrolled) - 40 >= MAX (table_min, summary_min) + 60 && width > 400)
    {
      width -= 40;
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
      settle ();
    }
  g_assert_cmpint (gtk_widget_get_width (scrolled), >=, table_min);
  across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=, gtk_adjustment_get_page_size (across) + 0.5);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fixture->grid->set_label), scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scrolled) + 0.5);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (fixture->grid->set_label)));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->grid->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))));
        g_assert_true (gtk_widget_compute_bounds (child, scrolled, &bounds));
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scrolled) + 0.5);
        n_labels++;
      }
  g_assert_cmpint (n_labels, >, 20);
}

/* The first mapped entry under widget with that placeholder, or NULL. */
static GtkWidget *
entry_with_placeholder (GtkWidget  *widget,
                        const char *placeholder)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = entry_with_placeholder (child, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A milestone's date and amount take the width they need; its condition, a sentence, the rest
 * (the date was as wide as the condition, which showed a few words of the sample's conditions). */
static void
test_milestone_condition_wide (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *date, *condition;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (fixture->editor), "milestones");
  settle ();
  date = entry_with_placeholder (GTK_WIDGET (fixture->editor), "YYYY-MM-DD");
  condition = entry_with_placeholder (GTK_WIDGET (fixture->editor), "Condition of payment");
  g_assert_nonnull (date);
  g_assert_nonnull (condition);
  g_assert_cmpint (gtk_widget_get_width (condition), >, 2 * gtk_widget_get_width (date));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The editor's shell: its record is a property that notifies only when it changes, and the table
 * of kinds says which page each finding's field is on. */
static void
test_record_property_and_kinds (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(IcwRecord) shown = NULL;
  guint notified = 0;

  g_object_get (fixture->editor, "record", &shown, NULL);
  g_assert_true (shown == ICW_RECORD (fixture->request));
  g_signal_connect (fixture->editor, "notify::record", G_CALLBACK (count_notify), &notified);
  icw_funding_editor_set_request (fixture->editor, ICW_RECORD (fixture->request));
  g_assert_cmpuint (notified, ==, 0);
  g_object_set (fixture->editor, "record", NULL, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (icw_document_editor_get_record (ICW_DOCUMENT_EDITOR (fixture->editor)));
  icw_funding_editor_set_request (fixture->editor, ICW_RECORD (fixture->request));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (icw_document_editor_is_editable (ICW_DOCUMENT_EDITOR (fixture->editor)));

  g_assert_cmpstr (icw_document_kind_funding.page_of_field ("title"), ==, "request");
  g_assert_cmpstr (icw_document_kind_funding.page_of_field ("budget/materials/2026/central-fiscal"), ==, "budget");
  g_assert_cmpstr (icw_document_kind_funding.page_of_field ("budget/materials/justification"), ==, "justification");
  g_assert_cmpstr (icw_document_kind_funding.page_of_field ("milestones/1/date"), ==, "milestones");
  g_assert_cmpstr (icw_document_kind_agreement.page_of_field ("shares"), ==, "parties");
  g_assert_cmpstr (icw_document_kind_agreement.page_of_field ("parties/2/background-ip/0/number"), ==, "background-ip");
  g_assert_cmpstr (icw_document_kind_agreement.page_of_field ("ownership"), ==, "results");
  g_assert_cmpstr (icw_document_kind_agreement.page_of_field ("dispute"), ==, "terms");
  g_assert_cmpstr (icw_document_kind_application.page_of_field ("roadmap/2/trl_to"), ==, "roadmap");
  g_assert_cmpstr (icw_document_kind_application.page_of_field ("background"), ==, "background");
}

/* The button of the editor's bar with this mnemonic label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The reviewers' notes of a document editor. */
static IcwReviewerNotes *
find_notes (GtkWidget *widget)
{
  if (ICW_IS_REVIEWER_NOTES (widget))
    return ICW_REVIEWER_NOTES (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IcwReviewerNotes *found = find_notes (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Reopen as New Version asks the window (win.show-record) to show the new version; an editor
 * outside the main window, as here, shows it itself. */
static void
test_reopen_shows_new_version (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  IcwDocumentEditor *shell = ICW_DOCUMENT_EDITOR (fixture->editor);
  GtkWidget *reopen;
  IcwRecord *shown;
  IcwReviewerNotes *notes;

  g_assert_true (icw_lifecycle_mark_ready (fixture->store, ICW_RECORD (fixture->request), NULL, today, &error));
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_submit (fixture->store, ICW_RECORD (fixture->request), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
    g_autofree char *comments = NULL;

    g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_SECTION, "budget", "Too little detail", "Li Hua",
                                                   NULL, "returned"));
    comments = icw_review_comments_to_text (list);
    g_assert_true (icw_lifecycle_return (fixture->store, ICW_RECORD (fixture->request), comments, &error));
  }
  g_assert_no_error (error);
  iterate ();
  g_assert_false (icw_document_editor_is_editable (shell));
  /* The comment on the budget beside the budget page, not elsewhere. */
  notes = find_notes (GTK_WIDGET (fixture->editor));
  g_assert_nonnull (notes);
  icw_document_editor_select_page (shell, "request");
  g_assert_null (icw_reviewer_notes_get_text (notes));
  icw_document_editor_select_page (shell, "budget");
  g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "Too little detail");

  reopen = find_button (GTK_WIDGET (fixture->editor), "Reopen as _New Version");
  g_assert_nonnull (reopen);
  g_assert_true (gtk_widget_get_visible (reopen));
  gtk_widget_activate (reopen);
  for (guint i = 0; i < 50 && icw_document_editor_get_record (shell) == ICW_RECORD (fixture->request); i++)
    {
      g_usleep (10000);
      iterate ();
    }
  shown = icw_document_editor_get_record (shell);
  g_assert_nonnull (shown);
  g_assert_false (shown == ICW_RECORD (fixture->request));
  g_assert_cmpint (icw_lifecycle_get_version (shown), ==, 2);
  g_assert_true (icw_document_editor_is_editable (shell));
  /* Version 2 has no comments of its own: version 1's stay beside the budget. */
  icw_document_editor_select_page (shell, "budget");
  g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "Too little detail");
}

/* The editor's bar has Export Budget…; what it saves once a file is chosen: CSV or xlsx by the
 * name's suffix, and an error naming the file when it cannot be written. */
static void
test_export_budget (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *button = find_button (GTK_WIDGET (fixture->editor), "Export _Budget…");
  g_autofree char *csv = g_build_filename (fixture->dir, "budget.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "budget.xlsx", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "no-such-folder", "预算.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *zip = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (button);
  g_assert_true (icw_budget_export_save (ICW_DOCUMENT_EDITOR (fixture->editor), csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));   /* the CSV's BOM */
  g_assert_nonnull (strstr (text, "24000.00"));                /* the sample's grand total */
  g_assert_true (icw_budget_export_save (ICW_DOCUMENT_EDITOR (fixture->editor), xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &zip, NULL, NULL));
  g_assert_true (g_str_has_prefix (zip, "PK"));
  g_assert_false (icw_budget_export_save (ICW_DOCUMENT_EDITOR (fixture->editor), bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "预算.xlsx"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add ("/ui-funding/typing-updates-totals", Fixture, NULL, fixture_set_up, test_typing_updates_totals, fixture_tear_down);
  g_test_add ("/ui-funding/bad-entry-names-cell", Fixture, NULL, fixture_set_up, test_bad_entry_names_cell, fixture_tear_down);
  g_test_add ("/ui-funding/unit-setting-reformats", Fixture, NULL, fixture_set_up, test_unit_setting_reformats, fixture_tear_down);
  g_test_add ("/ui-funding/overflow-marked", Fixture, NULL, fixture_set_up, test_overflow_marked, fixture_tear_down);
  g_test_add ("/ui-funding/record-property-and-kinds", Fixture, NULL, fixture_set_up, test_record_property_and_kinds, fixture_tear_down);
  g_test_add ("/ui-funding/milestone-condition-wide", Fixture, NULL, fixture_set_up, test_milestone_condition_wide,
              fixture_tear_down);
  g_test_add ("/ui-funding/reopen-shows-new-version", Fixture, NULL, fixture_set_up, test_reopen_shows_new_version, fixture_tear_down);
  g_test_add ("/ui-funding/export-budget", Fixture, NULL, fixture_set_up, test_export_budget, fixture_tear_down);
  g_test_add ("/ui-funding/long-labels-inside-page", Fixture, NULL, fixture_set_up, test_long_labels_inside_page, fixture_tear_down);
  g_test_add ("/ui-funding/cells-grouped-as-totals", Fixture, NULL, fixture_set_up, test_cells_grouped_as_totals, fixture_tear_down);
  g_test_add ("/ui-funding/locked-is-read-only", Fixture, NULL, fixture_set_up, test_locked_is_read_only, fixture_tear_down);

  return g_test_run ();
}
