/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-results-group.c: the agreement's "results" property (the JSON shape of
 * icw-ip-agreement-parts.h) as one expander row per result: its title and description, its
 * ownership, the creating party when a party owns it, and one share per party when the parties
 * own it jointly. Every edit saves the whole array at once; a refusal is shown under the list and
 * the agreement keeps its saved results. The list is rebuilt when the parties change or the
 * results change elsewhere, never while the user is editing in it. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-agreement-party.h"
#include "icw-agreement-results-group.h"
#include "icw-choice-factory.h"
#include "icw-enums.h"
#include "icw-expander-list.h"
#include "icw-field-row.h"
#include "icw-ip-agreement-check.h"
#include "icw-ip-agreement-parts.h"
#include "icw-money.h"
#include "icw-ui-util.h"

struct _IcwAgreementResultsGroup
{
  AdwPreferencesGroup parent_instance;

  IcwStore *store;
  IcwIpAgreement *agreement;
  GListModel *parties;
  JsonArray *items;
  GtkListBox *rows;
  GtkLabel *error_label;
  GPtrArray *cells;             /* ResultCell of the rows shown, not owned: their closures own them */
  gboolean updating;
};

/* What one row edits: which result, which member, for which owner. Owned by the row's signal
 * closure, so it lives exactly as long as the row. */
typedef struct
{
  IcwListCell               head;   /* its key is the member */
  IcwAgreementResultsGroup *group;
  char                     *organization_id;
  AdwPreferencesRow        *expander;
} ResultCell;

G_DEFINE_FINAL_TYPE (IcwAgreementResultsGroup, icw_agreement_results_group, ADW_TYPE_PREFERENCES_GROUP)

static void rebuild (IcwAgreementResultsGroup *self);

static gboolean
rebuild_idle (gpointer data)
{
  rebuild (data);
  return G_SOURCE_REMOVE;
}

/* A combo row is not removed from inside its own signal: the rows are rebuilt just after. */
static void
queue_rebuild (IcwAgreementResultsGroup *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, g_object_ref (self), g_object_unref);
}

static void
commit (IcwAgreementResultsGroup *self)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *json = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;
  json_node_set_array (root, self->items);
  json = json_to_string (root, FALSE);
  saved = g_strdup (icw_ip_agreement_get_results (self->agreement));
  self->updating = TRUE;
  icw_ip_agreement_set_results (self->agreement, json);
  if (!icw_store_save (self->store, ICW_RECORD (self->agreement), &error))
    {
      icw_ip_agreement_set_results (self->agreement, saved);
      gtk_label_set_text (self->error_label, error->message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  self->updating = FALSE;
}

static void
cell_free (gpointer  data,
           GClosure *closure)
{
  ResultCell *cell = data;

  g_free (cell->organization_id);
  g_free (cell);
}

/* Connects @handler to @row's @signal with a new cell for (@index, @member); a remove button
 * passes a NULL member and is not listed for focusing. */
static ResultCell *
connect_cell (IcwAgreementResultsGroup *self,
              GtkWidget                *row,
              const char               *signal,
              GCallback                 handler,
              guint                     index,
              const char               *member,
              GtkWidget                *expander)
{
  ResultCell *cell = g_new0 (ResultCell, 1);

  cell->group = self;
  cell->head.index = index;
  cell->head.key = member;
  cell->head.row = row;
  cell->expander = ADW_PREFERENCES_ROW (expander);
  g_signal_connect_data (row, signal, handler, cell, cell_free, 0);
  if (member != NULL)
    g_ptr_array_add (self->cells, cell);
  return cell;
}

static JsonObject *
item_of (ResultCell *cell)
{
  IcwAgreementResultsGroup *self = cell->group;

  return !self->updating && cell->head.index < json_array_get_length (self->items)
         ? json_array_get_object_element (self->items, cell->head.index) : NULL;
}

static void
on_text_committed (IcwFieldRow *row,
                   const char  *text,
                   ResultCell  *cell)
{
  JsonObject *item = item_of (cell);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (item == NULL)
    return;
  json_object_set_string_member (item, cell->head.key, trimmed);
  if (g_str_equal (cell->head.key, "title"))
    adw_preferences_row_set_title (cell->expander, *trimmed != '\0' ? trimmed : _("(not named yet)"));
  commit (cell->group);
}

/* An owner's share, typed as a percentage. */
static void
on_owner_committed (IcwFieldRow *row,
                    const char  *text,
                    ResultCell  *cell)
{
  JsonObject *item = item_of (cell);
  const char *organization_id = cell->organization_id;
  g_autoptr(GError) error = NULL;
  JsonArray *owners;
  JsonObject *owner = NULL;
  gint64 share = 0;

  if (item == NULL)
    return;
  if (*text != '\0' && !icw_basis_points_parse (text, &share, &error))
    {
      icw_field_row_set_error (row, error->message);
      return;
    }
  icw_field_row_set_error (row, NULL);
  if (!json_object_has_member (item, "owners") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (item, "owners")))
    json_object_set_array_member (item, "owners", json_array_new ());
  owners = json_object_get_array_member (item, "owners");
  for (guint i = 0; i < json_array_get_length (owners); i++)
    {
      JsonNode *node = json_array_get_element (owners, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (icw_json_item_text (json_node_get_object (node), "organization_id"), organization_id) == 0)
        owner = json_node_get_object (node);
    }
  if (owner == NULL)
    {
      owner = json_object_new ();
      json_object_set_string_member (owner, "organization_id", organization_id);
      json_array_add_object_element (owners, owner);
    }
  json_object_set_int_member (owner, "share_bp", share);
  commit (cell->group);
}

/* Ownership choices: 0 follows the agreement, then the ownership models. */
static void
on_ownership_selected (AdwComboRow *row,
                       GParamSpec  *pspec,
                       ResultCell  *cell)
{
  IcwAgreementResultsGroup *self = cell->group;
  JsonObject *item = item_of (cell);
  guint selected = adw_combo_row_get_selected (row);

  if (item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == 0)
    json_object_remove_member (item, "ownership");
  else
    json_object_set_string_member (item, "ownership", icw_ip_ownership_to_key (selected - 1));
  commit (self);
  queue_rebuild (self);
}

static void
on_creator_selected (AdwComboRow *row,
                     GParamSpec  *pspec,
                     ResultCell  *cell)
{
  IcwAgreementResultsGroup *self = cell->group;
  JsonObject *item = item_of (cell);
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(IcwAgreementParty) party = NULL;

  if (item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  party = g_list_model_get_item (self->parties, selected);
  if (party == NULL)
    return;
  json_object_set_string_member (item, "creator_id", icw_agreement_party_get_organization_id (party));
  commit (self);
}

static void
on_remove_clicked (GtkButton  *button,
                   ResultCell *cell)
{
  IcwAgreementResultsGroup *self = cell->group;

  if (!self->updating && icw_expander_list_remove (self->items, &cell->head))
    {
      commit (self);
      rebuild (self);
    }
}

static GtkWidget *
text_row (IcwAgreementResultsGroup *self,
          const char               *title,
          JsonObject               *item,
          const char               *member,
          guint                     index,
          GtkWidget                *expander)
{
  GtkWidget *row = icw_field_row_new (title, NULL);

  icw_field_row_set_text (ICW_FIELD_ROW (row), icw_json_item_text (item, member));
  connect_cell (self, row, "committed", G_CALLBACK (on_text_committed), index, member, expander);
  return row;
}

static GtkWidget *
ownership_row (IcwAgreementResultsGroup *self,
               JsonObject               *item,
               guint                     index,
               GtkWidget                *expander)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  IcwIpOwnership own;
  guint selected = 0;

  /* "As the agreement's ownership model", organizations' names: shown whole beside the title. */
  icw_choice_factory_apply (ADW_COMBO_ROW (row));
  gtk_string_list_append (labels, _("As the agreement's ownership model"));
  for (guint i = 0; i < ICW_N_IP_OWNERSHIPS; i++)
    gtk_string_list_append (labels, icw_ip_ownership_to_label (i));
  if (icw_ip_ownership_from_string (icw_json_item_text (item, "ownership"), &own))
    selected = own + 1;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Ownership"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  connect_cell (self, row, "notify::selected", G_CALLBACK (on_ownership_selected), index, "ownership", expander);
  return row;
}

static void
add_party_rows (IcwAgreementResultsGroup *self,
                AdwExpanderRow           *expander,
                JsonObject               *item,
                guint                     index)
{
  IcwIpOwnership ownership = icw_ip_agreement_result_ownership (self->agreement, item);
  guint n = self->parties != NULL ? g_list_model_get_n_items (self->parties) : 0;
  GtkStringList *names = gtk_string_list_new (NULL);
  guint creator = GTK_INVALID_LIST_POSITION;
  GtkWidget *row;

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(IcwAgreementParty) party = g_list_model_get_item (self->parties, p);
      const char *org_id = icw_agreement_party_get_organization_id (party);
      g_autofree char *name = icw_ui_organization_name (self->store, org_id);

      gtk_string_list_append (names, name != NULL ? name : "?");
      if (g_strcmp0 (org_id, icw_json_item_text (item, "creator_id")) == 0)
        creator = p;
      if (ownership == ICW_IP_OWNERSHIP_JOINT)
        {
          g_autofree char *title = g_strdup_printf (_("Share of %s"), name != NULL ? name : "?");
          JsonArray *owners = json_object_has_member (item, "owners") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (item, "owners"))
                              ? json_object_get_array_member (item, "owners") : NULL;
          g_autofree char *shown = NULL;

          for (guint o = 0; owners != NULL && o < json_array_get_length (owners); o++)
            {
              JsonNode *node = json_array_get_element (owners, o);
              if (JSON_NODE_HOLDS_OBJECT (node) &&
                  g_strcmp0 (icw_json_item_text (json_node_get_object (node), "organization_id"), org_id) == 0)
                shown = icw_basis_points_format (icw_json_item_int (json_node_get_object (node), "share_bp"));
            }
          row = icw_field_row_new (title, _("e.g. 50"));
          icw_field_row_set_text (ICW_FIELD_ROW (row), shown);
          connect_cell (self, row, "committed", G_CALLBACK (on_owner_committed), index, "owners",
                        GTK_WIDGET (expander))->organization_id = g_strdup (org_id);
          adw_expander_row_add_row (expander, row);
        }
    }
  if (ownership != ICW_IP_OWNERSHIP_CREATOR || n == 0)
    {
      g_object_unref (names);
      return;
    }
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Created by"));
  icw_choice_factory_apply (ADW_COMBO_ROW (row));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_object_unref (names);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), creator);
  connect_cell (self, row, "notify::selected", G_CALLBACK (on_creator_selected), index, "creator_id",
                GTK_WIDGET (expander));
  adw_expander_row_add_row (expander, row);
}

static void
rebuild (IcwAgreementResultsGroup *self)
{
  GtkWidget *child;
  guint n = json_array_get_length (self->items);
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);
  guint i = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); child != NULL; child = gtk_widget_get_next_sibling (child), i++)
    if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (expanded, GUINT_TO_POINTER (i + 1));

  self->updating = TRUE;
  g_ptr_array_set_size (self->cells, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);
  for (i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (self->items, i);
      const char *title = icw_json_item_text (item, "title");
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), *title != '\0' ? title : _("(not named yet)"));
      GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), *title != '\0' ? title : _("(not named yet)"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (self, _("Result"), item, "title", i, expander));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (self, _("Description"), item, "description", i, expander));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), ownership_row (self, item, i, expander));
      add_party_rows (self, ADW_EXPANDER_ROW (expander), item, i);
      connect_cell (self, remove, "clicked", G_CALLBACK (on_remove_clicked), i, NULL, expander);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), g_hash_table_contains (expanded, GUINT_TO_POINTER (i + 1)));
      gtk_list_box_append (self->rows, expander);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rows), n > 0);
  self->updating = FALSE;
}

/* Shows the agreement's results, unless the user is editing one of them. */
static void
show_results (IcwAgreementResultsGroup *self)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = window != NULL ? gtk_root_get_focus (window) : NULL;

  if (self->updating || self->agreement == NULL ||
      (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->rows))))
    return;
  g_clear_pointer (&self->items, json_array_unref);
  self->items = icw_ip_agreement_parse_results (icw_ip_agreement_get_results (self->agreement), NULL);
  if (self->items == NULL)
    self->items = json_array_new ();
  rebuild (self);
}

static void
on_add_clicked (IcwAgreementResultsGroup *self)
{
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "title", "");
  json_object_set_string_member (item, "description", "");
  json_array_add_object_element (self->items, item);
  commit (self);
  rebuild (self);
  icw_agreement_results_group_focus (self, json_array_get_length (self->items) - 1, "title");
}

gboolean
icw_agreement_results_group_focus (IcwAgreementResultsGroup *self,
                                   guint                     index,
                                   const char               *member)
{
  return icw_expander_list_focus (self->rows, self->cells, index, member);
}

static void
on_parties_changed (IcwAgreementResultsGroup *self)
{
  if (!self->updating)
    rebuild (self);
}

void
icw_agreement_results_group_set_agreement (IcwAgreementResultsGroup *self,
                                           IcwIpAgreement           *agreement)
{
  g_return_if_fail (ICW_IS_AGREEMENT_RESULTS_GROUP (self));

  if (self->agreement != NULL)
    g_signal_handlers_disconnect_by_data (self->agreement, self);
  if (self->parties != NULL)
    g_signal_handlers_disconnect_by_data (self->parties, self);
  g_set_object (&self->agreement, agreement);
  g_clear_object (&self->parties);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (agreement == NULL)
    return;
  self->parties = icw_store_list (self->store, ICW_RECORD_KIND_AGREEMENT_PARTY, icw_record_get_id (ICW_RECORD (agreement)));
  g_signal_connect_swapped (self->parties, "items-changed", G_CALLBACK (on_parties_changed), self);
  g_signal_connect_swapped (agreement, "notify::results", G_CALLBACK (show_results), self);
  /* A result without its own ownership follows the agreement's: its rows change with it. */
  g_signal_connect_swapped (agreement, "notify::ownership", G_CALLBACK (on_parties_changed), self);
  show_results (self);
}

static void
icw_agreement_results_group_dispose (GObject *object)
{
  IcwAgreementResultsGroup *self = ICW_AGREEMENT_RESULTS_GROUP (object);

  /* Rows going away may still commit on losing focus; nothing is left to edit by then. */
  self->updating = TRUE;
  if (self->cells != NULL)
    g_ptr_array_set_size (self->cells, 0);
  if (self->agreement != NULL)
    g_signal_handlers_disconnect_by_data (self->agreement, self);
  if (self->parties != NULL)
    g_signal_handlers_disconnect_by_data (self->parties, self);
  g_clear_object (&self->agreement);
  g_clear_object (&self->parties);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, json_array_unref);

  G_OBJECT_CLASS (icw_agreement_results_group_parent_class)->dispose (object);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
}

static void
icw_agreement_results_group_class_init (IcwAgreementResultsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_agreement_results_group_dispose;
}

static void
icw_agreement_results_group_init (IcwAgreementResultsGroup *self)
{
  g_autofree char *title = g_markup_escape_text (_("Results"), -1);
  g_autofree char *description = g_markup_escape_text (_("The results the joint work is expected to produce, and who owns each. A result follows the agreement's ownership model unless it says otherwise; joint owners' shares must total 100.00%."), -1);
  GtkWidget *add = icw_ui_mnemonic_button_new (_("_Add Result"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  self->items = json_array_new ();
  self->cells = g_ptr_array_new ();
  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->rows), FALSE);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rows));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
}

GtkWidget *
icw_agreement_results_group_new (IcwStore *store)
{
  IcwAgreementResultsGroup *self = g_object_new (ICW_TYPE_AGREEMENT_RESULTS_GROUP, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
