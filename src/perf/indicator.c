/*
 * indicator.c - read 预期指标值 / 实际完成指标值 texts into targets, and
 * classify 一级指标 texts.
 *
 * The text is decoded once into an array of folded code points (full-width
 * ASCII to ASCII, ideographic space to space, 《…》 titles replaced by one
 * separator), then read by position: numbers, the unit after the single
 * number, the direction symbol or word before it and the direction word
 * after the unit.  See indicator.h for what is read and what is kept
 * qualitative; every refusal sets a short Chinese reason in `note`.
 *
 * No allocation, no floating point.  The decimal itself is read by
 * cj_dec_parse, so the number rules (18 digits, 6 places) are money.c's.
 */
#include "indicator.h"

#include <stdio.h>
#include <string.h>

#include "../base/utf8.h"

/* ============================================================ tables */

/* Units; longest match wins.  Units of one family (> 0) convert by factor. */
struct unit {
	const char *name;
	int family;     /* 0: agrees only with itself */
	int64_t factor; /* to the family's base unit */
};

enum { FAM_NONE, FAM_MONEY, FAM_TIME, FAM_LENGTH };

static const struct unit units[] = {
	{"%", FAM_NONE, 1},
	{"元", FAM_MONEY, 1},
	{"千元", FAM_MONEY, 1000},
	{"万元", FAM_MONEY, 10000},
	{"亿元", FAM_MONEY, 100000000},
	{"分钟", FAM_TIME, 1},
	{"小时", FAM_TIME, 60},
	{"米", FAM_LENGTH, 1},
	{"km", FAM_LENGTH, 1000},
	{"KM", FAM_LENGTH, 1000},
	{"公里", FAM_LENGTH, 1000},
	{"千米", FAM_LENGTH, 1000},
	{"次", FAM_NONE, 1},
	{"人次", FAM_NONE, 1},
	{"个", FAM_NONE, 1},
	{"个月", FAM_NONE, 1},
	{"个工作日", FAM_NONE, 1},
	{"工作日", FAM_NONE, 1},
	{"人", FAM_NONE, 1},
	{"名", FAM_NONE, 1},
	{"辆", FAM_NONE, 1},
	{"台", FAM_NONE, 1},
	{"套", FAM_NONE, 1},
	{"批", FAM_NONE, 1},
	{"项", FAM_NONE, 1},
	{"天", FAM_NONE, 1},
	{"分", FAM_NONE, 1}, /* points (满意度90分), not minutes */
	{"件", FAM_NONE, 1},
	{"份", FAM_NONE, 1},
	{"户", FAM_NONE, 1},
	{"场", FAM_NONE, 1},
	{"期", FAM_NONE, 1},
	{"篇", FAM_NONE, 1},
	{"条", FAM_NONE, 1},
	{"家", FAM_NONE, 1},
	{"所", FAM_NONE, 1},
	{"座", FAM_NONE, 1},
	{"亩", FAM_NONE, 1},
	{"平方米", FAM_NONE, 1},
	{"吨", FAM_NONE, 1},
	{"册", FAM_NONE, 1},
	{"本", FAM_NONE, 1},
	{"张", FAM_NONE, 1},
	{"部", FAM_NONE, 1},
	{"处", FAM_NONE, 1},
	{"起", FAM_NONE, 1},
	{"事故", FAM_NONE, 1}, /* 0事故, 零事故, 全年“0”事故 */
	{"投诉", FAM_NONE, 1},
	{"差错", FAM_NONE, 1},
};

struct word {
	const char *w;
	enum cj_dir dir;
};

/* Words before the number.  At the same end position the longest wins, so
 * 不低于 beats 低于 and 大于等于 beats 等于. */
static const struct word prefix_words[] = {
	{"不低于", CJ_DIR_GE},     {"不少于", CJ_DIR_GE},   {"不小于", CJ_DIR_GE},
	{"大于等于", CJ_DIR_GE},   {"大于或等于", CJ_DIR_GE}, {"至少", CJ_DIR_GE},
	{"高于", CJ_DIR_GE},       {"多于", CJ_DIR_GE},     {"大于", CJ_DIR_GE},
	{"超过", CJ_DIR_GE},       {"达到", CJ_DIR_GE},
	{"不超过", CJ_DIR_LE},     {"不高于", CJ_DIR_LE},   {"不多于", CJ_DIR_LE},
	{"不大于", CJ_DIR_LE},     {"小于等于", CJ_DIR_LE}, {"小于或等于", CJ_DIR_LE},
	{"至多", CJ_DIR_LE},       {"低于", CJ_DIR_LE},     {"少于", CJ_DIR_LE},
	{"小于", CJ_DIR_LE},       {"控制在", CJ_DIR_LE},   {"控制于", CJ_DIR_LE},
	{"控制到", CJ_DIR_LE},
	{"等于", CJ_DIR_EQ},
};

/* Words right after the unit. */
static const struct word suffix_words[] = {
	{"及以上", CJ_DIR_GE}, {"以上", CJ_DIR_GE},
	{"及以下", CJ_DIR_LE}, {"以下", CJ_DIR_LE},
	{"以内", CJ_DIR_LE},   {"之内", CJ_DIR_LE},
};

/* A keyword may end at most this many code points before the number. */
#define PREFIX_GAP 4

/* ========================================================== code points */

#define CP_TITLE 0x300A /* 《: stands for a skipped title */

struct cps {
	uint32_t c[CJ_IND_MAX_CHARS];
	size_t n;
};

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
}

static int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int is_open_quote(uint32_t c)
{
	return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x300C ||
	       c == 0x300E;
}

static int is_close_quote(uint32_t c)
{
	return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x300D ||
	       c == 0x300F;
}

/* Punctuation that ends a clause (a keyword does not reach across it). */
static int is_punct(uint32_t c)
{
	static const uint32_t p[] = {',', '.', ';', ':', '!', '?', '(', ')', '[', ']',
				     0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0x3010,
				     0x3011, CP_TITLE, 0x300B};
	size_t i;

	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		if (c == p[i])
			return 1;
	return 0;
}

/* 零一二三四五六七八九十百千万亿两 */
static int is_cn_numeral(uint32_t c)
{
	static const uint32_t p[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
				     0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E,
				     0x5343, 0x4E07, 0x4EBF, 0x4E24};
	size_t i;

	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		if (c == p[i])
			return 1;
	return 0;
}

/* A Chinese numeral that fixes a value (not only 十百千万亿 multipliers). */
static int is_cn_digit(uint32_t c)
{
	return is_cn_numeral(c) && c != 0x5341 && c != 0x767E && c != 0x5343 &&
	       c != 0x4E07 && c != 0x4EBF;
}

/*
 * Decode and fold `text` into cp.  A 《…》 span (with nesting) becomes one
 * CP_TITLE; an unmatched 《 stays as it is.  Returns 0 when the text has
 * more than CJ_IND_MAX_CHARS code points.
 */
static int load(const char *text, struct cps *cp)
{
	size_t len = strlen(text), i = 0, adv;
	uint32_t c;

	cp->n = 0;
	while (i < len) {
		if (cp->n >= CJ_IND_MAX_CHARS)
			return 0;
		c = cj_utf8_fold_cp(cj_utf8_decode(text + i, len - i, &adv));
		if (c == 0x300A) {
			/* look for the matching 》 */
			size_t j = i + adv, a2;
			int depth = 1;
			while (j < len && depth) {
				uint32_t d = cj_utf8_decode(text + j, len - j, &a2);
				if (d == 0x300A)
					depth++;
				else if (d == 0x300B)
					depth--;
				j += a2;
			}
			if (!depth) {
				cp->c[cp->n++] = CP_TITLE;
				i = j;
				continue;
			}
		}
		if (is_space(c))
			c = ' ';
		cp->c[cp->n++] = c;
		i += adv;
	}
	return 1;
}

/* Length in code points of UTF-8 `w` if it matches at cp[pos]; else 0. */
static size_t match(const struct cps *cp, size_t pos, const char *w)
{
	size_t wl = strlen(w), i = 0, k = pos, adv;

	while (i < wl) {
		uint32_t c = cj_utf8_decode(w + i, wl - i, &adv);
		if (k >= cp->n || cp->c[k] != c)
			return 0;
		i += adv;
		k++;
	}
	return k - pos;
}

/* The longest unit at pos: its index, or -1; *n receives its length. */
static int unit_at(const struct cps *cp, size_t pos, size_t *n)
{
	size_t i, best_n = 0;
	int best = -1;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t m = match(cp, pos, units[i].name);
		if (m > best_n) {
			best_n = m;
			best = (int)i;
		}
	}
	*n = best_n;
	return best;
}

static const struct word *suffix_at(const struct cps *cp, size_t pos, size_t *n)
{
	size_t i;

	for (i = 0; i < sizeof(suffix_words) / sizeof(suffix_words[0]); i++) {
		*n = match(cp, pos, suffix_words[i].w);
		if (*n)
			return &suffix_words[i];
	}
	return NULL;
}

/* ============================================================= reading */

struct num {
	size_t start, end; /* code point span */
	struct cj_dec v;
	int ok;            /* cj_dec_parse accepted it */
};

/*
 * Find the numbers.  Returns how many (at most 2 are recorded: one is all
 * we read); *cn_unreadable is set when a Chinese numeral other than a lone
 * 零 stands before a unit ("三次"): a quantity we do not read.
 */
static size_t find_numbers(const struct cps *cp, struct num *out, int *cn_unreadable)
{
	size_t i = 0, count = 0;

	*cn_unreadable = 0;
	while (i < cp->n) {
		uint32_t c = cp->c[i];
		if (is_digit(c)) {
			char ascii[64];
			size_t j = i, al = 0;
			struct num nm;

			while (j < cp->n) {
				if (is_digit(cp->c[j])) {
					j++;
					continue;
				}
				/* "1,000": a comma followed by exactly three digits */
				if (cp->c[j] == ',' && j + 3 < cp->n && is_digit(cp->c[j + 1]) &&
				    is_digit(cp->c[j + 2]) && is_digit(cp->c[j + 3]) &&
				    (j + 4 >= cp->n || !is_digit(cp->c[j + 4]))) {
					j += 4;
					continue;
				}
				break;
			}
			if (j + 1 < cp->n && cp->c[j] == '.' && is_digit(cp->c[j + 1])) {
				j++;
				while (j < cp->n && is_digit(cp->c[j]))
					j++;
			}
			nm.start = i;
			nm.end = j;
			nm.ok = 0;
			nm.v.v = 0;
			nm.v.scale = 0;
			if (j - i < sizeof(ascii)) {
				size_t k;
				for (k = i; k < j; k++)
					ascii[al++] = (char)cp->c[k];
				nm.ok = cj_dec_parse(ascii, al, &nm.v, NULL) == CJ_OK;
			}
			if (count < 2)
				out[count] = nm;
			count++;
			i = j;
			continue;
		}
		if (is_cn_numeral(c) && !(i > 0 && is_digit(cp->c[i - 1]))) {
			size_t j = i, un;
			int has_digit = 0;
			while (j < cp->n && is_cn_numeral(cp->c[j])) {
				has_digit |= is_cn_digit(cp->c[j]);
				j++;
			}
			if (j == i + 1 && c == 0x96F6) {
				/* a lone 零: the number 0 (零事故) */
				struct num nm = {i, j, {0, 0}, 1};
				if (count < 2)
					out[count] = nm;
				count++;
			} else if (has_digit && unit_at(cp, j, &un) >= 0) {
				*cn_unreadable = 1;
			}
			i = j;
			continue;
		}
		i++;
	}
	return count;
}

/* Direction from the symbol right before cp[k] (k after skipping quotes). */
static enum cj_dir symbol_before(const struct cps *cp, size_t k)
{
	uint32_t c;

	if (k == 0)
		return CJ_DIR_QUAL;
	c = cp->c[k - 1];
	if (c == 0x2265 || c == 0x2267 || c == '>')
		return CJ_DIR_GE;
	if (c == 0x2264 || c == 0x2266 || c == '<')
		return CJ_DIR_LE;
	if (c == '=') {
		if (k >= 2 && cp->c[k - 2] == '>')
			return CJ_DIR_GE;
		if (k >= 2 && cp->c[k - 2] == '<')
			return CJ_DIR_LE;
		return CJ_DIR_EQ;
	}
	return CJ_DIR_QUAL;
}

/*
 * Direction from a word ending at most PREFIX_GAP code points before k,
 * with no punctuation in between; the closest end wins, then the longest.
 */
static enum cj_dir word_before(const struct cps *cp, size_t k)
{
	size_t s, i, best_end = 0, best_len = 0;
	enum cj_dir best = CJ_DIR_QUAL;

	for (s = 0; s < k; s++) {
		for (i = 0; i < sizeof(prefix_words) / sizeof(prefix_words[0]); i++) {
			size_t m = match(cp, s, prefix_words[i].w), e = s + m, g;
			int blocked = 0;

			if (!m || e > k || k - e > PREFIX_GAP)
				continue;
			for (g = e; g < k; g++)
				blocked |= is_punct(cp->c[g]);
			if (blocked)
				continue;
			if (e > best_end || (e == best_end && m > best_len)) {
				best_end = e;
				best_len = m;
				best = prefix_words[i].dir;
			}
		}
	}
	return best;
}

static void set_qual(struct cj_target *out, const char *note)
{
	out->dir = CJ_DIR_QUAL;
	out->value.v = 0;
	out->value.scale = 0;
	out->unit[0] = '\0';
	out->parsed = 0;
	out->note = note;
}

/* Combine two directions; CJ_DIR_QUAL means "none"; -1 on a conflict. */
static int combine(enum cj_dir *acc, enum cj_dir d)
{
	if (d == CJ_DIR_QUAL)
		return 0;
	if (*acc != CJ_DIR_QUAL && *acc != d)
		return -1;
	*acc = d;
	return 0;
}

static int parse(const char *text, struct cj_target *out, int keep_dir)
{
	struct cps cp;
	struct num nums[2];
	size_t count, pos, k, un = 0, sn = 0;
	int cn_unreadable, ui;
	enum cj_dir dir = CJ_DIR_QUAL;
	const struct word *sw;

	memset(out, 0, sizeof(*out));
	out->text = text;
	if (!text) {
		set_qual(out, "未填写");
		return 0;
	}
	if (!load(text, &cp)) {
		set_qual(out, "文本过长");
		return 0;
	}
	count = find_numbers(&cp, nums, &cn_unreadable);
	if (cn_unreadable) {
		set_qual(out, "含中文数字，未读取");
		return 0;
	}
	if (count == 0) {
		set_qual(out, NULL);
		return 0;
	}
	if (count > 1) {
		set_qual(out, "含多个数量");
		return 0;
	}
	if (!nums[0].ok) {
		set_qual(out, "数值无法读取");
		return 0;
	}

	/* the unit: after closing quotes and spaces (全年“0”事故) */
	pos = nums[0].end;
	while (pos < cp.n && (is_close_quote(cp.c[pos]) || cp.c[pos] == ' '))
		pos++;
	ui = unit_at(&cp, pos, &un);
	if (ui >= 0) {
		pos += un;
	} else {
		/* a bare number: only at the end, before punctuation or 以上/以内 */
		if (pos < cp.n && !is_punct(cp.c[pos]) && !suffix_at(&cp, pos, &sn)) {
			set_qual(out, "单位无法识别");
			return 0;
		}
	}

	/* the direction */
	k = nums[0].start;
	while (k > 0 && (cp.c[k - 1] == ' ' || is_open_quote(cp.c[k - 1])))
		k--;
	if (k > 0 && (cp.c[k - 1] == '-' || cp.c[k - 1] == 0x2212)) {
		set_qual(out, "负数");
		return 0;
	}
	if (combine(&dir, symbol_before(&cp, k)) < 0 ||
	    combine(&dir, word_before(&cp, k)) < 0) {
		set_qual(out, "方向矛盾");
		return 0;
	}
	while (pos < cp.n && cp.c[pos] == ' ')
		pos++;
	sw = suffix_at(&cp, pos, &sn);
	if (sw && combine(&dir, sw->dir) < 0) {
		set_qual(out, "方向矛盾");
		return 0;
	}
	out->dir_stated = keep_dir && dir != CJ_DIR_QUAL;
	if (dir == CJ_DIR_QUAL || !keep_dir)
		dir = CJ_DIR_EQ;

	out->dir = dir;
	out->value = nums[0].v;
	if (ui >= 0)
		snprintf(out->unit, sizeof(out->unit), "%s", units[ui].name);
	out->parsed = 1;
	out->note = NULL;
	return 1;
}

int cj_indicator_parse_target(const char *text, struct cj_target *out)
{
	return parse(text, out, 1);
}

int cj_indicator_parse_actual(const char *text, struct cj_target *out)
{
	return parse(text, out, 0);
}

/* ============================================================== levels */

/* Does folded, whitespace-free `text` contain `w`? */
static int contains(const struct cps *cp, const char *w)
{
	size_t s;

	for (s = 0; s < cp->n; s++)
		if (match(cp, s, w))
			return 1;
	return 0;
}

static int load_compact(const char *text, struct cps *cp)
{
	size_t i, j = 0;

	if (!text || !load(text, cp))
		return 0;
	for (i = 0; i < cp->n; i++)
		if (cp->c[i] != ' ')
			cp->c[j++] = cp->c[i];
	cp->n = j;
	return 1;
}

enum cj_level1 cj_indicator_level1(const char *text)
{
	struct cps cp;

	if (!load_compact(text, &cp))
		return CJ_L1_UNKNOWN;
	if (contains(&cp, "满意"))
		return CJ_L1_SATISFACTION;
	if (contains(&cp, "效益") || contains(&cp, "效果"))
		return CJ_L1_EFFECT;
	if (contains(&cp, "产出") || contains(&cp, "完成"))
		return CJ_L1_OUTPUT;
	return CJ_L1_UNKNOWN;
}

enum cj_level1 cj_indicator_level1_of_level2(const char *text)
{
	struct cps cp;

	if (!load_compact(text, &cp))
		return CJ_L1_UNKNOWN;
	if (contains(&cp, "满意"))
		return CJ_L1_SATISFACTION;
	if (contains(&cp, "效益") || contains(&cp, "可持续") || contains(&cp, "影响"))
		return CJ_L1_EFFECT;
	if (contains(&cp, "数量") || contains(&cp, "质量") || contains(&cp, "时效") ||
	    contains(&cp, "成本"))
		return CJ_L1_OUTPUT;
	return CJ_L1_UNKNOWN;
}

static const struct {
	const char *stem;
	enum cj_level1 level;
} level2_fixed[] = {
	{"数量", CJ_L1_OUTPUT},       {"质量", CJ_L1_OUTPUT},      {"时效", CJ_L1_OUTPUT},
	{"成本", CJ_L1_OUTPUT},       {"经济效益", CJ_L1_EFFECT},  {"社会效益", CJ_L1_EFFECT},
	{"生态效益", CJ_L1_EFFECT},   {"可持续影响", CJ_L1_EFFECT},
	{"服务对象满意度", CJ_L1_SATISFACTION}, {"满意度", CJ_L1_SATISFACTION},
};

enum cj_level1 cj_indicator_level2_fixed(const char *text)
{
	struct cps cp;
	size_t i;

	if (!load_compact(text, &cp))
		return CJ_L1_UNKNOWN;
	if (cp.n > 2 && cp.c[cp.n - 2] == 0x6307 && cp.c[cp.n - 1] == 0x6807) /* 指标 */
		cp.n -= 2;
	for (i = 0; i < sizeof(level2_fixed) / sizeof(level2_fixed[0]); i++) {
		size_t m = match(&cp, 0, level2_fixed[i].stem);
		if (m && m == cp.n)
			return level2_fixed[i].level;
	}
	return CJ_L1_UNKNOWN;
}

const char *cj_level2_names(enum cj_level1 l)
{
	switch (l) {
	case CJ_L1_OUTPUT:
		return "数量指标、质量指标、时效指标、成本指标";
	case CJ_L1_EFFECT:
		return "经济效益指标、社会效益指标、生态效益指标、可持续影响指标";
	case CJ_L1_SATISFACTION:
		return "服务对象满意度指标";
	default:
		return "";
	}
}

const char *cj_level1_name(enum cj_level1 l)
{
	switch (l) {
	case CJ_L1_OUTPUT:
		return "产出指标";
	case CJ_L1_EFFECT:
		return "效益指标";
	case CJ_L1_SATISFACTION:
		return "满意度指标";
	default:
		return "未识别";
	}
}

/* =============================================================== units */

static const struct unit *find_unit(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].name, name) == 0)
			return &units[i];
	return NULL;
}

int cj_indicator_units_agree(const struct cj_target *t, const struct cj_target *a,
			     int64_t *ft, int64_t *fa)
{
	const struct unit *ut, *ua;

	*ft = 1;
	*fa = 1;
	if (!t->parsed || !a->parsed)
		return 0;
	if (strcmp(t->unit, a->unit) == 0)
		return 1;
	ut = find_unit(t->unit);
	ua = find_unit(a->unit);
	if (!ut || !ua || ut->family == FAM_NONE || ut->family != ua->family)
		return 0;
	*ft = ut->factor;
	*fa = ua->factor;
	return 1;
}

/* Both over the common denominator of their scales, in base units. */
int cj_target_cmp(const struct cj_target *a, const struct cj_target *b, int *cmp)
{
	static const cj_i128 p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	int64_t fa, fb;
	cj_i128 va, vb;
	int sa, sb;

	if (!cj_indicator_units_agree(a, b, &fa, &fb))
		return 0;
	sa = a->value.scale < 0 ? 0 : a->value.scale > 6 ? 6 : a->value.scale;
	sb = b->value.scale < 0 ? 0 : b->value.scale > 6 ? 6 : b->value.scale;
	va = (cj_i128)a->value.v * fa * p10[sb];
	vb = (cj_i128)b->value.v * fb * p10[sa];
	*cmp = va < vb ? -1 : va > vb ? 1 : 0;
	return 1;
}

/* ======================================================= form columns */

struct dir_word {
	const char *w;
	enum cj_dir dir;
};

static const struct dir_word dir_columns[] = {
	{"≥", CJ_DIR_GE},   {">=", CJ_DIR_GE},   {">", CJ_DIR_GE},   {"≧", CJ_DIR_GE},
	{"正向", CJ_DIR_GE}, {"大于等于", CJ_DIR_GE},
	{"≤", CJ_DIR_LE},   {"<=", CJ_DIR_LE},   {"<", CJ_DIR_LE},   {"≦", CJ_DIR_LE},
	{"反向", CJ_DIR_LE}, {"小于等于", CJ_DIR_LE},
	{"=", CJ_DIR_EQ},   {"等于", CJ_DIR_EQ},
	{"定性", CJ_DIR_QUAL},
};

int cj_indicator_parse_dir(const char *text, enum cj_dir *out)
{
	struct cps cp;
	size_t i, m;

	if (!load_compact(text, &cp) || !cp.n)
		return 0;
	/* "正向指标", "定性指标" */
	if (cp.n > 2 && cp.c[cp.n - 2] == 0x6307 && cp.c[cp.n - 1] == 0x6807)
		cp.n -= 2;
	for (i = 0; i < sizeof(dir_columns) / sizeof(dir_columns[0]); i++) {
		m = match(&cp, 0, dir_columns[i].w);
		if (m && m == cp.n) {
			*out = dir_columns[i].dir;
			return 1;
		}
	}
	return 0;
}

size_t cj_indicator_norm_unit(const char *text, char *buf, size_t cap)
{
	size_t len, i = 0, adv, n = 0, k;
	char enc[4];

	if (!cap)
		return 0;
	buf[0] = '\0';
	if (!text)
		return 0;
	len = strlen(text);
	while (i < len) {
		uint32_t c = cj_utf8_fold_cp(cj_utf8_decode(text + i, len - i, &adv));
		i += adv;
		if (is_space(c))
			continue;
		k = cj_utf8_encode(c, enc);
		if (n + k >= cap) {
			buf[0] = '\0';
			return 0;
		}
		memcpy(buf + n, enc, k);
		n += k;
	}
	buf[n] = '\0';
	return n;
}

/* ================================================= quantities in prose */

/* The folded code point at byte i. */
static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *adv)
{
	return cj_utf8_fold_cp(cj_utf8_decode(s + i, len - i, adv));
}

/* Bytes of s[i..] matching UTF-8 `w` code point by code point, or 0. */
static size_t match_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t wl = strlen(w), k = 0, j = i, a1, a2;

	while (k < wl) {
		uint32_t c, d;
		if (j >= len)
			return 0;
		c = cp_at(s, len, j, &a1);
		d = cj_utf8_decode(w + k, wl - k, &a2);
		if (c != d)
			return 0;
		j += a1;
		k += a2;
	}
	return j - i;
}

/* Start of the code point that ends at byte i (i > 0). */
static size_t step_back(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

/* A direction word or symbol ending exactly at byte e: its start, else e. */
static size_t dir_before(const char *s, size_t len, size_t e, enum cj_dir *dir)
{
	size_t i, best = e, adv;

	for (i = 0; i < sizeof(prefix_words) / sizeof(prefix_words[0]); i++) {
		size_t wl = strlen(prefix_words[i].w);
		if (wl <= e && e - wl < best && match_at(s, len, e - wl, prefix_words[i].w) == wl) {
			best = e - wl;
			*dir = prefix_words[i].dir;
		}
	}
	if (best == e && e > 0) {
		size_t b = step_back(s, e);
		uint32_t c = cp_at(s, len, b, &adv);
		if (c == '=' && b > 0) {
			size_t b2 = step_back(s, b);
			uint32_t c2 = cp_at(s, len, b2, &adv);
			if (c2 == '>' || c2 == '<') {
				*dir = c2 == '>' ? CJ_DIR_GE : CJ_DIR_LE;
				return b2;
			}
		}
		if (c == 0x2265 || c == 0x2267 || c == '>')
			*dir = CJ_DIR_GE;
		else if (c == 0x2264 || c == 0x2266 || c == '<')
			*dir = CJ_DIR_LE;
		else if (c == '=')
			*dir = CJ_DIR_EQ;
		else
			return e;
		best = b;
	}
	return best;
}

/*
 * Read the number starting at byte i (a digit): digits, "1,000" groups, a
 * decimal part.  *end receives the byte after it.  Returns 1 with *v set
 * when cj_dec_parse accepts it.
 */
static int read_number(const char *s, size_t len, size_t i, size_t *end, struct cj_dec *v)
{
	char ascii[64];
	size_t al = 0, j = i, adv, a2;
	int overflow = 0, dot = 0;

	while (j < len) {
		uint32_t c = cp_at(s, len, j, &adv);
		if (is_digit(c)) {
			if (al < sizeof(ascii))
				ascii[al++] = (char)c;
			else
				overflow = 1;
			j += adv;
			continue;
		}
		if (!dot && (c == ',' || c == '.') && j + adv < len) {
			/* ',' needs exactly three digits after it; '.' at least one */
			size_t k = j + adv, nd = 0;
			while (k < len && nd < 4) {
				uint32_t d = cp_at(s, len, k, &a2);
				if (!is_digit(d))
					break;
				nd++;
				k += a2;
			}
			if (c == ',' && nd == 3) {
				j += adv;
				continue;
			}
			if (c == '.' && nd >= 1) {
				dot = 1;
				if (al < sizeof(ascii))
					ascii[al++] = '.';
				j += adv;
				continue;
			}
		}
		break;
	}
	*end = j;
	return !overflow && cj_dec_parse(ascii, al, v, NULL) == CJ_OK;
}

/* The longest unit at byte i: its index, or -1; *n receives its bytes. */
static int unit_at_bytes(const char *s, size_t len, size_t i, size_t *n)
{
	size_t k, best_n = 0;
	int best = -1;

	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		size_t m = match_at(s, len, i, units[k].name);
		if (m > best_n) {
			best_n = m;
			best = (int)k;
		}
	}
	*n = best_n;
	return best;
}

/* Skip white space, and quotes of the kind `quote` accepts, from byte i. */
static size_t skip_fwd(const char *s, size_t len, size_t i, int (*quote)(uint32_t))
{
	size_t adv;

	while (i < len) {
		uint32_t c = cp_at(s, len, i, &adv);
		if (!is_space(c) && !quote(c))
			break;
		i += adv;
	}
	return i;
}

static size_t skip_back(const char *s, size_t len, size_t lo, size_t i)
{
	size_t adv;

	while (i > lo) {
		size_t b = step_back(s, i);
		uint32_t c = cp_at(s, len, b, &adv);
		if (!is_space(c) && !is_open_quote(c))
			break;
		i = b;
	}
	return i;
}

/* Past a 《…》 title starting at byte i (its 《); i itself when unmatched. */
static size_t skip_title(const char *s, size_t len, size_t i)
{
	size_t j, adv;
	int depth = 0;

	for (j = i; j < len; j += adv) {
		uint32_t c = cj_utf8_decode(s + j, len - j, &adv);
		if (c == 0x300A)
			depth++;
		else if (c == 0x300B && --depth == 0)
			return j + adv;
	}
	return i;
}

size_t cj_indicator_quantities(const char *text, struct cj_quantity *out, size_t cap)
{
	size_t len, i = 0, n = 0, clause = 0, adv;
	uint32_t prev = 0;

	if (!text)
		return 0;
	len = strlen(text);
	while (i < len) {
		uint32_t c = cp_at(text, len, i, &adv);
		size_t numend, k, un, end, s0, s1;
		struct cj_dec v;
		enum cj_dir dir = CJ_DIR_QUAL;
		const struct word *sw = NULL;
		int ui;

		if (c == 0x300A) {
			size_t j = skip_title(text, len, i);
			if (j != i) {
				i = j;
				prev = 0x300B;
				continue;
			}
		}
		if (is_punct(c) || c == '\n' || c == '\r') {
			clause = i + adv;
			prev = c;
			i += adv;
			continue;
		}
		if (!is_digit(c) || is_digit(prev) || prev == '.' || prev == '-' || prev == 0x2212) {
			prev = c;
			i += adv;
			continue;
		}
		if (!read_number(text, len, i, &numend, &v)) {
			prev = '0';
			i = numend > i ? numend : i + adv;
			continue;
		}
		k = skip_fwd(text, len, numend, is_close_quote);
		ui = unit_at_bytes(text, len, k, &un);
		if (ui < 0) {
			prev = '0';
			i = numend;
			continue;
		}
		end = k + un;
		{
			size_t after = skip_fwd(text, len, end, is_close_quote);
			size_t m;
			for (m = 0; m < sizeof(suffix_words) / sizeof(suffix_words[0]); m++) {
				size_t ml = match_at(text, len, after, suffix_words[m].w);
				if (ml) {
					sw = &suffix_words[m];
					end = after + ml;
					break;
				}
			}
		}
		s1 = skip_back(text, len, clause, i);
		s1 = dir_before(text, len, s1, &dir);
		if (s1 < clause)
			s1 = clause;
		if (sw)
			dir = sw->dir;
		s1 = skip_back(text, len, clause, s1);
		s0 = skip_fwd(text, len, clause, is_open_quote);
		if (s0 > s1)
			s0 = s1;
		if (n < cap) {
			struct cj_quantity *q = &out[n];
			memset(q, 0, sizeof(*q));
			q->q.dir = dir == CJ_DIR_QUAL ? CJ_DIR_EQ : dir;
			q->q.dir_stated = dir != CJ_DIR_QUAL;
			q->q.value = v;
			snprintf(q->q.unit, sizeof(q->q.unit), "%s", units[ui].name);
			q->q.parsed = 1;
			q->off = s0;
			q->len = end - s0;
			q->subj_off = s0;
			q->subj_len = s1 - s0;
		}
		n++;
		prev = 0;
		i = end;
	}
	return n;
}

size_t cj_indicator_common_tail(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = alen, j = blen, n = 0, adv;

	while (i > 0 && j > 0) {
		size_t pi = step_back(a, i), pj = step_back(b, j);
		if (cp_at(a, alen, pi, &adv) != cp_at(b, blen, pj, &adv))
			break;
		n++;
		i = pi;
		j = pj;
	}
	return n;
}

/* ============================================================== explain */

static const char *dir_sym(enum cj_dir d)
{
	switch (d) {
	case CJ_DIR_GE:
		return "≥ ";
	case CJ_DIR_LE:
		return "≤ ";
	case CJ_DIR_EQ:
		return "= ";
	default:
		return "";
	}
}

size_t cj_target_format(const struct cj_target *t, char *buf, size_t cap)
{
	char v[40];
	int n;

	if (!cap)
		return 0;
	if (!t->parsed) {
		if (t->note)
			n = snprintf(buf, cap, "定性（%s）", t->note);
		else
			n = snprintf(buf, cap, "定性");
	} else {
		cj_dec_format(t->value, v, sizeof(v));
		n = snprintf(buf, cap, "%s%s%s%s", dir_sym(t->dir), v,
			     t->unit[0] && strcmp(t->unit, "%") != 0 ? " " : "", t->unit);
	}
	if (n < 0)
		n = 0;
	if ((size_t)n >= cap) {
		size_t l = cj_utf8_clip(buf, cap - 1);
		buf[l] = '\0';
		return l;
	}
	return (size_t)n;
}

static void explain_one(struct cj_buf *out, const char *label, const struct cj_target *t,
			int show_dir)
{
	char f[160];
	struct cj_target shown = *t;

	if (!show_dir && shown.parsed)
		shown.dir = CJ_DIR_QUAL; /* an actual has no direction */
	cj_target_format(&shown, f, sizeof(f));
	if (t->text)
		cj_buf_printf(out, "%s「%s」→ %s", label, t->text, f);
	else
		cj_buf_printf(out, "%s（未填写）→ %s", label, f);
}

enum cj_err cj_indicator_explain(const struct cj_target *t, const struct cj_target *a,
				 struct cj_buf *out)
{
	explain_one(out, "预期", t, 1);
	cj_buf_puts(out, "；");
	explain_one(out, "实际", a, 0);
	return cj_buf_err(out);
}
