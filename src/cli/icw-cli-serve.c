/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-serve.c: `icw serve`: runs the reference sync server (src/sync/icw-sync-server.c) on its
 * own database (a SQLite file with --db, or PostgreSQL with --database) until SIGINT or SIGTERM,
 * after printing the address it listens on; `icw serve token add`, which issues a token for a
 * center's administrator or a province's reviewer and prints it once (the server keeps only its
 * hash); `icw serve token list` and `icw serve token revoke`. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "icw-cli.h"
#include "icw-sync-server.h"

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* The port as written: a decimal number from 0 (any free port) to 65535. */
static gboolean
parse_port (const char *text,
            guint      *port)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 65535, &value, NULL))
    return FALSE;
  *port = (guint) value;
  return TRUE;
}

static int
serve (const IcwCliOptions *options,
       const char          *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  guint port = 8443;
  guint sigint_id, sigterm_id;

  if (options->role != NULL || options->center != NULL || options->province != NULL)
    return icw_cli_usage_error ("%s", _("The options --role, --center and --province belong to “icw serve token add”."));
  if (options->port != NULL && !parse_port (options->port, &port))
    return icw_cli_usage_error (_("“%s” is not a port: give a number from 0 to 65535 (0 picks a free one)."),
                                options->port);
  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    return icw_cli_usage_error ("%s", _("--tls-cert and --tls-key go together: give both files, or neither."));

  server = icw_sync_server_new (location, &error);
  if (server == NULL)
    return icw_cli_fail (error);
  if (options->access_log != NULL && !icw_sync_server_open_access_log (server, options->access_log, &error))
    return icw_cli_fail (error);
  if (!icw_sync_server_listen (server, options->address, port, options->tls_cert, options->tls_key, &error))
    {
      icw_cli_err (_("The server cannot listen: %s"), error->message);
      return ICW_EXIT_FAILURE;
    }
  if (options->tls_cert == NULL && options->address != NULL)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (options->address);

      if (inet != NULL && !g_inet_address_get_is_loopback (inet))
        icw_cli_err ("%s", _("Warning: without --tls-cert and --tls-key the server speaks plain HTTP; clients on other machines will refuse it, since their tokens would travel in clear."));
    }

  /* The handlers first: whoever read the address may stop the server at once. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, on_signal, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal, loop);

  url = icw_sync_server_get_url (server);
  icw_cli_out (_("Listening on %s"), url);
  icw_cli_out ("\n");
  icw_cli_out ("%s\n", _("Stop the server with Ctrl+C."));
  fflush (stdout);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  icw_cli_out ("%s\n", _("The server has stopped."));
  return ICW_EXIT_OK;
}

static int
add_token (const IcwCliOptions *options,
           const char          *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncServer) server = NULL;
  g_autofree char *token = NULL;
  const char *scope;

  if (options->address != NULL || options->port != NULL || options->tls_cert != NULL || options->tls_key != NULL ||
      options->access_log != NULL)
    return icw_cli_usage_error ("%s", _("The options --address, --port, --tls-cert and --tls-key do not apply to “icw serve token add”."));
  if (options->role == NULL)
    return icw_cli_usage_error ("%s", _("“icw serve token add” needs --role admin or --role reviewer."));
  if (g_str_equal (options->role, "admin"))
    {
      if (options->center == NULL || options->province != NULL)
        return icw_cli_usage_error ("%s", _("An administrator's token is for one center: give --center ID, and no --province."));
      scope = options->center;
    }
  else if (g_str_equal (options->role, "reviewer"))
    {
      if (options->province == NULL || options->center != NULL)
        return icw_cli_usage_error ("%s", _("A reviewer's token is for one province: give --province NAME, and no --center."));
      scope = options->province;
    }
  else
    return icw_cli_usage_error (_("“%s” is not a role: give admin or reviewer."), options->role);

  server = icw_sync_server_new (location, &error);
  if (server == NULL)
    return icw_cli_fail (error);
  token = icw_sync_server_add_token (server, options->role, scope, &error);
  if (token == NULL)
    return icw_cli_fail (error);

  /* The token alone on stdout, for scripts; the advice on stderr. */
  icw_cli_out ("%s\n", token);
  icw_cli_err ("%s", _("Keep this token now: it is shown only once, and the server keeps only its hash."));
  return ICW_EXIT_OK;
}

/* `icw serve token list`: a table, one token a line; never the token, the start of its hash. */
static int
list_tokens (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncServer) server = icw_sync_server_new (location, &error);
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(IcwCliTable) table = NULL;

  if (server == NULL)
    return icw_cli_fail (error);
  tokens = icw_sync_server_list_tokens (server, &error);
  if (tokens == NULL)
    return icw_cli_fail (error);
  table = icw_cli_table_new (5);
  icw_cli_table_add (table, _("Hash"), _("Role"), _("Scope"), _("Issued"), _("State"), NULL);
  for (guint i = 0; i < tokens->len; i++)
    {
      IcwSyncTokenInfo *info = tokens->pdata[i];

      icw_cli_table_add (table, info->hash, info->role, info->scope, info->created_at,
                         info->revoked ? _("revoked") : _("active"), NULL);
    }
  icw_cli_table_print (table, 0);
  return ICW_EXIT_OK;
}

/* `icw serve token revoke HASH|TOKEN`. */
static int
revoke_token (const char *location,
              const char *which)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncServer) server = icw_sync_server_new (location, &error);
  gint64 revoked;

  if (server == NULL)
    return icw_cli_fail (error);
  revoked = icw_sync_server_revoke_tokens (server, which, &error);
  if (revoked < 0)
    return icw_cli_fail (error);
  if (revoked == 0)
    {
      icw_cli_err (_("No active token matches “%s”."), which);
      return ICW_EXIT_FAILURE;
    }
  icw_cli_out (g_dngettext (NULL, "%u token revoked.\n", "%u tokens revoked.\n", (gulong) revoked), (guint) revoked);
  return ICW_EXIT_OK;
}

static int
token_command (const IcwCliOptions *options,
               const char          *location)
{
  GPtrArray *args = options->args;
  const char *what = args->len >= 3 ? args->pdata[2] : NULL;

  if (g_strcmp0 (what, "add") == 0)
    {
      if (args->len > 3)
        return icw_cli_usage_error (_("“icw serve token add” takes no more arguments, but “%s” follows it."),
                                    (const char *) args->pdata[3]);
      return add_token (options, location);
    }
  if (g_strcmp0 (what, "list") != 0 && g_strcmp0 (what, "revoke") != 0)
    return icw_cli_usage_error ("%s", _("Say what to do with tokens: “icw serve token add”, “list” or “revoke”."));
  if (options->address != NULL || options->port != NULL || options->tls_cert != NULL || options->tls_key != NULL ||
      options->access_log != NULL || options->role != NULL || options->center != NULL || options->province != NULL)
    return icw_cli_usage_error (_("“icw serve token %s” takes only --db or --database."), what);
  if (g_str_equal (what, "list"))
    {
      if (args->len > 3)
        return icw_cli_usage_error (_("“icw serve token list” takes no more arguments, but “%s” follows it."),
                                    (const char *) args->pdata[3]);
      return list_tokens (location);
    }
  if (args->len != 4 ||
      !(g_str_has_prefix (args->pdata[3], "icw_") ||
        g_regex_match_simple ("^[0-9a-f]{8,64}$", args->pdata[3], 0, 0)))
    return icw_cli_usage_error ("%s", _("“icw serve token revoke” takes one argument: the start of the token's hash as “icw serve token list” shows it (at least 8 digits), or the token."));
  return revoke_token (location, args->pdata[3]);
}

int
icw_cli_serve (const IcwCliOptions *options)
{
  GPtrArray *args = options->args;
  const char *location;

  if (options->db_given && options->database != NULL)
    return icw_cli_usage_error ("%s", _("Give the server's database once: --db PATH for a SQLite file, or --database for PostgreSQL."));
  if (options->database != NULL && !icw_sync_server_location_is_postgresql (options->database))
    return icw_cli_usage_error (_("“%s” is not a PostgreSQL database: give a postgresql:// URI or a conninfo such as “host=/run/postgresql dbname=icw”; a SQLite file goes with --db."),
                                options->database);
  if (!options->db_given && options->database == NULL)
    return icw_cli_usage_error ("%s", _("“icw serve” needs --db PATH: the server's own database, not a workbench database."));
  location = options->database != NULL ? options->database : options->db_path;

  if (args->len >= 2 && g_str_equal (args->pdata[1], "token"))
    return token_command (options, location);
  if (args->len > 1)
    return icw_cli_usage_error (_("“%s” is not a part of “icw serve”: only “token add”, “token list” and “token revoke” are."),
                                (const char *) args->pdata[1]);
  if (options->access_log != NULL && g_str_equal (options->access_log, ""))
    return icw_cli_usage_error ("%s", _("--access-log needs a file."));
  return serve (options, location);
}
