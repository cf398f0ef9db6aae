/*
 * finding.h - findings are data: what `check` (on a dataset) and `audit`
 * (on published text) produce, in the shape DESIGN.md fixes for the CLI's
 * text and JSON output.
 *
 * A finding names a catalogue rule (stable id), a severity, a location
 * (file and line, or a workbook cell), a Chinese message, and where they
 * apply the figure as stated, the figure as expected, and an excerpt.
 * A set of findings has a sticky error: after an allocation failure adds
 * are no-ops and cj_findings_err() reports it.
 */
#ifndef CJ_FINDING_H
#define CJ_FINDING_H

#include <stddef.h>

#include "../base/err.h"

enum cj_sev {
	CJ_SEV_INFO,
	CJ_SEV_WARNING,
	CJ_SEV_ERROR
};

struct cj_finding {
	const char *rule;   /* catalogue id, static */
	enum cj_sev sev;
	char *file;         /* owned */
	unsigned line;      /* 1-based; 0 when the finding has no line */
	unsigned page;      /* PDF page, 0 when not applicable */
	char cell[24];      /* "Sheet!B7", or empty */
	char *message;      /* owned, never NULL */
	char *stated;       /* owned, "" when not applicable */
	char *expected;     /* owned, "" when not applicable */
	char *excerpt;      /* owned, "" when not applicable */
};

struct cj_findings {
	struct cj_finding *v;
	size_t n, cap;
	enum cj_err err;    /* sticky */
};

void cj_findings_init(struct cj_findings *fs);
void cj_findings_release(struct cj_findings *fs);

/*
 * Add a finding.  stated/expected/excerpt may be NULL (stored as "").
 * Returns a pointer to the new finding (borrowed; valid until the next add)
 * or NULL after an allocation failure.
 */
struct cj_finding *cj_findings_add(struct cj_findings *fs, const char *rule, enum cj_sev sev,
				   const char *file, unsigned line, const char *stated,
				   const char *expected, const char *excerpt, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

/* Sort by file, then line, then rule id (stable for equal keys). */
void cj_findings_sort(struct cj_findings *fs);

/* Count findings of one severity. */
size_t cj_findings_count(const struct cj_findings *fs, enum cj_sev sev);

/* "error" / "warning" / "info" */
const char *cj_sev_name(enum cj_sev s);

/* 错误 / 警告 / 提示 */
const char *cj_sev_zh(enum cj_sev s);

#endif
