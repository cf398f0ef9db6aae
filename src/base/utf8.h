/*
 * utf8.h - UTF-8 validation, decoding, width, and the one place where
 * full-width forms are folded to ASCII.
 *
 * Rules for bad input (after SQLite's utf.c): cj_utf8_validate rejects
 * overlong forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF,
 * truncated sequences and lone continuation bytes, and reports the byte
 * offset of the first offending byte.  cj_utf8_decode never reads past
 * `len`; on a bad sequence it returns U+FFFD and consumes one byte.
 */
#ifndef CJ_UTF8_H
#define CJ_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* 1 if s[0..len) is valid UTF-8; else 0 and *bad_off = offset of the error. */
int cj_utf8_validate(const char *s, size_t len, size_t *bad_off);

/* Decode one code point at s (len > 0); *adv = bytes consumed (>= 1). */
uint32_t cj_utf8_decode(const char *s, size_t len, size_t *adv);

/* Encode cp into out (4 bytes room); returns the byte count. */
size_t cj_utf8_encode(uint32_t cp, char *out);

/* Number of code points in a valid UTF-8 string. */
size_t cj_utf8_nchars(const char *s, size_t len);

/* Display columns: CJK and full-width forms count 2, others 1. */
size_t cj_utf8_width(const char *s, size_t len);

/*
 * Fold one code point: full-width ASCII (U+FF01..U+FF5E) to ASCII,
 * U+3000 and NBSP to space, U+FF0E/U+3002-as-decimal are left alone
 * except the full-width full stop U+FF0E -> '.'.  Others unchanged.
 */
uint32_t cj_utf8_fold_cp(uint32_t cp);

/*
 * Append s folded with cj_utf8_fold_cp to out (sticky-error buffer).
 * Invalid bytes are copied as they are.
 */
void cj_utf8_fold(struct cj_buf *out, const char *s, size_t len);

/* Strip a leading UTF-8 BOM: returns the number of bytes to skip (0 or 3). */
size_t cj_utf8_bom_len(const char *s, size_t len);

/* Byte edit distance (Levenshtein), for "did you mean"; 64 when either is 64 bytes or longer. */
size_t cj_edit_distance(const char *a, size_t an, const char *b, size_t bn);

/* 1-based line number of byte offset off in s. */
unsigned cj_line_of(const char *s, size_t off);

/* 1 when s is non-empty and all ASCII digits 0-9. */
int cj_ascii_all_digits(const char *s);

/* Largest n <= len such that s[0..n) does not end inside a sequence. */
size_t cj_utf8_clip(const char *s, size_t len);

#endif
