/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-kinds.h: what differs between the editors of documents with a life cycle, as data
 * (one entry a kind): the bar's wording, the page list's name and look, the check that runs and
 * the page a finding's field is on. IcwDocumentEditor reads it; a new kind adds an entry. */
#pragma once

#include <glib.h>

#include "icw-document-bar.h"
#include "icw-record.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef GPtrArray *(*IcwDocumentCheck) (IcwStore   *store,
                                        IcwRecord  *record,
                                        GPtrArray  *packs,
                                        GDateTime  *today,
                                        GError    **error);

typedef struct {
  IcwRecordKind        kind;
  IcwDocumentBarTexts  bar;
  const char          *pages_label;        /* the page list's accessible name (untranslated) */
  const char          *unfilled_badge;     /* a badge with nothing to show, for screen readers */
  int                  sidebar_width;
  int                  check_height;       /* the check panel's height */
  gboolean             wrap_titles;        /* long page titles wrap in the list */
  gboolean             hide_empty_badges;  /* a badge shows only with findings */
  gboolean             select_first_page;  /* on every record shown, not only the first */
  gboolean             check_expands;      /* the hidden check panel may take height */
  gboolean             loads_packs;        /* the editor loads the packs (else the check's own) */
  IcwDocumentCheck     check;
  /* The key of the page a finding's field is on. */
  const char        *(*page_of_field)      (const char *field);
} IcwDocumentKind;

extern const IcwDocumentKind icw_document_kind_application;
extern const IcwDocumentKind icw_document_kind_agreement;
extern const IcwDocumentKind icw_document_kind_funding;
extern const IcwDocumentKind icw_document_kind_report;

G_END_DECLS
