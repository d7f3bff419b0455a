/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-background-group.c: one IcwJsonListEditor per party over the store's live list of
 * the agreement's parties. Each list is the party's "background-ip" property (the JSON shape of
 * icw-ip-agreement-parts.h): a positive list, since only the items listed are covered. Every edit
 * saves the party; a refusal is shown beside the list. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-background-group.h"
#include "icw-agreement-party.h"
#include "icw-enums.h"
#include "icw-json-list-editor.h"
#include "icw-ui-util.h"

struct _IcwAgreementBackgroundGroup
{
  GtkBox parent_instance;

  IcwStore *store;
  GListModel *parties;
  GtkListBox *lists;
  AdwStatusPage *empty;
  gboolean editable;
};

G_DEFINE_FINAL_TYPE (IcwAgreementBackgroundGroup, icw_agreement_background_group, GTK_TYPE_BOX)

static const char *const no_choices[] = { NULL };

/* The columns, with the kinds from the core's enumeration (built once, kept for the program's life). */
static const IcwJsonColumn *
background_columns (guint *n_columns)
{
  static IcwJsonColumn columns[] = {
    { "title", N_("Title"), ICW_JSON_COLUMN_TEXT, 0, 0, no_choices, no_choices },
    { "kind", N_("Kind"), ICW_JSON_COLUMN_CHOICE, 0, 0, NULL, NULL },
    { "number", N_("Patent or registration number"), ICW_JSON_COLUMN_TEXT, 0, 0, no_choices, no_choices },
    { "owner", N_("Owner"), ICW_JSON_COLUMN_TEXT, 0, 0, no_choices, no_choices },
  };
  static const char *keys[ICW_N_BACKGROUND_IP_KINDS + 1];
  static const char *labels[ICW_N_BACKGROUND_IP_KINDS + 1];

  if (columns[1].choice_keys == NULL)
    {
      for (guint i = 0; i < ICW_N_BACKGROUND_IP_KINDS; i++)
        {
          keys[i] = icw_background_ip_kind_to_key (i);
          labels[i] = icw_background_ip_kind_to_label (i);
        }
      columns[1].choice_keys = keys;
      columns[1].choice_labels = labels;
    }
  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

/* One party's list: what its "committed" handler saves and where it says why not. Owned by that
 * handler; the group outlives the rows it holds. */
typedef struct
{
  IcwAgreementBackgroundGroup *group;
  IcwAgreementParty           *party;
  GtkLabel                    *error_label;
} PartyList;

static void
party_list_free (gpointer  data,
                 GClosure *closure)
{
  PartyList *list = data;

  g_clear_object (&list->party);
  g_free (list);
}

/* A row's box holds the party's editor, then its error label (create_list). */
static IcwJsonListEditor *
row_editor (GtkListBoxRow *row)
{
  return ICW_JSON_LIST_EDITOR (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));
}

static void
on_committed (IcwJsonListEditor *editor,
              const char        *json,
              PartyList         *list)
{
  IcwAgreementBackgroundGroup *self = list->group;
  IcwAgreementParty *party = list->party;
  g_autofree char *saved = g_strdup (icw_agreement_party_get_background_ip (party));
  g_autoptr(GError) error = NULL;
  GtkLabel *error_label = list->error_label;

  if (self->store == NULL)
    return;
  icw_agreement_party_set_background_ip (party, json);
  if (!icw_store_save (self->store, ICW_RECORD (party), &error))
    {
      icw_agreement_party_set_background_ip (party, saved);
      gtk_label_set_text (error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
}

static void
on_background_notify (IcwAgreementParty *party,
                      GParamSpec        *pspec,
                      IcwJsonListEditor *editor)
{
  icw_json_list_editor_set_json (editor, icw_agreement_party_get_background_ip (party));
}

static GtkWidget *
create_list (gpointer item,
             gpointer user_data)
{
  IcwAgreementBackgroundGroup *self = user_data;
  IcwAgreementParty *party = item;
  g_autofree char *name = icw_ui_organization_name (self->store, icw_agreement_party_get_organization_id (party));
  g_autofree char *description = g_strdup_printf (_("The patents, software copyrights and know-how that %s brings. Only the items listed here are covered by the agreement."),
                                                  name != NULL ? name : "");
  guint n_columns;
  const IcwJsonColumn *columns = background_columns (&n_columns);
  GtkWidget *editor = icw_json_list_editor_new (name != NULL ? name : "", description,
                                                _("_Add Item"), columns, n_columns);
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_list_box_row_new ();
  PartyList *list = g_new0 (PartyList, 1);

  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  list->group = self;
  list->party = g_object_ref (party);
  list->error_label = GTK_LABEL (error_label);
  icw_json_list_editor_set_json (ICW_JSON_LIST_EDITOR (editor), icw_agreement_party_get_background_ip (party));
  g_signal_connect_data (editor, "committed", G_CALLBACK (on_committed), list, party_list_free, 0);
  g_signal_connect_object (party, "notify::background-ip", G_CALLBACK (on_background_notify), editor, 0);
  gtk_box_append (GTK_BOX (box), editor);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_sensitive (box, self->editable);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
update_empty (IcwAgreementBackgroundGroup *self)
{
  gboolean empty = self->parties == NULL || g_list_model_get_n_items (self->parties) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty), empty);
}

void
icw_agreement_background_group_set_agreement (IcwAgreementBackgroundGroup *self,
                                              IcwIpAgreement              *agreement)
{
  g_return_if_fail (ICW_IS_AGREEMENT_BACKGROUND_GROUP (self));

  if (self->parties != NULL)
    g_signal_handlers_disconnect_by_data (self->parties, self);
  g_clear_object (&self->parties);
  if (agreement != NULL)
    self->parties = icw_store_list (self->store, ICW_RECORD_KIND_AGREEMENT_PARTY,
                                    icw_record_get_id (ICW_RECORD (agreement)));
  gtk_list_box_bind_model (self->lists, self->parties, create_list, self, NULL);
  if (self->parties != NULL)
    g_signal_connect_swapped (self->parties, "items-changed", G_CALLBACK (update_empty), self);
  update_empty (self);
}

void
icw_agreement_background_group_set_editable (IcwAgreementBackgroundGroup *self,
                                             gboolean                     editable)
{
  self->editable = editable;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lists));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_sensitive (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), editable);
}

gboolean
icw_agreement_background_group_focus (IcwAgreementBackgroundGroup *self,
                                      guint                        party_index,
                                      guint                        item,
                                      const char                  *member)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lists, party_index);
  IcwJsonListEditor *editor = row != NULL ? row_editor (row) : NULL;

  if (editor == NULL)
    return FALSE;
  if (!icw_json_list_editor_focus (editor, item, member))
    gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
icw_agreement_background_group_dispose (GObject *object)
{
  IcwAgreementBackgroundGroup *self = ICW_AGREEMENT_BACKGROUND_GROUP (object);

  if (self->lists != NULL)
    {
      gtk_list_box_bind_model (self->lists, NULL, NULL, NULL, NULL);
      self->lists = NULL;
    }
  if (self->parties != NULL)
    g_signal_handlers_disconnect_by_data (self->parties, self);
  g_clear_object (&self->parties);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (icw_agreement_background_group_parent_class)->dispose (object);
}

static void
icw_agreement_background_group_class_init (IcwAgreementBackgroundGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_agreement_background_group_dispose;
}

static void
icw_agreement_background_group_init (IcwAgreementBackgroundGroup *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->editable = TRUE;
  self->lists = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->lists, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->lists), "background");
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->empty, _("No Parties Yet"));
  adw_status_page_set_description (self->empty, _("Add the parties first: each lists the background IP it brings."));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->empty));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->lists));
}

GtkWidget *
icw_agreement_background_group_new (IcwStore *store)
{
  IcwAgreementBackgroundGroup *self = g_object_new (ICW_TYPE_AGREEMENT_BACKGROUND_GROUP, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
