/* icw-platform.c: a national innovation platform (国家重点实验室, 国家工程研究中心, …) that an organization holds.
 * A plain value object: the store loads, validates and saves it. */
#include "config.h"

#include "icw-platform.h"

struct _IcwPlatform
{
  IcwRecord parent_instance;

  char *organization_id;
  IcwPlatformKind kind;
  char *name;
  int approved_year;
};

G_DEFINE_FINAL_TYPE (IcwPlatform, icw_platform, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ORGANIZATION_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_APPROVED_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_platform_get_organization_id (IcwPlatform *self)
{
  g_return_val_if_fail (ICW_IS_PLATFORM (self), NULL);
  return self->organization_id;
}

void
icw_platform_set_organization_id (IcwPlatform *self,
                                 const char *value)
{
  g_return_if_fail (ICW_IS_PLATFORM (self));

  if (icw_set_str (&self->organization_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

IcwPlatformKind 
icw_platform_get_kind (IcwPlatform *self)
{
  g_return_val_if_fail (ICW_IS_PLATFORM (self), 0);
  return self->kind;
}

void
icw_platform_set_kind (IcwPlatform *self,
                      IcwPlatformKind value)
{
  g_return_if_fail (ICW_IS_PLATFORM (self));

  g_return_if_fail ((guint) value < ICW_N_PLATFORM_KINDS);
  if (self->kind != value)
    {
      self->kind = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
icw_platform_get_name (IcwPlatform *self)
{
  g_return_val_if_fail (ICW_IS_PLATFORM (self), NULL);
  return self->name;
}

void
icw_platform_set_name (IcwPlatform *self,
                      const char *value)
{
  g_return_if_fail (ICW_IS_PLATFORM (self));

  if (icw_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int 
icw_platform_get_approved_year (IcwPlatform *self)
{
  g_return_val_if_fail (ICW_IS_PLATFORM (self), 0);
  return self->approved_year;
}

void
icw_platform_set_approved_year (IcwPlatform *self,
                               int value)
{
  g_return_if_fail (ICW_IS_PLATFORM (self));

  if (self->approved_year != value)
    {
      self->approved_year = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_YEAR]);
    }
}

static void
icw_platform_finalize (GObject *object)
{
  IcwPlatform *self = ICW_PLATFORM (object);

  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (icw_platform_parent_class)->finalize (object);
}

static void
icw_platform_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IcwPlatform *self = ICW_PLATFORM (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_APPROVED_YEAR:
      g_value_set_int (value, self->approved_year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_platform_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IcwPlatform *self = ICW_PLATFORM (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION_ID:
      icw_platform_set_organization_id (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      icw_platform_set_kind (self, (IcwPlatformKind) g_value_get_uint (value));
      break;

    case PROP_NAME:
      icw_platform_set_name (self, g_value_get_string (value));
      break;

    case PROP_APPROVED_YEAR:
      icw_platform_set_approved_year (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_platform_class_init (IcwPlatformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_platform_finalize;
  object_class->get_property = icw_platform_get_property;
  object_class->set_property = icw_platform_set_property;

  /* Organization */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Kind */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, ICW_N_PLATFORM_KINDS - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Year approved */
  properties[PROP_APPROVED_YEAR] =
    g_param_spec_int ("approved-year", NULL, NULL, 0, G_MAXINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_platform_init (IcwPlatform *self)
{
}

IcwPlatform *
icw_platform_new (void)
{
  return g_object_new (ICW_TYPE_PLATFORM, NULL);
}
