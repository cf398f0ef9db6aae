/*
 * err.h - the error enum and the caller-owned diagnostic record.
 *
 * Every fallible library call takes a `struct cj_diag *` (may be NULL) and
 * returns an `enum cj_err`.  The first failure recorded in a diag wins
 * (curl's Curl_failf): later cj_fail() calls keep the earlier message, so
 * the user sees the root cause, not its consequences.
 *
 * Messages are Chinese, user-facing, without a final full stop; the
 * location (file, line, sheet!cell) is kept apart so the CLI can print it
 * compiler-style.
 */
#ifndef CJ_ERR_H
#define CJ_ERR_H

#include <stddef.h>

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

#endif
