/*
 * checks_misc.c - a ratio written without its percent sign (AUD-PCT-SIGN):
 * "占5.19；", "增长87.31，", "完成预算的100。".
 *
 * Only after the ratio words themselves (占, 占比, 增长, 下降, 增幅, 降幅,
 * 完成预算, 执行率 ...), and only when the number is followed by the end of
 * its clause: "增加12.5万元" is an amount, "增长2倍" a multiple, and a
 * number followed by anything else is not a bare percentage.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

static const char *const ratio_words[] = {
	"占", "占比", "占比为", "的比重为", "增长", "下降", "增幅", "降幅", "增长率", "下降率",
	"完成预算", "完成预算的", "完成年初预算的", "完成年初预算", "为预算的", "执行率",
	"执行率为", "预算执行率", "完成率", "完成率为"};

/* Is s[i] the end of a clause (punctuation or the end of the paragraph)? */
static int clause_end(const char *s, size_t len, size_t i)
{
	size_t adv;
	uint32_t cp;

	if (i >= len)
		return 1;
	cp = cj_aud_cp(s, len, i, &adv);
	return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0x3001 || cp == ',' ||
	       cp == ';' || cp == 0xFF09 || cp == ')' || cp == '\t' || cp == '|';
}

void cj_aud_check_pct_sign(struct aud_doc *doc)
{
	size_t k, w;

	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *f = &doc->figs[k];
		const struct aud_para *para;
		char st[48], ex[48];
		size_t n;

		if (f->kind != AUD_BARE || (f->flags & (AUD_F_TABLE | AUD_F_APPROX)))
			continue;
		if (f->role != AUD_R_SHARE && f->role != AUD_R_RATE && f->role != AUD_R_COMPLETION)
			continue;
		para = &doc->paras[f->para];
		if (!clause_end(para->ptr, para->len, f->end))
			continue;
		for (w = 0; w < sizeof(ratio_words) / sizeof(ratio_words[0]); w++)
			if (cj_aud_ends(para->ptr, f->off, ratio_words[w]))
				break;
		if (w == sizeof(ratio_words) / sizeof(ratio_words[0]))
			continue;
		if (f->val.v < 0 || f->val.v / (f->val.scale ? 1 : 1) > 100000000)
			continue;
		n = cj_aud_num_text(f, st, sizeof(st));
		snprintf(ex, sizeof(ex), "%.*s%%", (int)n, st);
		cj_aud_report(doc, "AUD-PCT-SIGN", (uint32_t)k, st, ex,
			      "“%s”后的%s缺少百分号，应写作%s", ratio_words[w], st, ex);
	}
}
