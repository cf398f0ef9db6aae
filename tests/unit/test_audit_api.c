/*
 * test_audit_api.c - the public audit API (include/caijue.h): sessions,
 * options (year, code table, explain), coverage over several documents,
 * errors from unreadable input (nothing appended), and allocation failure
 * at every step (CJ_ERR_NOMEM, the findings left as they were, no leak
 * under `make asan`).
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "caijue.h"
#include "runner.h"

static const char slip[] = "2020年度部门决算\n"
			   "本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；"
			   "项目支出274.84万元，占35.48%。\n"
			   "医疗卫生与计划生育支出12.39万元，某项5.00万元。\n";

TEST(audit_api_session)
{
	struct cj_audit *au = NULL;
	struct cj_findings fs;
	struct cj_audit_coverage cov;
	struct cj_audit_untied u;
	struct cj_audit_opts opts;
	struct cj_diag d;

	memset(&opts, 0, sizeof(opts));
	opts.explain = 1;
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_audit_new(&opts, &au, &d), CJ_OK);
	cj_findings_init(&fs);
	CHECK_EQ_INT(cj_audit_mem(au, slip, strlen(slip), "a.txt", &fs, &d), CJ_OK);
	CHECK_EQ_INT(cj_audit_last_year(au), 2020);
	CHECK_EQ_INT(cj_audit_mem(au, slip, strlen(slip), "b.md", &fs, &d), CJ_OK);
	cj_findings_sort(&fs);
	/* AUD-SHARE, AUD-SHARE-SUM, AUD-OUTDATED-NAME in each file */
	CHECK_EQ_INT(fs.n, 6);
	if (fs.n == 6) {
		CHECK_STR(fs.v[0].file, "a.txt");
		CHECK_STR(fs.v[3].file, "b.md");
		CHECK_EQ_INT(fs.v[0].line, 2);
	}
	cj_audit_get_coverage(au, &cov);
	CHECK_EQ_INT(cov.figures, 14);
	CHECK_EQ_INT(cov.claims, 14);
	CHECK_EQ_INT(cov.untied, 4); /* 12.39 and 5.00, twice */
	CHECK_EQ_INT(cj_audit_untied_count(au), 4);
	CHECK(cj_audit_untied(au, 0, &u));
	CHECK_STR(u.file, "a.txt");
	CHECK_EQ_INT(u.line, 3);
	CHECK_STR(u.figure, "12.39万元");
	CHECK(!cj_audit_untied(au, 4, &u));
	cj_findings_release(&fs);
	cj_audit_free(au);
	cj_audit_free(NULL);
}

TEST(audit_api_year_option)
{
	struct cj_audit *au = NULL;
	struct cj_findings fs;
	struct cj_audit_opts opts;
	struct cj_diag d;

	/* in a 2018 report the old name is the right one */
	memset(&opts, 0, sizeof(opts));
	opts.year = 2018;
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_audit_new(&opts, &au, &d), CJ_OK);
	cj_findings_init(&fs);
	CHECK_EQ_INT(cj_audit_mem(au, slip, strlen(slip), "a.txt", &fs, &d), CJ_OK);
	CHECK_EQ_INT(cj_audit_last_year(au), 2018);
	CHECK_EQ_INT(fs.n, 2);
	cj_findings_release(&fs);
	cj_audit_free(au);
}

TEST(audit_api_codes_option)
{
	struct cj_audit *au = NULL;
	struct cj_audit_opts opts;
	struct cj_diag d;

	memset(&opts, 0, sizeof(opts));
	opts.codes_file = "no/such/codes.csv";
	cj_diag_init(&d);
	CHECK(cj_audit_new(&opts, &au, &d) != CJ_OK);
	CHECK(au == NULL);
	CHECK(d.msg[0] != '\0');
}

TEST(audit_api_errors)
{
	struct cj_audit *au = NULL;
	struct cj_findings fs;
	struct cj_diag d;
	static const char bad_utf8[] = "收入\xff\xfe总计";
	static const char with_nul[] = "abc\0def";

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_audit_new(NULL, &au, &d), CJ_OK);
	cj_findings_init(&fs);
	CHECK_EQ_INT(cj_audit_mem(au, slip, strlen(slip), "a.txt", &fs, &d), CJ_OK);
	CHECK_EQ_INT(fs.n, 3);

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_audit_file(au, "no/such/report.txt", &fs, &d), CJ_ERR_IO);
	CHECK_CONTAINS(d.file, "report.txt");
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_audit_mem(au, "x", 1, "old.doc", &fs, &d), CJ_ERR_UNSUPPORTED);
	cj_diag_init(&d);
	CHECK(cj_audit_mem(au, bad_utf8, sizeof(bad_utf8) - 1, "bad.txt", &fs, &d) != CJ_OK);
	cj_diag_init(&d);
	CHECK(cj_audit_mem(au, with_nul, sizeof(with_nul) - 1, "nul.txt", &fs, &d) != CJ_OK);
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_audit_mem(au, "", 0, "empty.txt", &fs, &d), CJ_OK);
	CHECK_EQ_INT(cj_audit_mem(NULL, "", 0, "x.txt", &fs, &d), CJ_ERR_USAGE);
	CHECK_EQ_INT(fs.n, 3); /* nothing added by the failures */
	cj_findings_release(&fs);
	cj_audit_free(au);
}

/* Fail each allocation in turn: NOMEM or the full result, never anything else. */
TEST(audit_api_out_of_memory)
{
	static const char *const paths[] = {"tests/audit/cases/001-seed-2020.txt"};
	char *data = NULL;
	size_t len = 0, want = 0;
	long n;
	int done = 0;
	FILE *fp = fopen(paths[0], "rb");

	if (!fp) {
		cj_test_fail(__FILE__, __LINE__, "cannot open the seed");
		return;
	}
	data = cj_malloc(1 << 17);
	if (data)
		len = fread(data, 1, 1 << 17, fp);
	fclose(fp);
	if (!data)
		return;
	{
		struct cj_audit *au = NULL;
		struct cj_findings fs;
		cj_findings_init(&fs);
		cj_audit_new(NULL, &au, NULL);
		cj_audit_mem(au, data, len, "seed.txt", &fs, NULL);
		want = fs.n;
		cj_findings_release(&fs);
		cj_audit_free(au);
	}
	for (n = 0; n < 20000 && !done; n++) {
		struct cj_audit *au = NULL;
		struct cj_findings fs;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		cj_findings_init(&fs);
		cj_alloc_fail_after(n);
		e = cj_audit_new(NULL, &au, &d);
		if (e == CJ_OK) {
			e = cj_audit_mem(au, data, len, "seed.txt", &fs, &d);
			if (e == CJ_OK) {
				CHECK_EQ_INT(fs.n, want);
				done = 1;
			} else {
				CHECK_EQ_INT(fs.n, 0);
			}
		}
		cj_alloc_fail_after(-1);
		if (e != CJ_OK && e != CJ_ERR_NOMEM && e != CJ_ERR_TOO_LARGE) {
			cj_test_fail(__FILE__, __LINE__, "failing after %ld: %s (%s)", n, cj_strerror(e),
				     d.msg);
			done = 1;
		}
		cj_findings_release(&fs);
		cj_audit_free(au);
	}
	CHECK(done);
	cj_free(data);
}
