#!/bin/sh
# io-safety: what goes in and out of the program is safe (issue 12 items 4, 5, 6, 8). No CSV cell
# of a run over hostile file names and text starts a formula, and every CSV is UTF-8; --excel
# writes a BOM; a .txt that looks like PDF or PNM, or holds NUL bytes, keeps all its text; '-' is
# standard input/output in each command and what comes in is sniffed; Ctrl-C exits 130; one
# failure is one stderr line. Inputs are made here or taken from samples/ (in the repository).
. tests/lib.sh
PDF=samples/s000-born.pdf
PNG=samples/s002-scan-clean-p1.png
PY=$(command -v python3)

# ---- 4. CSV injection ----
IN=$TMP/in
mkdir -p "$IN"
body='=HYPERLINK("http://example.com/x","bấm vào")
@SUM(1) Tỷ lệ hồ sơ đạt 90%
+1+1 Chỉ tiêu hoàn thành 95%
-2+3 Tỷ lệ giải quyết đúng hạn đạt 80%
- Điều 1: Tỷ lệ hài lòng đạt 100%
=cmd|'"'"' /C calc'"'"'!A0 theo Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh
	tab Kế hoạch số 12/KH-UBND ngày 01/3/2025
Tổng điểm: -5 điểm; thay đổi +3 điểm'
for name in '=HYPERLINK("http:x","y")' '@SUM(1)' '+1+1' '-2+3' 'plain' "$(printf 'tab\tname')" \
	"$(printf 'latin1-\351\350')"; do
	printf '%s\n' "$body" >"$IN/$name.txt"
done
"$SOHOA" run -q --recursive "$IN" -o "$TMP/out" 2>"$TMP/run.err"
rc=$?
if [ $rc -ne 0 ]; then
	fail "run over hostile names" "exit $rc: $(head -3 "$TMP/run.err")"
elif [ -z "$PY" ]; then
	skip "csv cells (no python3 to parse CSV)"
else
	# every cell of every CSV: not formula-like, and the files are UTF-8; count the quoted ones
	res=$("$PY" - "$TMP/out" <<'EOF'
import csv, glob, io, re, sys
num = re.compile(r'^[+-]?[0-9]+([.,][0-9]+)*([eE][+-]?[0-9]+)?$')
bad, quoted, cells, files = [], 0, 0, 0
for path in sorted(glob.glob(sys.argv[1] + '/*.csv')):
    files += 1
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        bad.append('%s: not UTF-8 (%s)' % (path, e)); continue
    for row in csv.reader(io.StringIO(text, newline='')):
        for c in row:
            cells += 1
            quoted += c.startswith("'")
            if len(c) > 1 and c[0] in '=+-@\t\r' and not num.match(c):
                bad.append('%s: %r' % (path.rsplit('/', 1)[1], c))
print('files=%d cells=%d quoted=%d bad=%d %s' % (files, cells, quoted, len(bad), '; '.join(bad[:3])))
EOF
)
	case $res in
	files=6\ *bad=0*)
		q=$(echo "$res" | sed 's/.*quoted=\([0-9]*\).*/\1/')
		if [ "$q" -ge 10 ]; then pass "no CSV cell starts a formula ($res)"; else fail "hostile cells reached the CSVs" "$res"; fi ;;
	*) fail "no CSV cell starts a formula" "$res" ;;
	esac
	if grep -q 'latin1-\\xE9\\xE8' "$TMP/out/documents.csv"; then pass "a non-UTF-8 file name is written as \\xHH"
	else fail "a non-UTF-8 file name is written as \\xHH" "$(cut -c1-60 "$TMP/out/documents.csv" | tail -3)"; fi
fi
# --excel: a BOM at the start of each CSV, also after a resume; the rows stay the same
"$SOHOA" run -q --recursive --excel "$IN" -o "$TMP/out" 2>/dev/null
n=0; bom=0
for f in "$TMP"/out/*.csv; do
	n=$((n + 1))
	[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' \n')" = efbbbf ] && bom=$((bom + 1))
done
if [ $n -eq 6 ] && [ $bom -eq 6 ]; then pass "--excel: each CSV starts with a BOM after a resume ($bom/$n)"
else fail "--excel: each CSV starts with a BOM" "$bom of $n"; fi
"$SOHOA" run -q --recursive "$IN" -o "$TMP/out" 2>/dev/null
cp "$TMP/out/scores.csv" "$TMP/plain.csv"
"$SOHOA" run -q --recursive --excel "$IN" -o "$TMP/out" 2>/dev/null
tail -c +4 "$TMP/out/scores.csv" >"$TMP/unbom.csv"
test_cmp "--excel changes nothing but the BOM" "$TMP/plain.csv" "$TMP/unbom.csv"

# ---- 5. sniffing and NUL ----
printf 'Ghi chú: bản quét cũ có dòng %%PDF-1.4 ở đầu tệp.\nDòng hai còn nguyên.\n' >"$TMP/mention.txt"
printf '%%PDF-1.7 là phiên bản được nhắc.\nDòng hai còn nguyên.\n' >"$TMP/starts-pdf.txt"
printf 'P1 là phần một của kế hoạch.\nDòng hai còn nguyên.\n' >"$TMP/p1.txt"
printf 'P6\n# note\n12 9\nDòng hai còn nguyên.\n' >"$TMP/p6.txt"
for f in mention starts-pdf p1 p6; do
	out=$("$SOHOA" ingest "$TMP/$f.txt" 2>"$TMP/$f.err")
	rc=$?
	if [ $rc -eq 0 ] && [ "$out" = "$(cat "$TMP/$f.txt")" ] && [ ! -s "$TMP/$f.err" ]; then
		pass "$f.txt is read as text, all of it"
	else
		fail "$f.txt is read as text" "exit $rc: $(head -c 200 "$TMP/$f.err")"
	fi
done
# a NUL after the first KB, and one in the first KB of a .txt: the rest of the line is kept
{ head -c 1500 /dev/zero | tr '\0' 'a'; printf '\000phần sau NUL vẫn còn\ndòng cuối\n'; } >"$TMP/nul-late.txt"
printf 'đầu\000phần sau NUL vẫn còn\ndòng cuối\n' >"$TMP/nul-early.txt"
for f in nul-late nul-early; do
	out=$("$SOHOA" ingest "$TMP/$f.txt" 2>"$TMP/$f.err")
	rc=$?
	nerr=$(wc -l <"$TMP/$f.err")
	if [ $rc -eq 0 ] && echo "$out" | grep -q ' phần sau NUL vẫn còn$' && echo "$out" | grep -q '^dòng cuối$' &&
		[ "$nerr" -eq 1 ] && grep -q 'NUL' "$TMP/$f.err"; then
		pass "$f.txt: the text after the NUL is kept, one warning"
	else
		fail "$f.txt: the text after the NUL is kept" "exit $rc, $nerr stderr lines: $(echo "$out" | tail -c 120)"
	fi
done
# a real binary file named .txt is still refused, in one line
head -c 2000 /dev/urandom >"$TMP/random.txt"
printf '\000\001\002\003' >>"$TMP/random.txt"
"$SOHOA" ingest "$TMP/random.txt" >/dev/null 2>"$TMP/random.err"
rc=$?
if [ $rc -eq 1 ] && [ "$(wc -l <"$TMP/random.err")" -eq 1 ]; then pass "binary .txt is refused in one line"
else fail "binary .txt is refused in one line" "exit $rc: $(cat "$TMP/random.err")"; fi

# ---- 6. '-' is standard input or output ----
want='SỞ Y TẾ'
out=$("$SOHOA" ingest - <"$PDF" 2>/dev/null)
if echo "$out" | grep -q "$want"; then pass "ingest - reads a PDF on stdin"; else fail "ingest - reads a PDF on stdin"; fi
out=$(cat "$PDF" | "$SOHOA" normalize - 2>/dev/null)
if echo "$out" | grep -q "$want"; then pass "normalize - sniffs a PDF piped in"; else fail "normalize - sniffs a PDF piped in"; fi
out=$(cat "$PDF" | "$SOHOA" extract - --only documents -o - 2>/dev/null)
if echo "$out" | grep -q '^stdin,/dev/stdin,.*,7,Kế hoạch,'; then pass "extract - -o - writes the CSV of a piped PDF to stdout"
else fail "extract - -o - writes the CSV of a piped PDF to stdout" "$(echo "$out" | tail -1 | cut -c1-80)"; fi
[ -e ./- ] && fail "extract -o - made a file named -" || pass "extract -o - makes no file named -"
out=$(printf 'Tỷ lệ hồ sơ đạt 90%%\n' | "$SOHOA" extract - --only scores -o - 2>/dev/null)
if echo "$out" | grep -q '^stdin,1,1,.*90'; then pass "extract - reads text piped in"; else fail "extract - reads text piped in" "$out"; fi
"$SOHOA" extract "$TMP/p1.txt" -o - >/dev/null 2>"$TMP/e.err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$TMP/e.err")" -eq 1 ] && grep -q -- '--only' "$TMP/e.err"; then
	pass "extract -o - without --only: usage error in one line"
else fail "extract -o - without --only" "exit $rc: $(cat "$TMP/e.err")"; fi
cat "$PDF" | "$SOHOA" pdf - - >"$TMP/stdout.pdf" 2>"$TMP/pdf.err"
rc=$?
if [ $rc -eq 0 ] && [ "$(head -c 5 "$TMP/stdout.pdf")" = "%PDF-" ]; then pass "pdf - - : PDF in from stdin, out to stdout"
else fail "pdf - -" "exit $rc: $(head -2 "$TMP/pdf.err")"; fi
for args in "run - -o $TMP/r" "run $TMP/p1.txt -o -" "merge - -o $TMP/m"; do
	# shellcheck disable=SC2086
	"$SOHOA" $args >/dev/null 2>"$TMP/r.err" </dev/null
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$TMP/r.err")" -eq 1 ] && grep -q "'-'" "$TMP/r.err"; then
		pass "sohoa ${args%% *} refuses - in one line"
	else fail "sohoa $args refuses -" "exit $rc: $(cat "$TMP/r.err")"; fi
done
if "$SOHOA" ingest --jobs 1 "$PNG" >"$TMP/png.txt" 2>/dev/null && [ -s "$TMP/png.txt" ]; then
	"$SOHOA" ingest --jobs 1 - <"$PNG" >"$TMP/png-stdin.txt" 2>/dev/null
	test_cmp "ingest - reads an image on stdin as the file" "$TMP/png.txt" "$TMP/png-stdin.txt"
else
	skip "ingest - with an image (OCR not available here)"
fi

# ---- 8. signals and messages ----
# Ctrl-C while reading standard input (deterministic: the input never ends)
mkfifo "$TMP/fifo"
"$SOHOA" normalize - <"$TMP/fifo" >/dev/null 2>"$TMP/int.err" &
pid=$!
exec 3>"$TMP/fifo"
sleep 1
kill -INT $pid
wait $pid
rc=$?
exec 3>&-
if [ $rc -eq 130 ] && [ "$(wc -l <"$TMP/int.err")" -le 1 ]; then pass "Ctrl-C exits 130 ($(cat "$TMP/int.err"))"
else fail "Ctrl-C exits 130" "exit $rc: $(cat "$TMP/int.err")"; fi
# Ctrl-C in a run: 130, documents in flight marked interrupted, the CSVs written
mkdir -p "$TMP/slow"
for i in 1 2 3; do cp "$PDF" "$TMP/slow/d$i.pdf"; done
"$SOHOA" run -q --recursive --ocr always --jobs 1 "$TMP/slow" -o "$TMP/slowout" >/dev/null 2>"$TMP/runint.err" &
pid=$!
sleep 2
kill -INT $pid
wait $pid
rc=$?
if [ $rc -eq 130 ] && [ -f "$TMP/slowout/scores.csv" ] && grep -q 'interrupted\|todo' "$TMP/slowout/manifest.tsv"; then
	pass "Ctrl-C in run: exit 130, CSVs written, the rest left for the next run"
elif [ $rc -eq 0 ]; then
	skip "Ctrl-C in run (the run finished in under 2 s)"
else
	fail "Ctrl-C in run" "exit $rc: $(head -3 "$TMP/runint.err")"
fi
# one failure, one line
: >"$TMP/afile"
"$SOHOA" extract -o "$TMP/afile" "$TMP/p1.txt" 2>"$TMP/one.err"
rc=$?
if [ $rc -eq 1 ] && [ "$(wc -l <"$TMP/one.err")" -eq 1 ]; then pass "extract -o FILE: one line ($(cat "$TMP/one.err"))"
else fail "extract -o FILE: one line" "exit $rc, $(wc -l <"$TMP/one.err") lines"; fi
if [ -n "$PY" ]; then
	# PNGs that make libpng complain: a bad CRC on an ancillary chunk, image data cut short
	"$PY" - "$TMP" <<'EOF'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\x00' + b'\xff' * 40 for _ in range(40))
head = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 40, 40, 8, 0, 0, 0, 0))
crc = chunk(b'tEXt', b'k\x00vvvv')[:-1] + b'\x00'
open(sys.argv[1] + '/badcrc.png', 'wb').write(head + crc + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
open(sys.argv[1] + '/shortdata.png', 'wb').write(head + chunk(b'IDAT', zlib.compress(raw)[:20]) + chunk(b'IEND', b''))
EOF
	"$SOHOA" ingest --jobs 1 "$TMP/shortdata.png" >/dev/null 2>"$TMP/png1.err"
	rc=$?
	if [ $rc -eq 1 ] && [ "$(wc -l <"$TMP/png1.err")" -eq 1 ] && ! grep -q libpng "$TMP/png1.err"; then
		pass "a PNG with its data cut short: one line ($(cat "$TMP/png1.err"))"
	else fail "a PNG with its data cut short: one line" "exit $rc: $(tr '\n' '|' <"$TMP/png1.err")"; fi
	"$SOHOA" ingest --jobs 1 "$TMP/badcrc.png" >/dev/null 2>"$TMP/png2.err"
	rc=$?
	if ! grep -q libpng "$TMP/png2.err" && [ "$(wc -l <"$TMP/png2.err")" -le 1 ]; then
		pass "libpng's own warnings do not reach stderr (exit $rc)"
	else fail "libpng's own warnings do not reach stderr" "exit $rc: $(tr '\n' '|' <"$TMP/png2.err")"; fi
fi
"$SOHOA" ingest "$TMP/p1.txt" -o "$TMP/afile/x" >/dev/null 2>"$TMP/w.err"
if [ "$(wc -l <"$TMP/w.err")" -eq 1 ]; then pass "ingest -o unwritable: one line"; else fail "ingest -o unwritable: one line" "$(cat "$TMP/w.err")"; fi
# a page that fails names its page once, in one line (was "page 1: page 1: OCR ran over")
SCAN=samples/s000-scan-hard.pdf
"$SOHOA" ingest --jobs 1 --timeout 1 --pages 1 "$SCAN" >/dev/null 2>"$TMP/t.err"
rc=$?
if [ $rc -eq 0 ]; then
	skip "page error message (OCR of page 1 finished within 1 s or OCR is not available)"
elif [ "$(wc -l <"$TMP/t.err")" -eq 1 ] && [ "$(grep -o 'page 1:' "$TMP/t.err" | wc -l)" -eq 1 ]; then
	pass "a failed page: one line, page named once ($(cat "$TMP/t.err"))"
else
	fail "a failed page: one line, page named once" "exit $rc: $(tr '\n' '|' <"$TMP/t.err")"
fi
