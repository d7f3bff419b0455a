/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review-comments.c: reviewers' comments anchored to what they are about
 * (icw-review-comments.c): plain text of earlier versions reads as one comment on the whole
 * document; a comment list goes round trip; every malformed list is refused naming the comment and
 * its member, whoever saves it (the field check, the store); the anchors a kind allows; the text
 * people read; and in the life cycle on a real store: a return replaces the version's comments and
 * needs one that says something, a reopened version starts without comments while the returned
 * one keeps them, an acceptance without a comment leaves none of the return's. */
#include "config.h"

#include <string.h>

#include "icw-application-lifecycle.h"
#include "icw-application.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-field-checks.h"
#include "icw-i18n.h"
#include "icw-review-comments.h"
#include "icw-rule-pack.h"
#include "icw-sample.h"
#include "icw-store.h"
#include "icw-test-util.h"

#define APP ICW_RECORD_KIND_APPLICATION

static GPtrArray *
three_comments (void)
{
  GPtrArray *comments = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);

  g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, "请按新版提纲重排。",
                                                     "李华", "2026-12-07T03:00:00Z", "returned"));
  g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_SECTION, "risks", "Name the market risks.\nAnd the controls.",
                                                     "李华", "2026-12-07T03:00:00Z", "returned"));
  g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_FIELD, "call_deadline", "截止日期有误",
                                                     NULL, NULL, "returned"));
  return comments;
}

static void
test_plain_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = icw_review_comments_parse (APP, "风险与控制：请补充。\n{总体} 2026", &error);
  g_autoptr(GPtrArray) none = icw_review_comments_parse (APP, NULL, &error);
  g_autoptr(GPtrArray) number = icw_review_comments_parse (APP, "2026", &error);
  IcwReviewComment *comment;

  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = comments->pdata[0];
  g_assert_cmpint (comment->anchor_kind, ==, ICW_ANCHOR_DOCUMENT);
  g_assert_null (comment->anchor_key);
  g_assert_cmpstr (comment->text, ==, "风险与控制：请补充。\n{总体} 2026");
  g_assert_null (comment->author);
  g_assert_null (comment->at);
  g_assert_null (comment->outcome);
  g_assert_cmpuint (none->len, ==, 0);
  /* JSON that is not an object is still plain text. */
  g_assert_cmpuint (number->len, ==, 1);
  g_assert_cmpstr (((IcwReviewComment *) number->pdata[0])->text, ==, "2026");
  g_assert_true (icw_field_check_application_comments ("请补充。", &error));
  g_assert_true (icw_field_check_application_comments (NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = three_comments ();
  g_autofree char *text = icw_review_comments_to_text (comments);
  g_autoptr(GPtrArray) back = icw_review_comments_parse (APP, text, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"format\":\"icw-review-comments\""));
  g_assert_cmpuint (back->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      IcwReviewComment *a = comments->pdata[i], *b = back->pdata[i];

      g_assert_cmpint (a->anchor_kind, ==, b->anchor_kind);
      g_assert_cmpstr (a->anchor_key, ==, b->anchor_key);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpstr (a->author, ==, b->author);
      g_assert_cmpstr (a->at, ==, b->at);
      g_assert_cmpstr (a->outcome, ==, b->outcome);
    }
  again = icw_review_comments_to_text (back);
  g_assert_cmpstr (again, ==, text);
  g_assert_true (icw_field_check_application_comments (text, &error));
  g_assert_no_error (error);
  /* No comments, no text. */
  g_ptr_array_set_size (comments, 0);
  g_assert_null (icw_review_comments_to_text (comments));
}

#define LIST(items) "{\"format\":\"icw-review-comments\",\"version\":1,\"comments\":[" items "]}"
#define ITEM(anchor, key, text, outcome) \
  "{\"anchor_kind\":" anchor ",\"anchor_key\":" key ",\"text\":" text ",\"author\":\"李华\"," \
  "\"at\":\"2026-12-07T03:00:00Z\",\"outcome\":" outcome "}"
#define GOOD ITEM ("\"document\"", "null", "\"好\"", "\"returned\"")

static void
test_refusals (void)
{
  static const struct { const char *text; const char *expect[2]; } cases[] = {
    { LIST (GOOD "," ITEM ("\"chapter\"", "null", "\"x\"", "null")), { "comment 2", "anchor_kind" } },
    { LIST (ITEM ("\"section\"", "\"risk\"", "\"x\"", "null")), { "anchor_key", "“risk” is not a section" } },
    /* A section of another kind of document. */
    { LIST (ITEM ("\"section\"", "\"parties\"", "\"x\"", "null")), { "anchor_key", "parties" } },
    { LIST (ITEM ("\"section\"", "null", "\"x\"", "null")), { "comment 1", "anchor_key" } },
    { LIST (ITEM ("\"field\"", "\"section-risks\"", "\"x\"", "null")), { "anchor_key", "section-risks" } },
    { LIST (ITEM ("\"document\"", "\"risks\"", "\"x\"", "null")), { "anchor_key", "whole document" } },
    /* The review's own columns are not what a comment is about. */
    { LIST (ITEM ("\"field\"", "\"reviewer_comments\"", "\"x\"", "null")), { "anchor_key", "reviewer_comments" } },
    { LIST (ITEM ("\"document\"", "null", "\"  \"", "\"returned\"")), { "text", "only an acceptance" } },
    { LIST (ITEM ("\"document\"", "null", "null", "null")), { "text", "missing" } },
    { LIST (ITEM ("\"document\"", "null", "\"a\\u0007b\"", "null")), { "text", "control" } },
    { LIST (ITEM ("\"document\"", "null", "\"x\"", "\"draft\"")), { "outcome", "returned, accepted" } },
    { LIST (ITEM ("\"document\"", "null", "7", "null")), { "comment 1", "text" } },
    { LIST ("{\"anchor_kind\":\"document\",\"text\":\"x\",\"at\":\"yesterday\"}"), { "“at”", "UTC" } },
    { LIST ("{\"anchor_kind\":\"document\",\"text\":\"x\",\"author\":\"a\\nb\"}"), { "“author”", "one line" } },
    { LIST ("{\"anchor_kind\":\"document\",\"text\":\"x\",\"mood\":\"bad\"}"), { "“mood”", "no such member" } },
    { LIST ("\"x\""), { "comment 1", "not an object" } },
    { "{\"format\":\"notes\",\"version\":1,\"comments\":[]}", { "format", "icw-review-comments" } },
    { "{\"format\":\"icw-review-comments\",\"version\":2,\"comments\":[]}", { "version", "1" } },
    { "{\"format\":\"icw-review-comments\",\"version\":1,\"comments\":{}}", { "comments", "list" } },
    { "{\"format\":\"icw-review-comments\",\"version\":1,\"comments\":[],\"x\":1}", { "“x”", "comment list" } },
    { "{\"text\":\"a plain-looking object\"}", { "“text”", "comment list" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) parsed = icw_review_comments_parse (APP, cases[i].text, &error);
      g_autoptr(GPtrArray) read = icw_review_comments_read (APP, cases[i].text);

      if (parsed != NULL)
        g_error ("accepted: %s", cases[i].text);
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
      for (guint e = 0; e < G_N_ELEMENTS (cases[i].expect); e++)
        if (strstr (error->message, cases[i].expect[e]) == NULL)
          g_error ("%s: the message “%s” does not say “%s”", cases[i].text, error->message, cases[i].expect[e]);
      /* Shown as it is stored, never lost. */
      g_assert_cmpuint (read->len, ==, 1);
      g_assert_cmpstr (((IcwReviewComment *) read->pdata[0])->text, ==, cases[i].text);
      g_clear_error (&error);
      g_assert_false (icw_field_check_application_comments (cases[i].text, &error));
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
    }
}

static void
test_anchors_by_kind (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_review_anchor_check (ICW_RECORD_KIND_IP_AGREEMENT, ICW_ANCHOR_SECTION, "parties", &error));
  g_assert_true (icw_review_anchor_check (ICW_RECORD_KIND_FUNDING_REQUEST, ICW_ANCHOR_SECTION, "budget", &error));
  g_assert_true (icw_review_anchor_check (ICW_RECORD_KIND_FUNDING_REQUEST, ICW_ANCHOR_FIELD, "tax_deduction_fen", &error));
  g_assert_true (icw_review_anchor_check (APP, ICW_ANCHOR_SECTION, "capability-platforms", &error));
  g_assert_no_error (error);
  g_assert_false (icw_review_anchor_check (ICW_RECORD_KIND_FUNDING_REQUEST, ICW_ANCHOR_SECTION, "risks", &error));
  g_assert_nonnull (strstr (error->message, "request, budget, justification, milestones"));
  g_clear_error (&error);
  g_assert_false (icw_review_anchor_check (ICW_RECORD_KIND_IP_AGREEMENT, ICW_ANCHOR_FIELD, "call_deadline", &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (icw_field_check_agreement_comments (LIST (ITEM ("\"section\"", "\"risks\"", "\"x\"", "null")), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (icw_field_check_funding_comments (LIST (ITEM ("\"section\"", "\"budget\"", "\"x\"", "null")), &error));
  g_assert_no_error (error);
}

static void
test_describe (void)
{
  g_autoptr(GPtrArray) comments = three_comments ();
  g_autofree char *text = icw_review_comments_describe (APP, comments);
  g_autofree char *risks = icw_review_comments_for_section (APP, comments, "risks");
  g_autofree char *call = icw_review_comments_for_section (APP, comments, "call");
  g_autofree char *goals = icw_review_comments_for_section (APP, comments, "goals");
  g_autoptr(GPtrArray) plain = icw_review_comments_read (APP, "请补充。");
  g_autofree char *plain_text = icw_review_comments_describe (APP, plain);

  g_assert_cmpstr (text, ==,
                   "Whole document (李华, 2026-12-07 03:00 UTC): 请按新版提纲重排。\n"
                   "Risks and controls (李华, 2026-12-07 03:00 UTC): Name the market risks.\nAnd the controls.\n"
                   "Deadline: 截止日期有误");
  g_assert_cmpstr (risks, ==, "Name the market risks.\nAnd the controls.");
  /* A field is beside the section it is on. */
  g_assert_cmpstr (call, ==, "截止日期有误");
  g_assert_null (goals);
  g_assert_cmpstr (plain_text, ==, "请补充。");
}

/* In Chinese (the build tree's catalogue), what a comment is about is said in Chinese: the anchor
 * is a key, never a title matched in one language. */
static void
test_describe_chinese (void)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("ICW_BUILD_ROOT") != NULL ? g_getenv ("ICW_BUILD_ROOT") : ".", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the build tree has no Chinese catalogue");
      return;
    }
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) comments = three_comments ();
      g_autofree char *text = NULL;

      g_setenv ("ICW_LOCALEDIR", localedir, TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      icw_i18n_init ();
      text = icw_review_comments_describe (APP, comments);
      g_print ("%s\n", text);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*整份文档（李华, 2026-12-07 03:00 UTC）：请按新版提纲重排。*");
  g_test_trap_assert_stdout ("*风险与控制（李华, 2026-12-07 03:00 UTC）：Name the market risks.*");
  g_test_trap_assert_stdout ("*截止日期：截止日期有误*");
}

/* The life cycle on a real store: the sample's application, checked, submitted, returned. */
typedef struct {
  char           *dir;
  char           *path;
  IcwStore       *store;
  IcwApplication *application;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(IcwCenter) center = NULL;

  f->dir = icw_test_make_tmp_dir ("test-review-comments-XXXXXX", &f->path);
  f->store = icw_test_open_store (f->path);
  center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  applications = icw_store_list (f->store, APP, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (applications), ==, 2);
  f->application = icw_test_sample_application (f->store);
  packs = icw_rule_packs_load_all (NULL);
  iso = g_strconcat (icw_application_get_call_deadline (f->application), "T12:00:00Z", NULL);
  deadline = g_date_time_new_from_iso8601 (iso, NULL);
  today = g_date_time_add_days (deadline, -12);
  g_assert_true (icw_application_mark_ready (f->store, f->application, packs, today, &error));
  g_assert_true (icw_application_submit (f->store, f->application, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->application);
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static void
test_store_refuses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *bad = LIST (ITEM ("\"section\"", "\"risk\"", "\"x\"", "\"returned\""));

  g_assert_false (icw_application_return (f->store, f->application, bad, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reviewer_comments"));
  g_assert_nonnull (strstr (error->message, "“risk”"));
  /* Nothing changed. */
  g_assert_cmpint (icw_application_get_status (f->application), ==, ICW_APPLICATION_STATUS_SUBMITTED);
  g_assert_null (icw_application_get_reviewer_comments (f->application));
}

static void
test_versions_keep_their_comments (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = three_comments ();
  g_autofree char *text = icw_review_comments_to_text (comments);
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  g_autofree char *accepted = NULL;
  g_autoptr(IcwApplication) second = NULL;
  g_autoptr(IcwApplication) third = NULL;
  g_autoptr(GPtrArray) packs = icw_rule_packs_load_all (NULL);
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *iso = NULL;

  /* A return needs a comment that says something. */
  g_ptr_array_add (empty, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, " ", "李华", NULL, "accepted"));
  accepted = icw_review_comments_to_text (empty);
  g_assert_false (icw_application_return (f->store, f->application, accepted, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (icw_application_return (f->store, f->application, text, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (icw_application_get_reviewer_comments (f->application), ==, text);

  second = icw_application_reopen (f->store, f->application, &error);
  g_assert_no_error (error);
  g_assert_null (icw_application_get_reviewer_comments (second));
  g_assert_cmpstr (icw_application_get_reviewer_comments (f->application), ==, text);

  /* Version 2, submitted carrying version 1's text as an older workbench copied it, is accepted
   * without a comment: it shows none of the return's. */
  iso = g_strconcat (icw_application_get_call_deadline (second), "T12:00:00Z", NULL);
  deadline = g_date_time_new_from_iso8601 (iso, NULL);
  today = g_date_time_add_days (deadline, -12);
  icw_application_set_reviewer_comments (second, "请完善。");
  icw_test_save (f->store, ICW_RECORD (second));
  g_assert_true (icw_application_mark_ready (f->store, second, packs, today, &error));
  g_assert_true (icw_application_submit (f->store, second, &error));
  g_assert_true (icw_application_accept (f->store, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (icw_application_get_reviewer_comments (second));
  third = ICW_APPLICATION (icw_store_lookup (f->store, APP, icw_record_get_id (ICW_RECORD (second)), &error));
  g_assert_null (icw_application_get_reviewer_comments (third));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/review-comments/plain-text", test_plain_text);
  g_test_add_func ("/review-comments/round-trip", test_round_trip);
  g_test_add_func ("/review-comments/refusals", test_refusals);
  g_test_add_func ("/review-comments/anchors-by-kind", test_anchors_by_kind);
  g_test_add_func ("/review-comments/describe", test_describe);
  g_test_add_func ("/review-comments/describe-chinese", test_describe_chinese);
  g_test_add ("/review-comments/store-refuses", Fixture, NULL, fixture_set_up, test_store_refuses, fixture_tear_down);
  g_test_add ("/review-comments/versions-keep-their-comments", Fixture, NULL, fixture_set_up,
              test_versions_keep_their_comments, fixture_tear_down);
  return g_test_run ();
}
