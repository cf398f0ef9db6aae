/*
 * report.c - cj_report_build: the parts of the document in order.
 *
 *   title                {单位名称}{year}年度部门决算
 *   第一部分 部门概况      report_profile.c
 *   第二部分 情况说明      report_text.c (十（四） in report_perf.c)
 *   第三部分 名词解释      report_glossary.c (when the dataset has a glossary)
 *   第四部分 附件          report_perf.c (when there is an evaluation to print)
 *   第五部分 附表          report_tables.c
 *
 * Parts are numbered as printed, so a missing glossary or annex leaves no
 * gap.  Failures are sticky (doc->err, rp->err); the document is checked
 * once at the end and freed on failure.
 */
#include "report_int.h"

#include <string.h>

#include "../base/buf.h"

enum cj_err cj_report_build(const struct cj_accounts *a, const struct cj_figures *f,
			    const struct cj_codes *codes, struct cj_doc **out,
			    struct cj_diag *d)
{
	struct cj_rp rp;
	struct cj_buf title;
	enum cj_err e;

	if (!a || !f || !out)
		return cj_fail(d, CJ_ERR_USAGE, "生成报告：参数为空");
	memset(&rp, 0, sizeof(rp));
	rp.a = a;
	rp.f = f;
	rp.codes = codes;
	rp.year = f->year;
	rp.name = a->unit.name.s ? a->unit.name.s : "";
	rp.sname = cj_report_has(&a->unit.short_name) ? a->unit.short_name.s : rp.name;

	cj_buf_init(&title, CJ_REPORT_PARA_MAX);
	cj_buf_printf(&title, "%s%d年度部门决算", rp.name, rp.year);
	e = cj_buf_err(&title);
	if (!e) {
		rp.doc = cj_doc_new(cj_buf_str(&title), rp.name, rp.year);
		if (!rp.doc)
			e = CJ_ERR_NOMEM;
	}
	cj_buf_release(&title);
	if (e)
		return cj_fail(d, e, "生成报告失败：内存不足");

	cj_buf_init(&rp.b, CJ_REPORT_PARA_MAX);
	rp.part = 2;
	cj_report_profile(&rp);
	cj_report_explain(&rp);
	cj_report_glossary(&rp);
	cj_report_annexes(&rp);
	cj_report_tables(&rp);
	cj_report_fail(&rp, cj_buf_err(&rp.b));
	cj_buf_release(&rp.b);

	e = rp.err ? rp.err : rp.doc->err;
	if (e) {
		cj_doc_free(rp.doc);
		if (e == CJ_ERR_TOO_LARGE)
			return cj_fail(d, e, "生成报告失败：段落过长");
		if (e == CJ_ERR_RANGE)
			return cj_fail(d, e, "生成报告失败：金额合计超出可表示的范围");
		return cj_fail(d, e, "生成报告失败：%s", e == CJ_ERR_NOMEM ? "内存不足" : cj_strerror(e));
	}
	*out = rp.doc;
	return CJ_OK;
}
