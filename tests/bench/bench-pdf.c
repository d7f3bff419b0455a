/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-pdf.c: row 6 of run-bench.sh, "PDF documents": the sample center's application laid
 * out and written as PDF, alone and repeated ten times (a document of about 100 pages), in the
 * calling thread as `icw export --format pdf` does. Prints, tab-separated: the pages and the
 * median seconds of RUNS renders of the sample, then the same of the long document.
 *
 *   bench-pdf DIR RUNS */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "icw-document-pdf.h"
#include "icw-sample.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static IcwDocument *
repeated (IcwDocument *sample,
          guint        times)
{
  IcwDocument *document = icw_document_new (icw_document_get_title (sample));
  GPtrArray *blocks = icw_document_get_blocks (sample);

  for (guint copy = 0; copy < times; copy++)
    for (guint i = 0; i < blocks->len; i++)
      {
        IcwDocBlock *block = blocks->pdata[i];

        if (block->kind == ICW_BLOCK_HEADING)
          icw_document_add_heading (document, block->level, block->text);
        else if (block->kind == ICW_BLOCK_PARAGRAPH)
          icw_document_add_paragraphs (document, block->text);
        else if (block->kind == ICW_BLOCK_TABLE || block->kind == ICW_BLOCK_KEY_VALUES)
          {
            IcwDocBlock *table = icw_document_add_table (document, block->n_columns, block->n_header_rows);

            icw_doc_block_set_weights (table, block->weights);
            for (guint r = 0; r < icw_doc_block_get_n_rows (block); r++)
              icw_doc_block_add_row (table, (const char * const *) block->cells->pdata + r * block->n_columns);
          }
      }
  return document;
}

static void
measure (IcwDocument *document,
         const char  *path,
         guint        runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(IcwDocumentLayout) layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
      double seconds;

      if (layout == NULL || !icw_document_layout_write_pdf (layout, path, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      pages = icw_document_layout_get_n_pages (layout);
      if (i > 0)   /* run 0 warms the font caches */
        g_array_append_val (times, seconds);
    }
  g_array_sort (times, compare);
  g_print ("%u\t%.3f", pages, g_array_index (times, double, times->len / 2));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(IcwRecord) application = NULL;
  g_autoptr(IcwDocument) sample = NULL;
  g_autoptr(IcwDocument) long_document = NULL;
  g_autoptr(GError) error = NULL;
  guint runs;

  if (argc != 3)
    {
      g_printerr ("usage: bench-pdf DIR RUNS\n");
      return 2;
    }
  runs = MAX (1, (guint) atoi (argv[2]));
  db = g_build_filename (argv[1], "pdf-bench.db", NULL);
  pdf = g_build_filename (argv[1], "bench.pdf", NULL);
  store = icw_store_open (db, &error);
  if (store == NULL || (center = icw_sample_load (store, &error)) == NULL)
    g_error ("%s", error->message);
  applications = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  application = g_list_model_get_item (applications, 0);
  sample = icw_document_new_for_record (store, application, 2, &error);
  long_document = repeated (sample, 10);
  measure (sample, pdf, runs);
  g_print ("\t");
  measure (long_document, pdf, runs);
  g_print ("\n");
  return 0;
}
