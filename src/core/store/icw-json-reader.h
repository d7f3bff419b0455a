/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-reader.h: reading JSON text in place, without building a tree: a value is a typed byte
 * range of the text, an object or an array is walked member by member, a string is compared or
 * copied out (unescaped) only when it is needed. Used where a record's text arrives as part of a
 * larger text (a pull page) and is bound straight into a statement. Anything that is not JSON
 * (RFC 8259; nesting over ICW_JSON_READER_MAX_DEPTH; a lone surrogate or \u0000 when a string is
 * copied out) is refused. UTF-8 is not checked here: the caller checks the text once, whole. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICW_JSON_READER_MAX_DEPTH 64

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
  const char  *end;       /* one past its last byte */
  gboolean     escaped;   /* a string with a backslash in it */
} IcwJsonValue;

/* Walks the members of an object or the elements of an array. */
typedef struct {
  const char *p;
  const char *end;
  gboolean    first;
  gboolean    object;
} IcwJsonIter;

/* The one value of text[0..length) (whitespace around it allowed, nothing else). */
gboolean    icw_json_read_document    (const char         *text,
                                       gsize               length,
                                       IcwJsonValue       *value);
void        icw_json_iter_init        (IcwJsonIter        *iter,
                                       const IcwJsonValue *container);
/* 1 with the next member (name is NULL for an array's elements), 0 at the end, -1 when the text
 * is not JSON. */
int         icw_json_iter_next        (IcwJsonIter        *iter,
                                       IcwJsonValue       *name,
                                       IcwJsonValue       *value);

/* A string's characters between its quotes, when it has no escapes (*length set). */
const char *icw_json_string_raw       (const IcwJsonValue *string,
                                       gsize              *length);
/* The string unescaped, NUL-terminated (g_free); NULL for a bad escape, a lone surrogate or \u0000. */
char       *icw_json_string_dup       (const IcwJsonValue *string);
gboolean    icw_json_string_equal     (const IcwJsonValue *string,
                                       const char         *text);
gboolean    icw_json_integer          (const IcwJsonValue *value,
                                       gint64             *out);

G_END_DECLS
