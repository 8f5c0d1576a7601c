"""Builds one reply (or the blank form) of TSB Circular 187 from a spec (for
scripts/make-habits3-fixtures.py). The marks are derived from the truth codes: the spec's habit
says *how* a person marked, its codes say *what*.

Codes per draft: A authorizes, no comments; W authorizes, comments attached; N does not authorize;
C both boxes marked (conflict); - not answered (or the draft deleted from the form).
"""

from habits3_docx import CIRCLE, DRAFTS, L, LAYOUT, MECH, COLS_FR, Doc, draft_name, package

CHOSEN = {'A': {'auth', 'no'}, 'W': {'auth', 'wc'}, 'U': {'auth'}, 'N': {'na'}, 'C': {'auth', 'no', 'na'}, '-': set()}
EMPHASIS = ('highlight', 'bold', 'color', 'strike', 'delete', 'cellshd', 'sentence', 'none')


class Builder:
    def __init__(self, spec):
        self.s = spec
        self.lang = spec['lang']
        self.lab = L[self.lang]
        self.d = Doc(self.lang, author=spec.get('author', 'User'))
        self.layout = LAYOUT[self.lang]
        self.after = []  # (key, kind, text) for headed paragraphs after the table
        self.blank = spec.get('blank', False)

    # ---- what the truth says ----
    def code(self, key):
        return self.s['codes'][key]

    def chosen(self, key, line):
        return line in CHOSEN[self.code(key)]

    def text(self, key):
        return self.s.get('texts', {}).get(key, '') if self.code(key) in ('N', 'W') else ''

    def place(self, key):
        return self.s.get('place_by', {}).get(key, self.s.get('place', 'cell'))

    def mark(self, key):
        return self.s.get('mark_by', {}).get(key, self.s.get('mark', 'native'))

    # ---- slots (the box or the circle before a line) ----
    def blank_slot(self, which):
        d, mech = self.d, MECH[self.lang][0 if which == 'box' else 1]
        if mech == 'glyph':
            return d.r('☐', font='MS Gothic')
        if mech == 'square':
            return d.r('□')
        if mech == 'circle':
            return d.r(CIRCLE)
        if mech == 'sym':
            return d.sym('F0A8')
        if mech == 'legacy':
            return d.legacy(False)
        if mech == 'cc':
            return d.cc(False)
        raise ValueError(mech)

    def native_checked(self, which):
        d, mech = self.d, MECH[self.lang][0 if which == 'box' else 1]
        if mech in ('glyph', 'square'):
            return d.r('☒', font='MS Gothic')
        if mech == 'circle':
            return d.r('●')
        if mech == 'sym':
            return d.sym('F0FE')
        if mech == 'legacy':
            return d.legacy(True, how=self.s.get('legacy_how', 'plain'))
        if mech == 'cc':
            return d.cc(True)
        raise ValueError(mech)

    def tracked_toggle(self, which, to_checked, glyph):
        """The box changed under tracked changes: the old glyph deleted, the new inserted."""
        d, mech = self.d, MECH[self.lang][0 if which == 'box' else 1]
        if mech == 'cc':
            old, new = ('☐', '☒') if to_checked else ('☒', '☐')
            font = '<w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
            content = d.dele(f'<w:r>{font}<w:t>{old}</w:t></w:r>') + d.ins(f'<w:r>{font}<w:t>{new}</w:t></w:r>')
            return d.cc(to_checked, content=content)
        on = d.r(glyph) if glyph else self.native_checked(which)
        off = self.blank_slot(which)
        return d.dele(off) + d.ins(on) if to_checked else d.dele(on) + d.ins(off)

    def slot(self, key, line):
        """(runs in the box's place, runs right after it, runs at the end of the line)."""
        d = self.d
        which = 'box' if line in ('auth', 'na') else 'opt'
        if self.blank:
            return self.blank_slot(which), '', ''
        on = self.chosen(key, line)
        m = self.mark(key)
        mind = self.s.get('mind', {}).get(key)
        if mind is not None:
            before = line in CHOSEN[mind]
            if before != on:
                return self.tracked_toggle(which, on, self.s.get('tglyph')), '', ''
            if on:
                return self.native_checked(which) if not self.s.get('tglyph') else d.r(self.s['tglyph']), '', ''
            return self.blank_slot(which), '', ''
        if not on:
            return self.blank_slot(which), '', ''
        opt = self.s.get('opt')
        if which == 'opt' and opt and m != 'tracked':
            if opt == 'x_next':
                return self.blank_slot(which), d.r(' X', b=True), ''
            return d.r(opt), '', ''
        if m == 'native':
            return self.native_checked(which), '', ''
        if m.startswith('glyph:'):
            return d.r(m.split(':', 1)[1], font=self.s.get('glyph_font')), '', ''
        if m == 'x_next':
            return self.blank_slot(which), d.r(' X', b=True), ''
        if m == 'tracked_x':
            return self.blank_slot(which), d.ins(d.r(' Х', b=True)), ''
        if m.startswith('word:'):
            w = m.split(':', 1)[1]
            if self.layout == 'columns':
                return d.r(w, b=True), '', ''
            return self.blank_slot(which), '', d.r('  ' + w, b=True)
        if m == 'tracked':
            g = self.s.get('tglyph')
            if which == 'opt' and opt:
                g = opt
            return self.tracked_toggle(which, True, g), '', ''
        if m in EMPHASIS:
            return self.blank_slot(which), '', ''
        raise ValueError(m)

    def line_fmt(self, key, line):
        if self.blank:
            return {}
        m = self.mark(key)
        on = self.chosen(key, line)
        if on and m == 'highlight':
            return {'hl': self.s.get('hl', 'yellow')}
        if on and m == 'bold':
            return {'b': True}
        if on and m == 'color':
            return {'color': self.s.get('color', 'C00000')}
        if not on and m == 'strike' and self.code(key) != '-':
            return {'strike': True}
        return {}

    def keeps(self, key, line):
        if self.blank or self.mark(key) != 'delete' or self.code(key) == '-':
            return True
        return self.chosen(key, line)

    # ---- one line: (paragraph runs, paragraphs under it inside the same cell) ----
    def line_runs(self, key, line):
        d, lab = self.d, self.lab
        f = self.line_fmt(key, line)
        slot, after, end = self.slot(key, line)
        sep = d.r(' ', **f) if self.lang != 'zh' else d.r(' ', **f)
        if line == 'auth':
            label = d.r(lab['auth_kw'], **dict(f, b=True)) + d.r(lab['auth'], **f)
        elif line == 'na':
            label = d.r(lab['na_kw'], **dict(f, b=True)) + d.r(lab['na'], **f)
        else:
            label = d.r(lab[line], **f)
        runs = [slot, after, sep, label, end]
        under = []
        t = self.text(key)
        target = 'na' if self.code(key) == 'N' else 'wc'
        if t and line == target:
            p = self.place(key)
            if p == 'footnote':
                runs.append(d.footnote(t))
            elif p == 'inline':
                runs.append(d.r(' ' + t.replace('\n', ' ')))
            elif p in ('cell', 'under'):
                under = [d.p(d.r(tl), ind='w:left="360"' if line != 'na' else None) for tl in t.split('\n')]
            elif p == 'after':
                self.after.append((key, 'reasons' if target == 'na' else 'comments', t))
        return runs, under

    def text_rows_wanted(self, key):
        t = self.text(key)
        return t if t and self.place(key) == 'row' else ''

    def comment_for(self, key):
        t = self.text(key)
        return self.d.comment(t) if t and self.place(key) == 'comment' else None

    # ---- the drafts, per layout ----
    def drafts(self):
        out = []
        keys = [k for k, _, _ in DRAFTS if k != self.s.get('delete_draft')]
        if self.s.get('one_for_all'):
            keys = keys[:1]
        return [(k, p, kind) for k, p, kind in DRAFTS if k in keys]

    def name(self, key, prov, kind):
        if self.s.get('one_for_all'):
            return self.s['all_name']
        return draft_name(self.lang, key, prov, kind)

    def std_table(self):
        d = self.d
        W1, W2 = 2800, 6838
        rows = []
        for key, prov, kind in self.drafts():
            cid = self.comment_for(key)
            name_p = d.p(([d.c_start(cid)] if cid is not None else []) + [d.r(self.name(key, prov, kind), b=True)])
            r1 = []
            for line in ('auth', 'no', 'wc'):
                if self.keeps(key, line):
                    runs, under = self.line_runs(key, line)
                    r1.append([runs, under, 'w:left="567"' if line != 'auth' else None])
            r2 = []
            if self.keeps(key, 'na'):
                runs, under = self.line_runs(key, 'na')
                r2.append([runs, under, None])
            last = r2 or r1
            if cid is not None:
                last[-1][0].append(d.c_end(cid))
            row_text = self.text_rows_wanted(key)
            paras = lambda lines: [d.p(rr, ind=ind) + ''.join(u) for rr, u, ind in lines]  # noqa: E731
            n_rows = (1 if r1 else 0) + (1 if r2 else 0) + (1 if row_text else 0)
            first = True
            for lines in (r1, r2):
                if not lines:
                    continue
                vm = ('restart' if first else 'cont') if n_rows > 1 else None
                rows.append(d.tr([d.tc(name_p if first else '', W1, vmerge=vm), d.tc(paras(lines), W2)], cant_split=True))
                first = False
            if row_text:
                rows.append(d.tr([d.tc('', W1, vmerge='cont'), d.tc([d.p(d.r(t)) for t in row_text.split('\n')], W2)]))
        return [d.table(rows, [W1, W2])]

    def tables(self):
        d = self.d
        W1, W2 = 700, 8938
        out = []
        for key, prov, kind in self.drafts():
            cid = self.comment_for(key)
            rows = [d.tr([d.tc(d.p(([d.c_start(cid)] if cid is not None else []) + [d.r(self.name(key, prov, kind), b=True)], keep=True),
                               W1 + W2, span=2, shd='D9E2F3')], cant_split=True)]
            body = []
            for box_line, lines in (('auth', ('auth', 'no', 'wc')), ('na', ('na',))):
                if not self.keeps(key, box_line):
                    continue
                box_runs = None
                paras = []
                for line in lines:
                    if not self.keeps(key, line):
                        continue
                    runs, under = self.line_runs(key, line)
                    if line == box_line:
                        box_runs = runs[:2]
                        runs = runs[3:]
                        paras.append([runs, under, None])
                    else:
                        paras.append([runs, under, 'w:left="340"'])
                body.append([box_runs, paras])
            if cid is not None:
                body[-1][1][-1][0].append(d.c_end(cid))
            for box_runs, paras in body:
                rows.append(d.tr([d.tc(d.p(box_runs, jc='center'), W1, valign='top'),
                                  d.tc([d.p(rr, ind=ind) + ''.join(u) for rr, u, ind in paras], W2)], cant_split=True))
            row_text = self.text_rows_wanted(key)
            if row_text:
                rows.append(d.tr([d.tc([d.p(d.r(t)) for t in row_text.split('\n')], W1 + W2, span=2)]))
            out.append(d.table(rows, [W1, W2]))
            out.append(d.p(''))
        return out

    def columns(self):
        d = self.d
        W = [3238, 2100, 2100, 2200]
        c = COLS_FR
        rows = [d.tr([d.tc(d.p(d.r(c['draft'], b=True), jc='center'), W[0], vmerge='restart', shd='F2F2F2', valign='center'),
                      d.tc(d.p(d.r(c['auth'], b=True), jc='center'), W[1] + W[2], span=2, shd='F2F2F2'),
                      d.tc(d.p(d.r(c['na'], b=True), jc='center'), W[3], vmerge='restart', shd='F2F2F2', valign='center')],
                     header=True),
                d.tr([d.tc('', W[0], vmerge='cont', shd='F2F2F2'), d.tc(d.p(d.r(c['no']), jc='center'), W[1], shd='F2F2F2'),
                      d.tc(d.p(d.r(c['wc']), jc='center'), W[2], shd='F2F2F2'), d.tc('', W[3], vmerge='cont', shd='F2F2F2')],
                     header=True)]
        for key, prov, kind in self.drafts():
            cid = self.comment_for(key)
            cells = [d.tc(d.p(([d.c_start(cid)] if cid is not None else []) + [d.r(self.name(key, prov, kind))]), W[0])]
            for i, line in enumerate(('no', 'wc', 'na'), start=1):
                on = not self.blank and self.chosen(key, line)
                m = self.mark(key)
                if not self.blank and m == 'delete' and not on and self.code(key) != '-':
                    slot = ''
                else:
                    slot, after, _ = self.slot(key, line)
                    slot += after
                paras = [slot]
                t = self.text(key)
                target = 'na' if self.code(key) == 'N' else 'wc'
                fn = ''
                if t and line == target and self.place(key) == 'footnote':
                    fn = d.footnote(t)
                if cid is not None and i == 3:
                    fn += d.c_end(cid)
                ps = [d.p([slot, fn], jc='center')]
                if t and line == target and self.place(key) == 'cell':
                    ps += [d.p(d.r(tl, sz=20)) for tl in t.split('\n')]
                if t and line == target and self.place(key) == 'after':
                    self.after.append((key, 'reasons' if target == 'na' else 'comments', t))
                shd = 'FFFF00' if (not self.blank and on and m == 'cellshd') else None
                cells.append(d.tc(ps, W[i], shd=shd, valign='center'))
            rows.append(d.tr(cells, cant_split=True))
            row_text = self.text_rows_wanted(key)
            if row_text:
                rows.append(d.tr([d.tc([d.p(d.r(t)) for t in row_text.split('\n')], sum(W), span=4)]))
        return [d.table(rows, W)]

    def paras(self):
        d = self.d
        out = []
        for key, prov, kind in self.drafts():
            cid = self.comment_for(key)
            out.append(d.p(([d.c_start(cid)] if cid is not None else []) + [d.r(self.name(key, prov, kind), b=True, u='single')],
                           keep=True, spacing='w:before="200" w:after="60"'))
            block = []
            for line in ('auth', 'no', 'wc', 'na'):
                if self.keeps(key, line):
                    runs, under = self.line_runs(key, line)
                    block.append([runs, under, 'w:left="720"' if line in ('no', 'wc') else 'w:left="360" w:hanging="360"'])
            if cid is not None:
                block[-1][0].append(d.c_end(cid))
            for rr, u, ind in block:
                out.append(d.p(rr, ind=ind))
                out.extend(u)
            row_text = self.text_rows_wanted(key)
            if row_text:
                out.extend(d.p(d.r(t)) for t in row_text.split('\n'))
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
                                                d.p(d.r(lab['email'] + ' tsbsg17@itu.int'))], W2)]),
                d.tr([d.tc(d.p(d.r(lab['frm'], b=True)), W1), d.tc(frm, W2)]),
                d.tr([d.tc(d.p(d.r(lab['date'], b=True)), W1), d.tc(date, W2)]),
                d.tr([d.tc(d.p(d.r(lab['subj'], b=True)), W1), d.tc(d.p(d.r(lab['subject'], b=True)), W2)])]
        out.append(d.table(rows, [W1, W2], borders=False))
        out += [d.p(''), d.p(d.r(lab['dear'])), d.p(d.r(lab['intro']))]
        return out

    def build(self, path):
        d, s, lab = self.d, self.s, self.lab
        if s.get('header'):
            d.header = [d.p(d.r(t, b=i == 0, sz=20 if i else 24), jc='center', b_style='Header')
                        for i, t in enumerate(s['header'])]
        body = self.front()
        body += {'std': self.std_table, 'legacy': self.std_table, 'cc': self.std_table, 'circles': self.std_table,
                 'tables': self.tables, 'columns': self.columns, 'paras': self.paras}[self.layout]()
        for key, kind, t in self.after:
            prov = next(p for k, p, _ in DRAFTS if k == key)
            n = key + (f' ({prov})' if prov else '')
            body.append(d.p(d.r(lab[kind].format(n=n), b=True), spacing='w:before="240"'))
            body += [d.p(d.r(tl)) for tl in t.split('\n')]
        for para in s.get('sentence', []):
            body.append(d.p(d.r(para)))
        body.append(d.p(''))
        body.append(d.p(d.r(lab['sign'])))
        body.append(d.p(''))
        if self.blank:
            body.append(d.p(d.r(lab['sig_ph'])))
        else:
            body += [d.p(d.r(t)) for t in s.get('sign', [])]
        title = f'TSB Circular {187} - Annex 2' if self.blank else s.get('title', f'Reply to TSB Circular 187')
        package(path, d, ''.join(body), title, s.get('author', 'TSB'), s.get('modified', '2026-10-20T09:00:00Z'))
        return d
