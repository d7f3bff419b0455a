/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-sections.c: the sections of an application in display order, the choices of its
 * structured parts, and word counts. The titles follow the headings of real construction plans
 * (建设方案); the six assessment areas are those of 工信厅科〔2018〕37号, the eight main tasks those
 * of 工信部科〔2016〕273号 section 五. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-sections.h"

typedef struct {
  const char     *key;
  const char     *title;     /* marked for translation */
  const char     *hint;      /* marked for translation */
  const char     *property;
  IcwSectionForm  form;
} SectionEntry;

static const SectionEntry sections[] = {
  { "call", N_("Basic information"),
    N_("The kind of application, its title, and the call it answers: its name, the body that issued it and its deadline."),
    NULL, ICW_SECTION_FORM_CALL },
  { "background", N_("Background"),
    N_("Why the center is needed: the state of the field, the gaps in common technology, and what the region brings."),
    "section-background", ICW_SECTION_FORM_TEXT },
  { "foundation", N_("Existing base"),
    N_("What the host company and its shareholders already have: research teams, platforms, results, and industrial strength."),
    "section-foundation", ICW_SECTION_FORM_TEXT },
  { "goals", N_("Goals and content"),
    N_("What the center will achieve during construction and how: overall goals, yearly targets, and the main lines of work."),
    "section-goals", ICW_SECTION_FORM_TEXT },
  { "approach", N_("Construction approach"),
    N_("How the center is formed: the host company, the alliance, how capital and resources are brought together."),
    "section-approach", ICW_SECTION_FORM_TEXT },
  { "mechanism", N_("Operating mechanism"),
    N_("Governance (shareholders' meeting, board, expert committee) and the rules for finance, staff, projects and intellectual property."),
    "section-mechanism", ICW_SECTION_FORM_TEXT },
  { "assessment", N_("Assessment"),
    N_("How progress is assessed: stages, indicators, who assesses, and what follows from the results."),
    "section-assessment", ICW_SECTION_FORM_TEXT },
  { "risks", N_("Risks and controls"),
    N_("The technical, market, financial and management risks, and how each is controlled."),
    "section-risks", ICW_SECTION_FORM_TEXT },
  { "budget", N_("Period and budget"),
    N_("The construction period, its stages, and the budget by source and use."),
    "section-budget", ICW_SECTION_FORM_TEXT },
  { "benefits", N_("Expected benefits"),
    N_("The economic and social benefits expected, with the figures they rest on."),
    "section-benefits", ICW_SECTION_FORM_TEXT },
  { "market-plan", N_("Market operation plan"),
    N_("How the center attracts sustainable investment and reaches market-based, self-run commercial operation, step by step (吸引可持续投资和实现市场化自主商业运营的进程计划)."),
    "section-market-plan", ICW_SECTION_FORM_TEXT },
  { "roadmap", N_("Technology roadmap"),
    N_("The common key technologies the center will develop, each with its technology readiness level now and at the end, and its milestones."),
    "roadmap", ICW_SECTION_FORM_LIST },
  { "capability-platforms", N_("Capability platforms"),
    N_("The platforms for research and design, testing and verification, pilot production and incubation, and industry services."),
    "capability-platforms", ICW_SECTION_FORM_LIST },
  { "indicators", N_("Performance indicators"),
    N_("The indicators the center will be assessed on, grouped by the six areas of the assessment rules, with baselines and targets."),
    "indicators", ICW_SECTION_FORM_LIST },
  { "tasks", N_("Main tasks"),
    N_("The center's plan for each of the eight main tasks of the guiding opinions on manufacturing innovation centers."),
    "tasks", ICW_SECTION_FORM_TASKS },
  { "registers", N_("Shareholders, members and platforms"),
    N_("The host company's shareholders, the alliance members and their national platforms, as the center's registers hold them."),
    NULL, ICW_SECTION_FORM_REGISTERS },
  { "attachments", N_("Attachments"),
    N_("Supporting documents: business licences, capital verification reports, platform certificates, commitment letters."),
    NULL, ICW_SECTION_FORM_ATTACHMENTS },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sections) == ICW_N_SECTIONS);

static const char *const main_tasks[ICW_N_MAIN_TASKS] = {
  N_("Research on frontier and common key technologies"),
  N_("A collaborative innovation mechanism of industry, universities and research institutes"),
  N_("Protection and use of intellectual property"),
  N_("Transfer and application of research results"),
  N_("Standards that lead and support the industry"),
  N_("Services for mass entrepreneurship and innovation"),
  N_("A multi-level pool of talent"),
  N_("International cooperation"),
};

static const char *const capability_keys[] = { "rd-design", "testing", "pilot", "service", NULL };
static const char *const capability_labels[] = {
  N_("Research and design"),
  N_("Testing and verification"),
  N_("Pilot production and incubation"),
  N_("Industry services"),
  NULL
};

static const char *const area_keys[] = {
  "construction", "rd-strength", "common-technology", "collaboration", "market", "transfer", "sustainability", NULL
};
static const char *const area_labels[] = {
  /* 37号 art. 7 (建设情况): what the construction plan set out to build. */
  N_("Construction (pilot incubation, testing, industry services)"),
  N_("R&D strength and innovation resources"),
  N_("Breakthroughs in common technology"),
  N_("Industry-university-research collaboration"),
  N_("Market orientation"),
  N_("Transfer and commercialisation of results"),
  N_("Sustainable development"),
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (capability_keys) == G_N_ELEMENTS (capability_labels));
G_STATIC_ASSERT (G_N_ELEMENTS (area_keys) == G_N_ELEMENTS (area_labels));

const char *
icw_section_to_key (IcwSection section)
{
  g_return_val_if_fail ((guint) section < ICW_N_SECTIONS, NULL);
  return sections[section].key;
}

gboolean
icw_section_from_key (const char *key,
                      IcwSection *out)
{
  for (guint i = 0; key != NULL && i < ICW_N_SECTIONS; i++)
    if (strcmp (key, sections[i].key) == 0)
      {
        if (out != NULL)
          *out = (IcwSection) i;
        return TRUE;
      }
  return FALSE;
}

const char *
icw_section_get_title (IcwSection section)
{
  g_return_val_if_fail ((guint) section < ICW_N_SECTIONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, sections[section].title);
}

const char *
icw_section_get_hint (IcwSection section)
{
  g_return_val_if_fail ((guint) section < ICW_N_SECTIONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, sections[section].hint);
}

const char *
icw_section_get_property (IcwSection section)
{
  g_return_val_if_fail ((guint) section < ICW_N_SECTIONS, NULL);
  return sections[section].property;
}

IcwSectionForm
icw_section_get_form (IcwSection section)
{
  g_return_val_if_fail ((guint) section < ICW_N_SECTIONS, ICW_SECTION_FORM_TEXT);
  return sections[section].form;
}

IcwSection
icw_section_from_field (const char *field)
{
  g_autofree char *first = NULL;
  const char *slash;
  IcwSection section;

  if (field == NULL || *field == '\0')
    return ICW_N_SECTIONS;
  slash = strchr (field, '/');
  first = slash != NULL ? g_strndup (field, slash - field) : g_strdup (field);
  if (strcmp (first, "title") == 0 || strcmp (first, "kind") == 0)
    return ICW_SECTION_CALL;
  if (!icw_section_from_key (first, &section))
    return ICW_N_SECTIONS;
  return section;
}

gboolean
icw_field_get_item (const char  *field,
                    guint       *index,
                    const char **member)
{
  const char *slash = field != NULL ? strchr (field, '/') : NULL;
  char *end = NULL;
  guint64 value;

  if (slash == NULL || !g_ascii_isdigit (slash[1]))
    return FALSE;
  value = g_ascii_strtoull (slash + 1, &end, 10);
  if ((*end != '\0' && *end != '/') || value > G_MAXUINT)
    return FALSE;
  if (index != NULL)
    *index = (guint) value;
  if (member != NULL)
    *member = *end == '/' && end[1] != '\0' ? end + 1 : NULL;
  return TRUE;
}

static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return !is_cjk (c) && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == '_' || c == '&';
}

guint
icw_text_count_words (const char *text)
{
  g_autofree char *valid = NULL;
  gboolean in_word = FALSE;
  guint words = 0;

  if (text == NULL)
    return 0;
  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cjk (c))
        {
          words++;
          in_word = FALSE;
        }
      else if (is_word_char (c))
        {
          words += in_word ? 0 : 1;
          in_word = TRUE;
        }
      else if (!(in_word && is_joiner (c) && is_word_char (g_utf8_get_char (g_utf8_next_char (p)))))
        in_word = FALSE;
    }
  return words;
}

const char *
icw_main_task_get_title (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= ICW_N_MAIN_TASKS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, main_tasks[number - 1]);
}

static const char *
label_of (const char *const *keys,
          const char *const *labels,
          const char         *key)
{
  for (guint i = 0; key != NULL && keys[i] != NULL; i++)
    if (strcmp (keys[i], key) == 0)
      return g_dgettext (GETTEXT_PACKAGE, labels[i]);
  return NULL;
}

const char * const *
icw_capability_kind_keys (void)
{
  return capability_keys;
}

const char * const *
icw_capability_kind_labels (void)
{
  return capability_labels;
}

const char *
icw_capability_kind_to_label (const char *key)
{
  return label_of (capability_keys, capability_labels, key);
}

const char * const *
icw_indicator_area_keys (void)
{
  return area_keys;
}

const char * const *
icw_indicator_area_labels (void)
{
  return area_labels;
}

const char *
icw_indicator_area_to_label (const char *key)
{
  return label_of (area_keys, area_labels, key);
}
