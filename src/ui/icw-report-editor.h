/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-editor.h: the editor of a center's yearly report (年度考核) or periodic evaluation
 * (定期评估), an IcwDocumentEditor: the narrative sections of its kind, the 考核指标 table with its
 * charts (IcwReportIndicators), 建设情况, the center's figures of the year, the self-score; the check, Mark as
 * Ready and Submit are the document bar's. */
#pragma once

#include "icw-document-editor.h"
#include "icw-money.h"
#include "icw-report-indicators.h"
#include "icw-report-score.h"

G_BEGIN_DECLS

#define ICW_TYPE_REPORT_EDITOR (icw_report_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwReportEditor, icw_report_editor, ICW, REPORT_EDITOR, IcwDocumentEditor)

GtkWidget           *icw_report_editor_new            (IcwStore        *store,
                                                       IcwMoneyUnit     money_unit);
void                 icw_report_editor_focus_first    (IcwReportEditor *self);
IcwReportIndicators *icw_report_editor_get_indicators (IcwReportEditor *self);
IcwReportScore      *icw_report_editor_get_score      (IcwReportEditor *self);

G_END_DECLS
