#!/usr/bin/env python3
"""Makes tests/fixtures/pdf/ (issue 14, part 3 and the inputs of part 4).

  exported/plain/   replies exported by LibreOffice: soffice --convert-to pdf
  exported/fields/  the same with writer_pdf_Export {"ExportFormFields": true}
  scans/            simulated scans of exported PDFs: rendered by pdftoppm at 150/200/300 dpi,
                    hand marks drawn over boxes, a signature and a stamp, turned 0.5-2 degrees,
                    blurred, speckled, grayscale, JPEG-compressed; written as image-only .pdf,
                    one .jpg or .png per page (as a scanner mails them), or a multi-page .tif
  hostile/          small hand-written PDFs that must be refused quickly (part 4)
  truth.json        what each file shows, taken from the source replies' truth
                    (tests/fixtures/{circ205,habits,samples}_expected.json) and the marks drawn

Deterministic: fixed seeds, a fresh LibreOffice profile, SOURCE_DATE_EPOCH for the PDFs'
dates. Needs soffice (made with LibreOffice 7.4.7.2), pdftoppm (poppler) and from PyPI:
pillow numpy pdfminer.six pypdf img2pdf. Run from anywhere:
  python3 scripts/make-pdf-fixtures.py
"""
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import img2pdf
import numpy as np
import pikepdf
import pypdf
from PIL import Image, ImageDraw, ImageFilter
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTLine, LTRect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_text import pdftotext, shows  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests/fixtures"
OUT = FIX / "pdf"
SETS = {  # set name -> (folder of the .docx files, truth file)
    "circ205": (FIX / "circ205", FIX / "circ205_expected.json"),
    "habits": (FIX / "habits", FIX / "habits_expected.json"),
    "samples": (ROOT / "samples", FIX / "samples_expected.json"),
}
# (set, source as named in its truth file, why it is here)
REPLIES = [
    ("circ205", "Respuesta_Circ205_Espana.docx", "es, legacy FORMCHECKBOX"),
    ("circ205", "Cuba_Circ205.docx", "es, content controls around whole cells"),
    ("circ205", "Respuesta Circular 205 - Paraguay.docx", "es, typed glyphs"),
    ("circ205", "Mexico_respuesta_TSB-Circ205.docx", "es, highlighted lines"),
    ("circ205", "Ответ_Циркуляр205_Россия.docx", "ru, legacy FORMCHECKBOX"),
    ("circ205", "Belarus_Circ205.docx", "ru, w:sym boxes under tracked changes"),
    ("circ205", "Kyrgyzstan_Circ205_otvet.docx", "ru, content controls, text box"),
    ("circ205", "Azerbaijan_Circ205.docx", "ru, lines not chosen deleted"),
    ("circ205", "Egypt_Circ205_reply_ar.docx", "ar, right to left, legacy boxes"),
    ("circ205", "KSA_Circ205.docx", "ar, content controls"),
    # not Oman_Circ205.docx: LibreOffice 7.4 draws its text box (holding the whole table) too
    # narrow, so most of the table is cut off in the PDF
    ("circ205", "UAE_Circ205_reply.docx", "ar, highlighted lines"),
    # not 回复205号通函_中国.docx: its WPS-style w:fldSimple FORMCHECKBOX boxes are not drawn
    # at all in LibreOffice 7.4's PDF, so the PDF shows no decision
    ("habits", "replies/MIIT_reply_Circ77.docx", "zh, legacy FORMCHECKBOX"),
    ("circ205", "Singapore_Circ205_zh.docx", "zh, answers as text"),
    ("circ205", "USA_reply_TSB-Circ205.docx", "en, typed glyphs, separate letter"),
    ("circ205", "Nigeria_Circ205_reply.docx", "en, content controls under tracked changes"),
    ("circ205", "Reponse_Circ205_Cameroun.docx", "fr, legacy FORMCHECKBOX"),
    ("habits", "replies/Kenya_reply_TSB_Circ77.docx", "en, legacy boxes + bold, comment"),
    ("habits", "replies/ARCEP_reponse_Circulaire77.docx", "fr, legacy boxes"),
    ("habits", "replies/Canada_ISDE_Circ77.docx", "fr, highlight"),
    ("habits", "replies/Kyrgyzstan_MCR_otvet.docx", "ru, glyphs"),
    ("habits", "replies/CRA_Qatar_77.docx", "ar, symbols"),
    ("habits", "replies/Laos_MTC_reply77.docx", "zh, legacy boxes, a conflict"),
    ("habits", "replies/Tajikistan_77.docx", "ru, symbols, a conflict"),
    ("samples", "Reply_Circ117_Brazil.docx", "en, legacy FORMCHECKBOX"),
    ("samples", "Japan_TSB-Circ117.docx", "en, content controls"),
    ("samples", "Germany_Circ117_reply.docx", "en, legacy boxes, one draft unanswered"),
]
# Scans: (source stem index in REPLIES, dpi, format, hand marks) where a hand mark is
# (draft index, "chosen" | "other" | "authorize", "tick" | "cross" | "circle").
# "chosen": over the box already marked (truth unchanged); "other": the other box of the draft
# as well (truth becomes conflict); "authorize": the authorize box of an unanswered draft.
SCANS = [
    (0, 200, "pdf", [(0, "chosen", "tick")]),
    (4, 150, "jpg", [(1, "chosen", "circle")]),
    (8, 200, "pdf", [(2, "other", "cross")]),
    (11, 300, "tif", [(3, "chosen", "tick")]),
    (15, 150, "png", []),
    (16, 200, "jpg", [(1, "chosen", "cross"), (4, "other", "tick")]),
    (17, 150, "pdf", []),
    (21, 200, "pdf", [(0, "chosen", "circle")]),
    (25, 200, "pdf", [(4, "authorize", "tick")]),
    (23, 300, "pdf", []),
    (1, 200, "pdf", []),
    (9, 150, "jpg", []),
    (13, 200, "tif", []),
    (14, 150, "pdf", []),
    (20, 200, "pdf", []),
    (12, 150, "pdf", []),
]
EPOCH = "1767225600"  # 2026-01-01: fixed dates inside the exported PDFs
FIELDS_FILTER = 'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"true"}}'


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw)


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def truth_of(set_name, source):
    data = json.loads(SETS[set_name][1].read_text())
    for reply in data["replies"]:
        if reply["source"] == source:
            return reply, data
    sys.exit(f"{source} not in {SETS[set_name][1]}")


def export_all(tmp):
    """Exports every reply both ways; returns {index: (plain pdf, fields pdf)}."""
    profile = f"-env:UserInstallation=file://{tmp}/profile"
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, TZ="UTC")
    docs = tmp / "docx"
    docs.mkdir()
    for i, (set_name, source, _) in enumerate(REPLIES):
        shutil.copy(SETS[set_name][0] / source, docs / f"{i:02d}.docx")
    inputs = sorted(str(p) for p in docs.iterdir())
    for kind, conv in (("plain", "pdf"), ("fields", FIELDS_FILTER)):
        sh("soffice", profile, "--headless", "--convert-to", conv,
           "--outdir", str(tmp / kind), *inputs, env=env, timeout=900)
    return {i: (tmp / "plain" / f"{i:02d}.pdf", tmp / "fields" / f"{i:02d}.pdf")
            for i in range(len(REPLIES))}


def fix_dates(path):
    """LibreOffice 7.4 ignores SOURCE_DATE_EPOCH and img2pdf writes a random /ID: set a fixed
    date and a content-derived /ID (qpdf rewrites the file, objects unchanged)."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for key in ("/ID", "/DocChecksum"):  # qpdf keeps an /ID; LibreOffice's checksum varies
            if key in pdf.trailer:
                del pdf.trailer[key]
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                pdf.docinfo[key] = "D:20260101000000Z"
        pdf.save(path, deterministic_id=True)


def out_name(i):
    stem = Path(REPLIES[i][1]).stem
    return f"{REPLIES[i][0]}-{stem}".replace(" ", "_")


def form_fields(pdf):
    fields = pypdf.PdfReader(pdf).get_fields() or {}
    return sorted({str(v.get("/FT")) for v in fields.values()}), len(fields)


def drawn_boxes(pdf):
    """LibreOffice's legacy check boxes: ~13 pt stroked squares; checked ones hold 2 lines.

    Returns [(page, x0, y0, x1, y1 in points from the top, checked)] in reading order."""
    boxes = []
    for page_no, page in enumerate(extract_pages(str(pdf))):
        height = page.height
        rects, lines = [], []

        def walk(obj):
            for child in obj:
                if isinstance(child, LTRect) and 11 < child.width < 15 and 11 < child.height < 15:
                    rects.append(child)
                elif isinstance(child, LTLine):
                    lines.append(child)
                elif hasattr(child, "__iter__"):
                    walk(child)

        walk(page)
        for r in rects:
            inside = [ln for ln in lines if abs(ln.x0 - r.x0) < 1 and abs(ln.y0 - r.y0) < 1]
            boxes.append((page_no, r.x0, height - r.y1, r.x1, height - r.y0, len(inside) >= 2))
    boxes.sort(key=lambda b: (b[0], round(b[2]), -b[1]))
    return boxes


def boxes_by_draft(pdf, answers):
    """Pairs (authorize, not authorize) per draft, if the drawn boxes agree with the truth."""
    boxes = drawn_boxes(pdf)
    if len(boxes) != 2 * len(answers):
        return None
    pairs = [(boxes[2 * k], boxes[2 * k + 1]) for k in range(len(answers))]
    want = {"authorize": (True, False), "not_authorize": (False, True),
            "no_reply": (False, False), "conflict": (True, True)}
    for (a, n), ans in zip(pairs, answers):
        if want.get(ans["decision"]) != (a[5], n[5]):
            return None
    return pairs


def hand_stroke(draw, pts, rng, width):
    """A wobbly pen line through pts (pixels)."""
    path = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        for t in np.linspace(0, 1, 12):
            path.append((x0 + (x1 - x0) * t + rng.gauss(0, width * 0.15),
                         y0 + (y1 - y0) * t + rng.gauss(0, width * 0.15)))
    draw.line(path, fill=25, width=width, joint="curve")


def draw_mark(draw, box, kind, scale, rng):
    x0, y0, x1, y1 = (v * scale for v in box[1:5])
    w = x1 - x0
    pen = max(2, int(scale * 1.4))
    if kind == "tick":
        hand_stroke(draw, [(x0 + 0.1 * w, y0 + 0.5 * w), (x0 + 0.45 * w, y1 - 0.05 * w),
                           (x1 + 0.5 * w, y0 - 0.6 * w)], rng, pen)
    elif kind == "cross":
        hand_stroke(draw, [(x0 - 0.1 * w, y0 - 0.1 * w), (x1 + 0.15 * w, y1 + 0.1 * w)], rng, pen)
        hand_stroke(draw, [(x1 + 0.1 * w, y0 - 0.15 * w), (x0 - 0.1 * w, y1 + 0.1 * w)], rng, pen)
    else:  # a loop around the box, open a little where the pen lifted
        cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, w * 1.05
        pts = [(cx + r * 1.15 * math.cos(a), cy + r * math.sin(a))
               for a in np.linspace(0.3, 0.3 + 2 * math.pi * 0.95, 24)]
        hand_stroke(draw, pts, rng, pen)


def signature(draw, w, h, rng):
    x, y = w * 0.55, h * 0.86
    pts = []
    for k in range(60):
        pts.append((x + k * w * 0.005, y + math.sin(k * 0.7 + rng.random()) * h * 0.012
                    + rng.gauss(0, h * 0.002)))
    draw.line(pts, fill=40, width=max(2, w // 600), joint="curve")


def stamp(img, w, h, rng):
    """A round office stamp, pale, over the text."""
    layer = Image.new("L", img.size, 255)
    d = ImageDraw.Draw(layer)
    cx, cy, r = w * rng.uniform(0.2, 0.7), h * rng.uniform(0.3, 0.8), w * 0.08
    for rr, wd in ((r, max(3, w // 300)), (r * 0.78, max(2, w // 500))):
        d.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=120, width=wd)
    for k in range(16):  # letters round the ring, as short dashes
        a = 2 * math.pi * k / 16
        d.line((cx + r * 0.82 * math.cos(a), cy + r * 0.82 * math.sin(a),
                cx + r * 0.95 * math.cos(a), cy + r * 0.95 * math.sin(a)), fill=120, width=2)
    d.text((cx - r * 0.4, cy - r * 0.1), "OFFICIAL", fill=120)
    return Image.fromarray(np.minimum(np.asarray(img), np.asarray(layer)))


def degrade(img, rng, nprng):
    img = img.rotate(rng.choice([-1, 1]) * rng.uniform(0.5, 2.0), resample=Image.BICUBIC,
                     fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.0)))
    a = np.asarray(img).astype(np.int16)
    a = a + nprng.normal(0, 4, a.shape).astype(np.int16)  # sensor noise
    a[a > 228] = 255  # the scanner's background clean-up (keeps the files small)
    speck = nprng.random(a.shape)
    a[speck < 0.0008] = 30  # dust
    a[speck > 0.9995] = 255
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def render(pdf, dpi, tmp, tag):
    sh("pdftoppm", "-gray", "-r", str(dpi), "-png", str(pdf), str(tmp / tag))
    return [Image.open(p).convert("L") for p in sorted(tmp.glob(f"{tag}-*.png"))]


def apply_marks(answers, pairs, marks, pages, scale, rng):
    """Draws the hand marks; returns the answers as the page now shows them, and the marks."""
    answers = json.loads(json.dumps(answers))
    drawn = []
    for draft, where, kind in marks:
        auth, notauth = pairs[draft]
        ans = answers[draft]
        if where == "chosen":
            box = auth if ans["decision"] == "authorize" else notauth
        elif where == "other":
            box = notauth if ans["decision"] == "authorize" else auth
            ans.update(decision="conflict", warn=True)
        else:
            box = auth
            ans.update(decision="authorize", comments="unspecified")
        draw_mark(ImageDraw.Draw(pages[box[0]]), box, kind, scale, rng)
        drawn.append({"draft": ans["draft"], "page": box[0] + 1, "mark": kind,
                      "box": "authorize" if box is auth else "not_authorize",
                      "box_pt": [round(v, 1) for v in box[1:5]], "over": where})
    return answers, drawn


def write_scan(pages, fmt, dpi, quality, dest, tmp):
    files = []
    if fmt in ("jpg", "png"):
        for k, p in enumerate(pages, 1):
            f = dest.with_name(f"{dest.name}.p{k}.{fmt}")
            p.save(f, quality=quality) if fmt == "jpg" else p.save(f, optimize=True)
            files.append(f)
    elif fmt == "tif":  # fax-like: bilevel, CCITT G4, all pages in one file
        f = dest.with_suffix(".tif")
        bw = [p.point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages]
        bw[0].save(f, save_all=True, append_images=bw[1:], compression="group4", dpi=(dpi, dpi))
        files.append(f)
    else:
        jpgs = []
        for k, p in enumerate(pages):
            j = tmp / f"{dest.name}-{k}.jpg"
            p.save(j, quality=quality, dpi=(dpi, dpi))
            jpgs.append(str(j))
        f = dest.with_suffix(".pdf")
        f.write_bytes(img2pdf.convert(jpgs, producer="scan", creationdate=None,
                                      nodate=True))
        fix_dates(f)
        files.append(f)
    return files


def make_scans(exported, truths, tmp):
    entries = []
    for n, (i, dpi, fmt, marks) in enumerate(SCANS):
        rng, nprng = random.Random(1400 + n), np.random.default_rng(1400 + n)
        reply = truths[i]
        pages = render(exported[i][0], dpi, tmp, f"r{n}")
        scale = dpi / 72
        answers, drawn = shown_answers(exported[i][0], reply), []
        if marks:
            pairs = boxes_by_draft(exported[i][0], answers)
            if pairs is None:
                sys.exit(f"{REPLIES[i][1]}: drawn boxes do not match the truth")
            answers, drawn = apply_marks(answers, pairs, marks, pages, scale, rng)
        w, h = pages[-1].size
        signature(ImageDraw.Draw(pages[-1]), w, h, rng)
        pages[-1] = stamp(pages[-1], w, h, rng)
        quality = rng.randint(50, 80)
        pages = [degrade(p, rng, nprng) for p in pages]
        dest = OUT / "scans" / f"{out_name(i)}-{dpi}dpi"
        files = write_scan(pages, fmt, dpi, quality, dest, tmp)
        for a in answers:
            a["source_evidence"] = a.pop("evidence")
            a["evidence"] = "scan"
        entries.append(scan_entry(i, files, reply, answers, drawn, dpi, fmt, quality, len(pages)))
    return entries


def scan_entry(i, files, reply, answers, drawn, dpi, fmt, quality, n_pages):
    deg = {"from": f"exported/plain/{out_name(i)}.pdf", "dpi": dpi, "pages": n_pages,
           "grayscale": fmt != "tif", "bilevel_g4": fmt == "tif",
           "jpeg_quality": quality if fmt in ("jpg", "pdf") else None,
           "rotated_deg": "0.5-2 (seeded)", "blur": True, "speckle": True,
           "signature": True, "stamp": True}
    return common(i, reply, answers, "scan", [f.relative_to(OUT).as_posix() for f in files],
                  degradation=deg, hand_marks=drawn)


def common(i, reply, answers, kind, files, **extra):
    set_name, source, why = REPLIES[i]
    keep = {k: reply[k] for k in ("language", "member_state", "sender", "date",
                                  "tracked_changes") if k in reply}
    return {"files": files, "kind": kind, "source": f"{SETS[set_name][0].relative_to(ROOT)}/"
            f"{source}", "truth_from": SETS[set_name][1].relative_to(ROOT).as_posix(),
            "why": why, **keep, "answers": answers, **extra,
            "sha256": {f: sha256(OUT / f) for f in files}}


def shown_answers(pdf, reply):
    """The truth's answers as the PDF shows them: LibreOffice leaves Word comments out."""
    answers = json.loads(json.dumps(reply["answers"]))
    page = pdftotext(pdf)
    with pikepdf.open(pdf) as doc:
        notes = " ".join(str(a.get("/Contents", "")) for p in doc.pages
                         for a in p.obj.get("/Annots", []))
    for a in answers:
        if a["text"] and not shows(page, a["text"]) and shows(notes, a["text"]):
            a["text_in"] = "pdf_annotation"  # a Word comment exported as a /Text note
        elif a["text"] and not shows(page, a["text"]):
            if "comment" not in reply.get("habits", {}).get("text_places", []):
                sys.exit(f"{pdf.name}: pdftotext does not show {a['text'][:40]!r}")
            a.update(text="", text_not_shown=a["text"],
                     note="in a Word comment, which LibreOffice's PDF export leaves out")
    return answers


def export_entries(exported, truths):
    entries = []
    for i, (plain, fields) in exported.items():
        for kind, pdf in (("plain", plain), ("fields", fields)):
            dest = OUT / "exported" / kind / f"{out_name(i)}.pdf"
            shutil.copy(pdf, dest)
            fix_dates(dest)
            types, count = form_fields(dest)
            boxes = drawn_boxes(dest)
            mech = {a["evidence"] for a in truths[i]["answers"]} - {"none"}
            if mech == {"legacy_checkbox"} and boxes_by_draft(dest, truths[i]["answers"]) is None:
                sys.exit(f"{dest.name}: drawn boxes do not show the truth's decisions")
            entries.append(common(i, truths[i], shown_answers(dest, truths[i]), f"exported_{kind}",
                                  [dest.relative_to(OUT).as_posix()],
                                  pdf_fields={"count": count, "types": types},
                                  drawn_boxes={"count": len(boxes),
                                               "checked": sum(b[5] for b in boxes)}))
    return entries


def main():
    for sub in ("exported/plain", "exported/fields", "scans", "hostile"):
        shutil.rmtree(OUT / sub, ignore_errors=True)
        (OUT / sub).mkdir(parents=True)
    truths, forms = {}, {}
    for i, (set_name, source, _) in enumerate(REPLIES):
        truths[i], data = truth_of(set_name, source)
        forms[set_name] = {"circular": data["circular"], "drafts": data["drafts"]}
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        exported = export_all(tmp)
        entries = export_entries(exported, truths) + make_scans(exported, truths, tmp)
    import hostile  # scripts/hostile.py: the part 4 files, written byte by byte
    entries += hostile.write_all(OUT / "hostile", sha256)
    lo = sh("soffice", "--version").stdout.decode().strip()
    truth = {"schema": "replytally.pdf-fixtures/1",
             "description": "Made by scripts/make-pdf-fixtures.py; files are relative to this "
             "folder. answers: what each file shows (scans: evidence 'scan', source_evidence is "
             "the source reply's). warn: true marks answers a reader must warn about.",
             "libreoffice": lo, "circulars": forms, "files": entries}
    (OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
