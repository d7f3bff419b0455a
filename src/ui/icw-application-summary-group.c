/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-summary-group.c: the register rows of the 基本情况表 (icw-application-summary-
 * group.h), rebuilt each time the application is shown; a value the registers do not state
 * reads "Not stated in the registers", so that the user knows where to fill it in. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-summary-group.h"
#include "icw-application-summary.h"

struct _IcwApplicationSummaryGroup
{
  AdwPreferencesGroup  parent_instance;
  IcwStore            *store;
  GPtrArray           *rows;   /* the rows shown, to remove them */
};

G_DEFINE_FINAL_TYPE (IcwApplicationSummaryGroup, icw_application_summary_group, ADW_TYPE_PREFERENCES_GROUP)

void
icw_application_summary_group_show (IcwApplicationSummaryGroup *self,
                                    IcwApplication             *application)
{
  g_autoptr(GPtrArray) summary = NULL;

  g_return_if_fail (ICW_IS_APPLICATION_SUMMARY_GROUP (self));
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (application == NULL)
    return;
  summary = icw_application_summary (self->store, application);
  for (guint i = 0; i < summary->len; i++)
    {
      IcwSummaryRow *item = summary->pdata[i];
      GtkWidget *row;

      if (!item->from_registers)
        continue;
      row = adw_action_row_new ();
      /* Labels and values are plain text ("R&D"), not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   *item->value != '\0' ? item->value : _("Not stated in the registers"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
icw_application_summary_group_dispose (GObject *object)
{
  IcwApplicationSummaryGroup *self = ICW_APPLICATION_SUMMARY_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (icw_application_summary_group_parent_class)->dispose (object);
}

static void
icw_application_summary_group_class_init (IcwApplicationSummaryGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_application_summary_group_dispose;
}

static void
icw_application_summary_group_init (IcwApplicationSummaryGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Summary table (基本情况表)"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Read from the center's registers, never retyped: change them in the center's record."));
}

GtkWidget *
icw_application_summary_group_new (IcwStore *store)
{
  IcwApplicationSummaryGroup *self = g_object_new (ICW_TYPE_APPLICATION_SUMMARY_GROUP, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
