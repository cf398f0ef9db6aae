/*
 * chart_cairo.c - chart -> cairo drawing with pango labels (see
 * chart_cairo.h).
 *
 * The layout is chart_geom.c's, the one svg.c uses: geometry arrives in
 * tenths of a chart unit (long) and becomes doubles only when drawn.
 * Text widths come from pango (measured at the size drawn, without
 * hinting, so they scale with the surface).  With no cairo_t (cc.cr ==
 * NULL) the canvas only measures, which is how cj_chart_cairo_height()
 * learns the height before a surface exists.
 *
 * Money is never computed here: labels and axis ticks come from
 * chart_geom.c and the chart.
 */
#include "chart_cairo.h"

#include <stdint.h>
#include <string.h>

#include "../base/utf8.h"
#include "chart_geom.h"

#define FONT_STACK "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif"

_Static_assert((int)CJ_CHART_CAIRO_WIDTH == CJ_CHART_WIDTH, "one canvas for both renderers");

/* ---------------------------------------------------- pango helpers */

void cj_cairo_context_setup(PangoContext *pc)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72.0);
	pango_context_set_language(pc, pango_language_from_string("zh-cn"));
}

enum cj_err cj_cairo_clean(struct cj_buf *out, const char *s, int keep_nl)
{
	size_t i = 0, len = s ? strlen(s) : 0, adv;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;

		if (c == '\r' || c == '\n') {
			i += (c == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
			cj_buf_putc(out, keep_nl ? '\n' : ' ');
			continue;
		}
		if (c < 0x80) {
			if (c == '\t')
				cj_buf_putc(out, ' ');
			else if (c >= 0x20 && c != 0x7F)
				cj_buf_putc(out, (char)c);
			i++;
			continue;
		}
		cp = cj_utf8_decode(s + i, len - i, &adv);
		if (cp == 0xFFFD)
			cj_buf_puts(out, "\xEF\xBF\xBD"); /* also a bad byte */
		else if (!((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF))
			cj_buf_put(out, s + i, adv);
		i += adv;
	}
	return cj_buf_err(out);
}

enum cj_err cj_cairo_set_text(PangoLayout *lay, const char *s, int keep_nl,
			      struct cj_buf *scratch)
{
	cj_buf_reset(scratch);
	if (cj_cairo_clean(scratch, s, keep_nl)) {
		pango_layout_set_text(lay, "", 0);
		return cj_buf_err(scratch);
	}
	pango_layout_set_text(lay, cj_buf_str(scratch), (int)scratch->len);
	return CJ_OK;
}

enum cj_err cj_cairo_err(cairo_status_t st)
{
	if (st == CAIRO_STATUS_SUCCESS)
		return CJ_OK;
	return st == CAIRO_STATUS_NO_MEMORY ? CJ_ERR_NOMEM : CJ_ERR_IO;
}


/* ------------------------------------------------------ the canvas */

struct cc {
	cairo_t *cr;              /* NULL: measure only */
	PangoContext *pc;         /* owned */
	PangoLayout *lay;         /* owned */
	PangoFontDescription *fd; /* owned; size and weight set per text */
	struct cj_buf scratch;    /* cleaned text */
	enum cj_err err;          /* sticky: first failure; nothing is drawn after it */
};

static void cc_open(struct cc *k, cairo_t *cr)
{
	memset(k, 0, sizeof(*k));
	cj_buf_init(&k->scratch, 1 << 20);
	k->cr = cr;
	if (cr)
		k->pc = pango_cairo_create_context(cr);
	else
		k->pc = pango_font_map_create_context(pango_cairo_font_map_get_default());
	cj_cairo_context_setup(k->pc);
	k->lay = pango_layout_new(k->pc);
	k->fd = pango_font_description_from_string(FONT_STACK);
}

static void cc_close(struct cc *k)
{
	pango_font_description_free(k->fd);
	g_object_unref(k->lay);
	g_object_unref(k->pc);
	cj_buf_release(&k->scratch);
}

/* A length in tenths as a double in chart units. */
static double tt(long t)
{
	return (double)t / 10.0;
}

/* Set s in the layout at size px; 0 on failure (sticky error set). */
static int set(struct cc *k, const char *s, long px, int bold)
{
	enum cj_err e;

	if (k->err)
		return 0;
	pango_font_description_set_absolute_size(k->fd, (double)px * PANGO_SCALE);
	pango_font_description_set_weight(k->fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(k->lay, k->fd);
	e = cj_cairo_set_text(k->lay, s, 0, &k->scratch);
	if (e) {
		k->err = e;
		return 0;
	}
	return 1;
}

/* Width in tenths of s at size px (a cj_chart_text_w; ctx is a struct cc). */
static long text_w(void *ctx, const char *s, long px)
{
	struct cc *k = ctx;
	PangoRectangle lg;

	if (!*s || !set(k, s, px, 0))
		return 0;
	pango_layout_get_extents(k->lay, NULL, &lg);
	return cj_chart_geom_tenths((double)lg.width / PANGO_SCALE);
}

static void rgb(struct cc *k, unsigned long c)
{
	cairo_set_source_rgb(k->cr, (double)((c >> 16) & 255) / 255.0,
			     (double)((c >> 8) & 255) / 255.0, (double)(c & 255) / 255.0);
}

/* Draw s with its baseline at y (tenths) and anchored at x. */
static void text_at(struct cc *k, long x, long y, long px, enum cj_chart_anchor an,
		    unsigned long fill, int bold, const char *s)
{
	PangoRectangle lg;
	double dx = 0;

	if (!k->cr || !*s || !set(k, s, px, bold))
		return;
	pango_cairo_update_layout(k->cr, k->lay);
	pango_layout_get_extents(k->lay, NULL, &lg);
	if (an == CJ_CHART_ANCHOR_MIDDLE)
		dx = (double)lg.width / PANGO_SCALE / 2;
	else if (an == CJ_CHART_ANCHOR_END)
		dx = (double)lg.width / PANGO_SCALE;
	rgb(k, fill);
	cairo_move_to(k->cr, tt(x) - dx,
		      tt(y) - (double)pango_layout_get_baseline(k->lay) / PANGO_SCALE);
	pango_cairo_show_layout(k->cr, k->lay);
}

/*
 * A label of two pieces "a sep b", drawn as two layouts side by side
 * (the way svg.c writes them in one <text>) and anchored as a whole.
 */
static void pair_at(struct cc *k, const struct cj_chart_text *t)
{
	int second = t->b && *t->b;
	long x = t->x, wa = text_w(k, t->a, t->px);
	long wd = wa + (second ? text_w(k, t->sep, t->px) + text_w(k, t->b, t->px) : 0);

	if (t->anchor == CJ_CHART_ANCHOR_END)
		x -= wd;
	else if (t->anchor == CJ_CHART_ANCHOR_MIDDLE)
		x -= wd / 2;
	text_at(k, x, t->y, t->px, CJ_CHART_ANCHOR_START, t->fill, 0, t->a);
	if (second)
		text_at(k, x + wa + text_w(k, t->sep, t->px), t->y, t->px, CJ_CHART_ANCHOR_START,
			t->fill, 0, t->b);
}

/* ---------------------------------------------------------- primitives */

static void cc_text(void *ctx, const struct cj_chart_text *t)
{
	struct cc *k = ctx;

	if (k->err)
		return;
	if (t->sep) {
		pair_at(k, t);
	} else if (t->deg) {
		/* Rotated about the anchor point; negative: counter-clockwise. */
		cairo_save(k->cr);
		cairo_translate(k->cr, tt(t->x), tt(t->y));
		cairo_rotate(k->cr, t->deg * CJ_CHART_PI / 180.0);
		text_at(k, 0, 0, t->px, t->anchor, t->fill, t->bold, t->a);
		cairo_restore(k->cr);
	} else {
		text_at(k, t->x, t->y, t->px, t->anchor, t->fill, t->bold, t->a);
	}
}

static void cc_rect(void *ctx, long x, long y, long wd, long ht, unsigned long fill)
{
	struct cc *k = ctx;

	if (k->err)
		return;
	rgb(k, fill);
	cairo_rectangle(k->cr, tt(x), tt(y), tt(wd), tt(ht));
	cairo_fill(k->cr);
}

/* Stroke the current path 1 unit wide. */
static void stroke(struct cc *k, unsigned long color)
{
	rgb(k, color);
	cairo_set_line_width(k->cr, 1.0);
	cairo_stroke(k->cr);
}

static void cc_line(void *ctx, long x1, long y1, long x2, long y2, unsigned long color)
{
	struct cc *k = ctx;

	if (k->err)
		return;
	rgb(k, color);
	cairo_set_line_width(k->cr, 1.0);
	cairo_move_to(k->cr, tt(x1), tt(y1));
	cairo_line_to(k->cr, tt(x2), tt(y2));
	cairo_stroke(k->cr);
}

/* Fill the current path, then outline it in white. */
static void fill_outlined(struct cc *k, unsigned long fill)
{
	rgb(k, fill);
	cairo_fill_preserve(k->cr);
	stroke(k, CJ_CHART_WHITE);
}

static void cc_disc(void *ctx, unsigned long fill, int outline)
{
	struct cc *k = ctx;

	if (k->err)
		return;
	cairo_new_path(k->cr);
	cairo_arc(k->cr, tt(CJ_CHART_PIE_CX), tt(CJ_CHART_PIE_CY), tt(CJ_CHART_PIE_R), 0,
		  2 * CJ_CHART_PI);
	if (outline) {
		fill_outlined(k, fill);
		return;
	}
	rgb(k, fill);
	cairo_fill(k->cr);
}

static void cc_wedge(void *ctx, double a0, double a1, unsigned long fill)
{
	struct cc *k = ctx;
	double cx = tt(CJ_CHART_PIE_CX), cy = tt(CJ_CHART_PIE_CY);

	if (k->err)
		return;
	cairo_new_path(k->cr);
	cairo_move_to(k->cr, cx, cy);
	cairo_line_to(k->cr, tt(cj_chart_geom_pie_x(CJ_CHART_PIE_R, a0)),
		      tt(cj_chart_geom_pie_y(CJ_CHART_PIE_R, a0)));
	/* cairo measures angles from 3 o'clock; ours start at 12. */
	cairo_arc(k->cr, cx, cy, tt(CJ_CHART_PIE_R), a0 - CJ_CHART_PI / 2, a1 - CJ_CHART_PI / 2);
	cairo_close_path(k->cr);
	fill_outlined(k, fill);
}

static void cc_leader(void *ctx, const long xy[6], unsigned long color)
{
	struct cc *k = ctx;

	if (k->err)
		return;
	cairo_new_path(k->cr);
	cairo_move_to(k->cr, tt(xy[0]), tt(xy[1]));
	cairo_line_to(k->cr, tt(xy[2]), tt(xy[3]));
	cairo_line_to(k->cr, tt(xy[4]), tt(xy[5]));
	stroke(k, color);
}

/* ----------------------------------------------------------------- API */

enum cj_err cj_chart_cairo_height(const struct cj_chart *c, double *height)
{
	struct cc k;
	long h;
	enum cj_err e;

	if (cj_chart_geom_check(c) || !height)
		return CJ_ERR_USAGE;
	cc_open(&k, NULL);
	h = cj_chart_geom_height(c, text_w, &k);
	e = k.err;
	cc_close(&k);
	if (!e)
		*height = tt(h);
	return e;
}

enum cj_err cj_chart_cairo_draw(const struct cj_chart *c, cairo_t *cr)
{
	struct cc k;
	struct cj_chart_painter p = {
		.ctx = &k, .text_w = text_w, .rect = cc_rect, .line = cc_line, .text = cc_text,
		.disc = cc_disc, .wedge = cc_wedge, .leader = cc_leader,
	};
	enum cj_err e;

	if (cj_chart_geom_check(c) || !cr)
		return CJ_ERR_USAGE;
	e = cj_cairo_err(cairo_status(cr));
	if (e)
		return e;
	cairo_save(cr);
	cairo_new_path(cr);
	cc_open(&k, cr);
	e = cj_chart_geom_paint(c, &p);
	if (!e)
		e = k.err;
	cc_close(&k);
	cairo_restore(cr);
	if (!e)
		e = cj_cairo_err(cairo_status(cr));
	return e;
}
