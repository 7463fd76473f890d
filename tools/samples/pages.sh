# pages.sh: corpus text laid out as an official document and its pages rasterized, for the
# scripts that make scanned pages from text to read with the OCR (tools/model/learn-vie-channel.sh,
# bench/vie-fresh.sh). Sourced, with BUILD set; defines MK, SCAN and SOHOA, and:
#   need_tools WHO TOOL...   exit 1 ("WHO: TOOL missing (make)") unless every TOOL is executable
#   lay_document BODY BASE ISSUER NUMBER DATE
#                            "QUYẾT ĐỊNH", a title and the paragraphs of the file BODY laid out by
#                            mksamples as BASE.pdf (truth BASE.truth.txt, layout facts BASE.geom)
#                            with that letterhead, its pages rasterized at 300 dpi as
#                            BASE-p-001.png ...; non-zero when mksamples fails
#   page_level P             the scan level of page P: typical for odd pages, hard for even ones
#   page_truth TRUTH P OUT   the truth of page P (truth pages end at a form-feed line) into OUT
MK=$BUILD/tools/mksamples
SCAN=$BUILD/tools/mkscan
SOHOA=$BUILD/sohoa

need_tools() {
	who=$1
	shift
	for x in "$@"; do
		[ -x "$x" ] || { echo "$who: $x missing (make)" >&2; exit 1; }
	done
}

lay_document() {
	{ printf 'QUYẾT ĐỊNH\nVề việc tổ chức thực hiện\n'; cat "$1"; } >"$2.in.txt"
	"$MK" layout --geometry "$2.geom" --issuer "$3" --number "$4" --date "$5" \
		"$2.in.txt" "$2.pdf" "$2.truth.txt" >/dev/null || return 1
	rm -f "$2-p"-*.png
	"$MK" raster "$2.pdf" 300 "$2-p"
}

page_level() {
	if [ $(($1 % 2)) = 0 ]; then echo hard; else echo typical; fi
}

page_truth() {
	awk -v want="$2" 'BEGIN { RS = "\f\n"; ORS = "" } NR == want { sub(/\n*$/, "\n"); print }' "$1" >"$3"
}
