/*
 * money.h - exact money, percentages, structure shares and rounding
 * intervals.  The one place that turns figures into text and text into
 * figures; calc/, rules/, report/ and audit/ all go through it.
 *
 * Invariants:
 *  - an amount is an int64_t count of fen (分); no floating point anywhere;
 *  - rounding is half away from zero (四舍五入) at the printed precision;
 *  - a percentage is held in basis points of a percent ("bp": 1 = 0.01%),
 *    so 5.09% is 509;
 *  - a figure as printed ("5.19", "797.10") is a decimal (struct cj_dec)
 *    and stands for the interval value ± half a unit in its last place
 *    (struct cj_ival).  Checks compare intervals, never a fixed tolerance.
 *
 * Limits: decimals carry at most 18 significant digits and 6 places;
 * interval arithmetic uses 128-bit integers and is exact within them.
 */
#ifndef CJ_MONEY_H
#define CJ_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define CJ_FEN_PER_YUAN ((int64_t)100)
#define CJ_FEN_PER_WAN ((int64_t)1000000)
#define CJ_FEN_PER_YI ((int64_t)10000000000)

__extension__ typedef __int128 cj_i128;

/* A decimal number as written: value = v / 10^scale. */
struct cj_dec {
	int64_t v;
	int scale; /* digits after the decimal point, 0..6 */
};

/* ---------------------------------------------------------------- parse */

/*
 * Parse decimal text.  Accepts ASCII and full-width digits, '.', '．',
 * thousands separators (',' '，' every three digits), spaces inside the
 * number, a leading '-' / '－' / '−' / '+', or the whole number in
 * parentheses (ASCII or full-width) meaning negative.  Nothing may follow.
 * Errors: CJ_ERR_PARSE (not a number), CJ_ERR_RANGE (more than 18 digits
 * or 6 decimal places).  The message is Chinese and names the text.
 */
enum cj_err cj_dec_parse(const char *s, size_t len, struct cj_dec *out,
			 struct cj_diag *d);

/*
 * Parse an amount to fen.  `unit_fen` is the unit of a bare number
 * (CJ_FEN_PER_WAN for 万元); a trailing 元 / 万元 / 亿元 overrides it.
 * At most two decimal places (a third is refused, CJ_ERR_RANGE); overflow
 * of int64 fen is refused (CJ_ERR_RANGE).
 *
 *     cj_money_parse("１，１０４．２５万元", n, CJ_FEN_PER_YUAN, &fen, &d)
 *         -> fen = 1104250000 (11,042,500.00 元)
 */
enum cj_err cj_money_parse(const char *s, size_t len, int64_t unit_fen,
			   int64_t *out_fen, struct cj_diag *d);

/* ---------------------------------------------------------------- round */

/* n / d rounded half away from zero; d != 0. */
int64_t cj_round_div(int64_t n, int64_t d);

/* Overflow-checked arithmetic: CJ_ERR_RANGE instead of wrapping. */
enum cj_err cj_add(int64_t a, int64_t b, int64_t *out);
enum cj_err cj_sub(int64_t a, int64_t b, int64_t *out);
enum cj_err cj_mul(int64_t a, int64_t b, int64_t *out);

/*
 * Percentage num/den in basis points, half away from zero.
 * CJ_ERR_RANGE when den == 0 (undefined: no rate from a zero base).
 */
enum cj_err cj_pct_bp(int64_t num, int64_t den, int64_t *out_bp);

/*
 * Structure shares of `n` non-negative parts, in bp, by the largest
 * remainder method: each share is the floor or the ceiling of the exact
 * share, and they sum to exactly 10000 (100.00%).  Ties go to the larger
 * part, then to the earlier one.  CJ_ERR_RANGE when a part is negative or
 * all parts are zero (out_bp is then all zero).
 */
enum cj_err cj_shares_bp(const int64_t *parts, size_t n, int64_t *out_bp);

/* --------------------------------------------------------------- format */

#define CJ_FMT_GROUP 1 /* thousands separators: 1,104.25 */

/*
 * Format fen in a unit with `decimals` places, rounded half away from
 * zero, into buf (cap >= 32 is always enough).  Returns the length.
 *     cj_money_format(797095000, CJ_FEN_PER_WAN, 2, 0, b, 32) -> "797.10"
 */
size_t cj_money_format(int64_t fen, int64_t unit_fen, int decimals, int flags,
		       char *buf, size_t cap);

/* "797.10" for an amount in 万元 (two decimals, no grouping). */
size_t cj_wan(int64_t fen, char *buf, size_t cap);

/* A bp value as "5.09%" (always two decimals; negative as "-3.10%"). */
size_t cj_pct_format(int64_t bp, char *buf, size_t cap);

/* A decimal as written, e.g. {509, 2} -> "5.09". */
size_t cj_dec_format(struct cj_dec x, char *buf, size_t cap);

/* ------------------------------------------------------------ intervals */

/* A rational n/d with d > 0. */
struct cj_q {
	cj_i128 n;
	cj_i128 d;
};

/* A closed interval [lo, hi] of rationals. */
struct cj_ival {
	struct cj_q lo, hi;
};

/* The interval a printed decimal stands for: v ± 0.5 * 10^-scale. */
struct cj_ival cj_ival_printed(struct cj_dec x);

/* A point interval (an exact value, e.g. computed from data). */
struct cj_ival cj_ival_exact(struct cj_dec x);

/* A point interval of an amount in fen, expressed in `unit_fen` units. */
struct cj_ival cj_ival_fen(int64_t fen, int64_t unit_fen);

/* An amount printed in a unit at `decimals` places: its rounding interval. */
struct cj_ival cj_ival_fen_printed(int64_t fen, int64_t unit_fen, int decimals);

int cj_q_cmp(struct cj_q a, struct cj_q b);

/* 1 when the intervals share a point. */
int cj_ival_overlaps(struct cj_ival a, struct cj_ival b);

/* Sum and difference of intervals. */
struct cj_ival cj_ival_add(struct cj_ival a, struct cj_ival b);
struct cj_ival cj_ival_sub(struct cj_ival a, struct cj_ival b);

/*
 * The set of factor * a / b over a in A, b in B.  CJ_ERR_RANGE when B
 * contains zero (the ratio is unbounded).
 */
enum cj_err cj_ival_ratio(struct cj_ival a, struct cj_ival b, int64_t factor,
			  struct cj_ival *out);

/* The midpoint of an interval rounded half away from zero at `scale`. */
struct cj_dec cj_ival_round(struct cj_ival x, int scale);

#endif
