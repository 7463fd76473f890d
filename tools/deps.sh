#!/bin/sh
# Install the Debian packages sohoa needs, only those missing. Quiet when nothing is missing.
set -u
PKGS="build-essential pkg-config clang libclang-rt-14-dev libmupdf-dev libtesseract-dev libleptonica-dev libicu-dev
libcsv-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng fonts-liberation2 libjpeg-dev
libopenjp2-7-dev libjbig2dec0-dev libgumbo-dev libmujs-dev libfreetype-dev libharfbuzz-dev
libpng-dev zlib1g-dev libbrotli-dev libarchive-dev libcurl4-openssl-dev libtiff-dev libwebp-dev libgif-dev
poppler-utils ocrmypdf valgrind python3 time qpdf mupdf-tools libxml2-utils w3c-sgml-lib icc-profiles-free
chromium"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "sohoa: missing Debian packages:$missing" >&2
	echo "sohoa: run 'make deps' as root (or: sudo apt-get install$missing)" >&2
	exit 1
fi
echo "sohoa: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "sohoa: apt-get install failed for:$missing" >&2
	exit 1
}
