/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-new-dialog.c: the New Report dialog (icw-report-new-dialog.h): an AdwMessageDialog
 * with a center row, a year spin button and a kind row. The kind follows the center and the year
 * (the one due, when the center's recognition date is known) but may be changed: the store, not
 * the dialog, decides what may be filed, so its refusal is the one message the user sees. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-center.h"
#include "icw-choice-factory.h"
#include "icw-report-new-dialog.h"
#include "icw-report-parts.h"
#include "icw-store-reports.h"
#include "icw-ui-util.h"

typedef struct {
  IcwStore         *store;
  IcwReportCreated  created;
  GObject          *user_data;
  AdwComboRow      *center;
  GtkSpinButton    *year;
  AdwComboRow      *kind;
  GtkWidget        *parent;
} NewReport;

static void
new_report_free (gpointer  data,
                 GClosure *closure)
{
  NewReport *dialog = data;

  g_object_unref (dialog->store);
  g_clear_object (&dialog->user_data);
  g_object_unref (dialog->parent);
  g_free (dialog);
}

IcwReport *
icw_report_new_dialog_create (IcwStore       *store,
                              IcwCenter      *center,
                              int             year,
                              IcwReportKind   kind,
                              GError        **error)
{
  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);
  return icw_store_create_report (store, icw_record_get_id (ICW_RECORD (center)), year, kind, error);
}

static void
propose_kind (NewReport *dialog)
{
  IcwCenter *center = adw_combo_row_get_selected_item (dialog->center);
  g_autofree char *recognized_on = NULL;
  IcwReportKind kind;

  if (center != NULL)
    g_object_get (center, "recognized-on", &recognized_on, NULL);
  if (recognized_on != NULL && icw_report_kind_due (recognized_on, gtk_spin_button_get_value_as_int (dialog->year), &kind))
    adw_combo_row_set_selected (dialog->kind, kind);
}

static void
on_response (AdwMessageDialog *message,
             const char       *response,
             NewReport        *dialog)
{
  IcwCenter *center = adw_combo_row_get_selected_item (dialog->center);
  g_autoptr(IcwReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create") || center == NULL)
    return;
  report = icw_report_new_dialog_create (dialog->store, center, gtk_spin_button_get_value_as_int (dialog->year),
                                         (IcwReportKind) adw_combo_row_get_selected (dialog->kind), &error);
  if (report == NULL)
    {
      icw_ui_report_error (dialog->parent, error);
      return;
    }
  dialog->created (report, dialog->user_data);
}

static char *
center_name (IcwCenter *center)
{
  return g_strdup (icw_center_get_name (center));
}

static GtkWidget *
year_row (NewReport *dialog)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  dialog->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (ICW_REPORT_MIN_YEAR, ICW_REPORT_MAX_YEAR, 1));
  /* The report filed early in a year is the previous year's. */
  gtk_spin_button_set_value (dialog->year, g_date_time_get_year (now) - 1);
  gtk_widget_set_valign (GTK_WIDGET (dialog->year), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Year"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->year));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->year));
  return row;
}

void
icw_report_new_dialog_present (GtkWidget        *parent,
                               IcwStore         *store,
                               IcwReportCreated  created,
                               gpointer          user_data)
{
  g_autoptr(GListModel) centers = icw_store_list (store, ICW_RECORD_KIND_CENTER, NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  NewReport *dialog = g_new0 (NewReport, 1);
  GtkWidget *message, *list;
  GtkExpression *expression;

  dialog->store = g_object_ref (store);
  dialog->created = created;
  dialog->user_data = user_data != NULL ? g_object_ref (user_data) : NULL;
  dialog->parent = g_object_ref (parent);
  message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), _("New Report"),
                                    _("A yearly assessment (年度考核), or in every third year the periodic evaluation (定期评估) that replaces it."));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  dialog->center = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->center), _("Center"));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (center_name), NULL, NULL);
  adw_combo_row_set_expression (dialog->center, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (dialog->center, centers);
  /* The chosen center's name beside the row's title, whole: it wraps there (libadwaita's own
   * factory cut 齐鲁海洋工程装备制造业创新中心 to "齐鲁海洋工程装备制造业…" in a 360 px window). */
  icw_choice_factory_apply (dialog->center);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (dialog->center));
  gtk_list_box_append (GTK_LIST_BOX (list), year_row (dialog));
  for (IcwReportKind k = 0; k < ICW_N_REPORT_KINDS; k++)
    gtk_string_list_append (kinds, icw_report_kind_to_label (k));
  dialog->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->kind), _("Kind"));
  adw_combo_row_set_model (dialog->kind, G_LIST_MODEL (kinds));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (dialog->kind));
  propose_kind (dialog);
  g_signal_connect_swapped (dialog->center, "notify::selected", G_CALLBACK (propose_kind), dialog);
  g_signal_connect_swapped (dialog->year, "value-changed", G_CALLBACK (propose_kind), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message), "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "create", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (message, "response", G_CALLBACK (on_response), dialog, new_report_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}
