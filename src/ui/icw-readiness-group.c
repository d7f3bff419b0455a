/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-readiness-group.c: the readiness panel (icw-readiness-group.h). One row per condition: an
 * icon and a word for its state (the word is what a screen reader and a grey-scale print see),
 * the condition as the title, what the check found and its basis as the subtitle. The list is
 * evaluated again, once (icw-idle-refresh.h), after a save of what it reads: the center, its
 * shareholders, alliance members and reports, the organizations they name and those
 * organizations' platforms. A save elsewhere (another center, a document) does not touch it.
 *
 * Each row's wrapping subtitle is costly to measure (GTK 4.8 lays a wrapping label out at many
 * widths): in a window already on screen the evaluation has a frame of its own, then the rows
 * are added ROWS_A_FRAME a frame, so that no frame carries the measuring of all of them (issue
 * 20: the readiness panel's frame, 748 ms of CPU at start-up, blocked input). An evaluation after
 * a save changes the rows in place: a row whose condition, state and text are unchanged is not
 * touched, so it is not measured again. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-alliance-member.h"
#include "icw-frame-batches.h"
#include "icw-idle-refresh.h"
#include "icw-platform.h"
#include "icw-readiness-group.h"
#include "icw-readiness.h"
#include "icw-report.h"
#include "icw-shareholder.h"
#include "icw-title-box-layout.h"
#include "icw-ui-util.h"

/* Rows added a frame when the panel is filled in a window on screen (after a frame of the
 * evaluation alone). */
#define ROWS_A_FRAME 1

struct _IcwReadinessGroup
{
  AdwPreferencesGroup parent_instance;

  IcwStore  *store;
  IcwCenter *center;
  GPtrArray *rows;      /* GtkWidget, the rows shown */
  GPtrArray *pending;   /* IcwReadinessItem, the items whose rows wait for a frame (or NULL) */
  IcwFrameBatches *batches;
  gboolean   evaluated_only;   /* the first batch: the evaluation's frame, no row yet */
  guint      refresh_id;
  guint      n_missing;
  guint      n_evaluations;
  GHashTable *organizations;  /* IDs of the organizations the center names (lead, host, shareholders, members) */
};

G_DEFINE_FINAL_TYPE (IcwReadinessGroup, icw_readiness_group, ADW_TYPE_PREFERENCES_GROUP)

static const struct {
  const char *icon;
  const char *word;
  const char *css;
} states[] = {
  [ICW_READINESS_MET] = { "emblem-ok-symbolic", N_("Met"), "success" },
  [ICW_READINESS_MISSING] = { "dialog-error-symbolic", N_("Missing"), "error" },
  [ICW_READINESS_WARNING] = { "dialog-warning-symbolic", N_("To look at"), "warning" },
  [ICW_READINESS_NOT_CHECKED] = { "dialog-question-symbolic", N_("Not checked here"), "dim-label" },
};

/* The row's icon and word of its state, and its title and subtitle, from ITEM; what is already
 * as ITEM says is left alone. */
static void
set_row (GtkWidget        *row,
         IcwReadinessItem *item)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icw-readiness-icon");
  GtkWidget *word = g_object_get_data (G_OBJECT (row), "icw-readiness-word");
  guint old_state = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "icw-readiness-state"));
  g_autofree char *subtitle = NULL;

  if (item->detail != NULL)
    subtitle = g_strdup_printf (_("%s\nBasis: %s"), item->detail, item->basis);
  else
    subtitle = g_strdup_printf (_("Basis: %s"), item->basis);
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), item->condition) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->condition);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (gtk_widget_get_name (row), item->rule) != 0)
    gtk_widget_set_name (row, item->rule);
  if (old_state == item->state + 1)
    return;
  if (old_state != 0)
    {
      gtk_widget_remove_css_class (icon, states[old_state - 1].css);
      gtk_widget_remove_css_class (word, states[old_state - 1].css);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), states[item->state].icon);
  gtk_label_set_text (GTK_LABEL (word), _(states[item->state].word));
  gtk_widget_add_css_class (icon, states[item->state].css);
  gtk_widget_add_css_class (word, states[item->state].css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _(states[item->state].word), -1);
  g_object_set_data (G_OBJECT (row), "icw-readiness-state", GUINT_TO_POINTER (item->state + 1));
}

static GtkWidget *
item_row (IcwReadinessItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *word = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "icw-readiness-icon", icon);
  g_object_set_data (G_OBJECT (row), "icw-readiness-word", word);
  set_row (row, item);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), word);
  icw_ui_row_skip_tab (row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_row (IcwReadinessGroup *self,
         IcwReadinessItem  *item)
{
  GtkWidget *row = item_row (item);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  /* The row's title measured without a height (icw-title-box-layout.c), as the editor's others. */
  icw_title_box_layout_install (row);
  g_ptr_array_add (self->rows, row);
}

/* The next ROWS_A_FRAME rows waiting are added (icw-frame-batches.h); whether more wait. */
static gboolean
add_pending (gpointer data)
{
  IcwReadinessGroup *self = data;
  guint n = 0;

  if (self->evaluated_only)
    {
      self->evaluated_only = FALSE;
      return self->rows->len < self->pending->len;
    }
  while (self->rows->len < self->pending->len && n++ < ROWS_A_FRAME)
    add_row (self, self->pending->pdata[self->rows->len]);
  return self->rows->len < self->pending->len;
}

static void
stop_waiting (IcwReadinessGroup *self)
{
  icw_frame_batches_stop (&self->batches);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

/* The rows of ITEMS (taken): those there are changed in place, the rest added, at once or, the
 * first time in a window on screen, a few a frame. */
static void
show_items (IcwReadinessGroup *self,
            GPtrArray         *items)
{
  guint n_kept = MIN (self->rows->len, items->len);

  stop_waiting (self);
  for (guint i = 0; i < n_kept; i++)
    set_row (self->rows->pdata[i], items->pdata[i]);
  while (self->rows->len > items->len)
    {
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[self->rows->len - 1]);
      g_ptr_array_set_size (self->rows, self->rows->len - 1);
    }
  self->pending = items;
  if (self->rows->len == 0)
    {
      self->evaluated_only = TRUE;
      self->batches = icw_frame_batches_start (GTK_WIDGET (self), add_pending, self);
      self->evaluated_only = FALSE;
    }
  if (self->batches == NULL)
    while (add_pending (self))
      ;
  if (!icw_frame_batches_waiting (self->batches))
    stop_waiting (self);
}

static void
clear_rows (IcwReadinessGroup *self)
{
  stop_waiting (self);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

/* The grade of the center's latest graded report ("Excellent (2024 Periodic evaluation)"), or NULL. */
static char *
latest_grade (IcwReadinessGroup *self,
              gboolean          *top)
{
  g_autoptr(GListModel) reports = icw_store_list (self->store, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (self->center)));
  IcwReport *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcwReport) report = g_list_model_get_item (reports, i);

      if (icw_report_get_grade (report) == ICW_REPORT_GRADE_NONE)
        continue;
      if (latest == NULL || icw_report_get_year (report) > icw_report_get_year (latest) ||
          (icw_report_get_year (report) == icw_report_get_year (latest) && icw_report_get_version (report) > icw_report_get_version (latest)))
        latest = report;   /* the model holds a reference */
    }
  *top = latest != NULL && icw_report_get_grade (latest) == ICW_REPORT_GRADE_EXCELLENT;
  if (latest == NULL)
    return NULL;
  /* TRANSLATORS: a grade and the report it was given to, e.g. "Excellent (2024 Periodic evaluation)" */
  return g_strdup_printf (_("%s (%d %s)"), icw_report_grade_to_label (icw_report_get_grade (latest)),
                          icw_report_get_year (latest), icw_report_kind_to_label (icw_report_get_kind (latest)));
}

static void
add_organization (IcwReadinessGroup *self,
                  const char        *id)
{
  if (id != NULL && *id != '\0')
    g_hash_table_add (self->organizations, g_strdup (id));
}

/* The organizations whose saves (or whose platforms' saves) can change the evaluation. */
static void
note_organizations (IcwReadinessGroup *self)
{
  const char *center_id = icw_record_get_id (ICW_RECORD (self->center));
  g_autoptr(GPtrArray) shareholders = icw_store_list_records (self->store, ICW_RECORD_KIND_SHAREHOLDER, center_id);
  g_autoptr(GPtrArray) members = icw_store_list_records (self->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id);

  add_organization (self, icw_center_get_lead_organization_id (self->center));
  add_organization (self, icw_center_get_host_organization_id (self->center));
  for (guint i = 0; i < shareholders->len; i++)
    add_organization (self, icw_shareholder_get_organization_id (shareholders->pdata[i]));
  for (guint i = 0; i < members->len; i++)
    add_organization (self, icw_alliance_member_get_organization_id (members->pdata[i]));
}

static void
refresh (IcwReadinessGroup *self)
{
  GPtrArray *items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *grade = NULL;
  gboolean top = FALSE;

  self->n_missing = 0;
  g_hash_table_remove_all (self->organizations);
  if (self->center == NULL)
    {
      clear_rows (self);
      return;
    }
  self->n_evaluations++;
  note_organizations (self);
  grade = latest_grade (self, &top);
  items = icw_readiness_evaluate (self->store, self->center, NULL, grade, top, NULL, &error);
  if (items == NULL)
    {
      clear_rows (self);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      return;
    }
  self->n_missing = icw_readiness_count_missing (items);
  if (self->n_missing == 0)
    summary = g_strdup (_("Every condition the program checks on the center is met; the rest is checked on the upgrade application."));
  else
    summary = g_strdup_printf (ngettext ("%u condition of 工信厅科〔2017〕64号 is still missing.",
                                         "%u conditions of 工信厅科〔2017〕64号 are still missing.", self->n_missing),
                               self->n_missing);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), summary);
  show_items (self, items);
}

static void
refresh_widget (GtkWidget *widget)
{
  refresh (ICW_READINESS_GROUP (widget));
}

static gboolean
names_organization (IcwReadinessGroup *self,
                    const char        *id)
{
  return id != NULL && g_hash_table_contains (self->organizations, id);
}

/* Whether a saved record is one the evaluation reads. */
static gboolean
concerns (IcwReadinessGroup *self,
          IcwRecord         *record)
{
  const char *center_id = icw_record_get_id (ICW_RECORD (self->center));

  switch (icw_record_kind_of (record))
    {
    case ICW_RECORD_KIND_CENTER:
      return g_strcmp0 (icw_record_get_id (record), center_id) == 0;
    case ICW_RECORD_KIND_SHAREHOLDER:
      return g_strcmp0 (icw_shareholder_get_center_id (ICW_SHAREHOLDER (record)), center_id) == 0;
    case ICW_RECORD_KIND_ALLIANCE_MEMBER:
      return g_strcmp0 (icw_alliance_member_get_center_id (ICW_ALLIANCE_MEMBER (record)), center_id) == 0;
    case ICW_RECORD_KIND_REPORT:
      return g_strcmp0 (icw_report_get_center_id (ICW_REPORT (record)), center_id) == 0;
    case ICW_RECORD_KIND_ORGANIZATION:
      return names_organization (self, icw_record_get_id (record));
    case ICW_RECORD_KIND_PLATFORM:
      return names_organization (self, icw_platform_get_organization_id (ICW_PLATFORM (record)));
    default:
      return FALSE;
    }
}

static void
on_record_changed (IcwReadinessGroup *self,
                   IcwRecord         *record)
{
  if (self->center != NULL && concerns (self, record))
    icw_idle_refresh (GTK_WIDGET (self), &self->refresh_id, refresh_widget);
}

void
icw_readiness_group_set_center (IcwReadinessGroup *self,
                                IcwCenter         *center)
{
  g_return_if_fail (ICW_IS_READINESS_GROUP (self));

  if (!g_set_object (&self->center, center))
    return;
  refresh (self);
}

guint
icw_readiness_group_get_n_missing (IcwReadinessGroup *self)
{
  g_return_val_if_fail (ICW_IS_READINESS_GROUP (self), 0);
  return self->n_missing;
}

guint
icw_readiness_group_get_n_evaluations (IcwReadinessGroup *self)
{
  g_return_val_if_fail (ICW_IS_READINESS_GROUP (self), 0);
  return self->n_evaluations;
}

guint
icw_readiness_group_get_n_waiting (IcwReadinessGroup *self)
{
  g_return_val_if_fail (ICW_IS_READINESS_GROUP (self), 0);
  return icw_frame_batches_waiting (self->batches) ? self->pending->len - self->rows->len : 0;
}

static void
icw_readiness_group_dispose (GObject *object)
{
  IcwReadinessGroup *self = ICW_READINESS_GROUP (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_waiting (self);
  G_OBJECT_CLASS (icw_readiness_group_parent_class)->dispose (object);
  g_clear_object (&self->center);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->organizations, g_hash_table_unref);
}

static void
icw_readiness_group_class_init (IcwReadinessGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_readiness_group_dispose;
}

static void
icw_readiness_group_init (IcwReadinessGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Readiness to Upgrade to National"));
}

GtkWidget *
icw_readiness_group_new (IcwStore *store)
{
  IcwReadinessGroup *self = g_object_new (ICW_TYPE_READINESS_GROUP, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
