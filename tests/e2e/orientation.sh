#!/bin/sh
# Small text and orientation on OCR pages (issue 13): a page photo or low-resolution image is
# enlarged to a text size Tesseract reads, orientation never makes a page worse, and a page read
# with a low confidence says so. Fixtures (tests/fixtures/ocr): small80.jpg is scan200.png
# scaled to 40% (80 dpi, letters ~10 pixels high), small80-180.jpg the same turned 180 degrees,
# blurred.jpg the top of scan200.png blurred past reading (Pillow BoxBlur radius 7 then 5, JPEG
# quality 75, 200 dpi).
# Before the enlargement both small pages were turned the wrong way and read as junk (CER 0.80).
. tests/lib.sh
F=tests/fixtures/ocr
CER=$BUILD/tools/cer
[ -x "$CER" ] || { echo "SKIP: orientation: $CER not built"; exit 0; }

for f in small80 small80-180; do
	"$SOHOA" ingest -v --format tsv "$F/$f.jpg" -o "$TMP/$f.tsv" 2>"$TMP/$f.err"
	check "$f: ingest exits 0" test $? -eq 0
	awk -F'\t' 'NR > 1 { print $10 }' "$TMP/$f.tsv" >"$TMP/$f.txt"
	r=$("$CER" "$F/scan200.txt" "$TMP/$f.txt")
	if awk -v r="${r%% *}" 'BEGIN { exit !(r + 0 < 0.12) }'; then pass "$f: read upright"; else fail "$f: read upright" "CER $r"; fi
	check "$f: decision says the text was enlarged" grep -q "small text enlarged" "$TMP/$f.tsv"
	check "$f: -v says it on stderr" grep -q "small text enlarged" "$TMP/$f.err"
	check "$f: not flagged low confidence" test "$(grep -c 'low OCR confidence' "$TMP/$f.tsv")" -eq 0
done
check "small80-180: turned 180 degrees" grep -q "turned 180 degrees" "$TMP/small80-180.tsv"
check "small80: not turned" test "$(grep -c 'turned 180 degrees to upright' "$TMP/small80.tsv")" -eq 0

"$SOHOA" ingest -v --format tsv "$F/blurred.jpg" -o "$TMP/blur.tsv" 2>"$TMP/blur.err"
check "blurred: ingest exits 0" test $? -eq 0
check "blurred: decision flags low confidence" grep -q "low OCR confidence (mean [0-9]*)" "$TMP/blur.tsv"
check "blurred: -v says it on stderr" grep -q "low OCR confidence" "$TMP/blur.err"
