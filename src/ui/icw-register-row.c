/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-row.c: a register's row (icw-register-row.h). The name follows the record through
 * a GBindingGroup, the line under it through a GSignalGroup on the record's "notify", so the row
 * can be given another record as the list view recycles it. A record without a name or title yet
 * (emptied by the user) shows "Untitled" rather than an empty line. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-register-row.h"
#include "icw-row-text.h"

struct _IcwRegisterRow
{
  GtkBox parent_instance;

  IcwRowText *title;
  IcwRowText *subtitle;
  GBindingGroup *bindings;
  GSignalGroup *signals;
  IcwRegisterRowDescribe describe;
  gpointer describe_data;
};

G_DEFINE_FINAL_TYPE (IcwRegisterRow, icw_register_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (IcwRegisterRow *self)
{
  IcwRecord *record = icw_register_row_get_record (self);
  g_autofree char *subtitle = record != NULL ? self->describe (record, self->describe_data) : NULL;

  icw_row_text_set_text (self->subtitle, subtitle);
}

IcwRecord *
icw_register_row_get_record (IcwRegisterRow *self)
{
  g_autoptr(GObject) record = NULL;

  g_return_val_if_fail (ICW_IS_REGISTER_ROW (self), NULL);

  /* The signal group holds the record weakly; the list item holds it. */
  record = g_signal_group_dup_target (self->signals);
  return ICW_RECORD (record);
}

void
icw_register_row_set_record (IcwRegisterRow *self,
                             IcwRecord      *record)
{
  g_autoptr(GObject) shown = NULL;

  g_return_if_fail (ICW_IS_REGISTER_ROW (self));

  /* Bound again to the record it shows (GTK 4.8 does at every change of the row's position). */
  shown = g_signal_group_dup_target (self->signals);
  if (shown == (GObject *) record)
    return;
  g_binding_group_set_source (self->bindings, record);
  g_signal_group_set_target (self->signals, record);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

static void
icw_register_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_take_object (value, g_signal_group_dup_target (ICW_REGISTER_ROW (object)->signals));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_register_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_RECORD:
      icw_register_row_set_record (ICW_REGISTER_ROW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_register_row_dispose (GObject *object)
{
  IcwRegisterRow *self = ICW_REGISTER_ROW (object);

  if (self->signals != NULL)
    g_signal_group_set_target (self->signals, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  G_OBJECT_CLASS (icw_register_row_parent_class)->dispose (object);
}

static void
icw_register_row_class_init (IcwRegisterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = icw_register_row_get_property;
  object_class->set_property = icw_register_row_set_property;
  object_class->dispose = icw_register_row_dispose;

  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, ICW_TYPE_RECORD,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_register_row_init (IcwRegisterRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);
  /* Row texts, not labels: their size does not depend on the text (icw-row-text.h). */
  self->title = ICW_ROW_TEXT (icw_row_text_new ());
  self->subtitle = ICW_ROW_TEXT (icw_row_text_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->subtitle));

  self->bindings = g_binding_group_new ();
  self->signals = g_signal_group_new (ICW_TYPE_RECORD);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (update_subtitle), self);
}

static gboolean
name_or_untitled (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name != NULL && *name != '\0' ? name : _("Untitled"));
  return TRUE;
}

GtkWidget *
icw_register_row_new (const char             *name_property,
                      IcwRegisterRowDescribe  describe,
                      gpointer                data)
{
  IcwRegisterRow *self = g_object_new (ICW_TYPE_REGISTER_ROW, NULL);

  self->describe = describe;
  self->describe_data = data;
  g_binding_group_bind_full (self->bindings, name_property, self->title, "text", G_BINDING_SYNC_CREATE,
                             name_or_untitled, NULL, NULL, NULL);
  return GTK_WIDGET (self);
}
