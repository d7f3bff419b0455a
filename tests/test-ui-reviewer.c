/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-reviewer.c: the reviewer's workspace against the real reference server on loopback,
 * with real SQLite stores on both sides: an administrator submits the sample's application; a
 * window signed in with a reviewer's token of the province becomes a reviewer's, lists the
 * application in its inbox, shows it with nothing editable, and returns it with a comment anchored
 * to a section, which the administrator then pulls; the administrator reopens, edits and submits
 * again; the reviewer's What Changed shows the edit underlined beside the comment, and accepts.
 * Alt+1 and Alt+2 show the reviewer's pages. The overview's search and sort. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-application-lifecycle.h"
#include "icw-application.h"
#include "icw-center.h"
#include "icw-compare-marks.h"
#include "icw-lifecycle.h"
#include "icw-platform.h"
#include "icw-review-comments.h"
#include "icw-review-decision.h"
#include "icw-review-notifier.h"
#include "icw-review-overview.h"
#include "icw-reviewer-inbox.h"
#include "icw-reviewer-overview-item.h"
#include "icw-reviewer-overview.h"
#include "icw-rule-pack.h"
#include "icw-sample.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-controller.h"
#include "icw-sync-role.h"
#include "icw-sync-server.h"
#include "icw-sync-token.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"
#include "icw-window.h"

typedef IcwTestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  icw_test_sync_fixture_set_up (f, "icw-ui-reviewer-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  icw_test_sync_fixture_tear_down (f);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label under @widget whose text contains @part. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sample center's application, checked and submitted in a store of its administrator's
 * (*admin_store), pushed with a token of the sample center's administrator. Returns the
 * application (transfer full). */
static IcwApplication *
submit_on_server (Fixture   *f,
                  IcwStore **admin_store,
                  char     **admin_token)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "sample-admin.db", NULL);
  IcwStore *store = *admin_store = icw_test_open_store (path);
  g_autoptr(IcwCenter) center = icw_sample_load (store, &error);
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(GPtrArray) packs = icw_rule_packs_load_all (NULL);
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  g_autofree char *iso = NULL;
  IcwApplication *application;

  g_assert_no_error (error);
  applications = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  application = icw_test_sample_application (store);
  iso = g_strconcat (icw_application_get_call_deadline (application), "T12:00:00Z", NULL);
  deadline = g_date_time_new_from_iso8601 (iso, NULL);
  today = g_date_time_add_days (deadline, -12);
  *admin_token = icw_sync_server_add_token (f->server, "admin", icw_record_get_id (ICW_RECORD (center)), &error);
  g_assert_no_error (error);
  client = icw_sync_client_new (store, f->url, *admin_token, &error);
  /* The server takes each step of the life cycle in turn: draft, ready, submitted. */
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_BOTH, NULL, &error));
  g_assert_true (icw_application_mark_ready (store, application, packs, today, &error));
  g_assert_no_error (error);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_BOTH, NULL, &error));
  g_assert_true (icw_application_submit (store, application, &error));
  g_assert_no_error (error);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_BOTH, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_store_count_conflicts (store), ==, 0);
  g_assert_cmpint (icw_store_count_outbox (store), ==, 0);
  return application;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("waited 20 s in vain");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
window_is_reviewer (gpointer data)
{
  return icw_window_is_reviewer (data);
}

/* Every text a user could type into under widget: how many, and how many of them editable. */
static void
count_editables (GtkWidget *widget,
                 guint     *n,
                 guint     *editable)
{
  gboolean can_type = FALSE;
  gboolean is_text = FALSE;

  if (GTK_IS_TEXT (widget))
    {
      is_text = TRUE;
      can_type = gtk_editable_get_editable (GTK_EDITABLE (widget));
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      is_text = TRUE;
      can_type = gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
    }
  if (is_text && gtk_widget_get_mapped (widget))
    {
      (*n)++;
      if (can_type && gtk_widget_is_sensitive (widget))
        {
          (*editable)++;
          g_printerr ("editable: %s %s\n", G_OBJECT_TYPE_NAME (widget),
                      GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget)) : "");
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_editables (child, n, editable);
}

static GtkWidget *
find_typed (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_typed (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_reviewer_window (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = NULL;
  g_autoptr(IcwStore) admin_store = NULL;
  g_autoptr(IcwApplication) application = submit_on_server (f, &admin_store, &admin);
  g_autofree char *reviewer = icw_sync_server_add_token (f->server, "reviewer", "山东", &error);
  g_autoptr(IcwRecord) seen = NULL;
  g_autoptr(IcwSyncClient) admin_client = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *stored = NULL;
  IcwReviewComment *comment;
  IcwReviewerInbox *inbox;
  GtkWidget *dialog;
  GtkWidget *editor;
  GtkWidget *sidebar;
  IcwWindow *window;
  guint n = 0, editable = 0;

  g_assert_no_error (error);
  g_assert_true (icw_sync_token_store (f->url, reviewer, NULL, &error));
  g_assert_no_error (error);
  g_settings_set_string (f->settings, "sync-server-url", f->url);
  window = icw_window_new (NULL, f->b, f->settings);
  gtk_window_present (GTK_WINDOW (window));

  /* The first sync pulls the province; the server then says the token is a reviewer's. */
  wait_until (window_is_reviewer, window);
  icw_test_iterate ();
  inbox = ICW_REVIEWER_INBOX (find_typed (GTK_WIDGET (window), ICW_TYPE_REVIEWER_INBOX));
  g_assert_nonnull (inbox);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (inbox)));
  icw_reviewer_inbox_reload (inbox);
  g_assert_cmpuint (icw_reviewer_inbox_get_n_items (inbox), ==, 1);
  g_assert_cmpstr (icw_reviewer_inbox_get_id (inbox, 0), ==, icw_record_get_id (ICW_RECORD (application)));

  /* The registers are not offered: only the inbox and the overview are in the sidebar. */
  /* The sidebar is the window's first list box. */
  sidebar = gtk_widget_get_parent (find_typed (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW));
  {
    guint visible_rows = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (gtk_widget_get_visible (row))
        {
          visible_rows++;
          g_assert_true (g_str_equal (gtk_widget_get_name (row), "inbox") ||
                         g_str_equal (gtk_widget_get_name (row), "overview"));
        }
    g_assert_cmpuint (visible_rows, ==, 2);
  }

  /* Alt+1 and Alt+2 activate the first two pages' actions: in a reviewer's window, the Inbox and
   * the Province Overview. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organizations");
  icw_test_iterate ();
  g_assert_true (ICW_IS_REVIEWER_OVERVIEW (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (inbox))))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "centers");
  icw_test_iterate ();
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (inbox)))) == GTK_WIDGET (inbox));

  /* The overview's row of the submitted application opens it in the inbox. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  icw_test_iterate ();
  {
    IcwReviewerOverview *overview = ICW_REVIEWER_OVERVIEW (find_typed (GTK_WIDGET (window), ICW_TYPE_REVIEWER_OVERVIEW));
    GListModel *rows;
    guint at = G_MAXUINT;

    g_assert_nonnull (overview);
    g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (overview)))) == GTK_WIDGET (overview));
    icw_reviewer_overview_reload (overview);
    rows = icw_reviewer_overview_get_model (overview);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (rows, i);
        IcwReviewOverviewRow *row = icw_reviewer_overview_item_get_row (ICW_REVIEWER_OVERVIEW_ITEM (item));

        if (g_strcmp0 (row->record_id, icw_record_get_id (ICW_RECORD (application))) == 0)
          at = i;
      }
    g_assert_cmpuint (at, !=, G_MAXUINT);
    icw_reviewer_overview_activate (overview, at);
    icw_test_iterate ();
    g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (inbox)))) == GTK_WIDGET (inbox));
  }

  /* Opened, the application is shown with nothing a reviewer could type into. */
  g_assert_true (icw_reviewer_inbox_open (inbox, icw_record_get_id (ICW_RECORD (application))));
  icw_test_iterate ();
  editor = icw_reviewer_inbox_get_editor (inbox);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  count_editables (editor, &n, &editable);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (editable, ==, 0);

  /* Return, with a comment about one section, asked for first. */
  seen = icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION, icw_record_get_id (ICW_RECORD (application)), &error);
  g_assert_no_error (error);
  dialog = icw_review_decision_ask (GTK_WIDGET (inbox), f->b, seen, FALSE, NULL);
  icw_test_iterate ();
  {
    GtkTextView *view = GTK_TEXT_VIEW (find_typed (dialog, GTK_TYPE_TEXT_VIEW));
    GtkDropDown *anchor = GTK_DROP_DOWN (find_typed (dialog, GTK_TYPE_DROP_DOWN));

    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "请补充年度目标的量化指标。", -1);
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));
    gtk_drop_down_set_selected (anchor, 1);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "decide");
  }
  icw_test_iterate ();
  g_assert_cmpint (icw_lifecycle_get_status (seen), ==, ICW_APPLICATION_STATUS_RETURNED);
  /* Decided, it leaves the inbox. */
  icw_reviewer_inbox_reload (inbox);
  g_assert_cmpuint (icw_reviewer_inbox_get_n_items (inbox), ==, 0);

  /* The window's sync sends it; the administrator pulls the return and its anchored comment. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL);
  {
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (icw_store_count_outbox (f->b) > 0 && g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
  }
  g_assert_cmpint (icw_store_count_outbox (f->b), ==, 0);
  g_assert_cmpint (icw_store_count_conflicts (f->b), ==, 0);
  admin_client = icw_sync_client_new (admin_store, f->url, admin, &error);
  g_assert_true (icw_sync_client_run (admin_client, ICW_SYNC_PULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_lifecycle_get_status (ICW_RECORD (application)), ==, ICW_APPLICATION_STATUS_RETURNED);
  g_object_get (application, "reviewer-comments", &stored, NULL);
  comments = icw_review_comments_parse (ICW_RECORD_KIND_APPLICATION, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = comments->pdata[0];
  g_assert_cmpint (comment->anchor_kind, ==, ICW_ANCHOR_SECTION);
  g_assert_cmpstr (comment->anchor_key, ==, icw_review_section_keys (ICW_RECORD_KIND_APPLICATION)[0]);
  g_assert_cmpstr (comment->text, ==, "请补充年度目标的量化指标。");
  g_assert_cmpstr (comment->outcome, ==, "returned");
  /* Version 1 has no earlier version: nothing to compare. */
  g_assert_null (icw_reviewer_inbox_show_changes (inbox));

  /* The administrator reopens it, adds a sentence to one section and submits version 2. */
  {
    g_autoptr(IcwApplication) next = icw_application_reopen (admin_store, application, &error);
    g_autofree char *risks = NULL;
    g_autoptr(IcwRecord) second = NULL;
    const char *key = icw_review_section_keys (ICW_RECORD_KIND_APPLICATION)[0];
    GtkWidget *compare, *group;
    GtkLabel *added, *about;
    gboolean struck = TRUE, underlined = FALSE;
    const char *text;

    g_assert_no_error (error);
    risks = g_strconcat (icw_application_get_section_risks (next), "另设风险准备金。", NULL);
    icw_application_set_section_risks (next, risks);
    icw_test_save (admin_store, next);
    icw_test_ready_and_submit (admin_store, next);
    g_assert_true (icw_sync_client_run (admin_client, ICW_SYNC_BOTH, NULL, &error));
    g_assert_no_error (error);

    /* The reviewer's window pulls it; its What Changed compares it with the returned version. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL);
    {
      gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      while (icw_reviewer_inbox_get_n_items (inbox) == 0 && g_get_monotonic_time () < end)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }
    }
    g_assert_cmpuint (icw_reviewer_inbox_get_n_items (inbox), ==, 1);
    g_assert_true (icw_reviewer_inbox_open (inbox, icw_record_get_id (ICW_RECORD (next))));
    icw_test_iterate ();
    compare = icw_reviewer_inbox_show_changes (inbox);
    g_assert_nonnull (compare);
    icw_test_iterate ();
    group = find_named (compare, "risks");
    g_assert_nonnull (group);
    added = find_label (group, "另设风险准备金。");
    g_assert_nonnull (added);
    text = gtk_label_get_text (added);
    g_assert_true (icw_compare_marks_at (added, (guint) (strstr (text, "另设风险准备金。") - text), &struck, &underlined));
    g_assert_true (underlined);
    g_assert_false (struck);
    /* The start of the section is unchanged: no mark. */
    g_assert_false (icw_compare_marks_at (added, 0, NULL, NULL));
    /* The reviewer's comment on version 1 stands in the section it was about. */
    about = find_label (find_named (compare, key), "请补充年度目标的量化指标。");
    g_assert_nonnull (about);
    gtk_window_destroy (GTK_WINDOW (compare));

    /* Accepted. */
    second = icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION, icw_record_get_id (ICW_RECORD (next)), &error);
    g_assert_no_error (error);
    dialog = icw_review_decision_ask (GTK_WIDGET (inbox), f->b, second, TRUE, NULL);
    icw_test_iterate ();
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "decide");
    icw_test_iterate ();
    g_assert_cmpint (icw_lifecycle_get_status (second), ==, ICW_APPLICATION_STATUS_ACCEPTED);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  icw_test_iterate ();
}

/* The first label under @root whose text starts with @prefix. */
static GtkLabel *
label_starting (GtkWidget  *root,
                const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_overview (void)
{
  IcwTestSample sample = { 0, };
  g_autoptr(GtkWidget) overview = NULL;
  GListModel *model;
  guint n;

  icw_test_sample_set_up (&sample, NULL);
  overview = g_object_ref_sink (icw_reviewer_overview_new (sample.store));
  model = icw_reviewer_overview_get_model (ICW_REVIEWER_OVERVIEW (overview));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 1);
  icw_reviewer_overview_set_search (ICW_REVIEWER_OVERVIEW (overview), "no such center anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  icw_reviewer_overview_set_search (ICW_REVIEWER_OVERVIEW (overview), "IP AGREEMENT");
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n);
  icw_reviewer_overview_set_search (ICW_REVIEWER_OVERVIEW (overview), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  /* Drawn narrow, a document's long title is ellipsized in its column: its tooltip holds it whole. */
  {
    GtkWidget *window = gtk_window_new ();
    GtkLabel *title;

    gtk_window_set_default_size (GTK_WINDOW (window), 700, 400);
    gtk_window_set_child (GTK_WINDOW (window), overview);
    gtk_window_present (GTK_WINDOW (window));
    for (guint i = 0; i < 30; i++)
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        g_usleep (10000);
      }
    title = label_starting (window, "Funding request: ");
    g_assert_nonnull (title);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), ==, gtk_label_get_text (title));
    gtk_window_set_child (GTK_WINDOW (window), NULL);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  g_object_unref (g_steal_pointer (&overview));
  icw_test_sample_tear_down (&sample, NULL);
}

/* What the notifier counts as news: for a reviewer a submission, for an administrator a return
 * or an acceptance; the first look only remembers. */
static void
test_notifier (void)
{
  IcwTestSample sample = { 0, };
  g_autoptr(IcwReviewNotifier) reviewer = NULL;
  g_autoptr(IcwReviewNotifier) admin = NULL;
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(IcwApplication) application = NULL;
  g_autoptr(GPtrArray) packs = icw_rule_packs_load_all (NULL);
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  icw_test_sample_set_up (&sample, NULL);
  reviewer = icw_review_notifier_new (sample.store, NULL);
  admin = icw_review_notifier_new (sample.store, NULL);
  icw_review_notifier_set_reviewer (reviewer, TRUE);
  g_assert_cmpuint (icw_review_notifier_check (reviewer), ==, 0);
  g_assert_cmpuint (icw_review_notifier_check (admin), ==, 0);
  applications = icw_store_list (sample.store, ICW_RECORD_KIND_APPLICATION, NULL);
  application = icw_test_sample_application (sample.store);
  iso = g_strconcat (icw_application_get_call_deadline (application), "T12:00:00Z", NULL);
  deadline = g_date_time_new_from_iso8601 (iso, NULL);
  today = g_date_time_add_days (deadline, -12);
  g_assert_true (icw_application_mark_ready (sample.store, application, packs, today, &error));
  g_assert_cmpuint (icw_review_notifier_check (reviewer), ==, 0);
  g_assert_true (icw_application_submit (sample.store, application, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (icw_review_notifier_check (reviewer), ==, 1);
  g_assert_cmpuint (icw_review_notifier_check (reviewer), ==, 0);
  g_assert_cmpuint (icw_review_notifier_check (admin), ==, 0);
  g_assert_true (icw_lifecycle_return (sample.store, ICW_RECORD (application), "请补充。", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (icw_review_notifier_check (admin), ==, 1);
  g_assert_cmpuint (icw_review_notifier_check (reviewer), ==, 0);
  icw_test_sample_tear_down (&sample, NULL);
}

/* GET /v1/token for an administrator's token, and what the client reads of odd answers. */
static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *province = NULL;

  g_assert_cmpint (icw_sync_role_parse ("{\"role\":\"reviewer\",\"province\":\"370000\"}", -1, &province), ==, ICW_SYNC_ROLE_REVIEWER);
  g_assert_cmpstr (province, ==, "370000");
  g_clear_pointer (&province, g_free);
  g_assert_cmpint (icw_sync_role_parse ("{\"role\":\"administrator\"}", -1, &province), ==, ICW_SYNC_ROLE_ADMINISTRATOR);
  g_assert_null (province);
  g_assert_cmpint (icw_sync_role_parse ("[1]", -1, NULL), ==, ICW_SYNC_ROLE_UNKNOWN);
  g_assert_cmpint (icw_sync_role_parse ("{\"role\":\"root\"}", -1, NULL), ==, ICW_SYNC_ROLE_UNKNOWN);
  g_assert_cmpint (icw_sync_role_parse ("not json", -1, NULL), ==, ICW_SYNC_ROLE_UNKNOWN);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    icw_sync_role_fetch_async (f->url, f->admin, NULL, on_fetched, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (icw_sync_role_fetch_finish (result, &province, &error), ==, ICW_SYNC_ROLE_ADMINISTRATOR);
    g_assert_no_error (error);
    g_assert_null (province);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    icw_sync_role_fetch_async (f->url, "not-a-token", NULL, on_fetched, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (icw_sync_role_fetch_finish (result, NULL, &error), ==, ICW_SYNC_ROLE_UNKNOWN);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "401"));
  }
}

/* What a screen reader is told of a changed text, and the marks a label carries. */
static void
test_marks (void)
{
  g_autoptr(GPtrArray) spans = icw_text_diff ("建设高水平中试平台", "建设高质量中试平台");
  g_autofree char *description = icw_compare_marks_describe (spans);
  g_autoptr(GtkWidget) earlier = g_object_ref_sink (icw_compare_marks_label (spans, ICW_DIFF_DELETED));
  g_autoptr(GtkWidget) later = g_object_ref_sink (icw_compare_marks_label (spans, ICW_DIFF_INSERTED));
  gboolean struck = FALSE, underlined = FALSE;

  g_assert_cmpstr (description, ==, "Removed: “水平”. Added: “质量”.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (earlier)), ==, "建设高水平中试平台");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (later)), ==, "建设高质量中试平台");
  /* "建设高" is 9 bytes: the changed characters follow. */
  g_assert_true (icw_compare_marks_at (GTK_LABEL (earlier), 9, &struck, &underlined));
  g_assert_true (struck && !underlined);
  g_assert_true (icw_compare_marks_at (GTK_LABEL (later), 9, &struck, &underlined));
  g_assert_true (underlined && !struck);
  g_assert_false (icw_compare_marks_at (GTK_LABEL (later), 0, NULL, NULL));
  g_assert_false (icw_compare_marks_at (GTK_LABEL (later), 15, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  icw_test_ui_init (&argc, &argv);
  g_test_add ("/ui-reviewer/window", Fixture, NULL, fixture_set_up, test_reviewer_window, fixture_tear_down);
  g_test_add_func ("/ui-reviewer/overview", test_overview);
  g_test_add_func ("/ui-reviewer/marks", test_marks);
  g_test_add_func ("/ui-reviewer/notifier", test_notifier);
  g_test_add ("/ui-reviewer/role", Fixture, NULL, fixture_set_up, test_role, fixture_tear_down);
  return g_test_run ();
}
