/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center-links-group.c: shareholders and alliance members share everything but their fields,
 * their subtitle and their summary, which a LinkKind describes. The rows are a GtkListView of the
 * store's live list, in a scrolled window as tall as the rows up to a limit: only the rows on
 * screen are made (a center of 10,000 members once had 210,950 widgets), and adding or removing a
 * link never rebuilds the rows being edited. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-alliance-member.h"
#include "icw-center-links-group.h"
#include "icw-center-summaries.h"
#include "icw-field-catalogue.h"
#include "icw-organization-picker.h"
#include "icw-shareholder.h"
#include "icw-title-box-layout.h"
#include "icw-ui-util.h"

typedef struct _LinkKind LinkKind;

struct _IcwCenterLinksGroup
{
  AdwPreferencesGroup parent_instance;

  const LinkKind *kind;
  IcwStore *store;
  IcwMoneyUnit money_unit;
  IcwCenter *center;
  GListModel *links;
  GtkListView *rows;
  GtkSliceListModel *first_rows;    /* the links the list view sees: a few until the first frame */
  guint first_rows_source;
  int row_height;                   /* a collapsed row's, measured on the first row made */
  GtkLabel *summary_label;
  GtkLabel *warning_label;
};

struct _LinkKind
{
  IcwRecordKind record_kind;
  const char *title;
  const char *description;
  const char *add_label;
  const char *picker_title;
  const char *removed_message;
  const char *signed_title;   /* the title of the member's "agreement signed" row, or NULL */
  char      *(*subtitle)  (IcwCenterLinksGroup *self, IcwRecord *link);
  char      *(*summary)   (IcwCenterLinksGroup *self, char **warning);
  IcwRecord *(*new_link)  (const char *center_id, const char *organization_id);
};

G_DEFINE_FINAL_TYPE (IcwCenterLinksGroup, icw_center_links_group, ADW_TYPE_PREFERENCES_GROUP)

/* Shareholders */

static char *
shareholder_subtitle (IcwCenterLinksGroup *self,
                      IcwRecord           *link)
{
  IcwShareholder *holder = ICW_SHAREHOLDER (link);
  g_autofree char *amount = icw_money_format_locale (icw_shareholder_get_amount_fen (holder), self->money_unit, TRUE);
  g_autofree char *share = icw_basis_points_format (icw_shareholder_get_share_bp (holder));

  /* Translators: contribution kind · amount unit · share, e.g. "Money · 1200.00 10k yuan · 30.00%" */
  return g_strdup_printf (_("%s · %s %s · %s"),
                          icw_contribution_to_label (icw_shareholder_get_contribution (holder)),
                          amount, icw_money_unit_symbol (self->money_unit), share);
}

static char *
shareholder_summary (IcwCenterLinksGroup  *self,
                     char                **warning)
{
  return icw_shareholders_summary (self->links, self->store, warning);
}

static IcwRecord *
shareholder_new_link (const char *center_id,
                      const char *organization_id)
{
  IcwShareholder *holder = icw_shareholder_new ();

  icw_shareholder_set_center_id (holder, center_id);
  icw_shareholder_set_organization_id (holder, organization_id);
  return ICW_RECORD (holder);
}

static const LinkKind shareholder_kind = {
  ICW_RECORD_KIND_SHAREHOLDER,
  N_("Shareholders"),
  N_("The shareholders (股东) of the host company, chosen from the register."),
  N_("_Add Shareholder"),
  N_("Add a Shareholder"),
  N_("Shareholder removed"),
  NULL, shareholder_subtitle, shareholder_summary, shareholder_new_link,
};

/* Alliance members */

static char *
member_subtitle (IcwCenterLinksGroup *self,
                 IcwRecord           *link)
{
  IcwAllianceMember *member = ICW_ALLIANCE_MEMBER (link);
  const char *joined = icw_alliance_member_get_joined (member);
  const char *role = icw_member_role_to_label (icw_alliance_member_get_role (member));
  gboolean signed_ = icw_alliance_member_get_agreement_signed (member);

  if (joined == NULL)
    return g_strdup_printf (signed_ ? _("%s · agreement signed") : _("%s · agreement not signed"), role);
  return g_strdup_printf (signed_ ? _("%s · joined %s · agreement signed") : _("%s · joined %s · agreement not signed"),
                          role, joined);
}

static char *
member_summary (IcwCenterLinksGroup  *self,
                char                **warning)
{
  return icw_members_summary (self->links, self->store, warning);
}

static IcwRecord *
member_new_link (const char *center_id,
                 const char *organization_id)
{
  IcwAllianceMember *member = icw_alliance_member_new ();

  icw_alliance_member_set_center_id (member, center_id);
  icw_alliance_member_set_organization_id (member, organization_id);
  return ICW_RECORD (member);
}

static const LinkKind member_kind = {
  ICW_RECORD_KIND_ALLIANCE_MEMBER,
  N_("Alliance Members"),
  N_("The members (联盟成员) of the center's alliance: companies, universities, institutes and user enterprises."),
  N_("_Add Member"),
  N_("Add an Alliance Member"),
  N_("Member removed"),
  N_("Alliance agreement signed"), member_subtitle, member_summary, member_new_link,
};

/* The group */

static const char *
link_organization_id (IcwRecord *link)
{
  return ICW_IS_SHAREHOLDER (link) ? icw_shareholder_get_organization_id (ICW_SHAREHOLDER (link))
                                   : icw_alliance_member_get_organization_id (ICW_ALLIANCE_MEMBER (link));
}

/* The rows scroll by themselves past this height; below it the group is as tall as its rows. */
#define ROWS_MAX_HEIGHT 560
/* A collapsed row's height until one has been measured. */
#define ROW_HEIGHT_GUESS 54

/* The rows' frame as tall as its rows, up to the limit. GTK 4.8's list view gives its scrolled
 * window the height of one row as its natural height when it is laid out below the fold (the
 * sample's seven shareholders were shown as one row, the others reachable only by scrolling a
 * one-row frame), so the frame's height is set from the number of links. */
static void
fit_height (IcwCenterLinksGroup *self)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self->rows)));
  guint n = self->links != NULL ? g_list_model_get_n_items (self->links) : 0;
  int row_height = self->row_height > 0 ? self->row_height : ROW_HEIGHT_GUESS;

  gtk_scrolled_window_set_min_content_height (scrolled, (int) MIN ((gint64) n * row_height, ROWS_MAX_HEIGHT));
}

static void
update_summary (IcwCenterLinksGroup *self)
{
  g_autofree char *warning = NULL;
  g_autofree char *summary = NULL;

  /* No empty frame for a center without links. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->rows)),
                          self->links != NULL && g_list_model_get_n_items (self->links) > 0);
  fit_height (self);
  if (self->links == NULL)
    return;
  summary = self->kind->summary (self, &warning);
  icw_ui_show_summary (self->summary_label, self->warning_label, summary, warning);
}

/* What a link's row needs: made with the row, freed when it goes. The group is held weakly, as
 * the link's signals may outlive it. */
typedef struct {
  GWeakRef group;
  IcwRecord *link;
  AdwExpanderRow *row;
  IcwRecordForm *form;              /* outlives the row's children, whose last edits it saves */
  gulong notify_handler;
} LinkRow;

static void
link_row_free (gpointer  data,
               GObject  *row)
{
  LinkRow *parts = data;

  g_clear_signal_handler (&parts->notify_handler, parts->link);
  g_weak_ref_clear (&parts->group);
  g_clear_object (&parts->link);
  g_clear_object (&parts->form);
  g_free (parts);
}

static void
on_link_notify (IcwRecord  *link,
                GParamSpec *pspec,
                LinkRow    *parts)
{
  g_autoptr(IcwCenterLinksGroup) self = g_weak_ref_get (&parts->group);
  g_autofree char *subtitle = NULL;

  if (self == NULL)
    return;
  subtitle = self->kind->subtitle (self, link);
  adw_expander_row_set_subtitle (parts->row, subtitle);
  update_summary (self);
}

static void
on_remove_clicked (GtkButton *button,
                   LinkRow   *parts)
{
  g_autoptr(IcwCenterLinksGroup) self = g_weak_ref_get (&parts->group);

  if (self != NULL)
    icw_ui_delete_with_undo (GTK_WIDGET (self), self->store, parts->link, _(self->kind->removed_message));
}

/* The link's fields as the catalogue describes them; the center and the organization are the
 * row's place and title, not fields to edit. */
static void
fill_row (IcwCenterLinksGroup *self,
          LinkRow             *parts)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (self->kind->record_kind, &n);

  for (guint i = 0; i < n; i++)
    {
      const char *title = NULL;
      GtkWidget *field;

      if (self->kind->signed_title != NULL && g_str_equal (fields[i].property, "agreement-signed"))
        title = _(self->kind->signed_title);
      field = icw_record_form_add_field (parts->form, &fields[i], title);
      if (field != NULL)
        adw_expander_row_add_row (parts->row, field);
    }
}

static void
on_first_expanded (AdwExpanderRow *row,
                   GParamSpec     *pspec,
                   LinkRow        *parts)
{
  g_autoptr(IcwCenterLinksGroup) self = g_weak_ref_get (&parts->group);

  if (self == NULL || !adw_expander_row_get_expanded (row) || icw_record_form_get_record (parts->form) != NULL)
    return;
  fill_row (self, parts);
  icw_record_form_set_record (parts->form, parts->link);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  IcwCenterLinksGroup *self = user_data;
  IcwRecord *link = item;
  g_autofree char *name = icw_ui_organization_name (self->store, link_organization_id (link));
  /* The remove button says which link goes: one organization is often both a shareholder and a
   * member, and it stays in the register. */
  g_autofree char *remove_label = self->kind->record_kind == ICW_RECORD_KIND_SHAREHOLDER
                                  ? g_strdup_printf (_("Remove shareholder %s"), name != NULL ? name : "")
                                  : g_strdup_printf (_("Remove member %s"), name != NULL ? name : "");
  g_autofree char *subtitle = self->kind->subtitle (self, link);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);
  LinkRow *parts = g_new0 (LinkRow, 1);

  g_weak_ref_init (&parts->group, self);
  parts->link = g_object_ref (link);
  parts->row = ADW_EXPANDER_ROW (row);
  /* The form's rows are built when the row is first expanded: a center has dozens of links, and
   * the editor opens fast. */
  parts->form = icw_record_form_new (self->store, self->money_unit);
  g_object_weak_ref (G_OBJECT (row), link_row_free, parts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "?");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_first_expanded), parts);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), parts);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  parts->notify_handler = g_signal_connect (link, "notify", G_CALLBACK (on_link_notify), parts);
  return row;
}

/* Before its first allocation GTK 4.8's list view makes, binds and measures a row for each of up
 * to 200 items, not knowing how many will show; the group shows this many links until the idle
 * after the first frame (its 560 px hold about ten), then all of them. Growing the slice adds rows
 * after the shown ones, which GTK answers without looking at each. */
#define FIRST_ROWS 16

static gboolean
show_all_rows (gpointer data)
{
  IcwCenterLinksGroup *self = data;

  self->first_rows_source = 0;
  if (self->first_rows != NULL)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* A row is made for a link when it comes on screen, and dropped when it leaves (its form saves
 * what is pending as it goes). Each sits in a one-row list box, as an AdwExpanderRow expects. */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          IcwCenterLinksGroup      *self)
{
  GtkWidget *box = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (box), create_row (gtk_list_item_get_item (item), self));
  icw_title_box_layout_install (box);   /* its rows' titles measured once (icw-title-box-layout.c) */
  gtk_list_item_set_child (item, box);
  if (self->row_height == 0)
    {
      gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, -1, NULL, &self->row_height, NULL, NULL);
      fit_height (self);
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            IcwCenterLinksGroup      *self)
{
  gtk_list_item_set_child (item, NULL);
}

static void
on_organization_chosen (IcwCenterLinksGroup *self,
                        IcwOrganization     *org)
{
  g_autoptr(IcwRecord) link = self->kind->new_link (icw_record_get_id (ICW_RECORD (self->center)),
                                                    icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(GError) error = NULL;

  if (!icw_store_save (self->store, link, &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
}

static void
on_add_clicked (IcwCenterLinksGroup *self)
{
  IcwOrganizationPicker *picker;

  if (self->center == NULL)
    return;
  picker = icw_organization_picker_new (GTK_WIDGET (self), self->store, _(self->kind->picker_title));
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_organization_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

void
icw_center_links_group_set_center (IcwCenterLinksGroup *self,
                                   IcwCenter           *center)
{
  g_return_if_fail (ICW_IS_CENTER_LINKS_GROUP (self));

  if (self->links != NULL)
    g_signal_handlers_disconnect_by_data (self->links, self);
  g_set_object (&self->center, center);
  g_clear_object (&self->links);
  if (center != NULL)
    self->links = icw_store_list (self->store, self->kind->record_kind,
                                  icw_record_get_id (ICW_RECORD (center)));
  g_clear_handle_id (&self->first_rows_source, g_source_remove);
  self->first_rows = NULL;
  if (self->links != NULL)
    {
      GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (self->links), 0, FIRST_ROWS);
      GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (slice));

      self->first_rows = slice;
      gtk_list_view_set_model (self->rows, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
      /* Of low priority: it runs after GTK's layout and paint. */
      self->first_rows_source = g_idle_add_full (G_PRIORITY_LOW, show_all_rows, self, NULL);
    }
  else
    gtk_list_view_set_model (self->rows, NULL);
  if (self->links != NULL)
    g_signal_connect_swapped (self->links, "items-changed", G_CALLBACK (update_summary), self);
  update_summary (self);
}

static void
icw_center_links_group_dispose (GObject *object)
{
  IcwCenterLinksGroup *self = ICW_CENTER_LINKS_GROUP (object);

  g_clear_handle_id (&self->first_rows_source, g_source_remove);
  self->first_rows = NULL;
  if (self->rows != NULL)
    gtk_list_view_set_model (self->rows, NULL);
  if (self->links != NULL)
    g_signal_handlers_disconnect_by_data (self->links, self);
  g_clear_object (&self->links);
  g_clear_object (&self->center);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (icw_center_links_group_parent_class)->dispose (object);
}

static void
icw_center_links_group_class_init (IcwCenterLinksGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_center_links_group_dispose;
}

static void
icw_center_links_group_init (IcwCenterLinksGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->rows = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "links-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), ROWS_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->rows));
  gtk_widget_add_css_class (scrolled, "card");

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  self->warning_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->warning_label, 0);
  gtk_label_set_wrap (self->warning_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->warning_label), "warning");

  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->warning_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);
}

static GtkWidget *
new_group (const LinkKind *kind,
           IcwStore       *store,
           IcwMoneyUnit    money_unit)
{
  IcwCenterLinksGroup *self = g_object_new (ICW_TYPE_CENTER_LINKS_GROUP, NULL);
  g_autofree char *title = g_markup_escape_text (_(kind->title), -1);
  g_autofree char *description = g_markup_escape_text (_(kind->description), -1);
  GtkWidget *add = icw_ui_mnemonic_button_new (_(kind->add_label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  self->kind = kind;
  self->store = g_object_ref (store);
  self->money_unit = money_unit;
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  return GTK_WIDGET (self);
}

GtkWidget *
icw_center_links_group_new_shareholders (IcwStore     *store,
                                         IcwMoneyUnit  money_unit)
{
  return new_group (&shareholder_kind, store, money_unit);
}

GtkWidget *
icw_center_links_group_new_members (IcwStore *store)
{
  return new_group (&member_kind, store, ICW_MONEY_UNIT_WAN);
}
