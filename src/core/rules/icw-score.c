/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score.c: the scoring engine. Each item's rule turns the year's figures into points, in
 * hundredths and with integer arithmetic (a share's points are computed from the two counts, not
 * from a rounded percentage); an item no rule computes takes the points typed by hand, with their
 * reason. Every item says why, with its figures, and the total gives the grade where the scheme
 * has bands. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-score.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

typedef struct {
  gint64  points;
  char   *reason;
} HandScore;

struct _IcwScoreInput
{
  GHashTable *figures;   /* key → gint64* */
  GHashTable *hand;      /* item key → HandScore* */
};

static void
hand_score_free (HandScore *hand)
{
  g_free (hand->reason);
  g_free (hand);
}

IcwScoreInput *
icw_score_input_new (void)
{
  IcwScoreInput *input = g_new0 (IcwScoreInput, 1);

  input->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  input->hand = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) hand_score_free);
  return input;
}

void
icw_score_input_free (IcwScoreInput *input)
{
  if (input == NULL)
    return;
  g_hash_table_unref (input->figures);
  g_hash_table_unref (input->hand);
  g_free (input);
}

void
icw_score_input_set_figure (IcwScoreInput *input,
                            const char    *figure,
                            gint64         value)
{
  g_return_if_fail (input != NULL && figure != NULL);
  g_hash_table_replace (input->figures, g_strdup (figure), g_memdup2 (&value, sizeof value));
}

void
icw_score_input_set_by_hand (IcwScoreInput *input,
                             const char    *item,
                             gint64         points,
                             const char    *reason)
{
  HandScore *hand = g_new0 (HandScore, 1);

  g_return_if_fail (input != NULL && item != NULL);
  hand->points = points;
  hand->reason = g_strdup (reason);
  g_hash_table_replace (input->hand, g_strdup (item), hand);
}

static void
item_free (IcwScoreItem *item)
{
  g_free (item->key);
  g_free (item->title);
  g_free (item->why);
  g_free (item->basis);
  g_free (item->reason);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwScoreItem, item_free)

void
icw_score_free (IcwScore *score)
{
  if (score == NULL)
    return;
  g_free (score->scheme);
  g_free (score->title);
  g_free (score->grade_why);
  g_clear_pointer (&score->items, g_ptr_array_unref);
  g_free (score);
}

static gboolean
figure (IcwScoreInput *input,
        const char    *key,
        gint64        *value)
{
  gint64 *stored = g_hash_table_lookup (input->figures, key);

  if (stored == NULL)
    return FALSE;
  *value = *stored;
  return TRUE;
}

static char *
not_entered (const char *figure_key)
{
  const IcwScoreFigure *f = icw_score_figure_lookup (figure_key);

  return g_strdup_printf (_("Not computed: “%s” is not entered, so the item is scored by hand."),
                          icw_score_figure_label (f));
}

/* maximum × (share − floor) / (ceiling − floor), with share = part / whole, rounded half up. */
static gint64
in_proportion (const IcwScoreItemDef *def,
               gint64                 part,
               gint64                 whole)
{
  gint64 numerator = def->maximum * (part * 10000 - def->zero_below * whole);
  gint64 denominator = (def->full_above - def->zero_below) * whole;

  return (2 * numerator + denominator) / (2 * denominator);
}

static void
score_share (const IcwScoreItemDef *def,
             IcwScoreInput         *input,
             IcwScoreItem          *item)
{
  const IcwScoreFigure *fpart = icw_score_figure_lookup (def->figures[0]);
  const IcwScoreFigure *fwhole = icw_score_figure_lookup (def->figures[1]);
  gint64 part, whole;
  g_autofree char *share = NULL, *floor_text = NULL, *ceiling_text = NULL, *points = NULL, *maximum = NULL;
  g_autofree char *part_text = NULL, *whole_text = NULL;

  if (!figure (input, def->figures[0], &part) || !figure (input, def->figures[1], &whole) || whole <= 0)
    {
      item->by_hand = TRUE;
      item->why = not_entered (!figure (input, def->figures[0], &part) ? def->figures[0] : def->figures[1]);
      return;
    }
  part_text = icw_score_figure_format (fpart, part);
  whole_text = icw_score_figure_format (fwhole, whole);
  if (part < 0 || part > whole)
    {
      item->by_hand = TRUE;
      item->why = g_strdup_printf (_("Not computed: “%s” (%s) is more than “%s” (%s); check the figures."),
                                   icw_score_figure_label (fpart), part_text, icw_score_figure_label (fwhole), whole_text);
      return;
    }
  item->scored = TRUE;
  share = icw_score_share_format ((part * 10000 + whole / 2) / whole);
  floor_text = icw_score_share_format (def->zero_below);
  ceiling_text = icw_score_share_format (def->full_above);
  maximum = icw_score_points_format (def->maximum);
  if (part * 10000 > def->full_above * whole)
    {
      item->points = def->maximum;
      item->why = g_strdup_printf (_("%s is %s (%s of %s), over %s: full marks, %s points."),
                                   icw_score_item_title (def), share, part_text, whole_text, ceiling_text, maximum);
      return;
    }
  if (part * 10000 < def->zero_below * whole)
    {
      item->why = g_strdup_printf (_("%s is %s (%s of %s), under %s: no points."),
                                   icw_score_item_title (def), share, part_text, whole_text, floor_text);
      return;
    }
  item->points = in_proportion (def, part, whole);
  points = icw_score_points_format (item->points);
  item->why = g_strdup_printf (_("%s is %s (%s of %s), between %s and %s: %s of %s points, in proportion."),
                               icw_score_item_title (def), share, part_text, whole_text, floor_text, ceiling_text, points, maximum);
}

/* One figure against the minimum; FALSE when it is below it or not entered (item->why says). */
static gboolean
reaches (const IcwScoreItemDef *def,
         const char            *key,
         IcwScoreInput         *input,
         IcwScoreItem          *item)
{
  const IcwScoreFigure *f = icw_score_figure_lookup (key);
  g_autofree char *value_text = NULL, *min_text = NULL;
  gint64 value;

  if (!figure (input, key, &value))
    {
      item->by_hand = TRUE;
      item->why = not_entered (key);
      return FALSE;
    }
  if (value >= def->min)
    return TRUE;
  value_text = icw_score_figure_format (f, value);
  min_text = icw_score_figure_format (f, def->min);
  item->by_hand = def->below_by_hand;
  item->scored = !def->below_by_hand;
  if (def->below_by_hand)
    item->why = g_strdup_printf (_("%s is %s, under %s: the table's rule below it was not seen, so the item is scored by hand."),
                                 icw_score_figure_label (f), value_text, min_text);
  else
    item->why = g_strdup_printf (_("%s is %s, under %s: no points."), icw_score_figure_label (f), value_text, min_text);
  return FALSE;
}

static void
score_at_least (const IcwScoreItemDef *def,
                IcwScoreInput         *input,
                IcwScoreItem          *item)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *maximum = icw_score_points_format (def->maximum);
  const IcwScoreFigure *f = icw_score_figure_lookup (def->figures[0]);
  g_autofree char *min_text = icw_score_figure_format (f, def->min);
  gint64 value = 0;

  for (guint i = 0; def->figures[i] != NULL; i++)
    {
      if (!reaches (def, def->figures[i], input, item))
        return;
      if (i > 0)
        g_string_append (labels, _(", "));
      g_string_append (labels, icw_score_figure_label (icw_score_figure_lookup (def->figures[i])));
    }
  item->scored = TRUE;
  item->points = def->maximum;
  if (def->kind == ICW_SCORE_RULE_ALL_AT_LEAST)
    {
      item->why = g_strdup_printf (_("Each of %s is at least %s: %s points."), labels->str, min_text, maximum);
      return;
    }
  figure (input, def->figures[0], &value);
  {
    g_autofree char *value_text = icw_score_figure_format (f, value);

    item->why = g_strdup_printf (_("%s is %s, at least %s: %s points."), labels->str, value_text, min_text, maximum);
  }
}

static void
score_by_hand_pending (const IcwScoreItemDef *def,
                       gboolean               scheme_has_maximum,
                       IcwScoreItem          *item)
{
  g_autofree char *maximum = icw_score_points_format (def->maximum);

  item->by_hand = TRUE;
  if (def->maximum >= 0)
    item->why = g_strdup_printf (_("Not computed from the figures: to be scored by hand, up to %s points."), maximum);
  else if (scheme_has_maximum)
    item->why = g_strdup (_("Not computed from the figures: to be scored by hand; its points were not published."));
  else
    item->why = g_strdup (_("No points are published for this item: the reviewer weighs it."));
}

/* A score typed for the item: checked, then taken. */
static gboolean
take_by_hand (gint64                  limit,
              HandScore              *hand,
              IcwScoreItem           *item,
              GError                **error)
{
  g_autofree char *limit_text = icw_score_points_format (limit);

  if (!item->by_hand)
    return g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                        _("“%s”: the item is computed from the figures; it cannot be scored by hand"),
                        item->title), FALSE;
  if (hand->reason == NULL || *g_strstrip (hand->reason) == '\0')
    return g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                        _("“%s”: a score typed by hand needs its reason"), item->title), FALSE;
  if (limit < 0)
    return g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                        _("“%s”: no points are published for this item, so it takes no score"), item->title), FALSE;
  if (hand->points < 0 || hand->points > limit)
    return g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                        _("“%s”: a score typed by hand must be from 0 to %s points"), item->title, limit_text), FALSE;
  g_free (item->why);
  item->why = g_strdup_printf (_("Scored by hand: %s"), hand->reason);
  item->reason = g_strdup (hand->reason);
  item->points = hand->points;
  item->scored = TRUE;
  return TRUE;
}

static IcwScoreItem *
score_item (IcwScoreScheme         *scheme,
            const IcwScoreItemDef  *def,
            IcwScoreInput          *input,
            GError                **error)
{
  g_autoptr(IcwScoreItem) item = g_new0 (IcwScoreItem, 1);
  gint64 scheme_maximum = icw_score_scheme_get_maximum (scheme);
  HandScore *hand = g_hash_table_lookup (input->hand, def->key);

  item->key = g_strdup (def->key);
  item->title = g_strdup (icw_score_item_title (def));
  item->maximum = def->maximum;
  item->basis = icw_score_basis_text (def->basis);
  if (def->kind == ICW_SCORE_RULE_LINEAR_SHARE)
    score_share (def, input, item);
  else if (def->kind == ICW_SCORE_RULE_BY_HAND)
    score_by_hand_pending (def, scheme_maximum >= 0, item);
  else
    score_at_least (def, input, item);
  if (hand != NULL &&
      !take_by_hand (def->maximum >= 0 ? def->maximum : scheme_maximum, hand, item, error))
    return NULL;
  return g_steal_pointer (&item);
}


static gboolean
check_hand_keys (IcwScoreScheme  *scheme,
                 IcwScoreInput   *input,
                 GError         **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, input->hand);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (icw_score_scheme_find_item (scheme, key) == NULL)
      return g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                          _("“%s” is not an item of the scoring scheme “%s”"),
                          (const char *) key, icw_score_scheme_get_id (scheme)), FALSE;
  return TRUE;
}

static void
grade (IcwScoreScheme *scheme,
       IcwScore       *score)
{
  g_autofree char *points = icw_score_points_format (score->points);
  g_autofree char *maximum = icw_score_points_format (score->maximum);
  g_autofree char *min = NULL;

  if (!icw_score_scheme_has_bands (scheme))
    {
      score->grade_why = g_strdup (_("The grade is the reviewer's: the scheme publishes no bands of points."));
      return;
    }
  if (score->unscored > 0)
    {
      score->grade_why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u item is still to be scored by hand; the grade follows when it is.",
                                                       "%u items are still to be scored by hand; the grade follows when they are.",
                                                       score->unscored),
                                          score->unscored);
      return;
    }
  score->grade = icw_score_scheme_grade_for (scheme, score->points);
  min = icw_score_points_format (icw_score_scheme_band_min (scheme, score->grade));
  score->grade_why = g_strdup_printf (_("%s of %s points: %s (from %s points)."), points, maximum,
                                      icw_report_grade_to_label (score->grade), min);
}

IcwScore *
icw_score_compute (IcwScoreScheme  *scheme,
                   IcwScoreInput   *input,
                   GError         **error)
{
  g_autoptr(IcwScore) score = g_new0 (IcwScore, 1);

  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (scheme) && input != NULL, NULL);
  if (!check_hand_keys (scheme, input, error))
    return NULL;
  score->scheme = g_strdup (icw_score_scheme_get_id (scheme));
  score->title = g_strdup (icw_score_scheme_get_title (scheme));
  score->version = icw_score_scheme_get_version (scheme);
  score->maximum = icw_score_scheme_get_maximum (scheme);
  score->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < icw_score_scheme_get_n_items (scheme); i++)
    {
      IcwScoreItem *item = score_item (scheme, icw_score_scheme_get_item (scheme, i), input, error);

      if (item == NULL)
        return NULL;
      score->points += item->points;
      score->unscored += !item->scored && (item->maximum >= 0 || score->maximum >= 0);
      g_ptr_array_add (score->items, item);
    }
  if (score->maximum >= 0 && score->points > score->maximum)
    {
      g_autofree char *maximum = icw_score_points_format (score->maximum);

      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("The scores add up to more than the scheme's %s points"), maximum);
      return NULL;
    }
  grade (scheme, score);
  return g_steal_pointer (&score);
}
