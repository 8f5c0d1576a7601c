"""The reply form of TSB Circular 77 and the ways a person edits it.

`build(spec)` writes one document: the blank form in `spec['lang']`, then the person's edits.
The decision and option marks are derived from the truth (`spec['answers']`), so a file and
its truth cannot disagree by a typing slip: the habit says *how* the person marks, the truth
*what* they chose.
"""

from habits_lib import Doc, package
from habits_lang import DRAFTS, L, OLD, RETYPED_EN, draft_name

# rPr fragments, in schema order.
def fmt(b=False, i=False, strike=False, dstrike=False, color=None, highlight=None, u=None, shd=None, font=None, sz=None):
    s = ''
    if font:
        s += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        s += '<w:b/><w:bCs/>'
    if i:
        s += '<w:i/>'
    if strike:
        s += '<w:strike/>'
    if dstrike:
        s += '<w:dstrike/>'
    if color:
        s += f'<w:color w:val="{color}"/>'
    if sz:
        s += f'<w:sz w:val="{sz}"/>'
    if highlight:
        s += f'<w:highlight w:val="{highlight}"/>'
    if u:
        s += f'<w:u w:val="{u}"/>'
    if shd:
        s += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    return s


STYLE_FMT = {
    'legacy_bold': dict(b=True),
    'highlight': dict(highlight='yellow'),
    'highlight_green': dict(highlight='green'),
    'shade': dict(shd='D9D9D9'),
    'red': dict(color='FF0000'),
    'red_bold': dict(color='C00000', b=True),
    'underline': dict(u='single'),
    'blue_u': dict(color='0070C0', u='single'),
}
STRIKE_FMT = {'strike': dict(strike=True), 'dstrike': dict(dstrike=True)}

HEADINGS = {
    'en': ('Reasons concerning {n}:', 'Comments on {n}:'),
    'fr': ('Motifs concernant {n} :', 'Commentaires sur {n} :'),
    'es': ('Motivos relativos a {n}:', 'Comentarios sobre {n}:'),
    'ru': ('Причины в отношении {n}:', 'Замечания по {n}:'),
    'ar': ('الأسباب المتعلقة بـ {n}:', 'التعليقات على {n}:'),
    'zh': ('关于{n}的理由：', '关于{n}的意见：'),
}


def chosen_lines(code):
    """The lines a person marks for a truth code."""
    return {
        'An': {'auth', 'no'},
        'Aw': {'auth', 'wc'},
        'Au': {'auth'},
        'N': {'na'},
        'C': {'auth', 'na'},
        '-': set(),
    }[code]


class Builder:
    def __init__(self, spec):
        self.s = spec
        self.lang = spec['lang']
        self.d = Doc(rtl=self.lang == 'ar', author=spec.get('author', 'User'))
        labels = dict(L[self.lang])
        lay = spec.get('layout', set())
        if 'old' in lay:
            labels.update(OLD[self.lang])
        if 'retyped' in lay:
            labels.update(RETYPED_EN)
        self.lab = labels
        self.lay = lay
        self.after_blocks = []

    # ---- header -------------------------------------------------------------------------
    def header(self):
        d, lab, s = self.d, self.lab, self.s
        out = []
        if 'body_letterhead' in s:
            for i, line in enumerate(s['body_letterhead']):
                out.append(d.text_para(line, '<w:jc w:val="center"/>', fmt(b=i == 0)))
        out.append(d.text_para(lab['annex'], '<w:jc w:val="center"/>', fmt(b=True)))
        if 'subject_override' in s:
            for line in s['subject_override']:
                out.append(d.text_para(line, '', fmt(b=True)))
        else:
            out.append(d.text_para(lab['subject'], '<w:spacing w:before="0" w:after="0"/>', fmt(b=True)))
            out.append(d.text_para(lab['subject2'], '', fmt(b=True)))
        sp = '<w:spacing w:before="0" w:after="0"/>'
        frm = s.get('from') or lab['ph']
        fax = s.get('fax', '')
        email = s.get('email', '')
        dateplace = s.get('dateplace') or lab['dateph']
        grid = [1400, 3500, 1400, 3339]
        rows = [
            d.row([d.cell(1400, [d.text_para(lab['to'], sp)]),
                   d.cell(3500, [d.text_para(t, sp) for t in lab['tsb']]),
                   d.cell(1400, [d.text_para(lab['frm'], sp)]),
                   d.cell(3339, [d.text_para(t, sp) for t in frm])]),
            d.row([d.cell(1400, [d.text_para(lab['fax'], sp), d.text_para(lab['email'], sp)]),
                   d.cell(3500, [d.text_para('+41-22-730-5853', sp), d.text_para('tsbdir@itu.int', sp)]),
                   d.cell(1400, [d.text_para(lab['fax'], sp), d.text_para(lab['email'], sp)]),
                   d.cell(3339, [d.text_para(fax, sp), d.text_para(email, sp)])]),
            d.row([d.cell(1400, []), d.cell(3500, []),
                   d.cell(1400, [d.text_para(lab['date'], sp)]),
                   d.cell(3339, [d.text_para(dateplace, sp)])]),
        ]
        out.append(d.table(grid, rows, borders=False))
        out.append(d.text_para(lab['dear']))
        out.append(d.text_para(lab['intro'], '<w:jc w:val="both"/>'))
        for p in self.s.get('before', []):
            out.append(d.text_para(p))
        return out

    # ---- marks --------------------------------------------------------------------------
    def style_for(self, key):
        return self.s.get('mark_by', {}).get(key, self.s.get('mark', 'legacy'))

    def opt_style_for(self, key):
        return self.s.get('opt_by', {}).get(key, self.s.get('opt', 'same'))

    def place_for(self, key):
        return self.s.get('place_by', {}).get(key, self.s.get('place', 'cell'))

    def box_cell_runs(self, style, on):
        """The runs of a decision line's box cell."""
        d = self.d
        if style in ('legacy', 'legacy_bold'):
            return [d.legacy_box(True if on else False)]
        if style in STYLE_FMT:
            # emphasis styles leave the boxes as the form had them (unchecked)
            return [d.legacy_box(False)]
        if style == 'mixC':
            # the Authorizes box checked, and an X typed beside the other box as well
            if not on:
                return [d.legacy_box(False)]
            return [d.legacy_box(True)] if on == 'auth' else [d.legacy_box(False), d.run(' X', fmt(b=True))]
        if style.startswith('tchanged:'):
            # changed their mind under Track Changes: the old tick deleted, the new one inserted
            txt = style.split(':', 1)[1]
            return [d.legacy_box(False), d.ins(d.run(txt, fmt(b=True)), '2026-03-11T15:40:00Z') if on
                    else d.deleted_run(txt, fmt(b=True))]
        if style == 'legacy_lo':
            return [d.legacy_box('val1' if on else 'lo')]
        if style in STRIKE_FMT or style in ('delete', 'tdel', 'none'):
            return [d.legacy_box(False)]
        if style.startswith('typed:'):
            txt = style.split(':', 1)[1]
            return [d.legacy_box(False)] + ([d.run(' ' + txt, fmt(b=True))] if on else [])
        if style.startswith('over:'):
            # the box deleted and the word typed in its place
            txt = style.split(':', 1)[1]
            return [d.run(txt, fmt(b=True))] if on else [d.legacy_box(False)]
        if style.startswith('replace:'):
            _, on_g, off_g = style.split(':')
            return [d.run(on_g if on else off_g, fmt(sz=28))]
        if style.startswith('sym:'):
            _, font, on_c, off_c = style.split(':')
            return [d.sym(font, on_c if on else off_c, fmt(sz=28))]
        if style.startswith('tins:'):
            txt = style.split(':', 1)[1]
            return [d.legacy_box(False)] + ([d.ins(d.run(txt, fmt(b=True)))] if on else [])
        raise ValueError(style)

    def label_fmt(self, style, line, chosen, code):
        """rPr for a label line (decision or option) under a style; None = delete it."""
        if style in STYLE_FMT:
            return fmt(**STYLE_FMT[style]) if line in chosen else ''
        if style in STRIKE_FMT:
            return '' if self.kept(line, chosen, code) else fmt(**STRIKE_FMT[style])
        return ''

    @staticmethod
    def kept(line, chosen, code):
        """For striking / deleting: a line stays when it is chosen, or is the Authorizes line of an
        authorize reply whose option is not said."""
        if code == '-':
            return True
        if code == 'Au' and line in ('no', 'wc'):
            return True
        return line in chosen

    def opt_marker(self, ostyle, on):
        d = self.d
        if not on or ostyle in ('same', 'none'):
            return [d.run('⃝')]
        if ostyle.startswith('glyph:'):
            return [d.run(ostyle.split(':', 1)[1])]
        if ostyle.startswith('sym:'):
            _, font, c = ostyle.split(':')
            return [d.sym(font, c)]
        if ostyle.startswith('tglyph:'):
            return [d.deleted_run('⃝'), d.ins(d.run(ostyle.split(':', 1)[1]))]
        if ostyle.startswith('typed:'):
            return [d.run(ostyle.split(':', 1)[1]), d.run('⃝')]
        if ostyle.startswith('suffix:'):
            return [d.run('⃝')]
        raise ValueError(ostyle)

    # ---- a draft's rows -----------------------------------------------------------------
    def label_runs(self, text, rfmt, deleted=False):
        d = self.d
        if 'reflow' in self.lay and len(text) > 60:
            # retyped with a manual line break and split over runs, as pasted from an e-mail
            cut = text.rfind(' ', 0, len(text) // 2)
            parts = [text[:cut], '\n', text[cut + 1:]]
            if deleted:
                return [d.deleted_run(p, rfmt) for p in parts]
            return [d.run(p, rfmt) for p in parts]
        if deleted:
            return [d.deleted_run(text, rfmt)]
        # Word splits a label over runs where it was edited
        mid = text.find(' ', len(text) // 3)
        if mid > 0:
            return [d.run(text[:mid], rfmt), d.run(text[mid:], rfmt)]
        return [d.run(text, rfmt)]

    def text_paras(self, text, rfmt=''):
        return [self.d.text_para(t, '', rfmt) for t in text.split('\n')]

    def draft_rows(self, idx, key, prov, kind):
        d, lab, s = self.d, self.lab, self.s
        code = s['answers'][key]
        text = s.get('texts', {}).get(key, '')
        chosen = chosen_lines(code)
        style = self.style_for(key)
        ostyle = self.opt_style_for(key)
        if ostyle == 'same':
            ostyle_eff = style
        else:
            ostyle_eff = None  # options marked by a glyph, not by formatting
        place = self.place_for(key)
        tline = 'wc' if code == 'Aw' else 'na' if code == 'N' else None
        name = draft_name(self.lang, key, prov, kind)
        deleting = style in ('delete', 'tdel')

        def gone(line):
            return deleting and not self.kept(line, chosen, code)

        extras = {'auth': [], 'no': [], 'wc': [], 'na': []}  # paragraphs after a line, in its cell
        suffix = {'auth': [], 'no': [], 'wc': [], 'na': []}  # runs at the end of a line
        prefix = {'auth': [], 'no': [], 'wc': [], 'na': []}
        rows_after = []
        if text and tline:
            if place == 'cell':
                extras[tline] += self.text_paras(text)
            elif place == 'cell_italic':
                extras[tline] += self.text_paras(text, fmt(i=True, color='1F3864'))
            elif place == 'inline':
                suffix[tline].append(d.run(': ' + text))
            elif place == 'tins':
                extras[tline] += [d.para([d.ins(d.run(t))], inserted_mark=True) for t in text.split('\n')]
            elif place == 'comment':
                cid = d.comment(text)
                prefix[tline].append(f'<w:commentRangeStart w:id="{cid}"/>')
                suffix[tline].append(d.comment_ref(cid))
            elif place == 'footnote':
                suffix[tline].append(d.footnote(text))
            elif place == 'textbox':
                extras[tline].append(d.para([d.textbox(text.split('\n'))]))
            elif place in ('rows', 'rowspan'):
                if place == 'rows':
                    rows_after.append(d.row([d.cell(3000, [], vmerge='continue'), d.cell(560, []),
                                             d.cell(6079, self.text_paras(text))]))
                else:
                    rows_after.append(d.row([d.cell(9639, self.text_paras(text), span=3)]))
            elif place == 'after':
                h = HEADINGS[self.lang][0 if code == 'N' else 1].format(n=s.get('heading_names', {}).get(key, key))
                self.after_blocks.append(d.text_para(h, '', fmt(b=True)))
                self.after_blocks += self.text_paras(text)
            elif place == 'sentence':
                pass
            else:
                raise ValueError(place)
        for line, t in s.get('line_suffix', {}).get(key, {}).items():
            suffix[line].append(d.run(t))
        if ostyle.startswith('suffix:') and code in ('An', 'Aw'):
            suffix['no' if code == 'An' else 'wc'].append(d.run(ostyle.split(':', 1)[1], fmt(b=True)))

        def line_para(line, label, ppr=''):
            if ostyle_eff is None and line in ('no', 'wc'):
                rf = ''
            else:
                rf = self.label_fmt(style if line in ('auth', 'na') else (ostyle_eff or style), line, chosen, code)
            if gone(line) and style == 'tdel':
                marker = [d.deleted_run('⃝'), d.deleted_run('\t')] if line in ('no', 'wc') else []
                return d.para(marker + self.label_runs(label, rf, deleted=True), ppr, deleted_mark=True)
            marker = []
            if line in ('no', 'wc'):
                on = line in chosen and ostyle_eff is None
                marker = self.opt_marker(ostyle, on) + [d.run('\t')]
                if rf:
                    marker = [m.replace('<w:r>', f'<w:r><w:rPr>{rf}</w:rPr>', 1) if '<w:rPr>' not in m else m for m in marker]
            return d.para(prefix[line] + marker + self.label_runs(label, rf) + suffix[line], ppr)

        ind = '<w:ind w:left="567" w:hanging="567"/>'
        auth_paras = [] if gone('auth') and style == 'delete' else [line_para('auth', lab['auth'])]
        if gone('auth') and style == 'delete':
            opt_paras = []
        else:
            opt_paras = []
            for line in ('no', 'wc'):
                if gone(line) and style == 'delete':
                    continue
                opt_paras.append(line_para(line, lab['no' if line == 'no' else 'wc'], ind))
                opt_paras += extras[line]
        auth_paras += extras['auth']
        na_paras = [] if gone('na') and style == 'delete' else [line_para('na', lab['na'])] + extras['na']

        box_a = self.box_cell_runs(style, 'auth' if 'auth' in chosen else False)
        box_n = self.box_cell_runs(style, 'na' if 'na' in chosen else False)
        ctr = '<w:jc w:val="center"/>'
        name_p = [d.text_para(name)]
        rows = []
        have_auth = bool(auth_paras)
        have_na = bool(na_paras)
        n_rows = (1 if have_auth else 0) + (1 if have_na else 0) + ('split_row' in self.lay and have_auth) + len(rows_after)
        merge = n_rows > 1 and 'nomerge' not in self.lay

        def name_cell(first):
            if first:
                return d.cell(3000, name_p, vmerge='restart' if merge else None)
            return d.cell(3000, [], vmerge='continue' if merge else None)

        first = True
        if have_auth:
            box_para = d.para(box_a, ctr)
            if 'split_row' in self.lay:
                rows.append(d.row([name_cell(True), d.cell(560, [box_para], valign='top'), d.cell(6079, auth_paras)]))
                rows.append(d.row([name_cell(False), d.cell(560, []), d.cell(6079, opt_paras)]))
            else:
                rows.append(d.row([name_cell(True), d.cell(560, [box_para], valign='top'),
                                   d.cell(6079, auth_paras + opt_paras)]))
            first = False
        if have_na:
            trpr = ''
            rows.append(d.row([name_cell(first), d.cell(560, [d.para(box_n, ctr)], valign='top'),
                               d.cell(6079, na_paras)], trpr))
        rows += rows_after
        return rows

    # ---- the whole document -------------------------------------------------------------
    def body(self):
        d = self.d
        out = self.header()
        grid = [3000, 560, 6079]
        rows = []
        for idx, (key, prov, kind) in enumerate(DRAFTS):
            if key in self.s.get('omit', ()):
                continue
            rows += self.draft_rows(idx, key, prov, kind)
            if 'split_table' in self.lay and idx == 2:
                out.append(d.table(grid, rows))
                out.append(d.para([]))
                rows = []
        out.append(d.table(grid, rows))
        for p in self.s.get('after_top', []):
            out.append(d.text_para(p))
        if self.after_blocks:
            out.append(d.para([]))
            out += self.after_blocks
        for p in self.s.get('after', []):
            out.append(d.text_para(p))
        if self.s.get('sign'):
            out.append(d.para([]))
            for p in self.s['sign']:
                out.append(d.text_para(p))
        return ''.join(out)

    def write(self, path):
        s, d = self.s, self.d
        body = self.body()
        if s.get('letterhead'):
            d.header_xml = ''.join(
                d.text_para(line, '<w:pStyle w:val="Header"/><w:jc w:val="center"/>', fmt(b=(i == 0), sz=24 if i == 0 else 18))
                for i, line in enumerate(s['letterhead']))
        package(path, d, body, title=s.get('title', 'Annex 2 reply form'),
                creator=s.get('creator', 'TSB'))


def build(spec, path):
    Builder(spec).write(path)
