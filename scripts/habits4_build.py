"""Builds one reply (or the blank form) of TSB Circular 251 from a spec (for
scripts/make-habits4-fixtures.py). The spec's `mark` says *how* a person marked; its `codes` say
*what* (the truth), so the marks are derived from the truth.

Codes per draft: A authorizes, no comments; W authorizes, comments attached; U authorizes, no option
marked (comments unspecified); N does not authorize; C both decisions marked (conflict); - not
answered (the form's lines for it left as sent, or the draft left out of a letter).

Marks: native (the form's own checked box); picture (an inline picture of a tick with alt text in
the box's place); shape (a red ellipse drawn over the empty box); glyph_font:☑ (☑ typed in a font the
form does not use); lowbyte (Wingdings typed as Latin letters: þ ☑, l ●); wrap:** / wrap:[] (the
chosen key word or option typed inside ** ** or [ ]); suffix:PHRASE (typed after the chosen line);
addcols (two columns added, the decision in words in one, the comments in the other); remarks
(the decision in words in the form's remarks column); textbox (the decision in words in a text box
under the draft); boxcell (the box's table cell coloured, the box left empty); letter (no form).
"""

import re

from habits4_form import (CIRCLE, CIRCULAR, DRAFTS, EXTRA, EXTRA_EN_WORDS, KEYS, L, LAYOUT, PROV, SG, Doc, draft_name,
                          package, short_name)

CHOSEN = {'A': {'auth', 'no'}, 'W': {'auth', 'wc'}, 'U': {'auth'}, 'N': {'na'}, 'C': {'auth', 'no', 'na'}, '-': set()}
LINES = ('auth', 'no', 'wc', 'na')
BLANK = {'en': (('text', '☐', None), ('text', '○', None)), 'fr': (('text', '☐', 'MS Gothic'), ('text', CIRCLE, None)),
         'es': (('text', '[ ]', None), ('text', '( )', None)), 'ru': (('text', '\uf0a8', 'Wingdings'), ('text', '\uf0a1', 'Wingdings')),
         'ar': (('legacy', False), ('text', '○', None)), 'zh': (('cc', False), ('cc', False))}
NATIVE = {'en': (('text', '☒', None), ('text', '●', None)), 'fr': (('text', '☒', 'MS Gothic'), ('text', '●', None)),
          'es': (('text', '[X]', None), ('text', '(X)', None)), 'ru': (('text', '\uf0fe', 'Wingdings'), ('text', '\uf0a4', 'Wingdings')),
          'ar': (('legacy', True), ('text', '●', None)), 'zh': (('cc', True), ('cc', True))}
RU_FONTS = (None, 'Arial', 'Times New Roman', 'Calibri')
RU_SIZES = (None, 21, 22, 23)


class Builder:
    def __init__(self, spec, tick_png=None):
        self.s = spec
        self.lang = spec['lang']
        self.lab = L[self.lang]
        self.ex = EXTRA[self.lang]
        self.tl = spec.get('tlang', self.lang)
        self.d = Doc(self.lang, author=spec.get('author', 'User'))
        self.layout = LAYOUT[self.lang]
        self.blank = spec.get('blank', False)
        self.tick = tick_png
        self.attach = []   # (key, text) for the attachment after the page break
        self.annex = []    # (key, text) for the numbered "Annex – reasons" section

    # ---- the truth ----
    def code(self, key):
        return '-' if self.blank else self.s['codes'][key]

    def chosen(self, key, line):
        return line in CHOSEN[self.code(key)]

    def text(self, key):
        return self.s.get('texts', {}).get(key, '') if self.code(key) in 'NW' else ''

    def place(self, key):
        return self.s.get('place_by', {}).get(key, self.s.get('place', 'under'))

    def mark(self):
        return 'blank' if self.blank else self.s.get('mark', 'native')

    def target(self, key):
        return 'na' if self.code(key) == 'N' else 'wc'

    def words(self, code):
        w = EXTRA_EN_WORDS if self.tl == 'en' else self.ex['words']
        return w[code]

    def ex_t(self, k):
        return EXTRA['en'][k] if self.tl == 'en' else self.ex[k]

    # ---- the box before a line ----
    def spec(self, key, line):
        which = 0 if line in ('auth', 'na') else 1
        m = self.mark()
        if not self.chosen(key, line) or m in ('blank', 'shape', 'boxcell') or m.startswith(('wrap:', 'suffix:')) \
                or m in ('addcols', 'remarks', 'textbox'):
            return BLANK[self.lang][which]
        if m == 'native':
            return NATIVE[self.lang][which]
        if m == 'picture':
            return ('pic', self.s['alt'])
        if m.startswith('glyph_font:'):
            return ('text', m.split(':', 1)[1], self.s.get('glyph_font', 'Segoe UI Symbol'))
        if m == 'lowbyte':
            return ('text', 'þ' if which == 0 else 'l', 'Wingdings')
        raise ValueError(m)

    def box_xml(self, spec, **f):
        d = self.d
        if spec[0] == 'text':
            return d.r(spec[1], **dict(f, font=spec[2]) if spec[2] else f)
        if spec[0] == 'legacy':
            return d.legacy(spec[1])
        if spec[0] == 'cc':
            return d.cc(spec[1])
        if spec[0] == 'pic':
            return d.picture(self.tick, spec[1])
        raise ValueError(spec)

    # ---- one line as tokens: ('run', text, fmt) | ('xml', xml) ----
    def tokens(self, key, line, with_box=True):
        lab, m = self.lab, self.mark()
        on = self.chosen(key, line)
        toks = []
        spec = self.spec(key, line)
        if with_box:
            if on and m == 'shape':
                toks.append(('xml', self.d.ellipse()))
            if self.layout == 'twoline' and spec[0] == 'text' and not spec[2]:
                toks.append(('boxrun', spec[1]))
            else:
                toks.append(('xml', self.box_xml(spec)))
                toks.append(('run', ' ', {}))
        wrap = m.split(':', 1)[1] if on and m.startswith('wrap:') else None
        op, cl = {'**': ('**', '**'), '[]': ('[', ']'), None: ('', '')}[wrap]
        if line in ('auth', 'na'):
            kw, rest = (lab['auth_kw'], lab['auth']) if line == 'auth' else (lab['na_kw'], lab['na'])
            if self.lang == 'es':
                rest = rest.replace(f' {CIRCLE}', '')
            if op:
                toks.append(('run', op, {}))
            toks.append(('run', kw, {'b': True}))
            if cl:
                toks.append(('run', cl, {}))
            toks.append(('run', rest, {}))
        else:
            toks.append(('run', op + lab[line] + cl, {}))
        if on and m.startswith('suffix:'):
            toks.append(('run', '  ' + m.split(':', 1)[1], {'b': True}))
        t = self.text(key)
        if t and line == self.target(key):
            p = self.place(key)
            if p == 'inline':
                toks.append(('run', ' – ' + t.replace('\n', ' '), {}))
        # merge the box typed in the same run as the key word (the en form)
        out = []
        for tk in toks:
            if out and out[-1][0] == 'boxrun' and tk[0] == 'run':
                out[-1] = ('run', out[-1][1] + ' ' + tk[1], dict(tk[2], b=True))
            else:
                out.append(tk)
        return out

    def under(self, key, line):
        """Paragraphs the person added under the line (in the same cell or flow)."""
        d = self.d
        t = self.text(key)
        if not (t and line == self.target(key)):
            return []
        p = self.place(key)
        ind = 'w:left="567"'
        if p == 'under':
            return [d.p(d.r(tl), ind=ind) for tl in t.split('\n')]
        if p == 'attached':
            self.attach.append((key, t))
            return [d.p(d.r(self.ex_t('see_att'), i=True), ind=ind)]
        if p == 'annex':
            self.annex.append((key, t))
        return []

    def render(self, toks, ind=None):
        """Tokens to paragraphs. pdfpaste: a new paragraph wherever the PDF's line ended;
        splitruns: every text run cut into pieces of different formatting."""
        d = self.d
        if self.layout == 'pdfpaste':
            paras, cur, col = [], [], 0
            for tk in toks:
                if tk[0] == 'xml':
                    cur.append(tk[1])
                    col += 3
                    continue
                text, f = tk[1], tk[2]
                pieces = re.split(r'( )', text)
                buf = ''
                for piece in pieces:
                    if piece == ' ' and col + len(buf) >= 62:
                        if buf:
                            cur.append(d.r(buf, **f))
                        paras.append(cur)
                        cur, buf, col = [], '', 0
                        continue
                    buf += piece
                if buf:
                    cur.append(d.r(buf, **f))
                    col += len(buf)
            if cur:
                paras.append(cur)
            return [d.p(pp, ind=ind if i == 0 else (ind or 'w:left="0"')) for i, pp in enumerate(paras)]
        runs = []
        k = 0
        for tk in toks:
            if tk[0] == 'xml':
                runs.append(tk[1])
                continue
            text, f = tk[1], tk[2]
            if self.layout == 'splitruns' and text.strip():
                if f.get('b') and len(text) > 6:  # the key word itself cut in two runs
                    cut = len(text) // 2 + 1
                    runs.append(d.r(text[:cut], **f))
                    runs.append(d.r(text[cut:], **dict(f, sz=21)))
                    continue
                words = re.split(r'(?<= )', text)
                i = 0
                while i < len(words):
                    n = 1 + (k % 3)
                    piece = ''.join(words[i:i + n])
                    ff = dict(f)
                    if RU_FONTS[k % 4]:
                        ff['font'] = RU_FONTS[k % 4]
                    if RU_SIZES[(k // 2) % 4]:
                        ff['sz'] = RU_SIZES[(k // 2) % 4]
                    if k % 5 == 3:
                        ff['i'] = True
                    runs.append(d.r(piece, **ff))
                    i += n
                    k += 1
                continue
            runs.append(d.r(text, **f))
        return [d.p(runs, ind=ind)]

    def line_paras(self, key, line, ind=None, with_box=True):
        return self.render(self.tokens(key, line, with_box=with_box), ind=ind) + self.under(key, line)

    def draft_extras(self, key):
        """What follows a draft's lines: the text box with the decision in words."""
        d = self.d
        c = self.code(key)
        if self.mark() == 'textbox' and c != '-':
            inner = d.p([d.r(self.ex_t('tb'), b=True), d.r(self.words(c))])
            return [d.p(self.d.textbox(inner, cx=2900000 if self.layout == 'remarks' else 4400000))]
        return []

    def decision_cell(self, key):
        """The added Decision / Remarks cell: the decision in words, then the comments."""
        d = self.d
        out = []
        c = self.code(key)
        if self.mark() in ('addcols', 'remarks') and c != '-':
            out.append(d.p(d.r(self.words(c), b=True)))
        return out

    def comments_cell(self, key):
        d = self.d
        t = self.text(key)
        if t and self.place(key) == 'remarks':
            return [d.p(d.r(tl, sz=20)) for tl in t.split('\n')]
        return []

    def name_para(self, key, kind, b=True, **pf):
        d = self.d
        t = self.text(key)
        nm = d.r(draft_name(self.lang, key, PROV[key], kind), b=b)
        if t and self.place(key) == 'comment':
            cid = d.comment(t)
            return d.p([d.c_start(cid), nm, d.c_end(cid)], **pf)
        return d.p(nm, **pf)

    # ---- layouts ----
    def split_at(self):
        return 3 if 'split_page' in self.s.get('layout', []) else None

    def twoline(self):
        d, ex = self.d, EXTRA['en']
        add = self.mark() == 'addcols'
        W = [2300, 4338, 1300, 1700] if add else [3000, 6638]
        th = ex['th']

        def head():
            r1 = [d.tc(d.p(d.r(th[0], b=True)), W[0], shd='D9D9D9'), d.tc(d.p(d.r(th[2], b=True)), W[1], shd='D9D9D9')]
            r2 = [d.tc(d.p(d.r(th[1], i=True, sz=18)), W[0], shd='D9D9D9'), d.tc(d.p(d.r(th[3], i=True, sz=18)), W[1], shd='D9D9D9')]
            if add:
                r1 += [d.tc(d.p(d.r(ex['dec_col'], b=True)), W[2], vmerge='restart', shd='D9D9D9'),
                       d.tc(d.p(d.r(ex['com_col'], b=True)), W[3], vmerge='restart', shd='D9D9D9')]
                r2 += [d.tc('', W[2], vmerge='cont', shd='D9D9D9'), d.tc('', W[3], vmerge='cont', shd='D9D9D9')]
            return [d.tr(r1, header=True), d.tr(r2, header=True)]
        out, rows = [], head()
        for i, (key, prov, kind) in enumerate(DRAFTS):
            if i == self.split_at():
                out += [d.table(rows, W), d.page_break()]
                rows = head()
            p1 = []
            for line in ('auth', 'no', 'wc'):
                p1 += self.line_paras(key, line, ind=None if line == 'auth' else 'w:left="397"')
            p2 = self.line_paras(key, 'na') + self.draft_extras(key)
            c1 = [d.tc(self.name_para(key, kind), W[0], vmerge='restart'), d.tc(p1, W[1])]
            c2 = [d.tc('', W[0], vmerge='cont'), d.tc(p2, W[1])]
            if add:
                c1 += [d.tc(self.decision_cell(key), W[2], vmerge='restart'), d.tc(self.comments_cell(key), W[3], vmerge='restart')]
                c2 += [d.tc('', W[2], vmerge='cont'), d.tc('', W[3], vmerge='cont')]
            rows += [d.tr(c1, cant_split=True), d.tr(c2, cant_split=True)]
        out.append(d.table(rows, W))
        return out

    def dec2col(self):
        d = self.d
        add = self.mark() == 'addcols'
        W = [3300, 2800, 1500, 2038] if add else [4819, 4819]
        out = []
        for key, prov, kind in DRAFTS:
            rows = [d.tr([d.tc(self.name_para(key, kind, keep=True), sum(W), span=len(W), shd='DEEAF6')], cant_split=True)]
            left = []
            for line in ('auth', 'no', 'wc'):
                left += self.line_paras(key, line, ind=None if line == 'auth' else 'w:left="340"')
            right = self.line_paras(key, 'na')
            cells = [d.tc(left, W[0]), d.tc(right, W[1])]
            if add:
                dec = [d.p(d.r(self.ex['dec_col'], b=True, u='single'))] + self.decision_cell(key)
                com = [d.p(d.r(self.ex['com_col'], b=True, u='single'))] + self.comments_cell(key)
                cells += [d.tc(dec, W[2]), d.tc(com, W[3])]
            rows.append(d.tr(cells, cant_split=True))
            ext = self.draft_extras(key)
            if ext:
                rows.append(d.tr([d.tc(ext, sum(W), span=len(W))]))
            out += [d.table(rows, W), d.p('')]
        return out

    def pdfpaste(self):
        d = self.d
        out = []
        for key, prov, kind in DRAFTS:
            out.append(self.name_para(key, kind, spacing='w:before="200" w:after="0"'))
            for line in LINES:
                out += self.line_paras(key, line, ind='w:left="720"' if line in ('no', 'wc') else None)
            out += self.draft_extras(key)
        return out

    def splitruns(self):
        d = self.d
        add = self.mark() == 'addcols'
        W = [2100, 4038, 1700, 1800] if add else [2800, 6838]
        out, rows = [], []
        if add:
            rows.append(d.tr([d.tc('', W[0]), d.tc('', W[1]), d.tc(d.p(d.r(self.ex['dec_col'], b=True)), W[2]),
                              d.tc(d.p(d.r(self.ex['com_col'], b=True)), W[3])], header=True))
        for i, (key, prov, kind) in enumerate(DRAFTS):
            if i == self.split_at():
                out += [d.table(rows, W), d.page_break()]
                rows = []
            p1 = []
            for line in ('auth', 'no', 'wc'):
                p1 += self.line_paras(key, line, ind=None if line == 'auth' else 'w:left="397"')
            p2 = self.line_paras(key, 'na') + self.draft_extras(key)
            c1 = [d.tc(self.name_para(key, kind), W[0], vmerge='restart'), d.tc(p1, W[1])]
            c2 = [d.tc('', W[0], vmerge='cont'), d.tc(p2, W[1])]
            if add:
                c1 += [d.tc(self.decision_cell(key), W[2], vmerge='restart'), d.tc(self.comments_cell(key), W[3], vmerge='restart')]
                c2 += [d.tc('', W[2], vmerge='cont'), d.tc('', W[3], vmerge='cont')]
            rows += [d.tr(c1, cant_split=True), d.tr(c2, cant_split=True)]
        out.append(d.table(rows, W))
        return out

    def boxcol(self):
        d = self.d
        add = self.mark() == 'addcols'
        W = [1900, 520, 4218, 1300, 1700] if add else [2400, 600, 6638]
        rows = []
        if add:
            rows.append(d.tr([d.tc('', W[0]), d.tc('', W[1]), d.tc('', W[2]), d.tc(d.p(d.r(self.ex['dec_col'], b=True)), W[3]),
                              d.tc(d.p(d.r(self.ex['com_col'], b=True)), W[4])], header=True))
        for key, prov, kind in DRAFTS:
            for j, line in enumerate(LINES):
                on = self.chosen(key, line)
                spec = self.spec(key, line)
                box = ([self.d.ellipse(dx=-90000)] if on and self.mark() == 'shape' else []) + [self.box_xml(spec)]
                shd = '92D050' if on and self.mark() == 'boxcell' else None
                paras = self.line_paras(key, line, with_box=False) + (self.draft_extras(key) if line == 'na' else [])
                cells = [d.tc(self.name_para(key, kind) if j == 0 else '', W[0], vmerge='restart' if j == 0 else 'cont'),
                         d.tc(d.p(box, jc='center'), W[1], shd=shd, valign='top'), d.tc(paras, W[2])]
                if add:
                    cells += [d.tc(self.decision_cell(key) if j == 0 else '', W[3], vmerge='restart' if j == 0 else 'cont'),
                              d.tc(self.comments_cell(key) if j == 0 else '', W[4], vmerge='restart' if j == 0 else 'cont')]
                rows.append(d.tr(cells, cant_split=True))
        return [d.table(rows, W)]

    def remarks(self):
        d = self.d
        th = EXTRA['zh']['th']
        W = [2400, 4838, 2400]

        def head():
            return [d.tr([d.tc(d.p(d.r(h, b=True), jc='center'), w, shd='E7E6E6') for h, w in zip(th, W)], header=True)]
        out, rows = [], head()
        for i, (key, prov, kind) in enumerate(DRAFTS):
            if i == self.split_at():
                out += [d.table(rows, W), d.page_break()]
                rows = head()
            paras = []
            for line in LINES:
                paras += self.line_paras(key, line, ind='w:left="397"' if line in ('no', 'wc') else None)
            paras += self.draft_extras(key)
            rows.append(d.tr([d.tc(self.name_para(key, kind), W[0]), d.tc(paras, W[1]),
                              d.tc(self.decision_cell(key) + self.comments_cell(key), W[2])], cant_split=True))
        out.append(d.table(rows, W))
        return out

    # ---- the letter (no form) ----
    def letter(self):
        d, s = self.d, self.s
        L_ = LETTER[self.lang]
        out = [d.p(d.r(t)) for t in s['frm']]
        out += [d.p(''), d.p(d.r(s['date_text']), jc='right' if not d.rtl else 'left'), d.p('')]
        out += [d.p(d.r(t)) for t in L_['to']]
        out += [d.p(''), d.p([d.r(L_['subj'], b=True)]), d.p(''), d.p(d.r(L_['dear'])), d.p(d.r(L_['intro']))]
        for key, prov, kind in DRAFTS:
            c = self.code(key)
            if c == '-':
                continue
            out.append(d.numbered(d.r(short_name(key) + ': ', b=True) + d.r(L_[c]), 2, style='ListParagraph'))
            t = self.text(key)
            if t:
                out += [d.p(d.r(tl), ind='w:left="720"') for tl in t.split('\n')]
        return out

    # ---- the whole document ----
    def front(self):
        d, lab, s = self.d, self.lab, self.s
        out = [d.p(d.r(lab['annex']), b_style='AnnexNo'), d.p(d.r(lab['to_circ']), jc='center')]
        W1, W2 = 1500, 8138
        lines = lambda ls: [d.p(d.r(t)) for t in ls]  # noqa: E731
        if self.blank:
            frm = lines(lab['ph']) + [d.p(d.r(lab['fax'])), d.p(d.r(lab['email']))]
            date = lines([lab['dateph']])
        else:
            frm = lines(s['frm']) + [d.p(d.r(lab['fax'] + ' ' + s.get('fax', ''))), d.p(d.r(lab['email'] + ' ' + s.get('email', '')))]
            date = lines([s['date_text']])
        rows = [d.tr([d.tc(d.p(d.r(lab['to'], b=True)), W1),
                      d.tc(lines(lab['tsb']) + [d.p(d.r(lab['fax'] + ' +41 22 730 5853')),
                                                d.p(d.r(lab['email'] + f' tsbsg{SG}@itu.int'))], W2)]),
                d.tr([d.tc(d.p(d.r(lab['frm'], b=True)), W1), d.tc(frm, W2)]),
                d.tr([d.tc(d.p(d.r(lab['date'], b=True)), W1), d.tc(date, W2)]),
                d.tr([d.tc(d.p(d.r(lab['subj'], b=True)), W1), d.tc(d.p(d.r(lab['subject'], b=True)), W2)])]
        out.append(d.table(rows, [W1, W2], borders=False))
        out += [d.p(''), d.p(d.r(lab['dear'])), d.p(d.r(lab['intro']))]
        if s.get('supersedes_text'):
            out.append(d.p(d.r(s['supersedes_text'], b=True)))
        return out

    def tail(self):
        """The attachment (after a page break) and the numbered annex of reasons."""
        d = self.d
        out = []
        if self.attach:
            out += [d.page_break(), d.p(d.r(self.ex_t('att_head'), b=True, sz=26), spacing='w:after="200"')]
            for key, t in self.attach:
                out.append(d.p(d.r(short_name(key), b=True, u='single'), spacing='w:before="200"'))
                out += [d.p(d.r(tl)) for tl in t.split('\n')]
        if self.annex:
            out += [d.page_break(), d.p(d.r(self.ex_t('annex_head')), b_style='Heading1')]
            for key, t in self.annex:
                out.append(d.numbered(d.r(short_name(key)), 1, style='Heading2'))
                out += [d.p(d.r(tl)) for tl in t.split('\n')]
        return out

    def build(self, path):
        d, s, lab = self.d, self.s, self.lab
        if s.get('header'):
            d.header = [d.p(d.r(t, b=i == 0, sz=20 if i else 24), jc='center', b_style='Header')
                        for i, t in enumerate(s['header'])]
        if self.mark() == 'letter':
            body = self.letter()
            L_ = LETTER[self.lang]
            body += [d.p(''), d.p(d.r(L_['sign']))] + [d.p(d.r(t)) for t in s.get('sign', [])]
        else:
            body = self.front()
            body += getattr(self, self.layout)()
            body += [d.p(''), d.p(d.r(lab['sign'])), d.p('')]
            body += [d.p(d.r(lab['sig_ph']))] if self.blank else [d.p(d.r(t)) for t in s.get('sign', [])]
        body += self.tail()
        title = f'TSB Circular {CIRCULAR} - Annex 2' if self.blank else s.get('title', f'Reply to TSB Circular {CIRCULAR}')
        package(path, d, ''.join(body), title, s.get('author', 'TSB'), s.get('modified', '2026-11-05T09:00:00Z'))
        return d


# letters with no form: the words for each answer
LETTER = {
    'en': dict(to=['Director, Telecommunication Standardization Bureau', 'International Telecommunication Union',
                   'Place des Nations, CH-1211 Geneva 20'],
               subj=f'Subject: TSB Circular {CIRCULAR} – reply of the Administration', dear='Dear Director,',
               intro=f'With reference to TSB Circular {CIRCULAR}, I have the honour to convey the position of this Administration '
                     'on the determined draft texts:',
               A=f'the Administration authorizes Study Group {SG} to consider this draft for approval, with no comments.',
               W=f'the Administration authorizes Study Group {SG} to consider this draft for approval, with the following comments:',
               U=f'the Administration authorizes Study Group {SG} to consider this draft for approval.',
               N=f'the Administration does not authorize Study Group {SG} to consider this draft for approval, for these reasons:',
               sign='Yours sincerely,'),
    'fr': dict(to=['Monsieur le Directeur du Bureau de la normalisation des télécommunications',
                   'Union internationale des télécommunications', 'Place des Nations, CH-1211 Genève 20'],
               subj=f'Objet : Circulaire TSB {CIRCULAR} – réponse de l\'Administration', dear='Monsieur le Directeur,',
               intro=f"Me référant à la Circulaire TSB {CIRCULAR}, j'ai l'honneur de vous faire connaître la position de "
                     "l'Administration sur les projets de texte déterminés :",
               A=f"l'Administration autorise la Commission d'études {SG} à examiner ce projet en vue de son approbation, sans commentaires.",
               W=f"l'Administration autorise la Commission d'études {SG} à examiner ce projet en vue de son approbation, "
                 "avec les commentaires suivants :",
               U=f"l'Administration autorise la Commission d'études {SG} à examiner ce projet en vue de son approbation.",
               N=f"l'Administration n'autorise pas la Commission d'études {SG} à examiner ce projet, pour les motifs suivants :",
               sign='Veuillez agréer, Monsieur le Directeur, l\'assurance de ma haute considération.'),
    'es': dict(to=['Director de la Oficina de Normalización de las Telecomunicaciones', 'Unión Internacional de Telecomunicaciones',
                   'Place des Nations, CH-1211 Ginebra 20'],
               subj=f'Asunto: Circular TSB {CIRCULAR} – respuesta de la Administración', dear='Señor Director:',
               intro=f'En relación con la Circular TSB {CIRCULAR}, me complace comunicarle la posición de esta Administración '
                     'sobre los proyectos de texto determinados:',
               A=f'la Administración autoriza a la Comisión de Estudio {SG} a examinar este proyecto con miras a su aprobación, '
                 'sin comentarios.',
               W=f'la Administración autoriza a la Comisión de Estudio {SG} a examinar este proyecto, con los comentarios siguientes:',
               U=f'la Administración autoriza a la Comisión de Estudio {SG} a examinar este proyecto con miras a su aprobación.',
               N=f'la Administración no autoriza a la Comisión de Estudio {SG} a examinar este proyecto, por los motivos siguientes:',
               sign='Atentamente,'),
    'ru': dict(to=['Директору Бюро стандартизации электросвязи', 'Международный союз электросвязи',
                   'Place des Nations, CH-1211 Geneva 20'],
               subj=f'Тема: Циркуляр {CIRCULAR} БСЭ – ответ Администрации', dear='Уважаемый господин Директор!',
               intro=f'Ссылаясь на Циркуляр {CIRCULAR} БСЭ, сообщаем позицию Администрации по определенным проектам текстов:',
               A=f'Администрация уполномочивает {SG}-ю Исследовательскую комиссию рассмотреть проект для утверждения, замечаний нет.',
               W=f'Администрация уполномочивает {SG}-ю Исследовательскую комиссию рассмотреть проект для утверждения, '
                 'со следующими замечаниями:',
               U=f'Администрация уполномочивает {SG}-ю Исследовательскую комиссию рассмотреть проект для утверждения.',
               N=f'Администрация не уполномочивает {SG}-ю Исследовательскую комиссию рассматривать проект по следующим причинам:',
               sign='С уважением,'),
    'ar': dict(to=['مدير مكتب تقييس الاتصالات', 'الاتحاد الدولي للاتصالات', 'Place des Nations, CH-1211 Geneva 20'],
               subj=f'الموضوع: الرسالة المعممة {CIRCULAR} – رد الإدارة', dear='السيد المدير،',
               intro=f'بالإشارة إلى الرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات، يشرفني أن أبلغكم بموقف الإدارة من مشاريع النصوص المحددة:',
               A=f'تأذن الإدارة للجنة الدراسات {SG} بالنظر في هذا المشروع بغرض الموافقة عليه، بدون تعليقات.',
               W=f'تأذن الإدارة للجنة الدراسات {SG} بالنظر في هذا المشروع، مع التعليقات التالية:',
               U=f'تأذن الإدارة للجنة الدراسات {SG} بالنظر في هذا المشروع بغرض الموافقة عليه.',
               N=f'لا تأذن الإدارة للجنة الدراسات {SG} بالنظر في هذا المشروع، للأسباب التالية:',
               sign='وتفضلوا بقبول فائق الاحترام،'),
}
LETTER['zh'] = LETTER['en']
