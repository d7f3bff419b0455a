/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-table.c: tables in the flow. Columns share the text width by their weights; a
 * column too narrow for its longest word (measured with Pango, in the cell's own style) takes the
 * width it needs from the columns with room to spare, so a Latin word is not broken inside
 * ("Constructi-on"; CJK text breaks between characters anyway). Each row is as tall as its
 * tallest cell. A row that does not fit goes to the next page, where the table's header rows are
 * drawn again first; a row taller than a whole page is split between lines of its cells, so
 * nothing is ever cut off. Key/value lists are tables whose label column is shaded; signature
 * blocks are tables whose rows leave room for a signature and a seal. */
#include "config.h"

#include <string.h>

#include "icw-document-layout-private.h"

#define PAD_X 4.0
#define PAD_Y 3.0

typedef struct {
  PangoLayout *layout;
  int          n_lines;
  double      *tops;
  double      *bottoms;
  int          next;      /* the first line not placed yet */
} Cell;

typedef struct {
  IcwDocumentLayout *self;
  IcwDocBlock       *block;
  double            *x;        /* each column's left edge */
  double            *width;    /* and width */
  GPtrArray         *header;   /* the header rows' layouts (PangoLayout, row by row) */
  double             header_height;
  double             min_height;
} Table;

static void
cell_init (Cell        *cell,
           PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  cell->layout = layout;
  cell->n_lines = pango_layout_get_line_count (layout);
  cell->tops = g_new (double, cell->n_lines);
  cell->bottoms = g_new (double, cell->n_lines);
  cell->next = 0;
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      cell->tops[i] = (double) y0 / PANGO_SCALE;
      cell->bottoms[i++] = (double) y1 / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
cell_clear (Cell *cell)
{
  g_free (cell->tops);
  g_free (cell->bottoms);
}

static IcwStyle
cell_style (IcwDocBlock *block,
            guint        row,
            guint        column)
{
  gboolean label = block->kind == ICW_BLOCK_KEY_VALUES && column == 0;

  return row < block->n_header_rows || label ? ICW_STYLE_TABLE_HEADER : ICW_STYLE_TABLE;
}

/* A "word" of at most this many characters is kept on one line even where the script lets it
 * break between any two characters: "序号", "计量单位", "中试孵化" are not split ("序" / "号"). */
#define WHOLE_WORD_CHARS 6

/* The width of @text (@length bytes) set on one line in @style. */
static double
text_width (IcwDocumentLayout *self,
            IcwStyle           style,
            const char        *text,
            int                length)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_text (layout, text, length);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* The widest word of @text in @style that is wider than @limit points, or 0. A word of more
 * than WHOLE_WORD_CHARS characters counts for its longest run of narrow (not CJK) characters
 * between the places where it may break (wide characters, hyphens, slashes). Only what could be wider than @limit at one em a
 * character is measured, so a table of short words, numbers and Chinese text costs little
 * shaping here. */
static double
widest_word (IcwDocumentLayout *self,
             IcwStyle           style,
             const char        *text,
             double             limit)
{
  double em = (double) pango_font_description_get_size (self->fonts[style]) / PANGO_SCALE, widest = 0;
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      glong n_chars = g_utf8_strlen (word, -1);

      if ((double) n_chars * em <= limit)
        continue;
      if (n_chars <= WHOLE_WORD_CHARS)
        {
          widest = MAX (widest, text_width (self, style, word, -1));
          continue;
        }
      for (const char *p = word; *p != '\0';)
        {
          const char *run = p;
          glong run_chars = 0;

          /* A run ends before a wide character, or after a hyphen or a slash before a letter,
             where Latin text may break too ("Industry-/university-/research", not "2025-/03"). */
          while (*p != '\0' && !g_unichar_iswide (g_utf8_get_char (p)))
            {
              gunichar c = g_utf8_get_char (p);

              p = g_utf8_next_char (p), run_chars++;
              if ((c == '-' || c == '/') && g_unichar_isalpha (g_utf8_get_char (p)))
                break;
            }
          if ((double) run_chars * em > limit)
            widest = MAX (widest, text_width (self, style, run, (int) (p - run)));
          if (*p != '\0' && g_unichar_iswide (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
        }
    }
  return widest > limit ? widest : 0;
}

/* Each column's width: its share of the text width by weight, then widened to its longest word
 * where that is wider, taking the difference from the other columns in proportion to the room
 * they have beyond their own longest word. When the words cannot all fit, the weights stand and
 * Pango breaks the longest words. */
static void
measure_column_widths (IcwDocumentLayout *self,
                       IcwDocBlock       *block,
                       double            *width)
{
  guint n_rows = icw_doc_block_get_n_rows (block), total = 0;
  g_autofree double *need = g_new0 (double, block->n_columns);
  double deficit = 0, spare = 0;

  for (guint c = 0; c < block->n_columns; c++)
    total += block->weights[c];
  for (guint c = 0; c < block->n_columns; c++)
    {
      width[c] = ICW_CONTENT_WIDTH * block->weights[c] / MAX (total, 1);
      for (guint r = 0; r < n_rows; r++)
        need[c] = MAX (need[c], widest_word (self, cell_style (block, r, c), icw_doc_block_get_cell (block, r, c),
                                             width[c] - 2 * PAD_X));
      if (need[c] > 0)
        need[c] += 2 * PAD_X + 0.5;
      if (need[c] > width[c])
        deficit += need[c] - width[c];
      else
        spare += MAX (0, width[c] - MAX (need[c], 2 * PAD_X + 12.0));
    }
  if (deficit == 0 || deficit > spare)
    return;
  for (guint c = 0; c < block->n_columns; c++)
    if (need[c] > width[c])
      width[c] = need[c];
    else
      width[c] -= deficit * MAX (0, width[c] - MAX (need[c], 2 * PAD_X + 12.0)) / spare;
}

/* The widths, measured once per table and layout (the lead height asks before the table flows,
 * and the Word file asks for the same widths). */
void
icw_layout_table_column_widths (IcwDocumentLayout *self,
                                IcwDocBlock       *block,
                                double            *width)
{
  double *known;

  if (self->column_widths == NULL)
    self->column_widths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  known = g_hash_table_lookup (self->column_widths, block);
  if (known == NULL)
    {
      known = g_new (double, block->n_columns);
      measure_column_widths (self, block, known);
      g_hash_table_insert (self->column_widths, block, known);
    }
  memcpy (width, known, block->n_columns * sizeof (double));
}

static PangoLayout *
cell_layout (Table      *table,
             guint       row,
             guint       column,
             gboolean    header)
{
  IcwDocBlock *block = table->block;
  gboolean label = block->kind == ICW_BLOCK_KEY_VALUES && column == 0;
  PangoLayout *layout = icw_layout_text (table->self, header || label ? ICW_STYLE_TABLE_HEADER : ICW_STYLE_TABLE,
                                         icw_doc_block_get_cell (block, row, column),
                                         table->width[column] - 2 * PAD_X);

  if (header)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (block->numeric & (1u << column))
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

/* Places what fits of a row below the flow's y, frames it and moves y down; TRUE when the whole
 * row is placed. Nothing is placed when not even one line of each unfinished cell fits. */
static gboolean
place_segment (Table    *table,
               Cell     *cells,
               gboolean  shaded_header,
               double    min_height)
{
  IcwDocumentLayout *self = table->self;
  IcwDocBlock *block = table->block;
  IcwLayoutPage *page = icw_layout_current_page (self);
  double room = ICW_CONTENT_BOTTOM - self->y - 2 * PAD_Y, height = 0;
  int *last = g_newa (int, block->n_columns);
  /* At the top of a page (below the repeated header) at least one line of each cell is placed. */
  gboolean fresh = self->y - ICW_MARGIN_TOP <= table->header_height + 0.5;
  gboolean done = TRUE;

  for (guint c = 0; c < block->n_columns; c++)
    {
      Cell *cell = &cells[c];

      last[c] = cell->next;
      while (last[c] < cell->n_lines && cell->bottoms[last[c]] - cell->tops[cell->next] <= room)
        last[c]++;
      if (last[c] == cell->next && cell->next < cell->n_lines)
        {
          if (!fresh)
            return FALSE;
          last[c]++;
        }
      if (last[c] > cell->next)
        height = MAX (height, cell->bottoms[last[c] - 1] - cell->tops[cell->next]);
      done = done && last[c] == cell->n_lines;
    }
  height += 2 * PAD_Y;
  if (done)
    height = MAX (height, MIN (min_height, ICW_CONTENT_BOTTOM - self->y));
  for (guint c = 0; c < block->n_columns; c++)
    {
      Cell *cell = &cells[c];
      gboolean shaded = shaded_header || (block->kind == ICW_BLOCK_KEY_VALUES && c == 0);

      if (shaded)
        icw_layout_add_item (page, ICW_ITEM_RECT, table->x[c], self->y, table->width[c], height)->fill = TRUE;
      if (last[c] > cell->next)
        {
          IcwLayoutItem *item = icw_layout_add_item (page, ICW_ITEM_LINES, table->x[c] + PAD_X, self->y + PAD_Y,
                                                     0, height);

          item->layout = g_object_ref (cell->layout);
          item->first_line = cell->next;
          item->n_lines = last[c] - cell->next;
          cell->next = last[c];
        }
      icw_layout_add_item (page, ICW_ITEM_RECT, table->x[c], self->y, table->width[c], height);
    }
  self->y += height;
  return done;
}

static double
row_height (Cell   *cells,
            guint   n_columns,
            double  min_height)
{
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    height = MAX (height, cells[c].bottoms[cells[c].n_lines - 1] - cells[c].tops[0]);
  return MAX (height + 2 * PAD_Y, min_height);
}

static void
place_header (Table *table)
{
  guint n_columns = table->block->n_columns;

  for (guint r = 0; r < table->block->n_header_rows; r++)
    {
      Cell *cells = g_newa (Cell, n_columns);

      for (guint c = 0; c < n_columns; c++)
        cell_init (&cells[c], table->header->pdata[r * n_columns + c]);
      place_segment (table, cells, TRUE, 0);
      for (guint c = 0; c < n_columns; c++)
        cell_clear (&cells[c]);
    }
}

static void
new_page_with_header (Table *table)
{
  icw_layout_new_page (table->self);
  place_header (table);
}

static void
flow_row (Table    *table,
          guint     row,
          gboolean  first)
{
  IcwDocumentLayout *self = table->self;
  guint n_columns = table->block->n_columns;
  Cell *cells = g_newa (Cell, n_columns);
  double height, page_room = ICW_CONTENT_BOTTOM - ICW_MARGIN_TOP - table->header_height;

  for (guint c = 0; c < n_columns; c++)
    cell_init (&cells[c], cell_layout (table, row, c, FALSE));
  height = row_height (cells, n_columns, table->min_height);
  /* The header stays with the first row; a row that fits a page is never split. */
  if (first)
    {
      if (self->y + table->header_height + height > ICW_CONTENT_BOTTOM && self->y > ICW_MARGIN_TOP)
        icw_layout_new_page (self);
      place_header (table);
    }
  else if (self->y + height > ICW_CONTENT_BOTTOM && height <= page_room)
    new_page_with_header (table);
  while (!place_segment (table, cells, FALSE, table->min_height))
    new_page_with_header (table);
  for (guint c = 0; c < n_columns; c++)
    {
      g_object_unref (cells[c].layout);
      cell_clear (&cells[c]);
    }
}

double
icw_layout_table_lead_height (IcwDocumentLayout *self,
                              IcwDocBlock       *block)
{
  guint n_rows = icw_doc_block_get_n_rows (block);
  guint last = MIN (block->n_header_rows + 1, n_rows);
  g_autofree double *width = g_new (double, block->n_columns);
  Table table = { self, block, NULL, width, NULL, 0, 0 };
  double height = 0;

  icw_layout_table_column_widths (self, block, width);
  for (guint r = 0; r < last; r++)
    {
      double row = 0;

      for (guint c = 0; c < block->n_columns; c++)
        {
          g_autoptr(PangoLayout) layout = cell_layout (&table, r, c, r < block->n_header_rows);

          row = MAX (row, icw_layout_height (layout));
        }
      row += 2 * PAD_Y;
      if (r >= block->n_header_rows && block->kind == ICW_BLOCK_SIGNATURES)
        row = MAX (row, ICW_MM (32.0));
      height += row;
    }
  return height;
}

void
icw_layout_flow_table (IcwDocumentLayout *self,
                       IcwDocBlock       *block)
{
  Table table = { self, block, NULL, NULL, NULL, 0, 0 };
  guint n_rows = icw_doc_block_get_n_rows (block);
  double x = ICW_MARGIN_LEFT;

  if (n_rows <= block->n_header_rows)
    return;
  table.x = g_new (double, block->n_columns);
  table.width = g_new (double, block->n_columns);
  icw_layout_table_column_widths (self, block, table.width);
  for (guint c = 0; c < block->n_columns; c++)
    {
      table.x[c] = x;
      x += table.width[c];
    }
  table.header = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint r = 0; r < block->n_header_rows; r++)
    {
      double height = 0;

      for (guint c = 0; c < block->n_columns; c++)
        {
          PangoLayout *layout = cell_layout (&table, r, c, TRUE);

          height = MAX (height, icw_layout_height (layout));
          g_ptr_array_add (table.header, layout);
        }
      table.header_height += height + 2 * PAD_Y;
    }
  if (block->kind == ICW_BLOCK_SIGNATURES)
    table.min_height = ICW_MM (32.0);
  for (guint r = block->n_header_rows; r < n_rows; r++)
    flow_row (&table, r, r == block->n_header_rows);
  self->y += pango_font_description_get_size (self->fonts[ICW_STYLE_BODY]) / PANGO_SCALE * 0.6;
  g_ptr_array_unref (table.header);
  g_free (table.x);
  g_free (table.width);
}
