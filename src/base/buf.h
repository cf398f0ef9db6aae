/*
 * buf.h - growable byte buffer with a size cap and a sticky error.
 *
 * Modelled on curl's dynbuf and SQLite's StrAccum: after the first failure
 * (out of memory, or past `max`) every append is a no-op and cj_buf_err()
 * reports the failure, so writers check once at the end.  The content is
 * always NUL-terminated (when len > 0 or after any successful append).
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 1 << 20);
 *     cj_buf_puts(&b, "合计");
 *     cj_buf_printf(&b, " %d", 3);
 *     if (cj_buf_err(&b)) ...;
 *     use(b.ptr, b.len);
 *     cj_buf_release(&b);
 */
#ifndef CJ_BUF_H
#define CJ_BUF_H

#include <stddef.h>

#include "err.h"

#define CJ_BUF_DEFAULT_MAX ((size_t)256 << 20) /* 256 MiB */

struct cj_buf {
	char *ptr;       /* content, NUL-terminated; NULL while empty */
	size_t len;      /* bytes used, without the NUL */
	size_t cap;      /* bytes allocated */
	size_t max;      /* refuse to grow past this many bytes */
	enum cj_err err; /* sticky: first failure */
};

/* max 0 means CJ_BUF_DEFAULT_MAX. */
void cj_buf_init(struct cj_buf *b, size_t max);
void cj_buf_release(struct cj_buf *b);
void cj_buf_reset(struct cj_buf *b); /* len = 0, keeps memory and max; clears err */

enum cj_err cj_buf_put(struct cj_buf *b, const void *p, size_t len);
enum cj_err cj_buf_puts(struct cj_buf *b, const char *s);
enum cj_err cj_buf_putc(struct cj_buf *b, char c);
enum cj_err cj_buf_printf(struct cj_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Sticky error, CJ_OK if all appends succeeded. */
static inline enum cj_err cj_buf_err(const struct cj_buf *b)
{
	return b->err;
}

/* Content as a C string ("" when empty); borrowed. */
static inline const char *cj_buf_str(const struct cj_buf *b)
{
	return b->ptr ? b->ptr : "";
}

/*
 * Take the content; caller owns it (free with cj_free()).  The buffer is
 * left empty.  Returns an empty allocated string when the buffer is empty;
 * NULL on error.
 */
char *cj_buf_detach(struct cj_buf *b, size_t *len_out);

#endif
