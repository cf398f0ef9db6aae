#!/bin/sh
# tests/audit/run.sh - measure `caijue audit` on the labelled corpus.
#
#   CAIJUE=build/caijue sh tests/audit/run.sh [CASE...]
#
# Every tests/audit/cases/NNN-name.{txt,md,html,docx} with a sibling
# NNN-name.expected is a case (or only the CASE files named).  The .expected
# file holds one expected finding per line, "RULE-ID LINE" (LINE as in the
# JSON output: the line of the extracted text, 0 for the whole document);
# an empty file means "no finding at all".  Blank lines and lines starting
# with # are ignored.
#
# For each case the script runs `$CAIJUE audit --format json FILE`, takes the
# (rule, line) of each finding (the CLI prints one finding object per line,
# src/cli/output.c print_json) and compares them with the labels as
# multisets: TP = labels found, FP = findings not labelled, FN = labels not
# found.  A case passes when its findings equal its labels exactly; an exit
# status other than 0 or 1 (usage error, unreadable input, or the
# not-yet-implemented placeholder) fails the case, all its labels counted as
# FN.  Prints each failing case, then
#   audit corpus: precision P, recall R (TP tp, FP fp, FN fn)
# (P and R truncated, not rounded, to two decimals, so 1.00 means exactly
# 1; P is 0.00 when there are no findings but some labels) and last
#   N passed, M failed
# and exits 1 when a case failed (2 when the corpus itself is malformed).
# POSIX sh, awk, sed, sort; no Python.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CAIJUE=${CAIJUE:-$ROOT/build/caijue}
case $CAIJUE in /*) ;; *) CAIJUE=$ROOT/$CAIJUE ;; esac
CASES=$ROOT/tests/audit/cases
cd "$ROOT" || exit 2

TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT HUP INT TERM

if [ $# -gt 0 ]; then
	list=$*
else
	list=$(ls "$CASES" | grep -E '^[0-9]+-.*\.(txt|md|html|docx)$' | sort)
fi

pass=0
fail=0
tp=0
fp=0
fn=0
malformed=0
for c in $list; do
	case $c in */*) f=$c ;; *) f=$CASES/$c ;; esac
	name=$(basename "$f")
	exp=${f%.*}.expected
	if [ ! -f "$f" ]; then
		echo "FAIL $name: no such case"
		fail=$((fail + 1)); malformed=1
		continue
	fi
	if [ ! -f "$exp" ]; then
		echo "FAIL $name: no $(basename "$exp")"
		fail=$((fail + 1)); malformed=1
		continue
	fi
	# labels, validated
	grep -v -e '^[[:space:]]*$' -e '^#' "$exp" | sed 's/[[:space:]]*$//' >"$TMP/want.raw"
	if grep -v -E '^AUD-[A-Z0-9-]+ [0-9]+$' "$TMP/want.raw" >"$TMP/bad"; then
		echo "FAIL $name: malformed label in $(basename "$exp"): $(head -n 1 "$TMP/bad")"
		fail=$((fail + 1)); malformed=1
		continue
	fi
	sort "$TMP/want.raw" >"$TMP/want"

	"$CAIJUE" audit --format json "$f" >"$TMP/out" 2>"$TMP/err" </dev/null
	rc=$?
	why=""
	if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
		why="caijue exit $rc: $(head -n 1 "$TMP/err")"
		: >"$TMP/got"
	elif ! grep -q '"findings"' "$TMP/out"; then
		why="caijue exit $rc but no JSON findings on stdout"
		: >"$TMP/got"
	else
		sed -n 's/^[[:space:]]*{"rule": "\([^"]*\)".*"line": \([0-9][0-9]*\).*/\1 \2/p' \
			"$TMP/out" | sort >"$TMP/got"
	fi

	# multiset comparison: counts per "RULE LINE"
	counts=$(awk '
		FILENAME == ARGV[1] { want[$0]++; next }
		{ got[$0]++ }
		END {
			t = 0; p = 0; n = 0
			for (k in want) { m = (got[k] < want[k]) ? got[k] : want[k]; t += m; n += want[k] - m }
			for (k in got) { m = (got[k] < want[k]) ? got[k] : want[k]; p += got[k] - m }
			print t, p, n
		}' "$TMP/want" "$TMP/got")
	set -- $counts
	tp=$((tp + $1)); fp=$((fp + $2)); fn=$((fn + $3))
	if [ -z "$why" ] && [ "$2" -eq 0 ] && [ "$3" -eq 0 ]; then
		pass=$((pass + 1))
		continue
	fi
	fail=$((fail + 1))
	echo "FAIL $name${why:+: $why}"
	if [ -z "$why" ]; then
		awk '
			FILENAME == ARGV[1] { want[$0]++; next }
			{ got[$0]++ }
			END {
				for (k in want) for (i = got[k]; i < want[k]; i++) print "  missing    " k
				for (k in got) for (i = want[k]; i < got[k]; i++) print "  unexpected " k
			}' "$TMP/want" "$TMP/got" | sort -k2
	fi
done

awk -v tp="$tp" -v fp="$fp" -v fn="$fn" 'BEGIN {
	p = (tp + fp > 0) ? tp / (tp + fp) : (fn > 0 ? 0 : 1)
	r = (tp + fn > 0) ? tp / (tp + fn) : 1
	printf "audit corpus: precision %.2f, recall %.2f (TP %d, FP %d, FN %d)\n",
		int(p * 100 + 1e-9) / 100, int(r * 100 + 1e-9) / 100, tp, fp, fn
}'
echo "$pass passed, $fail failed"
[ $malformed -eq 0 ] || exit 2
[ $fail -eq 0 ]
