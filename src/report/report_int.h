/*
 * report_int.h - private to src/report/report*.c: the builder context and
 * the shared phrase helpers.
 *
 *   report.c          driver: the parts in order, errors
 *   report_words.c    phrases: amounts, percentages, changes, reasons,
 *                     numbering, paragraphs from multi-line text
 *   report_profile.c  第一部分 部门概况 (and the 机构/人员 sentences that
 *                     附件1 repeats)
 *   report_text.c     第二部分 情况说明 一 … 十（三）, except 七
 *   report_sangong.c  七、“三公”经费
 *   report_perf.c     十（四） 预算绩效管理, 附件1, 附件2
 *   report_glossary.c 第三部分 名词解释
 *   report_tables.c   第五部分 附表 (公开01表 … 公开09表)
 *   report_charts.c   the seven charts
 *
 * Rule for all of them: no arithmetic on figures.  Every amount, share,
 * change and rate is read from struct cj_figures or from the dataset.
 * The only exceptions are marked CALC-MOVE and wait to move into calc/.
 */
#ifndef CJ_REPORT_INT_H
#define CJ_REPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "report.h"

/* Limit of one paragraph or heading; a dataset text longer than this is refused. */
#define CJ_REPORT_PARA_MAX ((size_t)1 << 20)

struct cj_rp {
	const struct cj_accounts *a;
	const struct cj_figures *f;
	const struct cj_codes *codes;
	struct cj_doc *doc;
	int year;
	const char *name;   /* unit name ("" when absent) */
	const char *sname;  /* short name, else the name */
	int part;           /* last 第N部分 number used */
	int sub;            /* last （N） number used under 十、其他重要事项 */
	struct cj_buf b;    /* the paragraph being built */
	enum cj_err err;    /* sticky: first failure outside the doc */
};

/* ------------------------------------------------------- report_words.c */

/* Record a failure (first wins). */
void cj_report_fail(struct cj_rp *rp, enum cj_err e);

/* Amount in 万元, two decimals, no grouping: "1104.25"; _amt adds "万元". */
void cj_report_wan(struct cj_buf *b, int64_t fen);
void cj_report_amt(struct cj_buf *b, int64_t fen);
/* bp as "5.09%". */
void cj_report_pct(struct cj_buf *b, int64_t bp);

/* A count "12" (people, vehicles, batches). */
void cj_report_count(struct cj_buf *b, int64_t n);

/* Chinese numeral for 1..99 ("一", "十", "十三", "二十一") into buf. */
const char *cj_report_cn(int n, char *buf, size_t cap);

/* Label of the previous fiscal year: "2019年". */
void cj_report_prev_year(struct cj_buf *b, const struct cj_rp *rp);

/* Append text without trailing white space and without a final 。；，. */
void cj_report_clause(struct cj_buf *b, const char *text);
/* Append text without trailing white space, ending it with 。 if it has no
 * final punctuation. */
void cj_report_sentence(struct cj_buf *b, const char *text);

/* 1 when a text is present and not blank. */
int cj_report_has(const struct cj_text *t);

/*
 * Change wording.  STYLE_WITH: "与2019年相比，{noun}增加X万元，增长Y%";
 * STYLE_THAN: "{noun}比2019年增加X万元，增长Y%".  Decrease: "减少X万元，
 * 下降Y%"; equal: "{noun}与2019年持平"; zero base: "…增加X万元，上年无此项
 * {kind}".  Nothing when the change is unknown.  Returns 1 when written.
 */
enum cj_chg_style { CJ_CHG_WITH, CJ_CHG_THAN };
int cj_report_change(struct cj_buf *b, const struct cj_rp *rp, const struct cj_chg *c,
		     const char *noun, const char *kind, enum cj_chg_style style);

/*
 * Reasons: "{lead}{r1}。" for one, "{lead}：1.{r1}；2.{r2}。" for more,
 * each item's amount appended as "57.55万元".  Nothing when the list is
 * empty.  Returns 1 when written.
 */
int cj_report_reasons(struct cj_buf *b, const struct cj_reasons *r, const char *lead);
/* The same over several lists, numbered as one. */
int cj_report_reasons_n(struct cj_buf *b, const struct cj_reasons *const *r, size_t nr,
			const char *lead);

/* Emit the paragraph (or note) built in rp->b, if any, and empty it. */
void cj_report_flush(struct cj_rp *rp);
void cj_report_flush_note(struct cj_rp *rp);
void cj_report_flush_heading(struct cj_rp *rp, int level);
/* A dataset note (e.g. （注：数据来源于财决01表）) as a note node. */
void cj_report_note(struct cj_rp *rp, const struct cj_text *t);

/* "，其中：轿车1辆、越野车0辆" (with amounts: "轿车0辆、金额0.00万元，…"). */
void cj_report_vehicles(struct cj_buf *b, const struct cj_vehicle_kinds *v, int with_amount);

/* A heading from a printf format. */
void cj_report_heading(struct cj_rp *rp, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Paragraphs from a dataset text, one per non-blank line; `prefix` (may be
 * NULL) goes before the first.  Nothing when the text is absent.
 */
void cj_report_paras(struct cj_rp *rp, const char *prefix, const struct cj_text *t);

/* ---------------------------------------------------- report_profile.c */

void cj_report_profile(struct cj_rp *rp);
/* 1.… 2.… paragraphs of the unit's functions. */
void cj_report_functions(struct cj_rp *rp);
/* 编制/实有人员 sentence; returns 0 (and writes nothing) without staffing data. */
int cj_report_staffing(struct cj_rp *rp);

/* ------------------------------------------------------- report_text.c */

void cj_report_explain(struct cj_rp *rp);
/* "2020年本年收入合计…，其中：…占…" into rp->b (no flush). */
void cj_report_income_sentence(struct cj_rp *rp);
/* "2020年本年支出合计…，其中：…占…" into rp->b (no flush). */
void cj_report_spending_sentence(struct cj_rp *rp);
/* 七、“三公”经费 (report_sangong.c). */
void cj_report_sangong(struct cj_rp *rp);
/* Why a fund table (8 政府性基金, 9 国有资本经营) is empty: the unit's
 * none_reason, else our standard wording (DOMAIN.md 9), into b. */
void cj_report_none_reason(const struct cj_rp *rp, int table, struct cj_buf *b);

/* ------------------------------------------------------- report_perf.c */

void cj_report_perf_section(struct cj_rp *rp);
void cj_report_annexes(struct cj_rp *rp);

/* --------------------------------------------------- report_glossary.c */

void cj_report_glossary(struct cj_rp *rp);

/* ----------------------------------------------------- report_tables.c */

void cj_report_tables(struct cj_rp *rp);
/* The 项目支出绩效目标完成情况表 of project i (0-based). */
void cj_report_perf_table(struct cj_rp *rp, size_t i);
/* The 资金计划、到位及使用情况 table of project i. */
void cj_report_funds_table(struct cj_rp *rp, size_t i);

/* ----------------------------------------------------- report_charts.c */

/* Chart n (1..7), appended to the document where called. */
void cj_report_chart(struct cj_rp *rp, int n);

#endif
