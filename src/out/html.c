/*
 * html.c - doc -> one self-contained HTML page (see html.h).
 *
 * The renderer words nothing and computes no figure: every visible string
 * is a field of the tree, except the table-of-contents label 目录.  It
 * writes through one cj_xmlw in HTML mode; the constant style sheet and
 * the SVG made by cj_svg_chart() are the only raw markup.
 */
#include "html.h"

#include <stdio.h>
#include <string.h>

#include "svg.h"
#include "xmlw.h"

/* ------------------------------------------------------------ style */

#define FONT_BODY                                                                  \
	"\"FangSong\", \"仿宋\", \"FangSong_GB2312\", \"仿宋_GB2312\", \"STFangsong\", " \
	"\"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"
#define FONT_HEAD                                                                \
	"\"SimHei\", \"黑体\", \"Heiti SC\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", " \
	"\"Microsoft YaHei\", sans-serif"
#define FONT_TITLE                                                                 \
	"\"FZXiaoBiaoSong-B05S\", \"方正小标宋简体\", \"SimHei\", \"黑体\", "          \
	"\"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif"
#define FONT_TABLE \
	"\"SimSun\", \"宋体\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"

static const char css[] =
	"\n"
	"@page { size: A4; margin: 25mm 20mm; }\n"
	"html { background: #eeeeee; }\n"
	"body { margin: 0; color: #000000; font-family: " FONT_BODY "; font-size: 18px;"
	" line-height: 1.8; }\n"
	"main { box-sizing: border-box; max-width: 210mm; margin: 24px auto; padding: 25mm 20mm;"
	" background: #ffffff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.2); }\n"
	"h1, h2, h3, h4, .doc-title, .toc-title, .tbl-title { font-family: " FONT_HEAD ";"
	" font-weight: normal; line-height: 1.5; break-after: avoid; page-break-after: avoid; }\n"
	"h1.doc-title { font-family: " FONT_TITLE "; font-size: 28px; font-weight: bold;"
	" text-align: center; text-wrap: balance; margin: 0 0 1.2em; }\n"
	"h1 { font-size: 22px; text-align: center; margin: 1.6em 0 0.8em; }\n"
	"h2 { font-size: 20px; margin: 1.2em 0 0.5em; text-indent: 2em; }\n"
	"h3 { font-size: 18px; margin: 1em 0 0.4em; text-indent: 2em; }\n"
	"h4 { font-size: 18px; margin: 0.8em 0 0.3em; text-indent: 2em; }\n"
	"p { margin: 0 0 0.4em; text-indent: 2em; text-align: justify; }\n"
	"p.note { font-size: 15px; color: #333333; line-height: 1.6; }\n"
	"nav.toc { margin: 0 0 2em; padding: 0.6em 1.2em; border: 1px solid #cccccc; }\n"
	"nav.toc .toc-title { text-indent: 0; text-align: center; font-size: 20px;"
	" margin: 0 0 0.3em; }\n"
	"nav.toc ul { list-style: none; margin: 0; padding: 0; }\n"
	"nav.toc li.toc2 { padding-left: 2em; }\n"
	"nav.toc a { color: inherit; text-decoration: none; }\n"
	"nav.toc a:hover { text-decoration: underline; }\n"
	".tbl { margin: 1.2em 0; }\n"
	".tbl p { text-indent: 0; margin: 0; }\n"
	".tbl .tbl-number { text-align: right; font-size: 15px; }\n"
	".tbl .tbl-title { text-align: center; font-size: 20px; margin: 0.1em 0 0.2em; }\n"
	".tbl .tbl-unit { font-size: 15px; margin: 0 0 0.2em; }\n"
	".tbl .tbl-note { font-size: 14px; margin: 0.4em 0 0; line-height: 1.6; }\n"
	"table { width: 100%; border-collapse: collapse; font-family: " FONT_TABLE ";"
	" font-size: 13px; line-height: 1.4; }\n"
	"th, td { border: 1px solid #000000; padding: 3px 5px; vertical-align: middle; }\n"
	"th { font-weight: bold; text-align: center; background: #f2f2f2; }\n"
	"td.c { text-align: center; }\n"
	"td.num, th.num { text-align: right; white-space: nowrap;"
	" font-variant-numeric: tabular-nums; }\n"
	"td.b { font-weight: bold; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"figure.chart { margin: 1.2em auto; text-align: center; break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	"figure.chart svg { max-width: 100%; height: auto; }\n"
	"figure.chart figcaption { font-size: 15px; margin-top: 0.3em; }\n"
	".pagebreak { break-before: page; page-break-before: always; height: 0; }\n"
	"@media print {\n"
	"  html { background: none; }\n"
	"  body { font-size: 16pt; line-height: 28pt; }\n"
	"  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }\n"
	"  h1.doc-title { font-size: 22pt; }\n"
	"  h1, h2, h3, h4 { font-size: 16pt; }\n"
	"  p.note, .tbl .tbl-note { font-size: 12pt; line-height: 20pt; }\n"
	"  .tbl .tbl-number, .tbl .tbl-unit { font-size: 12pt; }\n"
	"  .tbl .tbl-title { font-size: 16pt; }\n"
	"  table { font-size: 10.5pt; line-height: 1.3; }\n"
	"  th { background: none; }\n"
	"  nav.toc { border: none; padding: 0; }\n"
	"  figure.chart figcaption { font-size: 12pt; }\n"
	"}\n";

/* ------------------------------------------------------------ helpers */

static const char *str(const char *s)
{
	return s ? s : "";
}

static int clamp_level(int level)
{
	return level < 1 ? 1 : level > 4 ? 4 : level;
}

static const char *const hnames[] = {"h1", "h2", "h3", "h4"};

/* An element holding only text, with an optional class. */
static void simple(struct cj_xmlw *w, const char *name, const char *cls, const char *text)
{
	cj_xmlw_start(w, name);
	if (cls)
		cj_xmlw_attr(w, "class", cls);
	cj_xmlw_text(w, str(text));
	cj_xmlw_end(w, name);
	cj_xmlw_nl(w);
}

/* ------------------------------------------------------------ head, toc */

static void head(struct cj_xmlw *w, const struct cj_doc *doc)
{
	static const char doctype[] = "<!DOCTYPE html>\n";

	cj_xmlw_raw(w, doctype, sizeof(doctype) - 1);
	cj_xmlw_start(w, "html");
	cj_xmlw_attr(w, "lang", "zh-CN");
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "head");
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "meta");
	cj_xmlw_attr(w, "charset", "utf-8");
	cj_xmlw_end(w, "meta");
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "meta");
	cj_xmlw_attr(w, "name", "viewport");
	cj_xmlw_attr(w, "content", "width=device-width, initial-scale=1");
	cj_xmlw_end(w, "meta");
	cj_xmlw_nl(w);
	if (doc->author && *doc->author) {
		cj_xmlw_start(w, "meta");
		cj_xmlw_attr(w, "name", "author");
		cj_xmlw_attr(w, "content", doc->author);
		cj_xmlw_end(w, "meta");
		cj_xmlw_nl(w);
	}
	cj_xmlw_start(w, "meta");
	cj_xmlw_attr(w, "name", "generator");
	cj_xmlw_attr(w, "content", "caijue");
	cj_xmlw_end(w, "meta");
	cj_xmlw_nl(w);
	simple(w, "title", NULL, doc->title);
	cj_xmlw_start(w, "style");
	cj_xmlw_raw(w, css, sizeof(css) - 1);
	cj_xmlw_end(w, "style");
	cj_xmlw_nl(w);
	cj_xmlw_end(w, "head");
	cj_xmlw_nl(w);
}

static void sec_id(char *buf, size_t cap, size_t k)
{
	snprintf(buf, cap, "sec-%zu", k);
}

/* The contents: level-1 and level-2 headings, linked to their ids. */
static void toc(struct cj_xmlw *w, const struct cj_doc *doc)
{
	size_t i, k = 0, n = 0;
	char id[40], href[48];

	for (i = 0; i < doc->n; i++)
		if (doc->nodes[i].kind == CJ_N_HEADING && clamp_level(doc->nodes[i].level) <= 2)
			n++;
	if (!n)
		return;
	cj_xmlw_start(w, "nav");
	cj_xmlw_attr(w, "class", "toc");
	cj_xmlw_attr(w, "aria-label", "目录");
	cj_xmlw_nl(w);
	simple(w, "p", "toc-title", "目录");
	cj_xmlw_start(w, "ul");
	cj_xmlw_nl(w);
	for (i = 0; i < doc->n; i++) {
		const struct cj_node *nd = &doc->nodes[i];
		int level;

		if (nd->kind != CJ_N_HEADING)
			continue;
		k++;
		level = clamp_level(nd->level);
		if (level > 2)
			continue;
		sec_id(id, sizeof(id), k);
		snprintf(href, sizeof(href), "#%s", id);
		cj_xmlw_start(w, "li");
		cj_xmlw_attr(w, "class", level == 1 ? "toc1" : "toc2");
		cj_xmlw_start(w, "a");
		cj_xmlw_attr(w, "href", href);
		cj_xmlw_text(w, str(nd->text));
		cj_xmlw_end(w, "a");
		cj_xmlw_end(w, "li");
		cj_xmlw_nl(w);
	}
	cj_xmlw_end(w, "ul");
	cj_xmlw_nl(w);
	cj_xmlw_end(w, "nav");
	cj_xmlw_nl(w);
}

/* ------------------------------------------------------------ tables */

/*
 * 1 if the covered cell (r, c) belongs to a spanning cell that starts in
 * the same row group (rows r0..r), so the span already fills it.  A span
 * that crosses from <thead> into <tbody> is cut at the boundary; the
 * positions it loses get empty cells, so every row keeps ncols columns.
 */
static int covered_in_group(const struct cj_table *t, size_t r, size_t c, size_t r0,
			    size_t r1)
{
	size_t rr = r + 1, cc;

	while (rr-- > r0) {
		for (cc = c + 1; cc-- > 0;) {
			const struct cj_cell *a = &t->cells[rr * t->ncols + cc];
			size_t rs, cs;

			if (!a->colspan || !a->rowspan)
				continue;
			rs = a->rowspan < r1 - rr ? a->rowspan : r1 - rr;
			cs = a->colspan < t->ncols - cc ? a->colspan : t->ncols - cc;
			if (rr + rs > r && cc + cs > c)
				return 1;
		}
	}
	return 0;
}

/* Class of a cell: num (amounts, right-aligned), c (centred), b (bold). */
static void cell_class(const struct cj_cell *cl, int head, char *buf, size_t cap)
{
	size_t n = 0;

	buf[0] = '\0';
	if (cl->is_amount || cl->align == CJ_AL_RIGHT)
		n += (size_t)snprintf(buf + n, cap - n, "num");
	else if (cl->align == CJ_AL_CENTER && !head)
		n += (size_t)snprintf(buf + n, cap - n, "c");
	if (cl->bold && !head)
		snprintf(buf + n, cap - n, "%sb", n ? " " : "");
}

static void rows(struct cj_xmlw *w, const struct cj_table *t, size_t r0, size_t r1, int head)
{
	const char *cname = head ? "th" : "td";
	const char *group = head ? "thead" : "tbody";
	size_t r, c;
	char cls[16];

	if (r0 >= r1)
		return;
	cj_xmlw_start(w, group);
	cj_xmlw_nl(w);
	for (r = r0; r < r1; r++) {
		cj_xmlw_start(w, "tr");
		for (c = 0; c < t->ncols; c++) {
			const struct cj_cell *cl = &t->cells[r * t->ncols + c];
			size_t cs, rs;

			if (!cl->colspan || !cl->rowspan) {
				if (!covered_in_group(t, r, c, r0, r1)) {
					cj_xmlw_start(w, cname);
					cj_xmlw_end(w, cname);
				}
				continue;
			}
			cs = cl->colspan < t->ncols - c ? cl->colspan : t->ncols - c;
			rs = cl->rowspan < r1 - r ? cl->rowspan : r1 - r;
			cj_xmlw_start(w, cname);
			if (cs > 1)
				cj_xmlw_attr_int(w, "colspan", (long long)cs);
			if (rs > 1)
				cj_xmlw_attr_int(w, "rowspan", (long long)rs);
			cell_class(cl, head, cls, sizeof(cls));
			if (*cls)
				cj_xmlw_attr(w, "class", cls);
			cj_xmlw_text(w, str(cl->text));
			cj_xmlw_end(w, cname);
		}
		cj_xmlw_end(w, "tr");
		cj_xmlw_nl(w);
	}
	cj_xmlw_end(w, group);
	cj_xmlw_nl(w);
}

static void colgroup(struct cj_xmlw *w, const struct cj_table *t)
{
	unsigned long sum = 0;
	size_t c;
	char style[48], pct[24];

	if (!t->col_width)
		return;
	for (c = 0; c < t->ncols; c++)
		sum += t->col_width[c];
	if (!sum)
		return;
	cj_xmlw_start(w, "colgroup");
	for (c = 0; c < t->ncols; c++) {
		/* Share of the width in tenths of a percent (layout, not money). */
		long tenths = (long)((unsigned long)t->col_width[c] * 1000UL / sum);

		cj_xmlw_fmt_tenths(pct, sizeof(pct), tenths);
		snprintf(style, sizeof(style), "width: %s%%", pct);
		cj_xmlw_start(w, "col");
		cj_xmlw_attr(w, "style", style);
		cj_xmlw_end(w, "col");
	}
	cj_xmlw_end(w, "colgroup");
	cj_xmlw_nl(w);
}

static enum cj_err table(struct cj_xmlw *w, const struct cj_table *t)
{
	size_t hr;

	if (!t || (t->nrows && t->ncols && !t->cells))
		return CJ_ERR_USAGE;
	cj_xmlw_start(w, "div");
	cj_xmlw_attr(w, "class", "tbl");
	if (t->id && *t->id)
		cj_xmlw_attr(w, "id", t->id);
	cj_xmlw_nl(w);
	if (t->number && *t->number)
		simple(w, "p", "tbl-number", t->number);
	if (t->title && *t->title)
		simple(w, "p", "tbl-title", t->title);
	if (t->unit_line && *t->unit_line)
		simple(w, "p", "tbl-unit", t->unit_line);
	if (t->nrows && t->ncols) {
		hr = t->header_rows < t->nrows ? t->header_rows : t->nrows;
		cj_xmlw_start(w, "table");
		cj_xmlw_nl(w);
		colgroup(w, t);
		rows(w, t, 0, hr, 1);
		rows(w, t, hr, t->nrows, 0);
		cj_xmlw_end(w, "table");
		cj_xmlw_nl(w);
	}
	if (t->note && *t->note)
		simple(w, "p", "tbl-note", t->note);
	cj_xmlw_end(w, "div");
	cj_xmlw_nl(w);
	return CJ_OK;
}

/* ------------------------------------------------------------ charts */

static enum cj_err chart(struct cj_xmlw *w, const struct cj_chart *c)
{
	struct cj_buf svg;
	const struct cj_buf *out = w->out;
	/* What is left of the page's cap, plus the declaration we strip. */
	size_t room = (out->max > out->len ? out->max - out->len : 0) + 64;
	const char *p, *end;
	enum cj_err e;

	if (!c)
		return CJ_ERR_USAGE;
	cj_buf_init(&svg, room);
	e = cj_svg_chart(c, &svg);
	if (e) {
		cj_buf_release(&svg);
		return e;
	}
	p = cj_buf_str(&svg);
	end = p + svg.len;
	if (strncmp(p, "<?xml", 5) == 0) {
		const char *q = strstr(p, "?>");

		p = q ? q + 2 : end;
		if (p < end && *p == '\n')
			p++;
	}
	cj_xmlw_start(w, "figure");
	cj_xmlw_attr(w, "class", "chart");
	if (c->id && *c->id)
		cj_xmlw_attr(w, "id", c->id);
	cj_xmlw_nl(w);
	cj_xmlw_raw(w, p, (size_t)(end - p));
	if (c->caption && *c->caption)
		simple(w, "figcaption", NULL, c->caption);
	cj_xmlw_end(w, "figure");
	cj_xmlw_nl(w);
	cj_buf_release(&svg);
	return CJ_OK;
}

/* ------------------------------------------------------------ page */

enum cj_err cj_html_render(const struct cj_doc *doc, struct cj_buf *out)
{
	struct cj_xmlw w;
	enum cj_err e = CJ_OK;
	size_t i, k = 0;
	char id[40];

	if (!doc || !out)
		return CJ_ERR_USAGE;
	if (doc->err)
		return doc->err;
	cj_xmlw_init_html(&w, out);
	head(&w, doc);
	cj_xmlw_start(&w, "body");
	cj_xmlw_nl(&w);
	cj_xmlw_start(&w, "main");
	cj_xmlw_nl(&w);
	simple(&w, "h1", "doc-title", doc->title);
	toc(&w, doc);
	for (i = 0; i < doc->n && !e && !cj_xmlw_err(&w); i++) {
		const struct cj_node *nd = &doc->nodes[i];
		const char *h;

		switch (nd->kind) {
		case CJ_N_HEADING:
			h = hnames[clamp_level(nd->level) - 1];
			sec_id(id, sizeof(id), ++k);
			cj_xmlw_start(&w, h);
			cj_xmlw_attr(&w, "id", id);
			cj_xmlw_text(&w, str(nd->text));
			cj_xmlw_end(&w, h);
			cj_xmlw_nl(&w);
			break;
		case CJ_N_PARA:
			simple(&w, "p", NULL, nd->text);
			break;
		case CJ_N_NOTE:
			simple(&w, "p", "note", nd->text);
			break;
		case CJ_N_TABLE:
			e = table(&w, nd->table);
			break;
		case CJ_N_CHART:
			e = chart(&w, nd->chart);
			break;
		case CJ_N_PAGEBREAK:
			cj_xmlw_start(&w, "div");
			cj_xmlw_attr(&w, "class", "pagebreak");
			cj_xmlw_end(&w, "div");
			cj_xmlw_nl(&w);
			break;
		default:
			e = CJ_ERR_USAGE;
			break;
		}
	}
	if (e)
		return e;
	cj_xmlw_end(&w, "main");
	cj_xmlw_nl(&w);
	cj_xmlw_end(&w, "body");
	cj_xmlw_nl(&w);
	cj_xmlw_end(&w, "html");
	cj_xmlw_nl(&w);
	return cj_xmlw_finish(&w);
}
