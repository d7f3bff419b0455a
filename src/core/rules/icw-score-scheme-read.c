/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-scheme-read.c: reading a scoring scheme. As with a rule pack (icw-rule-pack.c), the
 * JSON is untrusted: the root and each member are checked for their type, unknown members are
 * refused, and every item names its basis with the packs' own citation reader, so a scheme cannot
 * cite a policy without the words it rests on. Points in the file are whole points; inside they are
 * hundredths, so that a share scored in proportion needs no floating point. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-enums.h"
#include "icw-error.h"
#include "icw-score-figures.h"
#include "icw-score-private.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwRule, icw_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwScoreItemDef, icw_score_item_def_free)

/* A whole number, 0 or more; absent is `fallback` when that is not -2 (required). */
static char *
read_count (JsonObject *object,
            const char *member,
            gint64      fallback,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && fallback != -2)
    {
      *out = fallback;
      return NULL;
    }
  if (node == NULL)
    return g_strdup_printf (_("“%s” is missing"), member);
  if (!icw_rule_json_holds (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
    return g_strdup_printf (_("“%s” must be a whole number, 0 or more"), member);
  *out = json_node_get_int (node);
  return NULL;
}

static char *
read_strings (JsonObject   *object,
              const char   *member,
              char       ***out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup_printf (_("“%s” must be an array of texts"), member);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!icw_rule_json_is_text (element))
        return g_strdup_printf (_("“%s” must be an array of texts"), member);
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return NULL;
}

/* The object's "citation", read by the packs' own reader. */
static char *
read_basis (JsonObject  *object,
            IcwRule    **out)
{
  g_autoptr(IcwRule) rule = g_new0 (IcwRule, 1);
  char *reason = icw_rule_json_citation (object, rule);

  if (reason != NULL)
    return reason;
  *out = g_steal_pointer (&rule);
  return NULL;
}

static char *
check_figure (const char *name)
{
  if (icw_score_figure_lookup (name) == NULL)
    return g_strdup_printf (_("the figure “%s” is unknown"), name);
  return NULL;
}

static char *
read_share_rule (JsonObject      *rule,
                 IcwScoreItemDef *item)
{
  static const char * const known[] = { "kind", "numerator", "denominator", "zero_below_bp", "full_above_bp", NULL };
  g_autofree char *numerator = NULL;
  g_autofree char *denominator = NULL;
  char *reason;

  if ((reason = icw_rule_json_members (rule, known)) != NULL ||
      (reason = icw_rule_json_text (rule, "numerator", &numerator)) != NULL ||
      (reason = icw_rule_json_text (rule, "denominator", &denominator)) != NULL ||
      (reason = check_figure (numerator)) != NULL ||
      (reason = check_figure (denominator)) != NULL ||
      (reason = read_count (rule, "zero_below_bp", -2, &item->zero_below)) != NULL ||
      (reason = read_count (rule, "full_above_bp", -2, &item->full_above)) != NULL)
    return reason;
  if (item->full_above <= item->zero_below || item->full_above > 10000)
    return g_strdup (_("“full_above_bp” must be above “zero_below_bp” and at most 10000"));
  item->figures = g_new0 (char *, 3);
  item->figures[0] = g_steal_pointer (&numerator);
  item->figures[1] = g_steal_pointer (&denominator);
  return NULL;
}

static char *
read_below (JsonObject      *rule,
            IcwScoreItemDef *item)
{
  g_autofree char *below = NULL;
  char *reason = icw_rule_json_text (rule, "below", &below);

  if (reason != NULL)
    return reason;
  if (strcmp (below, "zero") != 0 && strcmp (below, "by-hand") != 0)
    return g_strdup (_("“below” must be “zero” or “by-hand”"));
  item->below_by_hand = strcmp (below, "by-hand") == 0;
  return NULL;
}

static char *
read_at_least_rule (JsonObject      *rule,
                    IcwScoreItemDef *item,
                    gboolean         all)
{
  static const char * const known_one[] = { "kind", "figure", "min", "below", NULL };
  static const char * const known_all[] = { "kind", "figures", "min", "below", NULL };
  char *reason;

  if ((reason = icw_rule_json_members (rule, all ? known_all : known_one)) != NULL ||
      (reason = read_count (rule, "min", -2, &item->min)) != NULL ||
      (reason = read_below (rule, item)) != NULL)
    return reason;
  if (all)
    {
      if ((reason = read_strings (rule, "figures", &item->figures)) != NULL)
        return reason;
      if (item->figures == NULL || item->figures[0] == NULL)
        return g_strdup_printf (_("“%s” is missing"), "figures");
    }
  else
    {
      item->figures = g_new0 (char *, 2);
      if ((reason = icw_rule_json_text (rule, "figure", &item->figures[0])) != NULL)
        return reason;
    }
  for (guint i = 0; item->figures[i] != NULL; i++)
    if ((reason = check_figure (item->figures[i])) != NULL)
      return reason;
  return NULL;
}

static char *
read_rule (JsonObject      *object,
           IcwScoreItemDef *item)
{
  JsonNode *node = json_object_get_member (object, "rule");
  JsonObject *rule;
  g_autofree char *kind = NULL;
  char *reason;

  if (node == NULL)
    return g_strdup_printf (_("“%s” is missing"), "rule");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("“rule” must be an object with its “kind”"));
  rule = json_node_get_object (node);
  if ((reason = icw_rule_json_text (rule, "kind", &kind)) != NULL)
    return reason;
  if (strcmp (kind, "by-hand") == 0)
    {
      static const char * const known[] = { "kind", NULL };

      item->kind = ICW_SCORE_RULE_BY_HAND;
      return icw_rule_json_members (rule, known);
    }
  if (strcmp (kind, "linear-share") == 0)
    {
      item->kind = ICW_SCORE_RULE_LINEAR_SHARE;
      return read_share_rule (rule, item);
    }
  if (strcmp (kind, "at-least") == 0 || strcmp (kind, "all-at-least") == 0)
    {
      item->kind = kind[0] == 'a' && kind[1] == 'l' ? ICW_SCORE_RULE_ALL_AT_LEAST : ICW_SCORE_RULE_AT_LEAST;
      return read_at_least_rule (rule, item, item->kind == ICW_SCORE_RULE_ALL_AT_LEAST);
    }
  return g_strdup_printf (_("the kind “%s” is unknown"), kind);
}

static char *
read_item_body (JsonObject      *object,
                IcwScoreItemDef *item)
{
  static const char * const known[] = { "key", "title", "maximum", "rule", "citation", NULL };
  char *reason;

  if ((reason = icw_rule_json_members (object, known)) != NULL ||
      (reason = icw_rule_json_languages (object, "title", &item->title_en, &item->title_zh)) != NULL ||
      (reason = read_count (object, "maximum", -1, &item->maximum)) != NULL ||
      (reason = read_rule (object, item)) != NULL ||
      (reason = read_basis (object, &item->basis)) != NULL)
    return reason;
  if (item->maximum >= 0)
    item->maximum *= 100;
  else if (item->kind != ICW_SCORE_RULE_BY_HAND)
    return g_strdup (_("an item computed from the figures needs its “maximum”"));
  return NULL;
}

static gboolean
read_item (IcwScoreScheme  *self,
           const char      *file,
           guint            index,
           JsonNode        *node,
           GError         **error)
{
  g_autoptr(IcwScoreItemDef) item = g_new0 (IcwScoreItemDef, 1);
  g_autofree char *reason = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    reason = g_strdup (_("an item must be an object"));
  else if ((reason = icw_rule_json_text (json_node_get_object (node), "key", &item->key)) == NULL)
    {
      reason = read_item_body (json_node_get_object (node), item);
      if (reason == NULL && icw_score_scheme_find_item (self, item->key) != NULL)
        reason = g_strdup (_("its key is used by another item of the scheme"));
    }
  if (reason == NULL)
    {
      g_ptr_array_add (self->items, g_steal_pointer (&item));
      return TRUE;
    }
  if (item->key != NULL)
    g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Scoring scheme “%s”, item “%s”: %s"),
                 file, item->key, reason);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Scoring scheme “%s”, item number %u: %s"),
                 file, index + 1, reason);
  return FALSE;
}

static char *
read_applies (IcwScoreScheme *self,
              JsonObject     *object)
{
  static const char * const known[] = { "levels", "provinces", NULL };
  JsonNode *node = json_object_get_member (object, "applies_to");
  JsonObject *applies;
  char *reason;

  if (node == NULL)
    return g_strdup_printf (_("“%s” is missing"), "applies_to");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("“applies_to” must be an object of “levels” or “provinces”"));
  applies = json_node_get_object (node);
  if ((reason = icw_rule_json_members (applies, known)) != NULL ||
      (reason = read_strings (applies, "levels", &self->levels)) != NULL ||
      (reason = read_strings (applies, "provinces", &self->provinces)) != NULL)
    return reason;
  for (guint i = 0; self->levels != NULL && self->levels[i] != NULL; i++)
    {
      IcwCenterLevel level;

      if (!icw_center_level_from_string (self->levels[i], &level))
        return g_strdup_printf (_("“%s” is not a level of center"), self->levels[i]);
    }
  if (self->levels == NULL && self->provinces == NULL)
    return g_strdup (_("“applies_to” must name “levels” or “provinces”"));
  return NULL;
}

static char *
read_bands (IcwScoreScheme *self,
            JsonObject     *grades)
{
  JsonNode *node = json_object_get_member (grades, "bands");
  JsonArray *bands;
  gint64 previous = G_MAXINT64;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return g_strdup (_("graded by “bands”, the scheme needs an array of bands"));
  bands = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (bands); i++)
    {
      static const char * const known[] = { "grade", "min_points", NULL };
      JsonNode *element = json_array_get_element (bands, i);
      g_autofree char *key = NULL;
      IcwReportGrade grade;
      gint64 min;
      char *reason;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return g_strdup (_("a band must be an object with “grade” and “min_points”"));
      if ((reason = icw_rule_json_members (json_node_get_object (element), known)) != NULL ||
          (reason = icw_rule_json_text (json_node_get_object (element), "grade", &key)) != NULL ||
          (reason = read_count (json_node_get_object (element), "min_points", -2, &min)) != NULL)
        return reason;
      if (!icw_report_grade_from_string (key, &grade) || grade == ICW_REPORT_GRADE_NONE || self->band_min[grade] >= 0)
        return g_strdup_printf (_("the band “%s” is not a grade, or comes twice"), key);
      if (min * 100 >= previous)
        return g_strdup (_("the bands must go from the highest to the lowest points"));
      self->band_min[grade] = previous = min * 100;
    }
  if (previous != 0)
    return g_strdup (_("the lowest band must start at 0 points"));
  return NULL;
}

static char *
read_grades (IcwScoreScheme *self,
             JsonObject     *object)
{
  static const char * const known[] = { "given", "bands", "names", "citation", NULL };
  JsonNode *node = json_object_get_member (object, "grades");
  g_auto(GStrv) names = NULL;
  g_autofree char *given = NULL;
  JsonObject *grades;
  char *reason;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("“grades” must be an object saying how the grade is given"));
  grades = json_node_get_object (node);
  if ((reason = icw_rule_json_members (grades, known)) != NULL ||
      (reason = icw_rule_json_text (grades, "given", &given)) != NULL ||
      (reason = read_strings (grades, "names", &names)) != NULL ||
      (reason = read_basis (grades, &self->grades_basis)) != NULL)
    return reason;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      IcwReportGrade grade;

      if (!icw_report_grade_from_string (names[i], &grade) || grade == ICW_REPORT_GRADE_NONE)
        return g_strdup_printf (_("“%s” is not a grade"), names[i]);
    }
  if (strcmp (given, "bands") == 0)
    {
      self->bands = TRUE;
      return read_bands (self, grades);
    }
  if (strcmp (given, "by-reviewer") != 0)
    return g_strdup (_("“given” must be “bands” or “by-reviewer”"));
  return NULL;
}

static char *
read_header (IcwScoreScheme *self,
             JsonObject     *object)
{
  static const char * const known[] = {
    "id", "version", "title", "note", "applies_to", "maximum", "grades", "items", NULL
  };
  gint64 version = 0;
  char *reason;

  if ((reason = icw_rule_json_members (object, known)) != NULL ||
      (reason = icw_rule_json_text (object, "id", &self->id)) != NULL ||
      (reason = read_count (object, "version", -2, &version)) != NULL ||
      (reason = icw_rule_json_languages (object, "title", &self->title_en, &self->title_zh)) != NULL ||
      (reason = icw_rule_json_languages (object, "note", &self->note_en, &self->note_zh)) != NULL ||
      (reason = read_applies (self, object)) != NULL ||
      (reason = read_count (object, "maximum", -1, &self->maximum)) != NULL ||
      (reason = read_grades (self, object)) != NULL)
    return reason;
  if (version < 1 || version > G_MAXINT)
    return g_strdup (_("“version” must be 1 or more"));
  self->version = (int) version;
  if (self->maximum >= 0)
    self->maximum *= 100;
  return NULL;
}

gboolean
icw_score_scheme_read (IcwScoreScheme  *self,
             const char      *file,
             JsonNode        *root,
             GError         **error)
{
  g_autofree char *reason = NULL;
  JsonNode *items = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    reason = g_strdup (_("the file must hold one JSON object"));
  else if ((reason = read_header (self, json_node_get_object (root))) == NULL)
    {
      items = json_object_get_member (json_node_get_object (root), "items");
      if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
        reason = g_strdup (_("“items” must be an array of items"));
    }
  if (reason != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Scoring scheme “%s”: %s"), file, reason);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    if (!read_item (self, file, i, json_array_get_element (json_node_get_array (items), i), error))
      return FALSE;
  if (self->bands && icw_score_scheme_get_maximum (self) < 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK,
                   _("Scoring scheme “%s”: graded by bands, it needs a “maximum” or items that all have one"), file);
      return FALSE;
    }
  return TRUE;
}

