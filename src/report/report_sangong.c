/*
 * report_sangong.c - 第二部分 七、“三公”经费财政拨款支出决算情况说明.
 *
 * （一） the total against its budget (rate, reasons, the 口径 note) and
 * against last year; （二） each item's SHARE of the 三公 total (calc's
 * largest-remainder shares; the unit's 2020 report printed completion
 * rates there), chart 7, then 1. 因公出国（境）, 2. 公务用车 (购置, 保有量,
 * 运行维护), 3. 公务接待 (国内, 外事) with their rates, changes, reasons
 * and counts.
 */
#include "report_int.h"

/* ---------------------------------------------------------- 七 三公 */

/* "，完成预算Y%" when the rate is known. */
static void sg_rate(struct cj_rp *rp, int i)
{
	if (!rp->f->sg_rate[i].known)
		return;
	cj_buf_puts(&rp->b, "，完成预算");
	cj_report_pct(&rp->b, rp->f->sg_rate[i].bp);
}

/* Budget reasons of display item i when actual and budget differ. */
static void sg_budget_reasons(struct cj_rp *rp, int i, const struct cj_reasons *const *r,
			      size_t nr)
{
	const struct cj_amt *act = &rp->f->sg_actual[i], *bud = &rp->f->sg_budget[i];

	if (!act->known || !bud->known || act->fen == bud->fen)
		return;
	cj_report_reasons_n(&rp->b, r, nr,
			    act->fen > bud->fen ? "决算数大于预算数的主要原因是"
						: "决算数小于预算数的主要原因是");
}

static void sg_change(struct cj_rp *rp, int i, const char *noun,
		      const struct cj_reasons *const *r, size_t nr)
{
	const struct cj_chg *c = &rp->f->sg_chg[i];

	if (!cj_report_change(&rp->b, rp, c, noun, "支出", CJ_CHG_THAN))
		return;
	cj_buf_puts(&rp->b, "。");
	if (c->delta != 0)
		cj_report_reasons_n(&rp->b, r, nr, "主要原因是");
}

static void sg_abroad(struct cj_rp *rp)
{
	const struct cj_sangong *sg = &rp->a->sangong;
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	const struct cj_reasons *br[1] = {&sg->item_budget_reasons[CJ_SG_ABROAD]};
	const struct cj_reasons *cr[1] = {&sg->change_reasons[CJ_SG_ABROAD]};

	if (!f->sg_actual[CJ_SGD_ABROAD].known)
		return;
	cj_buf_puts(b, "1.因公出国（境）经费支出");
	cj_report_amt(b, f->sg_actual[CJ_SGD_ABROAD].fen);
	sg_rate(rp, CJ_SGD_ABROAD);
	cj_buf_puts(b, "。");
	sg_budget_reasons(rp, CJ_SGD_ABROAD, br, 1);
	sg_change(rp, CJ_SGD_ABROAD, "因公出国（境）经费支出决算", cr, 1);
	if (sg->abroad_groups.set || sg->abroad_persons.set) {
		cj_buf_puts(b, "全年安排因公出国（境）");
		if (sg->abroad_groups.set) {
			cj_buf_puts(b, "团组");
			cj_report_count(b, sg->abroad_groups.n);
			cj_buf_puts(b, "个");
		}
		if (sg->abroad_persons.set) {
			cj_buf_puts(b, sg->abroad_groups.set ? "，出国（境）" : "出国（境）");
			cj_report_count(b, sg->abroad_persons.n);
			cj_buf_puts(b, "人次");
		}
		cj_buf_puts(b, "。");
	}
	cj_report_flush(rp);
}

static void sg_vehicle(struct cj_rp *rp)
{
	const struct cj_sangong *sg = &rp->a->sangong;
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	const struct cj_reasons *br[2] = {&sg->item_budget_reasons[CJ_SG_VPURCHASE],
					  &sg->item_budget_reasons[CJ_SG_VRUNNING]};
	const struct cj_reasons *cr[2] = {&sg->change_reasons[CJ_SG_VPURCHASE],
					  &sg->change_reasons[CJ_SG_VRUNNING]};

	if (!f->sg_actual[CJ_SGD_VEHICLE].known)
		return;
	cj_buf_puts(b, "2.公务用车购置及运行维护费支出");
	cj_report_amt(b, f->sg_actual[CJ_SGD_VEHICLE].fen);
	sg_rate(rp, CJ_SGD_VEHICLE);
	cj_buf_puts(b, "。");
	sg_budget_reasons(rp, CJ_SGD_VEHICLE, br, 2);
	sg_change(rp, CJ_SGD_VEHICLE, "公务用车购置及运行维护费支出决算", cr, 2);
	cj_report_flush(rp);

	if (f->sg_actual[CJ_SGD_VPURCHASE].known || sg->bought.n || sg->held.n ||
	    sg->held_total.set) {
		if (f->sg_actual[CJ_SGD_VPURCHASE].known) {
			cj_buf_puts(b, "其中：公务用车购置支出");
			cj_report_amt(b, f->sg_actual[CJ_SGD_VPURCHASE].fen);
			cj_buf_puts(b, "。");
		}
		if (sg->bought.n) {
			cj_buf_puts(b, "全年按规定更新购置公务用车");
			cj_report_count(b, f->vehicles_bought);
			cj_buf_puts(b, "辆");
			cj_report_vehicles(b, &sg->bought, 1);
			cj_buf_puts(b, "。");
		}
		if (sg->held.n || sg->held_total.set) {
			cj_buf_printf(b, "截至%d年12月底，单位共有公务用车", rp->year);
			cj_report_count(b, f->vehicles_held);
			cj_buf_puts(b, "辆");
			cj_report_vehicles(b, &sg->held, 0);
			cj_buf_puts(b, "。");
		}
		cj_report_flush(rp);
	}
	if (f->sg_actual[CJ_SGD_VRUNNING].known) {
		cj_buf_puts(b, "公务用车运行维护费支出");
		cj_report_amt(b, f->sg_actual[CJ_SGD_VRUNNING].fen);
		cj_buf_puts(b, "。");
		if (cj_report_has(&sg->running_use))
			cj_report_sentence(b, sg->running_use.s);
		cj_report_flush(rp);
	}
}

static void reception_items(struct cj_buf *b, const struct cj_reception_items *it)
{
	size_t i, k = 0;

	for (i = 0; i < it->n; i++) {
		const struct cj_reception_item *x = &it->v[i];
		int parts = 0;
		if (!cj_report_has(&x->text))
			continue;
		cj_buf_puts(b, k++ ? "；" : "，具体内容包括：");
		cj_report_clause(b, x->text.s);
		if (x->batches.set) {
			cj_report_count(b, x->batches.n);
			cj_buf_puts(b, "批次");
			parts++;
		}
		if (x->persons.set) {
			cj_buf_puts(b, parts++ ? "、" : "");
			cj_report_count(b, x->persons.n);
			cj_buf_puts(b, "人次");
		}
		if (x->amount.set) {
			cj_buf_puts(b, parts++ ? "、" : "");
			cj_report_amt(b, x->amount.fen);
		}
	}
}

static void reception(struct cj_rp *rp, const struct cj_reception *r, const char *what)
{
	struct cj_buf *b = &rp->b;

	if (!r->amount.set && !r->batches.set && !r->persons.set && !r->items.n)
		return;
	if (r->amount.set) {
		cj_buf_puts(b, what);
		cj_buf_puts(b, "支出");
		cj_report_amt(b, r->amount.fen);
		if (cj_report_has(&r->use)) {
			cj_buf_puts(b, "，");
			cj_report_clause(b, r->use.s);
		}
		cj_buf_puts(b, "。");
	}
	if (r->batches.set || r->persons.set) {
		cj_buf_puts(b, what);
		if (r->batches.set) {
			cj_report_count(b, r->batches.n);
			cj_buf_puts(b, "批次");
		}
		if (r->persons.set) {
			cj_buf_puts(b, r->batches.set ? "，" : "");
			cj_report_count(b, r->persons.n);
			cj_buf_puts(b, "人次（不包括陪同人员）");
		}
		if (r->amount.set) {
			cj_buf_puts(b, "，共计支出");
			cj_report_amt(b, r->amount.fen);
		}
		reception_items(b, &r->items);
		cj_buf_puts(b, "。");
	}
	cj_report_flush(rp);
}

static void sg_reception(struct cj_rp *rp)
{
	const struct cj_sangong *sg = &rp->a->sangong;
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	const struct cj_reasons *br[1] = {&sg->item_budget_reasons[CJ_SG_RECEPTION]};
	const struct cj_reasons *cr[1] = {&sg->change_reasons[CJ_SG_RECEPTION]};

	if (!f->sg_actual[CJ_SGD_RECEPTION].known)
		return;
	cj_buf_puts(b, "3.公务接待费支出");
	cj_report_amt(b, f->sg_actual[CJ_SGD_RECEPTION].fen);
	sg_rate(rp, CJ_SGD_RECEPTION);
	cj_buf_puts(b, "。");
	sg_budget_reasons(rp, CJ_SGD_RECEPTION, br, 1);
	sg_change(rp, CJ_SGD_RECEPTION, "公务接待费支出决算", cr, 1);
	cj_report_flush(rp);
	reception(rp, &sg->domestic, "国内公务接待");
	reception(rp, &sg->foreign, "外事接待");
}

void cj_report_sangong(struct cj_rp *rp)
{
	const struct cj_sangong *sg = &rp->a->sangong;
	const struct cj_figures *f = rp->f;
	struct cj_buf *b = &rp->b;
	const struct cj_reasons *br[1] = {&sg->budget_reasons};
	static const char *const share_name[CJ_SGS_N] = {"因公出国（境）费", "公务用车购置及运行维护费",
							 "公务接待费"};
	static const int share_item[CJ_SGS_N] = {CJ_SGD_ABROAD, CJ_SGD_VEHICLE, CJ_SGD_RECEPTION};
	int i, k = 0;

	cj_report_heading(rp, 2, "七、“三公”经费财政拨款支出决算情况说明");
	cj_report_heading(rp, 3, "（一）“三公”经费财政拨款支出决算总体情况说明");
	if (f->sg_actual[CJ_SGD_TOTAL].known) {
		cj_buf_printf(b, "%d年“三公”经费财政拨款支出决算为", rp->year);
		cj_report_amt(b, f->sg_actual[CJ_SGD_TOTAL].fen);
		sg_rate(rp, CJ_SGD_TOTAL);
		cj_buf_puts(b, "。");
		sg_budget_reasons(rp, CJ_SGD_TOTAL, br, 1);
		sg_change(rp, CJ_SGD_TOTAL, "“三公”经费财政拨款支出决算", br, 0);
		cj_report_flush(rp);
	}
	if (cj_report_has(&sg->note)) {
		cj_report_note(rp, &sg->note);
	} else if (cj_report_has(&sg->budget_basis)) {
		cj_buf_puts(b, "（注：上述“预算”口径为");
		cj_report_clause(b, sg->budget_basis.s);
		cj_buf_puts(b, "。）");
		cj_report_flush_note(rp);
	}

	cj_report_heading(rp, 3, "（二）“三公”经费财政拨款支出决算具体情况说明");
	if (f->sg_actual[CJ_SGD_TOTAL].known) {
		cj_buf_printf(b, "%d年“三公”经费财政拨款支出决算中，", rp->year);
		for (i = 0; i < CJ_SGS_N; i++) {
			const struct cj_amt *x = &f->sg_actual[share_item[i]];
			if (!x->known)
				continue;
			if (k++)
				cj_buf_puts(b, "；");
			cj_buf_puts(b, share_name[i]);
			cj_buf_puts(b, "支出决算");
			cj_report_amt(b, x->fen);
			if (f->sg_share_ok) {
				cj_buf_puts(b, "，占");
				cj_report_pct(b, f->sg_share_bp[i]);
			}
		}
		cj_buf_puts(b, k ? "。具体情况如下：" : "");
		cj_report_flush(rp);
	}
	cj_report_chart(rp, 7);
	sg_abroad(rp);
	sg_vehicle(rp);
	sg_reception(rp);
}
