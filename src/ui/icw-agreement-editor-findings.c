/* icw-agreement-editor-findings.c: the agreement editor and the findings of its check: which page
 * a finding's field is on (for the pages' badges), and opening that page and focusing the widget
 * that edits the field when a finding is activated. */
#include "config.h"

#include "icw-agreement-background-group.h"
#include "icw-agreement-editor-private.h"
#include "icw-agreement-pages.h"
#include "icw-agreement-parties-group.h"
#include "icw-agreement-results-group.h"
#include "icw-editor-parts.h"
#include "icw-field-row.h"
#include "icw-finding.h"
#include "icw-ip-agreement-check.h"
#include "icw-text-section.h"

/* The page a finding's field belongs to: "parties/2/share-bp" is on the parties page,
 * "parties/2/background-ip/0/number" on the background IP page, "ownership" with the results. */
static const char *
field_section (const char *field)
{
  static const char *const results_fields[] = { "results", "ownership", "project-access", "exploitation-access", NULL };
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 4);

  if (parts[0] == NULL || g_str_equal (parts[0], "title") || g_str_equal (parts[0], "effective-date") ||
      g_str_equal (parts[0], "shares"))
    return "parties";
  if (g_str_equal (parts[0], "parties"))
    return parts[1] != NULL && g_strcmp0 (parts[2], "background-ip") == 0 ? "background-ip" : "parties";
  if (g_strv_contains (results_fields, parts[0]))
    return "results";
  if (g_str_equal (parts[0], "special-clauses"))
    return "special-clauses";
  return "terms";
}

/* Badges */

void
icw_agreement_editor_update_badges (IcwAgreementEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *key = g_object_get_data (G_OBJECT (row), "key");
      GtkLabel *badge = g_object_get_data (G_OBJECT (row), "badge");
      guint errors = 0, warnings = 0;

      for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
        {
          IcwFinding *finding = g_ptr_array_index (self->findings, i);

          if (!g_str_equal (field_section (icw_finding_get_field (finding)), key))
            continue;
          if (icw_finding_get_severity (finding) == ICW_SEVERITY_ERROR)
            errors++;
          else
            warnings++;
        }
      icw_editor_badge_show (badge, errors, warnings, FALSE, "");
    }
}

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
icw_agreement_editor_show_field (IcwAgreementEditor *self,
                                 const char         *field)
{
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 6);
  const char *key = field_section (field);
  GtkWidget *widget = PAGE (self, key);
  guint index = 0;
  guint64 item = 0;

  if (self->agreement == NULL || parts[0] == NULL)
    return FALSE;
  icw_agreement_editor_select_section (self, key);
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
                                                                                   : g_object_get_data (G_OBJECT (self->title_row), "effective-date")))));
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
    icw_agreement_results_group_focus (g_object_get_data (G_OBJECT (widget), "results"), item, parts[2]);
  else if (g_str_equal (key, "special-clauses"))
    icw_text_section_focus (ICW_TEXT_SECTION (widget));
  else if (!icw_agreement_page_focus (widget, field_property (parts[0])))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  return TRUE;
}
