/*
 * test_yaml.c - the YAML dataset reader: values of every type, each class
 * of bad input with its message and line, the bad-input files the CLI tests
 * use, allocation failure at every step, and the generated dataset.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/money.h"
#include "in/yaml_read.h"
#include "model/schema_doc.h"
#include "runner.h"

/* Lines 1-5 of a minimal valid file. */
#define HEAD "caijue: 1\nyear: 2020\namount_unit: 万元\nunit:\n  name: 测试单位\n"

static enum cj_err rd(const char *text, struct cj_accounts **a, struct cj_diag *d)
{
	cj_diag_init(d);
	*a = NULL;
	return cj_yaml_read(text, strlen(text), "t.yaml", a, d);
}

/* ============================================================ good input */

TEST(yaml_minimal)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd(HEAD, &a, &d), CJ_OK);
	if (!a)
		return;
	CHECK_EQ_INT(a->schema.n, 1);
	CHECK_EQ_INT(a->year.n, 2020);
	CHECK_EQ_INT(a->year.loc.line, 2);
	CHECK_EQ_INT(a->unit_fen, CJ_FEN_PER_WAN);
	CHECK_STR(a->amount_unit.s, "万元");
	CHECK_STR(a->unit.name.s, "测试单位");
	CHECK_EQ_INT(a->unit.name.loc.line, 5);
	CHECK_STR(a->source, "t.yaml");
	CHECK(a->unit.short_name.s == NULL);
	CHECK_EQ_INT(a->income.year[0].src[0].set, 0);
	cj_accounts_free(a);
}

struct money_case {
	const char *unit;
	const char *value;
	int64_t fen;
};

static const struct money_case money_cases[] = {
	{"万元", "1104.25", 1104250000},
	{"万元", "1,104.25", 1104250000},
	{"万元", "\"0.85\"", 850000},
	{"万元", "0", 0},
	{"元", "1104.25", 110425},
	{"元", "11042500", 1104250000},
	{"元", "1104.25万元", 1104250000}, /* an explicit unit wins */
	{"万元", "１，１０４．２５", 1104250000},
};

TEST(yaml_money_units)
{
	size_t i;

	for (i = 0; i < sizeof(money_cases) / sizeof(money_cases[0]); i++) {
		char text[512];
		struct cj_accounts *a;
		struct cj_diag d;

		snprintf(text, sizeof(text),
			 "caijue: 1\nyear: 2020\namount_unit: %s\nunit:\n  name: x\n"
			 "income:\n  this_year:\n    general_budget: %s\n",
			 money_cases[i].unit, money_cases[i].value);
		CHECK_EQ_INT(rd(text, &a, &d), CJ_OK);
		if (!a) {
			fprintf(stderr, "  case %zu: %s\n", i, d.msg);
			continue;
		}
		CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_GENERAL].fen, money_cases[i].fen);
		CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_GENERAL].set, 1);
		CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_GENERAL].loc.line, 8);
		cj_accounts_free(a);
	}
}

TEST(yaml_absent_is_not_zero)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd(HEAD "income:\n  this_year:\n    general_budget: ~\n    total:\n"
			     "    other: null\n    gov_fund: 0\n  note: ''\n",
			&a, &d),
		     CJ_OK);
	if (!a)
		return;
	CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_GENERAL].set, 0);
	CHECK_EQ_INT(a->income.year[CJ_CUR].total.set, 0);
	CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_OTHER].set, 0);
	CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_GOVFUND].set, 1);
	CHECK_EQ_INT(a->income.year[CJ_CUR].src[CJ_INC_GOVFUND].fen, 0);
	CHECK(a->income.note.s == NULL);
	cj_accounts_free(a);
}

TEST(yaml_signed_amount)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd(HEAD "spending:\n  this_year:\n    closing_balance: -3.00\n", &a, &d),
		     CJ_OK);
	if (!a)
		return;
	CHECK_EQ_INT(a->spending.year[CJ_CUR].closing.fen, -3000000);
	cj_accounts_free(a);
}

TEST(yaml_text_forms)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd(HEAD "  short_name: 2020\n"
			     "  level: \"001\"\n"
			     "  parent: 'a: b'\n"
			     "  structure_note: |\n"
			     "    第一行\n"
			     "    第二行\n"
			     "\n"
			     "  departments_note: >\n"
			     "    折叠\n"
			     "    文字\n"
			     "  functions: 单独一条\n"
			     "  departments:\n"
			     "    - 办公室\n"
			     "    -\n"
			     "    - 督查室\n",
			&a, &d),
		     CJ_OK);
	if (!a) {
		fprintf(stderr, "  %s\n", d.msg);
		return;
	}
	CHECK_STR(a->unit.short_name.s, "2020");
	CHECK_STR(a->unit.level.s, "001");
	CHECK_STR(a->unit.parent.s, "a: b");
	CHECK_STR(a->unit.structure_note.s, "第一行\n第二行");
	CHECK_EQ_INT(a->unit.structure_note.loc.line, 9);
	CHECK_STR(a->unit.departments_note.s, "折叠 文字");
	CHECK_EQ_INT(a->unit.functions.n, 1);
	CHECK_STR(a->unit.functions.v[0].s, "单独一条");
	CHECK_EQ_INT(a->unit.departments.n, 2); /* the empty item is skipped */
	CHECK_STR(a->unit.departments.v[1].s, "督查室");
	CHECK_EQ_INT(a->unit.departments.v[1].loc.line, 20);
	cj_accounts_free(a);
}

TEST(yaml_reasons_both_forms)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd(HEAD "income:\n"
			     "  reasons:\n"
			     "    - 新增项目。\n"
			     "    - text: 人员减少。\n"
			     "      amount: -12.30\n"
			     "    - text: 只有文字\n"
			     "spending:\n"
			     "  reasons: 一条原因\n",
			&a, &d),
		     CJ_OK);
	if (!a) {
		fprintf(stderr, "  %s\n", d.msg);
		return;
	}
	CHECK_EQ_INT(a->income.reasons.n, 3);
	CHECK_EQ_INT(a->income.reasons.loc.line, 8);
	CHECK_STR(a->income.reasons.v[0].text.s, "新增项目。");
	CHECK_EQ_INT(a->income.reasons.v[0].amount.set, 0);
	CHECK_EQ_INT(a->income.reasons.v[0].loc.line, 8);
	CHECK_STR(a->income.reasons.v[1].text.s, "人员减少。");
	CHECK_EQ_INT(a->income.reasons.v[1].amount.fen, -12300000);
	CHECK_EQ_INT(a->income.reasons.v[1].amount.set, 1);
	CHECK_EQ_INT(a->income.reasons.v[1].loc.line, 9);
	CHECK_EQ_INT(a->income.reasons.v[1].amount.loc.line, 10);
	CHECK_EQ_INT(a->income.reasons.v[2].amount.set, 0);
	CHECK_EQ_INT(a->spending.reasons.n, 1);
	CHECK_STR(a->spending.reasons.v[0].text.s, "一条原因");
	cj_accounts_free(a);
}

TEST(yaml_lists)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd(HEAD "  authorized:\n"
			     "    - kind: 行政编制\n"
			     "      count: ２１\n"
			     "    - {kind: 事业编制, count: 3}\n"
			     "general_budget:\n"
			     "  items:\n"
			     "    - code: 2013101\n"
			     "      actual: 441.91\n"
			     "    - code: \"2080505\"\n"
			     "      name: 机关事业单位基本养老保险缴费支出\n"
			     "      reasons: [原因甲, {text: 原因乙, amount: 1}]\n"
			     "  stated:\n"
			     "    - code: 201\n"
			     "    - code: 20131\n"
			     "  stated_rate: 72.18%\n"
			     "gov_fund:\n"
			     "  items:\n"
			     "    - code: 2296002\n"
			     "basic_spending:\n"
			     "  items:\n"
			     "    - code: 30101\n"
			     "      amount: 120.50\n"
			     "glossary:\n"
			     "  - code: 201\n"
			     "    text: 一般公共服务支出的解释\n",
			&a, &d),
		     CJ_OK);
	if (!a) {
		fprintf(stderr, "  %s (line %u)\n", d.msg, d.line);
		return;
	}
	CHECK_EQ_INT(a->unit.authorized.n, 2);
	CHECK_EQ_INT(a->unit.authorized.v[0].count.n, 21);
	CHECK_EQ_INT(a->unit.authorized.v[0].loc.line, 7);
	CHECK_STR(a->unit.authorized.v[1].kind.s, "事业编制");
	CHECK_EQ_INT(a->unit.authorized.v[1].loc.line, 9);
	CHECK_EQ_INT(a->general.items.n, 2);
	CHECK_STR(a->general.items.v[0].code.s, "2013101");
	CHECK_EQ_INT(a->general.items.v[0].actual.fen, 441910000);
	CHECK_EQ_INT(a->general.items.v[0].loc.line, 12);
	CHECK_STR(a->general.items.v[1].code.s, "2080505");
	CHECK_EQ_INT(a->general.items.v[1].loc.line, 14);
	CHECK_EQ_INT(a->general.items.v[1].reasons.n, 2);
	CHECK_EQ_INT(a->general.items.v[1].reasons.v[1].amount.fen, 1000000);
	CHECK_EQ_INT(a->general.stated.n, 2);
	CHECK_EQ_INT(a->general.stated.v[1].loc.line, 19);
	CHECK_EQ_INT(a->general.stated_rate.bp, 7218);
	CHECK_EQ_INT(a->govfund.items.n, 1);
	CHECK_EQ_INT(a->govfund.items.v[0].loc.line, 23);
	CHECK_STR(a->basic.items.v[0].code.s, "30101");
	CHECK_EQ_INT(a->basic.items.v[0].loc.line, 26);
	CHECK_EQ_INT(a->glossary.n, 1);
	CHECK_EQ_INT(a->glossary.v[0].loc.line, 29);
	cj_accounts_free(a);
}

struct rate_case {
	const char *text;
	enum cj_err err;
	int64_t bp;
	int scale;
};

static const struct rate_case rate_cases[] = {
	{"96.61", CJ_OK, 9661, 2},
	{"96.61%", CJ_OK, 9661, 2},
	{"96.61％", CJ_OK, 9661, 2},
	{"\"96.61 %\"", CJ_OK, 9661, 2},
	{"96.6", CJ_OK, 9660, 1},
	{"100", CJ_OK, 10000, 0},
	{"0.5%", CJ_OK, 50, 1},
	{"96.615", CJ_ERR_RANGE, 0, 0},
	{"-5%", CJ_ERR_SCHEMA, 0, 0},
	{"九十", CJ_ERR_SCHEMA, 0, 0},
	{"\"%\"", CJ_ERR_SCHEMA, 0, 0},
	{"999999999999999999", CJ_ERR_RANGE, 0, 0},
};

TEST(yaml_rates)
{
	size_t i;

	for (i = 0; i < sizeof(rate_cases) / sizeof(rate_cases[0]); i++) {
		char text[256];
		struct cj_accounts *a;
		struct cj_diag d;

		snprintf(text, sizeof(text), HEAD "performance:\n  dept_evaluation:\n    stated_rate: %s\n",
			 rate_cases[i].text);
		CHECK_EQ_INT(rd(text, &a, &d), rate_cases[i].err);
		if (rate_cases[i].err) {
			CHECK(a == NULL);
			CHECK_EQ_INT(d.line, 8);
			CHECK_CONTAINS(d.msg, "百分比");
			continue;
		}
		if (!a)
			continue;
		CHECK_EQ_INT(a->perf.dept.stated_rate.bp, rate_cases[i].bp);
		CHECK_EQ_INT(a->perf.dept.stated_rate.scale, rate_cases[i].scale);
		CHECK_EQ_INT(a->perf.dept.stated_rate.set, 1);
		cj_accounts_free(a);
	}
}

/* ============================================================= bad input */

struct bad_case {
	const char *name;
	const char *text;
	enum cj_err err;
	const char *frag;
	unsigned line;
};

static const struct bad_case bad_cases[] = {
	{"malformed", HEAD "income:\n  note: a: b\n", CJ_ERR_PARSE, "YAML 语法错误：", 7},
	{"unclosed flow", HEAD "income: {this_year: [1\n", CJ_ERR_PARSE, "YAML 语法错误", 7},
	{"tab indent", HEAD "income:\n\tnote: x\n", CJ_ERR_PARSE, "Tab", 7},
	{"bad utf8", "caijue: 1\nyear: 2020\namount_unit: 万元\nunit:\n  name: 测\xff试\n",
	 CJ_ERR_ENCODING, "文件不是有效的 UTF-8 编码（第5行第12字节）", 5},
	{"lone continuation", "caijue: 1\n\x80\n", CJ_ERR_ENCODING, "第2行第1字节", 2},
	{"gbk", "caijue: 1\nyear: 2020\namount_unit: 万元\nunit:\n  name: \xb2\xe2\xca\xd4\n",
	 CJ_ERR_ENCODING, "GB18030", 5},
	{"unknown key", HEAD "income:\n  this_year:\n    generel_budget: 1\n", CJ_ERR_SCHEMA,
	 "未知字段「generel_budget」（位于 income.this_year），是否应为「general_budget」？", 8},
	{"unknown root key", HEAD "foo_bar_baz: 1\n", CJ_ERR_SCHEMA,
	 "未知字段「foo_bar_baz」（位于 文件顶层）", 6},
	{"unknown chinese key", HEAD "  单位: 1\n", CJ_ERR_SCHEMA, "未知字段「单位」（位于 unit）", 6},
	{"unknown reason key", HEAD "income:\n  reasons:\n    - text: a\n      amout: 1\n",
	 CJ_ERR_SCHEMA, "（位于 income.reasons[1]），是否应为「amount」？", 9},
	{"duplicate key", HEAD "year: 2021\n", CJ_ERR_SCHEMA, "字段「year」重复（位于 文件顶层，第2行已出现）",
	 6},
	{"duplicate nested", HEAD "  name: 又一个\n", CJ_ERR_SCHEMA, "字段「name」重复（位于 unit", 6},
	{"missing required", "caijue: 1\nyear: 2020\namount_unit: 万元\nunit:\n  short_name: x\n",
	 CJ_ERR_SCHEMA, "缺少必填字段「name」（位于 unit）", 5},
	{"unknown root typo", HEAD "unit2: 1\n", CJ_ERR_SCHEMA, "是否应为「unit」？", 6},
	{"missing reason text", HEAD "income:\n  reasons:\n    - 一\n    - amount: 1\n", CJ_ERR_SCHEMA,
	 "缺少必填字段「text」（位于 income.reasons[2]）", 9},
	{"missing year", "caijue: 1\namount_unit: 万元\n", CJ_ERR_SCHEMA,
	 "缺少必填字段「year」（位于 文件顶层）", 1},
	{"empty required", "caijue: 1\nyear: 2020\namount_unit: 万元\nunit:\n  name:\n",
	 CJ_ERR_SCHEMA, "必填字段「name」不能为空（位于 unit）", 5},
	{"three decimals", HEAD "income:\n  this_year:\n    general_budget: 797.105\n", CJ_ERR_RANGE,
	 "797.105", 8},
	{"three decimals path", HEAD "income:\n  this_year:\n    general_budget: 797.105\n",
	 CJ_ERR_RANGE, "（字段 income.this_year.general_budget）", 8},
	{"not an amount", HEAD "income:\n  this_year:\n    total: 约800\n", CJ_ERR_PARSE,
	 "无法解析金额「约800」", 8},
	{"negative amount", HEAD "income:\n  this_year:\n    general_budget: -3.00\n", CJ_ERR_RANGE,
	 "金额不能为负数：「-3.00」（字段 income.this_year.general_budget）", 8},
	{"negative in list", HEAD "general_budget:\n  items:\n    - code: 2013101\n    - code: 2013102\n"
			      "      actual: (5.00)\n",
	 CJ_ERR_RANGE, "（字段 general_budget.items[2].actual）", 10},
	{"negative count", HEAD "assets:\n  vehicles_total: -1\n", CJ_ERR_SCHEMA,
	 "字段 assets.vehicles_total 应为非负整数，但这里是「-1」", 7},
	{"text for count", HEAD "  staff_total: 三十五\n", CJ_ERR_SCHEMA, "应为非负整数", 6},
	{"count decimals", "caijue: 1\nyear: 2020.5\namount_unit: 万元\n", CJ_ERR_SCHEMA,
	 "应为非负整数", 2},
	{"bad code length", HEAD "general_budget:\n  items:\n    - code: 20131\n", CJ_ERR_SCHEMA,
	 "功能分类科目编码应为7位（项级）", 8},
	{"bad econ code", HEAD "basic_spending:\n  items:\n    - code: 3010101\n", CJ_ERR_SCHEMA,
	 "经济分类科目编码应为5位（款级）", 8},
	{"bad stated code", HEAD "general_budget:\n  stated:\n    - code: 2013101\n", CJ_ERR_SCHEMA,
	 "3位（类级）或5位（款级）", 8},
	{"code not digits", HEAD "general_budget:\n  items:\n    - code: 2013I01\n", CJ_ERR_SCHEMA,
	 "应为数字编码", 8},
	{"code missing", HEAD "general_budget:\n  items:\n    - actual: 1\n", CJ_ERR_SCHEMA,
	 "缺少必填字段「code」（位于 general_budget.items[1]）", 8},
	{"map for scalar", HEAD "income:\n  note:\n    a: 1\n", CJ_ERR_SCHEMA,
	 "字段 income.note 应为文字，但这里是分组", 8},
	{"scalar for map", HEAD "income:\n  this_year: 5\n", CJ_ERR_SCHEMA,
	 "字段 income.this_year 应为分组", 7},
	{"list for scalar", HEAD "  short_name:\n    - a\n", CJ_ERR_SCHEMA,
	 "字段 unit.short_name 应为文字，但这里是列表", 7},
	{"scalar for list", HEAD "general_budget:\n  items: 2013101\n", CJ_ERR_SCHEMA,
	 "字段 general_budget.items 应为列表", 7},
	{"scalar list item", HEAD "general_budget:\n  items:\n    - 2013101\n", CJ_ERR_SCHEMA,
	 "字段 general_budget.items[1] 应为分组", 8},
	{"nested list in texts", HEAD "  functions:\n    - [a]\n", CJ_ERR_SCHEMA,
	 "字段 unit.functions[1] 应为文字", 7},
	{"map key", HEAD "? [a]\n: 1\n", CJ_ERR_SCHEMA, "字段名应为文字", 6},
	{"alias", HEAD "income:\n  this_year: &a\n    total: 1\n  last_year: *a\n", CJ_ERR_SCHEMA,
	 "不支持 YAML 别名（*alias）", 7},
	{"bare alias", HEAD "income:\n  note: *x\n", CJ_ERR_SCHEMA, "不支持 YAML 别名", 7},
	{"amount_unit missing", "caijue: 1\nyear: 2020\nunit:\n  name: x\n", CJ_ERR_SCHEMA,
	 "缺少必填字段「amount_unit」", 1},
	{"amount_unit invalid", "caijue: 1\nyear: 2020\namount_unit: 千元\n", CJ_ERR_SCHEMA,
	 "金额单位「千元」无效：amount_unit 只能是「元」或「万元」", 3},
	{"amount_unit empty", "caijue: 1\nyear: 2020\namount_unit:\n", CJ_ERR_SCHEMA,
	 "缺少必填字段「amount_unit」", 3},
	{"schema version", "caijue: 2\nyear: 2020\namount_unit: 万元\n", CJ_ERR_SCHEMA,
	 "不支持的数据文件版本「caijue: 2」，目前只支持 1", 1},
	{"schema missing", "year: 2020\namount_unit: 万元\n", CJ_ERR_SCHEMA,
	 "缺少必填字段「caijue」", 1},
	{"two documents", HEAD "---\ncaijue: 1\n", CJ_ERR_SCHEMA, "多个 YAML 文档", 6},
	{"empty file", "", CJ_ERR_SCHEMA, "文件是空的", 1},
	{"comment only", "# 只有注释\n", CJ_ERR_SCHEMA, "文件是空的", 1},
	{"root is list", "- caijue: 1\n", CJ_ERR_SCHEMA, "文件顶层应为分组", 1},
	{"control char", HEAD "  short_name: \"a\\x01b\"\n", CJ_ERR_SCHEMA, "控制字符", 6},
};

TEST(yaml_bad_input)
{
	size_t i;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct cj_accounts *a = NULL;
		struct cj_diag d;
		enum cj_err e;

		e = rd(c->text, &a, &d);
		if (e != c->err || !strstr(d.msg, c->frag) || d.line != c->line || a != NULL ||
		    strcmp(d.file, "t.yaml") != 0)
			fprintf(stderr, "  case \"%s\": err %d line %u: %s\n", c->name, (int)e, d.line,
				d.msg);
		CHECK_EQ_INT(e, c->err);
		CHECK_CONTAINS(d.msg, c->frag);
		CHECK_EQ_INT(d.line, c->line);
		CHECK_STR(d.file, "t.yaml");
		CHECK(a == NULL);
		cj_accounts_free(a);
	}
}

TEST(yaml_bom_accepted)
{
	struct cj_accounts *a;
	struct cj_diag d;

	CHECK_EQ_INT(rd("\xEF\xBB\xBF" HEAD, &a, &d), CJ_OK);
	if (!a)
		return;
	CHECK_STR(a->unit.name.s, "测试单位");
	CHECK_EQ_INT(a->schema.loc.line, 1);
	cj_accounts_free(a);
}

/* Input built at run time: deep nesting and too many nodes. */
TEST(yaml_limits)
{
	struct cj_buf b;
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	int i;

	cj_buf_init(&b, 0);
	cj_buf_puts(&b, HEAD "income:\n  note: ");
	for (i = 0; i < 40; i++)
		cj_buf_putc(&b, '[');
	for (i = 0; i < 40; i++)
		cj_buf_putc(&b, ']');
	cj_buf_putc(&b, '\n');
	CHECK_EQ_INT(rd(cj_buf_str(&b), &a, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "嵌套层次过深（超过32层）");
	CHECK_EQ_INT(d.line, 7);
	CHECK(a == NULL);

	/* 31 levels below the root mapping is still fine for the scanner */
	cj_buf_reset(&b);
	cj_buf_puts(&b, HEAD "income:\n  note: ");
	for (i = 0; i < 30; i++)
		cj_buf_putc(&b, '[');
	for (i = 0; i < 30; i++)
		cj_buf_putc(&b, ']');
	cj_buf_putc(&b, '\n');
	CHECK_EQ_INT(rd(cj_buf_str(&b), &a, &d), CJ_ERR_SCHEMA); /* a list is not text */
	CHECK_CONTAINS(d.msg, "应为文字");

	cj_buf_reset(&b);
	cj_buf_puts(&b, HEAD "income:\n  note: [");
	for (i = 0; i < 100001; i++)
		cj_buf_puts(&b, "1,");
	cj_buf_puts(&b, "1]\n");
	CHECK_EQ_INT(cj_buf_err(&b), CJ_OK);
	CHECK_EQ_INT(rd(cj_buf_str(&b), &a, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "超过100000个");
	CHECK(a == NULL);
	cj_buf_release(&b);
}

/* ================================================================= files */

struct file_case {
	const char *path;
	enum cj_err err;
	const char *frag;
};

static const struct file_case file_cases[] = {
	{"tests/data/yaml/min.yaml", CJ_OK, ""},
	{"tests/data/yaml/bad-syntax.yaml", CJ_ERR_PARSE, "YAML 语法错误"},
	{"tests/data/yaml/bad-utf8.yaml", CJ_ERR_ENCODING, "UTF-8"},
	{"tests/data/yaml/unknown-key.yaml", CJ_ERR_SCHEMA, "是否应为「general_budget」"},
	{"tests/data/yaml/missing-name.yaml", CJ_ERR_SCHEMA, "缺少必填字段「name」"},
	{"tests/data/yaml/three-decimals.yaml", CJ_ERR_RANGE, "797.105"},
	{"tests/data/yaml/negative.yaml", CJ_ERR_RANGE, "金额不能为负数"},
	{"tests/data/yaml/bad-code.yaml", CJ_ERR_SCHEMA, "应为7位"},
	{"tests/data/yaml/no-such-file.yaml", CJ_ERR_IO, "无法打开文件"},
};

TEST(yaml_files)
{
	size_t i;

	for (i = 0; i < sizeof(file_cases) / sizeof(file_cases[0]); i++) {
		struct cj_accounts *a = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		e = cj_yaml_read_file(file_cases[i].path, &a, &d);
		if (e != file_cases[i].err)
			fprintf(stderr, "  %s: %s\n", file_cases[i].path, d.msg);
		CHECK_EQ_INT(e, file_cases[i].err);
		CHECK_CONTAINS(d.msg, file_cases[i].frag);
		if (e) {
			CHECK(a == NULL);
			CHECK_STR(d.file, file_cases[i].path);
			if (e != CJ_ERR_IO)
				CHECK(d.line > 0);
		} else if (a) {
			CHECK_STR(a->unit.name.s, "测试单位");
			CHECK_STR(a->source, file_cases[i].path);
		}
		cj_accounts_free(a);
	}
}

TEST(yaml_file_limits)
{
	char path[] = "/tmp/cj_test_yaml_XXXXXX";
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	FILE *fp;
	int fd;

	/* one byte past the limit, as a sparse file */
	fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	fp = fdopen(fd, "wb");
	CHECK(fp != NULL);
	if (!fp) {
		close(fd);
		unlink(path);
		return;
	}
	fseek(fp, (long)CJ_YAML_MAX_FILE, SEEK_SET);
	fputc('\n', fp);
	fclose(fp);
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_yaml_read_file(path, &a, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "文件过大");
	CHECK_STR(d.file, path);
	CHECK(a == NULL);
	unlink(path);

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_yaml_read_file("tests/data/yaml", &a, &d), CJ_ERR_IO);
	CHECK(a == NULL);
}

/* ==================================================== allocation failure */

static const char rich[] = HEAD
	"  short_name: 简称\n"
	"  functions: [一, 二]\n"
	"  key_work:\n"
	"    - {title: 标题, text: 正文}\n"
	"  authorized:\n"
	"    - {kind: 行政编制, count: 21}\n"
	"income:\n"
	"  this_year: {general_budget: 1104.25, total: 1104.25}\n"
	"  reasons:\n"
	"    - 原因一\n"
	"    - {text: 原因二, amount: 3}\n"
	"  note: 附注\n"
	"general_budget:\n"
	"  items:\n"
	"    - code: 2013101\n"
	"      name: 行政运行\n"
	"      reasons: [甲, {text: 乙}]\n"
	"    - {code: 2013102, name: 一般行政管理事务}\n"
	"performance:\n"
	"  projects:\n"
	"    - name: 项目\n"
	"      indicators:\n"
	"        - {level1: 产出指标, name: 指标}\n"
	"      report: {conclusion: 结论}\n"
	"glossary:\n"
	"  - {term: 名词, text: 解释}\n";

TEST(yaml_oom)
{
	long n;
	int done = 0;

	for (n = 0; n < 10000 && !done; n++) {
		struct cj_accounts *a = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		cj_alloc_fail_after(n);
		e = cj_yaml_read(rich, sizeof(rich) - 1, "oom.yaml", &a, &d);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			done = 1;
			CHECK(n > 20);
			CHECK_EQ_INT(a->general.items.n, 2);
			CHECK_STR(a->perf.projects.v[0].report.conclusion.s, "结论");
		} else {
			if (e != CJ_ERR_NOMEM)
				fprintf(stderr, "  n=%ld: %s\n", n, d.msg);
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
			CHECK(a == NULL);
			CHECK_CONTAINS(d.msg, "内存不足");
		}
		cj_accounts_free(a);
	}
	CHECK(done);
}

/* ============================================================ dataset.md */

TEST(yaml_schema_markdown)
{
	struct cj_buf b;
	const char *md, *start, *end;
	struct cj_accounts *a = NULL;
	struct cj_diag d;

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_schema_markdown(&b), CJ_OK);
	md = cj_buf_str(&b);
	CHECK_CONTAINS(md, "# 数据文件说明");
	CHECK_CONTAINS(md, "| 字段 | 类型 | 说明 | 示例 |");
	CHECK_CONTAINS(md, "| `caijue` | 整数，必填 |");
	CHECK_CONTAINS(md, "`income.this_year.general_budget` | 金额 | 一般公共预算财政拨款收入");
	CHECK_CONTAINS(md, "`general_budget.items[].code` | 编码，必填 |");
	CHECK_CONTAINS(md, "`spending.this_year.closing_balance` | 金额，可为负数");
	CHECK_CONTAINS(md, "`performance.projects[].indicators[].level1`");
	CHECK_CONTAINS(md, "## `glossary[]`：名词解释");
	CHECK_CONTAINS(md, "原因列表的两种写法");
	CHECK_CONTAINS(md, "空缺不等于 0");
	CHECK_CONTAINS(md, "填报数");

	/* the closing example is a valid dataset */
	start = strstr(md, "## 完整示例");
	start = start ? strstr(start, "```yaml\n") : NULL;
	end = start ? strstr(start + 8, "```\n") : NULL;
	CHECK(start && end);
	if (start && end) {
		start += 8;
		cj_diag_init(&d);
		CHECK_EQ_INT(cj_yaml_read(start, (size_t)(end - start), "example", &a, &d), CJ_OK);
		if (!a)
			fprintf(stderr, "  example: line %u: %s\n", d.line, d.msg);
		else
			CHECK_EQ_INT(a->perf.projects.v[0].stated_rate.bp, 9661);
		cj_accounts_free(a);
	}
	cj_buf_release(&b);

	/* every allocation failure surfaces as the sticky error */
	{
		long n;
		enum cj_err e = CJ_ERR_NOMEM;
		for (n = 0; n < 100 && e == CJ_ERR_NOMEM; n++) {
			cj_buf_init(&b, 0);
			cj_alloc_fail_after(n);
			e = cj_schema_markdown(&b);
			cj_alloc_fail_after(-1);
			cj_buf_release(&b);
		}
		CHECK_EQ_INT(e, CJ_OK);
	}
}
