"""The reply form of TSB Circular 126 (Study Group 13) in six languages and three layouts, and the
ways a person edits it (for scripts/make-habits2-fixtures.py).

Layouts: `std` (en, fr, ar: two rows per draft, content-control boxes for the decisions, ⃝ for
the options, an "Other comments" row closing the table), `reorder` (es: the same table with the
drafts in another order), `cols` (ru: one row per draft, the three choices in columns, a comments
column), `paras` (zh: no table, the decision lines as paragraphs under each draft's name).

The marks are derived from the truth (`spec['answers']`): the habit says *how*, the truth *what*.
"""

import copy

from habits2_lib import Doc2, package2, signature_png
from habits_lang import L as L77, LIST as LIST77, LIST_ZH as LIST77_ZH

CIRCULAR = 126
SG = 13
# draft key (as the record's `draft`), provisional name, kind
DRAFTS = [
    ('Y.3181', 'Y.ML-IMT2030-arch', 'new'),
    ('Y.4605', 'Y.IoT-DT-fw', 'new'),
    ('Y.3060', None, 'revised'),
    ('Y.3172 Cor.1', None, 'corrigendum'),
    ('Y.QKDN-kmr', None, 'new_noprov'),
]
KEYS = [k for k, _, _ in DRAFTS]
LIST = 'Y.3181 (Y.ML-IMT2030-arch), Y.4605 (Y.IoT-DT-fw), Y.3060, Y.3172 Cor.1, Y.QKDN-kmr'
LIST_ZH = 'Y.3181 (Y.ML-IMT2030-arch)、Y.4605 (Y.IoT-DT-fw)、Y.3060、Y.3172 Cor.1、Y.QKDN-kmr'
LAYOUT = {'en': 'std', 'fr': 'std', 'ar': 'std', 'es': 'reorder', 'ru': 'cols', 'zh': 'paras'}
ORDER_ES = ['Y.3172 Cor.1', 'Y.QKDN-kmr', 'Y.3181', 'Y.4605', 'Y.3060']

AMD = {'en': ('draft Amendment', 'draft Corrigendum'), 'fr': ("projet d'Amendement", 'projet de Corrigendum'),
       'es': ('proyecto de Enmienda', 'proyecto de Corrigéndum'), 'ru': ('проекту Поправки', 'проекту Исправления'),
       'ar': ('ومشروع التعديل', 'ومشروع التصويب'), 'zh': ('修正草案', '勘误草案')}


def _labels():
    out = {}
    for lang, d in L77.items():
        d = copy.deepcopy(d)
        for k in ('subject', 'intro'):
            d[k] = d[k].replace('77', str(CIRCULAR))
        for k in ('auth', 'na'):
            d[k] = d[k].replace('11', str(SG))
        d['subject2'] = d['subject2'].replace(LIST77, LIST).replace(LIST77_ZH, LIST_ZH).replace(*AMD[lang])
        out[lang] = d
    return out


L = _labels()
EXTRA = {
    'en': dict(other='Other comments:', draft='Draft', reasons='Reasons / comments', sign='Yours faithfully,'),
    'fr': dict(other='Autres commentaires:', draft='Projet', reasons='Motifs / commentaires', sign='Veuillez agréer, Madame, Monsieur, l’assurance de ma haute considération.'),
    'es': dict(other='Otros comentarios:', draft='Proyecto', reasons='Motivos / comentarios', sign='Atentamente,'),
    'ru': dict(other='Прочие замечания:', draft='Проект', reasons='Причины / замечания', sign='С уважением,',
               col_auth='Уполномочивает 13-ю Исследовательскую комиссию рассмотреть данный проект для утверждения (выберите один из двух вариантов):',
               col_na='Не уполномочивает 13-ю Исследовательскую комиссию рассмотреть данный проект для утверждения (причины прилагаются)',
               col_c='Замечания / причины'),
    'ar': dict(other='تعليقات أخرى:', draft='المشروع', reasons='الأسباب / التعليقات', sign='وتفضلوا بقبول فائق الاحترام،'),
    'zh': dict(other='其他意见：', draft='草案', reasons='理由/意见', sign='顺致敬意！'),
}


def draft_name(lang, key, prov, kind):
    p = f' ({prov})' if prov else ''
    base = key.split(' ')[0]
    if kind == 'corrigendum':
        return {'en': f'Draft Corrigendum 1 to Recommendation ITU-T {base}',
                'fr': f'Projet de Corrigendum 1 à la Recommandation UIT-T {base}',
                'es': f'Proyecto de Corrigéndum 1 a la Recomendación UIT-T {base}',
                'ru': f'Проект Исправления 1 к Рекомендации МСЭ-Т {base}',
                'ar': f'مشروع التصويب 1 للتوصية ITU-T {base}',
                'zh': f'ITU-T {base}建议书勘误1草案'}[lang]
    if kind == 'revised':
        return {'en': f'Draft revised Recommendation ITU-T {key}{p}', 'fr': f'Projet de Recommandation révisée UIT-T {key}{p}',
                'es': f'Proyecto de Recomendación revisada UIT-T {key}{p}', 'ru': f'Проект пересмотренной Рекомендации МСЭ-Т {key}{p}',
                'ar': f'مشروع التوصية المراجَعة ITU-T {key}{p}', 'zh': f'ITU-T {key}{p}修订建议书草案'}[lang]
    return {'en': f'Draft new Recommendation ITU-T {key}{p}', 'fr': f'Projet de nouvelle Recommandation UIT-T {key}{p}',
            'es': f'Proyecto de nueva Recomendación UIT-T {key}{p}', 'ru': f'Проект новой Рекомендации МСЭ-Т {key}{p}',
            'ar': f'مشروع التوصية الجديدة ITU-T {key}{p}', 'zh': f'ITU-T {key}{p}新建议书草案'}[lang]


HEADINGS = {
    'en': ('Reasons concerning {n}:', 'Comments on {n}:'),
    'fr': ('Motifs concernant {n} :', 'Commentaires sur {n} :'),
    'es': ('Motivos relativos a {n}:', 'Comentarios sobre {n}:'),
    'ru': ('Причины в отношении {n}:', 'Замечания по {n}:'),
    'ar': ('الأسباب المتعلقة بـ {n}:', 'التعليقات على {n}:'),
    'zh': ('关于{n}的理由：', '关于{n}的意见：'),
}


def fmt(b=False, strike=False, color=None, u=None, sz=None, font=None):
    s = ''
    if font:
        s += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
    if b:
        s += '<w:b/><w:bCs/>'
    if strike:
        s += '<w:strike/>'
    if color:
        s += f'<w:color w:val="{color}"/>'
    if sz:
        s += f'<w:sz w:val="{sz}"/>'
    if u:
        s += f'<w:u w:val="{u}"/>'
    return s


# truth code → the lines a person marks
CHOSEN = {'A': {'auth', 'no'}, 'W': {'auth', 'wc'}, 'U': {'auth'}, 'N': {'na'}, 'C': {'auth', 'no', 'na'},
          '-': set(), 'S': {'auth'}}
EMPH = {'color': None, 'dunder': dict(u='double'), 'cellshd': None}


class Builder:
    def __init__(self, spec):
        self.s = spec
        self.lang = spec['lang']
        self.d = Doc2(rtl=self.lang == 'ar', author=spec.get('author', 'User'))
        self.lab = dict(L[self.lang], **EXTRA[self.lang])
        self.layout = LAYOUT[self.lang]
        self.lay = set(spec.get('layout', ()))
        self.after = []       # paragraphs after the form (headings, lists)
        self.septable = []    # (draft key, text) for a table of reasons after the form
        self.other = []       # paragraphs typed into the "Other comments" row / comments column

    def code(self, key):
        return self.s['answers'][key]

    def style(self, key):
        return self.s.get('mark_by', {}).get(key, self.s.get('mark', 'cc'))

    def ostyle(self, key):
        return self.s.get('opt_by', {}).get(key, self.s.get('opt', 'same'))

    def place(self, key):
        return self.s.get('place_by', {}).get(key, self.s.get('place', 'under'))

    # ---- marks ------------------------------------------------------------------------
    def box(self, style, on, blank=False):
        """Runs for a decision box (or a choice cell in the column layout)."""
        d = self.d
        if blank or style in ('color', 'dunder', 'cellshd', 'none', 'sentence') or style.startswith('word:'):
            return [d.cc_box(False)]
        if style == 'cc':
            return [d.cc_box(bool(on))]
        if style == 'cc_x':
            return [d.cc_box(False)] + ([d.run(' x')] if on else [])
        if style.startswith('glyph:'):
            return [d.run(style.split(':', 1)[1], fmt(sz=24))] if on else [d.cc_box(False)]
        raise ValueError(style)

    def line_fmt(self, style, on, blank=False):
        if blank or not on:
            return ''
        if style == 'color':
            return fmt(color=self.s.get('color', '00B050'))
        if style == 'dunder':
            return fmt(u='double')
        return ''

    def word_suffix(self, style, on, blank=False):
        if blank or not on or not style.startswith('word:'):
            return []
        return [self.d.run(' – ' + style.split(':', 1)[1], fmt(b=True))]

    def opt_marker(self, key, line, on, blank=False):
        """The option's ⃝, or what replaced it."""
        d = self.d
        o = self.ostyle(key)
        if blank or not on or o in ('same', 'shape'):
            return [d.run('⃝')]
        if o.startswith('glyph:'):
            return [d.run(o.split(':', 1)[1])]
        if o == 'ccopt':
            return [d.cc_box(True)]
        raise ValueError(o)

    def text_for(self, key):
        c = self.code(key)
        return self.s.get('texts', {}).get(key, '') if c in ('N', 'W') else ''

    # ---- where text goes (shared by the layouts) ----------------------------------------
    def place_text(self, key, name_short):
        """Returns (suffix runs for the line, paragraphs under the line) and queues text placed
        elsewhere."""
        d, text = self.d, self.text_for(key)
        if not text:
            return [], []
        p = self.place(key)
        paras = [d.p2([d.run(t)]) for t in text.split('\n')]
        if p == 'under':
            return [], paras
        if p == 'endnote':
            return [d.endnote(text)], []
        if p == 'septable':
            self.septable.append((key, text))
            return [], []
        if p == 'other':
            lines = text.split('\n')
            self.other.append(d.p2([d.run(f'{key}: ', fmt(b=True)), d.run(lines[0])]))
            self.other += [d.p2([d.run(t)]) for t in lines[1:]]
            return [], []
        if p == 'list_prov':
            prov = next(pv for k, pv, _ in DRAFTS if k == key) or key
            h = HEADINGS[self.lang][0 if self.code(key) == 'N' else 1].format(n=prov)
            self.after.append(d.p2([d.run(h, fmt(b=True))]))
            self.after += [d.p2([d.run(t)], style='ListParagraph', num=True) for t in text.split('\n')]
            return [], []
        if p == 'colcell':
            return [], paras
        if p == 'none':  # the text is typed elsewhere (other_text)
            return [], []
        raise ValueError(p)

    # ---- the std / reorder table ----------------------------------------------------------
    def std_rows(self, key, prov, kind, blank=False):
        d, lab = self.d, self.lab
        code = '-' if blank else self.code(key)
        chosen = CHOSEN[code]
        style = self.style(key)
        mind = self.s.get('mind', {}).get(key) if not blank else None
        suffix, under = ([], []) if blank else self.place_text(key, key)
        tline = 'wc' if code == 'W' else 'na'
        ind = '<w:ind w:left="567" w:hanging="567"/>'

        def label(line, text, extra_runs=()):
            on = line in chosen
            rf = self.line_fmt(style, on, blank)
            shd = 'FFF2CC' if style == 'cellshd' and on and line in ('no', 'wc') and not blank else None
            runs = []
            if line in ('no', 'wc'):
                runs += self.opt_marker(key, line, on and self.ostyle(key) != 'same', blank) + [d.run('\t')]
                if rf:
                    runs = [r.replace('<w:r>', f'<w:r><w:rPr>{rf}</w:rPr>', 1) if r.startswith('<w:r>') and '<w:rPr>' not in r else r for r in runs]
            if not blank and self.ostyle(key) == 'shape' and self.s.get('shape_on', {}).get(key) == line:
                runs = [d.ellipse()] + runs
            cut = text.find(' ', len(text) // 3)
            runs += [d.run(text[:cut], rf), d.run(text[cut:], rf)] if cut > 0 else [d.run(text, rf)]
            ws = style if line in ('auth', 'na') or self.ostyle(key) == 'same' else 'cc'
            runs += self.word_suffix(ws, on, blank)
            runs += list(extra_runs)
            if line == tline:
                runs += suffix
            para = d.p2(runs, ind=ind if line in ('no', 'wc') else None, shd=shd)
            return [para] + (under if line == tline else [])

        auth_paras = label('auth', lab['auth'])
        opt_paras = label('no', lab['no']) + label('wc', lab['wc'])
        na_paras = label('na', lab['na'])

        def boxp(line):
            on = line in chosen
            runs = self.box(style, on, blank)
            if mind == line:
                # first marked, then changed their mind: the mark struck through, the other checked
                runs = [d.cc_box(False), d.run(' x', fmt(strike=True))]
            elif mind and line != mind:
                runs = [d.cc_box(True)]
            return d.p2(runs, jc='center')

        shd_a = 'FFC000' if style == 'cellshd' and 'auth' in chosen else None
        shd_n = 'FFC000' if style == 'cellshd' and 'na' in chosen else None
        name = [d.p2([d.run(draft_name(self.lang, key, prov, kind))])]
        if 'merged' in self.lay:
            # the draft's two rows merged into one by the person (Table > Merge Cells)
            # Word stacks the merged cells' paragraphs; the person then pressed Enter until the second
            # box stood beside its line again (about one empty paragraph per line of the labels above)
            lines = -(-len(lab['auth']) // 52) + -(-len(lab['no']) // 46) + -(-len(lab['wc']) // 46)
            gap = [d.p2([]) for _ in range(max(1, round(lines * 0.8)))]
            return [d.row([d.cell(3000, name), d.cell(560, [boxp('auth')] + gap + [boxp('na')], valign='top'),
                           d.cell(6079, auth_paras + opt_paras + na_paras)])]
        # cell shading goes on the chosen line's box cell (the label cell holds the options too)
        return [d.row([d.cell(3000, name, vmerge='restart'), d.cell(560, [boxp('auth')], valign='top', shd=shd_a),
                       d.cell(6079, auth_paras + opt_paras)]),
                d.row([d.cell(3000, [], vmerge='continue'), d.cell(560, [boxp('na')], valign='top', shd=shd_n),
                       d.cell(6079, na_paras)])]

    def std_table(self, blank=False):
        d = self.d
        order = ORDER_ES if self.layout == 'reorder' else KEYS
        rows = []
        for key in order:
            k, prov, kind = next(t for t in DRAFTS if t[0] == key)
            rows += self.std_rows(k, prov, kind, blank)
        other = [d.p2([d.run(self.lab['other'], fmt(b=True))])] + ([] if blank else self.other_paras())
        rows.append(d.row([d.cell(9639, other, span=3)]))
        return d.table([3000, 560, 6079], rows)

    def other_paras(self):
        d = self.d
        out = [d.p2([d.run(t)]) for t in self.s.get('other_text', [])]
        return out + self.other

    # ---- the column layout (ru) ----------------------------------------------------------
    def cols_table(self):
        d, lab = self.d, self.lab
        grid = [2600, 1700, 1700, 1700, 1939]
        hdr1 = d.row([d.cell(2600, [d.p2([d.run(lab['draft'], fmt(b=True))])], vmerge='restart'),
                      d.cell(3400, [d.p2([d.run(lab['col_auth'], fmt(b=True))], jc='center')], span=2),
                      d.cell(1700, [d.p2([d.run(lab['col_na'], fmt(b=True))], jc='center')], vmerge='restart'),
                      d.cell(1939, [d.p2([d.run(lab['col_c'], fmt(b=True))], jc='center')], vmerge='restart')],
                     '<w:tblHeader/>')
        hdr2 = d.row([d.cell(2600, [], vmerge='continue'), d.cell(1700, [d.p2([d.run(lab['no'])], jc='center')]),
                      d.cell(1700, [d.p2([d.run(lab['wc'])], jc='center')]), d.cell(1700, [], vmerge='continue'),
                      d.cell(1939, [], vmerge='continue')], '<w:tblHeader/>')
        rows = [hdr1, hdr2]
        for key, prov, kind in DRAFTS:
            code = self.code(key)
            chosen = CHOSEN[code]
            style = self.style(key)
            suffix, under = self.place_text(key, key)
            cells = [d.cell(2600, [d.p2([d.run(draft_name(self.lang, key, prov, kind))])])]
            for col in ('no', 'wc', 'na'):
                on = col in chosen
                runs = self.box(style, on) + self.word_suffix(style, on) + (suffix if on and col in ('wc', 'na') else [])
                shd = 'D9E2F3' if style == 'cellshd' and on else None
                cells.append(d.cell(1700, [d.p2(runs, jc='center')], shd=shd, valign='center'))
            ctext = [d.p2([d.run(t)]) for t in self.s.get('col_sentence', {}).get(key, [])] + under
            cells.append(d.cell(1939, ctext))
            rows.append(d.row(cells))
        return d.table(grid, rows)

    # ---- the paragraph layout (zh) --------------------------------------------------------
    def paras_form(self):
        d, lab = self.d, self.lab
        out = []
        for key, prov, kind in DRAFTS:
            code = self.code(key)
            chosen = CHOSEN[code]
            style = self.style(key)
            mind = self.s.get('mind', {}).get(key)
            suffix, under = self.place_text(key, key)
            tline = 'wc' if code == 'W' else 'na'
            out.append(d.p2([d.run(f'{KEYS.index(key) + 1}. ' + draft_name(self.lang, key, prov, kind), fmt(b=True))],
                            spacing='<w:spacing w:before="240"/>'))
            for line in ('auth', 'no', 'wc', 'na'):
                on = line in chosen
                rf = self.line_fmt(style, on)
                if line in ('auth', 'na'):
                    mark = self.box(style, on)
                    if mind == line:
                        mark = [d.cc_box(False), d.run(' x', fmt(strike=True))]
                    elif mind:
                        mark = [d.cc_box(True)]
                    runs = mark + [d.run(' ')]
                    ind = '<w:ind w:left="425" w:hanging="425"/>'
                else:
                    runs = self.opt_marker(key, line, on) + [d.run(' ')]
                    ind = '<w:ind w:left="851" w:hanging="426"/>'
                runs += [d.run(lab[line], rf)] + self.word_suffix(style, on) + (suffix if line == tline else [])
                out.append(d.p2(runs, ind=ind))
                if line == tline:
                    out += under
        out.append(d.p2([d.run(lab['other'], fmt(b=True))]))
        out += self.other_paras()
        return out

    # ---- the whole document ---------------------------------------------------------------
    def header(self):
        d, lab, s = self.d, self.lab, self.s
        out = []
        for i, line in enumerate(s.get('body_letterhead', [])):
            out.append(d.p2([d.run(line, fmt(b=i == 0))], jc='center'))
        out.append(d.p2([d.run(lab['annex'], fmt(b=True))], jc='center'))
        out.append(d.p2([d.run(lab['subject'], fmt(b=True))]))
        out.append(d.p2([d.run(lab['subject2'], fmt(b=True))]))
        sp = '<w:spacing w:before="0" w:after="0"/>'
        frm = s.get('from') or lab['ph']
        rows = [
            d.row([d.cell(1400, [d.p2([d.run(lab['to'])], spacing=sp)]),
                   d.cell(3500, [d.p2([d.run(t)], spacing=sp) for t in lab['tsb']]),
                   d.cell(1400, [d.p2([d.run(lab['frm'])], spacing=sp)]),
                   d.cell(3339, [d.p2([d.run(t)], spacing=sp) for t in frm])]),
            d.row([d.cell(1400, [d.p2([d.run(lab['fax'])], spacing=sp), d.p2([d.run(lab['email'])], spacing=sp)]),
                   d.cell(3500, [d.p2([d.run('+41 22 730 5853')], spacing=sp), d.p2([d.run('tsbdir@itu.int')], spacing=sp)]),
                   d.cell(1400, [d.p2([d.run(lab['fax'])], spacing=sp), d.p2([d.run(lab['email'])], spacing=sp)]),
                   d.cell(3339, [d.p2([d.run(s.get('fax', ''))], spacing=sp), d.p2([d.run(s.get('email', ''))], spacing=sp)])]),
            d.row([d.cell(1400, []), d.cell(3500, []), d.cell(1400, [d.p2([d.run(lab['date'])], spacing=sp)]),
                   d.cell(3339, [d.p2([d.run(s.get('dateplace') or lab['dateph'])], spacing=sp)])]),
        ]
        out.append(d.table([1400, 3500, 1400, 3339], rows, borders=False))
        out.append(d.p2([d.run(lab['dear'])]))
        out.append(d.p2([d.run(lab['intro'])], jc='both'))
        out += [d.p2([d.run(t)]) for t in s.get('before', [])]
        return out

    def body(self):
        d, s = self.d, self.s
        out = self.header()
        if self.layout in ('std', 'reorder'):
            if s.get('twice') == 'blank_first':
                out.append(self.std_table(blank=True))
                out.append(d.p2([]))
            out.append(self.std_table())
            if s.get('twice') == 'blank_after':
                out.append(d.p2([]))
                out.append(self.std_table(blank=True))
        elif self.layout == 'cols':
            out.append(self.cols_table())
            if s.get('other_text') or self.other:
                out.append(d.p2([d.run(self.lab['other'], fmt(b=True))]))
                out += self.other_paras()
        else:
            out += self.paras_form()
        if self.septable:
            out.append(d.p2([]))
            rows = [d.row([d.cell(2400, [d.p2([d.run(self.lab['draft'], fmt(b=True))])]),
                           d.cell(7239, [d.p2([d.run(self.lab['reasons'], fmt(b=True))])])])]
            for key, text in self.septable:
                rows.append(d.row([d.cell(2400, [d.p2([d.run(key)])]), d.cell(7239, [d.p2([d.run(t)]) for t in text.split('\n')])]))
            out.append(d.table([2400, 7239], rows))
        if self.after:
            out.append(d.p2([]))
            out += self.after
        if s.get('sign'):
            out.append(d.p2([]))
            out.append(d.p2([d.run(self.lab['sign'])]))
            if s.get('sig_image'):
                out.append(d.p2([d.picture(signature_png(len(s['file'])))]))
            out += [d.p2([d.run(t)]) for t in s['sign']]
        return ''.join(out)

    def write(self, path):
        s, d = self.s, self.d
        body = self.body()
        if s.get('footer'):
            d.footer_xml = ''.join(d.p2([d.run(t, fmt(sz=16, color='595959'))], style='Footer', jc='center') for t in s['footer'])
        if s.get('letterhead'):
            d.header_xml = ''.join(d.p2([d.run(t, fmt(b=i == 0))], style='Header', jc='center') for i, t in enumerate(s['letterhead']))
        package2(path, d, body, title=s.get('title', f'TSB Circular {CIRCULAR} - Annex 2 reply'), creator=s.get('creator', 'TSB'))


def build(spec, path):
    Builder(spec).write(path)
