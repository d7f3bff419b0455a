/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-check.c: what the reference server decides about one pushed change before it
 * stores it (docs/sync-protocol.md, "Refused changes"): the record is one every workbench can
 * apply (the core's own description of the kind, icw-store-check.h), its kind and center come
 * from what the server already stores, its references stay inside its center, and a filed
 * document's status moves only as the token's role allows. A refusal is per change, with a stable
 * code, an English reason for people and the field it concerns. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "icw-enums.h"
#include "icw-json-record.h"
#include "icw-lifecycle.h"
#include "icw-review-comments.h"
#include "icw-score-filing.h"
#include "icw-store-check.h"
#include "icw-store-sync.h"
#include "icw-sync-json.h"
#include "icw-sync-server-private.h"

void
icw_server_refusal_clear (IcwServerRefusal *refusal)
{
  g_clear_pointer (&refusal->reason, g_free);
  refusal->code = NULL;
  refusal->field = NULL;
}

static gboolean
refuse (IcwServerRefusal *refusal,
        const char       *code,
        const char       *field,
        const char       *reason)
{
  icw_server_refusal_clear (refusal);
  refusal->code = code;
  refusal->field = field;
  refusal->reason = g_strdup (reason);
  return FALSE;
}

const char *
icw_server_member_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Text the server could not write back as JSON: not UTF-8 (a lone surrogate escape), or holding
 * NUL, which a C string cuts short; both arrive here as U+FFFF (icw-sync-server-text.c), which is
 * refused as well. Member names as well as values. */
static gboolean
check_text (const IcwJsonRecord *record,
            IcwServerRefusal    *refusal)
{
  for (guint i = 0; i < icw_json_record_size (record); i++)
    {
      const IcwJsonMember *member = icw_json_record_nth (record, i);
      const char *name = member->name;
      const char *text = member->string;

      if (name == NULL || !g_utf8_validate (name, -1, NULL) || strstr (name, ICW_SERVER_TEXT_MARK) != NULL)
        return refuse (refusal, "invalid-text", NULL, "A field's name is not valid UTF-8");
      if (member->bad_text ||
          (text != NULL && (!g_utf8_validate (text, -1, NULL) || strstr (text, ICW_SERVER_TEXT_MARK) != NULL)))
        return refuse (refusal, "invalid-text", icw_server_field_name (name),
                       "The field's text is not valid UTF-8 (a lone surrogate, a NUL, U+FFFF or a broken sequence)");
    }
  return TRUE;
}

/* The record as the server will store it: valid, within the size limit, and what a workbench
 * can apply. */
gboolean
icw_server_check_record (IcwSyncServer     *self,
                         IcwRecordKind      kind,
                         const IcwJsonRecord        *record,
                         gboolean           deleted,
                         const char        *payload,
                         IcwServerRefusal  *refusal)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gsize length = payload != NULL ? strlen (payload) : 0;

  if (payload == NULL || length > ICW_SYNC_JSON_MAX_RECORD)
    return refuse (refusal, "too-large", NULL, "The record is larger than 1 MiB");
  /* The payload is the record's bytes in a body the reader found to be valid UTF-8: without an
   * escape \uXXXX or a raw U+FFFF in them, none of its names and strings can fail check_text. */
  if (icw_server_text_may_be_bad (payload, length, TRUE) && !check_text (record, refusal))
    return FALSE;
  /* The role "user" of before issue 15: 用户企业 is now the organization's flag, which a member
   * record cannot set; the client's own migration moves it there, also in its waiting changes. */
  if (kind == ICW_RECORD_KIND_ALLIANCE_MEMBER && icw_member_role_is_legacy_user (icw_json_record_string (record, "role")))
    return refuse (refusal, "invalid-record", "role",
                   "The membership role \"user\" is no longer used: a user enterprise (用户企业) is marked on its "
                   "organization. Update Innovation Center Workbench: it makes the organization a user enterprise "
                   "and the member an ordinary member");
  if (!icw_store_check_remote_record (self->scratch, kind, record, deleted, &field, &error))
    return refuse (refusal, "invalid-record", icw_server_field_name (field), error->message);
  /* The reviewers' comments of a filed document: plain text or a valid comment list, whoever
   * sends them (the field catalogue's check, as the store runs it). */
  if (icw_lifecycle_kind_lookup (kind) != NULL &&
      !icw_review_comments_check (kind, icw_json_record_string (record, "reviewer_comments"), &error))
    return refuse (refusal, "invalid-record", "reviewer_comments", error->message);
  return TRUE;
}

GArray *
icw_server_references (IcwSyncServer *self,
                       IcwRecordKind  kind)
{
  if (self->references[kind] == NULL)
    self->references[kind] = icw_store_record_references (self->scratch, kind);
  return self->references[kind];
}

/* A field name the refusal can keep: the core's names are static; others are interned. */
const char *
icw_server_field_name (const char *name)
{
  return name != NULL ? g_intern_string (name) : NULL;
}

gboolean
icw_server_may_read (IcwSyncServer  *self,
                 IcwServerToken *token,
                 const char     *center_id)
{
  g_autofree char *province = NULL;

  if (!token->reviewer)
    return g_strcmp0 (center_id, token->center_id) == 0;
  province = icw_server_db_province (self, center_id);
  return g_strcmp0 (province, token->province) == 0;
}

/* A reference to another record: on the server, of the kind the column names, live, and in the
 * record's own center. */
static gboolean
check_reference (IcwSyncServer     *self,
                 const char        *column,
                 IcwRecordKind      kind,
                 const char        *target,
                 const char        *center,
                 IcwServerRefusal  *refusal)
{
  g_autoptr(IcwServerRecord) other = icw_server_db_record (self, target);

  if (other == NULL || other->deleted || g_strcmp0 (other->kind, icw_record_kind_to_key (kind)) != 0)
    return refuse (refusal, "missing-parent", column, "The record it refers to is not on the server");
  if (g_strcmp0 (other->center_id, center) != 0)
    return refuse (refusal, "foreign-reference", column, "The record it refers to belongs to another center");
  return TRUE;
}

/* The center of a new record: a center is its own; anything else an administrator pushes is in
 * the administrator's center (a `center_id` member must say so, and references must agree). */
static char *
new_record_center (IcwServerToken    *token,
                   IcwRecordKind      kind,
                   const char        *id,
                   IcwServerRefusal  *refusal)
{
  if (token->reviewer)
    {
      refuse (refusal, "forbidden-change", NULL, "A reviewer cannot add records");
      return NULL;
    }
  if (kind == ICW_RECORD_KIND_CENTER && !g_str_equal (id, token->center_id))
    {
      refuse (refusal, "forbidden-change", NULL, "This token may only change its own center");
      return NULL;
    }
  return g_strdup (token->center_id);
}

char *
icw_server_check_scope (IcwSyncServer     *self,
                        IcwServerToken    *token,
                        IcwRecordKind      kind,
                        const char        *id,
                        const IcwJsonRecord        *record,
                        IcwServerRecord   *stored,
                        IcwServerRefusal  *refusal)
{
  g_autofree char *center = NULL;
  GArray *references;
  const char *lineage;

  if (stored != NULL && g_strcmp0 (stored->kind, icw_record_kind_to_key (kind)) != 0)
    {
      refuse (refusal, "kind-mismatch", NULL, "The server holds a record of another kind under this ID");
      return NULL;
    }
  if (stored != NULL && !icw_server_may_read (self, token, stored->center_id))
    {
      refuse (refusal, token->reviewer ? "forbidden-change" : "id-taken", NULL,
              token->reviewer ? "The record is outside this reviewer's province"
                              : "This ID is taken by a record of another center");
      return NULL;
    }
  center = stored != NULL ? g_strdup (stored->center_id) : new_record_center (token, kind, id, refusal);
  if (center == NULL)
    return NULL;

  references = icw_server_references (self, kind);
  for (guint i = 0; i < references->len; i++)
    {
      IcwRecordReference *reference = &g_array_index (references, IcwRecordReference, i);
      const char *target = icw_json_record_string (record, reference->column);

      if (target == NULL)
        continue;
      if (reference->kind == ICW_RECORD_KIND_CENTER && !g_str_equal (target, center))
        {
          refuse (refusal, "foreign-reference", reference->column, "The record names another center");
          return NULL;
        }
      if (!check_reference (self, reference->column, reference->kind, target, center, refusal))
        return NULL;
    }
  /* A later version names the first one, of its kind and center. */
  lineage = icw_json_record_string (record, "lineage_id");
  if (lineage != NULL && !g_str_equal (lineage, id) &&
      !check_reference (self, "lineage_id", kind, lineage, center, refusal))
    return NULL;
  return g_steal_pointer (&center);
}

/* Whether a column differs between the stored record and the pushed one, null and "" alike. */
static gboolean
column_differs (const IcwJsonRecord *before,
                const IcwJsonRecord *after,
                const char *name)
{
  const IcwJsonMember *a = before != NULL ? icw_json_record_get (before, name) : NULL;
  const IcwJsonMember *b = icw_json_record_get (after, name);
  const char *ta, *tb;

  if (a != NULL && a->value.type == ICW_JSON_NULL)
    a = NULL;
  if (b != NULL && b->value.type == ICW_JSON_NULL)
    b = NULL;
  ta = a != NULL ? a->string : NULL;
  tb = b != NULL ? b->string : NULL;
  if ((a == NULL || (ta != NULL && *ta == '\0')) && (b == NULL || (tb != NULL && *tb == '\0')))
    return FALSE;
  if (a == NULL || b == NULL)
    return TRUE;
  return !icw_json_member_equal (a, b);
}

/* The first content column (not status, not the comments) that differs, or NULL. */
static const char *
changed_content (const IcwJsonRecord *before,
                 const IcwJsonRecord *after)
{
  guint n_after = icw_json_record_size (after);
  guint n = n_after + (before != NULL ? icw_json_record_size (before) : 0);

  for (guint i = 0; i < n; i++)
    {
      const char *name = i < n_after ? icw_json_record_nth (after, i)->name
                                     : icw_json_record_nth (before, i - n_after)->name;

      if (icw_record_column_is_lifecycle (name) || icw_record_column_is_outcome (name) ||
          g_str_equal (name, "updated_at"))
        continue;
      if (column_differs (before, after, name))
        return g_intern_string (name);
    }
  return NULL;
}

/* The first outcome column (a report's grade, icw-store-check.h) that the change sets or alters,
 * or NULL. A grade of "none" is no grade. */
static const char *
changed_outcome (const IcwJsonRecord *before,
                 const IcwJsonRecord *after)
{
  static const char * const columns[] = { "grade", "graded_on", "rectify_due" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *was = before != NULL ? icw_json_record_string (before, columns[i]) : NULL;
      const char *now = icw_json_record_string (after, columns[i]);

      if (g_strcmp0 (was, "none") == 0 || g_strcmp0 (was, "") == 0)
        was = NULL;
      if (g_strcmp0 (now, "none") == 0 || g_strcmp0 (now, "") == 0)
        now = NULL;
      if (g_strcmp0 (was, now) != 0)
        return columns[i];
    }
  return NULL;
}

/* YYYY-MM-DD, a real day. */
static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int y, m, d;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/* A grade recorded with an acceptance: a grade; the day it was given, when sent, a real day; and
 * for 不合格 given on a day, the 整改 due a year later (icw_rectification_due); otherwise no due
 * date (a due date needs the day it counts from). */
static gboolean
check_outcome (const IcwJsonRecord        *record,
               IcwServerRefusal  *refusal)
{
  const char *key = icw_json_record_string (record, "grade");
  const char *graded_on = icw_json_record_string (record, "graded_on");
  const char *rectify_due = icw_json_record_string (record, "rectify_due");
  gboolean has_due = rectify_due != NULL && *rectify_due != '\0';
  IcwReportGrade grade = ICW_REPORT_GRADE_NONE;
  GDate day, due;
  char expected[16];

  /* The key itself: the catalogue's check has read it as the enum. */
  if (key == NULL || !icw_report_grade_from_string (key, &grade) || grade == ICW_REPORT_GRADE_NONE)
    return refuse (refusal, "invalid-record", "grade", "A grade is one of excellent, good, pass or fail");
  g_date_clear (&day, 1);
  if (graded_on == NULL || *graded_on == '\0')
    return has_due ? refuse (refusal, "invalid-record", "graded_on", "A rectification due date needs the day of the grade")
                   : TRUE;
  if (!parse_day (graded_on, &day))
    return refuse (refusal, "invalid-record", "graded_on", "The day of the grade is not a day");
  if (!icw_rectification_due (grade, &day, &due))
    return has_due ? refuse (refusal, "invalid-record", "rectify_due", "Only a failed report has a rectification due date")
                   : TRUE;
  g_date_strftime (expected, sizeof expected, "%Y-%m-%d", &due);
  if (g_strcmp0 (rectify_due, expected) != 0)
    return refuse (refusal, "invalid-record", "rectify_due",
                   "A failed report's rectification is due one year after the day it was graded");
  return TRUE;
}

static gboolean
status_of (const IcwJsonRecord           *record,
           IcwApplicationStatus *status)
{
  const char *key = record != NULL ? icw_json_record_string (record, "status") : NULL;

  if (key == NULL)
    {
      *status = ICW_APPLICATION_STATUS_DRAFT;
      return TRUE;
    }
  return icw_application_status_from_string (key, status);
}

/* The comments a reviewer sends with an outcome (the form itself is the field catalogue's check,
 * run before): a return says why, and every comment of the list is of the outcome recorded. */
static gboolean
check_review_comments (IcwRecordKind         kind,
                       const IcwJsonRecord           *record,
                       IcwApplicationStatus  after,
                       IcwServerRefusal     *refusal)
{
  g_autoptr(GPtrArray) comments = icw_review_comments_parse (kind, icw_json_record_string (record, "reviewer_comments"), NULL);
  const char *outcome = icw_application_status_to_key (after);

  if (comments == NULL)
    return refuse (refusal, "invalid-record", "reviewer_comments", "The reviewer's comments are not a valid comment list");
  if (after == ICW_APPLICATION_STATUS_RETURNED && !icw_review_comments_have_text (comments))
    return refuse (refusal, "invalid-record", "reviewer_comments",
                   "A returned document needs a comment saying why it is returned");
  for (guint i = 0; i < comments->len; i++)
    {
      IcwReviewComment *comment = comments->pdata[i];

      if (comment->outcome != NULL && !g_str_equal (comment->outcome, outcome))
        return refuse (refusal, "invalid-record", "reviewer_comments",
                       "A comment's outcome is not the outcome this change records");
    }
  return TRUE;
}

static gboolean
check_reviewer (IcwRecordKind         kind,
                const IcwJsonRecord           *record,
                IcwApplicationStatus  before,
                IcwApplicationStatus  after,
                const char           *content,
                gboolean              deleted,
                IcwServerRefusal     *refusal)
{
  if (deleted || before != ICW_APPLICATION_STATUS_SUBMITTED ||
      (after != ICW_APPLICATION_STATUS_RETURNED && after != ICW_APPLICATION_STATUS_ACCEPTED))
    return refuse (refusal, "forbidden-change", "status",
                   "A reviewer may only return or accept a submitted document");
  if (content != NULL)
    return refuse (refusal, "forbidden-change", content,
                   "A reviewer may change only the status and the reviewer's comments");
  return check_review_comments (kind, record, after, refusal);
}

static gboolean
check_administrator (IcwSyncServer        *self,
                     IcwRecordKind         kind,
                     const IcwJsonRecord  *before_record,
                     const IcwJsonRecord           *record,
                     gboolean              exists,
                     IcwApplicationStatus  before,
                     IcwApplicationStatus  after,
                     const char           *content,
                     gboolean              deleted,
                     IcwServerRefusal     *refusal)
{
  if (!exists)
    {
      /* Made offline, it may arrive ready or submitted: steps its owner can take from a draft. */
      if (!deleted && !icw_lifecycle_status_owner_can_reach (ICW_APPLICATION_STATUS_DRAFT, after))
        return refuse (refusal, "forbidden-change", "status",
                       "A new document starts as a draft; only its owner's steps may follow");
      /* A new version carries the comments of the version it reopens. */
      if (column_differs (NULL, record, "reviewer_comments") &&
          !icw_server_db_lineage_has_comments (self, icw_record_kind_to_key (kind),
                                               icw_json_record_string (record, "lineage_id"),
                                               icw_json_record_string (record, "reviewer_comments")))
        return refuse (refusal, "forbidden-change", "reviewer_comments",
                       "Only a reviewer of the center's province writes reviewer comments");
      return TRUE;
    }
  if (icw_lifecycle_status_is_locked (before) && (content != NULL || deleted))
    return refuse (refusal, "locked-document", content,
                   "The document has been submitted or reviewed: its content cannot change");
  if (before != after &&
      (after == ICW_APPLICATION_STATUS_RETURNED || after == ICW_APPLICATION_STATUS_ACCEPTED))
    return refuse (refusal, "forbidden-change", "status",
                   "Only a reviewer of the center's province returns or accepts a document");
  if (!icw_lifecycle_status_owner_can_reach (before, after))
    return refuse (refusal, "forbidden-change", "status",
                   "The status cannot move from the stored one to this one");
  if (column_differs (before_record, record, "reviewer_comments"))
    return refuse (refusal, "forbidden-change", "reviewer_comments",
                   "Only a reviewer of the center's province writes reviewer comments");
  return TRUE;
}

/* The stored record's members (its text is the stored one's: keep stored while it is used). */
static IcwJsonRecord *
stored_object (IcwServerRecord *stored)
{
  if (stored == NULL || stored->payload == NULL)
    return NULL;
  return icw_json_record_new (stored->payload, strlen (stored->payload));
}

/* A child of a filed document (an attachment, a party, a budget line) changes only while its
 * document is open; a reviewer changes none. */
static gboolean
check_child (IcwSyncServer     *self,
             IcwRecordKind      kind,
             const IcwJsonRecord        *record,
             IcwServerRefusal  *refusal)
{
  GArray *references = icw_server_references (self, kind);

  for (guint i = 0; i < references->len; i++)
    {
      IcwRecordReference *reference = &g_array_index (references, IcwRecordReference, i);
      const char *target = icw_json_record_string (record, reference->column);
      g_autoptr(IcwServerRecord) parent = NULL;
      g_autoptr(IcwJsonRecord) parent_node = NULL;
      IcwApplicationStatus status;

      if (target == NULL || icw_lifecycle_kind_lookup (reference->kind) == NULL ||
          !icw_record_kind_is_parent_column (kind, reference->column))
        continue;
      parent = icw_server_db_record (self, target);
      parent_node = stored_object (parent);
      if (parent_node != NULL && status_of (parent_node, &status) &&
          icw_lifecycle_status_is_locked (status))
        return refuse (refusal, "locked-document", reference->column,
                       "The document it belongs to has been submitted or reviewed");
    }
  return TRUE;
}

gboolean
icw_server_check_authority (IcwSyncServer     *self,
                            IcwServerToken    *token,
                            IcwRecordKind      kind,
                            const IcwJsonRecord        *record,
                            IcwServerRecord   *stored,
                            gboolean           deleted,
                            gboolean          *review,
                            IcwServerRefusal  *refusal)
{
  g_autoptr(IcwJsonRecord) before_node = NULL;
  const IcwJsonRecord *before_record = NULL;
  IcwApplicationStatus before = ICW_APPLICATION_STATUS_DRAFT, after;
  gboolean exists = stored != NULL && !stored->deleted;
  const char *content;
  const char *outcome;

  *review = FALSE;
  if (icw_lifecycle_kind_lookup (kind) == NULL)
    {
      if (token->reviewer)
        return refuse (refusal, "forbidden-change", NULL,
                       "A reviewer may only return or accept a submitted document");
      return check_child (self, kind, record, refusal);
    }
  if (exists)
    {
      before_node = stored_object (stored);
      before_record = before_node;
      if (before_record == NULL || !status_of (before_record, &before))
        return refuse (refusal, "invalid-record", NULL, "The stored record cannot be read");
    }
  if (!status_of (record, &after))
    return refuse (refusal, "invalid-record", "status", "The status is not known");
  content = exists ? changed_content (before_record, record) : NULL;
  outcome = deleted ? NULL : changed_outcome (before_record, record);
  if (token->reviewer)
    {
      if (exists && outcome != NULL && after != ICW_APPLICATION_STATUS_ACCEPTED)
        return refuse (refusal, "forbidden-change", outcome,
                       "A grade is recorded only with the acceptance of a submitted report");
      if (!exists || !check_reviewer (kind, record, before, after, content, deleted, refusal))
        return exists ? FALSE : refuse (refusal, "forbidden-change", NULL, "A reviewer cannot add records");
      if (outcome != NULL && !check_outcome (record, refusal))
        return FALSE;
      *review = before != after;
      return TRUE;
    }
  /* A report's grade and 整改 date are the reviewer's outcome, on a new report too. */
  if (outcome != NULL)
    return refuse (refusal, "forbidden-change", outcome, "Only a reviewer of the center's province records the grade");
  return check_administrator (self, kind, before_record, record, exists, before, after, content, deleted, refusal);
}
