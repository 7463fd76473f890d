#!/usr/bin/env python3
"""Cells of the table rows in responsibilities.csv against a hand-checked table CSV.

usage: extract_tables.py TRUTH.csv RESPONSIBILITIES.csv [--diff N]

Rows with source "table" are paired with truth rows in order (a sequence alignment on the task
and output text), then the columns both sides have are compared cell by cell after collapsing
white space. The truth's deadline is converted like the extractor does (one full date -> ISO).
Prints "cells=OK/ALL rate=.. rows=got/want" and, with --diff, the first N differing cells."""
import csv
import difflib
import re
import sys

MAP_003 = {"task": "task", "product": "output", "lead": "lead", "cooperating": "cooperating",
           "timeline": "deadline", "budget_million_vnd": "budget"}
MAP_004 = {"tt": "task_id", "task": "task", "lead": "lead", "cooperating": "cooperating",
           "result": "output", "deadline": "deadline"}


def clean(s):
    return " ".join((s or "").split())


def iso(s):
    d = re.findall(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", s or "")
    if len(set(d)) == 1:
        day, mon, year = d[0]
        return "%04d-%02d-%02d" % (int(year), int(mon), int(day))
    return clean(s)


def main():
    tpath, rpath = sys.argv[1:3]
    ndiff = int(sys.argv[sys.argv.index("--diff") + 1]) if "--diff" in sys.argv else 0
    truth = list(csv.DictReader(open(tpath, newline="", encoding="utf-8")))
    got = [r for r in csv.DictReader(open(rpath, newline="", encoding="utf-8")) if r["source"] == "table"]
    mapping = MAP_004 if "tt" in truth[0] else MAP_003
    key = lambda r, t: clean(r.get("task" if t else "task", "")) + "|" + clean(r.get("result" if t and "result" in r else ("product" if t else "output"), ""))
    a = [key(r, True) for r in truth]
    b = [key(r, False) for r in got]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or tag == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                pairs.append((i1 + k, j1 + k))
    paired = {i: j for i, j in pairs}
    ok = total = 0
    diffs = []
    for i, t in enumerate(truth):
        for tc, gc in mapping.items():
            total += 1
            want = iso(t[tc]) if tc in ("deadline", "timeline") else clean(t[tc])
            have = clean(got[paired[i]][gc]) if i in paired else None
            if have == want:
                ok += 1
            else:
                diffs.append("  row %d %s: want %r, got %r" % (i + 1, tc, want, have))
    print("cells=%d/%d rate=%.4f rows=%d/%d" % (ok, total, ok / total if total else 0, len(got), len(truth)))
    for d in diffs[:ndiff]:
        print(d)


if __name__ == "__main__":
    main()
