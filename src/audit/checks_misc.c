/*
 * checks_misc.c - a ratio written without its percent sign (AUD-PCT-SIGN):
 * "占5.19；", "增长87.31，", "完成预算的100。".
 *
 * Only after the ratio words themselves (占, 占比, 增长, 下降, 增幅, 降幅,
 * 完成预算, 执行率 ...), and only when the number is followed by the end of
 * its clause: "增加12.5万元" is an amount, "增长2倍" a multiple, and a
 * number followed by anything else is not a bare percentage.  claim.c
 * reads such a number as the percentage it is (AUD_F_NOSIGN), so the
 * other checks use it too ("占65.52" is the right share: only this
 * finding).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

void cj_aud_check_pct_sign(struct aud_doc *doc)
{
	size_t k;

	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *f = &doc->figs[k];
		char st[48], ex[48];
		size_t n;

		if (!(f->flags & AUD_F_NOSIGN))
			continue;
		n = cj_aud_num_text(f, st, sizeof(st));
		snprintf(ex, sizeof(ex), "%.*s%%", (int)n, st);
		cj_aud_report_near(doc, "AUD-PCT-SIGN", (uint32_t)k, st, ex,
				   "比率%s缺少百分号，应写作%s", st, ex);
	}
}
