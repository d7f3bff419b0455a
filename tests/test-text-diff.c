/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text-diff.c: "what changed" without a display: texts compared by character in Chinese and
 * by word in Latin text, mixed text, empty versions, long texts; tables cell by cell (changed,
 * added and removed rows); and two versions of the sample application on a real store, returned,
 * reopened and edited, compared as the Compare Versions window compares them. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-application-lifecycle.h"
#include "icw-application-parts.h"
#include "icw-review-comments.h"
#include "icw-test-util.h"
#include "icw-version-diff.h"

/* The spans as "=same-deleted+inserted" marks, for compact expectations. */
static char *
render (GPtrArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      IcwDiffSpan *span = spans->pdata[i];

      g_string_append_c (out, span->kind == ICW_DIFF_EQUAL ? '=' : span->kind == ICW_DIFF_DELETED ? '-' : '+');
      g_string_append_printf (out, "[%s]", span->text);
    }
  return g_string_free (out, FALSE);
}

/* The text the spans spell on one side. */
static char *
side (GPtrArray   *spans,
      IcwDiffKind  kept)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      IcwDiffSpan *span = spans->pdata[i];

      if (span->kind == ICW_DIFF_EQUAL || span->kind == kept)
        g_string_append (out, span->text);
    }
  return g_string_free (out, FALSE);
}

static void
assert_spells (GPtrArray  *spans,
               const char *a,
               const char *b)
{
  g_autofree char *left = side (spans, ICW_DIFF_DELETED);
  g_autofree char *right = side (spans, ICW_DIFF_INSERTED);

  g_assert_cmpstr (left, ==, a != NULL ? a : "");
  g_assert_cmpstr (right, ==, b != NULL ? b : "");
}

static void
assert_diff (const char *a,
             const char *b,
             const char *expected)
{
  g_autoptr(GPtrArray) spans = icw_text_diff (a, b);
  g_autofree char *marks = render (spans);

  g_assert_cmpstr (marks, ==, expected);
  assert_spells (spans, a, b);
}

static void
test_chinese_by_character (void)
{
  guint deleted = 0, inserted = 0;
  g_autoptr(GPtrArray) spans = NULL;

  /* One character replaced: only that character, not the word or the sentence. */
  assert_diff ("建设高水平中试平台", "建设高质量中试平台", "=[建设高]-[水平]+[质量]=[中试平台]");
  assert_diff ("三年内建成", "三年内全面建成", "=[三年内]+[全面]=[建成]");
  assert_diff ("研发投入不低于", "研发不低于", "=[研发]-[投入]=[不低于]");
  /* An added sentence ends with its own full stop, not the one before it (the common end "。" set
   * aside first would otherwise leave "+[。另设准备金]=[。]"). */
  assert_diff ("多渠道筹措资金。", "按年度筹措资金。另设准备金。",
               "-[多渠道]+[按年度]=[筹措资金。]+[另设准备金。]");
  assert_diff ("甲多乙。二。三。", "甲少乙。三。", "=[甲]-[多]+[少]=[乙。]-[二。]=[三。]");
  /* Full-width punctuation is a token of its own. */
  assert_diff ("目标：一、二。", "目标：一、三。", "=[目标：一、]-[二]+[三]=[。]");
  spans = icw_text_diff ("建设高水平中试平台", "建设高质量中试平台");
  icw_text_diff_count (spans, &deleted, &inserted);
  g_assert_cmpuint (deleted, ==, 2);
  g_assert_cmpuint (inserted, ==, 2);
}

static void
test_latin_by_word (void)
{
  /* A changed word is shown whole: "pilot" → "piloting" is one word replaced, not "ing" added. */
  assert_diff ("Build a pilot line", "Build a piloting line", "=[Build a ]-[pilot]+[piloting]=[ line]");
  assert_diff ("three years", "three more years", "=[three ]+[more ]=[years]");
  assert_diff ("TRL 4 to 7.", "TRL 5 to 7.", "=[TRL ]-[4]+[5]=[ to 7.]");
  assert_diff ("same text", "same text", "=[same text]");
}

static void
test_mixed (void)
{
  g_autoptr(GPtrArray) tokens = icw_text_tokens ("新增TRL 6级验证line");

  /* Each Han character, a Latin word, a number and a space are separate tokens. */
  g_assert_cmpuint (tokens->len, ==, 9);
  g_assert_cmpstr (tokens->pdata[2], ==, "TRL");
  g_assert_cmpstr (tokens->pdata[4], ==, "6");
  g_assert_cmpstr (tokens->pdata[8], ==, "line");
  assert_diff ("完成SiC外延片验证", "完成GaN外延片验证", "=[完成]-[SiC]+[GaN]=[外延片验证]");
  assert_diff ("产能达到10万片", "产能达到12万片", "=[产能达到]-[10]+[12]=[万片]");
}

static void
test_empty (void)
{
  assert_diff (NULL, NULL, "");
  assert_diff ("", "", "");
  assert_diff (NULL, "新的内容", "+[新的内容]");
  assert_diff ("removed text", "", "-[removed text]");
  assert_diff ("a", "b", "-[a]+[b]");
}

/* A long text: a Chinese paragraph repeated, with a few edits, and two unrelated long texts (past
 * the search's limit: still a true difference). Times are printed, not asserted. */
static void
test_long (void)
{
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);
  GString *other = g_string_new (NULL);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) unrelated = NULL;
  gint64 start;
  guint deleted = 0, inserted = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_string_append_printf (a, "第%u段：围绕关键共性技术开展中试验证，推动成果转化。", i);
      g_string_append_printf (b, i % 100 == 7 ? "第%u段：围绕关键共性技术开展工程化验证，推动成果转化。"
                                              : "第%u段：围绕关键共性技术开展中试验证，推动成果转化。", i);
      g_string_append_printf (other, "Paragraph %u about something else entirely, in English words. ", i * 7 + 3);
    }
  start = g_get_monotonic_time ();
  spans = icw_text_diff (a->str, b->str);
  g_test_message ("%ld characters, 4 edits: %.1f ms", g_utf8_strlen (a->str, -1),
                  (double) (g_get_monotonic_time () - start) / 1000.0);
  assert_spells (spans, a->str, b->str);
  icw_text_diff_count (spans, &deleted, &inserted);
  g_assert_cmpuint (deleted, ==, 4 * 2);
  g_assert_cmpuint (inserted, ==, 4 * 3);

  start = g_get_monotonic_time ();
  unrelated = icw_text_diff (a->str, other->str);
  g_test_message ("unrelated texts of %ld and %ld characters: %.1f ms", g_utf8_strlen (a->str, -1),
                  g_utf8_strlen (other->str, -1), (double) (g_get_monotonic_time () - start) / 1000.0);
  assert_spells (unrelated, a->str, other->str);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
  g_string_free (other, TRUE);
}

/* Sequences of numbers, checked against the length of a longest common subsequence computed
 * the slow way: the diff keeps exactly that many elements (it is a shortest edit). */
static gboolean
ints_equal (guint    a_index,
            guint    b_index,
            gpointer user_data)
{
  const int **seqs = user_data;

  return seqs[0][a_index] == seqs[1][b_index];
}

static guint
lcs_length (const int *a,
            guint      n,
            const int *b,
            guint      m)
{
  g_autofree guint *table = g_new0 (guint, (n + 1) * (m + 1));

  for (guint i = 1; i <= n; i++)
    for (guint j = 1; j <= m; j++)
      table[i * (m + 1) + j] = a[i - 1] == b[j - 1] ? table[(i - 1) * (m + 1) + j - 1] + 1
                                : MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);
  return table[n * (m + 1) + m];
}

static void
test_shortest (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 300; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 0, 40), m = (guint) g_rand_int_range (rand, 0, 40);
      g_autofree int *a = g_new (int, n + 1);
      g_autofree int *b = g_new (int, m + 1);
      const int *seqs[2] = { a, b };
      g_autoptr(GArray) runs = NULL;
      guint kept = 0, a_at = 0, b_at = 0;

      for (guint i = 0; i < n; i++)
        a[i] = g_rand_int_range (rand, 0, 4);
      for (guint i = 0; i < m; i++)
        b[i] = g_rand_int_range (rand, 0, 4);
      runs = icw_diff_sequences (n, m, ints_equal, seqs);
      for (guint i = 0; i < runs->len; i++)
        {
          IcwDiffRun *run = &g_array_index (runs, IcwDiffRun, i);

          /* Runs are contiguous and cover both sequences in order. */
          if (run->kind != ICW_DIFF_INSERTED)
            g_assert_cmpuint (run->a_start, ==, a_at);
          if (run->kind != ICW_DIFF_DELETED)
            g_assert_cmpuint (run->b_start, ==, b_at);
          if (run->kind == ICW_DIFF_EQUAL)
            for (guint k = 0; k < run->length; k++)
              g_assert_cmpint (a[run->a_start + k], ==, b[run->b_start + k]);
          kept += run->kind == ICW_DIFF_EQUAL ? run->length : 0;
          a_at += run->kind != ICW_DIFF_INSERTED ? run->length : 0;
          b_at += run->kind != ICW_DIFF_DELETED ? run->length : 0;
        }
      g_assert_cmpuint (a_at, ==, n);
      g_assert_cmpuint (b_at, ==, m);
      g_assert_cmpuint (kept, ==, lcs_length (a, n, b, m));
    }
}

static IcwTable *
table_of (const char * const *rows[])
{
  const char *headers[] = { "Name", "Unit", "Target", NULL };
  IcwTable *table = icw_table_new (headers);

  for (guint i = 0; rows[i] != NULL; i++)
    icw_table_add_row (table, g_strdupv ((char **) rows[i]));
  return table;
}

static char *
cell_marks (IcwRowDiff *row,
            guint       column)
{
  return render (row->cells->pdata[column]);
}

static void
test_table (void)
{
  const char *r1[] = { "专利申请", "件", "120", NULL };
  const char *r2[] = { "标准制定", "项", "5", NULL };
  const char *r3[] = { "中试验证", "次", "30", NULL };
  const char *r2_changed[] = { "标准制定", "项", "8", NULL };
  const char *r4[] = { "成果转化", "项", "12", NULL };
  const char * const *before[] = { r1, r2, r3, NULL };
  const char * const *after[] = { r1, r2_changed, r4, NULL };
  const char * const *removed_only[] = { r1, r3, NULL };
  const char * const *none[] = { NULL };
  g_autoptr(IcwTable) a = table_of (before);
  g_autoptr(IcwTable) b = table_of (after);
  g_autoptr(IcwTable) c = table_of (removed_only);
  g_autoptr(IcwTable) empty = table_of (none);
  g_autoptr(IcwTableDiff) diff = icw_table_diff (a, b);
  g_autoptr(IcwTableDiff) removal = icw_table_diff (a, c);
  g_autoptr(IcwTableDiff) from_empty = icw_table_diff (empty, a);
  g_autoptr(IcwTableDiff) same = icw_table_diff (a, a);
  g_autofree char *target = NULL, *name = NULL, *added = NULL, *gone = NULL;
  IcwRowDiff *row;

  g_assert_cmpstr (diff->headers[2], ==, "Target");
  g_assert_cmpuint (diff->rows->len, ==, 3);
  g_assert_cmpint (((IcwRowDiff *) diff->rows->pdata[0])->change, ==, ICW_ROW_SAME);
  /* The changed row: only its target cell changed. */
  row = diff->rows->pdata[1];
  g_assert_cmpint (row->change, ==, ICW_ROW_CHANGED);
  g_assert_false (g_array_index (row->cell_changed, gboolean, 0));
  g_assert_true (g_array_index (row->cell_changed, gboolean, 2));
  target = cell_marks (row, 2);
  name = cell_marks (row, 0);
  g_assert_cmpstr (target, ==, "-[5]+[8]");
  g_assert_cmpstr (name, ==, "=[标准制定]");
  /* A row replaced by another reads as a changed row, cell by cell. */
  row = diff->rows->pdata[2];
  g_assert_cmpint (row->change, ==, ICW_ROW_CHANGED);
  g_assert_true (icw_table_diff_changed (diff));

  /* A removed row stays where it was, all its cells deleted. */
  g_assert_cmpuint (removal->rows->len, ==, 3);
  row = removal->rows->pdata[1];
  g_assert_cmpint (row->change, ==, ICW_ROW_REMOVED);
  gone = cell_marks (row, 0);
  g_assert_cmpstr (gone, ==, "-[标准制定]");
  g_assert_cmpint (((IcwRowDiff *) removal->rows->pdata[2])->change, ==, ICW_ROW_SAME);

  /* From an empty table every row is added. */
  g_assert_cmpuint (from_empty->rows->len, ==, 3);
  row = from_empty->rows->pdata[2];
  g_assert_cmpint (row->change, ==, ICW_ROW_ADDED);
  added = cell_marks (row, 2);
  g_assert_cmpstr (added, ==, "+[30]");
  g_assert_false (icw_table_diff_changed (same));
}

static const IcwSectionDiff *
find_section (GPtrArray  *diffs,
              IcwSection  section)
{
  for (guint i = 0; i < diffs->len; i++)
    if (((IcwSectionDiff *) diffs->pdata[i])->section == section)
      return diffs->pdata[i];
  g_assert_not_reached ();
}

/* The sample application returned with a comment on its risks, reopened, edited (a narrative
 * section, one indicator's unit, a task plan) and compared with the returned version. */
static void
test_versions (IcwTestSample *f,
               gconstpointer  data)
{
  g_autoptr(IcwApplication) returned = icw_test_submit_sample_application (f->store);
  g_autoptr(IcwApplication) current = NULL;
  g_autoptr(IcwApplication) answered = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListStore) versions = g_list_store_new (ICW_TYPE_APPLICATION);
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) indicators = NULL;
  g_autofree char *risks = NULL, *marks = NULL, *indicator_text = NULL, *unit = NULL;
  const IcwSectionDiff *diff;
  IcwRowDiff *row;
  guint changed_rows = 0;

  g_assert_true (icw_application_return (f->store, returned, "{\"format\":\"icw-review-comments\",\"version\":1,"
                                         "\"comments\":[{\"anchor_kind\":\"section\",\"anchor_key\":\"risks\","
                                         "\"text\":\"请补充风险应对措施\",\"author\":\"李华\","
                                         "\"at\":\"2026-12-07T03:00:00Z\",\"outcome\":\"returned\"}]}", &error));
  g_assert_no_error (error);
  current = icw_application_reopen (f->store, returned, &error);
  g_assert_no_error (error);
  risks = g_strconcat (icw_application_get_section_risks (current), "新增：设立风险准备金。", NULL);
  icw_application_set_section_risks (current, risks);
  indicators = icw_application_part_parse (ICW_SECTION_INDICATORS, icw_application_get_indicators (current), &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_array_get_object_element (json_node_get_array (indicators), 0), "unit", "台次/年");
  indicator_text = json_to_string (indicators, FALSE);
  icw_application_set_indicators (current, indicator_text);
  icw_test_save (f->store, ICW_RECORD (current));

  all = icw_store_list (f->store, ICW_RECORD_KIND_APPLICATION, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IcwApplication) version = g_list_model_get_item (all, i);

      g_list_store_append (versions, version);
    }
  /* A resubmission answers the returned version. */
  answered = icw_application_version_answered (G_LIST_MODEL (versions), current);
  g_assert_nonnull (answered);
  g_assert_cmpint (icw_application_get_version (answered), ==, 1);
  g_assert_cmpint (icw_application_get_status (answered), ==, ICW_APPLICATION_STATUS_RETURNED);

  diffs = icw_application_diff (f->store, answered, current);
  diff = find_section (diffs, ICW_SECTION_RISKS);
  g_assert_true (diff->changed);
  g_assert_nonnull (diff->spans);
  marks = render (diff->spans);
  g_assert_true (g_str_has_suffix (marks, "+[新增：设立风险准备金。]"));
  g_assert_false (find_section (diffs, ICW_SECTION_GOALS)->changed);

  diff = find_section (diffs, ICW_SECTION_INDICATORS);
  g_assert_true (diff->changed);
  g_assert_nonnull (diff->table);
  for (guint i = 0; i < diff->table->rows->len; i++)
    changed_rows += ((IcwRowDiff *) diff->table->rows->pdata[i])->change != ICW_ROW_SAME;
  g_assert_cmpuint (changed_rows, ==, 1);
  row = diff->table->rows->pdata[0];
  g_assert_cmpint (row->change, ==, ICW_ROW_CHANGED);
  /* Column 2 is the unit: the only changed cell. */
  for (guint c = 0; c < row->cell_changed->len; c++)
    g_assert_cmpint (g_array_index (row->cell_changed, gboolean, c), ==, c == 2);
  unit = render (row->cells->pdata[2]);
  /* The sample's 台次 became 台次/年: character by character, what was there kept. */
  g_assert_cmpstr (unit, ==, "=[台次]+[/年]");

  /* The tasks are a table too, unchanged here. */
  diff = find_section (diffs, ICW_SECTION_TASKS);
  g_assert_nonnull (diff->table);
  g_assert_cmpuint (diff->table->rows->len, ==, ICW_N_MAIN_TASKS);
  g_assert_false (diff->changed);
  g_assert_false (icw_table_diff_changed (diff->table));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-diff/chinese-by-character", test_chinese_by_character);
  g_test_add_func ("/text-diff/latin-by-word", test_latin_by_word);
  g_test_add_func ("/text-diff/mixed", test_mixed);
  g_test_add_func ("/text-diff/empty", test_empty);
  g_test_add_func ("/text-diff/long", test_long);
  g_test_add_func ("/text-diff/shortest", test_shortest);
  g_test_add_func ("/text-diff/table", test_table);
  g_test_add ("/text-diff/versions", IcwTestSample, NULL, icw_test_sample_set_up, test_versions,
              icw_test_sample_tear_down);
  return g_test_run ();
}
