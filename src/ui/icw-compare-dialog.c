/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-compare-dialog.c: compares any two versions of an application section by section. Two
 * drop-downs pick the versions (by default the previous one and this one); changed sections are
 * listed first, each with both texts side by side. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-pages.h"
#include "icw-ui-util.h"

typedef struct {
  IcwStore *store;
  GListStore *versions;
  AdwComboRow *left;
  AdwComboRow *right;
  GtkBox *sections;
} CompareDialog;

/* Freed with its window (a weak reference): the window is a plain AdwWindow. */
static void
compare_dialog_free (gpointer  data,
                     GObject  *window)
{
  CompareDialog *compare = data;

  g_clear_object (&compare->store);
  g_clear_object (&compare->versions);
  g_free (compare);
}

static GtkWidget *
text_column (const char *heading,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text != NULL && *text != '\0' ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static char *
version_label (IcwApplication *application)
{
  return g_strdup_printf (_("Version %d (%s)"), icw_application_get_version (application),
                          icw_application_status_to_label (icw_application_get_status (application)));
}

static void
refresh (CompareDialog *compare)
{
  g_autoptr(IcwApplication) a = adw_combo_row_get_selected_item (compare->left) != NULL
                                ? g_object_ref (adw_combo_row_get_selected_item (compare->left)) : NULL;
  g_autoptr(IcwApplication) b = adw_combo_row_get_selected_item (compare->right) != NULL
                                ? g_object_ref (adw_combo_row_get_selected_item (compare->right)) : NULL;
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autofree char *label_a = NULL, *label_b = NULL;
  GtkWidget *child;
  guint changed = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (compare->sections))) != NULL)
    gtk_box_remove (compare->sections, child);
  if (a == NULL || b == NULL)
    return;

  label_a = version_label (a);
  label_b = version_label (b);
  comparisons = icw_application_compare (compare->store, a, b);
  /* Changed sections first: they are what the reader came for. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < comparisons->len; i++)
      {
        IcwSectionComparison *comparison = g_ptr_array_index (comparisons, i);
        GtkWidget *group, *columns;
        g_autofree char *title = NULL;

        if (comparison->changed != (pass == 0))
          continue;
        changed += comparison->changed ? 1 : 0;
        title = comparison->changed ? g_strdup_printf (_("%s — changed"), comparison->title)
                                    : g_strdup_printf (_("%s — unchanged"), comparison->title);
        group = icw_ui_group_new (title, NULL);
        columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
        gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
        if (comparison->changed)
          {
            gtk_box_append (GTK_BOX (columns), text_column (label_a, comparison->text_a));
            gtk_box_append (GTK_BOX (columns), text_column (label_b, comparison->text_b));
          }
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), columns);
        gtk_box_append (compare->sections, group);
      }
  if (changed == 0)
    gtk_box_prepend (compare->sections, gtk_label_new (_("The two versions are the same in every section.")));
}

static AdwComboRow *
version_row (CompareDialog *compare,
             const char    *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (version_label), NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_expression (row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (row, G_LIST_MODEL (compare->versions));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (refresh), compare);
  return row;
}

static int
by_version (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return icw_application_get_version ((IcwApplication *) a) - icw_application_get_version ((IcwApplication *) b);
}

void
icw_application_compare_dialog_present (GtkWidget      *parent,
                                        IcwStore       *store,
                                        IcwApplication *application)
{
  CompareDialog *compare = g_new0 (CompareDialog, 1);
  g_autoptr(GListModel) all = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *pickers = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint position = 0;

  compare->store = g_object_ref (store);
  compare->versions = g_list_store_new (ICW_TYPE_APPLICATION);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IcwApplication) version = g_list_model_get_item (all, i);

      if (g_strcmp0 (icw_application_get_lineage_id (version), icw_application_get_lineage_id (application)) == 0)
        g_list_store_insert_sorted (compare->versions, version, by_version, NULL);
    }
  g_list_store_find (compare->versions, application, &position);

  gtk_window_set_title (GTK_WINDOW (window), _("Compare Versions"));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (parent)));
  g_object_weak_ref (G_OBJECT (window), compare_dialog_free, compare);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (pickers), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (pickers, "boxed-list");
  compare->left = version_row (compare, _("Earlier version"));
  compare->right = version_row (compare, _("Later version"));
  gtk_list_box_append (GTK_LIST_BOX (pickers), GTK_WIDGET (compare->left));
  gtk_list_box_append (GTK_LIST_BOX (pickers), GTK_WIDGET (compare->right));
  compare->sections = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), pickers);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (compare->sections));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (window), content);

  adw_combo_row_set_selected (compare->right, position);
  adw_combo_row_set_selected (compare->left, position > 0 ? position - 1 : 0);
  refresh (compare);
  gtk_window_present (GTK_WINDOW (window));
}
