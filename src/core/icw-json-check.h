/* icw-json-check.h: JSON text checked before and after json-glib reads it. json-glib 1.6 recurses
 * once per level of nesting (100,000 levels crash it), keeps a second document after the first
 * without a word, and turns an escaped lone surrogate ("\ud800") into bytes that are not UTF-8: a
 * cheap scan of the raw text refuses the first two, a walk of the parsed tree the third. Used by
 * the dossier import and by every parser of a structured part, so the store refuses the same. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects accepted anywhere. */
#define ICW_JSON_MAX_DEPTH 64

/* FALSE when the text nests deeper than ICW_JSON_MAX_DEPTH or has something after its first
 * value; strings are skipped (brackets inside them do not count). */
gboolean  icw_json_check_text   (const char *data,
                                 gsize       length,
                                 gboolean   *too_deep);
/* TRUE when every string and member name in the tree is valid UTF-8. */
gboolean  icw_json_check_utf8   (JsonNode   *node);
/* Parses text that is exactly one JSON value, within the depth, with no assignment and valid
 * UTF-8 in every string; NULL otherwise (the callers say which part was wrong). */
JsonNode *icw_json_parse_strict (const char *text);

G_END_DECLS
