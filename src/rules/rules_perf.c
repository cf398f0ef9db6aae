/*
 * rules_perf.c - checks on performance indicators and self-evaluations
 * (issue 5).  Being written; each function applies the rule of the same
 * id in catalogue.c.
 */
#include "rules_impl.h"

void cj_rules_perf_levels(struct cj_check_ctx *ctx)
{
	(void)ctx;
}

void cj_rules_perf_level2(struct cj_check_ctx *ctx)
{
	(void)ctx;
}

void cj_rules_perf_deviation_reason(struct cj_check_ctx *ctx)
{
	(void)ctx;
}

void cj_rules_perf_text_table(struct cj_check_ctx *ctx)
{
	(void)ctx;
}

void cj_rules_perf_unit(struct cj_check_ctx *ctx)
{
	(void)ctx;
}

void cj_rules_perf_weights(struct cj_check_ctx *ctx)
{
	(void)ctx;
}
