/* icw-money.h: money as integer fen and shares as integer basis points, parsed and formatted
 * without floating point. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICW_MONEY_UNIT_WAN,   /* 万元: 1 万元 = 1 000 000 fen */
  ICW_MONEY_UNIT_YUAN,  /* 元: 1 元 = 100 fen */
} IcwMoneyUnit;

gboolean icw_money_parse          (const char    *text,
                                   IcwMoneyUnit   unit,
                                   gint64        *fen,
                                   GError       **error);
char    *icw_money_format         (gint64         fen,
                                   IcwMoneyUnit   unit);
const char *icw_money_unit_symbol (IcwMoneyUnit   unit);

gboolean icw_basis_points_parse   (const char    *text,
                                   gint64        *basis_points,
                                   GError       **error);
char    *icw_basis_points_format  (gint64         basis_points);

G_END_DECLS
