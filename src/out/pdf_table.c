/*
 * pdf_table.c - tables of the document tree on PDF pages (see pdf.h).
 *
 * Layout, in the manner of a browser's automatic table layout:
 *   1. every anchor cell (not covered by a span) is measured at the base
 *      size (五号, 10.5 pt): its widest unbreakable piece (min) and its
 *      width on one line per paragraph (max).  A figure like 1,104.25 is
 *      one piece, so an amount never wraps while there is room;
 *   2. per column, min and max over cells of one column; a spanning cell
 *      widens the columns it covers evenly when they are too narrow for it;
 *   3. orientation: portrait when the columns fit the portrait text block
 *      at their max width capped to six characters and no more than a
 *      quarter of the body rows would wrap there (or landscape would not
 *      halve them), else landscape; a header cell claims at most four
 *      characters of width; the size shrinks (to 7 pt at least) while
 *      even the min widths do not fit;
 *   4. widths: with room for every max, each column gets its max plus a
 *      share of the rest by the table's relative col_width; else min plus
 *      a share of (max - min); else (too wide even at 7 pt) the mins
 *      squeezed in proportion, and cells wrap anywhere;
 *   5. row heights from the wrapped cells; a rowspan cell taller than its
 *      rows deepens the last of them.
 * Pages break between rows only, after the header rows are drawn again,
 * and never inside a group of rows that a rowspan joins unless the group
 * is taller than a page.  Every cell gets a border, its text wrapped,
 * aligned as the cell says and centred vertically.
 *
 * Doubles are geometry only; every text is the cell's.
 */
#include <string.h>

#include "../base/alloc.h"
#include "pdf_int.h"

#define BASE 10.5      /* pt: the size of ST_TBL */
#define MIN_SIZE 7.0   /* pt: the smallest type a table shrinks to */
#define HPAD 3.0       /* pt at BASE: cell padding left and right */
#define VPAD 2.5       /* pt at BASE: above and below */
#define PREF_EM 6.0    /* a column's preferred width, capped: characters */
#define HEAD_EM 4.0    /* most a header cell claims: characters */
#define SHORT_EM 4.0   /* a cell text at most this wide never wraps: characters */
#define KEEP_GROUPS 3  /* groups of body rows kept with the title and header */
#define GAP_BEFORE 8.0 /* pt above the table's number or title */
#define GAP_AFTER 10.0 /* pt below the table (or its note) */
#define RULE 0.6       /* border width, pt */
#define PORTRAIT_W (595.28 - 54 * PDF_MM)
#define LANDSCAPE_W (841.89 - 54 * PDF_MM)

struct pdf_tlay {
	const struct cj_table *t;
	size_t nr, nc, hr;
	int landscape;
	double s;           /* scale of the base size */
	double width;       /* of the table */
	double *cmin, *cmax; /* nr * nc, anchor cells at BASE, no padding */
	double *colmin, *colmax, *colw, *colx; /* nc, nc, nc, nc + 1 */
	double *rowh, *rowy;  /* nr, nr + 1 */
	unsigned char *brk;   /* nr + 1: 1 when a page may break before the row */
	PangoFontDescription *fd, *fdb; /* cells at the chosen size */
};

static void tlay_free(struct pdf_tlay *tl)
{
	if (!tl)
		return;
	cj_free(tl->cmin);
	cj_free(tl->cmax);
	cj_free(tl->colmin);
	cj_free(tl->colmax);
	cj_free(tl->colw);
	cj_free(tl->colx);
	cj_free(tl->rowh);
	cj_free(tl->rowy);
	cj_free(tl->brk);
	if (tl->fd)
		pango_font_description_free(tl->fd);
	if (tl->fdb)
		pango_font_description_free(tl->fdb);
	cj_free(tl);
}

void cj_pdf_table_cache_free(struct pdf *p)
{
	tlay_free(p->cache);
	p->cache = NULL;
	p->cache_t = NULL;
}

static const struct cj_cell *cell(const struct pdf_tlay *tl, size_t r, size_t c)
{
	return &tl->t->cells[r * tl->nc + c];
}

/* Span of an anchor cell, clamped to the table. */
static size_t rspan(const struct pdf_tlay *tl, size_t r, size_t c)
{
	size_t n = cell(tl, r, c)->rowspan;

	return r + n > tl->nr ? tl->nr - r : n;
}

static size_t cspan(const struct pdf_tlay *tl, size_t r, size_t c)
{
	size_t n = cell(tl, r, c)->colspan;

	return c + n > tl->nc ? tl->nc - c : n;
}

static int anchor(const struct pdf_tlay *tl, size_t r, size_t c)
{
	const struct cj_cell *cl = cell(tl, r, c);

	return cl->colspan && cl->rowspan;
}

static const char *text_of(const struct cj_cell *cl)
{
	return cl->text ? cl->text : "";
}

/* Lay out a cell's text at `width` (points, -1: unlimited) in the table's fonts. */
static int lay_cell(struct pdf *p, const struct pdf_tlay *tl, const struct cj_cell *cl,
		    double width, PangoWrapMode wrap, int measure)
{
	PangoAlignment al = cl->align == CJ_AL_RIGHT    ? PANGO_ALIGN_RIGHT
			    : cl->align == CJ_AL_CENTER ? PANGO_ALIGN_CENTER
							: PANGO_ALIGN_LEFT;

	if (!cj_pdf_lay(p, text_of(cl), cl->bold ? ST_TBL_BOLD : ST_TBL,
			measure ? PANGO_ALIGN_LEFT : al, width, 1))
		return 0;
	pango_layout_set_wrap(p->lay, wrap);
	if (!measure) {
		pango_layout_set_font_description(p->lay, cl->bold ? tl->fdb : tl->fd);
		/* A cell that overflows its width still shows its alignment. */
		pango_layout_set_alignment(p->lay, al);
	}
	return 1;
}

static double lay_w(struct pdf *p)
{
	PangoRectangle lg;

	pango_layout_get_extents(p->lay, NULL, &lg);
	return (double)lg.width / PANGO_SCALE;
}

static double lay_h(struct pdf *p)
{
	PangoRectangle lg;

	pango_layout_get_extents(p->lay, NULL, &lg);
	return (double)lg.height / PANGO_SCALE;
}

/* Step 1: min and max of every anchor cell at BASE. */
static void measure(struct pdf *p, struct pdf_tlay *tl)
{
	size_t r, c;

	for (r = 0; r < tl->nr && !p->err; r++)
		for (c = 0; c < tl->nc && !p->err; c++) {
			const struct cj_cell *cl = cell(tl, r, c);

			if (!anchor(tl, r, c) || !*text_of(cl))
				continue;
			if (!lay_cell(p, tl, cl, -1, PANGO_WRAP_WORD, 1))
				return;
			tl->cmax[r * tl->nc + c] = lay_w(p);
			pango_layout_set_width(p->lay, 1);
			tl->cmin[r * tl->nc + c] = lay_w(p);
			/* Short texts (行次, 合计, 科目编码) do not wrap. */
			if (tl->cmax[r * tl->nc + c] <= SHORT_EM * BASE + 0.01)
				tl->cmin[r * tl->nc + c] = tl->cmax[r * tl->nc + c];
		}
}

/*
 * The max that a cell claims for its columns: a header cell claims at
 * most HEAD_EM characters, so that a long column head (一般公共预算财政
 * 拨款) wraps onto a few lines rather than take the room the body rows
 * need.
 */
static double cmax_of(const struct pdf_tlay *tl, size_t r, size_t c)
{
	double mx = tl->cmax[r * tl->nc + c], mn = tl->cmin[r * tl->nc + c];

	if (r >= tl->hr || mx <= HEAD_EM * BASE)
		return mx;
	return mn > HEAD_EM * BASE ? mn : HEAD_EM * BASE;
}

/* Step 2: column min and max at BASE, padding included. */
static void columns(struct pdf_tlay *tl)
{
	size_t r, c, k, n;
	double pad = 2 * HPAD, have, want;

	for (c = 0; c < tl->nc; c++) {
		tl->colmin[c] = BASE + pad; /* room for one character at least */
		tl->colmax[c] = BASE + pad;
	}
	for (r = 0; r < tl->nr; r++)
		for (c = 0; c < tl->nc; c++) {
			if (!anchor(tl, r, c) || cspan(tl, r, c) != 1)
				continue;
			if (tl->cmin[r * tl->nc + c] + pad > tl->colmin[c])
				tl->colmin[c] = tl->cmin[r * tl->nc + c] + pad;
			if (cmax_of(tl, r, c) + pad > tl->colmax[c])
				tl->colmax[c] = cmax_of(tl, r, c) + pad;
		}
	for (c = 0; c < tl->nc; c++)
		if (tl->colmax[c] < tl->colmin[c])
			tl->colmax[c] = tl->colmin[c];
	/* Spanning cells: widen the covered columns evenly where needed. */
	for (r = 0; r < tl->nr; r++)
		for (c = 0; c < tl->nc; c++) {
			if (!anchor(tl, r, c) || (n = cspan(tl, r, c)) < 2)
				continue;
			have = 0;
			for (k = c; k < c + n; k++)
				have += tl->colmin[k];
			want = tl->cmin[r * tl->nc + c] + pad;
			if (want > have)
				for (k = c; k < c + n; k++)
					tl->colmin[k] += (want - have) / (double)n;
			have = 0;
			for (k = c; k < c + n; k++)
				have += tl->colmax[k];
			want = cmax_of(tl, r, c) + pad;
			if (want > have)
				for (k = c; k < c + n; k++)
					tl->colmax[k] += (want - have) / (double)n;
		}
	for (c = 0; c < tl->nc; c++)
		if (tl->colmax[c] < tl->colmin[c])
			tl->colmax[c] = tl->colmin[c];
}

/* A column's preferred width: its max, capped to PREF_EM characters, not below its min. */
static double pref_w(const struct pdf_tlay *tl, size_t c)
{
	double cap = PREF_EM * BASE + 2 * HPAD;

	if (tl->colmax[c] < cap)
		return tl->colmax[c];
	return tl->colmin[c] > cap ? tl->colmin[c] : cap;
}

/* Step 4: widths for `avail` points (sets tl->s, colw, colx, width). */
static void fit_widths(struct pdf_tlay *tl, double avail)
{
	double smin = 0, smax = 0, spref = 0, wsum = 0;
	size_t c;

	for (c = 0; c < tl->nc; c++) {
		smin += tl->colmin[c];
		smax += tl->colmax[c];
		spref += pref_w(tl, c);
		wsum += tl->t->col_width && tl->t->col_width[c] ? tl->t->col_width[c] : 1;
	}
	tl->s = 1;
	if (smin > avail)
		tl->s = avail / smin > MIN_SIZE / BASE ? avail / smin : MIN_SIZE / BASE;
	avail /= tl->s; /* work at BASE, scale at the end */
	for (c = 0; c < tl->nc; c++) {
		double mn = tl->colmin[c], mx = tl->colmax[c], pf = pref_w(tl, c);
		double wt = tl->t->col_width && tl->t->col_width[c] ? tl->t->col_width[c] : 1;

		if (smax <= avail)
			tl->colw[c] = mx + (avail - smax) * wt / wsum;
		else if (spref <= avail)
			tl->colw[c] = pf + (mx - pf) * (avail - spref) / (smax - spref);
		else if (smin <= avail)
			tl->colw[c] = mn + (pf - mn) * (avail - smin) / (spref - smin);
		else
			tl->colw[c] = mn * avail / smin;
		tl->colw[c] *= tl->s;
	}
	tl->colx[0] = 0;
	for (c = 0; c < tl->nc; c++)
		tl->colx[c + 1] = tl->colx[c] + tl->colw[c];
	tl->width = tl->colx[tl->nc];
}

/* Body rows in which some cell would wrap at the current widths. */
static size_t wrapping_rows(const struct pdf_tlay *tl)
{
	size_t r, c, n = 0;

	for (r = tl->hr; r < tl->nr; r++)
		for (c = 0; c < tl->nc; c++) {
			double w;

			if (!anchor(tl, r, c))
				continue;
			w = tl->colx[c + cspan(tl, r, c)] - tl->colx[c];
			if (tl->cmax[r * tl->nc + c] * tl->s + 2 * HPAD * tl->s > w + 0.01) {
				n++;
				break;
			}
		}
	return n;
}

/*
 * Steps 3 and 4: portrait, unless the columns do not fit it at their
 * preferred widths, or more than a quarter of the body rows would wrap
 * there and landscape halves that.
 */
static void widths(struct pdf_tlay *tl)
{
	double spref = 0;
	size_t c, wp, wl;

	for (c = 0; c < tl->nc; c++)
		spref += pref_w(tl, c);
	tl->landscape = spref > PORTRAIT_W;
	if (!tl->landscape && tl->nr > tl->hr) {
		fit_widths(tl, PORTRAIT_W);
		wp = wrapping_rows(tl);
		fit_widths(tl, LANDSCAPE_W);
		wl = wrapping_rows(tl);
		tl->landscape = wp * 4 > tl->nr - tl->hr && wl * 2 <= wp;
	}
	fit_widths(tl, tl->landscape ? LANDSCAPE_W : PORTRAIT_W);
}

static double span_w(const struct pdf_tlay *tl, size_t c, size_t n)
{
	return tl->colx[c + n] - tl->colx[c];
}

/* Step 5: row heights and the rows a page may break before. */
static void rows(struct pdf *p, struct pdf_tlay *tl)
{
	size_t r, c, k, n;
	double pad = 2 * VPAD * tl->s, line, h, have;
	struct cj_cell probe;

	memset(&probe, 0, sizeof(probe));
	probe.text = "国";
	if (!lay_cell(p, tl, &probe, -1, PANGO_WRAP_WORD_CHAR, 0))
		return;
	line = lay_h(p);
	for (r = 0; r < tl->nr; r++)
		tl->rowh[r] = line + pad;
	for (r = 0; r <= tl->nr; r++)
		tl->brk[r] = 1;
	for (k = 0; k < 2 && !p->err; k++) /* single rows first, then rowspans */
		for (r = 0; r < tl->nr && !p->err; r++)
			for (c = 0; c < tl->nc && !p->err; c++) {
				const struct cj_cell *cl = cell(tl, r, c);
				size_t q;

				if (!anchor(tl, r, c))
					continue;
				n = rspan(tl, r, c);
				if ((n > 1) != (k == 1))
					continue;
				for (q = r + 1; q < r + n; q++)
					tl->brk[q] = 0;
				if (!*text_of(cl))
					continue;
				if (!lay_cell(p, tl, cl,
					      span_w(tl, c, cspan(tl, r, c)) - 2 * HPAD * tl->s,
					      PANGO_WRAP_WORD_CHAR, 0))
					return;
				h = lay_h(p) + pad;
				have = 0;
				for (q = r; q < r + n; q++)
					have += tl->rowh[q];
				if (h > have)
					tl->rowh[r + n - 1] += h - have;
			}
	tl->rowy[0] = 0;
	for (r = 0; r < tl->nr; r++)
		tl->rowy[r + 1] = tl->rowy[r] + tl->rowh[r];
}

static struct pdf_tlay *layout(struct pdf *p, const struct cj_table *t)
{
	struct pdf_tlay *tl;
	size_t nr = t->nrows, nc = t->ncols, cells;

	if (p->cache_t == t && p->cache)
		return p->cache;
	cj_pdf_table_cache_free(p);
	if (p->err)
		return NULL;
	tl = cj_calloc(1, sizeof(*tl));
	if (!tl) {
		cj_pdf_fail(p, CJ_ERR_NOMEM);
		return NULL;
	}
	tl->t = t;
	if (!nr || !nc) {
		nr = nc = 0;
	} else if (nr > ((size_t)1 << 20) / nc) {
		cj_pdf_fail(p, CJ_ERR_TOO_LARGE);
		tlay_free(tl);
		return NULL;
	}
	tl->nr = nr;
	tl->nc = nc;
	tl->hr = t->header_rows < nr ? t->header_rows : nr;
	cells = nr * nc;
	tl->cmin = cj_calloc(cells + 1, sizeof(double));
	tl->cmax = cj_calloc(cells + 1, sizeof(double));
	tl->colmin = cj_calloc(nc + 1, sizeof(double));
	tl->colmax = cj_calloc(nc + 1, sizeof(double));
	tl->colw = cj_calloc(nc + 1, sizeof(double));
	tl->colx = cj_calloc(nc + 1, sizeof(double));
	tl->rowh = cj_calloc(nr + 1, sizeof(double));
	tl->rowy = cj_calloc(nr + 1, sizeof(double));
	tl->brk = cj_calloc(nr + 1, 1);
	if (!tl->cmin || !tl->cmax || !tl->colmin || !tl->colmax || !tl->colw || !tl->colx ||
	    !tl->rowh || !tl->rowy || !tl->brk) {
		cj_pdf_fail(p, CJ_ERR_NOMEM);
		tlay_free(tl);
		return NULL;
	}
	measure(p, tl);
	columns(tl);
	widths(tl);
	tl->fd = pango_font_description_copy(p->fd[ST_TBL]);
	tl->fdb = pango_font_description_copy(p->fd[ST_TBL_BOLD]);
	pango_font_description_set_size(tl->fd, (int)(BASE * tl->s * PANGO_SCALE + 0.5));
	pango_font_description_set_size(tl->fdb, (int)(BASE * tl->s * PANGO_SCALE + 0.5));
	rows(p, tl);
	if (p->err) {
		tlay_free(tl);
		return NULL;
	}
	p->cache = tl;
	p->cache_t = t;
	return tl;
}

/* ----------------------------------------------------------------- drawing */

/* Height of a title line block (number, title or unit line) at the table's page width. */
static double title_h(struct pdf *p, const char *s, enum pdf_style st, double width)
{
	if (!s || !*s || !cj_pdf_lay(p, s, st, PANGO_ALIGN_LEFT, width, 1))
		return 0;
	return cj_pdf_styles[st].before + pango_layout_get_line_count(p->lay) * cj_pdf_styles[st].pitch +
	       cj_pdf_styles[st].after;
}

static double titles_h(struct pdf *p, const struct pdf_tlay *tl)
{
	double w = tl->landscape ? LANDSCAPE_W : PORTRAIT_W;

	return title_h(p, tl->t->number, ST_TBL_SMALL, w) + title_h(p, tl->t->title, ST_TBL_TITLE, w) +
	       title_h(p, tl->t->unit_line, ST_TBL_SMALL, w);
}

/* Rows r.. that fit in `avail`, ending where a page may break (or anywhere). */
static size_t fit_rows(const struct pdf_tlay *tl, size_t r, double avail, int groups)
{
	size_t q, last = r;

	for (q = r; q < tl->nr; q++) {
		if (tl->rowy[q + 1] - tl->rowy[r] > avail + 0.01)
			break;
		if (!groups || tl->brk[q + 1])
			last = q + 1;
	}
	return last;
}

/* Draw rows [ra, rb) with their top at y; x is the table's left edge. */
static void draw_rows(struct pdf *p, const struct pdf_tlay *tl, size_t ra, size_t rb, double x,
		      double y)
{
	size_t r, c;
	cairo_t *cr = p->cr;

	for (r = 0; r < rb && !p->err; r++)
		for (c = 0; c < tl->nc && !p->err; c++) {
			const struct cj_cell *cl;
			size_t n, a, b;
			double cx, cy, cw, ch, th;

			if (!anchor(tl, r, c))
				continue;
			n = rspan(tl, r, c);
			if (r + n <= ra)
				continue;
			cl = cell(tl, r, c);
			a = r > ra ? r : ra;
			b = r + n < rb ? r + n : rb;
			cx = x + tl->colx[c];
			cw = span_w(tl, c, cspan(tl, r, c));
			cy = y + tl->rowy[a] - tl->rowy[ra];
			ch = tl->rowy[b] - tl->rowy[a];
			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_set_line_width(cr, RULE);
			cairo_rectangle(cr, cx, cy, cw, ch);
			cairo_stroke(cr);
			if (r < ra || !*text_of(cl))
				continue; /* a rowspan continued from the previous page: its text is there */
			if (!lay_cell(p, tl, cl, cw - 2 * HPAD * tl->s, PANGO_WRAP_WORD_CHAR, 0))
				return;
			th = lay_h(p);
			if (th > ch) {
				cairo_save(cr);
				cairo_rectangle(cr, cx, cy, cw, ch);
				cairo_clip(cr);
			}
			cairo_move_to(cr, cx + HPAD * tl->s, cy + (ch - th) / 2);
			pango_cairo_show_layout(cr, p->lay);
			if (th > ch)
				cairo_restore(cr);
		}
}

/*
 * End of the first KEEP_GROUPS groups of body rows, which stay with the
 * title and header (the header's end when there is no body).
 */
static size_t first_group(const struct pdf_tlay *tl)
{
	size_t r = tl->hr;
	int g;

	for (g = 0; g < KEEP_GROUPS && r < tl->nr; g++)
		for (r++; r < tl->nr && !tl->brk[r]; r++)
			;
	return r;
}

double cj_pdf_table_start(struct pdf *p, const struct cj_table *t)
{
	struct pdf_tlay *tl = layout(p, t);

	if (!tl)
		return 0;
	if (p->open && !p->fresh && p->landscape != tl->landscape)
		return 0;
	return GAP_BEFORE + titles_h(p, tl) + tl->rowy[first_group(tl)];
}

void cj_pdf_table(struct pdf *p, const struct cj_table *t)
{
	struct pdf_tlay *tl;
	size_t r, rb;
	double hh, x, need;
	int top;

	if (p->err)
		return;
	tl = layout(p, t);
	if (!tl)
		return;
	/* The title, the header and the first group of rows stay together. */
	hh = tl->rowy[tl->hr];
	need = GAP_BEFORE + titles_h(p, tl) + tl->rowy[first_group(tl)];
	cj_pdf_need(p, need, tl->landscape);
	if (p->err)
		return;
	top = p->fresh;
	if (!p->fresh)
		p->y += GAP_BEFORE;
	if (t->number && *t->number)
		cj_pdf_text(p, t->number, ST_TBL_SMALL, PANGO_ALIGN_RIGHT, 0);
	if (t->title && *t->title)
		cj_pdf_text(p, t->title, ST_TBL_TITLE, PANGO_ALIGN_CENTER, 0);
	if (t->unit_line && *t->unit_line)
		cj_pdf_text(p, t->unit_line, ST_TBL_SMALL, PANGO_ALIGN_LEFT, 0);

	r = tl->hr;
	while (tl->nr && !p->err) {
		rb = fit_rows(tl, r, p->y1 - p->y - hh, 1);
		if (rb == r && r < tl->nr) {
			if (!top) {
				cj_pdf_new_page(p, tl->landscape);
				top = 1;
				continue;
			}
			rb = fit_rows(tl, r, p->y1 - p->y - hh, 0); /* a group taller than a page */
			if (rb == r)
				rb = r + 1;
		}
		x = p->x0 + (p->x1 - p->x0 - tl->width) / 2;
		draw_rows(p, tl, 0, tl->hr, x, p->y);
		p->y += hh;
		draw_rows(p, tl, r, rb, x, p->y);
		p->y += tl->rowy[rb] - tl->rowy[r];
		p->fresh = 0;
		r = rb;
		if (r >= tl->nr)
			break;
		cj_pdf_new_page(p, tl->landscape);
		top = 1;
	}
	cj_pdf_table_cache_free(p);
	if (t->note && *t->note)
		cj_pdf_text(p, t->note, ST_NOTE, PANGO_ALIGN_LEFT, 1);
	p->y += GAP_AFTER;
}
