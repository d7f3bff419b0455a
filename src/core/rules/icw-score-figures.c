/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-figures.c: the figures a scoring rule may read and how they, points and shares are
 * written in the reasons the score gives. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-money.h"
#include "icw-score-figures.h"

static const IcwScoreFigure figures[] = {
  { ICW_SCORE_FIGURE_STAFF, N_("Staff"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_TECH_STAFF, N_("Science and technology staff"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_EXPERTS, N_("High-level experts or doctors of the field"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_ALLIANCE_ENTERPRISES, N_("Enterprises in the alliance"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_ALLIANCE_INSTITUTES, N_("Research institutes in the alliance"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_ALLIANCE_UNIVERSITIES, N_("Universities in the alliance"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_PROVINCIAL_PLATFORMS, N_("Provincial or higher innovation platforms"), ICW_SCORE_UNIT_COUNT },
  { ICW_SCORE_FIGURE_RD_SPENDING_AVERAGE, N_("Average yearly R&D spending"), ICW_SCORE_UNIT_FEN },
};

const IcwScoreFigure *
icw_score_figure_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (figures); i++)
    if (strcmp (figures[i].key, key) == 0)
      return &figures[i];
  return NULL;
}

const char *
icw_score_figure_label (const IcwScoreFigure *figure)
{
  return _(figure->label);
}

char *
icw_score_figure_format (const IcwScoreFigure *figure,
                         gint64                value)
{
  g_autofree char *amount = NULL;

  if (figure->unit == ICW_SCORE_UNIT_COUNT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value);
  amount = icw_money_format (value, ICW_MONEY_UNIT_WAN);
  return g_strdup_printf ("%s %s", amount, icw_money_unit_symbol (ICW_MONEY_UNIT_WAN));
}

char *
icw_score_points_format (gint64 points)
{
  const char *sign = points < 0 ? "-" : "";
  gint64 magnitude = points < 0 ? -points : points;

  if (magnitude % 100 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, magnitude / 100);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", sign, magnitude / 100, (int) (magnitude % 100));
}

char *
icw_score_share_format (gint64 basis_points)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", basis_points / 100, (int) (basis_points % 100));
}
