#!/bin/sh
# A scanned page's text layer is judged without its annotations: e-signing puts a signature
# widget whose appearance is text ("Ky boi: ...") on a page that is only a scan; read with the
# page that text once made it "text layer ok" and the scan was never read. The PDF is written
# here by python3: page 1 an image over 70% of the page (a scan with margins) with the widget,
# page 2 a born-digital page with the same widget (its text layer still kept), page 3 the widget
# alone (no image to read: its text is kept).
. tests/lib.sh
command -v python3 >/dev/null || { echo "SKIP: annots_scan: python3 not installed"; exit 0; }
python3 - "$TMP/scan.pdf" <<'EOF'
import sys
sys.path.insert(0, "tests")
from minipdf import stream, write
sign = "BT /F1 9 Tf 4 40 Td (Ky boi: Cong Thong tin dien tu Chinh phu) Tj " \
       "0 -11 Td (Email: thongtinchinhphu@chinhphu.vn) Tj 0 -11 Td (Co quan: Van phong Chinh phu) Tj " \
       "0 -11 Td (Thoi gian ky: 03.03.2016 15:24:25 +07:00) Tj ET"
body = "".join("BT /F1 11 Tf 72 %d Td (Line %d of the born-digital letter, with its own words.) Tj ET\n"
               % (760 - 16 * i, i + 1) for i in range(12))
widget = lambda ap: ("<< /Type /Annot /Subtype /Widget /FT /Sig /T (Sig) /F 132 "
                     "/V 13 0 R /Rect [360 40 560 100] /AP << /N %d 0 R >> >>" % ap)
page = lambda contents, annot, xobj: (
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
    "/Resources << /Font << /F1 5 0 R >>%s >> /Annots [%d 0 R] >>"
    % (contents, " /XObject << /Im1 6 0 R >>" if xobj else "", annot))
objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 9 0 R 11 0 R] /Count 3 >>",
    page(4, 7, True),                                                  # 3
    stream("", "q 500 0 0 700 48 71 cm /Im1 Do Q"),                     # 4
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
           "/BitsPerComponent 8", "\xff"),                             # 6
    widget(8),                                                         # 7
    stream("/Type /XObject /Subtype /Form /BBox [0 0 200 60] /Resources << /Font << /F1 5 0 R >> >>",
           sign),                                                      # 8
    page(10, 7, False),                                                # 9
    stream("", body),                                                  # 10
    page(12, 7, False),                                                # 11
    stream("", ""),                                                    # 12
    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
    "/ByteRange [0 0 0 0] /Contents <00> >>",                          # 13
]
write(sys.argv[1], objs)
EOF
"$SOHOA" ingest -v --ocr never "$TMP/scan.pdf" -o /dev/null 2>"$TMP/never.err"
check "annots_scan: ingest --ocr never exits 0" test $? -eq 0
check "annots_scan: a scan under a signature widget has no text layer" \
	grep -q 'page 1: no text layer; ocr off' "$TMP/never.err"
check "annots_scan: a born-digital page with the widget keeps its text" \
	grep -q 'page 2: text layer ok' "$TMP/never.err"
check "annots_scan: the widget alone is kept, nothing to read" \
	grep -q 'page 3: no text layer; ocr off' "$TMP/never.err"
"$SOHOA" ingest --format tsv "$TMP/scan.pdf" -o "$TMP/auto.tsv" 2>"$TMP/auto.err"
check "annots_scan: ingest exits 0" test $? -eq 0
check "annots_scan: the scan is read by OCR" \
	awk -F'\t' 'NR > 1 && $1 == 1 { n++; ok += $9 == "no text layer; ocr" } END { exit !(n && ok == n) }' "$TMP/auto.tsv"
check "annots_scan: the widget's text is read on the scan" \
	awk -F'\t' '$1 == 1 && ($7 == "ocr" || $7 == "stamp") && $10 ~ /thongtinchinhphu/ { ok = 1 } END { exit !ok }' "$TMP/auto.tsv"
check "annots_scan: the born-digital page keeps its text layer" \
	awk -F'\t' '$1 == 2 && $7 == "pdf" && $10 ~ /^Line 1 of/ { ok = 1 } END { exit !ok }' "$TMP/auto.tsv"
check "annots_scan: the widget's text is kept on its own page" \
	awk -F'\t' '$1 == 3 && $10 ~ /^Email: thongtinchinhphu/ { ok = 1 } END { exit !ok }' "$TMP/auto.tsv"
