/*
 * zipw.h - a small deterministic zip writer over libzip, for the Office
 * containers (DOCX now, XLSX next) and anything else that ships a zip.
 *
 * Entries are collected in memory and written, in the order they were
 * added, when the archive is finished; so the same entries always give
 * the same bytes:
 *   - one timestamp for every entry: the one given to cj_zipw_set_time(),
 *     else SOURCE_DATE_EPOCH when it is set to a valid number, else
 *     1980-01-01 00:00:00 (the earliest DOS date).  It is converted to
 *     the DOS date and time in UTC, whatever the local time zone; times
 *     before 1980 become 1980-01-01, times after 2107 become 2107-12-31
 *     23:59:58 (DOS keeps even seconds);
 *   - no extra fields, no comments, no encryption;
 *   - deflate at a fixed level (6) or stored, per entry.
 *
 * What it does not do: read or append to an existing archive, stream an
 * entry larger than memory, or zip a directory.
 *
 * Names are checked: non-empty, at most CJ_ZIPW_NAME_MAX bytes, no NUL
 * or backslash, no leading '/', no "." or ".." component, no empty
 * component ("a//b"), valid UTF-8 (non-ASCII names get the UTF-8 flag),
 * and no name given twice.  A bad name is CJ_ERR_USAGE.
 *
 * Errors are sticky (SQLite StrAccum): after the first failure every
 * add does nothing, and the finishing call returns that error.
 *
 *     struct cj_zipw *z = cj_zipw_new();
 *     cj_zipw_add(z, "[Content_Types].xml", types, types_len, CJ_ZIP_DEFLATE);
 *     cj_zipw_add(z, "word/media/chart1.png", png, png_len, CJ_ZIP_STORE);
 *     e = cj_zipw_finish(z, &out);      // or cj_zipw_write_file(z, path, d)
 *     cj_zipw_free(z);
 */
#ifndef CJ_ZIPW_H
#define CJ_ZIPW_H

#include <stddef.h>

#include "../base/buf.h"
#include "../base/err.h"

#define CJ_ZIPW_NAME_MAX 1024      /* bytes of an entry name */
#define CJ_ZIPW_MAX_ENTRIES 65535  /* entries of one archive (no zip64 needed) */

enum cj_zip_method {
	CJ_ZIP_DEFLATE, /* deflate, level 6 (the default) */
	CJ_ZIP_STORE    /* no compression: for PNG and other packed data */
};

struct cj_zipw; /* opaque */

/* A new, empty archive.  Caller owns it; free with cj_zipw_free().  NULL when out of memory. */
struct cj_zipw *cj_zipw_new(void);
/* Free the archive and every entry; NULL does nothing. */
void cj_zipw_free(struct cj_zipw *z);

/*
 * The timestamp of every entry, in seconds since 1970-01-01 UTC
 * (overrides SOURCE_DATE_EPOCH).
 */
void cj_zipw_set_time(struct cj_zipw *z, long long epoch);

/*
 * Add an entry; `data` (len bytes, may be NULL when len is 0) is copied.
 * Returns the sticky error: CJ_OK, CJ_ERR_NOMEM, CJ_ERR_USAGE for a bad
 * or repeated name, CJ_ERR_TOO_LARGE past CJ_ZIPW_MAX_ENTRIES entries.
 */
enum cj_err cj_zipw_add(struct cj_zipw *z, const char *name, const void *data, size_t len,
			enum cj_zip_method method);

/*
 * Add an entry that takes the content of `b` without copying; `b` is
 * released (left empty) in every case.  A buffer in error adds nothing
 * and makes the archive fail with the buffer's error.
 */
enum cj_err cj_zipw_add_buf(struct cj_zipw *z, const char *name, struct cj_buf *b,
			    enum cj_zip_method method);

/* The sticky error so far. */
enum cj_err cj_zipw_err(const struct cj_zipw *z);

/*
 * Write the archive and append its bytes to `out` (within out's cap:
 * CJ_ERR_TOO_LARGE past it).  Returns the sticky error of the adds, or
 * CJ_ERR_NOMEM / CJ_ERR_IO when libzip fails.  The entries stay, so the
 * archive may be finished again (to a file, say).  On error `out` may
 * hold partial output.
 */
enum cj_err cj_zipw_finish(struct cj_zipw *z, struct cj_buf *out);

/*
 * Write the archive to `path`; libzip writes a temporary file beside it
 * and renames it, so readers never see half an archive.  Errors as
 * cj_zipw_finish(), with a message naming the path in `d` (may be NULL).
 */
enum cj_err cj_zipw_write_file(struct cj_zipw *z, const char *path, struct cj_diag *d);

/*
 * SOURCE_DATE_EPOCH from the environment: 1 and *epoch set when it is a
 * plain decimal number of seconds (at most 18 digits), else 0 (unset,
 * empty or malformed: callers then use their default).
 */
int cj_zip_source_date(long long *epoch);

#endif
