#!/bin/sh
# Run every test: unit programs (build/tests/test_*) and shell tests (tests/e2e/*.sh), each under
# a time limit. Counts PASS:/FAIL: lines; a program that exits non-zero without a FAIL line counts
# as one failure. Last line: "N passed, N failed". ONLY=unit or ONLY=e2e narrows the set.
: "${BUILD:=build}"
export BUILD
ONLY=${ONLY:-}
LIMIT=${TEST_TIMEOUT:-600}
log=$(mktemp)
passed=0
failed=0
run_one() {
	name=$1; shift
	out=$(mktemp)
	timeout "$LIMIT" "$@" >"$out" 2>&1
	rc=$?
	p=$(grep -c '^PASS:' "$out")
	f=$(grep -c '^FAIL:' "$out")
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL: $name exited with status $rc" >>"$out"
		f=1
	fi
	grep -E '^(FAIL:|    )' "$out" | head -40
	[ "${VERBOSE:-0}" = 1 ] && cat "$out"
	echo "$name: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
	rm -f "$out"
}
if [ "$ONLY" != e2e ]; then
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		run_one "$(basename "$t")" "$t"
	done
fi
if [ "$ONLY" != unit ]; then
	for t in tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		run_one "$(basename "$t")" sh "$t"
	done
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
