/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-editor-findings.c: the agreement editor and the findings of its check: opening
 * the page of a finding's field (icw_document_kind_agreement says which) and focusing the widget
 * that edits the field when a finding is activated. */
#include "config.h"

#include "icw-agreement-background-group.h"
#include "icw-agreement-editor-private.h"
#include "icw-agreement-pages.h"
#include "icw-agreement-parties-group.h"
#include "icw-agreement-results-group.h"
#include "icw-field-row.h"
#include "icw-ip-agreement-check.h"
#include "icw-text-section.h"

/* Navigation to a field */

/* A party in a field is its position among the parties or its ID. */
static gboolean
party_index (IcwAgreementEditor *self,
             const char         *part,
             guint              *index)
{
  g_autoptr(GPtrArray) parties = NULL;
  guint64 number;

  if (part == NULL)
    return FALSE;
  if (g_ascii_string_to_unsigned (part, 10, 0, G_MAXUINT, &number, NULL))
    {
      *index = number;
      return TRUE;
    }
  parties = icw_ip_agreement_list_parties (self->store, self->agreement);
  for (guint i = 0; i < parties->len; i++)
    if (g_str_equal (icw_record_get_id (g_ptr_array_index (parties, i)), part))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* The check names some fields by what they are about rather than by property. */
static const char *
field_property (const char *name)
{
  static const char *const aliases[][2] = {
    { "signature", "signed" },
    { "share", "share-bp" },
    { "patent-cost-party", "patent-cost-party-id" },
    { "term", "term-start" },
    { "dispute", "dispute-body" },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (name, aliases[i][0]))
      return aliases[i][1];
  return name;
}

gboolean
_icw_agreement_editor_show_field (IcwDocumentEditor *shell,
                                  const char        *field)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (shell);
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 6);
  const char *key = icw_document_kind_agreement.page_of_field (field);
  GtkWidget *widget = PAGE (self, key);
  guint index = 0;
  guint64 item = 0;

  if (self->agreement == NULL || parts[0] == NULL)
    return FALSE;
  icw_document_editor_select_page (shell, key);
  if (g_str_equal (parts[0], "shares"))
    icw_agreement_parties_group_focus (ICW_AGREEMENT_PARTIES_GROUP (widget), 0, "share-bp");
  else if (g_str_equal (key, "parties") && g_str_equal (parts[0], "parties"))
    {
      /* "parties/<id>" alone opens the party's details. */
      const char *property = parts[1] != NULL ? (parts[2] != NULL ? field_property (parts[2]) : "contribution-fen") : NULL;

      if (!party_index (self, parts[1], &index) ||
          !icw_agreement_parties_group_focus (ICW_AGREEMENT_PARTIES_GROUP (widget), index, property))
        gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    }
  else if (g_str_equal (key, "parties"))
    gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (g_str_equal (parts[0], "title")
                                                                                   ? self->title_row
                                                                                   : self->effective_row))));
  else if (g_str_equal (key, "background-ip"))
    {
      if (party_index (self, parts[1], &index))
        {
          if (parts[3] != NULL)
            g_ascii_string_to_unsigned (parts[3], 10, 0, G_MAXUINT, &item, NULL);
          icw_agreement_background_group_focus (ICW_AGREEMENT_BACKGROUND_GROUP (widget), index, item,
                                                parts[3] != NULL ? parts[4] : NULL);
        }
    }
  else if (g_str_equal (key, "results") && g_str_equal (parts[0], "results") && parts[1] != NULL &&
           g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &item, NULL))
    icw_agreement_results_group_focus (ICW_AGREEMENT_RESULTS_GROUP (self->results_group), item, parts[2]);
  else if (g_str_equal (key, "special-clauses"))
    icw_text_section_focus (ICW_TEXT_SECTION (widget));
  else if (!icw_agreement_page_focus (self->form, widget, field_property (parts[0])))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  return TRUE;
}
