/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-compare-dialog.c: compares any two versions of an application section by section (a
 * template, resources/ui/icw-compare-dialog.ui). Two drop-downs pick the versions (by default the
 * version a resubmission answers, the last returned one, and this one); changed sections are
 * listed first: a text with both versions side by side, removed words or characters struck
 * through and added ones underlined; a structured part as one table marked cell by cell
 * (icw-compare-marks.h, over src/core/documents/icw-version-diff.h). The reviewer's comments on the
 * earlier version stand at the top (the whole document's) and in the sections they are about. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-lifecycle.h"
#include "icw-compare-dialog.h"
#include "icw-compare-marks.h"
#include "icw-review-comments.h"
#include "icw-ui-util.h"
#include "icw-version-diff.h"

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
text_column (const char  *heading,
             GPtrArray   *spans,
             IcwDiffKind  kept)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), icw_compare_marks_label (spans, kept));
  return box;
}

static char *
version_label (IcwApplication *application)
{
  return g_strdup_printf (_("Version %d (%s)"), icw_application_get_version (application),
                          icw_application_status_to_label (icw_application_get_status (application)));
}

/* The reviewer's comments on the earlier version about one section (or, for NULL, the whole
 * document), in a box beside the section's differences; NULL when there are none. */
static GtkWidget *
comments_box (IcwApplication *earlier,
              GPtrArray      *comments,
              const char     *section_key)
{
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *box, *title, *body;

  if (section_key != NULL)
    text = icw_review_comments_for_section (ICW_RECORD_KIND_APPLICATION, comments, section_key);
  else
    {
      g_autoptr(GPtrArray) general = g_ptr_array_new ();

      for (guint i = 0; i < comments->len; i++)
        if (((IcwReviewComment *) comments->pdata[i])->anchor_kind == ICW_ANCHOR_DOCUMENT)
          g_ptr_array_add (general, comments->pdata[i]);
      text = icw_review_comments_describe (ICW_RECORD_KIND_APPLICATION, general);
    }
  if (text == NULL || *text == '\0')
    return NULL;
  heading = g_strdup_printf (_("Reviewer’s comments on version %d"), icw_application_get_version (earlier));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  title = gtk_label_new (heading);
  body = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "review-comment");
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_name (box, section_key != NULL ? section_key : "document");
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (title, 8);
  gtk_widget_set_margin_bottom (body, 8);
  return box;
}

static GtkWidget *
section_group (IcwSectionDiff *diff,
               IcwApplication *a,
               IcwApplication *b,
               GPtrArray      *comments)
{
  g_autofree char *title = diff->changed ? g_strdup_printf (_("%s — changed"), diff->title)
                                         : g_strdup_printf (_("%s — unchanged"), diff->title);
  GtkWidget *group = icw_ui_group_new (title, NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *comment = comments_box (a, comments, diff->key);

  gtk_widget_set_name (group, diff->key);
  if (comment != NULL)
    gtk_box_append (GTK_BOX (content), comment);
  if (diff->changed && diff->table != NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), icw_compare_marks_table (diff->table));
      gtk_box_append (GTK_BOX (content), scroller);
    }
  else if (diff->changed)
    {
      g_autofree char *label_a = version_label (a);
      g_autofree char *label_b = version_label (b);
      GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

      gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
      gtk_box_append (GTK_BOX (columns), text_column (label_a, diff->spans, ICW_DIFF_DELETED));
      gtk_box_append (GTK_BOX (columns), text_column (label_b, diff->spans, ICW_DIFF_INSERTED));
      gtk_box_append (GTK_BOX (content), columns);
    }
  if (gtk_widget_get_first_child (content) != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);
  else
    g_object_ref_sink (content), g_object_unref (content);
  return group;
}

static void
refresh (IcwCompareDialog *compare)
{
  g_autoptr(IcwApplication) a = adw_combo_row_get_selected_item (compare->left) != NULL
                                ? g_object_ref (adw_combo_row_get_selected_item (compare->left)) : NULL;
  g_autoptr(IcwApplication) b = adw_combo_row_get_selected_item (compare->right) != NULL
                                ? g_object_ref (adw_combo_row_get_selected_item (compare->right)) : NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  GtkWidget *child, *general;
  guint changed = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (compare->sections))) != NULL)
    gtk_box_remove (compare->sections, child);
  if (a == NULL || b == NULL || compare->store == NULL)
    return;

  diffs = icw_application_diff (compare->store, a, b);
  comments = icw_review_comments_read (ICW_RECORD_KIND_APPLICATION, icw_application_get_reviewer_comments (a));
  general = comments_box (a, comments, NULL);
  /* Changed sections first: they are what the reader came for; then the unchanged ones a
   * comment was about; then the rest. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < diffs->len; i++)
      {
        IcwSectionDiff *diff = g_ptr_array_index (diffs, i);
        g_autofree char *about = icw_review_comments_for_section (ICW_RECORD_KIND_APPLICATION, comments, diff->key);
        int wanted = diff->changed ? 0 : about != NULL ? 1 : 2;

        if (wanted != pass)
          continue;
        changed += diff->changed ? 1 : 0;
        gtk_box_append (compare->sections, section_group (diff, a, b, comments));
      }
  if (changed == 0)
    gtk_box_prepend (compare->sections, gtk_label_new (_("The two versions are the same in every section.")));
  else
    {
      GtkWidget *legend = gtk_label_new (_("Removed text is struck through, added text is underlined."));

      gtk_label_set_xalign (GTK_LABEL (legend), 0);
      gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
      gtk_widget_add_css_class (legend, "dim-label");
      gtk_box_prepend (compare->sections, legend);
    }
  if (general != NULL)
    gtk_box_prepend (compare->sections, general);
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

GtkWidget *
icw_application_compare_dialog_present (GtkWidget      *parent,
                                        IcwStore       *store,
                                        IcwApplication *application)
{
  IcwCompareDialog *compare = g_object_new (ICW_TYPE_COMPARE_DIALOG, NULL);
  g_autoptr(GListModel) all = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  g_autoptr(IcwApplication) answered = NULL;
  guint position = 0, earlier = 0;

  compare->store = g_object_ref (store);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IcwApplication) version = g_list_model_get_item (all, i);

      if (g_strcmp0 (icw_application_get_lineage_id (version), icw_application_get_lineage_id (application)) == 0)
        g_list_store_insert_sorted (compare->versions, version, by_version, NULL);
    }
  g_list_store_find (compare->versions, application, &position);
  answered = icw_application_version_answered (G_LIST_MODEL (compare->versions), application);
  if (answered == NULL || !g_list_store_find (compare->versions, answered, &earlier))
    earlier = position > 0 ? position - 1 : 0;
  gtk_window_set_transient_for (GTK_WINDOW (compare), GTK_WINDOW (gtk_widget_get_root (parent)));
  adw_combo_row_set_selected (compare->right, position);
  adw_combo_row_set_selected (compare->left, earlier);
  refresh (compare);
  gtk_window_present (GTK_WINDOW (compare));
  return GTK_WIDGET (compare);
}
