/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-parts.h: the structured parts of an application (roadmap, capability platforms,
 * indicators, task plans), stored as JSON text: their formats, checked when the application is
 * saved; their canonical form, for comparing versions; and every section as readable text, for
 * the command line and the comparison of versions.
 *
 *   roadmap               [{"technology": str, "trl_from": int, "trl_to": int, "milestones": str}]
 *   capability-platforms  [{"kind": "rd-design"|"testing"|"pilot"|"service", "name": str,
 *                           "description": str}]
 *   indicators            [{"area": one of icw_indicator_area_keys(), "name": str, "unit": str,
 *                           "baseline": str, "targets": str}]
 *   tasks                 {"1": str, …, "8": str}
 *
 * Every member is optional (a missing or null member is empty); a member that is there must have
 * its type, and a kind or area must be one of its keys. Other members are kept and ignored. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-application-sections.h"
#include "icw-application.h"

G_BEGIN_DECLS

/* Parses the text of a structured section; empty text is an empty array (an empty object for
 * the tasks). The message of an error names the part. */
JsonNode *icw_application_part_parse      (IcwSection       section,
                                           const char      *text,
                                           GError         **error);
gboolean  icw_application_validate_parts  (IcwApplication  *application,
                                           GError         **error);
/* Object members sorted, empty and null members dropped, no spaces; "" for an empty part. Text
 * that does not parse is returned stripped, so that it still compares. */
char     *icw_application_part_canonical  (IcwSection       section,
                                           const char      *text);

/* The stored text of a narrative or structured section; NULL for the others. */
char     *icw_application_get_section_text (IcwApplication *application,
                                            IcwSection      section);
/* A section held by the application itself as people read it, in the user's language: the call
 * as labelled lines, the structured parts as numbered items; NULL for the attachments (records of
 * their own: icw_application_describe_section) and the registers (the center's). */
char     *icw_application_describe_part    (IcwApplication *application,
                                            IcwSection      section);

G_END_DECLS
