#!/usr/bin/env python3
"""Makes tests/fixtures/pdf/acroform/: a reply whose boxes are real AcroForm check boxes.

LibreOffice exports no form field from a .docx (tests/fixtures/pdf/README.md), so this takes
Brazil's exported reply (legacy FORMCHECKBOX printed as stroked 13 pt squares, crossed by two
diagonals when checked), removes each drawn square and its diagonals from the page content and
puts an AcroForm check box widget (/FT /Btn) on the same rectangle instead, /V and /AS /Yes
when it was crossed, /Off when not, with /Yes and /Off appearance streams. The truth is the
exported file's, with evidence `pdf_field`. Deterministic (pikepdf, fixed /ID, no dates).
Usage: pip install pikepdf && python3 scripts/make-acroform-fixture.py
"""
import pikepdf
from pikepdf import Name, Dictionary, Array

SRC = "tests/fixtures/pdf/exported/plain/samples-Reply_Circ117_Brazil.pdf"
OUT = "tests/fixtures/pdf/acroform/Brazil_Circ117_acroform.pdf"


def squares(ops):
    """(index of the `re`, indices to drop, rect, crossed) for each drawn check-box square."""
    found = []
    for i, (o, op) in enumerate(ops):
        if str(op) != "re" or i + 1 >= len(ops) or str(ops[i + 1][1]) != "S":
            continue
        x, y, w, h = (float(v) for v in o)
        if not (7 < abs(w) < 18 and abs(abs(w) - abs(h)) < 2):
            continue
        drop = [i, i + 1]
        j = i + 2
        diagonals = 0
        while diagonals < 2 and j + 2 < len(ops) and [str(ops[k][1]) for k in range(j, j + 3)] == ["m", "l", "S"]:
            (x0, y0), (x1, y1) = [(float(a), float(b)) for a, b in (ops[j][0], ops[j + 1][0])]
            inside = all(x - 1 <= px <= x + w + 1 and y - 1 <= py <= y + h + 1 for px, py in ((x0, y0), (x1, y1)))
            if not inside:
                break
            drop += [j, j + 1, j + 2]
            diagonals += 1
            j += 3
        found.append((drop, (x, y, x + w, y + h), diagonals == 2))
    return found


def appearance(pdf, w, h, crossed):
    body = f"0 0 0 RG 0.7 w 0.35 0.35 {w - 0.7:.2f} {h - 0.7:.2f} re S".encode()
    if crossed:
        body += f" 1 1 m {w - 1:.2f} {h - 1:.2f} l S 1 {h - 1:.2f} m {w - 1:.2f} 1 l S".encode()
    s = pikepdf.Stream(pdf, body)
    s.Type = Name.XObject
    s.Subtype = Name.Form
    s.BBox = Array([0, 0, w, h])
    return s


def main():
    pdf = pikepdf.open(SRC)
    fields = Array()
    n = 0
    for page in pdf.pages:
        ops = pikepdf.parse_content_stream(page)
        boxes = squares(ops)
        dropped = {i for d, _, _ in boxes for i in d}
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream([op for i, op in enumerate(ops) if i not in dropped]))
        annots = page.obj.get("/Annots", Array())
        for _, (l, b, r, t), crossed in boxes:
            n += 1
            w, h = r - l, t - b
            state = Name.Yes if crossed else Name.Off
            widget = pdf.make_indirect(Dictionary(
                Type=Name.Annot, Subtype=Name.Widget, FT=Name.Btn, T=pikepdf.String(f"Check{n}"),
                Rect=Array([l, b, r, t]), F=4, V=state, AS=state, P=page.obj,
                AP=Dictionary(N=Dictionary(Yes=appearance(pdf, w, h, True), Off=appearance(pdf, w, h, False))),
                MK=Dictionary(CA=pikepdf.String("8")),
            ))
            annots.append(widget)
            fields.append(widget)
        page.obj.Annots = annots
    pdf.Root.AcroForm = pdf.make_indirect(Dictionary(Fields=fields, NeedAppearances=False))
    pdf.save(OUT, static_id=True, deterministic_id=False, linearize=False, compress_streams=True)
    print(f"{OUT}: {n} check boxes")


if __name__ == "__main__":
    main()
