#!/bin/sh
# Re-create ../shared/real (the real-document set of issue 13) from fetched repository
# snapshots. The documents are not in this repository: each row of SOURCES.tsv names the public
# repository, the commit and the path of one file, and its sha256.
#
# First bring the snapshots with the search tool's fetch (one call per repository):
#   fetch github:hpbaotho/04-quanly-vanban-quanhuyen
#   fetch github:dangthanhthi/Du_An_Luu_Tru_CongVan
#   fetch github:tuanhud/quanlycongvan2013
#   fetch github:ailabteam/VietAdmin-OCR-LLM-RAG
#   fetch github:tuyendb/OCR_VBPL
#   fetch github:aerovfx/thptphuocbuu
#   fetch github:dangminhtai/ubndxaphumybac
#   fetch github:QuangDuyxyz/OCR_LOCAL_VBHC      (the holdout and holdout2 splits)
#   fetch github:hwolp/RAG_TongHopVBHC           (holdout2: k01)
#   fetch github:KaiKenju/Vietnamese_OCR_documents       (holdout3: m01-m03)
#   fetch github:Phambanam99/qlvb_thanh                  (holdout3: m04-m06)
#   fetch github:nmtric3docbinhkieu/windsurf-vanban-bot  (holdout3: m07-m10)
# (holdout4: n01-n10 come from QuangDuyxyz/OCR_LOCAL_VBHC, fetched above)
#   fetch github:Tungbeoi/Vietlexibot                   (holdout5: o01-o10)
# They arrive as bare git directories under $MIRROR (/work/.mirror/owner+name/repo). Then, from
# the repository root:
#   sh bench/real/get.sh            # writes ../shared/real/{seen,unseen,holdout,holdout2,holdout3,holdout4,holdout5}/<id>.<ext>
# The extension follows the file's first bytes (a JPEG stored as *.png becomes <id>.jpg), else
# its path. Existing files with the right sha256 are kept. Exit status 1 if any file is missing or wrong.
set -u
here=$(dirname "$0")
MIRROR=${MIRROR:-/work/.mirror}
SHARED=${SHARED:-../shared}
dest=$SHARED/real
tab=$(printf '\t')
bad=0
mkdir -p "$dest/seen" "$dest/unseen" "$dest/holdout" "$dest/holdout2" "$dest/holdout3" "$dest/holdout4" "$dest/holdout5" || exit 1
tail -n +2 "$here/SOURCES.tsv" | while IFS=$tab read -r id split kind pages repo commit path sha lic; do
	case $path in
	*.jpg | *.JPG | *.jpeg) ext=jpg ;;
	*.png | *.PNG) ext=png ;;
	*) ext=pdf ;;
	esac
	out=$dest/$split/$id.$ext
	for f in "$dest/$split/$id".*; do
		[ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sha" ] && continue 2
	done
	owner=${repo%%/*}
	name=${repo#*/}
	g=$MIRROR/$owner+$name/repo
	[ -d "$g/.git" ] && g=$g/.git
	if [ ! -d "$g" ]; then
		echo "MISSING $id: fetch github:$repo first" >&2
		echo 1 >"$dest/.get-failed"
		continue
	fi
	if ! git --git-dir="$g" cat-file blob "$commit:$path" >"$out.part" 2>/dev/null; then
		echo "MISSING $id: $repo has no $commit:$path" >&2
		rm -f "$out.part"
		echo 1 >"$dest/.get-failed"
		continue
	fi
	got=$(sha256sum "$out.part" | cut -d' ' -f1)
	if [ "$got" != "$sha" ]; then
		echo "BAD $id: sha256 $got, want $sha" >&2
		rm -f "$out.part"
		echo 1 >"$dest/.get-failed"
		continue
	fi
	case $(od -An -tx1 -N4 "$out.part" | tr -d ' ') in
	ffd8*) ext=jpg ;;
	89504e47) ext=png ;;
	25504446) ext=pdf ;;
	esac
	mv "$out.part" "$dest/$split/$id.$ext"
	echo "ok $split/$id.$ext"
done
if [ -f "$dest/.get-failed" ]; then
	rm -f "$dest/.get-failed"
	bad=1
fi
exit $bad
