/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-docx-parts.c: the fixed parts of a Word file (icw-docx-parts.h). The styles take the fonts
 * and line spacing of the PDF's styles (icw_layout_style_font): the first family of each list
 * (FangSong, SimHei, KaiTi, FZXiaoBiaoSong-B05S, SimSun) for Latin and East Asian text alike, with
 * Noto CJK named as the font table's alternative, so Word and WPS on a Chinese system use the
 * government fonts and LibreOffice elsewhere finds a CJK font. Sizes are in half-points, spacing
 * in 240ths of a line. Heading 1–3 carry outline levels 0–2, which Word's TOC field collects. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-docx-parts.h"
#include "icw-docx-picture.h"
#include "icw-docx-xml.h"
#include "icw-document-layout-private.h"

char *
icw_docx_content_types (void)
{
  return g_strdup (ICW_DOCX_XML_DECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>");
}

char *
icw_docx_package_relationships (void)
{
  return g_strdup (ICW_DOCX_XML_DECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>");
}

char *
icw_docx_document_relationships (guint n_pictures)
{
  GString *xml = g_string_new (ICW_DOCX_XML_DECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");

  /* The charts' pictures, word/media/chart1.png … (icw-docx-picture.h). */
  for (guint i = 1; i <= n_pictures; i++)
    {
      g_autofree char *id = icw_docx_picture_rel_id (i);

      g_string_append_printf (xml, "<Relationship Id=\"%s\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart%u.png\"/>",
                              id, i);
    }
  g_string_append (xml, "</Relationships>");
  return g_string_free (xml, FALSE);
}

/* The first family of a style's list, its last (the Noto fallback), its size in half-points and
 * whether it is bold. */
typedef struct {
  char    *family;
  char    *fallback;
  int      half_points;
  gboolean bold;
} StyleFont;

static void
style_font (gboolean   chinese,
            IcwStyle   style,
            StyleFont *font)
{
  PangoFontDescription *description = pango_font_description_from_string (icw_layout_style_font (chinese, style));
  g_auto(GStrv) families = g_strsplit (pango_font_description_get_family (description), ",", -1);
  guint n = g_strv_length (families);

  font->family = g_strdup (g_strstrip (families[0]));
  font->fallback = g_strdup (g_strstrip (families[n - 1]));
  font->half_points = (int) (2.0 * pango_font_description_get_size (description) / PANGO_SCALE + 0.5);
  font->bold = pango_font_description_get_weight (description) >= PANGO_WEIGHT_BOLD;
  pango_font_description_free (description);
}

static void
style_font_clear (StyleFont *font)
{
  g_free (font->family);
  g_free (font->fallback);
}

static void
append_run_properties (GString  *xml,
                       gboolean  chinese,
                       IcwStyle  style)
{
  StyleFont font;

  style_font (chinese, style, &font);
  g_string_append (xml, "<w:rPr><w:rFonts w:ascii=\"");
  icw_docx_append_escaped (xml, font.family);
  g_string_append (xml, "\" w:hAnsi=\"");
  icw_docx_append_escaped (xml, font.family);
  g_string_append (xml, "\" w:eastAsia=\"");
  icw_docx_append_escaped (xml, font.family);
  g_string_append (xml, "\" w:cs=\"");
  icw_docx_append_escaped (xml, font.family);
  g_string_append (xml, "\"/>");
  if (font.bold)
    g_string_append (xml, "<w:b/><w:bCs/>");
  g_string_append_printf (xml, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>", font.half_points, font.half_points);
  style_font_clear (&font);
}

static void
append_style (GString    *xml,
              gboolean    chinese,
              const char *id,
              const char *name,
              IcwStyle    style,
              const char *paragraph)
{
  g_string_append_printf (xml, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"%s><w:name w:val=\"%s\"/>",
                          id, g_str_equal (id, "Normal") ? " w:default=\"1\"" : "", name);
  if (!g_str_equal (id, "Normal"))
    g_string_append (xml, "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>");
  g_string_append (xml, "<w:qFormat/><w:pPr>");
  g_string_append_printf (xml, "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"%d\" w:lineRule=\"auto\"/>",
                          (int) (240 * icw_layout_style_spacing (chinese, style) + 0.5));
  g_string_append (xml, paragraph != NULL ? paragraph : "");
  g_string_append (xml, "</w:pPr>");
  append_run_properties (xml, chinese, style);
  g_string_append (xml, "</w:style>");
}

char *
icw_docx_styles (gboolean chinese)
{
  GString *xml = g_string_new (ICW_DOCX_XML_DECL);
  PangoFontDescription *body_font = pango_font_description_from_string (icw_layout_style_font (chinese, ICW_STYLE_BODY));
  double body = pango_font_description_get_size (body_font);
  int indent = ICW_DOCX_TWIPS (2 * body / PANGO_SCALE);
  g_autofree char *body_paragraph = NULL;
  g_autofree char *toc2 = NULL;
  g_autofree char *toc_tab = g_strdup_printf ("<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%d\"/></w:tabs>",
                                              ICW_DOCX_TWIPS (ICW_CONTENT_WIDTH));
  g_autofree char *toc1 = g_strdup (toc_tab);

  /* Chinese paragraphs indent their first line by two characters (首行缩进两字) and have no space
   * between them; English ones have half a line after. Both are justified, as in the PDF. */
  body_paragraph = chinese ? g_strdup_printf ("<w:ind w:firstLineChars=\"200\" w:firstLine=\"%d\"/><w:jc w:val=\"both\"/>", indent)
                           : g_strdup_printf ("<w:spacing w:after=\"%d\"/><w:jc w:val=\"both\"/>", ICW_DOCX_TWIPS (body / PANGO_SCALE * 0.5));
  pango_font_description_free (body_font);
  toc2 = g_strdup_printf ("%s<w:ind w:left=\"%d\"/>", toc_tab, indent);
  g_string_append (xml, "<w:styles xmlns:w=\"" ICW_DOCX_W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr>");
  g_string_append_printf (xml, "<w:lang w:val=\"%s\" w:eastAsia=\"zh-CN\"/>", chinese ? "zh-CN" : "en-GB");
  g_string_append (xml, "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>");
  append_style (xml, chinese, "Normal", "Normal", ICW_STYLE_BODY, NULL);
  append_style (xml, chinese, "BodyText", "Body Text", ICW_STYLE_BODY, body_paragraph);
  append_style (xml, chinese, "Heading1", "heading 1", ICW_STYLE_HEADING1,
                "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>");
  append_style (xml, chinese, "Heading2", "heading 2", ICW_STYLE_HEADING2,
                "<w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/>");
  append_style (xml, chinese, "Heading3", "heading 3", ICW_STYLE_HEADING2,
                "<w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/>");
  append_style (xml, chinese, "Title", "Title", ICW_STYLE_TITLE, "<w:jc w:val=\"center\"/>");
  append_style (xml, chinese, "Subtitle", "Subtitle", ICW_STYLE_HEADING1, "<w:jc w:val=\"center\"/>");
  append_style (xml, chinese, "CoverLine", "Cover Line", ICW_STYLE_COVER,
                "<w:ind w:left=\"1134\" w:hanging=\"640\"/>");
  append_style (xml, chinese, "CoverCopies", "Cover Copies", ICW_STYLE_COVER, "<w:jc w:val=\"center\"/>");
  append_style (xml, chinese, "TOCHeading", "TOC Heading", ICW_STYLE_HEADING1,
                "<w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/>");
  append_style (xml, chinese, "TOC1", "toc 1", ICW_STYLE_BODY, toc1);
  append_style (xml, chinese, "TOC2", "toc 2", ICW_STYLE_BODY, toc2);
  append_style (xml, chinese, "TableText", "Table Text", ICW_STYLE_TABLE, NULL);
  append_style (xml, chinese, "TableHeading", "Table Heading", ICW_STYLE_TABLE_HEADER, "<w:jc w:val=\"center\"/>");
  append_style (xml, chinese, "TableLabel", "Table Label", ICW_STYLE_TABLE_HEADER, NULL);
  append_style (xml, chinese, "Header", "header", ICW_STYLE_FURNITURE,
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:jc w:val=\"center\"/>");
  append_style (xml, chinese, "Footer", "footer", ICW_STYLE_FURNITURE, "<w:jc w:val=\"center\"/>");
  g_string_append (xml,
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr>"
    "<w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "</w:tblBorders><w:tblCellMar><w:top w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
  g_string_append (xml, "</w:styles>");
  return g_string_free (xml, FALSE);
}

char *
icw_docx_font_table (gboolean chinese)
{
  GString *xml = g_string_new (ICW_DOCX_XML_DECL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append (xml, "<w:fonts xmlns:w=\"" ICW_DOCX_W_NS "\">");
  for (guint s = 0; s < ICW_N_STYLES; s++)
    {
      StyleFont font;

      style_font (chinese, s, &font);
      if (g_hash_table_add (seen, g_strdup (font.family)))
        {
          g_string_append (xml, "<w:font w:name=\"");
          icw_docx_append_escaped (xml, font.family);
          g_string_append (xml, "\"><w:altName w:val=\"");
          icw_docx_append_escaped (xml, font.fallback);
          /* 86: the GB2312 character set; 3: a fixed pitch is not assumed. */
          g_string_append (xml, "\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>");
        }
      style_font_clear (&font);
    }
  g_string_append (xml, "</w:fonts>");
  return g_string_free (xml, FALSE);
}

char *
icw_docx_settings (gboolean chinese)
{
  /* updateFields: Word offers to update the contents' page numbers when the file is opened. */
  return g_strdup_printf (ICW_DOCX_XML_DECL
    "<w:settings xmlns:w=\"" ICW_DOCX_W_NS "\"><w:updateFields w:val=\"true\"/>"
    "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "<w:themeFontLang w:val=\"%s\" w:eastAsia=\"zh-CN\"/></w:settings>", chinese ? "zh-CN" : "en-GB");
}

char *
icw_docx_header (IcwDocument *document)
{
  GString *xml = g_string_new (ICW_DOCX_XML_DECL);

  g_string_append (xml, "<w:hdr xmlns:w=\"" ICW_DOCX_W_NS "\">");
  icw_docx_append_paragraph (xml, "Header", NULL, icw_document_get_title (document));
  g_string_append (xml, "</w:hdr>");
  return g_string_free (xml, FALSE);
}

char *
icw_docx_footer (void)
{
  GString *xml = g_string_new (ICW_DOCX_XML_DECL);
  /* The PDF's footer text, its two numbers as fields. */
  g_auto(GStrv) pieces = g_strsplit (_("Page %u of %u"), "%u", -1);

  g_string_append (xml, "<w:ftr xmlns:w=\"" ICW_DOCX_W_NS "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
  if (g_strv_length (pieces) == 3)
    {
      icw_docx_append_runs (xml, pieces[0], NULL);
      icw_docx_append_field (xml, "PAGE", "1", NULL);
      icw_docx_append_runs (xml, pieces[1], NULL);
      icw_docx_append_field (xml, "NUMPAGES", "1", NULL);
      icw_docx_append_runs (xml, pieces[2], NULL);
    }
  else
    {
      icw_docx_append_field (xml, "PAGE", "1", NULL);
      icw_docx_append_runs (xml, " / ", NULL);
      icw_docx_append_field (xml, "NUMPAGES", "1", NULL);
    }
  g_string_append (xml, "</w:p></w:ftr>");
  return g_string_free (xml, FALSE);
}

char *
icw_docx_core_properties (IcwDocument *document)
{
  GString *xml = g_string_new (ICW_DOCX_XML_DECL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_string_append (xml, "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  icw_docx_append_escaped (xml, icw_document_get_title (document));
  g_string_append (xml, "</dc:title>");
  if (icw_document_get_author (document) != NULL)
    {
      g_string_append (xml, "<dc:creator>");
      icw_docx_append_escaped (xml, icw_document_get_author (document));
      g_string_append (xml, "</dc:creator>");
    }
  g_string_append_printf (xml, "<dc:language>%s</dc:language>",
                          g_str_equal (icw_document_get_language (document), "zh_CN") ? "zh-CN" : "en");
  g_string_append_printf (xml, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created></cp:coreProperties>", date);
  return g_string_free (xml, FALSE);
}

char *
icw_docx_section_properties (void)
{
  /* The header's baseline about 8 mm above the text, the footer's 12 mm below it, as in the PDF. */
  return g_strdup_printf ("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
                          "<w:footerReference w:type=\"default\" r:id=\"rId5\"/>"
                          "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                          "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"%d\" w:footer=\"%d\" w:gutter=\"0\"/>"
                          "<w:titlePg/></w:sectPr>",
                          ICW_DOCX_TWIPS (ICW_PAGE_WIDTH_PT), ICW_DOCX_TWIPS (ICW_PAGE_HEIGHT_PT),
                          ICW_DOCX_TWIPS (ICW_MARGIN_TOP), ICW_DOCX_TWIPS (ICW_MARGIN_RIGHT),
                          ICW_DOCX_TWIPS (ICW_MARGIN_BOTTOM), ICW_DOCX_TWIPS (ICW_MARGIN_LEFT),
                          ICW_DOCX_TWIPS (ICW_MM (22.0)), ICW_DOCX_TWIPS (ICW_MM (18.0)));
}
