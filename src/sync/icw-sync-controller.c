/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-controller.c: the window's sync. One IcwSyncClient run at a time, asynchronous on the
 * main context; the state follows from how the last run ended and from the conflict count. A run
 * starts a few seconds after the last edit that left something in the outbox, on demand, at start
 * when signed in, when GNetworkMonitor says the network is back, and every few minutes while
 * offline. The token is looked up in a thread (the keyring may be slow) and kept in memory. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-store-sync.h"
#include "icw-store-targets-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-controller.h"
#include "icw-sync-sign-in.h"
#include "icw-sync-role.h"
#include "icw-sync-token.h"

#define EDIT_DELAY_MS 10000
#define OFFLINE_RETRY_S 120

struct _IcwSyncController
{
  GObject parent_instance;

  IcwStore *store;
  GSettings *settings;
  char *token;
  gboolean signed_out;           /* Sign Out: ICW_TOKEN is not looked up again */
  IcwSyncState state;
  char *message;
  guint n_conflicts;
  GCancellable *cancellable;     /* of the running sync and token lookup */
  gboolean running;
  gboolean again;                /* asked to sync while a sync ran */
  guint edit_timer;
  guint offline_timer;
  guint edit_delay_ms;
  gboolean quick_retries;
  gulong network_id;
  IcwSyncRole role;              /* asked of the server after the first sync (GET /v1/token) */
  char *province;
  guint poll_timer;              /* a pull every few minutes (icw_sync_controller_set_poll) */
};

G_DEFINE_FINAL_TYPE (IcwSyncController, icw_sync_controller, G_TYPE_OBJECT)

enum { PROP_0, PROP_STATE, PROP_LAST_SYNC, PROP_N_CONFLICTS, PROP_ROLE, N_PROPS };
static GParamSpec *props[N_PROPS];

static void start_sync (IcwSyncController *self);

const char *
icw_sync_state_to_label (IcwSyncState state)
{
  switch (state)
    {
    case ICW_SYNC_STATE_SYNCED: return _("Synced");
    case ICW_SYNC_STATE_SYNCING: return _("Syncing…");
    case ICW_SYNC_STATE_OFFLINE: return _("Offline");
    case ICW_SYNC_STATE_NEEDS_ATTENTION: return _("Needs attention");
    case ICW_SYNC_STATE_SIGN_IN_REQUIRED:
    default: return _("Sign-in required");
    }
}

static void
set_state (IcwSyncController *self,
           IcwSyncState       state,
           const char        *message)
{
  gint64 count = icw_store_count_conflicts (self->store);

  self->n_conflicts = count > 0 ? (guint) count : 0;
  /* Conflicts need the user whatever else happened, except while a sync runs or signing in. */
  if (self->n_conflicts > 0 && (state == ICW_SYNC_STATE_SYNCED || state == ICW_SYNC_STATE_OFFLINE))
    state = ICW_SYNC_STATE_NEEDS_ATTENTION;
  g_free (self->message);
  self->message = g_strdup (message);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_CONFLICTS]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
}

static gboolean
on_offline_timer (gpointer user_data)
{
  IcwSyncController *self = user_data;

  self->offline_timer = 0;
  icw_sync_controller_sync_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_role (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(IcwSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *province = NULL;
  IcwSyncRole role = icw_sync_role_fetch_finish (result, &province, &error);

  /* An older server does not say: the window stays an administrator's, as before. */
  if (role == ICW_SYNC_ROLE_UNKNOWN || (role == self->role && g_strcmp0 (province, self->province) == 0))
    return;
  self->role = role;
  g_free (self->province);
  self->province = g_steal_pointer (&province);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROLE]);
}

static void
fetch_role (IcwSyncController *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "sync-server-url");

  icw_sync_role_fetch_async (url, self->token, self->cancellable, on_role, g_object_ref (self));
}

/* Whether versions of targets wait to be pushed (icw-store-targets-sync.h). */
static gboolean
has_targets_to_push (IcwStore *store)
{
  g_autoptr(GPtrArray) pending = icw_store_target_versions_to_push (store, 1, NULL);

  return pending != NULL && pending->len > 0;
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IcwSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  self->running = FALSE;
  if (icw_sync_client_run_finish (ICW_SYNC_CLIENT (source), result, &report, &error))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_settings_set_int64 (self->settings, "last-sync", g_date_time_to_unix (now));
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LAST_SYNC]);
      set_state (self, ICW_SYNC_STATE_SYNCED, NULL);
      if (self->role == ICW_SYNC_ROLE_UNKNOWN)
        fetch_role (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else if (g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED) ||
           g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_NO_TOKEN))
    {
      g_clear_pointer (&self->token, g_free);
      set_state (self, ICW_SYNC_STATE_SIGN_IN_REQUIRED, error->message);
      return;
    }
  else if (g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE))
    {
      set_state (self, ICW_SYNC_STATE_OFFLINE, error->message);
      if (self->offline_timer == 0)
        self->offline_timer = g_timeout_add_seconds (OFFLINE_RETRY_S, on_offline_timer, self);
    }
  else
    set_state (self, ICW_SYNC_STATE_NEEDS_ATTENTION, error->message);

  /* Edits made while the sync ran go out now, and targets carried by its pull (an acceptance). */
  if (self->again || (self->state == ICW_SYNC_STATE_SYNCED &&
                      (icw_store_count_outbox (self->store) > 0 || has_targets_to_push (self->store))))
    {
      self->again = FALSE;
      start_sync (self);
    }
}

static void
run_client (IcwSyncController *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_settings_get_string (self->settings, "sync-server-url");
  g_autoptr(IcwSyncClient) client = icw_sync_client_new (self->store, url, self->token, &error);

  if (client == NULL)
    {
      self->running = FALSE;
      set_state (self, ICW_SYNC_STATE_SIGN_IN_REQUIRED, error->message);
      return;
    }
  if (self->quick_retries)
    icw_sync_client_set_limits (client, 100, 100, 2, 10, 200, 5);
  icw_sync_client_run_async (client, ICW_SYNC_BOTH, self->cancellable, on_sync_done, g_object_ref (self));
}

static void
on_token_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IcwSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token = icw_sync_sign_in_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (token == NULL)
    {
      self->running = FALSE;
      set_state (self, ICW_SYNC_STATE_SIGN_IN_REQUIRED, error->message);
      return;
    }
  g_free (self->token);
  self->token = token;
  run_client (self);
}

static void
start_sync (IcwSyncController *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "sync-server-url");

  g_clear_handle_id (&self->edit_timer, g_source_remove);
  g_clear_handle_id (&self->offline_timer, g_source_remove);
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (*url == '\0' || (self->signed_out && self->token == NULL))
    {
      set_state (self, ICW_SYNC_STATE_SIGN_IN_REQUIRED, NULL);
      return;
    }
  self->running = TRUE;
  set_state (self, ICW_SYNC_STATE_SYNCING, NULL);
  if (self->token != NULL)
    run_client (self);
  else
    icw_sync_sign_in_lookup_async (url, self->cancellable, on_token_found, g_object_ref (self));
}

void
icw_sync_controller_sync_now (IcwSyncController *self)
{
  g_return_if_fail (ICW_IS_SYNC_CONTROLLER (self));
  start_sync (self);
}

static gboolean
on_edit_timer (gpointer user_data)
{
  IcwSyncController *self = user_data;

  self->edit_timer = 0;
  start_sync (self);
  return G_SOURCE_REMOVE;
}

/* A saved edit (or a batch, such as a resolved conflict) left changes to send: wait for the
 * typing to stop. Records written by a pull leave nothing in the outbox. */
static void
on_store_changed (IcwSyncController *self)
{
  if (self->running || self->state == ICW_SYNC_STATE_SIGN_IN_REQUIRED ||
      icw_store_count_outbox (self->store) <= 0)
    return;
  g_clear_handle_id (&self->edit_timer, g_source_remove);
  self->edit_timer = g_timeout_add (self->edit_delay_ms, on_edit_timer, self);
}

static void
on_network_changed (GNetworkMonitor   *monitor,
                    gboolean           available,
                    IcwSyncController *self)
{
  if (available && self->state == ICW_SYNC_STATE_OFFLINE && !self->running)
    start_sync (self);
}

void
icw_sync_controller_refresh (IcwSyncController *self)
{
  g_return_if_fail (ICW_IS_SYNC_CONTROLLER (self));
  if (self->running)
    return;
  /* Attention for conflicts only (no message) ends with the last of them. */
  if (self->state == ICW_SYNC_STATE_NEEDS_ATTENTION && self->message == NULL)
    set_state (self, ICW_SYNC_STATE_SYNCED, NULL);
  else
    {
      g_autofree char *message = g_strdup (self->message);
      set_state (self, self->state, message);
    }
  on_store_changed (self);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcwSyncController *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  if (!icw_sync_sign_in_check_finish (result, &warning, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_settings_set_string (self->settings, "sync-server-url", g_task_get_task_data (task));
  g_free (self->token);
  self->token = g_strdup (g_object_get_data (G_OBJECT (task), "token"));
  self->signed_out = FALSE;
  self->role = ICW_SYNC_ROLE_UNKNOWN;
  g_task_return_boolean (task, TRUE);
  start_sync (self);
  if (warning != NULL)
    set_state (self, self->state, warning);
}

void
icw_sync_controller_sign_in_async (IcwSyncController   *self,
                                   const char          *server_url,
                                   const char          *token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = g_strstrip (g_strdup (server_url));
  g_autofree char *clean = g_strstrip (g_strdup (token));

  g_task_set_task_data (task, g_strdup (url), g_free);
  g_object_set_data_full (G_OBJECT (task), "token", g_strdup (clean), g_free);
  icw_sync_sign_in_check_async (self->store, url, clean, cancellable, on_signed_in, task);
}

gboolean
icw_sync_controller_sign_in_finish (IcwSyncController  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
icw_sync_controller_sign_out (IcwSyncController  *self,
                              GError            **error)
{
  g_autofree char *url = g_settings_get_string (self->settings, "sync-server-url");

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = FALSE;
  self->again = FALSE;
  g_clear_pointer (&self->token, g_free);
  self->signed_out = TRUE;
  if (self->role != ICW_SYNC_ROLE_UNKNOWN)
    {
      self->role = ICW_SYNC_ROLE_UNKNOWN;
      g_clear_pointer (&self->province, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROLE]);
    }
  set_state (self, ICW_SYNC_STATE_SIGN_IN_REQUIRED, NULL);
  return *url == '\0' || icw_sync_token_clear (url, NULL, error);
}

IcwSyncRole
icw_sync_controller_get_role (IcwSyncController *self)
{
  g_return_val_if_fail (ICW_IS_SYNC_CONTROLLER (self), ICW_SYNC_ROLE_UNKNOWN);
  return self->role;
}

const char *
icw_sync_controller_get_province (IcwSyncController *self)
{
  g_return_val_if_fail (ICW_IS_SYNC_CONTROLLER (self), NULL);
  return self->province;
}

static gboolean
on_poll_timer (gpointer user_data)
{
  IcwSyncController *self = user_data;

  /* Offline or signed out: the offline timer and signing in start the next sync. */
  if (!self->running && (self->state == ICW_SYNC_STATE_SYNCED || self->state == ICW_SYNC_STATE_NEEDS_ATTENTION))
    start_sync (self);
  return G_SOURCE_CONTINUE;
}

void
icw_sync_controller_set_poll (IcwSyncController *self,
                              guint              interval_s)
{
  g_return_if_fail (ICW_IS_SYNC_CONTROLLER (self));
  g_clear_handle_id (&self->poll_timer, g_source_remove);
  if (interval_s > 0)
    self->poll_timer = g_timeout_add_seconds (interval_s, on_poll_timer, self);
}

/* What the state concerns and when the last sync was, without the state itself: the Sync Account
 * window shows the state as its row's title and this under it. */
char *
icw_sync_controller_describe_detail (IcwSyncController *self)
{
  g_autofree char *when = NULL;
  g_autofree char *detail = NULL;
  gint64 last = icw_sync_controller_get_last_sync (self);

  if (last > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (last);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *stamp = g_date_time_format (local, "%Y-%m-%d %H:%M");

      when = g_strdup_printf (_("Last synced %s."), stamp);
    }
  else
    when = g_strdup (_("Never synced."));

  if (self->state == ICW_SYNC_STATE_NEEDS_ATTENTION && self->n_conflicts > 0)
    detail = g_strdup_printf (ngettext ("%u conflict to resolve.", "%u conflicts to resolve.",
                                        self->n_conflicts), self->n_conflicts);
  else if (self->message != NULL)
    detail = g_strdup (self->message);
  else if (self->state == ICW_SYNC_STATE_SIGN_IN_REQUIRED)
    detail = g_strdup (_("Sign in to a sync server to share the work."));

  if (detail == NULL)
    return g_steal_pointer (&when);
  /* An error's message (libsoup's "Connection refused") may end without a full stop. */
  if (!g_str_has_suffix (detail, ".") && !g_str_has_suffix (detail, "。") && !g_str_has_suffix (detail, "…"))
    {
      /* Translators: a sentence given without its full stop. */
      char *sentence = g_strdup_printf (C_("sync detail", "%s."), detail);

      g_free (detail);
      detail = sentence;
    }
  /* Translators: what the sync state concerns, then the last sync time: two sentences (Chinese
     puts no space between them). */
  return g_strdup_printf (C_("sync detail", "%s %s"), detail, when);
}

char *
icw_sync_controller_describe (IcwSyncController *self)
{
  g_autofree char *detail = icw_sync_controller_describe_detail (self);
  const char *label = icw_sync_state_to_label (self->state);

  if (self->state == ICW_SYNC_STATE_NEEDS_ATTENTION && self->n_conflicts > 0)
    ;
  else if (self->message == NULL && self->state != ICW_SYNC_STATE_SIGN_IN_REQUIRED)
    {
      /* "Syncing…" ends its sentence already: no full stop after the ellipsis. */
      if (g_str_has_suffix (label, "…"))
        /* Translators: a sync state that ends with an ellipsis ("Syncing…"), then the last sync time. */
        return g_strdup_printf (C_("sync state", "%s %s"), label, detail);
      /* Translators: the sync state, then the last sync time. */
      return g_strdup_printf (_("%s. %s"), label, detail);
    }
  /* Translators: the sync state, then what it concerns and the last sync time. */
  return g_strdup_printf (_("%s: %s"), label, detail);
}

IcwStore *
icw_sync_controller_get_store (IcwSyncController *self)
{
  return self->store;
}

IcwSyncState
icw_sync_controller_get_state (IcwSyncController *self)
{
  return self->state;
}

const char *
icw_sync_controller_get_message (IcwSyncController *self)
{
  return self->message;
}

gint64
icw_sync_controller_get_last_sync (IcwSyncController *self)
{
  return g_settings_get_int64 (self->settings, "last-sync");
}

guint
icw_sync_controller_get_n_conflicts (IcwSyncController *self)
{
  return self->n_conflicts;
}

char *
icw_sync_controller_get_server_url (IcwSyncController *self)
{
  return g_settings_get_string (self->settings, "sync-server-url");
}

gboolean
icw_sync_controller_is_signed_in (IcwSyncController *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "sync-server-url");

  return *url != '\0' && self->state != ICW_SYNC_STATE_SIGN_IN_REQUIRED;
}

void
icw_sync_controller_set_delay (IcwSyncController *self,
                               guint              delay_ms)
{
  self->edit_delay_ms = delay_ms;
}

void
icw_sync_controller_set_quick_retries (IcwSyncController *self,
                                       gboolean           quick)
{
  self->quick_retries = quick;
}

void
icw_sync_controller_shutdown (IcwSyncController *self)
{
  g_return_if_fail (ICW_IS_SYNC_CONTROLLER (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->edit_timer, g_source_remove);
  g_clear_handle_id (&self->offline_timer, g_source_remove);
  g_clear_handle_id (&self->poll_timer, g_source_remove);
  if (self->network_id != 0)
    g_signal_handler_disconnect (g_network_monitor_get_default (), self->network_id);
  self->network_id = 0;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
}

static void
icw_sync_controller_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IcwSyncController *self = ICW_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATE: g_value_set_int (value, self->state); break;
    case PROP_LAST_SYNC: g_value_set_int64 (value, icw_sync_controller_get_last_sync (self)); break;
    case PROP_N_CONFLICTS: g_value_set_uint (value, self->n_conflicts); break;
    case PROP_ROLE: g_value_set_int (value, self->role); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_sync_controller_dispose (GObject *object)
{
  IcwSyncController *self = ICW_SYNC_CONTROLLER (object);

  icw_sync_controller_shutdown (self);
  G_OBJECT_CLASS (icw_sync_controller_parent_class)->dispose (object);
}

static void
icw_sync_controller_finalize (GObject *object)
{
  IcwSyncController *self = ICW_SYNC_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->province, g_free);
  G_OBJECT_CLASS (icw_sync_controller_parent_class)->finalize (object);
}

static void
icw_sync_controller_class_init (IcwSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = icw_sync_controller_get_property;
  object_class->dispose = icw_sync_controller_dispose;
  object_class->finalize = icw_sync_controller_finalize;

  props[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, ICW_SYNC_STATE_NEEDS_ATTENTION, 0,
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_LAST_SYNC] = g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_N_CONFLICTS] = g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_ROLE] = g_param_spec_int ("role", NULL, NULL, 0, ICW_SYNC_ROLE_REVIEWER, 0,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
icw_sync_controller_init (IcwSyncController *self)
{
  self->cancellable = g_cancellable_new ();
  self->edit_delay_ms = EDIT_DELAY_MS;
}

IcwSyncController *
icw_sync_controller_new (IcwStore  *store,
                         GSettings *settings)
{
  IcwSyncController *self = g_object_new (ICW_TYPE_SYNC_CONTROLLER, NULL);
  g_autofree char *url = NULL;

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_swapped (store, "record-changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (store, "reloaded", G_CALLBACK (on_store_changed), self);
  self->network_id = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                       G_CALLBACK (on_network_changed), self);
  url = g_settings_get_string (settings, "sync-server-url");
  set_state (self, ICW_SYNC_STATE_SIGN_IN_REQUIRED, NULL);
  /* Signed in before: the first sync starts with the window. */
  if (*url != '\0')
    start_sync (self);
  return self;
}
