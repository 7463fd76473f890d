#!/bin/sh
# Rebuild samples/ from the seed documents: born-digital PDFs (tools/mksamples layout), scans
# (tools/mkscan on pages rasterized by tools/mksamples raster), wrong-language OCR (tesseract -l
# eng), plain-text variants, truth files and samples/MANIFEST.csv. Deterministic: the same
# tools and seeds give the same files. Usage: sh tools/mksamples.sh [born|scan|ocr|manifest|all]
# (default all). Environment: BUILD (build), SHARED (../shared), OUT (samples).
set -eu
: "${BUILD:=build}"
: "${SHARED:=../shared}"
: "${OUT:=samples}"
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
	[ ! -f "$OUT/scans.list" ] || cat "$OUT/scans.list" >>"$m"
}

case $what in
born) born; manifest ;;
manifest) manifest ;;
all) born; manifest ;;
*) echo "usage: $0 [born|scan|ocr|manifest|all]" >&2; exit 2 ;;
esac
