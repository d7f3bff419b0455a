/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-platform-coverage.h: which of the members' platforms 工信厅科〔2017〕64号's coverage counts,
 * so that every summary of the coverage (the center's Platforms group, the application's
 * registers page, `icw show`) counts what the rule 64-platform-coverage counts: the kinds its
 * platform-coverage rule lists, recorded in the center's field. */
#pragma once

#include "icw-center.h"
#include "icw-platform.h"

G_BEGIN_DECLS

/* Whether `platform` counts toward the coverage of `center`'s field: of a kind the 64号 pack's
 * platform-coverage rule lists (every kind when it lists none) and, when the rule asks for the
 * same field, recorded in the center's field. Without the pack, every platform counts. */
gboolean icw_platform_counts_for_coverage (IcwCenter   *center,
                                           IcwPlatform *platform);

/* How many of `platforms` (IcwPlatform) count, each once. */
guint    icw_platforms_counted_for_coverage (IcwCenter *center,
                                             GPtrArray *platforms);

G_END_DECLS
