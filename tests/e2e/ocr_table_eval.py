#!/usr/bin/env python3
"""Table rows rebuilt from a scan page against a hand-checked table CSV, for pages that hold part
of the table (bench/extract_tables.py pairs rows in order from the table's first row and only on
exact keys, so a page from the middle or an OCR slip misaligns everything).

usage: ocr_table_eval.py TRUTH.csv RESPONSIBILITIES.csv

Each table row got is paired with the unused truth row whose task|output text is most similar
(difflib ratio >= 0.6); the paired rows' cells are compared after collapsing white space (dates
as bench/extract_tables.py converts them). Prints "rows=GOT matched=M exact=OK/ALL sim=MEAN"."""
import csv, difflib, os, sys
MAP_003 = {"task": "task", "product": "output", "lead": "lead", "cooperating": "cooperating", "timeline": "deadline", "budget_million_vnd": "budget"}
MAP_004 = {"tt": "task_id", "task": "task", "lead": "lead", "cooperating": "cooperating", "result": "output", "deadline": "deadline"}
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench")); from extract_tables import iso, clean
truth = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
got = [r for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")) if r["source"] == "table"]
m = MAP_004 if "tt" in truth[0] else MAP_003
tk = "result" if "result" in truth[0] else "product"
sim = lambda a, b: difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
used = set(); ok = tot = 0; s = 0.0; matched = 0
for g in got:
    gk = clean(g["task"]) + "|" + clean(g["output"])
    best, bi = 0, -1
    for i, t in enumerate(truth):
        if i in used: continue
        r = sim(clean(t["task"]) + "|" + clean(t[tk]), gk)
        if r > best: best, bi = r, i
    if best < 0.6: continue
    used.add(bi); matched += 1
    t = truth[bi]
    for tc, gc in m.items():
        want = iso(t[tc]) if tc in ("deadline", "timeline") else clean(t[tc])
        have = clean(g[gc]); tot += 1; ok += have == want; s += sim(want, have)
print("rows=%d matched=%d exact=%d/%d sim=%.3f" % (len(got), matched, ok, tot, s / tot if tot else 0))
