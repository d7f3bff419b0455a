/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-notifier.h: desktop notifications (GNotification) of what a sync brought: for a
 * reviewer, a document a center submitted; for an administrator, a document the reviewers
 * returned or accepted. Not a widget: the window asks it to look after each sync. */
#pragma once

#include <gio/gio.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REVIEW_NOTIFIER (icw_review_notifier_get_type ())

G_DECLARE_FINAL_TYPE (IcwReviewNotifier, icw_review_notifier, ICW, REVIEW_NOTIFIER, GObject)

/* application may be NULL (tests): the notifications are then only counted. */
IcwReviewNotifier *icw_review_notifier_new          (IcwStore          *store,
                                                     GApplication      *application);
void               icw_review_notifier_set_reviewer (IcwReviewNotifier *self,
                                                     gboolean           reviewer);
/* Compares the documents' statuses with the last look and notifies of the news; the first look
 * only remembers. Returns the number of notifications sent. */
guint              icw_review_notifier_check        (IcwReviewNotifier *self);

G_END_DECLS
