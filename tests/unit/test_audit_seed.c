/*
 * test_audit_seed.c - the seed report (tests/audit/cases/001-seed-2020.txt, a real
 * 2020 部门决算) gives exactly the findings docs/audit.md calls for, each
 * pinned by rule, line, stated and expected; the same report as HTML, DOCX
 * and PDF (tests/data/audit, made by make-formats.sh) gives the same
 * findings; and our own generated report (examples/lizhou-2020.yaml built
 * to Markdown, HTML, DOCX and PDF) gives no error and no warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "caijue.h"
#include "runner.h"

#define SEED "tests/audit/cases/001-seed-2020.txt"
#define FORMATS "tests/data/audit/seed-2020"

struct want {
	const char *rule;
	unsigned line;
	const char *stated, *expected;
};

/* AUD-* ids and lines of the seed, as docs/audit.md fixes them. */
static const struct want seed_findings[] = {
	/* 基本支出 522.26 + 项目支出 274.83 = 797.09 against 本年支出合计 797.10 */
	{"AUD-SUM-ROUNDING", 79, "797.10", "797.09"},
	/* 第二部分: 收入支出…/收入决算…/支出决算… without numbers, then 四、 */
	{"AUD-SECTION-GAP", 81, "四", "一"},
	/* 财政拨款收入增加514.27万元, where line 48 and 87.31% say 514.72 */
	{"AUD-CHANGE-RATE", 82, "514.27", "514.72"},
	/* the four reasons add up to 514.72, not 514.27 */
	{"AUD-REASON-SUM", 82, "514.72", "514.27"},
	/* 社会保障和就业 40.57 / 797.10 = 5.09%, written 5.19% */
	{"AUD-SHARE", 93, "5.19%", "5.09%"},
	/* the 一般公共预算 类 shares add up to 100.10% */
	{"AUD-SHARE-SUM", 93, "100.10%", "100.00%"},
	/* 公务用车 "占34.5%" and 公务接待 "占42.5%" are completion rates */
	{"AUD-MISLABELED-PCT", 137, "34.5%", "70.89%"},
	{"AUD-MISLABELED-PCT", 137, "42.5%", "29.11%"},
	/* 国有资本经营预算支出决算情况说明 without 九、 between 八、 and 十、 */
	{"AUD-SECTION-GAP", 151, "十", "九"},
	/* video conference project: 55.6 / 57.55 = 96.61%, written 99.73% */
	{"AUD-COMPLETION", 170, "99.73%", "96.61%"},
	/* 开展保密法宣传 2次 (lines 403, 872) and 3次 (line 417) */
	{"AUD-SAME-QTY", 417, "3次", "2次"},
	/* 项目绩效目标完成情况 without 1., then 2.部门开展绩效评价结果 */
	{"AUD-SECTION-GAP", 497, "2.", "1."},
	/* the glossary's 医疗卫生和计划生育支出 (210) in a 2020 report */
	{"AUD-OUTDATED-NAME", 511, "医疗卫生和计划生育支出", "卫生健康支出"},
};
#define NSEED (sizeof(seed_findings) / sizeof(seed_findings[0]))

/* Audit one file into fs (sorted); returns the error of cj_audit_file. */
static enum cj_err audit(const char *path, struct cj_findings *fs, struct cj_audit_coverage *cov)
{
	struct cj_audit *au = NULL;
	struct cj_diag d;
	enum cj_err e;

	cj_diag_init(&d);
	cj_findings_init(fs);
	e = cj_audit_new(NULL, &au, &d);
	if (e)
		return e;
	e = cj_audit_file(au, path, fs, &d);
	if (e)
		fprintf(stderr, "%s: %s\n", path, d.msg);
	cj_findings_sort(fs);
	if (cov)
		cj_audit_get_coverage(au, cov);
	cj_audit_free(au);
	return e;
}

/* Is the finding w in fs (rule, stated, expected; and line unless any_line)? */
static int has(const struct cj_findings *fs, const struct want *w, int any_line, size_t *used)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct cj_finding *f = &fs->v[i];
		if (used[i] || strcmp(f->rule, w->rule) || strcmp(f->stated, w->stated) ||
		    strcmp(f->expected, w->expected))
			continue;
		if (!any_line && f->line != w->line)
			continue;
		used[i] = 1;
		return 1;
	}
	return 0;
}

static void expect_seed(const char *path, int any_line)
{
	struct cj_findings fs;
	size_t i, used[64];

	memset(used, 0, sizeof(used));
	CHECK_EQ_INT(audit(path, &fs, NULL), CJ_OK);
	CHECK_EQ_INT(fs.n, NSEED);
	for (i = 0; i < NSEED && fs.n <= 64; i++)
		if (!has(&fs, &seed_findings[i], any_line, used))
			cj_test_fail(__FILE__, __LINE__, "%s: missing %s line %u (%s / %s)", path,
				     seed_findings[i].rule, seed_findings[i].line,
				     seed_findings[i].stated, seed_findings[i].expected);
	for (i = 0; i < fs.n && i < 64; i++)
		if (!used[i])
			cj_test_fail(__FILE__, __LINE__, "%s: unexpected %s line %u: %s", path,
				     fs.v[i].rule, fs.v[i].line, fs.v[i].message);
	cj_findings_release(&fs);
}

TEST(audit_seed_findings)
{
	expect_seed(SEED, 0);
}

TEST(audit_seed_severities_and_messages)
{
	struct cj_findings fs;
	size_t i;

	CHECK_EQ_INT(audit(SEED, &fs, NULL), CJ_OK);
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_ERROR), 8);
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_WARNING), 4);
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_INFO), 1);
	for (i = 0; i < fs.n; i++) {
		const struct cj_finding *f = &fs.v[i];
		CHECK_STR(f->file, SEED);
		CHECK(f->page == 0);
		if (strcmp(f->rule, "AUD-SHARE") == 0) {
			CHECK_CONTAINS(f->message, "社会保障和就业支出");
			CHECK_CONTAINS(f->message, "5.09%（40.57/797.10）");
			CHECK_CONTAINS(f->excerpt, "社会保障和就业（类）支出40.57万元，占5.19%");
		}
		if (strcmp(f->rule, "AUD-MISLABELED-PCT") == 0 && strcmp(f->stated, "34.5%") == 0) {
			CHECK_CONTAINS(f->message, "预算完成率（2.07/6.00）");
			CHECK_CONTAINS(f->message, "70.89%（2.07/2.92）");
		}
		if (strcmp(f->rule, "AUD-CHANGE-RATE") == 0)
			CHECK_CONTAINS(f->message, "第48行");
		if (strcmp(f->rule, "AUD-COMPLETION") == 0)
			CHECK_CONTAINS(f->message, "高清视频会议系统项目");
		if (strcmp(f->rule, "AUD-SAME-QTY") == 0)
			CHECK_CONTAINS(f->message, "保密法宣传");
	}
	cj_findings_release(&fs);
}

TEST(audit_seed_coverage)
{
	struct cj_findings fs;
	struct cj_audit_coverage cov;

	CHECK_EQ_INT(audit(SEED, &fs, &cov), CJ_OK);
	CHECK(cov.figures > 300);
	CHECK(cov.claims <= cov.figures);
	CHECK(cov.checked > 50);
	CHECK(cov.untied > 0 && cov.untied < cov.figures);
	cj_findings_release(&fs);
}

/* HTML and DOCX keep the lines of the text; PDF wraps them: same findings, other lines. */
TEST(audit_seed_formats)
{
	expect_seed(FORMATS ".html", 0);
	expect_seed(FORMATS ".docx", 0);
	expect_seed(FORMATS ".pdf", 1);
}

TEST(audit_seed_pdf_pages)
{
	struct cj_findings fs;
	size_t i;

	CHECK_EQ_INT(audit(FORMATS ".pdf", &fs, NULL), CJ_OK);
	for (i = 0; i < fs.n; i++)
		CHECK(fs.v[i].page > 0);
	cj_findings_release(&fs);
}

/* Our own report: built from the example dataset, audited clean. */
TEST(audit_generated_report_is_clean)
{
	char dir[] = "/tmp/caijue-audit-XXXXXX", path[256];
	static const char *const files[] = {"report.md", "report.html", "report.docx", "report.pdf"};
	struct cj_dataset *ds = NULL;
	struct cj_diag d;
	size_t k, i;

	cj_diag_init(&d);
	if (!mkdtemp(dir)) {
		cj_test_fail(__FILE__, __LINE__, "mkdtemp failed");
		return;
	}
	CHECK_EQ_INT(cj_dataset_load("examples/lizhou-2020.yaml", NULL, &ds, &d), CJ_OK);
	if (!ds)
		return;
	CHECK_EQ_INT(cj_dataset_build(ds, dir, CJ_OUT_HTML | CJ_OUT_MD | CJ_OUT_DOCX | CJ_OUT_PDF, NULL,
				      &d),
		     CJ_OK);
	for (k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		struct cj_findings fs;
		struct cj_audit_coverage cov;
		snprintf(path, sizeof(path), "%s/%s", dir, files[k]);
		CHECK_EQ_INT(audit(path, &fs, &cov), CJ_OK);
		CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_ERROR), 0);
		CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_WARNING), 0);
		for (i = 0; i < fs.n; i++)
			if (fs.v[i].sev != CJ_SEV_INFO)
				cj_test_fail(__FILE__, __LINE__, "%s:%u: %s %s", files[k], fs.v[i].line,
					     fs.v[i].rule, fs.v[i].message);
		CHECK(cov.checked > 100);
		cj_findings_release(&fs);
		unlink(path);
	}
	cj_dataset_free(ds);
	{
		/* the build also wrote charts/: leave nothing behind */
		char cmd[300];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		CHECK_EQ_INT(system(cmd), 0);
	}
}
