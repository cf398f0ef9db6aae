/*
 * checks_completion.c - completion rates (AUD-COMPLETION):
 * "决算/执行数A…完成预算(的)P%" / "为预算的P%" / "执行率P%" with a budget
 * B written nearby, and A / B outside P's rounding interval.
 *
 * A is the nearest plain or actual amount before P in its sentence; B is
 * the nearest budget (预算数, 年初预算 ...) in the same sentence, else the
 * same project's budget (context.c).  Without a budget the rate is left
 * untied; deriving a budget from the rate itself proves nothing.  A wrong
 * rate that equals another ratio is still AUD-COMPLETION; the message
 * says which ratio it is.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

static struct cj_ival value_of(const struct aud_fig *f)
{
	return f->kind == AUD_AMOUNT ? cj_aud_ival_wan(f) : cj_aud_ival(f);
}

static int contains_zero(struct cj_ival x)
{
	return x.lo.n <= 0 && x.hi.n >= 0;
}

uint32_t cj_aud_completion_actual(const struct aud_doc *doc, uint32_t p)
{
	const struct aud_fig *P = &doc->figs[p];
	const struct aud_para *para = &doc->paras[P->para];
	uint32_t j;

	for (j = p; j-- > para->fig0 && p - j <= 64;) {
		const struct aud_fig *a = &doc->figs[j];
		if (a->sent != P->sent)
			return AUD_NONE;
		if ((a->flags ^ P->flags) & AUD_F_PAREN)
			continue;
		if (a->kind == AUD_PCT)
			return AUD_NONE;
		if (a->kind != AUD_AMOUNT)
			continue;
		if (a->role == AUD_R_BUDGET)
			continue;
		if (a->role != AUD_R_AMOUNT && a->role != AUD_R_ACTUAL)
			return AUD_NONE;
		return (a->flags & AUD_F_APPROX) ? AUD_NONE : j;
	}
	return AUD_NONE;
}

/* The budget for completion rate p with actual a. */
static uint32_t budget_for(struct aud_doc *doc, uint32_t p, uint32_t a)
{
	const struct aud_fig *P = &doc->figs[p], *A = &doc->figs[a];
	const struct aud_para *para = &doc->paras[P->para];
	uint32_t j;

	for (j = p; j-- > para->fig0 && p - j <= 64;) {
		const struct aud_fig *b = &doc->figs[j];
		if (b->sent != P->sent)
			break;
		if ((b->flags ^ P->flags) & AUD_F_PAREN)
			continue;
		if (b->kind == AUD_AMOUNT && b->role == AUD_R_BUDGET)
			return (b->flags & AUD_F_APPROX) ? AUD_NONE : j;
	}
	/* else the same project's budget (docs/audit.md): "项目:X|执行" -> "项目:X|预算" */
	if (A->subj_len > 9 && memcmp(aud_subj(doc, A), "项目:", 7) == 0 &&
	    cj_aud_ends(aud_subj(doc, A), A->subj_len, "|执行")) {
		char key[600];
		size_t n = A->subj_len - 7;
		if (n + 8 > sizeof(key))
			return AUD_NONE;
		memcpy(key, aud_subj(doc, A), n);
		memcpy(key + n, "|预算", 7);
		return cj_aud_lookup_role(doc, key, n + 7, A->year, AUD_R_BUDGET);
	}
	return AUD_NONE;
}

void cj_aud_check_completion(struct aud_doc *doc)
{
	size_t k;

	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *P = &doc->figs[k];
		uint32_t a, b;
		struct cj_ival av, bv, r;
		char at[48], bt[48], pt[48], exp[48], sj[256];
		struct cj_buf why;
		size_t n;

		if (P->kind != AUD_PCT || P->role != AUD_R_COMPLETION || !cj_aud_definite(P) ||
		    (P->flags & (AUD_F_TABLE | AUD_F_FLAGGED)))
			continue;
		a = cj_aud_completion_actual(doc, (uint32_t)k);
		if (a == AUD_NONE)
			continue;
		b = budget_for(doc, (uint32_t)k, a);
		if (b == AUD_NONE)
			continue;
		av = value_of(&doc->figs[a]);
		bv = value_of(&doc->figs[b]);
		if (contains_zero(bv) || cj_ival_ratio(av, bv, 100, &r) != CJ_OK)
			continue;
		if (cj_ival_overlaps(r, cj_aud_ival(P))) {
			cj_aud_tie(doc, a);
			cj_aud_tie(doc, b);
			cj_aud_checked(doc, (uint32_t)k);
			continue;
		}
		cj_aud_num_text(&doc->figs[a], at, sizeof(at));
		cj_aud_num_text(&doc->figs[b], bt, sizeof(bt));
		cj_aud_fig_text(doc, P, 0, pt, sizeof(pt));
		cj_buf_init(&why, 1024);
		/* a wrong completion rate is AUD-COMPLETION even when it equals another
		 * ratio (docs/audit-corpus.md 6.4); the message says which one */
		if (!cj_aud_mislabel(doc, (uint32_t)k, a, AUD_NONE, &why))
			cj_buf_reset(&why);
		n = cj_aud_ival_text(r, P->val.scale, exp, sizeof(exp) - 1);
		exp[n] = '%', exp[n + 1] = '\0';
		cj_aud_report(doc, "AUD-COMPLETION", (uint32_t)k, pt, exp,
			      "%s%s完成预算的比例应为%s（%s/%s），写的是%s",
			      cj_buf_err(&why) ? "" : cj_buf_str(&why),
			      cj_aud_subject_text(doc, &doc->figs[a], sj, sizeof(sj)), exp, at, bt, pt);
		if (cj_buf_err(&why) && !doc->err)
			doc->err = cj_buf_err(&why);
		cj_buf_release(&why);
		cj_aud_tie(doc, a);
		cj_aud_tie(doc, b);
	}
}
