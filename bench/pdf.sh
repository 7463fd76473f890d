#!/bin/sh
# Searchable PDFs (issue 14): `sohoa pdf` against `sohoa run` (text and CSV only) and against
# `ocrmypdf --output-type pdfa -l vie` on the committed scans, in one run, the three taken in turn
# per file so that load from other work hits all alike. Per file and in total: wall time, output
# size, and the CER against the sample's truth of sohoa's .txt and of each PDF's text layer as
# pdftotext reads it, in its default layout and in the layer's own order (-raw).
# Bars: time of `sohoa pdf` <= 1.1 x `sohoa run`; size <= 1.1 x the input for image PDFs; the
# layer's CER (-raw) <= the .txt's + 0.2 points. OCRMYPDF=0 leaves ocrmypdf out.
: "${BUILD:=build}"
SOHOA=${SOHOA:-$BUILD/sohoa}
CER=$BUILD/tools/cer
OCRMYPDF=${OCRMYPDF:-1}
set -- samples/s000-scan-clean-200dpi.pdf samples/s000-scan-typical.pdf samples/s000-scan-hard.pdf \
	samples/s000-scan-typical-engocr.pdf samples/s002-scan-clean-p1.png samples/s003-scan-typical-p14.tif
for t in pdftotext "$CER"; do
	command -v "$t" >/dev/null || { echo "bench pdf: $t missing (make deps; make)"; exit 1; }
done
if [ "$OCRMYPDF" != 0 ] && ! command -v ocrmypdf >/dev/null; then
	echo "bench pdf: ocrmypdf missing, left out"
	OCRMYPDF=0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
now() { date +%s%N; }
cer() { "$CER" "$1" "$2" 2>/dev/null | awk '{ printf "%.2f", 100 * $1 }'; }
size() { wc -c <"$1" | tr -d ' '; }

printf '%-34s %8s %8s %8s | %9s %9s %9s | %6s %13s %13s\n' file run_s pdf_s ocrmy_s in_kB pdf_kB ocrmy_kB txt% \
	"pdf% def/raw" "ocrmy% def/raw"
for f in "$@"; do
	[ -f "$f" ] || continue
	b=$(basename "$f")
	k=${b%.*}
	truth=samples/$k.truth.txt
	rm -rf "$T/run"
	n=$((${n:-0} + 1))
	x=$(now)
	if [ $((n % 2)) = 1 ]; then # the two in turn, so that neither always goes first
		"$SOHOA" run -q "$f" -o "$T/run" || exit 1; y=$(now)
		"$SOHOA" pdf -q "$f" "$T/$k.pdf" || exit 1; z=$(now)
		run=$((y - x)) pdf=$((z - y))
	else
		"$SOHOA" pdf -q "$f" "$T/$k.pdf" || exit 1; y=$(now)
		"$SOHOA" run -q "$f" -o "$T/run" || exit 1; z=$(now)
		pdf=$((y - x)) run=$((z - y))
	fi
	om=0
	if [ "$OCRMYPDF" != 0 ]; then
		# ocrmypdf reads the image's own resolution; a PDF with text needs --force-ocr to redo it
		force=
		pdffonts "$f" 2>/dev/null | awk 'NR > 2' | grep -q . && force=--force-ocr
		x=$(now)
		ocrmypdf -q --output-type pdfa -l vie $force "$f" "$T/$k.om.pdf" 2>"$T/om.err" || { cat "$T/om.err"; exit 1; }
		om=$(($(now) - x))
	fi
	pdftotext "$T/$k.pdf" "$T/p.def"; pdftotext -raw "$T/$k.pdf" "$T/p.raw"
	pd=$(cer "$truth" "$T/p.def") pr=$(cer "$truth" "$T/p.raw")
	od=- or=- os=-
	if [ "$OCRMYPDF" != 0 ]; then
		pdftotext "$T/$k.om.pdf" "$T/o.def"; pdftotext -raw "$T/$k.om.pdf" "$T/o.raw"
		od=$(cer "$truth" "$T/o.def") or=$(cer "$truth" "$T/o.raw") os=$(size "$T/$k.om.pdf")
	fi
	tx=$(cer "$truth" "$T/run/$b.txt") # the key keeps the extension
	case $f in *.pdf) kind=pdf ;; *) kind=image ;; esac
	echo "$k $run $pdf $om $(size "$f") $(size "$T/$k.pdf") $os $tx $pd $pr $od $or $kind" >>"$T/rows"
	awk -v k="$k" -v r="$run" -v p="$pdf" -v o="$om" -v i="$(size "$f")" -v s="$(size "$T/$k.pdf")" \
	    -v os="$os" -v tx="$tx" -v pd="$pd" -v pr="$pr" -v od="$od" -v or="$or" 'BEGIN {
		printf "%-34s %8.2f %8.2f %8s | %9.1f %9.1f %9s | %6s %6s/%-6s %6s/%-6s\n", k, r / 1e9, p / 1e9,
			o ? sprintf("%.2f", o / 1e9) : "-", i / 1e3, s / 1e3, os == "-" ? "-" : sprintf("%.1f", os / 1e3),
			tx, pd, pr, od, or }'
done
awk '{
	run += $2; pdf += $3; om += $4
	if ($13 == "pdf") { ratio = $6 / $5; if (ratio > worst) { worst = ratio; wf = $1 } }
	if ($10 > $8 + 0.2) { bad++; bf = bf " " $1 }
}
END {
	printf "total: sohoa run %.1f s, sohoa pdf %.1f s (%.2fx, bar <= 1.10: %s)", run / 1e9, pdf / 1e9, pdf / run,
		pdf <= 1.1 * run ? "met" : "NOT met"
	if (om) printf ", ocrmypdf %.1f s (%.2fx sohoa pdf)", om / 1e9, om / pdf
	printf "\nsize of image PDFs: at most %.3fx the input (%s; bar <= 1.10: %s)\n", worst, wf, worst <= 1.1 ? "met" : "NOT met"
	printf "text layer CER (pdftotext -raw) within .txt + 0.2 points: %s\n", bad ? "NOT met:" bf : "met on every file"
}' "$T/rows"
