/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rules-private.h: what the rule pack loader, the rule kinds and the checker share: a rule as
 * loaded, the table of rule kinds (the code that a pack names), and the context a kind runs in. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-finding.h"
#include "icw-rule-pack.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct _IcwRuleKind IcwRuleKind;

typedef struct _IcwRule {
  char              *id;
  const IcwRuleKind *kind;
  IcwSeverity        severity;
  char              *citation;       /* "document clause" */
  /* Its basis (docs/formats.md, "Rule packs"): "policy", "program-practice" or "source-not-found",
   * with the document's number and title, the article, the words quoted (with an English gloss)
   * and a public copy's address, each NULL when the pack gives none. */
  char              *basis;
  char              *document;
  char              *title;
  char              *clause;
  char              *quote;
  char              *gloss;
  char              *url;
  gboolean           essential;      /* practice that the document cannot be read without */
  char              *field;
  JsonObject        *params;
  char              *message_en;
  char              *message_zh;
  char             **application_kinds;  /* keys, or NULL for every kind */
} IcwRule;

/* What a rule kind looks at; the registers are read once, when a kind first asks. */
typedef struct {
  IcwStore       *store;
  IcwRecord      *record;         /* the document checked, of the packs' target kind */
  IcwApplication *application;    /* the record, when it is an application */
  IcwCenter      *center;
  GDate          *today;
  IcwRulePack    *pack;
  GPtrArray      *findings;
  GPtrArray      *shareholders;   /* IcwShareholder */
  GPtrArray      *members;        /* IcwAllianceMember */
} IcwRuleContext;

typedef enum {
  ICW_RULE_PARAM_INT,
  ICW_RULE_PARAM_STRING,
  ICW_RULE_PARAM_STRINGS,   /* an array of strings */
} IcwRuleParamType;

typedef struct {
  const char       *name;
  IcwRuleParamType  type;
  gboolean          required;
} IcwRuleParam;

struct _IcwRuleKind
{
  const char          *name;
  void               (*run)          (IcwRuleContext *context,
                                      const IcwRule  *rule);
  const IcwRuleParam  *params;         /* ends with a NULL name */
  const char * const  *placeholders;   /* NULL-terminated: what its messages may name */
  /* A translated reason why the field or the parameters do not suit the kind, or NULL. */
  char              *(*check_rule)   (const char     *field,
                                      JsonObject     *params);
  IcwRuleTarget        target;         /* what it checks; only packs applying to it may name it */
};

const IcwRuleKind *icw_rule_kind_lookup (const char *name);

/* The pack reader's parts that the scoring schemes reuse (icw-score-scheme.c): an object's
 * "citation" read into a rule's basis fields (the rest of the rule left empty), a member of texts
 * in "en" and "zh_CN", a check that an object has only known members, and a member that must be
 * text (not empty). Each returns a translated reason, or NULL. */
char              *icw_rule_json_citation  (JsonObject          *object,
                                            IcwRule             *rule);
char              *icw_rule_json_languages (JsonObject          *object,
                                            const char          *member,
                                            char               **en,
                                            char               **zh);
char              *icw_rule_json_members   (JsonObject          *object,
                                            const char * const  *known);
char              *icw_rule_json_text      (JsonObject          *object,
                                            const char          *member,
                                            char               **out);
/* Whether NODE is a value of TYPE; whether it is text that is not empty. */
gboolean           icw_rule_json_holds     (JsonNode            *node,
                                            GType                type);
gboolean           icw_rule_json_is_text   (JsonNode            *node);
void               icw_rule_free           (IcwRule             *rule);

const GPtrArray   *icw_rule_pack_get_rules (IcwRulePack *self);
/* The rule's basis as one line in the user's language: "document《title》clause：“quote”", or
 * that it is program practice, or that its source was not found. */
char              *icw_rule_basis_text     (const IcwRule *rule);

/* Parameters as the loader checked them; the default when the optional one is absent. */
gint64       icw_rule_param_int     (const IcwRule *rule,
                                     const char    *name,
                                     gint64         fallback);
const char  *icw_rule_param_string  (const IcwRule *rule,
                                     const char    *name);
GPtrArray   *icw_rule_param_strings (const IcwRule *rule,
                                     const char    *name);

/* Adds a finding for the rule: its message with each {name} replaced by the value that follows
 * it (name/value pairs, NULL-terminated), at the given field or the rule's own. */
void         icw_rule_emit          (IcwRuleContext *context,
                                     const IcwRule  *rule,
                                     const char     *field,
                                     ...) G_GNUC_NULL_TERMINATED;

/* The registers of the context's center, loaded on first use. */
GPtrArray   *icw_rule_context_shareholders (IcwRuleContext *context);
GPtrArray   *icw_rule_context_members      (IcwRuleContext *context);

/* The tables of kinds, one per file (listed in icw-rule-kinds.c). */
typedef const IcwRuleKind *(*IcwRuleKindTable) (guint *n_kinds);
const IcwRuleKind *icw_rule_kinds_application (guint *n_kinds);
const IcwRuleKind *icw_rule_kinds_registers   (guint *n_kinds);
const IcwRuleKind *icw_rule_kinds_agreement   (guint *n_kinds);
const IcwRuleKind *icw_rule_kinds_funding     (guint *n_kinds);
const IcwRuleKind *icw_rule_kinds_conditions  (guint *n_kinds);
const IcwRuleKind *icw_rule_kinds_indicators  (guint *n_kinds);

/* Runs, for each pack in turn, the rules that apply to the context's record, adding their findings
 * to context->findings, then sorts the findings: errors first, then by section, else as the packs
 * and rules ordered them. Frees what the context loaded (its registers). */
void         icw_rule_context_run   (IcwRuleContext *context,
                                     GPtrArray      *packs);
/* Adds to `selected` the packs of the target that the center chose (its rule-packs property) among
 * `packs`; a chosen pack that is not among them is an error (ICW_ERROR_NOT_FOUND). When it adds
 * none, the check uses its target's default packs. */
gboolean     icw_rule_packs_chosen  (GPtrArray      *packs,
                                     IcwCenter      *center,
                                     IcwRuleTarget   target,
                                     GPtrArray      *selected,
                                     GError        **error);
/* A kind's choice of the packs that apply to one of its records, e.g. by
 * icw_rule_packs_for_application(); NULL with `error` when the center's choice is broken. */
typedef GPtrArray *(*IcwRulePackChooser) (GPtrArray  *packs,
                                          IcwCenter  *center,
                                          IcwRecord  *record,
                                          GError    **error);
/* The check of one document of any kind: finds its center (its "center-id"), loads every pack when
 * `packs` is NULL, lets `choose` pick those that apply and runs their rules on the date of `today`
 * (NULL: the local date now). Returns the findings, sorted, or NULL with `error`. */
GPtrArray   *icw_rule_check_record  (IcwStore           *store,
                                     IcwRecord          *record,
                                     GPtrArray          *packs,
                                     IcwRulePackChooser  choose,
                                     GDateTime          *today,
                                     GError            **error);

G_END_DECLS
