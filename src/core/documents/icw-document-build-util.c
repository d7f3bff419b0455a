/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-build-util.c: what the document builders share (icw-document-private.h). */
#include "config.h"

#include <string.h>

#include "icw-center.h"
#include "icw-document-private.h"

char *
icw_doc_record_name (IcwStore      *store,
                     IcwRecordKind  kind,
                     const char    *id)
{
  char *name;

  if (id == NULL || *id == '\0')
    return NULL;
  /* A record not found (or without a name) is named by its ID: the document still says which. */
  name = icw_store_dup_name (store, kind, id);
  return name != NULL ? name : g_strdup (id);
}

void
icw_doc_numbered_heading (IcwDocument *document,
                          guint        number,
                          const char  *title)
{
  static const char * const numerals[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
  };
  g_autofree char *text = NULL;

  /* Chinese documents number sections 一、二、…; others 1. 2. … */
  if (strcmp (icw_document_get_language (document), "zh_CN") == 0 && number >= 1 && number <= G_N_ELEMENTS (numerals))
    text = g_strdup_printf ("%s、%s", numerals[number - 1], title);
  else
    text = g_strdup_printf ("%u. %s", number, title);
  icw_document_add_heading (document, 1, text);
}

void
icw_doc_set_center_cover (IcwDocument *document,
                          IcwStore    *store,
                          const char  *center_id,
                          const char  *subtitle)
{
  g_autoptr(IcwRecord) center = center_id != NULL ? icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL) : NULL;
  g_autofree char *host = NULL;

  if (center != NULL)
    host = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                icw_center_get_host_organization_id (ICW_CENTER (center)));
  icw_document_set_cover (document, subtitle, center != NULL ? icw_center_get_name (ICW_CENTER (center)) : NULL,
                          host, NULL);
  icw_document_set_author (document, host != NULL ? host : center != NULL ? icw_center_get_name (ICW_CENTER (center)) : NULL);
}


char *
icw_doc_money (gint64 fen)
{
  static const IcwNumberMarks marks = { .decimal = ".", .group = "," };

  return icw_money_format_marks (fen, ICW_MONEY_UNIT_WAN, &marks, TRUE);
}
