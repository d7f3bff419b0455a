/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-basics.c: what a funding request is for. Text and years go through IcwRecordForm;
 * the linked application is chosen among the center's own; each source is a toggle button (a
 * keyboard and a screen reader can press it); the category set is one of the bundled, versioned
 * sets. Every change is saved at once; a refused one is put back and its message shown. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application.h"
#include "icw-category-set.h"
#include "icw-center.h"
#include "icw-choice-factory.h"
#include "icw-enums.h"
#include "icw-field-row.h"
#include "icw-funding-basics.h"
#include "icw-ui-util.h"

struct _IcwFundingBasics
{
  GtkBox parent_instance;

  IcwStore *store;
  IcwRecordForm *form;
  IcwFundingRequest *request;
  IcwMoneyUnit unit;
  gboolean updating;

  AdwActionRow *center_row;
  AdwComboRow *application_row;
  GPtrArray *application_ids;     /* per item of the combo; NULL for "none" */
  GtkWidget *source_buttons[ICW_N_FUNDING_SOURCES];
  AdwComboRow *set_row;
  GStrv set_ids;
  IcwFieldRow *tax_amount_row;
  GHashTable *widgets;            /* property → widget to focus */
  GPtrArray *editables;
};

G_DEFINE_FINAL_TYPE (IcwFundingBasics, icw_funding_basics, GTK_TYPE_BOX)

static gboolean
save_or_report (IcwFundingBasics *self,
                GError          **error)
{
  if (icw_store_save (self->store, ICW_RECORD (self->request), error))
    return TRUE;
  icw_ui_report_error (GTK_WIDGET (self), *error);
  return FALSE;
}

/* The linked application */

static void
on_application_selected (IcwFundingBasics *self)
{
  guint selected = adw_combo_row_get_selected (self->application_row);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->request == NULL || selected >= self->application_ids->len)
    return;
  before = g_strdup (icw_funding_request_get_application_id (self->request));
  icw_funding_request_set_application_id (self->request, g_ptr_array_index (self->application_ids, selected));
  if (!save_or_report (self, &error))
    icw_funding_request_set_application_id (self->request, before);
}

static void
show_applications (IcwFundingBasics *self)
{
  const char *center_id = icw_funding_request_get_center_id (self->request);
  g_autoptr(GListModel) all = icw_store_list (self->store, ICW_RECORD_KIND_APPLICATION, NULL);
  g_autoptr(IcwRecord) center = icw_store_lookup (self->store, ICW_RECORD_KIND_CENTER, center_id, NULL);
  GtkStringList *titles = gtk_string_list_new (NULL);
  const char *current = icw_funding_request_get_application_id (self->request);
  guint selected = 0;

  adw_action_row_set_subtitle (self->center_row, center != NULL ? icw_center_get_name (ICW_CENTER (center)) : "");
  g_ptr_array_set_size (self->application_ids, 0);
  gtk_string_list_append (titles, _("None: the center as a whole"));
  g_ptr_array_add (self->application_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IcwApplication) application = g_list_model_get_item (all, i);
      const char *id = icw_record_get_id (ICW_RECORD (application));

      if (g_strcmp0 (icw_application_get_center_id (application), center_id) != 0)
        continue;
      if (g_strcmp0 (id, current) == 0)
        selected = self->application_ids->len;
      gtk_string_list_append (titles, icw_application_get_title (application));
      g_ptr_array_add (self->application_ids, g_strdup (id));
    }
  adw_combo_row_set_model (self->application_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->application_row, selected);
  g_object_unref (titles);
}

/* Sources */

static void
on_source_toggled (GtkToggleButton  *button,
                   IcwFundingBasics *self)
{
  IcwFundingSource source = 0;
  gboolean active = gtk_toggle_button_get_active (button);
  g_autoptr(GError) error = NULL;

  while (source < ICW_N_FUNDING_SOURCES && self->source_buttons[source] != GTK_WIDGET (button))
    source++;
  if (source == ICW_N_FUNDING_SOURCES || self->updating || self->request == NULL ||
      icw_funding_request_uses_source (self->request, source) == active)
    return;
  icw_funding_request_set_source_used (self->request, source, active);
  if (!save_or_report (self, &error))
    {
      icw_funding_request_set_source_used (self->request, source, !active);
      self->updating = TRUE;
      gtk_toggle_button_set_active (button, !active);
      self->updating = FALSE;
    }
}

/* Category set */

static void
on_set_selected (IcwFundingBasics *self)
{
  guint selected = adw_combo_row_get_selected (self->set_row);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  int before_version;

  if (self->updating || self->request == NULL || selected >= g_strv_length (self->set_ids) ||
      g_strcmp0 (self->set_ids[selected], icw_funding_request_get_category_set (self->request)) == 0)
    return;
  before = g_strdup (icw_funding_request_get_category_set (self->request));
  before_version = icw_funding_request_get_category_set_version (self->request);
  icw_funding_request_set_category_set (self->request, self->set_ids[selected]);
  icw_funding_request_set_category_set_version (self->request, 1);
  if (!save_or_report (self, &error))
    {
      icw_funding_request_set_category_set (self->request, before);
      icw_funding_request_set_category_set_version (self->request, before_version);
      icw_funding_basics_set_request (self, self->request);
    }
}

/* The super-deduction's amount, in the unit of the money setting */

static void
on_tax_amount_committed (IcwFieldRow      *row,
                         const char       *typed,
                         IcwFundingBasics *self)
{
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autoptr(GError) error = NULL;
  gint64 fen = 0, before;

  if (self->updating || self->request == NULL)
    return;
  if (*text != '\0' && !icw_money_parse_locale (text, self->unit, &fen, &error))
    {
      icw_field_row_set_error (row, error->message);
      return;
    }
  before = icw_funding_request_get_tax_deduction_fen (self->request);
  if (fen != before)
    {
      icw_funding_request_set_tax_deduction_fen (self->request, fen);
      if (!icw_store_save (self->store, ICW_RECORD (self->request), &error))
        {
          icw_funding_request_set_tax_deduction_fen (self->request, before);
          icw_field_row_set_error (row, error->message);
          return;
        }
    }
  icw_field_row_set_error (row, NULL);
}

static void
show_tax_amount (IcwFundingBasics *self)
{
  gint64 fen = icw_funding_request_get_tax_deduction_fen (self->request);
  g_autofree char *text = fen != 0 ? icw_money_format_locale (fen, self->unit, TRUE) : g_strdup ("");

  icw_field_row_set_text (self->tax_amount_row, text);
  icw_field_row_set_hint (self->tax_amount_row, icw_money_unit_symbol (self->unit));
}

/* Showing a request */

static void
show_request (IcwFundingBasics *self)
{
  self->updating = TRUE;
  show_applications (self);
  for (guint s = 0; s < ICW_N_FUNDING_SOURCES; s++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->source_buttons[s]),
                                  icw_funding_request_uses_source (self->request, s));
  for (guint i = 0; self->set_ids[i] != NULL; i++)
    if (g_strcmp0 (self->set_ids[i], icw_funding_request_get_category_set (self->request)) == 0)
      adw_combo_row_set_selected (self->set_row, i);
  show_tax_amount (self);
  self->updating = FALSE;
}

static void
on_request_notify (IcwFundingBasics *self,
                   GParamSpec       *pspec)
{
  if (!self->updating && (g_str_equal (pspec->name, "sources") || g_str_equal (pspec->name, "category-set") ||
                          g_str_equal (pspec->name, "application-id") || g_str_equal (pspec->name, "tax-deduction-fen")))
    show_request (self);
}

void
icw_funding_basics_set_request (IcwFundingBasics  *self,
                                IcwFundingRequest *request)
{
  g_return_if_fail (ICW_IS_FUNDING_BASICS (self));

  icw_funding_basics_flush (self);
  if (self->request != NULL && self->request != request)
    g_signal_handlers_disconnect_by_data (self->request, self);
  if (self->request != request)
    {
      g_set_object (&self->request, request);
      if (request != NULL)
        g_signal_connect_swapped (request, "notify", G_CALLBACK (on_request_notify), self);
      icw_field_row_reset (self->tax_amount_row);
    }
  if (request != NULL)
    show_request (self);
}

void
icw_funding_basics_set_money_unit (IcwFundingBasics *self,
                                   IcwMoneyUnit      unit)
{
  icw_field_row_flush (self->tax_amount_row);
  self->unit = unit;
  if (self->request != NULL)
    {
      icw_field_row_reset (self->tax_amount_row);
      show_tax_amount (self);
    }
}

void
icw_funding_basics_set_editable (IcwFundingBasics *self,
                                 gboolean          editable)
{
  for (guint i = 0; i < self->editables->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->editables, i), editable);
}

void
icw_funding_basics_flush (IcwFundingBasics *self)
{
  icw_field_row_flush (self->tax_amount_row);
}

gboolean
icw_funding_basics_focus (IcwFundingBasics *self,
                          const char       *property)
{
  g_autofree char *key = g_strdelimit (g_strdup (property), "_", '-');
  GtkWidget *widget = g_hash_table_lookup (self->widgets, key);

  if (widget == NULL)
    return FALSE;
  if (ICW_IS_FIELD_ROW (widget))
    widget = GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (widget)));
  gtk_widget_grab_focus (widget);
  return TRUE;
}

/* Building */

static GtkWidget *
add_row (IcwFundingBasics    *self,
         AdwPreferencesGroup *group,
         const char          *property,
         GtkWidget           *row,
         gboolean             editable)
{
  adw_preferences_group_add (group, row);
  if (property != NULL)
    g_hash_table_insert (self->widgets, (gpointer) property, row);
  if (editable)
    g_ptr_array_add (self->editables, row);
  return row;
}

static GtkWidget *
build_sources (IcwFundingBasics *self)
{
  GtkWidget *group = icw_ui_group_new (_("Funding Sources"),
                                       _("Where the money comes from: each source in use is a column of the budget. Central and local fiscal funds are fiscal; the others are self-raised."));
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  for (guint s = 0; s < ICW_N_FUNDING_SOURCES; s++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (icw_funding_source_to_label (s));

      g_signal_connect (button, "toggled", G_CALLBACK (on_source_toggled), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      self->source_buttons[s] = button;
    }
  g_hash_table_insert (self->widgets, (gpointer) "sources", self->source_buttons[0]);
  g_ptr_array_add (self->editables, flow);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);
  return group;
}

static void
icw_funding_basics_dispose (GObject *object)
{
  IcwFundingBasics *self = ICW_FUNDING_BASICS (object);

  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);
  G_OBJECT_CLASS (icw_funding_basics_parent_class)->dispose (object);
  g_clear_object (&self->request);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
  g_clear_pointer (&self->application_ids, g_ptr_array_unref);
  g_clear_pointer (&self->set_ids, g_strfreev);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->editables, g_ptr_array_unref);
}

static void
icw_funding_basics_class_init (IcwFundingBasicsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_funding_basics_dispose;
}

static void
icw_funding_basics_init (IcwFundingBasics *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
  self->application_ids = g_ptr_array_new_with_free_func (g_free);
  self->widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->editables = g_ptr_array_new ();
}

GtkWidget *
icw_funding_basics_new (IcwStore      *store,
                        IcwRecordForm *form,
                        IcwMoneyUnit   unit)
{
  IcwFundingBasics *self = g_object_new (ICW_TYPE_FUNDING_BASICS, NULL);
  AdwPreferencesGroup *request = ADW_PREFERENCES_GROUP (icw_ui_group_new (_("Request"), NULL));
  AdwPreferencesGroup *budget = ADW_PREFERENCES_GROUP (icw_ui_group_new (_("Budget"), NULL));
  GtkStringList *set_titles = gtk_string_list_new (NULL);
  GtkWidget *row;

  self->store = g_object_ref (store);
  self->form = g_object_ref (form);
  self->unit = unit;

  self->center_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->center_row), _("Center"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->center_row), FALSE);
  add_row (self, request, "center-id", GTK_WIDGET (self->center_row), FALSE);
  add_row (self, request, "title", icw_record_form_add_catalogue (form, ICW_RECORD_KIND_FUNDING_REQUEST, "title", NULL), TRUE);
  self->application_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->application_row), _("For the application"));
  /* Titles of applications and of category sets are long: shown whole beside the row's title. */
  icw_choice_factory_apply (self->application_row);
  g_signal_connect_swapped (self->application_row, "notify::selected", G_CALLBACK (on_application_selected), self);
  add_row (self, request, "application-id", GTK_WIDGET (self->application_row), TRUE);
  add_row (self, request, "technology", icw_record_form_add_catalogue (form, ICW_RECORD_KIND_FUNDING_REQUEST, "technology", NULL), TRUE);

  add_row (self, budget, "start-year", icw_record_form_add_catalogue (form, ICW_RECORD_KIND_FUNDING_REQUEST, "start-year", NULL), TRUE);
  add_row (self, budget, "period", icw_record_form_add_catalogue (form, ICW_RECORD_KIND_FUNDING_REQUEST, "period", _("Period in years")), TRUE);
  self->set_ids = icw_category_set_list_ids ();
  for (guint i = 0; self->set_ids[i] != NULL; i++)
    {
      g_autoptr(IcwCategorySet) set = icw_category_set_lookup (self->set_ids[i], 1, NULL);
      gtk_string_list_append (set_titles, set != NULL ? icw_category_set_get_title (set) : self->set_ids[i]);
    }
  self->set_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->set_row), _("Budget categories"));
  /* The category sets' titles run to three lines and more, which the row beside its title cuts:
   * shown whole under the title. */
  adw_combo_row_set_use_subtitle (self->set_row, TRUE);
  adw_combo_row_set_model (self->set_row, G_LIST_MODEL (set_titles));
  g_object_unref (set_titles);
  g_signal_connect_swapped (self->set_row, "notify::selected", G_CALLBACK (on_set_selected), self);
  add_row (self, budget, "category-set", GTK_WIDGET (self->set_row), TRUE);
  add_row (self, budget, "tax-deduction", icw_record_form_add_catalogue (form, ICW_RECORD_KIND_FUNDING_REQUEST, "tax-deduction",
                                                                              _("R&D super-deduction claimed (研发费用加计扣除)")), TRUE);
  row = icw_field_row_new (_("Super-deduction amount"), NULL);
  self->tax_amount_row = ICW_FIELD_ROW (row);
  g_signal_connect (row, "committed", G_CALLBACK (on_tax_amount_committed), self);
  add_row (self, budget, "tax-deduction-fen", row, TRUE);

  gtk_box_append (GTK_BOX (self), GTK_WIDGET (request));
  gtk_box_append (GTK_BOX (self), build_sources (self));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (budget));
  return GTK_WIDGET (self);
}
