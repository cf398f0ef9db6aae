/*
 * subject.c - normalising the subject of a claim, so that the same
 * quantity written twice gets the same key: "2020年财政拨款收入" and
 * "与2019年相比，财政拨款收入", "“三公”经费" and "三公经费",
 * "社会保障和就业（类）支出" and "社会保障和就业支出", "公务接待费支出决算"
 * and "公务接待费".
 *
 * The normal form keeps every word that distinguishes one quantity from
 * another (财政拨款, 基本, 一般公共预算 ...) and drops what only dresses the
 * sentence: white space, quotes and book-title marks, numbering (1. （一）
 * (1) 一、), years (the year is kept apart in the claim), comparatives
 * (与上年相比, 比2019年, 较上年, 同比), level markers （类）（款）（项）,
 * bracketed codes （210）, parenthesised remarks holding figures, leading
 * connectors (其中, 同时, 主要是 ...), trailing fillers (为, 是, 了, 达, 的,
 * 中) and the word 决算.  与 is folded to 和 (医疗卫生与计划生育支出 is also
 * written with 和), and a few synonyms are folded (DOMAIN.md 4.1: 公务用车
 * 购置及运行费 = 公务用车购置及运行维护费; 因公出国（境）经费 = 因公出国（境）费);
 * a fee's trailing 支出 is dropped (公务接待费支出 = 公务接待费).
 *
 * It does not know what a subject means; it only makes equal what the text
 * writes in different dress.  Never reads past `len`; output is valid UTF-8
 * when the input is.
 */
#include <string.h>

#include "audit.h"

uint32_t cj_aud_hash(const char *s, size_t len, uint32_t h)
{
	size_t i;

	if (!h)
		h = 2166136261u;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Characters dropped anywhere: quotes, book-title marks, white space, Markdown marks. */
static int is_dropped(uint32_t cp)
{
	switch (cp) {
	case 0x201C: case 0x201D: case 0x2018: case 0x2019: /* “ ” ‘ ’ */
	case '"': case '\'': case '*': case '#': case '\\': case '`': case ' ': case '\t':
	case 0x300C: case 0x300D: case 0x300E: case 0x300F: /* 「 」 『 』 */
	case 0x300A: case 0x300B: case 0x3008: case 0x3009: /* 《 》 〈 〉 */
	case 0x3010: case 0x3011: case 0x00B7:              /* 【 】 · */
		return 1;
	default:
		return 0;
	}
}

/* Leading connectors, stripped repeatedly. */
static const struct aud_word lead[] = {
	AUD_W("其中"),
	AUD_W("另外"),
	AUD_W("此外"),
	AUD_W("同时"),
	AUD_W("主要是"),
	AUD_W("主要为"),
	AUD_W("主要"),
	AUD_W("包括"),
	AUD_W("以下方面"),
	AUD_W("具体"),
	AUD_W("截至"),
	AUD_W("截止"),
	AUD_W("以及"),
	AUD_W("共计"),
	AUD_W("累计"),
	AUD_W("合计为"),
	AUD_W("全年"),
	AUD_W("本年度"),
	AUD_W("本部门"),
	AUD_W("本单位"),
	AUD_W("是"),
	AUD_W("为"),
	AUD_W("由于"),
	AUD_W("当年"),
	AUD_W("均"),
	AUD_W("仅"),
	AUD_W("："),
	AUD_W("，")};

/* Trailing fillers, stripped repeatedly. */
static const struct aud_word tail[] = {
	AUD_W("为"),
	AUD_W("是"),
	AUD_W("了"),
	AUD_W("达到"),
	AUD_W("达"),
	AUD_W("的"),
	AUD_W("中"),
	AUD_W("："),
	AUD_W("共"),
	AUD_W("仅"),
	AUD_W("只"),
	AUD_W("约"),
	AUD_W("决算数"),
	AUD_W("决算"),
	AUD_W("实际"),
	AUD_W("金额为"),
	AUD_W("，")};

/* Synonyms: written -> normal. */
static const struct {
	struct aud_word from;
	const char *to;
} synonyms[] = {
	{AUD_W("公务用车购置及运行维护费"), "公务用车购置及运行维护费"},
	{AUD_W("公务用车购置及运行费"), "公务用车购置及运行维护费"},
	{AUD_W("公务用车运行费"), "公务用车运行维护费"},
	{AUD_W("因公出国（境）经费"), "因公出国（境）费"},
	{AUD_W("因公出国（境）费用"), "因公出国（境）费"},
	{AUD_W("日常公用经费"), "公用经费"},
	{AUD_W("与"), "和"},
};

/* Generic subjects: they do not name a quantity on their own. */
static const char *const generic[] = {
	"",         "支出",       "收入",     "金额",     "资金",     "项目资金", "合计",
	"共计",     "总计",       "小计",     "预算",     "预算数",   "执行数",   "项目",
	"该项目",   "本项目",     "经费",     "费用",     "全年支出", "实际支出", "财政资金",
	"单位自筹", "其他渠道资金", "其他资金", "其它资金", "财政拨款", "开支",     "相应支出",
	"所以",     "增长",       "增加",     "减少",     "下降",     "其他",     "其它",
	"总额",     "规模",       "合同金额", "结余",     "余额",
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Chinese numerals used in numbering. */
static size_t cn_digit(const char *s, size_t len, size_t i)
{
	static const char *const d[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九",
					"十", "〇", "零"};
	size_t k;

	for (k = 0; k < sizeof(d) / sizeof(d[0]); k++)
		if (cj_aud_at(s, len, i, d[k]))
			return 3;
	return 0;
}

/* Length of leading numbering at s[0..len): 1. 1、 1) （1） 一、 （一） ① */
static size_t numbering(const char *s, size_t len)
{
	size_t i = 0, n;

	if (cj_aud_at(s, len, 0, "（")) {
		i = 3;
		while (i < len && (is_digit(s[i]) || cn_digit(s, len, i)))
			i += is_digit(s[i]) ? 1 : 3;
		if (i > 3 && cj_aud_at(s, len, i, "）"))
			return i + 3;
		return 0;
	}
	while (i < len && is_digit(s[i]))
		i++;
	if (i == 0) {
		while ((n = cn_digit(s, len, i)))
			i += n;
		if (i && cj_aud_at(s, len, i, "、"))
			return i + 3;
		/* circled digits ① .. ⑳ (U+2460..U+2473): E2 91 A0..B3 */
		if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
		    (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
			return 3;
		return 0;
	}
	if (i < len && (s[i] == '.' || s[i] == ')'))
		return i + 1;
	if (cj_aud_at(s, len, i, "、") || cj_aud_at(s, len, i, "．"))
		return i + 3;
	return 0;
}

/*
 * Length of a year expression at s[i]: 2020年度, 2020年, 上年度, 上年,
 * 去年, 本年度; 0 when none.
 */
static size_t year_expr(const char *s, size_t len, size_t i)
{
	size_t n;

	if (i + 4 <= len && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
	    is_digit(s[i + 3]) && (i + 4 == len || !is_digit(s[i + 4]))) {
		n = 4;
		if (cj_aud_at(s, len, i + n, "年度"))
			return n + 6;
		if (cj_aud_at(s, len, i + n, "年"))
			return n + 3;
		return 0;
	}
	if ((n = cj_aud_at(s, len, i, "上年度")) || (n = cj_aud_at(s, len, i, "上一年度")) ||
	    (n = cj_aud_at(s, len, i, "去年")))
		return n;
	return 0;
}

/* Length of a comparative at s[i]: 与…相比, 比/较 + year, 同比; 0 if none. */
static size_t comparative(const char *s, size_t len, size_t i)
{
	size_t n, y;

	if ((n = cj_aud_at(s, len, i, "同比")))
		return n;
	if ((n = cj_aud_at(s, len, i, "与")) || (n = cj_aud_at(s, len, i, "和"))) {
		y = year_expr(s, len, i + n);
		if (!y && cj_aud_at(s, len, i + n, "上年"))
			y = 6;
		if (y && cj_aud_at(s, len, i + n + y, "相比"))
			return n + y + 6;
		if (y && cj_aud_at(s, len, i + n + y, "比较"))
			return n + y + 6;
		return 0;
	}
	if ((n = cj_aud_at(s, len, i, "比")) || (n = cj_aud_at(s, len, i, "较"))) {
		y = year_expr(s, len, i + n);
		if (!y && cj_aud_at(s, len, i + n, "上年"))
			y = 6;
		if (!y && cj_aud_at(s, len, i + n, "同期"))
			y = 6;
		if (y) {
			if (cj_aud_at(s, len, i + n + y, "同期"))
				y += 6;
			return n + y;
		}
	}
	return 0;
}

/* Is the bracket group at s[i] ("（" ... "）") one to drop?  Returns its length. */
static size_t dropped_group(const char *s, size_t len, size_t i)
{
	size_t j = i + 3, han = 0, adv;
	int digits = 0, colon = 0;

	while (j < len && !cj_aud_at(s, len, j, "）")) {
		uint32_t cp = cj_aud_cp(s, len, j, &adv);
		if (cp == 0xFF08) /* nested: keep it simple */
			return 0;
		if (cp >= '0' && cp <= '9')
			digits = 1;
		else if (cp == 0xFF1A || cp == ':' || cp == 0xFF0C || cp == ',' || cp == 0x3001)
			colon = 1;
		else if (cj_aud_is_han(cp))
			han++;
		j += adv;
		if (j - i > 240)
			return 0;
	}
	if (j >= len)
		return 0;
	j += 3;
	if (digits || colon || han > 4)
		return j - i;
	if (han == 1 && (cj_aud_at(s, len, i + 3, "类") || cj_aud_at(s, len, i + 3, "款") ||
			 cj_aud_at(s, len, i + 3, "项")))
		return j - i;
	if (han == 0)
		return j - i;
	return 0;
}

/* Apply one pass of `from -> to` replacement into out. */
static void fold_into(const char *s, size_t len, struct cj_buf *out)
{
	size_t i = 0, k, n, adv;

	while (i < len) {
		for (k = 0; k < sizeof(synonyms) / sizeof(synonyms[0]); k++) {
			n = cj_aud_at_w(s, len, i, &synonyms[k].from);
			if (n) {
				cj_buf_puts(out, synonyms[k].to);
				i += n;
				break;
			}
		}
		if (k < sizeof(synonyms) / sizeof(synonyms[0]))
			continue;
		cj_aud_cp(s, len, i, &adv);
		cj_buf_put(out, s + i, adv);
		i += adv;
	}
}

void cj_aud_subject_norm(const char *s, size_t len, struct cj_buf *out)
{
	char tmp[512], tmp2[512];
	size_t n = 0, i = 0, k, m = 0, adv, a, b, changed;

	/* 1. drop characters, unify brackets and colons; the subject is the text
	 * nearest the figure, so a long input keeps its last 400 bytes */
	if (len > 400) {
		i = len - 400;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	while (i < len && n + 8 < sizeof(tmp) - 32) {
		uint32_t cp = cj_aud_cp(s, len, i, &adv);
		if (is_dropped(cp)) {
			i += adv;
			continue;
		}
		if (cp == '(') {
			memcpy(tmp + n, "（", 3), n += 3, i++;
			continue;
		}
		if (cp == ')') {
			memcpy(tmp + n, "）", 3), n += 3, i++;
			continue;
		}
		if (cp == ':') {
			memcpy(tmp + n, "：", 3), n += 3, i++;
			continue;
		}
		memcpy(tmp + n, s + i, adv);
		n += adv;
		i += adv;
	}
	/* 2. drop bracket groups, years and comparatives anywhere */
	m = 0;
	i = 0;
	while (i < n) {
		if (cj_aud_at(tmp, n, i, "（") && (k = dropped_group(tmp, n, i))) {
			i += k;
			continue;
		}
		if ((k = comparative(tmp, n, i)) || (k = year_expr(tmp, n, i))) {
			i += k;
			continue;
		}
		cj_aud_cp(tmp, n, i, &adv);
		memcpy(tmp2 + m, tmp + i, adv);
		m += adv;
		i += adv;
	}
	/* 3. strip numbering, connectors and fillers at both ends */
	a = 0;
	b = m;
	do {
		changed = 0;
		if ((k = numbering(tmp2 + a, b - a))) {
			a += k;
			changed = 1;
		}
		for (i = 0; i < sizeof(lead) / sizeof(lead[0]); i++)
			if ((k = cj_aud_at_w(tmp2, b, a, &lead[i])) && a + k <= b) {
				a += k;
				changed = 1;
				break;
			}
		for (i = 0; i < sizeof(tail) / sizeof(tail[0]); i++)
			if ((k = cj_aud_ends_w(tmp2 + a, b - a, &tail[i]))) {
				b -= k;
				changed = 1;
				break;
			}
	} while (changed && a < b);
	/* 4. a fee's trailing 支出: 公务接待费支出 = 公务接待费 */
	if (b - a > 6 && cj_aud_ends(tmp2 + a, b - a, "费支出"))
		b -= 6;
	/* 5. synonyms */
	fold_into(tmp2 + a, b - a, out);
}

static const char *const canonical_amounts[] = {
	"收入总计", "支出总计", "本年收入合计", "本年支出合计", "财政拨款收入", "财政拨款支出",
	"一般公共预算财政拨款收入", "一般公共预算财政拨款支出", "一般公共预算财政拨款基本支出",
	"一般公共预算财政拨款项目支出", "政府性基金预算财政拨款收入",
	"政府性基金预算财政拨款支出", "国有资本经营预算财政拨款收入",
	"国有资本经营预算财政拨款支出", "基本支出", "项目支出", "人员经费", "公用经费",
	"三公经费", "三公经费财政拨款支出", "因公出国（境）费", "公务用车购置及运行维护费",
	"公务用车购置费", "公务用车运行维护费", "公务接待费", "机关运行经费", "政府采购支出总额",
	"年初结转和结余", "年末结转和结余", "上级补助收入", "事业收入", "经营收入",
	"附属单位上缴收入", "其他收入", "上缴上级支出", "经营支出", "对附属单位补助支出",
	"使用非财政拨款结余", "结余分配"};

int cj_aud_subject_canonical(const char *s, size_t len)
{
	size_t k;

	for (k = 0; k < sizeof(canonical_amounts) / sizeof(canonical_amounts[0]); k++)
		if (strlen(canonical_amounts[k]) == len && memcmp(canonical_amounts[k], s, len) == 0)
			return 1;
	return 0;
}

int cj_aud_subject_generic(const char *s, size_t len)
{
	size_t k, han = 0, i = 0, adv;

	for (k = 0; k < sizeof(generic) / sizeof(generic[0]); k++)
		if (strlen(generic[k]) == len && memcmp(generic[k], s, len) == 0)
			return 1;
	while (i < len) {
		if (cj_aud_is_han(cj_aud_cp(s, len, i, &adv)))
			han++;
		i += adv;
	}
	return han < 2;
}

int cj_aud_subject_compat(const char *a, size_t alen, const char *b, size_t blen)
{
	if (!alen || !blen)
		return 0;
	if (alen == blen)
		return memcmp(a, b, alen) == 0;
	if (alen > blen) {
		const char *t = a;
		size_t tl = alen;
		a = b, alen = blen;
		b = t, blen = tl;
	}
	/* a is shorter: a prefix or a suffix of b */
	return memcmp(a, b, alen) == 0 || memcmp(a, b + blen - alen, alen) == 0;
}
