#!/bin/sh
# Kill -9 and Ctrl-C at random moments, rerun, compare with an uninterrupted run: identical.
# After every kill, each document the manifest calls ok has its complete text. Fast by default
# (text inputs, KILLS=4); bench/batch.sh runs it with KILLS=20 and real documents (KILL_INPUTS).
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
KILLS=${KILLS:-4}
INPUTS=${KILL_INPUTS:-}
case $INPUTS in ''|/*) ;; *) INPUTS=$PWD/$INPUTS ;; esac
JOBS=${KILL_JOBS:-2}
cd "$TMP" || exit 1

if [ -z "$INPUTS" ]; then
	INPUTS=$TMP/in
	mkdir -p in/x in/y
	i=1
	while [ $i -le 160 ]; do
		d=in/x; [ $((i % 2)) -eq 0 ] && d=in/y
		j=1
		while [ $j -le 40 ]; do
			printf 'Căn cứ Quyết định số %d/QĐ-UBND ngày %d/4/2024 của UBND tỉnh Lai Châu về việc %d;\n' "$((i * 100 + j))" "$((j % 28 + 1))" "$j"
			j=$((j + 1))
		done >"$d/t$i.txt"
		i=$((i + 1))
	done
fi

now_ms() { date +%s%N | cut -c1-13; }
t0=$(now_ms)
"$S" run "$INPUTS" -o ref --recursive --jobs "$JOBS" -q 2>/dev/null
t1=$(now_ms)
span=$((t1 - t0))
[ $span -lt 50 ] && span=50
echo "# uninterrupted run: ${span} ms"

# Every document the manifest says is ok (last row wins) has exactly the reference text.
ok_docs_complete() {
	awk -F'\t' 'NR > 2 && NF == 10 { st[$9] = $6 } END { for (n in st) if (st[n] == "ok") print n }' "$1/manifest.tsv" |
		while IFS= read -r n; do cmp -s "ref/$n.txt" "$1/$n.txt" || { echo "bad: $n"; exit 1; }; done
}

seed=$$
k=1
kills_ok=1
while [ $k -le "$KILLS" ]; do
	ms=$(awk -v s=$((seed + k)) -v span=$span 'BEGIN { srand(s); printf "%d", span * (0.05 + 0.9 * rand()) }')
	"$S" run "$INPUTS" -o out --recursive --jobs "$JOBS" -q 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if [ -f out/manifest.tsv ]; then
		ok_docs_complete out >/dev/null || kills_ok=0
	fi
	echo "# kill $k after ${ms} ms: $(grep -c '	ok	' out/manifest.tsv 2>/dev/null || echo 0) rows ok"
	k=$((k + 1))
done
check "kill -9: documents marked ok are complete after every kill" test $kills_ok -eq 1
"$S" run "$INPUTS" -o out --recursive --jobs "$JOBS" -q 2>/dev/null
check "kill -9: rerun finishes" test $? -eq 0
check "kill -9: outputs identical to an uninterrupted run" diff -r -x lock -x tmp ref out
check "kill -9: no temporary files left" test -z "$(ls -A out/.sohoa/tmp)"

# Ctrl-C (SIGINT): stops after the documents in flight, exit 1, manifest says what is left.
"$S" run "$INPUTS" -o int --recursive --jobs 1 2>int.err &
pid=$!
sleep "$(awk -v span=$span 'BEGIN { printf "%.3f", span / 3000 }')"
kill -INT $pid
wait $pid
rc=$?
if [ $rc -eq 0 ]; then
	pass "sigint: (run ended before the signal)"
else
	check "sigint: exit 1" test $rc -eq 1
	check "sigint: says so" grep -q 'interrupted' int.err
	check "sigint: manifest lists documents not done" grep -q '	todo	\|	interrupted	' int/manifest.tsv
	ok_docs_complete int >/dev/null
	check "sigint: documents marked ok are complete" test $? -eq 0
fi
"$S" run "$INPUTS" -o int --recursive --jobs 1 -q 2>/dev/null
check "sigint: rerun gives identical outputs" diff -r -x lock -x tmp ref int
