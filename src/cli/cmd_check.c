/*
 * cmd_check.c - `caijue check DATASET [--format text|json]`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"用法: caijue check DATASET [选项]\n"
	"\n"
	"按检查规则目录核对一个单位的决算数据（.yaml）：各项合计、表间勾稽、\n"
	"需要说明原因之处、科目编码与名称。每条问题一行，指向数据文件的行号。\n"
	"\n"
	"选项:\n"
	"  --format text|json        输出格式（默认 text）\n"
	"  --codes FILE              使用指定的科目编码表（CSV，见 docs/classification.md）\n"
	"  --budget-threshold PCT    决算数偏离预算超过该比例时要求说明原因（默认 0，即有差异即须说明）\n"
	"  --change-threshold PCT    较上年变动超过该比例时要求说明原因（默认 0）\n"
	"\n"
	"退出码: 0 无错误；1 发现错误级问题；2 用法错误或数据文件无法读取。\n";

int cli_ds_arg(int argc, char **argv, int *i, struct cli_ds_args *a, const char *cmd)
{
	const char *v;
	long long bp;

	if (cli_opt(argc, argv, i, "--codes", &v)) {
		if (!v)
			return cli_usage(cmd, "--codes 需要一个文件名");
		a->lo.codes_file = v;
		return 0;
	}
	if (cli_opt(argc, argv, i, "--budget-threshold", &v)) {
		bp = cli_parse_pct(v);
		if (bp < 0)
			return cli_usage(cmd, "阈值应为百分比，如 5 或 5%%：「%s」", v ? v : "");
		a->co.budget_threshold_bp = bp;
		return 0;
	}
	if (cli_opt(argc, argv, i, "--change-threshold", &v)) {
		bp = cli_parse_pct(v);
		if (bp < 0)
			return cli_usage(cmd, "阈值应为百分比，如 5 或 5%%：「%s」", v ? v : "");
		a->co.change_threshold_bp = bp;
		return 0;
	}
	if (argv[*i][0] == '-' && argv[*i][1])
		return cli_usage(cmd, "未知选项「%s」", argv[*i]);
	if (a->path)
		return cli_usage(cmd, "只能指定一个数据文件");
	a->path = argv[*i];
	return 0;
}

int cli_ds_load(const struct cli_ds_args *a, const char *cmd, struct cj_dataset **ds)
{
	struct cj_diag d;

	if (!a->path)
		return cli_usage(cmd, "缺少数据文件");
	cj_diag_init(&d);
	if (cj_dataset_load(a->path, &a->lo, ds, &d))
		return cli_diag(&d);
	return CLI_OK;
}

int cmd_check(int argc, char **argv)
{
	struct cli_ds_args da;
	struct cj_findings fs;
	struct cj_dataset *ds = NULL;
	const char *v;
	int format = FMT_TEXT, i, rc;
	enum cj_err e;

	memset(&da, 0, sizeof(da));
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return CLI_OK;
		}
		if (cli_opt(argc, argv, &i, "--format", &v)) {
			format = cli_parse_format(v);
			if (format < 0)
				return cli_usage("check", "--format 应为 text 或 json");
			continue;
		}
		rc = cli_ds_arg(argc, argv, &i, &da, "check");
		if (rc)
			return rc;
	}
	rc = cli_ds_load(&da, "check", &ds);
	if (rc)
		return rc;
	cj_findings_init(&fs);
	e = cj_dataset_check(ds, &da.co, &fs);
	if (e) {
		fprintf(stderr, "caijue: 检查失败：%s\n", cj_strerror(e));
		rc = CLI_USAGE;
	} else {
		cli_print_findings(stdout, &fs, format);
		if (format == FMT_TEXT)
			cli_print_summary(&fs);
		rc = cj_findings_count(&fs, CJ_SEV_ERROR) ? CLI_FINDINGS : CLI_OK;
	}
	cj_findings_release(&fs);
	cj_dataset_free(ds);
	return rc;
}
