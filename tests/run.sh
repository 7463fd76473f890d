#!/bin/sh
# Run every test: unit programs (build/tests/test_*) and shell tests (tests/e2e/*.sh), each under
# a time limit. Counts PASS:/FAIL: lines; a program that exits non-zero without a FAIL line counts
# as one failure. Last line: "N passed, N failed". ONLY=unit, e2e, sanitize or valgrind narrows
# the set.
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
	grep -E '^(FAIL:|SKIP:|    )' "$out" | head -40
	[ "${VERBOSE:-0}" = 1 ] && cat "$out"
	echo "$name: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
	rm -f "$out"
}
if [ -z "$ONLY" ] || [ "$ONLY" = unit ]; then
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		run_one "$(basename "$t")" "$t"
	done
fi
if [ -z "$ONLY" ] || [ "$ONLY" = e2e ]; then
	for t in tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		run_one "$(basename "$t")" sh "$t"
	done
fi
# Sanitizers: the unit tests, a few e2e tests and the fuzz replays from $ASAN_BUILD (clang
# -fsanitize=address,undefined, built by `make sanitize`). Every report goes to a log file; a test
# that leaves one fails, whatever its exit status. SANITIZE=0 skips this.
ASAN_BUILD=${ASAN_BUILD:-build-asan}
if [ "${SANITIZE:-1}" != 0 ] && { [ -z "$ONLY" ] || [ "$ONLY" = sanitize ]; } && [ -x "$ASAN_BUILD/sohoa" ]; then
	reports=$(mktemp -d)
	supp=$PWD/tests/sanitize
	export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:suppressions=$supp/asan.supp"
	export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
	export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
	sanitized() {
		name=$1; shift
		rm -f "$reports"/*
		run_one "$name" "$@"
		if [ -n "$(ls "$reports")" ]; then
			echo "FAIL: $name: sanitizer report"
			cat "$reports"/* | grep -E '^(==|SUMMARY|    #[0-9] )|runtime error' | head -30 | sed 's/^/    /'
			failed=$((failed + 1))
		fi
	}
	for t in "$ASAN_BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		sanitized "asan $(basename "$t")" "$t"
	done
	for t in ${SANITIZE_E2E:-batch.sh keys.sh bad_inputs.sh}; do
		[ -f "tests/e2e/$t" ] || continue
		sanitized "asan $t" env SOHOA="$ASAN_BUILD/sohoa" SOHOA_ASAN=1 sh "tests/e2e/$t"
	done
	for f in "$ASAN_BUILD"/fuzz/fuzz_*; do
		[ -x "$f" ] || continue
		n=$(basename "$f")
		sanitized "asan replay $n" sh -c "'$f' tests/fuzz/corpus/$n tests/fuzz/regress/$n && echo 'PASS: $n seeds and saved crashes'"
	done
	unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
	rm -rf "$reports"
fi
# Valgrind: one end-to-end `sohoa run` (tests/sanitize/valgrind.sh). VALGRIND=0 skips it.
if [ "${VALGRIND:-1}" != 0 ] && { [ -z "$ONLY" ] || [ "$ONLY" = valgrind ]; } && command -v valgrind >/dev/null 2>&1; then
	run_one "valgrind run" sh tests/sanitize/valgrind.sh
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
