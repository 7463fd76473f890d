#!/bin/sh
# Limits that no input may get past (issue 12 item 3): a 1 MB one-line text runs in seconds (every
# extractor linear in line length); --timeout bounds a whole document over all its stages (it
# fails with one line naming it, the batch goes on, exit 1); a huge PDF page is rendered at a
# lower dpi so a job stays under 1 GB.
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
TOP=$PWD
cd "$TMP" || exit 1

# line FILE SENTENCE: SENTENCE repeated into one line of 1,000,000 bytes
line() {
	awk -v s="$2" 'BEGIN { n = 0; while (n < 1000000) { printf "%s ", s; n += length(s) + 1; } print ""; }' >"$1"
}
line long.txt 'Căn cứ Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu về kế hoạch đạt 95% chỉ tiêu, 10 điểm; Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện trước ngày 30/6/2025'
line nospace.txt '608/QĐ-UBND,02/4/2025;95%,2,5điểm-'
line items.txt '- Nhiệm vụ 1: Tăng cường kiểm tra; đạt 100% số xã; Điểm: 10 điểm; mức 1 từ 90 đến 100 điểm,'
for f in long nospace items; do
	start=$(date +%s)
	timeout 120 "$S" run $f.txt -o out-$f -q --restore off 2>$f.err
	rc=$?
	secs=$(($(date +%s) - start))
	echo "# $f.txt (1 MB, one line): exit $rc in ${secs}s"
	check "1 MB line ($f): run exits 0" test $rc -eq 0
	check "1 MB line ($f): in seconds (${secs}s <= 30)" test $secs -le 30
done
check "1 MB line: its citations are all found" test "$(grep -c 608/QĐ-UBND out-long/references.csv)" -ge 2000

# A document over its deadline: restoring a 1 MB line of words without marks in random order (the
# words of the stripped samples) takes about 25 s.
cat "$TOP"/samples/*stripped*.txt | tr -s ' \n' '\n\n' |
	awk 'BEGIN { srand(3) } { w[NR] = $0 } END { while (n < 1000000) { x = w[int(rand() * NR) + 1]; printf "%s ", x; n += length(x) + 1 } print "" }' >plain.txt
printf 'Quyết định số 12/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu\n' >good.txt
start=$(date +%s)
timeout 120 "$S" run plain.txt good.txt -o out-deadline -q --timeout 3 --jobs 1 2>deadline.err
rc=$?
secs=$(($(date +%s) - start))
echo "# --timeout 3: exit $rc in ${secs}s: $(head -1 deadline.err)"
check "--timeout: exit 1" test $rc -eq 1
check "--timeout: bounded (${secs}s <= 15)" test $secs -le 15
check "--timeout: one line, naming the file" sh -c "test \$(wc -l <deadline.err) -eq 1 && grep -q \"'plain.txt': not done within its deadline of 3 s\" deadline.err"
check "--timeout: the document failed" grep -q '^plain.txt	.*	failed	' out-deadline/manifest.tsv
check "--timeout: the batch went on" grep -q '^good.txt	.*	ok	' out-deadline/manifest.tsv

# A 4000 pt blank page, OCR forced: a lower dpi, under 1 GB.
pdfobj() { printf '%d 0 obj\n%s\nendobj\n' "$1" "$2"; }
printf '%%PDF-1.4\n' >huge.pdf
o1=$(wc -c <huge.pdf); pdfobj 1 '<< /Type /Catalog /Pages 2 0 R >>' >>huge.pdf
o2=$(wc -c <huge.pdf); pdfobj 2 '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' >>huge.pdf
o3=$(wc -c <huge.pdf); pdfobj 3 '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 4000 4000] >>' >>huge.pdf
x=$(wc -c <huge.pdf)
printf 'xref\n0 4\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' \
	"$o1" "$o2" "$o3" "$x" >>huge.pdf
if [ -n "${SOHOA_ASAN:-}" ] || [ ! -x /usr/bin/time ]; then
	echo "SKIP: huge page: peak memory (needs /usr/bin/time and a build without ASan)"
else
	timeout 300 /usr/bin/time -f '%M' -o huge.rss "$S" run huge.pdf -o out-huge --ocr always -v 2>huge.err
	rc=$?
	kb=$(tail -1 huge.rss)
	echo "# huge page: exit $rc, peak $kb KB"
	if grep -q 'tesseract\|traineddata' huge.err && [ $rc -ne 0 ]; then
		echo "SKIP: huge page: no OCR here"
	else
		check "huge page: exit 0" test $rc -eq 0
		check "huge page: rendered at a lower dpi, said with -v" grep -q 'huge.pdf: page 1: 4000x4000 pt is a huge page: rendered at [0-9]* dpi, not 300' huge.err
		check "huge page: peak under 1 GB ($kb KB)" test "$kb" -lt 1000000
	fi
fi
