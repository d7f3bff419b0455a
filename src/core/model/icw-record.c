/* icw-record.c: the base of every record (identity, revision and times). */
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
