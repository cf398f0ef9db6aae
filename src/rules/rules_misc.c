/*
 * rules_misc.c - 数据 rules: plausibility of single values that no sum or
 * relation covers (the fiscal year, the sign of closing balances).
 */
#include <stdio.h>

#include "rules_impl.h"

/* YEAR-RANGE: the fiscal year lies in 2000–2100 (DOMAIN.md 10) */
void cj_rules_year_range(struct cj_check_ctx *ctx)
{
	const struct cj_count *y = &ctx->a->year;
	char s[CJ_RULES_NUM];

	if (!y->set || (y->n >= 2000 && y->n <= 2100))
		return;
	cj_rule_report(ctx, &y->loc, cj_rules_fmt_count(y->n, s, sizeof(s)), "2000–2100",
		       "决算年度%lld不在2000至2100之间", (long long)y->n);
}

static void neg(struct cj_check_ctx *ctx, const struct cj_fig *f, const char *what)
{
	char s[CJ_RULES_NUM];

	if (f->set && f->fen < 0)
		cj_rule_report(ctx, &f->loc, cj_rules_money(ctx, f->fen, s, sizeof(s)), NULL,
			       "%s为负数，请核对", what);
}

/* NEG-CLOSING: a negative 年末结转和结余 (DOMAIN.md 6: negatives are unusual) */
void cj_rules_neg_closing(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	char what[160];
	int y, k;
	size_t i;

	for (y = 0; y < CJ_NYEARS; y++) {
		snprintf(what, sizeof(what), "%s年末结转和结余", cj_rules_year_prefix(y));
		neg(ctx, &ctx->a->spending.year[y].closing, what);
		snprintf(what, sizeof(what), "%s年末财政拨款结转和结余", cj_rules_year_prefix(y));
		neg(ctx, &ctx->a->fiscal.year[y].closing, what);
	}
	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++)
		for (i = 0; i < fd[k].fs->items.n; i++) {
			const struct cj_func_item *it = &fd[k].fs->items.v[i];

			snprintf(what, sizeof(what), "%s科目%s的年末结转和结余", fd[k].name,
				 it->code.s ? it->code.s : "");
			neg(ctx, &it->closing, what);
		}
}
