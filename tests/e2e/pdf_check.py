#!/usr/bin/env python3
"""Checks of sohoa's searchable PDFs, read through qpdf's JSON (no PDF library needed).

  pdf_check.py pdfa OUT.pdf        the PDF/A-2b parts: file ID, XMP with pdfaid part 2 B, an
                                   output intent with an RGB profile, every font embedded, no
                                   encryption, no LZW, Info agreeing with the XMP
  pdf_check.py images IN OUT.pdf   the image streams of OUT are IN's, byte for byte (raw)
  pdf_check.py contents IN OUT.pdf [PAGE...]
                                   the given pages (1-based; all when none) have IN's content
                                   streams, byte for byte (raw)
  pdf_check.py png IN.png OUT.pdf  OUT's image is the PNG's IDAT data as it is
  pdf_check.py tiff IN.tif OUT.pdf OUT's image is the TIFF's (single) strip as it is
  pdf_check.py layer OUT.pdf PAGE  the page's fonts: prints the BaseFont names
  pdf_check.py jpeg IN.jpg OUT.pdf OUT's image is the JPEG file as it is
  pdf_check.py near A.pdf WORD_A B.pdf WORD_B PAGE
                                   the centre of WORD_A's box on PAGE of A (pdftotext -bbox, page
                                   as displayed) lies inside WORD_B's box on the same page of B
Each prints one line and exits 0 when the check holds, 1 when not. A structural check of what
sohoa writes, not a PDF/A validator (none is packaged in Debian)."""
import base64
import hashlib
import json
import re
import struct
import subprocess
import sys


def load(path, raw=True):
    args = ["qpdf", "--json=2", "--json-stream-data=inline"]
    args += ["--decode-level=none"] if raw else ["--decode-level=generalized"]
    out = subprocess.run(args + [path], check=True, capture_output=True).stdout
    objs = json.loads(out)["qpdf"][1]
    return objs


def obj(objs, ref):
    o = objs.get("obj:" + ref) if isinstance(ref, str) else None
    if o is None:
        return ref
    return o.get("value", o.get("stream"))


def val(objs, x):
    """Resolve an indirect reference to its value (a stream's dict for a stream)."""
    if isinstance(x, str) and re.fullmatch(r"\d+ \d+ R", x):
        o = objs.get("obj:" + x, {})
        if "stream" in o:
            return o["stream"]["dict"]
        return o.get("value")
    return x


def stream_data(objs, ref):
    s = objs["obj:" + ref]["stream"]
    return base64.b64decode(s.get("data", ""))


def pages(objs):
    root = val(objs, objs["trailer"]["value"]["/Root"])
    out = []

    def walk(node_ref):
        node = val(objs, node_ref)
        if node.get("/Type") == "/Pages":
            for k in node["/Kids"]:
                walk(k)
        else:
            out.append((node_ref, node))
    walk(root["/Pages"])
    return out


def image_refs(objs):
    return sorted(k[4:] for k, o in objs.items() if k.startswith("obj:") and "stream" in o
                  and o["stream"]["dict"].get("/Subtype") == "/Image")


def digests(objs, refs):
    return sorted(hashlib.sha256(stream_data(objs, r)).hexdigest() for r in refs)


def check_pdfa(path):
    objs = load(path, raw=False)
    trailer = objs["trailer"]["value"]
    problems = []
    if "/Encrypt" in trailer:
        problems.append("encrypted")
    if len(trailer.get("/ID", [])) != 2:
        problems.append("no file ID")
    root = val(objs, trailer["/Root"])
    xmp = stream_data(objs, root["/Metadata"]).decode("utf-8") if "/Metadata" in root else ""
    if "<pdfaid:part>2</pdfaid:part>" not in xmp or "<pdfaid:conformance>B</pdfaid:conformance>" not in xmp:
        problems.append("no pdfaid part 2 B in the XMP")
    md = val(objs, root.get("/Metadata"))
    if md and "/Filter" in md:
        problems.append("the XMP stream is filtered")
    ois = [val(objs, o) for o in root.get("/OutputIntents", [])]
    pdfa_ois = [o for o in ois if o.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in o]
    if not pdfa_ois:
        problems.append("no GTS_PDFA1 output intent")
    else:
        prof_ref = pdfa_ois[0]["/DestOutputProfile"]
        prof = stream_data(objs, prof_ref)
        if val(objs, prof_ref).get("/N") != 3 or prof[36:40] != b"acsp" or prof[16:20] != b"RGB ":
            problems.append("the output intent's profile is not an RGB ICC profile")
    for k, o in objs.items():
        if not k.startswith("obj:"):
            continue
        d = o.get("value") if "value" in o else o.get("stream", {}).get("dict")
        if not isinstance(d, dict):
            continue
        f = d.get("/Filter")
        if f == "/LZWDecode" or (isinstance(f, list) and "/LZWDecode" in f):
            problems.append("LZW in " + k)
        if d.get("/Type") == "/Font" and d.get("/Subtype") not in ("/Type3", "/Type0"):
            fd = val(objs, d.get("/FontDescriptor")) or {}
            if not any(x in fd for x in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append("font %s not embedded" % d.get("/BaseFont"))
    info = val(objs, trailer.get("/Info")) or {}

    def text(s):
        if s is None:
            return None
        if s.startswith("u:"):
            return s[2:]
        if s.startswith("b:"):
            b = bytes.fromhex(s[2:])
            return b[2:].decode("utf-16-be") if b[:2] == b"\xfe\xff" else b.decode("latin-1")
        return s
    for key, tag in (("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Producer", "pdf:Producer"),
                     ("/Creator", "xmp:CreatorTool")):
        v = text(info.get(key))
        if v is not None:
            m = re.search(r"<%s>(?:<rdf:\w+>)?(?:<rdf:li[^>]*>)?([^<]*)<" % tag, xmp)
            x = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
                .replace("&apos;", "'").replace("&amp;", "&") if m else None
            if x != v:
                problems.append("Info %s (%r) is not the XMP's %s (%r)" % (key, v, tag, x))
    if problems:
        print("not PDF/A-2b: " + "; ".join(problems[:5]))
        return 1
    print("PDF/A-2b parts present: ID, XMP pdfaid 2B, RGB output intent, fonts embedded, Info = XMP")
    return 0


def check_images(inp, out):
    a, b = load(inp), load(out)
    da, db = digests(a, image_refs(a)), digests(b, image_refs(b))
    if da and da == db:
        print("%d image streams identical" % len(da))
        return 0
    print("image streams differ: %d in, %d out, %d shared" % (len(da), len(db), len(set(da) & set(db))))
    return 1


def content_digests(objs, which):
    out = []
    for i, (ref, page) in enumerate(pages(objs), 1):
        if which and i not in which:
            continue
        c = page.get("/Contents", [])
        c = c if isinstance(c, list) else [c]
        out.append([hashlib.sha256(stream_data(objs, r)).hexdigest() for r in c])
    return out


def check_contents(inp, out, which):
    a, b = load(inp), load(out)
    ca, cb = content_digests(a, which), content_digests(b, which)
    if ca and ca == cb:
        print("%d pages keep their content streams" % len(ca))
        return 0
    print("content streams differ on %d of %d pages" % (sum(x != y for x, y in zip(ca, cb)), len(ca)))
    return 1


def check_png(png, out):
    d = open(png, "rb").read()
    i, idat = 8, b""
    while i + 12 <= len(d):
        n, t = struct.unpack(">I4s", d[i:i + 8])
        if t == b"IDAT":
            idat += d[i + 8:i + 8 + n]
        i += 12 + n
    b = load(out)
    got = [stream_data(b, r) for r in image_refs(b)]
    if got == [idat]:
        print("the PNG's %d bytes of image data went in as they are" % len(idat))
        return 0
    print("the image is not the PNG's data")
    return 1


def check_tiff(tif, out):
    d = open(tif, "rb").read()
    le = d[:2] == b"II"
    u16, u32 = ("<H", "<I") if le else (">H", ">I")
    ifd = struct.unpack(u32, d[4:8])[0]
    n = struct.unpack(u16, d[ifd:ifd + 2])[0]
    tags = {}
    for k in range(n):
        e = ifd + 2 + 12 * k
        tag, typ, cnt = struct.unpack(u16 + u16[1] + u32[1], d[e:e + 8])
        v = struct.unpack(u16, d[e + 8:e + 10])[0] if typ == 3 else struct.unpack(u32, d[e + 8:e + 12])[0]
        tags[tag] = (cnt, v)
    off, size = tags[273][1], tags[279][1]
    if tags[273][0] != 1:
        print("the TIFF has several strips")
        return 1
    strip = d[off:off + size]
    b = load(out)
    got = [stream_data(b, r) for r in image_refs(b)]
    if got == [strip]:
        print("the TIFF's strip of %d bytes went in as it is" % len(strip))
        return 0
    print("the image is not the TIFF's strip")
    return 1


def list_fonts(out, page):
    b = load(out)
    ref, p = pages(b)[page - 1]
    res = val(b, p.get("/Resources")) or {}
    fonts = val(b, res.get("/Font")) or {}
    print(" ".join(sorted(str((val(b, f) or {}).get("/BaseFont")) for f in fonts.values())))
    return 0


def check_jpeg(jpg, out):
    d = open(jpg, "rb").read()
    b = load(out)
    got = [stream_data(b, r) for r in image_refs(b)]
    if got == [d]:
        print("the JPEG's %d bytes went in as they are" % len(d))
        return 0
    print("the image is not the JPEG file")
    return 1


def word_box(pdf, page, word):
    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    for m in re.finditer(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>',
                         html):
        if m.group(5) == word:
            return [float(x) for x in m.groups()[:4]]
    return None


def check_near(a, wa, b, wb, page):
    ba, bb = word_box(a, page, wa), word_box(b, page, wb)
    if not ba or not bb:
        print("no word %r in %s or %r in %s on page %d" % (wa, a, wb, b, page))
        return 1
    cx, cy = (ba[0] + ba[2]) / 2, (ba[1] + ba[3]) / 2
    ok = bb[0] <= cx <= bb[2] and bb[1] <= cy <= bb[3]
    print("%s at %s, centre (%.1f, %.1f) %s %s at %s" % (wa, [round(x, 1) for x in ba], cx, cy,
                                                         "inside" if ok else "outside", wb,
                                                         [round(x, 1) for x in bb]))
    return 0 if ok else 1


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "pdfa":
        return check_pdfa(argv[2])
    if cmd == "images":
        return check_images(argv[2], argv[3])
    if cmd == "contents":
        return check_contents(argv[2], argv[3], [int(x) for x in argv[4:]])
    if cmd == "png":
        return check_png(argv[2], argv[3])
    if cmd == "tiff":
        return check_tiff(argv[2], argv[3])
    if cmd == "jpeg":
        return check_jpeg(argv[2], argv[3])
    if cmd == "near":
        return check_near(argv[2], argv[3], argv[4], argv[5], int(argv[6]))
    if cmd == "layer":
        return list_fonts(argv[2], int(argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
