/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-parts.h: the item types of the structured parts, the field catalogue's description
 * of what the JSON text of a part holds (icw-field-parts.c): a list of items, one object or a map,
 * and for each member its name, its type (text, a whole number within bounds, yes or no, a key, a
 * reference to a record, a date, money in fen as text, a share in basis points, a nested list,
 * a number)
 * and whether it must be there. A structured field of the catalogue (ICW_FIELD_SHOW_PART) points
 * at its part type; the dossier's JSON Schema (icw-dossier-schema.c) types every member from it,
 * and test-dossier checks, for every member, that the part's own check (icw-field-checks.h)
 * refuses what the type refuses. */
#pragma once

#include <glib.h>

#include "icw-types.h"

G_BEGIN_DECLS

typedef enum {
  ICW_MEMBER_TEXT,        /* a string */
  ICW_MEMBER_INTEGER,     /* a JSON whole number from minimum to maximum */
  ICW_MEMBER_BOOL,        /* true or false */
  ICW_MEMBER_KEY,         /* one of the keys (a string) */
  ICW_MEMBER_REFERENCE,   /* the ID (a UUID) of a record of kind refers_to, or "" while typed */
  ICW_MEMBER_DATE,        /* YYYY-MM-DD, a real day */
  ICW_MEMBER_FEN,         /* money in fen as a decimal string, from minimum up (no reader rounds it) */
  ICW_MEMBER_SHARE,       /* a whole number of basis points from 0 to 10000 */
  ICW_MEMBER_ITEMS,       /* a list of items of the part type `items` */
  ICW_MEMBER_NUMBER,      /* a finite JSON number, whole or not (an indicator's value) */
} IcwMemberType;

typedef struct _IcwPartType IcwPartType;

typedef struct {
  const char          *name;
  IcwMemberType        type;
  gint64               minimum;     /* INTEGER, FEN */
  gint64               maximum;     /* INTEGER */
  /* KEY: the keys are to_key (0) … to_key (n_keys - 1), or else keys (), NULL-terminated. */
  const char        *(*to_key) (guint value);
  guint                n_keys;
  const char * const *(*keys) (void);
  IcwRecordKind        refers_to;   /* REFERENCE */
  const IcwPartType   *items;       /* ITEMS */
  gboolean             required;    /* must be there, and not null */
  gboolean             not_null;    /* if there, not null (members are otherwise null or absent when empty) */
} IcwPartMember;

typedef enum {
  ICW_PART_LIST,    /* a JSON array of objects with the members; other members are kept */
  ICW_PART_OBJECT,  /* one JSON object with the members and no other */
  ICW_PART_MAP,     /* a JSON object: each name a key (key_pattern), each value of type `value` */
} IcwPartShape;

struct _IcwPartType {
  const char          *name;
  IcwPartShape         shape;
  const IcwPartMember *members;     /* LIST, OBJECT */
  guint                n_members;
  /* MAP: a regular expression (ECMA-262 and GRegex alike) every name matches; free it. */
  char              *(*key_pattern) (void);
  const char          *example_key; /* MAP: a name it takes, for the documentation and the tests */
  const IcwPartMember *value;       /* MAP */
};

extern const IcwPartType icw_part_roadmap;
extern const IcwPartType icw_part_platforms;
extern const IcwPartType icw_part_indicators;
extern const IcwPartType icw_part_indicator_years;
extern const IcwPartType icw_part_tasks;
extern const IcwPartType icw_part_results;
extern const IcwPartType icw_part_owners;
extern const IcwPartType icw_part_background_ip;
extern const IcwPartType icw_part_guide_answers;
extern const IcwPartType icw_part_milestones;
extern const IcwPartType icw_part_report_summary;
extern const IcwPartType icw_part_report_indicators;
extern const IcwPartType icw_part_report_evidence;
extern const IcwPartType icw_part_report_hand_scores;
extern const IcwPartType icw_part_cells;

/* The keys of a KEY member, NULL-terminated; free the array (not the strings). */
const char **icw_part_member_keys (const IcwPartMember *member);

G_END_DECLS
