/*
 * table.c - tables of a published report (Markdown "| a | b |" rows, and
 * the TAB-separated rows text extraction makes of HTML, DOCX and PDF
 * tables) as structures: a 合计/总计/小计 row against the rows it sums.
 *
 * Not yet: table figures are counted in coverage and left untied.
 */
#include "audit.h"

void cj_aud_tables(struct aud_doc *doc)
{
	(void)doc;
}
