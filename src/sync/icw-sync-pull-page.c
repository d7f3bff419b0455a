/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-pull-page.c: a pull page read in place, without a tree (icw-sync-pull-page.h). The
 * page's text passes the same strict check as every answer (icw_sync_json_check), then is walked
 * once with icw-json-reader.h: the envelope's members and each change's kind, ID, revision and
 * deletion are taken out and checked as icw_sync_json_validate_pull_response checks a parsed page,
 * and each change's record is kept as the byte range of the page it came as, for the store to bind
 * in place. The client acts on none of a page until all of it passed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-sync-error.h"
#include "icw-sync-json.h"
#include "icw-sync-pull-page.h"

#define MAX_ID 128
#define MAX_REVISION 128
#define MAX_KIND 64

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
not_string (GError    **error,
            const char *member)
{
  g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
               _("The member “%s” is missing or is not a string"), member);
  return FALSE;
}

/* A string member (value, or type ICW_JSON_NULL when absent) of at most max_length bytes, copied
 * out; NULL with the validator's message otherwise. */
static char *
take_string (const IcwJsonValue *value,
             const char         *member,
             gsize               max_length,
             GError            **error)
{
  char *text;

  if (value->type != ICW_JSON_STRING || (text = icw_json_string_dup (value)) == NULL)
    {
      not_string (error, member);
      return NULL;
    }
  if (strlen (text) > max_length)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is longer than %lu bytes"), member, (unsigned long) max_length);
      g_free (text);
      return NULL;
    }
  return text;
}

static void
clear_change (IcwPulledChange *change)
{
  g_free (change->kind);
  g_free (change->id);
  g_free (change->revision);
}

void
icw_sync_pull_page_free (IcwPullPage *page)
{
  g_array_unref (page->changes);
  g_free (page->cursor);
  g_free (page);
}

static gboolean
name_is (const IcwJsonValue *name,
         const char         *text)
{
  return icw_json_string_equal (name, text);
}

/* One change, checked as icw_sync_json_validate_record (…, TRUE, …) checks it. */
static gboolean
read_change (const IcwJsonValue *value,
             IcwPulledChange    *change,
             GError            **error)
{
  IcwJsonValue kind = { ICW_JSON_NULL, }, id = { ICW_JSON_NULL, }, revision = { ICW_JSON_NULL, };
  IcwJsonValue deleted = { ICW_JSON_NULL, }, inner_id = { ICW_JSON_NULL, };
  IcwJsonValue name, member;
  IcwJsonIter iter;
  gboolean has_record = FALSE;
  g_autofree char *record_id = NULL;

  if (value->type != ICW_JSON_OBJECT)
    return invalid (error, _("A change is not a JSON object"));
  change->change = *value;
  icw_json_iter_init (&iter, value);
  while (icw_json_iter_next (&iter, &name, &member) > 0)
    {
      if (name_is (&name, "kind"))
        kind = member;
      else if (name_is (&name, "id"))
        id = member;
      else if (name_is (&name, "revision"))
        revision = member;
      else if (name_is (&name, "deleted"))
        deleted = member;
      else if (name_is (&name, "record"))
        {
          change->record = member;
          has_record = TRUE;
        }
    }
  if ((change->kind = take_string (&kind, "kind", MAX_KIND, error)) == NULL ||
      (change->id = take_string (&id, "id", MAX_ID, error)) == NULL)
    return FALSE;
  if (!has_record || change->record.type != ICW_JSON_OBJECT)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not an object"), "record");
      return FALSE;
    }
  if ((change->revision = take_string (&revision, "revision", MAX_REVISION, error)) == NULL)
    return FALSE;
  if (deleted.type != ICW_JSON_TRUE && deleted.type != ICW_JSON_FALSE)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not true or false"), "deleted");
      return FALSE;
    }
  change->deleted = deleted.type == ICW_JSON_TRUE;
  icw_json_iter_init (&iter, &change->record);
  while (icw_json_iter_next (&iter, &name, &member) > 0)
    if (name_is (&name, "id"))
      inner_id = member;
  if ((record_id = take_string (&inner_id, "id", MAX_ID, error)) == NULL)
    return FALSE;
  if (!g_str_equal (record_id, change->id))
    return invalid (error, _("A record's “id” is not the ID of its change"));
  return TRUE;
}

IcwPullPage *
icw_sync_pull_page_read (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(IcwPullPage) page = g_new0 (IcwPullPage, 1);
  IcwJsonValue root, name, member, changes = { ICW_JSON_NULL, }, cursor = { ICW_JSON_NULL, };
  IcwJsonValue has_more = { ICW_JSON_NULL, };
  IcwJsonIter iter;

  page->changes = g_array_new (FALSE, TRUE, sizeof (IcwPulledChange));
  g_array_set_clear_func (page->changes, (GDestroyNotify) clear_change);
  /* The same strict check as every answer: UTF-8, RFC 8259, the limits. */
  if (!icw_sync_json_check (data, length, ICW_SYNC_JSON_MAX_BODY * 2, error))
    return NULL;
  if (!icw_json_read_document (data, length, &root) || root.type != ICW_JSON_OBJECT)
    {
      invalid (error, _("The JSON is not an object"));
      return NULL;
    }
  icw_json_iter_init (&iter, &root);
  while (icw_json_iter_next (&iter, &name, &member) > 0)
    {
      if (name_is (&name, "changes"))
        changes = member;
      else if (name_is (&name, "cursor"))
        cursor = member;
      else if (name_is (&name, "has_more"))
        has_more = member;
    }
  if (changes.type != ICW_JSON_ARRAY)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not an array"), "changes");
      return NULL;
    }
  if ((page->cursor = take_string (&cursor, "cursor", MAX_REVISION, error)) == NULL)
    return NULL;
  if (has_more.type != ICW_JSON_TRUE && has_more.type != ICW_JSON_FALSE)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not true or false"), "has_more");
      return NULL;
    }
  page->has_more = has_more.type == ICW_JSON_TRUE;
  icw_json_iter_init (&iter, &changes);
  while (icw_json_iter_next (&iter, NULL, &member) > 0)
    {
      g_array_set_size (page->changes, page->changes->len + 1);
      if (!read_change (&member, &g_array_index (page->changes, IcwPulledChange, page->changes->len - 1), error))
        return NULL;
    }
  return g_steal_pointer (&page);
}
