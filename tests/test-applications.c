/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-applications.c: center applications (申报书) in the store: every property saved and read
 * back, the JSON formats of the structured parts, the life cycle (draft → ready only without
 * errors, a submitted application refused by the store itself and the file left unchanged),
 * reopening as a new version with its attachments, comparing versions, the attachment rules, the
 * section catalogue and word counts. What the store wrote is read back through a connection of
 * the test's own. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "icw-application-check.h"
#include "icw-application-lifecycle.h"
#include "icw-application-parts.h"
#include "icw-application-sections.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-sample.h"
#include "icw-schema.h"
#include "icw-store.h"
#include "icw-test-util.h"

typedef struct {
  char           *dir;
  char           *path;
  IcwStore       *store;
  sqlite3        *raw;
  IcwCenter      *center;
  IcwApplication *sample;     /* the sample's application: complete, no errors */
  GPtrArray      *packs;
  GDateTime      *today;      /* twelve days before the sample's deadline */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *iso = NULL;

  f->dir = icw_test_make_tmp_dir ("test-applications-XXXXXX", &f->path);
  f->store = icw_test_open_store (f->path);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  f->center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  /* The sample's draft upgrade, beside the accepted 验收认定 that recognized its center. */
  applications = icw_store_list (f->store, ICW_RECORD_KIND_APPLICATION, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (applications), ==, 2);
  f->sample = icw_test_sample_application (f->store);

  f->packs = icw_rule_packs_load_all (NULL);
  iso = g_strconcat (icw_application_get_call_deadline (f->sample), "T12:00:00Z", NULL);
  deadline = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (deadline);
  f->today = g_date_time_add_days (deadline, -12);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->today, g_date_time_unref);
  g_clear_pointer (&f->packs, g_ptr_array_unref);
  g_clear_object (&f->sample);
  g_clear_object (&f->center);
  g_clear_object (&f->store);
  g_clear_pointer (&f->raw, sqlite3_close);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of the tables an application touches, as one digest. */
static char *
raw_digest (Fixture *f)
{
  static const char *const queries[] = {
    "SELECT * FROM applications ORDER BY id",
    "SELECT * FROM attachments ORDER BY id",
    "SELECT * FROM outbox ORDER BY seq",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (f->raw, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (stmt); i++)
          {
            const void *blob = sqlite3_column_blob (stmt, i);

            if (blob != NULL)
              g_checksum_update (sum, blob, sqlite3_column_bytes (stmt, i));
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
assert_message_contains (const GError *error,
                         const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("the message “%s” does not contain “%s”", error->message, part);
}

static IcwApplication *
new_application (Fixture *f)
{
  IcwApplication *application = icw_application_new ();

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (f->center)));
  return application;
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* Every property of the application's own, with a value other than the default. */
static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) application = new_application (f);
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(IcwRecord) loaded = NULL;
  guint n;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (application), &n);

  icw_application_set_kind (application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  icw_application_set_title (application, "升级申报书");
  icw_application_set_call_name (application, "关于组织开展国家制造业创新中心升级工作的通知");
  icw_application_set_call_issuer (application, "工业和信息化部科技司");
  icw_application_set_call_deadline (application, "2025-06-30");
  icw_application_set_reviewer_comments (application, "无");
  for (guint s = ICW_SECTION_BACKGROUND; s <= ICW_SECTION_BENEFITS; s++)
    g_object_set (application, icw_section_get_property (s), icw_section_to_key (s), NULL);
  icw_application_set_roadmap (application, "[{\"technology\":\"MEMS\",\"trl_from\":3,\"trl_to\":6,\"milestones\":\"m\"}]");
  icw_application_set_capability_platforms (application, "[{\"kind\":\"pilot\",\"name\":\"中试线\",\"description\":\"d\"}]");
  icw_application_set_indicators (application, "[{\"area\":\"market\",\"name\":\"收入\",\"unit\":\"万元\",\"baseline\":\"0\",\"targets\":\"100\"}]");
  icw_application_set_tasks (application, "{\"1\":\"计划一\",\"8\":\"计划八\"}");
  icw_test_save (f->store, application);
  g_assert_cmpstr (icw_application_get_lineage_id (application), ==, icw_record_get_id (ICW_RECORD (application)));
  g_assert_cmpint (icw_application_get_version (application), ==, 1);

  /* A second store on the same file has its own objects: read from the file. */
  other = icw_store_open (f->path, &error);
  g_assert_no_error (error);
  loaded = icw_store_lookup (other, ICW_RECORD_KIND_APPLICATION, icw_record_get_id (ICW_RECORD (application)), &error);
  g_assert_no_error (error);
  g_assert_true (loaded != ICW_RECORD (application));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (application), specs[i]->name, &a);
      g_object_get_property (G_OBJECT (loaded), specs[i]->name, &b);
      if (g_param_values_cmp (specs[i], &a, &b) != 0)
        g_error ("the property “%s” was not read back as it was saved", specs[i]->name);
    }
  g_assert_cmpuint (n, >=, 27);
}

static void
expect_part_refused (Fixture    *f,
                     const char *property,
                     const char *value,
                     const char *part_title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) application = new_application (f);
  g_autofree char *before = raw_digest (f);
  g_autofree char *after = NULL;

  g_object_set (application, property, value, NULL);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (application), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  assert_message_contains (error, part_title);
  g_assert_null (icw_record_get_id (ICW_RECORD (application)));
  after = raw_digest (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_json_parts (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *property;
    const char *value;
    const char *part;
  } bad[] = {
    { "roadmap", "{}", "Technology roadmap" },
    { "roadmap", "[1]", "Technology roadmap, item 1" },
    { "roadmap", "[{\"technology\":\"A\",\"trl_from\":\"3\"}]", "“trl_from” must be a whole number" },
    { "roadmap", "[{\"technology\":\"A\",\"trl_from\":3.5}]", "“trl_from” must be a whole number" },
    { "roadmap", "[{\"technology\":[\"A\"]}]", "“technology” must be text" },
    { "roadmap", "[{\"technology\":\"A\"},{\"milestones\":5}]", "item 2" },
    { "roadmap", "var roadmap = [];", "Technology roadmap" },
    { "roadmap", "[{\"technology\":", "Technology roadmap" },
    { "capability-platforms", "[{\"kind\":\"lab\"}]", "Capability platforms" },
    { "capability-platforms", "\"pilot\"", "Capability platforms" },
    { "indicators", "[{\"area\":\"profit\"}]", "Performance indicators" },
    { "indicators", "[{\"area\":\"market\",\"targets\":{}}]", "“targets” must be text" },
    { "tasks", "[]", "Main tasks" },
    { "tasks", "{\"9\":\"x\"}", "“9” is not one of the eight main tasks" },
    { "tasks", "{\"3\":3}", "the plan for task 3 must be text" },
  };
  g_autoptr(IcwApplication) good = new_application (f);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    expect_part_refused (f, bad[i].property, bad[i].value, bad[i].part);

  /* Empty parts, null members and members the format does not know are fine. */
  icw_application_set_roadmap (good, "[{\"technology\":null,\"extra\":{\"a\":1}}]");
  icw_application_set_capability_platforms (good, "");
  icw_application_set_indicators (good, "[]");
  icw_application_set_tasks (good, "{\"2\":null}");
  icw_test_save (f->store, good);
}

static IcwApplication *
submitted_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_application_mark_ready (f->store, f->sample, f->packs, f->today, &error));
  g_assert_no_error (error);
  g_assert_true (icw_application_submit (f->store, f->sample, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_application_get_status (f->sample), ==, ICW_APPLICATION_STATUS_SUBMITTED);
  return f->sample;
}

static void
test_ready_needs_no_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) empty = new_application (f);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *status = NULL;

  icw_test_save (f->store, empty);
  g_assert_false (icw_application_mark_ready (f->store, empty, f->packs, f->today, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  assert_message_contains (error, "error");
  g_assert_cmpint (icw_application_get_status (empty), ==, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM applications WHERE status = 'ready'"), ==, 0);
  g_clear_error (&error);

  /* A draft goes straight to submitted neither through the life cycle nor through the store. */
  g_assert_false (icw_application_submit (f->store, f->sample, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  icw_application_set_status (f->sample, ICW_APPLICATION_STATUS_SUBMITTED);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (f->sample), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  assert_message_contains (error, "Status");
  icw_application_set_status (f->sample, ICW_APPLICATION_STATUS_DRAFT);
  g_clear_error (&error);

  /* The sample has warnings and no errors: it may be marked ready. */
  findings = icw_application_check (f->store, f->sample, f->packs, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (icw_findings_count (findings, ICW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (icw_findings_count (findings, ICW_SEVERITY_WARNING), >, 0);
  g_assert_true (icw_application_mark_ready (f->store, f->sample, f->packs, f->today, &error));
  g_assert_no_error (error);
  status = g_strdup_printf ("SELECT count(*) FROM applications WHERE status = 'ready' AND id = '%s'",
                            icw_record_get_id (ICW_RECORD (f->sample)));
  g_assert_cmpint (raw_int (f, status), ==, 1);
}

/* Edited while ready, an application is a draft again; and it can be marked back by hand. */
static void
test_ready_edited (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_application_mark_ready (f->store, f->sample, f->packs, f->today, &error));
  icw_application_set_section_risks (f->sample, "风险可控。");
  icw_test_save (f->store, f->sample);
  g_assert_cmpint (icw_application_get_status (f->sample), ==, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM applications WHERE status = 'draft'"), ==, 1);

  g_assert_true (icw_application_mark_ready (f->store, f->sample, f->packs, f->today, &error));
  g_assert_true (icw_application_mark_draft (f->store, f->sample, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_application_get_status (f->sample), ==, ICW_APPLICATION_STATUS_DRAFT);
}

/* A different value of the same type, for each kind of property. */
static void
change_value (GParamSpec   *spec,
              const GValue *old,
              GValue       *value,
              const char   *other_center)
{
  g_value_init (value, spec->value_type);
  if (strcmp (spec->name, "center-id") == 0)
    g_value_set_string (value, other_center);
  else if (G_IS_PARAM_SPEC_STRING (spec))
    g_value_set_string (value, "改过的内容");
  else if (G_IS_PARAM_SPEC_UINT (spec))
    g_value_set_uint (value, g_value_get_uint (old) == 0 ? 1 : 0);
  else if (G_IS_PARAM_SPEC_INT64 (spec))
    g_value_set_int64 (value, g_value_get_int64 (old) + 1);
  else
    g_value_set_int (value, g_value_get_int (old) + 1);
}

static void
test_submitted_read_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IcwApplication *application = submitted_sample (f);
  g_autoptr(IcwCenter) other_center = icw_center_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) content = bytes_of ("%PDF-1.4 another file");
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(IcwAttachment) first = NULL;
  guint n, refused = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (application), &n);

  icw_center_set_name (other_center, "另一个创新中心");
  icw_test_save (f->store, other_center);
  before = raw_digest (f);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) old = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;

      if (specs[i]->owner_type != ICW_TYPE_APPLICATION || strcmp (specs[i]->name, "status") == 0 ||
          strcmp (specs[i]->name, "reviewer-comments") == 0)
        continue;
      g_object_get_property (G_OBJECT (application), specs[i]->name, &old);
      change_value (specs[i], &old, &changed, icw_record_get_id (ICW_RECORD (other_center)));
      g_object_set_property (G_OBJECT (application), specs[i]->name, &changed);
      g_assert_false (icw_store_save (f->store, ICW_RECORD (application), &error));
      if (!g_error_matches (error, ICW_ERROR, ICW_ERROR_READ_ONLY))
        g_error ("changing “%s” of a submitted application: %s", specs[i]->name,
                 error != NULL ? error->message : "no error");
      assert_message_contains (error, "submitted");
      g_clear_error (&error);
      g_object_set_property (G_OBJECT (application), specs[i]->name, &old);
      refused++;
    }
  /* 21, the 基本情况表's total investment, contact and telephone, the cover's 推荐单位 and the
   * market operation plan. */
  g_assert_cmpuint (refused, ==, 26);

  /* Its attachments can be neither added, renamed nor deleted, and it cannot be deleted. */
  g_assert_null (icw_store_add_attachment (f->store, application, "补充材料.pdf", ICW_ATTACHMENT_KIND_OTHER,
                                           content, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  attachments = icw_store_list (f->store, ICW_RECORD_KIND_ATTACHMENT, icw_record_get_id (ICW_RECORD (application)));
  first = g_list_model_get_item (attachments, 0);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (first), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  icw_attachment_set_name (first, "改名.pdf");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (first), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (application), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Nor does its status go back. */
  icw_application_set_status (application, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (application), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_SUBMITTED);

  after = raw_digest (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 3);
}

static void
test_return_and_accept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IcwApplication *application = submitted_sample (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_false (icw_application_return (f->store, application, "  ", &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (icw_application_return (f->store, application, "请补充风险控制措施。", &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_application_get_status (application), ==, ICW_APPLICATION_STATUS_RETURNED);
  g_assert_cmpstr (icw_application_get_reviewer_comments (application), ==, "请补充风险控制措施。");
  g_assert_false (icw_application_is_editable (application));

  /* Returned is locked too: it is reworked as a new version. */
  before = raw_digest (f);
  icw_application_set_section_risks (application, "新的内容");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (application), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  assert_message_contains (error, "new version");
  g_clear_error (&error);
  after = raw_digest (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (icw_application_accept (f->store, application, NULL, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
}

static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IcwApplication *application = submitted_sample (f);

  g_assert_true (icw_application_accept (f->store, application, NULL, &error));
  g_assert_no_error (error);
  /* It, and the sample's 验收认定 that recognized the center, accepted before. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM applications WHERE status = 'accepted'"), ==, 2);
}

static void
assert_same_properties (IcwApplication *a,
                        IcwApplication *b)
{
  guint n;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      /* The comments stay with the version they were written on. */
      if (specs[i]->owner_type != ICW_TYPE_APPLICATION || strcmp (specs[i]->name, "version") == 0 ||
          strcmp (specs[i]->name, "status") == 0 || strcmp (specs[i]->name, "reviewer-comments") == 0)
        continue;
      g_object_get_property (G_OBJECT (a), specs[i]->name, &x);
      g_object_get_property (G_OBJECT (b), specs[i]->name, &y);
      if (g_param_values_cmp (specs[i], &x, &y) != 0)
        g_error ("the new version has another “%s”", specs[i]->name);
    }
}

static IcwApplication *
reopened_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  IcwApplication *application = submitted_sample (f);
  IcwApplication *second;

  g_assert_true (icw_application_return (f->store, application, "请完善。", &error));
  second = icw_application_reopen (f->store, application, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  return second;
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) second = reopened_sample (f);
  g_autoptr(IcwApplication) third = NULL;
  g_autoptr(IcwRecord) same = NULL;
  g_autoptr(GListModel) old_files = icw_store_list (f->store, ICW_RECORD_KIND_ATTACHMENT,
                                                    icw_record_get_id (ICW_RECORD (f->sample)));
  g_autoptr(GListModel) new_files = icw_store_list (f->store, ICW_RECORD_KIND_ATTACHMENT,
                                                    icw_record_get_id (ICW_RECORD (second)));

  g_assert_cmpint (icw_application_get_version (second), ==, 2);
  g_assert_cmpint (icw_application_get_status (second), ==, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_cmpstr (icw_application_get_lineage_id (second), ==, icw_record_get_id (ICW_RECORD (f->sample)));
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (second)), !=, icw_record_get_id (ICW_RECORD (f->sample)));
  assert_same_properties (f->sample, second);
  g_assert_cmpint (icw_application_get_status (f->sample), ==, ICW_APPLICATION_STATUS_RETURNED);
  g_assert_cmpstr (icw_application_get_reviewer_comments (f->sample), ==, "请完善。");
  g_assert_null (icw_application_get_reviewer_comments (second));

  /* The store's own object, and copies of every attachment with the same file. */
  same = icw_store_lookup (f->store, ICW_RECORD_KIND_APPLICATION, icw_record_get_id (ICW_RECORD (second)), NULL);
  g_assert_true (same == ICW_RECORD (second));
  g_assert_cmpuint (g_list_model_get_n_items (new_files), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IcwAttachment) a = g_list_model_get_item (old_files, i);
      g_autoptr(IcwAttachment) b = g_list_model_get_item (new_files, i);
      g_autoptr(GBytes) content_a = icw_store_attachment_content (f->store, icw_record_get_id (ICW_RECORD (a)), NULL);
      g_autoptr(GBytes) content_b = icw_store_attachment_content (f->store, icw_record_get_id (ICW_RECORD (b)), NULL);

      g_assert_cmpstr (icw_attachment_get_name (a), ==, icw_attachment_get_name (b));
      g_assert_cmpint (icw_attachment_get_kind (a), ==, icw_attachment_get_kind (b));
      g_assert_cmpstr (icw_attachment_get_sha256 (a), ==, icw_attachment_get_sha256 (b));
      g_assert_true (g_bytes_equal (content_a, content_b));
      g_assert_cmpstr (icw_attachment_get_application_id (b), ==, icw_record_get_id (ICW_RECORD (second)));
    }

  /* The new version is a draft that can be edited; the old one cannot be reopened twice. */
  icw_application_set_section_risks (second, "补充后的风险与控制。");
  icw_test_save (f->store, second);
  third = icw_application_reopen (f->store, f->sample, &error);
  g_assert_null (third);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  assert_message_contains (error, "version 2");
  g_clear_error (&error);
  third = icw_application_reopen (f->store, second, &error);
  g_assert_null (third);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
}

static void
test_versions_in_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) orphan = new_application (f);
  g_autoptr(IcwApplication) twin = NULL;
  g_autoptr(IcwApplication) second G_GNUC_UNUSED = reopened_sample (f);

  icw_application_set_version (orphan, 2);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (orphan), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  assert_message_contains (error, "Version");
  g_clear_error (&error);

  twin = new_application (f);
  icw_application_set_version (twin, 2);
  icw_application_set_lineage_id (twin, icw_record_get_id (ICW_RECORD (f->sample)));
  g_assert_false (icw_store_save (f->store, ICW_RECORD (twin), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A new application starts as a draft. */
  icw_application_set_version (orphan, 1);
  icw_application_set_status (orphan, ICW_APPLICATION_STATUS_ACCEPTED);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (orphan), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
}

static gboolean
changed (GPtrArray  *comparison,
         const char *key)
{
  for (guint i = 0; i < comparison->len; i++)
    {
      IcwSectionComparison *section = comparison->pdata[i];

      if (strcmp (section->key, key) == 0)
        return section->changed;
    }
  g_error ("the comparison has no section “%s”", key);
}

static guint
count_changed (GPtrArray *comparison)
{
  guint count = 0;

  for (guint i = 0; i < comparison->len; i++)
    count += ((IcwSectionComparison *) comparison->pdata[i])->changed ? 1 : 0;
  return count;
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(IcwApplication) second = reopened_sample (f);
  g_autoptr(GPtrArray) same = icw_application_compare (f->store, f->sample, second);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(JsonNode) roadmap = NULL;
  g_autoptr(GBytes) content = bytes_of ("%PDF-1.4 new certificate");
  g_autoptr(IcwAttachment) added = NULL;
  g_autofree char *reordered = NULL;
  g_autofree char *pretty = NULL;
  JsonObject *item;

  /* Every section of the application, in display order, without the center's registers. */
  g_assert_cmpuint (same->len, ==, ICW_N_SECTIONS - 1);
  g_assert_cmpstr (((IcwSectionComparison *) same->pdata[0])->key, ==, "call");
  g_assert_cmpuint (count_changed (same), ==, 0);

  /* Members in another order and null members are no change; another TRL is. */
  reordered = g_strdup ("{\"8\":null}");
  roadmap = json_from_string (icw_application_get_roadmap (second), NULL);
  item = json_array_get_object_element (json_node_get_array (roadmap), 0);
  json_object_set_int_member (item, "trl_to", 8);
  pretty = json_to_string (roadmap, TRUE);
  icw_application_set_roadmap (second, pretty);
  icw_application_set_section_background (second, "改写后的建设背景。");
  icw_test_save (f->store, second);
  added = icw_store_add_attachment (f->store, second, "平台证书.pdf", ICW_ATTACHMENT_KIND_PLATFORM_CERTIFICATE,
                                    content, NULL);
  g_assert_nonnull (added);

  after = icw_application_compare (f->store, f->sample, second);
  g_assert_true (changed (after, "background"));
  g_assert_true (changed (after, "roadmap"));
  g_assert_true (changed (after, "attachments"));
  g_assert_cmpuint (count_changed (after), ==, 3);
  g_assert_nonnull (strstr (((IcwSectionComparison *) after->pdata[1])->text_b, "改写后"));

  /* Canonical forms: order, spacing and empty members do not count. */
  {
    g_autofree char *a = icw_application_part_canonical (ICW_SECTION_TASKS, "{\"2\": \"b\", \"1\": \"a\", \"3\": \"\"}");
    g_autofree char *b = icw_application_part_canonical (ICW_SECTION_TASKS, "{\"1\":\"a\",\"2\":\"b\"}");
    g_autofree char *c = icw_application_part_canonical (ICW_SECTION_TASKS, reordered);
    g_autofree char *d = icw_application_part_canonical (ICW_SECTION_ROADMAP, "[]");

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (c, ==, "");
    g_assert_cmpstr (d, ==, "");
  }
}

static void
expect_attachment_refused (Fixture    *f,
                           const char *name,
                           GBytes     *content,
                           GQuark      domain,
                           int         code,
                           const char *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAttachment) attachment = NULL;
  g_autofree char *before = raw_digest (f);
  g_autofree char *after = NULL;

  attachment = icw_store_add_attachment (f->store, f->sample, name, ICW_ATTACHMENT_KIND_OTHER, content, &error);
  g_assert_null (attachment);
  g_assert_error (error, domain, code);
  assert_message_contains (error, rule);
  after = raw_digest (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_attachment_rules (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const bad_characters[] = { "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\t" };
  g_autoptr(GBytes) content = bytes_of ("%PDF-1.4 a letter of support");
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) too_big = g_bytes_new_take (g_malloc0 (ICW_ATTACHMENT_MAX_SIZE + 1), ICW_ATTACHMENT_MAX_SIZE + 1);
  g_autoptr(GBytes) largest = g_bytes_new_take (g_malloc0 (ICW_ATTACHMENT_MAX_SIZE), ICW_ATTACHMENT_MAX_SIZE);
  g_autoptr(GBytes) sample_file = NULL;
  g_autoptr(GListModel) files = icw_store_list (f->store, ICW_RECORD_KIND_ATTACHMENT,
                                                icw_record_get_id (ICW_RECORD (f->sample)));
  g_autoptr(IcwAttachment) first = g_list_model_get_item (files, 0);
  g_autoptr(IcwAttachment) ok = NULL;
  g_autoptr(IcwAttachment) big = NULL;
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *checksum = NULL;
  g_autoptr(GError) error = NULL;

  expect_attachment_refused (f, "", content, ICW_ERROR, ICW_ERROR_INVALID, "File name");
  expect_attachment_refused (f, "   ", content, ICW_ERROR, ICW_ERROR_INVALID, "File name");
  expect_attachment_refused (f, ".pdf", content, ICW_ERROR, ICW_ERROR_INVALID, "File name");
  for (guint i = 0; i < 77; i++)
    g_string_append (long_name, "证");
  g_string_append (long_name, ".pdf");   /* 81 characters */
  expect_attachment_refused (f, long_name->str, content, ICW_ERROR, ICW_ERROR_INVALID, "at most 80 characters");
  for (guint i = 0; i < G_N_ELEMENTS (bad_characters); i++)
    {
      g_autofree char *name = g_strdup_printf ("证明%s材料.pdf", bad_characters[i]);

      expect_attachment_refused (f, name, content, ICW_ERROR, ICW_ERROR_INVALID, "File name");
    }
  expect_attachment_refused (f, "证明材料.docx", content, ICW_ERROR, ICW_ERROR_INVALID, "File type");
  expect_attachment_refused (f, "证明材料", content, ICW_ERROR, ICW_ERROR_INVALID, "File type");
  expect_attachment_refused (f, "证明材料.pdf.exe", content, ICW_ERROR, ICW_ERROR_INVALID, "File type");
  expect_attachment_refused (f, "证明材料.pdf", empty, ICW_ERROR, ICW_ERROR_INVALID, "File size");
  expect_attachment_refused (f, "证明材料.pdf", too_big, ICW_ERROR, ICW_ERROR_INVALID, "20 MiB");
  sample_file = icw_store_attachment_content (f->store, icw_record_get_id (ICW_RECORD (first)), &error);
  g_assert_no_error (error);
  expect_attachment_refused (f, "同一个文件.pdf", sample_file, ICW_ERROR, ICW_ERROR_DUPLICATE,
                             icw_attachment_get_name (first));

  /* At the limits, and any case of an allowed extension, are fine; the file reads back whole. */
  g_string_truncate (long_name, 0);
  for (guint i = 0; i < 76; i++)
    g_string_append (long_name, "证");
  g_string_append (long_name, ".PDF");
  ok = icw_store_add_attachment (f->store, f->sample, long_name->str, ICW_ATTACHMENT_KIND_OTHER, content, &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_attachment_get_size (ok), ==, g_bytes_get_size (content));
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_assert_cmpstr (icw_attachment_get_sha256 (ok), ==, checksum);
  read_back = icw_store_attachment_content (f->store, icw_record_get_id (ICW_RECORD (ok)), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, content));
  big = icw_store_add_attachment (f->store, f->sample, "扫描件.png", ICW_ATTACHMENT_KIND_OTHER, largest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (big);

  /* The outbox carries the metadata and the checksum, never the file (the application's five; the
   * sample's reports have their own). */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM outbox WHERE kind = 'attachment' "
                               "AND json_extract(payload, '$.application_id') IS NOT NULL "
                               "AND json_extract(payload, '$.sha256') IS NOT NULL "
                               "AND json_extract(payload, '$.content') IS NULL"), ==, 5);
  g_assert_cmpint (raw_int (f, "SELECT max(length(payload)) FROM outbox WHERE kind = 'attachment'"), <, 2000);

  /* A deleted attachment is gone from the list and its file from reach; undo brings both back. */
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (ok), &error));
  g_clear_pointer (&read_back, g_bytes_unref);
  read_back = icw_store_attachment_content (f->store, icw_record_get_id (ICW_RECORD (ok)), &error);
  g_assert_null (read_back);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (icw_store_restore (f->store, ICW_RECORD (ok), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 5);

  /* Renaming follows the name rules; the file itself cannot be swapped. */
  icw_attachment_set_name (ok, "改名后.pdf");
  icw_test_save (f->store, ok);
  icw_attachment_set_name (ok, "改名后.txt");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (ok), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  icw_attachment_set_name (ok, "改名后.pdf");
  icw_attachment_set_sha256 (ok, icw_attachment_get_sha256 (first));
  g_assert_false (icw_store_save (f->store, ICW_RECORD (ok), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
}

static void
test_word_counts (void)
{
  g_assert_cmpuint (icw_text_count_words (NULL), ==, 0);
  g_assert_cmpuint (icw_text_count_words (""), ==, 0);
  g_assert_cmpuint (icw_text_count_words ("，。、“”（）——\n\n  "), ==, 0);
  g_assert_cmpuint (icw_text_count_words ("传感器"), ==, 3);
  g_assert_cmpuint (icw_text_count_words ("智能传感器，创新中心。"), ==, 9);
  g_assert_cmpuint (icw_text_count_words ("MEMS sensor chips"), ==, 3);
  g_assert_cmpuint (icw_text_count_words ("R&D co-operation, 3.5 times; don't."), ==, 5);
  g_assert_cmpuint (icw_text_count_words ("MEMS传感器芯片2025年"), ==, 8);
  g_assert_cmpuint (icw_text_count_words ("- 第一项\n- 第二项\n\nTRL 4"), ==, 8);
  g_assert_cmpuint (icw_text_count_words ("センサー"), ==, 4);
  g_assert_cmpuint (icw_text_count_words ("Ｍ ｅｍｓ"), ==, 2);
  g_assert_cmpuint (icw_text_count_words ("\xff\xfe 坏"), ==, 1);
}

static void
test_sections (void)
{
  static const struct {
    const char *field;
    IcwSection  section;
  } fields[] = {
    { "background", ICW_SECTION_BACKGROUND },
    { "title", ICW_SECTION_CALL },
    { "kind", ICW_SECTION_CALL },
    { "call/deadline", ICW_SECTION_CALL },
    { "roadmap/2/trl_to", ICW_SECTION_ROADMAP },
    { "capability-platforms", ICW_SECTION_CAPABILITY_PLATFORMS },
    { "tasks/3", ICW_SECTION_TASKS },
    { "registers/shareholders", ICW_SECTION_REGISTERS },
    { "attachments", ICW_SECTION_ATTACHMENTS },
    { "benefits", ICW_SECTION_BENEFITS },
    { "nowhere", ICW_N_SECTIONS },
    { "", ICW_N_SECTIONS },
    { NULL, ICW_N_SECTIONS },
  };
  guint index = 0;
  const char *member = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpint (icw_section_from_field (fields[i].field), ==, fields[i].section);
  g_assert_true (icw_field_get_item ("roadmap/2/trl_to", &index, &member));
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpstr (member, ==, "trl_to");
  g_assert_true (icw_field_get_item ("tasks/8", &index, &member));
  g_assert_cmpuint (index, ==, 8);
  g_assert_null (member);
  g_assert_false (icw_field_get_item ("registers/shareholders", &index, &member));
  g_assert_false (icw_field_get_item ("background", &index, &member));

  for (guint s = 0; s < ICW_N_SECTIONS; s++)
    {
      IcwSection back;

      g_assert_true (icw_section_from_key (icw_section_to_key (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (icw_section_get_title (s));
      g_assert_nonnull (icw_section_get_hint (s));
      g_assert_true ((icw_section_get_property (s) != NULL) ==
                     (s != ICW_SECTION_CALL && s != ICW_SECTION_REGISTERS && s != ICW_SECTION_ATTACHMENTS));
    }
  g_assert_cmpstr (icw_section_get_property (ICW_SECTION_BACKGROUND), ==, "section-background");
  g_assert_cmpstr (icw_main_task_get_title (3), ==, "Protection and use of intellectual property");
  /* 37号's 建设情况 (art. 7) and the six areas of its art. 8. */
  g_assert_cmpuint (g_strv_length ((char **) icw_indicator_area_keys ()), ==, 7);
  g_assert_cmpuint (g_strv_length ((char **) icw_capability_kind_keys ()), ==, 4);
  g_assert_cmpstr (icw_indicator_area_to_label ("sustainability"), ==, "Sustainable development");
  g_assert_null (icw_capability_kind_to_label ("lab"));
}

/* A database of schema 2 (before applications) gains them, and the center's rule packs, after one
 * backup copy; what it held is kept. */
static void
test_migration_from_v2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-applications-v2-XXXXXX", &path);
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) center = NULL;
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint backups = 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, icw_schema_migration (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, icw_schema_migration (2), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO centers (id, name, created_at, updated_at) VALUES "
                                     "('33333333-3333-4333-8333-333333333333', '旧版创新中心', "
                                     "'2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z');"
                                     "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = icw_store_open (path, &error);
  g_assert_no_error (error);
  center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, "33333333-3333-4333-8333-333333333333", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_center_get_name (ICW_CENTER (center)), ==, "旧版创新中心");
  g_assert_null (icw_center_get_rule_packs (ICW_CENTER (center)));
  icw_center_set_rule_packs (ICW_CENTER (center), "completeness");
  g_assert_true (icw_store_save (store, center, &error));
  icw_application_set_center_id (application, icw_record_get_id (center));
  g_assert_true (icw_store_save (store, ICW_RECORD (application), &error));
  g_assert_no_error (error);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    backups += g_str_has_suffix (name, ".backup") ? 1 : 0;
  g_assert_cmpuint (backups, ==, 1);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/applications/properties", test_properties);
  add ("/applications/json-parts", test_json_parts);
  add ("/applications/lifecycle/ready-needs-no-errors", test_ready_needs_no_errors);
  add ("/applications/lifecycle/ready-edited", test_ready_edited);
  add ("/applications/lifecycle/submitted-read-only", test_submitted_read_only);
  add ("/applications/lifecycle/return", test_return_and_accept);
  add ("/applications/lifecycle/accept", test_accept);
  add ("/applications/versions/reopen", test_reopen);
  add ("/applications/versions/store", test_versions_in_store);
  add ("/applications/versions/compare", test_compare);
  add ("/applications/attachments", test_attachment_rules);
  g_test_add_func ("/applications/word-counts", test_word_counts);
  g_test_add_func ("/applications/sections", test_sections);
  g_test_add_func ("/applications/migration-from-v2", test_migration_from_v2);

  return g_test_run ();
}
