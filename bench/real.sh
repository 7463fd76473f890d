#!/bin/sh
# Real documents (issue 13): sohoa on public documents of Vietnamese state bodies, against
# hand-typed truth pages and a hand-made documents.csv gold (bench/real/README.md).
#
# Text: for every truth page bench/real/truth/<id>-p<N>.txt, sohoa's text of that page is what
# `sohoa run` writes as <key>.txt for it: `sohoa normalize --pages N FILE` (ingest, then
# normalize with --restore auto, the same calls run makes). The peer, in the same run: bare
# `tesseract IMAGE - -l vie` on the page rendered at 300 dpi by pdftoppm (a JPEG page image as
# it is), or for a born-digital page `pdftotext -f N -l N` (its text layer, no OCR). Scored with
# build/tools/cer (code-point edit distance / truth length, white space folded; reading order
# counts) and build/tools/cer-flex (each output line aligned where it fits best: order aside).
# Per page and as means (of the per-page rates), for the scanned/photo pages and all pages.
#
# Metadata: one `sohoa run` over the split's documents, its documents.csv against
# bench/real/documents.gold.csv with bench/real_csv.py: right / empty / wrong per field.
#
# The seen part by default; UNSEEN=1 scores the unseen part too (kept for the end of issue 13:
# nothing is tuned on it); HOLDOUT=1 the holdout part too (made later, for final reports
# only; SEEN=0 skips the seen part); HOLDOUT2=1 the holdout2 part (made later still, same
# rules); HOLDOUT3=1 the holdout3 part (made after holdout2 was spent, same rules); HOLDOUT4=1
# the holdout4 part (made after holdout3 was spent, same rules); HOLDOUT5=1 the holdout5 part
# (made after holdout4 was spent, same rules). Documents live in $SHARED/real (sh bench/real/get.sh
# makes it); without them the script prints SKIP lines and exits 0. ONLY=PATTERN limits to
# matching ids.
# CSV=0 skips the documents.csv part (the slow one: every page of every document).
: "${BUILD:=build}"
: "${SHARED:=../shared}"
SOHOA=${SOHOA:-$BUILD/sohoa}
CER=$BUILD/tools/cer
FLEX=$BUILD/tools/cer-flex
R=bench/real
D=$SHARED/real
export OMP_THREAD_LIMIT=1
tab=$(printf '\t')

if [ ! -d "$D/seen" ]; then
	echo "SKIP real: no $D/seen (fetch the repositories in bench/real/get.sh, then sh bench/real/get.sh)"
	exit 0
fi
for t in "$SOHOA" "$CER" "$FLEX"; do
	[ -x "$t" ] || { echo "SKIP real: $t not built (make)"; exit 0; }
done
for c in tesseract pdftoppm pdftotext python3; do
	command -v $c >/dev/null || { echo "SKIP real: $c not installed"; exit 0; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# kind of a document from SOURCES.tsv
kind_of() { awk -F"$tab" -v id="$1" '$1 == id { print $3 }' "$R/SOURCES.tsv"; }
file_of() { ls "$D/$2/$1".* 2>/dev/null | head -1; }

# score one split: $1 seen|unseen, $2 truth folder, $3 gold CSV
score() {
	split=$1
	tdir=$2
	gold=$3
	echo "== real: $split documents"
	if [ ! -d "$D/$split" ]; then
		echo "SKIP real $split: no $D/$split"
		return
	fi
	printf '%-40s %-5s %6s %8s %8s %8s %8s %s\n' page kind chars "ours" "peer" "ours-fl" "peer-fl" peer
	: >"$TMP/rows.$split"
	for truth in "$tdir"/*-p*.txt; do
		[ -f "$truth" ] || continue
		b=$(basename "$truth" .txt)
		id=${b%-p*}
		page=${b##*-p}
		[ -z "${ONLY:-}" ] || echo "$id" | grep -q -e "$ONLY" || continue
		f=$(file_of "$id" "$split")
		if [ -z "$f" ]; then
			echo "SKIP $b: no document $D/$split/$id.*"
			continue
		fi
		kind=$(kind_of "$id")
		case $kind in born-digital*) k=born ;; *) k=scan ;; esac
		# ours: the text `sohoa run` writes for this page
		if ! nice "$SOHOA" normalize -q --pages "$page" "$f" -o "$TMP/ours.txt" 2>"$TMP/err"; then
			echo "    sohoa normalize $id p$page failed: $(head -1 "$TMP/err")"
			: >"$TMP/ours.txt"
		fi
		# the peer
		if [ $k = born ]; then
			peer=pdftotext
			pdftotext -q -f "$page" -l "$page" "$f" "$TMP/peer.txt" || : >"$TMP/peer.txt"
		else
			peer=tesseract
			case $f in
			*.pdf)
				rm -f "$TMP"/pg*.png
				pdftoppm -r 300 -png -f "$page" -l "$page" "$f" "$TMP/pg"
				img=$(ls "$TMP"/pg*.png | head -1)
				;;
			*) img=$f ;;
			esac
			nice tesseract "$img" - -l vie 2>/dev/null >"$TMP/peer.txt" || : >"$TMP/peer.txt"
		fi
		set -- $("$CER" "$truth" "$TMP/ours.txt") x x x
		o=$1 chars=$3
		set -- $("$CER" "$truth" "$TMP/peer.txt") x x x
		p=$1
		o_fl=$("$FLEX" "$truth" "$TMP/ours.txt" | sed -n 's/.* cer \([0-9.]*\).*/\1/p' | head -1)
		p_fl=$("$FLEX" "$truth" "$TMP/peer.txt" | sed -n 's/.* cer \([0-9.]*\).*/\1/p' | head -1)
		printf '%-40s %-5s %6s %7.2f%% %7.2f%% %7.2f%% %7.2f%% %s\n' "$b" $k "$chars" \
			"$(echo "$o" | awk '{ print $1 * 100 }')" "$(echo "$p" | awk '{ print $1 * 100 }')" \
			"$(echo "$o_fl" | awk '{ print $1 * 100 }')" "$(echo "$p_fl" | awk '{ print $1 * 100 }')" $peer
		echo "$k $o $p $o_fl $p_fl" >>"$TMP/rows.$split"
	done
	awk -v s="$split" '
		{ n++; o += $2; p += $3; of += $4; pf += $5; worse += ($2 > $3)
		  if ($1 == "scan") { ns++; os += $2; ps += $3; ofs += $4; pfs += $5 } }
		END {
			if (!n) { print "  no truth pages"; exit }
			if (ns) printf "%s scanned/photo pages: %d, mean CER ours %.2f%% tesseract %.2f%% (ratio %.2f); order-free ours %.2f%% tesseract %.2f%%\n", s, ns, 100*os/ns, 100*ps/ns, (ps ? os/ps : 0), 100*ofs/ns, 100*pfs/ns
			printf "%s all pages: %d, mean CER ours %.2f%% peer %.2f%% (ratio %.2f); order-free ours %.2f%% peer %.2f%%; pages where ours is worse than the peer: %d\n", s, n, 100*o/n, 100*p/n, (p ? o/p : 0), 100*of/n, 100*pf/n, worse
		}' "$TMP/rows.$split"
	[ "${CSV:-1}" = 0 ] && return
	# documents.csv: one run over the split, as a user would
	set --
	for f in "$D/$split"/*; do
		id=$(basename "$f")
		id=${id%.*}
		[ -z "${ONLY:-}" ] || echo "$id" | grep -q -e "$ONLY" || continue
		set -- "$@" "$f"
	done
	t0=$(date +%s)
	nice "$SOHOA" run -q "$@" -o "$TMP/out.$split" 2>"$TMP/err.$split" ||
		echo "    sohoa run ($split) exit $?: $(head -1 "$TMP/err.$split")"
	t1=$(date +%s)
	echo "$split: sohoa run over $# documents in $((t1 - t0)) s"
	if [ -n "${ONLY:-}" ]; then
		awk -F, -v p="$ONLY" 'NR == 1 || $1 ~ p' "$gold" >"$TMP/gold.$split"
		gold=$TMP/gold.$split
	fi
	# the holdout's wrong values would show its gold: hidden unless DETAIL=1 is asked for
	if [ "$split" = holdout ] || [ "$split" = holdout2 ] || [ "$split" = holdout3 ] ||
		[ "$split" = holdout4 ] || [ "$split" = holdout5 ]; then
		DETAIL=${DETAIL:-0} python3 bench/real_csv.py "$gold" "$TMP/out.$split/documents.csv" "$split"
	else
		python3 bench/real_csv.py "$gold" "$TMP/out.$split/documents.csv" "$split"
	fi
}

[ "${SEEN:-1}" = 0 ] || score seen "$R/truth" "$R/documents.gold.csv"
if [ "${UNSEEN:-0}" = 1 ]; then
	score unseen "$R/unseen/truth" "$R/unseen/documents.gold.csv"
else
	echo "(unseen part not scored: UNSEEN=1 at the end of issue 13)"
fi
# The holdout split (h01-h10, bench/real/README.md): nobody who changes code looks at it or
# runs it; HOLDOUT=1 scores it for the final report only.
if [ "${HOLDOUT:-0}" = 1 ]; then
	score holdout "$R/holdout/truth" "$R/holdout/documents.gold.csv"
fi
# The holdout2 split (k01-k10, bench/real/README.md): the same rules; HOLDOUT2=1 scores it.
if [ "${HOLDOUT2:-0}" = 1 ]; then
	score holdout2 "$R/holdout2/truth" "$R/holdout2/documents.gold.csv"
fi
# The holdout3 split (m01-m10, bench/real/README.md): the same rules; HOLDOUT3=1 scores it.
if [ "${HOLDOUT3:-0}" = 1 ]; then
	score holdout3 "$R/holdout3/truth" "$R/holdout3/documents.gold.csv"
fi
# The holdout4 split (n01-n10, bench/real/README.md): the same rules; HOLDOUT4=1 scores it.
if [ "${HOLDOUT4:-0}" = 1 ]; then
	score holdout4 "$R/holdout4/truth" "$R/holdout4/documents.gold.csv"
fi
# The holdout5 split (o01-o10, bench/real/README.md): the same rules; HOLDOUT5=1 scores it.
if [ "${HOLDOUT5:-0}" = 1 ]; then
	score holdout5 "$R/holdout5/truth" "$R/holdout5/documents.gold.csv"
fi
exit 0
