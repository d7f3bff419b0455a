/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-agreements.c: in-process tests of the agreement editor's widgets: the line under the
 * revenue shares as they are typed (before they are saved), the two splits, a check finding that
 * opens its field, a submitted agreement shown read-only, and the party picker offering the
 * center's company, its shareholders and its alliance members. Real SQLite, the sample center. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-agreement-editor.h"
#include "icw-agreement-guide-dialog.h"
#include "icw-agreement-guide.h"
#include "icw-agreement-parties-group.h"
#include "icw-agreement-party.h"
#include "icw-alliance-member.h"
#include "icw-field-row.h"
#include "icw-ip-agreement.h"
#include "icw-lifecycle.h"
#include "icw-member-picker.h"
#include "icw-shareholder.h"
#include "icw-sample.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"
#include "icw-text-section.h"

typedef struct {
  char *dir;
  char *path;
  IcwStore *store;
  IcwCenter *center;
  IcwIpAgreement *agreement;
  GPtrArray *parties;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = NULL;

  fixture->dir = icw_test_make_tmp_dir ("icw-ui-agreements-XXXXXX", &fixture->path);
  fixture->store = icw_test_open_store (fixture->path);
  fixture->center = icw_sample_load (fixture->store, &error);
  g_assert_no_error (error);

  /* A new agreement among the first three members of the sample center, no shares yet. */
  fixture->agreement = icw_ip_agreement_new ();
  icw_ip_agreement_set_center_id (fixture->agreement, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_ip_agreement_set_title (fixture->agreement, "Test agreement");
  icw_test_save (fixture->store, fixture->agreement);
  members = icw_store_list (fixture->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, icw_record_get_id (ICW_RECORD (fixture->center)));
  fixture->parties = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);
      IcwAgreementParty *party = icw_agreement_party_new ();

      icw_agreement_party_set_agreement_id (party, icw_record_get_id (ICW_RECORD (fixture->agreement)));
      icw_agreement_party_set_organization_id (party, icw_alliance_member_get_organization_id (member));
      icw_agreement_party_set_contribution_fen (party, (i + 1) * 100000000);   /* 100, 200, 300 万元 */
      icw_test_save (fixture->store, party);
      g_ptr_array_add (fixture->parties, party);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->parties, g_ptr_array_unref);
  g_clear_object (&fixture->agreement);
  g_clear_object (&fixture->center);
  g_clear_object (&fixture->store);
  icw_test_clear_tmp_dir (&fixture->dir, &fixture->path);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
saved_share (Fixture *fixture,
             guint    i)
{
  g_autoptr(IcwStore) other = icw_test_open_store (fixture->path);
  g_autoptr(IcwRecord) party = icw_store_lookup (other, ICW_RECORD_KIND_AGREEMENT_PARTY,
                                                 icw_record_get_id (fixture->parties->pdata[i]), NULL);

  g_assert_nonnull (party);
  return icw_agreement_party_get_share_bp (ICW_AGREEMENT_PARTY (party));
}

/* The share entries of the group, in the parties' order: the field rows of a list of their own
 * (the parties' other fields are inside their expanders). */
static GPtrArray *
share_rows (GtkWidget *widget,
            GPtrArray *found)
{
  if (found == NULL)
    found = g_ptr_array_new ();
  if (ICW_IS_FIELD_ROW (widget) && GTK_IS_LIST_BOX (gtk_widget_get_parent (widget)) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) == NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    share_rows (child, found);
  return found;
}

static void
test_shares_text (void)
{
  gint64 exact[] = { 3334, 3333, 3333 };
  gint64 short_by_one[] = { 5000, 4999 };
  gint64 over[] = { 6000, 4500 };
  gboolean is_exact = TRUE;
  g_autofree char *a = icw_agreement_shares_text (exact, 3, &is_exact);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_cmpstr (a, ==, "Shares total 100.00%");
  g_assert_true (is_exact);
  b = icw_agreement_shares_text (short_by_one, 2, &is_exact);
  g_assert_cmpstr (b, ==, "Remainder 0.01%");
  g_assert_false (is_exact);
  c = icw_agreement_shares_text (over, 2, &is_exact);
  g_assert_cmpstr (c, ==, "Over 100.00% by 5.00%");
  g_assert_false (is_exact);
  d = icw_agreement_shares_text (NULL, 0, &is_exact);
  g_assert_false (is_exact);
  g_assert_nonnull (strstr (d, "No parties"));
}

/* The remainder follows what is typed at once; what is saved follows after the pause. */
static void
test_remainder_as_typed (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *group = g_object_ref_sink (icw_agreement_parties_group_new (fixture->store, ICW_MONEY_UNIT_WAN));
  IcwAgreementPartiesGroup *parties = ICW_AGREEMENT_PARTIES_GROUP (group);
  g_autoptr(GPtrArray) rows = NULL;
  const char *typed[] = { "50", "30", "10" };

  icw_agreement_parties_group_set_agreement (parties, fixture->agreement);
  rows = share_rows (group, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Remainder 100.00%");

  for (guint i = 0; i < 3; i++)
    gtk_editable_set_text (icw_field_row_get_editable (rows->pdata[i]), typed[i]);
  /* Not saved yet, already counted. */
  g_assert_cmpint (saved_share (fixture, 0), ==, 0);
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Remainder 10.00%");

  gtk_editable_set_text (icw_field_row_get_editable (rows->pdata[0]), "70");
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Over 100.00% by 10.00%");
  gtk_editable_set_text (icw_field_row_get_editable (rows->pdata[0]), "60");
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Shares total 100.00%");

  /* Half-typed text counts as the saved share until it parses. */
  gtk_editable_set_text (icw_field_row_get_editable (rows->pdata[2]), "1x");
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Remainder 10.00%");
  gtk_editable_set_text (icw_field_row_get_editable (rows->pdata[2]), "10");

  icw_agreement_parties_group_flush (parties);
  g_assert_cmpint (saved_share (fixture, 0), ==, 6000);
  g_assert_cmpint (saved_share (fixture, 1), ==, 3000);
  g_assert_cmpint (saved_share (fixture, 2), ==, 1000);
  g_object_run_dispose (G_OBJECT (group));
  g_object_unref (group);
}

static void
test_splits (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *group = g_object_ref_sink (icw_agreement_parties_group_new (fixture->store, ICW_MONEY_UNIT_WAN));
  IcwAgreementPartiesGroup *parties = ICW_AGREEMENT_PARTIES_GROUP (group);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  icw_agreement_parties_group_set_agreement (parties, fixture->agreement);
  g_assert_true (icw_agreement_parties_group_split (parties, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (saved_share (fixture, 0), ==, 3334);
  g_assert_cmpint (saved_share (fixture, 1), ==, 3333);
  g_assert_cmpint (saved_share (fixture, 2), ==, 3333);
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Shares total 100.00%");
  rows = share_rows (group, NULL);
  g_assert_cmpstr (gtk_editable_get_text (icw_field_row_get_editable (rows->pdata[0])), ==, "33.34%");

  /* Contributions of 100, 200 and 300 万元: a sixth, a third and a half. */
  g_assert_true (icw_agreement_parties_group_split (parties, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (saved_share (fixture, 0), ==, 1667);
  g_assert_cmpint (saved_share (fixture, 1), ==, 3333);
  g_assert_cmpint (saved_share (fixture, 2), ==, 5000);
  g_assert_cmpstr (icw_agreement_parties_group_get_total_text (parties), ==, "Shares total 100.00%");

  /* No contributions at all: refused with a message, the shares stay as they were. */
  for (guint i = 0; i < 3; i++)
    {
      icw_agreement_party_set_contribution_fen (fixture->parties->pdata[i], 0);
      icw_test_save (fixture->store, fixture->parties->pdata[i]);
    }
  g_assert_false (icw_agreement_parties_group_split (parties, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (saved_share (fixture, 2), ==, 5000);
  g_object_run_dispose (G_OBJECT (group));
  g_object_unref (group);
}

/* The editor in a window: a finding about the shares opens the parties page and focuses the
 * first share; a submitted agreement is read-only. */
static void
test_editor_field_and_lock (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = icw_agreement_editor_new (fixture->store, ICW_MONEY_UNIT_WAN);
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (editor);
  GtkWidget *parties_page, *clauses, *focus;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_present (GTK_WINDOW (window));
  icw_agreement_editor_set_agreement (self, ICW_RECORD (fixture->agreement));
  iterate ();
  g_assert_true (icw_agreement_editor_is_editable (self));

  g_assert_true (icw_agreement_editor_show_field (self, "terms"));
  g_assert_cmpstr (icw_agreement_editor_get_visible_page (self), ==, "terms");
  field = g_strdup_printf ("parties/%s/share", icw_record_get_id (fixture->parties->pdata[1]));
  g_assert_true (icw_agreement_editor_show_field (self, field));
  g_assert_cmpstr (icw_agreement_editor_get_visible_page (self), ==, "parties");
  iterate ();
  parties_page = icw_agreement_editor_get_page (self, "parties");
  rows = share_rows (parties_page, NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, rows->pdata[1]));

  /* Submitted: the store refuses changes, and the editor offers none. */
  for (guint i = 0; i < 3; i++)
    {
      icw_agreement_party_set_share_bp (fixture->parties->pdata[i], i == 0 ? 3334 : 3333);
      icw_test_save (fixture->store, fixture->parties->pdata[i]);
    }
  icw_ip_agreement_set_status (fixture->agreement, ICW_APPLICATION_STATUS_READY);
  /* A submission that fails is a failure of this test, not a reason to skip it. */
  icw_test_save (fixture->store, ICW_RECORD (fixture->agreement));
  icw_lifecycle_submit (fixture->store, ICW_RECORD (fixture->agreement), &error);
  g_assert_no_error (error);
  iterate ();
  g_assert_false (icw_lifecycle_is_editable (ICW_RECORD (fixture->agreement)));
  g_assert_false (icw_agreement_editor_is_editable (self));
  g_assert_false (gtk_widget_is_sensitive (rows->pdata[0]));
  clauses = icw_agreement_editor_get_page (self, "special-clauses");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (icw_test_first_of_type (clauses, GTK_TYPE_TEXT_VIEW))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The labels under widget drawn cut short (ellipsized). */
static void
cut_labels (GtkWidget *widget,
            GString   *cut)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (cut, "“%s”\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    cut_labels (child, cut);
}

/* Each term's chosen value is read whole, the longest ones included ("A leaving party keeps its
 * rights in earlier results" was cut to "A leaving party keeps …" at 1280 px), with the editor
 * as wide as it is in a window of 1280 px (the window's sidebar and list take 446 px). */
static void
test_terms_values_whole (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = icw_agreement_editor_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();

  icw_ip_agreement_set_patent_costs (fixture->agreement, ICW_PATENT_COSTS_REVENUE_SHARES);
  icw_ip_agreement_set_exit_terms (fixture->agreement, ICW_EXIT_KEEP_RIGHTS);
  icw_test_save (fixture->store, ICW_RECORD (fixture->agreement));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280 - 446, 800);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_present (GTK_WINDOW (window));
  icw_agreement_editor_set_agreement (ICW_AGREEMENT_EDITOR (editor), ICW_RECORD (fixture->agreement));
  g_assert_true (icw_agreement_editor_show_field (ICW_AGREEMENT_EDITOR (editor), "terms"));
  /* Until the rows show their values (the page is filled over the next frames). */
  {
    gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    g_autoptr(GString) texts = g_string_new (NULL);

    while (strstr (texts->str, "A leaving party keeps its rights") == NULL && g_get_monotonic_time () < give_up)
      {
        icw_test_ui_iterate ();
        g_string_truncate (texts, 0);
        icw_test_label_texts (icw_agreement_editor_get_page (ICW_AGREEMENT_EDITOR (editor), "terms"), texts);
      }
    g_assert_nonnull (strstr (texts->str, "A leaving party keeps its rights in earlier results"));
  }
  icw_test_ui_iterate ();
  icw_test_all_of_type (icw_agreement_editor_get_page (ICW_AGREEMENT_EDITOR (editor), "terms"), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, >=, 3);
  cut_labels (icw_agreement_editor_get_page (ICW_AGREEMENT_EDITOR (editor), "terms"), cut);
  g_assert_cmpstr (cut->str, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The guided start (a template) shows the agreement's last answers; Apply saves the terms the
 * answers propose and the answers, and a second start shows them again. */
static void
test_guide_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *anchor = gtk_button_new ();
  IcwAgreementGuideDialog *dialog;
  IcwGuideAnswers answers = { ICW_N_GUIDE_IDEAS - 1, ICW_N_GUIDE_FUNDS - 1, ICW_N_GUIDE_EXPLOITS - 1, TRUE, TRUE };
  IcwGuideAnswers saved = { 0 };
  IcwGuideProposal proposal = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(IcwRecord) reread = NULL;

  gtk_window_set_child (GTK_WINDOW (window), anchor);
  dialog = icw_agreement_guide_dialog_present (anchor, fixture->store, fixture->agreement);
  iterate ();
  g_assert_nonnull (icw_test_combo_titled (GTK_WIDGET (dialog), "Whose idea is the work built on?"));
  adw_combo_row_set_selected (icw_test_combo_titled (GTK_WIDGET (dialog), "Whose idea is the work built on?"), answers.idea);
  adw_combo_row_set_selected (icw_test_combo_titled (GTK_WIDGET (dialog), "Who funds it?"), answers.funds);
  adw_combo_row_set_selected (icw_test_combo_titled (GTK_WIDGET (dialog), "Who will exploit the results?"), answers.exploit);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (
    gtk_widget_get_ancestor (icw_test_first_of_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH), ADW_TYPE_ACTION_ROW)))), TRUE);
  iterate ();
  g_assert_true (icw_agreement_guide_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  other = icw_test_open_store (fixture->path);
  reread = icw_store_lookup (other, ICW_RECORD_KIND_IP_AGREEMENT, icw_record_get_id (ICW_RECORD (fixture->agreement)), &error);
  g_assert_no_error (error);
  g_assert_true (icw_guide_answers_from_json (icw_ip_agreement_get_guide_answers (ICW_IP_AGREEMENT (reread)), &saved));
  g_assert_cmpint (saved.idea, ==, answers.idea);
  g_assert_cmpint (saved.funds, ==, answers.funds);
  g_assert_cmpint (saved.exploit, ==, answers.exploit);
  g_assert_true (saved.fast_moving);
  icw_agreement_guide_propose (&saved, &proposal);
  g_assert_cmpint (icw_ip_agreement_get_ownership (ICW_IP_AGREEMENT (reread)), ==, proposal.ownership);
  g_assert_cmpint (icw_ip_agreement_get_patent_costs (ICW_IP_AGREEMENT (reread)), ==, proposal.patent_costs);
  icw_guide_proposal_clear (&proposal);

  /* Started again, the guide shows the answers given. */
  dialog = icw_agreement_guide_dialog_present (anchor, fixture->store, fixture->agreement);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (icw_test_combo_titled (GTK_WIDGET (dialog), "Who funds it?")), ==, answers.funds);
  g_assert_cmpuint (adw_combo_row_get_selected (icw_test_combo_titled (GTK_WIDGET (dialog), "Who will exploit the results?")), ==, answers.exploit);
  /* Each answer, a sentence, is shown whole under its question (beside it, it was cut to 20
   * characters: "Several parties' toge…"). */
  {
    static const char * const questions[] = { "Whose idea is the work built on?", "Who funds it?", "Who will exploit the results?" };

    for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
      {
        AdwComboRow *row = icw_test_combo_titled (GTK_WIDGET (dialog), questions[i]);
        GtkStringObject *chosen = adw_combo_row_get_selected_item (row);

        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, gtk_string_object_get_string (chosen));
      }
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The organization IDs the picker's buttons choose, each with its button. */
static void
picker_buttons (GtkWidget  *widget,
                GHashTable *found)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "picker.choose") == 0)
    g_hash_table_insert (found, g_variant_dup_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), NULL),
                         widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    picker_buttons (child, found);
}

static void
on_chosen (IcwMemberPicker *picker,
           const char      *organization_id,
           char           **chosen)
{
  g_free (*chosen);
  *chosen = g_strdup (organization_id);
}

/* 273号's members: the center's company (依托公司), its shareholders and its alliance members are
 * offered, each once, those already parties are not; the company chosen is saved as a party. */
static void
test_party_picker (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *center_id = icw_record_get_id (ICW_RECORD (fixture->center));
  const char *host = icw_center_get_host_organization_id (fixture->center);
  g_autoptr(GListModel) holders = icw_store_list (fixture->store, ICW_RECORD_KIND_SHAREHOLDER, center_id);
  g_autoptr(GListModel) members = icw_store_list (fixture->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) excluded = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autoptr(IcwAgreementParty) party = icw_agreement_party_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *anchor = gtk_button_new ();
  IcwMemberPicker *picker;
  guint not_members = 0;
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (host);
  g_hash_table_add (expected, (gpointer) host);
  for (guint i = 0; i < g_list_model_get_n_items (holders); i++)
    {
      g_autoptr(IcwShareholder) holder = g_list_model_get_item (holders, i);

      g_hash_table_add (expected, (gpointer) g_intern_string (icw_shareholder_get_organization_id (holder)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);

      g_hash_table_add (expected, (gpointer) g_intern_string (icw_alliance_member_get_organization_id (member)));
    }
  /* The sample's company and some shareholders are not alliance members: the old picker left them out. */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean member = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(IcwAllianceMember) m = g_list_model_get_item (members, i);

          member = member || g_strcmp0 (icw_alliance_member_get_organization_id (m), key) == 0;
        }
      not_members += member ? 0 : 1;
    }
  g_assert_cmpuint (not_members, >=, 1);
  for (guint i = 0; i < fixture->parties->len; i++)
    {
      const char *id = icw_agreement_party_get_organization_id (fixture->parties->pdata[i]);

      g_ptr_array_add (excluded, (gpointer) id);
      g_hash_table_remove (expected, g_intern_string (id));
    }

  gtk_window_set_child (GTK_WINDOW (window), anchor);
  gtk_window_present (GTK_WINDOW (window));
  picker = icw_member_picker_new (anchor, fixture->store, center_id, (const char * const *) excluded->pdata);
  g_signal_connect (picker, "chosen", G_CALLBACK (on_chosen), &chosen);
  gtk_window_present (GTK_WINDOW (picker));
  iterate ();
  picker_buttons (GTK_WIDGET (picker), offered);
  g_assert_cmpuint (g_hash_table_size (offered), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (offered, key));
  for (guint i = 0; i < fixture->parties->len; i++)
    g_assert_false (g_hash_table_contains (offered, icw_agreement_party_get_organization_id (fixture->parties->pdata[i])));

  /* The company's button says what it is, and choosing it names it. */
  {
    GtkWidget *button = g_hash_table_lookup (offered, host);
    GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
    GtkWidget *caption = gtk_widget_get_last_child (box);

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (caption)), "Center's company"));
    g_signal_emit_by_name (button, "clicked");
  }
  iterate ();
  g_assert_cmpstr (chosen, ==, host);

  icw_agreement_party_set_agreement_id (party, icw_record_get_id (ICW_RECORD (fixture->agreement)));
  icw_agreement_party_set_organization_id (party, chosen);
  g_assert_true (icw_store_save (fixture->store, ICW_RECORD (party), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui-agreements/shares-text", test_shares_text);
  g_test_add ("/ui-agreements/remainder-as-typed", Fixture, NULL, fixture_set_up, test_remainder_as_typed, fixture_tear_down);
  g_test_add ("/ui-agreements/party-picker", Fixture, NULL, fixture_set_up, test_party_picker, fixture_tear_down);
  g_test_add ("/ui-agreements/guide-dialog", Fixture, NULL, fixture_set_up, test_guide_dialog, fixture_tear_down);
  g_test_add ("/ui-agreements/splits", Fixture, NULL, fixture_set_up, test_splits, fixture_tear_down);
  g_test_add ("/ui-agreements/terms-values-whole", Fixture, NULL, fixture_set_up, test_terms_values_whole, fixture_tear_down);
  g_test_add ("/ui-agreements/editor-field-and-lock", Fixture, NULL, fixture_set_up, test_editor_field_and_lock, fixture_tear_down);

  return g_test_run ();
}
