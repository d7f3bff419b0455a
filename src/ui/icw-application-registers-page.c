/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-registers-page.c: one row per register of the application's center, titled with
 * its summary (icw-center-summaries.h) and subtitled with its warning, if any. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-alliance-member.h"
#include "icw-application-registers-page.h"
#include "icw-center-summaries.h"
#include "icw-center.h"
#include "icw-platform-coverage.h"
#include "icw-ui-util.h"

struct _IcwApplicationRegistersPage
{
  AdwPreferencesPage parent_instance;

  IcwStore *store;
  AdwActionRow *shareholders;
  AdwActionRow *members;
  AdwActionRow *platforms;
};

G_DEFINE_FINAL_TYPE (IcwApplicationRegistersPage, icw_application_registers_page, ADW_TYPE_PREFERENCES_PAGE)

static void
set_summary_row (AdwActionRow *row,
                 const char   *summary,
                 const char   *warning)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
  adw_action_row_set_subtitle (row, warning != NULL ? warning : "");
}

void
icw_application_registers_page_show (IcwApplicationRegistersPage *self,
                                     IcwApplication              *application)
{
  IcwStore *store = self->store;
  const char *center_id = icw_application_get_center_id (application);
  g_autoptr(IcwRecord) center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL);
  g_autoptr(GListModel) holders = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *summary = NULL, *warning = NULL;
  g_autofree char *members_summary = NULL, *members_warning = NULL;
  g_autofree char *coverage = NULL, *coverage_warning = NULL;
  g_autoptr(GPtrArray) held = NULL;
  guint platforms = 0;

  g_return_if_fail (ICW_IS_APPLICATION_REGISTERS_PAGE (self));

  if (center == NULL)
    return;
  holders = icw_store_list (store, ICW_RECORD_KIND_SHAREHOLDER, center_id);
  members = icw_store_list (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id);
  /* Counted as 64号's coverage rule counts them: the listed kinds, in the center's field. */
  held = icw_store_center_platforms (store, center_id);
  platforms = icw_platforms_counted_for_coverage (ICW_CENTER (center), held);
  summary = icw_shareholders_summary (holders, store, &warning);
  members_summary = icw_members_summary (members, store, &members_warning);
  coverage = icw_platform_coverage (platforms, icw_center_get_field_platform_total (ICW_CENTER (center)), &coverage_warning);
  set_summary_row (self->shareholders, summary, warning);
  set_summary_row (self->members, members_summary, members_warning);
  set_summary_row (self->platforms, coverage, coverage_warning);
}

static AdwActionRow *
summary_row (GtkWidget *group)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ACTION_ROW (row);
}

static void
icw_application_registers_page_dispose (GObject *object)
{
  IcwApplicationRegistersPage *self = ICW_APPLICATION_REGISTERS_PAGE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_application_registers_page_parent_class)->dispose (object);
}

static void
icw_application_registers_page_class_init (IcwApplicationRegistersPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_application_registers_page_dispose;
}

static void
icw_application_registers_page_init (IcwApplicationRegistersPage *self)
{
  GtkWidget *group = icw_ui_group_new (_("From the Center's Registers"),
                                       _("The shareholders, alliance members and national platforms come from the center's registers and are never retyped here. Edit them under Centers."));

  self->shareholders = summary_row (group);
  self->members = summary_row (group);
  self->platforms = summary_row (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

GtkWidget *
icw_application_registers_page_new (IcwStore *store)
{
  IcwApplicationRegistersPage *self = g_object_new (ICW_TYPE_APPLICATION_REGISTERS_PAGE, NULL);

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
