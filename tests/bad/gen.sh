#!/bin/sh
# Make the bad-input corpus in DIR: `sh tests/bad/gen.sh DIR`. Every case is built here from
# printf (no tools needed), the big ones (a 10^5-page tree, bombs) only at test time, so the
# repository holds just this script and README. Each file's name says what is wrong with it.
set -eu
dir=${1:?usage: gen.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
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

# ---- families (about 200 more cases). A name says the case; tests/e2e/bad_inputs.sh knows which
# families must be refused and which may also be read (MuPDF repairs a damaged PDF, libjpeg fills
# in a cut JPEG): both ways with one line naming the file at most, and no crash.
img=$here/../fuzz/corpus/fuzz_image

# chop FILE PREFIX EXT N: N copies of FILE cut at 1/(N+1), 2/(N+1), ... of its size
chop() {
	sz=$(wc -c <"$1")
	k=1
	while [ $k -le "$4" ]; do
		head -c $((sz * k / ($4 + 1))) "$1" >"$2-$(printf %02d $k).$3"
		k=$((k + 1))
	done
}
# flip FILE PREFIX EXT N: N copies of FILE, copy k with the byte at k/(N+1) of its size set to 0xff
flip() {
	sz=$(wc -c <"$1")
	k=1
	while [ $k -le "$4" ]; do
		at=$((sz * k / ($4 + 1)))
		{ head -c "$at" "$1"; printf '\377'; tail -c +$((at + 2)) "$1"; } >"$2-$(printf %02d $k).$3"
		k=$((k + 1))
	done
}
# junk NAME SEED BYTES: deterministic bytes (NULs and high bytes among them)
junk() {
	awk -v seed="$2" -v n="$3" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%c", int(rand() * 256); }' >"$1"
}

exts="pdf png jpg jpeg tif tiff pbm pgm ppm txt"
for e in $exts; do
	: >"zero.$e"                 # must fail: empty
	mkdir -p "dir.$e"            # must fail alone (a folder named like a file); walked in a batch
done
chop good.pdf trunc-pdf pdf 19
flip good.pdf flip-pdf pdf 30
chop "$img/gray.png" trunc-gray png 10
chop "$img/pal.png" trunc-pal png 10
chop "$img/rgb.jpg" trunc-rgb jpg 12
chop "$img/rgb.tif" trunc-rgb tif 8
chop "$img/two.tif" trunc-two tif 8
flip "$img/pal.png" flip-pal png 6
flip "$img/rgb.jpg" flip-rgb jpg 6
k=1
while [ $k -le 20 ]; do
	junk "junk-$(printf %02d $k).txt" $k $((k * 97))  # binary junk named .txt: read as legacy text or refused
	k=$((k + 1))
done
for e in pdf png jpg tif pgm; do                        # junk under an image name: refused as an image; under .pdf: refused or read as text
	k=1
	while [ $k -le 4 ]; do
		junk "junk-$e-$k.$e" $((k + 100)) 300
		k=$((k + 1))
	done
done
head -c 4096 /dev/zero >nul-4k.pdf                      # NULs named .pdf: must fail
head -c 4096 /dev/zero >nul-4k.png
for v in 0 1 2 3 4 5 6 7; do printf '%%PDF-1.%s\n' $v >"header-only-1.$v.pdf"; done  # must fail: no objects
# Headers promising absurd images (must fail: over --max-pixels, or refused as broken).
png_ihdr() { printf '\211PNG\r\n\032\n\000\000\000\rIHDR%b%b\010\000\000\000\000\000\000\000\000' "$2" "$3" >"$1"; }
png_ihdr huge-png-wide.png '\177\377\377\377' '\000\000\000\001'
png_ihdr huge-png-tall.png '\000\000\000\001' '\177\377\377\377'
png_ihdr huge-png-100k.png '\000\001\206\240' '\000\001\206\240'
png_ihdr zero-png-width.png '\000\000\000\000' '\000\000\000\005'
printf 'P4\n2000000000 3\n\000' >huge-pbm.pbm
printf 'P6\n100000 100000\n255\n\000\000\000' >huge-ppm.ppm
printf 'P5\n-5 7\n255\n\000' >negative-pgm.pgm
printf 'P5\n7 7\n0\n\000' >maxval-zero-pgm.pgm
printf 'P5\n99999999999999999999 1\n255\n' >overflow-pgm.pgm
printf 'P6\n' >header-only.ppm
# TIFF: little-endian header, one IFD of width and height (2^31-1), no strips
tiff_dims() { printf 'II*\000\010\000\000\000\002\000\000\001\004\000\001\000\000\000%b\001\001\004\000\001\000\000\000%b\000\000\000\000' "$2" "$3" >"$1"; }
tiff_dims huge-tif.tif '\377\377\377\177' '\377\377\377\177'
tiff_dims huge-tif-wide.tiff '\377\377\377\177' '\001\000\000\000'
tiff_dims zero-tif.tif '\000\000\000\000' '\000\000\000\000'
printf 'II*\000\377\377\377\177' >bad-ifd.tif                  # IFD offset past the end
printf 'MM\000*\000\000\000\010\377\377' >bad-ifd-count.tif    # an IFD of 65535 entries, cut
# JPEG: start of frame of 65535x65535, cut
printf '\377\330\377\300\000\021\010\377\377\377\377\003\001\042\000\002\021\001\003\021\001' >huge-jpg.jpg
printf '\377\330' >soi-only.jpg
# Encrypted, each with a user password we do not give (RC4 40 and 128 bits, AES)
for enc in '/V 1 /R 2 /Length 40' '/V 2 /R 3 /Length 128' \
	'/V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF'; do
	ek=$((${ek:-0} + 1))
	TRAILER_EXTRA='/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ' \
	pdf "encrypted-$ek.pdf" '<< /Type /Catalog /Pages 2 0 R >>' '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' \
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>' "$(stream 'xxxxxxxxxxxxxxxx')" "$font" \
		"<< /Filter /Standard $enc /P -4 /O <0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb> /U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> >>"
done
# Broken cross-references (MuPDF may repair them): startxref past the end, at 0, xref to junk.
sed 's/^startxref$/startxref/' good.pdf | awk '/^startxref$/ { print; getline; print 999999; next } { print }' >xref-past-end.pdf
awk '/^startxref$/ { print; getline; print 0; next } { print }' good.pdf >xref-zero.pdf
sed 's/^xref$/xfer/' good.pdf >xref-renamed.pdf
sed 's/ 0 obj$/ 0 jbo/' good.pdf >objects-renamed.pdf
sed 's/endstream/endstrea/' good.pdf >stream-unended.pdf
# Unreadable (chmod 000): refused unless run as root, who reads it anyway.
cp good.txt unreadable.txt && chmod 000 unreadable.txt
cp good.pdf unreadable.pdf && chmod 000 unreadable.pdf

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
