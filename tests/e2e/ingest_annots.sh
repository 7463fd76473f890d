#!/bin/sh
# sohoa ingest reads the text of annotation appearance streams where they are drawn: e-signing
# systems write a document's number and day into signature widgets over gaps of the page's own
# lines ("Số:      /QĐ-UBND"), and the signer's block into stamps. The PDF is written here by
# python3 (Helvetica, ASCII): a page whose lines have gaps, two signature widgets that fill
# them, a free-text annotation on a line of its own and a hidden one that must stay unread.
. tests/lib.sh
command -v python3 >/dev/null || { echo "SKIP: annots: python3 not installed"; exit 0; }
python3 - "$TMP/esign.pdf" <<'EOF'
import sys
sys.path.insert(0, "tests")
from minipdf import stream, write
page = "BT /F1 12 Tf 72 760 Td (So:              /QD-UBND) Tj ET\n" \
       "BT /F1 12 Tf 300 760 Td (Ha Noi, ngay       thang 11 nam 2025) Tj ET\n" \
       "BT /F1 12 Tf 72 700 Td (Body text of the letter.) Tj ET"
ap = lambda s, w: stream("/Type /XObject /Subtype /Form /BBox [0 0 %d 16] " % w +
                      "/Resources << /Font << /F1 5 0 R >> >>",
                      "BT /F1 12 Tf 2 3 Td (%s) Tj ET" % s)
objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 8 0 R 10 0 R 12 0 R] >>",
    stream("", page),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Annot /Subtype /Widget /FT /Sig /T (VanThuChoSo) /F 132 /V 14 0 R "
    "/Rect [100 756 140 772] /AP << /N 7 0 R >> >>",
    ap("542", 40),
    "<< /Type /Annot /Subtype /Widget /FT /Sig /T (VanThuChoNgay) /F 132 /V 14 0 R "
    "/Rect [371 756 401 772] /AP << /N 9 0 R >> >>",
    ap("06", 30),
    "<< /Type /Annot /Subtype /FreeText /F 4 /Rect [72 600 272 616] /DA (/F1 12 Tf 0 g) "
    "/Contents (TRUNG TAM CONG BAO) /AP << /N 11 0 R >> >>",
    stream("/Type /XObject /Subtype /Form /BBox [0 0 200 16] /Resources << /Font << /F1 5 0 R >> >>",
           "BT /F1 12 Tf 2 3 Td (TRUNG TAM CONG BAO) Tj ET"),
    "<< /Type /Annot /Subtype /FreeText /F 2 /Rect [72 500 272 516] /DA (/F1 12 Tf 0 g) "
    "/Contents (HIDDEN NOTE) /AP << /N 13 0 R >> >>",
    stream("/Type /XObject /Subtype /Form /BBox [0 0 200 16] /Resources << /Font << /F1 5 0 R >> >>",
           "BT /F1 12 Tf 2 3 Td (HIDDEN NOTE) Tj ET"),
    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
    "/ByteRange [0 0 0 0] /Contents <00> >>",
]
write(sys.argv[1], objs)
EOF
"$SOHOA" ingest "$TMP/esign.pdf" -o "$TMP/esign.txt" 2>"$TMP/esign.err"
check "annots: ingest exits 0" test $? -eq 0
check "annots: widget number joins its line" grep -qx 'So: 542 /QD-UBND' "$TMP/esign.txt"
check "annots: widget day joins its line" grep -qx 'Ha Noi, ngay 06 thang 11 nam 2025' "$TMP/esign.txt"
check "annots: free text read" grep -qx 'TRUNG TAM CONG BAO' "$TMP/esign.txt"
check "annots: hidden annotation not read" test "$(grep -c HIDDEN "$TMP/esign.txt")" -eq 0
check "annots: body kept" grep -qx 'Body text of the letter.' "$TMP/esign.txt"
