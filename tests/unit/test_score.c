/*
 * test_score.c - 绩效 beyond the scoring rules of test_perf.c: quantities
 * in prose (PERF-TEXT-TABLE's reader), the form columns of a 自评表
 * (指标性质, 度量单位, 完成程度, 得分), the PERF-* rules on small datasets
 * (tests/data/yaml/perf-*.yaml) and on the example, the public score API
 * (cj_dataset_score) with the whole score table of the example pinned, and
 * the 绩效 parts of the report (项目支出绩效自评表, 部门整体支出绩效自评).
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/codes.h"
#include "perf/indicator.h"
#include "perf/score.h"
#include "report/doc.h"
#include "report/report.h"
#include "rules/rules.h"
#include "runner.h"

#define EXAMPLE CJ_TEST_ROOT "/examples/lizhou-2020.yaml"
#define SANCI CJ_TEST_ROOT "/tests/data/yaml/lizhou-2020-sanci.yaml"
#define DATA(name) CJ_TEST_ROOT "/tests/data/yaml/" name

/* ===================================================== quantities */

static void check_qty(const char *text, const struct cj_quantity *q, int64_t v, int scale,
		      const char *unit, enum cj_dir dir, const char *subject, const char *whole)
{
	char sub[256], all[256];

	CHECK_EQ_INT(q->q.parsed, 1);
	CHECK_EQ_INT(q->q.value.v, v);
	CHECK_EQ_INT(q->q.value.scale, scale);
	CHECK_STR(q->q.unit, unit);
	CHECK_EQ_INT(q->q.dir, dir);
	CHECK_EQ_INT(q->q.dir_stated, dir != CJ_DIR_EQ);
	snprintf(sub, sizeof(sub), "%.*s", (int)q->subj_len, text + q->subj_off);
	snprintf(all, sizeof(all), "%.*s", (int)q->len, text + q->off);
	CHECK_STR(sub, subject);
	CHECK_STR(all, whole);
}

TEST(score_quantities_in_prose)
{
	struct cj_quantity q[4];
	const char *t;

	t = "开展保密法宣传2次，开展保密工作检查，开展高考巡考";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 2, 0, "次", CJ_DIR_EQ, "开展保密法宣传", "开展保密法宣传2次");

	t = "车辆燃油费1万元、维修费、洗车、过路费0.67万元、保险费0.4万元。";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 3);
	check_qty(t, &q[0], 1, 0, "万元", CJ_DIR_EQ, "车辆燃油费", "车辆燃油费1万元");
	check_qty(t, &q[1], 67, 2, "万元", CJ_DIR_EQ, "过路费", "过路费0.67万元");
	check_qty(t, &q[2], 4, 1, "万元", CJ_DIR_EQ, "保险费", "保险费0.4万元");

	/* a title is part of the subject; its digits are not a quantity */
	t = "宣传《2020年保密工作要点》2次以上";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 2, 0, "次", CJ_DIR_GE, "宣传《2020年保密工作要点》",
		  "宣传《2020年保密工作要点》2次以上");

	/* a direction word before the number is not part of the subject */
	t = "培训人员不少于150人";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 150, 0, "人", CJ_DIR_GE, "培训人员", "培训人员不少于150人");
	t = "合格率≥95%";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 95, 0, "%", CJ_DIR_GE, "合格率", "合格率≥95%");
	t = "成本<=5万元";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 5, 0, "万元", CJ_DIR_LE, "成本", "成本<=5万元");

	/* quotes, full-width digits, grouping */
	t = "全年“0”事故";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 0, 0, "事故", CJ_DIR_EQ, "全年", "全年“0”事故");
	t = "开展检查１２次";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 12, 0, "次", CJ_DIR_EQ, "开展检查", "开展检查１２次");
	t = "覆盖1,000人以上";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 1000, 0, "人", CJ_DIR_GE, "覆盖", "覆盖1,000人以上");

	/* not quantities: no known unit, negative, Chinese numerals */
	CHECK_EQ_INT(cj_indicator_quantities("2020年1-7月停用", q, 4), 0);
	CHECK_EQ_INT(cj_indicator_quantities("增长-5%", q, 4), 0);
	CHECK_EQ_INT(cj_indicator_quantities("开展宣传三次", q, 4), 0);
	CHECK_EQ_INT(cj_indicator_quantities("4G网络全覆盖", q, 4), 0);
	CHECK_EQ_INT(cj_indicator_quantities("", q, 4), 0);
	CHECK_EQ_INT(cj_indicator_quantities(NULL, q, 4), 0);
	/* the count goes on past cap */
	CHECK_EQ_INT(cj_indicator_quantities("1次2次3次", q, 1), 3);
	CHECK_EQ_INT(q[0].q.value.v, 1);
	CHECK_EQ_INT(cj_indicator_quantities("会议系统1套、显示和音响设备1套、非涉密设备1批", NULL, 0), 3);
	/* a clause may start with a line break */
	t = "第一行\n培训4期";
	CHECK_EQ_INT(cj_indicator_quantities(t, q, 4), 1);
	check_qty(t, &q[0], 4, 0, "期", CJ_DIR_EQ, "培训", "培训4期");
}

TEST(score_common_tail_and_cmp)
{
	struct cj_target a, b;
	int cmp = 99;

	CHECK_EQ_INT(cj_indicator_common_tail("开展保密法宣传", strlen("开展保密法宣传"), "保密法宣传",
					      strlen("保密法宣传")),
		     5);
	CHECK_EQ_INT(cj_indicator_common_tail("abc", 3, "xbc", 3), 2);
	CHECK_EQ_INT(cj_indicator_common_tail("", 0, "x", 1), 0);
	CHECK_EQ_INT(cj_indicator_common_tail("宣传", strlen("宣传"), "检查", strlen("检查")), 0);

	cj_indicator_parse_actual("1万元", &a);
	cj_indicator_parse_actual("10000元", &b);
	CHECK_EQ_INT(cj_target_cmp(&a, &b, &cmp), 1);
	CHECK_EQ_INT(cmp, 0);
	cj_indicator_parse_actual("0.67万元", &a);
	cj_indicator_parse_actual("0.670万元", &b);
	CHECK_EQ_INT(cj_target_cmp(&a, &b, &cmp), 1);
	CHECK_EQ_INT(cmp, 0);
	cj_indicator_parse_actual("2次", &a);
	cj_indicator_parse_actual("3次", &b);
	CHECK_EQ_INT(cj_target_cmp(&a, &b, &cmp), 1);
	CHECK_EQ_INT(cmp, -1);
	CHECK_EQ_INT(cj_target_cmp(&b, &a, &cmp), 1);
	CHECK_EQ_INT(cmp, 1);
	cj_indicator_parse_actual("3个", &b);
	cmp = 99;
	CHECK_EQ_INT(cj_target_cmp(&a, &b, &cmp), 0);
	CHECK_EQ_INT(cmp, 99);
}

TEST(score_columns_read)
{
	enum cj_dir d = CJ_DIR_QUAL;
	enum cj_qual q = CJ_QUAL_UNMET;
	char u[16];

	CHECK(cj_indicator_parse_dir("正向", &d) && d == CJ_DIR_GE);
	CHECK(cj_indicator_parse_dir("≥", &d) && d == CJ_DIR_GE);
	CHECK(cj_indicator_parse_dir("＞＝", &d) && d == CJ_DIR_GE);
	CHECK(cj_indicator_parse_dir(" 反向指标 ", &d) && d == CJ_DIR_LE);
	CHECK(cj_indicator_parse_dir("<=", &d) && d == CJ_DIR_LE);
	CHECK(cj_indicator_parse_dir("=", &d) && d == CJ_DIR_EQ);
	CHECK(cj_indicator_parse_dir("定性", &d) && d == CJ_DIR_QUAL);
	d = CJ_DIR_GE;
	CHECK(!cj_indicator_parse_dir("大约", &d) && d == CJ_DIR_GE);
	CHECK(!cj_indicator_parse_dir("", &d));
	CHECK(!cj_indicator_parse_dir(NULL, &d));

	CHECK_EQ_INT(cj_indicator_norm_unit("％", u, sizeof(u)), 1);
	CHECK_STR(u, "%");
	CHECK_EQ_INT(cj_indicator_norm_unit(" 万元 ", u, sizeof(u)), strlen("万元"));
	CHECK_STR(u, "万元");
	CHECK_EQ_INT(cj_indicator_norm_unit("非常非常长的单位名称", u, sizeof(u)), 0);
	CHECK_EQ_INT(cj_indicator_norm_unit("  ", u, sizeof(u)), 0);
	CHECK_EQ_INT(cj_indicator_norm_unit(NULL, u, sizeof(u)), 0);

	CHECK_EQ_INT(cj_indicator_level2_fixed("数量指标"), CJ_L1_OUTPUT);
	CHECK_EQ_INT(cj_indicator_level2_fixed("成本"), CJ_L1_OUTPUT);
	CHECK_EQ_INT(cj_indicator_level2_fixed("社会效益 指标"), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level2_fixed("可持续影响指标"), CJ_L1_EFFECT);
	CHECK_EQ_INT(cj_indicator_level2_fixed("服务对象满意度指标"), CJ_L1_SATISFACTION);
	CHECK_EQ_INT(cj_indicator_level2_fixed("效益指标"), CJ_L1_UNKNOWN);
	CHECK_EQ_INT(cj_indicator_level2_fixed("数量指标（个）"), CJ_L1_UNKNOWN);
	CHECK_EQ_INT(cj_indicator_level2_fixed(NULL), CJ_L1_UNKNOWN);
	CHECK_STR(cj_level2_names(CJ_L1_EFFECT),
		  "经济效益指标、社会效益指标、生态效益指标、可持续影响指标");
	CHECK_STR(cj_level2_names(CJ_L1_UNKNOWN), "");

	CHECK(cj_score_qual_parse("达成", &q) && q == CJ_QUAL_MET);
	CHECK(cj_score_qual_parse(" 达成年度指标", &q) && q == CJ_QUAL_MET);
	CHECK(cj_score_qual_parse("部分达成年度指标并具有一定效果", &q) && q == CJ_QUAL_PARTIAL);
	CHECK(cj_score_qual_parse("未达成年度指标且效果较差", &q) && q == CJ_QUAL_UNMET);
	q = CJ_QUAL_MET;
	CHECK(!cj_score_qual_parse("基本达成", &q) && q == CJ_QUAL_MET);
	CHECK(!cj_score_qual_parse(NULL, &q));
}

TEST(score_dir_stated)
{
	struct cj_target t;

	cj_indicator_parse_target("100%", &t);
	CHECK_EQ_INT(t.dir_stated, 0);
	cj_indicator_parse_target("=100%", &t);
	CHECK_EQ_INT(t.dir_stated, 1);
	cj_indicator_parse_target("≥95%", &t);
	CHECK_EQ_INT(t.dir_stated, 1);
	cj_indicator_parse_target("2次以上", &t);
	CHECK_EQ_INT(t.dir_stated, 1);
	cj_indicator_parse_target("维修费、洗车、过路费3.4万元", &t);
	CHECK_EQ_INT(t.dir_stated, 0);
	cj_indicator_parse_actual("≥95%", &t);
	CHECK_EQ_INT(t.dir_stated, 0);
	cj_indicator_parse_target("按时完成", &t);
	CHECK_EQ_INT(t.dir_stated, 0);
}

/* ========================================================= datasets */

struct ds {
	struct cj_accounts *a;
	struct cj_codes *codes;
	struct cj_figures *f;
};

static int ds_load(struct ds *x, const char *path)
{
	struct cj_diag d;

	memset(x, 0, sizeof(*x));
	cj_diag_init(&d);
	if (cj_yaml_read_file(path, &x->a, &d) || cj_codes_default(&x->codes, &d) ||
	    cj_calc(x->a, x->codes, &x->f, &d)) {
		fprintf(stderr, "    %s:%u: %s\n", d.file, d.line, d.msg);
		return 0;
	}
	return 1;
}

static void ds_free(struct ds *x)
{
	cj_figures_free(x->f);
	cj_codes_free(x->codes);
	cj_accounts_free(x->a);
}

/* ---------------------------------------------------- form columns */

TEST(score_columns)
{
	struct ds x;
	struct cj_proj_score s;
	size_t k;
	static const int64_t w[5] = {1667, 1667, 1666, 3000, 1000};
	static const int64_t sc[5] = {1667, 1667, 1333, 2000, 1000};

	if (!ds_load(&x, DATA("perf-columns.yaml"))) {
		CHECK(0);
		ds_free(&x);
		return;
	}
	CHECK_EQ_INT(cj_score_project(&x.a->perf.projects.v[0], &x.f->proj[0], &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.exec_rate_bp, 8000);
	CHECK_EQ_INT(s.exec_score_c, 800);
	CHECK_EQ_INT(s.nind, 5);
	for (k = 0; k < 5 && k < s.nind; k++) {
		CHECK_EQ_INT(s.ind[k].weight_c, w[k]);
		CHECK_EQ_INT(s.ind[k].score_c, sc[k]);
	}
	if (s.nind == 5) {
		/* ≥95 with 度量单位 % */
		CHECK_STR(s.ind[0].target.unit, "%");
		CHECK_STR(s.ind[0].actual.unit, "%");
		CHECK_EQ_INT(s.ind[0].dir_given, 1);
		CHECK_EQ_INT(s.ind[0].dir_conflict, 0);
		/* 每期1.5万元 + 反向 */
		CHECK_EQ_INT(s.ind[1].target.dir, CJ_DIR_LE);
		CHECK_CONTAINS(s.ind[1].explain, "方向取自指标性质「反向」；反向（方法1）");
		/* 5期以内 against ≥ */
		CHECK_EQ_INT(s.ind[2].dir_conflict, 1);
		CHECK_EQ_INT(s.ind[2].target.dir, CJ_DIR_GE);
		/* 部分达成 with 20 of 30: in [18, 24) */
		CHECK_EQ_INT(s.ind[3].outcome_given, 1);
		CHECK_EQ_INT(s.ind[3].outcome, CJ_QUAL_PARTIAL);
		CHECK_EQ_INT(s.ind[3].score_given, 1);
		CHECK_EQ_INT(s.ind[3].score_conflict, 0);
		CHECK_CONTAINS(s.ind[3].explain, "采用填报得分 20.00（在「部分达成」档");
		/* 达成 with 7 of 10: below 8, not used */
		CHECK_EQ_INT(s.ind[4].score_conflict, 1);
		CHECK_EQ_INT(s.ind[4].given_score_c, 700);
		CHECK_CONTAINS(s.ind[4].explain, "填报得分 7.00 不在「达成」档（分值 10.00 的 [80%, 100%]）内，采用 10.00");
	}
	CHECK_EQ_INT(s.total_c, 8467);
	CHECK_STR(s.grade, "良");
	CHECK_EQ_INT(s.nwarn, 2);
	/* 80% (reason given), 培训期数 and 提升业务能力 (reasons given) */
	CHECK_EQ_INT(s.ndev, 3);
	for (k = 0; k < s.ndev; k++) {
		CHECK(s.dev[k].reason != NULL);
		CHECK_EQ_INT(s.dev[k].inferred, 0);
	}
	cj_proj_score_release(&s);
	ds_free(&x);
}

/* A project of one indicator, built in memory. */
static void one_indicator(struct cj_project *p, struct cj_indicator *ind, struct cj_proj_fig *pf)
{
	memset(p, 0, sizeof(*p));
	memset(ind, 0, sizeof(*ind));
	memset(pf, 0, sizeof(*pf));
	p->name.s = (char *)"测试项目";
	p->indicators.v = ind;
	p->indicators.n = 1;
	ind->level1.s = (char *)"产出指标";
	pf->budget.fen = pf->exec.fen = 100;
	pf->budget.known = pf->exec.known = 1;
	pf->rate = cj_calc_ratio(pf->exec, pf->budget);
}

TEST(score_columns_edges)
{
	struct cj_project p;
	struct cj_indicator ind;
	struct cj_proj_fig pf;
	struct cj_proj_score s;

	/* 定性 in 指标性质 makes a quantity qualitative */
	one_indicator(&p, &ind, &pf);
	ind.expected.s = (char *)"≥95%";
	ind.actual.s = (char *)"90%";
	ind.direction.s = (char *)"定性";
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].qualitative, 1);
	CHECK_EQ_INT(s.ind[0].score_c, 9000); /* 达成: the actual is there */
	CHECK_CONTAINS(s.ind[0].explain, "预期「≥95%」→ 定性（指标性质为定性）");
	CHECK_EQ_INT(s.nwarn, 0);
	cj_proj_score_release(&s);

	/* a direction for a text without a quantity: said, not used */
	one_indicator(&p, &ind, &pf);
	ind.expected.s = (char *)"按时完成";
	ind.actual.s = (char *)"按时完成";
	ind.direction.s = (char *)"≥";
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].dir_given, 0);
	CHECK_CONTAINS(s.ind[0].explain, "指标性质为「≥」，但预期指标值未读出数量");
	cj_proj_score_release(&s);

	/* unreadable columns: warned, not used */
	one_indicator(&p, &ind, &pf);
	ind.expected.s = (char *)"效果明显";
	ind.actual.s = (char *)"效果不足";
	ind.direction.s = (char *)"越大越好";
	ind.outcome.s = (char *)"基本达成";
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].dir_invalid, 1);
	CHECK_EQ_INT(s.ind[0].outcome_invalid, 1);
	CHECK_EQ_INT(s.ind[0].outcome, CJ_QUAL_PARTIAL); /* derived: 不足 */
	CHECK_EQ_INT(s.nwarn, 2);
	CHECK_EQ_INT(s.ndev, 1);
	CHECK_EQ_INT(s.dev[0].inferred, 1);
	cj_proj_score_release(&s);

	/* 度量单位 against the texts' own unit */
	one_indicator(&p, &ind, &pf);
	ind.expected.s = (char *)"≥2次";
	ind.actual.s = (char *)"3次";
	ind.unit.s = (char *)"个";
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].unit_conflict, 1);
	CHECK_EQ_INT(s.ind[0].score_c, 9000); /* scored with the texts' units */
	CHECK_EQ_INT(s.nwarn, 2);             /* target and actual */
	cj_proj_score_release(&s);
	/* ... a convertible unit agrees */
	ind.expected.s = (char *)"≤2万元";
	ind.actual.s = (char *)"15000元";
	ind.unit.s = (char *)"元";
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].unit_conflict, 0);
	CHECK_EQ_INT(s.ind[0].met, 1);
	cj_proj_score_release(&s);

	/* a given score for a quantity: within 0.01 of the formula */
	one_indicator(&p, &ind, &pf);
	ind.expected.s = (char *)"≥2次";
	ind.actual.s = (char *)"1次";
	ind.score.bp = 4501; /* formula: 90 × 1 / 2 = 45.00 */
	ind.score.set = 1;
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].score_c, 4500);
	CHECK_EQ_INT(s.ind[0].score_conflict, 0);
	CHECK_CONTAINS(s.ind[0].explain, "填报得分 45.01 与计算相符");
	cj_proj_score_release(&s);
	ind.score.bp = 4502;
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].score_c, 4500);
	CHECK_EQ_INT(s.ind[0].score_conflict, 1);
	CHECK_EQ_INT(s.ndev, 1);
	CHECK_EQ_INT(s.dev[0].inferred, 0); /* ≥ stated */
	cj_proj_score_release(&s);
	/* a given 完成程度 on a quantity is not used */
	ind.score.set = 0;
	ind.outcome.s = (char *)"达成";
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].qualitative, 0);
	CHECK_EQ_INT(s.ind[0].met, 0);
	CHECK_CONTAINS(s.ind[0].explain, "不采用填报的完成程度");
	cj_proj_score_release(&s);

	/* band limits with a given 未达成: 59.99% of W is in, 60% is not */
	one_indicator(&p, &ind, &pf);
	ind.expected.s = (char *)"效果明显";
	ind.actual.s = (char *)"效果较差";
	ind.outcome.s = (char *)"未达成";
	ind.score.bp = 5399; /* W = 90: 60% = 54 */
	ind.score.set = 1;
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].score_c, 5399);
	CHECK_EQ_INT(s.ind[0].score_conflict, 0);
	CHECK_EQ_INT(s.dev[0].inferred, 0); /* the unit chose 未达成 */
	cj_proj_score_release(&s);
	ind.score.bp = 5400;
	CHECK_EQ_INT(cj_score_project(&p, &pf, &s, NULL), CJ_OK);
	CHECK_EQ_INT(s.ind[0].score_c, 3600); /* 40% of 90 */
	CHECK_EQ_INT(s.ind[0].score_conflict, 1);
	cj_proj_score_release(&s);
}

/* ------------------------------------------------------------ rules */

static size_t run_check(const char *path, struct cj_findings *fs)
{
	struct ds x;

	cj_findings_init(fs);
	if (!ds_load(&x, path)) {
		ds_free(&x);
		return 0;
	}
	CHECK_EQ_INT(cj_check(x.a, x.f, x.codes, NULL, fs), CJ_OK);
	cj_findings_sort(fs);
	ds_free(&x);
	return fs->n;
}

/* The k-th finding of rule `id` (0-based), or NULL. */
static const struct cj_finding *nth(const struct cj_findings *fs, const char *id, size_t k)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, id) == 0 && k-- == 0)
			return &fs->v[i];
	return NULL;
}

static size_t count_rule(const struct cj_findings *fs, const char *id, enum cj_sev sev)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += strcmp(fs->v[i].rule, id) == 0 && fs->v[i].sev == sev;
	return n;
}

/* The 1-based line of the first line of a file containing `needle`. */
static unsigned line_of(const char *path, const char *needle)
{
	FILE *fp = fopen(path, "r");
	char buf[4096];
	unsigned n = 0;

	if (!fp)
		return 0;
	while (fgets(buf, sizeof(buf), fp)) {
		n++;
		if (strstr(buf, needle)) {
			fclose(fp);
			return n;
		}
	}
	fclose(fp);
	return 0;
}

TEST(score_rules_deviation)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	run_check(DATA("perf-deviation.yaml"), &fs);
	CHECK_EQ_INT(count_rule(&fs, "PERF-DEVIATION-REASON", CJ_SEV_ERROR), 2);
	CHECK_EQ_INT(count_rule(&fs, "PERF-DEVIATION-REASON", CJ_SEV_WARNING), 1);
	f = nth(&fs, "PERF-DEVIATION-REASON", 0);
	if (f) {
		CHECK_EQ_INT(f->sev, CJ_SEV_ERROR);
		CHECK_STR(f->stated, "80.00%");
		CHECK_STR(f->expected, "≥90.00%");
	}
	f = nth(&fs, "PERF-DEVIATION-REASON", 1);
	if (f) {
		CHECK_EQ_INT(f->sev, CJ_SEV_ERROR);
		CHECK_STR(f->stated, "1次");
		CHECK_STR(f->expected, "≥2次");
		CHECK_EQ_INT(f->line, line_of(DATA("perf-deviation.yaml"), "name: 宣传次数") - 2);
	}
	f = nth(&fs, "PERF-DEVIATION-REASON", 2);
	if (f) {
		CHECK_EQ_INT(f->sev, CJ_SEV_WARNING);
		CHECK_STR(f->stated, "0.67万元");
		CHECK_STR(f->expected, "3.4万元");
		CHECK_CONTAINS(f->message, "按本工具的读法判断，请核实");
	}
	CHECK(nth(&fs, "PERF-LEVELS", 0) == NULL);
	CHECK(nth(&fs, "PERF-TEXT-TABLE", 0) == NULL);
	cj_findings_release(&fs);
}

TEST(score_rules_text_table)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	run_check(DATA("perf-text.yaml"), &fs);
	CHECK_EQ_INT(count_rule(&fs, "PERF-TEXT-TABLE", CJ_SEV_ERROR), 1);
	f = nth(&fs, "PERF-TEXT-TABLE", 0);
	if (f) {
		CHECK_STR(f->stated, "5期");
		CHECK_STR(f->expected, "4期");
		CHECK_STR(f->excerpt, "完成培训5期");
		CHECK_EQ_INT(f->line, line_of(DATA("perf-text.yaml"), "completion:"));
		CHECK_CONTAINS(f->message, "report.completion");
	}
	cj_findings_release(&fs);

	/* the seed's 2次 / 3次, in both texts that repeat it */
	run_check(SANCI, &fs);
	CHECK_EQ_INT(count_rule(&fs, "PERF-TEXT-TABLE", CJ_SEV_ERROR), 2);
	f = nth(&fs, "PERF-TEXT-TABLE", 0);
	if (f) {
		CHECK_STR(f->stated, "2次");
		CHECK_STR(f->expected, "3次");
		CHECK_STR(f->excerpt, "开展保密法宣传2次");
		CHECK_EQ_INT(f->line, line_of(SANCI, "goal_actual: 开展保密法宣传2次"));
		CHECK_CONTAINS(f->message, "保密专项");
	}
	f = nth(&fs, "PERF-TEXT-TABLE", 1);
	if (f)
		CHECK_EQ_INT(f->line, line_of(SANCI, "completion: 开展保密法宣传2次"));
	cj_findings_release(&fs);
}

TEST(score_rules_columns)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	run_check(DATA("perf-columns.yaml"), &fs);
	CHECK_EQ_INT(count_rule(&fs, "PERF-UNIT", CJ_SEV_WARNING), 1);
	f = nth(&fs, "PERF-UNIT", 0);
	if (f) {
		CHECK_STR(f->stated, "≥");
		CHECK_STR(f->expected, "≤5期");
		CHECK_CONTAINS(f->message, "指标性质与预期指标值所写方向不一致");
	}
	CHECK_EQ_INT(count_rule(&fs, "PERF-WEIGHTS", CJ_SEV_WARNING), 1);
	f = nth(&fs, "PERF-WEIGHTS", 0);
	if (f) {
		CHECK_STR(f->stated, "7.00");
		CHECK_STR(f->expected, "分值 10.00 的 80%～100%");
	}
	CHECK(nth(&fs, "PERF-DEVIATION-REASON", 0) == NULL);
	CHECK(nth(&fs, "PERF-LEVELS", 0) == NULL);
	CHECK(nth(&fs, "PERF-LEVEL2", 0) == NULL);
	CHECK(nth(&fs, "PERF-TEXT-TABLE", 0) == NULL);
	cj_findings_release(&fs);

	/* 度量单位 against the actual's unit */
	run_check(DATA("perf-unit.yaml"), &fs);
	CHECK_EQ_INT(count_rule(&fs, "PERF-UNIT", CJ_SEV_WARNING), 5);
	f = nth(&fs, "PERF-UNIT", 0);
	if (f) {
		CHECK_STR(f->stated, "3个");
		CHECK_STR(f->expected, "次");
		CHECK_CONTAINS(f->message, "实际完成值与预期指标值计量单位不一致");
	}
	f = nth(&fs, "PERF-UNIT", 1);
	if (f) {
		CHECK_STR(f->stated, "4篇");
		CHECK_STR(f->expected, "期");
	}
	f = nth(&fs, "PERF-UNIT", 2);
	if (f) {
		CHECK_STR(f->stated, "期");
		CHECK_STR(f->expected, "篇");
		CHECK_CONTAINS(f->message, "度量单位与指标值所写单位不一致");
	}
	f = nth(&fs, "PERF-UNIT", 3);
	if (f) {
		CHECK_STR(f->stated, "越大越好");
		CHECK_CONTAINS(f->message, "指标性质无法识别");
	}
	f = nth(&fs, "PERF-UNIT", 4);
	if (f) {
		CHECK_STR(f->stated, "基本达成");
		CHECK_CONTAINS(f->message, "完成程度无法识别");
	}
	CHECK_EQ_INT(count_rule(&fs, "PERF-WEIGHTS", CJ_SEV_WARNING), 2);
	f = nth(&fs, "PERF-WEIGHTS", 0);
	if (f) {
		/* 效益 33.75 over two: 16.88 × 60 / 90 = 11.25 */
		CHECK_STR(f->stated, "45.00");
		CHECK_STR(f->expected, "11.25");
		CHECK_CONTAINS(f->message, "填报得分与评分规则计算的得分不符");
	}
	f = nth(&fs, "PERF-WEIGHTS", 1);
	if (f) {
		CHECK_STR(f->stated, "120.00");
		CHECK_CONTAINS(f->message, "分值不在0到100分之间");
	}
	CHECK_EQ_INT(count_rule(&fs, "PERF-LEVELS", CJ_SEV_WARNING), 1);
	f = nth(&fs, "PERF-LEVELS", 0);
	if (f) {
		CHECK_STR(f->stated, "其他");
		CHECK_CONTAINS(f->message, "一级指标无法识别");
	}
	cj_findings_release(&fs);
}

/*
 * The example: no error from any PERF rule; the true findings about the
 * seed's own tables are warnings (see the rules' comments).
 */
TEST(score_rules_example)
{
	struct cj_findings fs;
	const struct cj_finding *f;
	size_t i;

	run_check(EXAMPLE, &fs);
	for (i = 0; i < fs.n; i++)
		if (strncmp(fs.v[i].rule, "PERF-", 5) == 0)
			CHECK_EQ_INT(fs.v[i].sev, CJ_SEV_WARNING);
	CHECK_EQ_INT(count_rule(&fs, "PERF-LEVELS", CJ_SEV_WARNING), 1);
	f = nth(&fs, "PERF-LEVELS", 0);
	if (f) {
		CHECK_CONTAINS(f->message, "电子政务内网光纤");
		CHECK_STR(f->stated, "产出指标");
	}
	CHECK_EQ_INT(count_rule(&fs, "PERF-LEVEL2", CJ_SEV_WARNING), 2);
	f = nth(&fs, "PERF-LEVEL2", 0);
	if (f)
		CHECK_CONTAINS(f->message, "「效益指标」不是效益指标下规定的二级指标");
	f = nth(&fs, "PERF-LEVEL2", 1);
	if (f)
		CHECK_CONTAINS(f->message, "「数量指标」属于产出指标，不应列在效益指标下");
	CHECK_EQ_INT(count_rule(&fs, "PERF-DEVIATION-REASON", CJ_SEV_WARNING), 1);
	f = nth(&fs, "PERF-DEVIATION-REASON", 0);
	if (f)
		CHECK_CONTAINS(f->message, "有效控制维修费、洗车、过路费");
	CHECK(nth(&fs, "PERF-TEXT-TABLE", 0) == NULL);
	CHECK(nth(&fs, "PERF-UNIT", 0) == NULL);
	CHECK(nth(&fs, "PERF-WEIGHTS", 0) == NULL);
	cj_findings_release(&fs);
}

/* ------------------------------------------------------ public API */

struct want_ind {
	const char *weight, *score, *result;
};

struct want_proj {
	const char *name, *budget, *exec, *rate, *exec_score, *total, *grade;
	size_t nind;
	struct want_ind ind[4];
	size_t ndev;
};

/*
 * The whole score table of the example, as `caijue score` prints it
 * (the same numbers as test_perf.c's perf_example_lizhou, checked by hand
 * there).  result: "met" / "qual:达成" / "unmet".
 */
static const struct want_proj want[5] = {
	{"联系重点工作经费", "5.00", "5.00", "100.00%", "10.00", "100.00", "优", 2,
	 {{"56.25", "56.25", "qual:达成"}, {"33.75", "33.75", "qual:达成"}}, 0},
	{"公务车运行维护", "6.00", "2.07", "34.50%", "3.45", "78.39", "中", 4,
	 {{"18.75", "18.75", "met"},
	  {"18.75", "3.69", "unmet"},
	  {"18.75", "18.75", "met"},
	  {"33.75", "33.75", "qual:达成"}},
	 2},
	{"电子政务内网光纤", "1.92", "1.92", "100.00%", "10.00", "100.00", "优", 2,
	 {{"45.00", "45.00", "qual:达成"}, {"45.00", "45.00", "qual:达成"}}, 0},
	{"保密专项", "5.00", "5.00", "100.00%", "10.00", "100.00", "优", 3,
	 {{"28.13", "28.13", "met"}, {"28.12", "28.12", "qual:达成"}, {"33.75", "33.75", "qual:达成"}},
	 0},
	{"高清视频会议系统", "57.55", "55.60", "96.61%", "9.66", "99.66", "优", 2,
	 {{"56.25", "56.25", "qual:达成"}, {"33.75", "33.75", "qual:达成"}}, 0},
};

TEST(score_api_example)
{
	struct cj_dataset *ds = NULL;
	struct cj_scores *sc = NULL;
	struct cj_diag d;
	size_t i, k;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_dataset_load(EXAMPLE, NULL, &ds, &d), CJ_OK);
	if (!ds)
		return;
	CHECK_EQ_INT(cj_dataset_score(ds, &sc, &d), CJ_OK);
	cj_dataset_free(ds); /* the scores own their strings */
	if (!sc)
		return;
	CHECK_EQ_INT(cj_scores_count(sc), 5);
	CHECK_STR(cj_scores_source(sc), EXAMPLE);
	CHECK(cj_scores_project(sc, 5) == NULL);
	for (i = 0; i < 5 && i < cj_scores_count(sc); i++) {
		const struct cj_score_project *p = cj_scores_project(sc, i);
		const struct want_proj *w = &want[i];

		CHECK_STR(p->name, w->name);
		CHECK_STR(p->budget, w->budget);
		CHECK_STR(p->exec, w->exec);
		CHECK_STR(p->exec_rate, w->rate);
		CHECK_STR(p->exec_score, w->exec_score);
		CHECK_STR(p->weight_total, "100.00");
		CHECK_STR(p->total, w->total);
		CHECK_STR(p->grade, w->grade);
		CHECK_EQ_INT(p->nindicators, w->nind);
		CHECK_EQ_INT(p->ndeviations, w->ndev);
		CHECK_EQ_INT(p->nwarnings, 0);
		CHECK(p->line > 0);
		for (k = 0; k < p->nindicators && k < w->nind; k++) {
			const struct cj_score_indicator *x = &p->indicators[k];
			const char *r = w->ind[k].result;
			CHECK_STR(x->weight, w->ind[k].weight);
			CHECK_STR(x->score, w->ind[k].score);
			CHECK_EQ_INT(x->met, strcmp(r, "unmet") != 0);
			CHECK_EQ_INT(x->qualitative, strncmp(r, "qual:", 5) == 0);
			if (x->qualitative)
				CHECK_STR(x->outcome, r + 5);
			else
				CHECK_STR(x->outcome, "");
			CHECK(x->explain[0] != '\0');
			CHECK(x->line > 0);
		}
	}
	if (cj_scores_count(sc) == 5) {
		const struct cj_score_project *p = cj_scores_project(sc, 1);
		if (p->ndeviations == 2) {
			CHECK_STR(p->deviations[0].kind, "exec");
			CHECK_STR(p->deviations[0].subject, "预算执行率");
			CHECK_CONTAINS(p->deviations[0].reason, "1-7月停用");
			CHECK_STR(p->deviations[1].kind, "indicator");
			CHECK_EQ_INT(p->deviations[1].indicator, 1);
			CHECK_STR(p->deviations[1].subject, "有效控制维修费、洗车、过路费");
			CHECK_STR(p->deviations[1].reason, "");
			CHECK_STR(p->deviations[1].field, "deviation");
		}
		CHECK_STR(p->indicators[0].level, "产出指标");
		CHECK_STR(p->indicators[0].level1, "项目完成指标");
		CHECK_STR(p->indicators[0].target_read, "≤ 2 万元");
		CHECK_STR(p->indicators[0].actual_read, "1 万元");
		CHECK_CONTAINS(p->notes, "总分 78.39，等级 中");
		p = cj_scores_project(sc, 4);
		CHECK_STR(p->indicators[1].actual_read, "定性（含多个数量）");
	}
	cj_scores_free(sc);
	cj_scores_free(NULL);
	CHECK_EQ_INT(cj_scores_count(NULL), 0);
	CHECK(cj_scores_project(NULL, 0) == NULL);
	CHECK_EQ_INT(cj_display_width("项目A"), 5);
	CHECK_EQ_INT(cj_display_width(NULL), 0);
	CHECK_EQ_INT(cj_dataset_score(NULL, &sc, &d), CJ_ERR_USAGE);
}

TEST(score_api_alloc_failures)
{
	struct cj_dataset *ds = NULL;
	struct cj_scores *sc = NULL;
	struct cj_diag d;
	long n;
	int ok = 0;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_dataset_load(EXAMPLE, NULL, &ds, &d), CJ_OK);
	if (!ds)
		return;
	for (n = 0; n < 5000 && !ok; n++) {
		enum cj_err e;
		cj_alloc_fail_after(n);
		e = cj_dataset_score(ds, &sc, &d);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			ok = 1;
			CHECK_EQ_INT(cj_scores_count(sc), 5);
			cj_scores_free(sc);
		} else {
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
			CHECK(sc == NULL);
		}
	}
	CHECK(ok);
	cj_dataset_free(ds);
}

/* ----------------------------------------------------------- report */

static const struct cj_table *find_table(const struct cj_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_TABLE && strcmp(doc->nodes[i].table->id, id) == 0)
			return doc->nodes[i].table;
	return NULL;
}

static const char *cell(const struct cj_table *t, size_t r, size_t c)
{
	if (!t || r >= t->nrows || c >= t->ncols)
		return "(out of range)";
	return t->cells[r * t->ncols + c].text ? t->cells[r * t->ncols + c].text : "";
}

/* Index of the first node whose text starts with `s`, or doc->n. */
static size_t node_at(const struct cj_doc *doc, const char *s)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].text && strncmp(doc->nodes[i].text, s, strlen(s)) == 0)
			return i;
	return doc->n;
}

static size_t table_at(const struct cj_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_TABLE && strcmp(doc->nodes[i].table->id, id) == 0)
			return i;
	return doc->n;
}

TEST(score_report_example)
{
	struct ds x;
	struct cj_doc *doc = NULL;
	const struct cj_table *t;
	size_t i;
	char id[32];

	if (!ds_load(&x, EXAMPLE)) {
		CHECK(0);
		ds_free(&x);
		return;
	}
	CHECK_EQ_INT(cj_report_build(x.a, x.f, x.codes, &doc, NULL), CJ_OK);
	if (!doc) {
		ds_free(&x);
		return;
	}
	for (i = 1; i <= 5; i++) {
		snprintf(id, sizeof(id), "perf-%zu-score", i);
		t = find_table(doc, id);
		CHECK(t != NULL);
		if (!t)
			continue;
		CHECK_STR(t->title, "项目支出绩效自评表");
		CHECK_EQ_INT(t->ncols, 8);
		CHECK_EQ_INT(t->nrows, 10 + want[i - 1].nind + 1);
		CHECK_STR(cell(t, 0, 1), want[i - 1].name);
		CHECK_STR(cell(t, 3, 3), want[i - 1].budget);
		CHECK_STR(cell(t, 3, 4), want[i - 1].exec);
		CHECK_STR(cell(t, 3, 5), "10.00");
		CHECK_STR(cell(t, 3, 6), want[i - 1].rate);
		CHECK_STR(cell(t, 3, 7), want[i - 1].exec_score);
		CHECK_STR(cell(t, t->nrows - 1, 0), "总分");
		CHECK_STR(cell(t, t->nrows - 1, 5), "100.00");
		CHECK_STR(cell(t, t->nrows - 1, 6), want[i - 1].total);
		/* the order in 附件2: 完成情况表, 自评表, then the evaluation report */
		snprintf(id, sizeof(id), "perf-%zu", i);
		CHECK(table_at(doc, id) + 1 == table_at(doc, t->id));
	}
	t = find_table(doc, "perf-2-score");
	if (t) {
		CHECK_STR(cell(t, 1, 5), "中共广元市利州区委员会办公室");
		CHECK_STR(cell(t, 4, 3), "6.00");
		CHECK_STR(cell(t, 4, 4), "2.07");
		CHECK_STR(cell(t, 8, 1), "保障区委领导全年工作用车需要");
		/* 维修费 row: the 3.4万元 target, 0.67万元, 18.75, 3.69 */
		CHECK_STR(cell(t, 11, 2), "有效控制维修费、洗车、过路费");
		CHECK_STR(cell(t, 11, 3), "维修费、洗车、过路费3.4万元");
		CHECK_STR(cell(t, 11, 5), "18.75");
		CHECK_STR(cell(t, 11, 6), "3.69");
		/* 项目完成指标 over three rows, 数量指标 too */
		CHECK_STR(cell(t, 10, 0), "项目完成指标");
		CHECK_EQ_INT(t->cells[10 * 8 + 0].rowspan, 3);
		CHECK_EQ_INT(t->cells[11 * 8 + 0].rowspan, 0);
		CHECK_EQ_INT(t->cells[10 * 8 + 1].rowspan, 3);
		CHECK_STR(cell(t, 14, 7), "自评等级：中");
		CHECK_CONTAINS(t->note, "预算执行率低于90%的原因：主要原因是由于区委书记未到位");
	}
	t = find_table(doc, "perf-summary");
	CHECK(t != NULL);
	if (t) {
		CHECK_STR(t->title, "部门整体支出绩效自评汇总表");
		CHECK_EQ_INT(t->nrows, 7);
		for (i = 0; i < 5; i++) {
			CHECK_STR(cell(t, 1 + i, 1), want[i].name);
			CHECK_STR(cell(t, 1 + i, 2), want[i].budget);
			CHECK_STR(cell(t, 1 + i, 3), want[i].exec);
			CHECK_STR(cell(t, 1 + i, 4), want[i].rate);
			CHECK_STR(cell(t, 1 + i, 5), want[i].total);
			CHECK_STR(cell(t, 1 + i, 6), want[i].grade);
		}
		CHECK_STR(cell(t, 6, 0), "部门整体（一般公共预算财政拨款支出）");
		CHECK_STR(cell(t, 6, 3), "797.10");
		CHECK_STR(cell(t, 6, 4), "72.18%");
		/* in 附件1, under 三、部门整体预算绩效管理情况 */
		CHECK(node_at(doc, "附件1 ") < table_at(doc, "perf-summary"));
		CHECK(table_at(doc, "perf-summary") < node_at(doc, "附件2 "));
	}
	i = node_at(doc, "（三）部门整体支出绩效自评");
	CHECK(i < doc->n);
	if (i + 1 < doc->n)
		CHECK_CONTAINS(doc->nodes[i + 1].text, "对5个项目开展了绩效自评，各项目得分及等级见下表；"
						       "2020年部门整体一般公共预算财政拨款支出完成预算的72.18%。");
	i = node_at(doc, "按项目支出绩效自评方法评分，该项目总分78.39分");
	CHECK(i < doc->n);
	if (i < doc->n)
		CHECK_STR(doc->nodes[i].text, "按项目支出绩效自评方法评分，该项目总分78.39分（其中预算执行率得分3.45分），"
					      "自评等级为“中”，有2处偏差，详见项目支出绩效自评表。");
	cj_doc_free(doc);
	ds_free(&x);
}

/* Without a 部门整体 evaluation the summary heads 附件1 (the projects' annex). */
TEST(score_report_without_dept)
{
	struct ds x;
	struct cj_doc *doc = NULL;
	const struct cj_table *t;
	long n;
	int ok = 0;

	if (!ds_load(&x, DATA("perf-text.yaml"))) {
		CHECK(0);
		ds_free(&x);
		return;
	}
	CHECK_EQ_INT(cj_report_build(x.a, x.f, x.codes, &doc, NULL), CJ_OK);
	if (doc) {
		t = find_table(doc, "perf-summary");
		CHECK(t != NULL);
		CHECK(node_at(doc, "附件1 项目支出绩效目标完成情况表") < table_at(doc, "perf-summary"));
		CHECK(node_at(doc, "部门整体支出绩效自评") < table_at(doc, "perf-summary"));
		CHECK(table_at(doc, "perf-summary") < table_at(doc, "perf-1"));
		if (t) {
			CHECK_EQ_INT(t->nrows, 2); /* no 一般公共预算 table: no 部门整体 row */
			CHECK_STR(cell(t, 1, 5), "100.00");
		}
		CHECK(find_table(doc, "perf-1-score") != NULL);
		cj_doc_free(doc);
	}
	/* every allocation failure is reported, never a crash or a leak */
	for (n = 0; n < 100000 && !ok; n += 7) {
		enum cj_err e;
		doc = NULL;
		cj_alloc_fail_after(n);
		e = cj_report_build(x.a, x.f, x.codes, &doc, NULL);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			ok = 1;
			cj_doc_free(doc);
		} else {
			CHECK(doc == NULL);
		}
	}
	CHECK(ok);
	ds_free(&x);
}
