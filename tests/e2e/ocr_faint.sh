#!/bin/sh
# Faint ink (a light photocopy whose text never gets darker than mid-gray): the page is read
# like the same page in black ink. The fixture is made here from tests/fixtures/ocr/scan200.png,
# its grays mapped from 0..255 to 150..255. Before the contrast stretch such a page gave 0 lines
# (Sauvola and the letter-height measure lost the ink) and its document no text at all.
. tests/lib.sh
F=tests/fixtures/ocr
CER=$BUILD/tools/cer
[ -x "$CER" ] || { echo "SKIP: ocr_faint: $CER not built"; exit 0; }
command -v mutool >/dev/null 2>&1 || { echo "SKIP: ocr_faint: mutool (mupdf-tools) not installed"; exit 0; }

mutool draw -q -r 200 -c gray -o "$TMP/page.pgm" "$F/scan200.png" 2>/dev/null
python3 - "$TMP/page.pgm" "$TMP/faint.pgm" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
magic, size, depth, pixels = data.split(b'\n', 3)
lighter = bytes(150 + v * 105 // 255 for v in range(256))
open(sys.argv[2], 'wb').write(b'\n'.join([magic, size, depth]) + b'\n' + pixels.translate(lighter))
PY
check "faint fixture made" test -s "$TMP/faint.pgm"

"$SOHOA" ingest --format tsv "$TMP/page.pgm" -o "$TMP/page.tsv" 2>"$TMP/page.err"
"$SOHOA" ingest -v --format tsv "$TMP/faint.pgm" -o "$TMP/faint.tsv" 2>"$TMP/faint.err"
check "faint: ingest exits 0" test $? -eq 0
for f in page faint; do awk -F'\t' 'NR > 1 { print $10 }' "$TMP/$f.tsv" >"$TMP/$f.txt"; done
black=$("$CER" "$F/scan200.txt" "$TMP/page.txt")
faint=$("$CER" "$F/scan200.txt" "$TMP/faint.txt")
if awk -v f="${faint%% *}" -v b="${black%% *}" 'BEGIN { exit !(f + 0 <= b + 0.01) }'; then
	pass "faint: read as well as black ink (CER $faint, black $black)"
else
	fail "faint: read as well as black ink" "CER $faint, black $black"
fi
check "faint: not enlarged as if its letters were small" test "$(grep -c "small text enlarged" "$TMP/faint.err")" -eq 0
