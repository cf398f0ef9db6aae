/*
 * rules_sangong.c - “三公”经费 rules: the T7 sums, its relation to the
 * economic 款 of T6 and to 财政拨款支出, and the statistics the narrative
 * must give (团组数, 购置数 / 保有量, 接待批次 / 人次) against the amounts.
 *
 * T7 covers all 财政拨款 三公 spending, 基本支出 and 项目支出; T6 shows only
 * 基本支出, so a T6 款 may be smaller than the T7 item, never larger
 * (DOMAIN.md 2.6).
 */
#include <stdio.h>
#include <string.h>

#include "../base/money.h"
#include "rules_impl.h"

static const char *const sg_name[CJ_SG_N] = {"因公出国（境）费", "公务用车购置费",
					     "公务用车运行维护费", "公务接待费"};

/* The three column groups of T7. */
struct sg_group {
	const struct cj_sg_figs *figs;
	const struct cj_amt *derived;
	const char *name;
};

static void sg_groups(const struct cj_check_ctx *ctx, struct sg_group g[3])
{
	g[0].figs = &ctx->a->sangong.budget;
	g[0].derived = ctx->f->sg_budget;
	g[0].name = "预算数";
	g[1].figs = &ctx->a->sangong.actual;
	g[1].derived = ctx->f->sg_actual;
	g[1].name = "决算数";
	g[2].figs = &ctx->a->sangong.last_year;
	g[2].derived = ctx->f->sg_last;
	g[2].name = "上年决算数";
}

/* SG-VEHICLE-SUM: 公务用车购置及运行维护费 = 购置费 + 运行维护费 (DOMAIN.md 1.3 T7, 5.9) */
void cj_rules_sg_vehicle_sum(struct cj_check_ctx *ctx)
{
	struct sg_group g[3];
	int k;

	sg_groups(ctx, g);
	for (k = 0; k < 3; k++)
		cj_rules_cmp_fig(ctx, &g[k].figs->vehicle_total, g[k].derived[CJ_SGD_VEHICLE],
				 "“三公”经费%s中公务用车购置及运行维护费与购置费、运行维护费之和不符",
				 g[k].name);
}

/* SG-TOTAL-SUM: 合计 = 出国 + 车辆 + 接待 (DOMAIN.md 1.3 T7, 5.9) */
void cj_rules_sg_total_sum(struct cj_check_ctx *ctx)
{
	struct sg_group g[3];
	int k;

	sg_groups(ctx, g);
	for (k = 0; k < 3; k++)
		cj_rules_cmp_fig(ctx, &g[k].figs->total, g[k].derived[CJ_SGD_TOTAL],
				 "“三公”经费%s合计与因公出国（境）费、公务用车购置及运行维护费、"
				 "公务接待费之和不符",
				 g[k].name);
}

/* The 三公 item an economic 款 belongs to, or -1 (DOMAIN.md 2.6). */
static int sg_item_of_econ(const char *code)
{
	if (!code)
		return -1;
	if (strcmp(code, "30212") == 0)
		return CJ_SG_ABROAD;
	if (strcmp(code, "30217") == 0)
		return CJ_SG_RECEPTION;
	if (strcmp(code, "30231") == 0)
		return CJ_SG_VRUNNING;
	if (strcmp(code, "31013") == 0)
		return CJ_SG_VPURCHASE;
	return -1;
}

/* SG-ECON-LE: T6 30212/30217/30231/31013 ≤ T7 决算数 (DOMAIN.md 2.6, 5.9) */
void cj_rules_sg_econ_le(struct cj_check_ctx *ctx)
{
	const struct cj_basic *b = &ctx->a->basic;
	size_t i;

	for (i = 0; i < b->items.n; i++) {
		const struct cj_econ_item *it = &b->items.v[i];
		int k = sg_item_of_econ(it->code.s);
		const struct cj_fig *act;
		char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

		if (k < 0 || !it->amount.set)
			continue;
		act = &ctx->a->sangong.actual.item[k];
		if (!act->set || it->amount.fen <= act->fen)
			continue;
		cj_rule_report(ctx, cj_rules_loc(&it->amount.loc, &it->loc, NULL),
			       cj_rules_money(ctx, it->amount.fen, s, sizeof(s)),
			       cj_rules_money_le(ctx, act->fen, e, sizeof(e)),
			       "基本支出中的%s（%s）超过“三公”经费中的%s决算数", it->code.s,
			       sg_name[k], sg_name[k]);
	}
}

/* SG-LE-FISCAL: 三公 决算 ≤ 财政拨款支出 (DOMAIN.md 1.3 T7) */
void cj_rules_sg_le_fiscal(struct cj_check_ctx *ctx)
{
	const struct cj_amt *t = &ctx->f->sg_actual[CJ_SGD_TOTAL];
	const struct cj_amt *fs = &ctx->f->fiscal_spending[CJ_CUR];
	const struct cj_sg_figs *a = &ctx->a->sangong.actual;
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	if (!t->known || !fs->known || t->fen <= fs->fen)
		return;
	cj_rule_report(ctx, cj_rules_loc(&a->total.loc, &a->item[CJ_SG_VRUNNING].loc, NULL),
		       cj_rules_money(ctx, t->fen, s, sizeof(s)),
		       cj_rules_money_le(ctx, fs->fen, e, sizeof(e)),
		       "“三公”经费决算数超过财政拨款支出");
}

/* SG-OVER-BUDGET: an item's 决算数 above its 预算数 (DOMAIN.md 1.5) */
void cj_rules_sg_over_budget(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	int k;

	for (k = 0; k < CJ_SG_N; k++) {
		const struct cj_fig *a = &sg->actual.item[k], *b = &sg->budget.item[k];
		char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

		if (!a->set || !b->set || a->fen <= b->fen)
			continue;
		cj_rule_report(ctx, &a->loc, cj_rules_money(ctx, a->fen, s, sizeof(s)),
			       cj_rules_money_le(ctx, b->fen, e, sizeof(e)),
			       "“三公”经费中%s决算数超过预算数", sg_name[k]);
	}
}

/* ------------------------------------------------------------ vehicles */

/* VEH-HELD-SUM: 公务用车保有量合计 = Σ by type (DOMAIN.md 4.3) */
void cj_rules_veh_held_sum(struct cj_check_ctx *ctx)
{
	if (ctx->a->sangong.held.n == 0)
		return;
	cj_rules_cmp_count(ctx, &ctx->a->sangong.held_total, ctx->f->vehicles_held,
			   "公务用车保有量合计与各车型数量之和不符");
}

/* VEH-ASSETS-SUM: 国有资产 车辆合计 = Σ by use (DOMAIN.md 1.4 第十节) */
void cj_rules_veh_assets_sum(struct cj_check_ctx *ctx)
{
	if (ctx->a->assets.vehicles.n == 0)
		return;
	cj_rules_cmp_count(ctx, &ctx->a->assets.vehicles_total, ctx->f->assets_vehicles,
			   "国有资产占有使用情况中的车辆合计与各用途车辆数之和不符");
}

/* VEH-HELD-ASSETS: 三公 保有量 ≤ 国有资产 车辆 (DOMAIN.md 1.4 第七、十节) */
void cj_rules_veh_held_assets(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	const struct cj_assets *as = &ctx->a->assets;
	char s[CJ_RULES_NUM], n[CJ_RULES_NUM], e[CJ_RULES_NUM + 4];

	if (sg->held.n == 0 && !sg->held_total.set)
		return;
	if (as->vehicles.n == 0 && !as->vehicles_total.set)
		return;
	if (ctx->f->vehicles_held <= ctx->f->assets_vehicles)
		return;
	cj_rules_fmt_count(ctx->f->assets_vehicles, n, sizeof(n));
	snprintf(e, sizeof(e), "≤%s", n);
	cj_rule_report(ctx,
		       cj_rules_loc(&sg->held_total.loc, sg->held.n ? &sg->held.v[0].loc : NULL,
				    NULL),
		       cj_rules_fmt_count(ctx->f->vehicles_held, s, sizeof(s)), e,
		       "公务用车保有量超过国有资产占有使用情况中的车辆数");
}

/*
 * VEH-BOUGHT: Σ purchase amounts = 公务用车购置费 决算数 when every type
 * has an amount; vehicles bought iff 购置费 > 0 (DOMAIN.md 1.5, 4.3).
 */
void cj_rules_veh_bought(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	const struct cj_fig *buy = &sg->actual.item[CJ_SG_VPURCHASE];
	const struct cj_loc *loc;
	size_t i;
	int all_amounts = 1;
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	if (sg->bought.n == 0 || !buy->set)
		return;
	loc = &sg->bought.v[0].loc;
	for (i = 0; i < sg->bought.n; i++)
		all_amounts &= sg->bought.v[i].amount.set;
	if (all_amounts && ctx->f->vehicles_bought_fen != buy->fen)
		cj_rule_report(ctx, loc, cj_rules_money(ctx, ctx->f->vehicles_bought_fen, s, sizeof(s)),
			       cj_rules_money(ctx, buy->fen, e, sizeof(e)),
			       "购置公务用车各车型金额之和与公务用车购置费决算数不符");
	if ((ctx->f->vehicles_bought > 0) != (buy->fen > 0))
		cj_rule_report(ctx, loc, cj_rules_fmt_count(ctx->f->vehicles_bought, s, sizeof(s)), NULL,
			       buy->fen > 0 ? "有公务用车购置费，但购置车辆数为0"
					    : "购置了公务用车，但公务用车购置费为0");
}

/* ----------------------------------------------------------- reception */

/* Items of one kind of reception against its totals. */
static void reception_items(struct cj_check_ctx *ctx, const struct cj_reception *r,
			    const char *kind)
{
	int64_t amount = 0, batches = 0, persons = 0;
	int all_a = 1, all_b = 1, all_p = 1;
	size_t i;
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	if (r->items.n == 0)
		return;
	for (i = 0; i < r->items.n; i++) {
		const struct cj_reception_item *it = &r->items.v[i];

		all_a &= it->amount.set;
		all_b &= it->batches.set;
		all_p &= it->persons.set;
		if (it->amount.set && cj_add(amount, it->amount.fen, &amount) != CJ_OK)
			return;
		batches += it->batches.set ? it->batches.n : 0;
		persons += it->persons.set ? it->persons.n : 0;
	}
	if (all_a && r->amount.set && amount != r->amount.fen)
		cj_rule_report(ctx, &r->amount.loc, cj_rules_money(ctx, amount, s, sizeof(s)),
			       cj_rules_money(ctx, r->amount.fen, e, sizeof(e)),
			       "%s各项内容的金额之和与%s支出不符", kind, kind);
	if (all_b && r->batches.set && batches != r->batches.n)
		cj_rule_report(ctx, &r->batches.loc, cj_rules_fmt_count(batches, s, sizeof(s)),
			       cj_rules_fmt_count(r->batches.n, e, sizeof(e)),
			       "%s各项内容的批次之和与接待批次不符", kind);
	if (all_p && r->persons.set && persons != r->persons.n)
		cj_rule_report(ctx, &r->persons.loc, cj_rules_fmt_count(persons, s, sizeof(s)),
			       cj_rules_fmt_count(r->persons.n, e, sizeof(e)),
			       "%s各项内容的人次之和与接待人次不符", kind);
}

/*
 * RECEPTION-SUM: 国内公务接待 + 外事接待 = 公务接待费 决算数; the items of
 * each add up to its amount, batches and persons where all are given
 * (DOMAIN.md 1.5, 4.3).
 */
void cj_rules_reception_sum(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	const struct cj_fig *rec = &sg->actual.item[CJ_SG_RECEPTION];
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	if (rec->set && (sg->domestic.amount.set || sg->foreign.amount.set)) {
		int64_t sum;
		const struct cj_fig *d = &sg->domestic.amount, *f = &sg->foreign.amount;

		if (cj_add(d->set ? d->fen : 0, f->set ? f->fen : 0, &sum) == CJ_OK &&
		    sum != rec->fen)
			cj_rule_report(ctx, cj_rules_loc(&d->loc, &f->loc, NULL),
				       cj_rules_money(ctx, sum, s, sizeof(s)),
				       cj_rules_money(ctx, rec->fen, e, sizeof(e)),
				       "国内公务接待与外事接待支出之和与公务接待费决算数不符");
	}
	reception_items(ctx, &sg->domestic, "国内公务接待");
	reception_items(ctx, &sg->foreign, "外事接待");
}

/* ABROAD-COUNT: 因公出国（境）费 > 0 iff 团组数 > 0 iff 人次 > 0 (DOMAIN.md 1.5, 4.3) */
void cj_rules_abroad_count(struct cj_check_ctx *ctx)
{
	const struct cj_sangong *sg = &ctx->a->sangong;
	const struct cj_fig *fee = &sg->actual.item[CJ_SG_ABROAD];
	const struct cj_count *g = &sg->abroad_groups, *p = &sg->abroad_persons;
	char s[CJ_RULES_NUM];

	if (fee->set && g->set && (fee->fen > 0) != (g->n > 0))
		cj_rule_report(ctx, &g->loc, cj_rules_fmt_count(g->n, s, sizeof(s)), NULL,
			       fee->fen > 0 ? "有因公出国（境）费，但团组数为0"
					    : "有因公出国（境）团组，但因公出国（境）费为0");
	if (g->set && p->set && (g->n > 0) != (p->n > 0))
		cj_rule_report(ctx, &p->loc, cj_rules_fmt_count(p->n, s, sizeof(s)), NULL,
			       g->n > 0 ? "有因公出国（境）团组，但出国（境）人次为0"
					: "有因公出国（境）人次，但团组数为0");
}
