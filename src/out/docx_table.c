/*
 * docx_table.c - a table of the document tree as a WordprocessingML
 * table (w:tbl).
 *
 * A real table, so users edit it as one: fixed layout on the full text
 * width with the tree's relative column widths, Table Grid borders
 * (also written on the table itself for readers that ignore table
 * styles), header rows marked w:tblHeader so they repeat on every page,
 * rows that do not split across pages, cells centred vertically.
 * Amounts and right-aligned cells are right-aligned, header cells bold
 * and centred, bold cells bold.  A span becomes w:gridSpan (columns) and
 * w:vMerge restart/continue (rows).
 *
 * As in html.c, a rowspan that crosses from the header rows into the
 * body is cut at the boundary (a repeated header must be whole rows);
 * positions it loses, and covered cells that no span covers (a
 * malformed table), become empty cells, so every row fills the grid.
 */
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "docx_int.h"

#define CELL_MARGIN 57 /* twips left and right in a cell (1 mm) */

static const char *str(const char *s)
{
	return s ? s : "";
}

static const struct cj_cell *cell_at(const struct cj_table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

/*
 * The anchor of a span, within rows r0..r-1 of the group [r0, r1), that
 * covers (r, c) once cut to the group and the grid; NULL if none.  Sets
 * *ac to its column and *cs to its cut column span.
 */
static const struct cj_cell *anchor_above(const struct cj_table *t, size_t r, size_t c, size_t r0,
					  size_t r1, size_t *ac, size_t *cs)
{
	size_t rr = r, cc;

	while (rr-- > r0) {
		for (cc = c + 1; cc-- > 0;) {
			const struct cj_cell *a = cell_at(t, rr, cc);
			size_t rs, cspan;

			if (!a->colspan || !a->rowspan)
				continue;
			rs = a->rowspan < r1 - rr ? a->rowspan : r1 - rr;
			cspan = a->colspan < t->ncols - cc ? a->colspan : t->ncols - cc;
			if (rr + rs > r && cc + cspan > c) {
				*ac = cc;
				*cs = cspan;
				return a;
			}
		}
	}
	return NULL;
}

/* One w:tc spanning grid columns [c, c + cs); text NULL for a continuation cell. */
static void tc(struct cj_xmlw *w, const long long *x, const char *style, size_t c, size_t cs,
	       const char *vmerge, const struct cj_cell *cl, int head)
{
	const char *jc = NULL;

	cj_xmlw_start(w, "w:tc");
	cj_xmlw_start(w, "w:tcPr");
	cj_xmlw_start(w, "w:tcW");
	cj_xmlw_attr_int(w, "w:w", x[c + cs] - x[c]);
	cj_xmlw_attr(w, "w:type", "dxa");
	cj_xmlw_end(w, "w:tcW");
	if (cs > 1)
		cj_docx_ival(w, "w:gridSpan", (long long)cs);
	if (vmerge) {
		cj_xmlw_start(w, "w:vMerge");
		if (*vmerge)
			cj_xmlw_attr(w, "w:val", vmerge);
		cj_xmlw_end(w, "w:vMerge");
	}
	cj_docx_val(w, "w:vAlign", "center");
	cj_xmlw_end(w, "w:tcPr");
	if (cl && (cl->is_amount || cl->align == CJ_AL_RIGHT))
		jc = "right";
	else if (cl && (head || cl->align == CJ_AL_CENTER))
		jc = "center";
	cj_docx_para(w, style, jc, 0, cl ? str(cl->text) : NULL, cl && (head || cl->bold));
	cj_xmlw_end(w, "w:tc");
}

static void row(struct cj_xmlw *w, const struct cj_table *t, const long long *x, const char *style,
		size_t r, size_t r0, size_t r1, int head)
{
	size_t c = 0, ac, cs;

	cj_xmlw_start(w, "w:tr");
	cj_xmlw_start(w, "w:trPr");
	cj_xmlw_start(w, "w:cantSplit");
	cj_xmlw_end(w, "w:cantSplit");
	if (head) {
		cj_xmlw_start(w, "w:tblHeader");
		cj_xmlw_end(w, "w:tblHeader");
	}
	cj_xmlw_end(w, "w:trPr");
	while (c < t->ncols) {
		const struct cj_cell *cl = cell_at(t, r, c), *a;

		if (cl->colspan && cl->rowspan) {
			size_t rs = cl->rowspan < r1 - r ? cl->rowspan : r1 - r;

			cs = cl->colspan < t->ncols - c ? cl->colspan : t->ncols - c;
			tc(w, x, style, c, cs, rs > 1 ? "restart" : NULL, cl, head);
			c += cs;
			continue;
		}
		a = anchor_above(t, r, c, r0, r1, &ac, &cs);
		if (a && ac == c) {
			tc(w, x, style, c, cs, "", NULL, head);
			c += cs;
		} else {
			tc(w, x, style, c, 1, NULL, NULL, head);
			c++;
		}
	}
	cj_xmlw_end(w, "w:tr");
	cj_xmlw_nl(w);
}

/*
 * Column edges in twips: x[0] = 0 .. x[ncols] <= total.  Each
 * column gets its share after the tree's relative widths (equal without
 * them), but never less than its widest single-column amount needs at
 * font size `sz` (an estimate: half an em per display column, which
 * digits, commas and points never exceed, plus the cell margins), so
 * amounts do not wrap; the difference comes from the other columns'
 * room above their own needs.  Layout arithmetic, not figures.
 * `need` is scratch of ncols entries.
 */
static void edges(const struct cj_table *t, long long total, int sz, long long *x, long long *need)
{
	const long long pad = 2 * CELL_MARGIN + 30;
	unsigned long long sum = 0, cum = 0;
	long long share, prev, extra = 0, room = 0, take, got;
	size_t r, c;

	if (t->col_width)
		for (c = 0; c < t->ncols; c++)
			sum += t->col_width[c];
	for (c = 0; c < t->ncols; c++)
		need[c] = 0;
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const struct cj_cell *cl = cell_at(t, r, c);
			long long wd;

			if (!cl->is_amount || cl->colspan != 1 || !cl->rowspan || !cl->text)
				continue;
			wd = (long long)cj_utf8_width(cl->text, strlen(cl->text)) * sz * 5 + pad;
			if (wd > need[c])
				need[c] = wd;
		}
	}
	/* x[c + 1] - x[c] is the plain share; then count what amounts lack and what others spare. */
	prev = 0;
	for (c = 0; c < t->ncols; c++) {
		cum += sum ? t->col_width[c] : 1;
		x[c + 1] = (long long)((unsigned long long)total * cum / (sum ? sum : t->ncols));
		share = x[c + 1] - prev;
		prev = x[c + 1];
		if (share < need[c])
			extra += need[c] - share;
		else
			room += share - need[c];
	}
	if (extra > room)
		extra = room; /* cannot fit every amount: do what the room allows */
	x[0] = 0;
	prev = 0;
	got = 0;
	for (c = 0; c < t->ncols; c++) {
		share = x[c + 1] - prev;
		prev = x[c + 1];
		if (share < need[c]) {
			take = need[c] - share;
			if (take > extra - got)
				take = extra - got;
			got += take;
			share += take;
		} else if (room > 0) {
			share -= (share - need[c]) * extra / room;
		}
		x[c + 1] = x[c] + share;
	}
	/* Rounding may leave the table a few twips wide: take them from the roomiest column. */
	if (x[t->ncols] > total) {
		long long over = x[t->ncols] - total, best = -1;
		size_t bc = 0;

		for (c = 0; c < t->ncols; c++) {
			if (x[c + 1] - x[c] - need[c] > best) {
				best = x[c + 1] - x[c] - need[c];
				bc = c;
			}
		}
		if (best >= over)
			for (c = bc; c < t->ncols; c++)
				x[c + 1] -= over;
	}
}

static void borders(struct cj_xmlw *w)
{
	static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right",
					    "w:insideH", "w:insideV"};
	size_t i;

	cj_xmlw_start(w, "w:tblBorders");
	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		cj_xmlw_start(w, sides[i]);
		cj_xmlw_attr(w, "w:val", "single");
		cj_xmlw_attr(w, "w:sz", "4");
		cj_xmlw_attr(w, "w:space", "0");
		cj_xmlw_attr(w, "w:color", "000000");
		cj_xmlw_end(w, sides[i]);
	}
	cj_xmlw_end(w, "w:tblBorders");
}

static void cell_margin(struct cj_xmlw *w, const char *name)
{
	cj_xmlw_start(w, name);
	cj_xmlw_attr_int(w, "w:w", CELL_MARGIN);
	cj_xmlw_attr(w, "w:type", "dxa");
	cj_xmlw_end(w, name);
}

/* The w:tbl of t, `total` twips wide, centred. */
static enum cj_err grid_table(struct cj_xmlw *w, const struct cj_table *t, long long total)
{
	int wide = t->ncols >= CJ_DOCX_WIDE_COLS;
	const char *style = wide ? "TableTextSmall" : "TableText";
	size_t hr, r, c;
	long long *x;

	x = cj_malloc((2 * t->ncols + 1) * sizeof(*x));
	if (!x)
		return CJ_ERR_NOMEM;
	edges(t, total, wide ? CJ_DOCX_TABLE_SZ_SMALL : CJ_DOCX_TABLE_SZ, x, x + t->ncols + 1);
	hr = t->header_rows < t->nrows ? t->header_rows : t->nrows;

	cj_xmlw_start(w, "w:tbl");
	cj_xmlw_start(w, "w:tblPr");
	cj_docx_val(w, "w:tblStyle", "TableGrid");
	cj_xmlw_start(w, "w:tblW");
	cj_xmlw_attr_int(w, "w:w", x[t->ncols]);
	cj_xmlw_attr(w, "w:type", "dxa");
	cj_xmlw_end(w, "w:tblW");
	cj_docx_val(w, "w:jc", "center");
	borders(w);
	cj_xmlw_start(w, "w:tblLayout");
	cj_xmlw_attr(w, "w:type", "fixed");
	cj_xmlw_end(w, "w:tblLayout");
	cj_xmlw_start(w, "w:tblCellMar");
	cell_margin(w, "w:left");
	cell_margin(w, "w:right");
	cj_xmlw_end(w, "w:tblCellMar");
	cj_xmlw_end(w, "w:tblPr");
	cj_xmlw_start(w, "w:tblGrid");
	for (c = 0; c < t->ncols; c++) {
		cj_xmlw_start(w, "w:gridCol");
		cj_xmlw_attr_int(w, "w:w", x[c + 1] - x[c]);
		cj_xmlw_end(w, "w:gridCol");
	}
	cj_xmlw_end(w, "w:tblGrid");
	cj_xmlw_nl(w);
	for (r = 0; r < hr; r++)
		row(w, t, x, style, r, 0, hr, 1);
	for (r = hr; r < t->nrows; r++)
		row(w, t, x, style, r, hr, t->nrows, 0);
	cj_xmlw_end(w, "w:tbl");
	cj_xmlw_nl(w);
	cj_free(x);
	return CJ_OK;
}

enum cj_err cj_docx_table(struct cj_xmlw *w, const struct cj_table *t, int *after_table)
{
	int lead = 0; /* paragraphs written before the w:tbl */
	enum cj_err e;

	if (!t || (t->nrows && t->ncols && !t->cells))
		return CJ_ERR_USAGE;
	/* The first paragraph above the table keeps its distance from a table before it. */
	if (t->number && *t->number) {
		cj_docx_para(w, "TableNumber", NULL, *after_table ? CJ_DOCX_GAP : 0, t->number, 0);
		lead = 1;
	}
	if (t->title && *t->title) {
		cj_docx_para(w, "TableTitle", NULL, *after_table && !lead ? CJ_DOCX_GAP : 0,
			     t->title, 0);
		lead = 1;
	}
	if (t->unit_line && *t->unit_line) {
		cj_docx_para(w, "TableUnit", NULL, *after_table && !lead ? CJ_DOCX_GAP : 0,
			     t->unit_line, 0);
		lead = 1;
	}
	if (t->nrows && t->ncols) {
		if (*after_table && !lead)
			cj_docx_para(w, "Note", NULL, 0, NULL, 0); /* two w:tbl in a row would merge */
		e = grid_table(w, t, CJ_DOCX_TEXT_W);
		if (e)
			return e;
		*after_table = 1;
	}
	if (t->note && *t->note) {
		cj_docx_para(w, "Note", NULL, *after_table ? CJ_DOCX_GAP : 0, t->note, 0);
		*after_table = 0;
	} else if (lead && !(t->nrows && t->ncols)) {
		*after_table = 0;
	}
	return CJ_OK;
}

/* ------------------------------------------------------------ chart data */

/*
 * The fixed words of a chart's data table, the same as md.c's: mutable
 * arrays because struct cj_cell holds a `char *` (never written here).
 */
static char word_item[] = "项目";
static char word_amount[] = "金额";
static char word_share[] = "占比";

enum cj_err cj_docx_chart_table(struct cj_xmlw *w, const struct cj_chart *c, int *after_table)
{
	struct cj_table t;
	size_t ncols, r, s;
	int pie;
	enum cj_err e;

	if (!c || !c->cats || !c->series || !c->value_labels)
		return CJ_ERR_USAGE;
	pie = c->kind == CJ_CHART_PIE;
	if (pie && (!c->share_labels || c->nseries < 1))
		return CJ_ERR_USAGE;
	if (!c->ncats)
		return CJ_OK;
	if (c->unit && *c->unit) {
		cj_xmlw_start(w, "w:p");
		cj_xmlw_start(w, "w:pPr");
		cj_docx_val(w, "w:pStyle", "TableUnit");
		cj_xmlw_start(w, "w:ind"); /* aligned with the narrower table */
		cj_xmlw_attr_int(w, "w:left", CJ_DOCX_TEXT_W / 6);
		cj_xmlw_end(w, "w:ind");
		cj_xmlw_end(w, "w:pPr");
		cj_docx_runs(w, "单位：", 0);
		cj_docx_runs(w, c->unit, 0);
		cj_xmlw_end(w, "w:p");
		cj_xmlw_nl(w);
	}
	ncols = 1 + (pie ? 2 : c->nseries);
	memset(&t, 0, sizeof(t));
	t.ncols = ncols;
	t.nrows = 1 + c->ncats;
	t.header_rows = 1;
	t.cells = cj_calloc(t.ncols * t.nrows, sizeof(*t.cells));
	t.col_width = cj_calloc(ncols, 1);
	if (!t.cells || !t.col_width) {
		cj_free(t.cells);
		cj_free(t.col_width);
		return CJ_ERR_NOMEM;
	}
	for (r = 0; r < t.nrows * t.ncols; r++) {
		t.cells[r].colspan = t.cells[r].rowspan = 1;
		t.cells[r].align = (r % ncols) ? CJ_AL_RIGHT : CJ_AL_LEFT;
		t.cells[r].is_amount = r >= ncols && (r % ncols) != 0;
	}
	t.col_width[0] = 2;
	for (s = 1; s < ncols; s++)
		t.col_width[s] = 1;
	t.cells[0].text = word_item;
	t.cells[0].align = CJ_AL_CENTER;
	for (s = 1; s < ncols; s++) {
		char *name = pie ? (s == 1 ? c->series[0] : word_share) : c->series[s - 1];

		t.cells[s].text = pie && s == 1 && (!name || !*name) ? word_amount : name;
		t.cells[s].align = CJ_AL_CENTER;
	}
	for (r = 0; r < c->ncats; r++) {
		struct cj_cell *row_cells = &t.cells[(r + 1) * ncols];

		row_cells[0].text = c->cats[r];
		if (pie) {
			row_cells[1].text = c->value_labels[r];
			row_cells[2].text = c->share_labels[r];
		} else {
			for (s = 0; s < c->nseries; s++)
				row_cells[1 + s].text = c->value_labels[s * c->ncats + r];
		}
	}
	if (*after_table)
		cj_docx_para(w, "Note", NULL, 0, NULL, 0);
	e = grid_table(w, &t, CJ_DOCX_TEXT_W * 2 / 3); /* narrower than the text: it goes with the figure */
	if (!e)
		*after_table = 1;
	cj_free(t.cells);
	cj_free(t.col_width);
	return e;
}
