/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-sync-fixture.h: what the window's sync tests share: a reference server on loopback with
 * an administrator's token for one center, two client databases, the keyring in a file and the
 * sync settings reset; and the main-loop helpers that wait for the sync controller. */
#pragma once

#include "icw-center.h"
#include "icw-store.h"
#include "icw-sync-controller.h"
#include "icw-sync-server.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  IcwSyncServer *server;
  char *url;
  char *admin;
  IcwStore *a;
  IcwStore *b;
  IcwCenter *center;        /* in a */
  GSettings *settings;
} IcwTestSyncFixture;

/* tmpl names the temporary folder, as for icw_test_make_tmp_dir. */
void icw_test_sync_fixture_set_up    (IcwTestSyncFixture *f,
                                      const char         *tmpl);
void icw_test_sync_fixture_tear_down (IcwTestSyncFixture *f);

/* Runs what the main loop has ready. */
void icw_test_iterate                (void);
/* Runs the main loop until the controller reaches the state, or fails after 20 s. */
void icw_test_wait_sync_state        (IcwSyncController  *controller,
                                      IcwSyncState        state);

G_END_DECLS
