/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-scheme.c: the scoring scheme object: its grades, what it says of itself and its items,
 * which center it applies to, and the bundled schemes (resources/scoring). Reading the file is
 * icw-score-scheme-read.c. Points are hundredths of a point throughout. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "icw-enums.h"
#include "icw-error.h"
#include "icw-i18n.h"
#include "icw-rules-private.h"
#include "icw-score-private.h"
#include "icw-scoring-resources.h"

#define SCHEME_DIR "/org/mfginnovation/Workbench/scoring/"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

G_DEFINE_FINAL_TYPE (IcwScoreScheme, icw_score_scheme, G_TYPE_OBJECT)

void
icw_score_item_def_free (IcwScoreItemDef *item)
{
  g_free (item->key);
  g_free (item->title_en);
  g_free (item->title_zh);
  g_strfreev (item->figures);
  g_clear_pointer (&item->basis, icw_rule_free);
  g_free (item);
}


static void
icw_score_scheme_finalize (GObject *object)
{
  IcwScoreScheme *self = ICW_SCORE_SCHEME (object);

  g_free (self->id);
  g_free (self->title_en);
  g_free (self->title_zh);
  g_free (self->note_en);
  g_free (self->note_zh);
  g_strfreev (self->levels);
  g_strfreev (self->provinces);
  g_clear_pointer (&self->grades_basis, icw_rule_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (icw_score_scheme_parent_class)->finalize (object);
}

static void
icw_score_scheme_class_init (IcwScoreSchemeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_score_scheme_finalize;
}

static void
icw_score_scheme_init (IcwScoreScheme *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_score_item_def_free);
  self->maximum = -1;
  for (guint i = 0; i < ICW_N_REPORT_GRADES; i++)
    self->band_min[i] = -1;
}

IcwScoreScheme *
icw_score_scheme_new_from_data (const char  *file_name,
                                const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(IcwScoreScheme) self = g_object_new (ICW_TYPE_SCORE_SCHEME, NULL);
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Scoring scheme “%s”: %s"), file_name, local->message);
      return NULL;
    }
  if (!icw_score_scheme_read (self, file_name, json_parser_get_root (parser), error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
icw_score_scheme_get_id (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), NULL);
  return self->id;
}

int
icw_score_scheme_get_version (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), 0);
  return self->version;
}

static gboolean
chinese (void)
{
  return strcmp (icw_rules_language (), "zh_CN") == 0;
}

const char *
icw_score_scheme_get_title (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), NULL);
  return chinese () ? self->title_zh : self->title_en;
}

const char *
icw_score_scheme_get_note (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), NULL);
  return chinese () ? self->note_zh : self->note_en;
}

gint64
icw_score_scheme_get_maximum (IcwScoreScheme *self)
{
  gint64 sum = 0;

  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), -1);
  if (self->maximum >= 0)
    return self->maximum;
  for (guint i = 0; i < self->items->len; i++)
    {
      const IcwScoreItemDef *item = self->items->pdata[i];

      if (item->maximum < 0)
        return -1;
      sum += item->maximum;
    }
  return self->items->len > 0 ? sum : -1;
}

gboolean
icw_score_scheme_has_bands (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), FALSE);
  return self->bands;
}

IcwReportGrade
icw_score_scheme_grade_for (IcwScoreScheme *self,
                            gint64          points)
{
  IcwReportGrade best = ICW_REPORT_GRADE_NONE;

  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), ICW_REPORT_GRADE_NONE);
  for (guint g = ICW_REPORT_GRADE_EXCELLENT; self->bands && g < ICW_N_REPORT_GRADES; g++)
    if (self->band_min[g] >= 0 && points >= self->band_min[g] &&
        (best == ICW_REPORT_GRADE_NONE || self->band_min[g] > self->band_min[best]))
      best = g;
  return best;
}

gint64
icw_score_scheme_band_min (IcwScoreScheme *self,
                           IcwReportGrade        grade)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self) && grade < ICW_N_REPORT_GRADES, -1);
  return self->band_min[grade];
}

const IcwScoreBasis *
icw_score_scheme_get_grades_basis (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), NULL);
  return self->grades_basis;
}

guint
icw_score_scheme_get_n_items (IcwScoreScheme *self)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), 0);
  return self->items->len;
}

const IcwScoreItemDef *
icw_score_scheme_get_item (IcwScoreScheme *self,
                           guint           index)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self) && index < self->items->len, NULL);
  return self->items->pdata[index];
}

const IcwScoreItemDef *
icw_score_scheme_find_item (IcwScoreScheme *self,
                            const char     *key)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), NULL);
  for (guint i = 0; key != NULL && i < self->items->len; i++)
    if (strcmp (((IcwScoreItemDef *) self->items->pdata[i])->key, key) == 0)
      return self->items->pdata[i];
  return NULL;
}

const char *
icw_score_item_title (const IcwScoreItemDef *item)
{
  return chinese () ? item->title_zh : item->title_en;
}

char *
icw_score_basis_text (const IcwScoreBasis *basis)
{
  return icw_rule_basis_text (basis);
}

gboolean
icw_score_scheme_applies (IcwScoreScheme *self,
                          IcwCenterLevel  level,
                          const char     *province)
{
  g_return_val_if_fail (ICW_IS_SCORE_SCHEME (self), FALSE);
  if (self->levels != NULL)
    return g_strv_contains ((const char * const *) self->levels, icw_center_level_to_key (level));
  if (level != ICW_CENTER_LEVEL_PROVINCIAL || province == NULL)
    return FALSE;
  for (guint i = 0; self->provinces[i] != NULL; i++)
    {
      g_autofree char *a = g_utf8_casefold (self->provinces[i], -1);
      g_autofree char *b = g_utf8_casefold (province, -1);

      if (strcmp (a, g_strstrip (b)) == 0)
        return TRUE;
    }
  return FALSE;
}

void
icw_score_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      icw_scoring_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

GPtrArray *
icw_score_schemes_load_all (GPtrArray **errors)
{
  GPtrArray *schemes = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  icw_score_register_resources ();
  if (errors != NULL && *errors == NULL)
    *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  names = g_resources_enumerate_children (SCHEME_DIR, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SCHEME_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      GError *error = NULL;
      IcwScoreScheme *scheme;

      if (bytes == NULL || !g_str_has_suffix (names[i], ".json"))
        continue;
      scheme = icw_score_scheme_new_from_data (names[i], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      if (scheme != NULL)
        g_ptr_array_add (schemes, scheme);
      else if (errors != NULL)
        g_ptr_array_add (*errors, error);
      else
        g_error_free (error);
    }
  return schemes;
}

IcwScoreScheme *
icw_score_schemes_find (GPtrArray  *schemes,
                        const char *id)
{
  for (guint i = 0; id != NULL && i < schemes->len; i++)
    if (strcmp (icw_score_scheme_get_id (schemes->pdata[i]), id) == 0)
      return schemes->pdata[i];
  return NULL;
}

IcwScoreScheme *
icw_score_scheme_for_center (GPtrArray  *schemes,
                             IcwCenter  *center,
                             GError    **error)
{
  IcwCenterLevel level = icw_center_get_level (center);
  const char *province = icw_center_get_province (center);

  for (guint i = 0; i < schemes->len; i++)
    if (icw_score_scheme_applies (schemes->pdata[i], level, province))
      return schemes->pdata[i];
  g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
               _("No scoring scheme is known for a center of the province “%s”: source not found"),
               province != NULL ? province : "");
  return NULL;
}
