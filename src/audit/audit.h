/*
 * audit.h - the private interface of the auditor (`caijue audit`): how a
 * published report, as extracted text (src/text/extract.h), becomes
 * figures, claims, structures and, through the checks, findings.
 *
 * Pipeline, one document at a time (audit.c drives it):
 *
 *   1. paragraphs  the extracted lines; wrapped PDF lines are joined into
 *                  one paragraph, with a map back to the physical lines
 *   2. scan.c      figures of each paragraph: amounts (元/万元/亿元),
 *                  percentages, counts with their measure word, years
 *   3. claim.c     each figure's role (amount, change, rate, share,
 *                  completion, budget, count), direction, year and subject
 *                  (normalised by subject.c, so the same quantity written
 *                  twice gets the same key)
 *   4. context.c   what a figure's place says: the project it belongs to,
 *                  the column of its table (a target is not a fact), the
 *                  topic of a count in the work summary
 *   5. structure.c totals with their parts (其中/包括/主要用于/合计), share
 *                  lists, and lists of reasons for a change; table.c the
 *                  sums of tables (Markdown rows, TAB rows of HTML/DOCX/PDF)
 *   6. checks_*.c  one family of AUD-* rules per file; sections.c the
 *                  numbering and required sections/tables
 *
 * Principles (docs/audit.md, docs/audit-corpus.md 6): every comparison is
 * between rounding intervals (src/base/money.h), never a fixed tolerance;
 * a figure that cannot be tied to anything is counted (coverage) and left
 * alone; each failing relation is reported by its own rule, but a figure
 * is named as the wrong value ("stated") by one finding only
 * (cj_aud_report), so AUD-SAME-QTY never contradicts another rule.
 *
 * Everything here is internal to src/audit and src/core/audit_api.c.
 * Offsets are bytes; lines are 0-based inside, 1-based in findings.
 */
#ifndef CJ_AUDIT_H
#define CJ_AUDIT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/money.h"
#include "../model/codes.h"
#include "../text/extract.h"

#define AUD_NONE UINT32_MAX

/* ------------------------------------------------------------- figures */

enum aud_kind {
	AUD_AMOUNT, /* money with a unit: 797.10万元 */
	AUD_PCT,    /* 5.19% */
	AUD_COUNT,  /* 3次, 56人次, 0台（套） */
	AUD_YEAR,   /* 2020年, 2020年度 */
	AUD_BARE,   /* a number with nothing after it (tables, "为797.10，") */
	AUD_OTHER   /* dates, ordinals, table numbers, other measures */
};

/* Roles a figure can play (claim.c). */
enum aud_role {
	AUD_R_NONE,
	AUD_R_AMOUNT,     /* a plain amount of its subject */
	AUD_R_ACTUAL,     /* 决算数/执行数/支出决算 */
	AUD_R_BUDGET,     /* 预算数/年初预算 */
	AUD_R_CHANGE,     /* 增加/减少 D: an amount of change */
	AUD_R_RATE,       /* 增长/下降 R% */
	AUD_R_SHARE,      /* 占 P% */
	AUD_R_COMPLETION, /* 完成预算 P% / 执行率 */
	AUD_R_PCT,        /* another percentage */
	AUD_R_COUNT       /* a count */
};

/* fig.flags */
enum {
	AUD_F_APPROX = 1 << 0,  /* 约/余/多/左右/以上/控制在...: not a definite value */
	AUD_F_PAREN = 1 << 1,   /* inside parentheses */
	AUD_F_TABLE = 1 << 2,   /* in a table row */
	AUD_F_TIED = 1 << 3,    /* took part in a completed comparison */
	AUD_F_CHECKED = 1 << 4, /* was the figure verified by a comparison */
	AUD_F_FLAGGED = 1 << 5, /* has a finding */
	AUD_F_GENERIC = 1 << 6, /* subject too generic to identify a quantity */
	AUD_F_LASTYEAR = 1 << 7, /* the value of an earlier year */
	AUD_F_PART = 1 << 8,     /* a part (or the share of a part) of a structure */
	AUD_F_TOTAL = 1 << 9,    /* the total of a structure */
	AUD_F_MISLABEL = 1 << 10, /* reported as another ratio than its words say */
	AUD_F_NOSIGN = 1 << 11    /* a percentage written without its % ("占65.52；") */
};

struct aud_fig {
	uint32_t para;       /* paragraph index */
	uint32_t off;        /* first byte of the number (or its sign) */
	uint32_t end;        /* after the unit / measure word / % */
	uint32_t clause;     /* start of its clause (，；：、。 ...) */
	uint32_t seg;        /* start of its ；-segment */
	uint32_t sent;       /* start of its sentence (。！？) */
	uint32_t pre;        /* start of the words its role and subject were read from */
	struct cj_dec val;   /* as written */
	int64_t unit_fen;    /* AUD_AMOUNT: fen per unit (万元 = 1000000) */
	uint8_t kind;        /* enum aud_kind */
	uint8_t measure;     /* AUD_COUNT: index into the measure table */
	uint8_t role;        /* enum aud_role */
	int8_t dir;          /* +1 增加/增长, -1 减少/下降, 0 */
	uint16_t flags;      /* AUD_F_* */
	int16_t year;        /* the year the figure is of */
	uint32_t subj;       /* normalised subject: offset into doc->subj */
	uint16_t subj_len;   /* bytes; 0 = none */
	uint16_t name_len;   /* SHARE: bytes of the named total (占X的); at subj + subj_len + 1 */
	uint32_t hash;       /* of (subject, role, dir, year, unit class) */
};

/* Measure words of counts (scan.c). */
const char *cj_aud_measure_name(unsigned id);
unsigned cj_aud_measure_count(void);

/* -------------------------------------------------------- structures */

enum aud_struct_kind {
	AUD_S_QIZHONG, /* 其中： */
	AUD_S_BAOKUO,  /* 包括： */
	AUD_S_YONGYU,  /* 主要用于： */
	AUD_S_HEJI,    /* A、B合计X */
	AUD_S_SHARES,  /* a list of "X…A，占P%" without a written total */
	AUD_S_TABLE    /* a table column: 合计 row and its rows */
};

/* struct aud_struct.evidence: why the parts are believed to be all of them */
enum {
	AUD_E_SHARES = 1 << 0,  /* every part has a share and they add up to 100% */
	AUD_E_OTHER = 1 << 1,   /* a part named 其他… */
	AUD_E_CANON = 1 << 2,   /* the parts are a known complete set */
	AUD_E_PHRASE = 1 << 3,  /* 包括 (not 主要包括), 合计, 总计 */
	AUD_E_AMOUNTS = 1 << 4, /* the parts' amounts add up to the total */
	AUD_E_TABLE = 1 << 5    /* a table's 合计 row */
};

struct aud_struct {
	uint8_t kind;         /* enum aud_struct_kind */
	uint8_t evidence;     /* AUD_E_* */
	uint32_t para;
	uint32_t total;       /* fig index of the total, AUD_NONE when not written */
	uint32_t part0;       /* first index into doc->parts */
	uint32_t nparts;
	uint32_t head;        /* SHARES without a total: offset into doc->subj of the head
			       * subject ("…决算中"), AUD_NONE if none */
	uint16_t head_len;
};

struct aud_part {
	uint32_t fig;   /* the part's amount or count */
	uint32_t share; /* fig index of its share (占P%), AUD_NONE */
};

/* Reasons for a change: "主要原因是…A万元…B万元" */
struct aud_reasons {
	uint32_t change;  /* fig index of the change amount */
	uint32_t item0;   /* into doc->items */
	uint32_t nitems;
	uint8_t complete; /* every reason has exactly one definite amount */
};

struct aud_item {
	uint32_t fig;
	int8_t sign;
};

/* A figure the mislabel test may divide by (checks_share.c). */
struct aud_cand {
	uint8_t type;    /* budget, derived budget, change, total */
	uint32_t fig;    /* the figure whose subject it belongs to */
	uint32_t other;  /* change: its base; derived budget: the rate */
	struct cj_ival v; /* budget: B; change: the base A; total: T */
	struct cj_ival w; /* derived budget: the actual; change: last year L */
	struct cj_ival u; /* change: D */
};

/* ------------------------------------------------------------ document */

struct aud_para {
	const char *ptr;     /* into the textdoc, or into doc->joined */
	uint32_t len;
	uint32_t line;       /* 0-based first physical line */
	uint32_t brk0, nbrk; /* pairs doc->brk[2*brk0 ..): where later lines start */
	uint32_t fig0, nfig; /* doc->figs[fig0 .. fig0+nfig) */
	uint8_t table;       /* a table row (Markdown | cells, or TAB cells) */
};

struct aud_vec {
	void *v;
	size_t n, cap;
};

struct aud_untied {
	char *file;
	unsigned line, page;
	char *figure;  /* the figure as written */
	char *excerpt; /* its clause */
};

struct aud_coverage {
	size_t figures, claims, checked, untied;
};

/* Everything known about one document while it is audited. */
struct aud_doc {
	const struct cj_textdoc *text;
	const char *file;             /* name used in findings */
	const struct cj_codes *codes; /* classification table (may be NULL) */
	int year;                     /* the report's year; 0 unknown */
	int64_t table_unit;           /* unit of bare numbers in tables (last "单位：万元") */
	struct cj_findings *out;
	enum cj_err err;              /* sticky: first allocation failure */

	struct aud_para *paras;
	size_t npara;
	uint32_t *brk;                /* joined paragraphs: (offset, physical line) pairs
				       * where a later line starts; nbrk counts pairs */
	size_t nbrk, capbrk;
	char *joined;                 /* storage of joined paragraphs */

	struct aud_fig *figs;
	size_t nfig, capfig;
	struct cj_buf subj;           /* normalised subjects, NUL-separated */

	struct aud_struct *structs;
	size_t nstruct, capstruct;
	struct aud_part *parts;
	size_t npart, cappart;
	struct aud_reasons *reasons;
	size_t nreason, capreason;
	struct aud_item *items;
	size_t nitem, capitem;

	/* subject index: open addressing over fig indices by hash */
	uint32_t *index;
	size_t index_cap;
	unsigned nscans;              /* whole-document scans done so far (bounded,
				       * see cj_aud_may_scan) */

	/* the mislabel test's candidate ratios, built on first use (checks_share.c) */
	struct aud_cand *cands;
	size_t ncand, capcand;
	int cands_built;

	struct aud_coverage cov;
	int explain;
	struct aud_untied *untied;    /* when explain: appended by the driver */
	size_t nuntied, capuntied;
};

/* Grow a vector of `elem`-byte elements to hold one more; NULL (and
 * doc->err set) on failure.  Returns the new slot, zeroed. */
void *cj_aud_push(struct aud_doc *doc, void **v, size_t *n, size_t *cap, size_t elem);

/* ------------------------------------------------------------- scan.c */

/*
 * Append the figures of paragraph `p` to doc->figs (kind, value, unit,
 * measure, span, approx and paren flags).  Linear in the paragraph.
 */
void cj_aud_scan(struct aud_doc *doc, uint32_t p);

/* The unit a paragraph declares ("单位：万元"): fen per unit, 0 if none. */
int64_t cj_aud_unit_decl(const char *s, size_t len);

/*
 * Does s[i..len) start with the literal lit (UTF-8)?  Returns its length,
 * or 0.  Inline and first-byte-first: it runs at nearly every byte of the
 * text, and with a literal argument the compiler folds the strlen.
 */
static inline size_t cj_aud_at(const char *s, size_t len, size_t i, const char *lit)
{
	size_t n;

	if (i >= len || s[i] != lit[0])
		return 0;
	n = strlen(lit);
	return len - i >= n && memcmp(s + i, lit, n) == 0 ? n : 0;
}

/* A word of a list, with its length (hot lists: no strlen per test). */
struct aud_word {
	const char *s;
	size_t n;
};
#define AUD_W(lit) {lit, sizeof(lit) - 1}

static inline size_t cj_aud_at_w(const char *s, size_t len, size_t i, const struct aud_word *w)
{
	if (i >= len || len - i < w->n || s[i] != w->s[0])
		return 0;
	return memcmp(s + i, w->s, w->n) == 0 ? w->n : 0;
}

static inline size_t cj_aud_ends_w(const char *s, size_t i, const struct aud_word *w)
{
	if (i < w->n || s[i - 1] != w->s[w->n - 1])
		return 0;
	return memcmp(s + i - w->n, w->s, w->n) == 0 ? w->n : 0;
}

/* Does s[0..i) end with lit?  Returns its length, or 0. */
static inline size_t cj_aud_ends(const char *s, size_t i, const char *lit)
{
	size_t n = strlen(lit);

	if (i < n || s[i - 1] != lit[n - 1])
		return 0;
	return memcmp(s + i - n, lit, n) == 0 ? n : 0;
}

/* Code point at s[i] (len bytes in s), *adv its length (1 for a bad byte, 0 at the end). */
static inline uint32_t cj_aud_cp(const char *s, size_t len, size_t i, size_t *adv)
{
	const unsigned char *p = (const unsigned char *)s + i;
	size_t left = len - i;

	if (left == 0) {
		*adv = 0;
		return 0;
	}
	if (p[0] < 0x80) {
		*adv = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0 && left >= 2) {
		*adv = 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if ((p[0] & 0xF0) == 0xE0 && left >= 3) {
		*adv = 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	}
	if ((p[0] & 0xF8) == 0xF0 && left >= 4) {
		*adv = 4;
		return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
		       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	}
	*adv = 1;
	return 0xFFFD;
}


/* Start of the code point that ends at s[i] (i > 0). */
size_t cj_aud_prev(const char *s, size_t i);

int cj_aud_is_han(uint32_t cp);

/* ----------------------------------------------------------- subject.c */

/*
 * Normalise the subject text s[0..len) into out (appended, NUL-terminated
 * by the caller's convention): drops numbering, years, comparatives
 * (与上年相比, 比2019年), quotes, level markers (类)/(款)/(项), bracketed
 * codes, filler verbs at the ends and the word 决算; folds 与 to 和 and a
 * few synonyms (公务用车购置及运行费 = 公务用车购置及运行维护费).
 */
void cj_aud_subject_norm(const char *s, size_t len, struct cj_buf *out);

/* 1 when a normalised subject is too generic to name a quantity (支出, 项目资金 ...). */
int cj_aud_subject_generic(const char *s, size_t len);

/* 1 when a normalised subject is one of the totals every report names alike
 * (收入总计, 本年支出合计, 财政拨款收入, 基本支出, 三公经费 ...). */
int cj_aud_subject_canonical(const char *s, size_t len);

/* 1 when subjects a and b may name the same quantity (equal, or one a prefix of the other). */
int cj_aud_subject_compat(const char *a, size_t alen, const char *b, size_t blen);

/* FNV-1a. */
uint32_t cj_aud_hash(const char *s, size_t len, uint32_t h);

/* ------------------------------------------------------------ claim.c */

/* Roles, directions, years and subjects of the figures of paragraph p. */
void cj_aud_claims(struct aud_doc *doc, uint32_t p);

/* The subject of figure f as a C string view. */
static inline const char *aud_subj(const struct aud_doc *doc, const struct aud_fig *f)
{
	return doc->subj.ptr + f->subj; /* never NULL: cj_aud_run puts a NUL first */
}

/* The subject of f for messages ("高清视频会议系统项目", "保密法宣传"); "" when generic. */
const char *cj_aud_subject_text(const struct aud_doc *doc, const struct aud_fig *f, char *buf,
				size_t cap);

/* Build the subject index (after all claims). */
void cj_aud_index(struct aud_doc *doc);

/*
 * Find the definite amount of `subject` in `year` with one of the plain
 * roles (AMOUNT/ACTUAL), outside tables.  Returns the fig index, or
 * AUD_NONE when there is none or the document gives conflicting values.
 */
uint32_t cj_aud_lookup(struct aud_doc *doc, const char *subject, size_t len, int year);

/* The same for another role: AUD_R_BUDGET finds "预算数" amounts. */
uint32_t cj_aud_lookup_role(struct aud_doc *doc, const char *subject, size_t len, int year,
			    int role);

/* Key hash used by the index (subject, role class, direction, year, unit class). */
uint32_t cj_aud_key(const struct aud_doc *doc, const struct aud_fig *f);

/* -------------------------------------------------------- structure.c */

/* Structures and reason lists of paragraph p (after its claims). */
void cj_aud_structures(struct aud_doc *doc, uint32_t p);

/* ------------------------------------------------------------ checks */

void cj_aud_check_shares(struct aud_doc *doc);     /* checks_share.c: SHARE, MISLABELED-PCT, SHARE-SUM */
void cj_aud_check_changes(struct aud_doc *doc);    /* checks_change.c: CHANGE-RATE, ZERO-BASE */
void cj_aud_check_reasons(struct aud_doc *doc);    /* checks_change.c: REASON-SUM */
void cj_aud_check_completion(struct aud_doc *doc); /* checks_completion.c: COMPLETION */
void cj_aud_check_sums(struct aud_doc *doc);       /* checks_sum.c: SUM, SUM-ROUNDING */
void cj_aud_check_same(struct aud_doc *doc);       /* checks_same.c: SAME-QTY */
void cj_aud_check_pct_sign(struct aud_doc *doc);   /* checks_misc.c: PCT-SIGN */
void cj_aud_check_names(struct aud_doc *doc);      /* checks_names.c: OUTDATED-NAME, CODE-NAME */
void cj_aud_check_sections(struct aud_doc *doc);   /* sections.c: SECTION-GAP/-MISSING, TABLE-MISSING */
void cj_aud_tables(struct aud_doc *doc);           /* table.c: table rows into structures */
void cj_aud_context(struct aud_doc *doc);          /* context.c: projects and table cells */

/* Other plausible ratios for a wrong percentage (checks_share.c).  On a
 * match writes the explanation to why and the right figure's role to *what
 * and returns 1. */
int cj_aud_mislabel(struct aud_doc *doc, uint32_t pct, uint32_t part, uint32_t total,
		    struct cj_buf *why);

/* ------------------------------------------------------------ helpers */

/* The interval a figure stands for, in its own unit (万元 for amounts).
 * A written 0 is exact. */
struct cj_ival cj_aud_ival(const struct aud_fig *f);

/* The interval of an amount in 万元 whatever unit it was written in. */
struct cj_ival cj_aud_ival_wan(const struct aud_fig *f);

/* 1 when f is an amount, percentage or count with a definite value. */
int cj_aud_definite(const struct aud_fig *f);

/*
 * May a check scan all figures of the document once more?  The searches
 * that do (a fallback lookup, the mislabel test, a budget found elsewhere)
 * run only for figures that failed a direct comparison; this bound keeps a
 * pathological input linear.  Counts the scan.
 */
int cj_aud_may_scan(struct aud_doc *doc);

/* The first figure of paragraph `para` at or after byte `off` (fig0 + nfig when none). */
uint32_t cj_aud_fig_at(const struct aud_doc *doc, const struct aud_para *para, uint32_t off);

/* 0-based physical line of byte `off` of paragraph p. */
uint32_t cj_aud_line_of(const struct aud_doc *doc, uint32_t p, uint32_t off);

/* The figure as written ("5.19%", "514.27", "3次"), into buf. */
size_t cj_aud_fig_text(const struct aud_doc *doc, const struct aud_fig *f, int with_unit,
		       char *buf, size_t cap);

/* The number of f as written ("797.10"). */
size_t cj_aud_num_text(const struct aud_fig *f, char *buf, size_t cap);

/* A rational interval's midpoint at `scale` decimals, as text. */
size_t cj_aud_ival_text(struct cj_ival x, int scale, char *buf, size_t cap);

/*
 * Report a finding at figure `at` (its line and page; excerpt = its
 * clause or sentence), mark `at` flagged.  rule must be a catalogue id.
 * Returns 0 (and adds nothing) when the figure already has a finding.
 */
int cj_aud_report(struct aud_doc *doc, const char *rule, uint32_t at, const char *stated,
		  const char *expected, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* A finding at a physical line (0-based; AUD_NONE for "whole document"). */
void cj_aud_report_line(struct aud_doc *doc, const char *rule, uint32_t line,
			const char *stated, const char *expected, const char *excerpt,
			const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Report at figure `at`'s line without claiming the figure (structure-level findings). */
void cj_aud_report_near(struct aud_doc *doc, const char *rule, uint32_t at, const char *stated,
			const char *expected, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* The amount a change D is a change of (its base A, this year), or AUD_NONE (checks_change.c). */
uint32_t cj_aud_change_base(const struct aud_doc *doc, uint32_t d);

/* The actual amount a completion rate P is of, or AUD_NONE (checks_completion.c). */
uint32_t cj_aud_completion_actual(const struct aud_doc *doc, uint32_t p);

/* Mark figures as tied (operands) / checked (verified). */
void cj_aud_tie(struct aud_doc *doc, uint32_t fig);
void cj_aud_checked(struct aud_doc *doc, uint32_t fig);

/* ------------------------------------------------------------ driver */

/*
 * Audit one extracted document: findings are appended to `out` (not
 * sorted); coverage is added to *cov; when explain is set, the untied
 * figures are appended to *untied (caller frees with cj_aud_untied_free).
 * year 0 means detect.  Returns CJ_ERR_NOMEM on allocation failure.
 */
enum cj_err cj_aud_run(const struct cj_textdoc *t, const char *file, const struct cj_codes *codes,
		       int year, int explain, struct cj_findings *out, struct aud_coverage *cov,
		       struct aud_untied **untied, size_t *nuntied, size_t *capuntied, int *year_used);

/* cj_aud_run, also writing one line per figure and structure to dumpbuf (tests). */
enum cj_err cj_aud_run_dump(const struct cj_textdoc *t, const char *file,
			    const struct cj_codes *codes, int year, int explain,
			    struct cj_findings *out, struct aud_coverage *cov,
			    struct aud_untied **untied, size_t *nuntied, size_t *capuntied,
			    int *year_used, struct cj_buf *dumpbuf);

void cj_aud_untied_free(struct aud_untied *u, size_t n);

/* The report year from the first lines: "2020年度部门决算", else the most
 * frequent "20xx年" early on; 0 when none. */
int cj_aud_detect_year(const struct cj_textdoc *t);

#endif
