/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-account-dialog.c: the sync account (a template, resources/ui/icw-account-dialog.ui). The
 * token is pasted (the administrator issues it with `icw serve token add`), checked against the
 * server by the controller and only then kept, in the keyring; the field is emptied once it is.
 * Errors are shown under the fields, in words that name the field, and so is where the user signed
 * in once the server took the token. The status group follows the controller: the state as its
 * row's title, what it concerns and the last sync under it. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-account-dialog.h"
#include "icw-conflicts-view.h"
#include "icw-ui-util.h"

struct _IcwAccountDialog
{
  AdwWindow parent_instance;

  IcwSyncController *controller;
  GCancellable *cancellable;
  GtkEntry *url_entry;
  GtkPasswordEntry *token_entry;
  GtkLabel *error_label;
  GtkWidget *sign_in_button;
  GtkWidget *sign_out_button;
  GtkWidget *sync_button;
  AdwActionRow *status_row;
  AdwActionRow *conflicts_row;
};

G_DEFINE_FINAL_TYPE (IcwAccountDialog, icw_account_dialog, ADW_TYPE_WINDOW)

static void
show_error (IcwAccountDialog *self,
            const char       *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->sign_in_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->sign_in_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Said under the fields once the server took the token: where the user is signed in, and that the
 * emptied token field is no loss. */
static void
show_signed_in (IcwAccountDialog *self)
{
  g_autofree char *url = icw_sync_controller_get_server_url (self->controller);
  g_autofree char *message = g_strdup_printf (_("Signed in to %s. The token is kept in the keyring."), url);

  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "success");
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
update (IcwAccountDialog *self)
{
  IcwSyncState state = icw_sync_controller_get_state (self->controller);
  /* The row's title is the state: its subtitle says the rest, not the state again. */
  g_autofree char *description = icw_sync_controller_describe_detail (self->controller);
  guint n = icw_sync_controller_get_n_conflicts (self->controller);
  g_autofree char *conflicts = g_strdup_printf (ngettext ("%u conflict kept", "%u conflicts kept", n), n);
  gboolean signed_in = icw_sync_controller_is_signed_in (self->controller);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), icw_sync_state_to_label (state));
  adw_action_row_set_subtitle (self->status_row, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->conflicts_row), conflicts);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_row), n > 0);
  gtk_widget_set_sensitive (self->sync_button, signed_in && state != ICW_SYNC_STATE_SYNCING);
  gtk_widget_set_sensitive (self->sign_out_button, signed_in || state != ICW_SYNC_STATE_SIGN_IN_REQUIRED);
  /* "Signed in to …" holds only while the user is. */
  if (!signed_in && gtk_widget_has_css_class (GTK_WIDGET (self->error_label), "success"))
    show_error (self, NULL);
  /* The token field is emptied once the token is kept: say where it is. */
  g_object_set (self->token_entry, "placeholder-text",
                signed_in ? _("Kept in the keyring; paste a new token to replace it") : "", NULL);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  IcwAccountDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!icw_sync_controller_sign_in_finish (ICW_SYNC_CONTROLLER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, error->message);
          gtk_widget_set_sensitive (self->sign_in_button, TRUE);
        }
      g_object_unref (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->token_entry), "");
  gtk_widget_set_sensitive (self->sign_in_button, TRUE);
  update (self);
  show_signed_in (self);
  g_object_unref (self);
}

static void
on_sign_in (IcwAccountDialog *self)
{
  show_error (self, NULL);
  gtk_widget_set_sensitive (self->sign_in_button, FALSE);
  icw_sync_controller_sign_in_async (self->controller, gtk_editable_get_text (GTK_EDITABLE (self->url_entry)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->token_entry)),
                                     self->cancellable, on_signed_in, g_object_ref (self));
}

static void
on_sign_out (IcwAccountDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!icw_sync_controller_sign_out (self->controller, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
  update (self);
}

static void
on_sync_now (IcwAccountDialog *self)
{
  icw_sync_controller_sync_now (self->controller);
}

static void
on_show_conflicts (IcwAccountDialog *self)
{
  gtk_window_present (icw_conflicts_window_new (GTK_WINDOW (self), self->controller));
}

static void
icw_account_dialog_dispose (GObject *object)
{
  IcwAccountDialog *self = ICW_ACCOUNT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_ACCOUNT_DIALOG);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->controller);
  G_OBJECT_CLASS (icw_account_dialog_parent_class)->dispose (object);
}

static void
icw_account_dialog_class_init (IcwAccountDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_account_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-account-dialog.ui");
  icw_ui_class_add_close_keys (widget_class);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, url_entry);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, token_entry);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, sync_button);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, IcwAccountDialog, conflicts_row);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_out);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_now);
  gtk_widget_class_bind_template_callback (widget_class, on_show_conflicts);
}

static void
icw_account_dialog_init (IcwAccountDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  icw_ui_name_buttons_once (GTK_WIDGET (self));
}

GtkWidget *
icw_account_dialog_new (GtkWindow         *parent,
                        IcwSyncController *controller)
{
  IcwAccountDialog *self = g_object_new (ICW_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *url = icw_sync_controller_get_server_url (controller);

  self->controller = g_object_ref (controller);
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
  g_signal_connect_swapped (controller, "notify::state", G_CALLBACK (update), self);
  g_signal_connect_swapped (controller, "notify::last-sync", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}
