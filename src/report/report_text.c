/*
 * report_text.c - 第二部分 {year}年度部门决算情况说明, sections 一 … 十
 * (十（四） 预算绩效管理 is report_perf.c).
 *
 * 七 (三公) is report_sangong.c.
 *
 * Sentence patterns follow the unit's own 2020 report, with its errors
 * corrected: 收入总计 and 支出总计 are not confused with 本年支出合计, a
 * 三公 item's 占比 is its share of the 三公 total (not its completion rate),
 * and every figure is the derived one from calc/.
 *
 * Absent data drops its sentence; a zero is printed only when the data
 * says zero.
 */
#include "report_int.h"

#include <string.h>

static const char *const income_name[CJ_INC_N] = {
	"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
	"上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"};

static const char *const spend_name[CJ_SP_N] = {"基本支出", "项目支出", "上缴上级支出", "经营支出",
						"对附属单位补助支出"};

/* A change sentence ending in 。 followed by its reasons; nothing when unknown. */
static void change_and_reasons(struct cj_rp *rp, const struct cj_chg *c, const char *noun,
			       const char *kind, enum cj_chg_style style,
			       const struct cj_reasons *r, const char *lead)
{
	if (!cj_report_change(&rp->b, rp, c, noun, kind, style))
		return;
	cj_buf_puts(&rp->b, "。");
	if (r && c->delta != 0)
		cj_report_reasons(&rp->b, r, lead);
}

/* ------------------------------------------------------ 一 总体情况 */

static void sec_overall(struct cj_rp *rp)
{
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;

	cj_report_heading(rp, 2, "一、收入支出决算总体情况说明");
	if (f->inc_grand[CJ_CUR].known || f->sp_grand[CJ_CUR].known) {
		cj_buf_printf(b, "%d年度", rp->year);
		if (f->inc_grand[CJ_CUR].known) {
			cj_buf_puts(b, "收入总计");
			cj_report_amt(b, f->inc_grand[CJ_CUR].fen);
		}
		if (f->sp_grand[CJ_CUR].known) {
			cj_buf_puts(b, f->inc_grand[CJ_CUR].known ? "，支出总计" : "支出总计");
			cj_report_amt(b, f->sp_grand[CJ_CUR].fen);
		}
		cj_buf_puts(b, "。");
		change_and_reasons(rp, &f->inc_grand_chg, "收入总计", "收入", CJ_CHG_WITH,
				   &rp->a->income.reasons, "主要变动原因是");
		cj_report_flush(rp);
	}
	if (f->sp_total[CJ_CUR].known) {
		cj_buf_printf(b, "%d年本年支出合计", rp->year);
		cj_report_amt(b, f->sp_total[CJ_CUR].fen);
		cj_buf_puts(b, "。");
		change_and_reasons(rp, &f->sp_total_chg, "本年支出合计", "支出", CJ_CHG_WITH,
				   &rp->a->spending.reasons, "主要变动原因是");
		cj_report_flush(rp);
	}
	cj_report_chart(rp, 1);
}

/* ------------------------------------------------- 二 收入, 三 支出 */

void cj_report_income_sentence(struct cj_rp *rp)
{
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	int i, k = 0;

	if (!f->inc_total[CJ_CUR].known)
		return;
	cj_buf_printf(b, "%d年本年收入合计", rp->year);
	cj_report_amt(b, f->inc_total[CJ_CUR].fen);
	for (i = 0; i < CJ_INC_N; i++) {
		if (!f->inc_src[CJ_CUR][i].known)
			continue;
		cj_buf_puts(b, k++ ? "；" : "，其中：");
		cj_buf_puts(b, income_name[i]);
		cj_report_amt(b, f->inc_src[CJ_CUR][i].fen);
		if (f->inc_share_ok) {
			cj_buf_puts(b, "，占");
			cj_report_pct(b, f->inc_share_bp[i]);
		}
	}
	cj_buf_puts(b, "。");
}

void cj_report_spending_sentence(struct cj_rp *rp)
{
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	int i, k = 0;

	if (!f->sp_total[CJ_CUR].known)
		return;
	cj_buf_printf(b, "%d年本年支出合计", rp->year);
	cj_report_amt(b, f->sp_total[CJ_CUR].fen);
	for (i = 0; i < CJ_SP_N; i++) {
		if (!f->sp_kind[CJ_CUR][i].known)
			continue;
		cj_buf_puts(b, k++ ? "；" : "，其中：");
		cj_buf_puts(b, spend_name[i]);
		cj_report_amt(b, f->sp_kind[CJ_CUR][i].fen);
		if (f->sp_share_ok) {
			cj_buf_puts(b, "，占");
			cj_report_pct(b, f->sp_share_bp[i]);
		}
	}
	cj_buf_puts(b, "。");
}

static void sec_income(struct cj_rp *rp)
{
	cj_report_heading(rp, 2, "二、收入决算情况说明");
	cj_report_income_sentence(rp);
	cj_report_flush(rp);
	cj_report_note(rp, &rp->a->income.note);
	cj_report_chart(rp, 2);
}

static void sec_spending(struct cj_rp *rp)
{
	cj_report_heading(rp, 2, "三、支出决算情况说明");
	cj_report_spending_sentence(rp);
	cj_report_flush(rp);
	cj_report_note(rp, &rp->a->spending.note);
	cj_report_chart(rp, 3);
}

/* ----------------------------------------------------- 四 财政拨款 */

static void sec_fiscal(struct cj_rp *rp)
{
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;

	cj_report_heading(rp, 2, "四、财政拨款收入支出决算总体情况说明");
	if (f->fiscal_income[CJ_CUR].known) {
		cj_buf_printf(b, "%d年财政拨款收入", rp->year);
		cj_report_amt(b, f->fiscal_income[CJ_CUR].fen);
		cj_buf_puts(b, "。");
		change_and_reasons(rp, &f->fiscal_income_chg, "财政拨款收入", "收入", CJ_CHG_WITH,
				   &rp->a->fiscal.income_reasons, "主要变动原因是");
		cj_report_flush(rp);
	}
	if (f->fiscal_spending[CJ_CUR].known) {
		cj_buf_printf(b, "%d年财政拨款支出", rp->year);
		cj_report_amt(b, f->fiscal_spending[CJ_CUR].fen);
		cj_buf_puts(b, "。");
		change_and_reasons(rp, &f->fiscal_spending_chg, "财政拨款支出", "支出", CJ_CHG_WITH,
				   &rp->a->fiscal.spending_reasons, "主要变动原因是");
		cj_report_flush(rp);
	}
	cj_report_note(rp, &rp->a->fiscal.note);
	cj_report_chart(rp, 4);
}

/* --------------------------------------------- 五 一般公共预算财政拨款 */

/* Name of a row, or its code when no name is known. */
static const char *row_label(const struct cj_row *r)
{
	return r->name ? r->name : r->code;
}

static void item_para(struct cj_rp *rp, size_t n, const struct cj_row *cls,
		      const struct cj_row *kuan, const struct cj_row *r)
{
	struct cj_buf *b = &rp->b;

	cj_buf_printf(b, "%zu.", n);
	if (cls) {
		cj_buf_puts(b, row_label(cls));
		cj_buf_puts(b, "（类）");
	}
	if (kuan) {
		cj_buf_puts(b, row_label(kuan));
		cj_buf_puts(b, "（款）");
	}
	cj_buf_puts(b, row_label(r));
	cj_buf_puts(b, "（项）：支出决算为");
	cj_report_amt(b, r->actual);
	if (r->rate.known) {
		cj_buf_puts(b, "，完成预算");
		cj_report_pct(b, r->rate.bp);
	}
	/* the reason sentence ends with its own 。 */
	if (!r->rate.known || r->actual == r->budget || !r->item ||
	    !cj_report_reasons(b, &r->item->reasons,
			       r->actual > r->budget ? "，决算数大于预算数的主要原因是"
						     : "，决算数小于预算数的主要原因是"))
		cj_buf_puts(b, "。");
	cj_report_flush(rp);
}

static void general_detail(struct cj_rp *rp)
{
	const struct cj_ftable *t = &rp->f->gen;
	const struct cj_row *cls = NULL, *kuan = NULL;
	size_t i, n = 0;

	for (i = 0; i < t->n; i++) {
		const struct cj_row *r = &t->rows[i];
		if (r->level == 1) {
			cls = r;
			kuan = NULL;
		} else if (r->level == 2) {
			kuan = r;
		} else {
			item_para(rp, ++n, cls, kuan, r);
		}
	}
}

static void sec_general(struct cj_rp *rp)
{
	const struct cj_figures *f = rp->f;
	const struct cj_fund_spending *g = &rp->a->general;
	struct cj_buf *b = &rp->b;
	size_t i, k = 0;

	cj_report_heading(rp, 2, "五、一般公共预算财政拨款支出决算情况说明");

	cj_report_heading(rp, 3, "（一）一般公共预算财政拨款支出决算总体情况");
	if (f->gen_chg.cur.known) {
		cj_buf_printf(b, "%d年一般公共预算财政拨款支出", rp->year);
		cj_report_amt(b, f->gen_chg.cur.fen);
		if (f->gen_of_total.known) {
			cj_buf_puts(b, "，占本年支出合计的");
			cj_report_pct(b, f->gen_of_total.bp);
		}
		cj_buf_puts(b, "。");
		change_and_reasons(rp, &f->gen_chg, "一般公共预算财政拨款支出", "支出", CJ_CHG_WITH,
				   &g->reasons, "主要变动原因是");
		cj_report_flush(rp);
	}
	cj_report_chart(rp, 5);

	cj_report_heading(rp, 3, "（二）一般公共预算财政拨款支出决算结构情况");
	if (!f->gen.empty) {
		cj_buf_printf(b, "%d年一般公共预算财政拨款支出", rp->year);
		cj_report_amt(b, f->gen.actual);
		cj_buf_puts(b, "，主要用于以下方面：");
		for (i = 0; i < f->gen.n; i++) {
			const struct cj_row *r = &f->gen.rows[i];
			if (r->level != 1)
				continue;
			if (k++)
				cj_buf_puts(b, "；");
			cj_buf_puts(b, row_label(r));
			cj_report_amt(b, r->actual);
			if (f->gen.actual != 0) {
				cj_buf_puts(b, "，占");
				cj_report_pct(b, r->share_bp);
			}
		}
		cj_buf_puts(b, "。");
		cj_report_flush(rp);
	} else if (cj_report_has(&g->none_reason)) {
		cj_report_sentence(b, g->none_reason.s);
		cj_report_flush(rp);
	}
	cj_report_chart(rp, 6);

	cj_report_heading(rp, 3, "（三）一般公共预算财政拨款支出决算具体情况");
	if (!f->gen.empty) {
		cj_buf_printf(b, "%d年一般公共预算财政拨款支出决算数为", rp->year);
		cj_report_amt(b, f->gen.actual);
		if (f->gen.rate.known) {
			cj_buf_puts(b, "，完成预算");
			cj_report_pct(b, f->gen.rate.bp);
		}
		cj_buf_puts(b, "。其中：");
		cj_report_flush(rp);
		general_detail(rp);
		if (cj_report_has(&g->budget_basis)) {
			size_t len;
			cj_buf_puts(b, "（注：预算数口径为");
			cj_report_clause(b, g->budget_basis.s);
			len = strlen("数");
			/* "调整预算" and "调整预算数" both read "调整预算数" */
			if (b->len < len || memcmp(b->ptr + b->len - len, "数", len) != 0)
				cj_buf_puts(b, "数");
			cj_buf_puts(b, "。）");
			cj_report_flush_note(rp);
		}
	}
	cj_report_note(rp, &g->note);
}

/* ------------------------------------------------------ 六 基本支出 */

/* "主要包括：A、B等。" over the 款 of one side, in dataset order. */
static void econ_names(struct cj_rp *rp, int personnel)
{
	const struct cj_econ_items *it = &rp->a->basic.items;
	struct cj_buf *b = &rp->b;
	size_t i, k = 0;

	for (i = 0; i < it->n; i++) {
		const struct cj_econ_item *e = &it->v[i];
		const char *name = NULL;

		if (cj_calc_is_personnel(e->code.s) != personnel)
			continue;
		if (rp->codes && e->code.s)
			name = cj_codes_name(rp->codes, CJ_CODE_ECON, e->code.s, rp->year);
		if (!name && cj_report_has(&e->name))
			name = e->name.s;
		if (!name)
			name = e->code.s;
		if (!name)
			continue;
		cj_buf_puts(b, k++ ? "、" : "，主要包括：");
		cj_report_clause(b, name);
	}
	if (k)
		cj_buf_puts(b, "等");
	cj_buf_puts(b, "。");
}

static void sec_basic(struct cj_rp *rp)
{
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;

	cj_report_heading(rp, 2, "六、一般公共预算财政拨款基本支出决算情况说明");
	if (!f->gen.empty) {
		cj_buf_printf(b, "%d年一般公共预算财政拨款基本支出", rp->year);
		cj_report_amt(b, f->gen.basic);
		cj_buf_puts(b, f->personnel.known || f->public_.known ? "，其中：" : "。");
		cj_report_flush(rp);
	}
	if (f->personnel.known) {
		cj_buf_puts(b, "人员经费");
		cj_report_amt(b, f->personnel.fen);
		econ_names(rp, 1);
		cj_report_flush(rp);
	}
	if (f->public_.known) {
		cj_buf_puts(b, "公用经费");
		cj_report_amt(b, f->public_.fen);
		econ_names(rp, 0);
		cj_report_flush(rp);
	}
	cj_report_note(rp, &rp->a->basic.note);
}

/* ------------------------------------------------ 八, 九 fund tables */

void cj_report_none_reason(const struct cj_rp *rp, int table, struct cj_buf *b)
{
	const struct cj_fund_spending *fs = table == 8 ? &rp->a->govfund : &rp->a->statecap;

	if (cj_report_has(&fs->none_reason)) {
		cj_report_sentence(b, fs->none_reason.s);
		return;
	}
	if (table == 8)
		cj_buf_printf(b,
			      "本部门%d年度无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故公开08表无数据。",
			      rp->year);
	else
		cj_buf_printf(b, "本部门%d年度无国有资本经营预算财政拨款支出，故公开09表无数据。",
			      rp->year);
}

static void sec_fund(struct cj_rp *rp, int table)
{
	const struct cj_ftable *t = table == 8 ? &rp->f->gov : &rp->f->cap;
	const struct cj_fund_spending *fs = table == 8 ? &rp->a->govfund : &rp->a->statecap;
	struct cj_buf *b = &rp->b;

	if (table == 8)
		cj_report_heading(rp, 2, "八、政府性基金预算财政拨款收入支出决算情况说明");
	else
		cj_report_heading(rp, 2, "九、国有资本经营预算财政拨款支出决算情况说明");
	if (t->empty) {
		cj_report_none_reason(rp, table, b);
	} else if (table == 8) {
		cj_buf_printf(b, "%d年政府性基金预算财政拨款收入", rp->year);
		cj_report_amt(b, t->income);
		cj_buf_puts(b, "，支出");
		cj_report_amt(b, t->actual);
		cj_buf_puts(b, "。");
	} else {
		cj_buf_printf(b, "%d年国有资本经营预算财政拨款支出", rp->year);
		cj_report_amt(b, t->actual);
		cj_buf_puts(b, "。");
	}
	cj_report_flush(rp);
	cj_report_note(rp, &fs->note);
}

/* -------------------------------------------------- 十 其他重要事项 */

static int opcost(struct cj_rp *rp, int sub)
{
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	char cn[16];

	if (!f->opcost_chg.cur.known)
		return sub;
	cj_report_heading(rp, 3, "（%s）机关运行经费支出情况", cj_report_cn(++sub, cn, sizeof(cn)));
	cj_buf_printf(b, "%d年，%s机关运行经费支出", rp->year, rp->sname);
	cj_report_amt(b, f->opcost_chg.cur.fen);
	if (f->opcost_chg.has_delta) {
		cj_buf_puts(b, "，");
		change_and_reasons(rp, &f->opcost_chg, "", "支出", CJ_CHG_THAN,
				   &rp->a->opcost.reasons, "主要原因是");
	} else {
		cj_buf_puts(b, "。");
	}
	cj_report_flush(rp);
	return sub;
}

static int procurement(struct cj_rp *rp, int sub)
{
	const struct cj_procurement *p = &rp->a->procurement;
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	const struct cj_fig *part[3] = {&p->goods, &p->works, &p->services};
	static const char *const what[3] = {"政府采购货物支出", "政府采购工程支出", "政府采购服务支出"};
	char cn[16];
	int i, k = 0;

	if (!f->proc_total.known && !p->sme.set)
		return sub;
	cj_report_heading(rp, 3, "（%s）政府采购支出情况", cj_report_cn(++sub, cn, sizeof(cn)));
	if (f->proc_total.known) {
		cj_buf_printf(b, "%d年，%s政府采购支出总额", rp->year, rp->sname);
		cj_report_amt(b, f->proc_total.fen);
		for (i = 0; i < 3; i++) {
			if (!part[i]->set)
				continue;
			cj_buf_puts(b, k++ ? "、" : "，其中：");
			cj_buf_puts(b, what[i]);
			cj_report_amt(b, part[i]->fen);
		}
		cj_buf_puts(b, "。");
	}
	if (cj_report_has(&p->use))
		cj_report_sentence(b, p->use.s);
	if (p->sme.set) {
		cj_buf_puts(b, "授予中小企业合同金额");
		cj_report_amt(b, p->sme.fen);
		if (f->sme_share.known) {
			cj_buf_puts(b, "，占政府采购支出总额的");
			cj_report_pct(b, f->sme_share.bp);
		}
		if (p->small_micro.set) {
			cj_buf_puts(b, "，其中：授予小微企业合同金额");
			cj_report_amt(b, p->small_micro.fen);
			if (f->small_share.known) {
				cj_buf_puts(b, "，占政府采购支出总额的");
				cj_report_pct(b, f->small_share.bp);
			}
		}
		cj_buf_puts(b, "。");
	}
	cj_report_flush(rp);
	return sub;
}

static int assets(struct cj_rp *rp, int sub)
{
	const struct cj_assets *as = &rp->a->assets;
	struct cj_buf *b = &rp->b;
	char cn[16];

	if (!as->vehicles.n && !as->vehicles_total.set && !as->general_over_50.set &&
	    !as->special_over_100.set)
		return sub;
	cj_report_heading(rp, 3, "（%s）国有资产占有使用情况", cj_report_cn(++sub, cn, sizeof(cn)));
	cj_buf_printf(b, "截至%d年12月31日，", rp->year);
	if (as->vehicles.n || as->vehicles_total.set) {
		cj_buf_puts(b, rp->sname);
		cj_buf_puts(b, "共有车辆");
		cj_report_count(b, rp->f->assets_vehicles);
		cj_buf_puts(b, "辆");
		cj_report_vehicles(b, &as->vehicles, 0);
		cj_buf_puts(b, "。");
	}
	if (as->general_over_50.set) {
		cj_buf_puts(b, "单价50万元以上通用设备");
		cj_report_count(b, as->general_over_50.n);
		cj_buf_puts(b, "台（套）");
		cj_buf_puts(b, as->special_over_100.set ? "，" : "。");
	}
	if (as->special_over_100.set) {
		cj_buf_puts(b, "单价100万元以上专用设备");
		cj_report_count(b, as->special_over_100.n);
		cj_buf_puts(b, "台（套）。");
	}
	cj_report_flush(rp);
	return sub;
}

static void sec_other(struct cj_rp *rp)
{
	int sub = 0;

	cj_report_heading(rp, 2, "十、其他重要事项的情况说明");
	sub = opcost(rp, sub);
	sub = procurement(rp, sub);
	sub = assets(rp, sub);
	rp->sub = sub;
	cj_report_perf_section(rp);
}

void cj_report_explain(struct cj_rp *rp)
{
	cj_report_heading(rp, 1, "第二部分 %d年度部门决算情况说明", rp->year);
	sec_overall(rp);
	sec_income(rp);
	sec_spending(rp);
	sec_fiscal(rp);
	sec_general(rp);
	sec_basic(rp);
	cj_report_sangong(rp);
	sec_fund(rp, 8);
	sec_fund(rp, 9);
	sec_other(rp);
}
