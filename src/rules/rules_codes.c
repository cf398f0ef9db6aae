/*
 * rules_codes.c - 编码 rules: classification codes and names of the
 * dataset against the code table of the report's year (model/codes.h).
 *
 * Names are compared after folding full-width forms (（）→ ()), so a
 * typing variant of the bracket is no finding; any other difference is.
 * A name that the table knows for another year is reported as outdated
 * ("「医疗卫生与计划生育支出」是2018年及以前的名称，2020年应为「卫生健康支出」").
 *
 * The bundled table is partial (DOMAIN.md 10), so an unknown code is a
 * warning that points to codes_file, not an error.  Rules that need the
 * table are silent when ctx->codes is NULL.
 */
#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/utf8.h"
#include "rules_impl.h"

static int year_of(const struct cj_check_ctx *ctx)
{
	return ctx->a->year.set ? (int)ctx->a->year.n : 0;
}

/* 1 when two names are equal once full-width forms are folded. */
static int same_name(const char *a, const char *b)
{
	struct cj_buf x, y;
	int eq;

	cj_buf_init(&x, 1 << 16);
	cj_buf_init(&y, 1 << 16);
	cj_utf8_fold(&x, a, strlen(a));
	cj_utf8_fold(&y, b, strlen(b));
	if (cj_buf_err(&x) || cj_buf_err(&y))
		eq = strcmp(a, b) == 0;
	else
		eq = strcmp(cj_buf_str(&x), cj_buf_str(&y)) == 0;
	cj_buf_release(&x);
	cj_buf_release(&y);
	return eq;
}

/* A name in the dataset against the table's name for the code and year. */
static void check_name(struct cj_check_ctx *ctx, enum cj_code_kind kind, const char *code,
		       const struct cj_text *name, const struct cj_loc *loc)
{
	int year = year_of(ctx), from = 0, to = 0;
	const char *want, *other = NULL;

	if (!ctx->codes || !code || !name->s || !name->s[0])
		return;
	want = cj_codes_name(ctx->codes, kind, code, year);
	if (!want || same_name(name->s, want))
		return;
	loc = cj_rules_loc(&name->loc, loc, NULL);
	if (cj_codes_find_name(ctx->codes, kind, name->s, &other, &from, &to)) {
		if (strcmp(other, code) == 0 && to && to < year) {
			cj_rule_report(ctx, loc, name->s, want, "「%s」是%d年及以前的名称，%d年应为「%s」",
				       name->s, to, year, want);
			return;
		}
		if (strcmp(other, code) == 0 && from && from > year) {
			cj_rule_report(ctx, loc, name->s, want, "「%s」是%d年起的名称，%d年应为「%s」",
				       name->s, from, year, want);
			return;
		}
		if (strcmp(other, code) != 0) {
			cj_rule_report(ctx, loc, name->s, want,
				       "「%s」是科目%s的名称，科目%s在%d年应为「%s」", name->s, other,
				       code, year, want);
			return;
		}
	}
	cj_rule_report(ctx, loc, name->s, want, "科目%s的名称与%d年科目表不符，应为「%s」", code,
		       year, want);
}

/* An unknown code: say whether another year has it. */
static void unknown_code(struct cj_check_ctx *ctx, enum cj_code_kind kind, const char *code,
			 const struct cj_loc *loc, const char *what)
{
	int year = year_of(ctx);

	if (!ctx->codes || !code || cj_codes_name(ctx->codes, kind, code, year))
		return;
	if (cj_codes_known_any_year(ctx->codes, kind, code))
		cj_rule_report(ctx, loc, code, NULL, "%s编码%s在%d年的科目表中不存在（该编码属于其他年度）",
			       what, code, year);
	else
		cj_rule_report(ctx, loc, code, NULL,
			       "%s编码%s不在%d年的科目表中（内置科目表不完整，"
			       "可用 codes_file 指定当年的官方科目表）",
			       what, code, year);
}

/* CODE-UNKNOWN: a functional 项 code unknown for the year (DOMAIN.md 2.1, 10) */
void cj_rules_code_unknown(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	int k;
	size_t i;

	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++)
		for (i = 0; i < fd[k].fs->items.n; i++) {
			const struct cj_func_item *it = &fd[k].fs->items.v[i];

			unknown_code(ctx, CJ_CODE_FUNC, it->code.s,
				     cj_rules_loc(&it->code.loc, &it->loc, NULL), "功能分类科目");
		}
}

/* CODE-NAME: a functional 类/款/项 name unlike the table's (DOMAIN.md 2.4, 5.11) */
void cj_rules_code_name(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	int k;
	size_t i;

	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++) {
		for (i = 0; i < fd[k].fs->stated.n; i++) {
			const struct cj_stated_row *r = &fd[k].fs->stated.v[i];
			check_name(ctx, CJ_CODE_FUNC, r->code.s, &r->name, &r->loc);
		}
		for (i = 0; i < fd[k].fs->items.n; i++) {
			const struct cj_func_item *it = &fd[k].fs->items.v[i];
			check_name(ctx, CJ_CODE_FUNC, it->code.s, &it->name, &it->loc);
		}
	}
}

/* CODE-ECON-UNKNOWN: an economic 款 code unknown for the year (DOMAIN.md 2.5, 10) */
void cj_rules_code_econ_unknown(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->basic.items.n; i++) {
		const struct cj_econ_item *it = &ctx->a->basic.items.v[i];

		unknown_code(ctx, CJ_CODE_ECON, it->code.s, cj_rules_loc(&it->code.loc, &it->loc, NULL),
			     "经济分类科目");
	}
}

/* CODE-ECON-NAME: an economic 款 name unlike the table's (DOMAIN.md 2.5) */
void cj_rules_code_econ_name(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->basic.items.n; i++) {
		const struct cj_econ_item *it = &ctx->a->basic.items.v[i];

		check_name(ctx, CJ_CODE_ECON, it->code.s, &it->name, &it->loc);
	}
}

/* ------------------------------------------------------------ structure */

static void dup_report(struct cj_check_ctx *ctx, const char *code, const struct cj_loc *here,
		       const struct cj_loc *first, const char *table)
{
	if (first->line)
		cj_rule_report(ctx, here, code, NULL, "科目编码%s在%s中重复出现（第%u行已有）", code,
			       table, first->line);
	else
		cj_rule_report(ctx, here, code, NULL, "科目编码%s在%s中重复出现", code, table);
}

/* CODE-DUP: a code twice in one table (DOMAIN.md 1.3) */
void cj_rules_code_dup(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	const struct cj_econ_items *ei = &ctx->a->basic.items;
	int k;
	size_t i, j;

	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++) {
		const struct cj_func_items *it = &fd[k].fs->items;
		const struct cj_stated_rows *st = &fd[k].fs->stated;

		for (i = 1; i < it->n; i++)
			for (j = 0; j < i; j++)
				if (it->v[i].code.s && it->v[j].code.s &&
				    strcmp(it->v[i].code.s, it->v[j].code.s) == 0) {
					dup_report(ctx, it->v[i].code.s, &it->v[i].loc, &it->v[j].loc,
						   fd[k].name);
					break;
				}
		for (i = 1; i < st->n; i++)
			for (j = 0; j < i; j++)
				if (st->v[i].code.s && st->v[j].code.s &&
				    strcmp(st->v[i].code.s, st->v[j].code.s) == 0) {
					dup_report(ctx, st->v[i].code.s, &st->v[i].loc, &st->v[j].loc,
						   fd[k].name);
					break;
				}
	}
	for (i = 1; i < ei->n; i++)
		for (j = 0; j < i; j++)
			if (ei->v[i].code.s && ei->v[j].code.s &&
			    strcmp(ei->v[i].code.s, ei->v[j].code.s) == 0) {
				dup_report(ctx, ei->v[i].code.s, &ei->v[i].loc, &ei->v[j].loc,
					   "一般公共预算财政拨款基本支出");
				break;
			}
}

/* CODE-STATED-ORPHAN: a stated 类/款 row with no 项 below it (DOMAIN.md 5.5) */
void cj_rules_code_stated_orphan(struct cj_check_ctx *ctx)
{
	struct cj_rules_fund fd[3];
	int k;
	size_t i, j;

	cj_rules_funds(ctx, fd);
	for (k = 0; k < 3; k++) {
		const struct cj_fund_spending *fs = fd[k].fs;

		for (i = 0; i < fs->stated.n; i++) {
			const struct cj_stated_row *r = &fs->stated.v[i];
			size_t n;
			int found = 0;

			if (!r->code.s)
				continue;
			n = strlen(r->code.s);
			for (j = 0; j < fs->items.n && !found; j++)
				found = fs->items.v[j].code.s &&
					strncmp(fs->items.v[j].code.s, r->code.s, n) == 0;
			if (!found)
				cj_rule_report(ctx, &r->loc, r->code.s, NULL,
					       "%s中填报了%s%s（%s）的小计，但没有属于它的项级科目",
					       fd[k].name, r->code.s, r->name.s ? r->name.s : "",
					       n == 3 ? "类" : "款");
		}
	}
}

/* CODE-GLOSSARY: a glossary code unknown for the year (DOMAIN.md 1.1, 10) */
void cj_rules_code_glossary(struct cj_check_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->a->glossary.n; i++) {
		const struct cj_term *t = &ctx->a->glossary.v[i];

		if (t->code.s && t->code.s[0])
			unknown_code(ctx, CJ_CODE_FUNC, t->code.s,
				     cj_rules_loc(&t->code.loc, &t->loc, NULL), "名词解释中的科目");
	}
}
