#!/bin/sh
# Learn the eng-OCR confusion channel (data/channel-tokens.tsv, data/channel-chars.tsv) from
# corpus text: pick paragraphs from ../shared/corpus, render them as page images
# (build/tools/learn-channel render), read the pages with `tesseract -l eng --psm 6`, then align and
# count (build/tools/learn-channel align). Run by `make channel`. Never uses ../shared/seeds: those
# are evaluation data.
#
#   sh tools/model/learn-channel.sh [PAGES_A [PAGES_B [PAGES_C]]]
# Three batches from different paragraphs: A at 300 dpi (default 600 pages, capped by the text
# picked: about 360) and B at 200 dpi (default 300 pages), each with DEGRADE% of its pages blurred,
# noised and binarized; C at 150 dpi, every page degraded (default 150 pages): a poor scan's
# readings ("n3ng", "tit"). About 2-3 s of tesseract per page per core. A batch whose pages were all read with
# the same settings is kept (stamp file), so a rerun only counts again.
# Environment: CORPUS (../shared/corpus), WORK (build/channel), JOBS (2), OUT (data),
#   DEGRADE (40), BUILD (build).
set -eu
PAGES_A=${1:-600}
PAGES_B=${2:-300}
PAGES_C=${3:-150}
CORPUS=${CORPUS:-../shared/corpus}
WORK=${WORK:-build/channel}
JOBS=${JOBS:-2}
OUT=${OUT:-data}
DEGRADE=${DEGRADE:-40}
BUILD=${BUILD:-build}
TOOL=$BUILD/tools/learn-channel

[ -x "$TOOL" ] || { echo "learn-channel.sh: build $TOOL first (make)" >&2; exit 1; }
command -v tesseract >/dev/null || { echo "learn-channel.sh: tesseract not installed (make deps)" >&2; exit 1; }
tesseract --list-langs 2>/dev/null | grep -qx eng || { echo "learn-channel.sh: tesseract eng data missing" >&2; exit 1; }
[ -d "$CORPUS" ] || { echo "learn-channel.sh: no corpus at $CORPUS" >&2; exit 1; }
mkdir -p "$WORK"

# The text slice: administrative and legal prose first (the domain), some Wikipedia for general
# vocabulary. Whole files in a fixed order, every Nth file, so the slice is deterministic and
# spread over many documents. The model's held-out files (every 50th file per subcorpus by name,
# listed in data/heldout.txt; tools/model/build-model.c) are left out, so the bench measures on text
# neither the model nor the channel saw.
list=$WORK/files.txt
pick() { # pick SUBCORPUS AWK-CONDITION-ON-0-BASED-INDEX-i
	find "$CORPUS/$1" -name '*.txt' | LC_ALL=C sort | awk "{ i = NR - 1 } i % 50 != 49 && ($2)"
}
{
	pick modern-legal 'i % 2 == 0'
	pick vlc-legal 'i % 4 == 0'
	pick viwiki 'i % 80 == 6'
} >"$list.all"
if [ -s data/heldout.txt ]; then
	grep -v '^#' data/heldout.txt | sed "s|^|$CORPUS/|" | LC_ALL=C sort >"$WORK/heldout.txt"
	LC_ALL=C sort "$list.all" | LC_ALL=C comm -23 - "$WORK/heldout.txt" >"$list.keep"
	grep -Fxf "$list.keep" "$list.all" >"$list" || :
else
	cp "$list.all" "$list"
fi

# batch NAME SEED DPI PAGES DEGRADE%: every 3rd usable paragraph (offset by SEED, so batches print different
# text), 25 at most per file, round-robin over the files so a few long laws do not fill every page;
# rendered, then read by tesseract.
batch() {
	dir=$WORK/$1
	stamp="seed $2 dpi $3 pages $4 degrade $5 files $(cksum <"$list" | cut -d' ' -f1)"
	if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$stamp" ]; then
		echo "learn-channel.sh: batch $1 already read ($stamp)"
		return 0
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	tr '\n' '\0' <"$list" | xargs -0 awk -v seed="$2" '
		FNR == 1 { nfile++ }
		{ sub(/\r$/, "") }
		length($0) >= 60 && (FNR + seed) % 3 == 0 && taken[nfile] < 25 { taken[nfile]++; print nfile "\t" taken[nfile] "\t" $0 }
	' | LC_ALL=C sort -t '	' -k2,2n -k1,1n -s | cut -f3- >"$dir/text.txt"
	echo "learn-channel.sh: batch $1: $(wc -l <"$dir/text.txt") paragraphs from $(wc -l <"$list") files"
	"$TOOL" render -s "$2" -r "$3" -d "$5" -p "$4" "$dir/text.txt" "$dir"
	# One tesseract per page, JOBS at a time, each single-threaded and niced: the machine is shared.
	start=$(date +%s)
	ls "$dir"/p*.png | sed 's/\.png$//' |
		OMP_THREAD_LIMIT=1 xargs -P "$JOBS" -I{} nice -n 19 tesseract {}.png {} -l eng --psm 6 --dpi "$3" quiet ||
		echo "learn-channel.sh: batch $1: tesseract failed on some pages; they are left out" >&2
	echo "learn-channel.sh: batch $1: tesseract read $(ls "$dir"/p*.png | wc -l) pages in $(($(date +%s) - start)) s with $JOBS jobs"
	echo "$stamp" >"$dir/stamp"
}
batch a 1 300 "$PAGES_A" "$DEGRADE"
batch b 2 200 "$PAGES_B" "$DEGRADE"
batch c 3 150 "$PAGES_C" 100

set --
for gt in "$WORK"/a/p*.gt.txt "$WORK"/b/p*.gt.txt "$WORK"/c/p*.gt.txt; do
	[ -f "$gt" ] && [ -f "${gt%.gt.txt}.txt" ] && set -- "$@" "$gt" "${gt%.gt.txt}.txt"
done
mkdir -p "$OUT"
# Tokens: every pairing counts (a reading seen once is still a reading), and each syllable gets 3
# sightings of "(any other)" reading (-u 3), so one seen once is not read that way for sure;
# characters: seen at least twice, a single sighting is as likely an alignment accident.
"$TOOL" align -m 1 -M 2 -u 3 -t "$OUT/channel-tokens.tsv" -c "$OUT/channel-chars.tsv" "$@"
echo "learn-channel.sh: wrote $OUT/channel-tokens.tsv ($(wc -l <"$OUT/channel-tokens.tsv") rows)" \
	"and $OUT/channel-chars.tsv ($(wc -l <"$OUT/channel-chars.tsv") rows)"
