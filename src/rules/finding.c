/*
 * finding.c - the finding list (see finding.h).
 */
#include "finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"

void cj_findings_init(struct cj_findings *fs)
{
	memset(fs, 0, sizeof(*fs));
}

static void free_one(struct cj_finding *f)
{
	cj_free(f->file);
	cj_free(f->message);
	cj_free(f->stated);
	cj_free(f->expected);
	cj_free(f->excerpt);
}

void cj_findings_release(struct cj_findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		free_one(&fs->v[i]);
	cj_free(fs->v);
	memset(fs, 0, sizeof(*fs));
}

struct cj_finding *cj_findings_add(struct cj_findings *fs, const char *rule, enum cj_sev sev,
				   const char *file, unsigned line, const char *stated,
				   const char *expected, const char *excerpt, const char *fmt, ...)
{
	struct cj_finding f;
	va_list ap;
	int n;

	if (fs->err)
		return NULL;
	if (fs->n == fs->cap) {
		size_t ncap = fs->cap ? fs->cap * 2 : 16;
		struct cj_finding *nv = cj_realloc(fs->v, ncap * sizeof(*nv));
		if (!nv) {
			fs->err = CJ_ERR_NOMEM;
			return NULL;
		}
		fs->v = nv;
		fs->cap = ncap;
	}
	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.sev = sev;
	f.line = line;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0) {
		char *p = cj_malloc((size_t)n + 1);
		if (p) {
			va_start(ap, fmt);
			vsnprintf(p, (size_t)n + 1, fmt, ap);
			va_end(ap);
			f.message = p;
		}
	}
	f.file = cj_strdup(file ? file : "");
	f.stated = cj_strdup(stated ? stated : "");
	f.expected = cj_strdup(expected ? expected : "");
	f.excerpt = cj_strdup(excerpt ? excerpt : "");
	if (!f.message || !f.file || !f.stated || !f.expected || !f.excerpt) {
		free_one(&f);
		fs->err = CJ_ERR_NOMEM;
		return NULL;
	}
	fs->v[fs->n] = f;
	return &fs->v[fs->n++];
}

static int cmp_finding(const void *x, const void *y)
{
	const struct cj_finding *a = x, *b = y;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	c = strcmp(a->cell, b->cell);
	if (c)
		return c;
	return strcmp(a->rule, b->rule);
}

void cj_findings_sort(struct cj_findings *fs)
{
	/* insertion sort: stable, and finding lists are short */
	size_t i, j;

	for (i = 1; i < fs->n; i++) {
		struct cj_finding t = fs->v[i];
		for (j = i; j > 0 && cmp_finding(&fs->v[j - 1], &t) > 0; j--)
			fs->v[j] = fs->v[j - 1];
		fs->v[j] = t;
	}
}

size_t cj_findings_count(const struct cj_findings *fs, enum cj_sev sev)
{
	size_t i, n = 0;

	for (i = 0; i < fs->n; i++)
		if (fs->v[i].sev == sev)
			n++;
	return n;
}

const char *cj_sev_name(enum cj_sev s)
{
	switch (s) {
	case CJ_SEV_INFO: return "info";
	case CJ_SEV_WARNING: return "warning";
	case CJ_SEV_ERROR: return "error";
	}
	return "?";
}

const char *cj_sev_zh(enum cj_sev s)
{
	switch (s) {
	case CJ_SEV_INFO: return "提示";
	case CJ_SEV_WARNING: return "警告";
	case CJ_SEV_ERROR: return "错误";
	}
	return "?";
}
