/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-catalogue.h: the field catalogue: every field of every record kind, described once
 * (icw-field-catalogue.c): its column (also its JSON member in a dossier, the sync format and
 * `--json`), its GObject property, its type, the check of what it may hold, the label people read
 * and how it is shown. The records' properties (icw_record_class_install_fields), the store's SQL
 * (icw-store-tables.c), the dossier's JSON Schema (icw-dossier-schema.c, with the structured
 * parts' item types of icw-field-parts.h), the conflict view's labels, `icw show` and its JSON, the
 * text limits (so the store's checks, the window's entries and the CSV import's text columns) all
 * come from here. docs/architecture.md ("How to add a field") walks through it. */
#pragma once

#include <glib.h>

#include "icw-field-checks.h"
#include "icw-field-limits.h"
#include "icw-field-parts.h"
#include "icw-types.h"

G_BEGIN_DECLS

typedef enum {
  ICW_COLUMN_TEXT,
  ICW_COLUMN_INT,
  ICW_COLUMN_INT64,
  ICW_COLUMN_BOOL,
  ICW_COLUMN_ENUM,   /* a guint property stored as its stable text key */
} IcwColumnType;

/* How people see a value (`icw show`, the conflict view). */
typedef enum {
  ICW_FIELD_SHOW_TEXT,       /* as it is; dates and IDs too */
  ICW_FIELD_SHOW_COUNT,      /* a whole number, 0 included */
  ICW_FIELD_SHOW_YEAR,       /* a year; 0 is "not given" */
  ICW_FIELD_SHOW_MONEY,      /* fen, shown in 10k yuan */
  ICW_FIELD_SHOW_SHARE,      /* basis points, shown as a percentage; -1 is "not given" */
  ICW_FIELD_SHOW_BOOL,       /* Yes or No */
  ICW_FIELD_SHOW_ENUM,       /* the value's translated label */
  ICW_FIELD_SHOW_REFERENCE,  /* the ID of a record of kind refers_to, shown by its name */
  ICW_FIELD_SHOW_PART,       /* a structured part (JSON), shown by its own view */
} IcwFieldShow;

typedef struct {
  const char    *name;        /* the column and the JSON member */
  const char    *property;    /* the same with '-' for '_' */
  IcwColumnType  type;
  const char  *(*to_key)   (guint value);
  gboolean     (*from_key) (const char *text, guint *value);
  IcwFieldCheck  check;       /* what the stored text must be (icw-field-checks.h), or NULL */
  gboolean       structured;  /* JSON text: a JSON value in the dossier, not a string */
  const IcwPartType *part;    /* structured: the type of its items (icw-field-parts.h) */
  const char    *label;       /* marked for translation, untranslated: read it with icw_field_label() */
  IcwFieldShow   show;
  IcwRecordKind  refers_to;   /* ICW_FIELD_SHOW_REFERENCE: the kind of the record it points at */
  const char  *(*to_label) (guint value);  /* ICW_COLUMN_ENUM: the value's translated label */
  guint          n_values;    /* ICW_COLUMN_ENUM: values are 0 … n_values - 1 */
  /* ICW_COLUMN_ENUM: keys of earlier versions that from_key still reads (mapped to a current
   * value) and a dossier may hold, NULL-terminated, or NULL. */
  const char * const *(*legacy_keys) (void);
  gint64         minimum;     /* ICW_COLUMN_INT, _INT64: the property's least value */
  gint64         initial;     /* INT, INT64, ENUM: the default if not 0; 0 means the least value */
  /* INT, INT64: the property takes any value of its type, its default is initial (0 unless
   * given), and minimum is ignored: the store checks the value and says what is wrong with it
   * (an agreement party's negative share, a negative tax deduction typed in the editor). */
  gboolean       any_value;
  /* Added after dossier format 2 began: a dossier written before it (without the member) still
   * imports, the field empty (its default). Every field added from now on says so. */
  gboolean       added_later;
  /* TEXT: the length and the characters it may hold (icw-field-limits.h), when limited. The
   * store checks them at every save, the CSV import and the window's entries follow them. */
  gboolean       limited;
  IcwFieldClass  limit;
} IcwColumn;

/* The fields of a kind, in the order of its columns. */
const IcwColumn *icw_field_catalogue      (IcwRecordKind  kind,
                                           guint         *n_fields);
/* The field of a kind with this column name, or NULL. */
const IcwColumn *icw_field_catalogue_find (IcwRecordKind  kind,
                                           const char    *name);
/* The value a new record holds (ICW_COLUMN_INT, _INT64, _ENUM): initial, or else minimum (for an
 * any_value field, initial). */
gint64           icw_field_default        (const IcwColumn *field);
/* The field's label in the user's language. */
const char      *icw_field_label          (const IcwColumn *field);

G_END_DECLS
