/*
 * cmd_score.c - `caijue score`: being written (see the open issue); until then
 * it says so and exits 2.
 */
#include <stdio.h>

#include "cli.h"

int cmd_score(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("caijue: score 命令尚未实现\n", stderr);
	return CLI_USAGE;
}
