#!/usr/bin/env python3
"""Compare sohoa's documents.csv with a hand-made gold (bench/real/README.md says how it was made).

    python3 bench/real_csv.py GOLD.csv OUT/documents.csv [LABEL]

For every field of the gold (type, number, date, issuer, place, signer, signer_role, title) each
document counts as
    right  the output equals the gold after normalisation (both empty is right too),
    empty  the output is empty and the gold is not,
    wrong  the output is not empty and differs from the gold (junk, or a value the gold lacks).
Normalisation: NFC, case folded, white space runs as one space, outer spaces and end
punctuation (. , ; :) off. Per field besides: number without spaces; place without a leading
"Thành phố" or "Tp." ("Hồ Chí Minh" is the place of "Thành phố Hồ Chí Minh, ngày ..."); role
with a leading "P." read as "Phó"; title without surrounding parentheses
and without a leading "V/v", "V/v:" or "Về việc"; signer also right when the output ends with
the gold name (a rank before the name, "Trung tá Ngô Văn Công"). Documents missing from the
output count as empty in every field the gold fills. Prints one line per field, the documents
whose number, date, issuer and type are all right, and each wrong value (DETAIL=0 hides them).
"""
import csv
import os
import re
import sys
import unicodedata

FIELDS = ["type", "number", "date", "issuer", "place", "signer", "signer_role", "title"]
KEY4 = ["number", "date", "issuer", "type"]


def base(s):
    s = unicodedata.normalize("NFC", s or "").casefold()
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" .,;:")


def norm(field, s):
    s = base(s)
    if field == "number":
        s = s.replace(" ", "")
        s = re.sub(r"^số:?", "", s)
    elif field == "place":
        s = re.sub(r"^(thành phố|tp\.)\s*", "", s)
    elif field == "signer_role":
        s = re.sub(r"^p\.\s*", "phó ", s)
    elif field == "title":
        s = s.strip("()").strip()
        s = re.sub(r"^(v/v:?|về việc)\s*", "", s)
        s = s.strip(" .,;:")
    return re.sub(r"\s+", " ", s).strip()


def judge(field, gold, out):
    g, o = norm(field, gold), norm(field, out)
    if o == g or (field == "signer" and g and o.endswith(" " + g)):
        return "right"
    return "empty" if not o else "wrong"


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: real_csv.py GOLD.csv OUT/documents.csv [LABEL]\n")
        return 2
    label = sys.argv[3] if len(sys.argv) > 3 else "docs"
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f))
    out = {}
    if os.path.exists(sys.argv[2]):
        with open(sys.argv[2], encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                # `sohoa run` writes the key (path below the input folder, extension kept)
                stem, ext = os.path.splitext(os.path.basename(row.get("doc") or ""))
                out[stem if ext.lower() in (".pdf", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff") else stem + ext] = row
    detail = os.environ.get("DETAIL", "1") != "0"
    n = len(gold)
    counts = {f: {"right": 0, "empty": 0, "wrong": 0} for f in FIELDS}
    wrongs = []
    all4 = 0
    for g in gold:
        o = out.get(g["id"], {})
        ok4 = True
        for f in FIELDS:
            v = judge(f, g.get(f, ""), o.get(f, ""))
            counts[f][v] += 1
            if f in KEY4 and v != "right":
                ok4 = False
            if v == "wrong":
                wrongs.append((g["id"], f, g.get(f, ""), o.get(f, "")))
        all4 += ok4
    print("%s: documents.csv against the gold, %d documents (%d in the output)" %
          (label, n, sum(1 for g in gold if g["id"] in out)))
    print("  %-12s %6s %6s %6s" % ("field", "right", "empty", "wrong"))
    for f in FIELDS:
        c = counts[f]
        print("  %-12s %6d %6d %6d" % (f, c["right"], c["empty"], c["wrong"]))
    junk = sum(counts[f]["wrong"] for f in FIELDS)
    print("  number+date+issuer+type all right: %d/%d (%.0f%%); wrong fields: %d" %
          (all4, n, 100.0 * all4 / n if n else 0, junk))
    if detail:
        for doc, f, g, o in wrongs:
            print("  wrong %s %s: gold \"%s\" got \"%s\"" % (doc, f, g, o))
    return 0


if __name__ == "__main__":
    sys.exit(main())
