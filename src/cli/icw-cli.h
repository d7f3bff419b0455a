/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli.h: what the parts of the icw tool share: the parsed command line, the exit statuses of
 * the contract, output helpers (UTF-8 text, aligned tables, JSON) and one entry point per command. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-agreement-party.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-funding-request.h"
#include "icw-ip-agreement.h"
#include "icw-report.h"
#include "icw-score.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* The exit statuses of DESIGN.md: scripts depend on them. */
typedef enum {
  ICW_EXIT_OK = 0,
  ICW_EXIT_FAILURE = 1,
  ICW_EXIT_USAGE = 2,
} IcwExit;

typedef struct {
  char      *db_path;   /* --db, or the default database */
  gboolean   db_given;  /* --db was on the command line */
  gboolean   json;      /* --json */
  char      *kind;      /* --kind (import, new application), or NULL */
  char      *server;    /* --server URL (sync) */
  char      *address;   /* --address ADDR (serve) */
  char      *port;      /* --port N (serve), as written */
  char      *tls_cert;  /* --tls-cert FILE (serve) */
  char      *tls_key;   /* --tls-key FILE (serve) */
  char      *database;  /* --database postgresql://… or a libpq conninfo (serve) */
  char      *access_log; /* --access-log FILE (serve): one JSON line per request */
  char      *role;      /* --role admin|reviewer (serve token add) */
  char      *center;    /* --center ID (serve token add) */
  char      *province;  /* --province NAME (serve token add) */
  char      *year;      /* --year YEAR (new report), as written */
  GPtrArray *args;      /* the command and its arguments, without the options */
  char      *format;    /* --format (export), or NULL */
  char      *output;    /* -o/--output (export), or NULL */
  gboolean   all;       /* --all (export, review list) */
  char      *comment;   /* --comment TEXT (review return, accept) */
  char      *section;   /* --section KEY (review return, accept) */
  char      *field;     /* --field KEY (review return, accept) */
  char      *grade;     /* --grade 优秀|良好|合格|不合格 (review accept of a report) */
  /* --comment, --section and --field in the order given, each "c:TEXT", "s:KEY" or "f:KEY":
   * several comments in one review, each anchored by the option that follows it. */
  GPtrArray *review_items;
  char      *target_version; /* --version N (targets), as written */
} IcwCliOptions;

/* Output. Text is written as UTF-8 whatever the locale's charset, like the data it shows. */
void        icw_cli_out            (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
void        icw_cli_err            (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
int         icw_cli_fail           (const GError *error);
int         icw_cli_usage_error    (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
guint       icw_cli_display_width  (const char *text);
char       *icw_cli_format_money   (gint64      fen);
char       *icw_cli_format_share   (gint64      basis_points);
const char *icw_cli_format_bool    (gboolean    value);
const char *icw_cli_or_dash        (const char *text);

/* Aligned tables: each column as wide as its widest cell, counting CJK characters as two. */
typedef struct _IcwCliTable IcwCliTable;

IcwCliTable *icw_cli_table_new          (guint        n_columns);
void         icw_cli_table_add          (IcwCliTable *table,
                                         ...) G_GNUC_NULL_TERMINATED;
/* A row of as many cells as the table has columns, NULL-terminated. */
void         icw_cli_table_add_row      (IcwCliTable        *table,
                                         const char * const *cells);
void         icw_cli_table_align_right  (IcwCliTable *table,
                                         guint        column);
void         icw_cli_table_print        (IcwCliTable *table,
                                         guint        indent);
void         icw_cli_table_free         (IcwCliTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwCliTable, icw_cli_table_free)

/* The database. A command that only reads refuses a path where there is no database, rather
 * than creating an empty one there. */
IcwStore   *icw_cli_open_store     (const IcwCliOptions  *options,
                                    gboolean              must_exist,
                                    GError              **error);

/* JSON: the stable formats of docs/cli.md. Money is integer fen, shares integer basis points. */
void        icw_cli_json_add_record (JsonBuilder *builder,
                                     IcwRecord   *record);
void        icw_cli_json_add_text   (JsonBuilder *builder,
                                     const char  *member,
                                     const char  *value);
void        icw_cli_json_print      (JsonBuilder *builder);

/* A record's fields from the field catalogue (icw-cli-fields.c), but those named in skip (a
 * NULL-terminated list of columns, or NULL): a line each of `icw show`, a member each of --json. */
void        icw_cli_table_add_fields (IcwCliTable        *table,
                                      IcwStore           *store,
                                      IcwRecord          *record,
                                      const char * const *skip);
/* The ID row and the fields; the rows Created and Last changed. */
void        icw_cli_table_add_record (IcwCliTable        *table,
                                      IcwStore           *store,
                                      IcwRecord          *record,
                                      const char * const *skip);
void        icw_cli_table_add_times  (IcwCliTable        *table,
                                      IcwRecord          *record);
/* The columns of an application that are its sections or structured parts (shown as sections). */
GStrv       icw_cli_section_fields   (void);
/* `icw show` of a record that is its fields: the ID, the fields and the times. */
void        icw_cli_show_fields      (IcwStore           *store,
                                      IcwRecord          *record);
void        icw_cli_json_add_fields  (JsonBuilder        *builder,
                                      IcwRecord          *record,
                                      const char * const *skip);

/* A record's name for people: its name, title or category (a party: its organization's name); its
 * ID when the record is not found, NULL for no ID. */
char       *icw_cli_record_name    (IcwStore   *store,
                                    IcwRecordKind kind,
                                    const char *id);

/* What `show` tells about a center beyond its fields: its registers and the two figures the
 * upgrade conditions look at (the share total and the members' coverage of national platforms). */
typedef struct {
  GPtrArray *shareholders;     /* IcwShareholder */
  GPtrArray *members;          /* IcwAllianceMember */
  GPtrArray *platforms;        /* IcwPlatform held by member organizations, each once */
  guint      platforms_counted; /* of them, those 64号's coverage counts (icw-platform-coverage.h) */
  gint64     share_total_bp;
  int        field_platform_total;
  gint64     coverage_bp;      /* platforms / field total, or -1 when the total is not recorded */
} IcwCliCenterFacts;

void icw_cli_center_facts_init  (IcwCliCenterFacts *facts,
                                 IcwStore          *store,
                                 IcwCenter         *center);
void icw_cli_center_facts_clear (IcwCliCenterFacts *facts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcwCliCenterFacts, icw_cli_center_facts_clear)

/* The parts of `icw show`: a center, an application and an attachment as text, any record as
 * JSON, and what the JSON of an application adds (its sections and attachments). */
void icw_cli_show_center_text        (IcwStore       *store,
                                      IcwCenter      *center);
void icw_cli_show_application_text   (IcwStore       *store,
                                      IcwApplication *application);
void icw_cli_show_json               (IcwStore       *store,
                                      IcwRecord      *record);
void icw_cli_add_application_details (JsonBuilder    *builder,
                                      IcwStore       *store,
                                      IcwApplication *application);

/* Agreements (icw-cli-show-agreement.c): `icw show` of an agreement and of a party, what the JSON
 * of an agreement adds (its parties and its text), and `icw list agreements`. */
void icw_cli_show_agreement_text     (IcwStore          *store,
                                      IcwIpAgreement    *agreement);
void icw_cli_add_agreement_details   (JsonBuilder       *builder,
                                      IcwStore          *store,
                                      IcwIpAgreement    *agreement);
void icw_cli_print_agreements        (IcwStore          *store,
                                      GListModel        *list);

/* Finds a record by its ID, or a center or organization by its exact name. */
IcwRecord *icw_cli_find_record (IcwStore    *store,
                                const char  *id,
                                GError     **error);

/* The commands; each returns an exit status. */
int icw_cli_import (const IcwCliOptions *options);
int icw_cli_list   (const IcwCliOptions *options);
int icw_cli_show   (const IcwCliOptions *options);
int icw_cli_check  (const IcwCliOptions *options);
int icw_cli_doctor (const IcwCliOptions *options);
int icw_cli_targets (const IcwCliOptions *options);
int icw_cli_sample (const IcwCliOptions *options);
int icw_cli_new    (const IcwCliOptions *options);
int icw_cli_export (const IcwCliOptions *options);
int icw_cli_dossier_schema (const IcwCliOptions *options);
/* Reports after recognition (icw-cli-report.c): `icw new report`, `icw list reports`, and what
 * `icw show` of a report adds to its fields (as text: the summary, the indicators table with the
 * differences, the attachments; as JSON: the attachments). */
int  icw_cli_new_report         (const IcwCliOptions *options);
void icw_cli_list_reports       (IcwStore            *store,
                                 GListModel          *list);
void icw_cli_show_report_text   (IcwStore            *store,
                                 IcwReport           *report);
void icw_cli_add_report_details (JsonBuilder         *builder,
                                 IcwStore            *store,
                                 IcwReport           *report);
char *icw_cli_format_number     (double               value);

/* Funding requests (icw-cli-funding.c): the list, `show` as text and what its JSON adds. */
void icw_cli_list_funding            (IcwStore          *store,
                                      GListModel        *list);
void icw_cli_show_funding_text       (IcwStore          *store,
                                      IcwFundingRequest *request);
void icw_cli_add_funding_details     (JsonBuilder       *builder,
                                      IcwStore          *store,
                                      IcwFundingRequest *request);
int icw_cli_sync   (const IcwCliOptions *options);
int icw_cli_serve  (const IcwCliOptions *options);

/* A filed document's reviewers' comments (icw-cli-comments.c): as text people read (NULL when
 * none), and in `show --json` the "comments" list with their anchors and the "versions" of its
 * lineage with the outcome and comments of each. Nothing for a record without a life cycle. */
char *icw_cli_comments_describe (IcwRecord   *record);
void  icw_cli_json_add_comments (JsonBuilder *builder,
                                 IcwStore    *store,
                                 IcwRecord   *record);

/* The life cycle for administrators (icw-cli-lifecycle.c): `icw ready|submit|reopen ID`; and the
 * reviewer's commands against a sync server (icw-cli-review.c): `icw review list|show|return|accept`. */
int icw_cli_ready  (const IcwCliOptions *options);
int icw_cli_submit (const IcwCliOptions *options);
int icw_cli_reopen (const IcwCliOptions *options);
int icw_cli_review (const IcwCliOptions *options);
/* Pushes then pulls the store with options->server and prints what happened, as `icw sync`. */
int icw_cli_sync_store (const IcwCliOptions *options,
                        IcwStore            *store);
/* Whether text is an https:// URL, or an http:// one (the client refuses those but on loopback). */
gboolean icw_cli_is_server_url (const char *text);

/* The formats of `icw export` (icw-cli-export.c dispatches): the dossier of one center (record)
 * or, with --all, of the whole database (record NULL), and its import, in icw-cli-dossier.c; a
 * PDF document of one record in icw-cli-export-pdf.c. Each returns an exit status. */
int icw_cli_export_json (const IcwCliOptions *options,
                         IcwStore            *store,
                         IcwRecord           *record);
int icw_cli_import_json (const IcwCliOptions *options,
                         const char          *path);
/* As PDF, or with docx as a Word file. */
int icw_cli_export_document (const IcwCliOptions *options,
                             IcwStore            *store,
                             IcwRecord           *record,
                             gboolean             docx);

/* A report's self-score in `icw check` (icw-cli-check-score.c): the "score" member of --json and
 * the lines after the findings; score NULL says why there is none (problem). */
void icw_cli_check_score_json (JsonBuilder *builder,
                               IcwScore    *score,
                               const char  *problem);
void icw_cli_check_score_text (IcwScore    *score,
                               const char  *problem);
/* A document's title as the commands show it: its "title", or for a report its year and kind
 * ("2026 Annual assessment"). */
char *icw_cli_document_title  (IcwRecord   *record);

G_END_DECLS
