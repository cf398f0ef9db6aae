/*
 * cmd_docs.c - `caijue rules` and `caijue schema`: the catalogue and the
 * dataset reference, generated from the library's own tables (the source
 * of docs/rules.md and docs/dataset.md, so they cannot drift).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int print_doc(int argc, char **argv, const char *cmd, char *(*make)(void),
		     const char *help)
{
	char *s;
	int i;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return CLI_OK;
		}
		if (strcmp(argv[i], "--markdown") != 0)
			return cli_usage(cmd, "未知参数「%s」", argv[i]);
	}
	s = make();
	if (!s) {
		fputs("caijue: 内存不足\n", stderr);
		return CLI_USAGE;
	}
	fputs(s, stdout);
	cj_free(s);
	return CLI_OK;
}

int cmd_rules(int argc, char **argv)
{
	return print_doc(argc, argv, "rules", cj_rules_doc,
			 "用法: caijue rules [--markdown]\n\n输出检查规则目录（Markdown，即 docs/rules.md）。\n");
}

int cmd_schema(int argc, char **argv)
{
	return print_doc(argc, argv, "schema", cj_schema_doc,
			 "用法: caijue schema [--markdown]\n\n输出数据文件字段说明（Markdown，即 docs/dataset.md）。\n");
}
