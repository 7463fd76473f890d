#!/bin/sh
# Born-digital PDF extraction: `sohoa ingest` against `pdftotext` on the same files in one run,
# alternating the two so that load from other work hits both alike. Prints each total and the
# ratio (bar: sohoa no slower than pdftotext, ratio <= 1.00). REPS=N repeats (default 5).
: "${BUILD:=build}"
SOHOA=${SOHOA:-$BUILD/sohoa}
REPS=${REPS:-5}
set -- samples/*-born.pdf
[ -f "$1" ] || { echo "bench ingest-pdf: no samples/*-born.pdf (run make samples)"; exit 0; }
command -v pdftotext >/dev/null || { echo "bench ingest-pdf: pdftotext missing (poppler-utils)"; exit 1; }
now() { date +%s%N; }
ts=0 tp=0 pages=0
for f in "$@"; do
	pages=$((pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')))
done
r=0
while [ $r -lt "$REPS" ]; do
	for f in "$@"; do
		a=$(now); "$SOHOA" ingest "$f" -o /dev/null -q || exit 1; b=$(now)
		pdftotext "$f" /dev/null || exit 1; c=$(now)
		ts=$((ts + b - a)) tp=$((tp + c - b))
	done
	r=$((r + 1))
done
awk -v s="$ts" -v p="$tp" -v n="$#" -v reps="$REPS" -v pages="$pages" 'BEGIN {
	printf "born-digital: %d files, %d pages, %d runs each\n", n, pages, reps
	printf "  sohoa ingest %.3f s   pdftotext %.3f s   ratio %.2f (bar <= 1.00: %s)\n",
		s / 1e9, p / 1e9, s / p, s <= p ? "met" : "NOT met"
}'
