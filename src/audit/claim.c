/*
 * claim.c - what each figure claims: its role (an amount, a change, a
 * rate of change, a share, a completion rate, a budget, a count), the
 * direction of a change, the year it is of, and its subject, read from
 * the words just before it in its clause.
 *
 *   "与2019年相比，财政拨款收入增加514.27万元，增长87.31%"
 *       514.27  CHANGE +1  subject 财政拨款收入
 *       87.31%  RATE   +1  (tied to the change by structure.c / checks)
 *   "社会保障和就业（类）支出40.57万元，占5.19%"
 *       40.57   AMOUNT     subject 社会保障和就业支出
 *       5.19%   SHARE      (of the structure's total)
 *   "授予中小企业合同金额0万元，占政府采购支出总额的0%"
 *       0%      SHARE      named total 政府采购支出总额
 *   "项目全年预算数57.55万元，执行数为55.6万元，完成预算的99.73%"
 *       57.55 BUDGET, 55.6 ACTUAL, 99.73% COMPLETION
 *   "开展保密法宣传3次"  3 COUNT subject 保密法宣传|
 *
 * Clause, ；-segment and sentence starts are computed in one forward pass;
 * text inside parentheses is its own clause, and a figure outside them
 * does not see their punctuation.  A figure whose words make it a bound or
 * an estimate (约, 近, 超过, 不足, 控制在, 以上 ...) is marked approximate
 * and takes part in no check.
 *
 * It does not link figures to each other (structure.c and the checks do).
 */
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "audit.h"

#define MAX_DEPTH 16

/* ------------------------------------------------------------ word lists */

static const struct aud_word approx_before[] = {
	AUD_W("约"),
	AUD_W("近"),
	AUD_W("超过"),
	AUD_W("不足"),
	AUD_W("不到"),
	AUD_W("逾"),
	AUD_W("控制在"),
	AUD_W("不超过"),
	AUD_W("不低于"),
	AUD_W("低于"),
	AUD_W("高于"),
	AUD_W("大于"),
	AUD_W("小于"),
	AUD_W("至少"),
	AUD_W("最多"),
	AUD_W("≥"),
	AUD_W("≤"),
	AUD_W(">"),
	AUD_W("<"),
	AUD_W("＞"),
	AUD_W("＜"),
	AUD_W("≈"),
	AUD_W("不少于"),
	AUD_W("多于"),
	AUD_W("少于"),
	AUD_W("接近"),
	AUD_W("将近"),
	AUD_W("大约"),
	AUD_W("不高于"),
	AUD_W("预计"),
	AUD_W("力争"),
	AUD_W("确保")};

static const struct aud_word fill_tail[] = {
	AUD_W("了"),
	AUD_W("为"),
	AUD_W("是"),
	AUD_W("达到"),
	AUD_W("达"),
	AUD_W("仅"),
	AUD_W("只"),
	AUD_W("共计"),
	AUD_W("累计"),
	AUD_W("："),
	AUD_W(":"),
	AUD_W(" "),
	AUD_W("共"),
	AUD_W("分别")};

static const struct aud_word budget_words[] = {
	AUD_W("年初预算数"),
	AUD_W("调整预算数"),
	AUD_W("全年预算数"),
	AUD_W("预算数"),
	AUD_W("年初预算"),
	AUD_W("调整预算"),
	AUD_W("全年预算"),
	AUD_W("预算金额"),
	AUD_W("预算安排"),
	AUD_W("安排预算"),
	AUD_W("预算")};

static const struct aud_word actual_words[] = {
	AUD_W("决算数"),
	AUD_W("执行数"),
	AUD_W("支出决算"),
	AUD_W("决算"),
	AUD_W("实际支出"),
	AUD_W("实际执行数"),
	AUD_W("全年执行数")};

static const struct aud_word completion_words[] = {
	AUD_W("完成年初预算"),
	AUD_W("完成调整预算"),
	AUD_W("完成全年预算"),
	AUD_W("完成预算"),
	AUD_W("为年初预算"),
	AUD_W("为调整预算"),
	AUD_W("为全年预算"),
	AUD_W("为预算"),
	AUD_W("预算执行率"),
	AUD_W("预算完成率"),
	AUD_W("执行率"),
	AUD_W("完成率"),
	AUD_W("执行进度"),
	AUD_W("支出进度")};

static const struct aud_word w_de = AUD_W("的"), w_space = AUD_W(" ");

static const struct {
	struct aud_word w;
	int dir;
} rate_words[] = {
	{AUD_W("增长率"), 1}, {AUD_W("增幅"), 1},    {AUD_W("增速"), 1},   {AUD_W("增长"), 1},   {AUD_W("增加"), 1},
	{AUD_W("上升"), 1},   {AUD_W("提高"), 1},    {AUD_W("上涨"), 1},   {AUD_W("下降率"), -1}, {AUD_W("降幅"), -1},
	{AUD_W("减幅"), -1},  {AUD_W("下降"), -1},   {AUD_W("减少"), -1},  {AUD_W("降低"), -1},   {AUD_W("回落"), -1},
	{AUD_W("缩减"), -1},  {AUD_W("压缩"), -1},   {AUD_W("节约"), -1},
};

static const struct {
	struct aud_word w;
	int dir;
} change_verbs[] = {
	{AUD_W("增加"), 1},  {AUD_W("增长"), 1},  {AUD_W("上升"), 1},  {AUD_W("增支"), 1},  {AUD_W("增收"), 1},
	{AUD_W("减少"), -1}, {AUD_W("下降"), -1}, {AUD_W("降低"), -1}, {AUD_W("节约"), -1}, {AUD_W("节省"), -1},
	{AUD_W("缩减"), -1}, {AUD_W("减支"), -1}, {AUD_W("减收"), -1}, {AUD_W("压减"), -1},
};

static const struct aud_word count_verbs[] = {
	AUD_W("开展"),
	AUD_W("组织"),
	AUD_W("召开"),
	AUD_W("举办"),
	AUD_W("进行"),
	AUD_W("先后"),
	AUD_W("累计"),
	AUD_W("共计"),
	AUD_W("全年"),
	AUD_W("安排"),
	AUD_W("选取"),
	AUD_W("共"),
	AUD_W("完成"),
	AUD_W("形成")};

/* ------------------------------------------------------------- helpers */

/* Strip trailing words of `list` (and spaces) from s[a..b). */
static size_t strip_tail(const char *s, size_t a, size_t b, const struct aud_word *list,
			 size_t n)
{
	size_t k, m;
	int again = 1;

	while (again && b > a) {
		again = 0;
		for (k = 0; k < n; k++) {
			m = cj_aud_ends_w(s + a, b - a, &list[k]);
			if (m) {
				b -= m;
				again = 1;
				break;
			}
		}
	}
	return b;
}

/* Does s[a..b) end with one of list?  Returns its length. */
static size_t ends_any(const char *s, size_t a, size_t b, const struct aud_word *list, size_t n)
{
	size_t k, m;

	for (k = 0; k < n; k++)
		if ((m = cj_aud_ends_w(s + a, b - a, &list[k])))
			return m;
	return 0;
}

/* Store the normalised subject of s[a..b) in doc->subj; sets off/len. */
static void store_subject(struct aud_doc *doc, const char *s, size_t a, size_t b,
			  uint32_t *off, uint16_t *len)
{
	size_t before = doc->subj.len;

	*off = (uint32_t)before;
	if (b > a)
		cj_aud_subject_norm(s + a, b - a, &doc->subj);
	*len = (uint16_t)(doc->subj.len - before);
	cj_buf_putc(&doc->subj, '\0');
	if (cj_buf_err(&doc->subj) && !doc->err)
		doc->err = cj_buf_err(&doc->subj);
}

/* Is the subject text s[a..b) empty once normalised (only years, comparatives, numbering)? */
static int empty_subject(struct aud_doc *doc, const char *s, size_t a, size_t b)
{
	size_t before = doc->subj.len, n;

	if (b <= a)
		return 1;
	cj_aud_subject_norm(s + a, b - a, &doc->subj);
	n = doc->subj.len - before;
	doc->subj.len = before;
	if (doc->subj.ptr)
		doc->subj.ptr[before] = '\0';
	return n == 0;
}

/* Was the text before s[i] a comparative (比/较/与 directly before a year)? */
static int comparative_before(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] == ' ')
		i--; /* "比 2019 年" as a PDF spaces it */
	return cj_aud_ends(s, i, "比") || cj_aud_ends(s, i, "较") || cj_aud_ends(s, i, "与") ||
	       cj_aud_ends(s, i, "和") || cj_aud_ends(s, i, "同");
}

/* Last occurrence of "占" in s[a..b) that is the verb (not 占有/占用/占地). */
static size_t find_zhan(const char *s, size_t a, size_t b, size_t *at)
{
	size_t i = a, found = 0, adv;

	while (i < b) {
		if (cj_aud_at(s, b, i, "占") && !cj_aud_at(s, b, i + 3, "有") &&
		    !cj_aud_at(s, b, i + 3, "用") && !cj_aud_at(s, b, i + 3, "地") &&
		    !cj_aud_at(s, b, i + 3, "据") && !cj_aud_at(s, b, i + 3, "领")) {
			*at = i;
			found = 1;
		}
		cj_aud_cp(s, b, i, &adv);
		i += adv;
	}
	return found;
}

/* ---------------------------------------------------------------- roles */

static void pct_role(struct aud_doc *doc, const char *s, struct aud_fig *f, size_t a, size_t b)
{
	size_t t, t2, z, m, k, ne;

	t = strip_tail(s, a, b, fill_tail, sizeof(fill_tail) / sizeof(fill_tail[0]));
	if (find_zhan(s, a, t, &z)) {
		static const struct aud_word name_tail[] = {
			AUD_W("的比重"), AUD_W("的比例"), AUD_W("比重"), AUD_W("比例"),
			AUD_W("的"),     AUD_W("比"),     AUD_W("之")};
		static const char *const budget_names[] = {"预算", "年初预算", "调整预算",
							   "全年预算", "预算数"};
		ne = strip_tail(s, z + 3, t, name_tail, sizeof(name_tail) / sizeof(name_tail[0]));
		for (k = 0; k < sizeof(budget_names) / sizeof(budget_names[0]); k++)
			if (ne - (z + 3) == strlen(budget_names[k]) &&
			    memcmp(s + z + 3, budget_names[k], ne - z - 3) == 0)
				break;
		if (k < sizeof(budget_names) / sizeof(budget_names[0])) {
			f->role = AUD_R_COMPLETION;
			store_subject(doc, s, a, z, &f->subj, &f->subj_len);
			return;
		}
		f->role = AUD_R_SHARE;
		store_subject(doc, s, a, z, &f->subj, &f->subj_len);
		if (ne > z + 3) {
			uint32_t noff;
			store_subject(doc, s, z + 3, ne, &noff, &f->name_len);
		}
		return;
	}
	t2 = strip_tail(s, a, t, &w_de, 1);
	if ((m = ends_any(s, a, t2, completion_words,
			  sizeof(completion_words) / sizeof(completion_words[0])))) {
		f->role = AUD_R_COMPLETION;
		store_subject(doc, s, a, t2 - m, &f->subj, &f->subj_len);
		return;
	}
	for (k = 0; k < sizeof(rate_words) / sizeof(rate_words[0]); k++)
		if ((m = cj_aud_ends_w(s + a, t2 - a, &rate_words[k].w))) {
			f->role = AUD_R_RATE;
			f->dir = (int8_t)rate_words[k].dir;
			store_subject(doc, s, a, t2 - m, &f->subj, &f->subj_len);
			return;
		}
	f->role = AUD_R_PCT;
	store_subject(doc, s, a, t, &f->subj, &f->subj_len);
}

static void amount_role(struct aud_doc *doc, const char *s, struct aud_fig *f, size_t a,
			size_t b)
{
	size_t t, m, k, v = 0, vlen = 0, i, adv;
	int vdir = 0;

	t = strip_tail(s, a, b, fill_tail, sizeof(fill_tail) / sizeof(fill_tail[0]));
	if ((m = ends_any(s, a, t, budget_words, sizeof(budget_words) / sizeof(budget_words[0]))) &&
	    !cj_aud_ends(s + a, t - a - m, "完成")) {
		f->role = AUD_R_BUDGET;
		store_subject(doc, s, a, t - m, &f->subj, &f->subj_len);
		return;
	}
	/* the last change verb in the clause */
	for (i = a; i < t; i += adv) {
		for (k = 0; k < sizeof(change_verbs) / sizeof(change_verbs[0]); k++) {
			size_t n = cj_aud_at_w(s, t, i, &change_verbs[k].w);
			if (n) {
				v = i;
				vlen = n;
				vdir = change_verbs[k].dir;
				break;
			}
		}
		cj_aud_cp(s, t, i, &adv);
	}
	if (vlen) {
		if (v + vlen == t) {
			f->role = AUD_R_CHANGE;
			f->dir = (int8_t)vdir;
			store_subject(doc, s, a, v, &f->subj, &f->subj_len);
			return;
		}
		if (empty_subject(doc, s, a, v)) {
			f->role = AUD_R_CHANGE;
			f->dir = (int8_t)vdir;
			store_subject(doc, s, v + vlen, t, &f->subj, &f->subj_len);
			return;
		}
	}
	if ((m = ends_any(s, a, t, actual_words, sizeof(actual_words) / sizeof(actual_words[0])))) {
		f->role = AUD_R_ACTUAL;
		store_subject(doc, s, a, t, &f->subj, &f->subj_len);
		return;
	}
	f->role = AUD_R_AMOUNT;
	store_subject(doc, s, a, t, &f->subj, &f->subj_len);
}

static void count_role(struct aud_doc *doc, const char *s, size_t len, struct aud_fig *f,
		       size_t a, size_t b)
{
	size_t t, k, m, e, nhan = 0, adv, before;
	int again = 1;

	f->role = AUD_R_COUNT;
	t = strip_tail(s, a, b, fill_tail, sizeof(fill_tail) / sizeof(fill_tail[0]));
	while (again && a < t) {
		again = 0;
		while (a < t && (s[a] == ' ' || s[a] == '*')) {
			a++;
			again = 1;
		}
		for (k = 0; k < sizeof(count_verbs) / sizeof(count_verbs[0]); k++)
			if ((m = cj_aud_at_w(s, t, a, &count_verbs[k]))) {
				a += m;
				again = 1;
				break;
			}
	}
	before = doc->subj.len;
	f->subj = (uint32_t)before;
	if (t > a)
		cj_aud_subject_norm(s + a, t - a, &doc->subj);
	/* the noun after the measure word: 召开12次区委办公室中心组学习会议 */
	cj_buf_putc(&doc->subj, '|');
	e = f->end;
	while (e < len && nhan < 12) {
		uint32_t cp = cj_aud_cp(s, len, e, &adv);
		if (!cj_aud_is_han(cp))
			break;
		e += adv;
		nhan++;
	}
	if (nhan)
		cj_buf_put(&doc->subj, s + f->end, e - f->end);
	f->subj_len = (uint16_t)(doc->subj.len - before);
	cj_buf_putc(&doc->subj, '\0');
	if (cj_buf_err(&doc->subj) && !doc->err)
		doc->err = cj_buf_err(&doc->subj);
}

/* --------------------------------------------------------------- years */

/* Is the clause s[c..e) only a year (and 截至/在/于/月/日 around it)? */
static int year_only_clause(const struct aud_doc *doc, const struct aud_para *para,
			    uint32_t c, uint32_t y_fig)
{
	const struct aud_fig *y = &doc->figs[y_fig];
	static const char *const around[] = {"截至", "截止", "在", "于", "到"};
	size_t a = c, k, m;

	for (k = 0; k < sizeof(around) / sizeof(around[0]); k++)
		if ((m = cj_aud_at(para->ptr, para->len, a, around[k])))
			a += m;
	return a == y->off;
}

static void claim_year(struct aud_doc *doc, struct aud_para *para, uint32_t fi, size_t a)
{
	struct aud_fig *f = &doc->figs[fi];
	const char *s = para->ptr;
	uint32_t k;
	size_t e;
	int year = doc->year;

	for (k = fi; k-- > para->fig0 && fi - k <= 64;) {
		const struct aud_fig *y = &doc->figs[k];
		if (y->off < f->sent)
			break;
		if (y->kind != AUD_YEAR || ((y->flags ^ f->flags) & AUD_F_PAREN))
			continue;
		e = y->end;
		while (e < para->len && s[e] == ' ')
			e++;
		if (comparative_before(s, y->off) || cj_aud_at(s, para->len, e, "相比") ||
		    cj_aud_at(s, para->len, e, "同期") || cj_aud_at(s, para->len, e, "-"))
			continue;
		if (y->off >= f->clause || year_only_clause(doc, para, y->clause, k)) {
			year = (int)y->val.v;
			break;
		}
	}
	/* 上年 / 上年度 / 去年 in the clause, not as a comparative */
	if (year == doc->year && doc->year) {
		size_t i;
		for (i = a; i + 6 <= f->off; i++) {
			if ((cj_aud_at(s, f->off, i, "上年") && !cj_aud_at(s, f->off, i + 6, "结转")) ||
			    cj_aud_at(s, f->off, i, "去年")) {
				if (!comparative_before(s, i)) {
					year = doc->year - 1;
					break;
				}
			}
		}
	}
	if (doc->year && year < doc->year)
		f->flags |= AUD_F_LASTYEAR;
	f->year = (int16_t)year;
}

/* Words a bare percentage may follow ("占65.52；", "增长37.41。"); not 增加/减少. */
static const struct aud_word ratio_words[] = {
	AUD_W("占"),         AUD_W("占比"),       AUD_W("占比为"),   AUD_W("的比重为"),
	AUD_W("增长"),       AUD_W("下降"),       AUD_W("增幅"),     AUD_W("降幅"),
	AUD_W("增长率"),     AUD_W("下降率"),     AUD_W("完成预算"), AUD_W("完成预算的"),
	AUD_W("完成年初预算的"), AUD_W("完成年初预算"), AUD_W("为预算的"), AUD_W("执行率"),
	AUD_W("执行率为"),   AUD_W("预算执行率"), AUD_W("完成率"),   AUD_W("完成率为")};

/* A bare number right after a ratio word and at the end of its clause. */
static int bare_ratio(const char *s, size_t len, const struct aud_fig *f)
{
	size_t adv, k, b;
	uint32_t cp;

	if (f->val.v < 0 || (f->flags & AUD_F_APPROX))
		return 0;
	if (f->end < len) {
		cp = cj_aud_cp(s, len, f->end, &adv);
		if (!(cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0x3001 || cp == ',' ||
		      cp == ';' || cp == 0xFF09 || cp == ')' || cp == '\t' || cp == '|'))
			return 0;
	}
	b = f->off;
	while (b > 0 && s[b - 1] == ' ')
		b--; /* "完成预算的 96.00" as a PDF spaces it */
	for (k = 0; k < sizeof(ratio_words) / sizeof(ratio_words[0]); k++)
		if (cj_aud_ends_w(s, b, &ratio_words[k]))
			return 1;
	return 0;
}

/* --------------------------------------------------------------- driver */

/* Boundary classes of the character at s[i]: 3 sentence, 2 segment, 1 clause, 0 none. */
static int boundary(const char *s, size_t len, size_t i, size_t *adv)
{
	uint32_t cp = cj_aud_cp(s, len, i, adv);

	switch (cp) {
	case 0x3002: /* 。 */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case '!':
	case '?':
	case '\t':
	case '|':
		return 3;
	case 0xFF1B: /* ； */
	case ';':
		return 2;
	case 0xFF0C: /* ， */
	case ',':
	case 0xFF1A: /* ： */
	case ':':
	case 0x3001: /* 、 */
		return 1;
	default:
		return 0;
	}
}

void cj_aud_claims(struct aud_doc *doc, uint32_t p)
{
	struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, i = 0, adv, fi = para->fig0, fend = para->fig0 + para->nfig;
	uint32_t sent = 0, seg = 0, clause = 0;
	uint32_t stack[MAX_DEPTH][3];
	int depth = 0, b;

	/* 1. clause, segment and sentence starts */
	while (i < len && fi < fend) {
		struct aud_fig *f = &doc->figs[fi];
		if (i >= f->off) {
			f->sent = sent;
			f->seg = seg;
			f->clause = clause;
			i = f->end > i ? f->end : i + 1;
			fi++;
			continue;
		}
		if (cj_aud_at(s, len, i, "（") || s[i] == '(') {
			if (depth < MAX_DEPTH) {
				stack[depth][0] = sent;
				stack[depth][1] = seg;
				stack[depth][2] = clause;
			}
			depth++;
			i += s[i] == '(' ? 1 : 3;
			seg = clause = (uint32_t)i;
			continue;
		}
		if ((cj_aud_at(s, len, i, "）") || s[i] == ')') && depth > 0) {
			depth--;
			if (depth < MAX_DEPTH) {
				sent = stack[depth][0];
				seg = stack[depth][1];
				clause = stack[depth][2];
			}
			i += s[i] == ')' ? 1 : 3;
			continue;
		}
		if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] != 0xE3 &&
		    (unsigned char)s[i] != 0xEF) {
			i++; /* not the lead byte of CJK punctuation */
			continue;
		}
		b = boundary(s, len, i, &adv);
		i += adv;
		if (b == 3)
			sent = seg = clause = (uint32_t)i;
		else if (b == 2)
			seg = clause = (uint32_t)i;
		else if (b == 1)
			clause = (uint32_t)i;
	}
	for (; fi < fend; fi++) {
		doc->figs[fi].sent = sent;
		doc->figs[fi].seg = seg;
		doc->figs[fi].clause = clause;
	}

	/* 2. roles, subjects, years */
	for (fi = para->fig0; fi < fend; fi++) {
		struct aud_fig *f = &doc->figs[fi];
		size_t a = f->clause, t;
		uint32_t k;

		if (f->kind == AUD_YEAR || f->kind == AUD_OTHER)
			continue;
		/* the clause text since the previous figure in it */
		for (k = (uint32_t)fi; k-- > para->fig0 && fi - k <= 64;) {
			const struct aud_fig *g = &doc->figs[k];
			if (g->end <= f->clause)
				break;
			if (g->kind != AUD_YEAR && ((g->flags ^ f->flags) & AUD_F_PAREN) == 0 &&
			    g->end <= f->off) {
				a = g->end;
				break;
			}
		}
		if (a > f->off)
			a = f->off;
		f->pre = (uint32_t)a;
		t = strip_tail(s, a, f->off, &w_space, 1);
		if (ends_any(s, a, t, approx_before, sizeof(approx_before) / sizeof(approx_before[0])))
			f->flags |= AUD_F_APPROX;
		claim_year(doc, para, (uint32_t)fi, a);
		switch (f->kind) {
		case AUD_PCT:
		case AUD_BARE:
			if (f->kind == AUD_BARE && (f->flags & AUD_F_TABLE))
				break;
			pct_role(doc, s, f, a, f->off);
			if (f->kind == AUD_BARE) {
				/* "占65.52；": a percentage without its sign, read as one */
				if ((f->role == AUD_R_SHARE || f->role == AUD_R_RATE ||
				     f->role == AUD_R_COMPLETION) && bare_ratio(s, len, f)) {
					f->kind = AUD_PCT;
					f->flags |= AUD_F_NOSIGN;
				} else {
					f->role = AUD_R_NONE;
				}
			}
			break;
		case AUD_AMOUNT:
			amount_role(doc, s, f, a, f->off);
			break;
		case AUD_COUNT:
			count_role(doc, s, len, f, a, f->off);
			break;
		default:
			break;
		}
		if (f->role != AUD_R_NONE &&
		    cj_aud_subject_generic(aud_subj(doc, f), f->subj_len))
			f->flags |= AUD_F_GENERIC;
		if (f->role == AUD_R_COUNT) {
			/* a count's subject holds '|': generic when both halves are short */
			const char *cs = aud_subj(doc, f);
			if (cj_aud_subject_generic(cs, f->subj_len))
				f->flags |= AUD_F_GENERIC;
			else
				f->flags &= (uint16_t)~AUD_F_GENERIC;
		}
		if (doc->err)
			return;
	}
}

/* ---------------------------------------------------------------- index */

static unsigned role_class(const struct aud_fig *f)
{
	switch (f->role) {
	case AUD_R_AMOUNT:
	case AUD_R_ACTUAL:
		return 1;
	case AUD_R_BUDGET:
		return 2;
	case AUD_R_CHANGE:
		return f->dir > 0 ? 3 : 4;
	case AUD_R_RATE:
		return f->dir > 0 ? 5 : 6;
	case AUD_R_SHARE:
		return 7;
	case AUD_R_COMPLETION:
		return 8;
	case AUD_R_COUNT:
		return 16u + f->measure;
	default:
		return 9;
	}
}

uint32_t cj_aud_key(const struct aud_doc *doc, const struct aud_fig *f)
{
	uint32_t h = cj_aud_hash(aud_subj(doc, f), f->subj_len, 0);

	h ^= role_class(f) * 0x9E3779B1u;
	h ^= (uint32_t)(uint16_t)f->year * 0x85EBCA77u;
	return h ? h : 1;
}

/* The figures the index holds: definite amounts and budgets outside tables. */
static int indexed(const struct aud_fig *f)
{
	return f->kind == AUD_AMOUNT &&
	       (f->role == AUD_R_AMOUNT || f->role == AUD_R_ACTUAL || f->role == AUD_R_BUDGET) &&
	       !(f->flags & (AUD_F_APPROX | AUD_F_TABLE | AUD_F_GENERIC | AUD_F_PAREN)) &&
	       f->subj_len;
}

void cj_aud_index(struct aud_doc *doc)
{
	size_t i, n = 0, cap = 16;

	for (i = 0; i < doc->nfig; i++) {
		struct aud_fig *f = &doc->figs[i];
		if (f->role != AUD_R_NONE)
			f->hash = cj_aud_key(doc, f);
		if (indexed(f))
			n++;
	}
	while (cap < 2 * n + 2)
		cap *= 2;
	doc->index = cj_calloc(cap, sizeof(*doc->index));
	if (!doc->index) {
		doc->err = CJ_ERR_NOMEM;
		return;
	}
	doc->index_cap = cap;
	for (i = 0; i < cap; i++)
		doc->index[i] = AUD_NONE;
	for (i = 0; i < doc->nfig; i++) {
		size_t h;
		if (!indexed(&doc->figs[i]))
			continue;
		h = doc->figs[i].hash & (cap - 1);
		while (doc->index[h] != AUD_NONE)
			h = (h + 1) & (cap - 1);
		doc->index[h] = (uint32_t)i;
	}
}

/* A subject ending with `name` (the org name before it: 区委政研室政府采购支出总额). */
static int ends_with_name(const char *s, size_t slen, const char *name, size_t len)
{
	return slen > len && memcmp(s + slen - len, name, len) == 0 &&
	       ((unsigned char)s[slen - len] & 0xC0) != 0x80;
}

uint32_t cj_aud_lookup(struct aud_doc *doc, const char *subject, size_t len, int year)
{
	return cj_aud_lookup_role(doc, subject, len, year, AUD_R_AMOUNT);
}

uint32_t cj_aud_lookup_role(struct aud_doc *doc, const char *subject, size_t len, int year,
			    int role)
{
	struct aud_fig probe;
	uint32_t h, found = AUD_NONE;
	size_t slot, k;
	unsigned cls;

	if (!doc->index || !len)
		return AUD_NONE;
	memset(&probe, 0, sizeof(probe));
	probe.role = (uint8_t)role;
	cls = role_class(&probe);
	/* the key cj_aud_key gives an amount of this role, subject and year */
	h = cj_aud_hash(subject, len, 0);
	h ^= cls * 0x9E3779B1u;
	h ^= (uint32_t)(uint16_t)year * 0x85EBCA77u;
	h = h ? h : 1;
	slot = h & (doc->index_cap - 1);
	while (doc->index[slot] != AUD_NONE) {
		const struct aud_fig *f = &doc->figs[doc->index[slot]];
		if (f->hash == h && f->subj_len == len && f->year == year &&
		    role_class(f) == cls && memcmp(aud_subj(doc, f), subject, len) == 0) {
			if (found == AUD_NONE)
				found = doc->index[slot];
			else if (!cj_ival_overlaps(cj_aud_ival_wan(f),
						   cj_aud_ival_wan(&doc->figs[found])))
				return AUD_NONE; /* the document gives two values */
			else if (doc->index[slot] < found)
				found = doc->index[slot];
		}
		slot = (slot + 1) & (doc->index_cap - 1);
	}
	if (found != AUD_NONE || len < 9 || !cj_aud_may_scan(doc))
		return found;
	/* a subject with the unit's name before it */
	for (k = 0; k < doc->nfig; k++) {
		const struct aud_fig *f = &doc->figs[k];
		if (!indexed(f) || f->year != year || role_class(f) != cls ||
		    !ends_with_name(aud_subj(doc, f), f->subj_len, subject, len))
			continue;
		if (found == AUD_NONE)
			found = (uint32_t)k;
		else if (!cj_ival_overlaps(cj_aud_ival_wan(f), cj_aud_ival_wan(&doc->figs[found])))
			return AUD_NONE;
	}
	return found;
}

const char *cj_aud_subject_text(const struct aud_doc *doc, const struct aud_fig *f, char *buf,
				size_t cap)
{
	const char *s = aud_subj(doc, f), *bar, *e;
	const char *project = NULL;
	size_t n = f->subj_len, plen = 0;

	buf[0] = '\0';
	if (!n || cap < 8)
		return buf;
	e = s + n;
	/* scopes: "§12.3|" (a topic of the work summary), "项目:X|" (a project) */
	if (n > 2 && memcmp(s, "§", 2) == 0 && (bar = memchr(s, '|', n)) != NULL)
		s = bar + 1;
	if (e - s > 7 && memcmp(s, "项目:", 7) == 0 && (bar = memchr(s, '|', (size_t)(e - s)))) {
		project = s + 7;
		plen = (size_t)(bar - project);
		s = bar + 1;
		if (s == e - 6 && memcmp(s, "执行", 6) == 0)
			s = e; /* a project's spending */
		else if (s == e - 6 && memcmp(s, "预算", 6) == 0) {
			snprintf(buf, cap, "%.*s项目预算", (int)plen, project);
			return buf;
		}
	}
	if ((f->flags & AUD_F_GENERIC) && !project)
		return buf;
	n = (size_t)(e - s);
	bar = n ? memchr(s, '|', n) : NULL;
	if (bar) {
		/* a count: "left|right", the words before and after it */
		size_t left = (size_t)(bar - s);
		if (left)
			n = left;
		else
			s = bar + 1, n = (size_t)(e - s);
	}
	if (project && n)
		snprintf(buf, cap, "%.*s项目的%.*s", (int)plen, project, (int)n, s);
	else if (project)
		snprintf(buf, cap, "%.*s项目", (int)plen, project);
	else
		snprintf(buf, cap, "%.*s", (int)n, s);
	return buf;
}
