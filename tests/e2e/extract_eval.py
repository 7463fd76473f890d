#!/usr/bin/env python3
"""Compare extract CSVs with hand-checked goldens, field by field.

usage: extract_eval.py KIND GOLDEN.csv ACTUAL.csv [--diff N] [--loose] [--present-in TEXT]

Only the golden's columns are compared (goldens leave out long or derived columns such as the
source sentence and the file digest). Rows are paired by their identity columns (below), compared
with case and Vietnamese diacritics folded so that an undiacritized or OCR-mangled figure still
pairs with its golden row; every other column is then compared exactly (after collapsing spaces).
Prints one line "KIND tp=.. fp=.. fn=.. precision=.. recall=.. fields=../.." and, with --diff, the
first N differences in a readable form. --loose leaves doc, page and line out of the identity
and the comparison (a PDF of the same document numbers its lines differently). Exit status 0
always (the caller decides). --present-in keeps only golden references whose number occurs in
TEXT (the truth text of a sample that leaves a footnote out)."""
import csv
import sys
import unicodedata

IDENTITY = {
    "scores": ["doc", "page", "line", "value", "max", "unit", "rank", "rank_of", "change", "change_unit"],
    "references": ["doc", "page", "line", "number"],
    "criteria": ["doc", "id", "page", "line"],
    "documents": ["doc"],
    "responsibilities": ["doc", "page", "line"],
    "schemes": ["doc", "page", "line", "kind", "max", "points"],
}


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.lower().split())


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    kind, gpath, apath = sys.argv[1:4]
    ndiff = int(sys.argv[sys.argv.index("--diff") + 1]) if "--diff" in sys.argv else 0
    gold, got = read(gpath), read(apath)
    if "--present-in" in sys.argv:  # a sample that leaves part of the seed out (a footnote)
        text = open(sys.argv[sys.argv.index("--present-in") + 1], encoding="utf-8").read()
        gold = [g for g in gold if "number" not in g or g["number"] in text]
    cols = list(gold[0].keys()) if gold else []
    if "--loose" in sys.argv:
        cols = [c for c in cols if c not in ("doc", "page", "line", "section")]
    ident = [c for c in IDENTITY[kind] if c in cols]
    key = lambda r: tuple(fold(r.get(c, "") or "") for c in ident)
    pool = {}
    for i, r in enumerate(got):
        pool.setdefault(key(r), []).append(i)
    used = set()
    tp = fields = fields_ok = 0
    diffs = []
    missing = []
    for g in gold:
        cand = pool.get(key(g), [])
        cand = [i for i in cand if i not in used]
        if not cand:
            missing.append(g)
            continue
        i = cand[0]
        used.add(i)
        tp += 1
        for c in cols:
            if c in ident:
                continue
            fields += 1
            if clean(g.get(c, "") or "") == clean(got[i].get(c, "") or ""):
                fields_ok += 1
            else:
                diffs.append("  line %s %s: want %r, got %r" % (g.get("line", "?"), c, g.get(c), got[i].get(c)))
    extra = [got[i] for i in range(len(got)) if i not in used]
    fp, fn = len(extra), len(missing)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print("%s tp=%d fp=%d fn=%d precision=%.4f recall=%.4f fields=%d/%d" % (kind, tp, fp, fn, p, r, fields_ok, fields))
    if ndiff:
        out = []
        out += ["  missing: " + ",".join(m.get(c, "") for c in cols) for m in missing]
        out += ["  extra:   " + ",".join((e.get(c, "") or "") for c in cols) for e in extra]
        out += diffs
        for line in out[:ndiff]:
            print(line)
        if len(out) > ndiff:
            print("  ... %d more" % (len(out) - ndiff))


if __name__ == "__main__":
    main()
