#!/bin/sh
# bench/audit/run.sh - how fast `caijue audit` reads published reports.
#
#   sh bench/audit/run.sh [MEGABYTES]        (default 200)
#
# Builds the example report (examples/lizhou-2020.yaml -> report.md), makes
# a corpus of about MEGABYTES MB by repeating it with varied numbers (copy k
# shifts the last decimal digit of every amount by k, so the copies differ
# and most of them hold findings, as real reports do), then times
#   caijue audit DIR      wall time, MB/s, peak RSS (/usr/bin/time -v)
#   wc -m FILES           the same bytes read and decoded as UTF-8, for scale
# and prints a Markdown section for docs/performance.md ("audit").  The
# corpus lives in a temporary directory and is removed at the end.  No
# timing is asserted anywhere: numbers depend on the machine.
#
# Environment: CAIJUE (default build/caijue), TMPDIR.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CAIJUE=${CAIJUE:-$ROOT/build/caijue}
case $CAIJUE in /*) ;; *) CAIJUE=$ROOT/$CAIJUE ;; esac
MB=${1:-200}
cd "$ROOT"

[ -x "$CAIJUE" ] || { echo "bench: no $CAIJUE (run make)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed" >&2; exit 2; }

W=$(mktemp -d "${TMPDIR:-/tmp}/caijue-audit-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT HUP INT TERM

"$CAIJUE" build examples/lizhou-2020.yaml -o "$W/src" --format md >/dev/null
src=$W/src/report.md
size=$(wc -c <"$src" | tr -d ' ')
copies=$(( (MB * 1000000 + size - 1) / size ))
mkdir -p "$W/corpus"

# copy k: the last digit of every decimal number (1104.25, 87.31) moves by k
awk -v n="$copies" -v dir="$W/corpus" '
	{ line[NR] = $0 }
	END {
		for (k = 1; k <= n; k++) {
			f = sprintf("%s/r%05d.md", dir, k)
			for (i = 1; i <= NR; i++) {
				s = line[i]; out = ""
				while (match(s, /[0-9]\.[0-9][0-9]/)) {
					d = substr(s, RSTART + RLENGTH - 1, 1) + 0
					out = out substr(s, 1, RSTART + RLENGTH - 2) ((d + k) % 10)
					s = substr(s, RSTART + RLENGTH)
				}
				print out s > f
			}
			close(f)
		}
	}' "$src"

bytes=$(cat "$W"/corpus/*.md | wc -c | tr -d ' ')
files=$copies

# wc -m: reading and decoding the same bytes
/usr/bin/time -f "%e %M" -o "$W/wc.time" sh -c "cat '$W'/corpus/*.md | LC_ALL=C.UTF-8 wc -m >/dev/null"
read -r wc_s wc_kb <"$W/wc.time"

# caijue audit: findings to a file, the summary from stderr
/usr/bin/time -v -o "$W/audit.time" "$CAIJUE" audit "$W/corpus" >"$W/findings.txt" 2>"$W/audit.err" || true
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/audit.time")
user=$(sed -n 's/.*User time (seconds): //p' "$W/audit.time")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/audit.time")
secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
summary=$(grep '审核完成' "$W/audit.err" | tail -n 1)
nfind=$(wc -l <"$W/findings.txt" | tr -d ' ')

awk -v b="$bytes" -v f="$files" -v s="$secs" -v u="$user" -v r="$rss" \
    -v ws="$wc_s" -v n="$nfind" -v sum="$summary" -v host="$(uname -m)" \
    -v cpus="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')" 'BEGIN {
	mb = b / 1000000
	printf "## audit\n\n"
	printf "`sh bench/audit/run.sh %d` on %s (%s CPUs online), one process, one core.\n\n", mb + 0.5, host, cpus
	printf "| input | files | MB | wall s | user s | MB/s (wall) | MB/s (user) | peak RSS |\n"
	printf "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
	printf "| `caijue audit DIR` | %d | %.1f | %.2f | %.2f | %.1f | %.1f | %.1f MB |\n", f, mb, s, u, mb / s, mb / u, r / 1024
	printf "| `cat FILES \\| wc -m` | %d | %.1f | %.2f | | %.1f | | |\n\n", f, mb, ws, mb / (ws > 0 ? ws : 0.01)
	printf "Findings printed: %d lines.  %s\n", n, sum
}'
