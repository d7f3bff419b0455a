/* icw-sync-server-private.h: what the server's two files share: its state, and the storage
 * functions of icw-sync-server-db.c that icw-sync-server.c calls inside its transactions. */
#pragma once

#include <libsoup/soup.h>
#include <sqlite3.h>

#include "icw-sync-server.h"

G_BEGIN_DECLS

struct _IcwSyncServer
{
  GObject      parent_instance;
  SoupServer  *soup;
  sqlite3     *db;
  char        *db_path;
  IcwSyncFault fault;
  char        *fault_path;
  guint        fault_count;
  guint        retry_after;
  gint64       applied;
  gint64       served;
  guint        requests;
};

typedef struct {
  char     *hash;
  gboolean  reviewer;
  char     *center_id;   /* admin */
  char     *province;    /* reviewer */
} IcwServerToken;

void            icw_server_token_free      (IcwServerToken *token);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwServerToken, icw_server_token_free)

typedef struct {
  char     *id;
  char     *kind;
  char     *center_id;
  gint64    seq;
  gboolean  deleted;
  char     *payload;
} IcwServerRecord;

void            icw_server_record_free     (IcwServerRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwServerRecord, icw_server_record_free)

sqlite3         *icw_server_db_open        (const char    *path,
                                            GError       **error);
IcwServerToken  *icw_server_db_token       (IcwSyncServer *self,
                                            const char    *token);
IcwServerRecord *icw_server_db_record      (IcwSyncServer *self,
                                            const char    *id);
char            *icw_server_db_province    (IcwSyncServer *self,
                                            const char    *center_id);
gint64           icw_server_db_put         (IcwSyncServer *self,
                                            const char    *kind,
                                            const char    *id,
                                            const char    *center_id,
                                            const char    *province,
                                            gboolean       deleted,
                                            const char    *payload,
                                            GError       **error);
char            *icw_server_db_replay      (IcwSyncServer *self,
                                            const char    *token_hash,
                                            const char    *key);
gboolean         icw_server_db_remember    (IcwSyncServer *self,
                                            const char    *token_hash,
                                            const char    *key,
                                            const char    *response,
                                            GError       **error);
gint64           icw_server_db_horizon     (IcwSyncServer *self);
/* The visible records after the cursor, in order, at most limit + 1 (the extra one says more). */
GPtrArray       *icw_server_db_pull        (IcwSyncServer  *self,
                                            IcwServerToken *token,
                                            gint64          after,
                                            guint           limit,
                                            GError        **error);

G_END_DECLS
