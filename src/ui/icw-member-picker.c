/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-member-picker.c: the chooser of agreement parties: the members in 273号's sense, that is
 * the center's own company (依托公司), its shareholders and its alliance members, as the store and
 * the agreement rules accept them. Each is one button named after its organization (keyboards,
 * screen readers and the end-to-end tests can all activate it), with what it is to the center
 * under the name ("Center's company · Shareholder"); typing in the search entry narrows the list.
 * "chosen" is emitted with the organization's ID and the dialog closes. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-center.h"
#include "icw-enums.h"
#include "icw-shareholder.h"
#include "icw-member-picker.h"
#include "icw-ui-util.h"

struct _IcwMemberPicker
{
  AdwWindow parent_instance;

  IcwStore *store;
  char *center_id;
  GStrv excluded;
  GtkSearchEntry *search;
  GtkListBox *results;
  AdwStatusPage *empty;
};

G_DEFINE_FINAL_TYPE (IcwMemberPicker, icw_member_picker, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "picker.choose" with the member's organization ID: what a result button does. */
static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcwMemberPicker *self = ICW_MEMBER_PICKER (widget);
  g_autofree char *id = g_variant_dup_string (parameter, NULL);

  g_signal_emit (self, signals[CHOSEN], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
result_button (const char *organization_id,
               const char *name,
               const char *what)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *role = gtk_label_new (what);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_add_css_class (role, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), role);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "picker.choose");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", organization_id);
  return button;
}

/* Adds what an organization is to the center to its line, keeping the first-seen order. */
static void
add_candidate (GPtrArray  *order,
               GHashTable *what,
               const char *organization_id,
               const char *role)
{
  GString *text;

  if (organization_id == NULL || *organization_id == '\0')
    return;
  text = g_hash_table_lookup (what, organization_id);
  if (text == NULL)
    {
      text = g_string_new (NULL);
      g_hash_table_insert (what, g_strdup (organization_id), text);
      g_ptr_array_add (order, g_strdup (organization_id));
    }
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, role);
}

static void
free_string (gpointer text)
{
  g_string_free (text, TRUE);
}

/* The parties the store accepts for the center: its company, its shareholders, its members. */
static void
collect_candidates (IcwMemberPicker *self,
                    GPtrArray       *order,
                    GHashTable      *what)
{
  g_autoptr(IcwRecord) center = icw_store_lookup (self->store, ICW_RECORD_KIND_CENTER, self->center_id, NULL);
  g_autoptr(GListModel) holders = icw_store_list (self->store, ICW_RECORD_KIND_SHAREHOLDER, self->center_id);
  g_autoptr(GListModel) members = icw_store_list (self->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, self->center_id);

  if (center != NULL)
    add_candidate (order, what, icw_center_get_host_organization_id (ICW_CENTER (center)),
                   _("Center's company (依托公司)"));
  for (guint i = 0; i < g_list_model_get_n_items (holders); i++)
    {
      g_autoptr(IcwShareholder) holder = g_list_model_get_item (holders, i);

      add_candidate (order, what, icw_shareholder_get_organization_id (holder), _("Shareholder"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);
      g_autofree char *role = g_strdup_printf (_("Alliance member: %s"),
                                               icw_member_role_to_label (icw_alliance_member_get_role (member)));

      add_candidate (order, what, icw_alliance_member_get_organization_id (member), role);
    }
}

static void
refresh (IcwMemberPicker *self)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) what = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
  g_autofree char *query = g_strstrip (g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1));
  guint shown = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  collect_candidates (self, order, what);
  for (guint i = 0; i < order->len; i++)
    {
      const char *org_id = order->pdata[i];
      g_autofree char *name = icw_ui_organization_name (self->store, org_id);
      g_autofree char *folded = NULL;
      GString *text = g_hash_table_lookup (what, org_id);

      if (name == NULL || (self->excluded != NULL && g_strv_contains ((const char * const *) self->excluded, org_id)))
        continue;
      folded = g_utf8_casefold (name, -1);
      if (*query != '\0' && strstr (folded, query) == NULL)
        continue;
      gtk_list_box_append (self->results, result_button (org_id, name, text->str));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty), shown == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->results)), shown > 0);
}

static void
icw_member_picker_dispose (GObject *object)
{
  IcwMemberPicker *self = ICW_MEMBER_PICKER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->center_id, g_free);
  g_clear_pointer (&self->excluded, g_strfreev);
  G_OBJECT_CLASS (icw_member_picker_parent_class)->dispose (object);
}

static void
icw_member_picker_class_init (IcwMemberPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_member_picker_dispose;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  icw_ui_class_add_close_keys (widget_class);
  gtk_widget_class_install_action (widget_class, "picker.choose", "s", choose_activated);
}

static void
icw_member_picker_init (IcwMemberPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search the center's company, shareholders and members"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the center's company, shareholders and members"), -1);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search), 6);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (refresh), self);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->results), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->results), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->results), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->results), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Possible parties"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->empty, _("No Parties to Add"));
  adw_status_page_set_description (self->empty, _("Only the center's company, its shareholders and the members of its alliance can be parties. Record them under Centers."));
  gtk_widget_set_vexpand (GTK_WIDGET (self->empty), TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));
  adw_window_set_content (ADW_WINDOW (self), box);
}

IcwMemberPicker *
icw_member_picker_new (GtkWidget          *parent,
                       IcwStore           *store,
                       const char         *center_id,
                       const char * const *excluded_organization_ids)
{
  IcwMemberPicker *self = g_object_new (ICW_TYPE_MEMBER_PICKER,
                                        "title", _("Add a Party"),
                                        "transient-for", gtk_widget_get_root (parent),
                                        "modal", TRUE,
                                        NULL);

  self->store = g_object_ref (store);
  self->center_id = g_strdup (center_id);
  self->excluded = g_strdupv ((GStrv) excluded_organization_ids);
  refresh (self);
  return self;
}
