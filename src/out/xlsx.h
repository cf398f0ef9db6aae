/*
 * xlsx.h - tables.xlsx: the nine public tables, the project performance
 * tables and the seven charts of a document tree, as an Excel workbook
 * written with libxlsxwriter.
 *
 * Sheets, in this order:
 *   - one per public table (doc tables t1 … t9, by id; a missing one is
 *     skipped), named by the table number (公开01表 …);
 *   - one per performance table (doc tables whose id starts with
 *     "perf-", in document order), named by the title and the project
 *     number ("项目支出绩效目标完成情况表（1）");
 *   - 图表: the doc's charts as native Excel charts (column charts with one
 *     series per year, pie charts with "category share" labels), each
 *     beside a data area that holds its values as numbers in 万元.
 *
 * Each table sheet: the title (merged, bold, larger), the table number,
 * the unit line (编制单位 left, year centred, 单位 right), the header rows
 * merged as the cell spans say, the body with borders, amounts as numbers
 * with `#,##0.00` (fen / 1e6 at the moment the cell is written: the unit
 * of every doc amount is 万元), code-like text kept as text, and the
 * table's note on the row under it (an empty table keeps its explanation).
 * Print setup: A4, landscape when the columns are wide, header rows
 * repeated, fit to one page wide, page number in the footer.
 *
 * What it deliberately does not do: compute a figure or word a sentence
 * (every text, label and amount comes from the tree); the only choices it
 * makes are of layout: column widths from the display width of the cell
 * texts (utf8.h), row heights from an estimate of wrapped lines, and bold
 * "totals rows" (a body row whose first cell is bold and centred, as the
 * report builder makes 合计/总计 labels, gets its amounts bold too).
 *
 * Determinism: with SOURCE_DATE_EPOCH set (decimal seconds), the
 * creation date in docProps/core.xml is that time, and libxlsxwriter
 * stamps every zip entry 1980-01-01 00:00, so two runs give identical
 * bytes.  Without it, docProps/core.xml carries the current time and is
 * the only part that differs.
 *
 * libxlsxwriter allocates with malloc, not cj_malloc, and may print to
 * stderr on errors it finds itself (we check inputs first so that this
 * does not happen in practice: sheet names, string lengths, the output
 * file).
 */
#ifndef CJ_XLSX_H
#define CJ_XLSX_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

/*
 * Write the workbook to `path` (created or truncated).  The caller picks a
 * temporary name next to the target and renames it on success.  On
 * failure the file at `path` is removed and d says why (the message names
 * the sheet and cell when a cell was being written).
 *
 * Errors: CJ_ERR_USAGE (NULL doc or path), the doc's own sticky error
 * (a document that failed to build is not rendered), CJ_ERR_NOMEM,
 * CJ_ERR_TOO_LARGE (a text over Excel's 32,767 characters, a table over
 * Excel's sheet size), CJ_ERR_IO (the file cannot be written).
 *
 *     if (cj_xlsx_tables(doc, "out/.tables.xlsx.tmp", &d) == CJ_OK)
 *         rename("out/.tables.xlsx.tmp", "out/tables.xlsx");
 */
enum cj_err cj_xlsx_tables(const struct cj_doc *doc, const char *path, struct cj_diag *d);

/*
 * The same workbook, appended to `out` (for callers that render every
 * output in memory before writing any).  libxlsxwriter can only write
 * files, so this writes a temporary file in `tmpdir` (NULL: $TMPDIR, else
 * /tmp), reads it back and removes it.  On failure `out` may hold a
 * partial copy; the temporary file is removed in every case.  Errors as
 * cj_xlsx_tables(), plus CJ_ERR_TOO_LARGE past out's cap.
 */
enum cj_err cj_xlsx_tables_buf(const struct cj_doc *doc, const char *tmpdir,
			       struct cj_buf *out, struct cj_diag *d);

#endif
