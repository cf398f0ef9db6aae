/*
 * scan.c - the figure scanner: every number of a paragraph with what
 * follows it (元/万元/亿元, %, a measure word, 年), in one left-to-right
 * pass.
 *
 * What it recognises:
 *   amounts     797.10万元, 1,104.25万元, 1，104.25万元, 5000元, 1.2亿元
 *   percentages 5.19%, 100%
 *   counts      3次, 7批次, 56人次, 0台（套）, 2辆, 5个, 49名 (integers only)
 *   years       2020年, 2020年度, the 2018 of 2018-2019年
 * and marks as approximate what the text says is not a definite value:
 * 20余万元, 100多人, 2次以上, 30%左右.  Numbers glued to Latin letters
 * (Z01-1表, image2.png), ordinals (第3), figure and table numbers (图1,
 * 附件2, 财决01表), dates (7月9日) and other measures (1.4公里, 3个百分点)
 * are kept as AUD_OTHER so that nothing mistakes them for amounts; a
 * number followed by nothing (a table cell, "为797.10，") is AUD_BARE.
 *
 * It does not decide what a figure means (claim.c) and does not parse
 * number text itself beyond finding its extent: the value comes from
 * cj_dec_parse (src/base/money.h), the one number parser.
 *
 * Invariants: linear in the paragraph; never reads past its end; figures
 * are appended in order of their offsets and do not overlap.
 */
#include <string.h>

#include "audit.h"

/* ============================================================== helpers */

size_t cj_aud_prev(const char *s, size_t i)
{
	size_t k = i;

	if (k == 0)
		return 0;
	k--;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80 && i - k < 4)
		k--;
	return k;
}

int cj_aud_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* ======================================================= measure words */

/*
 * Counts: the measure words the auditor ties (DOMAIN.md 4.3 and the
 * performance tables).  Longer words first, so 人次 wins over 人 and
 * 批次 over 批.  Alternative spellings map to one canonical id.
 */
static const struct {
	struct aud_word word;
	unsigned id;
} measures[] = {
	{AUD_W("台（套）"), 1}, {AUD_W("台(套)"), 1}, {AUD_W("批次"), 2}, {AUD_W("人次"), 3}, {AUD_W("个"), 4},
	{AUD_W("人"), 5},       {AUD_W("辆"), 6},     {AUD_W("次"), 7},   {AUD_W("件"), 8},   {AUD_W("项"), 9},
	{AUD_W("台"), 10},      {AUD_W("套"), 11},    {AUD_W("名"), 12},  {AUD_W("篇"), 13},  {AUD_W("期"), 14},
};

static const char *const measure_names[] = {"", "台（套）", "批次", "人次", "个", "人", "辆", "次",
					    "件", "项", "台", "套", "名", "篇", "期"};

const char *cj_aud_measure_name(unsigned id)
{
	return id < sizeof(measure_names) / sizeof(measure_names[0]) ? measure_names[id] : "";
}

unsigned cj_aud_measure_count(void)
{
	return (unsigned)(sizeof(measure_names) / sizeof(measure_names[0]));
}

/* Words after a number that make it something other than a count. */
static const struct aud_word not_counts[] = {
	AUD_W("个百分点"),
	AUD_W("个月"),
	AUD_W("人员"),
	AUD_W("次数"),
	AUD_W("项目"),
	AUD_W("名单"),
	AUD_W("台账"),
	AUD_W("件事"),
	AUD_W("期间"),
	AUD_W("期末"),
	AUD_W("期初")};

/* Qualifiers after a figure that make it approximate or a bound. */
static const struct aud_word approx_after[] = {
	AUD_W("以上"),
	AUD_W("以下"),
	AUD_W("左右"),
	AUD_W("以内"),
	AUD_W("上下"),
	AUD_W("之间"),
	AUD_W("多"),
	AUD_W("余"),
	AUD_W("许"),
	AUD_W("有余")};

/* Han characters before a number that make it an ordinal or a label. */
static const struct aud_word label_before[] = {
	AUD_W("第"),
	AUD_W("图"),
	AUD_W("附件"),
	AUD_W("附表"),
	AUD_W("表"),
	AUD_W("编号"),
	AUD_W("序号"),
	AUD_W("行次"),
	AUD_W("栏次")};

/* ============================================================ scanning */

/*
 * Extent of a number starting at s[i] (a digit): digits, thousands groups
 * (',' or '，' followed by exactly three digits), one decimal point
 * followed by digits.  Returns the end.  *int_end receives the end of the
 * integer part.
 */
static size_t number_extent(const char *s, size_t len, size_t i, size_t *int_end)
{
	size_t j = i, k, sep;
	int ndig = 0, first = 1;

	while (j < len) {
		while (j < len && is_digit(s[j])) {
			j++;
			ndig++;
		}
		/* a thousands separator: first group 1-3 digits, later exactly 3 */
		sep = 0;
		if (j < len && s[j] == ',')
			sep = 1;
		else if (cj_aud_at(s, len, j, "，"))
			sep = 3;
		if (sep && ((first && ndig >= 1 && ndig <= 3) || (!first && ndig == 3))) {
			k = j + sep;
			if (k + 3 <= len && is_digit(s[k]) && is_digit(s[k + 1]) &&
			    is_digit(s[k + 2]) && (k + 3 == len || !is_digit(s[k + 3]))) {
				j = k;
				ndig = 0;
				first = 0;
				continue;
			}
		}
		break;
	}
	*int_end = j;
	if (j + 1 < len && s[j] == '.' && is_digit(s[j + 1])) {
		j++;
		while (j < len && is_digit(s[j]))
			j++;
	}
	return j;
}

/* Match one of the measure words at s[i]; returns its length and id. */
static size_t match_measure(const char *s, size_t len, size_t i, unsigned *id)
{
	size_t k, n;

	for (k = 0; k < sizeof(not_counts) / sizeof(not_counts[0]); k++)
		if (cj_aud_at_w(s, len, i, &not_counts[k]))
			return 0;
	for (k = 0; k < sizeof(measures) / sizeof(measures[0]); k++) {
		n = cj_aud_at_w(s, len, i, &measures[k].word);
		if (n) {
			*id = measures[k].id;
			return n;
		}
	}
	return 0;
}

static int approx_at(const char *s, size_t len, size_t i)
{
	size_t k;

	for (k = 0; k < sizeof(approx_after) / sizeof(approx_after[0]); k++)
		if (cj_aud_at_w(s, len, i, &approx_after[k]))
			return 1;
	return 0;
}

static int label_before_at(const char *s, size_t i)
{
	size_t k;

	for (k = 0; k < sizeof(label_before) / sizeof(label_before[0]); k++)
		if (cj_aud_ends_w(s, i, &label_before[k]))
			return 1;
	return 0;
}

static int is_year_value(const struct cj_dec *v)
{
	return v->scale == 0 && v->v >= 1949 && v->v <= 2100;
}

/* Is s[i..j) four digits 19xx/20xx followed by 年? (the "2020" of "1.2020年") */
static int year_digits(const char *s, size_t len, size_t i, size_t j)
{
	return j - i == 4 && (cj_aud_at(s, len, i, "19") || cj_aud_at(s, len, i, "20")) &&
	       cj_aud_at(s, len, j, "年");
}

/*
 * The unit a paragraph declares for its bare numbers: "（单位：万元）2022年
 * 本年支出合计581.50…", "金额单位：元".  Returns fen per unit, 0 if none.
 */
int64_t cj_aud_unit_decl(const char *s, size_t len)
{
	size_t i, n;

	for (i = 0; i + 6 <= len; i++) {
		const char *q = memchr(s + i, 0xE5, len - i - 5);
		if (!q)
			break;
		i = (size_t)(q - s);
		if (!cj_aud_at(s, len, i, "单位"))
			continue;
		n = i + 6;
		if (cj_aud_at(s, len, n, "："))
			n += 3;
		else if (n < len && s[n] == ':')
			n++;
		else
			continue;
		while (n < len && s[n] == ' ')
			n++;
		if (cj_aud_at(s, len, n, "万元"))
			return CJ_FEN_PER_WAN;
		if (cj_aud_at(s, len, n, "亿元"))
			return CJ_FEN_PER_YI;
		if (cj_aud_at(s, len, n, "千元"))
			return 1000 * CJ_FEN_PER_YUAN;
		if (cj_aud_at(s, len, n, "元"))
			return CJ_FEN_PER_YUAN;
	}
	return 0;
}

void cj_aud_scan(struct aud_doc *doc, uint32_t p)
{
	struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, i = 0, adv;
	int depth = 0;
	int64_t decl;

	para->fig0 = (uint32_t)doc->nfig;
	para->nfig = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t start, j, int_end, k, n;
		struct aud_fig *f;
		struct cj_dec val;
		unsigned mid = 0;
		int neg = 0;

		if (c >= 0x80) {
			/* only （ and ） matter here (EF BC 88/89); other bytes are skipped
			 * one by one: no digit or letter hides inside a sequence */
			if (c == 0xEF && cj_aud_at(s, len, i, "（"))
				depth++, i += 3;
			else if (c == 0xEF && cj_aud_at(s, len, i, "）"))
				depth -= depth > 0, i += 3;
			else
				i++;
			continue;
		}
		if (c == '(') {
			depth++;
			i++;
			continue;
		}
		if (c == ')') {
			if (depth > 0)
				depth--;
			i++;
			continue;
		}
		if (is_alpha((char)c)) {
			/* a Latin word with digits in it (Z01, image2, H5): skip it whole */
			while (i < len && (is_alpha(s[i]) || is_digit(s[i])))
				i++;
			continue;
		}
		if (!is_digit((char)c)) {
			i++;
			continue;
		}
		start = i;
		/* a sign directly before, not after a digit (2018-2019 is a range) */
		if (start > 0 && s[start - 1] == '-' && (start < 2 || !is_digit(s[start - 2])))
			neg = 1, start--;
		else if (cj_aud_ends(s, start, "－") || cj_aud_ends(s, start, "−")) {
			size_t b = start - 3;
			if (b == 0 || !is_digit(s[b - 1]))
				neg = 1, start = b;
		}
		j = number_extent(s, len, i, &int_end);
		/* "1.2020年": numbering 1. before a year */
		if (j > int_end && year_digits(s, len, int_end + 1, j)) {
			i = int_end + 1;
			continue;
		}
		if (cj_dec_parse(s + i, j - i, &val, NULL) != CJ_OK) {
			i = j;
			continue;
		}
		if (neg)
			val.v = -val.v;
		f = cj_aud_push(doc, (void **)&doc->figs, &doc->nfig, &doc->capfig, sizeof(*f));
		if (!f)
			return;
		para->nfig++;
		f->para = p;
		f->off = (uint32_t)start;
		f->val = val;
		f->kind = AUD_BARE;
		f->year = 0;
		if (depth > 0)
			f->flags |= AUD_F_PAREN;
		if (para->table)
			f->flags |= AUD_F_TABLE;
		/* what precedes: a label (第3, 图1, 附件2) or a Latin glue (already skipped) */
		if (label_before_at(s, start))
			f->kind = AUD_OTHER;
		k = j;
		if (k < len && s[k] == ' ')
			k++; /* "2020 年度" as PDF extraction leaves it */
		/* 20余万元, 100多人 */
		if (cj_aud_at(s, len, k, "余") || cj_aud_at(s, len, k, "多")) {
			size_t k2 = k + 3;
			unsigned tmp;
			if (cj_aud_at(s, len, k2, "万元") || cj_aud_at(s, len, k2, "元") ||
			    cj_aud_at(s, len, k2, "亿元") || match_measure(s, len, k2, &tmp) ||
			    cj_aud_at(s, len, k2, "%")) {
				f->flags |= AUD_F_APPROX;
				k = k2;
			}
		}
		if (f->kind == AUD_OTHER) {
			f->end = (uint32_t)j;
		} else if (k < len && s[k] == '%') {
			f->kind = AUD_PCT;
			f->end = (uint32_t)(k + 1);
		} else if ((n = cj_aud_at(s, len, k, "万元"))) {
			f->kind = AUD_AMOUNT;
			f->unit_fen = CJ_FEN_PER_WAN;
			f->end = (uint32_t)(k + n);
		} else if ((n = cj_aud_at(s, len, k, "亿元"))) {
			f->kind = AUD_AMOUNT;
			f->unit_fen = CJ_FEN_PER_YI;
			f->end = (uint32_t)(k + n);
		} else if ((n = cj_aud_at(s, len, k, "千元"))) {
			f->kind = AUD_AMOUNT;
			f->unit_fen = 1000 * CJ_FEN_PER_YUAN;
			f->end = (uint32_t)(k + n);
		} else if ((n = cj_aud_at(s, len, k, "元"))) {
			f->kind = AUD_AMOUNT;
			f->unit_fen = CJ_FEN_PER_YUAN;
			f->end = (uint32_t)(k + n);
		} else if ((n = cj_aud_at(s, len, k, "年"))) {
			f->kind = is_year_value(&val) && !(f->flags & AUD_F_APPROX) ? AUD_YEAR
										     : AUD_OTHER;
			f->end = (uint32_t)(k + n);
			if (f->kind == AUD_YEAR && cj_aud_at(s, len, k + n, "度"))
				f->end += 3;
		} else if ((k < len && s[k] == '-' && is_year_value(&val) && k + 5 < len &&
			    year_digits(s, len, k + 1, k + 5)) ||
			   (cj_aud_at(s, len, k, "－") && is_year_value(&val) &&
			    year_digits(s, len, k + 3, k + 7))) {
			f->kind = AUD_YEAR; /* the 2018 of 2018-2019年 */
			f->end = (uint32_t)j;
		} else if ((n = match_measure(s, len, k, &mid))) {
			f->kind = val.scale == 0 && val.v >= 0 ? AUD_COUNT : AUD_OTHER;
			f->measure = (uint8_t)mid;
			f->end = (uint32_t)(k + n);
		} else {
			uint32_t cp = cj_aud_cp(s, len, j, &adv);
			/* a Han character, a letter or another sign: some other measure */
			if (j < len && (cj_aud_is_han(cp) || is_alpha(s[j]) || cp == 0x2030 ||
					cp == 0xFF05 || cp == '+' || cp == 0xFF0B))
				f->kind = AUD_OTHER;
			f->end = (uint32_t)j;
		}
		if (f->kind != AUD_OTHER && f->kind != AUD_YEAR && approx_at(s, len, f->end))
			f->flags |= AUD_F_APPROX;
		/* a number glued to a Latin letter after it (01表 is caught above; 3D, 5G) */
		if (f->end < len && is_alpha(s[f->end]))
			f->kind = AUD_OTHER;
		i = f->end > j ? f->end : j;
	}
	/* bare numbers in a paragraph that declares its unit are amounts */
	decl = para->table ? 0 : cj_aud_unit_decl(s, len);
	if (para->nfig) {
		int64_t unit = para->table ? doc->table_unit : decl;
		uint32_t k;
		for (k = para->fig0; unit && k < para->fig0 + para->nfig; k++) {
			struct aud_fig *f = &doc->figs[k];
			if (f->kind == AUD_BARE && f->val.scale >= 1 && f->val.scale <= 2) {
				f->kind = AUD_AMOUNT;
				f->unit_fen = unit;
			}
		}
	}
	if (decl)
		doc->table_unit = decl;
}
