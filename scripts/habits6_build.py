"""Builds one document of scripts/make-habits6-fixtures.py: a blank form of TSB Circular 331 or a
reply (cover letter + filled form) filled in one of the ways listed there (habits6_lib.py has the
writer and the form's words).

A reply's spec gives, per draft, a code: A (authorize, no comments), W (authorize, comments), U
(authorize, no option), N (does not authorize), C (a person must decide; `render` says what is drawn
where it is not simply both decisions), - (no reply).

Marks (`mark`, per draft `mark_by` overrides it):
  glyph      ☐ → ☒ and ⃝ → ● typed
  webdings   ☐ / ⃝ → the Webdings tick (w:sym w:font="Webdings" w:char="F061")
  tickpic    ☐ / ⃝ → an inline PNG picture of a tick
  xcell      ☐ / ⃝ deleted and "X" typed in its place (nested layout: the box's own cell)
  shade_box  the ☐ / ⃝ of the chosen lines given a black character shading (looks like ■ / ●)
  boxtable   the ☐ / ⃝ deleted and a bordered one-cell table holding "X" put before the line
  rect       boxes untouched; a red rectangle (anchored shape) drawn round the chosen lines
  pbdr       boxes untouched; the chosen lines given a paragraph border (Borders > Outside Borders)
  boldu      boxes untouched; the chosen lines bold and underlined (only they)
  indraft    boxes untouched; the answer typed into the draft's cell under its name
  yesno      boxes untouched; a column added at the right, YES / NO on each row (the option in words)
  tickcol    a column added at the right, ✓ on the chosen decision's row; the option's ⃝ → ✓
  general    boxes untouched; a row "General comment: … authorizes all the drafts …" added under the table
  track      a reviewer's marks under Track Changes: ☐ deleted (w:del), ☒ inserted (w:ins); `was` (per draft):
             the answer first marked, its ☒ deleted and ☐ put back (tracked)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits6_lib import (CHOSEN, CIRCLE, CIRCULAR, CL, KEYS, L, L_OLD, LAYOUT, LINES, Doc, draft_name, package,  # noqa: E402
                         short, signature_png, tick_png)

IND = {  # the answer typed into the draft's cell
    'en': {'A': '– we agree, no comments', 'W': '– we agree, comments below', 'N': '– we do not agree, reasons below'},
    'fr': {'A': "– d'accord, pas de commentaires", 'W': '– d\'accord, commentaires ci-dessous', 'N': "– pas d'accord, motifs ci-dessous"},
    'es': {'A': '– de acuerdo, sin comentarios', 'W': '– de acuerdo, comentarios abajo', 'N': '– no estamos de acuerdo, motivos abajo'},
    'ru': {'A': '– согласны, замечаний нет', 'W': '– согласны, замечания ниже', 'N': '– не согласны, причины ниже'},
    'ar': {'A': '– موافق، بدون تعليقات', 'W': '– موافق، التعليقات أدناه', 'N': '– غير موافق، الأسباب أدناه'},
    'zh': {'A': '——同意，无意见', 'W': '——同意，意见见下', 'N': '——不同意，理由见下'},
}
YESNO_OPT = {  # what is typed in the added column beside the options
    'en': {'no': '(no comments)', 'wc': '(comments attached)'}, 'fr': {'no': '(sans commentaires)', 'wc': '(commentaires joints)'},
    'es': {'no': '(sin comentarios)', 'wc': '(con comentarios)'}, 'ru': {'no': '(без замечаний)', 'wc': '(с замечаниями)'},
    'ar': {'no': '(بدون تعليقات)', 'wc': '(مع تعليقات)'}, 'zh': {'no': '（无意见）', 'wc': '（附意见）'},
}
TICK = '\u2713'


class Builder:
    def __init__(self, spec):
        self.s = spec
        self.lang = spec['lang']
        self.blank = spec.get('blank', False)
        self.lab = (L_OLD if spec.get('old_form') else L)[self.lang]
        self.cl = CL[self.lang]
        self.tcl = CL[spec.get('tlang', self.lang)] if spec.get('tlang', self.lang) in CL else CL['en']
        self.d = Doc(self.lang, author=spec.get('author', 'User'))
        self.layout = LAYOUT[self.lang]
        self.later = []   # (key, text) for table2 / contpage / letter

    # ---- the truth and what is drawn ----
    def code(self, key):
        return '-' if self.blank else self.s['codes'][key]

    def rcode(self, key):
        c = self.code(key)
        return self.s.get('render', {}).get(key, c)

    def mark(self, key=None):
        if self.blank:
            return 'blank'
        return self.s.get('mark_by', {}).get(key, self.s.get('mark', 'glyph'))

    def on(self, key, line):
        return line in CHOSEN[self.rcode(key)] or self.s.get('extra', {}).get(key, {}).get(line) is not None

    def text(self, key):
        if self.blank:
            return ''
        return self.s.get('texts', {}).get(key, '') or self.s.get('ctext', {}).get(key, '')

    def place(self, key):
        return self.s.get('place_by', {}).get(key, self.s.get('place', 'under'))

    def text_line(self, key):
        rc = self.rcode(key)
        return self.s.get('text_at', {}).get(key) or ('na' if rc == 'N' else 'wc' if rc == 'W' else 'no')

    # ---- a line's pieces ----
    def empty_box(self, line):
        d = self.d
        return d.r('☐', font='MS Gothic') if line in ('auth', 'na') else d.r(CIRCLE)

    def box(self, key, line):
        d = self.d
        m = self.mark(key)
        dec = line in ('auth', 'na')
        on = self.on(key, line)
        if m == 'track' or self.s.get('was', {}).get(key):
            was = self.s.get('was', {}).get(key)
            full = d.r('☒', font='MS Gothic') if dec else d.r('●')
            before = line in CHOSEN[was] if was else False
            if on and not before:
                return d.dele(self.empty_box(line)) + d.ins(full)
            if before and not on:
                return d.dele(full) + d.ins(self.empty_box(line))
            return full if on else self.empty_box(line)
        if not on or m in ('blank', 'rect', 'pbdr', 'boldu', 'indraft', 'yesno', 'general'):
            return self.empty_box(line)
        if m == 'glyph':
            return d.r('☒', font='MS Gothic') if dec else d.r('●')
        if m == 'webdings':
            return d.sym('F061', font='Webdings')
        if m == 'tickpic':
            return d.image(tick_png(), 'tick.png', 'Tick', 150000, 150000)
        if m == 'xcell':
            return d.r('X', b=True)
        if m == 'shade_box':
            ch = '☐' if dec else '\u00a0' + CIRCLE + '\u00a0'
            font = '<w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic" w:eastAsia="MS Gothic"/>' if dec else ''
            return f'<w:r><w:rPr>{font}<w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:rPr><w:t>{ch}</w:t></w:r>'
        if m == 'boxtable':
            return ''  # the box is a table put before the paragraph (see line_paras)
        if m == 'tickcol':
            return self.empty_box(line) if dec else d.r(TICK, font='Segoe UI Symbol')
        raise ValueError(m)

    def label(self, key, line):
        d, lab = self.d, self.lab
        m = self.mark(key)
        f = {}
        if m == 'boldu' and self.on(key, line):
            f = dict(b=True, u='single')
        if line == 'auth':
            runs = d.r(lab['auth_kw'], b=True, **{k: v for k, v in f.items() if k != 'b'}) + d.r(lab['auth'], **f)
        elif line == 'na':
            runs = d.r(lab['na_kw'], b=True, **{k: v for k, v in f.items() if k != 'b'}) + d.r(lab['na'], **f)
        else:
            runs = d.r(lab[line], **f)
        return runs

    def pre(self, key, line):
        """Runs put at the start of the line's paragraph: the red rectangle."""
        if self.mark(key) != 'rect' or self.blank:
            return ''
        if line == 'name' and key not in self.s.get('rect_span', {}):
            return ''
        span = self.s.get('rect_span', {}).get(key)
        if span and line == 'name':  # one rectangle round both rows: anchored in the draft's (merged) cell
            return self.d.rect(cx=self.s.get('rect_cx', 3950000), cy=span, dx=1690000, dy=-20000).replace(
                'layoutInCell="1"', 'layoutInCell="0"')
        if not self.on(key, line) or span:
            return ''
        cy = {'auth': 580000, 'na': 760000}.get(line, 220000)
        return self.d.rect(cx=self.s.get('rect_cx', 3950000) if line in ('auth', 'na') else 3500000, cy=cy)

    def boxtable(self):
        d = self.d
        cell = d.tc(d.p(d.r('X', b=True), jc='center'), 340)
        return d.table([d.tr([cell])], [340]).replace('<w:tblW w:w="340" w:type="dxa"/>',
                                                        '<w:tblW w:w="340" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>')

    def under(self, key, line):
        """Reasons typed after the line ([] when not here)."""
        t = self.text(key)
        if not t or self.text_line(key) != line:
            return []
        pl = self.place(key)
        if pl == 'under':
            return t.split('\n')
        if pl in ('table2', 'contpage', 'letter') and (key, t) not in self.later:
            self.later.append((key, t))
        return []

    def line_paras(self, key, line):
        """The classic layout: the line's paragraph, then the reasons under it."""
        d = self.d
        ind = 'w:left="340" w:hanging="340"' if line in ('auth', 'na') else 'w:left="680" w:hanging="340"'
        out = []
        if self.mark(key) == 'boxtable' and self.on(key, line):
            out.append(self.boxtable())
        body = self.pre(key, line) + self.box(key, line) + d.r(' ') + self.label(key, line)
        para = d.p(body, ind=ind)
        if self.mark(key) == 'pbdr' and self.on(key, line):
            para = self.pbdr(para)
        out.append(para)
        out += [d.p(d.r(t), ind='w:left="680"') for t in self.under(key, line)]
        return out

    @staticmethod
    def pbdr(para):
        b = ''.join(f'<w:{s} w:val="single" w:sz="12" w:space="2" w:color="C00000"/>' for s in ('top', 'left', 'bottom', 'right'))
        if '<w:pPr>' in para:
            return para.replace('<w:pPr>', f'<w:pPr><w:pBdr>{b}</w:pBdr>', 1)
        return para.replace('<w:p>', f'<w:p><w:pPr><w:pBdr>{b}</w:pBdr></w:pPr>', 1)

    def name_cell_paras(self, key):
        d = self.d
        name = d.r(draft_name(self.lang, key), b=True)
        c = self.s.get('comment_by', {}).get(key)
        if c and not self.blank:
            cid = d.comment(c)
            name = d.c_start(cid) + name + d.c_end(cid)
        out = [d.p(self.pre(key, 'name') + name)]
        if self.mark(key) == 'indraft' and self.code(key) in IND[self.lang]:
            out.append(d.p(d.r(IND[self.lang][self.rcode(key)], b=True, color='1F3864')))
            t = self.text(key)
            if t and self.place(key) == 'draftcell':
                out += [d.p(d.r(ln, i=True)) for ln in t.split('\n')]
        return out

    # ---- layouts ----
    def added_col(self, key, lines):
        """The text of the added column on a row holding `lines`."""
        d, cl = self.d, self.cl
        m = self.mark(key)
        rc = self.rcode(key)
        if rc == '-':
            return [d.p('')]
        if m == 'yesno':
            if 'auth' in lines:
                dec_on = 'auth' in CHOSEN[rc]
                paras = [d.p(d.r(cl['yes'] if dec_on else cl['noword'], b=True), jc='center')]
                opt = next((o for o in ('no', 'wc') if o in CHOSEN[rc]), None)
                if dec_on and opt:
                    paras.append(d.p(d.r(YESNO_OPT[self.lang][opt], sz=18), jc='center'))
            else:
                paras = [d.p(d.r(cl['yes'] if 'na' in CHOSEN[rc] else cl['noword'], b=True), jc='center')]
            t = self.text(key)
            if t and self.place(key) == 'col' and self.text_line(key) in lines:
                paras += [d.p(d.r(ln, sz=18)) for ln in t.split('\n')]
            return paras
        if m == 'tickcol':
            dec = 'auth' if 'auth' in lines else 'na'
            return [d.p(d.r(TICK, font='Segoe UI Symbol', b=True, sz=28) if dec in CHOSEN[rc] else '', jc='center')]
        return [d.p('')]

    def form_classic(self):
        d, cl = self.d, self.cl
        col = not self.blank and self.s.get('mark') in ('yesno', 'tickcol')
        grid = [2400, 5438, 1800] if col else [2800, 6838]
        head = [d.tc(d.p(d.r(cl['col_draft'], b=True)), grid[0], shd='F2F2F2'),
                d.tc(d.p(d.r(cl['col_pos'], b=True)), grid[1], shd='F2F2F2')]
        if col:
            head.append(d.tc(d.p(d.r(self.s.get('col_head', cl['yes'] + '/' + cl['noword']), b=True), jc='center'), grid[2],
                             shd='F2F2F2'))
        rows = [d.tr(head, header=True)]
        for key in KEYS:
            c1 = [d.tc(self.name_cell_paras(key), grid[0], vmerge='restart'),
                  d.tc(sum((self.line_paras(key, ln) for ln in ('auth', 'no', 'wc')), []), grid[1])]
            c2 = [d.tc(d.p(''), grid[0], vmerge='cont'), d.tc(self.line_paras(key, 'na'), grid[1])]
            if col:
                c1.append(d.tc(self.added_col(key, ('auth', 'no', 'wc')), grid[2], valign='center'))
                c2.append(d.tc(self.added_col(key, ('na',)), grid[2], valign='center'))
            rows.append(d.tr(c1, cant_split=True))
            rows.append(d.tr(c2, cant_split=True))
        rows += self.general_row(sum(grid), len(grid))
        return d.table(rows, grid)

    def general_row(self, w, span):
        d = self.d
        g = None if self.blank else self.s.get('general')
        if not g:
            return []
        paras = [d.p(d.r(self.cl['general'] + ' ', b=True) + d.r(g[0]))] + [d.p(d.r(t)) for t in g[1:]]
        return [d.tr([d.tc(paras, w, span=span)])]

    def form_nested(self):
        d, cl = self.d, self.cl
        grid = [2800, 6838]
        rows = [d.tr([d.tc(d.p(d.r(cl['col_draft'], b=True)), grid[0], shd='D9D9D9'),
                      d.tc(d.p(d.r(cl['col_pos'], b=True)), grid[1], shd='D9D9D9')], header=True)]
        ig = [520, 6100]
        for key in KEYS:
            inner = []
            for line in LINES:
                ind = None if line in ('auth', 'na') else 'w:left="340"'
                lab = self.pre(key, line) + self.label(key, line)
                lp = d.p(lab, ind=ind)
                if self.mark(key) == 'pbdr' and self.on(key, line):
                    lp = self.pbdr(lp)
                bx = self.box(key, line)
                if self.mark(key) == 'boxtable' and self.on(key, line):
                    bx = d.r('X', b=True)
                inner.append(d.tr([d.tc(d.p(bx, jc='center'), ig[0], valign='center'), d.tc(lp, ig[1])]))
                for t in self.under(key, line):
                    inner.append(d.tr([d.tc(d.p(d.r(t), ind='w:left="340"'), sum(ig), span=2)]))
            itbl = d.table(inner, ig).replace('<w:tblW w:w="6620" w:type="dxa"/>', '<w:tblW w:w="6620" w:type="dxa"/>'
                                              '<w:tblInd w:w="0" w:type="dxa"/>')
            rows.append(d.tr([d.tc(self.name_cell_paras(key), grid[0]), d.tc(itbl + d.p(''), grid[1])], cant_split=True))
        rows += self.general_row(sum(grid), 2)
        return d.table(rows, grid)

    def form_brlines(self):
        d, cl = self.d, self.cl
        grid = [2800, 6838]
        rows = [d.tr([d.tc(d.p(d.r(cl['col_draft'], b=True)), grid[0], shd='F2F2F2'),
                      d.tc(d.p(d.r(cl['col_pos'], b=True)), grid[1], shd='F2F2F2')], header=True)]
        for key in KEYS:
            runs = []
            for line in LINES:
                if runs:
                    runs.append('<w:r><w:br/></w:r>')
                if line == 'na' and not self.blank and self.s.get('x_between') == key:
                    runs.append(d.r('X', b=True, sz=28) + '<w:r><w:br/></w:r>')
                lead = d.r('\u00a0\u00a0\u00a0\u00a0') if line in ('no', 'wc') else ''
                runs.append(lead + self.pre(key, line) + self.box(key, line) + d.r(' ') + self.label(key, line))
                for t in self.under(key, line):
                    runs.append('<w:r><w:br/></w:r>' + d.r(t, i=True))
            rows.append(d.tr([d.tc(self.name_cell_paras(key), grid[0]), d.tc(d.p(''.join(runs)), grid[1])], cant_split=True))
        rows += self.general_row(sum(grid), 2)
        return d.table(rows, grid)

    # ---- the cover letter and the form around the table ----
    def letter(self):
        d, s, cl = self.d, self.s, self.cl
        out = []
        head = s.get('head', [])
        if s.get('head_part'):
            d.header = [d.p(d.r(ln, b=i == 0, sz=28 if i == 0 else 18, color='1F3864'), jc='center') for i, ln in enumerate(head)]
        else:
            out += [d.p(d.r(ln, b=i == 0, sz=28 if i == 0 else 18, color='1F3864'), jc='center') for i, ln in enumerate(head)]
        out.append(d.p(''))
        out.append(d.p(d.r(f"{cl['ref']} {s.get('ref', 'TSB/331')}")))
        out.append(d.p(d.r(s['date_text']), jc='left' if self.lang == 'ar' else 'right'))
        out += [d.p(d.r(t)) for t in cl['to']]
        out.append(d.p(''))
        out.append(d.p(d.r(cl['subj'].format(admin=s['admin']), b=True)))
        out.append(d.p(d.r(cl['dear'])))
        out.append(d.p(d.r(cl['body'].format(admin=s['admin']))))
        for p in s.get('body', []):
            out.append(d.p(d.r(p)))
        for key, t in [(k, t) for k, t in self.later if self.place(k) == 'letter']:
            out.append(d.p(d.r(self.tcl['reasons'].rstrip(':： ') + f' – {short(key)}: ', b=True) + d.r(t.replace('\n', ' '))))
        out.append(d.p(d.r(cl['close'])))
        if s.get('sig_image'):
            out.append(d.p(d.image(signature_png(), 'image1.png', 'Signature', 1440000, 400000)))
        else:
            out.append(d.p(''))
        out += [d.p(d.r(t)) for t in s.get('sign', [])]
        out.append(d.p(d.r(cl['encl'], i=True, sz=18)))
        out.append(d.page_break())
        return ''.join(out)

    def form_front(self):
        d, lab, s = self.d, self.lab, self.s
        out = [d.p(d.r(lab['annex']), b_style='AnnexNo'), d.p(d.r(lab['to_circ']), jc='center'),
               d.p(d.r(lab['subj'], b=True) + d.r(' ' + lab['subject']))]
        frm = lab['ph'] if self.blank else s['frm']
        left = [d.p(d.r(lab['to'], b=True))] + [d.p(d.r(t)) for t in lab['tsb']]
        right = [d.p(d.r(lab['frm'], b=True))] + [d.p(self.smart(t)) for t in frm]
        right.append(d.p(d.r(lab['fax'] + ' ' + ('' if self.blank else s.get('fax', '')))))
        right.append(d.p(d.r(lab['email'] + ' ' + ('' if self.blank else s.get('email', '')))))
        date = lab['dateph'] if self.blank else s.get('form_date', s['date_text'])
        right.append(d.p(d.r(lab['date'], b=True) + d.r(' ') + self.smart(date, 'date')))
        out.append(d.table([d.tr([d.tc(left, 4700), d.tc(right, 4938)])], [4700, 4938], borders=False))
        out.append(d.p(d.r(lab['dear'])))
        out.append(d.p(d.r(lab['intro'])))
        return ''.join(out)

    def smart(self, text, element='place'):
        """Word 2003 smart tags round places and dates (`smarttags`)."""
        r = self.d.r(text)
        if self.blank or not self.s.get('smarttags'):
            return r
        return (f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="{element}">'
                f'<w:smartTagPr><w:attr w:name="ProductID" w:val="{text[:20]}"/></w:smartTagPr>{r}</w:smartTag>')

    def form_back(self):
        d, lab, s = self.d, self.lab, self.s
        out = [d.p(''), d.p(d.r(lab['sign']))]
        out += [d.p(d.r(t)) for t in ([lab['sig_ph']] if self.blank else s.get('sign', []))]
        t2 = [(k, t) for k, t in self.later if self.place(k) == 'table2']
        if t2:
            cl = self.tcl
            rows = [d.tr([d.tc(d.p(d.r(cl['col_draft'], b=True)), 2800, shd='F2F2F2'),
                          d.tc(d.p(d.r(cl['tbl2'], b=True)), 6838, shd='F2F2F2')], header=True)]
            for k, t in t2:
                rows.append(d.tr([d.tc(d.p(d.r(short(k), b=True)), 2800), d.tc([d.p(d.r(ln)) for ln in t.split('\n')], 6838)]))
            out.insert(0, d.p('') + d.table(rows, [2800, 6838]))
        cp = [(k, t) for k, t in self.later if self.place(k) == 'contpage']
        if cp:
            cl = self.tcl
            out.append(d.page_break())
            out.append(d.p(d.r(cl['cont'], b=True, sz=26), jc='center'))
            for k, t in cp:
                out.append(d.p(d.r(short(k), b=True), keep=True))
                first, *more = t.split('\n')
                out.append(d.p(d.r(cl['reasons'] + ' ', b=True) + d.r(first)))
                out += [d.p(d.r(ln)) for ln in more]
        return ''.join(out)

    def build(self, path):
        form = {'classic': self.form_classic, 'nested': self.form_nested, 'brlines': self.form_brlines}[self.layout]()
        # the cover letter is written after the form so that reasons it carries are known
        front = self.form_front()
        back = self.form_back()
        body = ('' if self.blank else self.letter()) + front + form + back
        title = (f'TSB Circular {CIRCULAR} – reply form' if self.blank
                 else self.s.get('title', f'Reply to TSB Circular {297 if self.s.get("old_form") else CIRCULAR}'))
        creator = 'ITU' if self.blank else self.s.get('author', 'User')
        package(path, self.d, body, title, creator, '2026-10-15T10:00:00Z' if self.blank else self.s['date'] + 'T15:30:00Z')
