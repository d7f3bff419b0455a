/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-check.c: `icw check ID [--json]`: runs the rule packs that apply to an application, an
 * IP-sharing agreement or a funding request (for a report: the report's own checks, then its
 * self-score by its center's scoring scheme, icw-cli-check-score.c) and prints the findings the
 * editor's check panel shows, in the user's language: errors first, then
 * by section. Exit status 0 when there is no error (warnings alone do not fail), 1 when there are
 * errors or the check could not run. A rule pack that could not be read is reported on stderr and
 * left out; the others run. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-check.h"
#include "icw-cli.h"
#include "icw-error.h"
#include "icw-funding-check.h"
#include "icw-ip-agreement-check.h"
#include "icw-report-check.h"
#include "icw-score-report.h"

static void
report_pack_errors (GPtrArray *errors)
{
  for (guint i = 0; i < errors->len; i++)
    icw_cli_err (_("Warning: %s"), ((GError *) errors->pdata[i])->message);
}

/* A report's self-score, or why there is none. */
typedef struct {
  IcwScore *score;
  GError   *error;
} ReportScore;

static void
print_json (IcwRecord   *record,
            GPtrArray   *packs,
            GPtrArray   *findings,
            ReportScore *score)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  icw_cli_json_add_text (builder, ICW_IS_APPLICATION (record) ? "application"
                                 : ICW_IS_IP_AGREEMENT (record) ? "agreement"
                                 : ICW_IS_REPORT (record) ? "report" : "funding_request",
                         icw_record_get_id (record));
  json_builder_set_member_name (builder, "packs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < packs->len; i++)
    {
      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "id", icw_rule_pack_get_id (packs->pdata[i]));
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, icw_rule_pack_get_version (packs->pdata[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      IcwFinding *finding = findings->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "rule", icw_finding_get_rule (finding));
      icw_cli_json_add_text (builder, "severity", icw_severity_to_key (icw_finding_get_severity (finding)));
      icw_cli_json_add_text (builder, "citation", icw_finding_get_citation (finding));
      icw_cli_json_add_text (builder, "basis", icw_finding_get_basis (finding));
      icw_cli_json_add_text (builder, "url", icw_finding_get_url (finding));
      icw_cli_json_add_text (builder, "field", icw_finding_get_field (finding));
      icw_cli_json_add_text (builder, "message", icw_finding_get_message (finding));
      icw_cli_json_add_text (builder, "pack", icw_finding_get_pack (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (ICW_IS_REPORT (record))
    icw_cli_check_score_json (builder, score->score, score->error != NULL ? score->error->message : NULL);
  json_builder_end_object (builder);
  icw_cli_json_print (builder);
}

static void
print_packs (GPtrArray *packs)
{
  icw_cli_out ("%s\n", _("Rule packs:"));
  for (guint i = 0; i < packs->len; i++)
    icw_cli_out ("  %s (%s %d)\n", icw_rule_pack_get_title (packs->pdata[i]),
                 icw_rule_pack_get_id (packs->pdata[i]), icw_rule_pack_get_version (packs->pdata[i]));
}

static void
print_text (IcwRecord   *record,
            GPtrArray   *packs,
            GPtrArray   *findings,
            ReportScore *score)
{
  guint errors = icw_findings_count (findings, ICW_SEVERITY_ERROR);
  guint warnings = icw_findings_count (findings, ICW_SEVERITY_WARNING);
  g_autofree char *title = icw_cli_document_title (record);

  icw_cli_out ("%s\n", icw_cli_or_dash (title));
  if (packs->len > 0)
    print_packs (packs);
  icw_cli_out ("\n");
  for (guint i = 0; i < findings->len; i++)
    {
      IcwFinding *finding = findings->pdata[i];

      icw_cli_out ("%s [%s] %s\n", icw_severity_to_label (icw_finding_get_severity (finding)),
                   icw_finding_get_field (finding), icw_finding_get_message (finding));
      /* TRANSLATORS: before what a finding's rule rests on: a policy text and its words, or program practice */
      icw_cli_out ("    %s %s (%s/%s)\n", _("Basis:"), icw_finding_get_citation (finding),
                   icw_finding_get_pack (finding), icw_finding_get_rule (finding));
      if (icw_finding_get_url (finding) != NULL)
        icw_cli_out ("    %s\n", icw_finding_get_url (finding));
    }
  if (findings->len > 0)
    icw_cli_out ("\n");
  if (errors == 0 && warnings == 0 && ICW_IS_APPLICATION (record))
    icw_cli_out ("%s\n", _("No errors and no warnings: the application can be marked ready to submit."));
  else if (errors == 0 && warnings == 0 && ICW_IS_IP_AGREEMENT (record))
    icw_cli_out ("%s\n", _("No errors and no warnings: the agreement can be marked ready to submit."));
  else if (errors == 0 && warnings == 0 && ICW_IS_REPORT (record))
    icw_cli_out ("%s\n", _("No errors and no warnings: the report can be marked ready to submit."));
  else if (errors == 0 && warnings == 0)
    icw_cli_out ("%s\n", _("No errors and no warnings: the funding request can be marked ready to submit."));
  else
    {
      /* TRANSLATORS: the first half of the summary of a check, followed by the number of warnings */
      g_autofree char *error_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *warning_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

      /* TRANSLATORS: "3 errors, 2 warnings." */
      icw_cli_out (_("%s, %s."), error_text, warning_text);
      icw_cli_out ("\n");
    }
  if (ICW_IS_REPORT (record))
    icw_cli_check_score_text (score->score, score->error != NULL ? score->error->message : NULL);
}

static IcwRecord *
find_checkable (IcwStore    *store,
                const char  *id,
                GError     **error)
{
  g_autoptr(IcwRecord) record = icw_cli_find_record (store, id, error);

  if (record == NULL)
    return NULL;
  if (!ICW_IS_APPLICATION (record) && !ICW_IS_IP_AGREEMENT (record) && !ICW_IS_FUNDING_REQUEST (record) &&
      !ICW_IS_REPORT (record))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("“%s” is not an application, an agreement, a funding request or a report: “icw check” checks those (see “icw list applications”, “icw list agreements”, “icw list funding” and “icw list reports”)."), id);
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* The packs that apply and the findings, for an application, an agreement or a funding request. */
static GPtrArray *
run_check (IcwStore   *store,
           IcwRecord  *record,
           GPtrArray  *packs,
           GPtrArray **applied,
           GError    **error)
{
  g_autoptr(IcwCenter) center = NULL;
  g_autofree char *center_id = NULL;

  g_object_get (record, "center-id", &center_id, NULL);
  center = (IcwCenter *) icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, error);
  if (center == NULL)
    return NULL;
  if (ICW_IS_REPORT (record))
    {
      /* The report's checks are the program's own; no pack applies to it. */
      *applied = g_ptr_array_new ();
      return icw_report_check (store, ICW_REPORT (record), packs, NULL, error);
    }
  if (ICW_IS_IP_AGREEMENT (record))
    {
      *applied = icw_rule_packs_for_ip_agreement (packs, center, error);
      return *applied != NULL ? icw_ip_agreement_check (store, ICW_IP_AGREEMENT (record), packs, NULL, error) : NULL;
    }
  if (ICW_IS_FUNDING_REQUEST (record))
    {
      *applied = icw_rule_packs_for_funding_request (packs, center, error);
      return *applied != NULL ? icw_funding_request_check (store, ICW_FUNDING_REQUEST (record), packs, NULL, error) : NULL;
    }
  *applied = icw_rule_packs_for_application (packs, center, ICW_APPLICATION (record), error);
  return *applied != NULL ? icw_application_check (store, ICW_APPLICATION (record), packs, NULL, error) : NULL;
}

int
icw_cli_check (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) record = NULL;
  g_autoptr(GPtrArray) pack_errors = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(IcwScore) score = NULL;
  g_autoptr(GError) score_error = NULL;
  ReportScore report_score = { NULL, NULL };

  if (options->args->len < 2)
    return icw_cli_usage_error ("%s", _("Say which application, agreement or funding request to check: “icw check ID”."));
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw check” takes one ID, but “%s” follows it."),
                                (const char *) options->args->pdata[2]);

  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  record = find_checkable (store, options->args->pdata[1], &error);
  if (record == NULL)
    return icw_cli_fail (error);

  packs = icw_rule_packs_load_all (&pack_errors);
  report_pack_errors (pack_errors);
  findings = run_check (store, record, packs, &applied, &error);
  if (findings == NULL)
    return icw_cli_fail (error);

  if (ICW_IS_REPORT (record))
    {
      score = icw_score_report (store, ICW_REPORT (record), NULL, &score_error);
      report_score.score = score;
      report_score.error = score_error;
    }
  if (options->json)
    print_json (record, applied, findings, &report_score);
  else
    print_text (record, applied, findings, &report_score);
  return icw_findings_count (findings, ICW_SEVERITY_ERROR) > 0 ? ICW_EXIT_FAILURE : ICW_EXIT_OK;
}
