/*
 * rules_perf.c - checks on performance indicators and self-evaluations
 * (绩效, DOMAIN.md 3): the levels of a project's indicators, its 二级指标,
 * the reasons its deviations need, figures its texts repeat, units and
 * form columns, and the points of its 自评表.  Each function applies the
 * rule of the same id in catalogue.c.
 *
 * The indicators are read and scored by perf/ (cj_score_project), once per
 * rule and project, exactly as `caijue score` and the report see them; a
 * rule here only reads that result.  A project without indicators (the
 * dataset does not carry its indicator table) is silent in every rule.
 *
 * Not here: the project's money (PROJ-EXEC-LE, PROJ-RATE ... in
 * rules_cross.c and rules_totals.c).
 */
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"
#include "../perf/indicator.h"
#include "../perf/score.h"
#include "rules_impl.h"

/* ------------------------------------------------------------ helpers */

static const char *pname(const struct cj_project *p)
{
	return p->name.s ? p->name.s : "";
}

static const char *iname(const struct cj_indicator *ind)
{
	return ind->name.s && ind->name.s[0] ? ind->name.s
					     : ind->expected.s ? ind->expected.s : "";
}

/*
 * Score project i into *s.  Returns 0 when the project has no indicators
 * or could not be scored (out of memory: the findings' sticky error is
 * set, so the check stops).
 */
static int score_any(struct cj_check_ctx *ctx, size_t i, struct cj_proj_score *s, int need_ind)
{
	const struct cj_project *p = &ctx->a->perf.projects.v[i];
	enum cj_err e;

	if (i >= ctx->f->nproj || (need_ind && !p->indicators.n))
		return 0;
	e = cj_score_project(p, &ctx->f->proj[i], s, NULL);
	if (e) {
		if (!ctx->out->err)
			ctx->out->err = e;
		return 0;
	}
	return 1;
}

static int score(struct cj_check_ctx *ctx, size_t i, struct cj_proj_score *s)
{
	return score_any(ctx, i, s, 1);
}

static const struct cj_loc *ind_loc(const struct cj_project *p, const struct cj_indicator *ind,
				    const struct cj_loc *field)
{
	return cj_rules_loc(field, &ind->loc, &p->loc);
}

/* "2.00" for hundredths of a point. */
static const char *pts(int64_t c, char *buf, size_t cap)
{
	cj_money_format(c, 100, 2, 0, buf, cap);
	return buf;
}

/* A value as written with its unit, no space: "3次", "0.67万元", "95%". */
static const char *qty(const struct cj_target *t, char *buf, size_t cap)
{
	char v[40];

	cj_dec_format(t->value, v, sizeof(v));
	snprintf(buf, cap, "%s%s", v, t->unit);
	return buf;
}

/* A target as the comparison reads it: "≥2次", "≤2万元", "3.4万元" (= T). */
static const char *target_short(const struct cj_target *t, char *buf, size_t cap)
{
	const char *d = t->dir == CJ_DIR_GE ? "≥" : t->dir == CJ_DIR_LE ? "≤" : "";
	size_t n = strlen(d);

	if (cap <= n + 1) {
		if (cap)
			buf[0] = '\0';
		return buf;
	}
	memcpy(buf, d, n);
	qty(t, buf + n, cap - n);
	return buf;
}

/* ------------------------------------------------------ PERF-LEVELS */

/*
 * PERF-LEVELS: a project's indicators include 产出 and 效益 ones, and every
 * 一级指标 can be classified (DOMAIN.md 3.2).  A warning: 3.3/3.4 score a
 * project without a level by moving its points to the others, so the
 * self-evaluation still adds up; what is missing is a target, not a sum.
 */
void cj_rules_perf_levels(struct cj_check_ctx *ctx)
{
	size_t i, k;

	for (i = 0; i < ctx->a->perf.projects.n && !ctx->out->err; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		struct cj_proj_score s;
		size_t nlev[CJ_L1_N] = {0};
		char have[96];

		if (!score(ctx, i, &s))
			continue;
		for (k = 0; k < s.nind; k++) {
			const struct cj_indicator *ind = &p->indicators.v[k];
			nlev[s.ind[k].level]++;
			if (s.ind[k].level == CJ_L1_UNKNOWN)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->level1.loc),
					       ind->level1.s ? ind->level1.s : "", "产出指标、效益指标或满意度指标",
					       "项目「%s」指标「%s」的一级指标无法识别，二级指标也不能确定其归属",
					       pname(p), iname(ind));
		}
		if (!nlev[CJ_L1_OUTPUT] || !nlev[CJ_L1_EFFECT]) {
			have[0] = '\0';
			for (k = CJ_L1_OUTPUT; k < CJ_L1_N; k++)
				if (nlev[k])
					snprintf(have + strlen(have), sizeof(have) - strlen(have), "%s%s",
						 have[0] ? "、" : "", cj_level1_name((enum cj_level1)k));
			cj_rule_report(ctx, cj_rules_loc(&p->indicators.v[0].loc, &p->loc, NULL),
				       have[0] ? have : "无", "产出指标、效益指标",
				       "项目「%s」未设%s%s%s", pname(p),
				       !nlev[CJ_L1_OUTPUT] ? "产出指标" : "",
				       !nlev[CJ_L1_OUTPUT] && !nlev[CJ_L1_EFFECT] ? "和" : "",
				       !nlev[CJ_L1_EFFECT] ? "效益指标" : "");
		}
		cj_proj_score_release(&s);
	}
}

/* ------------------------------------------------------ PERF-LEVEL2 */

/*
 * PERF-LEVEL2: a 二级指标 is one of the fixed ones of its 一级指标 (DOMAIN.md
 * 3.2): the seed's 高清视频会议系统 lists 数量指标 under 效益指标, and its
 * 公务车运行维护 writes 效益指标 itself as the 二级指标.  Silent when the
 * 二级指标 is absent, or when the 一级指标 was itself taken from it.
 */
void cj_rules_perf_level2(struct cj_check_ctx *ctx)
{
	size_t i, k;

	for (i = 0; i < ctx->a->perf.projects.n && !ctx->out->err; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		struct cj_proj_score s;

		if (!score(ctx, i, &s))
			continue;
		for (k = 0; k < s.nind; k++) {
			const struct cj_indicator *ind = &p->indicators.v[k];
			enum cj_level1 l1 = s.ind[k].level, l2;

			if (!ind->level2.s || !ind->level2.s[0] || s.ind[k].level_from_level2 ||
			    l1 == CJ_L1_UNKNOWN)
				continue;
			l2 = cj_indicator_level2_fixed(ind->level2.s);
			if (l2 == l1)
				continue;
			if (l2 == CJ_L1_UNKNOWN)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->level2.loc), ind->level2.s,
					       cj_level2_names(l1),
					       "项目「%s」指标「%s」的二级指标「%s」不是%s下规定的二级指标",
					       pname(p), iname(ind), ind->level2.s, cj_level1_name(l1));
			else
				cj_rule_report(ctx, ind_loc(p, ind, &ind->level2.loc), ind->level2.s,
					       cj_level2_names(l1),
					       "项目「%s」指标「%s」的二级指标「%s」属于%s，不应列在%s下",
					       pname(p), iname(ind), ind->level2.s, cj_level1_name(l2),
					       cj_level1_name(l1));
		}
		cj_proj_score_release(&s);
	}
}

/* --------------------------------------------- PERF-DEVIATION-REASON */

/*
 * PERF-DEVIATION-REASON: every deviation cj_score_project lists needs its
 * 偏差原因 (DOMAIN.md 3.5, 3.8).  An execution rate below 90% without a
 * reason is an error (3.5, S31).  An indicator not met without a reason is
 * an error when "not met" follows from what the unit stated (a target with
 * its direction, a 完成程度 it chose), and a warning when it rests on our
 * reading (a bare "3.4万元" read as =, an outcome derived from words): the
 * seed's "维修费、洗车、过路费3.4万元" against 0.67万元 may well be a cap.
 * The execution rate is checked even for a project without indicators.
 */
void cj_rules_perf_deviation_reason(struct cj_check_ctx *ctx)
{
	size_t i, k;

	for (i = 0; i < ctx->a->perf.projects.n && !ctx->out->err; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		struct cj_proj_score s;

		if (!score_any(ctx, i, &s, 0))
			continue;
		for (k = 0; k < s.ndev; k++) {
			const struct cj_deviation *dv = &s.dev[k];
			char st[64], ex[64];

			if (dv->reason)
				continue;
			if (dv->kind == CJ_DEV_EXEC) {
				cj_pct_format(s.exec_rate_bp, st, sizeof(st));
				cj_rule_report(ctx, cj_rules_loc(&p->exec_total.loc, &p->exec_fiscal.loc, &p->loc),
					       st, "≥90.00%",
					       "项目「%s」预算执行率低于90%%，未说明原因（report.low_rate_reason）",
					       pname(p));
			} else {
				const struct cj_ind_score *is = &s.ind[dv->index];
				const struct cj_indicator *ind = &p->indicators.v[dv->index];

				if (is->qualitative) {
					snprintf(st, sizeof(st), "%s", cj_score_qual_name(is->outcome));
					snprintf(ex, sizeof(ex), "达成");
				} else {
					qty(&is->actual, st, sizeof(st));
					target_short(&is->target, ex, sizeof(ex));
				}
				cj_rules_report_sev(ctx, dv->inferred ? CJ_SEV_WARNING : CJ_SEV_ERROR,
						    ind_loc(p, ind, &ind->deviation.loc), st, ex,
						    "项目「%s」指标「%s」未达到年度指标值%s，未说明偏差原因（deviation）",
						    pname(p), iname(ind),
						    dv->inferred ? "（按本工具的读法判断，请核实）" : "");
			}
		}
		cj_proj_score_release(&s);
	}
}

/* -------------------------------------------------- PERF-TEXT-TABLE */

#define MAX_QTY 16

/* The project texts that state what was achieved. */
struct said {
	const struct cj_text *t;
	const char *label;
};

/* Replace the excerpt of the finding just added (the helpers pass none). */
static void set_excerpt(struct cj_check_ctx *ctx, size_t before, const char *s, size_t len)
{
	struct cj_finding *f;
	char *x;

	if (ctx->out->err || ctx->out->n == before)
		return;
	f = &ctx->out->v[ctx->out->n - 1];
	x = cj_malloc(len + 1);
	if (!x) {
		ctx->out->err = CJ_ERR_NOMEM;
		return;
	}
	memcpy(x, s, len);
	x[len] = '\0';
	cj_free(f->excerpt);
	f->excerpt = x;
}

/*
 * A quantity in text `t` for the same subject as quantity `aq` of an
 * indicator's actual: the subjects share their last 3 code points (all of
 * a shorter subject, at least 2).
 */
static int same_subject(const char *actual, const struct cj_quantity *aq, const char *text,
			const struct cj_quantity *tq)
{
	size_t need = cj_utf8_nchars(actual + aq->subj_off, aq->subj_len);

	if (need < 2)
		return 0;
	if (need > 3)
		need = 3;
	return cj_indicator_common_tail(actual + aq->subj_off, aq->subj_len, text + tq->subj_off,
					tq->subj_len) >= need;
}

/*
 * PERF-TEXT-TABLE: a count or amount the project's texts state for the same
 * subject as an indicator's actual value agrees with it (DOMAIN.md 5.10):
 * the seed's evaluation text says 开展保密法宣传2次 where its table says
 * 开展保密法宣传3次.  Quantities that go with a direction word (以上, 不少于
 * ...) restate a target and are not compared.
 */
void cj_rules_perf_text_table(struct cj_check_ctx *ctx)
{
	size_t i, k, a, t, m;

	for (i = 0; i < ctx->a->perf.projects.n && !ctx->out->err; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		const struct said said[] = {
			{&p->goal_actual, "年度目标实际完成情况（goal_actual）"},
			{&p->achieved, "完成情况综述（achieved）"},
			{&p->report.completion, "评价报告的项目完成情况（report.completion）"},
			{&p->report.benefits, "评价报告的项目效益情况（report.benefits）"},
			{&p->report.conclusion, "评价报告的评价结论（report.conclusion）"},
		};

		for (k = 0; k < p->indicators.n && !ctx->out->err; k++) {
			const struct cj_indicator *ind = &p->indicators.v[k];
			const char *act = ind->actual.s;
			struct cj_quantity aq[MAX_QTY];
			size_t na = cj_indicator_quantities(act, aq, MAX_QTY);

			if (na > MAX_QTY)
				na = MAX_QTY;
			for (t = 0; t < sizeof(said) / sizeof(said[0]); t++) {
				const char *txt = said[t].t->s;
				struct cj_quantity tq[MAX_QTY];
				size_t nt = cj_indicator_quantities(txt, tq, MAX_QTY);

				if (nt > MAX_QTY)
					nt = MAX_QTY;
				for (m = 0; m < nt; m++) {
					if (tq[m].q.dir_stated)
						continue;
					for (a = 0; a < na; a++) {
						char st[64], ex[64];
						int cmp;
						size_t before = ctx->out->n;

						if (aq[a].q.dir_stated ||
						    !same_subject(act, &aq[a], txt, &tq[m]) ||
						    !cj_target_cmp(&tq[m].q, &aq[a].q, &cmp))
							continue;
						if (cmp == 0)
							break; /* agrees with this one: done */
						cj_rule_report(ctx,
							       cj_rules_loc(&said[t].t->loc, &ind->loc, &p->loc),
							       qty(&tq[m].q, st, sizeof(st)),
							       qty(&aq[a].q, ex, sizeof(ex)),
							       "项目「%s」的%s所写数字与绩效指标「%s」的实际完成值「%s」不一致",
							       pname(p), said[t].label, iname(ind), act);
						set_excerpt(ctx, before, txt + tq[m].off, tq[m].len);
						break;
					}
				}
			}
		}
	}
}

/* -------------------------------------------------------- PERF-UNIT */

/* The unit read from a text that the 度量单位 column contradicts. */
static const char *unit_in_conflict(const struct cj_indicator *ind, const struct cj_ind_score *is)
{
	struct cj_target col;
	int64_t f1, f2;

	memset(&col, 0, sizeof(col));
	col.parsed = 1;
	cj_indicator_norm_unit(ind->unit.s, col.unit, sizeof(col.unit));
	if (is->target.parsed && !cj_indicator_units_agree(&is->target, &col, &f1, &f2))
		return is->target.unit;
	return is->actual.unit;
}

/*
 * PERF-UNIT: the columns that describe an indicator agree with each other
 * (DOMAIN.md 3.4, 3.8): the unit of the target and of the actual (次 vs 个,
 * 万元 vs 次), the 度量单位 column against both, and the 指标性质 and
 * 完成程度 columns are readable and the 指标性质 agrees with the direction
 * the target text states.  Scoring falls back on the outcome (units) or
 * on the column (direction) and says so in --explain.
 */
void cj_rules_perf_unit(struct cj_check_ctx *ctx)
{
	size_t i, k;

	for (i = 0; i < ctx->a->perf.projects.n && !ctx->out->err; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		struct cj_proj_score s;

		if (!score(ctx, i, &s))
			continue;
		for (k = 0; k < s.nind; k++) {
			const struct cj_ind_score *is = &s.ind[k];
			const struct cj_indicator *ind = &p->indicators.v[k];
			char st[64], ex[64];

			if (is->unit_mismatch)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->actual.loc),
					       qty(&is->actual, st, sizeof(st)),
					       is->target.unit[0] ? is->target.unit : "无单位",
					       "项目「%s」指标「%s」的实际完成值与预期指标值计量单位不一致，无法按比例计分",
					       pname(p), iname(ind));
			if (is->unit_conflict)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->unit.loc), ind->unit.s,
					       unit_in_conflict(ind, is),
					       "项目「%s」指标「%s」的度量单位与指标值所写单位不一致",
					       pname(p), iname(ind));
			if (is->dir_invalid)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->direction.loc), ind->direction.s,
					       "≥、≤、= 或 定性", "项目「%s」指标「%s」的指标性质无法识别",
					       pname(p), iname(ind));
			if (is->dir_conflict) {
				struct cj_target t;
				cj_indicator_parse_target(ind->expected.s, &t);
				target_short(&t, ex, sizeof(ex));
				cj_rule_report(ctx, ind_loc(p, ind, &ind->direction.loc), ind->direction.s,
					       ex, "项目「%s」指标「%s」的指标性质与预期指标值所写方向不一致",
					       pname(p), iname(ind));
			}
			if (is->outcome_invalid)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->outcome.loc), ind->outcome.s,
					       "达成、部分达成 或 未达成",
					       "项目「%s」指标「%s」的完成程度无法识别", pname(p), iname(ind));
		}
		cj_proj_score_release(&s);
	}
}

/* ----------------------------------------------------- PERF-WEIGHTS */

/*
 * PERF-WEIGHTS: the points of a 自评表 are right (DOMAIN.md 3.3, 3.4): the
 * 预算执行率 line (10) and every indicator's 分值 make 100; a 分值 given in
 * the dataset lies in 0..100; a 得分 given in the dataset is one the rules
 * allow (a qualitative indicator's within the band of its 完成程度, a
 * quantitative one's equal to the formula within 0.01).
 */
void cj_rules_perf_weights(struct cj_check_ctx *ctx)
{
	size_t i, k;

	for (i = 0; i < ctx->a->perf.projects.n && !ctx->out->err; i++) {
		const struct cj_project *p = &ctx->a->perf.projects.v[i];
		struct cj_proj_score s;
		char st[32], ex[96];

		if (!score(ctx, i, &s))
			continue;
		for (k = 0; k < s.nind; k++) {
			const struct cj_indicator *ind = &p->indicators.v[k];
			const struct cj_ind_score *is = &s.ind[k];

			if (ind->weight.set && !is->weight_given)
				cj_rule_report(ctx, ind_loc(p, ind, &ind->weight.loc),
					       pts(ind->weight.bp, st, sizeof(st)), "0.00～100.00",
					       "项目「%s」指标「%s」的分值不在0到100分之间，未采用",
					       pname(p), iname(ind));
			if (is->score_conflict && is->qualitative) {
				static const char *const band[] = {"80%～100%", "60%～80%", "0～60%"};
				snprintf(ex, sizeof(ex), "分值 %s 的 %s", pts(is->weight_c, st, sizeof(st)),
					 band[is->outcome]);
				cj_rule_report(ctx, ind_loc(p, ind, &ind->score.loc),
					       pts(is->given_score_c, st, sizeof(st)), ex,
					       "项目「%s」指标「%s」填报得分不在完成程度「%s」的分数区间内",
					       pname(p), iname(ind), cj_score_qual_name(is->outcome));
			} else if (is->score_conflict) {
				cj_rule_report(ctx, ind_loc(p, ind, &ind->score.loc),
					       pts(is->given_score_c, st, sizeof(st)),
					       pts(is->score_c, ex, sizeof(ex)),
					       "项目「%s」指标「%s」填报得分与评分规则计算的得分不符",
					       pname(p), iname(ind));
			}
		}
		if (s.weight_total_c != CJ_SCORE_TOTAL_C)
			cj_rule_report(ctx, cj_rules_loc(&p->indicators.v[0].loc, &p->loc, NULL),
				       pts(s.weight_total_c, st, sizeof(st)), "100.00",
				       "项目「%s」的指标分值与预算执行率分值（10分）合计不是100分",
				       pname(p));
		cj_proj_score_release(&s);
	}
}
