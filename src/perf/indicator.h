/*
 * indicator.h - reading performance indicators (绩效指标) as data.
 *
 * A 三级指标 carries two free texts: the 预期指标值 ("车辆燃油费控制在2万元",
 * "≥95%", "按时完成") and the 实际完成指标值 ("车辆燃油费1万元").  This
 * module reads each into a struct cj_target: a direction, a decimal value
 * and a unit, or "qualitative" when the text holds no single quantity that
 * can be read without guessing.  It also classifies the 一级指标 text into
 * 产出 / 效益 / 满意度 (DOMAIN.md 3.2).  Scoring lives in score.h.
 *
 * What is read (after folding full-width forms, so "≥９５％" reads as
 * "≥95%"):
 *  - exactly one number (ASCII or full-width digits, an optional decimal
 *    part, "1,000" grouping; "零" alone counts as 0), followed by a known
 *    unit (%, 次, 个, 人, 万元, 元, 套, 批, 事故 ..., see units[] in
 *    indicator.c) or by nothing / punctuation / 以上 / 以内 (unit "");
 *  - numbers inside 《》 are titles and are skipped: "宣传《保密法》2次以上"
 *    reads as ≥ 2 次;
 *  - the direction from a symbol right before the number (≥ ≧ >= > → ≥,
 *    ≤ ≦ <= < → ≤, = → =; strict > and < are read as ≥ and ≤), from a word
 *    just before it (不低于, 不少于, 至少, 达到 ... → ≥; 不超过, 控制在,
 *    低于 ... → ≤; 等于 → =) or from a word after the unit (以上 → ≥;
 *    以下, 以内, 之内 → ≤).  With none of them the target is "= value"
 *    (so "100%" is = 100%, which scoring treats as ≥ because T > 0).
 *
 * What is deliberately kept qualitative (parsed = 0, with a short reason
 * in `note`): no number at all ("按时完成"); several numbers ("会议系统1套、
 * 显示和音响设备1套、非涉密设备1批", "2020年12月底前完成": multi-quantity
 * targets are not supported); a number followed by an unknown unit ("4G网络",
 * "2020年"); directions that contradict each other ("不低于5万元以内"); a
 * number out of range for struct cj_dec; a text longer than
 * CJ_IND_MAX_CHARS code points.  Nothing is guessed: Chinese numerals other
 * than a lone 零 are not read, and "无事故" is text, not 0.
 *
 * Invariants: no allocation in parsing; no floating point; a struct
 * cj_target borrows its `text` from the caller.
 */
#ifndef CJ_PERF_INDICATOR_H
#define CJ_PERF_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/money.h"

/* Texts longer than this many code points are kept qualitative. */
#define CJ_IND_MAX_CHARS 512

/* Direction of a target.  The zero value is "qualitative". */
enum cj_dir {
	CJ_DIR_QUAL = 0, /* no quantity read: scored by outcome */
	CJ_DIR_GE,       /* ≥ T: 正向 */
	CJ_DIR_LE,       /* ≤ T: 反向 */
	CJ_DIR_EQ        /* = T (also a bare value, and every parsed actual) */
};

/* A target (预期指标值) or an actual (实际完成指标值) as read. */
struct cj_target {
	enum cj_dir dir;      /* CJ_DIR_QUAL when parsed == 0 */
	struct cj_dec value;  /* as written: "0.4" -> {4, 1} */
	char unit[16];        /* "%", "万元", "次", "事故" ...; "" when none */
	int parsed;           /* 1: dir/value/unit hold a quantity */
	unsigned char dir_stated; /* the text states the direction (a symbol or
				   * a word); 0 for a bare value read as = */
	const char *text;     /* borrowed: the text as given; NULL when absent */
	const char *note;     /* static; why it is qualitative, NULL when parsed */
};

/* 一级指标 (DOMAIN.md 3.2). */
enum cj_level1 {
	CJ_L1_UNKNOWN = 0,
	CJ_L1_OUTPUT,       /* 产出指标 (the seed writes 项目完成指标) */
	CJ_L1_EFFECT,       /* 效益指标 */
	CJ_L1_SATISFACTION, /* 满意度指标 */
	CJ_L1_N
};

/*
 * Read a 预期指标值.  `text` may be NULL (absent).  Fills *out in every
 * case (out->text = text).  Returns 1 when a quantity was read, 0 when the
 * target is qualitative (out->note says why).
 *
 *     struct cj_target t;
 *     cj_indicator_parse_target("车辆燃油费控制在2万元", &t);
 *         -> 1; t.dir = CJ_DIR_LE, t.value = {2, 0}, t.unit = "万元"
 *     cj_indicator_parse_target("按时完成", &t) -> 0; t.dir = CJ_DIR_QUAL
 */
int cj_indicator_parse_target(const char *text, struct cj_target *out);

/*
 * Read a 实际完成指标值: the same reading, but the direction is not kept
 * (a parsed actual has dir CJ_DIR_EQ).  "开展保密法宣传3次" -> 3 次.
 */
int cj_indicator_parse_actual(const char *text, struct cj_target *out);

/*
 * Classify a 一级指标 text.  Whitespace (including the seed's stray blank
 * lines: "效益\n\n指标") and full-width forms are ignored.  满意 →
 * satisfaction; 效益 / 效果 → effect; 产出 / 完成 (项目完成指标) → output;
 * anything else CJ_L1_UNKNOWN.  NULL -> CJ_L1_UNKNOWN.
 */
enum cj_level1 cj_indicator_level1(const char *text);

/*
 * The 一级指标 a 二级指标 belongs to (DOMAIN.md 3.2): 数量 / 质量 / 时效 /
 * 成本 → output; 经济效益 / 社会效益 / 生态效益 / 可持续影响 → effect;
 * 满意度 → satisfaction.  Used only when the 一级指标 is not recognised.
 */
enum cj_level1 cj_indicator_level1_of_level2(const char *text);

/*
 * Whether a 二级指标 text is one of the fixed ones (DOMAIN.md 3.2): 数量 /
 * 质量 / 时效 / 成本指标 (产出), 经济效益 / 社会效益 / 生态效益 / 可持续影响指标
 * (效益), 服务对象满意度指标 or 满意度指标 (满意度).  White space and
 * full-width forms are ignored and the final 指标 may be left out ("社会效益").
 * Returns the 一级指标 it belongs to, CJ_L1_UNKNOWN when it is none of them
 * (e.g. "效益指标" used as a 二级指标) or NULL.
 */
enum cj_level1 cj_indicator_level2_fixed(const char *text);

/* The fixed 二级指标 of a 一级指标, "数量指标、质量指标、时效指标、成本指标"; static. */
const char *cj_level2_names(enum cj_level1 l);

/* "产出指标" / "效益指标" / "满意度指标" / "未识别"; static. */
const char *cj_level1_name(enum cj_level1 l);

/*
 * Whether a target and an actual can be compared.  Equal units agree
 * (factors 1, 1); units of one family convert (元 / 千元 / 万元 / 亿元;
 * 米 / km / 公里 / 千米; 分钟 / 小时): *ft and *fa receive the factors that
 * bring each to the family's base unit (万元 -> 10000 元).  Anything else,
 * including a unit on one side only, disagrees (次 vs 个).  Both must be
 * parsed.  Returns 1 when they agree; on 0 the factors are left as 1.
 */
int cj_indicator_units_agree(const struct cj_target *t, const struct cj_target *a,
			     int64_t *ft, int64_t *fa);

/*
 * How a target or actual was read, into buf: "≤ 2 万元", "≥ 95%",
 * "= 0 事故", "定性" or "定性（含多个数量）".  Returns the length (the
 * text is cut on a character boundary when cap is too small; cap >= 64 is
 * always enough for a parsed value).
 */
size_t cj_target_format(const struct cj_target *t, char *buf, size_t cap);

/*
 * Explain how an indicator's two texts were read, appended to `out`:
 *     预期「车辆燃油费控制在2万元」→ ≤ 2 万元；实际「车辆燃油费1万元」→ 1 万元
 * An absent text shows as 「（未填写）」.  Errors are the buffer's sticky
 * error (CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE).
 */
enum cj_err cj_indicator_explain(const struct cj_target *t, const struct cj_target *a,
				 struct cj_buf *out);

/*
 * Read a 指标性质 column (DOMAIN.md 3.8, S31): ≥ / >= / > / 正向 → GE;
 * ≤ / <= / < / 反向 → LE; = / 等于 → EQ; 定性 → QUAL.  Full-width forms
 * and white space are ignored, and a trailing 指标 is allowed ("正向指标").
 * Returns 1 and sets *out when recognised; 0 (nothing set) otherwise,
 * including NULL and "".
 */
int cj_indicator_parse_dir(const char *text, enum cj_dir *out);

/*
 * A 度量单位 column normalised for comparison with a parsed unit: full-width
 * forms folded, white space dropped ("％" -> "%").  Returns the length
 * written to buf; 0 when the text is NULL, blank or does not fit in cap
 * (cap = sizeof(struct cj_target.unit) is the useful size).
 */
size_t cj_indicator_norm_unit(const char *text, char *buf, size_t cap);

/*
 * Compare two parsed quantities whose units agree (cj_indicator_units_agree):
 * *cmp = -1, 0 or 1 as a is less than, equal to or greater than b, after
 * converting both to their family's base unit.  Returns 0 (cmp untouched)
 * when either is not parsed or the units disagree.
 */
int cj_target_cmp(const struct cj_target *a, const struct cj_target *b, int *cmp);

/* ----------------------------------------------------- quantities in prose */

/*
 * A quantity stated in running text: a number directly followed by a known
 * unit ("开展保密法宣传2次" -> 2 次), with its subject, the words before the
 * number back to the previous punctuation ("开展保密法宣传").  Offsets are
 * bytes into the text; `q` has parsed = 1, text = NULL, and dir GE / LE
 * when a direction symbol or word goes with the number (then it states a
 * target rather than an outcome), else EQ.
 */
struct cj_quantity {
	struct cj_target q;
	size_t off, len;           /* the subject, number, unit and direction word */
	size_t subj_off, subj_len; /* the subject; subj_len may be 0 */
};

/*
 * Find the quantities of a text, in order.  Numbers inside 《》 titles,
 * numbers without a known unit ("2020年", "1-7月"), negative numbers and
 * Chinese numerals are not quantities (nothing is guessed).  The first
 * `cap` are stored in out; returns how many there are (may exceed cap).
 * NULL -> 0.  No allocation; any length of text.
 */
size_t cj_indicator_quantities(const char *text, struct cj_quantity *out, size_t cap);

/*
 * How many code points two strings share at their ends (full-width forms
 * folded): ("开展保密法宣传", "保密法宣传") -> 5.  Lengths in bytes.
 */
size_t cj_indicator_common_tail(const char *a, size_t alen, const char *b, size_t blen);

#endif
