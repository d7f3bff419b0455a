/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-sections.h: the catalogue of an application's sections, shared by the editor, the
 * rules and the command line: their order, stable keys, translated titles and hints, the property
 * that holds each, and how a finding's field ("call/deadline", "roadmap/2/trl_to",
 * "registers/shareholders") leads to its section. Also the choices of the structured parts (the
 * kinds of capability platform, the six assessment areas, the eight main tasks) and word counts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In display order. */
typedef enum {
  ICW_SECTION_CALL,                  /* 基本信息: kind, title and the call */
  ICW_SECTION_BACKGROUND,            /* 建设背景 */
  ICW_SECTION_FOUNDATION,            /* 建设基础 */
  ICW_SECTION_GOALS,                 /* 建设目标与内容 */
  ICW_SECTION_APPROACH,              /* 建设方式 */
  ICW_SECTION_MECHANISM,             /* 运行机制 */
  ICW_SECTION_ASSESSMENT,            /* 考核方式 */
  ICW_SECTION_RISKS,                 /* 风险与控制 */
  ICW_SECTION_BUDGET,                /* 建设周期及经费预算 */
  ICW_SECTION_BENEFITS,              /* 效益测算 */
  ICW_SECTION_MARKET_PLAN,           /* 市场化运营进程计划 (Shenzhen's 建设方案) */
  ICW_SECTION_ROADMAP,               /* 技术路线图 */
  ICW_SECTION_CAPABILITY_PLATFORMS,  /* 能力平台 */
  ICW_SECTION_INDICATORS,            /* 考核指标 */
  ICW_SECTION_TASKS,                 /* 主要任务 */
  ICW_SECTION_REGISTERS,             /* shareholders, members, platforms: read-only, from the center */
  ICW_SECTION_ATTACHMENTS,           /* 证明材料 */
  ICW_N_SECTIONS
} IcwSection;

/* What kind of editor a section has. */
typedef enum {
  ICW_SECTION_FORM_CALL,         /* a few fields of the application */
  ICW_SECTION_FORM_TEXT,         /* one narrative text property */
  ICW_SECTION_FORM_LIST,         /* a JSON array of flat objects */
  ICW_SECTION_FORM_TASKS,        /* a JSON object: task number → plan */
  ICW_SECTION_FORM_REGISTERS,    /* the center's registers, shown read-only */
  ICW_SECTION_FORM_ATTACHMENTS,  /* the attachment records */
} IcwSectionForm;

const char     *icw_section_to_key       (IcwSection   section);
gboolean        icw_section_from_key     (const char  *key,
                                          IcwSection  *out);
const char     *icw_section_get_title    (IcwSection   section);
const char     *icw_section_get_hint     (IcwSection   section);
const char     *icw_section_get_property (IcwSection   section);
IcwSectionForm  icw_section_get_form     (IcwSection   section);

/* The section a field belongs to: its first path segment is a section key ("title" and "kind"
 * belong to the call section). ICW_N_SECTIONS when the field names no section. */
IcwSection      icw_section_from_field   (const char  *field);
/* For "roadmap/2/trl_to": the item index (0-based) and the member ("trl_to", or NULL). FALSE when
 * the field does not point at an item. The member points into field. */
gboolean        icw_field_get_item       (const char  *field,
                                          guint       *index,
                                          const char **member);

/* Words as reviewers count them: every CJK character (Han, kana, bopomofo) is one word, and so is
 * every run of Latin letters and digits ("MEMS", "2025", "R&D", "3.5", "co-operation": a joiner
 * among ' ’ - . _ & between two letters or digits does not end a word). Punctuation, spaces and
 * the "- " of list items are not words. */
guint           icw_text_count_words     (const char  *text);

/* The eight main tasks of 工信部科〔2016〕273号, section 五; plans are keyed "1" to "8". */
#define ICW_N_MAIN_TASKS 8

/* The calendar years an indicator's targets may name (绩效目标表). */
#define ICW_INDICATOR_FIRST_YEAR 2000
#define ICW_INDICATOR_LAST_YEAR 2100
const char     *icw_main_task_get_title  (guint        number);

/* The choices of the structured parts: NULL-terminated keys and, in the same order, their labels
 * as marked for translation but not translated (for a GUI that translates them itself). */
const char * const *icw_capability_kind_keys     (void);
const char * const *icw_capability_kind_labels   (void);
const char         *icw_capability_kind_to_label (const char *key);
const char * const *icw_indicator_area_keys      (void);
const char * const *icw_indicator_area_labels    (void);
const char         *icw_indicator_area_to_label  (const char *key);

G_END_DECLS
