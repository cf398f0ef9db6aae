/*
 * report_charts.c - the seven charts of the 情况说明, as data.
 *
 *   chart1 bars  收入总计 / 支出总计, last year and this year
 *   chart2 pie   income by source (shares f->inc_share_bp)
 *   chart3 pie   spending by kind (shares f->sp_share_bp)
 *   chart4 bars  财政拨款收入 / 财政拨款支出, two years
 *   chart5 bars  一般公共预算财政拨款支出, two years
 *   chart6 pie   一般公共预算财政拨款支出 by 类 (shares from the 类 rows)
 *   chart7 pie   三公 by item (shares f->sg_share_bp)
 *
 * A bar chart has the "{year-1}年" series only when every last-year value
 * it would show is known (doc.h has no "missing value"); pie slices of
 * zero are kept (renderers skip them) and labelled with calc/'s shares.
 */
#include "report_int.h"

#include <stdio.h>

static const char *const caption[8] = {
	NULL,
	"收、支决算总计变动情况图",
	"收入决算结构图",
	"支出决算结构图",
	"财政拨款收、支决算总计变动情况",
	"一般公共预算财政拨款支出决算变动情况",
	"一般公共预算财政拨款支出决算结构",
	"“三公”经费财政拨款支出结构"};

static struct cj_chart *cnew(struct cj_rp *rp, int n, enum cj_chart_kind kind, size_t ncats,
			     size_t nseries)
{
	char id[16], cap[256];
	struct cj_chart *c;

	snprintf(id, sizeof(id), "chart%d", n);
	snprintf(cap, sizeof(cap), "（图%d：%s）", n, caption[n]);
	c = cj_chart_new(id, kind, caption[n], cap, "万元", ncats, nseries);
	if (!c)
		cj_report_fail(rp, CJ_ERR_NOMEM);
	return c;
}

/* Bars: `cats` categories, values cur[i] and prev[i]. */
static void bars(struct cj_rp *rp, int n, const char *const *cats, const struct cj_amt *cur,
		 const struct cj_amt *prev, size_t ncats)
{
	int two = 1;
	size_t i, s;
	struct cj_chart *c;
	char name[32];

	for (i = 0; i < ncats; i++)
		if (!prev[i].known)
			two = 0;
	c = cnew(rp, n, CJ_CHART_BARS, ncats, two ? 2 : 1);
	if (!c)
		return;
	if (two) {
		snprintf(name, sizeof(name), "%d年", rp->year - 1); /* a label, not a figure */
		cj_chart_set_series(c, 0, name);
	}
	snprintf(name, sizeof(name), "%d年", rp->year);
	cj_chart_set_series(c, two ? 1 : 0, name);
	for (i = 0; i < ncats; i++) {
		cj_chart_set_cat(c, i, cats[i]);
		s = 0;
		if (two)
			cj_chart_set_value(c, s++, i, prev[i].fen);
		cj_chart_set_value(c, s, i, cur[i].known ? cur[i].fen : 0);
	}
	cj_doc_chart(rp->doc, c);
}

/* Pie: slices from amounts; shares set when `share_ok`. */
static void pie(struct cj_rp *rp, int n, const char *const *cats, const struct cj_amt *v,
		const int64_t *share, int share_ok, size_t ncats)
{
	struct cj_chart *c = cnew(rp, n, CJ_CHART_PIE, ncats, 1);
	size_t i;
	char name[32];

	if (!c)
		return;
	snprintf(name, sizeof(name), "%d年", rp->year);
	cj_chart_set_series(c, 0, name);
	for (i = 0; i < ncats; i++) {
		cj_chart_set_cat(c, i, cats[i]);
		cj_chart_set_value(c, 0, i, v[i].known ? v[i].fen : 0);
		if (share_ok)
			cj_chart_set_share(c, i, share[i]);
	}
	cj_doc_chart(rp->doc, c);
}

static void chart_income(struct cj_rp *rp)
{
	static const char *const cats[CJ_INC_N] = {
		"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
		"上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"};

	pie(rp, 2, cats, rp->f->inc_src[CJ_CUR], rp->f->inc_share_bp, rp->f->inc_share_ok,
	    CJ_INC_N);
}

static void chart_spending(struct cj_rp *rp)
{
	static const char *const cats[CJ_SP_N] = {"基本支出", "项目支出", "上缴上级支出", "经营支出",
						  "对附属单位补助支出"};

	pie(rp, 3, cats, rp->f->sp_kind[CJ_CUR], rp->f->sp_share_bp, rp->f->sp_share_ok, CJ_SP_N);
}

static void chart_classes(struct cj_rp *rp)
{
	const struct cj_ftable *t = &rp->f->gen;
	struct cj_chart *c = cnew(rp, 6, CJ_CHART_PIE, t->nclass, 1);
	size_t i, k = 0;
	char name[32];

	if (!c)
		return;
	snprintf(name, sizeof(name), "%d年", rp->year);
	cj_chart_set_series(c, 0, name);
	for (i = 0; i < t->n && k < t->nclass; i++) {
		const struct cj_row *r = &t->rows[i];
		if (r->level != 1)
			continue;
		cj_chart_set_cat(c, k, r->name ? r->name : r->code);
		cj_chart_set_value(c, 0, k, r->actual);
		if (t->actual != 0)
			cj_chart_set_share(c, k, r->share_bp);
		k++;
	}
	cj_doc_chart(rp->doc, c);
}

static void chart_sangong(struct cj_rp *rp)
{
	static const char *const cats[CJ_SGS_N] = {"因公出国（境）费", "公务用车购置及运行维护费",
						   "公务接待费"};
	struct cj_amt v[CJ_SGS_N];

	v[CJ_SGS_ABROAD] = rp->f->sg_actual[CJ_SGD_ABROAD];
	v[CJ_SGS_VEHICLE] = rp->f->sg_actual[CJ_SGD_VEHICLE];
	v[CJ_SGS_RECEPTION] = rp->f->sg_actual[CJ_SGD_RECEPTION];
	pie(rp, 7, cats, v, rp->f->sg_share_bp, rp->f->sg_share_ok, CJ_SGS_N);
}

void cj_report_chart(struct cj_rp *rp, int n)
{
	const struct cj_figures *f = rp->f;

	switch (n) {
	case 1: {
		static const char *const cats[2] = {"收入总计", "支出总计"};
		struct cj_amt cur[2], prev[2];
		cur[0] = f->inc_grand[CJ_CUR];
		cur[1] = f->sp_grand[CJ_CUR];
		prev[0] = f->inc_grand[CJ_PREV];
		prev[1] = f->sp_grand[CJ_PREV];
		bars(rp, 1, cats, cur, prev, 2);
		break;
	}
	case 2:
		chart_income(rp);
		break;
	case 3:
		chart_spending(rp);
		break;
	case 4: {
		static const char *const cats[2] = {"财政拨款收入", "财政拨款支出"};
		struct cj_amt cur[2], prev[2];
		cur[0] = f->fiscal_income[CJ_CUR];
		cur[1] = f->fiscal_spending[CJ_CUR];
		prev[0] = f->fiscal_income[CJ_PREV];
		prev[1] = f->fiscal_spending[CJ_PREV];
		bars(rp, 4, cats, cur, prev, 2);
		break;
	}
	case 5: {
		static const char *const cats[1] = {"一般公共预算财政拨款支出"};
		bars(rp, 5, cats, &f->gen_chg.cur, &f->gen_chg.prev, 1);
		break;
	}
	case 6:
		chart_classes(rp);
		break;
	case 7:
		chart_sangong(rp);
		break;
	default:
		cj_report_fail(rp, CJ_ERR_USAGE);
	}
}
