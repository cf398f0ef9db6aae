/*
 * checks_sum.c - a total against the sum of its parts (AUD-SUM, and
 * AUD-SUM-ROUNDING at info level).
 *
 * The sum of the parts' rounding intervals is compared with the total's
 * interval: when they share no point, the parts cannot add up to the total
 * however the figures were rounded (AUD-SUM); when they do but the sums of
 * the figures as written differ (797.09 against 797.10), the difference
 * is the rounding of the figures (AUD-SUM-ROUNDING, info).
 *
 * A list of "其中" may name only some of the parts, so a sum below the
 * total is an error only when the list is believed complete for a reason
 * other than its amounts: its shares add up to 100%, a part named 其他…, a
 * known complete set (基本支出/项目支出/…), the wording (包括, 合计), or a
 * table's 合计 row.  Otherwise the list stays untied.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

static struct cj_ival value_of(const struct aud_fig *f)
{
	return f->kind == AUD_AMOUNT ? cj_aud_ival_wan(f) : cj_aud_ival(f);
}

/* A figure's exact value as written, in 万元 for amounts. */
static struct cj_ival point_of(const struct aud_fig *f)
{
	struct cj_ival x = cj_ival_exact(f->val), out;
	struct cj_dec wan = {CJ_FEN_PER_WAN, 0};

	if (f->kind != AUD_AMOUNT || f->unit_fen == CJ_FEN_PER_WAN)
		return x;
	if (cj_ival_ratio(x, cj_ival_exact(wan), f->unit_fen, &out) != CJ_OK)
		return x;
	return out;
}

/* Every part has a share and the shares add up to 100%. */
static int shares_complete(const struct aud_doc *doc, const struct aud_struct *st)
{
	struct cj_ival sum;
	struct cj_dec h = {100, 0};
	uint32_t i;

	if (st->nparts < 2)
		return 0;
	for (i = 0; i < st->nparts; i++) {
		uint32_t s = doc->parts[st->part0 + i].share;
		if (s == AUD_NONE || !cj_aud_definite(&doc->figs[s]))
			return 0;
		sum = i ? cj_ival_add(sum, cj_aud_ival(&doc->figs[s])) : cj_aud_ival(&doc->figs[s]);
	}
	return cj_ival_overlaps(sum, cj_ival_exact(h));
}

/*
 * A figure's exact value in fen (amounts) or units (counts), as written;
 * 0 when it does not fit.  The fast path of a sum that adds up exactly:
 * equal values leave nothing for the intervals to decide.
 */
static int exact_units(const struct aud_fig *f, int64_t *out)
{
	static const int64_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

	if (f->kind == AUD_COUNT) {
		*out = f->val.v;
		return 1;
	}
	if (f->kind != AUD_AMOUNT || f->val.scale < 0 || f->val.scale > 6 ||
	    f->unit_fen % pow10[f->val.scale])
		return 0;
	return cj_mul(f->val.v, f->unit_fen / pow10[f->val.scale], out) == CJ_OK;
}

static int adds_up_exactly(const struct aud_doc *doc, const struct aud_struct *st,
			   const struct aud_fig *T)
{
	int64_t total, sum = 0, v;
	uint32_t i;

	if (!exact_units(T, &total))
		return 0;
	for (i = 0; i < st->nparts; i++) {
		const struct aud_fig *f = &doc->figs[doc->parts[st->part0 + i].fig];
		if (!cj_aud_definite(f) || f->kind != T->kind ||
		    (f->kind == AUD_COUNT && f->measure != T->measure) || !exact_units(f, &v) ||
		    cj_add(sum, v, &sum) != CJ_OK)
			return 0;
	}
	return sum == total;
}

static uint32_t total_of(struct aud_doc *doc, const struct aud_struct *st)
{
	uint32_t t;

	if (st->total != AUD_NONE)
		return st->total;
	if (st->head == AUD_NONE || !st->nparts)
		return AUD_NONE;
	t = cj_aud_lookup(doc, doc->subj.ptr + st->head, st->head_len,
			  doc->figs[doc->parts[st->part0].fig].year);
	return t;
}

void cj_aud_check_sums(struct aud_doc *doc)
{
	size_t k;

	for (k = 0; k < doc->nstruct && !doc->err; k++) {
		const struct aud_struct *st = &doc->structs[k];
		uint32_t t = total_of(doc, st), i;
		const struct aud_fig *T;
		struct cj_ival sum, pt;
		int scale = 0, evidence;
		char ts[48], ss[48];
		const char *name;

		if (t == AUD_NONE || !st->nparts)
			continue;
		T = &doc->figs[t];
		if (!cj_aud_definite(T))
			continue;
		if (adds_up_exactly(doc, st, T)) {
			for (i = 0; i < st->nparts; i++)
				cj_aud_tie(doc, doc->parts[st->part0 + i].fig);
			cj_aud_checked(doc, t);
			continue;
		}
		for (i = 0; i < st->nparts; i++) {
			const struct aud_fig *f = &doc->figs[doc->parts[st->part0 + i].fig];
			if (!cj_aud_definite(f) || f->kind != T->kind ||
			    (f->kind == AUD_COUNT && f->measure != T->measure))
				break;
			sum = i ? cj_ival_add(sum, value_of(f)) : value_of(f);
			pt = i ? cj_ival_add(pt, point_of(f)) : point_of(f);
			if (f->val.scale > scale)
				scale = f->val.scale;
		}
		if (i < st->nparts)
			continue;
		evidence = st->evidence & (AUD_E_OTHER | AUD_E_CANON | AUD_E_PHRASE | AUD_E_TABLE);
		if (shares_complete(doc, st))
			evidence |= AUD_E_SHARES;
		if (T->val.scale > scale)
			scale = T->val.scale;
		if (T->kind == AUD_AMOUNT && T->unit_fen != CJ_FEN_PER_WAN) {
			/* messages and the rounding test in the total's own unit */
			struct cj_dec u = {T->unit_fen, 0};
			struct cj_ival x;
			if (cj_ival_ratio(pt, cj_ival_exact(u), CJ_FEN_PER_WAN, &x) == CJ_OK)
				pt = x;
		}
		cj_aud_num_text(T, ts, sizeof(ts));
		cj_aud_ival_text(pt, scale, ss, sizeof(ss));
		if (T->kind == AUD_COUNT) {
			size_t n = strlen(ss);
			snprintf(ss + n, sizeof(ss) - n, "%s", cj_aud_measure_name(T->measure));
			n = strlen(ts);
			snprintf(ts + n, sizeof(ts) - n, "%s", cj_aud_measure_name(T->measure));
		}
		name = T->subj_len && !(T->flags & AUD_F_GENERIC) ? aud_subj(doc, T) : "合计";
		if (cj_ival_overlaps(sum, value_of(T))) {
			for (i = 0; i < st->nparts; i++)
				cj_aud_tie(doc, doc->parts[st->part0 + i].fig);
			cj_aud_checked(doc, t);
			/* the sum as written, at the total's precision: 797.09 against 797.10
			 * is rounding, against 797.1 it is not even that */
			if (cj_ival_round(pt, T->val.scale).v != T->val.v)
				cj_aud_report_near(doc, "AUD-SUM-ROUNDING", t, ts, ss,
						   "%s各部分之和为%s，所写合计为%s，差额在各数取整的误差范围内",
						   name, ss, ts);
			continue;
		}
		if (!evidence)
			continue;
		for (i = 0; i < st->nparts; i++)
			cj_aud_tie(doc, doc->parts[st->part0 + i].fig);
		cj_aud_report(doc, "AUD-SUM", t, ts, ss,
			      "%s各部分之和为%s，与所写合计%s不符（超出取整误差范围）", name, ss, ts);
	}
}
