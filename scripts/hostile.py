"""Hostile PDFs for issue 14 part 4, written byte by byte (or with pikepdf), each a few KB.

Used by scripts/make-pdf-fixtures.py; write_all() returns the truth.json entries."""
import zlib
from pathlib import Path

import pikepdf

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (hostile) Tj ET"


def stream(dict_body, data):
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def build(objs, trailer=b"/Root 1 0 R", xref=True):
    """objs: {number: body bytes}. A classic xref table with the right offsets."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    start = len(out)
    if xref:
        size = max(objs) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            out += b"%010d 00000 n \n" % offsets.get(n, 0)
    out += b"trailer\n<< /Size %d " % (max(objs) + 1) + trailer + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def deflate_zeros(total, layers):
    """total zero bytes deflated `layers` times, streamed so memory stays small."""
    comp = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    parts = [comp.compress(chunk) for _ in range(total >> 20)]
    data = b"".join(parts) + comp.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    return data


def simple(extra_objs=None, page_body=PAGE, pages=b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>"):
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: pages,
            3: stream(b"", TEXT), 4: page_body}
    objs.update(extra_objs or {})
    return objs


def files():
    """(name, what it is, bytes or a callable writing the file) for every hostile PDF."""
    f = {}
    # Thousands of pages: a page tree of 4 levels, each node listing the next one 10 times.
    objs = simple(pages=b"<< /Type /Pages /Kids [5 0 R 5 0 R 5 0 R 5 0 R 5 0 R 5 0 R 5 0 R "
                  b"5 0 R 5 0 R 5 0 R] /Count 10000 >>")
    for n in (5, 6, 7):
        kid = b"%d 0 R " % (n + 1)
        objs[n] = b"<< /Type /Pages /Parent 2 0 R /Kids [" + kid * 10 + b"] /Count %d >>" % (
            10 ** (7 - n + 1))
    objs[8] = b"<< /Type /Pages /Parent 2 0 R /Kids [" + b"4 0 R " * 10 + b"] /Count 10 >>"
    f["pages-10000-shared-tree.pdf"] = ("a page tree declaring 10,000 pages: every node's "
                                        "/Kids lists one child 10 times", build(objs))
    f["pages-5000.pdf"] = ("5,000 distinct small pages, object streams compressed", many_pages)
    img = zlib.compress(bytes(3000))
    f["huge-image.pdf"] = ("an image XObject declared 100000x100000 RGB (30 GB raw) with 3 KB "
                           "of data", build(simple({5: stream(
                               b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 "
                               b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
                               img)}, page_body=b"<< /Type /Page /Parent 2 0 R /MediaBox "
                               b"[0 0 595 842] /Contents 3 0 R /Resources << /XObject "
                               b"<< /Im1 5 0 R >> >> >>")))
    big = deflate_zeros(2 << 30, 2)
    f["bomb-content-2GiB.pdf"] = ("the page's content stream, /Filter [/FlateDecode "
                                  "/FlateDecode], inflates to 2 GiB of zeros",
                                  build({**simple(), 3: stream(
                                      b"/Filter [/FlateDecode /FlateDecode]", big)}))
    one = deflate_zeros(1 << 30, 2)
    f["bomb-image-1GiB.pdf"] = ("an image stream, [/FlateDecode /FlateDecode], inflating to "
                                "1 GiB (declared 32768x32768 gray)", build(simple({5: stream(
                                      b"/Type /XObject /Subtype /Image /Width 32768 /Height "
                                      b"32768 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                                      b"/Filter [/FlateDecode /FlateDecode]", one)},
                                      page_body=b"<< /Type /Page /Parent 2 0 R /MediaBox "
                                      b"[0 0 595 842] /Contents 3 0 R /Resources << /XObject "
                                      b"<< /Im1 5 0 R >> >> >>")))
    one = deflate_zeros(32 << 20, 1)
    f["bomb-content-32MiB-single.pdf"] = ("a content stream, one FlateDecode, inflating to "
                                          "32 MiB of zeros (ratio ~1000:1)", build({**simple(), 3:
                                          stream(b"/Filter /FlateDecode", one)}))
    good = build(simple())
    f["xref-offsets-wrong.pdf"] = ("every xref offset points 7 bytes off",
                                   shift_offsets(good, -7))
    f["xref-garbage.pdf"] = ("xref section replaced by junk, startxref past the end",
                             good[:good.index(b"xref")] + b"xref\nnot a table\ntrailer\n<<>>\n"
                             b"startxref\n999999999\n%%EOF\n")
    f["trailer-no-root.pdf"] = ("a trailer without /Root", build(simple(), trailer=b""))
    f["xref-prev-loop.pdf"] = ("the trailer's /Prev points back at its own xref", xref_loop(good))
    f["kids-self.pdf"] = ("the page tree root lists itself in /Kids", build(simple(
        pages=b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>")))
    f["parent-loop.pdf"] = ("two /Pages nodes that are each other's /Parent and /Kids",
                            build(simple({5: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R]"
                                          b" /Count 1 >>"},
                                         pages=b"<< /Type /Pages /Parent 5 0 R /Kids [5 0 R] "
                                         b"/Count 1 >>")))
    f["deep-nesting.pdf"] = ("an array nested 20,000 deep in the catalog",
                             build(simple({1: b"<< /Type /Catalog /Pages 2 0 R /Deep "
                                           + b"[" * 20000 + b"]" * 20000 + b" >>"})))
    f["encrypted-user-password.pdf"] = ("AES-256, user password 'secret'", encrypt("secret"))
    f["encrypted-owner-only.pdf"] = ("AES-256, empty user password, owner password set, "
                                     "printing and extraction not allowed", encrypt(""))
    f["truncated-half.pdf"] = ("a valid one-page PDF cut in half (no xref, no trailer)",
                               good[:len(good) // 2])
    f["truncated-header.pdf"] = ("only the header line", good[:9])
    f["empty.pdf"] = ("zero bytes", b"")
    return f


def shift_offsets(pdf, by):
    lines = pdf.split(b"\n")
    for k, line in enumerate(lines):
        if line.endswith(b" 00000 n ") and len(line) == 19:
            lines[k] = b"%010d 00000 n " % (int(line[:10]) + by)
    return b"\n".join(lines)


def xref_loop(good):
    start = good.rindex(b"startxref\n") + len(b"startxref\n")
    offset = int(good[start:good.index(b"\n", start)])
    return good.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev %d" % offset)


def many_pages(path):
    pdf = pikepdf.new()
    content = pdf.make_stream(TEXT)
    for _ in range(5000):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Contents = content
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
             deterministic_id=True)


def encrypt(user):
    def write(path):
        pdf = pikepdf.new()
        pdf.add_blank_page(page_size=(595, 842))
        allow = pikepdf.Permissions(extract=False, print_highres=False, print_lowres=False,
                                    modify_other=False)
        # qpdf refuses a deterministic /ID when encrypting: these two differ run to run
        pdf.save(path, encryption=pikepdf.Encryption(user=user, owner="owner-1400", allow=allow))
    return write


def write_all(folder: Path, sha256):
    entries = []
    for name, (what, body) in files().items():
        path = folder / name
        if callable(body):
            body(path)
        else:
            path.write_bytes(body)
        failure = "encrypted" if name.startswith("encrypted") else "pdf"
        entries.append({"files": [f"hostile/{name}"], "kind": "hostile", "what": what,
                        "expect": {"failure": failure, "bounded": True},
                        "bytes": path.stat().st_size, "sha256": {f"hostile/{name}": sha256(path)}})
    return entries
