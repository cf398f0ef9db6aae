/*
 * cmd_audit.c - `caijue audit FILE... [--format text|json] [--explain]
 * [--year N] [--codes FILE]`: check published reports (docs/audit.md).
 *
 * A directory is walked recursively (in name order, so the output is
 * deterministic) for .txt .md .html .htm .docx .pdf files.  Findings of
 * all files are printed together, sorted by file and line: compiler style
 * on stdout (cli_print_findings) with the coverage summary on stderr, or
 * one JSON object (DESIGN.md) with a "coverage" object
 * {figures, claims, checked, untied} (and, with --explain, the untied
 * figures).  Exit status: 0 no error-level finding, 1 some, 2 usage error
 * or a file that cannot be read (the others are still audited).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char help[] =
	"用法: caijue audit FILE... [选项]\n"
	"\n"
	"审核已公开的部门决算报告（.txt .md .html .htm .docx .pdf；目录按名称顺序递归查找）：\n"
	"逐个读取文中的金额、百分比和数量，按取整区间核对占比、增减率、完成预算比例、\n"
	"合计与分项、同一数量前后是否一致、科目名称与编码、章节编号和必备章节。\n"
	"每条问题一行，指向提取文本的行号；无法与其他数字关联的数字只计数，不作猜测。\n"
	"\n"
	"选项:\n"
	"  --format text|json   输出格式（默认 text）\n"
	"  --explain            列出未能关联的数字及其所在行\n"
	"  --year N             报告所属年度（默认从标题“2020年度部门决算”识别）\n"
	"  --codes FILE         使用指定的科目编码表（CSV，见 docs/classification.md）\n"
	"\n"
	"退出码: 0 无错误；1 发现错误级问题；2 用法错误或文件无法读取。\n";

#define MAX_DEPTH 32

struct files {
	char **v;
	size_t n, cap;
};

static int add_file(struct files *fl, const char *path)
{
	char *p;

	if (fl->n == fl->cap) {
		size_t nc = fl->cap ? fl->cap * 2 : 16;
		char **nv = realloc(fl->v, nc * sizeof(*nv));
		if (!nv)
			return -1;
		fl->v = nv;
		fl->cap = nc;
	}
	p = malloc(strlen(path) + 1);
	if (!p)
		return -1;
	memcpy(p, path, strlen(path) + 1);
	fl->v[fl->n++] = p;
	return 0;
}

static int wanted(const char *name)
{
	static const char *const suf[] = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"};
	size_t n = strlen(name), k, m, i;

	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++) {
		m = strlen(suf[k]);
		if (n <= m)
			continue;
		for (i = 0; i < m; i++) {
			char c = name[n - m + i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != suf[k][i])
				break;
		}
		if (i == m)
			return 1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files under directory `dir`, in name order; returns -1 on allocation failure. */
static int walk(struct files *fl, const char *dir, int depth)
{
	DIR *dp;
	struct dirent *de;
	struct files here = {NULL, 0, 0};
	size_t i;
	int rc = 0;

	if (depth > MAX_DEPTH)
		return 0;
	dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "caijue: 无法读取目录「%s」\n", dir);
		return 1;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t n;
		char *p;
		if (de->d_name[0] == '.')
			continue;
		n = strlen(dir) + strlen(de->d_name) + 2;
		p = malloc(n);
		if (!p) {
			rc = -1;
			break;
		}
		snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		if (add_file(&here, p) < 0)
			rc = -1;
		free(p);
		if (rc)
			break;
	}
	closedir(dp);
	qsort(here.v, here.n, sizeof(*here.v), cmp_str);
	for (i = 0; i < here.n && rc >= 0; i++) {
		struct stat st;
		if (stat(here.v[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int r = walk(fl, here.v[i], depth + 1);
			if (r)
				rc = r;
		} else if (S_ISREG(st.st_mode) && wanted(here.v[i])) {
			if (add_file(fl, here.v[i]) < 0)
				rc = -1;
		}
	}
	for (i = 0; i < here.n; i++)
		free(here.v[i]);
	free(here.v);
	return rc;
}


/* The JSON object of cli_print_findings with "coverage" added before its last brace. */
static void print_json(const struct cj_findings *fs, const struct cj_audit *au, int explain)
{
	struct cj_audit_coverage cov;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *mem = open_memstream(&buf, &len);

	cj_audit_get_coverage(au, &cov);
	if (!mem) {
		cli_print_findings(stdout, fs, FMT_JSON);
		return;
	}
	cli_print_findings(mem, fs, FMT_JSON);
	fclose(mem);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	if (len > 0 && buf[len - 1] == '}')
		len--;
	fwrite(buf, 1, len, stdout);
	free(buf);
	printf(",\n \"coverage\": {\"figures\": %zu, \"claims\": %zu, \"checked\": %zu, "
	       "\"untied\": %zu",
	       cov.figures, cov.claims, cov.checked, cov.untied);
	if (explain) {
		struct cj_audit_untied u;
		fputs(", \"untied_figures\": [", stdout);
		for (i = 0; cj_audit_untied(au, i, &u); i++) {
			fputs(i ? ",\n   {" : "\n   {", stdout);
			fputs("\"file\": ", stdout);
			cli_json_str(stdout, u.file);
			printf(", \"line\": %u", u.line);
			if (u.page)
				printf(", \"page\": %u", u.page);
			fputs(", \"figure\": ", stdout);
			cli_json_str(stdout, u.figure);
			fputs(", \"excerpt\": ", stdout);
			cli_json_str(stdout, u.excerpt);
			fputc('}', stdout);
		}
		fputs(i ? "\n ]" : "]", stdout);
	}
	fputs("}}\n", stdout);
}

static void print_explain(const struct cj_audit *au)
{
	struct cj_audit_untied u;
	size_t i;

	for (i = 0; cj_audit_untied(au, i, &u); i++)
		printf("%s:%u: 未关联: %s（%s）\n", u.file, u.line, u.figure, u.excerpt);
}

int cmd_audit(int argc, char **argv)
{
	struct cj_audit_opts opts;
	struct files fl = {NULL, 0, 0};
	struct cj_findings fs;
	struct cj_audit *au = NULL;
	struct cj_diag d;
	const char *v;
	int format = FMT_TEXT, i, rc = CLI_OK, bad = 0, nargs = 0;
	size_t k;

	memset(&opts, 0, sizeof(opts));
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			goto done;
		}
		if (cli_opt(argc, argv, &i, "--format", &v)) {
			format = cli_parse_format(v);
			if (format < 0) {
				rc = cli_usage("audit", "--format 应为 text 或 json");
				goto done;
			}
			continue;
		}
		if (cli_opt(argc, argv, &i, "--year", &v)) {
			char *end = NULL;
			long y = v ? strtol(v, &end, 10) : 0;
			if (!v || !*v || *end || y < 1949 || y > 2100) {
				rc = cli_usage("audit", "--year 应为四位年份，如 2020");
				goto done;
			}
			opts.year = (int)y;
			continue;
		}
		if (cli_opt(argc, argv, &i, "--codes", &v)) {
			if (!v) {
				rc = cli_usage("audit", "--codes 需要一个文件名");
				goto done;
			}
			opts.codes_file = v;
			continue;
		}
		if (strcmp(argv[i], "--explain") == 0) {
			opts.explain = 1;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			rc = cli_usage("audit", "未知选项「%s」", argv[i]);
			goto done;
		}
		nargs++;
	}
	if (!nargs) {
		rc = cli_usage("audit", "缺少要审核的文件");
		goto done;
	}
	/* the files: arguments in order, directories expanded */
	for (i = 1; i < argc; i++) {
		struct stat st;
		if (argv[i][0] == '-' && argv[i][1]) {
			if (strcmp(argv[i], "--explain") && !strchr(argv[i], '='))
				i++; /* skip the option's value */
			continue;
		}
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			int r = walk(&fl, argv[i], 0);
			if (r < 0) {
				fputs("caijue: 内存不足\n", stderr);
				rc = CLI_USAGE;
				goto done;
			}
			if (r)
				bad = 1;
		} else if (add_file(&fl, argv[i]) < 0) {
			fputs("caijue: 内存不足\n", stderr);
			rc = CLI_USAGE;
			goto done;
		}
	}
	cj_diag_init(&d);
	if (cj_audit_new(&opts, &au, &d)) {
		rc = cli_diag(&d);
		goto done;
	}
	cj_findings_init(&fs);
	for (k = 0; k < fl.n; k++) {
		cj_diag_init(&d);
		if (cj_audit_file(au, fl.v[k], &fs, &d) != CJ_OK) {
			if (fs.err) {
				fputs("caijue: 内存不足\n", stderr);
				bad = 1;
				break;
			}
			if (!d.file[0])
				snprintf(d.file, sizeof(d.file), "%s", fl.v[k]);
			cli_diag(&d);
			bad = 1;
		}
	}
	cj_findings_sort(&fs);
	if (format == FMT_JSON) {
		print_json(&fs, au, opts.explain);
	} else {
		struct cj_audit_coverage cov;
		cli_print_findings(stdout, &fs, format);
		if (opts.explain)
			print_explain(au);
		cj_audit_get_coverage(au, &cov);
		fprintf(stderr,
			"审核完成：%zu 个错误，%zu 个警告，%zu 条提示；读取数字 %zu 个（确定值 %zu 个），"
			"核对 %zu 个，未能关联 %zu 个%s\n",
			cj_findings_count(&fs, CJ_SEV_ERROR), cj_findings_count(&fs, CJ_SEV_WARNING),
			cj_findings_count(&fs, CJ_SEV_INFO), cov.figures, cov.claims, cov.checked,
			cov.untied, opts.explain || !cov.untied ? "" : "（--explain 列出）");
	}
	rc = bad ? CLI_USAGE : cj_findings_count(&fs, CJ_SEV_ERROR) ? CLI_FINDINGS : CLI_OK;
	cj_findings_release(&fs);
	cj_audit_free(au);
done:
	for (k = 0; k < fl.n; k++)
		free(fl.v[k]);
	free(fl.v);
	return rc;
}
