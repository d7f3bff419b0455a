/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-group.c: group commit of pushes on storage with savepoints (SQLite). The push
 * that finds no group open begins the writing transaction; every push runs inside its own
 * savepoint of it (one that fails is rolled back alone and answered 503 as before), and its 200
 * answer waits, the message paused, until the group commits: once, with one fsync, from an idle
 * source that runs only after every request whose body has already arrived, or at once when the
 * group is full. A failed commit answers every push of the group 503: nothing of it was kept and
 * each client sends its batch again with the same key. Anything else that reads or writes the
 * storage commits the open group first, so no request ever sees what is not yet durable. On
 * PostgreSQL a group is one server process's pushes: one hold of the write lock (the advisory
 * lock that orders all processes' writers) and one commit. */
#include "config.h"

#include "icw-sync-server-private.h"

/* A full group commits without waiting for the idle source: it bounds the transaction and the
 * wait of the first push in it. */
#define GROUP_MAX_PUSHES 64

typedef struct {
  SoupServerMessage *msg;
  char              *body;       /* the 200 answer, given once the group is durable */
  char              *path;       /* for the access log, written when the answer goes */
  IcwServerToken    *token;
  gint64             started;
} Waiting;

static void
waiting_free (Waiting *waiting)
{
  g_object_unref (waiting->msg);
  g_free (waiting->body);
  g_free (waiting->path);
  g_clear_pointer (&waiting->token, icw_server_token_free);
  g_free (waiting);
}

gboolean
icw_server_group_enabled (IcwSyncServer *self)
{
  return self->store->klass->savepoint != NULL && !self->group_bypass;
}

static void
answer_all (IcwSyncServer *self,
            GPtrArray     *waiting,
            const char    *failure)
{
  for (guint i = 0; i < waiting->len; i++)
    {
      Waiting *w = waiting->pdata[i];

      if (failure == NULL)
        icw_server_respond_json (w->msg, SOUP_STATUS_OK, w->body);
      else
        icw_server_respond_error (w->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", failure);
      icw_server_log_access (self, w->msg, w->path, w->token, w->started);
      soup_server_message_unpause (w->msg);
    }
}

/* Ends the open group: commits it, or (failure not NULL) rolls it back, and answers its pushes.
 * FALSE when a group was open and is not committed. */
static gboolean
end_group (IcwSyncServer *self,
           const char    *failure)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->group_waiting);
  g_autoptr(GError) error = NULL;

  icw_sync_timeout_clear (&self->group_source);
  if (!self->group_open)
    return TRUE;
  self->group_open = FALSE;
  if (failure == NULL)
    {
      if (self->store->klass->commit (self->store, &error))
        self->commits++;
      else
        {
          g_warning ("icw serve: a group of %u pushes could not be committed: %s",
                     waiting != NULL ? waiting->len : 0, error->message);
          failure = error->message;
        }
    }
  if (failure != NULL)
    {
      self->store->klass->rollback (self->store);
      self->applied = self->group_applied_before;   /* nothing of the group was kept */
    }
  if (waiting != NULL)
    answer_all (self, waiting, failure);
  return failure == NULL;
}

gboolean
icw_server_group_flush (IcwSyncServer *self)
{
  return end_group (self, NULL);
}

static gboolean
flush_source (gpointer data)
{
  IcwSyncServer *self = data;

  icw_sync_timeout_clear (&self->group_source);
  end_group (self, NULL);
  return G_SOURCE_REMOVE;
}

gboolean
icw_server_group_begin (IcwSyncServer  *self,
                        GError        **error)
{
  if (!self->group_open)
    {
      if (!self->store->klass->begin (self->store, error))
        return FALSE;
      self->group_open = TRUE;
      self->group_applied_before = self->applied;
      self->group_waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) waiting_free);
      /* After every ready request (an idle source runs when no I/O is pending), or after the
       * window the tests set. */
      if (self->group_window_ms > 0)
        self->group_source = icw_sync_timeout_new (self->group_window_ms, flush_source, self);
      else
        self->group_source = icw_sync_idle_new (flush_source, self);
    }
  if (!self->store->klass->savepoint (self->store, error))
    {
      /* Nothing of this push was done; the group goes on without it (or is already gone). */
      if (!self->store->klass->rollback_to (self->store))
        end_group (self, "The server's transaction failed");
      return FALSE;
    }
  return TRUE;
}

void
icw_server_group_undo (IcwSyncServer *self)
{
  if (!self->store->klass->rollback_to (self->store))
    end_group (self, "The server's transaction failed");
}

gboolean
icw_server_group_keep (IcwSyncServer      *self,
                       SoupServerMessage  *msg,
                       char               *body,
                       GError            **error)
{
  Waiting *w;

  if (!self->store->klass->release (self->store, error))
    {
      g_free (body);
      icw_server_group_undo (self);
      return FALSE;
    }
  w = g_new0 (Waiting, 1);
  w->msg = g_object_ref (msg);
  w->body = body;
  w->started = g_get_monotonic_time ();
  g_ptr_array_add (self->group_waiting, w);
  soup_server_message_pause (msg);
  self->group_pushes++;
  return TRUE;
}

gboolean
icw_server_group_log_later (IcwSyncServer     *self,
                            SoupServerMessage *msg,
                            const char        *path,
                            IcwServerToken   **token,
                            gint64             started)
{
  Waiting *w;

  if (self->group_waiting == NULL || self->group_waiting->len == 0)
    return FALSE;
  w = self->group_waiting->pdata[self->group_waiting->len - 1];
  if (w->msg != msg)
    return FALSE;
  w->path = g_strdup (path);
  w->token = g_steal_pointer (token);
  w->started = started;
  if (self->group_waiting->len >= GROUP_MAX_PUSHES)
    end_group (self, NULL);
  return TRUE;
}

gboolean
icw_server_begin (IcwSyncServer  *self,
                  GError        **error)
{
  icw_server_group_flush (self);
  return self->store->klass->begin (self->store, error);
}
