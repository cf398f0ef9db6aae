/*
 * test_docx.c - the zip writer (zipw) and the DOCX renderer.
 *
 * Golden files: tests/golden/docx-example/ holds the XML parts of the
 * example's report.docx, unzipped (the PNG charts are not kept: their
 * pixels depend on the installed fonts).  Each part is compared byte for
 * byte, ignoring docProps/app.xml and the dates of docProps/core.xml.
 * After an intended change of output, regenerate them with
 *
 *     CJ_GOLDEN_UPDATE=1 ./build/unit-tests docx_golden
 *
 * and review the diff (git diff tests/golden/docx-example).
 *
 * When soffice (LibreOffice) is installed, docx_soffice converts the
 * example to PDF, the acceptance test of issue 4; without it the test
 * prints a note and passes.
 */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/fsio.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/accounts.h"
#include "model/codes.h"
#include "out/docx.h"
#include "out/md.h"
#include "out/zipw.h"
#include "report/doc.h"
#include "report/report.h"
#include "runner.h"

#define GOLDEN_DIR CJ_TEST_ROOT "/tests/golden/docx-example"
#define EPOCH "1609459200" /* 2021-01-01T00:00:00Z */
/* DOS date and time of EPOCH: (2021 - 1980) << 9 | 1 << 5 | 1, 00:00:00. */
#define EPOCH_DOS_DATE ((41 << 9) | (1 << 5) | 1)

/* ============================================================ helpers */

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	const char *p = hay;

	if (!hay)
		return 0;
	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += len;
	}
	return n;
}

/* Set SOURCE_DATE_EPOCH (NULL: unset it); returns the old value (copy) to restore. */
static char *epoch_set(const char *value)
{
	const char *old = getenv("SOURCE_DATE_EPOCH");
	char *keep = old ? cj_strdup(old) : NULL;

	if (value)
		setenv("SOURCE_DATE_EPOCH", value, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	return keep;
}

static void epoch_restore(char *old)
{
	if (old)
		setenv("SOURCE_DATE_EPOCH", old, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	cj_free(old);
}

struct ex {
	struct cj_accounts *a;
	struct cj_codes *codes;
	struct cj_figures *f;
	struct cj_doc *doc;
};

static int ex_load(struct ex *x)
{
	struct cj_diag d;

	memset(x, 0, sizeof(*x));
	cj_diag_init(&d);
	if (cj_yaml_read_file(CJ_TEST_ROOT "/examples/lizhou-2020.yaml", &x->a, &d) ||
	    cj_codes_default(&x->codes, &d) || cj_calc(x->a, x->codes, &x->f, &d) ||
	    cj_report_build(x->a, x->f, x->codes, &x->doc, &d)) {
		cj_test_fail(__FILE__, __LINE__, "cannot build the example: %s", d.msg);
		cj_doc_free(x->doc);
		cj_figures_free(x->f);
		cj_codes_free(x->codes);
		cj_accounts_free(x->a);
		memset(x, 0, sizeof(*x));
		return 0;
	}
	return 1;
}

/* The parts of a zip in memory, in archive order. */
struct parts {
	size_t n;
	char *name[64];
	char *data[64]; /* NUL-terminated */
	size_t len[64];
	int method[64];
};

static void parts_free(struct parts *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		cj_free(p->name[i]);
		cj_free(p->data[i]);
	}
	p->n = 0;
}

/* Unzip `zip` with libzip; 0 when it is not a readable archive. */
static int unzip_mem(const char *zip, size_t len, struct parts *p)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_int64_t n, i;
	int ok = 1;

	memset(p, 0, sizeof(*p));
	zip_error_init(&ze);
	src = zip_source_buffer_create(zip, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return 0;
	}
	z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!z) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return 0;
	}
	n = zip_get_num_entries(z, 0);
	for (i = 0; i < n && i < 64 && ok; i++) {
		zip_stat_t st;
		zip_file_t *zf;

		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) {
			ok = 0;
			break;
		}
		p->name[p->n] = cj_strdup(st.name);
		p->data[p->n] = cj_malloc((size_t)st.size + 1);
		p->len[p->n] = (size_t)st.size;
		p->method[p->n] = st.comp_method;
		zf = zip_fopen_index(z, (zip_uint64_t)i, 0);
		if (!zf || zip_fread(zf, p->data[p->n], st.size) != (zip_int64_t)st.size)
			ok = 0;
		if (zf)
			zip_fclose(zf);
		p->data[p->n][st.size] = '\0';
		p->n++;
	}
	zip_close(z);
	zip_error_fini(&ze);
	return ok && n <= 64;
}

/* The part called `name`, or NULL. */
static const char *part(const struct parts *p, const char *name, size_t *len)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (strcmp(p->name[i], name) == 0) {
			if (len)
				*len = p->len[i];
			return p->data[i];
		}
	}
	return NULL;
}

/* 1 if data is well-formed XML (expat); else prints where it is not. */
static int well_formed(const char *name, const char *data, size_t len)
{
	XML_Parser xp = XML_ParserCreate(NULL);
	int ok;

	if (!xp)
		return 0;
	ok = XML_Parse(xp, data, (int)len, 1) == XML_STATUS_OK;
	if (!ok)
		fprintf(stderr, "%s: line %lu: %s\n", name, (unsigned long)XML_GetCurrentLineNumber(xp),
			XML_ErrorString(XML_GetErrorCode(xp)));
	XML_ParserFree(xp);
	return ok;
}

/* The text of word/document.xml: w:t content, a newline per paragraph, w:br and w:tab. */
struct text_state {
	struct cj_buf out;
	int in_t;
};

static void XMLCALL text_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct text_state *s = ud;

	(void)atts;
	if (strcmp(name, "w:t") == 0)
		s->in_t = 1;
	else if (strcmp(name, "w:br") == 0)
		cj_buf_putc(&s->out, '\n');
	else if (strcmp(name, "w:tab") == 0)
		cj_buf_putc(&s->out, '\t');
}

static void XMLCALL text_end(void *ud, const XML_Char *name)
{
	struct text_state *s = ud;

	if (strcmp(name, "w:t") == 0)
		s->in_t = 0;
	else if (strcmp(name, "w:p") == 0)
		cj_buf_putc(&s->out, '\n');
}

static void XMLCALL text_chars(void *ud, const XML_Char *txt, int len)
{
	struct text_state *s = ud;

	if (s->in_t)
		cj_buf_put(&s->out, txt, (size_t)len);
}

/* Caller frees with cj_free(); NULL when the XML does not parse. */
static char *doc_text(const char *xml, size_t len)
{
	struct text_state s;
	XML_Parser xp = XML_ParserCreate(NULL);
	char *r = NULL;

	memset(&s, 0, sizeof(s));
	cj_buf_init(&s.out, 0);
	XML_SetUserData(xp, &s);
	XML_SetElementHandler(xp, text_start, text_end);
	XML_SetCharacterDataHandler(xp, text_chars);
	if (XML_Parse(xp, xml, (int)len, 1) == XML_STATUS_OK)
		r = cj_buf_detach(&s.out, NULL);
	XML_ParserFree(xp);
	cj_buf_release(&s.out);
	return r;
}

/* Render `doc` with SOURCE_DATE_EPOCH = EPOCH and unzip it; 0 on failure. */
static int render_parts(const struct cj_doc *doc, struct cj_buf *b, struct parts *p)
{
	char *old = epoch_set(EPOCH);
	enum cj_err e;

	cj_buf_init(b, 0);
	e = cj_docx_render(doc, b);
	epoch_restore(old);
	CHECK_EQ_INT(e, CJ_OK);
	if (e)
		return 0;
	if (!unzip_mem(b->ptr, b->len, p)) {
		cj_test_fail(__FILE__, __LINE__, "the DOCX is not a readable zip");
		return 0;
	}
	return 1;
}

/*
 * The example, built and rendered (SOURCE_DATE_EPOCH = EPOCH) once for
 * all the tests that read it; kept until the process exits.
 */
static struct {
	int tried, ok;
	struct ex x;
	struct cj_buf docx;
} example;

static const struct cj_doc *example_doc(void)
{
	if (!example.tried) {
		example.tried = 1;
		cj_buf_init(&example.docx, 0);
		example.ok = ex_load(&example.x);
		if (example.ok) {
			char *old = epoch_set(EPOCH);

			example.ok = cj_docx_render(example.x.doc, &example.docx) == CJ_OK;
			epoch_restore(old);
		}
		if (!example.ok)
			cj_test_fail(__FILE__, __LINE__, "cannot render the example");
	}
	return example.ok ? example.x.doc : NULL;
}

/* The example's .docx bytes, or NULL. */
static const struct cj_buf *example_docx(void)
{
	return example_doc() ? &example.docx : NULL;
}

/* The example's parts; 0 on failure (p is then empty). */
static int example_parts(struct parts *p)
{
	const struct cj_buf *b = example_docx();

	memset(p, 0, sizeof(*p));
	if (!b)
		return 0;
	if (!unzip_mem(b->ptr, b->len, p)) {
		cj_test_fail(__FILE__, __LINE__, "the example's DOCX is not a readable zip");
		return 0;
	}
	return 1;
}

/* A small document exercising every node kind; NULL on failure. */
static struct cj_doc *small_doc(void)
{
	struct cj_doc *d = cj_doc_new("测试单位2020年度部门决算", "测试单位", 2020);
	struct cj_table *t;
	struct cj_chart *c;

	cj_doc_heading(d, 1, "第一部分 部门概况");
	cj_doc_heading(d, 2, "一、职能");
	cj_doc_para(d, "收入 < 支出 & \"合计\"\n第二行\t制表  两个空格");
	cj_doc_note(d, "（注：数据来源于财决01表）");
	cj_doc_pagebreak(d);
	cj_doc_pagebreak(d);
	cj_doc_heading(d, 3, "（一）表格");

	/* Two header rows: 项目 spans both rows; 金额 spans two columns. */
	t = cj_table_new("t1", "公开01表", "收入支出决算总表", "单位：万元", 4, 3, 2);
	cj_table_set(t, 0, 0, "项目", CJ_AL_CENTER);
	cj_table_span(t, 0, 0, 2, 1);
	cj_table_set(t, 0, 1, "金额", CJ_AL_CENTER);
	cj_table_span(t, 0, 1, 1, 2);
	cj_table_set(t, 1, 1, "2019年", CJ_AL_CENTER);
	cj_table_set(t, 1, 2, "2020年", CJ_AL_CENTER);
	cj_table_set(t, 2, 0, "财政拨款收入", CJ_AL_LEFT);
	cj_table_amount(t, 2, 1, 589530000);
	cj_table_amount(t, 2, 2, 1104250000);
	cj_table_set(t, 3, 0, "合计", CJ_AL_LEFT)->bold = 1;
	cj_table_amount(t, 3, 1, 589530000);
	cj_table_amount(t, 3, 2, 1104250000);
	cj_table_set_note(t, "表注");
	cj_doc_table(d, t);

	/* A second table straight after the first (no title): must not merge. */
	t = cj_table_new("t2", "", "", "", 1, 2, 0);
	cj_table_set(t, 0, 0, "甲", CJ_AL_LEFT);
	cj_table_set(t, 0, 1, "乙", CJ_AL_LEFT);
	cj_doc_table(d, t);
	t = cj_table_new("t3", "", "", "", 1, 1, 0);
	cj_table_set(t, 0, 0, "丙", CJ_AL_LEFT);
	cj_doc_table(d, t);

	c = cj_chart_new("chart1", CJ_CHART_BARS, "收、支决算总计变动情况图",
			 "（图1：收、支决算总计变动情况图）", "万元", 2, 2);
	cj_chart_set_cat(c, 0, "收入总计");
	cj_chart_set_cat(c, 1, "支出总计");
	cj_chart_set_series(c, 0, "2019年");
	cj_chart_set_series(c, 1, "2020年");
	cj_chart_set_value(c, 0, 0, 589530000);
	cj_chart_set_value(c, 0, 1, 589530000);
	cj_chart_set_value(c, 1, 0, 1104250000);
	cj_chart_set_value(c, 1, 1, 1104250000);
	cj_doc_chart(d, c);
	cj_doc_pagebreak(d); /* trailing: dropped */
	if (d && d->err) {
		cj_doc_free(d);
		return NULL;
	}
	return d;
}

/*
 * Grid invariant Word relies on: in every table, each row's cells (with
 * their gridSpan) cover exactly the w:gridCol count, and every w:tc holds
 * a w:p.  Returns the number of bad rows (and cells).
 */
struct grid_state {
	long cols;     /* w:gridCol of the current table */
	long row_sum;  /* grid columns covered so far in the current row */
	long span;     /* gridSpan of the current cell */
	int tc_has_p;
	int bad;
	int depth_tbl;
};

static void XMLCALL grid_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct grid_state *g = ud;

	if (strcmp(name, "w:tbl") == 0) {
		g->cols = 0;
		g->depth_tbl++;
	} else if (strcmp(name, "w:gridCol") == 0) {
		g->cols++;
	} else if (strcmp(name, "w:tr") == 0) {
		g->row_sum = 0;
	} else if (strcmp(name, "w:tc") == 0) {
		g->span = 1;
		g->tc_has_p = 0;
	} else if (strcmp(name, "w:gridSpan") == 0) {
		for (; atts && atts[0]; atts += 2)
			if (strcmp(atts[0], "w:val") == 0)
				g->span = strtol(atts[1], NULL, 10);
	} else if (strcmp(name, "w:p") == 0) {
		g->tc_has_p = 1;
	}
}

static void XMLCALL grid_end(void *ud, const XML_Char *name)
{
	struct grid_state *g = ud;

	if (strcmp(name, "w:tc") == 0) {
		g->row_sum += g->span;
		g->bad += !g->tc_has_p;
	} else if (strcmp(name, "w:tr") == 0) {
		g->bad += g->row_sum != g->cols;
	} else if (strcmp(name, "w:tbl") == 0) {
		g->depth_tbl--;
	}
}

static int bad_grid_rows(const char *xml)
{
	struct grid_state g;
	XML_Parser xp = XML_ParserCreate(NULL);

	memset(&g, 0, sizeof(g));
	XML_SetUserData(xp, &g);
	XML_SetElementHandler(xp, grid_start, grid_end);
	if (XML_Parse(xp, xml, (int)strlen(xml), 1) != XML_STATUS_OK)
		g.bad = 1000000;
	XML_ParserFree(xp);
	return g.bad;
}

/* ============================================================ zipw */

/* Little-endian 16-bit field of a local file header at off. */
static unsigned u16(const char *z, size_t off)
{
	return (unsigned)(unsigned char)z[off] | (unsigned)(unsigned char)z[off + 1] << 8;
}

TEST(zipw_roundtrip)
{
	struct cj_zipw *z = cj_zipw_new();
	struct cj_buf b, big;
	struct parts p;
	size_t i;

	cj_buf_init(&b, 0);
	cj_buf_init(&big, 0);
	for (i = 0; i < 1000; i++)
		cj_buf_puts(&big, "<row>收入</row>");
	CHECK(z != NULL);
	CHECK_EQ_INT(cj_zipw_add(z, "[Content_Types].xml", "<Types/>", 8, CJ_ZIP_DEFLATE), CJ_OK);
	CHECK_EQ_INT(cj_zipw_add(z, "word/media/a.png", "\x89PNG", 4, CJ_ZIP_STORE), CJ_OK);
	CHECK_EQ_INT(cj_zipw_add(z, "empty.txt", NULL, 0, CJ_ZIP_DEFLATE), CJ_OK);
	CHECK_EQ_INT(cj_zipw_add_buf(z, "big.xml", &big, CJ_ZIP_DEFLATE), CJ_OK);
	CHECK(big.ptr == NULL && big.len == 0); /* taken */
	CHECK_EQ_INT(cj_zipw_add(z, "目录/文件.txt", "中", 3, CJ_ZIP_DEFLATE), CJ_OK);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK(unzip_mem(b.ptr, b.len, &p));
	CHECK_EQ_INT(p.n, 5);
	if (p.n == 5) {
		CHECK_STR(p.name[0], "[Content_Types].xml");
		CHECK_STR(p.data[0], "<Types/>");
		CHECK_STR(p.name[1], "word/media/a.png");
		CHECK_EQ_INT(p.method[1], ZIP_CM_STORE);
		CHECK_EQ_INT(p.len[1], 4);
		CHECK_STR(p.name[2], "empty.txt");
		CHECK_EQ_INT(p.len[2], 0);
		CHECK_STR(p.name[3], "big.xml");
		CHECK_EQ_INT(p.len[3], 1000 * strlen("<row>收入</row>"));
		CHECK_EQ_INT(p.method[3], ZIP_CM_DEFLATE);
		CHECK_STR(p.name[4], "目录/文件.txt");
		CHECK_STR(p.data[4], "中");
	}
	CHECK(b.len < 4000); /* deflated */
	parts_free(&p);

	/* Finishing again gives the same bytes. */
	{
		struct cj_buf b2;

		cj_buf_init(&b2, 0);
		CHECK_EQ_INT(cj_zipw_finish(z, &b2), CJ_OK);
		CHECK(b2.len == b.len && memcmp(b2.ptr, b.ptr, b.len) == 0);
		cj_buf_release(&b2);
	}
	cj_buf_release(&b);
	cj_buf_release(&big);
	cj_zipw_free(z);
	cj_zipw_free(NULL);
}

TEST(zipw_bad_names)
{
	static const char *const bad[] = {"", "/abs.xml", "a/../b", "..", "./a", "a/./b", "a//b",
					  "a/", "a\\b", "\xff\xfe"};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct cj_zipw *z = cj_zipw_new();

		CHECK_EQ_INT(cj_zipw_add(z, bad[i], "x", 1, CJ_ZIP_DEFLATE), CJ_ERR_USAGE);
		/* Sticky: a good name is refused too, and finishing reports the error. */
		CHECK_EQ_INT(cj_zipw_add(z, "ok.xml", "x", 1, CJ_ZIP_DEFLATE), CJ_ERR_USAGE);
		CHECK_EQ_INT(cj_zipw_err(z), CJ_ERR_USAGE);
		cj_zipw_free(z);
	}
	{
		struct cj_zipw *z = cj_zipw_new();
		struct cj_buf b;

		cj_buf_init(&b, 0);
		CHECK_EQ_INT(cj_zipw_add(z, "a/b.xml", "x", 1, CJ_ZIP_DEFLATE), CJ_OK);
		CHECK_EQ_INT(cj_zipw_add(z, "a/b.xml", "y", 1, CJ_ZIP_DEFLATE), CJ_ERR_USAGE);
		CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_ERR_USAGE);
		CHECK_EQ_INT(cj_zipw_add(NULL, "x", "x", 1, CJ_ZIP_STORE), CJ_ERR_USAGE);
		CHECK_EQ_INT(cj_zipw_finish(NULL, &b), CJ_ERR_USAGE);
		cj_buf_release(&b);
		cj_zipw_free(z);
	}
	{
		/* A buffer in error makes the archive fail with its error. */
		struct cj_zipw *z = cj_zipw_new();
		struct cj_buf small;

		cj_buf_init(&small, 4);
		cj_buf_puts(&small, "too long for the cap");
		CHECK_EQ_INT(cj_zipw_add_buf(z, "x.xml", &small, CJ_ZIP_DEFLATE), CJ_ERR_TOO_LARGE);
		CHECK(small.ptr == NULL);
		CHECK_EQ_INT(cj_zipw_err(z), CJ_ERR_TOO_LARGE);
		cj_zipw_free(z);
	}
}

/* The zip's local headers carry the fixed DOS time, whatever the clock. */
TEST(zipw_timestamps)
{
	struct cj_buf b;
	struct cj_zipw *z;
	char *old;
	long long e;

	cj_buf_init(&b, 0);

	old = epoch_set(NULL); /* default: 1980-01-01 00:00 */
	CHECK_EQ_INT(cj_zip_source_date(&e), 0);
	z = cj_zipw_new();
	cj_zipw_add(z, "a", "x", 1, CJ_ZIP_STORE);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(u16(b.ptr, 10), 0);
	CHECK_EQ_INT(u16(b.ptr, 12), (0 << 9) | (1 << 5) | 1);
	cj_zipw_free(z);

	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
	CHECK_EQ_INT(cj_zip_source_date(&e), 1);
	CHECK_EQ_INT(e, 1609459200LL);
	z = cj_zipw_new();
	cj_zipw_add(z, "a", "x", 1, CJ_ZIP_STORE);
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(u16(b.ptr, 12), EPOCH_DOS_DATE);
	/* An explicit time wins: 2020-02-29T13:45:58Z. */
	cj_zipw_set_time(z, 1582983958LL);
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(u16(b.ptr, 10), (13 << 11) | (45 << 5) | (58 / 2));
	CHECK_EQ_INT(u16(b.ptr, 12), (40 << 9) | (2 << 5) | 29);
	/* Clamped to the DOS range. */
	cj_zipw_set_time(z, 0);
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(u16(b.ptr, 12), (0 << 9) | (1 << 5) | 1);
	cj_zipw_set_time(z, 9000000000LL);
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(u16(b.ptr, 12), (127 << 9) | (12 << 5) | 31);
	cj_zipw_free(z);

	/* Malformed values are ignored. */
	setenv("SOURCE_DATE_EPOCH", "12x", 1);
	CHECK_EQ_INT(cj_zip_source_date(&e), 0);
	setenv("SOURCE_DATE_EPOCH", "-5", 1);
	CHECK_EQ_INT(cj_zip_source_date(&e), 0);
	setenv("SOURCE_DATE_EPOCH", "", 1);
	CHECK_EQ_INT(cj_zip_source_date(&e), 0);
	setenv("SOURCE_DATE_EPOCH", "1234567890123456789", 1);
	CHECK_EQ_INT(cj_zip_source_date(&e), 0);
	epoch_restore(old);
	cj_buf_release(&b);
}

TEST(zipw_empty_and_file)
{
	struct cj_zipw *z = cj_zipw_new();
	struct cj_buf b;
	struct parts p;
	char tmpl[] = "/tmp/cj-zipw-test-XXXXXX", path[64];
	char *data = NULL;
	size_t len = 0;

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(b.len, 22);
	CHECK(unzip_mem(b.ptr, b.len, &p));
	CHECK_EQ_INT(p.n, 0);
	parts_free(&p);

	CHECK(mkdtemp(tmpl) != NULL);
	snprintf(path, sizeof(path), "%s/a.zip", tmpl);
	CHECK_EQ_INT(cj_zipw_write_file(z, path, NULL), CJ_OK);
	CHECK_EQ_INT(cj_file_read(path, 1 << 20, &data, &len, NULL), CJ_OK);
	CHECK(len == b.len && data && memcmp(data, b.ptr, len) == 0);
	cj_free(data);
	data = NULL;

	/* With entries: the file holds the same bytes as the memory archive. */
	cj_zipw_add(z, "word/document.xml", "<w:document/>", 13, CJ_ZIP_DEFLATE);
	cj_zipw_add(z, "word/media/c.png", "PNG", 3, CJ_ZIP_STORE);
	cj_buf_reset(&b);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_OK);
	CHECK_EQ_INT(cj_zipw_write_file(z, path, NULL), CJ_OK);
	CHECK_EQ_INT(cj_file_read(path, 1 << 20, &data, &len, NULL), CJ_OK);
	CHECK(len == b.len && data && memcmp(data, b.ptr, len) == 0);
	cj_free(data);
	unlink(path);
	snprintf(path, sizeof(path), "%s/no/such/dir/a.zip", tmpl);
	CHECK(cj_zipw_write_file(z, path, NULL) != CJ_OK);
	rmdir(tmpl);
	cj_buf_release(&b);
	cj_zipw_free(z);
}

/* Past the output buffer's cap: CJ_ERR_TOO_LARGE. */
TEST(zipw_cap)
{
	struct cj_zipw *z = cj_zipw_new();
	struct cj_buf b;
	char data[4096];

	memset(data, 'x', sizeof(data));
	cj_buf_init(&b, 100);
	cj_zipw_add(z, "a.bin", data, sizeof(data), CJ_ZIP_STORE);
	CHECK_EQ_INT(cj_zipw_finish(z, &b), CJ_ERR_TOO_LARGE);
	cj_buf_release(&b);
	cj_zipw_free(z);
}

TEST(zipw_alloc_fail)
{
	long n;
	int done = 0;

	for (n = 0; n < 200 && !done; n++) {
		struct cj_zipw *z;
		struct cj_buf b, part;
		enum cj_err e = CJ_OK;

		cj_buf_init(&b, 0);
		cj_buf_init(&part, 0);
		cj_alloc_fail_after(n);
		z = cj_zipw_new();
		if (!z) {
			e = CJ_ERR_NOMEM;
		} else {
			cj_zipw_add(z, "a.xml", "<a/>", 4, CJ_ZIP_DEFLATE);
			cj_buf_puts(&part, "<b/>");
			cj_zipw_add_buf(z, "b.xml", &part, CJ_ZIP_DEFLATE);
			e = cj_zipw_finish(z, &b);
		}
		cj_alloc_fail_after(-1);
		CHECK(e == CJ_OK || e == CJ_ERR_NOMEM);
		if (e == CJ_OK) {
			struct parts p;

			CHECK(unzip_mem(b.ptr, b.len, &p));
			CHECK_EQ_INT(p.n, 2);
			parts_free(&p);
			done = 1;
		}
		cj_zipw_free(z);
		cj_buf_release(&part);
		cj_buf_release(&b);
	}
	CHECK(done);
}

/* ============================================================ docx: small document */

TEST(docx_small_structure)
{
	struct cj_doc *d = small_doc();
	struct cj_buf b;
	struct parts p;
	const char *x, *rels, *types, *styles, *footer, *core;
	char *text = NULL;
	size_t len = 0, i;

	memset(&p, 0, sizeof(p));
	cj_buf_init(&b, 0);
	CHECK(d != NULL);
	if (!d || !render_parts(d, &b, &p))
		goto out;
	for (i = 0; i < p.n; i++) {
		if (strstr(p.name[i], ".png"))
			continue;
		if (!well_formed(p.name[i], p.data[i], p.len[i]))
			cj_test_fail(__FILE__, __LINE__, "%s is not well-formed", p.name[i]);
	}
	x = part(&p, "word/document.xml", &len);
	CHECK(x != NULL);
	if (!x)
		goto out;
	text = doc_text(x, len);

	/* Escaping: markup characters are text; newline and tab become w:br and w:tab. */
	CHECK_CONTAINS(x, "收入 &lt; 支出 &amp; &quot;合计&quot;</w:t><w:br/><w:t>第二行</w:t><w:tab/>");
	CHECK_CONTAINS(x, "<w:t xml:space=\"preserve\">制表  两个空格</w:t>");
	CHECK_CONTAINS(text, "收入 < 支出 & \"合计\"\n第二行\t制表  两个空格\n");

	/* Headings and styles. */
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>测试单位2020年度部门决算</w:t>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"Heading1\"/>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"Heading2\"/>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"Heading3\"/>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"Note\"/></w:pPr><w:r><w:t>（注：数据来源于财决01表）");

	/* Two page breaks in a row give one; the trailing one is dropped. */
	CHECK_EQ_INT(count(x, "<w:br w:type=\"page\"/>"), 1);
	CHECK(strstr(x, "<w:br w:type=\"page\"/>") < strstr(x, "（一）表格"));

	/* The table: repeated header rows, spans, right-aligned amounts, bold total. */
	CHECK_EQ_INT(count(x, "<w:tbl>"), 3 + 1); /* and the chart's data */
	CHECK_EQ_INT(count(x, "<w:tblHeader/>"), 2 + 1);
	CHECK_CONTAINS(x, "<w:gridSpan w:val=\"2\"/>");
	CHECK_EQ_INT(count(x, "<w:vMerge w:val=\"restart\"/>"), 1);
	CHECK_EQ_INT(count(x, "<w:vMerge/>"), 1);
	CHECK_CONTAINS(x, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t>1,104.25</w:t>");
	CHECK_CONTAINS(x, "<w:rPr><w:b/><w:bCs/></w:rPr><w:t>合计</w:t>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"TableNumber\"/></w:pPr><w:r><w:t>公开01表</w:t>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"TableTitle\"/></w:pPr><w:r><w:t>收入支出决算总表</w:t>");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"TableUnit\"/></w:pPr><w:r><w:t>单位：万元</w:t>");
	CHECK_CONTAINS(x, "<w:t>表注</w:t>");
	CHECK_EQ_INT(bad_grid_rows(x), 0);
	/* Tables never touch: a paragraph between t2 and t3. */
	CHECK(strstr(x, "</w:tbl>\n<w:tbl>") == NULL);
	/* Every row fills the grid: a table of 3 columns has 3 grid columns. */
	CHECK_EQ_INT(count(x, "<w:gridCol "), 3 + 2 + 1 + 3);

	/* The chart: a picture, its relationship, its caption. */
	CHECK_EQ_INT(count(x, "<w:drawing>"), 1);
	CHECK_CONTAINS(x, "r:embed=\"rId5\"");
	CHECK_CONTAINS(x, "descr=\"收、支决算总计变动情况图\"");
	CHECK_CONTAINS(x, "<w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t>（图1：收、支决算总计变动情况图）");
	/* Its data under the caption, as in report.md: the unit, 项目 and the series, the labels. */
	CHECK_CONTAINS(text, "（图1：收、支决算总计变动情况图）\n单位：万元\n项目\n2019年\n2020年\n"
			     "收入总计\n589.53\n1104.25\n支出总计\n589.53\n1104.25\n");
	rels = part(&p, "word/_rels/document.xml.rels", NULL);
	CHECK_CONTAINS(rels, "Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
			     "2006/relationships/image\" Target=\"media/chart1.png\"");
	{
		size_t plen = 0;
		const char *png = part(&p, "word/media/chart1.png", &plen);

		CHECK(png != NULL && plen > 100 && memcmp(png, "\x89PNG", 4) == 0);
	}
	types = part(&p, "[Content_Types].xml", NULL);
	CHECK_CONTAINS(types, "<Default Extension=\"png\" ContentType=\"image/png\"/>");

	/* Page: A4, GB/T 9704 margins, page number field in the footer. */
	CHECK_CONTAINS(x, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
	CHECK_CONTAINS(x, "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\"");
	CHECK_CONTAINS(x, "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>");
	footer = part(&p, "word/footer1.xml", NULL);
	CHECK_CONTAINS(footer, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>");

	/* Styles: outline levels, fonts and sizes of GB/T 9704. */
	styles = part(&p, "word/styles.xml", NULL);
	for (i = 0; i < 4; i++) {
		char want[64];

		snprintf(want, sizeof(want), "<w:outlineLvl w:val=\"%zu\"/>", i);
		CHECK_CONTAINS(styles, want);
	}
	CHECK_CONTAINS(styles, "w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>");
	CHECK_CONTAINS(styles, "w:eastAsia=\"方正小标宋简体\"/><w:sz w:val=\"44\"/>");
	CHECK_CONTAINS(styles, "w:eastAsia=\"仿宋_GB2312\"");
	CHECK_CONTAINS(styles, "w:eastAsia=\"楷体_GB2312\"");
	CHECK_CONTAINS(styles, "w:eastAsia=\"黑体\"");
	CHECK_CONTAINS(styles, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
	CHECK_CONTAINS(styles, "w:styleId=\"TableGrid\"");
	CHECK_CONTAINS(styles, "w:styleId=\"Caption\"");
	CHECK_CONTAINS(styles, "w:styleId=\"Note\"");
	CHECK_CONTAINS(part(&p, "word/fontTable.xml", NULL),
		       "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"Noto Serif CJK SC\"/>");
	CHECK_CONTAINS(part(&p, "word/fontTable.xml", NULL),
		       "<w:font w:name=\"黑体\"><w:altName w:val=\"Noto Sans CJK SC\"/>");

	/* Metadata. */
	core = part(&p, "docProps/core.xml", NULL);
	CHECK_CONTAINS(core, "<dc:title>测试单位2020年度部门决算</dc:title>");
	CHECK_CONTAINS(core, "<dc:creator>测试单位</dc:creator>");
	CHECK_CONTAINS(core, ">2021-01-01T00:00:00Z</dcterms:created>");
	CHECK_CONTAINS(part(&p, "docProps/app.xml", NULL), "<Company>测试单位</Company>");
out:
	cj_free(text);
	parts_free(&p);
	cj_buf_release(&b);
	cj_doc_free(d);
}

/* A rowspan from the header into the body is cut at the boundary; the rest is empty cells. */
TEST(docx_span_crosses_header)
{
	struct cj_doc *d = cj_doc_new("T", "U", 2020);
	struct cj_table *t = cj_table_new("t", "", "", "", 3, 2, 1);
	struct cj_buf b;
	struct parts p;
	const char *x;

	cj_table_set(t, 0, 0, "跨行", CJ_AL_LEFT);
	cj_table_span(t, 0, 0, 3, 1);
	cj_table_set(t, 0, 1, "头", CJ_AL_LEFT);
	cj_table_set(t, 1, 1, "一", CJ_AL_LEFT);
	cj_table_set(t, 2, 1, "二", CJ_AL_LEFT);
	cj_doc_table(d, t);
	memset(&p, 0, sizeof(p));
	if (render_parts(d, &b, &p)) {
		x = part(&p, "word/document.xml", NULL);
		CHECK_EQ_INT(count(x, "<w:vMerge"), 0);
		CHECK_EQ_INT(count(x, "<w:tc>"), 6);
		CHECK_EQ_INT(count(x, "<w:tr>"), 3);
	}
	parts_free(&p);
	cj_buf_release(&b);
	cj_doc_free(d);

	/* A span inside the body keeps its vMerge; a block span gets gridSpan on each row. */
	d = cj_doc_new("T", "U", 2020);
	t = cj_table_new("t", "", "", "", 3, 3, 0);
	cj_table_set(t, 0, 0, "块", CJ_AL_LEFT);
	cj_table_span(t, 0, 0, 2, 2);
	cj_table_set(t, 0, 2, "a", CJ_AL_LEFT);
	cj_table_set(t, 1, 2, "b", CJ_AL_LEFT);
	cj_table_set(t, 2, 0, "c", CJ_AL_LEFT);
	cj_doc_table(d, t);
	if (render_parts(d, &b, &p)) {
		x = part(&p, "word/document.xml", NULL);
		CHECK_EQ_INT(count(x, "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"), 1);
		CHECK_EQ_INT(count(x, "<w:gridSpan w:val=\"2\"/><w:vMerge/>"), 1);
		CHECK_EQ_INT(count(x, "<w:tc>"), 2 + 2 + 3);
	}
	parts_free(&p);
	cj_buf_release(&b);
	cj_doc_free(d);
}

/* Malformed spans (a builder bug) and extreme shapes still give a consistent grid. */
TEST(docx_odd_tables)
{
	struct cj_doc *d = cj_doc_new("T", "U", 2020);
	struct cj_table *t;
	struct cj_buf b;
	struct parts p;
	size_t r, c;

	/* Spans past the edges. */
	t = cj_table_new("a", "", "", "", 3, 3, 1);
	cj_table_set(t, 0, 1, "wide", CJ_AL_LEFT);
	t->cells[1].colspan = 9;
	t->cells[2].colspan = 0;
	t->cells[2].rowspan = 0;
	cj_table_set(t, 1, 0, "tall", CJ_AL_LEFT);
	t->cells[3].rowspan = 9;
	t->cells[6].colspan = t->cells[6].rowspan = 0;
	cj_doc_table(d, t);

	/* Overlapping spans and covered cells without an anchor. */
	t = cj_table_new("b", "", "", "", 4, 4, 0);
	cj_table_set(t, 0, 0, "x", CJ_AL_LEFT);
	cj_table_span(t, 0, 0, 2, 2);
	cj_table_set(t, 1, 1, "y", CJ_AL_LEFT);
	t->cells[1 * 4 + 1].colspan = 2;
	t->cells[1 * 4 + 1].rowspan = 2;
	t->cells[3 * 4 + 3].colspan = 0;
	t->cells[3 * 4 + 3].rowspan = 0;
	t->cells[3 * 4 + 0].rowspan = 0;
	cj_doc_table(d, t);

	/* Many columns, every cell an amount. */
	t = cj_table_new("c", "", "", "", 2, 300, 1);
	for (r = 0; r < 2; r++)
		for (c = 0; c < 300; c++)
			cj_table_amount(t, r, c, (int64_t)(r * 300 + c) * 100000000);
	cj_doc_table(d, t);

	/* No rows at all: title and note only. */
	t = cj_table_new("d", "公开08表", "空表", "", 0, 0, 0);
	cj_table_set_note(t, "本表无数据。");
	cj_doc_table(d, t);
	CHECK_EQ_INT(d->err, CJ_OK);

	memset(&p, 0, sizeof(p));
	if (render_parts(d, &b, &p)) {
		const char *x = part(&p, "word/document.xml", NULL);
		size_t len = 0;

		CHECK(x && well_formed("document.xml", x, strlen(x)));
		CHECK_EQ_INT(bad_grid_rows(x), 0);
		CHECK_EQ_INT(count(x, "<w:tbl>"), 3);
		CHECK_CONTAINS(x, "<w:t>本表无数据。</w:t>");
		CHECK_CONTAINS(x, "<w:t>空表</w:t>");
		x = part(&p, "word/document.xml", &len);
		CHECK(len > 0);
	}
	parts_free(&p);
	cj_buf_release(&b);
	cj_doc_free(d);

	/* And the example. */
	if (example_parts(&p))
		CHECK_EQ_INT(bad_grid_rows(part(&p, "word/document.xml", NULL)), 0);
	parts_free(&p);
}

TEST(docx_errors)
{
	struct cj_doc *d = cj_doc_new("T", "U", 2020);
	struct cj_buf b;

	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_docx_render(NULL, &b), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_docx_render(d, NULL), CJ_ERR_USAGE);

	/* The doc's sticky error: nothing written. */
	d->err = CJ_ERR_NOMEM;
	CHECK_EQ_INT(cj_docx_render(d, &b), CJ_ERR_NOMEM);
	CHECK_EQ_INT(b.len, 0);
	d->err = CJ_OK;

	/* An empty document is still a document. */
	CHECK_EQ_INT(cj_docx_render(d, &b), CJ_OK);
	CHECK(b.len > 1000);

	/* A cap too small for the package. */
	{
		struct cj_buf small;

		cj_buf_init(&small, 512);
		CHECK_EQ_INT(cj_docx_render(d, &small), CJ_ERR_TOO_LARGE);
		cj_buf_release(&small);
	}

	/* A chart that is not filled: the PNG renderer refuses it, and so do we. */
	{
		struct cj_chart *c = cj_chart_new("c", CJ_CHART_BARS, "柱", "", "万元", 1, 1);
		char **labels;

		cj_chart_set_cat(c, 0, "甲");
		cj_chart_set_series(c, 0, "2020年");
		cj_chart_set_value(c, 0, 0, 100);
		cj_doc_chart(d, c);
		labels = c->value_labels;
		c->value_labels = NULL;
		cj_buf_reset(&b);
		CHECK_EQ_INT(cj_docx_render(d, &b), CJ_ERR_USAGE);
		c->value_labels = labels;
		cj_buf_reset(&b);
		CHECK_EQ_INT(cj_docx_render(d, &b), CJ_OK);
	}
	cj_buf_release(&b);
	cj_doc_free(d);
}

/* Every allocation failure is reported as CJ_ERR_NOMEM and leaks nothing. */
TEST(docx_alloc_fail)
{
	struct cj_doc *d = small_doc();
	char *old = epoch_set(EPOCH);
	struct cj_buf ref;
	long n;
	int done = 0;

	CHECK(d != NULL);
	cj_buf_init(&ref, 0);
	CHECK_EQ_INT(cj_docx_render(d, &ref), CJ_OK);
	for (n = 0; n < 5000 && !done && d; n++) {
		struct cj_buf b;
		enum cj_err e;

		cj_buf_init(&b, 0);
		cj_alloc_fail_after(n);
		e = cj_docx_render(d, &b);
		cj_alloc_fail_after(-1);
		if (e != CJ_OK && e != CJ_ERR_NOMEM)
			cj_test_fail(__FILE__, __LINE__, "allocation %ld: error %d", n, (int)e);
		if (e == CJ_OK) {
			/* After the failures are over, the same bytes as without them. */
			CHECK(b.len == ref.len && memcmp(b.ptr, ref.ptr, b.len) == 0);
			done = 1;
		}
		cj_buf_release(&b);
	}
	CHECK(done);
	cj_buf_release(&ref);
	epoch_restore(old);
	cj_doc_free(d);
}

/* ============================================================ docx: the example */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Every figure of the Markdown rendering (digits, with , . and a final %) is in the DOCX text. */
TEST(docx_example_figures)
{
	const struct cj_doc *doc = example_doc();
	struct cj_buf md;
	struct parts p;
	const char *xml;
	char *text = NULL;
	size_t len = 0, i, nfig = 0, missing = 0;

	memset(&p, 0, sizeof(p));
	cj_buf_init(&md, 0);
	if (!doc || !example_parts(&p))
		goto out;
	CHECK_EQ_INT(cj_md_render(doc, &md), CJ_OK);
	xml = part(&p, "word/document.xml", &len);
	CHECK(xml != NULL);
	text = xml ? doc_text(xml, len) : NULL;
	CHECK(text != NULL);
	if (!text)
		goto out;
	for (i = 0; i < md.len;) {
		size_t j = i;
		char fig[64];

		if (!is_digit(md.ptr[i])) {
			i++;
			continue;
		}
		while (j < md.len && (is_digit(md.ptr[j]) ||
				      ((md.ptr[j] == ',' || md.ptr[j] == '.') && j + 1 < md.len &&
				       is_digit(md.ptr[j + 1]))))
			j++;
		if (j < md.len && md.ptr[j] == '%')
			j++;
		if (j - i < sizeof(fig)) {
			memcpy(fig, md.ptr + i, j - i);
			fig[j - i] = '\0';
			nfig++;
			if (!strstr(text, fig) && missing++ < 10)
				cj_test_fail(__FILE__, __LINE__, "figure %s of report.md is not in the DOCX",
					     fig);
		}
		i = j;
	}
	CHECK(nfig > 500);
	CHECK_EQ_INT(missing, 0);
	/* And a few by name. */
	CHECK_CONTAINS(text, "1104.25万元");
	CHECK_CONTAINS(text, "1,104.25");
	CHECK_CONTAINS(text, "797.10");
	CHECK_CONTAINS(text, "87.31%");
out:
	cj_free(text);
	parts_free(&p);
	cj_buf_release(&md);
}

TEST(docx_example_parts)
{
	static const char *const fixed[] = {
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
		"word/footer1.xml", "word/_rels/document.xml.rels"};
	const size_t nfixed = sizeof(fixed) / sizeof(fixed[0]);
	const struct cj_doc *doc = example_doc();
	struct parts p;
	size_t i, ncharts = 0, ntables = 0, nheader_tables = 0;
	const char *xml;

	if (!doc || !example_parts(&p))
		return;
	for (i = 0; i < doc->n; i++) {
		const struct cj_node *nd = &doc->nodes[i];

		ncharts += nd->kind == CJ_N_CHART;
		if (nd->kind == CJ_N_TABLE && nd->table->nrows && nd->table->ncols) {
			ntables++;
			nheader_tables += nd->table->header_rows > 0;
		}
	}
	CHECK_EQ_INT(ncharts, 7);
	CHECK_EQ_INT(p.n, nfixed + ncharts);
	for (i = 0; i < p.n && i < nfixed; i++)
		CHECK_STR(p.name[i], fixed[i]);
	for (i = nfixed; i < p.n; i++) {
		char want[64];

		snprintf(want, sizeof(want), "word/media/chart%zu.png", i - nfixed + 1);
		CHECK_STR(p.name[i], want);
		CHECK(p.len[i] > 1000 && memcmp(p.data[i], "\x89PNG", 4) == 0);
		CHECK_EQ_INT(p.method[i], ZIP_CM_STORE);
	}
	/* Every XML part is well-formed. */
	for (i = 0; i < p.n && i < nfixed; i++)
		if (!well_formed(p.name[i], p.data[i], p.len[i]))
			cj_test_fail(__FILE__, __LINE__, "%s is not well-formed", p.name[i]);
	xml = part(&p, "word/document.xml", NULL);
	CHECK_EQ_INT(count(xml, "<w:drawing>"), ncharts);
	CHECK_EQ_INT(count(xml, "<w:pStyle w:val=\"Caption\"/>"), ncharts);
	CHECK_EQ_INT(count(xml, "<w:tbl>"), ntables + ncharts); /* each chart's data too */
	CHECK(count(xml, "<w:tblHeader/>") >= nheader_tables);
	CHECK_EQ_INT(count(xml, "<w:pStyle w:val=\"Heading1\"/>"), 5);
	/* The zip's timestamps are SOURCE_DATE_EPOCH's. */
	CHECK_EQ_INT(u16(example_docx()->ptr, 12), EPOCH_DOS_DATE);
	parts_free(&p);
}

/* Same tree, SOURCE_DATE_EPOCH set: byte-identical files, even a second later. */
TEST(docx_deterministic)
{
	const struct cj_doc *doc = example_doc();
	const struct cj_buf *a = example_docx();
	struct cj_buf b;
	char *old;

	if (!doc || !a)
		return;
	sleep(1); /* a clock would now read differently */
	old = epoch_set(EPOCH);
	cj_buf_init(&b, 0);
	CHECK_EQ_INT(cj_docx_render(doc, &b), CJ_OK);
	CHECK(a->len == b.len && a->len > 0 && memcmp(a->ptr, b.ptr, a->len) == 0);
	epoch_restore(old);
	cj_buf_release(&b);
}

/* ------------------------------------------------------------ golden */

/* Blank out the text of every <dcterms:created ...> and <dcterms:modified ...> element. */
static void mask_dates(char *s)
{
	static const char *const tags[] = {"dcterms:created", "dcterms:modified"};
	size_t i;

	for (i = 0; i < 2; i++) {
		char open[40], close[40];
		char *p = s;

		snprintf(open, sizeof(open), "<%s", tags[i]);
		snprintf(close, sizeof(close), "</%s>", tags[i]);
		while ((p = strstr(p, open)) != NULL) {
			char *gt = strchr(p, '>'), *end;

			if (!gt)
				break;
			end = strstr(gt, close);
			if (!end)
				break;
			memset(gt + 1, '#', (size_t)(end - gt - 1));
			p = end;
		}
	}
}

/* Report the first difference of two texts: its line, and the text around it. */
static void first_diff(const char *path, const char *got, const char *want)
{
	size_t line = 1, i = 0, from;

	while (got[i] && got[i] == want[i]) {
		if (got[i] == '\n')
			line++;
		i++;
	}
	from = i > 60 ? i - 60 : 0;
	while (from > 0 && from < i && ((unsigned char)got[from] & 0xC0) == 0x80)
		from--; /* not inside a UTF-8 sequence */
	cj_test_fail(__FILE__, __LINE__,
		     "%s differs at line %zu, byte %zu:\n  got:  ...%.160s\n  want: ...%.160s", path,
		     line, i, got + from, want + from);
}

static void golden_write(const char *path, const char *data, size_t len)
{
	char dir[512];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		CHECK_EQ_INT(cj_mkdir_p(dir, NULL), CJ_OK);
	}
	CHECK_EQ_INT(cj_file_write_atomic(path, data, len, NULL), CJ_OK);
}

TEST(docx_golden)
{
	const char *upd = getenv("CJ_GOLDEN_UPDATE");
	int update = upd && strcmp(upd, "1") == 0;
	struct parts p;
	size_t i, compared = 0;

	if (!example_parts(&p))
		return;
	for (i = 0; i < p.n; i++) {
		char path[512];
		char *want = NULL;
		size_t wlen = 0;

		if (strstr(p.name[i], "word/media/") == p.name[i])
			continue; /* pixels depend on the fonts installed */
		snprintf(path, sizeof(path), "%s/%s", GOLDEN_DIR, p.name[i]);
		if (update) {
			golden_write(path, p.data[i], p.len[i]);
			continue;
		}
		if (strcmp(p.name[i], "docProps/app.xml") == 0)
			continue;
		if (cj_file_read(path, (size_t)16 << 20, &want, &wlen, NULL) != CJ_OK) {
			cj_test_fail(__FILE__, __LINE__,
				     "missing golden file %s (CJ_GOLDEN_UPDATE=1 makes it)", path);
			continue;
		}
		if (strcmp(p.name[i], "docProps/core.xml") == 0) {
			mask_dates(want);
			mask_dates(p.data[i]);
		}
		compared++;
		if (wlen == p.len[i] && memcmp(want, p.data[i], wlen) == 0)
			cj_test_pass();
		else
			first_diff(path, p.data[i], want);
		cj_free(want);
	}
	if (!update)
		CHECK_EQ_INT(compared, 9);
	parts_free(&p);
}

/* ------------------------------------------------------------ LibreOffice */

static int have_prog(const char *name)
{
	const char *path = getenv("PATH");
	char buf[1024];

	while (path && *path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);

		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, path, name);
		if (n && access(buf, X_OK) == 0)
			return 1;
		path = colon ? colon + 1 : NULL;
	}
	return 0;
}

/* Acceptance test of issue 4: LibreOffice converts report.docx to PDF. */
TEST(docx_soffice)
{
	char dir[] = "/tmp/cj-docx-test-XXXXXX";
	char path[600], pdf[600], txt[600], cmd[4096];
	char *text = NULL;
	const struct cj_buf *b;
	struct stat st;

	if (!have_prog("soffice")) {
		printf("docx_soffice: soffice not installed, skipped "
		       "(apt-get install libreoffice-writer-nogui)\n");
		return;
	}
	b = example_docx();
	if (!b)
		return;
	if (!mkdtemp(dir)) {
		cj_test_fail(__FILE__, __LINE__, "cannot make a temporary directory");
		goto out;
	}
	snprintf(path, sizeof(path), "%s/report.docx", dir);
	CHECK_EQ_INT(cj_file_write_atomic(path, b->ptr, b->len, NULL), CJ_OK);
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && HOME='%s' %s soffice -env:UserInstallation=file://%s/profile "
		 "--headless --convert-to pdf --outdir '%s/pdf' '%s' >'%s/soffice.log' 2>&1",
		 dir, dir, have_prog("timeout") ? "timeout 300" : "", dir, dir, path, dir);
	CHECK_EQ_INT(system(cmd), 0);
	snprintf(pdf, sizeof(pdf), "%s/pdf/report.pdf", dir);
	CHECK(stat(pdf, &st) == 0 && st.st_size > 10000);
	if (have_prog("pdftotext")) {
		size_t len = 0;

		snprintf(txt, sizeof(txt), "%s/report.txt", dir);
		snprintf(cmd, sizeof(cmd), "pdftotext '%s' '%s'", pdf, txt);
		CHECK_EQ_INT(system(cmd), 0);
		CHECK_EQ_INT(cj_file_read(txt, (size_t)16 << 20, &text, &len, NULL), CJ_OK);
		CHECK_CONTAINS(text, "部门决算");
		CHECK_CONTAINS(text, "1,104.25");
		CHECK_CONTAINS(text, "797.10");
		CHECK_CONTAINS(text, "收入支出决算总表");
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
out:
	cj_free(text);
}
