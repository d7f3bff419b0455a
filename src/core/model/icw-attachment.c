/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-attachment.c: a supporting document of an application: its metadata. The content is not a
 * property: the store writes it once, when the file is added, and reads it on request. The
 * metadata are its fields in the field catalogue (icw-field-catalogue.c). */
#include "config.h"

#include "icw-attachment.h"

struct _IcwAttachment
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwAttachment, icw_attachment, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwAttachment, icw_attachment, ICW_IS_ATTACHMENT, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwAttachment, icw_attachment, ICW_IS_ATTACHMENT, CType, field, property)

TEXT_FIELD (application_id, "application-id")
TEXT_FIELD (name, "name")
NUMBER_FIELD (IcwAttachmentKind, kind, "kind")
NUMBER_FIELD (gint64, size, "size")
TEXT_FIELD (sha256, "sha256")
TEXT_FIELD (report_id, "report-id")
TEXT_FIELD (outline_item, "outline-item")

static void
icw_attachment_class_init (IcwAttachmentClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_ATTACHMENT);
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
