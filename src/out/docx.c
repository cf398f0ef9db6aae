/*
 * docx.c - doc -> .docx (see docx.h): the body (word/document.xml), the
 * chart pictures, and the package around them.
 *
 * Every part is written through a cj_xmlw, so text from the tree is
 * escaped in one place; constant parts come from docx_styles.c, tables
 * from docx_table.c.  The body is written first (it decides how many
 * pictures there are); the parts then go into the zip in a fixed order.
 *
 * Invariant: picture k (1-based) is word/media/chart{k}.png with
 * relationship id rId{RID_MEDIA0 + k}; rId1..rId4 are the fixed parts.
 */
#include "docx.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/alloc.h"
#include "docx_int.h"
#include "png.h"
#include "xmlw.h"
#include "zipw.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

#define RID_FOOTER "rId4"
#define RID_MEDIA0 4 /* rId1 styles, rId2 settings, rId3 fontTable, rId4 footer1 */

/* Picture size: 15 cm wide (EMU, 360000 per cm), at most 19 cm tall. */
#define PIC_CX 5400000LL
#define PIC_CY_MAX 6840000LL

static const char *str(const char *s)
{
	return s ? s : "";
}

/* ------------------------------------------------------------ shared helpers */

void cj_docx_val(struct cj_xmlw *w, const char *name, const char *val)
{
	cj_xmlw_start(w, name);
	cj_xmlw_attr(w, "w:val", val);
	cj_xmlw_end(w, name);
}

void cj_docx_ival(struct cj_xmlw *w, const char *name, long long val)
{
	cj_xmlw_start(w, name);
	cj_xmlw_attr_int(w, "w:val", val);
	cj_xmlw_end(w, name);
}

static void empty(struct cj_xmlw *w, const char *name)
{
	cj_xmlw_start(w, name);
	cj_xmlw_end(w, name);
}

/* One w:t of s[0..len); xml:space="preserve" when it has spaces Word could trim. */
static void wt(struct cj_xmlw *w, const char *s, size_t len)
{
	cj_xmlw_start(w, "w:t");
	if (memchr(s, ' ', len))
		cj_xmlw_attr(w, "xml:space", "preserve");
	cj_xmlw_textn(w, s, len);
	cj_xmlw_end(w, "w:t");
}

void cj_docx_runs(struct cj_xmlw *w, const char *text, int bold)
{
	size_t i = 0, start = 0, len;

	if (!text || !*text)
		return;
	len = strlen(text);
	cj_xmlw_start(w, "w:r");
	if (bold) {
		cj_xmlw_start(w, "w:rPr");
		empty(w, "w:b");
		empty(w, "w:bCs");
		cj_xmlw_end(w, "w:rPr");
	}
	for (i = 0; i <= len; i++) {
		char c = i < len ? text[i] : '\0';

		if (c != '\0' && c != '\n' && c != '\r' && c != '\t')
			continue;
		if (i > start)
			wt(w, text + start, i - start);
		if (c == '\t') {
			empty(w, "w:tab");
		} else if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
				i++;
			empty(w, "w:br");
		}
		start = i + 1;
	}
	cj_xmlw_end(w, "w:r");
}

void cj_docx_para(struct cj_xmlw *w, const char *style, const char *jc, int before,
		  const char *text, int bold)
{
	cj_xmlw_start(w, "w:p");
	if (style || jc || before) {
		cj_xmlw_start(w, "w:pPr");
		if (style)
			cj_docx_val(w, "w:pStyle", style);
		if (before) {
			cj_xmlw_start(w, "w:spacing");
			cj_xmlw_attr_int(w, "w:before", before);
			cj_xmlw_end(w, "w:spacing");
		}
		if (jc)
			cj_docx_val(w, "w:jc", jc);
		cj_xmlw_end(w, "w:pPr");
	}
	cj_docx_runs(w, text, bold);
	cj_xmlw_end(w, "w:p");
	cj_xmlw_nl(w);
}

/* ------------------------------------------------------------ charts */

struct media {
	struct cj_buf *png; /* png[0..n): word/media/chart{k+1}.png */
	size_t n, cap;
	size_t max;         /* cap of each image buffer */
};

static void media_release(struct media *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		cj_buf_release(&m->png[i]);
	cj_free(m->png);
	m->png = NULL;
	m->n = m->cap = 0;
}

/* Width and height of a PNG from its IHDR chunk; 0 unless it is one. */
static int png_size(const struct cj_buf *b, unsigned long *wpx, unsigned long *hpx)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	const unsigned char *p = (const unsigned char *)b->ptr;

	if (b->len < 24 || memcmp(p, sig, 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
		return 0;
	*wpx = (unsigned long)p[16] << 24 | (unsigned long)p[17] << 16 | (unsigned long)p[18] << 8 |
	       p[19];
	*hpx = (unsigned long)p[20] << 24 | (unsigned long)p[21] << 16 | (unsigned long)p[22] << 8 |
	       p[23];
	return *wpx > 0 && *hpx > 0 && *wpx <= 0x7fffffffUL && *hpx <= 0x7fffffffUL;
}

/* <a:ext cx cy/> style pairs: an element with two integer attributes. */
static void pair(struct cj_xmlw *w, const char *name, const char *an, long long a,
		 const char *bn, long long b)
{
	cj_xmlw_start(w, name);
	cj_xmlw_attr_int(w, an, a);
	cj_xmlw_attr_int(w, bn, b);
	cj_xmlw_end(w, name);
}

/* The inline picture k (1-based) of cx by cy EMU. */
static void drawing(struct cj_xmlw *w, const struct cj_chart *c, size_t k, long long cx,
		    long long cy)
{
	char rid[32], name[48];

	snprintf(rid, sizeof(rid), "rId%zu", RID_MEDIA0 + k);
	snprintf(name, sizeof(name), "chart%zu.png", k);
	cj_xmlw_start(w, "w:r");
	cj_xmlw_start(w, "w:drawing");
	cj_xmlw_start(w, "wp:inline");
	cj_xmlw_attr(w, "distT", "0");
	cj_xmlw_attr(w, "distB", "0");
	cj_xmlw_attr(w, "distL", "0");
	cj_xmlw_attr(w, "distR", "0");
	pair(w, "wp:extent", "cx", cx, "cy", cy);
	cj_xmlw_start(w, "wp:effectExtent");
	cj_xmlw_attr(w, "l", "0");
	cj_xmlw_attr(w, "t", "0");
	cj_xmlw_attr(w, "r", "0");
	cj_xmlw_attr(w, "b", "0");
	cj_xmlw_end(w, "wp:effectExtent");
	cj_xmlw_start(w, "wp:docPr");
	cj_xmlw_attr_int(w, "id", (long long)k);
	cj_xmlw_attr(w, "name", c->id && *c->id ? c->id : name);
	if (c->title && *c->title)
		cj_xmlw_attr(w, "descr", c->title);
	cj_xmlw_end(w, "wp:docPr");
	cj_xmlw_start(w, "wp:cNvGraphicFramePr");
	cj_xmlw_start(w, "a:graphicFrameLocks");
	cj_xmlw_attr(w, "noChangeAspect", "1");
	cj_xmlw_end(w, "a:graphicFrameLocks");
	cj_xmlw_end(w, "wp:cNvGraphicFramePr");
	cj_xmlw_start(w, "a:graphic");
	cj_xmlw_start(w, "a:graphicData");
	cj_xmlw_attr(w, "uri", NS_PIC);
	cj_xmlw_start(w, "pic:pic");
	cj_xmlw_start(w, "pic:nvPicPr");
	cj_xmlw_start(w, "pic:cNvPr");
	cj_xmlw_attr_int(w, "id", (long long)k);
	cj_xmlw_attr(w, "name", name);
	cj_xmlw_end(w, "pic:cNvPr");
	empty(w, "pic:cNvPicPr");
	cj_xmlw_end(w, "pic:nvPicPr");
	cj_xmlw_start(w, "pic:blipFill");
	cj_xmlw_start(w, "a:blip");
	cj_xmlw_attr(w, "r:embed", rid);
	cj_xmlw_end(w, "a:blip");
	cj_xmlw_start(w, "a:stretch");
	empty(w, "a:fillRect");
	cj_xmlw_end(w, "a:stretch");
	cj_xmlw_end(w, "pic:blipFill");
	cj_xmlw_start(w, "pic:spPr");
	cj_xmlw_start(w, "a:xfrm");
	pair(w, "a:off", "x", 0, "y", 0);
	pair(w, "a:ext", "cx", cx, "cy", cy);
	cj_xmlw_end(w, "a:xfrm");
	cj_xmlw_start(w, "a:prstGeom");
	cj_xmlw_attr(w, "prst", "rect");
	empty(w, "a:avLst");
	cj_xmlw_end(w, "a:prstGeom");
	cj_xmlw_end(w, "pic:spPr");
	cj_xmlw_end(w, "pic:pic");
	cj_xmlw_end(w, "a:graphicData");
	cj_xmlw_end(w, "a:graphic");
	cj_xmlw_end(w, "wp:inline");
	cj_xmlw_end(w, "w:drawing");
	cj_xmlw_end(w, "w:r");
}

/* A chart: its PNG into `m`, a centred paragraph showing it, then its caption. */
static enum cj_err chart(struct cj_xmlw *w, const struct cj_chart *c, struct media *m)
{
	unsigned long wpx, hpx;
	long long cx = PIC_CX, cy;
	struct cj_buf *png;
	enum cj_err e;

	if (!c)
		return CJ_ERR_USAGE;
	if (m->n == m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 8;
		struct cj_buf *np = cj_realloc(m->png, ncap * sizeof(*np));

		if (!np)
			return CJ_ERR_NOMEM;
		m->png = np;
		m->cap = ncap;
	}
	png = &m->png[m->n++];
	cj_buf_init(png, m->max);
	e = cj_chart_png(c, CJ_DOCX_CHART_PX, png);
	if (e)
		return e;
	if (!png_size(png, &wpx, &hpx))
		return CJ_ERR_USAGE;
	cy = cx * (long long)hpx / (long long)wpx;
	if (cy > PIC_CY_MAX) {
		cx = PIC_CY_MAX * (long long)wpx / (long long)hpx;
		cy = PIC_CY_MAX;
	}
	cj_xmlw_start(w, "w:p");
	cj_xmlw_start(w, "w:pPr");
	cj_docx_val(w, "w:pStyle", "Figure");
	cj_xmlw_end(w, "w:pPr");
	drawing(w, c, m->n, cx, cy);
	cj_xmlw_end(w, "w:p");
	cj_xmlw_nl(w);
	if (c->caption && *c->caption)
		cj_docx_para(w, "Caption", NULL, 0, c->caption, 0);
	return CJ_OK;
}

/* ------------------------------------------------------------ body */

static void page_break(struct cj_xmlw *w)
{
	cj_xmlw_start(w, "w:p");
	cj_xmlw_start(w, "w:r");
	cj_xmlw_start(w, "w:br");
	cj_xmlw_attr(w, "w:type", "page");
	cj_xmlw_end(w, "w:br");
	cj_xmlw_end(w, "w:r");
	cj_xmlw_end(w, "w:p");
	cj_xmlw_nl(w);
}

static void sect_pr(struct cj_xmlw *w)
{
	cj_xmlw_start(w, "w:sectPr");
	cj_xmlw_start(w, "w:footerReference");
	cj_xmlw_attr(w, "w:type", "default");
	cj_xmlw_attr(w, "r:id", RID_FOOTER);
	cj_xmlw_end(w, "w:footerReference");
	cj_xmlw_start(w, "w:pgSz");
	cj_xmlw_attr_int(w, "w:w", CJ_DOCX_PAGE_W);
	cj_xmlw_attr_int(w, "w:h", CJ_DOCX_PAGE_H);
	cj_xmlw_end(w, "w:pgSz");
	cj_xmlw_start(w, "w:pgMar");
	cj_xmlw_attr_int(w, "w:top", CJ_DOCX_MARGIN_TOP);
	cj_xmlw_attr_int(w, "w:right", CJ_DOCX_MARGIN_RIGHT);
	cj_xmlw_attr_int(w, "w:bottom", CJ_DOCX_MARGIN_BOTTOM);
	cj_xmlw_attr_int(w, "w:left", CJ_DOCX_MARGIN_LEFT);
	cj_xmlw_attr_int(w, "w:header", CJ_DOCX_HEADER);
	cj_xmlw_attr_int(w, "w:footer", CJ_DOCX_FOOTER);
	cj_xmlw_attr(w, "w:gutter", "0");
	cj_xmlw_end(w, "w:pgMar");
	cj_xmlw_start(w, "w:pgNumType");
	cj_xmlw_attr(w, "w:start", "1");
	cj_xmlw_end(w, "w:pgNumType");
	cj_xmlw_start(w, "w:cols");
	cj_xmlw_attr(w, "w:space", "425");
	cj_xmlw_end(w, "w:cols");
	cj_xmlw_start(w, "w:docGrid");
	cj_xmlw_attr_int(w, "w:linePitch", CJ_DOCX_LINE);
	cj_xmlw_end(w, "w:docGrid");
	cj_xmlw_end(w, "w:sectPr");
}

static enum cj_err body(struct cj_xmlw *w, const struct cj_doc *doc, struct media *m)
{
	static const char *const heading[] = {"Heading1", "Heading2", "Heading3", "Heading4"};
	int pending_break = 0, after_table = 0;
	enum cj_err e = CJ_OK;
	size_t i;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "w:document");
	cj_xmlw_attr(w, "xmlns:w", NS_W);
	cj_xmlw_attr(w, "xmlns:r", NS_R);
	cj_xmlw_attr(w, "xmlns:wp", NS_WP);
	cj_xmlw_attr(w, "xmlns:a", NS_A);
	cj_xmlw_attr(w, "xmlns:pic", NS_PIC);
	cj_xmlw_start(w, "w:body");
	cj_xmlw_nl(w);
	if (doc->title && *doc->title)
		cj_docx_para(w, "Title", NULL, 0, doc->title, 0);
	for (i = 0; i < doc->n && !e && !cj_xmlw_err(w); i++) {
		const struct cj_node *nd = &doc->nodes[i];
		int level, gap = after_table ? CJ_DOCX_GAP : 0;

		if (nd->kind == CJ_N_PAGEBREAK) {
			pending_break = 1;
			continue;
		}
		if (pending_break) {
			page_break(w);
			pending_break = 0;
			after_table = 0;
		}
		switch (nd->kind) {
		case CJ_N_HEADING:
			level = nd->level < 1 ? 1 : nd->level > 4 ? 4 : nd->level;
			/* Heading1 and Heading2 have space before of their own. */
			cj_docx_para(w, heading[level - 1], NULL, level > 2 ? gap : 0, str(nd->text),
				     0);
			after_table = 0;
			break;
		case CJ_N_PARA:
			cj_docx_para(w, NULL, NULL, gap, str(nd->text), 0);
			after_table = 0;
			break;
		case CJ_N_NOTE:
			cj_docx_para(w, "Note", NULL, gap, str(nd->text), 0);
			after_table = 0;
			break;
		case CJ_N_TABLE:
			e = cj_docx_table(w, nd->table, &after_table);
			break;
		case CJ_N_CHART:
			after_table = 0;
			e = chart(w, nd->chart, m);
			if (!e)
				e = cj_docx_chart_table(w, nd->chart, &after_table);
			break;
		default:
			e = CJ_ERR_USAGE;
			break;
		}
	}
	if (e)
		return e;
	if (after_table)
		cj_docx_para(w, NULL, NULL, 0, NULL, 0); /* Word wants a paragraph after the last table */
	sect_pr(w);
	cj_xmlw_end(w, "w:body");
	cj_xmlw_end(w, "w:document");
	cj_xmlw_nl(w);
	return cj_xmlw_finish(w);
}

/* ------------------------------------------------------------ package parts */

static void footer_part(struct cj_xmlw *w)
{
	static const char *const fld[] = {"begin", NULL, "separate", "1", "end"};
	size_t i;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "w:ftr");
	cj_xmlw_attr(w, "xmlns:w", NS_W);
	cj_xmlw_attr(w, "xmlns:r", NS_R);
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "w:p");
	cj_xmlw_start(w, "w:pPr");
	cj_docx_val(w, "w:pStyle", "Footer");
	cj_xmlw_end(w, "w:pPr");
	cj_docx_runs(w, "\xE2\x80\x94 ", 0); /* "— 1 —", the dashes of GB/T 9704 */
	for (i = 0; i < sizeof(fld) / sizeof(fld[0]); i++) {
		cj_xmlw_start(w, "w:r");
		if (i == 1) {
			cj_xmlw_start(w, "w:instrText");
			cj_xmlw_attr(w, "xml:space", "preserve");
			cj_xmlw_text(w, " PAGE ");
			cj_xmlw_end(w, "w:instrText");
		} else if (i == 3) {
			cj_xmlw_start(w, "w:t");
			cj_xmlw_text(w, fld[i]);
			cj_xmlw_end(w, "w:t");
		} else {
			cj_xmlw_start(w, "w:fldChar");
			cj_xmlw_attr(w, "w:fldCharType", fld[i]);
			cj_xmlw_end(w, "w:fldChar");
		}
		cj_xmlw_end(w, "w:r");
	}
	cj_docx_runs(w, " \xE2\x80\x94", 0);
	cj_xmlw_end(w, "w:p");
	cj_xmlw_nl(w);
	cj_xmlw_end(w, "w:ftr");
	cj_xmlw_nl(w);
}

static void content_type(struct cj_xmlw *w, const char *el, const char *key, const char *kval,
			 const char *type)
{
	cj_xmlw_start(w, el);
	cj_xmlw_attr(w, key, kval);
	cj_xmlw_attr(w, "ContentType", type);
	cj_xmlw_end(w, el);
	cj_xmlw_nl(w);
}

static void content_types_part(struct cj_xmlw *w)
{
	static const struct {
		const char *part, *type;
	} over[] = {
		{"/word/document.xml", CT_WML "document.main+xml"},
		{"/word/styles.xml", CT_WML "styles+xml"},
		{"/word/settings.xml", CT_WML "settings+xml"},
		{"/word/fontTable.xml", CT_WML "fontTable+xml"},
		{"/word/footer1.xml", CT_WML "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml",
		 "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	};
	size_t i;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "Types");
	cj_xmlw_attr(w, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	cj_xmlw_nl(w);
	content_type(w, "Default", "Extension", "rels",
		     "application/vnd.openxmlformats-package.relationships+xml");
	content_type(w, "Default", "Extension", "xml", "application/xml");
	content_type(w, "Default", "Extension", "png", "image/png");
	for (i = 0; i < sizeof(over) / sizeof(over[0]); i++)
		content_type(w, "Override", "PartName", over[i].part, over[i].type);
	cj_xmlw_end(w, "Types");
	cj_xmlw_nl(w);
}

static void rel(struct cj_xmlw *w, const char *id, const char *type, const char *target)
{
	cj_xmlw_start(w, "Relationship");
	cj_xmlw_attr(w, "Id", id);
	cj_xmlw_attr(w, "Type", type);
	cj_xmlw_attr(w, "Target", target);
	cj_xmlw_end(w, "Relationship");
	cj_xmlw_nl(w);
}

static void package_rels_part(struct cj_xmlw *w)
{
	cj_xmlw_decl(w);
	cj_xmlw_start(w, "Relationships");
	cj_xmlw_attr(w, "xmlns", NS_PKG_REL);
	cj_xmlw_nl(w);
	rel(w, "rId1", REL_OFFICE "officeDocument", "word/document.xml");
	rel(w, "rId2", NS_PKG_REL "/metadata/core-properties", "docProps/core.xml");
	rel(w, "rId3", REL_OFFICE "extended-properties", "docProps/app.xml");
	cj_xmlw_end(w, "Relationships");
	cj_xmlw_nl(w);
}

static void document_rels_part(struct cj_xmlw *w, size_t nmedia)
{
	char id[32], target[48];
	size_t k;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "Relationships");
	cj_xmlw_attr(w, "xmlns", NS_PKG_REL);
	cj_xmlw_nl(w);
	rel(w, "rId1", REL_OFFICE "styles", "styles.xml");
	rel(w, "rId2", REL_OFFICE "settings", "settings.xml");
	rel(w, "rId3", REL_OFFICE "fontTable", "fontTable.xml");
	rel(w, RID_FOOTER, REL_OFFICE "footer", "footer1.xml");
	for (k = 1; k <= nmedia; k++) {
		snprintf(id, sizeof(id), "rId%zu", RID_MEDIA0 + k);
		snprintf(target, sizeof(target), "media/chart%zu.png", k);
		rel(w, id, REL_OFFICE "image", target);
	}
	cj_xmlw_end(w, "Relationships");
	cj_xmlw_nl(w);
}

/* W3CDTF date of SOURCE_DATE_EPOCH, else of now, into buf (cap >= 80). */
static void w3c_date(char *buf, size_t cap)
{
	long long epoch;
	struct tm tm;
	time_t t;

	t = cj_zip_source_date(&epoch) ? (time_t)epoch : time(NULL);
	memset(&tm, 0, sizeof(tm));
	if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999) {
		snprintf(buf, cap, "1980-01-01T00:00:00Z");
		return;
	}
	snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void text_el(struct cj_xmlw *w, const char *name, const char *text)
{
	cj_xmlw_start(w, name);
	cj_xmlw_text(w, text);
	cj_xmlw_end(w, name);
	cj_xmlw_nl(w);
}

static void core_part(struct cj_xmlw *w, const struct cj_doc *doc)
{
	static const char *const dates[] = {"dcterms:created", "dcterms:modified"};
	char date[80];
	size_t i;

	w3c_date(date, sizeof(date));
	cj_xmlw_decl(w);
	cj_xmlw_start(w, "cp:coreProperties");
	cj_xmlw_attr(w, "xmlns:cp",
		     "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	cj_xmlw_attr(w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	cj_xmlw_attr(w, "xmlns:dcterms", "http://purl.org/dc/terms/");
	cj_xmlw_attr(w, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
	cj_xmlw_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	cj_xmlw_nl(w);
	text_el(w, "dc:title", str(doc->title));
	text_el(w, "dc:creator", str(doc->author));
	text_el(w, "cp:lastModifiedBy", str(doc->author));
	text_el(w, "dc:language", "zh-CN");
	for (i = 0; i < 2; i++) {
		cj_xmlw_start(w, dates[i]);
		cj_xmlw_attr(w, "xsi:type", "dcterms:W3CDTF");
		cj_xmlw_text(w, date);
		cj_xmlw_end(w, dates[i]);
		cj_xmlw_nl(w);
	}
	cj_xmlw_end(w, "cp:coreProperties");
	cj_xmlw_nl(w);
}

static void app_part(struct cj_xmlw *w, const struct cj_doc *doc)
{
	cj_xmlw_decl(w);
	cj_xmlw_start(w, "Properties");
	cj_xmlw_attr(w, "xmlns",
		     "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	cj_xmlw_attr(w, "xmlns:vt",
		     "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
	cj_xmlw_nl(w);
	text_el(w, "Application", "caijue");
	text_el(w, "DocSecurity", "0");
	if (doc->author && *doc->author)
		text_el(w, "Company", doc->author);
	cj_xmlw_end(w, "Properties");
	cj_xmlw_nl(w);
}

/* ------------------------------------------------------------ assembly */

enum part_kind {
	P_TYPES, P_RELS, P_CORE, P_APP, P_STYLES, P_SETTINGS, P_FONTS, P_FOOTER, P_DOC_RELS
};

/* Write part `kind` and add it to the zip as `name`; returns the first error. */
static enum cj_err add_part(struct cj_zipw *z, const char *name, enum part_kind kind,
			    const struct cj_doc *doc, size_t nmedia, size_t max)
{
	struct cj_xmlw w;
	struct cj_buf b;
	enum cj_err e;

	cj_buf_init(&b, max);
	cj_xmlw_init(&w, &b);
	switch (kind) {
	case P_TYPES: content_types_part(&w); break;
	case P_RELS: package_rels_part(&w); break;
	case P_CORE: core_part(&w, doc); break;
	case P_APP: app_part(&w, doc); break;
	case P_STYLES: cj_docx_styles_part(&w); break;
	case P_SETTINGS: cj_docx_settings_part(&w); break;
	case P_FONTS: cj_docx_fonts_part(&w); break;
	case P_FOOTER: footer_part(&w); break;
	case P_DOC_RELS: document_rels_part(&w, nmedia); break;
	}
	e = cj_xmlw_finish(&w);
	if (e) {
		cj_buf_release(&b);
		return e;
	}
	return cj_zipw_add_buf(z, name, &b, CJ_ZIP_DEFLATE);
}

enum cj_err cj_docx_render(const struct cj_doc *doc, struct cj_buf *out)
{
	static const struct {
		const char *name;
		enum part_kind kind;
	} before[] = {
		{"[Content_Types].xml", P_TYPES},
		{"_rels/.rels", P_RELS},
		{"docProps/core.xml", P_CORE},
		{"docProps/app.xml", P_APP},
	}, after[] = {
		{"word/styles.xml", P_STYLES},
		{"word/settings.xml", P_SETTINGS},
		{"word/fontTable.xml", P_FONTS},
		{"word/footer1.xml", P_FOOTER},
		{"word/_rels/document.xml.rels", P_DOC_RELS},
	};
	struct media m = {NULL, 0, 0, 0};
	struct cj_zipw *z = NULL;
	struct cj_xmlw w;
	struct cj_buf doc_xml;
	char name[48];
	size_t i;
	enum cj_err e;

	if (!doc || !out)
		return CJ_ERR_USAGE;
	if (doc->err)
		return doc->err;
	m.max = out->max;
	cj_buf_init(&doc_xml, out->max);
	cj_xmlw_init(&w, &doc_xml);
	e = body(&w, doc, &m);
	if (e)
		goto out;
	z = cj_zipw_new();
	if (!z) {
		e = CJ_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < sizeof(before) / sizeof(before[0]) && !e; i++)
		e = add_part(z, before[i].name, before[i].kind, doc, m.n, out->max);
	if (!e)
		e = cj_zipw_add_buf(z, "word/document.xml", &doc_xml, CJ_ZIP_DEFLATE);
	for (i = 0; i < sizeof(after) / sizeof(after[0]) && !e; i++)
		e = add_part(z, after[i].name, after[i].kind, doc, m.n, out->max);
	for (i = 0; i < m.n && !e; i++) {
		snprintf(name, sizeof(name), "word/media/chart%zu.png", i + 1);
		e = cj_zipw_add_buf(z, name, &m.png[i], CJ_ZIP_STORE);
	}
	if (!e)
		e = cj_zipw_finish(z, out);
out:
	cj_zipw_free(z);
	cj_buf_release(&doc_xml);
	media_release(&m);
	return e;
}
