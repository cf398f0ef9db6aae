/*
 * calc.h - every derived figure of a report, computed once.
 *
 * "One place computes": totals, subtotals by 类/款, shares, year-on-year
 * changes and completion rates all come from here; report/ only words and
 * lays them out, rules/ compares the unit's stated figures with them.
 *
 * Derivation rule: a total is the sum of its leaves when at least one leaf
 * is present (absent leaves count as zero); when no leaf is present it
 * falls back to the unit's stated total; otherwise it is unknown
 * (known = 0).  Rules report stated totals that disagree.
 *
 * Shares of a structure (income sources, spending kinds, 类 of the general
 * budget, 三公 items) use the largest-remainder method so they sum to
 * exactly 100.00%; single ratios (completion rates, changes) are rounded
 * half away from zero.
 */
#ifndef CJ_CALC_H
#define CJ_CALC_H

#include <stddef.h>
#include <stdint.h>

#include "../model/accounts.h"
#include "../model/codes.h"

/* A derived amount. */
struct cj_amt {
	int64_t fen;
	unsigned char known;
};

/* A year-on-year change of one quantity. */
struct cj_chg {
	struct cj_amt cur, prev;
	int64_t delta;           /* cur - prev, when has_delta */
	unsigned char has_delta; /* both years known */
	unsigned char has_rate;  /* has_delta and prev != 0 */
	int64_t rate_bp;         /* delta / prev, half away from zero */
};

/* A ratio actual / budget. */
struct cj_ratio {
	int64_t bp;
	unsigned char known; /* both known and the denominator non-zero */
};

/* A row of a functional-classification table (T3, T5, T8, T9). */
struct cj_row {
	char code[8];
	int level;              /* 1 类, 2 款, 3 项 */
	const char *name;       /* from the code table for the year; else the
				 * dataset's name; NULL when neither */
	int64_t actual, basic, project;
	int64_t budget;         /* sum of the 项 budgets below */
	unsigned char has_budget; /* every 项 below has a budget */
	int64_t opening, income, closing;
	struct cj_ratio rate;   /* actual / budget */
	int64_t share_bp;       /* 类 rows: share of the table total (LR) */
	const struct cj_func_item *item;   /* 项 rows: the dataset row */
	const struct cj_stated_row *stated;/* 类/款 rows: the unit's own row */
};

struct cj_ftable {
	struct cj_row *rows;    /* 类, then its 款, then their 项, by code */
	size_t n;
	size_t nclass;          /* number of 类 rows */
	int64_t actual, basic, project, budget, opening, income, closing;
	unsigned char has_budget;
	struct cj_ratio rate;   /* actual / budget */
	unsigned char empty;    /* no 项 rows at all */
};

/* 三公 as displayed: the four items plus the vehicle subtotal and total. */
enum cj_sgd {
	CJ_SGD_ABROAD,
	CJ_SGD_VEHICLE,   /* 公务用车购置及运行维护费 = 购置 + 运行 */
	CJ_SGD_VPURCHASE,
	CJ_SGD_VRUNNING,
	CJ_SGD_RECEPTION,
	CJ_SGD_TOTAL,
	CJ_SGD_N
};

/* Share structure of 三公: abroad, vehicle, reception. */
enum { CJ_SGS_ABROAD, CJ_SGS_VEHICLE, CJ_SGS_RECEPTION, CJ_SGS_N };

/* A 类 across the three fund tables (T1 支出 side, T4 合计 column). */
enum { CJ_FUND_GEN, CJ_FUND_GOV, CJ_FUND_CAP, CJ_NFUNDS };

struct cj_fclass {
	char code[4];
	const char *name;          /* borrowed from the first table that has it */
	int64_t fund[CJ_NFUNDS];   /* actual per fund table */
	unsigned char has[CJ_NFUNDS];
	int64_t total;
};

struct cj_proj_fig {
	struct cj_amt budget;   /* fiscal + other, or the stated total */
	struct cj_amt exec;
	struct cj_ratio rate;   /* exec / budget */
};

struct cj_figures {
	int year;

	/* income (T1, T2) */
	struct cj_amt inc_src[CJ_NYEARS][CJ_INC_N];
	struct cj_amt inc_total[CJ_NYEARS];   /* 本年收入合计 */
	struct cj_amt inc_grand[CJ_NYEARS];   /* 收入总计 */
	int64_t inc_share_bp[CJ_INC_N];       /* this year, of 本年收入合计 */
	unsigned char inc_share_ok;
	struct cj_chg inc_grand_chg;
	struct cj_chg inc_total_chg;

	/* spending (T1, T3) */
	struct cj_amt sp_kind[CJ_NYEARS][CJ_SP_N];
	struct cj_amt sp_total[CJ_NYEARS];    /* 本年支出合计 */
	struct cj_amt sp_grand[CJ_NYEARS];    /* 支出总计 */
	int64_t sp_share_bp[CJ_SP_N];
	unsigned char sp_share_ok;
	struct cj_chg sp_total_chg;
	struct cj_chg sp_grand_chg;

	/* 财政拨款 (T4) */
	struct cj_amt fiscal_income[CJ_NYEARS];   /* 一般 + 基金 + 国资 income */
	struct cj_amt fiscal_spending[CJ_NYEARS]; /* 一般 + 基金 + 国资 spending */
	struct cj_amt fiscal_in_grand[CJ_NYEARS]; /* income + 年初结转 */
	struct cj_amt fiscal_out_grand[CJ_NYEARS];/* spending + 年末结转 */
	struct cj_chg fiscal_income_chg;
	struct cj_chg fiscal_spending_chg;

	/* fund tables (T5, T8, T9), non-fiscal spending, and all funds merged (T1, T3) */
	struct cj_ftable gen, gov, cap, oth;
	struct cj_ftable all;                     /* gen + gov + cap + oth by code */
	struct cj_chg gen_chg;                    /* 一般公共预算财政拨款支出 */
	struct cj_ratio gen_of_total;             /* gen / 本年支出合计 */

	struct cj_fclass *fclass;                 /* by code */
	size_t nfclass;

	/* T6 */
	struct cj_amt personnel, public_;         /* 人员经费, 公用经费 */
	unsigned char econ_detailed;              /* every 款 has an amount */

	/* 三公 (T7) */
	struct cj_amt sg_budget[CJ_SGD_N], sg_actual[CJ_SGD_N], sg_last[CJ_SGD_N];
	struct cj_ratio sg_rate[CJ_SGD_N];        /* actual / budget */
	struct cj_chg sg_chg[CJ_SGD_N];           /* actual vs last year */
	int64_t sg_share_bp[CJ_SGS_N];
	unsigned char sg_share_ok;
	int64_t vehicles_held, vehicles_bought, vehicles_bought_fen;

	/* other sections */
	struct cj_chg opcost_chg;                 /* 机关运行经费 */
	struct cj_amt proc_total;
	struct cj_ratio sme_share, small_share;   /* of 政府采购支出总额 */
	int64_t assets_vehicles;
	int64_t authorized, staff;                /* headcounts */
	struct cj_amt sub_units;                  /* 下属二级单位 = 行政 + 参公 + 其他事业 (counts) */

	/* projects, parallel to a->perf.projects */
	struct cj_proj_fig *proj;
	size_t nproj;
	struct cj_amt proj_exec_total;            /* sum over projects */
};

/*
 * Compute every figure.  `codes` gives names by year (may be NULL: names
 * then come from the dataset only).  Errors: CJ_ERR_RANGE on overflow (the
 * message names the field and line), CJ_ERR_NOMEM.
 * Caller owns *out; free with cj_figures_free().  The figures borrow from
 * `a` and `codes`: free them first.
 */
enum cj_err cj_calc(const struct cj_accounts *a, const struct cj_codes *codes,
		    struct cj_figures **out, struct cj_diag *d);

void cj_figures_free(struct cj_figures *f);

/* 1 when an economic code belongs to 人员经费 (类 301 and 303, DOMAIN.md 2.6). */
int cj_calc_is_personnel(const char *econ_code);

/* ratio num/den in bp; unknown when either is unknown or den is zero. */
struct cj_ratio cj_calc_ratio(struct cj_amt num, struct cj_amt den);

/* A change between two amounts. */
struct cj_chg cj_calc_change(struct cj_amt cur, struct cj_amt prev);

#endif
