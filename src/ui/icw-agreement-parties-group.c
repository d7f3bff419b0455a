/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-parties-group.c: two boxed lists over the store's live list of the agreement's
 * parties. "Revenue Shares" has one entry per party; the line under it is recomputed from what is
 * typed on every keystroke (before the pause that saves it), so the user sees the remainder reach
 * zero as they type, and two buttons replace the shares by an equal split or a split in
 * proportion to the contributions (icw-shares.h: integers, largest remainder, always exactly
 * 100.00%). "Parties" has one expander per party: contribution, signatory, signature and seal
 * with their dates. Parties are added from the center's company, its shareholders and its
 * alliance members (icw-member-picker.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-parties-group.h"
#include "icw-agreement-party.h"
#include "icw-field-row.h"
#include "icw-member-picker.h"
#include "icw-record-form.h"
#include "icw-shares.h"
#include "icw-overflow-box.h"
#include "icw-ui-util.h"

struct _IcwAgreementPartiesGroup
{
  GtkBox parent_instance;

  IcwStore *store;
  IcwMoneyUnit money_unit;
  IcwIpAgreement *agreement;
  GListModel *parties;
  GtkListBox *shares_list;
  GtkListBox *details_list;
  GtkLabel *total_label;
  GtkWidget *add_button;
  GtkWidget *split_box;
  char *total_text;
  GPtrArray *party_rows;        /* PartyRow of both lists' rows alive, not owned */
};

G_DEFINE_FINAL_TYPE (IcwAgreementPartiesGroup, icw_agreement_parties_group, GTK_TYPE_BOX)

/* What a row of either list edits: its party through its form, and (details) the field rows by
 * property. Owned by the row's "destroy" handler, so it goes with the row. */
typedef struct
{
  IcwAgreementPartiesGroup *group;
  GtkWidget                *row;
  IcwRecordForm            *form;
  IcwAgreementParty        *party;
  gboolean                  is_share;
  GHashTable               *fields;   /* property → field row, details rows once filled */
  gulong                    notify_id;
} PartyRow;

static void
party_row_free (gpointer  data,
                GClosure *closure)
{
  PartyRow *party_row = data;

  g_clear_object (&party_row->form);
  g_clear_object (&party_row->party);
  g_clear_pointer (&party_row->fields, g_hash_table_unref);
  g_free (party_row);
}

static void
on_party_row_destroy (GtkWidget *row,
                      PartyRow  *party_row)
{
  g_clear_signal_handler (&party_row->notify_id, party_row->party);
  if (party_row->group != NULL && party_row->group->party_rows != NULL)
    g_ptr_array_remove (party_row->group->party_rows, party_row);
  party_row->group = NULL;
}

static PartyRow *
party_row_new (IcwAgreementPartiesGroup *self,
               GtkWidget                *row,
               IcwRecordForm            *form,
               IcwAgreementParty        *party,
               gboolean                  is_share)
{
  PartyRow *party_row = g_new0 (PartyRow, 1);

  party_row->group = self;
  party_row->row = row;
  party_row->form = form;
  party_row->party = g_object_ref (party);
  party_row->is_share = is_share;
  party_row->fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect_data (row, "destroy", G_CALLBACK (on_party_row_destroy), party_row, party_row_free, 0);
  g_ptr_array_add (self->party_rows, party_row);
  return party_row;
}

static PartyRow *
party_row_find (IcwAgreementPartiesGroup *self,
                GtkListBoxRow            *row)
{
  for (guint i = 0; row != NULL && i < self->party_rows->len; i++)
    if (((PartyRow *) g_ptr_array_index (self->party_rows, i))->row == GTK_WIDGET (row))
      return g_ptr_array_index (self->party_rows, i);
  return NULL;
}

char *
icw_agreement_shares_text (const gint64 *shares,
                           guint         n,
                           gboolean     *exact)
{
  gint64 remainder = icw_shares_remainder (shares, n);
  g_autofree char *amount = icw_basis_points_format (remainder < 0 ? -remainder : remainder);

  if (exact != NULL)
    *exact = n > 0 && remainder == 0;
  if (n == 0)
    return g_strdup (_("No parties yet: add the center's company, its shareholders or alliance members"));
  if (remainder == 0)
    return g_strdup (_("Shares total 100.00%"));
  if (remainder > 0)
    /* Translators: what is left to give before the shares total 100%, e.g. "Remainder 0.01%" */
    return g_strdup_printf (_("Remainder %s"), amount);
  /* Translators: e.g. "Over 100.00% by 5.00%" */
  return g_strdup_printf (_("Over 100.00%% by %s"), amount);
}

static void
update_total (IcwAgreementPartiesGroup *self)
{
  g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean exact = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->shares_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      PartyRow *party_row = party_row_find (self, GTK_LIST_BOX_ROW (row));
      IcwAgreementParty *party = party_row != NULL ? party_row->party : NULL;
      gint64 share;

      if (party == NULL)
        continue;
      /* What is typed counts at once; what does not parse yet counts as saved. */
      if (!icw_basis_points_parse (icw_field_row_get_text (ICW_FIELD_ROW (row)), &share, NULL))
        share = icw_agreement_party_get_share_bp (party);
      g_array_append_val (shares, share);
    }
  g_free (self->total_text);
  self->total_text = icw_agreement_shares_text (&g_array_index (shares, gint64, 0), shares->len, &exact);
  gtk_label_set_text (self->total_label, self->total_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), exact ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), exact ? "success" : "error");
  gtk_widget_set_sensitive (self->split_box, shares->len > 0);
}

const char *
icw_agreement_parties_group_get_total_text (IcwAgreementPartiesGroup *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_PARTIES_GROUP (self), NULL);
  return self->total_text;
}

static char *
party_name (IcwAgreementPartiesGroup *self,
            IcwAgreementParty        *party)
{
  char *name = icw_ui_organization_name (self->store, icw_agreement_party_get_organization_id (party));

  return name != NULL ? name : g_strdup (_("(unknown organization)"));
}

/* Revenue shares */

static GtkWidget *
create_share_row (gpointer item,
                  gpointer user_data)
{
  IcwAgreementPartiesGroup *self = user_data;
  IcwAgreementParty *party = item;
  g_autofree char *name = party_name (self, party);
  g_autofree char *accessible = g_strdup_printf (_("Revenue share of %s"), name);
  IcwRecordForm *form = icw_record_form_new (self->store, self->money_unit);
  GtkWidget *row = icw_record_form_add_catalogue (form, ICW_RECORD_KIND_AGREEMENT_PARTY, "share-bp", name);
  GtkEditable *entry = icw_field_row_get_editable (ICW_FIELD_ROW (row));

  icw_field_row_set_hint (ICW_FIELD_ROW (row), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_size_request (GTK_WIDGET (entry), 120, -1);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  icw_record_form_set_record (form, ICW_RECORD (party));
  party_row_new (self, row, form, party, TRUE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (update_total), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (party, "notify::share-bp", G_CALLBACK (update_total), self, G_CONNECT_SWAPPED);
  return row;
}

gboolean
icw_agreement_parties_group_split (IcwAgreementPartiesGroup *self,
                                   gboolean                  by_contribution,
                                   GError                  **error)
{
  guint n = self->parties != NULL ? g_list_model_get_n_items (self->parties) : 0;
  g_autofree gint64 *shares = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *before = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *contributions = g_new0 (gint64, MAX (n, 1));
  gboolean ok;

  icw_agreement_parties_group_flush (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwAgreementParty) party = g_list_model_get_item (self->parties, i);

      contributions[i] = icw_agreement_party_get_contribution_fen (party);
      before[i] = icw_agreement_party_get_share_bp (party);
    }
  if (by_contribution ? !icw_shares_split_by_contribution (contributions, n, shares, error)
                      : !icw_shares_split_equally (n, shares, error))
    return FALSE;

  /* All the shares or none: a half-applied split would be worse than none. */
  ok = icw_store_begin_batch (self->store, error);
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(IcwAgreementParty) party = g_list_model_get_item (self->parties, i);

      icw_agreement_party_set_share_bp (party, shares[i]);
      ok = icw_store_save (self->store, ICW_RECORD (party), error);
    }
  if (ok)
    ok = icw_store_commit_batch (self->store, error);
  if (!ok)
    {
      icw_store_rollback_batch (self->store);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IcwAgreementParty) party = g_list_model_get_item (self->parties, i);
          icw_agreement_party_set_share_bp (party, before[i]);
        }
    }
  update_total (self);
  return ok;
}

static void
split (IcwAgreementPartiesGroup *self,
       gboolean                  by_contribution)
{
  g_autoptr(GError) error = NULL;

  if (!icw_agreement_parties_group_split (self, by_contribution, &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
}

static void
on_split_equally_clicked (IcwAgreementPartiesGroup *self)
{
  split (self, FALSE);
}

static void
on_split_by_contribution_clicked (IcwAgreementPartiesGroup *self)
{
  split (self, TRUE);
}

/* Parties */

static char *
party_subtitle (IcwAgreementPartiesGroup *self,
                IcwAgreementParty        *party)
{
  g_autofree char *amount = icw_money_format_locale (icw_agreement_party_get_contribution_fen (party), self->money_unit, TRUE);
  g_autofree char *contribution = g_strdup_printf (_("Contribution %s %s"), amount, icw_money_unit_symbol (self->money_unit));
  gboolean is_signed = icw_agreement_party_get_signed (party);
  gboolean is_sealed = icw_agreement_party_get_sealed (party);
  const char *state = is_signed && is_sealed ? _("Signed and sealed")
                      : is_signed ? _("Signed, not sealed")
                      : is_sealed ? _("Sealed, not signed") : _("Not signed or sealed");

  /* Translators: contribution · signature state, e.g. "Contribution 100.00 万元 · Signed and sealed" */
  return g_strdup_printf (_("%s · %s"), contribution, state);
}

static void
on_party_notify (IcwAgreementParty *party,
                 GParamSpec        *pspec,
                 PartyRow          *party_row)
{
  g_autofree char *subtitle = NULL;

  if (party_row->group == NULL)
    return;
  subtitle = party_subtitle (party_row->group, party);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (party_row->row), subtitle);
}

static void
fill_details (PartyRow *party_row)
{
  IcwRecordForm *form = party_row->form;
  IcwAgreementParty *party = party_row->party;
  AdwExpanderRow *row = ADW_EXPANDER_ROW (party_row->row);
  /* The catalogue's fields, titled as the agreement's form has them. */
  struct { const char *property; const char *title; } fields[] = {
    { "contribution-fen", N_("Contribution") },
    { "signatory", N_("Signatory") },
    { "signed", N_("Signed") },
    { "signed-date", N_("Date signed") },
    { "sealed", N_("Sealed") },
    { "sealed-date", N_("Date sealed") },
  };

  if (icw_record_form_get_record (form) != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *field = icw_record_form_add_catalogue (form, ICW_RECORD_KIND_AGREEMENT_PARTY, fields[i].property,
                                                        _(fields[i].title));
      adw_expander_row_add_row (row, field);
      g_hash_table_insert (party_row->fields, (gpointer) fields[i].property, field);
    }
  icw_record_form_set_record (form, ICW_RECORD (party));
}

static void
on_details_expanded (AdwExpanderRow *row,
                     GParamSpec     *pspec,
                     PartyRow       *party_row)
{
  if (adw_expander_row_get_expanded (row))
    fill_details (party_row);
}

static void
on_remove_clicked (GtkButton *button,
                   PartyRow  *party_row)
{
  IcwAgreementPartiesGroup *self = party_row->group;

  if (self != NULL)
    icw_ui_delete_with_undo (GTK_WIDGET (self), self->store, ICW_RECORD (party_row->party), _("Party removed"));
}

static GtkWidget *
create_details_row (gpointer item,
                    gpointer user_data)
{
  IcwAgreementPartiesGroup *self = user_data;
  IcwAgreementParty *party = item;
  g_autofree char *name = party_name (self, party);
  g_autofree char *subtitle = party_subtitle (self, party);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);
  PartyRow *party_row;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* The form outlives the row's children; its rows are built when the row is first expanded. */
  party_row = party_row_new (self, row, icw_record_form_new (self->store, self->money_unit), party, FALSE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_details_expanded), party_row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), party_row);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  party_row->notify_id = g_signal_connect (party, "notify", G_CALLBACK (on_party_notify), party_row);
  return row;
}

static void
on_member_chosen (IcwAgreementPartiesGroup *self,
                  const char               *organization_id)
{
  g_autoptr(IcwAgreementParty) party = icw_agreement_party_new ();
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;
  icw_agreement_party_set_agreement_id (party, icw_record_get_id (ICW_RECORD (self->agreement)));
  icw_agreement_party_set_organization_id (party, organization_id);
  if (!icw_store_save (self->store, ICW_RECORD (party), &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
}

static void
on_add_clicked (IcwAgreementPartiesGroup *self)
{
  g_autoptr(GPtrArray) excluded = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  IcwMemberPicker *picker;

  if (self->agreement == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->parties); i++)
    {
      g_autoptr(IcwAgreementParty) party = g_list_model_get_item (self->parties, i);
      g_ptr_array_add (excluded, (gpointer) icw_agreement_party_get_organization_id (party));
    }
  picker = icw_member_picker_new (GTK_WIDGET (self), self->store,
                                  icw_ip_agreement_get_center_id (self->agreement),
                                  (const char * const *) excluded->pdata);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_member_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

/* The group */

void
icw_agreement_parties_group_flush (IcwAgreementPartiesGroup *self)
{
  for (guint i = 0; self->party_rows != NULL && i < self->party_rows->len; i++)
    icw_record_form_flush (((PartyRow *) g_ptr_array_index (self->party_rows, i))->form);
}

gboolean
icw_agreement_parties_group_focus (IcwAgreementPartiesGroup *self,
                                   guint                     index,
                                   const char               *property)
{
  GtkListBoxRow *row;
  PartyRow *party_row;
  GtkWidget *field;

  if (property == NULL || g_str_equal (property, "share-bp"))
    {
      row = gtk_list_box_get_row_at_index (self->shares_list, index);
      if (row == NULL)
        return FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (row))));
      return TRUE;
    }
  row = gtk_list_box_get_row_at_index (self->details_list, index);
  if (row == NULL)
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  party_row = party_row_find (self, row);
  field = party_row != NULL ? g_hash_table_lookup (party_row->fields, property) : NULL;
  if (ICW_IS_FIELD_ROW (field))
    gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (field))));
  else
    gtk_widget_grab_focus (field != NULL ? field : GTK_WIDGET (row));
  return TRUE;
}

void
icw_agreement_parties_group_set_editable (IcwAgreementPartiesGroup *self,
                                          gboolean                  editable)
{
  gtk_widget_set_sensitive (self->add_button, editable);
  gtk_widget_set_visible (self->split_box, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shares_list), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->details_list), editable);
}

void
icw_agreement_parties_group_set_agreement (IcwAgreementPartiesGroup *self,
                                           IcwIpAgreement           *agreement)
{
  g_return_if_fail (ICW_IS_AGREEMENT_PARTIES_GROUP (self));

  if (self->agreement == agreement && agreement != NULL)
    return;
  icw_agreement_parties_group_flush (self);
  if (self->parties != NULL)
    g_signal_handlers_disconnect_by_data (self->parties, self);
  g_set_object (&self->agreement, agreement);
  g_clear_object (&self->parties);
  if (agreement != NULL)
    self->parties = icw_store_list (self->store, ICW_RECORD_KIND_AGREEMENT_PARTY,
                                    icw_record_get_id (ICW_RECORD (agreement)));
  gtk_list_box_bind_model (self->shares_list, self->parties, create_share_row, self, NULL);
  gtk_list_box_bind_model (self->details_list, self->parties, create_details_row, self, NULL);
  if (self->parties != NULL)
    g_signal_connect_swapped (self->parties, "items-changed", G_CALLBACK (update_total), self);
  update_total (self);
}

static void
icw_agreement_parties_group_dispose (GObject *object)
{
  IcwAgreementPartiesGroup *self = ICW_AGREEMENT_PARTIES_GROUP (object);

  if (self->shares_list != NULL)
    {
      icw_agreement_parties_group_flush (self);
      gtk_list_box_bind_model (self->shares_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->details_list, NULL, NULL, NULL, NULL);
      self->shares_list = NULL;
    }
  if (self->parties != NULL)
    g_signal_handlers_disconnect_by_data (self->parties, self);
  g_clear_object (&self->parties);
  g_clear_object (&self->agreement);
  g_clear_object (&self->store);
  g_clear_pointer (&self->total_text, g_free);

  G_OBJECT_CLASS (icw_agreement_parties_group_parent_class)->dispose (object);
  /* The rows are gone with the children; whatever is left forgets the group. */
  for (guint i = 0; self->party_rows != NULL && i < self->party_rows->len; i++)
    ((PartyRow *) g_ptr_array_index (self->party_rows, i))->group = NULL;
  g_clear_pointer (&self->party_rows, g_ptr_array_unref);
}

static void
icw_agreement_parties_group_class_init (IcwAgreementPartiesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_agreement_parties_group_dispose;
}

static GtkListBox *
boxed_list (const char *accessible_name)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return list;
}

static GtkWidget *
split_button (IcwAgreementPartiesGroup *self,
              const char               *label,
              gboolean                  by_contribution)
{
  GtkWidget *button = icw_ui_mnemonic_button_new (label);

  g_signal_connect_swapped (button, "clicked",
                            by_contribution ? G_CALLBACK (on_split_by_contribution_clicked)
                                            : G_CALLBACK (on_split_equally_clicked), self);
  return button;
}

static void
icw_agreement_parties_group_init (IcwAgreementPartiesGroup *self)
{
  GtkWidget *shares = icw_ui_group_new (_("Revenue Shares"),
                                        _("Each party's share of the income from licensing and transferring the results (收益分配). The shares must total exactly 100.00%."));
  GtkWidget *parties = icw_ui_group_new (_("Parties"),
                                         _("The center's company, its shareholders and alliance members who sign the agreement, with their contributions and the state of their signature and seal."));
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->party_rows = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);

  self->shares_list = boxed_list (_("Revenue Shares"));
  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->total_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "numeric");
  /* Screen readers hear the new total as it changes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Total of the revenue shares"), -1);
  /* On a narrow window the first button goes into a menu (icw-overflow-box.c), the total wraps. */
  gtk_label_set_wrap (self->total_label, TRUE);
  self->split_box = icw_overflow_box_new ();
  icw_overflow_box_append (ICW_OVERFLOW_BOX (self->split_box), split_button (self, _("Split _Equally"), FALSE));
  icw_overflow_box_append (ICW_OVERFLOW_BOX (self->split_box), split_button (self, _("Split by _Contributions"), TRUE));
  gtk_widget_set_margin_top (footer, 6);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->total_label));
  gtk_box_append (GTK_BOX (footer), self->split_box);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->shares_list));
    gtk_box_append (GTK_BOX (box), footer);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (shares), box);
  }

  self->details_list = boxed_list (_("Parties"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parties), GTK_WIDGET (self->details_list));
  self->add_button = icw_ui_mnemonic_button_new (_("_Add Party…"));
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (parties), self->add_button);

  /* The shares and their total first: they are what the user works on most. */
  gtk_box_append (GTK_BOX (self), shares);
  gtk_box_append (GTK_BOX (self), parties);
}

GtkWidget *
icw_agreement_parties_group_new (IcwStore     *store,
                                 IcwMoneyUnit  money_unit)
{
  IcwAgreementPartiesGroup *self = g_object_new (ICW_TYPE_AGREEMENT_PARTIES_GROUP, NULL);

  self->store = g_object_ref (store);
  self->money_unit = money_unit;
  update_total (self);
  return GTK_WIDGET (self);
}
