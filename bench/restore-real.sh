#!/bin/sh
# Restoration of stripped text on real recent administrative documents (issue 15): the set of
# bench/real-text (32 kế hoạch, chỉ thị, thông báo, công văn and quyết định of 2023-2025, from
# public repositories, outside the training corpus: see bench/real-text/README.md), re-created
# under $SHARED/real-text by bench/real-text/get.sh.
# Each truth text is stripped of every diacritic (đ -> d) with sohoa_viet_strip, the function
# tools/samples/mksamples.sh uses for the stripped samples (`mksamples strip`), here through
# `syl-accuracy -s` as bench/restore.sh does; the stripped text is restored by
# `sohoa normalize --restore strip` (one worker) and scored by build/tools/syl-accuracy
# (syllable accuracy: the share of truth words exactly right after a word alignment, tone style
# and case not counted). Prints, per document and overall, the accuracy of the stripped input
# (the words that need no mark) and of the restored text. syl-accuracy offers no "most frequent
# form" baseline, so none is printed.
# The set has two parts: dev (truth/*.txt), measured by default, and unseen (truth/unseen/*.txt),
# measured only with UNSEEN=1: keep it for a final figure, and do not look at its errors.
# Usage: sh bench/restore-real.sh. Environment: BUILD (build), SHARED (../shared), SET (default
# $SHARED/real-text), UNSEEN=1, VERBOSE=1 (the 15 most frequent misread words of each part, as
# truth -> restored; never with UNSEEN=1), MODEL (another model file).
set -u
: "${BUILD:=build}"
: "${SHARED:=../shared}"
: "${SET:=$SHARED/real-text}"
: "${UNSEEN:=0}"
: "${VERBOSE:=0}"
: "${MODEL:=}"
SOHOA=$BUILD/sohoa
ACC=$BUILD/tools/syl-accuracy
for x in "$SOHOA" "$ACC"; do
	[ -x "$x" ] || { echo "bench/restore-real.sh: $x missing (make)" >&2; exit 1; }
done
if ! ls "$SET"/truth/*.txt >/dev/null 2>&1; then
	echo "bench/restore-real.sh: no documents in $SET/truth (sh bench/real-text/get.sh)" >&2
	exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# part NAME DIR: restore and score every DIR/*.txt
part() {
	name=$1
	dir=$2
	: >"$TMP/$name.sum"
	: >"$TMP/$name.err"
	printf '%-30s %8s %10s %10s\n' "$name: document" "syllables" "input" "restored"
	for t in "$dir"/*.txt; do
		[ -f "$t" ] || continue
		id=$(basename "$t" .txt)
		"$ACC" -s "$t" >"$TMP/$id.in"
		if ! "$SOHOA" normalize --restore strip ${MODEL:+--model "$MODEL"} --jobs 1 -q \
			"$TMP/$id.in" -o "$TMP/$id.out" 2>"$TMP/$id.log"; then
			echo "bench/restore-real.sh: sohoa failed on $id: $(head -c 300 "$TMP/$id.log")" >&2
			: >"$TMP/$id.out"
		fi
		base=$("$ACC" "$t" "$TMP/$id.in" | awk '{ print $2, $4 }')
		got=$("$ACC" "$t" "$TMP/$id.out" | awk '{ print $2, $4 }')
		echo "$base $got" >>"$TMP/$name.sum"
		echo "$base $got" | awk -v id="$id" '{ printf "%-30s %8d %9.2f%% %9.2f%%\n", id, $1, 100 * $2 / $1, 100 * $4 / $3 }'
		[ "$VERBOSE" = 1 ] && "$ACC" -l "$t" "$TMP/$id.out" | grep -v '^units ' >>"$TMP/$name.err"
	done
	awk -v n="$name" '{ u += $1; b += $2; v += $3; c += $4; d++ }
		END { if (u) printf "%-30s %8d %9.2f%% %9.2f%%   (%d documents; errors %d)\n", n ": overall", u, 100 * b / u, 100 * c / v, d, v - c }' "$TMP/$name.sum"
	if [ "$VERBOSE" = 1 ] && [ -s "$TMP/$name.err" ]; then
		echo "  most frequent misread words (truth -> restored):"
		sort "$TMP/$name.err" | uniq -c | sort -rn | head -15 | sed 's/^/   /'
	fi
}

echo "restoration of stripped real documents ($(date -u +%Y-%m-%dT%H:%MZ)); syllable accuracy"
part dev "$SET/truth"
if [ "$UNSEEN" = 1 ]; then
	VERBOSE=0
	part unseen "$SET/truth/unseen"
fi
exit 0
