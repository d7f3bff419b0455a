/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-targets-sync.h: the 任务书's versions as they travel (issue 16), in the dossier and
 * through sync (docs/formats.md "Target versions", docs/sync-protocol.md "Target versions").
 *
 * A version travels whole: its stable ID, center, number, the application it was carried from,
 * the period, who, when, why, and its rows. It is append-only: once made it never changes, so a
 * version arriving whose ID is already here is not written again (never a second copy), and a
 * new one is kept beside the others. Its number is this workbench's order of the center's
 * versions: an arriving version keeps its number when it is free here, else it takes the next.
 *
 * The targets of an accepted application are carried once (icw_store_carry_targets_on_acceptance)
 * under an ID derived from the application's, at the time of the acceptance and with no person
 * or reason of its own, so that the administrator's workbench carrying on a pull and the
 * reviewer's carrying on accepting make the same version, byte for byte. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-application.h"
#include "icw-store-reports.h"

G_BEGIN_DECLS

/* The JSON object of a version: `targets` as an array (the dossier) or as the JSON text of that
 * array (a sync record, whose members are text, integers and null). */
JsonObject   *icw_target_set_to_json              (IcwTargetSet  *set,
                                                   gboolean       targets_as_text);
/* A version read from its JSON object (targets as an array or its text), checked whole: every
 * member known and of its type, the period within 2000–2100 and equal to the rows' years, each
 * row an indicator and a year of the period with a finite target, no indicator twice in a year.
 * The error names the center, the version and the row; *field (may be NULL) gets the member. */
IcwTargetSet *icw_target_set_from_json            (JsonObject    *object,
                                                   const char   **field,
                                                   GError       **error);

/* A version with its rows by ID, or NULL (no error when there is none). */
IcwTargetSet *icw_store_load_target_version       (IcwStore      *self,
                                                   const char    *id,
                                                   GError       **error);
/* Every version (with rows) of the centers (NULL: of every center), by center then number. */
GPtrArray    *icw_store_collect_target_versions   (IcwStore            *self,
                                                   const char * const  *center_ids,
                                                   GError             **error);
/* Writes a version that arrived (a dossier, a pull) unless its ID is here; `revision` is the
 * server's (NULL from a dossier: the version is then still to push). *added (may be NULL) says
 * whether it was written. A version here still to push that the server sends back under its ID
 * takes the server's revision. */
gboolean      icw_store_add_target_version        (IcwStore      *self,
                                                   IcwTargetSet  *set,
                                                   const char    *revision,
                                                   gboolean      *added,
                                                   GError       **error);

/* The versions still to push (no revision, not refused), oldest first, at most limit. */
GPtrArray    *icw_store_target_versions_to_push   (IcwStore      *self,
                                                   guint          limit,
                                                   GError       **error);
gboolean      icw_store_ack_target_version        (IcwStore      *self,
                                                   const char    *id,
                                                   const char    *revision,
                                                   GError       **error);
/* The server refused the version for good: it stays here and is not pushed again; `reason` says why. */
gboolean      icw_store_refuse_target_version     (IcwStore      *self,
                                                   const char    *id,
                                                   const char    *reason,
                                                   GError       **error);
/* Why the server refused the version, or NULL. */
char         *icw_store_target_version_refusal    (IcwStore      *self,
                                                   const char    *id);

/* The ID of the version carried from an application on its acceptance. */
char         *icw_target_version_id_for_application (const char  *application_id);
/* The accepted application's targets become its center's, unless the center already has a
 * version from that application (or the application is not accepted, or gives no target by
 * year). Returns the version made, or 0: nothing to carry (error unset) or a failure. */
int           icw_store_carry_targets_on_acceptance (IcwStore        *self,
                                                     IcwApplication  *application,
                                                     GError         **error);

G_END_DECLS
