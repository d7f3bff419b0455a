/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-main.c: the entry point of the icw command-line tool: the user's language, the command line
 * (parsed by hand: options may stand before or after the command, and a command of the contract
 * that this version does not have is recognised before its options are judged), --help and
 * --version, and the dispatch to one file per command. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "icw-cli.h"
#include "icw-i18n.h"

/* The options beyond --db, --help and --version; each command says which it takes. */
typedef enum {
  OPT_JSON = 1 << 0,
  OPT_KIND = 1 << 1,
  OPT_SERVER = 1 << 2,
  OPT_SERVE = 1 << 3,   /* --address, --port, --tls-cert, --tls-key, --database, --access-log */
  OPT_TOKEN = 1 << 4,   /* --role, --center, --province */
  OPT_EXPORT = 1 << 5,  /* --format, --output/-o, --all */
} OptionFlag;

typedef struct {
  const char *name;
  int       (*run) (const IcwCliOptions *options);
  guint       takes;    /* OptionFlag */
} Command;

static const Command commands[] = {
  { "import", icw_cli_import, OPT_KIND },
  { "list", icw_cli_list, OPT_JSON },
  { "show", icw_cli_show, OPT_JSON },
  { "check", icw_cli_check, OPT_JSON },
  { "doctor", icw_cli_doctor, 0 },
  { "sample", icw_cli_sample, 0 },
  { "export", icw_cli_export, OPT_EXPORT },
  { "sync", icw_cli_sync, OPT_SERVER },
  { "serve", icw_cli_serve, OPT_SERVE | OPT_TOKEN },
};

/* The options that take a value, where it goes, and what kind of option each is. */
typedef struct {
  const char *name;
  gsize       offset;   /* of the char * in IcwCliOptions */
  guint       flag;     /* OptionFlag */
} ValueOption;

static const ValueOption value_options[] = {
  { "--kind", G_STRUCT_OFFSET (IcwCliOptions, kind), OPT_KIND },
  { "--server", G_STRUCT_OFFSET (IcwCliOptions, server), OPT_SERVER },
  { "--address", G_STRUCT_OFFSET (IcwCliOptions, address), OPT_SERVE },
  { "--port", G_STRUCT_OFFSET (IcwCliOptions, port), OPT_SERVE },
  { "--tls-cert", G_STRUCT_OFFSET (IcwCliOptions, tls_cert), OPT_SERVE },
  { "--tls-key", G_STRUCT_OFFSET (IcwCliOptions, tls_key), OPT_SERVE },
  { "--database", G_STRUCT_OFFSET (IcwCliOptions, database), OPT_SERVE },
  { "--access-log", G_STRUCT_OFFSET (IcwCliOptions, access_log), OPT_SERVE },
  { "--role", G_STRUCT_OFFSET (IcwCliOptions, role), OPT_TOKEN },
  { "--center", G_STRUCT_OFFSET (IcwCliOptions, center), OPT_TOKEN },
  { "--province", G_STRUCT_OFFSET (IcwCliOptions, province), OPT_TOKEN },
  { "--format", G_STRUCT_OFFSET (IcwCliOptions, format), OPT_EXPORT },
  { "--output", G_STRUCT_OFFSET (IcwCliOptions, output), OPT_EXPORT },
  { "-o", G_STRUCT_OFFSET (IcwCliOptions, output), OPT_EXPORT },
};

#define OPTION_FIELD(options, value_option) \
  ((char **) G_STRUCT_MEMBER_P ((options), (value_option)->offset))

typedef struct {
  IcwCliOptions options;
  gboolean      help;
  gboolean      version;
} ParsedLine;

static void
parsed_line_clear (ParsedLine *line)
{
  g_clear_pointer (&line->options.db_path, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (value_options); i++)
    g_clear_pointer (OPTION_FIELD (&line->options, &value_options[i]), g_free);
  g_clear_pointer (&line->options.args, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedLine, parsed_line_clear)

static void
print_entry (const char *synopsis,
             const char *description)
{
  icw_cli_out ("  %s\n      %s\n", synopsis, description);
}

static void
print_help (void)
{
  g_autofree char *default_db = icw_store_default_path ();

  icw_cli_out (_("Usage: %s"), "icw [--db PATH] COMMAND [ARGUMENTS] [OPTIONS]");
  icw_cli_out ("\n\n%s\n\n", _("Work with manufacturing innovation centers from the command line: import, list and show centers, organizations and their applications, check applications against the rule packs, and check the database."));

  icw_cli_out ("%s\n", _("Commands:"));
  print_entry ("import FILE.json",
               _("Import a dossier written by “icw export --format json”: all its records or none; a record this database holds already must be identical."));
  print_entry ("import FILE.csv [--kind centers|organizations]",
               _("Import a CSV file of centers or organizations: all rows or none."));
  print_entry ("list centers|organizations|applications [--json]",
               _("List the centers, the organizations or the applications."));
  print_entry ("show ID [--json]",
               _("Show a record with all its fields; for a center also its shareholders, alliance members and national platforms; for an application every section with its word count, and its attachments."));
  print_entry ("check ID [--json]",
               _("Check an application, an IP-sharing agreement or a funding request against the rule packs that apply to it; the exit status is 1 when an error is found."));
  print_entry ("export ID|--all --format json -o FILE",
               _("Write the dossier of a center (or with --all of the whole database) as JSON: its registers, organizations, applications with their versions and attachments, agreements and funding requests, for “icw import” into another database."));
  print_entry ("export ID --format csv|xlsx -o FILE",
               _("Write the budget table of a funding request as CSV or as an Excel workbook with formulas for the totals."));
  print_entry ("doctor", _("Check the database and count its records; the exit status is 1 when a problem is found."));
  print_entry ("sample", _("Load a fictional sample center and print its ID."));
  print_entry ("sync --server URL",
               _("Send the changes made here to the sync server, then fetch the changes made elsewhere; the token comes from the keyring or from ICW_TOKEN."));
  print_entry ("serve --db PATH [--address ADDR] [--port N] [--tls-cert FILE --tls-key FILE] [--access-log FILE]",
               _("Run the reference sync server until interrupted; --port 0 picks a free port. It prints the address it listens on."));
  print_entry ("serve --database postgresql://HOST/DB … ",
               _("Run the sync server on a PostgreSQL database (a URI or a libpq conninfo) instead of a SQLite file; several servers may share one database."));
  print_entry ("serve token add --db PATH --role admin|reviewer (--center ID|--province NAME)",
               _("Issue a token for a center's administrator or a province's reviewer and print it once; only its hash is kept."));
  print_entry ("serve token list|revoke HASH --db PATH",
               _("List the tokens issued (the start of their hash, role, scope, date, whether revoked), or revoke one by the start of its hash or by the token itself."));
  icw_cli_out ("\n");

  icw_cli_out ("%s\n", _("Options:"));
  print_entry ("--db PATH", _("Use the database at PATH instead of the default one."));
  print_entry ("--json", _("Print JSON for scripts (list, show and check); money is in fen and shares in basis points."));
  print_entry ("--kind centers|organizations",
               _("Say what a CSV file holds (import); by default its header row tells."));
  print_entry ("--server URL", _("The sync server's address (sync): https://, or http:// on this machine only."));
  print_entry ("--version", _("Print the version and exit."));
  print_entry ("--help", _("Print this help and exit."));
  icw_cli_out ("\n");
  icw_cli_out (_("The default database is %s."), default_db);
  icw_cli_out ("\n\n%s\n", _("Exit status: 0 on success, 1 when the command failed, 2 when the command line is wrong."));
}

/* Takes the value of "--name VALUE" or "--name=VALUE"; -1 on a usage error, else 1 when the
 * argument was this option and 0 when it was not. */
static int
take_value (const char  *name,
            char       **argv,
            int          argc,
            int         *index,
            char       **value)
{
  const char *arg = argv[*index];
  gsize len = strlen (name);

  if (strncmp (arg, name, len) != 0 || (arg[len] != '\0' && arg[len] != '='))
    return 0;
  if (arg[len] == '=')
    arg += len + 1;
  else if (*index + 1 < argc)
    arg = argv[++*index];
  else
    arg = "";
  if (*arg == '\0')
    {
      icw_cli_usage_error (_("The option %s needs a value."), name);
      return -1;
    }
  g_free (*value);
  *value = g_strdup (arg);
  return 1;
}

/* One option; FALSE (after reporting) when it is unknown or lacks its value. */
static gboolean
parse_option (ParsedLine  *line,
              char       **argv,
              int          argc,
              int         *index)
{
  const char *arg = argv[*index];
  int taken;

  if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
    line->help = TRUE;
  else if (g_str_equal (arg, "--version"))
    line->version = TRUE;
  else if (g_str_equal (arg, "--json"))
    line->options.json = TRUE;
  else if (g_str_equal (arg, "--all"))
    line->options.all = TRUE;
  else if ((taken = take_value ("--db", argv, argc, index, &line->options.db_path)) != 0)
    {
      line->options.db_given = TRUE;
      return taken > 0;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (value_options); i++)
        {
          taken = take_value (value_options[i].name, argv, argc, index,
                              OPTION_FIELD (&line->options, &value_options[i]));
          if (taken != 0)
            return taken > 0;
        }
      icw_cli_usage_error (_("“%s” is not an option of icw."), arg);
      return FALSE;
    }
  return TRUE;
}

/* Returns -1 when the line was parsed, or the exit status to end with. */
static int
parse_line (ParsedLine  *line,
            int          argc,
            char       **argv)
{
  gboolean options_ended = FALSE;

  line->options.args = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (options_ended || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (line->options.args, (gpointer) arg);
        }
      else if (g_str_equal (arg, "--"))
        options_ended = TRUE;
      else if (!parse_option (line, argv, argc, &i))
        return ICW_EXIT_USAGE;
    }
  if (line->options.db_path == NULL)
    line->options.db_path = icw_store_default_path ();
  return -1;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return &commands[i];
  return NULL;
}

static int
dispatch (const IcwCliOptions *options)
{
  const char *name;
  const Command *command;

  if (options->args->len == 0)
    return icw_cli_usage_error ("%s", _("Say what to do: a command such as “list” or “doctor” is missing."));

  name = options->args->pdata[0];
  command = find_command (name);
  if (command == NULL)
    return icw_cli_usage_error (_("“%s” is not an icw command."), name);
  if (options->json && !(command->takes & OPT_JSON))
    return icw_cli_usage_error (_("The option %s does not apply to “icw %s”."), "--json", name);
  if (options->all && !(command->takes & OPT_EXPORT))
    return icw_cli_usage_error (_("The option %s does not apply to “icw %s”."), "--all", name);
  for (guint i = 0; i < G_N_ELEMENTS (value_options); i++)
    if (*OPTION_FIELD (options, &value_options[i]) != NULL && !(command->takes & value_options[i].flag))
      return icw_cli_usage_error (_("The option %s does not apply to “icw %s”."), value_options[i].name, name);
  return command->run (options);
}

/* Output that could not be written (a full disk, a closed pipe) is a failure, not a success. */
static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      icw_cli_err ("%s", _("The output could not be written."));
      return status == ICW_EXIT_OK ? ICW_EXIT_FAILURE : status;
    }
  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(ParsedLine) line = { { NULL, }, };
  int status;

  icw_i18n_init ();
  g_set_prgname ("icw");

  status = parse_line (&line, argc, argv);
  if (status >= 0)
    return finish (status);

  if (line.help)
    print_help ();
  else if (line.version)
    icw_cli_out ("icw %s\n", PACKAGE_VERSION);
  else
    status = dispatch (&line.options);
  return finish (status < 0 ? ICW_EXIT_OK : status);
}
