/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center-editor.c: the center editor. The plain fields go through an IcwRecordForm; the host
 * company and the lead organization are chosen from the register, never typed; the tables are
 * IcwCenterLinksGroup and IcwPlatformsGroup; the reports are
 * IcwReportListGroup and the readiness to upgrade IcwReadinessGroup.
 *
 * The groups under the first screen (Basic Information fills the window's first screen: the host
 * company, the tables, the rule packs, the reports, the readiness panel, which runs 64号's pack
 * over the center's registers, and the Delete button) are filled, and shown, after the editor's
 * first frame, one group per frame, top to bottom: the first center of the window is on
 * screen without waiting for what only scrolling reaches, and no single frame carries the
 * measuring of all of them (issue 20: start-up to the filled first page). The rows under the first
 * screen (the host company's and Basic Information's last ones) are not even built before that
 * frame: they come with the first of those groups. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-center-editor.h"
#include "icw-center-links-group.h"
#include "icw-field-row.h"
#include "icw-organization-picker.h"
#include "icw-platforms-group.h"
#include "icw-readiness-group.h"
#include "icw-report-list-group.h"
#include "icw-record-form.h"
#include "icw-rule-packs-group.h"
#include "icw-title-box-layout.h"
#include "icw-ui-util.h"

struct _IcwCenterEditor
{
  AdwBin parent_instance;

  IcwStore *store;
  IcwCenter *center;
  IcwRecordForm *form;
  AdwPreferencesPage *page;
  GtkWidget *basic;
  GtkWidget *name_row;
  const char *choosing;        /* the property the organization picker shown sets */
  GtkWidget *host;
  AdwActionRow *host_row;      /* NULL until build_below_first_screen() */
  AdwActionRow *lead_row;
  GtkWidget *shareholders;
  GtkWidget *members;
  GtkWidget *platforms;
  GtkWidget *rule_packs;
  GtkWidget *reports;
  GtkWidget *readiness;
  GtkWidget *danger;
  gboolean drawn;              /* the editor has had a frame: groups are filled at once */
  gboolean below_pending;      /* the groups under the first screen wait for frames */
  guint n_below_filled;        /* how many of them, top to bottom, have the center */
  gulong after_paint_handler;
  GdkFrameClock *frame_clock;
  guint below_source;
};

G_DEFINE_FINAL_TYPE (IcwCenterEditor, icw_center_editor, ADW_TYPE_BIN)

static void
show_organization (IcwCenterEditor *self,
                   AdwActionRow    *row,
                   const char      *organization_id)
{
  g_autofree char *name = icw_ui_organization_name (self->store, organization_id);

  adw_action_row_set_subtitle (row, name != NULL ? name : _("Not chosen yet"));
}

static void
show_references (IcwCenterEditor *self)
{
  if (self->center == NULL || self->host_row == NULL)
    return;
  show_organization (self, self->host_row, icw_center_get_host_organization_id (self->center));
  show_organization (self, self->lead_row, icw_center_get_lead_organization_id (self->center));
}

static void
on_organization_chosen (IcwOrganizationPicker *picker,
                        IcwOrganization       *org,
                        IcwCenterEditor       *self)
{
  const char *property = self->choosing;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, icw_record_get_id (ICW_RECORD (org)));
  if (!icw_record_form_commit (self->form, property, &value, &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
  show_references (self);
}

static void
choose_organization (IcwCenterEditor *self,
                     const char      *property,
                     const char      *title)
{
  IcwOrganizationPicker *picker = icw_organization_picker_new (GTK_WIDGET (self), self->store, title);

  /* The picker is modal: one choice at a time. */
  self->choosing = property;
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_organization_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
on_choose_host (IcwCenterEditor *self)
{
  choose_organization (self, "host-organization-id", _("Choose the Host Company"));
}

static void
on_choose_lead (IcwCenterEditor *self)
{
  choose_organization (self, "lead-organization-id", _("Choose the Lead Organization"));
}

static void
on_delete_clicked (IcwCenterEditor *self)
{
  g_autofree char *message = NULL;

  if (self->center == NULL)
    return;
  message = g_strdup_printf (_("Center “%s” deleted"), icw_center_get_name (self->center));
  icw_ui_delete_with_undo (GTK_WIDGET (self), self->store, ICW_RECORD (self->center), message);
}

static AdwActionRow *
reference_row (const char *title,
               const char *button_label,
               GCallback   callback,
               gpointer    self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = icw_ui_mnemonic_button_new (button_label);
  g_autofree char *accessible = g_strdup_printf (_("Choose %s"), title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  icw_ui_button_set_accessible_name (button, accessible);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  icw_ui_row_skip_tab (row);  /* one Tab stop: the button */
  return ADW_ACTION_ROW (row);
}

/* The groups under the first screen, top to bottom. */
static GtkWidget *
below_group (IcwCenterEditor *self,
             guint            i)
{
  GtkWidget *groups[] = {
    self->host, self->shareholders, self->members, self->platforms, self->rule_packs, self->reports, self->readiness,
  };

  return i < G_N_ELEMENTS (groups) ? groups[i] : NULL;
}

static GtkWidget *
group (AdwPreferencesPage *page,
       const char         *title,
       const char         *description)
{
  GtkWidget *g = icw_ui_group_new (title, description);

  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
  return g;
}

static void
add_row (GtkWidget *g,
         GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
}

/* Rows under the catalogue's labels (icw-field-catalogue.c); the host company's group uses
 * shorter words of its own. */
static const char * const basic_fields[] = {
  "level", "status", "field", "province", "city", "year", "operating_model", "pilot_basis",
  "field_platform_total", NULL
};
static const char * const rule_packs_field[] = { "rule_packs", NULL };

/* The rows of Basic Information built before the editor's first frame: the ones the window's
 * first screen shows at its default 1280×800 (the thirteenth in part); the others come a frame
 * later, with the host company's (issue 20: start-up to the filled first page). */
#define FIRST_SCREEN_ROWS 13

/* The catalogue's other fields (after basic_fields, in its order) that Basic Information shows on
 * the first screen, until it has n_rows rows; the host company's fields and the rule packs have
 * groups of their own. */
static void
add_first_screen_fields (IcwCenterEditor *self,
                         guint            n_rows)
{
  static const char * const elsewhere[] = { "host_legal_form", "host_capital_fen", "host_founded", "rule_packs", NULL };
  guint n_fields;
  const IcwColumn *fields = icw_field_catalogue (ICW_RECORD_KIND_CENTER, &n_fields);
  guint rows = 1;   /* the name */

  for (guint i = 0; basic_fields[i] != NULL; i++)
    rows++;
  for (guint i = 0; i < n_fields && rows < n_rows; i++)
    {
      GtkWidget *row;

      if (icw_record_form_get_row (self->form, fields[i].property) != NULL || g_strv_contains (elsewhere, fields[i].name))
        continue;
      row = icw_record_form_add_field (self->form, &fields[i], NULL);
      if (row != NULL)
        {
          add_row (self->basic, row);
          rows++;
        }
    }
}

/* What the first screen does not show: the host company's rows and the rest of Basic
 * Information's, built with the first group under it (fill_group); the rows show the center at
 * once (a row added to a form with a record shows its value). */
static void
build_below_first_screen (IcwCenterEditor *self)
{
  IcwRecordForm *form = self->form;
  GtkWidget *host = self->host;

  if (self->host_row != NULL)
    return;
  self->host_row = reference_row (_("Host company"), _("C_hoose…"), G_CALLBACK (on_choose_host), self);
  add_row (host, GTK_WIDGET (self->host_row));
  add_row (host, icw_record_form_add_text (form, "host-legal-form", _("Legal form"), ICW_FIELD_TEXT));
  add_row (host, icw_record_form_add_text (form, "host-capital-fen", _("Registered capital"), ICW_FIELD_MONEY));
  add_row (host, icw_record_form_add_text (form, "host-founded", _("Founded"), ICW_FIELD_DATE));
  self->lead_row = reference_row (_("Lead organization"), _("Ch_oose…"), G_CALLBACK (on_choose_lead), self);
  add_row (host, GTK_WIDGET (self->lead_row));
  /* Fields the catalogue gains land in Basic Information; the rule packs have a group below. */
  icw_record_form_add_other_fields (form, ICW_RECORD_KIND_CENTER, ADW_PREFERENCES_GROUP (self->basic), rule_packs_field);
  icw_title_box_layout_install (self->basic);
  show_references (self);
}

static void
build (IcwCenterEditor *self,
       IcwMoneyUnit     money_unit)
{
  IcwRecordForm *form = self->form;
  GtkWidget *basic, *delete;

  basic = self->basic = group (self->page, _("Basic Information"), NULL);
  add_row (basic, self->name_row = icw_record_form_add_text (form, "name", _("Center name"), ICW_FIELD_TEXT));
  for (guint i = 0; basic_fields[i] != NULL; i++)
    add_row (basic, icw_record_form_add_field (form, icw_field_catalogue_find (ICW_RECORD_KIND_CENTER, basic_fields[i]), NULL));
  add_first_screen_fields (self, FIRST_SCREEN_ROWS);

  /* Its rows come with the first group under the first screen: build_below_first_screen(). */
  self->host = group (self->page, _("Host Company"),
                      _("The company (依托公司) that carries the center as an independent legal person."));

  self->shareholders = icw_center_links_group_new_shareholders (self->store, money_unit);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->shareholders));
  self->members = icw_center_links_group_new_members (self->store);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->members));
  self->platforms = icw_platforms_group_new (self->store);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->platforms));
  self->rule_packs = icw_rule_packs_group_new (self->store);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->rule_packs));
  self->reports = icw_report_list_group_new (self->store, money_unit);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->reports));
  self->readiness = icw_readiness_group_new (self->store);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->readiness));

  /* Hidden until they have the center: fill_group(). */
  for (guint i = 0; below_group (self, i) != NULL; i++)
    gtk_widget_set_visible (below_group (self, i), FALSE);

  self->danger = group (self->page, NULL, NULL);
  delete = icw_ui_mnemonic_button_new (_("_Delete Center"));
  gtk_widget_set_halign (delete, GTK_ALIGN_START);
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  add_row (self->danger, delete);
  gtk_widget_set_visible (self->danger, FALSE);
  /* The rows' titles measured without a height (icw-title-box-layout.c). */
  icw_title_box_layout_install (GTK_WIDGET (self->page));
}

/* The i-th group under the first screen gets the center, and is shown. */
static void
fill_group (IcwCenterEditor *self,
            guint            i)
{
  IcwCenter *center = self->center;
  GtkWidget *g = below_group (self, i);

  if (g == self->host)
    build_below_first_screen (self);
  else if (g == self->shareholders || g == self->members)
    icw_center_links_group_set_center (ICW_CENTER_LINKS_GROUP (g), center);
  else if (g == self->platforms)
    icw_platforms_group_set_center (ICW_PLATFORMS_GROUP (g), center);
  else if (g == self->rule_packs)
    icw_rule_packs_group_set_center (ICW_RULE_PACKS_GROUP (g), center);
  else if (g == self->reports)
    icw_report_list_group_set_center (ICW_REPORT_LIST_GROUP (g), center);
  else
    {
      icw_readiness_group_set_center (ICW_READINESS_GROUP (g), center);
      gtk_widget_set_visible (self->danger, TRUE);   /* the Delete button, last */
    }
  icw_title_box_layout_install (g);   /* the rows the center gave the group */
  gtk_widget_set_visible (g, TRUE);
}

static void
stop_waiting_for_frame (IcwCenterEditor *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

/* Every group under the first screen gets the center at once (a center chosen later). */
static void
fill_below (IcwCenterEditor *self)
{
  self->below_pending = FALSE;
  g_clear_handle_id (&self->below_source, g_source_remove);
  stop_waiting_for_frame (self);
  for (guint i = 0; below_group (self, i) != NULL; i++)
    fill_group (self, i);
  self->n_below_filled = G_MAXUINT;
}

/* The next group under the first screen is filled; the frame that lays it out comes before the
 * one after it (on_after_paint). */
static gboolean
fill_next_after_frame (gpointer data)
{
  IcwCenterEditor *self = data;

  self->below_source = 0;
  if (!self->below_pending)
    return G_SOURCE_REMOVE;
  fill_group (self, self->n_below_filled++);
  if (below_group (self, self->n_below_filled) == NULL)
    {
      self->below_pending = FALSE;
      stop_waiting_for_frame (self);
    }
  else if (self->frame_clock != NULL)
    gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  return G_SOURCE_REMOVE;
}

/* A frame of the editor is painted: the next group under it is filled in an idle of low
 * priority, so that this frame reaches the screen first. */
static void
on_after_paint (GdkFrameClock   *clock,
                IcwCenterEditor *self)
{
  self->drawn = TRUE;
  if (!self->below_pending)
    stop_waiting_for_frame (self);
  else if (self->below_source == 0)
    self->below_source = g_idle_add_full (G_PRIORITY_LOW, fill_next_after_frame, self, NULL);
}

static void
on_map (IcwCenterEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->drawn || self->frame_clock != NULL || clock == NULL)
    return;
  self->frame_clock = g_object_ref (clock);
  self->after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

void
icw_center_editor_set_center (IcwCenterEditor *self,
                              IcwCenter       *center)
{
  g_return_if_fail (ICW_IS_CENTER_EDITOR (self));

  if (self->center == center)
    return;
  if (self->center != NULL)
    g_signal_handlers_disconnect_by_data (self->center, self);
  g_set_object (&self->center, center);
  icw_record_form_set_record (self->form, ICW_RECORD (center));
  if (self->drawn)
    fill_below (self);
  else
    {
      self->below_pending = TRUE;
      self->n_below_filled = 0;
    }
  if (center != NULL)
    {
      g_signal_connect_swapped (center, "notify::host-organization-id", G_CALLBACK (show_references), self);
      g_signal_connect_swapped (center, "notify::lead-organization-id", G_CALLBACK (show_references), self);
    }
  show_references (self);
}

IcwCenter *
icw_center_editor_get_center (IcwCenterEditor *self)
{
  g_return_val_if_fail (ICW_IS_CENTER_EDITOR (self), NULL);
  return self->center;
}

void
icw_center_editor_focus_name (IcwCenterEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (self->name_row))));
}

static void
icw_center_editor_dispose (GObject *object)
{
  IcwCenterEditor *self = ICW_CENTER_EDITOR (object);

  /* Save what is still being typed before the rows go. */
  if (self->form != NULL)
    icw_record_form_flush (self->form);
  if (self->center != NULL)
    g_signal_handlers_disconnect_by_data (self->center, self);
  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->below_source, g_source_remove);

  G_OBJECT_CLASS (icw_center_editor_parent_class)->dispose (object);

  g_clear_object (&self->form);
  g_clear_object (&self->center);
  g_clear_object (&self->store);
}

static void
icw_center_editor_class_init (IcwCenterEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_center_editor_dispose;
}

static void
icw_center_editor_init (IcwCenterEditor *self)
{
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
icw_center_editor_new (IcwStore     *store,
                       IcwMoneyUnit  money_unit)
{
  IcwCenterEditor *self = g_object_new (ICW_TYPE_CENTER_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->form = icw_record_form_new (store, money_unit);
  build (self, money_unit);
  return GTK_WIDGET (self);
}
