/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dossier-targets.c: the 任务书's versions in the center dossier (docs/formats.md, "Target
 * versions"). A center with a version carried from its accepted application and a changed one is
 * exported and imported into another database (real SQLite files): every version comes back with
 * its ID, who, when, why, period and rows; importing again adds nothing; a malformed row refuses
 * the file with a problem naming the center, the version and the row, and nothing is written.
 * Accepting an application carries its targets once (icw_lifecycle_accept). */
#include "config.h"

#include <string.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-dossier-import.h"
#include "icw-dossier.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-store-targets-sync.h"
#include "icw-test-util.h"

#define INDICATORS \
  "[{\"area\": \"collaboration\", \"name\": \"联盟成员单位\", \"unit\": \"家\", \"baseline_value\": 10," \
  "  \"years\": [{\"year\": 2024, \"target\": 12}, {\"year\": 2025, \"target\": 14}]}," \
  " {\"area\": \"rd-strength\", \"name\": \"年度研发投入\", \"unit\": \"万元\"," \
  "  \"years\": [{\"year\": 2024, \"target\": 1200.5}, {\"year\": 2025, \"target\": 1600}]}]"

/* A store with one recognized center (icw-test-util.h). */
typedef IcwTestSample Fixture;

static const char *
center_id (Fixture *f)
{
  return icw_record_get_id (ICW_RECORD (f->center));
}

/* An application of the center, submitted. */
static IcwApplication *
submitted_application (Fixture    *f,
                       const char *indicators)
{
  g_autoptr(IcwApplication) application = icw_application_new ();

  icw_application_set_center_id (application, center_id (f));
  icw_application_set_title (application, "验收申请");
  icw_application_set_indicators (application, indicators);
  icw_test_save (f->store, application);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_READY);
  icw_test_save (f->store, application);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_SUBMITTED);
  icw_test_save (f->store, application);
  return g_steal_pointer (&application);
}

static void
assert_same_version (IcwTargetSet *a,
                     IcwTargetSet *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->center_id, ==, b->center_id);
  g_assert_cmpint (a->version, ==, b->version);
  g_assert_cmpstr (a->application_id, ==, b->application_id);
  g_assert_cmpint (a->first_year, ==, b->first_year);
  g_assert_cmpint (a->last_year, ==, b->last_year);
  g_assert_cmpstr (a->changed_by, ==, b->changed_by);
  g_assert_cmpstr (a->changed_at, ==, b->changed_at);
  g_assert_cmpstr (a->reason, ==, b->reason);
  g_assert_cmpuint (a->targets->len, ==, b->targets->len);
  for (guint i = 0; i < a->targets->len; i++)
    {
      IcwTarget *x = a->targets->pdata[i];
      IcwTarget *y = b->targets->pdata[i];

      g_assert_cmpstr (x->indicator_key, ==, y->indicator_key);
      g_assert_cmpstr (x->area, ==, y->area);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpint (x->has_baseline, ==, y->has_baseline);
      g_assert_cmpfloat (x->baseline, ==, y->baseline);
      g_assert_cmpint (x->year, ==, y->year);
      g_assert_cmpfloat (x->target, ==, y->target);
    }
}

/* Accepting carries the application's targets once; the export holds both versions; the import
 * brings each back whole and a second import adds nothing. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcwApplication) application = submitted_application (f, INDICATORS);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GBytes) dossier = NULL;
  g_autoptr(IcwStore) other = icw_test_open_store_in (f->dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *carried_id = NULL;
  const char *ids[] = { center_id (f), NULL };
  IcwTarget *t;
  guint written = 0;

  /* Accepting carries the targets, once: with the acceptance's time, under an ID made from the
   * application's; accepting cannot happen twice, and carrying again does nothing. */
  g_assert_true (icw_lifecycle_accept (f->store, ICW_RECORD (application), "同意", &error));
  g_assert_no_error (error);
  before = icw_store_collect_target_versions (f->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);
  carried_id = icw_target_version_id_for_application (icw_record_get_id (ICW_RECORD (application)));
  g_assert_cmpstr (((IcwTargetSet *) before->pdata[0])->id, ==, carried_id);
  g_assert_cmpstr (((IcwTargetSet *) before->pdata[0])->changed_at, ==,
                   icw_record_get_updated_at (ICW_RECORD (application)));
  g_assert_cmpstr (((IcwTargetSet *) before->pdata[0])->application_id, ==, icw_record_get_id (ICW_RECORD (application)));
  g_assert_cmpint (icw_store_carry_targets_on_acceptance (f->store, application, &error), ==, 0);
  g_assert_no_error (error);

  /* A changed version, by hand. */
  t = icw_target_new ("联盟成员单位", 2025, 15);
  t->unit = g_strdup ("家");
  g_ptr_array_add (changed, t);
  t = icw_target_new ("联盟成员单位", 2026, 18.25);
  t->unit = g_strdup ("家");
  t->has_baseline = TRUE;
  t->baseline = 10;
  g_ptr_array_add (changed, t);
  g_assert_cmpint (icw_store_save_targets (f->store, center_id (f), changed, "王敏", "任务书变更：延长一年", &error), ==, 2);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = icw_store_collect_target_versions (f->store, ids, &error);
  g_assert_cmpuint (before->len, ==, 2);

  dossier = icw_dossier_export (f->store, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (dossier, NULL), "\"target_versions\""));
  g_assert_true (icw_dossier_import (other, g_bytes_get_data (dossier, NULL), g_bytes_get_size (dossier), NULL, NULL, NULL,
                                     &written, NULL, &error));
  g_assert_no_error (error);
  after = icw_store_collect_target_versions (other, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same_version (before->pdata[i], after->pdata[i]);
  /* Imported, still to push to a server (the import is this workbench's news). */
  g_clear_pointer (&after, g_ptr_array_unref);
  after = icw_store_target_versions_to_push (other, 10, &error);
  g_assert_cmpuint (after->len, ==, 2);

  /* Again: every version is already there, none is written twice. */
  g_assert_true (icw_dossier_import (other, g_bytes_get_data (dossier, NULL), g_bytes_get_size (dossier), NULL, NULL, NULL,
                                     &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = icw_store_collect_target_versions (other, ids, &error);
  g_assert_cmpuint (after->len, ==, 2);

  /* Back into the first database: the same versions, nothing new. */
  g_assert_true (icw_dossier_import (f->store, g_bytes_get_data (dossier, NULL), g_bytes_get_size (dossier), NULL, NULL,
                                     NULL, &written, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = icw_store_collect_target_versions (f->store, ids, &error);
  g_assert_cmpuint (after->len, ==, 2);
}

/* Replaces the first occurrence of `from` in the text. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
assert_refused (IcwStore   *store,
                const char *text,
                const char *problem)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  g_assert_false (icw_dossier_import (store, text, strlen (text), NULL, NULL, NULL, NULL, &problems, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("%s", (const char *) problems->pdata[i]);
      found = found || strstr (problems->pdata[i], problem) != NULL;
    }
  g_assert_true (found);
}

/* A malformed version refuses the whole file, with a problem naming the center, the version and
 * the row; nothing of the file is written. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  g_autoptr(GBytes) dossier = NULL;
  g_autoptr(IcwStore) other = icw_test_open_store_in (f->dir, "c.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GListModel) centers = NULL;
  g_autofree char *year = NULL;
  g_autofree char *target = NULL;
  g_autofree char *period = NULL;
  g_autofree char *prefix = NULL;
  const char *ids[] = { center_id (f), NULL };
  const char *text;

  g_ptr_array_add (changed, icw_target_new ("专利", 2025, 4));
  g_ptr_array_add (changed, icw_target_new ("专利", 2026, 6));
  g_assert_cmpint (icw_store_save_targets (f->store, center_id (f), changed, "王敏", "初版", &error), ==, 1);
  dossier = icw_dossier_export (f->store, ids, NULL, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (dossier, NULL);
  prefix = g_strdup_printf ("Targets of center %s, version 1", center_id (f));

  /* The second row's year outside the period. */
  year = replace_once (text, "\"year\" : 2026", "\"year\" : 2031");
  {
    g_autofree char *problem = g_strdup_printf ("%s, row 2: “year” 2031 is outside the period 2025–2026", prefix);

    assert_refused (other, year, problem);
  }
  /* A target that is not a number, in row 1. */
  target = replace_once (text, "\"target\" : 4.0", "\"target\" : \"四\"");
  {
    g_autofree char *problem = g_strdup_printf ("%s, row 1: “target” is a number", prefix);

    assert_refused (other, target, problem);
  }
  /* The period against the rows. */
  period = replace_once (text, "\"first_year\" : 2025", "\"first_year\" : 2024");
  {
    g_autofree char *problem = g_strdup_printf ("%s: the period 2024–2026 is not the years of its targets, 2025–2026", prefix);

    assert_refused (other, period, problem);
  }
  /* Nothing of the refused files was written. */
  versions = icw_store_collect_target_versions (other, NULL, &error);
  g_assert_cmpuint (versions->len, ==, 0);
  centers = icw_store_list (other, ICW_RECORD_KIND_CENTER, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (centers), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/dossier-targets/round-trip", Fixture, NULL, icw_test_recognized_set_up, test_round_trip,
              icw_test_sample_tear_down);
  g_test_add ("/dossier-targets/malformed", Fixture, NULL, icw_test_recognized_set_up, test_malformed,
              icw_test_sample_tear_down);
  return g_test_run ();
}
