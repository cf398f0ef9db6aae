/*
 * table.c - tables of a published report (Markdown "| a | b |" rows, and
 * the TAB-separated rows text extraction makes of HTML, DOCX and PDF
 * tables) as structures for AUD-SUM / AUD-SUM-ROUNDING (checks_sum.c):
 *
 *   classification tables (公开02/03/05/08/09表): in each column, a 类 row
 *   (3-digit code) is the sum of its 款 rows, a 款 row (5 digits) the sum
 *   of its 项 rows (7 digits), and the 合计 row the sum of the 类 rows;
 *   simple tables: a 合计/总计 row that is the table's last is the sum of
 *   the rows just above it, in each column where all of them hold a value.
 *
 * Only cells that hold one number and nothing else count; an empty cell
 * is no value (DOMAIN.md 6), so a column with a gap is not summed.  A
 * table with more than one total-like row (本年收入合计 and 总计 in 公开01表,
 * 小计 rows) is not read as a simple table: its rows are not all parts.
 * Tables printed one cell per line (the seed's annex) are not tables here.
 */
#include <string.h>

#include "../base/alloc.h"
#include "audit.h"

#define MAX_CELLS 64
#define MAX_ROWS 512

struct row {
	uint32_t para;
	unsigned ncell;
	uint32_t fig[MAX_CELLS]; /* the number alone in cell j, or AUD_NONE */
	uint8_t ord[MAX_CELLS];  /* cell j is the ord-th number of the row */
	char code[8];           /* classification code of the row, "" if none */
	int total;              /* 合计 / 总计 row */
	int totalish;           /* any label with 合计, 小计 or 总计 */
};

/* Cell j of paragraph p: [a, b) without spaces and Markdown stars. */
static void trim(const char *s, uint32_t *a, uint32_t *b)
{
	while (*a < *b && (s[*a] == ' ' || s[*a] == '*'))
		(*a)++;
	while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '*'))
		(*b)--;
}

static void read_row(struct aud_doc *doc, uint32_t p, struct row *r)
{
	const struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, i = 0;
	uint32_t fi = para->fig0, fend = para->fig0 + para->nfig;
	int md;

	memset(r, 0, sizeof(*r));
	r->para = p;
	while (i < len && s[i] == ' ')
		i++;
	md = i < len && s[i] == '|';
	if (md)
		i++;
	while (i <= len && r->ncell < MAX_CELLS) {
		uint32_t a = (uint32_t)i, b, x, y, only = AUD_NONE, nfig = 0;
		while (i < len && s[i] != '\t' && !(md && s[i] == '|'))
			i++;
		if (md && i == len && a == len)
			break;
		b = (uint32_t)i;
		x = a;
		y = b;
		trim(s, &x, &y);
		/* the figures in this cell */
		while (fi < fend && doc->figs[fi].off < a)
			fi++;
		while (fi < fend && doc->figs[fi].off < b) {
			const struct aud_fig *f = &doc->figs[fi];
			if (f->kind != AUD_YEAR) {
				nfig++;
				if (f->off == x && f->end == y)
					only = fi;
			}
			fi++;
		}
		r->fig[r->ncell] = nfig == 1 ? only : AUD_NONE;
		/* a code cell holds a bare integer: not a value */
		if (nfig == 1 && only != AUD_NONE && doc->figs[only].kind == AUD_BARE &&
		    doc->figs[only].val.scale == 0) {
			r->fig[r->ncell] = AUD_NONE;
			nfig = 0;
		}
		if (nfig == 0 && y > x) {
			/* a label: a code, or a total */
			uint32_t q, d = 0;
			for (q = x; q < y && s[q] >= '0' && s[q] <= '9'; q++)
				d++;
			if (q == y && (d == 3 || d == 5 || d == 7) && s[x] == '2' && !r->code[0]) {
				memcpy(r->code, s + x, d);
				r->code[d] = '\0';
			}
			if ((y - x == 6 && (memcmp(s + x, "合计", 6) == 0 || memcmp(s + x, "总计", 6) == 0)))
				r->total = 1;
			for (q = x; q + 6 <= y; q++)
				if (memcmp(s + q, "合计", 6) == 0 || memcmp(s + q, "小计", 6) == 0 ||
				    memcmp(s + q, "总计", 6) == 0)
					r->totalish = 1;
		}
		r->ncell++;
		i++;
	}
	{
		unsigned j, o = 0;
		for (j = 0; j < r->ncell; j++)
			r->ord[j] = (uint8_t)(r->fig[j] != AUD_NONE ? o++ : 255);
	}
}

/*
 * Are cell `col` of rows a and b in one column?  The cell index says so in
 * Markdown and HTML; a PDF or a DOCX with merged cells loses empty cells,
 * so the number's rank in its row must agree too, or the column is not
 * trusted.
 */
static int aligned(const struct row *a, const struct row *b, unsigned col)
{
	return col < a->ncell && col < b->ncell && a->ord[col] == b->ord[col];
}

/* Is fig k a value a column can be summed with? */
static int summable(const struct aud_doc *doc, uint32_t k)
{
	const struct aud_fig *f;

	if (k == AUD_NONE)
		return 0;
	f = &doc->figs[k];
	return (f->kind == AUD_AMOUNT || f->kind == AUD_COUNT) && !(f->flags & AUD_F_APPROX);
}

static void add(struct aud_doc *doc, uint32_t p, uint32_t total, const uint32_t *parts,
		unsigned n)
{
	struct aud_struct *st;
	unsigned i;

	st = cj_aud_push(doc, (void **)&doc->structs, &doc->nstruct, &doc->capstruct, sizeof(*st));
	if (!st)
		return;
	st->kind = AUD_S_TABLE;
	st->para = p;
	st->total = total;
	st->head = AUD_NONE;
	st->evidence = AUD_E_TABLE;
	st->part0 = (uint32_t)doc->npart;
	st->nparts = n;
	doc->figs[total].flags |= AUD_F_TOTAL;
	for (i = 0; i < n; i++) {
		struct aud_part *pp =
			cj_aud_push(doc, (void **)&doc->parts, &doc->npart, &doc->cappart, sizeof(*pp));
		if (!pp)
			return;
		pp->fig = parts[i];
		pp->share = AUD_NONE;
	}
}

/*
 * One column of a classification table: each row of code length `plen`
 * (or the 合计 row when plen is 0) against the rows of the next level that
 * carry its code as a prefix.
 */
static void code_sums(struct aud_doc *doc, const struct row *rows, unsigned nrow, unsigned col,
		      size_t plen, size_t clen)
{
	uint32_t parts[MAX_ROWS];
	unsigned i, j, n;

	for (i = 0; i < nrow; i++) {
		const struct row *t = &rows[i];
		int ok = 1;
		if (col >= t->ncell || !summable(doc, t->fig[col]))
			continue;
		if (plen ? strlen(t->code) != plen : !t->total)
			continue;
		n = 0;
		for (j = 0; j < nrow && ok; j++) {
			const struct row *c = &rows[j];
			if (strlen(c->code) != clen || (plen && memcmp(c->code, t->code, plen) != 0))
				continue;
			if (col >= c->ncell || !summable(doc, c->fig[col]) || !aligned(t, c, col) ||
			    doc->figs[c->fig[col]].kind != doc->figs[t->fig[col]].kind) {
				ok = 0; /* a gap: the column is not summed here */
				break;
			}
			if (n < MAX_ROWS)
				parts[n++] = c->fig[col];
		}
		if (ok && n >= 1)
			add(doc, t->para, t->fig[col], parts, n);
	}
}

/* A simple table: a final 合计 row against the rows just above it. */
static void simple_sums(struct aud_doc *doc, const struct row *rows, unsigned nrow)
{
	const struct row *t = &rows[nrow - 1];
	uint32_t parts[MAX_ROWS];
	unsigned col, i, n;

	for (i = 0; i + 1 < nrow; i++)
		if (rows[i].totalish || rows[i].code[0])
			return;
	for (col = 0; col < t->ncell; col++) {
		if (!summable(doc, t->fig[col]) || doc->figs[t->fig[col]].kind != AUD_AMOUNT)
			continue;
		n = 0;
		for (i = nrow - 1; i-- > 0;) {
			const struct row *c = &rows[i];
			if (col >= c->ncell || !summable(doc, c->fig[col]))
				break;
			if (!aligned(t, c, col)) {
				n = 0;
				break;
			}
			parts[n++] = c->fig[col];
		}
		/* the rows above must be all the table's data rows: a header row ends them */
		if (n >= 2 && (i == (unsigned)-1 || col >= rows[i].ncell ||
			       rows[i].fig[col] == AUD_NONE))
			add(doc, t->para, t->fig[col], parts, n);
	}
}

static void one_table(struct aud_doc *doc, uint32_t p0, uint32_t p1, struct row *rows)
{
	unsigned nrow = 0, col, maxcell = 0;
	int coded = 0, totals = 0;
	uint32_t p;

	for (p = p0; p < p1 && nrow < MAX_ROWS; p++) {
		read_row(doc, p, &rows[nrow]);
		if (rows[nrow].code[0])
			coded = 1;
		if (rows[nrow].total)
			totals++;
		if (rows[nrow].ncell > maxcell)
			maxcell = rows[nrow].ncell;
		nrow++;
	}
	if (p < p1 || nrow < 3)
		return;
	if (coded) {
		for (col = 0; col < maxcell; col++) {
			code_sums(doc, rows, nrow, col, 0, 3);
			code_sums(doc, rows, nrow, col, 3, 5);
			code_sums(doc, rows, nrow, col, 5, 7);
		}
		return;
	}
	if (totals == 1 && rows[nrow - 1].total)
		simple_sums(doc, rows, nrow);
}

void cj_aud_tables(struct aud_doc *doc)
{
	struct row *rows = NULL;
	size_t p = 0, q;

	while (p < doc->npara && !doc->err) {
		if (!doc->paras[p].table) {
			p++;
			continue;
		}
		for (q = p; q < doc->npara && doc->paras[q].table; q++)
			;
		if (!rows) {
			rows = cj_malloc(MAX_ROWS * sizeof(*rows));
			if (!rows) {
				doc->err = CJ_ERR_NOMEM;
				return;
			}
		}
		one_table(doc, (uint32_t)p, (uint32_t)q, rows);
		p = q;
	}
	cj_free(rows);
}
