/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application.c: a center application (申报书). A plain value object: the store loads,
 * validates and saves it, and refuses changes once it is submitted (icw-store-applications.c). The
 * many text properties share one pair of accessors, found through the offset of their field. */
#include "config.h"

#include "icw-application.h"

struct _IcwApplication
{
  IcwRecord parent_instance;

  IcwApplicationKind kind;
  IcwApplicationStatus status;
  int version;

  char *center_id;
  char *title;
  char *call_name;
  char *call_issuer;
  char *call_deadline;
  char *lineage_id;
  char *reviewer_comments;
  char *section_background;
  char *section_foundation;
  char *section_goals;
  char *section_approach;
  char *section_mechanism;
  char *section_assessment;
  char *section_risks;
  char *section_budget;
  char *section_benefits;
  char *roadmap;
  char *capability_platforms;
  char *indicators;
  char *tasks;
};

G_DEFINE_FINAL_TYPE (IcwApplication, icw_application, ICW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATUS,
  PROP_VERSION,
  PROP_CENTER_ID,
  PROP_TITLE,
  PROP_CALL_NAME,
  PROP_CALL_ISSUER,
  PROP_CALL_DEADLINE,
  PROP_LINEAGE_ID,
  PROP_REVIEWER_COMMENTS,
  PROP_SECTION_BACKGROUND,
  PROP_SECTION_FOUNDATION,
  PROP_SECTION_GOALS,
  PROP_SECTION_APPROACH,
  PROP_SECTION_MECHANISM,
  PROP_SECTION_ASSESSMENT,
  PROP_SECTION_RISKS,
  PROP_SECTION_BUDGET,
  PROP_SECTION_BENEFITS,
  PROP_ROADMAP,
  PROP_CAPABILITY_PLATFORMS,
  PROP_INDICATORS,
  PROP_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where each text property lives in the struct; 0 for the properties that are not text. */
static const gsize text_offsets[N_PROPS] = {
  [PROP_CENTER_ID] = G_STRUCT_OFFSET (IcwApplication, center_id),
  [PROP_TITLE] = G_STRUCT_OFFSET (IcwApplication, title),
  [PROP_CALL_NAME] = G_STRUCT_OFFSET (IcwApplication, call_name),
  [PROP_CALL_ISSUER] = G_STRUCT_OFFSET (IcwApplication, call_issuer),
  [PROP_CALL_DEADLINE] = G_STRUCT_OFFSET (IcwApplication, call_deadline),
  [PROP_LINEAGE_ID] = G_STRUCT_OFFSET (IcwApplication, lineage_id),
  [PROP_REVIEWER_COMMENTS] = G_STRUCT_OFFSET (IcwApplication, reviewer_comments),
  [PROP_SECTION_BACKGROUND] = G_STRUCT_OFFSET (IcwApplication, section_background),
  [PROP_SECTION_FOUNDATION] = G_STRUCT_OFFSET (IcwApplication, section_foundation),
  [PROP_SECTION_GOALS] = G_STRUCT_OFFSET (IcwApplication, section_goals),
  [PROP_SECTION_APPROACH] = G_STRUCT_OFFSET (IcwApplication, section_approach),
  [PROP_SECTION_MECHANISM] = G_STRUCT_OFFSET (IcwApplication, section_mechanism),
  [PROP_SECTION_ASSESSMENT] = G_STRUCT_OFFSET (IcwApplication, section_assessment),
  [PROP_SECTION_RISKS] = G_STRUCT_OFFSET (IcwApplication, section_risks),
  [PROP_SECTION_BUDGET] = G_STRUCT_OFFSET (IcwApplication, section_budget),
  [PROP_SECTION_BENEFITS] = G_STRUCT_OFFSET (IcwApplication, section_benefits),
  [PROP_ROADMAP] = G_STRUCT_OFFSET (IcwApplication, roadmap),
  [PROP_CAPABILITY_PLATFORMS] = G_STRUCT_OFFSET (IcwApplication, capability_platforms),
  [PROP_INDICATORS] = G_STRUCT_OFFSET (IcwApplication, indicators),
  [PROP_TASKS] = G_STRUCT_OFFSET (IcwApplication, tasks),
};

static char **
text_field (IcwApplication *self,
            guint           prop_id)
{
  g_assert (prop_id < N_PROPS && text_offsets[prop_id] != 0);
  return &G_STRUCT_MEMBER (char *, self, text_offsets[prop_id]);
}

static const char *
get_text (IcwApplication *self,
          guint           prop_id)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (self), NULL);
  return *text_field (self, prop_id);
}

static void
set_text (IcwApplication *self,
          guint           prop_id,
          const char     *value)
{
  g_return_if_fail (ICW_IS_APPLICATION (self));

  if (icw_set_str (text_field (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

#define DEFINE_TEXT_ACCESSORS(field, PROP)                                      \
  const char *icw_application_get_##field (IcwApplication *self)                \
  {                                                                             \
    return get_text (self, PROP);                                               \
  }                                                                             \
  void icw_application_set_##field (IcwApplication *self, const char *value)    \
  {                                                                             \
    set_text (self, PROP, value);                                               \
  }

DEFINE_TEXT_ACCESSORS (center_id, PROP_CENTER_ID)
DEFINE_TEXT_ACCESSORS (title, PROP_TITLE)
DEFINE_TEXT_ACCESSORS (call_name, PROP_CALL_NAME)
DEFINE_TEXT_ACCESSORS (call_issuer, PROP_CALL_ISSUER)
DEFINE_TEXT_ACCESSORS (call_deadline, PROP_CALL_DEADLINE)
DEFINE_TEXT_ACCESSORS (lineage_id, PROP_LINEAGE_ID)
DEFINE_TEXT_ACCESSORS (reviewer_comments, PROP_REVIEWER_COMMENTS)
DEFINE_TEXT_ACCESSORS (section_background, PROP_SECTION_BACKGROUND)
DEFINE_TEXT_ACCESSORS (section_foundation, PROP_SECTION_FOUNDATION)
DEFINE_TEXT_ACCESSORS (section_goals, PROP_SECTION_GOALS)
DEFINE_TEXT_ACCESSORS (section_approach, PROP_SECTION_APPROACH)
DEFINE_TEXT_ACCESSORS (section_mechanism, PROP_SECTION_MECHANISM)
DEFINE_TEXT_ACCESSORS (section_assessment, PROP_SECTION_ASSESSMENT)
DEFINE_TEXT_ACCESSORS (section_risks, PROP_SECTION_RISKS)
DEFINE_TEXT_ACCESSORS (section_budget, PROP_SECTION_BUDGET)
DEFINE_TEXT_ACCESSORS (section_benefits, PROP_SECTION_BENEFITS)
DEFINE_TEXT_ACCESSORS (roadmap, PROP_ROADMAP)
DEFINE_TEXT_ACCESSORS (capability_platforms, PROP_CAPABILITY_PLATFORMS)
DEFINE_TEXT_ACCESSORS (indicators, PROP_INDICATORS)
DEFINE_TEXT_ACCESSORS (tasks, PROP_TASKS)

IcwApplicationKind
icw_application_get_kind (IcwApplication *self)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (self), 0);
  return self->kind;
}

void
icw_application_set_kind (IcwApplication     *self,
                          IcwApplicationKind  value)
{
  g_return_if_fail (ICW_IS_APPLICATION (self));
  g_return_if_fail ((guint) value < ICW_N_APPLICATION_KINDS);

  if (self->kind != value)
    {
      self->kind = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

IcwApplicationStatus
icw_application_get_status (IcwApplication *self)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (self), 0);
  return self->status;
}

void
icw_application_set_status (IcwApplication       *self,
                            IcwApplicationStatus  value)
{
  g_return_if_fail (ICW_IS_APPLICATION (self));
  g_return_if_fail ((guint) value < ICW_N_APPLICATION_STATUSES);

  if (self->status != value)
    {
      self->status = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

int
icw_application_get_version (IcwApplication *self)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (self), 0);
  return self->version;
}

void
icw_application_set_version (IcwApplication *self,
                             int             value)
{
  g_return_if_fail (ICW_IS_APPLICATION (self));
  g_return_if_fail (value >= 1);

  if (self->version != value)
    {
      self->version = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

static void
icw_application_finalize (GObject *object)
{
  IcwApplication *self = ICW_APPLICATION (object);

  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    if (text_offsets[prop_id] != 0)
      g_clear_pointer (text_field (self, prop_id), g_free);

  G_OBJECT_CLASS (icw_application_parent_class)->finalize (object);
}

static void
icw_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcwApplication *self = ICW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    default:
      if (prop_id < N_PROPS && text_offsets[prop_id] != 0)
        g_value_set_string (value, *text_field (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcwApplication *self = ICW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      icw_application_set_kind (self, (IcwApplicationKind) g_value_get_uint (value));
      break;

    case PROP_STATUS:
      icw_application_set_status (self, (IcwApplicationStatus) g_value_get_uint (value));
      break;

    case PROP_VERSION:
      icw_application_set_version (self, g_value_get_int (value));
      break;

    default:
      if (prop_id < N_PROPS && text_offsets[prop_id] != 0)
        set_text (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
text_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
icw_application_class_init (IcwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_application_finalize;
  object_class->get_property = icw_application_get_property;
  object_class->set_property = icw_application_set_property;

  /* Provincial recognition, national recognition or upgrade to national */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, ICW_N_APPLICATION_KINDS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Draft, ready, submitted, returned or accepted */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, ICW_N_APPLICATION_STATUSES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Version, from 1 */
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The center it belongs to */
  properties[PROP_CENTER_ID] = text_param ("center-id");
  /* Title */
  properties[PROP_TITLE] = text_param ("title");
  /* Name of the call */
  properties[PROP_CALL_NAME] = text_param ("call-name");
  /* Body that issued the call */
  properties[PROP_CALL_ISSUER] = text_param ("call-issuer");
  /* Deadline of the call, YYYY-MM-DD */
  properties[PROP_CALL_DEADLINE] = text_param ("call-deadline");
  /* ID of version 1, shared by every version */
  properties[PROP_LINEAGE_ID] = text_param ("lineage-id");
  /* Reviewer's comments */
  properties[PROP_REVIEWER_COMMENTS] = text_param ("reviewer-comments");
  /* 建设背景 */
  properties[PROP_SECTION_BACKGROUND] = text_param ("section-background");
  /* 建设基础 */
  properties[PROP_SECTION_FOUNDATION] = text_param ("section-foundation");
  /* 建设目标与内容 */
  properties[PROP_SECTION_GOALS] = text_param ("section-goals");
  /* 建设方式 */
  properties[PROP_SECTION_APPROACH] = text_param ("section-approach");
  /* 运行机制 */
  properties[PROP_SECTION_MECHANISM] = text_param ("section-mechanism");
  /* 考核方式 */
  properties[PROP_SECTION_ASSESSMENT] = text_param ("section-assessment");
  /* 风险与控制 */
  properties[PROP_SECTION_RISKS] = text_param ("section-risks");
  /* 建设周期及经费预算 */
  properties[PROP_SECTION_BUDGET] = text_param ("section-budget");
  /* 效益测算 */
  properties[PROP_SECTION_BENEFITS] = text_param ("section-benefits");
  /* Technology roadmap, JSON array */
  properties[PROP_ROADMAP] = text_param ("roadmap");
  /* Capability platforms, JSON array */
  properties[PROP_CAPABILITY_PLATFORMS] = text_param ("capability-platforms");
  /* Performance indicators, JSON array */
  properties[PROP_INDICATORS] = text_param ("indicators");
  /* Plans for the eight main tasks, JSON object */
  properties[PROP_TASKS] = text_param ("tasks");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_application_init (IcwApplication *self)
{
  self->version = 1;
}

IcwApplication *
icw_application_new (void)
{
  return g_object_new (ICW_TYPE_APPLICATION, NULL);
}
