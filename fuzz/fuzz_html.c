/*
 * fuzz_html.c - libFuzzer target for the HTML text extractor (and, through
 * it, the encoding detection and the line normaliser).
 *
 * Feeds arbitrary bytes to cj_text_extract_mem as "fuzz.html" and checks
 * the contract: on failure *out is untouched and the message is valid
 * UTF-8 (only the encoding and the size limits may refuse HTML); on
 * success the document keeps every invariant of extract.c (valid UTF-8, no
 * control bytes but TAB and the separators, lines that tile buf).  Leaks
 * are caught by ASan at exit.  Inputs are capped at 1 MiB.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "text/extract.h"

#define MAX_INPUT ((size_t)1 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() unless t keeps the invariants of a cj_textdoc. */
static void check_doc(const struct cj_textdoc *t, enum cj_text_kind kind)
{
	size_t i, off = 0;

	if (!t || !t->buf || !t->source || t->kind != kind || strlen(t->buf) != t->len ||
	    !cj_utf8_validate(t->buf, t->len, NULL))
		abort();
	for (i = 0; i < t->len; i++) {
		unsigned char c = (unsigned char)t->buf[i];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
			abort();
	}
	for (i = 0; i < t->nlines; i++) {
		if (t->lines[i].ptr != t->buf + off || memchr(t->lines[i].ptr, '\n', t->lines[i].len))
			abort();
		off += t->lines[i].len;
		if (i + 1 < t->nlines && t->buf[off++] != '\n')
			abort();
	}
	if (off != t->len)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cj_textdoc *t = NULL;
	struct cj_diag d;
	enum cj_err e;

	if (size > MAX_INPUT)
		return 0;
	cj_diag_init(&d);
	e = cj_text_extract_mem((const char *)data, size, "fuzz.html", &t, &d);
	if (e == CJ_OK) {
		check_doc(t, CJ_TEXT_HTML);
		cj_textdoc_free(t);
		return 0;
	}
	if (t || d.code != e || !cj_utf8_validate(d.msg, strlen(d.msg), NULL))
		abort();
	if (e != CJ_ERR_ENCODING && e != CJ_ERR_TOO_LARGE && e != CJ_ERR_NOMEM)
		abort();
	return 0;
}
