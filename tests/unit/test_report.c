/*
 * test_report.c - the report builder: a small record built by hand (all
 * sections, shares, zero-base and empty-table wording, tables and charts,
 * allocation failure), and the bundled example examples/lizhou-2020.yaml
 * (the seed's figures, corrected).
 *
 * Set CJ_REPORT_DUMP=1 to print the example's document as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/codes.h"
#include "report/report.h"
#include "runner.h"

/* ------------------------------------------------------------ fixtures */

struct fx {
	struct cj_accounts *a;
	struct cj_codes *codes;
	struct cj_figures *f;
	struct cj_doc *doc;
	char *text; /* the whole document flattened, one node per line */
};

/* An amount given in 0.01 万元 (fen = v * 10000). */
static void fig(struct cj_fig *f, int64_t v)
{
	f->fen = v * 10000;
	f->set = 1;
}

static void cnt(struct cj_count *c, int64_t n)
{
	c->n = n;
	c->set = 1;
}

static void txt(struct cj_text *t, const char *s)
{
	t->s = cj_strdup(s);
}

static void reasons(struct cj_reasons *r, const char *a, const char *b)
{
	r->v = cj_calloc(2, sizeof(*r->v));
	txt(&r->v[0].text, a);
	r->n = 1;
	if (b) {
		txt(&r->v[1].text, b);
		r->n = 2;
	}
}

static void item(struct cj_func_item *it, const char *code, int64_t budget, int64_t actual,
		 int64_t basic, const char *why)
{
	txt(&it->code, code);
	fig(&it->budget, budget);
	fig(&it->actual, actual);
	fig(&it->basic, basic);
	fig(&it->project, actual - basic);
	if (why)
		reasons(&it->reasons, why, NULL);
}

/* A small unit: two income sources, two 项, 三公, an empty 政府性基金 table. */
static struct cj_accounts *small(void)
{
	struct cj_accounts *a = cj_accounts_new();
	struct cj_unit *u;

	if (!a)
		return NULL;
	cnt(&a->schema, 1);
	cnt(&a->year, 2020);
	a->unit_fen = 1000000;
	u = &a->unit;
	txt(&u->name, "测试县测试局");
	txt(&u->short_name, "测试局");
	u->functions.v = cj_calloc(2, sizeof(*u->functions.v));
	u->functions.n = 2;
	txt(&u->functions.v[0], "负责测试。");
	txt(&u->functions.v[1], "完成交办的其他工作。");
	cnt(&u->sub_admin, 0);
	cnt(&u->sub_civil, 1);
	cnt(&u->sub_public, 2);

	fig(&a->income.year[CJ_CUR].src[CJ_INC_GENERAL], 10000);
	fig(&a->income.year[CJ_CUR].src[CJ_INC_OTHER], 2000);
	fig(&a->income.year[CJ_PREV].src[CJ_INC_GENERAL], 8000);
	fig(&a->income.year[CJ_PREV].src[CJ_INC_OTHER], 2000);
	reasons(&a->income.reasons, "人员增加", "新增项目");
	a->income.reasons.v[1].amount.fen = 15000000;
	a->income.reasons.v[1].amount.set = 1;

	fig(&a->spending.year[CJ_CUR].kind[CJ_SP_BASIC], 8000);
	fig(&a->spending.year[CJ_CUR].kind[CJ_SP_PROJECT], 3000);
	fig(&a->spending.year[CJ_CUR].closing, 1000);
	fig(&a->spending.year[CJ_PREV].total, 11000);

	a->general.items.v = cj_calloc(2, sizeof(*a->general.items.v));
	a->general.items.n = 2;
	item(&a->general.items.v[0], "2013101", 8000, 8000, 8000, NULL);
	item(&a->general.items.v[1], "2080505", 4000, 3000, 0, "项目未完工");
	fig(&a->general.total[CJ_PREV], 11000);
	txt(&a->govfund.none_reason, "本部门2020年度无政府性基金预算财政拨款收支，故本表无数据。");

	fig(&a->sangong.budget.item[CJ_SG_VRUNNING], 400);
	fig(&a->sangong.budget.item[CJ_SG_RECEPTION], 100);
	fig(&a->sangong.actual.item[CJ_SG_VRUNNING], 300);
	fig(&a->sangong.actual.item[CJ_SG_RECEPTION], 100);
	fig(&a->sangong.last_year.item[CJ_SG_VRUNNING], 200);
	fig(&a->sangong.last_year.item[CJ_SG_RECEPTION], 100);

	/* 机关运行经费 from a zero base */
	fig(&a->opcost.amount[CJ_CUR], 1000);
	fig(&a->opcost.amount[CJ_PREV], 0);
	return a;
}

/* Flatten the document: one line per node; tables as id, title, cells. */
static char *flatten(const struct cj_doc *doc)
{
	struct cj_buf b;
	size_t i, k;

	cj_buf_init(&b, 0);
	cj_buf_printf(&b, "# %s\n", doc->title);
	for (i = 0; i < doc->n; i++) {
		const struct cj_node *n = &doc->nodes[i];
		switch (n->kind) {
		case CJ_N_HEADING:
			cj_buf_printf(&b, "H%d %s\n", n->level, n->text);
			break;
		case CJ_N_PARA:
			cj_buf_printf(&b, "%s\n", n->text);
			break;
		case CJ_N_NOTE:
			cj_buf_printf(&b, "NOTE %s\n", n->text);
			break;
		case CJ_N_TABLE:
			cj_buf_printf(&b, "TABLE %s %s %s | %s\n", n->table->id, n->table->number,
				      n->table->title, n->table->unit_line);
			for (k = 0; k < n->table->nrows * n->table->ncols; k++) {
				const struct cj_cell *c = &n->table->cells[k];
				cj_buf_printf(&b, "%s%s", c->text ? c->text : "",
					      (k + 1) % n->table->ncols ? " | " : "\n");
			}
			if (n->table->note[0])
				cj_buf_printf(&b, "TNOTE %s\n", n->table->note);
			break;
		case CJ_N_CHART:
			cj_buf_printf(&b, "CHART %s %s", n->chart->id, n->chart->caption);
			for (k = 0; k < n->chart->ncats; k++) {
				size_t s;
				cj_buf_printf(&b, " [%s", n->chart->cats[k]);
				for (s = 0; s < n->chart->nseries; s++)
					cj_buf_printf(&b, " %s:%s", n->chart->series[s],
						      n->chart->value_labels[s * n->chart->ncats + k]);
				if (n->chart->share_labels && n->chart->share_labels[k])
					cj_buf_printf(&b, " %s", n->chart->share_labels[k]);
				cj_buf_puts(&b, "]");
			}
			cj_buf_puts(&b, "\n");
			break;
		case CJ_N_PAGEBREAK:
			break;
		}
	}
	return cj_buf_detach(&b, NULL);
}

static void fx_free(struct fx *x)
{
	cj_doc_free(x->doc);
	cj_figures_free(x->f);
	cj_codes_free(x->codes);
	cj_accounts_free(x->a);
	cj_free(x->text);
	memset(x, 0, sizeof(*x));
}

/* Calc and build for x->a; 1 on success. */
static int fx_build(struct fx *x)
{
	struct cj_diag d;

	cj_diag_init(&d);
	if (!x->a || cj_codes_default(&x->codes, &d) != CJ_OK ||
	    cj_calc(x->a, x->codes, &x->f, &d) != CJ_OK ||
	    cj_report_build(x->a, x->f, x->codes, &x->doc, &d) != CJ_OK) {
		fprintf(stderr, "report fixture: %s\n", d.msg);
		return 0;
	}
	x->text = flatten(x->doc);
	return x->text != NULL;
}

static int fx_small(struct fx *x)
{
	memset(x, 0, sizeof(*x));
	x->a = small();
	return fx_build(x);
}

#define EXAMPLE CJ_TEST_ROOT "/examples/lizhou-2020.yaml"

/* 0 (and nothing to check) when the example is not in the tree. */
static int fx_example(struct fx *x)
{
	struct cj_diag d;
	FILE *fp = fopen(EXAMPLE, "rb");

	memset(x, 0, sizeof(*x));
	if (!fp)
		return 0;
	fclose(fp);
	cj_diag_init(&d);
	if (cj_yaml_read_file(EXAMPLE, &x->a, &d) != CJ_OK) {
		fprintf(stderr, "%s:%u: %s\n", d.file, d.line, d.msg);
		CHECK(0);
		return 0;
	}
	return fx_build(x);
}

/* The paragraph after the first node containing `anchor` that contains `needle`. */
static const char *para_after(const struct cj_doc *doc, const char *anchor, const char *needle)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < doc->n; i++) {
		const char *t = doc->nodes[i].text;
		if (!t)
			continue;
		if (!seen && strstr(t, anchor))
			seen = 1;
		else if (seen && doc->nodes[i].kind == CJ_N_PARA && strstr(t, needle))
			return t;
	}
	return NULL;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay ? strstr(hay, needle) : NULL;

	while (p) {
		n++;
		p = strstr(p + strlen(needle), needle);
	}
	return n;
}

static const struct cj_table *table(const struct cj_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_TABLE && strcmp(doc->nodes[i].table->id, id) == 0)
			return doc->nodes[i].table;
	return NULL;
}

static const struct cj_chart *chart(const struct cj_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_CHART && strcmp(doc->nodes[i].chart->id, id) == 0)
			return doc->nodes[i].chart;
	return NULL;
}

/* Common checks on any document: part two's ten sections, tables, charts, no junk. */
static void check_shape(const struct cj_doc *doc, const char *text)
{
	static const char *const sec[10] = {"一、", "二、", "三、", "四、", "五、",
					    "六、", "七、", "八、", "九、", "十、"};
	static const char *const tid[9] = {"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"};
	size_t i, k = 0;
	int in_two = 0;
	char id[16];

	for (i = 0; i < doc->n; i++) {
		const struct cj_node *n = &doc->nodes[i];
		if (n->kind != CJ_N_HEADING)
			continue;
		if (n->level == 1)
			in_two = strncmp(n->text, "第二部分", strlen("第二部分")) == 0;
		else if (in_two && n->level == 2 && k < 10) {
			CHECK(strncmp(n->text, sec[k], strlen(sec[k])) == 0);
			k++;
		}
	}
	CHECK_EQ_INT(k, 10);
	for (i = 0; i < 9; i++)
		CHECK(table(doc, tid[i]) != NULL);
	for (i = 1; i <= 7; i++) {
		snprintf(id, sizeof(id), "chart%zu", i);
		CHECK(chart(doc, id) != NULL);
	}
	CHECK(strstr(text, "nan") == NULL);
	CHECK(strstr(text, "-0.00") == NULL);
	CHECK(strstr(text, "(null)") == NULL);
	CHECK(strstr(text, "第一部分 部门概况") != NULL);
	CHECK(strstr(text, "第二部分") != NULL);
}

/* ============================================================== small */

TEST(report_small_shape)
{
	struct fx x;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	check_shape(x.doc, x.text);
	CHECK_STR(x.doc->title, "测试县测试局2020年度部门决算");
	/* parts are numbered without gaps: no glossary, no annex here */
	CHECK_CONTAINS(x.text, "H1 第三部分 附表");
	CHECK(strstr(x.text, "第四部分") == NULL);
	fx_free(&x);
}

TEST(report_small_profile)
{
	struct fx x;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	CHECK_CONTAINS(x.text, "1.负责测试。\n2.完成交办的其他工作。\n");
	CHECK_CONTAINS(x.text, "测试局下属二级单位3个，其中行政单位0个，参照公务员法管理的事业单位1个，"
			       "其他事业单位2个。");
	CHECK_CONTAINS(x.text, "纳入测试局2020年度部门决算编制范围的二级预算单位包括：（无）");
	CHECK(strstr(x.text, "人员情况") == NULL); /* no staffing data: no section */
	fx_free(&x);
}

TEST(report_small_shares)
{
	struct fx x;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	CHECK_CONTAINS(x.text, "2020年本年收入合计120.00万元，其中：一般公共预算财政拨款收入100.00万元，"
			       "占83.33%；其他收入20.00万元，占16.67%。");
	CHECK_CONTAINS(x.text, "2020年本年支出合计110.00万元，其中：基本支出80.00万元，占72.73%；"
			       "项目支出30.00万元，占27.27%。");
	CHECK_CONTAINS(x.text, "主要用于以下方面：一般公共服务支出80.00万元，占72.73%；"
			       "社会保障和就业支出30.00万元，占27.27%。");
	/* 三公 items: share of the 三公 total, not the completion rate */
	CHECK_CONTAINS(x.text, "公务用车购置及运行维护费支出决算3.00万元，占75.00%；"
			       "公务接待费支出决算1.00万元，占25.00%。");
	CHECK_CONTAINS(x.text, "2.公务用车购置及运行维护费支出3.00万元，完成预算75.00%。");
	fx_free(&x);
}

TEST(report_small_changes_and_reasons)
{
	struct fx x;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	CHECK_CONTAINS(x.text, "2020年度收入总计120.00万元，支出总计120.00万元。与2019年相比，"
			       "收入总计增加20.00万元，增长20.00%。主要变动原因是：1.人员增加；"
			       "2.新增项目15.00万元。");
	CHECK_CONTAINS(x.text, "2020年本年支出合计110.00万元。本年支出合计与2019年持平。\n");
	/* zero base: no rate */
	CHECK_CONTAINS(x.text, "机关运行经费支出10.00万元，比2019年增加10.00万元，上年无此项支出。");
	/* change of a 三公 item */
	CHECK_CONTAINS(x.text, "公务用车购置及运行维护费支出决算比2019年增加1.00万元，增长50.00%");
	CHECK_CONTAINS(x.text, "1.一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）："
			       "支出决算为80.00万元，完成预算100.00%。");
	CHECK_CONTAINS(x.text, "社会保障和就业支出（类）行政事业单位离退休（款）"
			       "机关事业单位基本养老保险缴费支出（项）：支出决算为30.00万元，"
			       "完成预算75.00%，决算数小于预算数的主要原因是项目未完工。");
	CHECK_CONTAINS(x.text, "2020年一般公共预算财政拨款支出决算数为110.00万元，完成预算91.67%。");
	fx_free(&x);
}

TEST(report_small_empty_funds)
{
	struct fx x;
	const struct cj_table *t8, *t9;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	CHECK_CONTAINS(x.text, "H2 八、政府性基金预算财政拨款收入支出决算情况说明\n"
			       "本部门2020年度无政府性基金预算财政拨款收支，故本表无数据。\n");
	CHECK_CONTAINS(x.text, "H2 九、国有资本经营预算财政拨款支出决算情况说明\n"
			       "本部门2020年度无国有资本经营预算财政拨款支出，故公开09表无数据。\n");
	t8 = table(x.doc, "t8");
	t9 = table(x.doc, "t9");
	if (t8 && t9) {
		CHECK_STR(t8->note, "本部门2020年度无政府性基金预算财政拨款收支，故本表无数据。");
		CHECK_STR(t9->note, "本部门2020年度无国有资本经营预算财政拨款支出，故公开09表无数据。");
		CHECK_STR(t8->number, "公开08表");
	}
	fx_free(&x);
}

TEST(report_small_tables)
{
	struct fx x;
	const struct cj_table *t;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	t = table(x.doc, "t5");
	if (t) {
		/* header 2 rows, 合计, 201, 20131, 2013101, 208, 20805, 2080505 */
		CHECK_EQ_INT(t->nrows, 9);
		CHECK_STR(t->cells[2 * t->ncols + 2].text, "110.00");
		CHECK_STR(t->cells[3 * t->ncols + 0].text, "201");
		CHECK_STR(t->cells[3 * t->ncols + 1].text, "一般公共服务支出");
		CHECK_EQ_INT(t->cells[2 * t->ncols + 0].colspan, 2);
		CHECK_CONTAINS(t->unit_line, "编制单位：测试县测试局");
	}
	t = table(x.doc, "t7");
	if (t) {
		CHECK_EQ_INT(t->nrows, 4);
		CHECK_STR(t->cells[3 * t->ncols + 0].text, "5.00");  /* 预算 合计 */
		CHECK_STR(t->cells[3 * t->ncols + 6].text, "4.00");  /* 决算 合计 */
		CHECK_STR(t->cells[3 * t->ncols + 11].text, "1.00"); /* 决算 公务接待费 */
		/* 因公出国 absent: an empty cell, not 0.00 */
		CHECK(!t->cells[3 * t->ncols + 7].text || !t->cells[3 * t->ncols + 7].text[0]);
	}
	t = table(x.doc, "t1");
	if (t)
		CHECK_CONTAINS(x.text, "一、一般公共预算财政拨款收入 | 1 | 100.00 | 一、一般公共服务支出");
	fx_free(&x);
}

TEST(report_small_charts)
{
	struct fx x;
	const struct cj_chart *c;

	if (!fx_small(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	c = chart(x.doc, "chart1");
	if (c) {
		CHECK_EQ_INT(c->kind, CJ_CHART_BARS);
		CHECK_EQ_INT(c->nseries, 2);
		CHECK_STR(c->series[0], "2019年");
		CHECK_STR(c->series[1], "2020年");
		CHECK_STR(c->caption, "（图1：收、支决算总计变动情况图）");
	}
	c = chart(x.doc, "chart2");
	if (c) {
		CHECK_EQ_INT(c->kind, CJ_CHART_PIE);
		CHECK_EQ_INT(c->ncats, CJ_INC_N);
		CHECK_STR(c->share_labels[0], "83.33%");
		CHECK_STR(c->share_labels[CJ_INC_OTHER], "16.67%");
	}
	c = chart(x.doc, "chart7");
	if (c) {
		CHECK_STR(c->share_labels[1], "75.00%");
		CHECK_STR(c->caption, "（图7：“三公”经费财政拨款支出结构）");
	}
	fx_free(&x);
}

/* Glossary labels come from the code table of the report's year. */
TEST(report_glossary_names_by_year)
{
	struct fx x;

	memset(&x, 0, sizeof(x));
	x.a = small();
	if (!x.a) {
		CHECK(0);
		return;
	}
	x.a->year.n = 2021;
	x.a->glossary.v = cj_calloc(2, sizeof(*x.a->glossary.v));
	x.a->glossary.n = 2;
	txt(&x.a->glossary.v[0].code, "2080505");
	txt(&x.a->glossary.v[0].text, "指机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。");
	txt(&x.a->glossary.v[1].term, "基本支出");
	txt(&x.a->glossary.v[1].text, "指为保障机构正常运转而发生的支出\n第二段");
	if (!fx_build(&x)) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	CHECK_CONTAINS(x.text, "H1 第三部分 名词解释\n"
			       "1.社会保障和就业支出（208）行政事业单位养老支出（05）"
			       "机关事业单位基本养老保险缴费支出（05）：指机关事业单位");
	CHECK_CONTAINS(x.text, "2.基本支出：指为保障机构正常运转而发生的支出\n第二段\n");
	CHECK_CONTAINS(x.text, "H1 第四部分 附表");
	CHECK_CONTAINS(x.text, "20805 | 行政事业单位养老支出 | 30.00");
	fx_free(&x);
}

TEST(report_usage_errors)
{
	struct cj_doc *doc = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_report_build(NULL, NULL, NULL, &doc, &d), CJ_ERR_USAGE);
	CHECK(doc == NULL);
}

/* Every allocation failure is reported and leaks nothing (run under asan). */
TEST(report_alloc_failure)
{
	struct fx x;
	long n;
	int ok = 0;

	memset(&x, 0, sizeof(x));
	x.a = small();
	if (!x.a || cj_codes_default(&x.codes, NULL) != CJ_OK ||
	    cj_calc(x.a, x.codes, &x.f, NULL) != CJ_OK) {
		CHECK(0);
		fx_free(&x);
		return;
	}
	for (n = 0; n < 100000 && !ok; n++) {
		struct cj_doc *doc = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		cj_alloc_fail_after(n);
		e = cj_report_build(x.a, x.f, x.codes, &doc, &d);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			ok = 1;
			CHECK(doc != NULL);
		} else if (e != CJ_ERR_NOMEM) {
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
			break;
		} else {
			CHECK(doc == NULL);
		}
		cj_doc_free(doc);
	}
	CHECK(ok);
	fx_free(&x);
}

/* ============================================================ example */

TEST(report_example)
{
	struct fx x;
	const char *p;

	if (!fx_example(&x)) {
		fx_free(&x);
		return;
	}
	if (getenv("CJ_REPORT_DUMP"))
		fputs(x.text, stdout);
	check_shape(x.doc, x.text);
	CHECK_STR(x.doc->title, "中共广元市利州区委员会办公室2020年度部门决算");

	/* 五（二）: 40.57 and 5.09% (the seed printed 5.19%) */
	p = para_after(x.doc, "（二）一般公共预算财政拨款支出决算结构情况", "主要用于");
	CHECK_CONTAINS(p, "社会保障和就业支出40.57万元，占5.09%");
	CHECK_CONTAINS(p, "一般公共服务支出711.54万元，占89.27%");
	CHECK_CONTAINS(p, "卫生健康支出12.39万元，占1.55%");

	/* 七（二）: shares of the 三公 total (the seed printed completion rates) */
	p = para_after(x.doc, "（二）“三公”经费财政拨款支出决算具体情况说明", "支出决算中");
	CHECK_CONTAINS(p, "公务用车购置及运行维护费支出决算2.07万元，占70.89%");
	CHECK_CONTAINS(p, "公务接待费支出决算0.85万元，占29.11%");

	/* 一 and 四: 514.72 (the seed printed 514.27 once) */
	CHECK_EQ_INT(count(x.text, "增加514.72万元，增长87.31%"), 2);
	CHECK(strstr(x.text, "514.27") == NULL);

	/* 高清视频会议系统: 96.61% (the seed printed 99.73%) */
	p = para_after(x.doc, "项目绩效目标完成情况", "高清视频会议系统项目绩效目标完成情况综述");
	CHECK_CONTAINS(p, "项目全年预算数57.55万元，执行数为55.60万元，完成预算的96.61%。");
	CHECK(strstr(x.text, "99.73") == NULL);

	/* 支出总计 is not 本年支出合计 */
	CHECK_CONTAINS(x.text, "2020年度收入总计1104.25万元，支出总计1104.25万元。");
	CHECK_CONTAINS(x.text, "2020年本年支出合计797.10万元。与2019年相比，本年支出合计增加217.03万元，"
			       "增长37.41%。");
	/* the reasons carry their amounts */
	CHECK_CONTAINS(x.text, "1.增加涉密会议系统项目收入57.55万元；2.增加信创替代项目收入327.11万元");
	/* 完成预算 and the item reasons */
	CHECK_CONTAINS(x.text, "2020年一般公共预算财政拨款支出决算数为797.10万元，完成预算72.18%。");
	CHECK_CONTAINS(x.text, "行政运行（项）：支出决算为441.91万元，完成预算104.29%，"
			       "决算数大于预算数的主要原因是2020年的人员增加导致工资性支出增加。");
	CHECK_CONTAINS(x.text, "其他社会保障和就业支出（项）：支出决算为1.94万元，完成预算100.00%。");
	/* 三公 */
	CHECK_CONTAINS(x.text, "2020年“三公”经费财政拨款支出决算为2.92万元，完成预算36.50%。"
			       "决算数小于预算数的主要原因是：1.由于区委书记未到位");
	CHECK_CONTAINS(x.text, "公务用车购置及运行维护费支出决算比2019年减少3.13万元，下降60.19%。");
	CHECK_CONTAINS(x.text, "公务接待费支出决算比2019年增加0.73万元，增长608.33%。");
	/* 六 */
	CHECK_CONTAINS(x.text, "人员经费464.33万元，主要包括：基本工资、津贴补贴、");
	CHECK_CONTAINS(x.text, "公用经费57.93万元，主要包括：办公费、");
	/* 十 */
	CHECK_CONTAINS(x.text, "机关运行经费支出57.93万元，比2019年增加13.58万元，增长30.62%。");
	CHECK_CONTAINS(x.text, "截至2020年12月31日，区委办公室共有车辆2辆，其中：主要领导干部用车1辆、");
	/* glossary: names from the code table of 2020 */
	CHECK_CONTAINS(x.text, "卫生健康支出（210）行政事业单位医疗（11）行政单位医疗（01）：");
	CHECK(strstr(x.text, "医疗卫生和计划生育") == NULL);
	/* part numbering and annexes */
	CHECK_CONTAINS(x.text, "H1 第三部分 名词解释");
	CHECK_CONTAINS(x.text, "H1 第四部分 附件");
	CHECK_CONTAINS(x.text, "H1 第五部分 附表");
	CHECK_CONTAINS(x.text, "H2 附件1 中共广元市利州区委员会办公室2020年部门整体支出绩效评价报告");
	CHECK_CONTAINS(x.text, "区委办公室共有编制数49名，其中：行政编制21名");
	CHECK_CONTAINS(x.text, "H3 高清会议系统项目2020年绩效评价报告");
	CHECK(table(x.doc, "perf-5") != NULL);
	CHECK(table(x.doc, "perf-5-funds") != NULL);
	CHECK_CONTAINS(x.text, "96.61%");
	fx_free(&x);
}
