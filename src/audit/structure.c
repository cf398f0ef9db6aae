/*
 * structure.c - the structures figures sit in, within one paragraph:
 *
 *   其中     "本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；项目
 *            支出274.83万元，占34.48%；…"  total 797.10, parts with shares
 *   包括     "增加资本性支出123.02万元(包括：涉密会议系统44.8万元、…)"; the
 *            total may also follow the parenthesis
 *   主要用于 "…支出797.10万元，主要用于以下方面:一般公共服务（类）支出…"
 *   合计     "人员经费464.33万元、公用经费57.93万元，合计522.26万元"
 *   shares   "…决算中，因公出国（境）费…0万元，占0%；公务用车…2.07万元，占
 *            34.5%；…" a list of shares whose total is named by its head
 *   reasons  "主要原因是：1.增加…57.55万元；2.增加…327.11万元；…" the
 *            reasons for the change written just before, with their amounts
 *
 * A list is split into items by its first separator (；, else ，, else 、;
 * an item holding several parts is split again at 、).  Every item that has
 * a figure must have exactly one figure of the total's kind, or the list is
 * not used: better untied than a guessed relation.  Why the parts are
 * believed to be all of them is recorded as evidence (AUD_E_*); the checks
 * decide what each kind of evidence allows.
 *
 * Linear in the paragraph: markers are found in one pass, and each list
 * only walks the figures of its sentence.
 */
#include <string.h>

#include "audit.h"

#define MAX_ITEMS 256

/* ------------------------------------------------------------ sentences */

/* Sentence bounds around offset m at top level: [*s, *e). */
static void sentence_of(const struct aud_para *para, uint32_t m, uint32_t *s, uint32_t *e)
{
	const char *t = para->ptr;
	size_t len = para->len, i = m;
	int depth = 0;

	/* backwards to a sentence end at depth 0 (bounded by the paragraph) */
	*s = 0;
	while (i > 0) {
		size_t k = cj_aud_prev(t, i);
		if (cj_aud_at(t, len, k, "）") || t[k] == ')')
			depth++;
		else if ((cj_aud_at(t, len, k, "（") || t[k] == '(') && depth > 0)
			depth--;
		else if (depth == 0 && (cj_aud_at(t, len, k, "。") || cj_aud_at(t, len, k, "！") ||
					cj_aud_at(t, len, k, "？") || t[k] == '\t' || t[k] == '|')) {
			*s = (uint32_t)i;
			break;
		}
		i = k;
		if (m - i > 4096) {
			*s = (uint32_t)i; /* a runaway sentence: stop looking */
			break;
		}
	}
	i = m;
	depth = 0;
	*e = (uint32_t)len;
	while (i < len) {
		size_t adv;
		if (cj_aud_at(t, len, i, "（") || t[i] == '(')
			depth++;
		else if ((cj_aud_at(t, len, i, "）") || t[i] == ')') && depth > 0)
			depth--;
		else if (depth == 0 && (cj_aud_at(t, len, i, "。") || cj_aud_at(t, len, i, "！") ||
					cj_aud_at(t, len, i, "？") || t[i] == '\t' || t[i] == '|')) {
			*e = (uint32_t)i;
			break;
		}
		cj_aud_cp(t, len, i, &adv);
		i += adv;
		if (i - m > 8192)
			break;
	}
}

/* Depth of parentheses at offset m (counted from the sentence start s). */
static int depth_at(const struct aud_para *para, uint32_t s, uint32_t m, uint32_t *open)
{
	const char *t = para->ptr;
	size_t i = s, adv;
	int depth = 0;

	while (i < m) {
		if (cj_aud_at(t, para->len, i, "（") || t[i] == '(') {
			depth++;
			*open = (uint32_t)i;
		} else if ((cj_aud_at(t, para->len, i, "）") || t[i] == ')') && depth > 0) {
			depth--;
		}
		cj_aud_cp(t, para->len, i, &adv);
		i += adv;
	}
	return depth;
}

/* The closing parenthesis of the group open at depth 1 after m (or e). */
static uint32_t paren_close(const struct aud_para *para, uint32_t m, uint32_t e)
{
	const char *t = para->ptr;
	size_t i = m, adv;
	int depth = 1;

	while (i < e) {
		if (cj_aud_at(t, para->len, i, "（") || t[i] == '(')
			depth++;
		else if (cj_aud_at(t, para->len, i, "）") || t[i] == ')') {
			if (--depth == 0)
				return (uint32_t)i;
		}
		cj_aud_cp(t, para->len, i, &adv);
		i += adv;
	}
	return e;
}

/* ---------------------------------------------------------------- parts */

static int plain_value(const struct aud_fig *f)
{
	return (f->kind == AUD_AMOUNT &&
		(f->role == AUD_R_AMOUNT || f->role == AUD_R_ACTUAL)) ||
	       (f->kind == AUD_COUNT && f->role == AUD_R_COUNT);
}

static int same_kind(const struct aud_fig *a, const struct aud_fig *b)
{
	if (a->kind != b->kind)
		return 0;
	return a->kind != AUD_COUNT || a->measure == b->measure;
}

/* Separator classes at s[i]: 3 ；, 2 ，, 1 、; 0 none. */
static int sep_class(const char *s, size_t len, size_t i)
{
	if (cj_aud_at(s, len, i, "；") || s[i] == ';')
		return 3;
	if (cj_aud_at(s, len, i, "，") || s[i] == ',')
		return 2;
	if (cj_aud_at(s, len, i, "、"))
		return 1;
	return 0;
}

static size_t sep_len(const char *s, size_t i)
{
	return (s[i] == ';' || s[i] == ',') ? 1 : 3;
}

/* Canonical complete sets of parts (keywords a part's subject must contain). */
static const char *const canon_sets[][6] = {
	{"基本支出", "项目支出", "上缴上级", "经营支出", "附属单位补助", NULL},
	{"货物", "工程", "服务", NULL},
	{"出国", "公务用车", "公务接待", NULL},
	{"人员经费", "公用经费", NULL},
	{"公务用车购置", "公务用车运行", NULL},
};

static int canonical(const struct aud_doc *doc, const struct aud_part *parts, size_t n)
{
	size_t k, i, j;

	for (k = 0; k < sizeof(canon_sets) / sizeof(canon_sets[0]); k++) {
		unsigned seen = 0, nm = 0;
		int ok = 1;
		while (nm < 6 && canon_sets[k][nm])
			nm++;
		if (n != nm)
			continue;
		for (i = 0; i < n && ok; i++) {
			const char *s = aud_subj(doc, &doc->figs[parts[i].fig]);
			int hit = -1;
			for (j = 0; j < nm; j++)
				if (strstr(s, canon_sets[k][j])) {
					if (hit >= 0)
						ok = 0; /* matches two members */
					hit = (int)j;
				}
			if (hit < 0 || (seen & (1u << hit)))
				ok = 0;
			else
				seen |= 1u << hit;
		}
		if (ok && seen == (1u << nm) - 1)
			return 1;
	}
	return 0;
}

static int other_part(const struct aud_doc *doc, const struct aud_part *parts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *s = aud_subj(doc, &doc->figs[parts[i].fig]);
		if (strncmp(s, "其他", 6) == 0 || strncmp(s, "其它", 6) == 0)
			return 1;
	}
	return 0;
}

/*
 * Collect the parts of a list in para[from, to) for a total like `model`
 * (same kind; in parentheses when `paren`).  Returns the number of parts
 * written to parts[], or -1 when the list cannot be used.
 */
static int collect_parts(struct aud_doc *doc, const struct aud_para *para, uint32_t from,
			 uint32_t to, const struct aud_fig *model, int paren,
			 struct aud_part *parts, size_t cap)
{
	const char *s = para->ptr;
	uint32_t bounds[MAX_ITEMS + 1], sub[MAX_ITEMS + 1];
	size_t nb = 0, i, adv, it;
	int primary = 0, depth = 0, n = 0;

	/* the primary separator: the strongest class present at depth 0 */
	for (i = from; i < to;) {
		int c;
		if (cj_aud_at(s, para->len, i, "（") || s[i] == '(')
			depth++;
		else if ((cj_aud_at(s, para->len, i, "）") || s[i] == ')') && depth > 0)
			depth--;
		else if (depth == 0 && (c = sep_class(s, para->len, i)) > primary)
			primary = c;
		cj_aud_cp(s, para->len, i, &adv);
		i += adv;
	}
	/* item bounds */
	bounds[nb++] = from;
	depth = 0;
	for (i = from; i < to && nb < MAX_ITEMS;) {
		if (cj_aud_at(s, para->len, i, "（") || s[i] == '(')
			depth++;
		else if ((cj_aud_at(s, para->len, i, "）") || s[i] == ')') && depth > 0)
			depth--;
		else if (depth == 0 && primary && sep_class(s, para->len, i) == primary) {
			i += sep_len(s, i);
			bounds[nb++] = (uint32_t)i;
			continue;
		}
		cj_aud_cp(s, para->len, i, &adv);
		i += adv;
	}
	if (nb >= MAX_ITEMS)
		return -1;
	bounds[nb] = to;
	for (it = 0; it < nb; it++) {
		uint32_t x = bounds[it], y = bounds[it + 1];
		uint32_t k, cand[8], nc = 0, others = 0, ns = 0, si;

		for (k = cj_aud_fig_at(doc, para, x); k < para->fig0 + para->nfig; k++) {
			const struct aud_fig *f = &doc->figs[k];
			if (f->off >= y)
				break;
			if (((f->flags & AUD_F_PAREN) != 0) != (paren != 0)) {
				continue;
			}
			if (f->kind == AUD_YEAR || f->kind == AUD_OTHER)
				continue;
			if (same_kind(f, model) && plain_value(f)) {
				if (nc < 8)
					cand[nc] = k;
				nc++;
			} else if (f->kind == AUD_AMOUNT || f->kind == AUD_COUNT ||
				   (f->kind == AUD_BARE && f->role == AUD_R_NONE)) {
				others++;
			}
		}
		if (nc == 0) {
			if (others)
				return -1; /* an item with a figure of its own kind but no part */
			continue;
		}
		if (nc > 8)
			return -1;
		if (nc > 1) {
			/* split the item again at 、 */
			sub[ns++] = x;
			depth = 0;
			for (i = x; i < y && ns < MAX_ITEMS;) {
				if (cj_aud_at(s, para->len, i, "（") || s[i] == '(')
					depth++;
				else if ((cj_aud_at(s, para->len, i, "）") || s[i] == ')') && depth > 0)
					depth--;
				else if (depth == 0 && cj_aud_at(s, para->len, i, "、")) {
					i += 3;
					sub[ns++] = (uint32_t)i;
					continue;
				}
				cj_aud_cp(s, para->len, i, &adv);
				i += adv;
			}
			sub[ns] = y;
			for (si = 0; si < ns; si++) {
				uint32_t cnt = 0;
				for (k = 0; k < nc; k++)
					if (doc->figs[cand[k]].off >= sub[si] &&
					    doc->figs[cand[k]].off < sub[si + 1])
						cnt++;
				if (cnt > 1)
					return -1;
			}
		}
		for (k = 0; k < nc; k++) {
			if ((size_t)n >= cap)
				return -1;
			if (doc->figs[cand[k]].flags & AUD_F_APPROX)
				return -1;
			parts[n].fig = cand[k];
			parts[n].share = AUD_NONE;
			n++;
		}
	}
	/* each part's share: "占P%" before the next part (items may be cut at ，) */
	for (it = 0; it < (size_t)n; it++) {
		uint32_t j, end = it + 1 < (size_t)n ? doc->figs[parts[it + 1].fig].off : to;
		for (j = parts[it].fig + 1; j < para->fig0 + para->nfig; j++) {
			const struct aud_fig *g = &doc->figs[j];
			if (g->off >= end)
				break;
			if (g->kind == AUD_PCT && g->role == AUD_R_SHARE && !g->name_len &&
			    ((g->flags & AUD_F_PAREN) != 0) == (paren != 0)) {
				parts[it].share = j;
				break;
			}
		}
	}
	return n;
}

static void add_struct(struct aud_doc *doc, uint32_t p, int kind, uint32_t total,
		       const struct aud_part *parts, int n, uint8_t evidence)
{
	struct aud_struct *st;
	int i;

	st = cj_aud_push(doc, (void **)&doc->structs, &doc->nstruct, &doc->capstruct, sizeof(*st));
	if (!st)
		return;
	st->kind = (uint8_t)kind;
	st->para = p;
	st->total = total;
	st->head = AUD_NONE;
	st->part0 = (uint32_t)doc->npart;
	st->nparts = (uint32_t)n;
	if (other_part(doc, parts, (size_t)n))
		evidence |= AUD_E_OTHER;
	if (canonical(doc, parts, (size_t)n))
		evidence |= AUD_E_CANON;
	st->evidence = evidence;
	if (total != AUD_NONE)
		doc->figs[total].flags |= AUD_F_TOTAL;
	for (i = 0; i < n; i++) {
		struct aud_part *pp =
			cj_aud_push(doc, (void **)&doc->parts, &doc->npart, &doc->cappart, sizeof(*pp));
		if (!pp)
			return;
		*pp = parts[i];
		doc->figs[parts[i].fig].flags |= AUD_F_PART;
		if (parts[i].share != AUD_NONE)
			doc->figs[parts[i].share].flags |= AUD_F_PART;
	}
}

/* ---------------------------------------------------------------- lists */

/* Is f a plain value of the kind asked for (AUD_AMOUNT, or AUD_COUNT of `measure`)? */
static int of_kind(const struct aud_fig *f, int kind, unsigned measure)
{
	return plain_value(f) && f->kind == kind && (kind != AUD_COUNT || f->measure == measure);
}

/* A change amount: "增加资本性支出123.02万元(包括：…)" totals its parts too. */
static int change_total(const struct aud_fig *f, int kind)
{
	return kind == AUD_AMOUNT && f->kind == AUD_AMOUNT && f->role == AUD_R_CHANGE;
}

/* The total before marker m: the last plain value of that kind in [s, m). */
static uint32_t total_before(struct aud_doc *doc, const struct aud_para *para, uint32_t s,
			     uint32_t m, int paren, int kind, unsigned measure, int changes)
{
	uint32_t k;

	for (k = cj_aud_fig_at(doc, para, m); k-- > para->fig0;) {
		const struct aud_fig *f = &doc->figs[k];
		if (f->off < s)
			break;
		if (((f->flags & AUD_F_PAREN) != 0) != (paren != 0))
			continue;
		if (of_kind(f, kind, measure) || (changes && change_total(f, kind)))
			return (f->flags & AUD_F_APPROX) ? AUD_NONE : k;
	}
	return AUD_NONE;
}

/* A line that starts a new heading or a note: a list running over lines stops there. */
static int stops_list(const struct aud_para *para)
{
	const char *s = para->ptr;
	size_t len = para->len, i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '#' || s[i] == '>' || s[i] == '*'))
		i++;
	if (para->table || i == len)
		return 1;
	return cj_aud_at(s, len, i, "（注") || cj_aud_at(s, len, i, "注：") ||
	       cj_aud_at(s, len, i, "第") || cj_aud_at(s, len, i, "（一") ||
	       cj_aud_at(s, len, i, "（二") || cj_aud_at(s, len, i, "（三") ||
	       cj_aud_at(s, len, i + 3, "、");
}

/*
 * "基本支出522.26万元，其中：" closing its paragraph: the parts are the
 * first figures of the paragraphs that follow ("人员经费464.33万元，…",
 * "公用经费57.93万元，…"), up to a heading, a note or a paragraph that
 * does not open with a value of the total's kind.
 */
static int parts_below(struct aud_doc *doc, uint32_t p, const struct aud_fig *model,
		       struct aud_part *parts, size_t cap)
{
	uint32_t q;
	int n = 0;

	for (q = p + 1; q < doc->npara && q <= p + 24 && (size_t)n < cap; q++) {
		const struct aud_para *para = &doc->paras[q];
		uint32_t k, first = AUD_NONE;
		if (!para->len)
			continue;
		if (stops_list(para))
			break;
		for (k = para->fig0; k < para->fig0 + para->nfig; k++) {
			const struct aud_fig *f = &doc->figs[k];
			if (f->kind == AUD_YEAR || f->kind == AUD_OTHER)
				continue;
			first = k;
			break;
		}
		if (first == AUD_NONE)
			break;
		{
			const struct aud_fig *f = &doc->figs[first];
			if (!of_kind(f, model->kind, model->measure) ||
			    (f->flags & (AUD_F_PAREN | AUD_F_APPROX)))
				break;
		}
		parts[n].fig = first;
		parts[n].share = AUD_NONE;
		if (first + 1 < para->fig0 + para->nfig) {
			const struct aud_fig *g = &doc->figs[first + 1];
			if (g->kind == AUD_PCT && g->role == AUD_R_SHARE && !g->name_len &&
			    g->seg == doc->figs[first].seg)
				parts[n].share = first + 1;
		}
		n++;
	}
	return n >= 2 ? n : 0;
}

static void list_at(struct aud_doc *doc, uint32_t p, uint32_t m, size_t mlen, int kind,
		    uint8_t evidence)
{
	struct aud_para *para = &doc->paras[p];
	struct aud_part parts[MAX_ITEMS];
	uint32_t s, e, open = 0, from = (uint32_t)(m + mlen), k;
	int paren, n, pass;

	sentence_of(para, m, &s, &e);
	paren = depth_at(para, s, m, &open) > 0;
	if (paren)
		e = paren_close(para, m, e);
	/* a nested 其中 ends the list */
	for (k = from; k + 6 <= e; k++)
		if (cj_aud_at(para->ptr, e, k, "其中")) {
			e = k;
			break;
		}
	if (cj_aud_at(para->ptr, para->len, from, "：") || cj_aud_at(para->ptr, para->len, from, "，"))
		from += 3;
	else if (from < para->len && (para->ptr[from] == ':' || para->ptr[from] == ','))
		from += 1;
	/* one list of amounts, one of counts (of the measure the list uses) */
	for (pass = 0; pass < 2; pass++) {
		int fk = pass == 0 ? AUD_AMOUNT : AUD_COUNT;
		unsigned measure = 0;
		uint32_t total = AUD_NONE;

		if (fk == AUD_COUNT) {
			for (k = cj_aud_fig_at(doc, para, from); k < para->fig0 + para->nfig; k++) {
				const struct aud_fig *f = &doc->figs[k];
				if (f->off >= e)
					break;
				if (f->kind != AUD_COUNT || ((f->flags & AUD_F_PAREN) != 0) != (paren != 0))
					continue;
				measure = f->measure;
				break;
			}
			if (!measure)
				continue;
		}
		if (paren && kind == AUD_S_BAOKUO) {
			/* "支出123.02万元(包括：…)" or "支出(包括：…)123.02万元" */
			uint32_t close = paren_close(para, m, para->len - m > 8192 ? m + 8192 : para->len);
			total = total_before(doc, para, s, open, 0, fk, measure, 1);
			if (total != AUD_NONE && doc->figs[total].clause > open)
				total = AUD_NONE;
			if (total == AUD_NONE) {
				for (k = cj_aud_fig_at(doc, para, close + 1); k < para->fig0 + para->nfig; k++) {
					const struct aud_fig *f = &doc->figs[k];
					if (f->flags & AUD_F_PAREN)
						continue;
					if (f->clause > close + 3)
						break;
					if ((of_kind(f, fk, measure) || change_total(f, fk)) &&
					    !(f->flags & AUD_F_APPROX))
						total = k;
					break;
				}
			}
		} else {
			total = total_before(doc, para, s, m, paren, fk, measure, 0);
			if (total == AUD_NONE && !paren && s > 0) {
				/* 其中 opening a sentence: the total ends the previous one */
				uint32_t ps, pe;
				size_t i = s;
				while (i < m && para->ptr[i] == ' ')
					i++;
				if (i == m) {
					sentence_of(para, s - 1, &ps, &pe);
					for (k = cj_aud_fig_at(doc, para, s); k-- > para->fig0;) {
						const struct aud_fig *f = &doc->figs[k];
						if ((f->flags & AUD_F_PAREN) ||
						    f->kind == AUD_YEAR || f->kind == AUD_OTHER)
							continue;
						if (f->off < ps)
							break;
						if (of_kind(f, fk, measure) && !(f->flags & AUD_F_APPROX))
							total = k;
						break;
					}
				}
			}
		}
		if (total == AUD_NONE)
			continue;
		n = collect_parts(doc, para, from, e, &doc->figs[total], paren, parts, MAX_ITEMS);
		if (n == 0 && !paren && kind != AUD_S_BAOKUO) {
			/* nothing after the marker in this paragraph: the list runs over lines */
			size_t i = from;
			while (i < para->len && (para->ptr[i] == ' ' || para->ptr[i] == ':'))
				i++;
			if (i == para->len)
				n = parts_below(doc, p, &doc->figs[total], parts, MAX_ITEMS);
		}
		if (n <= 0)
			continue;
		add_struct(doc, p, kind, total, parts, n, evidence);
	}
}

/* "A、B合计X万元": the amounts of the sentence before a 合计 that opens its clause. */
static void heji_at(struct aud_doc *doc, uint32_t p, uint32_t m, size_t mlen)
{
	struct aud_para *para = &doc->paras[p];
	struct aud_part parts[MAX_ITEMS];
	uint32_t s, e, k, total = AUD_NONE;
	size_t i = m + mlen;
	int n = 0;

	/* the total: the next figure, right after 合计[支出][为][：] */
	while (i < para->len) {
		size_t a;
		if ((a = cj_aud_at(para->ptr, para->len, i, "支出")) ||
		    (a = cj_aud_at(para->ptr, para->len, i, "为")) ||
		    (a = cj_aud_at(para->ptr, para->len, i, "：")) ||
		    (a = cj_aud_at(para->ptr, para->len, i, "金额")))
			i += a;
		else if (para->ptr[i] == ' ' || para->ptr[i] == ':')
			i++;
		else
			break;
	}
	k = cj_aud_fig_at(doc, para, (uint32_t)i);
	if (k < para->fig0 + para->nfig && doc->figs[k].off == i)
		total = k;
	if (total == AUD_NONE)
		return;
	{
		const struct aud_fig *t = &doc->figs[total];
		if (t->kind != AUD_AMOUNT || (t->flags & (AUD_F_APPROX | AUD_F_PAREN)) ||
		    t->clause != m)
			return;
	}
	sentence_of(para, m, &s, &e);
	for (k = cj_aud_fig_at(doc, para, s); k < total; k++) {
		const struct aud_fig *f = &doc->figs[k];
		if (f->flags & AUD_F_PAREN)
			continue;
		if (f->kind == AUD_PCT || f->kind == AUD_YEAR || f->kind == AUD_OTHER)
			continue;
		if (!plain_value(f) || !same_kind(f, &doc->figs[total]) || (f->flags & AUD_F_APPROX))
			return;
		if (n >= MAX_ITEMS)
			return;
		parts[n].fig = k;
		parts[n].share = AUD_NONE;
		n++;
	}
	if (n >= 2)
		add_struct(doc, p, AUD_S_HEJI, total, parts, n, AUD_E_PHRASE);
}

/* Sentences holding several shares that no structure took: a share list. */
static void share_lists(struct aud_doc *doc, uint32_t p)
{
	struct aud_para *para = &doc->paras[p];
	uint32_t k = para->fig0, end = para->fig0 + para->nfig;

	while (k < end) {
		uint32_t sent = doc->figs[k].sent, j, n = 0;
		struct aud_part parts[MAX_ITEMS];
		int ok = 1;

		for (j = k; j < end && doc->figs[j].sent == sent; j++) {
			const struct aud_fig *g = &doc->figs[j];
			uint32_t q;
			if (g->kind != AUD_PCT || g->role != AUD_R_SHARE || g->name_len ||
			    (g->flags & (AUD_F_PART | AUD_F_PAREN)))
				continue;
			/* its part: the nearest plain value before it in its segment */
			for (q = j; q-- > k;) {
				const struct aud_fig *a = &doc->figs[q];
				if (a->seg != g->seg) {
					q = AUD_NONE - 1;
					break;
				}
				if (a->flags & AUD_F_PAREN)
					continue;
				if (plain_value(a))
					break;
				if (a->kind == AUD_PCT) {
					q = AUD_NONE - 1;
					break;
				}
			}
			if (q == AUD_NONE - 1 || q == AUD_NONE || (doc->figs[q].flags & AUD_F_APPROX)) {
				ok = 0;
				continue;
			}
			if (n < MAX_ITEMS) {
				parts[n].fig = q;
				parts[n].share = j;
				n++;
			}
		}
		if (ok && n >= 2) {
			/* all parts of one kind */
			uint32_t i;
			for (i = 1; i < n; i++)
				if (!same_kind(&doc->figs[parts[i].fig], &doc->figs[parts[0].fig]))
					ok = 0;
		}
		if (ok && n >= 2) {
			size_t before = doc->nstruct;
			add_struct(doc, p, AUD_S_SHARES, AUD_NONE, parts, (int)n, 0);
			if (doc->nstruct > before) {
				/* the head: the sentence's first clause, "…决算中" */
				struct aud_struct *st = &doc->structs[before];
				uint32_t c = sent, q = c;
				size_t adv;
				while (q < para->len && q < doc->figs[parts[0].fig].off) {
					if (cj_aud_at(para->ptr, para->len, q, "，") ||
					    cj_aud_at(para->ptr, para->len, q, "：") ||
					    para->ptr[q] == ',' || para->ptr[q] == ':')
						break;
					cj_aud_cp(para->ptr, para->len, q, &adv);
					q += (uint32_t)adv;
				}
				if (q > c && q < doc->figs[parts[0].fig].off &&
				    cj_aud_ends(para->ptr, q, "中")) {
					uint32_t off;
					uint16_t len;
					size_t b0 = doc->subj.len;
					off = (uint32_t)b0;
					cj_aud_subject_norm(para->ptr + c, q - c, &doc->subj);
					len = (uint16_t)(doc->subj.len - b0);
					cj_buf_putc(&doc->subj, '\0');
					if (len) {
						st->head = off;
						st->head_len = len;
					}
				}
			}
		}
		k = j;
	}
}

/* -------------------------------------------------------------- reasons */

static const char *const decrease_words[] = {"减少", "下降", "降低", "节约", "节省", "压缩",
					     "缩减", "减支"};
static const char *const increase_words[] = {"增加", "增长", "上升", "提高", "新增", "增支"};

/* Length of item numbering at s[i] after a boundary: 1. 2、 （1） (1) ① */
static size_t item_number(const char *s, size_t len, size_t i)
{
	size_t j = i;

	if (cj_aud_at(s, len, i, "（") || s[i] == '(') {
		j += s[i] == '(' ? 1 : 3;
		if (j >= len || s[j] < '0' || s[j] > '9')
			return 0;
		while (j < len && s[j] >= '0' && s[j] <= '9')
			j++;
		if (cj_aud_at(s, len, j, "）"))
			return j + 3 - i;
		if (j < len && s[j] == ')')
			return j + 1 - i;
		return 0;
	}
	if (len - i >= 3 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x91 &&
	    (unsigned char)s[i + 2] >= 0xA0 && (unsigned char)s[i + 2] <= 0xB3)
		return 3;
	if (j >= len || s[j] < '0' || s[j] > '9')
		return 0;
	while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 2)
		j++;
	if (j < len && s[j] == '.' && !(j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9'))
		return j + 1 - i;
	/* "1.2020年": numbering before a year */
	if (j < len && s[j] == '.' && j + 5 < len && cj_aud_at(s, len, j + 5, "年") &&
	    (cj_aud_at(s, len, j + 1, "20") || cj_aud_at(s, len, j + 1, "19")))
		return j + 1 - i;
	if (cj_aud_at(s, len, j, "、"))
		return j + 3 - i;
	return 0;
}

static void reasons_at(struct aud_doc *doc, uint32_t p, uint32_t m, size_t mlen)
{
	struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	uint32_t change = AUD_NONE, k, end = (uint32_t)para->len;
	uint32_t bounds[MAX_ITEMS + 1], nb = 0, it, i, ms, me;
	size_t adv;
	int numbered = 0, primary = 0, depth = 0, ok = 1;
	struct aud_reasons *r;

	/* reasons for a budget deviation are not reasons for a change */
	sentence_of(para, m, &ms, &me);
	for (i = ms; i < m; i++)
		if (cj_aud_at(s, m, i, "预算数") || cj_aud_at(s, m, i, "预算的"))
			return;
	/* the change explained: the last change amount before, in this or the previous sentence */
	for (k = cj_aud_fig_at(doc, para, m); k-- > para->fig0;) {
		const struct aud_fig *f = &doc->figs[k];
		if (f->kind == AUD_AMOUNT && f->role == AUD_R_CHANGE && !(f->flags & AUD_F_PAREN)) {
			if (!(f->flags & AUD_F_APPROX))
				change = k;
			break;
		}
		if (f->kind == AUD_AMOUNT && !(f->flags & AUD_F_PAREN) && f->off < ms)
			break; /* another amount in between: the change is not the subject */
	}
	if (change == AUD_NONE)
		return;
	/* "主要原因是：" closing its paragraph: the reasons are the next one */
	{
		size_t q = m + mlen;
		while (q < para->len && (cj_aud_at(s, para->len, q, "：") || s[q] == ':' || s[q] == ' '))
			q += s[q] == ' ' || s[q] == ':' ? 1 : 3;
		if (q >= para->len) {
			uint32_t np = p + 1;
			while (np < doc->npara && !doc->paras[np].len)
				np++;
			if (np >= doc->npara || doc->paras[np].table || np > p + 2)
				return;
			para = &doc->paras[np];
			s = para->ptr;
			m = 0;
			mlen = 0;
			end = (uint32_t)para->len;
			sentence_of(para, 0, &ms, &me);
		}
	}
	/*
	 * The reasons are the rest of the marker's sentence; a numbered list
	 * runs on into the sentences that open with its next number ("…。2.…").
	 */
	{
		uint32_t ss, se, next = 2;
		end = me;
		while (end < para->len && end - m < 4096) {
			size_t q = end, n2;
			unsigned v = 0;
			if (cj_aud_at(s, para->len, q, "。"))
				q += 3;
			while (q < para->len && s[q] == ' ')
				q++;
			n2 = item_number(s, para->len, q);
			if (!n2)
				break;
			while (q < para->len && s[q] >= '0' && s[q] <= '9')
				v = v * 10 + (unsigned)(s[q++] - '0');
			if (v != next)
				break;
			sentence_of(para, (uint32_t)q, &ss, &se);
			if (se <= end)
				break;
			end = se;
			next++;
		}
	}
	(void)k;
	m += (uint32_t)mlen;
	while (m < end && (cj_aud_at(s, end, m, "：") || s[m] == ':' || s[m] == ' '))
		m += s[m] == ' ' || s[m] == ':' ? 1 : 3;
	/* items: numbered (1. 2. / （1）) at clause starts, else ；, else 、 */
	bounds[nb++] = m;
	for (i = m; i < end && nb < MAX_ITEMS;) {
		size_t n;
		int at_start = i == m || cj_aud_ends(s, i, "。") || cj_aud_ends(s, i, "；") ||
			       cj_aud_ends(s, i, "，") || s[i - 1] == ';' || s[i - 1] == ' ' ||
			       cj_aud_ends(s, i, "：");
		if (at_start && (n = item_number(s, end, i))) {
			numbered++;
			if (i > m)
				bounds[nb++] = i;
			i += (uint32_t)n;
			continue;
		}
		cj_aud_cp(s, end, i, &adv);
		i += (uint32_t)adv;
	}
	if (numbered < 2) {
		nb = 1;
		for (i = m; i < end;) {
			int c;
			if (cj_aud_at(s, end, i, "（") || s[i] == '(')
				depth++;
			else if ((cj_aud_at(s, end, i, "）") || s[i] == ')') && depth > 0)
				depth--;
			else if (depth == 0 && (c = sep_class(s, end, i)) == 3)
				primary = 3;
			cj_aud_cp(s, end, i, &adv);
			i += (uint32_t)adv;
		}
		if (!primary)
			primary = 1;
		depth = 0;
		for (i = m; i < end && nb < MAX_ITEMS;) {
			if (cj_aud_at(s, end, i, "（") || s[i] == '(')
				depth++;
			else if ((cj_aud_at(s, end, i, "）") || s[i] == ')') && depth > 0)
				depth--;
			else if (depth == 0 && sep_class(s, end, i) == primary) {
				i += (uint32_t)sep_len(s, i);
				bounds[nb++] = i;
				continue;
			}
			cj_aud_cp(s, end, i, &adv);
			i += (uint32_t)adv;
		}
	}
	if (nb >= MAX_ITEMS)
		return;
	bounds[nb] = end;
	r = cj_aud_push(doc, (void **)&doc->reasons, &doc->nreason, &doc->capreason, sizeof(*r));
	if (!r)
		return;
	r->change = change;
	r->item0 = (uint32_t)doc->nitem;
	for (it = 0; it < nb; it++) {
		uint32_t x = bounds[it], y = bounds[it + 1], found = AUD_NONE, cnt = 0;
		struct aud_item *item;
		int sign = 1;
		size_t q;

		if (y <= x)
			continue;
		for (k = cj_aud_fig_at(doc, para, x); k < para->fig0 + para->nfig; k++) {
			const struct aud_fig *f = &doc->figs[k];
			if (f->off >= y)
				break;
			if (f->flags & AUD_F_PAREN)
				continue;
			if (f->kind == AUD_AMOUNT) {
				cnt++;
				found = k;
				if (f->flags & AUD_F_APPROX)
					ok = 0;
			}
		}
		if (cnt != 1) {
			ok = 0;
			continue;
		}
		/* a reason counts towards the change unless its own verb goes the other way */
		{
			const char *const *opp = doc->figs[change].dir > 0 ? decrease_words : increase_words;
			size_t nopp = doc->figs[change].dir > 0
					      ? sizeof(decrease_words) / sizeof(decrease_words[0])
					      : sizeof(increase_words) / sizeof(increase_words[0]);
			for (q = 0; q < nopp; q++) {
				size_t z;
				for (z = x; z + 6 <= doc->figs[found].off; z++)
					if (cj_aud_at(s, doc->figs[found].off, z, opp[q]))
						sign = -1;
			}
		}
		item = cj_aud_push(doc, (void **)&doc->items, &doc->nitem, &doc->capitem, sizeof(*item));
		if (!item)
			return;
		item->fig = found;
		item->sign = (int8_t)sign;
	}
	r = &doc->reasons[doc->nreason - 1];
	r->nitems = (uint32_t)doc->nitem - r->item0;
	r->complete = (uint8_t)(ok && r->nitems >= 2);
}

/* --------------------------------------------------------------- driver */

void cj_aud_structures(struct aud_doc *doc, uint32_t p)
{
	struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, i = 0, n, adv, budget;

	if (!para->nfig || para->table)
		return;
	/* a bounded amount of work per byte, whatever the input */
	budget = 16 + len / 32;
	while (i < len && !doc->err && budget) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = cj_aud_at(s, len, i, "其中"))) {
			budget--;
			list_at(doc, p, (uint32_t)i, n, AUD_S_QIZHONG, 0);
		} else if ((n = cj_aud_at(s, len, i, "包括")) && !cj_aud_ends(s, i, "不")) {
			int main_only = cj_aud_ends(s, i, "主要") != 0;
			budget--;
			list_at(doc, p, (uint32_t)i, n, AUD_S_BAOKUO, main_only ? 0 : AUD_E_PHRASE);
		} else if ((n = cj_aud_at(s, len, i, "主要用于"))) {
			size_t k = n;
			budget--;
			if (cj_aud_at(s, len, i + k, "以下方面"))
				k += 12;
			list_at(doc, p, (uint32_t)i, k, AUD_S_YONGYU, 0);
			n = k;
		} else if ((n = cj_aud_at(s, len, i, "合计")) || (n = cj_aud_at(s, len, i, "共计")) ||
			   (n = cj_aud_at(s, len, i, "总计"))) {
			budget--;
			heji_at(doc, p, (uint32_t)i, n);
		} else if ((n = cj_aud_at(s, len, i, "原因是")) || (n = cj_aud_at(s, len, i, "原因为")) ||
			   (n = cj_aud_at(s, len, i, "原因：")) ||
			   (n = cj_aud_at(s, len, i, "原因主要是"))) {
			budget--;
			reasons_at(doc, p, (uint32_t)i, n);
		} else {
			cj_aud_cp(s, len, i, &adv);
			n = adv;
		}
		i += n;
	}
	share_lists(doc, p);
}
