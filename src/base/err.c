/*
 * err.c - error codes and the first-error-wins diagnostic record.
 */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *cj_strerror(enum cj_err code)
{
	switch (code) {
	case CJ_OK: return "ok";
	case CJ_ERR_NOMEM: return "out of memory";
	case CJ_ERR_IO: return "i/o error";
	case CJ_ERR_PARSE: return "parse error";
	case CJ_ERR_SCHEMA: return "schema error";
	case CJ_ERR_RANGE: return "out of range";
	case CJ_ERR_ENCODING: return "bad encoding";
	case CJ_ERR_TOO_LARGE: return "too large";
	case CJ_ERR_USAGE: return "usage error";
	case CJ_ERR_NOTFOUND: return "not found";
	case CJ_ERR_UNSUPPORTED: return "unsupported";
	}
	return "unknown error";
}

void cj_diag_init(struct cj_diag *d)
{
	if (d)
		memset(d, 0, sizeof(*d));
}

static void copy_str(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

__attribute__((format(printf, 5, 0))) static enum cj_err
vfail(struct cj_diag *d, enum cj_err code, const char *file, unsigned line, const char *fmt,
      va_list ap)
{
	if (!d || d->code != CJ_OK)
		return code;
	d->code = code;
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	if (file)
		copy_str(d->file, sizeof(d->file), file);
	if (line)
		d->line = line;
	return code;
}

enum cj_err cj_fail(struct cj_diag *d, enum cj_err code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(d, code, NULL, 0, fmt, ap);
	va_end(ap);
	return code;
}

enum cj_err cj_fail_at(struct cj_diag *d, enum cj_err code, const char *file,
		       unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(d, code, file, line, fmt, ap);
	va_end(ap);
	return code;
}

void cj_diag_locate(struct cj_diag *d, const char *file, unsigned line)
{
	if (!d || d->code == CJ_OK)
		return;
	if (!d->file[0] && file)
		copy_str(d->file, sizeof(d->file), file);
	if (!d->line)
		d->line = line;
}
