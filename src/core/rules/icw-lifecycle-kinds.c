/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-lifecycle-kinds.c: the record kinds that have a life cycle (icw-lifecycle.h), one row each:
 * how a kind is checked before it is marked ready, and which child records a new version copies. */
#include "config.h"

#include "icw-application-check.h"
#include "icw-application-lifecycle.h"
#include "icw-funding-check.h"
#include "icw-ip-agreement-check.h"
#include "icw-lifecycle.h"
#include "icw-report-check.h"

static GPtrArray *
check_application (IcwStore   *store,
                   IcwRecord  *record,
                   GPtrArray  *packs,
                   GDateTime  *today,
                   GError    **error)
{
  return icw_application_check (store, ICW_APPLICATION (record), packs, today, error);
}

static GPtrArray *
check_ip_agreement (IcwStore   *store,
                    IcwRecord  *record,
                    GPtrArray  *packs,
                    GDateTime  *today,
                    GError    **error)
{
  return icw_ip_agreement_check (store, ICW_IP_AGREEMENT (record), packs, today, error);
}

static GPtrArray *
check_funding_request (IcwStore   *store,
                       IcwRecord  *record,
                       GPtrArray  *packs,
                       GDateTime  *today,
                       GError    **error)
{
  return icw_funding_request_check (store, ICW_FUNDING_REQUEST (record), packs, today, error);
}

static GPtrArray *
check_report (IcwStore   *store,
              IcwRecord  *record,
              GPtrArray  *packs,
              GDateTime  *today,
              GError    **error)
{
  return icw_report_check (store, ICW_REPORT (record), packs, today, error);
}

static const IcwLifecycleKind kinds[] = {
  { ICW_RECORD_KIND_APPLICATION, check_application, icw_application_copy_attachments },
  { ICW_RECORD_KIND_IP_AGREEMENT, check_ip_agreement, icw_ip_agreement_copy_parties },
  { ICW_RECORD_KIND_FUNDING_REQUEST, check_funding_request, icw_funding_request_copy_lines },
  { ICW_RECORD_KIND_REPORT, check_report, icw_report_copy_attachments },
};

const IcwLifecycleKind *
icw_lifecycle_kind_lookup (IcwRecordKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return &kinds[i];
  g_assert (!icw_record_kind_has_lifecycle (kind));
  return NULL;
}
