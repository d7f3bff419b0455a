/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-report.c: the report in the window, in-process on a real store: a recognized center of
 * the test's own with targets (任务书) for three years; New Report's creation refusing a yearly
 * assessment in an evaluation year with the store's message; the 考核指标 grid saving a typed
 * actual, refusing a bad one with a message that names the indicator (what was saved stays),
 * computing the difference, showing a computed actual as computed, attaching evidence to a row;
 * the indicator's chart following the saved actual; the center's Reports group listing the year
 * and opening it in a window of its own, and making its rows again after its center's saves only; the self-score page taking a score typed by hand (limits
 * and reason named, nothing saved until right, then kept with the report and counted); the
 * targets window (the table, Edit refusing a bad cell and a missing reason, a new version, the
 * earlier one shown, Carry from an accepted application). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "icw-attachment.h"
#include "icw-document-layout.h"
#include "icw-indicator-chart-data.h"
#include "icw-indicator-chart-view.h"
#include "icw-application.h"
#include "icw-report-editor.h"
#include "icw-report-hand-scores.h"
#include "icw-report-list-group.h"
#include "icw-report-new-dialog.h"
#include "icw-report-parts.h"
#include "icw-report-reminder.h"
#include "icw-store-reports.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

/* A store with the sample, and a center of the test's own (the sample's center has reports of its
 * own years): recognized in 2021, with targets for 2022–2024 and a draft report of 2022. */
typedef struct {
  IcwTestSample sample;
  IcwCenter    *center;
  IcwReport    *report;
} Fixture;

#define RECOGNIZED_ON "2021-06-30"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
add_target (GPtrArray  *targets,
            const char *key,
            const char *name,
            const char *unit,
            int         year,
            double      value)
{
  IcwTarget *target = icw_target_new (key, year, value);

  target->name = g_strdup (name);
  target->unit = g_strdup (unit);
  g_ptr_array_add (targets, target);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  g_autoptr(GError) error = NULL;
  IcwStore *store;
  const char *center_id;

  icw_test_sample_set_up (&fixture->sample, data);
  store = fixture->sample.store;
  fixture->center = icw_center_new ();
  icw_center_set_name (fixture->center, "湘江测试制造业创新中心");
  icw_center_set_level (fixture->center, ICW_CENTER_LEVEL_PROVINCIAL);
  icw_center_set_province (fixture->center, "山东省");
  icw_center_set_status (fixture->center, ICW_CENTER_STATUS_RECOGNIZED);
  g_object_set (fixture->center, "recognized-on", RECOGNIZED_ON, NULL);
  icw_test_save (store, fixture->center);
  center_id = icw_record_get_id (ICW_RECORD (fixture->center));
  for (int year = 2022; year <= 2024; year++)
    {
      add_target (targets, "patents", "发明专利申请量", "件", year, 10.0 + 5 * (year - 2022));
      add_target (targets, "members", "联盟成员单位", "家", year, 10.0);
    }
  g_assert_cmpint (icw_store_save_targets (store, center_id, targets, "test", "the 任务书", &error), >=, 1);
  g_assert_no_error (error);
  fixture->report = icw_report_new_dialog_create (store, fixture->center, 2022, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->report);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->report);
  g_clear_object (&fixture->center);
  icw_test_sample_tear_down (&fixture->sample, data);
}

static IcwReportRow *
stored_row (Fixture    *fixture,
            const char *key,
            GPtrArray **rows_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) other = icw_test_open_store (fixture->sample.path);
  g_autoptr(IcwRecord) report = icw_store_lookup (other, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (fixture->report)), &error);

  g_assert_no_error (error);
  *rows_out = icw_report_rows_parse (icw_report_get_indicators (ICW_REPORT (report)), &error);
  g_assert_no_error (error);
  return icw_report_rows_find (*rows_out, key);
}

/* 2024 is the third year after 2021: an evaluation year, where no yearly assessment is filed. */
static void
test_evaluation_year_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwReport) refused = icw_report_new_dialog_create (fixture->sample.store, fixture->center, 2024,
                                                               ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_autoptr(IcwReport) evaluation = NULL;

  g_assert_null (refused);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);
  evaluation = icw_report_new_dialog_create (fixture->sample.store, fixture->center, 2024, ICW_REPORT_KIND_EVALUATION, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evaluation);
}

static IcwReportEditor *
show_editor (Fixture    *fixture,
             GtkWidget **window_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = icw_report_editor_new (fixture->sample.store, ICW_MONEY_UNIT_WAN);

  gtk_window_set_child (GTK_WINDOW (window), editor);
  icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (editor), ICW_RECORD (fixture->report));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  *window_out = window;
  return ICW_REPORT_EDITOR (editor);
}

static void
test_actuals_saved (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window;
  IcwReportEditor *editor = show_editor (fixture, &window);
  IcwReportIndicators *grid = icw_report_editor_get_indicators (editor);
  GtkWidget *actual = icw_report_indicators_get_cell (grid, "patents", "actual");
  GtkWidget *members = icw_report_indicators_get_cell (grid, "members", "actual");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  IcwReportRow *row;

  g_assert_true (GTK_IS_ENTRY (actual));
  /* The registers know the members: computed, shown as such, not typed. */
  g_assert_true (GTK_IS_LABEL (members));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (members)), "computed"));

  gtk_editable_set_text (GTK_EDITABLE (actual), "12.5");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (icw_report_indicators_get_cell (grid, "patents", "difference"))), ==, "+2.5");
  icw_report_indicators_flush (grid);
  row = stored_row (fixture, "patents", &rows);
  g_assert_true (row->has_actual);
  g_assert_cmpfloat (row->actual, ==, 12.5);

  /* A bad number: named in the message, marked, and the saved 12.5 stays. */
  gtk_editable_set_text (GTK_EDITABLE (actual), "twelve");
  icw_report_indicators_flush (grid);
  g_assert_nonnull (icw_report_indicators_get_message (grid));
  g_assert_nonnull (strstr (icw_report_indicators_get_message (grid), "发明专利申请量"));
  g_assert_true (gtk_widget_has_css_class (actual, "error"));
  row = stored_row (fixture, "patents", &rows_after);
  g_assert_cmpfloat (row->actual, ==, 12.5);

  /* Below the target: the difference says so. */
  gtk_editable_set_text (GTK_EDITABLE (actual), "8");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (icw_report_indicators_get_cell (grid, "patents", "difference"))), ==, "−2");
  g_assert_null (icw_report_indicators_get_message (grid));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_evidence_attached (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window;
  IcwReportEditor *editor = show_editor (fixture, &window);
  IcwReportIndicators *grid = icw_report_editor_get_indicators (editor);
  g_autofree char *path = g_build_filename (fixture->sample.dir, "专利受理通知书.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  IcwReportRow *row;

  g_assert_true (g_file_set_contents (path, "%PDF-1.4\n% evidence\n", -1, NULL));
  g_assert_true (icw_report_indicators_attach (grid, "patents", file, &error));
  g_assert_no_error (error);
  row = stored_row (fixture, "patents", &rows);
  g_assert_cmpuint (g_strv_length (row->evidence), ==, 1);
  attachments = icw_store_list_report_attachments (fixture->sample.store, icw_record_get_id (ICW_RECORD (fixture->report)));
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpstr (icw_record_get_id (attachments->pdata[0]), ==, row->evidence[0]);
  g_assert_cmpstr (icw_attachment_get_name (attachments->pdata[0]), ==, "专利受理通知书.pdf");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (icw_report_indicators_get_cell (grid, "patents", "evidence"))), ==, "1 file");
  /* An unknown row is refused by name. */
  g_assert_false (icw_report_indicators_attach (grid, "no-such-indicator", file, &error));
  g_assert_nonnull (strstr (error->message, "no-such-indicator"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The chart: the 任务书's targets by year, and the actual once saved. */
static void
test_chart_follows (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window;
  IcwReportEditor *editor = show_editor (fixture, &window);
  IcwReportIndicators *grid = icw_report_editor_get_indicators (editor);
  IcwIndicatorChartView *view = ICW_INDICATOR_CHART_VIEW (icw_report_indicators_get_cell (grid, "patents", "chart"));
  IcwChart *chart = icw_indicator_chart_view_get_chart (view);

  /* Up to the report's own year: 2022 only, its target 10, no actual yet. */
  g_assert_cmpuint (icw_chart_get_n_categories (chart), ==, 1);
  g_assert_cmpstr (icw_chart_get_label (chart, 0), ==, "2022");
  g_assert_cmpfloat (icw_chart_get_value (chart, 0, 0), ==, 10);
  g_assert_true (isnan (icw_chart_get_value (chart, 0, 1)));
  g_assert_cmpstr (icw_chart_get_title (chart), ==, "发明专利申请量");
  gtk_editable_set_text (GTK_EDITABLE (icw_report_indicators_get_cell (grid, "patents", "actual")), "11");
  icw_report_indicators_flush (grid);
  chart = icw_indicator_chart_view_get_chart (view);
  g_assert_cmpfloat (icw_chart_get_value (chart, 0, 1), ==, 11);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_list_group (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_report_list_group_new (fixture->sample.store, ICW_MONEY_UNIT_WAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwReport) second = NULL;
  IcwReportWindow *report_window;

  gtk_window_set_child (GTK_WINDOW (window), group);
  icw_report_list_group_set_center (ICW_REPORT_LIST_GROUP (group), fixture->center);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpuint (icw_report_list_group_get_n_rows (ICW_REPORT_LIST_GROUP (group)), ==, 1);
  second = icw_report_new_dialog_create (fixture->sample.store, fixture->center, 2023, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (icw_report_list_group_get_n_rows (ICW_REPORT_LIST_GROUP (group)), ==, 2);
  report_window = icw_report_list_group_open (ICW_REPORT_LIST_GROUP (group), second);
  iterate ();
  g_assert_true (icw_document_editor_get_record (ICW_DOCUMENT_EDITOR (icw_report_window_get_editor (report_window))) == ICW_RECORD (second));
  gtk_window_destroy (GTK_WINDOW (report_window));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The group makes its rows again, once, after a save of one of its center's reports, and not after
 * a save elsewhere: another center (the sample's), an organization. */
static void
test_list_group_ignores_saves_elsewhere (Fixture       *fixture,
                                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_report_list_group_new (fixture->sample.store, ICW_MONEY_UNIT_WAN);
  IcwReportListGroup *list = ICW_REPORT_LIST_GROUP (group);
  g_autoptr(IcwOrganization) organization = NULL;
  guint n;

  gtk_window_set_child (GTK_WINDOW (window), group);
  icw_report_list_group_set_center (list, fixture->center);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  n = icw_report_list_group_get_n_refreshes (list);
  g_assert_cmpuint (n, ==, 1);

  icw_center_set_city (fixture->sample.center, "潍坊");
  icw_test_save (fixture->sample.store, fixture->sample.center);
  organization = icw_test_save_organization (fixture->sample.store, "与报告无关的测试单位", NULL);
  iterate ();
  g_assert_cmpuint (icw_report_list_group_get_n_refreshes (list), ==, n);

  /* Two saves of the center's report before the main loop runs: the rows are made once. */
  icw_report_set_staff_total (fixture->report, 120);
  icw_test_save (fixture->sample.store, fixture->report);
  icw_report_set_staff_total (fixture->report, 121);
  icw_test_save (fixture->sample.store, fixture->report);
  iterate ();
  g_assert_cmpuint (icw_report_list_group_get_n_refreshes (list), ==, n + 1);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Liaoning's window (to the city by 8 February): the text on the center, and a notification once a
 * day within a month of it; none for a center whose province has no known window. */
static void
test_deadline_reminder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.mfginnovation.Workbench");
  g_autofree char *text = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *reminded = NULL;
  GDate near, far;

  g_date_set_dmy (&near, 20, G_DATE_JANUARY, 2027);
  g_date_set_dmy (&far, 1, G_DATE_DECEMBER, 2026);
  icw_center_set_province (fixture->center, "新疆维吾尔自治区");
  icw_test_save (fixture->sample.store, fixture->center);
  unknown = icw_report_deadline_text (fixture->center, &near);
  g_assert_nonnull (strstr (unknown, "source not found"));
  g_assert_cmpuint (icw_report_remind_deadlines (fixture->sample.store, NULL, settings, &near), ==, 0);

  g_settings_set_string (settings, "filing-reminded-on", "");
  icw_center_set_province (fixture->center, "辽宁省");
  icw_test_save (fixture->sample.store, fixture->center);
  text = icw_report_deadline_text (fixture->center, &near);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "19 days left"));
  g_assert_nonnull (strstr (text, "2026"));
  g_assert_nonnull (strstr (text, "辽工信发〔2022〕121号"));
  /* Far (69 days): nothing; near (19 days): once, and not again the same day. */
  g_assert_cmpuint (icw_report_remind_deadlines (fixture->sample.store, NULL, settings, &far), ==, 0);
  g_assert_cmpuint (icw_report_remind_deadlines (fixture->sample.store, NULL, settings, &near), ==, 1);
  reminded = g_settings_get_string (settings, "filing-reminded-on");
  g_assert_cmpstr (reminded, ==, "2027-01-20");
  g_assert_cmpuint (icw_report_remind_deadlines (fixture->sample.store, NULL, settings, &near), ==, 0);
}

/* The self-score page: Hunan's 123号 table for a center in 湖南省 (its items, the total, the chart
 * by area); for a province with no known scheme, the reason. */
static void
test_score_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window;
  IcwReportEditor *editor;
  IcwReportScore *score;

  icw_center_set_province (fixture->center, "湖南省");
  icw_test_save (fixture->sample.store, fixture->center);
  editor = show_editor (fixture, &window);
  score = icw_report_editor_get_score (editor);
  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), "score");
  iterate ();
  g_test_message ("%s", icw_report_score_get_summary (score));
  g_assert_nonnull (strstr (icw_report_score_get_summary (score), "points"));
  icw_center_set_province (fixture->center, "新疆维吾尔自治区");
  icw_test_save (fixture->sample.store, fixture->center);
  icw_report_score_show (score, fixture->report);
  g_test_message ("%s", icw_report_score_get_summary (score));
  g_assert_nonnull (strstr (icw_report_score_get_summary (score), "source not found"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The report's charts as blocks of its document: one per indicator, laid out on the pages. */
static void
test_document_charts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(IcwDocument) document = icw_document_new ("考核");
  g_autoptr(IcwDocumentLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = icw_report_rows_parse (icw_report_get_indicators (fixture->report), NULL);
  GPtrArray *blocks;
  guint charts = 0;

  g_assert_cmpuint (icw_document_add_report_charts (document, fixture->sample.store, fixture->report), ==, rows->len);
  blocks = icw_document_get_blocks (document);
  for (guint i = 0; i < blocks->len; i++)
    if (((IcwDocBlock *) blocks->pdata[i])->kind == ICW_BLOCK_CHART)
      {
        IcwDocBlock *block = blocks->pdata[i];

        g_assert_cmpuint (icw_chart_get_n_categories (block->chart), ==, 1);
        g_assert_cmpstr (icw_doc_block_get_cell (block, 1, 0), ==, "2022");
        charts++;
      }
  g_assert_cmpuint (charts, ==, rows->len);
  layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The cover, then the two charts (80 mm each) on a page. */
  g_assert_cmpuint (icw_document_layout_get_n_pages (layout), ==, 2);
}

/* A score typed by hand on the self-score page: above the item's maximum and without a reason it
 * is refused with the item named and nothing is saved; then it is saved with the report, and the
 * total follows. */
static void
test_hand_score (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *total_before = NULL;
  GtkWidget *window;
  IcwReportEditor *editor;
  IcwReportScore *score;
  const char *problem;

  icw_center_set_level (fixture->center, ICW_CENTER_LEVEL_PROVINCIAL);
  icw_center_set_province (fixture->center, "湖南省");
  icw_test_save (fixture->sample.store, fixture->center);
  editor = show_editor (fixture, &window);
  score = icw_report_editor_get_score (editor);
  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), "score");
  iterate ();
  total_before = g_strdup (icw_report_score_get_summary (score));
  g_assert_cmpstr (icw_report_score_get_row_value (score, "top-three"), ==, "To score by hand");

  g_assert_true (icw_report_score_type_by_hand (score, "top-three", "5", "行业排名第二"));
  problem = icw_report_score_get_row_error (score, "top-three");
  g_test_message ("%s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "from 0 to 3"));
  g_assert_nonnull (strstr (problem, "top three of the field"));
  g_assert_true (icw_report_score_type_by_hand (score, "top-three", "2.5", "  "));
  problem = icw_report_score_get_row_error (score, "top-three");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "reason"));
  g_assert_null (icw_report_get_hand_scores (fixture->report));

  g_assert_true (icw_report_score_type_by_hand (score, "top-three", "2,5", "行业排名第二"));
  iterate ();
  g_assert_null (icw_report_score_get_row_error (score, "top-three"));
  g_assert_cmpstr (icw_report_score_get_row_value (score, "top-three"), ==, "2.50 / 3");
  g_assert_cmpstr (icw_report_score_get_summary (score), !=, total_before);
  {
    g_autoptr(IcwStore) other = icw_test_open_store (fixture->sample.path);
    g_autoptr(IcwRecord) stored = icw_store_lookup (other, ICW_RECORD_KIND_REPORT,
                                                    icw_record_get_id (ICW_RECORD (fixture->report)), &error);

    g_assert_no_error (error);
    kept = icw_report_hand_scores_parse (icw_report_get_hand_scores (ICW_REPORT (stored)), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kept->len, ==, 1);
    g_assert_cmpint (icw_report_hand_scores_find (kept, "top-three")->hundredths, ==, 250);
    g_assert_cmpstr (icw_report_hand_scores_find (kept, "top-three")->reason, ==, "行业排名第二");
  }
  /* An item computed from the figures has nowhere to type. */
  g_assert_false (icw_report_score_type_by_hand (score, "alliance-kinds-none", "1", "x"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The targets window over the fixture's 任务书 (patents 10/15/20, members 10 in 2022–2024). */
/* The table of targets scrolls sideways (only) with a scrollbar drawn when it is wider than the
 * window, not an overlay one that shows under the pointer only. */
static void
assert_sideways_scrollbar_drawn (GtkWidget *root)
{
  guint found = 0;
  GtkWidget *stack[64];
  guint depth = 0;

  stack[depth++] = root;
  while (depth > 0)
    {
      GtkWidget *widget = stack[--depth];
      GtkPolicyType h, v;

      if (GTK_IS_SCROLLED_WINDOW (widget))
        {
          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &h, &v);
          if (h == GTK_POLICY_AUTOMATIC && v == GTK_POLICY_NEVER)
            {
              g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (widget)));
              found++;
            }
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && depth < G_N_ELEMENTS (stack);
           child = gtk_widget_get_next_sibling (child))
        stack[depth++] = child;
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
test_targets_window (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_report_list_group_new (fixture->sample.store, ICW_MONEY_UNIT_WAN);
  g_autoptr(IcwApplication) application = icw_application_new ();
  const IcwApplicationStatus steps[] = { ICW_APPLICATION_STATUS_READY, ICW_APPLICATION_STATUS_SUBMITTED,
                                         ICW_APPLICATION_STATUS_ACCEPTED };
  IcwTargetsWindow *targets;
  const char *message;

  gtk_window_set_child (GTK_WINDOW (window), group);
  icw_report_list_group_set_center (ICW_REPORT_LIST_GROUP (group), fixture->center);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  targets = icw_report_list_group_open_targets (ICW_REPORT_LIST_GROUP (group));
  iterate ();
  assert_sideways_scrollbar_drawn (GTK_WIDGET (targets));
  g_assert_cmpint (icw_targets_window_get_version (targets), ==, 1);
  g_assert_cmpuint (icw_targets_window_get_n_indicators (targets), ==, 2);
  g_assert_cmpuint (icw_targets_window_get_n_versions (targets), ==, 1);
  g_assert_cmpstr (icw_targets_window_get_cell (targets, "patents", 2023), ==, "15");
  g_assert_false (icw_targets_window_can_carry (targets));

  /* Edit: a cell that is not a number is named with its indicator and year; no reason, refused. */
  icw_targets_window_edit (targets);
  g_assert_true (icw_targets_window_set_cell (targets, "patents", 2023, "十六"));
  g_assert_false (icw_targets_window_save (targets));
  message = icw_targets_window_get_message (targets);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "发明专利申请量"));
  g_assert_nonnull (strstr (message, "2023"));
  g_assert_cmpstr (icw_targets_window_get_cell (targets, "patents", 2023), ==, "十六");
  g_assert_true (icw_targets_window_set_cell (targets, "patents", 2023, "16.5"));
  g_assert_false (icw_targets_window_save (targets));
  g_assert_nonnull (strstr (icw_targets_window_get_message (targets), "Reason"));
  g_assert_cmpuint (icw_store_list_target_versions (fixture->sample.store, icw_record_get_id (ICW_RECORD (fixture->center)))->len, ==, 1);
  icw_targets_window_set_reason (targets, "中期调整");
  g_assert_true (icw_targets_window_save (targets));
  g_assert_null (icw_targets_window_get_message (targets));
  g_assert_cmpint (icw_targets_window_get_version (targets), ==, 2);
  g_assert_cmpuint (icw_targets_window_get_n_versions (targets), ==, 2);
  g_assert_cmpstr (icw_targets_window_get_cell (targets, "patents", 2023), ==, "16.5");
  g_assert_cmpstr (icw_targets_window_get_cell (targets, "members", 2024), ==, "10");
  icw_targets_window_show_version (targets, 1);
  g_assert_cmpstr (icw_targets_window_get_cell (targets, "patents", 2023), ==, "15");

  /* An accepted application with a 绩效目标表 not yet carried: Carry makes version 3. */
  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_application_set_title (application, "验收申请");
  icw_application_set_indicators (application,
                                  "[{\"area\": \"collaboration\", \"name\": \"联盟成员单位\", \"unit\": \"家\","
                                  "  \"years\": [{\"year\": 2023, \"target\": 12}, {\"year\": 2024, \"target\": 14}]}]");
  icw_test_save (fixture->sample.store, application);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      icw_application_set_status (application, steps[i]);
      icw_test_save (fixture->sample.store, application);
    }
  icw_targets_window_show_version (targets, 0);
  g_assert_true (icw_targets_window_can_carry (targets));
  g_assert_true (icw_targets_window_carry (targets, icw_record_get_id (ICW_RECORD (application))));
  g_assert_cmpint (icw_targets_window_get_version (targets), ==, 3);
  g_assert_cmpstr (icw_targets_window_get_cell (targets, "联盟成员单位", 2024), ==, "14");
  g_assert_false (icw_targets_window_can_carry (targets));
  gtk_window_destroy (GTK_WINDOW (targets));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add ("/ui-report/evaluation-year-refused", Fixture, NULL, fixture_set_up, test_evaluation_year_refused, fixture_tear_down);
  g_test_add ("/ui-report/actuals-saved", Fixture, NULL, fixture_set_up, test_actuals_saved, fixture_tear_down);
  g_test_add ("/ui-report/evidence-attached", Fixture, NULL, fixture_set_up, test_evidence_attached, fixture_tear_down);
  g_test_add ("/ui-report/chart-follows", Fixture, NULL, fixture_set_up, test_chart_follows, fixture_tear_down);
  g_test_add ("/ui-report/list-group", Fixture, NULL, fixture_set_up, test_list_group, fixture_tear_down);
  g_test_add ("/ui-report/list-group-saves-elsewhere", Fixture, NULL, fixture_set_up, test_list_group_ignores_saves_elsewhere,
              fixture_tear_down);
  g_test_add ("/ui-report/deadline-reminder", Fixture, NULL, fixture_set_up, test_deadline_reminder, fixture_tear_down);
  g_test_add ("/ui-report/score-page", Fixture, NULL, fixture_set_up, test_score_page, fixture_tear_down);
  g_test_add ("/ui-report/hand-score", Fixture, NULL, fixture_set_up, test_hand_score, fixture_tear_down);
  g_test_add ("/ui-report/targets-window", Fixture, NULL, fixture_set_up, test_targets_window, fixture_tear_down);
  g_test_add ("/ui-report/document-charts", Fixture, NULL, fixture_set_up, test_document_charts, fixture_tear_down);
  return g_test_run ();
}
