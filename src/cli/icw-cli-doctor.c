/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-doctor.c: `icw doctor`: the health of a database: SQLite's own integrity check and the
 * store's consistency checks (icw_store_check_integrity), how many records of each kind there are
 * (reports and the versions of the centers' targets among them), and how many changes wait in the
 * outbox. Exit status 1 when anything is wrong, including a file
 * that cannot be opened at all. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-error.h"
#include "icw-store-reports.h"
#include "icw-store-targets-sync.h"

typedef struct {
  guint organizations;
  guint centers;
  guint shareholders;
  guint members;
  guint platforms;
  guint applications;
  guint attachments;
  guint reports;
  guint target_versions;
} Counts;

/* The children of every live parent: the store lists shareholders and members per center and
 * platforms per organization. */
static guint
count_children (IcwStore      *store,
                GPtrArray     *parents,
                IcwRecordKind  kind)
{
  guint total = 0;

  for (guint i = 0; i < parents->len; i++)
    {
      g_autoptr(GListModel) children = icw_store_list (store, kind, icw_record_get_id (parents->pdata[i]));

      total += g_list_model_get_n_items (children);
    }
  return total;
}

static void
count_records (IcwStore *store,
               Counts   *counts)
{
  g_autoptr(GPtrArray) orgs = icw_store_list_records (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(GPtrArray) centers = icw_store_list_records (store, ICW_RECORD_KIND_CENTER, NULL);
  g_autoptr(GPtrArray) applications = icw_store_list_records (store, ICW_RECORD_KIND_APPLICATION, NULL);

  counts->organizations = orgs->len;
  counts->centers = centers->len;
  counts->shareholders = count_children (store, centers, ICW_RECORD_KIND_SHAREHOLDER);
  counts->members = count_children (store, centers, ICW_RECORD_KIND_ALLIANCE_MEMBER);
  counts->platforms = count_children (store, orgs, ICW_RECORD_KIND_PLATFORM);
  counts->applications = applications->len;
  counts->attachments = count_children (store, applications, ICW_RECORD_KIND_ATTACHMENT);
  counts->reports = 0;
  counts->target_versions = 0;
  for (guint i = 0; i < centers->len; i++)
    {
      const char *center_id = icw_record_get_id (centers->pdata[i]);
      g_autoptr(GPtrArray) reports = icw_store_list_records (store, ICW_RECORD_KIND_REPORT, center_id);
      g_autoptr(GPtrArray) versions = icw_store_list_target_versions (store, center_id);

      counts->reports += reports->len;
      counts->target_versions += versions != NULL ? versions->len : 0;
      /* A report's evidence and financial audit are attachments too. */
      for (guint r = 0; r < reports->len; r++)
        {
          g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (reports->pdata[r]));

          counts->attachments += files->len;
        }
    }
}

static void
add_count (IcwCliTable *table,
           const char  *label,
           gint64       count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  icw_cli_table_add (table, label, text, NULL);
}

static void
print_summary (IcwStore *store,
               gint64    outbox)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);
  Counts counts;

  count_records (store, &counts);
  icw_cli_out (_("Database: %s"), icw_store_get_path (store));
  icw_cli_out ("\n\n");
  add_count (table, _("Organizations"), counts.organizations);
  add_count (table, _("Centers"), counts.centers);
  add_count (table, _("Shareholders"), counts.shareholders);
  add_count (table, _("Alliance members"), counts.members);
  add_count (table, _("National platforms"), counts.platforms);
  add_count (table, _("Applications"), counts.applications);
  add_count (table, _("Reports"), counts.reports);
  add_count (table, _("Versions of the centers' targets"), counts.target_versions);
  add_count (table, _("Attachments"), counts.attachments);
  if (icw_store_count_attachments_not_downloaded (store) > 0)
    add_count (table, _("Attachments not yet downloaded"), icw_store_count_attachments_not_downloaded (store));
  if (outbox >= 0)
    add_count (table, _("Changes waiting to be synced"), outbox);
  /* The 任务书's versions are pushed without outbox rows (icw-store-targets-sync.h). */
  {
    g_autoptr(GPtrArray) versions = icw_store_target_versions_to_push (store, G_MAXINT, NULL);

    if (versions != NULL && versions->len > 0)
      add_count (table, _("Versions of targets waiting to be synced"), versions->len);
  }
  icw_cli_table_align_right (table, 1);
  icw_cli_table_print (table, 0);
}

static int
report (GPtrArray *problems)
{
  icw_cli_out ("\n");
  if (problems->len == 0)
    {
      icw_cli_out ("%s\n", _("No problems found."));
      return ICW_EXIT_OK;
    }
  icw_cli_out (ngettext ("%u problem found:", "%u problems found:", problems->len), problems->len);
  icw_cli_out ("\n");
  for (guint i = 0; i < problems->len; i++)
    {
      /* SQLite's own report runs over several lines: keep them under their bullet. */
      g_auto(GStrv) lines = g_strsplit (problems->pdata[i], "\n", -1);
      g_autofree char *indented = g_strjoinv ("\n    ", lines);

      icw_cli_out ("  • %s\n", indented);
    }
  return ICW_EXIT_FAILURE;
}

/* A damaged file is worth a word on what to do next, not just SQLite's complaint. */
static int
fail_to_open (const GError *error)
{
  icw_cli_fail (error);
  if (g_error_matches (error, ICW_ERROR, ICW_ERROR_DATABASE) ||
      g_error_matches (error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH))
    icw_cli_err ("%s", _("The database may be damaged. Restore it from a backup copy; do not write to it meanwhile."));
  return ICW_EXIT_FAILURE;
}

int
icw_cli_doctor (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 outbox, not_downloaded;

  if (options->args->len > 1)
    return icw_cli_usage_error (_("“icw doctor” takes no arguments, but “%s” follows it."),
                                (const char *) options->args->pdata[1]);

  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return fail_to_open (error);

  problems = icw_store_check_integrity (store, &error);
  if (problems == NULL)
    return fail_to_open (error);

  outbox = icw_store_count_outbox (store);
  if (outbox < 0)
    g_ptr_array_add (problems, g_strdup (_("The outbox of changes to be synced cannot be read.")));

  print_summary (store, outbox);
  not_downloaded = icw_store_count_attachments_not_downloaded (store);
  if (not_downloaded > 0)
    {
      icw_cli_out ("\n");
      icw_cli_out (ngettext ("%u attachment is not yet downloaded: its record came from the sync server, and its file comes with the next “icw sync”. It is not missing.",
                             "%u attachments are not yet downloaded: their records came from the sync server, and their files come with the next “icw sync”. They are not missing.",
                             (gulong) not_downloaded), (guint) not_downloaded);
      icw_cli_out ("\n");
    }
  return report (problems);
}
