/*
 * main.c - `caijue COMMAND ...`: dispatch, --help, --version.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"用法: caijue <命令> [选项]\n"
	"\n"
	"caijue（财决）：部门决算公开的数据、检查与报告生成工具。\n"
	"\n"
	"命令:\n"
	"  check  DATASET            按检查规则目录核对数据文件（.yaml/.xlsx/.xls；合计、勾稽、说明、编码、绩效）\n"
	"  build  DATASET -o DIR     生成部门决算公开报告（HTML、DOCX、PDF、Markdown、SVG 图表、九张表 XLSX）\n"
	"  audit  FILE...            审核已公开的决算报告（txt、md、html、docx、pdf；目录递归）\n"
	"  score  DATASET            项目支出绩效自评：执行率、指标得分、总分和等级\n"
	"  template -o FILE.xlsx     生成空白的 Excel 填报工作簿\n"
	"  convert DATASET -o FILE   在 YAML 与 Excel 工作簿之间转换（.yaml/.xlsx；可读 .xls）\n"
	"  rules  [--markdown]       列出检查规则目录\n"
	"  schema [--markdown]       输出数据文件字段说明\n"
	"\n"
	"选项:\n"
	"  -h, --help                显示帮助（caijue 命令 --help 显示该命令的帮助）\n"
	"  --version                 显示版本\n"
	"\n"
	"退出码: 0 无错误；1 发现错误级问题；2 用法错误或输入无法读取。\n"
	"数据文件格式见 docs/dataset.md，检查规则见 docs/rules.md。\n";

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2) {
		fputs(usage, stderr);
		return CLI_USAGE;
	}
	cmd = argv[1];
	if (cli_is_help(cmd) || strcmp(cmd, "help") == 0) {
		fputs(usage, stdout);
		return CLI_OK;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("caijue %s\n", cj_version());
		return CLI_OK;
	}
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(cmd, "build") == 0)
		return cmd_build(argc - 1, argv + 1);
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 1, argv + 1);
	if (strcmp(cmd, "schema") == 0)
		return cmd_schema(argc - 1, argv + 1);
	if (strcmp(cmd, "audit") == 0)
		return cmd_audit(argc - 1, argv + 1);
	if (strcmp(cmd, "score") == 0)
		return cmd_score(argc - 1, argv + 1);
	if (strcmp(cmd, "template") == 0)
		return cmd_template(argc - 1, argv + 1);
	if (strcmp(cmd, "convert") == 0)
		return cmd_convert(argc - 1, argv + 1);
	fprintf(stderr, "caijue: 未知命令「%s」\n\n", cmd);
	fputs(usage, stderr);
	return CLI_USAGE;
}
