/*
 * test_pdf.c - the PDF report (out/pdf.h), the PNG charts (out/png.h)
 * and the cairo chart drawing under both (out/chart_cairo.h).
 *
 * The acceptance test of issue 4: `pdftotext` of the example's PDF
 * contains every figure that its Markdown contains.  That test and the
 * others that read the PDF back (page count, metadata, fonts, a header
 * repeated on consecutive pages) run poppler-utils (/usr/bin/pdftotext,
 * /usr/bin/pdfinfo, /usr/bin/pdffonts); without them they print
 * "skipped" and check only what needs no tool.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runner.h"

#include "base/alloc.h"
#include "base/buf.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/codes.h"
#include "out/chart_cairo.h"
#include "out/md.h"
#include "out/pdf.h"
#include "out/png.h"
#include "report/doc.h"
#include "report/report.h"

#define EXAMPLE CJ_TEST_ROOT "/examples/lizhou-2020.yaml"
#define PDFTOTEXT "/usr/bin/pdftotext"
#define PDFINFO "/usr/bin/pdfinfo"
#define PDFFONTS "/usr/bin/pdffonts"

/* ------------------------------------------------------------ helpers */

static int have(const char *tool)
{
	if (access(tool, X_OK) == 0)
		return 1;
	printf("pdf: %s not installed, skipped\n", tool);
	return 0;
}

/* Write a buffer to a fresh temporary file; its path in `path` (cap 64). */
static int to_file(const struct cj_buf *b, char *path)
{
	int fd;
	FILE *fp;

	strcpy(path, "/tmp/cj-test-pdf-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return 0;
	fp = fdopen(fd, "wb");
	if (!fp) {
		close(fd);
		return 0;
	}
	if (b->len && fwrite(b->ptr, 1, b->len, fp) != b->len) {
		fclose(fp);
		return 0;
	}
	return fclose(fp) == 0;
}

/* Output of a shell command; caller owns (cj_free).  NULL on failure. */
static char *run(const char *cmd)
{
	struct cj_buf b;
	char chunk[4096];
	size_t n;
	FILE *fp = popen(cmd, "r");
	char *r;

	if (!fp)
		return NULL;
	cj_buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cj_buf_put(&b, chunk, n);
	if (pclose(fp) != 0 || cj_buf_err(&b)) {
		cj_buf_release(&b);
		return NULL;
	}
	r = cj_buf_detach(&b, NULL);
	cj_buf_release(&b);
	return r;
}

/* pdftotext of pages first..last (0: all) of a file. */
static char *pdf_text(const char *path, int first, int last)
{
	char cmd[256];

	if (first)
		snprintf(cmd, sizeof(cmd), PDFTOTEXT " -f %d -l %d %s - 2>/dev/null", first, last,
			 path);
	else
		snprintf(cmd, sizeof(cmd), PDFTOTEXT " %s - 2>/dev/null", path);
	return run(cmd);
}

static char *pdf_info(const char *path)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), PDFINFO " %s 2>/dev/null", path);
	return run(cmd);
}

static int info_pages(const char *info)
{
	const char *p = info ? strstr(info, "Pages:") : NULL;

	return p ? atoi(p + 6) : -1;
}

/* The value of "Key:" in pdfinfo output, trimmed, in buf. */
static const char *info_field(const char *info, const char *key, char *buf, size_t cap)
{
	const char *p = info ? strstr(info, key) : NULL;
	size_t n = 0;

	buf[0] = '\0';
	if (!p)
		return buf;
	p += strlen(key);
	while (*p == ' ')
		p++;
	while (p[n] && p[n] != '\n' && n + 1 < cap)
		n++;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

struct example {
	struct cj_accounts *a;
	struct cj_codes *codes;
	struct cj_figures *f;
	struct cj_doc *doc;
};

static int example_load(struct example *x)
{
	struct cj_diag d;

	memset(x, 0, sizeof(*x));
	cj_diag_init(&d);
	if (cj_yaml_read_file(EXAMPLE, &x->a, &d) || cj_codes_default(&x->codes, &d) ||
	    cj_calc(x->a, x->codes, &x->f, &d) || cj_report_build(x->a, x->f, x->codes, &x->doc, &d)) {
		fprintf(stderr, "example: %s:%u: %s\n", d.file, d.line, d.msg);
		return 0;
	}
	return 1;
}

static void example_free(struct example *x)
{
	cj_doc_free(x->doc);
	cj_figures_free(x->f);
	cj_codes_free(x->codes);
	cj_accounts_free(x->a);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Check that every figure of `md` (a run of digits with , and . inside,
 * and a trailing %: 1,104.25, 5.09%, 2020) occurs in `text`.  Returns
 * the number of distinct figures looked at.
 */
static size_t check_figures(const char *md, const char *text)
{
	const char *p = md;
	size_t seen = 0, missing = 0;
	char fig[64];

	while (*p) {
		size_t n = 0;

		if (!is_digit(*p)) {
			p++;
			continue;
		}
		while (is_digit(p[n]) || ((p[n] == ',' || p[n] == '.') && is_digit(p[n + 1])))
			n++;
		if (p[n] == '%')
			n++;
		if (n < sizeof(fig)) {
			memcpy(fig, p, n);
			fig[n] = '\0';
			seen++;
			if (!strstr(text, fig)) {
				missing++;
				CHECK_CONTAINS(text, fig); /* fails and names the figure */
			}
		}
		p += n;
	}
	CHECK_EQ_INT(missing, 0);
	return seen;
}

/* A small document with every kind of node. */
static struct cj_chart *bar_chart(void)
{
	struct cj_chart *c = cj_chart_new("chart1-totals", CJ_CHART_BARS, "收、支决算总计变动情况图",
					  "（图1：收、支决算总计变动情况图）", "万元", 2, 2);

	cj_chart_set_cat(c, 0, "收入总计");
	cj_chart_set_cat(c, 1, "支出总计");
	cj_chart_set_series(c, 0, "2019年");
	cj_chart_set_series(c, 1, "2020年");
	cj_chart_set_value(c, 0, 0, 1104250000);
	cj_chart_set_value(c, 0, 1, 1088110000);
	cj_chart_set_value(c, 1, 0, 797100000);
	cj_chart_set_value(c, 1, 1, -711540000);
	return c;
}

static struct cj_chart *pie_chart(int all_zero)
{
	struct cj_chart *c = cj_chart_new("chart2-spend", CJ_CHART_PIE, "支出决算结构图",
					  "（图2：支出决算结构图）", "万元", 3, 1);

	cj_chart_set_cat(c, 0, "基本支出");
	cj_chart_set_cat(c, 1, "项目支出");
	cj_chart_set_cat(c, 2, "上缴上级支出");
	cj_chart_set_series(c, 0, "2020年");
	cj_chart_set_value(c, 0, 0, all_zero ? 0 : 635120000);
	cj_chart_set_value(c, 0, 1, all_zero ? 0 : 76420000);
	cj_chart_set_value(c, 0, 2, 0);
	cj_chart_set_share(c, 0, all_zero ? 0 : 8926);
	cj_chart_set_share(c, 1, all_zero ? 0 : 1074);
	cj_chart_set_share(c, 2, 0);
	return c;
}

/*
 * A table of `body` rows under a two-row header (项目甲 spanning two
 * rows, 金额乙 spanning two columns); body rows come in pairs joined by
 * a rowspan in column 0 (组001, 组002, ...), each row labelled 行0001...
 */
static struct cj_table *long_table(size_t body)
{
	struct cj_table *t = cj_table_new("t-long", "公开99表", "很长的测试表", "单位：万元",
					  2 + body, 3, 2);
	size_t r;
	char lab[32];

	cj_table_set(t, 0, 0, "项目甲", CJ_AL_CENTER);
	cj_table_span(t, 0, 0, 2, 1);
	cj_table_set(t, 0, 1, "金额乙", CJ_AL_CENTER);
	cj_table_span(t, 0, 1, 1, 2);
	cj_table_set(t, 1, 1, "上年丙", CJ_AL_CENTER);
	cj_table_set(t, 1, 2, "本年丁", CJ_AL_CENTER);
	for (r = 0; r < body; r++) {
		if (r % 2 == 0) {
			snprintf(lab, sizeof(lab), "组%03zu", r / 2 + 1);
			cj_table_set(t, 2 + r, 0, lab, CJ_AL_LEFT);
			if (r + 1 < body)
				cj_table_span(t, 2 + r, 0, 2, 1);
		}
		snprintf(lab, sizeof(lab), "行%04zu", r + 1);
		cj_table_set(t, 2 + r, 1, lab, CJ_AL_LEFT);
		cj_table_amount(t, 2 + r, 2, (int64_t)(r + 1) * 1234567);
	}
	cj_table_set_note(t, "注：测试表的说明。");
	return t;
}

static struct cj_doc *small_doc(void)
{
	struct cj_doc *d = cj_doc_new("测试单位2020年度部门决算", "测试单位", 2020);

	cj_doc_heading(d, 1, "第一部分 部门概况");
	cj_doc_heading(d, 2, "一、主要职能");
	cj_doc_para(d, "负责<办公室>日常运转 & \"文电\"处理，收入总计1104.25万元，占89.27%。");
	cj_doc_heading(d, 3, "（一）机构设置");
	cj_doc_heading(d, 4, "1.内设机构");
	cj_doc_para(d, "本部门设5个内设机构。\n第二段落：控制字符\x01\x7f已删去，坏字节\xff也不妨碍。");
	cj_doc_pagebreak(d);
	cj_doc_heading(d, 1, "第二部分 决算情况说明");
	cj_doc_chart(d, bar_chart());
	cj_doc_chart(d, pie_chart(0));
	cj_doc_chart(d, pie_chart(1));
	cj_doc_note(d, "（注：数据来源于财决01表）");
	cj_doc_table(d, long_table(6));
	cj_doc_pagebreak(d); /* at the end: no blank page */
	return d;
}

/* --------------------------------------------------------------- tests */

TEST(pdf_example_figures)
{
	struct example x;
	struct cj_buf md, pdf;
	char path[64], field[256];
	char *text = NULL, *info = NULL, *fonts = NULL;
	int pages;

	if (!example_load(&x)) {
		CHECK(0);
		return;
	}
	cj_buf_init(&md, 0);
	cj_buf_init(&pdf, 0);
	CHECK_EQ_INT(cj_md_render(x.doc, &md), CJ_OK);
	CHECK_EQ_INT(cj_pdf_render(x.doc, &pdf), CJ_OK);
	CHECK(pdf.len > 1000 && memcmp(pdf.ptr, "%PDF-1.", 7) == 0);
	CHECK(pdf.len > 10 && strstr(pdf.ptr + pdf.len - 10, "%%EOF") != NULL);
	if (!to_file(&pdf, path)) {
		CHECK(0);
		goto out;
	}
	if (have(PDFTOTEXT)) {
		text = pdf_text(path, 0, 0);
		CHECK(text != NULL);
		if (text)
			CHECK(check_figures(cj_buf_str(&md), text) > 200);
		/* Chinese text comes back whole: no spaces from justification. */
		CHECK_CONTAINS(text, "一般公共预算财政拨款支出决算表");
		CHECK_CONTAINS(text, "第一部分 部门概况");
	}
	if (have(PDFINFO)) {
		info = pdf_info(path);
		pages = info_pages(info);
		CHECK(pages >= 20 && pages <= 150);
		CHECK_STR(info_field(info, "Title:", field, sizeof(field)), x.doc->title);
		CHECK_STR(info_field(info, "Author:", field, sizeof(field)), x.doc->author);
		CHECK_CONTAINS(info, "595.28 x 841.89 pts (A4)");
	}
	if (have(PDFFONTS)) {
		char cmd[128];
		const char *l;
		int n = 0, embedded = 0;

		snprintf(cmd, sizeof(cmd), PDFFONTS " %s 2>/dev/null", path);
		fonts = run(cmd);
		CHECK(fonts != NULL);
		/* After the two header lines, every font: emb yes, sub yes, uni yes. */
		for (l = fonts ? strstr(fonts, "---") : NULL; l && (l = strchr(l, '\n')) && l[1];) {
			l++;
			n++;
			if (strstr(l, " yes yes yes ") && strstr(l, " yes yes yes ") < strchr(l, '\n'))
				embedded++;
		}
		CHECK(n >= 1);
		CHECK_EQ_INT(embedded, n);
		CHECK_CONTAINS(fonts, "CJK");
	}
	unlink(path);
out:
	cj_free(text);
	cj_free(info);
	cj_free(fonts);
	cj_buf_release(&md);
	cj_buf_release(&pdf);
	example_free(&x);
}

/* Set or unset SOURCE_DATE_EPOCH; returns a copy of the old value (caller frees). */
static char *set_epoch(const char *v)
{
	const char *old = getenv("SOURCE_DATE_EPOCH");
	char *keep = old ? cj_strdup(old) : NULL;

	if (v)
		setenv("SOURCE_DATE_EPOCH", v, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	return keep;
}

static void restore_epoch(char *old)
{
	if (old)
		setenv("SOURCE_DATE_EPOCH", old, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	cj_free(old);
}

static size_t count_mem(const char *hay, size_t len, const char *needle)
{
	size_t n = 0, k = strlen(needle), i;

	for (i = 0; i + k <= len; i++)
		if (memcmp(hay + i, needle, k) == 0)
			n++;
	return n;
}

TEST(pdf_deterministic)
{
	struct example x;
	struct cj_buf a, b;
	char *old;
	static const char *const bad[] = {"16e8", "-1", " 1", "1.5", "253402300800", "9999999999999"};
	size_t i;

	if (!example_load(&x)) {
		CHECK(0);
		return;
	}
	old = set_epoch("1600000000"); /* 2020-09-13T12:26:40Z */
	cj_buf_init(&a, 0);
	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_pdf_render(x.doc, &a), CJ_OK);
	sleep(1); /* a clock that leaked into the file would now differ */
	CHECK_EQ_INT(cj_pdf_render(x.doc, &b), CJ_OK);
	CHECK_EQ_INT(a.len, b.len);
	CHECK(a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0);
	/*
	 * The creation and modification dates are the epoch's and there is
	 * no other date.  cairo 1.16 writes a date set through the metadata
	 * API without the "D:" prefix, later versions with it.
	 */
	CHECK_EQ_INT(count_mem(a.ptr, a.len, "/CreationDate ("), 1);
	CHECK_EQ_INT(count_mem(a.ptr, a.len, "/ModDate ("), 1);
	CHECK_EQ_INT(count_mem(a.ptr, a.len, "20200913122640Z)"), 2);
	CHECK_EQ_INT(count_mem(a.ptr, a.len, "/ID"), 0);

	/* Malformed values are refused before anything is written. */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cj_buf_reset(&a);
		setenv("SOURCE_DATE_EPOCH", bad[i], 1);
		CHECK_EQ_INT(cj_pdf_render(x.doc, &a), CJ_ERR_PARSE);
		CHECK_EQ_INT(a.len, 0);
	}
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	CHECK_EQ_INT(cj_pdf_render(x.doc, &a), CJ_OK);
	CHECK_EQ_INT(count_mem(a.ptr, a.len, "19700101000000Z)"), 2);
	cj_buf_reset(&a);
	setenv("SOURCE_DATE_EPOCH", "253402300799", 1);
	CHECK_EQ_INT(cj_pdf_render(x.doc, &a), CJ_OK);
	CHECK_EQ_INT(count_mem(a.ptr, a.len, "99991231235959Z)"), 2);

	restore_epoch(old);
	cj_buf_release(&a);
	cj_buf_release(&b);
	example_free(&x);
}

TEST(pdf_table_header_repeats)
{
	struct cj_doc *d = cj_doc_new("长表测试", "测试单位", 2020);
	struct cj_buf pdf;
	char path[64], *info = NULL, lab[32];
	int pages, pg;
	size_t r, rows_seen = 0;

	cj_doc_para(d, "下表跨页，表头在每一页重复。");
	cj_doc_table(d, long_table(160));
	cj_buf_init(&pdf, 0);
	CHECK_EQ_INT(cj_pdf_render(d, &pdf), CJ_OK);
	if (!to_file(&pdf, path) || !have(PDFTOTEXT) || !have(PDFINFO))
		goto out;
	info = pdf_info(path);
	pages = info_pages(info);
	CHECK(pages >= 3);
	for (pg = 1; pg <= pages; pg++) {
		char *t = pdf_text(path, pg, pg);

		CHECK(t != NULL);
		if (!t)
			break;
		/* Every page of the table starts with its two header rows. */
		CHECK_CONTAINS(t, "项目甲");
		CHECK_CONTAINS(t, "金额乙");
		CHECK_CONTAINS(t, "本年丁");
		if (pg > 1)
			CHECK(strstr(t, "很长的测试表") == NULL); /* the title is not repeated */
		/* A pair joined by a rowspan is never split across pages. */
		for (r = 0; r < 160; r += 2) {
			char lab2[32];
			int in1, in2;

			snprintf(lab, sizeof(lab), "行%04zu", r + 1);
			snprintf(lab2, sizeof(lab2), "行%04zu", r + 2);
			in1 = strstr(t, lab) != NULL;
			in2 = strstr(t, lab2) != NULL;
			CHECK_EQ_INT(in1, in2);
			rows_seen += (size_t)in1 + (size_t)in2;
		}
		cj_free(t);
	}
	CHECK_EQ_INT(rows_seen, 160); /* each row once */
	unlink(path);
out:
	cj_free(info);
	cj_buf_release(&pdf);
	cj_doc_free(d);
}

TEST(pdf_small_doc)
{
	struct cj_doc *d = small_doc();
	struct cj_buf pdf;
	char path[64], *info = NULL, *text = NULL;

	cj_buf_init(&pdf, 0);
	CHECK_EQ_INT(cj_pdf_render(d, &pdf), CJ_OK);
	if (!to_file(&pdf, path))
		goto out;
	if (have(PDFINFO) && have(PDFTOTEXT)) {
		int pages;

		info = pdf_info(path);
		pages = info_pages(info);
		CHECK(pages >= 3 && pages <= 5);
		/* Page 1 ends at the page break; the trailing break adds no blank page. */
		text = pdf_text(path, 1, 1);
		CHECK(text && !strstr(text, "第二部分"));
		cj_free(text);
		text = pdf_text(path, pages, pages);
		CHECK_CONTAINS(text, "注：测试表的说明。");
		cj_free(text);
		text = NULL;
	}
	if (have(PDFTOTEXT)) {
		text = pdf_text(path, 0, 0);
		CHECK_CONTAINS(text, "1104.25");
		CHECK_CONTAINS(text, "89.27%");
		CHECK_CONTAINS(text, "控制字符已删去");
		CHECK_CONTAINS(text, "（图2：支出决算结构图）");
		CHECK_CONTAINS(text, "无数据");
		CHECK_CONTAINS(text, "-711.54");
		CHECK(strstr(text, "— 1 —") || strstr(text, "—1—")); /* the footer */
		CHECK(strstr(text, "— 2 —") || strstr(text, "—2—"));
		CHECK_CONTAINS(text, "注：测试表的说明。");
	}
	unlink(path);
out:
	cj_free(info);
	cj_free(text);
	cj_buf_release(&pdf);
	cj_doc_free(d);
}

TEST(pdf_empty_doc)
{
	struct cj_doc *d = cj_doc_new("", "", 2020);
	struct cj_buf pdf;
	char path[64], *info = NULL;

	cj_buf_init(&pdf, 0);
	CHECK_EQ_INT(cj_pdf_render(d, &pdf), CJ_OK);
	CHECK(pdf.len > 100);
	if (to_file(&pdf, path) && have(PDFINFO)) {
		info = pdf_info(path);
		CHECK_EQ_INT(info_pages(info), 1);
		unlink(path);
	}
	cj_free(info);
	cj_buf_release(&pdf);
	cj_doc_free(d);
}

TEST(pdf_usage)
{
	struct cj_doc *d = cj_doc_new("t", "a", 2020);
	struct cj_chart *c;
	struct cj_buf b;
	char **labels;

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_pdf_render(NULL, &b), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_pdf_render(d, NULL), CJ_ERR_USAGE);
	/* A chart that is not filled is refused before anything is written. */
	c = bar_chart();
	cj_doc_chart(d, c);
	labels = c->value_labels;
	c->value_labels = NULL;
	CHECK_EQ_INT(cj_pdf_render(d, &b), CJ_ERR_USAGE);
	CHECK_EQ_INT(b.len, 0);
	c->value_labels = labels;
	/* The doc's own sticky error comes back. */
	d->err = CJ_ERR_RANGE;
	CHECK_EQ_INT(cj_pdf_render(d, &b), CJ_ERR_RANGE);
	cj_buf_release(&b);
	cj_doc_free(d);
}

TEST(pdf_buffer_cap)
{
	struct cj_doc *d = small_doc();
	struct cj_buf b;

	cj_buf_init(&b, 4096);
	CHECK_EQ_INT(cj_pdf_render(d, &b), CJ_ERR_TOO_LARGE);
	cj_buf_release(&b);
	cj_doc_free(d);
}

/* Every allocation of ours fails in turn: NOMEM or success, nothing leaks (ASan). */
TEST(pdf_oom)
{
	struct cj_doc *d = small_doc();
	struct cj_buf b;
	enum cj_err e = CJ_ERR_NOMEM;
	long n;

	for (n = 0; n < 5000 && e != CJ_OK; n++) {
		cj_buf_init(&b, 0);
		cj_alloc_fail_after(n);
		e = cj_pdf_render(d, &b);
		cj_alloc_fail_after(-1);
		if (e != CJ_OK && e != CJ_ERR_NOMEM)
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
		cj_buf_release(&b);
	}
	CHECK_EQ_INT(e, CJ_OK);
	CHECK(n > 5); /* the loop did go through failures */
	cj_doc_free(d);
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void check_png(const struct cj_chart *c, int width)
{
	struct cj_buf b;
	const unsigned char *u;

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_chart_png(c, width, &b), CJ_OK);
	CHECK(b.len > 33);
	if (b.len > 33) {
		u = (const unsigned char *)b.ptr;
		CHECK(memcmp(u, "\x89PNG\r\n\x1a\n", 8) == 0);
		CHECK(memcmp(u + 12, "IHDR", 4) == 0);
		CHECK_EQ_INT(be32(u + 16), width);
		CHECK(be32(u + 20) > (unsigned long)width / 4 && be32(u + 20) < (unsigned long)width * 2);
		CHECK(memcmp(b.ptr + b.len - 8, "IEND", 4) == 0);
	}
	cj_buf_release(&b);
}

TEST(pdf_png_charts)
{
	struct cj_chart *bar = bar_chart(), *pie = pie_chart(0), *zero = pie_chart(1);
	struct cj_chart *empty = cj_chart_new("e", CJ_CHART_BARS, "空图", "", "万元", 0, 0);
	struct cj_buf b, b2;
	double h1, h2;

	check_png(bar, 1280);
	check_png(bar, 640);
	check_png(pie, 1280);
	check_png(zero, 800);
	check_png(empty, 320);

	/* The same chart gives the same bytes. */
	cj_buf_init(&b, 0);
	cj_buf_init(&b2, 0);
	CHECK_EQ_INT(cj_chart_png(pie, 600, &b), CJ_OK);
	CHECK_EQ_INT(cj_chart_png(pie, 600, &b2), CJ_OK);
	CHECK(b.len == b2.len && memcmp(b.ptr, b2.ptr, b.len) == 0);

	/* Limits and usage. */
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_chart_png(bar, 0, &b), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_chart_png(bar, CJ_PNG_MAX_WIDTH + 1, &b), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_chart_png(NULL, 640, &b), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_chart_png(bar, 640, NULL), CJ_ERR_USAGE);
	cj_buf_release(&b);
	cj_buf_init(&b, 100);
	CHECK_EQ_INT(cj_chart_png(bar, 640, &b), CJ_ERR_TOO_LARGE);

	/* Heights: positive, stable, the pie's legend rows counted. */
	CHECK_EQ_INT(cj_chart_cairo_height(bar, &h1), CJ_OK);
	CHECK_EQ_INT(cj_chart_cairo_height(bar, &h2), CJ_OK);
	CHECK(h1 > 200 && h1 < 600 && h1 == h2);
	CHECK_EQ_INT(cj_chart_cairo_height(pie, &h1), CJ_OK);
	CHECK(h1 > 300 && h1 < 600);
	CHECK_EQ_INT(cj_chart_cairo_height(NULL, &h1), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_chart_cairo_draw(bar, NULL), CJ_ERR_USAGE);

	cj_buf_release(&b);
	cj_buf_release(&b2);
	cj_chart_free(bar);
	cj_chart_free(pie);
	cj_chart_free(zero);
	cj_chart_free(empty);
}

TEST(pdf_png_oom)
{
	struct cj_chart *pie = pie_chart(0);
	struct cj_buf b;
	enum cj_err e = CJ_ERR_NOMEM;
	long n;

	for (n = 0; n < 1000 && e != CJ_OK; n++) {
		cj_buf_init(&b, 0);
		cj_alloc_fail_after(n);
		e = cj_chart_png(pie, 640, &b);
		cj_alloc_fail_after(-1);
		if (e != CJ_OK && e != CJ_ERR_NOMEM)
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
		cj_buf_release(&b);
	}
	CHECK_EQ_INT(e, CJ_OK);
	cj_chart_free(pie);
}

TEST(pdf_text_clean)
{
	struct cj_buf b;

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_cairo_clean(&b, "a\tb\r\nc\rd\x01\x7f" "e\xc2\x85" "f\xff" "g", 1), CJ_OK);
	CHECK_STR(cj_buf_str(&b), "a b\nc\nde" "f\xEF\xBF\xBD" "g");
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_cairo_clean(&b, "甲\n乙", 0), CJ_OK);
	CHECK_STR(cj_buf_str(&b), "甲 乙");
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_cairo_clean(&b, NULL, 0), CJ_OK);
	CHECK_STR(cj_buf_str(&b), "");
	cj_buf_release(&b);
}
