/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-summary.h: the 基本情况表 of an application, the structured summary every
 * province asks for (领域, 牵头单位, 依托公司, 注册/实缴资本, 股东数, 联盟成员数, 研发人员, 场地面积,
 * 总投资, 联系人). What the registers know is read from them, never retyped: the center's field,
 * lead, host company, capital, staff and space, and its shareholders and alliance members counted;
 * the total investment and the contact are the application's own fields. The editor's summary
 * group and the document's table both show these rows. */
#pragma once

#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *label;      /* translated */
  char       *value;      /* "" when not stated */
  gboolean    from_registers;
} IcwSummaryRow;

void       icw_summary_row_free     (IcwSummaryRow  *row);
/* The rows in the table's order; the array frees them. */
GPtrArray *icw_application_summary  (IcwStore       *store,
                                     IcwApplication *application);

G_END_DECLS
