#!/bin/sh
# Normalize throughput on the five seed texts concatenated 100 times (about 13 MB of Vietnamese
# text), restoration off, one core:
#   - the stage alone: build/tools/bench-normalize times sohoa_normalize_doc on the document
#     already read (ingest's line splitting excluded);
#   - the whole command `sohoa normalize --jobs 1 --restore off FILE` (reading included);
#   - peers over the same bytes in the same run: `uconv -x nfc` (ICU's NFC alone) and
#     `iconv -f utf-8 -t utf-8` (a validating copy).
# Each is the best of REPEAT runs (default 3), shown as MB/s of wall time and of CPU time
# (user+sys). On a shared, loaded machine wall time is mostly waiting for a core: CPU time is
# what one free core would take. Bar (issue 4): >= 50 MB/s on one core.
set -eu
: "${BUILD:=build}"
SOHOA=${SOHOA:-$BUILD/sohoa}
STAGE=${STAGE:-$BUILD/tools/bench-normalize}
SEEDS=${SEEDS:-../shared/seeds}
TIMES=${TIMES:-100}
REPEAT=${REPEAT:-3}
BAR=50
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
TIME=""
[ -x /usr/bin/time ] && TIME=/usr/bin/time

if ! ls "$SEEDS"/*.txt >/dev/null 2>&1; then
	echo "bench/normalize.sh: no seed texts in $SEEDS (set SEEDS=)" >&2
	exit 1
fi
i=0
while [ $i -lt "$TIMES" ]; do cat "$SEEDS"/*.txt; i=$((i + 1)); done >"$TMP/in.txt"
bytes=$(wc -c <"$TMP/in.txt")

now() { date +%s.%N; }
# best CMD...: "wall cpu" of the fastest of REPEAT runs (stdout to $TMP/out); cpu is "-" without
# /usr/bin/time
best() {
	bw=1e9 bc=1e9
	r=0
	while [ $r -lt "$REPEAT" ]; do
		t0=$(now)
		if [ -n "$TIME" ]; then
			$TIME -f "%U %S" -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err" || { echo "failed: $*" >&2; cat "$TMP/err" >&2; exit 1; }
		else
			"$@" >"$TMP/out" 2>"$TMP/err" || { echo "failed: $*" >&2; cat "$TMP/err" >&2; exit 1; }
			echo "- -" >"$TMP/time"
		fi
		t1=$(now)
		read -r u s <"$TMP/time"
		bw=$(echo "$t0 $t1 $bw" | awk '{ d = $2 - $1; print (d < $3 ? d : $3) }')
		bc=$(echo "$u $s $bc" | awk '{ if ($1 == "-") print "-"; else { d = $1 + $2; print (d < $3 ? d : $3) } }')
		r=$((r + 1))
	done
	echo "$bw $bc"
}
mbps() { echo "$bytes $1" | awk '{ if ($2 == "-" ) print "-"; else if ($2 <= 0) print "inf"; else printf "%.1f", $1 / 1e6 / $2 }'; }
line() { # NAME WALL CPU
	printf '%-34s %7s MB/s wall (%s s)   %7s MB/s CPU (%s s)\n' "$1" "$(mbps "$2")" "$2" "$(mbps "$3")" "$3"
}

echo "input: $bytes bytes (seeds x$TIMES), one core${PIN:+ (taskset -c 0)}, best of $REPEAT; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
set -- $($PIN "$STAGE" "$TMP/in.txt" "$REPEAT")
stage_wall=$2 stage_cpu=$3
line "normalize stage (bench-normalize)" "$stage_wall" "$stage_cpu"
set -- $(best $PIN "$SOHOA" normalize --jobs 1 --restore off -q "$TMP/in.txt")
cmd_wall=$1 cmd_cpu=$2
line "sohoa normalize (whole command)" "$cmd_wall" "$cmd_cpu"
if command -v uconv >/dev/null 2>&1; then
	set -- $(best $PIN uconv -x nfc -i "$TMP/in.txt")
	line "uconv -x nfc (peer)" "$1" "$2"
	echo "sohoa command / uconv: $(echo "$cmd_wall $1" | awk '{ printf "%.2f", $2 / $1 }')x wall"
fi
set -- $(best $PIN iconv -f utf-8 -t utf-8 "$TMP/in.txt")
line "iconv utf-8 copy (peer)" "$1" "$2"
echo "sohoa command / iconv: $(echo "$cmd_wall $1" | awk '{ printf "%.2f", $2 / $1 }')x wall"
for what in "stage CPU:$stage_cpu" "stage wall:$stage_wall" "command wall:$cmd_wall"; do
	v=$(mbps "${what#*:}")
	if echo "$v $BAR" | awk '{ exit !($1 != "-" && $1 >= $2) }'; then r=met; else r="NOT met"; fi
	echo "bar >= $BAR MB/s, ${what%%:*}: $v MB/s: $r"
done
