/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-report-readiness.c: the readiness to upgrade (icw-readiness.h) on the sample center,
 * and its panel on the center's page (IcwReadinessGroup). The sample center is set building, in a
 * field that already has a national center, so the precondition and the field are
 * missing; recognizing it and moving it to a free field meets both, and the panel, which follows
 * the store, shows two fewer missing. Every condition names its basis. The panel evaluates again
 * after saves of what it reads only (icw_readiness_group_get_n_evaluations counts). In a window
 * on screen the panel evaluates in a frame of its own, then adds its rows one a frame, in order,
 * and an evaluation after a save keeps the rows (frames are counted, nothing is timed); rows still
 * waiting are all shown by a save, and go with the panel when its window is destroyed. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-platform.h"
#include "icw-readiness.h"
#include "icw-readiness-group.h"
#include "icw-resources.h"
#include "icw-sample.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

typedef IcwTestSample Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static IcwReadinessItem *
find_item (GPtrArray  *items,
           const char *rule)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((IcwReadinessItem *) items->pdata[i])->rule, rule) == 0)
      return items->pdata[i];
  g_assert_not_reached ();
}

static GPtrArray *
evaluate (Fixture    *fixture,
          const char *grade,
          gboolean    top)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = icw_readiness_evaluate (fixture->store, fixture->center, NULL, grade, top, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* The field's rankings and platforms move with the center's field (64号 （二） and （三） count the
 * top ten and the platforms of the center's own field), so that only the conditions about the
 * field and the recognition change. */
static void
move_field (Fixture    *fixture,
            const char *from,
            const char *to)
{
  g_autoptr(GListModel) organizations = icw_store_list (fixture->store, ICW_RECORD_KIND_ORGANIZATION, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(IcwOrganization) organization = g_list_model_get_item (organizations, i);
      g_autoptr(GListModel) platforms = icw_store_list (fixture->store, ICW_RECORD_KIND_PLATFORM,
                                                        icw_record_get_id (ICW_RECORD (organization)));

      if (g_strcmp0 (icw_organization_get_top_ten_field (organization), from) == 0)
        {
          icw_organization_set_top_ten_field (organization, to);
          icw_test_save (fixture->store, organization);
        }
      for (guint p = 0; p < g_list_model_get_n_items (platforms); p++)
        {
          g_autoptr(IcwPlatform) platform = g_list_model_get_item (platforms, p);

          if (g_strcmp0 (icw_platform_get_field (platform), from) == 0)
            {
              icw_platform_set_field (platform, to);
              icw_test_save (fixture->store, platform);
            }
        }
    }
  icw_center_set_field (fixture->center, to);
}

/* The starting point: still building, in a field that has a national center. */
static void
building_in_occupied_field (Fixture *fixture)
{
  move_field (fixture, ICW_SAMPLE_FIELD, "智能传感器");
  icw_center_set_status (fixture->center, ICW_CENTER_STATUS_BUILDING);
  icw_test_save (fixture->store, fixture->center);
}

/* Recognized, in the sample's own field, in which no national center is known. */
static void
recognize_in_free_field (Fixture *fixture)
{
  move_field (fixture, "智能传感器", ICW_SAMPLE_FIELD);
  icw_center_set_status (fixture->center, ICW_CENTER_STATUS_RECOGNIZED);
  icw_test_save (fixture->store, fixture->center);
}

static void
test_conditions (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint missing_before;

  building_in_occupied_field (fixture);
  before = evaluate (fixture, NULL, FALSE);
  missing_before = icw_readiness_count_missing (before);

  g_assert_cmpint (find_item (before, "64-provincial-precondition")->state, ==, ICW_READINESS_MISSING);
  g_assert_cmpint (find_item (before, "64-field-occupied")->state, ==, ICW_READINESS_MISSING);
  g_assert_nonnull (strstr (find_item (before, "64-field-occupied")->detail, "国家智能传感器创新中心"));
  /* The application's own rule is left to the application; the layout is said to be unchecked. */
  g_assert_cmpint (find_item (before, "64-platform-certificates")->state, ==, ICW_READINESS_NOT_CHECKED);
  g_assert_cmpint (find_item (before, "field-layout")->state, ==, ICW_READINESS_NOT_CHECKED);
  for (guint i = 0; i < before->len; i++)
    {
      IcwReadinessItem *item = before->pdata[i];

      g_assert_nonnull (item->basis);
      g_assert_cmpuint (strlen (item->basis), >, 10);
      g_assert_nonnull (item->condition);
    }
  g_assert_nonnull (strstr (find_item (before, "64-provincial-precondition")->basis, "64号"));

  recognize_in_free_field (fixture);
  after = evaluate (fixture, NULL, FALSE);
  g_assert_cmpint (find_item (after, "64-provincial-precondition")->state, ==, ICW_READINESS_MET);
  g_assert_cmpint (find_item (after, "64-field-occupied")->state, ==, ICW_READINESS_MET);
  g_assert_null (find_item (after, "64-field-occupied")->detail);
  g_assert_cmpuint (icw_readiness_count_missing (after), ==, missing_before - 2);
}

/* The latest grade: none is a warning, 优秀 is met, a lower grade a warning that names it. */
static void
test_grade (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) none = evaluate (fixture, NULL, FALSE);
  g_autoptr(GPtrArray) top = evaluate (fixture, "优秀 (2025)", TRUE);
  g_autoptr(GPtrArray) pass = evaluate (fixture, "合格 (2025)", FALSE);

  g_assert_cmpint (find_item (none, "latest-grade")->state, ==, ICW_READINESS_WARNING);
  g_assert_cmpint (find_item (top, "latest-grade")->state, ==, ICW_READINESS_MET);
  g_assert_cmpint (find_item (pass, "latest-grade")->state, ==, ICW_READINESS_WARNING);
  g_assert_nonnull (strstr (find_item (pass, "latest-grade")->detail, "合格 (2025)"));
}

static guint
count_rows (GtkWidget *widget,
            const char *name)
{
  guint n = ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, name);
  return n;
}

/* The panel: its rows and its count follow the center as it is saved. */
static void
test_panel_follows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_readiness_group_new (fixture->store);
  guint missing;

  building_in_occupied_field (fixture);
  items = evaluate (fixture, NULL, FALSE);
  gtk_window_set_child (GTK_WINDOW (window), group);
  icw_readiness_group_set_center (ICW_READINESS_GROUP (group), fixture->center);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  missing = icw_readiness_group_get_n_missing (ICW_READINESS_GROUP (group));
  g_assert_cmpuint (missing, ==, icw_readiness_count_missing (items));
  g_assert_cmpuint (missing, >=, 2);
  g_assert_cmpuint (count_rows (group, "64-field-occupied"), ==, 1);
  g_assert_cmpuint (count_rows (group, "latest-grade"), ==, 1);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "64号"));

  recognize_in_free_field (fixture);
  iterate ();
  g_assert_cmpuint (icw_readiness_group_get_n_missing (ICW_READINESS_GROUP (group)), ==, missing - 2);
  /* Rows are replaced, not added to. */
  g_assert_cmpuint (count_rows (group, "64-field-occupied"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

typedef struct {
  GtkWidget *group;
  guint      frames;
  guint      rows;      /* at the last frame */
  guint      most;      /* the most rows added between two frames */
} RowFrames;

static void
on_rows_painted (GdkFrameClock *clock,
                 RowFrames     *frames)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  icw_test_all_of_type (frames->group, ADW_TYPE_ACTION_ROW, rows);
  frames->frames++;
  frames->most = MAX (frames->most, rows->len - MIN (rows->len, frames->rows));
  frames->rows = rows->len;
}

/* Given a center in a window on screen, the panel evaluates at once and adds its rows one a frame
 * after that frame, in the evaluation's order, until it has them all; a save it follows evaluates
 * again and keeps the same rows. */
static void
test_panel_rows_a_few_a_frame (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = evaluate (fixture, NULL, FALSE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) after_save = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_readiness_group_new (fixture->store);
  IcwReadinessGroup *panel = ICW_READINESS_GROUP (group);
  RowFrames frames = { group, 0, 0, 0 };
  GdkFrameClock *clock;
  gulong handler;
  GtkWidget *page = adw_preferences_page_new ();

  /* On a page, as in the center editor. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_rows_painted), &frames);
  for (guint i = 0; i < 60 && frames.frames == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (frames.frames, >, 0);

  icw_readiness_group_set_center (panel, fixture->center);
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (panel), ==, 1);
  /* The evaluation's frame first, without rows. */
  icw_test_all_of_type (group, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), ==, items->len);
  g_assert_cmpuint (icw_readiness_group_get_n_missing (panel), ==, icw_readiness_count_missing (items));
  frames.frames = 0;
  for (guint i = 0; i < 200 && (icw_readiness_group_get_n_waiting (panel) > 0 || frames.rows < items->len); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), ==, 0);
  g_assert_cmpuint (frames.rows, ==, items->len);
  g_assert_cmpuint (frames.most, <=, 1);
  g_assert_cmpuint (frames.frames, >=, items->len);
  g_ptr_array_set_size (rows, 0);
  icw_test_all_of_type (group, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (gtk_widget_get_name (rows->pdata[i]), ==, ((IcwReadinessItem *) items->pdata[i])->rule);

  /* A save the panel follows: evaluated again, the same rows changed in place. */
  icw_center_set_city (fixture->center, "潍坊");
  icw_test_save (fixture->store, fixture->center);
  iterate ();
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (panel), ==, 2);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), ==, 0);
  icw_test_all_of_type (group, ADW_TYPE_ACTION_ROW, after_save);
  g_assert_cmpuint (after_save->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (after_save->pdata[i] == rows->pdata[i]);

  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
count_warning (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        data)
{
  g_test_message ("%s: %s", domain, message);
  (*(guint *) data)++;
}

/* Rows still waiting for frames when something else happens: a save the panel follows evaluates
 * again and shows every row at once, in order, none waiting; a window closed while rows wait
 * takes the panel with it, and the loop runs on without a batch of a panel that is gone. */
static void
test_panel_interrupted (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) items = evaluate (fixture, NULL, FALSE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_readiness_group_new (fixture->store);
  GtkWidget *page = adw_preferences_page_new ();
  IcwReadinessGroup *panel = ICW_READINESS_GROUP (group);
  guint warnings = 0;
  guint handler;

  g_assert_cmpuint (items->len, >, 2);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 60 && !gtk_widget_get_mapped (window); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (window));

  /* A save while rows wait. */
  icw_readiness_group_set_center (panel, fixture->center);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), ==, items->len);
  for (guint i = 0; i < 200 && icw_readiness_group_get_n_waiting (panel) == items->len; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), >, 0);
  icw_center_set_city (fixture->center, "潍坊");
  icw_test_save (fixture->store, fixture->center);
  iterate ();
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (panel), ==, 2);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), ==, 0);
  icw_test_all_of_type (group, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (gtk_widget_get_name (rows->pdata[i]), ==, ((IcwReadinessItem *) items->pdata[i])->rule);

  /* The window closed while rows wait. */
  icw_readiness_group_set_center (panel, NULL);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), ==, 0);
  icw_readiness_group_set_center (panel, fixture->center);
  for (guint i = 0; i < 200 && icw_readiness_group_get_n_waiting (panel) == items->len; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (icw_readiness_group_get_n_waiting (panel), >, 0);
  g_object_add_weak_pointer (G_OBJECT (group), (gpointer *) &group);
  handler = g_log_set_handler ("GLib-GObject", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL, count_warning, &warnings);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_log_remove_handler ("GLib-GObject", handler);
  g_assert_null (group);
  /* Not "no handler with id": the window's frame clock let go of the panel's handler itself. */
  g_assert_cmpuint (warnings, ==, 0);
}

/* The panel evaluates again, once, after saves of what it reads, and not after saves elsewhere:
 * another center, an organization the center does not name, that organization's platform. */
static void
test_panel_ignores_saves_elsewhere (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = icw_readiness_group_new (fixture->store);
  IcwReadinessGroup *panel = ICW_READINESS_GROUP (group);
  g_autoptr(IcwCenter) other = icw_center_new ();
  g_autoptr(IcwOrganization) stranger = NULL;
  g_autoptr(IcwPlatform) platform = icw_platform_new ();
  g_autoptr(IcwRecord) lead = NULL;
  guint n;

  gtk_window_set_child (GTK_WINDOW (window), group);
  icw_readiness_group_set_center (panel, fixture->center);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  n = icw_readiness_group_get_n_evaluations (panel);
  g_assert_cmpuint (n, ==, 1);

  icw_center_set_name (other, "另一个测试创新中心");
  icw_test_save (fixture->store, other);
  stranger = icw_test_save_organization (fixture->store, "与本中心无关的测试单位", NULL);
  icw_platform_set_organization_id (platform, icw_record_get_id (ICW_RECORD (stranger)));
  icw_platform_set_kind (platform, ICW_PLATFORM_KEY_LAB);
  icw_platform_set_name (platform, "无关单位的测试平台");
  icw_platform_set_approved_year (platform, 2015);
  icw_test_save (fixture->store, platform);
  iterate ();
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (panel), ==, n);

  /* The center's lead organization, saved twice before the main loop runs: one evaluation. */
  lead = icw_store_lookup (fixture->store, ICW_RECORD_KIND_ORGANIZATION,
                           icw_center_get_lead_organization_id (fixture->center), NULL);
  g_assert_nonnull (lead);
  icw_organization_set_city (ICW_ORGANIZATION (lead), "烟台");
  icw_test_save (fixture->store, lead);
  icw_organization_set_city (ICW_ORGANIZATION (lead), "威海");
  icw_test_save (fixture->store, lead);
  iterate ();
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (panel), ==, n + 1);
  /* The center itself. */
  icw_center_set_city (fixture->center, "潍坊");
  icw_test_save (fixture->store, fixture->center);
  iterate ();
  g_assert_cmpuint (icw_readiness_group_get_n_evaluations (panel), ==, n + 2);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add ("/ui-report/readiness/conditions", Fixture, NULL, icw_test_sample_set_up, test_conditions, icw_test_sample_tear_down);
  g_test_add ("/ui-report/readiness/grade", Fixture, NULL, icw_test_sample_set_up, test_grade, icw_test_sample_tear_down);
  g_test_add ("/ui-report/readiness/panel-follows", Fixture, NULL, icw_test_sample_set_up, test_panel_follows, icw_test_sample_tear_down);
  g_test_add ("/ui-report/readiness/saves-elsewhere", Fixture, NULL, icw_test_sample_set_up, test_panel_ignores_saves_elsewhere,
              icw_test_sample_tear_down);
  g_test_add ("/ui-report/readiness/rows-a-few-a-frame", Fixture, NULL, icw_test_sample_set_up, test_panel_rows_a_few_a_frame,
              icw_test_sample_tear_down);
  g_test_add ("/ui-report/readiness/interrupted", Fixture, NULL, icw_test_sample_set_up, test_panel_interrupted,
              icw_test_sample_tear_down);
  return g_test_run ();
}
