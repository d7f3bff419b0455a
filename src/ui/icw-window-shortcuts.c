/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-window-shortcuts.c: the window's keyboard commands on the document it shows. win.check
 * runs the check of the editor on screen (icw_document_editor_run_check, as its Check button
 * does); win.mark-ready and win.submit click the document bar's "Mark as Ready" and "Submit…"
 * buttons, so that they do exactly what a click does and only when a click could (the button is
 * shown and sensitive: Mark as Ready on a draft, Submit… on a ready document). With no such
 * editor or button on screen the window beeps. The accelerators are set by the application
 * (icw-workbench-app.c) and listed in the shortcuts window (resources/gtk/help-overlay.ui). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-document-bar.h"
#include "icw-document-editor.h"
#include "icw-window-shortcuts.h"

/* The first mapped widget under ROOT (itself included) of TYPE, depth first. */
static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped, sensitive button under ROOT whose mnemonic label is LABEL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return gtk_widget_is_sensitive (root) ? root : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_activated (GtkWidget  *window,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWidget *editor = find_mapped (window, ICW_TYPE_DOCUMENT_EDITOR);

  if (editor == NULL || icw_document_editor_get_record (ICW_DOCUMENT_EDITOR (editor)) == NULL)
    gtk_widget_error_bell (window);
  else
    icw_document_editor_run_check (ICW_DOCUMENT_EDITOR (editor));
}

/* The labels are the document bar's own (icw-document-bar.c), translated the same way. */
static void
bar_button_activated (GtkWidget  *window,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *label = g_str_equal (action_name, "win.mark-ready") ? _("Mark as _Ready") : _("_Submit…");
  GtkWidget *bar = find_mapped (window, ICW_TYPE_DOCUMENT_BAR);
  GtkWidget *button = bar != NULL ? find_button (bar, label) : NULL;

  if (button == NULL)
    gtk_widget_error_bell (window);
  else
    g_signal_emit_by_name (button, "clicked");  /* at once: gtk_widget_activate() waits 250 ms */
}

void
icw_window_shortcuts_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "win.mark-ready", NULL, bar_button_activated);
  gtk_widget_class_install_action (widget_class, "win.submit", NULL, bar_button_activated);
}
