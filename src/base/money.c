/*
 * money.c - exact amounts, percentages, shares and rounding intervals.
 *
 * Deliberately has no floating point.  Parsing is strict in the way of
 * redis string2ll: what is accepted prints back to the same value; a third
 * decimal place on an amount is refused rather than rounded away.
 */
#include "money.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* ============================================================== parsing */

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* Show at most 40 bytes of the offending text, cut on a character. */
static int shown(size_t len)
{
	return (int)(len > 40 ? 40 : len);
}

enum cj_err cj_dec_parse(const char *s, size_t len, struct cj_dec *out,
			 struct cj_diag *d)
{
	size_t i = 0, adv, end = len, show = cj_utf8_clip(s, len > 40 ? 40 : len);
	uint32_t cp;
	int neg = 0, paren = 0, seen_point = 0, ndigits = 0, scale = 0;
	int grouped = 0, group_len = 0, first_group = 1;
	int64_t v = 0;

	(void)shown;
	/* trim spaces at both ends */
	while (i < end) {
		cp = cj_utf8_decode(s + i, end - i, &adv);
		if (!is_space_cp(cp))
			break;
		i += adv;
	}
	while (end > i) {
		size_t k = end - 1;
		while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		cp = cj_utf8_decode(s + k, end - k, &adv);
		if (!is_space_cp(cp))
			break;
		end = k;
	}
	if (i < end) {
		cp = cj_utf8_decode(s + i, end - i, &adv);
		if (cp == '(' || cp == 0xFF08) {
			size_t k = end - 1;
			while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			cp = cj_utf8_decode(s + k, end - k, &adv);
			if (cp != ')' && cp != 0xFF09)
				goto bad;
			paren = 1;
			neg = 1;
			cj_utf8_decode(s + i, end - i, &adv);
			i += adv;
			end = k;
		} else if (cp == '-' || cp == 0xFF0D || cp == 0x2212) {
			neg = 1;
			i += adv;
		} else if (cp == '+' || cp == 0xFF0B) {
			i += adv;
		}
	}
	(void)paren;
	while (i < end) {
		cp = cj_utf8_fold_cp(cj_utf8_decode(s + i, end - i, &adv));
		i += adv;
		if (cp >= '0' && cp <= '9') {
			if (ndigits >= 18 || (ndigits == 0 && cp == '0' && 0))
				goto range;
			if (seen_point && scale >= 6)
				goto range;
			v = v * 10 + (int64_t)(cp - '0');
			if (v || seen_point)
				ndigits++;
			if (seen_point)
				scale++;
			else
				group_len++;
			continue;
		}
		if (cp == ',' && !seen_point) {
			/* groups: first 1..3 digits, later exactly 3 */
			if (group_len == 0 || (first_group && group_len > 3) ||
			    (!first_group && group_len != 3))
				goto bad;
			grouped = 1;
			first_group = 0;
			group_len = 0;
			continue;
		}
		if (cp == '.' && !seen_point) {
			if (grouped && group_len != 3)
				goto bad;
			if (group_len == 0 && !grouped)
				goto bad;
			seen_point = 1;
			continue;
		}
		if (cp == ' ' && !seen_point)
			continue; /* "1 104.25" as OCR and typesetting leave it */
		goto bad;
	}
	if (!seen_point && grouped && group_len != 3)
		goto bad;
	if (seen_point && scale == 0)
		goto bad;
	if (!seen_point && group_len == 0 && !grouped)
		goto bad;
	out->v = neg ? -v : v;
	out->scale = scale;
	return CJ_OK;
bad:
	return cj_fail(d, CJ_ERR_PARSE, "无法解析数字「%.*s」", (int)show, s);
range:
	return cj_fail(d, CJ_ERR_RANGE, "数字「%.*s」位数过多（最多18位有效数字、6位小数）",
		       (int)show, s);
}

static int ends_with(const char *s, size_t len, const char *suf, size_t *newlen)
{
	size_t n = strlen(suf);

	if (len >= n && memcmp(s + len - n, suf, n) == 0) {
		*newlen = len - n;
		return 1;
	}
	return 0;
}

static const int64_t pow10_tab[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
				    10000000, 100000000, 1000000000,
				    10000000000, 100000000000, 1000000000000};

enum cj_err cj_money_parse(const char *s, size_t len, int64_t unit_fen,
			   int64_t *out_fen, struct cj_diag *d)
{
	size_t n = len, show = cj_utf8_clip(s, len > 40 ? 40 : len);
	struct cj_dec x;
	int64_t per, fen;
	enum cj_err e;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (ends_with(s, n, "万元", &n))
		unit_fen = CJ_FEN_PER_WAN;
	else if (ends_with(s, n, "亿元", &n))
		unit_fen = CJ_FEN_PER_YI;
	else if (ends_with(s, n, "元", &n))
		unit_fen = CJ_FEN_PER_YUAN;
	e = cj_dec_parse(s, n, &x, NULL);
	if (e == CJ_ERR_PARSE)
		return cj_fail(d, e, "无法解析金额「%.*s」", (int)show, s);
	if (e)
		return cj_fail(d, e, "金额「%.*s」超出范围", (int)show, s);
	if (x.scale > 2)
		return cj_fail(d, CJ_ERR_RANGE,
			       "金额「%.*s」有%d位小数，最多两位（不做舍入）", (int)show, s,
			       x.scale);
	if (unit_fen % pow10_tab[x.scale])
		return cj_fail(d, CJ_ERR_RANGE, "金额「%.*s」精度小于1分", (int)show, s);
	per = unit_fen / pow10_tab[x.scale];
	if (cj_mul(x.v, per, &fen))
		return cj_fail(d, CJ_ERR_RANGE, "金额「%.*s」超出范围", (int)show, s);
	*out_fen = fen;
	return CJ_OK;
}

/* ============================================================ arithmetic */

int64_t cj_round_div(int64_t n, int64_t d)
{
	cj_i128 q, r, an, ad;

	q = (cj_i128)n / d;
	r = (cj_i128)n % d;
	an = r < 0 ? -r : r;
	ad = d < 0 ? -(cj_i128)d : d;
	if (an * 2 >= ad)
		q += ((n < 0) != (d < 0)) ? -1 : 1;
	return (int64_t)q;
}

static cj_i128 round_div128(cj_i128 n, cj_i128 d)
{
	cj_i128 q = n / d, r = n % d, an = r < 0 ? -r : r, ad = d < 0 ? -d : d;

	if (an >= ad - an)
		q += ((n < 0) != (d < 0)) ? -1 : 1;
	return q;
}

enum cj_err cj_add(int64_t a, int64_t b, int64_t *out)
{
	if (__builtin_add_overflow(a, b, out))
		return CJ_ERR_RANGE;
	return CJ_OK;
}

enum cj_err cj_sub(int64_t a, int64_t b, int64_t *out)
{
	if (__builtin_sub_overflow(a, b, out))
		return CJ_ERR_RANGE;
	return CJ_OK;
}

enum cj_err cj_mul(int64_t a, int64_t b, int64_t *out)
{
	if (__builtin_mul_overflow(a, b, out))
		return CJ_ERR_RANGE;
	return CJ_OK;
}

enum cj_err cj_pct_bp(int64_t num, int64_t den, int64_t *out_bp)
{
	if (den == 0)
		return CJ_ERR_RANGE;
	*out_bp = (int64_t)round_div128((cj_i128)num * 10000, den);
	return CJ_OK;
}

enum cj_err cj_shares_bp(const int64_t *parts, size_t n, int64_t *out_bp)
{
	cj_i128 total = 0, rj, rb;
	int64_t assigned = 0;
	size_t i, j, best;

	for (i = 0; i < n; i++) {
		out_bp[i] = 0;
		if (parts[i] < 0)
			return CJ_ERR_RANGE;
		total += parts[i];
	}
	if (total == 0)
		return CJ_ERR_RANGE;
	for (i = 0; i < n; i++) {
		out_bp[i] = (int64_t)(((cj_i128)parts[i] * 10000) / total);
		assigned += out_bp[i];
	}
	/*
	 * Hand out the missing units one at a time to the largest remainder
	 * not yet rounded up.  n is a structure's size (a handful), and the
	 * deficit is below the number of non-zero remainders.
	 */
	while (assigned < 10000) {
		best = n;
		for (j = 0; j < n; j++) {
			rj = (cj_i128)parts[j] * 10000 - (cj_i128)out_bp[j] * total;
			if (rj <= 0)
				continue; /* exact, or already rounded up */
			if (best == n) {
				best = j;
				continue;
			}
			rb = (cj_i128)parts[best] * 10000 - (cj_i128)out_bp[best] * total;
			if (rj > rb || (rj == rb && parts[j] > parts[best]))
				best = j;
		}
		if (best == n)
			break;
		out_bp[best]++;
		assigned++;
	}
	return CJ_OK;
}

/* ============================================================ formatting */

/* Print |q| (an integer count of 10^-decimals units) with sign. */
static size_t print_scaled(cj_i128 q, int decimals, int group, char *buf,
			   size_t cap)
{
	char digits[64], tmp[96];
	size_t nd = 0, k = 0, i, intlen;
	int neg = q < 0;
	cj_i128 a = neg ? -q : q;

	do {
		digits[nd++] = (char)('0' + (int)(a % 10));
		a /= 10;
	} while (a && nd < sizeof(digits));
	while ((int)nd <= decimals)
		digits[nd++] = '0';
	if (neg)
		tmp[k++] = '-';
	intlen = nd - (size_t)decimals;
	for (i = 0; i < intlen; i++) {
		tmp[k++] = digits[nd - 1 - i];
		if (group && intlen - 1 - i > 0 && (intlen - 1 - i) % 3 == 0)
			tmp[k++] = ',';
	}
	if (decimals > 0) {
		tmp[k++] = '.';
		for (i = 0; i < (size_t)decimals; i++)
			tmp[k++] = digits[(size_t)decimals - 1 - i];
	}
	tmp[k] = '\0';
	if (cap) {
		size_t n = k < cap - 1 ? k : cap - 1;
		memcpy(buf, tmp, n);
		buf[n] = '\0';
	}
	return k;
}

size_t cj_money_format(int64_t fen, int64_t unit_fen, int decimals, int flags,
		       char *buf, size_t cap)
{
	cj_i128 q;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 12)
		decimals = 12;
	/* value in units of unit_fen / 10^decimals, which may be below 1 fen */
	q = round_div128((cj_i128)fen * pow10_tab[decimals], unit_fen);
	return print_scaled(q, decimals, flags & CJ_FMT_GROUP, buf, cap);
}

size_t cj_wan(int64_t fen, char *buf, size_t cap)
{
	return cj_money_format(fen, CJ_FEN_PER_WAN, 2, 0, buf, cap);
}

size_t cj_pct_format(int64_t bp, char *buf, size_t cap)
{
	char tmp[64];
	size_t n = print_scaled(bp, 2, 0, tmp, sizeof(tmp));

	return (size_t)snprintf(buf, cap, "%.*s%%", (int)n, tmp);
}

size_t cj_dec_format(struct cj_dec x, char *buf, size_t cap)
{
	return print_scaled(x.v, x.scale, 0, buf, cap);
}

/* ============================================================= intervals */

static cj_i128 gcd128(cj_i128 a, cj_i128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b) {
		cj_i128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static struct cj_q q_make(cj_i128 n, cj_i128 d)
{
	struct cj_q q;
	cj_i128 g;

	if (d < 0) {
		n = -n;
		d = -d;
	}
	g = gcd128(n, d);
	if (g > 1) {
		n /= g;
		d /= g;
	}
	q.n = n;
	q.d = d;
	return q;
}

static struct cj_q q_add(struct cj_q a, struct cj_q b)
{
	return q_make(a.n * b.d + b.n * a.d, a.d * b.d);
}

static struct cj_q q_neg(struct cj_q a)
{
	a.n = -a.n;
	return a;
}

int cj_q_cmp(struct cj_q a, struct cj_q b)
{
	cj_i128 l = a.n * b.d, r = b.n * a.d;

	return l < r ? -1 : l > r;
}

static struct cj_q q_min(struct cj_q a, struct cj_q b)
{
	return cj_q_cmp(a, b) <= 0 ? a : b;
}

static struct cj_q q_max(struct cj_q a, struct cj_q b)
{
	return cj_q_cmp(a, b) >= 0 ? a : b;
}

struct cj_ival cj_ival_printed(struct cj_dec x)
{
	struct cj_ival r;
	cj_i128 den = 2 * (cj_i128)pow10_tab[x.scale];

	r.lo = q_make(2 * (cj_i128)x.v - 1, den);
	r.hi = q_make(2 * (cj_i128)x.v + 1, den);
	return r;
}

struct cj_ival cj_ival_exact(struct cj_dec x)
{
	struct cj_ival r;

	r.lo = q_make(x.v, pow10_tab[x.scale]);
	r.hi = r.lo;
	return r;
}

struct cj_ival cj_ival_fen(int64_t fen, int64_t unit_fen)
{
	struct cj_ival r;

	r.lo = q_make(fen, unit_fen);
	r.hi = r.lo;
	return r;
}

struct cj_ival cj_ival_fen_printed(int64_t fen, int64_t unit_fen, int decimals)
{
	struct cj_dec x;

	x.scale = decimals;
	x.v = (int64_t)round_div128((cj_i128)fen * pow10_tab[decimals], unit_fen);
	return cj_ival_printed(x);
}

int cj_ival_overlaps(struct cj_ival a, struct cj_ival b)
{
	return cj_q_cmp(a.lo, b.hi) <= 0 && cj_q_cmp(b.lo, a.hi) <= 0;
}

struct cj_ival cj_ival_add(struct cj_ival a, struct cj_ival b)
{
	struct cj_ival r;

	r.lo = q_add(a.lo, b.lo);
	r.hi = q_add(a.hi, b.hi);
	return r;
}

struct cj_ival cj_ival_sub(struct cj_ival a, struct cj_ival b)
{
	struct cj_ival r;

	r.lo = q_add(a.lo, q_neg(b.hi));
	r.hi = q_add(a.hi, q_neg(b.lo));
	return r;
}

enum cj_err cj_ival_ratio(struct cj_ival a, struct cj_ival b, int64_t factor,
			  struct cj_ival *out)
{
	struct cj_q c[4];
	struct cj_q as[2] = {a.lo, a.hi}, bs[2] = {b.lo, b.hi};
	int i, j, k = 0;

	if (b.lo.n <= 0 && b.hi.n >= 0)
		return CJ_ERR_RANGE;
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++)
			c[k++] = q_make(as[i].n * bs[j].d * factor, as[i].d * bs[j].n);
	out->lo = q_min(q_min(c[0], c[1]), q_min(c[2], c[3]));
	out->hi = q_max(q_max(c[0], c[1]), q_max(c[2], c[3]));
	return CJ_OK;
}

struct cj_dec cj_ival_round(struct cj_ival x, int scale)
{
	struct cj_dec r;
	struct cj_q m = q_add(x.lo, x.hi);

	/* midpoint = m / 2; times 10^scale; rounded */
	r.scale = scale;
	r.v = (int64_t)round_div128(m.n * pow10_tab[scale], m.d * 2);
	return r;
}
