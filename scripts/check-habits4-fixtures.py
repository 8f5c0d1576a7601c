#!/usr/bin/env python3
"""Checks tests/fixtures/habits4_expected.json against what a person sees: renders every reply with
LibreOffice (docx → PDF, a fresh profile), reads the pages with pdftotext, and checks per reply

- the Member State's clue (letterhead, mission, acronym) and the date as written are on the page;
- every line of every reason/comment of the truth is on the page (text in Word comments: in
  word/comments.xml, since the PDF export leaves them out — and then NOT on the page);
- per draft (the page cut into the drafts' blocks), the marks that are characters or words show
  exactly what the truth says: as many ☒/●/[X]/☑/þ/** **/[ ]/"(selected)" as the truth's decision
  and option need (1 per chosen line: 2 for authorize + option, 1 for authorize with no option or
  not authorize, 3 for a conflict, 0 for no reply); for the decision in words (added columns,
  remarks, text box, letter) the truth's words and no other answer's words;
- tick pictures: as many images on the pages as chosen lines (pdfimages).

Marks that are not characters (drawn ellipses, coloured cells, FORMCHECKBOX fields, content
controls) are checked by looking at the PNGs written with --png DIR (pdftoppm -r 60).

    python3 scripts/check-habits4-fixtures.py [--png DIR] [--keep DIR]
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from habits4_build import CHOSEN, LETTER  # noqa: E402
from habits4_form import DRAFTS, EXTRA, L, draft_name  # noqa: E402

KINDS = {k: kind for k, _, kind in DRAFTS}

_spec = importlib.util.spec_from_file_location('make_habits4', os.path.join(HERE, 'make-habits4-fixtures.py'))
MAKE = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(MAKE)
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'habits4')
TRUTH = os.path.join(ROOT, 'tests', 'fixtures', 'habits4_expected.json')
CODE = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'W', ('authorize', 'unspecified'): 'U',
        ('not_authorize', None): 'N', ('conflict', None): 'C', ('no_reply', None): '-'}
BIDI = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u00ad-'), None)


def squash(s):
    """Whitespace, hyphens and bidi marks out; pdftotext writes the lam-alef ligatures (لا لأ لإ لآ) as
    alef-lam: every run of lams and alefs is folded to one order, on the needle and the page alike."""
    s = unicodedata.normalize('NFKC', s).translate(BIDI)
    return re.sub('[لاأإآ]+', lambda m: ''.join(sorted(m.group())), re.sub(r'\s+', '', s))


def render(files, out):
    prof = tempfile.mkdtemp(prefix='lo-')
    subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{prof}', '--convert-to', 'pdf', '--outdir', out]
                   + files, check=True, capture_output=True, timeout=900)


def counters(spec):
    """What to count per draft block: [(needle, which lines count)]; None when the mark is not characters."""
    m, lang = spec.get('mark', 'native'), spec['lang']
    both, dec = ('auth', 'no', 'wc', 'na'), ('auth', 'na')
    opts = ('no', 'wc')
    if m == 'native':
        return {'en': [('☒', dec), ('●', opts)], 'fr': [('☒', dec), ('●', opts)], 'es': [('[X]', dec), ('(X)', opts)],
                'ru': [('\uf0fe', dec), ('\uf0a4', opts)], 'ar': [('●', opts)], 'zh': [('☒', both)]}[lang]
    if m.startswith('glyph_font:'):
        return [(m.split(':', 1)[1], both)]
    if m == 'lowbyte':
        return [('þ', dec)]
    if m == 'wrap:**':
        return [('**', both)]  # counted in pairs below
    if m == 'wrap:[]':
        return [('[', both), (']', both)]
    if m.startswith('suffix:'):
        return [(m.split(':', 1)[1], both)]
    return None


def main():
    args = sys.argv[1:]
    truth = json.load(open(TRUTH, encoding='utf-8'))
    keep = args[args.index('--keep') + 1] if '--keep' in args else tempfile.mkdtemp(prefix='habits4-')
    png = args[args.index('--png') + 1] if '--png' in args else None
    specs = {r['file']: r for r in MAKE.REPLIES}
    files = [os.path.join(FIX, t['source']) for t in truth['replies']]
    render(files, keep)
    bad, counted, words_checked, pics = [], 0, 0, 0
    for t in truth['replies']:
        name = os.path.splitext(os.path.basename(t['source']))[0]
        spec = specs[os.path.basename(t['source'])]
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
        for clue in (t['render_clue'], t['date_as_written']):
            if squash(clue) not in flat:
                err(f'{clue!r} not on the page')
        for a in t['answers']:
            in_comment = not MAKE.pdf_text_seen(spec, a['draft'])
            for line in [x for x in a['text'].split('\n') if x.strip()]:
                words = [squash(w).strip('.,:;،«»"()') for w in line.split()]
                on_page = squash(line) in flat or all(w in flat for w in words if w)
                if in_comment:
                    if squash(line) not in comments:
                        err(f'{a["draft"]}: text not in comments.xml: {line[:40]!r}')
                    if squash(line) in flat:
                        err(f'{a["draft"]}: Word comment text on the page: {line[:40]!r}')
                elif not on_page:
                    err(f'{a["draft"]}: text line not on the page: {line[:50]!r}')
        # the page cut into the drafts' blocks, from the intro to the signature
        mark = spec.get('mark', 'native')
        letter = mark == 'letter'
        intro = LETTER[lang]['intro'] if letter else L[lang]['intro']
        start = flat.find(squash(intro)[-12:])
        if start < 0:
            err('intro not found')
            continue
        pos = []
        for a in t['answers']:
            p = flat.find(squash(a['draft'].split(' ')[0]), start)
            if a['decision'] == 'no_reply' and letter:
                if p >= 0 and p < flat.find(squash(LETTER[lang]['sign'])):
                    err(f'{a["draft"]}: a draft the letter leaves out is in it')
                continue
            if p < 0:
                err(f'{a["draft"]}: draft not on the page')
                continue
            if not letter:  # pdftotext may put a cell's first lines before the name's number: start at the name
                head = squash(draft_name(lang, a['draft'], a['provisional'], KINDS[a['draft']]))[:8]
                q = flat.rfind(head, start, p + 1)
                if q >= 0 and p - q < 300:
                    p = q
            pos.append((p, a))
        pos.sort(key=lambda p: p[0])
        sign = LETTER[lang]['sign'] if letter else L[lang]['sign']
        # the last block runs to the attachment or annex (pdftotext may put a last cell after the signature)
        after = pos[-1][0] if pos else start
        tails = [flat.find(squash(EXTRA[k2][h]), after) for k2 in {lang, 'en'} for h in ('att_head', 'annex_head')]
        end = min([e for e in tails if e >= 0] or [len(flat)])
        blocks = [(a, flat[p:pos[i + 1][0] if i + 1 < len(pos) else end]) for i, (p, a) in enumerate(pos)]
        cs = counters(spec)
        for a, seg in blocks:
            code = CODE[(a['decision'], a['comments'])]
            chosen = CHOSEN[code]
            if cs:
                for needle, lines in cs:
                    need = len([x for x in chosen if x in lines]) * (2 if needle == '**' else 1)
                    got = seg.count(squash(needle.replace('← ', '') if lang == 'ar' else needle))
                    if got != need:
                        err(f'{a["draft"]}: {got} × {needle!r} on the page, the truth ({code}) needs {need}')
        if cs:
            counted += 1
        if mark in ('addcols', 'remarks', 'textbox', 'letter'):
            words_checked += 1
            ws = EXTRA['en']['words'] if t['text_language'] == 'en' else EXTRA[lang]['words']
            if letter:
                ws = {k: LETTER[lang][k] for k in 'AWUN'}
            if not letter:
                # words typed in table cells come out of pdftotext in an order of its own: count them over the
                # whole page (longest first, each found occurrence blanked), against the truth's counts
                page = flat[start:end]
                for k in sorted(ws, key=lambda k: -len(ws[k])):
                    got = page.count(squash(ws[k]))
                    page = page.replace(squash(ws[k]), '#')
                    need = sum(CODE[(a['decision'], a['comments'])] == k for a in t['answers'])
                    if got != need:
                        err(f'{got} × {ws[k]!r} on the page, the truth needs {need}')
            for a, seg in blocks if letter else []:
                code = CODE[(a['decision'], a['comments'])]
                # longest first, so that "No objection" is not found inside "No objection, with comments"
                found = None
                for k in sorted(ws, key=lambda k: -len(ws[k])):
                    if squash(ws[k]) in seg or (lang == 'ar' and all(squash(w) in seg for w in ws[k].split())):
                        found = k
                        break
                want = None if code == '-' else code
                if found != want:
                    err(f'{a["draft"]}: the words on the page say {found}, the truth {want}')
        if mark == 'picture':
            pics += 1
            listing = subprocess.run(['pdfimages', '-list', pdf], capture_output=True, text=True).stdout.splitlines()[2:]
            need = sum(len(CHOSEN[CODE[(a['decision'], a['comments'])]]) for a in t['answers'])
            if len(listing) != need:
                err(f'{len(listing)} tick pictures on the pages, the truth needs {need}')
    print(f'{len(truth["replies"])} replies rendered into {keep}' + (f', PNGs in {png}' if png else '')
          + f'; marks counted per draft on {counted} replies, words on {words_checked}, pictures on {pics}')
    for b in bad:
        print('  ✗', b)
    print('all checks passed' if not bad else f'{len(bad)} problems')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
