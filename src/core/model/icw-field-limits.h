/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-limits.h: the limits on what one field may hold, in one place: the length of names,
 * codes, addresses and narrative texts, the largest amount of one budget cell, and the bytes the
 * CSV reader takes for one value or one line before it stops reading. The store's validation, the
 * CSV import and the window's entries all read them from here (docs/formats.md lists them). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Lengths in characters (Unicode code points), as the user counts them. */
#define ICW_LIMIT_NAME_CHARS      200      /* names and titles */
#define ICW_LIMIT_SHORT_CHARS     64       /* codes and short fields: province, city, a person's name */
#define ICW_LIMIT_ADDRESS_CHARS   500      /* addresses and one-line descriptions */
#define ICW_LIMIT_TEXT_CHARS      100000   /* narrative sections, justifications, clauses */

/* The largest amount of one budget cell: 10^12 yuan (100,000,000.00 万元) in fen. Totals still
 * go through checked addition: a table has at most a few thousand cells, but old data may hold
 * larger amounts than this. */
#define ICW_LIMIT_CELL_FEN        G_GINT64_CONSTANT (100000000000000)

/* The CSV reader's caps, in bytes: a value longer than any field allows (4 bytes a character of
 * the longest short text, with room to spare), and a whole line (row). Beyond them it stops at
 * once, before the rest of a huge value is copied. */
#define ICW_LIMIT_CSV_VALUE_BYTES (16 * 1024)
#define ICW_LIMIT_CSV_LINE_BYTES  (256 * 1024)

typedef enum {
  ICW_FIELD_CLASS_NAME,      /* one line; no control characters at all; ICW_LIMIT_NAME_CHARS */
  ICW_FIELD_CLASS_SHORT,     /* one line; no control characters at all; ICW_LIMIT_SHORT_CHARS */
  ICW_FIELD_CLASS_ADDRESS,   /* one line; no control characters at all; ICW_LIMIT_ADDRESS_CHARS */
  ICW_FIELD_CLASS_LINES,     /* a short text of a few lines (a sector typed with Alt+Enter in a
                                spreadsheet cell): like TEXT, ICW_LIMIT_ADDRESS_CHARS */
  ICW_FIELD_CLASS_TEXT,      /* line breaks and tabs allowed, no other control; ICW_LIMIT_TEXT_CHARS */
} IcwFieldClass;

/* The length limit of a class of field, in characters. */
guint     icw_field_class_max_chars  (IcwFieldClass  field_class);

typedef enum {
  ICW_FIELD_OK,
  ICW_FIELD_NOT_UTF8,
  ICW_FIELD_CONTROL,     /* *bad is the character */
  ICW_FIELD_TOO_LONG,    /* *length is its length in characters */
} IcwFieldProblem;

/* What is wrong with text (NULL is fine) for the class: invalid UTF-8, a character the class
 * refuses (a C0 or C1 control, DEL or U+FEFF; line breaks and tabs are allowed in
 * ICW_FIELD_CLASS_TEXT and _LINES), or its length. For callers that write their own message (the CSV import
 * names the row and column). bad and length may be NULL. */
IcwFieldProblem icw_field_inspect    (const char    *text,
                                      IcwFieldClass  field_class,
                                      gunichar      *bad,
                                      glong         *length);

/* The class of a text property of a record ("name", "title", "province", "justification", …) and
 * its label in the user's language, as the field catalogue gives them (LIMIT in
 * icw-field-catalogue.c); FALSE for a property without a limit of its own. The store checks every
 * record's fields by them; the window limits its entries and the CSV import its columns by them. */
gboolean  icw_field_class_for_property (const char    *property,
                                        IcwFieldClass *field_class,
                                        const char   **label);

/* Checks text (NULL is fine) against the class: its characters and its length. The message of
 * the ICW_ERROR_INVALID error begins with the label, e.g. "Name: it is longer than 200 characters
 * (it has 250)", in the user's language. */
gboolean  icw_field_check            (const char    *label,
                                      const char    *text,
                                      IcwFieldClass  field_class,
                                      GError       **error);

/* Checks every text field of the record that the field catalogue gives a class (and, for an
 * application, its narrative sections). */
gboolean  icw_field_check_record     (GObject       *record,
                                      GError       **error);
/* The same, of the fields whose property names are in `changed` only (every field when NULL): a
 * save of what changed since the record matched its row (issue 20). */
gboolean  icw_field_check_changed    (GObject       *record,
                                      GHashTable    *changed,
                                      GError       **error);

/* The text with every control character (C0, C1, DEL) and U+FEFF written visibly as \n, \t, \r
 * or \u{XXXX}, so that a terminal never receives raw escape sequences from old data; with
 * keep_lines, line breaks and tabs stay as they are (narrative text shown whole). Invalid UTF-8 is
 * written as \x{XX}. NULL for NULL. */
char     *icw_text_escape_controls   (const char    *text,
                                      gboolean       keep_lines);

G_END_DECLS
