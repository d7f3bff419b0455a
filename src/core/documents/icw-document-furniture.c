/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-furniture.c: the parts of a document's pages that are not its body: the cover
 * (title, kind of document, center, host company, date and the number of paper copies, "一式N份";
 * a title of several lines balanced so that no line is much shorter than the others),
 * the table of contents (each heading with a dotted leader and its page number, level 2 indented),
 * and on every page but the cover a header with the document's title over a rule and a footer
 * "第 X 页 共 Y 页" / "Page X of Y". The cover has no number printed but is counted: the page after
 * it is 2 and Y is the file's real page count (what a PDF viewer and pdfinfo say), and the contents
 * give these numbers. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-document-layout-private.h"
#include "icw-i18n.h"

#define NUMBER_WIDTH 36.0

static IcwLayoutItem *
add_centered (IcwDocumentLayout *self,
              IcwLayoutPage     *page,
              IcwStyle           style,
              const char        *text,
              double             y)
{
  g_autoptr(PangoLayout) layout = icw_layout_text (self, style, text, ICW_CONTENT_WIDTH);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return icw_layout_add_lines (page, layout, ICW_MARGIN_LEFT, y);
}

/* A title of several lines is set in the narrowest width that keeps its number of lines, so its
 * lines are about as long as each other and none ends with one character on its own ("建设方" /
 * "案"). Returns that width. */
static double balance_lines (PangoLayout *layout,
                             double       width);

/* Sets "Label:" and its value on two lines of @layout (a line separator, so the value keeps the
 * paragraph's hanging indent) when the value then fits on its line; FALSE, and @text as it was,
 * when it does not or there is no label. */
static gboolean
value_below_label (PangoLayout *layout,
                   const char  *text)
{
  const char *colon = strstr (text, ": ");
  const char *full_width = strstr (text, "：");
  const char *value;
  g_autofree char *split = NULL;

  if (full_width != NULL && (colon == NULL || full_width < colon))
    value = full_width + strlen ("：");
  else if (colon != NULL)
    value = colon + 2;
  else
    return FALSE;
  if (*value == '\0')
    return FALSE;
  split = g_strdup_printf ("%.*s\xe2\x80\xa8%s", (int) (value - text), text, value);
  pango_layout_set_text (layout, split, -1);
  if (pango_layout_get_line_count (layout) == 2 && !icw_layout_breaks_inside_word (layout))
    return TRUE;
  pango_layout_set_text (layout, text, -1);
  return FALSE;
}

static double
add_cover_line (IcwDocumentLayout *self,
                IcwLayoutPage     *page,
                const char        *text,
                double             y)
{
  g_autoptr(PangoLayout) layout = icw_layout_text (self, ICW_STYLE_COVER, text, ICW_CONTENT_WIDTH - ICW_MM (40));

  /* A label that wraps continues under the value, not under the label. A value that does not fit
     beside its label goes whole to the next line, or when it does not fit there either, the
     lines are balanced like the title's: its last character never stands alone ("…创新中" / "心"). */
  pango_layout_set_indent (layout, (int) (-2 * pango_font_description_get_size (self->fonts[ICW_STYLE_COVER])));
  /* The cover's lines are layouts of their own set one under the other, which the style's line
     spacing does not separate: a line that wraps is spaced as they are. */
  pango_layout_set_line_spacing (layout, 0);
  if (pango_layout_get_line_count (layout) > 1 && !value_below_label (layout, text))
    balance_lines (layout, ICW_CONTENT_WIDTH - ICW_MM (40));
  icw_layout_add_lines (page, layout, ICW_MARGIN_LEFT + ICW_MM (20), y);
  g_ptr_array_add (self->cover_lines, g_object_ref (layout));
  return y + icw_layout_height (layout);
}

static double
balance_lines (PangoLayout *layout,
               double       width)
{
  int n = pango_layout_get_line_count (layout);
  double low, high = width;

  if (n < 2)
    return width;
  low = width / n;
  while (high - low > 1.0)
    {
      double middle = (low + high) / 2;

      pango_layout_set_width (layout, (int) (middle * PANGO_SCALE));
      if (pango_layout_get_line_count (layout) > n || icw_layout_breaks_inside_word (layout))
        low = middle;
      else
        high = middle;
    }
  pango_layout_set_width (layout, (int) (high * PANGO_SCALE));
  return high;
}

void
icw_layout_make_cover (IcwDocumentLayout *self)
{
  IcwDocument *document = self->document;
  IcwLayoutPage *page = icw_layout_new_page (self);
  g_autoptr(PangoLayout) title = icw_layout_text (self, ICW_STYLE_TITLE, icw_document_get_title (document), ICW_CONTENT_WIDTH);
  guint copies = icw_document_get_copies (document);
  g_autofree char *copies_text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  double y = ICW_MM (75), title_width;

  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  title_width = balance_lines (title, ICW_CONTENT_WIDTH);
  self->title = g_object_ref (title);
  icw_layout_add_lines (page, title, ICW_MARGIN_LEFT + (ICW_CONTENT_WIDTH - title_width) / 2, y)->tag = "H";
  y += icw_layout_height (title) + ICW_MM (8);
  if (icw_document_get_subtitle (document) != NULL)
    add_centered (self, page, ICW_STYLE_HEADING1, icw_document_get_subtitle (document), y);

  y = ICW_MM (165);
  lines = icw_document_cover_lines (document);
  for (guint i = 0; i < lines->len; i++)
    y = add_cover_line (self, page, lines->pdata[i], y);
  if (copies > 0)
    {
      g_autofree char *number = icw_copies_number (copies);

      /* TRANSLATORS: on a document's cover, how many paper copies are submitted; Chinese says 一式%s份
       * (%s is the number's word, 两 or 三: icw_copies_number()) */
      copies_text = g_strdup_printf (ngettext ("%s copy", "%s copies", copies), number);
      add_centered (self, page, ICW_STYLE_COVER, copies_text, ICW_CONTENT_BOTTOM - ICW_MM (10));
    }
}

void
icw_layout_make_toc (IcwDocumentLayout *self)
{
  double indent_step = pango_font_description_get_size (self->fonts[ICW_STYLE_BODY]) / PANGO_SCALE * 2;

  if (self->toc->len == 0)
    return;
  icw_layout_new_page (self);
  {
    /* TRANSLATORS: the title of a document's table of contents */
    g_autoptr(PangoLayout) title = icw_layout_text (self, ICW_STYLE_HEADING1, _("Contents"), ICW_CONTENT_WIDTH);

    pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
    icw_layout_flow_lines (self, title, ICW_MARGIN_LEFT);
    self->y += icw_layout_height (title) * 0.5;
  }
  for (guint i = 0; i < self->toc->len; i++)
    {
      IcwTocEntry *entry = self->toc->pdata[i];
      double indent = entry->level > 1 ? indent_step : 0;
      g_autoptr(PangoLayout) text = icw_layout_text (self, ICW_STYLE_BODY, entry->text,
                                                     ICW_CONTENT_WIDTH - indent - NUMBER_WIDTH - ICW_MM (8));
      PangoLayout *number = icw_layout_text (self, ICW_STYLE_BODY, "", NUMBER_WIDTH);
      double height = icw_layout_height (text), text_end, baseline;
      PangoLayoutLine *last_line;
      PangoRectangle logical;
      IcwLayoutPage *page;

      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      if (self->y + height > ICW_CONTENT_BOTTOM)
        icw_layout_new_page (self);
      page = icw_layout_current_page (self);
      icw_layout_add_lines (page, text, ICW_MARGIN_LEFT + indent, self->y);
      last_line = pango_layout_get_line_readonly (text, pango_layout_get_line_count (text) - 1);
      pango_layout_line_get_extents (last_line, NULL, &logical);
      text_end = ICW_MARGIN_LEFT + indent + (double) (logical.x + logical.width) / PANGO_SCALE;
      baseline = (double) pango_layout_get_baseline (text) / PANGO_SCALE;
      if (pango_layout_get_line_count (text) > 1)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (text);

          while (pango_layout_iter_next_line (iter))
            baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          pango_layout_iter_free (iter);
        }
      /* The number sits on the baseline of the entry's last line. */
      icw_layout_add_lines (page, number, ICW_PAGE_WIDTH_PT - ICW_MARGIN_RIGHT - NUMBER_WIDTH,
                            self->y + baseline - (double) pango_layout_get_baseline (number) / PANGO_SCALE);
      icw_layout_add_item (page, ICW_ITEM_DOTS, text_end + 4, self->y + baseline,
                           ICW_PAGE_WIDTH_PT - ICW_MARGIN_RIGHT - NUMBER_WIDTH - text_end - 8, 0);
      g_ptr_array_add (self->toc_numbers, number);
      /* The whole entry, from its text to its number, links to the heading. */
      icw_layout_add_item (page, ICW_ITEM_LINK, ICW_MARGIN_LEFT + indent, self->y, ICW_CONTENT_WIDTH - indent, height)->first_line = (int) i;
      self->y += height;
    }
}

void
icw_layout_fill_toc (IcwDocumentLayout *self)
{
  for (guint i = 0; i < self->toc_numbers->len; i++)
    {
      IcwTocEntry *entry = self->toc->pdata[i];
      g_autofree char *text = g_strdup_printf ("%u", icw_document_layout_get_page_number (self, entry->page));

      pango_layout_set_text (self->toc_numbers->pdata[i], text, -1);
    }
}

void
icw_layout_add_furniture (IcwDocumentLayout *self)
{
  guint n_pages = self->pages->len;   /* the cover counts: Y is the file's page count */

  for (guint p = self->first_numbered; p < self->pages->len; p++)
    {
      IcwLayoutPage *page = self->pages->pdata[p];
      g_autoptr(PangoLayout) header = icw_layout_text (self, ICW_STYLE_FURNITURE,
                                                       icw_document_get_title (self->document), ICW_CONTENT_WIDTH);
      g_autofree char *footer = NULL;
      double rule_y = ICW_MARGIN_TOP - ICW_MM (8);

      pango_layout_set_alignment (header, PANGO_ALIGN_CENTER);
      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_MIDDLE);
      /* The header and footer are not part of the tagged structure (a reader reads them once). */
      icw_layout_add_lines (page, header, ICW_MARGIN_LEFT, rule_y - icw_layout_height (header) - 2)->tag = "";
      icw_layout_add_item (page, ICW_ITEM_RULE, ICW_MARGIN_LEFT, rule_y, ICW_CONTENT_WIDTH, 0);
      /* TRANSLATORS: the footer of a document's pages; Chinese documents say 第 X 页 共 Y 页 */
      footer = g_strdup_printf (_("Page %u of %u"), icw_document_layout_get_page_number (self, p), n_pages);
      add_centered (self, page, ICW_STYLE_FURNITURE, footer, ICW_CONTENT_BOTTOM + ICW_MM (12))->tag = "";
    }
}
