/*
 * zipxml.h - reading XML parts of an untrusted zip archive (XLSX) with
 * limits, in bounded memory.
 *
 * The archive is opened from memory with libzip; an XML part is streamed
 * through expat in 64 KiB chunks, so a part is never held whole.  What is
 * refused, each with a Chinese message and CJ_ERR_TOO_LARGE or
 * CJ_ERR_PARSE:
 *  - more than CJ_ZX_MAX_ENTRIES entries;
 *  - a total uncompressed size (as declared, and as actually inflated)
 *    above CJ_ZX_MAX_TOTAL;
 *  - an entry larger than 1 MiB that inflates more than CJ_ZX_MAX_RATIO
 *    times its compressed size (a zip bomb; small entries cannot hurt
 *    under the total limit);
 *  - an entry that inflates past its declared size;
 *  - XML nested deeper than CJ_ZX_MAX_DEPTH, a DOCTYPE (OOXML never has
 *    one, and it is the door to entity expansion), malformed XML.
 *
 * Element and attribute names are given to the handlers without their
 * namespace prefix ("x:c" -> "c", "r:id" -> "id"); part names are looked
 * up case-insensitively, as OPC requires.
 */
#ifndef CJ_ZIPXML_H
#define CJ_ZIPXML_H

#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"

#define CJ_ZX_MAX_ENTRIES 10000
#define CJ_ZX_MAX_TOTAL ((uint64_t)64 << 20) /* 64 MiB uncompressed */
#define CJ_ZX_MAX_RATIO 200
#define CJ_ZX_RATIO_MIN_SIZE ((uint64_t)1 << 20) /* ratio checked above 1 MiB */
#define CJ_ZX_MAX_DEPTH 64

struct cj_zx;

/*
 * Handlers.  Each returns CJ_OK to go on; any other value stops the parse
 * and cj_zx_parse returns it (the handler records its own message).
 * `attrs` is NULL-terminated name/value pairs, names without prefix.
 * Text may come in several pieces.  Any handler may be NULL.
 */
struct cj_zx_handler {
	enum cj_err (*start)(void *ud, const char *name, const char **attrs);
	enum cj_err (*end)(void *ud, const char *name);
	enum cj_err (*text)(void *ud, const char *s, size_t len);
};

/*
 * Open an archive held in memory (borrowed: `buf` must outlive the handle).
 * `file` names the file in messages.  Checks the entry count and the
 * declared sizes.  Caller owns *out; close with cj_zx_close().
 * Errors: CJ_ERR_PARSE (not a zip file), CJ_ERR_TOO_LARGE, CJ_ERR_NOMEM.
 */
enum cj_err cj_zx_open(const void *buf, size_t len, const char *file, struct cj_zx **out,
		       struct cj_diag *d);
void cj_zx_close(struct cj_zx *z);

/* 1 when the archive has an entry `name` (case-insensitive). */
int cj_zx_has(const struct cj_zx *z, const char *name);

/*
 * Stream entry `name` through expat, calling the handlers.  CJ_ERR_NOTFOUND
 * when there is no such entry (no message recorded: the caller decides
 * whether a missing part is an error).  Errors of the archive and the XML
 * name the part; a handler's error is returned as it is.
 */
enum cj_err cj_zx_parse(struct cj_zx *z, const char *name, const struct cj_zx_handler *h,
			void *ud, struct cj_diag *d);

/* Line of the XML being parsed (for a handler's message); 0 outside a parse. */
unsigned long cj_zx_line(const struct cj_zx *z);

#endif
