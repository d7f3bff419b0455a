/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-schema.h: the JSON Schema (draft 2020-12) of the center dossier (icw-dossier.h),
 * made from the field catalogue (icw-field-catalogue.h): every field of every kind typed by its
 * column and check (IDs, dates, credit codes, SHA-256 digests, money and share bounds, enum keys),
 * every member of every structured part typed from its item type (icw-field-parts.h), and the
 * kinds' BLOB columns from the store's schema. `icw dossier-schema` prints it; the build writes it
 * to dossier.schema.json and installs it (docs/formats.md). */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-store.h"

G_BEGIN_DECLS

/* The schema; store gives the BLOB columns of the kinds (any store of this version will do). */
JsonNode *icw_dossier_schema_build (IcwStore *store);

G_END_DECLS
