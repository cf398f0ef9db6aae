/*
 * calc.c - derived figures (see calc.h for the derivation rule).
 *
 * Sums are overflow-checked (SQLite sum() stance): an overflow is an
 * error naming the field, never a wrapped or floating value.
 */
#include "calc.h"

#include <stdlib.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"

/* Accumulator for one total: leaves and the stated fallback. */
struct sum {
	int64_t fen;
	int any;       /* a leaf was present */
	int overflow;
};

static void sum_add(struct sum *s, const struct cj_fig *f)
{
	if (!f->set)
		return;
	s->any = 1;
	if (cj_add(s->fen, f->fen, &s->fen))
		s->overflow = 1;
}

static void sum_add_amt(struct sum *s, struct cj_amt a)
{
	if (!a.known)
		return;
	s->any = 1;
	if (cj_add(s->fen, a.fen, &s->fen))
		s->overflow = 1;
}

/* The total: from leaves when any, else the stated figure. */
static struct cj_amt sum_result(const struct sum *s, const struct cj_fig *stated)
{
	struct cj_amt r = {0, 0};

	if (s->any) {
		r.fen = s->fen;
		r.known = 1;
	} else if (stated && stated->set) {
		r.fen = stated->fen;
		r.known = 1;
	}
	return r;
}

static struct cj_amt amt_of(const struct cj_fig *f)
{
	struct cj_amt r;

	r.fen = f->fen;
	r.known = f->set;
	return r;
}

static struct cj_amt amt_add(struct cj_amt a, struct cj_amt b, int *overflow)
{
	struct cj_amt r = {0, 0};

	if (!a.known && !b.known)
		return r;
	r.known = 1;
	if (cj_add(a.known ? a.fen : 0, b.known ? b.fen : 0, &r.fen))
		*overflow = 1;
	return r;
}

struct cj_ratio cj_calc_ratio(struct cj_amt num, struct cj_amt den)
{
	struct cj_ratio r = {0, 0};

	if (num.known && den.known && den.fen != 0 && cj_pct_bp(num.fen, den.fen, &r.bp) == CJ_OK)
		r.known = 1;
	return r;
}

struct cj_chg cj_calc_change(struct cj_amt cur, struct cj_amt prev)
{
	struct cj_chg c;

	memset(&c, 0, sizeof(c));
	c.cur = cur;
	c.prev = prev;
	if (cur.known && prev.known && cj_sub(cur.fen, prev.fen, &c.delta) == CJ_OK) {
		c.has_delta = 1;
		if (prev.fen != 0 && cj_pct_bp(c.delta, prev.fen, &c.rate_bp) == CJ_OK)
			c.has_rate = 1;
	}
	return c;
}

/* ---------------------------------------------------- functional tables */

static int cmp_item_code(const void *x, const void *y)
{
	const struct cj_func_item *a = *(const struct cj_func_item *const *)x;
	const struct cj_func_item *b = *(const struct cj_func_item *const *)y;
	const char *ca = a->code.s ? a->code.s : "", *cb = b->code.s ? b->code.s : "";

	return strcmp(ca, cb); /* codes are fixed-length digit strings */
}

static const struct cj_stated_row *find_stated(const struct cj_fund_spending *fs,
					       const char *code)
{
	size_t i;

	if (!fs)
		return NULL;
	for (i = 0; i < fs->stated.n; i++)
		if (fs->stated.v[i].code.s && strcmp(fs->stated.v[i].code.s, code) == 0)
			return &fs->stated.v[i];
	return NULL;
}

static const char *row_name(const struct cj_codes *codes, const char *code, int year,
			    const struct cj_text *fallback)
{
	const char *n = codes ? cj_codes_name(codes, CJ_CODE_FUNC, code, year) : NULL;

	if (n)
		return n;
	return fallback ? fallback->s : NULL;
}

static int add_into(struct cj_row *r, const struct cj_func_item *it)
{
	int ov = 0;

	ov |= cj_add(r->actual, it->actual.set ? it->actual.fen : 0, &r->actual) != CJ_OK;
	ov |= cj_add(r->basic, it->basic.set ? it->basic.fen : 0, &r->basic) != CJ_OK;
	ov |= cj_add(r->project, it->project.set ? it->project.fen : 0, &r->project) != CJ_OK;
	ov |= cj_add(r->budget, it->budget.set ? it->budget.fen : 0, &r->budget) != CJ_OK;
	ov |= cj_add(r->opening, it->opening.set ? it->opening.fen : 0, &r->opening) != CJ_OK;
	ov |= cj_add(r->income, it->income.set ? it->income.fen : 0, &r->income) != CJ_OK;
	ov |= cj_add(r->closing, it->closing.set ? it->closing.fen : 0, &r->closing) != CJ_OK;
	if (!it->budget.set)
		r->has_budget = 0;
	return ov;
}

static void finish_rate(struct cj_row *r)
{
	struct cj_amt a = {r->actual, 1}, b = {r->budget, r->has_budget};

	r->rate = cj_calc_ratio(a, b);
}

/*
 * Build a table from the 项 items of the given fund tables (one for T5,
 * T8, T9; all four for the merged T3).  Items with the same code are
 * merged into one 项 row; `fs` (may be NULL) supplies the stated 类/款
 * rows.
 */
static enum cj_err build_table_of(const struct cj_fund_spending *const *src, size_t nsrc,
				  const struct cj_fund_spending *fs, const struct cj_codes *codes,
				  int year, struct cj_ftable *t, struct cj_diag *d)
{
	const struct cj_func_item **items = NULL;
	struct cj_row *rows = NULL;
	size_t i, n = 0, nrows = 0, cap, s;
	char cls[4] = "", kuan[6] = "";
	struct cj_row *cur_cls = NULL, *cur_kuan = NULL;
	int64_t *class_actual = NULL, *class_share = NULL;
	size_t *class_ix = NULL, k;
	enum cj_err e = CJ_OK;

	for (s = 0; s < nsrc; s++)
		n += src[s]->items.n;
	memset(t, 0, sizeof(*t));
	t->has_budget = 1;
	t->empty = n == 0;
	if (n == 0) {
		t->has_budget = 0;
		return CJ_OK;
	}
	items = cj_calloc(n, sizeof(*items));
	cap = 3 * n;
	rows = cj_calloc(cap, sizeof(*rows));
	if (!items || !rows) {
		e = cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		goto out;
	}
	for (s = 0, i = 0; s < nsrc; s++) {
		size_t j;
		for (j = 0; j < src[s]->items.n; j++)
			items[i++] = &src[s]->items.v[j];
	}
	qsort(items, n, sizeof(*items), cmp_item_code);

	for (i = 0; i < n; i++) {
		const struct cj_func_item *it = items[i];
		const char *code = it->code.s ? it->code.s : "";
		struct cj_row *r;
		int ov = 0;

		if (strlen(code) != 7)
			continue; /* the reader guarantees 7 digits; be safe */
		if (!cur_cls || strncmp(code, cls, 3) != 0) {
			memcpy(cls, code, 3);
			cls[3] = '\0';
			cur_cls = &rows[nrows++];
			memcpy(cur_cls->code, cls, 4);
			cur_cls->level = 1;
			cur_cls->has_budget = 1;
			cur_cls->name = row_name(codes, cls, year, NULL);
			cur_cls->stated = find_stated(fs, cls);
			if (!cur_cls->name && cur_cls->stated)
				cur_cls->name = cur_cls->stated->name.s;
			cur_kuan = NULL;
			t->nclass++;
		}
		if (!cur_kuan || strncmp(code, kuan, 5) != 0) {
			memcpy(kuan, code, 5);
			kuan[5] = '\0';
			cur_kuan = &rows[nrows++];
			memcpy(cur_kuan->code, kuan, 6);
			cur_kuan->level = 2;
			cur_kuan->has_budget = 1;
			cur_kuan->name = row_name(codes, kuan, year, NULL);
			cur_kuan->stated = find_stated(fs, kuan);
			if (!cur_kuan->name && cur_kuan->stated)
				cur_kuan->name = cur_kuan->stated->name.s;
		}
		if (nrows && rows[nrows - 1].level == 3 && strcmp(rows[nrows - 1].code, code) == 0) {
			r = &rows[nrows - 1]; /* the same 项 again (another fund): merge */
		} else {
			r = &rows[nrows++];
			memcpy(r->code, code, 8);
			r->level = 3;
			r->has_budget = 1;
			r->item = it;
			r->name = row_name(codes, code, year, &it->name);
		}
		ov |= add_into(r, it);
		ov |= add_into(cur_kuan, it);
		ov |= add_into(cur_cls, it);
		if (ov) {
			e = cj_fail_at(d, CJ_ERR_RANGE, NULL, it->loc.line, "科目%s金额合计溢出", code);
			goto out;
		}
	}
	for (i = 0; i < nrows; i++) {
		struct cj_row *r = &rows[i];
		finish_rate(r);
		if (r->level == 1) {
			int ov = 0;
			ov |= cj_add(t->actual, r->actual, &t->actual) != CJ_OK;
			ov |= cj_add(t->basic, r->basic, &t->basic) != CJ_OK;
			ov |= cj_add(t->project, r->project, &t->project) != CJ_OK;
			ov |= cj_add(t->budget, r->budget, &t->budget) != CJ_OK;
			ov |= cj_add(t->opening, r->opening, &t->opening) != CJ_OK;
			ov |= cj_add(t->income, r->income, &t->income) != CJ_OK;
			ov |= cj_add(t->closing, r->closing, &t->closing) != CJ_OK;
			if (!r->has_budget)
				t->has_budget = 0;
			if (ov) {
				e = cj_fail(d, CJ_ERR_RANGE, "支出合计溢出");
				goto out;
			}
		}
	}
	{
		struct cj_amt a = {t->actual, 1}, b = {t->budget, t->has_budget};
		t->rate = cj_calc_ratio(a, b);
	}
	/* 类 shares of the table total, largest remainder */
	class_actual = cj_calloc(t->nclass, sizeof(int64_t));
	class_share = cj_calloc(t->nclass, sizeof(int64_t));
	class_ix = cj_calloc(t->nclass, sizeof(size_t));
	if (!class_actual || !class_share || !class_ix) {
		e = cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		goto out;
	}
	for (i = 0, k = 0; i < nrows; i++)
		if (rows[i].level == 1) {
			class_ix[k] = i;
			class_actual[k++] = rows[i].actual;
		}
	if (cj_shares_bp(class_actual, t->nclass, class_share) == CJ_OK)
		for (k = 0; k < t->nclass; k++)
			rows[class_ix[k]].share_bp = class_share[k];
	t->rows = rows;
	t->n = nrows;
	rows = NULL;
out:
	cj_free(items);
	cj_free(rows);
	cj_free(class_actual);
	cj_free(class_share);
	cj_free(class_ix);
	return e;
}

static enum cj_err build_table(const struct cj_fund_spending *fs, const struct cj_codes *codes,
			       int year, struct cj_ftable *t, struct cj_diag *d)
{
	return build_table_of(&fs, 1, fs, codes, year, t, d);
}

/* ---------------------------------------------------------------- main */

static void calc_income(const struct cj_accounts *a, struct cj_figures *f, int *ov)
{
	int y, i;

	for (y = 0; y < CJ_NYEARS; y++) {
		const struct cj_income_year *iy = &a->income.year[y];
		struct sum s = {0, 0, 0}, g = {0, 0, 0};

		for (i = 0; i < CJ_INC_N; i++) {
			f->inc_src[y][i] = amt_of(&iy->src[i]);
			sum_add(&s, &iy->src[i]);
		}
		f->inc_total[y] = sum_result(&s, &iy->total);
		*ov |= s.overflow;
		/*
		 * This year absent balances are zero (the dataset is the year's
		 * accounts); last year's balances are often not stated, so
		 * last year's 收入总计 needs a balance or the stated total.
		 */
		if (f->inc_total[y].known &&
		    (y == CJ_CUR || iy->use_nonfiscal.set || iy->opening.set)) {
			sum_add_amt(&g, f->inc_total[y]);
			sum_add(&g, &iy->use_nonfiscal);
			sum_add(&g, &iy->opening);
		}
		f->inc_grand[y] = sum_result(&g, &iy->grand_total);
		*ov |= g.overflow;
		/* 财政拨款收入: the three fiscal sources */
		{
			struct sum fs = {0, 0, 0};
			sum_add(&fs, &iy->src[CJ_INC_GENERAL]);
			sum_add(&fs, &iy->src[CJ_INC_GOVFUND]);
			sum_add(&fs, &iy->src[CJ_INC_STATECAP]);
			f->fiscal_income[y] = sum_result(&fs, &a->fiscal.year[y].income_total);
			*ov |= fs.overflow;
		}
	}
	{
		int64_t parts[CJ_INC_N];
		for (i = 0; i < CJ_INC_N; i++)
			parts[i] = f->inc_src[CJ_CUR][i].known ? f->inc_src[CJ_CUR][i].fen : 0;
		f->inc_share_ok = cj_shares_bp(parts, CJ_INC_N, f->inc_share_bp) == CJ_OK;
	}
	f->inc_grand_chg = cj_calc_change(f->inc_grand[CJ_CUR], f->inc_grand[CJ_PREV]);
	f->inc_total_chg = cj_calc_change(f->inc_total[CJ_CUR], f->inc_total[CJ_PREV]);
	f->fiscal_income_chg = cj_calc_change(f->fiscal_income[CJ_CUR], f->fiscal_income[CJ_PREV]);
}

static void calc_spending(const struct cj_accounts *a, struct cj_figures *f, int *ov)
{
	int y, i;

	for (y = 0; y < CJ_NYEARS; y++) {
		const struct cj_spending_year *sy = &a->spending.year[y];
		struct sum s = {0, 0, 0}, g = {0, 0, 0};

		for (i = 0; i < CJ_SP_N; i++) {
			f->sp_kind[y][i] = amt_of(&sy->kind[i]);
			sum_add(&s, &sy->kind[i]);
		}
		f->sp_total[y] = sum_result(&s, &sy->total);
		*ov |= s.overflow;
		if (f->sp_total[y].known &&
		    (y == CJ_CUR || sy->distribution.set || sy->closing.set)) {
			sum_add_amt(&g, f->sp_total[y]);
			sum_add(&g, &sy->distribution);
			sum_add(&g, &sy->closing);
		}
		f->sp_grand[y] = sum_result(&g, &sy->grand_total);
		*ov |= g.overflow;
		/*
		 * 收入总计 = 支出总计 by construction of the table: fill a
		 * missing side from the other; when neither side is known
		 * (last year stated as totals only), balances count as zero.
		 */
		if (!f->sp_grand[y].known && f->inc_grand[y].known) {
			f->sp_grand[y] = f->inc_grand[y];
		} else if (!f->inc_grand[y].known && f->sp_grand[y].known) {
			f->inc_grand[y] = f->sp_grand[y];
		} else if (!f->inc_grand[y].known && !f->sp_grand[y].known) {
			f->inc_grand[y] = f->inc_total[y];
			f->sp_grand[y] = f->sp_total[y];
		}
	}
	f->inc_grand_chg = cj_calc_change(f->inc_grand[CJ_CUR], f->inc_grand[CJ_PREV]);
	{
		int64_t parts[CJ_SP_N];
		for (i = 0; i < CJ_SP_N; i++)
			parts[i] = f->sp_kind[CJ_CUR][i].known ? f->sp_kind[CJ_CUR][i].fen : 0;
		f->sp_share_ok = cj_shares_bp(parts, CJ_SP_N, f->sp_share_bp) == CJ_OK;
	}
	f->sp_total_chg = cj_calc_change(f->sp_total[CJ_CUR], f->sp_total[CJ_PREV]);
	f->sp_grand_chg = cj_calc_change(f->sp_grand[CJ_CUR], f->sp_grand[CJ_PREV]);
}

/* The total of a fund table: derived from rows this year, stated last year. */
static struct cj_amt fund_total(const struct cj_fund_spending *fs, const struct cj_ftable *t,
				int y)
{
	struct cj_amt r = {0, 0};

	if (y == CJ_CUR && !t->empty) {
		r.fen = t->actual;
		r.known = 1;
	} else if (fs->total[y].set) {
		r = amt_of(&fs->total[y]);
	}
	return r;
}

static void calc_fiscal(const struct cj_accounts *a, struct cj_figures *f, int *ov)
{
	int y;

	for (y = 0; y < CJ_NYEARS; y++) {
		struct cj_amt g = fund_total(&a->general, &f->gen, y);
		struct cj_amt v = fund_total(&a->govfund, &f->gov, y);
		struct cj_amt c = fund_total(&a->statecap, &f->cap, y);
		struct cj_amt s = amt_add(amt_add(g, v, ov), c, ov);

		if (!s.known && a->fiscal.year[y].spending_total.set)
			s = amt_of(&a->fiscal.year[y].spending_total);
		f->fiscal_spending[y] = s;
		f->fiscal_in_grand[y] =
			f->fiscal_income[y].known
				? amt_add(f->fiscal_income[y], amt_of(&a->fiscal.year[y].opening), ov)
				: f->fiscal_income[y];
		f->fiscal_out_grand[y] =
			s.known ? amt_add(s, amt_of(&a->fiscal.year[y].closing), ov) : s;
	}
	f->fiscal_spending_chg =
		cj_calc_change(f->fiscal_spending[CJ_CUR], f->fiscal_spending[CJ_PREV]);
	f->gen_chg = cj_calc_change(fund_total(&a->general, &f->gen, CJ_CUR),
				    fund_total(&a->general, &f->gen, CJ_PREV));
	f->gen_of_total = cj_calc_ratio(f->gen_chg.cur, f->sp_total[CJ_CUR]);
}

int cj_calc_is_personnel(const char *code)
{
	return code && (strncmp(code, "301", 3) == 0 || strncmp(code, "303", 3) == 0);
}

static void calc_basic(const struct cj_accounts *a, struct cj_figures *f, int *ov)
{
	struct sum p = {0, 0, 0}, q = {0, 0, 0};
	size_t i;
	int all = a->basic.items.n > 0;

	for (i = 0; i < a->basic.items.n; i++) {
		const struct cj_econ_item *it = &a->basic.items.v[i];
		if (!it->amount.set) {
			all = 0;
			continue;
		}
		if (cj_calc_is_personnel(it->code.s))
			sum_add(&p, &it->amount);
		else
			sum_add(&q, &it->amount);
	}
	f->econ_detailed = (unsigned char)all;
	if (all) {
		/* every 款 has an amount: a class with no 款 is zero */
		p.any = q.any = 1;
	} else {
		p.any = q.any = 0; /* partial detail: trust nothing, use stated */
		p.fen = q.fen = 0;
	}
	f->personnel = sum_result(&p, &a->basic.personnel_total);
	f->public_ = sum_result(&q, &a->basic.public_total);
	*ov |= p.overflow | q.overflow;
}

static void sg_year(const struct cj_sg_figs *s, struct cj_amt *out, int *ov)
{
	struct sum v = {0, 0, 0}, t = {0, 0, 0};

	out[CJ_SGD_ABROAD] = amt_of(&s->item[CJ_SG_ABROAD]);
	out[CJ_SGD_VPURCHASE] = amt_of(&s->item[CJ_SG_VPURCHASE]);
	out[CJ_SGD_VRUNNING] = amt_of(&s->item[CJ_SG_VRUNNING]);
	out[CJ_SGD_RECEPTION] = amt_of(&s->item[CJ_SG_RECEPTION]);
	sum_add(&v, &s->item[CJ_SG_VPURCHASE]);
	sum_add(&v, &s->item[CJ_SG_VRUNNING]);
	out[CJ_SGD_VEHICLE] = sum_result(&v, &s->vehicle_total);
	sum_add_amt(&t, out[CJ_SGD_ABROAD]);
	sum_add_amt(&t, out[CJ_SGD_VEHICLE]);
	sum_add_amt(&t, out[CJ_SGD_RECEPTION]);
	out[CJ_SGD_TOTAL] = sum_result(&t, &s->total);
	*ov |= v.overflow | t.overflow;
}

static void calc_sangong(const struct cj_accounts *a, struct cj_figures *f, int *ov)
{
	const struct cj_sangong *sg = &a->sangong;
	int i;
	size_t k;
	int64_t parts[CJ_SGS_N];

	sg_year(&sg->budget, f->sg_budget, ov);
	sg_year(&sg->actual, f->sg_actual, ov);
	sg_year(&sg->last_year, f->sg_last, ov);
	for (i = 0; i < CJ_SGD_N; i++) {
		f->sg_rate[i] = cj_calc_ratio(f->sg_actual[i], f->sg_budget[i]);
		f->sg_chg[i] = cj_calc_change(f->sg_actual[i], f->sg_last[i]);
	}
	parts[CJ_SGS_ABROAD] = f->sg_actual[CJ_SGD_ABROAD].known ? f->sg_actual[CJ_SGD_ABROAD].fen : 0;
	parts[CJ_SGS_VEHICLE] =
		f->sg_actual[CJ_SGD_VEHICLE].known ? f->sg_actual[CJ_SGD_VEHICLE].fen : 0;
	parts[CJ_SGS_RECEPTION] =
		f->sg_actual[CJ_SGD_RECEPTION].known ? f->sg_actual[CJ_SGD_RECEPTION].fen : 0;
	f->sg_share_ok = cj_shares_bp(parts, CJ_SGS_N, f->sg_share_bp) == CJ_OK;
	for (k = 0; k < sg->held.n; k++)
		f->vehicles_held += sg->held.v[k].count.n;
	if (sg->held.n == 0 && sg->held_total.set)
		f->vehicles_held = sg->held_total.n;
	for (k = 0; k < sg->bought.n; k++) {
		f->vehicles_bought += sg->bought.v[k].count.n;
		if (sg->bought.v[k].amount.set &&
		    cj_add(f->vehicles_bought_fen, sg->bought.v[k].amount.fen, &f->vehicles_bought_fen))
			*ov = 1;
	}
}

static void calc_other(const struct cj_accounts *a, struct cj_figures *f, int *ov)
{
	struct sum p = {0, 0, 0};
	size_t k;

	f->opcost_chg = cj_calc_change(amt_of(&a->opcost.amount[CJ_CUR]),
				       amt_of(&a->opcost.amount[CJ_PREV]));
	sum_add(&p, &a->procurement.goods);
	sum_add(&p, &a->procurement.works);
	sum_add(&p, &a->procurement.services);
	f->proc_total = sum_result(&p, &a->procurement.total);
	*ov |= p.overflow;
	f->sme_share = cj_calc_ratio(amt_of(&a->procurement.sme), f->proc_total);
	f->small_share = cj_calc_ratio(amt_of(&a->procurement.small_micro), f->proc_total);
	for (k = 0; k < a->assets.vehicles.n; k++)
		f->assets_vehicles += a->assets.vehicles.v[k].count.n;
	if (a->assets.vehicles.n == 0 && a->assets.vehicles_total.set)
		f->assets_vehicles = a->assets.vehicles_total.n;
	for (k = 0; k < a->unit.authorized.n; k++)
		f->authorized += a->unit.authorized.v[k].count.n;
	if (a->unit.authorized.n == 0 && a->unit.authorized_total.set)
		f->authorized = a->unit.authorized_total.n;
	{
		struct sum u = {0, 0, 0};
		const struct cj_count *c[3] = {&a->unit.sub_admin, &a->unit.sub_civil,
					       &a->unit.sub_public};
		int i;
		for (i = 0; i < 3; i++) {
			if (!c[i]->set)
				continue;
			u.any = 1;
			if (cj_add(u.fen, c[i]->n, &u.fen))
				u.overflow = 1;
		}
		f->sub_units = sum_result(&u, NULL);
		*ov |= u.overflow;
	}
	for (k = 0; k < a->unit.staff.n; k++)
		f->staff += a->unit.staff.v[k].count.n;
	if (a->unit.staff.n == 0 && a->unit.staff_total.set)
		f->staff = a->unit.staff_total.n;
}

static int cmp_fclass(const void *x, const void *y)
{
	return strcmp(((const struct cj_fclass *)x)->code, ((const struct cj_fclass *)y)->code);
}

/* The 类 of the three fund tables merged by code. */
static enum cj_err calc_fclass(struct cj_figures *f, int *ov, struct cj_diag *d)
{
	const struct cj_ftable *t[CJ_NFUNDS] = {&f->gen, &f->gov, &f->cap};
	size_t cap = t[0]->nclass + t[1]->nclass + t[2]->nclass, n = 0, i, j;
	int k;

	if (!cap)
		return CJ_OK;
	f->fclass = cj_calloc(cap, sizeof(*f->fclass));
	if (!f->fclass)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	for (k = 0; k < CJ_NFUNDS; k++)
		for (i = 0; i < t[k]->n; i++) {
			const struct cj_row *r = &t[k]->rows[i];
			struct cj_fclass *m;

			if (r->level != 1)
				continue;
			for (j = 0; j < n && strcmp(f->fclass[j].code, r->code) != 0; j++)
				;
			m = &f->fclass[j];
			if (j == n) {
				memcpy(m->code, r->code, sizeof(m->code));
				n++;
			}
			if (!m->name)
				m->name = r->name;
			m->fund[k] = r->actual;
			m->has[k] = 1;
			if (cj_add(m->total, r->actual, &m->total))
				*ov = 1;
		}
	qsort(f->fclass, n, sizeof(*f->fclass), cmp_fclass);
	f->nfclass = n;
	return CJ_OK;
}

static enum cj_err calc_projects(const struct cj_accounts *a, struct cj_figures *f, int *ov,
				 struct cj_diag *d)
{
	size_t i;
	struct sum all = {0, 0, 0};

	f->nproj = a->perf.projects.n;
	if (!f->nproj)
		return CJ_OK;
	f->proj = cj_calloc(f->nproj, sizeof(*f->proj));
	if (!f->proj)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	for (i = 0; i < f->nproj; i++) {
		const struct cj_project *p = &a->perf.projects.v[i];
		struct cj_proj_fig *pf = &f->proj[i];
		struct sum b = {0, 0, 0}, e = {0, 0, 0};

		sum_add(&b, &p->budget_fiscal);
		sum_add(&b, &p->budget_other);
		sum_add(&e, &p->exec_fiscal);
		sum_add(&e, &p->exec_other);
		pf->budget = sum_result(&b, &p->budget_total);
		pf->exec = sum_result(&e, &p->exec_total);
		pf->rate = cj_calc_ratio(pf->exec, pf->budget);
		sum_add_amt(&all, pf->exec);
		*ov |= b.overflow | e.overflow;
	}
	f->proj_exec_total = sum_result(&all, NULL);
	*ov |= all.overflow;
	return CJ_OK;
}

enum cj_err cj_calc(const struct cj_accounts *a, const struct cj_codes *codes,
		    struct cj_figures **out, struct cj_diag *d)
{
	struct cj_figures *f = cj_calloc(1, sizeof(*f));
	enum cj_err e;
	int ov = 0;

	if (!f)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	f->year = (int)a->year.n;
	e = build_table(&a->general, codes, f->year, &f->gen, d);
	if (!e)
		e = build_table(&a->govfund, codes, f->year, &f->gov, d);
	if (!e)
		e = build_table(&a->statecap, codes, f->year, &f->cap, d);
	if (!e)
		e = build_table(&a->other, codes, f->year, &f->oth, d);
	if (!e) {
		const struct cj_fund_spending *all[4] = {&a->general, &a->govfund, &a->statecap,
							 &a->other};
		e = build_table_of(all, 4, NULL, codes, f->year, &f->all, d);
	}
	if (!e)
		e = calc_fclass(f, &ov, d);
	if (!e)
		e = calc_projects(a, f, &ov, d);
	if (e) {
		cj_figures_free(f);
		return e;
	}
	calc_income(a, f, &ov);
	calc_spending(a, f, &ov);
	calc_fiscal(a, f, &ov);
	calc_basic(a, f, &ov);
	calc_sangong(a, f, &ov);
	calc_other(a, f, &ov);
	if (ov) {
		cj_figures_free(f);
		return cj_fail(d, CJ_ERR_RANGE, "金额合计超出可表示的范围");
	}
	*out = f;
	return CJ_OK;
}

void cj_figures_free(struct cj_figures *f)
{
	if (!f)
		return;
	cj_free(f->gen.rows);
	cj_free(f->gov.rows);
	cj_free(f->cap.rows);
	cj_free(f->oth.rows);
	cj_free(f->all.rows);
	cj_free(f->proj);
	cj_free(f->fclass);
	cj_free(f);
}
