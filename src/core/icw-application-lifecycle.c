/* icw-application-lifecycle.c: the transitions of an application's status, reopening as a new
 * version, and the comparison of two versions. The store enforces the same graph; these functions
 * add what the store cannot know: that the check found no errors before "ready", that a return
 * says why. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-check.h"
#include "icw-application-lifecycle.h"
#include "icw-application-parts.h"
#include "icw-attachment.h"
#include "icw-error.h"

gboolean
icw_application_status_is_locked (IcwApplicationStatus status)
{
  return status == ICW_APPLICATION_STATUS_SUBMITTED || status == ICW_APPLICATION_STATUS_RETURNED ||
         status == ICW_APPLICATION_STATUS_ACCEPTED;
}

gboolean
icw_application_status_can_change (IcwApplicationStatus from,
                                   IcwApplicationStatus to)
{
  if (from == to)
    return TRUE;
  switch (from)
    {
    case ICW_APPLICATION_STATUS_DRAFT:
      return to == ICW_APPLICATION_STATUS_READY;
    case ICW_APPLICATION_STATUS_READY:
      return to == ICW_APPLICATION_STATUS_DRAFT || to == ICW_APPLICATION_STATUS_SUBMITTED;
    case ICW_APPLICATION_STATUS_SUBMITTED:
      return to == ICW_APPLICATION_STATUS_RETURNED || to == ICW_APPLICATION_STATUS_ACCEPTED;
    case ICW_APPLICATION_STATUS_RETURNED:
    case ICW_APPLICATION_STATUS_ACCEPTED:
    default:
      return FALSE;
    }
}

gboolean
icw_application_is_editable (IcwApplication *application)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  return !icw_application_status_is_locked (icw_application_get_status (application));
}

/* Sets the status (and the comments, when given) and saves; on failure both are as they were. */
static gboolean
transition (IcwStore              *store,
            IcwApplication        *application,
            IcwApplicationStatus   to,
            const char            *comments,
            GError               **error)
{
  IcwApplicationStatus from = icw_application_get_status (application);
  g_autofree char *old_comments = g_strdup (icw_application_get_reviewer_comments (application));

  icw_application_set_status (application, to);
  if (comments != NULL)
    icw_application_set_reviewer_comments (application, comments);
  if (icw_store_save (store, ICW_RECORD (application), error))
    return TRUE;
  icw_application_set_status (application, from);
  icw_application_set_reviewer_comments (application, old_comments);
  return FALSE;
}

static gboolean
expect_status (IcwApplication        *application,
               IcwApplicationStatus   expected,
               const char            *message,
               GError               **error)
{
  if (icw_application_get_status (application) == expected)
    return TRUE;
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, message);
  return FALSE;
}

gboolean
icw_application_mark_ready (IcwStore        *store,
                            IcwApplication  *application,
                            GPtrArray       *packs,
                            GDateTime       *today,
                            GError         **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  guint errors;

  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);

  if (icw_application_get_status (application) == ICW_APPLICATION_STATUS_READY)
    return TRUE;
  if (!expect_status (application, ICW_APPLICATION_STATUS_DRAFT,
                      _("Only a draft can be marked ready to submit."), error))
    return FALSE;
  findings = icw_application_check (store, application, packs, today, error);
  if (findings == NULL)
    return FALSE;
  errors = icw_findings_count (findings, ICW_SEVERITY_ERROR);
  if (errors > 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   ngettext ("The application is not ready: the check found %u error. Correct it and check again.",
                             "The application is not ready: the check found %u errors. Correct them and check again.",
                             errors),
                   errors);
      return FALSE;
    }
  return transition (store, application, ICW_APPLICATION_STATUS_READY, NULL, error);
}

gboolean
icw_application_mark_draft (IcwStore        *store,
                            IcwApplication  *application,
                            GError         **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);

  if (icw_application_get_status (application) == ICW_APPLICATION_STATUS_DRAFT)
    return TRUE;
  return expect_status (application, ICW_APPLICATION_STATUS_READY,
                        _("Only an application that is ready to submit can go back to being a draft."), error) &&
         transition (store, application, ICW_APPLICATION_STATUS_DRAFT, NULL, error);
}

gboolean
icw_application_submit (IcwStore        *store,
                        IcwApplication  *application,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);

  return expect_status (application, ICW_APPLICATION_STATUS_READY,
                        _("Only an application that is ready can be submitted: check it and mark it ready first."), error) &&
         transition (store, application, ICW_APPLICATION_STATUS_SUBMITTED, NULL, error);
}

gboolean
icw_application_return (IcwStore        *store,
                        IcwApplication  *application,
                        const char      *comments,
                        GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (comments != NULL ? comments : ""));

  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);

  if (!expect_status (application, ICW_APPLICATION_STATUS_SUBMITTED,
                      _("Only a submitted application can be returned."), error))
    return FALSE;
  if (*stripped == '\0')
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Reviewer's comments: say why the application is returned."));
      return FALSE;
    }
  return transition (store, application, ICW_APPLICATION_STATUS_RETURNED, comments, error);
}

gboolean
icw_application_accept (IcwStore        *store,
                        IcwApplication  *application,
                        const char      *comments,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);

  return expect_status (application, ICW_APPLICATION_STATUS_SUBMITTED,
                        _("Only a submitted application can be accepted."), error) &&
         transition (store, application, ICW_APPLICATION_STATUS_ACCEPTED, comments, error);
}

/* The highest live version of the application's lineage. */
static int
latest_version (IcwStore       *store,
                IcwApplication *application)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  int latest = icw_application_get_version (application);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwApplication) other = g_list_model_get_item (list, i);

      if (g_strcmp0 (icw_application_get_lineage_id (other), icw_application_get_lineage_id (application)) == 0)
        latest = MAX (latest, icw_application_get_version (other));
    }
  return latest;
}

/* A copy of every property of the application's own (not the record's identity and times). */
static IcwApplication *
copy_application (IcwApplication *application)
{
  IcwApplication *copy = icw_application_new ();
  guint n;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (application), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (specs[i]->owner_type != ICW_TYPE_APPLICATION)
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (application), specs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), specs[i]->name, &value);
    }
  return copy;
}

static gboolean
copy_attachments (IcwStore        *store,
                  IcwApplication  *from,
                  IcwApplication  *to,
                  GError         **error)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT,
                                               icw_record_get_id (ICW_RECORD (from)));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwAttachment) attachment = g_list_model_get_item (list, i);
      g_autoptr(GBytes) content = icw_store_attachment_content (store, icw_record_get_id (ICW_RECORD (attachment)), error);
      g_autoptr(IcwAttachment) copy = NULL;

      if (content == NULL)
        return FALSE;
      copy = icw_store_add_attachment (store, to, icw_attachment_get_name (attachment),
                                       icw_attachment_get_kind (attachment), content, error);
      if (copy == NULL)
        return FALSE;
    }
  return TRUE;
}

IcwApplication *
icw_application_reopen (IcwStore        *store,
                        IcwApplication  *application,
                        GError         **error)
{
  IcwApplicationStatus status;
  g_autoptr(IcwApplication) copy = NULL;
  int latest;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  status = icw_application_get_status (application);
  if (status != ICW_APPLICATION_STATUS_RETURNED && status != ICW_APPLICATION_STATUS_ACCEPTED)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Only a returned or accepted application can be reopened as a new version."));
      return NULL;
    }
  latest = latest_version (store, application);
  if (latest > icw_application_get_version (application))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Only the latest version can be reopened: version %d exists."), latest);
      return NULL;
    }

  copy = copy_application (application);
  icw_application_set_version (copy, icw_application_get_version (application) + 1);
  icw_application_set_status (copy, ICW_APPLICATION_STATUS_DRAFT);
  if (!icw_store_begin_batch (store, error))
    return NULL;
  if (!icw_store_save (store, ICW_RECORD (copy), error) ||
      !copy_attachments (store, application, copy, error))
    {
      icw_store_rollback_batch (store);
      return NULL;
    }
  if (!icw_store_commit_batch (store, error))
    return NULL;
  return g_steal_pointer (&copy);
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
