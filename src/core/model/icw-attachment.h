/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-attachment.h: a supporting document (证明材料) of an application: a business licence, a
 * capital verification report, a platform certificate, a commitment letter. The file itself is kept
 * in the database; it is added with icw_store_add_attachment(), which checks its name and size, and
 * read back with icw_store_attachment_content(). */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_ATTACHMENT (icw_attachment_get_type ())

G_DECLARE_FINAL_TYPE (IcwAttachment, icw_attachment, ICW, ATTACHMENT, IcwRecord)

/* The rules a file must meet when it is added. */
#define ICW_ATTACHMENT_MAX_NAME_CHARS 80
#define ICW_ATTACHMENT_MAX_SIZE (G_GINT64_CONSTANT (20) * 1024 * 1024)

IcwAttachment *icw_attachment_new (void);
const char *icw_attachment_get_application_id (IcwAttachment *self);
void icw_attachment_set_application_id (IcwAttachment *self, const char *value);
/* Or, for an attachment of a report (its evidence, the financial audit), the report; then the
 * application is NULL. */
const char *icw_attachment_get_report_id (IcwAttachment *self);
void icw_attachment_set_report_id (IcwAttachment *self, const char *value);
const char *icw_attachment_get_name (IcwAttachment *self);
void icw_attachment_set_name (IcwAttachment *self, const char *value);
IcwAttachmentKind icw_attachment_get_kind (IcwAttachment *self);
void icw_attachment_set_kind (IcwAttachment *self, IcwAttachmentKind value);
gint64 icw_attachment_get_size (IcwAttachment *self);
void icw_attachment_set_size (IcwAttachment *self, gint64 value);
const char *icw_attachment_get_sha256 (IcwAttachment *self);
void icw_attachment_set_sha256 (IcwAttachment *self, const char *value);
/* The key of the call outline's attachment item (icw-outline.h) the file fulfils, or NULL. */
const char *icw_attachment_get_outline_item (IcwAttachment *self);
void icw_attachment_set_outline_item (IcwAttachment *self, const char *value);

G_END_DECLS
