/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-record.c: a record's members read in place (icw-json-record.h). One pass of the
 * in-place reader over the record's text; names and strings without an escape ended in place in
 * one copy of the text (its closing quote made a NUL), the others unescaped into a chunk; lookups by
 * name start after the last member found, since the callers ask in the order records are
 * written (the table's columns). */
#include "config.h"

#include <string.h>

#include "icw-json-record.h"

struct _IcwJsonRecord {
  GArray       *members;   /* IcwJsonMember */
  char         *copy;      /* the text once more, each plain name's and string's end a NUL */
  const char   *text;      /* what copy copies */
  GStringChunk *chunk;     /* escaped names and strings; made at the first */
  char         *owned;     /* the text, when the record made it (icw_json_record_new_object) */
  guint         hint;      /* where the next lookup starts */
  guint64       seen[4];   /* a bit for each name's hash (name_bit): a name whose bit is clear is new */
};

/* A name's bit among the 256 of IcwJsonRecord.seen. */
static guint
name_bit (const char *name)
{
  guint hash = 5381;

  for (const char *p = name; *p != '\0'; p++)
    hash = hash * 33 + (guchar) *p;
  return hash & 255;
}

/* The string's text: in the copy when it has no escape, else in the chunk; NULL for a lone
 * surrogate or \u0000. */
static const char *
unescape (IcwJsonRecord      *record,
          const IcwJsonValue *value)
{
  g_autofree char *text = NULL;
  gsize length;
  const char *raw = icw_json_string_raw (value, &length);

  if (raw != NULL)
    {
      char *in_copy = record->copy + (raw - record->text);

      in_copy[length] = '\0';   /* the closing quote */
      return in_copy;
    }
  if ((text = icw_json_string_dup (value)) == NULL)
    return NULL;
  if (record->chunk == NULL)
    record->chunk = g_string_chunk_new (64);
  return g_string_chunk_insert (record->chunk, text);
}

static gboolean
named (const IcwJsonMember *member,
       const char          *name)
{
  return member->name != NULL && member->name[0] == name[0] && strcmp (member->name, name) == 0;
}

static gint
find (const IcwJsonRecord *record,
      const char          *name)
{
  const IcwJsonMember *members = (const IcwJsonMember *) (gpointer) record->members->data;
  guint n = record->members->len;
  guint hint = MIN (record->hint, n);

  for (guint i = hint; i < n; i++)
    if (named (&members[i], name))
      return i;
  for (guint i = 0; i < hint; i++)
    if (named (&members[i], name))
      return i;
  return -1;
}

IcwJsonRecord *
icw_json_record_new (const char *text,
                     gsize       length)
{
  g_autoptr(IcwJsonRecord) record = NULL;
  IcwJsonIter iter, child;
  IcwJsonValue name, value;
  int step;

  if (!icw_json_iter_init_text (&iter, text, length) || !iter.object)
    return NULL;
  record = g_new0 (IcwJsonRecord, 1);
  record->members = g_array_sized_new (FALSE, FALSE, sizeof (IcwJsonMember), 48);
  record->text = text;
  record->copy = g_malloc (length + 1);
  memcpy (record->copy, text, length);
  record->copy[length] = '\0';
  while ((step = icw_json_iter_next (&iter, &name, &value)) == 1)
    {
      IcwJsonMember member = { NULL, };
      gint existing;

      /* A container is walked whole, so that its end is known. */
      if (value.end == NULL)
        {
          IcwJsonValue inner_name, inner;
          int inner_step;

          if (!icw_json_iter_enter (&iter, &child))
            return NULL;
          while ((inner_step = icw_json_iter_next (&child, &inner_name, &inner)) == 1)
            ;
          if (inner_step < 0)
            return NULL;
          icw_json_iter_leave (&iter, &child, &value);
        }
      member.name = unescape (record, &name);
      member.value = value;
      member.bad_text = member.name == NULL;
      if (value.type == ICW_JSON_STRING)
        {
          member.string = unescape (record, &value);
          member.bad_text = member.bad_text || member.string == NULL;
        }
      else if (value.type == ICW_JSON_INTEGER && !icw_json_integer (&value, &member.integer))
        return NULL;
      /* A repeated name keeps its first place; only a name whose bit is set may be one. */
      existing = -1;
      if (member.name != NULL)
        {
          guint bit = name_bit (member.name);

          if (record->seen[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64)))
            existing = find (record, member.name);
          record->seen[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
      if (existing >= 0)
        g_array_index (record->members, IcwJsonMember, existing) = member;
      else
        g_array_append_val (record->members, member);
    }
  if (step < 0)
    return NULL;
  return g_steal_pointer (&record);
}

IcwJsonRecord *
icw_json_record_new_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  char *text = json_to_string (node, FALSE);
  IcwJsonRecord *record = icw_json_record_new (text, strlen (text));

  if (record == NULL)
    g_free (text);
  else
    record->owned = text;
  return record;
}

void
icw_json_record_free (IcwJsonRecord *record)
{
  if (record == NULL)
    return;
  g_array_unref (record->members);
  if (record->chunk != NULL)
    g_string_chunk_free (record->chunk);
  g_free (record->copy);
  g_free (record->owned);
  g_free (record);
}

guint
icw_json_record_size (const IcwJsonRecord *record)
{
  return record->members->len;
}

const IcwJsonMember *
icw_json_record_nth (const IcwJsonRecord *record,
                     guint                index)
{
  return &g_array_index (record->members, IcwJsonMember, index);
}

const IcwJsonMember *
icw_json_record_get (const IcwJsonRecord *record,
                     const char          *name)
{
  gint i = find (record, name);

  if (i < 0)
    return NULL;
  /* Not the record's content: where the next lookup starts. */
  ((IcwJsonRecord *) record)->hint = i + 1;
  return &g_array_index (record->members, IcwJsonMember, i);
}

const char *
icw_json_record_string (const IcwJsonRecord *record,
                        const char          *name)
{
  const IcwJsonMember *member = icw_json_record_get (record, name);

  return member != NULL ? member->string : NULL;
}

char *
icw_json_value_compact (const IcwJsonValue *value)
{
  g_autofree char *text = g_strndup (value->start, value->end - value->start);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

gboolean
icw_json_member_equal (const IcwJsonMember *a,
                       const IcwJsonMember *b)
{
  IcwJsonType ta = a->value.type, tb = b->value.type;

  if ((ta == ICW_JSON_INTEGER || ta == ICW_JSON_NUMBER) && (tb == ICW_JSON_INTEGER || tb == ICW_JSON_NUMBER))
    {
      if (ta == ICW_JSON_INTEGER && tb == ICW_JSON_INTEGER)
        return a->integer == b->integer;
      return g_ascii_strtod (a->value.start, NULL) == g_ascii_strtod (b->value.start, NULL);
    }
  if (ta != tb)
    return FALSE;
  switch (ta)
    {
    case ICW_JSON_STRING:
      return g_strcmp0 (a->string, b->string) == 0;
    case ICW_JSON_OBJECT:
    case ICW_JSON_ARRAY:
      {
        g_autofree char *ta_text = g_strndup (a->value.start, a->value.end - a->value.start);
        g_autofree char *tb_text = g_strndup (b->value.start, b->value.end - b->value.start);
        g_autoptr(JsonNode) na = json_from_string (ta_text, NULL);
        g_autoptr(JsonNode) nb = json_from_string (tb_text, NULL);

        return na != NULL && nb != NULL && json_node_equal (na, nb);
      }
    default:
      return TRUE;
    }
}
