/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-lifecycle.h: the life cycle of an application and its versions: the one every
 * filed document shares (icw-lifecycle.h), under the application's own names.
 *
 *   draft ──(check finds no errors)──▶ ready ──▶ submitted ──▶ returned (with comments)
 *     ▲                                  │                 └─▶ accepted
 *     └──────── edited, or marked back ──┘
 *
 * A submitted, returned or accepted application is locked: the store refuses any change but its
 * status and the reviewer's comments (ICW_ERROR_READ_ONLY). A returned or accepted application is
 * worked on again by reopening it, which makes a new version: a draft copy with the next version
 * number, the same lineage and copies of its attachments. Any two versions can be compared
 * section by section. */
#pragma once

#include "icw-application-sections.h"
#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

gboolean        icw_application_status_is_locked  (IcwApplicationStatus  status);
gboolean        icw_application_status_can_change (IcwApplicationStatus  from,
                                                   IcwApplicationStatus  to);
gboolean        icw_application_is_editable       (IcwApplication       *application);

/* Each transition saves the application; on failure it keeps its saved status. */
gboolean        icw_application_mark_ready        (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   GPtrArray       *packs,
                                                   GDateTime       *today,
                                                   GError         **error);
gboolean        icw_application_mark_draft        (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   GError         **error);
gboolean        icw_application_submit            (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   GError         **error);
gboolean        icw_application_return            (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   const char      *comments,
                                                   GError         **error);
gboolean        icw_application_accept            (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   const char      *comments,
                                                   GError         **error);
/* The IcwLifecycleKind hook: copies the attachments of `from` to its new version `to`. */
gboolean        icw_application_copy_attachments  (IcwStore        *store,
                                                   IcwRecord       *from,
                                                   IcwRecord       *to,
                                                   GError         **error);
/* Returns the store's object of the new version. */
IcwApplication *icw_application_reopen            (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   GError         **error);

/* Any section as people read it, in the user's language: the call as labelled lines, the
 * structured parts as numbered items, the attachments (when a store is given) one per line. The
 * registers section belongs to the center, not to the application: NULL. */
char           *icw_application_describe_section  (IcwStore        *store,
                                                   IcwApplication  *application,
                                                   IcwSection       section);

/* One section of two versions side by side. */
typedef struct {
  IcwSection  section;
  const char *key;
  const char *title;
  char       *text_a;     /* as icw_application_describe_section() shows it */
  char       *text_b;
  gboolean    changed;    /* structured parts compare by their canonical JSON */
} IcwSectionComparison;

void            icw_section_comparison_free       (IcwSectionComparison *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwSectionComparison, icw_section_comparison_free)

/* Every section of the application (not the center's registers) in display order. The
 * attachments are compared by name, kind and checksum when a store is given. */
GPtrArray      *icw_application_compare           (IcwStore        *store,
                                                   IcwApplication  *a,
                                                   IcwApplication  *b);

G_END_DECLS
