/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-pull-page.c: a pull page read in place, without a tree (icw-sync-pull-page.h). It takes
 * the pages the tree's strict parse (icw_sync_json_parse_object) and the validator take, and
 * refuses the others with their messages. The text is walked once with icw-json-reader.h (its
 * syntax checked as it goes), its escapes checked once (anywhere, as the tree checks them): the
 * envelope's members and each change's kind, ID, revision and deletion are taken out and checked
 * as icw_sync_json_validate_pull_response checks a parsed page, and each change's record is kept as
 * the byte range of the page it came as, for the store to bind in place. The client acts on none
 * of a page until all of it passed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-sync-error.h"
#include "icw-sync-json.h"
#include "icw-sync-pull-page.h"

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

/* The members of the change the walk just reached (an object, entered here) and of its record,
 * in the same pass. FALSE when the text is not JSON; a change that is not valid gets *invalid (the
 * first such error of the page), as icw_sync_json_validate_record (…, TRUE, …) would say it. */
static gboolean
read_change (IcwJsonIter      *changes,
             IcwJsonValue     *value,
             IcwPulledChange  *change,
             GError          **invalid_change)
{
  IcwJsonValue kind = { ICW_JSON_NULL, }, id = { ICW_JSON_NULL, }, revision = { ICW_JSON_NULL, };
  IcwJsonValue deleted = { ICW_JSON_NULL, }, inner_id = { ICW_JSON_NULL, }, record = { ICW_JSON_NULL, };
  IcwJsonValue name, member;
  IcwJsonIter iter, inner;
  g_autofree char *record_id = NULL;
  GError *error = NULL;
  int more;

  if (value->type != ICW_JSON_OBJECT)
    {
      if (*invalid_change == NULL)
        invalid (invalid_change, _("A change is not a JSON object"));
      return TRUE;
    }
  change->change = *value;
  if (!icw_json_iter_enter (changes, &iter))
    return FALSE;
  while ((more = icw_json_iter_next (&iter, &name, &member)) > 0)
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
          record = member;
          inner_id.type = ICW_JSON_NULL;
          if (member.type == ICW_JSON_OBJECT)
            {
              /* Its "id", in the same pass; its end is known once it is walked. */
              IcwJsonValue inner_name, inner_member;
              int inner_more;

              if (!icw_json_iter_enter (&iter, &inner))
                return FALSE;
              while ((inner_more = icw_json_iter_next (&inner, &inner_name, &inner_member)) > 0)
                if (name_is (&inner_name, "id"))
                  inner_id = inner_member;
              if (inner_more < 0)
                return FALSE;
              icw_json_iter_leave (&iter, &inner, &record);
            }
        }
    }
  if (more < 0)
    return FALSE;
  icw_json_iter_leave (changes, &iter, &change->change);
  change->record = record;
  if (*invalid_change != NULL)
    return TRUE;
  if ((change->kind = take_string (&kind, "kind", ICW_SYNC_JSON_MAX_KIND, &error)) == NULL ||
      (change->id = take_string (&id, "id", ICW_SYNC_JSON_MAX_ID, &error)) == NULL)
    goto bad;
  if (record.type != ICW_JSON_OBJECT)
    {
      g_set_error (&error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not an object"), "record");
      goto bad;
    }
  if ((change->revision = take_string (&revision, "revision", ICW_SYNC_JSON_MAX_REVISION, &error)) == NULL)
    goto bad;
  if (deleted.type != ICW_JSON_TRUE && deleted.type != ICW_JSON_FALSE)
    {
      g_set_error (&error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not true or false"), "deleted");
      goto bad;
    }
  change->deleted = deleted.type == ICW_JSON_TRUE;
  if ((record_id = take_string (&inner_id, "id", ICW_SYNC_JSON_MAX_ID, &error)) == NULL)
    goto bad;
  if (!g_str_equal (record_id, change->id))
    {
      invalid (&error, _("A record's “id” is not the ID of its change"));
      goto bad;
    }
  return TRUE;

bad:
  *invalid_change = error;
  return TRUE;
}

/* The page's error: what the tree's check says when the text is not JSON or holds an escape that
 * stands for no text (it says it as it would have before the rest of the page was looked at),
 * else the validator's. */
static IcwPullPage *
refuse (const char  *data,
        gsize        length,
        GError      *invalid_page,
        GError     **error)
{
  if (!icw_sync_json_check_as_tree (data, length, ICW_SYNC_JSON_MAX_BODY * 2, error))
    {
      g_clear_error (&invalid_page);
      return NULL;
    }
  if (invalid_page != NULL)
    g_propagate_error (error, invalid_page);
  else
    g_set_error_literal (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The JSON is not an object"));
  return NULL;
}

IcwPullPage *
icw_sync_pull_page_read (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(IcwPullPage) page = g_new0 (IcwPullPage, 1);
  IcwJsonValue name, member, cursor = { ICW_JSON_NULL, }, has_more = { ICW_JSON_NULL, };
  IcwJsonType changes_type = ICW_JSON_NULL;
  IcwJsonIter iter;
  GError *invalid_change = NULL;
  GError *invalid_page = NULL;
  int more;

  G_STATIC_ASSERT (ICW_JSON_READER_MAX_STRING == ICW_SYNC_JSON_MAX_STRING);
  G_STATIC_ASSERT (ICW_JSON_READER_MAX_DEPTH == ICW_SYNC_JSON_MAX_DEPTH);

  page->changes = g_array_new (FALSE, TRUE, sizeof (IcwPulledChange));
  g_array_set_clear_func (page->changes, (GDestroyNotify) clear_change);
  /* What the strict check checks first: the size, then UTF-8, once over the whole text. */
  if (length > ICW_SYNC_JSON_MAX_BODY * 2 || (length > 0 && !g_utf8_validate_len (data, length, NULL)))
    return refuse (data, length, NULL, error);
  /* One pass: the envelope, each change and its record; the syntax is checked as it goes. */
  if (!icw_json_iter_init_text (&iter, data, length) || !iter.object)
    return refuse (data, length, NULL, error);
  while ((more = icw_json_iter_next (&iter, &name, &member)) > 0)
    {
      if (name_is (&name, "changes"))
        {
          IcwJsonIter changes;
          IcwJsonValue element;
          int more_changes;

          /* A member named twice counts once, the last time, as in a parsed object. */
          changes_type = member.type;
          g_array_set_size (page->changes, 0);
          g_clear_error (&invalid_change);
          if (member.type != ICW_JSON_ARRAY)
            continue;
          if (!icw_json_iter_enter (&iter, &changes))
            return refuse (data, length, NULL, error);
          while ((more_changes = icw_json_iter_next (&changes, NULL, &element)) > 0)
            {
              g_array_set_size (page->changes, page->changes->len + 1);
              if (!read_change (&changes, &element,
                                &g_array_index (page->changes, IcwPulledChange, page->changes->len - 1),
                                &invalid_change))
                {
                  g_clear_error (&invalid_change);
                  return refuse (data, length, NULL, error);
                }
            }
          if (more_changes < 0)
            {
              g_clear_error (&invalid_change);
              return refuse (data, length, NULL, error);
            }
          icw_json_iter_leave (&iter, &changes, NULL);
        }
      else if (name_is (&name, "cursor"))
        cursor = member;
      else if (name_is (&name, "has_more"))
        has_more = member;
    }
  /* A string the walk skipped or copied out, a member's name or a value, that stands for no text
   * (a lone surrogate, \u0000): the tree refuses the page for it before it looks at any member. */
  if (more < 0 || !icw_json_iter_at_end (&iter) || !icw_json_escapes_stand_for_text (data, data + length))
    {
      g_clear_error (&invalid_change);
      return refuse (data, length, NULL, error);
    }

  /* The validator's checks, in its order. */
  if (changes_type != ICW_JSON_ARRAY)
    g_set_error (&invalid_page, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                 _("The member “%s” is missing or is not an array"), "changes");
  else if ((page->cursor = take_string (&cursor, "cursor", ICW_SYNC_JSON_MAX_REVISION, &invalid_page)) == NULL)
    ;
  else if (has_more.type != ICW_JSON_TRUE && has_more.type != ICW_JSON_FALSE)
    g_set_error (&invalid_page, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                 _("The member “%s” is missing or is not true or false"), "has_more");
  if (invalid_page == NULL && invalid_change != NULL)
    invalid_page = g_steal_pointer (&invalid_change);
  g_clear_error (&invalid_change);
  if (invalid_page != NULL)
    {
      g_propagate_error (error, invalid_page);
      return NULL;
    }
  page->has_more = has_more.type == ICW_JSON_TRUE;
  return g_steal_pointer (&page);
}
