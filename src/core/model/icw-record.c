/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-record.c: the base of every record (identity, revision and times), and the keeper of the
 * properties the field catalogue gives a kind: their values in one GValue per field, their
 * GParamSpecs made from the catalogue's types, one get/set pair for them all. */
#include "config.h"

#include "icw-record.h"

typedef struct
{
  char *id;
  char *revision;
  char *created_at;
  char *updated_at;
  /* The properties changed since the record last matched its row, or NULL while that is not
   * known (a record the store has neither loaded nor saved): the store then writes every column. */
  GHashTable *changed;
  /* The values of the class's catalogue fields (IcwRecordClass.fields), made on first use. */
  GValue *values;
} IcwRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (IcwRecord, icw_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REVISION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_ACCESSORS(field, PROP)                                    \
  const char *icw_record_get_##field (IcwRecord *self)                          \
  {                                                                             \
    IcwRecordPrivate *priv = icw_record_get_instance_private (self);           \
    g_return_val_if_fail (ICW_IS_RECORD (self), NULL);                          \
    return priv->field;                                                         \
  }                                                                             \
  void icw_record_set_##field (IcwRecord *self, const char *value)              \
  {                                                                             \
    IcwRecordPrivate *priv = icw_record_get_instance_private (self);           \
    g_return_if_fail (ICW_IS_RECORD (self));                                    \
    if (icw_set_str (&priv->field, value))                                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

DEFINE_STRING_ACCESSORS (id, PROP_ID)
DEFINE_STRING_ACCESSORS (revision, PROP_REVISION)
DEFINE_STRING_ACCESSORS (created_at, PROP_CREATED_AT)
DEFINE_STRING_ACCESSORS (updated_at, PROP_UPDATED_AT)

static void
icw_record_finalize (GObject *object)
{
  IcwRecordPrivate *priv = icw_record_get_instance_private (ICW_RECORD (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->revision, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);
  g_clear_pointer (&priv->changed, g_hash_table_unref);
  if (priv->values != NULL)
    {
      for (guint i = 0; i < ICW_RECORD_GET_CLASS (object)->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_clear_pointer (&priv->values, g_free);
    }

  G_OBJECT_CLASS (icw_record_parent_class)->finalize (object);
}

static void
icw_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IcwRecordPrivate *priv = icw_record_get_instance_private (ICW_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_REVISION:
      g_value_set_string (value, priv->revision);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IcwRecord *self = ICW_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      icw_record_set_id (self, g_value_get_string (value));
      break;

    case PROP_REVISION:
      icw_record_set_revision (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      icw_record_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      icw_record_set_updated_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Every change of a subclass's property is a notification (they are G_PARAM_EXPLICIT_NOTIFY and
 * notify only on a change); overriding the class handler also keeps GLib from skipping the
 * emission when nobody is connected. */
static void
icw_record_notify (GObject    *object,
                   GParamSpec *pspec)
{
  IcwRecordPrivate *priv = icw_record_get_instance_private (ICW_RECORD (object));

  if (priv->changed != NULL && pspec->owner_type != ICW_TYPE_RECORD)
    g_hash_table_add (priv->changed, (gpointer) g_param_spec_get_name (pspec));
}

void
icw_record_track_changes (IcwRecord *self)
{
  IcwRecordPrivate *priv = icw_record_get_instance_private (self);

  g_return_if_fail (ICW_IS_RECORD (self));
  if (priv->changed == NULL)
    priv->changed = g_hash_table_new (g_str_hash, g_str_equal);
  else
    g_hash_table_remove_all (priv->changed);
}

GHashTable *
icw_record_get_changed (IcwRecord *self)
{
  IcwRecordPrivate *priv = icw_record_get_instance_private (self);

  g_return_val_if_fail (ICW_IS_RECORD (self), NULL);
  return priv->changed;
}

static GType
field_gtype (const IcwColumn *field)
{
  switch (field->type)
    {
    case ICW_COLUMN_TEXT:
      return G_TYPE_STRING;
    case ICW_COLUMN_INT:
      return G_TYPE_INT;
    case ICW_COLUMN_INT64:
      return G_TYPE_INT64;
    case ICW_COLUMN_BOOL:
      return G_TYPE_BOOLEAN;
    case ICW_COLUMN_ENUM:
      return G_TYPE_UINT;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_pspec (const IcwColumn *field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const char *name = field->property;

  switch (field->type)
    {
    case ICW_COLUMN_TEXT:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case ICW_COLUMN_INT:
      return g_param_spec_int (name, NULL, NULL, field->any_value ? G_MININT : (int) field->minimum, G_MAXINT,
                               (int) icw_field_default (field), flags);
    case ICW_COLUMN_INT64:
      return g_param_spec_int64 (name, NULL, NULL, field->any_value ? G_MININT64 : field->minimum, G_MAXINT64,
                                 icw_field_default (field), flags);
    case ICW_COLUMN_BOOL:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case ICW_COLUMN_ENUM:
      return g_param_spec_uint (name, NULL, NULL, 0, field->n_values - 1, (guint) icw_field_default (field), flags);
    default:
      g_assert_not_reached ();
    }
}

/* The values of the fields, each holding its property's default until set. */
static GValue *
field_values (IcwRecord *self)
{
  IcwRecordPrivate *priv = icw_record_get_instance_private (self);
  IcwRecordClass *klass = ICW_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    return priv->values;
  priv->values = g_new0 (GValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_value_init (&priv->values[i], field_gtype (&klass->fields[i]));
      g_param_value_set_default (klass->field_pspecs[i], &priv->values[i]);
    }
  return priv->values;
}

/* The index of a catalogue field of the record's class by its property name; G_MAXUINT (with a
 * critical) for a property that is not one. */
guint
icw_record_field_index (IcwRecord  *self,
                        const char *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (ICW_IS_RECORD (self), G_MAXUINT);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  g_return_val_if_fail (pspec != NULL && pspec->owner_type != ICW_TYPE_RECORD, G_MAXUINT);
  g_assert (pspec->param_id >= 1 && pspec->param_id <= ICW_RECORD_GET_CLASS (self)->n_fields);
  return pspec->param_id - 1;
}

static void
set_text_at (IcwRecord  *self,
             guint       i,
             const char *value)
{
  GValue *slot = &field_values (self)[i];

  if (g_strcmp0 (g_value_get_string (slot), value) == 0)
    return;
  g_value_set_string (slot, value);
  g_object_notify_by_pspec (G_OBJECT (self), ICW_RECORD_GET_CLASS (self)->field_pspecs[i]);
}

static gint64
number_at (IcwRecord *self,
           guint      i)
{
  const GValue *slot = &field_values (self)[i];

  switch (ICW_RECORD_GET_CLASS (self)->fields[i].type)
    {
    case ICW_COLUMN_INT:
      return g_value_get_int (slot);
    case ICW_COLUMN_INT64:
      return g_value_get_int64 (slot);
    case ICW_COLUMN_BOOL:
      return g_value_get_boolean (slot);
    case ICW_COLUMN_ENUM:
      return g_value_get_uint (slot);
    default:
      g_return_val_if_reached (0);
    }
}

/* Numbers below the field's least value (unless any_value) and an enumeration's value out of range are refused, as
 * the property's range refuses them; a boolean is TRUE or FALSE. */
static void
set_number_at (IcwRecord *self,
               guint      i,
               gint64     value)
{
  const IcwColumn *field = &ICW_RECORD_GET_CLASS (self)->fields[i];
  GValue *slot = &field_values (self)[i];

  if (field->type == ICW_COLUMN_BOOL)
    value = value != 0;
  g_return_if_fail (field->type != ICW_COLUMN_ENUM || (value >= 0 && value < field->n_values));
  g_return_if_fail ((field->type != ICW_COLUMN_INT && field->type != ICW_COLUMN_INT64) || field->any_value ||
                    value >= field->minimum);
  if (number_at (self, i) == value)
    return;
  if (field->type == ICW_COLUMN_INT)
    g_value_set_int (slot, (int) value);
  else if (field->type == ICW_COLUMN_INT64)
    g_value_set_int64 (slot, value);
  else if (field->type == ICW_COLUMN_BOOL)
    g_value_set_boolean (slot, (gboolean) value);
  else if (field->type == ICW_COLUMN_ENUM)
    g_value_set_uint (slot, (guint) value);
  else
    g_return_if_reached ();
  g_object_notify_by_pspec (G_OBJECT (self), ICW_RECORD_GET_CLASS (self)->field_pspecs[i]);
}

const char *
icw_record_get_text_at (IcwRecord *self,
                        guint      index)
{
  g_return_val_if_fail (index < ICW_RECORD_GET_CLASS (self)->n_fields, NULL);
  return g_value_get_string (&field_values (self)[index]);
}

void
icw_record_set_text_at (IcwRecord  *self,
                        guint       index,
                        const char *value)
{
  g_return_if_fail (index < ICW_RECORD_GET_CLASS (self)->n_fields);
  set_text_at (self, index, value);
}

gint64
icw_record_get_number_at (IcwRecord *self,
                          guint      index)
{
  g_return_val_if_fail (index < ICW_RECORD_GET_CLASS (self)->n_fields, 0);
  return number_at (self, index);
}

void
icw_record_set_number_at (IcwRecord *self,
                          guint      index,
                          gint64     value)
{
  g_return_if_fail (index < ICW_RECORD_GET_CLASS (self)->n_fields);
  set_number_at (self, index, value);
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  g_value_copy (&field_values (ICW_RECORD (object))[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  IcwRecord *self = ICW_RECORD (object);
  guint i = prop_id - 1;

  switch (ICW_RECORD_GET_CLASS (self)->fields[i].type)
    {
    case ICW_COLUMN_TEXT:
      set_text_at (self, i, g_value_get_string (value));
      break;
    case ICW_COLUMN_INT:
      set_number_at (self, i, g_value_get_int (value));
      break;
    case ICW_COLUMN_INT64:
      set_number_at (self, i, g_value_get_int64 (value));
      break;
    case ICW_COLUMN_BOOL:
      set_number_at (self, i, g_value_get_boolean (value));
      break;
    case ICW_COLUMN_ENUM:
      set_number_at (self, i, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
icw_record_class_install_fields (IcwRecordClass *klass,
                                 IcwRecordKind   kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (klass->fields == NULL);
  klass->fields = icw_field_catalogue (kind, &klass->n_fields);
  klass->field_pspecs = g_new0 (GParamSpec *, klass->n_fields);
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      klass->field_pspecs[i] = field_pspec (&klass->fields[i]);
      g_object_class_install_property (object_class, i + 1, klass->field_pspecs[i]);
    }
}

static void
icw_record_class_init (IcwRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = icw_record_finalize;
  object_class->get_property = icw_record_get_property;
  object_class->set_property = icw_record_set_property;
  object_class->notify = icw_record_notify;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_REVISION] = g_param_spec_string ("revision", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_record_init (IcwRecord *self)
{
}
