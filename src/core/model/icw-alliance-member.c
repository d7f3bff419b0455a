/* icw-alliance-member.c: a member (联盟成员) of a center's alliance.
 * A plain value object: the store loads, validates and saves it. */
#include "config.h"

#include "icw-alliance-member.h"

struct _IcwAllianceMember
{
  IcwRecord parent_instance;

  char *center_id;
  char *organization_id;
  IcwMemberRole role;
  char *joined;
  gboolean agreement_signed;
};

G_DEFINE_FINAL_TYPE (IcwAllianceMember, icw_alliance_member, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CENTER_ID,
  PROP_ORGANIZATION_ID,
  PROP_ROLE,
  PROP_JOINED,
  PROP_AGREEMENT_SIGNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_alliance_member_get_center_id (IcwAllianceMember *self)
{
  g_return_val_if_fail (ICW_IS_ALLIANCE_MEMBER (self), NULL);
  return self->center_id;
}

void
icw_alliance_member_set_center_id (IcwAllianceMember *self,
                                  const char *value)
{
  g_return_if_fail (ICW_IS_ALLIANCE_MEMBER (self));

  if (icw_set_str (&self->center_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_ID]);
}

const char *
icw_alliance_member_get_organization_id (IcwAllianceMember *self)
{
  g_return_val_if_fail (ICW_IS_ALLIANCE_MEMBER (self), NULL);
  return self->organization_id;
}

void
icw_alliance_member_set_organization_id (IcwAllianceMember *self,
                                        const char *value)
{
  g_return_if_fail (ICW_IS_ALLIANCE_MEMBER (self));

  if (icw_set_str (&self->organization_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

IcwMemberRole 
icw_alliance_member_get_role (IcwAllianceMember *self)
{
  g_return_val_if_fail (ICW_IS_ALLIANCE_MEMBER (self), 0);
  return self->role;
}

void
icw_alliance_member_set_role (IcwAllianceMember *self,
                             IcwMemberRole value)
{
  g_return_if_fail (ICW_IS_ALLIANCE_MEMBER (self));

  g_return_if_fail ((guint) value < ICW_N_MEMBER_ROLES);
  if (self->role != value)
    {
      self->role = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

const char *
icw_alliance_member_get_joined (IcwAllianceMember *self)
{
  g_return_val_if_fail (ICW_IS_ALLIANCE_MEMBER (self), NULL);
  return self->joined;
}

void
icw_alliance_member_set_joined (IcwAllianceMember *self,
                               const char *value)
{
  g_return_if_fail (ICW_IS_ALLIANCE_MEMBER (self));

  if (icw_set_str (&self->joined, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOINED]);
}

gboolean 
icw_alliance_member_get_agreement_signed (IcwAllianceMember *self)
{
  g_return_val_if_fail (ICW_IS_ALLIANCE_MEMBER (self), 0);
  return self->agreement_signed;
}

void
icw_alliance_member_set_agreement_signed (IcwAllianceMember *self,
                                         gboolean value)
{
  g_return_if_fail (ICW_IS_ALLIANCE_MEMBER (self));

  value = !!value;
  if (self->agreement_signed != value)
    {
      self->agreement_signed = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_SIGNED]);
    }
}

static void
icw_alliance_member_finalize (GObject *object)
{
  IcwAllianceMember *self = ICW_ALLIANCE_MEMBER (object);

  g_clear_pointer (&self->center_id, g_free);
  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->joined, g_free);

  G_OBJECT_CLASS (icw_alliance_member_parent_class)->finalize (object);
}

static void
icw_alliance_member_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IcwAllianceMember *self = ICW_ALLIANCE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_CENTER_ID:
      g_value_set_string (value, self->center_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_ROLE:
      g_value_set_uint (value, self->role);
      break;

    case PROP_JOINED:
      g_value_set_string (value, self->joined);
      break;

    case PROP_AGREEMENT_SIGNED:
      g_value_set_boolean (value, self->agreement_signed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_alliance_member_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IcwAllianceMember *self = ICW_ALLIANCE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_CENTER_ID:
      icw_alliance_member_set_center_id (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION_ID:
      icw_alliance_member_set_organization_id (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      icw_alliance_member_set_role (self, (IcwMemberRole) g_value_get_uint (value));
      break;

    case PROP_JOINED:
      icw_alliance_member_set_joined (self, g_value_get_string (value));
      break;

    case PROP_AGREEMENT_SIGNED:
      icw_alliance_member_set_agreement_signed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_alliance_member_class_init (IcwAllianceMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_alliance_member_finalize;
  object_class->get_property = icw_alliance_member_get_property;
  object_class->set_property = icw_alliance_member_set_property;

  /* Center */
  properties[PROP_CENTER_ID] =
    g_param_spec_string ("center-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Organization */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Role */
  properties[PROP_ROLE] =
    g_param_spec_uint ("role", NULL, NULL, 0, ICW_N_MEMBER_ROLES - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Date joined */
  properties[PROP_JOINED] =
    g_param_spec_string ("joined", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Alliance agreement signed */
  properties[PROP_AGREEMENT_SIGNED] =
    g_param_spec_boolean ("agreement-signed", NULL, NULL, FALSE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_alliance_member_init (IcwAllianceMember *self)
{
}

IcwAllianceMember *
icw_alliance_member_new (void)
{
  return g_object_new (ICW_TYPE_ALLIANCE_MEMBER, NULL);
}
