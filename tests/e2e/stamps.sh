#!/bin/sh
# Stamps and notes on a page (ingest/stamp.h): an inbox stamp's closed frame on a scanned page and
# a typed note added as a PDF annotation are read with source "stamp" in the TSV and kept out of
# the normalized text; the body around them stays. Fixtures come from build/tools/mkfixtures.
. tests/lib.sh
make_fixtures
CER=$BUILD/tools/cer
if [ ! -s "$FX/stamp.truth.txt" ]; then
	fail "stamps: make fixtures" "$(head -c 200 "$TMP/mk.err")"
	exit 1
fi
if ! "$SOHOA" ingest -q "$FX/stamp.pdf" >/dev/null 2>"$TMP/err"; then
	echo "SKIP: stamps (no OCR: $(head -1 "$TMP/err"))"
	exit 0
fi

# the framed box under the number: its three lines are stamp lines, nothing else is
"$SOHOA" ingest -q --format tsv "$FX/stamp.pdf" -o "$TMP/stamp.tsv"
tab=$(printf '\t')
check "framed box: its lines have source stamp" \
	awk -F"$tab" '$7 == "stamp" && /TRUNG|nhận|41/ { n++ } END { exit n != 3 }' "$TMP/stamp.tsv"
check "framed box: no other line is a stamp" \
	awk -F"$tab" '$7 == "stamp" && !/TRUNG|nhận|41/ { bad = 1 } END { exit bad }' "$TMP/stamp.tsv"
check "framed box: the title beside it stays ocr" \
	awk -F"$tab" '$7 == "ocr" && /Nâng cao chất lượng/ { ok = 1 } END { exit !ok }' "$TMP/stamp.tsv"
"$SOHOA" normalize -q "$FX/stamp.pdf" -o "$TMP/stamp.txt"
check "framed box: its text is not in the normalized text" sh -c "! grep -q -e 'TRUNG TÂM' -e 'Tiếp nhận' -e 'quyển' '$TMP/stamp.txt'"
r=$("$CER" "$FX/stamp.truth.txt" "$TMP/stamp.txt")
if awk -v r="${r%% *}" 'BEGIN { exit !(r + 0 < 0.03) }'; then pass "framed box: the page's own text reads whole"
else fail "framed box: the page's own text reads whole" "CER $r"; fi
# the TSV read back keeps the stamp lines out too
"$SOHOA" normalize -q --tsv "$TMP/stamp.tsv" -o "$TMP/stamp-tsv.txt"
test_cmp "framed box: normalize --tsv gives the same text" "$TMP/stamp.txt" "$TMP/stamp-tsv.txt"

# a typed note added as a free-text annotation, read by OCR with the page
"$SOHOA" ingest -q --ocr always --format tsv "$FX/notes.pdf" -o "$TMP/notes.tsv"
check "note annotation: its line has source stamp" \
	awk -F"$tab" '$7 == "stamp" && /KHTC/ { n++ } $7 == "stamp" && !/KHTC/ { bad = 1 } END { exit bad || n != 1 }' "$TMP/notes.tsv"
"$SOHOA" normalize -q --ocr always "$FX/notes.pdf" -o "$TMP/notes.txt"
check "note annotation: not in the normalized text" sh -c "! grep -q KHTC '$TMP/notes.txt'"
check "note annotation: the body stays" grep -q "Công khai kết quả" "$TMP/notes.txt"

# the page without a stamp is left as it was
"$SOHOA" ingest -q --format tsv "$FX/scanlayer.pdf" -o "$TMP/plain.tsv"
check "a page without stamps has no stamp line" sh -c "! cut -f7 '$TMP/plain.tsv' | grep -q stamp"
