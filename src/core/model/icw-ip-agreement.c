/* icw-ip-agreement.c: an IP-sharing agreement. A plain value object: the store loads, validates and
 * saves it (icw-store-agreements.c), and refuses changes once it is submitted. */
#include "config.h"

#include "icw-ip-agreement.h"

struct _IcwIpAgreement
{
  IcwRecord parent_instance;

  char *center_id;
  char *title;
  guint status;
  int version;
  char *lineage_id;
  char *reviewer_comments;
  char *effective_date;
  guint ownership;
  guint project_access;
  guint exploitation_access;
  guint patent_costs;
  char *patent_cost_party_id;
  int publication_review_days;
  guint exit_terms;
  char *exit_rules;
  int confidentiality_years;
  char *term_start;
  int term_years;
  guint dispute_resolution;
  char *dispute_body;
  char *results;
  char *special_clauses;
  char *guide_answers;
};

G_DEFINE_FINAL_TYPE (IcwIpAgreement, icw_ip_agreement, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CENTER_ID,
  PROP_TITLE,
  PROP_STATUS,
  PROP_VERSION,
  PROP_LINEAGE_ID,
  PROP_REVIEWER_COMMENTS,
  PROP_EFFECTIVE_DATE,
  PROP_OWNERSHIP,
  PROP_PROJECT_ACCESS,
  PROP_EXPLOITATION_ACCESS,
  PROP_PATENT_COSTS,
  PROP_PATENT_COST_PARTY_ID,
  PROP_PUBLICATION_REVIEW_DAYS,
  PROP_EXIT_TERMS,
  PROP_EXIT_RULES,
  PROP_CONFIDENTIALITY_YEARS,
  PROP_TERM_START,
  PROP_TERM_YEARS,
  PROP_DISPUTE_RESOLUTION,
  PROP_DISPUTE_BODY,
  PROP_RESULTS,
  PROP_SPECIAL_CLAUSES,
  PROP_GUIDE_ANSWERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
icw_ip_agreement_get_center_id (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->center_id;
}

void
icw_ip_agreement_set_center_id (IcwIpAgreement *self,
                               const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->center_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_ID]);
}

const char *
icw_ip_agreement_get_title (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->title;
}

void
icw_ip_agreement_set_title (IcwIpAgreement *self,
                           const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

IcwApplicationStatus
icw_ip_agreement_get_status (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->status;
}

void
icw_ip_agreement_set_status (IcwIpAgreement *self,
                            IcwApplicationStatus value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_APPLICATION_STATUSES);

  if (self->status != value)
    {
      self->status = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

int
icw_ip_agreement_get_version (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->version;
}

void
icw_ip_agreement_set_version (IcwIpAgreement *self,
                             int value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail (value >= 1);

  if (self->version != value)
    {
      self->version = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

const char *
icw_ip_agreement_get_lineage_id (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->lineage_id;
}

void
icw_ip_agreement_set_lineage_id (IcwIpAgreement *self,
                                const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->lineage_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINEAGE_ID]);
}

const char *
icw_ip_agreement_get_reviewer_comments (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->reviewer_comments;
}

void
icw_ip_agreement_set_reviewer_comments (IcwIpAgreement *self,
                                       const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->reviewer_comments, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_COMMENTS]);
}

const char *
icw_ip_agreement_get_effective_date (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->effective_date;
}

void
icw_ip_agreement_set_effective_date (IcwIpAgreement *self,
                                    const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->effective_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_DATE]);
}

IcwIpOwnership
icw_ip_agreement_get_ownership (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->ownership;
}

void
icw_ip_agreement_set_ownership (IcwIpAgreement *self,
                               IcwIpOwnership value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_IP_OWNERSHIPS);

  if (self->ownership != value)
    {
      self->ownership = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNERSHIP]);
    }
}

IcwAccessTerms
icw_ip_agreement_get_project_access (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->project_access;
}

void
icw_ip_agreement_set_project_access (IcwIpAgreement *self,
                                    IcwAccessTerms value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_ACCESS_TERMS);

  if (self->project_access != value)
    {
      self->project_access = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ACCESS]);
    }
}

IcwAccessTerms
icw_ip_agreement_get_exploitation_access (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->exploitation_access;
}

void
icw_ip_agreement_set_exploitation_access (IcwIpAgreement *self,
                                         IcwAccessTerms value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_ACCESS_TERMS);

  if (self->exploitation_access != value)
    {
      self->exploitation_access = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLOITATION_ACCESS]);
    }
}

IcwPatentCosts
icw_ip_agreement_get_patent_costs (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->patent_costs;
}

void
icw_ip_agreement_set_patent_costs (IcwIpAgreement *self,
                                  IcwPatentCosts value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_PATENT_COSTS);

  if (self->patent_costs != value)
    {
      self->patent_costs = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATENT_COSTS]);
    }
}

const char *
icw_ip_agreement_get_patent_cost_party_id (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->patent_cost_party_id;
}

void
icw_ip_agreement_set_patent_cost_party_id (IcwIpAgreement *self,
                                          const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->patent_cost_party_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATENT_COST_PARTY_ID]);
}

int
icw_ip_agreement_get_publication_review_days (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->publication_review_days;
}

void
icw_ip_agreement_set_publication_review_days (IcwIpAgreement *self,
                                             int value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail (value >= 0);

  if (self->publication_review_days != value)
    {
      self->publication_review_days = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_REVIEW_DAYS]);
    }
}

IcwExitTerms
icw_ip_agreement_get_exit_terms (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->exit_terms;
}

void
icw_ip_agreement_set_exit_terms (IcwIpAgreement *self,
                                IcwExitTerms value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_EXIT_TERMS);

  if (self->exit_terms != value)
    {
      self->exit_terms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXIT_TERMS]);
    }
}

const char *
icw_ip_agreement_get_exit_rules (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->exit_rules;
}

void
icw_ip_agreement_set_exit_rules (IcwIpAgreement *self,
                                const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->exit_rules, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXIT_RULES]);
}

int
icw_ip_agreement_get_confidentiality_years (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->confidentiality_years;
}

void
icw_ip_agreement_set_confidentiality_years (IcwIpAgreement *self,
                                           int value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail (value >= 0);

  if (self->confidentiality_years != value)
    {
      self->confidentiality_years = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENTIALITY_YEARS]);
    }
}

const char *
icw_ip_agreement_get_term_start (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->term_start;
}

void
icw_ip_agreement_set_term_start (IcwIpAgreement *self,
                                const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->term_start, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_START]);
}

int
icw_ip_agreement_get_term_years (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->term_years;
}

void
icw_ip_agreement_set_term_years (IcwIpAgreement *self,
                                int value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail (value >= 0);

  if (self->term_years != value)
    {
      self->term_years = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_YEARS]);
    }
}

IcwDisputeResolution
icw_ip_agreement_get_dispute_resolution (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), 0);
  return self->dispute_resolution;
}

void
icw_ip_agreement_set_dispute_resolution (IcwIpAgreement *self,
                                        IcwDisputeResolution value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));
  g_return_if_fail ((guint) value < ICW_N_DISPUTE_RESOLUTIONS);

  if (self->dispute_resolution != value)
    {
      self->dispute_resolution = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPUTE_RESOLUTION]);
    }
}

const char *
icw_ip_agreement_get_dispute_body (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->dispute_body;
}

void
icw_ip_agreement_set_dispute_body (IcwIpAgreement *self,
                                  const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->dispute_body, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPUTE_BODY]);
}

const char *
icw_ip_agreement_get_results (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->results;
}

void
icw_ip_agreement_set_results (IcwIpAgreement *self,
                             const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->results, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

const char *
icw_ip_agreement_get_special_clauses (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->special_clauses;
}

void
icw_ip_agreement_set_special_clauses (IcwIpAgreement *self,
                                     const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->special_clauses, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIAL_CLAUSES]);
}

const char *
icw_ip_agreement_get_guide_answers (IcwIpAgreement *self)
{
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (self), NULL);
  return self->guide_answers;
}

void
icw_ip_agreement_set_guide_answers (IcwIpAgreement *self,
                                   const char *value)
{
  g_return_if_fail (ICW_IS_IP_AGREEMENT (self));

  if (icw_set_str (&self->guide_answers, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDE_ANSWERS]);
}

static void
icw_ip_agreement_finalize (GObject *object)
{
  IcwIpAgreement *self = ICW_IP_AGREEMENT (object);

  g_free (self->center_id);
  g_free (self->title);
  g_free (self->lineage_id);
  g_free (self->reviewer_comments);
  g_free (self->effective_date);
  g_free (self->patent_cost_party_id);
  g_free (self->exit_rules);
  g_free (self->term_start);
  g_free (self->dispute_body);
  g_free (self->results);
  g_free (self->special_clauses);
  g_free (self->guide_answers);

  G_OBJECT_CLASS (icw_ip_agreement_parent_class)->finalize (object);
}

static void
icw_ip_agreement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcwIpAgreement *self = ICW_IP_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_CENTER_ID:
      g_value_set_string (value, self->center_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_LINEAGE_ID:
      g_value_set_string (value, self->lineage_id);
      break;

    case PROP_REVIEWER_COMMENTS:
      g_value_set_string (value, self->reviewer_comments);
      break;

    case PROP_EFFECTIVE_DATE:
      g_value_set_string (value, self->effective_date);
      break;

    case PROP_OWNERSHIP:
      g_value_set_uint (value, self->ownership);
      break;

    case PROP_PROJECT_ACCESS:
      g_value_set_uint (value, self->project_access);
      break;

    case PROP_EXPLOITATION_ACCESS:
      g_value_set_uint (value, self->exploitation_access);
      break;

    case PROP_PATENT_COSTS:
      g_value_set_uint (value, self->patent_costs);
      break;

    case PROP_PATENT_COST_PARTY_ID:
      g_value_set_string (value, self->patent_cost_party_id);
      break;

    case PROP_PUBLICATION_REVIEW_DAYS:
      g_value_set_int (value, self->publication_review_days);
      break;

    case PROP_EXIT_TERMS:
      g_value_set_uint (value, self->exit_terms);
      break;

    case PROP_EXIT_RULES:
      g_value_set_string (value, self->exit_rules);
      break;

    case PROP_CONFIDENTIALITY_YEARS:
      g_value_set_int (value, self->confidentiality_years);
      break;

    case PROP_TERM_START:
      g_value_set_string (value, self->term_start);
      break;

    case PROP_TERM_YEARS:
      g_value_set_int (value, self->term_years);
      break;

    case PROP_DISPUTE_RESOLUTION:
      g_value_set_uint (value, self->dispute_resolution);
      break;

    case PROP_DISPUTE_BODY:
      g_value_set_string (value, self->dispute_body);
      break;

    case PROP_RESULTS:
      g_value_set_string (value, self->results);
      break;

    case PROP_SPECIAL_CLAUSES:
      g_value_set_string (value, self->special_clauses);
      break;

    case PROP_GUIDE_ANSWERS:
      g_value_set_string (value, self->guide_answers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_ip_agreement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcwIpAgreement *self = ICW_IP_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_CENTER_ID:
      icw_ip_agreement_set_center_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      icw_ip_agreement_set_title (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      icw_ip_agreement_set_status (self, (IcwApplicationStatus) g_value_get_uint (value));
      break;

    case PROP_VERSION:
      icw_ip_agreement_set_version (self, g_value_get_int (value));
      break;

    case PROP_LINEAGE_ID:
      icw_ip_agreement_set_lineage_id (self, g_value_get_string (value));
      break;

    case PROP_REVIEWER_COMMENTS:
      icw_ip_agreement_set_reviewer_comments (self, g_value_get_string (value));
      break;

    case PROP_EFFECTIVE_DATE:
      icw_ip_agreement_set_effective_date (self, g_value_get_string (value));
      break;

    case PROP_OWNERSHIP:
      icw_ip_agreement_set_ownership (self, (IcwIpOwnership) g_value_get_uint (value));
      break;

    case PROP_PROJECT_ACCESS:
      icw_ip_agreement_set_project_access (self, (IcwAccessTerms) g_value_get_uint (value));
      break;

    case PROP_EXPLOITATION_ACCESS:
      icw_ip_agreement_set_exploitation_access (self, (IcwAccessTerms) g_value_get_uint (value));
      break;

    case PROP_PATENT_COSTS:
      icw_ip_agreement_set_patent_costs (self, (IcwPatentCosts) g_value_get_uint (value));
      break;

    case PROP_PATENT_COST_PARTY_ID:
      icw_ip_agreement_set_patent_cost_party_id (self, g_value_get_string (value));
      break;

    case PROP_PUBLICATION_REVIEW_DAYS:
      icw_ip_agreement_set_publication_review_days (self, g_value_get_int (value));
      break;

    case PROP_EXIT_TERMS:
      icw_ip_agreement_set_exit_terms (self, (IcwExitTerms) g_value_get_uint (value));
      break;

    case PROP_EXIT_RULES:
      icw_ip_agreement_set_exit_rules (self, g_value_get_string (value));
      break;

    case PROP_CONFIDENTIALITY_YEARS:
      icw_ip_agreement_set_confidentiality_years (self, g_value_get_int (value));
      break;

    case PROP_TERM_START:
      icw_ip_agreement_set_term_start (self, g_value_get_string (value));
      break;

    case PROP_TERM_YEARS:
      icw_ip_agreement_set_term_years (self, g_value_get_int (value));
      break;

    case PROP_DISPUTE_RESOLUTION:
      icw_ip_agreement_set_dispute_resolution (self, (IcwDisputeResolution) g_value_get_uint (value));
      break;

    case PROP_DISPUTE_BODY:
      icw_ip_agreement_set_dispute_body (self, g_value_get_string (value));
      break;

    case PROP_RESULTS:
      icw_ip_agreement_set_results (self, g_value_get_string (value));
      break;

    case PROP_SPECIAL_CLAUSES:
      icw_ip_agreement_set_special_clauses (self, g_value_get_string (value));
      break;

    case PROP_GUIDE_ANSWERS:
      icw_ip_agreement_set_guide_answers (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_ip_agreement_class_init (IcwIpAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_ip_agreement_finalize;
  object_class->get_property = icw_ip_agreement_get_property;
  object_class->set_property = icw_ip_agreement_set_property;

  /* The center it belongs to */
  properties[PROP_CENTER_ID] =
    g_param_spec_string ("center-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Title */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Draft, ready, submitted, returned or accepted (the shared life cycle) */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, ICW_N_APPLICATION_STATUSES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Version, from 1 */
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* ID of version 1, shared by every version */
  properties[PROP_LINEAGE_ID] =
    g_param_spec_string ("lineage-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Reviewer's comments */
  properties[PROP_REVIEWER_COMMENTS] =
    g_param_spec_string ("reviewer-comments", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Date the agreement takes effect, YYYY-MM-DD */
  properties[PROP_EFFECTIVE_DATE] =
    g_param_spec_string ("effective-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Who owns the results, unless a result says otherwise */
  properties[PROP_OWNERSHIP] =
    g_param_spec_uint ("ownership", NULL, NULL, 0, ICW_N_IP_OWNERSHIPS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Access to results and background IP for the project: royalty-free or fair and reasonable */
  properties[PROP_PROJECT_ACCESS] =
    g_param_spec_uint ("project-access", NULL, NULL, 0, ICW_N_ACCESS_TERMS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Access to results for exploitation after the project */
  properties[PROP_EXPLOITATION_ACCESS] =
    g_param_spec_uint ("exploitation-access", NULL, NULL, 0, ICW_N_ACCESS_TERMS - 1, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Who bears patent filing and maintenance costs */
  properties[PROP_PATENT_COSTS] =
    g_param_spec_uint ("patent-costs", NULL, NULL, 0, ICW_N_PATENT_COSTS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The organization that bears them, when a named party does */
  properties[PROP_PATENT_COST_PARTY_ID] =
    g_param_spec_string ("patent-cost-party-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Days the other parties have to review a publication */
  properties[PROP_PUBLICATION_REVIEW_DAYS] =
    g_param_spec_int ("publication-review-days", NULL, NULL, 0, G_MAXINT, 30,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What happens to a party that leaves */
  properties[PROP_EXIT_TERMS] =
    g_param_spec_uint ("exit-terms", NULL, NULL, 0, ICW_N_EXIT_TERMS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Further exit rules, free text */
  properties[PROP_EXIT_RULES] =
    g_param_spec_string ("exit-rules", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Years confidentiality lasts after the agreement ends */
  properties[PROP_CONFIDENTIALITY_YEARS] =
    g_param_spec_int ("confidentiality-years", NULL, NULL, 0, G_MAXINT, 5,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Start of the term, YYYY-MM-DD */
  properties[PROP_TERM_START] =
    g_param_spec_string ("term-start", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Length of the term in years */
  properties[PROP_TERM_YEARS] =
    g_param_spec_int ("term-years", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Arbitration or court */
  properties[PROP_DISPUTE_RESOLUTION] =
    g_param_spec_uint ("dispute-resolution", NULL, NULL, 0, ICW_N_DISPUTE_RESOLUTIONS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The arbitration commission or the court */
  properties[PROP_DISPUTE_BODY] =
    g_param_spec_string ("dispute-body", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Expected results and their owners, JSON array (icw-ip-agreement-parts.h) */
  properties[PROP_RESULTS] =
    g_param_spec_string ("results", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Special clauses, free text */
  properties[PROP_SPECIAL_CLAUSES] =
    g_param_spec_string ("special-clauses", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The answers given to the guide, JSON object (icw-agreement-guide.h) */
  properties[PROP_GUIDE_ANSWERS] =
    g_param_spec_string ("guide-answers", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_ip_agreement_init (IcwIpAgreement *self)
{
  self->version = 1;
  self->exploitation_access = ICW_ACCESS_FAIR_REASONABLE;
  self->publication_review_days = 30;
  self->confidentiality_years = 5;
}

IcwIpAgreement *
icw_ip_agreement_new (void)
{
  return g_object_new (ICW_TYPE_IP_AGREEMENT, NULL);
}
