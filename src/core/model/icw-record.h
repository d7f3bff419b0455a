/* icw-record.h: the base of every record: a client-generated UUID, the revision the sync server
 * assigned, and the creation and modification times. */
#pragma once

#include <glib-object.h>

#include "icw-enums.h"
#include "icw-types.h"

G_BEGIN_DECLS

#define ICW_TYPE_RECORD (icw_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (IcwRecord, icw_record, ICW, RECORD, GObject)

struct _IcwRecordClass
{
  GObjectClass parent_class;
};

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
