"""Word XML building blocks for scripts/make-habits-fixtures.py.

Written from FORM.md and from the layout of the published blank forms (Annex 2 of a TSB
Circular), not from replytally's reader. Everything here is plain WordprocessingML written by
hand, so each habit is exactly the XML Word (or a person using Word) would leave.
"""

import re
import zipfile
from xml.sax.saxutils import escape

W_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 w15 wp14"'
)

ARABIC = re.compile('[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]')


def x(s):
    return escape(s, {'"': '&quot;'})


class Doc:
    """State of one document being written: ids for revisions, comments, footnotes, boxes."""

    def __init__(self, rtl=False, author='User'):
        self.rtl = rtl
        self.author = author
        self.rev = 100
        self.box = 0
        self.comments = []  # (id, text)
        self.footnotes = []  # (id, text)
        self.shape = 0
        self.header_xml = None

    def next_rev(self):
        self.rev += 1
        return self.rev

    # ---- runs -------------------------------------------------------------------------
    def rpr(self, text='', extra=''):
        rtl = '<w:rtl/>' if self.rtl and ARABIC.search(text or '') else ''
        lang = '<w:lang w:bidi="ar-SA"/>' if rtl else ''
        inner = extra + rtl + lang
        return f'<w:rPr>{inner}</w:rPr>' if inner else ''

    def run(self, text, extra='', deleted=False):
        """A run; tabs in `text` become <w:tab/>, newlines <w:br/>."""
        tag = 'w:delText' if deleted else 'w:t'
        parts = []
        for piece in re.split(r'(\t|\n)', text):
            if piece == '\t':
                parts.append('<w:tab/>')
            elif piece == '\n':
                parts.append('<w:br/>')
            elif piece:
                parts.append(f'<{tag} xml:space="preserve">{x(piece)}</{tag}>')
        return f'<w:r>{self.rpr(text, extra)}{"".join(parts)}</w:r>'

    def sym(self, font, char, extra=''):
        return f'<w:r>{self.rpr("", extra)}<w:sym w:font="{font}" w:char="{char}"/></w:r>'

    def legacy_box(self, state):
        """A legacy FORMCHECKBOX. state: False (Word: default 0), True (Word: checked),
        'lo' (LibreOffice: neither checked nor default), 'val1' (<w:checked w:val="1"/>)."""
        self.box += 1
        n = self.box
        if state is True:
            cb = '<w:sizeAuto/><w:default w:val="0"/><w:checked/>'
        elif state == 'val1':
            cb = '<w:sizeAuto/><w:default w:val="0"/><w:checked w:val="1"/>'
        elif state == 'lo':
            cb = '<w:sizeAuto/>'
        else:
            cb = '<w:sizeAuto/><w:default w:val="0"/>'
        return (
            f'<w:bookmarkStart w:id="{900 + n}" w:name="Check{n}"/>'
            f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox>{cb}</w:checkBox></w:ffData>'
            f'</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:bookmarkEnd w:id="{900 + n}"/>'
        )

    def ins(self, inner, date='2026-03-10T09:12:00Z'):
        return f'<w:ins w:id="{self.next_rev()}" w:author="{x(self.author)}" w:date="{date}">{inner}</w:ins>'

    def dele(self, inner, date='2026-03-10T09:12:00Z'):
        return f'<w:del w:id="{self.next_rev()}" w:author="{x(self.author)}" w:date="{date}">{inner}</w:del>'

    def deleted_run(self, text, extra=''):
        return self.dele(self.run(text, extra, deleted=True))

    def comment(self, text):
        cid = len(self.comments)
        self.comments.append((cid, text))
        return cid

    def comment_ref(self, cid):
        return (f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{cid}"/></w:r>')

    def footnote(self, text):
        fid = len(self.footnotes) + 1
        self.footnotes.append((fid, text))
        return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{fid}"/></w:r>')

    def textbox(self, paras_text, height_emu=720000):
        """An inline Word 2010 text box (wps) with its VML fallback: the same content twice, as
        Word writes it."""
        self.shape += 1
        n = self.shape
        body = ''.join(self.para([self.run(t)]) for t in paras_text)
        cx = 3600000
        choice = (
            f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{height_emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{height_emu}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            f'<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>'
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:spAutoFit/></wps:bodyPr>'
            f'</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>'
        )
        fallback = (
            f'<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            f'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            f'<v:shape id="Text Box {n}" o:spid="_x0000_s10{n:02d}" type="#_x0000_t202" '
            f'style="width:283.5pt;height:{height_emu / 12700:.1f}pt;mso-position-horizontal-relative:char;mso-position-vertical-relative:line" '
            f'fillcolor="white" strokeweight=".5pt"><v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict>'
        )
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')

    # ---- paragraphs, cells, rows ------------------------------------------------------
    def ppr(self, extra='', deleted_mark=False, inserted_mark=False):
        bidi = '<w:bidi/>' if self.rtl else ''
        mark = ''
        if deleted_mark:
            mark = f'<w:rPr><w:del w:id="{self.next_rev()}" w:author="{x(self.author)}" w:date="2026-03-10T09:12:00Z"/></w:rPr>'
        elif inserted_mark:
            mark = f'<w:rPr><w:ins w:id="{self.next_rev()}" w:author="{x(self.author)}" w:date="2026-03-10T09:12:00Z"/></w:rPr>'
        # w:bidi must come before w:jc / w:ind? Schema order: ... spacing, ind, ..., jc, ..., bidi comes
        # before spacing. Keep schema order: pStyle, keepNext.., bidi, spacing, ind, jc, rPr.
        m = re.match(r'(<w:pStyle[^>]*/>)?(.*)', extra, re.S)
        style, rest = m.group(1) or '', m.group(2)
        inner = style + bidi + rest + mark
        return f'<w:pPr>{inner}</w:pPr>' if inner else ''

    def para(self, runs, extra='', **kw):
        return f'<w:p>{self.ppr(extra, **kw)}{"".join(runs)}</w:p>'

    def text_para(self, text, extra='', rextra=''):
        return self.para([self.run(text, rextra)], extra)

    def cell(self, width, paras, vmerge=None, span=1, shd=None, valign=None):
        pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if span > 1:
            pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == 'restart':
            pr += '<w:vMerge w:val="restart"/>'
        elif vmerge == 'continue':
            pr += '<w:vMerge/>'
        if shd:
            pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
        if valign:
            pr += f'<w:vAlign w:val="{valign}"/>'
        if not paras:
            paras = [self.para([])]
        return f'<w:tc><w:tcPr>{pr}</w:tcPr>{"".join(paras)}</w:tc>'

    def row(self, cells, trpr=''):
        return f'<w:tr>{("<w:trPr>" + trpr + "</w:trPr>") if trpr else ""}{"".join(cells)}</w:tr>'

    def table(self, grid, rows, borders=True):
        cols = ''.join(f'<w:gridCol w:w="{g}"/>' for g in grid)
        bidi = '<w:bidiVisual/>' if self.rtl else ''
        b = ('<w:tblStyle w:val="TableGrid"/>' if borders else '')
        nob = ('' if borders else '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
               '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
        return (f'<w:tbl><w:tblPr>{b}{bidi}<w:tblW w:w="{sum(grid)}" w:type="dxa"/>{nob}<w:tblLayout w:type="fixed"/>'
                f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
                f'</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{"".join(rows)}</w:tbl>')


STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="SimSun" w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="120" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>'''

SETTINGS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{track}<w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/>{fn}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'''

FONTS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="Calibri"/><w:font w:name="Times New Roman"/><w:font w:name="SimSun"/><w:font w:name="Wingdings"><w:charset w:val="02"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font><w:font w:name="Wingdings 2"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'''


def package(path, doc, body_xml, title='Reply form', modified='2026-03-10T09:00:00Z', creator='TSB'):
    """Writes a .docx with fixed timestamps and entry order (the same bytes every run)."""
    parts = {}
    rels = [
        ('rId1', 'styles', 'styles.xml'),
        ('rId2', 'settings', 'settings.xml'),
        ('rId3', 'fontTable', 'fontTable.xml'),
    ]
    overrides = [
        ('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
        ('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'),
        ('/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml'),
        ('/word/fontTable.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml'),
        ('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
        ('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'),
    ]
    sect_refs = ''
    if doc.header_xml:
        rels.append(('rId10', 'header', 'header1.xml'))
        overrides.append(('/word/header1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml'))
        parts['word/header1.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                     f'<w:hdr {W_NS}>{doc.header_xml}</w:hdr>')
        sect_refs = '<w:headerReference w:type="default" r:id="rId10"/>'
    if doc.comments:
        rels.append(('rId11', 'comments', 'comments.xml'))
        overrides.append(('/word/comments.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'))
        cs = ''.join(
            f'<w:comment w:id="{cid}" w:author="{x(doc.author)}" w:date="2026-03-10T10:00:00Z" w:initials="{x(doc.author[:2])}">'
            + ''.join(
                f'<w:p><w:pPr><w:pStyle w:val="CommentText"/>{"<w:bidi/>" if doc.rtl else ""}</w:pPr>'
                + (f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' if i == 0 else '')
                + doc.run(line) + '</w:p>'
                for i, line in enumerate(text.split('\n')))
            + '</w:comment>'
            for cid, text in doc.comments)
        parts['word/comments.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                      f'<w:comments {W_NS}>{cs}</w:comments>')
    fnpr = ''
    if doc.footnotes:
        rels.append(('rId12', 'footnotes', 'footnotes.xml'))
        overrides.append(('/word/footnotes.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml'))
        fs = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
        for fid, text in doc.footnotes:
            lines = text.split('\n')
            fs += f'<w:footnote w:id="{fid}">'
            for i, line in enumerate(lines):
                ref = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
                       if i == 0 else '')
                fs += (f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/>{"<w:bidi/>" if doc.rtl else ""}</w:pPr>{ref}{doc.run(line)}</w:p>')
            fs += '</w:footnote>'
        parts['word/footnotes.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                       f'<w:footnotes {W_NS}>{fs}</w:footnotes>')
        fnpr = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    sect = (f'<w:sectPr>{sect_refs}<w:pgSz w:w="11907" w:h="16840" w:code="9"/>'
            f'<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            f'{"<w:bidi/>" if doc.rtl else ""}<w:docGrid w:linePitch="326"/></w:sectPr>')
    parts['word/document.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<w:document {W_NS}><w:body>{body_xml}{sect}</w:body></w:document>')
    parts['word/styles.xml'] = STYLES
    parts['word/settings.xml'] = SETTINGS.format(track='', fn=fnpr)
    parts['word/fontTable.xml'] = FONTS
    parts['word/_rels/document.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join(f'<Relationship Id="{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{t}" Target="{tg}"/>'
                  for i, t, tg in rels)
        + '</Relationships>')
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + ''.join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
        + '</Types>')
    parts['_rels/.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
    parts['docProps/core.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{x(title)}</dc:title><dc:creator>{x(creator)}</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-20T08:00:00Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')
    parts['docProps/app.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        '<Application>Microsoft Office Word</Application></Properties>')
    order = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels',
             'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/header1.xml',
             'word/comments.xml', 'word/footnotes.xml', 'docProps/core.xml', 'docProps/app.xml']
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in order:
            if name in parts:
                info = zipfile.ZipInfo(name, date_time=(2026, 3, 10, 9, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, parts[name].encode('utf-8'))
