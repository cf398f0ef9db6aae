/*
 * template.h - the input workbook as an .xlsx file: empty (`caijue
 * template`) or filled with a dataset (`caijue convert DATASET -o X.xlsx`).
 *
 * The layout is the model of in/wb_model.h, so whatever this writes the
 * XLSX reader reads back (docs/workbook.md describes it for finance
 * staff).  Sheet 说明 first (instructions, the root fields, the amount
 * unit, the list of sheets), one sheet per top-level group, and a hidden
 * sheet 编码表 that feeds the drop-down lists of the code columns; the
 * lists only suggest (a code not in the bundled, partial table may still
 * be typed).
 *
 * Values of a filled workbook, in the dataset's unit:
 *  - an amount is a number cell (#,##0.00), or, when it has more
 *    precision than the unit shows (12345.67 元 in a 万元 file), a text
 *    cell "12345.67元" that reads back exactly;
 *  - a count is a number; a rate is text as written ("96.60" keeps its
 *    two decimals); texts and codes are text.
 * Empty template: caijue = 1 and amount_unit = 万元 are filled in.
 *
 * Determinism: with SOURCE_DATE_EPOCH set the creation date is that time
 * (libxlsxwriter stamps zip entries with a fixed date), so two runs give
 * the same bytes.  libxlsxwriter allocates with malloc, not cj_malloc,
 * and would print to stderr on a few errors it finds itself; the inputs
 * it could complain about (string lengths, the output file) are checked
 * first.
 */
#ifndef CJ_TEMPLATE_H
#define CJ_TEMPLATE_H

#include "../base/err.h"
#include "../model/accounts.h"
#include "../model/codes.h"

/*
 * Write the workbook to `path` (created or truncated; the caller picks a
 * temporary name beside the target and renames it).  `a` NULL writes the
 * empty template.  `codes` (may be NULL: no drop-down lists) supplies the
 * lists; `year` picks the names valid in that year (0: each code's latest
 * name; a filled workbook uses a->year when year is 0).
 *
 * Errors: CJ_ERR_USAGE (no path, or `a` with an amount unit other than 元
 * or 万元), CJ_ERR_TOO_LARGE (a text over Excel's 32,767 characters; the
 * message names the cell), CJ_ERR_IO (the file cannot be written),
 * CJ_ERR_NOMEM.  On failure the file at `path` may be left half written;
 * the caller removes it.
 */
enum cj_err cj_template_write(const char *path, const struct cj_accounts *a,
			      const struct cj_codes *codes, int year, struct cj_diag *d);

#endif
