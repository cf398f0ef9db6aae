/*
 * xmlw.h - a small XML/HTML writer: the one escaper of every markup
 * renderer (HTML, SVG now; DOCX and XLSX parts later).
 *
 * Renderers never paste strings into markup: element and attribute names
 * are checked, and every text or attribute value goes through one escaper
 * that
 *   - writes & < > " as &amp; &lt; &gt; &quot; (in text and attributes);
 *   - in attribute values also writes TAB, LF, CR as &#9; &#10; &#13;, so
 *     attribute-value normalisation cannot eat them;
 *   - in text writes CR as &#13; and keeps TAB and LF;
 *   - drops the control characters XML 1.0 forbids (U+0000..U+0008,
 *     U+000B, U+000C, U+000E..U+001F, U+FFFE, U+FFFF), and also DEL and
 *     the C1 controls U+007F..U+009F, which HTML treats as parse errors;
 *   - replaces each byte of an invalid UTF-8 sequence with U+FFFD.
 *
 * The writer checks nesting: an end tag must match the open element, an
 * attribute must follow a start tag, an HTML void element takes only
 * attributes and then its cj_xmlw_end() (which writes no end tag), and
 * cj_xmlw_finish() fails while elements are open.
 * Misuse is CJ_ERR_USAGE; nesting deeper than CJ_XMLW_MAX_DEPTH is
 * CJ_ERR_TOO_LARGE.
 *
 * Errors are sticky (SQLite StrAccum): after the first failure, of the
 * writer or of its buffer (out of memory, past the buffer's cap), every
 * call does nothing; the caller checks once, with cj_xmlw_finish().
 *
 * Two modes.  XML (the default) writes an element with no content as
 * <x/>.  HTML (cj_xmlw_init_html) writes <x></x>, and the void elements
 * (br, col, hr, img, link, meta, ...) as <meta ...> with no end tag.
 *
 * The writer does not pretty-print, and knows nothing of namespaces
 * beyond accepting "w:p"-style names.
 *
 *     struct cj_buf b;
 *     struct cj_xmlw w;
 *     cj_buf_init(&b, 0);
 *     cj_xmlw_init(&w, &b);
 *     cj_xmlw_start(&w, "p");
 *     cj_xmlw_attr(&w, "class", "note");
 *     cj_xmlw_text(&w, "收入 < 支出 & \"合计\"");
 *     cj_xmlw_end(&w, "p");
 *     if (cj_xmlw_finish(&w)) ...;   // b: <p class="note">收入 &lt; ...</p>
 */
#ifndef CJ_XMLW_H
#define CJ_XMLW_H

#include <stddef.h>

#include "../base/buf.h"
#include "../base/err.h"

#define CJ_XMLW_MAX_DEPTH 64 /* open elements at once */
#define CJ_XMLW_NAME_MAX 32  /* bytes of an element name, with the NUL */

struct cj_xmlw {
	struct cj_buf *out; /* borrowed; output is appended */
	int html;           /* HTML mode: void elements, no <x/> */
	int tag_open;       /* a start tag awaits its '>' (attributes may follow) */
	int in_void;        /* the open start tag is an HTML void element */
	size_t depth;       /* elements open */
	char stack[CJ_XMLW_MAX_DEPTH][CJ_XMLW_NAME_MAX]; /* their names */
	enum cj_err err;    /* sticky: first misuse (the buffer keeps its own) */
};

/* Start an XML writer appending to `out` (borrowed; must outlive `w`). */
void cj_xmlw_init(struct cj_xmlw *w, struct cj_buf *out);
/* Start an HTML writer (void elements, explicit end tags). */
void cj_xmlw_init_html(struct cj_xmlw *w, struct cj_buf *out);

/* <?xml version="1.0" encoding="UTF-8"?> and a newline; only before the root. */
void cj_xmlw_decl(struct cj_xmlw *w);

/* Open an element; attributes may follow until the next content call. */
void cj_xmlw_start(struct cj_xmlw *w, const char *name);
/* Close the innermost element, which must be `name`. */
void cj_xmlw_end(struct cj_xmlw *w, const char *name);

/* An attribute of the element just opened; the value is escaped. */
void cj_xmlw_attr(struct cj_xmlw *w, const char *name, const char *value);
void cj_xmlw_attrn(struct cj_xmlw *w, const char *name, const char *value, size_t len);
void cj_xmlw_attr_int(struct cj_xmlw *w, const char *name, long long value);
/*
 * An attribute holding a length in tenths (geometry: 1234 -> "123.4",
 * 1230 -> "123", -5 -> "-0.5"); integer formatting, no locale.
 */
void cj_xmlw_attr_tenths(struct cj_xmlw *w, const char *name, long tenths);

/*
 * Format a length in tenths as above into buf (cap >= 24); returns the
 * length.  For composite attributes (path data, viewBox, transforms).
 */
size_t cj_xmlw_fmt_tenths(char *buf, size_t cap, long tenths);

/* Escaped character data. */
void cj_xmlw_text(struct cj_xmlw *w, const char *s);
void cj_xmlw_textn(struct cj_xmlw *w, const char *s, size_t len);

/*
 * Trusted markup, written as it is: a doctype, a constant style sheet, a
 * fragment made by another cj_xmlw.  Never pass document text here.
 */
void cj_xmlw_raw(struct cj_xmlw *w, const char *s, size_t len);
/* A newline between elements (layout only). */
void cj_xmlw_nl(struct cj_xmlw *w);

/*
 * Check that every element is closed; returns the first error of the
 * writer or of its buffer, CJ_OK when all is well.  The buffer's content
 * is meaningful only on CJ_OK.
 */
enum cj_err cj_xmlw_finish(struct cj_xmlw *w);

/* The sticky error so far (writer first, then buffer). */
enum cj_err cj_xmlw_err(const struct cj_xmlw *w);

/*
 * Append `s` escaped as text (attr 0) or as an attribute value (attr 1)
 * to a buffer, with the rules above.  For callers that only need the
 * escaper (e.g. a shared-strings part built piecewise).
 */
void cj_xml_escape(struct cj_buf *out, const char *s, size_t len, int attr);

#endif
