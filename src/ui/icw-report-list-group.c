/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-list-group.c: the center's Reports group (icw-report-list-group.h), with the next
 * filing deadline of a recognized center over its rows (icw-report-reminder.h). A year may hold
 * several versions of its report (a returned report reopened); the row shows the latest, which is
 * the one a window opens. Its first row is the center's targets (任务书): the current version and
 * its years, and Targets… opening them in a window of their own (icw-targets-window.h). The rows
 * are made again, once (icw-idle-refresh.h), after a save of one of the center's reports, of its
 * targets or of the center itself (its recognition sets the deadline). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-idle-refresh.h"
#include "icw-report-list-group.h"
#include "icw-report-new-dialog.h"
#include "icw-report-reminder.h"
#include "icw-store-reports.h"
#include "icw-targets-window.h"
#include "icw-ui-util.h"

struct _IcwReportListGroup
{
  AdwPreferencesGroup parent_instance;

  IcwStore    *store;
  IcwCenter   *center;
  IcwMoneyUnit money_unit;
  GPtrArray   *rows;          /* GtkWidget */
  GtkWidget   *empty;
  GtkLabel    *deadline;
  GtkWidget   *targets_row;
  guint        refresh_id;
  guint        n_refreshes;
};

G_DEFINE_FINAL_TYPE (IcwReportListGroup, icw_report_list_group, ADW_TYPE_PREFERENCES_GROUP)

IcwReportWindow *
icw_report_list_group_open (IcwReportListGroup *self,
                            IcwReport          *report)
{
  IcwReportWindow *window = icw_report_window_new (GTK_WIDGET (self), self->store, report, self->money_unit);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* reports.open (report ID): the Open button of a year's row. */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcwReportListGroup *self = ICW_REPORT_LIST_GROUP (widget);
  g_autoptr(IcwRecord) report = icw_store_lookup (self->store, ICW_RECORD_KIND_REPORT,
                                                  g_variant_get_string (parameter, NULL), NULL);

  if (report != NULL)
    icw_report_list_group_open (self, ICW_REPORT (report));
}

static int
by_year_descending (gconstpointer a,
                    gconstpointer b)
{
  IcwReport *x = *(IcwReport * const *) a;
  IcwReport *y = *(IcwReport * const *) b;

  return icw_report_get_year (y) - icw_report_get_year (x);
}

/* The latest version of each year's report, the latest year first. */
static GPtrArray *
latest_reports (IcwReportListGroup *self)
{
  g_autoptr(GListModel) list = icw_store_list (self->store, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (self->center)));
  g_autoptr(GHashTable) by_year = g_hash_table_new (NULL, NULL);
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwReport) report = g_list_model_get_item (list, i);
      gpointer year = GINT_TO_POINTER (icw_report_get_year (report));
      IcwReport *seen = g_hash_table_lookup (by_year, year);

      if (seen != NULL && icw_report_get_version (seen) >= icw_report_get_version (report))
        continue;
      if (seen != NULL)
        g_ptr_array_remove (reports, seen);
      g_hash_table_insert (by_year, year, report);
      g_ptr_array_add (reports, g_steal_pointer (&report));
    }
  g_ptr_array_sort (reports, by_year_descending);
  return reports;
}

static GtkWidget *
report_row (IcwReportListGroup *self,
            IcwReport          *report)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_label (_("Open"));
  g_autofree char *title = icw_report_window_title_for (report);
  g_autofree char *open_name = NULL;
  g_autofree char *subtitle = NULL;
  IcwReportGrade grade = icw_report_get_grade (report);

  if (grade != ICW_REPORT_GRADE_NONE)
    /* TRANSLATORS: a report's row: status · version · grade, e.g. "Accepted · v1 · Excellent" */
    subtitle = g_strdup_printf (_("%s · v%d · %s"), icw_application_status_to_label (icw_report_get_status (report)),
                                icw_report_get_version (report), icw_report_grade_to_label (grade));
  else
    subtitle = g_strdup_printf (_("%s · v%d"), icw_application_status_to_label (icw_report_get_status (report)),
                                icw_report_get_version (report));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A button, not an activatable row: AT-SPI on GTK 4.8 activates buttons only. */
  /* TRANSLATORS: the accessible name of a report's Open button, e.g. "Open 2025 Yearly assessment" */
  open_name = g_strdup_printf (_("Open %s"), title);
  icw_ui_button_set_accessible_name (open, open_name);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "reports.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", icw_record_get_id (ICW_RECORD (report)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  icw_ui_row_skip_tab (row);
  return row;
}

static void refresh_widget (GtkWidget *widget);

static void
on_targets_window_closed (IcwReportListGroup *self)
{
  icw_idle_refresh (GTK_WIDGET (self), &self->refresh_id, refresh_widget);
}

IcwTargetsWindow *
icw_report_list_group_open_targets (IcwReportListGroup *self)
{
  IcwTargetsWindow *window;

  g_return_val_if_fail (self->center != NULL, NULL);
  window = icw_targets_window_new (GTK_WIDGET (self), self->store, self->center);
  /* Target versions are not records (no record-changed): the row is made again once the window
   * that may have added one closes. */
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_targets_window_closed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The targets' row: the current version and its years, or that there are none yet. */
static void
show_targets (IcwReportListGroup *self)
{
  const char *center_id = icw_record_get_id (ICW_RECORD (self->center));
  g_autoptr(GPtrArray) versions = icw_store_list_target_versions (self->store, center_id);
  g_autoptr(GPtrArray) pending = icw_store_list_uncarried_applications (self->store, center_id);
  g_autofree char *subtitle = NULL;

  if (versions->len > 0)
    {
      IcwTargetSet *latest = versions->pdata[versions->len - 1];

      /* TRANSLATORS: the targets' row: the current version and the years it covers */
      subtitle = g_strdup_printf (_("Version %d, %d–%d"), latest->version, latest->first_year, latest->last_year);
    }
  else
    subtitle = g_strdup (_("None yet"));
  if (pending->len > 0)
    {
      /* TRANSLATORS: added to the targets' row when an accepted application's targets can be carried */
      g_autofree char *more = g_strdup_printf (_("%s; an accepted application's targets can be carried"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&more);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->targets_row), subtitle);
}

static void
refresh (IcwReportListGroup *self)
{
  g_autoptr(GPtrArray) reports = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (self->center == NULL)
    return;
  show_targets (self);
  self->n_refreshes++;
  reports = latest_reports (self);
  gtk_widget_set_visible (self->empty, reports->len == 0);
  {
    g_autofree char *deadline = icw_report_deadline_text (self->center, NULL);

    gtk_label_set_text (self->deadline, deadline != NULL ? deadline : "");
    gtk_widget_set_visible (GTK_WIDGET (self->deadline), deadline != NULL);
  }
  for (guint i = 0; i < reports->len; i++)
    {
      GtkWidget *row = report_row (self, reports->pdata[i]);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
refresh_widget (GtkWidget *widget)
{
  refresh (ICW_REPORT_LIST_GROUP (widget));
}

static void
on_record_changed (IcwReportListGroup *self,
                   IcwRecord          *record)
{
  const char *center_id;

  if (self->center == NULL)
    return;
  center_id = icw_record_get_id (ICW_RECORD (self->center));
  if ((ICW_IS_REPORT (record) && g_strcmp0 (icw_report_get_center_id (ICW_REPORT (record)), center_id) == 0) ||
      (ICW_IS_CENTER (record) && g_strcmp0 (icw_record_get_id (record), center_id) == 0))
    icw_idle_refresh (GTK_WIDGET (self), &self->refresh_id, refresh_widget);
}

static void
on_report_created (IcwReport *report,
                   gpointer   data)
{
  IcwReportListGroup *self = data;

  refresh (self);
  icw_report_list_group_open (self, report);
}

static void
on_new_clicked (IcwReportListGroup *self)
{
  icw_report_new_dialog_present (GTK_WIDGET (self), self->store, on_report_created, self);
}

void
icw_report_list_group_set_center (IcwReportListGroup *self,
                                  IcwCenter          *center)
{
  g_return_if_fail (ICW_IS_REPORT_LIST_GROUP (self));
  if (!g_set_object (&self->center, center))
    return;
  refresh (self);
}

guint
icw_report_list_group_get_n_rows (IcwReportListGroup *self)
{
  return self->rows->len;
}

guint
icw_report_list_group_get_n_refreshes (IcwReportListGroup *self)
{
  return self->n_refreshes;
}

static void
icw_report_list_group_dispose (GObject *object)
{
  IcwReportListGroup *self = ICW_REPORT_LIST_GROUP (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  G_OBJECT_CLASS (icw_report_list_group_parent_class)->dispose (object);
  g_clear_object (&self->center);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

static void
icw_report_list_group_class_init (IcwReportListGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_report_list_group_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "reports.open", "s", open_activated);
}

static void
icw_report_list_group_init (IcwReportListGroup *self)
{
  GtkWidget *button = icw_ui_mnemonic_button_new (_("_New Report…"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Reports"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The yearly assessments (年度考核) and periodic evaluations (定期评估) after recognition."));
  icw_ui_button_set_accessible_name (button, _("New Report"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_new_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);
  self->deadline = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->deadline, TRUE);
  gtk_label_set_xalign (self->deadline, 0);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->deadline), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->deadline));
  {
    GtkWidget *open = icw_ui_mnemonic_button_new (_("_Targets…"));

    self->targets_row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->targets_row), _("Targets (任务书)"));
    icw_ui_button_set_accessible_name (open, _("Open the Targets"));
    gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
    g_signal_connect_swapped (open, "clicked", G_CALLBACK (icw_report_list_group_open_targets), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (self->targets_row), open);
    icw_ui_row_skip_tab (self->targets_row);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->targets_row);
  }
  self->empty = gtk_label_new (_("No reports yet."));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->empty), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty);
}

GtkWidget *
icw_report_list_group_new (IcwStore     *store,
                           IcwMoneyUnit  money_unit)
{
  IcwReportListGroup *self = g_object_new (ICW_TYPE_REPORT_LIST_GROUP, NULL);

  self->store = g_object_ref (store);
  self->money_unit = money_unit;
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
