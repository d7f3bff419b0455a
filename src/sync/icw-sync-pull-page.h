/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-pull-page.h: a pull page (docs/sync-protocol.md, "GET /v1/pull") read in place,
 * without a tree (icw-sync-pull-page.c): the text passes the strict check of every answer, then is
 * checked whole as icw_sync_json_validate_pull_response checks a parsed page (the same checks in
 * the same order, the same messages); each change's record is kept as the byte range of the
 * page's text it came as, valid while that text is. */
#pragma once

#include <glib.h>

#include "icw-json-reader.h"

G_BEGIN_DECLS

typedef struct {
  char         *kind;
  char         *id;
  char         *revision;
  gboolean      deleted;
  IcwJsonValue  change;   /* the whole change object */
  IcwJsonValue  record;
} IcwPulledChange;

typedef struct {
  GArray   *changes;      /* IcwPulledChange */
  char     *cursor;
  gboolean  has_more;
} IcwPullPage;

IcwPullPage *icw_sync_pull_page_read (const char     *data,
                                      gsize           length,
                                      GError        **error);
void     icw_sync_pull_page_free     (IcwPullPage    *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwPullPage, icw_sync_pull_page_free)

G_END_DECLS
