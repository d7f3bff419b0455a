/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-pdf.c: writing a laid-out document to PDF, and the render functions that run the
 * layout and the writing in a worker thread. The file is written beside its destination and
 * renamed over it at the end, so a cancelled or failed render never leaves half a PDF. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "icw-document-pdf.h"
#include "icw-error.h"

static void
set_metadata (cairo_surface_t   *surface,
              IcwDocumentLayout *layout)
{
  IcwDocument *document = icw_document_layout_get_document (layout);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  GPtrArray *toc = icw_document_layout_get_toc (layout);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, icw_document_get_title (document));
  if (icw_document_get_author (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, icw_document_get_author (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Innovation Center Workbench");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  /* The headings as bookmarks: level 2 under the level 1 before it. */
  for (guint i = 0; i < toc->len; i++)
    {
      IcwTocEntry *entry = toc->pdata[i];
      g_autofree char *link = g_strdup_printf ("page=%u", entry->page + 1);
      int id = cairo_pdf_surface_add_outline (surface, entry->level > 1 ? parent : CAIRO_PDF_OUTLINE_ROOT,
                                              entry->text, link, 0);

      if (entry->level == 1)
        parent = id;
    }
}

gboolean
icw_document_layout_write_pdf (IcwDocumentLayout    *layout,
                               const char           *path,
                               GCancellable         *cancellable,
                               IcwDocumentProgress   progress,
                               gpointer              user_data,
                               GError              **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (part, ICW_PAGE_WIDTH_PT, ICW_PAGE_HEIGHT_PT);
  cairo_t *cr = cairo_create (surface);
  guint n = icw_document_layout_get_n_pages (layout);
  cairo_status_t status;
  gboolean cancelled = FALSE;

  set_metadata (surface, layout);
  /* The root of the structure tree: the pages' lines are its headings and paragraphs. */
  cairo_tag_begin (cr, "Document", "");
  for (guint p = 0; p < n && !cancelled; p++)
    {
      cancelled = g_cancellable_is_cancelled (cancellable);
      if (cancelled)
        break;
      icw_document_layout_draw_page (layout, cr, p);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (p + 1) / n, user_data);
    }
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (cancelled || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (part);
      if (cancelled)
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The PDF file “%s” could not be written: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_unlink (part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("The PDF file “%s” could not be written: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  IcwDocument         *document;
  char                *path;        /* NULL: layout only */
  IcwDocumentProgress  progress;
  gpointer             progress_data;
  GMainContext        *context;
  double               base;
  double               span;
  double               reported;
} RenderData;

typedef struct {
  IcwDocumentProgress progress;
  gpointer            progress_data;
  double              fraction;
} ProgressCall;

static void
render_data_free (RenderData *data)
{
  icw_document_unref (data->document);
  g_free (data->path);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
call_progress (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: passes a step of at least 1 % on to the caller's main context. */
static void
relay_progress (double   fraction,
                gpointer user_data)
{
  RenderData *data = user_data;
  double overall = data->base + data->span * fraction;
  ProgressCall *call;

  if (data->progress == NULL || (overall - data->reported < 0.01 && fraction < 1.0))
    return;
  data->reported = overall;
  call = g_new (ProgressCall, 1);
  call->progress = data->progress;
  call->progress_data = data->progress_data;
  call->fraction = overall;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, call_progress, call, g_free);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  GError *error = NULL;
  IcwDocumentLayout *layout;

  data->span = data->path != NULL ? 0.4 : 1.0;
  layout = icw_document_layout_new (data->document, cancellable, relay_progress, data, &error);
  if (layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->path == NULL)
    {
      g_task_return_pointer (task, layout, (GDestroyNotify) icw_document_layout_free);
      return;
    }
  data->base = 0.4, data->span = 0.6;
  if (icw_document_layout_write_pdf (layout, data->path, cancellable, relay_progress, data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  icw_document_layout_free (layout);
}

static void
start (IcwDocument         *document,
       const char          *path,
       GCancellable        *cancellable,
       IcwDocumentProgress  progress,
       gpointer             progress_data,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       gpointer             tag)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *data = g_new0 (RenderData, 1);

  data->document = icw_document_ref (document);
  data->path = g_strdup (path);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, render_thread);
}

void
icw_document_render_pdf_async (IcwDocument         *document,
                               const char          *path,
                               GCancellable        *cancellable,
                               IcwDocumentProgress  progress,
                               gpointer             progress_data,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (path != NULL);
  start (document, path, cancellable, progress, progress_data, callback, user_data,
         icw_document_render_pdf_async);
}

gboolean
icw_document_render_pdf_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
icw_document_layout_async (IcwDocument         *document,
                           GCancellable        *cancellable,
                           IcwDocumentProgress  progress,
                           gpointer             progress_data,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  start (document, NULL, cancellable, progress, progress_data, callback, user_data, icw_document_layout_async);
}

IcwDocumentLayout *
icw_document_layout_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
icw_document_render_pdf (IcwDocument          *document,
                         const char           *path,
                         GCancellable         *cancellable,
                         IcwDocumentProgress   progress,
                         gpointer              user_data,
                         GError              **error)
{
  g_autoptr(IcwDocumentLayout) layout = icw_document_layout_new (document, cancellable, NULL, NULL, error);

  if (layout == NULL)
    return FALSE;
  return icw_document_layout_write_pdf (layout, path, cancellable, progress, user_data, error);
}
