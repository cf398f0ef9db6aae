/*
 * text_html.c - HTML to lines of text (the rules are in extract.h, under
 * HTML).
 *
 * This is not an HTML parser: no tree is built.  A single pass over the
 * (UTF-8) text recognises tags, comments and entities the way the HTML
 * tokenizer does, well enough for what a browser shows as text, and keeps
 * a small table stack so rows and cells can be laid out.  Everything it
 * does not recognise is text, and running out of input in the middle of a
 * construct simply ends it, so no input makes it fail; only the encoding
 * (cj_text_to_utf8) and the builder's limits can refuse a document.
 *
 * Memory: the decoded text (when the input was not UTF-8) plus the
 * builder; the table stack is fixed (MAX_TABLES), deeper tables are
 * treated as content of the innermost tracked cell.
 */
#include <string.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "text_private.h"

#define MAX_TABLES 64     /* tracked nesting of <table> */
#define NAME_MAX_LEN 15   /* longer tag names are not ones we know */
#define PRESCAN_LEN 8192  /* bytes searched for a charset declaration */
#define ENTITY_MAX_LEN 32 /* longest entity name looked up */

/* Kinds of pending space, weakest first. */
enum { SP_NONE, SP_WS, SP_BREAK, SP_FORCED };

struct table {
	unsigned cells;         /* cells started in the open row */
	unsigned char in_row;   /* a <tr> (or an implied row) is open */
	unsigned char in_cell;  /* a <td>/<th> is open */
};

struct html {
	struct cj_text_builder *tb;
	const char *s;
	size_t n, i;
	unsigned pre;          /* open <pre>/<listing>: white space kept */
	int pre_newline;       /* a LF right after <pre> is dropped */
	int space;             /* pending collapsed white space: SP_* */
	int in_head;           /* inside <head>: text and tags are dropped */
	char drop[NAME_MAX_LEN + 1]; /* dropping the content of this element */
	unsigned drop_depth;   /* nesting of `drop` elements */
	struct table tables[MAX_TABLES];
	unsigned ntables;      /* tracked open tables */
	unsigned lost_tables;  /* open tables past MAX_TABLES */
	unsigned cells_open;   /* tracked tables with an open cell */
	unsigned raw_absent;   /* bit i: no end tag of raw_drop_tags[i] after here */
};

struct tag {
	char name[NAME_MAX_LEN + 1]; /* lower case; "" when too long */
	int end;                     /* </name> */
	int selfclose;               /* <name ... /> */
};

/* =============================================================== helpers */

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(int c)
{
	return is_alpha(c) || cj_text_is_digit(c);
}

static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

/* Index of name in list, -1 if absent. */
static int list_index(const char *name, const char *const *list)
{
	int i;

	for (i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return i;
	return -1;
}

/* Does s[i..n) start with the lower-case word w, ignoring ASCII case? */
static int at_ci(const char *s, size_t n, size_t i, const char *w)
{
	for (; *w; w++, i++)
		if (i >= n || cj_text_lower((unsigned char)s[i]) != *w)
			return 0;
	return 1;
}

/* ============================================================= emitting */

/* East Asian wide characters (as in utf8.c), for segment breaks. */
static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The last code point of the open line (0 if empty). */
static uint32_t last_cp(const struct cj_text_builder *tb)
{
	size_t i = tb->cur.len, adv;

	if (!i)
		return 0;
	while (i > 0 && tb->cur.len - i < 4 && ((unsigned char)tb->cur.ptr[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	return cj_utf8_decode(tb->cur.ptr + i, tb->cur.len - i, &adv);
}

/*
 * Put the pending collapsed space before `next`, if the line has text and
 * no cell edge.  White space holding a line break between two East Asian
 * wide characters vanishes (CSS Text 3 segment breaks): Chinese source
 * wrapped over lines shows no spaces.
 */
static void flush_space(struct html *h, uint32_t next)
{
	char last;
	int space = h->space;

	if (!space)
		return;
	h->space = SP_NONE;
	last = cj_text_last(h->tb);
	if (!last || last == '\t')
		return;
	if (space == SP_BREAK && is_wide(next) && is_wide(last_cp(h->tb)))
		return;
	cj_text_put(h->tb, " ", 1);
}

/* A run of visible text (no white space, no markup). */
static void emit(struct html *h, const char *p, size_t len)
{
	size_t adv;

	if (h->space)
		flush_space(h, cj_utf8_decode(p, len, &adv));
	h->pre_newline = 0;
	cj_text_put(h->tb, p, len);
}

/* One character of text, from the source or an entity. */
static void emit_cp(struct html *h, uint32_t cp)
{
	if (h->pre) {
		if (cp == '\n') {
			if (h->pre_newline)
				h->pre_newline = 0;
			else if (h->cells_open)
				h->space = SP_FORCED;
			else
				cj_text_end_line(h->tb);
			return;
		}
		if (cp == ' ' || cp == '\t' || cp == '\f') {
			h->pre_newline = 0;
			if (h->cells_open) {
				h->space = SP_FORCED;
				return;
			}
			flush_space(h, cp);
			cj_text_put_cp(h->tb, cp == '\t' ? '\t' : ' ');
			return;
		}
	} else if (cp < 0x80 && is_ws((int)cp)) {
		if ((cp == '\n' || cp == '\r') && h->space < SP_BREAK)
			h->space = SP_BREAK;
		else if (!h->space)
			h->space = SP_WS;
		return;
	}
	flush_space(h, cp);
	h->pre_newline = 0;
	cj_text_put_cp(h->tb, cp);
}

/* A block boundary: end the line (a space inside a cell). */
static void soft_break(struct html *h)
{
	if (h->cells_open) {
		h->space = SP_FORCED;
		return;
	}
	h->space = SP_NONE;
	cj_text_soft_break(h->tb);
}

/* <br>: always end the line (a space inside a cell). */
static void hard_break(struct html *h)
{
	if (h->cells_open) {
		h->space = SP_FORCED;
		return;
	}
	h->space = SP_NONE;
	cj_text_end_line(h->tb);
}

/* =============================================================== tables */

static struct table *top_table(struct html *h)
{
	return h->ntables ? &h->tables[h->ntables - 1] : NULL;
}

static void close_cell(struct html *h, struct table *t)
{
	if (t->in_cell) {
		t->in_cell = 0;
		h->cells_open--;
	}
}

/* A row with cells is a line, even when they are all empty. */
static void end_row(struct html *h, struct table *t)
{
	close_cell(h, t);
	if (!t->in_row)
		return;
	t->in_row = 0;
	if (t->cells)
		hard_break(h);
	else
		soft_break(h);
}

static void start_row(struct html *h, struct table *t)
{
	end_row(h, t);
	soft_break(h);
	t->in_row = 1;
	t->cells = 0;
}

static void start_cell(struct html *h, struct table *t)
{
	if (!t->in_row)
		start_row(h, t);
	close_cell(h, t);
	/* now cells_open counts only the open cells of enclosing tables */
	if (h->cells_open) {
		if (t->cells)
			h->space = SP_FORCED; /* a nested table's cells are words of the outer cell */
	} else {
		h->space = SP_NONE;
		if (t->cells)
			cj_text_put(h->tb, "\t", 1);
	}
	t->cells++;
	t->in_cell = 1;
	h->cells_open++;
}

static void table_tag(struct html *h, const struct tag *tg)
{
	struct table *t = top_table(h);

	if (!strcmp(tg->name, "table")) {
		if (!tg->end) {
			soft_break(h);
			if (h->lost_tables || h->ntables == MAX_TABLES) {
				h->lost_tables++;
				return;
			}
			memset(&h->tables[h->ntables], 0, sizeof(h->tables[0]));
			h->ntables++;
		} else if (h->lost_tables) {
			h->lost_tables--;
		} else if (t) {
			end_row(h, t);
			h->ntables--;
			soft_break(h);
		}
		return;
	}
	if (h->lost_tables)
		return; /* rows and cells of untracked tables are plain text */
	if (!t) {
		if (!strcmp(tg->name, "tr"))
			soft_break(h);
		return;
	}
	if (!strcmp(tg->name, "tr")) {
		if (tg->end)
			end_row(h, t);
		else
			start_row(h, t);
	} else if (tg->end) {
		close_cell(h, t);
	} else {
		start_cell(h, t);
	}
}

/* ================================================================= tags */

static const char *const block_tags[] = {
	"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
	"section", "article", "aside", "header", "footer", "nav", "main", "blockquote",
	"caption", "figure", "figcaption", "address", "center", "form", "fieldset", "legend",
	"hr", "details", "summary", "dialog", "dir", "menu", "hgroup", "thead", "tbody",
	"tfoot", "option", "body", "html", NULL};

/* Elements whose content is raw text, dropped up to their end tag. */
static const char *const raw_drop_tags[] = {"script", "style", "title", "noscript", "iframe",
					    "noembed", "noframes", "xmp", NULL};

/* Elements whose content (tags and all) is dropped. */
static const char *const tree_drop_tags[] = {"svg", "math", "template", NULL};

/* What may appear in <head>; anything else ends it. */
static const char *const head_tags[] = {"title", "meta", "link", "style", "script", "base",
					"noscript", "template", "basefont", "bgsound", "head",
					"html", NULL};

/*
 * Skip the raw text of raw_drop_tags[which] up to (not past) its end tag
 * "</name" followed by a tag end; 0 (and h->i unchanged) when there is
 * none.  A failed search is remembered, so "<script/>" repeated without
 * any end tag costs linear, not quadratic, time.
 */
static int skip_raw(struct html *h, unsigned which)
{
	const char *name = raw_drop_tags[which];
	size_t i = h->i, len = strlen(name);

	if (h->raw_absent & (1u << which))
		return 0;
	for (; i + 1 < h->n; i++) {
		if (h->s[i] == '<' && h->s[i + 1] == '/' && at_ci(h->s, h->n, i + 2, name) &&
		    (i + 2 + len == h->n || is_ws((unsigned char)h->s[i + 2 + len]) ||
		     h->s[i + 2 + len] == '/' || h->s[i + 2 + len] == '>')) {
			h->i = i;
			return 1;
		}
	}
	h->raw_absent |= 1u << which;
	return 0;
}

/*
 * Parse a tag at h->i ("<x" or "</x", x a letter).  On success fills tg,
 * moves past '>' and returns 1; at end of input inside the tag returns 0
 * (the tag is dropped, as the HTML tokenizer does).
 */
static int parse_tag(struct html *h, struct tag *tg)
{
	const char *s = h->s;
	size_t n = h->n, k = h->i + 1, start, len;

	memset(tg, 0, sizeof(*tg));
	if (s[k] == '/') {
		tg->end = 1;
		k++;
	}
	start = k;
	while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '/' && s[k] != '>')
		k++;
	len = k - start;
	if (len <= NAME_MAX_LEN) {
		size_t j;

		for (j = 0; j < len; j++)
			tg->name[j] = (char)cj_text_lower((unsigned char)s[start + j]);
		tg->name[len] = '\0';
	}
	for (;;) {
		while (k < n && is_ws((unsigned char)s[k]))
			k++;
		if (k >= n)
			return 0;
		if (s[k] == '>') {
			h->i = k + 1;
			return 1;
		}
		if (s[k] == '/') {
			k++;
			if (k < n && s[k] == '>')
				tg->selfclose = 1;
			continue;
		}
		/* attribute name (its first character may be '=') */
		k++;
		while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '/' && s[k] != '>' &&
		       s[k] != '=')
			k++;
		while (k < n && is_ws((unsigned char)s[k]))
			k++;
		if (k < n && s[k] == '=') {
			k++;
			while (k < n && is_ws((unsigned char)s[k]))
				k++;
			if (k < n && (s[k] == '"' || s[k] == '\'')) {
				const char *q = memchr(s + k + 1, s[k], n - k - 1);

				if (!q)
					return 0;
				k = (size_t)(q - s) + 1;
			} else {
				while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '>')
					k++;
			}
		}
	}
}

static void handle_tag(struct html *h, const struct tag *tg)
{
	const char *nm = tg->name;
	int raw;

	if (h->drop_depth) {
		if (strcmp(nm, h->drop) || tg->selfclose)
			return;
		if (tg->end)
			h->drop_depth--;
		else
			h->drop_depth++;
		return;
	}
	if (h->in_head) {
		if (!strcmp(nm, "head") && tg->end) {
			h->in_head = 0;
			return;
		}
		if (!in_list(nm, head_tags))
			h->in_head = 0; /* <body>, or content: the head has ended */
	}
	if (!tg->end && !strcmp(nm, "head")) {
		h->in_head = 1;
		return;
	}
	raw = tg->end ? -1 : list_index(nm, raw_drop_tags);
	if (raw >= 0) {
		/*
		 * Unclosed, the rest of the input is raw text (HTML's rule);
		 * but "<script ... />" without any end tag is XHTML's empty
		 * element, so nothing is dropped.
		 */
		if (!skip_raw(h, (unsigned)raw) && !tg->selfclose)
			h->i = h->n;
		return;
	}
	if (!tg->end && in_list(nm, tree_drop_tags)) {
		if (!tg->selfclose) {
			memcpy(h->drop, nm, strlen(nm) + 1);
			h->drop_depth = 1;
		}
		return;
	}
	if (h->in_head)
		return;
	if (!strcmp(nm, "br")) {
		hard_break(h);
	} else if (!strcmp(nm, "pre") || !strcmp(nm, "listing")) {
		soft_break(h);
		if (!tg->end) {
			h->pre++;
			h->pre_newline = 1;
		} else if (h->pre) {
			h->pre--;
		}
	} else if (!strcmp(nm, "table") || !strcmp(nm, "tr") || !strcmp(nm, "td") ||
		   !strcmp(nm, "th")) {
		table_tag(h, tg);
	} else if (in_list(nm, block_tags)) {
		soft_break(h);
	}
}

/* ============================================================= entities */

struct entity {
	const char *name;
	uint32_t cp;
};

static const struct entity entities[] = {
	{"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
	{"apos", '\''},     {"nbsp", 0xA0},      {"ensp", 0x2002},    {"emsp", 0x2003},
	{"thinsp", 0x2009}, {"zwsp", 0x200B},    {"zwnj", 0x200C},    {"zwj", 0x200D},
	{"lrm", 0x200E},    {"rlm", 0x200F},     {"shy", 0xAD},       {"copy", 0xA9},
	{"reg", 0xAE},      {"trade", 0x2122},   {"middot", 0xB7},    {"bull", 0x2022},
	{"hellip", 0x2026}, {"mdash", 0x2014},   {"ndash", 0x2013},   {"lsquo", 0x2018},
	{"rsquo", 0x2019},  {"ldquo", 0x201C},   {"rdquo", 0x201D},   {"sbquo", 0x201A},
	{"bdquo", 0x201E},  {"laquo", 0xAB},     {"raquo", 0xBB},     {"times", 0xD7},
	{"divide", 0xF7},   {"plusmn", 0xB1},    {"deg", 0xB0},       {"permil", 0x2030},
	{"percnt", '%'},    {"yen", 0xA5},       {"cent", 0xA2},      {"pound", 0xA3},
	{"euro", 0x20AC},   {"sect", 0xA7},      {"para", 0xB6},      {"le", 0x2264},
	{"ge", 0x2265},     {"ne", 0x2260},      {"minus", 0x2212},   {"frac12", 0xBD},
	{"frac14", 0xBC},   {"frac34", 0xBE},    {"sup1", 0xB9},      {"sup2", 0xB2},
	{"sup3", 0xB3},     {"micro", 0xB5},     {"larr", 0x2190},    {"rarr", 0x2192},
	{"uarr", 0x2191},   {"darr", 0x2193},    {"comma", ','},      {"period", '.'},
	{"colon", ':'},     {"semi", ';'},       {"lpar", '('},       {"rpar", ')'},
	{"lsqb", '['},      {"rsqb", ']'},       {"lbrack", '['},     {"rbrack", ']'},
	{"lowbar", '_'},    {"hyphen", 0x2010},  {"dash", 0x2010},    {"num", '#'},
	{"excl", '!'},      {"quest", '?'},      {"sol", '/'},        {"bsol", '\\'},
	{"ast", '*'},       {"plus", '+'},       {"equals", '='},     {"dollar", '$'},
	{"prime", 0x2032},  {"Prime", 0x2033},   {"oline", 0x203E},   {"infin", 0x221E},
	{"asymp", 0x2248},  {"sum", 0x2211},     {"radic", 0x221A},   {"loz", 0x25CA},
	{"star", 0x2606},   {"starf", 0x2605},   {"check", 0x2713},   {"cross", 0x2717},
	{"ZeroWidthSpace", 0x200B}, {"NonBreakingSpace", 0xA0}, {"emsp13", 0x2004},
	{"emsp14", 0x2005}, {"numsp", 0x2007},   {"puncsp", 0x2008},  {"hairsp", 0x200A},
	{"AMP", '&'},       {"LT", '<'},         {"GT", '>'},         {"QUOT", '"'},
	{"COPY", 0xA9},     {"REG", 0xAE},
};

/* Names a browser decodes even without the ';'. */
static const char *const legacy_entities[] = {"amp", "lt", "gt", "quot", "nbsp", "copy",
					      "reg", "AMP", "LT", "GT", "QUOT", NULL};

/* Numeric references 128-159 as windows-1252 (HTML's rule). */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
	0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178,
};

/*
 * An entity at h->s[h->i] == '&': emits the character and moves past it,
 * or emits '&' as text when it is not one.
 */
static void entity(struct html *h)
{
	const char *s = h->s;
	size_t n = h->n, k = h->i + 1, start;
	uint32_t cp = 0;

	if (k < n && s[k] == '#') {
		int hex = 0, big = 0;

		k++;
		if (k < n && (s[k] == 'x' || s[k] == 'X')) {
			hex = 1;
			k++;
		}
		start = k;
		for (; k < n; k++) {
			unsigned v;
			int c = (unsigned char)s[k];

			if (cj_text_is_digit(c))
				v = (unsigned)(c - '0');
			else if (hex && cj_text_lower(c) >= 'a' && cj_text_lower(c) <= 'f')
				v = (unsigned)(cj_text_lower(c) - 'a' + 10);
			else
				break;
			if (cp > 0x10FFFF)
				big = 1;
			else
				cp = cp * (hex ? 16u : 10u) + v;
		}
		if (k == start)
			goto literal;
		if (k < n && s[k] == ';')
			k++;
		if (big || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		else if (cp >= 0x80 && cp <= 0x9F)
			cp = cp1252_c1[cp - 0x80];
	} else {
		char name[ENTITY_MAX_LEN + 1];
		size_t len, e;

		start = k;
		while (k < n && is_alnum((unsigned char)s[k]) && k - start <= ENTITY_MAX_LEN)
			k++;
		len = k - start;
		if (!len || len > ENTITY_MAX_LEN)
			goto literal;
		memcpy(name, s + start, len);
		name[len] = '\0';
		if (!(k < n && s[k] == ';') && !in_list(name, legacy_entities))
			goto literal;
		for (e = 0; e < sizeof(entities) / sizeof(entities[0]); e++)
			if (!strcmp(name, entities[e].name))
				break;
		if (e == sizeof(entities) / sizeof(entities[0]))
			goto literal;
		cp = entities[e].cp;
		if (k < n && s[k] == ';')
			k++;
	}
	h->i = k;
	emit_cp(h, cp);
	return;
literal:
	h->i++;
	emit(h, "&", 1);
}

/* ============================================================ main loop */

/* Skip a comment or other "<!"/"<?" markup at h->i. */
static void skip_markup(struct html *h)
{
	const char *s = h->s, *end;
	size_t n = h->n, i = h->i;

	if (at_ci(s, n, i, "<!--")) {
		i += 4;
		if (i < n && s[i] == '>') { /* "<!-->" */
			h->i = i + 1;
			return;
		}
		if (i + 1 < n && s[i] == '-' && s[i + 1] == '>') { /* "<!--->" */
			h->i = i + 2;
			return;
		}
		for (; i + 2 < n; i++) {
			if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>') {
				h->i = i + 3;
				return;
			}
		}
		h->i = n;
		return;
	}
	end = memchr(s + i + 1, '>', n - i - 1);
	h->i = end ? (size_t)(end - s) + 1 : n;
}

static void markup(struct html *h)
{
	const char *s = h->s;
	size_t n = h->n, i = h->i;
	struct tag tg;

	if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
		skip_markup(h);
	} else if (i + 2 < n && s[i + 1] == '/' && is_alpha((unsigned char)s[i + 2])) {
		if (parse_tag(h, &tg))
			handle_tag(h, &tg);
		else
			h->i = n;
	} else if (i + 2 < n && s[i + 1] == '/' && s[i + 2] == '>') {
		h->i = i + 3; /* "</>" is ignored */
	} else if (i + 2 < n && s[i + 1] == '/') {
		skip_markup(h); /* "</ ..." is a bogus comment */
	} else if (i + 1 < n && is_alpha((unsigned char)s[i + 1])) {
		if (parse_tag(h, &tg))
			handle_tag(h, &tg);
		else
			h->i = n;
	} else {
		h->i = i + 1;
		if (!h->drop_depth && !h->in_head)
			emit(h, "<", 1);
	}
}

static void run(struct html *h)
{
	const char *s = h->s;
	size_t n = h->n, j;

	while (h->i < n && !h->tb->err) {
		unsigned char c = (unsigned char)s[h->i];

		if (c == '<') {
			markup(h);
		} else if (h->drop_depth) {
			const char *lt = memchr(s + h->i, '<', n - h->i);

			h->i = lt ? (size_t)(lt - s) : n;
		} else if (h->in_head && is_ws(c)) {
			h->i++;
		} else if (c == '&') {
			h->in_head = 0;
			entity(h);
		} else if (c == '\r') {
			/* CRLF and CR are LF, as HTML's input stream has it */
			h->i++;
			if (h->i < n && s[h->i] == '\n')
				h->i++;
			emit_cp(h, '\n');
		} else if (is_ws(c)) {
			h->i++;
			emit_cp(h, c);
		} else {
			h->in_head = 0;
			for (j = h->i + 1; j < n && s[j] != '<' && s[j] != '&' &&
					   !is_ws((unsigned char)s[j]);
			     j++)
				;
			emit(h, s + h->i, j - h->i);
			h->i = j;
		}
	}
}

/* ============================================================== charset */

/* Copy a charset name starting at s[k] into out; 1 if one was found. */
static int copy_charset(const char *s, size_t n, size_t k, char *out, size_t cap)
{
	size_t len = 0;

	while (k < n && (is_ws((unsigned char)s[k]) || s[k] == '='))
		k++;
	if (k < n && (s[k] == '"' || s[k] == '\''))
		k++;
	while (k < n && len + 1 < cap &&
	       (is_alnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '_' || s[k] == '.' ||
		s[k] == ':'))
		out[len++] = s[k++];
	out[len] = '\0';
	return len > 0;
}

/*
 * The charset declared in the first PRESCAN_LEN bytes: <meta charset=...>,
 * <meta http-equiv="Content-Type" content="...; charset=..."> or
 * <?xml ... encoding="..."?>.  1 if one was found.
 */
static int prescan_charset(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, k, end;

	if (n > PRESCAN_LEN)
		n = PRESCAN_LEN;
	for (i = 0; i + 5 < n; i++) {
		if (s[i] != '<')
			continue;
		if (at_ci(s, n, i, "<?xml")) {
			for (k = i + 5; k + 8 < n && s[k] != '>'; k++)
				if (at_ci(s, n, k, "encoding") && copy_charset(s, n, k + 8, out, cap))
					return 1;
		} else if (at_ci(s, n, i, "<meta") && is_ws((unsigned char)s[i + 5])) {
			for (end = i + 5; end < n && s[end] != '>'; end++)
				;
			for (k = i + 5; k + 7 < end; k++)
				if (at_ci(s, n, k, "charset") && copy_charset(s, end, k + 7, out, cap))
					return 1;
		}
	}
	return 0;
}

/* ================================================================ entry */

enum cj_err cj_text_html(struct cj_text_builder *tb, const char *data, size_t len,
			 const char *name, struct cj_diag *d)
{
	struct html *h;
	char charset[48];
	const char *text;
	size_t n;
	char *owned;
	enum cj_err e;

	e = cj_text_to_utf8(data, len,
			    prescan_charset(data, len, charset, sizeof(charset)) ? charset : NULL,
			    name, &text, &n, &owned, d);
	if (e)
		return e;
	h = cj_calloc(1, sizeof(*h));
	if (!h) {
		cj_free(owned);
		return cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
	}
	h->tb = tb;
	h->s = text;
	h->n = n;
	run(h);
	cj_free(h);
	cj_free(owned);
	return CJ_OK;
}
