/*
 * pdf.c - doc -> PDF (see pdf.h): fonts, pages, flowing text, headings,
 * charts, metadata.  Tables are in pdf_table.c.
 *
 * One cairo PDF surface writes into the caller's buffer through
 * cairo_pdf_surface_create_for_stream(); one pango context (72 dpi, no
 * hinting, zh-cn) and one reusable layout set every text.  Pages are
 * begun lazily: a page exists once something is about to be drawn on it,
 * so a page of the wrong orientation is never shown empty, and the last
 * page break adds no blank page.
 *
 * Text is laid out by pango and then placed line by line on a fixed
 * pitch per style, so a paragraph can continue on the next page.  Two
 * lines at least stay together at the foot and at the head of a page
 * (no orphan, no widow) when the paragraph has them.
 *
 * Nothing here computes a figure: the text of the tree is drawn as it is.
 */
#include "pdf.h"

#include <cairo-pdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "caijue.h"
#include "chart_cairo.h"
#include "pdf_int.h"

/* A4 and GB/T 9704 margins. */
#define A4_W 595.28
#define A4_H 841.89
#define M_TOP (37 * PDF_MM)
#define M_BOTTOM (35 * PDF_MM)
#define M_LEFT (28 * PDF_MM)
#define M_RIGHT (26 * PDF_MM)
#define L_TOP (25 * PDF_MM) /* landscape pages */
#define L_BOTTOM (25 * PDF_MM)
#define FOOT_GAP (7 * PDF_MM) /* text block to the page number's dashes */

#define EM_BOX_TOP 0.88   /* the ideographic em box: 0.88 em above the baseline */
#define JUSTIFY_MAX 0.08  /* most extra space per gap, em (pdftotext splits words at 0.1 em) */
#define JUSTIFY_GAPS 1024 /* lines with more gaps stay ragged */

/* ---------------------------------------------------------------- faces */

enum { F_TITLE, F_FANGSONG, F_HEI, F_KAI, F_SONG, F_N };

/*
 * Each face: the official fonts (Windows, founder and macOS names, with
 * the Chinese family names fontconfig also knows), then the fallback
 * that fonts-noto-cjk provides, and the fallback's weight for titles and
 * headings (bold keeps their emphasis when the official face is absent).
 */
static const struct face {
	const char *const official[8];
	const char *fallback;
	PangoWeight fallback_weight;
} faces[F_N] = {
	[F_TITLE] = {{"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
		      "小标宋", NULL},
		     "Noto Serif CJK SC, Source Han Serif SC, serif", PANGO_WEIGHT_BOLD},
	[F_FANGSONG] = {{"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", NULL},
			"Noto Serif CJK SC, Source Han Serif SC, serif", PANGO_WEIGHT_NORMAL},
	[F_HEI] = {{"黑体", "SimHei", "方正黑体_GBK", "FZHei-B01S", "STHeiti", NULL},
		   "Noto Sans CJK SC, Source Han Sans SC, sans-serif", PANGO_WEIGHT_BOLD},
	[F_KAI] = {{"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", NULL},
		   "Noto Serif CJK SC, Source Han Serif SC, serif", PANGO_WEIGHT_BOLD},
	[F_SONG] = {{"宋体", "SimSun", "方正书宋_GBK", "STSong", NULL},
		    "Noto Serif CJK SC, Source Han Serif SC, serif", PANGO_WEIGHT_NORMAL},
};

/*
 * Styles.  Body 14 pt on a 25 pt pitch (see pdf.h for why not 16 pt);
 * indents in em of the style's own size.
 */
const struct pdf_style_def cj_pdf_styles[ST_N] = {
	/* face, size, pitch, bold, align, indent, before, after, justify, emph, balance */
	[ST_TITLE] = {F_TITLE, 22, 33, 0, PANGO_ALIGN_CENTER, 0, 0, 22, 0, 1, 1},
	[ST_H1] = {F_HEI, 16, 28, 0, PANGO_ALIGN_CENTER, 0, 14, 8, 0, 1, 1},
	[ST_H2] = {F_HEI, 14, 25, 0, PANGO_ALIGN_LEFT, 2, 4, 0, 0, 1, 0},
	[ST_H3] = {F_KAI, 14, 25, 0, PANGO_ALIGN_LEFT, 2, 2, 0, 0, 1, 0},
	[ST_H4] = {F_FANGSONG, 14, 25, 1, PANGO_ALIGN_LEFT, 2, 0, 0, 0, 1, 0},
	[ST_BODY] = {F_FANGSONG, 14, 25, 0, PANGO_ALIGN_LEFT, 2, 0, 0, 1, 0, 0},
	[ST_NOTE] = {F_FANGSONG, 10.5, 16, 0, PANGO_ALIGN_LEFT, 2, 2, 4, 1, 0, 0},
	[ST_CAPTION] = {F_FANGSONG, 12, 18, 0, PANGO_ALIGN_CENTER, 0, 2, 10, 0, 0, 1},
	[ST_TBL_TITLE] = {F_TITLE, 16, 24, 0, PANGO_ALIGN_CENTER, 0, 0, 2, 0, 1, 1},
	[ST_TBL_SMALL] = {F_SONG, 10.5, 16, 0, PANGO_ALIGN_LEFT, 0, 0, 2, 0, 0, 0},
	[ST_TBL] = {F_SONG, 10.5, 0, 0, PANGO_ALIGN_LEFT, 0, 0, 0, 0, 0, 0},
	[ST_TBL_BOLD] = {F_SONG, 10.5, 0, 1, PANGO_ALIGN_LEFT, 0, 0, 0, 0, 0, 0},
	[ST_PAGENO] = {F_SONG, 14, 18, 0, PANGO_ALIGN_LEFT, 0, 0, 0, 0, 0, 0},
};

#define S(st) (&cj_pdf_styles[st])

/* 1 if one of the names is an installed family (ASCII case ignored). */
static int have_any(PangoFontFamily **fam, int nfam, const char *const *names)
{
	int i;

	for (; *names; names++)
		for (i = 0; i < nfam; i++)
			if (g_ascii_strcasecmp(pango_font_family_get_name(fam[i]), *names) == 0)
				return 1;
	return 0;
}

/* One font description per style: the face's family list, weight, size. */
static enum cj_err make_fonts(struct pdf *p)
{
	PangoFontFamily **fam = NULL;
	int nfam = 0, f, st;
	int official[F_N];
	struct cj_buf list;
	enum cj_err e = CJ_OK;

	pango_font_map_list_families(pango_context_get_font_map(p->pc), &fam, &nfam);
	for (f = 0; f < F_N; f++)
		official[f] = have_any(fam, nfam, faces[f].official);
	g_free(fam);
	cj_buf_init(&list, 4096);
	for (st = 0; st < ST_N && !e; st++) {
		const struct face *fc = &faces[S(st)->face];
		const char *const *n;
		PangoWeight w;

		cj_buf_reset(&list);
		for (n = fc->official; *n; n++) {
			cj_buf_puts(&list, *n);
			cj_buf_puts(&list, ",");
		}
		cj_buf_puts(&list, fc->fallback);
		e = cj_buf_err(&list);
		if (e)
			break;
		if (S(st)->bold)
			w = PANGO_WEIGHT_BOLD;
		else if (S(st)->emph && !official[S(st)->face])
			w = fc->fallback_weight;
		else
			w = PANGO_WEIGHT_NORMAL;
		p->fd[st] = pango_font_description_new();
		pango_font_description_set_family(p->fd[st], cj_buf_str(&list));
		pango_font_description_set_weight(p->fd[st], w);
		pango_font_description_set_size(p->fd[st], (int)(S(st)->size * PANGO_SCALE + 0.5));
	}
	cj_buf_release(&list);
	return e;
}

/* ---------------------------------------------------------------- pages */

void cj_pdf_fail(struct pdf *p, enum cj_err e)
{
	if (!p->err)
		p->err = e;
}

static void set_area(struct pdf *p, int landscape)
{
	p->landscape = landscape;
	p->pw = landscape ? A4_H : A4_W;
	p->ph = landscape ? A4_W : A4_H;
	p->x0 = M_LEFT;
	p->x1 = p->pw - M_RIGHT;
	p->y0 = landscape ? L_TOP : M_TOP;
	p->y1 = p->ph - (landscape ? L_BOTTOM : M_BOTTOM);
	p->y = p->y0;
	cairo_pdf_surface_set_size(p->surf, p->pw, p->ph);
}

static void begin(struct pdf *p, int landscape)
{
	if (p->open) {
		if (p->fresh && p->landscape != landscape)
			set_area(p, landscape); /* nothing drawn yet: the size may change */
		return;
	}
	p->page++;
	p->open = 1;
	p->fresh = 1;
	set_area(p, landscape);
}

/* "— N —", 7 mm under the text block; right on odd pages, left on even (GB/T 9704 7.5). */
static void footer(struct pdf *p)
{
	char num[48];
	PangoRectangle lg;
	PangoLayoutLine *line;
	double em = S(ST_PAGENO)->size, x;

	if (p->err)
		return;
	snprintf(num, sizeof(num), "\xE2\x80\x94 %d \xE2\x80\x94", p->page);
	pango_layout_set_font_description(p->flay, p->fd[ST_PAGENO]);
	pango_layout_set_text(p->flay, num, -1);
	line = pango_layout_get_line_readonly(p->flay, 0);
	pango_layout_line_get_extents(line, NULL, &lg);
	x = p->page % 2 ? p->x1 - em - (double)lg.width / PANGO_SCALE : p->x0 + em;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	/* The dashes sit at mid-height of the em box: 0.38 em above the baseline. */
	cairo_move_to(p->cr, x, p->y1 + FOOT_GAP + 0.38 * em);
	pango_cairo_show_layout_line(p->cr, line);
}

static void end_page(struct pdf *p)
{
	if (!p->open)
		return;
	footer(p);
	cairo_show_page(p->cr);
	p->open = 0;
}

void cj_pdf_new_page(struct pdf *p, int landscape)
{
	end_page(p);
	begin(p, landscape);
}

void cj_pdf_need(struct pdf *p, double h, int landscape)
{
	begin(p, landscape);
	if (p->fresh)
		return;
	if (p->landscape != landscape || p->y + h > p->y1 + 0.01)
		cj_pdf_new_page(p, landscape);
}

/* ----------------------------------------------------------------- text */

int cj_pdf_lay(struct pdf *p, const char *text, enum pdf_style st, PangoAlignment al,
	       double width, int wrap_char)
{
	enum cj_err e;

	if (p->err)
		return 0;
	pango_layout_set_font_description(p->lay, p->fd[st]);
	pango_layout_set_width(p->lay, width < 0 ? -1 : (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(p->lay, wrap_char ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
	pango_layout_set_alignment(p->lay, al);
	pango_layout_set_indent(p->lay, (int)(S(st)->indent * S(st)->size * PANGO_SCALE));
	pango_layout_set_justify(p->lay, FALSE);
	e = cj_cairo_set_text(p->lay, text, 1, &p->scratch);
	if (e) {
		cj_pdf_fail(p, e);
		return 0;
	}
	return 1;
}

/* 1 for a character that takes justification space beside it: CJK and full-width forms. */
static int wide_at(const char *text, int off, int len)
{
	size_t adv;
	uint32_t cp;
	char tmp[4];
	size_t n;

	if (off < 0 || off >= len)
		return 0;
	cp = cj_utf8_decode(text + off, (size_t)(len - off), &adv);
	n = cj_utf8_encode(cp, tmp);
	return cj_utf8_width(tmp, n) == 2;
}

/*
 * Justify one line: spread `slack` (pango units) over the gaps between
 * clusters next to a wide character, at most JUSTIFY_MAX em each, by
 * widening the last glyph of the cluster before each gap.  Gaps between
 * narrow characters (inside 1104.25 or 87.31%) never widen.
 */
static void justify_line(PangoLayoutLine *line, const char *text, int len, int slack,
			 double size)
{
	PangoGlyphInfo *gap_glyph[JUSTIFY_GAPS];
	PangoGlyphInfo *last = NULL; /* last glyph of the previous cluster */
	int last_wide = 0, ngaps = 0, i, extra, cap;
	GSList *l;

	for (l = line->runs; l; l = l->next) {
		PangoGlyphItem *run = l->data;
		PangoGlyphString *gs = run->glyphs;

		for (i = 0; i < gs->num_glyphs; i++) {
			if (gs->glyphs[i].attr.is_cluster_start) {
				int wide = wide_at(text, run->item->offset + gs->log_clusters[i], len);

				if (last && (wide || last_wide)) {
					if (ngaps == JUSTIFY_GAPS)
						return;
					gap_glyph[ngaps++] = last;
				}
				last_wide = wide;
			}
			last = &gs->glyphs[i];
		}
	}
	if (!ngaps || slack <= 0)
		return;
	cap = (int)(JUSTIFY_MAX * size * PANGO_SCALE);
	extra = slack / ngaps;
	if (extra > cap)
		extra = cap;
	for (i = 0; i < ngaps; i++)
		gap_glyph[i]->geometry.width += extra;
}

/* Draw line `line` of the layout with its line box's top at y; x0 is the layout's left. */
static void draw_line(struct pdf *p, PangoLayoutLine *line, enum pdf_style st, PangoAlignment al,
		      double x0, double width, double y)
{
	PangoRectangle lg;
	double x, w;

	pango_layout_line_get_extents(line, NULL, &lg);
	w = (double)lg.width / PANGO_SCALE;
	if (al == PANGO_ALIGN_CENTER)
		x = x0 + (width - w) / 2;
	else if (al == PANGO_ALIGN_RIGHT)
		x = x0 + width - w;
	else
		x = x0 + (line->is_paragraph_start ? S(st)->indent * S(st)->size : 0);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, x,
		      y + (S(st)->pitch - S(st)->size) / 2 + EM_BOX_TOP * S(st)->size);
	pango_cairo_show_layout_line(p->cr, line);
}

/*
 * Centred text that wraps gets lines of about equal length (GB/T 9704:
 * a title that runs onto more lines is arranged symmetrically): the
 * narrowest width that keeps the number of lines, to a tenth of a point.
 */
static void balance(struct pdf *p, double width)
{
	int n = pango_layout_get_line_count(p->lay), i;
	double lo = 0, hi = width, mid;

	if (n < 2)
		return;
	for (i = 0; i < 14 && hi - lo > 0.1; i++) {
		mid = (lo + hi) / 2;
		pango_layout_set_width(p->lay, (int)(mid * PANGO_SCALE));
		if (pango_layout_get_line_count(p->lay) <= n)
			hi = mid;
		else
			lo = mid;
	}
	pango_layout_set_width(p->lay, (int)(hi * PANGO_SCALE) + 1);
}

double cj_pdf_text_height(struct pdf *p, const char *text, enum pdf_style st,
			  PangoAlignment al)
{
	begin(p, p->open ? p->landscape : 0);
	if (!cj_pdf_lay(p, text, st, al, p->x1 - p->x0, 1))
		return 0;
	return pango_layout_get_line_count(p->lay) * S(st)->pitch;
}

void cj_pdf_text(struct pdf *p, const char *text, enum pdf_style st, PangoAlignment al,
		 int split)
{
	const struct pdf_style_def *s = S(st);
	GSList *lines, *l;
	const char *lt;
	int n, i = 0, k, fit, rest, len;
	double width;

	begin(p, p->open ? p->landscape : 0);
	width = p->x1 - p->x0;
	if (!cj_pdf_lay(p, text, st, al, width, 1))
		return;
	if (!p->fresh)
		p->y += s->before;
	if (s->balance && al == PANGO_ALIGN_CENTER)
		balance(p, width);
	lines = pango_layout_get_lines(p->lay);
	lt = pango_layout_get_text(p->lay);
	len = (int)strlen(lt);
	n = (int)g_slist_length(lines);

	/* Justify every line but the last of each paragraph. */
	if (s->justify && al == PANGO_ALIGN_LEFT)
		for (l = lines; l && l->next; l = l->next) {
			PangoLayoutLine *ln = l->data, *next = l->next->data;
			PangoRectangle lg;
			double avail = width - (ln->is_paragraph_start ? s->indent * s->size : 0);

			if (next->is_paragraph_start)
				continue;
			pango_layout_line_get_extents(ln, NULL, &lg);
			justify_line(ln, lt, len, (int)(avail * PANGO_SCALE) - lg.width, s->size);
		}

	l = lines;
	while (i < n && !p->err) {
		fit = (int)((p->y1 - p->y + 0.01) / s->pitch);
		rest = n - i;
		if (fit >= rest) {
			k = rest;
		} else if (!split) {
			k = p->fresh ? (fit > 0 ? fit : 1) : 0;
		} else {
			k = fit;
			if (rest - k == 1)
				k--; /* no widow */
			if (k < 2 && rest >= 2)
				k = 0; /* no orphan */
			if (k <= 0 && p->fresh)
				k = fit > 0 ? fit : 1;
		}
		if (k <= 0) {
			cj_pdf_new_page(p, p->landscape);
			continue;
		}
		for (; k > 0 && l; k--, i++, l = l->next) {
			draw_line(p, l->data, st, al, p->x0, width, p->y);
			p->y += s->pitch;
		}
		p->fresh = 0;
		if (i < n)
			cj_pdf_new_page(p, p->landscape);
	}
	p->y += s->after;
}

/* ------------------------------------------------------------- headings */

static enum pdf_style heading_style(int level)
{
	return level <= 1 ? ST_H1 : level == 2 ? ST_H2 : level == 3 ? ST_H3 : ST_H4;
}

/* A bookmark for a heading of level 1..3 at the current position. */
static void outline(struct pdf *p, int level, const char *text, double y)
{
	char dest[96];
	int parent, id, i;

	if (level > 3 || p->err)
		return;
	if (level < 1)
		level = 1;
	parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : p->outline[level - 1];
	if (level > 1 && !parent)
		parent = CAIRO_PDF_OUTLINE_ROOT;
	cj_buf_reset(&p->scratch);
	if (cj_cairo_clean(&p->scratch, text, 0)) {
		cj_pdf_fail(p, cj_buf_err(&p->scratch));
		return;
	}
	/* Integers only: a %f would follow the locale's decimal point. */
	snprintf(dest, sizeof(dest), "page=%d pos=[%d %d]", p->page, (int)p->x0,
		 (int)(y > 0 ? y : 0));
	id = cairo_pdf_surface_add_outline(p->surf, parent, cj_buf_str(&p->scratch), dest,
					   level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
	p->outline[level] = id;
	for (i = level + 1; i <= 3; i++)
		p->outline[i] = 0;
}

/* ---------------------------------------------------------------- charts */

/* The width of a chart: the portrait text block (a landscape page does not enlarge it). */
#define CHART_W (A4_W - M_LEFT - M_RIGHT)

static double chart_height(struct pdf *p, const struct cj_chart *c, double *ch)
{
	double h;
	enum cj_err e = cj_chart_cairo_height(c, &h);

	if (e) {
		cj_pdf_fail(p, e);
		return 0;
	}
	*ch = h * CHART_W / CJ_CHART_CAIRO_WIDTH;
	return *ch + 6 + (c->caption && *c->caption ? S(ST_CAPTION)->before +
				  cj_pdf_text_height(p, c->caption, ST_CAPTION, PANGO_ALIGN_CENTER) +
				  S(ST_CAPTION)->after : 0);
}

static void chart(struct pdf *p, const struct cj_chart *c)
{
	double ch, total = chart_height(p, c, &ch), s = CHART_W / CJ_CHART_CAIRO_WIDTH;
	enum cj_err e;

	if (p->err)
		return;
	cj_pdf_need(p, total + 6, 0);
	if (!p->fresh)
		p->y += 6;
	cairo_save(p->cr);
	cairo_translate(p->cr, p->x0 + (p->x1 - p->x0 - CHART_W) / 2, p->y);
	cairo_scale(p->cr, s, s);
	e = cj_chart_cairo_draw(c, p->cr);
	cairo_restore(p->cr);
	if (e) {
		cj_pdf_fail(p, e);
		return;
	}
	p->fresh = 0;
	p->y += ch + 6;
	if (c->caption && *c->caption)
		cj_pdf_text(p, c->caption, ST_CAPTION, PANGO_ALIGN_CENTER, 0);
}

/* --------------------------------------------------------------- nodes */

static int node_ok(const struct cj_node *nd)
{
	switch (nd->kind) {
	case CJ_N_HEADING:
	case CJ_N_PARA:
	case CJ_N_NOTE:
	case CJ_N_PAGEBREAK:
		return 1;
	case CJ_N_TABLE:
		return nd->table && (!nd->table->nrows || !nd->table->ncols || nd->table->cells);
	case CJ_N_CHART:
		return nd->chart && nd->chart->cats && nd->chart->series && nd->chart->values &&
		       nd->chart->value_labels &&
		       (nd->chart->kind != CJ_CHART_PIE ||
			(nd->chart->share_labels && nd->chart->nseries >= 1));
	}
	return 0;
}

/* Height the node needs where it starts, so that a heading is kept with it. */
static double start_height(struct pdf *p, const struct cj_doc *doc, size_t i, int depth)
{
	const struct cj_node *nd;
	double ch, h;
	int n;

	if (i >= doc->n || depth > 4 || p->err)
		return 0;
	nd = &doc->nodes[i];
	switch (nd->kind) {
	case CJ_N_HEADING:
		h = cj_pdf_text_height(p, nd->text, heading_style(nd->level), PANGO_ALIGN_LEFT);
		return S(heading_style(nd->level))->before + h +
		       S(heading_style(nd->level))->after + start_height(p, doc, i + 1, depth + 1);
	case CJ_N_PARA:
	case CJ_N_NOTE:
		if (!cj_pdf_lay(p, nd->text, nd->kind == CJ_N_PARA ? ST_BODY : ST_NOTE,
				PANGO_ALIGN_LEFT, p->x1 - p->x0, 1))
			return 0;
		n = pango_layout_get_line_count(p->lay);
		return (n < 2 ? n : 2) * S(nd->kind == CJ_N_PARA ? ST_BODY : ST_NOTE)->pitch;
	case CJ_N_CHART:
		return chart_height(p, nd->chart, &ch) + 6;
	case CJ_N_TABLE:
		return cj_pdf_table_start(p, nd->table);
	default:
		return 0;
	}
}

static void heading(struct pdf *p, const struct cj_doc *doc, size_t i)
{
	const struct cj_node *nd = &doc->nodes[i];
	enum pdf_style st = heading_style(nd->level);
	double need;

	if (p->open && p->landscape)
		cj_pdf_new_page(p, 0);
	need = start_height(p, doc, i, 0);
	cj_pdf_need(p, need, 0);
	outline(p, nd->level, nd->text, p->y + (p->fresh ? 0 : S(st)->before));
	cj_pdf_text(p, nd->text, st, S(st)->align, 1);
}

static void node(struct pdf *p, const struct cj_doc *doc, size_t i)
{
	const struct cj_node *nd = &doc->nodes[i];

	switch (nd->kind) {
	case CJ_N_HEADING:
		heading(p, doc, i);
		break;
	case CJ_N_PARA:
	case CJ_N_NOTE:
		if (p->open && p->landscape)
			cj_pdf_new_page(p, 0);
		cj_pdf_text(p, nd->text, nd->kind == CJ_N_PARA ? ST_BODY : ST_NOTE, PANGO_ALIGN_LEFT,
			    1);
		break;
	case CJ_N_TABLE:
		cj_pdf_table(p, nd->table);
		break;
	case CJ_N_CHART:
		if (p->open && p->landscape)
			cj_pdf_new_page(p, 0);
		chart(p, nd->chart);
		break;
	case CJ_N_PAGEBREAK:
		if (p->open && !p->fresh)
			end_page(p);
		break;
	}
}

/* ------------------------------------------------------------ metadata */

/* Days since 1970-01-01 -> civil date (H. Hinnant's algorithm). */
static void civil(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/*
 * SOURCE_DATE_EPOCH as an ISO 8601 UTC date for cairo, in buf; "" when
 * unset or empty.  CJ_ERR_PARSE when it is not a plain decimal number of
 * seconds up to 9999-12-31T23:59:59Z.
 */
static enum cj_err epoch_date(char *buf, size_t cap)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	int64_t t = 0, y;
	int m, d, sec;
	size_t i;

	buf[0] = '\0';
	if (!s || !*s)
		return CJ_OK;
	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 12)
			return CJ_ERR_PARSE;
		t = t * 10 + (s[i] - '0');
	}
	if (t > INT64_C(253402300799))
		return CJ_ERR_PARSE;
	civil(t / 86400, &y, &m, &d);
	sec = (int)(t % 86400);
	snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m, d, sec / 3600,
		 sec / 60 % 60, sec % 60);
	return CJ_OK;
}

static void metadata(struct pdf *p, const struct cj_doc *doc, const char *date)
{
	cj_buf_reset(&p->scratch);
	cj_cairo_clean(&p->scratch, doc->title, 0);
	if (!cj_buf_err(&p->scratch))
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE,
					       cj_buf_str(&p->scratch));
	cj_buf_reset(&p->scratch);
	cj_cairo_clean(&p->scratch, doc->author, 0);
	if (!cj_buf_err(&p->scratch))
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR,
					       cj_buf_str(&p->scratch));
	if (cj_buf_err(&p->scratch))
		cj_pdf_fail(p, cj_buf_err(&p->scratch));
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, "caijue " CJ_VERSION);
	if (*date) {
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_MOD_DATE, date);
	}
}

/* ----------------------------------------------------------------- API */

/*
 * cairo's write callback.  A failure is kept in the buffer's sticky
 * error and never reported to cairo: cairo 1.16 can crash finishing a
 * PDF surface whose stream failed, so it writes on into a buffer that
 * ignores it, and the caller checks the buffer once at the end.
 */
static cairo_status_t put(void *closure, const unsigned char *data, unsigned int len)
{
	cj_buf_put(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

enum cj_err cj_pdf_render(const struct cj_doc *doc, struct cj_buf *out)
{
	struct pdf p;
	char date[40];
	enum cj_err e;
	cairo_status_t st;
	size_t i;
	int k;

	if (!doc || !out)
		return CJ_ERR_USAGE;
	if (doc->err)
		return doc->err;
	for (i = 0; i < doc->n; i++)
		if (!node_ok(&doc->nodes[i]))
			return CJ_ERR_USAGE;
	e = epoch_date(date, sizeof(date));
	if (e)
		return e;

	memset(&p, 0, sizeof(p));
	p.out = out;
	cj_buf_init(&p.scratch, (size_t)16 << 20);
	p.surf = cairo_pdf_surface_create_for_stream(put, out, A4_W, A4_H);
	p.cr = cairo_create(p.surf);
	e = cj_cairo_err(cairo_status(p.cr));
	if (e)
		goto out;
	p.pc = pango_cairo_create_context(p.cr);
	cj_cairo_context_setup(p.pc);
	p.lay = pango_layout_new(p.pc);
	p.flay = pango_layout_new(p.pc);
	e = make_fonts(&p);
	if (e)
		goto out;
	metadata(&p, doc, date);

	begin(&p, 0);
	if (doc->title && *doc->title)
		cj_pdf_text(&p, doc->title, ST_TITLE, PANGO_ALIGN_CENTER, 1);
	for (i = 0; i < doc->n && !p.err; i++) {
		node(&p, doc, i);
		if (cj_buf_err(out))
			cj_pdf_fail(&p, cj_buf_err(out)); /* stop drawing what cannot be kept */
	}
	if (!p.err) {
		if (!p.page)
			begin(&p, 0); /* an empty document still has a page */
		end_page(&p);
	}
	e = p.err;
out:
	cj_pdf_table_cache_free(&p);
	if (p.lay)
		g_object_unref(p.lay);
	if (p.flay)
		g_object_unref(p.flay);
	if (p.pc)
		g_object_unref(p.pc);
	for (k = 0; k < ST_N; k++)
		if (p.fd[k])
			pango_font_description_free(p.fd[k]);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surf);
	st = cairo_surface_status(p.surf);
	cairo_surface_destroy(p.surf);
	cj_buf_release(&p.scratch);
	if (!e)
		e = cj_buf_err(out);
	if (!e)
		e = cj_cairo_err(st);
	return e;
}
