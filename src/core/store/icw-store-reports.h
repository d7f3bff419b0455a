/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-reports.h: after recognition (issue 16), the store's side.
 *
 * The 任务书: a center's targets per indicator and year (the 绩效目标表 of its accepted
 * application), in versions. Carrying the targets of an accepted application, or saving changed
 * targets, writes a new version with who, when and why; every earlier version is kept and can be
 * read. Targets are the center's own data (tables target_versions and center_targets), not
 * records: each version has a stable ID and travels whole, append-only, in the dossier and through
 * sync (icw-store-targets-sync.h).
 *
 * Reports (icw-report.h): creating a center's report of a year with its 考核指标 rows made from
 * the latest targets of that year; the store refuses an annual assessment in an 评估 year
 * (icw-report-parts.h says how the years are counted), a year before the center had run a full
 * year, and a second report of a center for the same year (other than a new version). A report's
 * attachments (evidence, financial audit) are attachments whose report_id names it. */
#pragma once

#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* One target: an indicator (its key, area, name, unit, baseline) in one year. */
typedef struct {
  char     *indicator_key;
  char     *area;
  char     *name;
  char     *unit;
  gboolean  has_baseline;
  double    baseline;
  int       year;
  double    target;
} IcwTarget;

IcwTarget *icw_target_new  (const char *indicator_key,
                            int         year,
                            double      target);
void       icw_target_free (IcwTarget  *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwTarget, icw_target_free)

/* A version of a center's targets. */
typedef struct {
  char      *center_id;
  int        version;
  char      *application_id;  /* the application it was carried from, or NULL */
  int        first_year;      /* the period the targets cover */
  int        last_year;
  char      *changed_by;      /* who made the version, as given */
  char      *changed_at;      /* when (UTC, ISO 8601) */
  char      *reason;          /* why */
  GPtrArray *targets;         /* of IcwTarget, by the indicator's order then year */
  char      *id;              /* the version's stable ID (a UUID), the same on every workbench */
} IcwTargetSet;

void       icw_target_set_free (IcwTargetSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwTargetSet, icw_target_set_free)
/* The first target of each indicator, in the set's order (each key once); the array does not own
 * them. NULL set: none. */
GPtrArray *icw_target_set_indicators  (const IcwTargetSet *set);
/* The set's target of the indicator in the year, or NULL. */
IcwTarget *icw_target_set_find        (const IcwTargetSet *set,
                                       const char         *indicator_key,
                                       int                 year);
/* The rows of a new report for the year, as the report's indicators text (JSON): one per
 * indicator with a target in the year, in the set's order, with its target (set NULL: none). */
char      *icw_target_set_report_rows (const IcwTargetSet *set,
                                       int                 year);

/* The 绩效目标表 of an accepted application becomes its center's targets: a new version (1 for
 * the first, else the next). Refuses an application that is not accepted or has no targets by
 * year. Returns the version made, 0 with the error. `who` and `reason` may be NULL. */
int           icw_store_carry_targets_from_application (IcwStore        *self,
                                                        IcwApplication  *application,
                                                        const char      *who,
                                                        const char      *reason,
                                                        GError         **error);
/* Changed targets (of IcwTarget) as a new version; `reason` is required. Returns the version, 0
 * with the error. */
int           icw_store_save_targets   (IcwStore     *self,
                                        const char   *center_id,
                                        GPtrArray    *targets,
                                        const char   *who,
                                        const char   *reason,
                                        GError      **error);
/* A version of the center's targets (0: the latest), or NULL: with the error set on failure, unset
 * when the center has none (or not that version). */
IcwTargetSet *icw_store_load_targets   (IcwStore     *self,
                                        const char   *center_id,
                                        int           version,
                                        GError      **error);
/* Every version of the center's targets, oldest first, without their targets (targets NULL). */
GPtrArray    *icw_store_list_target_versions (IcwStore   *self,
                                              const char *center_id);

/* Whether a version of the center's targets was carried from the application. */
gboolean      icw_store_targets_carried_from (IcwStore   *self,
                                              const char *center_id,
                                              const char *application_id);
/* The center's accepted applications (of IcwApplication) whose 绩效目标表 gives targets by year
 * and has not been carried yet (icw-store-targets-pending.c). */
GPtrArray    *icw_store_list_uncarried_applications (IcwStore   *self,
                                                     const char *center_id);

/* A new draft report of the center for the year, its rows from the latest targets of the year,
 * saved; or NULL with the error (an annual assessment in an 评估 year names the year). */
IcwReport    *icw_store_create_report  (IcwStore       *self,
                                        const char     *center_id,
                                        int             year,
                                        IcwReportKind   kind,
                                        GError        **error);
/* The live attachments of a report (of IcwAttachment), by name. */
GPtrArray    *icw_store_list_report_attachments (IcwStore   *self,
                                                 const char *report_id);
/* Adds a file to a report as icw_store_add_attachment does to an application. */
IcwAttachment *icw_store_add_report_attachment  (IcwStore           *self,
                                                 IcwReport          *report,
                                                 const char         *name,
                                                 IcwAttachmentKind   kind,
                                                 GBytes             *content,
                                                 GError            **error);

/* A report of the past recorded as history, not as a change to sync: removes the outbox entries of
 * the report and of its attachments (the sample's years filed and graded before the program was
 * used; the sync server takes an acceptance and a grade only from a reviewer, so such a record
 * could not be pushed). Its rows stay; nothing else is touched. */
gboolean      icw_store_report_keep_local (IcwStore   *self,
                                           IcwReport  *report,
                                           GError    **error);
/* The same for an application of the past (the sample's accepted 验收认定 that recognized its
 * center): its outbox entries and those of its attachments go. */
gboolean      icw_store_application_keep_local (IcwStore        *self,
                                                IcwApplication  *application,
                                                GError         **error);

G_END_DECLS
