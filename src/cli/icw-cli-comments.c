/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-comments.c: a filed document's reviewers' comments on the command line: in `icw show` as
 * text people read (each with what it is about, who and when), in `show --json` as the list with
 * its anchors (docs/cli.md, "comments"), and the history of the document's versions with the
 * outcome and comments of each. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-lifecycle.h"
#include "icw-review-comments.h"

static char *
comments_text (IcwRecord *record)
{
  g_autofree char *text = NULL;

  g_object_get (record, "reviewer-comments", &text, NULL);
  return g_steal_pointer (&text);
}

char *
icw_cli_comments_describe (IcwRecord *record)
{
  g_autofree char *text = comments_text (record);
  g_autoptr(GPtrArray) comments = icw_review_comments_read (icw_record_kind_of (record), text);

  return icw_review_comments_describe (icw_record_kind_of (record), comments);
}

static void
add_comments (JsonBuilder *builder,
              IcwRecord   *record)
{
  g_autofree char *text = comments_text (record);
  g_autoptr(GPtrArray) comments = icw_review_comments_read (icw_record_kind_of (record), text);

  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comments->len; i++)
    {
      IcwReviewComment *comment = comments->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "anchor_kind", icw_anchor_kind_to_key (comment->anchor_kind));
      icw_cli_json_add_text (builder, "anchor_key", comment->anchor_key);
      icw_cli_json_add_text (builder, "anchor_title",
                             icw_review_anchor_title (icw_record_kind_of (record), comment->anchor_kind, comment->anchor_key));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, comment->text);
      icw_cli_json_add_text (builder, "author", comment->author);
      icw_cli_json_add_text (builder, "at", comment->at);
      icw_cli_json_add_text (builder, "outcome", comment->outcome);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
icw_cli_json_add_comments (JsonBuilder *builder,
                           IcwStore    *store,
                           IcwRecord   *record)
{
  g_autoptr(GPtrArray) versions = NULL;

  if (!icw_record_has_lifecycle (record))
    return;
  add_comments (builder, record);
  versions = icw_lifecycle_versions (store, record);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < versions->len; i++)
    {
      IcwRecord *version = versions->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "id", icw_record_get_id (version));
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, icw_lifecycle_get_version (version));
      icw_cli_json_add_text (builder, "status", icw_application_status_to_key (icw_lifecycle_get_status (version)));
      add_comments (builder, version);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
