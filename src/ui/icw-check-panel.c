/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-check-panel.c: one row per finding, errors first as the checker sorts them: an icon for the
 * severity, the message in the user's language, and under it the rule's basis (document, clause
 * and the words quoted, or program practice) and the rule's id. Activating a row emits "activate-field" with the finding's field, which the
 * editor turns into a section and a focused widget. The counts per section feed the badges of the
 * section list. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-check-panel.h"
#include "icw-finding.h"
#include "icw-ui-util.h"

struct _IcwCheckPanel
{
  GtkBox parent_instance;

  GtkLabel *summary;
  GtkListBox *rows;
  GPtrArray *findings;
};

G_DEFINE_FINAL_TYPE (IcwCheckPanel, icw_check_panel, GTK_TYPE_BOX)

enum {
  ACTIVATE_FIELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_error (IcwFinding *finding)
{
  return icw_finding_get_severity (finding) == ICW_SEVERITY_ERROR;
}

/* The section a field belongs to is the part before the first '/'. */
static gboolean
field_in_section (const char *field,
                  const char *section_key)
{
  gsize len = strlen (section_key);

  return field != NULL && strncmp (field, section_key, len) == 0 && (field[len] == '\0' || field[len] == '/');
}

guint
icw_check_panel_count (IcwCheckPanel *self,
                       const char    *section_key,
                       gboolean       errors)
{
  guint count = 0;

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      IcwFinding *finding = g_ptr_array_index (self->findings, i);

      if (is_error (finding) == errors && field_in_section (icw_finding_get_field (finding), section_key))
        count++;
    }
  return count;
}

guint
icw_check_panel_n_errors (IcwCheckPanel *self)
{
  guint count = 0;

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    count += is_error (g_ptr_array_index (self->findings, i)) ? 1 : 0;
  return count;
}

/* A finding's row: the severity's icon, one label holding the message and, smaller and dimmed
 * under it, the basis, and a button. One wrapping label, not two in a vertical box, and not
 * AdwActionRow's title and subtitle: GTK 4.8's horizontal box asks a vertical box of wrapping labels
 * for its width at the row's height, which it overestimates, and a long message mixing Latin words
 * with CJK runs was laid out wider than its row, cut off at the panel's edge with its button. */
static GtkWidget *
finding_row (IcwFinding *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error (finding) ? "dialog-error-symbolic"
                                                                     : "dialog-warning-symbolic");
  /* TRANSLATORS: the secondary text of a finding: what its rule rests on, then the rule's ID */
  g_autofree char *subtitle = g_strdup_printf (_("Basis: %s · %s"), icw_finding_get_citation (finding),
                                               icw_finding_get_rule (finding));
  g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"small\" fgalpha=\"60%%\">%s</span>",
                                                     icw_finding_get_message (finding), subtitle);
  g_autofree char *show_label = NULL;
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *show;

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (icw_finding_get_url (finding) != NULL)
    gtk_widget_set_tooltip_text (row, icw_finding_get_url (finding));
  gtk_widget_add_css_class (icon, is_error (finding) ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error (finding) ? _("Error") : _("Warning"), -1);
  /* Read as an action row is read: the message is the row's name, the basis its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, icw_finding_get_message (finding),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* A button as well as the row, which it activates: keyboards and screen readers reach it directly. */
  show_label = g_strdup_printf (_("Show the field: %s"), icw_finding_get_message (finding));
  show = icw_ui_icon_button ("go-next-symbolic", show_label);
  g_signal_connect_object (show, "clicked", G_CALLBACK (gtk_widget_activate), row, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), show);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
icw_check_panel_set_findings (IcwCheckPanel *self,
                              GPtrArray     *findings)
{
  guint errors, warnings;
  g_autofree char *errors_text = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (findings != NULL)
    self->findings = g_ptr_array_ref (findings);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    gtk_list_box_append (self->rows, finding_row (g_ptr_array_index (findings, i)));

  errors = icw_check_panel_n_errors (self);
  warnings = (findings != NULL ? findings->len : 0) - errors;
  if (errors == 0 && warnings == 0)
    summary = g_strdup (_("No errors and no warnings: the application meets every rule checked."));
  else
    {
      errors_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      summary = g_strdup_printf (ngettext ("%s and %u warning", "%s and %u warnings", warnings),
                                 errors_text, warnings);
    }
  gtk_label_set_text (self->summary, summary);
}

static void
on_row_activated (IcwCheckPanel *self,
                  GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  const char *field = NULL;

  /* The rows are the findings, in their order. */
  if (self->findings != NULL && index >= 0 && (guint) index < self->findings->len)
    field = icw_finding_get_field (g_ptr_array_index (self->findings, index));
  if (field != NULL)
    g_signal_emit (self, signals[ACTIVATE_FIELD], 0, field);
}

static void
icw_check_panel_dispose (GObject *object)
{
  IcwCheckPanel *self = ICW_CHECK_PANEL (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (icw_check_panel_parent_class)->dispose (object);
}

static void
icw_check_panel_class_init (IcwCheckPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_check_panel_dispose;

  signals[ACTIVATE_FIELD] = g_signal_new ("activate-field", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
icw_check_panel_init (IcwCheckPanel *self)
{
  GtkWidget *title = gtk_label_new (_("Check Results"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");

  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Check Results"), -1);
  g_signal_connect_swapped (self->rows, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->rows));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (self), title);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
icw_check_panel_new (void)
{
  return g_object_new (ICW_TYPE_CHECK_PANEL, NULL);
}
