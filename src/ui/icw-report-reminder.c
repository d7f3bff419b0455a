/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-reminder.c: filing deadlines in the window (icw-report-reminder.h). The deadline is
 * the next one on or after today of the center's province; a province whose window no source
 * gives says so rather than guessing one. A notification opens the center (app.show-record). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-report-reminder.h"
#include "icw-score-filing.h"

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  /* TRANSLATORS: a deadline's day, strftime format ("8 February 2027"; zh: "2027年2月8日") */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static void
today_or_now (const GDate *today,
              GDate       *out)
{
  g_date_clear (out, 1);
  if (today != NULL)
    *out = *today;
  else
    g_date_set_time_t (out, time (NULL));
}

char *
icw_report_deadline_text (IcwCenter   *center,
                          const GDate *today)
{
  g_autoptr(IcwFilingDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GDate date;

  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);
  if (icw_center_get_status (center) != ICW_CENTER_STATUS_RECOGNIZED)
    return NULL;
  today_or_now (today, &date);
  deadline = icw_filing_next_deadline (icw_center_get_province (center), &date, &error);
  if (deadline == NULL)
    return g_strdup (error->message);
  day = format_day (&deadline->due);
  /* TRANSLATORS: the filing deadline: the day, to whom, the days left, the year covered; then its basis */
  return g_strdup_printf (ngettext ("Next filing deadline: %s, to %s, %d day left (the package of %d).\nBasis: %s",
                                    "Next filing deadline: %s, to %s, %d days left (the package of %d).\nBasis: %s",
                                    deadline->days_left),
                          day, deadline->to, deadline->days_left, deadline->covers_year, deadline->basis);
}

static void
notify_center (GApplication            *application,
               IcwCenter               *center,
               const IcwFilingDeadline *deadline)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *day = format_day (&deadline->due);
  g_autofree char *id = g_strdup_printf ("filing-deadline-%s", icw_record_get_id (ICW_RECORD (center)));

  title = g_strdup_printf (ngettext ("Yearly package due in %d day", "Yearly package due in %d days", deadline->days_left),
                           deadline->days_left);
  /* TRANSLATORS: a reminder: the center, the year covered, the day, to whom */
  body = g_strdup_printf (_("%s: the package of %d is due on %s, to %s."), icw_center_get_name (center),
                          deadline->covers_year, day, deadline->to);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-record", "(ss)",
                                                icw_record_kind_to_key (ICW_RECORD_KIND_CENTER),
                                                icw_record_get_id (ICW_RECORD (center)));
  g_application_send_notification (application, id, notification);
}

guint
icw_report_remind_deadlines (IcwStore     *store,
                             GApplication *application,
                             GSettings    *settings,
                             const GDate  *today)
{
  g_autoptr(GListModel) centers = icw_store_list (store, ICW_RECORD_KIND_CENTER, NULL);
  g_autofree char *reminded = settings != NULL ? g_settings_get_string (settings, "filing-reminded-on") : NULL;
  char key[16];
  guint sent = 0;
  GDate date;

  today_or_now (today, &date);
  g_snprintf (key, sizeof key, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  if (g_strcmp0 (reminded, key) == 0)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (centers); i++)
    {
      g_autoptr(IcwCenter) center = g_list_model_get_item (centers, i);
      g_autoptr(IcwFilingDeadline) deadline = NULL;

      if (icw_center_get_status (center) != ICW_CENTER_STATUS_RECOGNIZED)
        continue;
      deadline = icw_filing_next_deadline (icw_center_get_province (center), &date, NULL);
      if (deadline == NULL || deadline->days_left > ICW_REPORT_REMIND_DAYS)
        continue;
      if (application != NULL)
        notify_center (application, center, deadline);
      sent++;
    }
  if (settings != NULL)
    g_settings_set_string (settings, "filing-reminded-on", key);
  return sent;
}
