#!/usr/bin/env python3
"""Score sohoa's CSVs on the real extraction set (issue 17) against the hand-made gold.

usage: extract_real.py [--label NAME] [--diff N] [--per-doc] GOLD_DIR OUT_DIR

GOLD_DIR holds <doc>.<kind>.csv gold files (kind: scores, schemes, responsibilities, documents;
bench/real-extract/GOLD.md says what they contain and how they were made). OUT_DIR is what
`sohoa run -o OUT_DIR` (or `sohoa extract`) wrote: OUT_DIR/<kind>.csv with a `doc` column.
A document is scored for a kind only when it has a gold file of that kind; predicted rows of other
documents are ignored. A CSV sohoa does not write (schemes.csv before issue 17) scores as no
predictions: recall 0, not an error.

Matching (GOLD.md, "How rows are matched"):
  scores           same doc, page and kind, equal number (value, else rank, else change; 8,41 = 8.41;
                   sign ignored), nearest line first. Subject right: see subject_right().
  schemes          same doc, page and kind, the gold row's key number (criterion: max else points;
                   bonus/penalty/band: points else max) equal to the predicted max or points.
  responsibilities same doc and page, lines at most 6 apart (a pair whose lead is right is
                   preferred); then lead, cooperating and deadline are compared.
  documents        field by field (type, number, date, issuer, signer, signer_role, title).
Every predicted row left unpaired is a false positive, a second row for an already paired fact too
("dup" counts those). Prints precision, recall and the field rates per CSV and per kind."""
import csv
import os
import re
import sys
import unicodedata

KINDS = ["scores", "schemes", "responsibilities", "documents"]
DOC_FIELDS = ["type", "number", "date", "issuer", "signer", "signer_role", "title"]
# words that end a subject's head noun phrase (a relation or a qualifier starts after them)
HEAD_STOP = {"của", "về", "trong", "đối", "cho", "tại", "theo", "được", "đã", "là", "thuộc", "với", "so",
             "năm", "giai", "đến", "trên", "dưới", "từ", "ở", "có", "đạt", "bằng", "gồm", "và", "tháng",
             "quý", "lũy", "ước"}


def nfc(s):
    return unicodedata.normalize("NFC", s or "")


def fold(s):
    """Lower case, NFC, punctuation to spaces; diacritics kept (subjects are compared as written)."""
    s = nfc(s).lower().replace("“", " ").replace("”", " ")
    s = re.sub(r"[^\w%/]+", " ", s)
    return " ".join(s.split())


def strip_marks(s):
    s = unicodedata.normalize("NFD", fold(s).replace("đ", "d"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def num(s):
    """'8,41' '8.41' '1.219,11' '-50' -> float; None when not a number."""
    s = (s or "").strip().replace(" ", "").lstrip("+")
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def same_num(a, b):
    return a is not None and b is not None and abs(abs(a) - abs(b)) < 1e-6


def head(words):
    """The head noun phrase: the words before the first relation word, time qualifier or number
    (HEAD_STOP, digits), keeping at least three words when the subject has them."""
    out = []
    for w in words:
        if (w in HEAD_STOP or any(c.isdigit() for c in w)) and len(out) >= 3:
            break
        out.append(w)
    return out


FUNCTION_WORDS = {"các", "những", "mọi", "của", "và", "hoặc", "được", "có", "là", "trong", "cho", "với", "về",
                  "theo", "tại", "trên", "dưới", "từ", "đến", "ở", "so", "đã", "sẽ", "thì", "mà"}


def measure_words(words):
    """Drop leading 'các'/'những' and a leading 'tỷ lệ' / 'tỷ trọng' / 'số lượng' / 'số' (the unit
    says as much)."""
    while words and words[0] in ("các", "những", "mọi"):
        words = words[1:]
    for lead in (["tỷ", "lệ"], ["tỷ", "trọng"], ["số", "lượng"], ["số"]):
        if words[:len(lead)] == lead and len(words) > len(lead):
            return words[len(lead):]
    return words


def contains(big, small):
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def subject_right(pred, gold):
    """Right when (1) equal after fold() and measure_words(); or (2) the prediction contains the
    gold subject's head noun phrase (head()); or (3) the content words (FUNCTION_WORDS left out) of
    each cover at least 60% of the other's and the prediction has two or more. So 'cộng', 'x 25',
    'đến nay', 'hoặc cơ quan' are never right, and 'người hưởng trợ cấp' is not right for '85% người
    hưởng trợ cấp ... mở mới tài khoản' (it does not say what is measured of them)."""
    p, g = measure_words(fold(pred).split()), measure_words(fold(gold).split())
    if not p or not g:
        return False
    if p == g or contains(p, head(g)):
        return True
    pc = {w for w in p if w not in FUNCTION_WORDS}
    gc = {w for w in g if w not in FUNCTION_WORDS}
    if len(pc) < 2 or not gc:
        return False
    both = len(pc & gc)
    return both >= 0.6 * len(gc) and both >= 0.6 * len(pc)


def unit_right(pred, gold):
    """Unit names (lead, cooperating): equal without marks and punctuation; or one contained in the
    other with little left over (the longer at most twice the shorter plus two words)."""
    p, g = strip_marks(pred).split(), strip_marks(gold).split()
    if not p and not g:
        return True
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return contains(long_, short) and len(long_) <= 2 * len(short) + 2


def deadline_right(pred, gold):
    p, g = fold(pred), fold(gold)
    if not p and not g:
        return True
    if not p or not g:
        return False
    pn = sorted(int(x) for x in re.findall(r"\d+", p))
    gn = sorted(int(x) for x in re.findall(r"\d+", g))
    if pn or gn:
        return pn == gn
    return strip_marks(p) == strip_marks(g)


def doc_field_right(field, pred, gold):
    if field == "date":
        return (pred or "").strip() == (gold or "").strip()
    if field == "number":
        return strip_marks(pred).replace(" ", "") == strip_marks(gold).replace(" ", "")
    if field == "title":
        norm = lambda s: re.sub(r"^(v/v|ve viec)\s+", "", strip_marks(s))
        return norm(pred) == norm(gold)
    return strip_marks(pred) == strip_marks(gold)


def doc_name(key):
    """The gold's document name for a doc cell: `sohoa run` writes its key (the path below the
    input folder, extension kept), `sohoa extract` the base name without extension."""
    base = os.path.basename(key or "")
    stem, ext = os.path.splitext(base)
    return stem if ext.lower() in (".pdf", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pnm", ".pgm", ".ppm", ".pbm") else base


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def intval(s, default=0):
    try:
        return int(str(s).strip())
    except ValueError:
        return default


def pred_number(r):
    for c in ("value", "rank", "change"):
        v = num(r.get(c))
        if v is not None:
            return v
    return None


def scheme_key(r):
    order = ("max", "points") if r.get("kind") == "criterion" else ("points", "max")
    for c in order:
        v = num(r.get(c))
        if v is not None:
            return v
    return None


def pair(gold, pred, candidate):
    """Greedy one-to-one pairing by cost; candidate(g, p) returns a cost or None."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            c = candidate(g, p)
            if c is not None:
                cands.append((c, gi, pi))
    cands.sort()
    gused, pused, pairs = set(), set(), []
    for c, gi, pi in cands:
        if gi in gused or pi in pused:
            continue
        gused.add(gi)
        pused.add(pi)
        pairs.append((gi, pi))
    return pairs


def line_dist(g, p):
    return abs(intval(g.get("line")) - intval(p.get("line")))


def match_scores(g, p):
    if g["doc"] != p.get("doc") or intval(g["page"], 1) != intval(p.get("page"), 1):
        return None
    if g["kind"] != (p.get("kind") or ""):
        return None
    if not same_num(num(g["value"]), pred_number(p)):
        return None
    return line_dist(g, p)


def match_schemes(g, p):
    if g["doc"] != p.get("doc") or intval(g["page"], 1) != intval(p.get("page"), 1):
        return None
    if g["kind"] != (p.get("kind") or ""):
        return None
    key = scheme_key(g)
    if not any(same_num(key, num(p.get(c))) for c in ("max", "points")):
        return None
    return line_dist(g, p)


def match_resp(g, p):
    if g["doc"] != p.get("doc") or intval(g["page"], 1) != intval(p.get("page"), 1):
        return None
    d = line_dist(g, p)
    if d > 6:
        return None
    return d + (0 if unit_right(p.get("lead", ""), g["lead"]) else 10)


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.dup = 0
        self.right = {}

    def add_right(self, name, ok):
        r = self.right.setdefault(name, [0, 0])
        r[0] += 1 if ok else 0
        r[1] += 1

    def line(self, label):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        s = "%-34s precision %.3f  recall %.3f" % (label, p, r)
        for name, (ok, n) in self.right.items():
            s += "  %s %.3f" % (name, ok / n if n else 0.0)
        s += "  (tp %d fp %d fn %d" % (self.tp, self.fp, self.fn)
        if self.dup:
            s += ", %d of the fp repeat a paired fact" % self.dup
        return s + ")"


def row_text(r, cols):
    return ",".join("%s=%s" % (c, (r.get(c) or "")[:70]) for c in cols if (r.get(c) or "").strip())


def score_rows(kind, gold, pred, label, ndiff, per_doc):
    matcher = {"scores": match_scores, "schemes": match_schemes, "responsibilities": match_resp}[kind]
    pairs = pair(gold, pred, matcher)
    total, by_kind = Tally(), {}
    docs = {}
    gpaired = {gi for gi, _ in pairs}
    ppaired = {pi for _, pi in pairs}
    subkind = (lambda r: r.get("kind") or "?") if kind != "responsibilities" else (lambda r: "all")
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for t in (total, by_kind.setdefault(subkind(g), Tally()), docs.setdefault(g["doc"], Tally())):
            t.tp += 1
            if kind == "scores":
                t.add_right("subject-right", subject_right(p.get("subject", ""), g["subject"]))
            elif kind == "schemes":
                t.add_right("criterion-right", subject_right(p.get("criterion", ""), g["criterion"]))
            else:
                t.add_right("lead-right", unit_right(p.get("lead", ""), g["lead"]))
                t.add_right("coop-right", unit_right(p.get("cooperating", ""), g["cooperating"]))
                t.add_right("deadline-right", deadline_right(p.get("deadline", ""), g["deadline"]))
    for gi, g in enumerate(gold):
        if gi not in gpaired:
            for t in (total, by_kind.setdefault(subkind(g), Tally()), docs.setdefault(g["doc"], Tally())):
                t.fn += 1
    for pi, p in enumerate(pred):
        if pi in ppaired:
            continue
        is_dup = kind != "responsibilities" and any(
            matcher(gold[gi], p) is not None and line_dist(gold[gi], p) <= 10 for gi, _ in pairs)
        for t in (total, by_kind.setdefault(subkind(p), Tally()), docs.setdefault(p["doc"], Tally())):
            t.fp += 1
            t.dup += 1 if is_dup else 0
    print(total.line("%s %s" % (kind, label)))
    if kind != "responsibilities":
        for k in sorted(by_kind):
            print(by_kind[k].line("  %s %s kind=%s" % (kind, label, k)))
    if per_doc:
        for d in sorted(docs):
            print(docs[d].line("  %s %s" % (kind, d)))
    if ndiff:
        cols = {"scores": ["page", "line", "kind", "value", "rank", "change", "unit", "subject"],
                "schemes": ["page", "line", "kind", "max", "points", "criterion"],
                "responsibilities": ["page", "line", "lead", "cooperating", "deadline"]}[kind]
        out = ["    missing %s: %s" % (g["doc"], row_text(g, cols)) for gi, g in enumerate(gold) if gi not in gpaired]
        out += ["    extra   %s: %s" % (p["doc"], row_text(p, cols)) for pi, p in enumerate(pred) if pi not in ppaired]
        if kind == "scores":
            out += ["    subject %s: line %s %s: want %r, got %r" % (gold[gi]["doc"], gold[gi]["line"], gold[gi]["value"],
                                                             gold[gi]["subject"], pred[pi].get("subject"))
                    for gi, pi in pairs if not subject_right(pred[pi].get("subject", ""), gold[gi]["subject"])]
        for s in out[:ndiff]:
            print(s)
        if len(out) > ndiff:
            print("    ... %d more" % (len(out) - ndiff))


def score_documents(gold, pred, label, ndiff):
    by_doc = {}
    for p in pred:
        by_doc.setdefault(p.get("doc"), p)
    total = Tally()
    fields = {f: Tally() for f in DOC_FIELDS}
    diffs = []
    for g in gold:
        p = by_doc.get(g["doc"], {})
        for f in DOC_FIELDS:
            gv, pv = (g.get(f) or "").strip(), (p.get(f) or "").strip()
            ok = bool(gv) and bool(pv) and doc_field_right(f, pv, gv)
            for t in (total, fields[f]):
                if ok:
                    t.tp += 1
                else:
                    t.fp += 1 if pv else 0
                    t.fn += 1 if gv else 0
            if not ok and (gv or pv):
                diffs.append("    %s %s: want %r, got %r" % (g["doc"], f, gv, pv))
    print(total.line("documents %s (fields)" % label))
    for f in DOC_FIELDS:
        print(fields[f].line("  documents %s field=%s" % (label, f)))
    for s in diffs[:ndiff]:
        print(s)
    if ndiff and len(diffs) > ndiff:
        print("    ... %d more" % (len(diffs) - ndiff))


def main():
    args = sys.argv[1:]
    label, ndiff, per_doc = "", 0, False
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--label":
            label = args.pop(0)
        elif opt == "--diff":
            ndiff = int(args.pop(0))
        elif opt == "--per-doc":
            per_doc = True
        else:
            sys.exit("unknown option " + opt)
    if len(args) != 2:
        sys.exit(__doc__)
    gold_dir, out_dir = args
    for kind in KINDS:
        gold, docs = [], set()
        for name in sorted(os.listdir(gold_dir)):
            if name.endswith("." + kind + ".csv"):
                rows = read_csv(os.path.join(gold_dir, name))
                docs.add(name[: -len("." + kind + ".csv")])
                gold += rows
        if not docs:
            continue
        path = os.path.join(out_dir, kind + ".csv")
        if os.path.exists(path):
            pred = [dict(r, doc=doc_name(r.get("doc"))) for r in read_csv(path)]
            pred = [r for r in pred if r["doc"] in docs]
        else:
            pred = []
            print("%s: %s not written by sohoa: no predictions (recall 0)" % (kind, kind + ".csv"))
        if kind == "documents":
            score_documents(gold, pred, label, ndiff)
        else:
            score_rows(kind, gold, pred, label, ndiff, per_doc)


if __name__ == "__main__":
    main()
