/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-targets-window.c: a center's targets (任务书) and their versions (icw-targets-window.h).
 * The table is a grid made again for the version shown: labels, or in Edit entries for the
 * current version's targets (an empty entry: no target that year). A cell that is not a number
 * is named with its indicator and year, and nothing is saved until every cell and the reason are
 * right; what was typed stays in the entries. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "icw-application.h"
#include "icw-store-reports.h"
#include "icw-targets-window.h"
#include "icw-ui-util.h"

typedef struct {
  char      *key;
  int        year;
  GtkWidget *widget;   /* a GtkLabel, or a GtkEntry in Edit */
} Cell;

struct _IcwTargetsWindow
{
  AdwWindow parent_instance;

  IcwStore       *store;
  IcwCenter      *center;
  IcwTargetSet   *shown;      /* the version shown, or NULL when the center has none */
  int             latest;     /* the current version, 0 when none */
  gboolean        editing;
  AdwWindowTitle *title;
  GtkLabel       *heading;
  GtkLabel       *about;
  GtkLabel       *message;
  GtkGrid        *grid;
  GtkWidget      *edit_button;
  GtkWidget      *carry_button;
  GtkWidget      *edit_bar;
  GtkEntry       *reason;
  GtkListBox     *versions;
  GArray         *cells;      /* Cell */
  guint           n_indicators;
};

G_DEFINE_FINAL_TYPE (IcwTargetsWindow, icw_targets_window, ADW_TYPE_WINDOW)

static void
cell_clear (Cell *cell)
{
  g_free (cell->key);
}

static void
set_message (IcwTargetsWindow *self,
             const char       *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

static void
years_of (IcwTargetSet *set,
          int          *first,
          int          *last)
{
  *first = set->first_year;
  *last = set->last_year;
  for (guint i = 0; i < set->targets->len; i++)
    {
      int year = ((IcwTarget *) set->targets->pdata[i])->year;

      *first = *first > 0 ? MIN (*first, year) : year;
      *last = MAX (*last, year);
    }
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
value_label (const char *text,
             float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

static void
clear_grid (IcwTargetsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_array_set_size (self->cells, 0);
  self->n_indicators = 0;
}

static void
build_grid (IcwTargetsWindow *self)
{
  g_autoptr(GPtrArray) indicators = NULL;
  int first, last;

  clear_grid (self);
  if (self->shown == NULL)
    return;
  indicators = icw_target_set_indicators (self->shown);
  years_of (self->shown, &first, &last);
  gtk_grid_attach (self->grid, header_label (_("Indicator")), 0, 0, 1, 1);
  gtk_grid_attach (self->grid, header_label (_("Unit")), 1, 0, 1, 1);
  gtk_grid_attach (self->grid, header_label (_("Baseline")), 2, 0, 1, 1);
  for (int year = first; year <= last; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      gtk_grid_attach (self->grid, header_label (text), 3 + year - first, 0, 1, 1);
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      IcwTarget *indicator = indicators->pdata[i];
      const char *name = indicator->name != NULL && *indicator->name != '\0' ? indicator->name : indicator->indicator_key;
      g_autofree char *baseline = indicator->has_baseline ? number_text (indicator->baseline) : g_strdup ("—");

      gtk_grid_attach (self->grid, value_label (name, 0), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->grid, value_label (indicator->unit != NULL ? indicator->unit : "—", 0), 1, (int) i + 1, 1, 1);
      gtk_grid_attach (self->grid, value_label (baseline, 1), 2, (int) i + 1, 1, 1);
      for (int year = first; year <= last; year++)
        {
          IcwTarget *target = icw_target_set_find (self->shown, indicator->indicator_key, year);
          g_autofree char *text = target != NULL ? number_text (target->target) : NULL;
          Cell cell = { g_strdup (indicator->indicator_key), year, NULL };

          if (self->editing)
            {
              /* TRANSLATORS: the accessible name of a target's entry: the indicator, then the year */
              g_autofree char *label = g_strdup_printf (_("%s, %d"), name, year);

              cell.widget = gtk_entry_new ();
              gtk_editable_set_text (GTK_EDITABLE (cell.widget), text != NULL ? text : "");
              gtk_editable_set_width_chars (GTK_EDITABLE (cell.widget), 8);
              gtk_entry_set_alignment (GTK_ENTRY (cell.widget), 1);
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell.widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
            }
          else
            cell.widget = value_label (text != NULL ? text : "—", 1);
          gtk_grid_attach (self->grid, cell.widget, 3 + year - first, (int) i + 1, 1, 1);
          g_array_append_val (self->cells, cell);
        }
    }
  self->n_indicators = indicators->len;
}

static void
show_heading (IcwTargetsWindow *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *about = NULL;
  IcwTargetSet *set = self->shown;

  if (set == NULL)
    {
      gtk_label_set_text (self->heading, _("No targets yet"));
      gtk_label_set_text (self->about, _("The targets come from the 绩效目标表 of the center's accepted application: carry them with Carry from Accepted Application…."));
      return;
    }
  heading = set->version == self->latest
    /* TRANSLATORS: the heading of the targets shown: the version and the years it covers */
    ? g_strdup_printf (_("Version %d, the current one (%d–%d)"), set->version, set->first_year, set->last_year)
    : g_strdup_printf (_("Version %d, an earlier one (%d–%d)"), set->version, set->first_year, set->last_year);
  gtk_label_set_text (self->heading, heading);
  /* TRANSLATORS: who made a version of the targets, when (a date) and why */
  about = g_strdup_printf (_("Made by %s on %.10s: %s"), set->changed_by != NULL ? set->changed_by : "—",
                           set->changed_at != NULL ? set->changed_at : "", set->reason != NULL ? set->reason : "—");
  gtk_label_set_text (self->about, about);
}

static char *
application_title (IcwTargetsWindow *self,
                   const char       *id)
{
  g_autoptr(IcwRecord) application = id != NULL ? icw_store_lookup (self->store, ICW_RECORD_KIND_APPLICATION, id, NULL) : NULL;
  const char *title = application != NULL ? icw_application_get_title (ICW_APPLICATION (application)) : NULL;

  return g_strdup (title != NULL && *title != '\0' ? title : id);
}

static void
build_versions (IcwTargetsWindow *self)
{
  g_autoptr(GPtrArray) versions = icw_store_list_target_versions (self->store, icw_record_get_id (ICW_RECORD (self->center)));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions))) != NULL)
    gtk_list_box_remove (self->versions, child);
  self->latest = 0;
  for (guint i = versions->len; i-- > 0;)
    {
      IcwTargetSet *version = versions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *show = gtk_button_new_with_label (_("Show"));
      g_autofree char *title = g_strdup_printf (_("Version %d"), version->version);
      g_autofree char *from = version->application_id != NULL ? application_title (self, version->application_id) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *show_name = NULL;

      self->latest = MAX (self->latest, version->version);
      subtitle = from != NULL
        /* TRANSLATORS: a version of the targets: date · who · why, then the application it came from */
        ? g_strdup_printf (_("%.10s · %s · %s (carried from “%s”)"), version->changed_at != NULL ? version->changed_at : "",
                           version->changed_by != NULL ? version->changed_by : "—", version->reason != NULL ? version->reason : "—", from)
        : g_strdup_printf (_("%.10s · %s · %s"), version->changed_at != NULL ? version->changed_at : "",
                           version->changed_by != NULL ? version->changed_by : "—", version->reason != NULL ? version->reason : "—");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* TRANSLATORS: the accessible name of a version's Show button, e.g. "Show Version 2" */
      show_name = g_strdup_printf (_("Show %s"), title);
      icw_ui_button_set_accessible_name (show, show_name);
      gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "targets.show");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (show), "i", version->version);
      gtk_widget_set_sensitive (show, self->shown == NULL || self->shown->version != version->version);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), show);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->versions, row);
    }
}

static void
reload (IcwTargetsWindow *self,
        int               version)
{
  g_autoptr(GPtrArray) pending = icw_store_list_uncarried_applications (self->store, icw_record_get_id (ICW_RECORD (self->center)));

  g_clear_pointer (&self->shown, icw_target_set_free);
  self->shown = icw_store_load_targets (self->store, icw_record_get_id (ICW_RECORD (self->center)), version, NULL);
  build_versions (self);
  show_heading (self);
  build_grid (self);
  gtk_widget_set_visible (self->edit_bar, self->editing);
  gtk_widget_set_sensitive (self->edit_button, self->latest > 0 && !self->editing);
  gtk_widget_set_visible (self->carry_button, pending->len > 0 && !self->editing);
}

void
icw_targets_window_show_version (IcwTargetsWindow *self,
                                 int               version)
{
  g_return_if_fail (ICW_IS_TARGETS_WINDOW (self));
  if (self->editing)
    return;
  set_message (self, NULL);
  reload (self, version);
}

static void
show_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  icw_targets_window_show_version (ICW_TARGETS_WINDOW (widget), g_variant_get_int32 (parameter));
}

void
icw_targets_window_edit (IcwTargetsWindow *self)
{
  g_return_if_fail (ICW_IS_TARGETS_WINDOW (self));
  if (self->latest == 0 || self->editing)
    return;
  self->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->reason), "");
  set_message (self, NULL);
  reload (self, 0);
  if (self->cells->len > 0)
    gtk_widget_grab_focus (g_array_index (self->cells, Cell, 0).widget);
}

static void
cancel_edit (IcwTargetsWindow *self)
{
  self->editing = FALSE;
  set_message (self, NULL);
  reload (self, 0);
}

/* A target as typed: a number, with "." or "," before the decimals; empty is no target. */
static gboolean
parse_target (const char *text,
              gboolean   *empty,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  *empty = *copy == '\0';
  if (*empty)
    return TRUE;
  g_strdelimit (copy, ",", '.');
  *out = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*out);
}

gboolean
icw_targets_window_save (IcwTargetsWindow *self)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ICW_IS_TARGETS_WINDOW (self), FALSE);
  if (!self->editing || self->shown == NULL)
    return FALSE;
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      IcwTarget *indicator = NULL;
      gboolean empty;
      double value = 0;

      for (guint k = 0; indicator == NULL && k < self->shown->targets->len; k++)
        if (g_strcmp0 (((IcwTarget *) self->shown->targets->pdata[k])->indicator_key, cell->key) == 0)
          indicator = self->shown->targets->pdata[k];
      if (!parse_target (gtk_editable_get_text (GTK_EDITABLE (cell->widget)), &empty, &value))
        {
          /* TRANSLATORS: a target typed that is not a number: the indicator, then the year */
          g_autofree char *problem = g_strdup_printf (_("“%s”, %d: the target must be a number, such as 12 or 52.5"),
                                                      indicator->name != NULL && *indicator->name != '\0' ? indicator->name : cell->key,
                                                      cell->year);

          set_message (self, problem);
          gtk_widget_grab_focus (cell->widget);
          return FALSE;
        }
      if (!empty)
        {
          IcwTarget *target = icw_target_new (cell->key, cell->year, value);

          target->area = g_strdup (indicator->area);
          target->name = g_strdup (indicator->name);
          target->unit = g_strdup (indicator->unit);
          target->has_baseline = indicator->has_baseline;
          target->baseline = indicator->baseline;
          g_ptr_array_add (targets, target);
        }
    }
  if (targets->len == 0)
    {
      set_message (self, _("Give at least one target: a version without targets would leave the reports nothing to compare."));
      return FALSE;
    }
  if (icw_store_save_targets (self->store, icw_record_get_id (ICW_RECORD (self->center)), targets, g_get_user_name (),
                              gtk_editable_get_text (GTK_EDITABLE (self->reason)), &error) == 0)
    {
      set_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason));
      return FALSE;
    }
  self->editing = FALSE;
  set_message (self, NULL);
  reload (self, 0);
  return TRUE;
}

gboolean
icw_targets_window_carry (IcwTargetsWindow *self,
                          const char       *application_id)
{
  g_autoptr(IcwRecord) application = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ICW_IS_TARGETS_WINDOW (self), FALSE);
  application = icw_store_lookup (self->store, ICW_RECORD_KIND_APPLICATION, application_id, &error);
  if (application == NULL ||
      icw_store_carry_targets_from_application (self->store, ICW_APPLICATION (application), g_get_user_name (), NULL, &error) == 0)
    {
      set_message (self, error->message);
      return FALSE;
    }
  set_message (self, NULL);
  reload (self, 0);
  return TRUE;
}

static void
on_carry_response (AdwMessageDialog *dialog,
                   const char       *response,
                   IcwTargetsWindow *self)
{
  if (g_strcmp0 (response, "cancel") != 0)
    icw_targets_window_carry (self, response);
}

static void
carry_clicked (IcwTargetsWindow *self)
{
  g_autoptr(GPtrArray) pending = icw_store_list_uncarried_applications (self->store, icw_record_get_id (ICW_RECORD (self->center)));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Carry Targets from an Accepted Application?"),
                                              _("The application's performance targets (绩效目标表) become a new version of the center's targets; the earlier versions are kept."));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < pending->len; i++)
    {
      const char *id = icw_record_get_id (pending->pdata[i]);
      g_autofree char *title = application_title (self, id);
      /* TRANSLATORS: a button carrying one application's targets, with its title */
      g_autofree char *label = g_strdup_printf (_("Carry from “%s”"), title);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id, ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_carry_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

int
icw_targets_window_get_version (IcwTargetsWindow *self)
{
  return self->shown != NULL ? self->shown->version : 0;
}

guint
icw_targets_window_get_n_indicators (IcwTargetsWindow *self)
{
  return self->n_indicators;
}

guint
icw_targets_window_get_n_versions (IcwTargetsWindow *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->versions)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static Cell *
find_cell (IcwTargetsWindow *self,
           const char       *key,
           int               year)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);

      if (cell->year == year && g_strcmp0 (cell->key, key) == 0)
        return cell;
    }
  return NULL;
}

const char *
icw_targets_window_get_cell (IcwTargetsWindow *self,
                             const char       *indicator_key,
                             int               year)
{
  Cell *cell = find_cell (self, indicator_key, year);

  if (cell == NULL)
    return NULL;
  return GTK_IS_LABEL (cell->widget) ? gtk_label_get_text (GTK_LABEL (cell->widget))
                                     : gtk_editable_get_text (GTK_EDITABLE (cell->widget));
}

gboolean
icw_targets_window_set_cell (IcwTargetsWindow *self,
                             const char       *indicator_key,
                             int               year,
                             const char       *text)
{
  Cell *cell = find_cell (self, indicator_key, year);

  if (cell == NULL || !GTK_IS_EDITABLE (cell->widget))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (cell->widget), text);
  return TRUE;
}

void
icw_targets_window_set_reason (IcwTargetsWindow *self,
                               const char       *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (self->reason), reason);
}

const char *
icw_targets_window_get_message (IcwTargetsWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : NULL;
}

gboolean
icw_targets_window_can_carry (IcwTargetsWindow *self)
{
  return gtk_widget_get_visible (self->carry_button);
}

static void
icw_targets_window_dispose (GObject *object)
{
  IcwTargetsWindow *self = ICW_TARGETS_WINDOW (object);

  g_clear_pointer (&self->shown, icw_target_set_free);
  g_clear_object (&self->center);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_targets_window_parent_class)->dispose (object);
}

static void
icw_targets_window_finalize (GObject *object)
{
  IcwTargetsWindow *self = ICW_TARGETS_WINDOW (object);

  g_array_unref (self->cells);
  G_OBJECT_CLASS (icw_targets_window_parent_class)->finalize (object);
}

static void
icw_targets_window_class_init (IcwTargetsWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_targets_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = icw_targets_window_finalize;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "targets.show", "i", show_activated);
  icw_ui_class_add_close_keys (GTK_WIDGET_CLASS (klass));
}

static void
icw_targets_window_init (IcwTargetsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *table_scroll = gtk_scrolled_window_new ();
  GtkWidget *save = icw_ui_mnemonic_button_new (_("_Save as New Version"));
  GtkWidget *cancel = icw_ui_mnemonic_button_new (_("_Cancel"));
  GtkWidget *reason_label = gtk_label_new_with_mnemonic (_("_Reason for the change (required)"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *versions_title = gtk_label_new (_("Versions"));

  g_array_set_clear_func (self->cells = g_array_new (FALSE, TRUE, sizeof (Cell)), (GDestroyNotify) cell_clear);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Targets (任务书)"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->edit_button = icw_ui_mnemonic_button_new (_("_Edit…"));
  icw_ui_button_set_accessible_name (self->edit_button, _("Edit the Targets"));
  g_signal_connect_swapped (self->edit_button, "clicked", G_CALLBACK (icw_targets_window_edit), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->edit_button);
  self->carry_button = icw_ui_mnemonic_button_new (_("C_arry from Accepted Application…"));
  g_signal_connect_swapped (self->carry_button, "clicked", G_CALLBACK (carry_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->carry_button);
  gtk_box_append (GTK_BOX (box), header);

  self->heading = icw_ui_wrapped_label ("title-3");
  self->about = icw_ui_wrapped_label ("dim-label");
  self->message = icw_ui_wrapped_label ("error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->about));
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 8);
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Targets by year"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  /* Many years scroll sideways with a scrollbar in sight (an overlay one shows only under the
   * pointer, and a cut year looked like the table's end). */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (table_scroll), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroll), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (page), table_scroll);

  self->edit_bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->reason = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (reason_label), GTK_WIDGET (self->reason));
  gtk_label_set_xalign (GTK_LABEL (reason_label), 0);
  gtk_box_append (GTK_BOX (self->edit_bar), reason_label);
  gtk_box_append (GTK_BOX (self->edit_bar), GTK_WIDGET (self->reason));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (icw_targets_window_save), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_edit), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (self->edit_bar), buttons);
  gtk_widget_set_visible (self->edit_bar, FALSE);
  gtk_box_append (GTK_BOX (page), self->edit_bar);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->message));

  gtk_widget_add_css_class (versions_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (versions_title), 0);
  gtk_widget_set_margin_top (versions_title, 12);
  gtk_box_append (GTK_BOX (page), versions_title);
  self->versions = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->versions, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->versions), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->versions), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Versions"), -1);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->versions));

  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

IcwTargetsWindow *
icw_targets_window_new (GtkWidget *parent,
                        IcwStore  *store,
                        IcwCenter *center)
{
  IcwTargetsWindow *self = g_object_new (ICW_TYPE_TARGETS_WINDOW, NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  self->store = g_object_ref (store);
  self->center = g_object_ref (center);
  adw_window_title_set_subtitle (self->title, icw_center_get_name (center));
  gtk_window_set_title (GTK_WINDOW (self), _("Targets (任务书)"));
  if (root != NULL && GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      if (gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  reload (self, 0);
  return self;
}
