#!/bin/sh
# The bad-input corpus (tests/bad/gen.sh): each case alone gives a clear error naming the file,
# exit 1, no crash, no hang; all of them in one batch with good files: the batch goes on.
# Virtual memory is capped so a bomb that gets through fails here instead of hurting the machine.
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
GEN=$PWD/tests/bad/gen.sh
LIMIT=${BAD_TIMEOUT:-60}
cd "$TMP" || exit 1
sh "$GEN" bad >/dev/null 2>&1 || { fail "bad: generate the corpus"; exit 1; }
[ -n "${SOHOA_ASAN:-}" ] || ulimit -v 4000000 2>/dev/null # ASan reserves terabytes of address space

for f in bad/*; do
	c=${f#bad/}
	case $c in good.*) continue ;; esac
	o=out-$c
	opts=
	case $c in huge-*.pdf) opts="--ocr always" ;; esac # make the bombs need a raster
	timeout "$LIMIT" /usr/bin/time -f '%M' -o "$o.rss" "$S" run "$f" -o "$o" -q $opts 2>"$o.err"
	rc=$?
	echo "# $c: exit $rc, peak $(tail -1 "$o.rss" 2>/dev/null) KB: $(grep -v '^DBG' "$o.err" | head -1)"
	if [ $rc -eq 124 ]; then
		fail "bad $c: no hang" "still running after ${LIMIT}s"
		continue
	fi
	if [ $rc -ge 128 ]; then
		fail "bad $c: no crash" "killed by signal $((rc - 128))"
		continue
	fi
	case $c in
	invalid-utf8.txt | recursive-object.pdf | huge-image.pdf)
		# 8-bit text is a legacy encoding to convert; MuPDF may make a blank page of a looping
		# content stream or scale a huge image down while rendering: either outcome, no crash
		check "bad $c: read safely or refused (exit $rc)" test $rc -le 1
		continue ;;
	esac
	check "bad $c: exit 1" test $rc -eq 1
	base=${c%.*}
	if grep -q -- "$c\|$base" "$o.err"; then pass "bad $c: error names the file"; else
		fail "bad $c: error names the file" "$(head -c 200 "$o.err")"; fi
	if [ -f "$o/manifest.tsv" ] && [ "$c" != loop ] && [ "$c" != folder.pdf ]; then
		check "bad $c: manifest says failed" grep -q '	failed	\|	partial	' "$o/manifest.tsv"
	fi
done

# All together, with good files among them: everything is tried, the good ones are ok.
timeout $((LIMIT * 3)) "$S" run bad -o all --recursive -q 2>all.err
rc=$?
check "bad batch: finishes with exit 1" test $rc -eq 1
check "bad batch: good text ok" grep -q '^bad/good.txt	.*	ok	' all/manifest.tsv
check "bad batch: every file has its row" test "$(grep -c '^bad/' all/manifest.tsv)" -ge 20
check "bad batch: loop reported" grep -q 'loop' all.err
