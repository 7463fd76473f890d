#!/bin/sh
# Kill -9 and Ctrl-C at random moments, and a full disk: rerun, compare with an uninterrupted run:
# identical.
# After every kill, each document the manifest calls ok has its complete text. Fast by default
# (text inputs, KILLS=3 rounds of two kills); bench/batch.sh runs KILLS=20 on real documents
# (KILL_INPUTS).
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
KILLS=${KILLS:-3}
INPUTS=${KILL_INPUTS:-}
case $INPUTS in ''|/*) ;; *) INPUTS=$PWD/$INPUTS ;; esac
JOBS=${KILL_JOBS:-2}
cd "$TMP" || exit 1

if [ -z "$INPUTS" ]; then
	INPUTS=$TMP/in
	mkdir -p in/x in/y
	i=1
	while [ $i -le 120 ]; do
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

# run_killed DIR MS: start a run into DIR and kill -9 it after MS milliseconds.
run_killed() {
	"$S" run "$INPUTS" -o "$1" --recursive --jobs "$JOBS" -q 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$2" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
}
random_ms() { awk -v s="$1" -v span=$span 'BEGIN { srand(s); printf "%d", span * (0.05 + 0.9 * rand()) }'; }

# Each round: a fresh folder killed at one random moment, the resumed run killed at another,
# then a run to the end, compared with the uninterrupted one.
seed=$$
k=1
kills_ok=1
same=0
while [ $k -le "$KILLS" ]; do
	rm -rf out
	a=$(random_ms $((seed + 2 * k)))
	b=$(random_ms $((seed + 2 * k + 1)))
	run_killed out "$a"
	[ -f out/manifest.tsv ] && { ok_docs_complete out >/dev/null || kills_ok=0; }
	n1=$(awk -F'\t' 'NR > 2 && NF == 10 { st[$1] = $6 } END { for (p in st) n += st[p] == "ok"; print n + 0 }' out/manifest.tsv 2>/dev/null)
	run_killed out "$b"
	[ -f out/manifest.tsv ] && { ok_docs_complete out >/dev/null || kills_ok=0; }
	n2=$(awk -F'\t' 'NR > 2 && NF == 10 { st[$1] = $6 } END { for (p in st) n += st[p] == "ok"; print n + 0 }' out/manifest.tsv 2>/dev/null)
	"$S" run "$INPUTS" -o out --recursive --jobs "$JOBS" -q 2>/dev/null
	rc=$?
	if [ $rc -eq 0 ] && diff -r -x lock -x tmp ref out >/dev/null && [ -z "$(ls -A out/.sohoa/tmp)" ]; then
		same=$((same + 1)); r=identical
	else
		r="DIFFERENT (exit $rc)"
	fi
	echo "# round $k: killed after $a ms (${n1:-0} documents ok), resumed and killed after $b ms (${n2:-0} ok), rerun: $r"
	k=$((k + 1))
done
check "kill -9: documents marked ok are complete after every kill" test $kills_ok -eq 1
check "kill -9: $same of $KILLS reruns identical to an uninterrupted run" test $same -eq "$KILLS"

# Ctrl-C (SIGINT): stops the documents in flight, exit 130, manifest says what is left.
"$S" run "$INPUTS" -o int --recursive --jobs 1 2>int.err &
pid=$!
sleep "$(awk -v span=$span 'BEGIN { printf "%.3f", span / 3000 }')"
kill -INT $pid
wait $pid
rc=$?
if [ $rc -eq 0 ]; then
	pass "sigint: (run ended before the signal)"
else
	check "sigint: exit 130" test $rc -eq 130
	check "sigint: says so" grep -q 'interrupted' int.err
	check "sigint: manifest lists documents not done" grep -q '	todo	\|	interrupted	' int/manifest.tsv
	ok_docs_complete int >/dev/null
	check "sigint: documents marked ok are complete" test $? -eq 0
fi
"$S" run "$INPUTS" -o int --recursive --jobs 1 -q 2>/dev/null
check "sigint: rerun gives identical outputs" diff -r -x lock -x tmp ref int

# Full disk (a small tmpfs; skipped where mounting is not allowed): the run stops with a clear
# error, what it kept is complete, and once there is room a rerun equals the uninterrupted run.
mkdir -p small
if [ -z "$KILL_INPUTS" ] && mount -t tmpfs -o size=96k tmpfs small 2>/dev/null; then
	trap 'umount "$TMP/small" 2>/dev/null; rm -rf "$TMP"' EXIT
	trap 'exit 1' INT TERM HUP
	"$S" run "$INPUTS" -o small/out --recursive --jobs "$JOBS" -q 2>full.err
	rc=$?
	check "full disk: exit 1" test $rc -eq 1
	check "full disk: says no space" grep -q 'No space left' full.err
	ok_docs_complete small/out >/dev/null
	check "full disk: documents marked ok are complete" test $? -eq 0
	mount -o remount,size=64m small
	"$S" run "$INPUTS" -o small/out --recursive --jobs "$JOBS" -q 2>/dev/null
	check "full disk: rerun with room finishes" test $? -eq 0
	check "full disk: outputs identical to an uninterrupted run" diff -r -x lock -x tmp ref small/out
	umount small
else
	skip "full disk" "cannot mount a small tmpfs here"
fi
