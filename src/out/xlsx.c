/*
 * xlsx.c - tables.xlsx: the workbook, the context helpers, and one sheet
 * per table (the charts sheet is xlsx_chart.c).  See xlsx.h for what the
 * workbook holds and what this module deliberately does not do.
 *
 * Layout of a table sheet (0-based sheet rows):
 *
 *     0        title, merged over every column
 *     1        table number (公开01表), right-aligned        (if any)
 *     2        unit line: 编制单位… left, 2020年度 centred,
 *              金额单位：万元 right (segments split at runs of
 *              full-width spaces)                           (if any)
 *     top …    the table: header rows, then body rows
 *     after    the note, merged over every column           (if any)
 *
 * Invariants: a covered cell (colspan or rowspan 0) is never written (the
 * merge writes it); an amount cell is always a number; every table cell,
 * written or blank, has a border.  Widths and heights are estimates made
 * from display widths (CJK 2 columns, which is close to Excel's width unit
 * for a 10-point 宋体); nothing here depends on the machine, so the output
 * is deterministic.
 */
#include "xlsx.h"
#include "xlsx_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/alloc.h"
#include "../base/fsio.h"
#include "../base/utf8.h"

/* Excel's limits. */
#define MAX_ROWS 1048576u
#define MAX_COLS 16384u
#define MAX_NAME_UNITS 31 /* sheet name, in UTF-16 units */

/* Layout constants: widths in Excel units (about one '0'), heights in points. */
#define HEAD_CAP 16.0   /* a header word wider than this wraps */
#define BODY_CAP 40.0   /* a body text wider than this wraps */
#define SPAN_CAP 24.0   /* a spanning text up to this widens its columns */
#define MIN_WIDTH 6.0
#define PAD 2.0
#define AMOUNT_PAD 1.5
#define LINE_H 13.5     /* one line of 10-point text */
#define ROW_H 18.0      /* the least height of a table row */
#define TITLE_LINE_H 22.0
#define TITLE_ROW_H 30.0
#define TITLE_SCALE 1.6 /* 16-point title against the 10-point body */
#define WIDE 100.0      /* wider tables print landscape */

/* ============================================================ context */

void cj_xw_fail(struct cj_xw *x, enum cj_err e, const char *fmt, ...)
{
	va_list ap;

	if (x->err)
		return;
	x->err = e;
	va_start(ap, fmt);
	vsnprintf(x->msg, sizeof(x->msg), fmt, ap);
	va_end(ap);
}

static enum cj_err map_lxw(lxw_error e)
{
	switch (e) {
	case LXW_NO_ERROR:
		return CJ_OK;
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return CJ_ERR_NOMEM;
	case LXW_ERROR_CREATING_XLSX_FILE:
	case LXW_ERROR_CREATING_TMPFILE:
	case LXW_ERROR_READING_TMPFILE:
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_PARAMETER_ERROR:
	case LXW_ERROR_ZIP_BAD_ZIP_FILE:
	case LXW_ERROR_ZIP_INTERNAL_ERROR:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return CJ_ERR_IO;
	case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
	case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
		return CJ_ERR_TOO_LARGE;
	default:
		return CJ_ERR_USAGE; /* a parameter we should have checked */
	}
}

int cj_xw_check(struct cj_xw *x, lxw_error e, const char *sheet, lxw_row_t row, lxw_col_t col)
{
	char ref[32];

	if (e == LXW_NO_ERROR)
		return 1;
	if (x->err)
		return 0;
	lxw_rowcol_to_cell(ref, row, col);
	cj_xw_fail(x, map_lxw(e), "写入工作表「%s」的单元格 %s 失败：%s", sheet, ref,
		   lxw_strerror(e));
	snprintf(x->cell, sizeof(x->cell), "%s!%s", sheet, ref);
	return 0;
}

lxw_format *cj_xw_format(struct cj_xw *x, unsigned key)
{
	lxw_format *f;

	if (x->err || key >= CJ_XF_NKEYS)
		return NULL;
	if (x->fmt[key])
		return x->fmt[key];
	f = workbook_add_format(x->wb);
	if (!f) {
		cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
		return NULL;
	}
	format_set_font_name(f, CJ_XLSX_FONT);
	format_set_font_size(f, (key & CJ_XF_TITLE) ? CJ_XLSX_TITLE_SIZE : CJ_XLSX_FONT_SIZE);
	if (key & CJ_XF_BOLD)
		format_set_bold(f);
	switch (key & CJ_XF_ALIGN) {
	case CJ_XF_CENTER:
		format_set_align(f, LXW_ALIGN_CENTER);
		break;
	case CJ_XF_RIGHT:
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	default:
		format_set_align(f, LXW_ALIGN_LEFT);
	}
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (key & CJ_XF_AMOUNT)
		format_set_num_format(f, CJ_XLSX_NUM_FORMAT);
	else if (key & CJ_XF_TEXT)
		format_set_num_format(f, "@");
	if (key & CJ_XF_BORDER)
		format_set_border(f, LXW_BORDER_THIN);
	if (key & CJ_XF_WRAP)
		format_set_text_wrap(f);
	if (key & CJ_XF_SHRINK)
		format_set_shrink(f);
	x->fmt[key] = f;
	return f;
}

void *cj_xw_own(struct cj_xw *x, void *p)
{
	if (!p) {
		cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
		return NULL;
	}
	if (x->nowned == x->capowned) {
		size_t ncap = x->capowned ? 2 * x->capowned : 32;
		void **nv = cj_realloc(x->owned, ncap * sizeof(*nv));
		if (!nv) {
			cj_free(p);
			cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
			return NULL;
		}
		x->owned = nv;
		x->capowned = ncap;
	}
	x->owned[x->nowned++] = p;
	return p;
}

char *cj_xw_keep(struct cj_xw *x, const char *s, size_t len)
{
	if (x->err)
		return NULL;
	return cj_xw_own(x, cj_strndup(s, len));
}

double cj_xw_wan(int64_t fen)
{
	return (double)fen / 1e6; /* the one place fen becomes a double */
}

size_t cj_xw_width(const char *s)
{
	return s ? cj_utf8_width(s, strlen(s)) : 0;
}

static void release(struct cj_xw *x)
{
	size_t i;

	for (i = 0; i < x->nowned; i++)
		cj_free(x->owned[i]);
	cj_free(x->owned);
	cj_free(x->sheets);
}

/* ======================================================= sheet names */

static int ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca = (unsigned char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (unsigned char)(cb - 'A' + 'a');
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

static size_t units(uint32_t cp)
{
	return cp > 0xFFFF ? 2 : 1; /* Excel counts UTF-16 units */
}

static size_t str_units(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0, adv;

	while (i < len) {
		n += units(cj_utf8_decode(s + i, len - i, &adv));
		i += adv;
	}
	return n;
}

/* A valid sheet name: base (mapped, cut) + tail.  out has room for 31 * 4 + 1 bytes. */
static void make_name(const char *base, const char *tail, char *out, size_t cap)
{
	size_t len = strlen(base), i = 0, o = 0, used = 0, limit, adv, tl = strlen(tail);
	size_t tu = str_units(tail);

	limit = tu < MAX_NAME_UNITS ? MAX_NAME_UNITS - tu : 0;
	while (i < len) {
		uint32_t cp = cj_utf8_decode(base + i, len - i, &adv);
		char enc[4];
		size_t n;

		i += adv;
		switch (cp) {
		case '[': cp = 0xFF3B; break;  /* ［ */
		case ']': cp = 0xFF3D; break;  /* ］ */
		case ':': cp = 0xFF1A; break;  /* ： */
		case '*': cp = 0xFF0A; break;  /* ＊ */
		case '?': cp = 0xFF1F; break;  /* ？ */
		case '/': cp = 0xFF0F; break;  /* ／ */
		case '\\': cp = 0xFF3C; break; /* ＼ */
		case '\'': cp = 0x2019; break; /* ’: no apostrophe at either end */
		default: break;
		}
		if (cp < 0x20 || cp == 0x7F)
			continue;
		if (used + units(cp) > limit)
			break;
		n = cj_utf8_encode(cp, enc);
		if (o + n + tl + 1 > cap)
			break;
		memcpy(out + o, enc, n);
		o += n;
		used += units(cp);
	}
	if (o == 0 && tl == 0) {
		memcpy(out, "表", sizeof("表"));
		return;
	}
	memcpy(out + o, tail, tl + 1);
}

static int name_taken(const struct cj_xw *x, const char *name)
{
	size_t i;

	if (ascii_ieq(name, "History"))
		return 1; /* reserved by Excel */
	for (i = 0; i < x->nsheets; i++)
		if (ascii_ieq(x->sheets[i], name))
			return 1;
	return 0;
}

lxw_worksheet *cj_xw_sheet(struct cj_xw *x, const char *base, const char *suffix,
			   const char **name_out)
{
	char name[MAX_NAME_UNITS * 4 + 1], tail[64];
	lxw_worksheet *ws;
	char *kept;
	int k;

	if (x->err)
		return NULL;
	for (k = 1;; k++) {
		if (k == 1)
			snprintf(tail, sizeof(tail), "%s", suffix);
		else
			snprintf(tail, sizeof(tail), "%s（%d）", suffix, k);
		make_name(base ? base : "", tail, name, sizeof(name));
		if (!name_taken(x, name))
			break;
		if (k > 10000) {
			cj_xw_fail(x, CJ_ERR_TOO_LARGE, "工作表名称重复过多：%s", name);
			return NULL;
		}
	}
	if (x->nsheets == x->capsheets) {
		size_t ncap = x->capsheets ? 2 * x->capsheets : 16;
		const char **nv = cj_realloc(x->sheets, ncap * sizeof(*nv));
		if (!nv) {
			cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
			return NULL;
		}
		x->sheets = nv;
		x->capsheets = ncap;
	}
	kept = cj_xw_keep(x, name, strlen(name));
	if (!kept)
		return NULL;
	ws = workbook_add_worksheet(x->wb, kept);
	if (!ws) {
		cj_xw_fail(x, CJ_ERR_NOMEM, "无法添加工作表「%s」", kept);
		return NULL;
	}
	x->sheets[x->nsheets++] = kept;
	if (name_out)
		*name_out = kept;
	return ws;
}

/* ============================================================= layout */

/* One table sheet being written. */
struct tsheet {
	const struct cj_table *t;
	lxw_worksheet *ws;
	const char *name;
	lxw_row_t top;         /* sheet row of table row 0 */
	lxw_row_t last;        /* last sheet row used */
	double *width;         /* ncols column widths */
	double *height;        /* per sheet row, 0 = default */
	unsigned char *bold;   /* per table row: a totals row */
};

static const struct cj_cell *cell_at(const struct cj_table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

static const char *text_of(const struct cj_cell *cl)
{
	return cl->text ? cl->text : "";
}

static int covered(const struct cj_cell *cl)
{
	return !cl->colspan || !cl->rowspan;
}

/*
 * Spans clipped to the table.  A span whose block holds a cell that is not
 * covered (overlapping spans: a builder bug) is dropped, so that no two
 * merged ranges overlap (Excel would "repair" the file).
 */
static void spans(const struct cj_table *t, size_t r, size_t c, size_t *rs, size_t *cs)
{
	const struct cj_cell *cl = cell_at(t, r, c);
	size_t i, j;

	*rs = cl->rowspan < t->nrows - r ? cl->rowspan : t->nrows - r;
	*cs = cl->colspan < t->ncols - c ? cl->colspan : t->ncols - c;
	for (i = 0; i < *rs; i++)
		for (j = 0; j < *cs; j++)
			if ((i || j) && !covered(cell_at(t, r + i, c + j))) {
				*rs = *cs = 1;
				return;
			}
}


/*
 * Totals rows: a body row whose leading cell is a bold, centred label
 * (the report builder's 合计 / 总计 / 本年收入合计 …) is bold across.
 * Class rows (bold code, left-aligned) are not.  Tables without header
 * rows (the performance form) have labels everywhere and no totals rows.
 */
static void find_totals(struct tsheet *s)
{
	const struct cj_table *t = s->t;
	size_t r;

	if (!t->header_rows)
		return;
	for (r = t->header_rows; r < t->nrows; r++) {
		const struct cj_cell *cl = cell_at(t, r, 0);
		if (!covered(cl) && cl->bold && cl->align == CJ_AL_CENTER && !cl->is_amount &&
		    *text_of(cl))
			s->bold[r] = 1;
	}
}

static double sum_width(const struct tsheet *s, size_t c0, size_t n)
{
	double w = 0;
	size_t i;

	for (i = 0; i < n; i++)
		w += s->width[c0 + i];
	return w;
}

static void col_widths(struct tsheet *s)
{
	const struct cj_table *t = s->t;
	size_t r, c, rs, cs, i;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct cj_cell *cl = cell_at(t, r, c);
			double tw, cap;
			if (covered(cl))
				continue;
			spans(t, r, c, &rs, &cs);
			if (cs != 1)
				continue;
			tw = (double)cj_xw_width(text_of(cl));
			cap = r < t->header_rows ? HEAD_CAP : BODY_CAP;
			if (cl->is_amount)
				tw += AMOUNT_PAD; /* never wraps; bold digits are wider */
			else if (tw > cap)
				tw = cap;
			if (tw > s->width[c])
				s->width[c] = tw;
		}
	/* short spanning labels (项目, a name over five columns) widen their columns */
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct cj_cell *cl = cell_at(t, r, c);
			double tw, have;
			if (covered(cl))
				continue;
			spans(t, r, c, &rs, &cs);
			tw = (double)cj_xw_width(text_of(cl));
			if (cs < 2 || tw > SPAN_CAP)
				continue;
			have = sum_width(s, c, cs) + PAD * (double)(cs - 1);
			if (have < tw)
				for (i = 0; i < cs; i++)
					s->width[c + i] += (tw - have) / (double)cs;
		}
	for (c = 0; c < t->ncols; c++) {
		s->width[c] += PAD;
		if (s->width[c] < MIN_WIDTH)
			s->width[c] = MIN_WIDTH;
	}
}

/* Lines a text of display width tw takes in a box `avail` units wide. */
static double lines(double tw, double avail)
{
	double room = avail - PAD, n;

	if (room < 1)
		room = 1;
	if (tw <= room)
		return 1;
	n = tw / room;
	return (double)(long)n + ((double)(long)n < n ? 1 : 0);
}

static void at_least(double *h, double v)
{
	if (v > *h)
		*h = v;
}

static void row_heights(struct tsheet *s)
{
	const struct cj_table *t = s->t;
	size_t r, c, rs, cs, i;

	for (r = 0; r < t->nrows; r++)
		at_least(&s->height[s->top + r], ROW_H);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			const struct cj_cell *cl = cell_at(t, r, c);
			double need;
			if (covered(cl) || cl->is_amount)
				continue;
			spans(t, r, c, &rs, &cs);
			need = lines((double)cj_xw_width(text_of(cl)), sum_width(s, c, cs)) * LINE_H + 5;
			for (i = 0; i < rs; i++)
				at_least(&s->height[s->top + r + i], need / (double)rs);
		}
}

/* ============================================================ writing */

static unsigned align_key(unsigned char al)
{
	return al == CJ_AL_CENTER ? CJ_XF_CENTER : al == CJ_AL_RIGHT ? CJ_XF_RIGHT : CJ_XF_LEFT;
}

/* Write text over sheet row `row`, columns [c0, c0 + n), merged when n > 1. */
static void put_span(struct cj_xw *x, struct tsheet *s, lxw_row_t row, size_t c0, size_t n,
		     const char *text, unsigned key)
{
	lxw_format *f = cj_xw_format(x, key);
	lxw_col_t c = (lxw_col_t)c0;

	if (x->err)
		return;
	if (n > 1)
		cj_xw_check(x, worksheet_merge_range(s->ws, row, c, row, (lxw_col_t)(c0 + n - 1), text, f),
			    s->name, row, c);
	else if (*text)
		cj_xw_check(x, worksheet_write_string(s->ws, row, c, text, f), s->name, row, c);
}

static void put_cell(struct cj_xw *x, struct tsheet *s, size_t r, size_t c)
{
	const struct cj_table *t = s->t;
	const struct cj_cell *cl = cell_at(t, r, c);
	const char *text = text_of(cl);
	lxw_row_t row = s->top + (lxw_row_t)r;
	lxw_col_t col = (lxw_col_t)c;
	unsigned key = CJ_XF_BORDER | align_key(cl->align);
	size_t rs, cs;
	lxw_format *f;

	if (covered(cl) || x->err)
		return;
	spans(t, r, c, &rs, &cs);
	if (cl->bold || s->bold[r])
		key |= CJ_XF_BOLD;
	if (cl->is_amount)
		key |= CJ_XF_AMOUNT;
	else
		key |= CJ_XF_WRAP | (cj_ascii_all_digits(text) ? CJ_XF_TEXT : 0u);
	f = cj_xw_format(x, key);
	if (x->err)
		return;
	if (rs > 1 || cs > 1) {
		if (!cj_xw_check(x,
				 worksheet_merge_range(s->ws, row, col, row + (lxw_row_t)(rs - 1),
						       (lxw_col_t)(c + cs - 1), cl->is_amount ? "" : text, f),
				 s->name, row, col))
			return;
		if (!cl->is_amount)
			return;
	}
	if (cl->is_amount)
		cj_xw_check(x, worksheet_write_number(s->ws, row, col, cj_xw_wan(cl->fen), f), s->name,
			    row, col);
	else if (*text)
		cj_xw_check(x, worksheet_write_string(s->ws, row, col, text, f), s->name, row, col);
	else
		cj_xw_check(x, worksheet_write_blank(s->ws, row, col, f), s->name, row, col);
}

/* A run of two or more spaces (U+3000 or ASCII) starting at p, or 0. */
static size_t gap_len(const char *p)
{
	size_t n = 0, k = 0;

	for (;;) {
		if (p[n] == ' ')
			n += 1;
		else if ((unsigned char)p[n] == 0xE3 && (unsigned char)p[n + 1] == 0x80 &&
			 (unsigned char)p[n + 2] == 0x80)
			n += 3;
		else
			break;
		k++;
	}
	return k >= 2 ? n : 0;
}

/*
 * The unit line: "编制单位：…　　　　2020年度　　　　金额单位：万元".  Its
 * segments go left, centre and right: the first up to the first run of
 * spaces, the last after the last run, the middle is what lies between.
 * The first and last get the columns they need, the middle the rest, and
 * all shrink to fit.  A line without such a run is centred over the table.
 */
static void unit_line(struct cj_xw *x, struct tsheet *s, lxw_row_t row)
{
	const char *u = s->t->unit_line;
	size_t len = strlen(u), ncols = s->t->ncols, b = 0, e = len, i, k, m, adv;
	size_t g1s = 0, g1e = 0, g2s = 0, g2e = 0, ngaps = 0, g;
	char *first, *mid = NULL, *lastp;
	double need;

	at_least(&s->height[row], ROW_H);
	while (b < e && (g = gap_len(u + b)) != 0)
		b += g; /* leading spaces */
	for (i = b; i < e;) {
		g = gap_len(u + i);
		if (!g) {
			cj_utf8_decode(u + i, len - i, &adv);
			i += adv;
			continue;
		}
		if (i + g >= e) { /* trailing spaces */
			e = i;
			break;
		}
		if (!ngaps++) {
			g1s = i;
			g1e = i + g;
		}
		g2s = i;
		g2e = i + g;
		i += g;
	}
	if (b >= e)
		return;
	if (!ngaps || ncols < (ngaps > 1 ? 3u : 2u)) {
		first = cj_xw_keep(x, u + b, e - b);
		if (first)
			put_span(x, s, row, 0, ncols, first,
				 (ngaps ? CJ_XF_LEFT : CJ_XF_CENTER) | CJ_XF_SHRINK);
		return;
	}
	first = cj_xw_keep(x, u + b, g1s - b);
	lastp = cj_xw_keep(x, u + g2e, e - g2e);
	if (ngaps > 1)
		mid = cj_xw_keep(x, u + g1e, g2s - g1e);
	if (x->err)
		return;
	/* left: the fewest columns that hold it, leaving one for each other segment */
	need = (double)cj_xw_width(first);
	for (k = 1; k < ncols - (mid ? 2 : 1) && sum_width(s, 0, k) < need; k++)
		;
	if (!mid) {
		put_span(x, s, row, 0, k, first, CJ_XF_LEFT | CJ_XF_SHRINK);
		put_span(x, s, row, k, ncols - k, lastp, CJ_XF_RIGHT | CJ_XF_SHRINK);
		return;
	}
	need = (double)cj_xw_width(lastp);
	for (m = 1; k + m < ncols - 1 && sum_width(s, ncols - m, m) < need; m++)
		;
	put_span(x, s, row, 0, k, first, CJ_XF_LEFT | CJ_XF_SHRINK);
	put_span(x, s, row, k, ncols - k - m, mid, CJ_XF_CENTER | CJ_XF_SHRINK);
	put_span(x, s, row, ncols - m, m, lastp, CJ_XF_RIGHT | CJ_XF_SHRINK);
}

static void print_setup(struct cj_xw *x, struct tsheet *s)
{
	const struct cj_table *t = s->t;
	size_t hr = t->header_rows < t->nrows ? t->header_rows : t->nrows;
	lxw_col_t lastc = (lxw_col_t)(t->ncols - 1);
	char range[64];

	if (x->err)
		return;
	worksheet_set_paper(s->ws, 9); /* A4 */
	if (sum_width(s, 0, t->ncols) > WIDE)
		worksheet_set_landscape(s->ws);
	worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_center_horizontally(s->ws);
	worksheet_fit_to_pages(s->ws, 1, 0);
	cj_xw_check(x, worksheet_set_footer(s->ws, "&C&P / &N"), s->name, 0, 0);
	cj_xw_check(x, worksheet_print_area(s->ws, 0, 0, s->last, lastc), s->name, 0, 0);
	if (hr) {
		cj_xw_check(x, worksheet_repeat_rows(s->ws, s->top, s->top + (lxw_row_t)(hr - 1)),
			    s->name, s->top, 0);
		worksheet_freeze_panes(s->ws, s->top + (lxw_row_t)hr, 0);
	}
	/* codes and 行次 are text on purpose: no green triangles */
	lxw_rowcol_to_range(range, 0, 0, s->last, lastc);
	cj_xw_check(x, worksheet_ignore_errors(s->ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range),
		    s->name, 0, 0);
}

static void table_sheet(struct cj_xw *x, const struct cj_table *t, const char *base,
			const char *suffix)
{
	struct tsheet s;
	lxw_row_t row = 0, r;
	size_t c, nsheet_rows;
	double title_need;

	if (x->err)
		return;
	if (!t->ncols) {
		cj_xw_fail(x, CJ_ERR_USAGE, "表「%s」没有列", t->title ? t->title : "");
		return;
	}
	if (t->ncols > MAX_COLS || t->nrows > MAX_ROWS - 8) {
		cj_xw_fail(x, CJ_ERR_TOO_LARGE, "表「%s」超出 Excel 工作表的大小（%zu 行 × %zu 列）",
			   t->title ? t->title : "", t->nrows, t->ncols);
		return;
	}
	memset(&s, 0, sizeof(s));
	s.t = t;
	nsheet_rows = t->nrows + 4;
	s.width = cj_xw_own(x, cj_calloc(t->ncols, sizeof(*s.width)));
	s.height = cj_xw_own(x, cj_calloc(nsheet_rows, sizeof(*s.height)));
	s.bold = cj_xw_own(x, cj_calloc(t->nrows ? t->nrows : 1, 1));
	if (x->err)
		return;
	s.ws = cj_xw_sheet(x, base, suffix, &s.name);
	if (!s.ws)
		return;

	col_widths(&s);
	find_totals(&s);

	/* title */
	title_need = lines((double)cj_xw_width(t->title) * TITLE_SCALE, sum_width(&s, 0, t->ncols));
	s.height[row] = title_need * TITLE_LINE_H + 8 > TITLE_ROW_H ? title_need * TITLE_LINE_H + 8
								    : TITLE_ROW_H;
	put_span(x, &s, row, 0, t->ncols, t->title ? t->title : "",
		 CJ_XF_TITLE | CJ_XF_BOLD | CJ_XF_CENTER | CJ_XF_WRAP);
	row++;
	if (t->number && *t->number) {
		put_span(x, &s, row, 0, t->ncols, t->number, CJ_XF_RIGHT);
		row++;
	}
	if (t->unit_line && *t->unit_line) {
		unit_line(x, &s, row);
		row++;
	}
	s.top = row;
	s.last = s.top + (lxw_row_t)(t->nrows ? t->nrows - 1 : 0);
	row_heights(&s);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++)
			put_cell(x, &s, r, c);
	if (t->note && *t->note) {
		lxw_row_t nr = s.top + (lxw_row_t)t->nrows;
		double need = lines((double)cj_xw_width(t->note), sum_width(&s, 0, t->ncols));
		s.height[nr] = need * LINE_H + 8 > ROW_H ? need * LINE_H + 8 : ROW_H;
		put_span(x, &s, nr, 0, t->ncols, t->note, CJ_XF_LEFT | CJ_XF_WRAP);
		s.last = nr;
	}
	for (c = 0; c < t->ncols && !x->err; c++)
		cj_xw_check(x, worksheet_set_column(s.ws, (lxw_col_t)c, (lxw_col_t)c, s.width[c], NULL),
			    s.name, 0, (lxw_col_t)c);
	for (r = 0; r <= s.last && !x->err; r++)
		if (s.height[r] > 0)
			cj_xw_check(x, worksheet_set_row(s.ws, r, s.height[r], NULL), s.name, r, 0);
	print_setup(x, &s);
}

/* ========================================================== workbook */

static const struct cj_table *find_table(const struct cj_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_TABLE && doc->nodes[i].table &&
		    doc->nodes[i].table->id && strcmp(doc->nodes[i].table->id, id) == 0)
			return doc->nodes[i].table;
	return NULL;
}

/* "（N）" for ids perf-N and perf-N-…, else "". */
static void perf_suffix(const char *id, char *out, size_t cap)
{
	const char *p = id + 5;
	size_t n = 0;

	while (p[n] >= '0' && p[n] <= '9' && n < 9)
		n++;
	if (n)
		snprintf(out, cap, "（%.*s）", (int)n, p);
	else
		out[0] = '\0';
}

/* SOURCE_DATE_EPOCH as a time, or 0 (libxlsxwriter then uses the clock). */
static time_t source_date(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;
	size_t n = 0;

	if (!s || !*s)
		return 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= 12)
			return 0;
		v = v * 10 + (s[n] - '0');
	}
	return (time_t)v;
}

static void build(struct cj_xw *x, const struct cj_doc *doc)
{
	char id[16], suffix[32];
	size_t i;
	int k;

	for (k = 1; k <= 9; k++) {
		const struct cj_table *t;
		snprintf(id, sizeof(id), "t%d", k);
		t = find_table(doc, id);
		if (t)
			table_sheet(x, t, t->number && *t->number ? t->number : t->title, "");
	}
	for (i = 0; i < doc->n; i++) {
		const struct cj_table *t = doc->nodes[i].table;
		if (doc->nodes[i].kind != CJ_N_TABLE || !t || !t->id || strncmp(t->id, "perf-", 5) != 0)
			continue;
		perf_suffix(t->id, suffix, sizeof(suffix));
		table_sheet(x, t, t->title, suffix);
	}
	cj_xlsx_charts(x, doc);
}

enum cj_err cj_xlsx_tables(const struct cj_doc *doc, const char *path, struct cj_diag *d)
{
	struct cj_xw x;
	lxw_doc_properties props;
	lxw_error le;
	FILE *fp;

	if (!doc || !path)
		return cj_fail(d, CJ_ERR_USAGE, "生成 XLSX：缺少文档或路径");
	if (doc->err)
		return cj_fail(d, doc->err, "文档生成失败，不能写出 XLSX：%s", cj_strerror(doc->err));
	/* libxlsxwriter would only find out at the end, and print to stderr */
	fp = fopen(path, "wb");
	if (!fp)
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法创建文件：%s", strerror(errno));
	fclose(fp);

	memset(&x, 0, sizeof(x));
	x.wb = workbook_new(path);
	if (!x.wb) {
		remove(path);
		return cj_fail_at(d, CJ_ERR_NOMEM, path, 0, "内存不足");
	}
	memset(&props, 0, sizeof(props));
	props.title = doc->title;
	props.author = doc->author;
	props.created = source_date();
	le = workbook_set_properties(x.wb, &props);
	if (le != LXW_NO_ERROR)
		cj_xw_fail(&x, map_lxw(le), "设置工作簿属性失败：%s", lxw_strerror(le));

	build(&x, doc);
	if (x.err) {
		lxw_workbook_free(x.wb);
	} else {
		le = workbook_close(x.wb); /* writes the file and frees the workbook */
		if (le != LXW_NO_ERROR)
			cj_xw_fail(&x, map_lxw(le), "写出 XLSX 失败：%s", lxw_strerror(le));
	}
	release(&x);
	if (x.err) {
		remove(path);
		cj_fail_at(d, x.err, path, 0, "%s", x.msg);
		if (d && d->code == x.err && !d->cell[0] && x.cell[0])
			snprintf(d->cell, sizeof(d->cell), "%s", x.cell);
		return x.err;
	}
	return CJ_OK;
}

enum cj_err cj_xlsx_tables_buf(const struct cj_doc *doc, const char *tmpdir,
			       struct cj_buf *out, struct cj_diag *d)
{
	const char *dir = tmpdir;
	char *path, *data = NULL;
	size_t dl, len = 0;
	enum cj_err e;
	int fd;

	if (!out)
		return cj_fail(d, CJ_ERR_USAGE, "生成 XLSX：缺少输出缓冲区");
	if (!dir || !*dir)
		dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	dl = strlen(dir);
	path = cj_malloc(dl + sizeof("/caijue-xlsx-XXXXXX"));
	if (!path)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	memcpy(path, dir, dl);
	memcpy(path + dl, "/caijue-xlsx-XXXXXX", sizeof("/caijue-xlsx-XXXXXX"));
	fd = mkstemp(path);
	if (fd < 0) {
		e = cj_fail_at(d, CJ_ERR_IO, dir, 0, "无法创建临时文件：%s", strerror(errno));
		cj_free(path);
		return e;
	}
	close(fd);
	e = cj_xlsx_tables(doc, path, d);
	if (e == CJ_OK)
		e = cj_file_read(path, out->max ? out->max : CJ_BUF_DEFAULT_MAX, &data, &len, d);
	remove(path);
	cj_free(path);
	if (e == CJ_OK) {
		cj_buf_put(out, data, len);
		e = cj_buf_err(out);
		if (e)
			e = cj_fail(d, e, "XLSX 过大或内存不足：%s", cj_strerror(e));
	}
	cj_free(data);
	return e;
}
