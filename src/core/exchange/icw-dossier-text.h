/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-text.h: the raw text of a dossier checked before json-glib reads it, then parsed
 * (icw-dossier-text.c). Private to the dossier import. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The root object of the dossier's text, or NULL and an ICW_ERROR_IMPORT error naming what is
 * wrong: not UTF-8, nested beyond ICW_JSON_MAX_DEPTH, a lone surrogate (the record and field
 * around it, as far as the text tells), something after the top-level value, an integer beyond 64
 * bits, not JSON, a JavaScript assignment, not an object. */
JsonNode *icw_dossier_parse (const char  *data,
                             gsize        length,
                             GError     **error);

G_END_DECLS
