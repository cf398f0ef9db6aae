/*
 * xlsx_read.h - read an input workbook (.xlsx) into struct cj_accounts.
 *
 * The workbook has the layout `caijue template` writes (wb_model.h,
 * docs/workbook.md).  The file is read with libzip and expat: shared
 * strings (rich text runs joined, phonetic runs dropped, _xHHHH_ escapes
 * decoded), inline strings, numbers (as their decimal text, never as a
 * double), booleans, error values, formulas' cached values, and merged
 * cells (a value in a merged range belongs to its top-left cell; other
 * cells of the range are ignored).  A number in a percentage format is
 * read as a percentage (0.9661 shown as 96.61% is 96.61).
 *
 * Untrusted input, bounded memory (zipxml.h, wb_read.h): at most 64 MiB
 * inflated, a compression ratio of 200, 10000 zip entries, XML depth 64,
 * no DOCTYPE, 200 sheets, 1,000,000 cells, cells within A1:XFD1048576,
 * 2,000,000 shared strings and indexes within that table, 256 KiB of text
 * in one cell; each refused with a Chinese message.
 *
 * Every error names the file and, for a problem in a cell, the cell:
 * d->file = the file, d->line = 0, d->cell = "收入!C7".
 */
#ifndef CJ_XLSX_READ_H
#define CJ_XLSX_READ_H

#include <stddef.h>

#include "../base/err.h"
#include "../model/accounts.h"

/* Largest .xlsx file cj_xlsx_read_file accepts (the zip, not its content). */
#define CJ_XLSX_MAX_FILE ((size_t)64 << 20)

/*
 * Read a workbook held in memory (`buf` is borrowed).  `filename` is used
 * in messages and kept in a->source (may be NULL).
 *
 * On success *out is a new record; caller owns it, free with
 * cj_accounts_free().  On failure *out is untouched, nothing leaks, and d
 * (may be NULL) holds the message.
 *
 * Errors: CJ_ERR_PARSE (not a zip, malformed XML, a number that is not
 * one), CJ_ERR_TOO_LARGE (a limit above), CJ_ERR_SCHEMA (unknown sheet or
 * key, missing required field, shared-string index out of range, ...),
 * CJ_ERR_RANGE (third decimal, negative amount), CJ_ERR_NOMEM.
 *
 *     struct cj_accounts *a;
 *     struct cj_diag d;
 *     cj_diag_init(&d);
 *     if (cj_xlsx_read_file("模板.xlsx", &a, &d) != CJ_OK)
 *         report(d.file, d.cell, d.msg);
 *     ...
 *     cj_accounts_free(a);
 */
enum cj_err cj_xlsx_read(const void *buf, size_t len, const char *filename,
			 struct cj_accounts **out, struct cj_diag *d);

/*
 * Read the file at `path` (at most CJ_XLSX_MAX_FILE bytes, else
 * CJ_ERR_TOO_LARGE; CJ_ERR_IO when it cannot be read) with cj_xlsx_read.
 */
enum cj_err cj_xlsx_read_file(const char *path, struct cj_accounts **out, struct cj_diag *d);

#endif
