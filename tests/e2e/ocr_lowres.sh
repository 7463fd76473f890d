#!/bin/sh
# A page image of low resolution in a PDF (issue 13): a scan kept at 100 ppi, which the PDF
# adapter renders at 300 dpi, so each of its pixels comes as a 3x3 block of equal ones. The OCR
# takes such a raster back to its own pixels and enlarges its letters smoothly (the stair-stepped
# letters blown up three times read worse than bare Tesseract). The page: text set in Times by
# python3, rasterized at 100 dpi in gray by pdftoppm, and that image put on a page of its size.
. tests/lib.sh
for c in python3 pdftoppm; do
	command -v $c >/dev/null || { skip "lowres" "$c not installed"; exit 0; }
done
body="The units shall send their reports on the plan for administrative reform
to the Department before the fifth of January, with the figures of each
district and the list of the schools that have not yet been inspected.
The Department sums up the reports and proposes to the Provincial Committee
the measures for the next year, and the schools keep their records."
printf '%s\n' "$body" >"$TMP/truth.txt"
python3 - "$TMP/text.pdf" "$TMP/truth.txt" <<'PY'
import sys
sys.path.insert(0, "tests")
from minipdf import stream, write
lines = open(sys.argv[2]).read().split("\n")
c = ["BT /F1 14 Tf 60 %d Td (%s) Tj ET" % (740 - 22 * i, t) for i, t in enumerate(lines) if t]
objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> >>",
    stream("", "\n".join(c)),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
]
write(sys.argv[1], objs)
PY
pdftoppm -r 100 -gray "$TMP/text.pdf" "$TMP/img"
python3 - "$TMP/scan.pdf" "$TMP"/img*.pgm <<'PY'
import sys
sys.path.insert(0, "tests")
from minipdf import stream, write
data = open(sys.argv[2], "rb").read()
# binary PGM: P5, width, height, maxval, one white space, then the samples
parts, pos = [], 0
while len(parts) < 4:
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    parts.append(data[pos:end])
    pos = end
w, h = int(parts[1]), int(parts[2])
samples = data[pos + 1:pos + 1 + w * h]
pw, ph = w * 72 / 100, h * 72 / 100
objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 4 0 R "
    "/Resources << /XObject << /Im1 5 0 R >> >> >>" % (pw, ph),
    stream("", "q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q" % (pw, ph)),
    stream("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
           "/BitsPerComponent 8" % (w, h), samples.decode("latin-1")),
]
write(sys.argv[1], objs)
PY
"$SOHOA" ingest -v "$TMP/scan.pdf" -o "$TMP/scan.txt" 2>"$TMP/scan.err"
check "lowres: ingest exits 0" test $? -eq 0
check "lowres: read at the image's own resolution" grep -q "3x repeated pixels" "$TMP/scan.err"
check "lowres: body read" grep -q "fifth of January" "$TMP/scan.txt"
if [ -x "$BUILD/tools/cer" ]; then
	set -- $("$BUILD/tools/cer" "$TMP/truth.txt" "$TMP/scan.txt")
	echo "# lowres: CER $1 ($2/$3)"
	check "lowres: CER under 2%" awk -v c="$1" 'BEGIN { exit !(c < 0.02) }'
else
	skip "lowres: CER" "$BUILD/tools/cer not built"
fi
