/*
 * text_pdf.c - PDF pages to lines with page numbers, through poppler-glib
 * (the rules are in extract.h, under PDF).
 *
 * poppler_page_get_text() gives a page's text in reading order with '\n'
 * between lines, but glues table cells together ("合计1 104.25100.00%").
 * poppler_page_get_text_layout() gives one rectangle per character of that
 * text, so a gap wider than GAP_TAB line heights between two glyphs of one
 * line is turned into a TAB here, whether poppler put spaces there or
 * nothing.  If the rectangles do not match the text one to one, the text is
 * taken as it is.
 *
 * The document is opened from our buffer without a copy (g_bytes_new_static;
 * poppler_document_new_from_data is deprecated).  poppler and glib allocate
 * with g_malloc, outside the allocation-failure hook; glib aborts when that
 * fails.  Encrypted documents are refused, not guessed at.
 */
#include <poppler.h>
#include <string.h>

#include "../base/utf8.h"
#include "text_private.h"

#define GAP_TAB 0.8 /* gap / glyph height above which a gap is a column break */

static double dmax(double a, double b)
{
	return a > b ? a : b;
}

static double dmin(double a, double b)
{
	return a < b ? a : b;
}

/* Are a and b on one line, with more than GAP_TAB heights between them? */
static int is_column_gap(const PopplerRectangle *a, const PopplerRectangle *b)
{
	double ha = a->y2 - a->y1, hb = b->y2 - b->y1;
	double overlap = dmin(a->y2, b->y2) - dmax(a->y1, b->y1);

	if (ha <= 0 || hb <= 0 || overlap < 0.5 * dmin(ha, hb))
		return 0;
	return b->x1 - a->x2 > GAP_TAB * dmax(ha, hb);
}

/* One page's text into the builder, column gaps as TABs. */
static void page_text(struct cj_text_builder *tb, const char *text,
		      const PopplerRectangle *rects, guint nrects)
{
	size_t len = strlen(text), i, j, k, adv, nchars = 0;
	const PopplerRectangle *prev = NULL; /* last glyph of the line, not a space */

	for (i = 0; i < len; i += adv) {
		cj_utf8_decode(text + i, len - i, &adv);
		nchars++;
	}
	if (!rects || nchars != nrects) {
		cj_text_put_lines(tb, text, len);
		return;
	}
	for (i = k = 0; i < len && !tb->err;) {
		if (text[i] == '\n' || text[i] == '\r') {
			cj_text_end_line(tb);
			prev = NULL;
			i++;
			k++;
			continue;
		}
		if (text[i] == ' ') {
			for (j = i; j < len && text[j] == ' '; j++)
				;
			if (prev && j < len && text[j] != '\n' && text[j] != '\r' &&
			    is_column_gap(prev, &rects[k + (j - i)]))
				cj_text_put(tb, "\t", 1);
			else
				cj_text_put(tb, text + i, j - i);
			k += j - i;
			i = j;
			continue;
		}
		cj_utf8_decode(text + i, len - i, &adv);
		if (prev && is_column_gap(prev, &rects[k]))
			cj_text_put(tb, "\t", 1);
		cj_text_put(tb, text + i, adv);
		prev = &rects[k];
		i += adv;
		k++;
	}
}

enum cj_err cj_text_pdf(struct cj_text_builder *tb, const char *data, size_t len,
			const char *name, struct cj_diag *d)
{
	const struct cj_text_limits *l = cj_text_limits();
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *ge = NULL;
	PopplerDocument *doc;
	enum cj_err e = CJ_OK;
	int n, i;

	doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
	if (!doc) {
		if (ge && g_error_matches(ge, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
			e = cj_fail_at(d, CJ_ERR_UNSUPPORTED, name, 0, "PDF 已加密（需要密码），无法读取");
		else
			e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "无法打开 PDF：%s",
				       ge && ge->message ? ge->message : "文件已损坏");
		goto out;
	}
	n = poppler_document_get_n_pages(doc);
	if (n < 0 || (unsigned)n > l->max_pages) {
		e = cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0, "PDF 页数过多（%d 页，上限 %u 页）", n,
			       l->max_pages);
		goto out;
	}
	for (i = 0; i < n && !tb->err; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		PopplerRectangle *rects = NULL;
		guint nrects = 0;
		char *text;

		if (!page) {
			e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "无法读取 PDF 第 %d 页", i + 1);
			goto out;
		}
		text = poppler_page_get_text(page);
		if (text && *text && !poppler_page_get_text_layout(page, &rects, &nrects))
			rects = NULL;
		cj_text_set_page(tb, (unsigned)i + 1);
		if (text)
			page_text(tb, text, rects, nrects);
		cj_text_soft_break(tb);
		g_free(rects);
		g_free(text);
		g_object_unref(page);
	}
out:
	if (ge)
		g_error_free(ge);
	if (doc)
		g_object_unref(doc);
	g_bytes_unref(bytes);
	return e;
}
