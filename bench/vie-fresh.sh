#!/bin/sh
# The vie job of issue 7 on fresh pages: how much of the Vietnamese OCR's character error
# `--restore vie` removes on page images made here from text that neither the model nor the vie
# job's rules were built from (bench/restore.sh measures the committed samples, which are few: 8
# pages, 2 images).
#
# Each set: held-out corpus paragraphs (data/heldout.txt lists files never counted into
# data/sohoa-lm.bin) laid out as an official document by mksamples (made-up letterhead;
# tools/samples/pages.sh), rasterized at 300 dpi, degraded by mkscan (typical and hard pages
# alternating, the red stamp on the signature page, as tools/samples/mksamples.sh makes the scanned
# samples), read once by `sohoa ingest --lang vie`; that TSV normalized without restoration
# ("before") and with --restore vie ("after"), both scored against the page's truth with cer-flex
# (tools/eval/cer-flex.c: flexible CER, each OCR line aligned where it fits, in any order).
#   A  legal files (modern-legal, vlc-legal): their first 6 paragraphs of 60-500 characters.
#      Its errors were looked at while writing the vie job's rules (".người", "số23/2023",
#      "CóGcS£s®" debris, the learned channel's "chỉ"): not unseen.
#   B  the same files' next 6 paragraphs, other scan seeds; C  Wikipedia held-out articles
#      (viwiki), 2 paragraphs each of the first 40. Measured unseen (B 65.0%, C 17.2% removed),
#      then their errors were looked at for the speck-period rules ("hạn..", "Texas:.Menefee"):
#      not unseen any more either.
#   D  the legal files' paragraphs 13-18, E  Wikipedia articles 41-80, 2 paragraphs each: never
#      looked at (only their totals are printed without VERBOSE=1).
# Usage: sh bench/vie-fresh.sh. Environment: BUILD (build), SHARED (../shared), SETS (default
# "A B C D E"), VERBOSE=1 (each remaining error), KEEP=DIR (keep the pages, TSVs and texts there).
# About 15 s of OCR per set on one core; timings are not measured (a shared machine is noisy).
set -u
: "${BUILD:=build}"
: "${SHARED:=../shared}"
: "${SETS:=A B C D E}"
. tools/samples/pages.sh
FLEX=$BUILD/tools/cer-flex
CORPUS=$SHARED/corpus
need_tools bench/vie-fresh.sh "$SOHOA" "$MK" "$SCAN" "$FLEX"
if [ ! -d "$CORPUS" ] || [ ! -s data/heldout.txt ]; then
	echo "bench/vie-fresh.sh: no corpus at $CORPUS or no data/heldout.txt: nothing measured"
	exit 0
fi
TMP=${KEEP:-$(mktemp -d)}
mkdir -p "$TMP"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT

# paragraphs SKIP TAKE FILTER [FIRST]: TAKE paragraphs of 60-500 characters from each held-out
# file whose path matches FILTER (an awk regex), after the first SKIP such paragraphs; 40 files
# from the FIRST-th (default 1).
paragraphs() {
	grep -v '^#' data/heldout.txt | awk -v re="$3" '$0 ~ re' | tail -n +"${4:-1}" | head -40 | while IFS= read -r rel; do
		[ -f "$CORPUS/$rel" ] || continue
		tr -d '\r' <"$CORPUS/$rel" | awk -v skip="$1" -v take="$2" \
			'length($0) >= 60 && length($0) <= 500 && !/^==/ { n++; if (n > skip && n <= skip + take) print }'
	done
}

: >"$TMP/all.cer"
: >"$TMP/all.kinds"
for set in $SETS; do
	case $set in
	A) paragraphs 0 6 '^(modern|vlc)-legal/' ; seed=9000 ;;
	B) paragraphs 6 6 '^(modern|vlc)-legal/' ; seed=9100 ;;
	C) paragraphs 0 2 '^viwiki/' ; seed=9200 ;;
	D) paragraphs 12 6 '^(modern|vlc)-legal/' ; seed=9300 ;;
	E) paragraphs 0 2 '^viwiki/' 41 ; seed=9400 ;;
	*) echo "bench/vie-fresh.sh: unknown set $set" >&2; continue ;;
	esac >"$TMP/$set.body.txt"
	[ -s "$TMP/$set.body.txt" ] || continue
	lay_document "$TMP/$set.body.txt" "$TMP/$set" "ỦY BAN NHÂN DÂN|TỈNH HÒA BÌNH" "Số: 45/QĐ-UBND" \
		"Hòa Bình, ngày 3 tháng 6 năm 2025" || continue
	set -- $(sed -n 's/^signature //p' "$TMP/$set.geom")
	sigp=${1:-0}
	stamp=$(echo "${2:-0} ${3:-0} ${4:-0} ${5:-0}" | awk '{ k = 300 / 72; printf "%d,%d,%d", ($1 + 0.22 * ($3 - $1)) * k, ($2 + 0.55 * ($4 - $2)) * k, 48 * k }')
	p=0
	for png in "$TMP/$set-p"-*.png; do
		p=$((p + 1))
		b="$set-$(printf %03d $p)"
		lvl=$(page_level $p)
		if [ "$p" = "$sigp" ]; then o="--stamp $stamp"; else o="--gray"; fi
		"$SCAN" --level $lvl --seed $((seed + p)) --dpi 300 $o "$png" "$TMP/$b.jpg" >/dev/null || continue
		page_truth "$TMP/$set.truth.txt" "$p" "$TMP/$b.truth.txt"
		"$SOHOA" ingest --format tsv --lang vie --jobs 1 -q "$TMP/$b.jpg" -o "$TMP/$b.tsv" 2>"$TMP/$b.err" || {
			echo "bench/vie-fresh.sh: OCR of $b failed: $(head -c 300 "$TMP/$b.err")" >&2
			continue
		}
		"$SOHOA" normalize --restore off --tsv --jobs 1 -q "$TMP/$b.tsv" -o "$TMP/$b.before.txt" 2>/dev/null &&
			"$SOHOA" normalize --restore vie --tsv --jobs 1 -q "$TMP/$b.tsv" -o "$TMP/$b.after.txt" 2>"$TMP/$b.err" || {
			echo "bench/vie-fresh.sh: normalize of $b failed: $(head -c 300 "$TMP/$b.err")" >&2
			continue
		}
		eb=$("$FLEX" "$TMP/$b.truth.txt" "$TMP/$b.before.txt" | awk '{ print $2, $4 }')
		ea=$("$FLEX" "$TMP/$b.truth.txt" "$TMP/$b.after.txt" | awk '{ print $4 }')
		echo "$set $eb $ea $b $lvl" >>"$TMP/all.cer"
		for w in before after; do
			"$FLEX" -v "$TMP/$b.truth.txt" "$TMP/$b.$w.txt" | awk -v s="$set" -v w="$w" 'NR > 1 { print s, w, $1, $2 }' >>"$TMP/all.kinds"
		done
		[ "${VERBOSE:-0}" = 1 ] && "$FLEX" -l "$TMP/$b.truth.txt" "$TMP/$b.after.txt" | grep -v '^chars \|^  ' | sed "s/^/    $b after: /"
	done
done

echo "vie on fresh pages ($(date -u +%Y-%m-%dT%H:%MZ)): held-out text rendered, scanned by mkscan, read by sohoa --lang vie"
printf '%-44s %-8s %-8s %-26s %s\n' "set" "pages" "chars" "flexible CER before -> after" "errors removed (bar: 50%)"
awk '{ c[$1] += $2; b[$1] += $3; a[$1] += $4; n[$1]++; C += $2; B += $3; A += $4; N++; if (!($1 in seen)) { seen[$1] = 1; k[++m] = $1 } }
     function line(name, pages, chars, before, after) {
	printf "%-44s %-8d %-8d %-26s %s\n", name, pages, chars,
	       sprintf("%.2f%% -> %.2f%% (%d -> %d)", 100 * before / chars, 100 * after / chars, before, after),
	       before ? sprintf("%.1f%%", 100 * (before - after) / before) : "n/a"
     }
     END {
	names["A"] = "A legal (looked at)"; names["B"] = "B legal (looked at after)"; names["C"] = "C Wikipedia (looked at after)"
	names["D"] = "D legal, unseen"; names["E"] = "E Wikipedia, unseen"
	for (i = 1; i <= m; i++) line(names[k[i]] ? names[k[i]] : k[i], n[k[i]], c[k[i]], b[k[i]], a[k[i]])
	if (m > 1) line("all sets", N, C, B, A)
	if (c["D"] + c["E"] > 0 && m > 2) line("unseen sets (D, E)", n["D"] + n["E"], c["D"] + c["E"], b["D"] + b["E"], a["D"] + a["E"])
     }' "$TMP/all.cer"
awk '{ e[$1 " " $2 " " $3] += $4; if (!($3 in seen)) { seen[$3] = 1; k[++n] = $3 } if (!($1 in ss)) { ss[$1] = 1; s[++m] = $1 } }
     END { for (j = 1; j <= m; j++) { printf "    set %s errors by kind, before -> after:", s[j]
	   for (i = 1; i <= n; i++) printf " %s %d -> %d", k[i], e[s[j] " before " k[i]], e[s[j] " after " k[i]]; print "" } }' "$TMP/all.kinds"
exit 0
