/*
 * utf8.c - see utf8.h for the rules on bad input.
 */
#include "utf8.h"

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Length and validity of the sequence at s; 0 when invalid. */
static size_t seq_len(const unsigned char *s, size_t len, uint32_t *cp_out)
{
	uint32_t cp;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp_out = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (!is_cont(s[i]))
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*cp_out = cp;
	return n;
}

int cj_utf8_validate(const char *s, size_t len, size_t *bad_off)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		n = seq_len(p + i, len - i, &cp);
		if (!n) {
			if (bad_off)
				*bad_off = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

uint32_t cj_utf8_decode(const char *s, size_t len, size_t *adv)
{
	uint32_t cp;
	size_t n = seq_len((const unsigned char *)s, len, &cp);

	if (!n) {
		*adv = 1;
		return 0xFFFD;
	}
	*adv = n;
	return cp;
}

size_t cj_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t cj_utf8_nchars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (!is_cont((unsigned char)s[i]))
			n++;
	return n;
}

static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t cj_utf8_width(const char *s, size_t len)
{
	size_t i = 0, adv, w = 0;
	uint32_t cp;

	while (i < len) {
		cp = cj_utf8_decode(s + i, len - i, &adv);
		w += is_wide(cp) ? 2 : 1;
		i += adv;
	}
	return w;
}

uint32_t cj_utf8_fold_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;
	if (cp == 0x3000 || cp == 0xA0)
		return ' ';
	return cp;
}

void cj_utf8_fold(struct cj_buf *out, const char *s, size_t len)
{
	size_t i = 0, adv, n;
	uint32_t cp;
	char tmp[4];

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			cj_buf_putc(out, s[i]);
			i++;
			continue;
		}
		cp = cj_utf8_decode(s + i, len - i, &adv);
		if (cp == 0xFFFD && adv == 1) {
			cj_buf_put(out, s + i, 1);
		} else {
			n = cj_utf8_encode(cj_utf8_fold_cp(cp), tmp);
			cj_buf_put(out, tmp, n);
		}
		i += adv;
	}
}

size_t cj_utf8_bom_len(const char *s, size_t len)
{
	if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF)
		return 3;
	return 0;
}

size_t cj_utf8_clip(const char *s, size_t len)
{
	size_t i = len, start;
	uint32_t cp;

	if (!len)
		return 0;
	start = len;
	while (start > 0 && len - start < 4) {
		start--;
		if (!is_cont((unsigned char)s[start]))
			break;
	}
	if (seq_len((const unsigned char *)s + start, len - start, &cp) == len - start)
		return len;
	i = start;
	return i;
}

int cj_ascii_all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

size_t cj_edit_distance(const char *a, size_t an, const char *b, size_t bn)
{
	size_t row[64], i, j;

	if (an >= 64 || bn >= 64)
		return 64;
	for (j = 0; j <= bn; j++)
		row[j] = j;
	for (i = 1; i <= an; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (j = 1; j <= bn; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[bn];
}

unsigned cj_line_of(const char *s, size_t off)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}
