/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-docx-xml.c: escaping, runs, paragraphs and fields of WordprocessingML (icw-docx-xml.h). */
#include "config.h"

#include "icw-docx-xml.h"

void
icw_docx_append_escaped (GString    *xml,
                         const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (xml, "&amp;"); break;
        case '<': g_string_append (xml, "&lt;"); break;
        case '>': g_string_append (xml, "&gt;"); break;
        case '"': g_string_append (xml, "&quot;"); break;
        case '\'': g_string_append (xml, "&apos;"); break;
        default:
          /* C0 controls are not XML 1.0 characters; tab and line ends are. */
          if ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
            g_string_append_c (xml, *p);
          break;
        }
    }
}

static void
open_run (GString    *xml,
          const char *run_properties)
{
  g_string_append (xml, "<w:r>");
  if (run_properties != NULL && *run_properties != '\0')
    g_string_append_printf (xml, "<w:rPr>%s</w:rPr>", run_properties);
}

void
icw_docx_append_runs (GString    *xml,
                      const char *text,
                      const char *run_properties)
{
  const char *start = text != NULL ? text : "";

  open_run (xml, run_properties);
  for (const char *p = start;; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\0')
        {
          if (p > start)
            {
              g_autofree char *piece = g_strndup (start, (gsize) (p - start));

              g_string_append (xml, "<w:t xml:space=\"preserve\">");
              icw_docx_append_escaped (xml, piece);
              g_string_append (xml, "</w:t>");
            }
          if (*p == '\0')
            break;
          g_string_append (xml, *p == '\t' ? "<w:tab/>" : "<w:br/>");
          start = p + 1;
        }
    }
  g_string_append (xml, "</w:r>");
}

void
icw_docx_append_paragraph (GString    *xml,
                           const char *style,
                           const char *paragraph_properties,
                           const char *text)
{
  g_string_append (xml, "<w:p><w:pPr>");
  if (style != NULL)
    g_string_append_printf (xml, "<w:pStyle w:val=\"%s\"/>", style);
  if (paragraph_properties != NULL)
    g_string_append (xml, paragraph_properties);
  g_string_append (xml, "</w:pPr>");
  if (text != NULL && *text != '\0')
    icw_docx_append_runs (xml, text, NULL);
  g_string_append (xml, "</w:p>");
}

void
icw_docx_append_field (GString    *xml,
                       const char *instruction,
                       const char *cached,
                       const char *run_properties)
{
  open_run (xml, run_properties);
  g_string_append (xml, "<w:fldChar w:fldCharType=\"begin\"/></w:r>");
  open_run (xml, run_properties);
  g_string_append (xml, "<w:instrText xml:space=\"preserve\"> ");
  icw_docx_append_escaped (xml, instruction);
  g_string_append (xml, " </w:instrText></w:r>");
  open_run (xml, run_properties);
  g_string_append (xml, "<w:fldChar w:fldCharType=\"separate\"/></w:r>");
  icw_docx_append_runs (xml, cached, run_properties);
  open_run (xml, run_properties);
  g_string_append (xml, "<w:fldChar w:fldCharType=\"end\"/></w:r>");
}

void
icw_docx_begin_field (GString    *xml,
                      const char *instruction)
{
  g_string_append (xml, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                        "<w:r><w:instrText xml:space=\"preserve\"> ");
  icw_docx_append_escaped (xml, instruction);
  g_string_append (xml, " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
}

void
icw_docx_end_field (GString *xml)
{
  g_string_append (xml, "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}
