/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-frame-batches.c: a batch of work a frame (icw-frame-batches.h). The window's frame clock
 * says when a frame is painted; the next batch runs in an idle of low priority after it (an idle
 * alone may run several times before GDK paints the next frame). */
#include "config.h"

#include "icw-frame-batches.h"

struct _IcwFrameBatches
{
  GdkFrameClock     *clock;
  gulong             after_paint_handler;
  guint              source;
  gboolean           waiting;
  IcwFrameBatchFunc  func;
  gpointer           data;
};

/* The after-paint handler gone. A window destroyed disposes its frame clock, which disconnects
 * every handler of it (the clock itself lives on, held here): disconnecting ours again would be
 * warned about. */
static void
disconnect (IcwFrameBatches *self)
{
  if (self->after_paint_handler != 0 && g_signal_handler_is_connected (self->clock, self->after_paint_handler))
    g_signal_handler_disconnect (self->clock, self->after_paint_handler);
  self->after_paint_handler = 0;
}

static void
run_batch (IcwFrameBatches *self)
{
  self->waiting = self->func (self->data);
  if (self->waiting)
    gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  else
    disconnect (self);
}

static gboolean
run_after_frame (gpointer data)
{
  IcwFrameBatches *self = data;

  self->source = 0;
  if (self->waiting)
    run_batch (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock   *clock,
                IcwFrameBatches *self)
{
  if (self->waiting && self->source == 0)
    self->source = g_idle_add_full (G_PRIORITY_LOW, run_after_frame, self, NULL);
}

IcwFrameBatches *
icw_frame_batches_start (GtkWidget         *widget,
                         IcwFrameBatchFunc  func,
                         gpointer           data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GdkFrameClock *clock;
  IcwFrameBatches *self;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (root)))
    return NULL;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (root));
  if (clock == NULL)
    return NULL;
  self = g_new0 (IcwFrameBatches, 1);
  self->clock = g_object_ref (clock);
  self->func = func;
  self->data = data;
  self->after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  run_batch (self);
  return self;
}

gboolean
icw_frame_batches_waiting (IcwFrameBatches *batches)
{
  return batches != NULL && batches->waiting;
}

void
icw_frame_batches_stop (IcwFrameBatches **batches)
{
  IcwFrameBatches *self = *batches;

  if (self == NULL)
    return;
  *batches = NULL;
  disconnect (self);
  g_clear_handle_id (&self->source, g_source_remove);
  g_object_unref (self->clock);
  g_free (self);
}
