/*
 * audit.c - the driver of the auditor: one extracted document in,
 * findings and coverage out.
 *
 *   paragraphs -> figures (scan.c) -> claims (claim.c) -> structures
 *   (structure.c, table.c) -> subject index -> checks (checks_*.c,
 *   sections.c) -> coverage
 *
 * Also the helpers every check shares: the interval a figure stands for,
 * its text as written, its line, and reporting a finding at a figure (one
 * finding per figure: the first check to object wins, so the same slip is
 * not reported twice under two rules).
 *
 * Paragraphs: every line of text, HTML and DOCX is one paragraph; in a PDF
 * a line that reaches the right margin continues on the next line (pdftotext
 * wraps paragraphs), so such lines are joined, keeping a map from offsets
 * back to the physical lines for the findings.
 *
 * It does not read files (src/text does) and does not print (src/cli does).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "../rules/rules.h"
#include "audit.h"

#define EXCERPT_MAX 240 /* bytes of an excerpt */

/* ============================================================= vectors */

void *cj_aud_push(struct aud_doc *doc, void **v, size_t *n, size_t *cap, size_t elem)
{
	char *p;

	if (doc->err)
		return NULL;
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		void *nv;
		if (ncap > (size_t)UINT32_MAX / 2) {
			doc->err = CJ_ERR_TOO_LARGE;
			return NULL;
		}
		nv = cj_realloc(*v, ncap * elem);
		if (!nv) {
			doc->err = CJ_ERR_NOMEM;
			return NULL;
		}
		*v = nv;
		*cap = ncap;
	}
	p = (char *)*v + *n * elem;
	memset(p, 0, elem);
	(*n)++;
	return p;
}

/* ========================================================= figure values */

struct cj_ival cj_aud_ival(const struct aud_fig *f)
{
	/* a count is exact; so is a written 0 */
	if (f->val.v == 0 || f->kind == AUD_COUNT)
		return cj_ival_exact(f->val);
	return cj_ival_printed(f->val);
}

struct cj_ival cj_aud_ival_wan(const struct aud_fig *f)
{
	struct cj_ival x = cj_aud_ival(f), out;
	struct cj_dec wan = {CJ_FEN_PER_WAN, 0};

	if (f->kind != AUD_AMOUNT || f->unit_fen == CJ_FEN_PER_WAN)
		return x;
	if (cj_ival_ratio(x, cj_ival_exact(wan), f->unit_fen, &out) != CJ_OK)
		return x;
	return out;
}

int cj_aud_definite(const struct aud_fig *f)
{
	return (f->kind == AUD_AMOUNT || f->kind == AUD_PCT || f->kind == AUD_COUNT) &&
	       !(f->flags & AUD_F_APPROX);
}

size_t cj_aud_num_text(const struct aud_fig *f, char *buf, size_t cap)
{
	return cj_dec_format(f->val, buf, cap);
}

size_t cj_aud_fig_text(const struct aud_doc *doc, const struct aud_fig *f, int with_unit,
		       char *buf, size_t cap)
{
	char num[48];
	const char *unit = "";

	(void)doc;
	cj_dec_format(f->val, num, sizeof(num));
	if (f->kind == AUD_PCT)
		unit = "%";
	else if (with_unit && f->kind == AUD_AMOUNT)
		unit = f->unit_fen == CJ_FEN_PER_WAN  ? "万元"
		       : f->unit_fen == CJ_FEN_PER_YI ? "亿元"
		       : f->unit_fen == CJ_FEN_PER_YUAN ? "元"
							: "千元";
	else if (f->kind == AUD_COUNT)
		unit = cj_aud_measure_name(f->measure);
	return (size_t)snprintf(buf, cap, "%s%s", num, unit);
}

size_t cj_aud_ival_text(struct cj_ival x, int scale, char *buf, size_t cap)
{
	return cj_dec_format(cj_ival_round(x, scale), buf, cap);
}

uint32_t cj_aud_line_of(const struct aud_doc *doc, uint32_t p, uint32_t off)
{
	const struct aud_para *para = &doc->paras[p];
	uint32_t lo = 0, hi = para->nbrk;

	/* the last break at or before off: (offset, line) pairs */
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (doc->brk[2 * (para->brk0 + mid)] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? doc->brk[2 * (para->brk0 + lo - 1) + 1] : para->line;
}

#define MAX_SCANS 512 /* whole-document scans per document */

int cj_aud_may_scan(struct aud_doc *doc)
{
	if (doc->nscans >= MAX_SCANS)
		return 0;
	doc->nscans++;
	return 1;
}

uint32_t cj_aud_fig_at(const struct aud_doc *doc, const struct aud_para *para, uint32_t off)
{
	uint32_t lo = para->fig0, hi = para->fig0 + para->nfig;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (doc->figs[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void cj_aud_tie(struct aud_doc *doc, uint32_t fig)
{
	if (fig != AUD_NONE && fig < doc->nfig)
		doc->figs[fig].flags |= AUD_F_TIED;
}

void cj_aud_checked(struct aud_doc *doc, uint32_t fig)
{
	if (fig != AUD_NONE && fig < doc->nfig)
		doc->figs[fig].flags |= AUD_F_TIED | AUD_F_CHECKED;
}

/* =============================================================== findings */

/* The clause chain around figure f: from its ；-segment start to the next ；/。. */
static void excerpt_of(const struct aud_doc *doc, const struct aud_fig *f, char *buf,
		       size_t cap)
{
	const struct aud_para *para = &doc->paras[f->para];
	const char *s = para->ptr;
	size_t a = f->seg, b = f->end, adv, n;

	while (b < para->len) {
		uint32_t cp = cj_aud_cp(s, para->len, b, &adv);
		if (cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == '\t' || cp == '|')
			break;
		if (b - f->end > 60)
			break;
		b += adv;
	}
	if (b - a > EXCERPT_MAX) {
		a = b > EXCERPT_MAX ? b - EXCERPT_MAX : 0;
		if (a > f->off)
			a = f->off;
		while (a < para->len && ((unsigned char)s[a] & 0xC0) == 0x80)
			a++;
	}
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	n = cj_utf8_clip(s + a, b - a);
	if (n >= cap)
		n = cj_utf8_clip(s + a, cap - 1);
	memcpy(buf, s + a, n);
	buf[n] = '\0';
}

static void add_finding(struct aud_doc *doc, const char *rule, uint32_t line, unsigned page,
			const char *stated, const char *expected, const char *excerpt,
			const char *msg)
{
	const struct cj_rule *r = cj_rules_find(rule);
	struct cj_finding *fx;

	if (!r || doc->err)
		return;
	fx = cj_findings_add(doc->out, r->id, r->sev, doc->file, line, stated, expected, excerpt,
			     "%s", msg);
	if (!fx) {
		doc->err = doc->out->err ? doc->out->err : CJ_ERR_NOMEM;
		return;
	}
	fx->page = page;
}

int cj_aud_report(struct aud_doc *doc, const char *rule, uint32_t at, const char *stated,
		  const char *expected, const char *fmt, ...)
{
	struct aud_fig *f = &doc->figs[at];
	char msg[1024], ex[EXCERPT_MAX + 8];
	uint32_t line;
	unsigned page = 0;
	va_list ap;

	if (f->flags & AUD_F_FLAGGED)
		return 0;
	f->flags |= AUD_F_FLAGGED | AUD_F_CHECKED | AUD_F_TIED;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	excerpt_of(doc, f, ex, sizeof(ex));
	line = cj_aud_line_of(doc, f->para, f->off);
	if (line < doc->text->nlines)
		page = doc->text->lines[line].page;
	add_finding(doc, rule, line + 1, page, stated, expected, ex, msg);
	return 1;
}

void cj_aud_report_near(struct aud_doc *doc, const char *rule, uint32_t at, const char *stated,
			const char *expected, const char *fmt, ...)
{
	const struct aud_fig *f = &doc->figs[at];
	char msg[1024], ex[EXCERPT_MAX + 8];
	uint32_t line;
	unsigned page = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	excerpt_of(doc, f, ex, sizeof(ex));
	line = cj_aud_line_of(doc, f->para, f->off);
	if (line < doc->text->nlines)
		page = doc->text->lines[line].page;
	add_finding(doc, rule, line + 1, page, stated, expected, ex, msg);
}

void cj_aud_report_line(struct aud_doc *doc, const char *rule, uint32_t line,
			const char *stated, const char *expected, const char *excerpt,
			const char *fmt, ...)
{
	char msg[1024];
	unsigned page = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line != AUD_NONE && line < doc->text->nlines)
		page = doc->text->lines[line].page;
	add_finding(doc, rule, line == AUD_NONE ? 0 : line + 1, page, stated, expected, excerpt,
		    msg);
}

/* ================================================================== year */

static int four_digits(const char *s, size_t len, size_t i, int *y)
{
	size_t k;
	int v = 0;

	if (i + 4 > len || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
		return 0;
	for (k = 0; k < 4; k++) {
		if (s[i + k] < '0' || s[i + k] > '9')
			return 0;
		v = v * 10 + (s[i + k] - '0');
	}
	if (i + 4 < len && s[i + 4] >= '0' && s[i + 4] <= '9')
		return 0;
	if (v < 2000 || v > 2100)
		return 0;
	*y = v;
	return 1;
}

int cj_aud_detect_year(const struct cj_textdoc *t)
{
	size_t i, k, nl = t->nlines < 200 ? t->nlines : 200;
	int y, first_nd = 0, best = 0, bestn = 0;
	int counts[101];

	memset(counts, 0, sizeof(counts));
	for (i = 0; i < nl; i++) {
		const char *s = t->lines[i].ptr;
		size_t len = t->lines[i].len;
		for (k = 0; k + 4 < len; k++) {
			if (!four_digits(s, len, k, &y))
				continue;
			if (cj_aud_at(s, len, k + 4, "年度") || cj_aud_at(s, len, k + 5, "年度")) {
				/* "2020年度部门决算", "2020 年度" */
				if (i < 100 && strstr(s + k, "决算") &&
				    (size_t)(strstr(s + k, "决算") - s) < len)
					return y;
				if (!first_nd && i < 100)
					first_nd = y;
			}
			if (cj_aud_at(s, len, k + 4, "年") || cj_aud_at(s, len, k + 5, "年"))
				counts[y - 2000]++;
		}
	}
	if (first_nd)
		return first_nd;
	for (k = 0; k <= 100; k++)
		if (counts[k] > bestn) {
			bestn = counts[k];
			best = (int)(2000 + k);
		}
	return best;
}

/* ============================================================ paragraphs */

/* A table row: at least two non-empty cells (TAB-separated, or Markdown | cells). */
static int is_table_row(const char *s, size_t len)
{
	size_t i = 0, cells = 0, a;
	int md;

	while (i < len && s[i] == ' ')
		i++;
	md = i < len && s[i] == '|';
	if (!md && !memchr(s, '\t', len))
		return 0;
	if (md)
		i++;
	while (i < len) {
		int text = 0;
		a = i;
		while (i < len && s[i] != '\t' && !(md && s[i] == '|')) {
			if (s[i] != ' ' && s[i] != '-' && s[i] != ':')
				text = 1;
			i++;
		}
		if (md && i > a && !text && i < len)
			text = 0; /* "| --- |" separator cells */
		cells += text;
		i++;
	}
	return md ? 1 : cells >= 2;
}

/* A page number line of a PDF: "- 3 -", "3", "第3页", "3/12". */
static int page_number_line(const struct cj_text_line *l)
{
	size_t i = 0;
	int digits = 0;

	if (!l->len || l->len > 24)
		return 0;
	while (i < l->len) {
		unsigned char c = (unsigned char)l->ptr[i];
		if (c >= '0' && c <= '9') {
			digits = 1;
			i++;
		} else if (c == ' ' || c == '-' || c == '/') {
			i++;
		} else if (cj_aud_at(l->ptr, l->len, i, "第") || cj_aud_at(l->ptr, l->len, i, "页") ||
			   cj_aud_at(l->ptr, l->len, i, "共") || cj_aud_at(l->ptr, l->len, i, "—")) {
			i += 3;
		} else {
			return 0;
		}
	}
	return digits;
}

/*
 * Does a PDF line run on into the next one?  It reaches the right margin
 * (at least 85% of the widest text line of its page: digits and spaces
 * make justified lines differ in width) and the next line is text that
 * does not open a section (一、 （一） 第一部分).
 */
static int wraps(const struct cj_textdoc *t, size_t i, size_t maxw)
{
	const struct cj_text_line *l = &t->lines[i];
	size_t w;

	if (!l->len || memchr(l->ptr, '\t', l->len))
		return 0;
	w = cj_utf8_width(l->ptr, l->len);
	return maxw >= 40 && w * 100 >= maxw * 85;
}

/* Does a line end a sentence (。！？；, a closing bracket after one)? */
static int ends_sentence(const char *s, size_t len)
{
	size_t n;

	while (len && s[len - 1] == ' ')
		len--;
	if ((n = cj_aud_ends(s, len, "）")) || (n = cj_aud_ends(s, len, "”")))
		len -= n;
	return cj_aud_ends(s, len, "。") || cj_aud_ends(s, len, "！") || cj_aud_ends(s, len, "？") ||
	       cj_aud_ends(s, len, "；") || cj_aud_ends(s, len, "：");
}

/* Does a line open a section: 一、 （一） 第一部分 ? */
static int opens_section(const char *s, size_t len)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	size_t i = 0, k, n = 0;

	while (i < len && s[i] == ' ')
		i++;
	if (cj_aud_at(s, len, i, "第"))
		return 1;
	if (cj_aud_at(s, len, i, "（") || (i < len && s[i] == '('))
		i += s[i] == '(' ? 1 : 3;
	for (k = 0; k < 10; k++)
		if (cj_aud_at(s, len, i, cn[k])) {
			n = 3;
			break;
		}
	if (!n)
		return 0;
	i += n;
	if (cj_aud_at(s, len, i, "十"))
		i += 3;
	return cj_aud_at(s, len, i, "、") || cj_aud_at(s, len, i, "）") || (i < len && s[i] == ')');
}

/*
 * The line that continues PDF line i, or (size_t)-1: the next line when i
 * wraps, skipping a page number (and blank lines) where the page changes.
 */
/* Does "N." appear inside lines first..last, not opening line first? */
static int inline_number(const struct cj_textdoc *t, size_t first, size_t last, unsigned nr)
{
	char pat[16];
	size_t i, k, n;

	n = (size_t)snprintf(pat, sizeof(pat), "%u.", nr);
	for (i = first; i <= last; i++) {
		const struct cj_text_line *l = &t->lines[i];
		for (k = (i == first ? 1 : 0); k + n <= l->len; k++)
			if (memcmp(l->ptr + k, pat, n) == 0 &&
			    (k == 0 || l->ptr[k - 1] < '0' || l->ptr[k - 1] > '9'))
				return 1;
	}
	return 0;
}

static size_t continuation(const struct cj_textdoc *t, size_t first, size_t i,
			   const size_t *maxw)
{
	size_t j = i + 1;

	if (j >= t->nlines || !wraps(t, i, maxw[t->lines[i].page]))
		return (size_t)-1;
	while (j < t->nlines && j - i <= 4 &&
	       (page_number_line(&t->lines[j]) || t->lines[j].len == 0))
		j++;
	if (j >= t->nlines || (j > i + 1 && t->lines[j].page == t->lines[i].page))
		return (size_t)-1;
	if (!t->lines[j].len || memchr(t->lines[j].ptr, '\t', t->lines[j].len) ||
	    opens_section(t->lines[j].ptr, t->lines[j].len))
		return (size_t)-1;
	if (ends_sentence(t->lines[i].ptr, t->lines[i].len)) {
		/* a sentence ended at the margin: a numbered line or a title starts anew */
		const struct cj_text_line *n = &t->lines[j];
		size_t k = 0;
		unsigned nr = 0;
		while (k < n->len && n->ptr[k] >= '0' && n->ptr[k] <= '9' && k < 3)
			nr = nr * 10 + (unsigned)(n->ptr[k++] - '0');
		if (k && k + 1 < n->len && n->ptr[k] == '\\')
			k++; /* Markdown's "3\." */
		if (k && k < n->len && (n->ptr[k] == '.' || cj_aud_at(n->ptr, n->len, k, "、"))) {
			/* "…原因是1.…。" then "2.…": the list runs on inside the paragraph */
			if (nr >= 2 && inline_number(t, first, i, nr - 1))
				return j;
			return (size_t)-1;
		}
		if (cj_aud_at(n->ptr, n->len, 0, "（") || n->ptr[0] == '(')
			return (size_t)-1;
		if (!ends_sentence(n->ptr, n->len) && !cj_aud_ends(n->ptr, n->len, "，") &&
		    cj_utf8_width(n->ptr, n->len) * 100 < maxw[n->page] * 60)
			return (size_t)-1;
	}
	return j;
}

/* CJK characters and punctuation: no space is ever needed between them. */
static int cjk(uint32_t cp)
{
	return cj_aud_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	       cp == 0x201C || cp == 0x201D;
}

/*
 * Copy a PDF line dropping the spaces a PDF puts between CJK characters
 * ("本 年 收 入 合 计", "财政拨款收入 增加"): they are letter spacing, not
 * text.  Returns the bytes written (never more than len).
 */
static size_t squeeze(char *dst, const char *s, size_t len)
{
	size_t i = 0, n = 0, adv, k;
	uint32_t prev = 0;

	while (i < len) {
		uint32_t cp = cj_aud_cp(s, len, i, &adv);
		if (cp == ' ' && cjk(prev)) {
			k = i;
			while (k < len && s[k] == ' ')
				k++;
			if (k < len) {
				size_t a2;
				if (cjk(cj_aud_cp(s, len, k, &a2))) {
					i = k;
					continue;
				}
			}
		}
		memcpy(dst + n, s + i, adv);
		n += adv;
		i += adv;
		prev = cp;
	}
	return n;
}

static int cmp_size_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/*
 * The width of a full text line: the upper quartile of the widths of the
 * document's text lines (the widest may be a table row or a URL; a page
 * of short lines says little).  The same for every page.
 */
static enum cj_err page_widths(const struct cj_textdoc *t, size_t *maxw, unsigned npages)
{
	size_t *w = cj_malloc((t->nlines ? t->nlines : 1) * sizeof(*w));
	size_t i, n = 0, ref = 0;

	if (!w)
		return CJ_ERR_NOMEM;
	for (i = 0; i < t->nlines; i++) {
		size_t x;
		if (memchr(t->lines[i].ptr, '\t', t->lines[i].len))
			continue;
		x = cj_utf8_width(t->lines[i].ptr, t->lines[i].len);
		if (x >= 20)
			w[n++] = x;
	}
	if (n) {
		qsort(w, n, sizeof(*w), cmp_size_desc);
		ref = w[n / 4];
	}
	for (i = 0; i <= npages; i++)
		maxw[i] = ref;
	cj_free(w);
	return CJ_OK;
}

static enum cj_err build_paragraphs(struct aud_doc *doc)
{
	const struct cj_textdoc *t = doc->text;
	size_t i, npara = 0;
	size_t *maxw = NULL;
	unsigned npages = 0;

	doc->paras = cj_calloc(t->nlines ? t->nlines : 1, sizeof(*doc->paras));
	if (!doc->paras)
		return CJ_ERR_NOMEM;
	if (t->kind == CJ_TEXT_PDF) {
		for (i = 0; i < t->nlines; i++)
			if (t->lines[i].page > npages)
				npages = t->lines[i].page;
		maxw = cj_calloc((size_t)npages + 1, sizeof(*maxw));
		if (!maxw)
			return CJ_ERR_NOMEM;
		if (page_widths(t, maxw, npages) != CJ_OK) {
			cj_free(maxw);
			return CJ_ERR_NOMEM;
		}
		doc->joined = cj_malloc(t->len + 1);
		if (!doc->joined) {
			cj_free(maxw);
			return CJ_ERR_NOMEM;
		}
	}
	{
		size_t jlen = 0;
		for (i = 0; i < t->nlines;) {
			struct aud_para *p = &doc->paras[npara++];
			const struct cj_text_line *l = &t->lines[i];
			p->line = (uint32_t)i;
			p->brk0 = (uint32_t)doc->nbrk;
			if (t->kind == CJ_TEXT_PDF && continuation(t, i, i, maxw) != (size_t)-1) {
				char *dst = doc->joined + jlen;
				size_t n = 0, j, first = i;
				n = squeeze(dst, l->ptr, l->len);
				while ((j = continuation(t, first, i, maxw)) != (size_t)-1) {
					uint32_t *b = cj_aud_push(doc, (void **)&doc->brk, &doc->nbrk,
								  &doc->capbrk, 2 * sizeof(*b));
					if (!b)
						break;
					b[0] = (uint32_t)n;
					b[1] = (uint32_t)j;
					n += squeeze(dst + n, t->lines[j].ptr, t->lines[j].len);
					p->nbrk++;
					i = j;
				}
				i++;
				p->ptr = dst;
				p->len = (uint32_t)n;
				jlen += n;
				if (doc->err)
					break;
			} else if (t->kind == CJ_TEXT_PDF) {
				char *dst = doc->joined + jlen;
				p->ptr = dst;
				p->len = (uint32_t)squeeze(dst, l->ptr, l->len);
				p->table = (uint8_t)is_table_row(p->ptr, p->len);
				jlen += p->len;
				i++;
			} else {
				p->ptr = l->ptr;
				p->len = (uint32_t)l->len;
				p->table = (uint8_t)is_table_row(l->ptr, l->len);
				i++;
			}
		}
	}
	cj_free(maxw);
	doc->npara = npara;
	return doc->err;
}

/* ================================================================ driver */

static void coverage(struct aud_doc *doc, struct aud_untied **untied, size_t *nuntied,
		     size_t *capuntied)
{
	size_t i;

	for (i = 0; i < doc->nfig; i++) {
		const struct aud_fig *f = &doc->figs[i];
		if (f->kind != AUD_AMOUNT && f->kind != AUD_PCT && f->kind != AUD_COUNT)
			continue;
		doc->cov.figures++;
		if (!(f->flags & AUD_F_APPROX))
			doc->cov.claims++;
		if (f->flags & AUD_F_CHECKED)
			doc->cov.checked++;
		if (f->flags & (AUD_F_TIED | AUD_F_CHECKED))
			continue;
		doc->cov.untied++;
		if (doc->explain && untied) {
			struct aud_untied *u;
			char txt[64], ex[EXCERPT_MAX + 8];
			uint32_t line = cj_aud_line_of(doc, f->para, f->off);
			if (*nuntied == *capuntied) {
				size_t nc = *capuntied ? *capuntied * 2 : 64;
				struct aud_untied *nv = cj_realloc(*untied, nc * sizeof(*nv));
				if (!nv) {
					doc->err = CJ_ERR_NOMEM;
					return;
				}
				*untied = nv;
				*capuntied = nc;
			}
			u = &(*untied)[*nuntied];
			cj_aud_fig_text(doc, f, 1, txt, sizeof(txt));
			excerpt_of(doc, f, ex, sizeof(ex));
			u->file = cj_strdup(doc->file);
			u->figure = cj_strdup(txt);
			u->excerpt = cj_strdup(ex);
			u->line = line + 1;
			u->page = line < doc->text->nlines ? doc->text->lines[line].page : 0;
			if (!u->file || !u->figure || !u->excerpt) {
				cj_free(u->file);
				cj_free(u->figure);
				cj_free(u->excerpt);
				doc->err = CJ_ERR_NOMEM;
				return;
			}
			(*nuntied)++;
		}
	}
}

void cj_aud_untied_free(struct aud_untied *u, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		cj_free(u[i].file);
		cj_free(u[i].figure);
		cj_free(u[i].excerpt);
	}
	cj_free(u);
}

static void doc_release(struct aud_doc *doc)
{
	cj_free(doc->paras);
	cj_free(doc->brk);
	cj_free(doc->joined);
	cj_free(doc->figs);
	cj_buf_release(&doc->subj);
	cj_free(doc->structs);
	cj_free(doc->parts);
	cj_free(doc->reasons);
	cj_free(doc->items);
	cj_free(doc->index);
	cj_free(doc->cands);
}

static const char *const kind_names[] = {"amount", "pct", "count", "year", "bare", "other"};
static const char *const role_names[] = {"-",      "amount", "actual", "budget", "change",
					 "rate",   "share",  "completion", "pct", "count"};

/* One line per figure: what the pipeline made of it (tests, debugging). */
static void dump(const struct aud_doc *doc, struct cj_buf *out)
{
	size_t i;

	for (i = 0; i < doc->nfig; i++) {
		const struct aud_fig *f = &doc->figs[i];
		char txt[64];
		cj_aud_fig_text(doc, f, 1, txt, sizeof(txt));
		cj_buf_printf(out, "%u %s %s %s dir=%d year=%d subj=%s",
			      (unsigned)cj_aud_line_of(doc, f->para, f->off) + 1, txt,
			      kind_names[f->kind], role_names[f->role], f->dir, f->year,
			      aud_subj(doc, f));
		if (f->name_len)
			cj_buf_printf(out, " name=%s", aud_subj(doc, f) + f->subj_len + 1);
		cj_buf_printf(out, " flags=%x\n", f->flags);
	}
	for (i = 0; i < doc->nstruct; i++) {
		const struct aud_struct *st = &doc->structs[i];
		uint32_t k;
		cj_buf_printf(out, "struct %d line %u total=%d ev=%x parts:", st->kind,
			      (unsigned)doc->paras[st->para].line + 1,
			      st->total == AUD_NONE ? -1 : (int)st->total, st->evidence);
		for (k = 0; k < st->nparts; k++)
			cj_buf_printf(out, " %u/%d", doc->parts[st->part0 + k].fig,
				      doc->parts[st->part0 + k].share == AUD_NONE
					      ? -1
					      : (int)doc->parts[st->part0 + k].share);
		cj_buf_putc(out, '\n');
	}
}

enum cj_err cj_aud_run(const struct cj_textdoc *t, const char *file, const struct cj_codes *codes,
		       int year, int explain, struct cj_findings *out, struct aud_coverage *cov,
		       struct aud_untied **untied, size_t *nuntied, size_t *capuntied, int *year_used)
{
	return cj_aud_run_dump(t, file, codes, year, explain, out, cov, untied, nuntied, capuntied,
			       year_used, NULL);
}

enum cj_err cj_aud_run_dump(const struct cj_textdoc *t, const char *file,
			    const struct cj_codes *codes, int year, int explain,
			    struct cj_findings *out, struct aud_coverage *cov,
			    struct aud_untied **untied, size_t *nuntied, size_t *capuntied,
			    int *year_used, struct cj_buf *dumpbuf)
{
	struct aud_doc doc;
	size_t p;
	enum cj_err e;

	memset(&doc, 0, sizeof(doc));
	doc.text = t;
	doc.file = file ? file : (t->source ? t->source : "");
	doc.codes = codes;
	doc.out = out;
	doc.explain = explain;
	doc.year = year ? year : cj_aud_detect_year(t);
	if (year_used)
		*year_used = doc.year;
	cj_buf_init(&doc.subj, (size_t)UINT32_MAX / 2);
	cj_buf_putc(&doc.subj, '\0'); /* offset 0: the empty subject */
	e = cj_buf_err(&doc.subj);
	if (!e)
		e = build_paragraphs(&doc);
	if (e)
		goto out;
	for (p = 0; p < doc.npara && !doc.err; p++)
		cj_aud_scan(&doc, (uint32_t)p);
	for (p = 0; p < doc.npara && !doc.err; p++)
		cj_aud_claims(&doc, (uint32_t)p);
	if (!doc.err)
		cj_aud_context(&doc);
	for (p = 0; p < doc.npara && !doc.err; p++)
		cj_aud_structures(&doc, (uint32_t)p);
	if (!doc.err)
		cj_aud_tables(&doc);
	if (!doc.err && cj_buf_err(&doc.subj))
		doc.err = cj_buf_err(&doc.subj); /* a subject was cut short */
	if (!doc.err)
		cj_aud_index(&doc);
	if (!doc.err)
		cj_aud_check_shares(&doc);
	if (!doc.err)
		cj_aud_check_changes(&doc);
	if (!doc.err)
		cj_aud_check_completion(&doc);
	if (!doc.err)
		cj_aud_check_sums(&doc);
	if (!doc.err)
		cj_aud_check_reasons(&doc);
	if (!doc.err)
		cj_aud_check_pct_sign(&doc);
	if (!doc.err)
		cj_aud_check_same(&doc);
	if (!doc.err)
		cj_aud_check_names(&doc);
	if (!doc.err)
		cj_aud_check_sections(&doc);
	if (!doc.err)
		coverage(&doc, untied, nuntied, capuntied);
	if (dumpbuf && !doc.err)
		dump(&doc, dumpbuf);
	e = doc.err;
	if (!e && cov) {
		cov->figures += doc.cov.figures;
		cov->claims += doc.cov.claims;
		cov->checked += doc.cov.checked;
		cov->untied += doc.cov.untied;
	}
out:
	doc_release(&doc);
	return e ? e : doc.err;
}
