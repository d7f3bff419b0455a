/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ip-agreement-parts.h: the structured parts of an IP-sharing agreement, stored as JSON text
 * and checked member by member when the record is saved:
 *
 *   results (agreement)        [{"title": str, "description": str,
 *                                "ownership": "creator"|"center-company"|"joint",
 *                                "creator_id": organization ID (a UUID) or "", for "creator",
 *                                "owners": [{"organization_id": ID or "", "share_bp": int 0..10000}]}]
 *   background-ip (party)      [{"kind": "patent"|"software"|"know-how", "number": str,
 *                                "title": str, "owner": str}]
 *
 * Every member is optional (missing or null is empty); a member that is there has its type, a key
 * is one of its values. A result without "ownership" follows the agreement's ownership model.
 * Whether the content is complete (owners' shares total 100%, a patent has a number) is for the
 * rules (icw-rule-kinds-agreement.c), so that a half-typed row can be saved. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-agreement-party.h"
#include "icw-ip-agreement.h"

G_BEGIN_DECLS

/* Parse the text of a part; empty text is an empty array. The error message names the part and
 * the item. Transfer full. */
JsonArray *icw_ip_agreement_parse_results  (const char  *text,
                                            GError     **error);
JsonArray *icw_agreement_party_parse_background_ip (const char  *text,
                                                    GError     **error);

/* Members of an item as the program reads them: "" or 0 when missing or of the wrong type. */
const char *icw_json_item_text      (JsonObject *item,
                                     const char *member);
gint64      icw_json_item_int       (JsonObject *item,
                                     const char *member);

/* The ownership of a result: its own, or the agreement's when it has none. */
IcwIpOwnership icw_ip_agreement_result_ownership (IcwIpAgreement *agreement,
                                                  JsonObject     *result);

/* Software copyright registration numbers look like 2021SR0123456; Chinese patent application
 * numbers like 202110123456.7 (before 2003: 8 digits and a check character), with an optional
 * CN or ZL in front; granted patents by their publication number, CN 112345678 B. */
gboolean    icw_background_ip_number_is_valid (IcwBackgroundIpKind  kind,
                                               const char          *number);

G_END_DECLS
