/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-finding.h: one finding of the check of an application: which rule of which pack, how grave,
 * the citation it rests on, the field it points at ("call/deadline", "roadmap/2/trl_to"), and its
 * message in the user's language. A GObject, so that the check panel can list findings in a
 * GListModel and bind to them. */
#pragma once

#include <glib-object.h>

#include "icw-application-sections.h"

G_BEGIN_DECLS

/* Errors keep an application from being marked ready; warnings do not. */
typedef enum {
  ICW_SEVERITY_ERROR,
  ICW_SEVERITY_WARNING,
  ICW_N_SEVERITIES
} IcwSeverity;

const char *icw_severity_to_key   (IcwSeverity severity);
const char *icw_severity_to_label (IcwSeverity severity);
gboolean    icw_severity_from_key (const char  *key,
                                   IcwSeverity *out);

#define ICW_TYPE_FINDING (icw_finding_get_type ())

G_DECLARE_FINAL_TYPE (IcwFinding, icw_finding, ICW, FINDING, GObject)

IcwFinding  *icw_finding_new          (const char  *rule,
                                       const char  *pack,
                                       IcwSeverity  severity,
                                       const char  *citation,
                                       const char  *field,
                                       const char  *message);
/* The same with the kind of its basis ("policy", "program-practice", "source-not-found") and the
 * address of a public copy of the text (or NULL); the citation is then the whole basis. */
IcwFinding  *icw_finding_new_with_basis (const char  *rule,
                                         const char  *pack,
                                         IcwSeverity  severity,
                                         const char  *citation,
                                         const char  *basis,
                                         const char  *url,
                                         const char  *field,
                                         const char  *message);
const char  *icw_finding_get_basis    (IcwFinding  *self);
const char  *icw_finding_get_url      (IcwFinding  *self);
const char  *icw_finding_get_rule     (IcwFinding  *self);
const char  *icw_finding_get_pack     (IcwFinding  *self);
IcwSeverity  icw_finding_get_severity (IcwFinding  *self);
const char  *icw_finding_get_citation (IcwFinding  *self);
const char  *icw_finding_get_field    (IcwFinding  *self);
const char  *icw_finding_get_message  (IcwFinding  *self);
/* The section its field belongs to (ICW_N_SECTIONS when none). */
IcwSection   icw_finding_get_section  (IcwFinding  *self);

/* How many of the findings (IcwFinding objects; NULL for none) have the severity. */
guint        icw_findings_count       (GPtrArray   *findings,
                                       IcwSeverity  severity);

G_END_DECLS
