#!/bin/sh
# sohoa run as a batch: folders, stable outputs whatever --jobs, resume through the manifest,
# --force, shards + merge equal to one run, globs, limits, locking, progress only on a terminal.
. tests/lib.sh
S=$SOHOA
case $S in /*) ;; *) S=$PWD/$S ;; esac
cd "$TMP" || exit 1

# N text documents in nested folders, each citing a few legal documents (rows for references.csv).
mkdocs() {
	mkdir -p "$1/a/b" "$1/c"
	i=1
	while [ $i -le "$2" ]; do
		case $((i % 3)) in 0) d=$1 ;; 1) d=$1/a/b ;; *) d=$1/c ;; esac
		{
			printf 'ỦY BAN NHÂN DÂN TỈNH SỐ %d\n' "$i"
			printf 'Căn cứ Quyết định số %d/QĐ-UBND ngày 0%d/4/2024 của UBND tỉnh Lai Châu;\n' "$((100 + i))" "$((i % 9 + 1))"
			printf '\fTrang hai: Nghị định số %d/2020/NĐ-CP ngày 1%d/3/2020 của Chính phủ.\n' "$i" "$((i % 9))"
		} >"$d/vb$i.txt"
		i=$((i + 1))
	done
}
mkdocs in 24

"$S" run in -o j1 --recursive --jobs 1 -q 2>err1; rc=$?
check "run: exit 0 on good inputs" test $rc -eq 0
check "run: one text per document" test "$(find j1 -name '*.txt' | wc -l)" -eq 24
check "run: mirrored folders, <key>.txt" test -f j1/a/b/vb1.txt.txt
check "run: manifest has every document ok" test "$(grep -c '	ok	' j1/manifest.tsv)" -eq 24
check "run: quiet (-q) prints no progress or summary" sh -c "! grep -q '^sohoa:\|docs, ' err1"
"$S" run in -o j2 --recursive --jobs 2 -q
same=1
for f in j1/*.csv; do cmp -s "$f" "j2/${f#j1/}" || same=0; done
[ -n "$(ls j1/*.csv 2>/dev/null)" ] || same=0
check "run: CSVs identical with --jobs 1 and --jobs 2" test $same -eq 1
if [ -f j1/references.csv ]; then
	# rows follow document path order (the manifest's), then page, then line
	check "run: rows in path, page, line order" awk -F'\t' -v csv=j1/references.csv '
		NR > 2 { rank[$9] = NR }
		END {
			while ((getline l < csv) > 0) {
				if (++row == 1) continue
				split(l, f, ","); r = rank[f[1]]
				if (r < pr || (r == pr && (f[2] + 0 < pp || (f[2] + 0 == pp && f[3] + 0 < pl)))) exit 1
				pr = r; pp = f[2] + 0; pl = f[3] + 0
			}
			exit row < 2
		}' j1/manifest.tsv
fi

# Resume: nothing redone, outputs untouched, byte-identical.
cp -r j1 before
sleep 1
"$S" run in -o j1 --recursive 2>err2; rc=$?
check "resume: exit 0" test $rc -eq 0
check "resume: every document kept" grep -q '0 documents ok, 0 partial, 0 failed, 24 kept' err2
check "resume: outputs byte-identical" diff -r -x lock before j1
check "resume: text files not rewritten" test ! j1/a/b/vb1.txt.txt -nt before/a/b/vb1.txt.txt

# A changed document is redone, a touched one is not.
printf 'Điều 3. Quyết định này thay thế Quyết định số 7/QĐ-UBND ngày 01/01/2024.\n' >>in/c/vb2.txt
touch in/a/b/vb4.txt
"$S" run in -o j1 --recursive 2>err3
check "resume: changed document redone, touched one kept" grep -q '1 documents ok, 0 partial, 0 failed, 23 kept' err3
check "resume: changed text in output" grep -q '7/QĐ-UBND' j1/c/vb2.txt.txt
"$S" run in -o fresh --recursive -q
check "resume: equals a fresh run" diff -r -x lock fresh j1
"$S" run in -o j1 --recursive --force 2>err4
check "force: redoes all" grep -q '24 documents ok' err4
"$S" run in -o j1 --recursive --tone new 2>err5
check "options changed: redoes all" grep -q '24 documents ok' err5

# Shards and merge give the same set as one run.
for k in 1 2 3; do "$S" run in -o s$k --recursive --shard $k/3 -q; done
check "shard: slices partition the inputs" test "$(cat s1/manifest.tsv s2/manifest.tsv s3/manifest.tsv | grep -c '	ok	')" -eq 24
"$S" merge s3 s1 s2 -o merged -q; rc=$?
check "merge: exit 0" test $rc -eq 0
check "merge: identical to one run" diff -r -x lock fresh merged
"$S" run in -o bad --shard 4/3 2>/dev/null
check "shard: 4/3 is a usage error" test $? -eq 2
"$S" merge in -o m2 2>/dev/null
check "merge: a folder without manifest is an error" test $? -eq 1

# Globs.
"$S" run in -o g --recursive --include 'vb1*' --exclude 'vb10*' -q
check "include/exclude: vb1, vb11..vb19 minus vb10" test "$(find g -name '*.txt' | wc -l)" -eq 10
"$S" run in -o g2 --recursive --exclude 'a' -q
check "exclude prunes folders" test ! -d g2/a

# Same base name in two places, and a loop through a symlink.
mkdir -p dup/x dup/y && echo one >dup/x/n.txt && echo two >dup/y/n.txt && echo three >dup/n.md && echo four >dup/n.txt
ln -s .. dup/x/up
timeout 20 "$S" run dup -o dupo --recursive -q 2>err6; rc=$?
check "loop: does not hang, exit 1" test $rc -eq 1
check "loop: named in the error" grep -q 'loop' err6
check "names: unique outputs" test "$(find dupo -name '*.txt' | wc -l)" -eq 4

# Limits reach the stages.
printf 'a\fb\fc\fd\n' >four.txt
"$S" run four.txt -o lim --max-pages 3 -q 2>err7; rc=$?
check "max-pages: exit 1" test $rc -eq 1
check "max-pages: says why" grep -q 'max-pages' lim/manifest.tsv

# Lock: a second run into the same folder is refused while one holds it.
flock j1/.sohoa/lock sh -c "\"$S\" run in -o j1 --recursive -q 2>err8; echo \$? >rc8"
check "lock: second writer refused" test "$(cat rc8)" -eq 1
check "lock: says why" grep -q 'another sohoa run' err8

# A damaged manifest: refused (not overwritten), clear error.
mkdir -p dm/.sohoa && echo 'garbage' >dm/manifest.tsv
"$S" run in -o dm --recursive -q 2>err9; rc=$?
check "damaged manifest: exit 1" test $rc -eq 1
check "damaged manifest: kept, says why" sh -c "grep -q garbage dm/manifest.tsv && grep -q 'not a sohoa manifest' err9"
# A row cut short by a crash is ignored.
cp -r j1 torn && printf 'in/a/b/vb1.txt\t12' >>torn/manifest.tsv
"$S" run in -o torn --recursive --tone new -q; rc=$?
check "torn manifest row: ignored" test $rc -eq 0

# Progress: drawn on a terminal, never when stderr is a file.
check "progress: none on a file" sh -c "! grep -q \"\$(printf '\\r')\" err5"
if command -v script >/dev/null 2>&1; then
	script -qec "\"$S\" run in -o tty --recursive --force" /dev/null >tty.log 2>&1
	check "progress: status line on a terminal" grep -q 'docs, .* pages/s' tty.log
	check "progress: summary line" grep -q 'documents ok' tty.log
else
	skip "progress: status line on a terminal" "script missing"
fi
