/*
 * codes.c - classification code tables (政府收支分类科目) loaded from CSV.
 *
 * Input format (see codes.h and docs/classification.md):
 *
 *     code,name,level,kind,from,to
 *
 * RFC 4180 quoting is accepted ("a,b", "a""b", line breaks inside quotes);
 * a UTF-8 BOM is stripped; lines starting with '#' and blank lines are
 * skipped anywhere, also before the header.  The four-column header
 * `code,name,level,kind` (no year range: every row open) is accepted too,
 * so a plain per-year catalogue such as gov-classification-2020.csv loads
 * as it is.  Unquoted fields are trimmed of ASCII blanks.
 *
 * Every row is checked and the first problem is reported with file:line:
 * code all digits with the length of its level (function 类/款/项 = 3/5/7,
 * economic 类/款 = 3/5), kind `function` or `economic`, years empty or four
 * digits with from <= to, a non-empty name, and no two rows of one
 * code/kind whose year ranges overlap.  The whole input must be UTF-8
 * without NUL bytes (a GBK file is refused with a hint).
 *
 * This module does not check that a parent code exists (the bundled table
 * is partial), and does not fold or normalise names: lookups by name are
 * exact.
 *
 * Invariants after a successful parse:
 *   - `rows` is sorted by (kind, code, from) with open `from` (0) first, so
 *     the rows of one code are adjacent and in year order; lookups are a
 *     binary search plus a walk over the (few) rows of that code;
 *   - `by_name` holds indices of `rows` sorted by (kind, name, seq), seq
 *     being the row's position in the input, so the first hit of a binary
 *     search is the first match in table order;
 *   - every string points into `text`, one owned copy of the input in which
 *     fields were unquoted in place and NUL-terminated.
 */
#include "codes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/buf.h"
#include "../base/utf8.h"

/* Generated from data/classification.csv by tools/embed.c (see Makefile). */
extern const char cj_codes_default_csv[];
extern const size_t cj_codes_default_csv_len;

#define CODES_MAX_BYTES ((size_t)64 << 20) /* refuse tables past 64 MiB */
#define CODES_SHOW_MAX 60                  /* bytes of a field quoted in a message */
#define NCOLS_FULL 6
#define NCOLS_SHORT 4
#define MAX_FIELDS 8 /* fields kept per record; more are only counted */

enum { LEVEL_LEI = 1, LEVEL_KUAN = 2, LEVEL_XIANG = 3 };

struct code_row {
	const char *code;       /* digits, NUL-terminated, into text */
	const char *name;       /* into text */
	enum cj_code_kind kind;
	int level;              /* LEVEL_* */
	int from, to;           /* fiscal years, 0 = open */
	unsigned line;          /* 1-based line of the record in the input */
	size_t seq;             /* position among the data rows of the input */
};

struct cj_codes {
	char *text;             /* owned copy of the input, fields in place */
	struct code_row *rows;  /* sorted by (kind, code, from) */
	size_t nrows;
	size_t *by_name;        /* indices into rows, sorted by (kind, name, seq) */
};

static const char *const col_names[NCOLS_FULL] = {"code", "name", "level", "kind", "from", "to"};

/* ------------------------------------------------------------------------
 * CSV reader: in place over an owned, NUL-terminated buffer
 * ---------------------------------------------------------------------- */

struct reader {
	char *p;                /* buffer, p[len] == '\0' */
	size_t len;
	size_t pos;             /* read position */
	size_t w;               /* write position; w <= pos always */
	unsigned line;          /* line of p[pos], 1-based */
	const char *name;       /* for messages */
	struct cj_diag *d;
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}


/*
 * Skip blank lines and '#' comment lines at the start of a record.
 * Returns 1 when a record starts at r->pos, 0 at the end of input.
 */
static int skip_ignored(struct reader *r)
{
	while (r->pos < r->len) {
		size_t i = r->pos;

		while (i < r->len && is_blank(r->p[i]))
			i++;
		if (i < r->len && r->p[i] != '\n' && r->p[r->pos] != '#')
			return 1;
		while (i < r->len && r->p[i] != '\n')
			i++;
		if (i < r->len) {
			i++;
			r->line++;
		}
		r->pos = i;
	}
	return 0;
}

/*
 * Read one quoted field starting at the opening quote; the unquoted
 * content is written at r->w.  Leaves r->pos after the closing quote.
 */
static enum cj_err read_quoted(struct reader *r)
{
	unsigned open_line = r->line;

	r->pos++;
	for (;;) {
		char c;

		if (r->pos >= r->len)
			return cj_fail_at(r->d, CJ_ERR_PARSE, r->name, open_line,
					  "引号未闭合：从第%u行开始的带引号字段直到文件末尾都没有结束",
					  open_line);
		c = r->p[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->p[r->pos + 1] == '"') {
				r->p[r->w++] = '"';
				r->pos += 2;
				continue;
			}
			r->pos++;
			break;
		}
		if (c == '\n')
			r->line++;
		r->p[r->w++] = c;
		r->pos++;
	}
	while (r->pos < r->len && is_blank(r->p[r->pos]))
		r->pos++;
	if (r->pos < r->len && r->p[r->pos] != ',' && r->p[r->pos] != '\n')
		return cj_fail_at(r->d, CJ_ERR_PARSE, r->name, r->line,
				  "引号字段结束后只能是逗号或换行");
	return CJ_OK;
}

/* Read one unquoted field: up to ',' or '\n', trimmed of blanks. */
static enum cj_err read_plain(struct reader *r)
{
	size_t start = r->w;

	while (r->pos < r->len && is_blank(r->p[r->pos]))
		r->pos++;
	while (r->pos < r->len && r->p[r->pos] != ',' && r->p[r->pos] != '\n') {
		if (r->p[r->pos] == '"')
			return cj_fail_at(r->d, CJ_ERR_PARSE, r->name, r->line,
					  "未加引号的字段中出现引号（字段含引号时须整体加引号，引号写作两个引号）");
		r->p[r->w++] = r->p[r->pos++];
	}
	while (r->w > start && is_blank(r->p[r->w - 1]))
		r->w--;
	return CJ_OK;
}

/*
 * Read one record.  fields[0..min(*nf, MAX_FIELDS)) point at NUL-terminated
 * fields inside the buffer; *nf is the real number of fields; *line is the
 * line the record starts on.  Returns CJ_OK with *nf == 0 at the end of
 * input.
 */
static enum cj_err read_record(struct reader *r, char **fields, size_t *nf, unsigned *line)
{
	size_t n = 0;

	*nf = 0;
	if (!skip_ignored(r))
		return CJ_OK;
	*line = r->line;
	for (;;) {
		size_t start;
		enum cj_err e;
		char delim;

		while (r->pos < r->len && is_blank(r->p[r->pos]))
			r->pos++;
		start = r->w;
		if (r->pos < r->len && r->p[r->pos] == '"')
			e = read_quoted(r);
		else
			e = read_plain(r);
		if (e)
			return e;
		delim = r->pos < r->len ? r->p[r->pos] : '\n';
		r->p[r->w++] = '\0'; /* w <= pos: overwrites the delimiter at most */
		if (n < MAX_FIELDS)
			fields[n] = r->p + start;
		n++;
		if (r->pos < r->len)
			r->pos++;
		if (delim == '\n') {
			r->line++;
			break;
		}
	}
	*nf = n;
	return CJ_OK;
}

/* ------------------------------------------------------------------------
 * Row checks
 * ---------------------------------------------------------------------- */

/* Length of `s` clipped for quoting in a message, on a UTF-8 boundary. */
static int show_len(const char *s)
{
	size_t n = strlen(s);

	if (n > CODES_SHOW_MAX)
		n = cj_utf8_clip(s, CODES_SHOW_MAX);
	return (int)n;
}


/* Parse an optional year: "" -> 0, "2019" -> 2019; -1 if malformed. */
static int parse_year(const char *s)
{
	if (!*s)
		return 0;
	if (strlen(s) != 4 || !cj_ascii_all_digits(s) || s[0] == '0')
		return -1;
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

static enum cj_err check_header(struct reader *r, char **f, size_t nf, unsigned line,
				size_t *ncols)
{
	size_t i;

	if (nf == 0)
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, 0,
				  "科目表为空：缺少表头 code,name,level,kind,from,to");
	if (nf != NCOLS_FULL && nf != NCOLS_SHORT)
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
				  "表头应为 code,name,level,kind,from,to，实际有%zu列", nf);
	for (i = 0; i < nf; i++)
		if (strcmp(f[i], col_names[i]) != 0)
			return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
					  "表头应为 code,name,level,kind,from,to，第%zu列应为“%s”，实际为“%.*s”",
					  i + 1, col_names[i], show_len(f[i]), f[i]);
	*ncols = nf;
	return CJ_OK;
}

/* Check one data record of exactly `ncols` fields and fill *row. */
static enum cj_err check_row(struct reader *r, char **f, size_t ncols, unsigned line,
			     struct code_row *row)
{
	static const char *const level_names[] = {"", "类", "款", "项"};
	const char *code = f[0], *name = f[1], *level = f[2], *kind = f[3];
	size_t code_len, want_len;
	const char *p;

	if (!*code)
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line, "科目编码为空");
	if (!cj_ascii_all_digits(code))
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
				  "科目编码“%.*s”含非数字字符", show_len(code), code);

	if (strcmp(kind, "function") == 0)
		row->kind = CJ_CODE_FUNC;
	else if (strcmp(kind, "economic") == 0)
		row->kind = CJ_CODE_ECON;
	else
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
				  "分类“%.*s”无效，应为 function（支出功能分类）或 economic（支出经济分类）",
				  show_len(kind), kind);

	if (strcmp(level, "类") == 0)
		row->level = LEVEL_LEI;
	else if (strcmp(level, "款") == 0)
		row->level = LEVEL_KUAN;
	else if (strcmp(level, "项") == 0)
		row->level = LEVEL_XIANG;
	else
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
				  "级次“%.*s”无效，应为 类、款 或 项", show_len(level), level);
	if (row->kind == CJ_CODE_ECON && row->level == LEVEL_XIANG)
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
				  "支出经济分类只有类、款两级，没有“项”");

	code_len = strlen(code);
	want_len = 1 + 2 * (size_t)row->level; /* 3, 5, 7 */
	if (code_len != want_len)
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
				  "科目编码“%s”为%zu位，与级次“%s”不符（应为%zu位）",
				  code, code_len, level_names[row->level], want_len);

	if (!*name)
		return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line, "编码%s的名称为空", code);
	for (p = name; *p; p++)
		if ((unsigned char)*p < 0x20)
			return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
					  "编码%s的名称含控制字符（如换行）", code);

	row->from = row->to = 0;
	if (ncols == NCOLS_FULL) {
		row->from = parse_year(f[4]);
		if (row->from < 0)
			return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
					  "起始年度“%.*s”无效，应为空或4位数字年份",
					  show_len(f[4]), f[4]);
		row->to = parse_year(f[5]);
		if (row->to < 0)
			return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
					  "截止年度“%.*s”无效，应为空或4位数字年份",
					  show_len(f[5]), f[5]);
		if (row->from && row->to && row->from > row->to)
			return cj_fail_at(r->d, CJ_ERR_SCHEMA, r->name, line,
					  "起始年度%d晚于截止年度%d", row->from, row->to);
	}
	row->code = code;
	row->name = name;
	row->line = line;
	return CJ_OK;
}

/* ------------------------------------------------------------------------
 * Sorting and the overlap check
 * ---------------------------------------------------------------------- */

static int cmp_row(const void *a, const void *b)
{
	const struct code_row *x = a, *y = b;
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	c = strcmp(x->code, y->code);
	if (c)
		return c;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* by_name sorts indices; qsort has no context pointer, hence this. */
struct name_key {
	const struct code_row *row;
	size_t idx;
};

static int cmp_name_key(const void *a, const void *b)
{
	const struct name_key *x = a, *y = b;
	int c;

	if (x->row->kind != y->row->kind)
		return x->row->kind < y->row->kind ? -1 : 1;
	c = strcmp(x->row->name, y->row->name);
	if (c)
		return c;
	return x->row->seq < y->row->seq ? -1 : x->row->seq > y->row->seq;
}

/* 1 if the year ranges of a and b overlap (a sorted before b). */
static int ranges_overlap(const struct code_row *a, const struct code_row *b)
{
	/* a->from <= b->from (0 = open sorts first), so only a's end matters. */
	if (b->from == 0 || a->to == 0)
		return 1;
	return a->to >= b->from;
}

static void format_range(char *out, size_t cap, const struct code_row *row)
{
	if (row->from && row->to)
		snprintf(out, cap, "%d–%d年", row->from, row->to);
	else if (row->from)
		snprintf(out, cap, "%d年起", row->from);
	else if (row->to)
		snprintf(out, cap, "至%d年", row->to);
	else
		snprintf(out, cap, "不限年度");
}

/* Report the overlapping pair whose later row comes first in the input. */
static enum cj_err check_overlaps(const struct cj_codes *c, const char *name, struct cj_diag *d)
{
	const struct code_row *bad_a = NULL, *bad_b = NULL;
	unsigned bad_line = 0;
	char ra[32], rb[32];
	size_t i;

	for (i = 1; i < c->nrows; i++) {
		const struct code_row *a = &c->rows[i - 1], *b = &c->rows[i];
		unsigned later;

		if (a->kind != b->kind || strcmp(a->code, b->code) != 0 || !ranges_overlap(a, b))
			continue;
		later = a->line > b->line ? a->line : b->line;
		if (!bad_a || later < bad_line) {
			bad_a = a->line < b->line ? a : b;
			bad_b = a->line < b->line ? b : a;
			bad_line = later;
		}
	}
	if (!bad_a)
		return CJ_OK;
	format_range(ra, sizeof(ra), bad_a);
	format_range(rb, sizeof(rb), bad_b);
	return cj_fail_at(d, CJ_ERR_SCHEMA, name, bad_line,
			  "编码%s的年度范围重叠：本行“%.*s”（%s）与第%u行“%.*s”（%s）",
			  bad_b->code, show_len(bad_b->name), bad_b->name, rb, bad_a->line,
			  show_len(bad_a->name), bad_a->name, ra);
}

/* ------------------------------------------------------------------------
 * Parsing
 * ---------------------------------------------------------------------- */

/*
 * Parse `text` (len bytes, text[len] == '\0'), taking ownership of it:
 * it is freed on failure or by cj_codes_free().
 */
static enum cj_err parse_owned(char *text, size_t len, const char *name,
			       struct cj_codes **out, struct cj_diag *d)
{
	struct cj_codes *c = NULL;
	struct name_key *keys = NULL;
	struct reader r;
	char *f[MAX_FIELDS];
	size_t nf, ncols = 0, cap, i, bom, bad_off;
	unsigned line = 0;
	enum cj_err e;

	if (!name)
		name = "科目表";
	bom = cj_utf8_bom_len(text, len);
	if (memchr(text, '\0', len)) {
		bad_off = (size_t)((char *)memchr(text, '\0', len) - text);
		e = cj_fail_at(d, CJ_ERR_ENCODING, name, cj_line_of(text, bad_off),
			       "科目表含NUL字节（第%zu字节），不是文本文件", bad_off + 1);
		goto out;
	}
	if (!cj_utf8_validate(text + bom, len - bom, &bad_off)) {
		bad_off += bom;
		e = cj_fail_at(d, CJ_ERR_ENCODING, name, cj_line_of(text, bad_off),
			       "科目表不是有效的UTF-8编码（第%zu字节）；GBK/GB18030文件请先另存为UTF-8",
			       bad_off + 1);
		goto out;
	}

	c = cj_calloc(1, sizeof(*c));
	if (!c) {
		e = cj_fail(d, CJ_ERR_NOMEM, "内存不足，无法载入科目表");
		goto out;
	}
	c->text = text;
	text = NULL;

	/* Records <= lines, so one allocation holds every row. */
	cap = 1;
	for (i = bom; i < len; i++)
		if (c->text[i] == '\n')
			cap++;
	c->rows = cj_malloc(cap * sizeof(*c->rows));
	if (!c->rows) {
		e = cj_fail(d, CJ_ERR_NOMEM, "内存不足，无法载入科目表");
		goto out;
	}

	r.p = c->text;
	r.len = len;
	r.pos = r.w = bom;
	r.line = 1;
	r.name = name;
	r.d = d;

	e = read_record(&r, f, &nf, &line);
	if (e)
		goto out;
	e = check_header(&r, f, nf, line, &ncols);
	if (e)
		goto out;
	for (;;) {
		struct code_row *row;

		e = read_record(&r, f, &nf, &line);
		if (e)
			goto out;
		if (nf == 0)
			break;
		if (nf != ncols) {
			e = cj_fail_at(d, CJ_ERR_SCHEMA, name, line, "应有%zu列，实际有%zu列",
				       ncols, nf);
			goto out;
		}
		row = &c->rows[c->nrows];
		row->seq = c->nrows;
		e = check_row(&r, f, ncols, line, row);
		if (e)
			goto out;
		c->nrows++;
	}

	qsort(c->rows, c->nrows, sizeof(*c->rows), cmp_row);
	e = check_overlaps(c, name, d);
	if (e)
		goto out;

	keys = cj_malloc((c->nrows ? c->nrows : 1) * sizeof(*keys));
	c->by_name = cj_malloc((c->nrows ? c->nrows : 1) * sizeof(*c->by_name));
	if (!keys || !c->by_name) {
		e = cj_fail(d, CJ_ERR_NOMEM, "内存不足，无法载入科目表");
		goto out;
	}
	for (i = 0; i < c->nrows; i++) {
		keys[i].row = &c->rows[i];
		keys[i].idx = i;
	}
	qsort(keys, c->nrows, sizeof(*keys), cmp_name_key);
	for (i = 0; i < c->nrows; i++)
		c->by_name[i] = keys[i].idx;

	*out = c;
	c = NULL;
	e = CJ_OK;
out:
	cj_free(keys);
	cj_free(text);
	cj_codes_free(c);
	return e;
}

enum cj_err cj_codes_parse(const char *csv, size_t len, const char *name,
			   struct cj_codes **out, struct cj_diag *d)
{
	char *text;

	if (!out || (!csv && len))
		return cj_fail(d, CJ_ERR_USAGE, "cj_codes_parse：参数无效");
	if (len > CODES_MAX_BYTES)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0, "科目表超过%zu MiB上限",
				  CODES_MAX_BYTES >> 20);
	text = cj_strndup(csv ? csv : "", len);
	if (!text)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足，无法载入科目表");
	return parse_owned(text, len, name, out, d);
}

enum cj_err cj_codes_load(const char *path, struct cj_codes **out, struct cj_diag *d)
{
	struct cj_buf b;
	char chunk[16384];
	size_t n, len;
	char *text;
	FILE *fp;
	int failed;

	if (!path || !out)
		return cj_fail(d, CJ_ERR_USAGE, "cj_codes_load：参数无效");
	fp = fopen(path, "rb");
	if (!fp) {
		if (errno == ENOENT)
			return cj_fail_at(d, CJ_ERR_IO, path, 0, "科目表文件不存在");
		if (errno == EACCES)
			return cj_fail_at(d, CJ_ERR_IO, path, 0, "没有读取科目表文件的权限");
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法打开科目表文件（%s）",
				  strerror(errno));
	}
	cj_buf_init(&b, CODES_MAX_BYTES);
	for (;;) {
		n = fread(chunk, 1, sizeof(chunk), fp);
		if (n == 0 || cj_buf_put(&b, chunk, n))
			break;
	}
	failed = ferror(fp);
	fclose(fp);
	if (failed) {
		cj_buf_release(&b);
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "读取科目表文件失败");
	}
	if (cj_buf_err(&b) == CJ_ERR_TOO_LARGE) {
		cj_buf_release(&b);
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0, "科目表超过%zu MiB上限",
				  CODES_MAX_BYTES >> 20);
	}
	text = cj_buf_detach(&b, &len);
	if (!text) {
		cj_buf_release(&b);
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足，无法载入科目表");
	}
	return parse_owned(text, len, path, out, d);
}

enum cj_err cj_codes_default(struct cj_codes **out, struct cj_diag *d)
{
	return cj_codes_parse(cj_codes_default_csv, cj_codes_default_csv_len,
			      "内置科目表(data/classification.csv)", out, d);
}

void cj_codes_free(struct cj_codes *c)
{
	if (!c)
		return;
	cj_free(c->by_name);
	cj_free(c->rows);
	cj_free(c->text);
	cj_free(c);
}

/* ------------------------------------------------------------------------
 * Lookups
 * ---------------------------------------------------------------------- */

/* Index of the first row of (kind, code), or c->nrows if there is none. */
static size_t find_code(const struct cj_codes *c, enum cj_code_kind kind, const char *code)
{
	size_t lo = 0, hi = c->nrows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct code_row *row = &c->rows[mid];
		int cmp = row->kind != kind ? (row->kind < kind ? -1 : 1) : strcmp(row->code, code);

		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->nrows && c->rows[lo].kind == kind && strcmp(c->rows[lo].code, code) == 0)
		return lo;
	return c->nrows;
}

const char *cj_codes_name(const struct cj_codes *c, enum cj_code_kind kind,
			  const char *code, int year)
{
	size_t i;

	if (!c || !code)
		return NULL;
	for (i = find_code(c, kind, code); i < c->nrows; i++) {
		const struct code_row *row = &c->rows[i];

		if (row->kind != kind || strcmp(row->code, code) != 0)
			break;
		if ((row->from == 0 || row->from <= year) && (row->to == 0 || year <= row->to))
			return row->name;
	}
	return NULL;
}

int cj_codes_known_any_year(const struct cj_codes *c, enum cj_code_kind kind,
			    const char *code)
{
	if (!c || !code)
		return 0;
	return find_code(c, kind, code) < c->nrows;
}

int cj_codes_find_name(const struct cj_codes *c, enum cj_code_kind kind,
		       const char *name, const char **code, int *from, int *to)
{
	size_t lo = 0, hi;
	const struct code_row *row;

	if (!c || !name)
		return 0;
	hi = c->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct code_row *m = &c->rows[c->by_name[mid]];
		int cmp = m->kind != kind ? (m->kind < kind ? -1 : 1) : strcmp(m->name, name);

		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= c->nrows)
		return 0;
	row = &c->rows[c->by_name[lo]];
	if (row->kind != kind || strcmp(row->name, name) != 0)
		return 0;
	if (code)
		*code = row->code;
	if (from)
		*from = row->from;
	if (to)
		*to = row->to;
	return 1;
}

/* ------------------------------------------------------------------------
 * Iteration (the workbook's drop-down lists, src/out/template.c)
 * ---------------------------------------------------------------------- */

size_t cj_codes_count(const struct cj_codes *c)
{
	return c ? c->nrows : 0;
}

int cj_codes_row(const struct cj_codes *c, size_t i, enum cj_code_kind *kind,
		 const char **code, const char **name, int *from, int *to)
{
	const struct code_row *row;

	if (!c || i >= c->nrows)
		return 0;
	row = &c->rows[i];
	if (kind)
		*kind = row->kind;
	if (code)
		*code = row->code;
	if (name)
		*name = row->name;
	if (from)
		*from = row->from;
	if (to)
		*to = row->to;
	return 1;
}
