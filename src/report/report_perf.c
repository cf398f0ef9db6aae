/*
 * report_perf.c - 预算绩效管理: 第二部分 十（四） and 第四部分 附件
 * (附件1 部门整体支出绩效评价报告, 附件2 项目支出绩效目标完成情况表 and
 * each project's evaluation report in five parts).
 *
 * The figures (预算数, 执行数, 完成预算%) come from calc/ (f->proj), the
 * prose from the dataset's report fields.  A sub-heading whose text is
 * absent is left out and the numbering closes up; no boilerplate is
 * printed in place of missing text.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

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

static void annex_dept(struct cj_rp *rp, int annex)
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
	    f->gen.rate.known) {
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

static void project_report(struct cj_rp *rp, size_t i)
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
	size_t i;
	char cn[16];

	if (!dept && !ps->n)
		return;
	cj_report_heading(rp, 1, "第%s部分 附件", cj_report_cn(++rp->part, cn, sizeof(cn)));
	if (dept)
		annex_dept(rp, ++annex);
	if (ps->n) {
		cj_report_heading(rp, 2, "附件%d 项目支出绩效目标完成情况表及项目绩效评价报告", ++annex);
		for (i = 0; i < ps->n; i++) {
			cj_report_perf_table(rp, i);
			project_report(rp, i);
		}
	}
}
