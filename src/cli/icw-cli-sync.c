/* icw-cli-sync.c: `icw sync --server URL`: pushes the outbox to the sync server, then pulls what
 * changed there (src/sync/icw-sync-client.c), and says in whole sentences what was sent, received,
 * refused and kept as a conflict. The token comes from ICW_TOKEN or the keyring, never from the
 * command line (it would show in the process list and the shell's history). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-sync-client.h"
#include "icw-sync-token.h"

static gboolean
is_server_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "http") == 0);
}

static void
print_report (const IcwSyncReport *report)
{
  icw_cli_out (ngettext ("%u change sent to the server.", "%u changes sent to the server.",
                         report->pushed), report->pushed);
  icw_cli_out ("\n");
  icw_cli_out (ngettext ("%u record received from the server.", "%u records received from the server.",
                         report->pulled), report->pulled);
  icw_cli_out ("\n");
  if (report->rejected > 0)
    {
      icw_cli_out (ngettext ("%u change was refused by the server; it is kept in the list of conflicts.",
                             "%u changes were refused by the server; they are kept in the list of conflicts.",
                             report->rejected), report->rejected);
      icw_cli_out ("\n");
    }
  if (report->conflicts > 0)
    {
      icw_cli_out (ngettext ("%u conflict kept: both versions are saved; choose one in the workbench.",
                             "%u conflicts kept: both versions of each are saved; choose in the workbench.",
                             report->conflicts), report->conflicts);
      icw_cli_out ("\n");
    }
}

int
icw_cli_sync (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  g_autofree char *token = NULL;
  IcwSyncReport report = { 0, };

  if (options->args->len > 1)
    return icw_cli_usage_error (_("“icw sync” takes no arguments, but “%s” follows it."),
                                (const char *) options->args->pdata[1]);
  if (options->server == NULL)
    return icw_cli_usage_error ("%s", _("“icw sync” needs the server's address: --server URL."));
  if (!is_server_url (options->server))
    return icw_cli_usage_error (_("“%s” is not the address of a sync server: give one such as https://example.org."),
                                options->server);

  /* Before the database is opened: without a token nothing can happen. */
  token = icw_sync_token_lookup (options->server, NULL, &error);
  if (token == NULL)
    return icw_cli_fail (error);

  store = icw_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  client = icw_sync_client_new (store, options->server, token, &error);
  if (client == NULL)
    return icw_cli_fail (error);

  if (!icw_sync_client_run (client, ICW_SYNC_BOTH, &report, &error))
    {
      icw_cli_err (_("The sync did not finish: %s"), error->message);
      return ICW_EXIT_FAILURE;
    }
  print_report (&report);
  return ICW_EXIT_OK;
}
