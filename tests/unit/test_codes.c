/*
 * test_codes.c - classification tables: the built-in table, year-dependent
 * names, CSV errors with their lines, file loading and allocation failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "model/codes.h"
#include "runner.h"

extern const char cj_codes_default_csv[];
extern const size_t cj_codes_default_csv_len;

#define HDR "code,name,level,kind,from,to\n"

/* Write `text` to a new temporary file; returns its path (static) or NULL. */
static const char *write_temp(const char *text)
{
	static char path[64];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "/tmp/cj_test_codes_XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	fp = fdopen(fd, "wb");
	if (!fp) {
		close(fd);
		unlink(path);
		return NULL;
	}
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* ------------------------------------------------------------------------
 * The built-in table
 * ---------------------------------------------------------------------- */

TEST(codes_default_loads)
{
	struct cj_codes *c = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_codes_default(&c, &d), CJ_OK);
	if (d.code)
		fprintf(stderr, "%s:%u: %s\n", d.file, d.line, d.msg);
	CHECK(c != NULL);
	cj_codes_free(c);
	cj_codes_free(NULL);
}

TEST(codes_default_names_by_year)
{
	struct cj_codes *c = NULL;

	CHECK_EQ_INT(cj_codes_default(&c, NULL), CJ_OK);
	if (!c)
		return;
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "2013101", 2020), "行政运行");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "20131", 2020), "党委办公厅（室）及相关机构事务");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "20805", 2020), "行政事业单位离退休");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "20805", 2021), "行政事业单位养老支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2018), "医疗卫生与计划生育支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2019), "卫生健康支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2020), "卫生健康支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "207", 2016), "文化体育与传媒支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "207", 2020), "文化旅游体育与传媒支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "220", 2018), "国土海洋气象等支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "220", 2019), "自然资源海洋气象等支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "21305", 2020), "扶贫");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "21305", 2021), "巩固脱贫衔接乡村振兴");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "21305", 2023), "巩固脱贫衔接乡村振兴");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "21305", 2024), "巩固脱贫攻坚成果衔接乡村振兴");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "2130599", 2020), "其他扶贫支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "2130599", 2021), "其他巩固脱贫衔接乡村振兴支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "21301", 2018), "农业");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "21301", 2019), "农业农村");
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "224", 2018) == NULL);
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "224", 2019), "灾害防治及应急管理支出");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "2101101", 2020), "行政单位医疗");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "2210201", 2020), "住房公积金");
	CHECK_STR(cj_codes_name(c, CJ_CODE_ECON, "30212", 2020), "因公出国（境）费用");
	CHECK_STR(cj_codes_name(c, CJ_CODE_ECON, "31013", 2020), "公务用车购置");
	CHECK_STR(cj_codes_name(c, CJ_CODE_ECON, "30399", 2020), "其他对个人和家庭的补助");
	/* kinds are separate namespaces */
	CHECK(cj_codes_name(c, CJ_CODE_ECON, "210", 2020) == NULL);
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "30212", 2020) == NULL);
	/* unknown codes */
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "2999999", 2020) == NULL);
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "", 2020) == NULL);
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "21", 2020) == NULL);
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, NULL, 2020) == NULL);
	CHECK(cj_codes_name(NULL, CJ_CODE_FUNC, "210", 2020) == NULL);
	CHECK_EQ_INT(cj_codes_known_any_year(c, CJ_CODE_FUNC, "224"), 1);
	CHECK_EQ_INT(cj_codes_known_any_year(c, CJ_CODE_FUNC, "2999999"), 0);
	CHECK_EQ_INT(cj_codes_known_any_year(c, CJ_CODE_ECON, "399"), 1);
	cj_codes_free(c);
}

TEST(codes_default_find_name)
{
	struct cj_codes *c = NULL;
	const char *code = NULL;
	int from = -1, to = -1;

	CHECK_EQ_INT(cj_codes_default(&c, NULL), CJ_OK);
	if (!c)
		return;
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "医疗卫生与计划生育支出", &code, &from, &to), 1);
	CHECK_STR(code, "210");
	CHECK_EQ_INT(from, 0);
	CHECK_EQ_INT(to, 2018);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "卫生健康支出", &code, &from, &to), 1);
	CHECK_STR(code, "210");
	CHECK_EQ_INT(from, 2019);
	CHECK_EQ_INT(to, 0);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "巩固脱贫衔接乡村振兴", &code, &from, &to), 1);
	CHECK_STR(code, "21305");
	CHECK_EQ_INT(from, 2021);
	CHECK_EQ_INT(to, 2023);
	/* 行政运行 is the name of many 项; the first in table order wins */
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "行政运行", &code, NULL, NULL), 1);
	CHECK_STR(code, "2013101");
	/* same name, different kind */
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "其他支出", &code, NULL, NULL), 1);
	CHECK_STR(code, "229");
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_ECON, "其他支出", &code, NULL, NULL), 1);
	CHECK_STR(code, "399");
	/* exact match only */
	code = "unchanged";
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "卫生健康", &code, NULL, NULL), 0);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "卫生健康支出 ", &code, NULL, NULL), 0);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_ECON, "卫生健康支出", &code, NULL, NULL), 0);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "", &code, NULL, NULL), 0);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, NULL, &code, NULL, NULL), 0);
	CHECK_STR(code, "unchanged");
	cj_codes_free(c);
}

/*
 * The data file keeps its rows sorted by kind (function first), code and
 * year, and lines have no quotes, so this walk can split on commas.
 */
TEST(codes_default_file_sorted)
{
	const char *p = cj_codes_default_csv, *end = p + cj_codes_default_csv_len;
	char prev[64] = "", cur[64];
	int header_seen = 0, nrows = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[512], code[16], from[8], kind;
		const char *f[6];
		size_t i, nf = 0;

		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl ? nl + 1 : end;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (!header_seen) {
			CHECK_STR(line, "code,name,level,kind,from,to");
			header_seen = 1;
			continue;
		}
		f[nf++] = line;
		for (i = 0; line[i] && nf < 6; i++)
			if (line[i] == ',')
				f[nf++] = line + i + 1;
		CHECK_EQ_INT(nf, 6);
		if (nf != 6 || strchr(line, '"'))
			continue;
		snprintf(code, sizeof(code), "%.*s", (int)(f[1] - f[0] - 1), f[0]);
		snprintf(from, sizeof(from), "%.*s", (int)(f[5] - f[4] - 1), f[4]);
		kind = strncmp(f[3], "function,", 9) == 0 ? 'a' : 'b';
		snprintf(cur, sizeof(cur), "%c %s %s", kind, code, from[0] ? from : "0000");
		if (strcmp(prev, cur) >= 0)
			fprintf(stderr, "not sorted: \"%s\" after \"%s\"\n", cur, prev);
		CHECK(strcmp(prev, cur) < 0);
		memcpy(prev, cur, sizeof(prev));
		nrows++;
	}
	CHECK(nrows > 150);
}

/* ------------------------------------------------------------------------
 * Parser: accepted forms
 * ---------------------------------------------------------------------- */

TEST(codes_parse_quoting_bom_crlf)
{
	static const char csv[] =
		"\xEF\xBB\xBF# comment before the header\r\n"
		"\r\n"
		"code,name,level,kind,from,to\r\n"
		"# 注释\r\n"
		"201,\"一般公共服务支出\",类,function,,\r\n"
		"   \r\n"
		"20101,\"人大,事务\",款,function,,\r\n"
		"20102,\"政协\"\"事务\"\"\",款,function,2019,2020\r\n"
		"20103,\"多\n行\",款,function,,\r\n"
		" 301 , 工资福利支出 ,类,economic,,";
	struct cj_codes *c = NULL;
	struct cj_diag d;
	enum cj_err e;

	cj_diag_init(&d);
	/* a line break inside a quoted name is rejected (control character) */
	e = cj_codes_parse(csv, strlen(csv), "t.csv", &c, &d);
	CHECK_EQ_INT(e, CJ_ERR_SCHEMA);
	CHECK_EQ_INT(d.line, 9);
	CHECK_CONTAINS(d.msg, "控制字符");
	CHECK(c == NULL);

	{
		static const char ok[] =
			"\xEF\xBB\xBF# comment before the header\r\n"
			"\r\n"
			"code,name,level,kind,from,to\r\n"
			"# 注释\r\n"
			"201,\"一般公共服务支出\",类,function,,\r\n"
			"   \r\n"
			"20101,\"人大,事务\",款,function,,\r\n"
			"20102,\"政协\"\"事务\"\"\",款,function,2019,2020\r\n"
			" 301 , 工资福利支出 ,类,economic,,";

		cj_diag_init(&d);
		CHECK_EQ_INT(cj_codes_parse(ok, strlen(ok), "t.csv", &c, &d), CJ_OK);
		if (d.code)
			fprintf(stderr, "%s:%u: %s\n", d.file, d.line, d.msg);
		if (!c)
			return;
		CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "201", 2020), "一般公共服务支出");
		CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "20101", 2020), "人大,事务");
		CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "20102", 2019), "政协\"事务\"");
		CHECK(cj_codes_name(c, CJ_CODE_FUNC, "20102", 2018) == NULL);
		CHECK(cj_codes_name(c, CJ_CODE_FUNC, "20102", 2021) == NULL);
		CHECK_STR(cj_codes_name(c, CJ_CODE_ECON, "301", 2020), "工资福利支出");
		cj_codes_free(c);
	}
}

TEST(codes_parse_four_columns_and_empty_table)
{
	static const char four[] = "code,name,level,kind\n210,卫生健康支出,类,function\n";
	static const char empty[] = "# nothing yet\n" HDR;
	struct cj_codes *c = NULL;
	const char *code = NULL;

	CHECK_EQ_INT(cj_codes_parse(four, strlen(four), NULL, &c, NULL), CJ_OK);
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 1990), "卫生健康支出");
	cj_codes_free(c);
	c = NULL;

	CHECK_EQ_INT(cj_codes_parse(empty, strlen(empty), "e.csv", &c, NULL), CJ_OK);
	CHECK(c != NULL);
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "210", 2020) == NULL);
	CHECK_EQ_INT(cj_codes_find_name(c, CJ_CODE_FUNC, "卫生健康支出", &code, NULL, NULL), 0);
	CHECK_EQ_INT(cj_codes_known_any_year(c, CJ_CODE_FUNC, "210"), 0);
	cj_codes_free(c);
}

/* Adjacent years that do not overlap, in any input order. */
TEST(codes_parse_adjacent_ranges)
{
	static const char csv[] = HDR
		"210,新,类,function,2019,\n"
		"210,旧,类,function,,2018\n"
		"211,甲,类,function,2000,2000\n"
		"211,乙,类,function,2001,2001\n";
	struct cj_codes *c = NULL;

	CHECK_EQ_INT(cj_codes_parse(csv, strlen(csv), "t.csv", &c, NULL), CJ_OK);
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2018), "旧");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2019), "新");
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "211", 1999) == NULL);
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "211", 2000), "甲");
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "211", 2001), "乙");
	CHECK(cj_codes_name(c, CJ_CODE_FUNC, "211", 2002) == NULL);
	cj_codes_free(c);
}

/* ------------------------------------------------------------------------
 * Parser: errors, each with its code, line and message
 * ---------------------------------------------------------------------- */

struct bad_case {
	const char *csv;
	enum cj_err err;
	unsigned line;
	const char *msg; /* substring of the message */
};

static const struct bad_case bad_cases[] = {
	/* header */
	{"", CJ_ERR_SCHEMA, 0, "缺少表头"},
	{"# only a comment\n\n", CJ_ERR_SCHEMA, 0, "缺少表头"},
	{"code,name,level,kind,from,too\n", CJ_ERR_SCHEMA, 1, "第6列应为“to”，实际为“too”"},
	{"# c\n\ncode,名称,level,kind,from,to\n", CJ_ERR_SCHEMA, 3, "第2列应为“name”"},
	{"code,name,level\n", CJ_ERR_SCHEMA, 1, "实际有3列"},
	{"201,一般公共服务支出,类,function,,\n", CJ_ERR_SCHEMA, 1, "表头"},
	/* code */
	{HDR "20A,x,类,function,,\n", CJ_ERR_SCHEMA, 2, "科目编码“20A”含非数字字符"},
	{HDR "201,x,类,function,,\n２０１,x,类,function,,\n", CJ_ERR_SCHEMA, 3, "含非数字字符"},
	{HDR ",x,类,function,,\n", CJ_ERR_SCHEMA, 2, "科目编码为空"},
	{HDR "-201,x,类,function,,\n", CJ_ERR_SCHEMA, 2, "含非数字字符"},
	/* level / length */
	{HDR "2011,x,类,function,,\n", CJ_ERR_SCHEMA, 2, "科目编码“2011”为4位，与级次“类”不符（应为3位）"},
	{HDR "201,x,款,function,,\n", CJ_ERR_SCHEMA, 2, "应为5位"},
	{HDR "20101,x,项,function,,\n", CJ_ERR_SCHEMA, 2, "应为7位"},
	{HDR "3010101,x,项,economic,,\n", CJ_ERR_SCHEMA, 2, "没有“项”"},
	{HDR "201,x,大类,function,,\n", CJ_ERR_SCHEMA, 2, "级次“大类”无效"},
	/* kind */
	{HDR "201,x,类,functional,,\n", CJ_ERR_SCHEMA, 2, "分类“functional”无效"},
	{HDR "201,x,类,,,\n", CJ_ERR_SCHEMA, 2, "分类“”无效"},
	/* name */
	{HDR "201,,类,function,,\n", CJ_ERR_SCHEMA, 2, "编码201的名称为空"},
	/* years */
	{HDR "201,x,类,function,19,\n", CJ_ERR_SCHEMA, 2, "起始年度“19”无效"},
	{HDR "201,x,类,function,2019年,\n", CJ_ERR_SCHEMA, 2, "起始年度“2019年”无效"},
	{HDR "201,x,类,function,,20x0\n", CJ_ERR_SCHEMA, 2, "截止年度“20x0”无效"},
	{HDR "201,x,类,function,,0999\n", CJ_ERR_SCHEMA, 2, "截止年度“0999”无效"},
	{HDR "201,x,类,function,2020,2019\n", CJ_ERR_SCHEMA, 2, "起始年度2020晚于截止年度2019"},
	/* column count */
	{HDR "201,x,类,function,\n", CJ_ERR_SCHEMA, 2, "应有6列，实际有5列"},
	{HDR "201,x,类,function,,,\n", CJ_ERR_SCHEMA, 2, "应有6列，实际有7列"},
	{HDR "201,x,类,function,,,,,,,,,,,\n", CJ_ERR_SCHEMA, 2, "实际有15列"},
	/* overlapping ranges: reported on the later line, naming the earlier */
	{HDR "210,旧,类,function,,2019\n210,新,类,function,2019,\n", CJ_ERR_SCHEMA, 3,
	 "编码210的年度范围重叠：本行“新”（2019年起）与第2行“旧”（至2019年）"},
	{HDR "210,a,类,function,,\n# x\n210,b,类,function,,\n", CJ_ERR_SCHEMA, 4, "与第2行"},
	{HDR "210,a,类,function,2015,\n210,b,类,function,,2016\n", CJ_ERR_SCHEMA, 3, "与第2行"},
	{HDR "210,a,类,function,2010,2012\n211,x,类,function,,\n210,b,类,function,2012,2012\n",
	 CJ_ERR_SCHEMA, 4, "与第2行"},
	{HDR "201,a,类,function,,\n210,a,类,function,2000,2030\n210,b,类,function,2001,2001\n"
	     "201,b,类,function,,\n",
	 CJ_ERR_SCHEMA, 4, "第3行"},
	/* quoting */
	{HDR "201,\"abc,类,function,,\n202,x,类,function,,\n", CJ_ERR_PARSE, 2, "引号未闭合"},
	{HDR "201,x,类,function,,\n\n202,\"a\"\"b,类,function,,\n", CJ_ERR_PARSE, 4, "引号未闭合"},
	{HDR "201,\"a\"b,类,function,,\n", CJ_ERR_PARSE, 2, "引号字段结束后"},
	{HDR "201,a\"b,类,function,,\n", CJ_ERR_PARSE, 2, "未加引号的字段中出现引号"},
	/* encoding: GBK bytes of 一般 on line 3, and a NUL byte */
	{HDR "201,x,类,function,,\n202,\xD2\xBB\xB0\xE3,类,function,,\n", CJ_ERR_ENCODING, 3,
	 "不是有效的UTF-8"},
};

TEST(codes_parse_errors)
{
	size_t i;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *bc = &bad_cases[i];
		struct cj_codes *c = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		e = cj_codes_parse(bc->csv, strlen(bc->csv), "bad.csv", &c, &d);
		if (e != bc->err || d.line != bc->line || !strstr(d.msg, bc->msg))
			fprintf(stderr, "case %zu: got %s:%u: %s\n", i, d.file, d.line, d.msg);
		CHECK_EQ_INT(e, bc->err);
		CHECK_EQ_INT(d.line, bc->line);
		CHECK_CONTAINS(d.msg, bc->msg);
		CHECK_STR(d.file, "bad.csv");
		CHECK(c == NULL);
		cj_codes_free(c);
	}
}

TEST(codes_parse_nul_byte)
{
	static const char csv[] = HDR "201,a\0b,类,function,,\n";
	struct cj_codes *c = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_codes_parse(csv, sizeof(csv) - 1, "nul.csv", &c, &d), CJ_ERR_ENCODING);
	CHECK_EQ_INT(d.line, 2);
	CHECK_CONTAINS(d.msg, "NUL");
	CHECK(c == NULL);
}

TEST(codes_parse_usage)
{
	struct cj_codes *c = NULL;

	CHECK_EQ_INT(cj_codes_parse(NULL, 5, "x", &c, NULL), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_codes_parse(HDR, strlen(HDR), "x", NULL, NULL), CJ_ERR_USAGE);
	CHECK_EQ_INT(cj_codes_load(NULL, &c, NULL), CJ_ERR_USAGE);
	CHECK(c == NULL);
}

/* ------------------------------------------------------------------------
 * Files
 * ---------------------------------------------------------------------- */

TEST(codes_load_file)
{
	const char *path = write_temp("\xEF\xBB\xBF" HDR "210,卫生健康支出,类,function,2019,\n");
	struct cj_codes *c = NULL;
	struct cj_diag d;

	CHECK(path != NULL);
	if (!path)
		return;
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_codes_load(path, &c, &d), CJ_OK);
	CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2020), "卫生健康支出");
	cj_codes_free(c);
	unlink(path);
}

TEST(codes_load_file_error_names_file)
{
	const char *path = write_temp(HDR "201,x,类,function,,\n2011,y,类,function,,\n");
	struct cj_codes *c = NULL;
	struct cj_diag d;

	CHECK(path != NULL);
	if (!path)
		return;
	cj_diag_init(&d);
	CHECK_EQ_INT(cj_codes_load(path, &c, &d), CJ_ERR_SCHEMA);
	CHECK_STR(d.file, path);
	CHECK_EQ_INT(d.line, 3);
	CHECK(c == NULL);
	unlink(path);
}

TEST(codes_load_missing_file)
{
	struct cj_codes *c = NULL;
	struct cj_diag d;

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_codes_load("/nonexistent/dir/codes-2031.csv", &c, &d), CJ_ERR_IO);
	CHECK_STR(d.file, "/nonexistent/dir/codes-2031.csv");
	CHECK_CONTAINS(d.msg, "不存在");
	CHECK(c == NULL);

	cj_diag_init(&d);
	CHECK_EQ_INT(cj_codes_load("/", &c, &d), CJ_ERR_IO);
	CHECK(c == NULL);
}

/* ------------------------------------------------------------------------
 * Allocation failure: every allocation in turn, until success
 * ---------------------------------------------------------------------- */

TEST(codes_oom_default)
{
	long n;

	for (n = 0; n < 1000; n++) {
		struct cj_codes *c = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		cj_alloc_fail_after(n);
		e = cj_codes_default(&c, &d);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			CHECK(c != NULL);
			CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "210", 2020), "卫生健康支出");
			cj_codes_free(c);
			break;
		}
		CHECK_EQ_INT(e, CJ_ERR_NOMEM);
		CHECK(c == NULL);
	}
	CHECK(n > 0 && n < 1000);
}

TEST(codes_oom_load_and_error_paths)
{
	const char *path = write_temp(HDR "201,x,类,function,,\n201,y,类,function,2020,\n");
	static const char ok[] = HDR "201,x,类,function,,2019\n201,y,类,function,2020,\n";
	long n;

	CHECK(path != NULL);
	if (!path)
		return;
	/* a file with an overlap: every failure is NOMEM or the overlap itself */
	for (n = 0; n < 1000; n++) {
		struct cj_codes *c = NULL;
		struct cj_diag d;
		enum cj_err e;

		cj_diag_init(&d);
		cj_alloc_fail_after(n);
		e = cj_codes_load(path, &c, &d);
		cj_alloc_fail_after(-1);
		CHECK(c == NULL);
		if (e == CJ_ERR_SCHEMA) {
			CHECK_EQ_INT(d.line, 3);
			break;
		}
		CHECK_EQ_INT(e, CJ_ERR_NOMEM);
	}
	CHECK(n > 0 && n < 1000);
	unlink(path);

	for (n = 0; n < 1000; n++) {
		struct cj_codes *c = NULL;
		enum cj_err e;

		cj_alloc_fail_after(n);
		e = cj_codes_parse(ok, strlen(ok), "ok.csv", &c, NULL);
		cj_alloc_fail_after(-1);
		if (e == CJ_OK) {
			CHECK_STR(cj_codes_name(c, CJ_CODE_FUNC, "201", 2020), "y");
			cj_codes_free(c);
			break;
		}
		CHECK_EQ_INT(e, CJ_ERR_NOMEM);
		CHECK(c == NULL);
	}
	CHECK(n > 0 && n < 1000);
}
