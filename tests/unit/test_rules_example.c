/*
 * test_rules_example.c - the check catalogue on the bundled example,
 * examples/lizhou-2020.yaml (the seed unit's 2020 accounts).
 *
 * The example must pass `check` without an error-level finding (any that
 * appear are printed so the example, or the rule, can be fixed), and one
 * figure altered in the YAML text must be caught by the right rule at the
 * altered line.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "calc/calc.h"
#include "in/yaml_read.h"
#include "model/accounts.h"
#include "model/codes.h"
#include "rules/rules.h"
#include "runner.h"

#define EXAMPLE CJ_TEST_ROOT "/examples/lizhou-2020.yaml"

/* The example's text; caller frees with cj_free().  NULL when unreadable. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0) {
		buf = cj_malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			cj_free(buf);
			buf = NULL;
		}
		if (buf) {
			buf[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(fp);
	return buf;
}

static void dump(const struct cj_findings *fs, enum cj_sev min)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (fs->v[i].sev >= min)
			fprintf(stderr, "    %s:%u: %s[%s]: %s (写的 %s，应为 %s)\n", fs->v[i].file,
				fs->v[i].line, cj_sev_name(fs->v[i].sev), fs->v[i].rule,
				fs->v[i].message, fs->v[i].stated, fs->v[i].expected);
}

/* Parse `text` and check it.  Returns CJ_OK and fills out. */
static enum cj_err check_text(const char *text, size_t len, struct cj_findings *out)
{
	struct cj_accounts *a = NULL;
	struct cj_codes *codes = NULL;
	struct cj_figures *f = NULL;
	struct cj_diag d;
	enum cj_err e;

	cj_diag_init(&d);
	cj_findings_init(out);
	e = cj_yaml_read(text, len, "examples/lizhou-2020.yaml", &a, &d);
	if (e) {
		fprintf(stderr, "    %s:%u: %s\n", d.file, d.line, d.msg);
		return e;
	}
	e = cj_codes_default(&codes, &d);
	if (!e)
		e = cj_calc(a, codes, &f, &d);
	if (!e)
		e = cj_check(a, f, codes, NULL, out);
	cj_figures_free(f);
	cj_codes_free(codes);
	cj_accounts_free(a);
	return e;
}

TEST(rules_example_has_no_error)
{
	struct cj_findings fs;
	struct cj_accounts *a = NULL;
	struct cj_codes *codes = NULL;
	struct cj_figures *f = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	cj_findings_init(&fs);
	CHECK_EQ_INT(cj_yaml_read_file(EXAMPLE, &a, &d), CJ_OK);
	if (!a) {
		fprintf(stderr, "    %s:%u: %s\n", d.file, d.line, d.msg);
		return;
	}
	CHECK_EQ_INT(cj_codes_default(&codes, &d), CJ_OK);
	CHECK_EQ_INT(cj_calc(a, codes, &f, &d), CJ_OK);
	CHECK_EQ_INT(cj_check(a, f, codes, NULL, &fs), CJ_OK);
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_ERROR), 0);
	if (cj_findings_count(&fs, CJ_SEV_ERROR))
		dump(&fs, CJ_SEV_ERROR);
	/*
	 * The known warnings, all true of the seed's own data: ECON-DETAIL
	 * (T6 lists 款 names without amounts), PERF-LEVELS (电子政务内网光纤
	 * has no 效益指标), PERF-LEVEL2 twice (公务车运行维护 writes 效益指标
	 * as its 二级指标; 高清视频会议系统 puts 数量指标 under 效益指标),
	 * PERF-DEVIATION-REASON (the 维修费 indicator has no 偏差原因).
	 */
	CHECK_EQ_INT(cj_findings_count(&fs, CJ_SEV_WARNING), 5);
	if (fs.n)
		CHECK_STR(fs.v[0].rule, "ECON-DETAIL");
	cj_findings_release(&fs);
	cj_figures_free(f);
	cj_codes_free(codes);
	cj_accounts_free(a);
}

/*
 * Replace the first `from` (which must occur) by `to`, check, and expect
 * a finding of `id` with stated/expected, at the line of the replacement
 * when check_line.
 */
static void expect_alter(const char *from, const char *to, const char *id, const char *st,
			 const char *ex, int check_line, int line)
{
	size_t len = 0, flen = strlen(from), tlen = strlen(to), i, at_line = 1;
	char *text = slurp(EXAMPLE, &len), *hit, *mod;
	struct cj_findings fs;
	const struct cj_finding *found = NULL;

	if (!text) {
		cj_test_fail(__FILE__, line, "cannot read %s", EXAMPLE);
		return;
	}
	hit = strstr(text, from);
	if (!hit) {
		cj_test_fail(__FILE__, line, "\"%s\" not in the example", from);
		cj_free(text);
		return;
	}
	for (i = 0; text + i < hit; i++)
		at_line += text[i] == '\n';
	for (i = 0; i < flen; i++)
		at_line += from[i] == '\n'; /* the figure sits after a leading newline */
	mod = cj_malloc(len - flen + tlen + 1);
	memcpy(mod, text, (size_t)(hit - text));
	memcpy(mod + (hit - text), to, tlen);
	memcpy(mod + (hit - text) + tlen, hit + flen, len - (size_t)(hit - text) - flen + 1);
	CHECK_EQ_INT(check_text(mod, len - flen + tlen, &fs), CJ_OK);
	for (i = 0; i < fs.n && !found; i++)
		if (strcmp(fs.v[i].rule, id) == 0)
			found = &fs.v[i];
	if (!found) {
		cj_test_fail(__FILE__, line, "%s not raised; findings:", id);
		dump(&fs, CJ_SEV_INFO);
	} else {
		cj_test_pass();
		if (check_line)
			CHECK_EQ_INT(found->line, at_line);
		CHECK_EQ_INT(found->sev, CJ_SEV_ERROR);
		if (st)
			CHECK_STR(found->stated, st);
		if (ex)
			CHECK_STR(found->expected, ex);
	}
	cj_findings_release(&fs);
	cj_free(mod);
	cj_free(text);
}

TEST(rules_example_item_actual)
{
	/* a 项 actual one step off: its own split breaks at its line */
	expect_alter("actual: 441.91", "actual: 441.92", "GEN-ITEM-SPLIT", "441.92", "441.91",
		     1, __LINE__);
}

TEST(rules_example_item_actual_total)
{
	/* ... and the stated T5 total no longer matches the 项 */
	expect_alter("\n  total: 797.10", "\n  total: 797.11", "GEN-TOTAL", "797.11", "797.10",
		     1, __LINE__);
}

TEST(rules_example_income_total)
{
	expect_alter("\n    total: 1104.25", "\n    total: 1104.35", "INC-TOTAL", "1104.35",
		     "1104.25", 1, __LINE__);
}

TEST(rules_example_sangong_total)
{
	expect_alter("total: 2.92", "total: 2.93", "SG-TOTAL-SUM", "2.93", "2.92", 1, __LINE__);
}

TEST(rules_example_table_rate)
{
	expect_alter("\n      stated_table_rate: 96.6", "\n      stated_table_rate: 99.73",
		     "PROJ-TABLE-RATE", "99.73%", "96.61%", 1, __LINE__);
}

TEST(rules_example_class_row)
{
	expect_alter("actual: 711.54", "actual: 711.45", "GEN-CLASS-SUM", "711.45", "711.54",
		     1, __LINE__);
}

TEST(rules_example_reception_item)
{
	/* reported at the stated 国内公务接待 amount the items no longer add up to */
	expect_alter("amount: 0.26", "amount: 0.27", "RECEPTION-SUM", "0.86", "0.85", 0, __LINE__);
}
