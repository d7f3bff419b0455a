/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-outline-group.c: the call's outline on the application's first page
 * (icw-application-outline-group.h). The outlines are read once per group; the rows are made
 * again each time the application is shown, since its kind or its center's province may change. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-outline-group.h"
#include "icw-application-sections.h"
#include "icw-center.h"
#include "icw-i18n.h"
#include "icw-outline.h"

struct _IcwApplicationOutlineGroup
{
  AdwPreferencesGroup  parent_instance;
  IcwStore            *store;
  GPtrArray           *outlines;  /* IcwOutline, all that were read */
  GPtrArray           *rows;      /* the rows shown, to remove them */
};

G_DEFINE_FINAL_TYPE (IcwApplicationOutlineGroup, icw_application_outline_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
add_row (IcwApplicationOutlineGroup *self,
         const char                 *title,
         const char                 *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* The outline's texts are plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static char *
section_subtitle (const IcwOutlineSection *section)
{
  IcwSection where = ICW_N_SECTIONS;
  const char *page;

  icw_section_from_key (section->section, &where);
  page = where < ICW_N_SECTIONS ? icw_section_get_title (where) : section->section;
  /* Translators: the call's own words, then the page of the editor it is written under */
  if (g_strcmp0 (section->basis, "policy") == 0 && section->required)
    return g_strdup_printf (_("Required by the call (“%s”) · written under %s"), section->quote, page);
  if (g_strcmp0 (section->basis, "policy") == 0)
    return g_strdup_printf (_("Named by the call (“%s”) · written under %s"), section->quote, page);
  return g_strdup_printf (_("Program practice, not the province's heading · %s"), page);
}

static void
show_outline (IcwApplicationOutlineGroup *self,
              IcwOutline                 *outline)
{
  g_autofree char *documents = icw_outline_dup_documents (outline);
  g_autofree char *source = icw_outline_dup_source (outline);
  g_autofree char *paper = icw_outline_dup_paper_text (outline);
  g_autofree char *applies = g_strdup_printf (_("Outline %s, version %d (%s, %s)"), icw_outline_get_id (outline),
                                              icw_outline_get_version (outline), icw_outline_get_province (outline),
                                              icw_application_kind_to_label (icw_outline_get_stage (outline)));
  gboolean electronic = FALSE;
  guint copies = icw_outline_get_paper_copies (outline, &electronic);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), icw_outline_get_title (outline));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), applies);
  add_row (self, _("Documents the call asks for"), documents);
  add_row (self, _("Source"), source);
  add_row (self, icw_outline_sections_known (outline) ? _("Sections, in the call's order")
                                                      : _("Sections: the province's list was not found"),
           icw_outline_get_sections_note (outline));
  for (guint i = 0; i < icw_outline_get_n_sections (outline); i++)
    {
      const IcwOutlineSection *section = icw_outline_get_section (outline, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, section->title);
      g_autofree char *subtitle = section_subtitle (section);

      add_row (self, title, subtitle);
    }
  for (guint i = 0; i < icw_outline_get_n_attachments (outline); i++)
    {
      const IcwOutlineAttachment *attachment = icw_outline_get_attachment (outline, i);
      g_autofree char *title = g_strdup_printf (_("Attachment: %s"), attachment->name);

      add_row (self, title, attachment->only_with_company ? _("Required once the center's company is registered")
                                                          : _("Required"));
    }
  if (icw_outline_get_attachments_note (outline) != NULL)
    add_row (self, _("Attachments"), icw_outline_get_attachments_note (outline));
  if (copies > 0)
    {
      g_autofree char *number = icw_copies_number (copies);
      g_autofree char *title = electronic ? g_strdup_printf (ngettext ("%s paper copy and an electronic copy",
                                                                       "%s paper copies and an electronic copy", copies), number)
                                          : g_strdup_printf (ngettext ("%s paper copy", "%s paper copies", copies), number);

      add_row (self, title, paper);
    }
  else
    add_row (self, _("Paper copies"), paper);
}

void
icw_application_outline_group_show (IcwApplicationOutlineGroup *self,
                                    IcwApplication             *application)
{
  g_autoptr(IcwCenter) center = NULL;
  IcwOutline *outline = NULL;

  g_return_if_fail (ICW_IS_APPLICATION_OUTLINE_GROUP (self));
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (application == NULL)
    return;
  if (self->outlines == NULL)
    self->outlines = icw_outlines_load_all (NULL);
  center = (IcwCenter *) icw_store_lookup (self->store, ICW_RECORD_KIND_CENTER,
                                           icw_application_get_center_id (application), NULL);
  if (center != NULL)
    outline = icw_outlines_find (self->outlines, icw_center_get_province (center),
                                 icw_application_get_kind (application));
  if (outline != NULL)
    {
      show_outline (self, outline);
      return;
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Outline of the call"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
  add_row (self, _("No outline is known for this province and stage"),
           _("Source not found: the program's own sections apply (program practice). Follow the call's own outline if it has one."));
}

static void
icw_application_outline_group_dispose (GObject *object)
{
  IcwApplicationOutlineGroup *self = ICW_APPLICATION_OUTLINE_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->outlines, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (icw_application_outline_group_parent_class)->dispose (object);
}

static void
icw_application_outline_group_class_init (IcwApplicationOutlineGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_application_outline_group_dispose;
}

static void
icw_application_outline_group_init (IcwApplicationOutlineGroup *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWidget *
icw_application_outline_group_new (IcwStore *store)
{
  IcwApplicationOutlineGroup *self = g_object_new (ICW_TYPE_APPLICATION_OUTLINE_GROUP, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
