/*
 * wb_read.c - a grid of cells read into struct cj_accounts by the layout
 * of wb_model.h; the grid itself.
 *
 * The reading is as strict as the YAML reader's: an unknown sheet or key
 * stops it (with the nearest key as a hint), a key or a table twice, a
 * value in a column without a key, a third decimal place, a negative
 * amount, a code with the wrong number of digits, a missing required
 * field.  Every message names the cell (d->cell = "Sheet!C7").
 *
 * Order of work:
 *  1. the 说明 sheet, amount_unit first (every amount depends on it);
 *  2. every other sheet, in workbook order: its rows are classified by
 *     column B (a key, a table's key row, '#' comment, or an element row
 *     of the current table); key/value rows are read at once; element rows
 *     are read afterwards table by table in model order, so a parent table
 *     is complete before its child tables refer to its 序号;
 *  3. required fields: of every element as it is read, of a group once
 *     its sheet is read (a group that holds nothing is absent, as an
 *     absent YAML key, and needs nothing).
 *
 * Each list is allocated once with its exact length (the rows are counted
 * first) and its count raised element by element, so the record can be
 * freed with cj_accounts_free() at any point.  Element arrays together
 * may not pass MAX_ELEM_BYTES.
 *
 * Values: see wb_read.h for the cell kinds.  Text is kept exactly as the
 * cell holds it; a cell of only blanks (ASCII, U+3000) counts as empty.
 * Codes and numbers are trimmed.
 */
#include "wb_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"
#include "../model/schema.h"
#include "wb_model.h"

#define MAX_ELEM_BYTES ((size_t)128 << 20)
#define SHOW_MAX 40

/* ================================================================ grid */

void cj_wb_grid_init(struct cj_wb_grid *g)
{
	memset(g, 0, sizeof(*g));
	cj_buf_init(&g->text, CJ_WB_POOL_MAX);
	cj_buf_init(&g->sst, CJ_WB_POOL_MAX);
}

void cj_wb_grid_release(struct cj_wb_grid *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		cj_free(g->sheets[i].name);
		cj_free(g->sheets[i].v);
	}
	cj_free(g->sheets);
	cj_buf_release(&g->text);
	cj_buf_release(&g->sst);
	memset(g, 0, sizeof(*g));
}

enum cj_err cj_wb_grid_sheet(struct cj_wb_grid *g, const char *name, size_t len,
			     struct cj_diag *d)
{
	struct cj_wb_gsheet *s;

	if (g->n >= CJ_WB_MAX_SHEETS)
		return cj_fail(d, CJ_ERR_TOO_LARGE, "工作簿中的工作表过多（超过 %d 个）",
			       CJ_WB_MAX_SHEETS);
	if (g->n == g->cap) {
		size_t ncap = g->cap ? g->cap * 2 : 16;
		struct cj_wb_gsheet *nv = cj_realloc(g->sheets, ncap * sizeof(*nv));
		if (!nv)
			return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		g->sheets = nv;
		g->cap = ncap;
	}
	s = &g->sheets[g->n];
	memset(s, 0, sizeof(*s));
	s->name = cj_strndup(name, len);
	if (!s->name)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	g->n++;
	return CJ_OK;
}

static enum cj_err push_cell(struct cj_wb_grid *g, const struct cj_wb_cell *c, struct cj_diag *d)
{
	struct cj_wb_gsheet *s;
	char name[64];

	if (!g->n)
		return cj_fail(d, CJ_ERR_USAGE, "cj_wb_grid_cell: 没有工作表");
	s = &g->sheets[g->n - 1];
	if (c->row >= CJ_WB_MAX_ROWS || c->col >= CJ_WB_MAX_COLS) {
		cj_wb_cell_name(s->name, c->row < CJ_WB_MAX_ROWS ? c->row : CJ_WB_MAX_ROWS - 1,
				c->col < CJ_WB_MAX_COLS ? c->col : CJ_WB_MAX_COLS - 1, name,
				sizeof(name));
		return cj_fail(d, CJ_ERR_TOO_LARGE,
			       "工作表「%s」的单元格超出 Excel 的范围（最多 1048576 行、XFD 列）",
			       s->name);
	}
	if (g->ncells >= CJ_WB_MAX_CELLS)
		return cj_fail(d, CJ_ERR_TOO_LARGE, "工作簿中的单元格过多（超过 %u 个）",
			       CJ_WB_MAX_CELLS);
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 256;
		struct cj_wb_cell *nv = cj_realloc(s->v, ncap * sizeof(*nv));
		if (!nv)
			return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		s->v = nv;
		s->cap = ncap;
	}
	s->v[s->n++] = *c;
	g->ncells++;
	return CJ_OK;
}

enum cj_err cj_wb_grid_cell(struct cj_wb_grid *g, uint32_t row, uint32_t col,
			    enum cj_wb_kind kind, int pct, const char *s, size_t len,
			    struct cj_diag *d)
{
	struct cj_wb_cell c;

	if (len == 0)
		return CJ_OK;
	memset(&c, 0, sizeof(c));
	c.row = row;
	c.col = col;
	c.kind = (unsigned char)kind;
	c.pct = pct ? 1 : 0;
	c.off = (uint32_t)g->text.len;
	c.len = (uint32_t)len;
	if (len > CJ_WB_POOL_MAX || cj_buf_put(&g->text, s, len) != CJ_OK)
		return cj_fail(d, cj_buf_err(&g->text) == CJ_ERR_NOMEM ? CJ_ERR_NOMEM : CJ_ERR_TOO_LARGE,
			       "工作簿中的文字过多（超过 %zu MiB）", CJ_WB_POOL_MAX >> 20);
	return push_cell(g, &c, d);
}

enum cj_err cj_wb_grid_cell_ref(struct cj_wb_grid *g, uint32_t row, uint32_t col,
				uint32_t off, uint32_t len, struct cj_diag *d)
{
	struct cj_wb_cell c;

	if (len == 0)
		return CJ_OK;
	memset(&c, 0, sizeof(c));
	c.row = row;
	c.col = col;
	c.kind = CJ_WB_STR;
	c.pool = 1;
	c.off = off;
	c.len = len;
	return push_cell(g, &c, d);
}

static int cell_before(const struct cj_wb_cell *a, const struct cj_wb_cell *b)
{
	return a->row < b->row || (a->row == b->row && a->col < b->col);
}

/* Stable merge sort by position (of two cells at one place, input order stays). */
static int sort_cells(struct cj_wb_cell *v, size_t n)
{
	struct cj_wb_cell *tmp, *src = v, *dst, *t;
	size_t width, i;

	tmp = cj_malloc(n * sizeof(*tmp));
	if (!tmp)
		return 0;
	dst = tmp;
	for (width = 1; width < n; width *= 2) {
		for (i = 0; i < n; i += 2 * width) {
			size_t lo = i, mid = i + width < n ? i + width : n;
			size_t hi = i + 2 * width < n ? i + 2 * width : n;
			size_t a = lo, b = mid, k = lo;
			while (a < mid && b < hi)
				dst[k++] = cell_before(&src[b], &src[a]) ? src[b++] : src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
	cj_free(tmp);
	return 1;
}

enum cj_err cj_wb_grid_finish(struct cj_wb_grid *g, struct cj_diag *d)
{
	size_t i, j, k;

	for (i = 0; i < g->n; i++) {
		struct cj_wb_gsheet *s = &g->sheets[i];
		int sorted = 1;
		if (s->done)
			continue;
		s->done = 1;
		for (j = 1; j < s->n && sorted; j++)
			if (!cell_before(&s->v[j - 1], &s->v[j]))
				sorted = 0;
		if (!sorted && !sort_cells(s->v, s->n))
			return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		/* of two cells at one position, the later wins */
		for (j = 0, k = 0; j < s->n; j++) {
			if (k && s->v[k - 1].row == s->v[j].row && s->v[k - 1].col == s->v[j].col)
				k--;
			s->v[k++] = s->v[j];
		}
		s->n = k;
	}
	return CJ_OK;
}

const char *cj_wb_cell_text(const struct cj_wb_grid *g, const struct cj_wb_cell *c)
{
	const struct cj_buf *b = c->pool ? &g->sst : &g->text;

	return b->ptr ? b->ptr + c->off : "";
}

/* ============================================================= numbers */

int cj_wb_num_plain(const char *s, size_t len, int shift, char *out, size_t cap)
{
	char dig[17];     /* significant digits kept: 15, plus one to round on */
	int nd = 0;       /* digits in dig */
	long e10 = 0;     /* value = dig * 10^e10 */
	int neg = 0, any = 0, point = 0;
	size_t i = 0, o = 0;
	long x = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < len; i++) {
		char c = s[i];
		if (c == '.' && !point) {
			point = 1;
			continue;
		}
		if (c < '0' || c > '9')
			break;
		any = 1;
		if (nd == 0 && c == '0') {
			if (point)
				e10--;
			continue;
		}
		if (nd < 16) {
			dig[nd++] = c;
			if (point)
				e10--;
		} else if (!point) {
			e10++;
		}
	}
	if (!any)
		return 0;
	if (i < len) {
		int eneg = 0, edig = 0;
		if (s[i] != 'e' && s[i] != 'E')
			return 0;
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			eneg = s[i++] == '-';
		for (; i < len; i++) {
			if (s[i] < '0' || s[i] > '9' || x > 100000)
				return 0;
			x = x * 10 + (s[i] - '0');
			edig = 1;
		}
		if (!edig)
			return 0;
		e10 += eneg ? -x : x;
	}
	e10 += shift;
	if (cap < 64)
		return 0;
	if (nd == 0) {
		out[0] = '0';
		out[1] = '\0';
		return 1;
	}
	if (nd > 15) {
		int carry = dig[15] >= '5';
		nd = 15;
		e10 += 1;
		for (int k = 14; k >= 0 && carry; k--) {
			if (dig[k] == '9') {
				dig[k] = '0';
			} else {
				dig[k]++;
				carry = 0;
			}
		}
		if (carry) { /* 999...9 rounded up: 1000...0 */
			memmove(dig + 1, dig, 14);
			dig[0] = '1';
			e10 += 1;
		}
	}
	while (nd > 1 && dig[nd - 1] == '0') {
		nd--;
		e10++;
	}
	if (e10 > 40 || e10 < -40)
		return 0;
	if (neg)
		out[o++] = '-';
	if (e10 >= 0) {
		if ((long)nd + e10 > 40)
			return 0;
		memcpy(out + o, dig, (size_t)nd);
		o += (size_t)nd;
		for (long k = 0; k < e10; k++)
			out[o++] = '0';
	} else {
		long p = nd + e10; /* digits before the point */
		if (p > 0) {
			memcpy(out + o, dig, (size_t)p);
			o += (size_t)p;
			out[o++] = '.';
			memcpy(out + o, dig + p, (size_t)(nd - p));
			o += (size_t)(nd - p);
		} else {
			if (nd - p > 40)
				return 0;
			out[o++] = '0';
			out[o++] = '.';
			for (long k = 0; k < -p; k++)
				out[o++] = '0';
			memcpy(out + o, dig, (size_t)nd);
			o += (size_t)nd;
		}
	}
	out[o] = '\0';
	return 1;
}

/* ============================================================= context */

struct nos {          /* the 序号 of a parent table's rows */
	int64_t no;
	char *elem;       /* the element (stable once the table is read) */
	unsigned row;
};

struct tstate {       /* one table of the sheet being read */
	int key_row;      /* -1: not in this sheet */
	int *colmap;      /* sheet column -> table column, -1 */
	size_t ncolmap;
	int *col_of;      /* table column -> sheet column, -1 */
	size_t *rows;     /* first cell of each element row */
	size_t nrows, caprows;
	struct nos *nos;
	size_t nnos;
};

struct rd {
	const struct cj_wb_grid *g;
	const struct cj_wb_model *m;
	struct cj_accounts *a;
	struct cj_diag *d;
	const char *file;
	int64_t unit_fen;
	size_t elem_bytes;                /* allocated to lists so far */
	/* the sheet being read */
	const struct cj_wb_gsheet *gs;
	const struct cj_wb_sheet *ms;
	struct tstate *ts;
	int *scalar_row;                  /* row of each scalar, -1 */
};

struct any_list {
	void *v;
	size_t n;
};

enum cj_err cj_wb_fail(struct cj_diag *d, enum cj_err code, const char *file, const char *cell,
		       const char *fmt, ...)
{
	char msg[CJ_DIAG_MSG_SIZE];
	size_t n;
	va_list ap;

	if (!d || d->code != CJ_OK)
		return code;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	msg[cj_utf8_clip(msg, strlen(msg))] = '\0';
	cj_fail_at(d, code, file, 0, "%s", msg);
	n = cell ? strlen(cell) : 0;
	if (n >= sizeof(d->cell))
		n = cj_utf8_clip(cell, sizeof(d->cell) - 1);
	if (n)
		memcpy(d->cell, cell, n);
	d->cell[n] = '\0';
	return code;
}

static enum cj_err failv(struct rd *r, enum cj_err code, unsigned row, unsigned col,
			 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* An error at (row, col) of the sheet being read. */
static enum cj_err failv(struct rd *r, enum cj_err code, unsigned row, unsigned col,
			 const char *fmt, ...)
{
	char msg[CJ_DIAG_MSG_SIZE], cell[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cj_wb_cell_name(r->gs ? r->gs->name : CJ_WB_SHEET_INFO, row, col, cell, sizeof(cell));
	return cj_wb_fail(r->d, code, r->file, cell, "%s", msg);
}

static enum cj_err nomem(struct rd *r)
{
	return cj_wb_fail(r->d, CJ_ERR_NOMEM, r->file, NULL, "内存不足");
}

static int show_len(const char *s, size_t len)
{
	return (int)cj_utf8_clip(s, len > SHOW_MAX ? SHOW_MAX : len);
}

/* ================================================================ cells */

static int is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

/* Trim blanks (ASCII and U+3000) at both ends. */
static void trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len, adv;

	while (n) {
		uint32_t cp = cj_utf8_decode(p, n, &adv);
		if (!is_blank_cp(cp))
			break;
		p += adv;
		n -= adv;
	}
	while (n) {
		size_t k = n - 1;
		while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
			k--;
		if (!is_blank_cp(cj_utf8_decode(p + k, n - k, &adv)))
			break;
		n = k;
	}
	*s = p;
	*len = n;
}

static const char *ctext(const struct rd *r, const struct cj_wb_cell *c)
{
	return cj_wb_cell_text(r->g, c);
}

/* An empty cell: a string of blanks only. */
static int cell_empty(const struct rd *r, const struct cj_wb_cell *c)
{
	const char *s;
	size_t n;

	if (!c)
		return 1;
	if (c->kind != CJ_WB_STR)
		return 0;
	s = ctext(r, c);
	n = c->len;
	trim(&s, &n);
	return n == 0;
}

/* A cell's value as text for a number-like field: trimmed, numbers made plain. */
static int cell_plain(const struct rd *r, const struct cj_wb_cell *c, int shift, char *buf,
		      size_t cap, const char **s, size_t *len)
{
	if (c->kind == CJ_WB_NUM) {
		if (!cj_wb_num_plain(ctext(r, c), c->len, shift, buf, cap))
			return 0;
		*s = buf;
		*len = strlen(buf);
		return 1;
	}
	*s = ctext(r, c);
	*len = c->len;
	trim(s, len);
	return 1;
}

/* ================================================================ values */

/* Label of a field in messages: "收入：本年数：本年收入合计（填报数，核对用）". */
static const char *label_of(const struct cj_wb_field *col)
{
	return col->label && col->label[0] ? col->label : col->key;
}

static void set_loc(const struct rd *r, struct cj_loc *loc, unsigned row, unsigned col)
{
	loc->line = 0;
	cj_wb_cell_name(r->gs->name, row, col, loc->cell, sizeof(loc->cell));
}

static enum cj_err wrong_kind(struct rd *r, const struct cj_wb_field *col,
			      const struct cj_wb_cell *c, const char *what)
{
	const char *s = ctext(r, c);

	if (c->kind == CJ_WB_ERR)
		return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
			     "单元格是错误值「%.*s」，「%s」应为%s；请检查公式", show_len(s, c->len),
			     s, label_of(col), what);
	return failv(r, CJ_ERR_SCHEMA, c->row, c->col, "「%s」应为%s，但这里是「%.*s」",
		     label_of(col), what, show_len(s, c->len), s);
}

static enum cj_err read_money(struct rd *r, const struct cj_wb_field *col,
			      const struct cj_wb_cell *c, char *base)
{
	struct cj_fig *fig = (struct cj_fig *)(void *)(base + col->off);
	struct cj_diag md;
	char buf[64];
	const char *s;
	size_t len;
	int64_t fen;
	enum cj_err e;

	if (c->kind == CJ_WB_BOOL || c->kind == CJ_WB_ERR)
		return wrong_kind(r, col, c, "金额");
	if (!cell_plain(r, c, 0, buf, sizeof(buf), &s, &len))
		return failv(r, CJ_ERR_PARSE, c->row, c->col, "「%s」的数值无法识别：「%.*s」",
			     label_of(col), show_len(ctext(r, c), c->len), ctext(r, c));
	cj_diag_init(&md);
	e = cj_money_parse(s, len, r->unit_fen, &fen, &md);
	if (e)
		return failv(r, e, c->row, c->col, "%s（%s）", md.msg, label_of(col));
	if (fen < 0 && !(col->f->flags & CJ_FF_SIGNED))
		return failv(r, CJ_ERR_RANGE, c->row, c->col, "金额不能为负数：「%.*s」（%s）",
			     show_len(s, len), s, label_of(col));
	fig->fen = fen;
	fig->set = 1;
	set_loc(r, &fig->loc, c->row, c->col);
	return CJ_OK;
}

static enum cj_err read_count(struct rd *r, const struct cj_wb_field *col,
			      const struct cj_wb_cell *c, char *base)
{
	struct cj_count *cnt = (struct cj_count *)(void *)(base + col->off);
	struct cj_dec x;
	char buf[64];
	const char *s;
	size_t len;

	if (c->kind == CJ_WB_BOOL || c->kind == CJ_WB_ERR)
		return wrong_kind(r, col, c, "非负整数");
	if (!cell_plain(r, c, 0, buf, sizeof(buf), &s, &len) ||
	    cj_dec_parse(s, len, &x, NULL) != CJ_OK || x.scale != 0 || x.v < 0)
		return failv(r, CJ_ERR_SCHEMA, c->row, c->col, "「%s」应为非负整数，但这里是「%.*s」",
			     label_of(col), show_len(ctext(r, c), c->len), ctext(r, c));
	cnt->n = x.v;
	cnt->set = 1;
	set_loc(r, &cnt->loc, c->row, c->col);
	return CJ_OK;
}

/* "96.61", "96.61%", a number, or a number shown as a percentage -> bp. */
static enum cj_err read_rate(struct rd *r, const struct cj_wb_field *col,
			     const struct cj_wb_cell *c, char *base)
{
	static const int64_t mul[] = {100, 10, 1};
	struct cj_rate *rt = (struct cj_rate *)(void *)(base + col->off);
	struct cj_dec x;
	char buf[64];
	const char *s;
	size_t len;
	int64_t bp;

	if (c->kind == CJ_WB_BOOL || c->kind == CJ_WB_ERR)
		return wrong_kind(r, col, c, "百分比");
	if (!cell_plain(r, c, c->pct ? 2 : 0, buf, sizeof(buf), &s, &len))
		return failv(r, CJ_ERR_PARSE, c->row, c->col, "「%s」的数值无法识别", label_of(col));
	if (len >= 1 && s[len - 1] == '%')
		len -= 1;
	else if (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x85", 3) == 0) /* ％ */
		len -= 3;
	if (cj_dec_parse(s, len, &x, NULL) != CJ_OK || x.v < 0)
		return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
			     "「%s」应为百分比（如 96.61 或 96.61%%），但这里是「%.*s」", label_of(col),
			     show_len(ctext(r, c), c->len), ctext(r, c));
	if (x.scale > 2)
		return failv(r, CJ_ERR_RANGE, c->row, c->col, "百分比「%.*s」有%d位小数，最多两位（%s）",
			     show_len(s, len), s, x.scale, label_of(col));
	if (cj_mul(x.v, mul[x.scale], &bp) != CJ_OK)
		return failv(r, CJ_ERR_RANGE, c->row, c->col, "百分比「%.*s」超出范围（%s）",
			     show_len(s, len), s, label_of(col));
	rt->bp = bp;
	rt->scale = x.scale;
	rt->set = 1;
	set_loc(r, &rt->loc, c->row, c->col);
	return CJ_OK;
}

/* Copy text into t; control characters other than tab and line breaks are refused. */
static enum cj_err store_text(struct rd *r, const struct cj_wb_field *col,
			      const struct cj_wb_cell *c, struct cj_text *t, const char *s,
			      size_t len)
{
	size_t i, bad;

	if (!cj_utf8_validate(s, len, &bad))
		return failv(r, CJ_ERR_ENCODING, c->row, c->col, "「%s」含有无效的 UTF-8 字节（第%zu字节）",
			     label_of(col), bad + 1);
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i], c2 = i + 1 < len ? (unsigned char)s[i + 1] : 0;
		if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col, "「%s」含有控制字符（\\x%02X）",
				     label_of(col), ch);
		/* C1 controls (but NEL) and U+FFFE/U+FFFF: YAML cannot hold them either */
		if ((ch == 0xC2 && c2 >= 0x80 && c2 <= 0x9F && c2 != 0x85) ||
		    (ch == 0xEF && c2 == 0xBF && i + 2 < len && (unsigned char)s[i + 2] >= 0xBE))
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col, "「%s」含有不可打印的字符",
				     label_of(col));
	}
	t->s = cj_strndup(s, len);
	if (!t->s)
		return nomem(r);
	set_loc(r, &t->loc, c->row, c->col);
	return CJ_OK;
}

static enum cj_err read_text(struct rd *r, const struct cj_wb_field *col,
			     const struct cj_wb_cell *c, char *base)
{
	struct cj_text *t = (struct cj_text *)(void *)(base + col->off);
	char buf[64];
	const char *s;
	size_t len;

	switch (c->kind) {
	case CJ_WB_ERR: return wrong_kind(r, col, c, "文字");
	case CJ_WB_NUM:
		if (!cell_plain(r, c, 0, buf, sizeof(buf), &s, &len))
			return failv(r, CJ_ERR_PARSE, c->row, c->col, "「%s」的数值无法识别",
				     label_of(col));
		break;
	default:
		s = ctext(r, c);
		len = c->len;
		break;
	}
	return store_text(r, col, c, t, s, len);
}

static enum cj_err read_code(struct rd *r, const struct cj_wb_field *col,
			     const struct cj_wb_cell *c, char *base)
{
	struct cj_text *t = (struct cj_text *)(void *)(base + col->off);
	char buf[64];
	const char *s;
	size_t len, i;

	if (c->kind == CJ_WB_BOOL || c->kind == CJ_WB_ERR)
		return wrong_kind(r, col, c, "数字编码");
	if (!cell_plain(r, c, 0, buf, sizeof(buf), &s, &len))
		return failv(r, CJ_ERR_PARSE, c->row, c->col, "「%s」的数值无法识别", label_of(col));
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "「%s」应为数字编码（如 2013101），但这里是「%.*s」",
				     label_of(col), show_len(s, len), s);
	switch (col->codes) {
	case CJ_WB_CODES_FUNC_ITEM:
		if (len != 7)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "功能分类科目编码应为7位（项级），「%.*s」是%zu位", show_len(s, len),
				     s, len);
		break;
	case CJ_WB_CODES_ECON:
		if (len != 5)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "经济分类科目编码应为5位（款级），「%.*s」是%zu位", show_len(s, len),
				     s, len);
		break;
	case CJ_WB_CODES_FUNC_SUM:
		if (len != 3 && len != 5)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "小计行的科目编码应为3位（类级）或5位（款级），「%.*s」是%zu位",
				     show_len(s, len), s, len);
		break;
	case CJ_WB_CODES_FUNC_ANY:
		if (len != 3 && len != 5 && len != 7)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "功能分类科目编码应为3位（类）、5位（款）或7位（项），「%.*s」是%zu位",
				     show_len(s, len), s, len);
		break;
	}
	return store_text(r, col, c, t, s, len);
}

/* Read cell c (not empty) into the field `col` of the struct at base. */
static enum cj_err read_value(struct rd *r, const struct cj_wb_field *col,
			      const struct cj_wb_cell *c, char *base)
{
	switch (col->f->type) {
	case CJ_F_MONEY: return read_money(r, col, c, base);
	case CJ_F_COUNT: return read_count(r, col, c, base);
	case CJ_F_RATE: return read_rate(r, col, c, base);
	case CJ_F_TEXT: return read_text(r, col, c, base);
	case CJ_F_CODE: return read_code(r, col, c, base);
	default: break;
	}
	return failv(r, CJ_ERR_SCHEMA, c->row, c->col, "「%s」不是单个值", label_of(col));
}

/* ============================================================ keys */


static void nearest(const char *s, size_t len, const char *cand, const char **best,
		    size_t *bestd)
{
	size_t dist = cj_edit_distance(s, len, cand, strlen(cand));

	if (dist < *bestd) {
		*bestd = dist;
		*best = cand;
	}
}

static int key_is(const char *key, const char *s, size_t len)
{
	return strlen(key) == len && memcmp(key, s, len) == 0;
}

/* ============================================================ one sheet */

/* The cells [*i, *j) of the next row; 0 at the end. */
static int next_row(const struct cj_wb_gsheet *gs, size_t *i, size_t *j)
{
	size_t k = *j;

	if (k >= gs->n)
		return 0;
	*i = k;
	while (k < gs->n && gs->v[k].row == gs->v[*i].row)
		k++;
	*j = k;
	return 1;
}

static const struct cj_wb_cell *cell_at(const struct cj_wb_gsheet *gs, size_t i, size_t j,
					uint32_t col)
{
	for (; i < j; i++)
		if (gs->v[i].col == col)
			return &gs->v[i];
	return NULL;
}

static enum cj_err read_scalar_row(struct rd *r, size_t k, unsigned row, size_t i, size_t j)
{
	const struct cj_wb_field *col = &r->ms->scalars[k];
	const struct cj_wb_cell *c;

	if (r->scalar_row[k] >= 0)
		return failv(r, CJ_ERR_SCHEMA, row, CJ_WB_COL_KEY, "字段「%s」重复（第%d行已出现）",
			     col->key, r->scalar_row[k] + 1);
	r->scalar_row[k] = (int)row;
	c = cell_at(r->gs, i, j, CJ_WB_COL_VALUE);
	if (cell_empty(r, c))
		return CJ_OK;
	return read_value(r, col, c, (char *)r->a + r->ms->base);
}

/* The key row of table t: map the keys in C... to the table's columns. */
static enum cj_err read_key_row(struct rd *r, int ti, unsigned row, size_t i, size_t j)
{
	const struct cj_wb_table *t = &r->ms->tables[ti];
	struct tstate *ts = &r->ts[ti];
	const struct cj_wb_cell *c;
	const char *s;
	size_t len, k, maxcol = 0;

	if (ts->key_row >= 0)
		return failv(r, CJ_ERR_SCHEMA, row, CJ_WB_COL_KEY, "表格「%s」重复（第%d行已出现）",
			     t->path, ts->key_row + 1);
	ts->key_row = (int)row;
	for (k = i; k < j; k++)
		if (r->gs->v[k].col > maxcol)
			maxcol = r->gs->v[k].col;
	ts->ncolmap = maxcol + 1;
	ts->colmap = cj_malloc(ts->ncolmap * sizeof(int));
	ts->col_of = cj_malloc((t->ncols ? t->ncols : 1) * sizeof(int));
	if (!ts->colmap || !ts->col_of)
		return nomem(r);
	for (k = 0; k < ts->ncolmap; k++)
		ts->colmap[k] = -1;
	for (k = 0; k < t->ncols; k++)
		ts->col_of[k] = -1;
	for (k = i; k < j; k++) {
		size_t tc;
		c = &r->gs->v[k];
		if (c->col < CJ_WB_COL_VALUE || cell_empty(r, c))
			continue;
		s = ctext(r, c);
		len = c->len;
		trim(&s, &len);
		for (tc = 0; tc < t->ncols; tc++)
			if (key_is(t->cols[tc].key, s, len))
				break;
		if (tc == t->ncols) {
			const char *best = NULL;
			size_t bestd = 3;
			for (tc = 0; tc < t->ncols; tc++)
				nearest(s, len, t->cols[tc].key, &best, &bestd);
			if (best && bestd < len)
				return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
					     "表格「%s」中未知的字段名「%.*s」，是否应为「%s」？", t->path,
					     show_len(s, len), s, best);
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "表格「%s」中未知的字段名「%.*s」；字段名行（灰色）请勿修改", t->path,
				     show_len(s, len), s);
		}
		if (ts->col_of[tc] >= 0)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col, "表格「%s」中字段名「%s」重复",
				     t->path, t->cols[tc].key);
		ts->col_of[tc] = (int)c->col;
		ts->colmap[c->col] = (int)tc;
	}
	return CJ_OK;
}

static enum cj_err add_row(struct rd *r, int ti, size_t first)
{
	struct tstate *ts = &r->ts[ti];

	if (ts->nrows == ts->caprows) {
		size_t ncap = ts->caprows ? ts->caprows * 2 : 16;
		size_t *nv = cj_realloc(ts->rows, ncap * sizeof(*nv));
		if (!nv)
			return nomem(r);
		ts->rows = nv;
		ts->caprows = ncap;
	}
	ts->rows[ts->nrows++] = first;
	return CJ_OK;
}

/* Pass 1: classify the rows of the sheet by column B. */
static enum cj_err classify(struct rd *r)
{
	const struct cj_wb_gsheet *gs = r->gs;
	const struct cj_wb_sheet *ms = r->ms;
	size_t i = 0, j = 0, k;
	int cur = -1; /* table whose element rows follow */
	enum cj_err e;

	while (next_row(gs, &i, &j)) {
		unsigned row = gs->v[i].row;
		const struct cj_wb_cell *b = cell_at(gs, i, j, CJ_WB_COL_KEY);
		const char *s = NULL;
		size_t len = 0;

		if (b && b->kind == CJ_WB_STR) {
			s = ctext(r, b);
			len = b->len;
			trim(&s, &len);
		} else if (b) {
			return failv(r, CJ_ERR_SCHEMA, row, CJ_WB_COL_KEY,
				     "B 列应为字段名（文字），但这里是「%.*s」", show_len(ctext(r, b), b->len),
				     ctext(r, b));
		}
		if (len == 0) {
			if (cur >= 0) {
				e = add_row(r, cur, i);
				if (e)
					return e;
				continue;
			}
			for (k = i; k < j; k++)
				if (gs->v[k].col >= CJ_WB_COL_VALUE && !cell_empty(r, &gs->v[k]))
					return failv(r, CJ_ERR_SCHEMA, row, gs->v[k].col,
						     "这一行有数据，但 B 列没有字段名（不在任何表格中）；"
						     "请不要删除或改动 B 列");
			continue;
		}
		if (s[0] == '#')
			continue;
		for (k = 0; k < ms->nscalars; k++)
			if (key_is(ms->scalars[k].key, s, len))
				break;
		if (k < ms->nscalars) {
			cur = -1;
			e = read_scalar_row(r, k, row, i, j);
			if (e)
				return e;
			continue;
		}
		for (k = 0; k < ms->ntables; k++)
			if (key_is(ms->tables[k].path, s, len))
				break;
		if (k < ms->ntables) {
			cur = (int)k;
			e = read_key_row(r, cur, row, i, j);
			if (e)
				return e;
			continue;
		}
		{
			const char *best = NULL;
			size_t bestd = 3;
			for (k = 0; k < ms->nscalars; k++)
				nearest(s, len, ms->scalars[k].key, &best, &bestd);
			for (k = 0; k < ms->ntables; k++)
				nearest(s, len, ms->tables[k].path, &best, &bestd);
			if (best && bestd < len)
				return failv(r, CJ_ERR_SCHEMA, row, CJ_WB_COL_KEY,
					     "未知字段「%.*s」（工作表「%s」），是否应为「%s」？",
					     show_len(s, len), s, gs->name, best);
			return failv(r, CJ_ERR_SCHEMA, row, CJ_WB_COL_KEY,
				     "未知字段「%.*s」（工作表「%s」）；可用的字段见 docs/dataset.md",
				     show_len(s, len), s, gs->name);
		}
	}
	return CJ_OK;
}

/* A positive integer in a 序号 cell; 0 when it is not one. */
static int64_t read_no(const struct rd *r, const struct cj_wb_cell *c)
{
	char buf[64];
	const char *s;
	size_t len;
	struct cj_dec x;

	if (c->kind != CJ_WB_NUM && c->kind != CJ_WB_STR)
		return 0;
	if (!cell_plain(r, c, 0, buf, sizeof(buf), &s, &len) ||
	    cj_dec_parse(s, len, &x, NULL) != CJ_OK || x.scale != 0 || x.v <= 0)
		return 0;
	return x.v;
}

/* Find the parent element whose 序号 is `no`; NULL when none. */
static char *parent_elem(const struct tstate *pts, int64_t no)
{
	size_t k;

	for (k = 0; k < pts->nnos; k++)
		if (pts->nos[k].no == no)
			return pts->nos[k].elem;
	return NULL;
}

/*
 * Required fields of an element (recursively through its nested groups,
 * those that hold anything): the message names the column's cell.
 */
static enum cj_err check_elem(struct rd *r, int ti, const struct cj_field *tab, const char *base,
			      size_t off, unsigned row)
{
	const struct cj_wb_table *t = &r->ms->tables[ti];
	const struct tstate *ts = &r->ts[ti];
	enum cj_err e;
	size_t k;

	for (; tab->key; tab++) {
		const char *p = base + tab->off;
		if (tab->type == CJ_F_MAP) {
			if (cj_wb_map_present(tab->sub, p)) {
				e = check_elem(r, ti, tab->sub, p, off + tab->off, row);
				if (e)
					return e;
			}
			continue;
		}
		if (!(tab->flags & CJ_FF_REQUIRED))
			continue;
		if (tab->type == CJ_F_MONEY || tab->type == CJ_F_COUNT || tab->type == CJ_F_RATE ||
		    tab->type == CJ_F_TEXT || tab->type == CJ_F_CODE) {
			if (cj_wb_scalar_set(tab, p))
				continue;
		} else if (((const struct any_list *)(const void *)p)->n > 0) {
			continue;
		} else {
			/* a required list: checked by the caller once the child tables are read */
			continue;
		}
		for (k = 0; k < t->ncols; k++)
			if (t->cols[k].kind == CJ_WBC_FIELD && t->cols[k].f == tab &&
			    t->cols[k].off == off + tab->off)
				break;
		if (k < t->ncols && ts->col_of[k] >= 0)
			return failv(r, CJ_ERR_SCHEMA, row, (unsigned)ts->col_of[k],
				     "必填字段「%s」不能为空（表格「%s」）", t->cols[k].label, t->label);
		return failv(r, CJ_ERR_SCHEMA, row, CJ_WB_COL_VALUE,
			     "缺少必填字段「%s」（%s）；表格「%s」的字段名行中没有这一列", tab->key,
			     tab->zh ? tab->zh : "", t->label);
	}
	return CJ_OK;
}

struct counted {      /* rows of a table per container */
	char *container;
	size_t n;
};

/* Whether the element row starting at cell i has data; checks unmapped columns. */
static enum cj_err row_has_data(struct rd *r, int ti, size_t i, size_t j, int *has)
{
	const struct cj_wb_table *t = &r->ms->tables[ti];
	const struct tstate *ts = &r->ts[ti];
	size_t k;

	*has = 0;
	for (k = i; k < j; k++) {
		const struct cj_wb_cell *c = &r->gs->v[k];
		int tc;
		if (c->col < CJ_WB_COL_VALUE || cell_empty(r, c))
			continue;
		tc = c->col < ts->ncolmap ? ts->colmap[c->col] : -1;
		if (tc < 0)
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "表格「%s」的这一列没有字段名（字段名行中该列为空），数据无处可放",
				     t->label);
		if (t->cols[tc].kind != CJ_WBC_NO)
			*has = 1;
	}
	return CJ_OK;
}

/* The collection an element row belongs to; NULL with an error recorded. */
static char *container_of(struct rd *r, int ti, size_t i, size_t j, enum cj_err *err)
{
	const struct cj_wb_table *t = &r->ms->tables[ti];
	const struct tstate *ts = &r->ts[ti];
	const struct cj_wb_cell *c;
	unsigned row = r->gs->v[i].row;
	int64_t no;
	char *pe;
	size_t k;

	*err = CJ_OK;
	if (t->parent < 0)
		return (char *)r->a + r->ms->base + t->off;
	for (k = 0; k < t->ncols && t->cols[k].kind != CJ_WBC_PARENT; k++)
		;
	if (k == t->ncols || ts->col_of[k] < 0) {
		*err = failv(r, CJ_ERR_SCHEMA, (unsigned)ts->key_row, CJ_WB_COL_VALUE,
			     "表格「%s」缺少「%s」列（所属序号）", t->label, CJ_WB_KEY_PARENT);
		return NULL;
	}
	c = cell_at(r->gs, i, j, (uint32_t)ts->col_of[k]);
	if (cell_empty(r, c)) {
		*err = failv(r, CJ_ERR_SCHEMA, row, (unsigned)ts->col_of[k],
			     "请填写所属序号（对应上方表格「%s」中的序号）",
			     r->ms->tables[t->parent].label);
		return NULL;
	}
	no = read_no(r, c);
	pe = no > 0 ? parent_elem(&r->ts[t->parent], no) : NULL;
	if (!pe) {
		*err = failv(r, CJ_ERR_SCHEMA, row, (unsigned)ts->col_of[k],
			     "所属序号「%.*s」在上方表格「%s」中找不到", show_len(ctext(r, c), c->len),
			     ctext(r, c), r->ms->tables[t->parent].label);
		return NULL;
	}
	return pe + t->off;
}

/* Pass 2 for one table: count the rows per collection, allocate, read. */
static enum cj_err read_table(struct rd *r, int ti)
{
	const struct cj_wb_table *t = &r->ms->tables[ti];
	struct tstate *ts = &r->ts[ti];
	struct counted *cnt = NULL;
	size_t ncnt = 0, q, k, i, j;
	enum cj_err e = CJ_OK;

	if (ts->key_row < 0 || ts->nrows == 0)
		return CJ_OK;
	cnt = cj_calloc(ts->nrows, sizeof(*cnt));
	if (!cnt)
		return nomem(r);
	/* count */
	for (q = 0; q < ts->nrows && !e; q++) {
		int has;
		char *cont;
		i = ts->rows[q];
		for (j = i; j < r->gs->n && r->gs->v[j].row == r->gs->v[i].row; j++)
			;
		e = row_has_data(r, ti, i, j, &has);
		if (e || !has)
			continue;
		cont = container_of(r, ti, i, j, &e);
		if (!cont)
			break;
		for (k = 0; k < ncnt && cnt[k].container != cont; k++)
			;
		if (k == ncnt)
			cnt[ncnt++].container = cont;
		cnt[k].n++;
	}
	/* allocate: each collection once, with its count (it was empty) */
	for (k = 0; k < ncnt && !e; k++) {
		struct any_list *l = (struct any_list *)(void *)cnt[k].container;
		if (l->v || l->n) {
			e = failv(r, CJ_ERR_SCHEMA, (unsigned)ts->key_row, CJ_WB_COL_KEY,
				  "表格「%s」重复", t->label);
			break;
		}
		if (cnt[k].n > (MAX_ELEM_BYTES - r->elem_bytes) / t->elem_size) {
			e = failv(r, CJ_ERR_TOO_LARGE, (unsigned)ts->key_row, CJ_WB_COL_KEY,
				  "表格「%s」的行数过多", t->label);
			break;
		}
		r->elem_bytes += cnt[k].n * t->elem_size;
		l->v = cj_calloc(cnt[k].n, t->elem_size);
		if (!l->v) {
			e = nomem(r);
			break;
		}
	}
	if (!e && t->has_children) {
		ts->nos = cj_calloc(ts->nrows, sizeof(*ts->nos));
		if (!ts->nos)
			e = nomem(r);
	}
	/* read */
	for (q = 0; q < ts->nrows && !e; q++) {
		int has;
		char *cont, *elem;
		struct any_list *l;
		unsigned row;
		i = ts->rows[q];
		row = r->gs->v[i].row;
		for (j = i; j < r->gs->n && r->gs->v[j].row == row; j++)
			;
		e = row_has_data(r, ti, i, j, &has);
		if (e || !has)
			continue;
		cont = container_of(r, ti, i, j, &e);
		if (!cont)
			break;
		l = (struct any_list *)(void *)cont;
		elem = (char *)l->v + l->n * t->elem_size;
		l->n++; /* counted first, so a failed element is still freed */
		if (t->has_loc)
			set_loc(r, (struct cj_loc *)(void *)(elem + t->loc_off), row, CJ_WB_COL_VALUE);
		if (t->f->type == CJ_F_REASONS && l->n == 1)
			set_loc(r, &((struct cj_reasons *)(void *)cont)->loc, row, CJ_WB_COL_VALUE);
		for (k = i; k < j && !e; k++) {
			const struct cj_wb_cell *c = &r->gs->v[k];
			const struct cj_wb_field *col;
			int tc;
			if (c->col < CJ_WB_COL_VALUE || cell_empty(r, c))
				continue;
			tc = ts->colmap[c->col];
			col = &t->cols[tc];
			if (col->kind == CJ_WBC_FIELD) {
				e = read_value(r, col, c, elem);
			} else if (col->kind == CJ_WBC_NO) {
				int64_t no = read_no(r, c);
				size_t m;
				if (no <= 0) {
					e = failv(r, CJ_ERR_SCHEMA, c->row, c->col,
						  "序号应为正整数，但这里是「%.*s」", show_len(ctext(r, c), c->len),
						  ctext(r, c));
					break;
				}
				for (m = 0; m < ts->nnos; m++)
					if (ts->nos[m].no == no)
						break;
				if (m < ts->nnos) {
					e = failv(r, CJ_ERR_SCHEMA, c->row, c->col,
						  "序号「%lld」重复（第%u行已用）", (long long)no,
						  ts->nos[m].row + 1);
					break;
				}
				ts->nos[ts->nnos].no = no;
				ts->nos[ts->nnos].elem = elem;
				ts->nos[ts->nnos].row = row;
				ts->nnos++;
			}
		}
		if (!e)
			e = check_elem(r, ti, t->elem, elem, 0, row);
	}
	cj_free(cnt);
	return e;
}

/*
 * Required fields of a group (and of its nested groups) that holds
 * anything; `always` for the root.  The message names the key/value row,
 * or A1 when the row is missing.
 */
static enum cj_err check_group(struct rd *r, const struct cj_field *tab, const char *base,
			       size_t off, int always)
{
	enum cj_err e;
	size_t k;

	if (!always && !cj_wb_map_present(tab, base))
		return CJ_OK;
	for (; tab->key; tab++) {
		const char *p = base + tab->off;
		int stored;

		if (tab->type == CJ_F_MAP && always)
			continue; /* the root's groups have their own sheets */
		if (tab->type == CJ_F_MAP) {
			e = check_group(r, tab->sub, p, off + tab->off, 0);
			if (e)
				return e;
			continue;
		}
		if (!(tab->flags & CJ_FF_REQUIRED))
			continue;
		if (tab->type == CJ_F_LIST || tab->type == CJ_F_TEXTS || tab->type == CJ_F_REASONS)
			stored = ((const struct any_list *)(const void *)p)->n > 0;
		else
			stored = cj_wb_scalar_set(tab, p);
		if (stored)
			continue;
		for (k = 0; k < r->ms->nscalars; k++)
			if (r->ms->scalars[k].f == tab && r->ms->scalars[k].off == off + tab->off)
				break;
		if (k < r->ms->nscalars && r->scalar_row[k] >= 0)
			return failv(r, CJ_ERR_SCHEMA, (unsigned)r->scalar_row[k], CJ_WB_COL_VALUE,
				     "必填字段「%s」不能为空（%s）", r->ms->scalars[k].label,
				     r->ms->scalars[k].key);
		return failv(r, CJ_ERR_SCHEMA, 0, 0,
			     "缺少必填字段「%s」（%s）：工作表「%s」中没有这一行", tab->zh ? tab->zh : "",
			     tab->key, r->ms->name);
	}
	return CJ_OK;
}

static void sheet_done(struct rd *r)
{
	size_t k;

	if (r->ts)
		for (k = 0; k < r->ms->ntables; k++) {
			cj_free(r->ts[k].colmap);
			cj_free(r->ts[k].col_of);
			cj_free(r->ts[k].rows);
			cj_free(r->ts[k].nos);
		}
	cj_free(r->ts);
	cj_free(r->scalar_row);
	r->ts = NULL;
	r->scalar_row = NULL;
}

static enum cj_err read_sheet(struct rd *r, const struct cj_wb_gsheet *gs,
			      const struct cj_wb_sheet *ms)
{
	enum cj_err e = CJ_OK;
	size_t k;

	r->gs = gs;
	r->ms = ms;
	r->ts = cj_calloc(ms->ntables ? ms->ntables : 1, sizeof(*r->ts));
	r->scalar_row = cj_malloc((ms->nscalars ? ms->nscalars : 1) * sizeof(int));
	if (!r->ts || !r->scalar_row) {
		e = nomem(r);
		goto out;
	}
	for (k = 0; k < ms->ntables; k++)
		r->ts[k].key_row = -1;
	for (k = 0; k < ms->nscalars; k++)
		r->scalar_row[k] = -1;
	e = classify(r);
	for (k = 0; k < ms->ntables && !e; k++)
		e = read_table(r, (int)k);
	if (!e && ms->tab)
		e = check_group(r, ms->tab, (char *)r->a + ms->base, 0, ms->f == NULL);
out:
	sheet_done(r);
	return e;
}

/* ================================================================ root */

/* amount_unit, read before anything else on the 说明 sheet. */
static enum cj_err read_unit(struct rd *r, const struct cj_wb_gsheet *gs)
{
	size_t i = 0, j = 0;

	r->gs = gs;
	while (next_row(gs, &i, &j)) {
		const struct cj_wb_cell *b = cell_at(gs, i, j, CJ_WB_COL_KEY), *c;
		const char *s;
		size_t len;

		if (!b || b->kind != CJ_WB_STR)
			continue;
		s = ctext(r, b);
		len = b->len;
		trim(&s, &len);
		if (!key_is("amount_unit", s, len))
			continue;
		c = cell_at(gs, i, j, CJ_WB_COL_VALUE);
		if (cell_empty(r, c))
			break;
		s = ctext(r, c);
		len = c->len;
		trim(&s, &len);
		if (key_is("元", s, len))
			r->unit_fen = CJ_FEN_PER_YUAN;
		else if (key_is("万元", s, len))
			r->unit_fen = CJ_FEN_PER_WAN;
		else
			return failv(r, CJ_ERR_SCHEMA, c->row, c->col,
				     "金额单位「%.*s」无效：只能是「元」或「万元」", show_len(s, len), s);
		return CJ_OK;
	}
	return failv(r, CJ_ERR_SCHEMA, 0, 0,
		     "缺少必填字段「amount_unit」（金额单位）：请在「说明」工作表中填写「元」或「万元」");
}

static enum cj_err read_all(struct rd *r)
{
	const struct cj_wb_gsheet *info = NULL;
	const struct cj_wb_sheet *ms;
	size_t i;
	enum cj_err e;

	for (i = 0; i < r->g->n; i++)
		if (strcmp(r->g->sheets[i].name, CJ_WB_SHEET_INFO) == 0)
			info = &r->g->sheets[i];
	if (!info)
		return cj_wb_fail(r->d, CJ_ERR_SCHEMA, r->file, NULL,
				  "工作簿中没有「说明」工作表（其中应填写 caijue、year、amount_unit）；"
				  "请用 caijue template 生成的模板填写");
	e = read_unit(r, info);
	if (e)
		return e;
	ms = cj_wb_model_sheet(r->m, CJ_WB_SHEET_INFO, strlen(CJ_WB_SHEET_INFO));
	e = read_sheet(r, info, ms);
	if (e)
		return e;
	if (r->a->schema.set && r->a->schema.n != 1)
		return cj_wb_fail(r->d, CJ_ERR_SCHEMA, r->file, r->a->schema.loc.cell,
				  "不支持的数据文件版本「caijue: %lld」，目前只支持 1",
				  (long long)r->a->schema.n);
	r->a->unit_fen = r->unit_fen;
	/* the cell may have blanks around the unit; keep it as the YAML reader would */
	cj_free(r->a->amount_unit.s);
	r->a->amount_unit.s = cj_strdup(r->unit_fen == CJ_FEN_PER_WAN ? "万元" : "元");
	if (!r->a->amount_unit.s)
		return nomem(r);

	for (i = 0; i < r->g->n; i++) {
		const struct cj_wb_gsheet *gs = &r->g->sheets[i];
		char cell[64];

		if (gs == info || strcmp(gs->name, CJ_WB_SHEET_CODES) == 0)
			continue;
		ms = cj_wb_model_sheet(r->m, gs->name, strlen(gs->name));
		if (!ms) {
			cj_wb_cell_name(gs->name, 0, 0, cell, sizeof(cell));
			return cj_wb_fail(r->d, CJ_ERR_SCHEMA, r->file, cell,
					  "未知的工作表「%s」：请使用 caijue template 生成的模板，"
					  "不要增加或改名工作表（工作表说明见 docs/workbook.md）",
					  gs->name);
		}
		e = read_sheet(r, gs, ms);
		if (e)
			return e;
	}
	return CJ_OK;
}

enum cj_err cj_wb_read_grid(const struct cj_wb_grid *g, const char *file,
			    struct cj_accounts **out, struct cj_diag *d)
{
	struct rd r;
	struct cj_wb_model *m = NULL;
	enum cj_err e;

	memset(&r, 0, sizeof(r));
	r.g = g;
	r.d = d;
	r.file = file ? file : "";
	e = cj_wb_model_new(&m, d);
	if (e)
		return e;
	r.m = m;
	r.a = cj_accounts_new();
	if (!r.a) {
		e = nomem(&r);
		goto out;
	}
	if (file) {
		r.a->source = cj_strdup(file);
		if (!r.a->source) {
			e = nomem(&r);
			goto out;
		}
	}
	e = read_all(&r);
out:
	cj_wb_model_free(m);
	if (e) {
		cj_accounts_free(r.a);
		return e;
	}
	*out = r.a;
	return CJ_OK;
}
