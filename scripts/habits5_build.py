"""Builds one document of scripts/make-habits5-fixtures.py: a blank form of TSB Circular 318 or a
reply filled in one of the ways listed in make-habits5-fixtures.py (habits5_form.py has the writer
and the layouts).

A reply's spec gives, per draft, a code: A (authorize, no comments), W (authorize, comments), U
(authorize, no option), N (does not authorize), C (conflict: both decisions), - (no reply), Q (a
person must decide: the page shows something contradictory; `render` then says what is drawn).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits5_form import CHOSEN, CIRCULAR, F, KEYS, L, LAYOUT, Doc, draft_name, package, short  # noqa: E402

EMOJI_TICK = '\u2714\ufe0f'   # ✔️ (heavy check mark, emoji presentation)
EMOJI_CROSS = '\u2716\ufe0f'  # ✖️
EMOJI_FONT = 'Segoe UI Emoji'
DD_INDEX = {'A': 1, 'W': 2, 'N': 3, '-': 0}


class Builder:
    def __init__(self, spec):
        self.s = spec
        self.lang = spec['lang']
        self.lab = L[self.lang]
        self.f = F[self.lang]
        self.tl = spec.get('tlang', self.lang)
        self.d = Doc(self.lang, author=spec.get('author', 'User'))
        self.layout = LAYOUT[self.lang]
        self.blank = spec.get('blank', False)
        self.later = []  # (key, text) written after the signature (page2 / ps)

    # ---- the truth and what is drawn ----
    def code(self, key):
        return '-' if self.blank else self.s['codes'][key]

    def rcode(self, key):
        c = self.code(key)
        return self.s.get('render', {}).get(key, c) if c in 'Q' or key in self.s.get('render', {}) else c

    def mark(self):
        return 'blank' if self.blank else self.s.get('mark', 'native')

    def text(self, key):
        return '' if self.blank else self.s.get('texts', {}).get(key, '')

    def place(self, key):
        return self.s.get('place_by', {}).get(key, self.s.get('place', 'under'))

    def text_line(self, key, rc):
        return self.s.get('text_at', {}).get(key) or ('na' if rc == 'N' else 'wc')

    def extra(self, key, line):
        """A second kind of mark on one line of one draft (the contradictory replies): 'wavy', 'hl', 'x', 'emoji'."""
        return None if self.blank else self.s.get('extra', {}).get(key, {}).get(line)

    def state(self, key, line, rc):
        """How the line's box looks: None (as sent), 'on' (the form's own checked mark), 'emoji', 'cross', 'cc'."""
        m = self.mark()
        on = line in CHOSEN[rc]
        if self.extra(key, line) == 'emoji':
            return 'emoji'
        special = self.s.get('special', {}).get(key)
        if special == 'cross_only':
            return 'cross' if line == 'na' else None
        if m == 'native':
            return 'on' if on else None
        if m == 'emoji':
            return 'emoji' if on else None
        if m == 'emoji2':
            if on:
                return 'emoji'
            ch = CHOSEN[rc]
            if ch and (line in ('auth', 'na') or 'auth' in ch):
                return 'cross'
            return None
        if m == 'cc_custom':
            return 'cc' if on else None
        return None

    def label_fmt(self, key, line, rc):
        m = self.mark()
        on = line in CHOSEN[rc]
        ex = self.extra(key, line)
        if (m == 'wavy' and on) or ex == 'wavy':
            return dict(u='wave')
        if m == 'dunderline' and on:
            return dict(u='double')
        if (m == 'hl' and on) or ex == 'hl':
            return dict(hl=self.s.get('hl_color', 'yellow'))
        if m == 'grey' and not on and CHOSEN[rc]:
            return dict(color='A6A6A6')
        if m == 'redstrike' and not on and CHOSEN[rc]:
            return dict(color='FF0000', strike=True)
        return {}

    def suffix(self, key, line, rc):
        out = ''
        if (self.mark() == 'x_after' and line in CHOSEN[rc]) or self.extra(key, line) == 'x':
            out += self.d.r('  ' + self.s.get('x_char', 'x'))
        return out + self.note_ref(key, line, rc)

    def note_ref(self, key, line, rc):
        """A footnote or endnote reference at the end of the line the reasons belong to."""
        t = self.text(key)
        if not t or self.text_line(key, rc) != line or self.place(key) not in ('footnote', 'endnote'):
            return ''
        return self.d.footnote(t) if self.place(key) == 'footnote' else self.d.endnote(t)

    def finish(self, key, line, rc, para):
        """What was done to a whole line's paragraph: deleted outright, deleted under Track Changes, shaded."""
        m = self.mark()
        on = line in CHOSEN[rc]
        if m in ('deleted', 'tracked_del') and not on and CHOSEN[rc]:
            return '' if m == 'deleted' else self.d.del_para(para)
        if m == 'shade' and on:
            return self.d.theme_shade(para)
        return para

    # ---- pieces ----
    def label(self, key, line, rc):
        d, lab = self.d, self.lab
        f = self.label_fmt(key, line, rc)
        if line == 'auth':
            runs = d.r(lab['auth_kw'], b=True, **f) + d.r(lab['auth'], **f)
        elif line == 'na':
            runs = d.r(lab['na_kw'], b=True, **f) + d.r(lab['na'], **f)
        else:
            runs = d.r(lab[line], **f)
        return runs + self.suffix(key, line, rc)

    def glyph_box(self, line, st):
        d = self.d
        dec = line in ('auth', 'na')
        if st is None:
            return d.r('☐' if dec else '○', font='MS Gothic' if dec else 'Arial')
        if st == 'on':
            return d.r('☒' if dec else '●', font='MS Gothic' if dec else 'Arial')
        if st == 'emoji':
            return d.r(self.s.get('emoji', EMOJI_TICK), font=EMOJI_FONT)
        if st == 'cross':
            return d.r(self.s.get('emoji_cross', EMOJI_CROSS), font=EMOJI_FONT)
        if st == 'cc':
            return d.cc5(True, on=('2713', 'Segoe UI Symbol'))
        raise ValueError(st)

    def typed_prefix(self, st):
        """Bullet and remarks layouts: what is typed at the start of the line (the bullet itself stays)."""
        d = self.d
        if st == 'emoji':
            return d.r(self.s.get('emoji', EMOJI_TICK), font=EMOJI_FONT) + d.r(' ')
        if st == 'cross':
            return d.r(self.s.get('emoji_cross', EMOJI_CROSS), font=EMOJI_FONT) + d.r(' ')
        if st == 'cc':
            return d.cc5(True, on=('2713', 'Segoe UI Symbol')) + d.r(' ')
        return ''

    def under_paras(self, key, line, rc, ind='w:left="567"'):
        """The reasons typed under the line (place `under` or `bullets`)."""
        t = self.text(key)
        if not t or self.text_line(key, rc) != line:
            return ''
        pl = self.place(key)
        d = self.d
        if pl == 'under':
            return ''.join(d.p(d.r(ln, i=self.s.get('italic_text', False)), ind=ind) for ln in t.split('\n'))
        if pl == 'bullets':
            return ''.join(d.listp(d.r(ln), 14) for ln in t.split('\n'))
        if pl in ('page2', 'ps', 'float'):
            if (key, t) not in self.later:
                self.later.append((key, t))
        return ''

    def comment_wrap(self, key, runs):
        c = self.s.get('comment_by', {}).get(key)
        if not c and self.place(key) == 'comment' and self.text(key):
            c = self.text(key)
        if not c or self.blank:
            return runs
        cid = self.d.comment(c)
        return self.d.c_start(cid) + runs + self.d.c_end(cid)

    def name_runs(self, key):
        return self.comment_wrap(key, self.d.r(draft_name(self.lang, key), b=True))

    # ---- layouts: one block per draft ----
    def order(self):
        keys = list(self.s.get('order', KEYS)) if not self.blank else list(KEYS)
        dup = {} if self.blank else self.s.get('dup', {})
        blocks = [(k, self.rcode(k)) for k in keys]
        for k, (first, second) in dup.items():
            i = next(i for i, b in enumerate(blocks) if b[0] == k)
            blocks[i] = (k, first)
            blocks.append((k, second))
        return blocks

    def form_dropdown(self):
        d, f = self.d, self.f
        rows = [d.tr([d.tc(d.p(d.r(f['col_draft'], b=True)), 2700, shd='D9E2F3'),
                      d.tc(d.p(d.r(f['col_pos'], b=True)), 3500, shd='D9E2F3'),
                      d.tc(d.p(d.r(f['col_txt'], b=True)), 3438, shd='D9E2F3')], header=True)]
        for key, rc in self.order():
            idx = DD_INDEX[rc] if self.mark() in ('native', 'typed') else 0
            ref = self.note_ref(key, self.text_line(key, rc), rc)
            if self.mark() == 'typed' and idx:
                pos = d.p(d.r(f['dd'][idx]) + ref)
            else:
                pos = d.p(d.dropdown(f['dd'], idx) + ref)
            t = self.text(key)
            if t and self.place(key) in ('footnote', 'endnote', 'comment', 'letter'):
                txt = d.block_cc('', 'Reasons', placeholder=f['plc'])
            elif t and self.place(key) == 'cell':
                txt = d.block_cc(''.join(d.p(d.r(ln)) for ln in t.split('\n')), 'Reasons')
            elif t and self.place(key) == 'bullets':
                txt = d.block_cc(''.join(d.listp(d.r(ln), 14) for ln in t.split('\n')), 'Reasons')
            else:
                if t:
                    self.later.append((key, t))
                txt = d.block_cc('', 'Reasons', placeholder=f['plc'])
            rows.append(d.tr([d.tc(d.p(self.name_runs(key)), 2700), d.tc(pos, 3500), d.tc(txt, 3438)], cant_split=True))
        return d.table(rows, [2700, 3500, 3438])

    def form_matrix(self):
        d, f = self.d, self.f
        sh = 'E2EFD9'
        rows = [d.tr([d.tc(d.p(d.r(f['col_draft'], b=True)), 3238, vmerge='restart', shd=sh, valign='center'),
                      d.tc(d.p(d.r(f['auth_head'], b=True), jc='center'), 4400, span=2, shd=sh),
                      d.tc(d.p(d.r(f['na_head'], b=True), jc='center'), 2000, vmerge='restart', shd=sh, valign='center')],
                     header=True),
                d.tr([d.tc(d.p(''), 3238, vmerge='cont', shd=sh), d.tc(d.p(d.r(f['no_head'], sz=18), jc='center'), 2200, shd=sh),
                      d.tc(d.p(d.r(f['wc_head'], sz=18), jc='center'), 2200, shd=sh), d.tc(d.p(''), 2000, vmerge='cont', shd=sh)],
                     header=True)]
        cm = self.s.get('cell_mark', 'X')
        for key, rc in self.order():
            cells = [d.tc(d.p(self.name_runs(key)), 3238, valign='center')]
            for line, w in (('no', 2200), ('wc', 2200), ('na', 2000)):
                st = self.state(key, line, rc)
                if st is None and self.mark() in ('oui', 'x_lower') and line in CHOSEN[rc]:
                    st = 'on'
                shade = None
                if self.mark() == 'shade' and line in CHOSEN[rc]:
                    st, shade = None, True
                if st is None:
                    content = ''
                elif st == 'on':
                    content = d.r(cm, b=cm in ('X',), sz=24)
                else:
                    content = self.glyph_box(line, st)
                content += self.note_ref(key, line, rc)
                cell = d.tc(d.p(content, jc='center'), w, valign='center')
                if shade:
                    cell = cell.replace('<w:vAlign', '<w:shd w:val="clear" w:color="auto" w:fill="A8D08D" w:themeFill="accent6" '
                                                      'w:themeFillTint="99"/><w:vAlign')
                cells.append(cell)
            rows.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="624"/></w:trPr>{"".join(cells)}</w:tr>')
        # the form's last row: reasons and comments
        paras = [d.p(d.r(f['txt_row'], b=True))]
        for key in KEYS:
            t = self.text(key)
            if t and self.place(key) == 'row':
                first, *more = t.split('\n')
                paras.append(d.p(d.r(f'{short(key)} : ', b=True) + d.r(first)))
                paras += [d.p(d.r(ln)) for ln in more]
            elif t:
                self.later.append((key, t))
        rows.append(d.tr([d.tc(paras, 9638, span=4)]))
        return d.table(rows, [3238, 2200, 2200, 2000])

    def form_numlist(self):
        d = self.d
        out = [d.p(d.r(self.f['hint'], i=True))]
        for key, rc in self.order():
            out.append(d.p(self.name_runs(key), keep=True, spacing='w:before="200" w:after="60"'))
            for line in ('auth', 'no', 'wc', 'na'):
                st = self.state(key, line, rc)
                num = 11 if st == 'on' else 10
                lvl = 0 if line in ('auth', 'na') else 1
                para = d.listp(self.typed_prefix(st) + self.label(key, line, rc), num, lvl)
                under = self.under_paras(key, line, rc, ind='w:left="1134"')
                out.append(self.finish(key, line, rc, para) + under)
        return ''.join(out)

    def lines_in_cell(self, key, rc, lines, opt_bullets=False):
        d = self.d
        out = []
        for line in lines:
            st = self.state(key, line, rc)
            if line in ('no', 'wc') and opt_bullets:
                num = 13 if st == 'on' else 12
                para = d.listp(self.typed_prefix(st if st != 'on' else None) + self.label(key, line, rc), num)
            elif line in ('no', 'wc'):
                para = d.p(self.glyph_box(line, st) + d.r(' ') + self.label(key, line, rc), ind='w:left="567" w:hanging="284"')
            else:
                para = d.p(self.glyph_box(line, st) + d.r(' ') + self.label(key, line, rc), ind='w:left="340" w:hanging="340"')
            out.append(self.finish(key, line, rc, para))
            out.append(self.under_paras(key, line, rc))
        return out

    def usual_table(self, grid, opt_bullets=False, sz=None):
        d, f = self.d, self.f
        rows = [d.tr([d.tc(d.p(d.r(f['col_draft'], b=True)), grid[0], shd='F2F2F2'),
                      d.tc(d.p(d.r(f['col_pos'], b=True)), grid[1], shd='F2F2F2')], header=True)]
        for key, rc in self.order():
            rows.append(d.tr([d.tc(d.p(self.name_runs(key)), grid[0], vmerge='restart'),
                              d.tc(self.lines_in_cell(key, rc, ('auth', 'no', 'wc'), opt_bullets), grid[1])], cant_split=True))
            rows.append(d.tr([d.tc(d.p(''), grid[0], vmerge='cont'),
                              d.tc(self.lines_in_cell(key, rc, ('na',), opt_bullets), grid[1])], cant_split=True))
        return d.table(rows, grid)

    def form_textbox(self):
        d = self.d
        d.force_sz = 17
        tbl = self.usual_table([2600, 6900])
        d.force_sz = None
        return d.page_break() + d.p(d.textbox(tbl + d.p(''), cx=6120000, cy=int(self.s.get('tb_cy', 9050000))))

    def form_landscape(self):
        d = self.d
        return d.section(landscape=False) + self.usual_table([3600, 10970], opt_bullets=True) + d.section(landscape=True)

    def form_twocol(self):
        d = self.d
        out = [d.p(d.r(self.f['hint'], i=True)), d.section(cols=1, kind='continuous')]
        for key, rc in self.order():
            out.append(d.p(self.name_runs(key), keep=True, spacing='w:before="200" w:after="60"'))
            for line in ('auth', 'no', 'wc', 'na'):
                st = self.state(key, line, rc)
                if st is None or st == 'on':
                    box = d.cc5(st == 'on')
                else:
                    box = self.glyph_box(line, st)
                ind = 'w:left="420" w:hanging="300"' if line in ('no', 'wc') else 'w:left="300" w:hanging="300"'
                para = d.p(box + d.r(' ') + self.label(key, line, rc), ind=ind)
                out.append(self.finish(key, line, rc, para))
                out.append(self.under_paras(key, line, rc, ind='w:left="420"'))
        out.append(d.section(cols=2, kind='continuous'))
        return ''.join(out)

    # ---- the letter around the form ----
    def front(self):
        d, lab, s = self.d, self.lab, self.s
        if s.get('head') and not self.blank:
            d.header = [d.p(d.r(ln, b=i == 0, sz=20 if i else 24, color='1F3864'), jc='center') for i, ln in enumerate(s['head'])]
        out = [d.p(d.r(lab['annex']), b_style='AnnexNo'), d.p(d.r(lab['to_circ']), jc='center'),
               d.p(d.r(lab['subj'], b=True) + d.r(' ' + lab['subject']))]
        frm = lab['ph'] if self.blank else s['frm']
        left = [d.p(d.r(lab['to'], b=True))] + [d.p(d.r(t)) for t in lab['tsb']]
        right = [d.p(d.r(lab['frm'], b=True))] + [d.p(d.r(t)) for t in frm]
        right.append(d.p(d.r(lab['fax'] + ' ' + ('' if self.blank else s.get('fax', '')))))
        right.append(d.p(d.r(lab['email'] + ' ' + ('' if self.blank else s.get('email', '')))))
        right.append(d.p(d.r(lab['date'], b=True) + d.r(' ' + (lab['dateph'] if self.blank else s['date_text']))))
        out.append(d.table([d.tr([d.tc(left, 4700), d.tc(right, 4938)])], [4700, 4938], borders=False))
        out.append(d.p(d.r(lab['dear'])))
        out.append(d.p(d.r(lab['intro'])))
        if not self.blank:
            out += [d.p(d.r(t)) for t in s.get('body', [])]
        return ''.join(out)

    def back(self):
        d, lab, s = self.d, self.lab, self.s
        out = [d.p(''), d.p(d.r(lab['sign']))]
        out += [d.p(d.r(t)) for t in ([lab['sig_ph']] if self.blank else s.get('sign', []))]
        floats = [(k, t) for k, t in self.later if self.place(k) == 'float']
        self.later = [(k, t) for k, t in self.later if self.place(k) != 'float']
        if floats:
            fl = F[self.tl]
            box = [d.p(d.r(fl['page2'], b=True))]
            for k, t in floats:
                first, *more = t.split('\n')
                box.append(d.p(d.r(short(k) + ': ', b=True) + d.r(first)))
                box += [d.p(d.r(ln)) for ln in more]
            out.insert(0, d.p(d.float_box(''.join(box), cx=2900000, cy=1800000, off_x=3300000)))
        if self.later:
            fl = F[self.tl]
            if all(self.place(k) == 'ps' for k, _ in self.later):
                out.append(d.p(''))
                for k, t in self.later:
                    out.append(d.p(d.r(f'{fl["ps"]} {short(k)}: ', b=True) + d.r(t.replace('\n', ' '))))
            else:
                out.append(d.page_break())
                out.append(d.p(d.r(fl['page2'], b=True, sz=26)))
                for k, t in self.later:
                    out.append(d.p(d.r(short(k), b=True), keep=True))
                    out += [d.p(d.r(ln)) for ln in t.split('\n')]
        out += [d.p(d.r(t)) for t in s.get('tail', [])] if not self.blank else []
        return ''.join(out)

    def build(self, path):
        form = {'dropdown': self.form_dropdown, 'matrix': self.form_matrix, 'numlist': self.form_numlist,
                'textbox': self.form_textbox, 'landscape': self.form_landscape, 'twocol': self.form_twocol}[self.layout]()
        body = self.front() + form + self.back()
        title = f'TSB Circular {CIRCULAR} – reply form' if self.blank else self.s.get('title', f'Reply to TSB Circular {CIRCULAR}')
        creator = 'ITU' if self.blank else self.s.get('author', 'User')
        package(path, self.d, body, title, creator, '2026-12-01T10:00:00Z' if self.blank else self.s['date'] + 'T15:30:00Z')
        if self.layout == 'twocol':
            _continuous_last_section(path)


def _continuous_last_section(path):
    """The section after the two columns starts on the same page (the package's last sectPr has no type)."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == 'word/document.xml':
                s = data.decode('utf-8')
                i = s.rfind('<w:sectPr>')
                j = s.find('<w:pgSz', i)
                s = s[:j] + '<w:type w:val="continuous"/>' + s[j:]
                data = s.encode('utf-8')
            z.writestr(info, data)
