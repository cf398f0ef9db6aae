/*
 * xls_read.h - read an input workbook in the old Excel format (.xls,
 * BIFF5/BIFF8) into struct cj_accounts, through FreeXL.
 *
 * Same layout and same checks as the .xlsx reader (wb_model.h, wb_read.h):
 * FreeXL turns each sheet into cells, wb_read.c reads them.  Differences,
 * all from FreeXL:
 *  - a number comes as a double (.xls stores binary numbers); it is
 *    written with 15 significant digits (what Excel shows) and that text
 *    is parsed to fen exactly, so 1104.25 stays 1104.25 and a third
 *    decimal place is still refused;
 *  - formats are not available: a rate typed as 96.61% arrives as
 *    0.9661 (type rates as 96.61; the template's rate cells are text);
 *  - merged ranges are not reported (Excel keeps a merged range's value
 *    in its top-left cell anyway);
 *  - dates arrive as text (YYYY-MM-DD).
 *
 * Limits: the file at most CJ_XLS_MAX_FILE bytes, 200 sheets, 1,000,000
 * non-empty cells, and a sheet of at most 65536 x 256 cells (BIFF8's own
 * maximum); a password-protected (obfuscated) file is refused.
 */
#ifndef CJ_XLS_READ_H
#define CJ_XLS_READ_H

#include "../base/err.h"
#include "../model/accounts.h"

#define CJ_XLS_MAX_FILE ((size_t)32 << 20)

/*
 * Read the .xls file at `path` (FreeXL reads from a path only).  On
 * success the caller owns *out (cj_accounts_free); on failure *out is
 * untouched and d holds the message, with d->cell = "Sheet!C7" for a
 * problem in a cell.  Errors: CJ_ERR_IO (cannot open), CJ_ERR_PARSE (not
 * an .xls file FreeXL can read), CJ_ERR_UNSUPPORTED (password-protected),
 * CJ_ERR_TOO_LARGE, and those of the XLSX reader for the content.
 */
enum cj_err cj_xls_read_file(const char *path, struct cj_accounts **out, struct cj_diag *d);

#endif
