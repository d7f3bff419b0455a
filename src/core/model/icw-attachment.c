/* icw-attachment.c: a supporting document of an application: its metadata. The content is not a
 * property: the store writes it once, when the file is added, and reads it on request. */
#include "config.h"

#include "icw-attachment.h"

struct _IcwAttachment
{
  IcwRecord parent_instance;

  char *application_id;
  char *name;
  IcwAttachmentKind kind;
  gint64 size;
  char *sha256;
};

G_DEFINE_FINAL_TYPE (IcwAttachment, icw_attachment, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_APPLICATION_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_SIZE,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_attachment_get_application_id (IcwAttachment *self)
{
  g_return_val_if_fail (ICW_IS_ATTACHMENT (self), NULL);
  return self->application_id;
}

void
icw_attachment_set_application_id (IcwAttachment *self,
                                   const char    *value)
{
  g_return_if_fail (ICW_IS_ATTACHMENT (self));

  if (icw_set_str (&self->application_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION_ID]);
}

const char *
icw_attachment_get_name (IcwAttachment *self)
{
  g_return_val_if_fail (ICW_IS_ATTACHMENT (self), NULL);
  return self->name;
}

void
icw_attachment_set_name (IcwAttachment *self,
                         const char    *value)
{
  g_return_if_fail (ICW_IS_ATTACHMENT (self));

  if (icw_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

IcwAttachmentKind
icw_attachment_get_kind (IcwAttachment *self)
{
  g_return_val_if_fail (ICW_IS_ATTACHMENT (self), 0);
  return self->kind;
}

void
icw_attachment_set_kind (IcwAttachment     *self,
                         IcwAttachmentKind  value)
{
  g_return_if_fail (ICW_IS_ATTACHMENT (self));
  g_return_if_fail ((guint) value < ICW_N_ATTACHMENT_KINDS);

  if (self->kind != value)
    {
      self->kind = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

gint64
icw_attachment_get_size (IcwAttachment *self)
{
  g_return_val_if_fail (ICW_IS_ATTACHMENT (self), 0);
  return self->size;
}

void
icw_attachment_set_size (IcwAttachment *self,
                         gint64         value)
{
  g_return_if_fail (ICW_IS_ATTACHMENT (self));

  if (self->size != value)
    {
      self->size = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
}

const char *
icw_attachment_get_sha256 (IcwAttachment *self)
{
  g_return_val_if_fail (ICW_IS_ATTACHMENT (self), NULL);
  return self->sha256;
}

void
icw_attachment_set_sha256 (IcwAttachment *self,
                           const char    *value)
{
  g_return_if_fail (ICW_IS_ATTACHMENT (self));

  if (icw_set_str (&self->sha256, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

static void
icw_attachment_finalize (GObject *object)
{
  IcwAttachment *self = ICW_ATTACHMENT (object);

  g_clear_pointer (&self->application_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (icw_attachment_parent_class)->finalize (object);
}

static void
icw_attachment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IcwAttachment *self = ICW_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_ID:
      g_value_set_string (value, self->application_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_attachment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IcwAttachment *self = ICW_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_ID:
      icw_attachment_set_application_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      icw_attachment_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      icw_attachment_set_kind (self, (IcwAttachmentKind) g_value_get_uint (value));
      break;

    case PROP_SIZE:
      icw_attachment_set_size (self, g_value_get_int64 (value));
      break;

    case PROP_SHA256:
      icw_attachment_set_sha256 (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_attachment_class_init (IcwAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_attachment_finalize;
  object_class->get_property = icw_attachment_get_property;
  object_class->set_property = icw_attachment_set_property;

  /* The application it supports */
  properties[PROP_APPLICATION_ID] =
    g_param_spec_string ("application-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* File name, with its extension */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Licence, capital verification, platform certificate, commitment letter or other */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, ICW_N_ATTACHMENT_KINDS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Size of the file, bytes */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* SHA-256 of the file, lower-case hexadecimal */
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_attachment_init (IcwAttachment *self)
{
}

IcwAttachment *
icw_attachment_new (void)
{
  return g_object_new (ICW_TYPE_ATTACHMENT, NULL);
}
