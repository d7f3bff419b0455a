/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-score.c: the self-score page (icw-report-score.h). Nothing is stored: the score is
 * computed again from the report and the registers whenever the page is shown or the report
 * changes, so it is always the score of what would be submitted. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-indicator-chart-data.h"
#include "icw-indicator-chart-view.h"
#include "icw-report-score.h"
#include "icw-score-report.h"

struct _IcwReportScore
{
  GtkBox parent_instance;

  IcwStore  *store;
  GtkLabel  *scheme;
  GtkLabel  *summary;
  GtkLabel  *grade;
  GtkWidget *chart;
  GtkListBox *items;
};

G_DEFINE_FINAL_TYPE (IcwReportScore, icw_report_score, GTK_TYPE_BOX)

static GtkWidget *
item_row (IcwScoreItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *points = icw_score_points_format (item->points);
  g_autofree char *maximum = item->maximum >= 0 ? icw_score_points_format (item->maximum) : NULL;
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *label;

  if (!item->scored)
    value = g_strdup (item->by_hand ? _("To score by hand") : _("No points published"));
  else if (maximum != NULL)
    /* TRANSLATORS: an item's points of its maximum, e.g. "7.5 / 10" */
    value = g_strdup_printf (_("%s / %s"), points, maximum);
  else
    value = g_strdup (points);
  subtitle = g_strdup_printf (_("%s\nBasis: %s"), item->why != NULL ? item->why : "", item->basis != NULL ? item->basis : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = gtk_label_new (value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
clear_items (IcwReportScore *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items))) != NULL)
    gtk_list_box_remove (self->items, child);
}

void
icw_report_score_show (IcwReportScore *self,
                       IcwReport      *report)
{
  g_autoptr(IcwScore) score = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwChart) chart = NULL;
  g_autofree char *points = NULL;
  g_autofree char *maximum = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *grade = NULL;

  g_return_if_fail (ICW_IS_REPORT_SCORE (self));
  clear_items (self);
  if (report != NULL)
    score = icw_score_report (self->store, report, NULL, &error);
  gtk_widget_set_visible (self->chart, score != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->grade), score != NULL);
  gtk_label_set_text (self->scheme, score != NULL ? score->title : "");
  if (score == NULL)
    {
      gtk_label_set_text (self->summary, error != NULL ? error->message : "");
      return;
    }
  points = icw_score_points_format (score->points);
  if (score->maximum >= 0)
    {
      maximum = icw_score_points_format (score->maximum);
      /* TRANSLATORS: the total of a self-score, e.g. "72.5 of 100 points" */
      summary = g_strdup_printf (_("%s of %s points"), points, maximum);
    }
  else
    summary = g_strdup_printf (_("%s points"), points);
  if (score->unscored > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%s; %u item still to score by hand", "%s; %u items still to score by hand",
                                                         score->unscored), summary, score->unscored);
      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->summary, summary);
  if (score->grade != ICW_REPORT_GRADE_NONE)
    grade = g_strdup_printf (_("Grade it leads to: %s. %s"), icw_report_grade_to_label (score->grade),
                             score->grade_why != NULL ? score->grade_why : "");
  else
    grade = g_strdup (score->grade_why != NULL ? score->grade_why : _("The reviewer gives the grade."));
  gtk_label_set_text (self->grade, grade);
  chart = icw_score_chart (score);
  icw_indicator_chart_view_set_chart (ICW_INDICATOR_CHART_VIEW (self->chart), chart);
  for (guint i = 0; i < score->items->len; i++)
    gtk_list_box_append (self->items, item_row (score->items->pdata[i]));
}

const char *
icw_report_score_get_summary (IcwReportScore *self)
{
  return gtk_label_get_text (self->summary);
}

static void
icw_report_score_dispose (GObject *object)
{
  IcwReportScore *self = ICW_REPORT_SCORE (object);

  G_OBJECT_CLASS (icw_report_score_parent_class)->dispose (object);
  g_clear_object (&self->store);
}

static void
icw_report_score_class_init (IcwReportScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_report_score_dispose;
}

static GtkLabel *
wrapped_label (const char *css)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css);
  return label;
}

static void
icw_report_score_init (IcwReportScore *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  self->scheme = wrapped_label ("heading");
  self->summary = wrapped_label ("title-2");
  self->grade = wrapped_label (NULL);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->scheme));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grade));
  self->chart = icw_indicator_chart_view_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), 300);
  gtk_box_append (GTK_BOX (self), self->chart);
  self->items = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->items, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->items), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->items), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score items"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->items));
}

GtkWidget *
icw_report_score_new (IcwStore *store)
{
  IcwReportScore *self = g_object_new (ICW_TYPE_REPORT_SCORE, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
