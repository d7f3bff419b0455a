/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-outline.c: reading a call's outline (icw-outline.h; its format is in docs/formats.md) and
 * checking an application against it. Every text is held in English and Chinese and read in the
 * interface's language; every string lives in the outline's string chunk. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-outline.h"
#include "icw-application-sections.h"
#include "icw-attachment.h"
#include "icw-error.h"
#include "icw-finding.h"
#include "icw-i18n.h"
#include "icw-outlines-resources.h"

#define RESOURCE_DIR "/org/mfginnovation/Workbench/outlines/"

enum { EN, ZH, N_LANGUAGES };

struct _IcwOutline
{
  GObject parent_instance;

  GStringChunk *strings;
  char *id;
  int version;
  char *province;
  IcwApplicationKind stage;
  const char *title[N_LANGUAGES];
  GPtrArray *documents[N_LANGUAGES];
  const char *source_document;
  const char *source_quote;
  const char *source_note[N_LANGUAGES];
  GPtrArray *source_urls;
  gboolean sections_known;
  const char *sections_note[N_LANGUAGES];
  GArray *sections[N_LANGUAGES];      /* IcwOutlineSection */
  GArray *attachments[N_LANGUAGES];   /* IcwOutlineAttachment */
  const char *attachments_note[N_LANGUAGES];
  guint paper_copies;
  gboolean electronic;
  const char *paper_basis;
  const char *paper_quote;
  const char *paper_text[N_LANGUAGES];
  GPtrArray *paper_urls;
};

G_DEFINE_FINAL_TYPE (IcwOutline, icw_outline, G_TYPE_OBJECT)

static void
icw_outline_finalize (GObject *object)
{
  IcwOutline *self = ICW_OUTLINE (object);

  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      g_clear_pointer (&self->documents[l], g_ptr_array_unref);
      g_clear_pointer (&self->sections[l], g_array_unref);
      g_clear_pointer (&self->attachments[l], g_array_unref);
    }
  g_clear_pointer (&self->source_urls, g_ptr_array_unref);
  g_clear_pointer (&self->paper_urls, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  G_OBJECT_CLASS (icw_outline_parent_class)->finalize (object);
}

static void
icw_outline_class_init (IcwOutlineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_outline_finalize;
}

static void
icw_outline_init (IcwOutline *self)
{
  self->strings = g_string_chunk_new (1024);
  self->source_urls = g_ptr_array_new ();
  self->paper_urls = g_ptr_array_new ();
  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      self->documents[l] = g_ptr_array_new ();
      self->sections[l] = g_array_new (FALSE, TRUE, sizeof (IcwOutlineSection));
      self->attachments[l] = g_array_new (FALSE, TRUE, sizeof (IcwOutlineAttachment));
    }
}

static guint
language (void)
{
  return strcmp (icw_rules_language (), "zh_CN") == 0 ? ZH : EN;
}

/* Reading */

typedef struct {
  IcwOutline *outline;
  char       *problem;   /* the first thing wrong, or NULL */
} Reader;

static void
refuse (Reader     *reader,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
refuse (Reader     *reader,
        const char *format,
        ...)
{
  va_list args;

  if (reader->problem != NULL)
    return;
  va_start (args, format);
  reader->problem = g_strdup_vprintf (format, args);
  va_end (args);
}

static const char *
keep (Reader     *reader,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (reader->outline->strings, text) : NULL;
}

/* Only the members named may appear: an outline must not silently lose what it says. */
static gboolean
only_members (Reader            *reader,
              JsonObject        *object,
              const char        *where,
              const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *m = members; m != NULL; m = m->next)
    if (!g_strv_contains (known, m->data))
      {
        refuse (reader, _("“%s” in %s is not a member an outline has"), (const char *) m->data, where);
        return FALSE;
      }
  return TRUE;
}

static const char *
string_member (Reader     *reader,
               JsonObject *object,
               const char *name,
               gboolean    required,
               const char *where)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL && !required)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      refuse (reader, _("%s needs “%s”, a text"), where, name);
      return NULL;
    }
  return keep (reader, json_node_get_string (node));
}

/* {"en": …, "zh_CN": …} into both languages. */
static void
localized (Reader      *reader,
           JsonObject  *object,
           const char  *name,
           const char  *where,
           const char **out)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonObject *texts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (reader, _("%s needs “%s” in English and Chinese (“en”, “zh_CN”)"), where, name);
      return;
    }
  texts = json_node_get_object (node);
  out[EN] = string_member (reader, texts, "en", TRUE, name);
  out[ZH] = string_member (reader, texts, "zh_CN", TRUE, name);
}

static void
urls (Reader     *reader,
      JsonObject *object,
      const char *where,
      GPtrArray  *into)
{
  JsonNode *node = json_object_get_member (object, "urls");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      refuse (reader, _("%s needs “urls”: the public copies it was read in"), where);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *url = json_node_get_string (json_array_get_element (array, i));

      if (url == NULL || (!g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://")))
        {
          refuse (reader, _("%s: “urls” must hold web addresses (http:// or https://)"), where);
          return;
        }
      g_ptr_array_add (into, (gpointer) keep (reader, url));
    }
}

static const char *
basis_member (Reader     *reader,
              JsonObject *object,
              const char *where,
              const char **quote,
              const char **url)
{
  const char *basis = string_member (reader, object, "basis", TRUE, where);

  *quote = string_member (reader, object, "quote", FALSE, where);
  if (url != NULL)
    *url = string_member (reader, object, "url", FALSE, where);
  if (basis == NULL)
    return NULL;
  if (strcmp (basis, "policy") != 0 && strcmp (basis, "program-practice") != 0 &&
      strcmp (basis, "source-not-found") != 0)
    refuse (reader, _("%s: “basis” must be policy, program-practice or source-not-found"), where);
  else if (strcmp (basis, "policy") == 0 && *quote == NULL)
    refuse (reader, _("%s rests on the call: it needs the words it rests on (“quote”)"), where);
  return basis;
}

static void
read_source (Reader     *reader,
             JsonObject *root)
{
  static const char * const known[] = { "document", "quote", "urls", "note", NULL };
  JsonNode *node = json_object_get_member (root, "source");
  JsonObject *source;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (reader, _("the outline has no source: name the call it comes from (“source”)"));
      return;
    }
  source = json_node_get_object (node);
  if (!only_members (reader, source, "source", known))
    return;
  reader->outline->source_document = string_member (reader, source, "document", TRUE, "source");
  reader->outline->source_quote = string_member (reader, source, "quote", TRUE, "source");
  urls (reader, source, "source", reader->outline->source_urls);
  localized (reader, source, "note", "source", reader->outline->source_note);
}

static void
read_sections (Reader     *reader,
               JsonObject *root)
{
  static const char * const known[] = { "section", "title", "required", "basis", "quote", "url", NULL };
  JsonNode *node = json_object_get_member (root, "sections");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (reader, _("the outline needs “sections”, a list"));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && reader->problem == NULL; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf (_("section %u"), i + 1);
      IcwOutlineSection section = { NULL, };
      const char *title[N_LANGUAGES] = { NULL, };
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          refuse (reader, _("%s must be an object"), where);
          return;
        }
      object = json_node_get_object (element);
      if (!only_members (reader, object, where, known))
        return;
      section.section = string_member (reader, object, "section", TRUE, where);
      if (section.section != NULL && !icw_section_from_key (section.section, NULL))
        refuse (reader, _("%s: “%s” is not a section of an application"), where, section.section);
      localized (reader, object, "title", where, title);
      section.required = json_object_get_boolean_member_with_default (object, "required", FALSE);
      section.basis = basis_member (reader, object, where, &section.quote, &section.url);
      if (section.required && section.basis != NULL && strcmp (section.basis, "policy") != 0)
        refuse (reader, _("%s: only a section the call asks for (basis policy) can be required"), where);
      for (guint l = 0; l < N_LANGUAGES; l++)
        {
          section.title = title[l];
          g_array_append_val (reader->outline->sections[l], section);
        }
    }
}

static const char * const *
word_list (Reader     *reader,
           JsonObject *object,
           const char *where)
{
  JsonNode *node = json_object_get_member (object, "names");
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char **kept;
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (reader, _("%s: “names” must be a list of words"), where);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *word = json_node_get_string (json_array_get_element (array, i));

      if (word == NULL || *word == '\0')
        {
          refuse (reader, _("%s: “names” must be a list of words"), where);
          return NULL;
        }
      g_ptr_array_add (words, (gpointer) keep (reader, word));
    }
  /* The array of pointers lives in the chunk too. */
  g_ptr_array_add (words, NULL);
  kept = (const char **) (gpointer) g_string_chunk_insert_len (reader->outline->strings, (const char *) words->pdata,
                                                               words->len * sizeof (gpointer));
  return kept;
}

/* A key as attachments store it: short, lower-case ASCII letters, digits and '-'. */
static gboolean
valid_key (const char *key)
{
  if (*key == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *c = key; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

static void
read_attachments (Reader     *reader,
                  JsonObject *root)
{
  static const char * const known[] = { "key", "name", "required", "kind", "names", "when", "basis", "quote", "url", NULL };
  JsonNode *node = json_object_get_member (root, "attachments");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (reader, _("the outline needs “attachments”, a list (empty when none is known)"));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && reader->problem == NULL; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf (_("attachment %u"), i + 1);
      IcwOutlineAttachment attachment = { NULL, };
      const char *name[N_LANGUAGES] = { NULL, };
      const char *kind, *when;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          refuse (reader, _("%s must be an object"), where);
          return;
        }
      object = json_node_get_object (element);
      if (!only_members (reader, object, where, known))
        return;
      localized (reader, object, "name", where, name);
      attachment.key = string_member (reader, object, "key", FALSE, where);
      if (attachment.key != NULL && !valid_key (attachment.key))
        refuse (reader, _("%s: “key” must be lower-case letters, digits and “-”"), where);
      for (guint k = 0; attachment.key != NULL && k < reader->outline->attachments[EN]->len; k++)
        if (g_strcmp0 (g_array_index (reader->outline->attachments[EN], IcwOutlineAttachment, k).key, attachment.key) == 0)
          refuse (reader, _("%s: another attachment has the key “%s”"), where, attachment.key);
      attachment.required = json_object_get_boolean_member_with_default (object, "required", FALSE);
      kind = string_member (reader, object, "kind", FALSE, where);
      if (kind != NULL)
        {
          attachment.has_kind = icw_attachment_kind_from_string (kind, &attachment.kind);
          if (!attachment.has_kind)
            refuse (reader, _("%s: “%s” is not a kind of attachment"), where, kind);
        }
      attachment.names = word_list (reader, object, where);
      if (!attachment.has_kind && attachment.names == NULL)
        refuse (reader, _("%s: say how the file is recognized (“kind” or “names”)"), where);
      when = string_member (reader, object, "when", FALSE, where);
      if (when != NULL && strcmp (when, "always") != 0 && strcmp (when, "company-registered") != 0)
        refuse (reader, _("%s: “when” must be always or company-registered"), where);
      attachment.only_with_company = when != NULL && strcmp (when, "company-registered") == 0;
      attachment.basis = basis_member (reader, object, where, &attachment.quote, &attachment.url);
      if (attachment.required && attachment.basis != NULL && strcmp (attachment.basis, "policy") != 0)
        refuse (reader, _("%s: only an attachment the call asks for (basis policy) can be required"), where);
      if (attachment.required && attachment.key == NULL)
        refuse (reader, _("%s: a required attachment needs a “key”, which attachments name to fulfil it"), where);
      for (guint l = 0; l < N_LANGUAGES; l++)
        {
          attachment.name = name[l];
          g_array_append_val (reader->outline->attachments[l], attachment);
        }
    }
  if (json_object_has_member (root, "attachments_note"))
    localized (reader, root, "attachments_note", "attachments_note", reader->outline->attachments_note);
}

static void
read_paper (Reader     *reader,
            JsonObject *root)
{
  static const char * const known[] = { "basis", "copies", "electronic", "quote", "text", "urls", NULL };
  JsonNode *node = json_object_get_member (root, "paper_copies");
  IcwOutline *outline = reader->outline;
  JsonObject *paper;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (reader, _("the outline needs “paper_copies” (with basis source-not-found when not known)"));
      return;
    }
  paper = json_node_get_object (node);
  if (!only_members (reader, paper, "paper_copies", known))
    return;
  outline->paper_basis = basis_member (reader, paper, "paper_copies", &outline->paper_quote, NULL);
  outline->paper_copies = (guint) CLAMP (json_object_get_int_member_with_default (paper, "copies", 0), 0, 100);
  outline->electronic = json_object_get_boolean_member_with_default (paper, "electronic", FALSE);
  localized (reader, paper, "text", "paper_copies", outline->paper_text);
  if (outline->paper_basis != NULL && strcmp (outline->paper_basis, "policy") == 0)
    urls (reader, paper, "paper_copies", outline->paper_urls);
}

static void
read_outline (Reader     *reader,
              JsonObject *root)
{
  static const char * const known[] = {
    "format", "id", "version", "province", "stage", "title", "documents", "source", "sections_basis",
    "sections_note", "sections", "attachments", "attachments_note", "paper_copies", NULL
  };
  IcwOutline *outline = reader->outline;
  const char *format, *stage, *sections_basis;
  JsonNode *documents;

  if (!only_members (reader, root, _("the outline"), known))
    return;
  format = string_member (reader, root, "format", TRUE, _("the outline"));
  if (format != NULL && strcmp (format, "icw-outline") != 0)
    refuse (reader, _("“format” must be icw-outline"));
  outline->id = g_strdup (string_member (reader, root, "id", TRUE, _("the outline")));
  outline->version = (int) json_object_get_int_member_with_default (root, "version", 0);
  if (outline->version < 1)
    refuse (reader, _("the outline needs “version”, a whole number from 1"));
  outline->province = g_strdup (string_member (reader, root, "province", TRUE, _("the outline")));
  stage = string_member (reader, root, "stage", TRUE, _("the outline"));
  if (stage != NULL && (!icw_application_kind_from_string (stage, &outline->stage) ||
                        strcmp (stage, icw_application_kind_to_key (outline->stage)) != 0))
    refuse (reader, _("“%s” is not a kind of application"), stage);
  localized (reader, root, "title", _("the outline"), outline->title);
  documents = json_object_get_member (root, "documents");
  if (documents == NULL || !JSON_NODE_HOLDS_ARRAY (documents))
    refuse (reader, _("the outline needs “documents”, the list of what the call asks for"));
  else
    for (guint i = 0; i < json_array_get_length (json_node_get_array (documents)); i++)
      {
        JsonNode *element = json_array_get_element (json_node_get_array (documents), i);
        const char *name[N_LANGUAGES] = { NULL, };
        g_autoptr(JsonObject) holder = json_object_new ();

        json_object_set_member (holder, "document", json_node_copy (element));
        localized (reader, holder, "document", "documents", name);
        for (guint l = 0; l < N_LANGUAGES; l++)
          g_ptr_array_add (outline->documents[l], (gpointer) name[l]);
      }
  read_source (reader, root);
  sections_basis = string_member (reader, root, "sections_basis", TRUE, _("the outline"));
  if (sections_basis != NULL && strcmp (sections_basis, "policy") != 0 && strcmp (sections_basis, "source-not-found") != 0)
    refuse (reader, _("“sections_basis” must be policy or source-not-found"));
  outline->sections_known = sections_basis != NULL && strcmp (sections_basis, "policy") == 0;
  localized (reader, root, "sections_note", "sections_note", outline->sections_note);
  read_sections (reader, root);
  read_attachments (reader, root);
  read_paper (reader, root);
}

IcwOutline *
icw_outline_new_from_data (const char  *data,
                           gssize       length,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(IcwOutline) outline = g_object_new (ICW_TYPE_OUTLINE, NULL);
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { outline, NULL };

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The outline “%s” is not valid JSON: %s"),
                   origin, parse_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    refuse (&reader, _("it must be a JSON object"));
  else
    read_outline (&reader, json_node_get_object (json_parser_get_root (parser)));
  if (reader.problem != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The outline “%s” cannot be used: %s"), origin,
                   reader.problem);
      g_free (reader.problem);
      return NULL;
    }
  return g_steal_pointer (&outline);
}

static void
add_outline (GPtrArray  *outlines,
             GPtrArray  *problems,
             const char *data,
             gsize       length,
             const char *origin)
{
  GError *error = NULL;
  IcwOutline *outline = icw_outline_new_from_data (data, length, origin, &error);

  if (outline == NULL)
    {
      g_ptr_array_add (problems, error);
      return;
    }
  /* A user's outline with a bundled one's ID replaces it. */
  for (guint i = 0; i < outlines->len; i++)
    if (strcmp (icw_outline_get_id (outlines->pdata[i]), outline->id) == 0)
      {
        g_ptr_array_remove_index (outlines, i);
        break;
      }
  g_ptr_array_add (outlines, outline);
}

/* The bundled outlines are registered on first use: a static library's constructor would be
 * dropped by the linker. */
static void
register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      icw_outlines_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
icw_outlines_load_all (GPtrArray **errors)
{
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "ic-workbench", "outlines", NULL);
  g_auto(GStrv) names = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) user_names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  register_resources ();
  names = g_resources_enumerate_children (RESOURCE_DIR, 0, NULL);
  if (names != NULL)
    qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      if (bytes != NULL && g_str_has_suffix (names[i], ".json"))
        add_outline (outlines, problems, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), names[i]);
    }
  dir = g_dir_open (user_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (user_names, g_strdup (name));
  g_ptr_array_sort (user_names, compare_names);
  for (guint i = 0; i < user_names->len; i++)
    {
      g_autofree char *path = g_build_filename (user_dir, user_names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;
      GError *error = NULL;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_ptr_array_add (problems, error);
      else
        add_outline (outlines, problems, contents, length, path);
    }
  if (errors != NULL)
    *errors = g_steal_pointer (&problems);
  return g_steal_pointer (&outlines);
}

IcwOutline *
icw_outlines_find (GPtrArray          *outlines,
                   const char         *province,
                   IcwApplicationKind  kind)
{
  g_return_val_if_fail (outlines != NULL, NULL);

  for (guint i = 0; province != NULL && i < outlines->len; i++)
    {
      IcwOutline *outline = outlines->pdata[i];

      if (outline->stage == kind && g_str_has_prefix (province, outline->province))
        return outline;
    }
  return NULL;
}

/* Reading what an outline says */

const char *
icw_outline_get_id (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  return self->id;
}

int
icw_outline_get_version (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), 0);
  return self->version;
}

const char *
icw_outline_get_province (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  return self->province;
}

IcwApplicationKind
icw_outline_get_stage (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), 0);
  return self->stage;
}

const char *
icw_outline_get_title (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  return self->title[language ()];
}

char *
icw_outline_dup_documents (IcwOutline *self)
{
  GPtrArray *documents;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  documents = self->documents[language ()];
  for (guint i = 0; i < documents->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) documents->pdata[i]);
  return g_string_free (text, FALSE);
}

static void
append_urls (GString   *text,
             GPtrArray *addresses)
{
  for (guint i = 0; i < addresses->len; i++)
    g_string_append_printf (text, " <%s>", (const char *) addresses->pdata[i]);
}

char *
icw_outline_dup_source (IcwOutline *self)
{
  gboolean chinese;
  GString *text;

  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  chinese = language () == ZH;
  text = g_string_new (self->source_document);
  g_string_append_printf (text, chinese ? "：“%s”" : ": “%s”", self->source_quote);
  append_urls (text, self->source_urls);
  return g_string_free (text, FALSE);
}

const char *
icw_outline_get_source_note (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  return self->source_note[language ()];
}

gboolean
icw_outline_sections_known (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), FALSE);
  return self->sections_known;
}

const char *
icw_outline_get_sections_note (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  return self->sections_note[language ()];
}

guint
icw_outline_get_n_sections (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), 0);
  return self->sections[EN]->len;
}

const IcwOutlineSection *
icw_outline_get_section (IcwOutline *self,
                         guint       index)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (index < self->sections[EN]->len, NULL);
  return &g_array_index (self->sections[language ()], IcwOutlineSection, index);
}

guint
icw_outline_get_n_attachments (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), 0);
  return self->attachments[EN]->len;
}

const IcwOutlineAttachment *
icw_outline_get_attachment (IcwOutline *self,
                            guint       index)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (index < self->attachments[EN]->len, NULL);
  return &g_array_index (self->attachments[language ()], IcwOutlineAttachment, index);
}

const char *
icw_outline_get_attachments_note (IcwOutline *self)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  return self->attachments_note[language ()];
}

guint
icw_outline_get_paper_copies (IcwOutline *self,
                              gboolean   *electronic)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), 0);
  if (electronic != NULL)
    *electronic = self->electronic;
  return self->paper_copies;
}

char *
icw_outline_dup_paper_text (IcwOutline *self)
{
  GString *text;

  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  text = g_string_new (self->paper_text[language ()]);
  if (strcmp (self->paper_basis, "source-not-found") == 0)
    g_string_prepend (text, _("Source not found: "));
  else if (self->paper_quote != NULL)
    g_string_append_printf (text, language () == ZH ? "（“%s”）" : " (“%s”)", self->paper_quote);
  append_urls (text, self->paper_urls);
  return g_string_free (text, FALSE);
}

/* The check */

static char *
basis_text (IcwOutline *self,
            const char *quote,
            const char *url)
{
  gboolean chinese = language () == ZH;
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("The call's outline (%s): %s"), self->title[language ()], self->source_document);
  if (quote != NULL)
    g_string_append_printf (text, chinese ? "：“%s”" : ": “%s”", quote);
  if (url != NULL)
    g_string_append_printf (text, " <%s>", url);
  return g_string_free (text, FALSE);
}

static gboolean
section_filled (IcwApplication *application,
                const char     *key)
{
  IcwSection section;
  g_autofree char *text = NULL;
  const char *property;

  if (!icw_section_from_key (key, &section) || (property = icw_section_get_property (section)) == NULL)
    return TRUE;   /* the call section and the registers are not typed in: nothing to miss */
  g_object_get (application, property, &text, NULL);
  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  return *text != '\0' && strcmp (text, "[]") != 0 && strcmp (text, "{}") != 0;
}

const IcwOutlineAttachment *
icw_outline_find_attachment (IcwOutline *self,
                             const char *key)
{
  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);

  for (guint i = 0; key != NULL && i < icw_outline_get_n_attachments (self); i++)
    if (g_strcmp0 (icw_outline_get_attachment (self, i)->key, key) == 0)
      return icw_outline_get_attachment (self, i);
  return NULL;
}

/* An attachment that names an item fulfils that item exactly; only one that names none (added
 * before items had keys, or left unassigned) is matched by its kind or a word of its name. */
static gboolean
attachment_found (const IcwOutlineAttachment *wanted,
                  GListModel                 *files)
{
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(IcwAttachment) file = g_list_model_get_item (files, i);
      const char *item = icw_attachment_get_outline_item (file);
      g_autofree char *name = NULL;

      if (item != NULL && *item != '\0')
        {
          if (wanted->key != NULL && strcmp (item, wanted->key) == 0)
            return TRUE;
          continue;
        }
      name = g_utf8_casefold (icw_attachment_get_name (file), -1);
      if (wanted->has_kind && icw_attachment_get_kind (file) == wanted->kind)
        return TRUE;
      for (guint w = 0; wanted->names != NULL && wanted->names[w] != NULL; w++)
        {
          g_autofree char *word = g_utf8_casefold (wanted->names[w], -1);

          if (strstr (name, word) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

GPtrArray *
icw_outline_check (IcwOutline      *self,
                   IcwStore        *store,
                   IcwApplication  *application,
                   IcwCenter       *center,
                   GError         **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) files = NULL;
  g_autofree char *pack = NULL;
  gboolean company;

  g_return_val_if_fail (ICW_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);

  pack = g_strconcat ("outline:", self->id, NULL);
  for (guint i = 0; i < icw_outline_get_n_sections (self); i++)
    {
      const IcwOutlineSection *section = icw_outline_get_section (self, i);
      g_autofree char *basis = NULL, *message = NULL;

      if (!section->required || section_filled (application, section->section))
        continue;
      basis = basis_text (self, section->quote, section->url);
      message = g_strdup_printf (_("The call's outline asks for the section “%s”, and it is empty."),
                                 section->title);
      g_ptr_array_add (findings, icw_finding_new_with_basis ("outline-section", pack, ICW_SEVERITY_ERROR, basis,
                                                             "policy", section->url, section->section, message));
    }

  files = icw_store_list (store, ICW_RECORD_KIND_ATTACHMENT, icw_record_get_id (ICW_RECORD (application)));
  if (files == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("Could not read the application's attachments"));
      return NULL;
    }
  company = icw_center_get_host_organization_id (center) != NULL && *icw_center_get_host_organization_id (center) != '\0';
  for (guint i = 0; i < icw_outline_get_n_attachments (self); i++)
    {
      const IcwOutlineAttachment *wanted = icw_outline_get_attachment (self, i);
      g_autofree char *basis = NULL, *message = NULL;

      if ((wanted->only_with_company && !company) || attachment_found (wanted, files))
        continue;
      basis = basis_text (self, wanted->quote, wanted->url);
      if (wanted->required)
        message = g_strdup_printf (_("The call requires “%s” for submission, and no attachment fulfils it: attach it and choose “%s” as the item it fulfils."),
                                   wanted->name, wanted->name);
      else
        message = g_strdup_printf (_("The call asks for “%s”, and no attachment was found for it (by the item it fulfils, its kind or file name)."),
                                   wanted->name);
      g_ptr_array_add (findings, icw_finding_new_with_basis ("outline-attachment", pack,
                                                             wanted->required ? ICW_SEVERITY_ERROR : ICW_SEVERITY_WARNING,
                                                             basis, wanted->basis, wanted->url, "attachments", message));
    }
  return g_steal_pointer (&findings);
}
