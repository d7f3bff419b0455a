/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-readiness.c: the 64号 conditions evaluated on a center (icw-readiness.h). The pack's rules
 * whose field is one of the registers ("registers/…") read only the center, its shareholders,
 * members and platforms, so they run here as they run on an upgrade application; a rule is met
 * when it adds no finding. The others (attachments) belong to the application. Each kind has a
 * short name for the panel; a kind a newer pack adds is shown under its rule's ID. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-readiness.h"
#include "icw-rule-pack.h"
#include "icw-rules-private.h"

/* What each condition is called, by the rule's kind, or by its ID where two rules share a kind. */
static const struct {
  const char *kind;
  const char *condition;
} conditions[] = {
  { "64-top-ten-several", N_("At least two of the field's top-ten firms among the shareholders") },
  { "center-recognized", N_("Already a recognized provincial center (the precondition)") },
  { "field-not-occupied", N_("No national center in the field yet") },
  { "field-in-layout", N_("The field fits the 领域总体布局") },
  { "host-legal-form", N_("The host company is an enterprise legal person") },
  { "operating-model", N_("A “company + alliance” model") },
  { "top-ten-shareholders", N_("Several of the field's top-ten firms among the shareholders") },
  { "center-property-required", N_("The field's national platforms counted") },
  { "platform-coverage", N_("The members hold over half of the field's national platforms") },
  { "alliance-user-enterprises", N_("User enterprises in the alliance") },
  { "alliance-provinces", N_("Members from across the country") },
  { "max-shareholder-share", N_("No dominant shareholder") },
  { "attachments-required", N_("Certificates of the members' national platforms") },
};

static const char *
condition_of (const IcwRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    if (strcmp (conditions[i].kind, rule->id) == 0)
      return _(conditions[i].condition);
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    if (strcmp (conditions[i].kind, rule->kind->name) == 0)
      return _(conditions[i].condition);
  return rule->id;
}

void
icw_readiness_item_free (IcwReadinessItem *item)
{
  g_free (item->rule);
  g_free (item->condition);
  g_free (item->detail);
  g_free (item->basis);
  g_free (item);
}

static IcwReadinessItem *
item_new (const char        *rule,
          const char        *condition,
          IcwReadinessState  state,
          const char        *detail,
          char              *basis)   /* taken */
{
  IcwReadinessItem *item = g_new0 (IcwReadinessItem, 1);

  item->rule = g_strdup (rule);
  item->condition = g_strdup (condition);
  item->state = state;
  item->detail = g_strdup (detail);
  item->basis = basis;
  return item;
}

/* The state and the messages of the findings a rule added. */
static IcwReadinessItem *
item_for_rule (const IcwRule *rule,
               GPtrArray     *findings)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  IcwReadinessState state = ICW_READINESS_MET;

  for (guint i = 0; i < findings->len; i++)
    {
      IcwFinding *finding = findings->pdata[i];

      if (g_strcmp0 (icw_finding_get_rule (finding), rule->id) != 0)
        continue;
      if (detail->len > 0)
        g_string_append_c (detail, '\n');
      g_string_append (detail, icw_finding_get_message (finding));
      if (icw_finding_get_severity (finding) == ICW_SEVERITY_ERROR)
        state = ICW_READINESS_MISSING;
      else if (state == ICW_READINESS_MET)
        state = ICW_READINESS_WARNING;
    }
  return item_new (rule->id, condition_of (rule), state, detail->len > 0 ? detail->str : NULL,
                   icw_rule_basis_text (rule));
}

static void
add_grade (GPtrArray  *items,
           const char *latest_grade,
           gboolean    grade_is_top)
{
  g_autofree char *detail = NULL;
  IcwReadinessState state = ICW_READINESS_MET;

  if (latest_grade == NULL)
    {
      state = ICW_READINESS_WARNING;
      detail = g_strdup (_("No assessment grade is recorded for the center yet."));
    }
  else if (!grade_is_top)
    {
      state = ICW_READINESS_WARNING;
      detail = g_strdup_printf (_("The latest grade is %s, not 优秀 (excellent)."), latest_grade);
    }
  else
    detail = g_strdup_printf (_("The latest grade is %s."), latest_grade);
  g_ptr_array_add (items, item_new ("latest-grade", _("The latest assessment grade"), state, detail,
                                    g_strdup (_("Not a condition of 64号: provinces look at the grade before recommending "
                                                "an upgrade (Anhui recommends centers graded 优秀 first)."))));
}

GPtrArray *
icw_readiness_evaluate (IcwStore    *store,
                        IcwCenter   *center,
                        GPtrArray   *packs,
                        const char  *latest_grade,
                        gboolean     grade_is_top,
                        GDateTime   *today,
                        GError     **error)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_readiness_item_free);
  IcwRuleContext context = { NULL, };
  IcwRulePack *pack;
  const GPtrArray *rules;
  GPtrArray *registers_rules = g_ptr_array_new ();

  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);
  if (packs == NULL)
    packs = loaded = icw_rule_packs_load_all (NULL);
  pack = icw_rule_packs_find (packs, ICW_RULE_PACK_MIIT_64);
  if (pack == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("The rule pack “%s” is not installed."), ICW_RULE_PACK_MIIT_64);
      g_ptr_array_unref (registers_rules);
      g_ptr_array_unref (items);
      return NULL;
    }
  rules = icw_rule_pack_get_rules (pack);
  context.store = store;
  context.record = ICW_RECORD (center);
  context.center = center;
  context.pack = pack;
  context.findings = findings;
  context.today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                  g_date_time_get_year (now));
  for (guint i = 0; i < rules->len; i++)
    {
      const IcwRule *rule = rules->pdata[i];

      if (rule->field != NULL && g_str_has_prefix (rule->field, "registers/"))
        {
          rule->kind->run (&context, rule);
          g_ptr_array_add (registers_rules, (gpointer) rule);
        }
    }
  g_clear_pointer (&context.shareholders, g_ptr_array_unref);
  g_clear_pointer (&context.members, g_ptr_array_unref);
  g_date_free (context.today);

  for (guint i = 0; i < rules->len; i++)
    {
      const IcwRule *rule = rules->pdata[i];

      if (g_ptr_array_find (registers_rules, rule, NULL))
        g_ptr_array_add (items, item_for_rule (rule, findings));
      else
        g_ptr_array_add (items, item_new (rule->id, condition_of (rule), ICW_READINESS_NOT_CHECKED,
                                          _("Checked on the upgrade application."), icw_rule_basis_text (rule)));
    }
  g_ptr_array_add (items, item_new ("field-layout", _("The field fits the 领域总体布局"), ICW_READINESS_NOT_CHECKED,
                                    _("The program does not check this yet: compare the field with the published layout."),
                                    g_strdup (_("工信厅科〔2017〕64号 (procedure): the field fits the 领域总体布局 of national centers."))));
  add_grade (items, latest_grade, grade_is_top);
  g_ptr_array_unref (registers_rules);
  return items;
}

guint
icw_readiness_count_missing (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += ((IcwReadinessItem *) items->pdata[i])->state == ICW_READINESS_MISSING;
  return n;
}
