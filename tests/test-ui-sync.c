/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-sync.c: the window's sync against the real reference server on loopback, with real
 * SQLite stores on both sides and the keyring's file backend (the controller's states, which need
 * no display, are in test-sync-controller.c). The conflicts view: both versions field by field
 * with the differences marked, and Keep Mine / Keep Theirs / Keep Both reflected in the store and,
 * after a sync, on the server. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-account-dialog.h"
#include "icw-application.h"
#include "icw-center.h"
#include "icw-conflict-fields.h"
#include "icw-conflicts-view.h"
#include "icw-document-bar.h"
#include "icw-lifecycle.h"
#include "icw-platform.h"
#include "icw-review-comments.h"
#include "icw-reviewer-notes.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-controller.h"
#include "icw-sync-refusal.h"
#include "icw-sync-server.h"
#include "icw-sync-token.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

typedef IcwTestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  icw_test_sync_fixture_set_up (f, "icw-ui-sync-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  icw_test_sync_fixture_tear_down (f);
}

static void
sync_with_client (Fixture  *f,
                  IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = icw_sync_client_new (store, f->url, f->admin, &error);
  IcwSyncReport report = { 0, };

  g_assert_no_error (error);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_BOTH, &report, &error));
  g_assert_no_error (error);
}

static void
rename_center (IcwStore   *store,
               const char *id,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  icw_center_set_name (ICW_CENTER (record), name);
  icw_test_save (store, record);
}

static GPtrArray *
differing_texts (GtkWidget *widget,
                 GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "conflict-differs") &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    differing_texts (child, texts);
  return texts;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

/* The position in the view's list (the store's order) of the conflict about a record kind. */
static guint
conflict_index (IcwStore      *store,
                IcwRecordKind  kind)
{
  g_autoptr(GPtrArray) conflicts = icw_store_list_conflicts (store, NULL);

  for (guint i = 0; i < conflicts->len; i++)
    if (((IcwSyncConflict *) g_ptr_array_index (conflicts, i))->kind == kind)
      return i;
  g_error ("no conflict of kind %d", kind);
}

static char *
record_text (IcwStore      *store,
             IcwRecordKind  kind,
             const char    *id,
             const char    *property)
{
  g_autoptr(IcwRecord) record = icw_store_lookup (store, kind, id, NULL);
  char *text = NULL;

  g_assert_nonnull (record);
  g_object_get (record, property, &text, NULL);
  return text;
}

static guint
count_titled (IcwStore   *store,
              const char *title)
{
  GListModel *list = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwApplication) application = g_list_model_get_item (list, i);
      n += g_strcmp0 (icw_application_get_title (application), title) == 0;
    }
  return n;
}

static void
edit_all (IcwStore   *store,
          const char *center_id,
          const char *org_id,
          const char *application_id,
          const char *suffix)
{
  g_autofree char *center = g_strconcat ("齐鲁创新中心", suffix, NULL);
  g_autofree char *org = g_strconcat ("济南研究院", suffix, NULL);
  g_autofree char *title = g_strconcat ("建设方案", suffix, NULL);
  g_autoptr(IcwRecord) o = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, org_id, NULL);
  g_autoptr(IcwRecord) a = icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION, application_id, NULL);

  rename_center (store, center_id, center);
  icw_organization_set_name (ICW_ORGANIZATION (o), org);
  icw_test_save (store, o);
  icw_application_set_title (ICW_APPLICATION (a), title);
  icw_test_save (store, a);
}

static void
test_conflicts_view (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "济南研究院", NULL);
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autoptr(IcwSyncController) controller = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  const char *center_id = icw_record_get_id (ICW_RECORD (f->center));
  const char *org_id = icw_record_get_id (ICW_RECORD (org));
  const char *application_id;
  g_autofree char *name = NULL;
  GtkWidget *window, *overlay;
  IcwConflictsView *view;

  icw_application_set_center_id (application, center_id);
  icw_application_set_title (application, "建设方案");
  icw_test_save (f->a, application);
  application_id = icw_record_get_id (ICW_RECORD (application));
  sync_with_client (f, f->a);
  sync_with_client (f, f->b);

  /* The same three records changed on both sides; a syncs first. */
  edit_all (f->a, center_id, org_id, application_id, "（甲）");
  sync_with_client (f, f->a);
  edit_all (f->b, center_id, org_id, application_id, "（乙）");

  /* b's window starts signed in (the server in settings, ICW_TOKEN) and syncs at once. */
  g_settings_set_string (f->settings, "sync-server-url", f->url);
  g_setenv ("ICW_TOKEN", f->admin, TRUE);
  controller = icw_sync_controller_new (f->b, f->settings);
  icw_sync_controller_set_delay (controller, 60000);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_NEEDS_ATTENTION);
  g_assert_cmpuint (icw_sync_controller_get_n_conflicts (controller), ==, 3);

  window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  view = ICW_CONFLICTS_VIEW (icw_conflicts_view_new (controller));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  icw_test_iterate ();
  g_assert_cmpuint (icw_conflicts_view_get_n_items (view), ==, 3);

  /* The center: both names side by side, marked; the province, the same on both, is not. */
  icw_conflicts_view_select (view, conflict_index (f->b, ICW_RECORD_KIND_CENTER));
  icw_test_iterate ();
  texts = differing_texts (GTK_WIDGET (view), g_ptr_array_new_with_free_func (g_free));
  g_assert_true (has_text (texts, "齐鲁创新中心（乙）"));
  g_assert_true (has_text (texts, "齐鲁创新中心（甲）"));
  g_assert_true (has_text (texts, "Name"));
  g_assert_false (has_text (texts, "山东"));
  g_assert_false (has_text (texts, "Province"));

  /* Keep mine: the record keeps b's name and goes out again. */
  g_assert_true (icw_conflicts_view_resolve (view, ICW_CONFLICT_KEEP_MINE));
  name = record_text (f->b, ICW_RECORD_KIND_CENTER, center_id, "name");
  g_assert_cmpstr (name, ==, "齐鲁创新中心（乙）");
  g_clear_pointer (&name, g_free);
  g_assert_true (icw_store_outbox_has_record (f->b, center_id));
  g_assert_cmpuint (icw_conflicts_view_get_n_items (view), ==, 2);
  g_assert_cmpuint (icw_sync_controller_get_n_conflicts (controller), ==, 2);

  /* Keep theirs: the organization takes a's name, nothing goes out for it. */
  icw_conflicts_view_select (view, conflict_index (f->b, ICW_RECORD_KIND_ORGANIZATION));
  g_assert_true (icw_conflicts_view_resolve (view, ICW_CONFLICT_KEEP_THEIRS));
  name = record_text (f->b, ICW_RECORD_KIND_ORGANIZATION, org_id, "name");
  g_assert_cmpstr (name, ==, "济南研究院（甲）");
  g_clear_pointer (&name, g_free);
  g_assert_false (icw_store_outbox_has_record (f->b, org_id));

  /* Keep both: the application takes a's title and b's becomes a copy. */
  icw_conflicts_view_select (view, conflict_index (f->b, ICW_RECORD_KIND_APPLICATION));
  g_assert_true (icw_conflicts_view_resolve (view, ICW_CONFLICT_KEEP_BOTH));
  name = record_text (f->b, ICW_RECORD_KIND_APPLICATION, application_id, "title");
  g_assert_cmpstr (name, ==, "建设方案（甲）");
  g_assert_cmpuint (count_titled (f->b, "建设方案（乙）"), ==, 1);
  g_assert_cmpuint (icw_conflicts_view_get_n_items (view), ==, 0);
  g_assert_cmpint (icw_sync_controller_get_state (controller), ==, ICW_SYNC_STATE_SYNCED);

  /* Synced again, then a pulls: both sides agree. */
  icw_sync_controller_sync_now (controller);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_SYNCING);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_SYNCED);
  g_assert_cmpint (icw_store_count_outbox (f->b), ==, 0);
  sync_with_client (f, f->a);
  g_assert_cmpint (icw_store_count_conflicts (f->a), ==, 0);
  g_clear_pointer (&name, g_free);
  name = record_text (f->a, ICW_RECORD_KIND_CENTER, center_id, "name");
  g_assert_cmpstr (name, ==, "齐鲁创新中心（乙）");
  g_clear_pointer (&name, g_free);
  name = record_text (f->a, ICW_RECORD_KIND_ORGANIZATION, org_id, "name");
  g_assert_cmpstr (name, ==, "济南研究院（甲）");
  g_assert_cmpuint (count_titled (f->a, "建设方案（乙）"), ==, 1);
  g_assert_cmpuint (count_titled (f->a, "建设方案（甲）"), ==, 1);

  g_unsetenv ("ICW_TOKEN");
  icw_sync_controller_shutdown (controller);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Changes the server refused: the reason in the user's language by its code (the server's own
 * words for a code unknown here), and only Discard My Change offered; discarding a new record
 * the server never had deletes it here, and the next sync has nothing to send. */
static void
test_refused_in_view (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IcwPlatform) orphan = icw_platform_new ();
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "济南研究院", NULL);
  g_autoptr(IcwSyncController) controller = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *overlay;
  IcwConflictsView *view;
  g_autofree char *text = NULL;

  g_assert_true (icw_store_apply_remote (f->a, ICW_RECORD_KIND_ORGANIZATION,
                                         "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"name\":\"幽灵单位\"}", "999", FALSE, &error));
  icw_platform_set_organization_id (orphan, "00000000-0000-4000-8000-000000000000");
  icw_platform_set_name (orphan, "孤儿平台");
  icw_test_save (f->a, orphan);
  g_settings_set_string (f->settings, "sync-server-url", f->url);
  g_setenv ("ICW_TOKEN", f->admin, TRUE);
  controller = icw_sync_controller_new (f->a, f->settings);
  icw_sync_controller_set_delay (controller, 60000);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_NEEDS_ATTENTION);
  g_assert_cmpuint (icw_sync_controller_get_n_conflicts (controller), ==, 1);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);   /* the center and the organization went */

  window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  view = ICW_CONFLICTS_VIEW (icw_conflicts_view_new (controller));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  icw_test_iterate ();
  g_assert_cmpuint (icw_conflicts_view_get_n_items (view), ==, 1);
  /* Said in the user's words for the code "missing-parent", or the server's own (a server without
   * codes): either way, that the parent is not on the server. */
  g_assert_true (g_str_has_prefix (icw_conflicts_view_get_note (view), "The server refused your change"));
  g_assert_nonnull (strstr (icw_conflicts_view_get_note (view), "not on the server"));
  g_assert_true (icw_conflicts_view_can_discard (view));

  /* A refusal with a code is told in the user's words, with the field. */
  g_assert_true (icw_store_add_rejection (f->a, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (org)),
                                          0, "id-taken", "ID squatted", "name", &error));
  g_assert_no_error (error);
  icw_conflicts_view_reload (view);
  icw_conflicts_view_select (view, 1);
  g_assert_cmpstr (icw_conflicts_view_get_note (view), ==,
                   "The server refused your change of “Name”: Another center already uses this record’s ID. "
                   "Discard My Change gives your record a new ID, and it syncs under it.");
  text = icw_conflict_refusal_text (icw_sync_refusal_reason ("a-code-of-later"), "Said by the server",
                                    ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpstr (text, ==, "The server refused your change: Said by the server");

  /* Discard the orphan: never on the server, so it is deleted here. */
  icw_conflicts_view_select (view, 0);
  g_assert_true (icw_conflicts_view_resolve (view, ICW_CONFLICT_DISCARD_MINE));
  g_assert_cmpuint (icw_conflicts_view_get_n_items (view), ==, 1);
  {
    g_autoptr(IcwRecord) gone = icw_store_lookup (f->a, ICW_RECORD_KIND_PLATFORM,
                                                   icw_record_get_id (ICW_RECORD (orphan)), NULL);
    g_assert_null (gone);
  }
  g_unsetenv ("ICW_TOKEN");
  icw_sync_controller_shutdown (controller);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The message dialog shown (activating a button clicks it later): waits up to 5 s for it. */
static AdwMessageDialog *
find_message_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      for (GList *l = windows; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          return l->data;
      g_main_context_iteration (NULL, FALSE);
    }
  return NULL;
}

/* The review outcome is the reviewers': a database that syncs (or a window signed in to a server)
 * is not offered Record Return… or Record Acceptance; one without a server records a paper
 * decision, acceptance after a confirmation, marked as recorded by the administrator. */
static void
test_review_outcome_offered (Fixture       *f,
                             gconstpointer  data)
{
  static const IcwDocumentBarTexts texts = { "_Check", "ready", "Submit?", "body", "submitted", "return",
                                             "locked", NULL, NULL };
  const char *center_id = icw_record_get_id (ICW_RECORD (f->center));
  g_autofree char *json = g_strdup_printf ("{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"center_id\":\"%s\",\"lineage_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                                           "\"version\":1,\"status\":\"submitted\",\"title\":\"纸质审核的申请\"}", center_id);
  g_autoptr(IcwRecord) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comments = NULL;
  IcwDocumentBar *bar;
  AdwMessageDialog *dialog;
  GtkWidget *window = gtk_window_new ();

  g_assert_true (icw_store_apply_remote (f->a, ICW_RECORD_KIND_APPLICATION, json, NULL, FALSE, &error));
  g_assert_no_error (error);
  application = icw_store_lookup (f->a, ICW_RECORD_KIND_APPLICATION, "0f8fad5b-d9cb-469f-a165-70867728950e", &error);
  g_assert_no_error (error);
  bar = ICW_DOCUMENT_BAR (icw_document_bar_new (f->a, &texts));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bar));
  gtk_window_present (GTK_WINDOW (window));
  icw_document_bar_set_record (bar, application);
  g_assert_true (icw_document_bar_offers_review_outcome (bar));

  /* Signed in to a server: not offered. */
  g_settings_set_string (f->settings, "sync-server-url", f->url);
  icw_document_bar_update (bar);
  g_assert_false (icw_document_bar_offers_review_outcome (bar));
  g_settings_reset (f->settings, "sync-server-url");
  icw_document_bar_update (bar);
  g_assert_true (icw_document_bar_offers_review_outcome (bar));

  /* Acceptance asks first; cancelling changes nothing. */
  gtk_widget_activate (icw_test_find_button (GTK_WIDGET (bar), "Record _Acceptance"));
  icw_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  icw_test_iterate ();
  g_assert_cmpint (icw_lifecycle_get_status (application), ==, ICW_APPLICATION_STATUS_SUBMITTED);
  gtk_widget_activate (icw_test_find_button (GTK_WIDGET (bar), "Record _Acceptance"));
  icw_test_iterate ();
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "accept");
  icw_test_iterate ();
  g_assert_cmpint (icw_lifecycle_get_status (application), ==, ICW_APPLICATION_STATUS_ACCEPTED);
  g_object_get (application, "reviewer-comments", &comments, NULL);
  g_assert_nonnull (strstr (comments, "Recorded by the administrator ("));
  g_assert_nonnull (strstr (comments, "paper decision"));

  /* A database that has synced: not offered either. */
  sync_with_client (f, f->a);
  sync_with_client (f, f->b);
  {
    g_autoptr(IcwRecord) other = NULL;
    IcwDocumentBar *synced = ICW_DOCUMENT_BAR (icw_document_bar_new (f->b, &texts));

    g_object_ref_sink (synced);
    g_assert_true (icw_store_apply_remote (f->b, ICW_RECORD_KIND_APPLICATION, json, NULL, FALSE, &error));
    other = icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION, "0f8fad5b-d9cb-469f-a165-70867728950e", &error);
    icw_document_bar_set_record (synced, other);
    g_assert_false (icw_document_bar_offers_review_outcome (synced));
    g_object_unref (synced);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A returned application's comments: the lines naming a section go beside it, whatever their
 * list marker or colon; the others do not. */
static void
test_reviewer_notes (void)
{
  const char *comments = "Overall: please revise.\n"
                          "1. Goals and content: the targets are not measurable.\n"
                          "goals: add yearly targets\n"
                          "（2）Background：cite the sources\n"
                          "Budget:\n";
  g_autoptr(IcwApplication) application = icw_application_new ();
  GtkStack *pages = GTK_STACK (gtk_stack_new ());
  IcwReviewerNotes *notes;
  g_autofree char *goals = icw_reviewer_notes_for_section (comments, ICW_SECTION_GOALS);
  g_autofree char *background = icw_reviewer_notes_for_section (comments, ICW_SECTION_BACKGROUND);
  g_autofree char *budget = icw_reviewer_notes_for_section (comments, ICW_SECTION_BUDGET);

  g_assert_cmpstr (goals, ==, "the targets are not measurable.\nadd yearly targets");
  g_assert_cmpstr (background, ==, "cite the sources");
  g_assert_null (budget);
  g_assert_null (icw_reviewer_notes_for_section (comments, ICW_SECTION_RISKS));
  g_assert_null (icw_reviewer_notes_for_section (NULL, ICW_SECTION_GOALS));

  g_object_ref_sink (pages);
  gtk_stack_add_named (pages, gtk_label_new ("goals"), "goals");
  gtk_stack_add_named (pages, gtk_label_new ("risks"), "risks");
  notes = ICW_REVIEWER_NOTES (g_object_ref_sink (icw_reviewer_notes_new (pages)));
  icw_application_set_reviewer_comments (application, comments);
  icw_reviewer_notes_set_application (notes, application);
  gtk_stack_set_visible_child_name (pages, "goals");
  g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "the targets are not measurable.\nadd yearly targets");
  gtk_stack_set_visible_child_name (pages, "risks");
  g_assert_null (icw_reviewer_notes_get_text (notes));
  /* New comments (a pull from the server) follow at once. */
  icw_application_set_reviewer_comments (application, "Risks and controls: name the market risks");
  g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "name the market risks");

  /* Anchored comments go beside their section by key, a field's beside the section it is on,
   * whatever the interface language; a general one stays in the banner. */
  {
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
    g_autofree char *text = NULL;

    g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, "整体尚可。", "李华", NULL, "returned"));
    g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_SECTION, "risks", "请补充市场风险。", "李华", NULL, "returned"));
    g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_FIELD, "section_goals", "目标不可考核。", "李华", NULL, "returned"));
    text = icw_review_comments_to_text (list);
    icw_application_set_reviewer_comments (application, text);
    g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "请补充市场风险。");
    gtk_stack_set_visible_child_name (pages, "goals");
    g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "目标不可考核。");
  }
  g_object_unref (notes);
  g_object_unref (pages);
}

/* The banner of a reviewed document: a returned one shows every comment, general and anchored,
 * with what each is about; the version reopened from it shows them too; an accepted version shows
 * its own outcome, never the return comments an earlier version carried. */
static void
test_review_banners (Fixture       *f,
                     gconstpointer  data)
{
  static const IcwDocumentBarTexts texts = { "_Check", "ready", "Submit?", "body", "submitted", "return",
                                             "locked", NULL, NULL };
  const char *center_id = icw_record_get_id (ICW_RECORD (f->center));
  const char *first = "1f8fad5b-d9cb-469f-a165-70867728950e", *other = "2f8fad5b-d9cb-469f-a165-70867728950e";
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"center_id\":\"%s\",\"lineage_id\":\"%s\",\"version\":1,"
                                           "\"status\":\"submitted\",\"title\":\"申请\"}", first, center_id, first);
  g_autofree char *carried = g_strdup_printf ("{\"id\":\"%s\",\"center_id\":\"%s\",\"lineage_id\":\"%s\",\"version\":1,"
                                              "\"status\":\"submitted\",\"title\":\"另一份\",\"reviewer_comments\":\"请完善。\"}",
                                              other, center_id, other);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  g_autofree char *comments = NULL;
  g_autoptr(IcwRecord) application = NULL;
  g_autoptr(IcwRecord) second = NULL;
  g_autoptr(IcwRecord) accepted = NULL;
  g_autoptr(GError) error = NULL;
  IcwDocumentBar *bar = ICW_DOCUMENT_BAR (g_object_ref_sink (icw_document_bar_new (f->a, &texts)));
  const char *banner;

  g_assert_true (icw_store_apply_remote (f->a, ICW_RECORD_KIND_APPLICATION, json, NULL, FALSE, &error));
  g_assert_true (icw_store_apply_remote (f->a, ICW_RECORD_KIND_APPLICATION, carried, NULL, FALSE, &error));
  g_assert_no_error (error);
  application = icw_store_lookup (f->a, ICW_RECORD_KIND_APPLICATION, first, &error);
  g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, "请按新版提纲修改。", "李华",
                                                 "2026-12-07T03:00:00Z", "returned"));
  g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_SECTION, "risks", "请补充市场风险。", "李华",
                                                 "2026-12-07T03:00:00Z", "returned"));
  comments = icw_review_comments_to_text (list);
  g_assert_true (icw_lifecycle_return (f->a, application, comments, &error));
  g_assert_no_error (error);
  icw_document_bar_set_record (bar, application);
  icw_document_bar_update (bar);
  banner = icw_document_bar_get_banner (bar);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "Returned"));
  g_assert_nonnull (strstr (banner, "Whole document (李华, 2026-12-07 03:00 UTC): 请按新版提纲修改。"));
  g_assert_nonnull (strstr (banner, "Risks and controls (李华, 2026-12-07 03:00 UTC): 请补充市场风险。"));
  g_assert_null (strstr (banner, "icw-review-comments"));

  second = icw_lifecycle_reopen (f->a, application, &error);
  g_assert_no_error (error);
  icw_document_bar_set_record (bar, second);
  icw_document_bar_update (bar);
  banner = icw_document_bar_get_banner (bar);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "Version 1 was returned with these comments:"));
  g_assert_nonnull (strstr (banner, "请补充市场风险。"));

  /* Beside its section in the reopened version, read from version 1. */
  {
    GtkStack *pages = GTK_STACK (g_object_ref_sink (gtk_stack_new ()));
    IcwReviewerNotes *notes = ICW_REVIEWER_NOTES (g_object_ref_sink (icw_reviewer_notes_new (pages)));

    gtk_stack_add_named (pages, gtk_label_new ("risks"), "risks");
    gtk_stack_set_visible_child_name (pages, "risks");
    icw_reviewer_notes_set_application (notes, ICW_APPLICATION (second));
    g_assert_null (icw_reviewer_notes_get_text (notes));
    g_object_set (notes, "store", f->a, NULL);
    g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "请补充市场风险。");
    g_object_unref (notes);
    g_object_unref (pages);
  }

  /* Submitted carrying an earlier version's text (as older workbenches copied it), accepted
   * without a comment: its banner says accepted and nothing of the return. */
  accepted = icw_store_lookup (f->a, ICW_RECORD_KIND_APPLICATION, other, &error);
  g_assert_true (icw_lifecycle_accept (f->a, accepted, NULL, &error));
  g_assert_no_error (error);
  icw_document_bar_set_record (bar, accepted);
  icw_document_bar_update (bar);
  banner = icw_document_bar_get_banner (bar);
  g_assert_nonnull (strstr (banner, "Accepted"));
  g_assert_null (strstr (banner, "请完善"));
  g_object_unref (bar);

  /* An agreement's comment on one of its pages goes beside that page. */
  {
    const char *agreement_id = "3f8fad5b-d9cb-469f-a165-70867728950e";
    g_autofree char *agreement_json = NULL;
    g_autoptr(GPtrArray) anchored = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
    g_autofree char *text = NULL;
    g_autoptr(IcwRecord) agreement = NULL;
    GtkStack *pages = GTK_STACK (g_object_ref_sink (gtk_stack_new ()));
    IcwReviewerNotes *notes = ICW_REVIEWER_NOTES (g_object_ref_sink (icw_reviewer_notes_new (pages)));

    g_ptr_array_add (anchored, icw_review_comment_new (ICW_ANCHOR_SECTION, "background-ip", "请列明背景知识产权。",
                                                       "李华", NULL, "returned"));
    text = icw_review_comments_to_text (anchored);
    agreement_json = g_strdup_printf ("{\"id\":\"%s\",\"center_id\":\"%s\",\"lineage_id\":\"%s\",\"version\":1,"
                                      "\"status\":\"draft\",\"title\":\"协议\"}", agreement_id, center_id, agreement_id);
    g_assert_true (icw_store_apply_remote (f->a, ICW_RECORD_KIND_IP_AGREEMENT, agreement_json, NULL, FALSE, &error));
    g_assert_no_error (error);
    agreement = icw_store_lookup (f->a, ICW_RECORD_KIND_IP_AGREEMENT, agreement_id, &error);
    g_object_set (agreement, "reviewer-comments", text, NULL);
    gtk_stack_add_named (pages, gtk_label_new ("parties"), "parties");
    gtk_stack_add_named (pages, gtk_label_new ("background-ip"), "background-ip");
    icw_reviewer_notes_set_record (notes, agreement);
    g_assert_null (icw_reviewer_notes_get_text (notes));
    gtk_stack_set_visible_child_name (pages, "background-ip");
    g_assert_cmpstr (icw_reviewer_notes_get_text (notes), ==, "请列明背景知识产权。");
    g_object_unref (notes);
    g_object_unref (pages);
  }
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The Sync Account window (a template) shows the controller's server and state, and its buttons
 * reach the controller: Sync Now syncs; a refused sign-in is said under the fields. */
static void
test_account_dialog (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwSyncController) controller = NULL;
  GtkWidget *dialog, *sync_now, *sign_in, *url, *error_label;
  AdwActionRow *status;

  g_settings_set_string (f->settings, "sync-server-url", f->url);
  g_setenv ("ICW_TOKEN", f->admin, TRUE);
  controller = icw_sync_controller_new (f->a, f->settings);
  icw_sync_controller_set_delay (controller, 60000);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_SYNCED);

  dialog = icw_account_dialog_new (NULL, controller);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  url = icw_test_first_of_type (dialog, GTK_TYPE_ENTRY);
  g_assert_nonnull (url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url)), ==, f->url);
  status = ADW_ACTION_ROW (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (
             icw_test_find_button (dialog, "Sync _Now")))));
  g_assert_true (ADW_IS_ACTION_ROW (status));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)), ==,
                   icw_sync_state_to_label (ICW_SYNC_STATE_SYNCED));
  /* The subtitle says when, not the state again ("Synced. Last synced …" under "Synced"). */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (status), "Last synced "));

  sync_now = icw_test_find_button (dialog, "Sync _Now");
  g_assert_true (gtk_widget_get_sensitive (sync_now));
  gtk_widget_activate (sync_now);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_SYNCING);
  icw_test_wait_sync_state (controller, ICW_SYNC_STATE_SYNCED);

  /* A server address that is not one: refused, and said under the fields. */
  gtk_editable_set_text (GTK_EDITABLE (url), "not a server address");
  sign_in = icw_test_find_button (dialog, "_Sign In");
  g_assert_nonnull (sign_in);
  gtk_widget_activate (sign_in);
  /* The error label stands above the buttons' box (resources/ui/icw-account-dialog.ui). */
  error_label = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (sign_in)));
  g_assert_true (GTK_IS_LABEL (error_label));
  for (guint i = 0; i < 500 && !gtk_widget_get_visible (error_label); i++)
    {
      spin ();
      g_usleep (10000);
    }
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_get_sensitive (sign_in));

  /* The right address and token: the window says where the user is signed in, and the emptied
   * token field says the token is kept. */
  gtk_editable_set_text (GTK_EDITABLE (url), f->url);
  gtk_editable_set_text (GTK_EDITABLE (icw_test_first_of_type (dialog, GTK_TYPE_PASSWORD_ENTRY)), f->admin);
  gtk_widget_activate (sign_in);
  for (guint i = 0; i < 1000 && !gtk_widget_has_css_class (error_label, "success"); i++)
    {
      spin ();
      g_usleep (10000);
    }
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (error_label, "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error_label)), "Signed in to http://127.0.0.1:"));
  {
    g_autofree char *placeholder = NULL;

    g_object_get (icw_test_first_of_type (dialog, GTK_TYPE_PASSWORD_ENTRY), "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Kept in the keyring; paste a new token to replace it");
  }

  g_unsetenv ("ICW_TOKEN");
  gtk_window_destroy (GTK_WINDOW (dialog));
  icw_sync_controller_shutdown (controller);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  /* The desktop's proxy settings are not in the test environment; loopback needs none. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  icw_test_ui_init (&argc, &argv);

  g_test_add ("/ui-sync/conflicts-view", Fixture, NULL, fixture_set_up, test_conflicts_view, fixture_tear_down);
  g_test_add ("/ui-sync/refused-in-view", Fixture, NULL, fixture_set_up, test_refused_in_view, fixture_tear_down);
  g_test_add ("/ui-sync/review-outcome-offered", Fixture, NULL, fixture_set_up, test_review_outcome_offered, fixture_tear_down);
  g_test_add ("/ui-sync/account-dialog", Fixture, NULL, fixture_set_up, test_account_dialog, fixture_tear_down);
  g_test_add_func ("/ui-sync/reviewer-notes", test_reviewer_notes);
  g_test_add ("/ui-sync/review-banners", Fixture, NULL, fixture_set_up, test_review_banners, fixture_tear_down);
  return g_test_run ();
}
