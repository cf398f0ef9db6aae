/*
 * test_out.c - the XML writer and the HTML, Markdown and SVG renderers.
 *
 * Golden files: tests/golden/out-small/ holds the expected renderings of
 * the small document built by sample_doc() below (expected.html,
 * expected.md, and one expected-{chart id}.svg per chart), compared byte
 * for byte.  After an intended change of output, regenerate them with
 *
 *     CJ_GOLDEN_UPDATE=1 ./build/unit-tests out_golden
 *
 * and review the diff.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

#include "base/alloc.h"
#include "base/buf.h"
#include "out/html.h"
#include "out/md.h"
#include "out/svg.h"
#include "out/xmlw.h"
#include "report/doc.h"

#define GOLDEN_DIR CJ_TEST_ROOT "/tests/golden/out-small/"

/* ------------------------------------------------------------ helpers */

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += len;
	}
	return n;
}

/* Start tags <name> and <name ...> in html. */
static size_t cells(const char *html, const char *name)
{
	char a[16], b[16];

	snprintf(a, sizeof(a), "<%s>", name);
	snprintf(b, sizeof(b), "<%s ", name);
	return count(html, a) + count(html, b);
}

/* Escape one string as text (attr 0) or attribute (attr 1). */
static char *esc(const char *s, size_t len, int attr)
{
	struct cj_buf b;
	char *r;

	cj_buf_init(&b, 0);
	cj_xml_escape(&b, s, len, attr);
	r = cj_buf_detach(&b, NULL);
	cj_buf_release(&b);
	return r;
}

/* The bar chart of the sample: totals of two years. */
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
	cj_chart_set_value(c, 1, 1, 711540000);
	return c;
}

/* A pie with a zero slice: 基本支出 / 项目支出 / 上缴上级支出. */
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
 * A 5 x 4 table: a two-row header with a rowspan and a colspan, body rows
 * with a rowspan, a cell holding | and a newline, amounts and a bold total.
 *
 *   项目(2 rows) | 本年收入 (3 cols)
 *                | 小计 | 财政拨款 | 其他
 *   合计         | 797.10 | 711.54 | 85.56
 *   一般|公共\n服务 (2 rows) | 1.00 | 2.00 | 3.00
 *                | 4.00 | 5.00 | 6.00
 */
static struct cj_table *span_table(void)
{
	struct cj_table *t = cj_table_new("t1", "公开01表", "收入支出决算总表",
					  "编制单位：测试单位 单位：万元", 5, 4, 2);
	struct cj_cell *c;

	cj_table_set(t, 0, 0, "项目", CJ_AL_CENTER);
	cj_table_span(t, 0, 0, 2, 1);
	cj_table_set(t, 0, 1, "本年收入", CJ_AL_CENTER);
	cj_table_span(t, 0, 1, 1, 3);
	cj_table_set(t, 1, 1, "小计", CJ_AL_CENTER);
	cj_table_set(t, 1, 2, "财政拨款", CJ_AL_CENTER);
	cj_table_set(t, 1, 3, "其他", CJ_AL_CENTER);
	c = cj_table_set(t, 2, 0, "合计", CJ_AL_CENTER);
	if (c)
		c->bold = 1;
	cj_table_amount(t, 2, 1, 797100000);
	cj_table_amount(t, 2, 2, 711540000);
	cj_table_amount(t, 2, 3, 85560000);
	cj_table_set(t, 3, 0, "一般|公共\n服务", CJ_AL_LEFT);
	cj_table_span(t, 3, 0, 2, 1);
	cj_table_amount(t, 3, 1, 1000000);
	cj_table_amount(t, 3, 2, 2000000);
	cj_table_amount(t, 3, 3, 3000000);
	cj_table_amount(t, 4, 1, 4000000);
	cj_table_amount(t, 4, 2, 5000000);
	cj_table_amount(t, 4, 3, 6000000);
	cj_table_set_note(t, "注：本表金额单位为万元。");
	return t;
}

static struct cj_doc *sample_doc(void)
{
	struct cj_doc *d = cj_doc_new("测试单位2020年度部门决算", "测试单位", 2020);

	cj_doc_heading(d, 1, "第一部分 部门概况");
	cj_doc_heading(d, 2, "一、主要职能");
	cj_doc_para(d, "负责<办公室>日常运转 & \"文电\"处理。");
	cj_doc_heading(d, 3, "（一）机构设置");
	cj_doc_para(d, "1.本部门设5个内设机构。");
	cj_doc_pagebreak(d);
	cj_doc_heading(d, 1, "第二部分 2020年度部门决算情况说明");
	cj_doc_heading(d, 2, "一、收入支出决算总体情况说明");
	cj_doc_para(d, "2020年度收、支总计797.10万元。");
	cj_doc_chart(d, bar_chart());
	cj_doc_heading(d, 4, "1.支出结构");
	cj_doc_chart(d, pie_chart(0));
	cj_doc_note(d, "（注：数据来源于财决01表）");
	cj_doc_table(d, span_table());
	return d;
}

/* ------------------------------------------------------------ xmlw */

TEST(out_xml_escape_specials)
{
	char *r = esc("a&b<c>d\"e'f", 11, 0);

	CHECK_STR(r, "a&amp;b&lt;c&gt;d&quot;e'f");
	cj_free(r);
	r = esc("收入&支出", strlen("收入&支出"), 1);
	CHECK_STR(r, "收入&amp;支出");
	cj_free(r);
}

TEST(out_xml_escape_controls)
{
	static const char in[] = "a\x01" "b\x08" "c\x0b" "d\x0c" "e\x1f" "f\x7f" "g\t\n\rh";
	char *r = esc(in, sizeof(in) - 1, 0);

	/* Forbidden controls and DEL vanish; TAB and LF stay; CR is a reference. */
	CHECK_STR(r, "abcdefg\t\n&#13;h");
	cj_free(r);
	r = esc("x\ty\nz\r", 6, 1);
	CHECK_STR(r, "x&#9;y&#10;z&#13;");
	cj_free(r);
	/* NUL inside the length is dropped, not a terminator. */
	r = esc("a\0b", 3, 0);
	CHECK_STR(r, "ab");
	cj_free(r);
}

TEST(out_xml_escape_unicode)
{
	/* C1 control U+0085 and the non-characters U+FFFE, U+FFFF are dropped. */
	static const char nc[] = "a\xc2\x85" "b\xef\xbf\xbe" "c\xef\xbf\xbf" "d";
	char *r;

	r = esc(nc, sizeof(nc) - 1, 0);
	CHECK_STR(r, "abcd");
	cj_free(r);
	/* A lone continuation byte and a truncated sequence become U+FFFD each. */
	r = esc("x\x80y\xe4\xb8", 5, 0);
	CHECK_STR(r, "x\xef\xbf\xbdy\xef\xbf\xbd\xef\xbf\xbd");
	cj_free(r);
	/* CJK, full-width forms and U+00A0 pass through. */
	r = esc("万元（１）\xc2\xa0", strlen("万元（１）\xc2\xa0"), 0);
	CHECK_STR(r, "万元（１）\xc2\xa0");
	cj_free(r);
}

TEST(out_xmlw_basic)
{
	struct cj_buf b;
	struct cj_xmlw w;

	cj_buf_init(&b, 0);
	cj_xmlw_init(&w, &b);
	cj_xmlw_decl(&w);
	cj_xmlw_start(&w, "svg");
	cj_xmlw_attr(&w, "a", "1<2");
	cj_xmlw_start(&w, "rect");
	cj_xmlw_attr_tenths(&w, "x", 1234);
	cj_xmlw_attr_tenths(&w, "y", 1230);
	cj_xmlw_attr_tenths(&w, "z", -5);
	cj_xmlw_attr_int(&w, "w", -42);
	cj_xmlw_end(&w, "rect");
	cj_xmlw_start(&w, "text");
	cj_xmlw_text(&w, "合计&");
	cj_xmlw_end(&w, "text");
	cj_xmlw_end(&w, "svg");
	CHECK_EQ_INT(cj_xmlw_finish(&w), CJ_OK);
	CHECK_STR(cj_buf_str(&b), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				  "<svg a=\"1&lt;2\"><rect x=\"123.4\" y=\"123\" z=\"-0.5\" w=\"-42\"/>"
				  "<text>合计&amp;</text></svg>");
	cj_buf_release(&b);
}

TEST(out_xmlw_html_mode)
{
	struct cj_buf b;
	struct cj_xmlw w;

	cj_buf_init(&b, 0);
	cj_xmlw_init_html(&w, &b);
	cj_xmlw_start(&w, "div");
	cj_xmlw_start(&w, "meta");
	cj_xmlw_attr(&w, "charset", "utf-8");
	cj_xmlw_end(&w, "meta");
	cj_xmlw_start(&w, "br");
	cj_xmlw_end(&w, "br");
	cj_xmlw_start(&w, "p");
	cj_xmlw_end(&w, "p");
	cj_xmlw_end(&w, "div");
	CHECK_EQ_INT(cj_xmlw_finish(&w), CJ_OK);
	CHECK_STR(cj_buf_str(&b), "<div><meta charset=\"utf-8\"><br><p></p></div>");
	cj_buf_release(&b);
}

/* Each case misuses the writer once; the error sticks and output stops. */
TEST(out_xmlw_nesting_errors)
{
	struct cj_buf b;
	struct cj_xmlw w;
	size_t len;
	int i;

	cj_buf_init(&b, 0);

	/* end tag does not match */
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a");
	cj_xmlw_start(&w, "b");
	cj_xmlw_end(&w, "a");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);
	len = b.len;
	cj_xmlw_end(&w, "b");
	cj_xmlw_text(&w, "more");
	CHECK_EQ_INT(b.len, len); /* sticky: nothing more written */
	CHECK_EQ_INT(cj_xmlw_finish(&w), CJ_ERR_USAGE);

	/* end with nothing open */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_end(&w, "a");
	CHECK_EQ_INT(cj_xmlw_finish(&w), CJ_ERR_USAGE);

	/* attribute after content */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a");
	cj_xmlw_text(&w, "x");
	cj_xmlw_attr(&w, "k", "v");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);

	/* unclosed element at finish */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_OK);
	CHECK_EQ_INT(cj_xmlw_finish(&w), CJ_ERR_USAGE);

	/* text outside the root */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_text(&w, "x");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);

	/* bad names */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a b");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a");
	cj_xmlw_attr(&w, "x\"=", "v");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);

	/* content inside an HTML void element */
	cj_buf_reset(&b);
	cj_xmlw_init_html(&w, &b);
	cj_xmlw_start(&w, "br");
	cj_xmlw_text(&w, "x");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);
	cj_buf_reset(&b);
	cj_xmlw_init_html(&w, &b);
	cj_xmlw_start(&w, "img");
	cj_xmlw_start(&w, "b");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);

	/* declaration after content */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a");
	cj_xmlw_decl(&w);
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_USAGE);

	/* too deep */
	cj_buf_reset(&b);
	cj_xmlw_init(&w, &b);
	for (i = 0; i < CJ_XMLW_MAX_DEPTH; i++)
		cj_xmlw_start(&w, "d");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_OK);
	cj_xmlw_start(&w, "d");
	CHECK_EQ_INT(cj_xmlw_err(&w), CJ_ERR_TOO_LARGE);

	cj_buf_release(&b);
}

TEST(out_xmlw_buffer_cap)
{
	struct cj_buf b;
	struct cj_xmlw w;
	int i;

	cj_buf_init(&b, 64);
	cj_xmlw_init(&w, &b);
	cj_xmlw_start(&w, "a");
	for (i = 0; i < 20; i++)
		cj_xmlw_text(&w, "收入支出");
	cj_xmlw_end(&w, "a");
	CHECK_EQ_INT(cj_xmlw_finish(&w), CJ_ERR_TOO_LARGE);
	CHECK(b.len <= 64);
	cj_buf_release(&b);
}

/* ------------------------------------------------------------ html */

static char *render_html(const struct cj_doc *d, enum cj_err *e)
{
	struct cj_buf b;
	char *r;

	cj_buf_init(&b, 0);
	*e = cj_html_render(d, &b);
	r = *e ? NULL : cj_buf_detach(&b, NULL);
	cj_buf_release(&b);
	return r;
}

static char *render_md(const struct cj_doc *d, enum cj_err *e)
{
	struct cj_buf b;
	char *r;

	cj_buf_init(&b, 0);
	*e = cj_md_render(d, &b);
	r = *e ? NULL : cj_buf_detach(&b, NULL);
	cj_buf_release(&b);
	return r;
}

static char *render_svg(const struct cj_chart *c, enum cj_err *e)
{
	struct cj_buf b;
	char *r;

	cj_buf_init(&b, 0);
	*e = cj_svg_chart(c, &b);
	r = *e ? NULL : cj_buf_detach(&b, NULL);
	cj_buf_release(&b);
	return r;
}

TEST(out_html_page)
{
	struct cj_doc *d = sample_doc();
	enum cj_err e;
	char *h;

	CHECK(d && d->err == CJ_OK);
	h = render_html(d, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK(h && strncmp(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0);
	CHECK_CONTAINS(h, "<meta charset=\"utf-8\">");
	CHECK_CONTAINS(h, "<title>测试单位2020年度部门决算</title>");
	CHECK_CONTAINS(h, "@page { size: A4; margin: 25mm 20mm; }");
	CHECK_CONTAINS(h, "thead { display: table-header-group; }");
	CHECK_CONTAINS(h, "<h1 class=\"doc-title\">测试单位2020年度部门决算</h1>");
	/* headings with ids, and a contents list of levels 1 and 2 only */
	CHECK_CONTAINS(h, "<h1 id=\"sec-1\">第一部分 部门概况</h1>");
	CHECK_CONTAINS(h, "<h3 id=\"sec-3\">（一）机构设置</h3>");
	CHECK_CONTAINS(h, "<h4 id=\"sec-6\">1.支出结构</h4>");
	CHECK_CONTAINS(h, "<li class=\"toc1\"><a href=\"#sec-1\">第一部分 部门概况</a></li>");
	CHECK_CONTAINS(h, "<li class=\"toc2\"><a href=\"#sec-5\">");
	CHECK(!strstr(h, "href=\"#sec-3\""));
	CHECK(!strstr(h, "href=\"#sec-6\""));
	/* text is escaped */
	CHECK_CONTAINS(h, "<p>负责&lt;办公室&gt;日常运转 &amp; &quot;文电&quot;处理。</p>");
	CHECK_CONTAINS(h, "<p class=\"note\">（注：数据来源于财决01表）</p>");
	CHECK_CONTAINS(h, "<div class=\"pagebreak\"></div>");
	/* charts inline, without their XML declaration */
	CHECK(!strstr(h, "<?xml"));
	CHECK_EQ_INT(count(h, "<svg xmlns=\"http://www.w3.org/2000/svg\""), 2);
	CHECK_CONTAINS(h, "<figure class=\"chart\" id=\"chart1-totals\">\n<svg ");
	CHECK_CONTAINS(h, "</svg>\n<figcaption>（图1：收、支决算总计变动情况图）</figcaption>\n</figure>");
	CHECK(h && strlen(h) > 0 && strcmp(h + strlen(h) - 8, "</html>\n") == 0);
	cj_free(h);
	cj_doc_free(d);
}

TEST(out_html_spanned_table)
{
	struct cj_doc *d = cj_doc_new("表", "", 2020);
	enum cj_err e;
	char *h;
	const char *thead, *tbody;

	cj_doc_table(d, span_table());
	h = render_html(d, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK(h != NULL);
	if (!h) {
		cj_doc_free(d);
		return;
	}
	CHECK_CONTAINS(h, "<div class=\"tbl\" id=\"t1\">\n<p class=\"tbl-number\">公开01表</p>\n"
			  "<p class=\"tbl-title\">收入支出决算总表</p>\n"
			  "<p class=\"tbl-unit\">编制单位：测试单位 单位：万元</p>\n<table>\n");
	CHECK_CONTAINS(h, "<colgroup><col style=\"width: 25%\">");
	/* 20 positions, 1 + 2 + 1 covered: 16 cells written */
	CHECK_EQ_INT(cells(h, "th") + cells(h, "td"), 16);
	CHECK_EQ_INT(cells(h, "th"), 5);
	CHECK_EQ_INT(count(h, "<tr>"), 5);
	thead = strstr(h, "<thead>");
	tbody = strstr(h, "<tbody>");
	CHECK(thead && tbody && thead < tbody);
	CHECK_CONTAINS(h, "<thead>\n<tr><th rowspan=\"2\">项目</th><th colspan=\"3\">本年收入</th></tr>\n"
			  "<tr><th>小计</th><th>财政拨款</th><th>其他</th></tr>\n</thead>");
	CHECK_CONTAINS(h, "<tr><td class=\"c b\">合计</td><td class=\"num\">797.10</td>");
	CHECK_CONTAINS(h, "<tr><td rowspan=\"2\">一般|公共\n服务</td><td class=\"num\">1.00</td>"
			  "<td class=\"num\">2.00</td><td class=\"num\">3.00</td></tr>\n"
			  "<tr><td class=\"num\">4.00</td>");
	CHECK_CONTAINS(h, "<p class=\"tbl-note\">注：本表金额单位为万元。</p>\n</div>");
	cj_free(h);
	cj_doc_free(d);
}

/* A header span that reaches into the body is cut; the body keeps its columns. */
TEST(out_html_span_across_head)
{
	struct cj_doc *d = cj_doc_new("表", "", 2020);
	struct cj_table *t = cj_table_new("t", "", "", "", 3, 2, 1);
	enum cj_err e;
	char *h;

	cj_table_set(t, 0, 0, "项目", CJ_AL_CENTER);
	cj_table_span(t, 0, 0, 2, 1);
	cj_table_set(t, 0, 1, "金额", CJ_AL_CENTER);
	cj_table_amount(t, 1, 1, 100);
	cj_table_set(t, 2, 0, "甲", CJ_AL_LEFT);
	cj_table_amount(t, 2, 1, 200);
	cj_doc_table(d, t);
	h = render_html(d, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(h, "<thead>\n<tr><th>项目</th><th>金额</th></tr>\n</thead>");
	CHECK_CONTAINS(h, "<tbody>\n<tr><td></td><td class=\"num\">0.00</td></tr>");
	cj_free(h);
	cj_doc_free(d);
}

TEST(out_html_doc_error)
{
	struct cj_doc *d = cj_doc_new("表", "", 2020);
	struct cj_buf b;

	d->err = CJ_ERR_NOMEM;
	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_html_render(d, &b), CJ_ERR_NOMEM);
	CHECK_EQ_INT(b.len, 0);
	CHECK_EQ_INT(cj_md_render(d, &b), CJ_ERR_NOMEM);
	CHECK_EQ_INT(b.len, 0);
	CHECK_EQ_INT(cj_html_render(NULL, &b), CJ_ERR_USAGE);
	cj_buf_release(&b);
	cj_doc_free(d);
}

/* ------------------------------------------------------------ markdown */

/* Pipes in a table line that are not escaped with a backslash. */
static size_t pipes(const char *line, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (line[i] == '\\') {
			i++;
			continue;
		}
		if (line[i] == '|')
			n++;
	}
	return n;
}

TEST(out_md_table_columns)
{
	struct cj_doc *d = cj_doc_new("表", "", 2020);
	enum cj_err e;
	char *m;
	const char *p, *nl;
	size_t lines = 0;

	cj_doc_table(d, span_table());
	m = render_md(d, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK(m != NULL);
	/* every table line has 4 cells: 5 unescaped pipes */
	for (p = m; p && *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			break;
		if (*p != '|')
			continue;
		lines++;
		CHECK_EQ_INT(pipes(p, (size_t)(nl - p)), 5);
	}
	CHECK_EQ_INT(lines, 5); /* one header, the delimiter, three body rows */
	CHECK_CONTAINS(m, "**公开01表 收入支出决算总表**\n\n编制单位：测试单位 单位：万元\n\n");
	CHECK_CONTAINS(m, "| 项目 | 本年收入 / 小计 | 本年收入 / 财政拨款 | 本年收入 / 其他 |\n"
			  "| --- | ---: | ---: | ---: |\n");
	CHECK_CONTAINS(m, "| **合计** | 797.10 | 711.54 | 85.56 |\n");
	CHECK_CONTAINS(m, "| 一般\\|公共<br>服务 | 1.00 | 2.00 | 3.00 |\n|  | 4.00 | 5.00 | 6.00 |\n");
	CHECK_CONTAINS(m, "\n> 注：本表金额单位为万元。\n");
	cj_free(m);
	cj_doc_free(d);
}

TEST(out_md_doc)
{
	struct cj_doc *d = sample_doc();
	static const char start[] = "# 测试单位2020年度部门决算\n\n# 第一部分 部门概况\n\n## 一、主要职能\n";
	enum cj_err e;
	char *m = render_md(d, &e);

	CHECK_EQ_INT(e, CJ_OK);
	CHECK(m && strncmp(m, start, sizeof(start) - 1) == 0);
	CHECK_CONTAINS(m, "\n### （一）机构设置\n");
	CHECK_CONTAINS(m, "\n#### 1.支出结构\n");
	CHECK_CONTAINS(m, "\n负责\\<办公室\\>日常运转 \\& \"文电\"处理。\n");
	CHECK_CONTAINS(m, "\n1\\.本部门设5个内设机构。\n"); /* not an ordered list */
	CHECK_CONTAINS(m, "\n> （注：数据来源于财决01表）\n");
	CHECK_CONTAINS(m, "\n![（图1：收、支决算总计变动情况图）](charts/chart1-totals.svg)\n\n单位：万元\n\n"
			  "| 项目 | 2019年 | 2020年 |\n| --- | ---: | ---: |\n"
			  "| 收入总计 | 1104.25 | 797.10 |\n| 支出总计 | 1088.11 | 711.54 |\n");
	CHECK_CONTAINS(m, "| 项目 | 2020年 | 占比 |\n| --- | ---: | ---: |\n"
			  "| 基本支出 | 635.12 | 89.26% |\n| 项目支出 | 76.42 | 10.74% |\n"
			  "| 上缴上级支出 | 0.00 | 0.00% |\n");
	cj_free(m);
	cj_doc_free(d);
}

TEST(out_md_escape)
{
	struct cj_doc *d = cj_doc_new("a*b", "", 2020);
	enum cj_err e;
	char *m;

	cj_doc_para(d, "- 不是列表\n# 不是标题\n  2) 也不是\x01");
	cj_doc_heading(d, 9, "[链接](x) `代码` _斜_ ~删~ | #");
	m = render_md(d, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(m, "# a\\*b\n");
	CHECK_CONTAINS(m, "\n\\- 不是列表\\\n\\# 不是标题\\\n2\\) 也不是\n");
	CHECK_CONTAINS(m, "\n#### \\[链接\\](x) \\`代码\\` \\_斜\\_ \\~删\\~ \\| \\#\n");
	cj_free(m);
	cj_doc_free(d);
}

/* ------------------------------------------------------------ svg */

TEST(out_svg_bars)
{
	struct cj_chart *c = bar_chart();
	enum cj_err e;
	char *s = render_svg(c, &e);

	CHECK_EQ_INT(e, CJ_OK);
	CHECK(s && strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0);
	CHECK_CONTAINS(s, " width=\"640\" ");
	CHECK_CONTAINS(s, " viewBox=\"0 0 640 ");
	CHECK_CONTAINS(s, "font-family=\"&quot;Noto Sans CJK SC&quot;,&quot;Source Han Sans SC&quot;,"
			  "&quot;Microsoft YaHei&quot;,sans-serif\"");
	CHECK_CONTAINS(s, ">收、支决算总计变动情况图</text>");
	CHECK_CONTAINS(s, ">单位：万元</text>");
	CHECK_CONTAINS(s, ">1104.25</text>");
	CHECK_CONTAINS(s, ">1088.11</text>");
	CHECK_CONTAINS(s, ">797.10</text>");
	CHECK_CONTAINS(s, ">711.54</text>");
	CHECK_CONTAINS(s, ">收入总计</text>");
	CHECK_CONTAINS(s, ">支出总计</text>");
	CHECK_CONTAINS(s, ">2019年</text>");
	CHECK_CONTAINS(s, ">2020年</text>");
	/* round ticks: 0 .. 1200 by 200 万元 */
	CHECK_CONTAINS(s, ">0</text>");
	CHECK_CONTAINS(s, ">200</text>");
	CHECK_CONTAINS(s, ">1200</text>");
	CHECK(!strstr(s, ">1400</text>"));
	/* 4 bars + 2 legend swatches + the background */
	CHECK_EQ_INT(count(s, "<rect "), 7);
	CHECK(s && strcmp(s + strlen(s) - 7, "</svg>\n") == 0);
	cj_free(s);
	cj_chart_free(c);
}

TEST(out_svg_bars_negative_and_small)
{
	struct cj_chart *c = cj_chart_new("c", CJ_CHART_BARS, "变动", "", "万元", 2, 1);
	enum cj_err e;
	char *s;

	cj_chart_set_cat(c, 0, "甲");
	cj_chart_set_cat(c, 1, "乙");
	cj_chart_set_series(c, 0, "2020年");
	cj_chart_set_value(c, 0, 0, 30000);   /* 0.03 万元 */
	cj_chart_set_value(c, 0, 1, -120000); /* -0.12 万元 */
	s = render_svg(c, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(s, ">0.03</text>");
	CHECK_CONTAINS(s, ">-0.12</text>");
	CHECK_CONTAINS(s, ">-0.15</text>"); /* ticks by 0.05 down to -0.15 */
	CHECK_CONTAINS(s, ">0.05</text>");
	cj_free(s);
	cj_chart_free(c);
}

TEST(out_svg_pie)
{
	struct cj_chart *c = pie_chart(0);
	enum cj_err e;
	char *s = render_svg(c, &e);

	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(s, ">支出决算结构图</text>");
	/* slice labels: category and share */
	CHECK_CONTAINS(s, ">基本支出 89.26%</text>");
	CHECK_CONTAINS(s, ">项目支出 10.74%</text>");
	/* two slices drawn; the zero slice only in the legend, with 0.00% */
	CHECK_EQ_INT(count(s, "<path "), 2);
	CHECK_EQ_INT(count(s, "上缴上级支出"), 1);
	CHECK_CONTAINS(s, ">上缴上级支出 0.00%</text>");
	CHECK_EQ_INT(count(s, "89.26%"), 2); /* slice label and legend */
	CHECK(!strstr(s, "无数据"));
	cj_free(s);
	cj_chart_free(c);
}

TEST(out_svg_pie_empty)
{
	struct cj_chart *c = pie_chart(1);
	enum cj_err e;
	char *s = render_svg(c, &e);

	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(s, ">无数据</text>");
	CHECK_CONTAINS(s, "<circle ");
	CHECK_CONTAINS(s, "fill=\"#D9D9D9\"");
	CHECK_EQ_INT(count(s, "<path "), 0);
	CHECK_CONTAINS(s, ">基本支出 0.00%</text>");
	CHECK_CONTAINS(s, ">上缴上级支出 0.00%</text>");
	cj_free(s);
	cj_chart_free(c);
	/* a pie with no categories at all */
	c = cj_chart_new("c", CJ_CHART_PIE, "空", "", "万元", 0, 1);
	s = render_svg(c, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(s, ">无数据</text>");
	cj_free(s);
	cj_chart_free(c);
}

TEST(out_svg_pie_single_slice)
{
	struct cj_chart *c = cj_chart_new("c", CJ_CHART_PIE, "单项", "", "万元", 2, 1);
	enum cj_err e;
	char *s;

	cj_chart_set_cat(c, 0, "基本支出");
	cj_chart_set_cat(c, 1, "项目支出");
	cj_chart_set_value(c, 0, 0, 100);
	cj_chart_set_share(c, 0, 10000);
	cj_chart_set_share(c, 1, 0);
	s = render_svg(c, &e);
	CHECK_EQ_INT(e, CJ_OK);
	/* a full circle, since an arc from a point to itself draws nothing */
	CHECK_EQ_INT(count(s, "<path "), 0);
	CHECK_EQ_INT(count(s, "<circle "), 1);
	CHECK_CONTAINS(s, ">基本支出 100.00%</text>");
	cj_free(s);
	cj_chart_free(c);
}

/* ------------------------------------------------------------ properties */

TEST(out_deterministic)
{
	struct cj_doc *d1 = sample_doc(), *d2 = sample_doc();
	enum cj_err e;
	char *a, *b;

	a = render_html(d1, &e);
	b = render_html(d2, &e);
	CHECK(a && b && strcmp(a, b) == 0);
	cj_free(a);
	cj_free(b);
	a = render_md(d1, &e);
	b = render_md(d1, &e);
	CHECK(a && b && strcmp(a, b) == 0);
	cj_free(a);
	cj_free(b);
	a = render_svg(d1->nodes[9].chart, &e);
	b = render_svg(d2->nodes[9].chart, &e);
	CHECK(a && b && strcmp(a, b) == 0);
	cj_free(a);
	cj_free(b);
	cj_doc_free(d1);
	cj_doc_free(d2);
}

TEST(out_too_large)
{
	struct cj_doc *d = sample_doc();
	struct cj_buf b, full;
	size_t cap;

	cj_buf_init(&b, 200);
	CHECK_EQ_INT(cj_html_render(d, &b), CJ_ERR_TOO_LARGE);
	CHECK(b.len <= 200);
	cj_buf_release(&b);
	cj_buf_init(&b, 200);
	CHECK_EQ_INT(cj_md_render(d, &b), CJ_ERR_TOO_LARGE);
	cj_buf_release(&b);
	cj_buf_init(&b, 200);
	CHECK_EQ_INT(cj_svg_chart(d->nodes[9].chart, &b), CJ_ERR_TOO_LARGE);
	cj_buf_release(&b);

	/* The cap of the page also bounds an inlined chart: fail inside it. */
	cj_buf_init(&full, 0);
	CHECK_EQ_INT(cj_html_render(d, &full), CJ_OK);
	cap = (size_t)(strstr(cj_buf_str(&full), "<figure") - cj_buf_str(&full)) + 100;
	cj_buf_init(&b, cap);
	CHECK_EQ_INT(cj_html_render(d, &b), CJ_ERR_TOO_LARGE);
	cj_buf_release(&b);
	/* Exactly enough is enough. */
	cj_buf_init(&b, full.len);
	CHECK_EQ_INT(cj_html_render(d, &b), CJ_OK);
	CHECK_EQ_INT(b.len, full.len);
	cj_buf_release(&b);
	cj_buf_release(&full);
	cj_doc_free(d);
}

/* Fail each allocation in turn: an error, never a crash or a leak. */
TEST(out_oom)
{
	struct cj_doc *d = sample_doc();
	struct cj_buf ref, b;
	enum cj_err e;
	int which;
	long n;

	for (which = 0; which < 3; which++) {
		cj_buf_init(&ref, 0);
		if (which == 0)
			e = cj_html_render(d, &ref);
		else if (which == 1)
			e = cj_md_render(d, &ref);
		else
			e = cj_svg_chart(d->nodes[11].chart, &ref);
		CHECK_EQ_INT(e, CJ_OK);
		for (n = 0; n < 1000; n++) {
			cj_buf_init(&b, 0);
			cj_alloc_fail_after(n);
			if (which == 0)
				e = cj_html_render(d, &b);
			else if (which == 1)
				e = cj_md_render(d, &b);
			else
				e = cj_svg_chart(d->nodes[11].chart, &b);
			cj_alloc_fail_after(-1);
			if (e == CJ_OK) {
				CHECK_EQ_INT(b.len, ref.len);
				CHECK(memcmp(b.ptr, ref.ptr, ref.len) == 0);
				cj_buf_release(&b);
				break;
			}
			CHECK_EQ_INT(e, CJ_ERR_NOMEM);
			cj_buf_release(&b);
		}
		CHECK(n > 0 && n < 1000);
		cj_buf_release(&ref);
	}
	cj_doc_free(d);
}

/* ------------------------------------------------------------ golden */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct cj_buf b;
	char tmp[4096];
	size_t n;
	char *r;

	if (!f)
		return NULL;
	cj_buf_init(&b, 0);
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		cj_buf_put(&b, tmp, n);
	fclose(f);
	r = cj_buf_detach(&b, len);
	cj_buf_release(&b);
	return r;
}

/* Compare with a golden file, or rewrite it when CJ_GOLDEN_UPDATE=1. */
static void golden(const char *name, const char *got, size_t len)
{
	char path[256];
	const char *upd = getenv("CJ_GOLDEN_UPDATE");
	char *want;
	size_t wlen = 0, i;

	snprintf(path, sizeof(path), "%s%s", GOLDEN_DIR, name);
	if (upd && strcmp(upd, "1") == 0) {
		FILE *f = fopen(path, "wb");

		CHECK(f != NULL);
		if (f) {
			CHECK_EQ_INT(fwrite(got, 1, len, f), len);
			fclose(f);
		}
		return;
	}
	want = slurp(path, &wlen);
	if (!want) {
		cj_test_fail(__FILE__, __LINE__, "missing golden file %s (CJ_GOLDEN_UPDATE=1 makes it)",
			     path);
		return;
	}
	for (i = 0; i < len && i < wlen && got[i] == want[i]; i++)
		;
	if (i == len && len == wlen)
		cj_test_pass();
	else
		cj_test_fail(__FILE__, __LINE__, "%s differs from the rendering at byte %zu", path, i);
	cj_free(want);
}

TEST(out_golden)
{
	struct cj_doc *d = sample_doc();
	struct cj_buf b;
	size_t i;
	char name[128];

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_html_render(d, &b), CJ_OK);
	golden("expected.html", cj_buf_str(&b), b.len);
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_md_render(d, &b), CJ_OK);
	golden("expected.md", cj_buf_str(&b), b.len);
	for (i = 0; i < d->n; i++) {
		if (d->nodes[i].kind != CJ_N_CHART)
			continue;
		cj_buf_reset(&b);
		CHECK_EQ_INT(cj_svg_chart(d->nodes[i].chart, &b), CJ_OK);
		snprintf(name, sizeof(name), "expected-%s.svg", d->nodes[i].chart->id);
		golden(name, cj_buf_str(&b), b.len);
	}
	cj_buf_release(&b);
	cj_doc_free(d);
}

/* Extreme amounts: no overflow (UBSan), labels still there. */
TEST(out_svg_extremes)
{
	struct cj_chart *c = cj_chart_new("x", CJ_CHART_BARS, "极值", "", "万元", 2, 1);
	enum cj_err e;
	char *s;

	cj_chart_set_cat(c, 0, "最大");
	cj_chart_set_cat(c, 1, "最小");
	cj_chart_set_value(c, 0, 0, INT64_MAX);
	cj_chart_set_value(c, 0, 1, INT64_MIN + 1);
	s = render_svg(c, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_CONTAINS(s, c->value_labels[0]);
	CHECK_CONTAINS(s, c->value_labels[1]);
	cj_free(s);
	cj_chart_free(c);

	c = cj_chart_new("y", CJ_CHART_PIE, "极值", "", "万元", 2, 1);
	cj_chart_set_cat(c, 0, "甲");
	cj_chart_set_cat(c, 1, "乙");
	cj_chart_set_value(c, 0, 0, INT64_MAX);
	cj_chart_set_value(c, 0, 1, INT64_MAX);
	cj_chart_set_share(c, 0, 5000);
	cj_chart_set_share(c, 1, 5000);
	s = render_svg(c, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_EQ_INT(count(s, "<path "), 2);
	CHECK_EQ_INT(count(s, "50.00%"), 4);
	cj_free(s);
	cj_chart_free(c);
}

/* Many long categories: labels slant, narrow bars get upright value labels. */
TEST(out_svg_crowded_bars)
{
	static const char *const cats[] = {"一般公共服务支出", "社会保障和就业支出", "卫生健康支出",
					   "住房保障支出", "农林水支出", "城乡社区支出",
					   "教育支出", "科学技术支出", "文化旅游体育与传媒支出"};
	struct cj_chart *c = cj_chart_new("z", CJ_CHART_BARS, "九类", "", "万元", 9, 2);
	enum cj_err e;
	size_t i;
	char *s;

	for (i = 0; i < 9; i++) {
		cj_chart_set_cat(c, i, cats[i]);
		cj_chart_set_value(c, 0, i, (int64_t)(i + 1) * 123456789);
		cj_chart_set_value(c, 1, i, -(int64_t)(i + 1) * 23456789);
	}
	s = render_svg(c, &e);
	CHECK_EQ_INT(e, CJ_OK);
	CHECK_EQ_INT(count(s, "transform=\"rotate(-35 "), 9);
	CHECK_EQ_INT(count(s, "transform=\"rotate(-90 "), 18);
	for (i = 0; i < 9; i++)
		CHECK_CONTAINS(s, cats[i]);
	for (i = 0; i < 18; i++)
		CHECK_CONTAINS(s, c->value_labels[i]);
	cj_free(s);
	cj_chart_free(c);
}
