/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application.c: a center application (申报书). A plain value object: the store loads,
 * validates and saves it, and refuses changes once it is submitted (icw-store-applications.c). Its
 * properties are its fields in the field catalogue (icw-field-catalogue.c); the accessors below
 * are the typed face of them. */
#include "config.h"

#include "icw-application.h"

struct _IcwApplication
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwApplication, icw_application, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwApplication, icw_application, ICW_IS_APPLICATION, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwApplication, icw_application, ICW_IS_APPLICATION, CType, field, property)

TEXT_FIELD (center_id, "center-id")
NUMBER_FIELD (IcwApplicationKind, kind, "kind")
NUMBER_FIELD (IcwApplicationStatus, status, "status")
TEXT_FIELD (title, "title")
TEXT_FIELD (call_name, "call-name")
TEXT_FIELD (call_issuer, "call-issuer")
TEXT_FIELD (call_deadline, "call-deadline")
TEXT_FIELD (lineage_id, "lineage-id")
NUMBER_FIELD (int, version, "version")
TEXT_FIELD (reviewer_comments, "reviewer-comments")
TEXT_FIELD (section_background, "section-background")
TEXT_FIELD (section_foundation, "section-foundation")
TEXT_FIELD (section_goals, "section-goals")
TEXT_FIELD (section_approach, "section-approach")
TEXT_FIELD (section_mechanism, "section-mechanism")
TEXT_FIELD (section_assessment, "section-assessment")
TEXT_FIELD (section_risks, "section-risks")
TEXT_FIELD (section_budget, "section-budget")
TEXT_FIELD (section_benefits, "section-benefits")
TEXT_FIELD (roadmap, "roadmap")
TEXT_FIELD (capability_platforms, "capability-platforms")
TEXT_FIELD (indicators, "indicators")
TEXT_FIELD (tasks, "tasks")
TEXT_FIELD (section_market_plan, "section-market-plan")

static void
icw_application_class_init (IcwApplicationClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_APPLICATION);
}

static void
icw_application_init (IcwApplication *self)
{
}

IcwApplication *
icw_application_new (void)
{
  return g_object_new (ICW_TYPE_APPLICATION, NULL);
}

/* A center in planning applies for cultivation (培育申报); one under construction, in its 培育期
 * under a 任务书, next reports for acceptance (验收认定); a recognized provincial center may apply
 * for the upgrade (升级, 64号's precondition); a center to be co-built by the state and its
 * province applies for the co-construction (国家地方共建). A national center has no further
 * stage: its application is read as the upgrade that made it. */
IcwApplicationKind
icw_application_kind_for_center (IcwCenterLevel  level,
                                 IcwCenterStatus status)
{
  if (level == ICW_CENTER_LEVEL_NATIONAL_LOCAL)
    return ICW_APPLICATION_KIND_NATIONAL_LOCAL;
  if (level == ICW_CENTER_LEVEL_NATIONAL)
    return ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL;
  switch (status)
    {
    case ICW_CENTER_STATUS_PLANNING:
      return ICW_APPLICATION_KIND_CULTIVATION;
    case ICW_CENTER_STATUS_BUILDING:
      return ICW_APPLICATION_KIND_ACCEPTANCE;
    case ICW_CENTER_STATUS_RECOGNIZED:
      return ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL;
    case ICW_CENTER_STATUS_SUSPENDED:
    default:
      return ICW_APPLICATION_KIND_CULTIVATION;
    }
}
