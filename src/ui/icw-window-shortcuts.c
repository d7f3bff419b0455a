/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-window-shortcuts.c: the window's keyboard commands on the document it shows. win.check
 * runs the check of the editor on screen (icw_document_editor_run_check, as its Check button
 * does); win.mark-ready and win.submit activate the document bar's editor.mark-ready and
 * editor.submit, the actions of its "Mark as Ready" and "Submit…" buttons, so that they do exactly
 * what a click does and only when a click could (Mark as Ready on a draft, Submit… on a ready
 * document). With no such editor or bar on screen, or a status that does not allow it, the
 * window beeps. The accelerators are set by the application
 * (icw-workbench-app.c) and listed in the shortcuts window (resources/gtk/help-overlay.ui), which
 * win.show-help-overlay builds when it is first asked for. */
#include "config.h"

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

/* win.mark-ready and win.submit activate editor.mark-ready and editor.submit on the document
 * bar on screen, the actions its buttons use. */
static void
bar_action_activated (GtkWidget  *window,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *editor_action = g_str_equal (action_name, "win.mark-ready") ? "editor.mark-ready" : "editor.submit";
  GtkWidget *bar = find_mapped (window, ICW_TYPE_DOCUMENT_BAR);

  if (bar == NULL || !icw_document_bar_offers (ICW_DOCUMENT_BAR (bar), editor_action))
    gtk_widget_error_bell (window);
  else
    gtk_widget_activate_action (bar, editor_action, NULL);
}

void
icw_window_shortcuts_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "win.mark-ready", NULL, bar_action_activated);
  gtk_widget_class_install_action (widget_class, "win.submit", NULL, bar_action_activated);
}

/* The stack of titles GTK 4.8 puts in a shortcuts window's header bar (its child "title" is the
 * label GTK writes "Shortcuts" in, its own string, for a window of one section), or NULL. */
static GtkStack *
find_title_stack (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && GTK_IS_LABEL (gtk_stack_get_child_by_name (GTK_STACK (root), "title")))
    return GTK_STACK (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_title_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header says what the window is called and what the menu item that opens it says, "Keyboard
 * Shortcuts" (GNOME's HIG), not GTK's "Shortcuts" (Chinese: 快捷操作 against the menu's 键盘快捷键). */
static void
title_header_as_window (GtkShortcutsWindow *overlay)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (overlay));
  GtkStack *titles = titlebar != NULL ? find_title_stack (titlebar) : NULL;

  if (titles != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_stack_get_child_by_name (titles, "title")),
                        gtk_window_get_title (GTK_WINDOW (overlay)));
}

/* win.show-help-overlay: the shortcuts window, built the first time it is asked for. GTK builds it
 * for every window as the window is added to the application when the resource is at the
 * application's gtk/help-overlay.ui (34 M instructions before the first frame, issue 20); it is
 * kept at ui/help-overlay.ui instead and handed to the window here. Once set, GTK shows it with
 * this same action (gtk_application_window_set_help_overlay adds its own only when the window has
 * none). */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       data)
{
  GtkApplicationWindow *window = data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      title_header_as_window (overlay);
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
icw_window_shortcuts_add_help_overlay (GtkApplicationWindow *window)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_activated), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

typedef struct {
  GtkWidget *before;  /* the sidebar's siblings in the window, which outlive its controller */
  GtkWidget *after;
} TabPast;

/* The focus moves out of the sidebar, to the first control of the page (or the last of the header
 * bar) that can take it; when none can, the key goes on to the list as before. */
static gboolean
on_sidebar_key_pressed (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        TabPast               *past)
{
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab))
    return FALSE;
  return backward ? gtk_widget_child_focus (past->before, GTK_DIR_TAB_BACKWARD)
                  : gtk_widget_child_focus (past->after, GTK_DIR_TAB_FORWARD);
}

void
icw_window_shortcuts_tab_past (GtkWidget *sidebar,
                               GtkWidget *before,
                               GtkWidget *after)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  TabPast *past = g_new (TabPast, 1);

  past->before = before;
  past->after = after;
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (on_sidebar_key_pressed), past,
                         (GClosureNotify) G_CALLBACK (g_free), 0);
  gtk_widget_add_controller (sidebar, controller);
}
