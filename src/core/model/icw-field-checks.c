/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-checks.c: the checks of single fields that the table descriptors name (see the
 * header): dates of the calendar, UTC times, IDs, credit codes, digests, money, shares and the
 * structured parts. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-agreement-guide.h"
#include "icw-application-parts.h"
#include "icw-budget-line.h"
#include "icw-credit-code.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-field-checks.h"
#include "icw-funding-parts.h"
#include "icw-ip-agreement-parts.h"
#include "icw-report-hand-scores.h"
#include "icw-report-parts.h"
#include "icw-review-comments.h"
#include "icw-types.h"

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

gboolean
icw_field_check_date (const char  *text,
                      GError     **error)
{
  if (is_empty (text) || icw_date_is_valid (text))
    return TRUE;
  return refuse (error, _("“%s” is not a date of the calendar written YYYY-MM-DD"), text);
}

gboolean
icw_timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *date = NULL;
  gsize length = text != NULL ? strlen (text) : 0;

  if (length < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[length - 1] != 'Z')
    return FALSE;
  date = g_strndup (text, 10);
  for (gsize i = 11; i < length - 1; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] == ':' && (i == 13 || i == 16)) && !(text[i] == '.' && i == 19))
      return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  return icw_date_is_valid (date) && time != NULL;
}

gboolean
icw_field_check_timestamp (const char  *text,
                           GError     **error)
{
  if (is_empty (text) || icw_timestamp_is_valid (text))
    return TRUE;
  return refuse (error, _("“%s” is not a time in UTC written as ISO 8601, e.g. 2026-11-25T09:04:01.769749Z"), text);
}

gboolean
icw_field_check_uuid (const char  *text,
                      GError     **error)
{
  gboolean ok = !is_empty (text) && strlen (text) == 36;

  for (guint i = 0; ok && i < 36; i++)
    ok = (i == 8 || i == 13 || i == 18 || i == 23) ? text[i] == '-' : g_ascii_isxdigit (text[i]);
  if (is_empty (text) || ok)
    return TRUE;
  return refuse (error, _("“%s” is not an ID (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)"), text);
}

gboolean
icw_field_check_credit_code (const char  *text,
                             GError     **error)
{
  return is_empty (text) || icw_credit_code_validate (text, error);
}

gboolean
icw_field_check_sha256 (const char  *text,
                        GError     **error)
{
  gboolean ok = !is_empty (text) && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;

  if (is_empty (text) || ok)
    return TRUE;
  return refuse (error, _("“%s” is not a SHA-256 digest (64 lowercase hexadecimal digits)"), text);
}

static gboolean
number_in (const char *text,
           gint64      max)
{
  gint64 value;

  return text != NULL && g_ascii_string_to_signed (text, 10, 0, max, &value, NULL);
}

gboolean
icw_field_check_money (const char  *text,
                       GError     **error)
{
  if (is_empty (text) || number_in (text, G_MAXINT64))
    return TRUE;
  return refuse (error, _("%s is not an amount of fen from 0 to 9223372036854775807"), text);
}

gboolean
icw_field_check_size (const char  *text,
                      GError     **error)
{
  if (is_empty (text) || number_in (text, G_MAXINT64))
    return TRUE;
  return refuse (error, _("%s is not a size in bytes from 0 up"), text);
}

/* A number of people, things or the like: a whole number from 0 (an int property). */
gboolean
icw_field_check_count (const char  *text,
                       GError     **error)
{
  if (is_empty (text) || number_in (text, G_MAXINT))
    return TRUE;
  return refuse (error, _("%s is not a whole number from 0 up"), text);
}

gboolean
icw_field_check_share (const char  *text,
                       GError     **error)
{
  if (is_empty (text) || number_in (text, ICW_BASIS_POINTS_WHOLE))
    return TRUE;
  return refuse (error, _("%s is not a share from 0 to 10000 basis points (0%% to 100%%)"), text);
}

/* An R&D intensity in basis points, or -1 for one not known. */
gboolean
icw_field_check_intensity (const char  *text,
                           GError     **error)
{
  if (is_empty (text) || g_strcmp0 (text, "-1") == 0 || number_in (text, ICW_BASIS_POINTS_WHOLE))
    return TRUE;
  return refuse (error, _("%s is not a share from 0 to 10000 basis points (0%% to 100%%)"), text);
}

static gboolean
check_section (IcwSection   section,
               const char  *text,
               GError     **error)
{
  g_autoptr(JsonNode) node = icw_application_part_parse (section, text, error);

  return node != NULL;
}

gboolean
icw_field_check_roadmap (const char  *text,
                         GError     **error)
{
  return check_section (ICW_SECTION_ROADMAP, text, error);
}

gboolean
icw_field_check_platforms (const char  *text,
                           GError     **error)
{
  return check_section (ICW_SECTION_CAPABILITY_PLATFORMS, text, error);
}

gboolean
icw_field_check_indicators (const char  *text,
                            GError     **error)
{
  return check_section (ICW_SECTION_INDICATORS, text, error);
}

gboolean
icw_field_check_tasks (const char  *text,
                       GError     **error)
{
  return check_section (ICW_SECTION_TASKS, text, error);
}

gboolean
icw_field_check_results (const char  *text,
                         GError     **error)
{
  g_autoptr(JsonArray) array = icw_ip_agreement_parse_results (text, error);

  return array != NULL;
}

gboolean
icw_field_check_background_ip (const char  *text,
                               GError     **error)
{
  g_autoptr(JsonArray) array = icw_agreement_party_parse_background_ip (text, error);

  return array != NULL;
}

gboolean
icw_field_check_guide_answers (const char  *text,
                               GError     **error)
{
  return is_empty (text) || icw_guide_answers_check (text, error);
}

gboolean
icw_field_check_milestones (const char  *text,
                            GError     **error)
{
  g_autoptr(GPtrArray) milestones = icw_milestones_parse (text, error);

  return milestones != NULL;
}

/* A cell is YEAR/source (2026/central-fiscal) holding an amount from 0 up; whether the year and
 * the source are the request's is the store's question (icw-store-funding.c). */
gboolean
icw_field_check_cells (const char  *text,
                       GError     **error)
{
  g_autoptr(GHashTable) cells = icw_budget_cells_parse (text, error);
  GHashTableIter iter;
  gpointer key;

  if (cells == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "/", -1);
      IcwFundingSource source;
      guint64 year;

      if (g_strv_length (parts) != 2 || strlen (parts[0]) != 4 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 1000, 9999, &year, NULL) ||
          !icw_funding_source_from_string (parts[1], &source) || strcmp (parts[1], icw_funding_source_to_key (source)) != 0)
        return refuse (error, _("Budget cell “%s”: a cell is named YEAR/source, e.g. 2026/central-fiscal"), (const char *) key);
    }
  return TRUE;
}

gboolean
icw_field_check_application_comments (const char  *text,
                                      GError     **error)
{
  return icw_review_comments_check (ICW_RECORD_KIND_APPLICATION, text, error);
}

gboolean
icw_field_check_agreement_comments (const char  *text,
                                    GError     **error)
{
  return icw_review_comments_check (ICW_RECORD_KIND_IP_AGREEMENT, text, error);
}

gboolean
icw_field_check_funding_comments (const char  *text,
                                  GError     **error)
{
  return icw_review_comments_check (ICW_RECORD_KIND_FUNDING_REQUEST, text, error);
}

gboolean
icw_field_check_report_comments (const char  *text,
                                 GError     **error)
{
  return icw_review_comments_check (ICW_RECORD_KIND_REPORT, text, error);
}

gboolean
icw_field_check_report_summary (const char  *text,
                                GError     **error)
{
  g_autoptr(GHashTable) summary = icw_report_summary_parse (text, error);

  return summary != NULL;
}

gboolean
icw_field_check_report_indicators (const char  *text,
                                   GError     **error)
{
  g_autoptr(GPtrArray) rows = icw_report_rows_parse (text, error);

  return rows != NULL;
}

gboolean
icw_field_check_report_hand_scores (const char  *text,
                                    GError     **error)
{
  g_autoptr(GPtrArray) scores = icw_report_hand_scores_parse (text, error);

  return scores != NULL;
}
