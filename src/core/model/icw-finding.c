/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-finding.c: a finding of the check: an immutable value, set once at construction. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-finding.h"

struct _IcwFinding
{
  GObject parent_instance;

  char *rule;
  char *pack;
  IcwSeverity severity;
  char *citation;
  char *field;
  char *message;
  char *basis;
  char *url;
};

G_DEFINE_FINAL_TYPE (IcwFinding, icw_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_PACK,
  PROP_SEVERITY,
  PROP_CITATION,
  PROP_FIELD,
  PROP_MESSAGE,
  PROP_SECTION,
  PROP_BASIS,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const severity_keys[] = { "error", "warning" };
static const char *const severity_labels[] = { N_("Error"), N_("Warning") };

G_STATIC_ASSERT (G_N_ELEMENTS (severity_keys) == ICW_N_SEVERITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (severity_labels) == ICW_N_SEVERITIES);

const char *
icw_severity_to_key (IcwSeverity severity)
{
  g_return_val_if_fail ((guint) severity < ICW_N_SEVERITIES, NULL);
  return severity_keys[severity];
}

const char *
icw_severity_to_label (IcwSeverity severity)
{
  g_return_val_if_fail ((guint) severity < ICW_N_SEVERITIES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, severity_labels[severity]);
}

gboolean
icw_severity_from_key (const char  *key,
                       IcwSeverity *out)
{
  for (guint i = 0; key != NULL && i < ICW_N_SEVERITIES; i++)
    if (strcmp (key, severity_keys[i]) == 0)
      {
        *out = (IcwSeverity) i;
        return TRUE;
      }
  return FALSE;
}

static void
icw_finding_finalize (GObject *object)
{
  IcwFinding *self = ICW_FINDING (object);

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->pack, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->basis, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (icw_finding_parent_class)->finalize (object);
}

static void
icw_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IcwFinding *self = ICW_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_PACK:
      g_value_set_string (value, self->pack);
      break;

    case PROP_SEVERITY:
      g_value_set_uint (value, self->severity);
      break;

    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_SECTION:
      g_value_set_uint (value, icw_finding_get_section (self));
      break;

    case PROP_BASIS:
      g_value_set_string (value, self->basis);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_finding_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IcwFinding *self = ICW_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      self->rule = g_value_dup_string (value);
      break;

    case PROP_PACK:
      self->pack = g_value_dup_string (value);
      break;

    case PROP_SEVERITY:
      self->severity = (IcwSeverity) g_value_get_uint (value);
      break;

    case PROP_CITATION:
      self->citation = g_value_dup_string (value);
      break;

    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;

    case PROP_BASIS:
      self->basis = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
text_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static void
icw_finding_class_init (IcwFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_finding_finalize;
  object_class->get_property = icw_finding_get_property;
  object_class->set_property = icw_finding_set_property;

  /* The rule's ID in its pack */
  properties[PROP_RULE] = text_param ("rule");
  /* The pack's ID */
  properties[PROP_PACK] = text_param ("pack");
  /* Error or warning */
  properties[PROP_SEVERITY] =
    g_param_spec_uint ("severity", NULL, NULL, 0, ICW_N_SEVERITIES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the rule rests on, in the user's language: the document, title, clause and the words
   * quoted, or that it is the program's practice, or that its source was not found */
  properties[PROP_CITATION] = text_param ("citation");
  /* The field it points at */
  properties[PROP_FIELD] = text_param ("field");
  /* What is wrong, in the user's language */
  properties[PROP_MESSAGE] = text_param ("message");
  /* The section of the field */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL, 0, ICW_N_SECTIONS, ICW_N_SECTIONS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* "policy", "program-practice" or "source-not-found" (empty for the program's own checks) */
  properties[PROP_BASIS] = text_param ("basis");
  /* A public copy of the policy text, or NULL */
  properties[PROP_URL] = text_param ("url");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_finding_init (IcwFinding *self)
{
}

IcwFinding *
icw_finding_new (const char  *rule,
                 const char  *pack,
                 IcwSeverity  severity,
                 const char  *citation,
                 const char  *field,
                 const char  *message)
{
  g_return_val_if_fail ((guint) severity < ICW_N_SEVERITIES, NULL);

  return g_object_new (ICW_TYPE_FINDING, "rule", rule, "pack", pack, "severity", (guint) severity,
                       "citation", citation, "field", field, "message", message, NULL);
}

IcwFinding *
icw_finding_new_with_basis (const char  *rule,
                            const char  *pack,
                            IcwSeverity  severity,
                            const char  *citation,
                            const char  *basis,
                            const char  *url,
                            const char  *field,
                            const char  *message)
{
  g_return_val_if_fail ((guint) severity < ICW_N_SEVERITIES, NULL);

  return g_object_new (ICW_TYPE_FINDING, "rule", rule, "pack", pack, "severity", (guint) severity,
                       "citation", citation, "basis", basis, "url", url, "field", field,
                       "message", message, NULL);
}

const char *
icw_finding_get_basis (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->basis;
}

const char *
icw_finding_get_url (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->url;
}

const char *
icw_finding_get_rule (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->rule;
}

const char *
icw_finding_get_pack (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->pack;
}

IcwSeverity
icw_finding_get_severity (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), ICW_SEVERITY_ERROR);
  return self->severity;
}

const char *
icw_finding_get_citation (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->citation;
}

const char *
icw_finding_get_field (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->field;
}

const char *
icw_finding_get_message (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), NULL);
  return self->message;
}

IcwSection
icw_finding_get_section (IcwFinding *self)
{
  g_return_val_if_fail (ICW_IS_FINDING (self), ICW_N_SECTIONS);
  return icw_section_from_field (self->field);
}

guint
icw_findings_count (GPtrArray   *findings,
                    IcwSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    count += icw_finding_get_severity (findings->pdata[i]) == severity ? 1 : 0;
  return count;
}
