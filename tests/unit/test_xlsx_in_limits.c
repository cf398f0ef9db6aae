/*
 * test_xlsx_in_limits.c - the XLSX reader on hand-made workbooks, built
 * in the test with libzip: value kinds (shared strings with rich text and
 * phonetic runs, inline strings, numbers, booleans, error values,
 * formulas' cached values, percentage formats, merged cells), the strict
 * layout checks, and the limits on untrusted files (zip bombs, too many
 * entries, sheets, cells, cell references past XFD1048576, deep or
 * malformed XML, DOCTYPE, shared-string indexes out of range).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "in/xlsx_read.h"
#include "runner.h"

/* ============================================================ builder */

struct part {
	const char *name;
	const char *data;
	size_t len;
	int store; /* no compression */
};

static char g_dir[64];

static const char *tmp_path(const char *name)
{
	static char path[128];

	if (!g_dir[0]) {
		snprintf(g_dir, sizeof(g_dir), "/tmp/cj-xlsx-limits-XXXXXX");
		if (!mkdtemp(g_dir))
			return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", g_dir, name);
	return path;
}

static int write_zip(const char *path, const struct part *parts, size_t n)
{
	zip_t *z;
	int err = 0;
	size_t i;

	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z)
		return 0;
	for (i = 0; i < n; i++) {
		zip_source_t *src = zip_source_buffer(z, parts[i].data, parts[i].len, 0);
		zip_int64_t idx;
		if (!src)
			goto fail;
		idx = zip_file_add(z, parts[i].name, src, ZIP_FL_OVERWRITE);
		if (idx < 0) {
			zip_source_free(src);
			goto fail;
		}
		if (parts[i].store)
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	}
	return zip_close(z) == 0;
fail:
	zip_discard(z);
	return 0;
}

struct sheet {
	const char *name;
	const char *body; /* inside <worksheet>: <sheetData>... and more */
};

/*
 * A workbook of the given sheets, with an optional shared-string table and
 * styles part, written to a temporary file; returns its path.
 */
static const char *make_xlsx(const char *file, const struct sheet *sheets, size_t n,
			     const char *sst, const char *styles)
{
	static const char rels[] =
		"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
		"openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
		"Target=\"xl/workbook.xml\"/></Relationships>";
	struct cj_buf wb, wbrels, *ws;
	struct part parts[64];
	char names[32][48];
	size_t np = 0, i;
	const char *path = tmp_path(file);
	int ok;

	if (!path || n > 30)
		return NULL;
	ws = cj_calloc(n ? n : 1, sizeof(*ws));
	cj_buf_init(&wb, 0);
	cj_buf_init(&wbrels, 0);
	cj_buf_puts(&wb, "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
			 "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
			 "officeDocument/2006/relationships\"><sheets>");
	cj_buf_puts(&wbrels, "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
			     "openxmlformats.org/package/2006/relationships\">");
	for (i = 0; i < n; i++) {
		cj_buf_printf(&wb, "<sheet name=\"%s\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", sheets[i].name,
			      i + 1, i + 1);
		cj_buf_printf(&wbrels,
			      "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/"
			      "officeDocument/2006/relationships/worksheet\" "
			      "Target=\"worksheets/sheet%zu.xml\"/>",
			      i + 1, i + 1);
		cj_buf_init(&ws[i], 0);
		cj_buf_printf(&ws[i], "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas."
				      "openxmlformats.org/spreadsheetml/2006/main\">%s</worksheet>",
			      sheets[i].body);
		snprintf(names[i], sizeof(names[i]), "xl/worksheets/sheet%zu.xml", i + 1);
	}
	cj_buf_puts(&wb, "</sheets></workbook>");
	cj_buf_puts(&wbrels, "</Relationships>");
	parts[np++] = (struct part){"_rels/.rels", rels, strlen(rels), 0};
	parts[np++] = (struct part){"xl/workbook.xml", wb.ptr, wb.len, 0};
	parts[np++] = (struct part){"xl/_rels/workbook.xml.rels", wbrels.ptr, wbrels.len, 0};
	for (i = 0; i < n; i++)
		parts[np++] = (struct part){names[i], ws[i].ptr, ws[i].len, 0};
	if (sst)
		parts[np++] = (struct part){"xl/sharedStrings.xml", sst, strlen(sst), 0};
	if (styles)
		parts[np++] = (struct part){"xl/styles.xml", styles, strlen(styles), 0};
	ok = write_zip(path, parts, np);
	for (i = 0; i < n; i++)
		cj_buf_release(&ws[i]);
	cj_free(ws);
	cj_buf_release(&wb);
	cj_buf_release(&wbrels);
	return ok ? path : NULL;
}

#define IS(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define NUM(ref, v) "<c r=\"" ref "\"><v>" v "</v></c>"
#define INFO_BODY                                                                        \
	"<sheetData><row r=\"1\">" IS("A1", "说明") "</row>"                               \
	"<row r=\"3\">" IS("B3", "caijue") NUM("C3", "1") "</row>"                          \
	"<row r=\"4\">" IS("B4", "year") NUM("C4", "2020") "</row>"                         \
	"<row r=\"5\">" IS("B5", "amount_unit") IS("C5", "万元") "</row></sheetData>"

static const struct sheet info_sheet = {"说明", INFO_BODY};

/* Read `path`; returns the error, the record in *out (may be NULL). */
static enum cj_err rd(const char *path, struct cj_accounts **out, struct cj_diag *d)
{
	enum cj_err e;

	cj_diag_init(d);
	*out = NULL;
	if (!path)
		return CJ_ERR_IO;
	e = cj_xlsx_read_file(path, out, d);
	unlink(path);
	if (rmdir(g_dir) == 0)
		g_dir[0] = '\0';
	return e;
}

/* Expect a failure with `code`, a message containing `msg`, a cell starting with `cell`. */
static void expect_fail(const char *path, enum cj_err code, const char *msg, const char *cell)
{
	struct cj_accounts *a;
	struct cj_diag d;
	enum cj_err e = rd(path, &a, &d);

	CHECK(path != NULL);
	CHECK_EQ_INT(e, code);
	CHECK(a == NULL);
	CHECK_CONTAINS(d.msg, msg);
	if (cell)
		CHECK_CONTAINS(d.cell, cell);
	if (path)
		CHECK_STR(d.file, path);
	cj_accounts_free(a);
}

/* One group sheet after 说明. */
static const char *with_sheet(const char *file, const char *name, const char *body)
{
	struct sheet s[2] = {info_sheet, {name, body}};

	return make_xlsx(file, s, 2, NULL, NULL);
}

/* ============================================================ values */

TEST(xlsx_in_minimal)
{
	struct cj_accounts *a;
	struct cj_diag d;
	const char *p = make_xlsx("min.xlsx", &info_sheet, 1, NULL, NULL);

	CHECK_EQ_INT(rd(p, &a, &d), CJ_OK);
	if (!a)
		return;
	CHECK_EQ_INT(a->year.n, 2020);
	CHECK_STR(a->year.loc.cell, "说明!C4");
	CHECK_EQ_INT(a->unit_fen, 1000000);
	CHECK_STR(a->amount_unit.s, "万元");
	CHECK_STR(a->source, p);
	cj_accounts_free(a);
}

TEST(xlsx_in_value_kinds)
{
	static const char body[] =
		"<sheetData>"
		"<row r=\"5\">" IS("B5", "this_year.general_budget") NUM("C5", "1104.25") "</row>"
		/* a formula's cached value */
		"<row r=\"6\"><c r=\"B6\" t=\"inlineStr\"><is><t>this_year.total</t></is></c>"
		"<c r=\"C6\"><f>C5</f><v>1104.2499999999998</v></c></row>"
		/* an amount finer than the unit, as text with its own unit */
		"<row r=\"7\">" IS("B7", "this_year.other") IS("C7", "12345.67元") "</row>"
		/* a boolean into a text field */
		"<row r=\"8\">" IS("B8", "note") "<c r=\"C8\" t=\"b\"><v>1</v></c></row>"
		/* a formula string result; a formula without a cached value is empty */
		"<row r=\"9\">" IS("B9", "last_year.total") "<c r=\"C9\"><f>1+1</f></c></row>"
		"<row r=\"10\">" IS("B10", "this_year.superior") "<c r=\"C10\" t=\"str\"><f>T(\"x\")</f>"
		"<v>2.50</v></c></row>"
		/* cells without r: the next column of the current row */
		"<row r=\"11\"><c/><c t=\"inlineStr\"><is><t>this_year.business</t></is></c><c><v>3</v></c></row>"
		/* a number written with an exponent */
		"<row r=\"12\">" IS("B12", "this_year.operating") NUM("C12", "1.5E+2") "</row>"
		"</sheetData>";
	struct cj_accounts *a;
	struct cj_diag d;
	const char *p = with_sheet("kinds.xlsx", "收入", body);

	CHECK_EQ_INT(rd(p, &a, &d), CJ_OK);
	if (!a) {
		fprintf(stderr, "%s %s\n", d.cell, d.msg);
		return;
	}
	CHECK_EQ_INT(a->income.year[0].src[0].fen, 1104250000);
	CHECK_STR(a->income.year[0].src[0].loc.cell, "收入!C5");
	CHECK_EQ_INT(a->income.year[0].total.fen, 1104250000);
	CHECK_EQ_INT(a->income.year[0].src[7].fen, 1234567);
	CHECK_STR(a->income.note.s, "TRUE");
	CHECK_EQ_INT(a->income.year[1].total.set, 0);
	CHECK_EQ_INT(a->income.year[0].src[3].fen, 2500000);
	CHECK_EQ_INT(a->income.year[0].src[4].fen, 3000000);
	CHECK_STR(a->income.year[0].src[4].loc.cell, "收入!C11");
	CHECK_EQ_INT(a->income.year[0].src[5].fen, 150000000);
	cj_accounts_free(a);
}

TEST(xlsx_in_shared_strings_rich_text)
{
	static const char sst[] =
		"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
		"main\"><si><t>amount_unit</t></si>"
		"<si><r><rPr><b/></rPr><t>万</t></r><r><t>元</t></r><rPh sb=\"0\" eb=\"1\"><t>ワン</t>"
		"</rPh></si>"
		"<si><t xml:space=\"preserve\">caijue</t></si><si><t>a_x000D_b_x005F_x0041_</t></si></sst>";
	static const char body[] =
		"<sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>2</v></c>" NUM("C3", "1") "</row>"
		"<row r=\"4\">" IS("B4", "year") NUM("C4", "2020") "</row>"
		"<row r=\"5\"><c r=\"B5\" t=\"s\"><v>0</v></c><c r=\"C5\" t=\"s\"><v>1</v></c></row>"
		"<row r=\"6\">" IS("B6", "codes_file") "<c r=\"C6\" t=\"s\"><v>3</v></c></row>"
		"</sheetData>";
	struct sheet s = {"说明", body};
	struct cj_accounts *a;
	struct cj_diag d;
	const char *p = make_xlsx("sst.xlsx", &s, 1, sst, NULL);

	CHECK_EQ_INT(rd(p, &a, &d), CJ_OK);
	if (!a) {
		fprintf(stderr, "%s %s\n", d.cell, d.msg);
		return;
	}
	CHECK_STR(a->amount_unit.s, "万元");
	CHECK_STR(a->codes_file.s, "a\rb_x0041_");
	cj_accounts_free(a);
}

TEST(xlsx_in_percent_format)
{
	static const char styles[] =
		"<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/"
		"spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
		"formatCode=\"0.0%\"/></numFmts>"
		"<cellStyleXfs count=\"1\"><xf numFmtId=\"10\"/></cellStyleXfs>"
		"<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"164\"/>"
		"</cellXfs></styleSheet>";
	static const char body[] =
		"<sheetData>"
		"<row r=\"5\">" IS("B5", "dept_evaluation.stated_rate")
		"<c r=\"C5\" s=\"1\"><v>0.7218</v></c></row>"
		"<row r=\"6\">" IS("B6", "targets_set") "<c r=\"C6\" s=\"0\"><v>5</v></c></row>"
		"<row r=\"8\">" IS("B8", "projects") IS("C8", "name") IS("D8", "stated_rate")
		IS("E8", "stated_table_rate") "</row>"
		"<row r=\"9\">" IS("C9", "项目一") "<c r=\"D9\" s=\"2\"><v>0.966</v></c>"
		IS("E9", "96.60%") "</row>"
		"</sheetData>";
	struct sheet s[2] = {info_sheet, {"绩效", body}};
	struct cj_accounts *a;
	struct cj_diag d;
	const char *p = make_xlsx("pct.xlsx", s, 2, NULL, styles);

	CHECK_EQ_INT(rd(p, &a, &d), CJ_OK);
	if (!a) {
		fprintf(stderr, "%s %s\n", d.cell, d.msg);
		return;
	}
	CHECK_EQ_INT(a->perf.dept.stated_rate.bp, 7218);
	CHECK_EQ_INT(a->perf.dept.stated_rate.scale, 2);
	CHECK_EQ_INT(a->perf.targets_set.n, 5);
	CHECK_EQ_INT(a->perf.projects.n, 1);
	if (a->perf.projects.n) {
		CHECK_EQ_INT(a->perf.projects.v[0].stated_rate.bp, 9660);
		CHECK_EQ_INT(a->perf.projects.v[0].stated_rate.scale, 1);
		CHECK_EQ_INT(a->perf.projects.v[0].stated_table_rate.bp, 9660);
		CHECK_EQ_INT(a->perf.projects.v[0].stated_table_rate.scale, 2);
		CHECK_STR(a->perf.projects.v[0].loc.cell, "绩效!C9");
	}
	cj_accounts_free(a);
}

TEST(xlsx_in_merged_cells)
{
	/* C5:D5 merged: the stray value in D5 is ignored; A7:D7 merged: so is C7 */
	static const char body[] =
		"<sheetData><row r=\"3\">" IS("B3", "caijue") NUM("C3", "1") "</row>"
		"<row r=\"4\">" IS("B4", "year") NUM("C4", "2020") "</row>"
		"<row r=\"5\">" IS("B5", "amount_unit") IS("C5", "元") IS("D5", "万元") "</row>"
		"<row r=\"7\">" IS("A7", "说明文字") IS("C7", "杂项") "</row></sheetData>"
		"<mergeCells count=\"2\"><mergeCell ref=\"C5:D5\"/><mergeCell ref=\"A7:D7\"/></mergeCells>";
	struct sheet s = {"说明", body};
	struct cj_accounts *a;
	struct cj_diag d;
	const char *p = make_xlsx("merge.xlsx", &s, 1, NULL, NULL);

	CHECK_EQ_INT(rd(p, &a, &d), CJ_OK);
	if (!a) {
		fprintf(stderr, "%s %s\n", d.cell, d.msg);
		return;
	}
	CHECK_EQ_INT(a->unit_fen, 100);
	cj_accounts_free(a);
}

TEST(xlsx_in_tables_and_children)
{
	static const char body[] =
		"<sheetData>"
		"<row r=\"5\">" IS("B5", "items") IS("C5", "_no") IS("D5", "code") IS("E5", "actual") "</row>"
		"<row r=\"6\">" NUM("C6", "1") IS("D6", "2013101") NUM("E6", "441.91") "</row>"
		"<row r=\"7\">" NUM("C7", "2") "</row>" /* only a 序号: a blank row */
		"<row r=\"8\">" NUM("C8", "3") NUM("D8", "2013102") NUM("E8", "137.6") "</row>"
		"<row r=\"9\">" IS("B9", "#") IS("C9", "注释行") "</row>"
		"<row r=\"10\">" IS("B10", "items.reasons") IS("C10", "_parent_no") IS("D10", "text")
		IS("E10", "amount") "</row>"
		"<row r=\"11\">" NUM("C11", "3") IS("D11", "原因甲") "</row>"
		"<row r=\"12\">" NUM("C12", "1") IS("D12", "原因乙") NUM("E12", "-1.5") "</row>"
		"<row r=\"13\">" NUM("C13", "3") IS("D13", "原因丙") "</row>"
		"</sheetData>";
	struct cj_accounts *a;
	struct cj_diag d;
	const char *p = with_sheet("tables.xlsx", "一般预算", body);

	CHECK_EQ_INT(rd(p, &a, &d), CJ_OK);
	if (!a) {
		fprintf(stderr, "%s %s\n", d.cell, d.msg);
		return;
	}
	CHECK_EQ_INT(a->general.items.n, 2);
	if (a->general.items.n == 2) {
		CHECK_STR(a->general.items.v[0].code.s, "2013101");
		CHECK_STR(a->general.items.v[1].code.s, "2013102");
		CHECK_EQ_INT(a->general.items.v[1].actual.fen, 137600000);
		CHECK_STR(a->general.items.v[1].loc.cell, "一般预算!C8");
		CHECK_EQ_INT(a->general.items.v[0].reasons.n, 1);
		CHECK_EQ_INT(a->general.items.v[1].reasons.n, 2);
		if (a->general.items.v[1].reasons.n == 2) {
			CHECK_STR(a->general.items.v[1].reasons.v[0].text.s, "原因甲");
			CHECK_STR(a->general.items.v[1].reasons.v[1].text.s, "原因丙");
		}
		if (a->general.items.v[0].reasons.n == 1)
			CHECK_EQ_INT(a->general.items.v[0].reasons.v[0].amount.fen, -1500000);
	}
	cj_accounts_free(a);
}

/* ============================================================ layout errors */

TEST(xlsx_in_layout_errors)
{
	expect_fail(with_sheet("unknown-sheet.xlsx", "其他", "<sheetData/>"), CJ_ERR_SCHEMA,
		    "未知的工作表「其他」", "其他!A1");
	expect_fail(with_sheet("unknown-key.xlsx", "单位概况",
			       "<sheetData><row r=\"5\">" IS("B5", "nmae") IS("C5", "某单位")
			       "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "是否应为「name」", "单位概况!B5");
	expect_fail(with_sheet("dup-key.xlsx", "单位概况",
			       "<sheetData><row r=\"5\">" IS("B5", "name") IS("C5", "甲") "</row>"
			       "<row r=\"6\">" IS("B6", "name") IS("C6", "乙") "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "重复", "单位概况!B6");
	expect_fail(with_sheet("third-decimal.xlsx", "收入",
			       "<sheetData><row r=\"5\">" IS("B5", "this_year.general_budget")
			       NUM("C5", "1104.255") "</row></sheetData>"),
		    CJ_ERR_RANGE, "3位小数", "收入!C5");
	expect_fail(with_sheet("negative.xlsx", "收入",
			       "<sheetData><row r=\"5\">" IS("B5", "this_year.general_budget")
			       NUM("C5", "-1") "</row></sheetData>"),
		    CJ_ERR_RANGE, "负数", "收入!C5");
	expect_fail(with_sheet("not-number.xlsx", "收入",
			       "<sheetData><row r=\"5\">" IS("B5", "this_year.general_budget")
			       IS("C5", "一千") "</row></sheetData>"),
		    CJ_ERR_PARSE, "无法解析金额", "收入!C5");
	expect_fail(with_sheet("error-cell.xlsx", "收入",
			       "<sheetData><row r=\"5\">" IS("B5", "this_year.general_budget")
			       "<c r=\"C5\" t=\"e\"><v>#DIV/0!</v></c></row></sheetData>"),
		    CJ_ERR_SCHEMA, "#DIV/0!", "收入!C5");
	expect_fail(with_sheet("no-key.xlsx", "收入",
			       "<sheetData><row r=\"5\">" IS("C5", "1") "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "B 列没有字段名", "收入!C5");
	expect_fail(with_sheet("bad-code.xlsx", "一般预算",
			       "<sheetData><row r=\"5\">" IS("B5", "items") IS("C5", "code") "</row>"
			       "<row r=\"6\">" IS("C6", "20131") "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "7位", "一般预算!C6");
	expect_fail(with_sheet("no-column-key.xlsx", "一般预算",
			       "<sheetData><row r=\"5\">" IS("B5", "items") IS("C5", "code") "</row>"
			       "<row r=\"6\">" IS("C6", "2013101") NUM("E6", "1") "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "没有字段名", "一般预算!E6");
	expect_fail(with_sheet("bad-column-key.xlsx", "一般预算",
			       "<sheetData><row r=\"5\">" IS("B5", "items") IS("C5", "cdoe") "</row>"
			       "</sheetData>"),
		    CJ_ERR_SCHEMA, "是否应为「code」", "一般预算!C5");
	expect_fail(with_sheet("required-in-row.xlsx", "名词解释",
			       "<sheetData><row r=\"5\">" IS("B5", "glossary") IS("C5", "term")
			       IS("D5", "text") "</row><row r=\"6\">" IS("C6", "基本支出")
			       "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "不能为空", "名词解释!D6");
	expect_fail(with_sheet("required-group.xlsx", "单位概况",
			       "<sheetData><row r=\"5\">" IS("B5", "name") "</row>"
			       "<row r=\"6\">" IS("B6", "short_name") IS("C6", "简称") "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "不能为空", "单位概况!C5");
	expect_fail(with_sheet("orphan-child.xlsx", "一般预算",
			       "<sheetData><row r=\"5\">" IS("B5", "items") IS("C5", "_no")
			       IS("D5", "code") "</row><row r=\"6\">" NUM("C6", "1") IS("D6", "2013101")
			       "</row><row r=\"8\">" IS("B8", "items.reasons") IS("C8", "_parent_no")
			       IS("D8", "text") "</row><row r=\"9\">" NUM("C9", "4") IS("D9", "原因")
			       "</row></sheetData>"),
		    CJ_ERR_SCHEMA, "找不到", "一般预算!C9");
	{
		struct sheet s = {"收入", "<sheetData/>"};
		expect_fail(make_xlsx("no-info.xlsx", &s, 1, NULL, NULL), CJ_ERR_SCHEMA,
			    "没有「说明」工作表", NULL);
	}
	{
		struct sheet s = {"说明", "<sheetData><row r=\"3\">" IS("B3", "amount_unit")
					  IS("C3", "千元") "</row></sheetData>"};
		expect_fail(make_xlsx("bad-unit.xlsx", &s, 1, NULL, NULL), CJ_ERR_SCHEMA,
			    "金额单位「千元」无效", "说明!C3");
	}
}

/* ============================================================ limits */

TEST(xlsx_in_limit_shared_string_index)
{
	static const char sst[] = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
				  "main\"><si><t>x</t></si></sst>";
	struct sheet s = {"说明", "<sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>7</v></c></row>"
				  "</sheetData>"};

	expect_fail(make_xlsx("sst-range.xlsx", &s, 1, sst, NULL), CJ_ERR_SCHEMA,
		    "共享字符串索引 7 超出范围（共 1 个）", "说明!B3");
	s.body = "<sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>-1</v></c></row></sheetData>";
	expect_fail(make_xlsx("sst-bad.xlsx", &s, 1, sst, NULL), CJ_ERR_PARSE, "共享字符串索引",
		    "说明!B3");
}

TEST(xlsx_in_limit_cell_references)
{
	struct sheet s = {"说明", "<sheetData><row r=\"1\">" NUM("XFE1", "1") "</row></sheetData>"};

	expect_fail(make_xlsx("col.xlsx", &s, 1, NULL, NULL), CJ_ERR_TOO_LARGE, "XFD", NULL);
	s.body = "<sheetData><row r=\"1048577\">" NUM("A1048577", "1") "</row></sheetData>";
	expect_fail(make_xlsx("row.xlsx", &s, 1, NULL, NULL), CJ_ERR_TOO_LARGE, "1048576", NULL);
	s.body = "<sheetData><row r=\"1\">" NUM("A99999999999", "1") "</row></sheetData>";
	expect_fail(make_xlsx("ref.xlsx", &s, 1, NULL, NULL), CJ_ERR_TOO_LARGE, "无效", NULL);
	/* the last cell of the sheet is fine */
	s.body = "<sheetData><row r=\"3\">" IS("B3", "caijue") NUM("C3", "1") "</row>"
		 "<row r=\"4\">" IS("B4", "year") NUM("C4", "2020") "</row>"
		 "<row r=\"5\">" IS("B5", "amount_unit") IS("C5", "万元") "</row>"
		 "<row r=\"1048576\">" NUM("XFD1048576", "1") "</row></sheetData>";
	expect_fail(make_xlsx("last.xlsx", &s, 1, NULL, NULL), CJ_ERR_SCHEMA, "B 列没有字段名",
		    "说明!XFD1048576");
}

TEST(xlsx_in_limit_sheets)
{
	const char *p;
	size_t i;
	struct cj_buf wb;
	struct part parts[2];

	/* 201 <sheet> entries in workbook.xml */
	cj_buf_init(&wb, 0);
	cj_buf_puts(&wb, "<workbook xmlns:r=\"r\"><sheets>");
	for (i = 0; i < 201; i++)
		cj_buf_printf(&wb, "<sheet name=\"S%zu\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i, i + 1, i + 1);
	cj_buf_puts(&wb, "</sheets></workbook>");
	parts[0] = (struct part){"xl/workbook.xml", wb.ptr, wb.len, 0};
	p = tmp_path("sheets.xlsx");
	CHECK(write_zip(p, parts, 1));
	expect_fail(p, CJ_ERR_TOO_LARGE, "工作表过多", NULL);
	cj_buf_release(&wb);
}

TEST(xlsx_in_limit_cells)
{
	/* 1,000,001 cells in 1001 rows of 1000 (stored, so the ratio check is not what stops it) */
	struct cj_buf b;
	const char *p;
	size_t r, c;
	struct part parts[8];
	static const char rels[] =
		"<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" "
		"Target=\"xl/workbook.xml\"/></Relationships>";
	static const char wb[] = "<workbook xmlns:r=\"r\"><sheets><sheet name=\"说明\" sheetId=\"1\" "
				 "r:id=\"rId1\"/></sheets></workbook>";
	static const char wbrels[] = "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
				     "Target=\"worksheets/sheet1.xml\"/></Relationships>";

	cj_buf_init(&b, 0);
	cj_buf_puts(&b, "<worksheet><sheetData>");
	for (r = 0; r < 1001; r++) {
		cj_buf_puts(&b, "<row>");
		for (c = 0; c < 1000; c++)
			cj_buf_puts(&b, "<c><v>1</v></c>");
		cj_buf_puts(&b, "</row>");
	}
	cj_buf_puts(&b, "</sheetData></worksheet>");
	CHECK_EQ_INT(cj_buf_err(&b), CJ_OK);
	parts[0] = (struct part){"_rels/.rels", rels, strlen(rels), 0};
	parts[1] = (struct part){"xl/workbook.xml", wb, strlen(wb), 0};
	parts[2] = (struct part){"xl/_rels/workbook.xml.rels", wbrels, strlen(wbrels), 0};
	parts[3] = (struct part){"xl/worksheets/sheet1.xml", b.ptr, b.len, 1};
	p = tmp_path("cells.xlsx");
	CHECK(write_zip(p, parts, 4));
	expect_fail(p, CJ_ERR_TOO_LARGE, "单元格过多", NULL);
	cj_buf_release(&b);
}

TEST(xlsx_in_limit_zip_bomb_ratio)
{
	size_t n = (size_t)2 << 20;
	char *zeros = cj_malloc(n);
	struct part parts[1];
	const char *p = tmp_path("ratio.xlsx");

	CHECK(zeros != NULL);
	if (!zeros)
		return;
	memset(zeros, ' ', n);
	parts[0] = (struct part){"xl/worksheets/sheet1.xml", zeros, n, 0};
	CHECK(write_zip(p, parts, 1));
	expect_fail(p, CJ_ERR_TOO_LARGE, "压缩比过高", NULL);
	cj_free(zeros);
}

TEST(xlsx_in_limit_zip_bomb_total)
{
	/* 70 entries just under 1 MiB each: 70 MiB in all, each below the ratio check */
	size_t n = ((size_t)1 << 20) - 16, i;
	char *zeros = cj_calloc(1, n);
	struct part parts[70];
	char names[70][32];
	const char *p = tmp_path("total.xlsx");

	CHECK(zeros != NULL);
	if (!zeros)
		return;
	for (i = 0; i < 70; i++) {
		snprintf(names[i], sizeof(names[i]), "junk/%zu.bin", i);
		parts[i] = (struct part){names[i], zeros, n, 0};
	}
	CHECK(write_zip(p, parts, 70));
	expect_fail(p, CJ_ERR_TOO_LARGE, "解压后超过 64 MiB", NULL);
	cj_free(zeros);
}

TEST(xlsx_in_limit_entries)
{
	size_t n = 10001, i;
	struct part *parts = cj_calloc(n, sizeof(*parts));
	char (*names)[16] = cj_calloc(n, sizeof(*names));
	const char *p = tmp_path("entries.xlsx");

	CHECK(parts && names);
	if (!parts || !names)
		goto out;
	for (i = 0; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "e%zu", i);
		parts[i] = (struct part){names[i], "", 0, 1};
	}
	CHECK(write_zip(p, parts, n));
	expect_fail(p, CJ_ERR_TOO_LARGE, "条目过多", NULL);
out:
	cj_free(parts);
	cj_free(names);
}

TEST(xlsx_in_limit_xml)
{
	struct cj_buf b;
	size_t i;
	struct sheet s = {"说明", NULL};

	/* nesting deeper than 64 */
	cj_buf_init(&b, 0);
	for (i = 0; i < 70; i++)
		cj_buf_puts(&b, "<x>");
	for (i = 0; i < 70; i++)
		cj_buf_puts(&b, "</x>");
	s.body = b.ptr;
	expect_fail(make_xlsx("deep.xlsx", &s, 1, NULL, NULL), CJ_ERR_TOO_LARGE, "嵌套过深", NULL);
	cj_buf_release(&b);
	/* malformed */
	s.body = "<sheetData><row><c><v>1</v></row></sheetData>";
	expect_fail(make_xlsx("malformed.xlsx", &s, 1, NULL, NULL), CJ_ERR_PARSE,
		    "不是格式正确的 XML", NULL);
	/* a DOCTYPE (entity expansion) in the shared strings */
	s.body = INFO_BODY;
	expect_fail(make_xlsx("doctype.xlsx", &s, 1,
			      "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
			      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst><si><t>&b;</t></si></sst>",
			      NULL),
		    CJ_ERR_PARSE, "DOCTYPE", NULL);
}

TEST(xlsx_in_not_a_workbook)
{
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	struct part parts[1] = {{"hello.txt", "hi", 2, 0}};
	const char *p;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xlsx_read("not a zip", 9, "x.xlsx", &a, &d), CJ_ERR_PARSE);
	CHECK_CONTAINS(d.msg, "zip");
	CHECK_STR(d.file, "x.xlsx");
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xlsx_read(NULL, 0, "empty.xlsx", &a, &d), CJ_ERR_PARSE);
	p = tmp_path("nowb.xlsx");
	CHECK(write_zip(p, parts, 1));
	expect_fail(p, CJ_ERR_PARSE, "缺少工作簿部件", NULL);
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_xlsx_read_file("/nonexistent/a.xlsx", &a, &d), CJ_ERR_IO);
	CHECK(a == NULL);
}
