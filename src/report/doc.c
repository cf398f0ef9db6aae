/*
 * doc.c - building the document tree (see doc.h).
 *
 * Every builder call copies its strings.  Failures are sticky: on the doc
 * (doc->err), on a table or chart (t->err, c->err, carried into the doc
 * when attached), so report code builds without checking each call and
 * tests one error at the end.
 */
#include "doc.h"

#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"

static char *dup_or_empty(const char *s)
{
	return cj_strdup(s ? s : "");
}

struct cj_doc *cj_doc_new(const char *title, const char *author, int year)
{
	struct cj_doc *d = cj_calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->title = dup_or_empty(title);
	d->author = dup_or_empty(author);
	d->year = year;
	if (!d->title || !d->author) {
		cj_doc_free(d);
		return NULL;
	}
	return d;
}

void cj_doc_free(struct cj_doc *doc)
{
	size_t i;

	if (!doc)
		return;
	for (i = 0; i < doc->n; i++) {
		cj_free(doc->nodes[i].text);
		cj_table_free(doc->nodes[i].table);
		cj_chart_free(doc->nodes[i].chart);
	}
	cj_free(doc->nodes);
	cj_free(doc->title);
	cj_free(doc->author);
	cj_free(doc);
}

static struct cj_node *push(struct cj_doc *doc, enum cj_node_kind kind)
{
	struct cj_node *n;

	if (doc->err)
		return NULL;
	if (doc->n == doc->cap) {
		size_t ncap = doc->cap ? doc->cap * 2 : 64;
		struct cj_node *nv = cj_realloc(doc->nodes, ncap * sizeof(*nv));
		if (!nv) {
			doc->err = CJ_ERR_NOMEM;
			return NULL;
		}
		doc->nodes = nv;
		doc->cap = ncap;
	}
	n = &doc->nodes[doc->n];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	return n;
}

static void push_text(struct cj_doc *doc, enum cj_node_kind kind, int level, const char *text)
{
	struct cj_node *n = push(doc, kind);

	if (!n)
		return;
	n->level = level;
	n->text = dup_or_empty(text);
	if (!n->text) {
		doc->err = CJ_ERR_NOMEM;
		return;
	}
	doc->n++;
}

void cj_doc_heading(struct cj_doc *doc, int level, const char *text)
{
	push_text(doc, CJ_N_HEADING, level, text);
}

void cj_doc_para(struct cj_doc *doc, const char *text)
{
	push_text(doc, CJ_N_PARA, 0, text);
}

void cj_doc_note(struct cj_doc *doc, const char *text)
{
	push_text(doc, CJ_N_NOTE, 0, text);
}

void cj_doc_pagebreak(struct cj_doc *doc)
{
	push_text(doc, CJ_N_PAGEBREAK, 0, "");
}

/* ---------------------------------------------------------------- tables */

struct cj_table *cj_table_new(const char *id, const char *number, const char *title,
			      const char *unit_line, size_t nrows, size_t ncols, size_t header_rows)
{
	struct cj_table *t = cj_calloc(1, sizeof(*t));
	size_t i;

	if (!t)
		return NULL;
	t->nrows = nrows;
	t->ncols = ncols;
	t->header_rows = header_rows;
	t->id = dup_or_empty(id);
	t->number = dup_or_empty(number);
	t->title = dup_or_empty(title);
	t->unit_line = dup_or_empty(unit_line);
	t->note = dup_or_empty("");
	t->cells = cj_calloc(nrows * ncols > 0 ? nrows * ncols : 1, sizeof(*t->cells));
	t->col_width = cj_calloc(ncols ? ncols : 1, 1);
	if (!t->id || !t->number || !t->title || !t->unit_line || !t->note || !t->cells ||
	    !t->col_width) {
		cj_table_free(t);
		return NULL;
	}
	for (i = 0; i < nrows * ncols; i++) {
		t->cells[i].colspan = 1;
		t->cells[i].rowspan = 1;
	}
	for (i = 0; i < ncols; i++)
		t->col_width[i] = 4;
	return t;
}

void cj_table_free(struct cj_table *t)
{
	size_t i;

	if (!t)
		return;
	if (t->cells)
		for (i = 0; i < t->nrows * t->ncols; i++)
			cj_free(t->cells[i].text);
	cj_free(t->cells);
	cj_free(t->col_width);
	cj_free(t->id);
	cj_free(t->number);
	cj_free(t->title);
	cj_free(t->unit_line);
	cj_free(t->note);
	cj_free(t);
}

struct cj_cell *cj_table_set(struct cj_table *t, size_t row, size_t col, const char *text,
			     enum cj_align align)
{
	struct cj_cell *c;
	char *s;

	if (!t || t->err)
		return NULL;
	if (row >= t->nrows || col >= t->ncols) {
		t->err = CJ_ERR_USAGE;
		return NULL;
	}
	s = dup_or_empty(text);
	if (!s) {
		t->err = CJ_ERR_NOMEM;
		return NULL;
	}
	c = &t->cells[row * t->ncols + col];
	cj_free(c->text);
	c->text = s;
	c->align = (unsigned char)align;
	return c;
}

struct cj_cell *cj_table_amount(struct cj_table *t, size_t row, size_t col, int64_t fen)
{
	char buf[48];
	struct cj_cell *c;

	cj_money_format(fen, CJ_FEN_PER_WAN, 2, CJ_FMT_GROUP, buf, sizeof(buf));
	c = cj_table_set(t, row, col, buf, CJ_AL_RIGHT);
	if (c) {
		c->is_amount = 1;
		c->fen = fen;
	}
	return c;
}

void cj_table_span(struct cj_table *t, size_t row, size_t col, size_t rowspan, size_t colspan)
{
	size_t r, c;

	if (!t || t->err)
		return;
	if (!rowspan || !colspan || row + rowspan > t->nrows || col + colspan > t->ncols) {
		t->err = CJ_ERR_USAGE;
		return;
	}
	for (r = row; r < row + rowspan; r++)
		for (c = col; c < col + colspan; c++) {
			t->cells[r * t->ncols + c].colspan = 0;
			t->cells[r * t->ncols + c].rowspan = 0;
		}
	t->cells[row * t->ncols + col].colspan = (unsigned short)colspan;
	t->cells[row * t->ncols + col].rowspan = (unsigned short)rowspan;
}

void cj_table_set_note(struct cj_table *t, const char *note)
{
	char *s;

	if (!t || t->err)
		return;
	s = dup_or_empty(note);
	if (!s) {
		t->err = CJ_ERR_NOMEM;
		return;
	}
	cj_free(t->note);
	t->note = s;
}

void cj_doc_table(struct cj_doc *doc, struct cj_table *t)
{
	struct cj_node *n;

	if (!t) {
		if (!doc->err)
			doc->err = CJ_ERR_NOMEM;
		return;
	}
	if (t->err && !doc->err)
		doc->err = t->err;
	n = push(doc, CJ_N_TABLE);
	if (!n) {
		cj_table_free(t);
		return;
	}
	n->table = t;
	doc->n++;
}

/* ---------------------------------------------------------------- charts */

struct cj_chart *cj_chart_new(const char *id, enum cj_chart_kind kind, const char *title,
			      const char *caption, const char *unit, size_t ncats, size_t nseries)
{
	struct cj_chart *c = cj_calloc(1, sizeof(*c));
	size_t nv = ncats * nseries > 0 ? ncats * nseries : 1;

	if (!c)
		return NULL;
	c->kind = kind;
	c->ncats = ncats;
	c->nseries = nseries;
	c->id = dup_or_empty(id);
	c->title = dup_or_empty(title);
	c->caption = dup_or_empty(caption);
	c->unit = dup_or_empty(unit);
	c->cats = cj_calloc(ncats ? ncats : 1, sizeof(char *));
	c->series = cj_calloc(nseries ? nseries : 1, sizeof(char *));
	c->values = cj_calloc(nv, sizeof(int64_t));
	c->value_labels = cj_calloc(nv, sizeof(char *));
	if (kind == CJ_CHART_PIE)
		c->share_labels = cj_calloc(ncats ? ncats : 1, sizeof(char *));
	if (!c->id || !c->title || !c->caption || !c->unit || !c->cats || !c->series ||
	    !c->values || !c->value_labels || (kind == CJ_CHART_PIE && !c->share_labels)) {
		cj_chart_free(c);
		return NULL;
	}
	return c;
}

void cj_chart_free(struct cj_chart *c)
{
	size_t i;

	if (!c)
		return;
	if (c->cats)
		for (i = 0; i < c->ncats; i++)
			cj_free(c->cats[i]);
	if (c->series)
		for (i = 0; i < c->nseries; i++)
			cj_free(c->series[i]);
	if (c->value_labels)
		for (i = 0; i < c->ncats * c->nseries; i++)
			cj_free(c->value_labels[i]);
	if (c->share_labels)
		for (i = 0; i < c->ncats; i++)
			cj_free(c->share_labels[i]);
	cj_free(c->cats);
	cj_free(c->series);
	cj_free(c->values);
	cj_free(c->value_labels);
	cj_free(c->share_labels);
	cj_free(c->id);
	cj_free(c->title);
	cj_free(c->caption);
	cj_free(c->unit);
	cj_free(c);
}

static void set_str(struct cj_chart *c, char **slot, const char *s)
{
	char *p;

	if (c->err)
		return;
	p = dup_or_empty(s);
	if (!p) {
		c->err = CJ_ERR_NOMEM;
		return;
	}
	cj_free(*slot);
	*slot = p;
}

void cj_chart_set_cat(struct cj_chart *c, size_t i, const char *label)
{
	if (!c || i >= c->ncats) {
		if (c)
			c->err = CJ_ERR_USAGE;
		return;
	}
	set_str(c, &c->cats[i], label);
}

void cj_chart_set_series(struct cj_chart *c, size_t s, const char *name)
{
	if (!c || s >= c->nseries) {
		if (c)
			c->err = CJ_ERR_USAGE;
		return;
	}
	set_str(c, &c->series[s], name);
}

void cj_chart_set_value(struct cj_chart *c, size_t s, size_t i, int64_t fen)
{
	char buf[48];

	if (!c || s >= c->nseries || i >= c->ncats) {
		if (c)
			c->err = CJ_ERR_USAGE;
		return;
	}
	c->values[s * c->ncats + i] = fen;
	cj_wan(fen, buf, sizeof(buf));
	set_str(c, &c->value_labels[s * c->ncats + i], buf);
}

void cj_chart_set_share(struct cj_chart *c, size_t i, int64_t bp)
{
	char buf[32];

	if (!c || !c->share_labels || i >= c->ncats) {
		if (c)
			c->err = CJ_ERR_USAGE;
		return;
	}
	cj_pct_format(bp, buf, sizeof(buf));
	set_str(c, &c->share_labels[i], buf);
}

void cj_doc_chart(struct cj_doc *doc, struct cj_chart *c)
{
	struct cj_node *n;

	if (!c) {
		if (!doc->err)
			doc->err = CJ_ERR_NOMEM;
		return;
	}
	if (c->err && !doc->err)
		doc->err = c->err;
	n = push(doc, CJ_N_CHART);
	if (!n) {
		cj_chart_free(c);
		return;
	}
	n->chart = c;
	doc->n++;
}
