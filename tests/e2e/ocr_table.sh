#!/bin/sh
# ocr_table: ruled appendix tables read by OCR must come back as table rows whose cells match the
# hand-checked truth in tests/fixtures/tables (rows paired by text with tests/e2e/ocr_table_eval.py,
# since each scan holds only part of its table):
#  - samples/s004-scan-typical.pdf: the table's first page, skewed and turned 180 degrees; it holds
#    rows 1, 2 and 4 (18 cells). Before OCR boxes were levelled: 0 rows paired (16 broken rows).
#  - samples/s003-scan-typical-p14.tif: a bitonal middle page of the 2021 plan (7 rows).
#    Before: 0 rows paired (22 broken rows).
. tests/lib.sh
EVAL="python3 tests/e2e/ocr_table_eval.py"
# one SAMPLE TRUTH MIN_MATCHED MIN_EXACT MAX_ROWS: at most MAX_ROWS table rows, of which at most one
# pairs with no truth row
one() {
	t=tests/fixtures/tables/$2
	s=samples/$1
	if [ ! -f "$t" ] || [ ! -f "$s" ]; then
		fail "ocr table $1" "$t or $s not found"
		return
	fi
	rm -rf "$TMP/x"
	if ! "$SOHOA" extract -q -o "$TMP/x" "$s" >"$TMP/err" 2>&1; then
		fail "ocr table $1: extract ran" "$(head -1 "$TMP/err")"
		return
	fi
	line=$($EVAL "$t" "$TMP/x/responsibilities.csv")
	set -- "$1" "$2" "$3" "$4" "$5" $(echo "$line" | sed 's/[a-z]*=//g; s|/| |')
	# $6 rows, $7 matched, $8 exact cells
	if [ "$6" -le "$5" ] && [ $(($6 - $7)) -le 1 ]; then
		pass "ocr table $1: at most $5 table rows, one unpaired ($line)"
	else
		fail "ocr table $1: at most $5 table rows, one unpaired" "$line"
	fi
	if [ "$7" -ge "$3" ] && [ "$8" -ge "$4" ]; then
		pass "ocr table $1: rows and cells match the truth ($line)"
	else
		fail "ocr table $1: rows and cells match the truth" "$line, want matched >= $3, exact >= $4"
	fi
}
one s004-scan-typical.pdf 004_appendix_2023.csv 3 10 3
one s003-scan-typical-p14.tif 003_plan_2021.csv 5 22 7
# the task ids of the s004 rows come from the number column, in order
if [ -f "$TMP/x/responsibilities.csv" ] && [ -f samples/s004-scan-typical.pdf ]; then
	"$SOHOA" extract -q -o "$TMP/y" samples/s004-scan-typical.pdf >/dev/null 2>&1
	ids=$(python3 -c 'import csv, sys
print("".join(r["task_id"] + " " for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")) if r["source"] == "table"), end="")' "$TMP/y/responsibilities.csv")
	case $ids in "1 2 4 ") pass "ocr table: s004 row numbers in order ($ids)" ;; *) fail "ocr table: s004 row numbers in order" "got '$ids'" ;; esac
fi
