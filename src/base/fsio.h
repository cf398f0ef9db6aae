/*
 * fsio.h - reading files whole, and writing them atomically.
 *
 * Every output of caijue is written to a temporary file in the target's
 * directory and renamed over the target, so a reader (or a crash) never
 * sees a half-written report.  Messages are Chinese and name the path.
 */
#ifndef CJ_FSIO_H
#define CJ_FSIO_H

#include <stddef.h>

#include "err.h"

/*
 * Read a whole file.  Refuses files larger than `max` bytes
 * (CJ_ERR_TOO_LARGE).  Caller owns *out (NUL-terminated; free with
 * cj_free).
 */
enum cj_err cj_file_read(const char *path, size_t max, char **out, size_t *len,
			 struct cj_diag *d);

/* Write data to path via a temporary file and rename(2). */
enum cj_err cj_file_write_atomic(const char *path, const void *data, size_t len,
				 struct cj_diag *d);

/* 1 when path ends with suffix, ASCII letters compared case-insensitively (".XLSX"). */
int cj_path_has_suffix(const char *path, const char *suffix);

/* Create a directory and its parents (mode 0777 & umask); existing is fine. */
enum cj_err cj_mkdir_p(const char *path, struct cj_diag *d);

#endif
