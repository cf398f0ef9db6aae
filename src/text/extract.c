/*
 * extract.c - format dispatch, the line builder and the normaliser (the
 * one place the NORMALISATION rules of extract.h are implemented).
 *
 * Invariants of every cj_textdoc made here: buf is valid UTF-8 without NUL
 * or control characters other than TAB and the '\n' that separates lines;
 * lines[i] views buf and lines are in order, separated by exactly one
 * '\n'; nlines <= max_lines and len <= max_text.
 *
 * The extractors (text_plain.c, text_html.c, text_docx.c, text_pdf.c) only
 * say what the raw text is and where lines end; they never normalise.
 */
#include "extract.h"

#include <string.h>

#include "../base/alloc.h"
#include "../base/fsio.h"
#include "../base/utf8.h"
#include "text_private.h"

/* ================================================================ limits */

#define DEFAULT_LIMITS                                                                     \
	{                                                                                  \
		.max_input = (size_t)64 << 20, .max_text = (size_t)64 << 20,               \
		.max_lines = 2000000, .max_entries = 10000, .max_entry = (size_t)64 << 20, \
		.ratio_min = (size_t)1 << 20, .max_ratio = 200,                            \
		.max_depth = CJ_TEXT_DEPTH_CAP, .max_pages = 5000,                         \
	}

static const struct cj_text_limits default_limits = DEFAULT_LIMITS;
static struct cj_text_limits limits = DEFAULT_LIMITS;

const struct cj_text_limits *cj_text_limits(void)
{
	return &limits;
}

void cj_text_set_limits(const struct cj_text_limits *l)
{
	limits = l ? *l : default_limits;
	if (limits.max_depth > CJ_TEXT_DEPTH_CAP)
		limits.max_depth = CJ_TEXT_DEPTH_CAP;
}

/* =========================================================== normaliser */

/* Rule 1: control characters that become a space. */
static int is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
	       cp == 0x2029;
}

/* Rule 2: characters that become an ASCII space. */
static int is_space(uint32_t cp)
{
	return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

/* Rule 2: invisible characters that are removed. */
static int is_removed(uint32_t cp)
{
	return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* Rules 1-3: s -> tmp. */
static void normalize_chars(struct cj_buf *tmp, const char *s, size_t len)
{
	size_t i = 0, run = 0, adv;
	uint32_t cp;
	char c;

	while (i < len) {
		unsigned char b = (unsigned char)s[i];

		if (b >= 0x20 && b < 0x7F) {
			i++;
			continue;
		}
		if (b < 0x80) {
			adv = 1;
			cp = b;
		} else {
			cp = cj_utf8_decode(s + i, len - i, &adv);
			if (cp == 0xFFFD && adv == 1) {
				cj_buf_put(tmp, s + run, i - run);
				cj_buf_put(tmp, "\xEF\xBF\xBD", 3);
				run = i += 1;
				continue;
			}
		}
		if (is_control(cp) || is_space(cp)) {
			c = ' ';
		} else if (cp >= 0xFF10 && cp <= 0xFF19) {
			c = (char)('0' + (cp - 0xFF10));
		} else if (is_removed(cp)) {
			c = 0;
		} else {
			i += adv;
			continue;
		}
		cj_buf_put(tmp, s + run, i - run);
		if (c)
			cj_buf_putc(tmp, c);
		run = i += adv;
	}
	cj_buf_put(tmp, s + run, i - run);
}

/* Rule 5: is t[i..] " DDD" with no digit after? */
static int is_group(const char *t, size_t n, size_t i)
{
	return i + 4 <= n && t[i] == ' ' && cj_text_is_digit(t[i + 1]) &&
	       cj_text_is_digit(t[i + 2]) && cj_text_is_digit(t[i + 3]) &&
	       (i + 4 == n || !cj_text_is_digit(t[i + 4]));
}

void cj_text_normalize(struct cj_buf *out, struct cj_buf *tmp, const char *s, size_t len)
{
	size_t start = out->len, i = 0, j, n;
	const char *t;

	cj_buf_reset(tmp);
	normalize_chars(tmp, s, len);
	if (cj_buf_err(tmp)) {
		if (!out->err)
			out->err = cj_buf_err(tmp);
		return;
	}
	t = cj_buf_str(tmp);
	n = tmp->len;
	while (i < n) {
		char prev = out->len > start ? out->ptr[out->len - 1] : 0;

		if (cj_text_is_digit(t[i])) {
			/* rules 4 and 5 need whole digit runs */
			for (j = i; j < n && cj_text_is_digit(t[j]); j++)
				;
			cj_buf_put(out, t + i, j - i);
			if (j - i <= 3 && !cj_text_is_digit(prev) && prev != '.' && prev != ',' &&
			    is_group(t, n, j)) {
				while (is_group(t, n, j)) {
					cj_buf_put(out, t + j + 1, 3);
					j += 4;
				}
			}
			i = j;
		} else if ((unsigned char)t[i] == 0xEF && i + 2 < n &&
			   (unsigned char)t[i + 1] == 0xBC &&
			   ((unsigned char)t[i + 2] == 0x8E || (unsigned char)t[i + 2] == 0x85)) {
			/* rule 4: U+FF0E, U+FF05 next to a digit */
			int near = cj_text_is_digit(prev) || (i + 3 < n && cj_text_is_digit(t[i + 3]));

			if (near)
				cj_buf_putc(out, (unsigned char)t[i + 2] == 0x8E ? '.' : '%');
			else
				cj_buf_put(out, t + i, 3);
			i += 3;
		} else {
			for (j = i + 1; j < n && !cj_text_is_digit(t[j]) && (unsigned char)t[j] != 0xEF;
			     j++)
				;
			cj_buf_put(out, t + i, j - i);
			i = j;
		}
	}
	/* rule 6 */
	if (!out->err && out->ptr) {
		while (out->len > start && out->ptr[out->len - 1] == ' ')
			out->len--;
		out->ptr[out->len] = '\0';
	}
}

/* ============================================================== builder */

static void sync_err(struct cj_text_builder *tb)
{
	if (tb->err)
		return;
	if (tb->out.err)
		tb->err = tb->out.err;
	else if (tb->cur.err)
		tb->err = tb->cur.err;
	else if (tb->tmp.err)
		tb->err = tb->tmp.err;
}

void cj_text_builder_init(struct cj_text_builder *tb)
{
	const struct cj_text_limits *l = cj_text_limits();

	memset(tb, 0, sizeof(*tb));
	cj_buf_init(&tb->out, l->max_text);
	cj_buf_init(&tb->cur, l->max_text);
	cj_buf_init(&tb->tmp, 0);
	tb->max_lines = l->max_lines;
}

void cj_text_builder_release(struct cj_text_builder *tb)
{
	cj_buf_release(&tb->out);
	cj_buf_release(&tb->cur);
	cj_buf_release(&tb->tmp);
	cj_free(tb->lines);
	tb->lines = NULL;
	tb->nlines = tb->cap = 0;
}

void cj_text_put(struct cj_text_builder *tb, const char *s, size_t len)
{
	if (tb->err || !len)
		return;
	tb->open = 1;
	tb->after_cr = 0;
	cj_buf_put(&tb->cur, s, len);
	sync_err(tb);
}

void cj_text_put_cp(struct cj_text_builder *tb, uint32_t cp)
{
	char enc[4];

	cj_text_put(tb, enc, cj_utf8_encode(cp, enc));
}

void cj_text_end_line(struct cj_text_builder *tb)
{
	size_t start;

	tb->open = 0;
	tb->after_cr = 0;
	if (tb->err)
		return;
	if (tb->nlines >= tb->max_lines) {
		tb->too_many_lines = 1;
		tb->err = CJ_ERR_TOO_LARGE;
		return;
	}
	if (tb->nlines == tb->cap) {
		size_t ncap = tb->cap ? tb->cap * 2 : 256;
		struct cj_text_line *nl;

		if (ncap > tb->max_lines)
			ncap = tb->max_lines;
		nl = cj_realloc(tb->lines, ncap * sizeof(*nl));
		if (!nl) {
			tb->err = CJ_ERR_NOMEM;
			return;
		}
		tb->lines = nl;
		tb->cap = ncap;
	}
	if (tb->nlines)
		cj_buf_putc(&tb->out, '\n');
	start = tb->out.len;
	cj_text_normalize(&tb->out, &tb->tmp, cj_buf_str(&tb->cur), tb->cur.len);
	sync_err(tb);
	if (tb->err)
		return;
	tb->lines[tb->nlines].ptr = NULL;
	tb->lines[tb->nlines].len = tb->out.len - start;
	tb->lines[tb->nlines].page = tb->page;
	tb->nlines++;
	cj_buf_reset(&tb->cur);
}

void cj_text_soft_break(struct cj_text_builder *tb)
{
	if (tb->open)
		cj_text_end_line(tb);
}

void cj_text_put_lines(struct cj_text_builder *tb, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len && !tb->err; i++) {
		if (s[i] != '\n' && s[i] != '\r')
			continue;
		if (i > run)
			cj_text_put(tb, s + run, i - run); /* clears after_cr */
		run = i + 1;
		if (s[i] == '\n' && tb->after_cr) {
			/* the LF of a CRLF (perhaps across calls): the CR ended the line */
			tb->after_cr = 0;
			continue;
		}
		cj_text_end_line(tb);
		tb->after_cr = s[i] == '\r';
	}
	if (run < len && !tb->err)
		cj_text_put(tb, s + run, len - run);
}

void cj_text_set_page(struct cj_text_builder *tb, unsigned page)
{
	tb->page = page;
}

char cj_text_last(const struct cj_text_builder *tb)
{
	return tb->cur.len ? tb->cur.ptr[tb->cur.len - 1] : 0;
}

enum cj_err cj_text_builder_fail(struct cj_text_builder *tb, const char *name, struct cj_diag *d)
{
	const struct cj_text_limits *l = cj_text_limits();

	if (tb->err == CJ_ERR_NOMEM)
		return cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
	if (tb->too_many_lines)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0, "提取出的文本超过 %zu 行",
				  l->max_lines);
	return cj_fail_at(d, tb->err, name, 0, "提取出的文本过大（上限 %zu 字节）", l->max_text);
}

enum cj_err cj_text_builder_finish(struct cj_text_builder *tb, enum cj_text_kind kind,
				   const char *name, struct cj_textdoc **out,
				   struct cj_diag *d)
{
	struct cj_textdoc *t = NULL;
	enum cj_err e = CJ_OK;
	size_t i, off = 0;

	cj_text_soft_break(tb);
	if (tb->err) {
		e = cj_text_builder_fail(tb, name, d);
		goto out;
	}
	t = cj_calloc(1, sizeof(*t));
	if (!t)
		goto nomem;
	t->source = cj_strdup(name ? name : "");
	if (!t->source)
		goto nomem;
	t->buf = cj_buf_detach(&tb->out, &t->len);
	if (!t->buf)
		goto nomem;
	for (i = 0; i < tb->nlines; i++) {
		tb->lines[i].ptr = t->buf + off;
		off += tb->lines[i].len + 1;
	}
	t->lines = tb->lines;
	t->nlines = tb->nlines;
	tb->lines = NULL;
	tb->nlines = 0;
	t->kind = kind;
	*out = t;
	t = NULL;
	goto out;
nomem:
	e = cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
out:
	cj_textdoc_free(t);
	cj_text_builder_release(tb);
	return e;
}

/* ============================================================= dispatch */

const char *cj_text_kind_name(enum cj_text_kind kind)
{
	switch (kind) {
	case CJ_TEXT_PLAIN: return "text";
	case CJ_TEXT_HTML: return "html";
	case CJ_TEXT_DOCX: return "docx";
	case CJ_TEXT_PDF: return "pdf";
	}
	return "text";
}

/* Case-insensitive: does s[0..len) start with the lower-case ASCII word w? */
static int starts_with_ci(const char *s, size_t len, const char *w)
{
	size_t i, n = strlen(w);

	if (len < n)
		return 0;
	for (i = 0; i < n; i++)
		if (cj_text_lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

static int contains_ci(const char *s, size_t len, const char *w)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (starts_with_ci(s + i, len - i, w))
			return 1;
	return 0;
}

enum suffix { SUF_NONE, SUF_KIND, SUF_OLD_WORD };

/* The format a file name's suffix names. */
static enum suffix by_suffix(const char *name, enum cj_text_kind *kind)
{
	static const struct {
		const char *ext;
		enum cj_text_kind kind;
	} tab[] = {
		{"txt", CJ_TEXT_PLAIN},  {"text", CJ_TEXT_PLAIN},    {"md", CJ_TEXT_PLAIN},
		{"markdown", CJ_TEXT_PLAIN}, {"html", CJ_TEXT_HTML}, {"htm", CJ_TEXT_HTML},
		{"xhtml", CJ_TEXT_HTML}, {"shtml", CJ_TEXT_HTML},    {"docx", CJ_TEXT_DOCX},
		{"docm", CJ_TEXT_DOCX},  {"pdf", CJ_TEXT_PDF},
	};
	const char *dot, *p;
	size_t i, n;

	if (!name)
		return SUF_NONE;
	dot = NULL;
	for (p = name; *p; p++) {
		if (*p == '.')
			dot = p;
		else if (*p == '/' || *p == '\\')
			dot = NULL;
	}
	if (!dot)
		return SUF_NONE;
	dot++;
	n = strlen(dot);
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		if (strlen(tab[i].ext) == n && starts_with_ci(dot, n, tab[i].ext)) {
			*kind = tab[i].kind;
			return SUF_KIND;
		}
	}
	if ((n == 3 && starts_with_ci(dot, n, "doc")) || (n == 3 && starts_with_ci(dot, n, "wps")))
		return SUF_OLD_WORD;
	return SUF_NONE;
}

/* The format by content. */
static enum cj_text_kind sniff(const char *data, size_t len)
{
	size_t head = len < 1024 ? len : 1024, i;

	if (contains_ci(data, head, "%pdf-"))
		return CJ_TEXT_PDF;
	if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0)
		return CJ_TEXT_DOCX;
	i = cj_utf8_bom_len(data, len);
	while (i < head && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' ||
			    data[i] == '\r' || data[i] == '\f'))
		i++;
	if (i < len && data[i] == '<' &&
	    (contains_ci(data + i, head - i, "<!doctype html") ||
	     contains_ci(data + i, head - i, "<html")))
		return CJ_TEXT_HTML;
	return CJ_TEXT_PLAIN;
}

enum cj_err cj_text_extract_mem(const char *data, size_t len, const char *name,
				struct cj_textdoc **out, struct cj_diag *d)
{
	const struct cj_text_limits *l = cj_text_limits();
	struct cj_text_builder tb;
	enum cj_text_kind kind = CJ_TEXT_PLAIN;
	enum cj_err e;

	if (!out || (!data && len))
		return cj_fail_at(d, CJ_ERR_USAGE, name, 0, "参数无效");
	if (!data)
		data = "";
	if (len > l->max_input)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0,
				  "输入文件过大（%zu 字节，上限 %zu 字节）", len, l->max_input);
	switch (by_suffix(name, &kind)) {
	case SUF_KIND:
		break;
	case SUF_OLD_WORD:
		return cj_fail_at(d, CJ_ERR_UNSUPPORTED, name, 0,
				  "不支持旧版 Word/WPS 格式（.doc/.wps），请另存为 .docx 或 PDF");
	case SUF_NONE:
		kind = sniff(data, len);
		break;
	}
	cj_text_builder_init(&tb);
	switch (kind) {
	case CJ_TEXT_PLAIN: e = cj_text_plain(&tb, data, len, name, d); break;
	case CJ_TEXT_HTML: e = cj_text_html(&tb, data, len, name, d); break;
	case CJ_TEXT_DOCX: e = cj_text_docx(&tb, data, len, name, d); break;
	case CJ_TEXT_PDF: e = cj_text_pdf(&tb, data, len, name, d); break;
	default: e = CJ_ERR_USAGE; break;
	}
	if (e) {
		cj_text_builder_release(&tb);
		return e;
	}
	return cj_text_builder_finish(&tb, kind, name, out, d);
}

enum cj_err cj_text_extract_file(const char *path, struct cj_textdoc **out, struct cj_diag *d)
{
	char *data;
	size_t len;
	enum cj_err e;

	e = cj_file_read(path, cj_text_limits()->max_input, &data, &len, d);
	if (e)
		return e;
	e = cj_text_extract_mem(data, len, path, out, d);
	cj_free(data);
	return e;
}

void cj_textdoc_free(struct cj_textdoc *t)
{
	if (!t)
		return;
	cj_free(t->buf);
	cj_free(t->lines);
	cj_free(t->source);
	cj_free(t);
}
