/*
 * report_tables.c - 第N部分 附表: the nine public tables (公开01表 …
 * 公开09表, layouts of DOMAIN.md 1.3) and the two performance tables of
 * each project (项目支出绩效目标完成情况表, 资金计划、到位及使用情况).
 *
 * Amounts are in 万元 (cj_table_amount).  An absent figure is an empty
 * cell, never 0.00.  Rows of the functional tables come from calc/
 * (f->gen, f->gov, f->cap: 类, then its 款, then their 项, by code).
 *
 * Ids are stable: t1 … t9, perf-N, perf-N-funds (N from 1).
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"

/* ------------------------------------------------------------ helpers */

/* "编制单位：…　　2020年度　　金额单位：万元" */
static void unit_line(const struct cj_rp *rp, struct cj_buf *b)
{
	cj_buf_printf(b, "编制单位：%s　　　　%d年度　　　　金额单位：万元", rp->name, rp->year);
}

static struct cj_table *tnew(struct cj_rp *rp, const char *id, const char *number,
			     const char *title, size_t nrows, size_t ncols, size_t header_rows)
{
	struct cj_buf line;
	struct cj_table *t;

	cj_buf_init(&line, 4096);
	unit_line(rp, &line);
	if (cj_buf_err(&line)) {
		cj_report_fail(rp, cj_buf_err(&line));
		cj_buf_release(&line);
		return NULL;
	}
	t = cj_table_new(id, number, title, cj_buf_str(&line), nrows, ncols, header_rows);
	cj_buf_release(&line);
	if (!t)
		cj_report_fail(rp, CJ_ERR_NOMEM);
	return t;
}

/* A header cell: centred, bold, optionally spanning. */
static void hdr(struct cj_table *t, size_t r, size_t c, size_t rs, size_t cs, const char *text)
{
	struct cj_cell *cell = cj_table_set(t, r, c, text, CJ_AL_CENTER);

	if (cell)
		cell->bold = 1;
	if (rs > 1 || cs > 1)
		cj_table_span(t, r, c, rs, cs);
}

static void txt(struct cj_table *t, size_t r, size_t c, const char *text)
{
	cj_table_set(t, r, c, text, CJ_AL_LEFT);
}

static void bold_txt(struct cj_table *t, size_t r, size_t c, size_t cs, const char *text)
{
	struct cj_cell *cell = cj_table_set(t, r, c, text, CJ_AL_CENTER);

	if (cell)
		cell->bold = 1;
	if (cs > 1)
		cj_table_span(t, r, c, 1, cs);
}

static void amt_cell(struct cj_table *t, size_t r, size_t c, struct cj_amt a)
{
	if (a.known)
		cj_table_amount(t, r, c, a.fen);
}

static void fig_cell(struct cj_table *t, size_t r, size_t c, const struct cj_fig *f)
{
	if (f->set)
		cj_table_amount(t, r, c, f->fen);
}

static struct cj_amt known(int64_t fen)
{
	struct cj_amt a;

	a.fen = fen;
	a.known = 1;
	return a;
}

static void count_cell(struct cj_table *t, size_t r, size_t c, size_t n)
{
	char s[32];

	snprintf(s, sizeof(s), "%zu", n);
	cj_table_set(t, r, c, s, CJ_AL_CENTER);
}

static void attach(struct cj_rp *rp, struct cj_table *t)
{
	if (t)
		cj_doc_table(rp->doc, t);
}

/* "一、name" */
static void numbered(struct cj_table *t, size_t r, size_t c, int n, const char *name)
{
	char cn[16], s[256];

	snprintf(s, sizeof(s), "%s、%s", cj_report_cn(n, cn, sizeof(cn)), name);
	txt(t, r, c, s);
}

static const char *row_label(const struct cj_row *r)
{
	return r->name ? r->name : "";
}

/* Functional rows (code, name) into columns 0 and 1. */
static void func_row(struct cj_table *t, size_t r, const struct cj_row *row)
{
	struct cj_cell *c = cj_table_set(t, r, 0, row->code, CJ_AL_LEFT);

	if (c && row->level == 1)
		c->bold = 1;
	txt(t, r, 1, row_label(row));
}

/* ------------------------------------------------------------------ T1 */

static void t1(struct cj_rp *rp)
{
	static const char *const left[CJ_INC_N] = {
		"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
		"上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"};
	const struct cj_figures *f = rp->f;
	const struct cj_income_year *iy = &rp->a->income.year[CJ_CUR];
	const struct cj_spending_year *sy = &rp->a->spending.year[CJ_CUR];
	const struct cj_ftable *all = &f->all;
	size_t nm = all->nclass, body, nrows, i, r, c;
	struct cj_table *t;

	body = nm > CJ_INC_N ? nm : CJ_INC_N;
	nrows = 2 + body + 4;
	t = tnew(rp, "t1", "公开01表", "收入支出决算总表", nrows, 6, 2);
	if (!t)
		return;
	hdr(t, 0, 0, 1, 3, "收入");
	hdr(t, 0, 3, 1, 3, "支出");
	hdr(t, 1, 0, 1, 1, "项目");
	hdr(t, 1, 1, 1, 1, "行次");
	hdr(t, 1, 2, 1, 1, "决算数");
	hdr(t, 1, 3, 1, 1, "项目");
	hdr(t, 1, 4, 1, 1, "行次");
	hdr(t, 1, 5, 1, 1, "决算数");
	for (i = 0; i < body + 4; i++) {
		count_cell(t, 2 + i, 1, i + 1);
		count_cell(t, 2 + i, 4, body + 4 + i + 1);
	}
	for (i = 0; i < CJ_INC_N; i++) {
		numbered(t, 2 + i, 0, (int)i + 1, left[i]);
		amt_cell(t, 2 + i, 2, f->inc_src[CJ_CUR][i]);
	}
	/* the 类 rows of all funds: T1's spending side covers all spending */
	for (i = 0, c = 0; i < all->n; i++) {
		const struct cj_row *row = &all->rows[i];
		if (row->level != 1)
			continue;
		numbered(t, 2 + c, 3, (int)c + 1, row->name ? row->name : row->code);
		cj_table_amount(t, 2 + c, 5, row->actual);
		c++;
	}
	r = 2 + body;
	bold_txt(t, r, 0, 1, "本年收入合计");
	amt_cell(t, r, 2, f->inc_total[CJ_CUR]);
	bold_txt(t, r, 3, 1, "本年支出合计");
	amt_cell(t, r, 5, f->sp_total[CJ_CUR]);
	r++;
	txt(t, r, 0, "使用非财政拨款结余");
	fig_cell(t, r, 2, &iy->use_nonfiscal);
	txt(t, r, 3, "结余分配");
	fig_cell(t, r, 5, &sy->distribution);
	r++;
	txt(t, r, 0, "年初结转和结余");
	fig_cell(t, r, 2, &iy->opening);
	txt(t, r, 3, "年末结转和结余");
	fig_cell(t, r, 5, &sy->closing);
	r++;
	bold_txt(t, r, 0, 1, "总计");
	amt_cell(t, r, 2, f->inc_grand[CJ_CUR]);
	bold_txt(t, r, 3, 1, "总计");
	amt_cell(t, r, 5, f->sp_grand[CJ_CUR]);
	t->col_width[0] = t->col_width[3] = 10;
	t->col_width[1] = t->col_width[4] = 2;
	attach(rp, t);
}

/* ------------------------------------------------------------------ T2 */

static void t2(struct cj_rp *rp)
{
	static const char *const col[7] = {"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
					   "经营收入", "附属单位上缴收入", "其他收入"};
	static const int src[5] = {CJ_INC_SUPERIOR, CJ_INC_BUSINESS, CJ_INC_OPERATING,
				   CJ_INC_SUBSIDIARY, CJ_INC_OTHER};
	const struct cj_figures *f = rp->f;
	struct cj_table *t = tnew(rp, "t2", "公开02表", "收入决算表", 3, 9, 2);
	size_t i;

	if (!t)
		return;
	hdr(t, 0, 0, 1, 2, "项目");
	hdr(t, 1, 0, 1, 1, "科目编码");
	hdr(t, 1, 1, 1, 1, "科目名称");
	for (i = 0; i < 7; i++)
		hdr(t, 0, 2 + i, 2, 1, col[i]);
	bold_txt(t, 2, 0, 2, "合计");
	amt_cell(t, 2, 2, f->inc_total[CJ_CUR]);
	amt_cell(t, 2, 3, f->fiscal_income[CJ_CUR]);
	for (i = 0; i < 5; i++)
		amt_cell(t, 2, 4 + i, f->inc_src[CJ_CUR][src[i]]);
	t->col_width[1] = 10;
	attach(rp, t);
}

/* ------------------------------------------------------------------ T3 */

static void t3(struct cj_rp *rp)
{
	static const char *const col[6] = {"本年支出合计", "基本支出", "项目支出", "上缴上级支出",
					   "经营支出", "对附属单位补助支出"};
	const struct cj_figures *f = rp->f;
	const struct cj_ftable *all = &f->all;
	size_t n = all->n, i, r = 3;
	struct cj_table *t = tnew(rp, "t3", "公开03表", "支出决算表", 3 + n, 8, 2);

	if (!t)
		return;
	hdr(t, 0, 0, 1, 2, "项目");
	hdr(t, 1, 0, 1, 1, "科目编码");
	hdr(t, 1, 1, 1, 1, "科目名称");
	for (i = 0; i < 6; i++)
		hdr(t, 0, 2 + i, 2, 1, col[i]);
	bold_txt(t, 2, 0, 2, "合计");
	amt_cell(t, 2, 2, f->sp_total[CJ_CUR]);
	for (i = 0; i < CJ_SP_N; i++)
		amt_cell(t, 2, 3 + i, f->sp_kind[CJ_CUR][i]);
	/* rows by function over every source of funds (T3 covers all spending) */
	for (i = 0; i < n; i++, r++) {
		const struct cj_row *row = &all->rows[i];
		func_row(t, r, row);
		cj_table_amount(t, r, 2, row->actual);
		cj_table_amount(t, r, 3, row->basic);
		cj_table_amount(t, r, 4, row->project);
	}
	t->col_width[1] = 12;
	attach(rp, t);
}

/* ------------------------------------------------------------------ T4 */

static void t4(struct cj_rp *rp)
{
	static const char *const left[3] = {"一般公共预算财政拨款", "政府性基金预算财政拨款",
					    "国有资本经营预算财政拨款"};
	const struct cj_figures *f = rp->f;
	const struct cj_fiscal_year *fy = &rp->a->fiscal.year[CJ_CUR];
	const struct cj_ftable *ft[3] = {&f->gen, &f->gov, &f->cap};
	const struct cj_fclass *m = f->fclass;
	size_t nm = f->nfclass, body, i, k, r;
	struct cj_table *t;

	body = nm > 3 ? nm : 3;
	t = tnew(rp, "t4", "公开04表", "财政拨款收入支出决算总表", 2 + body + 3, 9, 2);
	if (!t)
		return;
	hdr(t, 0, 0, 1, 3, "收入");
	hdr(t, 0, 3, 1, 6, "支出");
	hdr(t, 1, 0, 1, 1, "项目");
	hdr(t, 1, 1, 1, 1, "行次");
	hdr(t, 1, 2, 1, 1, "金额");
	hdr(t, 1, 3, 1, 1, "项目");
	hdr(t, 1, 4, 1, 1, "行次");
	hdr(t, 1, 5, 1, 1, "合计");
	for (k = 0; k < 3; k++)
		hdr(t, 1, 6 + k, 1, 1, left[k]);
	for (i = 0; i < body + 3; i++) {
		count_cell(t, 2 + i, 1, i + 1);
		count_cell(t, 2 + i, 4, body + 3 + i + 1);
	}
	for (i = 0; i < 3; i++) {
		numbered(t, 2 + i, 0, (int)i + 1, left[i]);
		amt_cell(t, 2 + i, 2, f->inc_src[CJ_CUR][i]);
	}
	for (i = 0; i < nm; i++) {
		numbered(t, 2 + i, 3, (int)i + 1, m[i].name ? m[i].name : m[i].code);
		cj_table_amount(t, 2 + i, 5, m[i].total);
		for (k = 0; k < 3; k++)
			if (m[i].has[k])
				cj_table_amount(t, 2 + i, 6 + k, m[i].fund[k]);
	}
	r = 2 + body;
	bold_txt(t, r, 0, 1, "本年收入合计");
	amt_cell(t, r, 2, f->fiscal_income[CJ_CUR]);
	bold_txt(t, r, 3, 1, "本年支出合计");
	amt_cell(t, r, 5, f->fiscal_spending[CJ_CUR]);
	amt_cell(t, r, 6, f->gen_chg.cur);
	for (k = 1; k < 3; k++)
		if (!ft[k]->empty)
			cj_table_amount(t, r, 6 + k, ft[k]->actual);
	r++;
	txt(t, r, 0, "年初财政拨款结转和结余");
	fig_cell(t, r, 2, &fy->opening);
	txt(t, r, 3, "年末财政拨款结转和结余");
	fig_cell(t, r, 5, &fy->closing);
	r++;
	bold_txt(t, r, 0, 1, "总计");
	amt_cell(t, r, 2, f->fiscal_in_grand[CJ_CUR]);
	bold_txt(t, r, 3, 1, "总计");
	amt_cell(t, r, 5, f->fiscal_out_grand[CJ_CUR]);
	t->col_width[0] = t->col_width[3] = 10;
	t->col_width[1] = t->col_width[4] = 2;
	attach(rp, t);
}

/* ------------------------------------------------------- T5, T9 */

/* 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 over one fund table. */
static void spend_table(struct cj_rp *rp, const char *id, const char *number, const char *title,
			const struct cj_ftable *ft, int none_table)
{
	struct cj_table *t = tnew(rp, id, number, title, 3 + ft->n, 5, 2);
	size_t i;

	if (!t)
		return;
	hdr(t, 0, 0, 1, 2, "项目");
	hdr(t, 0, 2, 1, 3, "本年支出");
	hdr(t, 1, 0, 1, 1, "科目编码");
	hdr(t, 1, 1, 1, 1, "科目名称");
	hdr(t, 1, 2, 1, 1, "合计");
	hdr(t, 1, 3, 1, 1, "基本支出");
	hdr(t, 1, 4, 1, 1, "项目支出");
	bold_txt(t, 2, 0, 2, "合计");
	if (!ft->empty) {
		amt_cell(t, 2, 2, known(ft->actual));
		amt_cell(t, 2, 3, known(ft->basic));
		amt_cell(t, 2, 4, known(ft->project));
	}
	for (i = 0; i < ft->n; i++) {
		const struct cj_row *row = &ft->rows[i];
		func_row(t, 3 + i, row);
		cj_table_amount(t, 3 + i, 2, row->actual);
		cj_table_amount(t, 3 + i, 3, row->basic);
		cj_table_amount(t, 3 + i, 4, row->project);
	}
	if (ft->empty && none_table) {
		struct cj_buf b;
		cj_buf_init(&b, CJ_REPORT_PARA_MAX);
		cj_report_none_reason(rp, none_table, &b);
		cj_report_fail(rp, cj_buf_err(&b));
		cj_table_set_note(t, cj_buf_str(&b));
		cj_buf_release(&b);
	} else if (ft->empty && !none_table && cj_report_has(&rp->a->general.none_reason)) {
		cj_table_set_note(t, rp->a->general.none_reason.s);
	}
	t->col_width[1] = 14;
	attach(rp, t);
}

/* ------------------------------------------------------------------ T6 */

struct erow {
	const char *code;
	const char *name;
	const struct cj_fig *amount; /* NULL on a 类 row */
};

static int cmp_econ(const void *x, const void *y)
{
	const struct cj_econ_item *a = *(const struct cj_econ_item *const *)x;
	const struct cj_econ_item *b = *(const struct cj_econ_item *const *)y;

	return strcmp(a->code.s, b->code.s); /* codes are fixed-length digit strings */
}

static const char *econ_name(const struct cj_rp *rp, const char *code, const struct cj_text *own)
{
	const char *n = rp->codes ? cj_codes_name(rp->codes, CJ_CODE_ECON, code, rp->year) : NULL;

	if (n)
		return n;
	return own && cj_report_has(own) ? own->s : "";
}

/*
 * One panel (personnel or public) as rows: a 类 row before the first 款 of
 * each class, then the 款 in code order.  `codes3` holds the class codes
 * (4 bytes each).  Returns the number of rows written to `out`.
 */
static size_t econ_panel(struct cj_rp *rp, int personnel, struct erow *out, char (*codes3)[4])
{
	const struct cj_econ_items *it = &rp->a->basic.items;
	const struct cj_econ_item **ix;
	size_t n = 0, i, nr = 0, nc = 0;

	ix = cj_calloc(it->n ? it->n : 1, sizeof(*ix));
	if (!ix) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return 0;
	}
	for (i = 0; i < it->n; i++)
		if (it->v[i].code.s && strlen(it->v[i].code.s) >= 3 &&
		    cj_calc_is_personnel(it->v[i].code.s) == personnel)
			ix[n++] = &it->v[i];
	qsort(ix, n, sizeof(*ix), cmp_econ);
	for (i = 0; i < n; i++) {
		const struct cj_econ_item *e = ix[i];
		if (!nc || strncmp(codes3[nc - 1], e->code.s, 3) != 0) {
			memcpy(codes3[nc], e->code.s, 3);
			codes3[nc][3] = '\0';
			out[nr].code = codes3[nc];
			out[nr].name = econ_name(rp, codes3[nc], NULL);
			out[nr].amount = NULL;
			nr++;
			nc++;
		}
		out[nr].code = e->code.s;
		out[nr].name = econ_name(rp, e->code.s, &e->name);
		out[nr].amount = &e->amount;
		nr++;
	}
	cj_free(ix);
	return nr;
}

static void t6(struct cj_rp *rp)
{
	size_t n = rp->a->basic.items.n, np, nq, body, i;
	struct erow *p = cj_calloc(2 * n + 1, sizeof(*p));
	struct erow *q = cj_calloc(2 * n + 1, sizeof(*q));
	char(*c3p)[4] = cj_calloc(n + 1, sizeof(*c3p));
	char(*c3q)[4] = cj_calloc(n + 1, sizeof(*c3q));
	struct cj_table *t = NULL;

	if (!p || !q || !c3p || !c3q) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		goto out;
	}
	np = econ_panel(rp, 1, p, c3p);
	nq = econ_panel(rp, 0, q, c3q);
	body = np > nq ? np : nq;
	t = tnew(rp, "t6", "公开06表", "一般公共预算财政拨款基本支出决算表", 2 + body + 1, 6, 2);
	if (!t)
		goto out;
	hdr(t, 0, 0, 1, 3, "人员经费");
	hdr(t, 0, 3, 1, 3, "公用经费");
	for (i = 0; i < 2; i++) {
		hdr(t, 1, 3 * i, 1, 1, "科目编码");
		hdr(t, 1, 3 * i + 1, 1, 1, "科目名称");
		hdr(t, 1, 3 * i + 2, 1, 1, "决算数");
	}
	for (i = 0; i < body; i++) {
		const struct erow *side[2] = {i < np ? &p[i] : NULL, i < nq ? &q[i] : NULL};
		size_t s;
		for (s = 0; s < 2; s++) {
			struct cj_cell *c;
			if (!side[s])
				continue;
			c = cj_table_set(t, 2 + i, 3 * s, side[s]->code, CJ_AL_LEFT);
			if (c && !side[s]->amount)
				c->bold = 1;
			txt(t, 2 + i, 3 * s + 1, side[s]->name);
			if (side[s]->amount)
				fig_cell(t, 2 + i, 3 * s + 2, side[s]->amount);
		}
	}
	bold_txt(t, 2 + body, 0, 2, "人员经费合计");
	amt_cell(t, 2 + body, 2, rp->f->personnel);
	bold_txt(t, 2 + body, 3, 2, "公用经费合计");
	amt_cell(t, 2 + body, 5, rp->f->public_);
	t->col_width[1] = t->col_width[4] = 12;
	attach(rp, t);
out:
	cj_free(p);
	cj_free(q);
	cj_free(c3p);
	cj_free(c3q);
}

/* ------------------------------------------------------------------ T7 */

static void t7(struct cj_rp *rp)
{
	static const int order[6] = {CJ_SGD_TOTAL,     CJ_SGD_ABROAD,   CJ_SGD_VEHICLE,
				     CJ_SGD_VPURCHASE, CJ_SGD_VRUNNING, CJ_SGD_RECEPTION};
	const struct cj_figures *f = rp->f;
	struct cj_table *t = tnew(rp, "t7", "公开07表", "一般公共预算财政拨款“三公”经费支出决算表",
				  4, 12, 3);
	size_t g, i;

	if (!t)
		return;
	for (g = 0; g < 2; g++) {
		size_t c = 6 * g;
		hdr(t, 0, c, 1, 6, g ? "决算数" : "预算数");
		hdr(t, 1, c, 2, 1, "合计");
		hdr(t, 1, c + 1, 2, 1, "因公出国（境）费");
		hdr(t, 1, c + 2, 1, 3, "公务用车购置及运行费");
		hdr(t, 2, c + 2, 1, 1, "小计");
		hdr(t, 2, c + 3, 1, 1, "公务用车购置费");
		hdr(t, 2, c + 4, 1, 1, "公务用车运行费");
		hdr(t, 1, c + 5, 2, 1, "公务接待费");
		for (i = 0; i < 6; i++)
			amt_cell(t, 3, c + i, g ? f->sg_actual[order[i]] : f->sg_budget[order[i]]);
	}
	attach(rp, t);
}

/* ------------------------------------------------------------------ T8 */

static void t8(struct cj_rp *rp)
{
	const struct cj_ftable *ft = &rp->f->gov;
	struct cj_table *t = tnew(rp, "t8", "公开08表", "政府性基金预算财政拨款收入支出决算表",
				  3 + ft->n, 8, 2);
	size_t i;

	if (!t)
		return;
	hdr(t, 0, 0, 1, 2, "项目");
	hdr(t, 1, 0, 1, 1, "科目编码");
	hdr(t, 1, 1, 1, 1, "科目名称");
	hdr(t, 0, 2, 2, 1, "年初结转和结余");
	hdr(t, 0, 3, 2, 1, "本年收入");
	hdr(t, 0, 4, 1, 3, "本年支出");
	hdr(t, 1, 4, 1, 1, "小计");
	hdr(t, 1, 5, 1, 1, "基本支出");
	hdr(t, 1, 6, 1, 1, "项目支出");
	hdr(t, 0, 7, 2, 1, "年末结转和结余");
	bold_txt(t, 2, 0, 2, "合计");
	if (!ft->empty) {
		cj_table_amount(t, 2, 2, ft->opening);
		cj_table_amount(t, 2, 3, ft->income);
		cj_table_amount(t, 2, 4, ft->actual);
		cj_table_amount(t, 2, 5, ft->basic);
		cj_table_amount(t, 2, 6, ft->project);
		cj_table_amount(t, 2, 7, ft->closing);
	}
	for (i = 0; i < ft->n; i++) {
		const struct cj_row *row = &ft->rows[i];
		func_row(t, 3 + i, row);
		cj_table_amount(t, 3 + i, 2, row->opening);
		cj_table_amount(t, 3 + i, 3, row->income);
		cj_table_amount(t, 3 + i, 4, row->actual);
		cj_table_amount(t, 3 + i, 5, row->basic);
		cj_table_amount(t, 3 + i, 6, row->project);
		cj_table_amount(t, 3 + i, 7, row->closing);
	}
	if (ft->empty) {
		struct cj_buf b;
		cj_buf_init(&b, CJ_REPORT_PARA_MAX);
		cj_report_none_reason(rp, 8, &b);
		cj_report_fail(rp, cj_buf_err(&b));
		cj_table_set_note(t, cj_buf_str(&b));
		cj_buf_release(&b);
	}
	t->col_width[1] = 12;
	attach(rp, t);
}

void cj_report_tables(struct cj_rp *rp)
{
	char cn[16];

	cj_report_heading(rp, 1, "第%s部分 附表", cj_report_cn(++rp->part, cn, sizeof(cn)));
	t1(rp);
	t2(rp);
	t3(rp);
	t4(rp);
	spend_table(rp, "t5", "公开05表", "一般公共预算财政拨款支出决算表", &rp->f->gen, 0);
	t6(rp);
	t7(rp);
	t8(rp);
	spend_table(rp, "t9", "公开09表", "国有资本经营预算财政拨款支出决算表", &rp->f->cap, 9);
}

/* ------------------------------------------------- performance tables */

static void set_id(char *buf, size_t cap, size_t i, const char *suffix)
{
	snprintf(buf, cap, "perf-%zu%s", i + 1, suffix);
}

void cj_report_perf_table(struct cj_rp *rp, size_t i)
{
	const struct cj_project *p = &rp->a->perf.projects.v[i];
	const struct cj_proj_fig *pf = &rp->f->proj[i];
	size_t ni = p->indicators.n, k;
	struct cj_table *t;
	char id[48], yr[32];

	set_id(id, sizeof(id), i, "");
	snprintf(yr, sizeof(yr), "（%d年度）", rp->year);
	t = cj_table_new(id, "", "项目支出绩效目标完成情况表", yr, 8 + ni, 6, 0);
	if (!t) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return;
	}
	hdr(t, 0, 0, 1, 1, "项目名称");
	txt(t, 0, 1, p->name.s);
	cj_table_span(t, 0, 1, 1, 5);
	hdr(t, 1, 0, 1, 1, "预算单位");
	txt(t, 1, 1, rp->name);
	cj_table_span(t, 1, 1, 1, 5);

	hdr(t, 2, 0, 3, 1, "预算执行情况（万元）");
	txt(t, 2, 1, "预算数：");
	amt_cell(t, 2, 2, pf->budget);
	cj_table_span(t, 2, 2, 1, 2);
	txt(t, 2, 4, "执行数：");
	amt_cell(t, 2, 5, pf->exec);
	txt(t, 3, 1, "其中－财政拨款：");
	fig_cell(t, 3, 2, &p->budget_fiscal);
	cj_table_span(t, 3, 2, 1, 2);
	txt(t, 3, 4, "其中－财政拨款：");
	fig_cell(t, 3, 5, &p->exec_fiscal);
	txt(t, 4, 1, "其它资金：");
	fig_cell(t, 4, 2, &p->budget_other);
	cj_table_span(t, 4, 2, 1, 2);
	txt(t, 4, 4, "其它资金：");
	fig_cell(t, 4, 5, &p->exec_other);

	hdr(t, 5, 0, 2, 1, "年度目标完成情况");
	hdr(t, 5, 1, 1, 3, "预期目标");
	hdr(t, 5, 4, 1, 2, "实际完成目标");
	txt(t, 6, 1, p->goal_expected.s);
	cj_table_span(t, 6, 1, 1, 3);
	txt(t, 6, 4, p->goal_actual.s);
	cj_table_span(t, 6, 4, 1, 2);

	hdr(t, 7, 0, 1 + ni, 1, "绩效指标完成情况");
	hdr(t, 7, 1, 1, 1, "一级指标");
	hdr(t, 7, 2, 1, 1, "二级指标");
	hdr(t, 7, 3, 1, 1, "三级指标");
	hdr(t, 7, 4, 1, 1, "预期指标值（包含数字及文字描述）");
	hdr(t, 7, 5, 1, 1, "实际完成指标值（包含数字及文字描述）");
	for (k = 0; k < ni; k++) {
		const struct cj_indicator *x = &p->indicators.v[k];
		txt(t, 8 + k, 1, x->level1.s);
		txt(t, 8 + k, 2, x->level2.s);
		txt(t, 8 + k, 3, x->name.s);
		txt(t, 8 + k, 4, x->expected.s);
		txt(t, 8 + k, 5, x->actual.s);
	}
	t->col_width[0] = 4;
	t->col_width[4] = t->col_width[5] = 8;
	attach(rp, t);
}

void cj_report_funds_table(struct cj_rp *rp, size_t i)
{
	const struct cj_project *p = &rp->a->perf.projects.v[i];
	const struct cj_proj_fig *pf = &rp->f->proj[i];
	struct cj_table *t;
	struct cj_buf line;
	char id[48];

	set_id(id, sizeof(id), i, "-funds");
	cj_buf_init(&line, CJ_REPORT_PARA_MAX);
	cj_buf_puts(&line, "项目名称：");
	cj_report_clause(&line, p->name.s);
	cj_buf_puts(&line, "　　　　单位：万元");
	t = cj_buf_err(&line) ? NULL
			      : cj_table_new(id, "", "资金计划、到位及使用情况", cj_buf_str(&line), 5, 6, 2);
	cj_report_fail(rp, cj_buf_err(&line));
	cj_buf_release(&line);
	if (!t) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return;
	}
	hdr(t, 0, 0, 2, 1, "资金来源");
	hdr(t, 0, 1, 2, 1, "资金计划");
	hdr(t, 0, 2, 1, 2, "资金到位");
	hdr(t, 0, 4, 1, 2, "资金使用");
	hdr(t, 1, 2, 1, 1, "金额");
	hdr(t, 1, 3, 1, 1, "比率");
	hdr(t, 1, 4, 1, 1, "金额");
	hdr(t, 1, 5, 1, 1, "比率");
	txt(t, 2, 0, "财政资金");
	fig_cell(t, 2, 1, &p->budget_fiscal);
	fig_cell(t, 2, 4, &p->exec_fiscal);
	txt(t, 3, 0, "其他资金");
	fig_cell(t, 3, 1, &p->budget_other);
	fig_cell(t, 3, 4, &p->exec_other);
	bold_txt(t, 4, 0, 1, "合计");
	amt_cell(t, 4, 1, pf->budget);
	amt_cell(t, 4, 4, pf->exec);
	if (pf->rate.known) {
		char s[32];
		cj_pct_format(pf->rate.bp, s, sizeof(s));
		cj_table_set(t, 4, 5, s, CJ_AL_RIGHT);
	}
	if (cj_report_has(&p->report.low_rate_reason)) {
		struct cj_buf b;
		cj_buf_init(&b, CJ_REPORT_PARA_MAX);
		cj_buf_puts(&b, "资金使用比率低的说明：");
		cj_report_sentence(&b, p->report.low_rate_reason.s);
		cj_report_fail(rp, cj_buf_err(&b));
		cj_table_set_note(t, cj_buf_str(&b));
		cj_buf_release(&b);
	}
	attach(rp, t);
}
