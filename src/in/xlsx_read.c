/*
 * xlsx_read.c - an .xlsx workbook into a grid of cells (wb_read.h), then
 * into struct cj_accounts by the layout of wb_model.h.
 *
 * Parts read, in this order, each streamed through expat (zipxml.c):
 *   _rels/.rels                  where the workbook part is
 *   xl/workbook.xml              sheet names and relationship ids, in order
 *   xl/_rels/workbook.xml.rels   relationship ids -> part names
 *   xl/styles.xml                which cell styles show a percentage
 *   xl/sharedStrings.xml         the shared-string table (one pool)
 *   xl/worksheets/sheetN.xml     cells and merged ranges, sheet by sheet
 * Part names come from the relationships (with the usual names as the
 * fallback), resolved against the workbook's folder.
 *
 * What it does not do: dates (a date cell is text here, as written),
 * formulas (only their cached values), hidden/visible state, anything of
 * the presentation beyond the percentage formats.
 */
#include "xlsx_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/buf.h"
#include "../base/fsio.h"
#include "../base/utf8.h"
#include "wb_model.h"
#include "wb_read.h"
#include "zipxml.h"

#define PATH_MAX_LEN 256
#define MAX_TEXT ((size_t)256 << 10) /* bytes of one string; Excel's cap is 32767 characters */
#define MAX_MERGE_WORK 4000000u      /* cells visited while applying merged ranges */
#define MAX_SST 2000000u             /* shared strings (a sheet holds at most 1,000,000 cells) */

struct sheet_ref {
	char *name;
	char rid[64];
};

struct rel {
	char id[64];
	char target[PATH_MAX_LEN];
	char type[32]; /* last segment of the type URI: "worksheet", "sharedStrings" */
};

struct merge {
	uint32_t r1, c1, r2, c2;
};

struct xr {
	struct cj_zx *z;
	struct cj_diag *d;
	const char *file;
	struct cj_wb_grid g;
	/* workbook */
	char wb_part[PATH_MAX_LEN];
	struct sheet_ref *sheets;
	size_t nsheets, capsheets;
	struct rel *rels;
	size_t nrels, caprels;
	/* styles */
	unsigned char *xf_pct; /* per cellXfs index: shown as a percentage */
	size_t nxf, capxf;
	struct {
		unsigned id;
		int pct;
	} fmts[256];
	size_t nfmts;
	int in_cellxfs;
	/* shared strings */
	uint32_t *sst_off, *sst_len;
	size_t nsst, capsst;
	/* text being collected (a <t>, a <v>) */
	struct cj_buf text;
	int collect;     /* inside a <t> or <v> whose text we keep */
	int in_si, in_rph, in_is, in_c;
	/* the cell being read */
	uint32_t row, col;   /* 0-based */
	long last_row;       /* for <row> without r */
	long last_col;       /* for <c> without r */
	char ctype[12];
	int cpct;
	int have_v, have_is;
	const char *part;    /* for messages */
	const char *sheet;   /* name of the sheet being read */
	struct merge *merges;
	size_t nmerges, capmerges;
};

/* ============================================================ helpers */

static enum cj_err nomem(struct xr *x)
{
	return cj_fail(x->d, CJ_ERR_NOMEM, "内存不足");
}

static const char *attr(const char **attrs, const char *name)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (strcmp(attrs[0], name) == 0)
			return attrs[1];
	return NULL;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap)
		n = cj_utf8_clip(src, cap - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* "AB12" -> col 27, row 11 (0-based).  0 when not a cell reference. */
static int parse_ref(const char *s, uint32_t *col, uint32_t *row)
{
	uint64_t c = 0, r = 0;
	int nl = 0, nd = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++) {
		if (++nl > 4)
			return 0;
		c = c * 26 + (uint64_t)(*s - 'A' + 1);
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++nd > 8)
			return 0;
		r = r * 10 + (uint64_t)(*s - '0');
	}
	if (*s || nl == 0 || nd == 0 || r == 0)
		return 0;
	*col = (uint32_t)(c - 1);
	*row = (uint32_t)(r - 1);
	return 1;
}

/* A non-negative integer attribute; -1 when absent or not one. */
static long parse_uint(const char *s)
{
	long v = 0;

	if (!s || !*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000L)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/*
 * Resolve a relationship target against the folder of `base_part`
 * ("xl/workbook.xml" + "worksheets/sheet1.xml"), "/" for an absolute
 * target, ".." segments folded.  0 when the result does not fit.
 */
static int resolve(const char *base_part, const char *target, char *out, size_t cap)
{
	char tmp[PATH_MAX_LEN * 2];
	const char *slash;
	size_t n = 0, i, o = 0;

	if (target[0] == '/') {
		target++;
	} else if ((slash = strrchr(base_part, '/'))) {
		n = (size_t)(slash - base_part) + 1;
		if (n >= sizeof(tmp))
			return 0;
		memcpy(tmp, base_part, n);
	}
	if (n + strlen(target) >= sizeof(tmp))
		return 0;
	memcpy(tmp + n, target, strlen(target) + 1);
	/* fold "./" and "seg/../" */
	for (i = 0; tmp[i];) {
		size_t seg = i;
		while (tmp[i] && tmp[i] != '/')
			i++;
		if (i - seg == 1 && tmp[seg] == '.') {
			/* skip */
		} else if (i - seg == 2 && tmp[seg] == '.' && tmp[seg + 1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (i > seg) {
			if (o + (i - seg) + 1 >= cap)
				return 0;
			memcpy(out + o, tmp + seg, i - seg);
			o += i - seg;
			if (tmp[i] == '/')
				out[o++] = '/';
		}
		if (tmp[i] == '/')
			i++;
	}
	if (o > 0 && out[o - 1] == '/')
		o--;
	out[o] = '\0';
	return o > 0;
}

/*
 * Decode the _xHHHH_ escapes of OOXML strings in place (_x000D_ is a CR,
 * _x005F_ an underscore); a code point that is not allowed in text is
 * dropped later by the reader's control-character check.
 */
static size_t decode_escapes(char *s, size_t len)
{
	size_t i = 0, o = 0;

	while (i < len) {
		if (s[i] == '_' && i + 7 <= len && s[i + 1] == 'x' && s[i + 6] == '_') {
			uint32_t cp = 0;
			int ok = 1;
			size_t k;
			for (k = 2; k < 6; k++) {
				char c = s[i + k];
				cp <<= 4;
				if (c >= '0' && c <= '9')
					cp |= (uint32_t)(c - '0');
				else if (c >= 'a' && c <= 'f')
					cp |= (uint32_t)(c - 'a' + 10);
				else if (c >= 'A' && c <= 'F')
					cp |= (uint32_t)(c - 'A' + 10);
				else
					ok = 0;
			}
			if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
				o += cj_utf8_encode(cp, s + o); /* at most 3 bytes for 7 read */
				i += 7;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	return o;
}

static enum cj_err text_append(struct xr *x, const char *s, size_t len)
{
	if (!x->collect)
		return CJ_OK;
	if (x->text.len + len > MAX_TEXT)
		return cj_fail(x->d, CJ_ERR_TOO_LARGE, "「%s」中的一段文字过长（超过 %zu KiB）", x->part,
			       MAX_TEXT >> 10);
	if (cj_buf_put(&x->text, s, len))
		return nomem(x);
	return CJ_OK;
}

static enum cj_err on_text(void *ud, const char *s, size_t len)
{
	return text_append(ud, s, len);
}

/* ======================================================= relationships */

static enum cj_err rels_start(void *ud, const char *name, const char **attrs)
{
	struct xr *x = ud;
	const char *id = attr(attrs, "Id"), *target = attr(attrs, "Target");
	const char *type = attr(attrs, "Type"), *mode = attr(attrs, "TargetMode");
	struct rel *r;

	if (strcmp(name, "Relationship") != 0 || !id || !target || !type)
		return CJ_OK;
	if (mode && strcmp(mode, "External") == 0)
		return CJ_OK;
	if (x->nrels == x->caprels) {
		size_t ncap = x->caprels ? x->caprels * 2 : 16;
		struct rel *nv;
		if (ncap > 100000)
			return cj_fail(x->d, CJ_ERR_TOO_LARGE, "「%s」中的关系过多", x->part);
		nv = cj_realloc(x->rels, ncap * sizeof(*nv));
		if (!nv)
			return nomem(x);
		x->rels = nv;
		x->caprels = ncap;
	}
	r = &x->rels[x->nrels++];
	copy_str(r->id, sizeof(r->id), id);
	copy_str(r->target, sizeof(r->target), target);
	type = strrchr(type, '/') ? strrchr(type, '/') + 1 : type;
	copy_str(r->type, sizeof(r->type), type);
	return CJ_OK;
}

static enum cj_err read_rels(struct xr *x, const char *part, struct cj_diag *d)
{
	static const struct cj_zx_handler h = {rels_start, NULL, NULL};
	enum cj_err e;

	x->nrels = 0;
	x->part = part;
	e = cj_zx_parse(x->z, part, &h, x, d);
	return e == CJ_ERR_NOTFOUND ? CJ_OK : e;
}

static const struct rel *rel_by_type(const struct xr *x, const char *type)
{
	size_t i;

	for (i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].type, type) == 0)
			return &x->rels[i];
	return NULL;
}

static const struct rel *rel_by_id(const struct xr *x, const char *id)
{
	size_t i;

	for (i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].id, id) == 0)
			return &x->rels[i];
	return NULL;
}

/* ============================================================ workbook */

static enum cj_err wb_start(void *ud, const char *name, const char **attrs)
{
	struct xr *x = ud;
	const char *sname = attr(attrs, "name"), *rid = attr(attrs, "id");
	struct sheet_ref *s;

	if (strcmp(name, "sheet") != 0)
		return CJ_OK;
	if (!sname || !rid)
		return cj_fail(x->d, CJ_ERR_PARSE, "「%s」中的工作表缺少名称或关系编号", x->part);
	if (x->nsheets >= CJ_WB_MAX_SHEETS)
		return cj_fail(x->d, CJ_ERR_TOO_LARGE, "工作簿中的工作表过多（超过 %d 个）",
			       CJ_WB_MAX_SHEETS);
	if (x->nsheets == x->capsheets) {
		size_t ncap = x->capsheets ? x->capsheets * 2 : 16;
		struct sheet_ref *nv = cj_realloc(x->sheets, ncap * sizeof(*nv));
		if (!nv)
			return nomem(x);
		x->sheets = nv;
		x->capsheets = ncap;
	}
	s = &x->sheets[x->nsheets];
	s->name = cj_strdup(sname);
	if (!s->name)
		return nomem(x);
	x->nsheets++;
	copy_str(s->rid, sizeof(s->rid), rid);
	return CJ_OK;
}

/* ============================================================== styles */

static int fmt_is_pct(const char *code)
{
	int quoted = 0;

	for (; *code; code++) {
		if (*code == '"')
			quoted = !quoted;
		else if (*code == '\\' && code[1])
			code++;
		else if (*code == '%' && !quoted)
			return 1;
	}
	return 0;
}

static enum cj_err styles_start(void *ud, const char *name, const char **attrs)
{
	struct xr *x = ud;

	if (strcmp(name, "cellXfs") == 0) {
		x->in_cellxfs = 1;
	} else if (strcmp(name, "numFmt") == 0) {
		long id = parse_uint(attr(attrs, "numFmtId"));
		const char *code = attr(attrs, "formatCode");
		if (id >= 0 && code && x->nfmts < sizeof(x->fmts) / sizeof(x->fmts[0])) {
			x->fmts[x->nfmts].id = (unsigned)id;
			x->fmts[x->nfmts].pct = fmt_is_pct(code);
			x->nfmts++;
		}
	} else if (strcmp(name, "xf") == 0 && x->in_cellxfs) {
		long id = parse_uint(attr(attrs, "numFmtId"));
		int pct = id == 9 || id == 10;
		size_t i;
		for (i = 0; i < x->nfmts; i++)
			if ((long)x->fmts[i].id == id)
				pct = x->fmts[i].pct;
		if (x->nxf == x->capxf) {
			size_t ncap = x->capxf ? x->capxf * 2 : 64;
			unsigned char *nv;
			if (ncap > 1000000)
				return cj_fail(x->d, CJ_ERR_TOO_LARGE, "「%s」中的单元格格式过多", x->part);
			nv = cj_realloc(x->xf_pct, ncap);
			if (!nv)
				return nomem(x);
			x->xf_pct = nv;
			x->capxf = ncap;
		}
		x->xf_pct[x->nxf++] = (unsigned char)pct;
	}
	return CJ_OK;
}

static enum cj_err styles_end(void *ud, const char *name)
{
	struct xr *x = ud;

	if (strcmp(name, "cellXfs") == 0)
		x->in_cellxfs = 0;
	return CJ_OK;
}

/* ====================================================== shared strings */

static enum cj_err sst_start(void *ud, const char *name, const char **attrs)
{
	struct xr *x = ud;

	(void)attrs;
	if (strcmp(name, "si") == 0) {
		x->in_si = 1;
		x->in_rph = 0;
		cj_buf_reset(&x->text);
	} else if (strcmp(name, "rPh") == 0) {
		x->in_rph = 1;
	} else if (strcmp(name, "t") == 0 && x->in_si && !x->in_rph) {
		x->collect = 1;
	}
	return CJ_OK;
}

static enum cj_err sst_end(void *ud, const char *name)
{
	struct xr *x = ud;
	size_t len;

	if (strcmp(name, "t") == 0) {
		x->collect = 0;
	} else if (strcmp(name, "rPh") == 0) {
		x->in_rph = 0;
	} else if (strcmp(name, "si") == 0) {
		x->in_si = 0;
		if (x->nsst >= MAX_SST)
			return cj_fail(x->d, CJ_ERR_TOO_LARGE, "共享字符串过多（超过 %u 个）", MAX_SST);
		if (x->nsst == x->capsst) {
			size_t ncap = x->capsst ? x->capsst * 2 : 256;
			uint32_t *no = cj_realloc(x->sst_off, ncap * sizeof(*no)), *nl;
			if (!no)
				return nomem(x);
			x->sst_off = no;
			nl = cj_realloc(x->sst_len, ncap * sizeof(*nl));
			if (!nl)
				return nomem(x);
			x->sst_len = nl;
			x->capsst = ncap;
		}
		len = x->text.ptr ? decode_escapes(x->text.ptr, x->text.len) : 0;
		x->sst_off[x->nsst] = (uint32_t)x->g.sst.len;
		x->sst_len[x->nsst] = (uint32_t)len;
		x->nsst++;
		if (len && cj_buf_put(&x->g.sst, x->text.ptr, len))
			return cj_buf_err(&x->g.sst) == CJ_ERR_NOMEM
				       ? nomem(x)
				       : cj_fail(x->d, CJ_ERR_TOO_LARGE, "共享字符串过多");
		cj_buf_reset(&x->text);
	}
	return CJ_OK;
}

/* =========================================================== worksheet */

static enum cj_err fail_cell(struct xr *x, enum cj_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum cj_err fail_cell(struct xr *x, enum cj_err code, const char *fmt, ...)
{
	char msg[CJ_DIAG_MSG_SIZE], cell[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cj_wb_cell_name(x->sheet, x->row, x->col, cell, sizeof(cell));
	return cj_wb_fail(x->d, code, x->file, cell, "%s", msg);
}

static enum cj_err ws_start(void *ud, const char *name, const char **attrs)
{
	struct xr *x = ud;

	if (strcmp(name, "c") == 0) {
		const char *r = attr(attrs, "r"), *t = attr(attrs, "t");
		long s = parse_uint(attr(attrs, "s"));
		if (r) {
			if (!parse_ref(r, &x->col, &x->row))
				return cj_wb_fail(x->d, CJ_ERR_TOO_LARGE, x->file, NULL,
						  "工作表「%s」中的单元格引用「%.20s」无效或超出 Excel 的范围"
						  "（最多 1048576 行、XFD 列）",
						  x->sheet, r);
		} else {
			x->row = x->last_row < 0 ? 0 : (uint32_t)x->last_row;
			x->col = (uint32_t)(x->last_col + 1);
		}
		x->last_col = x->col;
		copy_str(x->ctype, sizeof(x->ctype), t ? t : "n");
		x->cpct = s >= 0 && (size_t)s < x->nxf && x->xf_pct[s];
		x->have_v = x->have_is = 0;
		x->in_c = 1;
		x->in_is = 0;
		x->in_rph = 0;
		cj_buf_reset(&x->text);
	} else if (strcmp(name, "row") == 0) {
		long r = parse_uint(attr(attrs, "r"));
		if (attr(attrs, "r") && (r <= 0 || r > (long)CJ_WB_MAX_ROWS))
			return cj_wb_fail(x->d, CJ_ERR_TOO_LARGE, x->file, NULL,
					  "工作表「%s」的行号「%.20s」无效或超出 Excel 的范围（最多 1048576 行）",
					  x->sheet, attr(attrs, "r"));
		x->last_row = r > 0 ? r - 1 : x->last_row + 1;
		x->last_col = -1;
	} else if (!x->in_c) {
		if (strcmp(name, "mergeCell") == 0) {
			const char *ref = attr(attrs, "ref"), *colon;
			char a[24];
			struct merge m;
			if (!ref || !(colon = strchr(ref, ':')) || (size_t)(colon - ref) >= sizeof(a))
				return CJ_OK;
			memcpy(a, ref, (size_t)(colon - ref));
			a[colon - ref] = '\0';
			if (!parse_ref(a, &m.c1, &m.r1) || !parse_ref(colon + 1, &m.c2, &m.r2))
				return CJ_OK;
			if (m.r2 < m.r1 || m.c2 < m.c1)
				return CJ_OK;
			if (x->nmerges == x->capmerges) {
				size_t ncap = x->capmerges ? x->capmerges * 2 : 32;
				struct merge *nv = cj_realloc(x->merges, ncap * sizeof(*nv));
				if (!nv)
					return nomem(x);
				x->merges = nv;
				x->capmerges = ncap;
			}
			x->merges[x->nmerges++] = m;
		}
	} else if (strcmp(name, "v") == 0) {
		x->have_v = 1;
		x->collect = 1;
	} else if (strcmp(name, "is") == 0) {
		x->in_is = 1;
		x->have_is = 1;
	} else if (strcmp(name, "rPh") == 0) {
		x->in_rph = 1;
	} else if (strcmp(name, "t") == 0 && x->in_is && !x->in_rph) {
		x->collect = 1;
	}
	return CJ_OK;
}

/* The cell just closed: its value into the grid. */
static enum cj_err end_cell(struct xr *x)
{
	char *s = x->text.ptr ? x->text.ptr : (char *)"";
	size_t len = x->text.len;
	const char *t = x->ctype;

	if (!x->have_v && !x->have_is)
		return CJ_OK; /* a formatted blank */
	if (strcmp(t, "s") == 0) {
		long idx = parse_uint(x->text.len ? s : "");
		if (idx < 0)
			return fail_cell(x, CJ_ERR_PARSE, "共享字符串索引「%.*s」无效",
					 (int)cj_utf8_clip(s, len > 20 ? 20 : len), s);
		if ((size_t)idx >= x->nsst)
			return fail_cell(x, CJ_ERR_SCHEMA, "共享字符串索引 %ld 超出范围（共 %zu 个）",
					 idx, x->nsst);
		return cj_wb_grid_cell_ref(&x->g, x->row, x->col, x->sst_off[idx], x->sst_len[idx],
					   x->d);
	}
	if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "d") == 0) {
		len = len ? decode_escapes(s, len) : 0;
		return cj_wb_grid_cell(&x->g, x->row, x->col, CJ_WB_STR, 0, s, len, x->d);
	}
	if (strcmp(t, "b") == 0) {
		int v = len == 1 && s[0] == '1';
		if (!(len == 1 && (s[0] == '0' || s[0] == '1')))
			return fail_cell(x, CJ_ERR_PARSE, "逻辑值单元格的值无效");
		return cj_wb_grid_cell(&x->g, x->row, x->col, CJ_WB_BOOL, 0, v ? "TRUE" : "FALSE",
				       v ? 4 : 5, x->d);
	}
	if (strcmp(t, "e") == 0)
		return cj_wb_grid_cell(&x->g, x->row, x->col, CJ_WB_ERR, 0, len ? s : "#N/A",
				       len ? len : 4, x->d);
	if (strcmp(t, "n") != 0)
		return fail_cell(x, CJ_ERR_PARSE, "单元格类型「%s」无法识别", t);
	return cj_wb_grid_cell(&x->g, x->row, x->col, CJ_WB_NUM, x->cpct, s, len, x->d);
}

static enum cj_err ws_end(void *ud, const char *name)
{
	struct xr *x = ud;
	enum cj_err e = CJ_OK;

	if (!x->in_c)
		return CJ_OK;
	if (strcmp(name, "c") == 0) {
		x->collect = 0;
		e = end_cell(x);
		x->in_c = 0;
		cj_buf_reset(&x->text);
	} else if (strcmp(name, "v") == 0) {
		x->collect = 0;
	} else if (strcmp(name, "t") == 0) {
		x->collect = 0;
	} else if (strcmp(name, "rPh") == 0) {
		x->in_rph = 0;
	} else if (strcmp(name, "is") == 0) {
		x->in_is = 0;
	}
	return e;
}

static int cell_row_lt(const struct cj_wb_cell *c, uint32_t row)
{
	return c->row < row;
}

/* Drop the values of merged cells other than the top-left one of each range. */
static enum cj_err apply_merges(struct xr *x)
{
	struct cj_wb_gsheet *s = &x->g.sheets[x->g.n - 1];
	size_t m, k, lo, hi, work = 0;

	if (!x->nmerges || !s->n)
		return CJ_OK;
	for (m = 0; m < x->nmerges; m++) {
		const struct merge *g = &x->merges[m];
		lo = 0;
		hi = s->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cell_row_lt(&s->v[mid], g->r1))
				lo = mid + 1;
			else
				hi = mid;
		}
		for (k = lo; k < s->n && s->v[k].row <= g->r2; k++) {
			if (++work > MAX_MERGE_WORK)
				return cj_wb_fail(x->d, CJ_ERR_TOO_LARGE, x->file, NULL,
						  "工作表「%s」中的合并单元格过多或相互重叠", x->sheet);
			if (s->v[k].col >= g->c1 && s->v[k].col <= g->c2 &&
			    !(s->v[k].row == g->r1 && s->v[k].col == g->c1))
				s->v[k].kind = 0xFF; /* dropped below */
		}
	}
	for (m = 0, k = 0; m < s->n; m++)
		if (s->v[m].kind != 0xFF)
			s->v[k++] = s->v[m];
	x->g.ncells -= s->n - k;
	s->n = k;
	return CJ_OK;
}

static enum cj_err read_sheet(struct xr *x, const struct sheet_ref *sr)
{
	static const struct cj_zx_handler h = {ws_start, ws_end, on_text};
	char part[PATH_MAX_LEN];
	const struct rel *r = rel_by_id(x, sr->rid);
	enum cj_err e;

	if (!r || !resolve(x->wb_part, r->target, part, sizeof(part)))
		return cj_wb_fail(x->d, CJ_ERR_PARSE, x->file, NULL,
				  "工作表「%s」的内容在文件中找不到（关系 %s 无效）", sr->name, sr->rid);
	e = cj_wb_grid_sheet(&x->g, sr->name, strlen(sr->name), x->d);
	if (e)
		return e;
	x->sheet = sr->name;
	x->part = part;
	x->last_row = -1;
	x->last_col = -1;
	x->in_c = x->collect = 0;
	x->nmerges = 0;
	e = cj_zx_parse(x->z, part, &h, x, x->d);
	if (e == CJ_ERR_NOTFOUND)
		return cj_wb_fail(x->d, CJ_ERR_PARSE, x->file, NULL,
				  "工作表「%s」的内容（%s）在文件中找不到", sr->name, part);
	if (e)
		return e;
	e = cj_wb_grid_finish(&x->g, x->d);
	if (e)
		return e;
	return apply_merges(x);
}

/* =============================================================== whole */

static enum cj_err read_workbook(struct xr *x)
{
	static const struct cj_zx_handler wbh = {wb_start, NULL, NULL};
	static const struct cj_zx_handler sth = {styles_start, styles_end, NULL};
	static const struct cj_zx_handler ssh = {sst_start, sst_end, on_text};
	char rels_part[PATH_MAX_LEN + 16], part[PATH_MAX_LEN];
	const struct rel *r;
	const char *slash;
	enum cj_err e;
	size_t i;

	/* the workbook part */
	e = read_rels(x, "_rels/.rels", x->d);
	if (e)
		return e;
	r = rel_by_type(x, "officeDocument");
	if (!r || !resolve("", r->target, x->wb_part, sizeof(x->wb_part)))
		copy_str(x->wb_part, sizeof(x->wb_part), "xl/workbook.xml");
	x->part = x->wb_part;
	e = cj_zx_parse(x->z, x->wb_part, &wbh, x, x->d);
	if (e == CJ_ERR_NOTFOUND)
		return cj_fail(x->d, CJ_ERR_PARSE,
			       "不是有效的 XLSX 文件：缺少工作簿部件（%s）；请确认是 Excel 工作簿", x->wb_part);
	if (e)
		return e;
	if (x->nsheets == 0)
		return cj_fail(x->d, CJ_ERR_SCHEMA, "工作簿中没有工作表");

	/* its relationships */
	slash = strrchr(x->wb_part, '/');
	snprintf(rels_part, sizeof(rels_part), "%.*s_rels/%s.rels",
		 slash ? (int)(slash - x->wb_part + 1) : 0, x->wb_part,
		 slash ? slash + 1 : x->wb_part);
	e = read_rels(x, rels_part, x->d);
	if (e)
		return e;

	/* styles (percentage formats) */
	r = rel_by_type(x, "styles");
	if (r ? resolve(x->wb_part, r->target, part, sizeof(part))
	      : resolve(x->wb_part, "styles.xml", part, sizeof(part))) {
		x->part = part;
		e = cj_zx_parse(x->z, part, &sth, x, x->d);
		if (e && e != CJ_ERR_NOTFOUND)
			return e;
	}

	/* shared strings */
	r = rel_by_type(x, "sharedStrings");
	if (r ? resolve(x->wb_part, r->target, part, sizeof(part))
	      : resolve(x->wb_part, "sharedStrings.xml", part, sizeof(part))) {
		x->part = part;
		x->collect = 0;
		e = cj_zx_parse(x->z, part, &ssh, x, x->d);
		if (e && e != CJ_ERR_NOTFOUND)
			return e;
	}

	for (i = 0; i < x->nsheets; i++) {
		e = read_sheet(x, &x->sheets[i]);
		if (e)
			return e;
	}
	return CJ_OK;
}

enum cj_err cj_xlsx_read(const void *buf, size_t len, const char *filename,
			 struct cj_accounts **out, struct cj_diag *d)
{
	struct xr x;
	enum cj_err e;
	size_t i;

	if (!out || (!buf && len))
		return cj_fail(d, CJ_ERR_USAGE, "cj_xlsx_read: 参数无效");
	memset(&x, 0, sizeof(x));
	x.d = d;
	x.file = filename ? filename : "";
	cj_wb_grid_init(&x.g);
	cj_buf_init(&x.text, MAX_TEXT + 1);
	e = cj_zx_open(buf, len, x.file, &x.z, d);
	if (!e)
		e = read_workbook(&x);
	if (!e)
		e = cj_wb_grid_finish(&x.g, d);
	if (!e)
		e = cj_wb_read_grid(&x.g, filename, out, d);
	if (e)
		cj_diag_locate(d, filename, 0);
	cj_zx_close(x.z);
	for (i = 0; i < x.nsheets; i++)
		cj_free(x.sheets[i].name);
	cj_free(x.sheets);
	cj_free(x.rels);
	cj_free(x.xf_pct);
	cj_free(x.sst_off);
	cj_free(x.sst_len);
	cj_free(x.merges);
	cj_buf_release(&x.text);
	cj_wb_grid_release(&x.g);
	return e;
}

enum cj_err cj_xlsx_read_file(const char *path, struct cj_accounts **out, struct cj_diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	enum cj_err e;

	if (!path || !out)
		return cj_fail(d, CJ_ERR_USAGE, "cj_xlsx_read_file: 参数无效");
	e = cj_file_read(path, CJ_XLSX_MAX_FILE, &buf, &len, d);
	if (e) {
		cj_diag_locate(d, path, 0);
		return e;
	}
	e = cj_xlsx_read(buf, len, path, out, d);
	cj_free(buf);
	return e;
}
