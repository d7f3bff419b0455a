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
  OPT_EXPORT = 1 << 5,  /* --format, --output/-o */
  OPT_ALL = 1 << 6,     /* --all */
  OPT_REVIEW = 1 << 7,  /* --comment, --section, --field */
  OPT_NEW = 1 << 8,     /* --center, --year, --kind (new report) */
  OPT_TARGETS = 1 << 9, /* --version N (targets) */
} OptionFlag;

/* One form of a command as --help shows it: the synopsis is the command line itself and is not
 * translated; the description is. */
typedef struct {
  const char *synopsis;
  const char *description;
} HelpEntry;

typedef struct {
  const char *name;
  int       (*run) (const IcwCliOptions *options);
  guint       takes;    /* OptionFlag */
  HelpEntry   help[5];  /* the command's forms, up to the first without a synopsis */
} Command;

/* The dispatch table: every command, the options it takes and its help (`icw --help` and
 * `icw COMMAND --help`). tests/test-cli-help.py reads the names from here and checks that the help,
 * the man page and the bash completion know every one. */
static const Command commands[] = {
  { "import", icw_cli_import, OPT_KIND, {
      { "import FILE.json",
        N_("Import a dossier written by “icw export --format json”: all its records or none; a record this database holds already must be identical.") },
      { "import FILE.csv [--kind centers|organizations]",
        N_("Import a CSV file of centers or organizations: all rows or none.") } } },
  { "list", icw_cli_list, OPT_JSON, {
      { "list centers|organizations|applications|agreements|funding|reports [--json]",
        N_("List the centers, the organizations, the applications, the IP-sharing agreements or the funding requests.") } } },
  { "show", icw_cli_show, OPT_JSON, {
      { "show ID [--json]",
        N_("Show a record with all its fields; for a center also its shareholders, alliance members and national platforms; for an application every section with its word count, and its attachments.") } } },
  { "check", icw_cli_check, OPT_JSON, {
      { "check ID [--json]",
        N_("Check an application, an IP-sharing agreement or a funding request against the rule packs that apply to it; the exit status is 1 when an error is found.") } } },
  { "new", icw_cli_new, OPT_KIND | OPT_NEW, {
      { "new application CENTER_ID [--kind cultivation|acceptance|upgrade-to-national|national-local]",
        N_("Make a draft application of the center for a stage (培育申报, 验收认定, 升级, 国家地方共建) and print its ID; by default the stage where the center stands.") },
      { "new report --center ID --year YEAR --kind annual-assessment|evaluation",
        N_("Create a center's report of a year as a draft and print its ID: the annual assessment, or in an evaluation year (every third year from the recognition) the periodic evaluation. Its indicator rows come from the center's targets of the year, with the actuals the registers know.") } } },
  { "targets", icw_cli_targets, OPT_JSON | OPT_TARGETS, {
      { "targets CENTER_ID [--version N] [--json]",
        N_("Show a center's targets (任务书): each indicator's unit, baseline and target by year in the current version, or in version N, and every version with who made it, when and why.") },
      { "targets carry APPLICATION_ID",
        N_("Make an accepted application's performance targets (绩效目标表) its center's targets, as a new version.") } } },
  { "doctor", icw_cli_doctor, 0, {
      { "doctor", N_("Check the database and count its records; the exit status is 1 when a problem is found.") } } },
  { "sample", icw_cli_sample, 0, {
      { "sample", N_("Load a fictional sample center and print its ID.") } } },
  { "export", icw_cli_export, OPT_EXPORT | OPT_ALL, {
      { "export ID|--all --format json -o FILE",
        N_("Write the dossier of a center (or with --all of the whole database) as JSON: its registers, organizations, applications with their versions and attachments, agreements and funding requests, for “icw import” into another database.") },
      { "export ID --format csv|xlsx -o FILE",
        N_("Write the budget table of a funding request as CSV or as an Excel workbook with formulas for the totals.") },
      { "export ID --format pdf|docx -o FILE",
        N_("Write the document of a center application, an IP-sharing agreement or a funding request as a print-ready PDF, or as a Word document (docx) with the same contents, in the user's language.") } } },
  { "dossier-schema", icw_cli_dossier_schema, 0, {
      { "dossier-schema",
        N_("Print the JSON Schema of the dossiers this version writes and reads, made from its field catalogue.") } } },
  { "ready", icw_cli_ready, OPT_SERVER, {
      { "ready ID [--server URL]",
        N_("Mark a draft application, IP agreement or funding request as ready, by the window's rules: only when the check finds no error. With --server the step is synced at once.") } } },
  { "submit", icw_cli_submit, OPT_SERVER, {
      { "submit ID [--server URL]",
        N_("Submit a ready document for review. With --server the step is synced at once (the server takes the steps one by one).") } } },
  { "reopen", icw_cli_reopen, OPT_SERVER, {
      { "reopen ID [--server URL]",
        N_("Reopen a returned or accepted document as a new version.") } } },
  { "sync", icw_cli_sync, OPT_SERVER, {
      { "sync --server URL",
        N_("Send the changes made here to the sync server, then fetch the changes made elsewhere; the token comes from the keyring or from ICW_TOKEN.") } } },
  { "review", icw_cli_review, OPT_SERVER | OPT_JSON | OPT_ALL | OPT_REVIEW, {
      { "review list [--all] [--json] --server URL",
        N_("For a province's reviewer: sync, then list the documents the centers submitted (with --all, every document of the province).") },
      { "review show ID [--json] --server URL", N_("For a reviewer: sync, then show one document.") },
      { "review return ID --comment TEXT [--section KEY|--field KEY]… --server URL",
        N_("For a reviewer: return a submitted document with comments, each on the whole document or, with the --section or --field that follows it, on a section or a field (by its key), and send it to the server.") },
      { "review accept ID [--comment TEXT [--section KEY|--field KEY]]… --server URL",
        N_("For a reviewer: accept a submitted document, with comments if you like, and send it to the server.") },
      { "review accept REPORT-ID --grade 优秀|良好|合格|不合格 … --server URL",
        N_("For a reviewer: accept a submitted report and record its grade; 不合格 opens a one-year rectification, due a year from today.") } } },
  { "serve", icw_cli_serve, OPT_SERVE | OPT_TOKEN, {
      { "serve --db PATH [--address ADDR] [--port N] [--tls-cert FILE --tls-key FILE] [--access-log FILE]",
        N_("Run the reference sync server until interrupted; --port 0 picks a free port. It prints the address it listens on.") },
      { "serve --database postgresql://HOST/DB …",
        N_("Run the sync server on a PostgreSQL database (a URI or a libpq conninfo) instead of a SQLite file; several servers may share one database.") },
      { "serve token add --db PATH --role admin|reviewer (--center ID|--province NAME)",
        N_("Issue a token for a center's administrator or a province's reviewer and print it once; only its hash is kept.") },
      { "serve token list|revoke HASH --db PATH",
        N_("List the tokens issued (the start of their hash, role, scope, date, whether revoked), or revoke one by the start of its hash or by the token itself.") } } },
};

/* The options as --help shows them; flag 0: every command takes it. */
typedef struct {
  const char *synopsis;
  const char *description;
  guint       flag;     /* OptionFlag */
} OptionHelp;

static const OptionHelp option_help[] = {
  { "--db PATH", N_("Use the database at PATH instead of the default one."), 0 },
  { "--json", N_("Print JSON for scripts (list, show and check); money is in fen and shares in basis points."), OPT_JSON },
  { "--kind centers|organizations", N_("Say what a CSV file holds (import); by default its header row tells."), OPT_KIND },
  { "--kind cultivation|acceptance|upgrade-to-national|national-local",
    N_("The stage of a new application (new application): 培育申报, 验收认定, 升级 or 国家地方共建."), OPT_KIND },
  { "--format json|csv|xlsx|pdf|docx", N_("The format to write (export): a center's dossier, a funding request's budget table, or a document."), OPT_EXPORT },
  { "-o FILE, --output FILE", N_("The file to write (export)."), OPT_EXPORT },
  { "--all", N_("Export the dossier of every center instead of one (export --format json)."), OPT_ALL },
  { "--server URL", N_("The sync server's address (sync, review, ready, submit, reopen): https://, or http:// on this machine only."), OPT_SERVER },
  { "--comment TEXT", N_("The reviewer's comment (review return, review accept)."), OPT_REVIEW },
  { "--section KEY", N_("The section the comment is about, by its key, e.g. risks (review return, review accept)."), OPT_REVIEW },
  { "--field KEY", N_("The field the comment is about, by its column, e.g. call_deadline (review return, review accept)."), OPT_REVIEW },
  { "--grade GRADE", N_("The grade of a report (review accept): 优秀, 良好, 合格 or 不合格, or excellent, good, pass or fail."), OPT_REVIEW },
  { "--address ADDR", N_("The address the server listens on (serve); by default 127.0.0.1."), OPT_SERVE },
  { "--port N", N_("The port the server listens on (serve); by default 8443, and 0 picks a free one."), OPT_SERVE },
  { "--database URI", N_("Keep the server's data in this PostgreSQL database (serve), given as a postgresql:// URI or a libpq conninfo, instead of the SQLite file of --db."), OPT_SERVE },
  { "--access-log FILE", N_("Append one JSON line per request to FILE (serve): time, method, path, status, duration and the token's role and scope, never the token."), OPT_SERVE },
  { "--tls-cert FILE, --tls-key FILE", N_("Serve HTTPS with this certificate and private key in PEM files (serve)."), OPT_SERVE },
  { "--role admin|reviewer", N_("Whom the token is for (serve token add): a center's administrator or a province's reviewer."), OPT_TOKEN },
  { "--center ID", N_("The administrator's center (serve token add --role admin), or the report's (new report)."), OPT_TOKEN | OPT_NEW },
  { "--year YEAR", N_("The year the report is about (new report)."), OPT_NEW },
  { "--kind annual-assessment|evaluation", N_("The kind of report (new report): the annual assessment (年度考核) or the periodic evaluation (定期评估)."), OPT_NEW },
  { "--province NAME", N_("The reviewer's province (serve token add --role reviewer)."), OPT_TOKEN },
  { "--version N", N_("The version of the center's targets to show (targets); by default the current one."), OPT_TARGETS },
  { "-h, --help", N_("Print this help and exit."), 0 },
};

/* The options that take a value, where it goes, and what kind of option each is. */
typedef struct {
  const char *name;
  gsize       offset;   /* of the char * in IcwCliOptions */
  guint       flag;     /* OptionFlag */
} ValueOption;

static const ValueOption value_options[] = {
  { "--kind", G_STRUCT_OFFSET (IcwCliOptions, kind), OPT_KIND | OPT_NEW },
  { "--year", G_STRUCT_OFFSET (IcwCliOptions, year), OPT_NEW },
  { "--server", G_STRUCT_OFFSET (IcwCliOptions, server), OPT_SERVER },
  { "--address", G_STRUCT_OFFSET (IcwCliOptions, address), OPT_SERVE },
  { "--port", G_STRUCT_OFFSET (IcwCliOptions, port), OPT_SERVE },
  { "--tls-cert", G_STRUCT_OFFSET (IcwCliOptions, tls_cert), OPT_SERVE },
  { "--tls-key", G_STRUCT_OFFSET (IcwCliOptions, tls_key), OPT_SERVE },
  { "--database", G_STRUCT_OFFSET (IcwCliOptions, database), OPT_SERVE },
  { "--access-log", G_STRUCT_OFFSET (IcwCliOptions, access_log), OPT_SERVE },
  { "--role", G_STRUCT_OFFSET (IcwCliOptions, role), OPT_TOKEN },
  { "--center", G_STRUCT_OFFSET (IcwCliOptions, center), OPT_TOKEN | OPT_NEW },
  { "--province", G_STRUCT_OFFSET (IcwCliOptions, province), OPT_TOKEN },
  { "--format", G_STRUCT_OFFSET (IcwCliOptions, format), OPT_EXPORT },
  { "--output", G_STRUCT_OFFSET (IcwCliOptions, output), OPT_EXPORT },
  { "-o", G_STRUCT_OFFSET (IcwCliOptions, output), OPT_EXPORT },
  { "--comment", G_STRUCT_OFFSET (IcwCliOptions, comment), OPT_REVIEW },
  { "--section", G_STRUCT_OFFSET (IcwCliOptions, section), OPT_REVIEW },
  { "--field", G_STRUCT_OFFSET (IcwCliOptions, field), OPT_REVIEW },
  { "--grade", G_STRUCT_OFFSET (IcwCliOptions, grade), OPT_REVIEW },
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
  g_clear_pointer (&line->options.review_items, g_ptr_array_unref);
  g_clear_pointer (&line->options.target_version, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedLine, parsed_line_clear)

static void
print_entry (const char *synopsis,
             const char *description)
{
  icw_cli_out ("  %s\n      %s\n", synopsis, description);
}

static void
print_command (const Command *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (command->help) && command->help[i].synopsis != NULL; i++)
    print_entry (command->help[i].synopsis, _(command->help[i].description));
}

static void
print_options (const Command *command)
{
  icw_cli_out ("%s\n", _("Options:"));
  for (guint i = 0; i < G_N_ELEMENTS (option_help); i++)
    if (command == NULL || option_help[i].flag == 0 || (option_help[i].flag & command->takes))
      print_entry (option_help[i].synopsis, _(option_help[i].description));
  if (command == NULL)
    print_entry ("--version", _("Print the version and exit."));
  icw_cli_out ("\n");
}

/* `icw --help`, or with COMMAND `icw COMMAND --help`: that command's forms and options only. */
static void
print_help (const Command *command)
{
  g_autofree char *default_db = icw_store_default_path ();

  if (command != NULL)
    {
      g_autofree char *usage = g_strdup_printf ("icw [--db PATH] %s [ARGUMENTS] [OPTIONS]", command->name);

      icw_cli_out (_("Usage: %s"), usage);
      icw_cli_out ("\n\n");
      print_command (command);
      icw_cli_out ("\n");
    }
  else
    {
      icw_cli_out (_("Usage: %s"), "icw [--db PATH] COMMAND [ARGUMENTS] [OPTIONS]");
      icw_cli_out ("\n\n%s\n\n", _("Work with manufacturing innovation centers from the command line: import and export dossiers and CSV files; list and show centers, organizations, applications, IP-sharing agreements and funding requests; check them against the rule packs; write their documents as PDF and budget tables as CSV or xlsx; sync with a server or run one; check the database."));
      icw_cli_out ("%s\n", _("Commands:"));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        print_command (&commands[i]);
      icw_cli_out ("\n");
    }
  print_options (command);
  icw_cli_out (_("The default database is %s."), default_db);
  icw_cli_out ("\n\n%s\n", _("Exit status: 0 on success, 1 when the command failed, 2 when the command line is wrong."));
  if (command == NULL)
    icw_cli_out ("%s\n", _("Run “icw COMMAND --help” for one command, and “man icw” for the manual."));
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

/* A review's comments and anchors in their order ("--comment a --section risks --comment b"). */
static void
keep_review_item (IcwCliOptions *options,
                  const char    *name,
                  const char    *value)
{
  if (options->review_items == NULL)
    options->review_items = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (options->review_items, g_strdup_printf ("%c:%s", name[2], value));
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
  /* After `icw targets`, --version names the version of the targets to show. */
  else if (line->options.args->len > 0 && g_str_equal (line->options.args->pdata[0], "targets") &&
           (taken = take_value ("--version", argv, argc, index, &line->options.target_version)) != 0)
    return taken > 0;
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
          char **field = OPTION_FIELD (&line->options, &value_options[i]);

          taken = take_value (value_options[i].name, argv, argc, index, field);
          /* The grade is one per review, not a comment's anchor. */
          if (taken > 0 && value_options[i].flag == OPT_REVIEW && !g_str_equal (value_options[i].name, "--grade"))
            keep_review_item (&line->options, value_options[i].name, *field);
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
  if (options->all && !(command->takes & OPT_ALL))
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
    print_help (line.options.args->len > 0 ? find_command (line.options.args->pdata[0]) : NULL);
  else if (line.version)
    icw_cli_out ("icw %s\n", PACKAGE_VERSION);
  else
    status = dispatch (&line.options);
  return finish (status < 0 ? ICW_EXIT_OK : status);
}
