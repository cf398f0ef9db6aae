/*
 * score_api.c - the public face of 绩效 scoring (include/caijue.h, the
 * "score" block): cj_dataset_score turns perf/'s struct cj_proj_score of
 * every project into the display-ready struct cj_score_project that
 * `caijue score` (and the web page) lay out.
 *
 * It computes nothing itself: scores come from perf/score.c, amounts and
 * rates from calc/, and each is formatted here once, with base/money.h.
 * Every string is copied into the result, so a struct cj_scores outlives
 * the dataset it came from.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/money.h"
#include "base/utf8.h"
#include "calc/calc.h"
#include "model/accounts.h"
#include "perf/indicator.h"
#include "perf/score.h"
#include "core/dataset_int.h"


struct cj_scores {
	char *source;
	struct cj_score_project *v;
	size_t n;
	void **pool; /* every string and array of v, owned */
	size_t npool, cap;
	enum cj_err err; /* sticky */
};

/* ------------------------------------------------------------ strings */

/* Hand `mem` to the pool, which frees it; on failure mem is freed. */
static void *take(struct cj_scores *sc, void *mem)
{
	if (!mem)
		sc->err = CJ_ERR_NOMEM;
	if (sc->err) {
		cj_free(mem);
		return NULL;
	}
	if (sc->npool == sc->cap) {
		size_t ncap = sc->cap ? sc->cap * 2 : 64;
		void **nv = cj_realloc(sc->pool, ncap * sizeof(*nv));
		if (!nv) {
			sc->err = CJ_ERR_NOMEM;
			cj_free(mem);
			return NULL;
		}
		sc->pool = nv;
		sc->cap = ncap;
	}
	sc->pool[sc->npool++] = mem;
	return mem;
}

static const char *keep_n(struct cj_scores *sc, const char *s, size_t len)
{
	const char *c;

	if (sc->err)
		return "";
	c = take(sc, cj_strndup(s ? s : "", s ? len : 0));
	return c ? c : "";
}

/* A copy of s ("" for NULL), owned by sc. */
static const char *keep(struct cj_scores *sc, const char *s)
{
	return keep_n(sc, s, s ? strlen(s) : 0);
}

/* Hundredths of a point as "18.75". */
static const char *keep_pts(struct cj_scores *sc, int64_t c)
{
	char b[48];

	cj_money_format(c, 100, 2, 0, b, sizeof(b));
	return keep(sc, b);
}

static const char *keep_wan(struct cj_scores *sc, struct cj_amt a)
{
	char b[48];

	if (!a.known)
		return keep(sc, "");
	cj_wan(a.fen, b, sizeof(b));
	return keep(sc, b);
}

static const char *keep_target(struct cj_scores *sc, const struct cj_target *t, int show_dir)
{
	struct cj_target x = *t;
	char b[160];

	if (!show_dir && x.parsed)
		x.dir = CJ_DIR_QUAL;
	cj_target_format(&x, b, sizeof(b));
	return keep(sc, b);
}

/* ------------------------------------------------------------ projects */

static void fill_project(struct cj_scores *sc, struct cj_score_project *out,
			 const struct cj_project *p, const struct cj_proj_fig *pf,
			 const struct cj_proj_score *s)
{
	struct cj_score_indicator *iv = NULL;
	struct cj_score_deviation *dv = NULL;
	const char **wv = NULL;
	size_t k;
	char b[48];

	out->name = keep(sc, p->name.s);
	out->line = p->loc.line;
	out->budget = keep_wan(sc, pf->budget);
	out->exec = keep_wan(sc, pf->exec);
	if (s->rate_known) {
		cj_pct_format(s->exec_rate_bp, b, sizeof(b));
		out->exec_rate = keep(sc, b);
		out->exec_rate_bp = s->exec_rate_bp;
	} else {
		out->exec_rate = keep(sc, "");
	}
	out->exec_score = keep_pts(sc, s->exec_score_c);
	out->exec_score_c = s->exec_score_c;
	out->weight_total = keep_pts(sc, s->weight_total_c);
	out->total = keep_pts(sc, s->total_c);
	out->total_c = s->total_c;
	out->grade = keep(sc, s->grade);
	out->notes = keep(sc, s->notes);

	if (s->nind) {
		iv = take(sc, cj_calloc(s->nind, sizeof(*iv)));
		if (!iv)
			return;
	}
	for (k = 0; k < s->nind; k++) {
		const struct cj_ind_score *is = &s->ind[k];
		const struct cj_indicator *ind = &p->indicators.v[is->index];
		struct cj_score_indicator *x = &iv[k];

		x->level1 = keep(sc, ind->level1.s);
		x->level2 = keep(sc, ind->level2.s);
		x->name = keep(sc, ind->name.s);
		x->level = keep(sc, cj_level1_name(is->level));
		x->target = keep(sc, ind->expected.s);
		x->actual = keep(sc, ind->actual.s);
		x->target_read = keep_target(sc, &is->target, 1);
		x->actual_read = keep_target(sc, &is->actual, 0);
		x->weight = keep_pts(sc, is->weight_c);
		x->score = keep_pts(sc, is->score_c);
		x->weight_c = is->weight_c;
		x->score_c = is->score_c;
		x->met = is->met;
		x->qualitative = is->qualitative;
		x->outcome = keep(sc, is->qualitative ? cj_score_qual_name(is->outcome) : "");
		x->deviation = keep(sc, ind->deviation.s);
		x->explain = keep(sc, is->explain);
		x->line = ind->loc.line;
	}
	out->indicators = iv;
	out->nindicators = s->nind;

	if (s->ndev) {
		dv = take(sc, cj_calloc(s->ndev, sizeof(*dv)));
		if (!dv)
			return;
	}
	for (k = 0; k < s->ndev; k++) {
		const struct cj_deviation *d = &s->dev[k];
		struct cj_score_deviation *x = &dv[k];

		x->kind = keep(sc, d->kind == CJ_DEV_EXEC ? "exec" : "indicator");
		x->indicator = d->kind == CJ_DEV_EXEC ? 0 : d->index;
		x->subject = keep(sc, d->kind == CJ_DEV_EXEC ? "预算执行率"
				      : p->indicators.v[d->index].name.s);
		x->reason = keep(sc, d->reason);
		x->field = keep(sc, d->field);
		x->line = d->loc ? d->loc->line : 0;
	}
	out->deviations = dv;
	out->ndeviations = s->ndev;

	if (s->nwarn) {
		wv = take(sc, cj_calloc(s->nwarn, sizeof(*wv)));
		if (!wv)
			return;
	}
	for (k = 0; k < s->nwarn; k++)
		wv[k] = keep(sc, s->warn[k]);
	out->warnings = wv;
	out->nwarnings = s->nwarn;
}

enum cj_err cj_dataset_score(const struct cj_dataset *ds, struct cj_scores **out,
			     struct cj_diag *d)
{
	struct cj_scores *sc;
	const struct cj_projects *ps;
	size_t i, n;
	enum cj_err e = CJ_OK;

	if (!ds || !out)
		return cj_fail(d, CJ_ERR_USAGE, "cj_dataset_score: 参数为空");
	*out = NULL;
	ps = &ds->a->perf.projects;
	n = ps->n < ds->f->nproj ? ps->n : ds->f->nproj;
	sc = cj_calloc(1, sizeof(*sc));
	if (!sc)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	sc->source = cj_strdup(ds->a->source ? ds->a->source : "");
	if (!sc->source)
		goto nomem;
	if (n) {
		sc->v = cj_calloc(n, sizeof(*sc->v));
		if (!sc->v)
			goto nomem;
	}
	for (i = 0; i < n; i++) {
		struct cj_proj_score s;

		e = cj_score_project(&ps->v[i], &ds->f->proj[i], &s, d);
		if (e)
			goto fail;
		fill_project(sc, &sc->v[i], &ps->v[i], &ds->f->proj[i], &s);
		sc->n = i + 1;
		cj_proj_score_release(&s);
		if (sc->err)
			goto nomem;
	}
	*out = sc;
	return CJ_OK;
nomem:
	e = cj_fail(d, CJ_ERR_NOMEM, "绩效评分失败：内存不足");
fail:
	cj_scores_free(sc);
	return e;
}

size_t cj_scores_count(const struct cj_scores *sc)
{
	return sc ? sc->n : 0;
}

const struct cj_score_project *cj_scores_project(const struct cj_scores *sc, size_t i)
{
	return sc && i < sc->n ? &sc->v[i] : NULL;
}

const char *cj_scores_source(const struct cj_scores *sc)
{
	return sc && sc->source ? sc->source : "";
}

void cj_scores_free(struct cj_scores *sc)
{
	size_t i;

	if (!sc)
		return;
	for (i = 0; i < sc->npool; i++)
		cj_free(sc->pool[i]);
	cj_free(sc->pool);
	cj_free(sc->v);
	cj_free(sc->source);
	cj_free(sc);
}

size_t cj_display_width(const char *s)
{
	return s ? cj_utf8_width(s, strlen(s)) : 0;
}
