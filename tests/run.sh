#!/bin/sh
# tests/run.sh - the whole suite: unit tests, CLI cases, fuzz-corpus replay.
# Ends with one line "N passed, N failed" and exits non-zero on failure.
#
# Environment: CAIJUE (the binary), UNIT (the unit-test binary),
# REPLAY_DIR (where the fuzz replay binaries are).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CAIJUE=${CAIJUE:-$ROOT/build/caijue}
UNIT=${UNIT:-$ROOT/build/unit-tests}
REPLAY_DIR=${REPLAY_DIR:-$(dirname "$CAIJUE")/fuzz-replay}
case $CAIJUE in /*) ;; *) CAIJUE=$ROOT/$CAIJUE ;; esac
case $UNIT in /*) ;; *) UNIT=$ROOT/$UNIT ;; esac
case $REPLAY_DIR in /*) ;; *) REPLAY_DIR=$ROOT/$REPLAY_DIR ;; esac
export CAIJUE ROOT NO_COLOR=1 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1609459200}
cd "$ROOT" || exit 2

passed=0
failed=0

# 1. unit tests (the runner prints its own "N passed, N failed")
out=$("$UNIT" 2>&1)
rc=$?
line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
if [ -z "$line" ]; then
	printf '%s\n' "$out"
	echo "unit tests crashed (exit $rc)"
	failed=$((failed + 1))
else
	up=${line%% passed*}
	uf=${line#*passed, }
	uf=${uf%% failed*}
	passed=$((passed + up))
	failed=$((failed + uf))
	[ "$uf" -gt 0 ] || [ "$rc" -ne 0 ] && printf '%s\n' "$out" | grep -v '^unit:' | grep -v 'passed, 0 failed' | head -n 60
	[ "$rc" -ne 0 ] && [ "$uf" -eq 0 ] && failed=$((failed + 1))
	echo "unit: $line"
fi

# 2. CLI cases: tests/cli/*.case (format in tests/cli/README.md)
cli_pass=0
cli_fail=0
for case in tests/cli/*.case; do
	[ -f "$case" ] || continue
	TMP=$(mktemp -d)
	export TMP
	args=$(sed -n 's/^args: //p' "$case")
	setup=$(sed -n 's/^setup: //p' "$case")
	want_exit=$(sed -n 's/^exit: //p' "$case")
	ok=1
	why=""
	if [ -n "$setup" ]; then
		(cd "$TMP" && eval "$setup") >/dev/null 2>&1
	fi
	(cd "$ROOT" && eval "\"\$CAIJUE\" $args") >"$TMP/.stdout" 2>"$TMP/.stderr" </dev/null
	got_exit=$?
	if [ -n "$want_exit" ] && [ "$got_exit" != "$want_exit" ]; then
		ok=0
		why="exit $got_exit, want $want_exit"
	fi
	while IFS= read -r l; do
		key=${l%%: *}
		val=${l#*: }
		case $key in
		stdout) grep -F -q -- "$val" "$TMP/.stdout" || { ok=0; why="$why; stdout lacks: $val"; } ;;
		stderr) grep -F -q -- "$val" "$TMP/.stderr" || { ok=0; why="$why; stderr lacks: $val"; } ;;
		!stdout) grep -F -q -- "$val" "$TMP/.stdout" && { ok=0; why="$why; stdout has: $val"; } ;;
		!stderr) grep -F -q -- "$val" "$TMP/.stderr" && { ok=0; why="$why; stderr has: $val"; } ;;
		file) [ -e "$TMP/$val" ] || { ok=0; why="$why; missing file: $val"; } ;;
		nofile) [ -e "$TMP/$val" ] && { ok=0; why="$why; unexpected file: $val"; } ;;
		notmp) ls "$TMP/$val" 2>/dev/null | grep -q '\.tmp\.' && { ok=0; why="$why; temp file left in $val"; } ;;
		esac
	done <"$case"
	if [ $ok -eq 1 ]; then
		cli_pass=$((cli_pass + 1))
	else
		cli_fail=$((cli_fail + 1))
		echo "FAIL $case:$why"
		sed 's/^/  stdout| /' "$TMP/.stdout" | head -n 15
		sed 's/^/  stderr| /' "$TMP/.stderr" | head -n 15
	fi
	rm -rf "$TMP"
done
echo "cli: $cli_pass passed, $cli_fail failed"
passed=$((passed + cli_pass))
failed=$((failed + cli_fail))

# 3. fuzz corpus replay: every input that ever crashed stays a test
rp=0
rf=0
for bin in "$REPLAY_DIR"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	corpus=fuzz/corpus/${name#fuzz_}
	[ -d "$corpus" ] || continue
	if "$bin" "$corpus"/* >/dev/null 2>"$REPLAY_DIR/$name.log"; then
		rp=$((rp + 1))
	else
		rf=$((rf + 1))
		echo "FAIL replay $name"
		tail -n 20 "$REPLAY_DIR/$name.log"
	fi
done
echo "fuzz replay: $rp passed, $rf failed"
passed=$((passed + rp))
failed=$((failed + rf))

# 4. generated docs match the catalogue and the schema; builds are deterministic
gp=0
gf=0
if "$CAIJUE" rules --markdown | cmp -s - docs/rules.md; then gp=$((gp + 1)); else
	gf=$((gf + 1)); echo "FAIL docs/rules.md is stale: run make docs"; fi
if "$CAIJUE" schema --markdown | cmp -s - docs/dataset.md; then gp=$((gp + 1)); else
	gf=$((gf + 1)); echo "FAIL docs/dataset.md is stale: run make docs"; fi
D=$(mktemp -d)
if "$CAIJUE" build examples/lizhou-2020.yaml -o "$D/a" >/dev/null 2>&1 &&
	"$CAIJUE" build examples/lizhou-2020.yaml -o "$D/b" >/dev/null 2>&1 &&
	diff -r "$D/a" "$D/b" >/dev/null; then gp=$((gp + 1)); else
	gf=$((gf + 1)); echo "FAIL two builds of the example differ (or failed)"; fi
rm -rf "$D"
echo "generated: $gp passed, $gf failed"
passed=$((passed + gp))
failed=$((failed + gf))

# 5. the labelled audit corpus (tests/audit, docs/audit-corpus.md): precision and recall
out=$(CAIJUE="$CAIJUE" sh tests/audit/run.sh 2>&1)
line=$(printf '%s\n' "$out" | tail -n 1)
printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
case $line in
*" passed, "*" failed")
	ap=${line%% passed*}
	af=${line#*passed, }
	af=${af%% failed*} ;;
*)
	ap=0
	af=1 ;;
esac
echo "audit: $line"
passed=$((passed + ap))
failed=$((failed + af))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
