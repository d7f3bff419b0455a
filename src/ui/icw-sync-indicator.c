/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-indicator.c: a flat header bar button that follows the controller's state. Its
 * accessible name stays "Sync Status"; the description says the state, what it concerns and the
 * last sync time (the end-to-end tests read it there). Clicking it runs the window's
 * win.sync-status action, which opens the conflicts or the account. */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "icw-sync-indicator.h"

struct _IcwSyncIndicator
{
  GtkButton parent_instance;

  IcwSyncController *controller;
  GtkImage *icon;
  GtkLabel *label;
  GtkImage *narrow_icon;   /* alone, where the header bar has no room for the state's name */
};

G_DEFINE_FINAL_TYPE (IcwSyncIndicator, icw_sync_indicator, GTK_TYPE_BUTTON)

static const char *
state_icon (IcwSyncState state)
{
  switch (state)
    {
    case ICW_SYNC_STATE_SYNCED: return "emblem-ok-symbolic";
    case ICW_SYNC_STATE_SYNCING: return "emblem-synchronizing-symbolic";
    case ICW_SYNC_STATE_OFFLINE: return "network-offline-symbolic";
    case ICW_SYNC_STATE_NEEDS_ATTENTION: return "dialog-warning-symbolic";
    case ICW_SYNC_STATE_SIGN_IN_REQUIRED:
    default: return "avatar-default-symbolic";
    }
}

static void
update (IcwSyncIndicator *self)
{
  IcwSyncState state = icw_sync_controller_get_state (self->controller);
  g_autofree char *description = icw_sync_controller_describe (self->controller);
  g_autofree char *url = icw_sync_controller_get_server_url (self->controller);

  gtk_image_set_from_icon_name (self->icon, state_icon (state));
  gtk_image_set_from_icon_name (self->narrow_icon, state_icon (state));
  gtk_label_set_text (self->label, icw_sync_state_to_label (state));
  /* Not signed in to any server: sync is optional, so the indicator stays quiet (icon only). */
  gtk_widget_set_visible (GTK_WIDGET (self->label), *url != '\0' || state != ICW_SYNC_STATE_SIGN_IN_REQUIRED);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  if (state == ICW_SYNC_STATE_NEEDS_ATTENTION)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
}

static void
icw_sync_indicator_dispose (GObject *object)
{
  IcwSyncIndicator *self = ICW_SYNC_INDICATOR (object);

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);
  G_OBJECT_CLASS (icw_sync_indicator_parent_class)->dispose (object);
}

static void
icw_sync_indicator_class_init (IcwSyncIndicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_sync_indicator_dispose;
}

static void
icw_sync_indicator_init (IcwSyncIndicator *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *squeezer = adw_squeezer_new ();

  self->icon = GTK_IMAGE (gtk_image_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  self->narrow_icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  /* The state's name beside its icon where the header bar has room; in a narrow window the icon
   * alone (its tooltip and description still say the state), so that the window's title beside
   * it is not cut to "In…" (a squeezer shows the first child that fits). */
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), box);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), GTK_WIDGET (self->narrow_icon));
  gtk_button_set_child (GTK_BUTTON (self), squeezer);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "sync-indicator");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sync Status"), -1);
}

GtkWidget *
icw_sync_indicator_new (IcwSyncController *controller)
{
  IcwSyncIndicator *self = g_object_new (ICW_TYPE_SYNC_INDICATOR, "action-name", "win.sync-status", NULL);

  self->controller = g_object_ref (controller);
  g_signal_connect_swapped (controller, "notify::state", G_CALLBACK (update), self);
  g_signal_connect_swapped (controller, "notify::last-sync", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}
