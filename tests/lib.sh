# Helpers for the shell tests in tests/e2e/*.sh. Each test prints PASS:/FAIL: lines.
# SOHOA is the binary under test; TMP a scratch folder removed at exit.
: "${BUILD:=build}"
SOHOA=${SOHOA:-$BUILD/sohoa}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass() { echo "PASS: $1"; }
# skip NAME WHY: a check that cannot run here (a tool missing): said as such, never as a pass
skip() { echo "SKIP: $1${2:+: $2}"; }
fail() { echo "FAIL: $1${2:+: $2}"; }
# check NAME CMD...: pass if CMD exits 0
check() { n=$1; shift; if "$@" >/dev/null 2>&1; then pass "$n"; else fail "$n"; fi; }
# test_cmp NAME EXPECTED ACTUAL: pass if files are equal, else show the first difference
test_cmp() {
	if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$2 and $3 differ"; diff -u "$2" "$3" | head -20 | sed 's/^/    /'; fi
}
# make_fixtures: build/tools/mkfixtures' files in $FX, made with private copies of sohoa and
# mkfixtures (others may relink the shared build while a test runs: retried while a relink is
# under way); afterwards SOHOA is the private copy. Returns 1 when the fixtures could not be made.
make_fixtures() {
	FX=$TMP/fx
	for i in 1 2 3 4 5 6; do
		rm -rf "$FX" && mkdir -p "$FX" &&
			cp "$SOHOA" "$TMP/sohoa" 2>/dev/null && cp "$BUILD/tools/mkfixtures" "$TMP/mkfixtures" 2>/dev/null &&
			"$TMP/sohoa" --version >/dev/null 2>&1 && "$TMP/mkfixtures" "$FX" 2>"$TMP/mk.err" && break
		sleep 5
	done
	SOHOA=$TMP/sohoa
	[ -s "$FX/born.truth.txt" ]
}
