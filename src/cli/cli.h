/*
 * cli.h - the command-line tool: the only code that prints or picks an
 * exit status.  Each command is one file (cmd_*.c) and uses the library
 * only through include/caijue.h.
 *
 * Exit status (DESIGN.md): 0 no error-level finding; 1 at least one
 * error-level finding; 2 usage error or unreadable input.
 */
#ifndef CJ_CLI_H
#define CJ_CLI_H

#include <stdio.h>

#include "caijue.h"

enum { CLI_OK = 0, CLI_FINDINGS = 1, CLI_USAGE = 2 };

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_audit(int argc, char **argv);    /* cmd_audit.c */
int cmd_score(int argc, char **argv);    /* cmd_score.c */
int cmd_template(int argc, char **argv); /* cmd_template.c */
int cmd_convert(int argc, char **argv);  /* cmd_convert.c */

/* Print a load/usage error from a diag to stderr, compiler style; returns CLI_USAGE. */
int cli_diag(const struct cj_diag *d);

/* Print a usage error and a hint; returns CLI_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* 1 when argv[*i] is `--name VALUE` or `--name=VALUE`; sets *val, advances *i. */
int cli_opt(int argc, char **argv, int *i, const char *name, const char **val);

/* 1 when s is -h or --help. */
int cli_is_help(const char *s);

/* The arguments every dataset command shares. */
struct cli_ds_args {
	struct cj_check_opts co;
	struct cj_load_opts lo;
	const char *path; /* the DATASET */
};

/*
 * Take argv[*i] if it is one of the shared arguments (--codes, the
 * thresholds, the DATASET itself); an unknown option is a usage error.
 * Returns 0 or an exit status (on a bad value).
 */
int cli_ds_arg(int argc, char **argv, int *i, struct cli_ds_args *a, const char *cmd);

/* Load the dataset named by a (printing the error); 0 or an exit status. */
int cli_ds_load(const struct cli_ds_args *a, const char *cmd, struct cj_dataset **ds);

enum cli_format { FMT_TEXT, FMT_JSON };

/* Parse text|json; returns -1 when invalid. */
int cli_parse_format(const char *s);

/* Findings as compiler-style lines (colour on a terminal) or one JSON object. */
void cli_print_findings(FILE *out, const struct cj_findings *fs, int format);

/* s as a JSON string literal, quotes included. */
void cli_json_str(FILE *out, const char *s);

/* "检查完成：…" on stderr. */
void cli_print_summary(const struct cj_findings *fs);

/* Parse a percentage "5", "5%", "0.5%" into bp (500, 500, 50); -1 when invalid. */
long long cli_parse_pct(const char *s);

#endif
