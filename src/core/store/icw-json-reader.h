/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-reader.h: reading JSON text in place, without building a tree: a value is a typed byte
 * range of the text, an object or an array is walked member by member, a string is compared or
 * copied out (unescaped) only when it is needed. Walking is lazy: a member that is an object or an
 * array is either entered (its members walked, in the same pass) or skipped whole by the next
 * step. Used where records arrive as parts of a larger text (a pull page) and are bound straight
 * into statements. The grammar is RFC 8259's, with the limits of the sync protocol's strict check
 * (icw_sync_json_check): nesting up to ICW_JSON_READER_MAX_DEPTH, strings up to
 * ICW_JSON_READER_MAX_STRING bytes, integers within 64 bits. UTF-8 is not checked here: the
 * caller checks the text once, whole. A string copied out must not hold a lone surrogate or
 * \u0000. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICW_JSON_READER_MAX_DEPTH  64
#define ICW_JSON_READER_MAX_STRING (1024 * 1024)

/* Whether eight bytes may hold a quote, a backslash or a control character (exact: a byte of 0x80
 * and above is none of them), so that a string's plain bytes are passed eight at a time (the
 * in-place reader here and the sync server's body reader). */
static inline gboolean
icw_json_word_may_stop_string (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = word ^ (ones * '"');
  guint64 backslash = word ^ (ones * '\\');

  return ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((word - ones * 0x20) & ~word)) & highs) != 0;
}

typedef enum {
  ICW_JSON_NULL,
  ICW_JSON_FALSE,
  ICW_JSON_TRUE,
  ICW_JSON_INTEGER,   /* a number without fraction or exponent */
  ICW_JSON_NUMBER,    /* any other number */
  ICW_JSON_STRING,
  ICW_JSON_OBJECT,
  ICW_JSON_ARRAY,
} IcwJsonType;

typedef struct {
  IcwJsonType  type;
  const char  *start;     /* the value's first byte (a string's opening quote) */
  const char  *end;       /* one past its last byte; NULL for a container not read yet */
  gboolean     escaped;   /* a string with a backslash in it */
} IcwJsonValue;

/* Walks the members of an object or the elements of an array. */
typedef struct {
  const char *p;
  const char *end;
  guint       depth;
  gboolean    first;
  gboolean    object;
  gboolean    pending;    /* p is at a container member that was neither entered nor skipped */
} IcwJsonIter;

/* The object or array that text[0..length) starts with (after whitespace); FALSE if it starts
 * with anything else. */
gboolean    icw_json_iter_init_text   (IcwJsonIter        *iter,
                                       const char         *text,
                                       gsize               length);
/* A container whose end is known (read whole, or entered and left). */
void        icw_json_iter_init        (IcwJsonIter        *iter,
                                       const IcwJsonValue *container);
/* 1 with the next member (name is NULL for an array's elements), 0 after the closing bracket,
 * -1 when the text is not JSON. A container member comes with end NULL: enter it, or the next
 * step skips it. */
int         icw_json_iter_next        (IcwJsonIter        *iter,
                                       IcwJsonValue       *name,
                                       IcwJsonValue       *value);
/* Walks the container member just returned; FALSE when nested too deeply. */
gboolean    icw_json_iter_enter       (IcwJsonIter        *iter,
                                       IcwJsonIter        *child);
/* After child's walk ended (0): the parent goes on after it, and value (the member) gets its end. */
void        icw_json_iter_leave       (IcwJsonIter        *iter,
                                       const IcwJsonIter  *child,
                                       IcwJsonValue       *value);
/* After the outermost walk ended: nothing but whitespace follows. */
gboolean    icw_json_iter_at_end      (const IcwJsonIter  *iter);

/* text[0..length) is one JSON object and nothing else, valid UTF-8, within the limits: what the
 * strict check takes when it starts with a brace, checked faster. */
gboolean    icw_json_is_object        (const char         *text,
                                       gsize               length);

/* A string's characters between its quotes, when it has no escapes (*length set). */
const char *icw_json_string_raw       (const IcwJsonValue *string,
                                       gsize              *length);
/* The characters between a string's quotes, from..to, its escapes already checked by the grammar,
 * appended unescaped to out (a surrogate pair is one character). FALSE at an escape that stands for
 * no text, a lone surrogate or \u0000 (a C string and SQLite's text would end there): out then holds
 * the text before it. The one rule for every JSON reader of the project: icw_json_string_dup, the
 * sync body reader and the sync layer's strict parse (icw-sync-json.c) refuse the same strings. */
gboolean    icw_json_unescape         (GString            *out,
                                       const char         *from,
                                       const char         *to);
/* Every escape of the JSON text from..to (which the grammar took) stands for text: FALSE when a
 * string anywhere in it, a member's name or a value the walk skipped, holds a lone surrogate or
 * \u0000. One fast pass over the text (its backslashes only), for a reader that must refuse what
 * the tree refuses without copying out every string. */
gboolean    icw_json_escapes_stand_for_text (const char *from,
                                             const char *to);
/* The string unescaped, NUL-terminated (g_free); NULL for a lone surrogate or \u0000. */
char       *icw_json_string_dup       (const IcwJsonValue *string);
gboolean    icw_json_string_equal     (const IcwJsonValue *string,
                                       const char         *text);
gboolean    icw_json_integer          (const IcwJsonValue *value,
                                       gint64             *out);
/* A JSON integer's text (-?digits, no sign '+', no spaces) as a 64-bit integer, without copying
 * it: FALSE when it is not one or does not fit, as g_ascii_string_to_signed would say. */
gboolean    icw_json_parse_int64      (const char         *text,
                                       gsize               length,
                                       gint64             *out);

G_END_DECLS
