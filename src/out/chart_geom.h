/*
 * chart_geom.h - the geometry of a chart, shared by its two renderers:
 * svg.c (SVG markup) and chart_cairo.c (cairo paths and pango text, for
 * PNG and PDF).
 *
 * Units.  Every coordinate and length is a long in tenths of a pixel on
 * a canvas CJ_CHART_WIDTH (640) pixels wide, origin top left, y down;
 * CJ_CHART_W_T (6400) is that width in tenths.  Font sizes are whole
 * pixels.  The height depends on the chart (cj_chart_geom_height()).
 * Doubles appear only for ratios of values (bar heights, slice angles)
 * and are rounded to tenths at once (cj_chart_geom_tenths()).  Money is
 * never computed here: value and share labels are the chart's own; the
 * round numbers of the value axis are multiples of a step in fen,
 * formatted with cj_money_format() in 万元.
 *
 * What it computes, once for both renderers:
 *   - bars: a value axis of at most 6 round steps, the plot area, the
 *     width and position of every bar, the size of the value labels
 *     (11 px, else 9 px, else 10 px turned upright) and the room they
 *     need above and below the plot, the size of the category labels
 *     (12 px, else 10 px, else slanted at 11 px);
 *   - pies: slice angles, leader lines, the labels of each side pushed
 *     apart so that they do not overlap;
 *   - the legend, wrapped into centred rows;
 *   - the height of the whole chart.
 * Text widths are the renderer's: it passes a cj_chart_text_w (svg.c
 * estimates from display columns, chart_cairo.c measures with pango),
 * so the same layout code fits either.
 *
 * What it does not do: emit anything.  cj_chart_geom_paint() hands the
 * chart to a painter, primitive by primitive in drawing order (rectangle,
 * line, text, pie disc, pie wedge, leader line), and the renderer turns
 * each into XML elements or cairo paths.  Fonts, line widths and colour
 * syntax are the renderer's.
 */
#ifndef CJ_CHART_GEOM_H
#define CJ_CHART_GEOM_H

#include <stddef.h>

#include "../base/err.h"
#include "../report/doc.h"

#define CJ_CHART_WIDTH 640                  /* canvas width, px */
#define CJ_CHART_W_T (CJ_CHART_WIDTH * 10)  /* canvas width, tenths */
#define CJ_CHART_PI 3.14159265358979323846

/* The pie: centre and radius, tenths. */
#define CJ_CHART_PIE_CX 3200
#define CJ_CHART_PIE_CY 2000
#define CJ_CHART_PIE_R 1100

/* Colours, 0xRRGGBB. */
#define CJ_CHART_INK 0x262626UL    /* titles, labels */
#define CJ_CHART_MUTED 0x595959UL  /* ticks, unit line, 无数据 */
#define CJ_CHART_GRID 0xD9D9D9UL   /* grid lines, the empty pie */
#define CJ_CHART_LEADER 0x7F7F7FUL /* pie leader lines */
#define CJ_CHART_WHITE 0xFFFFFFUL  /* background, slice outlines */

/*
 * Width in tenths of `s` (UTF-8, never NULL; "" is 0 wide) set at font
 * size `px`, as the renderer will draw it.  `ctx` is the renderer's.
 */
typedef long (*cj_chart_text_w)(void *ctx, const char *s, long px);

/*
 * Where x lies on a text.  CJ_CHART_ANCHOR_DEFAULT is the start, left
 * unsaid: SVG writes no text-anchor for it.
 */
enum cj_chart_anchor {
	CJ_CHART_ANCHOR_DEFAULT,
	CJ_CHART_ANCHOR_START,
	CJ_CHART_ANCHOR_MIDDLE,
	CJ_CHART_ANCHOR_END,
};

/*
 * One text to draw.  Either a single string `a`, possibly rotated, or
 * (sep != NULL) one label of two pieces "a sep b" as in a legend entry
 * ("基本支出 89.27%"): the renderer draws `a`, then, when b is neither
 * NULL nor "", `sep` and `b` right after it, anchoring the whole.  Two
 * pieces are never rotated or bold.  The strings are borrowed from the
 * chart (or are constants) for the duration of the painter call.
 */
struct cj_chart_text {
	long x, y;                   /* anchor point on the baseline, tenths */
	long px;                     /* font size, px */
	enum cj_chart_anchor anchor;
	int deg;                     /* rotation about (x, y), degrees; < 0 counter-clockwise */
	int bold;
	unsigned long fill;          /* 0xRRGGBB */
	const char *a;               /* never NULL */
	const char *sep;             /* NULL: a single string */
	const char *b;               /* with sep: the second piece, may be NULL */
};

/*
 * A renderer: a width function and one callback per primitive, each
 * given `ctx`.  begin and end may be NULL; the others may not.  The
 * callbacks return nothing: a renderer keeps its own sticky error.
 */
struct cj_chart_painter {
	void *ctx;
	cj_chart_text_w text_w;
	/* Before anything else: the canvas is CJ_CHART_W_T by h tenths. */
	void (*begin)(void *ctx, const char *title, long h);
	void (*rect)(void *ctx, long x, long y, long wd, long ht, unsigned long fill);
	/* A straight line 1 px wide. */
	void (*line)(void *ctx, long x1, long y1, long x2, long y2, unsigned long stroke);
	void (*text)(void *ctx, const struct cj_chart_text *t);
	/* The whole pie circle, with a 1 px white outline when `outline`. */
	void (*disc)(void *ctx, unsigned long fill, int outline);
	/*
	 * A slice of the pie from angle a0 to a1 (radians clockwise from 12
	 * o'clock, a0 <= a1 <= 2 pi), with a 1 px white outline; its corners
	 * are at cj_chart_geom_pie_x/_y(CJ_CHART_PIE_R, a0 or a1).
	 */
	void (*wedge)(void *ctx, double a0, double a1, unsigned long fill);
	/* A leader line 1 px wide through three points (x0, y0, x1, y1, x2, y2). */
	void (*leader)(void *ctx, const long xy[6], unsigned long stroke);
	/* After everything. */
	void (*end)(void *ctx);
};

/*
 * CJ_OK if the chart can be drawn; CJ_ERR_USAGE for NULL or a chart that
 * is not filled (a NULL label array; a pie without share labels or
 * series).
 */
enum cj_err cj_chart_geom_check(const struct cj_chart *c);

/*
 * Height in tenths of the chart laid out with the widths of `tw`.  The
 * chart must pass cj_chart_geom_check().  Allocates nothing.
 */
long cj_chart_geom_height(const struct cj_chart *c, cj_chart_text_w tw, void *ctx);

/*
 * Lay the chart out with p->text_w and hand every primitive to `p`, in
 * drawing order: begin, background, title, the chart, legend, end.  The
 * chart must pass cj_chart_geom_check().  Returns CJ_OK, or CJ_ERR_NOMEM
 * (a pie's working arrays) before any callback is made.
 *
 *     struct cj_chart_painter p = {
 *         .ctx = &w, .text_w = est_w, .begin = svg_begin, .rect = svg_rect,
 *         .line = svg_line, .text = svg_text, .disc = svg_disc,
 *         .wedge = svg_wedge, .leader = svg_leader, .end = svg_end,
 *     };
 *     if (cj_chart_geom_check(c) == CJ_OK)
 *         e = cj_chart_geom_paint(c, &p);
 */
enum cj_err cj_chart_geom_paint(const struct cj_chart *c, const struct cj_chart_painter *p);

/* Colour i of the Office palette (0xRRGGBB), cycling after 10. */
unsigned long cj_chart_geom_color(size_t i);

/*
 * A length in pixels rounded to tenths, half away from zero; clamped to
 * +-10^9, far outside any canvas.
 */
long cj_chart_geom_tenths(double px);

/* x and y in tenths of the point at radius r (tenths) and angle a on the pie. */
long cj_chart_geom_pie_x(double r, double a);
long cj_chart_geom_pie_y(double r, double a);

#endif
