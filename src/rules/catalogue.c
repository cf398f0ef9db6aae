/*
 * catalogue.c - the rule catalogue: one table of every rule (id, severity,
 * category, title, basis, check function), the driver that applies the
 * dataset rules, the finding helpers the family files share, and the
 * Markdown listing (docs/rules.md).
 *
 * Ids are stable: scripts and the web page filter on them, and the rule's
 * tests and code carry the same id (STYLE.md section 7).  Never rename or
 * reuse an id; retire a rule by leaving its row with check NULL.
 *
 * This file does not decide what is wrong: each check lives in its family
 * file (see rules_impl.h).  Rules whose check is NULL are applied by
 * audit/ on published text and only share the catalogue.
 */
#include "rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "rules_impl.h"

/* ---------------------------------------------------------- the table */

#define E CJ_SEV_ERROR
#define W CJ_SEV_WARNING
#define I CJ_SEV_INFO

static const struct cj_rule catalogue[] = {
	/* 合计: a stated total against the sum of its parts */
	{"INC-TOTAL", E, "合计", "本年收入合计等于各项收入之和（本年、上年）",
	 "DOMAIN.md 1.3 T1、5.4", cj_rules_inc_total},
	{"INC-GRAND", E, "合计", "收入总计等于本年收入合计＋使用非财政拨款结余＋年初结转和结余",
	 "DOMAIN.md 1.3 T1、5.1", cj_rules_inc_grand},
	{"SP-TOTAL", E, "合计", "本年支出合计等于基本、项目、上缴上级、经营、对附属单位补助支出之和",
	 "DOMAIN.md 1.3 T3、5.4", cj_rules_sp_total},
	{"SP-FUNC-TOTAL", E, "合计",
	 "支出决算表各功能科目（各资金来源合计）之和等于本年支出合计，基本、项目支出亦然",
	 "DOMAIN.md 1.3 T3、5.2–5.4", cj_rules_sp_func_total},
	{"SP-FUNC-DETAIL", W, "数据", "非财政拨款资金安排的支出未按功能分类列出，支出决算表不完整",
	 "DOMAIN.md 1.3 T3、7", cj_rules_sp_func_detail},
	{"SP-GRAND", E, "合计", "支出总计等于本年支出合计＋结余分配＋年末结转和结余",
	 "DOMAIN.md 1.3 T1、5.1", cj_rules_sp_grand},
	{"BAL-GRAND", E, "合计", "收入总计等于支出总计", "DOMAIN.md 5.1", cj_rules_bal_grand},
	{"GEN-TOTAL", E, "合计", "一般公共预算财政拨款支出合计等于各项级科目之和",
	 "DOMAIN.md 1.3 T5、5.5", cj_rules_gen_total},
	{"GEN-CLASS-SUM", E, "合计", "一般公共预算财政拨款支出类小计等于所属项之和（决算、基本、项目、预算）",
	 "DOMAIN.md 5.5", cj_rules_gen_class_sum},
	{"GEN-KUAN-SUM", E, "合计", "一般公共预算财政拨款支出款小计等于所属项之和（决算、基本、项目、预算）",
	 "DOMAIN.md 5.5", cj_rules_gen_kuan_sum},
	{"FUND-ROW-SUM", E, "合计", "政府性基金、国有资本经营预算表的类、款小计等于所属项之和",
	 "DOMAIN.md 5.5", cj_rules_fund_row_sum},
	{"GEN-ITEM-SPLIT", E, "合计", "每个项级科目的本年支出等于基本支出＋项目支出",
	 "DOMAIN.md 5.7", cj_rules_gen_item_split},
	{"GEN-BUDGET-TOTAL", E, "合计", "一般公共预算财政拨款预算数合计等于各项级科目预算数之和",
	 "DOMAIN.md 1.4 第五节、5.5", cj_rules_gen_budget_total},
	{"ECON-PERSONNEL", E, "合计", "人员经费合计等于301、303各款之和",
	 "DOMAIN.md 2.6、5.8", cj_rules_econ_personnel},
	{"ECON-PUBLIC", E, "合计", "公用经费合计等于302、310等各款之和",
	 "DOMAIN.md 2.6、5.8", cj_rules_econ_public},
	{"ECON-BASIC", E, "合计", "人员经费＋公用经费等于一般公共预算财政拨款基本支出",
	 "DOMAIN.md 2.6、5.7", cj_rules_econ_basic},
	{"ECON-DETAIL", W, "合计", "基本支出应按经济分类细化到款级并列明金额",
	 "DOMAIN.md 7（细化程度）；财预〔2016〕143号", cj_rules_econ_detail},
	{"PROC-TOTAL", E, "合计", "政府采购支出总额等于货物、工程、服务之和",
	 "DOMAIN.md 1.4 第十节", cj_rules_proc_total},
	{"STAFF-AUTH-SUM", E, "合计", "编制总数等于各类编制之和", "DOMAIN.md 1.1",
	 cj_rules_staff_auth_sum},
	{"STAFF-ACTUAL-SUM", E, "合计", "实有人员总数等于各类人员之和", "DOMAIN.md 1.1",
	 cj_rules_staff_actual_sum},
	{"FUND-GOV-TOTAL", E, "合计", "政府性基金预算财政拨款支出合计等于各项级科目之和",
	 "DOMAIN.md 1.3 T8、5.5", cj_rules_fund_gov_total},
	{"FUND-CAP-TOTAL", E, "合计", "国有资本经营预算财政拨款支出合计等于各项级科目之和",
	 "DOMAIN.md 1.3 T9、5.5", cj_rules_fund_cap_total},
	{"FUND-ITEM-BALANCE", E, "合计", "项级科目：年初结转和结余＋本年收入－本年支出＝年末结转和结余",
	 "DOMAIN.md 1.3 T8", cj_rules_fund_item_balance},
	{"PROJ-FUNDS-SUM", E, "绩效", "项目预算数、执行数等于财政拨款与其他资金之和",
	 "DOMAIN.md 3.8", cj_rules_proj_funds_sum},

	/* 勾稽: relations between tables */
	{"FISCAL-INCOME", E, "勾稽", "财政拨款收入等于一般公共预算、政府性基金、国有资本经营预算财政拨款收入之和",
	 "DOMAIN.md 1.3 T4、5.6", cj_rules_fiscal_income},
	{"FISCAL-SPENDING", E, "勾稽", "财政拨款支出等于一般公共预算、政府性基金、国有资本经营预算财政拨款支出之和",
	 "DOMAIN.md 5.6", cj_rules_fiscal_spending},
	{"FISCAL-BALANCE", E, "勾稽", "财政拨款收入＋年初结转和结余＝财政拨款支出＋年末结转和结余",
	 "DOMAIN.md 1.3 T4", cj_rules_fiscal_balance},
	{"GEN-LE-SPENDING", E, "勾稽", "一般公共预算财政拨款支出（及其基本、项目支出）不超过支出决算表的相应数",
	 "DOMAIN.md 1.3 T3、T5", cj_rules_gen_le_spending},
	{"GEN-VS-INCOME-KIND", W, "勾稽", "某类财政拨款有支出，却无相应收入和年初结转",
	 "DOMAIN.md 1.3 T4", cj_rules_gen_vs_income_kind},
	{"OPCOST-PUBLIC", W, "勾稽", "机关运行经费一般不超过公用经费", "DOMAIN.md 2.6",
	 cj_rules_opcost_public},
	{"PROC-SME", E, "勾稽", "授予中小企业合同金额不超过采购总额，小微企业不超过中小企业",
	 "DOMAIN.md 1.4 第十节", cj_rules_proc_sme},
	{"GEN-RATE", E, "勾稽", "一般公共预算财政拨款支出完成预算百分比与决算数、预算数相符",
	 "DOMAIN.md 1.5、6", cj_rules_gen_rate},

	/* 三公 */
	{"SG-VEHICLE-SUM", E, "三公", "公务用车购置及运行维护费等于购置费＋运行维护费（预算、决算、上年）",
	 "DOMAIN.md 1.3 T7、5.9", cj_rules_sg_vehicle_sum},
	{"SG-TOTAL-SUM", E, "三公", "“三公”经费合计等于因公出国（境）费＋公务用车购置及运行维护费＋公务接待费",
	 "DOMAIN.md 1.3 T7、5.9", cj_rules_sg_total_sum},
	{"SG-ECON-LE", E, "三公", "基本支出表中30212、30217、30231、31013的金额不超过“三公”经费决算数",
	 "DOMAIN.md 2.6、5.9", cj_rules_sg_econ_le},
	{"SG-LE-FISCAL", E, "三公", "“三公”经费决算不超过财政拨款支出", "DOMAIN.md 1.3 T7",
	 cj_rules_sg_le_fiscal},
	{"SG-OVER-BUDGET", W, "三公", "“三公”经费决算数超过预算数", "DOMAIN.md 1.5",
	 cj_rules_sg_over_budget},
	{"VEH-HELD-SUM", E, "三公", "公务用车保有量合计等于各车型之和", "DOMAIN.md 4.3",
	 cj_rules_veh_held_sum},
	{"VEH-ASSETS-SUM", E, "三公", "国有资产车辆合计等于各用途车辆之和", "DOMAIN.md 1.4 第十节",
	 cj_rules_veh_assets_sum},
	{"VEH-HELD-ASSETS", E, "三公", "公务用车保有量不超过国有资产中的车辆数",
	 "DOMAIN.md 1.4 第七、十节", cj_rules_veh_held_assets},
	{"VEH-BOUGHT", E, "三公", "购置车辆金额之和等于公务用车购置费，有购置费才有购置车辆",
	 "DOMAIN.md 1.5、4.3", cj_rules_veh_bought},
	{"RECEPTION-SUM", E, "三公", "国内公务接待＋外事接待等于公务接待费；接待明细之和等于接待总数",
	 "DOMAIN.md 1.5、4.3", cj_rules_reception_sum},
	{"ABROAD-COUNT", W, "三公", "因公出国（境）费与团组数、人数应一致（有费用即有团组）",
	 "DOMAIN.md 1.5、4.3", cj_rules_abroad_count},

	/* 说明: what the narrative must explain */
	{"EXPL-ITEM-BUDGET", E, "说明", "项级科目决算数与预算数不同时须说明原因",
	 "DOMAIN.md 1.4 第五节、1.5；财预〔2016〕143号", cj_rules_expl_item_budget},
	{"EXPL-INCOME-CHANGE", E, "说明", "收入总计较上年变动须说明原因", "DOMAIN.md 1.5",
	 cj_rules_expl_income_change},
	{"EXPL-SPENDING-CHANGE", E, "说明", "本年支出合计较上年变动须说明原因", "DOMAIN.md 1.5",
	 cj_rules_expl_spending_change},
	{"EXPL-FISCAL-CHANGE", E, "说明", "财政拨款收入、支出较上年变动须说明原因", "DOMAIN.md 1.5",
	 cj_rules_expl_fiscal_change},
	{"EXPL-GEN-CHANGE", E, "说明", "一般公共预算财政拨款支出较上年变动须说明原因",
	 "DOMAIN.md 1.4 第五节、1.5", cj_rules_expl_gen_change},
	{"EXPL-SG-BUDGET", E, "说明", "“三公”经费决算数与预算数不同时须说明原因",
	 "DOMAIN.md 1.5、7；财预〔2016〕143号", cj_rules_expl_sg_budget},
	{"EXPL-SG-CHANGE", E, "说明", "“三公”经费各项较上年变动须说明原因", "DOMAIN.md 1.5、7",
	 cj_rules_expl_sg_change},
	{"EXPL-OPCOST-CHANGE", E, "说明", "机关运行经费较上年变动须说明原因", "DOMAIN.md 1.4 第十节",
	 cj_rules_expl_opcost_change},
	{"REASON-SUM", E, "说明", "原因所列金额之和等于所解释的变动额（只部分列明金额时不得超过变动额，为警告）",
	 "DOMAIN.md 1.5", cj_rules_reason_sum},
	{"EMPTY-EXPLAIN", E, "说明", "空表须说明无数据的原因（有数据的表附空表说明为警告）",
	 "DOMAIN.md 1.5、9；财预〔2016〕143号", cj_rules_empty_explain},
	{"PREV-MISSING", I, "说明", "缺少上年收入总计或本年支出合计，无法说明较上年的变动",
	 "DOMAIN.md 1.5", cj_rules_prev_missing},

	/* 编码 */
	{"CODE-UNKNOWN", W, "编码", "功能分类项级编码不在当年的科目表中", "DOMAIN.md 2.1、10",
	 cj_rules_code_unknown},
	{"CODE-NAME", W, "编码", "功能分类科目名称与当年科目表不符", "DOMAIN.md 2.4、5.11",
	 cj_rules_code_name},
	{"CODE-ECON-UNKNOWN", W, "编码", "经济分类款级编码不在当年的科目表中", "DOMAIN.md 2.5、10",
	 cj_rules_code_econ_unknown},
	{"CODE-ECON-NAME", W, "编码", "经济分类科目名称与当年科目表不符", "DOMAIN.md 2.5",
	 cj_rules_code_econ_name},
	{"CODE-DUP", E, "编码", "同一张表中科目编码重复", "DOMAIN.md 1.3", cj_rules_code_dup},
	{"CODE-STATED-ORPHAN", E, "编码", "填报的类、款小计行下没有任何项级科目", "DOMAIN.md 5.5",
	 cj_rules_code_stated_orphan},
	{"CODE-GLOSSARY", W, "编码", "名词解释中的科目编码不在当年的科目表中", "DOMAIN.md 1.1、10",
	 cj_rules_code_glossary},

	/* 绩效 */
	{"PROJ-EXEC-LE", E, "绩效", "项目执行数不超过预算数", "DOMAIN.md 3.8",
	 cj_rules_proj_exec_le},
	{"PROJ-RATE", E, "绩效", "项目完成预算百分比与执行数、预算数相符", "DOMAIN.md 3.5、6",
	 cj_rules_proj_rate},
	{"PROJ-TABLE-RATE", E, "绩效", "项目资金使用比率与执行数、预算数相符", "DOMAIN.md 3.8、6",
	 cj_rules_proj_table_rate},
	{"PROJ-LE-PROJECT", E, "绩效", "各项目执行数之和不超过本年项目支出", "DOMAIN.md 1.3 T3",
	 cj_rules_proj_le_project},
	{"DEPT-RATE", E, "绩效", "部门整体支出绩效评价所写预算完成率与决算数、预算数相符",
	 "DOMAIN.md 3.9、6", cj_rules_dept_rate},

	{"PERF-LEVELS", W, "绩效", "每个项目都设有产出指标和效益指标，一级指标均可识别",
	 "DOMAIN.md 3.2、3.3", cj_rules_perf_levels},
	{"PERF-LEVEL2", W, "绩效", "二级指标与一级指标不匹配（如效益指标下的数量指标）", "DOMAIN.md 3.2",
	 cj_rules_perf_level2},
	{"PERF-DEVIATION-REASON", E, "绩效",
	 "未完成的指标、执行率低于90%的项目须说明偏差原因", "DOMAIN.md 3.5、3.8",
	 cj_rules_perf_deviation_reason},
	{"PERF-TEXT-TABLE", E, "绩效", "评价报告文字中的数字与绩效指标表一致（如宣传次数）",
	 "DOMAIN.md 5.10", cj_rules_perf_text_table},
	{"PERF-UNIT", W, "绩效",
	 "指标的预期值与实际值计量单位一致；度量单位、指标性质、完成程度可识别且与指标值一致",
	 "DOMAIN.md 3.4、3.8", cj_rules_perf_unit},
	{"PERF-WEIGHTS", W, "绩效",
	 "指标分值与预算执行率分值合计为100分；填报的得分符合评分规则（定性指标在完成程度的分数区间内）",
	 "DOMAIN.md 3.3、3.4", cj_rules_perf_weights},

	/* 数据 */
	{"YEAR-RANGE", E, "数据", "决算年度应在2000至2100之间", "DOMAIN.md 10", cj_rules_year_range},
	{"NEG-CLOSING", W, "数据", "年末结转和结余为负数", "DOMAIN.md 6", cj_rules_neg_closing},

	/* 文本: applied by audit/ to published reports (caijue audit); see docs/audit.md */
	{"AUD-SHARE", E, "文本", "占比与金额、合计不符", "DOMAIN.md 1.5、5.10、6", NULL},
	{"AUD-SHARE-SUM", E, "文本", "同一结构的各项占比之和不等于100%", "DOMAIN.md 6", NULL},
	{"AUD-CHANGE-RATE", E, "文本", "增减额与增减率不符（上年数由本年数和增减额推得）",
	 "DOMAIN.md 1.5、5.10", NULL},
	{"AUD-COMPLETION", E, "文本", "完成预算百分比与决算数、预算数不符", "DOMAIN.md 1.5、5.12",
	 NULL},
	{"AUD-SUM", E, "文本", "各部分之和不等于所写合计（超出取整误差范围）", "DOMAIN.md 5.1、6",
	 NULL},
	{"AUD-SUM-ROUNDING", I, "文本", "各部分之和与合计相差在取整误差范围内", "DOMAIN.md 6", NULL},
	{"AUD-SAME-QTY", E, "文本", "同一数量在文中出现两个不同的值", "DOMAIN.md 5.10", NULL},
	{"AUD-MISLABELED-PCT", E, "文本",
	 "百分比按所写口径不对，却等于另一个比率（如把预算完成率写成占比）", "DOMAIN.md 5.10、5.12",
	 NULL},
	{"AUD-REASON-SUM", E, "文本", "变动原因所列金额之和与变动额不符", "DOMAIN.md 1.5", NULL},
	{"AUD-ZERO-BASE", E, "文本", "上年数为零时写出了增长率", "DOMAIN.md 1.5", NULL},
	{"AUD-PCT-SIGN", W, "文本", "百分比缺少%符号", "DOMAIN.md 6", NULL},
	{"AUD-OUTDATED-NAME", W, "文本", "使用了已停用的科目名称（如2019年后写医疗卫生与计划生育支出）",
	 "DOMAIN.md 2.4", NULL},
	{"AUD-CODE-NAME", W, "文本", "科目名称与旁边所写的编码不符", "DOMAIN.md 5.11", NULL},
	{"AUD-SECTION-GAP", W, "文本", "章节编号不连续", "DOMAIN.md 1.4", NULL},
	{"AUD-SECTION-MISSING", W, "文本", "决算情况说明缺少必备的章节", "DOMAIN.md 1.4、7", NULL},
	{"AUD-TABLE-MISSING", W, "文本", "缺少九张公开表中的表", "DOMAIN.md 1.2、7", NULL},

	{NULL, E, NULL, NULL, NULL, NULL}};

#undef E
#undef W
#undef I

const struct cj_rule *cj_rules_catalogue(void)
{
	return catalogue;
}

const struct cj_rule *cj_rules_find(const char *id)
{
	const struct cj_rule *r;

	if (!id)
		return NULL;
	for (r = catalogue; r->id; r++)
		if (strcmp(r->id, id) == 0)
			return r;
	return NULL;
}

/* ---------------------------------------------------------- the driver */

enum cj_err cj_check(const struct cj_accounts *a, const struct cj_figures *f,
		     const struct cj_codes *codes, const struct cj_check_opts *opts,
		     struct cj_findings *out)
{
	struct cj_check_ctx ctx;
	struct cj_figures *own = NULL;
	const struct cj_rule *r;

	memset(&ctx, 0, sizeof(ctx));
	if (!f) {
		enum cj_err e = cj_calc(a, codes, &own, NULL);
		if (e)
			return e;
		f = own;
	}
	ctx.a = a;
	ctx.f = f;
	ctx.codes = codes;
	ctx.out = out;
	if (opts)
		ctx.opts = *opts;
	if (ctx.opts.budget_threshold_bp < 0)
		ctx.opts.budget_threshold_bp = 0;
	if (ctx.opts.change_threshold_bp < 0)
		ctx.opts.change_threshold_bp = 0;
	if (ctx.opts.reason_tolerance_fen < 0)
		ctx.opts.reason_tolerance_fen = 0;
	for (r = catalogue; r->id; r++) {
		if (!r->check)
			continue;
		ctx.rule = r;
		r->check(&ctx);
		if (out->err)
			break;
	}
	cj_figures_free(own);
	return out->err;
}

/* ------------------------------------------------------------ findings */

static void report_v(struct cj_check_ctx *ctx, enum cj_sev sev, const struct cj_loc *loc,
		     const char *stated, const char *expected, const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));

static void report_v(struct cj_check_ctx *ctx, enum cj_sev sev, const struct cj_loc *loc,
		     const char *stated, const char *expected, const char *fmt, va_list ap)
{
	struct cj_finding *fd;
	char *msg;
	va_list aq;
	int n;

	if (ctx->out->err)
		return;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	msg = n >= 0 ? cj_malloc((size_t)n + 1) : NULL;
	if (!msg) {
		ctx->out->err = CJ_ERR_NOMEM;
		return;
	}
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	fd = cj_findings_add(ctx->out, ctx->rule ? ctx->rule->id : "?", sev,
			     ctx->a && ctx->a->source ? ctx->a->source : "", loc ? loc->line : 0,
			     stated, expected, NULL, "%s", msg);
	cj_free(msg);
	if (fd && loc) {
		memcpy(fd->cell, loc->cell, sizeof(fd->cell));
		fd->cell[sizeof(fd->cell) - 1] = '\0';
	}
}

void cj_rule_report(struct cj_check_ctx *ctx, const struct cj_loc *loc, const char *stated,
		    const char *expected, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(ctx, ctx->rule ? ctx->rule->sev : CJ_SEV_ERROR, loc, stated, expected, fmt, ap);
	va_end(ap);
}

void cj_rules_report_sev(struct cj_check_ctx *ctx, enum cj_sev sev, const struct cj_loc *loc,
			 const char *stated, const char *expected, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(ctx, sev, loc, stated, expected, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------- helpers */

static int64_t unit_of(const struct cj_check_ctx *ctx)
{
	int64_t u = ctx->a ? ctx->a->unit_fen : 0;

	return u > 0 ? u : CJ_FEN_PER_WAN;
}

const char *cj_rules_money(const struct cj_check_ctx *ctx, int64_t fen, char *buf, size_t cap)
{
	cj_money_format(fen, unit_of(ctx), 2, 0, buf, cap);
	return buf;
}

const char *cj_rules_money_le(const struct cj_check_ctx *ctx, int64_t fen, char *buf, size_t cap)
{
	char num[CJ_RULES_NUM];

	cj_rules_money(ctx, fen, num, sizeof(num));
	snprintf(buf, cap, "≤%s", num);
	return buf;
}

const char *cj_rules_fmt_count(int64_t n, char *buf, size_t cap)
{
	snprintf(buf, cap, "%lld", (long long)n);
	return buf;
}

int cj_rules_cmp_fig(struct cj_check_ctx *ctx, const struct cj_fig *stated,
		     struct cj_amt expected, const char *fmt, ...)
{
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];
	va_list ap;

	if (!stated->set || !expected.known || stated->fen == expected.fen)
		return 0;
	cj_rules_money(ctx, stated->fen, s, sizeof(s));
	cj_rules_money(ctx, expected.fen, e, sizeof(e));
	va_start(ap, fmt);
	report_v(ctx, ctx->rule->sev, &stated->loc, s, e, fmt, ap);
	va_end(ap);
	return 1;
}

int cj_rules_cmp_count(struct cj_check_ctx *ctx, const struct cj_count *stated, int64_t expected,
		       const char *fmt, ...)
{
	char s[CJ_RULES_NUM], e[CJ_RULES_NUM];
	va_list ap;

	if (!stated->set || stated->n == expected)
		return 0;
	cj_rules_fmt_count(stated->n, s, sizeof(s));
	cj_rules_fmt_count(expected, e, sizeof(e));
	va_start(ap, fmt);
	report_v(ctx, ctx->rule->sev, &stated->loc, s, e, fmt, ap);
	va_end(ap);
	return 1;
}

/* 10^k for k = 0..2 */
static const int64_t pow10_small[] = {1, 10, 100};

int cj_rules_cmp_rate(struct cj_check_ctx *ctx, const struct cj_rate *stated, int64_t num,
		      int64_t den, const char *fmt, ...)
{
	struct cj_dec dec;
	struct cj_ival written, exact;
	int64_t bp;
	char s[CJ_RULES_NUM + 2], e[CJ_RULES_NUM], digits[CJ_RULES_NUM];
	va_list ap;

	if (!stated->set || den == 0)
		return 0;
	/*
	 * bp counts 0.01%; the rate as written has `scale` decimals of a
	 * percent, so its digits are bp / 10^(2 - scale).  A scale beyond 2
	 * cannot be held in bp: treat it as 2, which only widens nothing.
	 */
	dec.scale = stated->scale < 0 ? 0 : stated->scale > 2 ? 2 : stated->scale;
	dec.v = cj_round_div(stated->bp, pow10_small[2 - dec.scale]);
	written = cj_ival_printed(dec);
	if (cj_ival_ratio(cj_ival_fen(num, 1), cj_ival_fen(den, 1), 100, &exact) != CJ_OK)
		return 0;
	if (cj_ival_overlaps(written, exact))
		return 0;
	cj_dec_format(dec, digits, sizeof(digits));
	snprintf(s, sizeof(s), "%s%%", digits);
	if (cj_pct_bp(num, den, &bp) != CJ_OK)
		return 0;
	cj_pct_format(bp, e, sizeof(e));
	va_start(ap, fmt);
	report_v(ctx, ctx->rule->sev, &stated->loc, s, e, fmt, ap);
	va_end(ap);
	return 1;
}

int cj_rules_beyond(int64_t delta, int64_t base, int64_t threshold_bp)
{
	cj_i128 d = delta < 0 ? -(cj_i128)delta : (cj_i128)delta;
	cj_i128 b = base < 0 ? -(cj_i128)base : (cj_i128)base;

	if (threshold_bp < 0)
		threshold_bp = 0;
	return d * 10000 > (cj_i128)threshold_bp * b;
}

static int has_loc(const struct cj_loc *l)
{
	return l && (l->line || l->cell[0]);
}

const struct cj_loc *cj_rules_loc(const struct cj_loc *a, const struct cj_loc *b,
				  const struct cj_loc *c)
{
	if (has_loc(a))
		return a;
	if (has_loc(b))
		return b;
	if (has_loc(c))
		return c;
	return a ? a : b ? b : c;
}

void cj_rules_funds(const struct cj_check_ctx *ctx, struct cj_rules_fund out[3])
{
	out[0].fs = &ctx->a->general;
	out[0].t = &ctx->f->gen;
	out[0].name = "一般公共预算财政拨款支出";
	out[0].table = 5;
	out[1].fs = &ctx->a->govfund;
	out[1].t = &ctx->f->gov;
	out[1].name = "政府性基金预算财政拨款支出";
	out[1].table = 8;
	out[2].fs = &ctx->a->statecap;
	out[2].t = &ctx->f->cap;
	out[2].name = "国有资本经营预算财政拨款支出";
	out[2].table = 9;
}

const char *cj_rules_year_prefix(int y)
{
	return y == CJ_CUR ? "" : "上年";
}

/* ------------------------------------------------------------ markdown */

/* Category order of the page; categories not listed follow in table order. */
static const char *const category_order[] = {"合计", "勾稽", "说明", "编码", "三公",
					     "绩效", "数据", "结构", "文本", NULL};

/* A table cell: '|' escaped, line breaks flattened. */
static void md_cell(struct cj_buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			cj_buf_puts(out, "\\|");
		else if (*s == '\n' || *s == '\r')
			cj_buf_putc(out, ' ');
		else
			cj_buf_putc(out, *s);
	}
}

static size_t count_category(const char *cat)
{
	const struct cj_rule *r;
	size_t n = 0;

	for (r = catalogue; r->id; r++)
		if (strcmp(r->category, cat) == 0)
			n++;
	return n;
}

static void md_category(struct cj_buf *out, const char *cat)
{
	const struct cj_rule *r;

	cj_buf_printf(out, "\n## %s（%zu 条）\n\n", cat, count_category(cat));
	cj_buf_puts(out, "| 编号 | 级别 | 规则 | 依据 |\n| --- | --- | --- | --- |\n");
	for (r = catalogue; r->id; r++) {
		if (strcmp(r->category, cat) != 0)
			continue;
		cj_buf_puts(out, "| ");
		md_cell(out, r->id);
		cj_buf_puts(out, " | ");
		md_cell(out, cj_sev_zh(r->sev));
		cj_buf_puts(out, " | ");
		md_cell(out, r->title);
		if (!r->check)
			cj_buf_puts(out, "（用于 audit）");
		cj_buf_puts(out, " | ");
		md_cell(out, r->basis);
		cj_buf_puts(out, " |\n");
	}
}

static int listed_category(const char *cat)
{
	size_t i;

	for (i = 0; category_order[i]; i++)
		if (strcmp(category_order[i], cat) == 0)
			return 1;
	return 0;
}

enum cj_err cj_rules_markdown(struct cj_buf *out)
{
	const struct cj_rule *r, *q;
	size_t i, total = 0, dataset = 0;
	size_t nsev[3] = {0, 0, 0};

	for (r = catalogue; r->id; r++) {
		total++;
		if (r->check)
			dataset++;
		if ((size_t)r->sev < 3)
			nsev[r->sev]++;
	}
	cj_buf_puts(out, "# 检查规则目录\n\n");
	cj_buf_puts(out, "本文件由 `caijue rules --markdown` 生成，请勿手工编辑。\n\n");
	cj_buf_printf(out,
		      "共 %zu 条规则，其中 %zu 条用于检查数据集（`caijue check`）；"
		      "错误 %zu 条，警告 %zu 条，提示 %zu 条。\n",
		      total, dataset, nsev[CJ_SEV_ERROR], nsev[CJ_SEV_WARNING], nsev[CJ_SEV_INFO]);
	cj_buf_puts(out, "\n级别：错误表示数据自相矛盾或缺少必须公开的内容，"
			 "`caijue build` 在有错误时拒绝生成报告（可用 `--force`）；"
			 "警告表示可能有问题，请核对；提示仅供参考。\n");
	for (i = 0; category_order[i]; i++)
		if (count_category(category_order[i]))
			md_category(out, category_order[i]);
	/* any category the order list does not know, in table order, once */
	for (r = catalogue; r->id; r++) {
		if (listed_category(r->category))
			continue;
		for (q = catalogue; q != r; q++)
			if (strcmp(q->category, r->category) == 0)
				break;
		if (q == r)
			md_category(out, r->category);
	}
	return cj_buf_err(out);
}
