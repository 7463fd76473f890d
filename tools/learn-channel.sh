#!/bin/sh
# Learn the eng-OCR confusion channel (data/channel-tokens.tsv, data/channel-chars.tsv) from
# corpus text: pick paragraphs from ../shared/corpus, render them as page images
# (build/tools/learn-channel render), read the pages with `tesseract -l eng --psm 6`, then align and
# count (build/tools/learn-channel align). Run by `make channel`. Never uses ../shared/seeds: those
# are evaluation data.
#
#   tools/learn-channel.sh [PAGES]     default 300 pages; about 3 s of tesseract per page per core
# Environment: CORPUS (../shared/corpus), WORK (build/channel), JOBS (2), OUT (data),
#   DEGRADE (share of pages blurred, noised and binarized, default 40), SEED (1).
set -eu
PAGES=${1:-300}
CORPUS=${CORPUS:-../shared/corpus}
WORK=${WORK:-build/channel}
JOBS=${JOBS:-2}
OUT=${OUT:-data}
DEGRADE=${DEGRADE:-40}
SEED=${SEED:-1}
BUILD=${BUILD:-build}
TOOL=$BUILD/tools/learn-channel

[ -x "$TOOL" ] || { echo "learn-channel.sh: build $TOOL first (make)" >&2; exit 1; }
command -v tesseract >/dev/null || { echo "learn-channel.sh: tesseract not installed (make deps)" >&2; exit 1; }
tesseract --list-langs 2>/dev/null | grep -qx eng || { echo "learn-channel.sh: tesseract eng data missing" >&2; exit 1; }
[ -d "$CORPUS" ] || { echo "learn-channel.sh: no corpus at $CORPUS" >&2; exit 1; }

mkdir -p "$WORK/pages"
rm -f "$WORK"/pages/p*.png "$WORK"/pages/p*.txt

# The text slice: administrative and legal prose first (the domain), some Wikipedia for general
# vocabulary. Whole files in a fixed order, every Nth file, then every 3rd usable paragraph, so the
# slice is deterministic and spread over many documents. The model's held-out files (every 50th
# file per subcorpus by name, listed in data/heldout.txt; tools/build-model.c) are left out, so
# the bench measures on text neither the model nor the channel saw.
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
# Round-robin over the files so a few long laws do not fill every page.
tr '\n' '\0' <"$list" | xargs -0 awk -v seed="$SEED" '
	FNR == 1 { nfile++ }
	{ sub(/\r$/, "") }
	length($0) >= 60 && (FNR + seed) % 3 == 0 && taken[nfile] < 25 { taken[nfile]++; print nfile "\t" taken[nfile] "\t" $0 }
' | LC_ALL=C sort -t '	' -k2,2n -k1,1n -s | cut -f3- >"$WORK/text.txt"
echo "learn-channel.sh: $(wc -l <"$WORK/text.txt") paragraphs from $(wc -l <"$list") files"

"$TOOL" render -s "$SEED" -d "$DEGRADE" -p "$PAGES" "$WORK/text.txt" "$WORK/pages"

# One tesseract per page, JOBS at a time, each single-threaded and niced: the machine is shared.
start=$(date +%s)
ls "$WORK"/pages/p*.png | sed 's/\.png$//' |
	OMP_THREAD_LIMIT=1 xargs -P "$JOBS" -I{} nice -n 19 tesseract {}.png {} -l eng --psm 6 quiet
echo "learn-channel.sh: tesseract read $(ls "$WORK"/pages/p*.png | wc -l) pages in $(($(date +%s) - start)) s with $JOBS jobs"

set --
for gt in "$WORK"/pages/p*.gt.txt; do
	set -- "$@" "$gt" "${gt%.gt.txt}.txt"
done
mkdir -p "$OUT"
# Keep confusions seen at least twice: a single sighting is as likely an alignment accident.
"$TOOL" align -m 2 -M 2 -t "$OUT/channel-tokens.tsv" -c "$OUT/channel-chars.tsv" "$@"
echo "learn-channel.sh: wrote $OUT/channel-tokens.tsv ($(wc -l <"$OUT/channel-tokens.tsv") rows)" \
	"and $OUT/channel-chars.tsv ($(wc -l <"$OUT/channel-chars.tsv") rows)"
