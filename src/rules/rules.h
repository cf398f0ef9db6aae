/*
 * rules.h - the check catalogue: every rule with a stable id, severity,
 * category, Chinese title and basis, and (for dataset rules) the function
 * that applies it.
 *
 * The catalogue is one table (catalogue.c); docs/rules.md is generated
 * from it (`caijue rules --markdown`), so documentation cannot drift.
 * Rules are grouped in files by family (rules_totals.c, rules_cross.c,
 * rules_explain.c, rules_codes.c, rules_sangong.c, rules_perf.c ...); each
 * family file exports its check functions through rules_impl.h.  Rules
 * whose `check` is NULL are applied elsewhere (audit/ on published text)
 * but share the catalogue and its ids.
 */
#ifndef CJ_RULES_H
#define CJ_RULES_H

#include <stdint.h>

#include "../calc/calc.h"
#include "../base/buf.h"
#include "finding.h"

struct cj_check_ctx {
	const struct cj_accounts *a;
	const struct cj_figures *f;
	const struct cj_codes *codes;
	struct cj_check_opts opts;
	const struct cj_rule *rule;   /* the rule being applied */
	struct cj_findings *out;
};

struct cj_rule {
	const char *id;        /* stable, e.g. "INC-TOTAL" */
	enum cj_sev sev;
	const char *category;  /* 合计, 勾稽, 说明, 编码, 三公, 绩效, 数据, 文本 */
	const char *title;     /* Chinese, one line */
	const char *basis;     /* where the rule comes from (DOMAIN.md section, official doc) */
	void (*check)(struct cj_check_ctx *ctx);
};

/* The catalogue, terminated by an entry with id NULL. */
const struct cj_rule *cj_rules_catalogue(void);

/* Look up a rule by id; NULL when unknown. */
const struct cj_rule *cj_rules_find(const char *id);

/*
 * Apply every dataset rule.  Findings go to `out` (not sorted).  Returns
 * CJ_ERR_NOMEM if the finding list failed.
 */
enum cj_err cj_check(const struct cj_accounts *a, const struct cj_figures *f,
		     const struct cj_codes *codes, const struct cj_check_opts *opts,
		     struct cj_findings *out);

/*
 * Report a finding for ctx->rule at a dataset location (line, cell from a
 * struct cj_loc).  stated/expected may be NULL.
 */
void cj_rule_report(struct cj_check_ctx *ctx, const struct cj_loc *loc, const char *stated,
		    const char *expected, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Markdown listing of the catalogue (docs/rules.md). */
enum cj_err cj_rules_markdown(struct cj_buf *out);

#endif
