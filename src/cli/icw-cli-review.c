/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-review.c: the reviewer's commands against a sync server, for batch work and scripts:
 *
 *   icw review list [--all] [--json]      the documents the centers of the province submitted
 *   icw review show ID [--json]           one of them, as `icw show` shows it
 *   icw review return ID --comment TEXT [--section KEY | --field KEY] [--comment TEXT [--section KEY | --field KEY]]…
 *   icw review accept ID [--comment TEXT [--section KEY | --field KEY]]… [--grade GRADE]   (a report's grade)
 *
 * each with --server URL and the reviewer's token (keyring or ICW_TOKEN). The local database
 * (--db) is the reviewer's copy of the province: every command first syncs it (push then pull);
 * a return or an acceptance is made there as the window makes it (icw-lifecycle.c), with its
 * comments, each anchored to the document, a section or a field (icw-review-comments.h) by the
 * option that follows it, naming who and when, then pushed at once. A change the server refuses or that meets a newer one is given up
 * here (the server's version comes back) and the command fails saying why. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-review-comments.h"
#include "icw-score-filing.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-refusal.h"
#include "icw-sync-token.h"

static const IcwRecordKind document_kinds[] = {
  ICW_RECORD_KIND_APPLICATION, ICW_RECORD_KIND_IP_AGREEMENT, ICW_RECORD_KIND_FUNDING_REQUEST,
  ICW_RECORD_KIND_REPORT,
};

typedef struct {
  IcwStore      *store;
  IcwSyncClient *client;
} Session;

static void
session_clear (Session *session)
{
  g_clear_object (&session->client);
  g_clear_object (&session->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Session, session_clear)

/* Opens the reviewer's database and syncs it with the server. */
static gboolean
session_open (Session              *session,
              const IcwCliOptions  *options,
              GError              **error)
{
  g_autofree char *token = icw_sync_token_lookup (options->server, NULL, error);
  IcwSyncReport report = { 0, };

  if (token == NULL)
    return FALSE;
  session->store = icw_cli_open_store (options, FALSE, error);
  if (session->store == NULL)
    return FALSE;
  session->client = icw_sync_client_new (session->store, options->server, token, error);
  return session->client != NULL && icw_sync_client_run (session->client, ICW_SYNC_BOTH, &report, error);
}

static char *
record_text (IcwRecord  *record,
             const char *property)
{
  char *text = NULL;

  g_object_get (record, property, &text, NULL);
  return text;
}

static const char *
kind_label (IcwRecordKind kind)
{
  switch (kind)
    {
    case ICW_RECORD_KIND_APPLICATION:
      return _("Application");
    case ICW_RECORD_KIND_IP_AGREEMENT:
      return _("IP agreement");
    case ICW_RECORD_KIND_REPORT:
      return _("Report");
    default:
      return _("Funding request");
    }
}

static void
add_json_document (JsonBuilder *builder,
                   IcwStore    *store,
                   IcwRecord   *record)
{
  g_autofree char *title = icw_cli_document_title (record);
  g_autofree char *center_id = record_text (record, "center-id");
  g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER, center_id);

  json_builder_begin_object (builder);
  icw_cli_json_add_text (builder, "id", icw_record_get_id (record));
  icw_cli_json_add_text (builder, "kind", icw_record_kind_to_key (icw_record_kind_of (record)));
  icw_cli_json_add_text (builder, "title", title);
  icw_cli_json_add_text (builder, "center_id", center_id);
  icw_cli_json_add_text (builder, "center_name", center);
  icw_cli_json_add_text (builder, "status", icw_application_status_to_key (icw_lifecycle_get_status (record)));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, icw_lifecycle_get_version (record));
  icw_cli_json_add_text (builder, "updated_at", icw_record_get_updated_at (record));
  json_builder_end_object (builder);
}

static int
review_list (const IcwCliOptions *options,
             IcwStore            *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(IcwCliTable) table = icw_cli_table_new (6);
  guint n = 0;

  json_builder_begin_array (builder);
  icw_cli_table_add (table, _("ID"), _("Kind"), _("Center"), _("Title"), _("Version"), _("Status"), NULL);
  for (guint k = 0; k < G_N_ELEMENTS (document_kinds); k++)
    {
      g_autoptr(GListModel) list = icw_store_list (store, document_kinds[k], NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(IcwRecord) record = g_list_model_get_item (list, i);
          IcwApplicationStatus status = icw_lifecycle_get_status (record);
          g_autofree char *title = NULL;
          g_autofree char *center_id = NULL;
          g_autofree char *center = NULL;
          g_autofree char *version = NULL;

          if (!options->all && status != ICW_APPLICATION_STATUS_SUBMITTED)
            continue;
          n++;
          add_json_document (builder, store, record);
          title = icw_cli_document_title (record);
          center_id = record_text (record, "center-id");
          center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER, center_id);
          version = g_strdup_printf ("%d", icw_lifecycle_get_version (record));
          icw_cli_table_add (table, icw_record_get_id (record), kind_label (document_kinds[k]),
                             icw_cli_or_dash (center), icw_cli_or_dash (title), version,
                             icw_application_status_to_label (status), NULL);
        }
    }
  json_builder_end_array (builder);
  if (options->json)
    icw_cli_json_print (builder);
  else if (n == 0)
    icw_cli_out ("%s\n", options->all ? _("The server holds no documents of the province.")
                                      : _("Nothing is waiting for review."));
  else
    icw_cli_table_print (table, 0);
  return ICW_EXIT_OK;
}

/* The comments of the command line, in order (IcwReviewComment, text and anchor only): each
 * --comment, anchored by the --section or --field that follows it; a single comment's anchor may
 * also come before it. NULL with a message for people when the options do not pair up. */
static GPtrArray *
items_of (const IcwCliOptions  *options,
          char                **problem)
{
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  GPtrArray *items = options->review_items;
  guint n_comments = 0, n_anchors = 0;
  gboolean anchored = FALSE;

  for (guint i = 0; items != NULL && i < items->len; i++)
    ((const char *) items->pdata[i])[0] == 'c' ? n_comments++ : n_anchors++;
  if (n_anchors > 0 && n_comments == 0)
    {
      *problem = g_strdup (_("--section and --field say what the comment is about: give the comment with --comment TEXT."));
      return NULL;
    }
  if (n_comments == 1 && n_anchors <= 1)
    {
      g_ptr_array_add (comments, icw_review_comment_new (options->section != NULL ? ICW_ANCHOR_SECTION
                                                         : options->field != NULL ? ICW_ANCHOR_FIELD : ICW_ANCHOR_DOCUMENT,
                                                         options->section != NULL ? options->section : options->field,
                                                         options->comment, NULL, NULL, NULL));
      return g_steal_pointer (&comments);
    }
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *item = items->pdata[i];
      IcwReviewComment *last = comments->len > 0 ? comments->pdata[comments->len - 1] : NULL;

      if (item[0] == 'c')
        {
          g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, item + 2, NULL, NULL, NULL));
          anchored = FALSE;
          continue;
        }
      if (last == NULL || anchored)
        {
          *problem = g_strdup (_("A comment is about one section or one field: give each --section or --field after the --comment it anchors."));
          return NULL;
        }
      last->anchor_kind = item[0] == 's' ? ICW_ANCHOR_SECTION : ICW_ANCHOR_FIELD;
      last->anchor_key = g_strdup (item + 2);
      anchored = TRUE;
    }
  return g_steal_pointer (&comments);
}

/* The reviewer's comments as the options give them, each with who and when and the outcome;
 * an acceptance without any is one comment with empty text (who accepted, when). */
static char *
review_comments (const IcwCliOptions  *options,
                 IcwRecord            *record,
                 IcwApplicationStatus  outcome,
                 GError              **error)
{
  g_autofree char *problem = NULL;
  g_autoptr(GPtrArray) comments = items_of (options, &problem);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *author = g_strcmp0 (g_get_real_name (), "Unknown") != 0 && *g_get_real_name () != '\0'
                       ? g_get_real_name () : g_get_user_name ();

  g_assert (comments != NULL);  /* check_usage has seen the options */
  if (comments->len == 0)
    g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, "", NULL, NULL, NULL));
  for (guint i = 0; i < comments->len; i++)
    {
      IcwReviewComment *comment = comments->pdata[i];
      g_autoptr(GError) anchor_error = NULL;

      if (!icw_review_anchor_check (icw_record_kind_of (record), comment->anchor_kind, comment->anchor_key, &anchor_error))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, "%s: %s",
                       comment->anchor_kind == ICW_ANCHOR_SECTION ? "--section" : "--field", anchor_error->message);
          return NULL;
        }
      comment->author = g_strdup (author);
      comment->at = g_strdup (at);
      comment->outcome = g_strdup (icw_application_status_to_key (outcome));
    }
  return icw_review_comments_to_text (comments);
}

/* After the push: whether the outcome reached the server; if not, it is given up here and the
 * reason is reported. */
static gboolean
outcome_stored (Session     *session,
                IcwRecord   *record,
                GError     **error)
{
  g_autoptr(GPtrArray) conflicts = icw_store_list_conflicts (session->store, NULL);
  const char *id = icw_record_get_id (record);
  IcwSyncReport report = { 0, };

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      IcwSyncConflict *conflict = conflicts->pdata[i];
      const char *reason = icw_sync_refusal_reason (conflict->code);

      if (g_strcmp0 (conflict->record_id, id) != 0)
        continue;
      if (conflict->reason != NULL)
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The server refused the review: %s"),
                     reason != NULL ? reason : conflict->reason);
      else
        g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                             _("The document changed on the server meanwhile (another reviewer may have decided it): nothing was recorded. Look at it again with “icw review show”."));
      icw_store_resolve_conflict (session->store, conflict->seq, ICW_CONFLICT_DISCARD_MINE, NULL, NULL);
      icw_sync_client_run (session->client, ICW_SYNC_BOTH, &report, NULL);
      return FALSE;
    }
  if (icw_store_outbox_has_record (session->store, id))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("The review could not be sent yet; it is kept and goes with the next “icw review” command."));
      return FALSE;
    }
  return TRUE;
}

/* `--grade`: the grade of a report, recorded with its acceptance, with the day and, for 不合格,
 * the day the one-year 整改 is due (icw_rectification_due). */
static gboolean
set_grade (const IcwCliOptions  *options,
           IcwRecord            *record,
           GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  IcwReportGrade grade;
  GDate day, due;
  char due_text[16] = "";

  if (options->grade == NULL)
    return TRUE;
  if (icw_record_kind_of (record) != ICW_RECORD_KIND_REPORT)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("--grade: only a report (a yearly assessment or an evaluation) is graded."));
      return FALSE;
    }
  if (!icw_report_grade_from_string (options->grade, &grade) || grade == ICW_REPORT_GRADE_NONE)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("--grade: “%s” is not a grade; give 优秀, 良好, 合格 or 不合格 (excellent, good, pass or fail)."),
                   options->grade);
      return FALSE;
    }
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  if (icw_rectification_due (grade, &day, &due))
    g_date_strftime (due_text, sizeof due_text, "%Y-%m-%d", &due);
  g_object_set (record, "grade", (guint) grade, "graded-on", today,
                "rectify-due", *due_text != '\0' ? due_text : NULL, NULL);
  return TRUE;
}

static int
review_decide (const IcwCliOptions  *options,
               Session              *session,
               IcwApplicationStatus  outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = icw_cli_find_record (session->store, options->args->pdata[2], &error);
  g_autofree char *comments = NULL;
  g_autofree char *title = NULL;
  IcwSyncReport report = { 0, };
  gboolean done;

  if (record == NULL)
    return icw_cli_fail (error);
  if (!icw_record_has_lifecycle (record))
    {
      icw_cli_err (_("“%s” is not an application, an IP agreement or a funding request: it has no life cycle."),
                   (const char *) options->args->pdata[2]);
      return ICW_EXIT_FAILURE;
    }
  comments = review_comments (options, record, outcome, &error);
  if (comments == NULL)
    return icw_cli_fail (error);
  if (!set_grade (options, record, &error))
    return icw_cli_fail (error);
  done = outcome == ICW_APPLICATION_STATUS_RETURNED
         ? icw_lifecycle_return (session->store, record, comments, &error)
         : icw_lifecycle_accept (session->store, record, comments, &error);
  if (!done || !icw_sync_client_run (session->client, ICW_SYNC_BOTH, &report, &error) ||
      !outcome_stored (session, record, &error))
    return icw_cli_fail (error);
  title = icw_cli_document_title (record);
  icw_cli_out (outcome == ICW_APPLICATION_STATUS_RETURNED ? _("Returned: “%s”, version %d.")
                                                           : _("Accepted: “%s”, version %d."),
               icw_cli_or_dash (title), icw_lifecycle_get_version (record));
  icw_cli_out ("\n");
  return ICW_EXIT_OK;
}

/* `icw review show ID`: the same as `icw show ID` on the synced database. */
static int
review_show (const IcwCliOptions *options)
{
  IcwCliOptions show = *options;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status;

  g_ptr_array_add (args, (gpointer) "show");
  g_ptr_array_add (args, options->args->pdata[2]);
  show.args = args;
  show.db_given = TRUE;
  status = icw_cli_show (&show);
  return status;
}

/* Usage: which subcommand, its arguments and options. -1 when the line is right. */
static int
check_usage (const IcwCliOptions *options,
             const char          *sub)
{
  gboolean decides = g_str_equal (sub, "return") || g_str_equal (sub, "accept");
  guint wanted = g_str_equal (sub, "list") ? 2 : 3;

  if (!g_str_equal (sub, "list") && !g_str_equal (sub, "show") && !decides)
    return icw_cli_usage_error (_("“%s” is not an “icw review” command: use list, show, return or accept."), sub);
  if (options->args->len < wanted)
    return icw_cli_usage_error (_("Say which document: “icw review %s ID”."), sub);
  if (options->args->len > wanted)
    return icw_cli_usage_error (_("“icw review %s” takes no further arguments, but “%s” follows."), sub,
                                (const char *) options->args->pdata[wanted]);
  if (!decides && (options->comment != NULL || options->section != NULL || options->field != NULL))
    return icw_cli_usage_error ("%s", _("The options --comment, --section and --field go with “icw review return” and “icw review accept”."));
  if (decides && options->json)
    return icw_cli_usage_error (_("The option %s does not apply to “icw review %s”."), "--json", sub);
  if (options->all && !g_str_equal (sub, "list"))
    return icw_cli_usage_error (_("The option %s does not apply to “icw review %s”."), "--all", sub);
  if (options->grade != NULL && !g_str_equal (sub, "accept"))
    return icw_cli_usage_error ("%s", _("The option --grade goes with “icw review accept” of a report."));
  if (g_str_equal (sub, "return") && options->comment == NULL)
    return icw_cli_usage_error ("%s", _("A return needs a comment saying why: --comment TEXT."));
  if (decides)
    {
      g_autofree char *problem = NULL;
      g_autoptr(GPtrArray) items = items_of (options, &problem);

      if (items == NULL)
        return icw_cli_usage_error ("%s", problem);
    }
  if (options->server == NULL)
    return icw_cli_usage_error ("%s", _("“icw review” needs the server's address: --server URL."));
  if (!icw_cli_is_server_url (options->server))
    return icw_cli_usage_error (_("“%s” is not the address of a sync server: give one such as https://example.org."),
                                options->server);
  return -1;
}

int
icw_cli_review (const IcwCliOptions *options)
{
  g_auto(Session) session = { NULL, };
  g_autoptr(GError) error = NULL;
  const char *sub;
  int status;

  if (options->args->len < 2)
    return icw_cli_usage_error ("%s", _("Say what to do: “icw review list”, “show ID”, “return ID” or “accept ID”."));
  sub = options->args->pdata[1];
  status = check_usage (options, sub);
  if (status >= 0)
    return status;

  if (!session_open (&session, options, &error))
    {
      if (session.client != NULL)
        icw_cli_err (_("The sync did not finish: %s"), error->message);
      else
        return icw_cli_fail (error);
      return ICW_EXIT_FAILURE;
    }
  if (g_str_equal (sub, "list"))
    return review_list (options, session.store);
  if (g_str_equal (sub, "show"))
    {
      session_clear (&session);
      return review_show (options);
    }
  return review_decide (options, &session,
                        g_str_equal (sub, "return") ? ICW_APPLICATION_STATUS_RETURNED : ICW_APPLICATION_STATUS_ACCEPTED);
}
