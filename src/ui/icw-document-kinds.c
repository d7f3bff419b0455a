/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-kinds.c: the table of document kinds that IcwDocumentEditor shows: per kind its
 * wording, its look, its check and where its findings' fields are. */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "icw-application-check.h"
#include "icw-document-kinds.h"
#include "icw-funding-check.h"
#include "icw-ip-agreement-check.h"
#include "icw-report-check.h"

/* Applications: a field's first part is its section's key ("roadmap/2/trl_to" is in "roadmap"). */
static const char *
application_page_of_field (const char *field)
{
  g_autofree char *first = NULL;
  const char *slash;

  if (field == NULL)
    return "";
  slash = strchr (field, '/');
  first = slash != NULL ? g_strndup (field, slash - field) : g_strdup (field);
  return g_intern_string (first);
}

static GPtrArray *
application_check (IcwStore *store, IcwRecord *record, GPtrArray *packs, GDateTime *today, GError **error)
{
  return icw_application_check (store, ICW_APPLICATION (record), packs, today, error);
}

const IcwDocumentKind icw_document_kind_application = {
  .kind = ICW_RECORD_KIND_APPLICATION,
  .bar = {
    .check_label = N_("_Check Application"),
    .ready_toast = N_("The application is ready to submit"),
    .submit_heading = N_("Submit the Application?"),
    .submit_body = N_("A submitted application cannot be changed. If the reviewers return it, you can reopen it as a new version."),
    .submitted_toast = N_("Submitted: the application is now read-only"),
    .return_body = N_("Enter the reviewers' comments as they were sent with the returned application."),
    /* A returned application is locked too: this banner is shown over it as well. */
    .locked_banner = N_("This application has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
  },
  .pages_label = N_("Application sections"),
  .unfilled_badge = N_("Not filled in yet"),
  .sidebar_width = 190,
  .check_height = 260,
  .wrap_titles = TRUE,
  .select_first_page = TRUE,
  .check_expands = TRUE,
  .loads_packs = TRUE,
  .check = application_check,
  .page_of_field = application_page_of_field,
};

/* Agreements: "parties/2/share-bp" is on the parties page, "parties/2/background-ip/0/number" on
 * the background IP page, "ownership" with the results. */
static const char *
agreement_page_of_field (const char *field)
{
  static const char *const results_fields[] = { "results", "ownership", "project-access", "exploitation-access", NULL };
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 4);

  if (parts[0] == NULL || g_str_equal (parts[0], "title") || g_str_equal (parts[0], "effective-date") ||
      g_str_equal (parts[0], "shares"))
    return "parties";
  if (g_str_equal (parts[0], "parties"))
    return parts[1] != NULL && g_strcmp0 (parts[2], "background-ip") == 0 ? "background-ip" : "parties";
  if (g_strv_contains (results_fields, parts[0]))
    return "results";
  if (g_str_equal (parts[0], "special-clauses"))
    return "special-clauses";
  return "terms";
}

static GPtrArray *
agreement_check (IcwStore *store, IcwRecord *record, GPtrArray *packs, GDateTime *today, GError **error)
{
  return icw_ip_agreement_check (store, ICW_IP_AGREEMENT (record), packs, today, error);
}

const IcwDocumentKind icw_document_kind_agreement = {
  .kind = ICW_RECORD_KIND_IP_AGREEMENT,
  .bar = {
    .check_label = N_("_Check Agreement"),
    .ready_toast = N_("The agreement is ready to submit"),
    .submit_heading = N_("Submit the Agreement?"),
    .submit_body = N_("A submitted agreement cannot be changed. If it is returned, you can reopen it as a new version."),
    .submitted_toast = N_("Submitted: the agreement is now read-only"),
    .return_body = N_("Enter the comments sent back with the returned agreement."),
    .locked_banner = N_("This agreement has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
    /* xgettext:c-format */
    .returned_banner = N_("Returned with these comments: %s"),
    .returned_plain_banner = N_("This agreement was returned and is read-only: reopen it as a new version to change it."),
  },
  .pages_label = N_("Agreement sections"),
  .sidebar_width = 190,
  .check_height = 240,
  .wrap_titles = TRUE,
  .select_first_page = TRUE,
  .check_expands = TRUE,
  .loads_packs = TRUE,
  .check = agreement_check,
  .page_of_field = agreement_page_of_field,
};

/* Funding requests: the milestones, the justification of a budget line, the budget, else the request. */
static const char *
funding_page_of_field (const char *field)
{
  if (field == NULL)
    return "request";
  if (g_str_has_prefix (field, "milestones"))
    return "milestones";
  if (g_str_has_prefix (field, "budget/") && g_str_has_suffix (field, "/justification"))
    return "justification";
  if (g_str_has_prefix (field, "budget"))
    return "budget";
  return "request";
}

static GPtrArray *
funding_check (IcwStore *store, IcwRecord *record, GPtrArray *packs, GDateTime *today, GError **error)
{
  return icw_funding_request_check (store, ICW_FUNDING_REQUEST (record), packs, today, error);
}

const IcwDocumentKind icw_document_kind_funding = {
  .kind = ICW_RECORD_KIND_FUNDING_REQUEST,
  .bar = {
    .check_label = N_("_Check Request"),
    .ready_toast = N_("Ready to submit"),
    .submit_heading = N_("Submit?"),
    .submit_body = N_("Once submitted it cannot be changed. If the reviewers return it, you can reopen it as a new version."),
    .submitted_toast = N_("Submitted: it is now read-only"),
    .return_body = N_("Enter the reviewers' comments as they were sent with the returned document."),
    .locked_banner = N_("This document has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
    /* xgettext:c-format */
    .returned_banner = N_("Returned by the reviewers: %s. Reopen it as a new version to change it."),
  },
  .pages_label = N_("Funding request pages"),
  .sidebar_width = 150,
  .check_height = 220,
  .wrap_titles = FALSE,
  .hide_empty_badges = TRUE,
  .check_expands = FALSE,
  .check = funding_check,
  .page_of_field = funding_page_of_field,
};

/* Reports: "summary/<key>", "indicators/<key>/…", a 建设情况 property, else the figures. */
static const char *
report_page_of_field (const char *field)
{
  if (field == NULL)
    return "figures";
  if (g_str_has_prefix (field, "summary"))
    return "summary";
  if (g_str_has_prefix (field, "indicators"))
    return "indicators";
  if (g_str_has_prefix (field, "build-") || g_str_has_prefix (field, "build_"))
    return "construction";
  return "figures";
}

static GPtrArray *
report_check (IcwStore *store, IcwRecord *record, GPtrArray *packs, GDateTime *today, GError **error)
{
  return icw_report_check (store, ICW_REPORT (record), packs, today, error);
}

const IcwDocumentKind icw_document_kind_report = {
  .kind = ICW_RECORD_KIND_REPORT,
  .bar = {
    .check_label = N_("_Check Report"),
    .ready_toast = N_("The report is ready to submit"),
    .submit_heading = N_("Submit the Report?"),
    .submit_body = N_("A submitted report cannot be changed. If the reviewers return it, you can reopen it as a new version."),
    .submitted_toast = N_("Submitted: the report is now read-only"),
    .return_body = N_("Enter the reviewers' comments as they were sent with the returned report."),
    .locked_banner = N_("This report has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
    /* xgettext:c-format */
    .returned_banner = N_("Returned by the reviewers: %s. Reopen it as a new version to change it."),
  },
  .pages_label = N_("Report pages"),
  .sidebar_width = 170,
  .check_height = 220,
  .wrap_titles = FALSE,
  .hide_empty_badges = TRUE,
  .check_expands = FALSE,
  .check = report_check,
  .page_of_field = report_page_of_field,
};
