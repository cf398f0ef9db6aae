/*
 * rules_impl.h - private to src/rules: the check functions of every rule
 * family, and the reporting helpers they share.
 *
 * Each family file (rules_totals.c, rules_cross.c, rules_sangong.c,
 * rules_explain.c, rules_codes.c, rules_misc.c) implements the checks of
 * one kind of rule; catalogue.c lists them in the one table that gives
 * each its id, severity, category, title and basis.  A check function
 * reads ctx->a (the dataset as stated) and ctx->f (the derived figures),
 * and reports through cj_rule_report() or the helpers below, which take
 * the rule id and severity from ctx->rule.
 *
 * Conventions every check follows:
 *  - a stated money figure is compared with its derivation exactly, in
 *    fen; a stated percentage through the rounding interval of the
 *    precision it was written at (cj_rules_cmp_rate);
 *  - absent data (a figure with set == 0, an empty list, last year's
 *    figures) makes a check silent, never a finding, unless the rule is
 *    about absence;
 *  - the finding points at the most useful YAML line: the stated figure,
 *    else the item, else the list.
 */
#ifndef CJ_RULES_IMPL_H
#define CJ_RULES_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/* Room for a formatted amount, count or percentage. */
#define CJ_RULES_NUM 48

/* ------------------------------------------------------------ helpers */

/*
 * Format an amount in the dataset's unit (a->unit_fen; 万元 when unset),
 * two decimals, no grouping: "1104.25".  Returns buf.
 */
const char *cj_rules_money(const struct cj_check_ctx *ctx, int64_t fen, char *buf, size_t cap);

/* "≤797.10": the expected side of an upper-bound rule. */
const char *cj_rules_money_le(const struct cj_check_ctx *ctx, int64_t fen, char *buf,
			      size_t cap);

/* A count as text: "35". */
const char *cj_rules_fmt_count(int64_t n, char *buf, size_t cap);

/*
 * cj_rule_report with an explicit severity, for rules whose finding is
 * milder in some cases (REASON-SUM with partial amounts, EMPTY-EXPLAIN on
 * a non-empty table); the catalogue lists the rule's highest severity.
 */
void cj_rules_report_sev(struct cj_check_ctx *ctx, enum cj_sev sev, const struct cj_loc *loc,
			 const char *stated, const char *expected, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/*
 * Compare a stated amount with its derivation: when `stated` is set,
 * `expected` known and the two differ by a fen, report at the stated
 * figure's line with both formatted.  Returns 1 when it reported.
 */
int cj_rules_cmp_fig(struct cj_check_ctx *ctx, const struct cj_fig *stated,
		     struct cj_amt expected, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Like cj_rules_cmp_fig for a stated count against a derived one. */
int cj_rules_cmp_count(struct cj_check_ctx *ctx, const struct cj_count *stated,
		       int64_t expected, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Compare a stated percentage with num/den x 100%: the stated rate is
 * wrong only when the exact ratio lies outside the interval the rate
 * stands for at the precision written (96.6 stands for [96.55, 96.65]).
 * Silent when the rate is absent or den is 0.  The finding has stated as
 * written ("99.73%") and expected at two decimals ("96.61%").  Returns 1
 * when it reported.
 */
int cj_rules_cmp_rate(struct cj_check_ctx *ctx, const struct cj_rate *stated, int64_t num,
		      int64_t den, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * 1 when |delta| exceeds threshold_bp of |base| (base 0: any non-zero
 * delta).  Threshold 0 means any difference at all.
 */
int cj_rules_beyond(int64_t delta, int64_t base, int64_t threshold_bp);

/* The first location that has a line (or a cell): a, else b, else c. */
const struct cj_loc *cj_rules_loc(const struct cj_loc *a, const struct cj_loc *b,
				  const struct cj_loc *c);

/* One of the functional-classification fund tables (T5, T8, T9). */
struct cj_rules_fund {
	const struct cj_fund_spending *fs; /* as stated */
	const struct cj_ftable *t;         /* derived */
	const char *name;                  /* 一般公共预算财政拨款支出 ... */
	int table;                         /* 5, 8 or 9 */
};

/* The three fund tables in the order T5, T8, T9. */
void cj_rules_funds(const struct cj_check_ctx *ctx, struct cj_rules_fund out[3]);

/* "" this year, "上年" last year: a prefix for messages about year y. */
const char *cj_rules_year_prefix(int y);

/* ------------------------------------------- 合计 (rules_totals.c) */

void cj_rules_inc_total(struct cj_check_ctx *ctx);
void cj_rules_inc_grand(struct cj_check_ctx *ctx);
void cj_rules_sp_total(struct cj_check_ctx *ctx);
void cj_rules_sp_grand(struct cj_check_ctx *ctx);
void cj_rules_bal_grand(struct cj_check_ctx *ctx);
void cj_rules_gen_total(struct cj_check_ctx *ctx);
void cj_rules_gen_class_sum(struct cj_check_ctx *ctx);
void cj_rules_gen_kuan_sum(struct cj_check_ctx *ctx);
void cj_rules_fund_row_sum(struct cj_check_ctx *ctx);
void cj_rules_gen_item_split(struct cj_check_ctx *ctx);
void cj_rules_gen_budget_total(struct cj_check_ctx *ctx);
void cj_rules_econ_personnel(struct cj_check_ctx *ctx);
void cj_rules_econ_public(struct cj_check_ctx *ctx);
void cj_rules_econ_basic(struct cj_check_ctx *ctx);
void cj_rules_econ_detail(struct cj_check_ctx *ctx);
void cj_rules_proc_total(struct cj_check_ctx *ctx);
void cj_rules_staff_auth_sum(struct cj_check_ctx *ctx);
void cj_rules_staff_actual_sum(struct cj_check_ctx *ctx);
void cj_rules_fund_gov_total(struct cj_check_ctx *ctx);
void cj_rules_fund_cap_total(struct cj_check_ctx *ctx);
void cj_rules_fund_item_balance(struct cj_check_ctx *ctx);
void cj_rules_proj_funds_sum(struct cj_check_ctx *ctx);

/* ------------------------------------------- 勾稽 (rules_cross.c) */

void cj_rules_fiscal_income(struct cj_check_ctx *ctx);
void cj_rules_fiscal_spending(struct cj_check_ctx *ctx);
void cj_rules_fiscal_balance(struct cj_check_ctx *ctx);
void cj_rules_gen_le_spending(struct cj_check_ctx *ctx);
void cj_rules_gen_vs_income_kind(struct cj_check_ctx *ctx);
void cj_rules_opcost_public(struct cj_check_ctx *ctx);
void cj_rules_proc_sme(struct cj_check_ctx *ctx);
void cj_rules_gen_rate(struct cj_check_ctx *ctx);
void cj_rules_proj_exec_le(struct cj_check_ctx *ctx);
void cj_rules_proj_rate(struct cj_check_ctx *ctx);
void cj_rules_proj_table_rate(struct cj_check_ctx *ctx);
void cj_rules_proj_le_project(struct cj_check_ctx *ctx);
void cj_rules_dept_rate(struct cj_check_ctx *ctx);

/* ------------------------------------------- 三公 (rules_sangong.c) */

void cj_rules_sg_vehicle_sum(struct cj_check_ctx *ctx);
void cj_rules_sg_total_sum(struct cj_check_ctx *ctx);
void cj_rules_sg_econ_le(struct cj_check_ctx *ctx);
void cj_rules_sg_le_fiscal(struct cj_check_ctx *ctx);
void cj_rules_sg_over_budget(struct cj_check_ctx *ctx);
void cj_rules_veh_held_sum(struct cj_check_ctx *ctx);
void cj_rules_veh_assets_sum(struct cj_check_ctx *ctx);
void cj_rules_veh_held_assets(struct cj_check_ctx *ctx);
void cj_rules_veh_bought(struct cj_check_ctx *ctx);
void cj_rules_reception_sum(struct cj_check_ctx *ctx);
void cj_rules_abroad_count(struct cj_check_ctx *ctx);

/* ------------------------------------------- 说明 (rules_explain.c) */

void cj_rules_expl_item_budget(struct cj_check_ctx *ctx);
void cj_rules_expl_income_change(struct cj_check_ctx *ctx);
void cj_rules_expl_spending_change(struct cj_check_ctx *ctx);
void cj_rules_expl_fiscal_change(struct cj_check_ctx *ctx);
void cj_rules_expl_gen_change(struct cj_check_ctx *ctx);
void cj_rules_expl_sg_budget(struct cj_check_ctx *ctx);
void cj_rules_expl_sg_change(struct cj_check_ctx *ctx);
void cj_rules_expl_opcost_change(struct cj_check_ctx *ctx);
void cj_rules_reason_sum(struct cj_check_ctx *ctx);
void cj_rules_empty_explain(struct cj_check_ctx *ctx);
void cj_rules_prev_missing(struct cj_check_ctx *ctx);

/* ------------------------------------------- 编码 (rules_codes.c) */

void cj_rules_code_unknown(struct cj_check_ctx *ctx);
void cj_rules_code_name(struct cj_check_ctx *ctx);
void cj_rules_code_econ_unknown(struct cj_check_ctx *ctx);
void cj_rules_code_econ_name(struct cj_check_ctx *ctx);
void cj_rules_code_dup(struct cj_check_ctx *ctx);
void cj_rules_code_stated_orphan(struct cj_check_ctx *ctx);
void cj_rules_code_glossary(struct cj_check_ctx *ctx);

void cj_rules_sp_func_total(struct cj_check_ctx *ctx);
void cj_rules_sp_func_detail(struct cj_check_ctx *ctx);

/* ------------------------------------------- 绩效 indicators (rules_perf.c) */

void cj_rules_perf_levels(struct cj_check_ctx *ctx);
void cj_rules_perf_level2(struct cj_check_ctx *ctx);
void cj_rules_perf_deviation_reason(struct cj_check_ctx *ctx);
void cj_rules_perf_text_table(struct cj_check_ctx *ctx);
void cj_rules_perf_unit(struct cj_check_ctx *ctx);
void cj_rules_perf_weights(struct cj_check_ctx *ctx);

/* ------------------------------------------- 数据 (rules_misc.c) */

void cj_rules_year_range(struct cj_check_ctx *ctx);
void cj_rules_neg_closing(struct cj_check_ctx *ctx);

#endif
