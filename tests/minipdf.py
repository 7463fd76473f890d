"""Small PDFs written by hand for the shell tests: objects as PDF source text, numbered from 1
(object 1 the catalog), a cross-reference table and a trailer. ASCII/Latin-1 content only."""


def stream(dictionary, body):
    """A stream object: its dictionary entries (without << >>) and its content."""
    return "<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(body), body)


def write(path, objs):
    """Write objs (object 1 first) as a PDF 1.7 file at path."""
    out = b"%PDF-1.7\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    x = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)).encode()
    with open(path, "wb") as f:
        f.write(out)
