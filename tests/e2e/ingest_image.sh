#!/bin/sh
# Image inputs end to end: PNG, JPEG, PNM, multi-page TIFF, page selection, TSV, bad images.
# OCR text is compared with the truth by character error rate (build/tools/cer), never byte for byte.
. tests/lib.sh
F=tests/fixtures/ocr
CER=$BUILD/tools/cer
# cer_below NAME TRUTH OUTPUT MAX: pass if the CER of OUTPUT against TRUTH is under MAX
cer_below() {
	r=$("$CER" "$2" "$3" 2>&1)
	if [ -n "$r" ] && awk -v r="${r%% *}" -v m="$4" 'BEGIN { exit !(r + 0 < m + 0) }'; then
		pass "$1"
	else
		fail "$1" "CER $r (limit $4)"
	fi
}

for f in scan200.png scan200.jpg; do
	if $SOHOA ingest -q --jobs 1 "$F/$f" -o "$TMP/$f.txt"; then pass "ingest $f"; else fail "ingest $f"; fi
	cer_below "$f text close to the truth" "$F/scan200.txt" "$TMP/$f.txt" 0.02
done

$SOHOA ingest -q "$F/strip.pbm" -o "$TMP/strip.txt"
cer_below "pbm (P4) reads" "$F/strip.txt" "$TMP/strip.txt" 0.02

# multi-page TIFF: one page each, a form feed between, in order, with two workers
$SOHOA ingest -q --jobs 2 "$F/multi.tif" -o "$TMP/multi.txt"
check "multi-page tiff gives two pages" test "$(tr -cd '\f' <"$TMP/multi.txt" | wc -c)" -eq 1
awk 'BEGIN { RS = "\f" } NR == 1' "$TMP/multi.txt" >"$TMP/m1.txt"
awk 'BEGIN { RS = "\f" } NR == 2' "$TMP/multi.txt" >"$TMP/m2.txt"
cer_below "tiff page 1 is the first page" "$F/multi-1.txt" "$TMP/m1.txt" 0.02
cer_below "tiff page 2 is the second page" "$F/multi-2.txt" "$TMP/m2.txt" 0.02

$SOHOA ingest -q --pages 2 --format tsv "$F/multi.tif" -o "$TMP/p2.tsv"
check "--pages 2 keeps only page 2" test "$(awk -F'\t' 'NR > 1 { print $1 }' "$TMP/p2.tsv" | sort -u)" = 2
check "tsv rows say ocr with a confidence" awk -F'\t' 'NR > 1 && ($7 != "ocr" || $8 == "" || $8 + 0 <= 0 || $8 + 0 > 100) { bad = 1 } END { exit bad || NR < 5 }' "$TMP/p2.tsv"
check "tsv boxes are in points inside a 200 dpi page" awk -F'\t' 'NR > 1 && ($3 < 0 || $5 > 1654 * 72 / 200 + 1 || $3 >= $5 || $4 >= $6) { bad = 1 } END { exit bad }' "$TMP/p2.tsv"

# bad images: one clear line naming the file, exit 1, never a crash
head -c 3000 "$F/scan200.png" >"$TMP/cut.png"
$SOHOA ingest "$TMP/cut.png" >/dev/null 2>"$TMP/err"; rc=$?
check "truncated png exits 1" test $rc -eq 1
check "truncated png error names the file" grep -q "cut.png" "$TMP/err"
check "truncated png error is one line" test "$(wc -l <"$TMP/err")" -eq 1
printf 'P5\n99999 99999\n255\n' >"$TMP/huge.pgm"
head -c 5000 /dev/zero >>"$TMP/huge.pgm"
$SOHOA ingest "$TMP/huge.pgm" >/dev/null 2>"$TMP/err"; rc=$?
check "image over the default pixel limit exits 1" test $rc -eq 1
check "pixel limit error names the file and the option" grep -q "huge.pgm.*--max-pixels" "$TMP/err"
$SOHOA ingest --max-pixels 1000000 "$F/scan200.png" >/dev/null 2>"$TMP/err"; rc=$?
check "--max-pixels refuses a bigger page" test $rc -eq 1
check "--max-pixels error names the file" grep -q "scan200.png" "$TMP/err"
printf 'II*\0garbage that is not a tiff at all' >"$TMP/bad.tif"
$SOHOA ingest "$TMP/bad.tif" >/dev/null 2>"$TMP/err"; rc=$?
check "corrupt tiff exits 1 naming the file" sh -c "test $rc -eq 1 && grep -q bad.tif '$TMP/err'"

# speckles read as words are dropped: no blank lines in the text of the JPEG page
check "no blank OCR lines" sh -c "! grep -q '^[[:space:]]*\$' '$TMP/scan200.jpg.txt'"
# sizes Leptonica refuses to hold are still reported as sizes, and a truncated JPEG stays quiet
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\177\377\377\377\177\377\377\377\010\000\000\000\000\000\000\000\000IEND' >"$TMP/giant.png"
$SOHOA ingest "$TMP/giant.png" >/dev/null 2>"$TMP/err"; rc=$?
check "2^31-pixel-wide png is a pixel-limit error" sh -c "test $rc -eq 1 && grep -q 'giant.png.*--max-pixels' '$TMP/err'"
head -c 20000 "$F/scan200.jpg" >"$TMP/cut.jpg"
$SOHOA ingest "$TMP/cut.jpg" >/dev/null 2>"$TMP/err"; rc=$?
check "truncated jpeg: one line naming the file, exit 1" sh -c "test $rc -eq 1 && test \$(wc -l <'$TMP/err') -eq 1 && grep -q cut.jpg '$TMP/err'"
