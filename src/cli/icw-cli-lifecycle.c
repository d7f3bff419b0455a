/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-lifecycle.c: the administrator's life cycle of a filed document (an application, an IP
 * agreement, a funding request) on the command line, by the same rules as the window
 * (icw-lifecycle.c): `icw ready ID` marks a draft ready only when the check finds no error,
 * `icw submit ID` submits a ready document, `icw reopen ID` opens a returned or accepted one as a
 * new version and prints the new version's ID. The change reaches the server at the next sync, or
 * at once with --server URL (the server takes the owner's steps made offline together, e.g. draft
 * to submitted in one sync). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-store-sync.h"

typedef enum {
  STEP_READY,
  STEP_SUBMIT,
  STEP_REOPEN,
} Step;

static const char *const step_names[] = { "ready", "submit", "reopen" };

/* The document the command names; NULL (after reporting) when there is none or it has no life cycle. */
static IcwRecord *
find_document (const IcwCliOptions  *options,
               IcwStore            **store_out,
               int                  *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = icw_cli_open_store (options, TRUE, &error);
  g_autoptr(IcwRecord) record = NULL;

  if (store == NULL || (record = icw_cli_find_record (store, options->args->pdata[1], &error)) == NULL)
    {
      *status = icw_cli_fail (error);
      return NULL;
    }
  if (!icw_record_has_lifecycle (record))
    {
      icw_cli_err (_("“%s” is not an application, an IP agreement or a funding request: it has no life cycle."),
                   (const char *) options->args->pdata[1]);
      *status = ICW_EXIT_FAILURE;
      return NULL;
    }
  *store_out = g_steal_pointer (&store);
  return g_steal_pointer (&record);
}

/* --server: the step goes to the server now; a refusal of it is a failure. */
static int
send_step (const IcwCliOptions *options,
           IcwStore            *store,
           IcwRecord           *record)
{
  int status = icw_cli_sync_store (options, store);

  if (status != ICW_EXIT_OK)
    return status;
  if (icw_store_conflict_has_record (store, icw_record_get_id (record)))
    {
      icw_cli_err ("%s", _("The server did not take this step; it is kept in the list of conflicts."));
      return ICW_EXIT_FAILURE;
    }
  return ICW_EXIT_OK;
}

static int
run_step (const IcwCliOptions *options,
          Step                 step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) record = NULL;
  g_autoptr(IcwRecord) next = NULL;
  g_autoptr(GDateTime) today = NULL;
  int status = ICW_EXIT_OK;

  if (options->args->len < 2)
    return icw_cli_usage_error (_("Say which document: “icw %s ID”."), step_names[step]);
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw %s” takes one ID, but “%s” follows it."), step_names[step],
                                (const char *) options->args->pdata[2]);
  if (options->server != NULL && !icw_cli_is_server_url (options->server))
    return icw_cli_usage_error (_("“%s” is not the address of a sync server: give one such as https://example.org."),
                                options->server);
  record = find_document (options, &store, &status);
  if (record == NULL)
    return status;

  switch (step)
    {
    case STEP_READY:
      today = g_date_time_new_now_local ();
      if (!icw_lifecycle_mark_ready (store, record, NULL, today, &error))
        return icw_cli_fail (error);
      icw_cli_out ("%s\n", _("Ready to submit."));
      break;
    case STEP_SUBMIT:
      if (!icw_lifecycle_submit (store, record, &error))
        return icw_cli_fail (error);
      icw_cli_out ("%s\n", _("Submitted: the document is now read-only. Run “icw sync” to send it to the reviewers."));
      break;
    case STEP_REOPEN:
      next = icw_lifecycle_reopen (store, record, &error);
      if (next == NULL)
        return icw_cli_fail (error);
      icw_cli_out (_("Version %d opened as a draft: %s"), icw_lifecycle_get_version (next), icw_record_get_id (next));
      icw_cli_out ("\n");
      break;
    default:
      g_assert_not_reached ();
    }
  return options->server != NULL ? send_step (options, store, next != NULL ? next : record) : ICW_EXIT_OK;
}

int
icw_cli_ready (const IcwCliOptions *options)
{
  return run_step (options, STEP_READY);
}

int
icw_cli_submit (const IcwCliOptions *options)
{
  return run_step (options, STEP_SUBMIT);
}

int
icw_cli_reopen (const IcwCliOptions *options)
{
  return run_step (options, STEP_REOPEN);
}
