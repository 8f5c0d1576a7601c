"""WordprocessingML for scripts/make-habits5-fixtures.py: the reply form of TSB Circular 318
(Study Group 20) in six languages and six layouts none of the earlier sets had, and the ways people
fill it in that the earlier sets (habits, habits2, habits3, habits4) did not have.

Written from FORM.md, CONTRACT.md and the earlier sets' READMEs, truth and generators only (not from
replytally's reader). The low-level writer is habits4_form.Doc (itself habits3_docx.Doc plus
pictures, text boxes, numbering) and its `package`; this module wraps them (a numbering part of its
own, sections of other orientation and columns, drop-down fields, content controls with a custom
checked symbol) and adds the form layouts:

  en  `dropdown`  one row per draft: Draft | Position (a FORMDROPDOWN field: "(choose one)", the three
                  answers) | Reasons / comments (a rich-text content control showing its placeholder)
  fr  `matrix`    one table, drafts as rows, decisions as columns under a merged two-row header
                  (Autorise over its two options | N'autorise pas); the empty bordered cell is the box
  es  `numlist`   no table: the lines are list paragraphs (w:numPr) whose bullet is the box: ☐ for the
                  decisions (level 0), ○ for the options (level 1)
  ru  `textbox`   the usual table (draft cell merged down, two rows a draft) inside a text box
                  (DrawingML with a VML fallback); boxes ☐, options ○
  ar  `landscape` right to left; the table in a landscape section of its own between two portrait
                  ones; the options a bulleted list (bullet ○ from numbering.xml) under the box ☐
  zh  `twocol`    no table: a two-column continuous section; every line a content-control check box
                  whose checked symbol is ✔ (U+2714, Segoe UI Symbol), not the usual ☒
"""

import copy
import os
import re
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits3_docx import L as L3, draft_name as draft_name3, x  # noqa: E402
import habits4_form as h4  # noqa: E402

CIRCULAR = 318
SG = 20
DEADLINE = '2026-12-18'
DRAFTS = [  # key (as the record's `draft`), provisional name, kind
    ('Y.4612', 'Y.IoT-esf', 'new'),
    ('Y.4231', 'Y.UC-aqm', 'new'),
    ('Y.4459', None, 'revised'),
    ('Y.4113 Amd.1', None, 'amendment'),
    ('Y.SmC-evc', None, 'new_noprov'),
]
KEYS = [k for k, _, _ in DRAFTS]
PROV = {k: p for k, p, _ in DRAFTS}
KIND = {k: kind for k, _, kind in DRAFTS}
LAYOUT = {'en': 'dropdown', 'fr': 'matrix', 'es': 'numlist', 'ru': 'textbox', 'ar': 'landscape', 'zh': 'twocol'}
LINES = ('auth', 'no', 'wc', 'na')
CHOSEN = {'A': {'auth', 'no'}, 'W': {'auth', 'wc'}, 'U': {'auth'}, 'N': {'na'}, 'C': {'auth', 'no', 'na'}, '-': set()}
LIST = 'Y.4612 (Y.IoT-esf), Y.4231 (Y.UC-aqm), Y.4459, Y.SmC-evc'
OLD_LIST = 'X.1280 (X.oob-sa), X.1471 (X.ztd-pqc), X.1252, X.nsec-ai'


def _relabel(d):
    d = copy.deepcopy(d)
    for k in ('auth', 'na'):
        d[k] = d[k].replace('17', str(SG))
    for k in ('annex', 'to_circ', 'intro', 'subject'):
        d[k] = d[k].replace('187', str(CIRCULAR)).replace(OLD_LIST, LIST).replace('X.1645', 'Y.4113')
    d['subject'] = (d['subject'].replace('X.1280 (X.oob-sa)', 'Y.4612 (Y.IoT-esf)').replace('X.1471 (X.ztd-pqc)', 'Y.4231 (Y.UC-aqm)')
                    .replace('X.1252', 'Y.4459').replace('X.nsec-ai', 'Y.SmC-evc'))
    return d


L = {lang: _relabel(v) for lang, v in L3.items()}


def draft_name(lang, key):
    return draft_name3(lang, key, PROV[key], KIND[key])


def short(key):
    return key + (f' ({PROV[key]})' if PROV.get(key) else '')


# words of the forms' own that the earlier sets did not have
F = {
    'en': dict(col_draft='Draft', col_pos='Position of this Administration (choose from the list)',
               col_txt='Reasons / comments and proposed changes', choose='(choose one)',
               dd=['(choose one)', 'Authorizes – no comments or proposed changes', 'Authorizes – comments/proposed changes attached',
                   'Does not authorize – reasons attached'],
               plc='Click or tap here to enter text.', page2='Reasons and comments', ps='P.S.'),
    'fr': dict(col_draft='Projet', auth_head=f"Autorise la Commission d'études {SG} à examiner ce projet en vue de son approbation",
               na_head=f"N'autorise pas la Commission d'études {SG} à examiner ce projet (motifs joints)",
               no_head='Pas de commentaires ni de propositions de modification',
               wc_head='Commentaires et propositions de modification joints',
               hint='(cocher une case par projet)', txt_row='Motifs et commentaires (le cas échéant) :',
               page2='Motifs et commentaires', ps='P.-S.'),
    'es': dict(hint='(marque una casilla por proyecto; si autoriza, marque una de las dos opciones)', page2='Motivos y comentarios',
               ps='P.D.'),
    'ru': dict(col_draft='Проект', col_pos='Позиция Администрации', page2='Причины и замечания', ps='P.S.'),
    'ar': dict(col_draft='المشروع', col_pos='موقف الإدارة', page2='الأسباب والتعليقات', ps='ملاحظة:'),
    'zh': dict(hint='（每项草案勾选一项；如授权，请在两个选项中选择一项）', page2='理由和意见', ps='附言：'),
}

# ---- numbering: the list bullets that are boxes (es, ar), bullets for reasons ----
NUM_EMPTY, NUM_CHOSEN, NUM_OPT, NUM_OPT_CHOSEN, NUM_BULLET = 10, 11, 12, 13, 14


def _lvl(ilvl, char, font, left):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{char}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="397"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" w:hint="default"/></w:rPr></w:lvl>')


def numbering_xml():
    absn = [
        (10, [('☐', 'MS Gothic', 397), ('○', 'Arial', 1134)]),
        (11, [('☒', 'MS Gothic', 397), ('●', 'Arial', 1134)]),
        (12, [('○', 'Arial', 567)]),
        (13, [('●', 'Arial', 567)]),
        (14, [('•', 'Symbol', 567)]),
    ]
    s = h4.NUMBERING.replace('</w:numbering>', '')
    # abstract numbers must come before every w:num: rebuild the part in that order
    head, rest = s.split('<w:num ', 1)
    rest = '<w:num ' + rest
    for aid, lvls in absn:
        head += (f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>'
                 + ''.join(_lvl(i, c, f, left) for i, (c, f, left) in enumerate(lvls)) + '</w:abstractNum>')
    for aid, _ in absn:
        rest += f'<w:num w:numId="{aid}"><w:abstractNumId w:val="{aid}"/></w:num>'
    return head + rest + '</w:numbering>'


# the reasons' placeholder style (as Word's "Placeholder Text")
STYLES_EXTRA = ('<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/>'
                '<w:rPr><w:color w:val="808080"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/>'
                '<w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
                '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/>'
                '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>')


class Doc(h4.Doc):
    """habits4's writer, plus drop-down fields, custom content-control boxes, block content controls,
    anchored text boxes and section breaks."""

    def __init__(self, lang, author='User'):
        super().__init__(lang, author)
        self.num5 = False
        self.footer = None
        self.endnotes = []   # (id, text)
        self.force_sz = None  # a font size for every run written meanwhile (the text-box form)

    def rpr(self, text='', sz=None, **f):
        return super().rpr(text, sz=sz or self.force_sz, **f)

    def endnote(self, text):
        eid = len(self.endnotes) + 1
        self.endnotes.append((eid, text))
        return f'<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="{eid}"/></w:r>'

    def del_para(self, para):
        """The paragraph deleted under Track Changes (by a reviewer): every run in w:del, the mark deleted too."""
        self.tracked = True
        self.rev += 1
        mark = f'<w:rPr><w:del w:id="{self.rev}" w:author="{x(self.author)}" w:date="2026-12-09T14:{self.rev % 60:02d}:00Z"/></w:rPr>'
        if '<w:pPr>' in para:
            para = para.replace('</w:pPr>', mark + '</w:pPr>', 1)
        else:
            para = para.replace('<w:p>', f'<w:p><w:pPr>{mark}</w:pPr>', 1)
        return re.sub(r'<w:r>.*?</w:r>', lambda m: self.dele(m.group(0)), para)

    @staticmethod
    def theme_shade(para, fill='C5E0B3', theme='accent6', tint='66'):
        """Shading in a theme colour (Design > Colors: Accent 6, lighter 60 %) on a paragraph."""
        shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}" w:themeFill="{theme}" w:themeFillTint="{tint}"/>'
        if '<w:pPr>' in para:
            # w:shd comes after w:numPr/keepNext and before w:bidi/spacing/ind/jc: put it first after pStyle/numPr
            m = re.search(r'<w:pPr>((?:<w:pStyle [^>]*/>)?(?:<w:keepNext/>)?(?:<w:numPr>.*?</w:numPr>)?)', para)
            return para[:m.end()] + shd + para[m.end():]
        return para.replace('<w:p>', f'<w:p><w:pPr>{shd}</w:pPr>', 1)

    def dropdown(self, entries, result=0):
        n = self.nid()
        res = f'<w:result w:val="{result}"/>' if result else ''
        le = ''.join(f'<w:listEntry w:val="{x(e)}"/>' for e in entries)
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown{n}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:ddList>{res}{le}</w:ddList></w:ffData></w:fldChar></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def cc5(self, checked, on=('2714', 'Segoe UI Symbol'), off=('2610', 'MS Gothic')):
        """A check-box content control with the checked/unchecked symbols given (code point, font)."""
        n = self.nid()
        code, font = on if checked else off
        fx = f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>'
        return (f'<w:sdt><w:sdtPr><w:rPr>{fx}</w:rPr><w:id w:val="{-1406000000 + n * 7919}"/>'
                f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
                f'<w14:checkedState w14:val="{on[0]}" w14:font="{on[1]}"/>'
                f'<w14:uncheckedState w14:val="{off[0]}" w14:font="{off[1]}"/></w14:checkbox></w:sdtPr>'
                f'<w:sdtContent><w:r><w:rPr>{fx}</w:rPr><w:t>{chr(int(code, 16))}</w:t></w:r></w:sdtContent></w:sdt>')

    def block_cc(self, paras_xml, alias, placeholder=None):
        """A block-level rich-text content control; with `placeholder` it shows Word's placeholder text."""
        n = self.nid()
        if placeholder is not None:
            body = self.p(f'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{x(placeholder)}</w:t></w:r>')
            return (f'<w:sdt><w:sdtPr><w:alias w:val="{x(alias)}"/><w:tag w:val="{x(alias)}"/><w:id w:val="{-912000000 + n * 613}"/>'
                    f'<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/>'
                    f'</w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>')
        return (f'<w:sdt><w:sdtPr><w:alias w:val="{x(alias)}"/><w:tag w:val="{x(alias)}"/><w:id w:val="{-912000000 + n * 613}"/>'
                f'<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>'
                f'</w:sdtPr><w:sdtContent>{paras_xml}</w:sdtContent></w:sdt>')

    def listp(self, runs, num_id, ilvl=0, ind=None):
        self.num5 = True
        self.numbering = True
        pr = f'<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        if self.rtl:
            pr += '<w:bidi/>'
        if ind:
            pr += f'<w:ind {ind}/>'
        return f'<w:p><w:pPr>{pr}</w:pPr>{runs}</w:p>'

    def section(self, landscape=False, cols=1, kind='nextPage'):
        """A paragraph holding the sectPr that ends the section before it."""
        w, h = (16838, 11906) if landscape else (11906, 16838)
        o = ' w:orient="landscape"' if landscape else ''
        c = f'<w:cols w:num="{cols}" w:space="567" w:sep="1"/>' if cols > 1 else '<w:cols w:space="708"/>'
        return (f'<w:p><w:pPr>{"<w:bidi/>" if self.rtl else ""}<w:sectPr><w:type w:val="{kind}"/><w:pgSz w:w="{w}" w:h="{h}"{o}/>'
                '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
                f'{c}{"<w:bidi/>" if self.rtl else ""}</w:sectPr></w:pPr></w:p>')

    def float_box(self, paras_xml, cx=2300000, cy=1500000, off_x=4300000):
        """A text box floating at the right of the paragraph it is anchored in (square wrapping)."""
        self.drawings += 1
        n = self.drawings
        A = h4.A_NS
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="{251660000 + n}" '
                f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="column"><wp:posOffset>{off_x}</wp:posOffset></wp:positionH>'
                f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
                f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
                f'<a:graphic {A}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFF2CC"/></a:solidFill>'
                f'<a:ln w="9525"><a:solidFill><a:srgbClr val="BF9000"/></a:solidFill></a:ln></wps:spPr>'
                f'<wps:txbx><w:txbxContent>{paras_xml}</w:txbxContent></wps:txbx>'
                f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t">'
                f'<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
                f'<mc:Fallback><w:pict><v:shape id="Text Box {n}" o:spid="_x0000_s{3073 + n}" type="#_x0000_t202" '
                f'style="position:absolute;margin-left:{off_x / 12700:.1f}pt;margin-top:0;width:{cx / 12700:.1f}pt;'
                f'height:{cy / 12700:.1f}pt;z-index:{n};mso-position-horizontal-relative:text;mso-position-vertical-relative:text" '
                f'fillcolor="#fff2cc" strokecolor="#bf9000"><v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{paras_xml}'
                f'</w:txbxContent></v:textbox><w10:wrap type="square"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def endnotes_part(doc):
    s = ('<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
         '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>')
    for eid, text in doc.endnotes:
        s += f'<w:endnote w:id="{eid}">'
        for i, line in enumerate(text.split('\n')):
            ref = ('<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
                   if i == 0 else '')
            s += f'<w:p><w:pPr><w:pStyle w:val="EndnoteText"/>{"<w:bidi/>" if doc.rtl else ""}</w:pPr>{ref}{doc.r(line)}</w:p>'
        s += '</w:endnote>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes {h4.NS}>{s}</w:endnotes>'


def package(path, doc, body, title, creator, modified):
    """habits4_form.package, then this set's own numbering part, styles and endnotes."""
    h4.package(path, doc, body, title, creator, modified)
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    en = doc.endnotes
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == 'word/numbering.xml' and doc.num5:
                data = numbering_xml().encode('utf-8')
            if info.filename == 'word/styles.xml':
                data = data.replace(b'</w:styles>', STYLES_EXTRA.encode('utf-8') + b'</w:styles>')
            if en and info.filename == '[Content_Types].xml':
                data = data.replace(b'</Types>', b'<Override PartName="/word/endnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
            if en and info.filename == 'word/_rels/document.xml.rels':
                data = data.replace(b'</Relationships>', b'<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/></Relationships>')
            if en and info.filename == 'word/settings.xml':
                data = data.replace(b'<w:compat>', b'<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr><w:compat>')
            z.writestr(info, data)
            if en and info.filename == 'word/settings.xml':
                ni = zipfile.ZipInfo('word/endnotes.xml', date_time=info.date_time)
                ni.compress_type = zipfile.ZIP_DEFLATED
                ni.external_attr = 0o644 << 16
                z.writestr(ni, endnotes_part(doc).encode('utf-8'))


def unzip_text(path, part='word/document.xml'):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode('utf-8')


def plain(xml):
    return re.sub(r'<[^>]+>', '', xml)
