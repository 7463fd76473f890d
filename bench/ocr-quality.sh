#!/bin/sh
# OCR quality on the scanned samples: `sohoa ingest` on every scanned PDF and page image in
# samples/MANIFEST.csv against bare `tesseract -l vie` on the same page images (the JPEG/PNG/TIFF
# pages themselves, no preprocessing), scored against the truth: character error rate (tools/eval/cer.c:
# code-point edit distance / truth length, white space folded) and syllable error rate
# (tools/eval/textdist.c: white-space-token edit distance / truth tokens), summed per degradation level.
# The PDF whose text layer came from tesseract -l eng is scored too ("eng-layer": ingest should
# find that layer unusable and read the images). Bars (issue 3): typical CER at most half of bare Tesseract's; hard CER under 3%.
# Samples holding appendix-table pages are summed apart ("typical+table"): their truth is cell by
# cell and no line reader gives that order back, so their rates mix reading order with OCR.
# FULL=1 scores build/samples-full/ (every page of every document, `make samples FULL=1`).
# ONLY=PATTERN scores only the files whose name matches (grep). Timings on a shared machine are
# noisy; the error rates are not.
: "${BUILD:=build}"
SOHOA=${SOHOA:-$BUILD/sohoa}
CER=$BUILD/tools/cer
TD=$BUILD/tools/textdist
S=${SAMPLES:-samples}
[ "${FULL:-0}" = 1 ] && S=$BUILD/samples-full
export OMP_THREAD_LIMIT=1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for t in "$SOHOA" "$CER" "$TD"; do
	[ -x "$t" ] || { echo "ocr-quality: $t not built (make)"; exit 1; }
done
command -v tesseract >/dev/null || { echo "ocr-quality: tesseract not installed (make deps)"; exit 1; }
[ -f "$S/MANIFEST.csv" ] || { echo "ocr-quality: no $S/MANIFEST.csv (make samples)"; exit 1; }

printf '%-34s %-8s %5s %9s %9s %9s %9s %7s\n' file level pages "ours CER" "bare CER" "ours SER" "bare SER" "ours s"
: >"$TMP/rows"
while IFS=, read -r file made kind degr seed; do
	case $kind in scanned-pdf | page-image | eng-ocr-pdf) ;; *) continue ;; esac
	[ -z "${ONLY:-}" ] || echo "$file" | grep -q -e "$ONLY" || continue
	level=${degr%% *}
	# A scan with a text layer from OCR without Vietnamese: ingest must see the layer is unusable.
	[ "$kind" != eng-ocr-pdf ] || level=eng-layer
	f=$S/$file
	truth=$S/${file%.*}.truth.txt
	[ -f "$f" ] && [ -f "$truth" ] || { echo "ocr-quality: missing $f or its truth"; continue; }
	# Pages after the signature page are appendix tables: their truth is cell by cell, which no
	# line reader gives back, so they are scored as their own group ("LEVEL+table").
	sig=$(sed -n 's/^signature \([0-9]*\).*/\1/p' "$S/${made%.pdf}.geom" 2>/dev/null)
	turned=$(echo "$degr" | sed -n 's/.*; page \([0-9]*\) turned.*/\1/p')
	src_pages=$(echo "$degr" | sed -n 's/^[^;]*pages\{0,1\} \([0-9+]*\).*/\1/p' | tr '+' ' ')
	# ours
	t0=$(date +%s.%N)
	"$SOHOA" ingest -q "$f" -o "$TMP/ours.txt" 2>"$TMP/err" || { echo "    sohoa ingest $file failed: $(head -1 "$TMP/err")"; : >"$TMP/ours.txt"; }
	t1=$(date +%s.%N)
	# bare tesseract on the page images
	rm -f "$TMP"/img-* "$TMP"/bare.* "$TMP"/ours.[0-9]* "$TMP"/truth.*
	case $file in
	*.pdf) pdfimages -all "$f" "$TMP/img" ;;
	*) cp "$f" "$TMP/img-000.${file##*.}" ;;
	esac
	pages=0
	for img in "$TMP"/img-*; do
		pages=$((pages + 1))
		tesseract "$img" stdout -l vie 2>/dev/null >"$TMP/bare.$pages"
	done
	split_pages() { awk -v d="$2" 'BEGIN { RS = "\f" } { f = d "." NR; printf "%s", $0 > f; close(f) }' "$1"; }
	split_pages "$truth" "$TMP/truth"
	split_pages "$TMP/ours.txt" "$TMP/ours"
	# score page by page; a file's line sums its pages
	i=0 fo=0 fb=0 fn=0 fso=0 fsb=0 fsn=0
	for p in $src_pages; do
		i=$((i + 1))
		[ -f "$TMP/ours.$i" ] || : >"$TMP/ours.$i"
		[ -f "$TMP/bare.$i" ] || : >"$TMP/bare.$i"
		lv=$level
		[ -z "$sig" ] || [ "$p" -le "$sig" ] || lv=$lv+table
		[ "$p" != "$turned" ] || lv=$lv+turned
		set -- $("$CER" "$TMP/truth.$i" "$TMP/ours.$i") $("$CER" "$TMP/truth.$i" "$TMP/bare.$i") \
			$("$TD" "$TMP/truth.$i" "$TMP/ours.$i") $("$TD" "$TMP/truth.$i" "$TMP/bare.$i")
		# 1-3 ours CER; 4-6 bare CER; 7-9 ours SER; 10-12 bare SER (rate errors total)
		echo "$lv 1 $2 $3 $5 $6 $8 $9 ${11} ${12}" >>"$TMP/rows"
		fo=$((fo + $2)) fb=$((fb + $5)) fn=$((fn + $3)) fso=$((fso + $8)) fsb=$((fsb + ${11})) fsn=$((fsn + $9))
	done
	printf '%-34s %-8s %5d %8.2f%% %8.2f%% %8.2f%% %8.2f%% %7.1f\n' "$file" "$level" "$i" \
		"$(echo "$fo $fn" | awk '{print $2 ? 100 * $1 / $2 : 0}')" "$(echo "$fb $fn" | awk '{print $2 ? 100 * $1 / $2 : 0}')" \
		"$(echo "$fso $fsn" | awk '{print $2 ? 100 * $1 / $2 : 0}')" "$(echo "$fsb $fsn" | awk '{print $2 ? 100 * $1 / $2 : 0}')" \
		"$(echo "$t0 $t1" | awk '{print $2 - $1}')"
done <"$S/MANIFEST.csv"

echo
echo "per group (errors summed over its pages; +turned: the page turned 90/180, +table: appendix table pages):"
awk '
	{ L = $1; seen[L] = 1; pg[L] += $2; oe[L] += $3; on[L] += $4; be[L] += $5; bn[L] += $6
	  se[L] += $7; sn[L] += $8; bse[L] += $9; bsn[L] += $10
	  # the bars: a level with its turned pages, without the table pages
	  if (L !~ /\+table/ && L != "eng-layer") { B = L; sub(/\+turned/, "", B); inbar[B] = 1; boe[B] += $3; bon[B] += $4; bbe[B] += $5; bbn[B] += $6 } }
	END {
		printf "%-15s %5s %9s %9s %9s %9s %9s\n", "group", "pages", "ours CER", "bare CER", "ours/bare", "ours SER", "bare SER"
		n = split("eng-layer clean clean+turned typical typical+turned hard hard+turned clean+table typical+table hard+table typical+table+turned hard+table+turned", order, " ")
		for (i = 1; i <= n; i++) {
			L = order[i]
			if (!(L in seen)) continue
			oc = 0; if (on[L]) oc = oe[L] / on[L]
			bc = 0; if (bn[L]) bc = be[L] / bn[L]
			ratio = "-"
			if (bc > 0) ratio = sprintf("%.2f", oc / bc)
			os = 0; if (sn[L]) os = 100 * se[L] / sn[L]
			bs = 0; if (bsn[L]) bs = 100 * bse[L] / bsn[L]
			printf "%-15s %5d %8.2f%% %8.2f%% %9s %8.2f%% %8.2f%%\n", L, pg[L], 100 * oc, 100 * bc, ratio, os, bs
		}
		c["typical"] = 0; b["typical"] = 0; c["hard"] = 0
		for (B in inbar) { c[B] = bon[B] ? boe[B] / bon[B] : 0; b[B] = bbn[B] ? bbe[B] / bbn[B] : 0 }
		if ("typical" in inbar)
			printf "bar typical (text pages, turned included): ours %.2f%% <= half of bare %.2f%%: %s\n", 100 * c["typical"], 100 * b["typical"],
				c["typical"] <= b["typical"] / 2 ? "met" : "NOT met"
		if ("hard" in inbar)
			printf "bar hard (text pages, turned included): ours %.2f%% < 3%%: %s\n", 100 * c["hard"], c["hard"] < 0.03 ? "met" : "NOT met"
	}' "$TMP/rows"
