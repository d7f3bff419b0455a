/* icw-organization.c: an organization (单位) of the register: a company, university, institute or other body that can be a shareholder or member of centers.
 * A plain value object: the store loads, validates and saves it. */
#include "config.h"

#include "icw-organization.h"

struct _IcwOrganization
{
  IcwRecord parent_instance;

  char *name;
  char *credit_code;
  IcwOrgKind kind;
  char *province;
  char *city;
  char *legal_representative;
  gboolean top_ten;
  int rd_base_year;
  gint64 rd_intensity_1;
  gint64 rd_intensity_2;
  gint64 rd_intensity_3;
};

G_DEFINE_FINAL_TYPE (IcwOrganization, icw_organization, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CREDIT_CODE,
  PROP_KIND,
  PROP_PROVINCE,
  PROP_CITY,
  PROP_LEGAL_REPRESENTATIVE,
  PROP_TOP_TEN,
  PROP_RD_BASE_YEAR,
  PROP_RD_INTENSITY_1,
  PROP_RD_INTENSITY_2,
  PROP_RD_INTENSITY_3,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_organization_get_name (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), NULL);
  return self->name;
}

void
icw_organization_set_name (IcwOrganization *self,
                          const char *value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (icw_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
icw_organization_get_credit_code (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), NULL);
  return self->credit_code;
}

void
icw_organization_set_credit_code (IcwOrganization *self,
                                 const char *value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (icw_set_str (&self->credit_code, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_CODE]);
}

IcwOrgKind 
icw_organization_get_kind (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), 0);
  return self->kind;
}

void
icw_organization_set_kind (IcwOrganization *self,
                          IcwOrgKind value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  g_return_if_fail ((guint) value < ICW_N_ORG_KINDS);
  if (self->kind != value)
    {
      self->kind = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
icw_organization_get_province (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), NULL);
  return self->province;
}

void
icw_organization_set_province (IcwOrganization *self,
                              const char *value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (icw_set_str (&self->province, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE]);
}

const char *
icw_organization_get_city (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), NULL);
  return self->city;
}

void
icw_organization_set_city (IcwOrganization *self,
                          const char *value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (icw_set_str (&self->city, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
icw_organization_get_legal_representative (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), NULL);
  return self->legal_representative;
}

void
icw_organization_set_legal_representative (IcwOrganization *self,
                                          const char *value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (icw_set_str (&self->legal_representative, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_REPRESENTATIVE]);
}

gboolean 
icw_organization_get_top_ten (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), 0);
  return self->top_ten;
}

void
icw_organization_set_top_ten (IcwOrganization *self,
                             gboolean value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  value = !!value;
  if (self->top_ten != value)
    {
      self->top_ten = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOP_TEN]);
    }
}

int 
icw_organization_get_rd_base_year (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), 0);
  return self->rd_base_year;
}

void
icw_organization_set_rd_base_year (IcwOrganization *self,
                                  int value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (self->rd_base_year != value)
    {
      self->rd_base_year = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RD_BASE_YEAR]);
    }
}

gint64 
icw_organization_get_rd_intensity_1 (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), 0);
  return self->rd_intensity_1;
}

void
icw_organization_set_rd_intensity_1 (IcwOrganization *self,
                                    gint64 value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (self->rd_intensity_1 != value)
    {
      self->rd_intensity_1 = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RD_INTENSITY_1]);
    }
}

gint64 
icw_organization_get_rd_intensity_2 (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), 0);
  return self->rd_intensity_2;
}

void
icw_organization_set_rd_intensity_2 (IcwOrganization *self,
                                    gint64 value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (self->rd_intensity_2 != value)
    {
      self->rd_intensity_2 = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RD_INTENSITY_2]);
    }
}

gint64 
icw_organization_get_rd_intensity_3 (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), 0);
  return self->rd_intensity_3;
}

void
icw_organization_set_rd_intensity_3 (IcwOrganization *self,
                                    gint64 value)
{
  g_return_if_fail (ICW_IS_ORGANIZATION (self));

  if (self->rd_intensity_3 != value)
    {
      self->rd_intensity_3 = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RD_INTENSITY_3]);
    }
}

static void
icw_organization_finalize (GObject *object)
{
  IcwOrganization *self = ICW_ORGANIZATION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->credit_code, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->legal_representative, g_free);

  G_OBJECT_CLASS (icw_organization_parent_class)->finalize (object);
}

static void
icw_organization_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcwOrganization *self = ICW_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREDIT_CODE:
      g_value_set_string (value, self->credit_code);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_PROVINCE:
      g_value_set_string (value, self->province);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_LEGAL_REPRESENTATIVE:
      g_value_set_string (value, self->legal_representative);
      break;

    case PROP_TOP_TEN:
      g_value_set_boolean (value, self->top_ten);
      break;

    case PROP_RD_BASE_YEAR:
      g_value_set_int (value, self->rd_base_year);
      break;

    case PROP_RD_INTENSITY_1:
      g_value_set_int64 (value, self->rd_intensity_1);
      break;

    case PROP_RD_INTENSITY_2:
      g_value_set_int64 (value, self->rd_intensity_2);
      break;

    case PROP_RD_INTENSITY_3:
      g_value_set_int64 (value, self->rd_intensity_3);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_organization_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcwOrganization *self = ICW_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      icw_organization_set_name (self, g_value_get_string (value));
      break;

    case PROP_CREDIT_CODE:
      icw_organization_set_credit_code (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      icw_organization_set_kind (self, (IcwOrgKind) g_value_get_uint (value));
      break;

    case PROP_PROVINCE:
      icw_organization_set_province (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      icw_organization_set_city (self, g_value_get_string (value));
      break;

    case PROP_LEGAL_REPRESENTATIVE:
      icw_organization_set_legal_representative (self, g_value_get_string (value));
      break;

    case PROP_TOP_TEN:
      icw_organization_set_top_ten (self, g_value_get_boolean (value));
      break;

    case PROP_RD_BASE_YEAR:
      icw_organization_set_rd_base_year (self, g_value_get_int (value));
      break;

    case PROP_RD_INTENSITY_1:
      icw_organization_set_rd_intensity_1 (self, g_value_get_int64 (value));
      break;

    case PROP_RD_INTENSITY_2:
      icw_organization_set_rd_intensity_2 (self, g_value_get_int64 (value));
      break;

    case PROP_RD_INTENSITY_3:
      icw_organization_set_rd_intensity_3 (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_organization_class_init (IcwOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_organization_finalize;
  object_class->get_property = icw_organization_get_property;
  object_class->set_property = icw_organization_set_property;

  /* Name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Unified social credit code */
  properties[PROP_CREDIT_CODE] =
    g_param_spec_string ("credit-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Kind */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, ICW_N_ORG_KINDS - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Province */
  properties[PROP_PROVINCE] =
    g_param_spec_string ("province", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* City */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Legal representative */
  properties[PROP_LEGAL_REPRESENTATIVE] =
    g_param_spec_string ("legal-representative", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Among the top ten of its field */
  properties[PROP_TOP_TEN] =
    g_param_spec_boolean ("top-ten", NULL, NULL, FALSE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Last year of the R&D intensity figures */
  properties[PROP_RD_BASE_YEAR] =
    g_param_spec_int ("rd-base-year", NULL, NULL, 0, G_MAXINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* R&D intensity, basis points, base year minus 2 */
  properties[PROP_RD_INTENSITY_1] =
    g_param_spec_int64 ("rd-intensity-1", NULL, NULL, -1, G_MAXINT64, -1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* R&D intensity, basis points, base year minus 1 */
  properties[PROP_RD_INTENSITY_2] =
    g_param_spec_int64 ("rd-intensity-2", NULL, NULL, -1, G_MAXINT64, -1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* R&D intensity, basis points, base year */
  properties[PROP_RD_INTENSITY_3] =
    g_param_spec_int64 ("rd-intensity-3", NULL, NULL, -1, G_MAXINT64, -1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_organization_init (IcwOrganization *self)
{
  self->rd_intensity_1 = -1;
  self->rd_intensity_2 = -1;
  self->rd_intensity_3 = -1;
}

IcwOrganization *
icw_organization_new (void)
{
  return g_object_new (ICW_TYPE_ORGANIZATION, NULL);
}
