/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-push.c: the reference server's POST /v1/push: the body read in one pass (flat
 * when every change is plain, else as a tree) and checked, the batch's digest bound to its
 * idempotency key (a replay answered from what is stored), each change's record prechecked
 * outside the transaction then decided (refused, conflict or applied) inside it, and the answer
 * written as text, given when the push (or its group) commits. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-json-reader.h"
#include "icw-store-sync.h"
#include "icw-sync-body-reader.h"
#include "icw-sync-error.h"
#include "icw-sync-json.h"
#include "icw-sync-server-private.h"

#define respond_json icw_server_respond_json
#define respond_error icw_server_respond_error
#define respond_error_body icw_server_respond_error_body

static char *
node_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* The stored record as a change; FALSE (logged) when the stored payload is not JSON the server
 * can send, so that one bad row never stops a pull. */
static JsonNode *
stored_payload (IcwServerRecord *record)
{
  JsonNode *payload = NULL;

  if (record->payload != NULL)
    payload = icw_sync_json_parse_object (record->payload, strlen (record->payload), G_MAXSIZE, NULL);
  if (payload == NULL)
    g_warning ("icw serve: the stored record %s (%s, revision %" G_GINT64_FORMAT ") is not valid JSON; "
               "it is skipped", record->id, record->kind, record->seq);
  return payload;
}

/* The members of a stored record as a change, its payload already parsed (stored_payload). */
static void
add_record (JsonBuilder     *builder,
            IcwServerRecord *record,
            JsonNode        *payload,
            gboolean         with_kind)
{
  g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, record->seq);

  if (with_kind)
    {
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, record->kind);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, record->id);
    }
  json_builder_set_member_name (builder, "revision");
  json_builder_add_string_value (builder, revision);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, record->deleted);
  json_builder_set_member_name (builder, "record");
  json_builder_add_value (builder, json_node_ref (payload));
  if (record->review != NULL)
    {
      g_autoptr(JsonNode) review = icw_sync_json_parse_object (record->review, strlen (record->review), G_MAXSIZE, NULL);

      if (review != NULL)
        {
          json_builder_set_member_name (builder, "review");
          json_builder_add_value (builder, g_steal_pointer (&review));
        }
    }
}

void
icw_server_add_refusal (JsonBuilder      *results,
                        IcwServerRefusal *refusal)
{
  json_builder_add_string_value (results, "rejected");
  json_builder_set_member_name (results, "code");
  json_builder_add_string_value (results, refusal->code);
  json_builder_set_member_name (results, "reason");
  json_builder_add_string_value (results, refusal->reason);
  json_builder_set_member_name (results, "field");
  if (refusal->field != NULL)
    json_builder_add_string_value (results, refusal->field);
  else
    json_builder_add_null_value (results);
  json_builder_end_object (results);
  icw_server_refusal_clear (refusal);
}

/* Who recorded a review outcome, and when, by the server's clock. */
static char *
review_text (IcwServerToken *token,
             const char     *status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = icw_database_now ();
  g_autofree char *short_hash = g_strndup (token->hash, 12);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "reviewer");
  json_builder_set_member_name (builder, "province");
  json_builder_add_string_value (builder, token->province);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, short_hash);
  json_builder_set_member_name (builder, "recorded_at");
  json_builder_add_string_value (builder, now);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

typedef enum { CHANGE_OK, CHANGE_FAILED } ChangeOutcome;

/* A target version's record as json-glib's tree (the push's tree keeps only a record's "id"). */
static JsonNode *
target_version_tree (const char *payload)
{
  return icw_sync_json_parse_object (payload, strlen (payload), G_MAXSIZE, NULL);
}

/* What a change's record alone says, decided before the batch's transaction (and so outside the
 * write lock that serializes the writers of all server processes): the kind is known and the
 * record passes the kind's own checks. FALSE with *refusal filled. */
static gboolean
precheck_change (IcwSyncServer         *self,
                 JsonObject            *change,
                 const IcwPushEnvelope *envelope,
                 const char            *payload,
                 const IcwJsonRecord   *record,
                 IcwServerRefusal      *refusal)
{
  const char *kind_key = envelope->kind;
  const char *op = envelope->op;
  IcwRecordKind kind;

  /* The 任务书's versions are not records of the catalogue (icw-sync-server-targets.c). */
  if (icw_server_is_target_version (kind_key))
    {
      g_autoptr(JsonNode) tree = target_version_tree (payload);

      if (tree != NULL)
        return icw_server_check_target_version (change, json_node_get_object (tree), payload, refusal);
    }
  if (record == NULL || icw_server_is_target_version (kind_key))
    {
      /* The record's own bytes were read whole with the body: not reached. */
      refusal->code = "invalid-record";
      refusal->reason = g_strdup ("The record cannot be read");
      return FALSE;
    }
  if (!icw_record_kind_from_key (kind_key, &kind))
    {
      refusal->code = "invalid-record";
      refusal->reason = g_strdup ("The kind of record is not known to this server");
      return FALSE;
    }
  return icw_server_check_record (self, kind, record, g_str_equal (op, "delete"), payload, refusal);
}

/* A change's result other than "applied" (a refusal, a conflict, a target version's: rare) is
 * built with json-glib from its "status" on, then appended to the answer as text. */
static JsonBuilder *
result_begin (const char *id)
{
  JsonBuilder *result = json_builder_new ();

  json_builder_begin_object (result);
  json_builder_set_member_name (result, "id");
  json_builder_add_string_value (result, id);
  json_builder_set_member_name (result, "status");
  return result;
}

static void
append_result_separator (GString *answer)
{
  if (answer->len > 0 && answer->str[answer->len - 1] != '[')
    g_string_append_c (answer, ',');
}

static void
result_end (GString     *answer,
            JsonBuilder *result)
{
  g_autoptr(JsonNode) root = json_builder_get_root (result);
  g_autofree char *text = json_to_string (root, FALSE);

  append_result_separator (answer);
  g_string_append (answer, text);
  g_object_unref (result);
}

/* The result of a change applied, as text: one for each record of a push (no tree). */
static void
result_applied (GString    *answer,
                const char *id,
                const char *revision)
{
  append_result_separator (answer);
  g_string_append (answer, "{\"id\":");
  icw_sync_json_append_string (answer, id);
  g_string_append (answer, ",\"status\":\"applied\",\"revision\":");
  icw_sync_json_append_string (answer, revision);
  g_string_append_c (answer, '}');
}

static ChangeOutcome
apply_change (IcwSyncServer         *self,
              IcwServerToken        *token,
              const IcwPushEnvelope *envelope,
              const char            *payload,
              const IcwJsonRecord   *record,
              IcwServerRefusal      *precheck,
              GString               *answer,
              GError               **error)
{
  const char *kind_key = envelope->kind;
  const char *id = envelope->id;
  const char *op = envelope->op;
  const char *base = envelope->base_revision;
  g_autoptr(IcwServerRecord) stored = icw_server_db_record (self, id);
  g_autofree char *center = NULL;
  g_autofree char *stored_revision = NULL;
  g_autofree char *review = NULL;
  g_autoptr(JsonNode) stored_node = NULL;
  IcwServerRefusal refusal = { NULL, };
  gboolean deleted = g_str_equal (op, "delete");
  gboolean reviewed = FALSE;
  IcwRecordKind kind;
  gint64 seq;

  JsonBuilder *results;

  if (precheck->code != NULL)
    {
      results = result_begin (id);
      icw_server_add_refusal (results, precheck);
      result_end (answer, results);
      return CHANGE_OK;
    }
  if (icw_server_is_target_version (kind_key))
    {
      g_autoptr(JsonNode) tree = target_version_tree (payload);
      gboolean applied;

      results = result_begin (id);
      applied = icw_server_apply_target_version (self, token, id, json_node_get_object (tree), payload, results, error);
      if (!applied)
        {
          g_object_unref (results);
          return CHANGE_FAILED;
        }
      result_end (answer, results);
      return CHANGE_OK;
    }
  icw_record_kind_from_key (kind_key, &kind);
  if ((center = icw_server_check_scope (self, token, kind, id, record, stored, &refusal)) == NULL)
    {
      results = result_begin (id);
      icw_server_add_refusal (results, &refusal);
      result_end (answer, results);
      return CHANGE_OK;
    }

  if (stored != NULL)
    stored_revision = g_strdup_printf ("%" G_GINT64_FORMAT, stored->seq);
  if (stored != NULL && g_strcmp0 (base, stored_revision) != 0)
    {
      if (stored->deleted == deleted && g_strcmp0 (stored->payload, payload) == 0)
        result_applied (answer, id, stored_revision);
      else if ((stored_node = stored_payload (stored)) == NULL)
        goto store;   /* what is stored cannot be sent (a row of an older server): the change replaces it */
      else
        {
          results = result_begin (id);
          json_builder_add_string_value (results, "conflict");
          add_record (results, stored, stored_node, FALSE);
          json_builder_end_object (results);
          result_end (answer, results);
        }
      return CHANGE_OK;
    }

store:
  if (!icw_server_check_authority (self, token, kind, record, stored, deleted, &reviewed, &refusal))
    {
      results = result_begin (id);
      icw_server_add_refusal (results, &refusal);
      result_end (answer, results);
      return CHANGE_OK;
    }
  if (reviewed)
    review = review_text (token, icw_json_record_string (record, "status"));
  seq = icw_server_db_put (self, kind_key, id, center,
                           kind == ICW_RECORD_KIND_CENTER ? icw_json_record_string (record, "province") : NULL,
                           deleted, payload, review, error);
  if (seq < 0)
    return CHANGE_FAILED;
  self->applied++;
  g_free (stored_revision);
  stored_revision = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  result_applied (answer, id, stored_revision);
  return CHANGE_OK;
}

static gboolean
check_push (JsonObject  *request,
            guint        max_changes,
            GError     **error)
{
  JsonArray *changes;
  const char *key = icw_sync_json_string (request, "idempotency_key", FALSE, ICW_SYNC_JSON_MAX_KEY, error);

  if (key == NULL)
    return FALSE;
  if (strlen (key) < ICW_SYNC_JSON_MIN_KEY)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The idempotency key is too short"));
      return FALSE;
    }
  if ((changes = icw_sync_json_array (request, "changes", error)) == NULL)
    return FALSE;
  if (json_array_get_length (changes) == 0 || json_array_get_length (changes) > max_changes)
    {
      /* Too many: TOO_LARGE, answered "too-many-changes" with the limit, so that a client sends
       * the batch again in smaller ones (docs/sync-protocol.md). */
      g_set_error (error, ICW_SYNC_ERROR,
                   json_array_get_length (changes) == 0 ? ICW_SYNC_ERROR_INVALID : ICW_SYNC_ERROR_TOO_LARGE,
                   _("A push has 1 to %d changes"), (int) max_changes);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      JsonObject *change;
      const char *op;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("A change is not a JSON object"));
          return FALSE;
        }
      change = json_node_get_object (node);
      if (!icw_sync_json_validate_record (change, FALSE, error) ||
          (op = icw_sync_json_string (change, "op", FALSE, 16, error)) == NULL)
        return FALSE;
      if (!g_str_equal (op, "upsert") && !g_str_equal (op, "delete"))
        {
          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("A change's “op” is neither upsert nor delete"));
          return FALSE;
        }
      if (json_object_has_member (change, "base_revision") &&
          !JSON_NODE_HOLDS_NULL (json_object_get_member (change, "base_revision")) &&
          icw_sync_json_string (change, "base_revision", TRUE, ICW_SYNC_JSON_MAX_REVISION, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Whether a push read flat (icw_json_read_push, every change plain) passes check_push: when it
 * does not, or when a change is a target version (whose checks read its tree), the push's tree is
 * read and check_push says why, with its messages. */
static gboolean
check_push_plain (JsonObject *request,
                  GArray     *envelopes,
                  guint       max_changes)
{
  const char *key = icw_server_member_string (request, "idempotency_key");
  JsonNode *changes = json_object_get_member (request, "changes");

  if (key == NULL || strlen (key) < ICW_SYNC_JSON_MIN_KEY || strlen (key) > ICW_SYNC_JSON_MAX_KEY)
    return FALSE;
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes) ||
      json_array_get_length (json_node_get_array (changes)) != 0)
    return FALSE;
  if (envelopes->len == 0 || envelopes->len > max_changes)
    return FALSE;
  for (guint i = 0; i < envelopes->len; i++)
    {
      const IcwPushEnvelope *change = &g_array_index (envelopes, IcwPushEnvelope, i);

      if (change->kind == NULL || strlen (change->kind) > ICW_SYNC_JSON_MAX_KIND || icw_server_is_target_version (change->kind) ||
          change->id == NULL || strlen (change->id) > ICW_SYNC_JSON_MAX_ID ||
          change->record.length == 0 || change->record_id == NULL || strcmp (change->id, change->record_id) != 0 ||
          change->op == NULL || (!g_str_equal (change->op, "upsert") && !g_str_equal (change->op, "delete")) ||
          (change->base_revision != NULL && strlen (change->base_revision) > ICW_SYNC_JSON_MAX_REVISION))
        return FALSE;
    }
  return TRUE;
}

/* The envelopes of a push read as a tree (check_push passed). */
static void
envelopes_from_tree (GArray    *envelopes,
                     JsonArray *changes)
{
  g_array_set_size (envelopes, json_array_get_length (changes));
  for (guint i = 0; i < envelopes->len; i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      IcwPushEnvelope *envelope = &g_array_index (envelopes, IcwPushEnvelope, i);

      envelope->kind = g_strdup (icw_server_member_string (change, "kind"));
      envelope->id = g_strdup (icw_server_member_string (change, "id"));
      envelope->op = g_strdup (icw_server_member_string (change, "op"));
      envelope->base_revision = g_strdup (icw_server_member_string (change, "base_revision"));
    }
}

/* The prechecks of a batch's changes, cleared however the push ends, with each change's record
 * as the text the server stores: the bytes the client sent for it (record_text), for the size
 * check and the store. */
typedef struct {
  IcwServerRefusal *refusals;
  char            **payloads;
  IcwJsonRecord   **records;   /* each payload's members, read in place */
  char             *block;     /* a plain push's payloads, one after another (else NULL: each its own) */
  guint             n;
} PrecheckList;

static PrecheckList *
precheck_list_new (guint n)
{
  PrecheckList *list = g_new0 (PrecheckList, 1);

  list->refusals = g_new0 (IcwServerRefusal, n);
  list->payloads = g_new0 (char *, n + 1);
  list->records = g_new0 (IcwJsonRecord *, n);
  list->n = n;
  return list;
}

static void
precheck_list_free (PrecheckList *list)
{
  for (guint i = 0; i < list->n; i++)
    {
      icw_server_refusal_clear (&list->refusals[i]);
      icw_json_record_free (list->records[i]);
    }
  g_free (list->records);
  g_free (list->refusals);
  if (list->block != NULL)
    g_free (list->payloads);
  else
    g_strfreev (list->payloads);
  g_free (list->block);
  g_free (list);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrecheckList, precheck_list_free)

/* A record as the server stores it: the bytes the client sent for it (the reader's span), so
 * that a record is neither built into text again nor changed by the server; a record without a
 * span (not an object, refused by the check) as json-glib writes it. */
static char *
record_text (const char *data,
             GHashTable *spans,
             JsonNode   *record)
{
  IcwJsonSpan *span = record != NULL && JSON_NODE_HOLDS_OBJECT (record)
                      ? g_hash_table_lookup (spans, json_node_get_object (record)) : NULL;

  if (span != NULL)
    return g_strndup (data + span->offset, span->length);
  return node_text (record);
}

/* Whether a key's stored hash is this batch's: the digest of its bytes (icw_json_read_object),
 * or the SHA-256 of the batch as json-glib writes it (what a server kept before issue 20; it also
 * matches a first send that was in that form, so other escapes of the same batch are the same
 * batch, as they were; docs/sync-protocol.md). Only a key found with another hash pays for it. */
static gboolean
same_batch (const char *stored_hash,
            const char *body_hash,
            const char *data,
            gsize       length)
{
  g_autofree char *canonical = NULL;
  g_autofree char *legacy = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (stored_hash == NULL || g_str_equal (stored_hash, body_hash))
    return TRUE;
  /* The whole tree (the push's own is thin): read again, on this rare path only. */
  if ((root = icw_json_read_object (data, length, G_MAXSIZE, 0, NULL, NULL, NULL)) == NULL)
    return FALSE;
  canonical = json_to_string (root, FALSE);
  legacy = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  return g_str_equal (stored_hash, legacy);
}

/* A push's transaction: its part of the open group (icw-sync-server-group.c), or its own. */
static gboolean
push_begin (IcwSyncServer  *self,
            GError        **error)
{
  if (icw_server_group_enabled (self))
    return icw_server_group_begin (self, error);
  return self->store->klass->begin (self->store, error);
}

/* Undoes the push: its changes and their count (applied as it was when the push began). */
static void
push_undo (IcwSyncServer *self,
           gint64         applied_before)
{
  self->applied = applied_before;
  if (icw_server_group_enabled (self))
    icw_server_group_undo (self);
  else
    self->store->klass->rollback (self->store);
}

void
icw_server_handle_push (IcwSyncServer     *self,
                        SoupServerMessage *msg,
                        IcwServerToken    *token)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) answer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *replay = NULL;
  g_autofree char *body_hash = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *marked = NULL;
  g_autoptr(PrecheckList) prechecks_owner = NULL;
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(IcwSyncDigest) digest = icw_sync_digest_new ();
  IcwServerRefusal *prechecks = NULL;
  const char *data;
  gsize marked_length = 0;
  gsize data_length;
  gint64 applied_before;
  g_autoptr(GArray) envelopes = icw_push_envelopes_new ();
  gboolean plain = FALSE;
  JsonObject *request;
  JsonArray *changes = NULL;
  const char *key;
  guint n;

  /* One pass over the body (icw-sync-body-reader.c): the strict checks, the tree, each record's bytes
   * (the objects at depth 4: body, changes, change, record) and the batch's digest. A body without
   * an escape \uXXXX is read as it came: when it is valid UTF-8 (the reader's first check) there is
   * nothing to mark. */
  data = g_bytes_get_data (bytes, NULL);
  data_length = g_bytes_get_size (bytes);
  if (!icw_server_text_may_be_bad (data, data_length, FALSE))
    {
      /* The changes read flat, without a tree of their envelopes (icw_json_read_push); a push
       * whose changes are not all plain, or that check_push would refuse, is read as a tree. */
      root = icw_json_read_push (data, data_length, ICW_SYNC_JSON_MAX_BODY, envelopes, &plain, digest, NULL);
      plain = plain && check_push_plain (json_node_get_object (root), envelopes, self->max_changes);
      if (root != NULL && !plain)
        {
          g_clear_pointer (&root, json_node_unref);
          g_array_set_size (envelopes, 0);
          g_clear_pointer (&digest, icw_sync_digest_free);
          digest = icw_sync_digest_new ();
          root = icw_json_read_object_thin (data, data_length, ICW_SYNC_JSON_MAX_BODY, 4, spans, digest, NULL);
        }
    }
  /* Text that is not Unicode is refused with its change, not with the whole batch: the body with
   * it marked is read (a body that failed above is read again, for its error). The body was held
   * to the limit before; marking may lengthen it. */
  if (root == NULL)
    {
      g_clear_pointer (&digest, icw_sync_digest_free);
      digest = icw_sync_digest_new ();
      marked = icw_server_mark_bad_text (data, data_length, &marked_length);
      if (marked != NULL)
        {
          data = marked;
          data_length = marked_length;
        }
      root = icw_json_read_object_thin (data, data_length,
                                        marked != NULL ? G_MAXSIZE : ICW_SYNC_JSON_MAX_BODY,
                                        4, spans, digest, &error);
    }
  if (root == NULL || (!plain && !check_push (json_node_get_object (root), self->max_changes, &error)))
    {
      if (g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE))
        respond_error_body (msg, SOUP_STATUS_BAD_REQUEST, "too-many-changes", error->message, self->max_changes);
      else
        respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      return;
    }
  request = json_node_get_object (root);
  key = json_object_get_string_member (request, "idempotency_key");
  if (!plain)
    {
      changes = json_object_get_array_member (request, "changes");
      envelopes_from_tree (envelopes, changes);
    }
  n = envelopes->len;
  /* The key is bound to the batch: the SHA-256 of its bytes, the whitespace between tokens aside
   * (docs/sync-protocol.md). */
  body_hash = g_strdup (icw_sync_digest_get_string (digest));
  if (body_hash == NULL)
    {
      /* GnuTLS refused (icw-sync-digest.h): without the digest the key cannot be bound to the
       * batch, so nothing is applied; the client sends the batch again. */
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "The server could not compute the batch's digest");
      return;
    }

  prechecks_owner = precheck_list_new (n);
  prechecks = prechecks_owner->refusals;
  if (plain)
    {
      /* The records' bytes copied into one block, each ended by a NUL: one allocation a batch. */
      gsize total = 0;
      char *next;

      for (guint i = 0; i < n; i++)
        total += g_array_index (envelopes, IcwPushEnvelope, i).record.length + 1;
      next = prechecks_owner->block = g_malloc (MAX (total, 1));
      for (guint i = 0; i < n; i++)
        {
          const IcwPushEnvelope *envelope = &g_array_index (envelopes, IcwPushEnvelope, i);

          memcpy (next, data + envelope->record.offset, envelope->record.length);
          next[envelope->record.length] = '\0';
          prechecks_owner->payloads[i] = next;
          next += envelope->record.length + 1;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const IcwPushEnvelope *envelope = &g_array_index (envelopes, IcwPushEnvelope, i);
      JsonObject *change = plain ? NULL : json_array_get_object_element (changes, i);

      if (!plain)
        prechecks_owner->payloads[i] = record_text (data, spans, json_object_get_member (change, "record"));
      prechecks_owner->records[i] = icw_json_record_new (prechecks_owner->payloads[i], strlen (prechecks_owner->payloads[i]));
      precheck_change (self, change, envelope, prechecks_owner->payloads[i], prechecks_owner->records[i], &prechecks[i]);
    }

  if (!push_begin (self, &error))
    {
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  applied_before = self->applied;
  replay = icw_server_db_replay (self, token->hash, key, &stored_hash);
  if (replay != NULL)
    {
      push_undo (self, applied_before);
      /* The batch may have been applied in the open group: its answer is given once durable, and
       * not at all when that group could not be committed (the client sends it again). */
      if (!icw_server_group_flush (self))
        respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "The server could not commit");
      else if (!same_batch (stored_hash, body_hash, data, data_length))
        respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                       "This idempotency key was used for another batch");
      else
        respond_json (msg, SOUP_STATUS_OK, replay);
      return;
    }
  /* The stored records of the batch's ids in one read; its writes together at its end. */
  {
    g_autofree const char **ids = g_new (const char *, n);

    for (guint i = 0; i < n; i++)
      ids[i] = g_array_index (envelopes, IcwPushEnvelope, i).id;
    icw_server_push_rows_begin (self, ids, n);
  }
  /* The answer is written as text; only results other than "applied" are built as trees. */
  answer = g_string_sized_new (64 * n + 16);
  g_string_append (answer, "{\"results\":[");
  for (guint i = 0; i < n; i++)
    {
      ChangeOutcome outcome = apply_change (self, token, &g_array_index (envelopes, IcwPushEnvelope, i),
                                            prechecks_owner->payloads[i], prechecks_owner->records[i],
                                            &prechecks[i], answer, &error);

      if (outcome == CHANGE_OK)
        continue;
      icw_server_push_rows_drop (self);
      push_undo (self, applied_before);
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  if (!icw_server_push_rows_end (self, &error))
    {
      push_undo (self, applied_before);   /* none of them was stored */
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  g_string_append (answer, "]}");
  text = g_string_free (g_steal_pointer (&answer), FALSE);
  if (icw_server_group_enabled (self))
    {
      /* Answered when the group commits (icw-sync-server-group.c). */
      if (!icw_server_db_remember (self, token->hash, key, body_hash, text, &error))
        {
          push_undo (self, applied_before);
          respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
        }
      else if (!icw_server_group_keep (self, msg, g_steal_pointer (&text), &error))
        {
          /* icw_server_group_keep undid the push; if that failed, the whole group was rolled
           * back and end_group set the count back to the group's start, which stays. */
          if (self->group_open)
            self->applied = applied_before;
          respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
        }
      return;
    }
  if (!icw_server_db_remember (self, token->hash, key, body_hash, text, &error) ||
      !self->store->klass->commit (self->store, &error))
    {
      push_undo (self, applied_before);
      /* The same batch committed meanwhile through another connection (the unique key on
       * token and key): nothing of this one was kept; the stored answer is the answer. */
      if (g_error_matches (error, ICW_ERROR, ICW_ERROR_DUPLICATE))
        {
          g_clear_pointer (&stored_hash, g_free);
          g_free (replay);
          replay = icw_server_db_replay (self, token->hash, key, &stored_hash);
          if (replay != NULL && same_batch (stored_hash, body_hash, data, data_length))
            {
              respond_json (msg, SOUP_STATUS_OK, replay);
              return;
            }
          if (replay != NULL)
            {
              respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                             "This idempotency key was used for another batch");
              return;
            }
        }
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  self->commits++;
  respond_json (msg, SOUP_STATUS_OK, text);
}
