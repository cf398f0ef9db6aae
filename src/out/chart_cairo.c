/*
 * chart_cairo.c - chart -> cairo drawing with pango labels (see
 * chart_cairo.h).
 *
 * The layout is svg.c's, ported constant for constant: geometry is
 * worked out in tenths of a chart unit (long), as there, and converted to
 * doubles only when drawn.  Text widths come from pango (measured at the
 * size drawn, without hinting, so they scale with the surface).  The
 * same code lays out and draws: with no cairo_t (cc.cr == NULL) it only
 * measures, which is how cj_chart_cairo_height() learns the height before
 * a surface exists.
 *
 * Money is never computed here: value and share labels are the chart's;
 * the axis ticks are round multiples of a step, formatted with
 * cj_money_format() as in svg.c.
 */
#include "chart_cairo.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"

#define FONT_STACK "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif"
#define W_T 6400 /* width in tenths */
#define PI 3.14159265358979323846

/* The Office palette of svg.c, as 0xRRGGBB. */
static const unsigned long palette[] = {
	0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5,
	0x70AD47, 0x264478, 0x9E480E, 0x636363, 0x997300,
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

#define INK 0x262626UL   /* titles, labels */
#define MUTED 0x595959UL /* ticks, unit line */
#define GRID 0xD9D9D9UL
#define LEADER 0x7F7F7FUL
#define WHITE 0xFFFFFFUL

enum anchor { A_START, A_MIDDLE, A_END };

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
	enum cj_err err;          /* sticky: first failure */
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

static const char *str(const char *s)
{
	return s ? s : "";
}

static double tt(long t)
{
	return (double)t / 10.0;
}

/* Round a length in units to tenths (clamped far outside any canvas). */
static long tenths(double px)
{
	double t = px * 10.0;

	if (t > 1e9)
		return 1000000000L;
	if (t < -1e9)
		return -1000000000L;
	return (long)(t >= 0 ? t + 0.5 : t - 0.5);
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

/* Width in tenths of s at size px. */
static long text_w(struct cc *k, const char *s, long px)
{
	PangoRectangle lg;

	if (!*s || !set(k, s, px, 0))
		return 0;
	pango_layout_get_extents(k->lay, NULL, &lg);
	return tenths((double)lg.width / PANGO_SCALE);
}

static void rgb(struct cc *k, unsigned long c)
{
	cairo_set_source_rgb(k->cr, (double)((c >> 16) & 255) / 255.0,
			     (double)((c >> 8) & 255) / 255.0, (double)(c & 255) / 255.0);
}

/* Draw s with its baseline at y (tenths) and anchored at x. */
static void text_at(struct cc *k, long x, long y, long px, enum anchor an, unsigned long fill,
		    int bold, const char *s)
{
	PangoRectangle lg;
	double dx = 0;

	if (!k->cr || !*s || !set(k, s, px, bold))
		return;
	pango_cairo_update_layout(k->cr, k->lay);
	pango_layout_get_extents(k->lay, NULL, &lg);
	if (an == A_MIDDLE)
		dx = (double)lg.width / PANGO_SCALE / 2;
	else if (an == A_END)
		dx = (double)lg.width / PANGO_SCALE;
	rgb(k, fill);
	cairo_move_to(k->cr, tt(x) - dx,
		      tt(y) - (double)pango_layout_get_baseline(k->lay) / PANGO_SCALE);
	pango_cairo_show_layout(k->cr, k->lay);
}

/* Two pieces "a b" as one label (the way svg.c writes them in one <text>). */
static long pair_w(struct cc *k, const char *a, const char *b, long px)
{
	long w = text_w(k, a, px);

	if (b && *b)
		w += text_w(k, " ", px) + text_w(k, b, px);
	return w;
}

static void pair_at(struct cc *k, long x, long y, long px, enum anchor an, const char *a,
		    const char *b)
{
	if (an == A_END)
		x -= pair_w(k, a, b, px);
	text_at(k, x, y, px, A_START, INK, 0, a);
	if (b && *b)
		text_at(k, x + text_w(k, a, px) + text_w(k, " ", px), y, px, A_START, INK, 0, b);
}

/* Text rotated about its anchor point by `deg` degrees (negative: counter-clockwise). */
static void rotated_text(struct cc *k, long x, long y, long px, enum anchor an, int deg,
			 const char *s)
{
	if (!k->cr)
		return;
	cairo_save(k->cr);
	cairo_translate(k->cr, tt(x), tt(y));
	cairo_rotate(k->cr, deg * PI / 180.0);
	text_at(k, 0, 0, px, an, INK, 0, s);
	cairo_restore(k->cr);
}

static void rect_at(struct cc *k, long x, long y, long wd, long ht, unsigned long fill)
{
	if (!k->cr)
		return;
	rgb(k, fill);
	cairo_rectangle(k->cr, tt(x), tt(y), tt(wd), tt(ht));
	cairo_fill(k->cr);
}

static void line_at(struct cc *k, long x1, long y1, long x2, long y2, unsigned long stroke)
{
	if (!k->cr)
		return;
	rgb(k, stroke);
	cairo_set_line_width(k->cr, 1.0);
	cairo_move_to(k->cr, tt(x1), tt(y1));
	cairo_line_to(k->cr, tt(x2), tt(y2));
	cairo_stroke(k->cr);
}

/* The parts every chart has: background, title. */
static void open_chart(struct cc *k, const struct cj_chart *c, long h)
{
	rect_at(k, 0, 0, W_T, h, WHITE);
	text_at(k, W_T / 2, 280, 16, A_MIDDLE, INK, 1, str(c->title));
}

/* -------------------------------------------------------------- legend */

#define LEG_FONT 12
#define LEG_ROW 200   /* row height, tenths */
#define LEG_MAXW 6000 /* widest row, tenths */
#define LEG_SWATCH 120
#define LEG_GAP 60  /* swatch to text */
#define LEG_SEP 200 /* between entries */

/* As svg.c: a series name (bars) or "category share" (pies). */
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

static long leg_width(struct cc *k, const struct cj_chart *c, size_t i)
{
	const char *a, *b;

	leg_parts(c, i, &a, &b);
	return LEG_SWATCH + LEG_GAP + pair_w(k, a, b, LEG_FONT);
}

/* Lay out (and draw, with a cairo_t) the legend from baseline y; returns the rows. */
static long legend(struct cc *k, const struct cj_chart *c, long y)
{
	size_t n = c->kind == CJ_CHART_PIE ? c->ncats : c->nseries;
	size_t i = 0, j, kk;
	long rows = 0, roww, x;

	while (i < n) {
		roww = leg_width(k, c, i);
		for (kk = i + 1; kk < n && roww + LEG_SEP + leg_width(k, c, kk) <= LEG_MAXW; kk++)
			roww += LEG_SEP + leg_width(k, c, kk);
		if (k->cr) {
			x = (W_T - roww) / 2;
			for (j = i; j < kk; j++) {
				const char *a, *b;

				leg_parts(c, j, &a, &b);
				rect_at(k, x, y - 100, LEG_SWATCH, LEG_SWATCH, palette[j % NPALETTE]);
				pair_at(k, x + LEG_SWATCH + LEG_GAP, y, LEG_FONT, A_START, a, b);
				x += leg_width(k, c, j) + LEG_SEP;
			}
		}
		rows++;
		y += LEG_ROW;
		i = kk;
	}
	return rows;
}

/* ---------------------------------------------------------------- bars */

#define PL 760
#define PR 6240
#define PT 760
#define PH 2440 /* height of the value axis */

struct axis {
	uint64_t step;    /* fen: 1, 2 or 5 x 10^k, at least 0.01 万元 */
	long lo_k, hi_k;  /* steps below and above zero */
	long top, bottom; /* y of the highest and lowest tick, tenths */
};

static uint64_t ceil_div_u(uint64_t a, uint64_t b)
{
	return a / b + (a % b != 0);
}

/* As svg.c: the smallest round step giving at most 6 intervals over [vmin, vmax]. */
static void nice_axis(int64_t vmin, int64_t vmax, struct axis *ax)
{
	static const uint64_t mult[3] = {1, 2, 5};
	uint64_t p = 10000, up, down;
	size_t m;

	if (vmin == 0 && vmax == 0)
		vmax = CJ_FEN_PER_WAN;
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
		p *= 10;
	}
}

static long axis_y(const struct axis *ax, int64_t v)
{
	double n = (double)(ax->lo_k + ax->hi_k) * (double)ax->step;
	double off = (double)v + (double)ax->lo_k * (double)ax->step;

	return ax->bottom - tenths(off / n * (double)(ax->bottom - ax->top) / 10.0);
}

static long tick_y(const struct axis *ax, long k)
{
	return ax->bottom - (k + ax->lo_k) * (ax->bottom - ax->top) / (ax->lo_k + ax->hi_k);
}

static void tick_label(const struct axis *ax, long k, char *buf, size_t cap)
{
	uint64_t mag = (uint64_t)(k < 0 ? -k : k);
	int dec = ax->step % 1000000 == 0 ? 0 : ax->step % 100000 == 0 ? 1 : 2;
	int64_t fen;

	buf[0] = '\0';
	if (mag && ax->step > (uint64_t)INT64_MAX / mag)
		return;
	fen = (int64_t)(mag * ax->step);
	cj_money_format(k < 0 ? -fen : fen, CJ_FEN_PER_WAN, dec, 0, buf, cap);
}

static void no_data(struct cc *k, long y)
{
	text_at(k, W_T / 2, y, 16, A_MIDDLE, MUTED, 0, "无数据");
}

/* Widest of n labels at size px, tenths. */
static long max_w(struct cc *k, char *const *labels, size_t n, long px)
{
	long m = 0, w;
	size_t i;

	for (i = 0; i < n; i++) {
		w = text_w(k, str(labels[i]), px);
		if (w > m)
			m = w;
	}
	return m;
}

static long bars(struct cc *k, const struct cj_chart *c)
{
	struct axis ax;
	int64_t vmin = 0, vmax = 0;
	size_t i, s, nv = c->ncats * c->nseries;
	long gw, bw, gap, bwd, catpx = 12, lpx, lw11, lw9;
	long room_top = 0, room_bot = 0;
	long label_h, leg_y, h, kk, y0, cw12, cw10, cwr;
	int rotate = 0, vlab = 0;
	char tick[40];

	if (!nv) {
		h = 2000;
		open_chart(k, c, h);
		no_data(k, 1100);
		return h;
	}
	for (i = 0; i < nv; i++) {
		if (c->values[i] < vmin)
			vmin = c->values[i];
		if (c->values[i] > vmax)
			vmax = c->values[i];
	}
	nice_axis(vmin, vmax, &ax);

	gw = (PR - PL) / (long)c->ncats;
	bw = gw * 7 / 10 / (long)c->nseries;
	if (bw > 640)
		bw = 640;
	if (bw < 2)
		bw = 2;
	gap = c->nseries > 1 ? (bw / 5 < 40 ? bw / 5 : 40) : 0;
	bwd = bw - gap;

	/* Value labels: 11 if each fits its bar, else 9 if it fits bar and gap, else 10 upright. */
	lw11 = max_w(k, c->value_labels, nv, 11);
	lw9 = max_w(k, c->value_labels, nv, 9);
	if (lw11 <= bwd) {
		lpx = 11;
	} else if (lw9 <= bw) {
		lpx = 9;
	} else {
		lpx = 10;
		vlab = 1;
	}
	ax.top = 0;
	ax.bottom = PH;
	for (i = 0; i < nv; i++) {
		long y = axis_y(&ax, c->values[i]);
		long need = vlab ? text_w(k, str(c->value_labels[i]), lpx) + 60 : 170;

		if (c->values[i] >= 0 && vlab && need - y > room_top)
			room_top = need - y;
		if (c->values[i] < 0 && need - (PH - y) > room_bot)
			room_bot = need - (PH - y);
	}
	ax.top = PT + room_top;
	ax.bottom = ax.top + PH;

	/* Category labels: 12 if they fit their group, else 10, else slanted at 11. */
	cw12 = max_w(k, c->cats, c->ncats, 12);
	cw10 = max_w(k, c->cats, c->ncats, 10);
	cwr = max_w(k, c->cats, c->ncats, 11);
	if (cw12 > gw * 95 / 100) {
		catpx = 10;
		if (cw10 > gw * 95 / 100) {
			rotate = 1;
			catpx = 11;
		}
	}
	label_h = rotate ? cwr * 58 / 100 + 240 : 260;
	leg_y = ax.bottom + room_bot + label_h + 200;
	h = leg_y + legend(k, c, leg_y) * LEG_ROW + 40;
	if (!k->cr || k->err)
		return h;

	open_chart(k, c, h);
	if (c->unit && *c->unit) {
		text_at(k, 200, 560, 12, A_START, MUTED, 0, "单位：");
		text_at(k, 200 + text_w(k, "单位：", 12), 560, 12, A_START, MUTED, 0, c->unit);
	}

	for (kk = -ax.lo_k; kk <= ax.hi_k; kk++) {
		long y = tick_y(&ax, kk);

		if (kk != 0)
			line_at(k, PL, y, PR, y, GRID);
		tick_label(&ax, kk, tick, sizeof(tick));
		if (*tick)
			text_at(k, PL - 80, y + 40, 11, A_END, MUTED, 0, tick);
	}

	y0 = axis_y(&ax, 0);
	for (i = 0; i < c->ncats; i++) {
		long gx = PL + (long)i * gw + (gw - bw * (long)c->nseries) / 2;

		for (s = 0; s < c->nseries; s++) {
			int64_t v = c->values[s * c->ncats + i];
			const char *lab = str(c->value_labels[s * c->ncats + i]);
			long x = gx + (long)s * bw + gap / 2, cx = x + bwd / 2;
			long yv = axis_y(&ax, v);

			if (yv != y0)
				rect_at(k, x, yv < y0 ? yv : y0, bwd, yv < y0 ? y0 - yv : yv - y0,
					palette[s % NPALETTE]);
			if (!*lab)
				continue;
			if (vlab && v < 0)
				rotated_text(k, cx + lpx * 35 / 10, yv + 40, lpx, A_END, -90, lab);
			else if (vlab)
				rotated_text(k, cx + lpx * 35 / 10, yv - 40, lpx, A_START, -90, lab);
			else if (v < 0)
				text_at(k, cx, yv + 130, lpx, A_MIDDLE, INK, 0, lab);
			else
				text_at(k, cx, yv - 40, lpx, A_MIDDLE, INK, 0, lab);
		}
	}
	line_at(k, PL, y0, PR, y0, INK);

	for (i = 0; i < c->ncats; i++) {
		long cx = PL + (long)i * gw + gw / 2;
		long y = ax.bottom + room_bot;

		if (rotate)
			rotated_text(k, cx, y + 180, catpx, A_END, -35, str(c->cats[i]));
		else
			text_at(k, cx, y + 200, catpx, A_MIDDLE, INK, 0, str(c->cats[i]));
	}
	legend(k, c, leg_y);
	return h;
}

/* ----------------------------------------------------------------- pie */

#define PCX 3200 /* centre and radius, tenths */
#define PCY 2000
#define PR_ 1100
#define LAB_GAP 160

struct slice {
	double a0, a1; /* radians clockwise from 12 o'clock */
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

static void disc(struct cc *k, unsigned long fill, int stroke)
{
	cairo_new_path(k->cr);
	cairo_arc(k->cr, tt(PCX), tt(PCY), tt(PR_), 0, 2 * PI);
	rgb(k, fill);
	if (!stroke) {
		cairo_fill(k->cr);
		return;
	}
	cairo_fill_preserve(k->cr);
	rgb(k, WHITE);
	cairo_set_line_width(k->cr, 1.0);
	cairo_stroke(k->cr);
}

static long pie(struct cc *k, const struct cj_chart *c)
{
	struct slice *sl = NULL;
	size_t *order = NULL, i, n, ndrawn = 0;
	double total = 0, cum = 0;
	long leg_y, h;

	leg_y = PCY + PR_ + 600;
	h = leg_y + legend(k, c, leg_y) * LEG_ROW + 40;
	if (!k->cr || k->err)
		return h;
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
			k->err = CJ_ERR_NOMEM;
			return h;
		}
	}
	open_chart(k, c, h);
	if (!ndrawn) {
		disc(k, GRID, 0);
		no_data(k, PCY + 60);
	}

	for (i = 0; i < c->ncats; i++) {
		sl[i].a0 = cum / (total > 0 ? total : 1) * 2 * PI;
		if (c->values[i] > 0)
			cum += (double)c->values[i];
		sl[i].a1 = cum / (total > 0 ? total : 1) * 2 * PI;
		sl[i].drawn = c->values[i] > 0;
		if (!sl[i].drawn)
			continue;
		if (ndrawn == 1) {
			disc(k, palette[i % NPALETTE], 1);
			continue;
		}
		cairo_new_path(k->cr);
		cairo_move_to(k->cr, tt(PCX), tt(PCY));
		cairo_line_to(k->cr, tt(px_of(PR_, sl[i].a0)), tt(py_of(PR_, sl[i].a0)));
		cairo_arc(k->cr, tt(PCX), tt(PCY), tt(PR_), sl[i].a0 - PI / 2, sl[i].a1 - PI / 2);
		cairo_close_path(k->cr);
		rgb(k, palette[i % NPALETTE]);
		cairo_fill_preserve(k->cr);
		rgb(k, WHITE);
		cairo_set_line_width(k->cr, 1.0);
		cairo_stroke(k->cr);
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

		if (!sl[i].drawn)
			continue;
		lx = sl[i].right ? PCX + PR_ + 260 : PCX - PR_ - 260;
		cairo_new_path(k->cr);
		cairo_move_to(k->cr, tt(px_of(PR_, mid)), tt(py_of(PR_, mid)));
		cairo_line_to(k->cr, tt(px_of(PR_ + 140, mid)), tt(sl[i].ly));
		cairo_line_to(k->cr, tt(sl[i].right ? lx - 40 : lx + 40), tt(sl[i].ly));
		rgb(k, LEADER);
		cairo_set_line_width(k->cr, 1.0);
		cairo_stroke(k->cr);
		pair_at(k, lx, sl[i].ly + 40, 12, sl[i].right ? A_START : A_END, str(c->cats[i]),
			c->share_labels[i]);
	}
	legend(k, c, leg_y);
	cj_free(sl);
	cj_free(order);
	return h;
}

/* ----------------------------------------------------------------- API */

static int filled(const struct cj_chart *c)
{
	if (!c || !c->cats || !c->series || !c->values || !c->value_labels)
		return 0;
	return c->kind != CJ_CHART_PIE || (c->share_labels && c->nseries >= 1);
}

enum cj_err cj_chart_cairo_height(const struct cj_chart *c, double *height)
{
	struct cc k;
	long h;
	enum cj_err e;

	if (!filled(c) || !height)
		return CJ_ERR_USAGE;
	cc_open(&k, NULL);
	h = c->kind == CJ_CHART_PIE ? pie(&k, c) : bars(&k, c);
	e = k.err;
	cc_close(&k);
	if (!e)
		*height = tt(h);
	return e;
}

enum cj_err cj_chart_cairo_draw(const struct cj_chart *c, cairo_t *cr)
{
	struct cc k;
	enum cj_err e;

	if (!filled(c) || !cr)
		return CJ_ERR_USAGE;
	e = cj_cairo_err(cairo_status(cr));
	if (e)
		return e;
	cairo_save(cr);
	cairo_new_path(cr);
	cc_open(&k, cr);
	if (c->kind == CJ_CHART_PIE)
		pie(&k, c);
	else
		bars(&k, c);
	e = k.err;
	cc_close(&k);
	cairo_restore(cr);
	if (!e)
		e = cj_cairo_err(cairo_status(cr));
	return e;
}
