#!/bin/sh
# bench/build/run.sh - how long `caijue build` takes: the example in every
# format, one format at a time, 1,000 generated units on 2 cores, and
# LibreOffice converting the same DOCX/report to PDF for comparison.
# Writes nothing into the tree; prints a Markdown table for docs/performance.md.
#
#   sh bench/build/run.sh [N_UNITS]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CAIJUE=${CAIJUE:-$ROOT/build/caijue}
N=${1:-1000}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export SOURCE_DATE_EPOCH=1609459200

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# 1. the example, all formats, best of 5
best=""
for i in 1 2 3 4 5; do
	t0=$(now)
	"$CAIJUE" build "$ROOT/examples/lizhou-2020.yaml" -o "$W/ex" >/dev/null
	t1=$(now)
	t=$(elapsed "$t0" "$t1")
	if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
echo "| example, all formats (best of 5) | $(printf '%.3f' "$best") s |"

# 2. one format at a time
for fmt in html md svg pdf xlsx docx; do
	if ! "$CAIJUE" build "$ROOT/examples/lizhou-2020.yaml" -o "$W/f-$fmt" --format "$fmt" >/dev/null 2>&1; then
		continue
	fi
	best=""
	for i in 1 2 3; do
		t0=$(now)
		"$CAIJUE" build "$ROOT/examples/lizhou-2020.yaml" -o "$W/f-$fmt" --format "$fmt" >/dev/null
		t1=$(now)
		t=$(elapsed "$t0" "$t1")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	echo "| example, $fmt only (best of 3) | $(printf '%.3f' "$best") s |"
done

# 3. N generated units (the example under N unit names), 2 processes
mkdir -p "$W/units"
i=1
while [ "$i" -le "$N" ]; do
	sed "s/^  name: 中共广元市利州区委员会办公室/  name: 测试单位$i/" \
		"$ROOT/examples/lizhou-2020.yaml" >"$W/units/u$i.yaml"
	i=$((i + 1))
done
t0=$(now)
ls "$W/units" | sed 's/\.yaml$//' |
	xargs -P 2 -I{} "$CAIJUE" build "$W/units/{}.yaml" -o "$W/out/{}" >/dev/null
t1=$(now)
t=$(elapsed "$t0" "$t1")
echo "| $N units, all formats, 2 processes | $(printf '%.1f' "$t") s ($(echo "scale=1; $t * 1000 / $N" | bc) ms per unit) |"
/usr/bin/time -v "$CAIJUE" build "$ROOT/examples/lizhou-2020.yaml" -o "$W/rss" 2>"$W/time.txt" >/dev/null
echo "| peak memory, one build | $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/time.txt") KiB |"

# 4. LibreOffice converting the same report (DOCX if we have it, else HTML) to PDF
if command -v soffice >/dev/null 2>&1; then
	src="$W/ex/report.docx"
	[ -f "$src" ] || src="$W/ex/report.html"
	export HOME="$W/home"
	soffice --headless --convert-to pdf --outdir "$W/lo" "$src" >/dev/null 2>&1 || true
	t0=$(now)
	soffice --headless --convert-to pdf --outdir "$W/lo" "$src" >/dev/null 2>&1
	t1=$(now)
	echo "| LibreOffice: $(basename "$src") → PDF (warm) | $(printf '%.3f' "$(elapsed "$t0" "$t1")") s |"
fi
