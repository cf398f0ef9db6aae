/*
 * yaml_write.h - a dataset (struct cj_accounts) as dataset.yaml text.
 *
 * Driven by the schema table (model/schema.h), in its order, so a field
 * added there is written without touching this code.  The output reads
 * back through cj_yaml_read to the same record (every figure, count,
 * rate, text and list; locations aside), and writing what was read gives
 * the same bytes again.
 *
 * Form:
 *  - a comment header, and a comment line before each top-level group;
 *  - absent fields, empty lists and groups that hold nothing are left out;
 *  - amounts in the file's unit with two decimals (cj_money_format); an
 *    amount finer than the unit shows is written in 元 ("12345.67元");
 *  - rates with the decimals they were written with ("96.6", "100");
 *  - codes double-quoted ("2013101"); other text plain when YAML allows,
 *    as a `|` block when it has several lines (or is a long paragraph in a
 *    text field), else double-quoted with escapes;
 *  - reasons as a plain item, or `text:` / `amount:` when there is an
 *    amount.
 */
#ifndef CJ_YAML_WRITE_H
#define CJ_YAML_WRITE_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../model/accounts.h"

/*
 * Append the dataset to `out` (a sticky-error buffer).  Returns CJ_OK, the
 * buffer's error (CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE), or CJ_ERR_USAGE when
 * the record's amount unit is neither 元 nor 万元.
 */
enum cj_err cj_yaml_write(const struct cj_accounts *a, struct cj_buf *out);

#endif
