/*
 * output.c - printing findings (text and JSON) and diagnostics.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_diag(const struct cj_diag *d)
{
	if (d->file[0] && d->line)
		fprintf(stderr, "%s:%u: 错误: %s\n", d->file, d->line, d->msg);
	else if (d->file[0] && d->cell[0])
		fprintf(stderr, "%s:%s: 错误: %s\n", d->file, d->cell, d->msg);
	else if (d->file[0])
		fprintf(stderr, "%s: 错误: %s\n", d->file, d->msg);
	else
		fprintf(stderr, "caijue: 错误: %s\n", d->msg);
	return CLI_USAGE;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("caijue: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n用法见 caijue %s --help\n", cmd ? cmd : "");
	return CLI_USAGE;
}

int cli_opt(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strcmp(a, name) == 0) {
		if (*i + 1 >= argc) {
			*val = NULL;
			return 1;
		}
		*val = argv[++*i];
		return 1;
	}
	if (strncmp(a, name, n) == 0 && a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	return 0;
}

int cli_is_help(const char *s)
{
	return strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0;
}

int cli_parse_format(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "text") == 0)
		return FMT_TEXT;
	if (strcmp(s, "json") == 0)
		return FMT_JSON;
	return -1;
}

long long cli_parse_pct(const char *s)
{
	long long whole = 0, frac = 0;
	int nfrac = 0, ndig = 0;

	if (!s || !*s)
		return -1;
	while (*s >= '0' && *s <= '9' && ndig < 9) {
		whole = whole * 10 + (*s++ - '0');
		ndig++;
	}
	if (!ndig)
		return -1;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9' && nfrac < 2) {
			frac = frac * 10 + (*s++ - '0');
			nfrac++;
		}
		if (!nfrac)
			return -1;
	}
	if (*s == '%')
		s++;
	if (*s)
		return -1;
	while (nfrac < 2) {
		frac *= 10;
		nfrac++;
	}
	return whole * 100 + frac;
}

/* ---------------------------------------------------------------- text */

static int use_colour(FILE *out)
{
	const char *nc = getenv("NO_COLOR");

	return (!nc || !*nc) && isatty(fileno(out));
}

static void print_text(FILE *out, const struct cj_findings *fs)
{
	int colour = use_colour(out);
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct cj_finding *f = &fs->v[i];
		const char *col = f->sev == CJ_SEV_ERROR ? "\033[1;31m"
				  : f->sev == CJ_SEV_WARNING ? "\033[1;35m" : "\033[1;36m";

		fputs(f->file, out);
		if (f->line)
			fprintf(out, ":%u", f->line);
		else if (f->cell[0])
			fprintf(out, ":%s", f->cell);
		fprintf(out, ": %s%s%s[%s]: %s", colour ? col : "", cj_sev_name(f->sev),
			colour ? "\033[0m" : "", f->rule, f->message);
		if (f->stated[0] && f->expected[0])
			fprintf(out, "（写的 %s，应为 %s）", f->stated, f->expected);
		else if (f->expected[0])
			fprintf(out, "（应为 %s）", f->expected);
		else if (f->stated[0])
			fprintf(out, "（写的 %s）", f->stated);
		fputc('\n', out);
	}
}

/* ---------------------------------------------------------------- JSON */

void cli_json_str(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	for (; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void print_json(FILE *out, const struct cj_findings *fs)
{
	size_t i;

	fprintf(out, "{\"tool\": \"caijue\", \"version\": ");
	cli_json_str(out, cj_version());
	fputs(",\n \"findings\": [", out);
	for (i = 0; i < fs->n; i++) {
		const struct cj_finding *f = &fs->v[i];
		fputs(i ? ",\n   {" : "\n   {", out);
		fputs("\"rule\": ", out);
		cli_json_str(out, f->rule);
		fputs(", \"severity\": ", out);
		cli_json_str(out, cj_sev_name(f->sev));
		fputs(", \"file\": ", out);
		cli_json_str(out, f->file);
		fprintf(out, ", \"line\": %u", f->line);
		if (f->cell[0]) {
			fputs(", \"cell\": ", out);
			cli_json_str(out, f->cell);
		}
		if (f->page)
			fprintf(out, ", \"page\": %u", f->page);
		fputs(", \"message\": ", out);
		cli_json_str(out, f->message);
		fputs(", \"stated\": ", out);
		cli_json_str(out, f->stated);
		fputs(", \"expected\": ", out);
		cli_json_str(out, f->expected);
		fputs(", \"excerpt\": ", out);
		cli_json_str(out, f->excerpt);
		fputc('}', out);
	}
	fprintf(out, "%s],\n \"summary\": {\"errors\": %zu, \"warnings\": %zu, \"info\": %zu}}\n",
		fs->n ? "\n " : "", cj_findings_count(fs, CJ_SEV_ERROR),
		cj_findings_count(fs, CJ_SEV_WARNING), cj_findings_count(fs, CJ_SEV_INFO));
}

void cli_print_findings(FILE *out, const struct cj_findings *fs, int format)
{
	if (format == FMT_JSON)
		print_json(out, fs);
	else
		print_text(out, fs);
}

void cli_print_summary(const struct cj_findings *fs)
{
	fprintf(stderr, "检查完成：%zu 个错误，%zu 个警告，%zu 条提示（规则 %zu 条）\n",
		cj_findings_count(fs, CJ_SEV_ERROR), cj_findings_count(fs, CJ_SEV_WARNING),
		cj_findings_count(fs, CJ_SEV_INFO), cj_rules_count());
}
