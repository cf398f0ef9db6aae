/*
 * checks_same.c - the same quantity written twice with two values
 * (AUD-SAME-QTY): "财政拨款收入增加514.72万元" and "…增加514.27万元";
 * "开展保密法宣传2次" and "开展保密法宣传3次".
 *
 * Two figures are the same quantity when their normalised subject, role
 * (and direction), year and unit class agree.  To stay precise only
 * these take part:
 *   - changes (增加/减少 an amount) with a specific subject;
 *   - plain amounts whose subject is one of the document-level totals
 *     every 决算 report names the same way (收入总计, 本年支出合计,
 *     财政拨款收入, 基本支出, 三公经费, 机关运行经费 ...);
 *   - counts with a specific subject (at least two Han characters before
 *     the number once verbs like 开展/组织 are dropped);
 * never figures in table rows (targets and actuals share a subject there),
 * parts of a structure (轿车 of two different fleets), approximate
 * figures, or figures that already have a finding.
 *
 * Values agree when their rounding intervals overlap (797.1 and 797.10).
 * The most frequent value is taken as right (on a tie, the first); every
 * other occurrence gets a finding pointing at the value written before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "audit.h"

/* Han characters in s[0..len) before the first '|'. */
static size_t han_before_bar(const char *s, size_t len)
{
	size_t i = 0, n = 0, adv;

	while (i < len && s[i] != '|') {
		if (cj_aud_is_han(cj_aud_cp(s, len, i, &adv)))
			n++;
		i += adv;
	}
	return n;
}

static int candidate(const struct aud_doc *doc, const struct aud_fig *f)
{
	const char *s = aud_subj(doc, f);

	if (!cj_aud_definite(f) || !f->subj_len ||
	    (f->flags & (AUD_F_PART | AUD_F_GENERIC | AUD_F_FLAGGED | AUD_F_PAREN)))
		return 0;
	/* a project's budget or spending, in its text or its tables (context.c) */
	if (f->kind == AUD_AMOUNT && f->subj_len > 7 && memcmp(s, "项目:", 7) == 0)
		return 1;
	/* counts: table cells too (targets are marked approximate) */
	if (f->kind == AUD_COUNT && f->role == AUD_R_COUNT)
		return han_before_bar(s, f->subj_len) >= 2;
	if (f->flags & AUD_F_TABLE)
		return 0; /* table columns are years, budgets and actuals side by side */
	if (f->kind == AUD_AMOUNT && f->role == AUD_R_CHANGE)
		return 1;
	if (f->kind == AUD_AMOUNT && (f->role == AUD_R_AMOUNT || f->role == AUD_R_ACTUAL))
		return cj_aud_subject_canonical(s, f->subj_len);
	return 0;
}

struct keyed {
	uint32_t key, idx;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int same_group(const struct aud_doc *doc, uint32_t a, uint32_t b)
{
	const struct aud_fig *x = &doc->figs[a], *y = &doc->figs[b];
	int cx = x->role == AUD_R_ACTUAL ? AUD_R_AMOUNT : x->role;
	int cy = y->role == AUD_R_ACTUAL ? AUD_R_AMOUNT : y->role;

	/* a project's subject says budget or spending itself */
	if (x->kind == AUD_AMOUNT && x->subj_len > 7 && memcmp(aud_subj(doc, x), "项目:", 7) == 0)
		cx = cy = 0;

	return x->hash == y->hash && x->subj_len == y->subj_len && cx == cy && x->dir == y->dir &&
	       x->year == y->year && x->kind == y->kind && x->measure == y->measure &&
	       memcmp(aud_subj(doc, x), aud_subj(doc, y), x->subj_len) == 0;
}

static int same_value(const struct aud_doc *doc, uint32_t a, uint32_t b)
{
	const struct aud_fig *x = &doc->figs[a], *y = &doc->figs[b];

	if (x->kind == AUD_COUNT)
		return x->val.v == y->val.v;
	return cj_ival_overlaps(cj_aud_ival_wan(x), cj_aud_ival_wan(y));
}

#define MAX_CLUSTERS 16

static void check_group(struct aud_doc *doc, const uint32_t *v, size_t n)
{
	uint32_t rep[MAX_CLUSTERS], cnt[MAX_CLUSTERS];
	uint8_t *cl;
	size_t i, nc = 0, best = 0, c;

	cl = cj_malloc(n);
	if (!cl) {
		doc->err = CJ_ERR_NOMEM;
		return;
	}
	for (i = 0; i < n; i++) {
		for (c = 0; c < nc; c++)
			if (same_value(doc, rep[c], v[i]))
				break;
		if (c == nc) {
			if (nc == MAX_CLUSTERS) {
				cj_free(cl);
				return; /* too many values: not one quantity */
			}
			rep[nc] = v[i];
			cnt[nc++] = 0;
		}
		cnt[c]++;
		cl[i] = (uint8_t)c;
	}
	for (i = 0; i < n; i++)
		cj_aud_checked(doc, v[i]);
	if (nc > 1) {
		for (c = 1; c < nc; c++)
			if (cnt[c] > cnt[best])
				best = c;
		for (i = 0; i < n; i++) {
			const struct aud_fig *f = &doc->figs[v[i]], *r = &doc->figs[rep[best]];
			char st[48], ex[48], sj[256];
			uint32_t line;
			if (cl[i] == best)
				continue;
			cj_aud_fig_text(doc, f, 0, st, sizeof(st));
			cj_aud_fig_text(doc, r, 0, ex, sizeof(ex));
			cj_aud_subject_text(doc, f, sj, sizeof(sj));
			line = cj_aud_line_of(doc, r->para, r->off) + 1;
			cj_aud_report(doc, "AUD-SAME-QTY", v[i], st, ex,
				      "“%s”%s在第%u行写的是%s，此处写%s", sj,
				      f->role == AUD_R_CHANGE ? (f->dir > 0 ? "的增加额" : "的减少额") : "",
				      line, ex, st);
		}
	}
	cj_free(cl);
}

void cj_aud_check_same(struct aud_doc *doc)
{
	struct keyed *v;
	uint32_t *grp;
	uint8_t *done;
	size_t n = 0, k, r, i, j, m;

	v = cj_malloc((doc->nfig ? doc->nfig : 1) * sizeof(*v));
	grp = cj_malloc((doc->nfig ? doc->nfig : 1) * sizeof(*grp));
	done = cj_calloc(doc->nfig ? doc->nfig : 1, 1);
	if (!v || !grp || !done) {
		doc->err = CJ_ERR_NOMEM;
		goto out;
	}
	for (k = 0; k < doc->nfig; k++)
		if (candidate(doc, &doc->figs[k])) {
			v[n].key = cj_aud_key(doc, &doc->figs[k]);
			v[n].idx = (uint32_t)k;
			n++;
		}
	qsort(v, n, sizeof(*v), cmp_keyed);
	/* runs of one key; inside a run, groups of really equal keys (hash collisions) */
	for (k = 0; k < n && !doc->err; k = r) {
		for (r = k + 1; r < n && v[r].key == v[k].key; r++)
			;
		if (r - k < 2)
			continue;
		for (i = k; i < r; i++) {
			if (done[i - k])
				continue;
			m = 0;
			for (j = i; j < r; j++)
				if (!done[j - k] && same_group(doc, v[i].idx, v[j].idx)) {
					done[j - k] = 1;
					grp[m++] = v[j].idx;
				}
			if (m >= 2)
				check_group(doc, grp, m);
		}
		memset(done, 0, r - k);
	}
out:
	cj_free(v);
	cj_free(grp);
	cj_free(done);
}
