/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-center-fill.c: the center editor's first screen first (issue 20). Given a center before
 * its first frame, the editor shows its name and Basic Information at once, and fills the groups
 * under them (the host company, shareholders, members, platforms, rule packs, reports, readiness
 * and Delete) after that frame, one per frame, top to bottom, until every one is shown with the
 * center; each table's frame is as tall as its rows up to its limit. The rows under the first
 * screen (the host company's, Basic Information's last ones) are built with the first of those
 * groups and show the center's values. What the user types in the first screen before those
 * groups are filled is saved and stays in the entry. No timings: the frames are counted. */
#include "config.h"

#include <adwaita.h>

#include "icw-center-editor.h"
#include "icw-center-links-group.h"
#include "icw-field-row.h"
#include "icw-readiness-group.h"
#include "icw-sample.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

typedef IcwTestSample Fixture;

/* The groups after Basic Information: the host company, shareholders, members, platforms, rule
 * packs, reports, readiness and the Delete button's. */
#define N_BELOW 8

/* The most frames the fill may take: seven steps, one a frame, with room to spare. A frame is
 * waited for by iterating the main loop, without a clock. */
#define MAX_FRAMES 60

/* The rows of Basic Information before the editor's first frame (icw-center-editor.c). */
#define FIRST_SCREEN_ROWS 13

static GtkWidget *
find_one (GtkWidget *editor,
          GType      type,
          guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  icw_test_all_of_type (editor, type, found);
  g_assert_cmpuint (found->len, >, index);
  return found->pdata[index];
}

/* The groups under the first screen, top to bottom: every group of the editor's page after
 * Basic Information (the host company, the tables, platforms, rule packs, reports, readiness and
 * the Delete button's group). */
static guint
below_groups (GtkWidget  *editor,
              GtkWidget **groups,
              guint       size)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  icw_test_all_of_type (editor, ADW_TYPE_PREFERENCES_GROUP, found);
  g_assert_cmpuint (found->len, ==, size + 1);
  g_assert_cmpstr (adw_preferences_group_get_title (found->pdata[0]), ==, "Basic Information");
  for (guint i = 1; i < found->len; i++)
    groups[i - 1] = found->pdata[i];
  return found->len - 1;
}

/* The rows a group has (its own, not those of the lists in it). */
static guint
n_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  icw_test_all_of_type (group, ADW_TYPE_PREFERENCES_ROW, found);
  return found->len;
}

/* The text of the editor's field titled title, or NULL when it has no such field. */
static const char *
field_text (GtkWidget  *editor,
            const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  icw_test_all_of_type (editor, ICW_TYPE_FIELD_ROW, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (found->pdata[i]), title) == 0)
      return gtk_editable_get_text (icw_field_row_get_editable (found->pdata[i]));
  return NULL;
}

/* The links a table's list view shows. */
static guint
n_links (GtkWidget *table)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (find_one (table, GTK_TYPE_LIST_VIEW, 0)));

  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

static guint
n_shown (GtkWidget **groups,
         guint       n)
{
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    shown += gtk_widget_get_visible (groups[i]);
  return shown;
}

typedef struct {
  GtkWidget **groups;
  guint       n;
  guint       frames;
  guint       shown;          /* at the last frame */
  guint       most_per_frame; /* the most groups shown between two frames */
  gboolean    in_order;       /* every shown group is above every hidden one */
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  guint shown = n_shown (frames->groups, frames->n);

  frames->frames++;
  frames->most_per_frame = MAX (frames->most_per_frame, shown - MIN (shown, frames->shown));
  frames->shown = shown;
  for (guint i = 0; i < frames->n; i++)
    if (gtk_widget_get_visible (frames->groups[i]) != (i < shown))
      frames->in_order = FALSE;
}

/* Given a center before its first frame, the editor fills the groups under its first screen
 * after that frame, one a frame, top to bottom; each is shown with the center. A typed name
 * pending when they are filled is neither overwritten nor lost. */
static void
test_first_screen_first (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = icw_center_editor_new (fixture->store, ICW_MONEY_UNIT_WAN);
  GtkWidget *groups[N_BELOW];
  guint n = below_groups (editor, groups, N_BELOW);
  Frames frames = { groups, n, 0, 0, 0, TRUE };
  IcwReadinessGroup *readiness = ICW_READINESS_GROUP (find_one (editor, ICW_TYPE_READINESS_GROUP, 0));
  GtkWidget *basic;
  GtkEditable *name;
  GdkFrameClock *clock;
  gulong handler;
  g_autoptr(IcwRecord) saved = NULL;
  const char *typed = "齐鲁海洋工程装备制造业创新中心（首屏先填）";

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), fixture->center);
  /* Before any frame: the first screen has the center, nothing under it is shown or evaluated. */
  name = icw_field_row_get_editable (ICW_FIELD_ROW (find_one (editor, ICW_TYPE_FIELD_ROW, 0)));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, icw_center_get_name (fixture->center));
  g_assert_cmpuint (n_shown (groups, n), ==, 0);
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (readiness), ==, 0);
  /* Basic Information has the rows of the first screen at 1280×800 (the name and twelve more);
   * the host company's and the others are not built yet. */
  basic = find_one (editor, ADW_TYPE_PREFERENCES_GROUP, 0);
  g_assert_cmpuint (n_rows (basic), ==, FIRST_SCREEN_ROWS);
  g_assert_cmpuint (n_rows (groups[0]), ==, 0);
  g_assert_null (field_text (editor, "Date of recognition"));

  /* The user types a new name into the first screen before the groups are filled. */
  gtk_editable_set_text (name, typed);

  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  /* Until a frame has been drawn with every group shown. */
  while (frames.shown < n && frames.frames < MAX_FRAMES)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  g_assert_cmpuint (n_shown (groups, n), ==, n);
  /* One group a frame, top to bottom, the first after the editor's own first frame (the
   * readiness panel and the Delete button under it come together). */
  g_assert_cmpuint (frames.most_per_frame, <=, 2);
  g_assert_true (frames.in_order);
  g_assert_cmpuint (frames.frames, >=, n - 1);
  /* Each group has the center: the panel evaluated it once, the tables list its links. */
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (readiness), ==, 1);
  g_assert_cmpuint (n_links (find_one (editor, ICW_TYPE_CENTER_LINKS_GROUP, 0)), >, 0);
  g_assert_cmpuint (n_links (find_one (editor, ICW_TYPE_CENTER_LINKS_GROUP, 1)), >, 0);
  /* The rows built after the first frame show the center: the rest of Basic Information and the
   * host company's (two references and three fields). */
  g_assert_cmpuint (n_rows (basic), >, FIRST_SCREEN_ROWS);
  g_assert_cmpuint (n_rows (groups[0]), ==, 5);
  g_assert_cmpstr (field_text (editor, "Date of recognition"), ==, ICW_SAMPLE_RECOGNIZED_ON);
  g_assert_cmpstr (field_text (editor, "Legal form"), ==, icw_center_get_host_legal_form (fixture->center));
  g_assert_cmpstr (field_text (editor, "Legal form"), !=, "");

  /* Each table's frame is as tall as its rows, up to its limit (GTK's list view alone gave it
   * one row's height: the sample's seven shareholders showed as one). */
  for (guint i = 0; i < 20; i++)
    {
      icw_test_ui_iterate ();
      g_usleep (10000);
    }
  for (guint t = 0; t < 2; t++)
    {
      GtkWidget *table = find_one (editor, ICW_TYPE_CENTER_LINKS_GROUP, t);
      GtkWidget *list = find_one (table, GTK_TYPE_LIST_VIEW, 0);
      GtkWidget *first_row = gtk_widget_get_first_child (list);
      guint links = n_links (table);

      g_assert_nonnull (first_row);
      g_assert_cmpint (gtk_widget_get_height (first_row), >, 0);
      g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (list)), >=,
                       MIN ((int) links * gtk_widget_get_height (first_row), 560));
    }
  /* The typed name is still in the entry, and Enter saves it. */
  g_assert_cmpstr (gtk_editable_get_text (name), ==, typed);
  g_signal_emit_by_name (name, "activate");
  saved = icw_store_lookup (fixture->store, ICW_RECORD_KIND_CENTER, icw_record_get_id (ICW_RECORD (fixture->center)), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (icw_center_get_name (ICW_CENTER (saved)), ==, typed);
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (readiness), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A center chosen once the editor has been drawn fills everything at once, as before. */
static void
test_later_center_at_once (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = icw_center_editor_new (fixture->store, ICW_MONEY_UNIT_WAN);
  GtkWidget *groups[N_BELOW];
  guint n = below_groups (editor, groups, N_BELOW);
  g_autoptr(IcwCenter) other = icw_center_new ();

  gtk_window_set_child (GTK_WINDOW (window), editor);
  icw_center_set_name (other, "另一个测试创新中心");
  icw_test_save (fixture->store, other);
  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), other);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < MAX_FRAMES && n_shown (groups, n) < n; i++)
    icw_test_ui_iterate ();
  g_assert_cmpuint (n_shown (groups, n), ==, n);

  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), fixture->center);
  g_assert_cmpuint (n_shown (groups, n), ==, n);
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (ICW_READINESS_GROUP (find_one (editor, ICW_TYPE_READINESS_GROUP, 0))), ==, 2);
  g_assert_cmpuint (n_links (find_one (editor, ICW_TYPE_CENTER_LINKS_GROUP, 0)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add ("/ui-center-fill/first-screen-first", Fixture, NULL, icw_test_sample_set_up, test_first_screen_first,
              icw_test_sample_tear_down);
  g_test_add ("/ui-center-fill/later-center-at-once", Fixture, NULL, icw_test_sample_set_up, test_later_center_at_once,
              icw_test_sample_tear_down);
  return g_test_run ();
}
