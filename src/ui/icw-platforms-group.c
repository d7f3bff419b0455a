/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-platforms-group.c: a platform belongs to the organization that holds it; this group shows,
 * for one center, the platforms of its alliance members. The rows carry no editable fields, so
 * the list is simply rebuilt whenever a record of the center changes. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-alliance-member.h"
#include "icw-center-summaries.h"
#include "icw-organization.h"
#include "icw-platform-coverage.h"
#include "icw-platform.h"
#include "icw-platforms-group.h"
#include "icw-ui-util.h"

struct _IcwPlatformsGroup
{
  AdwPreferencesGroup parent_instance;

  IcwStore *store;
  IcwCenter *center;
  GtkListBox *rows;
  GtkLabel *coverage_label;
  GtkLabel *warning_label;
};

G_DEFINE_FINAL_TYPE (IcwPlatformsGroup, icw_platforms_group, ADW_TYPE_PREFERENCES_GROUP)

/* What a row's remove button removes, and from which group; owned by its "clicked" handler. */
typedef struct
{
  IcwPlatformsGroup *group;
  IcwPlatform       *platform;
} RemoveTarget;

static void
remove_target_free (gpointer  data,
                    GClosure *closure)
{
  RemoveTarget *target = data;

  g_clear_object (&target->platform);
  g_free (target);
}

static void
on_remove_clicked (GtkButton    *button,
                   RemoveTarget *target)
{
  IcwPlatformsGroup *self = target->group;

  if (self->store != NULL)
    icw_ui_delete_with_undo (GTK_WIDGET (self), self->store, ICW_RECORD (target->platform), _("Platform removed"));
}

static GtkWidget *
platform_row (IcwPlatformsGroup *self,
              IcwPlatform       *platform,
              const char        *holder)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), icw_platform_get_name (platform));
  GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);
  RemoveTarget *target = g_new0 (RemoveTarget, 1);

  if (icw_platform_get_approved_year (platform) > 0)
    subtitle = g_strdup_printf (_("%s · %s · approved %d"),
                                icw_platform_kind_to_label (icw_platform_get_kind (platform)), holder,
                                icw_platform_get_approved_year (platform));
  else
    subtitle = g_strdup_printf (_("%s · %s"),
                                icw_platform_kind_to_label (icw_platform_get_kind (platform)), holder);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), icw_platform_get_name (platform));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  target->group = self;
  target->platform = g_object_ref (platform);
  g_signal_connect_data (remove, "clicked", G_CALLBACK (on_remove_clicked), target, remove_target_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  icw_ui_row_skip_tab (row);  /* one Tab stop: the button */
  return row;
}

/* One query for the center's platforms (icw_store_center_platforms): walking every member and
 * asking for its platforms was a fifth of opening a center of 10k members, and kept a list per
 * member and every member's organization (docs/performance.md). */
static void
rebuild (IcwPlatformsGroup *self)
{
  g_autoptr(GPtrArray) platforms = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);
  if (self->center == NULL)
    return;

  platforms = icw_store_center_platforms (self->store, icw_record_get_id (ICW_RECORD (self->center)));
  for (guint i = 0; i < platforms->len; i++)
    {
      IcwPlatform *platform = platforms->pdata[i];
      g_autofree char *holder = icw_ui_organization_name (self->store, icw_platform_get_organization_id (platform));

      gtk_list_box_append (self->rows, platform_row (self, platform, holder != NULL ? holder : "?"));
    }

  /* The coverage counts what 64号's rule counts (the listed kinds, in the field); the rows list every platform. */
  coverage = icw_platform_coverage (icw_platforms_counted_for_coverage (self->center, platforms),
                                    icw_center_get_field_platform_total (self->center), &warning);
  icw_ui_show_summary (self->coverage_label, self->warning_label, coverage, warning);
  gtk_widget_set_visible (GTK_WIDGET (self->rows), platforms->len > 0);
}

static void
on_store_changed (IcwPlatformsGroup *self)
{
  rebuild (self);
}

typedef struct {
  IcwPlatformsGroup *self;
  GPtrArray *holder_ids;   /* the organization ID of each of the holder row's names */
  AdwComboRow *holder;
  AdwComboRow *kind;
  GtkEditable *name;
  GtkEditable *year;
} AddDialog;

static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AddDialog        *add)
{
  g_autoptr(IcwPlatform) platform = icw_platform_new ();
  g_autoptr(GError) error = NULL;
  guint selected;
  gint64 year = 0;
  const char *year_text = gtk_editable_get_text (add->year);

  if (!g_str_equal (response, "add"))
    return;
  selected = adw_combo_row_get_selected (add->holder);
  if (*year_text != '\0' && !g_ascii_string_to_signed (year_text, 10, 1950, 2100, &year, NULL))
    {
      icw_ui_toast (GTK_WIDGET (add->self), _("Year approved: type a year between 1950 and 2100"));
      return;
    }
  if (selected >= add->holder_ids->len)
    return;
  icw_platform_set_organization_id (platform, add->holder_ids->pdata[selected]);
  icw_platform_set_kind (platform, adw_combo_row_get_selected (add->kind));
  icw_platform_set_name (platform, gtk_editable_get_text (add->name));
  icw_platform_set_approved_year (platform, (int) year);
  if (!icw_store_save (add->self->store, ICW_RECORD (platform), &error))
    icw_ui_report_error (GTK_WIDGET (add->self), error);
}

static void
add_dialog_free (gpointer  data,
                 GClosure *closure)
{
  AddDialog *add = data;

  g_ptr_array_unref (add->holder_ids);
  g_free (add);
}

static void
on_add_clicked (IcwPlatformsGroup *self)
{
  AddDialog *add;
  GtkWidget *dialog, *list, *name, *year;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GtkStringList) holders = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) holder_ids = g_ptr_array_new_with_free_func (g_free);

  /* The members' organizations, as names for the chooser: read when the dialog opens, not kept. */
  if (self->center != NULL)
    members = icw_store_list_records (self->store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                      icw_record_get_id (ICW_RECORD (self->center)));
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const char *org_id = icw_alliance_member_get_organization_id (members->pdata[i]);
      g_autofree char *org_name = org_id != NULL ? icw_ui_organization_name (self->store, org_id) : NULL;

      if (org_name == NULL)
        continue;   /* a member whose organization is gone holds nothing */
      gtk_string_list_append (holders, org_name);
      g_ptr_array_add (holder_ids, g_strdup (org_id));
    }
  if (holder_ids->len == 0)
    {
      icw_ui_toast (GTK_WIDGET (self), _("Add alliance members first: platforms are counted for the members that hold them."));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add a National Platform"), NULL);
  add = g_new0 (AddDialog, 1);
  add->self = self;
  add->holder_ids = g_steal_pointer (&holder_ids);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);

  add->holder = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->holder), _("Held by"));
  adw_combo_row_set_model (add->holder, G_LIST_MODEL (holders));
  add->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->kind), _("Kind"));
  adw_combo_row_set_model (add->kind, G_LIST_MODEL (ICW_UI_ENUM_LABELS (icw_platform_kind, ICW_N_PLATFORM_KINDS)));
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Platform name"));
  add->name = GTK_EDITABLE (name);
  year = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year), _("Year approved"));
  add->year = GTK_EDITABLE (year);

  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (add->holder));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (add->kind));
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), year);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_add_response), add, add_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
icw_platforms_group_set_center (IcwPlatformsGroup *self,
                                IcwCenter         *center)
{
  g_return_if_fail (ICW_IS_PLATFORMS_GROUP (self));

  if (self->center != NULL)
    g_signal_handlers_disconnect_by_data (self->center, self);
  g_set_object (&self->center, center);
  if (center != NULL)
    g_signal_connect_swapped (center, "notify::field-platform-total", G_CALLBACK (rebuild), self);
  rebuild (self);
}

static void
icw_platforms_group_dispose (GObject *object)
{
  IcwPlatformsGroup *self = ICW_PLATFORMS_GROUP (object);

  if (self->center != NULL)
    g_signal_handlers_disconnect_by_data (self->center, self);
  g_clear_object (&self->center);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (icw_platforms_group_parent_class)->dispose (object);
}

static void
icw_platforms_group_class_init (IcwPlatformsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_platforms_group_dispose;
}

static void
icw_platforms_group_init (IcwPlatformsGroup *self)
{
  GtkWidget *add = icw_ui_mnemonic_button_new (_("Add _Platform"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("National Platforms of the Members"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("State key laboratories, national engineering (research) centers and enterprise technology centers held by alliance members."));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  icw_ui_add_table (ADW_PREFERENCES_GROUP (self), &self->rows, &self->coverage_label, &self->warning_label);
}

GtkWidget *
icw_platforms_group_new (IcwStore *store)
{
  IcwPlatformsGroup *self = g_object_new (ICW_TYPE_PLATFORMS_GROUP, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
