/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-province.h: China's provincial divisions by their GB/T 2260 code, with their names in
 * both languages, so that a reviewer's token for "Shandong", "山东", "山东省" or "370000" and a center
 * whose province says any of these meet on one code on the server. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;       /* GB/T 2260, six digits */
  const char *name_zh;    /* 山东省 */
  const char *short_zh;   /* 山东 */
  const char *name_en;    /* Shandong */
} IcwProvince;

/* The division a text names (its code, its Chinese name with or without the suffix, its English
 * name in any case, with or without "Province"), or NULL. */
const IcwProvince *icw_province_lookup   (const char *text);
/* The code of the division the text names; a text naming none is returned as it is (trimmed). */
char              *icw_province_normalize (const char *text);
const IcwProvince *icw_province_all       (guint      *n);

G_END_DECLS
