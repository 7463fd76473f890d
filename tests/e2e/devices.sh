#!/bin/sh
# Output paths that are not plain files: a named pipe or a device given to -o (or as the PDF's
# OUT) is written in place and stays what it was; a rename onto it would replace it with a file
# (as root, -o /dev/null used to replace the device). Pipes only here: a failure leaves no harm.
. "$(dirname "$0")/../lib.sh"
[ -x "$SOHOA" ] || { skip "devices" "no $SOHOA"; exit 0; }
in=samples/s000-born.pdf
[ -f "$in" ] || { skip "devices" "no $in"; exit 0; }

mkfifo "$TMP/pipe" || { skip "devices" "mkfifo failed"; exit 0; }
cat "$TMP/pipe" >"$TMP/got.tsv" &
reader=$!
"$SOHOA" ingest -q "$in" -o "$TMP/pipe" 2>"$TMP/err"
rc=$?
[ -p "$TMP/pipe" ] || kill $reader 2>/dev/null # replaced: nobody will open the pipe for writing
wait $reader
[ $rc = 0 ] && [ -p "$TMP/pipe" ] && grep -q 'Quyết định\|QUYẾT ĐỊNH\|UBND' "$TMP/got.tsv" &&
	pass "ingest -o a named pipe: written through it, still a pipe" ||
	fail "ingest -o a named pipe" "status $rc, $(head -c 200 "$TMP/err")"

cat "$TMP/pipe" >"$TMP/got.pdf" &
reader=$!
"$SOHOA" pdf -q "$in" "$TMP/pipe" 2>"$TMP/err"
rc=$?
[ -p "$TMP/pipe" ] || kill $reader 2>/dev/null # replaced: nobody will open the pipe for writing
wait $reader
[ $rc = 0 ] && [ -p "$TMP/pipe" ] && head -c 5 "$TMP/got.pdf" | grep -q '%PDF-' &&
	pass "pdf IN a-named-pipe: the PDF goes through it, still a pipe" ||
	fail "pdf IN a-named-pipe" "status $rc, $(head -c 200 "$TMP/err")"
