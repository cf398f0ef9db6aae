/*
 * test_audit_scan.c - the auditor's reading of text, below the checks:
 * the figure scanner (amounts, percentages, counts, years, and what must
 * not be taken for them), the roles and subjects of claims, subject
 * normalisation, the structures figures sit in, PDF paragraphs.
 *
 * Most cases run the pipeline on a few lines and look at its dump (one
 * line per figure: "LINE TEXT KIND ROLE dir= year= subj= [name=] flags=", see
 * cj_aud_run_dump in src/audit/audit.c).
 */
#include <stdio.h>
#include <string.h>

#include "audit/audit.h"
#include "base/alloc.h"
#include "runner.h"

/* The dump of `text` (as a .txt), or of a name's format; static buffer. */
static const char *dump_as(const char *text, const char *name, int year)
{
	static char out[65536];
	struct cj_textdoc *t = NULL;
	struct cj_findings fs;
	struct aud_coverage cov;
	struct cj_codes *codes = NULL;
	struct cj_buf b;
	struct cj_diag d;
	size_t n;

	out[0] = '\0';
	cj_diag_init(&d);
	if (cj_text_extract_mem(text, strlen(text), name, &t, &d) != CJ_OK)
		return "(extract failed)";
	cj_codes_default(&codes, &d);
	cj_findings_init(&fs);
	memset(&cov, 0, sizeof(cov));
	cj_buf_init(&b, 0);
	cj_aud_run_dump(t, name, codes, year, 0, &fs, &cov, NULL, NULL, NULL, NULL, &b);
	n = b.len < sizeof(out) - 1 ? b.len : sizeof(out) - 1;
	memcpy(out, cj_buf_str(&b), n);
	out[n] = '\0';
	cj_buf_release(&b);
	cj_findings_release(&fs);
	cj_codes_free(codes);
	cj_textdoc_free(t);
	return out;
}

static const char *dump(const char *text)
{
	return dump_as(text, "t.txt", 2020);
}

/*
 * The dump line of figure `fig` ("20万元") on line `line`, from its text on:
 * "amount amount dir=0 year=2020 subj=… flags=41"; "" when absent.
 */
static const char *fig_line(const char *o, unsigned line, const char *fig)
{
	static char buf[512];
	char key[128];
	const char *p, *e;
	size_t n;

	snprintf(key, sizeof(key), "%u %s ", line, fig);
	for (p = o; (p = strstr(p, key)) != NULL; p++)
		if (p == o || p[-1] == '\n')
			break;
	if (!p)
		return "";
	p += strlen(key);
	e = strchr(p, '\n');
	n = e ? (size_t)(e - p) : strlen(p);
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/* The flags of a dump line. */
static unsigned flags_of(const char *l)
{
	const char *p = strstr(l, "flags=");
	unsigned v = 0;

	if (!p)
		return 0xFFFF;
	for (p += 6; *p && *p != ' '; p++)
		v = v * 16 + (unsigned)(*p <= '9' ? *p - '0' : *p - 'a' + 10);
	return v;
}

#define APPROX(o, line, fig) ((flags_of(fig_line((o), (line), (fig))) & AUD_F_APPROX) != 0)

/* Does the dump have no line containing `s`? */
#define CHECK_LACKS(hay, needle) CHECK(strstr((hay), (needle)) == NULL)

/* ============================================================== scanner */

TEST(audit_scan_amounts)
{
	const char *o = dump("收入总计1,104.25万元，支出1，104.25万元，另5000元、1.2亿元、3千元。");

	CHECK_CONTAINS(o, "1 1104.25万元 amount amount");
	CHECK_CONTAINS(o, "subj=收入总计");
	CHECK_CONTAINS(o, "subj=支出 flags");
	CHECK_CONTAINS(o, "5000元 amount");
	CHECK_CONTAINS(o, "1.2亿元 amount");
	CHECK_CONTAINS(o, "3千元 amount");
}

TEST(audit_scan_percentages_and_counts)
{
	const char *o = dump("占5.19%，增长608.3%，国内公务接待7批次，56人次，0台（套），车辆2辆，"
			     "开展宣传3次，评价5个项目，完成报告8篇，编发12期。");

	CHECK_CONTAINS(o, "5.19% pct share");
	CHECK_CONTAINS(o, "608.3% pct rate dir=1");
	CHECK_CONTAINS(o, "7批次 count count");
	CHECK_CONTAINS(o, "56人次 count count");
	CHECK_CONTAINS(o, "0台（套） count count");
	CHECK_CONTAINS(o, "2辆 count count");
	CHECK_CONTAINS(o, "3次 count count");
	CHECK_CONTAINS(o, "5个 count count");
	CHECK_CONTAINS(o, "8篇 count count");
	CHECK_CONTAINS(o, "12期 count count");
}

TEST(audit_scan_not_figures)
{
	/* labels, ordinals, dates, Latin glue, other measures, numbering before a year */
	const char *o = dump("公开01表、图1、第3季度、附件2、Z01-1表、image2.png、7月9日、1.4公里、"
			     "3个百分点、增长2倍、1.2020年较2019年增加5万元");

	CHECK_LACKS(o, "amount amount");
	CHECK_LACKS(o, " count ");
	CHECK_LACKS(o, " pct ");
	CHECK_CONTAINS(o, "2020 year");
	CHECK_CONTAINS(o, "2019 year");
	CHECK_CONTAINS(o, "5万元 amount change dir=1");
	/* "1.2020" is numbering and a year, never the decimal 1.2020 */
	CHECK_LACKS(o, "1.2020");
}

TEST(audit_scan_years)
{
	const char *o = dump("2020年度部门决算，2018-2019年，2020 年度，3年。");

	CHECK_CONTAINS(o, "1 2020 year");
	CHECK_CONTAINS(o, "1 2018 year");
	CHECK_CONTAINS(o, "1 2019 year");
	CHECK_LACKS(o, "3 year");
}

TEST(audit_scan_approximate)
{
	/* 余, 多, 约, 以上, 左右, 控制在: estimates and bounds are not definite */
	const char *o = dump("相应支出20余万元，接待100多人，约30%，宣传2次以上，付款30%左右，"
			     "车辆燃油费控制在2万元，不少于6篇，合计5.00万元。");

	CHECK(APPROX(o, 1, "20万元"));
	CHECK(APPROX(o, 1, "100人"));
	CHECK(APPROX(o, 1, "30%"));
	CHECK(APPROX(o, 1, "2次"));
	CHECK(APPROX(o, 1, "2万元"));
	CHECK(APPROX(o, 1, "6篇"));
	CHECK(!APPROX(o, 1, "5.00万元"));
}

TEST(audit_scan_unit_header)
{
	/* bare numbers are amounts where the paragraph names its unit */
	const char *o = dump("（单位：万元）本年支出合计581.50，其中：基本支出412.58，占70.95%\n"
			     "本年支出合计581.50，为预算的90.00%");

	CHECK_CONTAINS(o, "1 581.50万元 amount amount");
	CHECK_CONTAINS(o, "1 412.58万元 amount amount");
	CHECK_CONTAINS(o, "2 581.50 bare");
}

TEST(audit_scan_edges)
{
	/* no number, lone signs, a number at the very end, 19 digits */
	const char *o = dump("-\n－\n1\n1234567890123456789万元\n0.5");

	CHECK_LACKS(o, "amount");
	CHECK_CONTAINS(o, "3 1 bare");
	CHECK_CONTAINS(o, "5 0.5 bare");
	CHECK_EQ_INT(strlen(dump("")), 0);
}

/* =============================================================== claims */

TEST(audit_claim_change_and_rate)
{
	const char *o = dump("2020年财政拨款收入1104.25万元。与2019年相比，财政拨款收入增加514.27万元，"
			     "增长87.31%。公务接待费支出决算比2019年减少0.73万元，下降8.3%。"
			     "较2019年增加资本性支出123.02万元。");

	CHECK_CONTAINS(o, "1104.25万元 amount amount dir=0 year=2020 subj=财政拨款收入");
	CHECK_CONTAINS(o, "514.27万元 amount change dir=1 year=2020 subj=财政拨款收入");
	CHECK_CONTAINS(o, "87.31% pct rate dir=1");
	CHECK_CONTAINS(o, "0.73万元 amount change dir=-1 year=2020 subj=公务接待费");
	CHECK_CONTAINS(o, "8.3% pct rate dir=-1");
	CHECK_CONTAINS(o, "123.02万元 amount change dir=1 year=2020 subj=资本性支出");
}

TEST(audit_claim_share_completion_budget)
{
	const char *o = dump("授予中小企业合同金额0万元，占政府采购支出总额的0%；"
			     "项目全年预算数57.55万元，执行数为55.6万元，完成预算的99.73%；"
			     "支出决算为441.91万元，完成预算104.29%；执行率96.00%。");

	CHECK_CONTAINS(o, "0% pct share dir=0 year=2020 subj= name=政府采购支出总额 flags");
	CHECK_CONTAINS(o, "57.55万元 amount budget");
	CHECK_CONTAINS(o, "55.6万元 amount actual");
	CHECK_CONTAINS(o, "99.73% pct completion");
	CHECK_CONTAINS(o, "104.29% pct completion");
	CHECK_CONTAINS(o, "96.00% pct completion");
}

TEST(audit_claim_years)
{
	const char *o = dump("2019年，收入589.53万元。2020年收入1104.25万元，上年为0万元。");

	CHECK_CONTAINS(o, "589.53万元 amount amount dir=0 year=2019");
	CHECK(flags_of(fig_line(o, 1, "589.53万元")) & AUD_F_LASTYEAR);
	CHECK_CONTAINS(o, "1104.25万元 amount amount dir=0 year=2020");
	CHECK_CONTAINS(o, "0万元 amount amount dir=0 year=2019");
}

TEST(audit_claim_subjects_normalised)
{
	/* the same quantity in different dress gets the same subject */
	const char *o = dump("“三公”经费财政拨款支出决算为2.92万元。\n"
			     "2020年三公经费财政拨款支出2.92万元。\n"
			     "社会保障和就业（类）支出40.57万元。\n"
			     "医疗卫生与计划生育支出12.39万元。\n"
			     "公务用车购置及运行费支出2.07万元；公务用车购置及运行维护费支出决算2.07万元。\n"
			     "开展保密法宣传2次；保密法宣传3次。");

	CHECK_CONTAINS(o, "1 2.92万元 amount actual dir=0 year=2020 subj=三公经费财政拨款支出");
	CHECK_CONTAINS(o, "2 2.92万元 amount amount dir=0 year=2020 subj=三公经费财政拨款支出");
	CHECK_CONTAINS(o, "subj=社会保障和就业支出");
	CHECK_CONTAINS(o, "subj=医疗卫生和计划生育支出");
	CHECK_CONTAINS(o, "5 2.07万元 amount amount dir=0 year=2020 subj=公务用车购置及运行维护费 flags");
	CHECK_CONTAINS(o, "5 2.07万元 amount actual dir=0 year=2020 subj=公务用车购置及运行维护费 flags");
	CHECK_CONTAINS(o, "6 2次 count count dir=0 year=2020 subj=保密法宣传|");
	CHECK_CONTAINS(o, "6 3次 count count dir=0 year=2020 subj=保密法宣传|");
}

TEST(audit_subject_norm_direct)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"与2019年相比，财政拨款收入", "财政拨款收入"},
		{"2020年度收入总计", "收入总计"},
		{"（一）一般公共服务（类）支出", "一般公共服务支出"},
		{"8.医疗卫生和计划生育支出（210）", "医疗卫生和计划生育支出"},
		{"公务接待费支出决算", "公务接待费"},
		{"因公出国（境）经费", "因公出国（境）费"},
		{"其中：日常公用经费", "公用经费"},
		{"“三公”经费", "三公经费"},
		{"", ""},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cj_buf b;
		cj_buf_init(&b, 0);
		cj_aud_subject_norm(cases[i].in, strlen(cases[i].in), &b);
		CHECK_STR(cj_buf_str(&b), cases[i].out);
		cj_buf_release(&b);
	}
	CHECK(cj_aud_subject_generic("支出", 6));
	CHECK(cj_aud_subject_generic("", 0));
	CHECK(!cj_aud_subject_generic("财政拨款收入", 18));
	CHECK(cj_aud_subject_compat("收入", 6, "收入总计", 12));
	CHECK(!cj_aud_subject_compat("收入总计", 12, "支出总计", 12));
	CHECK(cj_aud_subject_canonical("本年支出合计", 18));
}

/* =========================================================== structures */

TEST(audit_structures)
{
	const char *o = dump(
		"本年支出合计797.10万元，其中：基本支出522.26万元，占65.52%；项目支出274.84万元，占34.48%。\n"
		"增加资本性支出123.02万元(包括：涉密会议系统44.8万元、信创替代62.05万元、涉密设备7.04万元、打印机等9.13万元)。\n"
		"增加资本性支出(包括：设备44.8万元、软件78.22万元)123.02万元。\n"
		"国内公务接待18批次，126人次（不包括陪同人员），共计支出1.36万元，具体内容包括：接待上级调研13批次、0.92万元；接待兄弟县区交流6批次、0.44万元。\n"
		"人员经费464.33万元、公用经费57.93万元，合计522.26万元。\n"
		"基本支出522.26万元，其中：\n"
		"人员经费464.33万元，主要包括：基本工资等。\n"
		"日常公用经费57.93万元，主要包括：办公费等。\n");

	/* 其中 with shares; 包括 in parentheses, total before or after; amounts and counts */
	CHECK_CONTAINS(o, "struct 0 line 1 total=0 ev=0 parts: 1/2 3/4");
	CHECK_CONTAINS(o, "struct 1 line 2 total=5 ev=8 parts: 6/-1 7/-1 8/-1 9/-1");
	CHECK_CONTAINS(o, "struct 1 line 3 total=12 ev=8 parts: 10/-1 11/-1");
	CHECK_CONTAINS(o, "struct 1 line 4 total=15 ev=8 parts: 17/-1 19/-1");
	CHECK_CONTAINS(o, "struct 1 line 4 total=13 ev=8 parts: 16/-1 18/-1");
	CHECK_CONTAINS(o, "struct 3 line 5 total=22 ev=c parts: 20/-1 21/-1");
	/* a list running over the next lines */
	CHECK_CONTAINS(o, "struct 0 line 6 total=23 ev=4 parts: 24/-1 25/-1");
}

TEST(audit_reasons_and_untied)
{
	struct cj_textdoc *t = NULL;
	struct cj_findings fs;
	struct aud_coverage cov;
	struct aud_untied *u = NULL;
	size_t nu = 0, cu = 0;
	struct cj_diag d;
	static const char text[] = "支出增加20.00万元，主要原因是：1.会议费增加12.00万元；2.培训费增加8.00万元。"
				   "另有某费用3.00万元。";

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_text_extract_mem(text, strlen(text), "r.txt", &t, &d), CJ_OK);
	cj_findings_init(&fs);
	memset(&cov, 0, sizeof(cov));
	CHECK_EQ_INT(cj_aud_run(t, "r.txt", NULL, 2020, 1, &fs, &cov, &u, &nu, &cu, NULL), CJ_OK);
	CHECK_EQ_INT(fs.n, 0);
	CHECK_EQ_INT(cov.figures, 4);
	CHECK_EQ_INT(cov.checked, 1); /* the change, against its reasons */
	CHECK_EQ_INT(cov.untied, 1);
	CHECK_EQ_INT(nu, 1);
	if (nu == 1) {
		CHECK_STR(u[0].figure, "3.00万元");
		CHECK_EQ_INT(u[0].line, 1);
		CHECK_CONTAINS(u[0].excerpt, "某费用3.00万元");
	}
	cj_aud_untied_free(u, nu);
	cj_findings_release(&fs);
	cj_textdoc_free(t);
}

/* ============================================================ years */

TEST(audit_detect_year)
{
	struct cj_textdoc *t = NULL;
	struct cj_diag d;
	static const char *const texts[] = {
		"中共某区委办公室2020年度部门决算\n第一部分",
		"第一部分 部门概况\n（二）2021年重点工作\n纳入2021年度部门决算编制范围",
		"2019年收入，2019年支出，2018年",
		"没有年份",
	};
	static const int years[] = {2020, 2021, 2019, 0};
	size_t i;

	cj_diag_init(&d);
	for (i = 0; i < 4; i++) {
		CHECK_EQ_INT(cj_text_extract_mem(texts[i], strlen(texts[i]), "y.txt", &t, &d), CJ_OK);
		CHECK_EQ_INT(cj_aud_detect_year(t), years[i]);
		cj_textdoc_free(t);
	}
}
