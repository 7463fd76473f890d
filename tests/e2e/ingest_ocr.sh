#!/bin/sh
# The OCR engine end to end: missing language data, pages turned 90 and 180 degrees.
. tests/lib.sh
F=tests/fixtures/ocr
CER=$BUILD/tools/cer

$SOHOA ingest --tessdata /nonexistent "$F/strip.pbm" >/dev/null 2>"$TMP/err"; rc=$?
check "missing traineddata exits 1" test $rc -eq 1
check "missing traineddata names the package" grep -q "tesseract-ocr-vie" "$TMP/err"
check "missing traineddata names the file" grep -q "strip.pbm" "$TMP/err"
check "missing traineddata is one line" test "$(wc -l <"$TMP/err")" -eq 1
mkdir "$TMP/tessdata"
echo "not a model" >"$TMP/tessdata/eng.traineddata"
$SOHOA ingest --tessdata "$TMP/tessdata" "$F/strip.pbm" >/dev/null 2>"$TMP/err"; rc=$?
check "fake tessdata folder exits 1 naming the package" sh -c "test $rc -eq 1 && grep -q tesseract-ocr-vie '$TMP/err'"
$SOHOA ingest --tessdata "$TMP/tessdata" --lang eng "$F/strip.pbm" >/dev/null 2>"$TMP/err"; rc=$?
check "corrupt traineddata exits 1 with an error" sh -c "test $rc -eq 1 && grep -q 'cannot load.*tesseract-ocr-eng' '$TMP/err'"

for f in rot90 rot180; do
	$SOHOA ingest -q --format tsv "$F/$f.png" -o "$TMP/$f.tsv"
	awk -F'\t' 'NR > 1 { print $10 }' "$TMP/$f.tsv" >"$TMP/$f.txt"
	r=$("$CER" "$F/rot.txt" "$TMP/$f.txt")
	if awk -v r="${r%% *}" 'BEGIN { exit !(r + 0 < 0.03) }'; then pass "$f page comes out readable"; else fail "$f page comes out readable" "CER $r"; fi
	check "$f page lines go top down in the upright page" awk -F'\t' 'NR > 2 && $4 + $6 <= py { bad = 1 } NR > 1 { py = $4 + $6 } END { exit bad }' "$TMP/$f.tsv"
done

# a letterhead: OCR lines take the PDF reading order, issuer column before the motto column
$SOHOA ingest -q "$F/letterhead.png" -o "$TMP/lh.txt"
r=$("$CER" "$F/letterhead.txt" "$TMP/lh.txt")
if awk -v r="${r%% *}" 'BEGIN { exit !(r + 0 < 0.03) }'; then pass "letterhead reads column by column"; else fail "letterhead reads column by column" "CER $r"; fi
check "issuer lines before the motto" awk '/SỞ Y TẾ/ && !m { s = NR } /CỘNG HÒA/ { m = NR } END { exit !(s && m && s < m) }' "$TMP/lh.txt"
