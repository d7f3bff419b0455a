/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-account-dialog.c: the sync account. The token is pasted (the administrator issues it with
 * `icw serve token add`), checked against the server by the controller and only then kept, in
 * the keyring; the field is emptied once it is. Errors are shown under the fields, in words that
 * name the field. The status group follows the controller. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-account-dialog.h"
#include "icw-conflicts-view.h"

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
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->sign_in_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->sign_in_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update (IcwAccountDialog *self)
{
  IcwSyncState state = icw_sync_controller_get_state (self->controller);
  g_autofree char *description = icw_sync_controller_describe (self->controller);
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
  show_error (self, NULL);
  update (self);
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

static GtkWidget *
entry_row (const char *title,
           GtkWidget  *entry)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  return row;
}

static GtkWidget *
button (const char *mnemonic,
        const char *name)
{
  GtkWidget *widget = gtk_button_new_with_mnemonic (mnemonic);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  return widget;
}

static void
build (IcwAccountDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *server = adw_preferences_group_new ();
  GtkWidget *status = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *resolve = button (_("_Resolve…"), _("Resolve Conflicts"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (server), _("Server"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (server),
                                         _("The sync server that your province or the ministry runs. Its administrator gives you a token for your center; paste it here. The token is kept in the keyring."));
  self->url_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->url_entry, "https://sync.example.org/icw");
  gtk_entry_set_input_purpose (self->url_entry, GTK_INPUT_PURPOSE_URL);
  self->token_entry = GTK_PASSWORD_ENTRY (gtk_password_entry_new ());
  gtk_password_entry_set_show_peek_icon (self->token_entry, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (server), entry_row (_("Server address"), GTK_WIDGET (self->url_entry)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (server), entry_row (_("Token"), GTK_WIDGET (self->token_entry)));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->sign_in_button = button (_("_Sign In"), _("Sign In"));
  self->sign_out_button = button (_("Sign _Out"), _("Sign Out"));
  gtk_widget_add_css_class (self->sign_in_button, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), self->sign_out_button);
  gtk_box_append (GTK_BOX (buttons), self->sign_in_button);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (server), box);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (status), _("Status"));
  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sync state"), -1);
  self->sync_button = button (_("Sync _Now"), _("Sync Now"));
  adw_action_row_add_suffix (self->status_row, self->sync_button);
  self->conflicts_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_subtitle (self->conflicts_row, _("Both versions of each are saved until you choose."));
  adw_action_row_add_suffix (self->conflicts_row, resolve);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (status), GTK_WIDGET (self->status_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (status), GTK_WIDGET (self->conflicts_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (server));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (status));
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (on_sign_in), self);
  g_signal_connect_swapped (self->url_entry, "activate", G_CALLBACK (on_sign_in), self);
  g_signal_connect_swapped (self->token_entry, "activate", G_CALLBACK (on_sign_in), self);
  g_signal_connect_swapped (self->sign_out_button, "clicked", G_CALLBACK (on_sign_out), self);
  g_signal_connect_swapped (self->sync_button, "clicked", G_CALLBACK (on_sync_now), self);
  g_signal_connect_swapped (resolve, "clicked", G_CALLBACK (on_show_conflicts), self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
icw_account_dialog_dispose (GObject *object)
{
  IcwAccountDialog *self = ICW_ACCOUNT_DIALOG (object);

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
  G_OBJECT_CLASS (klass)->dispose = icw_account_dialog_dispose;
}

static void
icw_account_dialog_init (IcwAccountDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Sync Account"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  build (self);
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
