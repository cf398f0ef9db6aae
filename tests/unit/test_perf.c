/*
 * test_perf.c - performance indicators and 项目支出绩效自评 scoring:
 * every form of target and actual the parser reads (and those it keeps
 * qualitative), unit agreement, each scoring rule at its edges, weights
 * and redistribution, grades, and the whole score table of the example
 * dataset (examples/lizhou-2020.yaml), pinned after checking each number
 * by hand.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/money.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/codes.h"
#include "perf/indicator.h"
#include "perf/score.h"
#include "runner.h"

/* ============================================================ parsing */

struct parse_case {
	const char *text;
	int parsed;
	enum cj_dir dir;
	int64_t v;
	int scale;
	const char *unit;
	const char *note; /* when not parsed; NULL: no reason given */
};

static const struct parse_case target_cases[] = {
	{"≥95%", 1, CJ_DIR_GE, 95, 0, "%", NULL},
	{">=95%", 1, CJ_DIR_GE, 95, 0, "%", NULL},
	{"＞＝９５％", 1, CJ_DIR_GE, 95, 0, "%", NULL},
	{"≧95%", 1, CJ_DIR_GE, 95, 0, "%", NULL},
	{"不低于95%", 1, CJ_DIR_GE, 95, 0, "%", NULL},
	{"不少于2次", 1, CJ_DIR_GE, 2, 0, "次", NULL},
	{"95%以上", 1, CJ_DIR_GE, 95, 0, "%", NULL},
	{"2次以上", 1, CJ_DIR_GE, 2, 0, "次", NULL},
	{"满意度达到90分", 1, CJ_DIR_GE, 90, 0, "分", NULL},
	{"控制在2万元以内", 1, CJ_DIR_LE, 2, 0, "万元", NULL},
	{"车辆燃油费控制在2万元", 1, CJ_DIR_LE, 2, 0, "万元", NULL},
	{"≤5万元", 1, CJ_DIR_LE, 5, 0, "万元", NULL},
	{"<=5万元", 1, CJ_DIR_LE, 5, 0, "万元", NULL},
	{"不超过5万元", 1, CJ_DIR_LE, 5, 0, "万元", NULL},
	{"5万元以内", 1, CJ_DIR_LE, 5, 0, "万元", NULL},
	{"100%", 1, CJ_DIR_EQ, 100, 0, "%", NULL},
	{"=100%", 1, CJ_DIR_EQ, 100, 0, "%", NULL},
	{"等于100%", 1, CJ_DIR_EQ, 100, 0, "%", NULL},
	{"全年“0”事故", 1, CJ_DIR_EQ, 0, 0, "事故", NULL},
	{"0事故", 1, CJ_DIR_EQ, 0, 0, "事故", NULL},
	{"零事故", 1, CJ_DIR_EQ, 0, 0, "事故", NULL},
	{"保险费0.4万元", 1, CJ_DIR_EQ, 4, 1, "万元", NULL},
	{"维修费、洗车、过路费3.4万元", 1, CJ_DIR_EQ, 34, 1, "万元", NULL},
	{"宣传《保密法》2次以上", 1, CJ_DIR_GE, 2, 0, "次", NULL},
	{"宣传《2020年保密工作要点》2次以上", 1, CJ_DIR_GE, 2, 0, "次", NULL},
	{"覆盖1,000人以上", 1, CJ_DIR_GE, 1000, 0, "人", NULL},
	{"≥95", 1, CJ_DIR_GE, 95, 0, "", NULL},
	{"5个工作日以内", 1, CJ_DIR_LE, 5, 0, "个工作日", NULL},
	/* qualitative */
	{"按时完成", 0, CJ_DIR_QUAL, 0, 0, "", NULL},
	{"网络畅通", 0, CJ_DIR_QUAL, 0, 0, "", NULL},
	{"保障全区各项重点工作正常开展", 0, CJ_DIR_QUAL, 0, 0, "", NULL},
	{"会议系统1套、显示和音响设备1套、非涉密设备1批", 0, CJ_DIR_QUAL, 0, 0, "", "含多个数量"},
	{"2020年12月底前完成", 0, CJ_DIR_QUAL, 0, 0, "", "含多个数量"},
	{"2020年底前完成", 0, CJ_DIR_QUAL, 0, 0, "", "单位无法识别"},
	{"4G网络全覆盖", 0, CJ_DIR_QUAL, 0, 0, "", "单位无法识别"},
	{"不低于5万元以内", 0, CJ_DIR_QUAL, 0, 0, "", "方向矛盾"},
	{"开展宣传三次", 0, CJ_DIR_QUAL, 0, 0, "", "含中文数字，未读取"},
	{"增长-5%", 0, CJ_DIR_QUAL, 0, 0, "", "负数"},
	{"1234567890123456789次", 0, CJ_DIR_QUAL, 0, 0, "", "数值无法读取"},
	{"", 0, CJ_DIR_QUAL, 0, 0, "", NULL},
	/* a keyword too far from the number, or across punctuation, is ignored */
	{"低于预期的问题，完成5项", 1, CJ_DIR_EQ, 5, 0, "项", NULL},
};

static void check_case(const struct parse_case *c, int (*fn)(const char *, struct cj_target *),
		       int keep_dir)
{
	struct cj_target t;
	int r = fn(c->text, &t);

	if (r != c->parsed)
		printf("  case「%s」\n", c->text);
	CHECK_EQ_INT(r, c->parsed);
	CHECK_EQ_INT(t.parsed, c->parsed);
	CHECK(t.text == c->text);
	if (c->parsed) {
		CHECK_EQ_INT(t.dir, keep_dir ? c->dir : CJ_DIR_EQ);
		CHECK_EQ_INT(t.value.v, c->v);
		CHECK_EQ_INT(t.value.scale, c->scale);
		CHECK_STR(t.unit, c->unit);
		CHECK(t.note == NULL);
	} else {
		CHECK_EQ_INT(t.dir, CJ_DIR_QUAL);
		if (c->note)
			CHECK_STR(t.note, c->note);
		else
			CHECK(t.note == NULL);
	}
}

TEST(perf_parse_target_forms)
{
	size_t i;

	for (i = 0; i < sizeof(target_cases) / sizeof(target_cases[0]); i++)
		check_case(&target_cases[i], cj_indicator_parse_target, 1);
}

static const struct parse_case actual_cases[] = {
	{"车辆燃油费1万元", 1, CJ_DIR_EQ, 1, 0, "万元", NULL},
	{"开展保密法宣传3次", 1, CJ_DIR_EQ, 3, 0, "次", NULL},
	{"保险费0.4万元", 1, CJ_DIR_EQ, 4, 1, "万元", NULL},
	{"维修费、洗车、过路费0.67万元", 1, CJ_DIR_EQ, 67, 2, "万元", NULL},
	{"全年“0”事故", 1, CJ_DIR_EQ, 0, 0, "事故", NULL},
	{"96.5%", 1, CJ_DIR_EQ, 965, 1, "%", NULL},
	{"≥96%", 1, CJ_DIR_EQ, 96, 0, "%", NULL}, /* an actual keeps no direction */
	{"网络畅通", 0, CJ_DIR_QUAL, 0, 0, "", NULL},
	{"完成，无泄露国家秘密事件发生", 0, CJ_DIR_QUAL, 0, 0, "", NULL},
	{"会议系统1套、显示和音响设备1套、非涉密设备1批", 0, CJ_DIR_QUAL, 0, 0, "", "含多个数量"},
};

TEST(perf_parse_actual_forms)
{
	size_t i;

	for (i = 0; i < sizeof(actual_cases) / sizeof(actual_cases[0]); i++)
		check_case(&actual_cases[i], cj_indicator_parse_actual, 0);
}

TEST(perf_parse_absent_and_long)
{
	struct cj_target t;
	char big[CJ_IND_MAX_CHARS + 8];

	CHECK_EQ_INT(cj_indicator_parse_target(NULL, &t), 0);
	CHECK(t.text == NULL);
	CHECK_STR(t.note, "未填写");

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "≥95%", strlen("≥95%"));
	CHECK_EQ_INT(cj_indicator_parse_target(big, &t), 0);
	CHECK_STR(t.note, "文本过长");
	big[CJ_IND_MAX_CHARS + 3] = '\0'; /* "≥" is 3 bytes: one code point too many */
	CHECK_EQ_INT(cj_indicator_parse_target(big, &t), 0);
	CHECK_STR(t.note, "文本过长");
	big[CJ_IND_MAX_CHARS + 2] = '\0'; /* exactly CJ_IND_MAX_CHARS code points */
	CHECK_EQ_INT(cj_indicator_parse_target(big, &t), 1);
	CHECK_EQ_INT(t.dir, CJ_DIR_GE);
}

TEST(perf_parse_bare_number_end)
{
	struct cj_target t;

	/* ends with the number: read; followed by text: unit unknown */
	CHECK_EQ_INT(cj_indicator_parse_target("≥95%aaa", &t), 1);
	CHECK_EQ_INT(cj_indicator_parse_target("≥95，达标", &t), 1);
	CHECK_STR(t.unit, "");
	CHECK_EQ_INT(cj_indicator_parse_target("≥95以上", &t), 1);
	CHECK_EQ_INT(t.dir, CJ_DIR_GE);
	CHECK_EQ_INT(cj_indicator_parse_target("≥95达标", &t), 0);
}

TEST(perf_explain_reading)
{
	struct cj_target t, a;
	struct cj_buf b;
	char f[64];

	cj_indicator_parse_target("车辆燃油费控制在2万元", &t);
	cj_indicator_parse_actual("车辆燃油费1万元", &a);
	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_indicator_explain(&t, &a, &b), CJ_OK);
	CHECK_STR(cj_buf_str(&b),
		  "预期「车辆燃油费控制在2万元」→ ≤ 2 万元；实际「车辆燃油费1万元」→ 1 万元");
	cj_buf_release(&b);

	cj_indicator_parse_target("会议系统1套、显示和音响设备1套、非涉密设备1批", &t);
	cj_indicator_parse_actual(NULL, &a);
	cj_buf_init(&b, 0);
	cj_indicator_explain(&t, &a, &b);
	CHECK_STR(cj_buf_str(&b), "预期「会议系统1套、显示和音响设备1套、非涉密设备1批」→ "
				  "定性（含多个数量）；实际（未填写）→ 定性（未填写）");
	cj_buf_release(&b);

	cj_indicator_parse_target("≥95%", &t);
	CHECK_EQ_INT(cj_target_format(&t, f, sizeof(f)), strlen("≥ 95%"));
	CHECK_STR(f, "≥ 95%");
	cj_indicator_parse_target("网络畅通", &t);
	cj_target_format(&t, f, sizeof(f));
	CHECK_STR(f, "定性");
	/* a small buffer is cut on a character */
	cj_indicator_parse_target("≤5万元", &t);
	CHECK_EQ_INT(cj_target_format(&t, f, 9), 6);
	CHECK_STR(f, "≤ 5 ");
}

TEST(perf_level1)
{
	CHECK_EQ_INT(cj_indicator_level1("产出指标"), CJ_L1_OUTPUT);
	CHECK_EQ_INT(cj_indicator_level1("项目完成指标"), CJ_L1_OUTPUT);
	CHECK_EQ_INT(cj_indicator_level1("效益指标"), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level1("效益\n\n指标"), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level1(" 效 益 指 标 "), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level1("满意度指标"), CJ_L1_SATISFACTION);
	CHECK_EQ_INT(cj_indicator_level1("服务对象满意度\n指标"), CJ_L1_SATISFACTION);
	CHECK_EQ_INT(cj_indicator_level1("其他"), CJ_L1_UNKNOWN);
	CHECK_EQ_INT(cj_indicator_level1(""), CJ_L1_UNKNOWN);
	CHECK_EQ_INT(cj_indicator_level1(NULL), CJ_L1_UNKNOWN);
	CHECK_EQ_INT(cj_indicator_level1_of_level2("数量指标"), CJ_L1_OUTPUT);
	CHECK_EQ_INT(cj_indicator_level1_of_level2("时效指标"), CJ_L1_OUTPUT);
	CHECK_EQ_INT(cj_indicator_level1_of_level2("社会效益指标"), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level1_of_level2("可持续影响\n\n指标"), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level1_of_level2("服务对象满意度指标"), CJ_L1_SATISFACTION);
	CHECK_STR(cj_level1_name(CJ_L1_OUTPUT), "产出指标");
}

/* ====================================================== unit agreement */

TEST(perf_units_agree)
{
	struct cj_target t, a;
	int64_t ft, fa, s;

	cj_indicator_parse_target("≤2万元", &t);
	cj_indicator_parse_actual("15000元", &a);
	CHECK_EQ_INT(cj_indicator_units_agree(&t, &a, &ft, &fa), 1);
	CHECK_EQ_INT(ft, 10000);
	CHECK_EQ_INT(fa, 1);
	/* 15000 元 = 1.5 万元 ≤ 2 万元: full marks */
	CHECK_EQ_INT(cj_score_quant(&t, &a, 1000, 1, &s, NULL, NULL), 1);
	CHECK_EQ_INT(s, 1000);
	cj_indicator_parse_actual("30000元", &a); /* 3 万元: method 1 -> W × (4 − 3) / 2 */
	CHECK_EQ_INT(cj_score_quant(&t, &a, 1000, 1, &s, NULL, NULL), 1);
	CHECK_EQ_INT(s, 500);

	cj_indicator_parse_target("≥2次", &t);
	cj_indicator_parse_actual("3个", &a);
	CHECK_EQ_INT(cj_indicator_units_agree(&t, &a, &ft, &fa), 0);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 1000, 1, &s, NULL, NULL), 0);

	cj_indicator_parse_actual("3", &a); /* unit on one side only */
	CHECK_EQ_INT(cj_indicator_units_agree(&t, &a, &ft, &fa), 0);

	cj_indicator_parse_target("≤2小时", &t);
	cj_indicator_parse_actual("90分钟", &a);
	CHECK_EQ_INT(cj_indicator_units_agree(&t, &a, &ft, &fa), 1);
	CHECK_EQ_INT(ft, 60);
	cj_indicator_parse_target("≥5km", &t);
	cj_indicator_parse_actual("5公里", &a);
	CHECK_EQ_INT(cj_indicator_units_agree(&t, &a, &ft, &fa), 1);
	cj_indicator_parse_actual("4000米", &a);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 1000, 1, &s, NULL, NULL), 1);
	CHECK_EQ_INT(s, 800);
}

/* ======================================================= scoring rules */

/* Score a target text against an actual text with weight w (hundredths). */
static int64_t sq(const char *target, const char *actual, int64_t w, int method)
{
	struct cj_target t, a;
	int64_t s = -1;

	cj_indicator_parse_target(target, &t);
	cj_indicator_parse_actual(actual, &a);
	if (!cj_score_quant(&t, &a, w, method, &s, NULL, NULL))
		return -1;
	return s;
}

TEST(perf_score_forward)
{
	CHECK_EQ_INT(sq("≥95%", "95%", 2000, 1), 2000);   /* exactly at target */
	CHECK_EQ_INT(sq("≥95%", "100%", 2000, 1), 2000);
	CHECK_EQ_INT(sq("≥95%", "94.99%", 2000, 1), 2000); /* 2000 × 94.99 / 95 = 1999.79 */
	CHECK_EQ_INT(sq("≥95%", "94.99%", 1000, 1), 1000); /* 999.89 */
	CHECK_EQ_INT(sq("≥95%", "90%", 1000, 1), 947);     /* 947.37 */
	CHECK_EQ_INT(sq("≥100%", "50%", 2000, 1), 1000);
	CHECK_EQ_INT(sq("≥3次", "0次", 2000, 1), 0);
	CHECK_EQ_INT(sq("≥3次", "1次", 1000, 1), 333);   /* 333.33 */
	CHECK_EQ_INT(sq("≥3次", "2次", 1000, 1), 667);   /* 666.67 */
	CHECK_EQ_INT(sq("≥0次", "0次", 1000, 1), 1000);
	/* 等于 with T > 0 is 正向 */
	CHECK_EQ_INT(sq("100%", "100%", 1500, 1), 1500);
	CHECK_EQ_INT(sq("100%", "120%", 1500, 1), 1500);
	CHECK_EQ_INT(sq("100%", "90%", 1500, 1), 1350);
	CHECK_EQ_INT(sq("维修费、洗车、过路费3.4万元", "维修费、洗车、过路费0.67万元", 1875, 1), 369);
}

TEST(perf_score_met_is_the_comparison)
{
	struct cj_target t, a;
	int64_t s;
	int met = 7;

	cj_indicator_parse_target("≥95%", &t);
	cj_indicator_parse_actual("94.99%", &a);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 2000, 1, &s, &met, NULL), 1);
	CHECK_EQ_INT(s, 2000); /* rounds up to W ... */
	CHECK_EQ_INT(met, 0);  /* ... but the target was not reached */
	cj_indicator_parse_actual("95%", &a);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 2000, 1, &s, &met, NULL), 1);
	CHECK_EQ_INT(met, 1);
}

TEST(perf_score_equal_zero)
{
	CHECK_EQ_INT(sq("0事故", "0事故", 1000, 1), 1000);
	CHECK_EQ_INT(sq("零事故", "全年“0”事故", 1000, 1), 1000);
	CHECK_EQ_INT(sq("0事故", "1事故", 1000, 1), 0);
	CHECK_EQ_INT(sq("=0%", "0.01%", 1000, 1), 0);
}

TEST(perf_score_reverse_method1)
{
	CHECK_EQ_INT(sq("≤2万元", "2万元", 1000, 1), 1000);     /* at target */
	CHECK_EQ_INT(sq("≤2万元", "1万元", 1000, 1), 1000);
	CHECK_EQ_INT(sq("≤2万元", "3万元", 1000, 1), 500);      /* midway */
	CHECK_EQ_INT(sq("≤2万元", "4万元", 1000, 1), 0);        /* twice the target */
	CHECK_EQ_INT(sq("≤2万元", "5万元", 1000, 1), 0);
	CHECK_EQ_INT(sq("≤2万元", "3.99万元", 1000, 1), 5);     /* 1000 × 0.01 / 2 = 5 */
	CHECK_EQ_INT(sq("≤2万元", "3.999万元", 1000, 1), 1);    /* 0.5 -> 1 (half up) */
	CHECK_EQ_INT(sq("≤2万元", "3.9999万元", 1000, 1), 0);   /* 0.05 -> 0 */
	CHECK_EQ_INT(sq("≤0万元", "0万元", 1000, 1), 1000);
	CHECK_EQ_INT(sq("≤0万元", "0.01万元", 1000, 1), 0);
	/* an unknown method means method 1 */
	CHECK_EQ_INT(sq("≤2万元", "3万元", 1000, 7), 500);
}

TEST(perf_score_reverse_method2)
{
	CHECK_EQ_INT(sq("≤2万元", "2万元", 1000, 2), 1000);
	CHECK_EQ_INT(sq("≤2万元", "4万元", 1000, 2), 500);  /* W × T / a */
	CHECK_EQ_INT(sq("≤2万元", "3万元", 1000, 2), 667);  /* 666.67 */
	CHECK_EQ_INT(sq("≤2万元", "8万元", 1000, 2), 250);
	CHECK_EQ_INT(sq("≤0万元", "1万元", 1000, 2), 0);
}

TEST(perf_score_explain_rules)
{
	struct cj_target t, a;
	struct cj_buf b;
	int64_t s;

	cj_buf_init(&b, 0);
	cj_indicator_parse_target("≤2万元", &t);
	cj_indicator_parse_actual("3万元", &a);
	cj_score_quant(&t, &a, 1000, 1, &s, NULL, &b);
	CHECK_STR(cj_buf_str(&b), "反向（方法1）：目标 2 万元 < 实际 3 万元 < 2 × 目标，"
				  "得分 = 10.00 × (1 − (3 万元 − 2 万元) / 2 万元) = 5.00");
	cj_buf_reset(&b);
	cj_indicator_parse_actual("4万元", &a);
	cj_score_quant(&t, &a, 1000, 1, &s, NULL, &b);
	CHECK_STR(cj_buf_str(&b), "反向（方法1）：实际 4 万元 ≥ 2 × 目标 2 万元，得 0 分");
	cj_buf_reset(&b);
	cj_score_quant(&t, &a, 1000, 2, &s, NULL, &b);
	CHECK_STR(cj_buf_str(&b), "反向（方法2）：实际 4 万元 > 目标 2 万元，"
				  "得分 = 10.00 × 2 万元 / 4 万元 = 5.00");
	cj_buf_reset(&b);
	cj_indicator_parse_target("0事故", &t);
	cj_indicator_parse_actual("1事故", &a);
	cj_score_quant(&t, &a, 1000, 1, &s, NULL, &b);
	CHECK_STR(cj_buf_str(&b), "等于0：实际 1 事故 > 0，得 0 分");
	cj_buf_reset(&b);
	cj_indicator_parse_target("≥95%", &t);
	cj_indicator_parse_actual("95%", &a);
	cj_score_quant(&t, &a, 1000, 1, &s, NULL, &b);
	CHECK_STR(cj_buf_str(&b), "正向：实际 95% ≥ 目标 95%，得满分 10.00");
	cj_buf_release(&b);
}

TEST(perf_score_quant_refuses)
{
	struct cj_target t, a;
	int64_t s = 7;

	cj_indicator_parse_target("网络畅通", &t);
	cj_indicator_parse_actual("网络畅通", &a);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 1000, 1, &s, NULL, NULL), 0);
	CHECK_EQ_INT(s, 7);
	cj_indicator_parse_target("≥1次", &t);
	cj_indicator_parse_actual("1次", &a);
	CHECK_EQ_INT(cj_score_quant(&t, &a, -1, 1, &s, NULL, NULL), 0);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 100001, 1, &s, NULL, NULL), 0);
	/* largest values: no overflow */
	cj_indicator_parse_target("≥999999999999.999999亿元", &t);
	cj_indicator_parse_actual("999999999999.999998亿元", &a);
	CHECK_EQ_INT(cj_score_quant(&t, &a, 100000, 1, &s, NULL, NULL), 1);
	CHECK_EQ_INT(s, 100000);
}

TEST(perf_score_qualitative)
{
	const char *m;

	CHECK_EQ_INT(cj_score_qual_derive("网络畅通", &m), CJ_QUAL_MET);
	CHECK(m == NULL);
	CHECK_EQ_INT(cj_score_qual_derive("完成，无泄露国家秘密事件发生", &m), CJ_QUAL_MET);
	CHECK_EQ_INT(cj_score_qual_derive("宣传任务未完成", &m), CJ_QUAL_PARTIAL);
	CHECK_STR(m, "未完成");
	CHECK_EQ_INT(cj_score_qual_derive("进度滞后", &m), CJ_QUAL_PARTIAL);
	CHECK_STR(m, "滞后");
	CHECK_EQ_INT(cj_score_qual_derive(NULL, &m), CJ_QUAL_UNMET);
	CHECK_EQ_INT(cj_score_qual_derive(" \n", &m), CJ_QUAL_UNMET);

	CHECK_EQ_INT(cj_score_qual(CJ_QUAL_MET, 1875), 1875);
	CHECK_EQ_INT(cj_score_qual(CJ_QUAL_PARTIAL, 1875), 1313); /* 1312.5 -> 1313 */
	CHECK_EQ_INT(cj_score_qual(CJ_QUAL_UNMET, 1875), 750);
	CHECK_EQ_INT(cj_score_qual(CJ_QUAL_MET, 0), 0);

	/* bands with W = 100.00 points */
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_MET, 10000, 10000), 1);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_MET, 8000, 10000), 1);  /* 80.00% */
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_MET, 7999, 10000), 0);  /* 79.99% */
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_PARTIAL, 7999, 10000), 1);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_PARTIAL, 8000, 10000), 0);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_PARTIAL, 6000, 10000), 1);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_PARTIAL, 5999, 10000), 0);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_UNMET, 5999, 10000), 1);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_UNMET, 6000, 10000), 0);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_UNMET, 0, 10000), 1);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_MET, 10001, 10000), 0);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_UNMET, -1, 10000), 0);
	/* with W = 18.75: 80% is 15.00 */
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_MET, 1500, 1875), 1);
	CHECK_EQ_INT(cj_score_qual_in_band(CJ_QUAL_MET, 1499, 1875), 0);
	CHECK_STR(cj_score_qual_name(CJ_QUAL_PARTIAL), "部分达成");
}

TEST(perf_score_exec_line)
{
	CHECK_EQ_INT(cj_score_exec(10000), 1000); /* 100% -> 10.00 */
	CHECK_EQ_INT(cj_score_exec(3450), 345);   /* 34.50% -> 3.45 */
	CHECK_EQ_INT(cj_score_exec(9661), 966);   /* 96.61% -> 9.66 */
	CHECK_EQ_INT(cj_score_exec(9665), 967);   /* 966.5 -> 967, half up */
	CHECK_EQ_INT(cj_score_exec(12000), 1000); /* capped */
	CHECK_EQ_INT(cj_score_exec(0), 0);
	CHECK_EQ_INT(cj_score_exec(-5), 0);
}

TEST(perf_grades)
{
	CHECK_STR(cj_score_grade(10000), "优");
	CHECK_STR(cj_score_grade(9000), "优");
	CHECK_STR(cj_score_grade(8999), "良");
	CHECK_STR(cj_score_grade(8000), "良");
	CHECK_STR(cj_score_grade(7999), "中");
	CHECK_STR(cj_score_grade(6000), "中");
	CHECK_STR(cj_score_grade(5999), "差");
	CHECK_STR(cj_score_grade(0), "差");
}

/* ===================================================== project scoring */

/* A project built in memory; texts are borrowed string literals. */
struct tproj {
	struct cj_project p;
	struct cj_indicator ind[8];
	struct cj_proj_fig pf;
};

static void tproj_init(struct tproj *t, int64_t budget_fen, int64_t exec_fen)
{
	memset(t, 0, sizeof(*t));
	t->p.name.s = (char *)"测试项目";
	t->p.indicators.v = t->ind;
	t->pf.budget.fen = budget_fen;
	t->pf.budget.known = 1;
	t->pf.exec.fen = exec_fen;
	t->pf.exec.known = 1;
	t->pf.rate = cj_calc_ratio(t->pf.exec, t->pf.budget);
}

static void tproj_add(struct tproj *t, const char *l1, const char *expected, const char *actual,
		      int64_t weight_c)
{
	struct cj_indicator *ind = &t->ind[t->p.indicators.n++];

	ind->level1.s = (char *)l1;
	ind->name.s = (char *)expected;
	ind->expected.s = (char *)expected;
	ind->actual.s = (char *)actual;
	if (weight_c >= 0) {
		ind->weight.bp = weight_c;
		ind->weight.set = 1;
	}
}

TEST(perf_project_default_weights)
{
	struct tproj t;
	struct cj_proj_score s;

	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≥2次", "2次", -1);
	tproj_add(&t, "产出指标", "≥2次", "1次", -1);
	tproj_add(&t, "产出指标", "按时完成", "按时完成", -1);
	tproj_add(&t, "效益指标", "效果明显", "效果明显", -1);
	tproj_add(&t, "满意度指标", "≥90%", "95%", -1);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.level_c[CJ_L1_OUTPUT], 5000);
	CHECK_EQ_INT(s.level_c[CJ_L1_EFFECT], 3000);
	CHECK_EQ_INT(s.level_c[CJ_L1_SATISFACTION], 1000);
	/* 50 / 3: 16.67, 16.67, 16.66 */
	CHECK_EQ_INT(s.ind[0].weight_c, 1667);
	CHECK_EQ_INT(s.ind[1].weight_c, 1667);
	CHECK_EQ_INT(s.ind[2].weight_c, 1666);
	CHECK_EQ_INT(s.ind[1].score_c, 834); /* 1667 / 2 = 833.5 -> 834 */
	CHECK_EQ_INT(s.ind[1].met, 0);
	CHECK_EQ_INT(s.ind[3].weight_c, 3000);
	CHECK_EQ_INT(s.ind[4].weight_c, 1000);
	CHECK_EQ_INT(s.weight_total_c, 10000);
	CHECK_EQ_INT(s.total_c, 1000 + 1667 + 834 + 1666 + 3000 + 1000);
	CHECK_STR(s.grade, "优");
	CHECK_EQ_INT(s.nwarn, 0);
	CHECK_EQ_INT(s.ndev, 1);
	CHECK_EQ_INT(s.dev[0].kind, CJ_DEV_INDICATOR);
	CHECK_EQ_INT(s.dev[0].index, 1);
	CHECK(s.dev[0].reason == NULL);
	CHECK_STR(s.dev[0].field, "deviation");
	cj_proj_score_release(&s);
	CHECK(s.ind == NULL);
	cj_proj_score_release(&s); /* twice is fine */
}

TEST(perf_project_no_satisfaction)
{
	struct tproj t;
	struct cj_proj_score s;

	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "按时完成", "按时完成", -1);
	tproj_add(&t, "效益指标", "效果明显", "效果明显", -1);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.level_c[CJ_L1_OUTPUT], 5625);
	CHECK_EQ_INT(s.level_c[CJ_L1_EFFECT], 3375);
	CHECK_EQ_INT(s.level_c[CJ_L1_SATISFACTION], 0);
	CHECK_EQ_INT(s.total_c, 10000);
	CHECK_CONTAINS(s.notes, "未设满意度指标，其 10.00 分按默认分值比例（产出50:效益30）并入："
				"产出指标 56.25 分、效益指标 33.75 分");
	cj_proj_score_release(&s);

	/* only 产出: everything goes there */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "项目完成指标", "网络畅通", "网络畅通", -1);
	tproj_add(&t, "项目完成指标", "完成涉密文件传输", "涉密文件传输正常", -1);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.level_c[CJ_L1_OUTPUT], 9000);
	CHECK_EQ_INT(s.ind[0].weight_c, 4500);
	CHECK_CONTAINS(s.notes, "未设效益指标、满意度指标，其 40.00 分");
	cj_proj_score_release(&s);

	/* 产出 and 满意度: 50:10 */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "网络畅通", "网络畅通", -1);
	tproj_add(&t, "满意度指标", "≥90%", "95%", -1);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.level_c[CJ_L1_OUTPUT], 7500);
	CHECK_EQ_INT(s.level_c[CJ_L1_SATISFACTION], 1500);
	cj_proj_score_release(&s);
}

TEST(perf_project_weights_override)
{
	struct tproj t;
	struct cj_proj_score s;

	/* one weight given: the level's rest goes to the others */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≥2次", "2次", 3000);
	tproj_add(&t, "产出指标", "按时完成", "按时完成", -1);
	tproj_add(&t, "产出指标", "按时完成", "按时完成", -1);
	tproj_add(&t, "效益指标", "效果明显", "效果明显", -1);
	tproj_add(&t, "满意度指标", "≥90%", "95%", -1);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].weight_c, 3000);
	CHECK_EQ_INT(s.ind[0].weight_given, 1);
	CHECK_EQ_INT(s.ind[1].weight_c, 1000);
	CHECK_EQ_INT(s.ind[2].weight_c, 1000);
	CHECK_EQ_INT(s.weight_total_c, 10000);
	CHECK_EQ_INT(s.nwarn, 0);
	CHECK_CONTAINS(s.notes, "部分指标分值取自数据集");
	cj_proj_score_release(&s);

	/* all given and they do not make 100: a warning, scores as given */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≥2次", "2次", 6000);
	tproj_add(&t, "效益指标", "效果明显", "效果明显", 2000);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.weight_total_c, 9000);
	CHECK_EQ_INT(s.total_c, 9000);
	CHECK_EQ_INT(s.nwarn, 1);
	if (s.nwarn)
		CHECK_CONTAINS(s.warn[0], "分值合计 90.00 分（含预算执行率 10 分），应为 100 分");
	cj_proj_score_release(&s);

	/* all given, departments' own split 60/30 without 满意度: no warning */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≥2次", "2次", 6000);
	tproj_add(&t, "效益指标", "效果明显", "效果明显", 3000);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.nwarn, 0);
	CHECK_EQ_INT(s.total_c, 10000);
	cj_proj_score_release(&s);

	/* given weights exceed the level: the others get 0, with a warning */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≥2次", "2次", 6000);
	tproj_add(&t, "产出指标", "按时完成", "按时完成", -1);
	tproj_add(&t, "效益指标", "效果明显", "效果明显", -1);
	tproj_add(&t, "满意度指标", "≥90%", "95%", -1);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[1].weight_c, 0);
	CHECK_EQ_INT(s.nwarn, 2);
	cj_proj_score_release(&s);

	/* a weight out of range is not used */
	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≥2次", "2次", 12000);
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].weight_given, 0);
	CHECK_EQ_INT(s.ind[0].weight_c, 9000);
	CHECK_EQ_INT(s.nwarn, 1);
	cj_proj_score_release(&s);
}

TEST(perf_project_mismatch_and_deviation)
{
	struct tproj t;
	struct cj_proj_score s;

	tproj_init(&t, 600, 207); /* 34.50% */
	tproj_add(&t, "产出指标", "≥2次", "3个", -1);        /* units disagree */
	tproj_add(&t, "产出指标", "≥95%", "基本完成", -1);   /* actual not a quantity */
	tproj_add(&t, "效益指标", "效果明显", "效果不足", -1); /* 部分达成 */
	tproj_add(&t, "其他", "效果明显", NULL, -1);          /* unknown level, no actual */
	t.ind[2].deviation.s = (char *)"宣传经费不足";
	t.p.issues.s = (char *)"车辆停用";
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.exec_rate_bp, 3450);
	CHECK_EQ_INT(s.exec_score_c, 345);
	CHECK_EQ_INT(s.ind[0].unit_mismatch, 1);
	CHECK_EQ_INT(s.ind[0].qualitative, 1);
	CHECK_EQ_INT(s.ind[0].weight_c, 2813);
	CHECK_EQ_INT(s.ind[0].score_c, 2813);
	CHECK_CONTAINS(s.ind[0].explain, "单位不一致（预期「次」、实际「个」），按定性评分");
	CHECK_EQ_INT(s.ind[1].qualitative, 1);
	CHECK_CONTAINS(s.ind[1].explain, "实际完成值未读出数量");
	CHECK_EQ_INT(s.ind[2].outcome, CJ_QUAL_PARTIAL);
	CHECK_EQ_INT(s.ind[2].score_c, 2363); /* 70% × 33.75 = 23.625 -> 23.63 */
	CHECK_CONTAINS(s.ind[2].explain, "含「不足」，判为部分达成（需人工确认）");
	CHECK_EQ_INT(s.ind[3].level, CJ_L1_UNKNOWN);
	CHECK_EQ_INT(s.ind[3].weight_c, 0);
	CHECK_EQ_INT(s.ind[3].outcome, CJ_QUAL_UNMET);
	/* warnings: mismatch, not a quantity, unknown level */
	CHECK_EQ_INT(s.nwarn, 3);
	/* the execution line, the 部分达成 one, and the one without an actual
	 * (未达成 even with weight 0) */
	CHECK_EQ_INT(s.ndev, 3);
	if (s.ndev == 3) {
		CHECK_EQ_INT(s.dev[0].kind, CJ_DEV_EXEC);
		CHECK_STR(s.dev[0].reason, "车辆停用");
		CHECK_STR(s.dev[0].field, "issues");
		CHECK_EQ_INT(s.dev[1].index, 2);
		CHECK_STR(s.dev[1].reason, "宣传经费不足");
		CHECK_EQ_INT(s.dev[2].index, 3);
		CHECK(s.dev[2].reason == NULL);
	}
	cj_proj_score_release(&s);

	/* level taken from level2 when level1 is not recognised */
	tproj_init(&t, 0, 0); /* rate unknown */
	tproj_add(&t, "其他", "按时完成", "按时完成", -1);
	t.ind[0].level2.s = (char *)"社会效益指标";
	t.p.reverse_method.n = 3;
	t.p.reverse_method.set = 1;
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].level, CJ_L1_EFFECT);
	CHECK_EQ_INT(s.ind[0].level_from_level2, 1);
	CHECK_EQ_INT(s.rate_known, 0);
	CHECK_EQ_INT(s.exec_score_c, 0);
	CHECK_EQ_INT(s.total_c, 9000);
	CHECK_EQ_INT(s.reverse_method, 1);
	CHECK_EQ_INT(s.nwarn, 2); /* rate unknown, reverse_method 3 */
	CHECK_CONTAINS(s.ind[0].explain, "一级指标按二级指标「社会效益指标」归入效益指标");
	cj_proj_score_release(&s);

	CHECK_EQ_INT(cj_score_project(NULL, &t.pf, &s, NULL), CJ_ERR_USAGE);
}

TEST(perf_project_reverse_method2)
{
	struct tproj t;
	struct cj_proj_score s;

	tproj_init(&t, 100, 100);
	tproj_add(&t, "产出指标", "≤2万元", "4万元", -1);
	t.p.reverse_method.n = 2;
	t.p.reverse_method.set = 1;
	CHECK_EQ_INT(cj_score_project(&t.p, &t.pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.reverse_method, 2);
	CHECK_EQ_INT(s.ind[0].score_c, 4500);
	CHECK_CONTAINS(s.notes, "方法2");
	cj_proj_score_release(&s);
}

TEST(perf_project_alloc_failures)
{
	struct tproj t;
	struct cj_proj_score s;
	long n;
	int ok = 0;

	tproj_init(&t, 600, 207);
	tproj_add(&t, "产出指标", "≥2次", "3个", -1);
	tproj_add(&t, "效益指标", "效果明显", "效果不足", -1);
	for (n = 0; n < 200 && !ok; n++) {
		enum cj_err e;
		cj_alloc_fail_after(n);
		e = cj_score_project(&t.p, &t.pf, &s, NULL);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			ok = 1;
			CHECK_EQ_INT(s.nind, 2);
			cj_proj_score_release(&s);
		} else {
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
			CHECK(s.ind == NULL && s.warn == NULL && s.notes == NULL);
		}
	}
	CHECK(ok);
}

/* ================================================== the example dataset */

struct want_ind {
	int64_t weight_c, score_c;
	int qualitative;
};

struct want_proj {
	int64_t rate_bp, exec_c;
	size_t nind;
	struct want_ind ind[4];
	int64_t total_c;
	const char *grade;
	size_t ndev;
};

/*
 * Checked by hand (see the final report of issue 5 part 1):
 *  1 联系重点工作经费: 5/5 = 100% -> 10.00; no 满意度: 产出 56.25, 效益 33.75;
 *    both qualitative, actual present, no negative marker -> 达成 -> full.
 *  2 公务车运行维护: 2.07/6 = 34.50% -> 3.45; 产出 56.25 / 3 = 18.75 each;
 *    燃油 ≤ 2 万元, 1 -> 18.75; 维修 = 3.4 万元 (no direction word) -> 正向,
 *    18.75 × 0.67 / 3.4 = 3.6948 -> 3.69; 保险 = 0.4, 0.4 -> 18.75;
 *    车辆安全运行 qualitative target -> 达成 33.75.  Total 78.39, 中.
 *  3 电子政务内网光纤: 100% -> 10.00; only 产出: 90 / 2 = 45.00 each, 达成.
 *  4 保密专项: 100% -> 10.00; 产出 56.25 / 2 = 28.13 + 28.12; ≥ 2 次, 3 次
 *    -> 28.13; 不泄露 qualitative -> 28.12; 效益 33.75 达成.
 *  5 高清视频会议系统: 55.60/57.55 = 96.61% -> 9.66; 56.25 + 33.75, both
 *    qualitative (the 效益 actual has three quantities).  Total 99.66.
 */
static const struct want_proj want[5] = {
	{10000, 1000, 2, {{5625, 5625, 1}, {3375, 3375, 1}}, 10000, "优", 0},
	{3450, 345, 4,
	 {{1875, 1875, 0}, {1875, 369, 0}, {1875, 1875, 0}, {3375, 3375, 1}}, 7839, "中", 2},
	{10000, 1000, 2, {{4500, 4500, 1}, {4500, 4500, 1}}, 10000, "优", 0},
	{10000, 1000, 3, {{2813, 2813, 0}, {2812, 2812, 1}, {3375, 3375, 1}}, 10000, "优", 0},
	{9661, 966, 2, {{5625, 5625, 1}, {3375, 3375, 1}}, 9966, "优", 0},
};

TEST(perf_example_lizhou)
{
	struct cj_accounts *a = NULL;
	struct cj_codes *codes = NULL;
	struct cj_figures *f = NULL;
	struct cj_diag d;
	size_t i, k;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_yaml_read_file(CJ_TEST_ROOT "/examples/lizhou-2020.yaml", &a, &d), CJ_OK);
	CHECK_EQ_INT(cj_codes_default(&codes, &d), CJ_OK);
	if (!a || !codes)
		goto out;
	CHECK_EQ_INT(cj_calc(a, codes, &f, &d), CJ_OK);
	if (!f)
		goto out;
	CHECK_EQ_INT(a->perf.projects.n, 5);
	CHECK_EQ_INT(f->nproj, 5);
	for (i = 0; i < 5 && i < a->perf.projects.n; i++) {
		struct cj_proj_score s;
		const struct want_proj *w = &want[i];

		CHECK_EQ_INT(cj_score_project(&a->perf.projects.v[i], &f->proj[i], &s, &d), CJ_OK);
		CHECK_EQ_INT(s.exec_rate_bp, w->rate_bp);
		CHECK_EQ_INT(s.exec_score_c, w->exec_c);
		CHECK_EQ_INT(s.nind, w->nind);
		for (k = 0; k < s.nind && k < w->nind; k++) {
			CHECK_EQ_INT(s.ind[k].weight_c, w->ind[k].weight_c);
			CHECK_EQ_INT(s.ind[k].score_c, w->ind[k].score_c);
			CHECK_EQ_INT(s.ind[k].qualitative, w->ind[k].qualitative);
		}
		CHECK_EQ_INT(s.weight_total_c, 10000);
		CHECK_EQ_INT(s.total_c, w->total_c);
		CHECK_STR(s.grade, w->grade);
		CHECK_EQ_INT(s.nwarn, 0);
		CHECK_EQ_INT(s.ndev, w->ndev);
		if (i == 1 && s.ndev == 2) {
			/* 34.50% < 90%: reason given; 维修费 not met: no reason */
			CHECK_EQ_INT(s.dev[0].kind, CJ_DEV_EXEC);
			CHECK_CONTAINS(s.dev[0].reason, "1-7月停用");
			CHECK_STR(s.dev[0].field, "report.low_rate_reason");
			CHECK_EQ_INT(s.dev[1].kind, CJ_DEV_INDICATOR);
			CHECK_EQ_INT(s.dev[1].index, 1);
			CHECK(s.dev[1].reason == NULL);
			CHECK_STR(s.ind[0].explain,
				  "预期「车辆燃油费控制在2万元」→ ≤ 2 万元；实际「车辆燃油费1万元」→ 1 万元；"
				  "反向（方法1）：实际 1 万元 ≤ 目标 2 万元，得满分 18.75");
			CHECK_STR(s.ind[1].explain,
				  "预期「维修费、洗车、过路费3.4万元」→ = 3.4 万元；"
				  "实际「维修费、洗车、过路费0.67万元」→ 0.67 万元；"
				  "等于（目标大于0，按正向）：实际 0.67 万元 < 目标 3.4 万元，"
				  "得分 = 18.75 × 0.67 万元 / 3.4 万元 = 3.69");
			CHECK_CONTAINS(s.ind[3].explain, "实际「全年“0”事故」→ 0 事故；定性");
			CHECK_CONTAINS(s.notes, "预算执行率 34.50%（执行 2.07 万元 / 预算 6.00 万元）："
						"得分 = min(10, 10 × 34.50%) = 3.45");
			CHECK_CONTAINS(s.notes, "总分 78.39，等级 中");
		}
		if (i == 3 && s.nind == 3)
			CHECK_CONTAINS(s.ind[0].explain, "→ ≥ 2 次；实际「开展保密法宣传3次」→ 3 次；"
							 "正向：实际 3 次 ≥ 目标 2 次，得满分 28.13");
		if (i == 4 && s.nind == 2)
			CHECK_CONTAINS(s.ind[1].explain, "→ 定性（含多个数量）");
		cj_proj_score_release(&s);
	}
out:
	cj_figures_free(f);
	cj_codes_free(codes);
	cj_accounts_free(a);
}
