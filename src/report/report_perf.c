/*
 * report_perf.c - 预算绩效管理: 第二部分 十（四） and 第四部分 附件
 * (附件1 部门整体支出绩效评价报告 with the 部门整体支出绩效自评 summary,
 * 附件2 for each project its 项目支出绩效目标完成情况表, 项目支出绩效自评表
 * and evaluation report in five parts).
 *
 * The figures (预算数, 执行数, 完成预算%) come from calc/ (f->proj, f->gen),
 * the scores (分值, 得分, 总分, 等级) from perf/ (cj_score_project, once per
 * project), the prose from the dataset's report fields.  A sub-heading
 * whose text is absent is left out and the numbering closes up; no
 * boilerplate is printed in place of missing text.
 *
 * Table ids are stable: perf-N-score (N from 1) and perf-summary.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"
#include "../perf/score.h"

/* One sub-section: a title and the text under it. */
struct part_item {
	const char *title;
	const struct cj_text *text;
};

static int any_text(const struct part_item *it, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cj_report_has(it[i].text))
			return 1;
	return 0;
}

/* Headings "（一）title" at `level` for each present item, with its paragraphs. */
static void sub_items(struct cj_rp *rp, int level, const struct part_item *it, size_t n)
{
	size_t i;
	int k = 0;
	char cn[16];

	for (i = 0; i < n; i++) {
		if (!cj_report_has(it[i].text))
			continue;
		cj_report_heading(rp, level, "（%s）%s", cj_report_cn(++k, cn, sizeof(cn)),
				  it[i].title);
		cj_report_paras(rp, NULL, it[i].text);
	}
}

/* "联系重点工作经费项目", without doubling a final 项目. */
static void project_word(struct cj_buf *b, const char *name)
{
	size_t len = name ? strlen(name) : 0;
	static const char suffix[] = "项目";

	cj_report_clause(b, name);
	if (len < sizeof(suffix) - 1 || strcmp(name + len - (sizeof(suffix) - 1), suffix) != 0)
		cj_buf_puts(b, suffix);
}

static const char *report_name(const struct cj_project *p)
{
	return cj_report_has(&p->report.title_name) ? p->report.title_name.s : p->name.s;
}

static int has_dept_eval(const struct cj_rp *rp)
{
	const struct cj_dept_eval *e = &rp->a->perf.dept;

	return cj_report_has(&e->organisation) || cj_report_has(&e->budget_management) ||
	       cj_report_has(&e->result_use) || cj_report_has(&e->conclusion) ||
	       cj_report_has(&e->problems) || cj_report_has(&e->suggestions);
}

/* "项目全年预算数X万元，执行数为Y万元，完成预算的Z%。" with `lead` before it. */
static void budget_exec(struct cj_rp *rp, size_t i, const char *lead)
{
	const struct cj_proj_fig *pf = &rp->f->proj[i];
	struct cj_buf *b = &rp->b;

	if (!pf->budget.known && !pf->exec.known)
		return;
	cj_buf_puts(b, lead);
	if (pf->budget.known) {
		cj_buf_puts(b, "全年预算数");
		cj_report_wan(b, pf->budget.fen);
		cj_buf_puts(b, "万元");
	}
	if (pf->exec.known) {
		cj_buf_puts(b, pf->budget.known ? "，执行数为" : "执行数为");
		cj_report_wan(b, pf->exec.fen);
		cj_buf_puts(b, "万元");
	}
	if (pf->rate.known) {
		cj_buf_puts(b, "，完成预算的");
		cj_report_pct(b, pf->rate.bp);
	}
	cj_buf_puts(b, "。");
}

/* “A”“B”…等N个项目 */
static void project_list(struct cj_rp *rp)
{
	const struct cj_projects *ps = &rp->a->perf.projects;
	size_t i;

	for (i = 0; i < ps->n; i++) {
		cj_buf_puts(&rp->b, "“");
		cj_report_clause(&rp->b, ps->v[i].name.s);
		cj_buf_puts(&rp->b, "”");
	}
	cj_buf_printf(&rp->b, "等%zu个项目", ps->n);
}

/* ------------------------------------------------------- 十（四） */

static void perf_counts(struct cj_rp *rp)
{
	const struct cj_performance *p = &rp->a->perf;
	struct cj_buf *b = &rp->b;
	int k = 0;

	if (!p->targets_set.set && !p->monitored.set && !p->evaluated.set &&
	    !cj_report_has(&p->prior_assessment))
		return;
	cj_buf_puts(b, "根据预算绩效管理要求，本部门（单位）");
	if (cj_report_has(&p->prior_assessment)) {
		cj_buf_puts(b, "在年初预算编制阶段，组织对");
		cj_report_clause(b, p->prior_assessment.s);
		cj_buf_puts(b, "开展了预算事前绩效评估");
		k++;
	}
	if (p->targets_set.set) {
		cj_buf_puts(b, k++ ? "，对" : "对");
		cj_report_count(b, p->targets_set.n);
		cj_buf_puts(b, "个项目编制了绩效目标");
	}
	if (p->monitored.set) {
		cj_buf_puts(b, k++ ? "，预算执行过程中，选取" : "在预算执行过程中，选取");
		cj_report_count(b, p->monitored.n);
		cj_buf_puts(b, "个项目开展绩效监控");
	}
	if (p->evaluated.set) {
		cj_buf_puts(b, k++ ? "，年终执行完毕后，对" : "在年终执行完毕后，对");
		cj_report_count(b, p->evaluated.n);
		cj_buf_puts(b, "个项目开展了绩效目标完成情况梳理填报");
	}
	cj_buf_puts(b, "。");
	cj_report_flush(rp);
}

static void project_summary(struct cj_rp *rp, size_t i)
{
	const struct cj_project *p = &rp->a->perf.projects.v[i];
	struct cj_buf *b = &rp->b;

	cj_buf_printf(b, "（%zu）", i + 1);
	project_word(b, p->name.s);
	cj_buf_puts(b, "绩效目标完成情况综述。");
	budget_exec(rp, i, "项目");
	if (cj_report_has(&p->achieved)) {
		cj_buf_puts(b, "通过项目实施，");
		cj_report_sentence(b, p->achieved.s);
	}
	if (cj_report_has(&p->issues)) {
		cj_buf_puts(b, "发现的主要问题：");
		cj_report_sentence(b, p->issues.s);
	}
	if (cj_report_has(&p->improvements)) {
		cj_buf_puts(b, "下一步改进措施：");
		cj_report_sentence(b, p->improvements.s);
	}
	cj_report_flush(rp);
}

void cj_report_perf_section(struct cj_rp *rp)
{
	const struct cj_performance *p = &rp->a->perf;
	const struct cj_projects *ps = &p->projects;
	struct cj_buf *b = &rp->b;
	int dept = has_dept_eval(rp), k = 0;
	size_t i;
	char cn[16];

	if (!p->targets_set.set && !p->monitored.set && !p->evaluated.set &&
	    !cj_report_has(&p->prior_assessment) && !cj_report_has(&p->overall) &&
	    !cj_report_has(&p->projects_summary) && !ps->n && !dept)
		return;
	cj_report_heading(rp, 3, "（%s）预算绩效管理情况", cj_report_cn(++rp->sub, cn, sizeof(cn)));
	perf_counts(rp);
	if (cj_report_has(&p->overall)) {
		cj_buf_printf(b, "本部门按要求对%d年部门整体支出开展绩效自评，", rp->year);
		cj_report_sentence(b, p->overall.s);
	}
	if (cj_report_has(&p->projects_summary)) {
		cj_buf_puts(b, "本部门还自行组织了");
		if (p->evaluated.set) {
			cj_report_count(b, p->evaluated.n);
			cj_buf_puts(b, "个");
		}
		cj_buf_puts(b, "项目绩效评价，");
		cj_report_sentence(b, p->projects_summary.s);
	}
	cj_report_flush(rp);

	if (ps->n) {
		cj_report_heading(rp, 4, "%d.项目绩效目标完成情况", ++k);
		cj_buf_printf(b, "本部门在%d年度部门决算中反映", rp->year);
		project_list(rp);
		cj_buf_puts(b, "绩效目标实际完成情况。");
		cj_report_flush(rp);
		for (i = 0; i < ps->n; i++)
			project_summary(rp, i);
	}
	if (dept || ps->n) {
		int annex = 0;
		cj_report_heading(rp, 4, "%d.部门开展绩效评价结果", ++k);
		if (dept) {
			cj_buf_printf(b, "本部门按要求对%d年部门整体支出绩效评价情况开展自评，《%s%d年部门整体支出绩效评价报告》（附件%d）。",
				      rp->year, rp->name, rp->year, ++annex);
			cj_report_flush(rp);
		}
		if (ps->n) {
			cj_buf_puts(b, "本部门自行组织对");
			project_list(rp);
			cj_buf_puts(b, "开展了绩效评价，");
			for (i = 0; i < ps->n; i++) {
				cj_buf_puts(b, "《");
				project_word(b, report_name(&ps->v[i]));
				cj_buf_printf(b, "%d年绩效评价报告》", rp->year);
			}
			cj_buf_printf(b, "（附件%d）。", ++annex);
			cj_report_flush(rp);
		}
	}
}

/* ------------------------------------------------------- 自评 tables */

/* Every project's score, parallel to a->perf.projects (NULL when none). */
struct scores {
	struct cj_proj_score *v;
	size_t n;
};

static void scores_release(struct scores *sc)
{
	size_t i;

	for (i = 0; i < sc->n; i++)
		cj_proj_score_release(&sc->v[i]);
	cj_free(sc->v);
	sc->v = NULL;
	sc->n = 0;
}

/* Score every project; on failure rp->err is set and sc stays empty. */
static void scores_compute(struct cj_rp *rp, struct scores *sc)
{
	const struct cj_projects *ps = &rp->a->perf.projects;
	size_t i, n = ps->n < rp->f->nproj ? ps->n : rp->f->nproj;
	enum cj_err e;

	sc->v = NULL;
	sc->n = 0;
	if (!n)
		return;
	sc->v = cj_calloc(n, sizeof(*sc->v));
	if (!sc->v) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return;
	}
	for (i = 0; i < n; i++) {
		e = cj_score_project(&ps->v[i], &rp->f->proj[i], &sc->v[i], NULL);
		if (e) {
			cj_report_fail(rp, e);
			scores_release(sc);
			return;
		}
		sc->n = i + 1;
	}
}

static void th(struct cj_table *t, size_t r, size_t c, size_t rs, size_t cs, const char *text)
{
	struct cj_cell *cell = cj_table_set(t, r, c, text, CJ_AL_CENTER);

	if (cell)
		cell->bold = 1;
	if (rs > 1 || cs > 1)
		cj_table_span(t, r, c, rs, cs);
}

static void td(struct cj_table *t, size_t r, size_t c, size_t cs, const char *text)
{
	cj_table_set(t, r, c, text, CJ_AL_LEFT);
	if (cs > 1)
		cj_table_span(t, r, c, 1, cs);
}

/* Points in hundredths as "56.25", right-aligned. */
static void pts_cell(struct cj_table *t, size_t r, size_t c, int64_t v)
{
	char b[48];

	cj_money_format(v, 100, 2, 0, b, sizeof(b));
	cj_table_set(t, r, c, b, CJ_AL_RIGHT);
}

static void pct_cell(struct cj_table *t, size_t r, size_t c, int64_t bp)
{
	char b[48];

	cj_pct_format(bp, b, sizeof(b));
	cj_table_set(t, r, c, b, CJ_AL_RIGHT);
}

static void fig_amount(struct cj_table *t, size_t r, size_t c, const struct cj_fig *f)
{
	if (f->set)
		cj_table_amount(t, r, c, f->fen);
}

static void amt_amount(struct cj_table *t, size_t r, size_t c, struct cj_amt a)
{
	if (a.known)
		cj_table_amount(t, r, c, a.fen);
}

static int same_text(const struct cj_text *a, const struct cj_text *b)
{
	return strcmp(a->s ? a->s : "", b->s ? b->s : "") == 0;
}

/* Rows of the header block of the 自评表, before the indicator rows. */
#define SCORE_HEAD_ROWS 10

/*
 * 项目支出绩效自评表 of project i (DOMAIN.md 3.8): header block (项目资金:
 * 年初预算数, 全年预算数 A, 全年执行数 B, 分值 10, 执行率 B/A, 得分; 年度总体
 * 目标), one row per 三级指标 (年度指标值, 实际完成值, 分值, 得分, 偏差原因),
 * and the 总分 row.  Consecutive equal 一级 / 二级 cells are merged.
 */
static void score_table(struct cj_rp *rp, size_t i, const struct cj_proj_score *s)
{
	const struct cj_project *p = &rp->a->perf.projects.v[i];
	const struct cj_proj_fig *pf = &rp->f->proj[i];
	size_t ni = p->indicators.n, k, r, run;
	struct cj_table *t;
	struct cj_buf line;
	char id[48], b[64];

	snprintf(id, sizeof(id), "perf-%zu-score", i + 1);
	cj_buf_init(&line, CJ_REPORT_PARA_MAX);
	cj_buf_printf(&line, "（%d年度）　　金额单位：万元", rp->year);
	t = cj_buf_err(&line) ? NULL
			      : cj_table_new(id, "", "项目支出绩效自评表", cj_buf_str(&line),
					     SCORE_HEAD_ROWS + ni + 1, 8, 0);
	cj_report_fail(rp, cj_buf_err(&line));
	cj_buf_release(&line);
	if (!t) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return;
	}
	th(t, 0, 0, 1, 1, "项目名称");
	td(t, 0, 1, 7, p->name.s);
	th(t, 1, 0, 1, 1, "主管部门");
	td(t, 1, 1, 3, cj_report_has(&rp->a->unit.parent) ? rp->a->unit.parent.s : rp->name);
	th(t, 1, 4, 1, 1, "实施单位");
	td(t, 1, 5, 3, rp->name);

	th(t, 2, 0, 5, 1, "项目资金（万元）");
	th(t, 2, 2, 1, 1, "年初预算数");
	th(t, 2, 3, 1, 1, "全年预算数（A）");
	th(t, 2, 4, 1, 1, "全年执行数（B）");
	th(t, 2, 5, 1, 1, "分值");
	th(t, 2, 6, 1, 1, "执行率（B/A）");
	th(t, 2, 7, 1, 1, "得分");
	td(t, 3, 1, 1, "年度资金总额");
	amt_amount(t, 3, 3, pf->budget);
	amt_amount(t, 3, 4, pf->exec);
	pts_cell(t, 3, 5, CJ_SCORE_EXEC_C);
	if (s->rate_known)
		pct_cell(t, 3, 6, s->exec_rate_bp);
	pts_cell(t, 3, 7, s->exec_score_c);
	td(t, 4, 1, 1, "其中：本年财政拨款");
	fig_amount(t, 4, 3, &p->budget_fiscal);
	fig_amount(t, 4, 4, &p->exec_fiscal);
	td(t, 5, 1, 1, "上年结转资金");
	td(t, 6, 1, 1, "其他资金");
	fig_amount(t, 6, 3, &p->budget_other);
	fig_amount(t, 6, 4, &p->exec_other);
	for (r = 4; r <= 6; r++)
		td(t, r, 5, 3, "—");

	th(t, 7, 0, 2, 1, "年度总体目标");
	th(t, 7, 1, 1, 3, "预期目标");
	th(t, 7, 4, 1, 4, "实际完成情况");
	td(t, 8, 1, 3, p->goal_expected.s);
	td(t, 8, 4, 4, p->goal_actual.s);

	th(t, 9, 0, 1, 1, "一级指标");
	th(t, 9, 1, 1, 1, "二级指标");
	th(t, 9, 2, 1, 1, "三级指标");
	th(t, 9, 3, 1, 1, "年度指标值");
	th(t, 9, 4, 1, 1, "实际完成值");
	th(t, 9, 5, 1, 1, "分值");
	th(t, 9, 6, 1, 1, "得分");
	th(t, 9, 7, 1, 1, "偏差原因分析及改进措施");
	for (k = 0; k < ni && k < s->nind; k++) {
		const struct cj_indicator *x = &p->indicators.v[k];
		r = SCORE_HEAD_ROWS + k;
		if (k == 0 || !same_text(&x->level1, &p->indicators.v[k - 1].level1)) {
			for (run = 1; k + run < ni && same_text(&x->level1, &p->indicators.v[k + run].level1);
			     run++)
				;
			cj_table_set(t, r, 0, x->level1.s, CJ_AL_CENTER);
			if (run > 1)
				cj_table_span(t, r, 0, run, 1);
		}
		if (k == 0 || !same_text(&x->level1, &p->indicators.v[k - 1].level1) ||
		    !same_text(&x->level2, &p->indicators.v[k - 1].level2)) {
			for (run = 1; k + run < ni &&
				      same_text(&x->level1, &p->indicators.v[k + run].level1) &&
				      same_text(&x->level2, &p->indicators.v[k + run].level2);
			     run++)
				;
			cj_table_set(t, r, 1, x->level2.s, CJ_AL_CENTER);
			if (run > 1)
				cj_table_span(t, r, 1, run, 1);
		}
		td(t, r, 2, 1, x->name.s);
		td(t, r, 3, 1, x->expected.s);
		td(t, r, 4, 1, x->actual.s);
		pts_cell(t, r, 5, s->ind[k].weight_c);
		pts_cell(t, r, 6, s->ind[k].score_c);
		td(t, r, 7, 1, x->deviation.s);
	}
	r = SCORE_HEAD_ROWS + ni;
	th(t, r, 0, 1, 5, "总分");
	pts_cell(t, r, 5, s->weight_total_c);
	pts_cell(t, r, 6, s->total_c);
	snprintf(b, sizeof(b), "自评等级：%s", s->grade);
	cj_table_set(t, r, 7, b, CJ_AL_CENTER);
	for (k = 0; k < s->ndev; k++) {
		if (s->dev[k].kind != CJ_DEV_EXEC || !s->dev[k].reason)
			continue;
		cj_buf_init(&line, CJ_REPORT_PARA_MAX);
		cj_buf_puts(&line, "预算执行率低于90%的原因：");
		cj_report_sentence(&line, s->dev[k].reason);
		cj_report_fail(rp, cj_buf_err(&line));
		cj_table_set_note(t, cj_buf_str(&line));
		cj_buf_release(&line);
	}
	t->col_width[0] = 3;
	t->col_width[2] = t->col_width[3] = t->col_width[4] = 6;
	t->col_width[7] = 6;
	cj_doc_table(rp->doc, t);
}

/*
 * 部门整体支出绩效自评 summary: one row per project (预算数, 执行数, 执行率,
 * 得分, 等级), then the department as a whole: its 一般公共预算财政拨款
 * 预算数, 决算数 and completion rate from calc/ (f->gen).
 */
static void summary_table(struct cj_rp *rp, const struct scores *sc)
{
	const struct cj_projects *ps = &rp->a->perf.projects;
	const struct cj_ftable *g = &rp->f->gen;
	size_t i, r, n = sc->n, rows = 1 + n + (g->empty ? 0 : 1);
	struct cj_table *t;
	struct cj_buf line;
	char no[24];

	cj_buf_init(&line, CJ_REPORT_PARA_MAX);
	cj_buf_printf(&line, "编制单位：%s　　　　%d年度　　　　金额单位：万元", rp->name, rp->year);
	t = cj_buf_err(&line) ? NULL
			      : cj_table_new("perf-summary", "", "部门整体支出绩效自评汇总表",
					     cj_buf_str(&line), rows, 7, 1);
	cj_report_fail(rp, cj_buf_err(&line));
	cj_buf_release(&line);
	if (!t) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return;
	}
	th(t, 0, 0, 1, 1, "序号");
	th(t, 0, 1, 1, 1, "项目名称");
	th(t, 0, 2, 1, 1, "预算数");
	th(t, 0, 3, 1, 1, "执行数");
	th(t, 0, 4, 1, 1, "执行率");
	th(t, 0, 5, 1, 1, "自评得分");
	th(t, 0, 6, 1, 1, "自评等级");
	for (i = 0; i < n; i++) {
		const struct cj_proj_score *s = &sc->v[i];
		r = 1 + i;
		snprintf(no, sizeof(no), "%zu", i + 1);
		cj_table_set(t, r, 0, no, CJ_AL_CENTER);
		td(t, r, 1, 1, ps->v[i].name.s);
		amt_amount(t, r, 2, rp->f->proj[i].budget);
		amt_amount(t, r, 3, rp->f->proj[i].exec);
		if (s->rate_known)
			pct_cell(t, r, 4, s->exec_rate_bp);
		pts_cell(t, r, 5, s->total_c);
		cj_table_set(t, r, 6, s->grade, CJ_AL_CENTER);
	}
	if (!g->empty) {
		r = 1 + n;
		th(t, r, 0, 1, 2, "部门整体（一般公共预算财政拨款支出）");
		if (g->has_budget)
			cj_table_amount(t, r, 2, g->budget);
		cj_table_amount(t, r, 3, g->actual);
		if (g->rate.known)
			pct_cell(t, r, 4, g->rate.bp);
	}
	t->col_width[0] = 2;
	t->col_width[1] = 8;
	cj_doc_table(rp->doc, t);
}

/* The lead paragraph and the summary table. */
static void dept_summary(struct cj_rp *rp, const struct scores *sc)
{
	struct cj_buf *b = &rp->b;

	cj_buf_puts(b, "本部门按项目支出绩效自评方法（预算执行率10分，产出、效益、满意度指标合计90分）对");
	cj_report_count(b, (int64_t)sc->n);
	cj_buf_puts(b, "个项目开展了绩效自评，各项目得分及等级见下表");
	if (rp->f->gen.rate.known) {
		cj_buf_printf(b, "；%d年部门整体一般公共预算财政拨款支出完成预算的", rp->year);
		cj_report_pct(b, rp->f->gen.rate.bp);
	}
	cj_buf_puts(b, "。");
	cj_report_flush(rp);
	summary_table(rp, sc);
}

/* ------------------------------------------------------------ 附件1 */

static void dept_organisation(struct cj_rp *rp)
{
	const struct cj_unit *u = &rp->a->unit;
	const struct cj_dept_eval *e = &rp->a->perf.dept;
	struct cj_buf *b = &rp->b;
	size_t i, k = 0;

	if (cj_report_has(&e->organisation)) {
		cj_report_paras(rp, NULL, &e->organisation);
	} else if (cj_report_has(&u->level) || u->departments.n) {
		cj_buf_puts(b, rp->name);
		if (cj_report_has(&u->level)) {
			cj_buf_puts(b, "属");
			cj_report_clause(b, u->level.s);
		}
		if (u->departments.n) {
			cj_buf_printf(b, "%s内设机构%zu个，即：", cj_report_has(&u->level) ? "，" : "",
				      u->departments.n);
			for (i = 0; i < u->departments.n; i++) {
				if (!cj_report_has(&u->departments.v[i]))
					continue;
				if (k++)
					cj_buf_puts(b, "、");
				cj_report_clause(b, u->departments.v[i].s);
			}
		}
		cj_buf_puts(b, "。");
		cj_report_flush(rp);
	}
	cj_report_paras(rp, NULL, &u->departments_note);
}

static void annex_dept(struct cj_rp *rp, int annex, const struct scores *sc)
{
	const struct cj_unit *u = &rp->a->unit;
	const struct cj_dept_eval *e = &rp->a->perf.dept;
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	char cn[16];
	int sec = 0, sub = 0;

	cj_report_heading(rp, 2, "附件%d %s%d年部门整体支出绩效评价报告", annex, rp->name, rp->year);

	cj_report_heading(rp, 3, "%s、部门（单位）概况", cj_report_cn(++sec, cn, sizeof(cn)));
	if (cj_report_has(&e->organisation) || cj_report_has(&u->level) || u->departments.n ||
	    cj_report_has(&u->departments_note)) {
		cj_report_heading(rp, 4, "（%s）机构组成", cj_report_cn(++sub, cn, sizeof(cn)));
		dept_organisation(rp);
	}
	if (u->functions.n) {
		cj_report_heading(rp, 4, "（%s）机构职能", cj_report_cn(++sub, cn, sizeof(cn)));
		cj_report_functions(rp);
	}
	if (u->authorized.n || u->authorized_total.set || u->staff.n || u->staff_total.set) {
		cj_report_heading(rp, 4, "（%s）人员概况", cj_report_cn(++sub, cn, sizeof(cn)));
		cj_report_staffing(rp);
	}

	cj_report_heading(rp, 3, "%s、部门财政资金收支情况", cj_report_cn(++sec, cn, sizeof(cn)));
	cj_report_heading(rp, 4, "（一）部门财政资金收入情况");
	cj_report_income_sentence(rp);
	cj_report_flush(rp);
	cj_report_heading(rp, 4, "（二）部门财政资金支出情况");
	cj_report_spending_sentence(rp);
	cj_report_flush(rp);

	if (cj_report_has(&e->budget_management) || cj_report_has(&e->result_use) ||
	    f->gen.rate.known || sc->n) {
		sub = 0;
		cj_report_heading(rp, 3, "%s、部门整体预算绩效管理情况",
				  cj_report_cn(++sec, cn, sizeof(cn)));
		if (cj_report_has(&e->budget_management) || f->gen.rate.known) {
			cj_report_heading(rp, 4, "（%s）部门预算管理", cj_report_cn(++sub, cn, sizeof(cn)));
			if (f->gen.rate.known) {
				cj_buf_printf(b, "%d年一般公共预算财政拨款支出决算", rp->year);
				cj_report_wan(b, f->gen.actual);
				cj_buf_puts(b, "万元，完成预算的");
				cj_report_pct(b, f->gen.rate.bp);
				cj_buf_puts(b, "。");
				cj_report_flush(rp);
			}
			cj_report_paras(rp, NULL, &e->budget_management);
		}
		if (cj_report_has(&e->result_use)) {
			cj_report_heading(rp, 4, "（%s）结果应用情况", cj_report_cn(++sub, cn, sizeof(cn)));
			cj_report_paras(rp, NULL, &e->result_use);
		}
		if (sc->n) {
			cj_report_heading(rp, 4, "（%s）部门整体支出绩效自评",
					  cj_report_cn(++sub, cn, sizeof(cn)));
			dept_summary(rp, sc);
		}
	}

	if (cj_report_has(&e->conclusion) || cj_report_has(&e->problems) ||
	    cj_report_has(&e->suggestions)) {
		const struct cj_text *t[3] = {&e->conclusion, &e->problems, &e->suggestions};
		static const char *const title[3] = {"评价结论", "存在问题", "改进建议"};
		int i;
		char pre[64];

		sub = 0;
		cj_report_heading(rp, 3, "%s、评价结论及建议", cj_report_cn(++sec, cn, sizeof(cn)));
		for (i = 0; i < 3; i++) {
			if (!cj_report_has(t[i]))
				continue;
			snprintf(pre, sizeof(pre), "（%s）%s：", cj_report_cn(++sub, cn, sizeof(cn)),
				 title[i]);
			cj_report_paras(rp, pre, t[i]);
		}
	}
}

/* ------------------------------------------------------------ 附件2 */

static void project_report(struct cj_rp *rp, size_t i, const struct cj_proj_score *s)
{
	const struct cj_project *p = &rp->a->perf.projects.v[i];
	const struct cj_eval_report *r = &p->report;
	const struct cj_proj_fig *pf = &rp->f->proj[i];
	struct cj_buf *b = &rp->b;
	char cn[16];
	int sec = 0, sub;

	project_word(b, report_name(p));
	cj_buf_printf(b, "%d年绩效评价报告", rp->year);
	cj_report_flush_heading(rp, 3);

	/* 一、项目概况 */
	{
		const struct part_item goal[3] = {{"项目主要内容：", &r->content},
						  {"项目应实现的具体绩效目标：", &r->target},
						  {"", &r->declaration}};
		int has_goal = any_text(goal, 3);

		if (cj_report_has(&r->basics) || has_goal || cj_report_has(&r->method)) {
			sub = 0;
			cj_report_heading(rp, 4, "%s、项目概况", cj_report_cn(++sec, cn, sizeof(cn)));
			if (cj_report_has(&r->basics)) {
				cj_report_heading(rp, 5, "（%s）项目基本情况",
						  cj_report_cn(++sub, cn, sizeof(cn)));
				cj_report_paras(rp, NULL, &r->basics);
			}
			if (has_goal) {
				size_t g;
				int n = 0;
				char pre[128];
				cj_report_heading(rp, 5, "（%s）项目绩效目标",
						  cj_report_cn(++sub, cn, sizeof(cn)));
				for (g = 0; g < 3; g++) {
					if (!cj_report_has(goal[g].text))
						continue;
					snprintf(pre, sizeof(pre), "%d.%s", ++n, goal[g].title);
					cj_report_paras(rp, pre, goal[g].text);
				}
			}
			if (cj_report_has(&r->method)) {
				cj_report_heading(rp, 5, "（%s）项目自评步骤及方法",
						  cj_report_cn(++sub, cn, sizeof(cn)));
				cj_report_paras(rp, NULL, &r->method);
			}
		}
	}

	/* 二、项目资金申报及使用情况 */
	sub = 0;
	cj_report_heading(rp, 4, "%s、项目资金申报及使用情况", cj_report_cn(++sec, cn, sizeof(cn)));
	if (pf->budget.known || cj_report_has(&r->approval)) {
		cj_report_heading(rp, 5, "（%s）项目资金申报及批复情况",
				  cj_report_cn(++sub, cn, sizeof(cn)));
		if (pf->budget.known) {
			cj_buf_puts(b, "项目资金");
			cj_report_wan(b, pf->budget.fen);
			cj_buf_puts(b, "万元");
			if (cj_report_has(&r->approval)) {
				cj_buf_puts(b, "，");
				cj_report_sentence(b, r->approval.s);
			} else {
				cj_buf_puts(b, "。");
			}
		} else {
			cj_report_sentence(b, r->approval.s);
		}
		if (pf->exec.known) {
			cj_buf_puts(b, "全年支出");
			cj_report_wan(b, pf->exec.fen);
			cj_buf_puts(b, "万元。");
		}
		cj_report_flush(rp);
	}
	cj_report_heading(rp, 5, "（%s）资金计划、到位及使用情况", cj_report_cn(++sub, cn, sizeof(cn)));
	cj_report_funds_table(rp, i);
	if (cj_report_has(&r->finance)) {
		cj_report_heading(rp, 5, "（%s）项目财务管理情况", cj_report_cn(++sub, cn, sizeof(cn)));
		cj_report_paras(rp, NULL, &r->finance);
	}

	/* 三、项目实施及管理情况 */
	{
		const struct part_item it[3] = {{"项目组织架构及实施流程", &r->organisation},
						{"项目管理情况", &r->management},
						{"项目监管情况", &r->supervision}};
		if (any_text(it, 3)) {
			cj_report_heading(rp, 4, "%s、项目实施及管理情况",
					  cj_report_cn(++sec, cn, sizeof(cn)));
			sub_items(rp, 5, it, 3);
		}
	}

	/* 四、项目绩效情况 */
	sub = 0;
	cj_report_heading(rp, 4, "%s、项目绩效情况", cj_report_cn(++sec, cn, sizeof(cn)));
	if (pf->budget.known || pf->exec.known || cj_report_has(&r->completion)) {
		cj_report_heading(rp, 5, "（%s）项目完成情况", cj_report_cn(++sub, cn, sizeof(cn)));
		budget_exec(rp, i, "该项目");
		cj_report_flush(rp);
		cj_report_paras(rp, NULL, &r->completion);
	}
	if (cj_report_has(&r->benefits)) {
		cj_report_heading(rp, 5, "（%s）项目效益情况", cj_report_cn(++sub, cn, sizeof(cn)));
		cj_report_paras(rp, NULL, &r->benefits);
	}
	if (s) {
		char v[48];
		cj_report_heading(rp, 5, "（%s）项目绩效自评结果", cj_report_cn(++sub, cn, sizeof(cn)));
		cj_buf_puts(b, "按项目支出绩效自评方法评分，该项目总分");
		cj_money_format(s->total_c, 100, 2, 0, v, sizeof(v));
		cj_buf_printf(b, "%s分（其中预算执行率得分", v);
		cj_money_format(s->exec_score_c, 100, 2, 0, v, sizeof(v));
		cj_buf_printf(b, "%s分），自评等级为“%s”", v, s->grade);
		if (s->ndev)
			cj_buf_printf(b, "，有%zu处偏差", s->ndev);
		cj_buf_puts(b, "，详见项目支出绩效自评表。");
		cj_report_flush(rp);
	}

	/* 五、评价结论及建议 */
	{
		const struct part_item it[3] = {{"评价结论", &r->conclusion},
						{"存在的问题", &r->problems},
						{"相关建议", &r->suggestions}};
		if (any_text(it, 3)) {
			cj_report_heading(rp, 4, "%s、评价结论及建议",
					  cj_report_cn(++sec, cn, sizeof(cn)));
			sub_items(rp, 5, it, 3);
		}
	}
}

void cj_report_annexes(struct cj_rp *rp)
{
	const struct cj_projects *ps = &rp->a->perf.projects;
	int dept = has_dept_eval(rp), annex = 0;
	struct scores sc;
	size_t i;
	char cn[16];

	if (!dept && !ps->n)
		return;
	scores_compute(rp, &sc);
	if (rp->err)
		return;
	cj_report_heading(rp, 1, "第%s部分 附件", cj_report_cn(++rp->part, cn, sizeof(cn)));
	if (dept)
		annex_dept(rp, ++annex, &sc);
	if (ps->n) {
		cj_report_heading(rp, 2, "附件%d 项目支出绩效目标完成情况表及项目绩效评价报告", ++annex);
		if (!dept && sc.n) {
			cj_report_heading(rp, 3, "部门整体支出绩效自评");
			dept_summary(rp, &sc);
		}
		for (i = 0; i < ps->n; i++) {
			const struct cj_proj_score *s = i < sc.n ? &sc.v[i] : NULL;
			cj_report_perf_table(rp, i);
			if (s)
				score_table(rp, i, s);
			project_report(rp, i, s);
		}
	}
	scores_release(&sc);
}
