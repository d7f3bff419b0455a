/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-workbench-app.c: the application object. It parses --db, takes an application ID derived
 * from the database (one instance per database: a second launch on the same database presents the
 * first one's window), opens the store once, shows an error dialog instead of a window when the
 * database cannot be opened, and owns the app actions (about, shortcuts, quit). */
#include "config.h"

#include <glib/gi18n.h>

#include <glib-unix.h>
#include <stdlib.h>

#include "icw-about.h"
#include "icw-workbench-app.h"
#include "icw-resources.h"
#include "icw-title-box-layout.h"
#include "icw-window.h"

struct _IcwWorkbenchApp
{
  AdwApplication parent_instance;

  char *db_path;
  IcwStore *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (IcwWorkbenchApp, icw_workbench_app, ADW_TYPE_APPLICATION)

IcwWorkbenchApp *
icw_workbench_app_new (void)
{
  return g_object_new (ICW_TYPE_WORKBENCH_APP,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

IcwStore *
icw_workbench_app_get_store (IcwWorkbenchApp *self)
{
  g_return_val_if_fail (ICW_IS_WORKBENCH_APP (self), NULL);
  return self->store;
}

GSettings *
icw_workbench_app_get_settings (IcwWorkbenchApp *self)
{
  g_return_val_if_fail (ICW_IS_WORKBENCH_APP (self), NULL);
  return self->settings;
}

/* The absolute path with symbolic links resolved as far as the file (or its folder, for a
 * database not made yet) exists, so that every spelling of one file gives one ID. */
static char *
canonical_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real = realpath (absolute, NULL);

  if (real != NULL)
    return real;
  dir = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  real = realpath (dir, NULL);
  if (real == NULL)
    return g_steal_pointer (&absolute);
  absolute = g_build_filename (real, base, NULL);
  free (real);
  return g_steal_pointer (&absolute);
}

/* The default database keeps the plain application ID (the desktop file and icon go with it);
 * any other gets its own, from the SHA-256 of its canonical path ("Db" keeps the D-Bus name
 * element from starting with a digit). */
char *
icw_workbench_app_id_for_database (const char *path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *default_canonical = NULL;
  g_autofree char *digest = NULL;

  if (path == NULL)
    return g_strdup (APPLICATION_ID);
  canonical = canonical_path (path);
  default_path = icw_store_default_path ();
  default_canonical = canonical_path (default_path);
  if (g_strcmp0 (canonical, default_canonical) == 0)
    return g_strdup (APPLICATION_ID);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  return g_strdup_printf ("%s.Db%.16s", APPLICATION_ID, digest);
}

static void
show_open_error (IcwWorkbenchApp *self,
                 const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The database could not be opened"), error->message);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
icw_workbench_app_activate (GApplication *app)
{
  IcwWorkbenchApp *self = ICW_WORKBENCH_APP (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path) : icw_store_default_path ();

      self->store = icw_store_open (path, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }

  if (window == NULL)
    window = GTK_WINDOW (icw_window_new (GTK_APPLICATION (self), self->store, self->settings));
  gtk_window_present (window);
}

static gint
icw_workbench_app_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  IcwWorkbenchApp *self = ICW_WORKBENCH_APP (app);
  g_autofree char *id = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ic-workbench %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);
  /* Before registration, which then finds a running instance on this database, if any, and
   * sends it "activate" (it presents its window) instead of starting a second one. */
  id = icw_workbench_app_id_for_database (self->db_path);
  g_application_set_application_id (app, id);
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save its size and finish pending edits. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (windows->data);
      windows = next;
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);

  gtk_window_present (GTK_WINDOW (icw_about_window_new (parent)));
}

/* app.show-record (kind key, ID): a notification's document (icw-review-notifier.c), shown by the
 * window's win.show-record. */
static void
show_record_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window == NULL)
    return;
  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-record", parameter);
}

/* A session ending or `kill` quits as Ctrl+Q does, saving the field being typed in. */
static gboolean
on_terminate_signal (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
icw_workbench_app_startup (GApplication *app)
{
  IcwWorkbenchApp *self = ICW_WORKBENCH_APP (app);
  static const GActionEntry entries[] = {
    { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
    { "about", about_activated, NULL, NULL, NULL, { 0 } },
    { "show-record", show_record_activated, "(ss)", NULL, NULL, { 0 } },
  };
  /* Every accelerator of the application's and the window's actions (icw-window.c,
   * icw-window-shortcuts.c), listed in the shortcuts window (resources/gtk/help-overlay.ui, which
   * reads them through its action names; tests/test-ui-shortcuts.c checks that it lists them all). */
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-page::centers", { "<Alt>1", NULL } },
    { "win.show-page::organizations", { "<Alt>2", NULL } },
    { "win.show-page::applications", { "<Alt>3", NULL } },
    { "win.show-page::agreements", { "<Alt>4", NULL } },
    { "win.show-page::funding", { "<Alt>5", NULL } },
    { "win.check", { "F7", NULL } },
    { "win.mark-ready", { "<Control><Shift>r", NULL } },
    { "win.submit", { "<Control><Shift>s", NULL } },
    /* GtkApplication's own accelerator for the shortcuts window, set here since the window builds
     * it (icw-window-shortcuts.c). */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (icw_workbench_app_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID_BASE);
  icw_title_box_wrap_titles_between_words ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  g_unix_signal_add (SIGTERM, on_terminate_signal, app);
  g_unix_signal_add (SIGINT, on_terminate_signal, app);
}

static void
icw_workbench_app_finalize (GObject *object)
{
  IcwWorkbenchApp *self = ICW_WORKBENCH_APP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (icw_workbench_app_parent_class)->finalize (object);
}

static void
register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      icw_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
icw_workbench_app_class_init (IcwWorkbenchAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  register_resources ();
  object_class->finalize = icw_workbench_app_finalize;
  app_class->activate = icw_workbench_app_activate;
  app_class->startup = icw_workbench_app_startup;
  app_class->handle_local_options = icw_workbench_app_handle_local_options;
}

static void
icw_workbench_app_init (IcwWorkbenchApp *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database at PATH"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

