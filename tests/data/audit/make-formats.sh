#!/bin/sh
# tests/data/audit/make-formats.sh - the seed report (tests/audit/cases/001-seed-2020.txt)
# as HTML, DOCX and PDF, for tests/unit/test_audit_formats.c: the audit must
# give the same findings for every format.
#
#   HTML  one <br>-terminated line per line of the text (so the extracted
#         lines, and the findings' line numbers, are those of the .txt)
#   DOCX  LibreOffice's import of the text: one paragraph per line
#   PDF   LibreOffice's rendering: wrapped paragraphs, pages, CJK letter
#         spacing - the line numbers differ, the findings must not
#
# Needs python3 and soffice (LibreOffice).  Run from the repository root:
#   sh tests/data/audit/make-formats.sh
set -eu
src=tests/audit/cases/001-seed-2020.txt
out=tests/data/audit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/seed-2020.txt"
python3 - "$src" "$out/seed-2020.html" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
if lines and lines[-1] == '':
    lines = lines[:-1]
body = '<br>\n'.join(html.escape(l) for l in lines) + '<br>'
open(sys.argv[2], 'w', encoding='utf-8').write(
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
    '<title>2020年度部门决算</title></head><body><div>\n' + body +
    '\n</div></body></html>')
PY
(cd "$tmp" && soffice --headless --infilter="Text (encoded):UTF8,LF,,," \
	--convert-to docx seed-2020.txt >/dev/null &&
 soffice --headless --infilter="Text (encoded):UTF8,LF,,," \
	--convert-to pdf seed-2020.txt >/dev/null)
cp "$tmp/seed-2020.docx" "$tmp/seed-2020.pdf" "$out/"
