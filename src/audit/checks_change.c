/*
 * checks_change.c - changes against last year: the rate of a change
 * (AUD-CHANGE-RATE), a rate on a zero base (AUD-ZERO-BASE), and the
 * reasons for a change adding up to it (AUD-REASON-SUM).
 *
 * "A…增加/减少D万元，增长/下降R%": last year is L = A − D (A + D for a
 * decrease), and R must lie in the interval of D / L for all A, D in their
 * rounding intervals.  A is the amount the change is of: the nearest plain
 * amount before D in its paragraph whose subject is compatible with D's
 * (D's subject empty: in D's sentence).
 *
 * When R disagrees, another change written elsewhere with the same A and
 * the same R whose D agrees (the seed's 财政拨款收入 "514.27" against
 * 收入 "514.72", both 1104.25 and 87.31%) shows that D is the slip: the
 * finding is on D (stated D, expected the other D).  Otherwise R is
 * reported; when R equals another ratio (D / A: this year used as the
 * base; A / L: the ratio instead of the growth) the message says so, but
 * the rule stays AUD-CHANGE-RATE (AUD-MISLABELED-PCT is about shares).
 *
 * AUD-REASON-SUM: every reason has exactly one definite amount, there
 * are at least two, the change itself has no finding, and the signed sum
 * of the reasons (减少/节约 subtract) is outside the change's interval.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

#define MAX_LINKS 4096 /* rate links kept for the "other D" search */

static struct cj_ival value_of(const struct aud_fig *f)
{
	return f->kind == AUD_AMOUNT ? cj_aud_ival_wan(f) : cj_aud_ival(f);
}

static int contains_zero(struct cj_ival x)
{
	return x.lo.n <= 0 && x.hi.n >= 0;
}

static void pct_text(struct cj_ival x, int scale, char *buf, size_t cap)
{
	size_t n = cj_aud_ival_text(x, scale, buf, cap);

	if (n + 1 < cap) {
		buf[n] = '%';
		buf[n + 1] = '\0';
	}
}

uint32_t cj_aud_change_base(const struct aud_doc *doc, uint32_t d)
{
	const struct aud_fig *D = &doc->figs[d];
	const struct aud_para *para = &doc->paras[D->para];
	uint32_t j, seen = 0, nearest = AUD_NONE;

	/*
	 * The nearest plain amount of this year before D whose subject fits D's
	 * (收入 fits 收入总计); when D names no subject, the nearest one in D's
	 * sentence.
	 */
	for (j = d; j-- > para->fig0 && seen < 16;) {
		const struct aud_fig *a = &doc->figs[j];
		if (a->kind != AUD_AMOUNT)
			continue;
		seen++;
		if ((a->flags ^ D->flags) & AUD_F_PAREN)
			continue;
		if (a->role != AUD_R_AMOUNT && a->role != AUD_R_ACTUAL)
			continue;
		if (a->flags & (AUD_F_APPROX | AUD_F_LASTYEAR | AUD_F_TABLE) || a->year != D->year)
			continue;
		if (nearest == AUD_NONE && a->sent == D->sent)
			nearest = j;
		if (D->subj_len && a->subj_len &&
		    cj_aud_subject_compat(aud_subj(doc, D), D->subj_len, aud_subj(doc, a),
					  a->subj_len))
			return j;
	}
	if (!D->subj_len || (D->flags & AUD_F_GENERIC))
		return nearest;
	return AUD_NONE;
}

/* The change amount a rate R is of: the nearest change before it in its sentence. */
static uint32_t change_of(const struct aud_doc *doc, uint32_t r)
{
	const struct aud_fig *R = &doc->figs[r];
	const struct aud_para *para = &doc->paras[R->para];
	uint32_t j;

	for (j = r; j-- > para->fig0 && r - j <= 64;) {
		const struct aud_fig *d = &doc->figs[j];
		if (d->sent != R->sent)
			return AUD_NONE;
		if ((d->flags ^ R->flags) & AUD_F_PAREN)
			continue;
		if (d->kind == AUD_PCT)
			return AUD_NONE;
		if (d->kind == AUD_AMOUNT) {
			if (d->role != AUD_R_CHANGE || (d->flags & AUD_F_APPROX))
				return AUD_NONE;
			return j;
		}
	}
	return AUD_NONE;
}

struct link {
	uint32_t r, d, a;
	uint8_t ok;
};

/* Does D/(A∓D) overlap R? *rate receives the interval. */
static int rate_ok(const struct aud_doc *doc, uint32_t a, uint32_t d, uint32_t r,
		   struct cj_ival *rate, int *zero)
{
	const struct aud_fig *A = &doc->figs[a], *D = &doc->figs[d], *R = &doc->figs[r];
	struct cj_ival l, av = value_of(A), dv = value_of(D);

	*zero = 0;
	l = D->dir > 0 ? cj_ival_sub(av, dv) : cj_ival_add(av, dv);
	if (contains_zero(l)) {
		/* last year exactly zero as written */
		struct cj_ival pa = cj_ival_exact(A->val), pd = cj_ival_exact(D->val);
		if (A->unit_fen == D->unit_fen && cj_q_cmp(pa.lo, pd.lo) == 0 && D->dir > 0)
			*zero = 1;
		return -1;
	}
	if (cj_ival_ratio(dv, l, 100, rate) != CJ_OK)
		return -1;
	return cj_ival_overlaps(*rate, cj_aud_ival(R));
}

static void check_rate(struct aud_doc *doc, struct link *links, size_t nlinks, size_t i)
{
	struct link *lk = &links[i];
	const struct aud_fig *A = &doc->figs[lk->a], *D = &doc->figs[lk->d], *R = &doc->figs[lk->r];
	struct cj_ival rate, l, r2;
	char at[48], dt[48], rt[48], exp[48];
	struct cj_buf why;
	size_t k;
	int zero;
	const char *verb = D->dir > 0 ? "增加" : "减少";
	const char *rverb = R->dir > 0 ? "增长" : "下降";
	const char *sj = D->subj_len && !(D->flags & AUD_F_GENERIC) ? aud_subj(doc, D)
								     : aud_subj(doc, A);

	cj_aud_num_text(A, at, sizeof(at));
	cj_aud_num_text(D, dt, sizeof(dt));
	cj_aud_fig_text(doc, R, 0, rt, sizeof(rt));
	if (rate_ok(doc, lk->a, lk->d, lk->r, &rate, &zero) != 0) {
		if (zero)
			cj_aud_report(doc, "AUD-ZERO-BASE", lk->r, rt, "上年为零，不计算增长率",
				      "%s上年数为零（%s−%s），不应写增长率%s", sj, at, dt, rt);
		return;
	}
	/* another D written for the same A and R that agrees: D is the slip */
	for (k = 0; k < nlinks; k++) {
		const struct link *o = &links[k];
		const struct aud_fig *D2 = &doc->figs[o->d];
		char d2t[48];
		uint32_t line;
		if (k == i || !o->ok || D2->dir != D->dir)
			continue;
		if (!cj_ival_overlaps(value_of(&doc->figs[o->a]), value_of(A)) ||
		    !cj_ival_overlaps(cj_aud_ival(&doc->figs[o->r]), cj_aud_ival(R)) ||
		    cj_ival_overlaps(value_of(D2), value_of(D)))
			continue;
		if (rate_ok(doc, lk->a, o->d, lk->r, &r2, &zero) != 1)
			continue;
		cj_aud_num_text(D2, d2t, sizeof(d2t));
		line = cj_aud_line_of(doc, D2->para, D2->off) + 1;
		if (cj_aud_report(doc, "AUD-CHANGE-RATE", lk->d, dt, d2t,
				  "%s%s额与%s率不符：按%s万元、%s%s推算，%s额应为%s万元（第%u行亦写%s），写的是%s",
				  sj, verb, rverb, at, rverb, rt, verb, d2t, line, d2t, dt)) {
			cj_aud_tie(doc, lk->a);
			cj_aud_tie(doc, lk->r);
		}
		return;
	}
	/* this year as the base, or the ratio instead of the growth */
	l = D->dir > 0 ? cj_ival_sub(value_of(A), value_of(D)) : cj_ival_add(value_of(A), value_of(D));
	cj_buf_init(&why, 1024);
	if (!contains_zero(value_of(A)) &&
	    cj_ival_ratio(value_of(D), value_of(A), 100, &r2) == CJ_OK &&
	    cj_ival_overlaps(r2, cj_aud_ival(R))) {
		cj_buf_printf(&why, "此处“%s”等于%s额除以本年数（%s/%s），", rt, verb, dt, at);
	} else if (!contains_zero(l) && cj_ival_ratio(value_of(A), l, 100, &r2) == CJ_OK &&
		   cj_ival_overlaps(r2, cj_aud_ival(R))) {
		char lt[48];
		cj_aud_ival_text(l, 2, lt, sizeof(lt));
		cj_buf_printf(&why, "此处“%s”等于本年数与上年数之比（%s/%s），", rt, at, lt);
	}
	if (cj_buf_err(&why) && !doc->err)
		doc->err = cj_buf_err(&why);
	/* a wrong rate is AUD-CHANGE-RATE even when it equals another ratio
	 * (docs/audit-corpus.md 6.4); the message says which one */
	pct_text(rate, R->val.scale, exp, sizeof(exp));
	cj_aud_report(doc, "AUD-CHANGE-RATE", lk->r, rt, exp,
		      "%s%s%s率应为%s（%s/(%s%s%s)），写的是%s",
		      why.len && !cj_buf_err(&why) ? cj_buf_str(&why) : "", sj, rverb, exp, dt, at,
		      D->dir > 0 ? "−" : "＋", dt, rt);
	cj_buf_release(&why);
	cj_aud_tie(doc, lk->a);
	cj_aud_tie(doc, lk->d);
}

void cj_aud_check_changes(struct aud_doc *doc)
{
	struct link *links = NULL;
	size_t n = 0, cap = 0, k;

	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *r = &doc->figs[k];
		uint32_t d, a;
		struct link *lk;
		struct cj_ival rate;
		int zero, ok;
		if (r->kind != AUD_PCT || r->role != AUD_R_RATE || !cj_aud_definite(r) ||
		    (r->flags & AUD_F_TABLE))
			continue;
		d = change_of(doc, (uint32_t)k);
		if (d == AUD_NONE || doc->figs[d].dir != r->dir)
			continue;
		if (r->subj_len && !(r->flags & AUD_F_GENERIC) &&
		    !cj_aud_subject_compat(aud_subj(doc, r), r->subj_len,
					   aud_subj(doc, &doc->figs[d]), doc->figs[d].subj_len))
			continue;
		a = cj_aud_change_base(doc, d);
		if (a == AUD_NONE)
			continue;
		if (n >= MAX_LINKS)
			break;
		lk = cj_aud_push(doc, (void **)&links, &n, &cap, sizeof(*lk));
		if (!lk)
			break;
		lk->r = (uint32_t)k;
		lk->d = d;
		lk->a = a;
		ok = rate_ok(doc, a, d, (uint32_t)k, &rate, &zero);
		lk->ok = (uint8_t)(ok == 1);
		if (ok == 1) {
			cj_aud_tie(doc, a);
			cj_aud_tie(doc, d);
			cj_aud_checked(doc, (uint32_t)k);
		}
	}
	for (k = 0; k < n && !doc->err; k++)
		if (!links[k].ok)
			check_rate(doc, links, n, k);
	cj_free(links);
	/* a rate after a last-year value written as 0: "上年为0万元，增长100%" */
	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *r = &doc->figs[k];
		const struct aud_para *para;
		uint32_t j;
		char rt[48];
		if (r->kind != AUD_PCT || r->role != AUD_R_RATE || !cj_aud_definite(r) ||
		    (r->flags & (AUD_F_TABLE | AUD_F_FLAGGED)))
			continue;
		para = &doc->paras[r->para];
		for (j = (uint32_t)k; j-- > para->fig0 && k - j <= 64;) {
			const struct aud_fig *l = &doc->figs[j];
			if (l->sent != r->sent || l->kind == AUD_PCT)
				break;
			if (l->kind == AUD_AMOUNT && (l->flags & AUD_F_LASTYEAR) && l->val.v == 0 &&
			    !(l->flags & AUD_F_APPROX)) {
				cj_aud_fig_text(doc, r, 0, rt, sizeof(rt));
				cj_aud_report(doc, "AUD-ZERO-BASE", (uint32_t)k, rt,
					      "上年为零，不计算增长率",
					      "上年数为零，不应写增长率%s", rt);
				break;
			}
		}
	}
}

/* ============================================================== reasons */

/* An amount's exact value as written, in 万元. */
static struct cj_ival point_wan(const struct aud_fig *f)
{
	struct cj_ival x = cj_ival_exact(f->val), out;
	struct cj_dec wan = {CJ_FEN_PER_WAN, 0};

	if (f->kind != AUD_AMOUNT || f->unit_fen == CJ_FEN_PER_WAN)
		return x;
	if (cj_ival_ratio(x, cj_ival_exact(wan), f->unit_fen, &out) != CJ_OK)
		return x;
	return out;
}

void cj_aud_check_reasons(struct aud_doc *doc)
{
	struct cj_dec z = {0, 0};
	size_t k;

	for (k = 0; k < doc->nreason && !doc->err; k++) {
		const struct aud_reasons *r = &doc->reasons[k];
		const struct aud_fig *D = &doc->figs[r->change];
		struct cj_ival sum = cj_ival_exact(z), pt = cj_ival_exact(z);
		char st[48], dt[48];
		int scale = 0;
		uint32_t i;

		if (!r->complete || !cj_aud_definite(D))
			continue;
		for (i = 0; i < r->nitems; i++) {
			const struct aud_item *it = &doc->items[r->item0 + i];
			const struct aud_fig *f = &doc->figs[it->fig];
			if (it->sign < 0) {
				sum = cj_ival_sub(sum, value_of(f));
				pt = cj_ival_sub(pt, point_wan(f));
			} else {
				sum = cj_ival_add(sum, value_of(f));
				pt = cj_ival_add(pt, point_wan(f));
			}
			if (f->val.scale > scale)
				scale = f->val.scale;
		}
		if (cj_ival_overlaps(sum, value_of(D))) {
			for (i = 0; i < r->nitems; i++)
				cj_aud_tie(doc, doc->items[r->item0 + i].fig);
			cj_aud_checked(doc, r->change);
			continue;
		}
		if (D->unit_fen != CJ_FEN_PER_WAN) {
			/* the message in the change's own unit */
			struct cj_dec u = {D->unit_fen, 0};
			struct cj_ival x;
			if (cj_ival_ratio(pt, cj_ival_exact(u), CJ_FEN_PER_WAN, &x) == CJ_OK)
				pt = x;
		}
		cj_aud_ival_text(pt, scale < D->val.scale ? D->val.scale : scale, st, sizeof(st));
		cj_aud_num_text(D, dt, sizeof(dt));
		cj_aud_report_near(doc, "AUD-REASON-SUM", r->change, st, dt,
				   "所列%u项变动原因的金额合计%s，与%s额%s不符", (unsigned)r->nitems, st,
				   D->dir > 0 ? "增加" : "减少", dt);
		for (i = 0; i < r->nitems; i++)
			cj_aud_tie(doc, doc->items[r->item0 + i].fig);
	}
}
