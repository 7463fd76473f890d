#!/bin/sh
# Rebuild samples/ from the seed documents: born-digital PDFs (tools/samples/mksamples.c layout), scans
# (tools/samples/mkscan.c on pages rasterized by mksamples raster), wrong-language OCR (tesseract -l
# eng), plain-text variants, truth files and samples/MANIFEST.csv. Deterministic: the same
# tools and seeds give the same files. Usage: sh tools/samples/mksamples.sh [born|scan|ocr|manifest|full|all]
# (default all). Environment: BUILD (build), SHARED (../shared), OUT (samples); KEEP_OCR=1
# keeps existing tesseract outputs (slow to remake; they only depend on the page images).
set -eu
: "${BUILD:=build}"
: "${SHARED:=../shared}"
: "${OUT:=samples}"
: "${FULLDIR:=$BUILD/samples-full}"
MK=$BUILD/tools/mksamples
SCAN=$BUILD/tools/mkscan
SEEDS=$SHARED/seeds
TABLES=$SHARED/tables
what=${1:-all}
mkdir -p "$OUT"

seed_file() { ls "$SEEDS"/"$1"_*.txt | head -1; }

# ---- 1. born-digital PDFs: s<NNN>-born.pdf, .truth.txt, .geom (layout facts for the scanner),
#         .table.csv for the documents with an appendix table.
born() {
	# 000 and 002 start at "KẾ HOẠCH" with no letterhead of their own: the letterhead is made up
	# (generic issuer, blank number, month of the document) and the .geom file says so.
	"$MK" layout --geometry "$OUT/s000-born.geom" \
		--issuer "UBND TỈNH LAI CHÂU|SỞ Y TẾ" --number "Số: /KH-SYT" \
		--date "Lai Châu, ngày tháng 5 năm 2025" \
		"$(seed_file 000)" "$OUT/s000-born.pdf" "$OUT/s000-born.truth.txt"
	"$MK" layout --geometry "$OUT/s002-born.geom" \
		--issuer "ỦY BAN NHÂN DÂN|TỈNH LAI CHÂU" --number "Số: /KH-UBND" \
		--date "Lai Châu, ngày tháng 5 năm 2025" \
		"$(seed_file 002)" "$OUT/s002-born.pdf" "$OUT/s002-born.truth.txt"
	"$MK" layout --geometry "$OUT/s003-born.geom" \
		--table "$TABLES/003_plan_2021.csv" \
		--table-title "DỰ KIẾN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRIỂN KHAI NĂM 2021" \
		--group-col group --merge-col task \
		--table-head "Nhiệm vụ cụ thể|Sản phẩm|Đơn vị chủ trì|Đơn vị phối hợp|Thời gian thực hiện|Kinh phí dự kiến (triệu đồng)|Ghi chú" \
		--table-widths "22,22,12,16,9,9,10" \
		"$(seed_file 003)" "$OUT/s003-born.pdf" "$OUT/s003-born.truth.txt"
	cat "$TABLES/003_plan_2021.csv" >"$OUT/s003-born.table.csv"
	"$MK" layout --geometry "$OUT/s004-born.geom" \
		--table "$TABLES/004_appendix_2023.csv" \
		--table-title "PHỤ LỤC|Nhiệm vụ, giải pháp cải thiện Chỉ số PCI, PAPI, SIPAS, PAR INDEX của ngành Y tế" \
		--group-col group \
		--table-head "TT|NHIỆM VỤ THỰC HIỆN|CHỦ TRÌ|PHỐI HỢP|KẾT QUẢ ĐẠT ĐƯỢC|THỜI GIAN HOÀN THÀNH" \
		--table-widths "5,30,12,14,29,10" \
		"$(seed_file 004)" "$OUT/s004-born.pdf" "$OUT/s004-born.truth.txt"
	cat "$TABLES/004_appendix_2023.csv" >"$OUT/s004-born.table.csv"
	# Seed 001 is the real example of a text layer made by OCR without Vietnamese.
	cat "$(seed_file 001)" >"$OUT/s001-real-engocr.txt"
}

# ---- 2. scans. One scanned PDF per call: scan NAME DOC LEVEL DPI SEED "PAGES" [TURN_PAGE TURN].
#      Pages of sNNN-born.pdf are rasterized at DPI, degraded by mkscan with seed SEED+page
#      (the page that holds the signature gets the stamp and the signature, in colour; the others
#      are grey), written as JPEG and assembled into an image-only PDF; the truth is the born
#      truth of those pages. Each scan adds a MANIFEST row to $OUT/scans.list.
TMPD=
cleanup() { [ -z "$TMPD" ] || rm -rf "$TMPD"; }
trap cleanup EXIT
tmpdir() { [ -n "$TMPD" ] || TMPD=$(mktemp -d); }

# truth_pages TRUTH "P1 P2 ..." — the truth of the given pages (1-based), form feeds between.
truth_pages() {
	awk -v want="$2" 'BEGIN { RS = "\f\n"; ORS = ""; n = split(want, w, " ") }
		{ page[NR] = $0 }
		END { for (i = 1; i <= n; i++) { if (i > 1) printf "\f\n"; t = page[w[i]]; sub(/\n*$/, "\n", t); printf "%s", t } }' "$1"
}

raster() { # raster DOC DPI -> $TMPD/DOC-DPI-NNN.png (once)
	tmpdir
	[ -f "$TMPD/$1-$2-001.png" ] || "$MK" raster "$OUT/s$1-born.pdf" "$2" "$TMPD/$1-$2"
}

scan() {
	name=$1 doc=$2 lvl=$3 dpi=$4 seed=$5 pages=$6 turnp=${7:-0} turn=${8:-0}
	raster "$doc" "$dpi"
	set -- $(sed -n 's/^signature //p' "$OUT/s$doc-born.geom")
	sigp=$1
	# The stamp overlaps the left part of the signature block, 17 mm radius.
	stamp=$(echo "$2 $3 $4 $5 $dpi" | awk '{ k = $5 / 72; printf "%d,%d,%d", ($1 + 0.22 * ($3 - $1)) * k, ($2 + 0.55 * ($4 - $2)) * k, 48 * k }')
	dest=${DEST:-$OUT}
	imgs=""
	for p in $pages; do
		pp=$(printf %03d "$p")
		opts="--level $lvl --seed $((seed + p)) --dpi $dpi"
		if [ "$p" = "$sigp" ]; then opts="$opts --stamp $stamp"; else opts="$opts --gray"; fi
		[ "$p" != "$turnp" ] || opts="$opts --turn $turn"
		"$SCAN" $opts "$TMPD/$doc-$dpi-$pp.png" "$TMPD/$name-$pp.jpg" >/dev/null
		imgs="$imgs $TMPD/$name-$pp.jpg"
	done
	"$MK" imgpdf "$dest/$name.pdf" "$dpi" $imgs
	truth_pages "$OUT/s$doc-born.truth.txt" "$pages" >"$dest/$name.truth.txt"
	desc="$lvl $dpi dpi pages $(echo $pages | tr ' ' '+')"
	[ "$turn" = 0 ] || desc="$desc; page $turnp turned $turn"
	echo "$name.pdf,s$doc-born.pdf,scanned-pdf,$desc,$seed" >>"$dest/.scans.list"
	[ "$dest" = "$OUT" ] || rm -f "$TMPD"/$name-*.jpg
}

# page_image NAME DOC LEVEL DPI SEED PAGE EXT [--bitonal] — one degraded page as PNG or TIFF.
page_image() {
	name=$1 doc=$2 lvl=$3 dpi=$4 seed=$5 p=$6 ext=$7 mode=${8:---gray}
	raster "$doc" "$dpi"
	"$SCAN" --level "$lvl" --seed $((seed + p)) --dpi "$dpi" $mode \
		"$TMPD/$doc-$dpi-$(printf %03d "$p").png" "$OUT/$name.$ext" >/dev/null
	truth_pages "$OUT/s$doc-born.truth.txt" "$p" >"$OUT/$name.truth.txt"
	echo "$name.$ext,s$doc-born.pdf,page-image,$lvl $dpi dpi page $p$( [ "$mode" = --gray ] || echo " bitonal"),$seed" >>"$OUT/.scans.list"
}

scans() {
	: >"$OUT/.scans.list"
	sig0=$(sed -n 's/^signature \([0-9]*\).*/\1/p' "$OUT/s000-born.geom")
	sig4=$(sed -n 's/^signature \([0-9]*\).*/\1/p' "$OUT/s004-born.geom")
	# The committed set: first page and signature page of 000 at each level (clean at 200 dpi),
	# the signature page (turned upside down) and a table page of 004, one grey PNG page and one
	# bitonal TIFF table page.
	scan s000-scan-clean-200dpi 000 clean 200 1000 "1 $sig0"
	scan s000-scan-typical 000 typical 300 2000 "1 $sig0"
	scan s000-scan-hard 000 hard 300 3000 "1 $sig0"
	scan s004-scan-typical 004 typical 300 2400 "$sig4 $((sig4 + 1))" "$sig4" 180
	page_image s002-scan-clean-p1 002 clean 200 2200 1 png
	page_image s003-scan-typical-p14 003 typical 300 1300 14 tif --bitonal
}

# ---- the full set (not committed: about 70 MB): every page of every document at every level,
#      300 dpi, into $FULLDIR (build/samples-full) with its own MANIFEST.csv and truth;
#      `make samples FULL=1`.
full() {
	mkdir -p "$FULLDIR"
	: >"$FULLDIR/.scans.list"
	for n in 000 002 003 004; do
		np=$(sed -n 's/^pages //p' "$OUT/s$n-born.geom")
		all=$(seq 1 "$np" | tr '\n' ' ')
		cp "$OUT/s$n-born.geom" "$FULLDIR/"
		DEST=$FULLDIR scan s$n-scan-clean $n clean 300 $((1$n * 10 + 1000000)) "$all"
		DEST=$FULLDIR scan s$n-scan-typical $n typical 300 $((1$n * 10 + 2000000)) "$all" 2 180
		DEST=$FULLDIR scan s$n-scan-hard $n hard 300 $((1$n * 10 + 3000000)) "$all" 3 90
	done
	{ echo "file,made_from,kind,degradation,seed"; cat "$FULLDIR/.scans.list"; } >"$FULLDIR/MANIFEST.csv"
}

# ---- 3. wrong-language OCR: what an OCR engine without Vietnamese makes of these pages, like
#      seed 001. Tesseract -l eng lays an invisible text layer over the scanned images (its PDF
#      renderer) and writes the plain text; the clean rendered pages of every document are read
#      the same way (text only), and a stripped-diacritics text is made from each truth.
ocr() {
	export OMP_THREAD_LIMIT=1
	: >"$OUT/.ocr.list"
	name=s000-scan-typical
	ls "$TMPD"/$name-*.jpg >"$TMPD/$name.list"
	[ "${KEEP_OCR:-0}" = 1 ] && [ -s "$OUT/$name-engocr.pdf" ] ||
		tesseract "$TMPD/$name.list" "$OUT/$name-engocr" -l eng pdf txt >/dev/null 2>&1
	cp "$OUT/$name.truth.txt" "$OUT/$name-engocr.truth.txt"
	pg=$(sed -n "s/^$name.pdf,.*pages \([0-9+]*\).*/\1/p" "$OUT/.scans.list")
	echo "$name-engocr.pdf,$name.pdf,eng-ocr-pdf,typical 300 dpi pages $pg; text layer by tesseract -l eng," >>"$OUT/.ocr.list"
	echo "$name-engocr.txt,$name.pdf,eng-ocr-text,typical 300 dpi pages $pg; tesseract -l eng," >>"$OUT/.ocr.list"
	for n in 000 002 003 004; do
		if [ "${KEEP_OCR:-0}" != 1 ] || [ ! -s "$OUT/s$n-born-engocr.txt" ]; then
			raster $n 300
			ls "$TMPD"/$n-300-*.png >"$TMPD/$n.list"
			tesseract "$TMPD/$n.list" "$OUT/s$n-born-engocr" -l eng txt >/dev/null 2>&1
		fi
		cp "$OUT/s$n-born.truth.txt" "$OUT/s$n-born-engocr.truth.txt"
		echo "s$n-born-engocr.txt,s$n-born.pdf,eng-ocr-text,none (born-digital pages rendered at 300 dpi); tesseract -l eng," >>"$OUT/.ocr.list"
		"$MK" strip "$OUT/s$n-born.truth.txt" "$OUT/s$n-stripped.txt"
		cp "$OUT/s$n-born.truth.txt" "$OUT/s$n-stripped.truth.txt"
		echo "s$n-stripped.txt,s$n-born.truth.txt,stripped-text,all diacritics removed," >>"$OUT/.ocr.list"
	done
}

# ---- MANIFEST.csv: file,made_from,kind,degradation,seed for every sample present. The truth of
#      samples/X.ext is samples/X.truth.txt (and X.table.csv for documents with a table).
manifest() {
	m=$OUT/MANIFEST.csv
	echo "file,made_from,kind,degradation,seed" >"$m"
	for n in 000 002 003 004; do
		f=s$n-born.pdf
		[ -f "$OUT/$f" ] || continue
		lh=$(sed -n 's/^letterhead //p' "$OUT/s$n-born.geom")
		echo "$f,seeds/$(basename "$(seed_file $n)") (letterhead: $lh),born-digital-pdf,none," >>"$m"
	done
	[ -f "$OUT/s001-real-engocr.txt" ] &&
		echo "s001-real-engocr.txt,seeds/$(basename "$(seed_file 001)"),real-eng-ocr-text,real scan read without Vietnamese," >>"$m"
	[ ! -f "$OUT/.scans.list" ] || cat "$OUT/.scans.list" >>"$m"
	[ ! -f "$OUT/.ocr.list" ] || cat "$OUT/.ocr.list" >>"$m"
}

case $what in
born) born; manifest ;;
scan) scans; manifest ;;
ocr) scans; ocr; manifest ;;
manifest) manifest ;;
all) born; scans; ocr; manifest; [ "${FULL:-0}" != 1 ] || full ;;
full) full ;;
*) echo "usage: $0 [born|scan|ocr|manifest|full|all]" >&2; exit 2 ;;
esac
