#!/bin/sh
# Make the bad-input corpus in DIR: `sh tests/bad/gen.sh DIR`. Every case is built here from
# printf (no tools needed), the big ones (a 10^5-page tree, bombs) only at test time, so the
# repository holds just this script and README. Each file's name says what is wrong with it.
set -eu
dir=${1:?usage: gen.sh DIR}
mkdir -p "$dir"
cd "$dir"

# pdf FILE OBJ...: write a PDF whose objects are the arguments (object i+1 = argument i), with a
# correct xref table and a trailer naming object 1 as the catalog. TRAILER_EXTRA is added to the
# trailer dictionary.
pdf() {
	out=$1; shift
	printf '%%PDF-1.4\n%%\342\343\317\323\n' >"$out"
	n=0
	offs=""
	for body in "$@"; do
		n=$((n + 1))
		offs="$offs $(wc -c <"$out")"
		printf '%d 0 obj\n%s\nendobj\n' "$n" "$body" >>"$out"
	done
	xref=$(wc -c <"$out")
	{
		printf 'xref\n0 %d\n0000000000 65535 f \n' $((n + 1))
		for o in $offs; do printf '%010d 00000 n \n' "$o"; done
		printf 'trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' $((n + 1)) "${TRAILER_EXTRA:-}" "$xref"
	} >>"$out"
}

page_text='BT /F1 12 Tf 72 720 Td (Quyet dinh so 12/QD-UBND) Tj ET'
font='<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
stream() { printf '<< /Length %d >>\nstream\n%s\nendstream' "${#1}" "$1"; }

# A good one-page PDF: the base of the damaged ones, and the control in the batch.
pdf good.pdf '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>' \
	"$(stream "$page_text")" "$font"
printf 'Quyết định số 12/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu\n' >good.txt

: >empty.pdf
: >empty.txt
size=$(wc -c <good.pdf)
head -c $((size * 6 / 10)) good.pdf >truncated.pdf
{ printf '%%PDF-1.7\n'; i=0; while [ $i -lt 64 ]; do printf '\001\377\000garbage obj << [ ( \\\\ \n'; i=$((i + 1)); done; } >corrupt.pdf
{ printf 'PK\003\004'; i=0; while [ $i -lt 32 ]; do printf '\000\001\002\003not a pdf at all\377'; i=$((i + 1)); done; } >not-a-pdf.pdf
printf 'GIF89a\001\000\001\000\000\000\000;' >image-named.pdf

# Encrypted (standard security handler) with a user password we do not give.
TRAILER_EXTRA='/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ' \
pdf encrypted.pdf '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>' "$(stream 'xxxxxxxxxxxxxxxx')" "$font" \
	'<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb> /U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> >>'

# A page tree that contains itself.
pdf recursive-tree.pdf '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>' \
	'<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>'
# An object that refers to itself as its own length and a contents array that loops.
pdf recursive-object.pdf '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>' '[4 0 R 5 0 R]' '<< /Length 5 0 R >>'

# Absurd images: PNG and PNM headers promising about 2^62 pixels, a JPEG cut after its header.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\177\377\377\377\177\377\377\377\010\000\000\000\000\000\000\000\000IEND' >huge-dimensions.png
printf 'P5\n2000000000 2000000000\n255\n\000\000\000\000' >huge-dimensions.pgm
printf 'P5\n0 0\n255\n' >zero-dimensions.pgm
printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000\377\300\000\021\010\377\377\377\377\003\001\042\000' >truncated.jpg

# Text: invalid UTF-8, UTF-16 with an unpaired surrogate and an odd byte count.
printf 'Quy\351t \360\237 \300\257 \355\240\200 \377\376 text\n' >invalid-utf8.txt
printf '\377\376Q\000u\000\000\330y\000' >invalid-utf16.txt
printf '\376\377\000Q\000' >odd-utf16.txt

# Not files: a folder named like a PDF, a FIFO (opening it for reading would block), a dangling
# symlink, and a folder loop through a symlink. (Tests run as root, so chmod 000 stops nothing.)
mkdir -p folder.pdf
[ -p fifo.pdf ] || mkfifo fifo.pdf
ln -sf does-not-exist.pdf dangling.pdf
mkdir -p loop/inner && ln -sfn .. loop/inner/back

[ "${BIG:-1}" = 1 ] || exit 0

# A page tree with 10^5 pages (all the same page object).
kids=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "3 0 R "; }')
pdf pages-100000.pdf '<< /Type /Catalog /Pages 2 0 R >>' "<< /Type /Pages /Kids [$kids] /Count 100000 >>" \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>' \
	"$(stream "$page_text")" "$font"
# Bombs: the largest page PDF allows, and a 60000x60000 image in a few bytes (no text, so OCR
# would have to render it).
pdf huge-page.pdf '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75000 /Contents 4 0 R >>' "$(stream '0 0 m 14400 14400 l S')"
pdf huge-image.pdf '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' \
	'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>' \
	"$(stream 'q 612 0 0 792 0 0 cm /Im0 Do Q')" \
	"$(printf '<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 8 >>\nstream\n\000\000\000\000\000\000\000\000\nendstream')"
