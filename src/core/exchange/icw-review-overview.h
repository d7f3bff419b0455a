/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-overview.h: the reviewer's overview of a province: one row per current version of
 * each center's application, IP agreement and funding request (and one for a center without any),
 * with its center, document, version, status, the day it was submitted and the call's deadline;
 * and the rows written as an xlsx workbook (libxlsxwriter). */
#pragma once

#include "icw-enums.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct {
  char                 *record_id;   /* NULL for a center without documents */
  IcwRecordKind         kind;        /* the document's kind, or ICW_RECORD_KIND_CENTER */
  char                 *center;      /* the center's name */
  char                 *document;    /* "Application: title", or NULL */
  int                   version;     /* 0 without a document */
  IcwApplicationStatus  status;
  char                 *submitted;   /* YYYY-MM-DD of the last change while submitted, or NULL */
  char                 *deadline;    /* an application's call deadline, or NULL */
} IcwReviewOverviewRow;

void                  icw_review_overview_row_free (IcwReviewOverviewRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwReviewOverviewRow, icw_review_overview_row_free)

/* The row of one document (transfer full). */
IcwReviewOverviewRow *icw_review_overview_row_new  (IcwStore   *store,
                                                    IcwRecord  *document);
/* The kind of document in the user's language. */
const char           *icw_review_overview_kind_label (IcwRecordKind kind);
/* The rows of the store: with submitted_only, the documents waiting for review; else every
 * center's current versions and the centers without documents, by center name (transfer full). */
GPtrArray            *icw_review_overview_rows     (IcwStore   *store,
                                                    gboolean    submitted_only);
/* Writes the rows as one worksheet with a header row; a failure leaves no file under path. */
gboolean              icw_review_overview_write_xlsx (GPtrArray  *rows,
                                                      const char *path,
                                                      GError    **error);

G_END_DECLS
