/*
 * yaml_read.c - dataset.yaml -> struct cj_accounts, driven by the schema.
 *
 * Three passes over the bytes:
 *  1. check the encoding ourselves (BOM stripped, strict UTF-8), so the
 *     message can name the line and hint at GB18030;
 *  2. stream the libyaml events once and refuse what the schema walk must
 *     never see: syntax errors, anchors and aliases (they turn the tree into
 *     a graph and let a small file expand exponentially), a second
 *     document, nesting deeper than MAX_DEPTH, more than MAX_NODES nodes;
 *  3. load the document (yaml_parser_load, so every node keeps its
 *     start_mark) and walk the schema table over the node tree.
 *
 * The walk writes straight into a zeroed struct cj_accounts and keeps it
 * freeable at every step: an array is stored together with its length the
 * moment it is allocated (its elements are zero, so freeing them is a
 * no-op), a string the moment it is copied.  On any error the cleanup is
 * cj_accounts_free() of the partial record.
 *
 * Element locations: a list field's loc_off (schema.h) says where each
 * element records its line.  The element tables that decide how many digits
 * a code must have (项 rows 7, economic 款 rows 5, stated 类/款 rows 3 or 5)
 * are resolved from the schema at the start of a read.
 *
 * Not done here: codes against the classification table, sums, anything
 * that compares figures (calc/ and rules/ do that).
 */
#include "yaml_read.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"
#include "../model/schema.h"

#define MAX_DEPTH 32     /* nested mappings/sequences */
#define MAX_NODES 100000 /* scalars + mappings + sequences */
#define SHOW_MAX 40      /* bytes of a bad value quoted in a message */

/* ============================================================ context */

struct reader {
	yaml_document_t *doc;
	struct cj_diag *d;
	const char *file;
	int64_t unit_fen;                /* unit of a bare amount */
	char path[256];                  /* dotted path of the current field */
	size_t plen;
	const struct cj_field *func_tab;   /* element table of 项 rows (7 digits) */
	const struct cj_field *econ_tab;   /* economic 款 rows (5 digits) */
	const struct cj_field *stated_tab; /* stated 类/款 rows (3 or 5 digits) */
};


/* An item of a reasons list written as a mapping. */
static const struct cj_field reason_f[] = {
	{"text", CJ_F_TEXT, offsetof(struct cj_reason, text), NULL, 0, CJ_FF_REQUIRED, "原因",
	 NULL, 0},
	{"amount", CJ_F_MONEY, offsetof(struct cj_reason, amount), NULL, 0, CJ_FF_SIGNED,
	 "该原因涉及的金额", NULL, 0},
	{NULL, CJ_F_TEXT, 0, NULL, 0, 0, NULL, NULL, 0}};

struct any_list {
	void *v;
	size_t n;
};

static enum cj_err fail(struct reader *r, enum cj_err code, unsigned line, const char *fmt,
			...) __attribute__((format(printf, 4, 5)));

/* Record an error located at `line` of the file being read. */
static enum cj_err fail(struct reader *r, enum cj_err code, unsigned line, const char *fmt,
			...)
{
	char msg[CJ_DIAG_MSG_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	msg[cj_utf8_clip(msg, strlen(msg))] = '\0'; /* never end inside a character */
	return cj_fail_at(r->d, code, r->file, line, "%s", msg);
}

static enum cj_err nomem(struct reader *r)
{
	return fail(r, CJ_ERR_NOMEM, 0, "内存不足");
}

/* Bytes of s to quote in a message: at most SHOW_MAX, cut on a character. */
static int show_len(const char *s, size_t len)
{
	return (int)cj_utf8_clip(s, len > SHOW_MAX ? SHOW_MAX : len);
}

/* ================================================================ paths */

static size_t path_push_key(struct reader *r, const char *key)
{
	size_t old = r->plen;

	snprintf(r->path + r->plen, sizeof(r->path) - r->plen, "%s%s", r->plen ? "." : "", key);
	r->plen += strlen(r->path + r->plen);
	return old;
}

/* List indices count from 1, the way a reader counts rows. */
static size_t path_push_index(struct reader *r, size_t i)
{
	size_t old = r->plen;

	snprintf(r->path + r->plen, sizeof(r->path) - r->plen, "[%zu]", i + 1);
	r->plen += strlen(r->path + r->plen);
	return old;
}

static void path_pop(struct reader *r, size_t old)
{
	r->plen = old;
	r->path[old] = '\0';
}

/* The path for "位于 …" (the enclosing mapping). */
static const char *where(const struct reader *r)
{
	return r->plen ? r->path : "文件顶层";
}

/* ================================================================ nodes */

static yaml_node_t *node_at(const struct reader *r, int index)
{
	return yaml_document_get_node(r->doc, index);
}

static unsigned line_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.line + 1;
}

static const char *sval(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static size_t slen(const yaml_node_t *n)
{
	return n->data.scalar.length;
}

static int scalar_is(const yaml_node_t *n, const char *s)
{
	return slen(n) == strlen(s) && memcmp(sval(n), s, slen(n)) == 0;
}

/* An empty value, or a plain ~ / null: the field is absent. */
static int is_null(const yaml_node_t *n)
{
	if (n->type != YAML_SCALAR_NODE)
		return 0;
	if (slen(n) == 0)
		return 1;
	return n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (scalar_is(n, "~") || scalar_is(n, "null") || scalar_is(n, "Null") ||
		scalar_is(n, "NULL"));
}

static const char *kind_zh(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "单个值";
	case YAML_SEQUENCE_NODE: return "列表";
	case YAML_MAPPING_NODE: return "分组（键: 值）";
	case YAML_NO_NODE: break;
	}
	return "空";
}

static const char *expected_zh(enum cj_ftype t)
{
	switch (t) {
	case CJ_F_MAP: return "分组（下一级的 键: 值）";
	case CJ_F_LIST: return "列表（每项以「- 」开头）";
	case CJ_F_TEXTS: return "文字列表（每项以「- 」开头）";
	case CJ_F_REASONS: return "原因列表（每项以「- 」开头）";
	default: break;
	}
	return cj_schema_type_zh(t);
}

static enum cj_err wrong_kind(struct reader *r, enum cj_ftype t, const yaml_node_t *n)
{
	return fail(r, CJ_ERR_SCHEMA, line_of(n), "字段 %s 应为%s，但这里是%s", r->path,
		    expected_zh(t), kind_zh(n));
}

/* The first pair of mapping `m` whose key is `key`; NULL when none. */
static yaml_node_pair_t *find_pair(const struct reader *r, const yaml_node_t *m,
				   const char *key)
{
	yaml_node_pair_t *p;

	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(r, p->key);
		if (k && k->type == YAML_SCALAR_NODE && scalar_is(k, key))
			return p;
	}
	return NULL;
}

/* ======================================================= scalar fields */

static enum cj_err read_money(struct reader *r, const struct cj_field *f, char *base,
			      const yaml_node_t *n)
{
	struct cj_fig *fig = (struct cj_fig *)(void *)(base + f->off);
	struct cj_diag md;
	int64_t fen;
	enum cj_err e;

	if (n->type != YAML_SCALAR_NODE)
		return wrong_kind(r, f->type, n);
	if (is_null(n))
		return CJ_OK;
	cj_diag_init(&md);
	e = cj_money_parse(sval(n), slen(n), r->unit_fen, &fen, &md);
	if (e)
		return fail(r, e, line_of(n), "%s（字段 %s）", md.msg, r->path);
	if (fen < 0 && !(f->flags & CJ_FF_SIGNED))
		return fail(r, CJ_ERR_RANGE, line_of(n), "金额不能为负数：「%.*s」（字段 %s）",
			    show_len(sval(n), slen(n)), sval(n), r->path);
	fig->fen = fen;
	fig->loc.line = line_of(n);
	fig->set = 1;
	return CJ_OK;
}

static enum cj_err read_count(struct reader *r, const struct cj_field *f, char *base,
			      const yaml_node_t *n)
{
	struct cj_count *c = (struct cj_count *)(void *)(base + f->off);
	struct cj_dec x;

	if (n->type != YAML_SCALAR_NODE)
		return wrong_kind(r, f->type, n);
	if (is_null(n))
		return CJ_OK;
	if (cj_dec_parse(sval(n), slen(n), &x, NULL) != CJ_OK || x.scale != 0 || x.v < 0)
		return fail(r, CJ_ERR_SCHEMA, line_of(n), "字段 %s 应为非负整数，但这里是「%.*s」",
			    r->path, show_len(sval(n), slen(n)), sval(n));
	c->n = x.v;
	c->loc.line = line_of(n);
	c->set = 1;
	return CJ_OK;
}

/* "96.61", "96.61%" or "96.61％" -> 9661 bp, scale 2. */
static enum cj_err read_rate(struct reader *r, const struct cj_field *f, char *base,
			     const yaml_node_t *n)
{
	static const int64_t mul[] = {100, 10, 1};
	struct cj_rate *rt = (struct cj_rate *)(void *)(base + f->off);
	const char *s;
	size_t len;
	struct cj_dec x;
	int64_t bp;

	if (n->type != YAML_SCALAR_NODE)
		return wrong_kind(r, f->type, n);
	if (is_null(n))
		return CJ_OK;
	s = sval(n);
	len = slen(n);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= 1 && s[len - 1] == '%')
		len -= 1;
	else if (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x85", 3) == 0) /* ％ */
		len -= 3;
	if (cj_dec_parse(s, len, &x, NULL) != CJ_OK || x.v < 0)
		return fail(r, CJ_ERR_SCHEMA, line_of(n),
			    "字段 %s 应为百分比（如 96.61 或 96.61%%），但这里是「%.*s」", r->path,
			    show_len(s, slen(n)), s);
	if (x.scale > 2)
		return fail(r, CJ_ERR_RANGE, line_of(n),
			    "百分比「%.*s」有%d位小数，最多两位（字段 %s）", show_len(s, slen(n)), s,
			    x.scale, r->path);
	if (cj_mul(x.v, mul[x.scale], &bp) != CJ_OK)
		return fail(r, CJ_ERR_RANGE, line_of(n), "百分比「%.*s」超出范围（字段 %s）",
			    show_len(s, slen(n)), s, r->path);
	rt->bp = bp;
	rt->scale = x.scale;
	rt->loc.line = line_of(n);
	rt->set = 1;
	return CJ_OK;
}

/*
 * Copy a scalar into t (t->s stays NULL when the value is empty).  Block
 * scalars lose their trailing newlines; control characters other than tab
 * and newline (which only quoted escapes can produce) are refused.
 */
static enum cj_err store_text(struct reader *r, struct cj_text *t, const yaml_node_t *n)
{
	const char *s = sval(n);
	size_t len = slen(n), i;

	if (is_null(n))
		return CJ_OK;
	if (n->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
	    n->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
		while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
			len--;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
			return fail(r, CJ_ERR_SCHEMA, line_of(n), "字段 %s 含有控制字符（\\x%02X）",
				    r->path, c);
	}
	if (len == 0)
		return CJ_OK;
	t->s = cj_strndup(s, len);
	if (!t->s)
		return nomem(r);
	t->loc.line = line_of(n);
	return CJ_OK;
}

static enum cj_err read_text(struct reader *r, const struct cj_field *f, char *base,
			     const yaml_node_t *n)
{
	if (n->type != YAML_SCALAR_NODE)
		return wrong_kind(r, f->type, n);
	return store_text(r, (struct cj_text *)(void *)(base + f->off), n);
}

/* A code of digits only; how many depends on the table the row belongs to. */
static enum cj_err read_code(struct reader *r, const struct cj_field *tab,
			     const struct cj_field *f, char *base, const yaml_node_t *n)
{
	const char *s;
	size_t len, i;

	if (n->type != YAML_SCALAR_NODE)
		return wrong_kind(r, f->type, n);
	if (is_null(n))
		return CJ_OK;
	s = sval(n);
	len = slen(n);
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return fail(r, CJ_ERR_SCHEMA, line_of(n),
				    "字段 %s 应为数字编码（如 2013101），但这里是「%.*s」", r->path,
				    show_len(s, len), s);
	if (tab == r->func_tab) {
		if (len != 7)
			return fail(r, CJ_ERR_SCHEMA, line_of(n),
				    "功能分类科目编码应为7位（项级），「%.*s」是%zu位（字段 %s）",
				    show_len(s, len), s, len, r->path);
	} else if (tab == r->econ_tab) {
		if (len != 5)
			return fail(r, CJ_ERR_SCHEMA, line_of(n),
				    "经济分类科目编码应为5位（款级），「%.*s」是%zu位（字段 %s）",
				    show_len(s, len), s, len, r->path);
	} else if (tab == r->stated_tab) {
		if (len != 3 && len != 5)
			return fail(r, CJ_ERR_SCHEMA, line_of(n),
				    "小计行的科目编码应为3位（类级）或5位（款级），「%.*s」是%zu位（字段 %s）",
				    show_len(s, len), s, len, r->path);
	} else {
		if (len != 3 && len != 5 && len != 7)
			return fail(r, CJ_ERR_SCHEMA, line_of(n),
				    "功能分类科目编码应为3位（类）、5位（款）或7位（项），「%.*s」是%zu位（字段 %s）",
				    show_len(s, len), s, len, r->path);
	}
	return store_text(r, (struct cj_text *)(void *)(base + f->off), n);
}

/* ========================================================= list fields */

static enum cj_err walk_map(struct reader *r, const struct cj_field *tab, char *base,
			    const yaml_node_t *m);

/* A list of strings; a single scalar is a list of one.  Empty items are skipped. */
static enum cj_err read_texts(struct reader *r, const struct cj_field *f, char *base,
			      const yaml_node_t *n)
{
	struct cj_texts *t = (struct cj_texts *)(void *)(base + f->off);
	const yaml_node_item_t *it;
	size_t k, i;
	enum cj_err e;

	if (is_null(n))
		return CJ_OK;
	if (n->type == YAML_SCALAR_NODE) {
		t->v = cj_calloc(1, sizeof(*t->v));
		if (!t->v)
			return nomem(r);
		e = store_text(r, &t->v[0], n);
		if (!e && t->v[0].s)
			t->n = 1;
		return e;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return wrong_kind(r, f->type, n);
	k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (k == 0)
		return CJ_OK;
	t->v = cj_calloc(k, sizeof(*t->v));
	if (!t->v)
		return nomem(r);
	for (i = 0, it = n->data.sequence.items.start; i < k; i++, it++) {
		const yaml_node_t *item = node_at(r, *it);
		size_t old = path_push_index(r, i);

		if (!item || item->type != YAML_SCALAR_NODE)
			e = item ? wrong_kind(r, CJ_F_TEXT, item)
				 : fail(r, CJ_ERR_PARSE, line_of(n), "YAML 结构无法读取");
		else
			e = store_text(r, &t->v[t->n], item);
		path_pop(r, old);
		if (e)
			return e;
		if (t->v[t->n].s)
			t->n++;
	}
	return CJ_OK;
}

/*
 * A list of reasons.  An item is a scalar (the text) or a mapping with
 * `text` (required) and `amount` (optional, may be negative).  A single
 * scalar is a list of one.
 */
static enum cj_err read_reasons(struct reader *r, const struct cj_field *f, char *base,
				const yaml_node_t *n)
{
	struct cj_reasons *rs = (struct cj_reasons *)(void *)(base + f->off);
	const yaml_node_item_t *it;
	size_t k, i;
	enum cj_err e = CJ_OK;

	if (is_null(n))
		return CJ_OK;
	if (n->type == YAML_MAPPING_NODE)
		return wrong_kind(r, f->type, n);
	rs->loc.line = line_of(n);
	if (n->type == YAML_SCALAR_NODE) {
		rs->v = cj_calloc(1, sizeof(*rs->v));
		if (!rs->v)
			return nomem(r);
		e = store_text(r, &rs->v[0].text, n);
		if (!e && rs->v[0].text.s) {
			rs->v[0].loc.line = line_of(n);
			rs->n = 1;
		}
		return e;
	}
	k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (k == 0)
		return CJ_OK;
	rs->v = cj_calloc(k, sizeof(*rs->v));
	if (!rs->v)
		return nomem(r);
	for (i = 0, it = n->data.sequence.items.start; i < k && !e; i++, it++) {
		const yaml_node_t *item = node_at(r, *it);
		size_t old = path_push_index(r, i);
		struct cj_reason *one = &rs->v[rs->n];

		if (!item) {
			e = fail(r, CJ_ERR_PARSE, line_of(n), "YAML 结构无法读取");
		} else if (item->type == YAML_SCALAR_NODE) {
			e = store_text(r, &one->text, item);
			if (!e && one->text.s) {
				one->loc.line = line_of(item);
				rs->n++;
			}
		} else if (item->type == YAML_MAPPING_NODE) {
			rs->n++; /* counted first, so a failed walk is still freed */
			one->loc.line = line_of(item);
			e = walk_map(r, reason_f, (char *)one, item);
		} else {
			e = fail(r, CJ_ERR_SCHEMA, line_of(item),
				 "字段 %s 应为一条原因（文字，或含 text、amount 的分组），但这里是%s",
				 r->path, kind_zh(item));
		}
		path_pop(r, old);
	}
	return e;
}

/* A list of mappings: one zeroed array of elem_size elements. */
static enum cj_err read_list(struct reader *r, const struct cj_field *f, char *base,
			     const yaml_node_t *n)
{
	struct any_list *l = (struct any_list *)(void *)(base + f->off);
	const yaml_node_item_t *it;
	size_t k, i;
	enum cj_err e = CJ_OK;

	if (is_null(n))
		return CJ_OK;
	if (n->type != YAML_SEQUENCE_NODE)
		return wrong_kind(r, f->type, n);
	k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (k == 0)
		return CJ_OK;
	l->v = cj_calloc(k, f->elem_size);
	if (!l->v)
		return nomem(r);
	l->n = k;
	for (i = 0, it = n->data.sequence.items.start; i < k && !e; i++, it++) {
		const yaml_node_t *item = node_at(r, *it);
		char *elem = (char *)l->v + i * f->elem_size;
		size_t old = path_push_index(r, i);

		if (!item)
			e = fail(r, CJ_ERR_PARSE, line_of(n), "YAML 结构无法读取");
		else if (item->type != YAML_MAPPING_NODE)
			e = wrong_kind(r, CJ_F_MAP, item);
		else
			e = walk_map(r, f->sub, elem, item);
		if (!e && f->loc_off)
			((struct cj_loc *)(void *)(elem + f->loc_off - 1))->line = line_of(item);
		path_pop(r, old);
	}
	return e;
}

/* ============================================================ mappings */

static enum cj_err walk_field(struct reader *r, const struct cj_field *tab,
			      const struct cj_field *f, char *base, const yaml_node_t *n)
{
	size_t old = path_push_key(r, f->key);
	enum cj_err e = CJ_OK;

	switch (f->type) {
	case CJ_F_MONEY: e = read_money(r, f, base, n); break;
	case CJ_F_COUNT: e = read_count(r, f, base, n); break;
	case CJ_F_RATE: e = read_rate(r, f, base, n); break;
	case CJ_F_TEXT: e = read_text(r, f, base, n); break;
	case CJ_F_CODE: e = read_code(r, tab, f, base, n); break;
	case CJ_F_TEXTS: e = read_texts(r, f, base, n); break;
	case CJ_F_REASONS: e = read_reasons(r, f, base, n); break;
	case CJ_F_LIST: e = read_list(r, f, base, n); break;
	case CJ_F_MAP:
		if (is_null(n))
			break;
		if (n->type != YAML_MAPPING_NODE)
			e = wrong_kind(r, f->type, n);
		else
			e = walk_map(r, f->sub, base + f->off, n);
		break;
	}
	path_pop(r, old);
	return e;
}


/* A typo must not be silently ignored: name the key and suggest the nearest. */
static enum cj_err unknown_key(struct reader *r, const struct cj_field *tab,
			       const yaml_node_t *k)
{
	const struct cj_field *f, *best = NULL;
	size_t bestd = 3, dist;

	for (f = tab; f->key; f++) {
		dist = cj_edit_distance(sval(k), slen(k), f->key, strlen(f->key));
		if (dist < bestd) {
			bestd = dist;
			best = f;
		}
	}
	if (best && bestd < slen(k))
		return fail(r, CJ_ERR_SCHEMA, line_of(k), "未知字段「%.*s」（位于 %s），是否应为「%s」？",
			    show_len(sval(k), slen(k)), sval(k), where(r), best->key);
	return fail(r, CJ_ERR_SCHEMA, line_of(k),
		    "未知字段「%.*s」（位于 %s）；可用的字段见 docs/dataset.md",
		    show_len(sval(k), slen(k)), sval(k), where(r));
}

/* Whether the walk stored a value for f (absent is not zero). */
static int field_stored(const struct cj_field *f, const char *base)
{
	const char *p = base + f->off;

	switch (f->type) {
	case CJ_F_MONEY: return ((const struct cj_fig *)(const void *)p)->set;
	case CJ_F_COUNT: return ((const struct cj_count *)(const void *)p)->set;
	case CJ_F_RATE: return ((const struct cj_rate *)(const void *)p)->set;
	case CJ_F_TEXT:
	case CJ_F_CODE: return ((const struct cj_text *)(const void *)p)->s != NULL;
	case CJ_F_TEXTS: return ((const struct cj_texts *)(const void *)p)->n > 0;
	case CJ_F_REASONS: return ((const struct cj_reasons *)(const void *)p)->n > 0;
	case CJ_F_LIST: return ((const struct any_list *)(const void *)p)->n > 0;
	case CJ_F_MAP: return 1;
	}
	return 0;
}

/*
 * Walk mapping `m` against table `tab` into the struct at `base`: every key
 * must be known and appear once; required fields must have a value.
 */
static enum cj_err walk_map(struct reader *r, const struct cj_field *tab, char *base,
			    const yaml_node_t *m)
{
	yaml_node_pair_t *p, *q;
	const struct cj_field *f;
	enum cj_err e;

	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = node_at(r, p->key), *v = node_at(r, p->value);

		if (!k || !v)
			return fail(r, CJ_ERR_PARSE, line_of(m), "YAML 结构无法读取");
		if (k->type != YAML_SCALAR_NODE)
			return fail(r, CJ_ERR_SCHEMA, line_of(k), "字段名应为文字，但这里是%s（位于 %s）",
				    kind_zh(k), where(r));
		f = cj_schema_find(tab, sval(k), slen(k));
		if (!f)
			return unknown_key(r, tab, k);
		/* keys before p are known and distinct, so this loop is short */
		for (q = m->data.mapping.pairs.start; q < p; q++) {
			const yaml_node_t *qk = node_at(r, q->key);
			if (qk && qk->type == YAML_SCALAR_NODE && scalar_is(qk, f->key))
				return fail(r, CJ_ERR_SCHEMA, line_of(k),
					    "字段「%s」重复（位于 %s，第%u行已出现）", f->key, where(r),
					    line_of(qk));
		}
		e = walk_field(r, tab, f, base, v);
		if (e)
			return e;
	}
	for (f = tab; f->key; f++) {
		if (!(f->flags & CJ_FF_REQUIRED))
			continue;
		p = find_pair(r, m, f->key);
		if (!p)
			return fail(r, CJ_ERR_SCHEMA, line_of(m), "缺少必填字段「%s」（位于 %s）",
				    f->key, where(r));
		if (!field_stored(f, base))
			return fail(r, CJ_ERR_SCHEMA, line_of(node_at(r, p->key)),
				    "必填字段「%s」不能为空（位于 %s）", f->key, where(r));
	}
	return CJ_OK;
}

/* ================================================================ root */

/*
 * The root: `caijue` is checked first (another version means other keys),
 * then `amount_unit` (every amount depends on it), then all keys in order.
 */
static enum cj_err read_root(struct reader *r, struct cj_accounts *a, const yaml_node_t *root)
{
	const struct cj_field *tab = cj_schema_root(), *f;
	yaml_node_pair_t *p;
	const yaml_node_t *v;
	enum cj_err e;

	if (!root || is_null(root))
		return fail(r, CJ_ERR_SCHEMA, root ? line_of(root) : 1,
			    "文件是空的：至少需要 caijue、year、amount_unit 三个字段");
	if (root->type != YAML_MAPPING_NODE)
		return fail(r, CJ_ERR_SCHEMA, line_of(root),
			    "文件顶层应为分组（键: 值），但这里是%s", kind_zh(root));

	p = find_pair(r, root, "caijue");
	f = cj_schema_find(tab, "caijue", 6);
	v = p ? node_at(r, p->value) : NULL;
	if (f && v) {
		e = walk_field(r, tab, f, (char *)a, v);
		if (e)
			return e;
		if (a->schema.set && a->schema.n != 1)
			return fail(r, CJ_ERR_SCHEMA, line_of(v),
				    "不支持的数据文件版本「caijue: %.*s」，目前只支持 1",
				    show_len(sval(v), slen(v)), sval(v));
	}

	p = find_pair(r, root, "amount_unit");
	v = p ? node_at(r, p->value) : NULL;
	if (!v || is_null(v))
		return fail(r, CJ_ERR_SCHEMA, v ? line_of(v) : line_of(root),
			    "缺少必填字段「amount_unit」（位于 文件顶层）：金额单位应为「元」或「万元」");
	if (v->type != YAML_SCALAR_NODE)
		return fail(r, CJ_ERR_SCHEMA, line_of(v),
			    "字段 amount_unit 应为「元」或「万元」，但这里是%s", kind_zh(v));
	if (scalar_is(v, "元"))
		r->unit_fen = CJ_FEN_PER_YUAN;
	else if (scalar_is(v, "万元"))
		r->unit_fen = CJ_FEN_PER_WAN;
	else
		return fail(r, CJ_ERR_SCHEMA, line_of(v),
			    "金额单位「%.*s」无效：amount_unit 只能是「元」或「万元」",
			    show_len(sval(v), slen(v)), sval(v));
	a->unit_fen = r->unit_fen;

	return walk_map(r, tab, (char *)a, root);
}

/* Resolve a dotted schema path ("general_budget.items") to its field. */
static const struct cj_field *schema_path(const char *path)
{
	const struct cj_field *tab = cj_schema_root(), *f = NULL;
	const char *s = path, *dot;

	for (;;) {
		dot = strchr(s, '.');
		if (!tab)
			return NULL;
		f = cj_schema_find(tab, s, dot ? (size_t)(dot - s) : strlen(s));
		if (!f || !dot)
			return f;
		tab = f->type == CJ_F_MAP || f->type == CJ_F_LIST ? f->sub : NULL;
		s = dot + 1;
	}
}

static void resolve_tables(struct reader *r)
{
	const struct cj_field *f;

	f = schema_path("general_budget.items");
	r->func_tab = f && f->type == CJ_F_LIST ? f->sub : NULL;
	f = schema_path("basic_spending.items");
	r->econ_tab = f && f->type == CJ_F_LIST ? f->sub : NULL;
	f = schema_path("general_budget.stated");
	r->stated_tab = f && f->type == CJ_F_LIST ? f->sub : NULL;
}

/* ====================================================== bytes and syntax */

/* Bytes that parse as GB18030 (with at least one multi-byte character). */
static int looks_gb18030(const unsigned char *s, size_t len)
{
	size_t i = 0;
	int multi = 0;

	while (i < len) {
		unsigned c = s[i], c2;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= len)
			return 0;
		c2 = s[i + 1];
		if ((c2 >= 0x40 && c2 <= 0x7E) || (c2 >= 0x80 && c2 <= 0xFE)) {
			i += 2;
		} else if (c2 >= 0x30 && c2 <= 0x39 && i + 3 < len && s[i + 2] >= 0x81 &&
			   s[i + 2] <= 0xFE && s[i + 3] >= 0x30 && s[i + 3] <= 0x39) {
			i += 4;
		} else {
			return 0;
		}
		multi = 1;
	}
	return multi;
}


static enum cj_err check_utf8(struct reader *r, const char *s, size_t len)
{
	size_t bad, bol, eol;

	if (cj_utf8_validate(s, len, &bad))
		return CJ_OK;
	for (bol = bad; bol > 0 && s[bol - 1] != '\n'; bol--)
		;
	for (eol = bad; eol < len && s[eol] != '\n'; eol++)
		;
	/* judge the offending line only: a UTF-8 file may hold one pasted GBK line */
	if (looks_gb18030((const unsigned char *)s + bol, eol - bol))
		return fail(r, CJ_ERR_ENCODING, cj_line_of(s, bad),
			    "文件不是有效的 UTF-8 编码（第%u行第%zu字节）：看起来是 GB18030/GBK 编码，"
			    "请用记事本或 WPS 另存为 UTF-8 编码后再读取",
			    cj_line_of(s, bad), bad - bol + 1);
	return fail(r, CJ_ERR_ENCODING, cj_line_of(s, bad),
		    "文件不是有效的 UTF-8 编码（第%u行第%zu字节），请另存为 UTF-8 编码后再读取",
		    cj_line_of(s, bad), bad - bol + 1);
}

/* Chinese hints for the libyaml problems finance staff meet most. */
static const struct {
	const char *problem;
	const char *hint;
} syntax_hints[] = {
	{"mapping values are not allowed",
	 "（常见原因：值里含有「: 」却没有加引号，或缩进不对）"},
	{"cannot start any token",
	 "（常见原因：用了 Tab 键缩进，或值以 @、` 等符号开头；请用空格缩进，给值加引号）"},
	{"could not find expected ':'", "（常见原因：「键: 值」缺少冒号，或冒号后缺少空格）"},
	{"did not find expected key", "（常见原因：同一层的缩进不一致）"},
	{"did not find expected '-' indicator", "（常见原因：列表项「- 」的缩进不一致）"},
	{"found unexpected end of stream", "（常见原因：引号没有配对）"},
	{"control characters are not allowed", "（文件中含有不可见的控制字符）"},
	{"block sequence entries are not allowed", "（常见原因：「- 」列表项的缩进不对）"},
};

static enum cj_err syntax_error(struct reader *r, const yaml_parser_t *p, const char *s,
				size_t len)
{
	const char *problem = p->problem ? p->problem : "unknown error", *hint = "";
	unsigned line;
	size_t i;

	if (p->error == YAML_MEMORY_ERROR)
		return nomem(r);
	if (p->error == YAML_READER_ERROR)
		line = cj_line_of(s, p->problem_offset < len ? p->problem_offset : len);
	else if (p->context && strstr(p->context, "simple key"))
		line = (unsigned)p->context_mark.line + 1; /* the key, not the next line */
	else
		line = (unsigned)p->problem_mark.line + 1;
	for (i = 0; i < sizeof(syntax_hints) / sizeof(syntax_hints[0]); i++)
		if (strstr(problem, syntax_hints[i].problem))
			hint = syntax_hints[i].hint;
	return fail(r, CJ_ERR_PARSE, line, "YAML 语法错误：%s%s", problem, hint);
}

static void parser_open(yaml_parser_t *p, const char *s, size_t len)
{
	yaml_parser_set_input_string(p, (const unsigned char *)s, len);
	yaml_parser_set_encoding(p, YAML_UTF8_ENCODING);
}

/*
 * Stream the events once, before anything is built: syntax errors,
 * anchors/aliases, extra documents, depth and size limits.
 */
static enum cj_err scan_events(struct reader *r, const char *s, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	enum cj_err e = CJ_OK;
	yaml_event_type_t type;
	int depth = 0, ndocs = 0;
	long nodes = 0;
	unsigned line;
	const unsigned char *anchor;

	if (!yaml_parser_initialize(&p))
		return nomem(r);
	parser_open(&p, s, len);
	do {
		if (!yaml_parser_parse(&p, &ev)) {
			e = syntax_error(r, &p, s, len);
			break;
		}
		type = ev.type;
		line = (unsigned)ev.start_mark.line + 1;
		anchor = NULL;
		switch (type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1)
				e = fail(r, CJ_ERR_SCHEMA, line,
					 "文件中有多个 YAML 文档（以 --- 分隔），只能有一个");
			break;
		case YAML_ALIAS_EVENT:
			e = fail(r, CJ_ERR_SCHEMA, line,
				 "不支持 YAML 别名（*alias）和锚点（&anchor），请把内容直接写出");
			break;
		case YAML_SCALAR_EVENT:
			anchor = ev.data.scalar.anchor;
			nodes++;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = ev.data.sequence_start.anchor;
			nodes++;
			depth++;
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = ev.data.mapping_start.anchor;
			nodes++;
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (!e && anchor)
			e = fail(r, CJ_ERR_SCHEMA, line,
				 "不支持 YAML 别名（*alias）和锚点（&anchor），请把内容直接写出");
		if (!e && depth > MAX_DEPTH)
			e = fail(r, CJ_ERR_TOO_LARGE, line, "嵌套层次过深（超过%d层）", MAX_DEPTH);
		if (!e && nodes > MAX_NODES)
			e = fail(r, CJ_ERR_TOO_LARGE, line, "文件中的值过多（超过%d个）", MAX_NODES);
		yaml_event_delete(&ev);
	} while (!e && type != YAML_STREAM_END_EVENT);
	yaml_parser_delete(&p);
	return e;
}

/* ================================================================= API */

enum cj_err cj_yaml_read(const char *buf, size_t len, const char *filename,
			 struct cj_accounts **out, struct cj_diag *d)
{
	struct reader r;
	struct cj_accounts *a = NULL;
	yaml_parser_t p;
	yaml_document_t doc;
	int have_parser = 0, have_doc = 0;
	const char *s;
	size_t n;
	enum cj_err e;

	memset(&r, 0, sizeof(r));
	r.d = d;
	r.file = filename;
	if (!out || (!buf && len))
		return fail(&r, CJ_ERR_USAGE, 0, "cj_yaml_read: 参数无效");
	if (!buf)
		buf = "";
	n = cj_utf8_bom_len(buf, len);
	s = buf + n;
	n = len - n;

	e = check_utf8(&r, s, n);
	if (e)
		goto out;
	e = scan_events(&r, s, n);
	if (e)
		goto out;

	if (!yaml_parser_initialize(&p)) {
		e = nomem(&r);
		goto out;
	}
	have_parser = 1;
	parser_open(&p, s, n);
	if (!yaml_parser_load(&p, &doc)) {
		e = syntax_error(&r, &p, s, n);
		goto out;
	}
	have_doc = 1;
	r.doc = &doc;
	resolve_tables(&r);

	a = cj_accounts_new();
	if (!a) {
		e = nomem(&r);
		goto out;
	}
	if (filename) {
		a->source = cj_strdup(filename);
		if (!a->source) {
			e = nomem(&r);
			goto out;
		}
	}
	e = read_root(&r, a, yaml_document_get_root_node(&doc));
out:
	if (have_doc)
		yaml_document_delete(&doc);
	if (have_parser)
		yaml_parser_delete(&p);
	if (e) {
		cj_accounts_free(a);
		return e;
	}
	*out = a;
	return CJ_OK;
}

enum cj_err cj_yaml_read_file(const char *path, struct cj_accounts **out, struct cj_diag *d)
{
	FILE *fp;
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0, got;
	enum cj_err e = CJ_OK;

	if (!path || !out)
		return cj_fail(d, CJ_ERR_USAGE, "cj_yaml_read_file: 参数无效");
	fp = fopen(path, "rb");
	if (!fp)
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法打开文件：%s", strerror(errno));
	for (;;) {
		if (len == cap) {
			if (cap > CJ_YAML_MAX_FILE) {
				e = cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0,
					       "文件过大（超过 16 MiB），请检查是否选错了文件");
				goto out;
			}
			cap = cap ? cap * 2 : 65536;
			if (cap > CJ_YAML_MAX_FILE + 1)
				cap = CJ_YAML_MAX_FILE + 1;
			nb = cj_realloc(buf, cap);
			if (!nb) {
				e = cj_fail_at(d, CJ_ERR_NOMEM, path, 0, "内存不足");
				goto out;
			}
			buf = nb;
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		e = cj_fail_at(d, CJ_ERR_IO, path, 0, "无法读取文件：%s", strerror(errno));
		goto out;
	}
	if (len > CJ_YAML_MAX_FILE) {
		e = cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0,
			       "文件过大（超过 16 MiB），请检查是否选错了文件");
		goto out;
	}
	e = cj_yaml_read(buf, len, path, out, d);
out:
	fclose(fp);
	cj_free(buf);
	return e;
}
