/*
 * test_xlsx_out.c - tables.xlsx (src/out/xlsx.c, xlsx_chart.c).
 *
 * The example's workbook is checked part by part against the unzipped
 * golden copy in tests/golden/xlsx-example/ (the XML parts: workbook,
 * styles, shared strings, every worksheet, chart and drawing; docProps, the
 * theme, the rels and [Content_Types].xml are not compared).  After an
 * intended change of output, regenerate with
 *
 *     CJ_GOLDEN_UPDATE=1 ./build/unit-tests xlsx_out_golden
 *
 * and review the diff (git diff tests/golden/xlsx-example).  The golden
 * files belong to libxlsxwriter 1.1.4; another version may write the
 * same workbook with different bytes.
 *
 * Also: sheet order, a known amount cell (T5 合计 = 797.1 with #,##0.00,
 * bold as a totals row), header merges, the empty T8/T9 explanations, the
 * seven charts, determinism under SOURCE_DATE_EPOCH, sheet names,
 * errors, allocation failures, and (when soffice is installed) a
 * LibreOffice conversion to PDF.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include "runner.h"

#include "base/alloc.h"
#include "base/buf.h"
#include "base/fsio.h"
#include "base/utf8.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/codes.h"
#include "out/xlsx.h"
#include "report/doc.h"
#include "report/report.h"

#define GOLDEN_DIR CJ_TEST_ROOT "/tests/golden/xlsx-example"
#define EPOCH "1609459200" /* 2021-01-01T00:00:00Z */

/* ------------------------------------------------------------ helpers */

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
		return 0;
	}
	return 1;
}

static void ex_free(struct ex *x)
{
	cj_doc_free(x->doc);
	cj_figures_free(x->f);
	cj_codes_free(x->codes);
	cj_accounts_free(x->a);
}

/* A fresh temporary directory; caller frees the string and removes the tree. */
static char *tmp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char tmpl[512];
	char *p;

	snprintf(tmpl, sizeof(tmpl), "%s/cj-xlsx-test-XXXXXX", base && *base ? base : "/tmp");
	p = mkdtemp(tmpl);
	return p ? cj_strdup(p) : NULL;
}

static void rm_rf(const char *dir)
{
	char cmd[1200];

	if (!dir || strncmp(dir, "/", 1) != 0 || !strstr(dir, "cj-xlsx-test-"))
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

static char *read_whole(const char *path, size_t *len)
{
	char *data = NULL;
	size_t n = 0;

	if (cj_file_read(path, (size_t)64 << 20, &data, &n, NULL) != CJ_OK)
		return NULL;
	if (len)
		*len = n;
	return data;
}

/* One part of a zip file, NUL-terminated; NULL when absent. */
static char *zip_part(zip_t *z, const char *name, size_t *len)
{
	zip_stat_t st;
	zip_file_t *zf;
	char *buf;
	zip_int64_t got;

	if (zip_stat(z, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return NULL;
	buf = cj_malloc((size_t)st.size + 1);
	zf = zip_fopen(z, name, 0);
	if (!buf || !zf) {
		cj_free(buf);
		if (zf)
			zip_fclose(zf);
		return NULL;
	}
	got = zip_fread(zf, buf, st.size);
	zip_fclose(zf);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		cj_free(buf);
		return NULL;
	}
	buf[st.size] = '\0';
	if (len)
		*len = (size_t)st.size;
	return buf;
}

/* One part of the workbook at path. */
static char *part(const char *path, const char *name)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	char *s;

	if (!z)
		return NULL;
	s = zip_part(z, name, NULL);
	zip_discard(z);
	return s;
}

/* The parts the golden test compares. */
static int compared(const char *name)
{
	return strcmp(name, "xl/workbook.xml") == 0 || strcmp(name, "xl/styles.xml") == 0 ||
	       strcmp(name, "xl/sharedStrings.xml") == 0 ||
	       strncmp(name, "xl/worksheets/sheet", 19) == 0 ||
	       strncmp(name, "xl/charts/chart", 15) == 0 ||
	       strncmp(name, "xl/drawings/drawing", 19) == 0;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	const char *p = hay;

	while (hay && (p = strstr(p, needle)) != NULL) {
		n++;
		p += len;
	}
	return n;
}

/* Copy the element <c r="REF" …> … of a sheet into out ("" when absent). */
static void cell_elem(const char *sheet, const char *ref, char *out, size_t cap)
{
	char key[32];
	const char *p, *e;

	out[0] = '\0';
	snprintf(key, sizeof(key), "<c r=\"%s\"", ref);
	p = sheet ? strstr(sheet, key) : NULL;
	if (!p)
		return;
	e = strstr(p, "/>");
	if (strstr(p, "</c>") && (!e || strstr(p, "</c>") < e || strchr(p, '>') < e))
		e = strstr(p, "</c>") + 4;
	else if (e)
		e += 2;
	if (!e)
		return;
	snprintf(out, cap, "%.*s", (int)(e - p), p);
}

/* Integer value of attribute name="…" in an element, or -1. */
static long attr_int(const char *elem, const char *name)
{
	char key[32];
	const char *p;

	snprintf(key, sizeof(key), " %s=\"", name);
	p = strstr(elem, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

/* Copy the idx-th element <tag …> inside section <sect …> … </sect>. */
static void nth_elem(const char *xml, const char *sect, const char *tag, long idx, char *out,
		     size_t cap)
{
	char open[32], close[32], t[32];
	const char *p, *end, *e;
	long i;

	out[0] = '\0';
	snprintf(open, sizeof(open), "<%s", sect);
	snprintf(close, sizeof(close), "</%s>", sect);
	snprintf(t, sizeof(t), "<%s", tag);
	p = xml ? strstr(xml, open) : NULL;
	end = p ? strstr(p, close) : NULL;
	if (!p || !end || idx < 0)
		return;
	p++;
	for (i = 0; i <= idx; i++) {
		p = strstr(p, t);
		while (p && p[strlen(t)] != ' ' && p[strlen(t)] != '>' && p[strlen(t)] != '/')
			p = strstr(p + 1, t); /* <font> but not <fonts> */
		if (!p || p >= end)
			return;
		if (i < idx)
			p++;
	}
	e = strchr(p, '>');
	if (e && e[-1] != '/') {
		char ct[32];
		snprintf(ct, sizeof(ct), "</%s>", tag);
		e = strstr(p, ct);
		e = e ? e + strlen(ct) : NULL;
	} else if (e) {
		e++;
	}
	if (e)
		snprintf(out, cap, "%.*s", (int)(e - p), p);
}

/* Occurrences of needle in hay before `upto`. */
static size_t count_before(const char *hay, const char *needle, const char *upto)
{
	size_t n = 0, len = strlen(needle);
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL && p < upto) {
		n++;
		p += len;
	}
	return n;
}

/* Index of a shared string, or -1. */
static long sst_index(const char *sst, const char *text)
{
	char key[1024];
	const char *p;

	snprintf(key, sizeof(key), "<t>%s</t>", text);
	p = sst ? strstr(sst, key) : NULL;
	if (!p)
		return -1;
	return (long)count_before(sst, "<si>", p) - 1; /* its own <si> is before p */
}

/* ------------------------------------------------------------ tests */

/* 1-based position of the sheet named `name` in workbook.xml, 0 when absent. */
static int sheet_pos(const char *wb, const char *name)
{
	char key[256];
	const char *p;

	snprintf(key, sizeof(key), "<sheet name=\"%s\"", name);
	p = wb ? strstr(wb, key) : NULL;
	return p ? (int)count_before(wb, "<sheet ", p) + 1 : 0;
}

/* Set SOURCE_DATE_EPOCH for a run; returns the old value (copy) to restore. */
static char *epoch_set(void)
{
	const char *old = getenv("SOURCE_DATE_EPOCH");
	char *keep = old ? cj_strdup(old) : NULL;

	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
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

/* Write the doc's workbook to dir/name (with a fixed epoch); path in out. */
static int write_doc(const struct cj_doc *doc, const char *dir, const char *name, char *out,
		     size_t cap)
{
	struct cj_diag d;
	enum cj_err e;
	char *old = epoch_set();

	cj_diag_init(&d);
	snprintf(out, cap, "%s/%s", dir, name);
	e = cj_xlsx_tables(doc, out, &d);
	epoch_restore(old);
	CHECK_EQ_INT(e, CJ_OK);
	if (e)
		fprintf(stderr, "cj_xlsx_tables: %s [%s]\n", d.msg, d.cell);
	return e == CJ_OK;
}

/* The example's workbook in a new temporary directory. */
struct exwb {
	struct ex x;
	char *dir;
	char path[600];
	int ok;
};

static int exwb_open(struct exwb *w)
{
	memset(w, 0, sizeof(*w));
	if (!ex_load(&w->x))
		return 0;
	w->dir = tmp_dir();
	CHECK(w->dir != NULL);
	if (!w->dir)
		return 0;
	w->ok = write_doc(w->x.doc, w->dir, "tables.xlsx", w->path, sizeof(w->path));
	return w->ok;
}

static void exwb_close(struct exwb *w)
{
	rm_rf(w->dir);
	cj_free(w->dir);
	ex_free(&w->x);
}

static const struct cj_table *doc_table(const struct cj_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_TABLE && strcmp(doc->nodes[i].table->id, id) == 0)
			return doc->nodes[i].table;
	return NULL;
}

/* ------------------------------------------------------------- golden */

static void golden_extra(zip_t *z, const char *sub, int upd)
{
	char dpath[512], fpath[1024], rel[512];
	struct dirent *de;
	struct stat st;
	DIR *dir;

	snprintf(dpath, sizeof(dpath), "%s/%s", GOLDEN_DIR, sub);
	dir = opendir(dpath);
	if (!dir)
		return;
	while ((de = readdir(dir)) != NULL) {
		snprintf(fpath, sizeof(fpath), "%s/%s", dpath, de->d_name);
		snprintf(rel, sizeof(rel), "%s/%s", sub, de->d_name);
		if (stat(fpath, &st) != 0 || !S_ISREG(st.st_mode) || !compared(rel))
			continue;
		if (zip_name_locate(z, rel, 0) >= 0)
			continue;
		if (upd)
			remove(fpath);
		else
			cj_test_fail(__FILE__, __LINE__, "golden part %s is not in the workbook", rel);
	}
	closedir(dir);
}

static void golden_dir_of(const char *gpath)
{
	char dir[1024];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", gpath);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		cj_mkdir_p(dir, NULL);
	}
}

TEST(xlsx_out_golden)
{
	const char *upd_env = getenv("CJ_GOLDEN_UPDATE");
	int upd = upd_env && strcmp(upd_env, "1") == 0, err = 0;
	char *wb = NULL;
	struct exwb w;
	zip_int64_t n, i;
	size_t nparts = 0;
	zip_t *z;

	if (!exwb_open(&w))
		goto out;
	z = zip_open(w.path, ZIP_RDONLY, &err);
	CHECK(z != NULL);
	if (!z)
		goto out;
	n = zip_get_num_entries(z, 0);
	for (i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		char gpath[1024], *got, *want;
		size_t glen = 0, wlen = 0, k;

		if (!name || !compared(name))
			continue;
		nparts++;
		got = zip_part(z, name, &glen);
		CHECK(got != NULL);
		if (!got)
			continue;
		snprintf(gpath, sizeof(gpath), "%s/%s", GOLDEN_DIR, name);
		if (upd) {
			golden_dir_of(gpath);
			CHECK_EQ_INT(cj_file_write_atomic(gpath, got, glen, NULL), CJ_OK);
			cj_free(got);
			continue;
		}
		want = read_whole(gpath, &wlen);
		if (!want) {
			cj_test_fail(__FILE__, __LINE__,
				     "missing golden part %s (CJ_GOLDEN_UPDATE=1 makes it)", gpath);
			cj_free(got);
			continue;
		}
		for (k = 0; k < glen && k < wlen && got[k] == want[k]; k++)
			;
		if (k == glen && glen == wlen) {
			cj_test_pass();
		} else {
			size_t from = k > 60 ? k - 60 : 0;
			cj_test_fail(__FILE__, __LINE__,
				     "%s differs at byte %zu:\n  got  ...%.120s\n  want ...%.120s", name,
				     k, got + from, want + (from < wlen ? from : wlen));
		}
		cj_free(got);
		cj_free(want);
	}
	golden_extra(z, "xl", upd);
	golden_extra(z, "xl/worksheets", upd);
	golden_extra(z, "xl/charts", upd);
	golden_extra(z, "xl/drawings", upd);
	wb = zip_part(z, "xl/workbook.xml", NULL);
	zip_discard(z);
	/* workbook, styles, strings, the sheets, 7 charts, 1 drawing */
	CHECK_EQ_INT(nparts, 3 + count(wb, "<sheet ") + 7 + 1);
out:
	cj_free(wb);
	exwb_close(&w);
}

/* ------------------------------------------------------- the example */

TEST(xlsx_out_sheets_in_order)
{
	static const char *const want[] = {"公开01表", "公开02表", "公开03表", "公开04表", "公开05表",
					   "公开06表", "公开07表", "公开08表", "公开09表"};
	struct exwb w;
	char *wb = NULL, key[96], elem[256];
	size_t i, n, nperf = 0;

	if (!exwb_open(&w))
		goto out;
	wb = part(w.path, "xl/workbook.xml");
	CHECK(wb != NULL);
	if (!wb)
		goto out;
	for (i = 0; i < 9; i++) {
		nth_elem(wb, "sheets", "sheet", (long)i, elem, sizeof(elem));
		snprintf(key, sizeof(key), "name=\"%s\"", want[i]);
		CHECK_CONTAINS(elem, key);
	}
	/* then the performance tables, then the charts, last */
	n = count(wb, "<sheet ");
	CHECK(sheet_pos(wb, "项目支出绩效目标完成情况表（1）") > 9);
	CHECK(sheet_pos(wb, "资金计划、到位及使用情况（1）") > 9);
	CHECK(sheet_pos(wb, "项目支出绩效目标完成情况表（5）") > 9);
	CHECK_EQ_INT(sheet_pos(wb, "图表"), n);
	for (i = 0; i < w.x.doc->n; i++) {
		const struct cj_table *t = w.x.doc->nodes[i].table;
		if (w.x.doc->nodes[i].kind == CJ_N_TABLE && strncmp(t->id, "perf-", 5) == 0)
			nperf++;
	}
	CHECK(nperf >= 10);
	CHECK_EQ_INT(n, 9 + nperf + 1);
	/* header rows repeat when printed */
	CHECK_CONTAINS(wb, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"4\">'公开05表'!$4:$5</definedName>");
out:
	cj_free(wb);
	exwb_close(&w);
}

TEST(xlsx_out_amount_cell)
{
	struct exwb w;
	char *sheet = NULL, *styles = NULL, c6[256], a6[256], xf[512], fmt[256], font[256], key[64];
	long s, numfmt;

	if (!exwb_open(&w))
		goto out;
	sheet = part(w.path, "xl/worksheets/sheet5.xml");
	styles = part(w.path, "xl/styles.xml");
	CHECK(sheet && styles);
	if (!sheet || !styles)
		goto out;
	/* T5: title, 公开05表, unit line, two header rows; 合计 is Excel row 6 */
	cell_elem(sheet, "C6", c6, sizeof(c6));
	CHECK_CONTAINS(c6, "<v>797.1</v>");
	CHECK(!strstr(c6, "t=\"s\""));
	s = attr_int(c6, "s");
	nth_elem(styles, "cellXfs", "xf", s, xf, sizeof(xf));
	numfmt = attr_int(xf, "numFmtId");
	snprintf(key, sizeof(key), "numFmtId=\"%ld\" formatCode=\"#,##0.00\"", numfmt);
	CHECK_CONTAINS(styles, key);
	/* a totals row: the amount is bold like its label */
	nth_elem(styles, "fonts", "font", attr_int(xf, "fontId"), font, sizeof(font));
	CHECK_CONTAINS(font, "<b/>");
	CHECK_CONTAINS(xf, "horizontal=\"right\"");
	CHECK_EQ_INT(attr_int(xf, "borderId") > 0, 1);
	cell_elem(sheet, "A6", a6, sizeof(a6));
	CHECK_CONTAINS(a6, "t=\"s\"");
	CHECK_CONTAINS(sheet, "<mergeCell ref=\"A6:B6\"/>");
	/* a 项 row: 2013101 行政运行 441.91, the code kept as text, not bold */
	cell_elem(sheet, "A9", a6, sizeof(a6));
	CHECK_CONTAINS(a6, "t=\"s\"");
	nth_elem(styles, "cellXfs", "xf", attr_int(a6, "s"), xf, sizeof(xf));
	nth_elem(styles, "numFmts", "numFmt", 0, fmt, sizeof(fmt));
	CHECK_CONTAINS(fmt, "formatCode=\"@\"");
	snprintf(key, sizeof(key), "numFmtId=\"%ld\"", attr_int(fmt, "numFmtId"));
	CHECK_CONTAINS(xf, key);
	cell_elem(sheet, "C9", c6, sizeof(c6));
	CHECK_CONTAINS(c6, "<v>441.91</v>");
	nth_elem(styles, "cellXfs", "xf", attr_int(c6, "s"), xf, sizeof(xf));
	nth_elem(styles, "fonts", "font", attr_int(xf, "fontId"), font, sizeof(font));
	CHECK(!strstr(font, "<b/>"));
	/* an absent figure is an empty cell with a border (T3 上缴上级支出 of a 类 row) */
	cj_free(sheet);
	sheet = part(w.path, "xl/worksheets/sheet3.xml");
	cell_elem(sheet, "F7", c6, sizeof(c6));
	CHECK(c6[0] != '\0' && !strstr(c6, "<v>"));
out:
	cj_free(sheet);
	cj_free(styles);
	exwb_close(&w);
}

TEST(xlsx_out_header_merges)
{
	struct exwb w;
	char *t1 = NULL, *t5 = NULL, *t7 = NULL;

	if (!exwb_open(&w))
		goto out;
	t1 = part(w.path, "xl/worksheets/sheet1.xml");
	t5 = part(w.path, "xl/worksheets/sheet5.xml");
	t7 = part(w.path, "xl/worksheets/sheet7.xml");
	CHECK(t1 && t5 && t7);
	if (!t1 || !t5 || !t7)
		goto out;
	CHECK_CONTAINS(t5, "<mergeCell ref=\"A1:E1\"/>"); /* title */
	CHECK_CONTAINS(t5, "<mergeCell ref=\"A4:B4\"/>"); /* 项目 */
	CHECK_CONTAINS(t5, "<mergeCell ref=\"C4:E4\"/>"); /* 本年支出 */
	CHECK_CONTAINS(t1, "<mergeCell ref=\"A4:C4\"/>"); /* 收入 */
	CHECK_CONTAINS(t1, "<mergeCell ref=\"D4:F4\"/>"); /* 支出 */
	CHECK_CONTAINS(t7, "<mergeCell ref=\"A4:F4\"/>"); /* 预算数 */
	CHECK_CONTAINS(t7, "<mergeCell ref=\"G4:L4\"/>"); /* 决算数 */
	CHECK_CONTAINS(t7, "<mergeCell ref=\"A5:A6\"/>"); /* 合计, two rows */
	CHECK_CONTAINS(t7, "<mergeCell ref=\"C5:E5\"/>"); /* 公务用车购置及运行费 */
	/* print setup: A4, fit to one page wide, landscape when wide (T7 is) */
	CHECK_CONTAINS(t5, "paperSize=\"9\"");
	CHECK_CONTAINS(t5, "fitToHeight=\"0\"");
	CHECK_CONTAINS(t5, "<pageSetUpPr fitToPage=\"1\"/>");
	CHECK(!strstr(t5, "orientation=\"landscape\""));
	CHECK_CONTAINS(t7, "orientation=\"landscape\"");
	/* column widths follow the text: 科目名称 is the widest column of T5 */
	CHECK_CONTAINS(t5, "<col min=\"2\" max=\"2\" width=\"34.");
out:
	cj_free(t1);
	cj_free(t5);
	cj_free(t7);
	exwb_close(&w);
}

TEST(xlsx_out_empty_tables)
{
	static const char *const ids[2] = {"t8", "t9"};
	static const char *const sheets[2] = {"xl/worksheets/sheet8.xml", "xl/worksheets/sheet9.xml"};
	static const char *const note_cell[2] = {"A7", "A7"};
	struct exwb w;
	char *sst = NULL, elem[256], key[64];
	size_t k;

	if (!exwb_open(&w))
		goto out;
	sst = part(w.path, "xl/sharedStrings.xml");
	CHECK(sst != NULL);
	for (k = 0; k < 2 && sst; k++) {
		const struct cj_table *t = doc_table(w.x.doc, ids[k]);
		char *sheet = part(w.path, sheets[k]);
		long ix;

		CHECK(t != NULL && sheet != NULL);
		if (!t || !sheet) {
			cj_free(sheet);
			continue;
		}
		CHECK(t->note && *t->note);
		ix = sst_index(sst, t->note);
		CHECK(ix >= 0);
		cell_elem(sheet, note_cell[k], elem, sizeof(elem));
		snprintf(key, sizeof(key), "t=\"s\"><v>%ld</v>", ix);
		CHECK_CONTAINS(elem, key);
		/* the header is there, the 合计 row has no figure */
		CHECK_CONTAINS(sheet, "<mergeCell ref=\"A4:B4\"/>");
		cell_elem(sheet, "C6", elem, sizeof(elem));
		CHECK(elem[0] != '\0' && !strstr(elem, "<v>"));
		cj_free(sheet);
	}
out:
	cj_free(sst);
	exwb_close(&w);
}

TEST(xlsx_out_charts)
{
	struct exwb w;
	char *drawing = NULL, *c1 = NULL, *c3 = NULL, *c8 = NULL, *data = NULL, *sst = NULL;
	char *wb = NULL;
	char name[64], *p;
	int i;

	if (!exwb_open(&w))
		goto out;
	for (i = 1; i <= 7; i++) {
		snprintf(name, sizeof(name), "xl/charts/chart%d.xml", i);
		p = part(w.path, name);
		CHECK(p != NULL);
		cj_free(p);
	}
	c8 = part(w.path, "xl/charts/chart8.xml");
	CHECK(c8 == NULL);
	drawing = part(w.path, "xl/drawings/drawing1.xml");
	CHECK_EQ_INT(count(drawing, "<xdr:graphicFrame"), 7);
	c1 = part(w.path, "xl/charts/chart1.xml");
	CHECK_CONTAINS(c1, "<c:barDir val=\"col\"/>");
	CHECK_EQ_INT(count(c1, "<c:ser>"), 2); /* 2019年, 2020年 */
	CHECK_CONTAINS(c1, "收、支决算总计变动情况图");
	CHECK_CONTAINS(c1, "<c:f>'图表'!$A$4:$A$5</c:f>");
	CHECK_CONTAINS(c1, "formatCode=\"#,##0.00\"");
	c3 = part(w.path, "xl/charts/chart3.xml");
	CHECK_CONTAINS(c3, "<c:pieChart>");
	CHECK_CONTAINS(c3, "基本支出 65.52%");
	CHECK_CONTAINS(c3, "项目支出 34.48%");
	CHECK_CONTAINS(c3, "<c:delete val=\"1\"/>"); /* zero slices have no label */
	/* the data area holds numbers in 万元 */
	wb = part(w.path, "xl/workbook.xml");
	snprintf(name, sizeof(name), "xl/worksheets/sheet%d.xml", sheet_pos(wb, "图表"));
	data = part(w.path, name);
	CHECK_CONTAINS(data, "<v>1104.25</v>");
	CHECK_CONTAINS(data, "<v>589.53</v>");
	sst = part(w.path, "xl/sharedStrings.xml");
	CHECK_CONTAINS(sst, "<t>（图1：收、支决算总计变动情况图）</t>");
out:
	cj_free(drawing);
	cj_free(c1);
	cj_free(c3);
	cj_free(c8);
	cj_free(data);
	cj_free(sst);
	cj_free(wb);
	exwb_close(&w);
}

TEST(xlsx_out_deterministic)
{
	struct exwb w;
	char second[700], *a = NULL, *b = NULL, *core = NULL;
	size_t alen = 0, blen = 0;
	struct cj_buf buf;
	char *old;

	cj_buf_init(&buf, 0);
	if (!exwb_open(&w))
		goto out;
	if (!write_doc(w.x.doc, w.dir, "again.xlsx", second, sizeof(second)))
		goto out;
	a = read_whole(w.path, &alen);
	b = read_whole(second, &blen);
	CHECK(a && b && alen == blen && memcmp(a, b, alen) == 0);
	core = part(w.path, "docProps/core.xml");
	CHECK_CONTAINS(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-01-01T00:00:00Z</dcterms:created>");
	CHECK_CONTAINS(core, "<dc:creator>中共广元市利州区委员会办公室</dc:creator>");
	CHECK_CONTAINS(core, "<dc:title>中共广元市利州区委员会办公室2020年度部门决算</dc:title>");
	/* the in-memory variant gives the same bytes */
	old = epoch_set();
	CHECK_EQ_INT(cj_xlsx_tables_buf(w.x.doc, w.dir, &buf, NULL), CJ_OK);
	epoch_restore(old);
	CHECK(a && buf.len == alen && memcmp(buf.ptr, a, alen) == 0);
out:
	cj_buf_release(&buf);
	cj_free(a);
	cj_free(b);
	cj_free(core);
	exwb_close(&w);
}

/* ---------------------------------------------------- a small document */

static struct cj_doc *small_doc(void)
{
	static const char *const odd = "a[b]:c*d?e/f\\g'h很长很长的标题很长很长的标题很长很长的标题很长很长";
	struct cj_doc *doc = cj_doc_new("小文档", "某单位", 2020);
	struct cj_table *t;
	struct cj_chart *c;
	struct cj_cell *cl;

	t = cj_table_new("t1", "", odd, "编制单位：某单位　　2020年度　　单位：万元", 4, 3, 1);
	cj_table_set(t, 0, 0, "项目", CJ_AL_CENTER);
	cj_table_set(t, 0, 1, "金额", CJ_AL_CENTER);
	cj_table_span(t, 0, 1, 1, 2);
	cj_table_set(t, 1, 0, "甲", CJ_AL_LEFT);
	cj_table_amount(t, 1, 1, 123456789);
	cj_table_amount(t, 1, 2, -5000);
	cj_table_set(t, 2, 0, "乙", CJ_AL_LEFT);
	cj_table_amount(t, 2, 1, INT64_MAX);
	cl = cj_table_set(t, 3, 0, "合计", CJ_AL_CENTER);
	if (cl)
		cl->bold = 1;
	cj_table_amount(t, 3, 1, 0);
	cj_doc_table(doc, t);
	t = cj_table_new("t2", "", odd, "", 1, 2, 1); /* header only */
	cj_table_set(t, 0, 0, "项目", CJ_AL_CENTER);
	cj_table_set(t, 0, 1, "金额", CJ_AL_CENTER);
	cj_table_set_note(t, "本表无数据。");
	cj_doc_table(doc, t);
	t = cj_table_new("perf-7-funds", "", "资金计划", "（2020年度）", 2, 2, 0);
	cj_table_set(t, 0, 0, "预算数", CJ_AL_LEFT);
	cj_table_amount(t, 0, 1, 1920000);
	cj_table_set(t, 1, 0, "一段很长的文字一段很长的文字一段很长的文字一段很长的文字一段很长的文字",
		     CJ_AL_LEFT);
	cj_table_span(t, 1, 0, 1, 2);
	cj_doc_table(doc, t);
	t = cj_table_new("x-other", "", "不进工作簿", "", 1, 1, 0);
	cj_doc_table(doc, t);
	c = cj_chart_new("chart1", CJ_CHART_PIE, "饼", "（图1：饼）", "万元", 2, 1);
	cj_chart_set_cat(c, 0, "=甲");
	cj_chart_set_cat(c, 1, "乙");
	cj_chart_set_series(c, 0, "2020年");
	cj_chart_set_value(c, 0, 0, 1000000);
	cj_chart_set_value(c, 0, 1, 0);
	cj_chart_set_share(c, 0, 10000);
	cj_chart_set_share(c, 1, 0);
	cj_doc_chart(doc, c);
	c = cj_chart_new("chart2", CJ_CHART_BARS, "柱", "（图2：柱）", "万元", 1, 3);
	cj_chart_set_cat(c, 0, "收入");
	cj_chart_set_series(c, 0, "2018年");
	cj_chart_set_series(c, 1, "2019年");
	cj_chart_set_series(c, 2, "2020年");
	cj_chart_set_value(c, 0, 0, 1);
	cj_chart_set_value(c, 1, 0, 2);
	cj_chart_set_value(c, 2, 0, 3);
	cj_doc_chart(doc, c);
	return doc;
}

TEST(xlsx_out_small_doc)
{
	struct cj_doc *doc = small_doc();
	char *dir = tmp_dir(), path[600], elem[512], *wb = NULL, *s1 = NULL, *c1 = NULL;
	char names[3][256];
	long i;

	CHECK(doc && doc->err == CJ_OK && dir);
	if (!doc || !dir || !write_doc(doc, dir, "small.xlsx", path, sizeof(path)))
		goto out;
	wb = part(path, "xl/workbook.xml");
	CHECK(wb != NULL);
	if (!wb)
		goto out;
	for (i = 0; i < 3; i++) {
		const char *p, *e;
		nth_elem(wb, "sheets", "sheet", i, elem, sizeof(elem));
		p = strstr(elem, "name=\"");
		e = p ? strchr(p + 6, '"') : NULL;
		snprintf(names[i], sizeof(names[i]), "%.*s", e ? (int)(e - p - 6) : 0, p ? p + 6 : "");
		CHECK(names[i][0] != '\0');
		CHECK(strpbrk(names[i], "[]:*?/\\'") == NULL);
		CHECK(cj_utf8_nchars(names[i], strlen(names[i])) <= 31);
	}
	CHECK_STR(names[0], "a［b］：c＊d？e／f＼g’h很长很长的标题很长很长的标题很"); /* 31 */
	CHECK_STR(names[1], "a［b］：c＊d？e／f＼g’h很长很长的标题很长很长的（2）");
	CHECK_STR(names[2], "资金计划（7）");
	nth_elem(wb, "sheets", "sheet", 3, elem, sizeof(elem));
	CHECK_CONTAINS(elem, "name=\"图表\""); /* x-other is not a sheet */
	nth_elem(wb, "sheets", "sheet", 4, elem, sizeof(elem));
	CHECK_STR(elem, "");
	s1 = part(path, "xl/worksheets/sheet1.xml");
	/* no number row: title, unit line, then the table from row 3 */
	cell_elem(s1, "B4", elem, sizeof(elem));
	CHECK_CONTAINS(elem, "<v>123.456789</v>");
	cell_elem(s1, "C4", elem, sizeof(elem));
	CHECK_CONTAINS(elem, "<v>-0.005</v>");
	cell_elem(s1, "B5", elem, sizeof(elem));
	CHECK_CONTAINS(elem, "<v>9223372036854.775</v>");
	CHECK_CONTAINS(s1, "<mergeCell ref=\"B3:C3\"/>");
	c1 = part(path, "xl/charts/chart1.xml");
	CHECK_CONTAINS(c1, " =甲 100.00%"); /* not read as a formula */
	CHECK_CONTAINS(c1, "<c:delete val=\"1\"/>");
	cj_free(c1);
	c1 = part(path, "xl/charts/chart2.xml");
	CHECK_EQ_INT(count(c1, "<c:ser>"), 3);
out:
	cj_free(wb);
	cj_free(s1);
	cj_free(c1);
	rm_rf(dir);
	cj_free(dir);
	cj_doc_free(doc);
}

TEST(xlsx_out_errors)
{
	struct cj_doc *doc = small_doc();
	char *dir = tmp_dir(), path[600];
	struct cj_diag d;
	struct cj_buf b;

	CHECK(doc && dir);
	if (!doc || !dir)
		goto out;
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xlsx_tables(NULL, "x.xlsx", &d), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_xlsx_tables(doc, NULL, NULL), CJ_ERR_USAGE);
	cj_diag_init(&d);
	snprintf(path, sizeof(path), "%s/no/such/dir/t.xlsx", dir);
	CHECK_EQ_INT(cj_xlsx_tables(doc, path, &d), CJ_ERR_IO);
	CHECK_STR(d.file, path);
	CHECK(access(path, F_OK) != 0);
	/* a document that failed to build is not rendered */
	cj_diag_init(&d);
	snprintf(path, sizeof(path), "%s/t.xlsx", dir);
	doc->err = CJ_ERR_NOMEM;
	CHECK_EQ_INT(cj_xlsx_tables(doc, path, &d), CJ_ERR_NOMEM);
	CHECK(access(path, F_OK) != 0);
	doc->err = CJ_OK;
	/* a cell over Excel's 32,767 characters */
	{
		struct cj_doc *big = cj_doc_new("大", "某单位", 2020);
		struct cj_table *t = cj_table_new("t1", "公开01表", "大表", "", 1, 1, 0);
		char *s = cj_malloc(40001);
		if (s) {
			memset(s, 'x', 40000);
			s[40000] = '\0';
			cj_table_set(t, 0, 0, s, CJ_AL_LEFT);
			cj_free(s);
		}
		cj_doc_table(big, t);
		cj_diag_init(&d);
		CHECK_EQ_INT(cj_xlsx_tables(big, path, &d), CJ_ERR_TOO_LARGE);
		CHECK_STR(d.cell, "公开01表!A3"); /* title, number, then the table */
		CHECK(access(path, F_OK) != 0);
		cj_doc_free(big);
	}
	/* the buffer variant with a cap that is too small */
	cj_buf_init(&b, 100);
	CHECK_EQ_INT(cj_xlsx_tables_buf(doc, dir, &b, NULL), CJ_ERR_TOO_LARGE);
	cj_buf_release(&b);
out:
	rm_rf(dir);
	cj_free(dir);
	cj_doc_free(doc);
}

/* Fail each of our allocations in turn: an error, no file, no leak. */
TEST(xlsx_out_alloc_fail)
{
	struct cj_doc *doc = small_doc();
	char *dir = tmp_dir(), path[600];
	struct cj_diag d;
	enum cj_err e = CJ_ERR_NOMEM;
	long n, fails = 0;

	CHECK(doc && dir);
	if (!doc || !dir)
		goto out;
	snprintf(path, sizeof(path), "%s/t.xlsx", dir);
	for (n = 0; n < 2000 && e != CJ_OK; n++) {
		cj_diag_init(&d);
		cj_alloc_fail_after(n);
		e = cj_xlsx_tables(doc, path, &d);
		cj_alloc_fail_after(-1);
		if (e != CJ_OK) {
			fails++;
			if (e != CJ_ERR_NOMEM || access(path, F_OK) == 0)
				cj_test_fail(__FILE__, __LINE__, "fail after %ld: %d %s", n, e, d.msg);
		}
	}
	CHECK_EQ_INT(e, CJ_OK);
	CHECK(fails > 10);
out:
	rm_rf(dir);
	cj_free(dir);
	cj_doc_free(doc);
}

/* ------------------------------------------------------- LibreOffice */

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

/* Acceptance test of issue 4: LibreOffice converts tables.xlsx to PDF. */
TEST(xlsx_out_soffice)
{
	struct exwb w;
	char cmd[4096], pdf[700], txt[700], *text = NULL;
	struct stat st;
	int rc;

	if (!have_prog("soffice")) {
		printf("xlsx_out_soffice: soffice not installed, skipped "
		       "(apt-get install libreoffice-calc-nogui)\n");
		return;
	}
	if (!exwb_open(&w))
		goto out;
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && HOME='%s' %s soffice -env:UserInstallation=file://%s/profile "
		 "--headless --convert-to pdf --outdir '%s/pdf' '%s' >'%s/soffice.log' 2>&1",
		 w.dir, w.dir, have_prog("timeout") ? "timeout 300" : "", w.dir, w.dir, w.path,
		 w.dir);
	rc = system(cmd);
	CHECK_EQ_INT(rc, 0);
	snprintf(pdf, sizeof(pdf), "%s/pdf/tables.pdf", w.dir);
	CHECK(stat(pdf, &st) == 0 && st.st_size > 10000);
	if (have_prog("pdftotext")) {
		snprintf(txt, sizeof(txt), "%s/tables.txt", w.dir);
		snprintf(cmd, sizeof(cmd), "pdftotext '%s' '%s'", pdf, txt);
		CHECK_EQ_INT(system(cmd), 0);
		text = read_whole(txt, NULL);
		CHECK_CONTAINS(text, "收入支出决算总表");
		CHECK_CONTAINS(text, "公开09表");
		CHECK_CONTAINS(text, "797.10");
		CHECK_CONTAINS(text, "1,104.25");
		CHECK_CONTAINS(text, "本部门2020年度无国有资本经营预算财政拨款支出");
	}
out:
	cj_free(text);
	exwb_close(&w);
}

/* Overlapping spans (a builder bug) never give overlapping merges. */
TEST(xlsx_out_overlapping_spans)
{
	struct cj_doc *doc = cj_doc_new("重叠", "某单位", 2020);
	struct cj_table *t = cj_table_new("t1", "公开01表", "重叠", "", 3, 3, 1);
	char *dir = tmp_dir(), path[600], *s = NULL;

	cj_table_set(t, 0, 0, "甲", CJ_AL_CENTER);
	cj_table_span(t, 0, 0, 1, 2); /* A3:B3 */
	cj_table_set(t, 0, 1, "乙", CJ_AL_CENTER);
	cj_table_span(t, 0, 1, 2, 1); /* B3:B4, overlaps */
	cj_doc_table(doc, t);
	CHECK(dir != NULL);
	if (!dir || !write_doc(doc, dir, "o.xlsx", path, sizeof(path)))
		goto out;
	s = part(path, "xl/worksheets/sheet1.xml");
	CHECK(!(strstr(s, "<mergeCell ref=\"A3:B3\"/>") && strstr(s, "<mergeCell ref=\"B3:B4\"/>")));
	CHECK_CONTAINS(s, "<mergeCell ref=\"B3:B4\"/>");
out:
	cj_free(s);
	rm_rf(dir);
	cj_free(dir);
	cj_doc_free(doc);
}
