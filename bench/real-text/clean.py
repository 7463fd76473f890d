#!/usr/bin/env python3
"""Turn one fetched source file of the real-text set into clean text (issue 15).

Usage: clean.py FORMAT < SOURCE > TEXT
FORMAT is one of
  docx  a Word file: the paragraphs of word/document.xml in order (table cells one paragraph
        each, text-box fallbacks and deleted runs left out, line breaks and tabs as spaces);
  tvpl  a thuvienphapluat.vn page saved as text (tnt305/tai_lieu_noi_bo): the site's header
        and footer are cut off (the document starts at the issuer cell before the first
        "Độc lập - Tự do - Hạnh phúc", ends at the cell separator before the site's closing lines), "|"
        cell separators and blank lines end paragraphs, and the page's hard wraps are joined;
  cbmd  a Markdown page of TuanHuu168/CongBot: the "*Source:" line and the scraper's own "# "
        title are dropped, table rows become one line per cell.
Every format then loses its markup ("**", "*" and dash rules), its whitespace runs become one
space, invisible format characters go, and the text is NFC. The wording is not changed: no
word is added, dropped (other than markup and the site's own lines) or corrected.
Output: one paragraph per line, no empty lines. Deterministic. Standard library only.
"""
import io
import re
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
MC = '{http://schemas.openxmlformats.org/markup-compatibility/2006}'


def docx_paragraphs(data):
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read('word/document.xml'))
    out = []

    def walk(el, para):
        if el.tag == MC + 'Fallback':  # the same text again, for old readers
            return
        if el.tag == W + 'p':
            mine = []
            for ch in el:
                walk(ch, mine)
            out.append(''.join(mine))
            return
        if para is not None:
            if el.tag == W + 't':
                para.append(el.text or '')
            elif el.tag in (W + 'tab', W + 'br', W + 'cr'):
                para.append(' ')
        for ch in el:
            walk(ch, para)

    walk(root, None)
    return out


LABEL = re.compile(r'^(\d+(\.\d+)*|[IVXLC]+|[a-zđ])[.)]$')
ENDS = ('.', ';', ':', '!', '?')
JUNK_END = re.compile(r'^(Văn bản này chưa cập nhật|## Văn bản liên quan|Bản dịch này thuộc|'
                      r'NỘI DUNG SỬA ĐỔI|Cảm ơn đã dùng|Tải về|Lưu trữ$)')


def demark(s):
    s = s.replace('(*)', '\x01').replace('**', '').replace('*', '').replace('\x01', '(*)')
    s = re.sub(r'^#+\s+', '', s)
    return s.strip()


def starts_item(s):
    return bool(re.match(r'^([-+•]\s|Độc lập\s*[-–]\s*Tự do)', s))


def join_wrapped(lines):
    """Join one block of hard-wrapped lines into paragraphs."""
    paras, cur = [], ''
    for ln in lines:
        if not cur:
            cur = ln
            continue
        end_para = cur.endswith(ENDS) and not LABEL.match(cur)
        nxt_upper = ln[:1].isupper() or ln[:1] in '-+•(' or re.match(r'^\d+[.)]', ln)
        title_end = cur.isupper() and not ln.isupper()  # a heading, then its body
        if (end_para and nxt_upper) or title_end or starts_item(ln):
            paras.append(cur)
            cur = ln
        else:
            cur += ' ' + ln
    if cur:
        paras.append(cur)
    return paras


def tvpl_paragraphs(text):
    lines = text.split('\n')
    c = next((i for i, l in enumerate(lines) if re.match(r'\W*Độc lập\s*[-–]\s*Tự do', l)), None)
    start = 0
    if c is not None:
        bars = [i for i in range(c) if lines[i].strip() == '|']
        if len(bars) >= 2:
            start = bars[-2] + 1
        elif bars:
            start = bars[-1] + 1
    end = len(lines)
    for i in range(c if c is not None else start, len(lines)):
        if JUNK_END.match(lines[i].strip()):
            bars = [j for j in range(start, i) if lines[j].strip() == '|']
            end = bars[-1] if bars else i
            break
    paras, block = [], []
    for raw in lines[start:end] + ['']:
        s = demark(raw)
        if raw.strip() == '|' or not s or re.fullmatch(r'[-_=.]{3,}', s):
            if block:
                paras += join_wrapped(block)
                block = []
            continue
        block.append(s)
    return paras


def cbmd_paragraphs(text):
    paras = []
    for raw in text.split('\n'):
        s = raw.strip()
        if s.startswith('*Source:') or s.startswith('# '):
            continue
        if s.startswith('|'):
            if re.fullmatch(r'\|[\s|:-]*', s):
                continue
            paras += [c for c in s.strip('|').split('|')]
        else:
            paras.append(s)
    return paras


def tidy(p):
    p = demark(p)
    p = re.sub(r'\s-{3,}(\s|$)', ' ', p)  # dash rules left inside table cells
    p = ''.join(ch for ch in p if unicodedata.category(ch) != 'Cf')
    p = re.sub(r'\s+', ' ', p.replace('\u00a0', ' ')).strip()
    return unicodedata.normalize('NFC', p)


def main():
    fmt = sys.argv[1] if len(sys.argv) == 2 else ''
    data = sys.stdin.buffer.read()
    if fmt == 'docx':
        paras = docx_paragraphs(data)
    elif fmt == 'tvpl':
        paras = tvpl_paragraphs(data.decode('utf-8').replace('\r', ''))
    elif fmt == 'cbmd':
        paras = cbmd_paragraphs(data.decode('utf-8').replace('\r', ''))
    else:
        sys.exit('usage: clean.py docx|tvpl|cbmd < SOURCE > TEXT')
    for p in paras:
        p = tidy(p)
        if p and not re.fullmatch(r'[-_=.|\s]*', p):
            sys.stdout.write(p + '\n')


if __name__ == '__main__':
    main()
