/*
 * schema.h - the dataset schema as a table.
 *
 * One table describes every field of struct cj_accounts: its YAML key, its
 * type, where it lives in the struct, a Chinese description and an example.
 * The YAML reader, the YAML writer, the workbook template and
 * docs/dataset.md are all driven by it, so they cannot disagree.
 *
 * Layout rules the walkers rely on:
 *  - CJ_F_MAP: `sub` describes a nested struct at `off` (relative to the
 *    parent struct); the sub-table's offsets are relative to it;
 *  - CJ_F_LIST: at `off` sits { T *v; size_t n; } with sizeof(T) ==
 *    elem_size; `sub` describes T;
 *    and, when loc_off is not 0, T has a struct cj_loc at loc_off - 1 that
 *    readers set to the element's line or cell;
 *  - CJ_F_TEXTS: a struct cj_texts; CJ_F_REASONS: a struct cj_reasons.
 * Tables end with an entry whose key is NULL.
 */
#ifndef CJ_SCHEMA_H
#define CJ_SCHEMA_H

#include <stddef.h>

enum cj_ftype {
	CJ_F_MONEY,   /* struct cj_fig: an amount in the file's unit */
	CJ_F_COUNT,   /* struct cj_count: a non-negative integer */
	CJ_F_RATE,    /* struct cj_rate: a percentage, "96.61" or "96.61%" */
	CJ_F_TEXT,    /* struct cj_text: a string (use | blocks for prose) */
	CJ_F_CODE,    /* struct cj_text: a classification code, digits only */
	CJ_F_TEXTS,   /* struct cj_texts: a list of strings */
	CJ_F_REASONS, /* struct cj_reasons: a list of {text, amount} */
	CJ_F_MAP,     /* a nested mapping */
	CJ_F_LIST     /* a list of mappings */
};

enum {
	CJ_FF_REQUIRED = 1, /* must be present */
	CJ_FF_SIGNED = 2    /* an amount that may be negative */
};

struct cj_field {
	const char *key;
	enum cj_ftype type;
	size_t off;
	const struct cj_field *sub; /* MAP, LIST */
	size_t elem_size;           /* LIST */
	unsigned flags;
	const char *zh;             /* Chinese description, for docs and messages */
	const char *example;        /* example value, for docs; may be NULL */
	size_t loc_off;             /* LIST: offsetof(T, loc) + 1, where each element
				     * records where it was read; 0: no location */
};

/*
 * The root table: fields of struct cj_accounts.  The special root keys
 * `caijue` (schema version), `year` and `amount_unit` are in it too.
 */
const struct cj_field *cj_schema_root(void);

/* Look a key up in a table; NULL when unknown. */
const struct cj_field *cj_schema_find(const struct cj_field *table,
				      const char *key, size_t key_len);

/* Chinese name of a field type, e.g. "金额" for CJ_F_MONEY. */
const char *cj_schema_type_zh(enum cj_ftype t);

#endif
