/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-text-diff.c: Myers' difference of two sequences and the texts' tokens it compares (see the
 * header). The search keeps, for each number of edits d, the furthest point reached on every
 * diagonal (2d + 1 ints), and walks them back from the end to find the edits. */
#include "config.h"

#include <string.h>

#include "icw-text-diff.h"

typedef struct {
  guint             n_a;
  guint             n_b;
  guint             offset;  /* elements set aside at the beginning */
  IcwDiffEqualFunc  equal;
  gpointer          user_data;
} Middle;

static gboolean
same (Middle *m,
      guint   x,
      guint   y)
{
  return m->equal (m->offset + x, m->offset + y, m->user_data);
}

static void
add_run (GArray      *runs,
         IcwDiffKind  kind,
         guint        a_start,
         guint        b_start,
         guint        length)
{
  IcwDiffRun run = { kind, a_start, b_start, length };

  if (length == 0)
    return;
  if (runs->len > 0)
    {
      IcwDiffRun *last = &g_array_index (runs, IcwDiffRun, runs->len - 1);

      if (last->kind == kind)
        {
          last->length += length;
          return;
        }
    }
  g_array_append_val (runs, run);
}

/* The furthest x on diagonal k after d edits, from the row of d - 1 edits; *down says whether the
 * step was an insertion (down) rather than a deletion (right). */
static int
step_from (const int *previous,
           int        d,
           int        k,
           gboolean  *down)
{
  /* previous holds diagonals -(d - 1) … d - 1 at index k + d - 1. */
  *down = k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]);
  return *down ? previous[k + 1 + d - 1] : previous[k - 1 + d - 1] + 1;
}

/* The rows of the search, one per number of edits, up to the end or the limit; NULL past it. */
static GPtrArray *
search (Middle *m)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  int n = (int) m->n_a, mm = (int) m->n_b;

  for (int d = 0; d <= n + mm; d++)
    {
      int *row = g_new (int, 2 * d + 1);
      const int *previous = d > 0 ? rows->pdata[d - 1] : NULL;

      g_ptr_array_add (rows, row);
      if (d > ICW_DIFF_MAX_EDITS)
        break;
      for (int k = -d; k <= d; k += 2)
        {
          gboolean down = FALSE;
          int x = d == 0 ? 0 : step_from (previous, d, k, &down);
          int y = x - k;

          while (x < n && y < mm && same (m, (guint) x, (guint) y))
            x++, y++;
          row[k + d] = x;
          if (x >= n && y >= mm)
            return rows;
        }
    }
  g_ptr_array_unref (rows);
  return NULL;
}

/* Walks the rows back from the end, adding the runs in reverse to @reversed. */
static void
trace_back (Middle    *m,
            GPtrArray *rows,
            GArray    *reversed)
{
  int x = (int) m->n_a, y = (int) m->n_b;

  for (int d = (int) rows->len - 1; d > 0; d--)
    {
      gboolean down;
      int k = x - y;
      int start_x = step_from (rows->pdata[d - 1], d, k, &down);
      int start_y = start_x - k;
      int snake = x - start_x;

      g_array_append_val (reversed, ((IcwDiffRun) { ICW_DIFF_EQUAL, (guint) start_x, (guint) start_y, (guint) snake }));
      if (down)
        g_array_append_val (reversed, ((IcwDiffRun) { ICW_DIFF_INSERTED, (guint) start_x, (guint) start_y - 1, 1 }));
      else
        g_array_append_val (reversed, ((IcwDiffRun) { ICW_DIFF_DELETED, (guint) start_x - 1, (guint) start_y, 1 }));
      x = down ? start_x : start_x - 1;
      y = down ? start_y - 1 : start_y;
    }
  g_array_append_val (reversed, ((IcwDiffRun) { ICW_DIFF_EQUAL, 0, 0, (guint) x }));
}

static void
diff_middle (Middle *m,
             GArray *runs)
{
  g_autoptr(GPtrArray) rows = search (m);
  g_autoptr(GArray) reversed = NULL;
  gboolean insertion_waiting = FALSE;
  IcwDiffRun waiting = { 0 };

  if (rows == NULL)
    {
      add_run (runs, ICW_DIFF_DELETED, m->offset, m->offset, m->n_a);
      add_run (runs, ICW_DIFF_INSERTED, m->offset + m->n_a, m->offset, m->n_b);
      return;
    }
  reversed = g_array_new (FALSE, FALSE, sizeof (IcwDiffRun));
  trace_back (m, rows, reversed);
  for (guint i = reversed->len; i-- > 0;)
    {
      IcwDiffRun run = g_array_index (reversed, IcwDiffRun, i);

      run.a_start += m->offset;
      run.b_start += m->offset;
      /* A deletion comes before the insertion that replaces it: hold insertions back until the
       * next equal run. */
      if (run.kind == ICW_DIFF_INSERTED)
        {
          if (insertion_waiting)
            waiting.length += run.length;
          else
            waiting = run, insertion_waiting = TRUE;
          continue;
        }
      if (run.kind == ICW_DIFF_EQUAL && run.length > 0 && insertion_waiting)
        {
          add_run (runs, ICW_DIFF_INSERTED, waiting.a_start, waiting.b_start, waiting.length);
          insertion_waiting = FALSE;
        }
      add_run (runs, run.kind, run.a_start, run.b_start, run.length);
    }
  if (insertion_waiting)
    add_run (runs, ICW_DIFF_INSERTED, waiting.a_start, waiting.b_start, waiting.length);
}

/* Whether the first element of the edit run equals the first of the equal run after it. */
static gboolean
starts_alike (IcwDiffRun       *edit,
              IcwDiffRun       *next,
              IcwDiffEqualFunc  equal,
              gpointer          user_data)
{
  return edit->kind == ICW_DIFF_INSERTED ? equal (next->a_start, edit->b_start, user_data)
                                         : equal (edit->a_start, next->b_start, user_data);
}

/* An edit between two equal runs may often sit one element further on with the same meaning
 * ("甲。[+乙。]" or "甲[+。乙]。"): each is slid as far forward as it goes, so that an added or
 * removed sentence ends with its own full stop, as a reader would mark it. */
static void
slide_edits (GArray           *runs,
             IcwDiffEqualFunc  equal,
             gpointer          user_data)
{
  for (guint i = 1; i + 1 < runs->len; i++)
    {
      IcwDiffRun *previous = &g_array_index (runs, IcwDiffRun, i - 1);
      IcwDiffRun *edit = &g_array_index (runs, IcwDiffRun, i);
      IcwDiffRun *next = &g_array_index (runs, IcwDiffRun, i + 1);
      gboolean last = i + 2 == runs->len;

      if (previous->kind != ICW_DIFF_EQUAL || edit->kind == ICW_DIFF_EQUAL || next->kind != ICW_DIFF_EQUAL)
        continue;
      while ((next->length > 1 || (last && next->length == 1)) && starts_alike (edit, next, equal, user_data))
        {
          previous->length++;
          edit->a_start++, edit->b_start++;
          next->a_start++, next->b_start++;
          next->length--;
        }
      if (next->length == 0)
        g_array_remove_index (runs, i + 1);
    }
}

GArray *
icw_diff_sequences (guint            n_a,
                    guint            n_b,
                    IcwDiffEqualFunc equal,
                    gpointer         user_data)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (IcwDiffRun));
  guint prefix = 0, suffix = 0;
  Middle middle;

  g_return_val_if_fail (equal != NULL, runs);

  while (prefix < n_a && prefix < n_b && equal (prefix, prefix, user_data))
    prefix++;
  while (suffix < n_a - prefix && suffix < n_b - prefix && equal (n_a - 1 - suffix, n_b - 1 - suffix, user_data))
    suffix++;
  add_run (runs, ICW_DIFF_EQUAL, 0, 0, prefix);
  middle = (Middle) { n_a - prefix - suffix, n_b - prefix - suffix, prefix, equal, user_data };
  if (middle.n_a == 0 || middle.n_b == 0)
    {
      add_run (runs, ICW_DIFF_DELETED, prefix, prefix, middle.n_a);
      add_run (runs, ICW_DIFF_INSERTED, prefix + middle.n_a, prefix, middle.n_b);
    }
  else
    diff_middle (&middle, runs);
  add_run (runs, ICW_DIFF_EQUAL, n_a - suffix, n_b - suffix, suffix);
  slide_edits (runs, equal, user_data);
  return runs;
}

/* Tokens */

void
icw_diff_span_free (IcwDiffSpan *span)
{
  g_free (span->text);
  g_free (span);
}

static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef enum { TOKEN_WORD, TOKEN_SPACE, TOKEN_SINGLE } TokenClass;

static TokenClass
token_class (gunichar c)
{
  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  if (!is_cjk (c) && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
    return TOKEN_WORD;
  return TOKEN_SINGLE;
}

GPtrArray *
icw_text_tokens (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start = p;
      TokenClass class = token_class (g_utf8_get_char (p));

      p = g_utf8_next_char (p);
      if (class != TOKEN_SINGLE)
        while (*p != '\0' && token_class (g_utf8_get_char (p)) == class)
          p = g_utf8_next_char (p);
      g_ptr_array_add (tokens, g_strndup (start, (gsize) (p - start)));
    }
  return tokens;
}

typedef struct {
  GPtrArray *a;
  GPtrArray *b;
} TokenPair;

static gboolean
tokens_equal (guint    a_index,
              guint    b_index,
              gpointer user_data)
{
  TokenPair *pair = user_data;

  return strcmp (pair->a->pdata[a_index], pair->b->pdata[b_index]) == 0;
}

static char *
join (GPtrArray *tokens,
      guint      start,
      guint      length)
{
  GString *out = g_string_new (NULL);

  for (guint i = start; i < start + length; i++)
    g_string_append (out, tokens->pdata[i]);
  return g_string_free (out, FALSE);
}

GPtrArray *
icw_text_diff (const char *a,
               const char *b)
{
  g_autoptr(GPtrArray) tokens_a = icw_text_tokens (a);
  g_autoptr(GPtrArray) tokens_b = icw_text_tokens (b);
  TokenPair pair = { tokens_a, tokens_b };
  g_autoptr(GArray) runs = icw_diff_sequences (tokens_a->len, tokens_b->len, tokens_equal, &pair);
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_diff_span_free);

  for (guint i = 0; i < runs->len; i++)
    {
      IcwDiffRun *run = &g_array_index (runs, IcwDiffRun, i);
      IcwDiffSpan *span = g_new0 (IcwDiffSpan, 1);

      span->kind = run->kind;
      span->text = run->kind == ICW_DIFF_INSERTED ? join (tokens_b, run->b_start, run->length)
                                                  : join (tokens_a, run->a_start, run->length);
      g_ptr_array_add (spans, span);
    }
  return spans;
}

void
icw_text_diff_count (GPtrArray *spans,
                     guint     *deleted,
                     guint     *inserted)
{
  guint d = 0, n = 0;

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      IcwDiffSpan *span = spans->pdata[i];

      if (span->kind == ICW_DIFF_DELETED)
        d += (guint) g_utf8_strlen (span->text, -1);
      else if (span->kind == ICW_DIFF_INSERTED)
        n += (guint) g_utf8_strlen (span->text, -1);
    }
  if (deleted != NULL)
    *deleted = d;
  if (inserted != NULL)
    *inserted = n;
}
