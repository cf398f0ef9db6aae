/*
 * chart_geom.c - chart layout shared by svg.c and chart_cairo.c (see
 * chart_geom.h).
 *
 * The constants below are the design: plot area, bar proportions, label
 * sizes and offsets, legend metrics, pie label spacing.  Changing one
 * changes every SVG, PNG and PDF chart, and the golden files with them.
 *
 * Layout and drawing are separate passes over the same numbers: a layout
 * function works out sizes with the renderer's text widths only (which
 * is all cj_chart_geom_height() runs), and the paint functions then hand
 * the primitives to the painter in the order the SVG has always written
 * its elements.
 */
#include "chart_geom.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"

/* The Office palette: distinct in colour and, mostly, in grey. */
static const unsigned long palette[] = {
	0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5,
	0x70AD47, 0x264478, 0x9E480E, 0x636363, 0x997300,
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

#define W_T CJ_CHART_W_T

/* ------------------------------------------------------------- helpers */

static const char *str(const char *s)
{
	return s ? s : "";
}

unsigned long cj_chart_geom_color(size_t i)
{
	return palette[i % NPALETTE];
}

long cj_chart_geom_tenths(double px)
{
	double t = px * 10.0;

	if (t > 1e9)
		return 1000000000L;
	if (t < -1e9)
		return -1000000000L;
	return (long)(t >= 0 ? t + 0.5 : t - 0.5);
}

enum cj_err cj_chart_geom_check(const struct cj_chart *c)
{
	if (!c || !c->cats || !c->series || !c->values || !c->value_labels)
		return CJ_ERR_USAGE;
	if (c->kind == CJ_CHART_PIE && (!c->share_labels || c->nseries < 1))
		return CJ_ERR_USAGE;
	return CJ_OK;
}

/* One string s, rotated by deg (0: upright). */
static void text1(const struct cj_chart_painter *p, long x, long y, long px,
		  enum cj_chart_anchor an, unsigned long fill, int deg, const char *s)
{
	struct cj_chart_text t = {
		.x = x, .y = y, .px = px, .anchor = an, .deg = deg, .fill = fill, .a = s,
	};

	p->text(p->ctx, &t);
}

/* One label of two pieces, "a sep b" (b NULL or "": just a). */
static void text2(const struct cj_chart_painter *p, long x, long y, long px,
		  enum cj_chart_anchor an, unsigned long fill, const char *a, const char *sep,
		  const char *b)
{
	struct cj_chart_text t = {
		.x = x, .y = y, .px = px, .anchor = an, .fill = fill, .a = a, .sep = sep, .b = b,
	};

	p->text(p->ctx, &t);
}

/* The parts every chart has: the canvas, its background, the title. */
static void open_chart(const struct cj_chart_painter *p, const struct cj_chart *c, long h)
{
	struct cj_chart_text t = {
		.x = W_T / 2, .y = 280, .px = 16, .anchor = CJ_CHART_ANCHOR_MIDDLE, .bold = 1,
		.fill = CJ_CHART_INK, .a = str(c->title),
	};

	if (p->begin)
		p->begin(p->ctx, str(c->title), h);
	p->rect(p->ctx, 0, 0, W_T, h, CJ_CHART_WHITE);
	p->text(p->ctx, &t);
}

static void close_chart(const struct cj_chart_painter *p)
{
	if (p->end)
		p->end(p->ctx);
}

static void no_data(const struct cj_chart_painter *p, long y)
{
	text1(p, W_T / 2, y, 16, CJ_CHART_ANCHOR_MIDDLE, CJ_CHART_MUTED, 0, "无数据");
}

/* -------------------------------------------------------------- legend */

#define LEG_FONT 12
#define LEG_ROW 200       /* row height, tenths */
#define LEG_MAXW 6000     /* widest row, tenths */
#define LEG_SWATCH 120
#define LEG_GAP 60        /* swatch to text */
#define LEG_SEP 200       /* between entries */

/*
 * The label of legend entry i: a series name (bars) or "category share"
 * (pies).  A pie slice without a share label shows 0.00% when its value
 * is zero (the only share that needs no computing), nothing otherwise.
 */
static void leg_parts(const struct cj_chart *c, size_t i, const char **a, const char **b)
{
	if (c->kind != CJ_CHART_PIE) {
		*a = str(c->series[i]);
		*b = NULL;
		return;
	}
	*a = str(c->cats[i]);
	*b = c->share_labels[i];
	if (!*b && c->values[i] == 0)
		*b = "0.00%";
}

static long leg_width(const struct cj_chart *c, size_t i, cj_chart_text_w tw, void *ctx)
{
	const char *a, *b;
	long wd;

	leg_parts(c, i, &a, &b);
	wd = LEG_SWATCH + LEG_GAP + tw(ctx, a, LEG_FONT);
	if (b && *b)
		wd += tw(ctx, " ", LEG_FONT) + tw(ctx, b, LEG_FONT);
	return wd;
}

/*
 * Lay out the legend in centred rows from the baseline y of its first
 * row, and draw it when p is not NULL; returns the number of rows.
 */
static long legend(const struct cj_chart *c, cj_chart_text_w tw, void *ctx, long y,
		   const struct cj_chart_painter *p)
{
	size_t n = c->kind == CJ_CHART_PIE ? c->ncats : c->nseries;
	size_t i = 0, j, k;
	long rows = 0, roww, x;

	while (i < n) {
		/* Entries i..k-1 fill this row; at least one per row. */
		roww = leg_width(c, i, tw, ctx);
		for (k = i + 1; k < n && roww + LEG_SEP + leg_width(c, k, tw, ctx) <= LEG_MAXW; k++)
			roww += LEG_SEP + leg_width(c, k, tw, ctx);
		if (p) {
			x = (W_T - roww) / 2;
			for (j = i; j < k; j++) {
				const char *a, *b;

				leg_parts(c, j, &a, &b);
				p->rect(p->ctx, x, y - 100, LEG_SWATCH, LEG_SWATCH,
					cj_chart_geom_color(j));
				text2(p, x + LEG_SWATCH + LEG_GAP, y, LEG_FONT, CJ_CHART_ANCHOR_DEFAULT,
				      CJ_CHART_INK, a, " ", b);
				x += leg_width(c, j, tw, ctx) + LEG_SEP;
			}
		}
		rows++;
		y += LEG_ROW;
		i = k;
	}
	return rows;
}

/* ---------------------------------------------------------------- bars */

/* Plot area, tenths: left and right fixed, top and bottom per chart. */
#define PL 760
#define PR 6240
#define PT 760
#define PH 2440 /* height of the value axis */

/* A value axis from -lo_k*step to hi_k*step fen, in round steps. */
struct axis {
	uint64_t step;    /* fen: 1, 2 or 5 x 10^k, at least 0.01 万元 */
	long lo_k;        /* steps below zero */
	long hi_k;        /* steps above zero */
	long top, bottom; /* y of the highest and lowest tick, tenths */
};

static uint64_t ceil_div_u(uint64_t a, uint64_t b)
{
	return a / b + (a % b != 0);
}

/* The smallest round step giving at most 6 intervals that cover [vmin, vmax]. */
static void nice_axis(int64_t vmin, int64_t vmax, struct axis *ax)
{
	static const uint64_t mult[3] = {1, 2, 5};
	uint64_t p = 10000, up, down; /* 10000 fen = 0.01 万元 */
	size_t m;

	if (vmin == 0 && vmax == 0)
		vmax = CJ_FEN_PER_WAN; /* all zero: an axis of 0..1 */
	up = vmax > 0 ? (uint64_t)vmax : 0;
	down = vmin < 0 ? 0 - (uint64_t)vmin : 0;
	for (;;) {
		for (m = 0; m < 3; m++) {
			uint64_t step = mult[m] * p;
			uint64_t hi = ceil_div_u(up, step), lo = ceil_div_u(down, step);

			if (hi + lo <= 6) {
				ax->step = step;
				ax->lo_k = (long)lo;
				ax->hi_k = (long)hi;
				return;
			}
		}
		p *= 10; /* stops by p = 10^18: 5e18 covers any int64 in <= 4 steps */
	}
}

/* y in tenths of a value in fen on the axis. */
static long axis_y(const struct axis *ax, int64_t v)
{
	double n = (double)(ax->lo_k + ax->hi_k) * (double)ax->step;
	double off = (double)v + (double)ax->lo_k * (double)ax->step;

	return ax->bottom - cj_chart_geom_tenths(off / n * (double)(ax->bottom - ax->top) / 10.0);
}

/* y in tenths of tick k (integer: ticks are exact). */
static long tick_y(const struct axis *ax, long k)
{
	return ax->bottom - (k + ax->lo_k) * (ax->bottom - ax->top) / (ax->lo_k + ax->hi_k);
}

/* Tick label of k steps, in 万元 at the precision the step needs. */
static void tick_label(const struct axis *ax, long k, char *buf, size_t cap)
{
	uint64_t mag = (uint64_t)(k < 0 ? -k : k);
	int dec = ax->step % 1000000 == 0 ? 0 : ax->step % 100000 == 0 ? 1 : 2;
	int64_t fen;

	buf[0] = '\0';
	if (mag && ax->step > (uint64_t)INT64_MAX / mag)
		return; /* beyond int64 fen: leave the tick unlabelled */
	fen = (int64_t)(mag * ax->step);
	cj_money_format(k < 0 ? -fen : fen, CJ_FEN_PER_WAN, dec, 0, buf, cap);
}

/* The layout of a bar chart, tenths unless said. */
struct bars {
	int empty;     /* no values: the title and 无数据 only */
	struct axis ax;
	long gw;       /* group width: one group per category */
	long bw;       /* slot of one bar: the bar and its share of the gap */
	long gap;      /* between the bars of a group */
	long bwd;      /* drawn bar width */
	long lpx;      /* font size of the value labels, px */
	int vlab;      /* value labels turned upright */
	long catpx;    /* font size of the category labels, px */
	int rotate;    /* category labels slanted */
	long room_bot; /* added below the plot for labels of negative bars */
	long leg_y;    /* baseline of the first legend row */
	long h;        /* height of the chart */
};

/* Widest of n labels at size px, tenths. */
static long max_w(cj_chart_text_w tw, void *ctx, char *const *labels, size_t n, long px)
{
	long m = 0, w;
	size_t i;

	for (i = 0; i < n; i++) {
		w = tw(ctx, str(labels[i]), px);
		if (w > m)
			m = w;
	}
	return m;
}

static void bars_layout(const struct cj_chart *c, cj_chart_text_w tw, void *ctx, struct bars *b)
{
	int64_t vmin = 0, vmax = 0;
	size_t i, nv = c->ncats * c->nseries;
	long room_top = 0, label_h;

	memset(b, 0, sizeof(*b));
	if (!nv) {
		b->empty = 1;
		b->h = 2000;
		return;
	}
	for (i = 0; i < nv; i++) {
		if (c->values[i] < vmin)
			vmin = c->values[i];
		if (c->values[i] > vmax)
			vmax = c->values[i];
	}
	nice_axis(vmin, vmax, &b->ax);

	/* Bars: 70% of each group, at most 64 px each, a small gap between. */
	b->gw = (PR - PL) / (long)c->ncats;
	b->bw = b->gw * 7 / 10 / (long)c->nseries;
	if (b->bw > 640)
		b->bw = 640;
	if (b->bw < 2)
		b->bw = 2;
	b->gap = c->nseries > 1 ? (b->bw / 5 < 40 ? b->bw / 5 : 40) : 0;
	b->bwd = b->bw - b->gap;

	/*
	 * Value labels: 11px if every one fits its bar, else 9px if it fits
	 * bar and gap, else 10px turned upright.  Then make room above the
	 * plot (upright labels of tall bars) and below it (labels of
	 * negative bars), measured on an axis whose top tick is at 0.
	 */
	if (max_w(tw, ctx, c->value_labels, nv, 11) <= b->bwd) {
		b->lpx = 11;
	} else if (max_w(tw, ctx, c->value_labels, nv, 9) <= b->bw) {
		b->lpx = 9;
	} else {
		b->lpx = 10;
		b->vlab = 1;
	}
	b->ax.top = 0;
	b->ax.bottom = PH;
	for (i = 0; i < nv; i++) {
		long y = axis_y(&b->ax, c->values[i]);
		long need = b->vlab ? tw(ctx, str(c->value_labels[i]), b->lpx) + 60 : 170;

		if (c->values[i] >= 0 && b->vlab && need - y > room_top)
			room_top = need - y;
		if (c->values[i] < 0 && need - (PH - y) > b->room_bot)
			b->room_bot = need - (PH - y);
	}
	b->ax.top = PT + room_top;
	b->ax.bottom = b->ax.top + PH;

	/* Category labels: 12px if they fit their group, else 10px, else slanted at 11px. */
	b->catpx = 12;
	if (max_w(tw, ctx, c->cats, c->ncats, 12) > b->gw * 95 / 100) {
		b->catpx = 10;
		if (max_w(tw, ctx, c->cats, c->ncats, 10) > b->gw * 95 / 100) {
			b->rotate = 1;
			b->catpx = 11;
		}
	}
	label_h = b->rotate ? max_w(tw, ctx, c->cats, c->ncats, 11) * 58 / 100 + 240 : 260;
	b->leg_y = b->ax.bottom + b->room_bot + label_h + 200;
	b->h = b->leg_y + legend(c, tw, ctx, b->leg_y, NULL) * LEG_ROW + 40;
}

static void bars_paint(const struct cj_chart *c, const struct bars *b,
		       const struct cj_chart_painter *p)
{
	const struct axis *ax = &b->ax;
	size_t i, s;
	long k, y0;
	char tick[40];

	open_chart(p, c, b->h);
	if (b->empty) {
		no_data(p, 1100);
		close_chart(p);
		return;
	}
	if (c->unit && *c->unit)
		text2(p, 200, 560, 12, CJ_CHART_ANCHOR_DEFAULT, CJ_CHART_MUTED, "单位：", "",
		      c->unit);

	/* Grid lines and ticks. */
	for (k = -ax->lo_k; k <= ax->hi_k; k++) {
		long y = tick_y(ax, k);

		if (k != 0)
			p->line(p->ctx, PL, y, PR, y, CJ_CHART_GRID);
		tick_label(ax, k, tick, sizeof(tick));
		if (*tick)
			text1(p, PL - 80, y + 40, 11, CJ_CHART_ANCHOR_END, CJ_CHART_MUTED, 0, tick);
	}

	/* Bars, grouped by category, one colour per series. */
	y0 = axis_y(ax, 0);
	for (i = 0; i < c->ncats; i++) {
		long gx = PL + (long)i * b->gw + (b->gw - b->bw * (long)c->nseries) / 2;

		for (s = 0; s < c->nseries; s++) {
			int64_t v = c->values[s * c->ncats + i];
			const char *lab = str(c->value_labels[s * c->ncats + i]);
			long x = gx + (long)s * b->bw + b->gap / 2, cx = x + b->bwd / 2;
			long yv = axis_y(ax, v), lx = cx + b->lpx * 35 / 10;

			if (yv != y0)
				p->rect(p->ctx, x, yv < y0 ? yv : y0, b->bwd,
					yv < y0 ? y0 - yv : yv - y0, cj_chart_geom_color(s));
			if (!*lab)
				continue;
			if (b->vlab && v < 0)
				text1(p, lx, yv + 40, b->lpx, CJ_CHART_ANCHOR_END, CJ_CHART_INK, -90, lab);
			else if (b->vlab)
				text1(p, lx, yv - 40, b->lpx, CJ_CHART_ANCHOR_START, CJ_CHART_INK, -90, lab);
			else if (v < 0)
				text1(p, cx, yv + 130, b->lpx, CJ_CHART_ANCHOR_MIDDLE, CJ_CHART_INK, 0, lab);
			else
				text1(p, cx, yv - 40, b->lpx, CJ_CHART_ANCHOR_MIDDLE, CJ_CHART_INK, 0, lab);
		}
	}
	p->line(p->ctx, PL, y0, PR, y0, CJ_CHART_INK); /* the baseline at zero */

	/* Category labels under the plot. */
	for (i = 0; i < c->ncats; i++) {
		long cx = PL + (long)i * b->gw + b->gw / 2;
		long y = ax->bottom + b->room_bot;

		if (b->rotate)
			text1(p, cx, y + 180, b->catpx, CJ_CHART_ANCHOR_END, CJ_CHART_INK, -35,
			      str(c->cats[i]));
		else
			text1(p, cx, y + 200, b->catpx, CJ_CHART_ANCHOR_MIDDLE, CJ_CHART_INK, 0,
			      str(c->cats[i]));
	}
	legend(c, p->text_w, p->ctx, b->leg_y, p);
	close_chart(p);
}

/* ----------------------------------------------------------------- pie */

#define PCX CJ_CHART_PIE_CX
#define PCY CJ_CHART_PIE_CY
#define PR_ CJ_CHART_PIE_R
#define LAB_GAP 160                /* minimum distance between label baselines */
#define PIE_LEG_Y (PCY + PR_ + 600) /* baseline of the first legend row */

struct slice {
	double a0, a1; /* angles, radians clockwise from 12 o'clock */
	long ly;       /* label y (centre line), tenths */
	int right;     /* label on the right side */
	int drawn;     /* value > 0 */
};

long cj_chart_geom_pie_x(double r, double a)
{
	return PCX + cj_chart_geom_tenths(r * sin(a) / 10.0);
}

long cj_chart_geom_pie_y(double r, double a)
{
	return PCY - cj_chart_geom_tenths(r * cos(a) / 10.0);
}

/* Push the labels of one side apart, top to bottom in `order`. */
static void spread(struct slice *sl, const size_t *order, size_t n)
{
	long lo = PCY - PR_ - 400, hi = PCY + PR_ + 400;
	size_t i;

	for (i = 0; i < n; i++) {
		long min = i ? sl[order[i - 1]].ly + LAB_GAP : lo;

		if (sl[order[i]].ly < min)
			sl[order[i]].ly = min;
	}
	for (i = n; i-- > 0;) {
		long max = i + 1 < n ? sl[order[i + 1]].ly - LAB_GAP : hi;

		if (sl[order[i]].ly > max)
			sl[order[i]].ly = max;
	}
}

static long pie_height(const struct cj_chart *c, cj_chart_text_w tw, void *ctx)
{
	return PIE_LEG_Y + legend(c, tw, ctx, PIE_LEG_Y, NULL) * LEG_ROW + 40;
}

/*
 * Slice angles of the positive values, and their labels: each on the
 * side of its slice's middle, pushed apart on the right side top to
 * bottom, then on the left side top to bottom.  `order` is scratch.
 * Returns the number of slices drawn.
 */
static size_t pie_layout(const struct cj_chart *c, struct slice *sl, size_t *order)
{
	double total = 0, cum = 0;
	size_t i, n, ndrawn = 0;

	for (i = 0; i < c->ncats; i++)
		if (c->values[i] > 0) {
			total += (double)c->values[i];
			ndrawn++;
		}
	for (i = 0; i < c->ncats; i++) {
		sl[i].a0 = cum / (total > 0 ? total : 1) * 2 * CJ_CHART_PI;
		if (c->values[i] > 0)
			cum += (double)c->values[i];
		sl[i].a1 = cum / (total > 0 ? total : 1) * 2 * CJ_CHART_PI;
		sl[i].drawn = c->values[i] > 0;
	}
	n = 0;
	for (i = 0; i < c->ncats; i++)
		if (sl[i].drawn) {
			double mid = (sl[i].a0 + sl[i].a1) / 2;

			sl[i].right = sin(mid) >= 0;
			sl[i].ly = cj_chart_geom_pie_y(PR_ + 140, mid);
			if (sl[i].right)
				order[n++] = i;
		}
	spread(sl, order, n);
	n = 0;
	for (i = c->ncats; i-- > 0;)
		if (sl[i].drawn && !sl[i].right)
			order[n++] = i;
	spread(sl, order, n);
	return ndrawn;
}

static enum cj_err pie_paint(const struct cj_chart *c, const struct cj_chart_painter *p)
{
	struct slice *sl = NULL;
	size_t *order = NULL, i, ndrawn;

	if (c->ncats) {
		sl = cj_calloc(c->ncats, sizeof(*sl));
		order = cj_calloc(c->ncats, sizeof(*order));
		if (!sl || !order) {
			cj_free(sl);
			cj_free(order);
			return CJ_ERR_NOMEM;
		}
	}
	ndrawn = pie_layout(c, sl, order);
	open_chart(p, c, pie_height(c, p->text_w, p->ctx));
	if (!ndrawn) {
		p->disc(p->ctx, CJ_CHART_GRID, 0);
		no_data(p, PCY + 60);
	}

	/* Slices: one alone is the whole disc. */
	for (i = 0; i < c->ncats; i++) {
		if (!sl[i].drawn)
			continue;
		if (ndrawn == 1)
			p->disc(p->ctx, cj_chart_geom_color(i), 1);
		else
			p->wedge(p->ctx, sl[i].a0, sl[i].a1, cj_chart_geom_color(i));
	}

	/* Leader lines from the rim to the labels, "category share". */
	for (i = 0; i < c->ncats; i++) {
		double mid = (sl[i].a0 + sl[i].a1) / 2;
		long lx, xy[6];

		if (!sl[i].drawn)
			continue;
		lx = sl[i].right ? PCX + PR_ + 260 : PCX - PR_ - 260;
		xy[0] = cj_chart_geom_pie_x(PR_, mid);
		xy[1] = cj_chart_geom_pie_y(PR_, mid);
		xy[2] = cj_chart_geom_pie_x(PR_ + 140, mid);
		xy[3] = sl[i].ly;
		xy[4] = sl[i].right ? lx - 40 : lx + 40;
		xy[5] = sl[i].ly;
		p->leader(p->ctx, xy, CJ_CHART_LEADER);
		text2(p, lx, sl[i].ly + 40, 12,
		      sl[i].right ? CJ_CHART_ANCHOR_START : CJ_CHART_ANCHOR_END, CJ_CHART_INK,
		      str(c->cats[i]), " ", c->share_labels[i]);
	}
	legend(c, p->text_w, p->ctx, PIE_LEG_Y, p);
	close_chart(p);
	cj_free(sl);
	cj_free(order);
	return CJ_OK;
}

/* ----------------------------------------------------------------- API */

long cj_chart_geom_height(const struct cj_chart *c, cj_chart_text_w tw, void *ctx)
{
	struct bars b;

	if (c->kind == CJ_CHART_PIE)
		return pie_height(c, tw, ctx);
	bars_layout(c, tw, ctx, &b);
	return b.h;
}

enum cj_err cj_chart_geom_paint(const struct cj_chart *c, const struct cj_chart_painter *p)
{
	struct bars b;

	if (c->kind == CJ_CHART_PIE)
		return pie_paint(c, p);
	bars_layout(c, p->text_w, p->ctx, &b);
	bars_paint(c, &b, p);
	return CJ_OK;
}
