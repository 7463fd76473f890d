#!/bin/sh
# The bad-input corpus (tests/bad/gen.sh, 200+ cases): each case alone gives exit 1 and exactly
# one line from sohoa naming the file, no crash, no hang; the cases that a library may also read
# (a PDF MuPDF repairs, a cut JPEG libjpeg fills in, bytes read as 8-bit text) give exit 0 or that
# one line. All of them in one batch with good files: the batch goes on and reads the good ones.
# Under ASan (SOHOA_ASAN=1, tests/run.sh) a sanitizer report is a failure of the whole test.
# Virtual memory is capped so a bomb that gets through fails here instead of hurting the machine.
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
GEN=$PWD/tests/bad/gen.sh
LIMIT=${BAD_TIMEOUT:-60}
cd "$TMP" || exit 1
sh "$GEN" bad >/dev/null 2>&1 || { fail "bad: generate the corpus"; exit 1; }
[ -n "${SOHOA_ASAN:-}" ] || ulimit -v 4000000 2>/dev/null # ASan reserves terabytes of address space
n=$(ls bad | wc -l)
check "bad: at least 200 cases ($n)" test "$n" -ge 200

# Each case alone, two at a time: exit status, stderr, peak memory.
cat >one.sh <<EOF
c=\$1
opts=
case \$c in huge-*.pdf) opts="--ocr always" ;; esac # make the bombs need a raster
timeout $LIMIT /usr/bin/time -f '%M' -o "out-\$c.rss" "$S" run "bad/\$c" -o "out-\$c" -q --jobs 1 \$opts 2>"out-\$c.err"
echo \$? >"out-\$c.rc"
EOF
ls bad | grep -v '^good\.' | xargs -P 2 -I{} sh one.sh {}

# may_read CASE: 1 when a library may read the case (exit 0) as well as refuse it.
may_read() {
	case $1 in
	junk-*.jpg | junk-*.png | junk-*.tif | junk-*.pgm) return 1 ;; # an image name is never read as text
	trunc-* | flip-* | junk-* | xref-* | stream-unended.pdf | invalid-utf8.txt | recursive-object.pdf | huge-image.pdf)
		return 0 ;; # repaired, filled in, read as 8-bit text, or scaled down while rendering
	unreadable.*) [ "$(id -u)" = 0 ] ;; # root reads it anyway
	*) return 1 ;;
	esac
}
foreign=""
for f in bad/*; do
	c=${f#bad/}
	case $c in good.*) continue ;; esac
	rc=$(cat "out-$c.rc" 2>/dev/null || echo missing)
	echo "# $c: exit $rc, peak $(tail -1 "out-$c.rss" 2>/dev/null) KB: $(grep -v '^DBG' "out-$c.err" | head -1)"
	case $rc in
	124) fail "bad $c: no hang" "still running after ${LIMIT}s"; continue ;;
	missing) fail "bad $c: ran"; continue ;;
	esac
	if [ "$rc" -ge 128 ]; then
		fail "bad $c: no crash" "killed by signal $((rc - 128))"
		continue
	fi
	ours=$(grep -c '^sohoa: ' "out-$c.err")
	theirs=$(grep -v '^sohoa: \|^DBG\|^Command exited' "out-$c.err" | grep -c .)
	[ "$theirs" -eq 0 ] || foreign="$foreign $c"
	if [ "$rc" -eq 0 ] && may_read "$c"; then
		# read: at most a warning, and it names the file
		if [ "$ours" -le 1 ] && { [ "$ours" -eq 0 ] || grep '^sohoa: ' "out-$c.err" | grep -qF "$c"; }; then
			pass "bad $c: read, quietly"
		else
			fail "bad $c: read, quietly" "$(head -c 300 "out-$c.err")"
		fi
		continue
	fi
	check "bad $c: exit 1" test "$rc" -eq 1
	if [ "$ours" -eq 1 ] && grep '^sohoa: ' "out-$c.err" | grep -qF -- "${c%%/*}"; then
		pass "bad $c: one line naming the file"
	else
		fail "bad $c: one line naming the file" "$(head -c 300 "out-$c.err")"
	fi
	if [ -f "out-$c/manifest.tsv" ] && [ "$c" != loop ] && [ "${c#dir.}" = "$c" ] && [ "$c" != folder.pdf ]; then
		check "bad $c: manifest says failed" grep -q '	failed	\|	partial	' "out-$c/manifest.tsv"
	fi
done
# libpng, libjpeg and libtiff print nothing of their own: sohoa's one line is all there is.
if [ -n "$foreign" ]; then
	fail "bad: only sohoa's lines on stderr" "third-party lines for$foreign"
else
	pass "bad: only sohoa's lines on stderr"
fi

# All together, with good files among them: everything is tried, the good ones are ok.
timeout $((LIMIT * 3)) "$S" run bad -o all --recursive -q 2>all.err
rc=$?
check "bad batch: finishes with exit 1" test $rc -eq 1
check "bad batch: good text ok" grep -q '^bad/good.txt	.*	ok	' all/manifest.tsv
check "bad batch: good PDF ok" grep -q '^bad/good.pdf	.*	ok	' all/manifest.tsv
check "bad batch: every file has its row" test "$(grep -c '^bad/' all/manifest.tsv)" -ge 150
check "bad batch: loop reported" grep -q 'loop' all.err
