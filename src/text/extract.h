/*
 * extract.h - published reports (txt, md, html, docx, pdf) as numbered
 * lines of normalised UTF-8 text, the input of `caijue audit`.
 *
 * Every finding of the auditor points at "line N" of the text made here, so
 * the line numbering and the normalisation below are a contract: claim
 * extraction (src/audit) relies on them, and changing them changes the
 * line numbers users see.
 *
 * FORMAT, decided by the suffix of `name` (case-insensitive):
 *   .txt .text .md .markdown        plain text
 *   .html .htm .xhtml .shtml        HTML
 *   .docx .docm                     DOCX (word/document.xml only)
 *   .pdf                            PDF
 *   .doc .wps                       refused (CJ_ERR_UNSUPPORTED): save as .docx
 * Any other suffix, or none, sniffs the content: "%PDF-" in the first 1024
 * bytes is PDF, "PK\3\4" at the start is DOCX, "<!DOCTYPE html" or "<html"
 * near the start (after a BOM and white space) is HTML, anything else is
 * plain text.
 *
 * LINES.  Line i of the result is line number i+1.
 *   - plain text: the lines of the file, as an editor numbers them.  LF,
 *     CRLF and a lone CR each end a line; a final line break does not start
 *     another line ("a\nb\n" and "a\nb" are both two lines; "" is none).
 *     Empty lines are kept.
 *   - HTML, DOCX, PDF: the numbers are those of the extracted text, not of
 *     the source (an HTML file can be one physical line).  See below for
 *     what makes a line.
 *   - PDF lines carry their 1-based page number (struct cj_text_line.page);
 *     other formats have page 0.  A page starts on a new line; a page
 *     without text has no line.
 *
 * ENCODING (plain text and HTML).  A UTF-8 BOM is stripped; UTF-16 with a
 * BOM is converted.  Then valid UTF-8 is taken as it is.  Otherwise HTML
 * with a declared charset (<meta charset>, <meta http-equiv=Content-Type>,
 * <?xml encoding>; gb2312/gbk/etc. read as GB18030) is converted from it;
 * failing that, the bytes are decoded as GB18030 and accepted if every byte
 * decodes and the text looks Chinese (at least one Han character, at least
 * 90% of the non-ASCII characters Han, CJK punctuation, full-width forms or
 * the other symbols of GB2312, no private-use characters).  Otherwise the
 * input is refused with CJ_ERR_ENCODING, naming the byte offset (0-based,
 * counted in the file as given) of the first invalid UTF-8 byte and, when
 * GB18030 decoding failed further on (a GB file with one bad byte), that
 * offset too; d->line is the line of the later of the two.
 * Plain text containing a NUL byte is refused (binary, or UTF-16 without a
 * BOM).
 *
 * HTML.  Tags are dropped.  Block elements (p div li ul ol dl dt dd h1-h6
 * section article aside header footer nav main blockquote pre table caption
 * figure figcaption address center form fieldset hr details summary ...)
 * end the current line if it has text; <br> always ends a line (so
 * <br><br> gives an empty line); each <tr> is one line whose <td>/<th>
 * cells are separated by one TAB (an empty cell still counts, so columns
 * keep their positions; a row of empty cells is still a line; colspan is
 * not expanded).  Inside a cell, line breaks, block boundaries, nested
 * tables and TABs become spaces.  White space collapses as a browser shows
 * it (one space, none at the start or end of a line), except inside <pre>;
 * white space holding a source line break between two East Asian wide
 * characters vanishes (CSS Text 3), so Chinese prose wrapped over source
 * lines gets no stray spaces.  Entities are decoded: the common
 * named ones (&amp; &lt; &gt; &quot; &apos; &nbsp; &ensp; &emsp; &thinsp;
 * &middot; &mdash; &hellip; &times; &yen; &permil; ...; unknown names stay
 * as written), decimal and hex numeric (0, surrogates and values past
 * U+10FFFF give U+FFFD; 128-159 follow windows-1252, as browsers do).
 * Dropped with their content: <head> (title, meta, style, script...),
 * <script>, <style>, <title>, <noscript>, <template>, <svg>, <math>,
 * <iframe>, comments, <!DOCTYPE>, <?...?>, CDATA sections.  A '<' that
 * does not start a tag is text; unclosed tags and comments at the end of
 * input are dropped.  Malformed HTML never fails.
 *
 * DOCX.  The package is read with bounded memory (limits below); only
 * word/document.xml (body text; no headers, footers, footnotes, comments).
 * Each w:p is a line, empty paragraphs included; the text is that of w:t
 * (not w:delText, not field instructions w:instrText); w:tab is a TAB;
 * w:br and w:cr end a line; w:noBreakHyphen is '-'.  Each w:tr is one line
 * whose w:tc cells are separated by one TAB; inside a cell, paragraphs,
 * breaks, tabs and nested tables become spaces.  Paragraphs of text boxes
 * join their anchor paragraph with a space; mc:Fallback content (a second
 * copy of a text box) is skipped.  A DTD in the XML is refused.
 *
 * PDF.  poppler's text of each page in reading order, one line per text
 * line.  Where two neighbouring glyphs of a line are more than 0.8 line
 * heights apart (a table column), the gap becomes one TAB, whether poppler
 * put spaces there or nothing; smaller gaps are left as poppler gives them.
 *
 * NORMALISATION, the same for every format, applied to each line in this
 * order (after the steps above):
 *   1. Control characters U+0000-U+001F other than TAB, U+007F-U+009F,
 *      U+2028 and U+2029 become a space (so buf holds no NUL, and no line
 *      break other than the separators).  Invalid UTF-8 left by a source
 *      becomes U+FFFD (cannot happen for the formats above; a guard).
 *   2. Spaces: U+00A0, U+2000-U+200A, U+202F, U+205F and U+3000 become an
 *      ASCII space.  U+00AD, U+200B-U+200D, U+2060 and U+FEFF are removed.
 *   3. Full-width digits U+FF10-U+FF19 (０-９) become 0-9, everywhere.
 *   4. Full-width full stop U+FF0E (．) becomes '.', and full-width percent
 *      U+FF05 (％) becomes '%', when the character just before or just
 *      after is a digit (after step 3).  Otherwise they are kept.
 *   5. Digit-group spaces are removed: "1 104.25" -> "1104.25".  Exactly:
 *      a run of 1-3 ASCII digits not preceded by a digit, '.' or ',', followed
 *      by one or more groups of one space and exactly three digits (a group
 *      is not followed by another digit) loses those spaces.  Only a single
 *      space (after step 2) counts, never a TAB or two spaces; so
 *      "2020 797.10" (four digits first), "5.19 200" (after a decimal point)
 *      and "12  345" are left alone, but "100 200.00" becomes "100200.00"
 *      -- a real ambiguity when a source separates numbers by one space
 *      (PDF tables mostly get TABs, see above).
 *   6. Trailing spaces (not TABs) are removed; leading spaces are kept.
 * Everything else is kept as the author wrote it.  In particular the
 * full-width comma ，(also between digits: "１，１０４" -> "1，104"),
 * parentheses （）, colon ：, ideographic full stop 。, full-width minus
 * －, and the other full-width letters and signs are NOT folded; claim
 * extraction must accept them (cj_money_parse does).
 *
 * LIMITS on untrusted input, each refused with a Chinese message:
 *   input larger than 64 MiB (CJ_ERR_TOO_LARGE);
 *   extracted text larger than 64 MiB or more than 2 000 000 lines
 *     (CJ_ERR_TOO_LARGE);
 *   DOCX: more than 10000 zip entries, an entry larger than 64 MiB
 *     uncompressed or (when above 1 MiB) compressed more than 200:1, an
 *     entry that inflates past its declared size (CJ_ERR_TOO_LARGE); no
 *     word/document.xml (CJ_ERR_NOTFOUND); XML nested deeper than 256
 *     elements (CJ_ERR_TOO_LARGE); not a zip, encrypted, bad XML or a DTD
 *     (CJ_ERR_PARSE / CJ_ERR_UNSUPPORTED);
 *   PDF: more than 5000 pages (CJ_ERR_TOO_LARGE); damaged (CJ_ERR_PARSE);
 *     encrypted with a password (CJ_ERR_UNSUPPORTED).
 *
 *     struct cj_textdoc *t;
 *     struct cj_diag d;
 *     cj_diag_init(&d);
 *     if (cj_text_extract_file("report.pdf", &t, &d) != CJ_OK)
 *         report(d.file, d.line, d.msg);
 *     for (size_t i = 0; i < t->nlines; i++)
 *         look_at(i + 1, t->lines[i].page, t->lines[i].ptr, t->lines[i].len);
 *     cj_textdoc_free(t);
 */
#ifndef CJ_TEXT_EXTRACT_H
#define CJ_TEXT_EXTRACT_H

#include <stddef.h>

#include "../base/err.h"

/* One line: a view into cj_textdoc.buf, without its '\n'. */
struct cj_text_line {
	const char *ptr; /* borrowed; valid until cj_textdoc_free() */
	size_t len;      /* bytes */
	unsigned page;   /* 1-based PDF page; 0 when not paged */
};

enum cj_text_kind { CJ_TEXT_PLAIN, CJ_TEXT_HTML, CJ_TEXT_DOCX, CJ_TEXT_PDF };

/* An extracted document; caller frees with cj_textdoc_free(). */
struct cj_textdoc {
	char *buf;                  /* all lines joined by '\n' (none after the
				     * last), NUL-terminated, valid UTF-8, no NUL
				     * inside, no control character but TAB and
				     * the '\n' separators */
	size_t len;                 /* bytes of buf, without the final NUL */
	struct cj_text_line *lines; /* line i is line number i+1; NULL if none */
	size_t nlines;
	char *source;               /* the name given (file name), "" if none */
	enum cj_text_kind kind;
};

/*
 * Read the file at `path` and extract it as cj_text_extract_mem() does,
 * with `path` as the name.  Errors as below, plus CJ_ERR_IO.
 */
enum cj_err cj_text_extract_file(const char *path, struct cj_textdoc **out, struct cj_diag *d);

/*
 * Extract text from `len` bytes at `data` (not modified, need not be
 * NUL-terminated).  `name` (may be NULL) picks the format by its suffix
 * and is used in messages and copied to source.
 *
 * On success *out is a new document; caller owns it, free with
 * cj_textdoc_free().  On failure *out is untouched, nothing leaks, and `d`
 * (may be NULL) holds a Chinese message with d->file set (and d->line for
 * an encoding error in plain text or HTML).
 *
 * Errors: CJ_ERR_ENCODING, CJ_ERR_TOO_LARGE, CJ_ERR_PARSE, CJ_ERR_NOTFOUND,
 * CJ_ERR_UNSUPPORTED, CJ_ERR_NOMEM (see the limits above).
 */
enum cj_err cj_text_extract_mem(const char *data, size_t len, const char *name,
				struct cj_textdoc **out, struct cj_diag *d);

/* Free a document; NULL does nothing. */
void cj_textdoc_free(struct cj_textdoc *t);

/* "text", "html", "docx" or "pdf"; static. */
const char *cj_text_kind_name(enum cj_text_kind kind);

#endif
