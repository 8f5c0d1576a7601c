#!/usr/bin/env python3
"""Checks tests/fixtures/habits3_expected.json against what a person sees: renders every reply with
LibreOffice (docx → PDF), reads the pages with pdftotext, and checks per reply

- the Member State's clue (letterhead, mission, acronym) is on the page;
- every line of every reason/comment of the truth is on the page (Word comments: in comments.xml,
  since a PDF export leaves them out), and no reason is on the page for a draft the truth says has none;
- a draft the truth says was deleted from the form is not on the page;
- for marks that are characters (typed ☒ ✓ ● X, "Oui"/"Sí"/"Да"/"نعم"/"是"/"Yes"), each draft's block
  shows exactly as many as the truth's decision and option need (2 for authorize + option,
  1 for not authorize, 3 for a conflict), so the truth is what the page shows.

Marks that are not characters (highlight, colour, bold, strike, shading, legacy fields, content controls,
tracked changes) are checked by looking at the PNGs it writes with --png DIR (pdftoppm -r 60).

    python3 scripts/check-habits3-fixtures.py [--png DIR] [--keep DIR]
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits3_docx import DRAFTS, L, draft_name  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'habits3')
TRUTH = os.path.join(ROOT, 'tests', 'fixtures', 'habits3_expected.json')
KINDS = {k: kind for k, _, kind in DRAFTS}
PROV = {k: p for k, p, _ in DRAFTS}
NEED = {('authorize', 'no_comments'): 2, ('authorize', 'with_comments'): 2, ('not_authorize', None): 1,
        ('conflict', None): 3, ('no_reply', None): 0}


BIDI = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u00ad-'), None)


def squash(s):
    """Whitespace, hyphens (a word broken at a line end) and bidi marks out; pdftotext writes the
    lam-alef ligature as alef-lam, so the needle and the page are both folded to that."""
    s = unicodedata.normalize('NFKC', s).translate(BIDI)
    return re.sub(r'\s+', '', s).replace('لا', 'ال')


def render(files, out):
    prof = tempfile.mkdtemp(prefix='lo-')
    subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{prof}', '--convert-to', 'pdf', '--outdir', out]
                   + files, check=True, capture_output=True, timeout=900)


def counter(t):
    """The character that marks a line in this reply, per slot kind (decision, option), or None."""
    m = t['habits']['mark']
    opt = t['habits']['options']
    dec = None
    if m.startswith('glyph:'):
        dec = m.split(':', 1)[1]
    elif m in ('x_next',):
        dec = 'X'
    elif m.startswith('word:'):
        dec = m.split(':', 1)[1]
    elif m == 'native:glyph' and t['language'] == 'zh':
        dec = '●'
    elif m == 'native:glyph':
        dec = '☒'
    if dec is None:
        return None
    o = opt.split(':', 1)[1] if opt.startswith('glyph:') else ('X' if opt == 'x_next' else dec)
    return dec, o


def count(seg, ch):
    """`seg` is squashed: an X mark is an X not followed by a dot (X.1280) nor preceded by a letter."""
    if ch == 'X':
        return len(re.findall(r'(?<![A-Za-z])X(?!\.)', seg))
    return seg.count(squash(ch))


def main():
    args = sys.argv[1:]
    truth = json.load(open(TRUTH, encoding='utf-8'))
    keep = args[args.index('--keep') + 1] if '--keep' in args else tempfile.mkdtemp(prefix='habits3-')
    png = args[args.index('--png') + 1] if '--png' in args else None
    files = [os.path.join(FIX, t['source']) for t in truth['replies']]
    render(files, keep)
    bad = []
    counted = []
    for t in truth['replies']:
        name = os.path.splitext(os.path.basename(t['source']))[0]
        pdf = os.path.join(keep, name + '.pdf')
        text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True).stdout
        if png:
            os.makedirs(png, exist_ok=True)
            subprocess.run(['pdftoppm', '-r', '60', '-png', pdf, os.path.join(png, name)], check=True)
        z = zipfile.ZipFile(os.path.join(FIX, t['source']))
        comments = z.read('word/comments.xml').decode() if 'word/comments.xml' in z.namelist() else ''
        comments = squash(re.sub(r'<[^>]+>', '', comments))
        flat = squash(text)
        lang = t['language']
        err = lambda m: bad.append(f'{name}: {m}')  # noqa: E731
        if squash(t['render_clue']) not in flat:
            err(f'clue {t["render_clue"]!r} not on the page')
        for a in t['answers']:
            for line in [x for x in a['text'].split('\n') if x.strip()]:
                words = [squash(w).strip('.,:;،«»"()') for w in line.split()]
                seen = squash(line) in flat or squash(line) in comments or all(w in flat for w in words if w)
                if not seen:  # (right-to-left lines come out of pdftotext in pieces: then word by word)
                    err(f'{a["draft"]}: text line not found: {line[:50]!r}')
            if a['decision'] == 'no_reply' and 'draft_deleted' in t['habits']['mark_by'].get(a['draft'], ''):
                dn = draft_name(lang, a['draft'], PROV[a['draft']], KINDS[a['draft']])
                start = max(flat.find(squash(L[lang]['intro'])[-10:]), 0)
                if squash(dn) in flat[start:]:
                    err(f'{a["draft"]}: deleted draft still on the page')
        ch = counter(t)
        if ch and 'one_for_all' not in t['habits']['layout'] and t['tracked_changes'] is False:
            counted.append(name)
            # split the page into the drafts' blocks: each starts at the draft's number, first seen after the intro
            intro = flat.find(squash(L[lang]['intro'])[-10:])
            pos = []
            for a in t['answers']:
                if a['decision'] == 'no_reply' and 'draft_deleted' in t['habits']['mark_by'].get(a['draft'], ''):
                    continue
                p = flat.find(squash(a['draft'].split(' ')[0]), intro)
                if p < 0:
                    err(f'{a["draft"]}: draft not found on the page')
                    continue
                pos.append((p, a))
            pos.sort(key=lambda p: p[0])
            ends = [flat.find(squash(L[lang]['sign']), pos[-1][0] if pos else 0)]
            for kind in ('reasons', 'comments'):
                ends.append(flat.find(squash(L[lang][kind].split('{n}')[0]), pos[-1][0] if pos else 0))
            end = min(e for e in ends if e >= 0)
            cols = t['habits']['layout'][0] == 'form=columns'
            for i, (p, a) in enumerate(pos):
                seg = flat[p:pos[i + 1][0] if i + 1 < len(pos) else end]
                dec, opt = ch
                need = NEED[(a['decision'], a['comments'])]
                if cols:
                    need = {0: 0, 1: 1, 2: 1, 3: 2}[need]
                got = count(seg, dec) + (count(seg, opt) if opt != dec else 0)
                if got != need:
                    err(f'{a["draft"]}: {got} marks ({dec!r}/{opt!r}) on the page, the truth ({a["decision"]}, '
                        f'{a["comments"]}) needs {need}')
    print(f'{len(truth["replies"])} replies rendered into {keep}' + (f', PNGs in {png}' if png else '')
          + f'; marks counted per draft on {len(counted)} replies whose marks are characters')
    for b in bad:
        print('  ✗', b)
    print('all checks passed' if not bad else f'{len(bad)} problems')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
