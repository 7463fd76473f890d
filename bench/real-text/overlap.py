#!/usr/bin/env python3
"""Exclusion check of the real-text set against the training corpus (issue 15).

Usage: overlap.py CORPUS_DIR TEXT...
Words are runs of letters and digits, lower case, NFC; texts are cut into word 8-grams. For
each TEXT, one line:
  name  words  union%  file%  file  run  runfile
- union%: share of the TEXT's 8-grams found anywhere in the corpus (all files together: shared
  boilerplate and citations add up here; information only);
- file%, file: the largest share of the TEXT's 8-grams shared with any ONE corpus file, and that
  file (the test: under 5 %, as the corpus's own exclusion check of modern-legal/README.md);
- run, runfile: the longest run of consecutive TEXT words covered by 8-grams that all occur in
  one corpus file (k shared 8-grams in a row cover k+7 words; an upper bound of the common
  passage), and that file (the test: under 30 words, unless the run is a citation).
Runs of 30 words or more are printed under the line, with their words, to be read.
Standard library only; reads the corpus once (150 MB: about a minute of one core).
"""
import os
import re
import sys
import unicodedata

WORD = re.compile(r'\w+')
N = 8


def words(text):
    return WORD.findall(unicodedata.normalize('NFC', text).lower())


def runs(hit):
    """(length in words, start, end) of every run of True in hit."""
    out, run = [], 0
    for i, h in enumerate(list(hit) + [False]):
        if h:
            run += 1
        elif run:
            out.append((run + N - 1, i - run, i - 1 + N))
            run = 0
    return out


def main():
    corpus, files = sys.argv[1], sys.argv[2:]
    docs = []
    want = set()
    for f in files:
        w = words(open(f, encoding='utf-8').read())
        grams = [' '.join(w[i:i + N]) for i in range(len(w) - N + 1)]
        docs.append({'name': os.path.basename(f), 'w': w, 'grams': grams, 'set': set(grams),
                     'union': set(), 'file': (0.0, '-'), 'run': (0, '-'), 'long': []})
        want.update(grams)
    for root, dirs, names in os.walk(corpus):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                w = words(open(path, encoding='utf-8', errors='replace').read())
            except OSError:
                continue
            got = set()
            for i in range(len(w) - N + 1):
                g = ' '.join(w[i:i + N])
                if g in want:
                    got.add(g)
            if not got:
                continue
            rel = os.path.relpath(path, corpus)
            for d in docs:
                common = d['set'] & got
                if not common:
                    continue
                d['union'] |= common
                share = 100.0 * sum(g in common for g in d['grams']) / len(d['grams'])
                if share > d['file'][0]:
                    d['file'] = (share, rel)
                for length, s, e in runs(g in common for g in d['grams']):
                    if length > d['run'][0]:
                        d['run'] = (length, rel)
                    if length >= 30:
                        d['long'].append((length, rel, ' '.join(d['w'][s:e])))
    for d in docs:
        n = len(d['grams']) or 1
        union = 100.0 * sum(g in d['union'] for g in d['grams']) / n
        print('%s\t%d\t%.2f%%\t%.2f%%\t%s\t%d\t%s' % (d['name'], len(d['w']), union, d['file'][0],
                                                     d['file'][1], d['run'][0], d['run'][1]))
        seen = set()
        for length, rel, text in sorted(d['long'], reverse=True):
            if text in seen:
                continue
            seen.add(text)
            print('    run %d words (%s): %s' % (length, rel, text))


if __name__ == '__main__':
    main()
