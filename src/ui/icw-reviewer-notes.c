/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-notes.c: finds the comments anchored to the visible section (by its key, or a field
 * on it: icw-review-comments.h) or, in plain text written before comments had anchors, line by
 * line, the section a comment names (its title in the user's language or in English, or its key,
 * then a colon), and shows the visible section's
 * comments in a highlighted box with the reviewers' icon. Lines that name no section stay in the
 * editor's banner, which shows the whole text. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-lifecycle.h"
#include "icw-review-comments.h"
#include "icw-reviewer-notes.h"

struct _IcwReviewerNotes
{
  AdwBin parent_instance;

  GtkStack *pages;           /* not owned: the editor's */
  IcwRecord *record;         /* a document with a life cycle */
  IcwStore *store;           /* to read the version this one reopens, or NULL */
  GtkLabel *label;
  GtkLabel *heading;
};

G_DEFINE_FINAL_TYPE (IcwReviewerNotes, icw_reviewer_notes, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "1. ", "2、", "（3）", "- ", "• " before the heading. */
static const char *
skip_list_marker (const char *line)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "* "))
    return p + 2;
  if (g_str_has_prefix (p, "• "))
    return p + strlen ("• ");
  if (g_str_has_prefix (p, "（") || *p == '(')
    p = g_utf8_next_char (p);
  if (!g_ascii_isdigit (*p))
    return line;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' || *p == ')')
    p++;
  else if (g_str_has_prefix (p, "、") || g_str_has_prefix (p, "）") || g_str_has_prefix (p, "．"))
    p = g_utf8_next_char (p);
  while (*p == ' ')
    p++;
  return p;
}

/* The rest of the line after "heading:" / "heading：", or NULL. Latin headings in any case. */
static const char *
after_heading (const char *line,
               const char *heading)
{
  gsize n = strlen (heading);
  const char *p;

  if (n == 0 || g_ascii_strncasecmp (line, heading, n) != 0)
    return NULL;
  p = line + n;
  while (*p == ' ')
    p++;
  if (*p == ':')
    p++;
  else if (g_str_has_prefix (p, "："))
    p += strlen ("：");
  else
    return NULL;
  while (*p == ' ')
    p++;
  return p;
}

char *
icw_reviewer_notes_for_section (const char *comments,
                                IcwSection  section)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) found = NULL;
  const char *headings[] = { icw_section_get_title (section), icw_section_to_key (section) };

  if (comments == NULL || *comments == '\0')
    return NULL;
  lines = g_strsplit (comments, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = skip_list_marker (lines[i]);

      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        {
          const char *rest = after_heading (line, headings[h]);

          if (rest == NULL || *rest == '\0')
            continue;
          if (found == NULL)
            found = g_string_new (NULL);
          else
            g_string_append_c (found, '\n');
          g_string_append (found, rest);
          break;
        }
    }
  return found != NULL ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
}

/* The comments of the version this one reopens, when it has none of its own (they stay with the
 * version they were written on); *version gets that version. */
static char *
earlier_comments (IcwReviewerNotes *self,
                  int              *version)
{
  IcwRecord *record = self->record;
  g_autoptr(GPtrArray) versions = NULL;
  int own = icw_lifecycle_get_version (record);

  if (self->store == NULL || own < 2)
    return NULL;
  versions = icw_lifecycle_versions (self->store, record);
  for (guint i = versions->len; i > 0; i--)
    {
      IcwRecord *earlier = versions->pdata[i - 1];
      char *text = NULL;

      if (icw_lifecycle_get_version (earlier) >= own)
        continue;
      g_object_get (earlier, "reviewer-comments", &text, NULL);
      *version = icw_lifecycle_get_version (earlier);
      return text;
    }
  return NULL;
}

static void
update (IcwReviewerNotes *self)
{
  const char *key = gtk_stack_get_visible_child_name (self->pages);
  g_autofree char *own = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  const char *comments;
  IcwRecordKind kind;
  IcwSection section;
  int version = 0;

  if (self->record != NULL)
    g_object_get (self->record, "reviewer-comments", &own, NULL);
  comments = own;
  if (self->record != NULL && (own == NULL || *own == '\0'))
    comments = earlier = earlier_comments (self, &version);
  if (key != NULL && self->record != NULL)
    {
      g_autoptr(GPtrArray) list = NULL;

      kind = icw_record_kind_of (self->record);
      list = icw_review_comments_read (kind, comments);
      /* Anchored comments by their key; an application's plain text of earlier versions by its headings. */
      text = icw_review_comments_for_section (kind, list, key);
      if (text == NULL && kind == ICW_RECORD_KIND_APPLICATION && icw_section_from_key (key, &section))
        text = icw_reviewer_notes_for_section (comments, section);
    }
  heading = earlier != NULL ? g_strdup_printf (_("Reviewers' comment on this section in version %d"), version)
                            : g_strdup (_("Reviewers' comment on this section"));
  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->label, text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, heading, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
}

void
icw_reviewer_notes_set_record (IcwReviewerNotes *self,
                               IcwRecord        *record)
{
  g_return_if_fail (ICW_IS_REVIEWER_NOTES (self));
  g_return_if_fail (record == NULL || icw_record_has_lifecycle (record));

  if (self->record == record)
    return;
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_set_object (&self->record, record);
  if (record != NULL)
    g_signal_connect_swapped (record, "notify::reviewer-comments", G_CALLBACK (update), self);
  update (self);
}

void
icw_reviewer_notes_set_application (IcwReviewerNotes *self,
                                    IcwApplication   *application)
{
  icw_reviewer_notes_set_record (self, application != NULL ? ICW_RECORD (application) : NULL);
}

const char *
icw_reviewer_notes_get_text (IcwReviewerNotes *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->label) : NULL;
}

static void
icw_reviewer_notes_dispose (GObject *object)
{
  IcwReviewerNotes *self = ICW_REVIEWER_NOTES (object);

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_data (self->pages, self);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->pages);
  G_OBJECT_CLASS (icw_reviewer_notes_parent_class)->dispose (object);
}

static void
icw_reviewer_notes_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IcwReviewerNotes *self = ICW_REVIEWER_NOTES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          g_object_notify_by_pspec (object, pspec);
          if (self->pages != NULL)
            update (self);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_reviewer_notes_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IcwReviewerNotes *self = ICW_REVIEWER_NOTES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_reviewer_notes_class_init (IcwReviewerNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icw_reviewer_notes_dispose;
  object_class->set_property = icw_reviewer_notes_set_property;
  object_class->get_property = icw_reviewer_notes_get_property;
  /* The store to read the version a reopened one comes from (the document editor sets it). */
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, ICW_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_reviewer_notes_init (IcwReviewerNotes *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->heading = GTK_LABEL (gtk_label_new (_("Reviewers' comment on this section")));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_selectable (self->label, TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("user-info-symbolic"));
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "reviewer-note");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
icw_reviewer_notes_new (GtkStack *pages)
{
  IcwReviewerNotes *self = g_object_new (ICW_TYPE_REVIEWER_NOTES, NULL);

  g_set_weak_pointer (&self->pages, pages);
  g_signal_connect_swapped (pages, "notify::visible-child-name", G_CALLBACK (update), self);
  return GTK_WIDGET (self);
}
