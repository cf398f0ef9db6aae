/*
 * text_private.h - what the extractors of src/text share: the limits, the
 * line builder that applies the normalisation rules of extract.h (the one
 * place they are implemented), and the encoding detection of text_plain.c.
 *
 * An extractor feeds raw text into a struct cj_text_builder and says where
 * lines end; the builder normalises each line when it ends and keeps the
 * line table.  cj_text_builder_finish() turns it into a cj_textdoc.
 */
#ifndef CJ_TEXT_PRIVATE_H
#define CJ_TEXT_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "extract.h"

/* ================================================================ limits */

struct cj_text_limits {
	size_t max_input;   /* bytes of input */
	size_t max_text;    /* bytes of extracted text */
	size_t max_lines;   /* lines of extracted text */
	size_t max_entries; /* DOCX: zip entries */
	size_t max_entry;   /* DOCX: uncompressed bytes of one entry */
	size_t ratio_min;   /* DOCX: the ratio is checked above this many bytes */
	unsigned max_ratio; /* DOCX: uncompressed / compressed */
	unsigned max_depth; /* DOCX: XML element nesting, at most CJ_TEXT_DEPTH_CAP */
	unsigned max_pages; /* PDF pages */
};

#define CJ_TEXT_DEPTH_CAP 256

/* The limits in force (the defaults of extract.h unless a test changed them). */
const struct cj_text_limits *cj_text_limits(void);

/* Test hook: use *l from now on; NULL restores the defaults. */
void cj_text_set_limits(const struct cj_text_limits *l);

/* =============================================================== builder */

struct cj_text_builder {
	struct cj_buf out;          /* normalised lines joined by '\n' */
	struct cj_buf cur;          /* raw bytes of the open line */
	struct cj_buf tmp;          /* scratch for the normaliser */
	struct cj_text_line *lines; /* ptr is filled in by _finish */
	size_t nlines, cap;
	size_t max_lines;
	unsigned page;              /* page of the lines ended from now on */
	int open;                   /* something was put since the last line end */
	int after_cr;               /* cj_text_put_lines: the last byte was '\r' */
	int too_many_lines;
	enum cj_err err;            /* sticky: CJ_ERR_NOMEM or CJ_ERR_TOO_LARGE */
};

void cj_text_builder_init(struct cj_text_builder *tb);
void cj_text_builder_release(struct cj_text_builder *tb);

/* Append raw text to the open line; line breaks in it are not line ends. */
void cj_text_put(struct cj_text_builder *tb, const char *s, size_t len);

/* Append one code point (TAB included) to the open line. */
void cj_text_put_cp(struct cj_text_builder *tb, uint32_t cp);

/* Append text in which LF, CRLF and a lone CR end lines (plain text, <pre>). */
void cj_text_put_lines(struct cj_text_builder *tb, const char *s, size_t len);

/* End the open line, even an empty one. */
void cj_text_end_line(struct cj_text_builder *tb);

/* End the open line if anything was put since the last line end. */
void cj_text_soft_break(struct cj_text_builder *tb);

/* Lines ended from now on belong to `page`. */
void cj_text_set_page(struct cj_text_builder *tb, unsigned page);

/* Last byte of the open line, or 0 when the line is empty. */
char cj_text_last(const struct cj_text_builder *tb);

/*
 * End the open line (if any) and move the text into a new cj_textdoc.
 * The builder is released whatever happens.  On a builder error, records
 * the message in d (file = name) and returns the error; *out untouched.
 */
enum cj_err cj_text_builder_finish(struct cj_text_builder *tb, enum cj_text_kind kind,
				   const char *name, struct cj_textdoc **out,
				   struct cj_diag *d);

/* Record the message for tb->err (set) in d and return tb->err. */
enum cj_err cj_text_builder_fail(struct cj_text_builder *tb, const char *name, struct cj_diag *d);

/*
 * Normalise one line (rules 1-6 of extract.h) from s[0..len) and append it
 * to out; tmp is scratch.  Exposed for the tests.
 */
void cj_text_normalize(struct cj_buf *out, struct cj_buf *tmp, const char *s, size_t len);

/* ============================================================== encoding */

/*
 * Turn plain text or HTML bytes into UTF-8 (the ENCODING rules of
 * extract.h).  `charset` is a declared charset (HTML) or NULL.  On success
 * *text points at the UTF-8 text: either into `data` (then *owned is NULL)
 * or into *owned, which the caller frees with cj_free().
 */
enum cj_err cj_text_to_utf8(const char *data, size_t len, const char *charset,
			    const char *name, const char **text, size_t *text_len,
			    char **owned, struct cj_diag *d);

/* ============================================================ extractors */

/* Each fills tb from data, or records the error in d and returns it. */
enum cj_err cj_text_plain(struct cj_text_builder *tb, const char *data, size_t len,
			  const char *name, struct cj_diag *d);
enum cj_err cj_text_html(struct cj_text_builder *tb, const char *data, size_t len,
			 const char *name, struct cj_diag *d);
enum cj_err cj_text_docx(struct cj_text_builder *tb, const char *data, size_t len,
			 const char *name, struct cj_diag *d);
enum cj_err cj_text_pdf(struct cj_text_builder *tb, const char *data, size_t len,
			const char *name, struct cj_diag *d);

/* ASCII helpers (no locale, no <ctype.h>). */
static inline int cj_text_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int cj_text_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

#endif
