/*
 * cmd_audit.c - `caijue audit`: being written (see the open issue); until then
 * it says so and exits 2.
 */
#include <stdio.h>

#include "cli.h"

int cmd_audit(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("caijue: audit 命令尚未实现\n", stderr);
	return CLI_USAGE;
}
