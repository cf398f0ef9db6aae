/*
 * checks_share.c - shares of a total (AUD-SHARE), shares that are really
 * another ratio (AUD-MISLABELED-PCT), and the shares of one structure
 * adding up to 100% (AUD-SHARE-SUM).
 *
 * AUD-SHARE: "X…A万元，占P%" where A / T (T the structure's total, the
 * total named by 占T的, or the amount the list's head names) is outside
 * P's rounding interval.  Before reporting, the mislabel test tries the
 * other ratios the figures in scope allow (cj_aud_mislabel):
 *   - the completion rate A / B, B the budget of A's subject, written
 *     (预算数) or derived from a completion rate stated elsewhere for the
 *     same amount ("公务用车…2.07万元，完成预算34.5%" gives B = 6.00);
 *   - last year as the base: A / L or D / L, L = A − D from a change of
 *     the same subject;
 *   - the share of another total of the document.
 * When one of them equals P, P is mislabelled (the finding says which
 * ratio it is); otherwise P is simply wrong.
 *
 * AUD-SHARE-SUM: only for a structure believed complete for another reason
 * than its shares (its amounts add up to its total, a part named 其他, a
 * known complete set, or 包括/合计), every part with a share and none of
 * them mislabelled.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

/* ================================================================ links */

/* The nearest plain amount (or count) before fig k in its ；-segment. */
static uint32_t part_before(const struct aud_doc *doc, uint32_t k)
{
	const struct aud_fig *p = &doc->figs[k];
	const struct aud_para *para = &doc->paras[p->para];
	uint32_t j;

	for (j = k; j-- > para->fig0 && k - j <= 64;) {
		const struct aud_fig *a = &doc->figs[j];
		if (a->seg != p->seg)
			return AUD_NONE;
		if ((a->flags ^ p->flags) & AUD_F_PAREN)
			continue;
		if ((a->kind == AUD_AMOUNT && (a->role == AUD_R_AMOUNT || a->role == AUD_R_ACTUAL)) ||
		    a->kind == AUD_COUNT)
			return (a->flags & AUD_F_APPROX) ? AUD_NONE : j;
		if (a->kind == AUD_PCT)
			return AUD_NONE;
	}
	return AUD_NONE;
}

static struct cj_ival value_of(const struct aud_fig *f)
{
	return f->kind == AUD_AMOUNT ? cj_aud_ival_wan(f) : cj_aud_ival(f);
}

static int comparable(const struct aud_fig *a, const struct aud_fig *b)
{
	if (a->kind != b->kind)
		return 0;
	return a->kind != AUD_COUNT || a->measure == b->measure;
}

static int contains_zero(struct cj_ival x)
{
	return x.lo.n <= 0 && x.hi.n >= 0;
}

/* Text of an interval's midpoint at `scale` decimals, with a '%'. */
static void mid_pct(struct cj_ival x, int scale, char *buf, size_t cap)
{
	size_t n = cj_aud_ival_text(x, scale, buf, cap);

	if (n + 1 < cap) {
		buf[n] = '%';
		buf[n + 1] = '\0';
	}
}

/* =============================================================== mislabel */

enum { C_BUDGET, C_DERIVED, C_CHANGE, C_TOTAL };

/* A/B*100 overlaps P?  B may not contain zero. */
static int ratio_is(struct cj_ival a, struct cj_ival b, struct cj_ival p, struct cj_ival *r)
{
	if (contains_zero(b))
		return 0;
	if (cj_ival_ratio(a, b, 100, r) != CJ_OK)
		return 0;
	return cj_ival_overlaps(*r, p);
}

/* Subject of fig f, or "" */
static const char *subj(const struct aud_doc *doc, uint32_t f)
{
	return f == AUD_NONE ? "" : aud_subj(doc, &doc->figs[f]);
}

static int same_subject(const struct aud_doc *doc, uint32_t a, uint32_t b)
{
	const struct aud_fig *fa = &doc->figs[a], *fb = &doc->figs[b];

	if ((fa->flags | fb->flags) & AUD_F_GENERIC)
		return 0;
	return cj_aud_subject_compat(aud_subj(doc, fa), fa->subj_len, aud_subj(doc, fb),
				     fb->subj_len);
}

static struct aud_cand *add_cand(struct aud_doc *doc, int type, uint32_t fig)
{
	struct aud_cand *c =
		cj_aud_push(doc, (void **)&doc->cands, &doc->ncand, &doc->capcand, sizeof(*c));

	if (c) {
		c->type = (uint8_t)type;
		c->fig = fig;
		c->other = AUD_NONE;
	}
	return c;
}

/*
 * The figures a wrong percentage may have been computed from, once per
 * document: written budgets; budgets implied by a completion rate written
 * for an amount (2.07万元，完成预算34.5% gives 6.00); changes with their
 * base and last year; the totals of structures and the report's totals.
 */
static void build_cands(struct aud_doc *doc)
{
	size_t k;

	doc->cands_built = 1;
	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *f = &doc->figs[k];
		struct aud_cand *c;
		if (!cj_aud_definite(f) || (f->flags & AUD_F_TABLE))
			continue;
		if (f->kind == AUD_AMOUNT && f->role == AUD_R_BUDGET) {
			if ((c = add_cand(doc, C_BUDGET, (uint32_t)k)))
				c->v = value_of(f);
		} else if (f->kind == AUD_PCT && f->role == AUD_R_COMPLETION) {
			uint32_t act = cj_aud_completion_actual(doc, (uint32_t)k);
			struct cj_ival pv = cj_aud_ival(f), b;
			if (act == AUD_NONE || contains_zero(pv) ||
			    cj_ival_ratio(value_of(&doc->figs[act]), pv, 100, &b) != CJ_OK)
				continue;
			if ((c = add_cand(doc, C_DERIVED, act))) {
				c->other = (uint32_t)k;
				c->v = b;
				c->w = value_of(&doc->figs[act]);
			}
		} else if (f->kind == AUD_AMOUNT && f->role == AUD_R_CHANGE) {
			uint32_t base = cj_aud_change_base(doc, (uint32_t)k);
			struct cj_ival bv, dv;
			if (base == AUD_NONE)
				continue;
			bv = value_of(&doc->figs[base]);
			dv = value_of(f);
			if ((c = add_cand(doc, C_CHANGE, (uint32_t)k))) {
				c->other = base;
				c->v = bv;
				c->w = f->dir > 0 ? cj_ival_sub(bv, dv) : cj_ival_add(bv, dv);
				c->u = dv;
			}
		}
		if ((f->flags & AUD_F_TOTAL) ||
		    (f->kind == AUD_AMOUNT && (f->role == AUD_R_AMOUNT || f->role == AUD_R_ACTUAL) &&
		     !(f->flags & AUD_F_LASTYEAR) &&
		     cj_aud_subject_canonical(aud_subj(doc, f), f->subj_len))) {
			if ((c = add_cand(doc, C_TOTAL, (uint32_t)k)))
				c->v = value_of(f);
		}
	}
}

int cj_aud_mislabel(struct aud_doc *doc, uint32_t pct, uint32_t part, uint32_t total,
		    struct cj_buf *why)
{
	const struct aud_fig *p = &doc->figs[pct];
	struct cj_ival pv = cj_aud_ival(p), av, r, tv;
	char at[48], pt[48], bt[48], lt[48], dt[48], tt[48];
	size_t k;

	if (part == AUD_NONE || !cj_aud_may_scan(doc))
		return 0;
	if (!doc->cands_built)
		build_cands(doc);
	av = value_of(&doc->figs[part]);
	if (total != AUD_NONE)
		tv = value_of(&doc->figs[total]);
	cj_aud_num_text(&doc->figs[part], at, sizeof(at));
	cj_aud_fig_text(doc, p, 0, pt, sizeof(pt));
	/* 1. the completion rate of the part: a budget written, or implied elsewhere */
	if (p->role != AUD_R_COMPLETION && !(doc->figs[part].flags & AUD_F_GENERIC))
		for (k = 0; k < doc->ncand; k++) {
			const struct aud_cand *c = &doc->cands[k];
			if (c->type == C_BUDGET && doc->figs[c->fig].year == doc->figs[part].year &&
			    same_subject(doc, part, c->fig) && ratio_is(av, c->v, pv, &r)) {
				cj_aud_num_text(&doc->figs[c->fig], bt, sizeof(bt));
			} else if (c->type == C_DERIVED && c->other != pct && c->fig != part &&
				   same_subject(doc, part, c->fig) && cj_ival_overlaps(c->w, av) &&
				   ratio_is(av, c->v, pv, &r)) {
				cj_aud_ival_text(c->v, 2, bt, sizeof(bt));
			} else {
				continue;
			}
			cj_buf_printf(why, "此处“%s”等于预算完成率（%s/%s），", pt, at, bt);
			return 1;
		}
	/* 2. last year as the base: a change of the part's subject, or of the total's */
	for (k = 0; k < doc->ncand; k++) {
		const struct aud_cand *c = &doc->cands[k];
		if (c->type != C_CHANGE)
			continue;
		cj_aud_ival_text(c->w, 2, lt, sizeof(lt));
		cj_aud_num_text(&doc->figs[c->fig], dt, sizeof(dt));
		if (p->role != AUD_R_RATE && cj_ival_overlaps(c->v, av) &&
		    (c->other == part || same_subject(doc, part, c->other))) {
			if (ratio_is(av, c->w, pv, &r)) {
				cj_buf_printf(why, "此处“%s”等于本年数与上年数之比（%s/%s），", pt, at, lt);
				return 1;
			}
			if (ratio_is(c->u, c->w, pv, &r)) {
				cj_buf_printf(why, "此处“%s”等于较上年的增减率（%s/%s），", pt, dt, lt);
				return 1;
			}
		}
		if (p->role == AUD_R_SHARE && total != AUD_NONE && cj_ival_overlaps(c->v, tv) &&
		    (c->other == total || same_subject(doc, total, c->other)) &&
		    ratio_is(av, c->w, pv, &r)) {
			cj_buf_printf(why, "此处“%s”等于占上年%s（%s）的比重（%s/%s），", pt,
				      subj(doc, total), lt, at, lt);
			return 1;
		}
	}
	/* 3. the share of another total: a structure's, or one of the report's totals */
	if (p->role == AUD_R_SHARE)
		for (k = 0; k < doc->ncand; k++) {
			const struct aud_cand *c = &doc->cands[k];
			if (c->type != C_TOTAL || c->fig == total || c->fig == part ||
			    !comparable(&doc->figs[c->fig], &doc->figs[part]))
				continue;
			if ((total != AUD_NONE && cj_ival_overlaps(c->v, tv)) || cj_ival_overlaps(c->v, av))
				continue;
			if (ratio_is(av, c->v, pv, &r)) {
				cj_aud_num_text(&doc->figs[c->fig], tt, sizeof(tt));
				cj_buf_printf(why, "此处“%s”等于占%s（%s）的比重（%s/%s），", pt,
					      subj(doc, c->fig)[0] ? subj(doc, c->fig) : "另一合计", tt, at,
					      tt);
				return 1;
			}
		}
	return 0;
}

/* ================================================================ shares */

static void check_one(struct aud_doc *doc, uint32_t part, uint32_t share, uint32_t total,
		      const char *total_name)
{
	const struct aud_fig *a = &doc->figs[part], *p = &doc->figs[share], *t = &doc->figs[total];
	struct cj_ival av, tv, pv, r;
	char at[48], tt[48], pt[48], exp[48], why_s[512];
	struct cj_buf why;
	int scale = p->val.scale;

	if (!cj_aud_definite(a) || !cj_aud_definite(p) || !cj_aud_definite(t) ||
	    !comparable(a, t) || (p->flags & AUD_F_FLAGGED))
		return;
	av = value_of(a);
	tv = value_of(t);
	pv = cj_aud_ival(p);
	if (contains_zero(tv))
		return;
	if (cj_ival_ratio(av, tv, 100, &r) != CJ_OK)
		return;
	if (cj_ival_overlaps(r, pv)) {
		cj_aud_tie(doc, part);
		cj_aud_tie(doc, total);
		cj_aud_checked(doc, share);
		return;
	}
	cj_aud_num_text(a, at, sizeof(at));
	cj_aud_num_text(t, tt, sizeof(tt));
	cj_aud_fig_text(doc, p, 0, pt, sizeof(pt));
	cj_buf_init(&why, 1024);
	if (cj_aud_mislabel(doc, share, part, total, &why) && !cj_buf_err(&why)) {
		mid_pct(r, scale < 2 ? 2 : scale, exp, sizeof(exp));
		snprintf(why_s, sizeof(why_s), "%s", cj_buf_str(&why));
		doc->figs[share].flags |= AUD_F_MISLABEL;
		cj_aud_report(doc, "AUD-MISLABELED-PCT", share, pt, exp,
			      "%s不是%s占%s的比重；按金额，比重应为%s（%s/%s）", why_s, subj(doc, part),
			      total_name, exp, at, tt);
	} else {
		mid_pct(r, scale, exp, sizeof(exp));
		cj_aud_report(doc, "AUD-SHARE", share, pt, exp,
			      "%s占%s的比重应为%s（%s/%s），写的是%s", subj(doc, part), total_name,
			      exp, at, tt, pt);
	}
	if (cj_buf_err(&why) && !doc->err)
		doc->err = cj_buf_err(&why); /* the explanation was lost: do not guess */
	cj_aud_tie(doc, part);
	cj_aud_tie(doc, total);
	cj_buf_release(&why);
}

/* The total of a structure: written, or named by its head ("…决算中"). */
static uint32_t struct_total(struct aud_doc *doc, const struct aud_struct *st)
{
	uint32_t t;
	int year;

	if (st->total != AUD_NONE)
		return st->total;
	if (st->head == AUD_NONE || !st->nparts)
		return AUD_NONE;
	year = doc->figs[doc->parts[st->part0].fig].year;
	t = cj_aud_lookup(doc, doc->subj.ptr + st->head, st->head_len, year);
	if (t == AUD_NONE || !comparable(&doc->figs[t], &doc->figs[doc->parts[st->part0].fig]))
		return AUD_NONE;
	return t;
}

static const char *total_label(const struct aud_doc *doc, const struct aud_struct *st,
			       uint32_t t)
{
	const char *s = subj(doc, t);

	if ((!s[0] || (doc->figs[t].flags & AUD_F_GENERIC)) && st->head != AUD_NONE)
		return doc->subj.ptr + st->head;
	return s[0] ? s : "合计";
}

/* Sum of the parts' intervals; 1 when it overlaps the total. */
static int amounts_add_up(const struct aud_doc *doc, const struct aud_struct *st, uint32_t t)
{
	struct cj_ival sum;
	uint32_t i;

	if (t == AUD_NONE)
		return 0;
	sum = value_of(&doc->figs[doc->parts[st->part0].fig]);
	for (i = 1; i < st->nparts; i++)
		sum = cj_ival_add(sum, value_of(&doc->figs[doc->parts[st->part0 + i].fig]));
	return cj_ival_overlaps(sum, value_of(&doc->figs[t]));
}

static void share_sum(struct aud_doc *doc, const struct aud_struct *st, uint32_t t)
{
	struct cj_ival sum, hundred;
	struct cj_dec h = {100, 0};
	uint32_t i, first = AUD_NONE;
	int scale = 0;
	char st_s[48], ex_s[48];

	if (st->nparts < 2)
		return;
	if (!(st->evidence & (AUD_E_OTHER | AUD_E_CANON | AUD_E_PHRASE)) &&
	    !amounts_add_up(doc, st, t))
		return;
	for (i = 0; i < st->nparts; i++) {
		const struct aud_part *pp = &doc->parts[st->part0 + i];
		const struct aud_fig *s;
		if (pp->share == AUD_NONE)
			return;
		s = &doc->figs[pp->share];
		if (!cj_aud_definite(s))
			return;
		if (s->flags & AUD_F_MISLABEL) {
			/* a mislabelled percentage is not a share at all */
			return;
		}
		if (s->val.scale > scale)
			scale = s->val.scale;
		if (first == AUD_NONE)
			first = pp->share;
		sum = i ? cj_ival_add(sum, cj_aud_ival(s)) : cj_aud_ival(s);
	}
	hundred = cj_ival_exact(h);
	if (cj_ival_overlaps(sum, hundred)) {
		for (i = 0; i < st->nparts; i++)
			cj_aud_tie(doc, doc->parts[st->part0 + i].share);
		return;
	}
	/* the point sum of the shares as written */
	{
		struct cj_ival pt = cj_ival_exact(doc->figs[doc->parts[st->part0].share].val);
		for (i = 1; i < st->nparts; i++)
			pt = cj_ival_add(pt, cj_ival_exact(doc->figs[doc->parts[st->part0 + i].share].val));
		if (scale < 2)
			scale = 2;
		mid_pct(pt, scale, st_s, sizeof(st_s));
	}
	snprintf(ex_s, sizeof(ex_s), "100.00%%");
	cj_aud_report_near(doc, "AUD-SHARE-SUM", first, st_s, ex_s,
			   "%s各项占比之和为%s，应为100%%", t != AUD_NONE ? total_label(doc, st, t) : "同一结构",
			   st_s);
}

void cj_aud_check_shares(struct aud_doc *doc)
{
	size_t k;

	/* shares inside structures */
	for (k = 0; k < doc->nstruct && !doc->err; k++) {
		const struct aud_struct *st = &doc->structs[k];
		uint32_t t = struct_total(doc, st), i;
		if (t != AUD_NONE) {
			for (i = 0; i < st->nparts; i++) {
				const struct aud_part *pp = &doc->parts[st->part0 + i];
				if (pp->share != AUD_NONE)
					check_one(doc, pp->fig, pp->share, t, total_label(doc, st, t));
			}
		}
		share_sum(doc, st, t);
	}
	/* shares of a named total: "占政府采购支出总额的0%" */
	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *p = &doc->figs[k];
		const char *name;
		uint32_t part, t;
		if (p->kind != AUD_PCT || p->role != AUD_R_SHARE || !p->name_len ||
		    (p->flags & AUD_F_TABLE))
			continue;
		name = aud_subj(doc, p) + p->subj_len + 1;
		part = part_before(doc, (uint32_t)k);
		if (part == AUD_NONE)
			continue;
		t = cj_aud_lookup(doc, name, p->name_len, doc->figs[part].year);
		if (t == AUD_NONE || t == part)
			continue;
		check_one(doc, part, (uint32_t)k, t, name);
	}
}
