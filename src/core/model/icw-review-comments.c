/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-comments.c: reading, checking and writing the reviewers' comments of a document
 * (icw-review-comments.h): the anchors each kind allows, the strict parse the store and the
 * server run, the lenient one for showing what is stored, and the text people read. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-application-sections.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-field-catalogue.h"
#include "icw-field-checks.h"
#include "icw-field-limits.h"
#include "icw-json-check.h"
#include "icw-review-comments.h"

static const char *const anchor_keys[] = { "document", "section", "field" };

/* The pages of the agreement and funding editors, by key, with the titles the editors show. */
typedef struct {
  const char *key;
  const char *title;
} Page;

static const Page agreement_pages[] = {
  { "parties", N_("Parties and Shares") },
  { "background-ip", N_("Background IP") },
  { "results", N_("Results and Access") },
  { "terms", N_("Terms") },
  { "special-clauses", N_("Special Clauses") },
  { "text", N_("Agreement Text") },
};

static const Page funding_pages[] = {
  { "request", N_("Request") },
  { "budget", N_("Budget") },
  { "justification", N_("Justification") },
  { "milestones", N_("Milestones") },
};

/* A report's pages (icw-report.h), which the report's editor shows. */
static const Page report_pages[] = {
  { "summary", N_("Work Summary") },
  { "indicators", N_("Assessment Indicators") },
  { "construction", N_("Construction") },
  { "figures", N_("Figures of the Year") },
  { "attachments", N_("Attachments") },
};

static const char *const agreement_keys[] = { "parties", "background-ip", "results", "terms", "special-clauses", "text", NULL };
static const char *const funding_keys[] = { "request", "budget", "justification", "milestones", NULL };
static const char *const report_keys[] = { "summary", "indicators", "construction", "figures", "attachments", NULL };
static const char *const no_keys[] = { NULL };

IcwReviewComment *
icw_review_comment_new (IcwAnchorKind  anchor_kind,
                        const char    *anchor_key,
                        const char    *text,
                        const char    *author,
                        const char    *at,
                        const char    *outcome)
{
  IcwReviewComment *comment = g_new0 (IcwReviewComment, 1);

  comment->anchor_kind = anchor_kind;
  comment->anchor_key = anchor_kind != ICW_ANCHOR_DOCUMENT ? g_strdup (anchor_key) : NULL;
  comment->text = g_strdup (text != NULL ? text : "");
  comment->author = g_strdup (author);
  comment->at = g_strdup (at);
  comment->outcome = g_strdup (outcome);
  return comment;
}

void
icw_review_comment_free (IcwReviewComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->anchor_key);
  g_free (comment->text);
  g_free (comment->author);
  g_free (comment->at);
  g_free (comment->outcome);
  g_free (comment);
}

const char *
icw_anchor_kind_to_key (IcwAnchorKind anchor_kind)
{
  g_return_val_if_fail (anchor_kind <= ICW_ANCHOR_FIELD, NULL);
  return anchor_keys[anchor_kind];
}

gboolean
icw_anchor_kind_from_key (const char    *key,
                          IcwAnchorKind *out)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (anchor_keys); i++)
    if (strcmp (key, anchor_keys[i]) == 0)
      {
        *out = (IcwAnchorKind) i;
        return TRUE;
      }
  return FALSE;
}

const char * const *
icw_review_section_keys (IcwRecordKind kind)
{
  static const char *application_keys[ICW_N_SECTIONS + 1];

  switch (kind)
    {
    case ICW_RECORD_KIND_APPLICATION:
      if (application_keys[0] == NULL)
        for (IcwSection s = 0; s < ICW_N_SECTIONS; s++)
          application_keys[s] = icw_section_to_key (s);
      return application_keys;
    case ICW_RECORD_KIND_IP_AGREEMENT:
      return agreement_keys;
    case ICW_RECORD_KIND_FUNDING_REQUEST:
      return funding_keys;
    case ICW_RECORD_KIND_REPORT:
      return report_keys;
    default:
      return no_keys;
    }
}

static const char *
page_title (const Page *pages,
            guint       n,
            const char *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (pages[i].key, key) == 0)
      return _(pages[i].title);
  return NULL;
}

const char *
icw_review_section_title (IcwRecordKind  kind,
                          const char    *key)
{
  IcwSection section;

  switch (kind)
    {
    case ICW_RECORD_KIND_APPLICATION:
      return icw_section_from_key (key, &section) ? icw_section_get_title (section) : NULL;
    case ICW_RECORD_KIND_IP_AGREEMENT:
      return page_title (agreement_pages, G_N_ELEMENTS (agreement_pages), key);
    case ICW_RECORD_KIND_FUNDING_REQUEST:
      return page_title (funding_pages, G_N_ELEMENTS (funding_pages), key);
    case ICW_RECORD_KIND_REPORT:
      return page_title (report_pages, G_N_ELEMENTS (report_pages), key);
    default:
      return NULL;
    }
}

gboolean
icw_review_anchor_check (IcwRecordKind   kind,
                         IcwAnchorKind   anchor_kind,
                         const char     *anchor_key,
                         GError        **error)
{
  switch (anchor_kind)
    {
    case ICW_ANCHOR_DOCUMENT:
      if (anchor_key == NULL)
        return TRUE;
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("a comment on the whole document names no section or field (anchor_key is null)"));
      return FALSE;
    case ICW_ANCHOR_SECTION:
      if (anchor_key != NULL && g_strv_contains (icw_review_section_keys (kind), anchor_key))
        return TRUE;
      {
        g_autofree char *keys = g_strjoinv (", ", (char **) icw_review_section_keys (kind));

        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("“%s” is not a section of this document; its sections are %s"),
                     anchor_key != NULL ? anchor_key : "", keys);
      }
      return FALSE;
    case ICW_ANCHOR_FIELD:
      /* Any field of the kind but the review's own. */
      if (anchor_key != NULL && icw_field_catalogue_find (kind, anchor_key) != NULL &&
          !g_str_equal (anchor_key, "status") && !g_str_equal (anchor_key, "reviewer_comments"))
        return TRUE;
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("“%s” is not a field of this document"), anchor_key != NULL ? anchor_key : "");
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
icw_review_anchor_title (IcwRecordKind  kind,
                         IcwAnchorKind  anchor_kind,
                         const char    *anchor_key)
{
  const IcwColumn *field;
  const char *title;

  if (anchor_kind == ICW_ANCHOR_SECTION && (title = icw_review_section_title (kind, anchor_key)) != NULL)
    return title;
  if (anchor_kind == ICW_ANCHOR_FIELD && (field = icw_field_catalogue_find (kind, anchor_key)) != NULL)
    return icw_field_label (field);
  if (anchor_kind != ICW_ANCHOR_DOCUMENT && anchor_key != NULL)
    return anchor_key;
  return _("Whole document");
}

/* Parsing. */

static gboolean
fail (GError    **error,
      guint       index,
      const char *member,
      const char *problem)
{
  /* Translators: the number of a comment in the list, from 1; its member; what is wrong. */
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("comment %u, “%s”: %s"), index + 1, member, problem);
  return FALSE;
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
check_line (const char  *text,
            guint        index,
            const char  *member,
            GError     **error)
{
  gunichar bad;
  glong length;

  if (icw_field_inspect (text, ICW_FIELD_CLASS_NAME, &bad, &length) != ICW_FIELD_OK)
    return fail (error, index, member, _("one line of at most 200 characters, without control characters"));
  return TRUE;
}

static IcwReviewComment *
refuse_comment (GError    **error,
                guint       index,
                const char *member,
                const char *problem)
{
  fail (error, index, member, problem);
  return NULL;
}

static IcwReviewComment *
parse_comment (IcwRecordKind   kind,
               JsonNode       *node,
               guint           index,
               GError        **error)
{
  static const char *const members[] = { "anchor_kind", "anchor_key", "text", "author", "at", "outcome", NULL };
  const char *anchor, *key, *text, *author, *at, *outcome;
  g_autoptr(GError) anchor_error = NULL;
  g_autoptr(GList) names = NULL;
  IcwAnchorKind anchor_kind;
  IcwApplicationStatus status;
  JsonObject *object;
  gunichar bad;
  glong length;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("comment %u is not an object"), index + 1);
      return NULL;
    }
  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      return refuse_comment (error, index, l->data, _("a comment has no such member"));
  if (!icw_json_optional_string (object, "anchor_kind", &anchor) || !icw_anchor_kind_from_key (anchor, &anchor_kind))
    return refuse_comment (error, index, "anchor_kind", _("one of document, section or field"));
  if (!icw_json_optional_string (object, "anchor_key", &key))
    return refuse_comment (error, index, "anchor_key", _("a string or null"));
  if (!icw_review_anchor_check (kind, anchor_kind, key, &anchor_error))
    return refuse_comment (error, index, "anchor_key", anchor_error->message);
  if (!icw_json_optional_string (object, "outcome", &outcome) ||
      (outcome != NULL && (!icw_application_status_from_string (outcome, &status) ||
                           (status != ICW_APPLICATION_STATUS_RETURNED && status != ICW_APPLICATION_STATUS_ACCEPTED))))
    return refuse_comment (error, index, "outcome", _("returned, accepted or null"));
  if (!icw_json_optional_string (object, "text", &text) || text == NULL)
    return refuse_comment (error, index, "text", _("the comment's text is missing"));
  if (icw_field_inspect (text, ICW_FIELD_CLASS_TEXT, &bad, &length) != ICW_FIELD_OK ||
      length > ICW_REVIEW_COMMENT_MAX_CHARS)
    return refuse_comment (error, index, "text", _("at most 20000 characters, with no control characters but line breaks and tabs"));
  if (!has_text (text) && g_strcmp0 (outcome, "accepted") != 0)
    return refuse_comment (error, index, "text", _("empty; only an acceptance may come without a comment"));
  if (!icw_json_optional_string (object, "author", &author))
    return refuse_comment (error, index, "author", _("a string or null"));
  if (author != NULL && !check_line (author, index, "author", error))
    return NULL;
  if (!icw_json_optional_string (object, "at", &at) || (at != NULL && !icw_timestamp_is_valid (at)))
    return refuse_comment (error, index, "at", _("a time in UTC written as ISO 8601, e.g. 2026-11-25T09:04:01Z"));
  return icw_review_comment_new (anchor_kind, key, text, author, at, outcome);
}

/* The structured form; NULL with error when the object is not a valid one. */
static GPtrArray *
parse_object (IcwRecordKind   kind,
              JsonObject     *root,
              GError        **error)
{
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  const char *format = NULL;
  JsonNode *version = json_object_get_member (root, "version");
  JsonNode *list = json_object_get_member (root, "comments");
  g_autoptr(GList) names = json_object_get_members (root);
  JsonArray *array;

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "version") && !g_str_equal (l->data, "comments"))
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("the comment list has no member “%s”"), (const char *) l->data);
        return NULL;
      }
  if (!icw_json_optional_string (root, "format", &format) || g_strcmp0 (format, ICW_REVIEW_COMMENTS_FORMAT) != 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("a JSON object here must be a comment list: “format” is “%s”"),
                   ICW_REVIEW_COMMENTS_FORMAT);
      return NULL;
    }
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != ICW_REVIEW_COMMENTS_VERSION)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("the comment list's “version” must be %d"), ICW_REVIEW_COMMENTS_VERSION);
      return NULL;
    }
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
      json_array_get_length (array = json_node_get_array (list)) > ICW_REVIEW_COMMENTS_MAX)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("“comments” must be a list of at most %d comments"), ICW_REVIEW_COMMENTS_MAX);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      IcwReviewComment *comment = parse_comment (kind, json_array_get_element (array, i), i, error);

      if (comment == NULL)
        return NULL;
      g_ptr_array_add (comments, comment);
    }
  return g_steal_pointer (&comments);
}

GPtrArray *
icw_review_comments_parse (IcwRecordKind   kind,
                           const char     *text,
                           GError        **error)
{
  GPtrArray *comments;
  g_autoptr(JsonNode) root = NULL;

  if (text == NULL || *text == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  root = icw_json_parse_strict (text);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return parse_object (kind, json_node_get_object (root), error);
  comments = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, text, NULL, NULL, NULL));
  return comments;
}

GPtrArray *
icw_review_comments_read (IcwRecordKind  kind,
                          const char    *text)
{
  GPtrArray *comments = icw_review_comments_parse (kind, text, NULL);

  if (comments != NULL)
    return comments;
  comments = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  g_ptr_array_add (comments, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, text, NULL, NULL, NULL));
  return comments;
}

gboolean
icw_review_comments_check (IcwRecordKind   kind,
                           const char     *text,
                           GError        **error)
{
  g_autoptr(GPtrArray) comments = icw_review_comments_parse (kind, text, error);

  return comments != NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
icw_review_comments_to_text (GPtrArray *comments)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (comments == NULL || comments->len == 0)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "format", ICW_REVIEW_COMMENTS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ICW_REVIEW_COMMENTS_VERSION);
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comments->len; i++)
    {
      IcwReviewComment *comment = comments->pdata[i];

      json_builder_begin_object (builder);
      add_string (builder, "anchor_kind", icw_anchor_kind_to_key (comment->anchor_kind));
      add_string (builder, "anchor_key", comment->anchor_key);
      add_string (builder, "text", comment->text);
      add_string (builder, "author", comment->author);
      add_string (builder, "at", comment->at);
      add_string (builder, "outcome", comment->outcome);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
says_something (const IcwReviewComment *comment)
{
  return has_text (comment->text);
}

gboolean
icw_review_comments_have_text (GPtrArray *comments)
{
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    if (says_something (comments->pdata[i]))
      return TRUE;
  return FALSE;
}

/* "Li Hua, 2026-12-07 03:00 UTC", "Li Hua", "2026-12-07 03:00 UTC" or NULL. */
static char *
byline (const IcwReviewComment *comment)
{
  g_autofree char *when = NULL;

  if (comment->at != NULL && strlen (comment->at) >= 16)
    when = g_strdup_printf ("%.10s %.5s UTC", comment->at, comment->at + 11);
  if (comment->author != NULL && when != NULL)
    return g_strdup_printf ("%s, %s", comment->author, when);
  return g_strdup (comment->author != NULL ? comment->author : when);
}

char *
icw_review_comments_describe (IcwRecordKind  kind,
                              GPtrArray     *comments)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      IcwReviewComment *comment = comments->pdata[i];
      const char *about = icw_review_anchor_title (kind, comment->anchor_kind, comment->anchor_key);
      g_autofree char *by = byline (comment);
      g_autofree char *heading = NULL;

      if (!says_something (comment))
        continue;
      if (out->len > 0)
        g_string_append (out, "\n");
      if (comment->anchor_kind == ICW_ANCHOR_DOCUMENT && by == NULL)
        {
          g_string_append (out, comment->text);
          continue;
        }
      if (by != NULL)
        /* Translators: what a comment is about (a section, a field, the whole document), who wrote it and when. */
        heading = g_strdup_printf (_("%s (%s)"), about, by);
      /* Translators: the heading of a reviewer's comment, then the comment. */
      g_string_append_printf (out, _("%s: %s"), heading != NULL ? heading : about, comment->text);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The section of an application a field anchor is on: the section whose property or key the
 * column is ("section_risks", "capability_platforms"), or that its finding field names. */
static gboolean
field_on_section (IcwRecordKind  kind,
                  const char    *column,
                  const char    *section_key)
{
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  IcwSection section;

  if (kind != ICW_RECORD_KIND_APPLICATION || !icw_section_from_key (section_key, &section))
    return FALSE;
  return g_strcmp0 (icw_section_get_property (section), property) == 0 ||
         g_str_equal (section_key, property) ||
         (section == ICW_SECTION_CALL && g_str_has_prefix (property, "call-")) ||
         icw_section_from_field (property) == section;
}

char *
icw_review_comments_for_section (IcwRecordKind  kind,
                                 GPtrArray     *comments,
                                 const char    *section_key)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      IcwReviewComment *comment = comments->pdata[i];
      gboolean here = (comment->anchor_kind == ICW_ANCHOR_SECTION && g_strcmp0 (comment->anchor_key, section_key) == 0) ||
                      (comment->anchor_kind == ICW_ANCHOR_FIELD && field_on_section (kind, comment->anchor_key, section_key));

      if (!here || !says_something (comment))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, comment->text);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
