#!/bin/sh
# sohoa run --review (issue 14): the review pages load in a real browser (headless Chromium, from
# disk): the index has one row per CSV row, each document page one per row of that document,
# every image they name exists and is a PNG, the inline script ran (it fills the row count) with
# no console message, and the screenshot is not blank. A second run keeps everything; a missing
# page makes its document be redone. Also the CSVs' line_source, line_confidence and line_box.
. tests/lib.sh
S=samples
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] || ! command -v python3 >/dev/null 2>&1; then
	skip "run --review" "chromium or python3 missing; make deps"
	exit 0
fi
OUT=$TMP/out
# browse NAME PAGE: dump the DOM of PAGE into $TMP/NAME.dom, console and errors into $TMP/NAME.log
browse() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/chromium" \
		--enable-logging=stderr --v=0 --window-size=1200,900 --dump-dom "file://$2" \
		>"$TMP/$1.dom" 2>"$TMP/$1.log"
}
# The console check can fail: a page with a script error is reported.
printf '<!DOCTYPE html><html><body><script>noSuchFunction();</script></body></html>\n' >"$TMP/bad.html"
browse bad "$TMP/bad.html"
if grep -q 'Uncaught\|CONSOLE' "$TMP/bad.log"; then
	console=1
else
	console=0
	skip "review: console check" "this chromium does not log console errors to stderr"
fi

if "$SOHOA" run "$S/s002-born.pdf" "$S/s003-scan-typical-p14.tif" -o "$OUT" --review -q; then
	pass "run --review: exit 0"
else
	fail "run --review: exit 0"
fi
check "review: index.html" test -s "$OUT/review/index.html"
check "review: a page per document" test -s "$OUT/review/s002-born.pdf.html" -a -s "$OUT/review/s003-scan-typical-p14.tif.html"

# rows in the CSVs, all and per document (doc is the first column)
python3 - "$OUT" >"$TMP/counts" <<'EOF'
import csv, glob, sys, collections
per = collections.Counter()
for f in glob.glob(sys.argv[1] + "/*.csv"):
    with open(f, newline="", encoding="utf-8") as fh:
        r = csv.reader(fh)
        next(r, None)
        for row in r:
            per[row[0]] += 1
print("all", sum(per.values()))
for k, n in per.items():
    print(k, n)
EOF
expect=$(awk '$1 == "all" { print $2 }' "$TMP/counts")

# Each row with a source line says where it came from: the scan's rows ocr with a confidence, the
# born-digital PDF's rows pdf without; boxes are four numbers, x0 < x1 and y0 < y1.
if python3 - "$OUT" <<'EOF'
import csv, glob, sys
n = 0
for f in glob.glob(sys.argv[1] + "/*.csv"):
    for r in csv.DictReader(open(f, newline="", encoding="utf-8")):
        if "line_source" not in r:
            continue
        want = "ocr" if r["doc"].endswith(".tif") else "pdf"
        b = [float(v) for v in r["line_box"].split()]
        conf = float(r["line_confidence"]) if r["line_confidence"] else None
        ok = (r["line_source"] == want and len(b) == 4 and b[0] < b[2] and b[1] < b[3]
              and (conf is not None and 0 <= conf <= 100) == (want == "ocr"))
        if not ok:
            sys.exit("bad row in %s: %s" % (f, r))
        n += 1
sys.exit(0 if n else "no row has line_source")
EOF
then
	pass "csv: line_source, line_confidence, line_box on every row with a line"
else
	fail "csv: line_source, line_confidence, line_box on every row with a line"
fi

# imgs NAME PAGE: every <img src> of the dumped page exists beside PAGE and is a PNG; echoes the count
imgs() {
	python3 - "$TMP/$1.dom" "$(dirname "$2")" <<'EOF'
import re, sys, os, urllib.parse
dom = open(sys.argv[1], encoding="utf-8").read()
srcs = re.findall(r'<img[^>]*\ssrc="([^"]+)"', dom)
bad = [s for s in srcs
       if not os.path.isfile(os.path.join(sys.argv[2], urllib.parse.unquote(s)))
       or open(os.path.join(sys.argv[2], urllib.parse.unquote(s)), "rb").read(8) != b"\x89PNG\r\n\x1a\n"]
print(len(srcs) if not bad else "missing " + " ".join(bad[:3]))
EOF
}

browse index "$OUT/review/index.html"
rows=$(grep -o '<tr class="row"' "$TMP/index.dom" | wc -l)
if [ "$expect" -gt 0 ] && [ "$rows" -eq "$expect" ]; then
	pass "review: index has a row per CSV row ($rows)"
else
	fail "review: index has a row per CSV row" "$rows rows, CSVs have $expect"
fi
n=$(imgs index "$OUT/review/index.html")
case $n in
''|missing*|0) fail "review: index crops exist" "$n" ;;
*) pass "review: index crops exist ($n images)" ;;
esac
if grep -q "<span id=\"count\">$expect of $expect rows</span>" "$TMP/index.dom"; then
	pass "review: the script ran (row count filled)"
else
	fail "review: the script ran (row count filled)"
fi
check "review: rows are keyboard-focusable" grep -q '<tr class="row" tabindex="0"' "$TMP/index.dom"
check "review: OCR rows carry their confidence" grep -q 'data-kind="[a-z]*" data-conf="[0-9]' "$TMP/index.dom"
check "review: kind and confidence filters" grep -q '<select id="kind">.*<input id="conf"' "$TMP/index.dom"
if [ "$console" = 1 ]; then
	if grep -q 'Uncaught\|CONSOLE' "$TMP/index.log"; then
		fail "review: no console messages" "$(grep -m1 'Uncaught\|CONSOLE' "$TMP/index.log")"
	else
		pass "review: no console messages"
	fi
fi

for key in s002-born.pdf s003-scan-typical-p14.tif; do
	browse "$key" "$OUT/review/$key.html"
	want=$(awk -v k="$key" '$1 == k { print $2 }' "$TMP/counts")
	got=$(grep -o '<tr class="row"' "$TMP/$key.dom" | wc -l)
	if [ -n "$want" ] && [ "$got" -eq "$want" ]; then
		pass "review: $key page has its $got rows"
	else
		fail "review: $key page has its rows" "$got rows, CSVs have ${want:-none}"
	fi
	check "review: $key metadata beside the letterhead" grep -q '<div class="meta"><table>.*<th>pages</th>.*<img src="[^"]*head.png"' "$TMP/$key.dom"
	n=$(imgs "$key" "$OUT/review/$key.html")
	case $n in
	''|missing*|0) fail "review: $key crops exist" "$n" ;;
	*) pass "review: $key crops exist ($n images)" ;;
	esac
	if [ "$console" = 1 ] && grep -q 'Uncaught\|CONSOLE' "$TMP/$key.log"; then
		fail "review: $key no console messages" "$(grep -m1 'Uncaught\|CONSOLE' "$TMP/$key.log")"
	fi
done
check "review: low-confidence words marked on the scan" grep -q '<mark title="confidence' "$TMP/s003-scan-typical-p14.tif.dom"

# The screenshot: written, and not blank (many distinct values once the PNG is inflated).
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/chromium" \
	--screenshot="$TMP/shot.png" --window-size=1200,900 "file://$OUT/review/index.html" >/dev/null 2>&1
if python3 - "$TMP/shot.png" <<'EOF'
import sys, struct, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n"
i, idat, w = 8, b"", 0
while i < len(d):
    n, t = struct.unpack(">I4s", d[i:i + 8])
    if t == b"IHDR":
        w, h = struct.unpack(">II", d[i + 8:i + 16])
    if t == b"IDAT":
        idat += d[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(idat)
sys.exit(0 if w == 1200 and len(set(raw)) > 64 else 1)
EOF
then
	pass "review: screenshot 1200 wide, not blank"
else
	fail "review: screenshot 1200 wide, not blank"
fi

# Resuming: nothing to redo; a missing page makes its document redone.
"$SOHOA" run "$S/s002-born.pdf" "$S/s003-scan-typical-p14.tif" -o "$OUT" --review 2>"$TMP/again"
check "review: second run keeps both" grep -q "0 documents ok, 0 partial, 0 failed, 2 kept" "$TMP/again"
rm "$OUT/review/s002-born.pdf.html"
"$SOHOA" run "$S/s002-born.pdf" "$S/s003-scan-typical-p14.tif" -o "$OUT" --review 2>"$TMP/again"
check "review: a missing page is redone" grep -q "1 documents ok, 0 partial, 0 failed, 1 kept" "$TMP/again"
check "review: its page is back" test -s "$OUT/review/s002-born.pdf.html"
