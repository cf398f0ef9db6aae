/*
 * dataset_int.h - the facade's dataset, shared by the files of src/core
 * (dataset.c, score_api.c, audit_api.c, workbook_api.c).  Opaque to
 * everyone else (include/caijue.h declares only the tag).
 */
#ifndef CJ_DATASET_INT_H
#define CJ_DATASET_INT_H

#include "calc/calc.h"
#include "model/accounts.h"
#include "model/codes.h"

struct cj_dataset {
	struct cj_accounts *a;     /* the unit's accounts as read */
	struct cj_codes *codes;    /* the classification table used */
	struct cj_figures *f;      /* every derived figure */
};

#endif
