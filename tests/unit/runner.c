/*
 * runner.c - registry and main of the unit-test runner (see runner.h).
 */
#include "runner.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_TESTS 4096

static struct {
	const char *name;
	cj_test_fn fn;
} tests[MAX_TESTS];
static int ntests;
static long checks_passed, checks_failed;
static int cur_failed;

void cj_test_register(const char *name, cj_test_fn fn)
{
	if (ntests < MAX_TESTS) {
		tests[ntests].name = name;
		tests[ntests].fn = fn;
		ntests++;
	}
}

void cj_test_pass(void)
{
	checks_passed++;
}

void cj_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	checks_failed++;
	cur_failed = 1;
	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int cmp_name(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	return strcmp(x, y);
}

int main(int argc, char **argv)
{
	int i, passed = 0, failed = 0;
	const char *prefix = argc > 1 ? argv[1] : NULL;

	(void)cmp_name;
	for (i = 0; i < ntests; i++) {
		if (prefix && strncmp(tests[i].name, prefix, strlen(prefix)) != 0)
			continue;
		cur_failed = 0;
		tests[i].fn();
		if (cur_failed) {
			failed++;
			fprintf(stderr, "FAIL %s\n", tests[i].name);
		} else {
			passed++;
		}
	}
	fprintf(stderr, "unit: %ld checks passed, %ld failed\n", checks_passed, checks_failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
