/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-category-set.h: a versioned set of budget categories (预算科目): the rows of a funding
 * request's budget table. Sets are data, not code (docs/formats.md, "Budget category sets"): the
 * bundled ones live in resources/budget/ and are compiled into the core library. Each category has
 * a stable key, an English and a Chinese label, its group (direct or indirect costs) and optionally
 * a parent: a category with children is a subtotal of them, and only the others (the leaves) hold
 * amounts. Children follow their parent directly (so a parent's rows are contiguous); there is one
 * level of children. */
#pragma once

#include <glib-object.h>

#include "icw-types.h"

G_BEGIN_DECLS

#define ICW_TYPE_CATEGORY_SET (icw_category_set_get_type ())

G_DECLARE_FINAL_TYPE (IcwCategorySet, icw_category_set, ICW, CATEGORY_SET, GObject)

/* The IDs of the bundled sets. */
#define ICW_CATEGORY_SET_STANDARD "standard"
#define ICW_CATEGORY_SET_MERGED_2021 "merged-2021"

typedef struct {
  const char     *key;
  const char     *label_en;
  const char     *label_zh;
  IcwBudgetGroup  group;
  int             parent;     /* index of the parent category, or -1 */
  guint           n_children;
} IcwBudgetCategory;

IcwCategorySet *icw_category_set_new_from_data (const char  *file_name,
                                                const char  *data,
                                                gssize       length,
                                                GError     **error);

/* A bundled set by ID and version (transfer full); ICW_ERROR_NOT_FOUND names what is missing. */
IcwCategorySet *icw_category_set_lookup        (const char  *id,
                                                int          version,
                                                GError     **error);
/* The IDs of the bundled sets, NULL-terminated (transfer full). */
GStrv           icw_category_set_list_ids      (void);

const char     *icw_category_set_get_id        (IcwCategorySet *self);
int             icw_category_set_get_version   (IcwCategorySet *self);
const char     *icw_category_set_get_title     (IcwCategorySet *self);   /* in the user's language */
const char     *icw_category_set_get_note      (IcwCategorySet *self);   /* in the user's language, or NULL */
guint           icw_category_set_get_n_categories (IcwCategorySet *self);
const IcwBudgetCategory *icw_category_set_get_category (IcwCategorySet *self,
                                                        guint           index);
/* The index of a key, or -1. */
int             icw_category_set_find          (IcwCategorySet *self,
                                                const char     *key);
/* The category's label in the user's language (the rule packs' choice: icw_rules_language()). */
const char     *icw_budget_category_get_label  (const IcwBudgetCategory *category);
/* TRUE for a category that holds amounts (one without children). */
gboolean        icw_budget_category_is_leaf    (const IcwBudgetCategory *category);

G_END_DECLS
