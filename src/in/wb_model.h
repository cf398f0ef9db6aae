/*
 * wb_model.h - the input workbook's layout, derived from the schema.
 *
 * One model serves the three programs that touch the workbook: the
 * template writer (an empty workbook), the filled-workbook writer (used by
 * `caijue convert`) and the readers (XLSX, XLS).  It is built from the
 * schema table (model/schema.h) alone, so a field added to the schema
 * appears in the workbook without touching this code.
 *
 * Layout (docs/workbook.md says the same for finance staff):
 *  - sheet 说明 first: instructions and the root scalars (caijue, year,
 *    amount_unit, codes_file); then one sheet per top-level group of the
 *    schema (单位概况, 收入, ...), named by the table `sheet_names` in
 *    wb_model.c (the YAML key for a group not named there); then the
 *    hidden sheet 编码表, the source of the code drop-down lists;
 *  - columns: A the Chinese label, B the key (the YAML path relative to
 *    the sheet's group; the column is hidden), C the value, D 说明;
 *  - a scalar field (also one inside nested groups: `this_year.total`) is
 *    one row: key in B, value in C;
 *  - a list (CJ_F_LIST, CJ_F_TEXTS, CJ_F_REASONS) is a table: a label row,
 *    then the key row (B = the list's path, C... = the element's field
 *    keys, nested groups flattened as `report.basics`), then one row per
 *    element with B empty.  A texts list has the one column `text`, a
 *    reasons list the columns `text` and `amount`;
 *  - a list nested in a list element (reasons of a 项 row, indicators of
 *    a project) is a child table after its parent's: the parent table
 *    gets a first column `_no` (序号), the child table a first column
 *    `_parent_no` (所属序号) that names the parent row by its 序号;
 *  - a row whose B cell starts with '#' is a comment (titles, labels of
 *    tables) and is skipped everywhere.
 *
 * Locations: a sheet name has at most four Chinese characters (12 bytes),
 * so "Sheet!XFD1048576" always fits struct cj_loc.cell (24 bytes).
 */
#ifndef CJ_WB_MODEL_H
#define CJ_WB_MODEL_H

#include <stddef.h>

#include "../base/err.h"
#include "../model/schema.h"

#define CJ_WB_KEY_MAX 80       /* bytes of a key or a table path, with the NUL */
#define CJ_WB_SHEET_INFO "说明"  /* the first sheet: instructions and root scalars */
#define CJ_WB_SHEET_CODES "编码表" /* the hidden source of the code lists */
#define CJ_WB_KEY_NO "_no"            /* 序号 column of a parent table */
#define CJ_WB_KEY_PARENT "_parent_no" /* 所属序号 column of a child table */

/* Columns of every sheet (0-based). */
enum { CJ_WB_COL_LABEL = 0, CJ_WB_COL_KEY = 1, CJ_WB_COL_VALUE = 2, CJ_WB_COL_NOTE = 3 };

/* Which drop-down list a code column gets (and how many digits it takes). */
enum cj_wb_codes {
	CJ_WB_CODES_FUNC_ITEM, /* 功能分类 项 (7 digits): items of the fund tables */
	CJ_WB_CODES_ECON,      /* 经济分类 款 (5 digits): basic_spending.items */
	CJ_WB_CODES_FUNC_SUM,  /* 功能分类 类/款 (3 or 5 digits): stated rows */
	CJ_WB_CODES_FUNC_ANY   /* 功能分类, any level (3, 5 or 7 digits) */
};

enum cj_wb_col_kind {
	CJ_WBC_FIELD,  /* a scalar field of the element */
	CJ_WBC_NO,     /* _no: the row's 序号 (parent tables) */
	CJ_WBC_PARENT  /* _parent_no: the parent row's 序号 (child tables) */
};

/* One column of a table, or one key/value row of a sheet. */
struct cj_wb_field {
	enum cj_wb_col_kind kind;
	const struct cj_field *f;   /* FIELD: a scalar field (MONEY .. CODE) */
	enum cj_wb_codes codes;     /* CODE: which list, which digit rule */
	size_t off;                 /* FIELD: offset of the value from the element
				     * (table) or group (scalar row) base */
	char key[CJ_WB_KEY_MAX];    /* "this_year.total", "report.basics", "_no" */
	char *label;                /* owned Chinese label: "本年数：本年收入合计…" */
};

struct cj_wb_table {
	char path[CJ_WB_KEY_MAX];   /* the key row's B cell: "items", "items.reasons" */
	char *label;                /* owned Chinese name of the list */
	const struct cj_field *f;   /* the LIST, TEXTS or REASONS field */
	const struct cj_field *elem;/* the element's field table (pseudo tables for
				     * TEXTS and REASONS) */
	size_t elem_size;
	size_t off;                 /* of the collection { v, n } from the group base
				     * (top table) or the parent element (child) */
	int parent;                 /* index of the parent table, -1 for a top table */
	int has_children;           /* has a _no column */
	int has_loc;                /* elements have a struct cj_loc at loc_off */
	size_t loc_off;
	struct cj_wb_field *cols;   /* in order; _parent_no or _no first */
	size_t ncols;
};

struct cj_wb_sheet {
	char name[32];              /* sheet name */
	const char *title;          /* Chinese title (the group's description) */
	const struct cj_field *f;   /* the root field (MAP or list); NULL for 说明 */
	const struct cj_field *tab; /* the table its scalars come from (root or f->sub) */
	size_t base;                /* offset of the group in struct cj_accounts */
	struct cj_wb_field *scalars;
	size_t nscalars;
	struct cj_wb_table *tables; /* a parent is always before its children */
	size_t ntables;
};

struct cj_wb_model {
	struct cj_wb_sheet *sheets; /* 说明 first, then the groups in schema order */
	size_t n;
};

/*
 * Build the model from the schema.  Caller owns *out; free with
 * cj_wb_model_free().  Errors: CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE (a key path
 * longer than CJ_WB_KEY_MAX; the schema would have to change).
 */
enum cj_err cj_wb_model_new(struct cj_wb_model **out, struct cj_diag *d);
void cj_wb_model_free(struct cj_wb_model *m);

/* The sheet called `name` (len bytes); NULL when none. */
const struct cj_wb_sheet *cj_wb_model_sheet(const struct cj_wb_model *m, const char *name,
					    size_t len);

/* Whether a field of type scalar (MONEY .. CODE) holds a value. */
int cj_wb_scalar_set(const struct cj_field *f, const char *p);

/* Whether a map holds anything (any scalar set, any list non-empty), recursively. */
int cj_wb_map_present(const struct cj_field *tab, const char *base);

/* Spreadsheet column name: 0 -> "A", 27 -> "AB".  buf has room for 4 bytes. */
void cj_wb_col_name(unsigned col, char *buf);

/* "Sheet!C7" (row, col 0-based) into buf (cap bytes), cut on a character. */
void cj_wb_cell_name(const char *sheet, unsigned row, unsigned col, char *buf, size_t cap);

#endif
