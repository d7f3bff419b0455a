/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-row-header-layout.c: the layout of a libadwaita row's header, the horizontal box of the
 * prefixes, the title box and the suffixes. It measures as GtkBox does (a horizontal GtkBoxLayout
 * of its own answers), and allocates as GtkBox does too, but without asking the title box for its
 * width at the header's height when the header is wide enough for every child's natural width with
 * the title unwrapped.
 *
 * Why (issue 20: start-up to the filled first page): GTK 4.8's horizontal box, when it allocates,
 * asks each child for its width at the box's height. The header is taller than the title box (its
 * CSS gives it a minimum height, and the entry or the button beside it is taller), and at a
 * height taller than one line the title box lets its labels wrap into the room: GtkBox searches
 * for the narrowest width at which they fit, and GtkLabel searches again for each label, some 20
 * text layouts a row. When the header can give every child its natural width with the title on
 * one line, GtkBox gives the children other than the title box their natural widths and the title
 * box, the one child that expands, the rest, whatever width the title box answered (it answers no
 * more than its width unwrapped): the same allocation without the question. Otherwise, or when
 * a child is aligned on the baseline, or another child expands, GtkBox's own allocation runs.
 * test-ui-title-box.c compares rows with and without it at every width from 200 to 1200 px. */
#include "config.h"

#include "icw-row-header-layout.h"

struct _IcwRowHeaderLayout
{
  GtkLayoutManager parent_instance;

  GtkLayoutManager *box;    /* a horizontal GtkBoxLayout, never attached: it lays out our widget */
  GtkWidget *title_box;     /* (unowned) the expanding child, a child of the header */
};

G_DEFINE_FINAL_TYPE (IcwRowHeaderLayout, icw_row_header_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
icw_row_header_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  gtk_layout_manager_measure (ICW_ROW_HEADER_LAYOUT (manager)->box, widget, orientation, for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

/* The children GtkBox lays out: visible, and not a popover (a native of its own). */
static gboolean
laid_out (GtkWidget *child)
{
  return gtk_widget_get_visible (child) && !GTK_IS_NATIVE (child);
}

/* What both allocations below need of the children: at most 8, none on the baseline, the title box
 * the one that expands. */
typedef struct
{
  int n;                    /* children laid out */
  int widths[8];            /* each one's natural width at the header's height (the title box: 0) */
  int others;               /* the sum of those, the title box's left out */
  int others_at_height;     /* the sum of their minimum widths at that height */
  int title_min;            /* the title box's minimum width for no given height */
  int title_unwrapped;      /* its natural width for no given height: its labels unwrapped */
  int spacing;              /* between two children */
} HeaderWidths;

/* FALSE when the header is not one the allocations below can lay out (GtkBox's own runs). */
static gboolean
measure_children (IcwRowHeaderLayout *self,
                  GtkWidget          *widget,
                  int                 height,
                  HeaderWidths       *w)
{
  int unwrapped_sum = 0;
  gboolean title_seen = FALSE;

  *w = (HeaderWidths) { 0 };
  if (gtk_box_layout_get_homogeneous (GTK_BOX_LAYOUT (self->box)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, unwrapped, nat;

      if (!laid_out (child))
        continue;
      if (w->n == G_N_ELEMENTS (w->widths) || gtk_widget_get_valign (child) == GTK_ALIGN_BASELINE
          || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL) != (child == self->title_box))
        return FALSE;
      /* Its width for no given height (GTK keeps it). */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &unwrapped, NULL, NULL);
      unwrapped_sum += unwrapped;
      if (child == self->title_box)
        {
          w->title_min = min;
          w->title_unwrapped = unwrapped;
          w->widths[w->n++] = 0;
          title_seen = TRUE;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, height, &min, &nat, NULL, NULL);
          w->widths[w->n++] = nat;
          w->others += nat;
          w->others_at_height += min;
        }
    }
  if (w->n > 1)
    {
      int box_min, box_nat;

      /* The space between children is the box's spacing plus its CSS border-spacing, which only
       * GtkBoxLayout reads: it is what its natural width (from its children's, which GTK keeps)
       * has beyond theirs. */
      gtk_layout_manager_measure (self->box, widget, GTK_ORIENTATION_HORIZONTAL, -1, &box_min, &box_nat, NULL, NULL);
      w->spacing = (box_nat - unwrapped_sum) / (w->n - 1);
    }
  return title_seen;
}

/* The children side by side at their widths, the title box at title_width. */
static void
place_children (IcwRowHeaderLayout *self,
                GtkWidget          *widget,
                const HeaderWidths *w,
                int                 title_width,
                int                 width,
                int                 height,
                int                 baseline)
{
  int n = 0, x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation = { x, 0, 0, height };

      if (!laid_out (child))
        continue;
      allocation.width = child == self->title_box ? title_width : w->widths[n];
      x += allocation.width + w->spacing;
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        allocation.x = width - allocation.x - allocation.width;
      gtk_widget_size_allocate (child, &allocation, baseline);
      n++;
    }
}

/* Two allocations without GtkBox's, each FALSE (nothing allocated) where it does not apply; in both
 * the children other than the title box get their natural widths at this height and the title box,
 * the one child that expands, the rest.
 *
 * The title unwrapped fits (see the top of the file): GtkBox's own allocation, without asking the
 * title box its width at this height (it answers no more than its width unwrapped).
 *
 * The children's widths at this height do not fit: GTK 4.8's GtkBox gives each child at least its
 * width at the box's height, and a title label can answer its whole unwrapped width there: when
 * the line it would wrap to is taller than the first (a Latin title whose Chinese part wraps to a
 * line of the taller CJK font), the height the row was measured for looks too short for two lines.
 * The header then lays out wider than the row, and the title and the switch beside it run past the
 * row's edge (the Jiangsu rule pack's English title at 1280 px). The rest is what the title box had
 * when the row's height was measured (GtkBox measures widths for no height): it wraps there. Not
 * when even its minimum width does not fit. */
static gboolean
allocate_without_gtk_box (IcwRowHeaderLayout *self,
                          GtkWidget          *widget,
                          int                 width,
                          int                 height,
                          int                 baseline)
{
  HeaderWidths w;
  int title_width, title_at_height;

  if (!measure_children (self, widget, height, &w))
    return FALSE;
  title_width = width - w.others - (w.n - 1) * w.spacing;
  if (title_width < w.title_unwrapped)
    {
      if (title_width < w.title_min)
        return FALSE;
      gtk_widget_measure (self->title_box, GTK_ORIENTATION_HORIZONTAL, height, &title_at_height, NULL, NULL, NULL);
      if (w.others_at_height + title_at_height + (w.n - 1) * w.spacing <= width)
        return FALSE;   /* GtkBox fits them */
    }
  place_children (self, widget, &w, title_width, width, height, baseline);
  return TRUE;
}

static void
icw_row_header_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  IcwRowHeaderLayout *self = ICW_ROW_HEADER_LAYOUT (manager);

  if (!allocate_without_gtk_box (self, widget, width, height, baseline))
    gtk_layout_manager_allocate (self->box, widget, width, height, baseline);
}

static void
icw_row_header_layout_dispose (GObject *object)
{
  g_clear_object (&ICW_ROW_HEADER_LAYOUT (object)->box);
  G_OBJECT_CLASS (icw_row_header_layout_parent_class)->dispose (object);
}

static void
icw_row_header_layout_class_init (IcwRowHeaderLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_row_header_layout_dispose;
  layout_class->measure = icw_row_header_layout_measure;
  layout_class->allocate = icw_row_header_layout_allocate;
}

static void
icw_row_header_layout_init (IcwRowHeaderLayout *self)
{
  self->box = gtk_box_layout_new (GTK_ORIENTATION_HORIZONTAL);
}

GtkLayoutManager *
icw_row_header_layout_new (GtkWidget *header,
                           GtkWidget *title_box)
{
  IcwRowHeaderLayout *self;

  g_return_val_if_fail (GTK_IS_BOX (header) && gtk_widget_get_parent (title_box) == header, NULL);

  self = g_object_new (ICW_TYPE_ROW_HEADER_LAYOUT, NULL);
  self->title_box = title_box;
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (self->box), gtk_box_get_spacing (GTK_BOX (header)));
  gtk_box_layout_set_baseline_position (GTK_BOX_LAYOUT (self->box), gtk_box_get_baseline_position (GTK_BOX (header)));
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (self->box), gtk_box_get_homogeneous (GTK_BOX (header)));
  return GTK_LAYOUT_MANAGER (self);
}
