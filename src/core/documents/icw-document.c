/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document.c: the document model (icw-document.h): a reference-counted, plain-data tree of
 * blocks. Reference counting is atomic so that the worker thread that lays a document out and the
 * main thread that built it may each hold it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-document.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-rule-pack.h"

struct _IcwDocument {
  char      *title;
  char      *subtitle;
  char      *center;
  char      *applicant;
  char      *date;
  gboolean   form;       /* the cover has the form's lines below */
  char      *applicant_seal;
  char      *recommender;
  char      *contact;
  char      *phone;
  char      *author;
  char      *language;
  guint      copies;
  GPtrArray *blocks;   /* IcwDocBlock */
};

static void
block_free (IcwDocBlock *block)
{
  g_free (block->text);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block->weights);
  g_clear_pointer (&block->chart, icw_chart_unref);
  g_free (block);
}

static void
document_clear (IcwDocument *self)
{
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->center);
  g_free (self->applicant);
  g_free (self->date);
  g_free (self->applicant_seal);
  g_free (self->recommender);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->author);
  g_free (self->language);
  g_ptr_array_unref (self->blocks);
}

IcwDocument *
icw_document_new (const char *title)
{
  IcwDocument *self = g_atomic_rc_box_new0 (IcwDocument);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled document"));
  self->language = g_strdup (icw_rules_language ());
  self->copies = ICW_DOCUMENT_DEFAULT_COPIES;
  self->date = icw_document_format_date (now);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return self;
}

IcwDocument *
icw_document_ref (IcwDocument *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
icw_document_unref (IcwDocument *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) document_clear);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
icw_document_set_cover (IcwDocument *self,
                        const char  *subtitle,
                        const char  *center,
                        const char  *applicant,
                        const char  *date)
{
  replace (&self->subtitle, subtitle);
  replace (&self->center, center);
  replace (&self->applicant, applicant);
  if (date != NULL)
    replace (&self->date, date);
}

void
icw_document_set_cover_form (IcwDocument *self,
                             const char  *applicant_seal,
                             const char  *recommender,
                             const char  *contact,
                             const char  *phone)
{
  self->form = TRUE;
  replace (&self->applicant_seal, applicant_seal);
  replace (&self->recommender, recommender);
  replace (&self->contact, contact);
  replace (&self->phone, phone);
}

/* A value of the cover, or a blank to fill in by hand. */
#define BLANK "________________"
#define OR_BLANK(v) ((v) != NULL ? (v) : BLANK)

GPtrArray *
icw_document_cover_lines (IcwDocument *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (self->center != NULL)
    /* TRANSLATORS: a line of a document's cover */
    g_ptr_array_add (lines, g_strdup_printf (_("Innovation center: %s"), self->center));
  if (self->applicant != NULL)
    /* TRANSLATORS: a line of a document's cover: the center's host company (依托公司) */
    g_ptr_array_add (lines, g_strdup_printf (_("Host company: %s"), self->applicant));
  if (self->form)
    {
      /* TRANSLATORS: a line of an application's cover: who applies and seals it (申报单位（盖章）) */
      g_ptr_array_add (lines, g_strdup_printf (_("Applicant (seal): %s"), OR_BLANK (self->applicant_seal)));
      /* TRANSLATORS: a line of an application's cover: the body that recommends it (推荐单位) */
      g_ptr_array_add (lines, g_strdup_printf (_("Recommended by: %s"), OR_BLANK (self->recommender)));
      /* TRANSLATORS: a line of an application's cover: the contact person and their telephone (联系人、电话) */
      g_ptr_array_add (lines, g_strdup_printf (_("Contact: %s    Telephone: %s"), OR_BLANK (self->contact), OR_BLANK (self->phone)));
    }
  if (self->date != NULL)
    /* TRANSLATORS: a line of a document's cover */
    g_ptr_array_add (lines, g_strdup_printf (_("Date: %s"), self->date));
  return lines;
}

void
icw_document_set_copies (IcwDocument *self,
                         guint        copies)
{
  self->copies = copies;
}

void
icw_document_set_author (IcwDocument *self,
                         const char  *author)
{
  replace (&self->author, author);
}

const char *icw_document_get_title (IcwDocument *self) { return self->title; }
const char *icw_document_get_subtitle (IcwDocument *self) { return self->subtitle; }
const char *icw_document_get_center (IcwDocument *self) { return self->center; }
const char *icw_document_get_applicant (IcwDocument *self) { return self->applicant; }
const char *icw_document_get_date (IcwDocument *self) { return self->date; }
const char *icw_document_get_author (IcwDocument *self) { return self->author; }
guint icw_document_get_copies (IcwDocument *self) { return self->copies; }
const char *icw_document_get_language (IcwDocument *self) { return self->language; }
GPtrArray *icw_document_get_blocks (IcwDocument *self) { return self->blocks; }

static IcwDocBlock *
add_block (IcwDocument  *self,
           IcwBlockKind  kind)
{
  IcwDocBlock *block = g_new0 (IcwDocBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
icw_document_add_heading (IcwDocument *self,
                          guint        level,
                          const char  *text)
{
  IcwDocBlock *block = add_block (self, ICW_BLOCK_HEADING);

  block->level = CLAMP (level, 1, 2);
  block->text = g_strdup (text);
}

void
icw_document_add_paragraphs (IcwDocument *self,
                             const char  *text)
{
  g_auto(GStrv) lines = NULL;
  gboolean any = FALSE;

  if (text != NULL)
    lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      add_block (self, ICW_BLOCK_PARAGRAPH)->text = g_strdup (lines[i]);
      any = TRUE;
    }
  if (!any)
    add_block (self, ICW_BLOCK_PARAGRAPH)->text = g_strdup ("—");
}

static IcwDocBlock *
add_grid (IcwDocument  *self,
          IcwBlockKind  kind,
          guint         n_columns,
          guint         n_header_rows)
{
  IcwDocBlock *block = add_block (self, kind);

  block->n_columns = MAX (n_columns, 1);
  block->n_header_rows = n_header_rows;
  block->cells = g_ptr_array_new_with_free_func (g_free);
  block->weights = g_new (guint, block->n_columns);
  for (guint c = 0; c < block->n_columns; c++)
    block->weights[c] = 1;
  return block;
}

IcwDocBlock *
icw_document_add_table (IcwDocument *self,
                        guint        n_columns,
                        guint        n_header_rows)
{
  return add_grid (self, ICW_BLOCK_TABLE, n_columns, n_header_rows);
}

IcwDocBlock *
icw_document_add_key_values (IcwDocument *self)
{
  IcwDocBlock *block = add_grid (self, ICW_BLOCK_KEY_VALUES, 2, 0);

  block->weights[1] = 2;
  return block;
}

IcwDocBlock *
icw_document_add_signatures (IcwDocument *self)
{
  return add_grid (self, ICW_BLOCK_SIGNATURES, 3, 1);
}

void
icw_document_add_page_break (IcwDocument *self)
{
  add_block (self, ICW_BLOCK_PAGE_BREAK);
}

IcwDocBlock *
icw_document_add_chart (IcwDocument *self,
                        IcwChart    *chart)
{
  IcwDocBlock *block = add_grid (self, ICW_BLOCK_CHART, 1 + ICW_CHART_N_SERIES, 1);
  const char *header[1 + ICW_CHART_N_SERIES] = { "", icw_chart_get_series_name (chart, 0), icw_chart_get_series_name (chart, 1) };

  block->chart = icw_chart_ref (chart);
  block->text = g_strdup (icw_chart_get_title (chart));
  block->numeric = 0x6;
  block->weights[0] = 2;
  icw_doc_block_add_row (block, header);
  for (guint i = 0; i < icw_chart_get_n_categories (chart); i++)
    {
      g_autofree char *a = icw_chart_format_value (icw_chart_get_value (chart, i, 0));
      g_autofree char *b = icw_chart_format_value (icw_chart_get_value (chart, i, 1));
      const char *row[1 + ICW_CHART_N_SERIES] = { icw_chart_get_label (chart, i), a, b };

      icw_doc_block_add_row (block, row);
    }
  return block;
}

void
icw_doc_block_add_row (IcwDocBlock        *block,
                       const char * const *cells)
{
  for (guint c = 0; c < block->n_columns; c++)
    g_ptr_array_add (block->cells, g_strdup (cells[c] != NULL ? cells[c] : ""));
}

void
icw_doc_block_add_pair (IcwDocBlock *block,
                        const char  *label,
                        const char  *value)
{
  const char *cells[2] = { label, value != NULL && *value != '\0' ? value : "—" };

  g_assert (block->n_columns == 2);
  icw_doc_block_add_row (block, cells);
}

void
icw_doc_block_set_weights (IcwDocBlock *block,
                           const guint *weights)
{
  for (guint c = 0; c < block->n_columns; c++)
    block->weights[c] = MAX (weights[c], 1);
}

guint
icw_doc_block_get_n_rows (IcwDocBlock *block)
{
  return block->cells != NULL ? block->cells->len / block->n_columns : 0;
}

const char *
icw_doc_block_get_cell (IcwDocBlock *block,
                        guint        row,
                        guint        column)
{
  return block->cells->pdata[row * block->n_columns + column];
}

gboolean
icw_document_kind_supported (IcwRecordKind kind)
{
  return kind == ICW_RECORD_KIND_APPLICATION || kind == ICW_RECORD_KIND_IP_AGREEMENT ||
         kind == ICW_RECORD_KIND_FUNDING_REQUEST || kind == ICW_RECORD_KIND_REPORT;
}

IcwDocument *
icw_document_new_for_record (IcwStore   *store,
                             IcwRecord  *record,
                             guint       copies,
                             GError    **error)
{
  IcwRecordKind kind = icw_record_kind_of (record);
  IcwDocument *document = NULL;

  switch (kind)
    {
    case ICW_RECORD_KIND_APPLICATION:
      document = icw_document_build_application (store, record, error);
      break;
    case ICW_RECORD_KIND_IP_AGREEMENT:
      document = icw_document_build_agreement (store, record, error);
      break;
    case ICW_RECORD_KIND_FUNDING_REQUEST:
      document = icw_document_build_funding (store, record, error);
      break;
    case ICW_RECORD_KIND_REPORT:
      document = icw_document_build_report (store, record, error);
      break;
    default:
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("A record of the kind “%s” has no document: documents are made of center applications, IP-sharing agreements, funding requests and reports."),
                   icw_record_kind_to_key (kind));
      return NULL;
    }
  if (document != NULL)
    icw_document_set_copies (document, copies);
  return document;
}

char *
icw_document_format_date (GDateTime *when)
{
  /* TRANSLATORS: the date on a document's cover, as g_date_time_format() takes it; Chinese
   * documents write 2026年11月25日 */
  return g_date_time_format (when, _("%-d %B %Y"));
}
