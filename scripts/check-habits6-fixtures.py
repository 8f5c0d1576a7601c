#!/usr/bin/env python3
"""Checks tests/fixtures/habits6_expected.json against what a person sees: renders every blank form
and every reply with LibreOffice (docx → PDF, a fresh profile), reads the pages with pdftotext, and
checks

- forms and replies: the form's own text is on the page (the intro, every draft's number, the key
  words of the four lines, once per draft);
- per reply: the Member State's clue and the date as written are on the page; every line of every
  reason/comment of the truth (and of the contradicting text of a reply a person must decide) is on
  the page; a reply copied from last year's form shows "297" in its title;
- per draft (the page cut at the drafts' numbers, in the form's order; document.xml cut at the drafts'
  names), the marks show exactly what the truth needs (or, for the replies a person must decide, what
  the spec says is drawn):
    characters on the page: ☒ / ● (glyph), X (typed in the box cell, in the one-cell table, between
    two lines), ✓ (the ✓ column and the options), YES / NO (the added column, per language), the
    answer typed into the draft's cell, the general-comment sentence;
    formatting and drawings, counted in document.xml: the Webdings w:sym, tick pictures, black
    character shading, red rectangles, paragraph borders, bold+underlined lines; Track Changes marks
    read with the changes accepted (w:del dropped), and w:ins / w:del present;
- PNGs (pdftoppm -r 60) written with --png DIR, to look at.

    python3 scripts/check-habits6-fixtures.py [--png DIR] [--keep DIR]
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from habits6_build import IND  # noqa: E402
from habits6_lib import CHOSEN, CIRCULAR, CL, KEYS, L, draft_name, unzip_text, x  # noqa: E402

_spec = importlib.util.spec_from_file_location('make_habits6', os.path.join(HERE, 'make-habits6-fixtures.py'))
MAKE = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(MAKE)
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'habits6')
TRUTH = os.path.join(ROOT, 'tests', 'fixtures', 'habits6_expected.json')
BIDI = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u00ad\ufe0f-'), None)
DEC, OPT = ('auth', 'na'), ('no', 'wc')


def squash(s):
    s = re.sub('[\u064b-\u065f\u0670]', '', unicodedata.normalize('NFKC', s).translate(BIDI))
    return re.sub(r'\s+', '', re.sub('[لاأإآ]+', lambda m: ''.join(sorted(m.group())), s))


def on_page(line, flat):
    words = [squash(w).strip('.,:;،«»"()（）。，：') for w in line.split()]
    return squash(line) in flat or all(w in flat for w in words if w)


def render(files, out):
    prof = tempfile.mkdtemp(prefix='lo-')
    subprocess.run(['nice', '-n', '5', 'soffice', '--headless', f'-env:UserInstallation=file://{prof}', '--convert-to', 'pdf',
                    '--outdir', out] + files, check=True, capture_output=True, timeout=1800)


def pdftext(pdf, layout=False):
    return subprocess.run(['pdftotext'] + (['-layout'] if layout else []) + [pdf, '-'], capture_output=True, text=True).stdout


def accepted(xml):
    """document.xml as it prints with all changes accepted: deletions out."""
    return re.sub(r'<w:del [^>]*>.*?</w:del>', '', xml, flags=re.S)


def blocks_text(text, lang):
    """The page text (pdftotext's reading order) after the form's header row, cut at each draft's number (first
    occurrence, in order)."""
    flat = text
    start = -1
    for m in re.finditer(r'Y\.3186', text):  # the form's subject names the five drafts close together
        near = text[m.start():m.start() + 700]
        j = near.find('FMC-ufc')
        if j > 0 and near.find('Y.3113', j) > 0:
            start = m.start() + near.find('Y.3113', j)
            break
    pos = [start]
    for k in KEYS:
        num = re.escape(k.split(' ')[0]).replace('\\-', '-?\\s*').replace('\\.', '\\.\\s*')
        m = re.compile(num).search(flat, pos[-1] + 1) if pos[-1] >= 0 else None
        pos.append(m.start() if m else -1)
    out = {}
    for n, k in enumerate(KEYS):
        end = pos[n + 2] if n + 2 < len(pos) else len(flat)
        out[k] = flat[pos[n + 1]:end] if pos[n + 1] >= 0 else ''
    return out, pos


def blocks_xml(xml, lang):
    start = xml.find(x(L[lang]['intro'])[-25:])
    pos = [start]
    for k in KEYS:  # from the table row that holds the draft's name
        i = xml.find(x(draft_name(lang, k)), pos[-1] + 1)
        pos.append(max(xml.rfind('<w:tr>', 0, i), xml.rfind('<w:tr ', 0, i)) if i >= 0 else -1)
    out = {}
    for n, k in enumerate(KEYS):
        end = pos[n + 2] if n + 2 < len(pos) else len(xml)
        out[k] = xml[pos[n + 1]:end] if pos[n + 1] >= 0 else ''
    return out, pos


def count_word(block, w):
    return len(re.findall(r'(?<![A-Za-zА-Яа-яÀ-ÿ])' + re.escape(w) + r'(?![A-Za-zА-Яа-яÀ-ÿ])', block))


def check_form(lang, text, errs, where):
    flat = re.sub('[☐⃝☒●✓■]', '', squash(text))
    lab = L[lang]
    if squash(lab['intro'])[-40:] not in flat:
        errs.append(f'{where}: intro not on the page')
    for k in KEYS:
        if squash(k.split(' ')[0]) not in flat:
            errs.append(f'{where}: {k} not on the page')
    for w in ('no', 'wc'):
        n = flat.count(squash(lab[w]))
        if n < 5:
            errs.append(f'{where}: "{lab[w]}" {n} times, not 5')
    if flat.count(squash(lab['na_kw'] + lab['na'])[:30]) < 5:
        errs.append(f'{where}: the does-not-authorize line not 5 times')


def check_marks(r, text, xml, errs):
    lang = r['lang']
    where = r['file']
    tb, tpos = blocks_text(text, lang)
    xb, xpos = blocks_xml(xml, lang)
    if min(tpos) < 0:
        errs.append(f'{where}: draft numbers not found in order on the page {tpos}')
        return
    if min(xpos) < 0:
        errs.append(f'{where}: draft names not found in order in document.xml {xpos}')
        return
    axml = {k: accepted(v) for k, v in xb.items()}
    cl = CL[lang]
    page_want = [0, 0, 0, 0]
    for k in KEYS:
        rc = r.get('render', {}).get(k, r['codes'][k])
        ch = CHOSEN[rc]
        nd, no_ = len(ch & set(DEC)), len(ch & set(OPT))
        m = r.get('mark_by', {}).get(k, r['mark'])
        t, xx, ax = tb[k], xb[k], axml[k]
        got = None
        if m == 'glyph':
            got, want = (t.count('☒'), t.count('●')), (nd, no_)
        elif m == 'track':
            got, want = (ax.count('☒'), ax.count('●')), (nd, no_)
            if (nd or k in r.get('was', {})) and ('<w:ins ' not in xx or '<w:del ' not in xx):
                errs.append(f'{where} {k}: no tracked w:ins/w:del')
        elif m == 'webdings':
            got, want = xx.count('w:font="Webdings" w:char="F061"'), nd + no_
        elif m == 'tickpic':
            got, want = xx.count('descr="Tick"') // 2, nd + no_
        elif m in ('xcell', 'boxtable'):  # the inner box cells come out of pdftotext out of order: per draft in the XML
            got, want = ax.count('>X</w:t>'), nd + no_
            page_want[3] += nd + no_
        elif m == 'shade_box':
            got, want = xx.count('w:fill="000000"'), nd + no_
        elif m == 'rect':
            got = xx.count('name="Rectangle ')
            want = 1 if k in r.get('rect_span', {}) else nd + no_
        elif m == 'pbdr':
            got, want = xx.count('<w:pBdr>'), nd + no_
        elif m == 'boldu':
            got = len([p for p in re.findall(r'<w:p>.*?</w:p>|<w:p .*?</w:p>', xx, flags=re.S) if '<w:u w:val="single"/>' in p])
            if lang == 'ar':  # one paragraph holds the four lines: count the underlined key words/labels instead
                got = len(re.findall(r'<w:u w:val="single"/>(?:(?!</w:r>).)*<w:t[^>]*>(?:تأذن|لا تأذن|لا توجد|ترد)', xx))
            want = nd + no_
        elif m == 'indraft':
            phrase = IND[lang].get(rc)
            got = bool(phrase) and squash(phrase) in squash(t)
            want = bool(phrase)
        elif m == 'yesno':  # the added column comes out of pdftotext after the page's table: per draft in the XML
            yes = ('auth' in ch) + ('na' in ch)
            got = (xx.count(f'>{cl["yes"]}</w:t>'), xx.count(f'>{cl["noword"]}</w:t>'))
            want = (0, 0) if rc == '-' else (yes, 2 - yes)
            page_want[0] += want[0]
            page_want[1] += want[1]
        elif m == 'tickcol':
            got, want = (xx.count('>✓</w:t>'), ax.count('<w:sz w:val="28"/>')), (nd + no_, nd)
            page_want[2] += nd + no_
        elif m == 'general':
            got, want = (ax.count('☒'), ax.count('>X</w:t>')), (0, 0)
        if r.get('x_between') == k:
            got, want = (got, count_word(t, 'X')), (want, 1)
        if got != want:
            errs.append(f'{where} {k} ({m}, drawn {rc}): marks {got}, want {want}')
    if r['mark'] == 'yesno':
        tail = text[tpos[0]:]
        got = (len(re.findall(r'^' + cl['yes'] + r'$', tail, re.M)), len(re.findall(r'^' + cl['noword'] + r'$', tail, re.M)))
        if got != tuple(page_want[:2]):
            errs.append(f'{where}: YES/NO on the page {got}, want {page_want[:2]}')
    if page_want[3] or r.get('x_between'):
        got = len(re.findall(r'^\s*X\s*$', text[tpos[0]:].translate(BIDI), re.M))
        if got != page_want[3] + bool(r.get('x_between')):
            errs.append(f'{where}: X on the page {got}, want {page_want[3]}')
    if r['mark'] == 'tickcol':
        got = text[tpos[0]:].count('✓')
        if got != page_want[2]:
            errs.append(f'{where}: ✓ on the page {got}, want {page_want[2]}')
    if r.get('general'):
        if not on_page(r['general'][0], squash(text.replace('\n', ' '))):
            errs.append(f'{where}: the general comment not on the page')
    if r.get('tracked') and ('<w:ins ' not in xml or '<w:del ' not in xml):
        errs.append(f'{where}: tracked changes missing')


def main():
    args = sys.argv[1:]
    png = args[args.index('--png') + 1] if '--png' in args else None
    keep = args[args.index('--keep') + 1] if '--keep' in args else None
    truth = json.load(open(TRUTH, encoding='utf-8'))
    tmp = keep or tempfile.mkdtemp(prefix='h6chk-')
    os.makedirs(tmp, exist_ok=True)
    forms = [os.path.join(FIX, truth['forms'][lang]) for lang in MAKE.LANGS]
    replies = [os.path.join(FIX, t['source']) for t in truth['replies']]
    render(forms + replies, tmp)
    errs = []
    for lang, f in zip(MAKE.LANGS, forms):
        pdf = os.path.join(tmp, os.path.basename(f)[:-5] + '.pdf')
        check_form(lang, pdftext(pdf), errs, os.path.basename(f))
    specs = {r['file']: r for r in MAKE.REPLIES}
    for t in truth['replies']:
        name = os.path.basename(t['source'])
        r = specs[name]
        pdf = os.path.join(tmp, name[:-5] + '.pdf')
        text = pdftext(pdf)
        flat = squash(text) + '\n' + squash(pdftext(pdf, layout=True))
        xml = unzip_text(os.path.join(FIX, t['source']))
        check_form(r['lang'], text, errs, name)
        if not on_page(t['render_clue'], flat):
            errs.append(f'{name}: clue "{t["render_clue"]}" not on the page')
        if not on_page(t['date_as_written'], flat):
            errs.append(f'{name}: date "{t["date_as_written"]}" not on the page')
        for a in t['answers']:
            for ln in a['text'].split('\n'):
                if ln and not on_page(ln, flat):
                    errs.append(f'{name} {a["draft"]}: text line not on the page: {ln[:60]}')
        for k, ct in r.get('ctext', {}).items():
            if not on_page(ct, flat):
                errs.append(f'{name} {k}: contradicting text not on the page')
        if r.get('old_form') and squash('Circular 297') not in flat:
            errs.append(f'{name}: last year\'s title (297) not on the page')
        if r.get('old_form') and squash(f'Circular {CIRCULAR}') in squash(text[text.find('ANNEX'):text.find('Dear Sir')]):
            errs.append(f'{name}: the old form shows {CIRCULAR} in its title')
        check_marks(r, text, xml, errs)
        if png:
            os.makedirs(png, exist_ok=True)
            subprocess.run(['pdftoppm', '-r', '60', '-png', pdf, os.path.join(png, name[:-5])], check=True)
    if png:
        for f in forms:
            pdf = os.path.join(tmp, os.path.basename(f)[:-5] + '.pdf')
            subprocess.run(['pdftoppm', '-r', '60', '-png', pdf, os.path.join(png, os.path.basename(f)[:-5])], check=True)
    for e in errs:
        print('FAIL', e)
    print(f'{len(forms)} forms, {len(replies)} replies rendered; {len(errs)} problems')
    sys.exit(1 if errs else 0)


if __name__ == '__main__':
    main()
