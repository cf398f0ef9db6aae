/*
 * docx.h - the document tree as a Word document (.docx, Office Open XML
 * WordprocessingML), for Word, WPS and LibreOffice users who edit the
 * report before it is signed.
 *
 * What the file holds:
 *   - the document title as a Title paragraph; headings 1..4 as
 *     Heading1..Heading4 (with outline levels, so a table of contents
 *     can be inserted); paragraphs as Normal; notes as Note;
 *   - tables as real tables (see docx_table.c): number, title and unit
 *     line as paragraphs above, header rows repeated on each page,
 *     amounts right-aligned, spans as gridSpan/vMerge, the note below;
 *   - charts as PNG pictures (cj_chart_png, 1280 px wide) shown 15 cm
 *     wide, inline in a centred paragraph, each followed by its caption
 *     in the Caption style; the chart title is the picture's alt text.
 *     Under the caption, as in report.md, the chart's data as a small
 *     table (the unit line, then 项目, the series or 金额/占比, a row per
 *     category), so every figure of a chart is also text that users can
 *     read, search and edit;
 *   - page breaks as a paragraph holding w:br w:type="page" (a break
 *     with nothing after it is dropped);
 *   - A4 portrait, margins of GB/T 9704 (top 37, bottom 35, left 28,
 *     right 26 mm), the page number centred in the footer ("— 1 —",
 *     a PAGE field);
 *   - typography after GB/T 9704 with Noto CJK fallbacks (docx_styles.c);
 *   - docProps/core.xml: title, creator (the unit), language, and the
 *     created/modified dates from SOURCE_DATE_EPOCH when it is set (else
 *     the current time); docProps/app.xml names caijue and the unit.
 *
 * The renderer words nothing and computes no figure: every text comes
 * from the tree, except md.h's fixed words of a chart's data table (项目,
 * 金额, 占比, "单位：") and the footer's dashes (decoration).  Column
 * widths and picture sizes are layout arithmetic.  The package is
 * deterministic: with SOURCE_DATE_EPOCH set, the same tree gives the
 * same bytes (fixed part order, fixed zip timestamps, see zipw.h), given
 * the same fonts for the chart images.
 *
 * Parts, in zip order: [Content_Types].xml, _rels/.rels,
 * docProps/core.xml, docProps/app.xml, word/document.xml,
 * word/styles.xml, word/settings.xml, word/fontTable.xml,
 * word/footer1.xml, word/_rels/document.xml.rels, word/media/chartN.png.
 */
#ifndef CJ_DOCX_H
#define CJ_DOCX_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

#define CJ_DOCX_CHART_PX 1280 /* width of the chart images */

/*
 * Append the .docx bytes for `doc` to `out`.  Returns CJ_OK,
 * CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE past out's cap, CJ_ERR_USAGE for a NULL
 * argument or a malformed node, the doc's own sticky error (nothing
 * written), a chart's error from cj_chart_png(), or CJ_ERR_IO when the
 * zip cannot be written.  On error `out` may hold partial output.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_docx_render(doc, &b) == CJ_OK)
 *         cj_file_write_atomic("report.docx", b.ptr, b.len, &diag);
 *     cj_buf_release(&b);
 */
enum cj_err cj_docx_render(const struct cj_doc *doc, struct cj_buf *out);

#endif
