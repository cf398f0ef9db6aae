/*
 * text_plain.c - plain text and Markdown, and the encoding detection that
 * HTML shares (cj_text_to_utf8; rules in extract.h under ENCODING).
 *
 * Markdown is not rendered: its lines are taken as they are, so line
 * numbers are those of the source file ("| 合计 | 1 104.25 |" keeps its
 * pipes).
 *
 * Conversions use the C library's iconv (glibc's GB18030 converter is a
 * superset of GB2312 and GBK).  iconv's own memory is not counted by the
 * allocation-failure hook; the converted text is.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "text_private.h"

/* ============================================================ conversion */

enum conv_result { CONV_OK, CONV_BAD, CONV_NOCONV };

/*
 * Convert in[0..len) from `from` to UTF-8, appending to out (whose sticky
 * error the caller checks).  CONV_BAD: an invalid or truncated sequence at
 * byte *bad.  CONV_NOCONV: iconv does not know `from`.
 */
static enum conv_result convert(const char *from, const char *in, size_t len,
				struct cj_buf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *ip = (char *)in; /* iconv's prototype lacks const */
	size_t il = len;
	enum conv_result r = CONV_OK;

	if (cd == (iconv_t)-1)
		return CONV_NOCONV;
	while (il > 0 && !cj_buf_err(out)) {
		char chunk[16384];
		char *op = chunk;
		size_t ol = sizeof(chunk), n;

		n = iconv(cd, &ip, &il, &op, &ol);
		cj_buf_put(out, chunk, (size_t)(op - chunk));
		if (n == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ: invalid; EINVAL: truncated at the end */
			*bad = (size_t)(ip - in);
			r = CONV_BAD;
			break;
		}
	}
	iconv_close(cd);
	return r;
}

/* Characters that GB2312/GBK text is made of (beside ASCII). */
static int gb_typical(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00B0, 0x00B1}, {0x00B7, 0x00B7},
		{0x00D7, 0x00D7}, {0x00E0, 0x00FC}, {0x0101, 0x01DC}, {0x02C7, 0x02D9},
		{0x0391, 0x03C9}, {0x0401, 0x0451}, {0x2010, 0x203B}, {0x2103, 0x2122},
		{0x2160, 0x2199}, {0x2208, 0x2312}, {0x2460, 0x249B}, {0x2500, 0x2642},
		{0x3000, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF},
		{0xFE30, 0xFE6B}, {0xFF01, 0xFFE5}, {0x20000, 0x2FFFF},
	};
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return 1;
	return 0;
}

static int is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0x20000 && cp <= 0x2FFFF);
}

/*
 * Does UTF-8 text decoded from GB18030 look like Chinese?  At least one
 * Han character, no private-use or C1 character, and at least 90% of the
 * non-ASCII characters typical of GB2312/GBK text.
 */
static int looks_chinese(const char *s, size_t len)
{
	size_t i = 0, adv, total = 0, typical = 0, han = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		cp = cj_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if ((cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0x80 && cp <= 0x9F) ||
		    cp >= 0xF0000)
			return 0;
		total++;
		typical += (size_t)gb_typical(cp);
		han += (size_t)is_han(cp);
	}
	return han > 0 && typical * 10 >= total * 9;
}

/* 1-based line of byte offset off (LF counted; fine for ASCII-compatible encodings). */
static unsigned line_of(const char *s, size_t off)
{
	size_t i;
	unsigned line = 1;

	for (i = 0; i < off; i++)
		if (s[i] == '\n' && line < 0xFFFFFFFFu)
			line++;
	return line;
}

/*
 * The iconv name for a declared charset, NULL to ignore the declaration
 * (UTF-8 and UTF-16, which a meta tag cannot meaningfully declare, or
 * names with unexpected characters).
 */
static const char *charset_name(const char *cs, char *buf, size_t cap)
{
	static const char *const gb[] = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936",
					 "windows-936", "euc-cn", "x-euc-cn", "csgb2312",
					 "chinese", "gb_2312-80", "iso-ir-58", "hz-gb-2312"};
	static const char *const latin[] = {"iso-8859-1", "latin1", "l1", "us-ascii", "ascii",
					    "windows-1252", "cp1252", "iso8859-1"};
	size_t i, n = strlen(cs);

	if (!n || n >= cap)
		return NULL;
	for (i = 0; i < n; i++) {
		char c = (char)cj_text_lower((unsigned char)cs[i]);

		if (!((c >= 'a' && c <= 'z') || cj_text_is_digit(c) || c == '-' || c == '_' ||
		      c == '.' || c == ':'))
			return NULL;
		buf[i] = c;
	}
	buf[n] = '\0';
	if (!strcmp(buf, "utf-8") || !strcmp(buf, "utf8") || !strncmp(buf, "utf-16", 6) ||
	    !strncmp(buf, "unicode", 7))
		return NULL;
	for (i = 0; i < sizeof(gb) / sizeof(gb[0]); i++)
		if (!strcmp(buf, gb[i]))
			return strcmp(buf, "hz-gb-2312") ? "GB18030" : NULL;
	for (i = 0; i < sizeof(latin) / sizeof(latin[0]); i++)
		if (!strcmp(buf, latin[i]))
			return "CP1252";
	return buf;
}

enum cj_err cj_text_to_utf8(const char *data, size_t len, const char *charset,
			    const char *name, const char **text, size_t *text_len,
			    char **owned, struct cj_diag *d)
{
	struct cj_buf b;
	size_t bom = cj_utf8_bom_len(data, len), bad = 0, gbad = 0;
	const char *from = NULL;
	char csbuf[48];
	enum conv_result r;

	*owned = NULL;
	/* 2 * len bounds every conversion to UTF-8 from GB18030 or UTF-16 */
	cj_buf_init(&b, len < ((size_t)1 << 60) ? 2 * len + 64 : 0);
	if (bom) {
		if (!cj_utf8_validate(data + bom, len - bom, &bad))
			return cj_fail_at(d, CJ_ERR_ENCODING, name, line_of(data, bom + bad),
					  "文件以 UTF-8 BOM 开头，但含有无效的 UTF-8 字节（字节偏移 %zu）",
					  bom + bad);
		*text = data + bom;
		*text_len = len - bom;
		return CJ_OK;
	}
	if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
			 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
		from = (unsigned char)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		r = convert(from, data + 2, len - 2, &b, &bad);
		if (r != CONV_OK && !cj_buf_err(&b)) {
			cj_buf_release(&b);
			return cj_fail_at(d, CJ_ERR_ENCODING, name, 0,
					  "无法按 %s 解码（字节偏移 %zu）", from, bad + 2);
		}
		goto converted;
	}
	if (cj_utf8_validate(data, len, &bad)) {
		*text = data;
		*text_len = len;
		return CJ_OK;
	}
	if (charset)
		from = charset_name(charset, csbuf, sizeof(csbuf));
	if (from) {
		r = convert(from, data, len, &b, &gbad);
		if (r == CONV_OK || cj_buf_err(&b))
			goto converted;
		cj_buf_reset(&b);
		if (r == CONV_BAD && !strcmp(from, "GB18030")) {
			cj_buf_release(&b);
			return cj_fail_at(d, CJ_ERR_ENCODING, name, line_of(data, gbad),
					  "既不是有效的 UTF-8（字节偏移 %zu），也不能按声明的编码 %s "
					  "解码（字节偏移 %zu）",
					  bad, charset, gbad);
		}
	}
	r = convert("GB18030", data, len, &b, &gbad);
	if (cj_buf_err(&b))
		goto converted;
	if (r == CONV_OK && looks_chinese(cj_buf_str(&b), b.len))
		goto converted;
	cj_buf_release(&b);
	if (r == CONV_BAD && gbad > bad) /* probably GB18030 with a bad byte: point there */
		return cj_fail_at(d, CJ_ERR_ENCODING, name, line_of(data, gbad),
				  "不是有效的 UTF-8 文本（字节偏移 %zu），按 GB18030 解码在字节偏移 "
				  "%zu 处失败",
				  bad, gbad);
	return cj_fail_at(d, CJ_ERR_ENCODING, name, line_of(data, bad),
			  "不是有效的 UTF-8 文本（字节偏移 %zu），也不像 GB18030/GBK 编码的中文",
			  bad);

converted:
	if (cj_buf_err(&b)) {
		enum cj_err e = cj_buf_err(&b);

		cj_buf_release(&b);
		if (e == CJ_ERR_NOMEM)
			return cj_fail_at(d, e, name, 0, "内存不足");
		return cj_fail_at(d, e, name, 0, "转换编码后的文本过大");
	}
	*owned = cj_buf_detach(&b, text_len);
	if (!*owned)
		return cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
	*text = *owned;
	return CJ_OK;
}

/* ============================================================ plain text */

enum cj_err cj_text_plain(struct cj_text_builder *tb, const char *data, size_t len,
			  const char *name, struct cj_diag *d)
{
	const char *text, *nul;
	size_t n;
	char *owned;
	enum cj_err e;
	int utf16 = len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
				 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF));

	nul = utf16 ? NULL : memchr(data, '\0', len);
	if (nul)
		return cj_fail_at(d, CJ_ERR_ENCODING, name, line_of(data, (size_t)(nul - data)),
				  "文本中含有 NUL 字节（字节偏移 %zu），可能是二进制文件或无 BOM 的 UTF-16",
				  (size_t)(nul - data));
	e = cj_text_to_utf8(data, len, NULL, name, &text, &n, &owned, d);
	if (e)
		return e;
	if (utf16 && memchr(text, '\0', n)) {
		cj_free(owned);
		return cj_fail_at(d, CJ_ERR_ENCODING, name, 0, "文本中含有 NUL 字符");
	}
	cj_text_put_lines(tb, text, n);
	cj_free(owned);
	return CJ_OK;
}
