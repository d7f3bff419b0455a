/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-layout.c: the layout engine's flow and drawing. The fonts are fontconfig names
 * of the Chinese government styles (FangSong 仿宋 for the body, SimHei 黑体 and KaiTi 楷体 for
 * headings, a 小标宋 for the title) with Noto CJK last in each list, so a system without the
 * Windows fonts still renders every glyph. Metrics are unhinted at 72 dpi, so a layout measured
 * once draws the same at any scale: the preview, the printer and the PDF share one pagination.
 * The table of contents is made in two passes: its entries take their place before the body is
 * laid out, and their page numbers are filled in after it. */
#include "config.h"

#include <gio/gio.h>

#include "icw-document-layout-private.h"

static const char * const zh_fonts[ICW_N_STYLES] = {
  "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC 16",
  "SimHei, STHeiti, Noto Sans CJK SC Bold 16",
  "KaiTi, KaiTi_GB2312, STKaiti, Noto Serif CJK SC Bold 16",
  "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC 12",
  "SimHei, STHeiti, Noto Sans CJK SC Bold 12",
  "FZXiaoBiaoSong-B05S, SimSun, Noto Serif CJK SC Bold 26",
  "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC 16",
  "SimSun, Noto Serif CJK SC 10.5",
};
static const char * const en_fonts[ICW_N_STYLES] = {
  "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC 12",
  "SimHei, STHeiti, Noto Sans CJK SC Bold 14",
  "KaiTi, KaiTi_GB2312, STKaiti, Noto Serif CJK SC Bold 12",
  "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC 10",
  "SimHei, STHeiti, Noto Sans CJK SC Bold 10",
  "FZXiaoBiaoSong-B05S, SimSun, Noto Serif CJK SC Bold 24",
  "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC 14",
  "SimSun, Noto Serif CJK SC 9",
};
static const double zh_spacing[ICW_N_STYLES] = { 1.25, 1.2, 1.2, 1.1, 1.1, 1.3, 1.5, 1.0 };
static const double en_spacing[ICW_N_STYLES] = { 1.15, 1.1, 1.1, 1.05, 1.05, 1.2, 1.4, 1.0 };

const char *
icw_layout_style_font (gboolean chinese,
                       IcwStyle style)
{
  g_return_val_if_fail (style < ICW_N_STYLES, NULL);
  return chinese ? zh_fonts[style] : en_fonts[style];
}

double
icw_layout_style_spacing (gboolean chinese,
                          IcwStyle style)
{
  g_return_val_if_fail (style < ICW_N_STYLES, 1.0);
  return chinese ? zh_spacing[style] : en_spacing[style];
}

static void
page_free (IcwLayoutPage *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
item_free (IcwLayoutItem *item)
{
  g_clear_object (&item->layout);
  g_clear_pointer (&item->chart, icw_chart_unref);
  g_free (item);
}

static void
toc_entry_free (IcwTocEntry *entry)
{
  g_free (entry->text);
  g_free (entry);
}

static void
set_up_fonts (IcwDocumentLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72.0);
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string (self->chinese ? "zh-cn" : "en"));
  for (guint s = 0; s < ICW_N_STYLES; s++)
    {
      self->fonts[s] = pango_font_description_from_string (self->chinese ? zh_fonts[s] : en_fonts[s]);
      self->spacing[s] = self->chinese ? zh_spacing[s] : en_spacing[s];
    }
}

IcwLayoutPage *
icw_layout_new_page (IcwDocumentLayout *self)
{
  IcwLayoutPage *page = g_new0 (IcwLayoutPage, 1);

  page->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (self->pages, page);
  self->y = ICW_MARGIN_TOP;
  return page;
}

IcwLayoutPage *
icw_layout_current_page (IcwDocumentLayout *self)
{
  return self->pages->pdata[self->pages->len - 1];
}

void
icw_layout_break_page (IcwDocumentLayout *self)
{
  if (icw_layout_current_page (self)->items->len > 0 || self->y > ICW_MARGIN_TOP)
    icw_layout_new_page (self);
}

PangoLayout *
icw_layout_text (IcwDocumentLayout *self,
                 IcwStyle           style,
                 const char        *text,
                 double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_line_spacing (layout, (float) self->spacing[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
icw_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

gboolean
icw_layout_breaks_inside_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  GSList *lines = pango_layout_get_lines_readonly (layout);
  int n_attrs;

  if (lines == NULL || lines->next == NULL)
    return FALSE;
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = lines->next; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset < n_attrs && !attrs[offset].is_line_break && !attrs[offset].is_mandatory_break)
        return TRUE;
    }
  return FALSE;
}

IcwLayoutItem *
icw_layout_add_item (IcwLayoutPage *page,
                     IcwItemKind    kind,
                     double         x,
                     double         y,
                     double         w,
                     double         h)
{
  IcwLayoutItem *item = g_new0 (IcwLayoutItem, 1);

  item->kind = kind;
  item->x = x, item->y = y, item->w = w, item->h = h;
  g_ptr_array_add (page->items, item);
  return item;
}

IcwLayoutItem *
icw_layout_add_lines (IcwLayoutPage *page,
                      PangoLayout   *layout,
                      double         x,
                      double         y)
{
  IcwLayoutItem *item = icw_layout_add_item (page, ICW_ITEM_LINES, x, y, 0, icw_layout_height (layout));

  item->layout = g_object_ref (layout);
  item->first_line = 0;
  item->n_lines = pango_layout_get_line_count (layout);
  return item;
}

/* The top and bottom of each line, in points from the layout's top. */
static void
line_bounds (PangoLayout *layout,
             double      *tops,
             double      *bottoms)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      tops[i] = (double) y0 / PANGO_SCALE;
      bottoms[i] = (double) y1 / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
icw_layout_flow_lines (IcwDocumentLayout *self,
                       PangoLayout       *layout,
                       double             x)
{
  int n = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, n);
  g_autofree double *bottoms = g_new (double, n);
  int first = 0;

  line_bounds (layout, tops, bottoms);
  while (first < n)
    {
      int last = first;
      IcwLayoutItem *item;

      while (last < n && self->y + bottoms[last] - tops[first] <= ICW_CONTENT_BOTTOM)
        last++;
      if (last == first && self->y > ICW_MARGIN_TOP)
        {
          icw_layout_new_page (self);
          continue;
        }
      last = MAX (last, first + 1);   /* a line taller than a page: placed, never dropped */
      item = icw_layout_add_item (icw_layout_current_page (self), ICW_ITEM_LINES, x,
                                  self->y, 0, bottoms[last - 1] - tops[first]);
      item->layout = g_object_ref (layout);
      item->first_line = first;
      item->n_lines = last - first;
      item->tag = self->tag;
      self->y += bottoms[last - 1] - tops[first];
      first = last;
    }
}

/* A heading is kept with what follows it: the next two lines of text, or a table's header rows
 * and first row (a signature block's first row is 32 mm high), so no heading ends a page. */
static void
flow_heading (IcwDocumentLayout *self,
              IcwDocBlock       *block,
              IcwDocBlock       *next,
              guint              toc_index)
{
  IcwStyle style = block->level == 1 ? ICW_STYLE_HEADING1 : ICW_STYLE_HEADING2;
  g_autoptr(PangoLayout) layout = icw_layout_text (self, style, block->text, ICW_CONTENT_WIDTH);
  double before = pango_font_description_get_size (self->fonts[style]) / PANGO_SCALE * (block->level == 1 ? 0.8 : 0.4);
  double body_line = pango_font_description_get_size (self->fonts[ICW_STYLE_BODY]) / PANGO_SCALE * 2.0;
  IcwTocEntry *entry = self->toc->pdata[toc_index];
  double keep = 2 * body_line;

  if (next != NULL && (next->kind == ICW_BLOCK_TABLE || next->kind == ICW_BLOCK_KEY_VALUES || next->kind == ICW_BLOCK_SIGNATURES))
    keep = icw_layout_table_lead_height (self, next) + before / 2;
  else if (next != NULL && next->kind == ICW_BLOCK_HEADING)
    keep = 3.5 * body_line;   /* the next heading and the two lines after it */
  if (self->y > ICW_MARGIN_TOP)
    self->y += before;
  if (self->y + icw_layout_height (layout) + keep > ICW_CONTENT_BOTTOM)
    icw_layout_new_page (self);
  entry->page = self->pages->len - 1;
  entry->y = self->y;
  icw_layout_add_item (icw_layout_current_page (self), ICW_ITEM_DEST, ICW_MARGIN_LEFT, self->y, 0, 0)->first_line = (int) toc_index;
  self->tag = block->level == 1 ? "H1" : "H2";
  icw_layout_flow_lines (self, layout, ICW_MARGIN_LEFT);
  self->tag = NULL;
  self->y += before / 2;
}

/* A chart takes the content width and a fixed height, on the next page when it does not fit on
 * this one; it is drawn in the table style's font (the PDF's CJK fonts). */
#define CHART_HEIGHT ICW_MM (80.0)

static void
flow_chart (IcwDocumentLayout *self,
            IcwDocBlock       *block)
{
  IcwLayoutItem *item;

  if (self->y + CHART_HEIGHT > ICW_CONTENT_BOTTOM)
    icw_layout_new_page (self);
  item = icw_layout_add_item (icw_layout_current_page (self), ICW_ITEM_CHART, ICW_MARGIN_LEFT, self->y,
                              ICW_CONTENT_WIDTH, CHART_HEIGHT);
  item->chart = icw_chart_ref (block->chart);
  self->y += CHART_HEIGHT + ICW_MM (4.0);
}

/* Whether justifying a paragraph spreads its lines only a little: when a line other than the last
 * ends more than two characters short of the margin (a long number or Latin word moved to the next
 * line), justifying would letter-space it visibly, so the paragraph is left ragged instead. */
static gboolean
justify_fits (PangoLayout *layout,
              double       size)
{
  int width = pango_layout_get_width (layout);
  int n = pango_layout_get_line_count (layout);

  for (int i = 0; i < n - 1; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      PangoRectangle logical;
      int indent = i == 0 ? MAX (pango_layout_get_indent (layout), 0) : 0;

      pango_layout_line_get_extents (line, NULL, &logical);
      if (width - indent - logical.width > (int) (2 * size * PANGO_SCALE))
        return FALSE;
    }
  return TRUE;
}

static void
flow_paragraph (IcwDocumentLayout *self,
                IcwDocBlock       *block)
{
  g_autoptr(PangoLayout) layout = icw_layout_text (self, ICW_STYLE_BODY, block->text, ICW_CONTENT_WIDTH);
  double size = pango_font_description_get_size (self->fonts[ICW_STYLE_BODY]) / PANGO_SCALE;

  if (self->chinese)
    pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));   /* 首行缩进两字 */
  /* English justifies between words; Chinese between characters, where a short line shows. */
  pango_layout_set_justify (layout, !self->chinese || justify_fits (layout, size));
  icw_layout_flow_lines (self, layout, ICW_MARGIN_LEFT);
  self->y += self->chinese ? 0 : size * 0.5;
}

IcwDocumentLayout *
icw_layout_new_unflowed (IcwDocument *document)
{
  IcwDocumentLayout *self = g_new0 (IcwDocumentLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->document = icw_document_ref (document);
  self->chinese = g_str_equal (icw_document_get_language (document), "zh_CN");
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->toc = g_ptr_array_new_with_free_func ((GDestroyNotify) toc_entry_free);
  self->toc_numbers = g_ptr_array_new_with_free_func (g_object_unref);
  self->cover_lines = g_ptr_array_new_with_free_func (g_object_unref);
  self->first_numbered = 1;
  set_up_fonts (self);
  return self;
}

IcwDocumentLayout *
icw_document_layout_new (IcwDocument          *document,
                         GCancellable         *cancellable,
                         IcwDocumentProgress   progress,
                         gpointer              user_data,
                         GError              **error)
{
  g_autoptr(IcwDocumentLayout) self = icw_layout_new_unflowed (document);
  GPtrArray *blocks = icw_document_get_blocks (document);
  guint heading = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      IcwDocBlock *block = blocks->pdata[i];

      if (block->kind == ICW_BLOCK_HEADING)
        {
          IcwTocEntry *entry = g_new0 (IcwTocEntry, 1);

          entry->level = block->level;
          entry->text = g_strdup (block->text);
          g_ptr_array_add (self->toc, entry);
        }
    }
  icw_layout_make_cover (self);
  icw_layout_make_toc (self);
  icw_layout_new_page (self);
  for (guint i = 0; i < blocks->len; i++)
    {
      IcwDocBlock *block = blocks->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      switch (block->kind)
        {
        case ICW_BLOCK_HEADING:
          flow_heading (self, block, i + 1 < blocks->len ? blocks->pdata[i + 1] : NULL, heading++);
          break;
        case ICW_BLOCK_PARAGRAPH:
          flow_paragraph (self, block);
          break;
        case ICW_BLOCK_TABLE:
        case ICW_BLOCK_KEY_VALUES:
        case ICW_BLOCK_SIGNATURES:
          icw_layout_flow_table (self, block);
          break;
        case ICW_BLOCK_PAGE_BREAK:
          icw_layout_break_page (self);
          break;
        case ICW_BLOCK_CHART:
          flow_chart (self, block);
          break;
        default:
          g_assert_not_reached ();
        }
      if (progress != NULL && (i % 16 == 0 || i + 1 == blocks->len))
        progress ((double) (i + 1) / blocks->len, user_data);
    }
  icw_layout_fill_toc (self);
  icw_layout_add_furniture (self);
  return g_steal_pointer (&self);
}

IcwDocumentLayout *
icw_document_layout_ref (IcwDocumentLayout *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
icw_document_layout_free (IcwDocumentLayout *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->toc, g_ptr_array_unref);
  g_clear_pointer (&self->toc_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->column_widths, g_hash_table_unref);
  g_clear_pointer (&self->cover_lines, g_ptr_array_unref);
  for (guint s = 0; s < ICW_N_STYLES; s++)
    g_clear_pointer (&self->fonts[s], pango_font_description_free);
  g_clear_object (&self->title);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->document, icw_document_unref);
  g_free (self);
}

IcwDocument *
icw_document_layout_get_document (IcwDocumentLayout *self)
{
  return self->document;
}

guint
icw_document_layout_get_n_pages (IcwDocumentLayout *self)
{
  return self->pages->len;
}

guint
icw_document_layout_get_page_number (IcwDocumentLayout *self,
                                     guint              page)
{
  /* The physical page: "Page 2 of 16" on a 16-page file's second page, as a reader counts
   * them and as a PDF viewer shows them. */
  return page >= self->first_numbered ? page + 1 : 0;
}

/* A layout's lines joined by '\n', without the spaces and line separators (U+2028) they end with. */
static char *
joined_lines (PangoLayout *layout)
{
  GString *text = g_string_new (NULL);
  const char *all = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *piece = g_strndup (all + line->start_index, (gsize) line->length);
      g_auto(GStrv) parts = g_strsplit (piece, "\xe2\x80\xa8", -1);
      g_autofree char *whole = g_strjoinv ("", parts);

      if (l != lines)
        g_string_append_c (text, '\n');
      g_string_append (text, g_strstrip (whole));
    }
  return g_string_free (text, FALSE);
}

char *
icw_document_layout_get_title_lines (IcwDocumentLayout *self)
{
  return joined_lines (self->title);
}

char *
icw_layout_get_cover_line (IcwDocumentLayout *self,
                           guint              i)
{
  if (self->cover_lines == NULL || i >= self->cover_lines->len)
    return NULL;
  return joined_lines (self->cover_lines->pdata[i]);
}

GPtrArray *
icw_document_layout_get_toc (IcwDocumentLayout *self)
{
  return self->toc;
}

static void
draw_lines (cairo_t       *cr,
            IcwLayoutItem *item)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  double top = 0;

  for (int i = 0; i < item->first_line + item->n_lines; i++, pango_layout_iter_next_line (iter))
    {
      PangoRectangle logical;
      int y0;

      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (i == item->first_line)
        top = (double) y0 / PANGO_SCALE;
      if (i < item->first_line)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, item->x + (double) logical.x / PANGO_SCALE,
                     item->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  pango_layout_iter_free (iter);
}

/* A link from a contents entry to its heading, and the heading's named destination ("h3" for toc
 * entry 3): cairo 1.16's link and destination tags, which PDF surfaces write as a link annotation
 * and an entry of the document's named destinations, and other surfaces (the preview, the
 * printer) ignore. A link by page number ("page=N") would be simpler, but cairo 1.16 writes no
 * destination when the page comes after the link, which every heading does. Numbers are whole
 * points: cairo reads the attributes with sscanf ("%lf"), which under a locale whose decimal
 * separator is a comma (de_DE) stops at a '.' and refuses the tag, so that no PDF could be
 * written there; half a point of a link's area or a destination's place makes no difference. */
static void
draw_link (cairo_t       *cr,
           IcwLayoutItem *item)
{
  const double numbers[] = { item->x, item->y, item->w, item->h };
  char text[G_N_ELEMENTS (numbers)][24];
  g_autofree char *attributes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_snprintf (text[i], sizeof text[i], "%" G_GINT64_FORMAT, (gint64) (numbers[i] + (numbers[i] >= 0 ? 0.5 : -0.5)));
  if (item->kind == ICW_ITEM_LINK)
    {
      attributes = g_strdup_printf ("rect=[%s %s %s %s] dest='h%d'", text[0], text[1], text[2], text[3], item->first_line);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
  else
    {
      attributes = g_strdup_printf ("name='h%d' x=%s y=%s", item->first_line, text[0], text[1]);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
    }
}

void
icw_document_layout_draw_page (IcwDocumentLayout *self,
                               cairo_t           *cr,
                               guint              page_index)
{
  IcwLayoutPage *page;

  g_return_if_fail (page_index < self->pages->len);
  page = self->pages->pdata[page_index];
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->items->len; i++)
    {
      IcwLayoutItem *item = page->items->pdata[i];

      switch (item->kind)
        {
        case ICW_ITEM_LINES:
          /* Structure tags: PDF surfaces make a tagged PDF of them, others ignore them. */
          if (item->tag == NULL || *item->tag != '\0')
            cairo_tag_begin (cr, item->tag != NULL ? item->tag : "P", "");
          draw_lines (cr, item);
          if (item->tag == NULL || *item->tag != '\0')
            cairo_tag_end (cr, item->tag != NULL ? item->tag : "P");
          break;
        case ICW_ITEM_RECT:
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          if (item->fill)
            cairo_set_source_rgb (cr, 0.9, 0.9, 0.9), cairo_fill (cr), cairo_set_source_rgb (cr, 0, 0, 0);
          else
            cairo_set_line_width (cr, 0.6), cairo_stroke (cr);
          break;
        case ICW_ITEM_RULE:
          cairo_set_line_width (cr, item->fill ? 1.5 : 0.6);
          cairo_move_to (cr, item->x, item->y);
          cairo_line_to (cr, item->x + item->w, item->y + item->h);
          cairo_stroke (cr);
          break;
        case ICW_ITEM_DOTS:
          {
            static const double dash[] = { 0.6, 3.0 };

            cairo_save (cr);
            cairo_set_line_width (cr, 1.0);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, item->x, item->y);
            cairo_line_to (cr, item->x + item->w, item->y);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
          break;
        case ICW_ITEM_LINK:
        case ICW_ITEM_DEST:
          draw_link (cr, item);
          break;
        case ICW_ITEM_CHART:
          cairo_tag_begin (cr, "Figure", "");
          icw_chart_draw (item->chart, cr, item->x, item->y, item->w, item->h,
                          pango_font_description_get_family (self->fonts[ICW_STYLE_TABLE]), NULL);
          cairo_tag_end (cr, "Figure");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}
