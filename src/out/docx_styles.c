/*
 * docx_styles.c - the constant parts of a DOCX: styles.xml (the
 * typography), fontTable.xml (font fallbacks) and settings.xml.
 *
 * Typography after GB/T 9704 (党政机关公文格式): body 仿宋_GB2312 三号
 * (16 pt) on a 22-line page, first-line indent of two characters; title
 * 方正小标宋简体 二号 (22 pt), centred; level-1 and level-2 headings
 * 黑体, level 3 楷体_GB2312, level 4 仿宋_GB2312 bold, all 三号 with
 * outline levels 0..3 so Word, WPS and LibreOffice can build a table of
 * contents.  Latin letters and digits are Times New Roman.  Tables are
 * 宋体 10 pt, single spaced; notes and captions are smaller 仿宋.
 *
 * The font table names each Chinese font with a Noto CJK alternate
 * (w:altName), its GB2312 character set and PANOSE class, so a machine
 * without the official fonts substitutes a Chinese font and never shows
 * empty boxes.
 *
 * Styles are data (one row per style); nothing here depends on the
 * document.
 */
#include <stddef.h>
#include <stdio.h>

#include "docx_int.h"

/* ------------------------------------------------------------ fonts */

#define F_LATIN "Times New Roman"
#define F_FANGSONG "仿宋_GB2312"
#define F_KAI "楷体_GB2312"
#define F_HEI "黑体"
#define F_SONG "宋体"
#define F_TITLE "方正小标宋简体"
#define F_NOTO_SERIF "Noto Serif CJK SC"
#define F_NOTO_SANS "Noto Sans CJK SC"

struct font_def {
	const char *name;
	const char *alt;     /* w:altName, or NULL */
	const char *panose;  /* 10 bytes in hex */
	const char *charset; /* "86": GB2312; "00": ANSI */
	const char *family;  /* roman, swiss, modern, script, decorative, auto */
	const char *pitch;   /* fixed, variable */
};

static const struct font_def fonts[] = {
	{F_LATIN, NULL, "02020603050405020304", "00", "roman", "variable"},
	{F_SONG, F_NOTO_SERIF, "02010600030101010101", "86", "auto", "variable"},
	{F_FANGSONG, F_NOTO_SERIF, "02010609030101010101", "86", "modern", "fixed"},
	{F_KAI, F_NOTO_SERIF, "02010609030101010101", "86", "modern", "fixed"},
	{F_HEI, F_NOTO_SANS, "02010609060101010101", "86", "modern", "fixed"},
	{F_TITLE, F_NOTO_SERIF, "02000000000000000000", "86", "auto", "variable"},
	{F_NOTO_SERIF, NULL, "02020400000000000000", "86", "roman", "variable"},
	{F_NOTO_SANS, NULL, "020B0500000000000000", "86", "swiss", "variable"},
};

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

void cj_docx_fonts_part(struct cj_xmlw *w)
{
	size_t i;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "w:fonts");
	cj_xmlw_attr(w, "xmlns:w", NS_W);
	cj_xmlw_nl(w);
	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++) {
		const struct font_def *f = &fonts[i];

		cj_xmlw_start(w, "w:font");
		cj_xmlw_attr(w, "w:name", f->name);
		if (f->alt)
			cj_docx_val(w, "w:altName", f->alt);
		cj_docx_val(w, "w:panose1", f->panose);
		cj_docx_val(w, "w:charset", f->charset);
		cj_docx_val(w, "w:family", f->family);
		cj_docx_val(w, "w:pitch", f->pitch);
		cj_xmlw_end(w, "w:font");
		cj_xmlw_nl(w);
	}
	cj_xmlw_end(w, "w:fonts");
	cj_xmlw_nl(w);
}

/* ------------------------------------------------------------ styles */

/*
 * One paragraph style.  Zero or NULL fields inherit from the base style
 * (except where noted).
 */
struct pstyle {
	const char *id, *name, *based, *next;
	int ui;             /* w:uiPriority; 0: none */
	int outline;        /* w:outlineLvl + 1; 0: none */
	int keep_next;
	int no_snap;        /* w:snapToGrid off (tables: no document grid) */
	int before, after;  /* spacing in twips; -1: inherit */
	int line;           /* line spacing: twips when exact, 240ths when auto; 0: inherit */
	int exact;          /* 1: lineRule exact, 0: auto */
	int indent;         /* 1: two-character first-line indent, -1: none, 0: inherit */
	const char *jc;
	const char *latin;  /* ascii and hAnsi font */
	const char *ea;     /* eastAsia font */
	int bold;
	int sz;             /* half-points */
};

static const struct pstyle pstyles[] = {
	/* id, name, based, next, ui, outline, keep, nosnap, before, after, line, exact, indent, jc, latin, ea, bold, sz */
	{"Normal", "Normal", NULL, NULL, 0, 0, 0, 0, 0, 0, CJ_DOCX_LINE, 1, 1, "both", F_LATIN,
	 F_FANGSONG, 0, 32},
	{"Title", "Title", "Normal", "Normal", 10, 0, 1, 0, 0, CJ_DOCX_LINE, 720, 1, -1, "center",
	 NULL, F_TITLE, 0, 44},
	{"Heading1", "heading 1", "Normal", "Normal", 9, 1, 1, 0, CJ_DOCX_LINE, CJ_DOCX_LINE / 2, 0,
	 0, -1, "center", NULL, F_HEI, 0, 32},
	{"Heading2", "heading 2", "Normal", "Normal", 9, 2, 1, 0, CJ_DOCX_LINE / 2, 0, 0, 0, 0,
	 NULL, NULL, F_HEI, 0, 32},
	{"Heading3", "heading 3", "Normal", "Normal", 9, 3, 1, 0, 0, 0, 0, 0, 0, NULL, NULL, F_KAI,
	 0, 32},
	{"Heading4", "heading 4", "Normal", "Normal", 9, 4, 1, 0, 0, 0, 0, 0, 0, NULL, NULL,
	 F_FANGSONG, 1, 32},
	{"Caption", "caption", "Normal", "Normal", 35, 0, 0, 0, 0, CJ_DOCX_LINE / 2, 480, 1, -1,
	 "center", NULL, NULL, 0, 28},
	{"Note", "Note", "Normal", "Normal", 0, 0, 0, 0, 0, 0, 400, 1, 1, NULL, NULL, NULL, 0, 24},
	{"Figure", "Figure", "Normal", "Caption", 0, 0, 1, 1, CJ_DOCX_LINE / 2, 0, 240, 0, -1,
	 "center", NULL, NULL, 0, 0},
	{"TableNumber", "Table Number", "Normal", "TableTitle", 0, 0, 1, 0, CJ_DOCX_LINE / 2, 0, 400,
	 1, -1, "right", NULL, NULL, 0, 21},
	{"TableTitle", "Table Title", "Normal", "TableUnit", 0, 0, 1, 0, 0, 0, 0, 0, -1, "center",
	 NULL, F_HEI, 0, 32},
	{"TableUnit", "Table Unit", "Normal", "Normal", 0, 0, 1, 0, 0, 60, 400, 1, -1, "left", NULL,
	 NULL, 0, 21},
	{"TableText", "Table Text", "Normal", NULL, 0, 0, 0, 1, 0, 0, 240, 0, -1, "left", NULL,
	 F_SONG, 0, CJ_DOCX_TABLE_SZ},
	{"TableTextSmall", "Table Text Small", "TableText", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL,
	 NULL, NULL, 0, CJ_DOCX_TABLE_SZ_SMALL},
	{"Footer", "footer", "Normal", NULL, 99, 0, 0, 1, 0, 0, 240, 0, -1, "center", F_SONG,
	 F_SONG, 0, 28},
};

static void rfonts(struct cj_xmlw *w, const char *latin, const char *ea)
{
	cj_xmlw_start(w, "w:rFonts");
	if (latin) {
		cj_xmlw_attr(w, "w:ascii", latin);
		cj_xmlw_attr(w, "w:hAnsi", latin);
	}
	if (ea)
		cj_xmlw_attr(w, "w:eastAsia", ea);
	if (latin)
		cj_xmlw_attr(w, "w:cs", latin);
	cj_xmlw_end(w, "w:rFonts");
}

static void size(struct cj_xmlw *w, int sz)
{
	cj_docx_ival(w, "w:sz", sz);
	cj_docx_ival(w, "w:szCs", sz);
}

static void pstyle(struct cj_xmlw *w, const struct pstyle *s)
{
	cj_xmlw_start(w, "w:style");
	cj_xmlw_attr(w, "w:type", "paragraph");
	if (!s->based)
		cj_xmlw_attr(w, "w:default", "1");
	cj_xmlw_attr(w, "w:styleId", s->id);
	cj_docx_val(w, "w:name", s->name);
	if (s->based)
		cj_docx_val(w, "w:basedOn", s->based);
	if (s->next)
		cj_docx_val(w, "w:next", s->next);
	if (s->ui)
		cj_docx_ival(w, "w:uiPriority", s->ui);
	if (s->ui == 99) {
		cj_xmlw_start(w, "w:unhideWhenUsed");
		cj_xmlw_end(w, "w:unhideWhenUsed");
	} else {
		cj_xmlw_start(w, "w:qFormat");
		cj_xmlw_end(w, "w:qFormat");
	}

	cj_xmlw_start(w, "w:pPr");
	if (s->keep_next) {
		cj_xmlw_start(w, "w:keepNext");
		cj_xmlw_end(w, "w:keepNext");
		cj_xmlw_start(w, "w:keepLines");
		cj_xmlw_end(w, "w:keepLines");
	}
	if (!s->based) {
		cj_xmlw_start(w, "w:widowControl");
		cj_xmlw_end(w, "w:widowControl");
	}
	if (s->no_snap)
		cj_docx_val(w, "w:snapToGrid", "0");
	if (s->before || s->after || s->line || !s->based) {
		cj_xmlw_start(w, "w:spacing");
		cj_xmlw_attr_int(w, "w:before", s->before);
		cj_xmlw_attr_int(w, "w:after", s->after);
		if (s->line) {
			cj_xmlw_attr_int(w, "w:line", s->line);
			cj_xmlw_attr(w, "w:lineRule", s->exact ? "exact" : "auto");
		}
		cj_xmlw_end(w, "w:spacing");
	}
	if (s->indent) {
		/* Two characters of this style's size: firstLineChars for Word and WPS, firstLine for the rest. */
		int sz = s->sz ? s->sz : 32;

		cj_xmlw_start(w, "w:ind");
		cj_xmlw_attr_int(w, "w:firstLineChars", s->indent > 0 ? 200 : 0);
		cj_xmlw_attr_int(w, "w:firstLine", s->indent > 0 ? sz * 20 : 0);
		cj_xmlw_end(w, "w:ind");
	}
	if (s->jc)
		cj_docx_val(w, "w:jc", s->jc);
	if (s->outline)
		cj_docx_ival(w, "w:outlineLvl", s->outline - 1);
	cj_xmlw_end(w, "w:pPr");

	cj_xmlw_start(w, "w:rPr");
	if (s->latin || s->ea)
		rfonts(w, s->latin, s->ea);
	if (s->bold) {
		cj_xmlw_start(w, "w:b");
		cj_xmlw_end(w, "w:b");
		cj_xmlw_start(w, "w:bCs");
		cj_xmlw_end(w, "w:bCs");
	}
	if (!s->based)
		cj_docx_ival(w, "w:kern", 2);
	if (s->sz)
		size(w, s->sz);
	if (!s->based) {
		cj_xmlw_start(w, "w:lang");
		cj_xmlw_attr(w, "w:val", "en-US");
		cj_xmlw_attr(w, "w:eastAsia", "zh-CN");
		cj_xmlw_attr(w, "w:bidi", "ar-SA");
		cj_xmlw_end(w, "w:lang");
	}
	cj_xmlw_end(w, "w:rPr");
	cj_xmlw_end(w, "w:style");
	cj_xmlw_nl(w);
}

static void border(struct cj_xmlw *w, const char *name)
{
	cj_xmlw_start(w, name);
	cj_xmlw_attr(w, "w:val", "single");
	cj_xmlw_attr(w, "w:sz", "4"); /* eighths of a point: 0.5 pt */
	cj_xmlw_attr(w, "w:space", "0");
	cj_xmlw_attr(w, "w:color", "000000");
	cj_xmlw_end(w, name);
}

static void cell_margin(struct cj_xmlw *w, const char *name, int twips)
{
	cj_xmlw_start(w, name);
	cj_xmlw_attr_int(w, "w:w", twips);
	cj_xmlw_attr(w, "w:type", "dxa");
	cj_xmlw_end(w, name);
}

/* The default character and table styles Word expects, and Table Grid. */
static void other_styles(struct cj_xmlw *w)
{
	static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right",
					    "w:insideH", "w:insideV"};
	size_t i;

	cj_xmlw_start(w, "w:style");
	cj_xmlw_attr(w, "w:type", "character");
	cj_xmlw_attr(w, "w:default", "1");
	cj_xmlw_attr(w, "w:styleId", "DefaultParagraphFont");
	cj_docx_val(w, "w:name", "Default Paragraph Font");
	cj_docx_ival(w, "w:uiPriority", 1);
	cj_xmlw_start(w, "w:semiHidden");
	cj_xmlw_end(w, "w:semiHidden");
	cj_xmlw_start(w, "w:unhideWhenUsed");
	cj_xmlw_end(w, "w:unhideWhenUsed");
	cj_xmlw_end(w, "w:style");
	cj_xmlw_nl(w);

	cj_xmlw_start(w, "w:style");
	cj_xmlw_attr(w, "w:type", "table");
	cj_xmlw_attr(w, "w:default", "1");
	cj_xmlw_attr(w, "w:styleId", "TableNormal");
	cj_docx_val(w, "w:name", "Normal Table");
	cj_docx_ival(w, "w:uiPriority", 99);
	cj_xmlw_start(w, "w:semiHidden");
	cj_xmlw_end(w, "w:semiHidden");
	cj_xmlw_start(w, "w:unhideWhenUsed");
	cj_xmlw_end(w, "w:unhideWhenUsed");
	cj_xmlw_start(w, "w:tblPr");
	cj_xmlw_start(w, "w:tblInd");
	cj_xmlw_attr(w, "w:w", "0");
	cj_xmlw_attr(w, "w:type", "dxa");
	cj_xmlw_end(w, "w:tblInd");
	cj_xmlw_start(w, "w:tblCellMar");
	cell_margin(w, "w:top", 0);
	cell_margin(w, "w:left", 108);
	cell_margin(w, "w:bottom", 0);
	cell_margin(w, "w:right", 108);
	cj_xmlw_end(w, "w:tblCellMar");
	cj_xmlw_end(w, "w:tblPr");
	cj_xmlw_end(w, "w:style");
	cj_xmlw_nl(w);

	cj_xmlw_start(w, "w:style");
	cj_xmlw_attr(w, "w:type", "table");
	cj_xmlw_attr(w, "w:styleId", "TableGrid");
	cj_docx_val(w, "w:name", "Table Grid");
	cj_docx_val(w, "w:basedOn", "TableNormal");
	cj_docx_ival(w, "w:uiPriority", 39);
	cj_xmlw_start(w, "w:tblPr");
	cj_xmlw_start(w, "w:tblBorders");
	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++)
		border(w, sides[i]);
	cj_xmlw_end(w, "w:tblBorders");
	cj_xmlw_start(w, "w:tblCellMar");
	cell_margin(w, "w:top", 28);
	cell_margin(w, "w:left", 57); /* as docx_table.c writes on each table */
	cell_margin(w, "w:bottom", 28);
	cell_margin(w, "w:right", 57);
	cj_xmlw_end(w, "w:tblCellMar");
	cj_xmlw_end(w, "w:tblPr");
	cj_xmlw_end(w, "w:style");
	cj_xmlw_nl(w);
}

void cj_docx_styles_part(struct cj_xmlw *w)
{
	size_t i;

	cj_xmlw_decl(w);
	cj_xmlw_start(w, "w:styles");
	cj_xmlw_attr(w, "xmlns:w", NS_W);
	cj_xmlw_nl(w);

	/* Defaults for text outside any style (and for other applications' pastes). */
	cj_xmlw_start(w, "w:docDefaults");
	cj_xmlw_start(w, "w:rPrDefault");
	cj_xmlw_start(w, "w:rPr");
	rfonts(w, F_LATIN, F_FANGSONG);
	cj_docx_ival(w, "w:kern", 2);
	size(w, 32);
	cj_xmlw_start(w, "w:lang");
	cj_xmlw_attr(w, "w:val", "en-US");
	cj_xmlw_attr(w, "w:eastAsia", "zh-CN");
	cj_xmlw_attr(w, "w:bidi", "ar-SA");
	cj_xmlw_end(w, "w:lang");
	cj_xmlw_end(w, "w:rPr");
	cj_xmlw_end(w, "w:rPrDefault");
	cj_xmlw_start(w, "w:pPrDefault");
	cj_xmlw_end(w, "w:pPrDefault");
	cj_xmlw_end(w, "w:docDefaults");
	cj_xmlw_nl(w);

	for (i = 0; i < sizeof(pstyles) / sizeof(pstyles[0]); i++)
		pstyle(w, &pstyles[i]);
	other_styles(w);
	cj_xmlw_end(w, "w:styles");
	cj_xmlw_nl(w);
}

/* ------------------------------------------------------------ settings */

void cj_docx_settings_part(struct cj_xmlw *w)
{
	cj_xmlw_decl(w);
	cj_xmlw_start(w, "w:settings");
	cj_xmlw_attr(w, "xmlns:w", NS_W);
	cj_xmlw_nl(w);
	cj_xmlw_start(w, "w:zoom");
	cj_xmlw_attr(w, "w:percent", "100");
	cj_xmlw_end(w, "w:zoom");
	cj_docx_ival(w, "w:defaultTabStop", 420);
	/* Compress Chinese punctuation at line ends, as Word and WPS do for zh-CN. */
	cj_docx_val(w, "w:characterSpacingControl", "compressPunctuation");
	cj_xmlw_start(w, "w:compat");
	cj_xmlw_start(w, "w:compatSetting");
	cj_xmlw_attr(w, "w:name", "compatibilityMode");
	cj_xmlw_attr(w, "w:uri", "http://schemas.microsoft.com/office/word");
	cj_xmlw_attr(w, "w:val", "15");
	cj_xmlw_end(w, "w:compatSetting");
	cj_xmlw_end(w, "w:compat");
	cj_xmlw_start(w, "w:themeFontLang");
	cj_xmlw_attr(w, "w:val", "en-US");
	cj_xmlw_attr(w, "w:eastAsia", "zh-CN");
	cj_xmlw_end(w, "w:themeFontLang");
	cj_docx_val(w, "w:decimalSymbol", ".");
	cj_docx_val(w, "w:listSeparator", ",");
	cj_xmlw_nl(w);
	cj_xmlw_end(w, "w:settings");
	cj_xmlw_nl(w);
}
