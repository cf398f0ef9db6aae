/*
 * fuzz_claims.c - libFuzzer target for the auditor: arbitrary bytes as a
 * published report (.txt), through text extraction, the figure scanner,
 * claims, structures, context, every check and the coverage.
 *
 * Checks the contract: the audit either succeeds or fails with an
 * extraction error or CJ_ERR_NOMEM, appending nothing on failure; every
 * finding names a catalogue rule, a line within the text, and valid UTF-8
 * strings; the coverage adds up (claims <= figures, untied <= figures).
 * The same bytes audited twice give the same findings.  Leaks are caught
 * by ASan at exit.  Inputs are capped at 256 KiB.
 *
 *   clang -std=c11 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
 *       fuzz/fuzz_claims.c build/libcaijue.a $(pkg-config --libs ...) -o fuzz_claims
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "caijue.h"

#define MAX_INPUT ((size_t)256 << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid(const char *s)
{
	return s && cj_utf8_validate(s, strlen(s), NULL);
}

/* Audit once; returns the findings count or -1 on error. */
static long run(const uint8_t *data, size_t size, int explain, struct cj_findings *fs,
		struct cj_audit_coverage *cov)
{
	struct cj_audit_opts opts;
	struct cj_audit *au = NULL;
	struct cj_diag d;
	enum cj_err e;
	size_t i, nlines = 1;

	memset(&opts, 0, sizeof(opts));
	memset(cov, 0, sizeof(*cov));
	opts.explain = explain;
	cj_diag_init(&d);
	if (cj_audit_new(&opts, &au, &d) != CJ_OK)
		abort(); /* the built-in code table always loads */
	e = cj_audit_mem(au, (const char *)data, size, "fuzz.txt", fs, &d);
	if (e != CJ_OK) {
		if (fs->n != 0 || d.code != e || !valid(d.msg))
			abort();
		cj_audit_free(au);
		return -1;
	}
	for (i = 0; i < size; i++)
		if (data[i] == '\n' || data[i] == '\r')
			nlines++;
	for (i = 0; i < fs->n; i++) {
		const struct cj_finding *f = &fs->v[i];
		if (!f->rule || strncmp(f->rule, "AUD-", 4) != 0 || f->line > nlines)
			abort();
		if (!valid(f->message) || !valid(f->stated) || !valid(f->expected) ||
		    !valid(f->excerpt) || strcmp(f->file, "fuzz.txt") != 0)
			abort();
	}
	cj_audit_get_coverage(au, cov);
	if (cov->claims > cov->figures || cov->untied > cov->figures ||
	    cov->checked > cov->figures)
		abort();
	if (explain) {
		struct cj_audit_untied u;
		if (cj_audit_untied_count(au) != cov->untied)
			abort();
		for (i = 0; cj_audit_untied(au, i, &u); i++)
			if (!valid(u.figure) || !valid(u.excerpt) || u.line == 0 || u.line > nlines)
				abort();
	}
	cj_audit_free(au);
	return (long)fs->n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cj_findings a, b;
	struct cj_audit_coverage ca, cb;
	long na, nb;
	size_t i;

	if (size > MAX_INPUT)
		return 0;
	cj_findings_init(&a);
	cj_findings_init(&b);
	na = run(data, size, 1, &a, &ca);
	nb = run(data, size, 0, &b, &cb);
	if (na != nb || ca.figures != cb.figures || ca.untied != cb.untied)
		abort();
	for (i = 0; na > 0 && i < (size_t)na; i++)
		if (strcmp(a.v[i].rule, b.v[i].rule) || a.v[i].line != b.v[i].line ||
		    strcmp(a.v[i].stated, b.v[i].stated))
			abort();
	cj_findings_release(&a);
	cj_findings_release(&b);
	return 0;
}
