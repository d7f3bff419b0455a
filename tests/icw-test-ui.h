/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-ui.h: what the window tests in tests/ share (GTK and the ui library; the GLib-only
 * helpers are in icw-test-util.h): the start of a test program that shows widgets, finding
 * widgets and their texts in a widget's tree, and a fixture
 * with the whole workbench running in the process (its application, its window and the sample
 * center loaded into its store). */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-workbench-app.h"

G_BEGIN_DECLS

/* The start of main() for a test of widgets in English: the locale, g_test_init with folders of
 * its own, libadwaita, the program's resources. Criticals are fatal; warnings are not, since a
 * headless machine may lack the SVG loader for libadwaita's icons ("Failed to load icon"). */
void icw_test_ui_init (int    *argc,
                       char ***argv);

/* Runs the main loop a few frames: a page that folds or unfolds does so in its allocation and
 * the window lays out again at the next frame. */
void icw_test_ui_iterate (void);

/* The first widget of TYPE under WIDGET (itself included), depth first, or NULL. */
GtkWidget *icw_test_first_of_type (GtkWidget  *widget,
                                   GType       type);
/* The first widget of TYPE on screen (mapped) under WIDGET (itself included), depth first, or
 * NULL: of a stack's or a leaflet's pages, only the one shown. */
GtkWidget *icw_test_first_shown_of_type (GtkWidget *widget,
                                         GType      type);
/* Every widget of TYPE under WIDGET (itself included), depth first, appended to FOUND (which
 * holds them unowned). */
void       icw_test_all_of_type   (GtkWidget  *widget,
                                   GType       type,
                                   GPtrArray  *found);
/* The texts of the labels under WIDGET (itself included), one a line, appended to TEXTS in their
 * order. */
void       icw_test_label_texts   (GtkWidget  *widget,
                                   GString    *texts);
/* The first combo row under ROOT (itself included) titled TITLE, depth first, or NULL. */
AdwComboRow *icw_test_combo_titled (GtkWidget *root,
                                    const char *title);
/* The first button under WIDGET (itself included) whose label is LABEL, depth first, or NULL. */
GtkWidget *icw_test_find_button   (GtkWidget  *widget,
                                   const char *label);

/* The faults a user would see under ROOT, each appended to FAULTS as a line: a label cut with "…"
 * (unless its text is in ALLOWED_CUT, a NULL-terminated list, or NULL) and a widget past TOP's
 * right edge outside anything that scrolls (test-ui-narrow.c). */
void icw_test_find_cuts (GtkWidget          *root,
                         GtkWidget          *top,
                         const char * const *allowed_cut,
                         GString            *faults);
/* With ICW_SCREENSHOT_DIR set, WIDGET drawn as GTK draws it into
 * ICW_SCREENSHOT_DIR/narrow-NAME-LANGUAGE.png; else nothing. */
void icw_test_save_png  (GtkWidget          *widget,
                         const char         *name);

/* The workbench application, registered (not unique) and activated, its window, and the sample
 * center loaded into its store: a GTest fixture (g_test_add (…, IcwTestWindow, NULL,
 * icw_test_window_set_up, …, icw_test_window_tear_down)). */
typedef struct {
  IcwWorkbenchApp *app;
  GtkWindow       *window;
  IcwCenter       *center;
} IcwTestWindow;

void icw_test_window_set_up    (IcwTestWindow *fixture,
                                gconstpointer  data);
void icw_test_window_tear_down (IcwTestWindow *fixture,
                                gconstpointer  data);

G_END_DECLS
