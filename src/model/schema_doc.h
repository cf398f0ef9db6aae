/*
 * schema_doc.h - docs/dataset.md, generated from the schema table.
 *
 * The reference for finance staff who write a dataset by hand: what the
 * file is, YAML in five lines, the rules (amount unit, absent is not zero,
 * stated totals are checked, unknown keys are errors), then one section per
 * group with every field's full dotted path, type, Chinese description and
 * example, and a short complete example at the end.  Because it walks the
 * same table as the reader, the document cannot drift from what the reader
 * accepts.
 */
#ifndef CJ_SCHEMA_DOC_H
#define CJ_SCHEMA_DOC_H

#include "../base/buf.h"
#include "../base/err.h"

/*
 * Append the whole Markdown document to `out` (UTF-8, LF line ends).
 * Returns the buffer's sticky error (CJ_OK, CJ_ERR_NOMEM or
 * CJ_ERR_TOO_LARGE); the caller owns the buffer.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_schema_markdown(&b) == CJ_OK)
 *         write_file("docs/dataset.md", b.ptr, b.len);
 *     cj_buf_release(&b);
 */
enum cj_err cj_schema_markdown(struct cj_buf *out);

#endif
