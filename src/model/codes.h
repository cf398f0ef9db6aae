/*
 * codes.h - classification code tables (政府收支分类科目) as data.
 *
 * A table is loaded from a CSV file with the header
 *     code,name,level,kind,from,to
 * where kind is `function` (支出功能分类, 类/款/项 = 3/5/7 digits) or
 * `economic` (部门预算支出经济分类, 类/款 = 3/5 digits), level is 类/款/项,
 * and from/to are the first and last fiscal year the name is valid (empty =
 * open).  A code may have several rows with different names over the years
 * (210 医疗卫生与计划生育支出 to 2018, 卫生健康支出 from 2019).  Lines
 * starting with '#' are comments.  The default table (data/classification.csv)
 * is compiled into the library; a user can load the official table of any
 * year instead.
 */
#ifndef CJ_CODES_H
#define CJ_CODES_H

#include "../base/err.h"

enum cj_code_kind {
	CJ_CODE_FUNC, /* 支出功能分类 */
	CJ_CODE_ECON  /* 部门预算支出经济分类 */
};

struct cj_codes;

/* Load a CSV table from a file.  Caller owns *out; free with cj_codes_free. */
enum cj_err cj_codes_load(const char *path, struct cj_codes **out, struct cj_diag *d);

/* Parse a CSV table held in memory (`name` is used in messages). */
enum cj_err cj_codes_parse(const char *csv, size_t len, const char *name,
			   struct cj_codes **out, struct cj_diag *d);

/* The built-in table (data/classification.csv at build time). */
enum cj_err cj_codes_default(struct cj_codes **out, struct cj_diag *d);

void cj_codes_free(struct cj_codes *c);

/*
 * Name of `code` valid in `year`; NULL when the code is unknown for that
 * year.  Borrowed; valid until cj_codes_free().
 */
const char *cj_codes_name(const struct cj_codes *c, enum cj_code_kind kind,
			  const char *code, int year);

/* 1 when the code exists in the table in any year. */
int cj_codes_known_any_year(const struct cj_codes *c, enum cj_code_kind kind,
			    const char *code);

/*
 * Find a name in any year.  On success returns 1 and sets *code (borrowed)
 * and the validity range *from / *to (0 = open).  Used to recognise an
 * outdated name (医疗卫生与计划生育支出 in a 2020 report).  The first match
 * in table order wins.
 */
int cj_codes_find_name(const struct cj_codes *c, enum cj_code_kind kind,
		       const char *name, const char **code, int *from, int *to);

/* Number of rows of the table (every code, every year range). */
size_t cj_codes_count(const struct cj_codes *c);

/*
 * Row i (0 <= i < cj_codes_count), in table order: by kind (function
 * first), then code, then first year, so the rows of one code are
 * adjacent.  Any output pointer may be NULL; strings are borrowed, valid
 * until cj_codes_free().  Returns 0 when i is out of range.
 */
int cj_codes_row(const struct cj_codes *c, size_t i, enum cj_code_kind *kind,
		 const char **code, const char **name, int *from, int *to);

#endif
