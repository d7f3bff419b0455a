/* SPDX-License-Identifier: GPL-3.0-or-later */
/* measure-shim.c: an LD_PRELOAD library for finding who makes GTK 4.8 lay text out (issue 20).
 * GTK is linked -Bsymbolic, so its own calls to gtk_widget_measure cannot be interposed: this
 * patches the measure/size_allocate vfuncs of every widget class and the measure/allocate of every
 * layout manager class (when the first window is presented, then from a map hook and a 5 ms timer
 * for classes made later), keeps a stack of the calls, and counts, for every wrapping GtkLabel
 * asked for its width at a given height, the call that started that chain of width-for-height
 * questions; it also times every pango_layout_get_size by the label on the stack, and counts the
 * sizes asked of the editor's containers. At the first paint after IcwCenterEditor is mapped (the
 * filled page) it takes a snapshot; at _exit it writes the snapshot and the totals to $WFH_OUT.
 * Built with the tests (BUILD_DIR/tests/measure-shim.so, so that it keeps compiling as GTK's
 * headers and the warnings move), never loaded by them; analysis only:
 *
 *   WFH_OUT=/tmp/wfh.txt LD_PRELOAD=$PWD/_build/tests/measure-shim.so BENCH_FILLED=1 bench-launch bench-startup-app --db …
 *
 * (bench-startup-app as bench-startup-filled.sh builds it; run it as that script runs it, under
 * xvfb-run with the same environment.) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <unistd.h>

typedef struct { gpointer obj; GType type; int op; int orient; int for_size; GTypeClass *cls; gpointer fn; } Frame;
enum { OP_MEASURE, OP_ALLOC, OP_LM_MEASURE, OP_LM_ALLOC };
static const char *op_names[] = { "measure", "allocate", "lm-measure", "lm-allocate" };
static Frame stack[4096];
static int depth;
static GHashTable *orig_measure, *orig_alloc, *orig_lm_measure, *orig_lm_alloc;
static GHashTable *counts;     /* "originator | chain top" -> count */
static GHashTable *askers;     /* direct asker -> count */
static guint n_label_wfh, n_label_all;
static gboolean installed;
static GHashTable *per_label;   /* label text -> layouts */
static guint n_layouts;
static guint total_us;
#include <time.h>
static char *snapshot;
static GtkWidget *cur_label (void)
{
  for (int i = depth - 1; i >= 0; i--)
    if (stack[i].op == OP_MEASURE && GTK_IS_LABEL (stack[i].obj))
      return stack[i].obj;
  return NULL;
}
void
pango_layout_get_size (PangoLayout *layout, int *w, int *h)
{
  static void (*real) (PangoLayout *, int *, int *);
  if (real == NULL)
    real = dlsym (RTLD_NEXT, "pango_layout_get_size");
  if (installed)
    {
      struct timespec a, b;
      GtkWidget *l = cur_label ();
      char k[128];
      n_layouts++;
      if (l != NULL)
        {
          const char *t = gtk_label_get_text (GTK_LABEL (l));
          snprintf (k, sizeof k, "%s%.40s", gtk_label_get_wrap (GTK_LABEL (l)) ? "[wrap] " : "", t ? t : "");
        }
      else
        snprintf (k, sizeof k, "(no label on the stack)");
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &a);
      real (layout, w, h);
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &b);
      {
        guint us = (b.tv_sec - a.tv_sec) * 1000000 + (b.tv_nsec - a.tv_nsec) / 1000;
        char k2[160];
        snprintf (k2, sizeof k2, "us %s", k);
        g_hash_table_insert (per_label, g_strdup (k), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_label, k)) + 1));
        g_hash_table_insert (per_label, g_strdup (k2), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_label, k2)) + us));
        total_us += us;
      }
      return;
    }
  real (layout, w, h);
}
static void dump_to (FILE *f);
static void
on_filled_paint (GdkFrameClock *clock, gpointer d)
{
  char *buf = NULL; size_t len = 0;
  FILE *f;
  if (snapshot != NULL)
    return;
  f = open_memstream (&buf, &len);
  dump_to (f);
  fclose (f);
  snapshot = buf;
}

static gpointer
find_orig (GHashTable *table, GTypeClass *cls, gpointer not_this)
{
  for (GType t = G_TYPE_FROM_CLASS (cls); t != 0; t = g_type_parent (t))
    {
      gpointer c = g_type_class_peek (t);
      gpointer fn = c ? g_hash_table_lookup (table, c) : NULL;
      if (fn != NULL && fn != not_this)
        return fn;
    }
  return NULL;
}

static gpointer
resolve (GHashTable *table, gpointer obj, int op, GTypeClass **cls_out)
{
  GTypeClass *cls = G_TYPE_INSTANCE_GET_CLASS (obj, G_TYPE_FROM_INSTANCE (obj), GTypeClass);
  gpointer not_this = NULL;
  if (depth > 0 && stack[depth - 1].obj == obj && stack[depth - 1].op == op)
    {
      /* a chain-up: the parent class of the running one */
      GType p = g_type_parent (G_TYPE_FROM_CLASS (stack[depth - 1].cls));
      cls = g_type_class_peek (p);
      not_this = stack[depth - 1].fn;
    }
  *cls_out = cls;
  return find_orig (table, cls, not_this);
}

static void
note_label (void)
{
  int i = depth - 1;  /* the label's frame */
  int j = i;
  char key[512];
  while (j - 1 >= 0 && (stack[j - 1].op == OP_MEASURE || stack[j - 1].op == OP_LM_MEASURE)
         && stack[j - 1].orient == GTK_ORIENTATION_HORIZONTAL && stack[j - 1].for_size >= 0)
    j--;
  /* frames j..i are the width-for-height chain; j-1 the originator */
  if (j - 1 >= 0)
    {
      Frame *o = &stack[j - 1];
      snprintf (key, sizeof key, "%s %s(%s,%d) -> chain top %s [chain len %d]", g_type_name (o->type), op_names[o->op],
                o->orient == 0 ? "H" : "V", o->for_size, g_type_name (stack[j].type), i - j + 1);
      /* strip the for_size from the key for counting */
    }
  else
    snprintf (key, sizeof key, "(none) chain top %s", g_type_name (stack[j].type));
  {
    char k2[512];
    Frame *o = j - 1 >= 0 ? &stack[j - 1] : NULL;
    GtkWidget *lab = stack[i].obj;
    GtkWidget *par = gtk_widget_get_parent (lab);
    snprintf (k2, sizeof k2, "%s %s(%s) -> top %s [label parent lm %s, for %d] %.20s", o ? g_type_name (o->type) : "-", o ? op_names[o->op] : "-",
              o ? (o->orient == 0 ? "H" : "V") : "-", g_type_name (stack[j].type),
              par && gtk_widget_get_layout_manager (par) ? G_OBJECT_TYPE_NAME (gtk_widget_get_layout_manager (par)) : "-", stack[j].for_size, gtk_label_get_text (GTK_LABEL (lab)));
    g_hash_table_insert (counts, g_strdup (k2), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k2)) + 1));
  }
  if (i >= 1)
    {
      char k3[256];
      snprintf (k3, sizeof k3, "%s %s", g_type_name (stack[i - 1].type), op_names[stack[i - 1].op]);
      g_hash_table_insert (askers, g_strdup (k3), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (askers, k3)) + 1));
    }
}

typedef void (*MeasureFn) (GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);
typedef void (*AllocFn) (GtkWidget *, int, int, int);
typedef void (*LmMeasureFn) (GtkLayoutManager *, GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);
typedef void (*LmAllocFn) (GtkLayoutManager *, GtkWidget *, int, int, int);

static void scan (void);

static GHashTable *sizes_asked;
static void
note_size (GtkWidget *w, GtkOrientation o, int for_size, const char *op)
{
  const char *n = G_OBJECT_TYPE_NAME (w);
  char k[200];
  if (!(g_str_has_prefix (n, "Icw") || g_str_has_prefix (n, "AdwPref") || g_str_has_prefix (n, "AdwLeaf")
        || g_str_has_prefix (n, "AdwClamp") || g_str_equal (n, "GtkScrolledWindow") || g_str_equal (n, "GtkViewport") || g_str_equal (n, "GtkListView")))
    return;
  snprintf (k, sizeof k, "%s %s %s %d", n, op, o == 0 ? "H" : "V", for_size);
  g_hash_table_insert (sizes_asked, g_strdup (k), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes_asked, k)) + 1));
}
static void
w_measure (GtkWidget *w, GtkOrientation o, int for_size, int *a, int *b, int *c, int *d)
{
  GTypeClass *cls;
  MeasureFn fn = resolve (orig_measure, w, OP_MEASURE, &cls);
  if (depth == 0 || stack[depth - 1].obj != w)
    note_size (w, o, for_size, "measure");
  stack[depth++] = (Frame) { w, G_OBJECT_TYPE (w), OP_MEASURE, o, for_size, cls, fn };
  if (GTK_IS_LABEL (w) && (depth < 2 || stack[depth - 2].obj != w))
    {
      n_label_all++;
      if (o == GTK_ORIENTATION_HORIZONTAL && for_size >= 0 && gtk_label_get_wrap (GTK_LABEL (w)))
        {
          n_label_wfh++;
          note_label ();
        }
    }
  fn (w, o, for_size, a, b, c, d);
  depth--;
}

static void
w_alloc (GtkWidget *w, int width, int height, int baseline)
{
  GTypeClass *cls;
  AllocFn fn = resolve (orig_alloc, w, OP_ALLOC, &cls);
  if (depth == 0 || stack[depth - 1].obj != w)
    note_size (w, 0, width, "allocate");
  stack[depth++] = (Frame) { w, G_OBJECT_TYPE (w), OP_ALLOC, -1, -1, cls, fn };
  fn (w, width, height, baseline);
  depth--;
}

static void
lm_measure (GtkLayoutManager *m, GtkWidget *w, GtkOrientation o, int for_size, int *a, int *b, int *c, int *d)
{
  GTypeClass *cls;
  LmMeasureFn fn = resolve (orig_lm_measure, m, OP_LM_MEASURE, &cls);
  note_size (w, o, for_size, "lm-measure");
  stack[depth++] = (Frame) { m, G_OBJECT_TYPE (w), OP_LM_MEASURE, o, for_size, cls, fn };
  fn (m, w, o, for_size, a, b, c, d);
  depth--;
}

static void
lm_alloc (GtkLayoutManager *m, GtkWidget *w, int width, int height, int baseline)
{
  GTypeClass *cls;
  LmAllocFn fn = resolve (orig_lm_alloc, m, OP_LM_ALLOC, &cls);
  note_size (w, 0, width, "lm-allocate");
  stack[depth++] = (Frame) { m, G_OBJECT_TYPE (w), OP_LM_ALLOC, -1, -1, cls, fn };
  fn (m, w, width, height, baseline);
  depth--;
}

static void
patch_tree (GType t)
{
  gpointer c = g_type_class_peek (t);
  GType *kids;
  guint n;

  if (c != NULL)
    {
      if (g_type_is_a (t, GTK_TYPE_WIDGET))
        {
          GtkWidgetClass *wc = c;
          if (!g_hash_table_contains (orig_measure, c))
            {
              if (wc->measure != (gpointer) w_measure)
                g_hash_table_insert (orig_measure, c, wc->measure);
              else
                g_hash_table_insert (orig_measure, c, NULL);
              if (wc->size_allocate != (gpointer) w_alloc)
                g_hash_table_insert (orig_alloc, c, wc->size_allocate);
              wc->measure = w_measure;
              wc->size_allocate = w_alloc;
            }
        }
      else
        {
          GtkLayoutManagerClass *lc = c;
          if (!g_hash_table_contains (orig_lm_measure, c))
            {
              if (lc->measure != (gpointer) lm_measure)
                g_hash_table_insert (orig_lm_measure, c, lc->measure);
              if (lc->allocate != (gpointer) lm_alloc)
                g_hash_table_insert (orig_lm_alloc, c, lc->allocate);
              lc->measure = lm_measure;
              lc->allocate = lm_alloc;
            }
        }
    }
  kids = g_type_children (t, &n);
  for (guint i = 0; i < n; i++)
    patch_tree (kids[i]);
  g_free (kids);
}

static void
scan (void)
{
  if (depth > 0)
    return;   /* only between layouts */
  patch_tree (GTK_TYPE_WIDGET);
  patch_tree (GTK_TYPE_LAYOUT_MANAGER);
}

static gboolean
on_map_hook (GSignalInvocationHint *h, guint n, const GValue *p, gpointer d)
{
  GtkWidget *w = g_value_get_object (&p[0]);
  if (snapshot == NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (w), "IcwCenterEditor") == 0)
    g_signal_connect (gtk_widget_get_frame_clock (w), "after-paint", G_CALLBACK (on_filled_paint), NULL);
  scan ();
  return TRUE;
}

static gboolean
tick (gpointer d)
{
  scan ();
  return G_SOURCE_CONTINUE;
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);
  if (real == NULL)
    real = dlsym (RTLD_NEXT, "gtk_window_present");
  if (!installed)
    {
      installed = TRUE;
      orig_measure = g_hash_table_new (NULL, NULL);
      orig_alloc = g_hash_table_new (NULL, NULL);
      orig_lm_measure = g_hash_table_new (NULL, NULL);
      orig_lm_alloc = g_hash_table_new (NULL, NULL);
      counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      askers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      sizes_asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      per_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      /* classes that exist later: from the map hook and a timer, between layouts */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_LABEL));
      scan ();
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map_hook, NULL, NULL);
      g_timeout_add (5, tick, NULL);
    }
  real (window);
}

static void
dump_table (FILE *f, GHashTable *t)
{
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, t);
  while (g_hash_table_iter_next (&it, &k, &v))
    fprintf (f, "%8u  %s\n", GPOINTER_TO_UINT (v), (char *) k);
}

static void
dump_to (FILE *f)
{
  fprintf (f, "layout-us %u; layouts %u; label measures %u, wrapping labels asked width-for-height %u\n== originators\n", total_us, n_layouts, n_label_all, n_label_wfh);
  dump_table (f, counts);
  fprintf (f, "== direct askers\n");
  dump_table (f, askers);
  fprintf (f, "== sizes asked\n");
  dump_table (f, sizes_asked);
  fprintf (f, "== layouts per label\n");
  dump_table (f, per_label);
}

static void
dump (void)
{
  const char *path = g_getenv ("WFH_OUT");
  FILE *f;
  if (!installed)
    return;
  f = path ? fopen (path, "w") : stderr;
  if (f == NULL)
    return;
  if (snapshot)
    fprintf (f, "######## AT THE FILLED FRAME\n%s\n######## AT THE END\n", snapshot);
  dump_to (f);
  if (path)
    fclose (f);
}

void
_exit (int status)
{
  static void (*real) (int);
  real = dlsym (RTLD_NEXT, "_exit");
  dump ();
  real (status);
  for (;;);
}
