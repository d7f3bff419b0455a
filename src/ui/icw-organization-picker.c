/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-organization-picker.c: the organization chooser. Each match is a button named after the
 * organization, which keyboards, screen readers and the end-to-end tests can all activate. At
 * most MAX_SHOWN matches are listed, asked of the store as the user types: with a register of a
 * million organizations, typing narrows the list. "chosen" is emitted with the organization and the dialog closes. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-organization-picker.h"
#include "icw-ui-util.h"

#define MAX_SHOWN 100

struct _IcwOrganizationPicker
{
  AdwWindow parent_instance;

  IcwStore *store;
  GtkSearchEntry *search;
  GtkListBox *results;
  GtkButton *create_button;
  GtkLabel *more_label;
};

G_DEFINE_FINAL_TYPE (IcwOrganizationPicker, icw_organization_picker, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (IcwOrganizationPicker *self,
        IcwOrganization       *org)
{
  g_signal_emit (self, signals[CHOSEN], 0, org);
  gtk_window_close (GTK_WINDOW (self));
}

/* "picker.choose" with the organization's ID: what a result button does. */
static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcwOrganizationPicker *self = ICW_ORGANIZATION_PICKER (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) org = icw_store_lookup (self->store, ICW_RECORD_KIND_ORGANIZATION,
                                               g_variant_get_string (parameter, NULL), &error);

  if (org == NULL)
    icw_ui_report_error (GTK_WIDGET (self), error);
  else
    choose (self, ICW_ORGANIZATION (org));
}

static GtkWidget *
result_button (IcwOrganizationPicker *self,
               IcwOrganization       *org)
{
  GtkWidget *button = gtk_button_new_with_label (icw_organization_get_name (org));

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "picker.choose");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", icw_record_get_id (ICW_RECORD (org)));
  return button;
}

/* The matches are asked of the store as the user types: the first MAX_SHOWN in name order, in
 * one query through the name or trigram index, so that opening the chooser and each keystroke do
 * not grow with the register (issue 20; it walked the whole register's list before). */
static void
refresh (IcwOrganizationPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autoptr(GError) error = NULL;
  gboolean more = FALSE;
  g_autoptr(GPtrArray) found = icw_store_find_named (self->store, ICW_RECORD_KIND_ORGANIZATION, query,
                                                     MAX_SHOWN, &more, &error);
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  g_autofree char *create_label = NULL;
  g_autoptr(IcwRecord) same = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  if (found == NULL)
    icw_ui_report_error (GTK_WIDGET (self), error);
  for (guint i = 0; found != NULL && i < found->len; i++)
    gtk_list_box_append (self->results, result_button (self, found->pdata[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), more);
  if (more)
    gtk_label_set_text (self->more_label, _("More organizations match: type to narrow the list"));

  /* "Add" is offered unless an organization has exactly that name (found by the name index). */
  if (*trimmed != '\0')
    same = icw_store_find_by_name (self->store, ICW_RECORD_KIND_ORGANIZATION, trimmed, NULL);
  create_label = g_strdup_printf (_("Add “%s” to the Register"), trimmed);
  icw_ui_button_set_label (self->create_button, create_label);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), *trimmed != '\0' && same == NULL);
}

static void
on_create_clicked (IcwOrganizationPicker *self)
{
  g_autoptr(IcwOrganization) org = icw_organization_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));

  icw_organization_set_name (org, name);
  if (!icw_store_save (self->store, ICW_RECORD (org), &error))
    {
      icw_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  choose (self, org);
}

static void
icw_organization_picker_dispose (GObject *object)
{
  IcwOrganizationPicker *self = ICW_ORGANIZATION_PICKER (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_organization_picker_parent_class)->dispose (object);
}

static void
icw_organization_picker_class_init (IcwOrganizationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_organization_picker_dispose;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, ICW_TYPE_ORGANIZATION);

  gtk_widget_class_install_action (widget_class, "picker.choose", "s", choose_activated);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-organization-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, IcwOrganizationPicker, search);
  gtk_widget_class_bind_template_child (widget_class, IcwOrganizationPicker, results);
  gtk_widget_class_bind_template_child (widget_class, IcwOrganizationPicker, create_button);
  gtk_widget_class_bind_template_child (widget_class, IcwOrganizationPicker, more_label);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  icw_ui_class_add_close_keys (widget_class);
}

static void
icw_organization_picker_init (IcwOrganizationPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IcwOrganizationPicker *
icw_organization_picker_new (GtkWidget  *parent,
                             IcwStore   *store,
                             const char *title)
{
  IcwOrganizationPicker *self = g_object_new (ICW_TYPE_ORGANIZATION_PICKER,
                                              "title", title,
                                              "transient-for", gtk_widget_get_root (parent),
                                              "modal", TRUE,
                                              NULL);

  self->store = g_object_ref (store);
  refresh (self);
  return self;
}
