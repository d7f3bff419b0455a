/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay-sync-roundtrip.c: the round trip of sync-roundtrip.c without libFuzzer, for the test
 * suite (any compiler): every file of the corpus directories is run once, then random mutations
 * of them (a fixed seed, so a failure reproduces) until the time is up. The mutations aim at what
 * a hostile client sends: raw bytes, numbers JSON allows and records forbid (1e400), lone
 * surrogates, invalid UTF-8, wrong types, extra members, deep nesting, other lines' IDs.
 *
 *   replay-sync-roundtrip [--seconds N] [--seed S] [--save FILE] DIR...
 *
 * --save writes each input to FILE before it runs, so the last one is there after a crash. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sync-roundtrip.h"

static const char *const dictionary[] = {
  "1e400", "-1e400", "1.5", "-0", "0.0", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
  "\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud800\\udc00\"", "\"\xff\xfe\"", "\"\xc0\x80\"", "\"\xed\xa0\x80\"",
  "\"\\u0000\"", "\"\\\\ud800\"", "null", "true", "false", "\"yes\"", "\"\"", "\"   \"", "[]", "{}",
  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
  "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}", ",\"extra\":1", ",\"center_id\":\"$C\"", ",\"id\":\"$1\"",
  "\"$1\"", "\"$2\"", "\"$C\"", "\"$ID\"", "\"draft\"", "\"ready\"", "\"submitted\"", "\"accepted\"",
  "\"returned\"", "\"中心\"", "\"\\u4e2d\"", "\"\\\"\"", "\n", " ", ",", ":", "}", "{", "\"",
  "organization", "center", "shareholder", "alliance-member", "platform", "application", "attachment",
  "ip-agreement", "agreement-party", "funding-request", "budget-line",
};

static void
insert (GByteArray *input,
        guint       at,
        const char *text,
        gsize       length)
{
  /* A GByteArray is a GArray of bytes; GLib 2.74 has no insertion for it. */
  g_array_insert_vals ((GArray *) input, MIN (at, input->len), text, length);
}

/* Replaces the value after a random ':' (up to the next ',' or '}') with a dictionary entry. */
static void
replace_value (GByteArray *input,
               GRand      *rand,
               const char *value)
{
  guint start = g_rand_int_range (rand, 0, input->len);
  guint end;

  /* Not a record's "id": another ID than its change's makes the whole batch a 400. */
  while (start < input->len &&
         (input->data[start] != ':' || (start >= 4 && memcmp (input->data + start - 4, "\"id\"", 4) == 0)))
    start++;
  if (start >= input->len)
    return;
  start++;
  for (end = start; end < input->len && input->data[end] != ',' && input->data[end] != '}' && input->data[end] != '\n'; end++)
    ;
  g_byte_array_remove_range (input, start, end - start);
  insert (input, start, value, strlen (value));
}

/* A random line of another input, added at the end. */
static void
append_line (GByteArray *input,
             GRand      *rand,
             GBytes     *other)
{
  gsize length;
  const char *data = g_bytes_get_data (other, &length);
  const char *start = length > 0 ? data + g_rand_int_range (rand, 0, length) : data;
  const char *end;

  while (start > data && start[-1] != '\n')
    start--;
  end = memchr (start, '\n', length - (start - data));
  g_byte_array_append (input, (const guint8 *) "\n", 1);
  g_byte_array_append (input, (const guint8 *) start, end != NULL ? (gsize) (end - start) : length - (start - data));
}

static void
mutate_once (GByteArray *input,
             GRand      *rand,
             GPtrArray  *corpus)
{
  const char *word = dictionary[g_rand_int_range (rand, 0, G_N_ELEMENTS (dictionary))];
  guint at = input->len > 0 ? g_rand_int_range (rand, 0, input->len + 1) : 0;

  /* Mostly values replaced, which keeps the batch JSON and reaches the server's checks of each
   * change; the byte-level mutations mostly make the whole batch a 400. */
  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
    case 1:
    case 2:
    case 3:
      replace_value (input, rand, word);
      break;
    case 4:
      insert (input, at, word, strlen (word));
      break;
    case 5:
      if (at < input->len)
        input->data[at] ^= 1 << g_rand_int_range (rand, 0, 7);   /* raw invalid UTF-8 is a 400 anyway */
      break;
    case 6:
      if (at < input->len)
        {
          guint length = g_rand_int_range (rand, 1, 8);
          g_byte_array_remove_range (input, at, MIN (input->len - at, length));
        }
      break;
    case 7:
      append_line (input, rand, corpus->pdata[g_rand_int_range (rand, 0, corpus->len)]);
      break;
    default:
      {
        char byte = g_rand_int_range (rand, 0, 128);
        insert (input, at, &byte, 1);
      }
      break;
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
load_corpus (char **dirs)
{
  GPtrArray *corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("replay: %s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      /* Sorted, so that a seed means the same run on every file system. */
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *path = g_build_filename (dirs[i], names->pdata[j], NULL);
          char *contents;
          gsize length;

          if (!g_file_get_contents (path, &contents, &length, &error))
            g_error ("replay: %s", error->message);
          g_ptr_array_add (corpus, g_bytes_new_take (contents, length));
        }
    }
  if (corpus->len == 0)
    g_error ("replay: the corpus is empty");
  return corpus;
}

static void
run (IcwRoundtrip *roundtrip,
     const char   *save,
     const guint8 *data,
     gsize         size)
{
  if (save != NULL)
    g_file_set_contents (save, (const char *) data, size, NULL);
  icw_roundtrip_run (roundtrip, data, size);
}

int
main (int   argc,
      char *argv[])
{
  int seconds = 20;
  gint64 seed = 1;
  g_autofree char *save = NULL;
  g_auto(GStrv) dirs = NULL;
  GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "Mutate for this long after the corpus", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "The random seed", "S" },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save, "Write each input here before running it", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &dirs, NULL, "DIR…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR… — replay and mutate a round-trip corpus");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_autoptr(GRand) rand = NULL;
  IcwRoundtrip *roundtrip;
  const IcwRoundtripStats *stats;
  gint64 deadline;
  guint64 mutated = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || dirs == NULL)
    g_error ("replay: %s", error != NULL ? error->message : "no corpus directory");
  corpus = load_corpus (dirs);
  rand = g_rand_new_with_seed ((guint32) seed);
  roundtrip = icw_roundtrip_new ();

  for (guint i = 0; i < corpus->len; i++)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (corpus->pdata[i], &length);
      run (roundtrip, save, data, length);
    }
  deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (corpus->pdata[g_rand_int_range (rand, 0, corpus->len)], &length);
      g_autoptr(GByteArray) input = g_byte_array_sized_new (length + 64);
      guint n = g_rand_int_range (rand, 1, 5);

      g_byte_array_append (input, data, length);
      for (guint i = 0; i < n; i++)
        mutate_once (input, rand, corpus);
      run (roundtrip, save, input->data, input->len);
      mutated++;
    }

  stats = icw_roundtrip_stats (roundtrip);
  g_print ("replay-sync-roundtrip: seed %" G_GINT64_FORMAT ", %u corpus inputs, %" G_GUINT64_FORMAT " mutated; "
           "%" G_GUINT64_FORMAT " batches refused whole, %" G_GUINT64_FORMAT " changes applied, %" G_GUINT64_FORMAT
           " rejected, %" G_GUINT64_FORMAT " conflicts; every applied change came back\n",
           seed, corpus->len, mutated, stats->pushes_refused, stats->applied, stats->rejected, stats->conflicts);
  icw_roundtrip_free (roundtrip);
  return EXIT_SUCCESS;
}
