/*
 * svg.c - chart -> standalone SVG (see svg.h).
 *
 * The layout is chart_geom.c's; this file only writes its primitives as
 * SVG elements, with text widths estimated from display columns.
 * Geometry is in tenths of a pixel; every number printed goes through
 * cj_xmlw_fmt_tenths() or integer printf, never "%f", so no locale or
 * libc float formatting is involved.  Money is never computed here.
 */
#include "svg.h"

#include <stdio.h>
#include <string.h>

#include "../base/utf8.h"
#include "chart_geom.h"
#include "xmlw.h"

_Static_assert(CJ_SVG_WIDTH == CJ_CHART_WIDTH, "one canvas for both renderers");

#define FONT_STACK "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif"

/* ------------------------------------------------------------- helpers */

/* Estimated width in tenths of `s` at font size `px`: half an em per column. */
static long text_w(void *ctx, const char *s, long px)
{
	(void)ctx;
	return (long)cj_utf8_width(s, strlen(s)) * px * 5;
}

/* An attribute holding a colour 0xRRGGBB as "#RRGGBB". */
static void attr_color(struct cj_xmlw *w, const char *name, unsigned long rgb)
{
	char hex[16];

	snprintf(hex, sizeof(hex), "#%06lX", rgb & 0xFFFFFFUL);
	cj_xmlw_attr(w, name, hex);
}

/* Append a coordinate in tenths and a separator to a fixed path buffer. */
static void put_num(char *buf, size_t cap, size_t *len, long t, const char *sep)
{
	char tmp[32];

	cj_xmlw_fmt_tenths(tmp, sizeof(tmp), t);
	if (*len < cap)
		*len += (size_t)snprintf(buf + *len, cap - *len, "%s%s", tmp, sep);
	if (*len >= cap)
		*len = cap - 1;
}

/* ---------------------------------------------------------- primitives */

static void svg_begin(void *ctx, const char *title, long h)
{
	struct cj_xmlw *w = ctx;
	char vb[64];
	size_t n;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "svg");
	cj_xmlw_attr(w, "xmlns", "http://www.w3.org/2000/svg");
	cj_xmlw_attr_int(w, "width", CJ_SVG_WIDTH);
	cj_xmlw_attr_tenths(w, "height", h);
	n = (size_t)snprintf(vb, sizeof(vb), "0 0 %d ", CJ_SVG_WIDTH);
	cj_xmlw_fmt_tenths(vb + n, sizeof(vb) - n, h);
	cj_xmlw_attr(w, "viewBox", vb);
	cj_xmlw_attr(w, "font-family", FONT_STACK);
	cj_xmlw_attr(w, "role", "img");
	cj_xmlw_attr(w, "aria-label", title);
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "title");
	cj_xmlw_text(w, title);
	cj_xmlw_end(w, "title");
	cj_xmlw_nl(w);
}

static void svg_end(void *ctx)
{
	struct cj_xmlw *w = ctx;

	cj_xmlw_end(w, "svg");
	cj_xmlw_nl(w);
}

static void svg_rect(void *ctx, long x, long y, long wd, long ht, unsigned long fill)
{
	struct cj_xmlw *w = ctx;

	cj_xmlw_start(w, "rect");
	cj_xmlw_attr_tenths(w, "x", x);
	cj_xmlw_attr_tenths(w, "y", y);
	cj_xmlw_attr_tenths(w, "width", wd);
	cj_xmlw_attr_tenths(w, "height", ht);
	attr_color(w, "fill", fill);
	cj_xmlw_end(w, "rect");
	cj_xmlw_nl(w);
}

static void svg_line(void *ctx, long x1, long y1, long x2, long y2, unsigned long stroke)
{
	struct cj_xmlw *w = ctx;

	cj_xmlw_start(w, "line");
	cj_xmlw_attr_tenths(w, "x1", x1);
	cj_xmlw_attr_tenths(w, "y1", y1);
	cj_xmlw_attr_tenths(w, "x2", x2);
	cj_xmlw_attr_tenths(w, "y2", y2);
	attr_color(w, "stroke", stroke);
	cj_xmlw_attr(w, "stroke-width", "1");
	cj_xmlw_end(w, "line");
	cj_xmlw_nl(w);
}

/* One <text>: a rotation is a transform about the anchor point. */
static void svg_text(void *ctx, const struct cj_chart_text *t)
{
	static const char *const anchors[] = {NULL, "start", "middle", "end"};
	struct cj_xmlw *w = ctx;

	cj_xmlw_start(w, "text");
	cj_xmlw_attr_tenths(w, "x", t->x);
	cj_xmlw_attr_tenths(w, "y", t->y);
	cj_xmlw_attr_int(w, "font-size", t->px);
	if (t->bold)
		cj_xmlw_attr(w, "font-weight", "bold");
	if (anchors[t->anchor])
		cj_xmlw_attr(w, "text-anchor", anchors[t->anchor]);
	attr_color(w, "fill", t->fill);
	if (t->deg) {
		char tr[96];
		size_t n = (size_t)snprintf(tr, sizeof(tr), "rotate(%d ", t->deg);

		put_num(tr, sizeof(tr), &n, t->x, " ");
		put_num(tr, sizeof(tr), &n, t->y, ")");
		cj_xmlw_attr(w, "transform", tr);
	}
	cj_xmlw_text(w, t->a);
	if (t->sep && t->b && *t->b) {
		cj_xmlw_text(w, t->sep);
		cj_xmlw_text(w, t->b);
	}
	cj_xmlw_end(w, "text");
	cj_xmlw_nl(w);
}

static void svg_disc(void *ctx, unsigned long fill, int outline)
{
	struct cj_xmlw *w = ctx;

	cj_xmlw_start(w, "circle");
	cj_xmlw_attr_tenths(w, "cx", CJ_CHART_PIE_CX);
	cj_xmlw_attr_tenths(w, "cy", CJ_CHART_PIE_CY);
	cj_xmlw_attr_tenths(w, "r", CJ_CHART_PIE_R);
	attr_color(w, "fill", fill);
	if (outline) {
		attr_color(w, "stroke", CJ_CHART_WHITE);
		cj_xmlw_attr(w, "stroke-width", "1");
	}
	cj_xmlw_end(w, "circle");
	cj_xmlw_nl(w);
}

static void svg_wedge(void *ctx, double a0, double a1, unsigned long fill)
{
	struct cj_xmlw *w = ctx;
	const long r = CJ_CHART_PIE_R;
	char d[256];
	size_t len = (size_t)snprintf(d, sizeof(d), "M");

	put_num(d, sizeof(d), &len, CJ_CHART_PIE_CX, " ");
	put_num(d, sizeof(d), &len, CJ_CHART_PIE_CY, "L");
	put_num(d, sizeof(d), &len, cj_chart_geom_pie_x(r, a0), " ");
	put_num(d, sizeof(d), &len, cj_chart_geom_pie_y(r, a0), "A");
	put_num(d, sizeof(d), &len, r, " ");
	put_num(d, sizeof(d), &len, r, a1 - a0 > CJ_CHART_PI ? " 0 1 1 " : " 0 0 1 ");
	put_num(d, sizeof(d), &len, cj_chart_geom_pie_x(r, a1), " ");
	put_num(d, sizeof(d), &len, cj_chart_geom_pie_y(r, a1), "Z");
	cj_xmlw_start(w, "path");
	cj_xmlw_attr(w, "d", d);
	attr_color(w, "fill", fill);
	attr_color(w, "stroke", CJ_CHART_WHITE);
	cj_xmlw_attr(w, "stroke-width", "1");
	cj_xmlw_end(w, "path");
	cj_xmlw_nl(w);
}

static void svg_leader(void *ctx, const long xy[6], unsigned long stroke)
{
	struct cj_xmlw *w = ctx;
	char pts[160];
	size_t len = 0;

	put_num(pts, sizeof(pts), &len, xy[0], ",");
	put_num(pts, sizeof(pts), &len, xy[1], " ");
	put_num(pts, sizeof(pts), &len, xy[2], ",");
	put_num(pts, sizeof(pts), &len, xy[3], " ");
	put_num(pts, sizeof(pts), &len, xy[4], ",");
	put_num(pts, sizeof(pts), &len, xy[5], "");
	cj_xmlw_start(w, "polyline");
	cj_xmlw_attr(w, "points", pts);
	cj_xmlw_attr(w, "fill", "none");
	attr_color(w, "stroke", stroke);
	cj_xmlw_attr(w, "stroke-width", "1");
	cj_xmlw_end(w, "polyline");
	cj_xmlw_nl(w);
}

/* ----------------------------------------------------------------- API */

enum cj_err cj_svg_chart(const struct cj_chart *c, struct cj_buf *out)
{
	struct cj_xmlw w;
	struct cj_chart_painter p = {
		.ctx = &w, .text_w = text_w, .begin = svg_begin, .rect = svg_rect,
		.line = svg_line, .text = svg_text, .disc = svg_disc, .wedge = svg_wedge,
		.leader = svg_leader, .end = svg_end,
	};
	enum cj_err e;

	if (!out || cj_chart_geom_check(c))
		return CJ_ERR_USAGE;
	cj_xmlw_init(&w, out);
	e = cj_chart_geom_paint(c, &p);
	if (e)
		return e;
	return cj_xmlw_finish(&w);
}
