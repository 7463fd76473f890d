#!/bin/sh
# Bad PDF input to sohoa ingest: each case gives one clear error line naming the file (and page),
# exit 1, no crash and no hang; a truncated file is repaired; `sohoa run` with a good and a bad
# input still processes the good one. Fixtures come from build/tools/mkfixtures.
. tests/lib.sh
make_fixtures
LIMIT=${BAD_TIMEOUT:-60}
if [ ! -s "$FX/born.truth.txt" ]; then
	fail "bad pdf: make fixtures" "$(head -c 200 "$TMP/mk.err")"
	exit 1
fi
: >"$FX/zero.pdf"

# bad NAME FILE PATTERN [OPTIONS...]: exit 1, one stderr line naming FILE and matching PATTERN.
bad() {
	name=$1 file=$2 pat=$3
	shift 3
	timeout "$LIMIT" "$SOHOA" ingest "$file" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc -eq 124 ]; then fail "$name: no hang"; return; fi
	if [ $rc -ge 128 ]; then fail "$name: no crash" "signal $((rc - 128))"; return; fi
	check "$name: exit 1" test $rc -eq 1
	check "$name: one error line" test "$(wc -l <"$TMP/err")" -eq 1
	if grep -q -- "$file" "$TMP/err" && grep -q -- "$pat" "$TMP/err"; then pass "$name: message names the file and the cause"
	else fail "$name: message names the file and the cause" "$(head -c 200 "$TMP/err")"; fi
}

bad "missing file" "$FX/nothere.pdf" "No such file"
bad "empty file" "$FX/zero.pdf" "empty"
bad "not a PDF despite .pdf" "$FX/notpdf.pdf" "not a PDF"
bad "corrupt PDF" "$FX/corrupt.pdf" "cannot open"
bad "encrypted, no password" "$FX/encrypted.pdf" "encrypted: give --password"
bad "encrypted, wrong password" "$FX/encrypted.pdf" "wrong password" --password nope
bad "zero pages" "$FX/empty.pdf" "has no pages"
bad "over --max-pages" "$FX/born.pdf" "over the limit of 2" --max-pages 2
bad "page raster over --max-pixels" "$FX/born.pdf" "page 1: .*over the limit" --ocr always --pages 1 --max-pixels 10000

# The right password opens it.
"$SOHOA" ingest "$FX/encrypted.pdf" --password secret -o "$TMP/enc.txt" 2>/dev/null
check "encrypted, right password: exit 0" test $? -eq 0
test_cmp "encrypted, right password: the text" "$FX/born.truth.txt" "$TMP/enc.txt"

# Truncated before its cross-reference table: repaired, all text back, a warning.
timeout "$LIMIT" "$SOHOA" ingest "$FX/truncated.pdf" -o "$TMP/trunc.txt" 2>"$TMP/trunc.err"
check "truncated PDF: repaired, exit 0" test $? -eq 0
test_cmp "truncated PDF: the text comes back" "$FX/born.truth.txt" "$TMP/trunc.txt"
check "truncated PDF: warns that it was repaired" grep -q "truncated.pdf.*repaired" "$TMP/trunc.err"
# Cut in half: whatever repair finds, no crash and no hang.
timeout "$LIMIT" "$SOHOA" ingest "$FX/half.pdf" >/dev/null 2>&1
rc=$?
check "half a PDF: read safely or refused (exit $rc)" test $rc -le 1

# A batch with good and bad inputs: the good one is processed, the run exits 1 naming the bad.
timeout $((LIMIT * 2)) "$SOHOA" run "$FX/born.pdf" "$FX/corrupt.pdf" "$FX/encrypted.pdf" -o "$TMP/run" -q \
	>/dev/null 2>"$TMP/run.err"
check "run good + bad: exit 1" test $? -eq 1
check "run good + bad: good document written" test -s "$TMP/run/born.pdf.txt"
check "run good + bad: corrupt file named" grep -q "corrupt.pdf" "$TMP/run.err"
check "run good + bad: encrypted file named" grep -q "encrypted.pdf" "$TMP/run.err"
