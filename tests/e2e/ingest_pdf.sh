#!/bin/sh
# sohoa ingest on born-digital PDFs: the text comes back as laid out (reading order, joined
# diacritics), TSV columns are right, pages run in parallel with the same result, the per-page
# decision shows with -v, stale OCR layers go to OCR. Fixtures come from build/tools/mkfixtures;
# the samples/*-born.pdf with their truth are checked when present.
. tests/lib.sh
make_fixtures
if [ ! -s "$FX/born.truth.txt" ]; then
	fail "pdf: make fixtures" "$(head -c 200 "$TMP/mk.err")"
	exit 1
fi

# Text: exactly the expected lines, pages split by form feeds.
"$SOHOA" ingest "$FX/born.pdf" -o "$TMP/born.txt" 2>"$TMP/born.err"
check "pdf: born-digital exits 0" test $? -eq 0
test_cmp "pdf: born-digital text in reading order" "$FX/born.truth.txt" "$TMP/born.txt"
check "pdf: nothing on stderr" test ! -s "$TMP/born.err"
check "pdf: three pages" test "$(tr -cd '\f' <"$TMP/born.txt" | wc -c)" -eq 2

# Same output whatever the number of workers.
"$SOHOA" ingest "$FX/born.pdf" --jobs 1 --format tsv -o "$TMP/j1.tsv" 2>/dev/null
"$SOHOA" ingest "$FX/born.pdf" --jobs 3 --format tsv -o "$TMP/j3.tsv" 2>/dev/null
test_cmp "pdf: --jobs 3 equals --jobs 1" "$TMP/j1.tsv" "$TMP/j3.tsv"

# Page selection.
"$SOHOA" ingest "$FX/born.pdf" --pages 2-3 -o "$TMP/p23.txt" 2>/dev/null
awk 'BEGIN{RS="\f"} NR>1{printf "%s%s", (NR>2?"\f":""), $0}' "$FX/born.truth.txt" >"$TMP/p23.want"
test_cmp "pdf: --pages 2-3" "$TMP/p23.want" "$TMP/p23.txt"
"$SOHOA" ingest "$FX/born.pdf" --pages 9 >/dev/null 2>"$TMP/p9.err"
check "pdf: --pages outside the document exits 1" test $? -eq 1

# TSV: the header, ten fields a row, sources, boxes inside the page, letterhead halves.
T=$TMP/j1.tsv
check "tsv: header" test "$(head -1 "$T")" = "$(printf 'page\tline\tx0\ty0\tx1\ty1\tsource\tconfidence\tdecision\ttext')"
check "tsv: ten fields every row" test "$(awk -F'\t' 'NF != 10' "$T" | wc -l)" -eq 0
check "tsv: one row per line" test "$(($(wc -l <"$T") - 1))" -eq "$(tr -d '\f' <"$FX/born.truth.txt" | wc -l)"
check "tsv: source pdf, no confidence" test "$(awk -F'\t' 'NR>1 && ($7 != "pdf" || $8 != "")' "$T" | wc -l)" -eq 0
check "tsv: decision text layer ok" test "$(awk -F'\t' 'NR>1 && $9 != "text layer ok"' "$T" | wc -l)" -eq 0
check "tsv: boxes inside an A4 page" test "$(awk -F'\t' 'NR>1 && !($3 >= 0 && $3 < $5 && $5 <= 595 && $4 >= 0 && $4 < $6 && $6 <= 842)' "$T" | wc -l)" -eq 0
check "tsv: line numbers count up per page" test "$(awk -F'\t' 'NR>1 { if ($1 != p) { p = $1; n = 0 } if ($2 != ++n) bad++ } END { print bad + 0 }' "$T")" -eq 0
check "tsv: issuer left of the gutter" test "$(awk -F'\t' '$10 == "UBND TỈNH AN BÌNH" && $5 < 297' "$T" | wc -l)" -eq 1
check "tsv: motto right of the gutter" test "$(awk -F'\t' '$10 == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" && $3 > 297' "$T" | wc -l)" -eq 1
check "tsv: signer name below the title" test "$(awk -F'\t' '$10 == "GIÁM ĐỐC" { g = $4 } $10 == "Nguyễn Văn An" { n = $4 } END { print (n > g + 40) }' "$T")" -eq 1

# -v shows each page's decision.
"$SOHOA" ingest "$FX/born.pdf" -v >/dev/null 2>"$TMP/v.err"
check "pdf: -v logs page decisions" test "$(grep -c 'page [123]: text layer ok (pdf' "$TMP/v.err")" -eq 3

# A page image under a text layer without diacritics: kept with --ocr never, OCR'd in auto.
"$SOHOA" ingest "$FX/scanlayer.pdf" --ocr never --format tsv -o "$TMP/sl.tsv" 2>/dev/null
check "scan layer: --ocr never keeps the pdf text" test "$(awk -F'\t' 'NR==2 { print $7 }' "$TMP/sl.tsv")" = pdf
check "scan layer: decision says without diacritics" grep -q 'without diacritics' "$TMP/sl.tsv"
if timeout 120 "$SOHOA" ingest "$FX/scanlayer.pdf" --dpi 150 --format tsv -o "$TMP/slo.tsv" 2>"$TMP/slo.err"; then
	check "scan layer: auto sends the page to ocr" test "$(awk -F'\t' 'NR==2 { print $7 }' "$TMP/slo.tsv")" = ocr
	check "scan layer: ocr brings the diacritics back" grep -q 'HOẠCH' "$TMP/slo.tsv"
else
	fail "scan layer: auto ocr" "$(head -c 200 "$TMP/slo.err")"
fi
timeout 120 "$SOHOA" ingest "$FX/born.pdf" --pages 3 --ocr always --dpi 150 --format tsv -o "$TMP/al.tsv" 2>/dev/null
check "pdf: --ocr always reads a text page by ocr" test "$(awk -F'\t' 'NR==2 { print $7 }' "$TMP/al.tsv")" = ocr

# The born-digital samples: the same words as their truth (whitespace folded; tables may read in
# another order), and for the prose documents nearly the same order.
words() { tr -s ' \t\n\f' '\n\n\n\n' <"$1" | grep -v '^$'; }
for pdf in samples/s0*-born.pdf; do
	[ -f "$pdf" ] || continue
	b=$(basename "$pdf" .pdf)
	truth=samples/$b.truth.txt
	[ -f "$truth" ] || continue
	"$SOHOA" ingest "$pdf" -o "$TMP/$b.txt" 2>/dev/null || { fail "sample $b: ingest"; continue; }
	words "$truth" | sort >"$TMP/$b.want"
	words "$TMP/$b.txt" | sort >"$TMP/$b.got"
	test_cmp "sample $b: same words as the truth" "$TMP/$b.want" "$TMP/$b.got"
	if [ -f "samples/$b.table.csv" ]; then continue; fi
	words "$truth" >"$TMP/$b.wseq"
	words "$TMP/$b.txt" >"$TMP/$b.gseq"
	n=$(wc -l <"$TMP/$b.wseq")
	moved=$(diff "$TMP/$b.wseq" "$TMP/$b.gseq" | grep -c '^>')
	check "sample $b: words in order ($moved of $n moved)" test $((moved * 100)) -le "$n"
done

# TCVN3 bytes in a legacy font: the text layer is kept (not OCR'd) with its encoding named, and
# `sohoa run` hands it to normalize, which converts it.
"$SOHOA" ingest "$FX/legacy.pdf" --format tsv -o "$TMP/leg.tsv" 2>/dev/null
check "legacy font: kept as pdf text" test "$(awk -F'\t' 'NR==2 { print $7 }' "$TMP/leg.tsv")" = pdf
check "legacy font: decision names tcvn3 and the font" grep -q "legacy tcvn3 .*font .VnTime" "$TMP/leg.tsv"
timeout 120 "$SOHOA" run "$FX/legacy.pdf" -o "$TMP/leg" -q 2>/dev/null
ok=1
while IFS= read -r l; do grep -qF "$l" "$TMP/leg/legacy.pdf.txt" 2>/dev/null || ok=0; done <"$FX/legacy.truth.txt"
check "legacy font: run converts it to the Unicode text" test $ok -eq 1

# Glyphs whose text layer is private-use garbage (a broken ToUnicode map): there is no image, but
# the glyphs draw the right shapes, so auto renders and OCRs the page.
"$SOHOA" ingest "$FX/garbage.pdf" --ocr never --format tsv -o "$TMP/gb0.tsv" 2>/dev/null
check "garbage layer: classified garbage" grep -q 'garbage text' "$TMP/gb0.tsv"
timeout 120 "$SOHOA" ingest "$FX/garbage.pdf" --dpi 150 --format tsv -o "$TMP/gb.tsv" 2>/dev/null
check "garbage layer: auto reads it by ocr" test "$(awk -F'\t' 'NR==2 { print $7 }' "$TMP/gb.tsv")" = ocr
check "garbage layer: ocr gives the shown text" grep -q 'phụ lục' "$TMP/gb.tsv"

# Text converted to curves: no text layer and no image, but hundreds of filled glyph shapes, so
# auto renders and OCRs the page.
timeout 120 "$SOHOA" ingest "$FX/outlined.pdf" --dpi 150 --format tsv -o "$TMP/ol.tsv" 2>/dev/null
check "outlined text: auto reads it by ocr" test "$(awk -F'\t' 'NR==2 { print $7 }' "$TMP/ol.tsv")" = ocr
check "outlined text: decision counts the shapes" grep -q 'no text layer, [0-9]* filled shapes; ocr' "$TMP/ol.tsv"
check "outlined text: ocr gives the drawn text" grep -q 'phụ lục' "$TMP/ol.tsv"
