/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-request.c: a funding request (资金申请). A plain value object like IcwApplication:
 * the store loads, validates and saves it (icw-store-funding.c). Its properties are its fields in
 * the field catalogue (icw-field-catalogue.c); the accessors below are the typed face of them, and
 * the sources also read as a set. */
#include "config.h"

#include "icw-enums.h"
#include "icw-funding-request.h"

struct _IcwFundingRequest
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwFundingRequest, icw_funding_request, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwFundingRequest, icw_funding_request, ICW_IS_FUNDING_REQUEST, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwFundingRequest, icw_funding_request, ICW_IS_FUNDING_REQUEST, CType, field, property)

TEXT_FIELD (center_id, "center-id")
TEXT_FIELD (application_id, "application-id")
TEXT_FIELD (technology, "technology")
NUMBER_FIELD (IcwApplicationStatus, status, "status")
TEXT_FIELD (title, "title")
NUMBER_FIELD (int, start_year, "start-year")
NUMBER_FIELD (int, period, "period")
TEXT_FIELD (sources, "sources")
TEXT_FIELD (category_set, "category-set")
NUMBER_FIELD (int, category_set_version, "category-set-version")
TEXT_FIELD (milestones, "milestones")
NUMBER_FIELD (gboolean, tax_deduction, "tax-deduction")
NUMBER_FIELD (gint64, tax_deduction_fen, "tax-deduction-fen")
TEXT_FIELD (lineage_id, "lineage-id")
NUMBER_FIELD (int, version, "version")
TEXT_FIELD (reviewer_comments, "reviewer-comments")

guint
icw_funding_request_list_sources (IcwFundingRequest *self,
                                  IcwFundingSource   out[ICW_N_FUNDING_SOURCES])
{
  const char *sources;
  g_auto(GStrv) keys = NULL;
  gboolean used[ICW_N_FUNDING_SOURCES] = { FALSE, };
  guint n = 0;

  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), 0);
  sources = icw_funding_request_get_sources (self);
  keys = g_strsplit (sources != NULL ? sources : "", ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      IcwFundingSource source;

      if (icw_funding_source_from_string (g_strstrip (keys[i]), &source))
        used[source] = TRUE;
    }
  for (guint s = 0; s < ICW_N_FUNDING_SOURCES; s++)
    if (used[s])
      out[n++] = (IcwFundingSource) s;
  return n;
}

gboolean
icw_funding_request_uses_source (IcwFundingRequest *self,
                                 IcwFundingSource   source)
{
  IcwFundingSource list[ICW_N_FUNDING_SOURCES];
  guint n = icw_funding_request_list_sources (self, list);

  for (guint i = 0; i < n; i++)
    if (list[i] == source)
      return TRUE;
  return FALSE;
}

void
icw_funding_request_set_source_used (IcwFundingRequest *self,
                                     IcwFundingSource   source,
                                     gboolean           used)
{
  IcwFundingSource list[ICW_N_FUNDING_SOURCES];
  gboolean set[ICW_N_FUNDING_SOURCES] = { FALSE, };
  guint n = icw_funding_request_list_sources (self, list);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail ((guint) source < ICW_N_FUNDING_SOURCES);
  for (guint i = 0; i < n; i++)
    set[list[i]] = TRUE;
  set[source] = used;
  for (guint s = 0; s < ICW_N_FUNDING_SOURCES; s++)
    if (set[s])
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", icw_funding_source_to_key (s));
  icw_funding_request_set_sources (self, text->len > 0 ? text->str : NULL);
}

static void
icw_funding_request_class_init (IcwFundingRequestClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_FUNDING_REQUEST);
}

/* The defaults of the numbers are the catalogue's (version, period and the category set's version
 * 1); the category set is the research template's, with the real equipment lines (设备购置费,
 * 设备试制费, 设备改造与租赁费) and travel, meetings and international cooperation apart. */
static void
icw_funding_request_init (IcwFundingRequest *self)
{
  icw_funding_request_set_category_set (self, "research-separate");
}

IcwFundingRequest *
icw_funding_request_new (void)
{
  return g_object_new (ICW_TYPE_FUNDING_REQUEST, NULL);
}
