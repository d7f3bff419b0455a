/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-form-text.h: what the user types in a form field, turned into the value a record holds, or
 * a message saying what is wrong with it (in the user's language). The editors' rows call these;
 * they need no widget, so they are tested headless (test-form-text.c). */
#pragma once

#include <glib-object.h>

#include "icw-money.h"

G_BEGIN_DECLS

/* How a text field is typed and what property it sets. */
typedef enum {
  ICW_FIELD_TEXT,
  ICW_FIELD_YEAR,          /* int property, empty is 0 */
  ICW_FIELD_COUNT,         /* int property, a whole number ≥ 0 */
  ICW_FIELD_MONEY,         /* gint64 fen, typed in the display unit */
  ICW_FIELD_PERCENT,       /* gint64 basis points, empty is -1 (unknown) */
  ICW_FIELD_DATE,          /* text YYYY-MM-DD */
  ICW_FIELD_CREDIT_CODE,   /* text, checked by GB 32100-2015 as it is typed */
} IcwFieldKind;

/* Sets @value (uninitialised) to what @typed means for a field of @kind: surrounding spaces are
 * dropped, money is read in @unit, with or without the group marks of the user's locale (as the
 * forms show it: "10,000.00"), or plainly with up to the unit's exact decimals. */
gboolean icw_form_text_parse          (IcwFieldKind   kind,
                                       const char    *typed,
                                       IcwMoneyUnit   unit,
                                       GValue        *value,
                                       GError       **error);
/* A budget cell: an amount in @unit with the marks of the user's locale; empty is 0. */
gboolean icw_form_text_parse_amount   (const char    *typed,
                                       IcwMoneyUnit   unit,
                                       gint64        *fen,
                                       GError       **error);
/* TRUE when text is NULL, empty or only ASCII white space (spaces, tabs, line ends): nothing typed.
 * The one test of a field's being filled in that the model, the store, the rules and the documents
 * share. */
gboolean icw_form_text_is_blank       (const char    *text);
/* A payment (a milestone's amount): as a budget cell, but it must be typed and above zero. */
gboolean icw_form_text_parse_payment  (const char    *typed,
                                       IcwMoneyUnit   unit,
                                       gint64        *fen,
                                       GError       **error);

G_END_DECLS
