/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-request.h: a funding request (资金申请): a center asks central or local government,
 * funds or banks for money, for itself, one of its applications or one of their technologies. Its
 * budget is a set of child records, one IcwBudgetLine per category of the request's category set
 * (icw-budget-line.h, icw-category-set.h); the disbursement milestones are JSON text checked by the
 * store (icw-funding-parts.h). It has the life cycle and versions of applications (icw-lifecycle.h):
 * "status", "version", "lineage-id" and "reviewer-comments". */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_FUNDING_REQUEST (icw_funding_request_get_type ())

G_DECLARE_FINAL_TYPE (IcwFundingRequest, icw_funding_request, ICW, FUNDING_REQUEST, IcwRecord)

/* The period of a request, in years. */
#define ICW_FUNDING_MIN_PERIOD 1
#define ICW_FUNDING_MAX_PERIOD 10
/* Start years the store accepts. */
#define ICW_FUNDING_MIN_YEAR 2000
#define ICW_FUNDING_MAX_YEAR 2100

IcwFundingRequest *icw_funding_request_new (void);

IcwApplicationStatus icw_funding_request_get_status (IcwFundingRequest *self);
void        icw_funding_request_set_status            (IcwFundingRequest *self, IcwApplicationStatus value);
int         icw_funding_request_get_version           (IcwFundingRequest *self);
void        icw_funding_request_set_version           (IcwFundingRequest *self, int value);
const char *icw_funding_request_get_lineage_id        (IcwFundingRequest *self);
void        icw_funding_request_set_lineage_id        (IcwFundingRequest *self, const char *value);
const char *icw_funding_request_get_reviewer_comments (IcwFundingRequest *self);
void        icw_funding_request_set_reviewer_comments (IcwFundingRequest *self, const char *value);

const char *icw_funding_request_get_center_id         (IcwFundingRequest *self);
void        icw_funding_request_set_center_id         (IcwFundingRequest *self, const char *value);
/* Optional: an application of the same center. */
const char *icw_funding_request_get_application_id    (IcwFundingRequest *self);
void        icw_funding_request_set_application_id    (IcwFundingRequest *self, const char *value);
/* Optional free text, e.g. one of the application's roadmap technologies. */
const char *icw_funding_request_get_technology        (IcwFundingRequest *self);
void        icw_funding_request_set_technology        (IcwFundingRequest *self, const char *value);
const char *icw_funding_request_get_title             (IcwFundingRequest *self);
void        icw_funding_request_set_title             (IcwFundingRequest *self, const char *value);
/* The first year of the budget, and the number of years (1–10). */
int         icw_funding_request_get_start_year        (IcwFundingRequest *self);
void        icw_funding_request_set_start_year        (IcwFundingRequest *self, int value);
int         icw_funding_request_get_period            (IcwFundingRequest *self);
void        icw_funding_request_set_period            (IcwFundingRequest *self, int value);
/* The sources in use: their keys (icw_funding_source_to_key), comma-separated, in enum order. */
const char *icw_funding_request_get_sources           (IcwFundingRequest *self);
void        icw_funding_request_set_sources           (IcwFundingRequest *self, const char *value);
/* The category set of the budget (icw-category-set.h): its ID and version. */
const char *icw_funding_request_get_category_set      (IcwFundingRequest *self);
void        icw_funding_request_set_category_set      (IcwFundingRequest *self, const char *value);
int         icw_funding_request_get_category_set_version (IcwFundingRequest *self);
void        icw_funding_request_set_category_set_version (IcwFundingRequest *self, int value);
/* Disbursement milestones, JSON: [{"date": "YYYY-MM-DD", "amount_fen": "123", "condition": "…"}] */
const char *icw_funding_request_get_milestones        (IcwFundingRequest *self);
void        icw_funding_request_set_milestones        (IcwFundingRequest *self, const char *value);
/* R&D super-deduction (研发费用加计扣除) claimed, and its amount. */
gboolean    icw_funding_request_get_tax_deduction     (IcwFundingRequest *self);
void        icw_funding_request_set_tax_deduction     (IcwFundingRequest *self, gboolean value);
gint64      icw_funding_request_get_tax_deduction_fen (IcwFundingRequest *self);
void        icw_funding_request_set_tax_deduction_fen (IcwFundingRequest *self, gint64 value);

/* The sources property as a set: is a source in use; set one in or out (rewrites "sources"). */
gboolean    icw_funding_request_uses_source           (IcwFundingRequest *self, IcwFundingSource source);
void        icw_funding_request_set_source_used       (IcwFundingRequest *self, IcwFundingSource source,
                                                       gboolean used);
/* The sources in use in enum order; returns how many were written to `out`. Unknown keys are
 * skipped (the store refuses them). */
guint       icw_funding_request_list_sources          (IcwFundingRequest *self,
                                                       IcwFundingSource   out[ICW_N_FUNDING_SOURCES]);

G_END_DECLS
