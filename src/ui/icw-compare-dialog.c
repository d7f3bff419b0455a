/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-compare-dialog.c: compares any two versions of an application section by section (a
 * template, resources/ui/icw-compare-dialog.ui). Two drop-downs pick the versions (by default the
 * previous one and this one); changed sections are listed first, each with both texts side by
 * side. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-lifecycle.h"
#include "icw-compare-dialog.h"
#include "icw-ui-util.h"

struct _IcwCompareDialog
{
  AdwWindow parent_instance;

  IcwStore *store;
  GListStore *versions;
  AdwComboRow *left;
  AdwComboRow *right;
  GtkBox *sections;
};

G_DEFINE_FINAL_TYPE (IcwCompareDialog, icw_compare_dialog, ADW_TYPE_WINDOW)

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
refresh (IcwCompareDialog *compare)
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
  if (a == NULL || b == NULL || compare->store == NULL)
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

static void
set_up_version_row (IcwCompareDialog *self,
                    AdwComboRow      *row)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (version_label), NULL, NULL);

  adw_combo_row_set_expression (row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (row, G_LIST_MODEL (self->versions));
}

static void
icw_compare_dialog_dispose (GObject *object)
{
  IcwCompareDialog *self = ICW_COMPARE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_COMPARE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->versions);
  G_OBJECT_CLASS (icw_compare_dialog_parent_class)->dispose (object);
}

static void
icw_compare_dialog_class_init (IcwCompareDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_compare_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-compare-dialog.ui");
  icw_ui_class_add_close_keys (widget_class);
  gtk_widget_class_bind_template_child (widget_class, IcwCompareDialog, left);
  gtk_widget_class_bind_template_child (widget_class, IcwCompareDialog, right);
  gtk_widget_class_bind_template_child (widget_class, IcwCompareDialog, sections);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
}

static void
icw_compare_dialog_init (IcwCompareDialog *self)
{
  self->versions = g_list_store_new (ICW_TYPE_APPLICATION);
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_version_row (self, self->left);
  set_up_version_row (self, self->right);
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
  IcwCompareDialog *compare = g_object_new (ICW_TYPE_COMPARE_DIALOG, NULL);
  g_autoptr(GListModel) all = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  guint position = 0;

  compare->store = g_object_ref (store);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IcwApplication) version = g_list_model_get_item (all, i);

      if (g_strcmp0 (icw_application_get_lineage_id (version), icw_application_get_lineage_id (application)) == 0)
        g_list_store_insert_sorted (compare->versions, version, by_version, NULL);
    }
  g_list_store_find (compare->versions, application, &position);
  gtk_window_set_transient_for (GTK_WINDOW (compare), GTK_WINDOW (gtk_widget_get_root (parent)));
  adw_combo_row_set_selected (compare->right, position);
  adw_combo_row_set_selected (compare->left, position > 0 ? position - 1 : 0);
  refresh (compare);
  gtk_window_present (GTK_WINDOW (compare));
}
