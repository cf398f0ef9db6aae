/*
 * test_audit_checks.c - each AUD-* rule (docs/audit.md) on a few lines of
 * text: what it fires on, with stated/expected, and the near misses it
 * must leave alone (rounding inside the intervals, partial lists, bounds,
 * targets, another subject, another year).
 *
 * expect(text, "RULE LINE STATED EXPECTED;...") compares all findings.
 */
#include <stdio.h>
#include <string.h>

#include "caijue.h"
#include "runner.h"

/* Findings of `text` audited as `name`, as "RULE LINE STATED EXPECTED;" lines. */
static const char *findings_of(const char *text, const char *name, int year)
{
	static char out[8192];
	struct cj_audit_opts opts;
	struct cj_audit *au = NULL;
	struct cj_findings fs;
	struct cj_diag d;
	size_t i, n = 0;

	memset(&opts, 0, sizeof(opts));
	opts.year = year;
	cj_diag_init(&d);
	out[0] = '\0';
	if (cj_audit_new(&opts, &au, &d) != CJ_OK)
		return "(no session)";
	cj_findings_init(&fs);
	if (cj_audit_mem(au, text, strlen(text), name, &fs, &d) != CJ_OK) {
		snprintf(out, sizeof(out), "(error: %s)", d.msg);
	} else {
		cj_findings_sort(&fs);
		for (i = 0; i < fs.n && n < sizeof(out) - 1; i++)
			n += (size_t)snprintf(out + n, sizeof(out) - n, "%s %u %s %s;", fs.v[i].rule,
					      fs.v[i].line, fs.v[i].stated, fs.v[i].expected);
	}
	cj_findings_release(&fs);
	cj_audit_free(au);
	return out;
}

#define EXPECT(text, want) CHECK_STR(findings_of((text), "t.txt", 2020), (want))

/* =============================================================== shares */

TEST(audit_rule_share)
{
	EXPECT("本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；项目支出274.84万元，占34.48%。",
	       "");
	EXPECT("本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；项目支出274.84万元，占35.48%。",
	       "AUD-SHARE 1 35.48% 34.48%;AUD-SHARE-SUM 1 101.00% 100.00%;");
	/* a named total looked up elsewhere; the unit's name before the subject */
	EXPECT("区委政研室政府采购支出总额30.60万元。\n"
	       "授予小微企业合同金额18.60万元，占政府采购支出总额的67.80%。",
	       "AUD-SHARE 2 67.80% 60.78%;");
	/* one decimal: the share is compared at the precision written */
	EXPECT("合计2.92万元，其中：甲2.07万元，占70.9%；乙0.85万元，占29.1%。", "");
	/* a lone share with no total anywhere: untied, not guessed */
	EXPECT("基本支出522.26万元，占66.52%。", "");
}

TEST(audit_rule_share_sum)
{
	/* complete by its amounts: the shares must add up to 100% */
	EXPECT("支出797.10万元，主要用于：甲711.54万元，占89.27%；乙85.56万元，占10.83%。",
	       "AUD-SHARE 1 10.83% 10.73%;AUD-SHARE-SUM 1 100.10% 100.00%;");
	/* rounding of many parts: inside the sum of their half-units */
	EXPECT("合计3.00万元，其中：甲1.00万元，占33.33%；乙1.00万元，占33.33%；丙1.00万元，占33.33%。",
	       "");
	/* a partial list (no 其他, amounts short of the total) is not summed */
	EXPECT("合计10.00万元，其中：甲5.00万元，占50.00%；乙3.00万元，占30.00%。", "");
}

TEST(audit_rule_mislabeled)
{
	/* the seed's case: a completion rate written as a share */
	EXPECT("“三公”经费财政拨款支出决算为2.92万元。\n"
	       "“三公”经费财政拨款支出决算中，公务用车购置及运行维护费支出决算2.07万元，占34.5%；"
	       "公务接待费支出决算0.85万元，占29.11%。\n"
	       "公务用车购置及运行维护费支出2.07万元，完成预算34.5%。",
	       "AUD-MISLABELED-PCT 2 34.5% 70.89%;");
	/* the share of another total of the report */
	EXPECT("收入总计614.30万元。\n"
	       "本年支出合计581.50万元，其中：基本支出412.58万元，占70.95%；项目支出168.92万元，占27.50%。",
	       "AUD-MISLABELED-PCT 2 27.50% 29.05%;");
	/* last year's total as the base */
	EXPECT("本年支出合计797.10万元，其中：基本支出522.26万元，占90.03%；项目支出274.84万元，占34.48%。"
	       "与2019年相比，本年支出合计增加217.03万元，增长37.41%。",
	       "AUD-MISLABELED-PCT 1 90.03% 65.52%;");
	/* growth divided by this year instead of last year: a wrong rate (6.4 of
	 * docs/audit-corpus.md), the message says what it is */
	EXPECT("收入总计1104.25万元，比上年增加514.72万元，增长46.61%。",
	       "AUD-CHANGE-RATE 1 46.61% 87.31%;");
}

/* ============================================================== changes */

TEST(audit_rule_change_rate)
{
	EXPECT("2020年收入总计1104.25万元。与2019年相比，收入增加514.72万元，增长87.31%。", "");
	EXPECT("收入总计1104.25万元。与2019年相比，收入总计增加514.72万元，增长87.13%。",
	       "AUD-CHANGE-RATE 1 87.13% 87.31%;");
	/* a decrease: last year is A + D */
	EXPECT("机关运行经费支出56.18万元，比2021年减少4.27万元，下降7.06%。", "");
	EXPECT("机关运行经费支出56.18万元，比2021年减少4.27万元，下降7.16%。",
	       "AUD-CHANGE-RATE 1 7.16% 7.06%;");
	/* 7.60% is 4.27 / 56.18, this year used as the base: still a wrong rate */
	EXPECT("机关运行经费支出56.18万元，比2021年减少4.27万元，下降7.60%。",
	       "AUD-CHANGE-RATE 1 7.60% 7.06%;");
	/* the other D agreeing with A and R shows which figure slipped */
	EXPECT("收入总计1104.25万元。与2019年相比，收入增加514.72万元，增长87.31%。\n"
	       "财政拨款收入1104.25万元。与2019年相比，财政拨款收入增加514.27万元，增长87.31%。",
	       "AUD-CHANGE-RATE 2 514.27 514.72;");
	/* one decimal: 0.73 / 0.12 = 608.33%, written 608.3% */
	EXPECT("公务接待费支出0.85万元，比2019年增加0.73万元，增长608.3%。", "");
	/* no base amount for the change: untied */
	EXPECT("与2019年相比，支出增加217.03万元，增长99.00%。", "");
}

TEST(audit_rule_zero_base)
{
	EXPECT("公务用车购置支出18.50万元，比上年增加18.50万元，增长100%。",
	       "AUD-ZERO-BASE 1 100% 上年为零，不计算增长率;");
	EXPECT("其中：公务用车购置支出18.50万元，上年为0万元，增长100%。",
	       "AUD-ZERO-BASE 1 100% 上年为零，不计算增长率;");
}

TEST(audit_rule_reason_sum)
{
	EXPECT("支出56.18万元，比2021年减少4.27万元，下降7.06%。主要原因是：1.会议费减少2.10万元；"
	       "2.培训费减少2.17万元。",
	       "");
	EXPECT("支出56.18万元，比2021年减少4.27万元，下降7.06%。主要原因是：1.会议费减少2.10万元；"
	       "2.培训费减少2.71万元。",
	       "AUD-REASON-SUM 1 4.81 4.27;");
	/* a reason without its amount: not all listed, nothing to add up */
	EXPECT("收入增加100.00万元，主要原因是：1.新增项目60.00万元；2.人员增加。", "");
	/* a reason that goes the other way subtracts */
	EXPECT("收入增加100.00万元，主要原因是：1.新增项目120.00万元；2.其他收入减少20.00万元。", "");
	/* amounts in 元 with thousands separators */
	EXPECT("机关运行经费支出352,800.00元，比2019年增加14,200.00元，增长4.19%。主要原因是："
	       "1.电费增加9,800.00元；2.维修费增加5,300.00元。",
	       "AUD-REASON-SUM 1 15100.00 14200.00;");
	/* the reasons for a budget deviation are not reasons for a change */
	EXPECT("收入增加100.00万元。决算数小于预算数的主要原因是：1.甲5.00万元；2.乙6.00万元。", "");
}

/* =========================================================== completion */

TEST(audit_rule_completion)
{
	EXPECT("高清视频会议系统项目绩效目标完成情况综述。项目全年预算数57.55万元，执行数为55.6万元，"
	       "完成预算的96.61%。",
	       "");
	EXPECT("高清视频会议系统项目绩效目标完成情况综述。项目全年预算数57.55万元，执行数为55.6万元，"
	       "完成预算的99.73%。",
	       "AUD-COMPLETION 1 99.73% 96.61%;");
	/* no budget written: untied (a budget derived from the rate proves nothing) */
	EXPECT("支出决算为441.91万元，完成预算104.29%。", "");
	/* a budget written elsewhere for the subject is not "nearby": untied */
	EXPECT("公务接待费预算数2.00万元。\n公务接待费支出0.85万元，完成预算52.5%。", "");
	/* the same project's budget, written in another paragraph */
	EXPECT("（1）乡村振兴专题调研项目绩效目标完成情况综述。项目全年预算数38.00万元。\n"
	       "乡村振兴专题调研项目2022年绩效评价报告\n"
	       "全年支出36.48万元，完成预算的96.20%。",
	       "AUD-COMPLETION 3 96.20% 96.00%;");
}

/* ================================================================= sums */

TEST(audit_rule_sum)
{
	/* a known complete set (货物, 工程, 服务) that does not add up */
	EXPECT("政府采购支出总额30.60万元，其中：政府采购货物支出18.60万元、政府采购工程支出0.00万元、"
	       "政府采购服务支出13.00万元。",
	       "AUD-SUM 1 30.60 31.60;");
	/* counts of a list that says it is complete (包括) */
	EXPECT("国内公务接待18批次，共计支出1.36万元，具体内容包括：接待上级调研13批次、0.92万元；"
	       "接待兄弟县区交流6批次、0.44万元。",
	       "AUD-SUM 1 18批次 19批次;");
	/* a partial 其中 list below its total: untied */
	EXPECT("收入总计1104.25万元，其中：财政拨款收入797.10万元。", "");
	/* a list over the next lines (人员经费 + 公用经费 is complete) */
	EXPECT("基本支出522.26万元，其中：\n人员经费464.33万元，主要包括：工资。\n"
	       "日常公用经费58.93万元，主要包括：办公费。",
	       "AUD-SUM 1 522.26 523.26;");
}

TEST(audit_rule_sum_rounding)
{
	EXPECT("本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；项目支出274.83万元，占34.48%。",
	       "AUD-SUM-ROUNDING 1 797.10 797.09;");
	/* written at one decimal, 797.09 rounds to 797.1: not even rounding */
	EXPECT("本年支出合计797.1万元，其中：基本支出522.26万元，占65.52%；项目支出274.83万元，占34.48%。",
	       "");
}

/* ============================================================== same qty */

TEST(audit_rule_same_qty)
{
	EXPECT("开展保密法宣传2次，开展保密工作检查。\n开展保密法宣传3次。\n开展保密法宣传2次。",
	       "AUD-SAME-QTY 2 3次 2次;");
	/* two values, no majority: the later one */
	EXPECT("本年支出合计797.10万元。\n本年支出合计798.10万元。", "AUD-SAME-QTY 2 798.10 797.10;");
	/* written at different precision: the same value */
	EXPECT("本年支出合计797.10万元。\n本年支出合计797.1万元。", "");
	/* another year, a bound, another subject */
	EXPECT("2019年本年支出合计580.07万元。\n2020年本年支出合计797.10万元。", "");
	EXPECT("宣传保密法2次以上。\n开展保密法宣传3次。", "");
	EXPECT("单位共有公务用车1辆，其中：轿车1辆。\n全年更新购置公务用车0辆，其中：轿车0辆。", "");
	/* a project's spending, in its summary and its evaluation report */
	EXPECT("（1）乡村振兴专题调研项目绩效目标完成情况综述。项目全年预算数38.00万元，执行数为36.48万元。\n"
	       "乡村振兴专题调研项目2022年绩效评价报告\n"
	       "项目资金38.00万元。全年支出34.68万元。",
	       "AUD-SAME-QTY 3 34.68 36.48;");
}

/* ============================================================ pct sign */

TEST(audit_rule_pct_sign)
{
	EXPECT("基本支出522.26万元，占65.52；项目支出274.84万元。", "AUD-PCT-SIGN 1 65.52 65.52%;");
	EXPECT("支出增加217.03万元，增长37.41。", "AUD-PCT-SIGN 1 37.41 37.41%;");
	/* an amount after 增加, a multiple, a count: not percentages */
	EXPECT("支出增加12.5，增长2倍，占3席。", "");
}

/* ================================================================ names */

TEST(audit_rule_outdated_name)
{
	EXPECT("医疗卫生和计划生育支出（210）行政事业单位医疗（11）行政单位医疗（01）：指…。",
	       "AUD-OUTDATED-NAME 1 医疗卫生和计划生育支出 卫生健康支出;");
	EXPECT("医疗卫生与计划生育支出12.39万元。",
	       "AUD-OUTDATED-NAME 1 医疗卫生与计划生育支出 卫生健康支出;");
	/* valid in its year: 扶贫 until 2020 */
	EXPECT("农林水支出（类）扶贫（款）其他扶贫支出（项）：支出决算为5.21万元。", "");
	CHECK_STR(findings_of("农林水支出（类）扶贫（款）生产发展（项）：支出决算为1188.78万元。",
			      "t.txt", 2021),
		  "AUD-OUTDATED-NAME 1 扶贫 巩固脱贫衔接乡村振兴;");
	/* a short old name in ordinary text is not a classification name */
	CHECK_STR(findings_of("开展扶贫工作，农业生产稳定。", "t.txt", 2022), "");
}

TEST(audit_rule_code_name)
{
	EXPECT("一般公共服务（201）党委办公室及相关机构事务（31）行政运行（01）：指行政单位的基本支出。",
	       "");
	EXPECT("一般公共服务支出（201）党委办公厅（室）及相关机构事务（31）一般行政管理事务（01）：指…。",
	       "AUD-CODE-NAME 1 一般行政管理事务 行政运行;");
	/* a table row: code cell, name cell */
	EXPECT("| 2101101 | 行政单位医疗 | 12.39 |\n| 2210201 | 提租补贴 | 27.39 |",
	       "AUD-CODE-NAME 2 提租补贴 住房公积金;");
	/* an unknown code is not a finding (the table is partial) */
	EXPECT("| 2999999 | 随便什么 | 1.00 |", "");
}

/* ============================================================= sections */

TEST(audit_rule_section_gap)
{
	EXPECT("一、甲\n二、乙\n四、丁\n", "AUD-SECTION-GAP 3 四 三;");
	EXPECT("一、甲\n二、乙\n二、丙\n", "AUD-SECTION-GAP 3 二 三;");
	EXPECT("一、甲\n（一）子\n（三）子\n二、乙\n（一）子\n", "AUD-SECTION-GAP 3 三 二;");
	/* a part restarts the numbering; an annex may restart at 一 */
	EXPECT("第一部分\n一、甲\n二、乙\n第二部分\n一、丙\n一、丁\n二、戊\n", "");
	/* numbers inside a paragraph, and table rows, are not headings */
	EXPECT("原因是：1.甲；3.乙。\n一、一般公共预算财政拨款收入\t1\t1104.25\n三、事业收入\t3\t0.00\n", "");
	/* Markdown headings and escaped numbers */
	EXPECT("## 一、甲\n1\\.子\n3\\.子\n", "AUD-SECTION-GAP 3 3. 2.;");
}

TEST(audit_rule_section_missing)
{
	static const char report[] =
		"一、收入支出决算总体情况说明\n二、收入决算情况说明\n三、支出决算情况说明\n"
		"四、财政拨款收入支出决算总体情况说明\n五、一般公共预算财政拨款支出决算情况说明\n"
		"六、一般公共预算财政拨款基本支出决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n"
		"八、政府性基金预算财政拨款收入支出决算情况说明\n九、其他重要事项的情况说明\n";

	EXPECT(report, "AUD-SECTION-MISSING 0  国有资本经营预算财政拨款支出决算情况说明;");
	/* a fragment with few of the sections is not judged */
	EXPECT("一、收入支出决算总体情况说明\n二、收入决算情况说明\n", "");
}

TEST(audit_rule_table_missing)
{
	static const char tables[] =
		"公开01表 收入支出决算总表\n公开02表 收入决算表\n公开03表 支出决算表\n"
		"公开04表 财政拨款收入支出决算总表\n公开05表 一般公共预算财政拨款支出决算表\n"
		"公开07表 一般公共预算财政拨款“三公”经费支出决算表\n"
		"公开08表 政府性基金预算财政拨款收入支出决算表\n"
		"公开09表 国有资本经营预算财政拨款支出决算表\n";

	EXPECT(tables, "AUD-TABLE-MISSING 0  一般公共预算财政拨款基本支出决算表;");
	/* no mention of the public tables: nothing to require */
	EXPECT("数据来源于财决01表。", "");
}

/* ============================================================== formats */

TEST(audit_rule_same_in_html)
{
	/* the same slip in HTML: one line per block, table rows with TAB cells */
	CHECK_STR(findings_of("<html><body><p>本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；"
			      "项目支出274.84万元，占35.48%。</p><table><tr><td>基本支出</td><td>522.26</td>"
			      "</tr></table></body></html>",
			      "t.html", 2020),
		  "AUD-SHARE 1 35.48% 34.48%;AUD-SHARE-SUM 1 101.00% 100.00%;");
}

/* =============================================================== tables */

TEST(audit_rule_table_sums)
{
	static const char t3[] =
		"金额单位：万元\n"
		"| 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n"
		"| --- | --- | ---: | ---: | ---: |\n"
		"| **合计** |  | 797.10 | 522.26 | 274.84 |\n"
		"| **201** | 一般公共服务支出 | 711.54 | 441.91 | 269.63 |\n"
		"| 20131 | 党委办公厅（室）及相关机构事务 | 579.51 | 441.91 | 137.60 |\n"
		"| 2013101 | 行政运行 | 441.91 | 441.91 | 0.00 |\n"
		"| 2013102 | 一般行政管理事务 | 137.60 | 0.00 | 137.60 |\n"
		"| 20199 | 其他一般公共服务支出 | 132.03 | 0.00 | 132.03 |\n"
		"| 2019999 | 其他一般公共服务支出 | 132.03 | 0.00 | 132.03 |\n"
		"| **208** | 社会保障和就业支出 | 85.56 | 80.35 | 5.21 |\n";

	EXPECT(t3, "");
	/* a 项 row that does not add up to its 款 */
	{
		char bad[sizeof(t3) + 8];
		const char *p = strstr(t3, "| 2013102 | 一般行政管理事务 | 137.60");
		size_t at = (size_t)(p - t3) + strlen("| 2013102 | 一般行政管理事务 | 13");
		memcpy(bad, t3, sizeof(t3));
		bad[at] = '8'; /* 137.60 -> 138.60 */
		EXPECT(bad, "AUD-SUM 6 579.51 580.51;");
	}
	/* a simple table with its 合计 last */
	EXPECT("单位：万元\n| 资金来源 | 资金计划 | 资金使用 |\n| --- | ---: | ---: |\n"
	       "| 财政资金 | 5.00 | 4.00 |\n| 其他资金 | 1.00 | 0.00 |\n| **合计** | 6.00 | 4.50 |",
	       "AUD-SUM 6 4.50 4.00;");
	/* PDF rows that lost their empty cells: the columns are not trusted */
	CHECK_STR(findings_of("金额单位：万元\n合计\t797.10\t522.26\t274.84\n"
			      "201\t一般公共服务支出\t711.54\t441.91\t269.63\n"
			      "208\t社会保障和就业支出\t85.56\t80.35\t5.21\n",
			      "t.txt", 2020),
		  "");
}
