#!/bin/sh
# The eng-OCR channel adapted to the batch (--adapt, --channel FILE; issue 15): a made-up engine
# that reads every h as the digit 4 ("n4ung", "t4an4") is a confusion the shipped channel never
# saw; restored with --adapt the document must come out far better than without, the learned
# channel must be written and read back, and on text without that confusion --adapt must not
# cost more than noise.
. tests/lib.sh
ACC=$BUILD/tools/syl-accuracy
TRUTH=samples/s002-born-engocr.truth.txt
[ -x "$ACC" ] && [ -f "$TRUTH" ] || { skip "adapt: inputs" "$ACC or $TRUTH missing"; exit 0; }

# acc FILE: syllable accuracy of FILE against the truth, in hundredths of a percent
acc() { "$ACC" "$TRUTH" "$1" | awk '{ printf "%d\n", $6 * 10000 }'; }
# restore IN OUT [FLAGS]: the eng-OCR job, one worker
restore() { in=$1 out=$2; shift 2; "$SOHOA" normalize --restore ocr --jobs 1 -q "$@" "$in" -o "$out"; }

"$ACC" -s "$TRUTH" >"$TMP/stripped.txt"
sed 's/h/4/g' "$TMP/stripped.txt" >"$TMP/h4.txt"
if restore "$TMP/h4.txt" "$TMP/plain.out" && restore "$TMP/h4.txt" "$TMP/adapt.out" --adapt --channel "$TMP/ch.tsv"; then
	before=$(acc "$TMP/plain.out") after=$(acc "$TMP/adapt.out")
	echo "    h read as 4: $before -> $after (1/100 %)"
	[ "$before" -lt 8000 ] && pass "adapt: the made-up confusion defeats the shipped channel ($before)" ||
		fail "adapt: the made-up confusion defeats the shipped channel" "$before"
	[ "$after" -ge 9300 ] && [ $((after - before)) -ge 2000 ] && pass "adapt: learned from the batch ($after)" ||
		fail "adapt: learned from the batch" "$before -> $after"
else
	fail "adapt: sohoa normalize --restore ocr --adapt runs"
fi

# The channel written: the confusion counted with repeated evidence, in the saved format.
if [ -s "$TMP/ch.tsv" ]; then
	pass "adapt: --channel FILE written"
	awk -F'\t' 'NF != 3 || $3 !~ /^[1-9][0-9]*$/ { bad = 1 } END { exit bad }' "$TMP/ch.tsv" &&
		pass "adapt: channel rows are token, word, count" || fail "adapt: channel rows are token, word, count"
	n=$(awk -F'\t' '$1 ~ /4/ && $2 ~ /h/ && $3 >= 3' "$TMP/ch.tsv" | wc -l)
	[ "$n" -ge 10 ] && pass "adapt: digit-for-letter readings learned ($n)" || fail "adapt: digit-for-letter readings learned" "$n"
	# Reused as it is (no learning): the same words come back.
	cp "$TMP/ch.tsv" "$TMP/ch0.tsv"
	if restore "$TMP/h4.txt" "$TMP/reuse.out" --channel "$TMP/ch.tsv"; then
		r=$(acc "$TMP/reuse.out")
		[ "$r" -ge 9000 ] && pass "adapt: --channel FILE reused ($r)" || fail "adapt: --channel FILE reused" "$r"
		cmp -s "$TMP/ch.tsv" "$TMP/ch0.tsv" && pass "adapt: a reused channel is left as it is" ||
			fail "adapt: a reused channel is left as it is"
	else
		fail "adapt: --channel FILE reused" "sohoa failed"
	fi
else
	fail "adapt: --channel FILE written"
fi
restore "$TMP/h4.txt" "$TMP/none.out" --channel "$TMP/absent.tsv" 2>/dev/null &&
	fail "adapt: a missing --channel FILE is an error" || pass "adapt: a missing --channel FILE is an error"

# Text the shipped channel knows (plain stripped text): adapting costs at most noise.
if restore "$TMP/stripped.txt" "$TMP/s.out" && restore "$TMP/stripped.txt" "$TMP/sa.out" --adapt; then
	s=$(acc "$TMP/s.out") sa=$(acc "$TMP/sa.out")
	[ "$sa" -ge $((s - 30)) ] && pass "adapt: no loss without a new confusion ($s -> $sa)" ||
		fail "adapt: no loss without a new confusion" "$s -> $sa"
else
	fail "adapt: restores plain stripped text"
fi

# sohoa run --adapt keeps the channel in the output folder; a resumed run reads it.
mkdir -p "$TMP/in" && cp "$TMP/h4.txt" "$TMP/in/doc.txt"
if "$SOHOA" run --restore ocr --adapt --jobs 1 -q --recursive "$TMP/in" -o "$TMP/out" 2>"$TMP/run.err" && [ -s "$TMP/out/channel.tsv" ]; then
	pass "adapt: run --adapt writes OUTDIR/channel.tsv"
	r=$(acc "$TMP/out/doc.txt.txt")
	[ "$r" -ge 9000 ] && pass "adapt: run --adapt restores with it ($r)" || fail "adapt: run --adapt restores with it" "$r"
	if "$SOHOA" merge -q "$TMP/out" -o "$TMP/merged" 2>"$TMP/merge.err" && cmp -s "$TMP/out/channel.tsv" "$TMP/merged/channel.tsv"; then
		pass "adapt: merge keeps the channel"
	else
		fail "adapt: merge keeps the channel" "$(head -c 200 "$TMP/merge.err")"
	fi
else
	fail "adapt: run --adapt writes OUTDIR/channel.tsv" "$(head -c 200 "$TMP/run.err")"
fi

# The manifest records --adapt and --channel among the options that change outputs: a resume
# with the same settings keeps its documents, one with others redoes them (docs/batch.md).
# kept OUTDIR [FLAGS]: run over $TMP/in2 into OUTDIR; prints how many documents were kept
kept() {
	out=$1; shift
	"$SOHOA" run --restore ocr --jobs 1 --recursive "$TMP/in2" -o "$out" "$@" 2>"$TMP/kept.err" &&
		sed -n 's/.* \([0-9][0-9]*\) kept from before.*/\1/p' "$TMP/kept.err"
}
mkdir -p "$TMP/in2" && cp "$TMP/h4.txt" "$TMP/in2/doc.txt" && cp "$TMP/stripped.txt" "$TMP/in2/plain.txt"
O=$TMP/resume
k1=$(kept "$O" --adapt) && a1=$(acc "$O/doc.txt.txt") && cp "$O/channel.tsv" "$TMP/ch1.tsv"
k2=$(kept "$O" --adapt)
[ "$k1" = 0 ] && [ "$k2" = 2 ] && cmp -s "$O/channel.tsv" "$TMP/ch1.tsv" &&
	pass "adapt: a resume with --adapt keeps its documents and channel" ||
	fail "adapt: a resume with --adapt keeps its documents and channel" "kept $k1, $k2; $(head -c 200 "$TMP/kept.err")"
k3=$(kept "$O") && a3=$(acc "$O/doc.txt.txt")
[ "$k3" = 0 ] && [ "$a3" -lt 8000 ] && [ "$a1" -ge 9000 ] &&
	pass "adapt: a resume without --adapt redoes the adapted documents ($a1 -> $a3)" ||
	fail "adapt: a resume without --adapt redoes the adapted documents" "kept $k3, $a1 -> $a3"
[ ! -e "$O/channel.tsv" ] && pass "adapt: a run without --adapt removes OUTDIR/channel.tsv" ||
	fail "adapt: a run without --adapt removes OUTDIR/channel.tsv"
k4=$(kept "$O" --adapt) && a4=$(acc "$O/doc.txt.txt")
[ "$k4" = 0 ] && [ "$a4" -ge 9000 ] && [ -s "$O/channel.tsv" ] &&
	pass "adapt: a resume with --adapt redoes the plain documents ($a4)" ||
	fail "adapt: a resume with --adapt redoes the plain documents" "kept $k4, $a4"
# --channel FILE only read: the same contents keep the documents, other contents redo them
O=$TMP/fixed
k5=$(kept "$O" --channel "$TMP/ch1.tsv") && k6=$(kept "$O" --channel "$TMP/ch1.tsv")
head -n 20 "$TMP/ch1.tsv" >"$TMP/ch1.head" && mv "$TMP/ch1.head" "$TMP/ch1.tsv"
k7=$(kept "$O" --channel "$TMP/ch1.tsv")
[ "$k5" = 0 ] && [ "$k6" = 2 ] && [ "$k7" = 0 ] &&
	pass "adapt: a resume redoes documents when the --channel FILE changed" ||
	fail "adapt: a resume redoes documents when the --channel FILE changed" "kept $k5, $k6, $k7"
