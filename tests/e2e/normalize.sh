#!/bin/sh
# End-to-end tests of `sohoa normalize`: reflow of a seed document, standard input, TSV output
# with provenance, --tsv input from `sohoa ingest`, tone styles, a legacy 8-bit file named in -v,
# page separators, and NFC output.
. tests/lib.sh
SEEDS=${SEEDS:-tests/fixtures/seeds}
S3=$SEEDS/003_cb8fb6ae9e24c1df.txt
N="$SOHOA normalize --restore off"

$N "$S3" >"$TMP/s3.txt" 2>"$TMP/err"; rc=$?
check "normalize a seed exits 0" test $rc -eq 0
check "heading I. keeps its own line" grep -q '^I\. MỤC ĐÍCH, YÊU CẦU$' "$TMP/s3.txt"
check "numbered heading keeps its own line" grep -q '^1\. Mục đích$' "$TMP/s3.txt"
in_lines=$(grep -c '[^ ]' "$S3")
out_lines=$(wc -l <"$TMP/s3.txt")
check "lines joined into paragraphs ($out_lines from $in_lines)" test "$out_lines" -lt $((in_lines * 7 / 10))
check "a run-on sentence is one line" grep -q 'tập trung thực hiện các trọng tâm cải cách hành chính năm 2021 là:$' "$TMP/s3.txt"

$N - <"$S3" >"$TMP/stdin.txt" 2>/dev/null
test_cmp "standard input gives the same text" "$TMP/s3.txt" "$TMP/stdin.txt"

$N --format tsv "$S3" >"$TMP/s3.tsv" 2>/dev/null
check "tsv header" sh -c "head -1 '$TMP/s3.tsv' | grep -q '^page	line	page_end	line_end	text$'"
check "tsv rows have five columns" sh -c "awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }' '$TMP/s3.tsv'"
n=$(grep -n '^ *I\. MỤC ĐÍCH' "$S3" | head -1 | cut -d: -f1)
check "tsv map points at the source line ($n)" grep -q "^1	$n	1	$n	I\. MỤC ĐÍCH" "$TMP/s3.tsv"

printf 'Mục\tĐiểm\tGhi chú\n1.1\t2,5\tđạt\n' >"$TMP/table.txt"
check "table rows keep their tabs in text" sh -c "$N '$TMP/table.txt' 2>/dev/null | grep -q '^1.1	2,5	đạt$'"
check "tabs inside text do not add tsv columns" sh -c "$N --format tsv '$TMP/table.txt' 2>/dev/null | awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }'"

$SOHOA ingest --format tsv "$S3" >"$TMP/ingest.tsv" 2>/dev/null
$N --tsv "$TMP/ingest.tsv" >"$TMP/fromtsv.txt" 2>/dev/null
test_cmp "--tsv input gives the same text" "$TMP/s3.txt" "$TMP/fromtsv.txt"

printf 'Cộng hòa, thủy lợi, khỏe mạnh, ủy ban, hoàn thành\n' >"$TMP/tone.txt"
check "--tone new" sh -c "$N --tone new '$TMP/tone.txt' 2>/dev/null | grep -qx 'Cộng hoà, thuỷ lợi, khoẻ mạnh, uỷ ban, hoàn thành'"
printf 'Cộng hoà, thuỷ lợi, khoẻ mạnh, uỷ ban, hoàn thành\n' >"$TMP/tone2.txt"
check "--tone old" sh -c "$N --tone old '$TMP/tone2.txt' 2>/dev/null | grep -qx 'Cộng hòa, thủy lợi, khỏe mạnh, ủy ban, hoàn thành'"
check "--tone keep leaves both" sh -c "$N '$TMP/tone2.txt' 2>/dev/null | grep -qx 'Cộng hoà, thuỷ lợi, khoẻ mạnh, uỷ ban, hoàn thành'"

# TCVN3 bytes ("Cộng hòa xã hội chủ nghĩa Việt Nam"), as an old .txt file would hold them.
printf 'C\351ng h\337a x\267 h\351i ch\361 ngh\334a Vi\326t Nam\n' >"$TMP/tcvn3.txt"
$N -v "$TMP/tcvn3.txt" >"$TMP/tcvn3.out" 2>"$TMP/tcvn3.err"
check "TCVN3 file converted" grep -qx 'Cộng hòa xã hội chủ nghĩa Việt Nam' "$TMP/tcvn3.out"
check "-v names the detected encoding" grep -q 'encoding tcvn3' "$TMP/tcvn3.err"
# VNI bytes.
printf 'Co\344ng ho\370a xa\365 ho\344i chu\373 ngh\363a Vie\344t Nam\n' >"$TMP/vni.txt"
check "VNI file converted" sh -c "$N '$TMP/vni.txt' 2>/dev/null | grep -qx 'Cộng hòa xã hội chủ nghĩa Việt Nam'"

printf 'Trang một có nội dung.\n\fTrang hai có nội dung.\n' >"$TMP/pages.txt"
check "a form feed where the source page changes" sh -c "$N '$TMP/pages.txt' 2>/dev/null | grep -c \"\$(printf '\f')\" | grep -qx 1"

# Decomposed input comes out NFC (uconv is ICU's command-line tool).
printf 'Vie\314\202\314\243t Nam, ho\314\200a bi\314\200nh\n' >"$TMP/nfd.txt"
check "decomposed input becomes NFC" sh -c "$N '$TMP/nfd.txt' 2>/dev/null | grep -qx 'Việt Nam, hòa bình'"
if command -v uconv >/dev/null 2>&1; then
	uconv -x nfc <"$TMP/s3.txt" >"$TMP/s3.nfc"
	test_cmp "seed output is NFC (uconv -x nfc leaves it alone)" "$TMP/s3.txt" "$TMP/s3.nfc"
else
	skip "seed output is NFC" "uconv missing"
fi
