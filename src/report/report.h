/*
 * report.h - the report builder: one dataset plus its derived figures in,
 * one document tree (struct cj_doc) out.
 *
 * This is where the Chinese wording of a 部门决算公开 lives, once.  The
 * document follows the structure of the unit's own published report
 * (第一部分 部门概况, 第二部分 情况说明 一…十, 第三部分 名词解释, 第四部分
 * 附件, 第五部分 附表 公开01表…公开09表) with every figure taken from
 * calc/ (struct cj_figures) or straight from the dataset, never computed
 * here.  Renderers in out/ only draw the tree.
 *
 * What it deliberately does not do: check the data (that is rules/), or
 * print a figure the data does not have (an absent figure drops its
 * sentence; it is never printed as 0).
 */
#ifndef CJ_REPORT_H
#define CJ_REPORT_H

#include "../base/err.h"
#include "../calc/calc.h"
#include "../model/accounts.h"
#include "../model/codes.h"
#include "doc.h"

/*
 * Build the document of `a` with the figures `f` computed from it by
 * cj_calc() (same `a`, same `codes`).  `codes` gives the names of
 * classification codes for the year (may be NULL: names then come from the
 * dataset and the figures only).
 *
 * Stable ids: tables t1 … t9 (公开01表 … 公开09表), perf-N (项目支出绩效目标
 * 完成情况表 of project N, 1-based), perf-N-funds (its 资金计划、到位及使用
 * table); charts chart1 … chart7.
 *
 * On success *out is a new document; caller owns it, free with
 * cj_doc_free().  On failure *out is untouched and nothing leaks.
 * Errors: CJ_ERR_USAGE (a NULL argument), CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE.
 *
 *     struct cj_doc *doc;
 *     if (cj_report_build(a, f, codes, &doc, &d) != CJ_OK)
 *         return d.code;
 *     render(doc);
 *     cj_doc_free(doc);
 */
enum cj_err cj_report_build(const struct cj_accounts *a, const struct cj_figures *f,
			    const struct cj_codes *codes, struct cj_doc **out,
			    struct cj_diag *d);

#endif
