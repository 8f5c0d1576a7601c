#!/usr/bin/env python3
"""Checks tests/fixtures/habits5_expected.json against what a person sees: renders every blank form
and every reply with LibreOffice (docx → PDF, a fresh profile), reads the pages with pdftotext
(-layout, and plain for the reading order), and checks

- forms and replies: the form's own text is on the page (the intro, every draft's name, the labels
  or drop-down entries of the layout);
- per reply: the Member State's clue and the date as written are on the page; every line of every
  reason/comment of the truth is on the page (a text typed in a Word comment: in
  word/comments.xml, and NOT on the page, since the PDF export leaves comments out);
- per draft (the page cut into the drafts' blocks, in the order the reply has them), the marks that
  are characters or words show exactly what the truth (or, for the replies a person must decide,
  what the spec says is drawn) needs: the chosen drop-down entry; ☒ / ● / ✔ / ✓ / ✅ / ✔️ / ✖️;
  "X", "x", "Oui", "Х", "（是）" typed; for the lines deleted outright, only the chosen lines' key words;
- marks that are formatting (wavy or double underline, highlight, theme shading, red strike,
  tracked deletions): counted in word/document.xml (one formatted line per chosen or unchosen
  line, as the mark needs), and looked at in the PNGs written with --png DIR (pdftoppm -r 60).

    python3 scripts/check-habits5-fixtures.py [--png DIR] [--keep DIR]
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
from habits5_build import CHOSEN, DD_INDEX  # noqa: E402
from habits5_form import CIRCULAR, F, KEYS, L, draft_name  # noqa: E402

_spec = importlib.util.spec_from_file_location('make_habits5', os.path.join(HERE, 'make-habits5-fixtures.py'))
MAKE = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(MAKE)
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'habits5')
TRUTH = os.path.join(ROOT, 'tests', 'fixtures', 'habits5_expected.json')
CODE = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'W', ('authorize', 'unspecified'): 'U',
        ('not_authorize', None): 'N', ('conflict', None): 'C', ('no_reply', None): '-'}
BIDI = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u00ad\ufe0f-'), None)
DEC, OPT, ALL = ('auth', 'na'), ('no', 'wc'), ('auth', 'no', 'wc', 'na')
MATRIX = ('no', 'wc', 'na')


def squash(s):
    """Whitespace, hyphens, bidi marks and emoji variation selectors out; the lam-alef ligatures folded."""
    s = re.sub('[\u064b-\u065f\u0670]', '', unicodedata.normalize('NFKC', s).translate(BIDI))  # Arabic vowel marks out
    return re.sub(r'\s+', '', re.sub('[لاأإآ]+', lambda m: ''.join(sorted(m.group())), s))


def render(files, out):
    prof = tempfile.mkdtemp(prefix='lo-')
    subprocess.run(['nice', '-n', '5', 'soffice', '--headless', f'-env:UserInstallation=file://{prof}', '--convert-to', 'pdf',
                    '--outdir', out] + files, check=True, capture_output=True, timeout=900)


def pdftext(pdf, layout):
    return subprocess.run(['pdftotext'] + (['-layout'] if layout else []) + [pdf, '-'], capture_output=True, text=True).stdout


def pdftext_cols(pdf):
    """The two-column form (zh): each page's left half, then its right half (pdftotext's own order goes line by line
    across both columns)."""
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
    w, h = (float(v) for v in re.search(r'Page size:\s+([\d.]+) x ([\d.]+)', info).groups())
    out = []
    for pg in range(1, pages + 1):
        for x0 in (0, w / 2):
            out.append(subprocess.run(['pdftotext', '-f', str(pg), '-l', str(pg), '-x', str(int(x0)), '-y', '0', '-W',
                                       str(int(w / 2)), '-H', str(int(h)), pdf, '-'], capture_output=True, text=True).stdout)
    return '\n'.join(out)


def on_page(line, flat):
    words = [squash(w).strip('.,:;،«»"()（）。，：') for w in line.split()]
    return squash(line) in flat or all(w in flat for w in words if w)


def counters(spec, lang):
    """[(needle, lines it counts on, regex?)] for the marks that are characters; [] when they are formatting."""
    m = spec.get('mark', 'native')
    if lang == 'fr':  # the matrix: a cell per option and for does not authorize, none for authorize itself
        return {'native': [('X', MATRIX, True)], 'emoji': [(spec.get('emoji', '').replace('\ufe0f', ''), MATRIX, False)],
                'emoji2': [(spec.get('emoji', '').replace('\ufe0f', ''), MATRIX, False)],
                'oui': [(spec.get('cell_mark'), MATRIX, True)], 'x_lower': [(spec.get('cell_mark'), MATRIX, True)]}.get(m, [])
    if m == 'native':
        return {'en': [], 'fr': [('X', OPT + ('na',), False)], 'es': [('☒', DEC, False), ('●', OPT, False)],
                'ru': [('☒', DEC, False), ('●', OPT, False)], 'ar': [('☒', DEC, False), ('●', OPT, False)],
                'zh': [('✔', ALL, False)]}[lang]
    if m in ('emoji', 'emoji2'):
        return [(spec.get('emoji', MAKE.HEAVY).replace('\ufe0f', ''), ALL, False)]
    if m == 'cc_custom':
        return [('✓', ALL, False)]
    if m == 'x_after':
        return [(spec.get('x_char', 'x'), ALL, True)]
    if m in ('oui', 'x_lower'):
        return [(spec['cell_mark'], OPT + ('na',), True)]
    return []


def number(key):
    """What of a draft's name survives any line breaking and bidi reordering: its number (or provisional name)."""
    return key.split(' ')[0]


def name_needle(key, lang):
    """zh (read column by column): the whole name (the subject, cut in two halves, names the numbers too); others:
    the number, since a name wrapped in a cell comes out of pdftotext interleaved with the next cell's lines."""
    return draft_name(lang, key) if lang == 'zh' else number(key)


def back_to_head(flat, p, key, lang):
    """en: the row starts at the name's first words ("Draft new…"), before the next cell's lines that pdftotext
    puts before the number."""
    if lang != 'en':
        return p
    head = squash(draft_name(lang, key))[:9]
    q = flat.rfind(head, max(0, p - 160), p + 1)
    return q if q >= 0 else p


def draft_blocks(spec, flat, start, end, lang):
    """The page from `start` to `end` cut at each draft's name, in page order: [(key, segment)] (a key twice when
    the row was pasted twice)."""
    pos = []
    for key in KEYS:
        needle = squash(name_needle(key, lang))
        p = flat.find(needle, start)
        while 0 <= p < end:
            pos.append((back_to_head(flat, p, key, lang), key))
            p = flat.find(needle, p + 1) if key in spec.get('dup', {}) else -1
    pos.sort()
    return [(k, flat[p:pos[i + 1][0] if i + 1 < len(pos) else end]) for i, (p, k) in enumerate(pos)]


def main():
    args = sys.argv[1:]
    truth = json.load(open(TRUTH, encoding='utf-8'))
    keep = args[args.index('--keep') + 1] if '--keep' in args else tempfile.mkdtemp(prefix='habits5-')
    png = args[args.index('--png') + 1] if '--png' in args else None
    specs = {r['file']: r for r in MAKE.REPLIES}
    forms = [os.path.join(FIX, f) for f in truth['forms'].values()]
    files = [os.path.join(FIX, t['source']) for t in truth['replies']]
    render(forms + files, keep)
    bad = []
    n_marks = n_fmt = n_comments = 0
    # ---- the blank forms
    for lang, f in truth['forms'].items():
        name = os.path.splitext(os.path.basename(f))[0]
        flat = squash(pdftext(os.path.join(keep, name + '.pdf'), True))
        raw = squash(pdftext(os.path.join(keep, name + '.pdf'), False))
        for need in [L[lang]['intro'], L[lang]['sign']] + [draft_name(lang, k) if lang != 'ar' else number(k) for k in KEYS]:
            if not on_page(need, flat):
                bad.append(f'{name}: form text not on the page: {need[:50]!r}')
        if lang == 'en' and raw.count(squash(F['en']['choose'])) != len(KEYS):
            bad.append(f'{name}: {raw.count(squash(F["en"]["choose"]))} × "(choose one)", want {len(KEYS)}')
        if png:
            os.makedirs(png, exist_ok=True)
            subprocess.run(['pdftoppm', '-r', '60', '-png', os.path.join(keep, name + '.pdf'), os.path.join(png, name)], check=True)
    # ---- the replies
    for t in truth['replies']:
        name = os.path.splitext(os.path.basename(t['source']))[0]
        spec = specs[os.path.basename(t['source'])]
        lang = t['language']
        pdf = os.path.join(keep, name + '.pdf')
        if not os.path.exists(pdf):
            bad.append(f'{name}: LibreOffice could not render it')
            continue
        flat = squash(pdftext(pdf, True))
        raw_text = pdftext_cols(pdf) if lang == 'zh' else pdftext(pdf, False)
        raw = squash(raw_text)
        if png:
            subprocess.run(['pdftoppm', '-r', '60', '-png', pdf, os.path.join(png, name)], check=True)
        z = zipfile.ZipFile(os.path.join(FIX, t['source']))
        doc = re.sub(r'<mc:Fallback>.*?</mc:Fallback>', '', z.read('word/document.xml').decode())
        comments = z.read('word/comments.xml').decode() if 'word/comments.xml' in z.namelist() else ''
        comments = squash(re.sub(r'<[^>]+>', '', comments))
        err = lambda m: bad.append(f'{name}: {m}')  # noqa: E731
        for clue in (t['render_clue'], t['date_as_written']):
            if not on_page(clue, flat):
                err(f'{clue!r} not on the page')
        for need in [L[lang]['intro']] + [draft_name(lang, k) if lang != 'ar' else number(k) for k in KEYS]:
            if not on_page(need, flat):
                err(f'form text not on the page: {need[:50]!r}')
        # reasons and comments
        for a in t['answers']:
            in_comment = spec.get('place_by', {}).get(a['draft'], spec.get('place')) == 'comment'
            for line in [x for x in a['text'].split('\n') if x.strip()]:
                if in_comment:
                    n_comments += 1
                    if squash(line) not in comments:
                        err(f'{a["draft"]}: text not in comments.xml: {line[:40]!r}')
                    if squash(line) in flat:
                        err(f'{a["draft"]}: Word comment text on the page: {line[:40]!r}')
                elif not on_page(line, flat) and not on_page(line, raw):
                    err(f'{a["draft"]}: text line not on the page: {line[:50]!r}')
        for key, c in spec.get('comment_by', {}).items():
            n_comments += 1
            if squash(c) not in comments or squash(c) in flat:
                err(f'{key}: the comment {c[:30]!r} is not (only) in comments.xml')
        # the drafts' blocks: from the intro to the signature (the matrix: to its reasons row)
        start = raw.find(squash(L[lang]['intro'])[-12:])
        end = raw.find(squash(L[lang]['sign']), start)
        if lang == 'fr':
            end = raw.find(squash(F['fr']['txt_row']), start)
        if lang == 'en':  # pdftotext puts the last row's cells after the closing line
            start, end = raw.find(squash(F['en']['col_txt']), start), len(raw)
        if lang == 'zh':  # the columns: the intro is cut in two, the closing line sits under the left column
            start, end = 0, len(raw)
        if start < 0 or end < 0:
            err('intro or signature not found')
            continue
        blocks = draft_blocks(spec, raw, start, end, lang)
        # what is drawn, in the reply's row order (a row pasted twice: both answers)
        drawn = []
        order = spec.get('order', KEYS)
        for k in order:
            c = spec.get('render', {}).get(k, spec['codes'][k])
            drawn.append((k, spec['dup'][k][0] if k in spec.get('dup', {}) else c))
        for k, (_, second) in spec.get('dup', {}).items():
            drawn.append((k, second))
        if [k for k, _ in blocks] != [k for k, _ in drawn]:
            err(f'drafts on the page in the order {[k for k, _ in blocks]}, the spec has {[k for k, _ in drawn]}')
            continue
        mark = spec.get('mark', 'native')
        cs = counters(spec, lang)
        if cs or lang == 'en' or mark == 'deleted':
            n_marks += 1
        lab = L[lang]
        soft = matrix_rows(pdftext(pdf, True), lang) if lang in ('fr', 'en') else soft_blocks(raw_text, spec, lang)
        if [k for k, _ in soft] != [k for k, _ in blocks]:
            err(f'the plain-text blocks {[k for k, _ in soft]} are not the squashed ones {[k for k, _ in blocks]}')
        soft_seg = dict(enumerate(seg for _, seg in soft))
        for bi, ((key, seg), (_, code)) in enumerate(zip(blocks, drawn)):
            chosen = set(CHOSEN[code])
            ex = spec.get('extra', {}).get(key, {})
            if lang == 'en':
                dd = F['en']['dd']
                idx = DD_INDEX[code] if mark in ('native', 'typed') else 0
                for i, entry in enumerate(dd):
                    got = squash(soft_seg.get(bi, '')).count(squash(entry))
                    if got != (1 if i == idx else 0):
                        err(f'{key}: {got} × {entry!r} in the row, the spec ({code}, {mark}) needs {int(i == idx)}')
            for needle, lines, word in cs:
                need = len([ln for ln in chosen if ln in lines])
                if mark == 'emoji2':  # ✔️ on the chosen cells, ✖️ on the others of a draft answered
                    cross = (squash(soft_seg.get(bi, '')) if lang == 'fr' else seg).count('✖')
                    want_cross = len([ln for ln in ('no', 'wc', 'na') if ln not in chosen and chosen
                                      and (ln in DEC or 'auth' in chosen)])
                    if cross != want_cross:
                        err(f'{key}: {cross} × ✖ in the block, the spec ({code}) needs {want_cross}')
                need += sum(1 for ln, v in ex.items() if v == 'x' and word and needle == 'x')
                need += sum(1 for ln, v in ex.items() if v == 'emoji' and needle == spec.get('emoji', '').replace('\ufe0f', ''))
                if word:
                    seg_raw = soft_seg.get(bi)
                    nf = unicodedata.normalize('NFKC', needle)
                    pat = (r'(?<![^\W\d_])' + re.escape(nf) + r'(?![^\W\d_])') if nf.isalpha() else re.escape(nf)
                    got = len(re.findall(pat, seg_raw)) if seg_raw is not None else -1
                elif lang == 'fr':
                    got = squash(soft_seg.get(bi, '')).count(squash(needle))
                else:
                    got = seg.count(squash(needle))
                if got != need:
                    err(f'{key}: {got} × {needle!r} in the block, the spec ({code}) needs {need}')
            if mark == 'deleted':
                got_na = seg.count(squash(lab['na_kw']))
                got_auth = seg.count(squash(lab['auth_kw'])) - (got_na if squash(lab['auth_kw']) in squash(lab['na_kw']) else 0)
                want_auth = 1 if ('auth' in chosen or not chosen) else 0
                want_na = 1 if ('na' in chosen or not chosen) else 0
                if (got_auth, got_na) != (want_auth, want_na):
                    err(f'{key}: key words on the page {got_auth}/{got_na}, the spec ({code}) needs {want_auth}/{want_na}')
        # formatting marks, counted in document.xml
        fmt = {'wavy': r'<w:u w:val="wave"/>', 'dunderline': r'<w:u w:val="double"/>', 'hl': r'<w:highlight w:val="\w+"/>',
               'redstrike': r'<w:strike/>', 'shade': r'w:themeFill="accent6"', 'tracked_del': r'<w:rPr><w:del '}
        if mark in fmt or any(v == 'hl' for e in spec.get('extra', {}).values() for v in e.values()):
            n_fmt += 1
            paras = re.findall(r'<w:p>.*?</w:p>', doc)
            got = sum(1 for p in paras if re.search(fmt.get(mark, fmt['hl']), p))
            want = 0
            for k, c in drawn:
                ch = CHOSEN[c]
                if mark in ('redstrike', 'tracked_del'):
                    want += len([ln for ln in ALL if ln not in ch]) if ch else 0
                elif mark in fmt:
                    want += len([ln for ln in ch if lang != 'fr' or ln in MATRIX])
                want += sum(1 for v in spec.get('extra', {}).get(k, {}).values() if v == 'hl')
            if mark == 'shade' and lang == 'fr':
                got = len(re.findall(fmt['shade'], doc))
            if got != want:
                err(f'{got} paragraphs with the {mark} formatting in document.xml, the spec needs {want}')
    print(f'{len(truth["forms"])} forms and {len(truth["replies"])} replies rendered into {keep}'
          + (f', PNGs in {png}' if png else '') + f'; marks counted per draft on {n_marks} replies, formatting on {n_fmt}, '
          f'{n_comments} Word comments')
    for b in bad:
        print('  ✗', b)
    print('all checks passed' if not bad else f'{len(bad)} problems')
    sys.exit(1 if bad else 0)


def soft_blocks(raw_text, spec, lang):
    """draft_blocks on the plain text with its spaces kept (for marks that are words: "x" must stand alone)."""
    one = re.sub(r'\s+', ' ', unicodedata.normalize('NFKC', raw_text).translate(BIDI))

    def find(needle, at=0):
        m = re.compile(r'\s*'.join(re.escape(ch) for ch in squash(needle))).search(one, at)
        return m.start() if m else -1
    start, end = find(L[lang]['intro'][-12:]), None
    if lang == 'en':
        start = find(F['en']['col_txt'], start)
    end = find(L[lang]['sign'], start)
    if lang == 'zh':
        start, end = 0, len(one)
    pos = []
    for key in KEYS:
        p = find(name_needle(key, lang), start)
        while 0 <= p < end:
            q = p
            if lang == 'en':
                q = max([m.start() for m in re.finditer(r'\s*'.join(re.escape(ch) for ch in squash(draft_name(lang, key))[:9]),
                                                         one[max(0, p - 200):p + 1])] or [None])
                q = p if q is None else max(0, p - 200) + q
            pos.append((q, key))
            p = find(name_needle(key, lang), p + 1) if key in spec.get('dup', {}) else -1
    pos.sort()
    return [(k, one[p:pos[i + 1][0] if i + 1 < len(pos) else end]) for i, (p, k) in enumerate(pos)]


def matrix_rows(layout_text, lang='fr'):
    """A one-row-a-draft table (fr matrix, en drop-downs) read from pdftotext -layout: a row starts where the first
    column starts a draft's name ("Projet de…", "Draft new…"); the draft is the number in that column; the answer is
    what stands right of it (en: in the position column only)."""
    head_word, stop, row_re = {'fr': ('Autorise la Commission', 'Motifs et commentaires (le cas', r"\s*Projet d"),
                               'en': ('Position of this', 'Yours faithfully', r"\s*Draft (new|revised|Amendment)")}[lang]
    lines = layout_text.splitlines()
    head = next(i for i, ln in enumerate(lines) if head_word in ln)
    col2 = lines[head].index(head_word)
    col3 = lines[head].index('Reasons / comments') if lang == 'en' else None
    rows = []
    for ln in lines[head + 1:]:
        if stop in ln:
            break
        name, rest = ln[:col2], ln[col2:col3] if lang != 'en' else ln[:col3 - 1]
        if re.match(row_re, name):
            rows.append(['', ''])
        if rows:
            rows[-1][0] += ' ' + name
            rows[-1][1] += ' ' + rest
    out = []
    for name, rest in rows:
        flat = squash(name)
        key = next((k for k in KEYS if squash(number(k)) in flat), None)
        if lang == 'en' and key:  # a long name pushes the next cell's words left: take the row, less the name's words
            words = rest.split()  # (en: rest is the part of the line left of the reasons column)
            for w in draft_name(lang, key).split():
                if w in words:
                    words.remove(w)
            rest = ' '.join(words)
        out.append((key, rest))
    return out


if __name__ == '__main__':
    main()
