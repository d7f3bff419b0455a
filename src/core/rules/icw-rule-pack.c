/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-pack.c: reading rule packs. JSON from a file is untrusted, and json-glib is lenient: it
 * accepts a JavaScript assignment ("var rules = {…}") as a document, and its getters warn (and
 * return nothing) when a member has another type than asked. So the root and every member are
 * checked for their type before they are read, unknown members are refused (a misspelt "severty"
 * must not silently drop a rule), and so are unknown rule kinds, parameters a kind does not take,
 * placeholders a kind does not fill, a missing message language and a rule ID used twice. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "icw-application-sections.h"
#include "icw-error.h"
#include "icw-rules-private.h"
#include "icw-rules-resources.h"

/* Reasons are put after the name of the file and the rule, like a field's label before its message. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

#define RESOURCE_DIR "/org/mfginnovation/Workbench/rules/"

struct _IcwRulePack
{
  GObject parent_instance;

  char *id;
  int version;
  char *title_en;
  char *title_zh;
  char *note_en;
  char *note_zh;
  char *file;
  IcwRuleTarget target;
  GPtrArray *rules;   /* IcwRule */
};

G_DEFINE_FINAL_TYPE (IcwRulePack, icw_rule_pack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_NOTE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rule_free (IcwRule *rule)
{
  g_free (rule->id);
  g_free (rule->citation);
  g_free (rule->basis);
  g_free (rule->document);
  g_free (rule->title);
  g_free (rule->clause);
  g_free (rule->quote);
  g_free (rule->gloss);
  g_free (rule->url);
  g_free (rule->field);
  g_clear_pointer (&rule->params, json_object_unref);
  g_free (rule->message_en);
  g_free (rule->message_zh);
  g_strfreev (rule->application_kinds);
  g_free (rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwRule, rule_free)

static void
icw_rule_pack_finalize (GObject *object)
{
  IcwRulePack *self = ICW_RULE_PACK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->title_zh, g_free);
  g_clear_pointer (&self->note_en, g_free);
  g_clear_pointer (&self->note_zh, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (icw_rule_pack_parent_class)->finalize (object);
}

static void
icw_rule_pack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IcwRulePack *self = ICW_RULE_PACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_TITLE:
      g_value_set_string (value, icw_rule_pack_get_title (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, icw_rule_pack_get_note (self));
      break;

    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_rule_pack_class_init (IcwRulePackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = icw_rule_pack_finalize;
  object_class->get_property = icw_rule_pack_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_rule_pack_init (IcwRulePack *self)
{
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_text (JsonNode *node)
{
  return holds (node, G_TYPE_STRING) && *json_node_get_string (node) != '\0';
}

/* The reasons, translated; the caller puts the file's and the rule's name in front. */
static char *
reason_missing (const char *member)
{
  return g_strdup_printf (_("“%s” is missing"), member);
}

static char *
reason_not_text (const char *member)
{
  return g_strdup_printf (_("“%s” must be text"), member);
}

static char *
check_members (JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return g_strdup_printf (_("the member “%s” is unknown"), (const char *) l->data);
  return NULL;
}

/* {"en": "…", "zh_CN": "…"}: both languages, as text; others may be there too. */
static char *
read_languages (JsonObject  *object,
                const char  *member,
                char       **en,
                char       **zh)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;
  g_autoptr(GList) names = NULL;

  if (node == NULL)
    return reason_missing (member);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup_printf (_("“%s” must be an object of texts by language"), member);
  texts = json_node_get_object (node);
  names = json_object_get_members (texts);
  for (GList *l = names; l != NULL; l = l->next)
    if (!is_text (json_object_get_member (texts, l->data)))
      return g_strdup_printf (_("“%s” must hold text in every language"), member);
  if (!json_object_has_member (texts, "en") || !json_object_has_member (texts, "zh_CN"))
    return g_strdup_printf (_("“%s” needs text in both “en” and “zh_CN”"), member);
  *en = g_strdup (json_object_get_string_member (texts, "en"));
  *zh = g_strdup (json_object_get_string_member (texts, "zh_CN"));
  return NULL;
}

static char *
read_text (JsonObject  *object,
           const char  *member,
           char       **out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return reason_missing (member);
  if (!is_text (node))
    return reason_not_text (member);
  *out = g_strdup (json_node_get_string (node));
  return NULL;
}

static const char * const basis_keys[] = { "policy", "program-practice", "source-not-found", NULL };

static char *
optional_text (JsonObject  *object,
               const char  *member,
               char       **out)
{
  if (!json_object_has_member (object, member))
    return NULL;
  return read_text (object, member, out);
}

/* "citation": the rule's basis. Every rule names one: a policy text, with the words it rests on;
 * the program's practice; or a source that was looked for and not found. */
static char *
read_citation (JsonObject *object,
               IcwRule    *rule)
{
  static const char * const known[] = {
    "basis", "document", "title", "clause", "quote", "gloss", "url", "essential", NULL
  };
  JsonNode *node = json_object_get_member (object, "citation");
  JsonNode *essential;
  JsonObject *cite;
  char *reason;

  if (node == NULL)
    return reason_missing ("citation");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("“citation” must be an object with “basis” and “clause”"));
  cite = json_node_get_object (node);
  if ((reason = check_members (cite, known)) != NULL ||
      (reason = read_text (cite, "basis", &rule->basis)) != NULL)
    return reason;
  if (!g_strv_contains (basis_keys, rule->basis))
    return g_strdup (_("“basis” must be “policy”, “program-practice” or “source-not-found”"));
  if ((reason = read_text (cite, "clause", &rule->clause)) != NULL ||
      (reason = optional_text (cite, "document", &rule->document)) != NULL ||
      (reason = optional_text (cite, "title", &rule->title)) != NULL ||
      (reason = optional_text (cite, "quote", &rule->quote)) != NULL ||
      (reason = optional_text (cite, "gloss", &rule->gloss)) != NULL ||
      (reason = optional_text (cite, "url", &rule->url)) != NULL)
    return reason;
  if (strcmp (rule->basis, "program-practice") != 0 && rule->document == NULL)
    return g_strdup (_("a citation of a policy text needs its “document”"));
  if (strcmp (rule->basis, "policy") == 0 && rule->quote == NULL)
    return g_strdup (_("a citation of a policy text needs the words it rests on (“quote”)"));
  if (rule->url != NULL && !g_str_has_prefix (rule->url, "http://") && !g_str_has_prefix (rule->url, "https://"))
    return g_strdup (_("“url” must be a web address (http:// or https://)"));
  essential = json_object_get_member (cite, "essential");
  if (essential != NULL && !holds (essential, G_TYPE_BOOLEAN))
    return g_strdup (_("“essential” must be true or false"));
  rule->essential = essential != NULL && json_node_get_boolean (essential);
  rule->citation = g_strdup_printf ("%s %s", rule->document != NULL ? rule->document : _("Program practice"),
                                    rule->clause);
  return NULL;
}

char *
icw_rule_basis_text (const IcwRule *rule)
{
  gboolean chinese = strcmp (icw_rules_language (), "zh_CN") == 0;
  GString *text = g_string_new (NULL);

  if (strcmp (rule->basis, "program-practice") == 0)
    {
      /* What is checked, in English where the pack glosses it (the clause is in Chinese). */
      g_string_append_printf (text, _("Program practice, not a policy clause: %s"),
                              rule->gloss != NULL && !chinese ? rule->gloss : rule->clause);
      return g_string_free (text, FALSE);
    }
  if (strcmp (rule->basis, "source-not-found") == 0)
    g_string_append (text, _("Source not found: "));
  g_string_append (text, rule->document);
  if (rule->title != NULL)
    g_string_append_printf (text, "《%s》", rule->title);
  g_string_append_printf (text, " %s", rule->clause);
  if (rule->quote != NULL)
    g_string_append_printf (text, chinese ? "：“%s”" : ": “%s”", rule->quote);
  if (rule->quote != NULL && rule->gloss != NULL && !chinese)
    g_string_append_printf (text, " (%s)", rule->gloss);
  return g_string_free (text, FALSE);
}

static const IcwRuleParam *
find_param (const IcwRuleKind *kind,
            const char        *name)
{
  for (const IcwRuleParam *param = kind->params; param->name != NULL; param++)
    if (strcmp (param->name, name) == 0)
      return param;
  return NULL;
}

static gboolean
is_string_array (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_text (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static char *
check_param (const IcwRuleKind *kind,
             const char        *name,
             JsonNode          *node)
{
  const IcwRuleParam *param = find_param (kind, name);

  if (param == NULL)
    return g_strdup_printf (_("the kind “%s” takes no parameter “%s”"), kind->name, name);
  switch (param->type)
    {
    case ICW_RULE_PARAM_INT:
      if (!holds (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
        return g_strdup_printf (_("the parameter “%s” must be a whole number, 0 or more"), name);
      return NULL;
    case ICW_RULE_PARAM_STRING:
      if (!is_text (node))
        return g_strdup_printf (_("the parameter “%s” must be text"), name);
      return NULL;
    case ICW_RULE_PARAM_STRINGS:
    default:
      if (!is_string_array (node))
        return g_strdup_printf (_("the parameter “%s” must be an array of texts"), name);
      return NULL;
    }
}

static char *
read_params (JsonObject         *object,
             const IcwRuleKind  *kind,
             JsonObject        **out)
{
  JsonNode *node = json_object_get_member (object, "params");
  JsonObject *params;
  g_autoptr(GList) names = NULL;

  if (node == NULL)
    {
      *out = json_object_new ();
      params = *out;
    }
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("“params” must be an object"));
  else
    params = *out = json_object_ref (json_node_get_object (node));

  names = json_object_get_members (params);
  for (GList *l = names; l != NULL; l = l->next)
    {
      char *reason = check_param (kind, l->data, json_object_get_member (params, l->data));

      if (reason != NULL)
        return reason;
    }
  for (const IcwRuleParam *param = kind->params; param->name != NULL; param++)
    if (param->required && !json_object_has_member (params, param->name))
      return g_strdup_printf (_("the parameter “%s” is missing"), param->name);
  return NULL;
}

/* Every {name} in a message must be one the kind fills. */
static char *
check_placeholders (const IcwRuleKind *kind,
                    const char        *message)
{
  for (const char *p = strchr (message, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *end = p + 1;
      g_autofree char *name = NULL;

      while (g_ascii_islower (*end) || *end == '_')
        end++;
      if (*end != '}' || end == p + 1)
        continue;
      name = g_strndup (p + 1, end - p - 1);
      if (kind->placeholders == NULL || !g_strv_contains (kind->placeholders, name))
        return g_strdup_printf (_("the message names {%s}, which the kind “%s” does not fill"), name, kind->name);
    }
  return NULL;
}

static char *
read_application_kinds (JsonObject  *object,
                        char      ***out)
{
  JsonNode *node = json_object_get_member (object, "application_kinds");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!is_string_array (node))
    return g_strdup (_("“application_kinds” must be an array of application kinds"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *key = json_array_get_string_element (array, i);
      IcwApplicationKind kind;
      gboolean known = FALSE;

      for (guint k = 0; k < ICW_N_APPLICATION_KINDS; k++)
        known = known || strcmp (key, icw_application_kind_to_key (k)) == 0;
      /* A pack written before the stages names the kinds of then: read as the stage they were. */
      if (!known && g_strv_contains (icw_application_kind_legacy_keys (), key) &&
          icw_application_kind_from_string (key, &kind))
        {
          key = icw_application_kind_to_key (kind);
          known = TRUE;
        }
      if (!known)
        return g_strdup_printf (_("“%s” is not a kind of application"), key);
      g_strv_builder_add (builder, key);
    }
  *out = g_strv_builder_end (builder);
  return NULL;
}

static const char *const target_keys[] = { "application", "ip-agreement", "funding-request" };
G_STATIC_ASSERT (G_N_ELEMENTS (target_keys) == ICW_N_RULE_TARGETS);

static char *
read_rule_body (JsonObject    *object,
                IcwRuleTarget  target,
                IcwRule       *rule)
{
  static const char * const known[] = {
    "id", "kind", "severity", "citation", "field", "params", "message", "application_kinds", NULL
  };
  g_autofree char *kind = NULL;
  g_autofree char *severity = NULL;
  char *reason;

  if ((reason = check_members (object, known)) != NULL ||
      (reason = read_text (object, "kind", &kind)) != NULL)
    return reason;
  rule->kind = icw_rule_kind_lookup (kind);
  if (rule->kind == NULL)
    return g_strdup_printf (_("the kind “%s” is unknown"), kind);
  if (rule->kind->target != target)
    return g_strdup_printf (_("the kind “%s” checks another kind of document (“%s”) than the pack applies to"),
                            kind, target_keys[rule->kind->target]);
  if ((reason = read_text (object, "severity", &severity)) != NULL)
    return reason;
  if (!icw_severity_from_key (severity, &rule->severity))
    return g_strdup (_("“severity” must be “error” or “warning”"));
  if ((reason = read_citation (object, rule)) != NULL ||
      (reason = read_text (object, "field", &rule->field)) != NULL)
    return reason;
  if (rule->severity == ICW_SEVERITY_ERROR && strcmp (rule->basis, "policy") != 0 && !rule->essential)
    return g_strdup (_("a rule that rests on no policy text is a warning, unless the document cannot be read "
                       "without the field (“essential”: true in its citation)"));
  if (target == ICW_RULE_TARGET_APPLICATION && icw_section_from_field (rule->field) == ICW_N_SECTIONS)
    return g_strdup_printf (_("the field “%s” is in no section of an application"), rule->field);
  if ((reason = read_params (object, rule->kind, &rule->params)) != NULL ||
      (reason = read_languages (object, "message", &rule->message_en, &rule->message_zh)) != NULL ||
      (reason = check_placeholders (rule->kind, rule->message_en)) != NULL ||
      (reason = check_placeholders (rule->kind, rule->message_zh)) != NULL ||
      (reason = read_application_kinds (object, &rule->application_kinds)) != NULL)
    return reason;
  if (rule->kind->check_rule != NULL)
    return rule->kind->check_rule (rule->field, rule->params);
  return NULL;
}

static gboolean
has_rule (IcwRulePack *self,
          const char  *id)
{
  for (guint i = 0; i < self->rules->len; i++)
    if (strcmp (((IcwRule *) self->rules->pdata[i])->id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
read_rule (IcwRulePack  *self,
           guint         index,
           JsonNode     *node,
           GError      **error)
{
  g_autoptr(IcwRule) rule = g_new0 (IcwRule, 1);
  g_autofree char *reason = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    reason = g_strdup (_("a rule must be an object"));
  else if ((reason = read_text (json_node_get_object (node), "id", &rule->id)) == NULL)
    {
      reason = read_rule_body (json_node_get_object (node), self->target, rule);
      if (reason == NULL && has_rule (self, rule->id))
        reason = g_strdup (_("its ID is used by another rule of the pack"));
    }

  if (reason == NULL)
    {
      g_ptr_array_add (self->rules, g_steal_pointer (&rule));
      return TRUE;
    }
  if (rule->id != NULL)
    g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Rule pack “%s”, rule “%s”: %s"),
                 self->file, rule->id, reason);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Rule pack “%s”, rule number %u: %s"),
                 self->file, index + 1, reason);
  return FALSE;
}

static gboolean
is_pack_id (const char *id)
{
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
read_header (IcwRulePack *self,
             JsonObject  *object)
{
  static const char * const known[] = { "id", "version", "title", "note", "applies_to", "rules", NULL };
  JsonNode *version = json_object_get_member (object, "version");
  g_autofree char *applies_to = NULL;
  char *reason;

  if ((reason = check_members (object, known)) != NULL ||
      (reason = read_text (object, "id", &self->id)) != NULL)
    return reason;
  if (!is_pack_id (self->id))
    return g_strdup (_("“id” may only hold lower-case letters, digits and hyphens"));
  if (version == NULL)
    return reason_missing ("version");
  if (!holds (version, G_TYPE_INT64) || json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    return g_strdup (_("“version” must be a whole number from 1"));
  self->version = (int) json_node_get_int (version);
  if ((reason = read_languages (object, "title", &self->title_en, &self->title_zh)) != NULL)
    return reason;
  if (json_object_has_member (object, "note") &&
      (reason = read_languages (object, "note", &self->note_en, &self->note_zh)) != NULL)
    return reason;
  if ((reason = read_text (object, "applies_to", &applies_to)) != NULL)
    return reason;
  for (self->target = 0; self->target < ICW_N_RULE_TARGETS; self->target++)
    if (strcmp (applies_to, target_keys[self->target]) == 0)
      break;
  if (self->target == ICW_N_RULE_TARGETS)
    return g_strdup_printf (_("it applies to “%s”, but only “application”, “ip-agreement” and “funding-request” are known"),
                            applies_to);
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "rules")))
    return json_object_has_member (object, "rules") ? g_strdup (_("“rules” must be an array"))
                                                    : reason_missing ("rules");
  return NULL;
}

static IcwRulePack *
read_pack (const char  *file_name,
           JsonNode    *root,
           GError     **error)
{
  g_autoptr(IcwRulePack) self = g_object_new (ICW_TYPE_RULE_PACK, NULL);
  g_autofree char *reason = NULL;
  JsonArray *rules;

  self->file = g_strdup (file_name);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    reason = g_strdup (_("it must be a JSON object"));
  else
    reason = read_header (self, json_node_get_object (root));
  if (reason != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Rule pack “%s”: %s"), file_name, reason);
      return NULL;
    }

  rules = json_object_get_array_member (json_node_get_object (root), "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    if (!read_rule (self, i, json_array_get_element (rules, i), error))
      return NULL;
  return g_steal_pointer (&self);
}

IcwRulePack *
icw_rule_pack_new_from_data (const char  *file_name,
                             const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Rule pack “%s”: it is not valid JSON: %s"),
                   file_name, local_error->message);
      return NULL;
    }
  if (json_parser_has_assignment (parser, NULL))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK,
                   _("Rule pack “%s”: it is not valid JSON: it assigns a variable, as JavaScript does"), file_name);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Rule pack “%s”: the file is empty"), file_name);
      return NULL;
    }
  return read_pack (file_name, json_parser_get_root (parser), error);
}

IcwRulePack *
icw_rule_pack_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK, _("Rule pack “%s”: %s"), path, local_error->message);
      return NULL;
    }
  return icw_rule_pack_new_from_data (path, data, length, error);
}

const char *
icw_rule_pack_get_id (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), NULL);
  return self->id;
}

int
icw_rule_pack_get_version (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), 0);
  return self->version;
}

const char *
icw_rule_pack_get_title (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), NULL);
  return strcmp (icw_rules_language (), "zh_CN") == 0 ? self->title_zh : self->title_en;
}

const char *
icw_rule_pack_get_note (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), NULL);
  return strcmp (icw_rules_language (), "zh_CN") == 0 ? self->note_zh : self->note_en;
}

const char *
icw_rule_pack_get_file (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), NULL);
  return self->file;
}

IcwRuleTarget
icw_rule_pack_get_target (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), ICW_RULE_TARGET_APPLICATION);
  return self->target;
}

guint
icw_rule_pack_get_n_rules (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), 0);
  return self->rules->len;
}

const GPtrArray *
icw_rule_pack_get_rules (IcwRulePack *self)
{
  g_return_val_if_fail (ICW_IS_RULE_PACK (self), NULL);
  return self->rules;
}

IcwRulePack *
icw_rule_packs_find (GPtrArray  *packs,
                     const char *id)
{
  for (guint i = 0; packs != NULL && id != NULL && i < packs->len; i++)
    if (g_strcmp0 (icw_rule_pack_get_id (packs->pdata[i]), id) == 0)
      return packs->pdata[i];
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Adds a pack that was read; a pack with the ID of one loaded before replaces it when it came from
 * the bundle, and is refused when two of the user's files have the same ID. */
static void
add_pack (GPtrArray   *packs,
          IcwRulePack *pack,
          GPtrArray   *errors)
{
  IcwRulePack *same = icw_rule_packs_find (packs, pack->id);
  guint position;

  if (same == NULL)
    g_ptr_array_add (packs, g_object_ref (pack));
  else if (g_str_has_prefix (same->file, "resource://"))
    {
      g_ptr_array_find (packs, same, &position);
      g_ptr_array_index (packs, position) = g_object_ref (pack);
      g_object_unref (same);
    }
  else if (errors != NULL)
    g_ptr_array_add (errors, g_error_new (ICW_ERROR, ICW_ERROR_RULE_PACK,
                                          _("Rule pack “%s”: its ID “%s” is already that of “%s”"),
                                          pack->file, pack->id, same->file));
}

static void
add_error (GPtrArray *errors,
           GError    *error)
{
  if (errors != NULL)
    g_ptr_array_add (errors, error);
  else
    g_error_free (error);
}

void
icw_rule_packs_load_dir (GPtrArray  *packs,
                         const char *dir,
                         GPtrArray  *errors)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_if_fail (packs != NULL && dir != NULL);

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      GError *error = NULL;
      g_autoptr(IcwRulePack) pack = icw_rule_pack_new_from_file (path, &error);

      if (pack != NULL)
        add_pack (packs, pack, errors);
      else
        add_error (errors, error);
    }
}

static void
register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      icw_rules_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
load_bundled (GPtrArray *packs,
              GPtrArray *errors)
{
  g_auto(GStrv) names = NULL;

  register_resources ();
  names = g_resources_enumerate_children (RESOURCE_DIR, 0, NULL);
  if (names == NULL)
    return;
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, names[i], NULL);
      g_autofree char *uri = g_strconcat ("resource://", path, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(IcwRulePack) pack = NULL;
      GError *error = NULL;
      gsize length;
      const char *data;

      if (bytes == NULL || !g_str_has_suffix (names[i], ".json"))
        continue;
      data = g_bytes_get_data (bytes, &length);
      pack = icw_rule_pack_new_from_data (uri, data, length, &error);
      if (pack != NULL)
        add_pack (packs, pack, errors);
      else
        add_error (errors, error);
    }
}

GPtrArray *
icw_rule_packs_load_all (GPtrArray **errors)
{
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "ic-workbench", "rules", NULL);

  load_bundled (packs, problems);
  icw_rule_packs_load_dir (packs, user_dir, problems);
  if (errors != NULL)
    *errors = g_steal_pointer (&problems);
  return g_steal_pointer (&packs);
}

/* The readers the scoring schemes share with the packs (icw-score-scheme.c): a scheme's items
 * name their basis exactly as a pack's rules do. */
char *
icw_rule_json_citation (JsonObject *object,
                        IcwRule    *rule)
{
  return read_citation (object, rule);
}

char *
icw_rule_json_languages (JsonObject  *object,
                         const char  *member,
                         char       **en,
                         char       **zh)
{
  return read_languages (object, member, en, zh);
}

char *
icw_rule_json_members (JsonObject         *object,
                       const char * const *known)
{
  return check_members (object, known);
}

char *
icw_rule_json_text (JsonObject  *object,
                    const char  *member,
                    char       **out)
{
  return read_text (object, member, out);
}

gboolean
icw_rule_json_holds (JsonNode *node,
                     GType     type)
{
  return holds (node, type);
}

gboolean
icw_rule_json_is_text (JsonNode *node)
{
  return is_text (node);
}

void
icw_rule_free (IcwRule *rule)
{
  rule_free (rule);
}
