/*
 * caijue.h - the public API of libcaijue.
 *
 * caijue holds a budget unit's final accounts (部门决算) as data, checks
 * them against a catalogue of rules, and generates the disclosure report.
 * This header is what the command-line tool (src/cli) and the web server
 * use; everything else is internal.
 *
 * Conventions: every fallible call returns enum cj_err (CJ_OK = 0) and
 * fills a caller-owned struct cj_diag with a Chinese message and the input
 * location; objects come in _new/_free or _load/_free pairs and _free(NULL)
 * does nothing; strings are UTF-8.
 *
 *     struct cj_diag d;
 *     struct cj_dataset *ds;
 *     struct cj_findings fs;
 *     cj_diag_init(&d);
 *     if (cj_dataset_load("examples/lizhou-2020.yaml", NULL, &ds, &d))
 *         fail(d.file, d.line, d.msg);
 *     cj_findings_init(&fs);
 *     cj_dataset_check(ds, NULL, &fs);
 *     ...
 *     cj_findings_release(&fs);
 *     cj_dataset_free(ds);
 */
#ifndef CAIJUE_H
#define CAIJUE_H

#include <stddef.h>
#include <stdint.h>

#define CJ_VERSION "0.1.0"

/* The library version, e.g. "0.1.0". */
const char *cj_version(void);

/* ================================================================ errors */

/* Append only; never renumber. */
enum cj_err {
	CJ_OK = 0,         /* success */
	CJ_ERR_NOMEM,      /* an allocation failed */
	CJ_ERR_IO,         /* a file could not be read or written */
	CJ_ERR_PARSE,      /* input is malformed (syntax) */
	CJ_ERR_SCHEMA,     /* input is well-formed but does not fit the schema */
	CJ_ERR_RANGE,      /* a number is out of range or overflowed */
	CJ_ERR_ENCODING,   /* invalid UTF-8 or unsupported encoding */
	CJ_ERR_TOO_LARGE,  /* a size limit was exceeded */
	CJ_ERR_USAGE,      /* the caller passed invalid arguments */
	CJ_ERR_NOTFOUND,   /* a named thing does not exist */
	CJ_ERR_UNSUPPORTED /* a format or feature that is not available */
};

#define CJ_DIAG_MSG_SIZE 512

struct cj_diag {
	enum cj_err code;             /* first error recorded, CJ_OK if none */
	char msg[CJ_DIAG_MSG_SIZE];   /* Chinese message, NUL-terminated */
	char file[256];               /* input file, may be empty */
	unsigned line;                /* 1-based line, 0 if unknown */
	unsigned col;                 /* 1-based column, 0 if unknown */
	char cell[64];                /* "Sheet!B7" for workbooks, may be empty */
};

/* Static English name of an error code; never free. */
const char *cj_strerror(enum cj_err code);

/* Reset a diag to "no error". */
void cj_diag_init(struct cj_diag *d);

/*
 * Record an error (if none is recorded yet) and return `code`, so callers
 * write `return cj_fail(d, CJ_ERR_PARSE, "...")`.  `d` may be NULL.
 */
enum cj_err cj_fail(struct cj_diag *d, enum cj_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like cj_fail, also recording file and line (file may be NULL). */
enum cj_err cj_fail_at(struct cj_diag *d, enum cj_err code, const char *file,
		       unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Set the location of an already recorded error if it has none. */
void cj_diag_locate(struct cj_diag *d, const char *file, unsigned line);


/* ============================================================== findings */

/*
 * Findings are data: what `check` (on a dataset) and `audit` (on
 * published text) produce, in the shape DESIGN.md fixes for the text and
 * JSON output.  A set of findings has a sticky error: after an allocation
 * failure adds are no-ops and fs->err reports it.
 */
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


/* ================================================================ checks */

/* Options; the zero value means the defaults. */
struct cj_check_opts {
	/*
	 * A reason is required when |决算 − 预算| / 预算 exceeds this many bp
	 * (default 0: any difference), and when a year-on-year change exceeds
	 * change_threshold_bp (default 0: any change).  Negative values mean 0.
	 */
	int64_t budget_threshold_bp;
	int64_t change_threshold_bp;
	/* Reason amounts must add up to the change within this many fen (default 0). */
	int64_t reason_tolerance_fen;
};


/* =============================================================== dataset */

/* A loaded dataset: the accounts, the code table, and the derived figures. */
struct cj_dataset;

/* Options for loading; the zero value (or NULL) means the defaults. */
struct cj_load_opts {
	const char *codes_file; /* classification table CSV; NULL: the dataset's
				 * codes_file, else the built-in table */
};

/*
 * Load a dataset (.yaml/.yml; the suffix decides), load its code table
 * and compute every derived figure.  Caller owns *out; free with
 * cj_dataset_free().  Errors name file and line in d.
 */
enum cj_err cj_dataset_load(const char *path, const struct cj_load_opts *opts,
			    struct cj_dataset **out, struct cj_diag *d);
void cj_dataset_free(struct cj_dataset *ds);

/* Apply every check rule; findings are appended to out, sorted. */
enum cj_err cj_dataset_check(const struct cj_dataset *ds, const struct cj_check_opts *opts,
			     struct cj_findings *out);

/* Output formats of cj_dataset_build, as bit flags. */
enum {
	CJ_OUT_HTML = 1,   /* report.html */
	CJ_OUT_MD = 2,     /* report.md */
	CJ_OUT_CHARTS = 4, /* charts/NAME.svg */
	CJ_OUT_ALL = 7
};

/*
 * Build the report into directory `dir` (created if missing).  Each file
 * is written to a temporary file in the same directory and renamed, so a
 * reader never sees a half-written file; on failure nothing is renamed
 * into place.  Output is deterministic.  On success *written (if not NULL)
 * receives the number of files written.
 */
enum cj_err cj_dataset_build(const struct cj_dataset *ds, const char *dir, unsigned formats,
			     size_t *written, struct cj_diag *d);

/* ================================================================= audit */
/* (owned by the audit module: src/audit, src/core/audit_api.c) */

/* ================================================================= score */
/* (owned by the performance module: src/perf, src/core/score_api.c) */

/* ============================================================= workbook */
/* (owned by the workbook module: src/in/xlsx*, src/core/workbook_api.c) */

/* ============================================================ reference */

/* The rule catalogue as Markdown (docs/rules.md).  Caller frees with cj_free(). */
char *cj_rules_doc(void);

/* The dataset reference as Markdown (docs/dataset.md).  Caller frees with cj_free(). */
char *cj_schema_doc(void);

/* Number of rules in the catalogue. */
size_t cj_rules_count(void);

/* Free memory returned by the library. */
void cj_free(void *p);

#endif
