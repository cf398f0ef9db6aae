/*
 * rules_totals.c - 合计 rules: each total the unit stated against the sum
 * of its parts as calc/ derives it.
 *
 * The unit's totals are never trusted (DESIGN.md "Stated and derived
 * figures"): calc/ derives every total from the leaves and these rules
 * report each stated total that differs, exactly in fen.  A total with no
 * leaves at all derives to the stated figure itself, so it passes here.
 *
 * Not here: relations between different tables (rules_cross.c), 三公
 * (rules_sangong.c).
 */
#include <string.h>

#include "../base/money.h"
#include "rules_impl.h"

static const char *prev_prefix(int y)
{
	return y == CJ_CUR ? "" : "上年数：";
}

/* INC-TOTAL: 本年收入合计 = Σ eight sources (DOMAIN.md 1.3 T1, 5.4) */
void cj_rules_inc_total(struct cj_check_ctx *ctx)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++)
		cj_rules_cmp_fig(ctx, &ctx->a->income.year[y].total, ctx->f->inc_total[y],
				 "%s本年收入合计与各项收入之和不符", prev_prefix(y));
}

/* INC-GRAND: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 (DOMAIN.md 5.1) */
void cj_rules_inc_grand(struct cj_check_ctx *ctx)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++)
		cj_rules_cmp_fig(ctx, &ctx->a->income.year[y].grand_total, ctx->f->inc_grand[y],
				 "%s收入总计与本年收入合计、使用非财政拨款结余、年初结转和结余之和不符",
				 prev_prefix(y));
}

/* SP-TOTAL: 本年支出合计 = Σ five kinds of spending (DOMAIN.md 1.3 T3, 5.4) */
void cj_rules_sp_total(struct cj_check_ctx *ctx)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++)
		cj_rules_cmp_fig(ctx, &ctx->a->spending.year[y].total, ctx->f->sp_total[y],
				 "%s本年支出合计与基本支出、项目支出等各项支出之和不符",
				 prev_prefix(y));
}

/* SP-GRAND: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (DOMAIN.md 5.1) */
void cj_rules_sp_grand(struct cj_check_ctx *ctx)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++)
		cj_rules_cmp_fig(ctx, &ctx->a->spending.year[y].grand_total, ctx->f->sp_grand[y],
				 "%s支出总计与本年支出合计、结余分配、年末结转和结余之和不符",
				 prev_prefix(y));
}

/*
 * BAL-GRAND: 收入总计 = 支出总计 (DOMAIN.md 5.1).  A side is only
 * compared when it is complete: its grand total stated, or its balance
 * (年初 / 年末结转和结余) given; a last year with only 本年支出合计 says
 * nothing about 支出总计.
 */
void cj_rules_bal_grand(struct cj_check_ctx *ctx)
{
	const struct cj_figures *f = ctx->f;
	int y;

	for (y = 0; y < CJ_NYEARS; y++) {
		const struct cj_income_year *iy = &ctx->a->income.year[y];
		const struct cj_spending_year *sy = &ctx->a->spending.year[y];
		char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

		if (!f->inc_grand[y].known || !f->sp_grand[y].known)
			continue;
		if (!iy->grand_total.set && !iy->opening.set && !iy->use_nonfiscal.set)
			continue;
		if (!sy->grand_total.set && !sy->closing.set)
			continue;
		if (f->inc_grand[y].fen == f->sp_grand[y].fen)
			continue;
		cj_rule_report(ctx, cj_rules_loc(&sy->grand_total.loc, &sy->closing.loc,
						 &iy->grand_total.loc),
			       cj_rules_money(ctx, f->sp_grand[y].fen, s, sizeof(s)),
			       cj_rules_money(ctx, f->inc_grand[y].fen, e, sizeof(e)),
			       "%s支出总计与收入总计不符", prev_prefix(y));
	}
}

/* GEN-TOTAL: T5 合计 = Σ 项 (DOMAIN.md 1.3 T5, 5.5) */
void cj_rules_gen_total(struct cj_check_ctx *ctx)
{
	struct cj_amt d = {ctx->f->gen.actual, !ctx->f->gen.empty};

	cj_rules_cmp_fig(ctx, &ctx->a->general.total[CJ_CUR], d,
			 "一般公共预算财政拨款支出合计与各项级科目之和不符");
}

/* FUND-GOV-TOTAL: T8 合计 = Σ 项 (DOMAIN.md 1.3 T8, 5.5) */
void cj_rules_fund_gov_total(struct cj_check_ctx *ctx)
{
	struct cj_amt d = {ctx->f->gov.actual, !ctx->f->gov.empty};

	cj_rules_cmp_fig(ctx, &ctx->a->govfund.total[CJ_CUR], d,
			 "政府性基金预算财政拨款支出合计与各项级科目之和不符");
}

/* FUND-CAP-TOTAL: T9 合计 = Σ 项 (DOMAIN.md 1.3 T9, 5.5) */
void cj_rules_fund_cap_total(struct cj_check_ctx *ctx)
{
	struct cj_amt d = {ctx->f->cap.actual, !ctx->f->cap.empty};

	cj_rules_cmp_fig(ctx, &ctx->a->statecap.total[CJ_CUR], d,
			 "国有资本经营预算财政拨款支出合计与各项级科目之和不符");
}

/* ------------------------------------------------ 类 / 款 subtotal rows */

/* Which columns have at least one 项 value below a 类/款 code. */
struct cols {
	int actual, basic, project;
};

static struct cols cols_below(const struct cj_fund_spending *fs, const char *code)
{
	struct cols c = {0, 0, 0};
	size_t i, n = strlen(code);

	for (i = 0; i < fs->items.n; i++) {
		const struct cj_func_item *it = &fs->items.v[i];
		if (!it->code.s || strncmp(it->code.s, code, n) != 0)
			continue;
		c.actual |= it->actual.set;
		c.basic |= it->basic.set;
		c.project |= it->project.set;
	}
	return c;
}

/* Compare the stated 类 (level 1) or 款 (level 2) rows of one table. */
static void rows_sum(struct cj_check_ctx *ctx, const struct cj_rules_fund *fd, int level)
{
	const char *lv = level == 1 ? "类" : "款";
	size_t i;

	for (i = 0; i < fd->t->n; i++) {
		const struct cj_row *r = &fd->t->rows[i];
		const struct cj_stated_row *st = r->stated;
		const char *name;
		struct cols c;
		struct cj_amt d;

		if (r->level != level || !st)
			continue;
		name = r->name ? r->name : "";
		c = cols_below(fd->fs, r->code);
		d.known = (unsigned char)c.actual;
		d.fen = r->actual;
		cj_rules_cmp_fig(ctx, &st->actual, d, "%s中%s%s（%s）的决算数与所属项级科目之和不符",
				 fd->name, r->code, name, lv);
		d.known = (unsigned char)c.basic;
		d.fen = r->basic;
		cj_rules_cmp_fig(ctx, &st->basic, d, "%s中%s%s（%s）的基本支出与所属项级科目之和不符",
				 fd->name, r->code, name, lv);
		d.known = (unsigned char)c.project;
		d.fen = r->project;
		cj_rules_cmp_fig(ctx, &st->project, d, "%s中%s%s（%s）的项目支出与所属项级科目之和不符",
				 fd->name, r->code, name, lv);
		d.known = r->has_budget;
		d.fen = r->budget;
		cj_rules_cmp_fig(ctx, &st->budget, d, "%s中%s%s（%s）的预算数与所属项级科目之和不符",
				 fd->name, r->code, name, lv);
	}
}

/* GEN-CLASS-SUM: a stated 类 row of T5 = Σ its 项 (DOMAIN.md 5.5) */
void cj_rules_gen_class_sum(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];

	cj_rules_funds(ctx, fd);
	rows_sum(ctx, &fd[0], 1);
}

/* GEN-KUAN-SUM: a stated 款 row of T5 = Σ its 项 (DOMAIN.md 5.5) */
void cj_rules_gen_kuan_sum(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];

	cj_rules_funds(ctx, fd);
	rows_sum(ctx, &fd[0], 2);
}

/* FUND-ROW-SUM: stated 类/款 rows of T8 and T9 = Σ their 项 (DOMAIN.md 5.5) */
void cj_rules_fund_row_sum(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	int k;

	cj_rules_funds(ctx, fd);
	for (k = 1; k < 3; k++) {
		rows_sum(ctx, &fd[k], 1);
		rows_sum(ctx, &fd[k], 2);
	}
}

/* ----------------------------------------------------------- 项 rows */

/* GEN-ITEM-SPLIT: 项 本年支出 = 基本支出 + 项目支出 (DOMAIN.md 5.7) */
void cj_rules_gen_item_split(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	int k;
	size_t i;

	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++)
		for (i = 0; i < fd[k].fs->items.n; i++) {
			const struct cj_func_item *it = &fd[k].fs->items.v[i];
			struct cj_amt sum = {0, 0};

			if (!it->actual.set || !it->basic.set || !it->project.set)
				continue;
			if (cj_add(it->basic.fen, it->project.fen, &sum.fen) != CJ_OK)
				continue;
			sum.known = 1;
			cj_rules_cmp_fig(ctx, &it->actual, sum,
					 "%s科目%s的本年支出与基本支出、项目支出之和不符", fd[k].name,
					 it->code.s ? it->code.s : "");
		}
}

/* GEN-BUDGET-TOTAL: T5 预算数合计 = Σ 项 预算数 (DOMAIN.md 1.4 第五节, 5.5) */
void cj_rules_gen_budget_total(struct cj_check_ctx *ctx)
{
	struct cj_amt d = {ctx->f->gen.budget, ctx->f->gen.has_budget};

	cj_rules_cmp_fig(ctx, &ctx->a->general.budget_total, d,
			 "一般公共预算财政拨款支出预算数合计与各项级科目预算数之和不符");
}

/*
 * FUND-ITEM-BALANCE: per 项, 年初结转和结余 + 本年收入 − 本年支出 =
 * 年末结转和结余, where all four are given (DOMAIN.md 1.3 T8).
 */
void cj_rules_fund_item_balance(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	int k;
	size_t i;

	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++)
		for (i = 0; i < fd[k].fs->items.n; i++) {
			const struct cj_func_item *it = &fd[k].fs->items.v[i];
			struct cj_amt want = {0, 0};
			int64_t in;

			if (!it->opening.set || !it->income.set || !it->actual.set || !it->closing.set)
				continue;
			if (cj_add(it->opening.fen, it->income.fen, &in) != CJ_OK ||
			    cj_sub(in, it->actual.fen, &want.fen) != CJ_OK)
				continue;
			want.known = 1;
			cj_rules_cmp_fig(ctx, &it->closing, want,
					 "%s科目%s的年末结转和结余与年初结转和结余＋本年收入－本年支出不符",
					 fd[k].name, it->code.s ? it->code.s : "");
		}
}

/* ------------------------------------------------------------------ T6 */

/* ECON-PERSONNEL: 人员经费合计 = Σ 款 of 301, 303 (DOMAIN.md 2.6, 5.8) */
void cj_rules_econ_personnel(struct cj_check_ctx *ctx)
{
	if (!ctx->f->econ_detailed)
		return;
	cj_rules_cmp_fig(ctx, &ctx->a->basic.personnel_total, ctx->f->personnel,
			 "人员经费合计与工资福利支出、对个人和家庭的补助各款之和不符");
}

/* ECON-PUBLIC: 公用经费合计 = Σ 款 of 302, 310 and others (DOMAIN.md 2.6, 5.8) */
void cj_rules_econ_public(struct cj_check_ctx *ctx)
{
	if (!ctx->f->econ_detailed)
		return;
	cj_rules_cmp_fig(ctx, &ctx->a->basic.public_total, ctx->f->public_,
			 "公用经费合计与商品和服务支出、资本性支出等各款之和不符");
}

/* ECON-BASIC: 人员经费 + 公用经费 = T5 基本支出 (DOMAIN.md 2.6, 5.7) */
void cj_rules_econ_basic(struct cj_check_ctx *ctx)
{
	const struct cj_figures *f = ctx->f;
	const struct cj_basic *b = &ctx->a->basic;
	int any_basic = 0;
	size_t i;
	int64_t sum;
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];

	for (i = 0; i < ctx->a->general.items.n; i++)
		any_basic |= ctx->a->general.items.v[i].basic.set;
	if (!any_basic || !f->personnel.known || !f->public_.known)
		return;
	if (cj_add(f->personnel.fen, f->public_.fen, &sum) != CJ_OK || sum == f->gen.basic)
		return;
	cj_rule_report(ctx,
		       cj_rules_loc(&b->personnel_total.loc, &b->public_total.loc,
				    b->items.n ? &b->items.v[0].loc : NULL),
		       cj_rules_money(ctx, sum, s, sizeof(s)),
		       cj_rules_money(ctx, f->gen.basic, e, sizeof(e)),
		       "人员经费与公用经费之和与一般公共预算财政拨款基本支出不符");
}

/*
 * ECON-DETAIL: 基本支出 must be shown by economic 款 with amounts
 * (DOMAIN.md 7, 细化程度).  Fires once: at the first 款 without an amount,
 * or at the stated 人员经费合计 when no 款 is listed at all.
 */
void cj_rules_econ_detail(struct cj_check_ctx *ctx)
{
	const struct cj_basic *b = &ctx->a->basic;
	size_t i, missing = 0;
	const struct cj_econ_item *first = NULL;

	if (b->items.n == 0) {
		if (ctx->f->gen.basic > 0 || b->personnel_total.set || b->public_total.set)
			cj_rule_report(ctx,
				       cj_rules_loc(&b->personnel_total.loc, &b->public_total.loc,
						    NULL),
				       NULL, NULL,
				       "基本支出未按经济分类列出款级科目（basic_spending.items 为空）");
		return;
	}
	for (i = 0; i < b->items.n; i++)
		if (!b->items.v[i].amount.set) {
			if (!first)
				first = &b->items.v[i];
			missing++;
		}
	if (missing == b->items.n)
		cj_rule_report(ctx, &first->loc, NULL, NULL,
			       "基本支出经济分类未细化到款级：所列%zu个款级科目均没有金额", missing);
	else if (missing)
		cj_rule_report(ctx, &first->loc, NULL, NULL,
			       "基本支出经济分类未细化到款级：%zu个款级科目（共%zu个）没有金额",
			       missing, b->items.n);
}

/* ------------------------------------------------------- other totals */

/* PROC-TOTAL: 政府采购支出总额 = 货物 + 工程 + 服务 (DOMAIN.md 1.4 第十节) */
void cj_rules_proc_total(struct cj_check_ctx *ctx)
{
	cj_rules_cmp_fig(ctx, &ctx->a->procurement.total, ctx->f->proc_total,
			 "政府采购支出总额与货物、工程、服务支出之和不符");
}

/* STAFF-AUTH-SUM: 编制总数 = Σ by kind (DOMAIN.md 1.1) */
void cj_rules_staff_auth_sum(struct cj_check_ctx *ctx)
{
	if (ctx->a->unit.authorized.n == 0)
		return;
	cj_rules_cmp_count(ctx, &ctx->a->unit.authorized_total, ctx->f->authorized,
			   "编制总数与各类编制数之和不符");
}

/* STAFF-ACTUAL-SUM: 实有人员总数 = Σ by kind (DOMAIN.md 1.1) */
void cj_rules_staff_actual_sum(struct cj_check_ctx *ctx)
{
	if (ctx->a->unit.staff.n == 0)
		return;
	cj_rules_cmp_count(ctx, &ctx->a->unit.staff_total, ctx->f->staff,
			   "实有人员总数与各类人员数之和不符");
}

/* PROJ-FUNDS-SUM: 预算数 / 执行数 = 财政拨款 + 其他资金 (DOMAIN.md 3.8) */
void cj_rules_proj_funds_sum(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->perf.projects.n && i < ctx->f->nproj; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		const char *name = p->name.s ? p->name.s : "";

		cj_rules_cmp_fig(ctx, &p->budget_total, ctx->f->proj[i].budget,
				 "项目「%s」的预算数与财政拨款、其他资金之和不符", name);
		cj_rules_cmp_fig(ctx, &p->exec_total, ctx->f->proj[i].exec,
				 "项目「%s」的执行数与财政拨款、其他资金之和不符", name);
	}
}

/*
 * SP-FUNC-TOTAL: T3 (支出决算表) by function over every source of funds
 * adds up to 本年支出合计, and its 基本/项目 columns to 基本支出 and 项目支出
 * (DOMAIN.md 5.2–5.4).  Only when the non-fiscal spending is given by
 * function (other_funds); otherwise T3 is only the fiscal part and
 * SP-FUNC-DETAIL says so.
 */
void cj_rules_sp_func_total(struct cj_check_ctx *ctx)
{
	const struct cj_figures *f = ctx->f;
	const struct cj_spending_year *sy = &ctx->a->spending.year[CJ_CUR];
	const struct cj_loc *loc;
	char s1[48], s2[48];

	if (!ctx->a->other.items.n)
		return;
	loc = &ctx->a->other.items.v[0].loc;
	if (f->sp_total[CJ_CUR].known && f->all.actual != f->sp_total[CJ_CUR].fen)
		cj_rule_report(ctx, loc, cj_rules_money(ctx, f->all.actual, s1, sizeof(s1)),
			       cj_rules_money(ctx, f->sp_total[CJ_CUR].fen, s2, sizeof(s2)),
			       "支出决算表各功能科目之和（各资金来源合计）与本年支出合计不符");
	if (sy->kind[CJ_SP_BASIC].set && f->all.basic != sy->kind[CJ_SP_BASIC].fen)
		cj_rule_report(ctx, loc, cj_rules_money(ctx, f->all.basic, s1, sizeof(s1)),
			       cj_rules_money(ctx, sy->kind[CJ_SP_BASIC].fen, s2, sizeof(s2)),
			       "支出决算表各功能科目的基本支出之和与基本支出不符");
	if (sy->kind[CJ_SP_PROJECT].set && f->all.project != sy->kind[CJ_SP_PROJECT].fen)
		cj_rule_report(ctx, loc, cj_rules_money(ctx, f->all.project, s1, sizeof(s1)),
			       cj_rules_money(ctx, sy->kind[CJ_SP_PROJECT].fen, s2, sizeof(s2)),
			       "支出决算表各功能科目的项目支出之和与项目支出不符");
}

/*
 * SP-FUNC-DETAIL: spending beyond 财政拨款 exists but is not given by
 * function, so the 支出决算表 (T3) and the 支出 side of T1 cover only the
 * fiscal part (DOMAIN.md 1.3, 7 细化程度).
 */
void cj_rules_sp_func_detail(struct cj_check_ctx *ctx)
{
	const struct cj_figures *f = ctx->f;
	char s1[48], s2[48];

	if (ctx->a->other.items.n || !f->sp_total[CJ_CUR].known ||
	    !f->fiscal_spending[CJ_CUR].known ||
	    f->sp_total[CJ_CUR].fen == f->fiscal_spending[CJ_CUR].fen)
		return;
	cj_rule_report(ctx, &ctx->a->spending.year[CJ_CUR].total.loc,
		       cj_rules_money(ctx, f->fiscal_spending[CJ_CUR].fen, s1, sizeof(s1)),
		       cj_rules_money(ctx, f->sp_total[CJ_CUR].fen, s2, sizeof(s2)),
		       "本年支出合计含非财政拨款资金安排的支出，但未按功能分类列出（other_funds），"
		       "支出决算表只含财政拨款部分");
}
