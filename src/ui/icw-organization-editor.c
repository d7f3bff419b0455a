/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-organization-editor.c: an organization's fields (the credit code checked as it is typed),
 * its R&D intensity over three years, where it is used, and its deletion, which the store refuses
 * while a center still uses the organization. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-field-row.h"
#include "icw-organization-editor.h"
#include "icw-record-form.h"
#include "icw-ui-util.h"

struct _IcwOrganizationEditor
{
  AdwBin parent_instance;

  IcwStore *store;
  IcwOrganization *org;
  IcwRecordForm *form;
  AdwPreferencesPage *page;
  GtkWidget *name_row;
  GtkLabel *uses_label;
};

G_DEFINE_FINAL_TYPE (IcwOrganizationEditor, icw_organization_editor, ADW_TYPE_BIN)

static void
show_uses (IcwOrganizationEditor *self)
{
  g_autoptr(GPtrArray) uses = NULL;
  g_autofree char *text = NULL;

  if (self->org == NULL)
    return;
  uses = icw_store_find_uses (self->store, ICW_RECORD (self->org), NULL);
  if (uses == NULL || uses->len == 0)
    {
      gtk_label_set_text (self->uses_label, _("Not used by any center yet."));
      return;
    }
  /* The store's phrases are lower-case to sit inside a sentence ("It cannot be deleted while it
   * is used: …"); as lines of their own each starts with a capital. */
  for (guint i = 0; i < uses->len; i++)
    {
      char *use = g_ptr_array_index (uses, i);
      gunichar first = g_utf8_get_char (use);
      gunichar title = g_unichar_totitle (first);

      if (title != first)
        {
          char head[8] = { 0, };

          g_unichar_to_utf8 (title, head);
          g_ptr_array_index (uses, i) = g_strconcat (head, g_utf8_next_char (use), NULL);
          g_free (use);
        }
    }
  g_ptr_array_add (uses, NULL);
  text = g_strjoinv ("\n", (char **) uses->pdata);
  gtk_label_set_text (self->uses_label, text);
}

static void
on_delete_clicked (IcwOrganizationEditor *self)
{
  g_autofree char *message = NULL;

  if (self->org == NULL)
    return;
  message = g_strdup_printf (_("Organization “%s” deleted"), icw_organization_get_name (self->org));
  icw_ui_delete_with_undo (GTK_WIDGET (self), self->store, ICW_RECORD (self->org), message);
}

static GtkWidget *
group (IcwOrganizationEditor *self,
       const char            *title,
       const char            *description)
{
  GtkWidget *g = icw_ui_group_new (title, description);

  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (g));
  return g;
}

/* Rows under the catalogue's labels (icw-field-catalogue.c). */
static const char * const basic_fields[] = {
  "credit_code", "kind", "province", "city", "legal_representative", "top_ten", "top_ten_field",
  "top_ten_source", NULL
};

static void
add_fields (IcwRecordForm      *form,
            GtkWidget          *group,
            const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               icw_record_form_add_field (form, icw_field_catalogue_find (ICW_RECORD_KIND_ORGANIZATION, names[i]), NULL));
}

static void
build (IcwOrganizationEditor *self)
{
  IcwRecordForm *form = self->form;
  GtkWidget *basic, *rd, *uses, *delete;

  basic = group (self, _("Organization"), NULL);
  self->name_row = icw_record_form_add_text (form, "name", _("Organization name"), ICW_FIELD_TEXT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (basic), self->name_row);
  add_fields (form, basic, basic_fields);

  rd = group (self, _("R&D Intensity"),
              _("R&D spending as a share of revenue over the last three years; provincial guides set thresholds such as 3%."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rd),
                             icw_record_form_add_text (form, "rd-base-year", _("Latest year"), ICW_FIELD_YEAR));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rd),
                             icw_record_form_add_text (form, "rd-intensity-1", _("Two years before"), ICW_FIELD_PERCENT));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rd),
                             icw_record_form_add_text (form, "rd-intensity-2", _("One year before"), ICW_FIELD_PERCENT));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rd),
                             icw_record_form_add_text (form, "rd-intensity-3", _("Latest year's intensity"), ICW_FIELD_PERCENT));

  /* Fields the catalogue gains land in the first group. */
  icw_record_form_add_other_fields (form, ICW_RECORD_KIND_ORGANIZATION, ADW_PREFERENCES_GROUP (basic), NULL);

  uses = group (self, _("Used By"), NULL);
  self->uses_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->uses_label, 0);
  gtk_label_set_wrap (self->uses_label, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (uses), GTK_WIDGET (self->uses_label));

  delete = icw_ui_mnemonic_button_new (_("_Delete Organization"));
  gtk_widget_set_halign (delete, GTK_ALIGN_START);
  gtk_widget_set_margin_top (delete, 12);
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (uses), delete);
}

void
icw_organization_editor_set_organization (IcwOrganizationEditor *self,
                                          IcwOrganization       *org)
{
  g_return_if_fail (ICW_IS_ORGANIZATION_EDITOR (self));

  g_set_object (&self->org, org);
  icw_record_form_set_record (self->form, ICW_RECORD (org));
  show_uses (self);
}

void
icw_organization_editor_focus_name (IcwOrganizationEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (self->name_row))));
}

static void
icw_organization_editor_dispose (GObject *object)
{
  IcwOrganizationEditor *self = ICW_ORGANIZATION_EDITOR (object);

  if (self->form != NULL)
    icw_record_form_flush (self->form);

  G_OBJECT_CLASS (icw_organization_editor_parent_class)->dispose (object);

  g_clear_object (&self->form);
  g_clear_object (&self->org);
  g_clear_object (&self->store);
}

static void
icw_organization_editor_class_init (IcwOrganizationEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_organization_editor_dispose;
}

static void
icw_organization_editor_init (IcwOrganizationEditor *self)
{
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
}

GtkWidget *
icw_organization_editor_new (IcwStore *store)
{
  IcwOrganizationEditor *self = g_object_new (ICW_TYPE_ORGANIZATION_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->form = icw_record_form_new (store, ICW_MONEY_UNIT_WAN);
  build (self);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (show_uses), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
