#!/bin/sh
# extract: the five CSVs of each seed against the hand-written goldens in tests/golden/extract/,
# compared field by field (tests/e2e/extract_eval.py); a failure shows the differing rows.
. tests/lib.sh
SEEDS=${SEEDS:-tests/fixtures/seeds}
G=tests/golden/extract
EVAL="python3 tests/e2e/extract_eval.py"

if [ ! -d "$SEEDS" ]; then
	fail "extract seeds" "$SEEDS not found"
	exit 1
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
	for k in scores criteria schemes responsibilities documents references; do
		check "extract $seed $k.csv is rectangular CSV" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
sys.exit(0 if rows and all(len(r) == len(rows[0]) for r in rows) else 1)' "$TMP/$seed/$k.csv"
	done
	# the seeds define no scoring scheme: schemes.csv holds its header alone
	n=$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))))' "$TMP/$seed/schemes.csv" 2>/dev/null)
	if [ "$n" = 0 ]; then pass "extract $seed schemes.csv has no rows"; else fail "extract $seed schemes.csv has no rows" "$n rows"; fi
	if [ "$seed" = 001 ]; then
		# seed 001 is a real scan read without Vietnamese: once normalize restores it (documents.csv
		# counts restored lines) the issue's bar for it holds (95%); without the language model
		# (restored 0) the raw text is held to lower floors
		restored=$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding="utf-8"))); print(r[0]["restored"] if r else 0)' "$TMP/001/documents.csv" 2>/dev/null)
		if [ "${restored:-0}" -gt 0 ]; then
			eval_kind 001 scores 0.95 0.95 0.60
			eval_kind 001 references 0.95 0.95 0.50
		else
			echo "note: seed 001 not restored (no language model?): raw-text floors"
			eval_kind 001 scores 0.80 0.85 0.60
			eval_kind 001 references 0.50 0.45 0.50
		fi
		eval_kind 001 documents 1 1 0.30
	else
		eval_kind "$seed" scores 0.98 0.98 0.60
		eval_kind "$seed" references 0.98 0.98 0.95
		eval_kind "$seed" documents 1 1 0.90
		eval_kind "$seed" criteria 0.90 0.90 0.80
		eval_kind "$seed" responsibilities 0.90 0.90 0.70
	fi
done

# a made-up plan with targets, results, a scoring scheme (maxima, rules, bonus, penalty, bands),
# a formula, an award quota and a footnote: every scheme row and every measurement, nothing else
mkdir -p "$TMP/fx"
if "$SOHOA" extract -q -o "$TMP/fx" tests/fixtures/extract/scheme_plan.txt >/dev/null 2>"$TMP/fx.err"; then
	for k in schemes scores; do
		line=$($EVAL "$k" "$G/scheme_plan.$k.csv" "$TMP/fx/$k.csv")
		ok=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			split(v["fields"], fr, "/"); print (v["precision"] == 1 && v["recall"] == 1 && fr[1] == fr[2]) ? "yes" : "no" }')
		if [ "$ok" = yes ]; then
			pass "extract scheme_plan $k ($line)"
		else
			fail "extract scheme_plan $k" "$line"
			$EVAL "$k" "$G/scheme_plan.$k.csv" "$TMP/fx/$k.csv" --diff 10 | tail -n +2 | sed 's/^/    /'
		fi
	done
else
	fail "extract scheme_plan runs" "$(head -3 "$TMP/fx.err")"
fi

# born-digital sample PDFs (positions from the PDF ingest): the seed tables rebuilt cell by cell
# against tests/fixtures/tables, and the figures and citations of each seed found again (line numbers
# differ from the text seed, so they are left out of the comparison)
for n in 000 002 003 004; do
	pdf=samples/s$n-born.pdf
	[ -f "$pdf" ] || continue
	mkdir -p "$TMP/p$n"
	if ! "$SOHOA" extract -q -o "$TMP/p$n" "$pdf" >/dev/null 2>"$TMP/p$n.err"; then
		fail "extract $pdf runs" "$(head -3 "$TMP/p$n.err")"
		continue
	fi
	for k in scores references; do
		present=
		[ -f "samples/s$n-born.truth.txt" ] && present="--present-in samples/s$n-born.truth.txt"
		line=$($EVAL "$k" "$G/$n.$k.csv" "$TMP/p$n/$k.csv" --loose $present)
		ok=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			print (v["precision"] >= 0.95 && v["recall"] >= 0.95) ? "yes" : "no" }')
		if [ "$ok" = yes ]; then
			pass "extract $pdf $k ($line)"
		else
			fail "extract $pdf $k" "$line"
			$EVAL "$k" "$G/$n.$k.csv" "$TMP/p$n/$k.csv" --loose $present --diff 10 | tail -n +2 | sed 's/^/    /'
		fi
	done
	case $n in 003) truth=$SEEDS/../tables/003_plan_2021.csv ;; 004) truth=$SEEDS/../tables/004_appendix_2023.csv ;; *) truth= ;; esac
	if [ -n "$truth" ] && [ -f "$truth" ]; then
		line=$(python3 bench/extract_tables.py "$truth" "$TMP/p$n/responsibilities.csv")
		rate=$(echo "$line" | sed 's/.*rate=\([0-9.]*\).*/\1/')
		if awk -v r="$rate" 'BEGIN { exit !(r >= 0.95) }'; then
			pass "extract $pdf table cells ($line)"
		else
			fail "extract $pdf table cells" "$line (want rate >= 0.95)"
			python3 bench/extract_tables.py "$truth" "$TMP/p$n/responsibilities.csv" --diff 10 | tail -n +2 | sed 's/^/    /'
		fi
	fi
done
