#!/usr/bin/env python3
"""bench/audit-corpus/corpus.py - the machinery behind make-corpus.py.

Turns a caijue-generated report.md into the forms the audit corpus uses and
writes a case (text + .expected) from a small spec.  Python 3 standard
library only.  Nothing here runs in `make test`: the generated case files are
committed, and tests/audit/run.sh only reads them.

Forms of a document (a list of Line(kind, text)):
  md   the report.md exactly as `caijue build` wrote it (blank lines kept);
  txt  a plain-text copy: markdown marks dropped (#, >, **, \\., images -> their
       caption), blank lines dropped, each table row one line with its cells
       separated by one TAB (the separator row |---| dropped).
A txt document renders to .txt, .html and .docx so that the text
`caijue audit` extracts (src/text/extract.h) has exactly the lines of the
.txt: one block element per line in HTML, one <w:p> per line in DOCX, one
<tr>/<w:tr> per table row (cells joined by TAB).  So an .expected written
against the .txt holds for the .html and .docx copies too.
"""
import html
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal, ROUND_HALF_UP


class Line:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind = kind  # raw (md form), h1..h4, p, quote, tr
        self.text = text

    def __repr__(self):
        return "Line(%r, %r)" % (self.kind, self.text)


class SpecError(Exception):
    pass


# ------------------------------------------------------------------ reading

def build_report(caijue, dataset, root):
    """Run `caijue build DATASET -o TMP --format md` and return report.md."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        r = subprocess.run([caijue, "build", dataset, "-o", out, "--format", "md"],
                           cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise SpecError("caijue build %s failed: %s" % (dataset, r.stderr.decode()))
        with open(os.path.join(out, "report.md"), encoding="utf-8") as f:
            return f.read()


def md_lines(text):
    return [Line("raw", l) for l in text.split("\n")[:-1 if text.endswith("\n") else None]]


def raw_lines(text):
    """A plain text file (the seed) as it is."""
    return [Line("p", l) for l in text.split("\n")[:-1 if text.endswith("\n") else None]]


_IMG = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_BOLD = re.compile(r"\*\*(.*?)\*\*")
_ESC = re.compile(r"\\([!-/:-@\[-`{-~])")


def _inline(s):
    s = _IMG.sub(r"\1", s)
    s = _BOLD.sub(r"\1", s)
    s = _ESC.sub(r"\1", s)
    return s


def plain(md_text):
    """report.md -> the txt form (list of Line)."""
    out = []
    for l in md_text.split("\n"):
        l = l.rstrip()
        if not l:
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", l)
        if m:
            level = min(len(m.group(1)), 4)
            out.append(Line("h%d" % level, _inline(m.group(2))))
            continue
        if l.startswith(">"):
            out.append(Line("quote", _inline(l.lstrip(">").strip())))
            continue
        if l.startswith("|"):
            if re.match(r"^\|[\s:|-]+\|$", l):
                continue  # separator row
            cells = [c.strip() for c in l.strip().strip("|").split(" | ")]
            out.append(Line("tr", "\t".join(_inline(c) for c in cells)))
            continue
        out.append(Line("p", _inline(l)))
    return out


# ------------------------------------------------------------------ edits

def _find(lines, marker, what):
    """The index of the line containing marker: a string that must be on
    exactly one line, or (string, k) for the k-th such line (1-based)."""
    k = None
    if isinstance(marker, tuple):
        marker, k = marker
    hits = [i for i, l in enumerate(lines) if marker in l.text]
    if k is None and len(hits) != 1:
        raise SpecError("%s: marker %r found on %d lines" % (what, marker, len(hits)))
    if k is not None and not 1 <= k <= len(hits):
        raise SpecError("%s: marker %r found on %d lines, want the %d-th" % (what, marker, len(hits), k))
    return hits[(k or 1) - 1]


def _fullwidth(s):
    return s.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))


def _group(m):
    whole, frac = m.group(1), m.group(2) or ""
    return "{:,}".format(int(whole)) + frac


def _thousands(s):
    """1104.25 -> 1,104.25 (amounts with two decimals only, so years and codes stay)."""
    return re.sub(r"(?<![\d.,])(\d{4,})(\.\d\d)(?!\d)", _group, s)


def _yuan_amount(m):
    v = Decimal(m.group(1).replace(",", "")) * 10000
    return "{:,.2f}元".format(v)


def _yuan_cell(c):
    if re.fullmatch(r"\d[\d,]*\.\d\d", c):
        return "{:,.2f}".format(Decimal(c.replace(",", "")) * 10000)
    return c


def to_yuan(lines):
    """Every 'N万元' amount -> the same amount in 元 (exact), and the money
    tables' cells (numbers with two decimals) too; '单位：万元' -> '单位：元'.
    '单价50万元以上' (no decimals, a threshold) is left alone."""
    out = []
    for l in lines:
        t = l.text
        if l.kind == "tr":
            t = "\t".join(_yuan_cell(c) for c in t.split("\t")).replace("（万元）", "（元）")
        else:
            t = re.sub(r"(\d[\d,]*\.\d\d)万元", _yuan_amount, t)
            t = t.replace("单位：万元", "单位：元").replace("（万元）", "（元）")
        out.append(Line(l.kind, t))
    return out


def apply_edits(lines, edits, what):
    """Edits, in order:
      ("sub", old, new)          old occurs exactly once in the document
      ("sub", old, new, n)       old occurs exactly n times; all replaced
      ("line", marker, new)      replace the whole line containing marker
      ("subn", old, new, k)      replace only the k-th occurrence of old
      ("del", first, stop)       delete from the line with `first` up to, not
                                 including, the line with `stop` (None: to the end)
      ("unitless", marker, head) drop "万元" after the figures of that line and
                                 put `head` (e.g. "（单位：万元）") in front
      ("fw", marker)             full-width digits, ．and ％ on that line
      ("sep", marker)            thousands separators on that line
      ("yuan",)                  whole document in 元 (see to_yuan)
    """
    lines = [Line(l.kind, l.text) for l in lines]
    for e in edits:
        op = e[0]
        if op == "sub":
            old, new = e[1], e[2]
            want = e[3] if len(e) > 3 else 1
            n = sum(l.text.count(old) for l in lines)
            if n != want:
                raise SpecError("%s: %r occurs %d times, want %d" % (what, old, n, want))
            for l in lines:
                l.text = l.text.replace(old, new)
        elif op == "line":
            lines[_find(lines, e[1], what)].text = e[2]
        elif op == "subn":
            old, new, k = e[1], e[2], e[3]
            seen = 0
            for l in lines:
                c = l.text.count(old)
                if seen < k <= seen + c:
                    parts = l.text.split(old)
                    j = k - seen  # 1-based within this line
                    l.text = old.join(parts[:j]) + new + old.join(parts[j:])
                seen += c
            if seen < k:
                raise SpecError("%s: %r occurs %d times, want occurrence %d" % (what, old, seen, k))
        elif op == "del":
            a = _find(lines, e[1], what)
            b = _find(lines, e[2], what) if e[2] is not None else len(lines)
            if b <= a:
                raise SpecError("%s: del %r..%r is empty" % (what, e[1], e[2]))
            del lines[a:b]
        elif op == "unitless":
            i = _find(lines, e[1], what)
            lines[i].text = e[2] + re.sub(r"(?<=\d)万元", "", lines[i].text)
        elif op == "fw":
            i = _find(lines, e[1], what)
            lines[i].text = _fullwidth(lines[i].text)
        elif op == "sep":
            i = _find(lines, e[1], what)
            lines[i].text = _thousands(lines[i].text)
        elif op == "yuan":
            lines = to_yuan(lines)
        else:
            raise SpecError("%s: unknown edit %r" % (what, op))
    return lines


def label_lines(lines, labels, what):
    """labels: (rule, marker) -> (rule, line); (rule, 0) -> (rule, 0)."""
    out = []
    for lab in labels:
        rule, where = lab[0], lab[1]
        if where == 0:
            out.append((rule, 0))
        else:
            out.append((rule, _find(lines, where, what) + 1))
    return sorted(out, key=lambda rl: (rl[0], rl[1]))


# ------------------------------------------------------------------ writing

def text_of(lines):
    return "".join(l.text + "\n" for l in lines)


NOTE = ("Generated by bench/audit-corpus/make-corpus.py. One line of extracted text per block "
        "element (h1-h4, p, blockquote) or table row (tr; cells joined by TAB), so the line "
        "numbers of the extracted text equal those of the plain-text form that the .expected "
        "file of this case is written against.")


def to_html(lines, title):
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">',
           '<title>%s</title>' % html.escape(title), '</head>', '<body>',
           '<!-- %s -->' % NOTE]
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.kind == "tr":
            out.append('<table border="1">')
            while i < len(lines) and lines[i].kind == "tr":
                cells = "".join("<td>%s</td>" % html.escape(c, quote=False)
                                for c in lines[i].text.split("\t"))
                out.append("<tr>%s</tr>" % cells)
                i += 1
            out.append("</table>")
            continue
        tag = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "quote": "blockquote"}.get(l.kind, "p")
        if not l.text.strip():
            out.append("<br>")  # an empty line of the text
        else:
            out.append("<%s>%s</%s>" % (tag, html.escape(l.text, quote=False), tag))
        i += 1
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>\n')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>\n')


def _wp(text, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    if not text:
        return "<w:p>%s</w:p>" % ppr
    t = html.escape(text, quote=False)
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, t)


def to_docx_xml(lines):
    body = []
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.kind == "tr":
            rows = []
            while i < len(lines) and lines[i].kind == "tr":
                cells = "".join("<w:tc>%s</w:tc>" % _wp(c) for c in lines[i].text.split("\t"))
                rows.append("<w:tr>%s</w:tr>" % cells)
                i += 1
            body.append("<w:tbl>%s</w:tbl>" % "".join(rows))
            continue
        style = {"h1": "Heading1", "h2": "Heading2", "h3": "Heading3", "h4": "Heading4"}.get(l.kind)
        body.append(_wp(l.text, style))
        i += 1
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<!-- %s -->\n<w:document %s><w:body>\n%s\n</w:body></w:document>\n'
            % (NOTE, W, "\n".join(body)))


def write_docx(path, lines):
    """Deterministic zip: fixed order and timestamps."""
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
             ("word/document.xml", to_docx_xml(lines))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))


def write_case(outdir, name, fmt, lines, labels, title):
    path = os.path.join(outdir, name + "." + fmt)
    if fmt in ("txt", "md"):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text_of(lines))
    elif fmt == "html":
        with open(path, "w", encoding="utf-8") as f:
            f.write(to_html(lines, title))
    elif fmt == "docx":
        write_docx(path, lines)
    else:
        raise SpecError("%s: unknown format %s" % (name, fmt))
    with open(os.path.join(outdir, name + ".expected"), "w", encoding="utf-8") as f:
        for rule, line in labels:
            f.write("%s %d\n" % (rule, line))
    return path


def check_extraction(extract, path, lines):
    """Compare the text `extract` (a tool printing 'N<TAB>line') gets from
    path with the lines we meant; return a list of differences."""
    r = subprocess.run([extract, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        return ["extract failed: %s" % r.stderr.decode()]
    got = [l.split("\t", 1)[1] if "\t" in l else "" for l in r.stdout.decode().split("\n")[:-1]]
    want = [norm(l.text) for l in lines]
    diffs = []
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else None
        w = want[i] if i < len(want) else None
        if g != w:
            diffs.append("line %d: got %r want %r" % (i + 1, g, w))
    return diffs


def norm(s):
    """The normalisation of extract.h steps 3-6 (enough for our texts)."""
    s = s.translate(str.maketrans("０１２３４５６７８９\u3000\u00a0", "0123456789  "))
    s = re.sub(r"(?<=\d)．|．(?=\d)", ".", s)
    s = re.sub(r"(?<=\d)％|％(?=\d)", "%", s)
    return s.rstrip(" ")
