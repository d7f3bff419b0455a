/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-about.c: the About window in Chinese, with the build tree's catalogue: its release
 * notes are markup libadwaita can read (the blanks between the notes' elements were once given to
 * gettext, which answers "" with the catalogue's header, and libadwaita refused the notes with a
 * critical), and they are the translated notes, an item with "R&D" in it included. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "icw-about.h"
#include "icw-resources.h"

static void
test_release_notes_in_chinese (void)
{
  g_autofree char *notes = NULL;
  g_autofree char *wrapped = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *about;

  if (g_strcmp0 (_("Innovation Center Workbench"), "Innovation Center Workbench") == 0)
    {
      g_test_skip ("no Chinese catalogue or locale here");
      return;
    }
  about = icw_about_window_new (NULL);
  g_object_get (about, "release-notes", &notes, NULL);
  g_test_message ("release notes: %s", notes);
  g_assert_null (strstr (notes, "Project-Id-Version"));
  g_assert_true (g_str_has_prefix (notes, "<p>"));
  /* Every item translated, "R&D" included (the catalogue spells it "R&amp;D", as the file). */
  g_assert_nonnull (strstr (notes, "<li>创新中心的全职研发人员</li>"));
  wrapped = g_strdup_printf ("<notes>%s</notes>", notes);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("ICW_BUILD_ROOT");
  g_autofree char *localedir = g_build_filename (build_root != NULL ? build_root : ".", "po", NULL);

  /* Chinese messages (the test's environment runs in C.UTF-8, where gettext speaks English). */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "zh_CN.UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  adw_init ();
  icw_register_resource ();

  g_test_add_func ("/ui-about/release-notes-in-chinese", test_release_notes_in_chinese);
  return g_test_run ();
}
