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

#include "caijue.h" /* enum cj_err, struct cj_diag and their functions */

#endif
