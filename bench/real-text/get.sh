#!/bin/sh
# Re-create the real-text set (issue 15) from fetched repository snapshots: for every row of
# bench/real-text/SOURCES.tsv, the file at REPO@COMMIT:PATH is read from the snapshot's git
# directory, its sha256 checked, and bench/real-text/clean.py FORMAT turns it into one paragraph
# per line of NFC text. Dev documents go to $OUT/truth/<id>.txt, unseen ones to
# $OUT/truth/unseen/<id>.txt. Deterministic: the same snapshots give the same bytes.
# Environment: MIRROR (where snapshots are, default /work/.mirror: owner+name/repo as the search
# tool's fetch leaves them; a plain `git clone --bare` of github.com/OWNER/NAME at that path does
# as well), OUT (default ../shared/real-text).
set -eu
: "${MIRROR:=/work/.mirror}"
: "${OUT:=../shared/real-text}"
HERE=$(dirname "$0")
mkdir -p "$OUT/truth/unseen"
fail=0
n=0
tab=$(printf '\t')
tail -n +2 "$HERE/SOURCES.tsv" | while IFS="$tab" read -r id split kind date issuer repo commit path sha fmt licence; do
	git_dir="$MIRROR/$(echo "$repo" | tr / +)/repo"
	if [ ! -d "$git_dir" ]; then
		echo "get.sh: $repo is not fetched (expected $git_dir)" >&2
		exit 1
	fi
	tmp=$(mktemp)
	git --git-dir="$git_dir" cat-file blob "$commit:$path" >"$tmp"
	got=$(sha256sum "$tmp" | cut -d' ' -f1)
	if [ "$got" != "$sha" ]; then
		echo "get.sh: $id: sha256 $got, expected $sha" >&2
		rm -f "$tmp"
		exit 1
	fi
	case $split in
	unseen) dest="$OUT/truth/unseen/$id.txt" ;;
	*) dest="$OUT/truth/$id.txt" ;;
	esac
	python3 "$HERE/clean.py" "$fmt" <"$tmp" >"$dest"
	rm -f "$tmp"
	echo "$id $split $(wc -w <"$dest") words"
done
