/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-platform-coverage.c: the platforms 64号's coverage counts (icw-platform-coverage.h), read
 * once from the installed 64号 pack's platform-coverage rule (its `kinds` and `same_field`), the
 * same parameters the rule itself runs with (icw-rule-kinds-registers.c). */
#include "config.h"

#include <string.h>

#include "icw-platform-coverage.h"
#include "icw-rule-pack.h"
#include "icw-rules-private.h"

typedef struct {
  GPtrArray *kinds;        /* keys, or NULL for every kind */
  gboolean   same_field;
} Counted;

/* The rule's kinds (copied: its strings belong to the pack) and whether it asks for the field. */
static void
read_rule (Counted       *found,
           const IcwRule *rule)
{
  g_autoptr(GPtrArray) kinds = icw_rule_param_strings (rule, "kinds");

  if (kinds != NULL)
    {
      found->kinds = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; k < kinds->len; k++)
        g_ptr_array_add (found->kinds, g_strdup (kinds->pdata[k]));
    }
  found->same_field = icw_rule_param_int (rule, "same_field", 0) != 0;
}

static const Counted *
counted (void)
{
  static Counted *once;

  if (g_once_init_enter (&once))
    {
      Counted *found = g_new0 (Counted, 1);
      g_autoptr(GPtrArray) packs = icw_rule_packs_load_all (NULL);
      IcwRulePack *pack = icw_rule_packs_find (packs, ICW_RULE_PACK_MIIT_64);
      const GPtrArray *rules = pack != NULL ? icw_rule_pack_get_rules (pack) : NULL;

      for (guint i = 0; rules != NULL && i < rules->len; i++)
        {
          const IcwRule *rule = rules->pdata[i];

          if (strcmp (rule->kind->name, "platform-coverage") == 0)
            {
              read_rule (found, rule);
              break;
            }
        }
      g_once_init_leave (&once, found);
    }
  return once;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return *x != '\0' && strcmp (x, y) == 0;
}

gboolean
icw_platform_counts_for_coverage (IcwCenter   *center,
                                  IcwPlatform *platform)
{
  const Counted *rule = counted ();
  const char *kind = icw_platform_kind_to_key (icw_platform_get_kind (platform));
  gboolean listed = rule->kinds == NULL;

  for (guint i = 0; !listed && i < rule->kinds->len; i++)
    listed = strcmp (kind, rule->kinds->pdata[i]) == 0;
  if (!listed)
    return FALSE;
  return !rule->same_field || same_text (icw_platform_get_field (platform), icw_center_get_field (center));
}

guint
icw_platforms_counted_for_coverage (IcwCenter *center,
                                    GPtrArray *platforms)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Once each: by ID, or as the same object for a platform not saved yet. */
  for (guint i = 0; i < platforms->len; i++)
    if (icw_platform_counts_for_coverage (center, platforms->pdata[i]))
      {
        const char *id = icw_record_get_id (platforms->pdata[i]);

        if (id != NULL)
          g_hash_table_add (seen_ids, (gpointer) id);
        else
          g_hash_table_add (seen, platforms->pdata[i]);
      }
  return g_hash_table_size (seen) + g_hash_table_size (seen_ids);
}
