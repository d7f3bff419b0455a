/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-line.h: one line of a funding request's budget: a category of the request's category
 * set, its justification, and its amounts in fen by year and source. The amounts are JSON text
 * (docs/formats.md): {"2026/central-fiscal": "1200000", …}, values decimal strings of fen so that no
 * JSON reader rounds them; a cell never typed is absent and counts as 0. The store checks every
 * cell: a year of the request's period, a source in use, an amount from 0 to G_MAXINT64. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_BUDGET_LINE (icw_budget_line_get_type ())

G_DECLARE_FINAL_TYPE (IcwBudgetLine, icw_budget_line, ICW, BUDGET_LINE, IcwRecord)

IcwBudgetLine *icw_budget_line_new (void);

const char *icw_budget_line_get_request_id    (IcwBudgetLine *self);
void        icw_budget_line_set_request_id    (IcwBudgetLine *self, const char *value);
/* The category's key in the request's category set. */
const char *icw_budget_line_get_category      (IcwBudgetLine *self);
void        icw_budget_line_set_category      (IcwBudgetLine *self, const char *value);
const char *icw_budget_line_get_justification (IcwBudgetLine *self);
void        icw_budget_line_set_justification (IcwBudgetLine *self, const char *value);
/* The amounts as JSON text (see above); NULL or "" for none. */
const char *icw_budget_line_get_cells         (IcwBudgetLine *self);
void        icw_budget_line_set_cells         (IcwBudgetLine *self, const char *value);

/* One cell, parsed from "cells": 0 when it was never typed, or when the text is malformed (the
 * store refuses malformed text, so a saved line has none). */
gint64      icw_budget_line_get_cell          (IcwBudgetLine *self,
                                               int            year,
                                               IcwFundingSource source);
/* Sets one cell (0 removes it) and rewrites "cells" in its canonical form: keys sorted. */
void        icw_budget_line_set_cell          (IcwBudgetLine *self,
                                               int            year,
                                               IcwFundingSource source,
                                               gint64         fen);

/* Parses cells text into a table "YEAR/source" → gint64 fen (boxed in the value). A malformed text
 * gives NULL and an error naming the cell. */
GHashTable *icw_budget_cells_parse            (const char    *text,
                                               GError       **error);
char       *icw_budget_cell_key               (int            year,
                                               IcwFundingSource source);

G_END_DECLS
