/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-actions.c: "Import Dossier…" and "Export Dossier…" of the main menu: the window's
 * actions, the choice of the center to export, and the native file choosers, which lead to the
 * jobs of icw-dossier-jobs.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-center.h"
#include "icw-dossier-actions.h"

/* The actions' state, one per window, freed with the window: its store, and the chooser shown
 * (a native dialog is not a widget, so something must hold it while it is up). */
typedef struct {
  GtkWindow       *window;
  IcwStore        *store;
  GtkNativeDialog *chooser;
} DossierActions;

static void
dossier_actions_free (gpointer  data,
                      GObject  *window)
{
  DossierActions *actions = data;

  g_clear_object (&actions->chooser);
  g_clear_object (&actions->store);
  g_free (actions);
}

/* What a chooser leads to once a file is chosen. */
typedef struct {
  GtkWindow *window;
  IcwStore  *store;
  char      *center_id;   /* export: the center, or NULL for the whole database */
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->store);
  g_free (choice->center_id);
  g_free (choice);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN)
    icw_dossier_actions_import_file (choice->window, choice->store, file);
  else
    icw_dossier_actions_export_file (choice->window, choice->store, choice->center_id, file);
}

static void
show_chooser (DossierActions       *actions,
              GtkFileChooserAction  action,
              const char           *center_id,
              const char           *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean open = action == GTK_FILE_CHOOSER_ACTION_OPEN;
  GtkFileChooserNative *chooser;
  GtkWindow *window = actions->window;
  Choice *choice = g_new0 (Choice, 1);

  choice->window = window;
  choice->store = g_object_ref (actions->store);
  choice->center_id = g_strdup (center_id);
  gtk_file_filter_set_name (filter, _("Dossiers (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  chooser = gtk_file_chooser_native_new (open ? _("Import Dossier") : _("Export Dossier"), window, action,
                                         open ? _("_Import") : _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response), choice,
                         (GClosureNotify) (void (*) (void)) choice_free, 0);
  g_clear_object (&actions->chooser);
  actions->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  show_chooser (user_data, GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
}

/* The export dialog's choices: the whole database, then these centers. Owned by its handler. */
typedef struct {
  DossierActions *actions;
  GPtrArray      *centers;
} Pick;

static void
pick_free (gpointer  data,
           GClosure *closure)
{
  Pick *pick = data;

  g_ptr_array_unref (pick->centers);
  g_free (pick);
}

static void
on_pick_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Pick             *pick)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *centers = pick->centers;
  guint selected = gtk_drop_down_get_selected (drop_down);
  IcwCenter *center = selected > 0 && selected <= centers->len ? centers->pdata[selected - 1] : NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export"))
    return;
  /* TRANSLATORS: the file name suggested for a dossier of the whole database */
  name = g_strdup_printf ("%s.json", center != NULL ? icw_center_get_name (center) : _("workbench-dossier"));
  g_strdelimit (name, "/\\", '-');
  show_chooser (pick->actions, GTK_FILE_CHOOSER_ACTION_SAVE,
                center != NULL ? icw_record_get_id (ICW_RECORD (center)) : NULL, name);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DossierActions *actions = user_data;
  GtkWindow *window = actions->window;
  g_autoptr(GListModel) list = icw_store_list (actions->store, ICW_RECORD_KIND_CENTER, NULL);
  Pick *pick = g_new0 (Pick, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *centers = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog = adw_message_dialog_new (window, _("Export Dossier"),
                                              _("A dossier holds a center with its registers, organizations, applications and their attachments, agreements and funding requests, for import into another database."));

  gtk_string_list_append (names, _("The whole database"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      IcwCenter *center = g_list_model_get_item (list, i);

      g_ptr_array_add (centers, center);
      gtk_string_list_append (names, icw_center_get_name (center));
    }
  pick->actions = actions;
  pick->centers = centers;
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                              centers->len > 0 ? 1 : 0);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  /* The dialog is transient for the window and goes with it, so @actions outlives it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_pick_response), pick, pick_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
icw_dossier_actions_install (GtkWindow *window,
                             IcwStore  *store)
{
  static const GActionEntry entries[] = {
    { "import-dossier", import_activated, NULL, NULL, NULL, { 0 } },
    { "export-dossier", export_activated, NULL, NULL, NULL, { 0 } },
  };
  DossierActions *actions;

  g_return_if_fail (G_IS_ACTION_MAP (window));
  g_return_if_fail (ICW_IS_STORE (store));

  actions = g_new0 (DossierActions, 1);
  actions->window = window;
  actions->store = g_object_ref (store);
  g_object_weak_ref (G_OBJECT (window), dossier_actions_free, actions);
  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), actions);
}
