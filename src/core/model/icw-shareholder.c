/* icw-shareholder.c: a shareholder (股东) of a center's host company.
 * A plain value object: the store loads, validates and saves it. */
#include "config.h"

#include "icw-shareholder.h"

struct _IcwShareholder
{
  IcwRecord parent_instance;

  char *center_id;
  char *organization_id;
  IcwContribution contribution;
  gint64 amount_fen;
  gint64 share_bp;
};

G_DEFINE_FINAL_TYPE (IcwShareholder, icw_shareholder, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CENTER_ID,
  PROP_ORGANIZATION_ID,
  PROP_CONTRIBUTION,
  PROP_AMOUNT_FEN,
  PROP_SHARE_BP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_shareholder_get_center_id (IcwShareholder *self)
{
  g_return_val_if_fail (ICW_IS_SHAREHOLDER (self), NULL);
  return self->center_id;
}

void
icw_shareholder_set_center_id (IcwShareholder *self,
                              const char *value)
{
  g_return_if_fail (ICW_IS_SHAREHOLDER (self));

  if (icw_set_str (&self->center_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_ID]);
}

const char *
icw_shareholder_get_organization_id (IcwShareholder *self)
{
  g_return_val_if_fail (ICW_IS_SHAREHOLDER (self), NULL);
  return self->organization_id;
}

void
icw_shareholder_set_organization_id (IcwShareholder *self,
                                    const char *value)
{
  g_return_if_fail (ICW_IS_SHAREHOLDER (self));

  if (icw_set_str (&self->organization_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

IcwContribution 
icw_shareholder_get_contribution (IcwShareholder *self)
{
  g_return_val_if_fail (ICW_IS_SHAREHOLDER (self), 0);
  return self->contribution;
}

void
icw_shareholder_set_contribution (IcwShareholder *self,
                                 IcwContribution value)
{
  g_return_if_fail (ICW_IS_SHAREHOLDER (self));

  g_return_if_fail ((guint) value < ICW_N_CONTRIBUTIONS);
  if (self->contribution != value)
    {
      self->contribution = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRIBUTION]);
    }
}

gint64 
icw_shareholder_get_amount_fen (IcwShareholder *self)
{
  g_return_val_if_fail (ICW_IS_SHAREHOLDER (self), 0);
  return self->amount_fen;
}

void
icw_shareholder_set_amount_fen (IcwShareholder *self,
                               gint64 value)
{
  g_return_if_fail (ICW_IS_SHAREHOLDER (self));

  if (self->amount_fen != value)
    {
      self->amount_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_FEN]);
    }
}

gint64 
icw_shareholder_get_share_bp (IcwShareholder *self)
{
  g_return_val_if_fail (ICW_IS_SHAREHOLDER (self), 0);
  return self->share_bp;
}

void
icw_shareholder_set_share_bp (IcwShareholder *self,
                             gint64 value)
{
  g_return_if_fail (ICW_IS_SHAREHOLDER (self));

  if (self->share_bp != value)
    {
      self->share_bp = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE_BP]);
    }
}

static void
icw_shareholder_finalize (GObject *object)
{
  IcwShareholder *self = ICW_SHAREHOLDER (object);

  g_clear_pointer (&self->center_id, g_free);
  g_clear_pointer (&self->organization_id, g_free);

  G_OBJECT_CLASS (icw_shareholder_parent_class)->finalize (object);
}

static void
icw_shareholder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IcwShareholder *self = ICW_SHAREHOLDER (object);

  switch (prop_id)
    {
    case PROP_CENTER_ID:
      g_value_set_string (value, self->center_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_CONTRIBUTION:
      g_value_set_uint (value, self->contribution);
      break;

    case PROP_AMOUNT_FEN:
      g_value_set_int64 (value, self->amount_fen);
      break;

    case PROP_SHARE_BP:
      g_value_set_int64 (value, self->share_bp);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_shareholder_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IcwShareholder *self = ICW_SHAREHOLDER (object);

  switch (prop_id)
    {
    case PROP_CENTER_ID:
      icw_shareholder_set_center_id (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION_ID:
      icw_shareholder_set_organization_id (self, g_value_get_string (value));
      break;

    case PROP_CONTRIBUTION:
      icw_shareholder_set_contribution (self, (IcwContribution) g_value_get_uint (value));
      break;

    case PROP_AMOUNT_FEN:
      icw_shareholder_set_amount_fen (self, g_value_get_int64 (value));
      break;

    case PROP_SHARE_BP:
      icw_shareholder_set_share_bp (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_shareholder_class_init (IcwShareholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_shareholder_finalize;
  object_class->get_property = icw_shareholder_get_property;
  object_class->set_property = icw_shareholder_set_property;

  /* Center */
  properties[PROP_CENTER_ID] =
    g_param_spec_string ("center-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Organization */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Contribution */
  properties[PROP_CONTRIBUTION] =
    g_param_spec_uint ("contribution", NULL, NULL, 0, ICW_N_CONTRIBUTIONS - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Amount, fen */
  properties[PROP_AMOUNT_FEN] =
    g_param_spec_int64 ("amount-fen", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Share, basis points */
  properties[PROP_SHARE_BP] =
    g_param_spec_int64 ("share-bp", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_shareholder_init (IcwShareholder *self)
{
}

IcwShareholder *
icw_shareholder_new (void)
{
  return g_object_new (ICW_TYPE_SHAREHOLDER, NULL);
}
