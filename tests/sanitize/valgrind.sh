#!/bin/sh
# One end-to-end `sohoa run` under valgrind memcheck: text documents and a born-digital PDF (no
# OCR: Tesseract under valgrind takes minutes a page), two jobs so the threads run too. Passes
# only with zero errors and no definite leaks.
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
SUPP=$PWD/tests/sanitize/valgrind.supp
GEN=$PWD/tests/bad/gen.sh
PDF=$(ls "$PWD"/samples/*-born.pdf 2>/dev/null | head -1)
cd "$TMP" || exit 1
BIG=0 sh "$GEN" bad >/dev/null 2>&1
mkdir -p in
cp bad/good.txt bad/good.pdf bad/invalid-utf16.txt bad/corrupt.pdf bad/encrypted.pdf in/
[ -n "$PDF" ] && cp "$PDF" in/
printf 'Căn cứ Quyết định số 5/QĐ-UBND ngày 02/4/2024 của UBND tỉnh Lai Châu;\n\fTrang hai\n' >in/two-pages.txt
timeout 600 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --suppressions="$SUPP" --log-file=vg.log \
	"$S" run in -o out --recursive --jobs 2 --ocr never -q 2>err
rc=$?
check "valgrind: run finished (exit 1 for the bad inputs)" test $rc -eq 1
if [ -s vg.log ]; then
	fail "valgrind: zero reports" "$(grep -c '^==[0-9]*== [A-Z]' vg.log) report lines"
	grep -E '^==[0-9]+== (Invalid|Conditional|Use of|Syscall|Mismatched|[0-9,]+ bytes|   (at|by) )' vg.log | head -30 | sed 's/^/    /'
else
	pass "valgrind: zero reports"
fi
check "valgrind: good documents done" grep -q '^in/good.txt	.*	ok	' out/manifest.tsv
