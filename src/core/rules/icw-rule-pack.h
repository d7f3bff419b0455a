/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-pack.h: a rule pack: a versioned JSON file of rules that applications, IP agreements
 * or funding requests are checked against, each with its citation, severity, field, parameters and message in English and Chinese
 * (docs/formats.md, "Rule packs"). The packs shipped with the program are bundled in the core
 * library's resources; more are read from the .json files of $XDG_DATA_HOME/ic-workbench/rules.
 * A pack is loaded whole or refused with a message naming its file and, where it is a rule's
 * fault, the rule; the other packs load regardless. */
#pragma once

#include <glib-object.h>

#include "icw-i18n.h"

G_BEGIN_DECLS

/* What a pack's rules check ("applies_to" in the file). */
typedef enum {
  ICW_RULE_TARGET_APPLICATION,       /* "application" */
  ICW_RULE_TARGET_IP_AGREEMENT,      /* "ip-agreement" */
  ICW_RULE_TARGET_FUNDING_REQUEST,   /* "funding-request" */
  ICW_N_RULE_TARGETS
} IcwRuleTarget;

#define ICW_TYPE_RULE_PACK (icw_rule_pack_get_type ())

G_DECLARE_FINAL_TYPE (IcwRulePack, icw_rule_pack, ICW, RULE_PACK, GObject)

/* The IDs of the bundled packs. */
#define ICW_RULE_PACK_COMPLETENESS "completeness"
#define ICW_RULE_PACK_MIIT_273 "miit-2016-273"
#define ICW_RULE_PACK_MIIT_64 "miit-2017-64-upgrade"
#define ICW_RULE_PACK_SHANDONG "shandong-2023-150"
#define ICW_RULE_PACK_JIANGSU "jiangsu-2025"
/* The ID the Shandong pack had while it rested on the superseded 〔2020〕95号: a center that chose
 * it gets the pack that replaced it. */
#define ICW_RULE_PACK_SHANDONG_2020 "shandong-2020-95"

/* file_name is what messages call the pack's file. */
IcwRulePack *icw_rule_pack_new_from_data (const char   *file_name,
                                          const char   *data,
                                          gssize        length,
                                          GError      **error);
IcwRulePack *icw_rule_pack_new_from_file (const char   *path,
                                          GError      **error);

const char  *icw_rule_pack_get_id        (IcwRulePack  *self);
int          icw_rule_pack_get_version   (IcwRulePack  *self);
const char  *icw_rule_pack_get_title     (IcwRulePack  *self);   /* in the user's language */
const char  *icw_rule_pack_get_note      (IcwRulePack  *self);   /* in the user's language, or NULL */
const char  *icw_rule_pack_get_file      (IcwRulePack  *self);
guint        icw_rule_pack_get_n_rules   (IcwRulePack  *self);
IcwRuleTarget icw_rule_pack_get_target   (IcwRulePack  *self);

/* The bundled packs, then the user's (a user pack with a bundled pack's ID replaces it). Each pack
 * that was refused adds a GError (ICW_ERROR_RULE_PACK) to *errors, when errors is not NULL. */
GPtrArray   *icw_rule_packs_load_all     (GPtrArray   **errors);
/* Adds the packs of every *.json file of a folder, in the order of their names. */
void         icw_rule_packs_load_dir     (GPtrArray    *packs,
                                          const char   *dir,
                                          GPtrArray    *errors);
IcwRulePack *icw_rule_packs_find         (GPtrArray    *packs,
                                          const char   *id);


G_END_DECLS
