#!/bin/sh
# sohoa run --pdf (issue 14): OUTDIR/<key>.pdf for each PDF and image input (none for text), the
# same text layer as `sohoa pdf` gives for the file alone, valid for qpdf; nothing left in the
# temporary folder; a second run keeps them; a missing PDF makes its document be redone.
. tests/lib.sh
S=samples
for t in qpdf pdftotext; do
	if ! command -v $t >/dev/null 2>&1; then
		skip "run --pdf" "$t missing; make deps"
		exit 0
	fi
done
OUT=$TMP/out
IN="$S/s003-scan-typical-p14.tif $S/s002-born.pdf $S/s000-stripped.txt"
# shellcheck disable=SC2086
if "$SOHOA" run $IN -o "$OUT" --pdf -q; then pass "run --pdf: exit 0"; else fail "run --pdf: exit 0"; fi
check "run --pdf: image's PDF" test -s "$OUT/s003-scan-typical-p14.tif.pdf"
check "run --pdf: PDF's PDF" test -s "$OUT/s002-born.pdf.pdf"
check "run --pdf: no PDF of a text file" test ! -e "$OUT/s000-stripped.txt.pdf"
check "run --pdf: the .txt as without --pdf" test -s "$OUT/s003-scan-typical-p14.tif.txt"
left=$(find "$OUT" -name '*.tmp.*' -o -path '*/.sohoa/tmp/*' | wc -l)
if [ "$left" -eq 0 ]; then pass "run --pdf: no temporary files left"; else fail "run --pdf: no temporary files left" "$left"; fi
for k in s003-scan-typical-p14.tif s002-born.pdf; do
	check "run --pdf: $k.pdf passes qpdf --check" qpdf --check "$OUT/$k.pdf"
	"$SOHOA" pdf "$S/$k" "$TMP/one.pdf" -q
	pdftotext -raw "$TMP/one.pdf" "$TMP/one.txt"
	pdftotext -raw "$OUT/$k.pdf" "$TMP/batch.txt"
	if [ -s "$TMP/batch.txt" ] && cmp -s "$TMP/one.txt" "$TMP/batch.txt"; then
		pass "run --pdf: $k layer as sohoa pdf's"
	else
		fail "run --pdf: $k layer as sohoa pdf's"
	fi
done
# shellcheck disable=SC2086
"$SOHOA" run $IN -o "$OUT" --pdf 2>"$TMP/again"
check "run --pdf: second run keeps all" grep -q "0 documents ok, 0 partial, 0 failed, 3 kept" "$TMP/again"
rm "$OUT/s003-scan-typical-p14.tif.pdf"
# shellcheck disable=SC2086
"$SOHOA" run $IN -o "$OUT" --pdf 2>"$TMP/again"
check "run --pdf: a missing PDF is redone" grep -q "1 documents ok, 0 partial, 0 failed, 2 kept" "$TMP/again"
check "run --pdf: its PDF is back" test -s "$OUT/s003-scan-typical-p14.tif.pdf"
