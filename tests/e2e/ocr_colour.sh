#!/bin/sh
# Coloured ink on OCR pages (issue 13): printed blue type (an e-signature block) is read like
# black print, while a blue pen signature, one long sparse stroke, is still taken out. The page
# is a PDF written here by python3 (Times, ASCII) and read with --ocr always, so it is rendered
# in colour and goes through the OCR preparation.
. tests/lib.sh
command -v python3 >/dev/null || { echo "SKIP: colour: python3 not installed"; exit 0; }
python3 - "$TMP/blue.pdf" <<'PY'
import sys
sys.path.insert(0, "tests")
from minipdf import stream, write
body = ["Pursuant to the Decision of the Provincial Committee on the plan",
        "for administrative reform, the Department reports as follows.",
        "The units shall send their reports before the fifth of January."]
c = ["BT /F1 12 Tf 72 %d Td (%s) Tj ET" % (760 - 18 * i, t) for i, t in enumerate(body)]
# a printed e-signature block in blue: frame and three lines of type
c.append("0.1 0.3 0.85 RG 1 w 300 560 220 62 re S")
c.append("0.1 0.3 0.85 rg")
for i, t in enumerate(["Signed by: Department of Education", "Agency: City People Committee", "Time: 21.11.2025 10:56:22"]):
    c.append("BT /F1 10 Tf 306 %d Td (%s) Tj ET" % (606 - 16 * i, t))
# a pen signature in blue over the signer's name: long loops
c.append("0 0 0 rg BT /F1 12 Tf 330 470 Td (Nguyen Van An) Tj ET")
c.append("0.15 0.2 0.7 RG 1.6 w 310 480 m 340 540 360 420 390 500 c 420 560 440 430 470 490 c 490 530 520 450 540 480 c S")
page = "\n".join(c)
objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> >>",
    stream("", page),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
]
write(sys.argv[1], objs)
PY
"$SOHOA" ingest -q --ocr always "$TMP/blue.pdf" -o "$TMP/blue.txt" 2>"$TMP/blue.err"
check "colour: ingest exits 0" test $? -eq 0
check "colour: black body read" grep -q "reports before the fifth of January" "$TMP/blue.txt"
check "colour: blue type line 1 read" grep -q "Signed by: Department of Education" "$TMP/blue.txt"
check "colour: blue type line 2 read" grep -q "Agency: City People Committee" "$TMP/blue.txt"
check "colour: blue type line 3 read" grep -q "Time: 21.11.2025 10:56:22" "$TMP/blue.txt"
check "colour: the signer's name under the pen stroke read" grep -q "An$" "$TMP/blue.txt"
check "colour: no line from the pen stroke" test "$(wc -l <"$TMP/blue.txt")" -le 7
