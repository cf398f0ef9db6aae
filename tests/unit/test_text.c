/*
 * test_text.c - text extraction for `caijue audit`: the same small report
 * as txt, GB18030 txt, HTML, GB2312 HTML, DOCX and PDF gives the same
 * lines; the normalisation rules one by one; encodings; HTML entities,
 * dropped elements and malformed input; DOCX structure and every refusal
 * (zip bomb, missing document.xml, limits); PDF pages; allocation failure
 * at every step.
 *
 * DOCX variants are zipped in memory with libzip (make_docx), so each case
 * is a few lines of document.xml.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/fsio.h"
#include "base/utf8.h"
#include "runner.h"
#include "text/extract.h"
#include "text/text_private.h"

#define DATA "tests/data/text/"

/* The report of every fixture, as extracted. */
static const char *const report_lines[] = {
	"部门决算公开说明",
	"一、收入支出决算总体情况说明",
	"2020年度收入、支出决算总计1，104.25万元，比上年增加85.56万元，增长8.4%。",
	"其中：财政拨款收入797.10万元，占72.18%。",
	"项目\t决算数\t占比",
	"财政拨款收入\t797.10\t72.18%",
	"其他收入\t307.15\t27.82%",
	"合计\t1104.25\t100.00%",
};
#define REPORT_NLINES (sizeof(report_lines) / sizeof(report_lines[0]))

/* ============================================================== helpers */

/* Line i (0-based) as a C string; valid until the next call. */
static const char *line(const struct cj_textdoc *t, size_t i)
{
	static char buf[4096];
	size_t n;

	if (!t || i >= t->nlines)
		return "(no such line)";
	n = t->lines[i].len < sizeof(buf) - 1 ? t->lines[i].len : sizeof(buf) - 1;
	memcpy(buf, t->lines[i].ptr, n);
	buf[n] = '\0';
	return buf;
}

/* The invariants every document must keep (extract.c's header). */
static void check_invariants(const struct cj_textdoc *t)
{
	size_t i, off = 0;

	CHECK(t->buf != NULL);
	CHECK(t->source != NULL);
	CHECK_EQ_INT(strlen(t->buf), t->len);
	CHECK(cj_utf8_validate(t->buf, t->len, NULL));
	for (i = 0; i < t->len; i++) {
		unsigned char c = (unsigned char)t->buf[i];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
			cj_test_fail(__FILE__, __LINE__, "control byte 0x%02x at %zu", c, i);
			return;
		}
	}
	for (i = 0; i < t->nlines; i++) {
		if (t->lines[i].ptr != t->buf + off ||
		    memchr(t->lines[i].ptr, '\n', t->lines[i].len)) {
			cj_test_fail(__FILE__, __LINE__, "line %zu is not where it should be", i + 1);
			return;
		}
		off += t->lines[i].len;
		if (i + 1 < t->nlines) {
			if (t->buf[off] != '\n') {
				cj_test_fail(__FILE__, __LINE__, "no separator after line %zu", i + 1);
				return;
			}
			off++;
		}
	}
	CHECK_EQ_INT(off, t->len);
	cj_test_pass();
}

/* Extract a NUL-terminated string; checks the invariants on success. */
static enum cj_err ex(const char *text, const char *name, struct cj_textdoc **t,
		      struct cj_diag *d)
{
	enum cj_err e;

	cj_diag_init(d);
	*t = NULL;
	e = cj_text_extract_mem(text, strlen(text), name, t, d);
	if (e == CJ_OK)
		check_invariants(*t);
	else
		CHECK(*t == NULL);
	return e;
}

static enum cj_err ex_mem(const char *data, size_t len, const char *name,
			  struct cj_textdoc **t, struct cj_diag *d)
{
	enum cj_err e;

	cj_diag_init(d);
	*t = NULL;
	e = cj_text_extract_mem(data, len, name, t, d);
	if (e == CJ_OK)
		check_invariants(*t);
	return e;
}

/* All lines joined with '|' (TAB shown as '>'), for compact checks. */
static const char *joined(const struct cj_textdoc *t)
{
	static char buf[8192];
	size_t i, j, n = 0;

	buf[0] = '\0';
	if (!t)
		return "(null)";
	for (i = 0; i < t->nlines && n + 2 < sizeof(buf); i++) {
		if (i)
			buf[n++] = '|';
		for (j = 0; j < t->lines[i].len && n + 1 < sizeof(buf); j++)
			buf[n++] = t->lines[i].ptr[j] == '\t' ? '>' : t->lines[i].ptr[j];
	}
	buf[n] = '\0';
	return buf;
}

/* Extract `text` as `name` and return the joined lines (or the error). */
static const char *lines_of(const char *text, const char *name)
{
	static char err[600];
	struct cj_textdoc *t;
	struct cj_diag d;
	const char *r;

	if (ex(text, name, &t, &d) != CJ_OK) {
		snprintf(err, sizeof(err), "(error %s: %s)", cj_strerror(d.code), d.msg);
		return err;
	}
	r = joined(t);
	cj_textdoc_free(t);
	return r;
}

struct zpart {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
};

/* A zip of the given parts, in memory; caller frees with free(). */
static char *make_zip(const struct zpart *parts, size_t nparts, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	char *out = NULL;
	size_t i;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		return NULL;
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za)
		goto out;
	for (i = 0; i < nparts; i++) {
		size_t n = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(za, parts[i].data, n, 0);

		if (!s || zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			zip_discard(za);
			goto out;
		}
	}
	if (zip_close(za) < 0) {
		zip_discard(za);
		goto out;
	}
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		goto out;
	out = malloc(st.size ? st.size : 1);
	if (out && zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
		free(out);
		out = NULL;
	}
	*len = st.size;
	zip_source_close(src);
out:
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

#define W_DOC_HEAD                                                                         \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                       \
	"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
#define W_DOC_TAIL "</w:body></w:document>"

/* A DOCX whose word/document.xml is `xml`; caller frees with free(). */
static char *make_docx(const char *xml, size_t *len)
{
	const struct zpart parts[] = {
		{"[Content_Types].xml", "<Types/>", 0},
		{"word/document.xml", xml, 0},
	};

	return make_zip(parts, 2, len);
}

/* Lines of a DOCX whose body is `body` (wrapped in the document element). */
static const char *docx_lines(const char *body)
{
	static char err[600];
	struct cj_textdoc *t;
	struct cj_diag d;
	struct cj_buf xml;
	const char *r;
	char *zip;
	size_t len = 0;

	cj_buf_init(&xml, 0);
	cj_buf_puts(&xml, W_DOC_HEAD);
	cj_buf_puts(&xml, body);
	cj_buf_puts(&xml, W_DOC_TAIL);
	zip = make_docx(cj_buf_str(&xml), &len);
	cj_buf_release(&xml);
	if (!zip)
		return "(cannot zip)";
	if (ex_mem(zip, len, "t.docx", &t, &d) != CJ_OK) {
		free(zip);
		snprintf(err, sizeof(err), "(error %s: %s)", cj_strerror(d.code), d.msg);
		return err;
	}
	free(zip);
	r = joined(t);
	cj_textdoc_free(t);
	return r;
}

static char *read_fixture(const char *path, size_t *len)
{
	char *data = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	if (cj_file_read(path, (size_t)64 << 20, &data, len, &d) != CJ_OK)
		return NULL;
	return data;
}

/* ======================================================= same report */

static const struct {
	const char *file;
	enum cj_text_kind kind;
} report_files[] = {
	{DATA "report.txt", CJ_TEXT_PLAIN},   {DATA "report-gb18030.txt", CJ_TEXT_PLAIN},
	{DATA "report.html", CJ_TEXT_HTML},   {DATA "report-gb2312.html", CJ_TEXT_HTML},
	{DATA "report.docx", CJ_TEXT_DOCX},   {DATA "report.pdf", CJ_TEXT_PDF},
};
#define NREPORT_FILES (sizeof(report_files) / sizeof(report_files[0]))

TEST(text_report_same_lines_every_format)
{
	size_t f, i;

	for (f = 0; f < NREPORT_FILES; f++) {
		struct cj_textdoc *t = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		e = cj_text_extract_file(report_files[f].file, &t, &d);
		if (e != CJ_OK) {
			cj_test_fail(__FILE__, __LINE__, "%s: %s", report_files[f].file, d.msg);
			continue;
		}
		check_invariants(t);
		CHECK_EQ_INT(t->kind, report_files[f].kind);
		CHECK_STR(t->source, report_files[f].file);
		if (t->nlines != REPORT_NLINES)
			cj_test_fail(__FILE__, __LINE__, "%s: %zu lines: %s", report_files[f].file,
				     t->nlines, joined(t));
		for (i = 0; i < REPORT_NLINES && i < t->nlines; i++) {
			const char *got = line(t, i);

			if (strcmp(got, report_lines[i]))
				cj_test_fail(__FILE__, __LINE__, "%s line %zu: got \"%s\", want \"%s\"",
					     report_files[f].file, i + 1, got, report_lines[i]);
			else
				cj_test_pass();
		}
		cj_textdoc_free(t);
	}
}

TEST(text_pdf_page_numbers)
{
	struct cj_textdoc *t = NULL;
	struct cj_diag d;
	size_t i;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_text_extract_file(DATA "report.pdf", &t, &d), CJ_OK);
	if (!t)
		return;
	CHECK_EQ_INT(t->nlines, 8);
	for (i = 0; i < t->nlines; i++)
		CHECK_EQ_INT(t->lines[i].page, i < 4 ? 1 : 2);
	cj_textdoc_free(t);

	/* other formats are not paged */
	CHECK_EQ_INT(cj_text_extract_file(DATA "report.docx", &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->lines[0].page, 0);
		cj_textdoc_free(t);
	}
}

TEST(text_pdf_limits_and_damage)
{
	struct cj_text_limits l = *cj_text_limits();
	struct cj_textdoc *t;
	struct cj_diag d;
	char *pdf;
	size_t len;

	pdf = read_fixture(DATA "report.pdf", &len);
	CHECK(pdf != NULL);
	if (!pdf)
		return;
	l.max_pages = 1;
	cj_text_set_limits(&l);
	CHECK_EQ_INT(ex_mem(pdf, len, "r.pdf", &t, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "页数过多");
	cj_text_set_limits(NULL);

	/* sniffed without a suffix */
	CHECK_EQ_INT(ex_mem(pdf, len, NULL, &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->kind, CJ_TEXT_PDF);
		CHECK_STR(t->source, "");
		cj_textdoc_free(t);
	}
	/* truncated: poppler may still read a page or refuse; never crash */
	if (ex_mem(pdf, len / 2, "half.pdf", &t, &d) == CJ_OK)
		cj_textdoc_free(t);
	cj_free(pdf);

	CHECK_EQ_INT(ex("%PDF-1.4\nnot really\n", "bad.pdf", &t, &d), CJ_ERR_PARSE);
	CHECK_CONTAINS(d.msg, "无法打开 PDF");
	CHECK_STR(d.file, "bad.pdf");
	CHECK_EQ_INT(ex("", "empty.pdf", &t, &d), CJ_ERR_PARSE);
}

/* ======================================================== normalisation */

static const struct {
	const char *in, *out;
} norm_cases[] = {
	{"１２３", "123"},
	{"５．１９％", "5.19%"},
	{"增长８．４％。", "增长8.4%。"},
	{"．５", ".5"},             /* next to a digit after it */
	{"第一．概况", "第一．概况"}, /* no digit: kept */
	{"１００ ％", "100 ％"},     /* not adjacent */
	{"％５", "%5"},
	{"１，１０４．２５", "1，104.25"}, /* the full-width comma stays */
	{"（１２．３０）", "（12.30）"},   /* so do the parentheses */
	{"－５", "－5"},
	{"ａｂｃ", "ａｂｃ"},
	{"1 104.25", "1104.25"},
	{"12 345 678.90", "12345678.90"},
	{"1 000 000", "1000000"},
	{"合计 1 104.25 万元", "合计 1104.25 万元"},
	{"a1 234b", "a1234b"},
	{"1,234 567", "1,234 567"},       /* after a comma */
	{"2020 797.10", "2020 797.10"},   /* four digits first */
	{"5.19 200", "5.19 200"},         /* after a decimal point */
	{"12  345", "12  345"},           /* two spaces */
	{"1\t104", "1\t104"},             /* a TAB is a cell edge */
	{"1 1045", "1 1045"},             /* four digits after */
	{"1 10", "1 10"},
	{"100 200.00", "100200.00"},      /* the documented ambiguity */
	{"1\xC2\xA0" "104.25", "1104.25"},        /* NBSP */
	{"1\xE2\x80\x89" "104.25", "1104.25"},    /* thin space */
	{"1\xE2\x80\xAF" "104.25", "1104.25"},    /* narrow NBSP */
	{"１　１０４", "1104"},                    /* ideographic space */
	{"　　一、概况", "  一、概况"},             /* leading spaces kept */
	{"x\xE2\x80\x8By\xC2\xADz\xEF\xBB\xBFw", "xyzw"}, /* invisible characters */
	{"a\x01" "b\x7F" "c\x1B" "d", "a b c d"},
	{"a\xC2\x85" "b\xE2\x80\xA8" "c", "a b c"},
	{"abc   ", "abc"},
	{"abc\xE3\x80\x80", "abc"},
	{"\tabc\t", "\tabc\t"},
	{"a\t ", "a\t"},
	{"\xFF", "\xEF\xBF\xBD"},
	{"a\xE4\xB8", "a\xEF\xBF\xBD\xEF\xBF\xBD"},
	{"", ""},
	{"   ", ""},
	{"0", "0"},
	{"9 999", "9999"},
	{"999 999 9", "999999 9"},
};

TEST(text_normalize_rules)
{
	struct cj_buf out, tmp;
	size_t i;

	cj_buf_init(&out, 0);
	cj_buf_init(&tmp, 0);
	for (i = 0; i < sizeof(norm_cases) / sizeof(norm_cases[0]); i++) {
		cj_buf_reset(&out);
		cj_text_normalize(&out, &tmp, norm_cases[i].in, strlen(norm_cases[i].in));
		CHECK_EQ_INT(cj_buf_err(&out), CJ_OK);
		if (strcmp(cj_buf_str(&out), norm_cases[i].out))
			cj_test_fail(__FILE__, __LINE__, "case %zu \"%s\": got \"%s\", want \"%s\"",
				     i, norm_cases[i].in, cj_buf_str(&out), norm_cases[i].out);
		else
			cj_test_pass();
	}
	cj_buf_release(&out);
	cj_buf_release(&tmp);
}

/* ============================================================ plain text */

TEST(text_plain_line_breaks)
{
	CHECK_STR(lines_of("", "t.txt"), "");
	CHECK_STR(lines_of("a", "t.txt"), "a");
	CHECK_STR(lines_of("a\n", "t.txt"), "a");
	CHECK_STR(lines_of("\n", "t.txt"), "");
	CHECK_STR(lines_of("a\nb", "t.txt"), "a|b");
	CHECK_STR(lines_of("a\r\nb\r\n", "t.txt"), "a|b");
	CHECK_STR(lines_of("a\rb\r", "t.txt"), "a|b");
	CHECK_STR(lines_of("a\r\n\r\nb", "t.txt"), "a||b");
	CHECK_STR(lines_of("a\n\r\nb", "t.txt"), "a||b");
	CHECK_STR(lines_of("a\r\rb", "t.txt"), "a||b");
	CHECK_STR(lines_of("a\n\n\n", "t.txt"), "a||");
	CHECK_STR(lines_of("  x  \n", "t.md"), "  x");
	CHECK_STR(lines_of("\xEF\xBB\xBF" "标题\n正文", "t.txt"), "标题|正文");
	CHECK_STR(lines_of("| 合计 | 1 104.25 |", "t.md"), "| 合计 | 1104.25 |");
}

TEST(text_plain_line_count)
{
	struct cj_textdoc *t;
	struct cj_diag d;

	CHECK_EQ_INT(ex("一\n\n三\r\n四", "t.txt", &t, &d), CJ_OK);
	if (!t)
		return;
	CHECK_EQ_INT(t->nlines, 4);
	CHECK_STR(line(t, 2), "三");
	CHECK_EQ_INT(t->lines[1].len, 0);
	CHECK_EQ_INT(t->lines[3].page, 0);
	CHECK_EQ_INT(t->kind, CJ_TEXT_PLAIN);
	cj_textdoc_free(t);
}

TEST(text_plain_gb18030)
{
	/* "决算１２３万元\n合计" in GB18030 */
	static const char gb[] = "\xbe\xf6\xcb\xe3\xa3\xb1\xa3\xb2\xa3\xb3\xcd\xf2\xd4\xaa\n"
				 "\xba\xcf\xbc\xc6";

	CHECK_STR(lines_of(gb, "gb.txt"), "决算123万元|合计");
	/* a 4-byte GB18030 sequence (U+3400 = 81 39 EE 39) and pinyin (ǎ = A8 A3) */
	CHECK_STR(lines_of("\xba\xcf\x81\x39\xee\x39\xa8\xa3\xbc\xc6", "gb.txt"),
		  "合\xE3\x90\x80ǎ计");
}

TEST(text_plain_bad_encoding)
{
	struct cj_textdoc *t;
	struct cj_diag d;

	/* not UTF-8, and 0xFF never occurs in GB18030 */
	CHECK_EQ_INT(ex("abc\nde\xff\xfe", "bad.txt", &t, &d), CJ_ERR_ENCODING);
	CHECK_CONTAINS(d.msg, "字节偏移 6");
	CHECK_CONTAINS(d.msg, "GB18030");
	CHECK_EQ_INT(d.line, 2);
	CHECK_STR(d.file, "bad.txt");

	/* Latin-1 "café au lait": 0xE9 0x20 is no GB18030 pair */
	CHECK_EQ_INT(ex("caf\xe9 au lait", "latin1.txt", &t, &d), CJ_ERR_ENCODING);
	CHECK_CONTAINS(d.msg, "字节偏移 3");

	/* decodes as GB18030, but to a C1 control: not plausible */
	CHECK_EQ_INT(ex("x\x81\x30\x81\x30", "odd.txt", &t, &d), CJ_ERR_ENCODING);
	/* decodes, but no Han at all */
	CHECK_EQ_INT(ex("\xa3\xb1\xa3\xb2", "digits.txt", &t, &d), CJ_ERR_ENCODING);
	/* truncated GB18030 at the end */
	CHECK_EQ_INT(ex("\xba\xcf\n\xbc", "cut.txt", &t, &d), CJ_ERR_ENCODING);
	CHECK_CONTAINS(d.msg, "字节偏移 0");
	CHECK_CONTAINS(d.msg, "GB18030 解码在字节偏移 3 处失败");
	CHECK_EQ_INT(d.line, 2);

	/* a BOM promises UTF-8 */
	CHECK_EQ_INT(ex("\xEF\xBB\xBF" "ab\xba\xcf", "bom.txt", &t, &d), CJ_ERR_ENCODING);
	CHECK_CONTAINS(d.msg, "字节偏移 5");

	/* a lone continuation byte */
	CHECK_EQ_INT(ex("ok\x80", "cont.txt", &t, &d), CJ_ERR_ENCODING);
	CHECK_CONTAINS(d.msg, "字节偏移 2");
}

TEST(text_plain_nul_and_utf16)
{
	struct cj_textdoc *t;
	struct cj_diag d;
	static const char le[] = "\xFF\xFE\x2d\x4e\x87\x65\n\x00" "1\x00"; /* 中文\n1 */
	static const char be[] = "\xFE\xFF\x4e\x2d\x65\x87";

	CHECK_EQ_INT(ex_mem("a\0b", 3, "nul.txt", &t, &d), CJ_ERR_ENCODING);
	CHECK_CONTAINS(d.msg, "NUL");
	CHECK_CONTAINS(d.msg, "字节偏移 1");

	CHECK_EQ_INT(ex_mem(le, sizeof(le) - 1, "le.txt", &t, &d), CJ_OK);
	if (t) {
		CHECK_STR(joined(t), "中文|1");
		cj_textdoc_free(t);
	}
	CHECK_EQ_INT(ex_mem(be, sizeof(be) - 1, "be.txt", &t, &d), CJ_OK);
	if (t) {
		CHECK_STR(joined(t), "中文");
		cj_textdoc_free(t);
	}
	/* odd length: truncated UTF-16 */
	CHECK_EQ_INT(ex_mem(be, sizeof(be) - 2, "be.txt", &t, &d), CJ_ERR_ENCODING);
}

/* ================================================================= HTML */

TEST(text_html_entities)
{
	CHECK_STR(lines_of("<p>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;</p>", "t.html"),
		  "a&b <c> \"d\" 'e'");
	CHECK_STR(lines_of("<p>&#20013;&#x6587;&#X4E2D;&#37;</p>", "t.html"), "中文中%");
	CHECK_STR(lines_of("<p>a&nbsp;&nbsp;b&ensp;c&emsp;d&thinsp;e</p>", "t.html"), "a  b c d e");
	CHECK_STR(lines_of("<p>1&nbsp;104.25 1&#8201;104</p>", "t.html"), "1104.25 1104");
	CHECK_STR(lines_of("<p>&#150;&#0;&#xD800;&#1114112;&#99999999999;</p>", "t.html"),
		  "\xE2\x80\x93\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	CHECK_STR(lines_of("<p>&unknown; &amp &ampx &#; &#x; & x &</p>", "t.html"),
		  "&unknown; & &ampx &#; &#x; & x &");
	CHECK_STR(lines_of("<p>&yen;12&times;3&permil;&middot;&hellip;&mdash;</p>", "t.html"),
		  "\xC2\xA5" "12\xC3\x97" "3\xE2\x80\xB0\xC2\xB7\xE2\x80\xA6\xE2\x80\x94");
	CHECK_STR(lines_of("<p>&#65296;&#65297;&#65294;&#65301;</p>", "t.html"), "01.5");
}

TEST(text_html_dropped)
{
	CHECK_STR(lines_of("<html><head><title>标题 1</title><meta charset=utf-8>"
			   "<style>p { x: '<p>2</p>' }</style>"
			   "<script>var x = '<p>3</p>';</script></head>"
			   "<body><p>正文</p><script type=\"x\">document.write('<p>4</p>')</SCRIPT >"
			   "<!-- 注释 <p>5</p> --><p>b</p><noscript>请启用脚本</noscript>"
			   "<svg><text>6</text><svg><text>7</text></svg><text>8</text></svg>"
			   "<template><p>9</p></template><p>c</p></body></html>",
			   "t.html"),
		  "正文|b|c");
	/* a head that never closes ends at the first content */
	CHECK_STR(lines_of("<head><title>x</title><p>text</p>", "t.html"), "text");
	CHECK_STR(lines_of("<head><title>x</title>正文", "t.html"), "正文");
	/* doctype, processing instructions, CDATA, odd comments */
	CHECK_STR(lines_of("<!DOCTYPE html><?xml version='1.0'?><![CDATA[x]]>a<!---->b<!-->c"
			   "<!--->d<!-- - -- -->e",
			   "t.html"),
		  "abcde");
	/* an XHTML empty script hides nothing */
	CHECK_STR(lines_of("<script src=\"a.js\"/><p>正文</p>", "t.html"), "正文");
	/* an unclosed script swallows the rest, as in a browser */
	CHECK_STR(lines_of("<p>a</p><script>x<p>b</p>", "t.html"), "a");
}

TEST(text_html_blocks_and_breaks)
{
	CHECK_STR(lines_of("<p>a</p><p>b</p>", "t.html"), "a|b");
	CHECK_STR(lines_of("<div><div><p>a</p></div></div>b", "t.html"), "a|b");
	CHECK_STR(lines_of("a<br>b<br/><br />c</br>d", "t.html"), "a|b||c|d");
	CHECK_STR(lines_of("<h1>一</h1><h6>二</h6><ul><li>三<li>四</ul><blockquote>五</blockquote>"
			   "<section>六</section><article>七</article>",
			   "t.html"),
		  "一|二|三|四|五|六|七");
	CHECK_STR(lines_of("<p>  a   b\n\tc  </p>", "t.html"), "a b c");
	CHECK_STR(lines_of("<p>a <b>b</b> <i> c</i></p>", "t.html"), "a b c");
	/* a source line break between Chinese characters is no space */
	CHECK_STR(lines_of("<p>比上年增加，\n  增长8.4%\nof total</p>", "t.html"),
		  "比上年增加，增长8.4% of total");
	CHECK_STR(lines_of("<p>中 文</p>", "t.html"), "中 文");
	CHECK_STR(lines_of("<p>&nbsp;</p><p>x</p>", "t.html"), "|x");
	CHECK_STR(lines_of("<pre>\n  a  b\n\n\tc</pre>d", "t.html"), "  a  b||>c|d");
	CHECK_STR(lines_of("a\r\nb", "t.html"), "a b");
}

TEST(text_html_tables)
{
	CHECK_STR(lines_of("<table><tr><th>项目</th><th>金额</th></tr>"
			   "<tr><td>a</td><td>1</td></tr></table>",
			   "t.html"),
		  "项目>金额|a>1");
	/* implied ends, empty cells keep their column, blocks inside cells */
	CHECK_STR(lines_of("<table><tr><td>a<td><td>c<tr><td><p>x</p><p>y</p><td>z</table>after",
			   "t.html"),
		  "a>>c|x y>z|after");
	/* a row of empty cells is still a line */
	CHECK_STR(lines_of("<table><tr><td></td><td></td></tr><tr><td>1</td></tr></table>",
			   "t.html"),
		  ">|1");
	/* a nested table is text of its cell */
	CHECK_STR(lines_of("<table><tr><td>a<table><tr><td>b</td><td>c</td></tr>"
			   "<tr><td>d</td></tr></table></td><td>e</td></tr></table>",
			   "t.html"),
		  "a b c d>e");
	/* whitespace and breaks inside a cell */
	CHECK_STR(lines_of("<table><tr>\n <td> 合计 <br> 小计 </td>\n <td>\t1 104.25 </td>\n</tr>"
			   "</table>",
			   "t.html"),
		  "合计 小计>1104.25");
	/* stray cells and rows outside a table */
	CHECK_STR(lines_of("a<td>b</td><tr>c</tr>", "t.html"), "ab|c");
	/* text in a row before its first cell */
	CHECK_STR(lines_of("<table><tr>x<td>y</td></tr></table>", "t.html"), "xy");
}

TEST(text_html_malformed_survives)
{
	static const char *const cases[] = {
		"<p>a < b <<< c <div <p>unclosed <b>bold <i>x</p></td></tr></table><td>y",
		"<", "<<", "</", "</>", "</ x>", "<!", "<!-", "<!--", "<!-- x", "<?", "&", "&#",
		"&#x", "&#x110000", "&amp", "<a href='unclosed", "<a href=\"x>y</a>", "<a b=>c",
		"<p/><td/><tr/><table/>x", "</table></table></tr>x</td>", "<svg/>after",
		"<svg><svg>", "<head>", "<pre>", "<pre></pre></pre></pre>x",
		"<table><table><table><tr><td>deep", "<td>x<td>y<tr>z",
		"<p a='1' b=\"2\" c=3 d e/f =g>text", "<scripT>alert(1)</scrip></script",
		"<style>", "<title>t", "\xEF\xBB\xBF<p>bom</p>", "<p>\x01\x02</p>",
		"<<p>>", "<p>&#9;tab&#10;nl</p>", "<table><tr><td>&#9;x</td><td>y</td></tr></table>",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cj_textdoc *t;
		struct cj_diag d;

		if (ex(cases[i], "m.html", &t, &d) != CJ_OK) {
			cj_test_fail(__FILE__, __LINE__, "case %zu refused: %s", i, d.msg);
			continue;
		}
		cj_textdoc_free(t);
	}
	CHECK_STR(lines_of("<p>a < b <<< c</p>", "t.html"), "a < b <<< c");
	CHECK_STR(lines_of("<p>a <b>x", "t.html"), "a x");
	CHECK_STR(lines_of("x<a href='unclosed", "t.html"), "x");
	CHECK_STR(lines_of("x<!-- never closed", "t.html"), "x");
	CHECK_STR(lines_of("<table><tr><td>&#9;x</td><td>y</td></tr></table>", "t.html"), "x>y");
}

/* Markup that must cost linear time: a quadratic scan would hang here. */
TEST(text_html_linear_time)
{
	struct cj_buf b;
	struct cj_textdoc *t;
	struct cj_diag d;
	int i;

	cj_buf_init(&b, 0);
	for (i = 0; i < 100000; i++)
		cj_buf_puts(&b, "<script/><title/>x<!<");
	CHECK_EQ_INT(ex(cj_buf_str(&b), "many.html", &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->nlines, 1);
		CHECK_EQ_INT(t->lines[0].len, 100000); /* "<!<" swallows the next "<script/>" */
		cj_textdoc_free(t);
	}
	cj_buf_release(&b);
}

TEST(text_html_deep_tables)
{
	struct cj_buf b;
	struct cj_textdoc *t;
	struct cj_diag d;
	int i;

	cj_buf_init(&b, 0);
	for (i = 0; i < 300; i++)
		cj_buf_puts(&b, "<table><tr><td>");
	cj_buf_puts(&b, "x");
	for (i = 0; i < 300; i++)
		cj_buf_puts(&b, "</td></tr></table>");
	cj_buf_puts(&b, "after");
	CHECK_EQ_INT(ex(cj_buf_str(&b), "deep.html", &t, &d), CJ_OK);
	if (t) {
		CHECK_STR(joined(t), "x|after");
		cj_textdoc_free(t);
	}
	cj_buf_release(&b);
}

TEST(text_html_charsets)
{
	/* <meta charset=gbk> with "合计１" in GBK */
	CHECK_STR(lines_of("<meta charset=gbk><p>\xba\xcf\xbc\xc6\xa3\xb1</p>", "t.html"),
		  "合计1");
	CHECK_STR(lines_of("<?xml version=\"1.0\" encoding=\"GB2312\"?><p>\xba\xcf</p>", "t.html"),
		  "合");
	/* no declaration: GB18030 detected as for plain text */
	CHECK_STR(lines_of("<p>\xba\xcf\xbc\xc6</p>", "t.html"), "合计");
	/* a wrong declaration does not spoil valid UTF-8 */
	CHECK_STR(lines_of("<meta charset=\"gb2312\"><p>合计</p>", "t.html"), "合计");
	/* declared windows-1252 */
	CHECK_STR(lines_of("<meta charset=windows-1252><p>caf\xe9</p>", "t.html"), "caf\xC3\xA9");
	/* declared GB, but not decodable: refused with the offset */
	CHECK_CONTAINS(lines_of("<meta charset=gb2312><p>\xff\xff</p>", "t.html"), "字节偏移 24");
	/* unknown charset name: falls back to the GB18030 guess */
	CHECK_STR(lines_of("<meta charset=x-nonesuch><p>\xba\xcf</p>", "t.html"), "合");
}

/* ================================================================= DOCX */

TEST(text_docx_structure)
{
	/* runs, tabs, breaks; tab stops in paragraph properties are no text */
	CHECK_STR(docx_lines("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"1\"/></w:tabs>"
			     "</w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>"
			     "<w:cr/><w:t xml:space=\"preserve\"> d </w:t></w:r></w:p>"),
		  "a>b|c| d");
	/* every paragraph is a line, empty ones too */
	CHECK_STR(docx_lines("<w:p/><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p></w:p>"), "|x|");
	/* deleted text and field codes are not text; hyphens are */
	CHECK_STR(docx_lines("<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del>"
			     "<w:ins><w:r><w:t>new</w:t></w:r></w:ins>"
			     "<w:r><w:instrText>PAGE</w:instrText></w:r>"
			     "<w:r><w:t>a</w:t><w:noBreakHyphen/><w:t>b</w:t><w:softHyphen/></w:r>"
			     "</w:p>"),
		  "newa-b");
	/* a text box: its paragraphs join the anchor, the fallback copy is skipped */
	CHECK_STR(docx_lines("<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>"
			     "<w:txbxContent><w:p><w:r><w:t>框一</w:t></w:r></w:p>"
			     "<w:p><w:r><w:t>框二</w:t></w:r></w:p></w:txbxContent></mc:Choice>"
			     "<mc:Fallback><w:txbxContent><w:p><w:r><w:t>框一</w:t></w:r></w:p>"
			     "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>"
			     "<w:r><w:t>后</w:t></w:r></w:p><w:p><w:r><w:t>下</w:t></w:r></w:p>"),
		  "前框一 框二 后|下");
	/* unknown namespaces and elements are ignored */
	CHECK_STR(docx_lines("<w:p><x:t xmlns:x=\"urn:x\">no</x:t><w:r><w:t>yes</w:t></w:r></w:p>"),
		  "yes");
}

TEST(text_docx_strict_namespace)
{
	struct cj_textdoc *t;
	struct cj_diag d;
	size_t len = 0;
	char *zip = make_docx("<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
			      "<w:body><w:p><w:r><w:t>严格</w:t><w:tab/><w:t>1</w:t></w:r></w:p>"
			      "</w:body></w:document>",
			      &len);

	CHECK(zip != NULL);
	CHECK_EQ_INT(ex_mem(zip, len, "s.docx", &t, &d), CJ_OK);
	if (t) {
		CHECK_STR(joined(t), "严格>1");
		cj_textdoc_free(t);
	}
	free(zip);
}

TEST(text_docx_tables)
{
	/* one line per row, cells by TAB, paragraphs and breaks in a cell are spaces */
	CHECK_STR(docx_lines("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p>"
			     "<w:p><w:r><w:t>b</w:t><w:br/><w:t>c</w:t><w:tab/><w:t>d</w:t></w:r>"
			     "</w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>e</w:t></w:r>"
			     "</w:p></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
			     "<w:p><w:r><w:t>after</w:t></w:r></w:p>"),
		  "a b c d>>e||after");
	/* a nested table is text of its cell */
	CHECK_STR(docx_lines("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p>"
			     "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc>"
			     "<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
			     "<w:p/></w:tc><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr>"
			     "</w:tbl>"),
		  "a b c>d");
	/* a TAB character inside a cell's text */
	CHECK_STR(docx_lines("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a&#9;b</w:t></w:r></w:p></w:tc>"
			     "<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"),
		  "a b>c");
}

TEST(text_docx_refusals)
{
	struct cj_text_limits l = *cj_text_limits();
	struct cj_textdoc *t;
	struct cj_diag d;
	char *zip, *big;
	size_t len = 0, i;
	const struct zpart no_doc[] = {{"[Content_Types].xml", "<Types/>", 0},
				       {"word/styles.xml", "<x/>", 0}};

	/* no word/document.xml */
	zip = make_zip(no_doc, 2, &len);
	CHECK(zip != NULL);
	CHECK_EQ_INT(ex_mem(zip, len, "a.docx", &t, &d), CJ_ERR_NOTFOUND);
	CHECK_CONTAINS(d.msg, "word/document.xml");
	CHECK_STR(d.file, "a.docx");
	/* too many entries */
	l.max_entries = 1;
	cj_text_set_limits(&l);
	CHECK_EQ_INT(ex_mem(zip, len, "a.docx", &t, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "条目过多");
	cj_text_set_limits(NULL);
	free(zip);

	/* a zip bomb: 4 MiB that deflate to a few KiB */
	big = malloc((size_t)4 << 20);
	CHECK(big != NULL);
	if (!big)
		return;
	memcpy(big, W_DOC_HEAD, strlen(W_DOC_HEAD));
	for (i = strlen(W_DOC_HEAD); i < ((size_t)4 << 20) - 32; i++)
		big[i] = ' ';
	memcpy(big + i, W_DOC_TAIL, strlen(W_DOC_TAIL) + 1);
	zip = make_docx(big, &len);
	CHECK(zip != NULL);
	if (zip) {
		CHECK(len < ((size_t)64 << 10));
		CHECK_EQ_INT(ex_mem(zip, len, "bomb.docx", &t, &d), CJ_ERR_TOO_LARGE);
		CHECK_CONTAINS(d.msg, "压缩比过高");
		/* with the ratio allowed, an entry limit below its size refuses it */
		l = *cj_text_limits();
		l.max_ratio = 100000;
		l.max_entry = (size_t)1 << 20;
		cj_text_set_limits(&l);
		CHECK_EQ_INT(ex_mem(zip, len, "bomb.docx", &t, &d), CJ_ERR_TOO_LARGE);
		CHECK_CONTAINS(d.msg, "解压后过大");
		/* and with both allowed it is a (blank) document */
		l.max_entry = (size_t)64 << 20;
		cj_text_set_limits(&l);
		CHECK_EQ_INT(ex_mem(zip, len, "bomb.docx", &t, &d), CJ_OK);
		if (t) {
			CHECK_EQ_INT(t->nlines, 0);
			cj_textdoc_free(t);
		}
		cj_text_set_limits(NULL);
		free(zip);
	}
	free(big);

	/* nesting deeper than the limit */
	{
		struct cj_buf x;

		cj_buf_init(&x, 0);
		cj_buf_puts(&x, W_DOC_HEAD "<w:p><w:r><w:t>ok</w:t></w:r></w:p>");
		for (i = 0; i < 300; i++)
			cj_buf_puts(&x, "<w:sdt>");
		for (i = 0; i < 300; i++)
			cj_buf_puts(&x, "</w:sdt>");
		cj_buf_puts(&x, W_DOC_TAIL);
		zip = make_docx(cj_buf_str(&x), &len);
		cj_buf_release(&x);
		CHECK(zip != NULL);
		CHECK_EQ_INT(ex_mem(zip, len, "deep.docx", &t, &d), CJ_ERR_TOO_LARGE);
		CHECK_CONTAINS(d.msg, "嵌套超过 256 层");
		free(zip);
	}

	/* a DTD (entity expansion) */
	zip = make_docx("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", &len);
	CHECK(zip != NULL);
	CHECK_EQ_INT(ex_mem(zip, len, "dtd.docx", &t, &d), CJ_ERR_PARSE);
	CHECK_CONTAINS(d.msg, "DTD");
	free(zip);

	/* bad XML names the line */
	zip = make_docx("<?xml version=\"1.0\"?>\n<a>\n<b></a>", &len);
	CHECK_EQ_INT(ex_mem(zip, len, "bad.docx", &t, &d), CJ_ERR_PARSE);
	CHECK_CONTAINS(d.msg, "第 3 行");
	free(zip);

	/* not a zip at all; an OLE file (old .doc, encrypted .docx) */
	CHECK_EQ_INT(ex("hello", "x.docx", &t, &d), CJ_ERR_PARSE);
	CHECK_CONTAINS(d.msg, "不是有效的 DOCX");
	CHECK_EQ_INT(ex("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "x.docx", &t, &d), CJ_ERR_UNSUPPORTED);
	CHECK_EQ_INT(ex("PK\3\4", "x.docx", &t, &d), CJ_ERR_PARSE);
	CHECK_EQ_INT(ex("x", "old.doc", &t, &d), CJ_ERR_UNSUPPORTED);
	CHECK_CONTAINS(d.msg, ".docx");
}

/* An entry that inflates to more than its headers say. */
TEST(text_docx_size_lie)
{
	static const char xml[] = W_DOC_HEAD "<w:p><w:r><w:t>一二三四五六七八九十</w:t></w:r></w:p>"
					     W_DOC_TAIL;
	struct cj_textdoc *t;
	struct cj_diag d;
	size_t len = 0, i, n = strlen(xml);
	char *zip = make_docx(xml, &len);
	int patched = 0;

	CHECK(zip != NULL);
	if (!zip)
		return;
	/* the uncompressed size, in the local header (+22) and the central one (+24) */
	for (i = 0; i + 28 < len; i++) {
		unsigned char *p = (unsigned char *)zip + i;
		size_t off;
		uint32_t v;

		if (p[0] == 'P' && p[1] == 'K' && p[2] == 3 && p[3] == 4)
			off = 22;
		else if (p[0] == 'P' && p[1] == 'K' && p[2] == 1 && p[3] == 2)
			off = 24;
		else
			continue;
		v = (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 | (uint32_t)p[off + 2] << 16 |
		    (uint32_t)p[off + 3] << 24;
		if (v != n)
			continue;
		v = 20;
		p[off] = (unsigned char)v;
		p[off + 1] = p[off + 2] = p[off + 3] = 0;
		patched++;
	}
	CHECK_EQ_INT(patched, 2);
	/* libzip or our own count must refuse it; never a truncated success */
	CHECK(ex_mem(zip, len, "lie.docx", &t, &d) != CJ_OK);
	free(zip);
}

/* ============================================================ dispatch */

TEST(text_dispatch)
{
	struct cj_textdoc *t;
	struct cj_diag d;

	CHECK_EQ_INT(ex("<!DOCTYPE html><p>a</p>", NULL, &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->kind, CJ_TEXT_HTML);
		CHECK_STR(joined(t), "a");
		cj_textdoc_free(t);
	}
	CHECK_EQ_INT(ex("\xEF\xBB\xBF\n  <HTML><p>a</p>", "x.dat", &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->kind, CJ_TEXT_HTML);
		cj_textdoc_free(t);
	}
	/* the suffix decides over the content */
	CHECK_EQ_INT(ex("<html><p>a</p>", "page.TXT", &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->kind, CJ_TEXT_PLAIN);
		CHECK_STR(joined(t), "<html><p>a</p>");
		cj_textdoc_free(t);
	}
	CHECK_EQ_INT(ex("<b>x</b>", "dir.html/file", &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->kind, CJ_TEXT_PLAIN);
		cj_textdoc_free(t);
	}
	CHECK_EQ_INT(ex("PK\3\4junk", NULL, &t, &d), CJ_ERR_PARSE);
	CHECK_EQ_INT(ex("x", "a.WPS", &t, &d), CJ_ERR_UNSUPPORTED);
	CHECK_STR(cj_text_kind_name(CJ_TEXT_PDF), "pdf");
	CHECK_EQ_INT(cj_text_extract_mem(NULL, 1, "x", &t, &d), CJ_ERR_USAGE);
	CHECK_EQ_INT(ex_mem(NULL, 0, "x.txt", &t, &d), CJ_OK);
	if (t) {
		CHECK_EQ_INT(t->nlines, 0);
		CHECK_STR(t->buf, "");
		cj_textdoc_free(t);
	}
	cj_textdoc_free(NULL);

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_text_extract_file(DATA "no-such-file.txt", &t, &d), CJ_ERR_IO);
	CHECK_STR(d.file, DATA "no-such-file.txt");
}

TEST(text_limits)
{
	struct cj_text_limits l = *cj_text_limits();
	struct cj_textdoc *t;
	struct cj_diag d;

	CHECK_EQ_INT(l.max_input, (size_t)64 << 20);
	CHECK_EQ_INT(l.max_text, (size_t)64 << 20);
	CHECK_EQ_INT(l.max_entries, 10000);
	CHECK_EQ_INT(l.max_ratio, 200);
	CHECK_EQ_INT(l.max_depth, 256);
	CHECK_EQ_INT(l.max_pages, 5000);

	l.max_input = 10;
	cj_text_set_limits(&l);
	CHECK_EQ_INT(ex("12345678901", "t.txt", &t, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "输入文件过大");
	CHECK_EQ_INT(ex("1234567890", "t.txt", &t, &d), CJ_OK);
	cj_textdoc_free(t);
	cj_text_set_limits(NULL);

	l = *cj_text_limits();
	l.max_text = 8;
	cj_text_set_limits(&l);
	CHECK_EQ_INT(ex("1234\n5678", "t.txt", &t, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "提取出的文本过大");
	CHECK_EQ_INT(ex("1234\n567", "t.txt", &t, &d), CJ_OK);
	cj_textdoc_free(t);
	/* one long line, as HTML */
	CHECK_EQ_INT(ex("<p>123456789</p>", "t.html", &t, &d), CJ_ERR_TOO_LARGE);
	cj_text_set_limits(NULL);

	l = *cj_text_limits();
	l.max_lines = 3;
	cj_text_set_limits(&l);
	CHECK_EQ_INT(ex("a\nb\nc\n", "t.txt", &t, &d), CJ_OK);
	cj_textdoc_free(t);
	CHECK_EQ_INT(ex("a\nb\nc\nd", "t.txt", &t, &d), CJ_ERR_TOO_LARGE);
	CHECK_CONTAINS(d.msg, "超过 3 行");
	CHECK_EQ_INT(ex("<br><br><br><br>", "t.html", &t, &d), CJ_ERR_TOO_LARGE);
	cj_text_set_limits(NULL);

	/* the depth limit never exceeds the stack the DOCX reader has */
	l = *cj_text_limits();
	l.max_depth = 100000;
	cj_text_set_limits(&l);
	CHECK_EQ_INT(cj_text_limits()->max_depth, CJ_TEXT_DEPTH_CAP);
	cj_text_set_limits(NULL);
}

/* ================================================== allocation failure */

TEST(text_oom_every_format)
{
	static const char *const extra[] = {
		"<table><tr><td>a</td><td>&amp;1 104</td></tr></table><pre>x\ny</pre>",
	};
	size_t f;

	for (f = 0; f < NREPORT_FILES + 1; f++) {
		const char *name = f < NREPORT_FILES ? report_files[f].file : "extra.html";
		char *data;
		size_t len;
		long n;
		int done = 0;

		if (f < NREPORT_FILES) {
			data = read_fixture(name, &len);
		} else {
			len = strlen(extra[0]);
			data = cj_strndup(extra[0], len);
		}
		CHECK(data != NULL);
		if (!data)
			continue;
		for (n = 0; n < 100000 && !done; n++) {
			struct cj_textdoc *t = NULL;
			struct cj_diag d;
			enum cj_err e;

			cj_diag_init(&d);
			cj_alloc_fail_after(n);
			e = cj_text_extract_mem(data, len, name, &t, &d);
			cj_alloc_fail_after(-1);
			if (e == CJ_OK) {
				check_invariants(t);
				if (f < NREPORT_FILES)
					CHECK_EQ_INT(t->nlines, REPORT_NLINES);
				cj_textdoc_free(t);
				done = 1;
			} else if (e != CJ_ERR_NOMEM) {
				cj_test_fail(__FILE__, __LINE__, "%s, failing after %ld: %s (%s)", name,
					     n, cj_strerror(e), d.msg);
				break;
			} else {
				CHECK(t == NULL);
			}
		}
		CHECK(done);
		cj_free(data);
	}
}
