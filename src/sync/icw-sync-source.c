/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-source.c: timeouts and idles on the thread-default main context (icw-sync-source.h). */
#include "config.h"

#include "icw-sync-source.h"

static GSource *
attach (GSource     *source,
        GSourceFunc  func,
        gpointer     data)
{
  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

GSource *
icw_sync_timeout_new (guint       ms,
                      GSourceFunc func,
                      gpointer    data)
{
  return attach (g_timeout_source_new (ms), func, data);
}

GSource *
icw_sync_idle_new (GSourceFunc func,
                   gpointer    data)
{
  return attach (g_idle_source_new (), func, data);
}

void
icw_sync_timeout_clear (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}
