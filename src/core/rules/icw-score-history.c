/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-history.c: a center's history of grades, read from its reports. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "icw-score-filing.h"
#include "icw-score-history.h"

void
icw_grade_entry_free (IcwGradeEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->report_id);
  g_free (entry->graded_on);
  g_free (entry->rectify_due);
  g_free (entry);
}

static int
by_year (gconstpointer a,
         gconstpointer b)
{
  const IcwGradeEntry *x = *(IcwGradeEntry * const *) a;
  const IcwGradeEntry *y = *(IcwGradeEntry * const *) b;

  return x->year != y->year ? x->year - y->year : x->version - y->version;
}

GPtrArray *
icw_score_grade_history (IcwStore   *store,
                         const char *center_id)
{
  g_autoptr(GPtrArray) reports = NULL;
  GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_grade_entry_free);

  g_return_val_if_fail (ICW_IS_STORE (store) && center_id != NULL, history);
  reports = icw_store_list_records (store, ICW_RECORD_KIND_REPORT, center_id);
  for (guint i = 0; i < reports->len; i++)
    {
      IcwReport *report = reports->pdata[i];
      IcwGradeEntry *entry;

      if (icw_report_get_status (report) != ICW_APPLICATION_STATUS_ACCEPTED ||
          icw_report_get_grade (report) == ICW_REPORT_GRADE_NONE)
        continue;
      entry = g_new0 (IcwGradeEntry, 1);
      entry->report_id = g_strdup (icw_record_get_id (ICW_RECORD (report)));
      entry->year = icw_report_get_year (report);
      entry->version = icw_report_get_version (report);
      entry->kind = icw_report_get_kind (report);
      entry->grade = icw_report_get_grade (report);
      entry->graded_on = g_strdup (icw_report_get_graded_on (report));
      entry->rectify_due = g_strdup (icw_report_get_rectify_due (report));
      g_ptr_array_add (history, entry);
    }
  g_ptr_array_sort (history, by_year);
  return history;
}

gboolean
icw_grade_entry_rectifying (const IcwGradeEntry *entry,
                            const GDate         *today)
{
  int y, m, d;
  GDate due;

  if (entry->grade != ICW_REPORT_GRADE_FAIL || entry->rectify_due == NULL ||
      sscanf (entry->rectify_due, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, d, m, y);
  return !icw_rectification_recheck_due (&due, today);
}
