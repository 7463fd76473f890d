#!/bin/sh
# sohoa ingest --format hocr|alto (issue 14): hOCR validated as XHTML 1.0 Transitional against its
# DTD (Debian's w3c-sgml-lib, through the XML catalog, no network) with the hOCR structure checked
# by XPath; ALTO validated against the ALTO 4.4 schema in tests/fixtures/schemas (docs/archive.md
# says where it comes from). Both must carry exactly the words
# ingest read, with boxes inside the page.
. tests/lib.sh
CER=$BUILD/tools/cer
if ! command -v xmllint >/dev/null 2>&1; then
	skip "hocr/alto" "xmllint missing; make deps"
	exit 0
fi
f=samples/s003-scan-typical-p14.tif   # a landscape 300 dpi table page
$SOHOA ingest -q "$f" --format tsv -o "$TMP/in.tsv"
$SOHOA ingest -q "$f" --format hocr -o "$TMP/p.hocr"
$SOHOA ingest -q "$f" --format alto -o "$TMP/p.alto"
awk -F'\t' 'NR > 1 { print $10 }' "$TMP/in.tsv" >"$TMP/in.txt"
x() { xmllint --nonet --xpath "$1" "$2" 2>/dev/null; }

# --- hOCR ---
check "hOCR is well-formed XML" xmllint --nonet --noout "$TMP/p.hocr"
if xmllint --nonet --noout --valid "$TMP/p.hocr" 2>"$TMP/dtd.err"; then
	pass "hOCR is valid XHTML 1.0 Transitional (DTD)"
elif grep -q "failed to load external entity\|Could not load the external subset" "$TMP/dtd.err"; then
	echo "SKIP: hOCR DTD check: the XHTML DTD is not in the XML catalog (apt-get install w3c-sgml-lib)"
else
	fail "hOCR is valid XHTML 1.0 Transitional (DTD)" "$(head -2 "$TMP/dtd.err")"
fi
H="local-name()='span' or local-name()='div' or local-name()='p'"
cls() { echo "//*[$H][@class='$1']"; }
check "hOCR: one ocr_page" test "$(x "count($(cls ocr_page))" "$TMP/p.hocr")" = 1
check "hOCR: every word in a line in a paragraph in a block in the page" test \
	"$(x "count($(cls ocrx_word)[not(ancestor::*[@class='ocr_line']/ancestor::*[@class='ocr_par']/ancestor::*[@class='ocr_carea']/ancestor::*[@class='ocr_page'])])" "$TMP/p.hocr")" = 0
check "hOCR: as many lines as ingest read" test "$(x "count($(cls ocr_line))" "$TMP/p.hocr")" = "$(wc -l <"$TMP/in.txt")"
check "hOCR: the page box is the image's 3508 x 2481 pixels at 300 dpi" test \
	"$(x "string($(cls ocr_page)/@title)" "$TMP/p.hocr" | sed 's/.*; bbox/bbox/')" = "bbox 0 0 3508 2481; ppageno 0; scan_res 300 300"
# every word: bbox of four integers inside the page, x_wconf 0..100
x "$(cls ocrx_word)/@title" "$TMP/p.hocr" | sed 's/^ *title="//; s/"$//' >"$TMP/wt"
check "hOCR: every word has a box inside the page and a confidence" awk '
	{ if (!match($0, /^bbox [0-9]+ [0-9]+ [0-9]+ [0-9]+; x_wconf [0-9]+$/)) bad = 1
	  split($0, f, /[ ;]+/); if (f[2] > f[4] || f[3] > f[5] || f[4] > 3508 || f[5] > 2481 || f[7] > 100) bad = 1 }
	END { exit bad || NR < 100 }' "$TMP/wt"
x "//*[$H][@class='ocr_line']" "$TMP/p.hocr" | sed 's/<[^>]*>//g' >"$TMP/hocr.txt"
check "hOCR: the words are ingest's, in its order" test "$("$CER" "$TMP/in.txt" "$TMP/hocr.txt" | cut -d' ' -f2)" = 0

# --- ALTO ---
check "ALTO is well-formed XML" xmllint --nonet --noout "$TMP/p.alto"
XSD=${ALTO_XSD:-tests/fixtures/schemas/alto-4-4.xsd}
SUM=2d1ba4b0ce268c4ed763f718cfb9b1ab67ac952caf5bcffa5fc314179cb0866b
if [ -f "$XSD" ] && [ "$(sha256sum "$XSD" | cut -d' ' -f1)" = "$SUM" ]; then
	# ALTO imports the W3C XLink schema from loc.gov; offline, a stub declaring what ALTO uses
	cat >"$TMP/xlink.xsd" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/1999/xlink"
            xmlns:xlink="http://www.w3.org/1999/xlink">
 <xsd:attribute name="type" type="xsd:string"/><xsd:attribute name="href" type="xsd:anyURI"/>
 <xsd:attribute name="role" type="xsd:string"/><xsd:attribute name="arcrole" type="xsd:string"/>
 <xsd:attribute name="title" type="xsd:string"/><xsd:attribute name="show" type="xsd:string"/>
 <xsd:attribute name="actuate" type="xsd:string"/>
 <xsd:attributeGroup name="simpleLink">
  <xsd:attribute ref="xlink:type"/><xsd:attribute ref="xlink:href"/><xsd:attribute ref="xlink:role"/>
  <xsd:attribute ref="xlink:arcrole"/><xsd:attribute ref="xlink:title"/><xsd:attribute ref="xlink:show"/>
  <xsd:attribute ref="xlink:actuate"/>
 </xsd:attributeGroup>
</xsd:schema>
EOF
	sed "s|http://www.loc.gov/standards/xlink/xlink.xsd|$TMP/xlink.xsd|" "$XSD" >"$TMP/alto.xsd"
	if xmllint --nonet --noout --schema "$TMP/alto.xsd" "$TMP/p.alto" 2>"$TMP/xsd.err"; then
		pass "ALTO validates against the ALTO 4.4 schema"
	else
		fail "ALTO validates against the ALTO 4.4 schema" "$(head -2 "$TMP/xsd.err")"
	fi
else
	echo "SKIP: ALTO schema check: $XSD missing or not the expected file (docs/archive.md says how to get it)"
fi
A="//*[local-name()='String']"
check "ALTO: as many strings as hOCR words" test "$(x "count($A)" "$TMP/p.alto")" = "$(wc -l <"$TMP/wt")"
check "ALTO: pixel units and the page's size" sh -c "grep -q '<MeasurementUnit>pixel</MeasurementUnit>' '$TMP/p.alto' &&
	grep -q 'WIDTH=\"3508\" HEIGHT=\"2481\"' '$TMP/p.alto'"
check "ALTO: word confidences 0..1" test "$(x "count($A[@WC > 1 or @WC < 0])" "$TMP/p.alto")/$(x "count($A[@WC])" "$TMP/p.alto")" = \
	"0/$(wc -l <"$TMP/wt")"
x "$A/@CONTENT" "$TMP/p.alto" | sed 's/^ *CONTENT="//; s/"$//' >"$TMP/alto.txt"
check "ALTO: the words are ingest's" test "$("$CER" "$TMP/in.txt" "$TMP/alto.txt" | cut -d' ' -f2)" = 0

# a page OCR turned: hOCR says the text's angle, boxes stay in the stored image
$SOHOA ingest -q tests/fixtures/ocr/rot90.png --format hocr -o "$TMP/r.hocr"
check "turned image: textangle on its lines" sh -c "grep -Eq 'textangle (90|270)' '$TMP/r.hocr'"
x "$(cls ocrx_word)/@title" "$TMP/r.hocr" | sed 's/^ *title="//; s/"$//' >"$TMP/rt"
check "turned image: boxes inside the stored 630 x 1398 image, taller than wide" awk '
	{ split($0, f, /[ ;]+/); if (f[4] > 630 || f[5] > 1398) bad = 1; if (f[5] - f[3] > f[4] - f[2]) tall++ }
	END { exit bad || NR < 10 || tall < NR / 2 }' "$TMP/rt"

# a text file has no positions
$SOHOA ingest samples/s000-stripped.txt --format hocr >/dev/null 2>"$TMP/err"; rc=$?
check "text input: hOCR refused, exit 1, file named" sh -c "test $rc -eq 1 && grep -q 's000-stripped.txt' '$TMP/err'"
$SOHOA ingest samples/s000-stripped.txt --format xml >/dev/null 2>"$TMP/err"; rc=$?
check "unknown --format: usage error" test $rc -eq 2
