/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-lifecycle.c: an application's life cycle, which is the one every filed document
 * shares (icw-lifecycle.c), what a new version of an application copies (its attachments), and
 * the comparison of two versions section by section. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-lifecycle.h"
#include "icw-application-parts.h"
#include "icw-attachment.h"
#include "icw-error.h"
#include "icw-lifecycle.h"

gboolean
icw_application_status_is_locked (IcwApplicationStatus status)
{
  return icw_lifecycle_status_is_locked (status);
}

gboolean
icw_application_status_can_change (IcwApplicationStatus from,
                                   IcwApplicationStatus to)
{
  return icw_lifecycle_status_can_change (from, to);
}

gboolean
icw_application_is_editable (IcwApplication *application)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return icw_lifecycle_is_editable (ICW_RECORD (application));
}

gboolean
icw_application_mark_ready (IcwStore        *store,
                            IcwApplication  *application,
                            GPtrArray       *packs,
                            GDateTime       *today,
                            GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return icw_lifecycle_mark_ready (store, ICW_RECORD (application), packs, today, error);
}

gboolean
icw_application_mark_draft (IcwStore        *store,
                            IcwApplication  *application,
                            GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return icw_lifecycle_mark_draft (store, ICW_RECORD (application), error);
}

gboolean
icw_application_submit (IcwStore        *store,
                        IcwApplication  *application,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return icw_lifecycle_submit (store, ICW_RECORD (application), error);
}

gboolean
icw_application_return (IcwStore        *store,
                        IcwApplication  *application,
                        const char      *comments,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return icw_lifecycle_return (store, ICW_RECORD (application), comments, error);
}

gboolean
icw_application_accept (IcwStore        *store,
                        IcwApplication  *application,
                        const char      *comments,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return icw_lifecycle_accept (store, ICW_RECORD (application), comments, error);
}

IcwApplication *
icw_application_reopen (IcwStore        *store,
                        IcwApplication  *application,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);
  return ICW_APPLICATION (icw_lifecycle_reopen (store, ICW_RECORD (application), error));
}

gboolean
icw_application_copy_attachments (IcwStore   *store,
                                  IcwRecord  *from,
                                  IcwRecord  *to,
                                  GError    **error)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT,
                                               icw_record_get_id (from));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwAttachment) attachment = g_list_model_get_item (list, i);
      g_autoptr(GBytes) content = icw_store_attachment_content (store, icw_record_get_id (ICW_RECORD (attachment)), error);
      g_autoptr(IcwAttachment) copy = NULL;

      if (content == NULL)
        return FALSE;
      copy = icw_store_add_attachment (store, ICW_APPLICATION (to), icw_attachment_get_name (attachment),
                                       icw_attachment_get_kind (attachment), content, error);
      if (copy == NULL)
        return FALSE;
    }
  return TRUE;
}

static char *
describe_attachments (IcwStore       *store,
                      IcwApplication *application)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT,
                                               icw_record_get_id (ICW_RECORD (application)));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwAttachment) attachment = g_list_model_get_item (list, i);
      g_autofree char *size = g_format_size_full (icw_attachment_get_size (attachment), G_FORMAT_SIZE_IEC_UNITS);

      /* TRANSLATORS: an attachment: its file name, kind, size and SHA-256 checksum */
      g_string_append_printf (out, _("%s (%s, %s, SHA-256 %s)"), icw_attachment_get_name (attachment),
                              icw_attachment_kind_to_label (icw_attachment_get_kind (attachment)), size,
                              icw_attachment_get_sha256 (attachment));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
icw_application_describe_section (IcwStore       *store,
                                  IcwApplication *application,
                                  IcwSection      section)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || ICW_IS_STORE (store), NULL);

  if (icw_section_get_form (section) == ICW_SECTION_FORM_ATTACHMENTS)
    return store != NULL && icw_record_get_id (ICW_RECORD (application)) != NULL
           ? describe_attachments (store, application) : NULL;
  return icw_application_describe_part (application, section);
}

void
icw_section_comparison_free (IcwSectionComparison *comparison)
{
  g_free (comparison->text_a);
  g_free (comparison->text_b);
  g_free (comparison);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

static gboolean
section_changed (IcwApplication       *a,
                 IcwApplication       *b,
                 IcwSectionComparison *comparison)
{
  IcwSectionForm form = icw_section_get_form (comparison->section);
  g_autofree char *raw_a = NULL;
  g_autofree char *raw_b = NULL;
  g_autofree char *canonical_a = NULL;
  g_autofree char *canonical_b = NULL;

  if (form != ICW_SECTION_FORM_LIST && form != ICW_SECTION_FORM_TASKS)
    return !same_text (comparison->text_a, comparison->text_b);
  raw_a = icw_application_get_section_text (a, comparison->section);
  raw_b = icw_application_get_section_text (b, comparison->section);
  canonical_a = icw_application_part_canonical (comparison->section, raw_a);
  canonical_b = icw_application_part_canonical (comparison->section, raw_b);
  return !same_text (canonical_a, canonical_b);
}

GPtrArray *
icw_application_compare (IcwStore       *store,
                         IcwApplication *a,
                         IcwApplication *b)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_section_comparison_free);

  g_return_val_if_fail (store == NULL || ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (a), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (b), NULL);

  for (guint s = 0; s < ICW_N_SECTIONS; s++)
    {
      IcwSectionComparison *comparison;

      if (s == ICW_SECTION_REGISTERS || (s == ICW_SECTION_ATTACHMENTS && store == NULL))
        continue;
      comparison = g_new0 (IcwSectionComparison, 1);
      comparison->section = (IcwSection) s;
      comparison->key = icw_section_to_key (s);
      comparison->title = icw_section_get_title (s);
      comparison->text_a = icw_application_describe_section (store, a, s);
      comparison->text_b = icw_application_describe_section (store, b, s);
      comparison->changed = section_changed (a, b, comparison);
      g_ptr_array_add (sections, comparison);
    }
  return sections;
}
