/*
 * test_rules.c - the check catalogue (src/rules).
 *
 * A small, fully consistent unit is built in C (fixture()); the clean
 * fixture must produce no finding at all.  Each rule then has one case
 * (RULE_CASE, named after its id) that mutates the fixture so the rule
 * fires, and checks the id and, where it matters, stated and expected.
 * rules_every_rule_has_a_case holds the catalogue to that.
 *
 * Figures are written in 0.01 万元 (cents of 万元): W(11500) = 115.00 万元.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/money.h"
#include "calc/calc.h"
#include "model/accounts.h"
#include "model/codes.h"
#include "rules/rules.h"
#include "runner.h"

/* ------------------------------------------------------------ fixture */

static unsigned next_line;

static void W(struct cj_fig *f, int64_t cents)
{
	f->fen = cents * 10000;
	f->set = 1;
	f->loc.line = ++next_line;
}

static void N(struct cj_count *c, int64_t n)
{
	c->n = n;
	c->set = 1;
	c->loc.line = ++next_line;
}

static void T(struct cj_text *t, const char *s)
{
	cj_free(t->s);
	t->s = cj_strdup(s);
	t->loc.line = ++next_line;
}

static void P(struct cj_rate *r, int64_t bp, int scale)
{
	r->bp = bp;
	r->scale = scale;
	r->set = 1;
	r->loc.line = ++next_line;
}

/* Append a zeroed element to a {v, n} list; returns it. */
#define PUSH(list)                                                                   \
	((list).v = cj_realloc((list).v, ((list).n + 1) * sizeof(*(list).v)),        \
	 memset(&(list).v[(list).n], 0, sizeof(*(list).v)), (list).v[(list).n].loc.line = ++next_line, \
	 &(list).v[(list).n++])

/* A reason; cents < 0: without an amount. */
static void reason(struct cj_reasons *rs, const char *text, int64_t cents)
{
	struct cj_reason *r;

	if (!rs->loc.line)
		rs->loc.line = ++next_line;
	r = PUSH(*rs);
	T(&r->text, text);
	if (cents >= 0)
		W(&r->amount, cents);
}

static void clear_reasons(struct cj_reasons *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		cj_free(rs->v[i].text.s);
	cj_free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

static struct cj_func_item *item(struct cj_fund_spending *fs, const char *code, const char *name,
				 int64_t budget, int64_t actual, int64_t basic, int64_t project)
{
	struct cj_func_item *it = PUSH(fs->items);

	T(&it->code, code);
	if (name)
		T(&it->name, name);
	if (budget >= 0)
		W(&it->budget, budget);
	W(&it->actual, actual);
	W(&it->basic, basic);
	W(&it->project, project);
	return it;
}

static struct cj_stated_row *stated(struct cj_fund_spending *fs, const char *code, const char *name,
				    int64_t actual)
{
	struct cj_stated_row *r = PUSH(fs->stated);

	T(&r->code, code);
	if (name)
		T(&r->name, name);
	W(&r->actual, actual);
	return r;
}

static void econ(struct cj_basic *b, const char *code, const char *name, int64_t cents)
{
	struct cj_econ_item *it = PUSH(b->items);

	T(&it->code, code);
	T(&it->name, name);
	W(&it->amount, cents);
}

static void headcount(struct cj_headcounts *h, const char *kind, int64_t n)
{
	struct cj_headcount *x = PUSH(*h);

	T(&x->kind, kind);
	N(&x->count, n);
}

static void vehicle(struct cj_vehicle_kinds *v, const char *kind, int64_t n)
{
	struct cj_vehicle_kind *x = PUSH(*v);

	T(&x->kind, kind);
	N(&x->count, n);
}

/*
 * The clean unit (万元):
 *   income 115.00 = 一般 100 + 基金 10 + 事业 5; 年初 20; 收入总计 135 (last year 100)
 *   spending 110.00 = 基本 60 + 项目 50; 年末 25; 支出总计 135 (last year 90)
 *   T5 88.00 over four 项 (budget 90.00, 97.78%); T8 8.00; T9 empty
 *   财政拨款 income 110, spending 96, 年初 6, 年末 20
 *   T6 人员 50 + 公用 10 = T5 基本 60
 *   三公 budget 3.00, actual 2.00 (运行 1.50, 接待 0.50), last year 2.00
 */
static struct cj_accounts *fixture(void)
{
	struct cj_accounts *a = cj_accounts_new();
	struct cj_income_year *iy;
	struct cj_spending_year *sy;
	struct cj_fund_spending *g;
	struct cj_func_item *it;
	struct cj_stated_row *sr;
	struct cj_sangong *sg;
	struct cj_reception_item *ri;
	struct cj_project *p;
	struct cj_term *term;

	next_line = 0;
	a->source = cj_strdup("fixture.yaml");
	N(&a->schema, 1);
	N(&a->year, 2020);
	a->unit_fen = CJ_FEN_PER_WAN;
	T(&a->amount_unit, "万元");
	T(&a->unit.name, "测试单位");

	headcount(&a->unit.authorized, "行政编制", 10);
	headcount(&a->unit.authorized, "事业编制", 5);
	N(&a->unit.authorized_total, 15);
	headcount(&a->unit.staff, "行政人员", 9);
	headcount(&a->unit.staff, "事业人员", 4);
	N(&a->unit.staff_total, 13);

	iy = &a->income.year[CJ_CUR];
	W(&iy->src[CJ_INC_GENERAL], 10000);
	W(&iy->src[CJ_INC_GOVFUND], 1000);
	W(&iy->src[CJ_INC_STATECAP], 0);
	W(&iy->src[CJ_INC_SUPERIOR], 0);
	W(&iy->src[CJ_INC_BUSINESS], 500);
	W(&iy->src[CJ_INC_OPERATING], 0);
	W(&iy->src[CJ_INC_SUBSIDIARY], 0);
	W(&iy->src[CJ_INC_OTHER], 0);
	W(&iy->total, 11500);
	W(&iy->use_nonfiscal, 0);
	W(&iy->opening, 2000);
	W(&iy->grand_total, 13500);
	iy = &a->income.year[CJ_PREV];
	W(&iy->src[CJ_INC_GENERAL], 8500);
	W(&iy->src[CJ_INC_GOVFUND], 500);
	W(&iy->src[CJ_INC_BUSINESS], 500);
	W(&iy->total, 9500);
	W(&iy->opening, 500);
	W(&iy->grand_total, 10000);
	reason(&a->income.reasons, "项目收入增加", 2000);
	reason(&a->income.reasons, "人员经费增加", 1500);

	sy = &a->spending.year[CJ_CUR];
	W(&sy->kind[CJ_SP_BASIC], 6000);
	W(&sy->kind[CJ_SP_PROJECT], 5000);
	W(&sy->kind[CJ_SP_UPPER], 0);
	W(&sy->kind[CJ_SP_OPERATING], 0);
	W(&sy->kind[CJ_SP_SUBSIDY], 0);
	W(&sy->total, 11000);
	W(&sy->distribution, 0);
	W(&sy->closing, 2500);
	W(&sy->grand_total, 13500);
	sy = &a->spending.year[CJ_PREV];
	W(&sy->kind[CJ_SP_BASIC], 5000);
	W(&sy->kind[CJ_SP_PROJECT], 4000);
	W(&sy->total, 9000);
	W(&sy->closing, 1000);
	W(&sy->grand_total, 10000);
	reason(&a->spending.reasons, "项目支出增加", 2000);

	W(&a->fiscal.year[CJ_CUR].opening, 600);
	W(&a->fiscal.year[CJ_CUR].closing, 2000);
	W(&a->fiscal.year[CJ_CUR].income_total, 11000);
	W(&a->fiscal.year[CJ_CUR].spending_total, 9600);
	W(&a->fiscal.year[CJ_PREV].income_total, 9000);
	W(&a->fiscal.year[CJ_PREV].spending_total, 8500);
	reason(&a->fiscal.income_reasons, "项目资金增加", 2000);
	reason(&a->fiscal.spending_reasons, "业务工作增加", -1);

	g = &a->general;
	item(g, "2013101", "行政运行", 5000, 5000, 5000, 0);
	it = item(g, "2013102", "一般行政管理事务", 3000, 2800, 0, 2800);
	reason(&it->reasons, "项目有结余", 200);
	item(g, "2080505", "机关事业单位基本养老保险缴费支出", 800, 800, 800, 0);
	item(g, "2210201", "住房公积金", 200, 200, 200, 0);
	sr = stated(g, "201", "一般公共服务支出", 7800);
	W(&sr->basic, 5000);
	W(&sr->project, 2800);
	W(&sr->budget, 8000);
	stated(g, "20131", "党委办公厅（室）及相关机构事务", 7800);
	stated(g, "208", "社会保障和就业支出", 800);
	W(&g->total[CJ_CUR], 8800);
	W(&g->total[CJ_PREV], 8000);
	W(&g->budget_total, 9000);
	P(&g->stated_rate, 9778, 2);
	T(&g->budget_basis, "调整预算");
	reason(&g->reasons, "人员增加", 800);

	it = item(&a->govfund, "2120199", "其他城乡社区管理事务支出", -1, 800, 0, 800);
	W(&it->opening, 0);
	W(&it->income, 1000);
	W(&it->closing, 200);
	W(&a->govfund.total[CJ_CUR], 800);
	W(&a->govfund.total[CJ_PREV], 500);
	T(&a->statecap.none_reason, "本部门2020年度无国有资本经营预算财政拨款收支，故本表无数据。");
	/* 事业收入 pays the rest of 项目支出: T3 = T5 + T8 + this (same 项 as T8: merged) */
	item(&a->other, "2120199", "其他城乡社区管理事务支出", -1, 1400, 0, 1400);

	econ(&a->basic, "30101", "基本工资", 3000);
	econ(&a->basic, "30102", "津贴补贴", 1000);
	econ(&a->basic, "30108", "机关事业单位基本养老保险缴费", 800);
	econ(&a->basic, "30113", "住房公积金", 200);
	econ(&a->basic, "30201", "办公费", 600);
	econ(&a->basic, "30217", "公务接待费", 50);
	econ(&a->basic, "30231", "公务用车运行维护费", 150);
	econ(&a->basic, "31002", "办公设备购置", 200);
	W(&a->basic.personnel_total, 5000);
	W(&a->basic.public_total, 1000);

	sg = &a->sangong;
	W(&sg->budget.item[CJ_SG_ABROAD], 0);
	W(&sg->budget.item[CJ_SG_VPURCHASE], 0);
	W(&sg->budget.item[CJ_SG_VRUNNING], 200);
	W(&sg->budget.item[CJ_SG_RECEPTION], 100);
	W(&sg->budget.vehicle_total, 200);
	W(&sg->budget.total, 300);
	W(&sg->actual.item[CJ_SG_ABROAD], 0);
	W(&sg->actual.item[CJ_SG_VPURCHASE], 0);
	W(&sg->actual.item[CJ_SG_VRUNNING], 150);
	W(&sg->actual.item[CJ_SG_RECEPTION], 50);
	W(&sg->actual.vehicle_total, 150);
	W(&sg->actual.total, 200);
	W(&sg->last_year.item[CJ_SG_ABROAD], 0);
	W(&sg->last_year.item[CJ_SG_VPURCHASE], 0);
	W(&sg->last_year.item[CJ_SG_VRUNNING], 150);
	W(&sg->last_year.item[CJ_SG_RECEPTION], 50);
	W(&sg->last_year.vehicle_total, 150);
	W(&sg->last_year.total, 200);
	reason(&sg->budget_reasons, "厉行节约", -1);
	N(&sg->abroad_groups, 0);
	N(&sg->abroad_persons, 0);
	vehicle(&sg->held, "轿车", 1);
	N(&sg->held_total, 1);
	N(&sg->domestic.batches, 3);
	N(&sg->domestic.persons, 20);
	W(&sg->domestic.amount, 50);
	ri = PUSH(sg->domestic.items);
	T(&ri->text, "接待上级检查");
	N(&ri->batches, 2);
	W(&ri->amount, 30);
	ri = PUSH(sg->domestic.items);
	T(&ri->text, "接待外地考察");
	N(&ri->batches, 1);
	W(&ri->amount, 20);
	N(&sg->foreign.batches, 0);
	N(&sg->foreign.persons, 0);
	W(&sg->foreign.amount, 0);

	W(&a->opcost.amount[CJ_CUR], 800);
	W(&a->opcost.amount[CJ_PREV], 700);
	reason(&a->opcost.reasons, "会议增加", 100);

	W(&a->procurement.goods, 1000);
	W(&a->procurement.works, 0);
	W(&a->procurement.services, 500);
	W(&a->procurement.total, 1500);
	W(&a->procurement.sme, 600);
	W(&a->procurement.small_micro, 300);

	vehicle(&a->assets.vehicles, "机要通信用车", 1);
	vehicle(&a->assets.vehicles, "其他用车", 1);
	N(&a->assets.vehicles_total, 2);
	N(&a->assets.general_over_50, 0);
	N(&a->assets.special_over_100, 0);

	p = PUSH(a->perf.projects);
	T(&p->name, "项目A");
	W(&p->budget_fiscal, 3000);
	W(&p->budget_other, 0);
	W(&p->budget_total, 3000);
	W(&p->exec_fiscal, 2800);
	W(&p->exec_other, 0);
	W(&p->exec_total, 2800);
	P(&p->stated_rate, 9333, 2);
	P(&p->stated_table_rate, 9330, 1);
	P(&a->perf.dept.stated_rate, 9778, 2);

	term = PUSH(a->glossary);
	T(&term->code, "2013101");
	T(&term->text, "指行政单位的基本支出。");
	return a;
}

/* ------------------------------------------------------------ running */

static struct cj_codes *codes(void)
{
	static struct cj_codes *c;
	struct cj_diag d;

	if (!c) {
		cj_diag_init(&d);
		if (cj_codes_default(&c, &d) != CJ_OK)
			c = NULL;
	}
	return c; /* kept for the whole run */
}

static enum cj_err run(const struct cj_accounts *a, const struct cj_check_opts *opts,
		       struct cj_findings *out)
{
	struct cj_figures *f = NULL;
	enum cj_err e;

	cj_findings_init(out);
	e = cj_calc(a, codes(), &f, NULL);
	if (e)
		return e;
	e = cj_check(a, f, codes(), opts, out);
	cj_figures_free(f);
	return e;
}

static const struct cj_finding *find(const struct cj_findings *fs, const char *id)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, id) == 0)
			return &fs->v[i];
	return NULL;
}

static size_t count_id(const struct cj_findings *fs, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += strcmp(fs->v[i].rule, id) == 0;
	return n;
}

static void dump(const struct cj_findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		fprintf(stderr, "    %s:%u: %s[%s]: %s (写的 %s，应为 %s)\n", fs->v[i].file,
			fs->v[i].line, cj_sev_name(fs->v[i].sev), fs->v[i].rule, fs->v[i].message,
			fs->v[i].stated, fs->v[i].expected);
}

typedef void (*mutate_fn)(struct cj_accounts *a);

/* The rule must be silent on the fixture and fire once `mut` applied. */
static void expect_rule(const char *id, mutate_fn mut, const char *st, const char *ex, int line)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();
	const struct cj_finding *f;
	const struct cj_rule *r = cj_rules_find(id);

	if (!r)
		cj_test_fail(__FILE__, line, "%s: not in the catalogue", id);
	CHECK_EQ_INT(run(a, NULL, &fs), CJ_OK);
	if (find(&fs, id)) {
		cj_test_fail(__FILE__, line, "%s fires on the clean fixture", id);
		dump(&fs);
	} else {
		cj_test_pass();
	}
	cj_findings_release(&fs);
	cj_accounts_free(a);

	a = fixture();
	mut(a);
	CHECK_EQ_INT(run(a, NULL, &fs), CJ_OK);
	f = find(&fs, id);
	if (!f) {
		cj_test_fail(__FILE__, line, "%s does not fire on its mutation; findings:", id);
		dump(&fs);
	} else {
		cj_test_pass();
		if (st && strcmp(f->stated, st) != 0)
			cj_test_fail(__FILE__, line, "%s: stated \"%s\", want \"%s\" (%s)", id,
				     f->stated, st, f->message);
		else
			cj_test_pass();
		if (ex && strcmp(f->expected, ex) != 0)
			cj_test_fail(__FILE__, line, "%s: expected \"%s\", want \"%s\" (%s)", id,
				     f->expected, ex, f->message);
		else
			cj_test_pass();
		if (r && f->sev != r->sev && strcmp(id, "REASON-SUM") != 0 &&
		    strcmp(id, "EMPTY-EXPLAIN") != 0)
			cj_test_fail(__FILE__, line, "%s: severity %s, catalogue says %s", id,
				     cj_sev_name(f->sev), cj_sev_name(r->sev));
		CHECK_STR(f->file, "fixture.yaml");
		CHECK(f->message[0] != '\0');
	}
	cj_findings_release(&fs);
	cj_accounts_free(a);
}

/* Ids that have a RULE_CASE (registered before main runs). */
static const char *cased[256];
static size_t ncased;

/*
 * RULE_CASE(name, ID, STATED, EXPECTED) { mutation of `a` }
 * defines the test rules_case_<name> and registers ID as covered.
 */
#define RULE_CASE(name, ID, ST, EX)                                                \
	static void mut_##name(struct cj_accounts *a);                             \
	__attribute__((constructor)) static void cased_##name(void)                \
	{                                                                          \
		if (ncased < sizeof(cased) / sizeof(cased[0]))                     \
			cased[ncased++] = ID;                                      \
	}                                                                          \
	TEST(rules_case_##name)                                                    \
	{                                                                          \
		expect_rule(ID, mut_##name, ST, EX, __LINE__);                     \
	}                                                                          \
	static void mut_##name(struct cj_accounts *a)

/* ------------------------------------------------------------ catalogue */

static int upper_kebab(const char *s)
{
	const char *p;

	if (!*s || *s == '-')
		return 0;
	for (p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return p[-1] != '-' && !strstr(s, "--");
}

TEST(rules_catalogue_shape)
{
	static const char *const cats[] = {"合计", "勾稽", "说明", "编码", "三公", "绩效", "数据",
					   "文本"};
	const struct cj_rule *r, *q;
	size_t n = 0, k;

	for (r = cj_rules_catalogue(); r->id; r++) {
		int known = 0;

		if (r->check)
			n++;
		if (!upper_kebab(r->id))
			cj_test_fail(__FILE__, __LINE__, "id %s is not UPPER-KEBAB", r->id);
		for (q = cj_rules_catalogue(); q != r; q++)
			if (strcmp(q->id, r->id) == 0)
				cj_test_fail(__FILE__, __LINE__, "id %s twice", r->id);
		for (k = 0; k < sizeof(cats) / sizeof(cats[0]); k++)
			known |= strcmp(cats[k], r->category) == 0;
		if (!known)
			cj_test_fail(__FILE__, __LINE__, "%s: category %s", r->id, r->category);
		CHECK(r->title && r->title[0]);
		CHECK(r->basis && strstr(r->basis, "DOMAIN.md"));
	}
	CHECK(n >= 45);
	CHECK(cj_rules_find("INC-TOTAL") != NULL);
	CHECK_STR(cj_rules_find("SG-ECON-LE")->category, "三公");
	CHECK(cj_rules_find("NO-SUCH-RULE") == NULL);
	CHECK(cj_rules_find(NULL) == NULL);
}

TEST(rules_every_rule_has_a_case)
{
	const struct cj_rule *r;
	size_t i;

	for (r = cj_rules_catalogue(); r->id; r++) {
		int found = 0;

		if (!r->check)
			continue;
		for (i = 0; i < ncased; i++)
			found |= strcmp(cased[i], r->id) == 0;
		if (found)
			cj_test_pass();
		else
			cj_test_fail(__FILE__, __LINE__, "rule %s has no RULE_CASE", r->id);
	}
}

TEST(rules_markdown)
{
	struct cj_buf b;
	const char *s;
	char line[64];
	size_t n = 0;
	const struct cj_rule *r;

	for (r = cj_rules_catalogue(); r->id; r++)
		n++;
	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_rules_markdown(&b), CJ_OK);
	s = cj_buf_str(&b);
	CHECK(strncmp(s, "# 检查规则目录\n", strlen("# 检查规则目录\n")) == 0);
	CHECK_CONTAINS(s, "`caijue rules --markdown`");
	CHECK_CONTAINS(s, "| 编号 | 级别 | 规则 | 依据 |");
	CHECK_CONTAINS(s, "\n## 合计（");
	CHECK_CONTAINS(s, "\n## 说明（");
	CHECK_CONTAINS(s, "| INC-TOTAL | 错误 | 本年收入合计等于各项收入之和");
	CHECK_CONTAINS(s, "| PREV-MISSING | 提示 |");
	snprintf(line, sizeof(line), "共 %zu 条规则", n);
	CHECK_CONTAINS(s, line);
	/* every rule is listed */
	for (r = cj_rules_catalogue(); r->id; r++) {
		snprintf(line, sizeof(line), "| %s |", r->id);
		CHECK_CONTAINS(s, line);
	}
	cj_buf_release(&b);
}

/* ------------------------------------------------------------ the fixture */

TEST(rules_clean_fixture_has_no_finding)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();

	CHECK(codes() != NULL);
	CHECK_EQ_INT(run(a, NULL, &fs), CJ_OK);
	CHECK_EQ_INT(fs.n, 0);
	if (fs.n)
		dump(&fs);
	cj_findings_release(&fs);
	cj_accounts_free(a);
}

TEST(rules_check_computes_figures_when_null)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();

	W(&a->income.year[CJ_CUR].total, 11600);
	cj_findings_init(&fs);
	CHECK_EQ_INT(cj_check(a, NULL, codes(), NULL, &fs), CJ_OK);
	CHECK(find(&fs, "INC-TOTAL") != NULL);
	cj_findings_release(&fs);
	cj_accounts_free(a);
}

TEST(rules_report_location)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();
	const struct cj_finding *f;
	unsigned line;

	W(&a->income.year[CJ_CUR].total, 11600);
	line = a->income.year[CJ_CUR].total.loc.line;
	memcpy(a->income.year[CJ_CUR].total.loc.cell, "收入!C5", sizeof("收入!C5"));
	run(a, NULL, &fs);
	f = find(&fs, "INC-TOTAL");
	CHECK(f != NULL);
	if (f) {
		CHECK_EQ_INT(f->line, line);
		CHECK_STR(f->cell, "收入!C5");
		CHECK_EQ_INT(f->sev, CJ_SEV_ERROR);
		CHECK_STR(f->message, "本年收入合计与各项收入之和不符");
	}
	cj_findings_release(&fs);
	cj_accounts_free(a);
}

/* ------------------------------------------------------------ 合计 */

RULE_CASE(inc_total, "INC-TOTAL", "116.00", "115.00")
{
	W(&a->income.year[CJ_CUR].total, 11600);
}

RULE_CASE(inc_total_last_year, "INC-TOTAL", "95.10", "95.00")
{
	W(&a->income.year[CJ_PREV].total, 9510);
}

RULE_CASE(inc_grand, "INC-GRAND", "136.00", "135.00")
{
	W(&a->income.year[CJ_CUR].grand_total, 13600);
}

RULE_CASE(sp_total, "SP-TOTAL", "111.00", "110.00")
{
	W(&a->spending.year[CJ_CUR].total, 11100);
}

RULE_CASE(sp_grand, "SP-GRAND", "136.00", "135.00")
{
	W(&a->spending.year[CJ_CUR].grand_total, 13600);
}

RULE_CASE(bal_grand, "BAL-GRAND", "136.00", "135.00")
{
	W(&a->spending.year[CJ_CUR].closing, 2600);
}

RULE_CASE(gen_total, "GEN-TOTAL", "89.00", "88.00")
{
	W(&a->general.total[CJ_CUR], 8900);
}

RULE_CASE(gen_class_sum, "GEN-CLASS-SUM", "79.00", "78.00")
{
	W(&a->general.stated.v[0].actual, 7900);
}

RULE_CASE(gen_class_sum_budget, "GEN-CLASS-SUM", "81.00", "80.00")
{
	W(&a->general.stated.v[0].budget, 8100);
}

RULE_CASE(gen_kuan_sum, "GEN-KUAN-SUM", "77.00", "78.00")
{
	W(&a->general.stated.v[1].actual, 7700);
}

RULE_CASE(fund_row_sum, "FUND-ROW-SUM", "9.00", "8.00")
{
	stated(&a->govfund, "212", "城乡社区支出", 900);
}

RULE_CASE(gen_item_split, "GEN-ITEM-SPLIT", "50.00", "49.00")
{
	W(&a->general.items.v[0].basic, 4900);
}

RULE_CASE(gen_budget_total, "GEN-BUDGET-TOTAL", "91.00", "90.00")
{
	W(&a->general.budget_total, 9100);
}

RULE_CASE(econ_personnel, "ECON-PERSONNEL", "51.00", "50.00")
{
	W(&a->basic.personnel_total, 5100);
}

RULE_CASE(econ_public, "ECON-PUBLIC", "9.00", "10.00")
{
	W(&a->basic.public_total, 900);
}

RULE_CASE(econ_basic, "ECON-BASIC", "61.00", "60.00")
{
	W(&a->basic.items.v[0].amount, 3100);
	W(&a->basic.personnel_total, 5100);
}

RULE_CASE(econ_detail, "ECON-DETAIL", NULL, NULL)
{
	a->basic.items.v[4].amount.set = 0;
}

RULE_CASE(proc_total, "PROC-TOTAL", "16.00", "15.00")
{
	W(&a->procurement.total, 1600);
}

RULE_CASE(staff_auth_sum, "STAFF-AUTH-SUM", "16", "15")
{
	N(&a->unit.authorized_total, 16);
}

RULE_CASE(staff_actual_sum, "STAFF-ACTUAL-SUM", "12", "13")
{
	N(&a->unit.staff_total, 12);
}

RULE_CASE(fund_gov_total, "FUND-GOV-TOTAL", "9.00", "8.00")
{
	W(&a->govfund.total[CJ_CUR], 900);
}

RULE_CASE(fund_cap_total, "FUND-CAP-TOTAL", "2.00", "1.00")
{
	item(&a->statecap, "2120102", "一般行政管理事务", -1, 100, 0, 100);
	W(&a->statecap.total[CJ_CUR], 200);
}

RULE_CASE(fund_item_balance, "FUND-ITEM-BALANCE", "3.00", "2.00")
{
	W(&a->govfund.items.v[0].closing, 300);
}

RULE_CASE(proj_funds_sum, "PROJ-FUNDS-SUM", "31.00", "30.00")
{
	W(&a->perf.projects.v[0].budget_total, 3100);
}

/* ------------------------------------------------------------ 勾稽 */

RULE_CASE(fiscal_income, "FISCAL-INCOME", "111.00", "110.00")
{
	W(&a->fiscal.year[CJ_CUR].income_total, 11100);
}

RULE_CASE(fiscal_spending, "FISCAL-SPENDING", "97.00", "96.00")
{
	W(&a->fiscal.year[CJ_CUR].spending_total, 9700);
}

RULE_CASE(fiscal_spending_last_year, "FISCAL-SPENDING", "86.00", "85.00")
{
	W(&a->fiscal.year[CJ_PREV].spending_total, 8600);
}

RULE_CASE(fiscal_balance, "FISCAL-BALANCE", "117.00", "116.00")
{
	W(&a->fiscal.year[CJ_CUR].closing, 2100);
}

RULE_CASE(gen_le_spending, "GEN-LE-SPENDING", "60.00", "≤59.00")
{
	W(&a->spending.year[CJ_CUR].kind[CJ_SP_BASIC], 5900);
}

RULE_CASE(gen_vs_income_kind, "GEN-VS-INCOME-KIND", "8.00", NULL)
{
	W(&a->fiscal.year[CJ_CUR].opening, 0);
	W(&a->income.year[CJ_CUR].src[CJ_INC_GOVFUND], 0);
}

RULE_CASE(opcost_public, "OPCOST-PUBLIC", "11.00", "≤10.00")
{
	W(&a->opcost.amount[CJ_CUR], 1100);
}

RULE_CASE(proc_sme, "PROC-SME", "16.00", "≤15.00")
{
	W(&a->procurement.sme, 1600);
}

RULE_CASE(proc_small_micro, "PROC-SME", "7.00", "≤6.00")
{
	W(&a->procurement.small_micro, 700);
}

RULE_CASE(gen_rate, "GEN-RATE", "98.78%", "97.78%")
{
	P(&a->general.stated_rate, 9878, 2);
}

/* ------------------------------------------------------------ 三公 */

RULE_CASE(sg_vehicle_sum, "SG-VEHICLE-SUM", "1.60", "1.50")
{
	W(&a->sangong.actual.vehicle_total, 160);
}

RULE_CASE(sg_vehicle_sum_budget, "SG-VEHICLE-SUM", "2.10", "2.00")
{
	W(&a->sangong.budget.vehicle_total, 210);
}

RULE_CASE(sg_total_sum, "SG-TOTAL-SUM", "2.10", "2.00")
{
	W(&a->sangong.actual.total, 210);
}

RULE_CASE(sg_econ_le, "SG-ECON-LE", "0.60", "≤0.50")
{
	W(&a->basic.items.v[5].amount, 60);
}

RULE_CASE(sg_le_fiscal, "SG-LE-FISCAL", "101.50", "≤96.00")
{
	W(&a->sangong.actual.item[CJ_SG_RECEPTION], 10000);
}

RULE_CASE(sg_over_budget, "SG-OVER-BUDGET", "2.50", "≤2.00")
{
	W(&a->sangong.actual.item[CJ_SG_VRUNNING], 250);
}

RULE_CASE(veh_held_sum, "VEH-HELD-SUM", "2", "1")
{
	N(&a->sangong.held_total, 2);
}

RULE_CASE(veh_assets_sum, "VEH-ASSETS-SUM", "3", "2")
{
	N(&a->assets.vehicles_total, 3);
}

RULE_CASE(veh_held_assets, "VEH-HELD-ASSETS", "3", "≤2")
{
	N(&a->sangong.held.v[0].count, 3);
	N(&a->sangong.held_total, 3);
}

RULE_CASE(veh_bought, "VEH-BOUGHT", "20.00", "0.00")
{
	struct cj_vehicle_kind *v = PUSH(a->sangong.bought);

	T(&v->kind, "轿车");
	N(&v->count, 1);
	W(&v->amount, 2000);
}

RULE_CASE(reception_sum, "RECEPTION-SUM", "0.60", "0.50")
{
	W(&a->sangong.domestic.amount, 60);
}

RULE_CASE(reception_items, "RECEPTION-SUM", "4", "3")
{
	N(&a->sangong.domestic.items.v[0].batches, 3);
}

RULE_CASE(abroad_count, "ABROAD-COUNT", "1", NULL)
{
	N(&a->sangong.abroad_groups, 1);
}

/* ------------------------------------------------------------ 说明 */

RULE_CASE(expl_item_budget, "EXPL-ITEM-BUDGET", "28.00", "30.00")
{
	clear_reasons(&a->general.items.v[1].reasons);
}

RULE_CASE(expl_income_change, "EXPL-INCOME-CHANGE", NULL, NULL)
{
	clear_reasons(&a->income.reasons);
}

RULE_CASE(expl_spending_change, "EXPL-SPENDING-CHANGE", NULL, NULL)
{
	clear_reasons(&a->spending.reasons);
}

RULE_CASE(expl_fiscal_change, "EXPL-FISCAL-CHANGE", NULL, NULL)
{
	clear_reasons(&a->fiscal.income_reasons);
}

RULE_CASE(expl_fiscal_spending_change, "EXPL-FISCAL-CHANGE", NULL, NULL)
{
	clear_reasons(&a->fiscal.spending_reasons);
}

RULE_CASE(expl_gen_change, "EXPL-GEN-CHANGE", NULL, NULL)
{
	clear_reasons(&a->general.reasons);
}

RULE_CASE(expl_sg_budget, "EXPL-SG-BUDGET", "2.00", "3.00")
{
	clear_reasons(&a->sangong.budget_reasons);
}

RULE_CASE(expl_sg_change, "EXPL-SG-CHANGE", NULL, NULL)
{
	W(&a->sangong.last_year.item[CJ_SG_RECEPTION], 40);
	W(&a->sangong.last_year.total, 190);
}

RULE_CASE(expl_opcost_change, "EXPL-OPCOST-CHANGE", NULL, NULL)
{
	clear_reasons(&a->opcost.reasons);
}

RULE_CASE(reason_sum, "REASON-SUM", "36.00", "35.00")
{
	W(&a->income.reasons.v[0].amount, 2100);
}

RULE_CASE(reason_sum_item, "REASON-SUM", "3.00", "2.00")
{
	W(&a->general.items.v[1].reasons.v[0].amount, 300);
}

RULE_CASE(empty_explain, "EMPTY-EXPLAIN", NULL, NULL)
{
	cj_free(a->statecap.none_reason.s);
	a->statecap.none_reason.s = NULL;
}

RULE_CASE(prev_missing, "PREV-MISSING", NULL, NULL)
{
	/* 收入总计 = 支出总计: either side of last year would give the other */
	memset(&a->income.year[CJ_PREV], 0, sizeof(a->income.year[CJ_PREV]));
	memset(&a->spending.year[CJ_PREV], 0, sizeof(a->spending.year[CJ_PREV]));
}

RULE_CASE(sp_func_total, "SP-FUNC-TOTAL", "107.00", "110.00")
{
	W(&a->other.items.v[0].actual, 1100);
	W(&a->other.items.v[0].project, 1100);
}

RULE_CASE(sp_func_detail, "SP-FUNC-DETAIL", "96.00", "110.00")
{
	cj_free(a->other.items.v[0].code.s);
	cj_free(a->other.items.v[0].name.s);
	a->other.items.n = 0; /* the array itself is freed with the list */
}

/* ------------------------------------------------------------ 编码 */

RULE_CASE(code_unknown, "CODE-UNKNOWN", "2990101", NULL)
{
	T(&a->general.items.v[3].code, "2990101");
}

RULE_CASE(code_name, "CODE-NAME", "住房公积金支出", "住房公积金")
{
	T(&a->general.items.v[3].name, "住房公积金支出");
}

RULE_CASE(code_econ_unknown, "CODE-ECON-UNKNOWN", "39999", NULL)
{
	T(&a->basic.items.v[4].code, "39999");
}

RULE_CASE(code_econ_name, "CODE-ECON-NAME", "办公经费", "办公费")
{
	T(&a->basic.items.v[4].name, "办公经费");
}

RULE_CASE(code_dup, "CODE-DUP", "208", NULL)
{
	stated(&a->general, "208", "社会保障和就业支出", 800);
}

RULE_CASE(code_stated_orphan, "CODE-STATED-ORPHAN", "213", NULL)
{
	stated(&a->general, "213", "农林水支出", 500);
}

RULE_CASE(code_glossary, "CODE-GLOSSARY", "2999999", NULL)
{
	T(&a->glossary.v[0].code, "2999999");
}

/* ------------------------------------------------------------ 绩效 */

RULE_CASE(proj_exec_le, "PROJ-EXEC-LE", "31.00", "≤30.00")
{
	W(&a->perf.projects.v[0].exec_fiscal, 3100);
	W(&a->perf.projects.v[0].exec_total, 3100);
}

RULE_CASE(proj_rate, "PROJ-RATE", "99.73%", "93.33%")
{
	P(&a->perf.projects.v[0].stated_rate, 9973, 2);
}

RULE_CASE(proj_table_rate, "PROJ-TABLE-RATE", "94.0%", "93.33%")
{
	P(&a->perf.projects.v[0].stated_table_rate, 9400, 1);
}

RULE_CASE(proj_le_project, "PROJ-LE-PROJECT", "28.00", "≤27.00")
{
	W(&a->spending.year[CJ_CUR].kind[CJ_SP_PROJECT], 2700);
}

RULE_CASE(dept_rate, "DEPT-RATE", "97.00%", "97.78%")
{
	P(&a->perf.dept.stated_rate, 9700, 2);
}

/*
 * 绩效 indicators (rules_perf.c): the fixture's project has none; each case
 * adds the ones it needs.  Level and texts as the seed writes them.
 */
static struct cj_indicator *perf_ind(struct cj_accounts *a, const char *l1, const char *l2,
				     const char *expected, const char *actual)
{
	struct cj_indicator *x = PUSH(a->perf.projects.v[0].indicators);

	T(&x->level1, l1);
	T(&x->level2, l2);
	T(&x->name, expected);
	T(&x->expected, expected);
	T(&x->actual, actual);
	return x;
}

RULE_CASE(perf_levels, "PERF-LEVELS", "产出指标", "产出指标、效益指标")
{
	perf_ind(a, "项目完成指标", "质量指标", "网络畅通", "网络畅通");
	perf_ind(a, "项目完成指标", "质量指标", "完成涉密文件传输", "涉密文件传输正常");
}

RULE_CASE(perf_levels_unknown, "PERF-LEVELS", "其他指标", NULL)
{
	perf_ind(a, "产出指标", "数量指标", "宣传2次以上", "宣传3次");
	perf_ind(a, "效益指标", "社会效益指标", "提高保密意识", "提高了保密意识");
	perf_ind(a, "其他指标", "其他", "按时完成", "按时完成");
}

RULE_CASE(perf_level2, "PERF-LEVEL2", "数量指标",
	  "经济效益指标、社会效益指标、生态效益指标、可持续影响指标")
{
	perf_ind(a, "产出指标", "质量指标", "保障视频会议召开", "保障了视频会议召开");
	perf_ind(a, "效益指标", "数量指标", "完成会议系统建设", "会议系统1套、显示和音响设备1套");
}

RULE_CASE(perf_deviation_reason, "PERF-DEVIATION-REASON", "86.67%", "≥90.00%")
{
	struct cj_project *p = &a->perf.projects.v[0];

	W(&p->exec_fiscal, 2600);
	W(&p->exec_total, 2600);
	P(&p->stated_rate, 8667, 2);
	P(&p->stated_table_rate, 8670, 1);
}

RULE_CASE(perf_deviation_reason_indicator, "PERF-DEVIATION-REASON", "1次", "≥2次")
{
	perf_ind(a, "产出指标", "数量指标", "宣传《保密法》2次以上", "开展保密法宣传1次");
	perf_ind(a, "效益指标", "社会效益指标", "提高保密意识", "提高了保密意识");
}

RULE_CASE(perf_text_table, "PERF-TEXT-TABLE", "2次", "3次")
{
	struct cj_project *p = &a->perf.projects.v[0];

	perf_ind(a, "产出指标", "数量指标", "宣传《保密法》2次以上", "开展保密法宣传3次");
	perf_ind(a, "效益指标", "社会效益指标", "提高保密意识", "提高了保密意识");
	T(&p->goal_actual, "开展保密法宣传2次，开展保密工作检查");
}

RULE_CASE(perf_unit, "PERF-UNIT", "3个", "次")
{
	perf_ind(a, "产出指标", "数量指标", "开展检查2次以上", "开展检查3个");
	perf_ind(a, "效益指标", "社会效益指标", "提高保密意识", "提高了保密意识");
}

RULE_CASE(perf_weights, "PERF-WEIGHTS", "90.00", "100.00")
{
	P(&perf_ind(a, "产出指标", "数量指标", "宣传2次以上", "宣传3次")->weight, 6000, 0);
	P(&perf_ind(a, "效益指标", "社会效益指标", "提高保密意识", "提高了保密意识")->weight, 2000,
	  0);
}

/* ------------------------------------------------------------ 数据 */

RULE_CASE(year_range, "YEAR-RANGE", "1999", NULL)
{
	N(&a->year, 1999);
}

RULE_CASE(neg_closing, "NEG-CLOSING", "-1.00", NULL)
{
	a->spending.year[CJ_CUR].closing.fen = -1000000;
}

/* ------------------------------------------------------ finer points */

/* Run the fixture with one change and options; return findings of `id`. */
static size_t fires(const char *id, mutate_fn mut, const struct cj_check_opts *opts,
		    struct cj_findings *keep)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();
	size_t n;

	if (mut)
		mut(a);
	run(a, opts, &fs);
	n = count_id(&fs, id);
	if (keep)
		*keep = fs;
	else
		cj_findings_release(&fs);
	cj_accounts_free(a);
	return n;
}

/* The seed's project: 57.55 budget, 55.60 executed = 96.6116% */
static void seed_project(struct cj_accounts *a)
{
	struct cj_project *p = &a->perf.projects.v[0];

	W(&p->budget_fiscal, 5755);
	W(&p->budget_total, 5755);
	W(&p->exec_fiscal, 5560);
	W(&p->exec_total, 5560);
	P(&p->stated_rate, 9661, 2);
	P(&p->stated_table_rate, 9660, 1);
	/* keep Σ project exec ≤ 项目支出 */
}

static void seed_project_9973(struct cj_accounts *a)
{
	seed_project(a);
	P(&a->perf.projects.v[0].stated_rate, 9973, 2);
}

static void seed_project_9662(struct cj_accounts *a)
{
	seed_project(a);
	P(&a->perf.projects.v[0].stated_rate, 9662, 2);
}

static void seed_project_97(struct cj_accounts *a)
{
	seed_project(a);
	P(&a->perf.projects.v[0].stated_table_rate, 9700, 0);
}

TEST(rules_rate_intervals)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	/* 96.61 and 96.6 both stand for 96.6116 */
	CHECK_EQ_INT(fires("PROJ-RATE", seed_project, NULL, NULL), 0);
	CHECK_EQ_INT(fires("PROJ-TABLE-RATE", seed_project, NULL, NULL), 0);
	/* 99.73 is wrong, expected at two decimals */
	CHECK_EQ_INT(fires("PROJ-RATE", seed_project_9973, NULL, &fs), 1);
	f = find(&fs, "PROJ-RATE");
	if (f) {
		CHECK_STR(f->stated, "99.73%");
		CHECK_STR(f->expected, "96.61%");
		CHECK_CONTAINS(f->message, "项目A");
	}
	cj_findings_release(&fs);
	/* one unit in the last place off is caught at two decimals */
	CHECK_EQ_INT(fires("PROJ-RATE", seed_project_9662, NULL, NULL), 1);
	/* "97" (scale 0) stands for [96.5, 97.5]: 96.61 is inside */
	CHECK_EQ_INT(fires("PROJ-TABLE-RATE", seed_project_97, NULL, NULL), 0);
}

static void drop_item_reason(struct cj_accounts *a)
{
	clear_reasons(&a->general.items.v[1].reasons);
}

static void drop_income_reasons(struct cj_accounts *a)
{
	clear_reasons(&a->income.reasons);
}

TEST(rules_thresholds)
{
	struct cj_check_opts o;

	memset(&o, 0, sizeof(o));
	/* 28.00 against 30.00 is 6.67% */
	o.budget_threshold_bp = 700;
	CHECK_EQ_INT(fires("EXPL-ITEM-BUDGET", drop_item_reason, &o, NULL), 0);
	o.budget_threshold_bp = 600;
	CHECK_EQ_INT(fires("EXPL-ITEM-BUDGET", drop_item_reason, &o, NULL), 1);
	o.budget_threshold_bp = -5; /* negative means 0 */
	CHECK_EQ_INT(fires("EXPL-ITEM-BUDGET", drop_item_reason, &o, NULL), 1);
	/* 收入总计 135 against 100 is +35% */
	memset(&o, 0, sizeof(o));
	o.change_threshold_bp = 3500;
	CHECK_EQ_INT(fires("EXPL-INCOME-CHANGE", drop_income_reasons, &o, NULL), 0);
	o.change_threshold_bp = 3499;
	CHECK_EQ_INT(fires("EXPL-INCOME-CHANGE", drop_income_reasons, &o, NULL), 1);
	CHECK(cj_rules_find("EXPL-INCOME-CHANGE") != NULL);
}

static void income_reasons_off_by_one_fen(struct cj_accounts *a)
{
	a->income.reasons.v[0].amount.fen += 1;
}

TEST(rules_reason_tolerance)
{
	struct cj_check_opts o;

	memset(&o, 0, sizeof(o));
	CHECK_EQ_INT(fires("REASON-SUM", income_reasons_off_by_one_fen, &o, NULL), 1);
	o.reason_tolerance_fen = 1;
	CHECK_EQ_INT(fires("REASON-SUM", income_reasons_off_by_one_fen, &o, NULL), 0);
}

/* The seed: 57.55 + 327.11 + 12.99 + 117.07 = 514.72 = 1104.25 − 589.53 */
static void seed_income_reasons(struct cj_accounts *a)
{
	struct cj_income_year *cur = &a->income.year[CJ_CUR], *prev = &a->income.year[CJ_PREV];

	memset(cur, 0, sizeof(*cur));
	memset(prev, 0, sizeof(*prev));
	W(&cur->src[CJ_INC_GENERAL], 110425);
	W(&cur->total, 110425);
	W(&cur->opening, 0);
	W(&cur->grand_total, 110425);
	W(&prev->grand_total, 58953);
	clear_reasons(&a->income.reasons);
	clear_reasons(&a->fiscal.income_reasons); /* its change is no longer 20.00 */
	reason(&a->income.reasons, "涉密会议系统项目", 5755);
	reason(&a->income.reasons, "信创替代项目", 32711);
	reason(&a->income.reasons, "人员经费增加", 1299);
	reason(&a->income.reasons, "专项业务纳入预算", 11707);
}

static void seed_income_reasons_wrong(struct cj_accounts *a)
{
	seed_income_reasons(a);
	W(&a->income.reasons.v[1].amount, 32771);
}

/* Partial amounts: 25.00 listed against a change of 20.00 */
static void partial_reasons_too_big(struct cj_accounts *a)
{
	W(&a->spending.reasons.v[0].amount, 2500);
	reason(&a->spending.reasons, "其他原因", -1);
}

static void partial_reasons_ok(struct cj_accounts *a)
{
	W(&a->spending.reasons.v[0].amount, 1500);
	reason(&a->spending.reasons, "其他原因", -1);
}

TEST(rules_reason_sum_cases)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	CHECK_EQ_INT(fires("REASON-SUM", seed_income_reasons, NULL, NULL), 0);
	CHECK_EQ_INT(fires("REASON-SUM", seed_income_reasons_wrong, NULL, &fs), 1);
	f = find(&fs, "REASON-SUM");
	if (f) {
		CHECK_STR(f->stated, "515.32");
		CHECK_STR(f->expected, "514.72");
		CHECK_EQ_INT(f->sev, CJ_SEV_ERROR);
		CHECK_CONTAINS(f->message, "收入总计");
	}
	cj_findings_release(&fs);
	CHECK_EQ_INT(fires("REASON-SUM", partial_reasons_ok, NULL, NULL), 0);
	CHECK_EQ_INT(fires("REASON-SUM", partial_reasons_too_big, NULL, &fs), 1);
	f = find(&fs, "REASON-SUM");
	if (f) {
		CHECK_EQ_INT(f->sev, CJ_SEV_WARNING);
		CHECK_STR(f->stated, "25.00");
		CHECK_STR(f->expected, "≤20.00");
	}
	cj_findings_release(&fs);
}

static void govfund_with_none_reason(struct cj_accounts *a)
{
	T(&a->govfund.none_reason, "本表无数据。");
}

static void statecap_without_reason(struct cj_accounts *a)
{
	cj_free(a->statecap.none_reason.s);
	a->statecap.none_reason.s = NULL;
}

TEST(rules_empty_explain_severity)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	CHECK_EQ_INT(fires("EMPTY-EXPLAIN", statecap_without_reason, NULL, &fs), 1);
	f = find(&fs, "EMPTY-EXPLAIN");
	if (f) {
		CHECK_EQ_INT(f->sev, CJ_SEV_ERROR);
		CHECK_CONTAINS(f->message, "国有资本经营预算财政拨款支出");
		CHECK_CONTAINS(f->message, "state_capital.none_reason");
	}
	cj_findings_release(&fs);
	CHECK_EQ_INT(fires("EMPTY-EXPLAIN", govfund_with_none_reason, NULL, &fs), 1);
	f = find(&fs, "EMPTY-EXPLAIN");
	if (f)
		CHECK_EQ_INT(f->sev, CJ_SEV_WARNING);
	cj_findings_release(&fs);
}

/* 210 in a 2020 dataset under its pre-2019 name */
static void outdated_class_name(struct cj_accounts *a)
{
	item(&a->general, "2101101", "行政单位医疗", 0, 0, 0, 0);
	stated(&a->general, "210", "医疗卫生与计划生育支出", 0);
}

TEST(rules_code_name_outdated)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	CHECK_EQ_INT(fires("CODE-NAME", outdated_class_name, NULL, &fs), 1);
	f = find(&fs, "CODE-NAME");
	if (f) {
		CHECK_STR(f->message,
			  "「医疗卫生与计划生育支出」是2018年及以前的名称，2020年应为「卫生健康支出」");
		CHECK_STR(f->stated, "医疗卫生与计划生育支出");
		CHECK_STR(f->expected, "卫生健康支出");
	}
	cj_findings_release(&fs);
}

/* Full-width and half-width brackets are the same name. */
static void halfwidth_brackets(struct cj_accounts *a)
{
	T(&a->general.stated.v[1].name, "党委办公厅(室)及相关机构事务");
}

TEST(rules_code_name_folds_width)
{
	CHECK_EQ_INT(fires("CODE-NAME", halfwidth_brackets, NULL, NULL), 0);
}

/* Absent last-year data silences year-on-year rules instead of firing them. */
static void no_last_year(struct cj_accounts *a)
{
	memset(&a->income.year[CJ_PREV], 0, sizeof(a->income.year[CJ_PREV]));
	memset(&a->spending.year[CJ_PREV], 0, sizeof(a->spending.year[CJ_PREV]));
	clear_reasons(&a->income.reasons);
	clear_reasons(&a->spending.reasons);
}

TEST(rules_absent_is_not_an_error)
{
	struct cj_findings fs;

	fires("PREV-MISSING", no_last_year, NULL, &fs);
	CHECK_EQ_INT(count_id(&fs, "PREV-MISSING"), 2);
	CHECK_EQ_INT(count_id(&fs, "EXPL-INCOME-CHANGE"), 0);
	CHECK_EQ_INT(count_id(&fs, "EXPL-SPENDING-CHANGE"), 0);
	CHECK_EQ_INT(count_id(&fs, "BAL-GRAND"), 0);
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_ERROR), 0);
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_WARNING), 0);
	cj_findings_release(&fs);
}

/* A last year with only 本年支出合计 says nothing about 支出总计. */
static void last_year_totals_only(struct cj_accounts *a)
{
	memset(&a->spending.year[CJ_PREV], 0, sizeof(a->spending.year[CJ_PREV]));
	W(&a->spending.year[CJ_PREV].total, 9000);
}

TEST(rules_bal_grand_needs_balances)
{
	CHECK_EQ_INT(fires("BAL-GRAND", last_year_totals_only, NULL, NULL), 0);
}

/* No code table: the code rules are silent, the rest still runs. */
TEST(rules_without_codes)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();
	struct cj_figures *f = NULL;

	T(&a->general.items.v[3].code, "2990101");
	W(&a->general.total[CJ_CUR], 8900);
	CHECK_EQ_INT(cj_calc(a, NULL, &f, NULL), CJ_OK);
	cj_findings_init(&fs);
	CHECK_EQ_INT(cj_check(a, f, NULL, NULL, &fs), CJ_OK);
	CHECK_EQ_INT(count_id(&fs, "CODE-UNKNOWN"), 0);
	CHECK_EQ_INT(count_id(&fs, "GEN-TOTAL"), 1);
	cj_findings_release(&fs);
	cj_figures_free(f);
	cj_accounts_free(a);
}

/* Allocation failure while reporting: cj_check says so, nothing leaks. */
TEST(rules_check_nomem)
{
	struct cj_findings fs;
	struct cj_accounts *a = fixture();
	struct cj_figures *f = NULL;

	W(&a->income.year[CJ_CUR].total, 11600);
	CHECK_EQ_INT(cj_calc(a, codes(), &f, NULL), CJ_OK);
	cj_findings_init(&fs);
	cj_alloc_fail_after(0);
	CHECK_EQ_INT(cj_check(a, f, codes(), NULL, &fs), CJ_ERR_NOMEM);
	cj_alloc_fail_after(-1);
	cj_findings_release(&fs);
	cj_figures_free(f);
	cj_accounts_free(a);
}

/* Reasons for one 三公 item do not cover another that also differs. */
static void sg_item_reason_only(struct cj_accounts *a)
{
	clear_reasons(&a->sangong.budget_reasons);
	reason(&a->sangong.item_budget_reasons[CJ_SG_VRUNNING], "车辆停用", -1);
}

/* Narratives explain 购置 and 运行 together: either list covers both. */
static void sg_vehicle_change_covered(struct cj_accounts *a)
{
	W(&a->sangong.last_year.item[CJ_SG_VRUNNING], 100);
	W(&a->sangong.last_year.vehicle_total, 100);
	W(&a->sangong.last_year.total, 150);
	reason(&a->sangong.change_reasons[CJ_SG_VPURCHASE], "车辆运行增加", -1);
}

TEST(rules_sangong_reasons_per_item)
{
	struct cj_findings fs;
	const struct cj_finding *f;

	CHECK_EQ_INT(fires("EXPL-SG-BUDGET", sg_item_reason_only, NULL, &fs), 1);
	f = find(&fs, "EXPL-SG-BUDGET");
	if (f) {
		CHECK_CONTAINS(f->message, "公务接待费");
		CHECK_CONTAINS(f->message, "reception_budget_reasons");
		CHECK_STR(f->stated, "0.50");
		CHECK_STR(f->expected, "1.00");
	}
	cj_findings_release(&fs);
	CHECK_EQ_INT(fires("EXPL-SG-CHANGE", sg_vehicle_change_covered, NULL, NULL), 0);
}
