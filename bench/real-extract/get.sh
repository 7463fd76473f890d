#!/bin/sh
# bench/real-extract/get.sh: re-create the real extraction set (issue 17) from public GitHub
# snapshots.  Documents are never committed; this recipe fetches them from the snapshots listed in
# SOURCES.tsv and writes them to $OUT/seen/, $OUT/unseen/, $OUT/holdout/, $OUT/holdout2/,
# $OUT/holdout3/, $OUT/holdout4/, $OUT/dev4/ and $OUT/holdout5/ (default ../shared/real-extract).
#
# First bring the repositories onto the machine with the search tool's `fetch`
# (they arrive as bare git dirs under /work/.mirror/owner+name/repo):
#     fetch github:tnt305/tai_lieu_noi_bo
#     fetch github:ducminh0302/law-advisor
#     fetch github:NguyenQuocBao97/multiclass-text-classification   (holdout3 and holdout4 only)
#     fetch github:vpubnd49/VBAI                                      (holdout4 y09-y12, dev4, holdout5)
# then run:   sh bench/real-extract/get.sh [--check]
#
# Forms:
#  - *.pdf are copied byte for byte (git blob of the listed commit).
#  - *.md (thuvienphapluat-style Markdown transcripts of the official text) become plain text
#    <id>.txt with the wording unchanged: the emphasis marks ** __ * are removed, a line made only
#    of table or rule characters (| - space) becomes an empty line (so table cells stay apart),
#    trailing blanks are cut.  A '*' between two words with a space on each side is a product
#    ("Tỷ lệ = b/a * 100%") and stays.  Nothing else changes (line breaks stay where the source has them).
#  - *.txt.ws (plain text of a word-segmented corpus: the syllables of a word are joined by '_')
#    become <id>.txt with every '_' turned back into a space; nothing else changes (the corpus's
#    one-sentence-per-line breaks and its spaces around punctuation stay).
#  - pdftotext:<path>.pdf (a born-digital PDF, text layer from Word) becomes <id>.txt written by
#    `pdftotext -layout` (poppler; the digests were made with 22.12.0): one form feed ends each
#    page, so a line's page and line are those of the PDF page.
#  - pdftotext-pages:F-L:<path>.pdf is the same for pages F to L only (`pdftotext -layout -f F -l L`):
#    the first pages of a long report or criteria table.
# The sha256 column of SOURCES.tsv is the digest of the file written here; --check only verifies.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/../../../shared/real-extract}
MIRROR=${MIRROR:-/work/.mirror}
CHECK=0
[ "${1:-}" = "--check" ] && CHECK=1
mkdir -p "$OUT/seen" "$OUT/unseen" "$OUT/holdout" "$OUT/holdout2" "$OUT/holdout3" "$OUT/holdout4" "$OUT/dev4" "$OUT/holdout5"
fail=0
tail -n +2 "$HERE/SOURCES.tsv" | while IFS='	' read -r id split kind pages repo commit path sha licence; do
	git_dir="$MIRROR/$(echo "$repo" | tr / +)/repo"
	src=${path#pdftotext:}
	range=
	case "$path" in
	pdftotext-pages:*)
		src=${path#pdftotext-pages:}
		range=${src%%:*}
		src=${src#*:} ;;
	esac
	case "$path" in
	*.md | *.txt.ws | pdftotext:*.pdf | pdftotext-pages:*.pdf) dest="$OUT/$split/$id.txt" ;;
	*.pdf) dest="$OUT/$split/$id.pdf" ;;
	*) echo "$id: unknown form $path" >&2; exit 1 ;;
	esac
	if [ "$CHECK" = 0 ]; then
		if [ ! -d "$git_dir" ]; then
			echo "$id: $git_dir missing: fetch github:$repo first" >&2
			exit 1
		fi
		tmp="$dest.tmp"
		git --git-dir="$git_dir" show "$commit:$src" >"$tmp"
		case "$path" in
		pdftotext:*)
			pdftotext -layout "$tmp" "$dest"
			rm -f "$tmp" ;;
		pdftotext-pages:*)
			pdftotext -layout -f "${range%-*}" -l "${range#*-}" "$tmp" "$dest"
			rm -f "$tmp" ;;
		*.md)
			python3 - "$tmp" "$dest" <<'PY'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
out = []
for line in open(src, encoding="utf-8").read().split("\n"):
    if line.strip() and re.fullmatch(r"[|\-\s]*", line):
        line = ""
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"(?<=\S) \* (?=\S)", " \0 ", line)  # a product "b/a * 100%" stays
    line = line.replace("*", "").replace("\0", "*")
    out.append(line.rstrip())
open(dst, "w", encoding="utf-8").write("\n".join(out))
PY
			rm -f "$tmp" ;;
		*.txt.ws) tr '_' ' ' <"$tmp" >"$dest" && rm -f "$tmp" ;;
		*) mv "$tmp" "$dest" ;;
		esac
	fi
	got=$(sha256sum "$dest" | cut -d' ' -f1)
	if [ "$sha" != "-" ] && [ "$got" != "$sha" ]; then
		echo "$id: sha256 $got, SOURCES.tsv says $sha" >&2
		exit 1
	fi
	echo "$id	$split	$(basename "$dest")	$got"
done
