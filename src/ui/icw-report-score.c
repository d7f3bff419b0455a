/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-score.c: the self-score page (icw-report-score.h). The score is computed again from
 * the report and the registers whenever the page is shown or the report changes, so it is always
 * the score of what would be submitted; what is stored is only what a person types for an item
 * the figures leave to them: its points and the reason (the report's "hand-scores"), typed in the
 * item's row, checked here (0 to the item's maximum, two decimals, a reason) and saved at once. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-indicator-chart-data.h"
#include "icw-indicator-chart-view.h"
#include "icw-report-hand-scores.h"
#include "icw-report-score.h"
#include "icw-score-report.h"
#include "icw-ui-util.h"

struct _IcwReportScore
{
  GtkBox parent_instance;

  IcwStore  *store;
  IcwReport *report;
  IcwScore  *score;      /* the score shown */
  gboolean   editable;
  GtkLabel  *scheme;
  GtkLabel  *summary;
  GtkLabel  *grade;
  GtkWidget *chart;
  GtkListBox *items;
};

G_DEFINE_FINAL_TYPE (IcwReportScore, icw_report_score, GTK_TYPE_BOX)

/* The limit of a score typed for the item: its maximum, or the scheme's where the item has none
 * of its own; -1 when no points are published at all. */
static gint64
item_limit (IcwReportScore *self,
            IcwScoreItem   *item)
{
  return item->maximum >= 0 ? item->maximum : self->score->maximum;
}

static char *
item_value (IcwScoreItem *item)
{
  g_autofree char *points = icw_score_points_format (item->points);
  g_autofree char *maximum = item->maximum >= 0 ? icw_score_points_format (item->maximum) : NULL;

  if (!item->scored)
    return g_strdup (item->by_hand ? _("To score by hand") : _("No points published"));
  if (maximum != NULL)
    /* TRANSLATORS: an item's points of its maximum, e.g. "7.5 / 10" */
    return g_strdup_printf (_("%s / %s"), points, maximum);
  return g_steal_pointer (&points);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The rows where a person types an item's points and reason, with Save Score and what was wrong. */
static void
add_hand_entry (IcwReportScore *self,
                AdwExpanderRow *row,
                IcwScoreItem   *item,
                gint64          limit)
{
  g_autofree char *limit_text = icw_score_points_format (limit);
  /* TRANSLATORS: the field for an item's points typed by hand, with its limits, e.g. "Points (0 to 13)" */
  g_autofree char *points_title = g_strdup_printf (_("Points (0 to %s)"), limit_text);
  GtkWidget *points = adw_entry_row_new ();
  GtkWidget *reason = adw_entry_row_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Score"));
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear Score"));
  GtkWidget *holder = gtk_list_box_row_new ();

  gtk_widget_set_name (points, "points");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (points), points_title);
  if (item->reason != NULL)
    {
      g_autofree char *typed = icw_score_points_format (item->points);

      gtk_editable_set_text (GTK_EDITABLE (points), typed);
      gtk_editable_set_text (GTK_EDITABLE (reason), item->reason);
    }
  gtk_widget_set_name (reason, "reason");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Reason for the score"));
  gtk_widget_set_name (error, "error");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_hexpand (error, TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "score.save");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (save), "s", item->key);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "score.clear");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (clear), "s", item->key);
  gtk_widget_set_name (save, "save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (bar), error);
  gtk_box_append (GTK_BOX (bar), clear);
  gtk_box_append (GTK_BOX (bar), save);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), bar);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  gtk_editable_set_editable (GTK_EDITABLE (points), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (reason), self->editable);
  adw_expander_row_add_row (row, points);
  adw_expander_row_add_row (row, reason);
  adw_expander_row_add_row (row, holder);
}

static GtkWidget *
item_row (IcwReportScore *self,
          IcwScoreItem   *item)
{
  g_autofree char *value = item_value (item);
  g_autofree char *subtitle = NULL;
  gint64 limit = item_limit (self, item);
  gboolean typed = item->by_hand && limit >= 0;
  GtkWidget *row = typed ? adw_expander_row_new () : adw_action_row_new ();
  GtkWidget *label;

  subtitle = g_strdup_printf (_("%s\nBasis: %s"), item->why != NULL ? item->why : "", item->basis != NULL ? item->basis : "");
  gtk_widget_set_name (row, item->key);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  label = gtk_label_new (value);
  gtk_widget_set_name (label, "value");
  if (typed)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
      add_hand_entry (self, ADW_EXPANDER_ROW (row), item, limit);
      return row;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
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
  if (report != self->report)
    g_set_object (&self->report, report);
  g_clear_pointer (&self->score, icw_score_free);
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
  self->score = g_steal_pointer (&score);
  for (guint i = 0; i < self->score->items->len; i++)
    gtk_list_box_append (self->items, item_row (self, self->score->items->pdata[i]));
}

static IcwScoreItem *
find_item (IcwReportScore *self,
           const char     *key)
{
  for (guint i = 0; self->score != NULL && i < self->score->items->len; i++)
    if (g_strcmp0 (((IcwScoreItem *) self->score->items->pdata[i])->key, key) == 0)
      return self->score->items->pdata[i];
  return NULL;
}

/* Shows what was wrong in the item's row, with what was typed kept in its fields. */
static void
show_row_error (IcwReportScore *self,
                const char     *key,
                const char     *points,
                const char     *reason,
                const char     *message)
{
  GtkWidget *row = find_named (GTK_WIDGET (self->items), key);
  GtkWidget *error;

  if (row == NULL || !ADW_IS_EXPANDER_ROW (row))
    return;
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "points")), points);
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "reason")), reason);
  error = find_named (row, "error");
  gtk_label_set_text (GTK_LABEL (error), message);
  gtk_widget_set_visible (error, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (find_named (row, "points")),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

/* Puts the item's score (reason NULL: takes it away) into the report and saves it; the message
 * of what was refused, or NULL. */
static char *
store_score (IcwReportScore *self,
             const char     *key,
             gint64          hundredths,
             const char     *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = icw_report_hand_scores_parse (icw_report_get_hand_scores (self->report), &error);
  g_autofree char *before = NULL;
  g_autofree char *json = NULL;

  if (kept == NULL)
    return g_strdup (error->message);
  icw_report_hand_scores_put (kept, key, hundredths, reason);
  json = icw_report_hand_scores_to_json (kept);
  before = g_strdup (icw_report_get_hand_scores (self->report));
  icw_report_set_hand_scores (self->report, json);
  if (!icw_store_save (self->store, ICW_RECORD (self->report), &error))
    {
      icw_report_set_hand_scores (self->report, before);
      return g_strdup (error->message);
    }
  return NULL;
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  IcwReportScore *self = ICW_REPORT_SCORE (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  IcwScoreItem *item = find_item (self, key);
  GtkWidget *row = find_named (GTK_WIDGET (self->items), key);
  g_autofree char *points = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *limit = NULL;
  gint64 hundredths = 0;

  if (item == NULL || row == NULL || self->report == NULL || !self->editable)
    return;
  points = g_strdup (gtk_editable_get_text (GTK_EDITABLE (find_named (row, "points"))));
  reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (find_named (row, "reason"))));
  limit = icw_score_points_format (item_limit (self, item));
  if (!icw_report_hand_score_parse_points (points, &hundredths) || hundredths > item_limit (self, item))
    /* TRANSLATORS: a score typed by hand that is not a number within the item's limits */
    problem = g_strdup_printf (_("“%s”: the points must be a number from 0 to %s, with at most two decimals"),
                               item->title, limit);
  else if (strspn (reason, " \t\r\n") == strlen (reason))
    problem = g_strdup_printf (_("“%s”: give the reason for the score"), item->title);
  else
    problem = store_score (self, key, hundredths, reason);
  if (problem == NULL)
    {
      icw_report_score_show (self, self->report);
      return;
    }
  show_row_error (self, key, points, reason, problem);
}

static void
clear_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  IcwReportScore *self = ICW_REPORT_SCORE (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autofree char *problem = NULL;

  if (self->report == NULL || !self->editable)
    return;
  problem = store_score (self, key, 0, NULL);
  if (problem == NULL)
    icw_report_score_show (self, self->report);
  else
    show_row_error (self, key, "", "", problem);
}

void
icw_report_score_set_editable (IcwReportScore *self,
                               gboolean        editable)
{
  g_return_if_fail (ICW_IS_REPORT_SCORE (self));
  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "score.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "score.clear", editable);
  for (guint i = 0; self->score != NULL && i < self->score->items->len; i++)
    {
      IcwScoreItem *item = self->score->items->pdata[i];
      GtkWidget *row = find_named (GTK_WIDGET (self->items), item->key);

      if (row == NULL || !ADW_IS_EXPANDER_ROW (row))
        continue;
      gtk_editable_set_editable (GTK_EDITABLE (find_named (row, "points")), editable);
      gtk_editable_set_editable (GTK_EDITABLE (find_named (row, "reason")), editable);
    }
}

gboolean
icw_report_score_type_by_hand (IcwReportScore *self,
                               const char     *item,
                               const char     *points,
                               const char     *reason)
{
  GtkWidget *row;

  g_return_val_if_fail (ICW_IS_REPORT_SCORE (self), FALSE);
  row = find_named (GTK_WIDGET (self->items), item);
  if (row == NULL || !ADW_IS_EXPANDER_ROW (row))
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "points")), points);
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "reason")), reason);
  return gtk_widget_activate_action (find_named (row, "save"), "score.save", "s", item);
}

const char *
icw_report_score_get_row_error (IcwReportScore *self,
                                const char     *item)
{
  GtkWidget *row = find_named (GTK_WIDGET (self->items), item);
  GtkWidget *error = row != NULL ? find_named (row, "error") : NULL;

  return error != NULL && gtk_widget_get_visible (error) ? gtk_label_get_text (GTK_LABEL (error)) : NULL;
}

const char *
icw_report_score_get_row_value (IcwReportScore *self,
                                const char     *item)
{
  GtkWidget *row = find_named (GTK_WIDGET (self->items), item);
  GtkWidget *value = row != NULL ? find_named (row, "value") : NULL;

  return value != NULL ? gtk_label_get_text (GTK_LABEL (value)) : NULL;
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
  g_clear_pointer (&self->score, icw_score_free);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
}

static void
icw_report_score_class_init (IcwReportScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_report_score_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "score.save", "s", save_activated);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "score.clear", "s", clear_activated);
}

static void
icw_report_score_init (IcwReportScore *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  self->scheme = icw_ui_wrapped_label ("heading");
  self->summary = icw_ui_wrapped_label ("title-2");
  self->grade = icw_ui_wrapped_label (NULL);
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
