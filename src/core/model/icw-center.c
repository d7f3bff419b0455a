/* icw-center.c: a manufacturing innovation center (制造业创新中心) and its host company.
 * A plain value object: the store loads, validates and saves it. */
#include "config.h"

#include "icw-center.h"

struct _IcwCenter
{
  IcwRecord parent_instance;

  char *name;
  IcwCenterLevel level;
  char *field;
  char *province;
  char *city;
  int year;
  IcwCenterStatus status;
  char *lead_organization_id;
  char *host_organization_id;
  char *host_legal_form;
  gint64 host_capital_fen;
  char *host_founded;
  char *operating_model;
  char *pilot_basis;
  int field_platform_total;
  char *rule_packs;
};

G_DEFINE_FINAL_TYPE (IcwCenter, icw_center, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LEVEL,
  PROP_FIELD,
  PROP_PROVINCE,
  PROP_CITY,
  PROP_YEAR,
  PROP_STATUS,
  PROP_LEAD_ORGANIZATION_ID,
  PROP_HOST_ORGANIZATION_ID,
  PROP_HOST_LEGAL_FORM,
  PROP_HOST_CAPITAL_FEN,
  PROP_HOST_FOUNDED,
  PROP_OPERATING_MODEL,
  PROP_PILOT_BASIS,
  PROP_FIELD_PLATFORM_TOTAL,
  PROP_RULE_PACKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_center_get_name (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->name;
}

void
icw_center_set_name (IcwCenter *self,
                    const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

IcwCenterLevel 
icw_center_get_level (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), 0);
  return self->level;
}

void
icw_center_set_level (IcwCenter *self,
                     IcwCenterLevel value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  g_return_if_fail ((guint) value < ICW_N_CENTER_LEVELS);
  if (self->level != value)
    {
      self->level = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
}

const char *
icw_center_get_field (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->field;
}

void
icw_center_set_field (IcwCenter *self,
                     const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
icw_center_get_province (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->province;
}

void
icw_center_set_province (IcwCenter *self,
                        const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->province, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE]);
}

const char *
icw_center_get_city (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->city;
}

void
icw_center_set_city (IcwCenter *self,
                    const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->city, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

int 
icw_center_get_year (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), 0);
  return self->year;
}

void
icw_center_set_year (IcwCenter *self,
                    int value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (self->year != value)
    {
      self->year = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

IcwCenterStatus 
icw_center_get_status (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), 0);
  return self->status;
}

void
icw_center_set_status (IcwCenter *self,
                      IcwCenterStatus value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  g_return_if_fail ((guint) value < ICW_N_CENTER_STATUSES);
  if (self->status != value)
    {
      self->status = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

const char *
icw_center_get_lead_organization_id (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->lead_organization_id;
}

void
icw_center_set_lead_organization_id (IcwCenter *self,
                                    const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->lead_organization_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ORGANIZATION_ID]);
}

const char *
icw_center_get_host_organization_id (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->host_organization_id;
}

void
icw_center_set_host_organization_id (IcwCenter *self,
                                    const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->host_organization_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_ORGANIZATION_ID]);
}

const char *
icw_center_get_host_legal_form (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->host_legal_form;
}

void
icw_center_set_host_legal_form (IcwCenter *self,
                               const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->host_legal_form, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_LEGAL_FORM]);
}

gint64 
icw_center_get_host_capital_fen (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), 0);
  return self->host_capital_fen;
}

void
icw_center_set_host_capital_fen (IcwCenter *self,
                                gint64 value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (self->host_capital_fen != value)
    {
      self->host_capital_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_CAPITAL_FEN]);
    }
}

const char *
icw_center_get_host_founded (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->host_founded;
}

void
icw_center_set_host_founded (IcwCenter *self,
                            const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->host_founded, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_FOUNDED]);
}

const char *
icw_center_get_operating_model (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->operating_model;
}

void
icw_center_set_operating_model (IcwCenter *self,
                               const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->operating_model, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATING_MODEL]);
}

const char *
icw_center_get_pilot_basis (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->pilot_basis;
}

void
icw_center_set_pilot_basis (IcwCenter *self,
                           const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->pilot_basis, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT_BASIS]);
}

int 
icw_center_get_field_platform_total (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), 0);
  return self->field_platform_total;
}

void
icw_center_set_field_platform_total (IcwCenter *self,
                                    int value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (self->field_platform_total != value)
    {
      self->field_platform_total = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_PLATFORM_TOTAL]);
    }
}

const char *
icw_center_get_rule_packs (IcwCenter *self)
{
  g_return_val_if_fail (ICW_IS_CENTER (self), NULL);
  return self->rule_packs;
}

void
icw_center_set_rule_packs (IcwCenter  *self,
                           const char *value)
{
  g_return_if_fail (ICW_IS_CENTER (self));

  if (icw_set_str (&self->rule_packs, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE_PACKS]);
}

static void
icw_center_finalize (GObject *object)
{
  IcwCenter *self = ICW_CENTER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->lead_organization_id, g_free);
  g_clear_pointer (&self->host_organization_id, g_free);
  g_clear_pointer (&self->host_legal_form, g_free);
  g_clear_pointer (&self->host_founded, g_free);
  g_clear_pointer (&self->operating_model, g_free);
  g_clear_pointer (&self->pilot_basis, g_free);
  g_clear_pointer (&self->rule_packs, g_free);

  G_OBJECT_CLASS (icw_center_parent_class)->finalize (object);
}

static void
icw_center_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IcwCenter *self = ICW_CENTER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_PROVINCE:
      g_value_set_string (value, self->province);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_LEAD_ORGANIZATION_ID:
      g_value_set_string (value, self->lead_organization_id);
      break;

    case PROP_HOST_ORGANIZATION_ID:
      g_value_set_string (value, self->host_organization_id);
      break;

    case PROP_HOST_LEGAL_FORM:
      g_value_set_string (value, self->host_legal_form);
      break;

    case PROP_HOST_CAPITAL_FEN:
      g_value_set_int64 (value, self->host_capital_fen);
      break;

    case PROP_HOST_FOUNDED:
      g_value_set_string (value, self->host_founded);
      break;

    case PROP_OPERATING_MODEL:
      g_value_set_string (value, self->operating_model);
      break;

    case PROP_PILOT_BASIS:
      g_value_set_string (value, self->pilot_basis);
      break;

    case PROP_FIELD_PLATFORM_TOTAL:
      g_value_set_int (value, self->field_platform_total);
      break;

    case PROP_RULE_PACKS:
      g_value_set_string (value, self->rule_packs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_center_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IcwCenter *self = ICW_CENTER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      icw_center_set_name (self, g_value_get_string (value));
      break;

    case PROP_LEVEL:
      icw_center_set_level (self, (IcwCenterLevel) g_value_get_uint (value));
      break;

    case PROP_FIELD:
      icw_center_set_field (self, g_value_get_string (value));
      break;

    case PROP_PROVINCE:
      icw_center_set_province (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      icw_center_set_city (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      icw_center_set_year (self, g_value_get_int (value));
      break;

    case PROP_STATUS:
      icw_center_set_status (self, (IcwCenterStatus) g_value_get_uint (value));
      break;

    case PROP_LEAD_ORGANIZATION_ID:
      icw_center_set_lead_organization_id (self, g_value_get_string (value));
      break;

    case PROP_HOST_ORGANIZATION_ID:
      icw_center_set_host_organization_id (self, g_value_get_string (value));
      break;

    case PROP_HOST_LEGAL_FORM:
      icw_center_set_host_legal_form (self, g_value_get_string (value));
      break;

    case PROP_HOST_CAPITAL_FEN:
      icw_center_set_host_capital_fen (self, g_value_get_int64 (value));
      break;

    case PROP_HOST_FOUNDED:
      icw_center_set_host_founded (self, g_value_get_string (value));
      break;

    case PROP_OPERATING_MODEL:
      icw_center_set_operating_model (self, g_value_get_string (value));
      break;

    case PROP_PILOT_BASIS:
      icw_center_set_pilot_basis (self, g_value_get_string (value));
      break;

    case PROP_FIELD_PLATFORM_TOTAL:
      icw_center_set_field_platform_total (self, g_value_get_int (value));
      break;

    case PROP_RULE_PACKS:
      icw_center_set_rule_packs (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_center_class_init (IcwCenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_center_finalize;
  object_class->get_property = icw_center_get_property;
  object_class->set_property = icw_center_set_property;

  /* Name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Level */
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 0, ICW_N_CENTER_LEVELS - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Field */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Province */
  properties[PROP_PROVINCE] =
    g_param_spec_string ("province", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* City */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Year of recognition */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Status */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, ICW_N_CENTER_STATUSES - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Lead organization */
  properties[PROP_LEAD_ORGANIZATION_ID] =
    g_param_spec_string ("lead-organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Host company */
  properties[PROP_HOST_ORGANIZATION_ID] =
    g_param_spec_string ("host-organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Legal form of the host company */
  properties[PROP_HOST_LEGAL_FORM] =
    g_param_spec_string ("host-legal-form", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Registered capital of the host company, fen */
  properties[PROP_HOST_CAPITAL_FEN] =
    g_param_spec_int64 ("host-capital-fen", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Founding date of the host company */
  properties[PROP_HOST_FOUNDED] =
    g_param_spec_string ("host-founded", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Operating model */
  properties[PROP_OPERATING_MODEL] =
    g_param_spec_string ("operating-model", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Pilot basis */
  properties[PROP_PILOT_BASIS] =
    g_param_spec_string ("pilot-basis", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* National platforms in the field */
  properties[PROP_FIELD_PLATFORM_TOTAL] =
    g_param_spec_int ("field-platform-total", NULL, NULL, 0, G_MAXINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Rule packs chosen for its applications, comma-separated IDs */
  properties[PROP_RULE_PACKS] =
    g_param_spec_string ("rule-packs", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_center_init (IcwCenter *self)
{
}

IcwCenter *
icw_center_new (void)
{
  return g_object_new (ICW_TYPE_CENTER, NULL);
}
