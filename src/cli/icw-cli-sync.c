/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-sync.c: `icw sync --server URL`: pushes the outbox to the sync server, then pulls what
 * changed there (src/sync/icw-sync-client.c), and says in whole sentences what was sent, received,
 * refused and kept as a conflict, and names each refused change with why (by its code, in the
 * user's language). The token comes from ICW_TOKEN or the keyring, never from the
 * command line (it would show in the process list and the shell's history). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-refusal.h"
#include "icw-sync-token.h"

gboolean
icw_cli_is_server_url (const char *text)
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
  if (report->files_sent > 0 || report->files_received > 0)
    {
      icw_cli_out (ngettext ("%u attachment file sent, ", "%u attachment files sent, ", report->files_sent),
                   report->files_sent);
      icw_cli_out (ngettext ("%u received.", "%u received.", report->files_received), report->files_received);
      icw_cli_out ("\n");
    }
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

/* The record's name or title from my version, else its ID. */
static char *
refused_name (IcwSyncConflict *conflict)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  const char *name = NULL;

  if (conflict->mine != NULL && json_parser_load_from_data (parser, conflict->mine, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      name = json_object_get_string_member_with_default (object, "name", NULL);
      if (name == NULL || *name == '\0')
        name = json_object_get_string_member_with_default (object, "title", NULL);
    }
  if (name == NULL || *name == '\0')
    return g_strdup (conflict->record_id);
  return g_utf8_strlen (name, 81) > 80 ? g_strconcat (g_utf8_substring (name, 0, 80), "…", NULL) : g_strdup (name);
}

/* Every change the server refused that waits for the user, each on its own line. */
static void
print_refusals (IcwStore *store)
{
  g_autoptr(GPtrArray) conflicts = icw_store_list_conflicts (store, NULL);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      IcwSyncConflict *conflict = conflicts->pdata[i];
      const char *reason = icw_sync_refusal_reason (conflict->code);
      g_autofree char *name = NULL;

      if (conflict->reason == NULL)
        continue;
      name = refused_name (conflict);
      /* Translators: a record kind's key, the record's name, why the server refused the change. */
      icw_cli_out (_("Refused: %s “%s”: %s"), icw_record_kind_to_key (conflict->kind), name,
                   reason != NULL ? reason : conflict->reason);
      icw_cli_out ("\n");
    }
}

int
icw_cli_sync_store (const IcwCliOptions *options,
                    IcwStore            *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  g_autofree char *token = NULL;
  IcwSyncReport report = { 0, };

  token = icw_sync_token_lookup (options->server, NULL, &error);
  if (token == NULL)
    return icw_cli_fail (error);
  client = icw_sync_client_new (store, options->server, token, &error);
  if (client == NULL)
    return icw_cli_fail (error);
  if (!icw_sync_client_run (client, ICW_SYNC_BOTH, &report, &error))
    {
      icw_cli_err (_("The sync did not finish: %s"), error->message);
      print_refusals (store);
      return ICW_EXIT_FAILURE;
    }
  print_report (&report);
  print_refusals (store);
  return ICW_EXIT_OK;
}

int
icw_cli_sync (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autofree char *token = NULL;

  if (options->args->len > 1)
    return icw_cli_usage_error (_("“icw sync” takes no arguments, but “%s” follows it."),
                                (const char *) options->args->pdata[1]);
  if (options->server == NULL)
    return icw_cli_usage_error ("%s", _("“icw sync” needs the server's address: --server URL."));
  if (!icw_cli_is_server_url (options->server))
    return icw_cli_usage_error (_("“%s” is not the address of a sync server: give one such as https://example.org."),
                                options->server);

  /* Before the database is opened: without a token nothing can happen. */
  token = icw_sync_token_lookup (options->server, NULL, &error);
  if (token == NULL)
    return icw_cli_fail (error);

  store = icw_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  return icw_cli_sync_store (options, store);
}
