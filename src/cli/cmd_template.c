/*
 * cmd_template.c - `caijue template -o FILE.xlsx [--year N] [--codes FILE] [--force]`:
 * write an empty input workbook.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
	"用法: caijue template -o FILE.xlsx [选项]\n"
	"\n"
	"生成一个空的数据填报工作簿（Excel），填好后可直接用于 caijue check / build，\n"
	"也可用 caijue convert 转为 YAML 数据文件。工作簿第一个工作表「说明」介绍填法，\n"
	"详见 docs/workbook.md。科目编码列带有下拉列表（取自科目编码表）。\n"
	"\n"
	"选项:\n"
	"  -o, --output FILE   输出文件（.xlsx）\n"
	"  --year N            下拉列表使用该年度的科目名称（默认各科目的最新名称）\n"
	"  --codes FILE        使用指定的科目编码表（CSV，见 docs/classification.md）\n"
	"  --force             输出文件已存在时覆盖\n"
	"\n"
	"退出码: 0 成功；2 用法错误或无法写入。\n";

int cmd_template(int argc, char **argv)
{
	struct cj_workbook_opts opts;
	struct cj_diag d;
	const char *out = NULL, *v;
	int force = 0, i;

	memset(&opts, 0, sizeof(opts));
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return CLI_OK;
		}
		if (cli_opt(argc, argv, &i, "-o", &v) || cli_opt(argc, argv, &i, "--output", &v)) {
			if (!v)
				return cli_usage("template", "-o 需要一个文件名");
			out = v;
		} else if (cli_opt(argc, argv, &i, "--codes", &v)) {
			if (!v)
				return cli_usage("template", "--codes 需要一个文件名");
			opts.codes_file = v;
		} else if (cli_opt(argc, argv, &i, "--year", &v)) {
			long y = 0;
			const char *p = v;
			while (p && *p >= '0' && *p <= '9' && y < 100000)
				y = y * 10 + (*p++ - '0');
			if (!v || *p || y < 1900 || y > 2999)
				return cli_usage("template", "--year 应为年度，如 2020");
			opts.year = (int)y;
		} else if (strcmp(argv[i], "--force") == 0) {
			force = 1;
		} else {
			return cli_usage("template", "未知参数「%s」", argv[i]);
		}
	}
	if (!out)
		return cli_usage("template", "需要用 -o 指定输出文件，如 caijue template -o 模板.xlsx");
	if (!force && access(out, F_OK) == 0) {
		fprintf(stderr, "caijue: 文件「%s」已存在；如需覆盖请加 --force\n", out);
		return CLI_USAGE;
	}
	cj_diag_init(&d);
	if (cj_workbook_template(out, &opts, &d) != CJ_OK)
		return cli_diag(&d);
	fprintf(stderr, "已生成填报工作簿：%s\n", out);
	return CLI_OK;
}
