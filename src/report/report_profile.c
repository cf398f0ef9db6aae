/*
 * report_profile.c - 第一部分 部门概况: functions, the year's key work,
 * 机构设置 and 人员情况.  The functions and the staffing sentence are also
 * printed by 附件1 (部门整体支出绩效评价报告), from here.
 *
 * Sections are numbered as they are printed, so an absent section leaves
 * no gap in 一、二、三.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/money.h"

void cj_report_functions(struct cj_rp *rp)
{
	const struct cj_texts *fn = &rp->a->unit.functions;
	size_t i, k = 0;
	char pre[32];

	for (i = 0; i < fn->n; i++) {
		if (!cj_report_has(&fn->v[i]))
			continue;
		snprintf(pre, sizeof(pre), "%zu.", ++k);
		cj_report_paras(rp, pre, &fn->v[i]);
	}
}

/* "其中：行政编制21名、事业编制8名" for a list of headcounts. */
static void headcounts(struct cj_buf *b, const struct cj_headcounts *h)
{
	size_t i, k = 0;

	for (i = 0; i < h->n; i++) {
		if (!h->v[i].count.set)
			continue;
		cj_buf_puts(b, k++ ? "、" : "，其中：");
		cj_report_clause(b, h->v[i].kind.s);
		cj_report_count(b, h->v[i].count.n);
		cj_buf_puts(b, "名");
	}
}

int cj_report_staffing(struct cj_rp *rp)
{
	const struct cj_unit *u = &rp->a->unit;
	int has_auth = u->authorized.n > 0 || u->authorized_total.set;
	int has_staff = u->staff.n > 0 || u->staff_total.set;

	if (!has_auth && !has_staff)
		return 0;
	if (has_auth) {
		cj_buf_puts(&rp->b, rp->sname);
		cj_buf_puts(&rp->b, "共有编制数");
		cj_report_count(&rp->b, rp->f->authorized);
		cj_buf_puts(&rp->b, "名");
		headcounts(&rp->b, &u->authorized);
		cj_buf_puts(&rp->b, "。");
	}
	if (has_staff) {
		cj_buf_puts(&rp->b, has_auth ? "" : rp->sname);
		cj_buf_puts(&rp->b, has_auth ? "实有人员" : "共有实有人员");
		cj_report_count(&rp->b, rp->f->staff);
		cj_buf_puts(&rp->b, "名");
		headcounts(&rp->b, &u->staff);
		cj_buf_puts(&rp->b, "。");
	}
	cj_report_flush(rp);
	return 1;
}

static void key_work(struct cj_rp *rp)
{
	const struct cj_work_items *w = &rp->a->unit.key_work;
	size_t i, k = 0;
	char pre[32];

	for (i = 0; i < w->n; i++) {
		const struct cj_work_item *it = &w->v[i];
		if (!cj_report_has(&it->title) && !cj_report_has(&it->text))
			continue;
		snprintf(pre, sizeof(pre), "%zu.", ++k);
		if (cj_report_has(&it->title)) {
			cj_buf_puts(&rp->b, pre);
			cj_report_clause(&rp->b, it->title.s);
			cj_report_flush_heading(rp, 4);
			cj_report_paras(rp, NULL, &it->text);
		} else {
			cj_report_paras(rp, pre, &it->text);
		}
	}
}

static void structure(struct cj_rp *rp)
{
	const struct cj_unit *u = &rp->a->unit;
	struct cj_buf *b = &rp->b;
	size_t i, k = 0;

	if (rp->f->sub_units.known) {
		const struct cj_count *c[3] = {&u->sub_admin, &u->sub_civil, &u->sub_public};
		static const char *const what[3] = {"行政单位", "参照公务员法管理的事业单位",
						    "其他事业单位"};
		cj_buf_puts(b, rp->sname);
		cj_buf_puts(b, "下属二级单位");
		cj_report_count(b, rp->f->sub_units.fen);
		cj_buf_puts(b, "个");
		for (i = 0; i < 3; i++) {
			if (!c[i]->set)
				continue;
			cj_buf_puts(b, k++ ? "，" : "，其中");
			cj_buf_puts(b, what[i]);
			cj_report_count(b, c[i]->n);
			cj_buf_puts(b, "个");
		}
		cj_buf_puts(b, "。");
	}
	if (cj_report_has(&u->structure_note))
		cj_report_sentence(b, u->structure_note.s);
	cj_report_flush(rp);

	cj_buf_puts(b, "纳入");
	cj_buf_puts(b, rp->sname);
	cj_buf_printf(b, "%d年度部门决算编制范围的二级预算单位包括：", rp->year);
	for (i = 0, k = 0; i < u->budget_units.n; i++) {
		if (!cj_report_has(&u->budget_units.v[i]))
			continue;
		if (k++)
			cj_buf_puts(b, "、");
		cj_report_clause(b, u->budget_units.v[i].s);
	}
	cj_buf_puts(b, k ? "。" : "（无）");
	cj_report_flush(rp);
}

void cj_report_profile(struct cj_rp *rp)
{
	const struct cj_unit *u = &rp->a->unit;
	char cn[16];
	int sec = 0, sub = 0;

	cj_report_heading(rp, 1, "第一部分 部门概况");
	if (u->functions.n || u->key_work.n) {
		cj_report_heading(rp, 2, "%s、基本职能及主要工作", cj_report_cn(++sec, cn, sizeof(cn)));
		if (u->functions.n) {
			cj_report_heading(rp, 3, "（%s）主要职能", cj_report_cn(++sub, cn, sizeof(cn)));
			cj_report_functions(rp);
		}
		if (u->key_work.n) {
			cj_report_heading(rp, 3, "（%s）%d年重点工作完成情况",
					  cj_report_cn(++sub, cn, sizeof(cn)), rp->year);
			key_work(rp);
		}
	}
	cj_report_heading(rp, 2, "%s、机构设置", cj_report_cn(++sec, cn, sizeof(cn)));
	structure(rp);
	if (u->authorized.n || u->authorized_total.set || u->staff.n || u->staff_total.set) {
		cj_report_heading(rp, 2, "%s、人员情况", cj_report_cn(++sec, cn, sizeof(cn)));
		cj_report_staffing(rp);
	}
}
