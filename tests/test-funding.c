/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-funding.c: funding requests (资金申请) in the store and their checks: every property saved and
 * read back through a second connection; the store's refusals (start year, period, sources,
 * category set, milestones, cells outside the table, negative or oversized amounts, a change of
 * shape that would drop saved amounts); budget totals of random tables against an independent
 * 128-bit sum, and overflow reported, never wrapped; the bundled category sets and malformed ones;
 * each rule of the funding-request pack passing and failing; the life cycle (ready only without
 * errors, a submitted request's budget lines read-only, reopening copies the lines). */
#include "config.h"

#include <string.h>

#include "icw-application.h"
#include "icw-budget-line.h"
#include "icw-budget-table.h"
#include "icw-category-set.h"
#include "icw-error.h"
#include "icw-field-limits.h"
#include "icw-funding-check.h"
#include "icw-funding-parts.h"
#include "icw-funding-request.h"
#include "icw-lifecycle.h"
#include "icw-rule-pack.h"
#include "icw-sample.h"
#include "icw-store.h"
#include "icw-test-util.h"

#define WAN G_GINT64_CONSTANT (1000000)

typedef struct {
  char              *dir;
  char              *path;
  IcwStore          *store;
  IcwCenter         *center;
  IcwApplication    *application;
  IcwFundingRequest *sample;
  GPtrArray         *packs;
} Fixture;

static gpointer
only_item (IcwStore      *store,
           IcwRecordKind  kind)
{
  g_autoptr(GListModel) list = icw_store_list (store, kind, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = icw_test_make_tmp_dir ("test-funding-XXXXXX", &f->path);
  f->store = icw_test_open_store (f->path);
  f->center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  f->application = icw_test_sample_application (f->store);
  f->sample = only_item (f->store, ICW_RECORD_KIND_FUNDING_REQUEST);
  f->packs = icw_rule_packs_load_all (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->packs, g_ptr_array_unref);
  g_clear_object (&f->sample);
  g_clear_object (&f->application);
  g_clear_object (&f->center);
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static GPtrArray *
check (Fixture           *f,
       IcwFundingRequest *request)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = icw_funding_request_check (f->store, request, f->packs, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

/* How many findings of the rule (at the field, unless NULL) there are. */
static guint
count_findings (GPtrArray  *findings,
                const char *rule,
                const char *field)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (icw_finding_get_rule (findings->pdata[i]), rule) == 0 &&
        (field == NULL || g_strcmp0 (icw_finding_get_field (findings->pdata[i]), field) == 0))
      n++;
  return n;
}

static void
dump_findings (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("finding %s at %s: %s", icw_finding_get_rule (findings->pdata[i]),
                    icw_finding_get_field (findings->pdata[i]), icw_finding_get_message (findings->pdata[i]));
}

/* A small request of the sample center: 2026, one year, the given sources, no lines. */
static IcwFundingRequest *
new_request (Fixture                *f,
             const IcwFundingSource *sources,
             guint                   n_sources)
{
  IcwFundingRequest *request = icw_funding_request_new ();

  icw_funding_request_set_center_id (request, icw_record_get_id (ICW_RECORD (f->center)));
  icw_funding_request_set_title (request, "测试资金申请");
  icw_funding_request_set_start_year (request, 2026);
  icw_funding_request_set_period (request, 1);
  for (guint i = 0; i < n_sources; i++)
    icw_funding_request_set_source_used (request, sources[i], TRUE);
  icw_test_save (f->store, request);
  return request;
}

/* Saves a cell of a request through the table, as the editor does. */
static void
save_cell (Fixture           *f,
           IcwFundingRequest *request,
           const char        *category,
           int                year,
           IcwFundingSource   source,
           gint64             fen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (f->store, request, &error);
  int row;

  g_assert_no_error (error);
  row = icw_category_set_find (icw_budget_table_get_category_set (table), category);
  g_assert_cmpint (row, >=, 0);
  g_assert_true (icw_budget_table_save_cell (table, f->store, (guint) row, (guint) icw_budget_table_year_index (table, year),
                                             (guint) icw_budget_table_source_index (table, source), fen, &error));
  g_assert_no_error (error);
}

static void
save_justification (Fixture           *f,
                    IcwFundingRequest *request,
                    const char        *category,
                    const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (f->store, request, &error);
  int row = icw_category_set_find (icw_budget_table_get_category_set (table), category);

  g_assert_true (icw_budget_table_save_justification (table, f->store, (guint) row, text, &error));
  g_assert_no_error (error);
}

static void
assert_save_refused (Fixture    *f,
                     gpointer    record,
                     GQuark      domain,
                     int         code,
                     const char *part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (icw_store_save (f->store, ICW_RECORD (record), &error));
  g_assert_error (error, domain, code);
  icw_test_assert_message_contains (error, part, NULL);
}


/* The sample's request: complete, consistent with its application, no finding at all. */
static void
test_sample_passes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = check (f, f->sample);
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (f->store, f->sample, NULL);
  gint64 total, fiscal, self_raised, year;

  dump_findings (findings);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_true (icw_budget_table_grand_total (table, &total, NULL));
  g_assert_cmpint (total, ==, 24000 * WAN);
  g_assert_true (icw_budget_table_fiscal_total (table, TRUE, &fiscal, NULL));
  g_assert_cmpint (fiscal, ==, 7000 * WAN);
  g_assert_true (icw_budget_table_fiscal_total (table, FALSE, &self_raised, NULL));
  g_assert_cmpint (self_raised, ==, 17000 * WAN);
  /* The years as the application's budget section plans them. */
  g_assert_true (icw_budget_table_sum (table, ICW_BUDGET_ALL, 0, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &year, NULL));
  g_assert_cmpint (year, ==, 10000 * WAN);
  g_assert_true (icw_budget_table_sum (table, ICW_BUDGET_ALL, 2, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &year, NULL));
  g_assert_cmpint (year, ==, 6000 * WAN);
}

/* Every property and cell comes back through another connection. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(IcwRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwBudgetTable) mine = NULL, theirs = NULL;
  IcwFundingRequest *copy;
  const char *const text_props[] = { "center-id", "application-id", "title", "sources", "category-set",
                                     "milestones", "lineage-id" };

  icw_funding_request_set_technology (f->sample, "深水水下生产系统关键部件（采油树、管汇连接器）");
  icw_test_save (f->store, f->sample);
  other = icw_test_open_store (f->path);
  record = icw_store_lookup (other, ICW_RECORD_KIND_FUNDING_REQUEST, icw_record_get_id (ICW_RECORD (f->sample)), &error);
  g_assert_no_error (error);
  copy = ICW_FUNDING_REQUEST (record);
  g_assert_true (copy != f->sample);
  for (guint i = 0; i < G_N_ELEMENTS (text_props); i++)
    {
      g_autofree char *a = NULL, *b = NULL;

      g_object_get (f->sample, text_props[i], &a, NULL);
      g_object_get (copy, text_props[i], &b, NULL);
      g_assert_nonnull (a);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpstr (icw_funding_request_get_technology (copy), ==, "深水水下生产系统关键部件（采油树、管汇连接器）");
  g_assert_cmpint (icw_funding_request_get_start_year (copy), ==, 2027);
  g_assert_cmpint (icw_funding_request_get_period (copy), ==, 3);
  g_assert_cmpint (icw_funding_request_get_version (copy), ==, 1);
  g_assert_true (icw_funding_request_get_tax_deduction (copy));
  g_assert_cmpint (icw_funding_request_get_tax_deduction_fen (copy), ==, 8000 * WAN);
  g_assert_cmpint (icw_funding_request_get_status (copy), ==, ICW_APPLICATION_STATUS_DRAFT);

  mine = icw_budget_table_new_for_request (f->store, f->sample, NULL);
  theirs = icw_budget_table_new_for_request (other, copy, NULL);
  g_assert_cmpuint (icw_budget_table_get_n_rows (mine), ==, icw_budget_table_get_n_rows (theirs));
  for (guint r = 0; r < icw_budget_table_get_n_rows (mine); r++)
    for (guint y = 0; y < 3; y++)
      for (guint s = 0; s < 3; s++)
        g_assert_cmpint (icw_budget_table_get (mine, r, y, s), ==, icw_budget_table_get (theirs, r, y, s));
}

static void
test_store_refusals (Fixture       *f,
                     gconstpointer  data)
{
  IcwFundingRequest *r = f->sample;
  g_autoptr(IcwFundingRequest) stranger = NULL;
  g_autofree char *saved = g_strdup (icw_funding_request_get_milestones (r));
  const struct { const char *milestones; const char *part; } bad_milestones[] = {
    { "{}", "not a JSON list" },
    { "[{\"date\": \"2026-02-30\", \"amount_fen\": \"1\", \"condition\": \"x\"}]", "Milestone 1, date" },
    { "[{\"date\": \"2026-02-01\", \"amount_fen\": \"0\", \"condition\": \"x\"}]", "Milestone 1, amount" },
    { "[{\"date\": \"2026-02-01\", \"amount_fen\": 5, \"condition\": \"x\"}]", "must be text" },
    { "[{\"date\": \"2026-02-01\", \"amount_fen\": \"9223372036854775808\"}]", "Milestone 1, amount" },
    { "[{\"date\": \"2026-02-01\", \"amount_fen\": \"1\"}, 3]", "Milestone 2" },
  };

  icw_funding_request_set_start_year (r, 1999);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "Start year");
  icw_funding_request_set_start_year (r, 2027);
  icw_funding_request_set_period (r, 11);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "Period");
  icw_funding_request_set_period (r, 3);
  icw_funding_request_set_sources (r, "local-fiscal,shareholder-capital,bank-loan,lottery");
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "lottery");
  icw_funding_request_set_sources (r, "local-fiscal,shareholder-capital,bank-loan");
  icw_funding_request_set_category_set (r, "no-such-set");
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_NOT_FOUND, "no-such-set");
  icw_funding_request_set_category_set (r, "research-separate");
  icw_funding_request_set_category_set_version (r, 2);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_NOT_FOUND, "version");
  icw_funding_request_set_category_set_version (r, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad_milestones); i++)
    {
      icw_funding_request_set_milestones (r, bad_milestones[i].milestones);
      assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, bad_milestones[i].part);
    }
  icw_funding_request_set_milestones (r, saved);
  icw_test_save (f->store, r);

  /* An application of another center. */
  stranger = icw_funding_request_new ();
  icw_funding_request_set_center_id (stranger, icw_record_get_id (ICW_RECORD (f->center)));
  icw_funding_request_set_start_year (stranger, 2026);
  icw_funding_request_set_application_id (stranger, "no-such-application");
  assert_save_refused (f, stranger, ICW_ERROR, ICW_ERROR_INVALID, "Application");
  icw_funding_request_set_application_id (stranger, NULL);
  icw_funding_request_set_status (stranger, ICW_APPLICATION_STATUS_READY);
  assert_save_refused (f, stranger, ICW_ERROR, ICW_ERROR_INVALID, "draft");
  icw_funding_request_set_status (stranger, ICW_APPLICATION_STATUS_DRAFT);
  icw_funding_request_set_center_id (stranger, "no-such-center");
  assert_save_refused (f, stranger, ICW_ERROR, ICW_ERROR_INVALID, "Center");
}

static IcwBudgetLine *
line_of (Fixture           *f,
         IcwFundingRequest *request,
         const char        *category)
{
  g_autoptr(GListModel) lines = icw_store_list (f->store, ICW_RECORD_KIND_BUDGET_LINE,
                                                icw_record_get_id (ICW_RECORD (request)));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(IcwBudgetLine) line = g_list_model_get_item (lines, i);

      if (g_strcmp0 (icw_budget_line_get_category (line), category) == 0)
        return g_steal_pointer (&line);
    }
  return NULL;
}

/* Budget lines: the store checks every cell and category; the table's save keeps what was saved. */
static void
test_store_lines (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IcwBudgetLine) line = line_of (f, f->sample, "materials");
  g_autoptr(IcwBudgetLine) twice = icw_budget_line_new ();
  g_autoptr(IcwBudgetTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (icw_budget_line_get_cells (line));
  const struct { const char *cells; const char *part; } bad[] = {
    { "{\"2030/local-fiscal\": \"1\"}", "not a year of the request's period" },
    { "{\"2026/local-fiscal\": \"1\"}", "not a year of the request's period" },
    { "{\"2027/central-fiscal\": \"1\"}", "does not use" },
    { "{\"2027/lottery\": \"1\"}", "YEAR/source" },
    { "{\"2027\": \"1\"}", "YEAR/source" },
    { "{\"2027/local-fiscal\": \"-1\"}", "from 0 to 9223372036854775807" },
    { "{\"2027/local-fiscal\": 100}", "written as a string" },
    { "{\"2027/local-fiscal\": \"9223372036854775808\"}", "from 0 to" },
    { "{\"2027/local-fiscal\": \"1.5\"}", "whole number" },
    { "[1]", "JSON object" },
    /* A cell holds at most 10^12 yuan (ICW_LIMIT_CELL_FEN), so that totals overflow only with
       data from before the limit. */
    { "{\"2027/local-fiscal\": \"100000000000001\"}", "at most 100,000,000.00" },
    { "{\"2027/local-fiscal\": \"9223372036854775807\"}", "at most 100,000,000.00" },
  };
  int row;

  g_assert_nonnull (line);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      icw_budget_line_set_cells (line, bad[i].cells);
      assert_save_refused (f, line, ICW_ERROR, ICW_ERROR_INVALID, bad[i].part);
    }
  /* The largest amount a cell holds is exact. */
  icw_budget_line_set_cells (line, "{\"2027/local-fiscal\": \"100000000000000\"}");
  icw_test_save (f->store, line);
  g_assert_cmpint (icw_budget_line_get_cell (line, 2027, ICW_FUNDING_SOURCE_LOCAL_FISCAL), ==, ICW_LIMIT_CELL_FEN);
  icw_budget_line_set_cells (line, saved);
  icw_test_save (f->store, line);

  icw_budget_line_set_category (line, "equipment");
  assert_save_refused (f, line, ICW_ERROR, ICW_ERROR_INVALID, "not a category");
  icw_budget_line_set_category (line, "business");   /* of the merged-2021 set only */
  assert_save_refused (f, line, ICW_ERROR, ICW_ERROR_INVALID, "not a category");
  icw_budget_line_set_category (line, "materials");

  icw_budget_line_set_request_id (twice, icw_record_get_id (ICW_RECORD (f->sample)));
  icw_budget_line_set_category (twice, "materials");
  assert_save_refused (f, twice, ICW_ERROR, ICW_ERROR_DUPLICATE, "already has a line");

  /* The table refuses a parent row and a negative amount, and keeps the saved cell. */
  table = icw_budget_table_new_for_request (f->store, f->sample, NULL);
  row = icw_category_set_find (icw_budget_table_get_category_set (table), "equipment");
  g_assert_false (icw_budget_table_save_cell (table, f->store, (guint) row, 0, 0, 5, &error));
  icw_test_assert_message_contains (error, "subtotal", NULL);
  g_clear_error (&error);
  row = icw_category_set_find (icw_budget_table_get_category_set (table), "materials");
  g_assert_false (icw_budget_table_save_cell (table, f->store, (guint) row, 0, 0, -5, &error));
  icw_test_assert_message_contains (error, "negative", NULL);
  g_assert_cmpint (icw_budget_table_get (table, (guint) row, 0, 0), ==,
                   icw_budget_line_get_cell (line, 2027, ICW_FUNDING_SOURCE_LOCAL_FISCAL));
}

/* Nothing saved is lost by a change of the table's shape. */
static void
test_shape_change (Fixture       *f,
                   gconstpointer  data)
{
  IcwFundingRequest *r = f->sample;

  icw_funding_request_set_period (r, 2);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "2029");
  icw_funding_request_set_period (r, 3);
  icw_funding_request_set_start_year (r, 2028);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "2027");
  icw_funding_request_set_start_year (r, 2027);
  icw_funding_request_set_source_used (r, ICW_FUNDING_SOURCE_BANK_LOAN, FALSE);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "Bank loan");
  icw_funding_request_set_source_used (r, ICW_FUNDING_SOURCE_BANK_LOAN, TRUE);
  icw_funding_request_set_category_set (r, ICW_CATEGORY_SET_MERGED_2021);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "equipment-upgrade-lease");
  /* Nor the old standard set: the sample's equipment lines are research-separate's. */
  icw_funding_request_set_category_set (r, ICW_CATEGORY_SET_STANDARD);
  assert_save_refused (f, r, ICW_ERROR, ICW_ERROR_INVALID, "equipment-upgrade-lease");
  icw_funding_request_set_category_set (r, "research-separate");
  /* Growing the table loses nothing and is accepted. */
  icw_funding_request_set_period (r, 4);
  icw_funding_request_set_source_used (r, ICW_FUNDING_SOURCE_OWN_REVENUE, TRUE);
  icw_test_save (f->store, r);
}

/* The lines of a locked request are read-only; a new version copies them. */
static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  const IcwFundingSource fiscal_only[] = { ICW_FUNDING_SOURCE_CENTRAL_FISCAL };
  g_autoptr(IcwFundingRequest) bad = new_request (f, fiscal_only, 1);
  g_autoptr(IcwBudgetLine) line = NULL;
  g_autoptr(IcwBudgetTable) table = NULL;
  g_autoptr(IcwRecord) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) old_lines = NULL, new_lines = NULL;
  g_autofree char *cells = NULL;
  int row;

  /* Fiscal money without any self-raised: the check finds errors, so it stays a draft. */
  save_cell (f, bad, "materials", 2026, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, 100 * WAN);
  g_assert_false (icw_lifecycle_mark_ready (f->store, ICW_RECORD (bad), f->packs, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (icw_funding_request_get_status (bad), ==, ICW_APPLICATION_STATUS_DRAFT);

  g_assert_true (icw_lifecycle_mark_ready (f->store, ICW_RECORD (f->sample), f->packs, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_submit (f->store, ICW_RECORD (f->sample), &error));
  g_assert_no_error (error);

  line = line_of (f, f->sample, "materials");
  cells = g_strdup (icw_budget_line_get_cells (line));
  icw_budget_line_set_justification (line, "changed after submission");
  assert_save_refused (f, line, ICW_ERROR, ICW_ERROR_READ_ONLY, "submitted");
  icw_budget_line_set_justification (line, NULL);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (line), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  table = icw_budget_table_new_for_request (f->store, f->sample, NULL);
  row = icw_category_set_find (icw_budget_table_get_category_set (table), "materials");
  g_assert_false (icw_budget_table_save_cell (table, f->store, (guint) row, 0, 0, 1, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (icw_budget_table_get (table, (guint) row, 0, 0), !=, 1);
  icw_funding_request_set_title (f->sample, "changed");
  assert_save_refused (f, f->sample, ICW_ERROR, ICW_ERROR_READ_ONLY, "submitted");
  icw_funding_request_set_title (f->sample, "国家海洋工程装备创新中心建设资金申请（2027—2029年）");

  g_assert_true (icw_lifecycle_return (f->store, ICW_RECORD (f->sample), "请补充设备询价单", &error));
  g_assert_no_error (error);
  next = icw_lifecycle_reopen (f->store, ICW_RECORD (f->sample), &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_funding_request_get_version (ICW_FUNDING_REQUEST (next)), ==, 2);
  g_assert_cmpstr (icw_funding_request_get_lineage_id (ICW_FUNDING_REQUEST (next)), ==,
                   icw_record_get_id (ICW_RECORD (f->sample)));
  old_lines = icw_store_list (f->store, ICW_RECORD_KIND_BUDGET_LINE, icw_record_get_id (ICW_RECORD (f->sample)));
  new_lines = icw_store_list (f->store, ICW_RECORD_KIND_BUDGET_LINE, icw_record_get_id (next));
  g_assert_cmpuint (g_list_model_get_n_items (new_lines), ==, g_list_model_get_n_items (old_lines));
  g_assert_cmpuint (g_list_model_get_n_items (new_lines), ==, 15);
  {
    g_autoptr(IcwBudgetLine) copy = line_of (f, ICW_FUNDING_REQUEST (next), "materials");

    g_assert_cmpstr (icw_budget_line_get_cells (copy), ==, cells);
    g_assert_true (copy != line);
    /* The new version is a draft: its lines can change, the old ones cannot. */
    icw_budget_line_set_justification (copy, "补充了询价单");
    icw_test_save (f->store, copy);
  }
}

/* An independent sum in 128 bits, over the cells as the test set them. */
static __int128
reference_sum (gint64 *cells,
               guint   n_rows,
               guint   n_years,
               guint   n_sources,
               gboolean (*pick) (guint r, guint y, guint s, gpointer data),
               gpointer data)
{
  __int128 sum = 0;

  for (guint r = 0; r < n_rows; r++)
    for (guint y = 0; y < n_years; y++)
      for (guint s = 0; s < n_sources; s++)
        if (pick (r, y, s, data))
          sum += cells[(r * n_years + y) * n_sources + s];
  return sum;
}

typedef struct { IcwCategorySet *set; int row, year, source, group; } Pick;

static gboolean
pick_cell (guint r, guint y, guint s, gpointer data)
{
  Pick *p = data;
  const IcwBudgetCategory *c = icw_category_set_get_category (p->set, r);

  if (c->n_children > 0)
    return FALSE;
  if (p->row >= 0 && (int) r != p->row && c->parent != p->row)
    return FALSE;
  return (p->year < 0 || (int) y == p->year) && (p->source < 0 || (int) s == p->source) &&
         (p->group < 0 || (int) c->group == p->group);
}

static void
test_random_totals (void)
{
  const char *sets[] = { ICW_CATEGORY_SET_STANDARD, ICW_CATEGORY_SET_MERGED_2021 };

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(IcwCategorySet) set = icw_category_set_lookup (sets[round % 2], 1, NULL);
      IcwFundingSource sources[ICW_N_FUNDING_SOURCES];
      guint n_sources = (guint) g_test_rand_int_range (1, ICW_N_FUNDING_SOURCES + 1);
      int n_years = g_test_rand_int_range (1, ICW_FUNDING_MAX_PERIOD + 1);
      g_autoptr(IcwBudgetTable) table = NULL;
      g_autofree gint64 *cells = NULL;
      guint n_rows = icw_category_set_get_n_categories (set);
      /* Small amounts mostly; now and then huge ones, so that some totals overflow. */
      gboolean huge = round % 5 == 4;

      for (guint s = 0; s < n_sources; s++)
        sources[s] = (IcwFundingSource) s;
      table = icw_budget_table_new (set, 2026, n_years, sources, n_sources);
      cells = g_new0 (gint64, n_rows * n_years * n_sources);
      for (guint r = 0; r < n_rows; r++)
        for (guint y = 0; y < (guint) n_years; y++)
          for (guint s = 0; s < n_sources; s++)
            {
              gint64 v;

              if (!icw_budget_category_is_leaf (icw_category_set_get_category (set, r)) || g_test_rand_bit ())
                continue;
              v = huge ? (gint64) g_test_rand_int_range (0, G_MAXINT32) << 31 | g_test_rand_int_range (0, G_MAXINT32)
                       : g_test_rand_int_range (0, 1000000000);
              cells[(r * n_years + y) * n_sources + s] = v;
              icw_budget_table_set (table, r, y, s, v);
            }

      for (guint k = 0; k < 20; k++)
        {
          Pick p = { set, -1, -1, -1, -1 };
          g_autoptr(GError) error = NULL;
          __int128 expected;
          gint64 total = -7;
          gboolean ok;

          if (g_test_rand_bit ()) p.row = g_test_rand_int_range (0, (int) n_rows);
          if (g_test_rand_bit ()) p.year = g_test_rand_int_range (0, n_years);
          if (g_test_rand_bit ()) p.source = g_test_rand_int_range (0, (int) n_sources);
          if (g_test_rand_bit ()) p.group = g_test_rand_int_range (0, ICW_N_BUDGET_GROUPS);
          expected = reference_sum (cells, n_rows, n_years, n_sources, pick_cell, &p);
          ok = icw_budget_table_sum (table, p.row, p.year, p.source, p.group, &total, &error);
          if (expected > G_MAXINT64)
            {
              g_assert_false (ok);
              g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
              g_assert_cmpint (total, ==, -7);
            }
          else
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpint (total, ==, (gint64) expected);
            }
        }
    }
}

static void
test_overflow (void)
{
  g_autoptr(IcwCategorySet) set = icw_category_set_lookup (ICW_CATEGORY_SET_STANDARD, 1, NULL);
  const IcwFundingSource sources[] = { ICW_FUNDING_SOURCE_CENTRAL_FISCAL, ICW_FUNDING_SOURCE_BANK_LOAN };
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new (set, 2026, 1, sources, 2);
  g_autoptr(GError) error = NULL;
  int materials = icw_category_set_find (set, "materials");
  gint64 total = 0, sum;

  icw_budget_table_set (table, (guint) materials, 0, 0, G_MAXINT64);
  g_assert_true (icw_budget_table_grand_total (table, &total, NULL));
  g_assert_cmpint (total, ==, G_MAXINT64);
  icw_budget_table_set (table, (guint) materials, 0, 1, 1);
  g_assert_false (icw_budget_table_grand_total (table, &total, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_cmpint (total, ==, G_MAXINT64);
  g_clear_error (&error);
  /* The fiscal part alone still fits. */
  g_assert_true (icw_budget_table_fiscal_total (table, TRUE, &total, NULL));
  g_assert_cmpint (total, ==, G_MAXINT64);
  g_assert_true (icw_fen_add (G_MAXINT64 - 1, 1, &sum));
  g_assert_false (icw_fen_add (G_MAXINT64, 1, &sum));
  g_assert_false (icw_fen_add (G_MININT64, -1, &sum));
}

static void
test_category_sets_bundled (void)
{
  g_auto(GStrv) ids = icw_category_set_list_ids ();
  g_autoptr(IcwCategorySet) standard = icw_category_set_lookup (ICW_CATEGORY_SET_STANDARD, 1, NULL);
  g_autoptr(IcwCategorySet) merged = icw_category_set_lookup (ICW_CATEGORY_SET_MERGED_2021, 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCategorySet) missing = icw_category_set_lookup ("standard", 9, &error);
  const IcwBudgetCategory *equipment, *purchase, *management;

  g_assert_true (g_strv_contains ((const char * const *) ids, "standard"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "merged-2021"));
  g_assert_null (missing);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);

  g_assert_cmpuint (icw_category_set_get_n_categories (standard), ==, 16);
  equipment = icw_category_set_get_category (standard, (guint) icw_category_set_find (standard, "equipment"));
  purchase = icw_category_set_get_category (standard, (guint) icw_category_set_find (standard, "equipment-purchase"));
  management = icw_category_set_get_category (standard, (guint) icw_category_set_find (standard, "management"));
  g_assert_cmpuint (equipment->n_children, ==, 3);
  g_assert_false (icw_budget_category_is_leaf (equipment));
  g_assert_cmpint (purchase->parent, ==, icw_category_set_find (standard, "equipment"));
  g_assert_cmpstr (purchase->label_zh, ==, "购置、试制设备费");
  g_assert_cmpint (management->group, ==, ICW_BUDGET_GROUP_INDIRECT);
  g_assert_cmpint (icw_category_set_find (standard, "travel"), >=, 0);

  g_assert_cmpint (icw_category_set_find (merged, "travel"), ==, -1);
  g_assert_cmpint (icw_category_set_find (merged, "meetings"), ==, -1);
  g_assert_cmpint (icw_category_set_find (merged, "international"), ==, -1);
  g_assert_cmpint (icw_category_set_find (merged, "business"), >=, 0);
  /* The earlier sets are kept for the requests that name them; their notes say what is wrong. */
  g_assert_nonnull (strstr (icw_category_set_get_note (merged), "2016"));
  g_assert_nonnull (strstr (icw_category_set_get_note (standard), "设备改造与租赁费"));
}

/* The corrected sets, dated, each with its source (policy-audit.md 1.3). */
static void
test_category_sets_corrected (void)
{
  g_autoptr(IcwCategorySet) separate = icw_category_set_lookup ("research-separate", 1, NULL);
  g_autoptr(IcwCategorySet) reform2016 = icw_category_set_lookup ("research-2016", 1, NULL);
  g_autoptr(IcwCategorySet) reform2021 = icw_category_set_lookup ("research-2021", 1, NULL);
  g_autoptr(IcwCategorySet) construction = icw_category_set_lookup ("construction", 1, NULL);
  g_autoptr(IcwFundingRequest) fresh = icw_funding_request_new ();
  const IcwBudgetCategory *equipment;
  guint direct_leaves = 0;

  g_assert_nonnull (separate);
  g_assert_nonnull (reform2016);
  g_assert_nonnull (reform2021);
  g_assert_nonnull (construction);
  /* The template's equipment lines. */
  equipment = icw_category_set_get_category (separate, (guint) icw_category_set_find (separate, "equipment"));
  g_assert_cmpuint (equipment->n_children, ==, 3);
  g_assert_cmpstr (icw_category_set_get_category (separate, (guint) icw_category_set_find (separate, "equipment-purchase"))->label_zh,
                   ==, "设备购置费");
  g_assert_cmpstr (icw_category_set_get_category (separate, (guint) icw_category_set_find (separate, "equipment-trial"))->label_zh,
                   ==, "设备试制费");
  g_assert_cmpstr (icw_category_set_get_category (separate, (guint) icw_category_set_find (separate, "equipment-upgrade-lease"))->label_zh,
                   ==, "设备改造与租赁费");
  g_assert_cmpint (icw_category_set_find (separate, "travel"), >=, 0);
  g_assert_nonnull (strstr (icw_category_set_get_note (separate), "http://fsou.com/"));
  /* 2016: one line for meetings, travel and international cooperation. */
  g_assert_cmpint (icw_category_set_find (reform2016, "travel"), ==, -1);
  g_assert_cmpstr (icw_category_set_get_category (reform2016, (guint) icw_category_set_find (reform2016, "meetings-travel-international"))->label_zh,
                   ==, "会议/差旅/国际合作与交流费");
  g_assert_nonnull (strstr (icw_category_set_get_note (reform2016), "中办发〔2016〕50号"));
  /* 2021: direct costs in three lines, equipment, business, labour. */
  for (guint i = 0; i < icw_category_set_get_n_categories (reform2021); i++)
    {
      const IcwBudgetCategory *c = icw_category_set_get_category (reform2021, i);

      if (c->group == ICW_BUDGET_GROUP_DIRECT && c->parent < 0)
        direct_leaves++;
    }
  g_assert_cmpuint (direct_leaves, ==, 3);
  g_assert_cmpint (icw_category_set_find (reform2021, "business"), >=, 0);
  g_assert_cmpint (icw_category_set_find (reform2021, "materials"), ==, -1);
  g_assert_nonnull (strstr (icw_category_set_get_note (reform2021), "国办发〔2021〕32号"));
  /* A construction plan: building and site, pilot production. */
  g_assert_cmpint (icw_category_set_find (construction, "construction-site"), >=, 0);
  g_assert_cmpint (icw_category_set_find (construction, "pilot"), >=, 0);
  g_assert_nonnull (strstr (icw_category_set_get_note (construction), "http://dlnp.com.cn/"));
  /* A new request starts on the template's set. */
  g_assert_cmpstr (icw_funding_request_get_category_set (fresh), ==, "research-separate");
}

static void
test_category_sets_malformed (void)
{
  const struct { const char *json; const char *part; } cases[] = {
    { "[]", "not a JSON object" },
    { "{\"id\": \"x\", \"version\": 0, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": []}", "version" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\"}, \"categories\": []}", "title" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": []}", "categories" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": ["
      "{\"key\": \"a\", \"group\": \"direct\", \"label\": {\"en\": \"A\", \"zh_CN\": \"甲\"}},"
      "{\"key\": \"a\", \"group\": \"direct\", \"label\": {\"en\": \"A\", \"zh_CN\": \"甲\"}}]}", "used twice" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": ["
      "{\"key\": \"b\", \"parent\": \"a\", \"group\": \"direct\", \"label\": {\"en\": \"B\", \"zh_CN\": \"乙\"}}]}", "must come before" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": ["
      "{\"key\": \"a\", \"group\": \"direct\", \"label\": {\"en\": \"A\", \"zh_CN\": \"甲\"}},"
      "{\"key\": \"b\", \"parent\": \"a\", \"group\": \"indirect\", \"label\": {\"en\": \"B\", \"zh_CN\": \"乙\"}}]}", "group of its parent" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": ["
      "{\"key\": \"a\", \"group\": \"other\", \"label\": {\"en\": \"A\", \"zh_CN\": \"甲\"}}]}", "group" },
    { "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"categories\": ["
      "{\"key\": \"A B\", \"group\": \"direct\", \"label\": {\"en\": \"A\", \"zh_CN\": \"甲\"}}]}", "key" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwCategorySet) set = icw_category_set_new_from_data ("bad.json", cases[i].json, -1, &error);

      g_assert_null (set);
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
      icw_test_assert_message_contains (error, "bad.json", cases[i].json);
      icw_test_assert_message_contains (error, cases[i].part, cases[i].json);
    }
}

static void
test_milestones_format (void)
{
  g_autoptr(GPtrArray) list = icw_milestones_parse ("[{\"date\": \"2028-02-29\", \"amount_fen\": \"9223372036854775807\", \"condition\": \"验收\"}]", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((IcwMilestone *) list->pdata[0])->amount_fen, ==, G_MAXINT64);
  text = icw_milestones_to_json (list);
  again = icw_milestones_parse (text, NULL);
  g_assert_cmpstr (((IcwMilestone *) again->pdata[0])->condition, ==, "验收");
  g_assert_cmpint (((IcwMilestone *) again->pdata[0])->amount_fen, ==, G_MAXINT64);
  g_assert_false (icw_date_is_valid ("2027-02-29"));
  g_assert_true (icw_date_is_valid ("2028-02-29"));
  g_assert_false (icw_date_is_valid ("2028-2-29"));
}

static void
test_rule_basics (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IcwFundingRequest) empty = new_request (f, NULL, 0);
  g_autoptr(GPtrArray) findings = NULL;

  icw_funding_request_set_title (empty, "  ");
  icw_test_save (f->store, empty);
  findings = check (f, empty);
  g_assert_cmpuint (count_findings (findings, "basics", "title"), ==, 1);
  g_assert_cmpuint (count_findings (findings, "basics", "sources"), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (f, f->sample);
  g_assert_cmpuint (count_findings (findings, "basics", NULL), ==, 0);
}

static void
test_rule_matching (Fixture       *f,
                    gconstpointer  data)
{
  const IcwFundingSource sources[] = { ICW_FUNDING_SOURCE_CENTRAL_FISCAL, ICW_FUNDING_SOURCE_OWN_REVENUE };
  g_autoptr(IcwFundingRequest) r = new_request (f, sources, 2);
  g_autoptr(GPtrArray) before = NULL, after = NULL;

  save_cell (f, r, "materials", 2026, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, 100 * WAN);
  save_cell (f, r, "materials", 2026, ICW_FUNDING_SOURCE_OWN_REVENUE, 100 * WAN - 1);
  before = check (f, r);
  g_assert_cmpuint (count_findings (before, "matching-ratio", "budget/sources"), ==, 1);
  save_cell (f, r, "materials", 2026, ICW_FUNDING_SOURCE_OWN_REVENUE, 100 * WAN);
  after = check (f, r);
  g_assert_cmpuint (count_findings (after, "matching-ratio", NULL), ==, 0);
}

/* 国办发〔2021〕32号 governs central fiscal research funds: the cap applies to the central column
 * only, and not at all to a budget without central funds. */
static void
fill_over_cap (Fixture           *f,
               IcwFundingRequest *r,
               IcwFundingSource   source,
               gint64             performance)
{
  /* Direct costs 2,000 万元 plus 1,000 万元 of equipment purchase (excluded from the base):
   * cap = 500 × 30% + 500 × 25% + 1,000 × 20% = 475 万元. */
  save_cell (f, r, "materials", 2026, source, 2000 * WAN);
  save_cell (f, r, "equipment-purchase", 2026, source, 1000 * WAN);
  save_cell (f, r, "management", 2026, source, 400 * WAN);
  save_cell (f, r, "performance", 2026, source, performance);
}

static void
test_rule_indirect_cap (Fixture       *f,
                        gconstpointer  data)
{
  const IcwFundingSource sources[] = { ICW_FUNDING_SOURCE_CENTRAL_FISCAL, ICW_FUNDING_SOURCE_BANK_LOAN };
  g_autoptr(IcwFundingRequest) r = new_request (f, sources, 2);
  g_autoptr(GPtrArray) at_cap = NULL, over = NULL, other_column = NULL;

  fill_over_cap (f, r, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, 75 * WAN);
  at_cap = check (f, r);
  g_assert_cmpuint (count_findings (at_cap, "indirect-cap", NULL), ==, 0);
  save_cell (f, r, "performance", 2026, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, 75 * WAN + 1);
  over = check (f, r);
  g_assert_cmpuint (count_findings (over, "indirect-cap", "budget/indirect"), ==, 1);

  /* Management paid by a bank loan is not central money: it does not count against the cap. */
  save_cell (f, r, "performance", 2026, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, 75 * WAN);
  save_cell (f, r, "management", 2026, ICW_FUNDING_SOURCE_BANK_LOAN, 900 * WAN);
  other_column = check (f, r);
  g_assert_cmpuint (count_findings (other_column, "indirect-cap", NULL), ==, 0);
}

static void
test_rule_indirect_cap_no_central (Fixture       *f,
                                   gconstpointer  data)
{
  const IcwFundingSource sources[] = { ICW_FUNDING_SOURCE_LOCAL_FISCAL, ICW_FUNDING_SOURCE_OWN_REVENUE };
  g_autoptr(IcwFundingRequest) r = new_request (f, sources, 2);
  g_autoptr(GPtrArray) findings = NULL;

  /* Far over the tiers, from local fiscal funds and the center's revenue: 32号 does not apply. */
  fill_over_cap (f, r, ICW_FUNDING_SOURCE_OWN_REVENUE, 900 * WAN);
  fill_over_cap (f, r, ICW_FUNDING_SOURCE_LOCAL_FISCAL, 900 * WAN);
  findings = check (f, r);
  g_assert_cmpuint (count_findings (findings, "indirect-cap", NULL), ==, 0);
}

static void
test_rule_justification (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IcwBudgetLine) line = line_of (f, f->sample, "testing");
  g_autoptr(GPtrArray) findings = NULL, zero = NULL;

  icw_budget_line_set_justification (line, " ");
  icw_test_save (f->store, line);
  findings = check (f, f->sample);
  g_assert_cmpuint (count_findings (findings, "justification", "budget/testing/justification"), ==, 1);
  g_assert_cmpuint (count_findings (findings, "justification", NULL), ==, 1);
  /* A line at 0 needs none: the sample's equipment trial manufacture has none. */
  g_assert_null (icw_budget_line_get_justification (line_of (f, f->sample, "equipment-trial")));
  save_justification (f, f->sample, "testing", "检测机构报价");
  zero = check (f, f->sample);
  g_assert_cmpuint (count_findings (zero, "justification", NULL), ==, 0);
}

static void
test_rule_categories_present (Fixture       *f,
                              gconstpointer  data)
{
  const IcwFundingSource sources[] = { ICW_FUNDING_SOURCE_OWN_REVENUE };
  g_autoptr(IcwFundingRequest) r = new_request (f, sources, 1);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(IcwBudgetTable) table = NULL;

  save_cell (f, r, "materials", 2026, ICW_FUNDING_SOURCE_OWN_REVENUE, 10 * WAN);
  findings = check (f, r);
  /* 15 leaves, one with a line. */
  g_assert_cmpuint (count_findings (findings, "categories-present", NULL), ==, 14);
  g_assert_cmpuint (count_findings (findings, "categories-present", "budget/labour"), ==, 1);
  g_assert_cmpuint (count_findings (findings, "categories-present", "budget/materials"), ==, 0);
  g_assert_cmpint (icw_finding_get_severity (findings->pdata[findings->len - 1]), ==, ICW_SEVERITY_WARNING);
  /* Unused lines count as 0 in every total. */
  table = icw_budget_table_new_for_request (f->store, r, NULL);
  {
    gint64 total;

    g_assert_true (icw_budget_table_grand_total (table, &total, NULL));
    g_assert_cmpint (total, ==, 10 * WAN);
  }
}

static void
test_rule_milestones (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) list = icw_milestones_parse (icw_funding_request_get_milestones (f->sample), NULL);
  g_autoptr(GPtrArray) off = NULL, none = NULL, no_condition = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (list->len, ==, 3);
  ((IcwMilestone *) list->pdata[1])->amount_fen += 1;
  text = icw_milestones_to_json (list);
  icw_funding_request_set_milestones (f->sample, text);
  icw_test_save (f->store, f->sample);
  off = check (f, f->sample);
  g_assert_cmpuint (count_findings (off, "milestones-total", "milestones"), ==, 1);

  icw_funding_request_set_milestones (f->sample, NULL);
  icw_test_save (f->store, f->sample);
  none = check (f, f->sample);
  g_assert_cmpuint (count_findings (none, "milestones-total", "milestones/new"), ==, 1);

  ((IcwMilestone *) list->pdata[1])->amount_fen -= 1;
  g_clear_pointer (&((IcwMilestone *) list->pdata[2])->condition, g_free);
  g_clear_pointer (&text, g_free);
  text = icw_milestones_to_json (list);
  icw_funding_request_set_milestones (f->sample, text);
  icw_test_save (f->store, f->sample);
  no_condition = check (f, f->sample);
  g_assert_cmpuint (count_findings (no_condition, "milestones-total", NULL), ==, 0);
  g_assert_cmpuint (count_findings (no_condition, "milestone-conditions", "milestones/3/condition"), ==, 1);
}

static void
test_rule_application_budget (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) differs = NULL, unlinked = NULL, grouped = NULL;

  icw_application_set_section_budget (f->application, "项目总投资二亿三千万元（23000.00万元）。");
  icw_test_save (f->store, f->application);
  differs = check (f, f->sample);
  g_assert_cmpuint (count_findings (differs, "application-budget", "application"), ==, 1);

  icw_application_set_section_budget (f->application, "项目总投资24000万元。");
  icw_test_save (f->store, f->application);
  grouped = check (f, f->sample);
  g_assert_cmpuint (count_findings (grouped, "application-budget", NULL), ==, 0);

  icw_application_set_section_budget (f->application, "未写总额。");
  icw_test_save (f->store, f->application);
  icw_funding_request_set_application_id (f->sample, NULL);
  icw_test_save (f->store, f->sample);
  unlinked = check (f, f->sample);
  g_assert_cmpuint (count_findings (unlinked, "application-budget", NULL), ==, 0);
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/funding/sample-passes", test_sample_passes);
  add ("/funding/records/round-trip", test_round_trip);
  add ("/funding/store/refusals", test_store_refusals);
  add ("/funding/store/lines", test_store_lines);
  add ("/funding/store/shape-change", test_shape_change);
  add ("/funding/lifecycle", test_lifecycle);
  g_test_add_func ("/funding/budget/random-totals", test_random_totals);
  g_test_add_func ("/funding/budget/overflow", test_overflow);
  g_test_add_func ("/funding/category-sets/bundled", test_category_sets_bundled);
  g_test_add_func ("/funding/category-sets/corrected", test_category_sets_corrected);
  g_test_add_func ("/funding/category-sets/malformed", test_category_sets_malformed);
  g_test_add_func ("/funding/milestones/format", test_milestones_format);
  add ("/funding/rules/basics", test_rule_basics);
  add ("/funding/rules/matching", test_rule_matching);
  add ("/funding/rules/indirect-cap", test_rule_indirect_cap);
  add ("/funding/rules/indirect-cap/no-central-funds", test_rule_indirect_cap_no_central);
  add ("/funding/rules/justification", test_rule_justification);
  add ("/funding/rules/categories-present", test_rule_categories_present);
  add ("/funding/rules/milestones", test_rule_milestones);
  add ("/funding/rules/application-budget", test_rule_application_budget);

  return g_test_run ();
}
