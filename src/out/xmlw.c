/*
 * xmlw.c - the XML/HTML writer and its escaper (see xmlw.h for the rules).
 */
#include "xmlw.h"

#include <stdio.h>
#include <string.h>

#include "../base/utf8.h"

/* HTML elements that have no content and no end tag. */
static const char *const void_elements[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input",
	"link", "meta", "source", "track", "wbr",
};

static int is_void(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(void_elements) / sizeof(void_elements[0]); i++)
		if (strcmp(name, void_elements[i]) == 0)
			return 1;
	return 0;
}

static int is_name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
	       c == ':';
}

/* ASCII names only: ours are constants, so anything else is a bug. */
static int valid_name(const char *name)
{
	size_t i;

	if (!name || !is_name_start((unsigned char)name[0]))
		return 0;
	for (i = 1; name[i]; i++)
		if (!is_name_char((unsigned char)name[i]))
			return 0;
	return i < CJ_XMLW_NAME_MAX;
}

/* ---------------------------------------------------------------- escape */

void cj_xml_escape(struct cj_buf *out, const char *s, size_t len, int attr)
{
	size_t i = 0, run = 0, adv;
	uint32_t cp;
	const char *rep;

	/* `run` counts bytes since s + i - run that are copied as they are. */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		rep = NULL;
		adv = 1;
		if (c >= 0x80) {
			cp = cj_utf8_decode(s + i, len - i, &adv);
			if (cp == 0xFFFD)
				rep = "\xEF\xBF\xBD"; /* also replaces a bad sequence */
			else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
				rep = "";
		} else if (c == '&') {
			rep = "&amp;";
		} else if (c == '<') {
			rep = "&lt;";
		} else if (c == '>') {
			rep = "&gt;";
		} else if (c == '"') {
			rep = "&quot;";
		} else if (c == '\t') {
			rep = attr ? "&#9;" : NULL;
		} else if (c == '\n') {
			rep = attr ? "&#10;" : NULL;
		} else if (c == '\r') {
			rep = "&#13;";
		} else if (c < 0x20 || c == 0x7F) {
			rep = "";
		}
		if (rep) {
			if (run)
				cj_buf_put(out, s + i - run, run);
			run = 0;
			cj_buf_puts(out, rep);
		} else {
			run += adv;
		}
		i += adv;
	}
	if (run)
		cj_buf_put(out, s + i - run, run);
}

/* ---------------------------------------------------------------- writer */

static void init(struct cj_xmlw *w, struct cj_buf *out, int html)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->html = html;
}

void cj_xmlw_init(struct cj_xmlw *w, struct cj_buf *out)
{
	init(w, out, 0);
}

void cj_xmlw_init_html(struct cj_xmlw *w, struct cj_buf *out)
{
	init(w, out, 1);
}

enum cj_err cj_xmlw_err(const struct cj_xmlw *w)
{
	return w->err ? w->err : cj_buf_err(w->out);
}

/* Record a misuse (first one wins); returns nonzero so callers can bail. */
static int fail(struct cj_xmlw *w, enum cj_err code)
{
	if (!w->err)
		w->err = code;
	return 1;
}

/* Finish a pending start tag with '>' before content. */
static void close_tag(struct cj_xmlw *w)
{
	if (!w->tag_open)
		return;
	cj_buf_putc(w->out, '>');
	w->tag_open = 0;
}

void cj_xmlw_decl(struct cj_xmlw *w)
{
	if (cj_xmlw_err(w))
		return;
	if (w->depth || w->tag_open || w->out->len) {
		fail(w, CJ_ERR_USAGE);
		return;
	}
	cj_buf_puts(w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

void cj_xmlw_start(struct cj_xmlw *w, const char *name)
{
	if (cj_xmlw_err(w))
		return;
	if (!valid_name(name) || w->in_void) {
		fail(w, CJ_ERR_USAGE);
		return;
	}
	close_tag(w);
	if (w->depth >= CJ_XMLW_MAX_DEPTH) {
		fail(w, CJ_ERR_TOO_LARGE);
		return;
	}
	memcpy(w->stack[w->depth], name, strlen(name) + 1);
	w->depth++;
	w->tag_open = 1;
	w->in_void = w->html && is_void(name);
	cj_buf_putc(w->out, '<');
	cj_buf_puts(w->out, name);
}

void cj_xmlw_end(struct cj_xmlw *w, const char *name)
{
	if (cj_xmlw_err(w))
		return;
	if (!name || !w->depth || strcmp(w->stack[w->depth - 1], name) != 0) {
		fail(w, CJ_ERR_USAGE);
		return;
	}
	if (w->in_void) {
		/* HTML void element: <meta ...> and no end tag. */
		close_tag(w);
		w->in_void = 0;
	} else if (w->tag_open && !w->html) {
		cj_buf_puts(w->out, "/>");
		w->tag_open = 0;
	} else {
		close_tag(w);
		cj_buf_puts(w->out, "</");
		cj_buf_puts(w->out, name);
		cj_buf_putc(w->out, '>');
	}
	w->depth--;
}

void cj_xmlw_attrn(struct cj_xmlw *w, const char *name, const char *value, size_t len)
{
	if (cj_xmlw_err(w))
		return;
	if (!w->tag_open || !valid_name(name) || (!value && len)) {
		fail(w, CJ_ERR_USAGE);
		return;
	}
	cj_buf_putc(w->out, ' ');
	cj_buf_puts(w->out, name);
	cj_buf_puts(w->out, "=\"");
	cj_xml_escape(w->out, value ? value : "", len, 1);
	cj_buf_putc(w->out, '"');
}

void cj_xmlw_attr(struct cj_xmlw *w, const char *name, const char *value)
{
	cj_xmlw_attrn(w, name, value ? value : "", value ? strlen(value) : 0);
}

void cj_xmlw_attr_int(struct cj_xmlw *w, const char *name, long long value)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%lld", value);

	cj_xmlw_attrn(w, name, tmp, (size_t)n);
}

size_t cj_xmlw_fmt_tenths(char *buf, size_t cap, long tenths)
{
	unsigned long a;
	int n;

	/* Magnitude as unsigned, so LONG_MIN does not overflow. */
	a = tenths < 0 ? 0UL - (unsigned long)tenths : (unsigned long)tenths;
	if (a % 10)
		n = snprintf(buf, cap, "%s%lu.%lu", tenths < 0 ? "-" : "", a / 10, a % 10);
	else
		n = snprintf(buf, cap, "%s%lu", tenths < 0 ? "-" : "", a / 10);
	if (n < 0)
		n = 0;
	return (size_t)n < cap ? (size_t)n : (cap ? cap - 1 : 0);
}

void cj_xmlw_attr_tenths(struct cj_xmlw *w, const char *name, long tenths)
{
	char tmp[32];
	size_t n = cj_xmlw_fmt_tenths(tmp, sizeof(tmp), tenths);

	cj_xmlw_attrn(w, name, tmp, n);
}

void cj_xmlw_textn(struct cj_xmlw *w, const char *s, size_t len)
{
	if (cj_xmlw_err(w))
		return;
	if (!w->depth || w->in_void || (!s && len)) {
		fail(w, CJ_ERR_USAGE);
		return;
	}
	close_tag(w);
	if (len)
		cj_xml_escape(w->out, s, len, 0);
}

void cj_xmlw_text(struct cj_xmlw *w, const char *s)
{
	cj_xmlw_textn(w, s ? s : "", s ? strlen(s) : 0);
}

void cj_xmlw_raw(struct cj_xmlw *w, const char *s, size_t len)
{
	if (cj_xmlw_err(w))
		return;
	if (w->in_void || (!s && len)) {
		fail(w, CJ_ERR_USAGE);
		return;
	}
	close_tag(w);
	if (len)
		cj_buf_put(w->out, s, len);
}

void cj_xmlw_nl(struct cj_xmlw *w)
{
	cj_xmlw_raw(w, "\n", 1);
}

enum cj_err cj_xmlw_finish(struct cj_xmlw *w)
{
	if (!cj_xmlw_err(w) && (w->depth || w->tag_open))
		fail(w, CJ_ERR_USAGE);
	return cj_xmlw_err(w);
}
