/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui.c: in-process tests of the widgets, for what the end-to-end tests cannot reach through
 * AT-SPI on GTK 4.8 (switches expose no action). The figures and warnings under a center's tables
 * are tested without a display in test-center-summaries.c. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-application-attachments-page.h"
#include "icw-application-outline-group.h"
#include "icw-attachment.h"
#include "icw-check-panel.h"
#include "icw-finding.h"
#include "icw-agreement-terms-page.h"
#include "icw-application.h"
#include "icw-center-editor.h"
#include "icw-compare-dialog.h"
#include "icw-document-editor.h"
#include "icw-field-row.h"
#include "icw-ip-agreement.h"
#include "icw-organization.h"
#include "icw-organization-editor.h"
#include "icw-record-form.h"
#include "icw-register-page.h"
#include "icw-report-new-dialog.h"
#include "icw-rule-packs-group.h"
#include "icw-shareholder.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"
#include "icw-window.h"

/* The sample center in a store of its own (icw-test-util.h). */
typedef IcwTestSample Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What the database holds, read through a second connection. */
static IcwRecord *
reread (Fixture       *fixture,
        IcwRecordKind  kind,
        const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) other = icw_test_open_store (fixture->path);
  IcwRecord *record;

  record = icw_store_lookup (other, kind, id, &error);
  g_assert_no_error (error);
  return record;
}

static IcwShareholder *
first_shareholder (Fixture *fixture)
{
  g_autoptr(GListModel) holders = icw_store_list (fixture->store, ICW_RECORD_KIND_SHAREHOLDER,
                                                  icw_record_get_id (ICW_RECORD (fixture->center)));
  return g_list_model_get_item (holders, 0);
}

/* A switch (which AT-SPI cannot toggle on GTK 4.8) saves at once. */
static void
test_switch_saves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) members = icw_store_list (fixture->store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                                  icw_record_get_id (ICW_RECORD (fixture->center)));
  g_autoptr(IcwAllianceMember) member = NULL;
  g_autoptr(IcwRecordForm) form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autoptr(IcwRecord) saved = NULL;
  GtkWidget *row;
  GtkSwitch *toggle;

  for (guint i = 0; member == NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) candidate = g_list_model_get_item (members, i);
      if (!icw_alliance_member_get_agreement_signed (candidate))
        member = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (member);

  row = g_object_ref_sink (icw_record_form_add_switch (form, "agreement-signed", "Alliance agreement signed"));
  icw_record_form_set_record (form, ICW_RECORD (member));
  toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_false (gtk_switch_get_active (toggle));

  gtk_switch_set_active (toggle, TRUE);
  iterate ();
  g_assert_true (icw_alliance_member_get_agreement_signed (member));
  saved = reread (fixture, ICW_RECORD_KIND_ALLIANCE_MEMBER, icw_record_get_id (ICW_RECORD (member)));
  g_assert_true (icw_alliance_member_get_agreement_signed (ICW_ALLIANCE_MEMBER (saved)));
  g_object_unref (row);
}

/* A refused value is shown beside its field; the saved value stays; a good value clears it. */
static void
test_invalid_value_stays_beside_field (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(IcwShareholder) holder = first_shareholder (fixture);
  g_autoptr(IcwRecordForm) form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autoptr(IcwRecord) saved = NULL;
  g_autoptr(IcwRecord) saved2 = NULL;
  gint64 before = icw_shareholder_get_share_bp (holder);
  IcwFieldRow *row;
  const char *subtitle;

  row = ICW_FIELD_ROW (g_object_ref_sink (icw_record_form_add_text (form, "share-bp", "Share", ICW_FIELD_PERCENT)));
  icw_record_form_set_record (form, ICW_RECORD (holder));

  gtk_editable_set_text (icw_field_row_get_editable (row), "120");
  icw_field_row_flush (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (strstr (subtitle, "Share"));
  g_assert_cmpint (icw_shareholder_get_share_bp (holder), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (icw_field_row_get_editable (row)), ==, "120");
  saved = reread (fixture, ICW_RECORD_KIND_SHAREHOLDER, icw_record_get_id (ICW_RECORD (holder)));
  g_assert_cmpint (icw_shareholder_get_share_bp (ICW_SHAREHOLDER (saved)), ==, before);

  gtk_editable_set_text (icw_field_row_get_editable (row), "12,5");
  icw_field_row_flush (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "grouping"));

  gtk_editable_set_text (icw_field_row_get_editable (row), "12.5");
  icw_field_row_flush (row);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpint (icw_shareholder_get_share_bp (holder), ==, 1250);
  saved2 = reread (fixture, ICW_RECORD_KIND_SHAREHOLDER, icw_record_get_id (ICW_RECORD (holder)));
  g_assert_cmpint (icw_shareholder_get_share_bp (ICW_SHAREHOLDER (saved2)), ==, 1250);
  g_object_unref (row);
}

/* The mapped label under ROOT that reads TEXT, or NULL. */
static GtkLabel *
mapped_label (GtkWidget  *root,
              const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = mapped_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ROW's chosen value beside its title, whole: never under it with an empty drop-down beside (the
 * English "Upgrade to a national center" was), nor cut. */
static void
assert_chosen_beside_title (AdwComboRow *row)
{
  gpointer chosen = adw_combo_row_get_selected_item (row);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) text = G_VALUE_INIT;
  GtkLabel *shown;

  g_assert_nonnull (chosen);
  if (expression != NULL)
    g_assert_true (gtk_expression_evaluate (expression, chosen, &text));
  else
    {
      g_value_init (&text, G_TYPE_STRING);
      g_value_set_string (&text, gtk_string_object_get_string (chosen));
    }
  for (int j = 0; j < 20; j++)
    iterate ();
  g_assert_false (adw_combo_row_get_use_subtitle (row));
  shown = mapped_label (GTK_WIDGET (row), g_value_get_string (&text));
  g_assert_nonnull (shown);
  g_assert_cmpint (gtk_label_get_ellipsize (shown), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (shown)));
}

static void
on_report_created (IcwReport *report,
                   gpointer   user_data)
{
}

/* A drop-down shows its chosen value beside its title, whole, short or long (wider than the 20
 * characters libadwaita shows there: it wraps): a form's, the agreement's party bearing the costs,
 * New Report's center (objects named by the row's expression). */
static void
test_choice_value_beside_title (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *const levels[] = { "Provincial", "National", "National-local co-built", NULL };
  g_autoptr(IcwRecordForm) form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  AdwComboRow *row;

  row = ADW_COMBO_ROW (icw_record_form_add_choice (form, "level", "Level", gtk_string_list_new (levels)));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  gtk_window_present (GTK_WINDOW (window));
  icw_record_form_set_record (form, ICW_RECORD (fixture->center));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, ICW_CENTER_LEVEL_PROVINCIAL);
  for (guint i = 0; i < G_N_ELEMENTS (levels) - 1; i++)
    {
      adw_combo_row_set_selected (row, i);
      assert_chosen_beside_title (row);
    }
  gtk_window_destroy (GTK_WINDOW (window));

  /* The agreement's party bearing the patent costs: an organization's long name. */
  {
    g_autoptr(GListModel) agreements = icw_store_list (fixture->store, ICW_RECORD_KIND_IP_AGREEMENT, NULL);
    g_autoptr(IcwIpAgreement) agreement = g_list_model_get_item (agreements, 0);
    g_autoptr(IcwRecordForm) terms_form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
    GtkWidget *terms = icw_agreement_terms_page_new (terms_form, fixture->store);
    AdwComboRow *cost_party = ADW_COMBO_ROW (icw_agreement_terms_page_get_cost_party (ICW_AGREEMENT_TERMS_PAGE (terms)));

    g_assert_nonnull (agreement);
    window = gtk_window_new ();
    gtk_window_set_child (GTK_WINDOW (window), terms);
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
    gtk_window_present (GTK_WINDOW (window));
    /* The row is shown for costs borne by a named party. */
    icw_ip_agreement_set_patent_costs (agreement, ICW_PATENT_COSTS_NAMED_PARTY);
    icw_record_form_set_record (terms_form, ICW_RECORD (agreement));
    icw_agreement_terms_page_show (ICW_AGREEMENT_TERMS_PAGE (terms), agreement);
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (cost_party)), >, 0);
    if (adw_combo_row_get_selected (cost_party) == GTK_INVALID_LIST_POSITION)
      adw_combo_row_set_selected (cost_party, 0);
    assert_chosen_beside_title (cost_party);
    icw_test_save_png (window, "choice-cost-party");
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* New Report's center: a center's name, by the row's expression. */
  {
    GtkWidget *parent = gtk_window_new ();
    GtkWidget *dialog = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwComboRow *center;

    gtk_window_present (GTK_WINDOW (parent));
    icw_report_new_dialog_present (parent, fixture->store, on_report_created, NULL);
    iterate ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          dialog = toplevel;
      }
    g_assert_nonnull (dialog);
    center = ADW_COMBO_ROW (icw_test_first_shown_of_type (dialog, ADW_TYPE_COMBO_ROW));
    g_assert_nonnull (center);
    assert_chosen_beside_title (center);
    gtk_window_destroy (GTK_WINDOW (dialog));
    gtk_window_destroy (GTK_WINDOW (parent));
    iterate ();
  }
}

/* Each empty register's page has an icon of its own saying what is missing (they all showed the
 * application's), symbolic, from the icon theme. */
static void
test_empty_page_icons (void)
{
  g_autofree char *db_path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("icw-ui-empty-XXXXXX", &db_path);
  g_autoptr(IcwStore) store = icw_test_open_store (db_path);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *pages[] = {
    icw_register_page_new_centers (store, ICW_MONEY_UNIT_WAN),
    icw_register_page_new_organizations (store),
    icw_register_page_new_applications (store),
    icw_register_page_new_agreements (store, ICW_MONEY_UNIT_WAN),
    icw_register_page_new_funding (store, settings),
  };
  g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);
  /* Debian 12's Adwaita itself: the test's isolated folders hide the system's themes. */
  g_autoptr(GtkIconTheme) theme = gtk_icon_theme_new ();
  const char * const search_path[] = { "/usr/share/icons", NULL };

  gtk_icon_theme_set_search_path (theme, search_path);
  gtk_icon_theme_set_theme_name (theme, "Adwaita");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *status;
      const char *icon;

      g_object_ref_sink (pages[i]);
      icw_test_ui_iterate ();
      status = icw_test_first_of_type (pages[i], ADW_TYPE_STATUS_PAGE);
      g_assert_nonnull (status);
      icon = adw_status_page_get_icon_name (ADW_STATUS_PAGE (status));
      g_assert_nonnull (icon);
      g_assert_true (g_str_has_suffix (icon, "-symbolic"));
      if (!gtk_icon_theme_has_icon (theme, icon))
        g_error ("the empty page's icon %s is not in the icon theme Adwaita", icon);
      g_assert_false (g_hash_table_contains (icons, icon));
      g_hash_table_add (icons, (gpointer) icon);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_object_unref (pages[i]);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &db_path);
}

/* Typing is saved when the row goes, even before the pause that would save it. */
static void
test_pending_edit_saved_on_dispose (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* The sample center's lead organization. */
  g_autoptr(IcwRecord) org = icw_store_lookup (fixture->store, ICW_RECORD_KIND_ORGANIZATION,
                                               icw_center_get_lead_organization_id (fixture->center), &error);
  g_autoptr(IcwRecordForm) form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autoptr(IcwRecord) saved = NULL;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_nonnull (org);
  row = g_object_ref_sink (icw_record_form_add_text (form, "legal-representative", "Legal representative", ICW_FIELD_TEXT));
  icw_record_form_set_record (form, org);
  gtk_editable_set_text (icw_field_row_get_editable (ICW_FIELD_ROW (row)), "王立新");
  g_object_run_dispose (G_OBJECT (row));
  g_object_unref (row);

  saved = reread (fixture, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (org));
  g_assert_cmpstr (icw_organization_get_legal_representative (ICW_ORGANIZATION (saved)), ==, "王立新");
}

/* Switching the form to another record must not save the emptied fields to either record. */
static void
test_switching_records_saves_nothing (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GListModel) orgs = icw_store_list (fixture->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(IcwOrganization) a = g_list_model_get_item (orgs, 0);
  g_autoptr(IcwOrganization) b = g_list_model_get_item (orgs, 1);
  g_autoptr(IcwRecordForm) form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autofree char *city_a = g_strdup (icw_organization_get_city (a));
  g_autofree char *city_b = g_strdup (icw_organization_get_city (b));
  g_autoptr(IcwRecord) saved_a = NULL;
  g_autoptr(IcwRecord) saved_b = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GtkWidget *row;

  g_assert_nonnull (city_a);
  g_assert_nonnull (city_b);
  row = g_object_ref_sink (icw_record_form_add_text (form, "city", "City", ICW_FIELD_TEXT));
  icw_record_form_set_record (form, ICW_RECORD (a));
  icw_record_form_set_record (form, ICW_RECORD (b));
  icw_record_form_set_record (form, ICW_RECORD (a));
  /* Past the pause after which a typed value is saved. */
  g_timeout_add_once (900, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);

  saved_a = reread (fixture, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (a)));
  saved_b = reread (fixture, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (b)));
  g_assert_cmpstr (icw_organization_get_city (ICW_ORGANIZATION (saved_a)), ==, city_a);
  g_assert_cmpstr (icw_organization_get_city (ICW_ORGANIZATION (saved_b)), ==, city_b);
  g_assert_cmpstr (gtk_editable_get_text (icw_field_row_get_editable (ICW_FIELD_ROW (row))), ==, city_a);
  g_object_unref (row);
}

/* The first switch in a widget tree, depth first. */
static GtkSwitch *
first_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return GTK_SWITCH (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = first_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A center chooses its rule packs: switching one on saves exactly that pack; off again, the
 * default by kind and province (an empty choice) comes back. */
static void
test_rule_packs_choice_saved (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *group = g_object_ref_sink (icw_rule_packs_group_new (fixture->store));
  g_autoptr(IcwRecord) saved = NULL;
  g_autoptr(IcwRecord) saved_again = NULL;
  GtkSwitch *first;

  icw_rule_packs_group_set_center (ICW_RULE_PACKS_GROUP (group), fixture->center);
  first = first_switch (group);
  g_assert_nonnull (first);
  g_assert_false (gtk_switch_get_active (first));

  gtk_switch_set_active (first, TRUE);
  saved = reread (fixture, ICW_RECORD_KIND_CENTER, icw_record_get_id (ICW_RECORD (fixture->center)));
  g_assert_cmpstr (icw_center_get_rule_packs (ICW_CENTER (saved)), !=, NULL);
  g_assert_null (strchr (icw_center_get_rule_packs (ICW_CENTER (saved)), ','));
  g_assert_cmpuint (strlen (icw_center_get_rule_packs (ICW_CENTER (saved))), >, 0);

  gtk_switch_set_active (first, FALSE);
  saved_again = reread (fixture, ICW_RECORD_KIND_CENTER, icw_record_get_id (ICW_RECORD (fixture->center)));
  g_assert_true (icw_center_get_rule_packs (ICW_CENTER (saved_again)) == NULL ||
                 *icw_center_get_rule_packs (ICW_CENTER (saved_again)) == '\0');
  g_object_unref (group);
}

/* The widget of @type in @root's tree that is on screen, or NULL. */
/* A finding's row shows the rule's basis (the policy's words) as its secondary text, with the
 * rule's ID, and the public copy's address as its tooltip. */
static void
test_check_panel_basis (void)
{
  GtkWidget *panel = g_object_ref_sink (icw_check_panel_new ());
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) texts = g_string_new (NULL);
  GtkWidget *row;

  g_ptr_array_add (findings, icw_finding_new_with_basis ("64-provincial-precondition", "miit-2017-64-upgrade", ICW_SEVERITY_ERROR,
                                                         "工信厅科〔2017〕64号 申报程序: “已成为省级的制造业创新中心向所在省工业和信息化厅提交申请”",
                                                         "policy", "http://lanling.gov.cn/info/11046/65509.htm",
                                                         "registers/status", "Only a recognized provincial center applies."));
  icw_check_panel_set_findings (ICW_CHECK_PANEL (panel), findings);
  row = icw_test_first_of_type (panel, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  icw_test_label_texts (row, texts);
  g_assert_cmpstr (texts->str, ==,
                   "Only a recognized provincial center applies.\n"
                   "Basis: 工信厅科〔2017〕64号 申报程序: “已成为省级的制造业创新中心向所在省工业和信息化厅提交申请” · 64-provincial-precondition\n");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "http://lanling.gov.cn/info/11046/65509.htm");
  g_object_unref (panel);
}

/* A long finding that mixes Latin words with CJK runs wraps inside its row at a narrow width:
 * its text and the row's button lie within the row (as an action row's title and subtitle, the text
 * was laid out wider than the row and cut off at the panel's edge with the button). */
static void
test_check_panel_wraps (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = icw_check_panel_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *row, *button, *label;
  graphene_rect_t bounds;
  int row_width, layout_width;

  g_ptr_array_add (findings, icw_finding_new_with_basis ("64-field-in-layout", "miit-2017-64-upgrade", ICW_SEVERITY_WARNING,
                                                         "工信厅科〔2017〕64号 通知正文: “创建符合领域总体布局要求的……国家制造业创新中心” "
                                                         "(create national manufacturing innovation centers that fit the requirements of the overall layout of fields)",
                                                         "policy", NULL, "registers/field",
                                                         "The field “海洋工程装备” is not among the fields known to be in the national overall "
                                                         "layout (领域总体布局): the layout's list of fields was not found (source not found), so "
                                                         "check the field against 《国家制造业创新中心建设领域总体布局（2018年新增）》 yourself."));
  icw_check_panel_set_findings (ICW_CHECK_PANEL (panel), findings);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 400);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  row = icw_test_first_of_type (panel, GTK_TYPE_LIST_BOX_ROW);
  button = icw_test_first_of_type (row, GTK_TYPE_BUTTON);
  for (guint i = 0; i < 100 && gtk_widget_get_width (row) == 0; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  for (guint i = 0; i < 50; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  row_width = gtk_widget_get_width (row);
  g_assert_cmpint (row_width, >, 0);
  g_assert_cmpint (row_width, <=, 560);
  g_assert_true (gtk_widget_compute_bounds (button, row, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, row_width);
  label = icw_test_first_of_type (row, GTK_TYPE_LABEL);
  g_assert_true (gtk_widget_compute_bounds (label, row, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, row_width);
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), &layout_width, NULL);
  g_assert_cmpint (layout_width, <=, (int) bounds.size.width);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), >, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The titles of the action rows under @root, one a line, in their order. */
static void
row_titles (GtkWidget *root,
            GString   *titles)
{
  if (ADW_IS_ACTION_ROW (root))
    g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    row_titles (child, titles);
}

/* The editor's outline group shows the outline of the center's province and the application's
 * stage, with its sections in order and its attachments, and says so when none is known. */
static void
test_application_outline (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *group = g_object_ref_sink (icw_application_outline_group_new (fixture->store));
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autoptr(GString) titles = g_string_new (NULL);

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_application_set_kind (application, ICW_APPLICATION_KIND_CULTIVATION);
  icw_test_save (fixture->store, application);

  /* The sample center is in 山东省: the cultivation outline, its sections not found. */
  icw_application_outline_group_show (ICW_APPLICATION_OUTLINE_GROUP (group), application);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Shandong: cultivation application (培育申报)");
  row_titles (group, titles);
  g_assert_nonnull (strstr (titles->str, "Sections: the province's list was not found\n1. Background\n2. Existing base\n"));
  g_assert_nonnull (strstr (titles->str, "2 paper copies and an electronic copy\n"));

  /* In 广东省: Shenzhen's three contents first, and the attachments asked once registered. */
  icw_center_set_province (fixture->center, "广东省");
  icw_test_save (fixture->store, fixture->center);
  icw_application_outline_group_show (ICW_APPLICATION_OUTLINE_GROUP (group), application);
  g_string_truncate (titles, 0);
  row_titles (group, titles);
  g_assert_nonnull (strstr (titles->str, "Sections, in the call's order\n1. The applicants (申报单位情况)\n"));
  g_assert_nonnull (strstr (titles->str, "3. Plan for attracting sustainable investment"));
  g_assert_nonnull (strstr (titles->str, "Attachment: Cooperation agreement among the member units\n"));
  g_assert_nonnull (strstr (titles->str, "4 paper copies\n"));

  /* An upgrade has no outline known: said so, and the earlier rows are gone. */
  icw_application_set_kind (application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  icw_application_outline_group_show (ICW_APPLICATION_OUTLINE_GROUP (group), application);
  g_string_truncate (titles, 0);
  row_titles (group, titles);
  g_assert_cmpstr (titles->str, ==, "No outline is known for this province and stage\n");
  g_object_unref (group);
}

/* The action row (or combo row) under @root with this title, or NULL. */
static AdwActionRow *
row_titled (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = row_titled (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkDropDown *
find_drop_down (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    return GTK_DROP_DOWN (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The attachments page offers the attachment items of the call's outline for the center's
 * province and the application's stage; a file added with one chosen fulfils it, a row says which
 * item its file fulfils and changes it, and where the outline lists no items no choice is shown. */
static void
test_attachment_outline_items (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *page = g_object_ref_sink (icw_application_attachments_page_new (fixture->store));
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autoptr(IcwOrganization) company = icw_organization_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-ui-attach-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "资金组建方案（签章版）.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(IcwAttachment) added = NULL;
  AdwComboRow *item;
  AdwActionRow *row;
  GListModel *labels;

  /* A Guangdong center whose company is registered: the call's five items, each required. */
  icw_center_set_province (fixture->center, "广东省");
  icw_organization_set_name (company, "广东测试创新中心有限公司");
  icw_test_save (fixture->store, company);
  icw_center_set_host_organization_id (fixture->center, icw_record_get_id (ICW_RECORD (company)));
  icw_test_save (fixture->store, fixture->center);
  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_application_set_kind (application, ICW_APPLICATION_KIND_CULTIVATION);
  icw_test_save (fixture->store, application);
  icw_application_attachments_page_show (ICW_APPLICATION_ATTACHMENTS_PAGE (page), application);

  item = ADW_COMBO_ROW (row_titled (page, "Call item the next file fulfils"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (item)));
  labels = adw_combo_row_get_model (item);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, "None");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 3), ==, "Plan for raising the funds (required)");

  /* Added with the funding plan chosen: it fulfils that item, the row says so. */
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 plan", -1, &error));
  adw_combo_row_set_selected (item, 3);
  g_assert_true (icw_application_attachments_page_add_file (ICW_APPLICATION_ATTACHMENTS_PAGE (page), file, &error));
  g_assert_no_error (error);
  iterate ();
  attachments = icw_store_list (fixture->store, ICW_RECORD_KIND_ATTACHMENT, icw_record_get_id (ICW_RECORD (application)));
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  added = g_list_model_get_item (attachments, 0);
  g_assert_cmpstr (icw_attachment_get_outline_item (added), ==, "funding-plan");
  row = row_titled (page, "资金组建方案（签章版）.pdf");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "fulfils “Plan for raising the funds”"));

  /* Chosen again on its row: another item, then none. */
  g_assert_cmpuint (gtk_drop_down_get_selected (find_drop_down (GTK_WIDGET (row))), ==, 3);
  gtk_drop_down_set_selected (find_drop_down (GTK_WIDGET (row)), 4);
  iterate ();
  g_assert_cmpstr (icw_attachment_get_outline_item (added), ==, "regulations");
  row = row_titled (page, "资金组建方案（签章版）.pdf");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "fulfils “Rules and regulations”"));
  gtk_drop_down_set_selected (find_drop_down (GTK_WIDGET (row)), 0);
  iterate ();
  g_assert_null (icw_attachment_get_outline_item (added));
  row = row_titled (page, "资金组建方案（签章版）.pdf");
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "fulfils"));

  /* In Shandong the outline lists no items: no choice shown. */
  icw_center_set_province (fixture->center, "山东省");
  icw_test_save (fixture->store, fixture->center);
  icw_application_attachments_page_show (ICW_APPLICATION_ATTACHMENTS_PAGE (page), application);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (item)));
  g_assert_null (find_drop_down (GTK_WIDGET (row_titled (page, "资金组建方案（签章版）.pdf"))));
  g_object_unref (page);
  icw_test_clear_tmp_dir (&dir, NULL);
}

/* Whether a document editor on screen under @root shows the record @id. While the page stack
 * changes page, both pages are on screen, so any of them may. */
static gboolean
shows_record (GtkWidget  *root,
              const char *id)
{
  IcwRecord *record;

  if (ICW_IS_DOCUMENT_EDITOR (root) && gtk_widget_get_mapped (root) &&
      (record = icw_document_editor_get_record (ICW_DOCUMENT_EDITOR (root))) != NULL &&
      g_strcmp0 (icw_record_get_id (record), id) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_record (child, id))
      return TRUE;
  return FALSE;
}

static gboolean
wait_shown (GtkWidget  *window,
            const char *id)
{
  for (guint i = 0; i < 300; i++)
    {
      iterate ();
      if (shows_record (window, id))
        return TRUE;
      g_usleep (10000);
    }
  return FALSE;
}

/* win.show-record (kind, ID) shows the page of the record's kind with the record in its editor,
 * whichever page was shown before; an unknown ID or kind changes nothing. */
static void
test_show_record_action (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(IcwApplication) second = icw_application_new ();
  g_autoptr(GListModel) agreements = icw_store_list (fixture->store, ICW_RECORD_KIND_IP_AGREEMENT, NULL);
  g_autoptr(IcwIpAgreement) agreement = g_list_model_get_item (agreements, 0);
  const char *second_id;
  GtkWidget *window;
  GtkWidget *center_editor;

  g_assert_nonnull (agreement);
  icw_application_set_center_id (second, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_application_set_title (second, "Second application for show-record");
  icw_test_save (fixture->store, second);
  second_id = icw_record_get_id (ICW_RECORD (second));

  g_settings_set_string (settings, "last-page", "centers");
  window = GTK_WIDGET (icw_window_new (NULL, fixture->store, settings));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)", "application", second_id));
  g_assert_true (wait_shown (window, second_id));

  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)", "ip-agreement",
                                             icw_record_get_id (ICW_RECORD (agreement))));
  g_assert_true (wait_shown (window, icw_record_get_id (ICW_RECORD (agreement))));

  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)", "center",
                                             icw_record_get_id (ICW_RECORD (fixture->center))));
  iterate ();
  center_editor = icw_test_first_shown_of_type (window, ICW_TYPE_CENTER_EDITOR);
  for (guint i = 0; i < 300 && center_editor == NULL; i++)
    {
      g_usleep (10000);
      iterate ();
      center_editor = icw_test_first_shown_of_type (window, ICW_TYPE_CENTER_EDITOR);
    }
  g_assert_nonnull (center_editor);
  g_assert_true (icw_center_editor_get_center (ICW_CENTER_EDITOR (center_editor)) != NULL);
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (icw_center_editor_get_center (ICW_CENTER_EDITOR (center_editor)))), ==,
                   icw_record_get_id (ICW_RECORD (fixture->center)));

  /* Nothing happens for a record that does not exist or a kind that is not one. */
  gtk_widget_activate_action (window, "win.show-record", "(ss)", "application", "no-such-id");
  gtk_widget_activate_action (window, "win.show-record", "(ss)", "no-such-kind", second_id);
  iterate ();
  g_assert_nonnull (icw_test_first_shown_of_type (window, ICW_TYPE_CENTER_EDITOR));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Compare Versions (a template) opens on the version before and this one, lists the changed
 * section with both texts, and follows a change of the versions picked. */
static void
test_compare_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(IcwApplication) first = icw_application_new ();
  g_autoptr(IcwApplication) second = icw_application_new ();
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *button = gtk_button_new ();
  g_autoptr(GListModel) toplevels = NULL;
  GtkWidget *dialog = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  AdwComboRow *earlier, *later;

  icw_application_set_center_id (first, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_application_set_title (first, "Compared application");
  icw_application_set_section_goals (first, "Goals of the first version");
  icw_test_save (fixture->store, first);
  icw_application_set_center_id (second, icw_record_get_id (ICW_RECORD (fixture->center)));
  icw_application_set_title (second, "Compared application");
  icw_application_set_lineage_id (second, icw_application_get_lineage_id (first));
  icw_application_set_version (second, 2);
  icw_application_set_section_goals (second, "Goals of the second version");
  icw_test_save (fixture->store, second);
  g_assert_cmpstr (icw_application_get_lineage_id (first), ==, icw_application_get_lineage_id (second));

  gtk_window_set_child (GTK_WINDOW (parent), button);
  icw_application_compare_dialog_present (button, fixture->store, second);
  iterate ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (ICW_IS_COMPARE_DIALOG (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (parent));
  earlier = icw_test_combo_titled (dialog, "Earlier version");
  later = icw_test_combo_titled (dialog, "Later version");
  g_assert_nonnull (earlier);
  g_assert_nonnull (later);
  g_assert_true (adw_combo_row_get_selected_item (earlier) == (gpointer) first);
  g_assert_true (adw_combo_row_get_selected_item (later) == (gpointer) second);
  icw_test_label_texts (dialog, text);
  g_assert_nonnull (strstr (text->str, "Goals of the first version"));
  g_assert_nonnull (strstr (text->str, "Goals of the second version"));
  g_assert_null (strstr (text->str, "The two versions are the same in every section."));

  /* The same version on both sides: nothing differs. */
  adw_combo_row_set_selected (earlier, 1);
  iterate ();
  g_string_truncate (text, 0);
  icw_test_label_texts (dialog, text);
  g_assert_nonnull (strstr (text->str, "The two versions are the same in every section."));
  g_assert_null (strstr (text->str, "Goals of the first version"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  iterate ();
}

/* The organization editor's "Used By" lines are the store's phrases, which are lower-case to sit
 * inside a sentence; each line of the group starts with a capital (the host company of the sample
 * is its lead organization and a shareholder). */
static void
test_organization_uses_capitalised (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *host_id = icw_center_get_host_organization_id (fixture->center);
  g_autoptr(IcwRecord) host = icw_store_lookup (fixture->store, ICW_RECORD_KIND_ORGANIZATION, host_id, NULL);
  GtkWidget *editor = g_object_ref_sink (icw_organization_editor_new (fixture->store));
  g_autoptr(GString) texts = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint uses = 0;

  g_assert_nonnull (host);
  icw_organization_editor_set_organization (ICW_ORGANIZATION_EDITOR (editor), ICW_ORGANIZATION (host));
  icw_test_label_texts (editor, texts);
  lines = g_strsplit (texts->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "host company of "));
      g_assert_false (g_str_has_prefix (lines[i], "shareholder of "));
      if (g_str_has_prefix (lines[i], "Host company of “") || g_str_has_prefix (lines[i], "Shareholder of “"))
        uses++;
    }
  g_assert_cmpuint (uses, >=, 1);
  g_object_unref (editor);
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add ("/ui/switch-saves", Fixture, NULL, icw_test_sample_set_up, test_switch_saves, icw_test_sample_tear_down);
  g_test_add ("/ui/invalid-value-beside-field", Fixture, NULL, icw_test_sample_set_up, test_invalid_value_stays_beside_field, icw_test_sample_tear_down);
  g_test_add_func ("/ui/empty-page-icons", test_empty_page_icons);
  g_test_add ("/ui/choice-value-beside-title", Fixture, NULL, icw_test_sample_set_up, test_choice_value_beside_title, icw_test_sample_tear_down);
  g_test_add ("/ui/pending-edit-saved-on-dispose", Fixture, NULL, icw_test_sample_set_up, test_pending_edit_saved_on_dispose, icw_test_sample_tear_down);

  g_test_add ("/ui/switching-records-saves-nothing", Fixture, NULL, icw_test_sample_set_up, test_switching_records_saves_nothing, icw_test_sample_tear_down);

  g_test_add ("/ui/organization-uses-capitalised", Fixture, NULL, icw_test_sample_set_up, test_organization_uses_capitalised, icw_test_sample_tear_down);
  g_test_add_func ("/ui/check-panel-basis", test_check_panel_basis);
  g_test_add_func ("/ui/check-panel-wraps", test_check_panel_wraps);
  g_test_add ("/ui/application-outline", Fixture, NULL, icw_test_sample_set_up, test_application_outline, icw_test_sample_tear_down);
  g_test_add ("/ui/attachment-outline-items", Fixture, NULL, icw_test_sample_set_up, test_attachment_outline_items, icw_test_sample_tear_down);
  g_test_add ("/ui/show-record-action", Fixture, NULL, icw_test_sample_set_up, test_show_record_action, icw_test_sample_tear_down);
  g_test_add ("/ui/compare-dialog", Fixture, NULL, icw_test_sample_set_up, test_compare_dialog, icw_test_sample_tear_down);
  g_test_add ("/ui/rule-packs-choice-saved", Fixture, NULL, icw_test_sample_set_up, test_rule_packs_choice_saved, icw_test_sample_tear_down);

  return g_test_run ();
}
