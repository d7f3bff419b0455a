/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-lifecycle-graph.c: the life-cycle graph (icw-lifecycle-graph.h): statuses and the allowed
 * changes between them, read by the store, which refuses any other, and by the transitions. */
#include "config.h"

#include "icw-application.h"
#include "icw-funding-request.h"
#include "icw-ip-agreement.h"
#include "icw-lifecycle-graph.h"
#include "icw-report.h"

gboolean
icw_record_kind_has_lifecycle (IcwRecordKind kind)
{
  return kind == ICW_RECORD_KIND_APPLICATION || kind == ICW_RECORD_KIND_IP_AGREEMENT ||
         kind == ICW_RECORD_KIND_FUNDING_REQUEST || kind == ICW_RECORD_KIND_REPORT;
}

gboolean
icw_record_has_lifecycle (IcwRecord *record)
{
  g_return_val_if_fail (ICW_IS_RECORD (record), FALSE);
  return ICW_IS_APPLICATION (record) || ICW_IS_IP_AGREEMENT (record) || ICW_IS_FUNDING_REQUEST (record) ||
         ICW_IS_REPORT (record);
}

gboolean
icw_lifecycle_status_is_locked (IcwApplicationStatus status)
{
  return status == ICW_APPLICATION_STATUS_SUBMITTED || status == ICW_APPLICATION_STATUS_RETURNED ||
         status == ICW_APPLICATION_STATUS_ACCEPTED;
}

gboolean
icw_lifecycle_status_can_change (IcwApplicationStatus from,
                                 IcwApplicationStatus to)
{
  if (from == to)
    return TRUE;
  switch (from)
    {
    case ICW_APPLICATION_STATUS_DRAFT:
      return to == ICW_APPLICATION_STATUS_READY;
    case ICW_APPLICATION_STATUS_READY:
      return to == ICW_APPLICATION_STATUS_DRAFT || to == ICW_APPLICATION_STATUS_SUBMITTED;
    case ICW_APPLICATION_STATUS_SUBMITTED:
      return to == ICW_APPLICATION_STATUS_RETURNED || to == ICW_APPLICATION_STATUS_ACCEPTED;
    case ICW_APPLICATION_STATUS_RETURNED:
    case ICW_APPLICATION_STATUS_ACCEPTED:
    default:
      return FALSE;
    }
}

/* Whether the document's owner (the center's administrator) can move it from @from to @to in
 * any number of their own steps (draft ⇄ ready → submitted), as a sync server sees the steps
 * made offline: the outbox keeps a record's latest state, so "ready" then "submit" before a sync
 * arrives as one change from draft to submitted, and a document made and submitted offline
 * arrives new and submitted. Returning and accepting are never the owner's steps. */
gboolean
icw_lifecycle_status_owner_can_reach (IcwApplicationStatus from,
                                      IcwApplicationStatus to)
{
  if (from == to)
    return TRUE;
  switch (from)
    {
    case ICW_APPLICATION_STATUS_DRAFT:
    case ICW_APPLICATION_STATUS_READY:
      return to == ICW_APPLICATION_STATUS_DRAFT || to == ICW_APPLICATION_STATUS_READY ||
             to == ICW_APPLICATION_STATUS_SUBMITTED;
    case ICW_APPLICATION_STATUS_SUBMITTED:
    case ICW_APPLICATION_STATUS_RETURNED:
    case ICW_APPLICATION_STATUS_ACCEPTED:
    default:
      return FALSE;
    }
}

IcwApplicationStatus
icw_lifecycle_get_status (IcwRecord *record)
{
  guint status = 0;

  g_return_val_if_fail (icw_record_has_lifecycle (record), ICW_APPLICATION_STATUS_DRAFT);
  g_object_get (record, "status", &status, NULL);
  return (IcwApplicationStatus) status;
}

int
icw_lifecycle_get_version (IcwRecord *record)
{
  int version = 0;

  g_return_val_if_fail (icw_record_has_lifecycle (record), 0);
  g_object_get (record, "version", &version, NULL);
  return version;
}

/* The lineage as the record holds it: a property's string lives as long as its value is not set. */
const char *
icw_lifecycle_get_lineage (IcwRecord *record)
{
  GValue value = G_VALUE_INIT;
  const char *lineage;

  g_return_val_if_fail (icw_record_has_lifecycle (record), NULL);
  g_value_init (&value, G_TYPE_STRING);
  g_object_get_property (G_OBJECT (record), "lineage-id", &value);
  lineage = g_intern_string (g_value_get_string (&value));
  g_value_unset (&value);
  return lineage;
}

gboolean
icw_lifecycle_is_editable (IcwRecord *record)
{
  return !icw_lifecycle_status_is_locked (icw_lifecycle_get_status (record));
}
