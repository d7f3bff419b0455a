/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-check.h: JSON text checked before and after json-glib reads it. json-glib 1.6 recurses
 * once per level of nesting (100,000 levels crash it), keeps a second document after the first
 * without a word, and turns some escaped lone surrogates ("x\ud800y") into bytes that are not
 * UTF-8 (and refuses others with a message holding such bytes): a cheap scan of the raw text
 * refuses all three, and a walk of the parsed tree checks every string again. Used by the
 * dossier import and by every parser of a structured part, so the store refuses the same; and
 * the parsers' reader of an optional string member. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects accepted anywhere. */
#define ICW_JSON_MAX_DEPTH 64

typedef enum {
  ICW_JSON_TEXT_OK,
  ICW_JSON_TEXT_TOO_DEEP,        /* nested deeper than ICW_JSON_MAX_DEPTH */
  ICW_JSON_TEXT_TRAILING,        /* something after the first value */
  ICW_JSON_TEXT_LONE_SURROGATE,  /* a \uD800–\uDFFF escape that is not half of a pair */
} IcwJsonText;

/* What is wrong with the raw text, before json-glib reads it; *offset gets the byte where the
 * problem is. Brackets inside strings do not count. */
IcwJsonText icw_json_check_text (const char *data,
                                 gsize       length,
                                 gsize      *offset);
/* TRUE when every string and member name in the tree is valid UTF-8. */
gboolean  icw_json_check_utf8   (JsonNode   *node);
/* Parses text that is exactly one JSON value, within the depth, with no assignment and valid
 * UTF-8 in every string; NULL otherwise (the callers say which part was wrong). */
JsonNode *icw_json_parse_strict (const char *text);
/* A member of a structured part that may be absent, null or a string: TRUE with the string in
 * *out (NULL when absent or null); FALSE, *out NULL, when it is of another type. */
gboolean  icw_json_optional_string (JsonObject  *object,
                                    const char  *member,
                                    const char **out);

G_END_DECLS
