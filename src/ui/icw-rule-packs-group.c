/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-packs-group.c: one switch per rule pack found (bundled, or the user's own in
 * $XDG_DATA_HOME/ic-workbench/rules). With no switch on, the center's `rule-packs` is empty and the
 * packs follow each application's kind and the center's province (icw-application-check.c); with
 * some on, exactly those apply. The choice is saved as it is made. The packs are read, and their
 * rows made, when the group first gets a center (it is under the center editor's first screen,
 * filled after it: issue 20); in a window on screen the rows are added two a frame, so that no
 * frame carries the measuring of all of them (icw-frame-batches.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-frame-batches.h"
#include "icw-rule-pack.h"
#include "icw-rule-packs-group.h"
#include "icw-title-box-layout.h"
#include "icw-ui-util.h"

struct _IcwRulePacksGroup
{
  AdwPreferencesGroup parent_instance;

  IcwStore *store;
  IcwCenter *center;
  GPtrArray *packs;      /* NULL until the first center */
  GPtrArray *switches;   /* in the order of packs */
  GPtrArray *rows;       /* in the order of packs */
  guint n_added;         /* the rows in the group (the others wait for frames) */
  IcwFrameBatches *batches;
  GtkLabel *state_label;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (IcwRulePacksGroup, icw_rule_packs_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_chosen (const char *chosen,
           const char *id)
{
  g_auto(GStrv) ids = g_strsplit (chosen != NULL ? chosen : "", ",", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (g_strstrip (ids[i]), id))
      return TRUE;
  return FALSE;
}

static void
show_state (IcwRulePacksGroup *self)
{
  const char *chosen = self->center != NULL ? icw_center_get_rule_packs (self->center) : NULL;
  gboolean none = chosen == NULL || *chosen == '\0';

  self->updating = TRUE;
  for (guint i = 0; self->packs != NULL && i < self->packs->len; i++)
    gtk_switch_set_active (self->switches->pdata[i],
                           !none && is_chosen (chosen, icw_rule_pack_get_id (self->packs->pdata[i])));
  self->updating = FALSE;
  gtk_label_set_text (self->state_label,
                      none ? _("None chosen: the packs follow the kind of each application and the center's province.")
                           : _("Only the packs switched on apply to this center's applications."));
}

static void
on_switch_toggled (IcwRulePacksGroup *self)
{
  g_autoptr(GString) chosen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  if (self->updating || self->center == NULL || self->packs == NULL)
    return;
  for (guint i = 0; i < self->packs->len; i++)
    if (gtk_switch_get_active (self->switches->pdata[i]))
      g_string_append_printf (chosen, "%s%s", chosen->len > 0 ? "," : "",
                              icw_rule_pack_get_id (self->packs->pdata[i]));

  before = g_strdup (icw_center_get_rule_packs (self->center));
  icw_center_set_rule_packs (self->center, chosen->str);
  if (!icw_store_save (self->store, ICW_RECORD (self->center), &error))
    {
      icw_center_set_rule_packs (self->center, before);
      icw_ui_report_error (GTK_WIDGET (self), error);
    }
  show_state (self);
}

/* A pack's note runs to 1,700 characters; its row shows three lines of it (about 200 characters
 * at the page's widest, 600 px), ellipsized. The row is given only the start of the note: text
 * that cannot be seen is not shaped each time the row is measured (most of the group's cost). */
#define SHOWN_NOTE_CHARS 400

static char *
shown_part (const char *text)
{
  const char *end;

  if (g_utf8_strlen (text, -1) <= SHOWN_NOTE_CHARS)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, SHOWN_NOTE_CHARS);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/* One switch per pack found (the rows go to the group's list, above the state label). */
static void
build_rows (IcwRulePacksGroup *self)
{
  g_autoptr(GPtrArray) errors = NULL;

  /* A malformed pack is left out here; the application check names it. */
  self->packs = icw_rule_packs_load_all (&errors);
  for (guint i = 0; i < self->packs->len; i++)
    {
      IcwRulePack *pack = self->packs->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *note = icw_rule_pack_get_note (pack);
      g_autofree char *full = note != NULL ? g_strdup_printf ("%s · %s", icw_rule_pack_get_id (pack), note)
                                           : g_strdup (icw_rule_pack_get_id (pack));
      g_autofree char *subtitle = shown_part (full);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), icw_rule_pack_get_title (pack));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      /* The whole note: on the pointer, and for screen readers. */
      gtk_widget_set_tooltip_text (row, full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full, -1);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      /* The row names the switch (labelled by its title: a label of its own would be said twice)
       * and the switch is its only Tab stop. */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      icw_ui_row_skip_tab (row);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_switch_toggled), self);
      g_ptr_array_add (self->switches, toggle);
      g_ptr_array_add (self->rows, g_object_ref_sink (row));
    }
}

/* Rows added a frame in a window on screen. */
#define ROWS_A_FRAME 2

/* The next rows are added to the group; whether more wait. */
static gboolean
add_rows (gpointer data)
{
  IcwRulePacksGroup *self = data;

  for (guint n = 0; self->n_added < self->rows->len && n < ROWS_A_FRAME; n++)
    {
      GtkWidget *row = self->rows->pdata[self->n_added++];

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      /* The row's title measured without a height (icw-title-box-layout.c), as the editor's others. */
      icw_title_box_layout_install (row);
    }
  return self->n_added < self->rows->len;
}

void
icw_rule_packs_group_set_center (IcwRulePacksGroup *self,
                                 IcwCenter         *center)
{
  g_return_if_fail (ICW_IS_RULE_PACKS_GROUP (self));

  if (self->center != NULL)
    g_signal_handlers_disconnect_by_data (self->center, self);
  g_set_object (&self->center, center);
  if (center != NULL && self->packs == NULL)
    {
      build_rows (self);
      self->batches = icw_frame_batches_start (GTK_WIDGET (self), add_rows, self);
      if (self->batches == NULL)
        while (add_rows (self))
          ;
    }
  if (center != NULL)
    g_signal_connect_swapped (center, "notify::rule-packs", G_CALLBACK (show_state), self);
  show_state (self);
}

static void
icw_rule_packs_group_dispose (GObject *object)
{
  IcwRulePacksGroup *self = ICW_RULE_PACKS_GROUP (object);

  if (self->center != NULL)
    g_signal_handlers_disconnect_by_data (self->center, self);
  icw_frame_batches_stop (&self->batches);
  g_clear_object (&self->center);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->switches, g_ptr_array_unref);

  G_OBJECT_CLASS (icw_rule_packs_group_parent_class)->dispose (object);
}

static void
icw_rule_packs_group_class_init (IcwRulePacksGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_rule_packs_group_dispose;
}

static void
icw_rule_packs_group_init (IcwRulePacksGroup *self)
{
  g_autofree char *title = g_markup_escape_text (_("Rule Packs"), -1);
  g_autofree char *description = g_markup_escape_text (_("The policy rules this center's applications are checked against, each rule with its citation."), -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  self->switches = g_ptr_array_new ();
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->state_label, 0);
  gtk_label_set_wrap (self->state_label, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->state_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->state_label));
}

GtkWidget *
icw_rule_packs_group_new (IcwStore *store)
{
  IcwRulePacksGroup *self = g_object_new (ICW_TYPE_RULE_PACKS_GROUP, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
