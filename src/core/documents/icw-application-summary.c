/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-summary.c: the rows of an application's 基本情况表 (icw-application-summary.h),
 * read from the center's registers and the application's own fields. A number the records leave
 * at 0 is "not stated" and shown empty, never as 0. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-application-summary.h"
#include "icw-center.h"
#include "icw-document-private.h"
#include "icw-money.h"
#include "icw-shareholder.h"

void
icw_summary_row_free (IcwSummaryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->value);
  g_free (row);
}

static void
add (GPtrArray  *rows,
     const char *label,
     char       *value,
     gboolean    from_registers)
{
  IcwSummaryRow *row = g_new0 (IcwSummaryRow, 1);

  row->label = label;
  row->value = value != NULL ? value : g_strdup ("");
  row->from_registers = from_registers;
  g_ptr_array_add (rows, row);
}

static char *
money_or_empty (gint64 fen)
{
  return fen > 0 ? icw_doc_money (fen) : NULL;
}

static char *
count_or_empty (gint64 n)
{
  return n > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : NULL;
}

GPtrArray *
icw_application_summary (IcwStore       *store,
                         IcwApplication *application)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_summary_row_free);
  const char *center_id = icw_application_get_center_id (application);
  g_autoptr(IcwRecord) record = NULL;
  IcwCenter *center = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *contact = NULL, *phone = NULL;
  gint64 investment = 0, capital = 0;

  g_return_val_if_fail (ICW_IS_STORE (store), rows);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), rows);
  if (center_id != NULL && *center_id != '\0')
    record = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL);
  if (record != NULL && ICW_IS_CENTER (record))
    center = ICW_CENTER (record);
  holders = center != NULL ? icw_store_list_records (store, ICW_RECORD_KIND_SHAREHOLDER, center_id)
                           : g_ptr_array_new ();
  members = center != NULL ? icw_store_list_records (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id)
                           : g_ptr_array_new ();
  /* The registered capital as the center records it, else what its shareholders subscribed. */
  if (center != NULL)
    capital = icw_center_get_host_capital_fen (center);
  if (center != NULL && capital == 0)
    for (guint i = 0; i < holders->len; i++)
      capital += icw_shareholder_get_amount_fen (holders->pdata[i]);
  g_object_get (application, "total-investment-fen", &investment, "contact-name", &contact,
                "contact-phone", &phone, NULL);

  add (rows, _("Field"), center != NULL ? g_strdup (icw_center_get_field (center)) : NULL, TRUE);
  add (rows, _("Lead organization"),
       center != NULL ? icw_store_dup_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_center_get_lead_organization_id (center)) : NULL, TRUE);
  add (rows, _("Host company"),
       center != NULL ? icw_store_dup_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_center_get_host_organization_id (center)) : NULL, TRUE);
  add (rows, _("Registered capital (10k yuan)"), money_or_empty (capital), TRUE);
  add (rows, _("Paid-in capital (10k yuan)"),
       center != NULL ? money_or_empty (icw_center_get_paid_in_capital_fen (center)) : NULL, TRUE);
  add (rows, _("Number of shareholders"), count_or_empty (holders->len), TRUE);
  add (rows, _("Number of alliance members"), count_or_empty (members->len), TRUE);
  add (rows, _("Full-time R&D staff"), center != NULL ? count_or_empty (icw_center_get_rd_staff (center)) : NULL, TRUE);
  add (rows, _("Operating space (m²)"), center != NULL ? count_or_empty (icw_center_get_space_m2 (center)) : NULL, TRUE);
  add (rows, _("Total investment (10k yuan)"), money_or_empty (investment), FALSE);
  add (rows, _("Contact"), g_strdup (contact != NULL ? contact : ""), FALSE);
  add (rows, _("Contact's telephone"), g_strdup (phone != NULL ? phone : ""), FALSE);
  return rows;
}
