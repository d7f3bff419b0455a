/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-store.c: what the two storage implementations share (icw-sync-server-store.h),
 * and the server's storage calls over them: tokens issued, listed and revoked, the purges, and
 * the thin icw_server_db_* functions the request handlers call. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-sync-province.h"
#include "icw-sync-server-private.h"

void
icw_server_token_free (IcwServerToken *token)
{
  g_free (token->hash);
  g_free (token->center_id);
  g_free (token->province);
  g_free (token);
}

void
icw_server_record_free (IcwServerRecord *record)
{
  g_free (record->id);
  g_free (record->kind);
  g_free (record->center_id);
  if (!record->payload_borrowed)
    g_free (record->payload);
  g_free (record->review);
  g_free (record->province);
  g_free (record);
}

IcwServerRecord *
icw_server_record_copy (const IcwServerRecord *record)
{
  IcwServerRecord *copy = g_new0 (IcwServerRecord, 1);

  copy->id = g_strdup (record->id);
  copy->kind = g_strdup (record->kind);
  copy->center_id = g_strdup (record->center_id);
  copy->seq = record->seq;
  copy->deleted = record->deleted;
  copy->payload = g_strdup (record->payload);
  copy->review = g_strdup (record->review);
  copy->province = g_strdup (record->province);
  return copy;
}

void
icw_sync_token_info_free (IcwSyncTokenInfo *info)
{
  g_free (info->hash);
  g_free (info->role);
  g_free (info->scope);
  g_free (info->created_at);
  g_free (info);
}

gboolean
icw_server_store_is_postgresql (const char *location)
{
  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* A conninfo: "keyword=value" pairs; a file's path never starts with a keyword and '='. */
  return g_regex_match_simple ("^\\s*(host|hostaddr|port|dbname|user|service)\\s*=", location, 0, 0);
}

gboolean
icw_sync_server_location_is_postgresql (const char *location)
{
  return icw_server_store_is_postgresql (location);
}

void
icw_server_store_close (IcwServerStore *store)
{
  if (store != NULL)
    store->klass->close (store);
}

static char *
hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

char *
icw_sync_server_add_token (IcwSyncServer  *self,
                           const char     *role,
                           const char     *scope,
                           GError        **error)
{
  guint8 random[32];
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = icw_database_now ();
  g_autofree char *province = NULL;
  gboolean admin;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), NULL);

  if (g_strcmp0 (role, "admin") != 0 && g_strcmp0 (role, "reviewer") != 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The role must be “admin” or “reviewer”"));
      return NULL;
    }
  if (scope == NULL || *scope == '\0')
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("A token needs a center (admin) or a province (reviewer)"));
      return NULL;
    }
  admin = g_str_equal (role, "admin");
  if (!admin)
    {
      const IcwProvince *known = icw_province_lookup (scope);

      if (known == NULL)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("“%s” is not a province: give its GB/T 2260 code (370000) or its name (山东省, Shandong)"), scope);
          return NULL;
        }
      province = g_strdup (known->code);
    }
  /* 32 random bytes from the system's generator, as 64 hexadecimal digits. */
  {
    g_autoptr(GString) text = g_string_new ("icw_");
    g_autoptr(GFile) urandom = g_file_new_for_path ("/dev/urandom");
    g_autoptr(GFileInputStream) in = g_file_read (urandom, NULL, error);
    gsize got = 0;

    if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), random, sizeof random, &got, NULL, error) ||
        got != sizeof random)
      return NULL;
    for (guint i = 0; i < sizeof random; i++)
      g_string_append_printf (text, "%02x", random[i]);
    token = g_string_free (g_steal_pointer (&text), FALSE);
  }
  hash = hash_token (token);

  if (!icw_server_begin (self, error))
    return NULL;
  if (!self->store->klass->add_token (self->store, hash, role, admin ? scope : NULL, province, now, error) ||
      !self->store->klass->commit (self->store, error))
    {
      self->store->klass->rollback (self->store);
      return NULL;
    }
  return g_steal_pointer (&token);
}

GPtrArray *
icw_sync_server_list_tokens (IcwSyncServer  *self,
                             GError        **error)
{
  GPtrArray *infos;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), NULL);
  infos = self->store->klass->list_tokens (self->store, error);
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    {
      IcwSyncTokenInfo *info = infos->pdata[i];

      info->hash[MIN (strlen (info->hash), 12)] = '\0';
    }
  return infos;
}

gint64
icw_sync_server_revoke_tokens (IcwSyncServer  *self,
                               const char     *token_or_prefix,
                               GError        **error)
{
  g_autofree char *prefix = NULL;
  gint64 revoked;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), -1);
  if (token_or_prefix != NULL && g_str_has_prefix (token_or_prefix, "icw_"))
    prefix = hash_token (token_or_prefix);
  else if (token_or_prefix != NULL && strlen (token_or_prefix) >= 8 && strlen (token_or_prefix) <= 64 &&
           g_regex_match_simple ("^[0-9a-f]+$", token_or_prefix, 0, 0))
    prefix = g_strdup (token_or_prefix);
  else
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Give the token itself, or at least 8 hexadecimal digits of its hash as “icw serve token list” shows them"));
      return -1;
    }
  if (!icw_server_begin (self, error))
    return -1;
  revoked = self->store->klass->revoke_tokens (self->store, prefix, error);
  if (revoked < 0 || !self->store->klass->commit (self->store, error))
    {
      self->store->klass->rollback (self->store);
      return -1;
    }
  return revoked;
}

IcwServerToken *
icw_server_db_token (IcwSyncServer *self,
                     const char    *token)
{
  g_autofree char *hash = hash_token (token);
  IcwServerToken *found = self->store->klass->token (self->store, hash);

  /* A token issued before provinces had codes: its name, read as a code when it names one. */
  if (found != NULL && found->province != NULL)
    {
      char *code = icw_province_normalize (found->province);

      g_free (found->province);
      found->province = code;
    }
  return found;
}

/* A push's rows (issue 20). Where the storage has put_rows (SQLite), a push reads the stored
 * records of its changes' ids in one statement (icw_server_push_rows_begin) and its writes wait
 * in memory, each with its sequence number given here in order, until they are written together
 * by multi-row upserts (icw_server_push_rows_end): one statement for many rows instead of two a
 * row. What the push's checks read is what they read before: a record of the push (read or
 * written by it) from self->push_records, its latest state, as the storage would give it; any
 * other by the storage itself, which holds everything else; a read that could see a waiting row
 * any other way (a center's province, a lineage's comments) writes the waiting rows first. */

/* A sentinel of push_records: the id is not stored. */
static IcwServerRecord absent;

static void
push_record_free (gpointer record)
{
  if (record != &absent)
    icw_server_record_free (record);
}

void
icw_server_push_rows_begin (IcwSyncServer     *self,
                            const char *const *ids,
                            guint              n)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  icw_server_push_rows_drop (self);
  if (self->store->klass->put_rows == NULL)
    return;
  /* A failed read leaves the push to read and write one record at a time, as PostgreSQL does. */
  if ((found = self->store->klass->records (self->store, ids, n, &error)) == NULL)
    {
      g_debug ("icw serve: a push's records read one by one: %s", error->message);
      return;
    }
  self->push_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, push_record_free);
  self->push_pending = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_server_record_free);
  self->push_seq = -1;
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->push_records, g_strdup (ids[i]), &absent);
  g_ptr_array_set_free_func (found, NULL);   /* each record moves to push_records */
  for (guint i = 0; i < found->len; i++)
    {
      IcwServerRecord *record = found->pdata[i];

      g_hash_table_insert (self->push_records, g_strdup (record->id), record);
    }
}

/* Writes the rows waiting; the first failure is kept for icw_server_push_rows_end. */
static gboolean
push_rows_write (IcwSyncServer *self)
{
  g_autofree char *now = NULL;
  GError *error = NULL;

  if (self->push_pending == NULL || self->push_pending->len == 0 || self->push_error != NULL)
    return self->push_error == NULL;
  now = icw_database_now ();
  if (!self->store->klass->put_rows (self->store, (IcwServerRecord *const *) self->push_pending->pdata,
                                     self->push_pending->len, self->push_seq, now, &error))
    {
      self->push_error = error;
      return FALSE;
    }
  g_ptr_array_set_size (self->push_pending, 0);
  return TRUE;
}

gboolean
icw_server_push_rows_end (IcwSyncServer  *self,
                          GError        **error)
{
  gboolean ok = push_rows_write (self);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->push_error));
  icw_server_push_rows_drop (self);
  return ok;
}

void
icw_server_push_rows_drop (IcwSyncServer *self)
{
  g_clear_pointer (&self->push_records, g_hash_table_unref);
  g_clear_pointer (&self->push_pending, g_ptr_array_unref);
  g_clear_error (&self->push_error);
  self->push_seq = -1;
}

IcwServerRecord *
icw_server_db_record (IcwSyncServer *self,
                      const char    *id)
{
  gpointer known;

  if (self->push_records != NULL && g_hash_table_lookup_extended (self->push_records, id, NULL, &known))
    return known != &absent ? icw_server_record_copy (known) : NULL;
  return self->store->klass->record (self->store, id);
}

char *
icw_server_db_province (IcwSyncServer *self,
                        const char    *center_id)
{
  g_autofree char *stored = NULL;

  if (self->push_records != NULL && g_hash_table_contains (self->push_records, center_id))
    push_rows_write (self);
  stored = self->store->klass->province (self->store, center_id);

  return stored != NULL ? icw_province_normalize (stored) : NULL;
}

/* A push's write, waiting (icw_server_push_rows_begin): its sequence number, the next one; the
 * record's state as the upsert leaves it (kind and center kept from a stored row, the review
 * kept when the change brings none) becomes what the push reads of it. Takes province. The row
 * and the state borrow payload, the push's own text (handle_push keeps its batch's records until
 * the push ends, after icw_server_push_rows_end or _drop), instead of two copies a record. */
static gint64
push_rows_put (IcwSyncServer *self,
               const char    *kind,
               const char    *id,
               const char    *center_id,
               char          *province,
               gboolean       deleted,
               const char    *payload,
               const char    *review,
               GError       **error)
{
  IcwServerRecord *row = g_new0 (IcwServerRecord, 1);
  IcwServerRecord *state;
  gpointer known = NULL;

  if (self->push_seq < 0 && (self->push_seq = self->store->klass->last_seq (self->store, error)) < 0)
    {
      g_free (province);
      g_free (row);
      return -1;
    }
  /* An id the push did not read first: what the storage holds (no row of it waits). */
  if (!g_hash_table_lookup_extended (self->push_records, id, NULL, &known))
    {
      known = self->store->klass->record (self->store, id);
      g_hash_table_insert (self->push_records, g_strdup (id), known != NULL ? known : &absent);
    }
  if (known == &absent)
    known = NULL;
  row->id = g_strdup (id);
  row->kind = g_strdup (kind);
  row->center_id = g_strdup (center_id);
  row->province = province;
  row->seq = ++self->push_seq;
  row->deleted = deleted;
  row->review = g_strdup (review);
  state = icw_server_record_copy (row);
  row->payload = state->payload = (char *) payload;
  row->payload_borrowed = state->payload_borrowed = TRUE;
  if (known != NULL)
    {
      IcwServerRecord *stored = known;

      g_free (state->kind);
      state->kind = g_strdup (stored->kind);
      g_free (state->center_id);
      state->center_id = g_strdup (stored->center_id);
      if (state->review == NULL)
        state->review = g_strdup (stored->review);
    }
  g_hash_table_insert (self->push_records, g_strdup (id), state);
  g_ptr_array_add (self->push_pending, row);
  return row->seq;
}

gint64
icw_server_db_put (IcwSyncServer *self,
                   const char    *kind,
                   const char    *id,
                   const char    *center_id,
                   const char    *province,
                   gboolean       deleted,
                   const char    *payload,
                   const char    *review,
                   GError       **error)
{
  g_autofree char *now = NULL;
  g_autofree char *code = province != NULL ? icw_province_normalize (province) : NULL;

  if (self->push_records != NULL)
    return push_rows_put (self, kind, id, center_id, g_steal_pointer (&code), deleted, payload, review, error);
  now = icw_database_now ();
  return self->store->klass->put (self->store, kind, id, center_id, code, deleted, payload, review, now, error);
}

char *
icw_server_db_replay (IcwSyncServer *self,
                      const char    *token_hash,
                      const char    *key,
                      char         **body_hash)
{
  return self->store->klass->replay (self->store, token_hash, key, body_hash);
}

gboolean
icw_server_db_remember (IcwSyncServer *self,
                        const char    *token_hash,
                        const char    *key,
                        const char    *body_hash,
                        const char    *response,
                        GError       **error)
{
  g_autofree char *now = icw_database_now ();

  return self->store->klass->remember (self->store, token_hash, key, body_hash, response, now, error);
}

gboolean
icw_server_db_lineage_has_comments (IcwSyncServer *self,
                                    const char    *kind,
                                    const char    *lineage_id,
                                    const char    *comments)
{
  if (lineage_id == NULL || comments == NULL)
    return FALSE;
  if (self->push_records != NULL)
    push_rows_write (self);
  return self->store->klass->lineage_has_comments (self->store, kind, lineage_id, comments);
}

gint64
icw_server_db_horizon (IcwSyncServer *self)
{
  return self->store->klass->horizon (self->store);
}

GPtrArray *
icw_server_db_pull (IcwSyncServer  *self,
                    IcwServerToken *token,
                    gint64          after,
                    guint           limit,
                    GError        **error)
{
  return self->store->klass->pull (self->store, token->reviewer,
                                   token->reviewer ? token->province : token->center_id,
                                   after, limit, error);
}

static char *
purge_stamp (GDateTime *before,
             int        days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) limit = before != NULL ? g_date_time_ref (before) : g_date_time_add_days (now, -days);

  return g_date_time_format (limit, "%Y-%m-%dT%H:%M:%S.%fZ");
}

gint64
icw_sync_server_purge_tombstones (IcwSyncServer  *self,
                                  GDateTime      *before,
                                  GError        **error)
{
  g_autofree char *stamp = NULL;
  gint64 purged;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), -1);
  stamp = purge_stamp (before, ICW_SYNC_SERVER_TOMBSTONE_DAYS);
  if (!icw_server_begin (self, error))
    return -1;
  purged = self->store->klass->purge_tombstones (self->store, stamp, error);
  if (purged < 0 || !self->store->klass->commit (self->store, error))
    {
      self->store->klass->rollback (self->store);
      return -1;
    }
  return purged;
}

gint64
icw_sync_server_purge_keys (IcwSyncServer  *self,
                            GDateTime      *before,
                            GError        **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), -1);
  stamp = purge_stamp (before, ICW_SYNC_SERVER_KEY_DAYS);
  return self->store->klass->purge_keys (self->store, stamp, error);
}

gint64
icw_sync_server_purge_blob_parts (IcwSyncServer  *self,
                                  GDateTime      *before,
                                  GError        **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), -1);
  stamp = purge_stamp (before, ICW_SYNC_SERVER_BLOB_PART_DAYS);
  return self->store->klass->purge_blob_parts (self->store, stamp, error);
}
