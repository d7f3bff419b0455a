/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-private.h: what the parts of the store share: the table descriptors from which every
 * record's SQL is generated (their columns are the field catalogue's), the store's internal state,
 * and the small query and validation helpers. Nothing outside icw-store*.c includes it. */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "icw-field-catalogue.h"
#include "icw-store.h"
#include "icw-store-list.h"

G_BEGIN_DECLS

typedef struct {
  IcwRecordKind    kind;
  const char      *table;
  GType          (*get_type) (void);
  const IcwColumn *columns;
  guint            n_columns;
  const char      *parent_column;  /* lists of this kind are per parent, or NULL for one list */
  const char      *fts_table;      /* the full-text index of its names, or NULL */
  /* Writes what the columns do not hold, after the row was upserted and in the same transaction,
   * or NULL. */
  gboolean       (*after_upsert) (IcwStore   *self,
                                  IcwRecord  *record,
                                  GError    **error);
  /* The kind's own rules, checked before every save after the field limits: references, the
   * life cycle, read-only states, formats the columns cannot say (icw_store_validate). */
  gboolean       (*validate)     (IcwStore   *self,
                                  IcwRecord  *record,
                                  GError    **error);
  /* A second column naming the parent, or NULL: an attachment belongs to an application or to a
   * report (report_id). Lists follow parent_column; the dossier and the server's locks follow both. */
  const char      *other_parent_column;
} IcwTable;

const IcwTable *icw_store_table_for_kind   (IcwRecordKind kind);

typedef struct _IcwPulledRows IcwPulledRows;   /* icw-store-pulled-rows.h */
const IcwTable *icw_store_table_for_record (IcwRecord    *record);

struct _IcwStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  guint batch_depth;
  /* Set while records are validated as they are stored (icw_store_validate_stored): a part of a
   * submitted document is not refused for its parent's lock, since nothing is being changed. */
  gboolean validating_stored;
  /* Set while a live record's save is validated and the record knows what changed since it was
   * loaded or saved (property names): what did not change was checked when it was written, so
   * only the changed columns are checked again and the credit code's duplicate query runs only
   * when the code changed (issue 20: one edit near a bare UPDATE). */
  GHashTable *validating_changed;
  GHashTable *statements;   /* SQL text → sqlite3_stmt*, prepared once */
  /* A save's partial UPDATE by kind and set of changed columns (a gint64 key: the kind in the top
   * bits, one bit per column) → its statement, which `statements` owns: no SQL is built or hashed
   * on a save once its kind and column set have been seen (issue 20). */
  GHashTable *update_statements;
  /* The statements every save runs, by kind (icw-store.c's SaveSql) and BEGIN/COMMIT, found
   * without hashing their text; `statements` owns them. */
  sqlite3_stmt *save_statements[ICW_N_RECORD_KINDS][4];
  sqlite3_stmt *begin_statement;
  sqlite3_stmt *commit_statement;
  /* Set from the start of a refetchable batch (icw_store_begin_refetchable_batch: a pull page,
   * committed with synchronous=NORMAL) until FULL is set again, right after its COMMIT or
   * ROLLBACK; a write that finds it still set restores FULL first, or is refused. */
  gboolean relaxed;
  /* An outbox row's statements (icw-store-outbox.c): the record's row read back, by kind, the
   * fold into its last waiting row and the INSERT; `statements` owns them. */
  sqlite3_stmt *outbox_row_statements[ICW_N_RECORD_KINDS];
  sqlite3_stmt *outbox_fold_statement;
  sqlite3_stmt *outbox_insert_statement;
  /* The pulled rows an INSERT … SELECT is reading through the virtual table icw_pulled_rows while
   * it runs (icw-store-pulled-rows.c), else NULL; the table is registered on the connection at
   * its first use. */
  IcwPulledRows *pulled_rows;
  gboolean pulled_rows_module;
  GHashTable *objects;      /* id → IcwRecord* (weak): one object per record */
  GHashTable *lists;        /* list key → the live records: an IcwStoreList for the registers
                             * (see icw_store_list_is_compact), a GListStore for the others */
};

/* synchronous=FULL again after a refetchable batch (no-op when it was never relaxed). */
gboolean      icw_store_restore_durability (IcwStore  *self,
                                            GError   **error);

/* The compact live lists of the registers (icw-store-list.c): they hold IDs and names only and
 * ask the store for the record of an item. */
gboolean      icw_store_list_is_compact  (const IcwTable *table);
IcwStoreList *icw_store_list_new         (IcwStore       *store,
                                          const IcwTable *table);
IcwStoreList *icw_store_list_new_head    (IcwStore       *store,
                                          const IcwTable *table,
                                          guint           n);
void          icw_store_list_reload      (IcwStoreList   *self);
void          icw_store_list_update      (IcwStoreList   *self,
                                          IcwRecord      *record,
                                          gboolean        present);
void          icw_store_list_detach      (IcwStoreList   *self);
IcwRecord    *icw_store_record_for_list  (IcwStore       *self,
                                          const IcwTable *table,
                                          const char     *select_sql,
                                          const char     *id);

sqlite3_stmt *icw_store_statement   (IcwStore    *self,
                                     const char  *sql,
                                     GError     **error);
IcwRecord    *icw_store_load_row    (IcwStore       *self,
                                     const IcwTable *table,
                                     sqlite3_stmt   *stmt);
char         *icw_store_select_sql  (const IcwTable *table,
                                     const char     *where);
gboolean      icw_store_step_done   (IcwStore     *self,
                                     sqlite3_stmt *stmt,
                                     GError      **error);

gboolean      icw_store_validate    (IcwStore   *self,
                                     IcwRecord  *record,
                                     GError    **error);
/* The kind's rules for a record as the database holds it (a dossier's rows once written, the
 * doctor's records): icw_store_validate without the column checks (their callers ran them on the
 * rows) and without refusing the parts of submitted documents. */
gboolean      icw_store_validate_stored (IcwStore   *self,
                                         IcwRecord  *record,
                                         GError    **error);

/* Every row of every kind through the dossier's row checks, for the doctor (icw-store-health.c). */
void          icw_store_check_rows    (IcwStore   *self,
                                       GPtrArray  *problems);

/* Small helpers shared by the parts of the store (icw-store-queries.c). */
char         *icw_store_query_text  (IcwStore   *self,
                                     const char *sql,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean      icw_store_exists      (IcwStore   *self,
                                     const char *table,
                                     const char *id);
gboolean      icw_store_has_text    (const char *text);
/* A statement of one or two texts (?1, ?2; b NULL: ?2 stays NULL) run to its end. */
gboolean      icw_store_exec_texts  (IcwStore    *self,
                                     const char  *sql,
                                     const char  *a,
                                     const char  *b,
                                     GError     **error);
/* Whether haystack holds needle (needle_len bytes), ignoring the case of ASCII letters only, as
 * SQLite's LIKE does; has_letters: needle has an ASCII letter (else a plain strstr). What the
 * short search over a loaded list (icw-store-queries.c) and the search thread
 * (icw-store-search.c) both match by; inline, as it runs once a name over the whole register.
 * UTF-8 is safe: the bytes of multibyte characters are never ASCII letters. strpbrk() finds the
 * places where the first byte matches in either case and only those are compared (a comparison
 * at every byte took 30 ms over 100k names, more than the LIKE scan). */
static inline gboolean
icw_store_contains_ascii_nocase (const char *haystack,
                                 const char *needle,
                                 gsize       needle_len,
                                 gboolean    has_letters)
{
  char first[3] = { g_ascii_tolower (needle[0]), g_ascii_toupper (needle[0]), '\0' };

  if (!has_letters)
    return strstr (haystack, needle) != NULL;
  for (const char *p = strpbrk (haystack, first); p != NULL; p = strpbrk (p + 1, first))
    if (g_ascii_strncasecmp (p, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}
gboolean      icw_store_invalid     (GError     **error,
                                     const char  *message);

/* The life cycle of filed documents (icw-store-lifecycle.c): a kind's validation calls
 * icw_store_check_lifecycle first; child records of such a kind check that their parent is open;
 * icw_store_validate_delete refuses deleting a locked one. */
gboolean      icw_store_check_lifecycle   (IcwStore       *self,
                                           IcwRecord      *record,
                                           GError        **error);
gboolean      icw_store_check_parent_open (IcwStore       *self,
                                           IcwRecordKind   parent_kind,
                                           const char     *parent_id,
                                           GError        **error);
gboolean      icw_store_check_deletable   (IcwStore       *self,
                                           IcwRecord      *record,
                                           GError        **error);
/* What icw-store.c shares with the save pipeline (icw-store-save.c): the one object per record,
 * the records a batch created, the "record-changed" signal and the key of a live list. */
void          icw_store_remember_record     (IcwStore       *self,
                                             IcwRecord      *record);
GQuark        icw_store_batch_created_quark (void);
void          icw_store_emit_record_changed (IcwStore       *self,
                                             IcwRecord      *record);
char         *icw_store_list_key            (IcwRecordKind   kind,
                                             const char     *parent_id);
/* Adds the outbox row of a record as its row now stands (icw-store-outbox.c); inside a
 * transaction. */
gboolean      icw_store_write_outbox      (IcwStore        *self,
                                           const IcwTable  *table,
                                           const char      *id,
                                           const char      *op,
                                           const char      *now,
                                           GError         **error);
/* The changed properties CHANGED of a record of TABLE as one bit per column (bit i:
 * table->columns[i]), or FALSE when the kind cannot say them so (icw-store-save.c). */
gboolean      icw_store_changed_columns   (const IcwTable  *table,
                                           GHashTable      *changed,
                                           guint64         *mask);
/* The sync side (icw-store-remote.c): binds a column from a record's JSON object, and reloads the
 * store's object of a record if it has one. */
gboolean      icw_store_bind_json_column  (IcwStore        *self,
                                           sqlite3_stmt    *stmt,
                                           int              index,
                                           const IcwColumn *column,
                                           JsonObject      *object,
                                           GError         **error);
/* The store's object of a record (if it has one) takes a new ID (icw-store-refusals.c). */
void          icw_store_rename_loaded     (IcwStore        *self,
                                           const char      *old_id,
                                           const char      *new_id);
/* Discard My Change of a refused change, inside the caller's batch (icw-store-refusals.c). */
gboolean      icw_store_discard_refused   (IcwStore        *self,
                                           IcwRecordKind    kind,
                                           const char      *id,
                                           gboolean         id_taken,
                                           char           **new_id,
                                           GError         **error);
void          icw_store_refresh_loaded    (IcwStore        *self,
                                           const IcwTable  *table,
                                           const char      *id);
/* A property as the store writes it: NULL for empty text, numbers in decimal, keys for enums. */
char         *icw_store_column_text       (IcwRecord       *record,
                                           const IcwColumn *column);

/* Applications and attachments (icw-store-applications.c): what validation adds for them (the
 * lineage, the life cycle, the read-only states, the attachment rules), what may be deleted, and
 * the content of an attachment written with its row. */
gboolean      icw_store_validate_application (IcwStore        *self,
                                              IcwRecord       *record,
                                              GError         **error);
gboolean      icw_store_validate_attachment  (IcwStore        *self,
                                              IcwRecord       *record,
                                              GError         **error);
gboolean      icw_store_validate_delete      (IcwStore        *self,
                                              IcwRecord       *record,
                                              GError         **error);
gboolean      icw_store_write_attachment_content (IcwStore   *self,
                                                  IcwRecord  *record,
                                                  GError    **error);
void          icw_store_check_attachments    (IcwStore        *self,
                                              GPtrArray       *problems);

/* IP-sharing agreements and their parties (icw-store-agreements.c). */
gboolean      icw_store_validate_ip_agreement     (IcwStore           *self,
                                                   IcwRecord          *record,
                                                   GError            **error);
gboolean      icw_store_validate_agreement_party  (IcwStore           *self,
                                                   IcwRecord          *record,
                                                   GError            **error);
gboolean      icw_store_validate_delete_agreement (IcwStore           *self,
                                                   IcwRecord          *record,
                                                   GError            **error);
/* Funding requests and their budget lines (icw-store-funding.c). */
gboolean      icw_store_validate_funding_request (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
gboolean      icw_store_validate_budget_line     (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
/* Organizations, centers and the center's links (icw-store-queries.c). */
gboolean      icw_store_validate_organization    (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
gboolean      icw_store_validate_center          (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
gboolean      icw_store_validate_shareholder     (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
gboolean      icw_store_validate_alliance_member (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
gboolean      icw_store_validate_platform        (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);
gboolean      icw_store_validate_report          (IcwStore           *self,
                                                  IcwRecord          *record,
                                                  GError            **error);

G_END_DECLS
