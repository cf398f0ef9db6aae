/*
 * rules_cross.c - 勾稽 rules: relations between different tables (T1–T6,
 * the 财政拨款 figures, procurement) and the completion rates a unit
 * states in its text (一般公共预算, 部门整体, each project).
 *
 * Amounts are compared exactly in fen; a stated percentage is compared
 * through the rounding interval of the precision it was written at
 * (cj_rules_cmp_rate), so "96.6" for 55.60/57.55 passes and "99.73" fails.
 *
 * Not here: a total against its own parts (rules_totals.c), 三公
 * (rules_sangong.c).
 */
#include "../base/money.h"
#include "rules_impl.h"

static const char *prev_prefix(int y)
{
	return y == CJ_CUR ? "" : "上年数：";
}

/* FISCAL-INCOME: 财政拨款收入 = 一般 + 基金 + 国资 income (DOMAIN.md 1.3 T4, 5.6) */
void cj_rules_fiscal_income(struct cj_check_ctx *ctx)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++)
		cj_rules_cmp_fig(ctx, &ctx->a->fiscal.year[y].income_total, ctx->f->fiscal_income[y],
				 "%s财政拨款收入与一般公共预算、政府性基金预算、国有资本经营预算"
				 "财政拨款收入之和不符",
				 prev_prefix(y));
}

/* FISCAL-SPENDING: 财政拨款支出 = T5 + T8 + T9 (DOMAIN.md 5.6) */
void cj_rules_fiscal_spending(struct cj_check_ctx *ctx)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++)
		cj_rules_cmp_fig(ctx, &ctx->a->fiscal.year[y].spending_total,
				 ctx->f->fiscal_spending[y],
				 "%s财政拨款支出与一般公共预算、政府性基金预算、国有资本经营预算"
				 "财政拨款支出之和不符",
				 prev_prefix(y));
}

/*
 * FISCAL-BALANCE: 财政拨款收入 + 年初结转和结余 = 财政拨款支出 + 年末结转和结余
 * (DOMAIN.md 1.3 T4), where both balances are given.
 */
void cj_rules_fiscal_balance(struct cj_check_ctx *ctx)
{
	const struct cj_figures *f = ctx->f;
	int y;

	for (y = 0; y < CJ_NYEARS; y++) {
		const struct cj_fiscal_year *fy = &ctx->a->fiscal.year[y];
		char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

		if (!fy->opening.set || !fy->closing.set)
			continue;
		if (!f->fiscal_in_grand[y].known || !f->fiscal_out_grand[y].known)
			continue;
		if (f->fiscal_in_grand[y].fen == f->fiscal_out_grand[y].fen)
			continue;
		cj_rule_report(ctx, cj_rules_loc(&fy->closing.loc, &fy->opening.loc, NULL),
			       cj_rules_money(ctx, f->fiscal_out_grand[y].fen, s, sizeof(s)),
			       cj_rules_money(ctx, f->fiscal_in_grand[y].fen, e, sizeof(e)),
			       "%s财政拨款支出与年末结转和结余之和不等于财政拨款收入与年初结转和结余之和",
			       prev_prefix(y));
	}
}

/* The line of a fund table's first 项 (or its stated total). */
static const struct cj_loc *table_loc(const struct cj_fund_spending *fs)
{
	return cj_rules_loc(&fs->total[CJ_CUR].loc, fs->items.n ? &fs->items.v[0].loc : NULL,
			    NULL);
}

static void le_report(struct cj_check_ctx *ctx, const struct cj_loc *loc, int64_t a, int64_t b,
		      const char *what)
{
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	cj_rule_report(ctx, loc, cj_rules_money(ctx, a, s, sizeof(s)),
		       cj_rules_money_le(ctx, b, e, sizeof(e)), "%s", what);
}

/*
 * GEN-LE-SPENDING: T5 ≤ T3 本年支出合计; T5 基本支出 ≤ T3 基本支出;
 * T5 项目支出 ≤ T3 项目支出 (DOMAIN.md 1.3 T3, T5: T5 is the
 * 一般公共预算财政拨款 part of T3).
 */
void cj_rules_gen_le_spending(struct cj_check_ctx *ctx)
{
	const struct cj_figures *f = ctx->f;
	const struct cj_fund_spending *g = &ctx->a->general;
	const struct cj_amt *basic = &f->sp_kind[CJ_CUR][CJ_SP_BASIC];
	const struct cj_amt *proj = &f->sp_kind[CJ_CUR][CJ_SP_PROJECT];
	int any_basic = 0, any_project = 0;
	size_t i;

	if (f->gen.empty)
		return;
	for (i = 0; i < g->items.n; i++) {
		any_basic |= g->items.v[i].basic.set;
		any_project |= g->items.v[i].project.set;
	}
	if (f->sp_total[CJ_CUR].known && f->gen.actual > f->sp_total[CJ_CUR].fen)
		le_report(ctx, table_loc(g), f->gen.actual, f->sp_total[CJ_CUR].fen,
			  "一般公共预算财政拨款支出超过本年支出合计");
	if (any_basic && basic->known && f->gen.basic > basic->fen)
		le_report(ctx, table_loc(g), f->gen.basic, basic->fen,
			  "一般公共预算财政拨款基本支出超过支出决算表的基本支出");
	if (any_project && proj->known && f->gen.project > proj->fen)
		le_report(ctx, table_loc(g), f->gen.project, proj->fen,
			  "一般公共预算财政拨款项目支出超过支出决算表的项目支出");
}

/*
 * GEN-VS-INCOME-KIND: a kind of 财政拨款 spent with neither income of
 * that kind nor an opening balance that could pay for it (DOMAIN.md 1.3
 * T4).  The 年初财政拨款结转和结余 is not split by kind in the model, so
 * any positive opening balance silences the rule.
 */
void cj_rules_gen_vs_income_kind(struct cj_check_ctx *ctx)
{
	static const int src[3] = {CJ_INC_GENERAL, CJ_INC_GOVFUND, CJ_INC_STATECAP};
	static const char *const kind[3] = {"一般公共预算", "政府性基金预算", "国有资本经营预算"};
	const struct cj_fig *open = &ctx->a->fiscal.year[CJ_CUR].opening;
	struct cj_rules_fund fd[3];
	int k;

	cj_rules_funds(ctx, fd);
	if (open->set && open->fen > 0)
		return;
	for (k = 0; k < 3; k++) {
		const struct cj_fig *inc = &ctx->a->income.year[CJ_CUR].src[src[k]];
		char s[CJ_RULES_NUM];

		if (fd[k].t->empty || fd[k].t->actual <= 0)
			continue;
		if ((inc->set && inc->fen > 0) || fd[k].t->opening > 0)
			continue;
		cj_rule_report(ctx, cj_rules_loc(&inc->loc, table_loc(fd[k].fs), NULL),
			       cj_rules_money(ctx, fd[k].t->actual, s, sizeof(s)), NULL,
			       "有%s财政拨款支出，但没有%s财政拨款收入，也没有年初结转和结余",
			       kind[k], kind[k]);
	}
}

/* OPCOST-PUBLIC: 机关运行经费 ≤ 公用经费, as a rule of thumb (DOMAIN.md 2.6) */
void cj_rules_opcost_public(struct cj_check_ctx *ctx)
{
	const struct cj_fig *op = &ctx->a->opcost.amount[CJ_CUR];

	if (!op->set || !ctx->f->public_.known || op->fen <= ctx->f->public_.fen)
		return;
	le_report(ctx, &op->loc, op->fen, ctx->f->public_.fen,
		  "机关运行经费超过一般公共预算财政拨款基本支出中的公用经费");
}

/* PROC-SME: 中小企业 ≤ 采购总额, 小微企业 ≤ 中小企业 (DOMAIN.md 1.4 第十节) */
void cj_rules_proc_sme(struct cj_check_ctx *ctx)
{
	const struct cj_procurement *p = &ctx->a->procurement;
	const struct cj_amt *total = &ctx->f->proc_total;

	if (p->sme.set && total->known && p->sme.fen > total->fen)
		le_report(ctx, &p->sme.loc, p->sme.fen, total->fen,
			  "授予中小企业合同金额超过政府采购支出总额");
	if (p->small_micro.set && p->sme.set && p->small_micro.fen > p->sme.fen)
		le_report(ctx, &p->small_micro.loc, p->small_micro.fen, p->sme.fen,
			  "授予小微企业合同金额超过授予中小企业合同金额");
	else if (p->small_micro.set && !p->sme.set && total->known &&
		 p->small_micro.fen > total->fen)
		le_report(ctx, &p->small_micro.loc, p->small_micro.fen, total->fen,
			  "授予小微企业合同金额超过政府采购支出总额");
}

/* ------------------------------------------------------------- rates */

/*
 * 一般公共预算财政拨款 决算数 and 预算数 for a completion rate: the
 * derived figures, or the stated totals where no 项 carries them.
 * Returns 0 when either is unknown.
 */
static int gen_rate_parts(const struct cj_check_ctx *ctx, int64_t *num, int64_t *den)
{
	const struct cj_fund_spending *g = &ctx->a->general;
	const struct cj_ftable *t = &ctx->f->gen;
	size_t i;
	int any_budget = 0;

	if (!t->empty)
		*num = t->actual;
	else if (g->total[CJ_CUR].set)
		*num = g->total[CJ_CUR].fen;
	else
		return 0;
	for (i = 0; i < g->items.n; i++)
		any_budget |= g->items.v[i].budget.set;
	if (t->has_budget)
		*den = t->budget;
	else if (!any_budget && g->budget_total.set)
		*den = g->budget_total.fen;
	else
		return 0;
	return 1;
}

/* GEN-RATE: stated 完成预算% = 决算数 / 预算数 (DOMAIN.md 1.5, 6) */
void cj_rules_gen_rate(struct cj_check_ctx *ctx)
{
	int64_t num, den;

	if (gen_rate_parts(ctx, &num, &den))
		cj_rules_cmp_rate(ctx, &ctx->a->general.stated_rate, num, den,
				  "一般公共预算财政拨款支出完成预算百分比与决算数、预算数不符");
}

/* DEPT-RATE: 部门整体 预算完成率 = the same ratio (DOMAIN.md 3.9, 6) */
void cj_rules_dept_rate(struct cj_check_ctx *ctx)
{
	int64_t num, den;

	if (gen_rate_parts(ctx, &num, &den))
		cj_rules_cmp_rate(ctx, &ctx->a->perf.dept.stated_rate, num, den,
				  "部门整体支出绩效评价中的全年预算支出完成率与决算数、预算数不符");
}

/* ---------------------------------------------------------- projects */

static const char *proj_name(const struct cj_project *p)
{
	return p->name.s ? p->name.s : "";
}

/* PROJ-EXEC-LE: 执行数 ≤ 预算数 (DOMAIN.md 3.8) */
void cj_rules_proj_exec_le(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->perf.projects.n && i < ctx->f->nproj; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		const struct cj_proj_fig *pf = &ctx->f->proj[i];
		char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

		if (!pf->exec.known || !pf->budget.known || pf->exec.fen <= pf->budget.fen)
			continue;
		cj_rule_report(ctx, cj_rules_loc(&p->exec_total.loc, &p->exec_fiscal.loc, &p->loc),
			       cj_rules_money(ctx, pf->exec.fen, s, sizeof(s)),
			       cj_rules_money_le(ctx, pf->budget.fen, e, sizeof(e)),
			       "项目「%s」的执行数超过预算数", proj_name(p));
	}
}

/* PROJ-RATE: stated 完成预算% = 执行数 / 预算数 (DOMAIN.md 3.5, 6) */
void cj_rules_proj_rate(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->perf.projects.n && i < ctx->f->nproj; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		const struct cj_proj_fig *pf = &ctx->f->proj[i];

		if (pf->exec.known && pf->budget.known)
			cj_rules_cmp_rate(ctx, &p->stated_rate, pf->exec.fen, pf->budget.fen,
					  "项目「%s」的完成预算百分比与执行数、预算数不符",
					  proj_name(p));
	}
}

/* PROJ-TABLE-RATE: stated 资金使用比率 = 执行数 / 预算数 (DOMAIN.md 3.8, 6) */
void cj_rules_proj_table_rate(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->perf.projects.n && i < ctx->f->nproj; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		const struct cj_proj_fig *pf = &ctx->f->proj[i];

		if (pf->exec.known && pf->budget.known)
			cj_rules_cmp_rate(ctx, &p->stated_table_rate, pf->exec.fen, pf->budget.fen,
					  "项目「%s」资金使用表中的比率与执行数、预算数不符",
					  proj_name(p));
	}
}

/* PROJ-LE-PROJECT: Σ project 执行数 ≤ T3 项目支出 (DOMAIN.md 1.3 T3) */
void cj_rules_proj_le_project(struct cj_check_ctx *ctx)
{
	const struct cj_amt *sum = &ctx->f->proj_exec_total;
	const struct cj_fig *proj = &ctx->a->spending.year[CJ_CUR].kind[CJ_SP_PROJECT];

	if (!sum->known || !proj->set || sum->fen <= proj->fen)
		return;
	le_report(ctx, cj_rules_loc(&proj->loc, NULL, NULL), sum->fen, proj->fen,
		  "各项目执行数之和超过本年项目支出");
}
