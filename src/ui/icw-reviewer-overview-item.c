/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-overview-item.c: an overview row as a list item (see the header). */
#include "config.h"

#include "icw-reviewer-overview-item.h"

struct _IcwReviewerOverviewItem
{
  GObject parent_instance;

  IcwReviewOverviewRow *row;
};

G_DEFINE_FINAL_TYPE (IcwReviewerOverviewItem, icw_reviewer_overview_item, G_TYPE_OBJECT)

static void
icw_reviewer_overview_item_finalize (GObject *object)
{
  IcwReviewerOverviewItem *self = ICW_REVIEWER_OVERVIEW_ITEM (object);

  g_clear_pointer (&self->row, icw_review_overview_row_free);
  G_OBJECT_CLASS (icw_reviewer_overview_item_parent_class)->finalize (object);
}

static void
icw_reviewer_overview_item_class_init (IcwReviewerOverviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_reviewer_overview_item_finalize;
}

static void
icw_reviewer_overview_item_init (IcwReviewerOverviewItem *self)
{
}

IcwReviewerOverviewItem *
icw_reviewer_overview_item_new (IcwReviewOverviewRow *row)
{
  IcwReviewerOverviewItem *self = g_object_new (ICW_TYPE_REVIEWER_OVERVIEW_ITEM, NULL);

  g_return_val_if_fail (row != NULL, self);
  self->row = row;
  return self;
}

IcwReviewOverviewRow *
icw_reviewer_overview_item_get_row (IcwReviewerOverviewItem *self)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_OVERVIEW_ITEM (self), NULL);
  return self->row;
}
