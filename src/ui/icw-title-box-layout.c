/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-title-box-layout.c: the layout of a libadwaita row's title and subtitle (the vertical box
 * of class "title" in the row's header), which answers its width without the height it is asked
 * for when no label can wrap at that height, and lays its labels out as GtkBox does (it hands
 * every other question to a vertical GtkBoxLayout of its own).
 *
 * Why (issue 20: start-up to the filled first page): GTK 4.8's horizontal box, when it measures
 * its height for a width, asks each child for its width at the child's minimum height, and when
 * it allocates, for its width at the row's height. For the title box that is a question to each
 * wrapping label, and GtkLabel answers a width for a height by laying its text out again and again
 * (a search for the narrowest width that fits): 10-15 layouts per question, for every row at every
 * width tried. Asked for a height at which the labels stand on one line each (the question a
 * header asks when it measures), the answer is their width unwrapped, which GTK has measured
 * already; at a taller height (one a label could wrap in) the box answers as GtkBox does. Asked
 * for its height at a width as wide as its labels unwrapped, it answers their unwrapped heights.
 *
 * GTK asks the same costly question to center a widget (its width at the height it is given:
 * some 20 layouts a row in the editor's first frame), of the title box in the header and of the
 * header in the row. So the title box is filled, not centered, and centers its labels itself
 * (allocate_centered), and the header (IcwRowHeaderLayout) is filled too: the row gives it its
 * natural height anyway. The rows come out exactly as without it: test-ui-title-box.c compares
 * rows with and without it at every width from 300 to 1200 px.
 *
 * Titles wrap between words (icw_title_box_wrap_titles_between_words): libadwaita's row titles
 * wrap "word-char", which at a narrow width breaks a word that does not fit with a hyphen
 * ("Confidentialit-y"); a title label is never narrower than its longest word, so that it breaks
 * between words only, and Chinese, which Pango may break between any two characters, still wraps
 * there. */
#include "config.h"

#include <adwaita.h>

#include "icw-row-header-layout.h"
#include "icw-title-box-layout.h"

struct _IcwTitleBoxLayout
{
  GtkLayoutManager parent_instance;

  GtkLayoutManager *box;   /* a vertical GtkBoxLayout, never attached: it lays out our widget */
  gboolean centers;        /* the box was centered in its header: it is filled, and centers its labels */
};

G_DEFINE_FINAL_TYPE (IcwTitleBoxLayout, icw_title_box_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The labels can wrap or lose lines to an ellipsis only as GtkLabel's plain wrapping does. */
static gboolean
plain_wrapping_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LABEL (child) || gtk_label_get_ellipsize (GTK_LABEL (child)) != PANGO_ELLIPSIZE_NONE
        || gtk_label_get_lines (GTK_LABEL (child)) > 0)
      return FALSE;
  return TRUE;
}

/* The box's size with its labels unwrapped (GTK keeps its children's answers for no given size, so
 * this lays nothing out again). */
static void
measure_unwrapped (IcwTitleBoxLayout *self,
                   GtkWidget         *widget,
                   GtkOrientation     orientation,
                   int               *minimum,
                   int               *natural,
                   int               *minimum_baseline,
                   int               *natural_baseline)
{
  gtk_layout_manager_measure (self->box, widget, orientation, -1, minimum, natural, minimum_baseline, natural_baseline);
}

static void
icw_title_box_layout_measure (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              GtkOrientation    orientation,
                              int               for_size,
                              int              *minimum,
                              int              *natural,
                              int              *minimum_baseline,
                              int              *natural_baseline)
{
  IcwTitleBoxLayout *self = ICW_TITLE_BOX_LAYOUT (manager);

  if (for_size >= 0 && plain_wrapping_labels (widget))
    {
      int min, natural_width;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          int natural_height;

          /* No taller than the labels on one line each: none can wrap, so the narrowest width
           * that fits is the width of the labels unwrapped. (At a taller height GtkBox may let
           * them wrap into the room: it answers that itself, below.) */
          measure_unwrapped (self, widget, GTK_ORIENTATION_VERTICAL, &min, &natural_height, NULL, NULL);
          if (for_size <= natural_height)
            {
              measure_unwrapped (self, widget, GTK_ORIENTATION_HORIZONTAL, &min, natural, NULL, NULL);
              *minimum = *natural;
              *minimum_baseline = *natural_baseline = -1;
              return;
            }
        }
      else
        {
          /* As wide as the widest label unwrapped or wider: none wraps, so the heights are the
           * unwrapped ones, which GTK has measured already. */
          measure_unwrapped (self, widget, GTK_ORIENTATION_HORIZONTAL, &min, &natural_width, NULL, NULL);
          if (for_size >= natural_width)
            {
              measure_unwrapped (self, widget, GTK_ORIENTATION_VERTICAL, minimum, natural, minimum_baseline, natural_baseline);
              return;
            }
        }
    }
  gtk_layout_manager_measure (self->box, widget, orientation, for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

/* Where GTK would have put the labels had the box been centered in the header (valign
 * center, as libadwaita's template has it): GTK measures, to center a widget, its width at the
 * height it is given, the very question this layout cannot answer without laying the labels out
 * again and again (at a height taller than its labels, they could wrap into the room). The box is
 * filled instead (icw_title_box_layout_install), and centers its labels itself, at their natural
 * heights for its width, one under the other as GtkBox puts them when it has just their height
 * (every kind of label: an ellipsized subtitle too). */
static void
allocate_centered (IcwTitleBoxLayout *self,
                   GtkWidget         *widget,
                   int                width,
                   int                height,
                   int                natural_height)
{
  int n = 0, sum = 0, spacing = 0, y = (height - natural_height) / 2;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        int min, nat;

        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
        sum += nat;
        n++;
      }
  /* The space between the labels is the box's spacing and its CSS border-spacing (which only
   * GtkBoxLayout reads): what its height has beyond theirs. */
  if (n > 1)
    spacing = (natural_height - sum) / (n - 1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        int min, nat;

        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
        gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, nat }, -1);
        y += nat + spacing;
      }
}

static void
icw_title_box_layout_allocate (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               int               width,
                               int               height,
                               int               baseline)
{
  IcwTitleBoxLayout *self = ICW_TITLE_BOX_LAYOUT (manager);
  int min_height, natural_height, min_baseline, natural_baseline;

  if (self->centers)
    {
      icw_title_box_layout_measure (manager, widget, GTK_ORIENTATION_VERTICAL, width,
                                    &min_height, &natural_height, &min_baseline, &natural_baseline);
      if (height > natural_height)
        {
          allocate_centered (self, widget, width, height, natural_height);
          return;
        }
    }
  gtk_layout_manager_allocate (self->box, widget, width, height, baseline);
}

static void
icw_title_box_layout_dispose (GObject *object)
{
  g_clear_object (&ICW_TITLE_BOX_LAYOUT (object)->box);
  G_OBJECT_CLASS (icw_title_box_layout_parent_class)->dispose (object);
}

static void
icw_title_box_layout_class_init (IcwTitleBoxLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_title_box_layout_dispose;
  layout_class->measure = icw_title_box_layout_measure;
  layout_class->allocate = icw_title_box_layout_allocate;
}

static void
icw_title_box_layout_init (IcwTitleBoxLayout *self)
{
  self->box = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);
}

/* The widest a word of a title is kept whole: a word wider (a long name without spaces, from the
 * data) still wraps inside rather than make its row wider than a 360 px window. */
#define WIDEST_WHOLE_WORD 150

/* The title label is never narrower than its widest word: libadwaita's "word-char" wrapping then
 * breaks it between words only. (PANGO_WRAP_WORD instead would do the same, but a label wrapped so
 * that mixes Chinese and Latin text, as "Recommended by (推荐单位)", answers a wider minimum for a
 * large height than for none, and GTK warns of overlapping widgets.) */
static void
keep_words_whole (GtkLabel *title)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (title), gtk_label_get_text (title));
  PangoRectangle logical;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 0);   /* every break taken: the widest line is the widest word */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  g_object_unref (layout);
  gtk_widget_set_size_request (GTK_WIDGET (title), MIN (logical.width, WIDEST_WHOLE_WORD), -1);
}

static void
on_title_label_changed (GtkLabel   *title,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  keep_words_whole (title);
}

static void
wrap_title_between_words (GtkWidget *title_box)
{
  GtkWidget *title = gtk_widget_get_first_child (title_box);

  if (!GTK_IS_LABEL (title))
    return;
  if (g_object_get_data (G_OBJECT (title), "icw-words-whole") == NULL)
    {
      g_object_set_data (G_OBJECT (title), "icw-words-whole", GINT_TO_POINTER (TRUE));
      g_signal_connect (title, "notify::label", G_CALLBACK (on_title_label_changed), NULL);
    }
  keep_words_whole (GTK_LABEL (title));
}

static GtkWidget *
title_box_of (GtkWidget *row)
{
  for (GtkWidget *header = gtk_widget_get_first_child (row); header != NULL; header = gtk_widget_get_next_sibling (header))
    if (gtk_widget_has_css_class (header, "header"))
      for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title"))
          return child;
  return NULL;
}

/* AdwActionRow's "realize", overridden (every row, of every window and dialog, is realized before
 * it is drawn): its title wraps between words from its first frame. A row measured before (the
 * label's wrap mode changed) is measured again. */
static void
on_action_row_realize (GtkWidget *row)
{
  GtkWidget *title_box = title_box_of (row);

  if (title_box != NULL)
    wrap_title_between_words (title_box);
  g_signal_chain_from_overridden_handler (row);
}

void
icw_title_box_wrap_titles_between_words (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* The class made first: before any widget is, GtkWidget's signals are not there yet. */
      gpointer row_class = g_type_class_ref (ADW_TYPE_ACTION_ROW);

      g_signal_override_class_handler ("realize", ADW_TYPE_ACTION_ROW, G_CALLBACK (on_action_row_realize));
      g_type_class_unref (row_class);
      g_once_init_leave (&done, 1);
    }
}

static void
install_in_header (GtkWidget *header)
{
  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL; child = gtk_widget_get_next_sibling (child))
    /* (GtkBox reads its orientation from its GtkBoxLayout: a box with this layout is not asked.) */
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title")
        && !ICW_IS_TITLE_BOX_LAYOUT (gtk_widget_get_layout_manager (child))
        && gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) == GTK_ORIENTATION_VERTICAL)
      {
        IcwTitleBoxLayout *layout = g_object_new (ICW_TYPE_TITLE_BOX_LAYOUT, NULL);

        gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout->box), gtk_box_get_spacing (GTK_BOX (child)));
        gtk_box_layout_set_baseline_position (GTK_BOX_LAYOUT (layout->box), gtk_box_get_baseline_position (GTK_BOX (child)));
        gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout->box), gtk_box_get_homogeneous (GTK_BOX (child)));
        gtk_widget_set_layout_manager (child, GTK_LAYOUT_MANAGER (layout));
        if (gtk_widget_get_valign (child) == GTK_ALIGN_CENTER)
          {
            layout->centers = TRUE;
            gtk_widget_set_valign (child, GTK_ALIGN_FILL);
          }
        /* The header allocates it without asking its width at the header's height, when it can;
         * and is filled, not centered, in the row, which gives it its natural height anyway
         * (GtkListBox gives a row its height for its width): centering it would ask the same. */
        if (GTK_IS_BOX (header) && !ICW_IS_ROW_HEADER_LAYOUT (gtk_widget_get_layout_manager (header))
            && gtk_orientable_get_orientation (GTK_ORIENTABLE (header)) == GTK_ORIENTATION_HORIZONTAL)
          {
            gtk_widget_set_layout_manager (header, icw_row_header_layout_new (header, child));
            if (gtk_widget_get_valign (header) == GTK_ALIGN_CENTER)
              gtk_widget_set_valign (header, GTK_ALIGN_FILL);
          }
      }
}

void
icw_title_box_layout_install (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_ACTION_ROW (root))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_has_css_class (child, "header"))
          install_in_header (child);
      return;   /* a row's suffixes hold no rows */
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    icw_title_box_layout_install (child);
}
