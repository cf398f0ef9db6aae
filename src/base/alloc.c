/*
 * alloc.c - allocation wrappers with a failure-injection hook for tests.
 */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static long fail_after = -1; /* allocations left before failing; <0 = never */

static int should_fail(void)
{
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}

void cj_alloc_fail_after(long n)
{
	fail_after = n;
}

void *cj_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *cj_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *cj_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void cj_free(void *p)
{
	free(p);
}

char *cj_strndup(const char *s, size_t len)
{
	char *r = cj_malloc(len + 1);

	if (!r)
		return NULL;
	if (len)
		memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

char *cj_strdup(const char *s)
{
	return cj_strndup(s, strlen(s));
}
