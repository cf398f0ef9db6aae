/*
 * xlsx_chart.c - the 图表 sheet of tables.xlsx: every chart of the document
 * as a native Excel chart beside the data it plots.
 *
 * Each chart gets a block of rows:
 *
 *     R      caption (（图1：…）), bold
 *     R+1    单位：万元
 *     R+2    项目 | series names …            (pie: 项目 | series | 占比)
 *     R+3 …  one row per category: label | amounts in 万元 (numbers)
 *
 * and the chart is anchored at row R to the right of the data columns.
 * Bars become a clustered column chart with one series per data column
 * (one per year), value labels in #,##0.00, legend at the bottom.  Pies
 * become a pie chart whose slice labels are the document's own "category
 * share" text (calc/'s shares, which are rounded to sum to 100.00% and
 * so may differ from what Excel would compute); zero slices have no
 * label.  Blocks are page-broken three to a page.
 *
 * Nothing is computed here but geometry: values are written as numbers
 * (cj_xw_wan) and every label is a string of the chart.
 */
#include "xlsx_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"

#define SHEET_NAME "图表"
#define CHART_W 600          /* pixels */
#define CHART_H 360
#define CHART_ROWS 18        /* CHART_H in default 20-pixel rows */
#define CHART_COLS 9         /* CHART_W in default 64-pixel columns, rounded down */
#define BLOCK_GAP 2          /* empty rows after a block */
#define BLOCKS_PER_PAGE 3
#define DATA_W 12.0
#define CAT_MIN 14.0
#define CAT_MAX 36.0

struct csheet {
	lxw_worksheet *ws;
	const char *name;
	lxw_col_t chart_col;     /* where charts are anchored */
	size_t ndata;            /* data columns after the category column */
};

static const char *str(const char *s)
{
	return s ? s : "";
}

/* Columns of data a chart needs beside its categories. */
static size_t data_cols(const struct cj_chart *c)
{
	return c->kind == CJ_CHART_PIE ? 2 : c->nseries;
}

static void put_str(struct cj_xw *x, struct csheet *s, lxw_row_t r, lxw_col_t c, const char *text,
		    unsigned key)
{
	lxw_format *f = cj_xw_format(x, key);

	if (x->err)
		return;
	if (*text)
		cj_xw_check(x, worksheet_write_string(s->ws, r, c, text, f), s->name, r, c);
	else
		cj_xw_check(x, worksheet_write_blank(s->ws, r, c, f), s->name, r, c);
}

static void put_num(struct cj_xw *x, struct csheet *s, lxw_row_t r, lxw_col_t c, int64_t fen)
{
	lxw_format *f = cj_xw_format(x, CJ_XF_BORDER | CJ_XF_RIGHT | CJ_XF_AMOUNT);

	if (!x->err)
		cj_xw_check(x, worksheet_write_number(s->ws, r, c, cj_xw_wan(fen), f), s->name, r, c);
}

/* The data block of chart c at row r0; returns the rows it takes. */
static lxw_row_t data_block(struct cj_xw *x, struct csheet *s, const struct cj_chart *c,
			    lxw_row_t r0)
{
	const unsigned head = CJ_XF_BORDER | CJ_XF_CENTER | CJ_XF_BOLD | CJ_XF_WRAP;
	const unsigned cat = CJ_XF_BORDER | CJ_XF_LEFT | CJ_XF_WRAP;
	size_t i, k, ns = c->kind == CJ_CHART_PIE ? (c->nseries ? 1 : 0) : c->nseries;
	lxw_row_t r;
	char unit[128];

	put_str(x, s, r0, 0, str(c->caption), CJ_XF_BOLD | CJ_XF_LEFT);
	snprintf(unit, sizeof(unit), "单位：%s", str(c->unit));
	put_str(x, s, r0 + 1, 0, unit, CJ_XF_LEFT);
	put_str(x, s, r0 + 2, 0, "项目", head);
	for (k = 0; k < ns; k++)
		put_str(x, s, r0 + 2, (lxw_col_t)(1 + k), str(c->series[k]), head);
	if (c->kind == CJ_CHART_PIE)
		put_str(x, s, r0 + 2, 2, "占比", head);
	for (i = 0; i < c->ncats; i++) {
		r = r0 + 3 + (lxw_row_t)i;
		put_str(x, s, r, 0, str(c->cats[i]), cat);
		for (k = 0; k < ns; k++)
			put_num(x, s, r, (lxw_col_t)(1 + k), c->values[k * c->ncats + i]);
		if (c->kind == CJ_CHART_PIE)
			put_str(x, s, r, 2, c->share_labels ? str(c->share_labels[i]) : "",
				CJ_XF_BORDER | CJ_XF_RIGHT);
	}
	return (lxw_row_t)(3 + c->ncats);
}

static void bar_chart(struct cj_xw *x, struct csheet *s, const struct cj_chart *c, lxw_chart *ch,
		      lxw_row_t r0)
{
	lxw_row_t first = r0 + 3, last = r0 + 2 + (lxw_row_t)c->ncats;
	size_t k;

	for (k = 0; k < c->nseries && !x->err; k++) {
		lxw_col_t col = (lxw_col_t)(1 + k);
		lxw_chart_series *ser = chart_add_series(ch, NULL, NULL);
		if (!ser) {
			cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
			return;
		}
		chart_series_set_categories(ser, s->name, first, 0, last, 0);
		chart_series_set_values(ser, s->name, first, col, last, col);
		chart_series_set_name_range(ser, s->name, r0 + 2, col);
		chart_series_set_labels(ser);
		chart_series_set_labels_num_format(ser, CJ_XLSX_NUM_FORMAT);
	}
	chart_axis_set_num_format(ch->y_axis, "#,##0");
	chart_axis_set_name(ch->y_axis, str(c->unit));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
}

static void pie_chart(struct cj_xw *x, struct csheet *s, const struct cj_chart *c, lxw_chart *ch,
		      lxw_row_t r0)
{
	lxw_row_t first = r0 + 3, last = r0 + 2 + (lxw_row_t)c->ncats;
	lxw_chart_series *ser;
	lxw_chart_data_label *labs;
	lxw_chart_data_label **ptrs;
	size_t i;

	ser = chart_add_series(ch, NULL, NULL);
	if (!ser) {
		cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
		return;
	}
	chart_series_set_categories(ser, s->name, first, 0, last, 0);
	chart_series_set_values(ser, s->name, first, 1, last, 1);
	chart_series_set_name_range(ser, s->name, r0 + 2, 1);
	chart_series_set_labels(ser);
	chart_series_set_labels_options(ser, LXW_FALSE, LXW_TRUE, LXW_FALSE);
	chart_series_set_labels_position(ser, LXW_CHART_LABEL_POSITION_BEST_FIT);
	chart_series_set_labels_leader_line(ser);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);

	labs = cj_xw_own(x, cj_calloc(c->ncats, sizeof(*labs)));
	ptrs = cj_xw_own(x, cj_calloc(c->ncats + 1, sizeof(*ptrs)));
	if (x->err)
		return;
	for (i = 0; i < c->ncats; i++) {
		const char *share = c->share_labels ? str(c->share_labels[i]) : "";
		const char *name = str(c->cats[i]);
		size_t n = strlen(name) + strlen(share) + 3;
		char *text;

		ptrs[i] = &labs[i];
		if (c->values[i] <= 0) {
			labs[i].hide = 1; /* no slice, no label */
			continue;
		}
		text = cj_xw_own(x, cj_malloc(n));
		if (!text)
			return;
		/* a leading '=' would make libxlsxwriter read a formula */
		snprintf(text, n, "%s%s%s%s", name[0] == '=' ? " " : "", name, *share ? " " : "",
			 share);
		labs[i].value = text;
	}
	cj_xw_check(x, chart_series_set_labels_custom(ser, ptrs), s->name, r0, 0);
}

static void one_chart(struct cj_xw *x, struct csheet *s, const struct cj_chart *c, lxw_row_t r0)
{
	lxw_chart_options opt;
	lxw_chart *ch;

	if (!c->ncats || !c->nseries)
		return; /* nothing to plot: the data block says so */
	ch = workbook_add_chart(x->wb, c->kind == CJ_CHART_PIE ? LXW_CHART_PIE : LXW_CHART_COLUMN);
	if (!ch) {
		cj_xw_fail(x, CJ_ERR_NOMEM, "内存不足");
		return;
	}
	chart_title_set_name(ch, str(c->title));
	if (c->kind == CJ_CHART_PIE)
		pie_chart(x, s, c, ch, r0);
	else
		bar_chart(x, s, c, ch, r0);
	if (x->err)
		return;
	memset(&opt, 0, sizeof(opt));
	opt.x_scale = (double)CHART_W / 480.0; /* libxlsxwriter's default is 480 × 288 */
	opt.y_scale = (double)CHART_H / 288.0;
	opt.x_offset = 4;
	cj_xw_check(x, worksheet_insert_chart_opt(s->ws, r0, s->chart_col, ch, &opt), s->name, r0,
		    s->chart_col);
}

void cj_xlsx_charts(struct cj_xw *x, const struct cj_doc *doc)
{
	struct csheet s;
	lxw_row_t row = 0, *breaks;
	size_t i, k, nch = 0, nb = 0;
	double catw = CAT_MIN;

	if (x->err)
		return;
	memset(&s, 0, sizeof(s));
	s.ndata = 2;
	for (i = 0; i < doc->n; i++) {
		const struct cj_chart *c = doc->nodes[i].chart;
		if (doc->nodes[i].kind != CJ_N_CHART || !c)
			continue;
		nch++;
		if (data_cols(c) > s.ndata)
			s.ndata = data_cols(c);
		for (k = 0; k < c->ncats; k++) {
			double w = (double)cj_xw_width(str(c->cats[k])) + 2;
			if (w > catw)
				catw = w;
		}
	}
	if (!nch)
		return;
	if (s.ndata > 200) {
		cj_xw_fail(x, CJ_ERR_TOO_LARGE, "图表的系列过多（%zu）", s.ndata);
		return;
	}
	if (catw > CAT_MAX)
		catw = CAT_MAX;
	s.chart_col = (lxw_col_t)(s.ndata + 2); /* categories, data, one empty column */
	breaks = cj_xw_own(x, cj_calloc(nch / BLOCKS_PER_PAGE + 2, sizeof(*breaks)));
	s.ws = cj_xw_sheet(x, SHEET_NAME, "", &s.name);
	if (!s.ws || x->err)
		return;
	cj_xw_check(x, worksheet_set_column(s.ws, 0, 0, catw, NULL), s.name, 0, 0);
	cj_xw_check(x, worksheet_set_column(s.ws, 1, (lxw_col_t)s.ndata, DATA_W, NULL), s.name, 0, 1);
	cj_xw_check(x, worksheet_set_column(s.ws, (lxw_col_t)(s.ndata + 1), (lxw_col_t)(s.ndata + 1), 2,
					    NULL),
		    s.name, 0, (lxw_col_t)(s.ndata + 1));

	for (i = 0, k = 0; i < doc->n && !x->err; i++) {
		const struct cj_chart *c = doc->nodes[i].chart;
		lxw_row_t used;
		if (doc->nodes[i].kind != CJ_N_CHART || !c)
			continue;
		if (c->ncats > 100000) {
			cj_xw_fail(x, CJ_ERR_TOO_LARGE, "图表「%s」的类别过多", str(c->title));
			return;
		}
		if (k && k % BLOCKS_PER_PAGE == 0)
			breaks[nb++] = row;
		used = data_block(x, &s, c, row);
		one_chart(x, &s, c, row);
		row += (used > CHART_ROWS ? used : CHART_ROWS) + BLOCK_GAP;
		k++;
	}
	if (x->err)
		return;
	worksheet_set_paper(s.ws, 9); /* A4 */
	worksheet_set_margins(s.ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_center_horizontally(s.ws);
	worksheet_fit_to_pages(s.ws, 1, 0);
	cj_xw_check(x, worksheet_set_footer(s.ws, "&C&P / &N"), s.name, 0, 0);
	if (nb)
		cj_xw_check(x, worksheet_set_h_pagebreaks(s.ws, breaks), s.name, 0, 0);
	/* the charts lie over empty cells: print them too */
	cj_xw_check(x,
		    worksheet_print_area(s.ws, 0, 0, row ? row - 1 : 0,
					 (lxw_col_t)(s.chart_col + CHART_COLS)),
		    s.name, 0, 0);
}
