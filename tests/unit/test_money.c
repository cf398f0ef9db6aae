/*
 * test_money.c - parsing, rounding, shares and intervals at their edges.
 */
#include <stdint.h>
#include <stdio.h>

#include "base/money.h"
#include "runner.h"

struct parse_case {
	const char *in;
	int64_t unit;
	enum cj_err err;
	int64_t fen;
};

static const struct parse_case parse_cases[] = {
	{"0", CJ_FEN_PER_WAN, CJ_OK, 0},
	{"1104.25", CJ_FEN_PER_WAN, CJ_OK, 1104250000},
	{"1,104.25", CJ_FEN_PER_WAN, CJ_OK, 1104250000},
	{"１，１０４．２５", CJ_FEN_PER_WAN, CJ_OK, 1104250000},
	{"1104.25万元", CJ_FEN_PER_YUAN, CJ_OK, 1104250000},
	{"11042500元", CJ_FEN_PER_WAN, CJ_OK, 1104250000},
	{"0.01", CJ_FEN_PER_YUAN, CJ_OK, 1},
	{"1.5亿元", CJ_FEN_PER_YUAN, CJ_OK, 15000000000},
	{"-0.5", CJ_FEN_PER_YUAN, CJ_OK, -50},
	{"－3.13", CJ_FEN_PER_WAN, CJ_OK, -3130000},
	{"(12.30)", CJ_FEN_PER_YUAN, CJ_OK, -1230},
	{"（12.30）", CJ_FEN_PER_YUAN, CJ_OK, -1230},
	{" 5 ", CJ_FEN_PER_YUAN, CJ_OK, 500},
	{"1 104.25", CJ_FEN_PER_WAN, CJ_OK, 1104250000},
	{"0.001", CJ_FEN_PER_YUAN, CJ_ERR_RANGE, 0},
	{"797.105", CJ_FEN_PER_WAN, CJ_ERR_RANGE, 0},
	{"", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"-", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"1.", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{".5", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"1,10.25", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"1234,567", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"12a", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"(12", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	{"1.2.3", CJ_FEN_PER_YUAN, CJ_ERR_PARSE, 0},
	/* INT64_MAX fen = 92233720368547758.07 元 */
	{"92233720368547758.07", CJ_FEN_PER_YUAN, CJ_ERR_RANGE, 0}, /* 19 digits */
	{"922337203685477.58", CJ_FEN_PER_YUAN, CJ_OK, 92233720368547758},
	{"92233720368547.58万元", CJ_FEN_PER_YUAN, CJ_ERR_RANGE, 0}, /* overflow */
	{"9223372036854.77万元", CJ_FEN_PER_YUAN, CJ_OK, 9223372036854770000},
	{"9223372036854.78万元", CJ_FEN_PER_YUAN, CJ_ERR_RANGE, 0},
	{"-9223372036854.77万元", CJ_FEN_PER_YUAN, CJ_OK, -9223372036854770000},
};

TEST(money_parse_table)
{
	size_t i;

	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		const struct parse_case *c = &parse_cases[i];
		int64_t fen = 0;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		e = cj_money_parse(c->in, strlen(c->in), c->unit, &fen, &d);
		if (e != c->err)
			fprintf(stderr, "case %zu \"%s\": %s\n", i, c->in, d.msg);
		CHECK_EQ_INT(e, c->err);
		if (c->err == CJ_OK)
			CHECK_EQ_INT(fen, c->fen);
		else
			CHECK(d.msg[0] != '\0');
	}
}

TEST(money_parse_message_is_chinese)
{
	struct cj_diag d;
	int64_t fen;

	cj_diag_init(&d);
	cj_money_parse("797.105", 7, CJ_FEN_PER_WAN, &fen, &d);
	CHECK_CONTAINS(d.msg, "小数");
	CHECK_CONTAINS(d.msg, "797.105");
}

TEST(money_round_div_half_away)
{
	CHECK_EQ_INT(cj_round_div(5, 10), 1);
	CHECK_EQ_INT(cj_round_div(4, 10), 0);
	CHECK_EQ_INT(cj_round_div(-5, 10), -1);
	CHECK_EQ_INT(cj_round_div(-4, 10), 0);
	CHECK_EQ_INT(cj_round_div(15, 10), 2);
	CHECK_EQ_INT(cj_round_div(INT64_MAX, 1), INT64_MAX);
	CHECK_EQ_INT(cj_round_div(INT64_MIN, 1), INT64_MIN);
	CHECK_EQ_INT(cj_round_div(INT64_MAX, 2), INT64_MAX / 2 + 1);
}

TEST(money_overflow_checked)
{
	int64_t r;

	CHECK_EQ_INT(cj_add(INT64_MAX, 1, &r), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_add(INT64_MAX - 1, 1, &r), CJ_OK);
	CHECK_EQ_INT(r, INT64_MAX);
	CHECK_EQ_INT(cj_sub(INT64_MIN, 1, &r), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_mul(INT64_MAX / 2 + 1, 2, &r), CJ_ERR_RANGE);
}

struct fmt_case {
	int64_t fen;
	const char *want;
};

TEST(money_format_wan)
{
	static const struct fmt_case cases[] = {
		{0, "0.00"},
		{797100000, "797.10"},
		{797095000, "797.10"},  /* exactly .005 rounds up */
		{797094999, "797.09"},
		{-797095000, "-797.10"}, /* half away from zero */
		{-4999, "0.00"},
		{-5000, "-0.01"},
		{1104250000, "1104.25"},
		{INT64_MAX, "9223372036854.78"},
		{INT64_MIN, "-9223372036854.78"},
	};
	size_t i;
	char buf[64];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cj_wan(cases[i].fen, buf, sizeof(buf));
		CHECK_STR(buf, cases[i].want);
	}
	cj_money_format(1104250000, CJ_FEN_PER_WAN, 2, CJ_FMT_GROUP, buf, sizeof(buf));
	CHECK_STR(buf, "1,104.25");
	cj_money_format(110425000000, CJ_FEN_PER_YUAN, 2, CJ_FMT_GROUP, buf, sizeof(buf));
	CHECK_STR(buf, "1,104,250,000.00");
	cj_money_format(100000, CJ_FEN_PER_YUAN, 0, CJ_FMT_GROUP, buf, sizeof(buf));
	CHECK_STR(buf, "1,000");
}

TEST(money_pct)
{
	int64_t bp;
	char buf[32];

	CHECK_EQ_INT(cj_pct_bp(40570000, 797100000, &bp), CJ_OK);
	CHECK_EQ_INT(bp, 509); /* 社会保障和就业 5.09%, not 5.19% */
	CHECK_EQ_INT(cj_pct_bp(1, 0, &bp), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_pct_bp(5, 1000000, &bp), CJ_OK);
	CHECK_EQ_INT(bp, 0);     /* 0.0005% */
	CHECK_EQ_INT(cj_pct_bp(1, 20000, &bp), CJ_OK);
	CHECK_EQ_INT(bp, 1);     /* exactly 0.005% rounds up */
	CHECK_EQ_INT(cj_pct_bp(-313, 520, &bp), CJ_OK);
	CHECK_EQ_INT(bp, -6019); /* 下降60.19% */
	cj_pct_format(-6019, buf, sizeof(buf));
	CHECK_STR(buf, "-60.19%");
	cj_pct_format(10000, buf, sizeof(buf));
	CHECK_STR(buf, "100.00%");
	cj_pct_format(5, buf, sizeof(buf));
	CHECK_STR(buf, "0.05%");
	CHECK_EQ_INT(cj_pct_bp(51472, 58953, &bp), CJ_OK);
	CHECK_EQ_INT(bp, 8731);
}

TEST(money_shares_sum_to_100)
{
	/* the seed's 一般公共预算 by 类 */
	int64_t parts[5] = {71154, 4057, 1239, 521, 2739}, out[5], sum = 0;
	int64_t third[3] = {1, 1, 1}, o3[3];
	int64_t zero[2] = {0, 0}, o2[2];
	int64_t neg[2] = {5, -1};
	size_t i;

	CHECK_EQ_INT(cj_shares_bp(parts, 5, out), CJ_OK);
	CHECK_EQ_INT(out[0], 8927);
	CHECK_EQ_INT(out[1], 509);
	CHECK_EQ_INT(out[2], 155);
	CHECK_EQ_INT(out[3], 65);
	CHECK_EQ_INT(out[4], 344);
	for (i = 0; i < 5; i++)
		sum += out[i];
	CHECK_EQ_INT(sum, 10000);
	/* 1/3 each: 33.34 + 33.33 + 33.33 */
	CHECK_EQ_INT(cj_shares_bp(third, 3, o3), CJ_OK);
	CHECK_EQ_INT(o3[0] + o3[1] + o3[2], 10000);
	CHECK_EQ_INT(o3[0], 3334);
	CHECK_EQ_INT(o3[1], 3333);
	CHECK_EQ_INT(cj_shares_bp(zero, 2, o2), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_shares_bp(neg, 2, o2), CJ_ERR_RANGE);
	/* 三公: 2.07 and 0.85 of 2.92 */
	{
		int64_t sg[3] = {0, 207, 85}, os[3];
		CHECK_EQ_INT(cj_shares_bp(sg, 3, os), CJ_OK);
		CHECK_EQ_INT(os[0], 0);
		CHECK_EQ_INT(os[1], 7089);
		CHECK_EQ_INT(os[2], 2911);
	}
}

TEST(money_interval_share_check)
{
	struct cj_dec amt = {4057, 2}, tot = {79710, 2}, wrong = {519, 2}, right = {509, 2};
	struct cj_ival r;

	CHECK_EQ_INT(cj_ival_ratio(cj_ival_printed(amt), cj_ival_printed(tot), 100, &r), CJ_OK);
	CHECK(!cj_ival_overlaps(r, cj_ival_printed(wrong)));
	CHECK(cj_ival_overlaps(r, cj_ival_printed(right)));
	CHECK_EQ_INT(cj_ival_round(r, 2).v, 509);
}

TEST(money_interval_rounding_sum)
{
	/* 522.26 + 274.83 = 797.09 against 797.10: inside the rounding envelope */
	struct cj_dec a = {52226, 2}, b = {27483, 2}, t = {79710, 2}, far = {79720, 2};
	struct cj_ival s = cj_ival_add(cj_ival_printed(a), cj_ival_printed(b));

	CHECK(cj_ival_overlaps(s, cj_ival_printed(t)));
	CHECK(!cj_ival_overlaps(s, cj_ival_printed(far)));
	CHECK(!cj_ival_overlaps(cj_ival_add(cj_ival_exact(a), cj_ival_exact(b)),
				cj_ival_exact(t)));
}

TEST(money_interval_zero_denominator)
{
	struct cj_dec z = {0, 2}, one = {100, 2};
	struct cj_ival r;

	CHECK_EQ_INT(cj_ival_ratio(cj_ival_exact(one), cj_ival_printed(z), 100, &r), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_ival_ratio(cj_ival_exact(one), cj_ival_exact(z), 100, &r), CJ_ERR_RANGE);
}

TEST(money_dec_parse)
{
	struct cj_dec x;

	CHECK_EQ_INT(cj_dec_parse("608.3", 5, &x, NULL), CJ_OK);
	CHECK_EQ_INT(x.v, 6083);
	CHECK_EQ_INT(x.scale, 1);
	CHECK_EQ_INT(cj_dec_parse("0.0000001", 9, &x, NULL), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_dec_parse("1234567890123456789", 19, &x, NULL), CJ_ERR_RANGE);
	CHECK_EQ_INT(cj_dec_parse("123456789012345678", 18, &x, NULL), CJ_OK);
}
