/*
 * report_glossary.c - 第N部分 名词解释.
 *
 * An entry with a classification code prints its label from the code
 * table of the report's year ("卫生健康支出（210）行政事业单位医疗（11）
 * 行政单位医疗（01）："), so a renamed 类 or 款 is always named as in that
 * year; other entries print "{term}：".  Numbered 1. 2. … in dataset order.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"

/* Name of a functional-classification row from the figures, or NULL. */
static const char *func_name(const struct cj_rp *rp, const char *code)
{
	const struct cj_ftable *t[3] = {&rp->f->gen, &rp->f->gov, &rp->f->cap};
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < t[k]->n; i++)
			if (strcmp(t[k]->rows[i].code, code) == 0 && t[k]->rows[i].name)
				return t[k]->rows[i].name;
	return NULL;
}

/* "{类名}（201）{款名}（31）{项名}（01）" for a 3, 5 or 7 digit code. */
static void code_label(struct cj_rp *rp, const char *code)
{
	size_t len = strlen(code), cut;
	char prefix[8];

	if (len != 3 && len != 5 && len != 7) {
		cj_buf_puts(&rp->b, code);
		return;
	}
	for (cut = 3; cut <= len; cut += 2) {
		const char *name = NULL;
		size_t from = cut == 3 ? 0 : cut - 2;

		memcpy(prefix, code, cut);
		prefix[cut] = '\0';
		if (rp->codes)
			name = cj_codes_name(rp->codes, CJ_CODE_FUNC, prefix, rp->year);
		if (!name)
			name = func_name(rp, prefix);
		if (name) {
			cj_buf_puts(&rp->b, name);
			cj_buf_printf(&rp->b, "（%.*s）", (int)(cut - from), code + from);
		} else {
			cj_buf_puts(&rp->b, prefix); /* unknown name: show the code itself */
		}
	}
}

void cj_report_glossary(struct cj_rp *rp)
{
	const struct cj_terms *g = &rp->a->glossary;
	size_t i, k = 0;
	char cn[16];

	if (!g->n)
		return;
	cj_report_heading(rp, 1, "第%s部分 名词解释", cj_report_cn(++rp->part, cn, sizeof(cn)));
	for (i = 0; i < g->n; i++) {
		const struct cj_term *t = &g->v[i];
		char *pre;

		if (!cj_report_has(&t->text))
			continue;
		cj_buf_printf(&rp->b, "%zu.", ++k);
		if (cj_report_has(&t->code))
			code_label(rp, t->code.s);
		else
			cj_report_clause(&rp->b, t->term.s);
		cj_buf_puts(&rp->b, "：");
		/* the label becomes the prefix of the entry's first paragraph */
		pre = cj_buf_detach(&rp->b, NULL);
		if (!pre) {
			cj_report_fail(rp, rp->b.err ? rp->b.err : CJ_ERR_NOMEM);
			cj_buf_reset(&rp->b);
			continue;
		}
		cj_report_paras(rp, pre, &t->text);
		cj_free(pre);
	}
}
