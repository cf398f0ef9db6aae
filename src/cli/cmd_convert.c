/*
 * cmd_convert.c - `caijue convert DATASET -o FILE.{yaml,xlsx} [--codes FILE] [--force]`:
 * turn a dataset into the other input form (YAML <-> workbook) without loss.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
	"用法: caijue convert DATASET -o FILE.yaml|FILE.xlsx [选项]\n"
	"\n"
	"在两种数据文件之间转换，不丢失任何内容：YAML 数据文件（.yaml/.yml）与\n"
	"Excel 填报工作簿（.xlsx；读取时也接受 .xls）。输出文件的扩展名决定格式；\n"
	"YAML 转为 YAML 时按统一格式重写。\n"
	"\n"
	"选项:\n"
	"  -o, --output FILE   输出文件（.yaml、.yml 或 .xlsx）\n"
	"  --codes FILE        工作簿下拉列表使用的科目编码表（CSV）\n"
	"  --force             输出文件已存在时覆盖\n"
	"\n"
	"退出码: 0 成功；2 用法错误、数据文件无法读取或无法写入。\n";

int cmd_convert(int argc, char **argv)
{
	struct cj_workbook_opts opts;
	struct cj_diag d;
	const char *in = NULL, *out = NULL, *v;
	int force = 0, i;

	memset(&opts, 0, sizeof(opts));
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return CLI_OK;
		}
		if (cli_opt(argc, argv, &i, "-o", &v) || cli_opt(argc, argv, &i, "--output", &v)) {
			if (!v)
				return cli_usage("convert", "-o 需要一个文件名");
			out = v;
		} else if (cli_opt(argc, argv, &i, "--codes", &v)) {
			if (!v)
				return cli_usage("convert", "--codes 需要一个文件名");
			opts.codes_file = v;
		} else if (strcmp(argv[i], "--force") == 0) {
			force = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage("convert", "未知选项「%s」", argv[i]);
		} else if (!in) {
			in = argv[i];
		} else {
			return cli_usage("convert", "只能转换一个数据文件（多余的参数「%s」）", argv[i]);
		}
	}
	if (!in)
		return cli_usage("convert", "需要一个数据文件，如 caijue convert data.yaml -o data.xlsx");
	if (!out)
		return cli_usage("convert", "需要用 -o 指定输出文件（.yaml 或 .xlsx）");
	if (!force && access(out, F_OK) == 0) {
		fprintf(stderr, "caijue: 文件「%s」已存在；如需覆盖请加 --force\n", out);
		return CLI_USAGE;
	}
	cj_diag_init(&d);
	if (cj_dataset_convert(in, out, &opts, &d) != CJ_OK)
		return cli_diag(&d);
	fprintf(stderr, "已转换：%s -> %s\n", in, out);
	return CLI_OK;
}
