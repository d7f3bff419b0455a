/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-attachments-page.c: the attachments of the application shown, from the store's
 * live list; a file is added through a native chooser and checked by the store
 * (icw_store_add_attachment), and a refusal says why in a dialog. Removing one can be undone.
 * A file may be said to fulfil one attachment item of the call's outline for the center's
 * province and the application's stage (icw-outline.h), when it is added or later on its row;
 * the check then matches it exactly. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-attachments-page.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-outline.h"
#include "icw-ui-util.h"

struct _IcwApplicationAttachmentsPage
{
  AdwPreferencesPage parent_instance;

  IcwStore *store;
  IcwApplication *application;
  GtkListBox *list;
  AdwComboRow *kind;
  AdwComboRow *item;         /* the outline's item the next file fulfils; hidden without one */
  GPtrArray *outlines;       /* IcwOutline, loaded once */
  IcwOutline *outline;       /* the one for the application shown, or NULL */
  GPtrArray *item_keys;      /* the item row's keys: NULL (none) first */
  GtkStringList *item_labels;  /* and their labels, for the rows' choices too */
  guint rebind_idle;
  GtkWidget *adding;
  GtkFileChooserNative *chooser;   /* the chooser shown (a native dialog is not a widget) */
};

G_DEFINE_FINAL_TYPE (IcwApplicationAttachmentsPage, icw_application_attachments_page, ADW_TYPE_PREFERENCES_PAGE)

/* What a row's remove button removes; owned by its "clicked" handler. */
typedef struct {
  IcwStore      *store;
  IcwAttachment *attachment;
} Removal;

static void
removal_free (gpointer  data,
              GClosure *closure)
{
  Removal *removal = data;

  g_clear_object (&removal->store);
  g_clear_object (&removal->attachment);
  g_free (removal);
}

static void
on_remove_clicked (GtkWidget *button,
                   Removal   *removal)
{
  icw_ui_delete_with_undo (button, removal->store, ICW_RECORD (removal->attachment), _("Attachment removed"));
}

/* What a row's item choice changes; owned by its "notify::selected" handler. */
typedef struct {
  IcwStore      *store;
  IcwAttachment *attachment;
  GStrv          keys;      /* the choice's keys: "" (none) first */
  GWeakRef       page;
} Choice;

static void
choice_free (gpointer  data,
             GClosure *closure)
{
  Choice *choice = data;

  g_clear_object (&choice->store);
  g_clear_object (&choice->attachment);
  g_clear_pointer (&choice->keys, g_strfreev);
  g_weak_ref_clear (&choice->page);
  g_free (choice);
}

static gboolean
rebind_rows (gpointer data)
{
  IcwApplicationAttachmentsPage *self = data;

  self->rebind_idle = 0;
  if (self->application != NULL)
    icw_application_attachments_page_show (self, self->application);
  return G_SOURCE_REMOVE;
}

/* Another item chosen for a file already attached: saved, and the rows made again (in an idle:
 * the row that asked is still emitting). */
static void
on_item_chosen (GtkDropDown *choice_widget,
                GParamSpec  *pspec,
                Choice      *choice)
{
  g_autoptr(IcwApplicationAttachmentsPage) self = g_weak_ref_get (&choice->page);
  guint selected = gtk_drop_down_get_selected (choice_widget);
  const char *key = selected < g_strv_length (choice->keys) && *choice->keys[selected] != '\0'
                    ? choice->keys[selected] : NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (key, icw_attachment_get_outline_item (choice->attachment)) == 0)
    return;
  icw_attachment_set_outline_item (choice->attachment, key);
  if (!icw_store_save (choice->store, ICW_RECORD (choice->attachment), &error))
    g_warning ("The attachment's item was not saved: %s", error->message);
  if (self != NULL && self->rebind_idle == 0)
    self->rebind_idle = g_idle_add (rebind_rows, self);
}

/* A drop-down of the outline's items (and None) for a file already attached. */
static GtkWidget *
item_choice (IcwApplicationAttachmentsPage *self,
             IcwAttachment                 *attachment)
{
  GtkWidget *widget = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->item_labels)), NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autofree char *label = g_strdup_printf (_("Call item %s fulfils"), icw_attachment_get_name (attachment));
  Choice *choice = g_new0 (Choice, 1);

  for (guint i = 0; i < self->item_keys->len; i++)
    {
      g_strv_builder_add (keys, self->item_keys->pdata[i] != NULL ? self->item_keys->pdata[i] : "");
      if (i > 0 && g_strcmp0 (self->item_keys->pdata[i], icw_attachment_get_outline_item (attachment)) == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), i);
    }
  if (icw_attachment_get_outline_item (attachment) == NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), 0);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (widget, label);
  choice->store = g_object_ref (self->store);
  choice->attachment = g_object_ref (attachment);
  choice->keys = g_strv_builder_end (keys);
  g_weak_ref_init (&choice->page, self);
  g_signal_connect_data (widget, "notify::selected", G_CALLBACK (on_item_chosen), choice, choice_free, 0);
  return widget;
}

static GtkWidget *
attachment_row (gpointer item,
                gpointer user_data)
{
  IcwApplicationAttachmentsPage *self = user_data;
  IcwAttachment *attachment = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (icw_attachment_get_size (attachment));
  g_autofree char *digest = g_strndup (icw_attachment_get_sha256 (attachment), 12);
  IcwAttachmentFileState state = icw_store_attachment_file_state (self->store, icw_record_get_id (ICW_RECORD (attachment)));
  const IcwOutlineAttachment *fulfilled = self->outline != NULL
                                          ? icw_outline_find_attachment (self->outline, icw_attachment_get_outline_item (attachment))
                                          : NULL;
  g_autofree char *kind = fulfilled != NULL
                          ? g_strdup_printf (_("%s · fulfils “%s”"),
                                             icw_attachment_kind_to_label (icw_attachment_get_kind (attachment)), fulfilled->name)
                          : g_strdup (icw_attachment_kind_to_label (icw_attachment_get_kind (attachment)));
  g_autofree char *described = g_strdup_printf (_("%s · %s · SHA-256 %s…"), kind, size, digest);
  /* A synced record whose file is still on the server is not a missing file (docs/formats.md). */
  g_autofree char *subtitle = state == ICW_ATTACHMENT_FILE_NOT_DOWNLOADED
                              ? g_strdup_printf (_("%s · not yet downloaded"), described)
                              : state == ICW_ATTACHMENT_FILE_MISSING
                              ? g_strdup_printf (_("%s · file missing"), described)
                              : g_strdup (described);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), icw_attachment_get_name (attachment));
  GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);
  Removal *removal = g_new0 (Removal, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), icw_attachment_get_name (attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  removal->store = g_object_ref (self->store);
  removal->attachment = g_object_ref (attachment);
  g_signal_connect_data (remove, "clicked", G_CALLBACK (on_remove_clicked), removal, removal_free, 0);
  if (self->item_keys->len > 1)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), item_choice (self, attachment));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  icw_ui_row_skip_tab (row);  /* one Tab stop: the button (the row does nothing of its own) */
  return row;
}

gboolean
icw_application_attachments_page_add_file (IcwApplicationAttachmentsPage  *self,
                                           GFile                          *file,
                                           GError                        **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(IcwAttachment) attachment = NULL;
  g_autofree char *name = NULL;
  guint item;

  g_return_val_if_fail (ICW_IS_APPLICATION_ATTACHMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (self->application != NULL, FALSE);

  name = g_file_get_basename (file);
  content = g_file_load_bytes (file, NULL, NULL, error);
  if (content == NULL)
    return FALSE;
  attachment = icw_store_add_attachment (self->store, self->application, name,
                                         adw_combo_row_get_selected (self->kind), content, error);
  if (attachment == NULL)
    return FALSE;
  item = adw_combo_row_get_selected (self->item);
  if (item >= self->item_keys->len || self->item_keys->pdata[item] == NULL)
    return TRUE;
  icw_attachment_set_outline_item (attachment, self->item_keys->pdata[item]);
  if (!icw_store_save (self->store, ICW_RECORD (attachment), error))
    return FALSE;
  /* Its row was made when the file was added, before it named the item: made again. */
  icw_application_attachments_page_show (self, self->application);
  return TRUE;
}

static void
on_attachment_chosen (GtkNativeDialog               *chooser,
                      int                            response,
                      IcwApplicationAttachmentsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->application != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!icw_application_attachments_page_add_file (self, file, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("The File Was Not Added"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_add_clicked (IcwApplicationAttachmentsPage *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Add an Attachment"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), _("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_attachment_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The outline's items for the application shown: "None" and each item that has a key. */
static void
fill_items (IcwApplicationAttachmentsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(IcwRecord) center = icw_store_lookup (self->store, ICW_RECORD_KIND_CENTER,
                                                  icw_application_get_center_id (self->application), NULL);

  if (self->outlines == NULL)
    self->outlines = icw_outlines_load_all (NULL);
  self->outline = center != NULL ? icw_outlines_find (self->outlines, icw_center_get_province (ICW_CENTER (center)),
                                                      icw_application_get_kind (self->application))
                                 : NULL;
  g_ptr_array_set_size (self->item_keys, 0);
  g_ptr_array_add (self->item_keys, NULL);
  gtk_string_list_append (labels, _("None"));
  for (guint i = 0; self->outline != NULL && i < icw_outline_get_n_attachments (self->outline); i++)
    {
      const IcwOutlineAttachment *item = icw_outline_get_attachment (self->outline, i);
      g_autofree char *label = NULL;

      if (item->key == NULL)
        continue;
      label = item->required ? g_strdup_printf (_("%s (required)"), item->name) : g_strdup (item->name);
      g_ptr_array_add (self->item_keys, g_strdup (item->key));
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->item, G_LIST_MODEL (labels));
  g_set_object (&self->item_labels, labels);
  adw_combo_row_set_selected (self->item, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->item), self->item_keys->len > 1);
}

void
icw_application_attachments_page_show (IcwApplicationAttachmentsPage *self,
                                       IcwApplication                *application)
{
  g_autoptr(GListModel) attachments = NULL;

  g_return_if_fail (ICW_IS_APPLICATION_ATTACHMENTS_PAGE (self));

  g_set_object (&self->application, application);
  fill_items (self);
  attachments = icw_store_list (self->store, ICW_RECORD_KIND_ATTACHMENT, icw_record_get_id (ICW_RECORD (application)));
  gtk_list_box_bind_model (self->list, attachments, attachment_row, self, NULL);
}

GtkWidget *
icw_application_attachments_page_get_adding (IcwApplicationAttachmentsPage *self)
{
  g_return_val_if_fail (ICW_IS_APPLICATION_ATTACHMENTS_PAGE (self), NULL);
  return self->adding;
}

static void
icw_application_attachments_page_dispose (GObject *object)
{
  IcwApplicationAttachmentsPage *self = ICW_APPLICATION_ATTACHMENTS_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  self->list = NULL;
  g_clear_object (&self->chooser);
  g_clear_object (&self->application);
  g_clear_object (&self->store);
  self->outline = NULL;
  g_clear_pointer (&self->outlines, g_ptr_array_unref);
  g_clear_pointer (&self->item_keys, g_ptr_array_unref);
  g_clear_object (&self->item_labels);
  g_clear_handle_id (&self->rebind_idle, g_source_remove);
  G_OBJECT_CLASS (icw_application_attachments_page_parent_class)->dispose (object);
}

static void
icw_application_attachments_page_class_init (IcwApplicationAttachmentsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_application_attachments_page_dispose;
}

static void
icw_application_attachments_page_init (IcwApplicationAttachmentsPage *self)
{
  GtkWidget *group = icw_ui_group_new (_("Supporting Documents"),
                                       _("证明材料: business licences, capital verification reports, platform certificates, commitment letters. PDF, OFD, JPEG or PNG files up to 20 MB; names and sizes are checked when a file is added."));
  GtkWidget *add = icw_ui_mnemonic_button_new (_("_Add Attachment…"));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  self->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  self->item = ADW_COMBO_ROW (adw_combo_row_new ());
  self->item_keys = g_ptr_array_new_with_free_func (g_free);
  self->adding = icw_ui_group_new (NULL, NULL);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind), _("Kind of the next file"));
  adw_combo_row_set_model (self->kind, G_LIST_MODEL (ICW_UI_ENUM_LABELS (icw_attachment_kind, ICW_N_ATTACHMENT_KINDS)));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add, 12);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item), _("Call item the next file fulfils"));
  gtk_widget_set_visible (GTK_WIDGET (self->item), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->adding), GTK_WIDGET (self->kind));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->adding), GTK_WIDGET (self->item));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->adding), add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->adding));
}

GtkWidget *
icw_application_attachments_page_new (IcwStore *store)
{
  IcwApplicationAttachmentsPage *self = g_object_new (ICW_TYPE_APPLICATION_ATTACHMENTS_PAGE, NULL);

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
