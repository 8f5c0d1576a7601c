"""Word XML for scripts/make-habits2-fixtures.py: what habits_lib.Doc does not write.

Content-control check boxes (w14:checkbox), endnotes, a page footer, a bullet list (numbering.xml),
an inline signature picture, a drawn ellipse, cell and paragraph shading, and the package that holds
them. Written from FORM.md and the OOXML schema, not from replytally's reader.
"""

import struct
import zipfile
import zlib

from habits_lib import FONTS, SETTINGS, STYLES, W_NS, Doc, x

REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'


class Doc2(Doc):
    def __init__(self, rtl=False, author='User'):
        super().__init__(rtl, author)
        self.endnotes = []
        self.footer_xml = None
        self.image = None  # PNG bytes
        self.numbering = False
        self.sdt = 0

    # ---- paragraphs in schema order (pStyle, numPr, shd, bidi, spacing, ind, jc) ----
    def p2(self, runs, style=None, num=False, shd=None, ind=None, jc=None, spacing=None):
        pr = ''
        if style:
            pr += f'<w:pStyle w:val="{style}"/>'
        if num:
            self.numbering = True
            pr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        if shd:
            pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
        if self.rtl:
            pr += '<w:bidi/>'
        if spacing:
            pr += spacing
        if ind:
            pr += ind
        if jc:
            pr += f'<w:jc w:val="{jc}"/>'
        return f'<w:p>{"<w:pPr>" + pr + "</w:pPr>" if pr else ""}{"".join(runs)}</w:p>'

    def cc_box(self, checked):
        """A Word 2010 content-control check box, as Word writes it (MS Gothic ☐/☒)."""
        self.sdt += 1
        g = '☒' if checked else '☐'
        font = '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/>'
        return (f'<w:sdt><w:sdtPr><w:rPr>{font}</w:rPr><w:id w:val="{-1700000 - self.sdt * 7919}"/>'
                f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
                f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
                f'</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>{font}</w:rPr><w:t>{g}</w:t></w:r></w:sdtContent></w:sdt>')

    def endnote(self, text):
        eid = len(self.endnotes) + 1
        self.endnotes.append((eid, text))
        return (f'<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:endnoteReference w:id="{eid}"/></w:r>')

    def picture(self, png, cx=1440000, cy=480000):
        self.image = png
        return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
                f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="501" name="Picture 1" descr="signature"/>'
                f'<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
                f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                f'<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="501" name="signature.png"/><pic:cNvPicPr/></pic:nvPicPr>'
                f'<pic:blipFill><a:blip r:embed="rId20"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
                f'</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')

    def ellipse(self, cx=2700000, cy=330000, dx=-60000, dy=-170000):
        """A red ellipse drawn with Insert > Shapes around a line: anchored, floating, no fill;
        its text is empty, so only its position says what it circles."""
        self.shape += 1
        n = 700 + self.shape
        choice = (
            f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + n}" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{dx}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{dy}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="19050" t="19050" r="19050" b="19050"/><wp:wrapNone/>'
            f'<wp:docPr id="{n}" name="Oval {n}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="28575"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="ctr"><a:noAutofit/></wps:bodyPr></wps:wsp>'
            f'</a:graphicData></a:graphic></wp:anchor></w:drawing>')
        fallback = (f'<w:pict><v:oval id="Oval {n}" o:spid="_x0000_s20{n}" style="position:absolute;margin-left:{dx / 12700:.1f}pt;'
                    f'margin-top:{dy / 12700:.1f}pt;width:{cx / 12700:.1f}pt;height:{cy / 12700:.1f}pt;z-index:{n};'
                    f'mso-position-horizontal-relative:text;mso-position-vertical-relative:text" filled="f" strokecolor="red" strokeweight="2.25pt"/></w:pict>')
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


def signature_png(seed):
    """A small black-on-white scribble (deterministic), as a scanned signature."""
    w, h = 180, 60
    rows = [bytearray([255] * w) for _ in range(h)]
    import math
    for t in range(0, 1600):
        u = t / 1600
        xx = int(10 + u * 160)
        yy = int(30 + 18 * math.sin(u * (9 + seed % 5) * math.pi) * math.cos(u * 3.1 + seed))
        for dy in (0, 1):
            if 0 <= yy + dy < h:
                rows[yy + dy][xx] = 0
    raw = b''.join(b'\x00' + bytes(r) for r in rows)

    def chunk(k, d):
        return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


STYLES2 = STYLES.replace('</w:styles>', (
    '<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
    '</w:styles>'))

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>'
             '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def notes_xml(kind, notes, rtl, run):
    tag = kind  # 'footnote' / 'endnote'
    s = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
         f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>')
    style = 'EndnoteText' if tag == 'endnote' else 'FootnoteText'
    ref = 'endnoteRef' if tag == 'endnote' else 'footnoteRef'
    rstyle = 'EndnoteReference' if tag == 'endnote' else 'FootnoteReference'
    for nid, text in notes:
        s += f'<w:{tag} w:id="{nid}">'
        for i, line in enumerate(text.split('\n')):
            r = (f'<w:r><w:rPr><w:rStyle w:val="{rstyle}"/></w:rPr><w:{ref}/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
                 if i == 0 else '')
            s += f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{"<w:bidi/>" if rtl else ""}</w:pPr>{r}{run(line)}</w:p>'
        s += f'</w:{tag}>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag}s {W_NS}>{s}</w:{tag}s>'


def package2(path, doc, body_xml, title='Reply form', creator='TSB', modified='2026-03-10T09:00:00Z'):
    """Writes a .docx with fixed timestamps and entry order (the same bytes every run)."""
    parts = {}
    rels = [('rId1', 'styles', 'styles.xml'), ('rId2', 'settings', 'settings.xml'), ('rId3', 'fontTable', 'fontTable.xml')]
    ov = [('/word/document.xml', CT + 'document.main+xml'), ('/word/styles.xml', CT + 'styles+xml'),
          ('/word/settings.xml', CT + 'settings+xml'), ('/word/fontTable.xml', CT + 'fontTable+xml'),
          ('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
          ('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml')]
    refs = ''
    if doc.header_xml:
        rels.append(('rId10', 'header', 'header1.xml'))
        ov.append(('/word/header1.xml', CT + 'header+xml'))
        parts['word/header1.xml'] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}>{doc.header_xml}</w:hdr>'
        refs += '<w:headerReference w:type="default" r:id="rId10"/>'
    if doc.footer_xml:
        rels.append(('rId13', 'footer', 'footer1.xml'))
        ov.append(('/word/footer1.xml', CT + 'footer+xml'))
        parts['word/footer1.xml'] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}>{doc.footer_xml}</w:ftr>'
        refs += '<w:footerReference w:type="default" r:id="rId13"/>'
    if doc.comments:
        rels.append(('rId11', 'comments', 'comments.xml'))
        ov.append(('/word/comments.xml', CT + 'comments+xml'))
        cs = ''.join(f'<w:comment w:id="{cid}" w:author="{x(doc.author)}" w:date="2026-03-10T10:00:00Z" w:initials="{x(doc.author[:2])}">'
                     + ''.join(f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{doc.run(line)}</w:p>' for line in text.split('\n'))
                     + '</w:comment>' for cid, text in doc.comments)
        parts['word/comments.xml'] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {W_NS}>{cs}</w:comments>'
    notepr = ''
    if doc.footnotes:
        rels.append(('rId12', 'footnotes', 'footnotes.xml'))
        ov.append(('/word/footnotes.xml', CT + 'footnotes+xml'))
        parts['word/footnotes.xml'] = notes_xml('footnote', doc.footnotes, doc.rtl, doc.run)
        notepr += '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    if doc.endnotes:
        rels.append(('rId14', 'endnotes', 'endnotes.xml'))
        ov.append(('/word/endnotes.xml', CT + 'endnotes+xml'))
        parts['word/endnotes.xml'] = notes_xml('endnote', doc.endnotes, doc.rtl, doc.run)
        notepr += '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
    if doc.numbering:
        rels.append(('rId15', 'numbering', 'numbering.xml'))
        ov.append(('/word/numbering.xml', CT + 'numbering+xml'))
        parts['word/numbering.xml'] = NUMBERING
    if doc.image:
        rels.append(('rId20', 'image', 'media/image1.png'))
        parts['word/media/image1.png'] = doc.image
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11907" w:h="16840" w:code="9"/>'
            f'<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            f'{"<w:bidi/>" if doc.rtl else ""}<w:docGrid w:linePitch="326"/></w:sectPr>')
    parts['word/document.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<w:document {W_NS}><w:body>{body_xml}{sect}</w:body></w:document>')
    parts['word/styles.xml'] = STYLES2
    parts['word/settings.xml'] = SETTINGS.format(track='', fn=notepr)
    parts['word/fontTable.xml'] = FONTS.replace('</w:fonts>', '<w:font w:name="MS Gothic"><w:charset w:val="80"/></w:font></w:fonts>')
    parts['word/_rels/document.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join(f'<Relationship Id="{i}" Type="{REL}{t}" Target="{tg}"/>' for i, t, tg in rels) + '</Relationships>')
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        + ''.join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in ov) + '</Types>')
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
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-04-02T08:00:00Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')
    parts['docProps/app.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                                 '<Application>Microsoft Office Word</Application></Properties>')
    order = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml',
             'word/settings.xml', 'word/fontTable.xml', 'word/numbering.xml', 'word/header1.xml', 'word/footer1.xml',
             'word/comments.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/media/image1.png',
             'docProps/core.xml', 'docProps/app.xml']
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in order:
            if name in parts:
                info = zipfile.ZipInfo(name, date_time=(2026, 4, 2, 9, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                data = parts[name]
                z.writestr(info, data if isinstance(data, bytes) else data.encode('utf-8'))
