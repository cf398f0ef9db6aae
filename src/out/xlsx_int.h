/*
 * xlsx_int.h - private to xlsx.c and xlsx_chart.c: the writer context
 * (workbook, sticky error, cached formats, owned strings) and helpers.
 *
 * Every helper does nothing once x->err is set, so callers write a run of
 * cells and test the error once (STYLE.md section 3).
 */
#ifndef CJ_XLSX_INT_H
#define CJ_XLSX_INT_H

#include <stdint.h>

#include <xlsxwriter.h>

#include "../base/err.h"
#include "../report/doc.h"

/* Format keys: bits or'ed together; a key indexes the format cache. */
enum {
	CJ_XF_LEFT = 0,
	CJ_XF_CENTER = 1,
	CJ_XF_RIGHT = 2,
	CJ_XF_ALIGN = 3,     /* mask of the three above */
	CJ_XF_BOLD = 4,
	CJ_XF_AMOUNT = 8,    /* number format #,##0.00 */
	CJ_XF_TEXT = 16,     /* number format @: digits stay text when edited */
	CJ_XF_BORDER = 32,   /* thin border on every side */
	CJ_XF_WRAP = 64,
	CJ_XF_SHRINK = 128,  /* shrink to fit (the unit line) */
	CJ_XF_TITLE = 256,   /* title size */
	CJ_XF_NKEYS = 512
};

#define CJ_XLSX_FONT "宋体"
#define CJ_XLSX_FONT_SIZE 10
#define CJ_XLSX_TITLE_SIZE 16
#define CJ_XLSX_NUM_FORMAT "#,##0.00"

struct cj_xw {
	lxw_workbook *wb;
	enum cj_err err;         /* sticky: first failure */
	char msg[256];           /* its message (Chinese) */
	char cell[64];           /* "Sheet!B7" where it happened, or "" */
	lxw_format *fmt[CJ_XF_NKEYS];
	void **owned;            /* memory handed to libxlsxwriter; freed after close */
	size_t nowned, capowned;
	const char **sheets;     /* sheet names so far (owned via `owned`) */
	size_t nsheets, capsheets;
};

/* Record the first failure; later calls keep it. */
void cj_xw_fail(struct cj_xw *x, enum cj_err e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Check a libxlsxwriter result; on failure record it with the sheet and
 * cell (row/col 0-based) it concerns.  Returns 1 when e is LXW_NO_ERROR.
 */
int cj_xw_check(struct cj_xw *x, lxw_error e, const char *sheet, lxw_row_t row, lxw_col_t col);

/* The cached format of a key; NULL after a failure. */
lxw_format *cj_xw_format(struct cj_xw *x, unsigned key);

/*
 * Add a worksheet named after `base` (made valid: no []:*?/\, at most 31
 * UTF-16 units, no leading or trailing apostrophe) with `suffix` appended,
 * and with "（2）", "（3）" … when the name is taken.  *name_out (borrowed,
 * valid until the context is released) receives the final name.  NULL on
 * failure.
 */
lxw_worksheet *cj_xw_sheet(struct cj_xw *x, const char *base, const char *suffix,
			   const char **name_out);

/* Keep a copy of s[0..len) until the context is released; NULL on failure. */
char *cj_xw_keep(struct cj_xw *x, const char *s, size_t len);

/*
 * Take ownership of p (from cj_malloc/cj_calloc): freed when the context
 * is released.  On failure p is freed at once and NULL returned.
 */
void *cj_xw_own(struct cj_xw *x, void *p);

/* An amount in 万元 as the double written to a cell (the one conversion). */
double cj_xw_wan(int64_t fen);

/* Display width of a string (CJK counts 2). */
size_t cj_xw_width(const char *s);

/* The chart sheet: every chart of the document (nothing when it has none). */
void cj_xlsx_charts(struct cj_xw *x, const struct cj_doc *doc);

#endif
