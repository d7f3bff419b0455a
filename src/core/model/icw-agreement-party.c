/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-party.c: a party to an IP-sharing agreement. A plain value object: the store loads,
 * validates and saves it (icw-store-agreements.c). */
#include "config.h"

#include "icw-agreement-party.h"

struct _IcwAgreementParty
{
  IcwRecord parent_instance;

  char *agreement_id;
  char *organization_id;
  gint64 share_bp;
  gint64 contribution_fen;
  char *signatory;
  gboolean is_signed;
  char *signed_date;
  gboolean is_sealed;
  char *sealed_date;
  char *background_ip;
};

G_DEFINE_FINAL_TYPE (IcwAgreementParty, icw_agreement_party, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_AGREEMENT_ID,
  PROP_ORGANIZATION_ID,
  PROP_SHARE_BP,
  PROP_CONTRIBUTION_FEN,
  PROP_SIGNATORY,
  PROP_SIGNED,
  PROP_SIGNED_DATE,
  PROP_SEALED,
  PROP_SEALED_DATE,
  PROP_BACKGROUND_IP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_agreement_party_get_agreement_id (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), NULL);
  return self->agreement_id;
}

void
icw_agreement_party_set_agreement_id (IcwAgreementParty *self,
                                     const char *value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (icw_set_str (&self->agreement_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_ID]);
}

const char *
icw_agreement_party_get_organization_id (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), NULL);
  return self->organization_id;
}

void
icw_agreement_party_set_organization_id (IcwAgreementParty *self,
                                        const char *value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (icw_set_str (&self->organization_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

gint64
icw_agreement_party_get_share_bp (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), 0);
  return self->share_bp;
}

void
icw_agreement_party_set_share_bp (IcwAgreementParty *self,
                                 gint64 value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (self->share_bp != value)
    {
      self->share_bp = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE_BP]);
    }
}

gint64
icw_agreement_party_get_contribution_fen (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), 0);
  return self->contribution_fen;
}

void
icw_agreement_party_set_contribution_fen (IcwAgreementParty *self,
                                         gint64 value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (self->contribution_fen != value)
    {
      self->contribution_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRIBUTION_FEN]);
    }
}

const char *
icw_agreement_party_get_signatory (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), NULL);
  return self->signatory;
}

void
icw_agreement_party_set_signatory (IcwAgreementParty *self,
                                  const char *value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (icw_set_str (&self->signatory, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNATORY]);
}

gboolean
icw_agreement_party_get_signed (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), 0);
  return self->is_signed;
}

void
icw_agreement_party_set_signed (IcwAgreementParty *self,
                               gboolean value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));
  value = !!value;

  if (self->is_signed != value)
    {
      self->is_signed = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED]);
    }
}

const char *
icw_agreement_party_get_signed_date (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), NULL);
  return self->signed_date;
}

void
icw_agreement_party_set_signed_date (IcwAgreementParty *self,
                                    const char *value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (icw_set_str (&self->signed_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_DATE]);
}

gboolean
icw_agreement_party_get_sealed (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), 0);
  return self->is_sealed;
}

void
icw_agreement_party_set_sealed (IcwAgreementParty *self,
                               gboolean value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));
  value = !!value;

  if (self->is_sealed != value)
    {
      self->is_sealed = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEALED]);
    }
}

const char *
icw_agreement_party_get_sealed_date (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), NULL);
  return self->sealed_date;
}

void
icw_agreement_party_set_sealed_date (IcwAgreementParty *self,
                                    const char *value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (icw_set_str (&self->sealed_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEALED_DATE]);
}

const char *
icw_agreement_party_get_background_ip (IcwAgreementParty *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTY (self), NULL);
  return self->background_ip;
}

void
icw_agreement_party_set_background_ip (IcwAgreementParty *self,
                                      const char *value)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTY (self));

  if (icw_set_str (&self->background_ip, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND_IP]);
}

static void
icw_agreement_party_finalize (GObject *object)
{
  IcwAgreementParty *self = ICW_AGREEMENT_PARTY (object);

  g_free (self->agreement_id);
  g_free (self->organization_id);
  g_free (self->signatory);
  g_free (self->signed_date);
  g_free (self->sealed_date);
  g_free (self->background_ip);

  G_OBJECT_CLASS (icw_agreement_party_parent_class)->finalize (object);
}

static void
icw_agreement_party_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IcwAgreementParty *self = ICW_AGREEMENT_PARTY (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT_ID:
      g_value_set_string (value, self->agreement_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_SHARE_BP:
      g_value_set_int64 (value, self->share_bp);
      break;

    case PROP_CONTRIBUTION_FEN:
      g_value_set_int64 (value, self->contribution_fen);
      break;

    case PROP_SIGNATORY:
      g_value_set_string (value, self->signatory);
      break;

    case PROP_SIGNED:
      g_value_set_boolean (value, self->is_signed);
      break;

    case PROP_SIGNED_DATE:
      g_value_set_string (value, self->signed_date);
      break;

    case PROP_SEALED:
      g_value_set_boolean (value, self->is_sealed);
      break;

    case PROP_SEALED_DATE:
      g_value_set_string (value, self->sealed_date);
      break;

    case PROP_BACKGROUND_IP:
      g_value_set_string (value, self->background_ip);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_agreement_party_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IcwAgreementParty *self = ICW_AGREEMENT_PARTY (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT_ID:
      icw_agreement_party_set_agreement_id (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION_ID:
      icw_agreement_party_set_organization_id (self, g_value_get_string (value));
      break;

    case PROP_SHARE_BP:
      icw_agreement_party_set_share_bp (self, g_value_get_int64 (value));
      break;

    case PROP_CONTRIBUTION_FEN:
      icw_agreement_party_set_contribution_fen (self, g_value_get_int64 (value));
      break;

    case PROP_SIGNATORY:
      icw_agreement_party_set_signatory (self, g_value_get_string (value));
      break;

    case PROP_SIGNED:
      icw_agreement_party_set_signed (self, g_value_get_boolean (value));
      break;

    case PROP_SIGNED_DATE:
      icw_agreement_party_set_signed_date (self, g_value_get_string (value));
      break;

    case PROP_SEALED:
      icw_agreement_party_set_sealed (self, g_value_get_boolean (value));
      break;

    case PROP_SEALED_DATE:
      icw_agreement_party_set_sealed_date (self, g_value_get_string (value));
      break;

    case PROP_BACKGROUND_IP:
      icw_agreement_party_set_background_ip (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_agreement_party_class_init (IcwAgreementPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_agreement_party_finalize;
  object_class->get_property = icw_agreement_party_get_property;
  object_class->set_property = icw_agreement_party_set_property;

  /* The agreement */
  properties[PROP_AGREEMENT_ID] =
    g_param_spec_string ("agreement-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The party, an organization of the register */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Share of revenue, basis points */
  properties[PROP_SHARE_BP] =
    g_param_spec_int64 ("share-bp", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Contribution to the joint work, fen (for a split in proportion) */
  properties[PROP_CONTRIBUTION_FEN] =
    g_param_spec_int64 ("contribution-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Name of the person who signs */
  properties[PROP_SIGNATORY] =
    g_param_spec_string ("signatory", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Signed (签字) */
  properties[PROP_SIGNED] =
    g_param_spec_boolean ("signed", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Date signed, YYYY-MM-DD */
  properties[PROP_SIGNED_DATE] =
    g_param_spec_string ("signed-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Sealed (盖章) */
  properties[PROP_SEALED] =
    g_param_spec_boolean ("sealed", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Date sealed, YYYY-MM-DD */
  properties[PROP_SEALED_DATE] =
    g_param_spec_string ("sealed-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Background IP the party brings, JSON array (icw-ip-agreement-parts.h) */
  properties[PROP_BACKGROUND_IP] =
    g_param_spec_string ("background-ip", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_agreement_party_init (IcwAgreementParty *self)
{
}

IcwAgreementParty *
icw_agreement_party_new (void)
{
  return g_object_new (ICW_TYPE_AGREEMENT_PARTY, NULL);
}
