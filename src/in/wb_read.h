/*
 * wb_read.h - a workbook as a grid of cells, and the grid read into
 * struct cj_accounts by the layout of wb_model.h.
 *
 * The XLSX and XLS readers only turn their file into a grid (sheet names,
 * and the non-empty cells of each sheet with their text); everything that
 * knows the layout and the schema is here, so both formats read the same
 * way and fail with the same messages.
 *
 * A cell keeps its value as text, as the file holds it:
 *  - CJ_WB_STR: a string (shared, inline, or a formula's string result);
 *  - CJ_WB_NUM: a number as decimal text ("1104.25", "2.9199999999999999",
 *    "1E-3"); never converted to a double: wb_read rounds the text to 15
 *    significant digits (what Excel shows) and parses it to fen exactly;
 *  - CJ_WB_BOOL: "TRUE" or "FALSE";
 *  - CJ_WB_ERR: an error value ("#DIV/0!").
 * `pct` marks a number shown in a percentage format (0.9661 shown as
 * 96.61%): a rate read from it is 96.61.
 *
 * Strings live in two pools (the sheet text, and the shared strings), so a
 * shared string used by a million cells is stored once.
 */
#ifndef CJ_WB_READ_H
#define CJ_WB_READ_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/err.h"
#include "../model/accounts.h"

#define CJ_WB_MAX_SHEETS 200
#define CJ_WB_MAX_CELLS 1000000u
#define CJ_WB_MAX_ROWS 1048576u
#define CJ_WB_MAX_COLS 16384u /* A .. XFD */
#define CJ_WB_POOL_MAX ((size_t)64 << 20)

enum cj_wb_kind { CJ_WB_STR, CJ_WB_NUM, CJ_WB_BOOL, CJ_WB_ERR };

struct cj_wb_cell {
	uint32_t row, col;    /* 0-based */
	uint32_t off, len;    /* text in a pool */
	unsigned char kind;   /* enum cj_wb_kind */
	unsigned char pool;   /* 0: the grid's text pool, 1: the shared strings */
	unsigned char pct;    /* shown as a percentage */
};

struct cj_wb_gsheet {
	char *name;                /* owned, UTF-8 */
	struct cj_wb_cell *v;      /* sorted by (row, col) by cj_wb_grid_finish */
	size_t n, cap;
	int done;                  /* sorted by cj_wb_grid_finish */
};

struct cj_wb_grid {
	struct cj_wb_gsheet *sheets;
	size_t n, cap;
	size_t ncells;             /* all sheets */
	struct cj_buf text;        /* pool 0 */
	struct cj_buf sst;         /* pool 1 */
};

void cj_wb_grid_init(struct cj_wb_grid *g);
void cj_wb_grid_release(struct cj_wb_grid *g);

/*
 * Add a sheet (it becomes the current one).  CJ_ERR_TOO_LARGE past
 * CJ_WB_MAX_SHEETS, CJ_ERR_NOMEM.  Messages are recorded in d.
 */
enum cj_err cj_wb_grid_sheet(struct cj_wb_grid *g, const char *name, size_t len,
			     struct cj_diag *d);

/*
 * Add a cell to the current sheet, its text copied into pool 0.  Checks
 * the row and column limits and the cell count (CJ_ERR_TOO_LARGE, the
 * message naming the cell).  An empty string is not stored.
 */
enum cj_err cj_wb_grid_cell(struct cj_wb_grid *g, uint32_t row, uint32_t col,
			    enum cj_wb_kind kind, int pct, const char *s, size_t len,
			    struct cj_diag *d);

/* Add a cell whose text is at (off, len) of the shared-string pool. */
enum cj_err cj_wb_grid_cell_ref(struct cj_wb_grid *g, uint32_t row, uint32_t col,
				uint32_t off, uint32_t len, struct cj_diag *d);

/*
 * Sort each sheet's cells by position; of two cells at one position the
 * later wins.  Call after a sheet's last cell (sheets already done are
 * skipped) and once at the end.
 */
enum cj_err cj_wb_grid_finish(struct cj_wb_grid *g, struct cj_diag *d);

/* The text of a cell (not NUL-terminated; len in c->len). */
const char *cj_wb_cell_text(const struct cj_wb_grid *g, const struct cj_wb_cell *c);

/*
 * Read the grid into a new accounts record, by the layout of wb_model.h.
 * `file` is used in messages and kept in a->source.  On success the caller
 * owns *out (cj_accounts_free).  On failure *out is untouched and d holds a
 * Chinese message with d->file = file, d->line = 0 and d->cell = "Sheet!C7".
 * Errors: CJ_ERR_SCHEMA (unknown sheet or key, missing required field,
 * wrong kind of value), CJ_ERR_PARSE (a value that is not a number),
 * CJ_ERR_RANGE (negative amount, third decimal), CJ_ERR_NOMEM.
 */
enum cj_err cj_wb_read_grid(const struct cj_wb_grid *g, const char *file,
			    struct cj_accounts **out, struct cj_diag *d);

/*
 * A number as the file writes it ("-1.25E+3", "2.9199999999999999"),
 * shifted by 10^shift, rounded to 15 significant digits (half away from
 * zero) and written plainly ("-1250", "2.92") into out (cap >= 64).
 * Returns 0 when s is not a number or the result needs more than 40
 * characters.  No floating point.
 */
int cj_wb_num_plain(const char *s, size_t len, int shift, char *out, size_t cap);

/* Record an error located at a cell ("Sheet!C7"): the first error wins. */
enum cj_err cj_wb_fail(struct cj_diag *d, enum cj_err code, const char *file,
		       const char *cell, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
