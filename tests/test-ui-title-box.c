/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-title-box.c: IcwTitleBoxLayout (issue 20: start-up to the filled first page), the
 * layout of a row's title and subtitle that answers its width without the height it is asked for.
 * A row with it measures and lays out exactly as the same row without it, at every width from 300
 * to 1200 px (titles and subtitles short, long, English and Chinese; an entry, a button or a
 * drop-down beside them; the labels and the suffixes in the same places); its title box gives the
 * same width for every height and the same height for every width; and in the center editor every
 * row has it once the groups are filled. Titles wrap between words, never inside one
 * ("Confidentialit-y" at 400 px), and Chinese ones still wrap between characters. */
#include "config.h"

#include <adwaita.h>

#include "icw-center-editor.h"
#include "icw-field-row.h"
#include "icw-row-header-layout.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"
#include "icw-title-box-layout.h"

typedef IcwTestSample Fixture;

static const char *titles[] = {
  "Level",
  "Paid-in capital of the host company",
  "Costs and expenses of the center's own research and development, last year, in total",
  "国家级制造业创新中心的培育基础与依托公司的股权结构说明",
};
static const char *subtitles[] = {
  NULL,
  "10k yuan",
  "The company (依托公司) that carries the center as an independent legal person.",
  "牵头单位承担的国家级、省级科研项目及其成果转化情况，按年度列出，附佐证材料编号。",
};

static GtkWidget *
title_box (GtkWidget *row)
{
  for (GtkWidget *header = gtk_widget_get_first_child (row); header != NULL; header = gtk_widget_get_next_sibling (header))
    if (gtk_widget_has_css_class (header, "header"))
      for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_has_css_class (child, "title"))
          return child;
  g_assert_not_reached ();
}

static GtkWidget *
make_row (guint kind,
          guint i)
{
  GtkWidget *row;

  switch (kind)
    {
    case 0:   /* a field: an entry of 240 px */
      row = icw_field_row_new (titles[i], NULL);
      icw_field_row_set_hint (ICW_FIELD_ROW (row), subtitles[i]);
      break;
    case 1:   /* a reference: a button */
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      if (subtitles[i] != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitles[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_button_new_with_label ("Choose…"));
      break;
    case 3:   /* a rule pack: a switch, the subtitle ellipsized after three lines */
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      if (subtitles[i] != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitles[i]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_switch_new ());
      break;
    default:  /* a choice */
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      if (subtitles[i] != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitles[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (row),
                               G_LIST_MODEL (gtk_string_list_new ((const char *[]) { "Provincial", "National (国家级)", NULL })));
      break;
    }
  return row;
}

static void
assert_same_bounds (GtkWidget *a,
                    GtkWidget *row_a,
                    GtkWidget *b,
                    GtkWidget *row_b,
                    int        width)
{
  graphene_rect_t ra, rb;

  g_assert_true (gtk_widget_compute_bounds (a, row_a, &ra));
  g_assert_true (gtk_widget_compute_bounds (b, row_b, &rb));
  if (!graphene_rect_equal (&ra, &rb))
    g_error ("%s at %d px: %g,%g %g×%g without the layout, %g,%g %g×%g with it", G_OBJECT_TYPE_NAME (a), width,
             ra.origin.x, ra.origin.y, ra.size.width, ra.size.height, rb.origin.x, rb.origin.y, rb.size.width, rb.size.height);
}

/* Twin rows, one with the layout: the same heights for every width, the same places for the
 * title, the subtitle and the suffix. */
static void
test_same_rows (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  for (guint kind = 0; kind < 4; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        GtkWidget *plain = make_row (kind, i);
        GtkWidget *with = make_row (kind, i);
        GtkWidget *list_plain = gtk_list_box_new ();
        GtkWidget *list_with = gtk_list_box_new ();

        gtk_list_box_append (GTK_LIST_BOX (list_plain), plain);
        gtk_list_box_append (GTK_LIST_BOX (list_with), with);
        gtk_box_append (GTK_BOX (box), list_plain);
        gtk_box_append (GTK_BOX (box), list_with);
        icw_title_box_layout_install (list_with);
        g_assert_true (ICW_IS_TITLE_BOX_LAYOUT (gtk_widget_get_layout_manager (title_box (with))));
        g_assert_false (ICW_IS_TITLE_BOX_LAYOUT (gtk_widget_get_layout_manager (title_box (plain))));
        icw_test_ui_iterate ();

        for (int width = 300; width <= 1200; width += 10)
          {
            int min_a, nat_a, min_b, nat_b;
            GtkWidget *box_a = title_box (plain), *box_b = title_box (with);

            gtk_widget_measure (plain, GTK_ORIENTATION_VERTICAL, width, &min_a, &nat_a, NULL, NULL);
            gtk_widget_measure (with, GTK_ORIENTATION_VERTICAL, width, &min_b, &nat_b, NULL, NULL);
            if (min_a != min_b || nat_a != nat_b)
              g_error ("row %u/%u at %d px: height %d/%d without the layout, %d/%d with it", kind, i, width,
                       min_a, nat_a, min_b, nat_b);
            gtk_widget_allocate (plain, width, nat_a, -1, NULL);
            gtk_widget_allocate (with, width, nat_b, -1, NULL);
            /* (The title box itself fills the header with the layout: its labels are compared.) */
            for (GtkWidget *a = gtk_widget_get_first_child (box_a), *b = gtk_widget_get_first_child (box_b);
                 a != NULL && b != NULL; a = gtk_widget_get_next_sibling (a), b = gtk_widget_get_next_sibling (b))
              if (gtk_widget_get_visible (a))
                assert_same_bounds (a, plain, b, with, width);
            assert_same_bounds (gtk_widget_get_last_child (gtk_widget_get_parent (box_a)), plain,
                                gtk_widget_get_last_child (gtk_widget_get_parent (box_b)), with, width);
          }
        gtk_box_remove (GTK_BOX (box), list_plain);
        gtk_box_remove (GTK_BOX (box), list_with);
      }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The title box with the layout answers every height as GtkBox does: with its labels' width
 * unwrapped where none can wrap (the answer it gives without laying them out again), as GtkBox
 * itself where one can. Every row kind, every text, heights from 1 to 300 px. */
static void
test_same_widths_for_heights (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  for (guint kind = 0; kind < 3; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        GtkWidget *plain = make_row (kind, i);
        GtkWidget *with = make_row (kind, i);

        gtk_list_box_append (GTK_LIST_BOX (list), plain);
        gtk_list_box_append (GTK_LIST_BOX (list), with);
        icw_title_box_layout_install (with);
        icw_title_box_layout_install (with);   /* twice: the layout is kept, not replaced */
        g_assert_true (ICW_IS_TITLE_BOX_LAYOUT (gtk_widget_get_layout_manager (title_box (with))));
        icw_test_ui_iterate ();
        for (int height = 1; height <= 300; height++)
          {
            int min_a, nat_a, min_b, nat_b;

            gtk_widget_measure (title_box (plain), GTK_ORIENTATION_HORIZONTAL, height, &min_a, &nat_a, NULL, NULL);
            gtk_widget_measure (title_box (with), GTK_ORIENTATION_HORIZONTAL, height, &min_b, &nat_b, NULL, NULL);
            if (min_a != min_b || nat_a != nat_b)
              g_error ("row %u/%u at a height of %d px: width %d/%d without the layout, %d/%d with it", kind, i, height,
                       min_a, nat_a, min_b, nat_b);
          }
        gtk_list_box_remove (GTK_LIST_BOX (list), plain);
        gtk_list_box_remove (GTK_LIST_BOX (list), with);
      }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The title box with the layout gives every width the height GtkBox gives it: its labels'
 * heights unwrapped where each fits on one line (the answer it gives without laying them out at
 * that width), as GtkBox itself where one wraps. Every row kind, every text, widths from 1 to
 * 1200 px. */
static void
test_same_heights_for_widths (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  for (guint kind = 0; kind < 3; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        GtkWidget *plain = make_row (kind, i);
        GtkWidget *with = make_row (kind, i);

        gtk_list_box_append (GTK_LIST_BOX (list), plain);
        gtk_list_box_append (GTK_LIST_BOX (list), with);
        icw_title_box_layout_install (with);
        icw_test_ui_iterate ();
        for (int width = 1; width <= 1200; width++)
          {
            int min_a, nat_a, min_b, nat_b, base_min_a, base_nat_a, base_min_b, base_nat_b;

            gtk_widget_measure (title_box (plain), GTK_ORIENTATION_VERTICAL, width, &min_a, &nat_a, &base_min_a, &base_nat_a);
            gtk_widget_measure (title_box (with), GTK_ORIENTATION_VERTICAL, width, &min_b, &nat_b, &base_min_b, &base_nat_b);
            if (min_a != min_b || nat_a != nat_b || base_min_a != base_min_b || base_nat_a != base_nat_b)
              g_error ("row %u/%u at a width of %d px: height %d/%d (baseline %d/%d) without the layout, %d/%d (%d/%d) with it",
                       kind, i, width, min_a, nat_a, base_min_a, base_nat_a, min_b, nat_b, base_min_b, base_nat_b);
          }
        gtk_list_box_remove (GTK_LIST_BOX (list), plain);
        gtk_list_box_remove (GTK_LIST_BOX (list), with);
      }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every row of the center editor has the layout, those of the groups filled after its first
 * frame included. */
static void
test_center_editor (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = icw_center_editor_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (window), editor);
  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), fixture->center);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 60; i++)
    icw_test_ui_iterate ();

  icw_test_all_of_type (editor, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, >, 20);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];

      if (!ICW_IS_TITLE_BOX_LAYOUT (gtk_widget_get_layout_manager (title_box (row))))
        g_error ("row “%s” (%s) has no IcwTitleBoxLayout", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                 G_OBJECT_TYPE_NAME (row));
      if (!ICW_IS_ROW_HEADER_LAYOUT (gtk_widget_get_layout_manager (gtk_widget_get_parent (title_box (row)))))
        g_error ("row “%s” (%s) has no IcwRowHeaderLayout", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                 G_OBJECT_TYPE_NAME (row));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Where the title label's lines begin: each line after the first must begin a word (follow a
 * space) in English; a Chinese title may break between any two characters. */
static void
assert_title_breaks_between_words (GtkWidget  *row,
                                   const char *title,
                                   int         width)
{
  GtkWidget *label = gtk_widget_get_first_child (title_box (row));
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  int label_width = gtk_widget_get_width (label);

  g_assert_cmpstr (text, ==, title);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle ink, logical;

      pango_layout_line_get_pixel_extents (line, &ink, &logical);
      /* No line wider than the label: a word that does not fit widens the row instead. */
      if (logical.width > label_width)
        g_error ("“%s” at %d px: a line %d px wide in a title of %d px", title, width, logical.width, label_width);
      if (line->start_index > 0 && text[line->start_index - 1] != ' '
          && !g_unichar_iswide (g_utf8_get_char (text + line->start_index)))
        g_error ("“%s” at %d px: a line begins inside a word: “%s”", title, width, text + line->start_index);
    }
}

/* Rows of every kind at every width from the narrowest they take to 600 px: their titles break
 * between words only, and a row is never narrower than its title's longest word. */
static void
test_titles_wrap_between_words (void)
{
  static const char *narrow_titles[] = {
    "Confidentiality (years)",
    "Recommended by (推荐单位)",   /* Chinese and Latin mixed */
    "Costs and expenses of the center's own research and development, last year, in total",
    "国家级制造业创新中心的培育基础与依托公司的股权结构说明",
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  for (guint kind = 0; kind < 3; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (narrow_titles); i++)
      {
        GtkWidget *row = make_row (kind, 0);
        int narrowest, natural, lines_seen = 1;

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), narrow_titles[i]);
        gtk_list_box_append (GTK_LIST_BOX (list), row);
        icw_title_box_layout_install (row);   /* with the layout of the center editor's rows */
        icw_test_ui_iterate ();
        gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &narrowest, &natural, NULL, NULL);
        for (int width = narrowest; width <= 600; width += 2)
          {
            int height;

            gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
            gtk_widget_allocate (row, width, height, -1, NULL);
            assert_title_breaks_between_words (row, narrow_titles[i], width);
            lines_seen = MAX (lines_seen, pango_layout_get_line_count (gtk_label_get_layout (
                                GTK_LABEL (gtk_widget_get_first_child (title_box (row))))));
          }
        /* The long titles did wrap at the narrow widths: what was checked is the wrapping. */
        if (i > 0)
          g_assert_cmpint (lines_seen, >, 1);
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
      }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A rule pack's row whose English title holds its Chinese name: GTK 4.8's box asked the title for
 * its width at the row's height, got the whole title on one line (the wrapped Chinese line is
 * taller than the Latin one) and laid the header out wider than the row, the switch past its edge.
 * With the layout, at every width from 300 to 1200 px, the title and the switch stay inside the
 * row. */
static void
test_title_and_switch_inside_row (void)
{
  static const char *title = "Jiangsu guide to building manufacturing innovation centers (《江苏省制造业创新中心建设工作指南(2025)》)";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  int overflowing_without = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "jiangsu-2025 · Thresholds quoted from a public copy of the guide (https://csjcs.com/news/show/48699612b93ecdea.html); the guide has no document number in that copy. The guide's basic…");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  icw_test_ui_iterate ();
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        icw_title_box_layout_install (list);
      for (int width = 300; width <= 1200; width += 10)
        {
          graphene_rect_t label, sw;
          int height;

          gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
          gtk_widget_allocate (row, width, height, -1, NULL);
          g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_first_child (title_box (row)), row, &label));
          g_assert_true (gtk_widget_compute_bounds (toggle, row, &sw));
          if (pass == 0)
            overflowing_without += sw.origin.x + sw.size.width > width;
          else if (sw.origin.x + sw.size.width > width || label.origin.x + label.size.width > sw.origin.x)
            g_error ("at %d px: the title %g..%g px and the switch %g..%g px in a row of %d px", width,
                     label.origin.x, label.origin.x + label.size.width, sw.origin.x, sw.origin.x + sw.size.width, width);
        }
    }
  /* What is checked is the case GtkBox gets wrong: without the layout the switch did run past. */
  g_assert_cmpint (overflowing_without, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);
  /* As the application does at start-up, before any widget is made. */
  icw_title_box_wrap_titles_between_words ();

  g_test_add_func ("/ui-title-box/same-rows", test_same_rows);
  g_test_add_func ("/ui-title-box/same-widths-for-heights", test_same_widths_for_heights);
  g_test_add_func ("/ui-title-box/same-heights-for-widths", test_same_heights_for_widths);
  g_test_add_func ("/ui-title-box/titles-wrap-between-words", test_titles_wrap_between_words);
  g_test_add_func ("/ui-title-box/title-and-switch-inside-row", test_title_and_switch_inside_row);
  g_test_add ("/ui-title-box/center-editor", Fixture, NULL, icw_test_sample_set_up, test_center_editor,
              icw_test_sample_tear_down);
  return g_test_run ();
}
