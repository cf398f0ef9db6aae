/*
 * svg.c - chart -> standalone SVG (see svg.h).
 *
 * Geometry is in tenths of a pixel.  Doubles appear only for ratios of
 * values (bar heights, slice angles) and are rounded to tenths at once;
 * every number printed goes through cj_xmlw_fmt_tenths() or integer
 * printf, never "%f", so no locale or libc float formatting is involved.
 * Money is never computed here: value and share labels are the chart's.
 */
#include "svg.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"
#include "xmlw.h"

#define FONT_STACK "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif"
#define W_T (CJ_SVG_WIDTH * 10) /* width in tenths */

/* The Office palette: distinct in colour and, mostly, in grey. */
static const char *const palette[] = {
	"#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5",
	"#70AD47", "#264478", "#9E480E", "#636363", "#997300",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

#define INK "#262626"   /* titles, labels */
#define MUTED "#595959" /* ticks, unit line */
#define GRID "#D9D9D9"
#define PI 3.14159265358979323846

/* ------------------------------------------------------------- helpers */

static const char *str(const char *s)
{
	return s ? s : "";
}

/* Round a length in pixels to tenths (clamped far outside any viewBox). */
static long tenths(double px)
{
	double t = px * 10.0;

	if (t > 1e9)
		return 1000000000L;
	if (t < -1e9)
		return -1000000000L;
	return (long)(t >= 0 ? t + 0.5 : t - 0.5);
}

/* Estimated width in tenths of `s` at font size `px`: half an em per column. */
static long text_w(const char *s, long px)
{
	return (long)cj_utf8_width(s, strlen(s)) * px * 5;
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

static void text_start(struct cj_xmlw *w, long x, long y, long px, const char *anchor,
		       const char *fill)
{
	cj_xmlw_start(w, "text");
	cj_xmlw_attr_tenths(w, "x", x);
	cj_xmlw_attr_tenths(w, "y", y);
	cj_xmlw_attr_int(w, "font-size", px);
	if (anchor)
		cj_xmlw_attr(w, "text-anchor", anchor);
	cj_xmlw_attr(w, "fill", fill);
}

static void text_el(struct cj_xmlw *w, long x, long y, long px, const char *anchor,
		    const char *fill, const char *s)
{
	text_start(w, x, y, px, anchor, fill);
	cj_xmlw_text(w, s);
	cj_xmlw_end(w, "text");
	cj_xmlw_nl(w);
}

static void rect_el(struct cj_xmlw *w, long x, long y, long wd, long ht, const char *fill)
{
	cj_xmlw_start(w, "rect");
	cj_xmlw_attr_tenths(w, "x", x);
	cj_xmlw_attr_tenths(w, "y", y);
	cj_xmlw_attr_tenths(w, "width", wd);
	cj_xmlw_attr_tenths(w, "height", ht);
	cj_xmlw_attr(w, "fill", fill);
	cj_xmlw_end(w, "rect");
	cj_xmlw_nl(w);
}

static void line_el(struct cj_xmlw *w, long x1, long y1, long x2, long y2, const char *stroke)
{
	cj_xmlw_start(w, "line");
	cj_xmlw_attr_tenths(w, "x1", x1);
	cj_xmlw_attr_tenths(w, "y1", y1);
	cj_xmlw_attr_tenths(w, "x2", x2);
	cj_xmlw_attr_tenths(w, "y2", y2);
	cj_xmlw_attr(w, "stroke", stroke);
	cj_xmlw_attr(w, "stroke-width", "1");
	cj_xmlw_end(w, "line");
	cj_xmlw_nl(w);
}

/* The root element and the parts every chart has: title, background. */
static void open_svg(struct cj_xmlw *w, const struct cj_chart *c, long h)
{
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
	cj_xmlw_attr(w, "aria-label", str(c->title));
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "title");
	cj_xmlw_text(w, str(c->title));
	cj_xmlw_end(w, "title");
	cj_xmlw_nl(w);
	rect_el(w, 0, 0, W_T, h, "#FFFFFF");
	cj_xmlw_start(w, "text");
	cj_xmlw_attr_int(w, "x", CJ_SVG_WIDTH / 2);
	cj_xmlw_attr_int(w, "y", 28);
	cj_xmlw_attr_int(w, "font-size", 16);
	cj_xmlw_attr(w, "font-weight", "bold");
	cj_xmlw_attr(w, "text-anchor", "middle");
	cj_xmlw_attr(w, "fill", INK);
	cj_xmlw_text(w, str(c->title));
	cj_xmlw_end(w, "text");
	cj_xmlw_nl(w);
}

static void close_svg(struct cj_xmlw *w)
{
	cj_xmlw_end(w, "svg");
	cj_xmlw_nl(w);
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

static long leg_width(const struct cj_chart *c, size_t i)
{
	const char *a, *b;
	long wd;

	leg_parts(c, i, &a, &b);
	wd = LEG_SWATCH + LEG_GAP + text_w(a, LEG_FONT);
	if (b && *b)
		wd += text_w(" ", LEG_FONT) + text_w(b, LEG_FONT);
	return wd;
}

/*
 * Lay out (draw 0) or draw (draw 1) the legend in centred rows from the
 * baseline y of its first row; returns the number of rows.
 */
static long legend(struct cj_xmlw *w, const struct cj_chart *c, long y, int draw)
{
	size_t n = c->kind == CJ_CHART_PIE ? c->ncats : c->nseries;
	size_t i = 0, j, k;
	long rows = 0, roww, x;

	while (i < n) {
		/* Entries i..k-1 fill this row; at least one per row. */
		roww = leg_width(c, i);
		for (k = i + 1; k < n && roww + LEG_SEP + leg_width(c, k) <= LEG_MAXW; k++)
			roww += LEG_SEP + leg_width(c, k);
		if (draw) {
			x = (W_T - roww) / 2;
			for (j = i; j < k; j++) {
				const char *a, *b;

				leg_parts(c, j, &a, &b);
				rect_el(w, x, y - 100, LEG_SWATCH, LEG_SWATCH,
					palette[j % NPALETTE]);
				text_start(w, x + LEG_SWATCH + LEG_GAP, y, LEG_FONT, NULL, INK);
				cj_xmlw_text(w, a);
				if (b && *b) {
					cj_xmlw_text(w, " ");
					cj_xmlw_text(w, b);
				}
				cj_xmlw_end(w, "text");
				cj_xmlw_nl(w);
				x += leg_width(c, j) + LEG_SEP;
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
	uint64_t step; /* fen: 1, 2 or 5 × 10^k, at least 0.01 万元 */
	long lo_k;     /* steps below zero */
	long hi_k;     /* steps above zero */
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

	return ax->bottom - tenths(off / n * (double)(ax->bottom - ax->top) / 10.0);
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

static void no_data(struct cj_xmlw *w, long y)
{
	text_el(w, W_T / 2, y, 16, "middle", MUTED, "无数据");
}

/* Text rotated about its anchor point by `deg` degrees. */
static void rotated_text(struct cj_xmlw *w, long x, long y, long px, const char *anchor,
			 int deg, const char *s)
{
	char tr[96];
	size_t n;

	n = (size_t)snprintf(tr, sizeof(tr), "rotate(%d ", deg);
	put_num(tr, sizeof(tr), &n, x, " ");
	put_num(tr, sizeof(tr), &n, y, ")");
	text_start(w, x, y, px, anchor, INK);
	cj_xmlw_attr(w, "transform", tr);
	cj_xmlw_text(w, s);
	cj_xmlw_end(w, "text");
	cj_xmlw_nl(w);
}

static void bars(struct cj_xmlw *w, const struct cj_chart *c)
{
	struct axis ax;
	int64_t vmin = 0, vmax = 0;
	size_t i, s, nv = c->ncats * c->nseries;
	long gw, bw, gap, bwd, maxcw = 0, maxlw = 0, catpx = 12, lpx;
	long room_top = 0, room_bot = 0; /* tenths added above and below the plot */
	long label_h, leg_y, h, k, y0;
	int rotate = 0, vlab = 0;
	char tick[40];

	if (!nv) {
		h = 2000;
		open_svg(w, c, h);
		no_data(w, 1100);
		close_svg(w);
		return;
	}
	for (i = 0; i < nv; i++) {
		if (c->values[i] < vmin)
			vmin = c->values[i];
		if (c->values[i] > vmax)
			vmax = c->values[i];
		if (text_w(str(c->value_labels[i]), 1) > maxlw)
			maxlw = text_w(str(c->value_labels[i]), 1);
	}
	nice_axis(vmin, vmax, &ax);

	/* Bars: 70% of each group, at most 64 px each, a small gap between. */
	gw = (PR - PL) / (long)c->ncats;
	bw = gw * 7 / 10 / (long)c->nseries;
	if (bw > 640)
		bw = 640;
	if (bw < 2)
		bw = 2;
	gap = c->nseries > 1 ? (bw / 5 < 40 ? bw / 5 : 40) : 0;
	bwd = bw - gap;

	/*
	 * Value labels: 11px if every one fits its bar, else 9px if it fits
	 * bar and gap, else 10px turned upright.  Then make room above the
	 * plot (upright labels of tall bars) and below it (labels of
	 * negative bars), measured on an axis whose top tick is at 0.
	 */
	if (maxlw * 11 <= bwd) {
		lpx = 11;
	} else if (maxlw * 9 <= bw) {
		lpx = 9;
	} else {
		lpx = 10;
		vlab = 1;
	}
	ax.top = 0;
	ax.bottom = PH;
	for (i = 0; i < nv; i++) {
		long y = axis_y(&ax, c->values[i]);
		long need = vlab ? text_w(str(c->value_labels[i]), lpx) + 60 : 170;

		if (c->values[i] >= 0 && vlab && need - y > room_top)
			room_top = need - y;
		if (c->values[i] < 0 && need - (PH - y) > room_bot)
			room_bot = need - (PH - y);
	}
	ax.top = PT + room_top;
	ax.bottom = ax.top + PH;

	/* Category labels: 12px if they fit their group, else 10px, else slanted. */
	for (i = 0; i < c->ncats; i++)
		if (text_w(str(c->cats[i]), 1) > maxcw)
			maxcw = text_w(str(c->cats[i]), 1);
	if (maxcw * 12 > gw * 95 / 100) {
		catpx = 10;
		if (maxcw * 10 > gw * 95 / 100) {
			rotate = 1;
			catpx = 11;
		}
	}
	label_h = rotate ? maxcw * catpx * 58 / 100 + 240 : 260;
	leg_y = ax.bottom + room_bot + label_h + 200;
	h = leg_y + legend(w, c, leg_y, 0) * LEG_ROW + 40;

	open_svg(w, c, h);
	if (c->unit && *c->unit) {
		text_start(w, 200, 560, 12, NULL, MUTED);
		cj_xmlw_text(w, "单位：");
		cj_xmlw_text(w, c->unit);
		cj_xmlw_end(w, "text");
		cj_xmlw_nl(w);
	}

	/* Grid lines and ticks. */
	for (k = -ax.lo_k; k <= ax.hi_k; k++) {
		long y = tick_y(&ax, k);

		if (k != 0)
			line_el(w, PL, y, PR, y, GRID);
		tick_label(&ax, k, tick, sizeof(tick));
		if (*tick)
			text_el(w, PL - 80, y + 40, 11, "end", MUTED, tick);
	}

	/* Bars, grouped by category, one colour per series. */
	y0 = axis_y(&ax, 0);
	for (i = 0; i < c->ncats; i++) {
		long gx = PL + (long)i * gw + (gw - bw * (long)c->nseries) / 2;

		for (s = 0; s < c->nseries; s++) {
			int64_t v = c->values[s * c->ncats + i];
			const char *lab = str(c->value_labels[s * c->ncats + i]);
			long x = gx + (long)s * bw + gap / 2, cx = x + bwd / 2;
			long yv = axis_y(&ax, v);

			if (yv != y0)
				rect_el(w, x, yv < y0 ? yv : y0, bwd, yv < y0 ? y0 - yv : yv - y0,
					palette[s % NPALETTE]);
			if (!*lab)
				continue;
			if (vlab && v < 0)
				rotated_text(w, cx + lpx * 35 / 10, yv + 40, lpx, "end", -90, lab);
			else if (vlab)
				rotated_text(w, cx + lpx * 35 / 10, yv - 40, lpx, "start", -90, lab);
			else if (v < 0)
				text_el(w, cx, yv + 130, lpx, "middle", INK, lab);
			else
				text_el(w, cx, yv - 40, lpx, "middle", INK, lab);
		}
	}
	line_el(w, PL, y0, PR, y0, INK); /* the baseline at zero */

	/* Category labels under the plot. */
	for (i = 0; i < c->ncats; i++) {
		long cx = PL + (long)i * gw + gw / 2;
		long y = ax.bottom + room_bot;

		if (rotate)
			rotated_text(w, cx, y + 180, catpx, "end", -35, str(c->cats[i]));
		else
			text_el(w, cx, y + 200, catpx, "middle", INK, str(c->cats[i]));
	}
	legend(w, c, leg_y, 1);
	close_svg(w);
}

/* ----------------------------------------------------------------- pie */

#define PCX 3200 /* centre and radius, tenths */
#define PCY 2000
#define PR_ 1100
#define LAB_GAP 160 /* minimum distance between label baselines */

struct slice {
	double a0, a1; /* angles, radians clockwise from 12 o'clock */
	long ly;       /* label y (centre line), tenths */
	int right;     /* label on the right side */
	int drawn;     /* value > 0 */
};

static long px_of(double r, double a)
{
	return PCX + tenths(r * sin(a) / 10.0);
}

static long py_of(double r, double a)
{
	return PCY - tenths(r * cos(a) / 10.0);
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

static enum cj_err pie(struct cj_xmlw *w, const struct cj_chart *c)
{
	struct slice *sl = NULL;
	size_t *order = NULL, i, n, ndrawn = 0;
	double total = 0, cum = 0;
	long leg_y, h;

	for (i = 0; i < c->ncats; i++)
		if (c->values[i] > 0) {
			total += (double)c->values[i];
			ndrawn++;
		}
	if (c->ncats) {
		sl = cj_calloc(c->ncats, sizeof(*sl));
		order = cj_calloc(c->ncats, sizeof(*order));
		if (!sl || !order) {
			cj_free(sl);
			cj_free(order);
			return CJ_ERR_NOMEM;
		}
	}
	leg_y = PCY + PR_ + 600;
	h = leg_y + legend(w, c, leg_y, 0) * LEG_ROW + 40;
	open_svg(w, c, h);

	if (!ndrawn) {
		cj_xmlw_start(w, "circle");
		cj_xmlw_attr_tenths(w, "cx", PCX);
		cj_xmlw_attr_tenths(w, "cy", PCY);
		cj_xmlw_attr_tenths(w, "r", PR_);
		cj_xmlw_attr(w, "fill", GRID);
		cj_xmlw_end(w, "circle");
		cj_xmlw_nl(w);
		no_data(w, PCY + 60);
	}

	/* Slices. */
	for (i = 0; i < c->ncats; i++) {
		char d[256];
		size_t len = 0;

		sl[i].a0 = cum / (total > 0 ? total : 1) * 2 * PI;
		if (c->values[i] > 0)
			cum += (double)c->values[i];
		sl[i].a1 = cum / (total > 0 ? total : 1) * 2 * PI;
		sl[i].drawn = c->values[i] > 0;
		if (!sl[i].drawn)
			continue;
		if (ndrawn == 1) {
			cj_xmlw_start(w, "circle");
			cj_xmlw_attr_tenths(w, "cx", PCX);
			cj_xmlw_attr_tenths(w, "cy", PCY);
			cj_xmlw_attr_tenths(w, "r", PR_);
		} else {
			len = (size_t)snprintf(d, sizeof(d), "M");
			put_num(d, sizeof(d), &len, PCX, " ");
			put_num(d, sizeof(d), &len, PCY, "L");
			put_num(d, sizeof(d), &len, px_of(PR_, sl[i].a0), " ");
			put_num(d, sizeof(d), &len, py_of(PR_, sl[i].a0), "A");
			put_num(d, sizeof(d), &len, PR_, " ");
			put_num(d, sizeof(d), &len, PR_, sl[i].a1 - sl[i].a0 > PI ? " 0 1 1 " : " 0 0 1 ");
			put_num(d, sizeof(d), &len, px_of(PR_, sl[i].a1), " ");
			put_num(d, sizeof(d), &len, py_of(PR_, sl[i].a1), "Z");
			cj_xmlw_start(w, "path");
			cj_xmlw_attr(w, "d", d);
		}
		cj_xmlw_attr(w, "fill", palette[i % NPALETTE]);
		cj_xmlw_attr(w, "stroke", "#FFFFFF");
		cj_xmlw_attr(w, "stroke-width", "1");
		cj_xmlw_end(w, ndrawn == 1 ? "circle" : "path");
		cj_xmlw_nl(w);
	}

	/* Labels: right side top to bottom, then left side top to bottom. */
	n = 0;
	for (i = 0; i < c->ncats; i++)
		if (sl[i].drawn) {
			double mid = (sl[i].a0 + sl[i].a1) / 2;

			sl[i].right = sin(mid) >= 0;
			sl[i].ly = py_of(PR_ + 140, mid);
			if (sl[i].right)
				order[n++] = i;
		}
	spread(sl, order, n);
	n = 0;
	for (i = c->ncats; i-- > 0;)
		if (sl[i].drawn && !sl[i].right)
			order[n++] = i;
	spread(sl, order, n);
	for (i = 0; i < c->ncats; i++) {
		double mid = (sl[i].a0 + sl[i].a1) / 2;
		long lx;
		char pts[160];
		size_t len = 0;

		if (!sl[i].drawn)
			continue;
		lx = sl[i].right ? PCX + PR_ + 260 : PCX - PR_ - 260;
		put_num(pts, sizeof(pts), &len, px_of(PR_, mid), ",");
		put_num(pts, sizeof(pts), &len, py_of(PR_, mid), " ");
		put_num(pts, sizeof(pts), &len, px_of(PR_ + 140, mid), ",");
		put_num(pts, sizeof(pts), &len, sl[i].ly, " ");
		put_num(pts, sizeof(pts), &len, sl[i].right ? lx - 40 : lx + 40, ",");
		put_num(pts, sizeof(pts), &len, sl[i].ly, "");
		cj_xmlw_start(w, "polyline");
		cj_xmlw_attr(w, "points", pts);
		cj_xmlw_attr(w, "fill", "none");
		cj_xmlw_attr(w, "stroke", "#7F7F7F");
		cj_xmlw_attr(w, "stroke-width", "1");
		cj_xmlw_end(w, "polyline");
		cj_xmlw_nl(w);
		text_start(w, lx, sl[i].ly + 40, 12, sl[i].right ? "start" : "end", INK);
		cj_xmlw_text(w, str(c->cats[i]));
		if (c->share_labels[i] && *c->share_labels[i]) {
			cj_xmlw_text(w, " ");
			cj_xmlw_text(w, c->share_labels[i]);
		}
		cj_xmlw_end(w, "text");
		cj_xmlw_nl(w);
	}
	legend(w, c, leg_y, 1);
	close_svg(w);
	cj_free(sl);
	cj_free(order);
	return CJ_OK;
}

/* ----------------------------------------------------------------- API */

enum cj_err cj_svg_chart(const struct cj_chart *c, struct cj_buf *out)
{
	struct cj_xmlw w;
	enum cj_err e;

	if (!c || !out)
		return CJ_ERR_USAGE;
	if (!c->cats || !c->series || !c->values || !c->value_labels ||
	    (c->kind == CJ_CHART_PIE && (!c->share_labels || c->nseries < 1)))
		return CJ_ERR_USAGE;
	cj_xmlw_init(&w, out);
	if (c->kind == CJ_CHART_PIE) {
		e = pie(&w, c);
		if (e)
			return e;
	} else {
		bars(&w, c);
	}
	return cj_xmlw_finish(&w);
}
