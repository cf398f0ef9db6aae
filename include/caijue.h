/*
 * caijue.h - the public API of libcaijue.
 *
 * caijue holds a budget unit's final accounts (部门决算) as data, checks
 * them against a catalogue of rules, and generates the disclosure report.
 * This header is what the command-line tool (src/cli) and the web server
 * use; everything else is internal.
 *
 * Conventions: every fallible call returns enum cj_err (CJ_OK = 0) and
 * fills a caller-owned struct cj_diag with a Chinese message and the input
 * location; objects come in _new/_free or _load/_free pairs and _free(NULL)
 * does nothing; strings are UTF-8.
 *
 *     struct cj_diag d;
 *     struct cj_dataset *ds;
 *     struct cj_findings fs;
 *     cj_diag_init(&d);
 *     if (cj_dataset_load("examples/lizhou-2020.yaml", NULL, &ds, &d))
 *         fail(d.file, d.line, d.msg);
 *     cj_findings_init(&fs);
 *     cj_dataset_check(ds, NULL, &fs);
 *     ...
 *     cj_findings_release(&fs);
 *     cj_dataset_free(ds);
 */
#ifndef CAIJUE_H
#define CAIJUE_H

#include <stddef.h>
#include <stdint.h>

#define CJ_VERSION "0.1.0"

/* The library version, e.g. "0.1.0". */
const char *cj_version(void);

/* ================================================================ errors */

/* Append only; never renumber. */
enum cj_err {
	CJ_OK = 0,         /* success */
	CJ_ERR_NOMEM,      /* an allocation failed */
	CJ_ERR_IO,         /* a file could not be read or written */
	CJ_ERR_PARSE,      /* input is malformed (syntax) */
	CJ_ERR_SCHEMA,     /* input is well-formed but does not fit the schema */
	CJ_ERR_RANGE,      /* a number is out of range or overflowed */
	CJ_ERR_ENCODING,   /* invalid UTF-8 or unsupported encoding */
	CJ_ERR_TOO_LARGE,  /* a size limit was exceeded */
	CJ_ERR_USAGE,      /* the caller passed invalid arguments */
	CJ_ERR_NOTFOUND,   /* a named thing does not exist */
	CJ_ERR_UNSUPPORTED /* a format or feature that is not available */
};

#define CJ_DIAG_MSG_SIZE 512

struct cj_diag {
	enum cj_err code;             /* first error recorded, CJ_OK if none */
	char msg[CJ_DIAG_MSG_SIZE];   /* Chinese message, NUL-terminated */
	char file[256];               /* input file, may be empty */
	unsigned line;                /* 1-based line, 0 if unknown */
	unsigned col;                 /* 1-based column, 0 if unknown */
	char cell[64];                /* "Sheet!B7" for workbooks, may be empty */
};

/* Static English name of an error code; never free. */
const char *cj_strerror(enum cj_err code);

/* Reset a diag to "no error". */
void cj_diag_init(struct cj_diag *d);

/*
 * Record an error (if none is recorded yet) and return `code`, so callers
 * write `return cj_fail(d, CJ_ERR_PARSE, "...")`.  `d` may be NULL.
 */
enum cj_err cj_fail(struct cj_diag *d, enum cj_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like cj_fail, also recording file and line (file may be NULL). */
enum cj_err cj_fail_at(struct cj_diag *d, enum cj_err code, const char *file,
		       unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Set the location of an already recorded error if it has none. */
void cj_diag_locate(struct cj_diag *d, const char *file, unsigned line);


/* ============================================================== findings */

/*
 * Findings are data: what `check` (on a dataset) and `audit` (on
 * published text) produce, in the shape DESIGN.md fixes for the text and
 * JSON output.  A set of findings has a sticky error: after an allocation
 * failure adds are no-ops and fs->err reports it.
 */
enum cj_sev {
	CJ_SEV_INFO,
	CJ_SEV_WARNING,
	CJ_SEV_ERROR
};

struct cj_finding {
	const char *rule;   /* catalogue id, static */
	enum cj_sev sev;
	char *file;         /* owned */
	unsigned line;      /* 1-based; 0 when the finding has no line */
	unsigned page;      /* PDF page, 0 when not applicable */
	char cell[24];      /* "Sheet!B7", or empty */
	char *message;      /* owned, never NULL */
	char *stated;       /* owned, "" when not applicable */
	char *expected;     /* owned, "" when not applicable */
	char *excerpt;      /* owned, "" when not applicable */
};

struct cj_findings {
	struct cj_finding *v;
	size_t n, cap;
	enum cj_err err;    /* sticky */
};

void cj_findings_init(struct cj_findings *fs);
void cj_findings_release(struct cj_findings *fs);

/*
 * Add a finding.  stated/expected/excerpt may be NULL (stored as "").
 * Returns a pointer to the new finding (borrowed; valid until the next add)
 * or NULL after an allocation failure.
 */
struct cj_finding *cj_findings_add(struct cj_findings *fs, const char *rule, enum cj_sev sev,
				   const char *file, unsigned line, const char *stated,
				   const char *expected, const char *excerpt, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

/* Sort by file, then line, then rule id (stable for equal keys). */
void cj_findings_sort(struct cj_findings *fs);

/* Count findings of one severity. */
size_t cj_findings_count(const struct cj_findings *fs, enum cj_sev sev);

/* "error" / "warning" / "info" */
const char *cj_sev_name(enum cj_sev s);

/* 错误 / 警告 / 提示 */
const char *cj_sev_zh(enum cj_sev s);


/* ================================================================ checks */

/* Options; the zero value means the defaults. */
struct cj_check_opts {
	/*
	 * A reason is required when |决算 − 预算| / 预算 exceeds this many bp
	 * (default 0: any difference), and when a year-on-year change exceeds
	 * change_threshold_bp (default 0: any change).  Negative values mean 0.
	 */
	int64_t budget_threshold_bp;
	int64_t change_threshold_bp;
	/* Reason amounts must add up to the change within this many fen (default 0). */
	int64_t reason_tolerance_fen;
};


/* =============================================================== dataset */

/* A loaded dataset: the accounts, the code table, and the derived figures. */
struct cj_dataset;

/* Options for loading; the zero value (or NULL) means the defaults. */
struct cj_load_opts {
	const char *codes_file; /* classification table CSV; NULL: the dataset's
				 * codes_file, else the built-in table */
};

/*
 * Load a dataset (.yaml/.yml; the suffix decides), load its code table
 * and compute every derived figure.  Caller owns *out; free with
 * cj_dataset_free().  Errors name file and line in d.
 */
enum cj_err cj_dataset_load(const char *path, const struct cj_load_opts *opts,
			    struct cj_dataset **out, struct cj_diag *d);
void cj_dataset_free(struct cj_dataset *ds);

/* Apply every check rule; findings are appended to out, sorted. */
enum cj_err cj_dataset_check(const struct cj_dataset *ds, const struct cj_check_opts *opts,
			     struct cj_findings *out);

/* Output formats of cj_dataset_build, as bit flags. */
enum {
	CJ_OUT_HTML = 1,   /* report.html */
	CJ_OUT_MD = 2,     /* report.md */
	CJ_OUT_CHARTS = 4, /* charts/NAME.svg */
	CJ_OUT_DOCX = 8,   /* report.docx */
	CJ_OUT_PDF = 16,   /* report.pdf */
	CJ_OUT_XLSX = 32,  /* tables.xlsx: the nine tables, performance tables, native charts */
	CJ_OUT_ALL = 1 | 2 | 4 | 8 | 16 | 32
};

/*
 * Build the report into directory `dir` (created if missing).  Each file
 * is written to a temporary file in the same directory and renamed, so a
 * reader never sees a half-written file; on failure nothing is renamed
 * into place.  Output is deterministic.  On success *written (if not NULL)
 * receives the number of files written.
 */
enum cj_err cj_dataset_build(const struct cj_dataset *ds, const char *dir, unsigned formats,
			     size_t *written, struct cj_diag *d);

/* ================================================================= audit */
/* (owned by the audit module: src/audit, src/core/audit_api.c) */

/*
 * Auditing a published 决算 report (`caijue audit`, docs/audit.md): the
 * report's text (.txt .md .html .docx .pdf, through the text extractor) is
 * read figure by figure; each figure gets a role and a subject (an amount,
 * a change, a share, a completion rate, a count ...), and the figures are
 * checked against each other by the AUD-* rules of the catalogue, always
 * comparing rounding intervals.  Findings have the same shape as those of
 * cj_dataset_check; their line is a line of the extracted text (and page,
 * for a PDF).  A figure that cannot be tied to anything is not guessed at:
 * it is counted in the coverage, so that a clean result is never mistaken
 * for a checked one.
 *
 *     struct cj_audit *au;
 *     struct cj_findings fs;
 *     struct cj_audit_coverage cov;
 *     cj_findings_init(&fs);
 *     if (cj_audit_new(NULL, &au, &d) == CJ_OK) {
 *         if (cj_audit_file(au, "report.pdf", &fs, &d) != CJ_OK)
 *             fail(d.file, d.line, d.msg);
 *         cj_findings_sort(&fs);
 *         cj_audit_get_coverage(au, &cov);
 *         cj_audit_free(au);
 *     }
 *     cj_findings_release(&fs);
 */

/* Options; the zero value (or NULL) means the defaults. */
struct cj_audit_opts {
	int year;               /* the report's fiscal year; 0: detect it in each
				 * document ("2020年度部门决算") */
	const char *codes_file; /* classification table CSV (docs/classification.md);
				 * NULL: the built-in table */
	int explain;            /* keep the list of untied figures (cj_audit_untied) */
};

/* What an audit read, summed over the documents audited so far. */
struct cj_audit_coverage {
	size_t figures; /* amounts, percentages and counts read */
	size_t claims;  /* of those, definite values (not 约, 余, 以上 ...) */
	size_t checked; /* claims verified against other figures */
	size_t untied;  /* figures tied to nothing (listed when explain is set) */
};

/* An audit session: options, the code table, coverage over its documents. */
struct cj_audit;

/*
 * Start a session.  Loads the code table (opts->codes_file or the built-in
 * one).  Caller owns *out; free with cj_audit_free().  Errors: those of
 * loading the table (d names the file and line), CJ_ERR_NOMEM.
 */
enum cj_err cj_audit_new(const struct cj_audit_opts *opts, struct cj_audit **out,
			 struct cj_diag *d);
void cj_audit_free(struct cj_audit *au);

/*
 * Audit one file (the suffix decides the format, see src/text/extract.h).
 * Findings are appended to `out`, not sorted: call cj_findings_sort() when
 * all files are done.  Errors: the file cannot be read or extracted (d
 * names it: CJ_ERR_IO, CJ_ERR_ENCODING, CJ_ERR_PARSE, CJ_ERR_TOO_LARGE,
 * CJ_ERR_UNSUPPORTED ...), CJ_ERR_NOMEM.  On error nothing is appended.
 */
enum cj_err cj_audit_file(struct cj_audit *au, const char *path, struct cj_findings *out,
			  struct cj_diag *d);

/* The same for `len` bytes in memory; `name` picks the format and names the file. */
enum cj_err cj_audit_mem(struct cj_audit *au, const char *data, size_t len, const char *name,
			 struct cj_findings *out, struct cj_diag *d);

/* Coverage so far. */
void cj_audit_get_coverage(const struct cj_audit *au, struct cj_audit_coverage *out);

/* The year used for the last document audited (0 when none was found). */
int cj_audit_last_year(const struct cj_audit *au);

/* One figure tied to nothing; strings borrowed, valid until cj_audit_free(). */
struct cj_audit_untied {
	const char *file;
	unsigned line;       /* 1-based line of the extracted text */
	unsigned page;       /* PDF page, 0 otherwise */
	const char *figure;  /* as written: "104.29%", "441.91万元", "12次" */
	const char *excerpt; /* its clause */
};

/* Number of untied figures kept (only when opts.explain was set). */
size_t cj_audit_untied_count(const struct cj_audit *au);

/* The i-th untied figure, in document order; 0 when i is out of range. */
int cj_audit_untied(const struct cj_audit *au, size_t i, struct cj_audit_untied *out);

/* ================================================================= score */
/* (owned by the performance module: src/perf, src/core/score_api.c) */

/*
 * 项目支出绩效自评 of every project of a dataset (DOMAIN.md 3.3-3.8): the
 * 预算执行率 line (10 points), each indicator's 分值 and 得分 (产出 50,
 * 效益 30, 满意度 10 by default), the total and its grade, and the
 * deviations that need a 偏差原因.  Every figure comes formatted for
 * display ("56.25", "34.50%") next to its integer value: a caller lays the
 * result out and computes nothing.  The rules behind each number are in
 * docs/rules.md and `caijue score --explain`.
 *
 *     struct cj_scores *sc;
 *     size_t i;
 *     if (cj_dataset_score(ds, &sc, &d) == CJ_OK) {
 *         for (i = 0; i < cj_scores_count(sc); i++) {
 *             const struct cj_score_project *p = cj_scores_project(sc, i);
 *             printf("%s %s %s\n", p->name, p->total, p->grade);
 *         }
 *         cj_scores_free(sc);
 *     }
 *
 * All strings are owned by the struct cj_scores (never NULL; "" when not
 * applicable) and stay valid until cj_scores_free(), also after the
 * dataset is freed.
 */
struct cj_score_indicator {
	const char *level1;      /* 一级指标 as written */
	const char *level2;      /* 二级指标 as written */
	const char *name;        /* 三级指标 as written */
	const char *level;       /* as classified: 产出指标 / 效益指标 / 满意度指标 / 未识别 */
	const char *target;      /* 预期指标值 (年度指标值) as written */
	const char *actual;      /* 实际完成指标值 as written */
	const char *target_read; /* how it was read: "≥ 2 次", "≤ 2 万元", "定性" */
	const char *actual_read; /* "3 次", "定性（含多个数量）" */
	const char *weight;      /* 分值, "18.75" */
	const char *score;       /* 得分, "3.69" */
	int64_t weight_c;        /* 分值 in hundredths of a point (1875) */
	int64_t score_c;         /* 得分 in hundredths of a point */
	int met;                 /* target reached, or 达成 */
	int qualitative;         /* scored by outcome, not by formula */
	const char *outcome;     /* 达成 / 部分达成 / 未达成 when qualitative, else "" */
	const char *deviation;   /* 偏差原因 as given in the dataset, "" when none */
	const char *explain;     /* how it was read and scored, one line */
	unsigned line;           /* dataset line, 0 when unknown */
};

struct cj_score_deviation {
	const char *kind;        /* "exec": 预算执行率 below 90%; "indicator": not met */
	const char *subject;     /* "预算执行率" or the indicator's name */
	size_t indicator;        /* index into indicators when kind is "indicator" */
	const char *reason;      /* the 偏差原因 found, "" when missing */
	const char *field;       /* dataset field that holds (or should hold) it */
	unsigned line;           /* dataset line, 0 when unknown */
};

struct cj_score_project {
	const char *name;
	const char *budget;      /* 全年预算数 in 万元, "57.55"; "" when unknown */
	const char *exec;        /* 全年执行数 in 万元; "" when unknown */
	const char *exec_rate;   /* 执行率 "96.61%"; "" when it cannot be computed */
	const char *exec_score;  /* 预算执行率得分 (of 10), "9.66" */
	int64_t exec_rate_bp;    /* 9661; 0 when exec_rate is "" */
	int64_t exec_score_c;    /* 966 */
	const struct cj_score_indicator *indicators;
	size_t nindicators;
	const char *weight_total;/* 10 + every 分值, "100.00" */
	const char *total;       /* 总分, "99.66" */
	int64_t total_c;
	const char *grade;       /* 优 / 良 / 中 / 差 */
	const struct cj_score_deviation *deviations;
	size_t ndeviations;
	const char *const *warnings; /* how the data was read where it is doubtful */
	size_t nwarnings;
	const char *notes;       /* project-level explanation, lines separated by '\n' */
	unsigned line;           /* dataset line, 0 when unknown */
};

/* Scores of every project of a dataset; opaque. */
struct cj_scores;

/*
 * Score every project of `ds`, in dataset order.  Caller owns *out; free
 * with cj_scores_free().  Errors: CJ_ERR_NOMEM (d says so).
 */
enum cj_err cj_dataset_score(const struct cj_dataset *ds, struct cj_scores **out,
			     struct cj_diag *d);

/* Number of projects. */
size_t cj_scores_count(const struct cj_scores *sc);

/* Project i (0-based); NULL when out of range.  Borrowed from sc. */
const struct cj_score_project *cj_scores_project(const struct cj_scores *sc, size_t i);

/* The dataset's file name as loaded (for messages); borrowed from sc. */
const char *cj_scores_source(const struct cj_scores *sc);

void cj_scores_free(struct cj_scores *sc);

/*
 * Display columns of a UTF-8 string: a CJK or full-width character counts
 * 2, other characters 1.  `caijue score` aligns its table with it.
 */
size_t cj_display_width(const char *s);

/* ============================================================= workbook */
/* (owned by the workbook module: src/in/xlsx*, src/core/workbook_api.c) */

/*
 * The input workbook (docs/workbook.md): an .xlsx file that holds the
 * whole dataset, one sheet per group, for finance staff who would rather
 * fill Excel than YAML.  `caijue template` writes it empty, `caijue
 * convert` turns a dataset into it and back.
 */

/* Options; the zero value (or NULL) means the defaults. */
struct cj_workbook_opts {
	const char *codes_file; /* classification table (CSV) for the code
				 * drop-down lists; NULL: the built-in table */
	int year;               /* list the names valid in this year; 0: each
				 * code's latest name (template), the dataset's
				 * year (convert) */
};

/*
 * Write an empty input workbook to `path` (.xlsx), atomically (a temporary
 * file beside it, renamed).  An existing file is replaced: the caller asks
 * first.  Errors name the path in d: CJ_ERR_IO, CJ_ERR_NOMEM, and those of
 * loading codes_file.
 *
 *     cj_workbook_template("模板.xlsx", NULL, &d);
 */
enum cj_err cj_workbook_template(const char *path, const struct cj_workbook_opts *opts,
				 struct cj_diag *d);

/*
 * Convert a dataset between its two input forms: `in` is .yaml/.yml,
 * .xlsx or .xls, `out` is .yaml/.yml or .xlsx (the suffixes decide).
 * Nothing is lost: reading `out` gives the same dataset as reading `in`
 * (locations aside).  `out` is written atomically and replaced if it
 * exists.  Errors: those of reading `in` (file and line or cell in d),
 * CJ_ERR_USAGE (an unknown suffix, in == out), CJ_ERR_UNSUPPORTED (.xls
 * as output), CJ_ERR_IO.
 */
enum cj_err cj_dataset_convert(const char *in, const char *out,
			       const struct cj_workbook_opts *opts, struct cj_diag *d);

/* ============================================================ reference */

/* The rule catalogue as Markdown (docs/rules.md).  Caller frees with cj_free(). */
char *cj_rules_doc(void);

/* The dataset reference as Markdown (docs/dataset.md).  Caller frees with cj_free(). */
char *cj_schema_doc(void);

/* Number of rules in the catalogue. */
size_t cj_rules_count(void);

/* Free memory returned by the library. */
void cj_free(void *p);

#endif
