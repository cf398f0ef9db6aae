/*
 * cmd_build.c - `caijue build DATASET -o DIR [--format html,md,svg] [--force]`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"用法: caijue build DATASET -o DIR [选项]\n"
	"\n"
	"由数据文件生成部门决算公开报告：报告中每个数字都由数据计算得出。\n"
	"写入 DIR/report.html（含内嵌图表，可直接打印为 A4）、DIR/report.docx、DIR/report.pdf、\n"
	"DIR/report.md、DIR/charts/*.svg 和 DIR/tables.xlsx（九张公开表、绩效表和图表）。\n"
	"每个文件先写入临时文件再改名，不会留下写了一半的文件。\n"
	"数据检查发现错误时不生成报告（退出码 1），除非指定 --force。\n"
	"\n"
	"选项:\n"
	"  -o, --output DIR          输出目录（不存在时自动创建）\n"
	"  --format LIST             逗号分隔：html、md、docx、pdf、svg、xlsx（默认全部）\n"
	"  --force                   即使检查发现错误也生成报告\n"
	"  --codes FILE              使用指定的科目编码表（CSV）\n"
	"  --budget-threshold PCT    同 caijue check\n"
	"  --change-threshold PCT    同 caijue check\n";

static int parse_formats(const char *s, unsigned *out)
{
	unsigned f = 0;

	if (!s || !*s)
		return -1;
	while (*s) {
		size_t n = strcspn(s, ",");
		if (n == 4 && strncmp(s, "html", 4) == 0)
			f |= CJ_OUT_HTML;
		else if (n == 2 && strncmp(s, "md", 2) == 0)
			f |= CJ_OUT_MD;
		else if (n == 3 && strncmp(s, "svg", 3) == 0)
			f |= CJ_OUT_CHARTS;
		else if (n == 4 && strncmp(s, "xlsx", 4) == 0)
			f |= CJ_OUT_XLSX;
		else if (n == 3 && strncmp(s, "pdf", 3) == 0)
			f |= CJ_OUT_PDF;
		else if (n == 4 && strncmp(s, "docx", 4) == 0)
			f |= CJ_OUT_DOCX;
		else {
			fprintf(stderr, "caijue: 暂不支持的输出格式「%.*s」（支持 html、md、docx、pdf、svg、xlsx）\n",
				(int)n, s);
			return -1;
		}
		s += n;
		if (*s == ',')
			s++;
	}
	*out = f;
	return 0;
}

int cmd_build(int argc, char **argv)
{
	struct cli_ds_args da;
	struct cj_findings fs;
	struct cj_dataset *ds = NULL;
	struct cj_diag d;
	const char *dir = NULL, *v;
	unsigned formats = CJ_OUT_ALL;
	int force = 0, i, rc;
	size_t nerr, written = 0;

	memset(&da, 0, sizeof(da));
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return CLI_OK;
		}
		if (cli_opt(argc, argv, &i, "-o", &v) || cli_opt(argc, argv, &i, "--output", &v)) {
			if (!v)
				return cli_usage("build", "-o 需要一个目录名");
			dir = v;
			continue;
		}
		if (cli_opt(argc, argv, &i, "--format", &v)) {
			if (parse_formats(v, &formats))
				return cli_usage("build", "--format 的值无效");
			continue;
		}
		if (strcmp(argv[i], "--force") == 0) {
			force = 1;
			continue;
		}
		rc = cli_ds_arg(argc, argv, &i, &da, "build");
		if (rc)
			return rc;
	}
	if (da.path && !dir)
		return cli_usage("build", "缺少输出目录（-o DIR）");
	rc = cli_ds_load(&da, "build", &ds);
	if (rc)
		return rc;
	cj_diag_init(&d);
	cj_findings_init(&fs);
	if (cj_dataset_check(ds, &da.co, &fs)) {
		fprintf(stderr, "caijue: 检查失败：内存不足\n");
		rc = CLI_USAGE;
		goto out;
	}
	nerr = cj_findings_count(&fs, CJ_SEV_ERROR);
	if (nerr) {
		cli_print_findings(stderr, &fs, FMT_TEXT);
		if (!force) {
			fprintf(stderr, "caijue: 数据检查发现 %zu 个错误，未生成报告"
					"（修正后重试，或用 --force 强制生成）\n", nerr);
			rc = CLI_FINDINGS;
			goto out;
		}
		fprintf(stderr, "caijue: 数据检查发现 %zu 个错误，按 --force 仍生成报告\n", nerr);
	}
	if (cj_dataset_build(ds, dir, formats, &written, &d)) {
		rc = cli_diag(&d);
		goto out;
	}
	if (formats & CJ_OUT_HTML)
		printf("报告已生成：%s/report.html\n", dir);
	if (formats & CJ_OUT_MD)
		printf("报告已生成：%s/report.md\n", dir);
	if (formats & CJ_OUT_DOCX)
		printf("报告已生成：%s/report.docx\n", dir);
	if (formats & CJ_OUT_PDF)
		printf("报告已生成：%s/report.pdf\n", dir);
	if (formats & CJ_OUT_CHARTS)
		printf("图表已生成：%s/charts/\n", dir);
	if (formats & CJ_OUT_XLSX)
		printf("表格已生成：%s/tables.xlsx\n", dir);
	rc = nerr ? CLI_FINDINGS : CLI_OK;
out:
	cj_findings_release(&fs);
	cj_dataset_free(ds);
	return rc;
}
