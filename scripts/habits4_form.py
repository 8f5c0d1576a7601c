"""WordprocessingML for scripts/make-habits4-fixtures.py: the reply form of TSB Circular 251
(Study Group 16) in six languages and six layouts none of the earlier sets had, and the edits
people make to it that the earlier sets (habits, habits2, habits3) did not have.

Written from FORM.md, CONTRACT.md and the earlier sets' READMEs and truth only (not from
replytally's reader). The low-level writer (runs, paragraphs, cells, legacy fields, content
controls, Word comments) is habits3_docx.Doc; this module adds the parts it lacks (pictures,
drawn shapes, text boxes, numbering, page breaks, headings) and the form layouts:

  en  `twoline`   one table with a header row over two lines; the box typed in the same run as the
                  label's key word ("☐ Authorizes"), options "○ No comments…" likewise
  fr  `dec2col`   one small table per draft: a title row, then the two decisions side by side in two
                  columns (Autorise + its options | N'autorise pas); boxes ☐, options ⃝
  es  `pdfpaste`  no table: the form copy-pasted from the PDF, every label broken into a new
                  paragraph mid-sentence where the PDF's line ended; boxes "[ ]", options "( )"
  ru  `splitruns` the usual table (draft cell merged down), every label split over many runs of
                  different fonts, sizes and styles (the key word itself cut in two); boxes and
                  options are characters in a Wingdings run (U+F0A8 empty box, U+F0A1 empty circle)
  ar  `boxcol`    right to left; one row per line (four a draft), the box in a column of its own:
                  decisions FORMCHECKBOX fields, options ○
  zh  `remarks`   one row per draft: 草案 | 立场 (the four lines, content-control boxes) | 备注 (remarks)
"""

import copy
import os
import re
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits3_docx import L as L3, Doc as Doc3, STYLES as STYLES3, comments_part, notes_part, x  # noqa: E402

CIRCULAR = 251
SG = 16
DEADLINE = '2026-11-20'
DRAFTS = [  # key (as the record's `draft`), provisional name, kind
    ('F.749.15', 'F.VR-ims', 'new'),
    ('H.871', 'H.ILE-iv', 'new'),
    ('H.430.5', None, 'revised'),
    ('H.264.1 Cor.1', None, 'corrigendum'),
    ('F.MSS-acc', None, 'new_noprov'),
]
KEYS = [k for k, _, _ in DRAFTS]
PROV = {k: p for k, p, _ in DRAFTS}
LAYOUT = {'en': 'twoline', 'fr': 'dec2col', 'es': 'pdfpaste', 'ru': 'splitruns', 'ar': 'boxcol', 'zh': 'remarks'}
CIRCLE = '\u20dd'
LIST = 'F.749.15 (F.VR-ims), H.871 (H.ILE-iv), H.430.5, F.MSS-acc'

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'mc:Ignorable="w14 w15 wp14"')
A_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
PIC_NS = 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'


def _relabel(d):
    d = copy.deepcopy(d)
    for k in ('auth', 'na'):
        d[k] = d[k].replace('17', str(SG))
    for k in ('annex', 'to_circ', 'intro'):
        d[k] = d[k].replace('187', str(CIRCULAR))
    return d


L = {lang: _relabel(v) for lang, v in L3.items()}
SUBJ = {
    'en': f'Reply of Member States to TSB Circular {CIRCULAR}: Consultation on determined draft new and revised Recommendations '
          f'ITU-T {LIST} and draft Corrigendum 1 to Recommendation ITU-T H.264.1',
    'fr': f'Réponse des États Membres à la Circulaire TSB {CIRCULAR}: Consultation sur les projets de nouvelles Recommandations et '
          f'de Recommandations révisées UIT-T {LIST} et le projet de Corrigendum 1 à la Recommandation UIT-T H.264.1 déterminés',
    'es': f'Respuesta de los Estados Miembros a la Circular TSB {CIRCULAR}: Consulta sobre los proyectos de nuevas Recomendaciones '
          f'y de Recomendaciones revisadas UIT-T {LIST} y el proyecto de Corrigéndum 1 a la Recomendación UIT-T H.264.1 determinados',
    'ru': f'Ответ Государств-Членов на Циркуляр {CIRCULAR} БСЭ: Консультация по определенным проектам новых и пересмотренных '
          f'Рекомендаций МСЭ-Т {LIST} и проекту Исправления 1 к Рекомендации МСЭ-Т H.264.1',
    'ar': f'رد الدول الأعضاء على الرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات: مشاورة بشأن مشاريع التوصيات الجديدة والمراجَعة '
          f'المحددة ITU-T {LIST} ومشروع التصويب 1 للتوصية ITU-T H.264.1',
    'zh': f'成员国对电信标准化局第{CIRCULAR}号通函的答复：关于已确定的ITU-T F.749.15 (F.VR-ims)、H.871 (H.ILE-iv)、H.430.5、'
          'F.MSS-acc新建议书草案和修订建议书草案以及ITU-T H.264.1建议书勘误1草案的磋商',
}
for _lang in L:
    L[_lang]['subject'] = SUBJ[_lang]
# labels a person types (the words of the added columns, the attachment's and annex's headings, …)
EXTRA = {
    'en': dict(att_head='Attachment: reasons and comments', annex_head='Annex – reasons and comments', see_att='See attached.',
               dec_col='Decision', com_col='Comments', words={'A': 'We agree, no comments', 'W': 'No objection, with comments',
                                                             'N': 'We object', 'U': 'We agree'},
               tb='Answer: ', th=('Draft Recommendation', '(number and title as in the Circular)',
                                  'Position of this Administration', '(mark one box; if it authorizes, mark one of the two options)'),
               supersede='This reply replaces our reply of {d}.'),
    'fr': dict(att_head='Pièce jointe : motifs et commentaires', annex_head='Annexe – motifs et commentaires',
               see_att='Voir pièce jointe.', dec_col='Décision', com_col='Commentaires',
               words={'A': "Pas d'objection, sans commentaires", 'W': "Pas d'objection, avec commentaires",
                      'N': "Nous n'autorisons pas", 'U': "Pas d'objection"}, tb='Réponse : ',
               supersede='La présente réponse remplace notre réponse du {d}.'),
    'es': dict(att_head='Anexo: motivos y comentarios', annex_head='Anexo – motivos y comentarios', see_att='Véase el anexo adjunto.',
               dec_col='Decisión', com_col='Comentarios',
               words={'A': 'Sin objeción, sin comentarios', 'W': 'Sin objeción, con comentarios', 'N': 'No estamos de acuerdo',
                      'U': 'Sin objeción'}, tb='Respuesta: ',
               supersede='Esta respuesta sustituye a nuestra respuesta del {d}.'),
    'ru': dict(att_head='Приложение: причины и замечания', annex_head='Приложение – причины и замечания', see_att='См. приложение.',
               dec_col='Решение', com_col='Замечания',
               words={'A': 'Не возражаем, замечаний нет', 'W': 'Не возражаем, с замечаниями', 'N': 'Возражаем',
                      'U': 'Не возражаем'}, tb='Ответ: ', supersede='Настоящий ответ заменяет наш ответ от {d}.'),
    'ar': dict(att_head='مرفق: الأسباب والتعليقات', annex_head='ملحق – الأسباب والتعليقات', see_att='انظر المرفق.',
               dec_col='القرار', com_col='التعليقات',
               words={'A': 'لا مانع، بدون تعليقات', 'W': 'لا مانع، مع تعليقات', 'N': 'لا نوافق', 'U': 'لا مانع'}, tb='الرد: ',
               supersede='يحل هذا الرد محل ردنا المؤرخ {d}.'),
    'zh': dict(att_head='附件：理由和意见', annex_head='附件——理由和意见', see_att='见附件。', dec_col='决定', com_col='意见',
               words={'A': '无异议，无意见', 'W': '无异议，附意见', 'N': '不同意', 'U': '无异议'}, tb='答复：',
               th=('草案', '立场', '备注'), supersede='本答复取代我方{d}的答复。'),
}
# the same in English, for replies written in English on another language's form
EXTRA_EN_WORDS = EXTRA['en']['words']


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
        return {'en': f'Draft revised Recommendation ITU-T {key}', 'fr': f'Projet de Recommandation UIT-T {key} révisée',
                'es': f'Proyecto de Recomendación UIT-T {key} revisada', 'ru': f'Проект пересмотренной Рекомендации МСЭ-Т {key}',
                'ar': f'مشروع التوصية المراجَعة ITU-T {key}', 'zh': f'ITU-T {key}修订建议书草案'}[lang]
    return {'en': f'Draft new Recommendation ITU-T {key}{p}', 'fr': f'Projet de nouvelle Recommandation UIT-T {key}{p}',
            'es': f'Proyecto de nueva Recomendación UIT-T {key}{p}', 'ru': f'Проект новой Рекомендации МСЭ-Т {key}{p}',
            'ar': f'مشروع التوصية الجديدة ITU-T {key}{p}', 'zh': f'ITU-T {key}{p}新建议书草案'}[lang]


def short_name(key):
    return key + (f' ({PROV[key]})' if PROV.get(key) else '')


class Doc(Doc3):
    """habits3's writer, plus pictures, shapes, text boxes, page breaks and numbered paragraphs."""

    def __init__(self, lang, author='User'):
        super().__init__(lang, author)
        self.media = {}      # file name -> bytes
        self.drawings = 0
        self.numbering = False

    def page_break(self):
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

    def picture(self, png, alt, cx=160000, cy=160000):
        """An inline picture (word/media/NAME), its alt text in wp:docPr/@descr, as Word writes it."""
        self.drawings += 1
        n = self.drawings
        self.media['tick.png'] = png
        return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
                f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                f'<wp:docPr id="{n}" name="Picture {n}" descr="{x(alt)}"/>'
                f'<wp:cNvGraphicFramePr><a:graphicFrameLocks {A_NS} noChangeAspect="1"/></wp:cNvGraphicFramePr>'
                f'<a:graphic {A_NS}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                f'<pic:pic {PIC_NS}><pic:nvPicPr><pic:cNvPr id="{n}" name="tick.png" descr="{x(alt)}"/><pic:cNvPicPr/></pic:nvPicPr>'
                f'<pic:blipFill><a:blip r:embed="rIdImg1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
                f'</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')

    def ellipse(self, dx=-70000, dy=-45000, cx=290000, cy=250000):
        """A red ellipse drawn over the text, anchored at the next character (Insert > Shapes > Oval)."""
        self.drawings += 1
        n = self.drawings
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + n}" '
                f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="character"><wp:posOffset>{dx}</wp:posOffset></wp:positionH>'
                f'<wp:positionV relativeFrom="line"><wp:posOffset>{dy}</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{n}" name="Oval {n}"/><wp:cNvGraphicFramePr/>'
                f'<a:graphic {A_NS}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                f'<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="22225"><a:solidFill><a:srgbClr val="FF0000"/>'
                f'</a:solidFill></a:ln></wps:spPr><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" '
                f'rIns="91440" bIns="45720" anchor="ctr"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
                f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                f'<v:oval id="Oval {n}" o:spid="_x0000_s{1025 + n}" style="position:absolute;margin-left:{dx / 12700:.1f}pt;'
                f'margin-top:{dy / 12700:.1f}pt;width:{cx / 12700:.1f}pt;height:{cy / 12700:.1f}pt;z-index:{n};'
                f'mso-position-horizontal-relative:char;mso-position-vertical-relative:line" filled="f" strokecolor="red" '
                f'strokeweight="1.75pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    def textbox(self, paras_xml, cx=4400000, cy=380000):
        """A text box (Insert > Text Box) set in line with the text: DrawingML in mc:Choice, VML in mc:Fallback."""
        self.drawings += 1
        n = self.drawings
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                f'<wp:inline distT="0" distB="0" distL="0" distR="0">'
                f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
                f'<a:graphic {A_NS}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
                f'<a:ln w="9525"><a:solidFill><a:srgbClr val="1F3864"/></a:solidFill></a:ln></wps:spPr>'
                f'<wps:txbx><w:txbxContent>{paras_xml}</w:txbxContent></wps:txbx>'
                f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t">'
                f'<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
                f'<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
                f'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
                f'<v:shape id="Text Box {n}" o:spid="_x0000_s{2049 + n}" type="#_x0000_t202" style="width:{cx / 12700:.1f}pt;'
                f'height:{cy / 12700:.1f}pt" strokecolor="#1f3864">'
                f'<v:textbox><w:txbxContent>{paras_xml}</w:txbxContent></v:textbox></v:shape>'
                f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    def numbered(self, runs, num_id, style=None, ind=None):
        self.numbering = True
        pr = (f'<w:pStyle w:val="{style}"/>' if style else '') + f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        if self.rtl:
            pr += '<w:bidi/>'
        if ind:
            pr += f'<w:ind {ind}/>'
        return f'<w:p><w:pPr>{pr}</w:pPr>{runs}</w:p>'


STYLES = STYLES3.replace(
    '</w:styles>',
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="240" w:after="60"/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style></w:styles>')

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<w:numbering {NS}>'
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/>'
             '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
             '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/>'
             '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '</w:numbering>')

CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def package(path, doc, body, title, creator, modified):
    parts = {}
    rels = [('rId1', 'styles', 'styles.xml'), ('rId2', 'settings', 'settings.xml')]
    ov = [('/word/document.xml', CT + 'document.main+xml'), ('/word/styles.xml', CT + 'styles+xml'),
          ('/word/settings.xml', CT + 'settings+xml'),
          ('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
          ('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml')]
    refs = ''
    if doc.header:
        rels.append(('rId7', 'header', 'header1.xml'))
        ov.append(('/word/header1.xml', CT + 'header+xml'))
        parts['word/header1.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>'
                                     + ''.join(doc.header) + '</w:hdr>')
        refs += '<w:headerReference w:type="default" r:id="rId7"/>'
    fnpr = ''
    if doc.footnotes:
        rels.append(('rId8', 'footnotes', 'footnotes.xml'))
        ov.append(('/word/footnotes.xml', CT + 'footnotes+xml'))
        parts['word/footnotes.xml'] = notes_part(doc).replace(re.search(r'<w:footnotes [^>]*>', notes_part(doc)).group(0),
                                                              f'<w:footnotes {NS}>')
        fnpr = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    if doc.comments:
        rels.append(('rId9', 'comments', 'comments.xml'))
        ov.append(('/word/comments.xml', CT + 'comments+xml'))
        parts['word/comments.xml'] = comments_part(doc)
    if doc.numbering:
        rels.append(('rId10', 'numbering', 'numbering.xml'))
        ov.append(('/word/numbering.xml', CT + 'numbering+xml'))
        parts['word/numbering.xml'] = NUMBERING
    defaults = []
    for name, data in sorted(doc.media.items()):
        rels.append(('rIdImg1', 'image', 'media/' + name))
        parts['word/media/' + name] = data
        defaults.append('<Default Extension="png" ContentType="image/png"/>')
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            f'{"<w:bidi/>" if doc.rtl else ""}</w:sectPr>')
    parts['word/document.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
                                  f'{body}{sect}</w:body></w:document>')
    parts['word/styles.xml'] = STYLES
    parts['word/settings.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NS}>'
                                  '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
                                  f'{fnpr}<w:compat><w:compatSetting w:name="compatibilityMode" '
                                  'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
    parts['word/_rels/document.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join(f'<Relationship Id="{i}" Type="{REL}{t}" Target="{tg}"/>' for i, t, tg in rels) + '</Relationships>')
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + ''.join(defaults)
        + ''.join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in ov) + '</Types>')
    parts['_rels/.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>')
    parts['docProps/core.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{x(title)}</dc:title><dc:creator>{x(creator)}</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-28T08:00:00Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')
    parts['docProps/app.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                                 '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')
    order = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml',
             'word/settings.xml', 'word/numbering.xml', 'word/header1.xml', 'word/footnotes.xml', 'word/comments.xml',
             'word/media/tick.png', 'docProps/core.xml', 'docProps/app.xml']
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in order:
            if name in parts:
                info = zipfile.ZipInfo(name, date_time=(2026, 11, 5, 9, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                data = parts[name]
                z.writestr(info, data if isinstance(data, bytes) else data.encode('utf-8'))
