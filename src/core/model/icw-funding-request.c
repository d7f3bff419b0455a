/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-request.c: a funding request (资金申请). A plain value object like IcwApplication:
 * the store loads, validates and saves it (icw-store-funding.c). Text and integer properties share
 * accessors found through the offset of their field. */
#include "config.h"

#include <string.h>

#include "icw-enums.h"
#include "icw-funding-request.h"

struct _IcwFundingRequest
{
  IcwRecord parent_instance;

  IcwApplicationStatus status;
  int version;
  int start_year;
  int period;
  int category_set_version;
  gboolean tax_deduction;
  gint64 tax_deduction_fen;

  char *lineage_id;
  char *reviewer_comments;
  char *center_id;
  char *application_id;
  char *technology;
  char *title;
  char *sources;
  char *category_set;
  char *milestones;
};

G_DEFINE_FINAL_TYPE (IcwFundingRequest, icw_funding_request, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_TAX_DEDUCTION,
  PROP_TAX_DEDUCTION_FEN,
  /* int properties */
  PROP_VERSION,
  PROP_START_YEAR,
  PROP_PERIOD,
  PROP_CATEGORY_SET_VERSION,
  /* text properties */
  PROP_LINEAGE_ID,
  PROP_REVIEWER_COMMENTS,
  PROP_CENTER_ID,
  PROP_APPLICATION_ID,
  PROP_TECHNOLOGY,
  PROP_TITLE,
  PROP_SOURCES,
  PROP_CATEGORY_SET,
  PROP_MILESTONES,
  N_PROPS
};

#define FIRST_INT PROP_VERSION
#define FIRST_TEXT PROP_LINEAGE_ID

static GParamSpec *properties[N_PROPS];

static const gsize offsets[N_PROPS] = {
  [PROP_VERSION] = G_STRUCT_OFFSET (IcwFundingRequest, version),
  [PROP_START_YEAR] = G_STRUCT_OFFSET (IcwFundingRequest, start_year),
  [PROP_PERIOD] = G_STRUCT_OFFSET (IcwFundingRequest, period),
  [PROP_CATEGORY_SET_VERSION] = G_STRUCT_OFFSET (IcwFundingRequest, category_set_version),
  [PROP_LINEAGE_ID] = G_STRUCT_OFFSET (IcwFundingRequest, lineage_id),
  [PROP_REVIEWER_COMMENTS] = G_STRUCT_OFFSET (IcwFundingRequest, reviewer_comments),
  [PROP_CENTER_ID] = G_STRUCT_OFFSET (IcwFundingRequest, center_id),
  [PROP_APPLICATION_ID] = G_STRUCT_OFFSET (IcwFundingRequest, application_id),
  [PROP_TECHNOLOGY] = G_STRUCT_OFFSET (IcwFundingRequest, technology),
  [PROP_TITLE] = G_STRUCT_OFFSET (IcwFundingRequest, title),
  [PROP_SOURCES] = G_STRUCT_OFFSET (IcwFundingRequest, sources),
  [PROP_CATEGORY_SET] = G_STRUCT_OFFSET (IcwFundingRequest, category_set),
  [PROP_MILESTONES] = G_STRUCT_OFFSET (IcwFundingRequest, milestones),
};

static gboolean
is_text (guint prop_id)
{
  return prop_id >= FIRST_TEXT && prop_id < N_PROPS;
}

static gboolean
is_int (guint prop_id)
{
  return prop_id >= FIRST_INT && prop_id < FIRST_TEXT;
}

static const char *
get_text (IcwFundingRequest *self,
          guint              prop_id)
{
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), NULL);
  g_assert (is_text (prop_id));
  return G_STRUCT_MEMBER (char *, self, offsets[prop_id]);
}

static void
set_text (IcwFundingRequest *self,
          guint              prop_id,
          const char        *value)
{
  g_return_if_fail (ICW_IS_FUNDING_REQUEST (self));
  g_assert (is_text (prop_id));
  if (icw_set_str (&G_STRUCT_MEMBER (char *, self, offsets[prop_id]), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static int
get_int (IcwFundingRequest *self,
         guint              prop_id)
{
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), 0);
  g_assert (is_int (prop_id));
  return G_STRUCT_MEMBER (int, self, offsets[prop_id]);
}

/* Ints are range-checked by their GParamSpec when set as properties; the store checks the rest. */
static void
set_int (IcwFundingRequest *self,
         guint              prop_id,
         int                value)
{
  int *field;

  g_return_if_fail (ICW_IS_FUNDING_REQUEST (self));
  g_assert (is_int (prop_id));
  field = &G_STRUCT_MEMBER (int, self, offsets[prop_id]);
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

#define TEXT_ACCESSORS(field, PROP)                                                  \
  const char *icw_funding_request_get_##field (IcwFundingRequest *self)              \
  { return get_text (self, PROP); }                                                  \
  void icw_funding_request_set_##field (IcwFundingRequest *self, const char *value)  \
  { set_text (self, PROP, value); }

#define INT_ACCESSORS(field, PROP)                                                   \
  int icw_funding_request_get_##field (IcwFundingRequest *self)                      \
  { return get_int (self, PROP); }                                                   \
  void icw_funding_request_set_##field (IcwFundingRequest *self, int value)          \
  { set_int (self, PROP, value); }

TEXT_ACCESSORS (lineage_id, PROP_LINEAGE_ID)
TEXT_ACCESSORS (reviewer_comments, PROP_REVIEWER_COMMENTS)
TEXT_ACCESSORS (center_id, PROP_CENTER_ID)
TEXT_ACCESSORS (application_id, PROP_APPLICATION_ID)
TEXT_ACCESSORS (technology, PROP_TECHNOLOGY)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (sources, PROP_SOURCES)
TEXT_ACCESSORS (category_set, PROP_CATEGORY_SET)
TEXT_ACCESSORS (milestones, PROP_MILESTONES)
INT_ACCESSORS (version, PROP_VERSION)
INT_ACCESSORS (start_year, PROP_START_YEAR)
INT_ACCESSORS (period, PROP_PERIOD)
INT_ACCESSORS (category_set_version, PROP_CATEGORY_SET_VERSION)

IcwApplicationStatus
icw_funding_request_get_status (IcwFundingRequest *self)
{
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), 0);
  return self->status;
}

void
icw_funding_request_set_status (IcwFundingRequest    *self,
                                IcwApplicationStatus  value)
{
  g_return_if_fail (ICW_IS_FUNDING_REQUEST (self));
  g_return_if_fail ((guint) value < ICW_N_APPLICATION_STATUSES);
  if (self->status != value)
    {
      self->status = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

gboolean
icw_funding_request_get_tax_deduction (IcwFundingRequest *self)
{
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), FALSE);
  return self->tax_deduction;
}

void
icw_funding_request_set_tax_deduction (IcwFundingRequest *self,
                                       gboolean           value)
{
  g_return_if_fail (ICW_IS_FUNDING_REQUEST (self));
  value = !!value;
  if (self->tax_deduction != value)
    {
      self->tax_deduction = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_DEDUCTION]);
    }
}

gint64
icw_funding_request_get_tax_deduction_fen (IcwFundingRequest *self)
{
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), 0);
  return self->tax_deduction_fen;
}

void
icw_funding_request_set_tax_deduction_fen (IcwFundingRequest *self,
                                           gint64             value)
{
  g_return_if_fail (ICW_IS_FUNDING_REQUEST (self));
  if (self->tax_deduction_fen != value)
    {
      self->tax_deduction_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_DEDUCTION_FEN]);
    }
}

guint
icw_funding_request_list_sources (IcwFundingRequest *self,
                                  IcwFundingSource   out[ICW_N_FUNDING_SOURCES])
{
  g_auto(GStrv) keys = NULL;
  gboolean used[ICW_N_FUNDING_SOURCES] = { FALSE, };
  guint n = 0;

  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (self), 0);
  keys = g_strsplit (self->sources != NULL ? self->sources : "", ",", -1);
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
  set_text (self, PROP_SOURCES, text->len > 0 ? text->str : NULL);
}

static void
icw_funding_request_finalize (GObject *object)
{
  IcwFundingRequest *self = ICW_FUNDING_REQUEST (object);

  for (guint prop_id = FIRST_TEXT; prop_id < N_PROPS; prop_id++)
    g_clear_pointer (&G_STRUCT_MEMBER (char *, self, offsets[prop_id]), g_free);

  G_OBJECT_CLASS (icw_funding_request_parent_class)->finalize (object);
}

static void
icw_funding_request_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IcwFundingRequest *self = ICW_FUNDING_REQUEST (object);

  if (prop_id == PROP_STATUS)
    g_value_set_uint (value, self->status);
  else if (prop_id == PROP_TAX_DEDUCTION)
    g_value_set_boolean (value, self->tax_deduction);
  else if (prop_id == PROP_TAX_DEDUCTION_FEN)
    g_value_set_int64 (value, self->tax_deduction_fen);
  else if (is_int (prop_id))
    g_value_set_int (value, get_int (self, prop_id));
  else if (is_text (prop_id))
    g_value_set_string (value, get_text (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
icw_funding_request_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IcwFundingRequest *self = ICW_FUNDING_REQUEST (object);

  if (prop_id == PROP_STATUS)
    icw_funding_request_set_status (self, (IcwApplicationStatus) g_value_get_uint (value));
  else if (prop_id == PROP_TAX_DEDUCTION)
    icw_funding_request_set_tax_deduction (self, g_value_get_boolean (value));
  else if (prop_id == PROP_TAX_DEDUCTION_FEN)
    icw_funding_request_set_tax_deduction_fen (self, g_value_get_int64 (value));
  else if (is_int (prop_id))
    set_int (self, prop_id, g_value_get_int (value));
  else if (is_text (prop_id))
    set_text (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

#define FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
icw_funding_request_class_init (IcwFundingRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *const text_names[] = {
    "lineage-id", "reviewer-comments", "center-id", "application-id", "technology", "title",
    "sources", "category-set", "milestones",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == N_PROPS - FIRST_TEXT);

  object_class->finalize = icw_funding_request_finalize;
  object_class->get_property = icw_funding_request_get_property;
  object_class->set_property = icw_funding_request_set_property;

  /* Draft, ready, submitted, returned or accepted (IcwApplicationStatus: shared by every kind) */
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, ICW_N_APPLICATION_STATUSES - 1, 0, FLAGS);
  /* R&D super-deduction claimed */
  properties[PROP_TAX_DEDUCTION] = g_param_spec_boolean ("tax-deduction", NULL, NULL, FALSE, FLAGS);
  /* Its amount in fen */
  properties[PROP_TAX_DEDUCTION_FEN] = g_param_spec_int64 ("tax-deduction-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0, FLAGS);
  /* Version, from 1 */
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1, FLAGS);
  /* First year of the budget; the store checks its range */
  properties[PROP_START_YEAR] = g_param_spec_int ("start-year", NULL, NULL, 0, G_MAXINT, 0, FLAGS);
  /* Number of years; the store checks 1–10 */
  properties[PROP_PERIOD] = g_param_spec_int ("period", NULL, NULL, 0, G_MAXINT, 1, FLAGS);
  /* Version of the category set */
  properties[PROP_CATEGORY_SET_VERSION] = g_param_spec_int ("category-set-version", NULL, NULL, 0, G_MAXINT, 1, FLAGS);
  for (guint i = 0; i < G_N_ELEMENTS (text_names); i++)
    properties[FIRST_TEXT + i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_funding_request_init (IcwFundingRequest *self)
{
  self->version = 1;
  self->period = 1;
  self->category_set_version = 1;
  self->category_set = g_strdup ("standard");
}

IcwFundingRequest *
icw_funding_request_new (void)
{
  return g_object_new (ICW_TYPE_FUNDING_REQUEST, NULL);
}
