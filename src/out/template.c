/*
 * template.c - the input workbook, empty or filled, written with
 * libxlsxwriter by the layout of in/wb_model.h (see template.h).
 *
 * Each sheet: a title row and an instruction row (B = "#", skipped by the
 * reader), the key/value rows of the group's scalars (A label, B key, C
 * value, D type/required/example), then its tables: a label row (B = "#",
 * the column labels with the example), the key row (B = the table's path,
 * the field keys in grey), the element rows, and some blank rows with the
 * same formats and drop-down lists for the user to fill.
 *
 * A sticky error: the first failure is kept and later writes do nothing;
 * the workbook is closed (written) only when nothing failed, otherwise it
 * is freed.
 */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"
#include "../in/wb_model.h"
#include "../in/wb_read.h"

#define XLSX_MAX_CHARS 32767 /* Excel's limit for a cell's text */
#define SPARE_FILLED 3       /* blank rows after the data of a filled table */
#define SPARE_LIST 20        /* ... of a table in the empty template */
#define SPARE_CHILD 10
#define SPARE_TEXTS 5

struct tw {
	lxw_workbook *wb;
	struct cj_diag *d;
	enum cj_err err;                 /* sticky */
	const struct cj_accounts *a;     /* NULL: the empty template */
	int64_t unit_fen;
	const struct cj_wb_model *m;
	const char *sheet;               /* being written, for messages */
	lxw_format *title, *note, *head, *key, *label, *text, *money, *textfmt, *count, *desc;
	char list_ref[4][64];            /* validation source per enum cj_wb_codes; "" none */
	lxw_worksheet *hws;              /* row-height estimate: sheet, row, lines */
	lxw_row_t hrow;
	int hlines;
};

#define COL_WIDTH_LABEL 34
#define COL_WIDTH_VALUE 36 /* C and D */
#define COL_WIDTH_TABLE 22 /* E ... */
#define LINE_HEIGHT 15.0   /* points per line of wrapped text */

struct any_list {
	void *v;
	size_t n;
};

/* ============================================================ cells */

static void lxw_fail(struct tw *w, lxw_error le, lxw_row_t row, lxw_col_t col)
{
	char cell[64];

	if (w->err)
		return;
	cj_wb_cell_name(w->sheet ? w->sheet : "", row, col, cell, sizeof(cell));
	w->err = le == LXW_ERROR_MEMORY_MALLOC_FAILED ? CJ_ERR_NOMEM : CJ_ERR_IO;
	cj_wb_fail(w->d, w->err, NULL, cell, "写入工作簿失败：%s", lxw_strerror(le));
}

static void check(struct tw *w, lxw_error le, lxw_row_t row, lxw_col_t col)
{
	if (le != LXW_NO_ERROR)
		lxw_fail(w, le, row, col);
}

/* Set the height of the row whose lines were being counted (wrapped text). */
static void flush_height(struct tw *w)
{
	if (w->hws && w->hlines > 1 && !w->err) {
		double h = LINE_HEIGHT * w->hlines;
		check(w, worksheet_set_row(w->hws, w->hrow, h > 409 ? 409 : h, NULL), w->hrow, 0);
	}
	w->hws = NULL;
	w->hlines = 0;
}

/* Lines the text takes in column `col` when wrapped (display width; CJK counts 2). */
static int text_lines(const char *s, lxw_col_t col)
{
	size_t width = col == CJ_WB_COL_LABEL ? COL_WIDTH_LABEL
		       : col <= CJ_WB_COL_NOTE ? COL_WIDTH_VALUE : COL_WIDTH_TABLE;
	int lines = 0;

	width = width > 2 ? width - 2 : 1;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		size_t dw = cj_utf8_width(s, n);
		lines += dw ? (int)((dw + width - 1) / width) : 1;
		if (!nl || lines > 40)
			break;
		s = nl + 1;
	}
	return lines;
}

/* Count the lines of a wrapped cell towards its row's height. */
static void note_height(struct tw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
			const char *s, lxw_format *fmt)
{
	int n;

	if (fmt != w->text && fmt != w->head && fmt != w->label && fmt != w->desc)
		return;
	if (w->hws != ws || w->hrow != row) {
		flush_height(w);
		w->hws = ws;
		w->hrow = row;
	}
	n = text_lines(s, col);
	if (fmt == w->desc) /* 9 pt in place of 11 */
		n = (n * 9 + 10) / 11;
	if (n > w->hlines)
		w->hlines = n;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Whether s[i..] reads as an OOXML escape _xHHHH_. */
static int looks_escape(const char *s, size_t i)
{
	return s[i] == '_' && s[i + 1] == 'x' && is_hex(s[i + 2]) && is_hex(s[i + 3]) &&
	       is_hex(s[i + 4]) && is_hex(s[i + 5]) && s[i + 6] == '_';
}

/*
 * Text that would read back as an escape ("_x0041_" is "A" to a reader)
 * gets its underscore escaped ("_x005F_x0041_"); libxlsxwriter does not do
 * it.  Returns NULL when nothing needs escaping (or out of memory, *nomem).
 */
static char *escape_underscores(const char *s, int *nomem)
{
	size_t i, n = 0, len = strlen(s), o = 0;
	char *out;

	*nomem = 0;
	for (i = 0; i + 7 <= len; i++)
		if (looks_escape(s, i))
			n++;
	if (!n)
		return NULL;
	out = cj_malloc(len + n * 6 + 1);
	if (!out) {
		*nomem = 1;
		return NULL;
	}
	for (i = 0; i < len; i++) {
		if (i + 7 <= len && looks_escape(s, i)) {
			memcpy(out + o, "_x005F", 6);
			o += 6;
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

static void put_str(struct tw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		    const char *s, lxw_format *fmt)
{
	char cell[64], *esc;
	int nomem;

	if (w->err)
		return;
	if (s && *s && col != CJ_WB_COL_KEY)
		note_height(w, ws, row, col, s, fmt);
	if (!s || !*s) {
		check(w, worksheet_write_blank(ws, row, col, fmt), row, col);
		return;
	}
	esc = escape_underscores(s, &nomem);
	if (nomem) {
		w->err = cj_fail(w->d, CJ_ERR_NOMEM, "内存不足");
		return;
	}
	if (esc)
		s = esc;
	if (cj_utf8_nchars(s, strlen(s)) > XLSX_MAX_CHARS) {
		cj_wb_cell_name(w->sheet, row, col, cell, sizeof(cell));
		w->err = cj_wb_fail(w->d, CJ_ERR_TOO_LARGE, NULL, cell,
				    "文字超过 Excel 单元格的上限（%d 个字符），无法写入工作簿",
				    XLSX_MAX_CHARS);
	} else {
		check(w, worksheet_write_string(ws, row, col, s, fmt), row, col);
	}
	cj_free(esc);
}

static void put_num(struct tw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
		    lxw_format *fmt)
{
	if (!w->err)
		check(w, worksheet_write_number(ws, row, col, v, fmt), row, col);
}

/* The cell format of a field's value. */
static lxw_format *value_format(const struct tw *w, const struct cj_field *f)
{
	switch (f->type) {
	case CJ_F_MONEY: return w->money;
	case CJ_F_COUNT: return w->count;
	case CJ_F_RATE:
	case CJ_F_CODE: return w->textfmt;
	default: break;
	}
	return w->text;
}

/* A field's value (p points at it), or a formatted blank when it is absent. */
static void put_value(struct tw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		      const struct cj_field *f, const char *p)
{
	static const int64_t div[] = {100, 10, 1};
	lxw_format *fmt = value_format(w, f);
	char buf[64];

	if (!p || !cj_wb_scalar_set(f, p)) {
		put_str(w, ws, row, col, NULL, fmt);
		return;
	}
	switch (f->type) {
	case CJ_F_MONEY: {
		const struct cj_fig *fig = (const struct cj_fig *)(const void *)p;
		if (fig->fen % (w->unit_fen / 100) == 0) {
			/* exact in the unit: a number; the division is correctly rounded */
			put_num(w, ws, row, col, (double)fig->fen / (double)w->unit_fen, fmt);
		} else {
			size_t n = cj_money_format(fig->fen, CJ_FEN_PER_YUAN, 2, 0, buf, sizeof(buf) - 4);
			memcpy(buf + n, "元", sizeof("元"));
			put_str(w, ws, row, col, buf, w->textfmt);
		}
		break;
	}
	case CJ_F_COUNT: {
		const struct cj_count *c = (const struct cj_count *)(const void *)p;
		if (c->n < ((int64_t)1 << 53)) {
			put_num(w, ws, row, col, (double)c->n, fmt);
		} else {
			snprintf(buf, sizeof(buf), "%lld", (long long)c->n);
			put_str(w, ws, row, col, buf, w->textfmt);
		}
		break;
	}
	case CJ_F_RATE: {
		const struct cj_rate *rt = (const struct cj_rate *)(const void *)p;
		struct cj_dec x;
		int sc = rt->scale >= 0 && rt->scale <= 2 ? rt->scale : 2;
		x.v = rt->bp / div[sc];
		x.scale = sc;
		if (x.v * div[sc] != rt->bp) {
			x.v = rt->bp;
			x.scale = 2;
		}
		cj_dec_format(x, buf, sizeof(buf));
		put_str(w, ws, row, col, buf, fmt);
		break;
	}
	case CJ_F_TEXT:
	case CJ_F_CODE:
		put_str(w, ws, row, col, ((const struct cj_text *)(const void *)p)->s, fmt);
		break;
	default:
		break;
	}
}

/* ========================================================= validation */

static void list_validation(struct tw *w, lxw_worksheet *ws, lxw_row_t r1, lxw_row_t r2,
			    lxw_col_t col, const char *formula, char **list)
{
	lxw_data_validation dv;

	if (w->err || r2 < r1)
		return;
	memset(&dv, 0, sizeof(dv));
	dv.validate = formula ? LXW_VALIDATION_TYPE_LIST_FORMULA : LXW_VALIDATION_TYPE_LIST;
	dv.value_formula = (char *)formula;
	dv.value_list = list;
	/* the bundled table is partial: a code not in the list is allowed */
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
	dv.error_title = "不在列表中";
	dv.error_message = "该值不在下拉列表中。若确认无误（如编码表未收录的科目），请点“确定”保留。";
	check(w, worksheet_data_validation_range(ws, r1, col, r2, col, &dv), r1, col);
}

static void count_validation(struct tw *w, lxw_worksheet *ws, lxw_row_t r1, lxw_row_t r2,
			     lxw_col_t col)
{
	lxw_data_validation dv;

	if (w->err || r2 < r1)
		return;
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_INTEGER;
	dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
	dv.value_number = 0;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
	dv.error_title = "应为整数";
	dv.error_message = "这里应填写不小于0的整数。";
	check(w, worksheet_data_validation_range(ws, r1, col, r2, col, &dv), r1, col);
}

/* Drop-down list or integer check for rows r1..r2 of a value column. */
static void validate_col(struct tw *w, lxw_worksheet *ws, lxw_row_t r1, lxw_row_t r2,
			 lxw_col_t col, const struct cj_wb_field *c)
{
	if (c->kind != CJ_WBC_FIELD)
		return;
	if (c->f->type == CJ_F_CODE && w->list_ref[c->codes][0])
		list_validation(w, ws, r1, r2, col, w->list_ref[c->codes], NULL);
	else if (c->f->type == CJ_F_COUNT)
		count_validation(w, ws, r1, r2, col);
}

/* ============================================================ sheets */

/* "金额，单位见「说明」表；必填；例：1104.25" */
static void describe(const struct cj_field *f, char *buf, size_t cap)
{
	const char *extra = "";

	switch (f->type) {
	case CJ_F_MONEY:
		extra = f->flags & CJ_FF_SIGNED ? "（单位见「说明」表，可为负数）" : "（单位见「说明」表）";
		break;
	case CJ_F_RATE: extra = "（如 96.61，不带 % 亦可）"; break;
	case CJ_F_CODE: extra = "（可从下拉列表选择）"; break;
	case CJ_F_TEXT: extra = "（可换行：Alt+Enter）"; break;
	default: break;
	}
	snprintf(buf, cap, "%s%s%s%s%s", cj_schema_type_zh(f->type), extra,
		 f->flags & CJ_FF_REQUIRED ? "；必填" : "", f->example ? "；例：" : "",
		 f->example ? f->example : "");
	buf[cj_utf8_clip(buf, strlen(buf))] = '\0';
}

/* A column label of a table: the label, required mark and example. */
static char *column_label(const struct cj_wb_field *c)
{
	struct cj_buf b;

	cj_buf_init(&b, 0);
	cj_buf_puts(&b, c->label);
	if (c->kind == CJ_WBC_FIELD) {
		if (c->f->flags & CJ_FF_REQUIRED)
			cj_buf_puts(&b, "（必填）");
		if (c->f->example)
			cj_buf_printf(&b, "\n例：%s", c->f->example);
	}
	if (cj_buf_err(&b)) {
		cj_buf_release(&b);
		return NULL;
	}
	return cj_buf_detach(&b, NULL);
}

/* Elements of table t across all its containers, with each one's parent 序号. */
struct elems {
	char **v;
	size_t *parent_no;
	size_t n, cap;
};

static int elems_add(struct elems *e, char *p, size_t parent_no)
{
	if (e->n == e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 16;
		char **nv = cj_realloc(e->v, ncap * sizeof(*nv));
		size_t *np;
		if (!nv)
			return 0;
		e->v = nv;
		np = cj_realloc(e->parent_no, ncap * sizeof(*np));
		if (!np)
			return 0;
		e->parent_no = np;
		e->cap = ncap;
	}
	e->v[e->n] = p;
	e->parent_no[e->n] = parent_no;
	e->n++;
	return 1;
}

static void elems_collect(const struct cj_wb_table *t, char *base, const struct elems *parent,
			  struct elems *out, int *ok)
{
	size_t i, k;

	if (!parent) {
		const struct any_list *l = (const struct any_list *)(const void *)(base + t->off);
		for (k = 0; k < l->n && *ok; k++)
			*ok = elems_add(out, (char *)l->v + k * t->elem_size, 0);
		return;
	}
	for (i = 0; i < parent->n && *ok; i++) {
		const struct any_list *l =
			(const struct any_list *)(const void *)(parent->v[i] + t->off);
		for (k = 0; k < l->n && *ok; k++)
			*ok = elems_add(out, (char *)l->v + k * t->elem_size, i + 1);
	}
}

static lxw_row_t write_table(struct tw *w, lxw_worksheet *ws, lxw_row_t row,
			     const struct cj_wb_table *t, const struct elems *el)
{
	lxw_row_t first, last;
	size_t k, i, spare;
	char *lab;

	/* label row */
	lab = cj_malloc(strlen(t->label) + 64);
	if (!lab) {
		w->err = cj_fail(w->d, CJ_ERR_NOMEM, "内存不足");
		return row;
	}
	snprintf(lab, strlen(t->label) + 64, "【表格】%s%s", t->label,
		 t->parent >= 0 ? "（按上表序号填写所属序号）" : "（每行一条）");
	put_str(w, ws, row, CJ_WB_COL_LABEL, lab, w->head);
	cj_free(lab);
	put_str(w, ws, row, CJ_WB_COL_KEY, "#", w->key);
	for (k = 0; k < t->ncols && !w->err; k++) {
		char *cl = column_label(&t->cols[k]);
		if (!cl) {
			w->err = cj_fail(w->d, CJ_ERR_NOMEM, "内存不足");
			break;
		}
		put_str(w, ws, row, (lxw_col_t)(CJ_WB_COL_VALUE + k), cl, w->head);
		cj_free(cl);
	}
	row++;
	/* key row */
	put_str(w, ws, row, CJ_WB_COL_LABEL, "字段名（灰色，请勿修改）", w->key);
	put_str(w, ws, row, CJ_WB_COL_KEY, t->path, w->key);
	for (k = 0; k < t->ncols; k++)
		put_str(w, ws, row, (lxw_col_t)(CJ_WB_COL_VALUE + k), t->cols[k].key, w->key);
	row++;
	/* element rows */
	first = row;
	for (i = 0; el && i < el->n && !w->err; i++, row++) {
		for (k = 0; k < t->ncols; k++) {
			const struct cj_wb_field *c = &t->cols[k];
			lxw_col_t col = (lxw_col_t)(CJ_WB_COL_VALUE + k);
			if (c->kind == CJ_WBC_NO)
				put_num(w, ws, row, col, (double)(i + 1), w->count);
			else if (c->kind == CJ_WBC_PARENT)
				put_num(w, ws, row, col, (double)el->parent_no[i], w->count);
			else
				put_value(w, ws, row, col, c->f, el->v[i] + c->off);
		}
	}
	spare = w->a ? SPARE_FILLED
		     : t->parent >= 0 ? SPARE_CHILD
		     : t->f->type == CJ_F_LIST ? SPARE_LIST : SPARE_TEXTS;
	for (i = 0; i < spare && !w->err; i++, row++) {
		for (k = 0; k < t->ncols; k++) {
			const struct cj_wb_field *c = &t->cols[k];
			lxw_col_t col = (lxw_col_t)(CJ_WB_COL_VALUE + k);
			if (c->kind == CJ_WBC_NO)
				put_num(w, ws, row, col, (double)((el ? el->n : 0) + i + 1), w->count);
			else if (c->kind == CJ_WBC_PARENT)
				put_str(w, ws, row, col, NULL, w->count);
			else
				put_value(w, ws, row, col, c->f, NULL);
		}
	}
	last = row - 1;
	for (k = 0; k < t->ncols; k++)
		validate_col(w, ws, first, last, (lxw_col_t)(CJ_WB_COL_VALUE + k), &t->cols[k]);
	return row + 1; /* one blank row between tables */
}

static const char *sheet_note(const struct cj_wb_sheet *s)
{
	if (!s->f)
		return "填写说明：每个工作表的C列（或表格各列）填写数据；A列是项目名称，D列是填写提示。"
		       "隐藏的B列和灰色的“字段名”行是程序读取用的，请勿修改或删除。"
		       "金额一律以本表中“金额单位”所填的单位填写，最多两位小数。"
		       "表格可以在中间插入行，空行会被忽略；不要增加、删除工作表或改工作表名称。"
		       "详见 docs/workbook.md。";
	return "在C列填写数值，表格中每行一条；A列是项目名称，D列是填写提示。"
	       "隐藏的B列和灰色的“字段名”行请勿修改。金额单位见「说明」工作表。";
}

static void write_sheet(struct tw *w, const struct cj_wb_sheet *s)
{
	lxw_worksheet *ws;
	lxw_row_t row = 0;
	size_t k, maxcols = 2;
	char desc[512];
	struct elems *els = NULL;
	char *base = w->a ? (char *)w->a + s->base : NULL;
	int ok = 1;

	if (w->err)
		return;
	w->sheet = s->name;
	ws = workbook_add_worksheet(w->wb, s->name);
	if (!ws) {
		w->err = cj_fail(w->d, CJ_ERR_NOMEM, "无法创建工作表「%s」", s->name);
		return;
	}
	for (k = 0; k < s->ntables; k++)
		if (s->tables[k].ncols > maxcols)
			maxcols = s->tables[k].ncols;
	check(w, worksheet_set_column(ws, CJ_WB_COL_LABEL, CJ_WB_COL_LABEL, COL_WIDTH_LABEL, NULL), 0,
	      0);
	{
		lxw_row_col_options hide = {1, 0, 0};
		check(w, worksheet_set_column_opt(ws, CJ_WB_COL_KEY, CJ_WB_COL_KEY, 24, NULL, &hide), 0, 1);
	}
	check(w, worksheet_set_column(ws, CJ_WB_COL_VALUE, CJ_WB_COL_NOTE, COL_WIDTH_VALUE, NULL), 0,
	      2);
	if (maxcols > 2)
		check(w, worksheet_set_column(ws, CJ_WB_COL_NOTE + 1,
					      (lxw_col_t)(CJ_WB_COL_VALUE + maxcols - 1), COL_WIDTH_TABLE,
					      NULL),
		      0, 4);

	/* print: A4 landscape, one page wide */
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);

	put_str(w, ws, row, CJ_WB_COL_LABEL, s->title, w->title);
	put_str(w, ws, row, CJ_WB_COL_KEY, "#", w->key);
	row++;
	/* merged over A:D; the value belongs to A, the reader sees no data */
	if (!w->err)
		check(w, worksheet_merge_range(ws, row, CJ_WB_COL_LABEL, row, CJ_WB_COL_NOTE,
					       sheet_note(s), w->note),
		      row, 0);
	check(w, worksheet_set_row(ws, row, 60, NULL), row, 0);
	row += 2;

	if (s->nscalars) {
		put_str(w, ws, row, CJ_WB_COL_LABEL, "项目", w->head);
		put_str(w, ws, row, CJ_WB_COL_KEY, "#", w->key);
		put_str(w, ws, row, CJ_WB_COL_VALUE, "填写内容", w->head);
		put_str(w, ws, row, CJ_WB_COL_NOTE, "填写提示", w->head);
		row++;
	}
	for (k = 0; k < s->nscalars && !w->err; k++, row++) {
		const struct cj_wb_field *c = &s->scalars[k];
		const char *p = base ? base + c->off : NULL;
		put_str(w, ws, row, CJ_WB_COL_LABEL, c->label, w->label);
		put_str(w, ws, row, CJ_WB_COL_KEY, c->key, w->key);
		if (!w->a && !s->f && strcmp(c->key, "caijue") == 0) {
			put_num(w, ws, row, CJ_WB_COL_VALUE, 1, w->count);
		} else if (!w->a && !s->f && strcmp(c->key, "amount_unit") == 0) {
			put_str(w, ws, row, CJ_WB_COL_VALUE, "万元", w->text);
		} else {
			put_value(w, ws, row, CJ_WB_COL_VALUE, c->f, p);
		}
		describe(c->f, desc, sizeof(desc));
		put_str(w, ws, row, CJ_WB_COL_NOTE, desc, w->desc);
		if (!s->f && strcmp(c->key, "amount_unit") == 0) {
			static char *units[] = {"万元", "元", NULL};
			lxw_data_validation dv;
			memset(&dv, 0, sizeof(dv));
			dv.validate = LXW_VALIDATION_TYPE_LIST;
			dv.value_list = units;
			dv.error_title = "金额单位";
			dv.error_message = "金额单位只能是“元”或“万元”。";
			check(w, worksheet_data_validation_cell(ws, row, CJ_WB_COL_VALUE, &dv), row, 2);
		} else {
			validate_col(w, ws, row, row, CJ_WB_COL_VALUE, c);
		}
	}
	if (s->nscalars)
		row++;

	if (s->ntables) {
		els = cj_calloc(s->ntables, sizeof(*els));
		if (!els) {
			w->err = cj_fail(w->d, CJ_ERR_NOMEM, "内存不足");
			return;
		}
	}
	for (k = 0; k < s->ntables && !w->err; k++) {
		const struct cj_wb_table *t = &s->tables[k];
		if (base)
			elems_collect(t, base, t->parent >= 0 ? &els[t->parent] : NULL, &els[k], &ok);
		if (!ok) {
			w->err = cj_fail(w->d, CJ_ERR_NOMEM, "内存不足");
			break;
		}
		row = write_table(w, ws, row, t, base ? &els[k] : NULL);
	}

	/* the 说明 sheet lists the sheets */
	if (!s->f && !w->err) {
		put_str(w, ws, row, CJ_WB_COL_LABEL, "工作表", w->head);
		put_str(w, ws, row, CJ_WB_COL_KEY, "#", w->key);
		put_str(w, ws, row, CJ_WB_COL_VALUE, "内容", w->head);
		row++;
		for (k = 1; k < w->m->n; k++, row++) {
			put_str(w, ws, row, CJ_WB_COL_LABEL, w->m->sheets[k].name, w->label);
			put_str(w, ws, row, CJ_WB_COL_KEY, "#", w->key);
			put_str(w, ws, row, CJ_WB_COL_VALUE, w->m->sheets[k].title, w->label);
		}
		put_str(w, ws, row, CJ_WB_COL_LABEL, CJ_WB_SHEET_CODES, w->label);
		put_str(w, ws, row, CJ_WB_COL_KEY, "#", w->key);
		put_str(w, ws, row, CJ_WB_COL_VALUE, "（隐藏）科目编码表，供下拉列表使用；不读取", w->label);
		worksheet_activate(ws);
	}
	flush_height(w);
	for (k = 0; els && k < s->ntables; k++) {
		cj_free(els[k].v);
		cj_free(els[k].parent_no);
	}
	cj_free(els);
}

/* ============================================================ 编码表 */

static int code_len_ok(enum cj_wb_codes which, enum cj_code_kind kind, size_t len)
{
	switch (which) {
	case CJ_WB_CODES_FUNC_ITEM: return kind == CJ_CODE_FUNC && len == 7;
	case CJ_WB_CODES_ECON: return kind == CJ_CODE_ECON && len == 5;
	case CJ_WB_CODES_FUNC_SUM: return kind == CJ_CODE_FUNC && (len == 3 || len == 5);
	case CJ_WB_CODES_FUNC_ANY: return kind == CJ_CODE_FUNC;
	}
	return 0;
}

/*
 * The codes of list `which` valid in `year` (0: any), each with its name
 * for that year (the latest when year is 0): written at rows 1.. of
 * columns col, col+1 when ws is not NULL.  Returns the number of codes.
 */
static size_t code_list(struct tw *w, lxw_worksheet *ws, const struct cj_codes *codes, int year,
			enum cj_wb_codes which, lxw_col_t col)
{
	size_t n = cj_codes_count(codes), i, j, count = 0;

	for (i = 0; i < n && !w->err; i = j) {
		enum cj_code_kind kind, k2;
		const char *code, *name, *c2, *n2, *pick = NULL;
		int from, to;
		cj_codes_row(codes, i, &kind, &code, &name, &from, &to);
		/* the rows of one code are adjacent, in year order */
		for (j = i; j < n; j++) {
			cj_codes_row(codes, j, &k2, &c2, &n2, &from, &to);
			if (k2 != kind || strcmp(c2, code) != 0)
				break;
			if (year == 0 || ((from == 0 || from <= year) && (to == 0 || year <= to)))
				pick = n2; /* the last valid one: the latest name */
		}
		if (!pick || !code_len_ok(which, kind, strlen(code)))
			continue;
		count++;
		if (ws) {
			put_str(w, ws, (lxw_row_t)count, col, code, w->textfmt);
			put_str(w, ws, (lxw_row_t)count, col + 1, pick, NULL);
		}
	}
	return count;
}

/* The validation sources, known before any sheet refers to them. */
static void code_refs(struct tw *w, const struct cj_codes *codes, int year)
{
	int which;
	char cn[4];
	size_t n;

	for (which = 0; which < 4 && codes; which++) {
		n = code_list(w, NULL, codes, year, (enum cj_wb_codes)which, 0);
		if (!n)
			continue;
		cj_wb_col_name((unsigned)(which * 2), cn);
		snprintf(w->list_ref[which], sizeof(w->list_ref[which]), "='%s'!$%s$2:$%s$%zu",
			 CJ_WB_SHEET_CODES, cn, cn, n + 1);
	}
}

static void write_codes(struct tw *w, const struct cj_codes *codes, int year)
{
	static const char *heads[] = {"功能分类科目（项）", "经济分类科目（款）",
				      "功能分类科目（类、款）", "功能分类科目（全部）"};
	lxw_worksheet *ws;
	int which;

	if (w->err || !codes)
		return;
	w->sheet = CJ_WB_SHEET_CODES;
	ws = workbook_add_worksheet(w->wb, CJ_WB_SHEET_CODES);
	if (!ws) {
		w->err = cj_fail(w->d, CJ_ERR_NOMEM, "无法创建工作表「%s」", CJ_WB_SHEET_CODES);
		return;
	}
	worksheet_hide(ws);
	check(w, worksheet_set_column(ws, 0, 7, 14, NULL), 0, 0);
	for (which = 0; which < 4 && !w->err; which++) {
		lxw_col_t col = (lxw_col_t)(which * 2);
		put_str(w, ws, 0, col, heads[which], w->head);
		put_str(w, ws, 0, col + 1, "名称", w->head);
		code_list(w, ws, codes, year, (enum cj_wb_codes)which, col);
	}
	flush_height(w);
}

/* ============================================================== whole */

static lxw_format *fmt_new(struct tw *w)
{
	lxw_format *f = workbook_add_format(w->wb);

	if (!f && !w->err)
		w->err = cj_fail(w->d, CJ_ERR_NOMEM, "内存不足");
	return f;
}

static void make_formats(struct tw *w)
{
	w->title = fmt_new(w);
	w->note = fmt_new(w);
	w->head = fmt_new(w);
	w->key = fmt_new(w);
	w->label = fmt_new(w);
	w->text = fmt_new(w);
	w->money = fmt_new(w);
	w->textfmt = fmt_new(w);
	w->count = fmt_new(w);
	w->desc = fmt_new(w);
	if (w->err)
		return;
	format_set_bold(w->title);
	format_set_font_size(w->title, 14);
	format_set_text_wrap(w->note);
	format_set_align(w->note, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(w->note, 0x595959);
	format_set_bold(w->head);
	format_set_text_wrap(w->head);
	format_set_bg_color(w->head, 0xDDEBF7);
	format_set_border(w->head, LXW_BORDER_THIN);
	format_set_align(w->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_font_color(w->key, 0x808080);
	format_set_font_size(w->key, 9);
	format_set_text_wrap(w->label);
	format_set_align(w->label, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(w->text);
	format_set_align(w->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->text, LXW_BORDER_HAIR);
	format_set_num_format(w->money, "#,##0.00");
	format_set_align(w->money, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->money, LXW_BORDER_HAIR);
	format_set_num_format(w->textfmt, "@");
	format_set_align(w->textfmt, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->textfmt, LXW_BORDER_HAIR);
	format_set_num_format(w->count, "0");
	format_set_align(w->count, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->count, LXW_BORDER_HAIR);
	format_set_text_wrap(w->desc);
	format_set_font_color(w->desc, 0x595959);
	format_set_font_size(w->desc, 9);
	format_set_align(w->desc, LXW_ALIGN_VERTICAL_TOP);
}

/* SOURCE_DATE_EPOCH when it is a plain decimal number of seconds; else 0. */
static time_t source_date(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;

	if (!s || !*s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000LL)
			return 0;
		v = v * 10 + (*s - '0');
	}
	return (time_t)v;
}

enum cj_err cj_template_write(const char *path, const struct cj_accounts *a,
			      const struct cj_codes *codes, int year, struct cj_diag *d)
{
	struct tw w;
	struct cj_wb_model *m = NULL;
	lxw_workbook_options opt;
	lxw_doc_properties props;
	lxw_error le;
	enum cj_err e;
	size_t i;
	FILE *fp;

	if (!path)
		return cj_fail(d, CJ_ERR_USAGE, "cj_template_write: 参数无效");
	memset(&w, 0, sizeof(w));
	w.d = d;
	w.a = a;
	if (a) {
		if (a->unit_fen != CJ_FEN_PER_YUAN && a->unit_fen != CJ_FEN_PER_WAN)
			return cj_fail(d, CJ_ERR_USAGE, "数据的金额单位无效（应为元或万元）");
		w.unit_fen = a->unit_fen;
		if (year == 0 && a->year.set && a->year.n > 0 && a->year.n < 10000)
			year = (int)a->year.n;
	}
	/* libxlsxwriter would print its own message: check the file first */
	fp = fopen(path, "wb");
	if (!fp)
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法写入文件");
	fclose(fp);

	e = cj_wb_model_new(&m, d);
	if (e)
		return e;
	w.m = m;
	memset(&opt, 0, sizeof(opt));
	w.wb = workbook_new_opt(path, &opt);
	if (!w.wb) {
		cj_wb_model_free(m);
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	}
	make_formats(&w);
	memset(&props, 0, sizeof(props));
	props.title = "部门决算数据填报工作簿";
	props.author = "caijue";
	props.comments = a ? "由 caijue convert 生成" : "由 caijue template 生成";
	props.created = source_date();
	if (!w.err)
		check(&w, workbook_set_properties(w.wb, &props), 0, 0);

	code_refs(&w, codes, year);
	for (i = 0; i < m->n && !w.err; i++)
		write_sheet(&w, &m->sheets[i]);
	write_codes(&w, codes, year);

	if (w.err) {
		lxw_workbook_free(w.wb);
		cj_wb_model_free(m);
		remove(path);
		return w.err;
	}
	le = workbook_close(w.wb);
	cj_wb_model_free(m);
	if (le != LXW_NO_ERROR)
		return cj_fail_at(d, le == LXW_ERROR_MEMORY_MALLOC_FAILED ? CJ_ERR_NOMEM : CJ_ERR_IO,
				  path, 0, "写入工作簿失败：%s", lxw_strerror(le));
	return CJ_OK;
}
