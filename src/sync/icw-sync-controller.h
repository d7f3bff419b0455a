/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-controller.h: the window's sync, not a widget. It owns the IcwSyncClient runs for one
 * store, keeps the state shown by the header bar's indicator (synced, syncing, offline, needs
 * attention, sign-in required) and the last sync time, syncs after edits (debounced), on demand
 * and when the network comes back, and never blocks the main loop. The server URL and the last
 * sync time are GSettings keys; the token lives only in the keyring (icw-sync-token). */
#pragma once

#include <gio/gio.h>

#include "icw-store.h"
#include "icw-sync-role.h"

G_BEGIN_DECLS

typedef enum {
  ICW_SYNC_STATE_SIGN_IN_REQUIRED,  /* no server, no token, or the server refused the token (401) */
  ICW_SYNC_STATE_SYNCED,
  ICW_SYNC_STATE_SYNCING,
  ICW_SYNC_STATE_OFFLINE,           /* the server could not be reached; tried again later */
  ICW_SYNC_STATE_NEEDS_ATTENTION,   /* conflicts or refused changes to look at, or a failed sync */
} IcwSyncState;

#define ICW_TYPE_SYNC_CONTROLLER (icw_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (IcwSyncController, icw_sync_controller, ICW, SYNC_CONTROLLER, GObject)

/* settings: the application's GSettings (keys sync-server-url and last-sync). */
IcwSyncController *icw_sync_controller_new           (IcwStore          *store,
                                                      GSettings         *settings);
IcwStore          *icw_sync_controller_get_store     (IcwSyncController *self);
IcwSyncState       icw_sync_controller_get_state     (IcwSyncController *self);
/* Why the state is what it is (the last error, the number of conflicts), or NULL. */
const char        *icw_sync_controller_get_message   (IcwSyncController *self);
/* The end of the last successful sync, Unix seconds, or 0. */
gint64             icw_sync_controller_get_last_sync (IcwSyncController *self);
guint              icw_sync_controller_get_n_conflicts (IcwSyncController *self);
char              *icw_sync_controller_get_server_url (IcwSyncController *self);
gboolean           icw_sync_controller_is_signed_in  (IcwSyncController *self);
/* What the token is, asked of the server after the first sync ("role" is notified when known);
 * a reviewer's province (GB/T 2260 code) or NULL. */
IcwSyncRole        icw_sync_controller_get_role      (IcwSyncController *self);
const char        *icw_sync_controller_get_province  (IcwSyncController *self);
/* Syncs every interval_s seconds while synced (0: never), to stay current. */
void               icw_sync_controller_set_poll      (IcwSyncController *self,
                                                      guint              interval_s);

/* Translated texts of the state and of the last sync time, for labels and accessible names. */
const char        *icw_sync_state_to_label           (IcwSyncState       state);
char              *icw_sync_controller_describe      (IcwSyncController *self);
char              *icw_sync_controller_describe_detail (IcwSyncController *self);

/* Syncs at once (after a running sync, once). */
void               icw_sync_controller_sync_now      (IcwSyncController *self);
/* Recounts the conflicts after one was resolved, and syncs what the resolution queued. */
void               icw_sync_controller_refresh       (IcwSyncController *self);

/* Signing in checks the token against the server (GET /v1/pull?limit=1) before storing it in the
 * keyring with the URL in settings; then a sync starts. The error names what went wrong. */
void               icw_sync_controller_sign_in_async (IcwSyncController   *self,
                                                      const char          *server_url,
                                                      const char          *token,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           icw_sync_controller_sign_in_finish (IcwSyncController  *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
gboolean           icw_sync_controller_sign_out      (IcwSyncController  *self,
                                                      GError            **error);

/* For tests: the pause after the last edit (ms), and the client's limits. */
void               icw_sync_controller_set_delay     (IcwSyncController *self,
                                                      guint              delay_ms);
void               icw_sync_controller_set_quick_retries (IcwSyncController *self,
                                                          gboolean           quick);
/* Cancels a running sync and stops the timers (the window closing). */
void               icw_sync_controller_shutdown      (IcwSyncController *self);

G_END_DECLS
