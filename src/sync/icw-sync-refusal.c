/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-refusal.c: the refusal codes of the protocol, each with a sentence for people. A code
 * added by a later server is not here: its own English reason is shown instead. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-sync-refusal.h"

const char *
icw_sync_refusal_reason (const char *code)
{
  static const struct { const char *code; const char *text; } reasons[] = {
    { "invalid-record", N_("The server cannot store the record as it is: a field has a value it does not accept.") },
    { "invalid-text", N_("The record holds text the server cannot store.") },
    { "kind-mismatch", N_("The server already holds a record of another kind under this ID.") },
    { "foreign-reference", N_("The record refers to a record of another center.") },
    { "missing-parent", N_("The record it belongs to is not on the server.") },
    { "forbidden-change", N_("This account may not make this change.") },
    { "locked-document", N_("The document was submitted or accepted: its content can no longer change.") },
    { "id-taken", N_("Another center already uses this record’s ID. Discard My Change gives your record a new ID, and it syncs under it.") },
    { "too-large", N_("The record is larger than the server accepts.") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (code, reasons[i].code))
      return _(reasons[i].text);
  return NULL;
}
