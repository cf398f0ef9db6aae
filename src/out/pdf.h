/*
 * pdf.h - the document tree as a PDF, drawn with cairo and pango: no
 * browser, no office suite.
 *
 * Page and type in the manner of GB/T 9704-2012 (党政机关公文格式):
 *   - A4 portrait, 595.28 x 841.89 pt; margins top 37 mm, bottom 35 mm,
 *     left 28 mm, right 26 mm (a 156 x 225 mm text block).  A table too
 *     wide for it (or whose rows would mostly wrap) gets landscape pages
 *     (margins 25/25/28/26 mm) and, if it still does not fit, a smaller
 *     type down to 7 pt;
 *   - the title in 方正小标宋简体 at 二号 (22 pt), centred;
 *   - body text in 仿宋_GB2312 at 14 pt (四号), not 三号: 三号 (16 pt)
 *     makes the example's report about a third longer, and 14 pt with a
 *     25 pt line pitch still reads like an official document.  Each
 *     paragraph's first line is indented by two characters; lines are
 *     justified by spacing out the gaps next to Chinese characters, at
 *     most 0.08 em each so that text extraction never splits a figure or
 *     a word;
 *   - headings: level 1 (第一部分) 黑体 三号 centred, level 2 (一、)
 *     黑体, level 3 (（一）) 楷体_GB2312, level 4 (1.) bold 仿宋, each at
 *     14 pt with the two-character indent, kept with what follows;
 *   - notes in small print (五号, 10.5 pt); chart captions at 小四 (12 pt)
 *     centred under the chart;
 *   - tables in 宋体 五号: the number (公开01表) right-aligned, the title
 *     centred, the unit line, then the grid: borders, cells wrapped,
 *     spans honoured, alignment and bold as the cells say (amounts
 *     right-aligned), header rows repeated on every page the table
 *     spans; a page breaks only between rows that no rowspan joins,
 *     unless one such group is taller than a page;
 *   - charts drawn as vectors (chart_cairo.h) at the width of the text
 *     block, then the caption;
 *   - page numbers "— 1 —" in 宋体 四号 7 mm under the text block, right
 *     (one character in) on odd pages and left on even pages;
 *   - a PDF outline (bookmarks) of headings of levels 1 to 3.
 * Every face is a list that ends in Noto CJK (Noto Serif CJK SC for Song,
 * FangSong and Kai; Noto Sans CJK SC for Hei) so that a machine without
 * the official fonts still shows Chinese; when none of a face's official
 * fonts is installed, titles and headings take the bold weight of the
 * fallback so they keep their emphasis.  cairo embeds the subsets of the
 * fonts used.  Line breaking is pango's with the language zh-cn (no line
 * starts with a closing mark such as ，。）、).
 *
 * Metadata: title = doc->title, author = doc->author, creator "caijue
 * VERSION"; creation and modification dates from SOURCE_DATE_EPOCH when
 * it is set (then the same document gives a byte-identical PDF: cairo
 * 1.16 writes no other timestamp and no random id), else cairo's clock.
 * (cairo 1.16 writes a date given this way without the "D:" prefix,
 * "(20200913122640Z)"; poppler and common readers accept it, and later
 * cairo versions add the prefix.)
 *
 * A renderer computes no figure and words no sentence: every label and
 * number is the tree's text.  The only words of its own are the page
 * numbers' dashes.  Page breaks (CJ_N_PAGEBREAK) are honoured.
 */
#ifndef CJ_PDF_H
#define CJ_PDF_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

/*
 * Append the PDF of `doc` to `out`.  Returns CJ_OK, CJ_ERR_USAGE (NULL
 * argument, a malformed node or table, an unfilled chart), CJ_ERR_PARSE
 * (SOURCE_DATE_EPOCH set but not a decimal count of seconds up to year
 * 9999), CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE (past out's cap), CJ_ERR_IO (any
 * other cairo failure), or the doc's own sticky error (nothing written).
 * On error `out` may hold a partial PDF.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_pdf_render(doc, &b) == CJ_OK)
 *         write_file("report.pdf", b.ptr, b.len);
 *     cj_buf_release(&b);
 */
enum cj_err cj_pdf_render(const struct cj_doc *doc, struct cj_buf *out);

#endif
