/*
 * fuzz_docx.c - libFuzzer target for the DOCX text extractor.
 *
 * Two surfaces from one input:
 *   - input starting with "PK": the bytes are the package itself (zip
 *     structure, the entry checks, libzip);
 *   - anything else: the bytes become word/document.xml of a stored
 *     (uncompressed) zip made here, so mutations reach expat and the
 *     WordprocessingML handlers instead of dying on a CRC check.
 * Either way cj_text_extract_mem runs on "fuzz.docx" and the contract is
 * checked: on failure *out is untouched and the message is valid UTF-8; on
 * success the document keeps every invariant of extract.c.  Leaks are
 * caught by ASan at exit.  Inputs are capped at 1 MiB.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "text/extract.h"

#define MAX_INPUT ((size_t)1 << 20)
#define PART "word/document.xml"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

static uint32_t crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
	}
	return ~c;
}

static uint8_t *put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
	return put16(put16(p, v & 0xFFFF), v >> 16);
}

/* A zip holding `data` as word/document.xml, stored; caller frees. */
static uint8_t *wrap(const uint8_t *data, size_t size, size_t *len)
{
	size_t nlen = strlen(PART);
	uint8_t *z = malloc(30 + nlen + size + 46 + nlen + 22), *p;
	uint32_t crc = crc32(data, size);

	if (!z)
		return NULL;
	p = put32(z, 0x04034b50);
	p = put16(p, 20);          /* version needed */
	p = put16(p, 0x0800);      /* flags: UTF-8 name */
	p = put16(p, 0);           /* stored */
	p = put32(p, 0);           /* time, date */
	p = put32(p, crc);
	p = put32(p, (uint32_t)size);
	p = put32(p, (uint32_t)size);
	p = put16(p, (uint32_t)nlen);
	p = put16(p, 0);
	memcpy(p, PART, nlen);
	p += nlen;
	memcpy(p, data, size);
	p += size;
	p = put32(p, 0x02014b50);
	p = put16(p, 20);          /* version made by */
	p = put16(p, 20);
	p = put16(p, 0x0800);
	p = put16(p, 0);
	p = put32(p, 0);
	p = put32(p, crc);
	p = put32(p, (uint32_t)size);
	p = put32(p, (uint32_t)size);
	p = put16(p, (uint32_t)nlen);
	p = put32(p, 0);           /* extra, comment length */
	p = put32(p, 0);           /* disk, internal attributes */
	p = put32(p, 0);           /* external attributes */
	p = put32(p, 0);           /* local header offset */
	memcpy(p, PART, nlen);
	p += nlen;
	p = put32(p, 0x06054b50);
	p = put32(p, 0);           /* disk numbers */
	p = put16(p, 1);
	p = put16(p, 1);
	p = put32(p, (uint32_t)(46 + nlen));
	p = put32(p, (uint32_t)(30 + nlen + size));
	p = put16(p, 0);
	*len = (size_t)(p - z);
	return z;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cj_textdoc *t = NULL;
	struct cj_diag d;
	uint8_t *zip = NULL;
	const uint8_t *in = data;
	size_t len = size;
	enum cj_err e;

	if (size > MAX_INPUT)
		return 0;
	if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
		zip = wrap(data, size, &len);
		if (!zip)
			return 0;
		in = zip;
	}
	cj_diag_init(&d);
	e = cj_text_extract_mem((const char *)in, len, "fuzz.docx", &t, &d);
	free(zip);
	if (e == CJ_OK) {
		check_doc(t, CJ_TEXT_DOCX);
		cj_textdoc_free(t);
		return 0;
	}
	if (t || d.code != e || !cj_utf8_validate(d.msg, strlen(d.msg), NULL))
		abort();
	return 0;
}
