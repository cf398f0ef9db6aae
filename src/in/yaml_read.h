/*
 * yaml_read.h - read a dataset (dataset.yaml) into struct cj_accounts.
 *
 * The reader is driven by the schema table (model/schema.h): every mapping
 * key is looked up there, and the field's type decides how its value is
 * read.  It is strict on purpose: an unknown key, a duplicate key, a third
 * decimal place or a negative amount stops the read with a Chinese message
 * that names the file, the line and the dotted field path
 * (`general_budget.items[3].actual`; list indices count from 1, as finance
 * staff count rows).
 *
 * What it refuses before looking at the schema: invalid UTF-8 (with a hint
 * when the bytes look like GB18030/GBK), YAML syntax errors, anchors and
 * aliases, more than one document, nesting deeper than 32 levels and more
 * than 100000 nodes.
 *
 * Absent is not zero: an empty value, `~` or `null` leaves a figure unset
 * (set == 0) and a text NULL.
 */
#ifndef CJ_YAML_READ_H
#define CJ_YAML_READ_H

#include <stddef.h>

#include "../base/err.h"
#include "../model/accounts.h"

/* Largest file cj_yaml_read_file accepts. */
#define CJ_YAML_MAX_FILE ((size_t)16 << 20)

/*
 * Parse a dataset held in memory.  `filename` is used in messages and
 * stored in a->source (may be NULL).
 *
 * On success *out is a new accounts record; caller owns it, free with
 * cj_accounts_free().  On failure *out is untouched, nothing leaks, and `d`
 * (may be NULL) holds a Chinese message with d->file and d->line set.
 *
 * Errors: CJ_ERR_ENCODING (not UTF-8), CJ_ERR_PARSE (YAML syntax, an
 * amount that is not a number), CJ_ERR_SCHEMA (unknown/duplicate/missing
 * key, wrong kind of value, bad code, alias, second document),
 * CJ_ERR_RANGE (negative amount, third decimal, overflow),
 * CJ_ERR_TOO_LARGE (nesting, node count), CJ_ERR_NOMEM.
 *
 *     struct cj_accounts *a;
 *     struct cj_diag d;
 *     cj_diag_init(&d);
 *     if (cj_yaml_read(text, len, "lizhou-2020.yaml", &a, &d) != CJ_OK)
 *         report(d.file, d.line, d.msg);
 *     ...
 *     cj_accounts_free(a);
 */
enum cj_err cj_yaml_read(const char *buf, size_t len, const char *filename,
			 struct cj_accounts **out, struct cj_diag *d);

/*
 * Read the file at `path` (at most CJ_YAML_MAX_FILE bytes, else
 * CJ_ERR_TOO_LARGE; CJ_ERR_IO when it cannot be read) and parse it with
 * cj_yaml_read, using `path` as the file name.  Same ownership rules.
 */
enum cj_err cj_yaml_read_file(const char *path, struct cj_accounts **out,
			      struct cj_diag *d);

#endif
