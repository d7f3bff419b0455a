/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c: the document renderer (icw-document*.c) on the sample center's application,
 * agreement and funding request, read back with poppler-utils (pdftotext, pdffonts, pdfinfo) as a
 * reviewer's machine would: every section title, party name and total is in the text, every font
 * is embedded, the footers number the pages 1..N, the table of contents points at the pages where
 * its headings are, a long table repeats its header on each page, cancellation leaves no file, a
 * 100-page document renders, and `icw export --format pdf` works and refuses a center. Laid out
 * in English and Chinese, no word is broken inside and no cover line leaves a character alone. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "icw-agreement-party.h"
#include "icw-agreement-text.h"
#include "icw-alliance-member.h"
#include "icw-application-sections.h"
#include "icw-application.h"
#include "icw-budget-table.h"
#include "icw-document-layout-private.h"
#include "icw-document-pdf.h"
#include "icw-error.h"
#include "icw-ip-agreement-check.h"
#include "icw-money.h"
#include "icw-organization.h"
#include "icw-sample.h"
#include "icw-test-util.h"

/* The sample center in a store of its own (icw-test-util.h). */
typedef IcwTestSample Fixture;

static gpointer
only_item (IcwStore      *store,
           IcwRecordKind  kind)
{
  g_autoptr(GListModel) list = icw_store_list (store, kind, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

/* A poppler tool's output; the test fails when it does not run or fails. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (char *) tool);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
page_text (const char *pdf,
           guint       page)   /* from 1 */
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run_tool ("pdftotext", "-f", number, "-l", number, pdf, "-", NULL);
}

/* Text with every white space removed: a heading may wrap anywhere. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *a = squeeze (text);
  g_autofree char *b = squeeze (needle);

  if (strstr (a, b) == NULL)
    g_error ("“%s” is not in the PDF's text", needle);
}

/* An amount in 万元 as the documents print it, grouped as the window's budget is ("24,000.00"). */
static char *
grouped (gint64 fen)
{
  static const IcwNumberMarks marks = { .decimal = ".", .group = "," };

  return icw_money_format_marks (fen, ICW_MONEY_UNIT_WAN, &marks, TRUE);
}

/* Fails on an amount printed without its digits grouped: four or more digits before a decimal
 * mark and two decimals ("24000.00"). Returns how many grouped amounts ("24,000.00") it saw. */
static guint
assert_amounts_grouped (const char *text)
{
  g_autoptr(GRegex) bare = g_regex_new ("(?<![0-9,.])[0-9]{4,}\\.[0-9]{2}(?![0-9])", 0, 0, NULL);
  g_autoptr(GRegex) good = g_regex_new ("(?<![0-9,.])[0-9]{1,3}(,[0-9]{3})+\\.[0-9]{2}(?![0-9])", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  if (g_regex_match (bare, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_error ("“%s” is printed without its digits grouped", found);
    }
  g_clear_pointer (&match, g_match_info_unref);
  for (g_regex_match (good, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;
  return n;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* pdffonts: a header, a rule, then one line per font whose "emb" column must say yes. */
static void
assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = run_tool ("pdffonts", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) split = NULL;
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      split = g_strsplit_set (lines[i], " ", -1);
      for (guint c = 0; split[c] != NULL; c++)
        if (*split[c] != '\0')
          g_ptr_array_add (columns, split[c]);
      /* name type [type…] encoding emb sub uni object ID: emb is 5th from the end */
      g_assert_cmpuint (columns->len, >=, 7);
      g_assert_cmpstr (columns->pdata[columns->len - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Footers: "Page X of Y" on every page but the cover, X the physical page (2..Y) and Y the file's
 * page count as pdfinfo gives it (n_pages), not one less for the cover. */
static void
assert_page_numbers (const char *pdf,
                     guint       n_pages)
{
  g_autofree char *cover = page_text (pdf, 1);

  g_assert_null (strstr (cover, "Page "));
  for (guint p = 2; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (pdf, p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, n_pages);

      assert_contains (text, footer);
    }
}

/* The contents, read from the PDF alone (pdftotext -layout keeps each entry's number at the end of
 * its line): each entry that fits a line names a page, and its heading is on that page. */
static void
assert_toc_points_right (const char        *pdf,
                         IcwDocumentLayout *layout)
{
  GPtrArray *toc = icw_document_layout_get_toc (layout);
  g_autofree char *contents = run_tool ("pdftotext", "-layout", "-f", "2", "-l", "3", pdf, "-", NULL);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  guint checked = 0;

  g_assert_cmpuint (toc->len, >, 0);
  for (guint i = 0; i < toc->len; i++)
    {
      IcwTocEntry *entry = toc->pdata[i];

      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[l]));
          const char *at = strstr (line, entry->text);
          const char *last_space = strrchr (line, ' ');
          guint number;

          if (at != line || last_space == NULL || last_space < at + strlen (entry->text))
            continue;
          number = (guint) g_ascii_strtoull (last_space + 1, NULL, 10);
          g_assert_cmpuint (number, ==, icw_document_layout_get_page_number (layout, entry->page));
          {
            g_autofree char *text = page_text (pdf, number);

            assert_contains (text, entry->text);
          }
          checked++;
          break;
        }
    }
  /* Most entries fit on one line; those that wrap are checked through the layout below. */
  g_assert_cmpuint (checked, >=, toc->len * 3 / 4);
  for (guint i = 0; i < toc->len; i++)
    {
      IcwTocEntry *entry = toc->pdata[i];
      g_autofree char *text = page_text (pdf, entry->page + 1);
      g_autofree char *footer = g_strdup_printf ("Page %u of", entry->page + 1);
      const char *at = strstr (text, entry->text);
      const char *end;
      gboolean followed = FALSE;

      assert_contains (text, entry->text);
      if (at == NULL)
        continue;   /* a heading that wraps; assert_contains found it across the line end */
      /* No heading ends its page: text (of the section, or the next heading) follows it above the footer. */
      at += strlen (entry->text);
      end = strstr (at, footer);
      for (const char *p = at; p < (end != NULL ? end : at + strlen (at)); p++)
        followed = followed || !g_ascii_isspace (*p);
      if (!followed)
        g_error ("the heading “%s” ends page %u", entry->text, entry->page + 1);
    }
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* How many times a string is in binary data (a PDF has NUL bytes in its streams). */
static guint
count_bytes (const char *data,
             gsize       length,
             const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      count++;
  return count;
}

/* The contents link to the headings: one link annotation per entry, naming a destination that
 * pdfinfo -dests places on the heading's page. */
static void
assert_toc_links (const char        *pdf,
                  IcwDocumentLayout *layout)
{
  GPtrArray *toc = icw_document_layout_get_toc (layout);
  g_autofree char *bytes = NULL;
  gsize length;
  g_autofree char *dests = run_tool ("pdfinfo", "-dests", pdf, NULL);
  guint links = 0;

  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  links = count_bytes (bytes, length, "/Subtype /Link");
  g_assert_cmpuint (links, ==, toc->len);
  for (guint i = 0; i < toc->len; i++)
    {
      IcwTocEntry *entry = toc->pdata[i];
      g_autofree char *name = g_strdup_printf ("\"h%u\"", i);
      g_autofree char *dest = g_strdup_printf ("/Dest (h%u)", i);
      g_auto(GStrv) lines = g_strsplit (dests, "\n", -1);
      gboolean found = FALSE;

      g_assert_cmpuint (count_bytes (bytes, length, dest), ==, 1);
      for (guint l = 0; lines[l] != NULL; l++)
        if (g_str_has_suffix (lines[l], name))
          {
            g_assert_cmpuint ((guint) g_ascii_strtoull (lines[l], NULL, 10), ==, entry->page + 1);
            found = TRUE;
          }
      g_assert_true (found);
    }
}

/* A tagged PDF: a Document of H (the title), H1 and H2 (the headings, each heading one element
 * with its text) and P; the header and footer outside the structure. */
static void
assert_tagged (const char        *pdf,
               IcwDocumentLayout *layout)
{
  GPtrArray *toc = icw_document_layout_get_toc (layout);
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL);
  g_autofree char *tree = run_tool ("pdfinfo", "-struct-text", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (tree, "\n", -1);
  guint headings = 0, paragraphs = 0;

  assert_contains (info, "Tagged:          yes");
  g_assert_true (g_str_has_prefix (tree, "Document\n"));
  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *line = lines[l];

      while (*line == ' ')
        line++;
      if (g_str_has_prefix (line, "H1 ") || g_str_has_prefix (line, "H2 "))
        {
          IcwTocEntry *entry;
          g_autofree char *start = NULL;

          g_assert_cmpuint (headings, <, toc->len);
          entry = toc->pdata[headings++];
          g_assert_cmpint (line[1] - '0', ==, (int) entry->level);
          /* The element's text follows; a heading that wraps may be split at its line end. */
          start = g_utf8_substring (entry->text, 0, 6);
          g_assert_nonnull (lines[l + 1]);
          g_assert_nonnull (strstr (lines[l + 1], start));
        }
      else if (g_str_has_prefix (line, "P "))
        paragraphs++;
    }
  g_assert_cmpuint (headings, ==, toc->len);
  g_assert_cmpuint (paragraphs, >, toc->len);
  g_assert_null (strstr (tree, "Page 2 of"));
}

/* Renders a document and checks what every document must have; returns its whole text. */
static char *
render_and_check (Fixture     *f,
                  IcwDocument *document,
                  const char  *name)
{
  g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocumentLayout) layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  g_autofree char *info = NULL;
  guint n;

  g_assert_no_error (error);
  g_assert_true (icw_document_layout_write_pdf (layout, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  n = pdf_pages (pdf);
  g_assert_cmpuint (n, ==, icw_document_layout_get_n_pages (layout));
  g_assert_cmpuint (n, >=, 3);
  assert_fonts_embedded (pdf);
  assert_page_numbers (pdf, n);
  assert_toc_points_right (pdf, layout);
  assert_toc_links (pdf, layout);
  assert_tagged (pdf, layout);
  info = run_tool ("pdfinfo", pdf, NULL);
  assert_contains (info, icw_document_get_title (document));
  {
    g_autofree char *cover = page_text (pdf, 1);

    assert_contains (cover, icw_document_get_title (document));
    assert_contains (cover, ICW_SAMPLE_CENTER_NAME);
    assert_contains (cover, "2 copies");
  }
  return run_tool ("pdftotext", pdf, "-", NULL);
}

static void
test_application (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IcwApplication) application = icw_test_sample_application (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = icw_document_new_for_record (f->store, ICW_RECORD (application), 2, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = render_and_check (f, document, "application.pdf");
  /* Every section but the market operation plan (Shenzhen's), which the sample leaves empty and
   * which is printed only when written. */
  for (guint s = 0; s < ICW_N_SECTIONS; s++)
    if (s != ICW_SECTION_MARKET_PLAN)
      assert_contains (text, icw_section_get_title (s));
  g_assert_null (strstr (text, icw_section_get_title (ICW_SECTION_MARKET_PLAN)));
  for (guint n = 1; n <= ICW_N_MAIN_TASKS; n++)
    assert_contains (text, icw_main_task_get_title (n));
  assert_contains (text, icw_application_get_title (application));
  /* The 基本情况表's investment and capital and the shareholders' amounts: grouped. */
  g_assert_cmpuint (assert_amounts_grouped (text), >=, 2);

  /* Written, it is printed with its heading. */
  icw_application_set_section_market_plan (application, "第三年实现技术服务收入覆盖运营成本。");
  g_clear_pointer (&document, icw_document_unref);
  g_clear_pointer (&text, g_free);
  document = icw_document_new_for_record (f->store, ICW_RECORD (application), 2, &error);
  g_assert_no_error (error);
  text = render_and_check (f, document, "application-market.pdf");
  assert_contains (text, icw_section_get_title (ICW_SECTION_MARKET_PLAN));
  assert_contains (text, "技术服务收入覆盖运营成本");
}

static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IcwIpAgreement) agreement = only_item (f->store, ICW_RECORD_KIND_IP_AGREEMENT);
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (f->store, agreement);
  g_autoptr(IcwAgreementText) clauses = icw_agreement_text_render (f->store, agreement, "en", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = icw_document_new_for_record (f->store, ICW_RECORD (agreement), 2, &error);
  g_autofree char *text = NULL;
  gint64 contributions = 0;
  g_autofree char *contribution_total = NULL;

  g_assert_no_error (error);
  text = render_and_check (f, document, "agreement.pdf");
  g_assert_cmpuint (parties->len, ==, 3);
  for (guint i = 0; i < parties->len; i++)
    {
      g_autoptr(IcwRecord) organization = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION,
                                                            icw_agreement_party_get_organization_id (parties->pdata[i]), NULL);

      assert_contains (text, icw_organization_get_name (ICW_ORGANIZATION (organization)));
      contributions += icw_agreement_party_get_contribution_fen (parties->pdata[i]);
    }
  for (guint i = 0; i < clauses->clauses->len; i++)
    assert_contains (text, ((IcwAgreementClause *) clauses->clauses->pdata[i])->heading);
  contribution_total = grouped (contributions);
  assert_contains (text, contribution_total);
  assert_amounts_grouped (text);
  assert_contains (text, "100.00%");
  /* One signature section and one shares table: the heading twice in all (the contents and the
   * body), the tables' column headers once. */
  g_assert_cmpuint (count_occurrences (text, "Signatures and seals"), ==, 2);
  g_assert_cmpuint (count_occurrences (text, "Legal representative or"), ==, 1);
  g_assert_cmpuint (count_occurrences (text, "Revenue sharing"), ==, 2);
  {
    /* Each share is listed once, in the table (the clause's own list of shares is left out). */
    g_autofree char *share = icw_basis_points_format (icw_agreement_party_get_share_bp (parties->pdata[0]));

    g_assert_cmpuint (count_occurrences (text, share), ==, 1);
  }
  /* The signature block comes last: each party's signatory and dates are after its heading. */
  {
    const char *block = strstr (text, "Signatures and seals");

    g_assert_nonnull (block);
    assert_contains (block, "Legal representative or");
    for (guint i = 0; i < parties->len; i++)
      {
        g_autofree char *dates = g_strdup_printf ("Signed: %s", icw_agreement_party_get_signed_date (parties->pdata[i]));

        assert_contains (block, icw_agreement_party_get_signatory (parties->pdata[i]));
        assert_contains (block, dates);
      }
  }
}

static void
test_funding (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(IcwFundingRequest) request = only_item (f->store, ICW_RECORD_KIND_FUNDING_REQUEST);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (f->store, request, &error);
  g_autoptr(IcwDocument) document = icw_document_new_for_record (f->store, ICW_RECORD (request), 2, &error);
  g_autofree char *text = NULL;
  const int groups[] = { ICW_BUDGET_ALL, ICW_BUDGET_GROUP_DIRECT, ICW_BUDGET_GROUP_INDIRECT };
  gint64 fen;

  g_assert_no_error (error);
  text = render_and_check (f, document, "funding.pdf");
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *total = NULL;

      g_assert_true (icw_budget_table_sum (table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, groups[g], &fen, NULL));
      total = grouped (fen);
      assert_contains (text, total);
    }
  for (guint y = 0; y < icw_budget_table_get_n_years (table); y++)
    {
      g_autofree char *total = NULL;

      g_assert_true (icw_budget_table_sum (table, ICW_BUDGET_ALL, (int) y, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &fen, NULL));
      total = grouped (fen);
      assert_contains (text, total);
    }
  for (guint fiscal = 0; fiscal < 2; fiscal++)
    {
      g_autofree char *total = NULL;

      g_assert_true (icw_budget_table_fiscal_total (table, fiscal, &fen, NULL));
      total = grouped (fen);
      assert_contains (text, total);
    }
  assert_contains (text, "Budget by year (10k yuan)");
  g_assert_cmpuint (assert_amounts_grouped (text), >, 0);
  assert_contains (text, "Disbursement milestones");
}

/* 150 rows: the table runs over several pages, each starting with the header row again. */
static void
test_long_table (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcwDocument) document = icw_document_new ("Long table");
  g_autofree char *pdf = g_build_filename (f->dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *header[] = { "HeaderNumber", "HeaderName", "HeaderAmount" };
  IcwDocBlock *block;
  guint n, pages_with_rows = 0;

  icw_document_add_heading (document, 1, "A long table");
  block = icw_document_add_table (document, 3, 1);
  icw_doc_block_add_row (block, header);
  for (guint r = 0; r < 150; r++)
    {
      g_autofree char *number = g_strdup_printf ("row%03u", r);
      g_autofree char *amount = g_strdup_printf ("%u.00", r * 7);
      const char *row[] = { number, "齐鲁智能传感器制造业创新中心", amount };

      icw_doc_block_add_row (block, row);
    }
  g_assert_true (icw_document_render_pdf (document, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  n = pdf_pages (pdf);
  g_assert_cmpuint (n, >=, 6);
  for (guint p = 3; p <= n; p++)
    {
      g_autofree char *text = page_text (pdf, p);

      if (strstr (text, "row") == NULL)
        continue;
      pages_with_rows++;
      g_assert_nonnull (strstr (text, "HeaderNumber"));
      g_assert_nonnull (strstr (text, "HeaderAmount"));
    }
  g_assert_cmpuint (pages_with_rows, >=, 3);
  /* Every row once, none lost at a page break. */
  {
    g_autofree char *text = run_tool ("pdftotext", pdf, "-", NULL);

    for (guint r = 0; r < 150; r++)
      {
        g_autofree char *number = g_strdup_printf ("row%03u", r);
        const char *at = strstr (text, number);

        g_assert_nonnull (at);
        g_assert_null (strstr (at + 1, number));
      }
  }
}

/* A document of at least 100 pages: the sample application's sections repeated. */
static IcwDocument *
hundred_pages (Fixture *f)
{
  g_autoptr(IcwApplication) application = icw_test_sample_application (f->store);
  g_autoptr(IcwDocument) sample = icw_document_new_for_record (f->store, ICW_RECORD (application), 2, NULL);
  IcwDocument *document = icw_document_new ("One hundred pages");
  GPtrArray *blocks = icw_document_get_blocks (sample);

  for (guint copy = 0; copy < 10; copy++)
    for (guint i = 0; i < blocks->len; i++)
      {
        IcwDocBlock *block = blocks->pdata[i];

        if (block->kind == ICW_BLOCK_HEADING)
          icw_document_add_heading (document, block->level, block->text);
        else if (block->kind == ICW_BLOCK_PARAGRAPH)
          icw_document_add_paragraphs (document, block->text);
        else if (block->kind == ICW_BLOCK_TABLE)
          {
            IcwDocBlock *table = icw_document_add_table (document, block->n_columns, block->n_header_rows);

            icw_doc_block_set_weights (table, block->weights);
            for (guint r = 0; r < icw_doc_block_get_n_rows (block); r++)
              icw_doc_block_add_row (table, (const char * const *) block->cells->pdata + r * block->n_columns);
          }
      }
  return document;
}

static void
test_hundred_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IcwDocument) document = hundred_pages (f);
  g_autofree char *pdf = g_build_filename (f->dir, "hundred.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n;

  g_assert_true (icw_document_render_pdf (document, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  n = pdf_pages (pdf);
  g_test_message ("%u pages in %.2f s", n, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n, >=, 100);
  assert_page_numbers (pdf, n);
}

typedef struct {
  GMainLoop    *loop;
  GCancellable *cancellable;
  GArray       *fractions;
  gboolean      cancel_at_first;
  gboolean      ok;
  GError       *error;
  GThread      *main_thread;
} Run;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Run *run = user_data;

  /* Delivered on the caller's main context, not in the worker. */
  g_assert_true (g_thread_self () == run->main_thread);
  g_array_append_val (run->fractions, fraction);
  if (run->cancel_at_first)
    g_cancellable_cancel (run->cancellable);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->ok = icw_document_render_pdf_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
render_async (IcwDocument *document,
              const char  *pdf,
              Run         *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  run->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  run->main_thread = g_thread_self ();
  icw_document_render_pdf_async (document, pdf, run->cancellable, on_progress, run, on_rendered, run);
  g_main_loop_run (run->loop);
  /* Progress calls queued before the result are all delivered by now. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
run_clear (Run *run)
{
  g_main_loop_unref (run->loop);
  g_object_unref (run->cancellable);
  g_array_unref (run->fractions);
  g_clear_error (&run->error);
}

static void
test_async_progress (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwDocument) document = hundred_pages (f);
  g_autofree char *pdf = g_build_filename (f->dir, "async.pdf", NULL);
  Run run = { 0 };

  render_async (document, pdf, &run);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.fractions->len, >=, 10);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=, g_array_index (run.fractions, double, i - 1));
  g_assert_cmpfloat_with_epsilon (g_array_index (run.fractions, double, run.fractions->len - 1), 1.0, 1e-9);
  g_assert_cmpuint (pdf_pages (pdf), >=, 100);
  run_clear (&run);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(IcwDocument) document = hundred_pages (f);
  g_autofree char *pdf = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autofree char *part = g_strconcat (pdf, ".part", NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  /* Cancelled before it starts: nothing written. */
  g_cancellable_cancel (cancelled);
  g_assert_false (icw_document_render_pdf (document, pdf, cancelled, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Cancelled at the first progress report, in the middle of the work. */
  run.cancel_at_first = TRUE;
  render_async (document, pdf, &run);
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.fractions->len, >=, 1);
  g_assert_cmpfloat (g_array_index (run.fractions, double, 0), <, 1.0);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_no_document (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = icw_document_new_for_record (f->store, ICW_RECORD (f->center), 2, &error);

  g_assert_null (document);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_test_assert_message_contains (error, "center", "the document of a center");
  g_assert_false (icw_document_kind_supported (ICW_RECORD_KIND_CENTER));
  g_assert_true (icw_document_kind_supported (ICW_RECORD_KIND_FUNDING_REQUEST));
}

/* `icw export ID --format pdf -o OUT` as users run it. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(IcwFundingRequest) request = only_item (f->store, ICW_RECORD_KIND_FUNDING_REQUEST);
  g_autofree char *icw = g_build_filename (g_getenv ("ICW_BUILD_ROOT"), "src", "cli", "icw", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *refused = g_build_filename (f->dir, "center.pdf", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *ok_argv[] = { icw, "--db", f->path, "export", icw_record_get_id (ICW_RECORD (request)),
                            "--format", "pdf", "-o", pdf, NULL };
  const char *bad_argv[] = { icw, "--db", f->path, "export", icw_record_get_id (ICW_RECORD (f->center)),
                             "--format", "pdf", "-o", refused, NULL };

  g_clear_object (&f->store);   /* the tool opens the database itself */
  g_spawn_sync (NULL, (char **) ok_argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (pdf_pages (pdf), >=, 3);
  g_spawn_sync (NULL, (char **) bad_argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "has no document"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

/* A heading followed by a signature block (rows 32 mm high) never stays alone at the foot of a
 * page: for every amount of text before it, the heading is on the page of the block's first row.
 * The heading is placed ever lower down the page by one more line of text each time. */
static void
test_keep_with_table (Fixture       *f,
                      gconstpointer  data)
{
  guint moved = 0;

  for (guint lines = 20; lines < 44; lines++)
    {
      g_autoptr(IcwDocument) document = icw_document_new ("Keep with next");
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwDocumentLayout) layout = NULL;
      g_autofree char *pdf = g_build_filename (f->dir, "keep.pdf", NULL);
      const char *header[] = { "Party (seal)", "Signatory", "Date" };
      const char *row[] = { "Firstpartyname", "Signatoryname", "Signed" };
      IcwDocBlock *block;
      IcwTocEntry *entry;
      g_autofree char *text = NULL;
      const guint weights[] = { 5, 5, 3 };

      for (guint i = 0; i < lines; i++)
        icw_document_add_paragraphs (document, "Filler line.");
      icw_document_add_heading (document, 1, "Signatureheading");
      block = icw_document_add_signatures (document);
      icw_doc_block_set_weights (block, weights);
      icw_doc_block_add_row (block, header);
      icw_doc_block_add_row (block, row);
      layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (icw_document_layout_write_pdf (layout, pdf, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      entry = g_ptr_array_index (icw_document_layout_get_toc (layout), 0);
      text = page_text (pdf, entry->page + 1);
      assert_contains (text, "Signatureheading");
      assert_contains (text, "Firstpartyname");
      if (entry->page > 2)
        moved++;
    }
  /* The loop did push the heading to a new page at least once. */
  g_assert_cmpuint (moved, >, 0);
}

#define add(path, func) g_test_add (path, Fixture, NULL, icw_test_sample_set_up, func, icw_test_sample_tear_down)

/* `icw export` of the sample application in a language (a separate process, as a user runs it,
 * with the build's catalogue); returns the PDF's path. */
static char *
export_application (Fixture    *f,
                    const char *language,
                    const char *name)
{
  g_autofree char *id = NULL;
  g_autofree char *icw = g_build_filename (g_getenv ("ICW_BUILD_ROOT"), "src", "cli", "icw", NULL);
  g_autofree char *localedir = g_build_filename (g_getenv ("ICW_BUILD_ROOT"), "po", NULL);
  char *pdf = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status;
  const char *argv[] = { icw, "--db", f->path, "export", NULL, "--format", "pdf", "-o", pdf, NULL };

  {
    g_autoptr(IcwApplication) application = icw_test_sample_application (f->store);

    id = g_strdup (icw_record_get_id (ICW_RECORD (application)));
    argv[4] = id;
  }
  g_clear_object (&f->store);   /* the tool opens the database itself */
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LC_ALL", strcmp (language, "zh_CN") == 0 ? "zh_CN.UTF-8" : "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "ICW_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  f->store = icw_test_open_store (f->path);
  return pdf;
}

/* The line of text that contains a string (pdftotext -layout keeps a table's row on one line). */
static char *
line_with (const char *text,
           const char *part)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return g_strdup (lines[i]);
  g_error ("no line contains “%s” in:\n%s", part, text);
  return NULL;
}

/* The application's cover as a province's form has it, in both languages: the host company
 * (依托公司), the applicant that seals it (申报单位（盖章）), the recommending body (推荐单位),
 * contact and telephone, the date; a blank to fill in where the application records nothing.
 * The paper copies counted in words in Chinese (一式两份, not 一式2份).
 * And in the alliance's table 用户企业 is a kind of firm (the organization's flag), its own column. */
static void
test_cover_form (Fixture       *f,
                 gconstpointer  data)
{
  const char *host = "山东齐鲁海工创新科技有限公司";
  const struct { const char *language; const char *lines[7]; const char *yes, *no, *column, *heading, *copies; } cases[] = {
    { "en", { "Host company: ", "Applicant (seal): ", "Recommended by: 山东省工业和信息化厅", "Contact: 刘晓明",
              "Telephone: 0532-86016688", "Date: ", "Innovation center: " }, "Yes", "No", "User enterprise",
      "Alliance members", "2 copies" },
    { "zh_CN", { "依托公司：", "申报单位（盖章）：", "推荐单位：山东省工业和信息化厅", "联系人：刘晓明",
                 "电话：0532-86016688", "日期：", "创新中心：" }, "是", "否", "用户企业", "联盟成员", "一式两份" },
  };
  GListModel *members = icw_store_list (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER, icw_record_get_id (ICW_RECORD (f->center)));
  g_autoptr(IcwApplication) application = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *other_name = NULL;
  g_autofree char *blank_pdf = NULL;
  g_autofree char *blank_cover = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);
      g_autoptr(IcwRecord) org = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_alliance_member_get_organization_id (member), NULL);
      const char *name = icw_organization_get_name (ICW_ORGANIZATION (org));

      if (icw_organization_get_user_enterprise (ICW_ORGANIZATION (org)) && user_name == NULL)
        user_name = g_strdup (name);
      else if (!icw_organization_get_user_enterprise (ICW_ORGANIZATION (org)) && other_name == NULL &&
               icw_alliance_member_get_agreement_signed (member))
        other_name = g_strdup (name);
    }
  g_object_unref (members);   /* it holds the store, which the exports must find closed */
  g_assert_nonnull (user_name);
  g_assert_nonnull (other_name);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *name = g_strdup_printf ("cover-%s.pdf", cases[c].language);
      g_autofree char *pdf = export_application (f, cases[c].language, name);
      g_autofree char *cover = run_tool ("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-", NULL);
      g_autofree char *text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
      g_autofree char *host_line = NULL, *seal_line = NULL, *user_line = NULL, *other_line = NULL;

      for (guint l = 0; l < G_N_ELEMENTS (cases[c].lines); l++)
        assert_contains (cover, cases[c].lines[l]);
      assert_contains (cover, cases[c].copies);
      /* A long line wraps on the cover; the comparison ignores line ends and spaces. */
      host_line = g_strconcat (cases[c].lines[0], host, NULL);
      seal_line = g_strconcat (cases[c].lines[1], host, NULL);
      assert_contains (cover, host_line);
      assert_contains (cover, seal_line);
      g_assert_null (strstr (cover, "依托单位"));
      g_assert_null (strstr (cover, "____"));
      /* 用户企业: a column of its own from the organization's flag (its heading may wrap between
       * words in the header row, above the first member); every sample member signed. */
      {
        const char *table = g_strrstr (text, cases[c].heading);
        g_autofree char *header = NULL;
        g_auto(GStrv) words = g_strsplit (cases[c].column, " ", -1);
        /* A long name wraps in its cell: its first characters are on the row's line. */
        g_autofree char *user_start = g_utf8_substring (user_name, 0, 6);
        g_autofree char *other_start = g_utf8_substring (other_name, 0, 6);

        g_assert_nonnull (table);
        header = g_strndup (table, strstr (table, "2023-") - table);
        for (guint w = 0; words[w] != NULL; w++)
          assert_contains (header, words[w]);
        user_line = line_with (table, user_start);
        other_line = line_with (table, other_start);
      }
      g_assert_cmpuint (count_occurrences (user_line, cases[c].yes), ==, 2);
      g_assert_cmpuint (count_occurrences (other_line, cases[c].no), ==, 1);
    }

  /* Nothing recorded: a blank to fill in by hand, the line still there. */
  application = icw_test_sample_application (f->store);
  g_object_set (application, "recommender", "", "contact-phone", "", NULL);
  icw_test_save (f->store, application);
  g_clear_object (&application);
  blank_pdf = export_application (f, "en", "cover-blank.pdf");
  blank_cover = run_tool ("pdftotext", "-layout", "-f", "1", "-l", "1", blank_pdf, "-", NULL);
  assert_contains (blank_cover, "Recommended by: ________________");
  assert_contains (blank_cover, "Telephone: ________________");
  assert_contains (blank_cover, "Contact: 刘晓明");
}

/* A target with decimals (52.5 %, the sample's share of R&D staff in 2027) is kept as the number
 * it is by the store (read back through a connection of its own) and printed with a dot in the
 * 绩效目标表 even where the locale's decimal separator is a comma. */
static void
test_decimal_target (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcwStore) other = icw_test_open_store (f->path);
  g_autoptr(IcwApplication) application = icw_test_sample_application (other);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = NULL;
  g_autoptr(IcwDocumentLayout) layout = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "decimal.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *row = NULL;
  JsonArray *items;
  JsonNode *target = NULL;

  g_assert_true (json_parser_load_from_data (parser, icw_application_get_indicators (application), -1, &error));
  g_assert_no_error (error);
  items = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *years = json_object_get_array_member (item, "years");

      if (g_strcmp0 (json_object_get_string_member (item, "unit"), "%") != 0)
        continue;
      for (guint y = 0; y < json_array_get_length (years); y++)
        if (json_object_get_int_member (json_array_get_object_element (years, y), "year") == 2027)
          target = json_object_get_member (json_array_get_object_element (years, y), "target");
    }
  g_assert_nonnull (target);
  g_assert_cmpint (json_node_get_value_type (target), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (target), ==, 52.5);

  g_assert_nonnull (setlocale (LC_NUMERIC, "de_DE.UTF-8"));
  document = icw_document_new_for_record (other, ICW_RECORD (application), 2, &error);
  g_assert_no_error (error);
  layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  icw_document_layout_write_pdf (layout, pdf, NULL, NULL, NULL, &error);
  setlocale (LC_NUMERIC, "C");
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
  /* The indicator wraps in its cell; its first characters are on the row's line. */
  row = line_with (text, "研发人员占职工");
  assert_contains (row, "52.5");
  g_assert_null (strstr (row, "52,5"));
}

/* Every laid-out text of @document: no Latin word is broken inside ("Constructi-on", "Basel-ine"
 * and "No-." in the indicators' narrow columns before their widths followed their longest
 * words), no short Chinese label is split ("序" / "号"), and on the cover no text that wraps leaves its last character alone on a line. */
static void
assert_words_whole (IcwDocument *document)
{
  g_autoptr(GError) error = NULL;
  IcwDocumentLayout *layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  guint n_texts = 0;

  g_assert_no_error (error);
  for (guint p = 0; p < layout->pages->len; p++)
    {
      IcwLayoutPage *page = layout->pages->pdata[p];

      for (guint i = 0; i < page->items->len; i++)
        {
          IcwLayoutItem *item = page->items->pdata[i];

          if (item->kind != ICW_ITEM_LINES || item->layout == NULL)
            continue;
          n_texts++;
          if (icw_layout_breaks_inside_word (item->layout))
            g_error ("%s, page %u: a word is broken inside in “%s”", icw_document_get_language (document), p + 1,
                     pango_layout_get_text (item->layout));
          /* A short label without spaces stays on one line: "序号", "计量单位", not "序" / "号". */
          if (pango_layout_get_line_count (item->layout) > 1 && g_utf8_strlen (pango_layout_get_text (item->layout), -1) <= 6 &&
              strpbrk (pango_layout_get_text (item->layout), " \n") == NULL)
            g_error ("%s, page %u: “%s” is split", icw_document_get_language (document), p + 1,
                     pango_layout_get_text (item->layout));
          if (p == 0 && pango_layout_get_line_count (item->layout) > 1)
            {
              PangoLayoutLine *last = pango_layout_get_line_readonly (item->layout, pango_layout_get_line_count (item->layout) - 1);
              const char *text = pango_layout_get_text (item->layout);

              if (g_utf8_strlen (text + last->start_index, last->length) < 2)
                g_error ("%s cover: “%s” leaves one character on its last line", icw_document_get_language (document), text);
            }
        }
    }
  g_assert_cmpuint (n_texts, >, 50);
  icw_document_layout_free (layout);
}

static void
words_whole (IcwDocument *document,
             const char  *language,
             gpointer     user_data)
{
  assert_words_whole (document);
}

/* The sample's documents (its two applications, the agreement, the funding request, the reports)
 * laid out in English and in Chinese, with the build's catalogue. */
static void
test_words_whole (Fixture       *f,
                  gconstpointer  data)
{
  guint n_documents = icw_test_each_document (f->store, words_whole, NULL);

  /* Two applications, an agreement, a funding request, three reports; in each language. */
  g_assert_cmpuint (n_documents, >=, 2 * 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/documents/application", test_application);
  add ("/documents/agreement", test_agreement);
  add ("/documents/funding", test_funding);
  add ("/documents/long-table", test_long_table);
  add ("/documents/hundred-pages", test_hundred_pages);
  add ("/documents/async-progress", test_async_progress);
  add ("/documents/cancel", test_cancel);
  add ("/documents/no-document", test_no_document);
  add ("/documents/cli", test_cli);
  add ("/documents/cover-form", test_cover_form);
  add ("/documents/decimal-target", test_decimal_target);
  add ("/documents/keep-with-table", test_keep_with_table);
  add ("/documents/words-whole", test_words_whole);
  return g_test_run ();
}
