/*
 * test_xlsx_in.c - the input workbook: layout model, number text, the
 * empty template, YAML -> workbook -> dataset without loss (field by
 * field through the schema walk), YAML -> YAML stability, the same report
 * from the workbook as from the YAML, and the .xls fixture.
 *
 * Fixtures: examples/lizhou-2020.yaml; tests/data/xls/lizhou-2020.xls and
 * tests/data/xlsx/lizhou-2020-libreoffice.xlsx (the filled workbook saved
 * by LibreOffice, see tests/data/xlsx/README.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "calc/calc.h"
#include "in/wb_model.h"
#include "in/wb_read.h"
#include "in/xls_read.h"
#include "in/xlsx_read.h"
#include "in/yaml_read.h"
#include "model/codes.h"
#include "model/schema.h"
#include "out/md.h"
#include "out/template.h"
#include "out/yaml_write.h"
#include "report/report.h"
#include "rules/rules.h"
#include "runner.h"

#define EXAMPLE CJ_TEST_ROOT "/examples/lizhou-2020.yaml"

/* ============================================================ helpers */

struct any_list {
	void *v;
	size_t n;
};

static int fail_at(char *why, size_t cap, const char *path, const char *what)
{
	snprintf(why, cap, "%s: %s", path, what);
	return 1;
}

static int texts_differ(const char *a, const char *b)
{
	if (!a || !b)
		return a != b;
	return strcmp(a, b) != 0;
}

/*
 * Compare two records field by field through the schema walk: every
 * figure's set/fen, count, rate, text, list length and element.  Locations
 * are ignored.  Returns 0 when equal, else 1 with the path in `why`.
 */
static int cmp_fields(const struct cj_field *tab, const char *a, const char *b, const char *path,
		      char *why, size_t cap)
{
	char p[512];
	size_t i;

	for (; tab->key; tab++) {
		const char *pa = a + tab->off, *pb = b + tab->off;
		snprintf(p, sizeof(p), "%s%s%s", path, *path ? "." : "", tab->key);
		switch (tab->type) {
		case CJ_F_MONEY: {
			const struct cj_fig *x = (const void *)pa, *y = (const void *)pb;
			if (x->set != y->set || (x->set && x->fen != y->fen))
				return fail_at(why, cap, p, "amount differs");
			break;
		}
		case CJ_F_COUNT: {
			const struct cj_count *x = (const void *)pa, *y = (const void *)pb;
			if (x->set != y->set || (x->set && x->n != y->n))
				return fail_at(why, cap, p, "count differs");
			break;
		}
		case CJ_F_RATE: {
			const struct cj_rate *x = (const void *)pa, *y = (const void *)pb;
			if (x->set != y->set || (x->set && (x->bp != y->bp || x->scale != y->scale)))
				return fail_at(why, cap, p, "rate differs");
			break;
		}
		case CJ_F_TEXT:
		case CJ_F_CODE:
			if (texts_differ(((const struct cj_text *)(const void *)pa)->s,
					 ((const struct cj_text *)(const void *)pb)->s))
				return fail_at(why, cap, p, "text differs");
			break;
		case CJ_F_TEXTS: {
			const struct cj_texts *x = (const void *)pa, *y = (const void *)pb;
			if (x->n != y->n)
				return fail_at(why, cap, p, "list length differs");
			for (i = 0; i < x->n; i++)
				if (texts_differ(x->v[i].s, y->v[i].s)) {
					snprintf(why, cap, "%s[%zu]: \"%s\" vs \"%s\"", p, i + 1,
						 x->v[i].s ? x->v[i].s : "(null)",
						 y->v[i].s ? y->v[i].s : "(null)");
					return 1;
				}
			break;
		}
		case CJ_F_REASONS: {
			const struct cj_reasons *x = (const void *)pa, *y = (const void *)pb;
			if (x->n != y->n)
				return fail_at(why, cap, p, "reasons length differs");
			for (i = 0; i < x->n; i++) {
				const struct cj_reason *r = &x->v[i], *s = &y->v[i];
				if (texts_differ(r->text.s, s->text.s) || r->amount.set != s->amount.set ||
				    (r->amount.set && r->amount.fen != s->amount.fen))
					return fail_at(why, cap, p, "reason differs");
			}
			break;
		}
		case CJ_F_MAP:
			if (cmp_fields(tab->sub, pa, pb, p, why, cap))
				return 1;
			break;
		case CJ_F_LIST: {
			const struct any_list *x = (const void *)pa, *y = (const void *)pb;
			if (x->n != y->n)
				return fail_at(why, cap, p, "list length differs");
			for (i = 0; i < x->n; i++) {
				char q[540];
				snprintf(q, sizeof(q), "%s[%zu]", p, i + 1);
				if (cmp_fields(tab->sub, (const char *)x->v + i * tab->elem_size,
					       (const char *)y->v + i * tab->elem_size, q, why, cap))
					return 1;
			}
			break;
		}
		}
	}
	return 0;
}

static int same_accounts(const struct cj_accounts *a, const struct cj_accounts *b, char *why,
			 size_t cap)
{
	if (a->unit_fen != b->unit_fen)
		return !fail_at(why, cap, "unit_fen", "differs");
	return !cmp_fields(cj_schema_root(), (const char *)a, (const char *)b, "", why, cap);
}

/* Count the list elements and set figures of a record (so a test sees it is not trivial). */
static size_t count_values(const struct cj_field *tab, const char *base)
{
	size_t n = 0, i;

	for (; tab->key; tab++) {
		const char *p = base + tab->off;
		if (tab->type == CJ_F_MAP)
			n += count_values(tab->sub, p);
		else if (tab->type == CJ_F_LIST)
			for (i = 0; i < ((const struct any_list *)(const void *)p)->n; i++)
				n += 1 + count_values(tab->sub,
						      (const char *)((const struct any_list *)(const void *)p)->v +
							      i * tab->elem_size);
		else if (tab->type == CJ_F_TEXTS || tab->type == CJ_F_REASONS)
			n += ((const struct any_list *)(const void *)p)->n;
		else if (cj_wb_scalar_set(tab, p))
			n++;
	}
	return n;
}

static struct cj_accounts *read_example(void)
{
	struct cj_accounts *a = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	if (cj_yaml_read_file(EXAMPLE, &a, &d) != CJ_OK)
		fprintf(stderr, "example: %s:%u: %s\n", d.file, d.line, d.msg);
	return a;
}

static char *temp_dir(void)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/cj-xlsx-test-XXXXXX");
	return mkdtemp(dir);
}

/* Write `a` (NULL: the template) as a workbook at dir/name. */
static int write_wb(const char *dir, const char *name, const struct cj_accounts *a, char *path,
		    size_t cap)
{
	struct cj_codes *codes = NULL;
	struct cj_diag d;
	enum cj_err e;

	cj_diag_init(&d);
	snprintf(path, cap, "%s/%s", dir, name);
	if (cj_codes_default(&codes, &d) != CJ_OK)
		return 0;
	e = cj_template_write(path, a, codes, 0, &d);
	if (e)
		fprintf(stderr, "template: %s %s\n", d.cell, d.msg);
	cj_codes_free(codes);
	return e == CJ_OK;
}

static char *render_md(const struct cj_accounts *a)
{
	struct cj_codes *codes = NULL;
	struct cj_figures *f = NULL;
	struct cj_doc *doc = NULL;
	struct cj_diag d;
	struct cj_buf b;
	char *out = NULL;

	cj_diag_init(&d);
	cj_buf_init(&b, 0);
	if (cj_codes_default(&codes, &d) == CJ_OK && cj_calc(a, codes, &f, &d) == CJ_OK &&
	    cj_report_build(a, f, codes, &doc, &d) == CJ_OK && cj_md_render(doc, &b) == CJ_OK)
		out = cj_buf_detach(&b, NULL);
	else
		fprintf(stderr, "render: %s\n", d.msg);
	cj_buf_release(&b);
	cj_doc_free(doc);
	cj_figures_free(f);
	cj_codes_free(codes);
	return out;
}

/* ======================================================== model, numbers */

TEST(xlsx_in_model_sheets)
{
	struct cj_wb_model *m = NULL;
	const struct cj_wb_sheet *s;
	size_t i, k;

	CHECK_EQ_INT(cj_wb_model_new(&m, NULL), CJ_OK);
	if (!m)
		return;
	CHECK_STR(m->sheets[0].name, "说明");
	CHECK(cj_wb_model_sheet(m, "单位概况", strlen("单位概况")) != NULL);
	CHECK(cj_wb_model_sheet(m, "名词解释", strlen("名词解释")) != NULL);
	/* every sheet name fits struct cj_loc.cell with the largest cell reference */
	for (i = 0; i < m->n; i++)
		CHECK(strlen(m->sheets[i].name) + strlen("!XFD1048576") < sizeof(((struct cj_loc *)0)->cell));
	s = cj_wb_model_sheet(m, "收入", strlen("收入"));
	CHECK(s != NULL);
	if (s) {
		int found = 0;
		for (k = 0; k < s->nscalars; k++)
			if (strcmp(s->scalars[k].key, "this_year.general_budget") == 0)
				found = 1;
		CHECK(found);
		CHECK_STR(s->tables[0].path, "reasons");
	}
	/* items of the fund tables have a 序号 column; their reasons are a child table */
	s = cj_wb_model_sheet(m, "一般预算", strlen("一般预算"));
	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->tables[0].path, "items");
		CHECK(s->tables[0].has_children);
		CHECK_STR(s->tables[0].cols[0].key, "_no");
		CHECK_STR(s->tables[1].path, "items.reasons");
		CHECK_EQ_INT(s->tables[1].parent, 0);
		CHECK_STR(s->tables[1].cols[0].key, "_parent_no");
		CHECK_EQ_INT(s->tables[0].cols[1].codes, CJ_WB_CODES_FUNC_ITEM);
	}
	s = cj_wb_model_sheet(m, "绩效", strlen("绩效"));
	CHECK(s != NULL);
	if (s) {
		int report = 0, ind = 0;
		for (k = 0; k < s->ntables; k++) {
			size_t c;
			if (strcmp(s->tables[k].path, "projects.indicators") == 0)
				ind = 1;
			for (c = 0; c < s->tables[k].ncols; c++)
				if (strcmp(s->tables[k].cols[c].key, "report.basics") == 0)
					report = 1;
		}
		CHECK(report);
		CHECK(ind);
	}
	cj_wb_model_free(m);
}

TEST(xlsx_in_num_plain)
{
	static const struct {
		const char *in;
		int shift;
		const char *want; /* NULL: refused */
	} cases[] = {
		{"1104.25", 0, "1104.25"},
		{"2.9199999999999999", 0, "2.92"},
		{"2.9200000000000004", 0, "2.92"},
		{"797.10000000000002", 0, "797.1"},
		{"1E-3", 0, "0.001"},
		{"-1.25E+3", 0, "-1250"},
		{"0", 0, "0"},
		{"-0", 0, "0"},
		{"0.0", 0, "0"},
		{"  42 ", 0, "42"},
		{"123456789012345678", 0, "123456789012346000"},
		{"9.9999999999999999", 0, "10"},
		{"0.9661", 2, "96.61"},
		{"0.966", 2, "96.6"},
		{"1", 2, "100"},
		{"1e-5", 0, "0.00001"},
		{"1e400", 0, NULL},
		{"1e-400", 0, NULL},
		{"abc", 0, NULL},
		{"", 0, NULL},
		{"1.2.3", 0, NULL},
		{"1e", 0, NULL},
		{"--1", 0, NULL},
		{"NaN", 0, NULL},
		{"inf", 0, NULL},
	};
	char out[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ok = cj_wb_num_plain(cases[i].in, strlen(cases[i].in), cases[i].shift, out,
					 sizeof(out));
		if (cases[i].want) {
			CHECK(ok);
			if (ok)
				CHECK_STR(out, cases[i].want);
		} else {
			CHECK(!ok);
		}
	}
}

TEST(xlsx_in_cell_names)
{
	char buf[24];

	cj_wb_cell_name("收入", 6, 2, buf, sizeof(buf));
	CHECK_STR(buf, "收入!C7");
	cj_wb_cell_name("单位概况", 1048575, 16383, buf, sizeof(buf));
	CHECK_STR(buf, "单位概况!XFD1048576");
	cj_wb_col_name(26, buf);
	CHECK_STR(buf, "AA");
}

/* ===================================================== template, round trip */

TEST(xlsx_in_template_reads_back)
{
	char *dir = temp_dir(), path[256];
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	enum cj_err e;

	CHECK(dir != NULL);
	if (!dir)
		return;
	CHECK(write_wb(dir, "模板.xlsx", NULL, path, sizeof(path)));
	/* empty: caijue and amount_unit are filled in, the year is missing */
	cj_diag_init(&d);
	e = cj_xlsx_read_file(path, &a, &d);
	CHECK_EQ_INT(e, CJ_ERR_SCHEMA);
	CHECK(a == NULL);
	CHECK_CONTAINS(d.msg, "year");
	CHECK_CONTAINS(d.cell, "说明!C");
	CHECK_STR(d.file, path);
	CHECK_EQ_INT(d.line, 0);
	unlink(path);
	rmdir(dir);
}

TEST(xlsx_in_example_round_trip)
{
	struct cj_accounts *a = read_example(), *b = NULL;
	char *dir = temp_dir(), path[256], why[600] = "";
	struct cj_diag d;
	enum cj_err e;

	CHECK(a != NULL);
	CHECK(dir != NULL);
	if (!a || !dir)
		goto out;
	CHECK(count_values(cj_schema_root(), (const char *)a) > 500);
	CHECK(write_wb(dir, "lizhou.xlsx", a, path, sizeof(path)));
	cj_diag_init(&d);
	e = cj_xlsx_read_file(path, &b, &d);
	if (e)
		fprintf(stderr, "read back: %s %s\n", d.cell, d.msg);
	CHECK_EQ_INT(e, CJ_OK);
	if (b) {
		int same = same_accounts(a, b, why, sizeof(why));
		if (!same)
			fprintf(stderr, "round trip: %s\n", why);
		CHECK(same);
		/* locations name cells */
		CHECK_STR(b->unit.name.loc.cell, "单位概况!C5");
		CHECK_EQ_INT(b->unit.name.loc.line, 0);
		CHECK_CONTAINS(b->general.items.v[0].loc.cell, "一般预算!C");
		CHECK_CONTAINS(b->general.items.v[0].reasons.v[0].loc.cell, "一般预算!C");
	}
	unlink(path);
out:
	if (dir)
		rmdir(dir);
	cj_accounts_free(a);
	cj_accounts_free(b);
}

/* A filled workbook checks and builds to the same report as the YAML. */
TEST(xlsx_in_same_report)
{
	struct cj_accounts *a = read_example(), *b = NULL;
	char *dir = temp_dir(), path[256];
	char *md_yaml = NULL, *md_xlsx = NULL;
	struct cj_diag d;

	CHECK(a != NULL && dir != NULL);
	if (!a || !dir)
		goto out;
	CHECK(write_wb(dir, "lizhou.xlsx", a, path, sizeof(path)));
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xlsx_read_file(path, &b, &d), CJ_OK);
	unlink(path);
	if (!b)
		goto out;
	md_yaml = render_md(a);
	md_xlsx = render_md(b);
	CHECK(md_yaml != NULL && md_xlsx != NULL);
	if (md_yaml && md_xlsx) {
		CHECK(strlen(md_yaml) > 10000);
		CHECK(strcmp(md_yaml, md_xlsx) == 0);
	}
out:
	if (dir)
		rmdir(dir);
	cj_free(md_yaml);
	cj_free(md_xlsx);
	cj_accounts_free(a);
	cj_accounts_free(b);
}

/* YAML -> YAML: nothing lost, and writing what was read gives the same bytes. */
TEST(xlsx_in_yaml_stable)
{
	struct cj_accounts *a = read_example(), *b = NULL;
	struct cj_buf y1, y2;
	struct cj_diag d;
	char why[600] = "";

	cj_buf_init(&y1, 0);
	cj_buf_init(&y2, 0);
	CHECK(a != NULL);
	if (!a)
		goto out;
	CHECK_EQ_INT(cj_yaml_write(a, &y1), CJ_OK);
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_yaml_read(y1.ptr, y1.len, "y1.yaml", &b, &d), CJ_OK);
	if (!b) {
		fprintf(stderr, "y1.yaml:%u: %s\n", d.line, d.msg);
		goto out;
	}
	CHECK(same_accounts(a, b, why, sizeof(why)));
	if (why[0])
		fprintf(stderr, "yaml: %s\n", why);
	CHECK_EQ_INT(cj_yaml_write(b, &y2), CJ_OK);
	CHECK_EQ_INT(y1.len, y2.len);
	CHECK(y1.len == y2.len && memcmp(y1.ptr, y2.ptr, y1.len) == 0);
	CHECK_CONTAINS(y1.ptr, "amount_unit: 万元\n");
	CHECK_CONTAINS(y1.ptr, "    - code: \"2013101\"\n");
	CHECK_CONTAINS(y1.ptr, "      text: |\n        坚持把学习");
	CHECK_CONTAINS(y1.ptr, "        basics: |\n          1．该项目主管部门");
out:
	cj_buf_release(&y1);
	cj_buf_release(&y2);
	cj_accounts_free(a);
	cj_accounts_free(b);
}

/* ============================================================ fixtures */

static void check_fixture(enum cj_err (*rd)(const char *, struct cj_accounts **, struct cj_diag *),
			  const char *path)
{
	struct cj_accounts *a = read_example(), *b = NULL;
	struct cj_diag d;
	char why[600] = "";
	enum cj_err e;

	cj_diag_init(&d);
	e = rd(path, &b, &d);
	if (e)
		fprintf(stderr, "%s: %s %s\n", path, d.cell, d.msg);
	CHECK_EQ_INT(e, CJ_OK);
	if (a && b) {
		int same = same_accounts(a, b, why, sizeof(why));
		if (!same)
			fprintf(stderr, "%s: %s\n", path, why);
		CHECK(same);
	}
	cj_accounts_free(a);
	cj_accounts_free(b);
}

/* The filled workbook converted to .xls by LibreOffice reads as the example. */
TEST(xlsx_in_xls_fixture)
{
	check_fixture(cj_xls_read_file, CJ_TEST_ROOT "/tests/data/xls/lizhou-2020.xls");
}

/* ... and saved as .xlsx by LibreOffice (another producer's XML). */
TEST(xlsx_in_libreoffice_fixture)
{
	check_fixture(cj_xlsx_read_file, CJ_TEST_ROOT "/tests/data/xlsx/lizhou-2020-libreoffice.xlsx");
	check_fixture(cj_xlsx_read_file, CJ_TEST_ROOT "/tests/data/xlsx/lizhou-2020.xlsx");
}

TEST(xlsx_in_xls_not_xls)
{
	struct cj_accounts *a = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	CHECK(cj_xls_read_file(EXAMPLE, &a, &d) != CJ_OK);
	CHECK(a == NULL);
	CHECK_CONTAINS(d.msg, ".xls");
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xls_read_file("/nonexistent/x.xls", &a, &d), CJ_ERR_IO);
}

/* ===================================================== awkward values */

/* A record with strings that need quoting, blocks, odd amounts and rates. */
static struct cj_accounts *awkward(void)
{
	static const char *texts[] = {
		"null", "~", "- a", "a: b", "x #y", "#c", "  lead", "trail ", "tab\there",
		"two\nlines", "\nleading newline", "ends\n", "quote\"s and 'single'", "{x}",
		"[y]", "@at", "`tick", "%p", "!bang", "&amp", "*star", "|pipe", ">gt", "? q",
		"2020", "true", "a:", "line\n  indented\nthird", "cr\rhere", "blank\n \nline",
		"\xe2\x80\xa8ls", "：全角冒号开头", "（注：数据来源于财决01表）", "back\\slash",
		"_x0041_ literal", "<tag> & \"amp\"", "---", "...", "'", "\"", "-", "a\n\nb",
	};
	struct cj_accounts *a = cj_accounts_new();
	size_t i, n = sizeof(texts) / sizeof(texts[0]);

	if (!a)
		return NULL;
	a->schema.n = 1;
	a->schema.set = 1;
	a->year.n = 2020;
	a->year.set = 1;
	a->unit_fen = 1000000;
	a->amount_unit.s = cj_strdup("万元");
	a->unit.name.s = cj_strdup("测试单位");
	a->unit.functions.v = cj_calloc(n, sizeof(struct cj_text));
	a->unit.functions.n = n;
	a->income.reasons.v = cj_calloc(n, sizeof(struct cj_reason));
	a->income.reasons.n = n;
	a->glossary.v = cj_calloc(n, sizeof(struct cj_term));
	a->glossary.n = n;
	for (i = 0; i < n; i++) {
		a->unit.functions.v[i].s = cj_strdup(texts[i]);
		a->income.reasons.v[i].text.s = cj_strdup(texts[i]);
		if (i % 2) {
			a->income.reasons.v[i].amount.set = 1;
			a->income.reasons.v[i].amount.fen = (int64_t)i * 1234567 - 5000000;
		}
		a->glossary.v[i].term.s = cj_strdup(texts[i]);
		a->glossary.v[i].text.s = cj_strdup(texts[n - 1 - i]);
	}
	/* 12345.67 元 in a 万元 file; a negative closing balance; a huge count */
	a->income.year[CJ_CUR].src[CJ_INC_OTHER].fen = 1234567;
	a->income.year[CJ_CUR].src[CJ_INC_OTHER].set = 1;
	a->income.year[CJ_PREV].grand_total.fen = 0;
	a->income.year[CJ_PREV].grand_total.set = 1;
	a->spending.year[CJ_CUR].closing.fen = -250000;
	a->spending.year[CJ_CUR].closing.set = 1;
	a->unit.staff_total.n = INT64_C(9007199254740993); /* past 2^53 */
	a->unit.staff_total.set = 1;
	a->perf.dept.stated_rate.bp = 9660;
	a->perf.dept.stated_rate.scale = 2;
	a->perf.dept.stated_rate.set = 1;
	a->general.stated_rate.bp = 10000;
	a->general.stated_rate.scale = 0;
	a->general.stated_rate.set = 1;
	a->govfund.stated_rate.bp = 9660;
	a->govfund.stated_rate.scale = 1;
	a->govfund.stated_rate.set = 1;
	return a;
}

TEST(xlsx_in_awkward_values_yaml)
{
	struct cj_accounts *a = awkward(), *b = NULL;
	struct cj_buf y;
	struct cj_diag d;
	char why[600] = "";

	cj_buf_init(&y, 0);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK_EQ_INT(cj_yaml_write(a, &y), CJ_OK);
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_yaml_read(y.ptr, y.len, "awkward.yaml", &b, &d), CJ_OK);
	if (!b)
		fprintf(stderr, "awkward.yaml:%u: %s\n%s\n", d.line, d.msg, y.ptr);
	if (b) {
		int same = same_accounts(a, b, why, sizeof(why));
		if (!same)
			fprintf(stderr, "awkward yaml: %s\n", why);
		CHECK(same);
	}
	CHECK_CONTAINS(y.ptr, "other: 12345.67元\n");
	CHECK_CONTAINS(y.ptr, "closing_balance: -0.25\n");
	CHECK_CONTAINS(y.ptr, "    - \"null\"\n");
	cj_buf_release(&y);
	cj_accounts_free(a);
	cj_accounts_free(b);
}

TEST(xlsx_in_awkward_values_xlsx)
{
	struct cj_accounts *a = awkward(), *b = NULL;
	char *dir = temp_dir(), path[256], why[600] = "";
	struct cj_diag d;
	enum cj_err e;

	CHECK(a != NULL && dir != NULL);
	if (!a || !dir)
		goto out;
	CHECK(write_wb(dir, "awkward.xlsx", a, path, sizeof(path)));
	cj_diag_init(&d);
	e = cj_xlsx_read_file(path, &b, &d);
	if (e)
		fprintf(stderr, "awkward.xlsx: %s %s\n", d.cell, d.msg);
	CHECK_EQ_INT(e, CJ_OK);
	if (b) {
		int same = same_accounts(a, b, why, sizeof(why));
		if (!same)
			fprintf(stderr, "awkward xlsx: %s\n", why);
		CHECK(same);
	}
	unlink(path);
out:
	if (dir)
		rmdir(dir);
	cj_accounts_free(a);
	cj_accounts_free(b);
}

/* A text past Excel's 32,767 characters is refused with the cell named. */
TEST(xlsx_in_text_too_long)
{
	struct cj_accounts *a = awkward();
	char *dir = temp_dir(), path[256];
	struct cj_diag d;
	size_t n = 40000;

	CHECK(a != NULL && dir != NULL);
	if (!a || !dir)
		goto out;
	cj_free(a->unit.name.s);
	a->unit.name.s = cj_malloc(n + 1);
	if (!a->unit.name.s)
		goto out;
	memset(a->unit.name.s, 'x', n);
	a->unit.name.s[n] = '\0';
	snprintf(path, sizeof(path), "%s/long.xlsx", dir);
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_template_write(path, a, NULL, 0, &d), CJ_ERR_TOO_LARGE);
	CHECK_STR(d.cell, "单位概况!C5");
	CHECK_CONTAINS(d.msg, "32767");
	CHECK(access(path, F_OK) != 0);
out:
	if (dir)
		rmdir(dir);
	cj_accounts_free(a);
}

/* ============================================================ checks */

static int run_check(const struct cj_accounts *a, struct cj_findings *fs)
{
	struct cj_codes *codes = NULL;
	struct cj_figures *f = NULL;
	struct cj_diag d;
	int ok;

	cj_diag_init(&d);
	ok = cj_codes_default(&codes, &d) == CJ_OK && cj_calc(a, codes, &f, &d) == CJ_OK &&
	     cj_check(a, f, codes, NULL, fs) == CJ_OK;
	cj_figures_free(f);
	cj_codes_free(codes);
	return ok;
}

/*
 * The same findings from the workbook as from the YAML (a stated total
 * altered in both); a finding that points at a YAML line points at a cell
 * of the workbook.
 */
TEST(xlsx_in_same_findings)
{
	struct cj_accounts *a = read_example(), *b = NULL;
	struct cj_findings fa, fb;
	char *dir = temp_dir(), path[256];
	struct cj_diag d;
	size_t i, k, located = 0;

	cj_findings_init(&fa);
	cj_findings_init(&fb);
	CHECK(a != NULL && dir != NULL);
	if (!a || !dir)
		goto out;
	a->general.total[CJ_CUR].fen += 10000; /* 797.10 -> 797.11 */
	CHECK(write_wb(dir, "altered.xlsx", a, path, sizeof(path)));
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xlsx_read_file(path, &b, &d), CJ_OK);
	unlink(path);
	if (!b)
		goto out;
	CHECK(run_check(a, &fa));
	CHECK(run_check(b, &fb));
	CHECK(cj_findings_count(&fa, CJ_SEV_ERROR) > 0);
	CHECK_EQ_INT(fa.n, fb.n);
	for (i = 0; i < fa.n && fa.n == fb.n; i++) {
		int found = 0;
		for (k = 0; k < fb.n && !found; k++) {
			const struct cj_finding *x = &fa.v[i], *y = &fb.v[k];
			if (strcmp(x->rule, y->rule) == 0 && strcmp(x->message, y->message) == 0 &&
			    strcmp(x->stated, y->stated) == 0 && strcmp(x->expected, y->expected) == 0) {
				found = 1;
				CHECK_EQ_INT(y->line, 0);
				if (x->line) {
					CHECK(y->cell[0] != '\0');
					located++;
				}
			}
		}
		if (!found)
			fprintf(stderr, "no workbook finding for %s: %s\n", fa.v[i].rule, fa.v[i].message);
		CHECK(found);
	}
	CHECK(located > 0);
	/* the altered figure is named by its cell */
	for (k = 0, i = 0; k < fb.n; k++) {
		if (getenv("CJ_XLSX_DUMP"))
			fprintf(stderr, "%s %s %s\n", fb.v[k].rule, fb.v[k].cell, fb.v[k].message);
		if (strstr(fb.v[k].cell, "一般预算!C"))
			i++;
	}
	CHECK(i > 0);
out:
	if (dir)
		rmdir(dir);
	cj_findings_release(&fa);
	cj_findings_release(&fb);
	cj_accounts_free(a);
	cj_accounts_free(b);
}
