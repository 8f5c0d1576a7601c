#!/usr/bin/env python3
"""Checks each file of tests/fixtures/habits/ against its truth by rendering it, as a person
would see it: LibreOffice → PDF (soffice --headless --convert-to pdf), then poppler's pdftotext,
plus the text of the PDF's comment annotations (LibreOffice exports Word comments as PDF notes).

For every reply it checks that
  - the file opens and renders (a PDF with text comes out);
  - the sender's clue (truth `render_clue`: the country, the regulator's name, the letterhead) is on
    the page, and the page shows the circular's number;
  - every reason / comment text of the truth is on the page, word for word (whitespace ignored;
    for Arabic, letters compared through a skeleton that survives pdftotext's lam-alef reordering);
  - every draft of the form is named on the page;
  - for replies made by deleting lines (`deletion` evidence, no tracked changes), the page shows the
    decision lines the truth keeps and no others;
  - for replies marked by a typed word or glyph, the page shows at least as many of them as the
    truth has marked lines.
Also renders PNGs of page 1 of every file into the output folder for a person to look at.

    python3 scripts/check-habits-fixtures.py [--set habits|habits2] [--out /tmp/habits-render] [--no-png]

With `--set habits2` it checks tests/fixtures/habits2/ against habits2_expected.json the same way,
and also that every typed word or glyph and every checked content-control box (☒) the truth implies
is on the page (LibreOffice's text export), and that the blank forms show no ☒.
"""

import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'habits')
sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, os.path.join(ROOT, 'scripts'))
from habits_lang import L, OLD, RETYPED_EN  # noqa: E402

BIDI = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad'), None)


def skeleton(s, arabic=False):
    s = unicodedata.normalize('NFKC', s).translate(BIDI)
    s = re.sub(r'\s+', '', s)
    if arabic:
        s = re.sub('[\u064b-\u0652\u0670\u0640]', '', s)  # harakat, tatweel
        s = re.sub('[أإآٱ]', 'ا', s)
        # pdftotext reorders lam-alef ligatures; drop both letters from Arabic text
        s = s.replace('ل', '').replace('ا', '')
        s = re.sub(r'[()\[\]{}،:.]', '', s)  # mirrored/moved punctuation
    return s


def annotations(pdf):
    b = open(pdf, 'rb').read()
    out = []
    for m in re.finditer(rb'/Contents\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]+>)', b):
        s = m.group(1)
        if s.startswith(b'<'):
            raw = bytes.fromhex(re.sub(rb'\s', b'', s[1:-1]).decode())
        else:
            raw = re.sub(rb'\\(.)', lambda k: {b'n': b'\n', b'r': b'\r', b't': b'\t'}.get(k.group(1), k.group(1)), s[1:-1])
        if raw.startswith(b'\xfe\xff'):
            out.append(raw[2:].decode('utf-16-be', errors='replace'))
        else:
            out.append(raw.decode('latin-1'))
    return '\n'.join(out)


def render(files, outdir):
    for filt, ext in ((PDF_FILTER, '.pdf'), ('txt:Text (encoded):UTF8', '.txt')):
        def out_of(f):
            return os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + ext)
        for attempt in range(2):  # soffice sometimes drops a batch: try the missing ones again
            todo = [f for f in files if not os.path.exists(out_of(f)) or os.path.getmtime(out_of(f)) < os.path.getmtime(f)]
            for i in range(0, len(todo), 20):
                subprocess.run(['soffice', '--headless', '--convert-to', filt, '--outdir', outdir] + todo[i:i + 20],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


# Word comments exported as PDF notes (their text is read back from the annotations)
PDF_FILTER = ('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
              '"ExportNotesInMargin":{"type":"boolean","value":"true"}}')


def pdf_of(f, outdir):
    return os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + '.pdf')


def lo_text(f, outdir):
    p = os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + '.txt')
    return open(p, encoding='utf-8-sig').read() if os.path.exists(p) else ''


def page_text(pdf):
    t = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True).stdout
    return t + '\n' + annotations(pdf)


def marked_lines(t):
    """(decision lines, option lines) the truth says are marked, for the second set."""
    dec = opt = 0
    for a in t['answers']:
        if a['decision'] in ('authorize', 'not_authorize'):
            dec += 1
        if a['decision'] == 'conflict':
            dec += 2
            opt += 1
        if a['comments'] in ('no_comments', 'with_comments'):
            opt += 1
    return dec, opt


def check2(t, src, lt, ar):
    """The second set's marks on the page: each typed word, glyph or checked box the truth implies."""
    problems = []
    h = t['habits']
    dec, opt = marked_lines(t)
    layout = next(x for x in h['layout'] if x.startswith('form='))[5:]
    m, o = h['mark'], h['options']
    if layout == 'cols':  # one box per choice: an authorize is one mark, a conflict two
        want = {}
        n = sum(a['decision'] in ('authorize', 'not_authorize') for a in t['answers']) + \
            2 * sum(a['decision'] == 'conflict' for a in t['answers'])
        key = {'cc': '☒'}.get(m) or (m.split(':', 1)[1] if ':' in m else None)
        if m == 'cc_x':
            key = 'x'
        if key:
            want[key] = n
    else:
        want = {}
        g = '☒' if m == 'cc' else 'x' if m == 'cc_x' else m.split(':', 1)[1] if ':' in m else None
        if g:
            want[g] = want.get(g, 0) + dec - sum(1 for v in h['mark_by'].values() if v == 'mind')
        og = '☒' if o == 'ccopt' else o.split(':', 1)[1] if o.startswith('glyph:') else g if o == 'same' and m.startswith('word:') else None
        if og:
            shaped = sum(1 for v in h['mark_by'].values() if v == 'opt_shape')
            want[og] = want.get(og, 0) + opt
            if o == 'ccopt':
                want[og] -= 0  # shapes' drafts have no option counted (unspecified)
            del shaped
    mind = sum(1 for v in h['mark_by'].values() if v == 'mind')
    if mind:
        want['☒'] = want.get('☒', 0) + mind
    for g, n in want.items():
        got = lt.count(g) if g != 'x' else len(re.findall(r'(?<![A-Za-z])x(?![A-Za-z])', lt))
        if got < n:
            problems.append(f'{src}: {got} "{g}" on the page, the truth implies {n}')
    if '☒' not in want and '☒' in lt:
        problems.append(f'{src}: a checked box on the page that the truth does not imply')
    if h['mark'] == 'cc' and lt.count('☒') > want.get('☒', 0) + (1 if 'pasted_twice' in h['layout'] else 0) * 0:
        problems.append(f'{src}: {lt.count("☒")} checked boxes on the page, the truth implies {want.get("☒", 0)}')
    return problems


def main():
    args = sys.argv[1:]
    global FIX
    name = args[args.index('--set') + 1] if '--set' in args else 'habits'
    FIX = os.path.join(ROOT, 'tests', 'fixtures', name)
    outdir = f'/tmp/{name}-render'
    if '--out' in args:
        outdir = args[args.index('--out') + 1]
    os.makedirs(outdir, exist_ok=True)
    truth = json.load(open(os.path.join(ROOT, 'tests', 'fixtures', f'{name}_expected.json'), encoding='utf-8'))
    circ = str(truth['circular']['tsb_circular'])
    files = [os.path.join(FIX, t['source']) for t in truth['replies']]
    forms = [os.path.join(FIX, f) for f in truth['forms'].values()]
    render(files + forms, outdir)
    problems = []
    checked = 0
    for f in forms:
        p = pdf_of(f, outdir)
        if not os.path.exists(p) or not skeleton(page_text(p)):
            problems.append(f'{f}: blank form does not render')
        elif '☒' in lo_text(f, outdir):
            problems.append(f'{f}: blank form shows a checked box')
    for t in truth['replies']:
        src = t['source']
        p = pdf_of(os.path.join(FIX, src), outdir)
        if not os.path.exists(p):
            problems.append(f'{src}: no PDF (LibreOffice could not open it)')
            continue
        text = page_text(p)
        ar = t['language'] == 'ar'
        sk = skeleton(text, ar)
        # LibreOffice's own plain-text export of the same document: paragraphs whole, in order
        # (pdftotext interleaves table columns); used for the sender and the typed marks
        lt = lo_text(os.path.join(FIX, src), outdir)
        lsk = skeleton(lt.replace('•', ''), ar)
        checked += 1
        if len(sk) < 500:
            problems.append(f'{src}: the page is nearly empty')
        if skeleton(t['render_clue'], ar) not in sk and skeleton(t['render_clue'], ar) not in lsk:
            problems.append(f'{src}: sender clue {t["render_clue"]!r} not on the page')
        if circ not in text:
            problems.append(f'{src}: circular number not on the page')
        for a in t['answers']:
            base = a['draft'].split(' ')[0]
            if skeleton(base, ar) not in sk:
                problems.append(f'{src}: draft {a["draft"]} not named on the page')
            if a['text'] and skeleton(a['text'], ar) not in sk and skeleton(a['text'], ar) not in lsk \
                    and skeleton(a['text'], ar) not in skeleton(re.sub(r'\n\s*•', '\n', text), ar) \
                    and not (ar and all(skeleton(w, ar) in sk for w in a['text'].split())):
                # (Arabic: pdftotext may give a wrapped line's halves in reverse order; then every word must be there)
                problems.append(f'{src}: {a["draft"]}: text not on the page: {a["text"][:60]!r}')
        if name == 'habits2':
            problems += check2(t, src, lt, ar)
            continue
        lang = t['language']
        labels = [L[lang]] + ([OLD[lang]] if lang in OLD else []) + ([RETYPED_EN] if lang == 'en' else [])
        evid = {a['evidence'] for a in t['answers'] if a['decision'] != 'no_reply'}
        # Deletion: the decision lines kept are exactly the truth's.
        if t['habits']['mark'] == 'delete':
            want_na = sum(a['decision'] in ('not_authorize', 'no_reply', 'conflict') for a in t['answers'])
            want_au = sum(a['decision'] in ('authorize', 'no_reply', 'conflict') for a in t['answers'])
            for lab in labels:
                # the parenthesis of each decision line tells them apart in every language
                def paren(label):
                    i = re.search('[(（]', label).start()
                    return skeleton(label[i + 1:i + 16], ar)
                k_na, k_au = paren(lab['na']), paren(lab['auth'])
                n_na = sk.count(k_na)
                n_au = sk.count(k_au)
                if n_na or n_au:
                    if n_na != want_na:
                        problems.append(f'{src}: page shows {n_na} Does-not-authorize lines, truth keeps {want_na}')
                    if n_au != want_au:
                        problems.append(f'{src}: page shows {n_au} Authorizes lines, truth keeps {want_au}')
                    break
        # Typed words / glyphs: at least one per marked line.
        marks = {'Yes': 'en', 'Oui': 'fr', 'Sí': 'es', 'Да': 'ru', 'نعم': 'ar', '是': 'zh'}
        for w, wl in marks.items():
            if wl == lang and t['habits']['mark'].split(':', 1)[-1] == w:
                n_marked = sum(a['evidence'] == 'text' and a['decision'] in ('authorize', 'not_authorize') for a in t['answers']) \
                    + sum(a['decision'] == 'conflict' for a in t['answers']) * 2
                if t['habits']['mark'] != 'none' and lsk.count(skeleton(w, ar)) < n_marked:
                    problems.append(f'{src}: {lsk.count(skeleton(w, ar))} "{w}" on the page, {n_marked} marked lines in the truth')
        # Typed or replaced glyphs (not words): at least one per marked decision line.
        m = t['habits']['mark']
        g = m.split(':')[1] if m.startswith(('typed:', 'over:', 'tins:', 'replace:')) else None
        if g and g not in marks:
            n_marked = sum(a['decision'] in ('authorize', 'not_authorize') for a in t['answers']) \
                + 2 * sum(a['decision'] == 'conflict' for a in t['answers'])
            if lsk.count(skeleton(g, ar)) < n_marked:
                problems.append(f'{src}: {lsk.count(skeleton(g, ar))} "{g}" on the page, {n_marked} marked lines in the truth')
        o = t['habits']['options']
        if o.startswith(('glyph:', 'tglyph:')):
            g = o.split(':', 1)[1]
            n_opt = sum(a['comments'] in ('no_comments', 'with_comments') for a in t['answers'])
            if lsk.count(skeleton(g, ar)) < n_opt:
                problems.append(f'{src}: {lsk.count(skeleton(g, ar))} "{g}" on the page, {n_opt} options marked in the truth')
    if '--no-png' not in args:
        for t in truth['replies']:
            p = pdf_of(os.path.join(FIX, t['source']), outdir)
            stem = os.path.splitext(p)[0]
            if os.path.exists(p) and not os.path.exists(stem + '-1.png'):
                subprocess.run(['pdftoppm', '-r', '60', '-png', '-f', '1', '-l', '2', p, stem],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for pr in problems:
        print('PROBLEM', pr)
    print(f'{checked} replies rendered and checked, {len(forms)} blank forms; {len(problems)} problems; PDFs in {outdir}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
