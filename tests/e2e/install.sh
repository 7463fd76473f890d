#!/bin/sh
# make install into a temporary prefix, then use what was installed as an outsider would: the
# examples built with `pkg-config --cflags --libs sohoa` against the installed library (shared,
# and the static archive with `--static`), run outside the source tree on committed inputs, give
# the rows and text the installed sohoa gives; libsohoa.so exports its public API and nothing
# else; the installed sohoa finds its model under the prefix; man pages, completion, uninstall.
. tests/lib.sh
SRC=$PWD
P=$TMP/prefix
CC=${CC:-cc}
# A build of its own (the prefix is compiled in), not disturbed by the make that runs the tests.
build() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL nice make -s -j2 BUILD="$TMP/build" PREFIX="$P" \
		DEVELOPER="${DEVELOPER:-0}" "$@" >"$TMP/make.log" 2>&1
}
if ! build install; then
	fail "make install PREFIX=..." "$(tail -5 "$TMP/make.log")"
	exit 1
fi
pass "make install PREFIX=... DEVELOPER=${DEVELOPER:-0}"
VERSION=$(sed -n 's/^#define SOHOA_VERSION "\(.*\)"/\1/p' include/sohoa/version.h)

# ---- the layout
missing=
for f in bin/sohoa lib/libsohoa.a lib/libsohoa.so lib/libsohoa.so.0 "lib/libsohoa.so.$VERSION" \
	include/sohoa/sohoa.h include/sohoa/context.h include/sohoa/process.h include/sohoa/version.h \
	include/sohoa/export.h lib/pkgconfig/sohoa.pc share/man/man1/sohoa.1 share/man/man3/libsohoa.3 \
	share/bash-completion/completions/sohoa share/sohoa/sohoa-lm.bin share/sohoa/README; do
	[ -e "$P/$f" ] || missing="$missing $f"
done
check "installed: bin, lib, include, pkgconfig, man, completion, model${missing:+ (missing:$missing)}" test -z "$missing"
check "libsohoa.so -> libsohoa.so.0 -> libsohoa.so.$VERSION" \
	test "$(readlink "$P/lib/libsohoa.so")" = libsohoa.so.0 -a "$(readlink "$P/lib/libsohoa.so.0")" = "libsohoa.so.$VERSION"
check "soname libsohoa.so.0" sh -c "readelf -d '$P/lib/libsohoa.so.$VERSION' | grep -q 'SONAME.*\[libsohoa.so.0\]'"

# ---- the exports: exactly the SOHOA_API functions of the installed headers
nm -D --defined-only "$P/lib/libsohoa.so" | awk '{print $NF}' | sort >"$TMP/exports"
sed -n 's/^SOHOA_API .*[ *]\(sohoa_[a-z0-9_]*\)(.*/\1/p' "$P"/include/sohoa/*.h | sort >"$TMP/api"
others=$(grep -v '^sohoa_' "$TMP/exports" | tr '\n' ' ')
check "libsohoa.so exports only sohoa_* symbols${others:+ (also: $others)}" test -z "$others"
test_cmp "libsohoa.so exports the SOHOA_API functions of the headers" "$TMP/api" "$TMP/exports"

# ---- pkg-config and the examples, shared and static
PKG_CONFIG_PATH=$P/lib/pkgconfig
export PKG_CONFIG_PATH
check "pkg-config --modversion sohoa is $VERSION" test "$(pkg-config --modversion sohoa)" = "$VERSION"
EX=$TMP/examples
mkdir -p "$EX"
WFLAGS="-std=c11 -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes -Werror"
for e in extract restore; do
	# shellcheck disable=SC2046
	if $CC $WFLAGS -o "$EX/$e" "examples/$e.c" $(pkg-config --cflags --libs sohoa) 2>"$TMP/cc.err"; then
		pass "examples/$e.c builds with pkg-config --cflags --libs sohoa"
	else
		fail "examples/$e.c builds with pkg-config --cflags --libs sohoa" "$(head -3 "$TMP/cc.err")"
	fi
	# the static archive in place of the shared library; its private dependencies from --static
	# shellcheck disable=SC2046
	if $CC $WFLAGS -o "$EX/$e-static" "examples/$e.c" $(pkg-config --cflags sohoa) \
		$(pkg-config --static --libs sohoa | sed 's/-lsohoa\b/-l:libsohoa.a/') 2>"$TMP/cc.err"; then
		pass "examples/$e.c builds against libsohoa.a with pkg-config --static"
	else
		fail "examples/$e.c builds against libsohoa.a with pkg-config --static" "$(head -3 "$TMP/cc.err")"
	fi
done
LD_LIBRARY_PATH=$P/lib
export LD_LIBRARY_PATH
check "the shared example runs on the installed libsohoa.so" sh -c "ldd '$EX/extract' | grep -q '=> $P/lib/libsohoa.so.0'"
check "the static example needs no libsohoa.so" sh -c "! ldd '$EX/extract-static' | grep -q libsohoa"

# ---- outside the source tree: the installed sohoa and the examples on committed inputs
W=$TMP/elsewhere
mkdir -p "$W"
cp samples/s004-born.pdf samples/s001-real-engocr.txt samples/s000-stripped.txt "$W/"
cd "$W" || exit 1
"$P/bin/sohoa" --version >version.txt 2>&1
check "installed sohoa --version names its model under the prefix" grep -qx "model: $P/share/sohoa/sohoa-lm.bin (format [0-9]*, [0-9]* bytes, training set [0-9a-f]*)" version.txt
check "installed sohoa --version names Tesseract, Leptonica, MuPDF and ICU" \
	sh -c "grep -q '^tesseract [0-9]' version.txt && grep -q '^leptonica [0-9]' version.txt && grep -q '^mupdf [0-9]' version.txt && grep -q '^icu [0-9]' version.txt"
# scores.csv as the examples print rows: tab-separated, \t \n \\ escaped, and without the "'" the
# CSV writer puts before a cell a spreadsheet would run (docs/extract.md; the rows handed to the
# library's callbacks are raw)
csv_rows() {
	python3 -c '
import csv, sys
def raw(c): return c[1:] if c[:1] == "\x27" and len(c) > 2 and c[1] in "=+-@\t\r" else c
for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")):
    print("\t".join(raw(c).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for c in row))' "$1"
}
for f in s004-born.pdf s001-real-engocr.txt; do
	d=${f%.*} # (not n: lib.sh's check sets n)
	if ! "$P/bin/sohoa" extract -q -o "cli-$d" "$f" 2>"$d.err"; then
		fail "installed sohoa extract $f" "$(head -3 "$d.err")"
		continue
	fi
	csv_rows "cli-$d/scores.csv" >"cli-$d.rows"
	check "installed sohoa extract $f: some score rows" test "$(wc -l <"cli-$d.rows")" -gt 5
	for e in extract extract-static; do
		"$EX/$e" "$f" >"$e-$d.rows" 2>"$e-$d.err"
		check "examples/$e $f: runs, no warning" sh -c "test $? = 0 && ! test -s '$e-$d.err'"
		test_cmp "examples/$e $f: the score rows of the installed sohoa's scores.csv" "cli-$d.rows" "$e-$d.rows"
	done
done
# seed 001 is eng-OCR text: its rows depend on restoration, so the model was found and used
restored=$(python3 -c 'import csv,sys; print(next(csv.DictReader(open(sys.argv[1], encoding="utf-8")))["restored"])' cli-s001-real-engocr/documents.csv 2>/dev/null)
check "installed sohoa restored seed 001 (restored=$restored lines)" test "${restored:-0}" -gt 0
"$P/bin/sohoa" normalize --restore strip <s000-stripped.txt >cli-restored.txt 2>cli-restored.err
for e in restore restore-static; do
	"$EX/$e" strip <s000-stripped.txt >"$e.txt" 2>"$e.err"
	check "examples/$e strip: runs, no warning" sh -c "test $? = 0 && ! test -s '$e.err'"
	test_cmp "examples/$e strip: the text of the installed sohoa normalize --restore strip" cli-restored.txt "$e.txt"
done
check "examples/restore put the marks back" grep -qx "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" restore.txt
check "examples/restore: the input had none" sh -c "! grep -q 'CỘNG HÒA' s000-stripped.txt"
cd "$SRC" || exit 1

# ---- help, man pages, completion
for c in ingest normalize extract run merge; do
	"$P/bin/sohoa" "$c" --help >"$TMP/h1"
	"$P/bin/sohoa" help "$c" >"$TMP/h2"
	test_cmp "sohoa help $c is sohoa $c --help" "$TMP/h1" "$TMP/h2"
	# the completion offers a command's options, exactly those its --help lists
	sed -n 's/^  \(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p' "$TMP/h1" | grep -vx -- '--help\|--output' | sort -u >"$TMP/want"
	bash -c ". '$P/share/bash-completion/completions/sohoa'; COMP_WORDS=(sohoa $c --); COMP_CWORD=2; _sohoa;
		printf '%s\n' \"\${COMPREPLY[@]}\"" | grep -vx -- '--help\|--output' | sort -u >"$TMP/got"
	test_cmp "bash completion of sohoa $c -- offers its --help options" "$TMP/want" "$TMP/got"
done
for m in man1/sohoa.1 man3/libsohoa.3; do
	if command -v groff >/dev/null 2>&1; then
		groff -k -man -Tutf8 -ww -z "$P/share/man/$m" >"$TMP/groff.err" 2>&1
		check "$m renders without a groff warning" test ! -s "$TMP/groff.err"
	else
		skip "$m renders" "groff missing"
	fi
	if command -v man >/dev/null 2>&1; then
		check "man -l $m" sh -c "MANWIDTH=80 man -l '$P/share/man/$m' 2>/dev/null | grep -q '^SEE ALSO'"
	else
		skip "man -l $m" "man missing"
	fi
done

# ---- make uninstall leaves nothing behind
if build uninstall; then
	left=$(find "$P" ! -type d | sed "s|^$P/||" | tr '\n' ' ')
	check "make uninstall removes every installed file${left:+ (left: $left)}" test -z "$left"
else
	fail "make uninstall" "$(tail -3 "$TMP/make.log")"
fi
