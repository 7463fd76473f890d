#!/bin/sh
# ocr_table: a ruled appendix table read from a scan (samples/s004-scan-typical.pdf, the table page
# read by OCR, skewed and turned 180 degrees) must come back as table rows whose cells match the
# hand-checked truth (../shared/tables/004_appendix_2023.csv, compared by bench/extract_tables.py).
# The scan holds the table's first page only: rows 1, 2 and 4 (18 cells of the truth's 150).
# Before OCR boxes were levelled and given baseline heights: 4 cells; the bar is 10.
. tests/lib.sh
T=../shared/tables/004_appendix_2023.csv
S=samples/s004-scan-typical.pdf
if [ ! -f "$T" ] || [ ! -f "$S" ]; then
	pass "ocr table (skipped: $T or $S not found)"
	exit 0
fi
if ! "$SOHOA" extract -q -o "$TMP/x" "$S" >"$TMP/err" 2>&1; then
	fail "ocr table: extract ran" "$(head -1 "$TMP/err")"
	exit 0
fi
pass "ocr table: extract ran"
line=$(python3 bench/extract_tables.py "$T" "$TMP/x/responsibilities.csv")
cells=$(echo "$line" | sed -n 's/.*cells=\([0-9]*\)\/.*/\1/p')
tr -d '\r' <"$TMP/x/responsibilities.csv" >"$TMP/r.csv"
rows=$(grep -c ',table$' "$TMP/r.csv")
if [ "${cells:-0}" -ge 10 ]; then pass "ocr table: cells match the truth ($line)"; else fail "ocr table: cells match the truth" "$line, want cells >= 10"; fi
if [ "$rows" -eq 3 ]; then pass "ocr table: rows 1, 2, 4 rebuilt ($rows table rows)"; else fail "ocr table: rows 1, 2, 4 rebuilt" "$rows table rows"; fi
# the task ids of the rows come from the number column, in order
ids=$(awk -F, '$NF == "table" { printf "%s ", $2 }' "$TMP/r.csv")
case $ids in "1 2 4 "*) pass "ocr table: row numbers in order ($ids)" ;; *) fail "ocr table: row numbers in order" "got '$ids'" ;; esac
