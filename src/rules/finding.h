/*
 * finding.h - findings are data: what `check` (on a dataset) and `audit`
 * (on published text) produce, in the shape DESIGN.md fixes for the CLI's
 * text and JSON output.
 *
 * A finding names a catalogue rule (stable id), a severity, a location
 * (file and line, or a workbook cell), a Chinese message, and where they
 * apply the figure as stated, the figure as expected, and an excerpt.
 * A set of findings has a sticky error: after an allocation failure adds
 * are no-ops and cj_findings_err() reports it.
 */
#ifndef CJ_FINDING_H
#define CJ_FINDING_H

#include <stddef.h>


#include "caijue.h" /* enum cj_sev, struct cj_finding(s) and their functions */

#endif
