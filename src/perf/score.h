/*
 * score.h - 项目支出绩效自评 scoring (DOMAIN.md 3.3-3.5, 3.7).
 *
 * A project scores out of 100: the 预算执行率 line (10 points) plus its
 * indicators (产出 50, 效益 30, 满意度 10 by default).  Every score is an
 * integer in hundredths of a point ("_c": 12.34 points = 1234); every
 * division rounds half up to 0.01 point.  No floating point.
 *
 * Rules, each traced to DOMAIN.md:
 *  - 3.5 execution line: min(10, 10 × rate), rate = calc's exec / budget
 *    in bp (cj_proj_fig.rate, not recomputed here): 34.50% -> 3.45.
 *  - 3.3 weights: a level's points are split equally among its indicators;
 *    when that does not divide into hundredths, the first (points mod n)
 *    indicators get 0.01 more so the level sums exactly.  A level without
 *    indicators gives its points to the levels that have some, in
 *    proportion to their default points: no 满意度 -> 产出 56.25, 效益
 *    33.75 (50:30); no 效益 and no 满意度 -> 产出 90 (DOMAIN.md 3.4, S32:
 *    indicators that do not apply are dropped and the rest rescaled).
 *    Weights given in the dataset (cj_indicator.weight) are used as they
 *    are; the rest of their level's points go to the level's other
 *    indicators.  Execution line + all weights must make 100, otherwise a
 *    warning (the scores are still computed with those weights).
 *  - 3.4 quantitative indicators: 正向 (≥ T): a ≥ T -> W, else W × a / T;
 *    反向 (≤ T) method 1 (default, S43): a ≤ T -> W, T < a < 2T ->
 *    W × (1 − (a − T) / T), a ≥ 2T -> 0; method 2 (S32, when the project
 *    says reverse_method: 2): a ≤ T -> W, else W × T / a; 等于 (= T):
 *    T > 0 as 正向, T = 0: a ≤ 0 -> W else 0.  A target without a
 *    direction word ("保险费0.4万元", "100%") is = T.  The "lose points for
 *    exceeding a target set too low" rule of 3.4 is not applied.
 *  - 3.4 qualitative indicators (and quantitative ones whose actual cannot
 *    be read or whose units disagree): the outcome is derived from the
 *    actual text - 达成 when it is present and contains none of the
 *    negative markers (未完成, 未达到, 未实现, 未达成, 没有, 不足, 滞后),
 *    部分达成 when it contains one (to be confirmed by a person), 未达成
 *    when it is absent - and scored at a fixed point of its band: 达成 100%,
 *    部分达成 70%, 未达成 40% of W.  A user-given score is checked against
 *    its band with cj_score_qual_in_band().
 *  - 3.8 form columns, when the dataset gives them: 指标性质 (direction)
 *    sets the direction of a quantitative target (and wins over the
 *    text's own word, which is then flagged dir_conflict); 定性 scores the
 *    indicator by outcome.  度量单位 (unit) gives a bare number its unit
 *    and is flagged unit_conflict against a different unit read from a
 *    text.  完成程度 (outcome) replaces the derived outcome of a
 *    qualitative indicator.  得分 (score) is used for a qualitative
 *    indicator when it lies in its outcome's band; outside the band, or
 *    for a quantitative indicator more than 0.01 away from the formula,
 *    it is flagged score_conflict and our score is kept.
 *  - 3.7 grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60.
 *  - 3.5 / 3.8 deviations: every indicator not met (target not reached, or
 *    an outcome other than 达成; this is the comparison, so 94.99% against
 *    ≥ 95% is not met even though W × 94.99 / 95 may round up to W) and an
 *    execution rate below 90% are listed with their 偏差原因 (borrowed;
 *    NULL when the dataset has none) so a check rule can report the
 *    missing ones.  A deviation is `inferred` when "not met" rests on a
 *    reading the unit did not state: a target without a direction word
 *    (read as =) and no 指标性质, or a qualitative outcome derived from
 *    the actual text rather than given.
 */
#ifndef CJ_PERF_SCORE_H
#define CJ_PERF_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../calc/calc.h"
#include "../model/accounts.h"
#include "indicator.h"

#define CJ_SCORE_TOTAL_C 10000 /* 100 points */
#define CJ_SCORE_EXEC_C 1000   /* the 预算执行率 line: 10 points */
#define CJ_SCORE_LOW_RATE_BP 9000 /* below 90% needs an explanation */

/* Outcome of a qualitative indicator (DOMAIN.md 3.4). */
enum cj_qual {
	CJ_QUAL_MET = 0, /* 达成年度指标: [80%, 100%] of W; we give 100% */
	CJ_QUAL_PARTIAL, /* 部分达成年度指标并具有一定效果: [60%, 80%); 70% */
	CJ_QUAL_UNMET    /* 未达成年度指标且效果较差: [0, 60%); 40% */
};

/* ------------------------------------------------------- single rules */

/* The execution line in hundredths: min(1000, round(rate_bp / 10)); 0 when
 * rate_bp <= 0.  9661 bp -> 966. */
int64_t cj_score_exec(int64_t rate_bp);

/*
 * Score a quantitative indicator of weight `weight_c` (0..100000).  t and a
 * must be parsed with agreeing units (cj_indicator_units_agree).
 * `reverse_method` is 1 or 2 (anything else means 1).  When `why` is not
 * NULL the rule applied is appended to it in Chinese, e.g.
 * "反向（方法1）：实际 1 万元 ≤ 目标 2 万元，得满分 18.75".
 * Returns 1 and sets *score_c and *met (may be NULL: 1 when the condition
 * for full marks holds - a score rounded up to W is not "met"); returns 0
 * (nothing set) when the indicator cannot be scored quantitatively.
 */
int cj_score_quant(const struct cj_target *t, const struct cj_target *a, int64_t weight_c,
		   int reverse_method, int64_t *score_c, int *met, struct cj_buf *why);

/*
 * Derive a qualitative outcome from an actual text (see the header
 * comment).  *marker (may be NULL) receives the negative marker found, a
 * static string, or NULL.
 */
enum cj_qual cj_score_qual_derive(const char *actual, const char **marker);

/* The score we give an outcome: 100% / 70% / 40% of weight_c, rounded. */
int64_t cj_score_qual(enum cj_qual q, int64_t weight_c);

/*
 * 1 when a user-given score lies in the outcome's band (DOMAIN.md 3.4):
 * 达成 [80%, 100%] of W, 部分达成 [60%, 80%), 未达成 [0, 60%).  With
 * W = 10000: 8000 is in the 达成 band, 7999 is not (it is 部分达成).
 */
int cj_score_qual_in_band(enum cj_qual q, int64_t score_c, int64_t weight_c);

/*
 * Read a 完成程度 column: 达成 / 部分达成 / 未达成, also in the long forms of
 * DOMAIN.md 3.4 (达成年度指标, 部分达成年度指标并具有一定效果, 未达成年度指标且
 * 效果较差).  White space and full-width forms are ignored.  Returns 1 and
 * sets *out when recognised, 0 otherwise (NULL, "", anything else).
 */
int cj_score_qual_parse(const char *text, enum cj_qual *out);

/* "达成" / "部分达成" / "未达成"; static. */
const char *cj_score_qual_name(enum cj_qual q);

/* "优" / "良" / "中" / "差" for a total in hundredths; static. */
const char *cj_score_grade(int64_t total_c);

/* ------------------------------------------------------------ project */

struct cj_ind_score {
	size_t index;            /* into p->indicators.v */
	enum cj_level1 level;
	unsigned char level_from_level2; /* 一级指标 not recognised; from 二级 */
	unsigned char weight_given;      /* weight from the dataset */
	int64_t weight_c;        /* W, hundredths */
	int64_t score_c;         /* hundredths */
	struct cj_target target; /* texts borrowed from the project */
	struct cj_target actual;
	int qualitative;         /* scored by outcome */
	enum cj_qual outcome;    /* when qualitative */
	int met;                 /* target reached (quantitative) or 达成
				  * (qualitative); not met -> a deviation */
	int unit_mismatch;       /* both parsed, units disagree */
	unsigned char dir_given;      /* direction from the 指标性质 column */
	unsigned char dir_conflict;   /* the column contradicts the text's direction */
	unsigned char dir_invalid;    /* the column could not be read */
	unsigned char unit_conflict;  /* the 度量单位 column contradicts a text's unit */
	unsigned char outcome_given;  /* outcome from the 完成程度 column */
	unsigned char outcome_invalid;/* the column could not be read */
	unsigned char score_given;    /* the dataset gives a 得分 */
	unsigned char score_conflict; /* ... which the rules do not allow */
	int64_t given_score_c;        /* that 得分, when score_given */
	char *explain;           /* owned: how it was read and scored */
};

enum cj_dev_kind {
	CJ_DEV_EXEC,      /* 预算执行率 below 90% */
	CJ_DEV_INDICATOR  /* an indicator scored below its weight */
};

/* Something that needs a 偏差原因. */
struct cj_deviation {
	enum cj_dev_kind kind;
	size_t index;             /* indicator index (CJ_DEV_INDICATOR) */
	const char *reason;       /* borrowed from the project; NULL: missing */
	const char *field;        /* static: the dataset field for the reason,
				   * "deviation" (of indicator `index`) or
				   * "report.low_rate_reason" */
	const struct cj_loc *loc; /* borrowed: the indicator's or project's */
	unsigned char inferred;   /* "not met" rests on our reading (see above) */
};

struct cj_proj_score {
	unsigned char rate_known;  /* calc could compute the rate */
	int64_t exec_rate_bp;
	int64_t exec_score_c;
	int64_t level_c[CJ_L1_N];  /* points per level after redistribution */
	struct cj_ind_score *ind;  /* owned, nind entries */
	size_t nind;
	int64_t weight_total_c;    /* execution line + every weight */
	int64_t total_c;
	const char *grade;         /* static: 优 / 良 / 中 / 差 */
	int reverse_method;        /* 1 or 2, as applied */
	struct cj_deviation *dev;  /* owned, ndev entries */
	size_t ndev;
	char **warn;               /* owned: Chinese messages (weights that do
				    * not make 100, unit disagreements ...) */
	size_t nwarn;
	char *notes;               /* owned: project-level explanation lines
				    * (execution line, redistribution), '\n'-separated */
};

/*
 * Score one project.  `pf` is calc's figures for the same project
 * (f->proj[i] for a->perf.projects.v[i]).  On success *out is filled
 * (it need not be initialised); caller owns it, release with
 * cj_proj_score_release().  It borrows texts from `p`: release it before
 * freeing the accounts.  On failure *out is zeroed and nothing leaks.
 * Errors: CJ_ERR_NOMEM; CJ_ERR_USAGE when p or pf is NULL.
 *
 *     struct cj_proj_score s;
 *     if (cj_score_project(&a->perf.projects.v[i], &f->proj[i], &s, &d) == CJ_OK) {
 *         use(s.total_c, s.grade);
 *         cj_proj_score_release(&s);
 *     }
 */
enum cj_err cj_score_project(const struct cj_project *p, const struct cj_proj_fig *pf,
			     struct cj_proj_score *out, struct cj_diag *d);

/* Free what a score owns and zero it; NULL and a zeroed score are fine. */
void cj_proj_score_release(struct cj_proj_score *s);

#endif
