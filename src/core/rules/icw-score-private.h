/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-private.h: what the scoring scheme's object and its reader share: the scheme's
 * fields as read from the file. */
#pragma once

#include "icw-rules-private.h"
#include "icw-score-scheme.h"

G_BEGIN_DECLS

struct _IcwScoreScheme
{
  GObject parent_instance;

  char *id;
  int version;
  char *title_en;
  char *title_zh;
  char *note_en;
  char *note_zh;
  char **levels;
  char **provinces;
  gint64 maximum;                 /* declared, or -1 */
  gboolean bands;
  gint64 band_min[ICW_N_REPORT_GRADES];  /* -1: the grade has no band */
  IcwRule *grades_basis;
  GPtrArray *items;               /* IcwScoreItemDef */
};

/* Registers the bundled schemes and filing windows once. */
void     icw_score_register_resources (void);
void     icw_score_item_def_free (IcwScoreItemDef  *item);
/* Fills a new scheme from the file's JSON; FALSE with ICW_ERROR_RULE_PACK naming `file`. */
gboolean icw_score_scheme_read   (IcwScoreScheme   *self,
                                  const char       *file,
                                  JsonNode         *root,
                                  GError          **error);

G_END_DECLS
