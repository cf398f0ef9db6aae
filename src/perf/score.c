/*
 * score.c - 项目支出绩效自评 scoring: the execution line, weights per
 * level, each indicator's score, the total, the grade and the list of
 * deviations that need a reason.  The rules and their sources are in
 * score.h; this file only applies them.
 *
 * Arithmetic: scores in hundredths of a point (int64_t); ratios of two
 * decimals are computed in 128-bit integers and rounded half up once, at
 * the end.  No floating point.
 */
#include "score.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../base/utf8.h"

#define MAX_WEIGHT_C 100000 /* cj_score_quant refuses larger weights */

/* ============================================================= helpers */

/* n / d for n >= 0, d > 0, rounded half up. */
static int64_t rdiv(cj_i128 n, cj_i128 d)
{
	cj_i128 q = n / d, r = n % d;

	if (r * 2 >= d)
		q++;
	return (int64_t)q;
}

static const cj_i128 pow10_128[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

static cj_i128 pow10i(int scale)
{
	if (scale < 0)
		scale = 0;
	if (scale > 6)
		scale = 6;
	return pow10_128[scale];
}

/* "18.75" */
static const char *pts(int64_t c, char *buf, size_t cap)
{
	const char *sign = c < 0 ? "-" : "";
	long long m = c < 0 ? -(long long)c : (long long)c;

	snprintf(buf, cap, "%s%lld.%02lld", sign, m / 100, m % 100);
	return buf;
}

/* A value with its unit, no direction: "1 万元", "95%". */
static const char *val(const struct cj_target *t, char *buf, size_t cap)
{
	struct cj_target v = *t;

	v.dir = CJ_DIR_QUAL;
	cj_target_format(&v, buf, cap);
	return buf;
}

/* ======================================================= single rules */

int64_t cj_score_exec(int64_t rate_bp)
{
	int64_t s;

	if (rate_bp <= 0)
		return 0;
	if (rate_bp >= 10000)
		return CJ_SCORE_EXEC_C;
	s = rdiv(rate_bp, 10); /* 10 points × bp / 10000, in hundredths */
	return s > CJ_SCORE_EXEC_C ? CJ_SCORE_EXEC_C : s;
}

static void full(struct cj_buf *why, const char *head, const char *cmp, int64_t w)
{
	char b[32];

	if (why)
		cj_buf_printf(why, "%s：%s，得满分 %s", head, cmp, pts(w, b, sizeof(b)));
}

static int quant(const struct cj_target *t, const struct cj_target *a, int64_t weight_c,
		 int reverse_method, int64_t *score_c, int *met, struct cj_buf *why);

int cj_score_quant(const struct cj_target *t, const struct cj_target *a, int64_t weight_c,
		   int reverse_method, int64_t *score_c, int *met, struct cj_buf *why)
{
	int m = 0, r = quant(t, a, weight_c, reverse_method, score_c, &m, why);

	if (r && met)
		*met = m;
	return r;
}

/* cj_score_quant; *met = 1 when the condition for full marks holds. */
static int quant(const struct cj_target *t, const struct cj_target *a, int64_t weight_c,
		 int reverse_method, int64_t *score_c, int *met, struct cj_buf *why)
{
	int64_t ft, fa, s;
	cj_i128 tv, av, w = weight_c;
	char vt[64], va[64], cmp[192], bw[32], bs[32];
	const char *head;
	enum cj_dir dir;

	if (!t->parsed || !a->parsed || weight_c < 0 || weight_c > MAX_WEIGHT_C)
		return 0;
	if (!cj_indicator_units_agree(t, a, &ft, &fa))
		return 0;
	if (reverse_method != 2)
		reverse_method = 1;
	/* both over the common denominator 10^(t.scale + a.scale) */
	tv = (cj_i128)t->value.v * ft * pow10i(a->value.scale);
	av = (cj_i128)a->value.v * fa * pow10i(t->value.scale);
	val(t, vt, sizeof(vt));
	val(a, va, sizeof(va));
	pts(weight_c, bw, sizeof(bw));

	dir = t->dir;
	head = dir == CJ_DIR_GE ? "正向" : "等于（目标大于0，按正向）";
	if (dir == CJ_DIR_EQ && tv == 0) {
		head = "等于0";
		if (av <= 0) {
			snprintf(cmp, sizeof(cmp), "实际 %s ≤ 0", va);
			full(why, head, cmp, weight_c);
			*score_c = weight_c;
			*met = 1;
		} else {
			if (why)
				cj_buf_printf(why, "%s：实际 %s > 0，得 0 分", head, va);
			*score_c = 0;
		}
		return 1;
	}
	if (dir == CJ_DIR_GE || dir == CJ_DIR_EQ) {
		if (av >= tv) {
			snprintf(cmp, sizeof(cmp), "实际 %s ≥ 目标 %s", va, vt);
			full(why, head, cmp, weight_c);
			*score_c = weight_c;
			*met = 1;
			return 1;
		}
		s = rdiv(w * av, tv); /* tv > av >= 0 */
		if (why)
			cj_buf_printf(why, "%s：实际 %s < 目标 %s，得分 = %s × %s / %s = %s", head,
				      va, vt, bw, va, vt, pts(s, bs, sizeof(bs)));
		*score_c = s;
		return 1;
	}
	if (dir != CJ_DIR_LE)
		return 0;

	/* 反向 */
	head = reverse_method == 2 ? "反向（方法2）" : "反向（方法1）";
	if (av <= tv) {
		snprintf(cmp, sizeof(cmp), "实际 %s ≤ 目标 %s", va, vt);
		full(why, head, cmp, weight_c);
		*score_c = weight_c;
		*met = 1;
		return 1;
	}
	if (reverse_method == 2) {
		s = rdiv(w * tv, av); /* av > tv >= 0 */
		if (why)
			cj_buf_printf(why, "%s：实际 %s > 目标 %s，得分 = %s × %s / %s = %s", head,
				      va, vt, bw, vt, va, pts(s, bs, sizeof(bs)));
		*score_c = s;
		return 1;
	}
	if (av >= 2 * tv) {
		if (why)
			cj_buf_printf(why, "%s：实际 %s ≥ 2 × 目标 %s，得 0 分", head, va, vt);
		*score_c = 0;
		return 1;
	}
	s = rdiv(w * (2 * tv - av), tv); /* W × (1 − (a − T) / T) */
	if (why)
		cj_buf_printf(why,
			      "%s：目标 %s < 实际 %s < 2 × 目标，得分 = %s × (1 − (%s − %s) / %s) = %s",
			      head, vt, va, bw, va, vt, vt, pts(s, bs, sizeof(bs)));
	*score_c = s;
	return 1;
}

static const char *const neg_markers[] = {
	"未完成", "未达到", "未实现", "未达成", "没有", "不足", "滞后",
};

enum cj_qual cj_score_qual_derive(const char *actual, const char **marker)
{
	size_t i;
	const char *p;

	if (marker)
		*marker = NULL;
	if (!actual)
		return CJ_QUAL_UNMET;
	for (p = actual; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
		;
	if (!*p)
		return CJ_QUAL_UNMET;
	for (i = 0; i < sizeof(neg_markers) / sizeof(neg_markers[0]); i++) {
		if (strstr(actual, neg_markers[i])) {
			if (marker)
				*marker = neg_markers[i];
			return CJ_QUAL_PARTIAL;
		}
	}
	return CJ_QUAL_MET;
}

int64_t cj_score_qual(enum cj_qual q, int64_t weight_c)
{
	if (weight_c <= 0)
		return 0;
	switch (q) {
	case CJ_QUAL_MET:
		return weight_c;
	case CJ_QUAL_PARTIAL:
		return rdiv((cj_i128)weight_c * 70, 100);
	default:
		return rdiv((cj_i128)weight_c * 40, 100);
	}
}

int cj_score_qual_in_band(enum cj_qual q, int64_t score_c, int64_t weight_c)
{
	cj_i128 s = (cj_i128)score_c * 100, w = weight_c;

	if (score_c < 0 || weight_c < 0 || score_c > weight_c)
		return 0;
	switch (q) {
	case CJ_QUAL_MET:
		return s >= 80 * w;
	case CJ_QUAL_PARTIAL:
		return s >= 60 * w && s < 80 * w;
	default:
		return s < 60 * w || weight_c == 0;
	}
}

int cj_score_qual_parse(const char *text, enum cj_qual *out)
{
	char t[64];
	size_t len, i = 0, n = 0, adv, k;

	if (!text)
		return 0;
	/* the first code points, folded, without white space */
	len = strlen(text);
	while (i < len && n + 4 < sizeof(t)) {
		uint32_t c = cj_utf8_fold_cp(cj_utf8_decode(text + i, len - i, &adv));
		i += adv;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000)
			continue;
		k = cj_utf8_encode(c, t + n);
		n += k;
	}
	t[n] = '\0';
	if (strncmp(t, "部分达成", strlen("部分达成")) == 0)
		*out = CJ_QUAL_PARTIAL;
	else if (strncmp(t, "未达成", strlen("未达成")) == 0)
		*out = CJ_QUAL_UNMET;
	else if (strncmp(t, "达成", strlen("达成")) == 0)
		*out = CJ_QUAL_MET;
	else
		return 0;
	return 1;
}

const char *cj_score_qual_name(enum cj_qual q)
{
	switch (q) {
	case CJ_QUAL_MET:
		return "达成";
	case CJ_QUAL_PARTIAL:
		return "部分达成";
	default:
		return "未达成";
	}
}

const char *cj_score_grade(int64_t total_c)
{
	if (total_c >= 9000)
		return "优";
	if (total_c >= 8000)
		return "良";
	if (total_c >= 6000)
		return "中";
	return "差";
}

/* ============================================================= project */

/* Default points per level (DOMAIN.md 3.3), after the execution line. */
static const int64_t level_default_c[CJ_L1_N] = {0, 5000, 3000, 1000};
static const char *const level_short[CJ_L1_N] = {"未识别", "产出", "效益", "满意度"};

struct ctx {
	struct cj_proj_score *s;
	struct cj_buf notes;
	enum cj_err err; /* sticky */
};

static void warn(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct ctx *c, const char *fmt, ...)
{
	va_list ap;
	char *m, **nv;
	char tmp[768];

	if (c->err)
		return;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	tmp[cj_utf8_clip(tmp, strlen(tmp))] = '\0'; /* never end inside a character */
	m = cj_strdup(tmp);
	if (!m) {
		c->err = CJ_ERR_NOMEM;
		return;
	}
	nv = cj_realloc(c->s->warn, (c->s->nwarn + 1) * sizeof(*nv));
	if (!nv) {
		cj_free(m);
		c->err = CJ_ERR_NOMEM;
		return;
	}
	nv[c->s->nwarn++] = m;
	c->s->warn = nv;
}

static void add_dev(struct ctx *c, enum cj_dev_kind kind, size_t index, const char *reason,
		    const char *field, const struct cj_loc *loc)
{
	struct cj_deviation *nv;

	if (c->err)
		return;
	nv = cj_realloc(c->s->dev, (c->s->ndev + 1) * sizeof(*nv));
	if (!nv) {
		c->err = CJ_ERR_NOMEM;
		return;
	}
	nv[c->s->ndev].kind = kind;
	nv[c->s->ndev].index = index;
	nv[c->s->ndev].reason = reason;
	nv[c->s->ndev].field = field;
	nv[c->s->ndev].loc = loc;
	nv[c->s->ndev].inferred = 0;
	c->s->ndev++;
	c->s->dev = nv;
}

static int has_text(const struct cj_text *t)
{
	const char *p;

	if (!t->s)
		return 0;
	for (p = t->s; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 1;
	return 0;
}

/* The execution line, with its note. */
static void score_exec(struct ctx *c, const struct cj_project *p, const struct cj_proj_fig *pf)
{
	struct cj_proj_score *s = c->s;
	char r[32], b1[32], b2[32], sc[32];

	if (!pf->rate.known) {
		s->rate_known = 0;
		s->exec_score_c = 0;
		warn(c, "项目「%s」预算执行率无法计算（预算数或执行数缺失，或预算数为0），执行率得0分",
		     p->name.s ? p->name.s : "");
		cj_buf_puts(&c->notes, "预算执行率：无法计算，得 0.00 分（满分 10 分）\n");
		return;
	}
	s->rate_known = 1;
	s->exec_rate_bp = pf->rate.bp;
	s->exec_score_c = cj_score_exec(pf->rate.bp);
	cj_pct_format(pf->rate.bp, r, sizeof(r));
	cj_wan(pf->exec.fen, b1, sizeof(b1));
	cj_wan(pf->budget.fen, b2, sizeof(b2));
	cj_buf_printf(&c->notes, "预算执行率 %s（执行 %s 万元 / 预算 %s 万元）：得分 = min(10, 10 × %s) = %s\n",
		      r, b1, b2, r, pts(s->exec_score_c, sc, sizeof(sc)));
}

/* Level points after moving those of empty levels (DOMAIN.md 3.3, 3.4). */
static void level_points(struct ctx *c, const size_t *nlev)
{
	struct cj_proj_score *s = c->s;
	int64_t sum_def = 0, given = 0, pool = CJ_SCORE_TOTAL_C - CJ_SCORE_EXEC_C;
	int l, first = 0, moved = 0;
	char b[32];

	for (l = CJ_L1_OUTPUT; l < CJ_L1_N; l++) {
		if (nlev[l]) {
			sum_def += level_default_c[l];
			if (!first)
				first = l;
		} else {
			moved = 1;
		}
	}
	if (!sum_def) {
		warn(c, "项目未设可识别的产出、效益或满意度指标，只计预算执行率");
		return;
	}
	for (l = CJ_L1_OUTPUT; l < CJ_L1_N; l++) {
		if (!nlev[l])
			continue;
		s->level_c[l] = pool * level_default_c[l] / sum_def;
		given += s->level_c[l];
	}
	s->level_c[first] += pool - given; /* never happens with 50/30/10 */
	if (!moved)
		return;
	cj_buf_puts(&c->notes, "未设");
	for (l = CJ_L1_OUTPUT, given = 0; l < CJ_L1_N; l++) {
		if (nlev[l])
			continue;
		cj_buf_printf(&c->notes, "%s%s", given ? "、" : "", cj_level1_name((enum cj_level1)l));
		given += level_default_c[l];
	}
	cj_buf_printf(&c->notes, "，其 %s 分按默认分值比例（", pts(given, b, sizeof(b)));
	for (l = CJ_L1_OUTPUT, first = 1; l < CJ_L1_N; l++) {
		if (!nlev[l])
			continue;
		cj_buf_printf(&c->notes, "%s%s%lld", first ? "" : ":", level_short[l],
			      (long long)(level_default_c[l] / 100));
		first = 0;
	}
	cj_buf_puts(&c->notes, "）并入：");
	for (l = CJ_L1_OUTPUT, first = 1; l < CJ_L1_N; l++) {
		if (!nlev[l])
			continue;
		cj_buf_printf(&c->notes, "%s%s %s 分", first ? "" : "、",
			      cj_level1_name((enum cj_level1)l), pts(s->level_c[l], b, sizeof(b)));
		first = 0;
	}
	cj_buf_puts(&c->notes, "\n");
}

/* Weights: given ones as they are, the rest of each level split equally. */
static void weights(struct ctx *c, const struct cj_project *p)
{
	struct cj_proj_score *s = c->s;
	int64_t given[CJ_L1_N] = {0}, rest, q, r;
	size_t ngiven[CJ_L1_N] = {0}, nfree[CJ_L1_N] = {0}, seen[CJ_L1_N] = {0}, i;
	int any_given = 0, l;
	char b1[32], b2[32];

	for (i = 0; i < s->nind; i++) {
		struct cj_ind_score *is = &s->ind[i];
		if (is->weight_given) {
			given[is->level] += is->weight_c;
			ngiven[is->level]++;
			any_given = 1;
		} else {
			nfree[is->level]++;
		}
	}
	for (l = CJ_L1_OUTPUT; l < CJ_L1_N; l++) {
		if (!nfree[l])
			continue;
		rest = s->level_c[l] - given[l];
		if (rest < 0) {
			warn(c, "%s已给分值合计 %s 分，超过该级的 %s 分，其余指标分值为0",
			     cj_level1_name((enum cj_level1)l), pts(given[l], b1, sizeof(b1)),
			     pts(s->level_c[l], b2, sizeof(b2)));
			rest = 0;
		}
		q = rest / (int64_t)nfree[l];
		r = rest % (int64_t)nfree[l];
		for (i = 0; i < s->nind; i++) {
			struct cj_ind_score *is = &s->ind[i];
			if ((int)is->level != l || is->weight_given)
				continue;
			is->weight_c = q + ((int64_t)seen[l] < r ? 1 : 0);
			seen[l]++;
		}
	}
	if (nfree[CJ_L1_UNKNOWN])
		warn(c, "项目「%s」有 %zu 个指标的一级指标无法识别且未给分值，按0分值计",
		     p->name.s ? p->name.s : "", nfree[CJ_L1_UNKNOWN]);
	s->weight_total_c = CJ_SCORE_EXEC_C;
	for (i = 0; i < s->nind; i++)
		s->weight_total_c += s->ind[i].weight_c;
	if (s->weight_total_c != CJ_SCORE_TOTAL_C && s->nind)
		warn(c, "项目「%s」分值合计 %s 分（含预算执行率 10 分），应为 100 分",
		     p->name.s ? p->name.s : "", pts(s->weight_total_c, b1, sizeof(b1)));
	if (any_given)
		cj_buf_puts(&c->notes, "部分指标分值取自数据集（weight），其余按级均分\n");
}

/* ------------------------------------------------------ form columns */

static const char *pname(const struct cj_project *p)
{
	return p->name.s ? p->name.s : "";
}

static const char *iname(const struct cj_indicator *ind)
{
	return ind->name.s ? ind->name.s : "";
}

/* The 度量单位 column against one parsed text. */
static void unit_column(struct ctx *c, const struct cj_project *p, size_t i,
			struct cj_target *t, const char *u, const char *which)
{
	struct cj_ind_score *is = &c->s->ind[i];
	struct cj_target col;
	int64_t f1, f2;

	if (!t->parsed)
		return;
	if (!t->unit[0]) {
		snprintf(t->unit, sizeof(t->unit), "%s", u);
		return;
	}
	memset(&col, 0, sizeof(col));
	col.parsed = 1;
	snprintf(col.unit, sizeof(col.unit), "%s", u);
	if (cj_indicator_units_agree(t, &col, &f1, &f2))
		return;
	is->unit_conflict = 1;
	warn(c, "项目「%s」指标「%s」的度量单位「%s」与%s所写单位「%s」不一致", pname(p),
	     iname(&p->indicators.v[i]), u, which, t->unit);
}

/* Apply the form's own columns (指标性质, 度量单位, 完成程度, 得分); score.h. */
static void apply_columns(struct ctx *c, const struct cj_project *p, size_t i)
{
	struct cj_ind_score *is = &c->s->ind[i];
	const struct cj_indicator *ind = &p->indicators.v[i];
	enum cj_dir d;
	enum cj_qual q;
	char u[sizeof(is->target.unit)];

	if (has_text(&ind->direction)) {
		if (!cj_indicator_parse_dir(ind->direction.s, &d)) {
			is->dir_invalid = 1;
			warn(c, "项目「%s」指标「%s」的指标性质「%s」无法识别（应为 ≥、≤、= 或 定性），不采用",
			     pname(p), iname(ind), ind->direction.s);
		} else if (d == CJ_DIR_QUAL) {
			is->dir_given = 1;
			if (is->target.parsed) {
				is->target.parsed = 0;
				is->target.dir = CJ_DIR_QUAL;
				is->target.dir_stated = 0;
				is->target.note = "指标性质为定性";
			}
		} else if (is->target.parsed) {
			is->dir_given = 1;
			if (is->target.dir_stated && is->target.dir != d) {
				is->dir_conflict = 1;
				warn(c, "项目「%s」指标「%s」的指标性质「%s」与预期指标值「%s」所写方向不一致，按指标性质计分",
				     pname(p), iname(ind), ind->direction.s,
				     ind->expected.s ? ind->expected.s : "");
			}
			is->target.dir = d;
		}
	}
	if (cj_indicator_norm_unit(ind->unit.s, u, sizeof(u))) {
		unit_column(c, p, i, &is->target, u, "预期指标值");
		unit_column(c, p, i, &is->actual, u, "实际完成值");
	}
	if (has_text(&ind->outcome)) {
		if (cj_score_qual_parse(ind->outcome.s, &q)) {
			is->outcome_given = 1;
			is->outcome = q;
		} else {
			is->outcome_invalid = 1;
			warn(c, "项目「%s」指标「%s」的完成程度「%s」无法识别（应为 达成、部分达成 或 未达成），不采用",
			     pname(p), iname(ind), ind->outcome.s);
		}
	}
	if (ind->score.set) {
		is->score_given = 1;
		is->given_score_c = ind->score.bp;
	}
}

static const char *const band_text[] = {"[80%, 100%]", "[60%, 80%)", "[0, 60%)"};

/*
 * A given score for a quantitatively scored indicator: it must agree with
 * the formula within 0.01 point.
 */
static void given_quant(struct ctx *c, const struct cj_project *p, size_t i, struct cj_buf *ex)
{
	struct cj_ind_score *is = &c->s->ind[i];
	int64_t g = is->given_score_c, diff = g - is->score_c;
	char b1[32], b2[32];

	if (!is->score_given)
		return;
	pts(g, b1, sizeof(b1));
	pts(is->score_c, b2, sizeof(b2));
	if (diff >= -1 && diff <= 1 && g >= 0 && g <= is->weight_c) {
		cj_buf_printf(ex, "；填报得分 %s 与计算相符", b1);
		return;
	}
	is->score_conflict = 1;
	cj_buf_printf(ex, "；填报得分 %s 与按规则计算的 %s 不符，采用 %s", b1, b2, b2);
	warn(c, "项目「%s」指标「%s」填报得分 %s，按评分规则应为 %s", pname(p),
	     iname(&p->indicators.v[i]), b1, b2);
}

/*
 * A given score for a qualitatively scored indicator: it must lie in the
 * band of its outcome (DOMAIN.md 3.4).
 */
static void given_qual(struct ctx *c, const struct cj_project *p, size_t i, struct cj_buf *ex)
{
	struct cj_ind_score *is = &c->s->ind[i];
	int64_t g = is->given_score_c;
	char b1[32], b2[32], b3[32];

	if (!is->score_given)
		return;
	pts(g, b1, sizeof(b1));
	pts(is->weight_c, b3, sizeof(b3));
	if (cj_score_qual_in_band(is->outcome, g, is->weight_c)) {
		is->score_c = g;
		cj_buf_printf(ex, "；采用填报得分 %s（在「%s」档，分值 %s 的 %s 内）", b1,
			      cj_score_qual_name(is->outcome), b3, band_text[is->outcome]);
		return;
	}
	is->score_conflict = 1;
	pts(is->score_c, b2, sizeof(b2));
	cj_buf_printf(ex, "；填报得分 %s 不在「%s」档（分值 %s 的 %s）内，采用 %s", b1,
		      cj_score_qual_name(is->outcome), b3, band_text[is->outcome], b2);
	warn(c, "项目「%s」指标「%s」填报得分 %s，不在「%s」档的分数区间（分值 %s 的 %s）内",
	     pname(p), iname(&p->indicators.v[i]), b1, cj_score_qual_name(is->outcome), b3,
	     band_text[is->outcome]);
}

/* Score indicator i: read, compare, explain. */
static void score_indicator(struct ctx *c, const struct cj_project *p, size_t i)
{
	struct cj_proj_score *s = c->s;
	struct cj_ind_score *is = &s->ind[i];
	const struct cj_indicator *ind = &p->indicators.v[i];
	struct cj_buf ex;
	const char *marker = NULL;
	char b1[32], b2[32], pct[8];

	cj_buf_init(&ex, 0);
	cj_indicator_explain(&is->target, &is->actual, &ex);
	cj_buf_puts(&ex, "；");
	if (is->level_from_level2)
		cj_buf_printf(&ex, "一级指标按二级指标「%s」归入%s；", ind->level2.s,
			      cj_level1_name(is->level));
	if (is->dir_given && is->target.parsed)
		cj_buf_printf(&ex, "方向取自指标性质「%s」；", ind->direction.s);
	if (has_text(&ind->direction) && !is->dir_invalid && !is->dir_given)
		cj_buf_printf(&ex, "指标性质为「%s」，但预期指标值未读出数量；", ind->direction.s);
	if (is->target.parsed && is->actual.parsed) {
		int64_t ft, fa;
		if (!cj_indicator_units_agree(&is->target, &is->actual, &ft, &fa)) {
			is->unit_mismatch = 1;
			cj_buf_printf(&ex, "单位不一致（预期「%s」、实际「%s」），按定性评分；",
				      is->target.unit[0] ? is->target.unit : "无",
				      is->actual.unit[0] ? is->actual.unit : "无");
			warn(c, "项目「%s」指标「%s」预期与实际单位不一致（「%s」与「%s」），按定性评分",
			     p->name.s ? p->name.s : "", ind->name.s ? ind->name.s : "",
			     is->target.unit[0] ? is->target.unit : "无",
			     is->actual.unit[0] ? is->actual.unit : "无");
		} else if (cj_score_quant(&is->target, &is->actual, is->weight_c,
					  s->reverse_method, &is->score_c, &is->met, &ex)) {
			if (is->outcome_given)
				cj_buf_puts(&ex, "（定量指标按公式计分，不采用填报的完成程度）");
			given_quant(c, p, i, &ex);
			goto done;
		}
	} else if (is->target.parsed) {
		cj_buf_puts(&ex, "实际完成值未读出数量，按定性评分；");
		warn(c, "项目「%s」指标「%s」的预期为数量，实际完成值未读出数量，按定性评分",
		     p->name.s ? p->name.s : "", ind->name.s ? ind->name.s : "");
	}

	is->qualitative = 1;
	if (!is->outcome_given)
		is->outcome = cj_score_qual_derive(is->actual.text, &marker);
	is->score_c = cj_score_qual(is->outcome, is->weight_c);
	snprintf(pct, sizeof(pct), "%s",
		 is->outcome == CJ_QUAL_MET ? "100%" : is->outcome == CJ_QUAL_PARTIAL ? "70%" : "40%");
	if (is->outcome_given)
		cj_buf_printf(&ex, "定性：完成程度取自数据集「%s」", cj_score_qual_name(is->outcome));
	else if (is->outcome == CJ_QUAL_MET)
		cj_buf_puts(&ex, "定性：实际完成值已填写且未见否定词，判为达成");
	else if (is->outcome == CJ_QUAL_PARTIAL)
		cj_buf_printf(&ex, "定性：实际完成值含「%s」，判为部分达成（需人工确认）", marker);
	else
		cj_buf_puts(&ex, "定性：未填写实际完成值，判为未达成");
	cj_buf_printf(&ex, "，得分 = %s × %s = %s", pct, pts(is->weight_c, b1, sizeof(b1)),
		      pts(is->score_c, b2, sizeof(b2)));
	given_qual(c, p, i, &ex);
	is->met = is->outcome == CJ_QUAL_MET;
done:
	if (cj_buf_err(&ex)) {
		c->err = cj_buf_err(&ex);
		cj_buf_release(&ex);
		return;
	}
	is->explain = cj_buf_detach(&ex, NULL);
	cj_buf_release(&ex);
	if (!is->explain)
		c->err = CJ_ERR_NOMEM;
}

enum cj_err cj_score_project(const struct cj_project *p, const struct cj_proj_fig *pf,
			     struct cj_proj_score *out, struct cj_diag *d)
{
	struct cj_proj_score s;
	struct ctx c;
	size_t i, nlev[CJ_L1_N] = {0};
	char b[32];

	if (out)
		memset(out, 0, sizeof(*out));
	if (!p || !pf || !out)
		return cj_fail(d, CJ_ERR_USAGE, "cj_score_project: 参数为空");
	memset(&s, 0, sizeof(s));
	c.s = &s;
	c.err = CJ_OK;
	cj_buf_init(&c.notes, 0);

	s.reverse_method = 1;
	if (p->reverse_method.set) {
		if (p->reverse_method.n == 2)
			s.reverse_method = 2;
		else if (p->reverse_method.n != 1)
			warn(&c, "项目「%s」reverse_method 只能为 1 或 2，按 1（比例扣减）计",
			     p->name.s ? p->name.s : "");
	}
	score_exec(&c, p, pf);

	if (p->indicators.n) {
		s.ind = cj_calloc(p->indicators.n, sizeof(*s.ind));
		if (!s.ind) {
			c.err = CJ_ERR_NOMEM;
			goto out;
		}
		s.nind = p->indicators.n;
	}
	for (i = 0; i < s.nind; i++) {
		const struct cj_indicator *ind = &p->indicators.v[i];
		struct cj_ind_score *is = &s.ind[i];

		is->index = i;
		is->level = cj_indicator_level1(ind->level1.s);
		if (is->level == CJ_L1_UNKNOWN) {
			is->level = cj_indicator_level1_of_level2(ind->level2.s);
			is->level_from_level2 = is->level != CJ_L1_UNKNOWN;
		}
		if (ind->weight.set) {
			if (ind->weight.bp < 0 || ind->weight.bp > CJ_SCORE_TOTAL_C) {
				warn(&c, "项目「%s」指标「%s」的分值 %s 不在 0 到 100 之间，不采用",
				     p->name.s ? p->name.s : "", ind->name.s ? ind->name.s : "",
				     pts(ind->weight.bp, b, sizeof(b)));
			} else {
				is->weight_given = 1;
				is->weight_c = ind->weight.bp;
			}
		}
		cj_indicator_parse_target(ind->expected.s, &is->target);
		cj_indicator_parse_actual(ind->actual.s, &is->actual);
		apply_columns(&c, p, i);
		nlev[is->level]++;
	}
	level_points(&c, nlev);
	weights(&c, p);
	if (s.reverse_method == 2)
		cj_buf_puts(&c.notes, "反向指标按方法2（W × 目标 / 实际）计分\n");

	s.total_c = s.exec_score_c;
	for (i = 0; i < s.nind && !c.err; i++) {
		score_indicator(&c, p, i);
		s.total_c += s.ind[i].score_c;
	}
	s.grade = cj_score_grade(s.total_c);

	/* deviations (DOMAIN.md 3.5, 3.8) */
	if (s.rate_known && s.exec_rate_bp < CJ_SCORE_LOW_RATE_BP) {
		const struct cj_text *r = &p->report.low_rate_reason;
		const char *field = "report.low_rate_reason";
		if (!has_text(r) && has_text(&p->issues)) {
			r = &p->issues;
			field = "issues";
		}
		add_dev(&c, CJ_DEV_EXEC, 0, has_text(r) ? r->s : NULL, field, &p->loc);
	}
	for (i = 0; i < s.nind; i++) {
		const struct cj_indicator *ind = &p->indicators.v[i];
		const struct cj_ind_score *is = &s.ind[i];
		if (is->met)
			continue;
		add_dev(&c, CJ_DEV_INDICATOR, i, has_text(&ind->deviation) ? ind->deviation.s : NULL,
			"deviation", &ind->loc);
		if (!c.err)
			s.dev[s.ndev - 1].inferred =
				is->qualitative ? !is->outcome_given
						: !(is->target.dir_stated || is->dir_given);
	}
	cj_buf_printf(&c.notes, "总分 %s，等级 %s", pts(s.total_c, b, sizeof(b)), s.grade);
	if (!c.err && cj_buf_err(&c.notes))
		c.err = cj_buf_err(&c.notes);
	if (!c.err) {
		s.notes = cj_buf_detach(&c.notes, NULL);
		if (!s.notes)
			c.err = CJ_ERR_NOMEM;
	}
out:
	cj_buf_release(&c.notes);
	if (c.err) {
		cj_proj_score_release(&s);
		return cj_fail(d, c.err, "项目「%s」绩效评分失败：%s", p->name.s ? p->name.s : "",
			       cj_strerror(c.err));
	}
	*out = s;
	return CJ_OK;
}

void cj_proj_score_release(struct cj_proj_score *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; s->ind && i < s->nind; i++)
		cj_free(s->ind[i].explain);
	cj_free(s->ind);
	cj_free(s->dev);
	for (i = 0; s->warn && i < s->nwarn; i++)
		cj_free(s->warn[i]);
	cj_free(s->warn);
	cj_free(s->notes);
	memset(s, 0, sizeof(*s));
}
