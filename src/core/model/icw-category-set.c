/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-category-set.c: loading and checking budget category sets. A set is loaded whole or refused
 * with a message naming its file and, where it is a category's fault, the category. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-budget-resources.h"
#include "icw-category-set.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-i18n.h"
#include "icw-json-check.h"

#define RESOURCE_PATH "/org/mfginnovation/Workbench/budget/"

struct _IcwCategorySet
{
  GObject parent_instance;

  char *id;
  int version;
  char *title_en, *title_zh;
  char *note_en, *note_zh;
  GArray *categories;     /* IcwBudgetCategory, strings owned by `strings` */
  GStringChunk *strings;
};

G_DEFINE_FINAL_TYPE (IcwCategorySet, icw_category_set, G_TYPE_OBJECT)

static void
icw_category_set_finalize (GObject *object)
{
  IcwCategorySet *self = ICW_CATEGORY_SET (object);

  g_free (self->id);
  g_free (self->title_en);
  g_free (self->title_zh);
  g_free (self->note_en);
  g_free (self->note_zh);
  g_array_unref (self->categories);
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (icw_category_set_parent_class)->finalize (object);
}

static void
icw_category_set_class_init (IcwCategorySetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_category_set_finalize;
}

static void
icw_category_set_init (IcwCategorySet *self)
{
  self->categories = g_array_new (FALSE, TRUE, sizeof (IcwBudgetCategory));
  self->strings = g_string_chunk_new (512);
}

/* A string member, or NULL when it is absent, null or of another type. */
static const char *
member_text (JsonObject *object,
             const char *name)
{
  const char *text;

  icw_json_optional_string (object, name, &text);
  return text;
}

/* {"en": "…", "zh_CN": "…"}: both present and not empty. */
static gboolean
read_languages (JsonObject  *object,
                const char  *name,
                const char **en,
                const char **zh)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonObject *texts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  texts = json_node_get_object (node);
  *en = member_text (texts, "en");
  *zh = member_text (texts, "zh_CN");
  return *en != NULL && **en != '\0' && *zh != NULL && **zh != '\0';
}

static gboolean
refuse (GError    **error,
        const char *file_name,
        const char *reason)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Budget category set %s: %s"), file_name, reason);
  return FALSE;
}

static gboolean
read_category (IcwCategorySet  *self,
               JsonNode        *node,
               const char      *file_name,
               GError         **error)
{
  IcwBudgetCategory category = { NULL, NULL, NULL, ICW_BUDGET_GROUP_DIRECT, -1, 0 };
  g_autofree char *reason = NULL;
  JsonObject *object;
  const char *key, *group, *parent, *en, *zh;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, file_name, _("every category must be an object"));
  object = json_node_get_object (node);
  key = member_text (object, "key");
  if (key == NULL || *key == '\0' || strspn (key, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen (key))
    return refuse (error, file_name, _("every category needs a key of lower-case letters, digits and “-”"));
  if (icw_category_set_find (self, key) >= 0)
    reason = g_strdup_printf (_("the key “%s” is used twice"), key);
  else if (!read_languages (object, "label", &en, &zh))
    reason = g_strdup_printf (_("category “%s” needs a label in English and Chinese"), key);
  else if ((group = member_text (object, "group")) == NULL ||
           !icw_budget_group_from_string (group, &category.group))
    reason = g_strdup_printf (_("category “%s” needs a group, “direct” or “indirect”"), key);
  else if ((parent = member_text (object, "parent")) != NULL)
    {
      category.parent = icw_category_set_find (self, parent);
      if (category.parent < 0)
        reason = g_strdup_printf (_("the parent of category “%s” must come before it"), key);
      else if (g_array_index (self->categories, IcwBudgetCategory, category.parent).parent >= 0)
        reason = g_strdup_printf (_("category “%s”: a parent cannot itself have a parent"), key);
      else if (g_array_index (self->categories, IcwBudgetCategory, category.parent).group != category.group)
        reason = g_strdup_printf (_("category “%s” must be in the group of its parent"), key);
      else if (self->categories->len == 0 ||
               ((guint) category.parent != self->categories->len - 1 &&
                g_array_index (self->categories, IcwBudgetCategory, self->categories->len - 1).parent != category.parent))
        reason = g_strdup_printf (_("category “%s” must follow its parent or a sibling"), key);
    }
  if (reason != NULL)
    return refuse (error, file_name, reason);

  category.key = g_string_chunk_insert (self->strings, key);
  category.label_en = g_string_chunk_insert (self->strings, en);
  category.label_zh = g_string_chunk_insert (self->strings, zh);
  if (category.parent >= 0)
    g_array_index (self->categories, IcwBudgetCategory, category.parent).n_children++;
  g_array_append_val (self->categories, category);
  return TRUE;
}

IcwCategorySet *
icw_category_set_new_from_data (const char  *file_name,
                                const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(IcwCategorySet) self = g_object_new (ICW_TYPE_CATEGORY_SET, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *node, *version;
  JsonArray *categories;
  const char *en, *zh, *id;

  if (!json_parser_load_from_data (parser, data, length, NULL) || json_parser_has_assignment (parser, NULL) ||
      (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, file_name, _("the file is not a JSON object")), NULL;
  root = json_node_get_object (node);
  id = member_text (root, "id");
  version = json_object_get_member (root, "version");
  if (id == NULL || *id == '\0')
    return refuse (error, file_name, _("“id” must be text")), NULL;
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    return refuse (error, file_name, _("“version” must be a whole number from 1")), NULL;
  if (!read_languages (root, "title", &en, &zh))
    return refuse (error, file_name, _("“title” needs English and Chinese text")), NULL;
  self->id = g_strdup (id);
  self->version = (int) json_node_get_int (version);
  self->title_en = g_strdup (en);
  self->title_zh = g_strdup (zh);
  if (json_object_has_member (root, "note"))
    {
      if (!read_languages (root, "note", &en, &zh))
        return refuse (error, file_name, _("“note” needs English and Chinese text")), NULL;
      self->note_en = g_strdup (en);
      self->note_zh = g_strdup (zh);
    }
  node = json_object_get_member (root, "categories");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return refuse (error, file_name, _("“categories” must be a list of categories")), NULL;
  categories = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (categories); i++)
    if (!read_category (self, json_array_get_element (categories, i), file_name, error))
      return NULL;
  return g_steal_pointer (&self);
}

static void
register_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      icw_budget_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

GStrv
icw_category_set_list_ids (void)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  register_resources ();
  names = g_resources_enumerate_children (RESOURCE_PATH, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      {
        g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".json"));

        g_strv_builder_add (ids, id);
      }
  return g_strv_builder_end (ids);
}

IcwCategorySet *
icw_category_set_lookup (const char  *id,
                         int          version,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IcwCategorySet) set = NULL;

  register_resources ();
  if (id != NULL && strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (id) && *id != '\0')
    {
      path = g_strdup_printf (RESOURCE_PATH "%s.json", id);
      bytes = g_resources_lookup_data (path, 0, NULL);
    }
  if (bytes == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("Category set: there is no budget category set “%s”"),
                   id != NULL ? id : "");
      return NULL;
    }
  set = icw_category_set_new_from_data (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (set == NULL)
    return NULL;
  if (set->version != version)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("Category set: “%s” is here in version %d, not in version %d"), id, set->version, version);
      return NULL;
    }
  return g_steal_pointer (&set);
}

const char *
icw_category_set_get_id (IcwCategorySet *self)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), NULL);
  return self->id;
}

int
icw_category_set_get_version (IcwCategorySet *self)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), 0);
  return self->version;
}

static gboolean
chinese (void)
{
  return strcmp (icw_rules_language (), "zh_CN") == 0;
}

const char *
icw_category_set_get_title (IcwCategorySet *self)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), NULL);
  return chinese () ? self->title_zh : self->title_en;
}

const char *
icw_category_set_get_note (IcwCategorySet *self)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), NULL);
  return chinese () ? self->note_zh : self->note_en;
}

guint
icw_category_set_get_n_categories (IcwCategorySet *self)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), 0);
  return self->categories->len;
}

const IcwBudgetCategory *
icw_category_set_get_category (IcwCategorySet *self,
                               guint           index)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);
  return &g_array_index (self->categories, IcwBudgetCategory, index);
}

int
icw_category_set_find (IcwCategorySet *self,
                       const char     *key)
{
  g_return_val_if_fail (ICW_IS_CATEGORY_SET (self), -1);
  for (guint i = 0; key != NULL && i < self->categories->len; i++)
    if (strcmp (g_array_index (self->categories, IcwBudgetCategory, i).key, key) == 0)
      return (int) i;
  return -1;
}

const char *
icw_budget_category_get_label (const IcwBudgetCategory *category)
{
  g_return_val_if_fail (category != NULL, NULL);
  return chinese () ? category->label_zh : category->label_en;
}

gboolean
icw_budget_category_is_leaf (const IcwBudgetCategory *category)
{
  g_return_val_if_fail (category != NULL, FALSE);
  return category->n_children == 0;
}
