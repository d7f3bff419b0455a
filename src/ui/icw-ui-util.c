/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ui-util.c: helpers shared by the pages and editors. Toasts go to the nearest
 * AdwToastOverlay above the widget, so editors need not know the window. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-ui-util.h"

/* The overlay above the widget, or the one of its window, or of the window a dialog belongs to.
 * This is the one walk up the widget tree left in src/ui, on purpose: a toast is a service of the
 * window (or of a window's part, as in the conflicts window), AdwToastOverlay offers no action to
 * reach it, and an undo toast carries a callback that an action's parameter could not. */
static GtkWidget *
find_overlay (GtkWidget *from)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (from));

  for (; overlay == NULL && window != NULL; window = gtk_window_get_transient_for (window))
    if (ADW_IS_APPLICATION_WINDOW (window) &&
        ADW_IS_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))))
      overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  return overlay;
}

void
icw_ui_toast (GtkWidget  *from,
              const char *message)
{
  GtkWidget *overlay = find_overlay (from);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

void
icw_ui_report_error (GtkWidget    *from,
                     const GError *error)
{
  icw_ui_toast (from, error->message);
}

typedef struct {
  IcwStore *store;
  IcwRecord *record;
  GtkWidget *from;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->record);
  g_clear_weak_pointer (&undo->from);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!icw_store_restore (undo->store, undo->record, &error) && undo->from != NULL)
    icw_ui_report_error (undo->from, error);
}

/* Deletes the record and offers to undo it from a toast. Returns FALSE (after saying why in a
 * toast) when the store refused, e.g. because the record is in use. */
gboolean
icw_ui_delete_with_undo (GtkWidget  *from,
                         IcwStore   *store,
                         IcwRecord  *record,
                         const char *message)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = find_overlay (from);
  AdwToast *toast;
  UndoData *undo;

  if (!icw_store_delete (store, record, &error))
    {
      icw_ui_report_error (from, error);
      return FALSE;
    }
  if (overlay == NULL)
    return TRUE;

  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (store);
  undo->record = g_object_ref (record);
  g_set_weak_pointer (&undo->from, overlay);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked),
                         undo, undo_data_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

char *
icw_ui_organization_name (IcwStore   *store,
                          const char *organization_id)
{
  return icw_store_dup_name (store, ICW_RECORD_KIND_ORGANIZATION, organization_id);
}

/* A preferences group; its title and description are markup in libadwaita 1.2, so they are
 * escaped here ("R&D" would otherwise vanish). */
GtkWidget *
icw_ui_group_new (const char *title,
                  const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
    }
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
    }
  return group;
}

GtkLabel *
icw_ui_wrapped_label (const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  return label;
}

/* A table of a center's editor: a boxed list, a summary line under it and a warning under that. */
void
icw_ui_add_table (AdwPreferencesGroup  *group,
                  GtkListBox          **rows,
                  GtkLabel            **summary,
                  GtkLabel            **warning)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  *rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*rows), "boxed-list");
  /* Wrapped: a long summary must not make the window wider (a 360 px window). */
  *summary = icw_ui_wrapped_label ("heading");
  *warning = icw_ui_wrapped_label ("warning");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*rows));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*summary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*warning));
  adw_preferences_group_add (group, box);
}

/* Shows a table's summary and its warning (hidden when there is none). */
void
icw_ui_show_summary (GtkLabel   *summary_label,
                     GtkLabel   *warning_label,
                     const char *summary,
                     const char *warning)
{
  gtk_label_set_text (summary_label, summary);
  gtk_label_set_text (warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (warning_label), warning != NULL);
}

GtkWidget *
icw_ui_icon_button (const char *icon_name,
                    const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return button;
}

void
icw_ui_class_add_close_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

void
icw_ui_window_add_close_keys (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_w, GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
on_row_mapped (GtkWidget *row)
{
  gtk_widget_set_focusable (row, FALSE);
}

void
icw_ui_row_skip_tab (GtkWidget *row)
{
  gtk_widget_set_focusable (row, FALSE);
  g_signal_connect (row, "map", G_CALLBACK (on_row_mapped), NULL);
}

void
icw_ui_button_set_label (GtkButton  *button,
                         const char *label)
{
  gtk_button_set_label (button, label);
  /* The button stays labelled by its label child, whose text has no underscore. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

GtkWidget *
icw_ui_mnemonic_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
  icw_ui_button_set_label (GTK_BUTTON (button), label);
  return button;
}

void
icw_ui_name_buttons_once (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    icw_ui_name_buttons_once (child);
}

void
icw_ui_button_set_accessible_name (GtkWidget  *button,
                                   const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
