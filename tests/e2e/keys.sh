#!/bin/sh
# Document keys and output safety of `sohoa run` / `sohoa merge` (issue 12): every CSV row's doc is
# the document's key (its path below the folder given, extension kept), unique within the output
# folder, and joins to exactly one documents.csv row; same-named files in different folders, and
# a.pdf beside a.txt, never share a key or a text output; merging shards keeps keys unique; an
# output-name clash fails that document alone; a folder that is not a sohoa output is never
# written into, earlier outputs inside the input are skipped, and `run D -o D` is refused.
. tests/lib.sh
S=$(cd "$(dirname "$SOHOA")" && pwd)/$(basename "$SOHOA")
SRC=$PWD
cd "$TMP" || exit 1
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: keys: python3 missing (CSV checks need it)"
	exit 0
fi

mkdir -p in/2023 in/2024
cp "$SRC/samples/s000-stripped.txt" in/2023/baocao.txt
cp "$SRC/samples/s002-stripped.txt" in/2024/baocao.txt
cp "$SRC/samples/s000-born.pdf" in/a.pdf
cp "$SRC/samples/s003-stripped.txt" in/a.txt

# keys_ok OUT: every CSV's doc is a key of a finished document in the manifest, documents.csv has
# one row per key, each key's text is OUT/<key>.txt, and scores rows join to one document each.
keys_ok() {
	python3 - "$1" <<'PY'
import csv, glob, os, sys
out = sys.argv[1]
with open(os.path.join(out, "manifest.tsv"), encoding="utf-8") as f:
    rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
head, rows = rows[0], rows[1:]
keys = {r[head.index("output")] for r in rows if r[head.index("status")] in ("ok", "partial")}
allkeys = [r[head.index("output")] for r in rows]
bad = []
if len(set(allkeys)) != len(allkeys):
    bad.append("manifest keys not unique")
for k in keys:
    if not os.path.isfile(os.path.join(out, k + ".txt")):
        bad.append("no text %s.txt" % k)
docs = {}
with open(os.path.join(out, "documents.csv"), newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        docs[r["doc"]] = docs.get(r["doc"], 0) + 1
if set(docs) != keys or any(n != 1 for n in docs.values()):
    bad.append("documents.csv keys %s, manifest %s" % (sorted(docs.items()), sorted(keys)))
nrows = 0
for path in sorted(glob.glob(os.path.join(out, "*.csv"))):
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            nrows += 1
            if r["doc"] not in keys:
                bad.append("%s: doc '%s' is no key" % (os.path.basename(path), r["doc"]))
            elif docs.get(r["doc"]) != 1:
                bad.append("%s: doc '%s' joins %d documents rows" % (os.path.basename(path), r["doc"], docs.get(r["doc"], 0)))
if nrows < 20:
    bad.append("only %d rows" % nrows)
print("; ".join(bad[:5]) if bad else "%d keys, %d rows" % (len(keys), nrows))
sys.exit(1 if bad else 0)
PY
}
# check_keys NAME OUT: keys_ok as one PASS/FAIL line with its figures
check_keys() {
	if msg=$(keys_ok "$2" 2>&1); then pass "$1 ($msg)"; else fail "$1" "$msg"; fi
}

"$S" run in -o o1 --recursive -q 2>err1; rc=$?
check "same names: exit 0" test $rc -eq 0
check_keys "same names: keys unique, each joins one documents row" o1
check "same names: key is the path below the folder, extension kept" \
	sh -c "cut -f9 o1/manifest.tsv | tail -n +3 | tr '\n' ' ' | grep -qx '2023/baocao.txt 2024/baocao.txt a.pdf a.txt '"
check "same names: a.pdf and a.txt give two texts" sh -c "test -s o1/a.pdf.txt && test -s o1/a.txt.txt"
check "same names: 2023 and 2024 texts differ" sh -c "! cmp -s o1/2023/baocao.txt.txt o1/2024/baocao.txt.txt"
check "same names: scores of the two years apart" \
	sh -c "grep -q '^2023/baocao.txt,' o1/scores.csv && grep -q '^2024/baocao.txt,' o1/scores.csv"

# -v names each document by its path as walked, in every stage's lines, so the two baocao.txt
# are told apart; `sohoa extract` keys doc by the file name with its extension, as run does.
"$S" run in -o ov --recursive -v 2>errv >/dev/null
check "-v: every document line names its path" \
	sh -c "! grep -v -e '^sohoa: in/' -e 'documents ok' errv && grep -q '^sohoa: in/2023/baocao.txt: restoration' errv"
"$S" extract -q --only documents -o - in/a.txt 2>/dev/null >ex.csv
check "extract: doc is the file name with its extension" sh -c "cut -d, -f1 ex.csv | tail -1 | grep -qx a.txt"

# Files given by name: the key is the file name; a name given twice gets ~2 before its extension.
"$S" run in/2023/baocao.txt in/2024/baocao.txt -o o2 -q 2>/dev/null
check_keys "files by name: keys unique" o2
check "files by name: baocao.txt and baocao~2.txt" sh -c "test -s o2/baocao.txt.txt && test -s o2/baocao~2.txt.txt"

# Shards merged: the keys are those of one run, and so are the CSVs.
"$S" run in -o s1 --recursive --shard 1/2 -q 2>/dev/null
"$S" run in -o s2 --recursive --shard 2/2 -q 2>/dev/null
"$S" merge s1 s2 -o m -q 2>errm; rc=$?
check "merge: exit 0" test $rc -eq 0
check_keys "merge: keys unique across shards" m
same=1
for f in o1/*.csv; do cmp -s "$f" "m/${f#o1/}" || same=0; done
check "merge: CSVs identical to one run's" test $same -eq 1

# Folders of runs over different inputs can give one key to two paths: merge says so and keeps
# the first, so keys stay unique.
mkdir other && cp in/a.pdf other/a.pdf
"$S" run in/a.pdf -o o6 -q 2>/dev/null
"$S" run other/a.pdf -o o7 -q 2>/dev/null
"$S" merge o6 o7 -o m2 -q 2>errm2; rc=$?
check "merge: two paths with one key: exit 1, named" sh -c "test $rc -eq 1 && grep -q 'both write' errm2"
check_keys "merge: two paths with one key: keys still unique" m2

# An output-name clash fails that document alone: the file 'x' writes x.txt, where the folder
# x.txt/ (an input folder, mirrored) must go; a rows file whose name an old folder holds.
mkdir -p cl/x.txt
cp in/a.txt cl/x
cp in/2023/baocao.txt cl/x.txt/y.txt
cp in/2024/baocao.txt cl/b.txt
cp in/a.pdf cl/c.pdf
mkdir -p co/.sohoa/rows/b.txt.rows
"$S" run cl -o co --recursive -q 2>errc; rc=$?
check "clash: exit 1" test $rc -eq 1
check "clash: two documents failed, two ok" \
	sh -c "test \$(grep -c '	failed	' co/manifest.tsv) -eq 2 && test \$(grep -c '	ok	' co/manifest.tsv) -eq 2"
check "clash: nothing left todo" sh -c "! grep -q '	todo	' co/manifest.tsv"
check "clash: one stderr line per failed document" test "$(wc -l <errc)" -eq 2
check "clash: the line names the input" sh -c "grep -q \"'cl/b.txt'\" errc && grep -qi 'directory' errc"
check_keys "clash: the others' keys join" co
"$S" run cl -o co --recursive -q 2>errc2; rc=$?
check "clash: rerun exits 1, still does the others" sh -c "test $rc -eq 1 && test \$(grep -c '	ok	' co/manifest.tsv) -eq 2"

# Output safety.
mkdir foreign && echo 'mine,not yours' >foreign/scores.csv
"$S" run in -o foreign --recursive -q 2>errf; rc=$?
check "safety: a non-empty folder without .sohoa/ is refused" test $rc -ne 0
check "safety: its files untouched, nothing added" sh -c "test \"\$(ls -A foreign)\" = scores.csv && grep -qx 'mine,not yours' foreign/scores.csv"
check "safety: says why" grep -q "not a sohoa output folder" errf
"$S" merge s1 s2 -o foreign -q 2>/dev/null; rc=$?
check "safety: merge refuses it too" sh -c "test $rc -ne 0 && test \"\$(ls -A foreign)\" = scores.csv"
mkdir empty
"$S" run in -o empty --recursive -q 2>/dev/null; rc=$?
check "safety: an empty folder is fine" sh -c "test $rc -eq 0 && test -d empty/.sohoa"
cp -r in same
"$S" run same -o same --recursive -q 2>errs; rc=$?
check "safety: run D -o D refused, non-zero" test $rc -ne 0
check "safety: run D -o D says why" grep -q 'both an input and the output' errs
check "safety: run D -o D wrote nothing" test ! -e same/.sohoa
cp -r o1 in/old-output
"$S" run in -o o3 --recursive -v 2>errv; rc=$?
check "safety: an earlier output inside the input is skipped" \
	sh -c "test $rc -eq 0 && ! grep -q 'old-output' o3/manifest.tsv && test \$(tail -n +3 o3/manifest.tsv | wc -l) -eq 4"
check "safety: -v says it was skipped" grep -q "in/old-output' is a sohoa output folder" errv
"$S" run in -o o4 --recursive -q 2>errq
check "safety: without -v the skip is quiet" test ! -s errq
"$S" run o1 -o o5 --recursive -q 2>err5; rc=$?
check "safety: an output folder given as input: said, exit 1" sh -c "test $rc -eq 1 && grep -q 'sohoa output folder' err5"
