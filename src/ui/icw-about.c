/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-about.c: the About window. libadwaita 1.2 cannot read AppStream metainfo by itself (that
 * came in 1.4), so the metainfo bundled in the GResource is parsed here: name, summary,
 * developer, homepage, issue tracker and the newest release with its notes. The texts are the
 * metainfo's English ones, translated through the same gettext catalogue that translates it. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-about.h"

typedef struct {
  int depth;
  char **target;          /* where the text of the element being read goes, or NULL */
  GString *text;
  char *name;
  char *summary;
  char *developer;
  char *homepage;
  char *issues;
  char *release_version;
  GString *release_notes; /* the newest release's description, as markup */
  int notes_depth;        /* depth of that description element while inside it, else 0 */
  gboolean notes_done;
} Metainfo;

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Metainfo *info = user_data;
  const char *type = NULL, *version = NULL, *lang = NULL;

  info->depth++;
  g_markup_collect_attributes (element, names, values, NULL,
                               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "type", &type,
                               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "version", &version,
                               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "date", NULL,
                               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "xml:lang", &lang,
                               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "compare", NULL,
                               G_MARKUP_COLLECT_INVALID);
  if (lang != NULL)
    return;

  if (info->notes_depth > 0)
    {
      g_string_append_printf (info->release_notes, "<%s>", element);
      return;
    }
  if (g_str_equal (element, "release") && info->release_version == NULL)
    info->release_version = g_strdup (version);
  else if (g_str_equal (element, "description") && info->release_version != NULL && !info->notes_done)
    info->notes_depth = info->depth;
  else if (info->depth == 2)
    {
      if (g_str_equal (element, "name"))
        info->target = &info->name;
      else if (g_str_equal (element, "summary"))
        info->target = &info->summary;
      else if (g_str_equal (element, "developer_name"))
        info->target = &info->developer;
      else if (g_str_equal (element, "url") && g_strcmp0 (type, "homepage") == 0)
        info->target = &info->homepage;
      else if (g_str_equal (element, "url") && g_strcmp0 (type, "bugtracker") == 0)
        info->target = &info->issues;
      if (info->target != NULL)
        g_string_truncate (info->text, 0);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Metainfo *info = user_data;

  if (info->notes_depth > 0 && info->depth == info->notes_depth)
    {
      info->notes_depth = 0;
      info->notes_done = TRUE;
    }
  else if (info->notes_depth > 0)
    g_string_append_printf (info->release_notes, "</%s>", element);
  else if (info->target != NULL && *info->target == NULL)
    {
      *info->target = g_strdup (g_strstrip (info->text->str));
      info->target = NULL;
    }
  else
    info->target = NULL;
  info->depth--;
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  Metainfo *info = user_data;

  if (info->notes_depth > 0)
    {
      g_autofree char *chunk = g_strndup (text, len);
      g_autofree char *stripped = g_strstrip (g_strdup (chunk));
      /* The catalogue holds the notes as the metainfo file spells them, markup ("R&amp;D"), and
       * their translations so too. Only text is looked up: gettext answers "" (the blanks between
       * the notes' elements) with the catalogue's header, which in Chinese made the notes
       * unreadable markup. */
      g_autofree char *escaped = g_markup_escape_text (stripped, -1);

      g_string_append (info->release_notes, *escaped != '\0' ? _(escaped) : "");
    }
  else if (info->target != NULL)
    g_string_append_len (info->text, text, len);
}

static void
metainfo_clear (Metainfo *info)
{
  g_string_free (info->text, TRUE);
  g_string_free (info->release_notes, TRUE);
  g_free (info->name);
  g_free (info->summary);
  g_free (info->developer);
  g_free (info->homepage);
  g_free (info->issues);
  g_free (info->release_version);
}

GtkWidget *
icw_about_window_new (GtkWindow *parent)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/metainfo.xml", 0, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  Metainfo info = { 0 };
  GtkWidget *about;

  info.text = g_string_new (NULL);
  info.release_notes = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  if (bytes == NULL ||
      !g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    g_warning ("The bundled metainfo could not be read");

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", info.name != NULL ? _(info.name) : _("Innovation Center Workbench"),
                        "comments", info.summary != NULL ? _(info.summary) : "",
                        "developer-name", info.developer != NULL ? _(info.developer) : "",
                        "website", info.homepage,
                        "issue-url", info.issues,
                        "version", PACKAGE_VERSION,
                        "release-notes-version", info.release_version,
                        "release-notes", info.release_notes->str,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  metainfo_clear (&info);
  return about;
}
