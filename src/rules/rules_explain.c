/*
 * rules_explain.c - 说明 rules: what the 情况说明 must explain, and whether
 * the explanations given are consistent with the figures they explain.
 *
 * A difference needs a reason (DOMAIN.md 1.5): 决算 against 预算 for each
 * 项 of the general budget and each 三公 item; this year against last year
 * for 收入总计, 本年支出合计, 财政拨款 income and spending, the general
 * budget, each 三公 item and 机关运行经费.  Thresholds come from
 * struct cj_check_opts (zero: any difference).  A change that cannot be
 * computed (last year absent) needs no reason; PREV-MISSING says so once.
 *
 * Reasons may carry amounts; REASON-SUM holds them against the change.
 */
#include <stdio.h>
#include <string.h>

#include "../base/money.h"
#include "rules_impl.h"

static const char *unit_name(const struct cj_check_ctx *ctx)
{
	return ctx->a->unit_fen == CJ_FEN_PER_YUAN ? "元" : "万元";
}

/* "增加514.72万元（增长87.31%）" / "减少3.13万元" into buf. */
static const char *change_text(const struct cj_check_ctx *ctx, const struct cj_chg *c, char *buf,
			       size_t cap)
{
	char amt[CJ_RULES_NUM], pct[CJ_RULES_NUM];
	int64_t mag = c->delta < 0 ? -c->delta : c->delta;

	cj_rules_money(ctx, mag, amt, sizeof(amt));
	if (c->has_rate) {
		cj_pct_format(c->rate_bp < 0 ? -c->rate_bp : c->rate_bp, pct, sizeof(pct));
		snprintf(buf, cap, "%s%s%s（%s%s）", c->delta < 0 ? "减少" : "增加", amt,
			 unit_name(ctx), c->delta < 0 ? "下降" : "增长", pct);
	} else {
		snprintf(buf, cap, "%s%s%s", c->delta < 0 ? "减少" : "增加", amt, unit_name(ctx));
	}
	return buf;
}

/* A year-on-year change that needs a reason and has none. */
static void need_change_reason(struct cj_check_ctx *ctx, const struct cj_chg *c,
			       const struct cj_reasons *rs, const struct cj_loc *loc,
			       const char *what, const char *key)
{
	char txt[128];

	if (!c->has_delta || c->delta == 0 || rs->n > 0)
		return;
	if (!cj_rules_beyond(c->delta, c->prev.fen, ctx->opts.change_threshold_bp))
		return;
	cj_rule_report(ctx, loc, NULL, NULL, "%s较上年%s，未说明原因（%s）", what,
		       change_text(ctx, c, txt, sizeof(txt)), key);
}

/* EXPL-ITEM-BUDGET: a 项 whose 决算数 differs from its 预算数 (DOMAIN.md 1.4 第五节, 1.5) */
void cj_rules_expl_item_budget(struct cj_check_ctx *ctx)
{
	const struct cj_func_items *items = &ctx->a->general.items;
	size_t i;

	for (i = 0; i < items->n; i++) {
		const struct cj_func_item *it = &items->v[i];
		int64_t delta;
		char a[CJ_RULES_NUM], b[CJ_RULES_NUM];

		if (!it->actual.set || !it->budget.set || it->reasons.n > 0)
			continue;
		if (cj_sub(it->actual.fen, it->budget.fen, &delta) != CJ_OK || delta == 0)
			continue;
		if (!cj_rules_beyond(delta, it->budget.fen, ctx->opts.budget_threshold_bp))
			continue;
		cj_rule_report(ctx, cj_rules_loc(&it->actual.loc, &it->loc, NULL),
			       cj_rules_money(ctx, it->actual.fen, a, sizeof(a)),
			       cj_rules_money(ctx, it->budget.fen, b, sizeof(b)),
			       "科目%s%s决算数%s预算数，未说明原因（reasons）",
			       it->code.s ? it->code.s : "", it->name.s ? it->name.s : "",
			       delta > 0 ? "大于" : "小于");
	}
}

/* EXPL-INCOME-CHANGE: 收入总计 vs last year (DOMAIN.md 1.5) */
void cj_rules_expl_income_change(struct cj_check_ctx *ctx)
{
	const struct cj_income_year *iy = &ctx->a->income.year[CJ_CUR];

	need_change_reason(ctx, &ctx->f->inc_grand_chg, &ctx->a->income.reasons,
			   cj_rules_loc(&iy->grand_total.loc, &iy->total.loc,
					&iy->src[CJ_INC_GENERAL].loc),
			   "收入总计", "income.reasons");
}

/* EXPL-SPENDING-CHANGE: 本年支出合计 vs last year (DOMAIN.md 1.5) */
void cj_rules_expl_spending_change(struct cj_check_ctx *ctx)
{
	const struct cj_spending_year *sy = &ctx->a->spending.year[CJ_CUR];

	need_change_reason(ctx, &ctx->f->sp_total_chg, &ctx->a->spending.reasons,
			   cj_rules_loc(&sy->total.loc, &sy->kind[CJ_SP_BASIC].loc, NULL),
			   "本年支出合计", "spending.reasons");
}

/* EXPL-FISCAL-CHANGE: 财政拨款 income and spending vs last year (DOMAIN.md 1.5) */
void cj_rules_expl_fiscal_change(struct cj_check_ctx *ctx)
{
	const struct cj_fiscal_year *fy = &ctx->a->fiscal.year[CJ_CUR];
	const struct cj_income_year *iy = &ctx->a->income.year[CJ_CUR];

	need_change_reason(ctx, &ctx->f->fiscal_income_chg, &ctx->a->fiscal.income_reasons,
			   cj_rules_loc(&fy->income_total.loc, &iy->src[CJ_INC_GENERAL].loc, NULL),
			   "财政拨款收入", "fiscal.income_reasons");
	need_change_reason(ctx, &ctx->f->fiscal_spending_chg, &ctx->a->fiscal.spending_reasons,
			   cj_rules_loc(&fy->spending_total.loc, &fy->income_total.loc, NULL),
			   "财政拨款支出", "fiscal.spending_reasons");
}

/* EXPL-GEN-CHANGE: 一般公共预算财政拨款支出 vs last year (DOMAIN.md 1.4 第五节) */
void cj_rules_expl_gen_change(struct cj_check_ctx *ctx)
{
	const struct cj_fund_spending *g = &ctx->a->general;

	need_change_reason(ctx, &ctx->f->gen_chg, &g->reasons,
			   cj_rules_loc(&g->total[CJ_CUR].loc, g->items.n ? &g->items.v[0].loc : NULL,
					&g->total[CJ_PREV].loc),
			   "一般公共预算财政拨款支出", "general_budget.reasons");
}

/* ---------------------------------------------------------------- 三公 */

static const char *const sg_name[CJ_SG_N] = {"因公出国（境）费", "公务用车购置费",
					     "公务用车运行维护费", "公务接待费"};
static const int sg_disp[CJ_SG_N] = {CJ_SGD_ABROAD, CJ_SGD_VPURCHASE, CJ_SGD_VRUNNING,
				     CJ_SGD_RECEPTION};
static const char *const sg_key[CJ_SG_N] = {"abroad", "vehicle_purchase", "vehicle_running",
					    "reception"};

/*
 * EXPL-SG-BUDGET: 三公 决算数 against 预算数, in total and per item
 * (DOMAIN.md 1.5, 7).  The reasons for the total may cover the items.
 */
void cj_rules_expl_sg_budget(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	const struct cj_figures *f = ctx->f;
	int64_t thr = ctx->opts.budget_threshold_bp;
	int k, any = sg->budget_reasons.n > 0;
	char a[CJ_RULES_NUM], b[CJ_RULES_NUM];

	for (k = 0; k < CJ_SG_N; k++)
		any |= sg->item_budget_reasons[k].n > 0;
	if (!any) {
		const struct cj_amt *ta = &f->sg_actual[CJ_SGD_TOTAL], *tb = &f->sg_budget[CJ_SGD_TOTAL];
		int64_t d;

		if (ta->known && tb->known && cj_sub(ta->fen, tb->fen, &d) == CJ_OK && d != 0 &&
		    cj_rules_beyond(d, tb->fen, thr))
			cj_rule_report(ctx,
				       cj_rules_loc(&sg->actual.total.loc,
						    &sg->actual.item[CJ_SG_VRUNNING].loc, NULL),
				       cj_rules_money(ctx, ta->fen, a, sizeof(a)),
				       cj_rules_money(ctx, tb->fen, b, sizeof(b)),
				       "“三公”经费决算数%s预算数，未说明原因（sangong.budget_reasons）",
				       ta->fen > tb->fen ? "大于" : "小于");
		return;
	}
	if (sg->budget_reasons.n > 0)
		return;
	for (k = 0; k < CJ_SG_N; k++) {
		const struct cj_fig *fa = &sg->actual.item[k], *fb = &sg->budget.item[k];
		int64_t d;

		if (!fa->set || !fb->set || sg->item_budget_reasons[k].n > 0)
			continue;
		if (cj_sub(fa->fen, fb->fen, &d) != CJ_OK || d == 0 ||
		    !cj_rules_beyond(d, fb->fen, thr))
			continue;
		cj_rule_report(ctx, &fa->loc, cj_rules_money(ctx, fa->fen, a, sizeof(a)),
			       cj_rules_money(ctx, fb->fen, b, sizeof(b)),
			       "“三公”经费中%s决算数%s预算数，未说明原因（sangong.%s_budget_reasons）",
			       sg_name[k], fa->fen > fb->fen ? "大于" : "小于", sg_key[k]);
	}
}

/*
 * EXPL-SG-CHANGE: each 三公 item against last year (DOMAIN.md 1.5, 7).
 * Narratives explain 公务用车购置及运行维护费 as one, so reasons given for
 * either vehicle item cover both.
 */
void cj_rules_expl_sg_change(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	int k;

	for (k = 0; k < CJ_SG_N; k++) {
		const struct cj_chg *c = &ctx->f->sg_chg[sg_disp[k]];
		size_t n = sg->change_reasons[k].n;
		char txt[128];

		if (k == CJ_SG_VPURCHASE || k == CJ_SG_VRUNNING)
			n += sg->change_reasons[CJ_SG_VPURCHASE + CJ_SG_VRUNNING - k].n;
		if (!c->has_delta || c->delta == 0 || n > 0)
			continue;
		if (!cj_rules_beyond(c->delta, c->prev.fen, ctx->opts.change_threshold_bp))
			continue;
		cj_rule_report(ctx, cj_rules_loc(&sg->actual.item[k].loc, &sg->last_year.item[k].loc,
						 NULL),
			       NULL, NULL, "“三公”经费中%s较上年%s，未说明原因（sangong.%s_change_reasons）",
			       sg_name[k], change_text(ctx, c, txt, sizeof(txt)), sg_key[k]);
	}
}

/* EXPL-OPCOST-CHANGE: 机关运行经费 vs last year (DOMAIN.md 1.4 第十节) */
void cj_rules_expl_opcost_change(struct cj_check_ctx *ctx)
{
	const struct cj_opcost *op = &ctx->a->opcost;

	need_change_reason(ctx, &ctx->f->opcost_chg, &op->reasons,
			   cj_rules_loc(&op->amount[CJ_CUR].loc, &op->amount[CJ_PREV].loc, NULL),
			   "机关运行经费", "operating_costs.reasons");
}

/* --------------------------------------------------------- REASON-SUM */

/*
 * One list of reasons against the change it explains.  Every amount
 * given: their sum must equal |change| (error).  Some given: their sum
 * must not exceed |change| (warning).  Amounts are magnitudes, but a list
 * that mixes signs is held to the signed change.
 */
static void reason_sum(struct cj_check_ctx *ctx, const struct cj_reasons *rs, int has_change,
		       int64_t change, const struct cj_loc *fallback, const char *what)
{
	int64_t sum = 0, want, diff, tol = ctx->opts.reason_tolerance_fen;
	size_t i, given = 0;
	int negative = 0;
	const struct cj_loc *loc;
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	if (rs->n == 0 || !has_change)
		return;
	for (i = 0; i < rs->n; i++) {
		const struct cj_fig *amt = &rs->v[i].amount;

		if (!amt->set)
			continue;
		given++;
		negative |= amt->fen < 0;
		if (cj_add(sum, amt->fen, &sum) != CJ_OK)
			return;
	}
	if (given == 0 || change == INT64_MIN)
		return;
	want = (negative || change >= 0) ? change : -change;
	loc = cj_rules_loc(&rs->loc, &rs->v[0].loc, fallback);
	if (given == rs->n) {
		if (cj_sub(sum, want, &diff) != CJ_OK)
			diff = INT64_MAX;
		if (diff <= tol && diff >= -tol)
			return;
		cj_rule_report(ctx, loc, cj_rules_money(ctx, sum, s, sizeof(s)),
			       cj_rules_money(ctx, want, e, sizeof(e)),
			       "%s的各项原因金额之和与变动额不符", what);
		return;
	}
	if (want < 0)
		want = -want;
	if (sum <= want || sum - want <= tol)
		return;
	cj_rules_report_sev(ctx, CJ_SEV_WARNING, loc, cj_rules_money(ctx, sum, s, sizeof(s)),
			    cj_rules_money_le(ctx, want, e, sizeof(e)),
			    "%s的原因中已列明的金额之和超过变动额", what);
}

static void reason_sum_chg(struct cj_check_ctx *ctx, const struct cj_reasons *rs,
			   const struct cj_chg *c, const struct cj_loc *fallback, const char *what)
{
	reason_sum(ctx, rs, c->has_delta, c->delta, fallback, what);
}

/* actual − budget of two stated figures, as a change. */
static void reason_sum_budget(struct cj_check_ctx *ctx, const struct cj_reasons *rs,
			      const struct cj_fig *actual, const struct cj_fig *budget,
			      const char *what)
{
	int64_t d;
	int ok = actual->set && budget->set && cj_sub(actual->fen, budget->fen, &d) == CJ_OK;

	reason_sum(ctx, rs, ok, ok ? d : 0, &actual->loc, what);
}

/* REASON-SUM: reasons with amounts add up to the change they explain (DOMAIN.md 1.5) */
void cj_rules_reason_sum(struct cj_check_ctx *ctx)
{
	const struct cj_accounts *a = ctx->a;
	const struct cj_figures *f = ctx->f;
	struct cj_rules_fund fd[3];
	int k;
	size_t i;
	char what[160];

	reason_sum_chg(ctx, &a->income.reasons, &f->inc_grand_chg,
		       &a->income.year[CJ_CUR].grand_total.loc, "收入总计较上年的变动");
	reason_sum_chg(ctx, &a->spending.reasons, &f->sp_total_chg,
		       &a->spending.year[CJ_CUR].total.loc, "本年支出合计较上年的变动");
	reason_sum_chg(ctx, &a->fiscal.income_reasons, &f->fiscal_income_chg,
		       &a->fiscal.year[CJ_CUR].income_total.loc, "财政拨款收入较上年的变动");
	reason_sum_chg(ctx, &a->fiscal.spending_reasons, &f->fiscal_spending_chg,
		       &a->fiscal.year[CJ_CUR].spending_total.loc, "财政拨款支出较上年的变动");
	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++) {
		struct cj_amt cur = {fd[k].t->actual, !fd[k].t->empty};
		struct cj_chg c;

		if (k == 0) {
			c = f->gen_chg;
		} else {
			struct cj_amt prev = {fd[k].fs->total[CJ_PREV].fen, fd[k].fs->total[CJ_PREV].set};
			c = cj_calc_change(cur, prev);
		}
		snprintf(what, sizeof(what), "%s较上年的变动", fd[k].name);
		reason_sum_chg(ctx, &fd[k].fs->reasons, &c, &fd[k].fs->total[CJ_CUR].loc, what);
		for (i = 0; i < fd[k].fs->items.n; i++) {
			const struct cj_func_item *it = &fd[k].fs->items.v[i];

			snprintf(what, sizeof(what), "科目%s决算数与预算数的差额",
				 it->code.s ? it->code.s : "");
			reason_sum_budget(ctx, &it->reasons, &it->actual, &it->budget, what);
		}
	}
	{
		const struct cj_amt *ta = &f->sg_actual[CJ_SGD_TOTAL], *tb = &f->sg_budget[CJ_SGD_TOTAL];
		int64_t d = 0;
		int ok = ta->known && tb->known && cj_sub(ta->fen, tb->fen, &d) == CJ_OK;

		reason_sum(ctx, &a->sangong.budget_reasons, ok, d, &a->sangong.actual.total.loc,
			   "“三公”经费决算数与预算数的差额");
	}
	for (k = 0; k < CJ_SG_N; k++) {
		snprintf(what, sizeof(what), "“三公”经费中%s决算数与预算数的差额", sg_name[k]);
		reason_sum_budget(ctx, &a->sangong.item_budget_reasons[k], &a->sangong.actual.item[k],
				  &a->sangong.budget.item[k], what);
		snprintf(what, sizeof(what), "“三公”经费中%s较上年的变动", sg_name[k]);
		reason_sum_chg(ctx, &a->sangong.change_reasons[k], &f->sg_chg[sg_disp[k]],
			       &a->sangong.actual.item[k].loc, what);
	}
	reason_sum_chg(ctx, &a->opcost.reasons, &f->opcost_chg, &a->opcost.amount[CJ_CUR].loc,
		       "机关运行经费较上年的变动");
}

/* -------------------------------------------------------- empty tables */

/*
 * EMPTY-EXPLAIN: an empty T8 / T9 needs its none_reason (error); a table
 * with data that carries one is contradictory (warning) (DOMAIN.md 1.5, 9).
 */
void cj_rules_empty_explain(struct cj_check_ctx *ctx)
{
	static const int src[3] = {CJ_INC_GENERAL, CJ_INC_GOVFUND, CJ_INC_STATECAP};
	static const char *const key[3] = {"general_budget", "gov_fund", "state_capital"};
	struct cj_rules_fund fd[3];
	int k;

	cj_rules_funds(ctx, fd);
	for (k = 1; k < 3; k++) {
		const struct cj_fund_spending *fs = fd[k].fs;
		const struct cj_fig *inc = &ctx->a->income.year[CJ_CUR].src[src[k]];
		int has_reason = fs->none_reason.s && fs->none_reason.s[0];
		int empty = fd[k].t->empty && !(fs->total[CJ_CUR].set && fs->total[CJ_CUR].fen != 0) &&
			    !(inc->set && inc->fen != 0);

		if (empty && !has_reason)
			cj_rule_report(ctx, cj_rules_loc(&fs->none_reason.loc, &inc->loc,
							 &fs->total[CJ_CUR].loc),
				       NULL, NULL,
				       "%s表无数据，但没有说明原因（%s.none_reason），"
				       "如“本部门本年度无%s，故本表无数据”",
				       fd[k].name, key[k], fd[k].name);
		else if (!empty && has_reason)
			cj_rules_report_sev(ctx, CJ_SEV_WARNING, &fs->none_reason.loc, NULL, NULL,
					    "%s表有数据，却附有空表说明（%s.none_reason）", fd[k].name,
					    key[k]);
	}
}

/* PREV-MISSING: last year's 收入总计 / 本年支出合计 absent (DOMAIN.md 1.5) */
void cj_rules_prev_missing(struct cj_check_ctx *ctx)
{
	const struct cj_income_year *iy = &ctx->a->income.year[CJ_CUR];
	const struct cj_spending_year *sy = &ctx->a->spending.year[CJ_CUR];

	if (!ctx->f->inc_grand[CJ_PREV].known)
		cj_rule_report(ctx, cj_rules_loc(&iy->grand_total.loc, &iy->total.loc, NULL), NULL,
			       NULL,
			       "缺少上年收入总计（income.last_year.grand_total），"
			       "无法说明收入总计较上年的变动");
	if (!ctx->f->sp_total[CJ_PREV].known)
		cj_rule_report(ctx, cj_rules_loc(&sy->total.loc, &sy->grand_total.loc, NULL), NULL,
			       NULL,
			       "缺少上年本年支出合计（spending.last_year.total），"
			       "无法说明本年支出合计较上年的变动");
}
