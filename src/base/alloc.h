/*
 * alloc.h - the one allocation path of the library.
 *
 * All library allocation goes through cj_malloc/cj_calloc/cj_realloc/
 * cj_free so that tests can make the Nth allocation fail
 * (cj_alloc_fail_after) and check that every error path cleans up.
 */
#ifndef CJ_ALLOC_H
#define CJ_ALLOC_H

#include <stddef.h>

void *cj_malloc(size_t n);
void *cj_calloc(size_t count, size_t size);
void *cj_realloc(void *p, size_t n);
void cj_free(void *p);

/* Caller owns the copy; free with cj_free().  NULL on failure. */
char *cj_strndup(const char *s, size_t len);
char *cj_strdup(const char *s);

/*
 * Test hook: after `n` more successful allocations, every allocation fails.
 * n < 0 disables the hook (the default).
 */
void cj_alloc_fail_after(long n);

#endif
