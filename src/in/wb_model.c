/*
 * wb_model.c - the input workbook's layout, derived from the schema (see
 * wb_model.h for the layout itself).
 *
 * The model is built by walking the schema table: every scalar field of a
 * top-level group becomes a key/value row, every list a table, every list
 * inside a list element a child table.  One thing is not in the schema
 * and is named here: the sheet names (short Chinese names; the schema's
 * descriptions are too long for a sheet tab and for struct cj_loc.cell).
 * Where list elements keep their location comes from the schema (loc_off).
 *
 * Not done here: reading or writing cells (wb_read.c, out/template.c).
 */
#include "wb_model.h"

#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "../model/accounts.h"

#define END_FIELD {NULL, CJ_F_TEXT, 0, NULL, 0, 0, NULL, NULL, 0}

/* Sheet names of the top-level groups; a group not named here gets its key. */
static const struct {
	const char *key;
	const char *sheet;
} sheet_names[] = {
	{"unit", "单位概况"},
	{"income", "收入"},
	{"spending", "支出"},
	{"fiscal", "财政拨款"},
	{"general_budget", "一般预算"},
	{"gov_fund", "基金预算"},
	{"state_capital", "国资预算"},
	{"other_funds", "其他资金"},
	{"basic_spending", "基本支出"},
	{"sangong", "三公经费"},
	{"operating_costs", "运行经费"},
	{"procurement", "政府采购"},
	{"assets", "国有资产"},
	{"performance", "绩效"},
	{"glossary", "名词解释"},
};

/* The element of a texts list: one string. */
static const struct cj_field text_elem_f[] = {
	{"text", CJ_F_TEXT, 0, NULL, 0, CJ_FF_REQUIRED, "内容（每行一条）", NULL, 0},
	END_FIELD};

/* The element of a reasons list, as in the YAML mapping form. */
static const struct cj_field reason_elem_f[] = {
	{"text", CJ_F_TEXT, offsetof(struct cj_reason, text), NULL, 0, CJ_FF_REQUIRED,
	 "原因（每行一条）", "增加涉密会议系统项目收入", 0},
	{"amount", CJ_F_MONEY, offsetof(struct cj_reason, amount), NULL, 0, CJ_FF_SIGNED,
	 "该原因涉及的金额（可省略）", "57.55", 0},
	END_FIELD};


struct builder {
	struct cj_wb_model *m;
	struct cj_diag *d;
	const struct cj_field *func_tab;   /* element table of 项 rows */
	const struct cj_field *econ_tab;   /* economic 款 rows */
	const struct cj_field *stated_tab; /* stated 类/款 rows */
};

/* ================================================================ helpers */

static enum cj_err nomem(struct builder *b)
{
	return cj_fail(b->d, CJ_ERR_NOMEM, "内存不足");
}

static int is_scalar(enum cj_ftype t)
{
	return t == CJ_F_MONEY || t == CJ_F_COUNT || t == CJ_F_RATE || t == CJ_F_TEXT ||
	       t == CJ_F_CODE;
}

static int is_collection(enum cj_ftype t)
{
	return t == CJ_F_LIST || t == CJ_F_TEXTS || t == CJ_F_REASONS;
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

static const struct cj_field *list_sub(const char *path)
{
	const struct cj_field *f = schema_path(path);

	return f && f->type == CJ_F_LIST ? f->sub : NULL;
}

static void resolve(struct builder *b)
{
	b->func_tab = list_sub("general_budget.items");
	b->econ_tab = list_sub("basic_spending.items");
	b->stated_tab = list_sub("general_budget.stated");
}

static enum cj_wb_codes codes_of(const struct builder *b, const struct cj_field *tab)
{
	if (tab && tab == b->func_tab)
		return CJ_WB_CODES_FUNC_ITEM;
	if (tab && tab == b->econ_tab)
		return CJ_WB_CODES_ECON;
	if (tab && tab == b->stated_tab)
		return CJ_WB_CODES_FUNC_SUM;
	return CJ_WB_CODES_FUNC_ANY;
}

/* prefix + key into out (CJ_WB_KEY_MAX bytes). */
static enum cj_err join_key(struct builder *b, char *out, const char *prefix, const char *key)
{
	int n = snprintf(out, CJ_WB_KEY_MAX, "%s%s", prefix, key);

	if (n < 0 || n >= CJ_WB_KEY_MAX)
		return cj_fail(b->d, CJ_ERR_TOO_LARGE, "字段路径过长：%s%s", prefix, key);
	return CJ_OK;
}

/* prefix + key + "." into out (CJ_WB_KEY_MAX bytes): the prefix of a nested map. */
static enum cj_err sub_prefix(struct builder *b, char *out, const char *prefix, const char *key)
{
	int n = snprintf(out, CJ_WB_KEY_MAX, "%s%s.", prefix, key);

	if (n < 0 || n >= CJ_WB_KEY_MAX)
		return cj_fail(b->d, CJ_ERR_TOO_LARGE, "字段路径过长：%s%s", prefix, key);
	return CJ_OK;
}

/* a + b + c, owned; NULL when out of memory. */
static char *join_label2(const char *a, const char *b, const char *c)
{
	size_t al = strlen(a), bl = b ? strlen(b) : 0, cl = strlen(c);
	char *s = cj_malloc(al + bl + cl + 1);

	if (!s)
		return NULL;
	memcpy(s, a, al);
	if (bl)
		memcpy(s + al, b, bl);
	memcpy(s + al + bl, c, cl + 1);
	return s;
}

/* prefix + zh, owned. */
static char *join_label(const char *prefix, const char *zh)
{
	size_t pl = strlen(prefix), zl = zh ? strlen(zh) : 0;
	char *s = cj_malloc(pl + zl + 1);

	if (!s)
		return NULL;
	memcpy(s, prefix, pl);
	if (zl)
		memcpy(s + pl, zh, zl);
	s[pl + zl] = '\0';
	return s;
}

/* Grow an array of `size`-byte items to hold one more; zeroes the new item. */
static void *grow(void *v, size_t n, size_t size)
{
	char *nv = cj_realloc(v, (n + 1) * size);

	if (nv)
		memset(nv + n * size, 0, size);
	return nv;
}

/* ================================================================ build */

static enum cj_err add_field(struct builder *b, struct cj_wb_field **v, size_t *n,
			     enum cj_wb_col_kind kind, const struct cj_field *f,
			     const struct cj_field *tab, size_t off, const char *kp,
			     const char *key, const char *lp, const char *zh)
{
	struct cj_wb_field *nv = grow(*v, *n, sizeof(**v)), *c;
	enum cj_err e;

	if (!nv)
		return nomem(b);
	*v = nv;
	c = &nv[*n];
	c->kind = kind;
	c->f = f;
	c->off = off;
	c->codes = codes_of(b, tab);
	e = join_key(b, c->key, kp, key);
	if (e)
		return e;
	c->label = join_label(lp, zh);
	if (!c->label)
		return nomem(b);
	(*n)++;
	return CJ_OK;
}

static int has_collections(const struct cj_field *tab)
{
	for (; tab->key; tab++) {
		if (is_collection(tab->type))
			return 1;
		if (tab->type == CJ_F_MAP && has_collections(tab->sub))
			return 1;
	}
	return 0;
}

/* Columns of a table: the element's scalars, nested groups flattened. */
/* Columns of a table: the element's scalars, nested groups flattened. */
static enum cj_err elem_cols(struct builder *b, struct cj_wb_table *t, const struct cj_field *tab,
			     size_t off, const char *kp, const char *lp)
{
	char nkp[CJ_WB_KEY_MAX];
	char *nlp;
	enum cj_err e = CJ_OK;

	for (; tab->key && !e; tab++) {
		if (is_scalar(tab->type)) {
			/* the element table, not a nested map's, decides the code rule */
			e = add_field(b, &t->cols, &t->ncols, CJ_WBC_FIELD, tab, t->elem,
				      off + tab->off, kp, tab->key, lp, tab->zh);
		} else if (tab->type == CJ_F_MAP) {
			e = sub_prefix(b, nkp, kp, tab->key);
			if (e)
				break;
			nlp = join_label2(lp, tab->zh, "：");
			if (!nlp)
				return nomem(b);
			e = elem_cols(b, t, tab->sub, off + tab->off, nkp, nlp);
			cj_free(nlp);
		}
	}
	return e;
}

static enum cj_err add_table(struct builder *b, struct cj_wb_sheet *s, int parent,
			     const struct cj_field *f, size_t off, const char *path,
			     const char *label);

/*
 * Tables for the collections of a group (top tables, parent -1) or of the
 * element of table `parent` (child tables), through nested groups.
 */
static enum cj_err walk_tables(struct builder *b, struct cj_wb_sheet *s, int parent,
			       const struct cj_field *tab, size_t off, const char *kp,
			       const char *lp)
{
	char nkp[CJ_WB_KEY_MAX];
	char *nlp;
	enum cj_err e = CJ_OK;

	for (; tab->key && !e; tab++) {
		if (tab->type == CJ_F_MAP) {
			e = sub_prefix(b, nkp, kp, tab->key);
			if (e)
				break;
			nlp = join_label2(lp, tab->zh, "：");
			if (!nlp)
				return nomem(b);
			e = walk_tables(b, s, parent, tab->sub, off + tab->off, nkp, nlp);
			cj_free(nlp);
		} else if (is_collection(tab->type)) {
			e = join_key(b, nkp, kp, tab->key);
			if (e)
				break;
			nlp = join_label2(lp, tab->zh, "");
			if (!nlp)
				return nomem(b);
			e = add_table(b, s, parent, tab, off + tab->off, nkp, nlp);
			cj_free(nlp);
		}
	}
	return e;
}

static enum cj_err add_table(struct builder *b, struct cj_wb_sheet *s, int parent,
			     const struct cj_field *f, size_t off, const char *path,
			     const char *label)
{
	struct cj_wb_table *nv = grow(s->tables, s->ntables, sizeof(*s->tables)), *t;
	char kp[CJ_WB_KEY_MAX];
	char *lp;
	int ti;
	enum cj_err e;

	if (!nv)
		return nomem(b);
	s->tables = nv;
	ti = (int)s->ntables++;
	t = &s->tables[ti];
	t->f = f;
	t->off = off;
	t->parent = parent;
	if (strlen(path) >= CJ_WB_KEY_MAX)
		return cj_fail(b->d, CJ_ERR_TOO_LARGE, "字段路径过长：%s", path);
	memcpy(t->path, path, strlen(path) + 1);
	t->label = join_label(label, NULL);
	if (!t->label)
		return nomem(b);
	switch (f->type) {
	case CJ_F_TEXTS:
		t->elem = text_elem_f;
		t->elem_size = sizeof(struct cj_text);
		break;
	case CJ_F_REASONS:
		t->elem = reason_elem_f;
		t->elem_size = sizeof(struct cj_reason);
		t->has_loc = 1;
		t->loc_off = offsetof(struct cj_reason, loc);
		break;
	default:
		t->elem = f->sub;
		t->elem_size = f->elem_size;
		if (f->loc_off) {
			t->has_loc = 1;
			t->loc_off = f->loc_off - 1;
		}
		break;
	}
	t->has_children = has_collections(t->elem);
	if (parent >= 0) {
		e = add_field(b, &t->cols, &t->ncols, CJ_WBC_PARENT, NULL, NULL, 0, "",
			      CJ_WB_KEY_PARENT, "", "所属序号（上表中的序号）");
		if (e)
			return e;
	}
	if (t->has_children) {
		e = add_field(b, &t->cols, &t->ncols, CJ_WBC_NO, NULL, NULL, 0, "", CJ_WB_KEY_NO,
			      "", "序号");
		if (e)
			return e;
	}
	e = elem_cols(b, t, t->elem, 0, "", "");
	if (e || !s->tables[ti].has_children)
		return e;
	/* child tables: their paths and labels continue this table's (t may move) */
	e = sub_prefix(b, kp, path, "");
	if (e)
		return e;
	lp = join_label2(label, "：", "");
	if (!lp)
		return nomem(b);
	e = walk_tables(b, s, ti, s->tables[ti].elem, 0, kp, lp);
	cj_free(lp);
	return e;
}

/* The key/value rows of a group: its scalars, nested groups flattened. */
static enum cj_err walk_scalars(struct builder *b, struct cj_wb_sheet *s,
				const struct cj_field *tab, size_t off, const char *kp,
				const char *lp)
{
	char nkp[CJ_WB_KEY_MAX];
	char *nlp;
	enum cj_err e = CJ_OK;

	for (; tab->key && !e; tab++) {
		if (is_scalar(tab->type)) {
			e = add_field(b, &s->scalars, &s->nscalars, CJ_WBC_FIELD, tab, tab,
				      off + tab->off, kp, tab->key, lp, tab->zh);
		} else if (tab->type == CJ_F_MAP) {
			e = sub_prefix(b, nkp, kp, tab->key);
			if (e)
				break;
			nlp = join_label2(lp, tab->zh, "：");
			if (!nlp)
				return nomem(b);
			e = walk_scalars(b, s, tab->sub, off + tab->off, nkp, nlp);
			cj_free(nlp);
		}
	}
	return e;
}

static struct cj_wb_sheet *add_sheet(struct builder *b, const char *name, const char *title)
{
	struct cj_wb_model *m = b->m;
	struct cj_wb_sheet *nv = grow(m->sheets, m->n, sizeof(*m->sheets)), *s;
	size_t n;

	if (!nv)
		return NULL;
	m->sheets = nv;
	s = &nv[m->n++];
	n = cj_utf8_clip(name, strlen(name) < sizeof(s->name) ? strlen(name) : sizeof(s->name) - 1);
	memcpy(s->name, name, n);
	s->name[n] = '\0';
	s->title = title;
	return s;
}

static const char *sheet_name_of(const struct cj_field *f)
{
	size_t i;

	for (i = 0; i < sizeof(sheet_names) / sizeof(sheet_names[0]); i++)
		if (strcmp(sheet_names[i].key, f->key) == 0)
			return sheet_names[i].sheet;
	return f->key;
}

enum cj_err cj_wb_model_new(struct cj_wb_model **out, struct cj_diag *d)
{
	struct builder b;
	const struct cj_field *root = cj_schema_root(), *f;
	struct cj_wb_sheet *s;
	enum cj_err e = CJ_OK;

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.m = cj_calloc(1, sizeof(*b.m));
	if (!b.m)
		return nomem(&b);
	resolve(&b);

	s = add_sheet(&b, CJ_WB_SHEET_INFO, "部门决算数据填报工作簿");
	if (!s) {
		e = nomem(&b);
		goto out;
	}
	s->tab = root;
	for (f = root; f->key && !e; f++)
		if (is_scalar(f->type))
			e = add_field(&b, &s->scalars, &s->nscalars, CJ_WBC_FIELD, f, root, f->off,
				      "", f->key, "", f->zh);

	for (f = root; f->key && !e; f++) {
		if (is_scalar(f->type))
			continue;
		s = add_sheet(&b, sheet_name_of(f), f->zh);
		if (!s) {
			e = nomem(&b);
			break;
		}
		s->f = f;
		if (f->type == CJ_F_MAP) {
			s->tab = f->sub;
			s->base = f->off;
			/* key/value rows first, so the tables below them can grow */
			e = walk_scalars(&b, s, f->sub, 0, "", "");
			if (!e)
				e = walk_tables(&b, s, -1, f->sub, 0, "", "");
		} else {
			/* a list at the root: one table, relative to the root */
			e = add_table(&b, s, -1, f, f->off, f->key, f->zh);
		}
	}
out:
	if (e) {
		cj_wb_model_free(b.m);
		return e;
	}
	*out = b.m;
	return CJ_OK;
}

static void free_fields(struct cj_wb_field *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cj_free(v[i].label);
	cj_free(v);
}

void cj_wb_model_free(struct cj_wb_model *m)
{
	size_t i, j;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		struct cj_wb_sheet *s = &m->sheets[i];
		free_fields(s->scalars, s->nscalars);
		for (j = 0; j < s->ntables; j++) {
			cj_free(s->tables[j].label);
			free_fields(s->tables[j].cols, s->tables[j].ncols);
		}
		cj_free(s->tables);
	}
	cj_free(m->sheets);
	cj_free(m);
}

const struct cj_wb_sheet *cj_wb_model_sheet(const struct cj_wb_model *m, const char *name,
					    size_t len)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strlen(m->sheets[i].name) == len && memcmp(m->sheets[i].name, name, len) == 0)
			return &m->sheets[i];
	return NULL;
}

/* ================================================================ values */

struct any_list {
	void *v;
	size_t n;
};

int cj_wb_scalar_set(const struct cj_field *f, const char *p)
{
	switch (f->type) {
	case CJ_F_MONEY: return ((const struct cj_fig *)(const void *)p)->set;
	case CJ_F_COUNT: return ((const struct cj_count *)(const void *)p)->set;
	case CJ_F_RATE: return ((const struct cj_rate *)(const void *)p)->set;
	case CJ_F_TEXT:
	case CJ_F_CODE: return ((const struct cj_text *)(const void *)p)->s != NULL;
	default: break;
	}
	return 0;
}

int cj_wb_map_present(const struct cj_field *tab, const char *base)
{
	for (; tab->key; tab++) {
		const char *p = base + tab->off;

		if (is_scalar(tab->type)) {
			if (cj_wb_scalar_set(tab, p))
				return 1;
		} else if (tab->type == CJ_F_MAP) {
			if (cj_wb_map_present(tab->sub, p))
				return 1;
		} else if (((const struct any_list *)(const void *)p)->n > 0) {
			return 1;
		}
	}
	return 0;
}

void cj_wb_col_name(unsigned col, char *buf)
{
	char tmp[4];
	size_t n = 0, i;

	col++;
	while (col && n < 3) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

void cj_wb_cell_name(const char *sheet, unsigned row, unsigned col, char *buf, size_t cap)
{
	char cn[4], ref[24];
	size_t sl = strlen(sheet), rl;

	cj_wb_col_name(col, cn);
	snprintf(ref, sizeof(ref), "!%s%u", cn, row + 1);
	rl = strlen(ref);
	if (cap == 0)
		return;
	if (sl + rl + 1 > cap)
		sl = cap > rl + 1 ? cj_utf8_clip(sheet, cap - rl - 1) : 0;
	memcpy(buf, sheet, sl);
	if (sl + rl + 1 <= cap) {
		memcpy(buf + sl, ref, rl + 1);
	} else {
		size_t k = cap - 1 - sl;
		memcpy(buf + sl, ref, k);
		buf[sl + k] = '\0';
	}
}
