/*
 * buf.c - growable, capped, sticky-error byte buffer.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

void cj_buf_init(struct cj_buf *b, size_t max)
{
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max ? max : CJ_BUF_DEFAULT_MAX;
	b->err = CJ_OK;
}

void cj_buf_release(struct cj_buf *b)
{
	cj_free(b->ptr);
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
	b->err = CJ_OK;
}

void cj_buf_reset(struct cj_buf *b)
{
	b->len = 0;
	b->err = CJ_OK;
	if (b->ptr)
		b->ptr[0] = '\0';
}

/* Make room for `extra` more bytes plus the NUL. */
static enum cj_err grow(struct cj_buf *b, size_t extra)
{
	size_t need, ncap;
	char *p;

	if (b->err)
		return b->err;
	if (extra > b->max || b->len > b->max - extra) {
		b->err = CJ_ERR_TOO_LARGE;
		return b->err;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return CJ_OK;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	p = cj_realloc(b->ptr, ncap);
	if (!p) {
		b->err = CJ_ERR_NOMEM;
		return b->err;
	}
	b->ptr = p;
	b->cap = ncap;
	return CJ_OK;
}

enum cj_err cj_buf_put(struct cj_buf *b, const void *p, size_t len)
{
	if (grow(b, len))
		return b->err;
	if (len)
		memcpy(b->ptr + b->len, p, len);
	b->len += len;
	b->ptr[b->len] = '\0';
	return CJ_OK;
}

enum cj_err cj_buf_puts(struct cj_buf *b, const char *s)
{
	return cj_buf_put(b, s, strlen(s));
}

enum cj_err cj_buf_putc(struct cj_buf *b, char c)
{
	return cj_buf_put(b, &c, 1);
}

enum cj_err cj_buf_printf(struct cj_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->err)
		return b->err;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = CJ_ERR_USAGE;
		return b->err;
	}
	if (grow(b, (size_t)n))
		return b->err;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return CJ_OK;
}

char *cj_buf_detach(struct cj_buf *b, size_t *len_out)
{
	char *p;

	if (b->err)
		return NULL;
	if (!b->ptr && grow(b, 0))
		return NULL;
	p = b->ptr;
	p[b->len] = '\0';
	if (len_out)
		*len_out = b->len;
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
