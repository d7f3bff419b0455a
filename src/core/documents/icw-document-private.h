/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-private.h: helpers the document builders share (icw-document-build-util.c). */
#pragma once

#include "icw-document.h"
#include "icw-money.h"

G_BEGIN_DECLS

/* The "name" of a record, or NULL when id is empty; the id itself when it is not found or has no
 * name. */
char *icw_doc_record_name      (IcwStore      *store,
                                IcwRecordKind  kind,
                                const char    *id);
/* A level-1 heading numbered as the document's language numbers sections: "一、Title" or
 * "1. Title" (number from 1). */
void  icw_doc_numbered_heading (IcwDocument   *document,
                                guint          number,
                                const char    *title);
/* The cover of a center's document: its name and its host company's. */
void  icw_doc_set_center_cover (IcwDocument   *document,
                                IcwStore      *store,
                                const char    *center_id,
                                const char    *subtitle);
/* An amount in 万元 as every document shows it: the digits grouped by three ("24,000.00"), as the
 * window's budget groups them (icw_money_format_locale); with the marks both document languages
 * use ("," and "."), whatever the locale of the process that makes the document. */
char *icw_doc_money            (gint64         fen);
/* The children of a record, as icw_store_list() gives them, in a new array of references. */

G_END_DECLS
