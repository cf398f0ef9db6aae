/*
 * md.h - the document tree as Markdown (CommonMark with GitHub pipe
 * tables).
 *
 *   - the document title as "# title"; headings as "#".."####" (levels
 *     outside 1..4 are clamped);
 *   - paragraphs as paragraphs; notes as blockquotes ("> ...");
 *   - tables: "**number title**", the unit line, then a pipe table.  A
 *     multi-row header becomes one header row: per column, the header
 *     texts (a spanning header cell counts for every column it covers)
 *     joined with " / ", skipping empty and repeated parts.  In the body
 *     a spanning cell's text is in its first cell and covered cells are
 *     empty, so every line has exactly ncols cells.  Columns whose cells
 *     are all amounts (or right-aligned) are right-aligned.  The note
 *     follows as a blockquote;
 *   - charts: "![caption](charts/{id}.svg)", the unit line, then a pipe
 *     table of the chart's labels (category, one column per series, and
 *     the share for pies), so the numbers are in the text;
 *   - page breaks: nothing (Markdown has no pages).
 *
 * Text is escaped so it stays literal: a backslash before \ ` * _ [ ] < >
 * & | ~ # anywhere and before a list or rule marker at the start of a
 * line; control characters are dropped as in xmlw.h.  In table cells a
 * newline becomes <br>; elsewhere a hard line break.
 *
 * Fixed renderer words: the table heads 项目, 金额 (a pie series without
 * a name) and 占比, and "单位：" before a chart's unit.
 */
#ifndef CJ_MD_H
#define CJ_MD_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

/*
 * Append the Markdown for `doc` to `out`.  Returns CJ_OK, CJ_ERR_NOMEM,
 * CJ_ERR_TOO_LARGE past out's cap, CJ_ERR_USAGE for a NULL argument or a
 * malformed node, or the doc's own sticky error (nothing written).  On
 * error `out` may hold partial output.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_md_render(doc, &b) == CJ_OK)
 *         write_file("report.md", b.ptr, b.len);
 *     cj_buf_release(&b);
 */
enum cj_err cj_md_render(const struct cj_doc *doc, struct cj_buf *out);

#endif
