/* test-dossier.c: the center dossier: the round trip (sample → export → import into an empty
 * database → export gives the same bytes), the dossier of the whole database, corrupted dossiers
 * refused with every table's rows unchanged, a record the database holds with other content,
 * cancellation (in the write and off the main thread), and the async import's progress and the
 * main store's lists after it. */
#include "config.h"

#include <string.h>

#include "icw-center.h"
#include "icw-dossier-import.h"
#include "icw-error.h"
#include "icw-sample.h"
#include "icw-test-util.h"

typedef struct {
  char     *dir;
  char     *path;        /* the sample's database */
  char     *empty_path;  /* a database with nothing in it */
  IcwStore *store;
  IcwStore *empty;
  char     *center_id;
  GBytes   *dossier;     /* the sample center's */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;
  const char *ids[2] = { NULL, NULL };

  f->dir = icw_test_make_tmp_dir ("icw-dossier-XXXXXX", &f->path);
  f->empty_path = g_build_filename (f->dir, "empty.db", NULL);
  f->store = icw_test_open_store (f->path);
  f->empty = icw_test_open_store (f->empty_path);
  center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  f->center_id = g_strdup (icw_record_get_id (ICW_RECORD (center)));
  /* A record edited later than it was made, and one in the trash: the times and the deletion
   * must come through as they are. */
  g_usleep (2000);
  icw_center_set_city (center, "济南市历下区");
  icw_test_save (f->store, center);
  {
    g_autoptr(GListModel) members = icw_store_list (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, f->center_id);
    g_autoptr(IcwRecord) member = g_list_model_get_item (members, g_list_model_get_n_items (members) - 1);

    g_assert_true (icw_store_delete (f->store, member, &error));
    g_assert_no_error (error);
  }
  ids[0] = f->center_id;
  f->dossier = icw_dossier_export (f->store, ids, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->empty);
  g_clear_pointer (&f->dossier, g_bytes_unref);
  g_clear_pointer (&f->center_id, g_free);
  g_clear_pointer (&f->empty_path, g_free);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static char *
digest (const char *path)
{
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READONLY, NULL);
  char *sum = icw_test_db_digest (db, NULL, NULL, NULL);

  sqlite3_close (db);
  return sum;
}

static GBytes *
export_center (IcwStore   *store,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { id, NULL };
  GBytes *bytes = icw_dossier_export (store, ids, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
import_bytes (IcwStore   *store,
              GBytes     *bytes,
              guint      *n_written,
              GPtrArray **problems,
              GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return icw_dossier_import (store, data, length, NULL, NULL, NULL, n_written, problems, error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GListModel) centers = icw_store_list (f->empty, ICW_RECORD_KIND_CENTER, NULL);
  const char *text = g_bytes_get_data (f->dossier, NULL);
  guint n_written = 0;

  /* Everything the sample has is in it: attachments' content, budget lines, agreement parties. */
  g_assert_nonnull (strstr (text, "\"format\" : \"ic-workbench-dossier\""));
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      g_autofree char *member = g_strdup_printf ("\"kind\" : \"%s\"", icw_record_kind_to_key (kind));

      g_assert_nonnull (strstr (text, member));
    }
  g_assert_nonnull (strstr (text, "\"blobs\" : {\n        \"content\" : \""));

  g_assert_nonnull (strstr (text, "\"deleted_at\" : \"2"));
  g_assert_true (import_bytes (f->empty, f->dossier, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, >, 50);
  /* Every live record is queued for sync; the deleted one is not. */
  g_assert_cmpint (icw_store_count_outbox (f->empty), ==, (gint64) n_written - 1);
  /* The lists already handed out follow the batch. */
  g_assert_cmpuint (g_list_model_get_n_items (centers), ==, 1);

  again = export_center (f->empty, f->center_id);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                   g_bytes_get_data (f->dossier, NULL), g_bytes_get_size (f->dossier));

  /* Imported again: the database has every record already, identical, so nothing is written. */
  g_assert_true (import_bytes (f->empty, f->dossier, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 0);
}

static void
test_whole_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) all = NULL, again = NULL;
  g_autoptr(IcwOrganization) lonely = icw_test_save_organization (f->store, "无关单位", NULL);

  all = icw_dossier_export (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  /* An organization no center refers to is in the whole database's dossier, not the center's. */
  g_assert_nonnull (strstr (g_bytes_get_data (all, NULL), icw_record_get_id (ICW_RECORD (lonely))));
  g_assert_null (strstr (g_bytes_get_data (f->dossier, NULL), icw_record_get_id (ICW_RECORD (lonely))));
  g_assert_nonnull (strstr (g_bytes_get_data (all, NULL), "\"scope\" : \"database\""));

  g_assert_true (import_bytes (f->empty, all, NULL, NULL, &error));
  g_assert_no_error (error);
  again = icw_dossier_export (f->empty, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (all, again));
}

typedef struct {
  const char *name;
  const char *find;      /* replaced once; NULL for the special cases below */
  const char *replace;
  const char *message;   /* a part of the error or of one of the problems */
} Corruption;

static const Corruption corruptions[] = {
  { "wrong-type", "\"top_ten\" : false", "\"top_ten\" : \"no\"", "“top_ten” must be true or false" },
  { "unknown-kind", "\"kind\" : \"shareholder\"", "\"kind\" : \"gadget\"", "is not a kind of record" },
  { "newer-version", "\"format_version\" : 1", "\"format_version\" : 2", "newer version" },
  { "not-a-dossier", "\"format\" : \"ic-workbench-dossier\"", "\"format\" : \"other\"", "not a dossier" },
  { "dangling-reference", "\"center_id\" : \"", "\"center_id\" : \"0000", "neither in the dossier nor in the database" },
  { "bad-base64", "\"content\" : \"", "\"content\" : \"*", "is not base64" },
  { "unknown-field", "\"top_ten\" : false", "\"top_ten\" : false, \"colour\" : \"red\"", "no field “colour”" },
  { "missing-field", "\"top_ten\" : false,", "", "“top_ten” is missing" },
  { "unknown-enum", "\"kind\" : \"enterprise\"", "\"kind\" : \"guild\"", "unknown value “guild”" },
  { "label-not-key", "\"kind\" : \"enterprise\"", "\"kind\" : \"企业\"", "unknown value “企业”" },
  { "big-integer", "\"rd_base_year\" : 2023", "\"rd_base_year\" : 92233720368547758070", "too large" },
  { "int-range", "\"rd_base_year\" : 2023", "\"rd_base_year\" : 9223372036854775807", "out of range" },
  { "schema-check", "\"size\" : ", "\"size\" : 1", "attachment" },
  { "truncated", NULL, NULL, "not valid JSON" },
  { "concatenated", NULL, NULL, "after the dossier's closing brace" },
  { "assignment", NULL, NULL, "assigns a variable" },
  { "empty", NULL, NULL, "empty" },
  { "empty-time", "\"deleted_at\" : null", "\"deleted_at\" : \"\"", "“deleted_at” is missing or is neither text nor null" },
  { "not-utf8", "\"name\" : \"", "\"name\" : \"\xff", "not UTF-8" },
  { "duplicate-id", NULL, NULL, "another record with this ID" },
  { "digest", NULL, NULL, "does not match its “sha256”" },
};

/* The sample's dossier with one corruption; NULL bytes for "empty". */
static GBytes *
corrupt (GBytes           *dossier,
         const Corruption *c)
{
  const char *text = g_bytes_get_data (dossier, NULL);
  GString *out = g_string_new (NULL);

  if (c->find != NULL)
    {
      const char *at = strstr (text, c->find);

      g_assert_nonnull (at);
      g_string_append_len (out, text, at - text);
      g_string_append (out, c->replace);
      g_string_append (out, at + strlen (c->find));
    }
  else if (g_str_equal (c->name, "truncated"))
    g_string_append_len (out, text, g_utf8_find_prev_char (text, text + g_bytes_get_size (dossier) / 2) - text);
  else if (g_str_equal (c->name, "concatenated"))
    g_string_append_printf (out, "%s{\"format\" : \"ic-workbench-dossier\"}", text);
  else if (g_str_equal (c->name, "assignment"))
    g_string_append_printf (out, "var dossier = %s", text);
  else if (g_str_equal (c->name, "digest"))
    {
      /* Another first character of the base64: the same size, other bytes. */
      const char *at = strstr (text, "\"content\" : \"") + strlen ("\"content\" : \"");

      g_string_append_len (out, text, at - text);
      g_string_append_c (out, *at == 'A' ? 'B' : 'A');
      g_string_append (out, at + 1);
    }
  else if (g_str_equal (c->name, "duplicate-id"))
    {
      /* The first record twice. */
      const char *first = strstr (text, "    {\n      \"kind\"");
      const char *second = strstr (first + 1, "    {\n      \"kind\"");

      g_string_append_len (out, text, second - text);
      g_string_append_len (out, first, second - first);
      g_string_append (out, second);
    }
  return g_string_free_to_bytes (out);
}

static void
test_corrupted (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before_empty = digest (f->empty_path);
  g_autofree char *before_sample = digest (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      const Corruption *c = &corruptions[i];
      g_autoptr(GBytes) bytes = corrupt (f->dossier, c);

      for (guint target = 0; target < 2; target++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) problems = NULL;
          g_autofree char *all = NULL;
          IcwStore *store = target == 0 ? f->empty : f->store;

          g_test_message ("%s into the %s database", c->name, target == 0 ? "empty" : "sample's");
          g_assert_false (import_bytes (store, bytes, NULL, &problems, &error));
          g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
          if (problems != NULL)
            {
              g_ptr_array_add (problems, NULL);
              all = g_strjoinv ("\n", (char **) problems->pdata);
            }
          if (strstr (error->message, c->message) == NULL && (all == NULL || strstr (all, c->message) == NULL))
            g_error ("%s: “%s” is not in “%s” nor in “%s”", c->name, c->message, error->message, all);
        }
    }
  /* Nothing written to either, not even an outbox row. */
  {
    g_autofree char *after_empty = digest (f->empty_path);
    g_autofree char *after_sample = digest (f->path);

    g_assert_cmpstr (after_empty, ==, before_empty);
    g_assert_cmpstr (after_sample, ==, before_sample);
  }
}

static void
cancel_at_ten (guint    done,
               guint    total,
               gpointer user_data)
{
  if (done == 10)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = digest (f->empty_path);
  g_autofree char *after = NULL;
  gsize length;
  const char *text = g_bytes_get_data (f->dossier, &length);

  /* Cancelled in the middle of the writes: the transaction is rolled back. */
  g_assert_false (icw_dossier_import (f->empty, text, length, cancellable, cancel_at_ten, cancellable,
                                      NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = digest (f->empty_path);
  g_assert_cmpstr (after, ==, before);
  /* And the store works on: the import runs whole afterwards. */
  g_clear_error (&error);
  g_assert_true (icw_dossier_import (f->empty, text, length, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

typedef struct {
  GCancellable *cancellable;   /* cancelled at the first progress report, when set */
  guint         n_reports;
  guint         last_done;
  guint         last_total;
  gboolean      main_thread_only;
  GAsyncResult *result;
} AsyncState;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  state->n_reports++;
  state->last_done = done;
  state->last_total = total;
  state->main_thread_only &= g_main_context_is_owner (g_main_context_default ());
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
write_dossier (Fixture    *f,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (f->dossier, NULL), (gssize) g_bytes_get_size (f->dossier), &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "dossier.json", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "again.json", NULL);
  g_autoptr(GListModel) centers = icw_store_list (f->empty, ICW_RECORD_KIND_CENTER, NULL);
  g_autofree char *text = NULL;
  AsyncState state = { NULL, 0, 0, 0, TRUE, NULL };
  guint n_written = 0;
  gsize length;

  write_dossier (f, file);
  g_main_context_acquire (g_main_context_default ());
  icw_dossier_import_async (f->empty, file, NULL, on_progress, &state, on_done, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (icw_dossier_import_finish (f->empty, state.result, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&state.result);
  /* Reported in the main context, ending with all done; the main store's lists reloaded. */
  g_assert_cmpuint (state.n_reports, >, 0);
  g_assert_true (state.main_thread_only);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_cmpuint (n_written, ==, state.last_total);
  g_assert_cmpuint (g_list_model_get_n_items (centers), ==, 1);

  /* The async export of what came in gives the same bytes. */
  {
    const char *ids[2] = { f->center_id, NULL };

    icw_dossier_export_async (f->empty, ids, exported, NULL, on_done, &state);
    while (state.result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (icw_dossier_export_finish (state.result, &error));
    g_assert_no_error (error);
    g_clear_object (&state.result);
  }
  g_file_get_contents (exported, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (text, length, g_bytes_get_data (f->dossier, NULL), g_bytes_get_size (f->dossier));
  g_main_context_release (g_main_context_default ());
}

static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *file = g_build_filename (f->dir, "dossier.json", NULL);
  g_autofree char *before = digest (f->empty_path);
  g_autofree char *after = NULL;
  AsyncState state = { NULL, 0, 0, 0, TRUE, NULL };
  sqlite3 *lock = icw_test_db_open (f->empty_path, SQLITE_OPEN_READWRITE, NULL);

  /* Cancelled while the thread waits for the write lock that another connection holds, so the
   * Cancel surely comes before the writes (test_cancel cancels in the middle of them). */
  write_dossier (f, file);
  g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  icw_dossier_import_async (f->empty, file, cancellable, on_progress, &state, on_done, &state);
  g_usleep (100 * 1000);
  g_cancellable_cancel (cancellable);
  g_assert_cmpint (sqlite3_exec (lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (icw_dossier_import_finish (f->empty, state.result, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&state.result);
  after = digest (f->empty_path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/dossier/round-trip", test_round_trip);
  ADD ("/dossier/whole-database", test_whole_database);
  ADD ("/dossier/corrupted", test_corrupted);
  ADD ("/dossier/cancel", test_cancel);
  ADD ("/dossier/async", test_async);
  ADD ("/dossier/async-cancel", test_async_cancel);
#undef ADD

  return g_test_run ();
}
