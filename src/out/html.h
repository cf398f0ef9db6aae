/*
 * html.h - the document tree as one self-contained HTML page.
 *
 * The page has no external resources: the style sheet is inline (screen
 * and print, A4 with 25 mm / 20 mm margins, rows that do not split,
 * headings kept with what follows, table heads repeated on each page),
 * and charts are inline SVG from cj_svg_chart().  Typography follows
 * Chinese official documents: 仿宋 for body text, 黑体 for headings, the
 * title centred.
 *
 * Structure:
 *   - the document title as <h1 class="doc-title">;
 *   - a table of contents (<nav class="toc">) of the level-1 and level-2
 *     headings, when there are any;
 *   - headings as <h1>..<h4> with ids "sec-1", "sec-2", ... in document
 *     order (levels outside 1..4 are clamped);
 *   - paragraphs as <p>, notes as <p class="note">;
 *   - tables as <div class="tbl" id="{table id}"> holding the number,
 *     title and unit lines, then <table> with <colgroup> from the column
 *     widths, <thead> for the header rows (<th>), <tbody> for the rest;
 *     a spanned cell carries colspan/rowspan and covered cells are not
 *     written; amounts (and right-aligned cells) have class "num"; then
 *     the note;
 *   - charts as <figure class="chart" id="{chart id}"> with the inline
 *     <svg> and <figcaption>;
 *   - page breaks as <div class="pagebreak"></div>.
 *
 * All text goes through the XML writer's escaper.  Output is
 * deterministic: the same tree gives the same bytes.
 */
#ifndef CJ_HTML_H
#define CJ_HTML_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

/*
 * Append the page for `doc` to `out`.  Returns CJ_OK; CJ_ERR_NOMEM;
 * CJ_ERR_TOO_LARGE past out's cap; CJ_ERR_USAGE for a NULL argument or a
 * malformed node (e.g. a table without cells); or the doc's own sticky
 * error (doc->err), in which case nothing is written.  On error `out` may
 * hold a partial page.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_html_render(doc, &b) == CJ_OK)
 *         write_file("report.html", b.ptr, b.len);
 *     cj_buf_release(&b);
 */
enum cj_err cj_html_render(const struct cj_doc *doc, struct cj_buf *out);

#endif
