/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-record.h: the base of every record: a client-generated UUID, the revision the sync server
 * assigned, and the creation and modification times; and the properties a kind's fields in the
 * field catalogue give it, which IcwRecord keeps (icw_record_class_install_fields). */
#pragma once

#include <glib-object.h>

#include "icw-enums.h"
#include "icw-field-catalogue.h"
#include "icw-types.h"

G_BEGIN_DECLS

#define ICW_TYPE_RECORD (icw_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (IcwRecord, icw_record, ICW, RECORD, GObject)

struct _IcwRecordClass
{
  GObjectClass parent_class;

  /* Set by icw_record_class_install_fields: the kind's fields, property i + 1 for field i. */
  const IcwColumn  *fields;
  guint             n_fields;
  GParamSpec      **field_pspecs;
};

/* For a kind's class_init: a property for each of the kind's fields in the catalogue, of its type,
 * range and default, kept by IcwRecord (G_PARAM_EXPLICIT_NOTIFY; notified only on a change). */
void        icw_record_class_install_fields (IcwRecordClass *klass,
                                             IcwRecordKind   kind);
/* The values of those properties, for the kind's typed accessors (below): text, and numbers for the
 * integer, boolean and enumeration fields, by the field's index in its class, which
 * icw_record_field_index () finds once per accessor: a getter is not a property lookup by name at
 * every call. */
guint       icw_record_field_index    (IcwRecord  *self,
                                       const char *property);
const char *icw_record_get_text_at    (IcwRecord  *self,
                                       guint       index);
void        icw_record_set_text_at    (IcwRecord  *self,
                                       guint       index,
                                       const char *value);
gint64      icw_record_get_number_at  (IcwRecord  *self,
                                       guint       index);
void        icw_record_set_number_at  (IcwRecord  *self,
                                       guint       index,
                                       gint64      value);

/* The index of a field, looked up on the accessor's first call (the kinds are final types, so one
 * accessor always serves one class). */
#define ICW_RECORD_FIELD_INDEX(Type, type, field, property)                     \
  static guint type##_##field##_index (Type *self)                              \
  {                                                                             \
    static gsize index_plus_one = 0;                                            \
    if (g_once_init_enter (&index_plus_one))                                    \
      g_once_init_leave (&index_plus_one,                                       \
                         (gsize) icw_record_field_index (ICW_RECORD (self), property) + 1); \
    return (guint) (index_plus_one - 1);                                        \
  }

/* The typed accessors of a catalogue field, one line each in the kind's file:
 * ICW_RECORD_TEXT_FIELD (IcwCenter, icw_center, ICW_IS_CENTER, pilot_basis, "pilot-basis") */
#define ICW_RECORD_TEXT_FIELD(Type, type, IS_TYPE, field, property)             \
  ICW_RECORD_FIELD_INDEX (Type, type, field, property)                          \
  const char *type##_get_##field (Type *self)                                   \
  {                                                                             \
    g_return_val_if_fail (IS_TYPE (self), NULL);                                \
    return icw_record_get_text_at (ICW_RECORD (self), type##_##field##_index (self)); \
  }                                                                             \
  void type##_set_##field (Type *self, const char *value)                       \
  {                                                                             \
    g_return_if_fail (IS_TYPE (self));                                          \
    icw_record_set_text_at (ICW_RECORD (self), type##_##field##_index (self), value); \
  }

#define ICW_RECORD_NUMBER_FIELD(Type, type, IS_TYPE, CType, field, property)    \
  ICW_RECORD_FIELD_INDEX (Type, type, field, property)                          \
  CType type##_get_##field (Type *self)                                         \
  {                                                                             \
    g_return_val_if_fail (IS_TYPE (self), 0);                                   \
    return (CType) icw_record_get_number_at (ICW_RECORD (self), type##_##field##_index (self)); \
  }                                                                             \
  void type##_set_##field (Type *self, CType value)                             \
  {                                                                             \
    g_return_if_fail (IS_TYPE (self));                                          \
    icw_record_set_number_at (ICW_RECORD (self), type##_##field##_index (self), (gint64) value); \
  }

const char *icw_record_get_id         (IcwRecord  *self);
void        icw_record_set_id         (IcwRecord  *self,
                                       const char *id);
const char *icw_record_get_revision   (IcwRecord  *self);
void        icw_record_set_revision   (IcwRecord  *self,
                                       const char *revision);
const char *icw_record_get_created_at (IcwRecord  *self);
void        icw_record_set_created_at (IcwRecord  *self,
                                       const char *created_at);
const char *icw_record_get_updated_at (IcwRecord  *self);
void        icw_record_set_updated_at (IcwRecord  *self,
                                       const char *updated_at);

/* For the store: from now on, remember which properties change (the record matches its row);
 * the names of those changed since, or NULL when the record is not tracked. */
void        icw_record_track_changes  (IcwRecord  *self);
GHashTable *icw_record_get_changed    (IcwRecord  *self);

/* Replaces *str with a copy of value; TRUE when it changed (g_set_str is newer than GLib 2.74). */
static inline gboolean
icw_set_str (char       **str,
             const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

G_END_DECLS
