"""WordprocessingML for scripts/make-habits6-fixtures.py: the reply form of TSB Circular 331
(Study Group 13) in six languages, and the ways people fill it that the earlier sets (habits ..
habits5) did not have.

Written from FORM.md, CONTRACT.md and the earlier sets' READMEs, truth and generators only (not from
replytally's reader). The low-level writer is habits5_form.Doc (habits4's writer, itself habits3's,
plus pictures, shapes, text boxes, numbering, endnotes); this module adds red rectangles (DrawingML
with a VML v:rect fallback), nested tables, a picture of any name, and the form layouts:

  en, es, ru, zh  `classic`  the form as FORM.md describes it: two rows per draft, the draft cell merged
                             down (w:vMerge), boxes ☐, options ⃝, one paragraph per line
  fr              `nested`   Word 2003-style nested tables: one outer row per draft (draft | a cell holding
                             an inner table of four rows: box cell | label cell)
  ar              `brlines`  right to left; one row per draft, the four lines in ONE paragraph separated
                             by line breaks (w:br), boxes ☐, options ⃝

Each reply is a cover letter (letterhead, reference, date, addressee, subject, body, signature) and,
after a page break, the filled form.
"""

import copy
import os
import re
import struct
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits3_docx import L as L3, draft_name as draft_name3, x  # noqa: E402
import habits4_form as h4  # noqa: E402
import habits5_form as h5  # noqa: E402

CIRCULAR = 331
SG = 13
DEADLINE = '2027-01-15'
DRAFTS = [  # key (as the record's `draft`), provisional name, kind
    ('Y.3186', 'Y.IMT2030-nsm', 'new'),
    ('Y.3241', 'Y.QKDN-rs', 'new'),
    ('Y.3104', None, 'revised'),
    ('Y.3113 Amd.1', None, 'amendment'),
    ('Y.FMC-ufc', None, 'new_noprov'),
]
KEYS = [k for k, _, _ in DRAFTS]
PROV = {k: p for k, p, _ in DRAFTS}
KIND = {k: kind for k, _, kind in DRAFTS}
LAYOUT = {'en': 'classic', 'fr': 'nested', 'es': 'classic', 'ru': 'classic', 'ar': 'brlines', 'zh': 'classic'}
CIRCLE = '\u20dd'
LINES = ('auth', 'no', 'wc', 'na')
CHOSEN = {'A': {'auth', 'no'}, 'W': {'auth', 'wc'}, 'U': {'auth'}, 'N': {'na'}, 'C': {'auth', 'no', 'na'}, '-': set()}
LIST = 'Y.3186 (Y.IMT2030-nsm), Y.3241 (Y.QKDN-rs), Y.3104, Y.FMC-ufc'
OLD_LIST = 'X.1280 (X.oob-sa), X.1471 (X.ztd-pqc), X.1252, X.nsec-ai'


def _relabel(d, circ=CIRCULAR):
    d = copy.deepcopy(d)
    for k in ('auth', 'na'):
        d[k] = d[k].replace('17', str(SG))
    for k in ('annex', 'to_circ', 'intro', 'subject'):
        d[k] = d[k].replace('187', str(circ)).replace(OLD_LIST, LIST).replace('X.1645', 'Y.3113')
    d['subject'] = (d['subject'].replace('X.1280 (X.oob-sa)', 'Y.3186 (Y.IMT2030-nsm)').replace('X.1471 (X.ztd-pqc)', 'Y.3241 (Y.QKDN-rs)')
                    .replace('X.1252', 'Y.3104').replace('X.nsec-ai', 'Y.FMC-ufc'))
    return d


L = {lang: _relabel(v) for lang, v in L3.items()}
L_OLD = {lang: _relabel(v, 297) for lang, v in L3.items()}  # last year's form: TSB Circular 297 in its title


def draft_name(lang, key):
    return draft_name3(lang, key, PROV[key], KIND[key])


def short(key):
    return key + (f' ({PROV[key]})' if PROV.get(key) else '')


# the cover letter, per language
CL = {
    'en': dict(ref='Our ref.:', to=['Mr Seizo Onoe', 'Director, Telecommunication Standardization Bureau',
                                    'International Telecommunication Union', 'Place des Nations, CH-1211 Geneva 20'],
               subj=f'Subject: TSB Circular {CIRCULAR} – reply of {{admin}}', dear='Dear Mr Onoe,',
               body=f'I have the honour to transmit herewith the reply of {{admin}} to TSB Circular {CIRCULAR} concerning the '
                    f'consultation on the determined draft Recommendations of Study Group {SG}.',
               close='Yours sincerely,', encl='Enclosure: reply form (Annex 2)', col_draft='Draft', col_pos='Position',
               yes='YES', noword='NO', reasons='Reasons:', cont='Continuation sheet', tbl2='Reasons and comments',
               agree='Agree', general='General comment:'),
    'fr': dict(ref='Réf. :', to=['Monsieur Seizo Onoe', 'Directeur du Bureau de la normalisation des télécommunications',
                                 'Union internationale des télécommunications', 'Place des Nations, CH-1211 Genève 20'],
               subj=f'Objet : Circulaire TSB {CIRCULAR} – réponse de {{admin}}', dear='Monsieur le Directeur,',
               body=f"J'ai l'honneur de vous transmettre ci-joint la réponse de {{admin}} à la Circulaire TSB {CIRCULAR} relative "
                    f"à la consultation sur les projets de Recommandation déterminés de la Commission d'études {SG}.",
               close="Veuillez agréer, Monsieur le Directeur, l'assurance de ma haute considération.",
               encl='P.J. : formulaire de réponse (Annexe 2)', col_draft='Projet', col_pos='Position',
               yes='OUI', noword='NON', reasons='Motifs :', cont='Feuille de continuation', tbl2='Motifs et commentaires',
               agree="D'accord", general='Observation générale :'),
    'es': dict(ref='Ref.:', to=['Sr. Seizo Onoe', 'Director de la Oficina de Normalización de las Telecomunicaciones',
                                'Unión Internacional de Telecomunicaciones', 'Place des Nations, CH-1211 Ginebra 20'],
               subj=f'Asunto: Circular TSB {CIRCULAR} – respuesta de {{admin}}', dear='Estimado Sr. Onoe:',
               body=f'Tengo el honor de remitirle adjunta la respuesta de {{admin}} a la Circular TSB {CIRCULAR} relativa a la '
                    f'consulta sobre los proyectos de Recomendación determinados de la Comisión de Estudio {SG}.',
               close='Atentamente,', encl='Anexo: formulario de respuesta (Anexo 2)', col_draft='Proyecto', col_pos='Posición',
               yes='SÍ', noword='NO', reasons='Motivos:', cont='Hoja de continuación', tbl2='Motivos y comentarios',
               agree='De acuerdo', general='Comentario general:'),
    'ru': dict(ref='Исх. №', to=['Г-ну Сейдзо Оноэ', 'Директору Бюро стандартизации электросвязи',
                                 'Международный союз электросвязи', 'Place des Nations, CH-1211 Geneva 20'],
               subj=f'Тема: Циркуляр {CIRCULAR} БСЭ – ответ {{admin}}', dear='Уважаемый господин Оноэ!',
               body=f'Имею честь направить Вам ответ {{admin}} на Циркуляр {CIRCULAR} БСЭ о консультации по определенным '
                    f'проектам Рекомендаций {SG}-й Исследовательской комиссии.',
               close='С уважением,', encl='Приложение: форма ответа (Приложение 2)', col_draft='Проект', col_pos='Позиция',
               yes='ДА', noword='НЕТ', reasons='Причины:', cont='Продолжение', tbl2='Причины и замечания',
               agree='Согласны', general='Общее замечание:'),
    'ar': dict(ref='المرجع:', to=['السيد سيزو أونوي', 'مدير مكتب تقييس الاتصالات', 'الاتحاد الدولي للاتصالات',
                                  'Place des Nations, CH-1211 Geneva 20'],
               subj=f'الموضوع: الرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات – رد {{admin}}', dear='السيد المدير المحترم،',
               body=f'يشرفني أن أحيل إليكم طيه رد {{admin}} على الرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات بشأن مشاورة '
                    f'الدول الأعضاء في مشاريع التوصيات المحددة للجنة الدراسات {SG}.',
               close='وتفضلوا بقبول فائق الاحترام،', encl='المرفق: استمارة الرد (الملحق 2)', col_draft='المشروع',
               col_pos='الموقف', yes='نعم', noword='لا', reasons='الأسباب:', cont='صفحة تكميلية', tbl2='الأسباب والتعليقات',
               agree='موافق', general='تعليق عام:'),
    'zh': dict(ref='文号：', to=['尾上诚藏先生', '国际电信联盟电信标准化局主任', 'Place des Nations, CH-1211 Geneva 20'],
               subj=f'事由：电信标准化局第{CIRCULAR}号通函——{{admin}}的答复', dear='尊敬的尾上先生：',
               body=f'谨随函转去{{admin}}对电信标准化局第{CIRCULAR}号通函（关于第{SG}研究组已确定的建议书草案的磋商）的答复。',
               close='顺致崇高敬意！', encl='附件：答复表（附件2）', col_draft='草案', col_pos='立场',
               yes='是', noword='否', reasons='理由：', cont='续页', tbl2='理由和意见', agree='同意', general='总体意见：'),
}


def png(w, h, pixels):
    """A minimal RGBA PNG from rows of (r, g, b, a) tuples."""
    raw = b''.join(b'\x00' + b''.join(struct.pack('BBBB', *p) for p in row) for row in pixels)

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def tick_png():
    n = 32
    px = [[(0, 0, 0, 0)] * n for _ in range(n)]
    for i in range(n):  # a thick green tick: short stroke down-right, long stroke up-right
        for t in range(-2, 3):
            if 6 <= i <= 13:
                y = 16 + (i - 6) + t
                if 0 <= y < n:
                    px[y][i] = (0, 150, 60, 255)
            if 13 <= i <= 27:
                y = 23 - int((i - 13) * 1.2) + t
                if 0 <= y < n:
                    px[y][i] = (0, 150, 60, 255)
    return png(n, n, px)


def signature_png():
    import math
    w, h = 180, 50
    px = [[(0, 0, 0, 0)] * w for _ in range(h)]
    for i in range(10, 170):  # a scribbled signature in blue ink
        y = int(25 + 12 * math.sin(i / 9.0) * math.cos(i / 23.0))
        for t in (-1, 0, 1):
            px[y + t][i] = (20, 40, 140, 255)
    for i in range(30, 150):
        px[40][i] = (20, 40, 140, 255)
    return png(w, h, px)


class Doc(h5.Doc):
    def image(self, data, name, alt, cx, cy):
        """An inline picture; the package keeps one picture, named `name`."""
        run = self.picture(data, alt, cx=cx, cy=cy)
        self.media = {'tick.png': data}
        self.image_name = name
        return run.replace('name="tick.png"', f'name="{x(name)}"')

    def rect(self, cx, cy, dx=-60000, dy=-40000):
        """A red rectangle (Insert > Shapes > Rectangle, no fill) drawn round the text, anchored at the run."""
        self.drawings += 1
        n = self.drawings
        A = h4.A_NS
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251661312 + n}" '
                f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="character"><wp:posOffset>{dx}</wp:posOffset></wp:positionH>'
                f'<wp:positionV relativeFrom="line"><wp:posOffset>{dy}</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{n}" name="Rectangle {n}"/><wp:cNvGraphicFramePr/>'
                f'<a:graphic {A}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="19050"><a:solidFill><a:srgbClr val="FF0000"/>'
                f'</a:solidFill></a:ln></wps:spPr><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" '
                f'rIns="91440" bIns="45720" anchor="ctr"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
                f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                f'<v:rect id="Rectangle {n}" o:spid="_x0000_s{1125 + n}" style="position:absolute;margin-left:{dx / 12700:.1f}pt;'
                f'margin-top:{dy / 12700:.1f}pt;width:{cx / 12700:.1f}pt;height:{cy / 12700:.1f}pt;z-index:{n};'
                f'mso-position-horizontal-relative:char;mso-position-vertical-relative:line" filled="f" strokecolor="red" '
                f'strokeweight="1.5pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def package(path, doc, body, title, creator, modified):
    h5.package(path, doc, body, title, creator, modified)
    name = getattr(doc, 'image_name', None)
    if not name or name == 'tick.png':
        return
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == 'word/media/tick.png':
                info = copy.copy(info)
                info.filename = 'word/media/' + name
                info.orig_filename = info.filename
            if info.filename == 'word/_rels/document.xml.rels':
                data = data.replace(b'media/tick.png', b'media/' + name.encode())
            z.writestr(info, data)


def unzip_text(path, part='word/document.xml'):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode('utf-8') if part in z.namelist() else ''
