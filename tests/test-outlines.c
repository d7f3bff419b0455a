/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-outlines.c: the call outlines (resources/outlines): the bundled ones load and are found by
 * province and stage; the loader refuses an outline without its source and a section that claims
 * the call without its words; the check, through icw_application_check on a real store, reports a
 * required section left empty (Shenzhen's 市场化运营进程计划) and the attachments Guangdong asks for
 * once the company is registered, and nothing of them before. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-application-check.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-finding.h"
#include "icw-organization.h"
#include "icw-outline.h"
#include "icw-store.h"
#include "icw-test-util.h"

/* The smallest outline the loader takes; %s is put where a test changes it. */
static const char minimal[] =
  "{\"format\": \"icw-outline\", \"id\": \"test\", \"version\": 1, \"province\": \"测试\", \"stage\": \"cultivation\","
  " \"title\": {\"en\": \"T\", \"zh_CN\": \"T\"}, \"documents\": [{\"en\": \"D\", \"zh_CN\": \"D\"}],"
  " %s"
  " \"sections_basis\": \"source-not-found\", \"sections_note\": {\"en\": \"n\", \"zh_CN\": \"n\"},"
  " \"sections\": [%s], \"attachments\": [],"
  " \"paper_copies\": {\"basis\": \"source-not-found\", \"text\": {\"en\": \"p\", \"zh_CN\": \"p\"}}}";

static const char source[] =
  "\"source\": {\"document\": \"测试通知\", \"quote\": \"原文\", \"urls\": [\"https://example.org/call\"],"
  " \"note\": {\"en\": \"n\", \"zh_CN\": \"n\"}},";

static IcwOutline *
load (const char *source_member,
      const char *sections,
      GError    **error)
{
  g_autofree char *text = g_strdup_printf (minimal, source_member, sections);

  return icw_outline_new_from_data (text, -1, "test.json", error);
}

static void
test_loader (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOutline) good = load (source, "", &error);
  g_autoptr(IcwOutline) outline = NULL;
  g_autofree char *no_urls = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (good);
  g_assert_cmpint (icw_outline_get_stage (good), ==, ICW_APPLICATION_KIND_CULTIVATION);
  g_assert_false (icw_outline_sections_known (good));

  /* Without its source. */
  outline = load ("", "", &error);
  g_assert_null (outline);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no source"));
  g_clear_error (&error);

  /* A source without a public copy. */
  no_urls = g_strdup (source);
  g_assert_nonnull (strstr (no_urls, "[\"https://example.org/call\"]"));
  memcpy (strstr (no_urls, "[\"https://example.org/call\"]"), "[                          ]", 28);
  outline = load (no_urls, "", &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "urls"));
  g_clear_error (&error);

  /* A section said to be the call's without the call's words, and a required section of the
   * program's own practice. */
  outline = load (source, "{\"section\": \"goals\", \"title\": {\"en\": \"G\", \"zh_CN\": \"G\"}, \"basis\": \"policy\"}", &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "quote"));
  g_clear_error (&error);
  outline = load (source, "{\"section\": \"goals\", \"title\": {\"en\": \"G\", \"zh_CN\": \"G\"}, \"required\": true,"
                          " \"basis\": \"program-practice\"}", &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "required"));
  g_clear_error (&error);

  /* A section the application does not have, and a member the format does not know. */
  outline = load (source, "{\"section\": \"nowhere\", \"title\": {\"en\": \"G\", \"zh_CN\": \"G\"}, \"basis\": \"program-practice\"}", &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);
  outline = load (source, "{\"section\": \"goals\", \"title\": {\"en\": \"G\", \"zh_CN\": \"G\"}, \"basis\": \"program-practice\","
                          " \"words\": 300}", &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "words"));
}

/* The minimal outline with these attachments. */
static IcwOutline *
load_attachments (const char *attachments,
                  GError    **error)
{
  g_autofree char *text = g_strdup_printf (minimal, source, "");
  g_autoptr(GString) changed = g_string_new (text);
  g_autofree char *list = g_strdup_printf ("\"attachments\": [%s]", attachments);

  g_assert_cmpuint (g_string_replace (changed, "\"attachments\": []", list, 1), ==, 1);
  return icw_outline_new_from_data (changed->str, -1, "test.json", error);
}

#define ITEM(members) "{\"name\": {\"en\": \"A\", \"zh_CN\": \"A\"}, \"names\": [\"a\"], " members "}"
#define CALL "\"basis\": \"policy\", \"quote\": \"原文\""

/* Attachment items: a key is what an attachment names to fulfil one; a required item needs it
 * and the call's words; keys are unique and plain. */
static void
test_loader_attachments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOutline) good = load_attachments (ITEM ("\"key\": \"plan-1\", \"required\": true, " CALL) ", "
                                                 ITEM ("\"basis\": \"program-practice\""), &error);
  IcwOutline *outline;

  g_assert_no_error (error);
  g_assert_cmpuint (icw_outline_get_n_attachments (good), ==, 2);
  g_assert_true (icw_outline_get_attachment (good, 0)->required);
  g_assert_cmpstr (icw_outline_find_attachment (good, "plan-1")->key, ==, "plan-1");
  g_assert_null (icw_outline_get_attachment (good, 1)->key);
  g_assert_false (icw_outline_get_attachment (good, 1)->required);
  g_assert_null (icw_outline_find_attachment (good, "plan-2"));
  g_assert_null (icw_outline_find_attachment (good, NULL));

  outline = load_attachments (ITEM ("\"required\": true, " CALL), &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "needs a “key”"));
  g_clear_error (&error);
  outline = load_attachments (ITEM ("\"key\": \"a\", \"required\": true, \"basis\": \"program-practice\""), &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "basis policy"));
  g_clear_error (&error);
  outline = load_attachments (ITEM ("\"key\": \"a\", " CALL) ", " ITEM ("\"key\": \"a\", " CALL), &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "another attachment has the key “a”"));
  g_clear_error (&error);
  outline = load_attachments (ITEM ("\"key\": \"Plan A\", " CALL), &error);
  g_assert_null (outline);
  g_assert_nonnull (strstr (error->message, "lower-case"));
}

static void
test_bundled (void)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) outlines = icw_outlines_load_all (&errors);
  IcwOutline *outline;
  gboolean electronic = FALSE;
  gboolean market_plan = FALSE;

  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (outlines->len, ==, 3);

  outline = icw_outlines_find (outlines, "山东省", ICW_APPLICATION_KIND_CULTIVATION);
  g_assert_nonnull (outline);
  g_assert_cmpstr (icw_outline_get_id (outline), ==, "shandong-cultivation");
  /* Its section list was not found: said so, and no section is required. */
  g_assert_false (icw_outline_sections_known (outline));
  for (guint i = 0; i < icw_outline_get_n_sections (outline); i++)
    {
      g_assert_false (icw_outline_get_section (outline, i)->required);
      g_assert_cmpstr (icw_outline_get_section (outline, i)->basis, ==, "program-practice");
    }
  g_assert_cmpuint (icw_outline_get_paper_copies (outline, &electronic), ==, 2);
  g_assert_true (electronic);

  outline = icw_outlines_find (outlines, "山东省", ICW_APPLICATION_KIND_ACCEPTANCE);
  g_assert_cmpstr (icw_outline_get_id (outline), ==, "shandong-acceptance");
  g_assert_null (icw_outlines_find (outlines, "山东省", ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL));
  g_assert_null (icw_outlines_find (outlines, "浙江省", ICW_APPLICATION_KIND_CULTIVATION));

  outline = icw_outlines_find (outlines, "广东省深圳市", ICW_APPLICATION_KIND_CULTIVATION);
  g_assert_cmpstr (icw_outline_get_id (outline), ==, "guangdong-cultivation");
  g_assert_cmpuint (icw_outline_get_paper_copies (outline, NULL), ==, 4);
  g_assert_cmpuint (icw_outline_get_n_attachments (outline), ==, 5);
  /* Each is the call's, required once the company is registered, with a key to be named by. */
  for (guint i = 0; i < icw_outline_get_n_attachments (outline); i++)
    {
      g_assert_true (icw_outline_get_attachment (outline, i)->required);
      g_assert_nonnull (icw_outline_get_attachment (outline, i)->key);
      g_assert_cmpstr (icw_outline_get_attachment (outline, i)->basis, ==, "policy");
    }
  g_assert_nonnull (icw_outline_find_attachment (outline, "funding-plan"));
  for (guint i = 0; i < icw_outline_get_n_sections (outline); i++)
    if (strcmp (icw_outline_get_section (outline, i)->section, "market-plan") == 0)
      {
        market_plan = TRUE;
        g_assert_true (icw_outline_get_section (outline, i)->required);
        g_assert_cmpstr (icw_outline_get_section (outline, i)->quote, ==, "吸引可持续投资和实现市场化自主商业运营的进程计划");
      }
  g_assert_true (market_plan);
}

/* The findings of the outline on the application (the packs' findings left out). */
static guint
outline_findings_of (IcwStore       *store,
                     IcwApplication *application,
                     const char     *rule,
                     const char     *field,
                     IcwSeverity     severity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = NULL;
  guint n = 0;

  findings = icw_application_check (store, application, packs, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (icw_finding_get_pack (findings->pdata[i]), "outline:guangdong-cultivation") == 0 &&
        strcmp (icw_finding_get_rule (findings->pdata[i]), rule) == 0 &&
        (field == NULL || g_strcmp0 (icw_finding_get_field (findings->pdata[i]), field) == 0) &&
        icw_finding_get_severity (findings->pdata[i]) == severity)
      {
        /* The basis names the call's words and where they were read. */
        g_assert_nonnull (strstr (icw_finding_get_citation (findings->pdata[i]), "<http"));
        n++;
      }
  return n;
}

/* Every section and attachment finding of the outline is an error: both are what the call
 * requires (the sections counted are the required ones; Guangdong's attachments all are). */
static guint
outline_findings (IcwStore       *store,
                  IcwApplication *application,
                  const char     *rule,
                  const char     *field)
{
  g_assert_cmpuint (outline_findings_of (store, application, rule, field, ICW_SEVERITY_WARNING), ==, 0);
  return outline_findings_of (store, application, rule, field, ICW_SEVERITY_ERROR);
}

/* An attachment added with the item it fulfils (as the attachments page saves it). */
static void
attach_for (IcwStore       *store,
            IcwApplication *application,
            const char     *name,
            const char     *item,
            const char     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_bytes_new (bytes, strlen (bytes));
  g_autoptr(IcwAttachment) file = icw_store_add_attachment (store, application, name, ICW_ATTACHMENT_KIND_OTHER,
                                                           content, &error);

  g_assert_no_error (error);
  icw_attachment_set_outline_item (file, item);
  icw_test_save (store, file);
}

static void
test_check (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-outlines-XXXXXX", &path);
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  g_autoptr(IcwCenter) center = icw_center_new ();
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autoptr(IcwOrganization) company = icw_organization_new ();
  g_autoptr(IcwAttachment) file = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("%PDF-1", 6);
  g_autoptr(GBytes) licence = g_bytes_new_static ("%PDF-2", 6);
  g_autoptr(GError) error = NULL;

  icw_center_set_name (center, "测试制造业创新中心");
  icw_center_set_province (center, "广东省");
  icw_center_set_rule_packs (center, "");
  icw_test_save (store, center);
  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (center)));
  icw_application_set_kind (application, ICW_APPLICATION_KIND_CULTIVATION);
  icw_test_save (store, application);

  /* The three contents Shenzhen names are empty; before the company, no attachment is asked. */
  g_assert_cmpuint (outline_findings (store, application, "outline-section", "market-plan"), ==, 1);
  g_assert_cmpuint (outline_findings (store, application, "outline-section", NULL), ==, 3);
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 0);

  icw_application_set_section_market_plan (application, "2026年引入社会资本；2028年技术服务收入占比过半。");
  icw_test_save (store, application);
  g_assert_cmpuint (outline_findings (store, application, "outline-section", "market-plan"), ==, 0);
  g_assert_cmpuint (outline_findings (store, application, "outline-section", NULL), ==, 2);

  /* The company registered: the five attachments are asked for; one is found by its name, the
   * licence by its kind. */
  icw_organization_set_name (company, "广东测试创新中心有限公司");
  icw_organization_set_kind (company, ICW_ORG_KIND_ENTERPRISE);
  icw_test_save (store, company);
  icw_center_set_host_organization_id (center, icw_record_get_id (ICW_RECORD (company)));
  icw_test_save (store, center);
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 5);
  file = icw_store_add_attachment (store, application, "成员单位之间的合作协议.pdf", ICW_ATTACHMENT_KIND_OTHER, content, &error);
  g_assert_no_error (error);
  g_clear_object (&file);
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 4);
  file = icw_store_add_attachment (store, application, "scan-001.pdf", ICW_ATTACHMENT_KIND_LICENCE, licence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 3);

  /* A file that names the item it fulfils fulfils that one only, whatever its name says: named
   * 规章制度 (a word of the regulations item), it is the alliance's registration. */
  attach_for (store, application, "规章制度-附件.pdf", "alliance-registration", "%PDF-3");
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 2);
  attach_for (store, application, "scan-002.pdf", "funding-plan", "%PDF-4");
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 1);
  attach_for (store, application, "scan-003.pdf", "regulations", "%PDF-5");
  g_assert_cmpuint (outline_findings (store, application, "outline-attachment", NULL), ==, 0);

  /* Another stage has no Guangdong outline: nothing of it. */
  icw_application_set_kind (application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  icw_test_save (store, application);
  g_assert_cmpuint (outline_findings (store, application, "outline-section", NULL), ==, 0);
  icw_test_clear_tmp_dir (&dir, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/outlines/loader", test_loader);
  g_test_add_func ("/outlines/loader-attachments", test_loader_attachments);
  g_test_add_func ("/outlines/bundled", test_bundled);
  g_test_add_func ("/outlines/check", test_check);
  return g_test_run ();
}
