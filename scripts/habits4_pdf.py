"""The PDFs and scans of tests/fixtures/habits4/ (for `make-habits4-fixtures.py --pdf`).

  pdf/NAME.pdf     every reply exported by LibreOffice (soffice --headless --convert-to pdf, a fresh
                   profile), made deterministic with pikepdf (fixed dates, a content-derived /ID)
  scans/NAME.pdf   twelve replies, two per language, as a scanner sends them: the exported PDF
                   rendered by pdftoppm at 150 or 200 dpi in grayscale, hand marks drawn over the chosen
                   boxes on five of them (a tick, a cross, a circle), a signature on every last page and
                   a stamp over the text of one, turned 0.5-2 degrees, blurred, speckled, and stored as
                   JPEG (quality 60-72) pages of an image-only PDF

The scan simulation follows scripts/make-pdf-fixtures.py (the same kinds of strokes, stamp and
degradation), written with Pillow only. Seeds are fixed, so the files are byte-for-byte stable on one
machine (same LibreOffice, poppler and Pillow).

Truth: `habits4_pdf_expected.json` is habits4_expected.json as the PDFs show it: text typed in Word
comments is not in LibreOffice's plain PDF export, so those answers have no text; the decisions are
unchanged. `habits4_scan_expected.json` holds the twelve scanned replies, evidence `scan`, the hand
marks drawn, and a tally over those twelve.
"""

import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import tempfile

import pikepdf
from PIL import Image, ImageDraw, ImageFilter

EPOCH = '1793836800'  # 2026-11-05
# (file stem, dpi, jpeg quality, hand marks: [(needle, nth occurrence on the pages, tick|cross|circle)], stamp over text)
SCANS = [
    ('USA_State_reply_Circ251', 150, 64, [('☒', 0, 'tick')], False),
    ('ZICTA_C251_response', 150, 65, [], False),
    ('OFCOM_CH_reponse_C251', 150, 70, [('☒', 1, 'cross')], False),
    ('CONATEL_Haiti_251', 150, 62, [], True),
    ('Cuba_MINCOM_C251', 150, 68, [('[X]', 2, 'circle')], False),
    ('ATT_Bolivia_251', 150, 72, [], False),
    ('PP_Rossii_Zheneva_251', 150, 66, [], False),
    ('Belarus_MinSvyazi_251', 150, 60, [], False),
    ('Liban_MoT_251', 150, 70, [('●', 0, 'circle')], False),
    ('CITRA_Kuwait_letter_251', 150, 64, [], False),
    ('China_Mission_Geneva_251', 200, 66, [('☒', 0, 'tick'), ('☒', 3, 'tick')], False),
    ('Japan_MIC_C251', 150, 70, [], False),
]


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw)


def fix_pdf(path):
    """LibreOffice ignores SOURCE_DATE_EPOCH: set fixed dates and a content-derived /ID."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for key in ('/ID', '/DocChecksum'):
            if key in pdf.trailer:
                del pdf.trailer[key]
        for key in ('/CreationDate', '/ModDate'):
            if key in pdf.docinfo:
                pdf.docinfo[key] = 'D:20261105000000Z'
        pdf.save(path, deterministic_id=True)


def export(docx_files, out_dir):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, TZ='UTC', HOME=tmp)
        sh('soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless', '--convert-to', 'pdf', '--outdir', out_dir,
           *docx_files, env=env, timeout=1200)
    for f in docx_files:
        fix_pdf(os.path.join(out_dir, os.path.splitext(os.path.basename(f))[0] + '.pdf'))


def word_boxes(pdf, needle):
    """[(page index, x0, y0, x1, y1 in points)] of the words equal to needle, in reading order."""
    html = sh('pdftotext', '-bbox', pdf, '-').stdout.decode('utf-8')
    out = []
    for pno, page in enumerate(html.split('<page ')[1:]):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            if m.group(5).replace('&amp;', '&') == needle:
                out.append((pno, *(float(m.group(k)) for k in range(1, 5))))
    return out


def hand_stroke(draw, pts, rng, width):
    """A wobbly pen line through pts (pixels)."""
    path = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        for k in range(12):
            t = k / 11
            path.append((x0 + (x1 - x0) * t + rng.gauss(0, width * 0.15), y0 + (y1 - y0) * t + rng.gauss(0, width * 0.15)))
    draw.line(path, fill=25, width=width, joint='curve')


def draw_mark(draw, box, kind, scale, rng):
    x0, y0, x1, y1 = (v * scale for v in box[1:5])
    w = max(x1 - x0, y1 - y0) * 0.8
    y0 = (y0 + y1) / 2 - w / 2
    y1 = y0 + w
    pen = max(2, int(scale * 1.4))
    if kind == 'tick':
        hand_stroke(draw, [(x0 + 0.1 * w, y0 + 0.5 * w), (x0 + 0.45 * w, y1 - 0.05 * w), (x1 + 0.5 * w, y0 - 0.6 * w)], rng, pen)
    elif kind == 'cross':
        hand_stroke(draw, [(x0 - 0.1 * w, y0 - 0.1 * w), (x1 + 0.15 * w, y1 + 0.1 * w)], rng, pen)
        hand_stroke(draw, [(x1 + 0.1 * w, y0 - 0.15 * w), (x0 - 0.1 * w, y1 + 0.1 * w)], rng, pen)
    else:  # a loop round the box, open a little where the pen lifted
        cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, w) * 0.9
        pts = [(cx + r * 1.15 * math.cos(a), cy + r * math.sin(a))
               for a in (0.3 + 2 * math.pi * 0.95 * k / 23 for k in range(24))]
        hand_stroke(draw, pts, rng, pen)


def signature(draw, w, h, rng):
    x, y = w * 0.55, h * 0.86
    pts = [(x + k * w * 0.005, y + math.sin(k * 0.7 + rng.random()) * h * 0.012 + rng.gauss(0, h * 0.002)) for k in range(60)]
    draw.line(pts, fill=40, width=max(2, w // 600), joint='curve')


def stamp(img, rng, over_text):
    """A round office stamp, pale; over_text: in the middle of the page, across the table."""
    w, h = img.size
    layer = Image.new('L', img.size, 255)
    d = ImageDraw.Draw(layer)
    cx, cy = (w * 0.5, h * 0.55) if over_text else (w * rng.uniform(0.2, 0.4), h * 0.88)
    r = w * 0.09
    for rr, wd in ((r, max(3, w // 300)), (r * 0.78, max(2, w // 500))):
        d.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=110, width=wd)
    for k in range(16):
        a = 2 * math.pi * k / 16
        d.line((cx + r * 0.82 * math.cos(a), cy + r * 0.82 * math.sin(a), cx + r * 0.95 * math.cos(a), cy + r * 0.95 * math.sin(a)),
               fill=110, width=2)
    d.text((cx - r * 0.4, cy - r * 0.1), 'OFFICIAL', fill=110)
    from PIL import ImageChops
    return ImageChops.darker(img, layer)


def degrade(img, rng):
    img = img.rotate(rng.choice([-1, 1]) * rng.uniform(0.5, 2.0), resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.0)))
    w, h = img.size
    from PIL import ImageChops
    noise = Image.frombytes('L', (w, h), rng.randbytes(w * h)).point(lambda v: v % 6)  # sensor noise (seeded)
    img = ImageChops.subtract(img, noise)
    img = img.point(lambda v: 255 if v > 228 else v)  # the scanner's background clean-up (keeps the files small)
    px = img.load()
    for _ in range(int(w * h * 0.0004)):  # dust
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = 30
        if rng.random() < 0.3 and x + 1 < w:
            px[x + 1, y] = 40
    return img


def image_pdf(pages, dpi, quality, dest):
    """An image-only PDF, one DCT (JPEG) grayscale image per page."""
    pdf = pikepdf.new()
    for img in pages:
        b = io.BytesIO()
        img.save(b, format='JPEG', quality=quality, optimize=False)
        w, h = img.size
        xobj = pikepdf.Stream(pdf, b.getvalue())
        xobj.Type, xobj.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        xobj.Width, xobj.Height, xobj.BitsPerComponent = w, h, 8
        xobj.ColorSpace, xobj.Filter = pikepdf.Name.DeviceGray, pikepdf.Name.DCTDecode
        pw, ph = w * 72 / dpi, h * 72 / dpi
        page = pdf.add_blank_page(page_size=(pw, ph))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobj))
        page.Contents = pikepdf.Stream(pdf, f'q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q'.encode())
    pdf.docinfo['/Producer'] = 'scan'
    pdf.save(dest, deterministic_id=True)


def make_scans(pdf_dir, scan_dir):
    made = []
    for n, (stem_, dpi, quality, marks, over) in enumerate(SCANS):
        rng = random.Random(2510 + n)
        src = os.path.join(pdf_dir, stem_ + '.pdf')
        with tempfile.TemporaryDirectory() as tmp:
            sh('pdftoppm', '-gray', '-r', str(dpi), '-png', src, os.path.join(tmp, 'p'))
            pages = [Image.open(os.path.join(tmp, f)).convert('L') for f in sorted(os.listdir(tmp))]
        scale = dpi / 72
        drawn = []
        for needle, nth, kind in marks:
            boxes = word_boxes(src, needle)
            box = boxes[nth]
            draw_mark(ImageDraw.Draw(pages[box[0]]), box, kind, scale, rng)
            drawn.append({'over': needle, 'occurrence': nth, 'page': box[0] + 1, 'mark': kind,
                          'box_pt': [round(v, 1) for v in box[1:5]]})
        w, h = pages[-1].size
        signature(ImageDraw.Draw(pages[-1]), w, h, rng)
        target = 0 if over else len(pages) - 1
        pages[target] = stamp(pages[target], rng, over)
        pages = [degrade(p, rng) for p in pages]
        dest = os.path.join(scan_dir, stem_ + '.pdf')
        image_pdf(pages, dpi, quality, dest)
        made.append(dict(stem=stem_, file='scans/' + stem_ + '.pdf', dpi=dpi, jpeg_quality=quality, pages=len(pages),
                         hand_marks=drawn, stamp_over_text=over))
    return made


def pdf_truth(exp, seen):
    """The docx truth as the PDFs show it: answers whose text is in a Word comment lose the text."""
    exp = json.loads(json.dumps(exp))
    for t in exp['replies']:
        stem_ = os.path.splitext(os.path.basename(t['source']))[0]
        t['pdf'] = f'pdf/{stem_}.pdf'
        for a in t['answers']:
            if a['text'] and not seen(t, a['draft']):
                a['text_in_docx'] = a['text']
                a['text'] = ''
                a['text_hidden'] = 'Word comment: not in the PDF export'
    return exp


def scan_truth(pdf_exp, made, tally):
    exp = json.loads(json.dumps(pdf_exp))
    by = {m['stem']: m for m in made}
    keep = []
    for t in exp['replies']:
        stem_ = os.path.splitext(os.path.basename(t['source']))[0]
        if stem_ not in by:
            continue
        m = by[stem_]
        t.pop('pdf', None)
        t['scan'] = m['file']
        t['degradation'] = dict(dpi=m['dpi'], pages=m['pages'], grayscale=True, jpeg_quality=m['jpeg_quality'],
                                rotated_deg='0.5-2 (seeded)', blur=True, speckle=True, signature=True,
                                stamp_over_text=m['stamp_over_text'])
        t['hand_marks'] = m['hand_marks']
        for a in t['answers']:
            a['source_evidence'] = a['evidence']
            a['evidence'] = 'scan'
        keep.append(t)
    exp['replies'] = keep
    exp['tallies'] = tally(keep)
    return exp


def build(root, out, docx_files, expected, seen, tally):
    pdf_dir, scan_dir = os.path.join(out, 'pdf'), os.path.join(out, 'scans')
    for d in (pdf_dir, scan_dir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    export(docx_files, pdf_dir)
    made = make_scans(pdf_dir, scan_dir)
    pexp = pdf_truth(expected, seen)
    pexp['description'] = ('The replies of habits4_expected.json as exported to PDF by LibreOffice (pdf/NAME.pdf ↔ '
                           'replies/NAME.docx, matched by stem): text typed in Word comments is not in the PDF, so '
                           'those answers have no text here (the docx text kept in text_in_docx). ' + expected['description'])
    sexp = scan_truth(pexp, made, tally)
    sexp['description'] = ('Twelve replies of habits4_expected.json as simulated scans (scans/NAME.pdf, image-only; '
                           'matched by stem): evidence "scan"; hand marks were drawn over boxes already chosen, so the '
                           'answers are those of the PDF truth; the tally is over these twelve. ' + expected['description'])
    for name, data in (('habits4_pdf_expected.json', pexp), ('habits4_scan_expected.json', sexp)):
        with open(os.path.join(root, 'tests', 'fixtures', name), 'w', encoding='utf-8') as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write('\n')
    return made
