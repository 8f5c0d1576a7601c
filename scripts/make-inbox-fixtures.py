#!/usr/bin/env python3
"""Builds tests/fixtures/inbox/: a study group's mailbox holding the replies to three TSB
Circulars open at once (201, Study Group 5; 214, Study Group 13; 233, Study Group 20), exported
as people export mail: one Thunderbird mbox, one Maildir folder, loose .eml and .docx files; the
blank forms of each circular in three languages (forms/); one more reply kept aside in later/
(the reply that arrives between two runs); the truth tests/fixtures/inbox_expected.json and
tests/fixtures/inbox/README.md.

    python3 scripts/make-inbox-fixtures.py      # deterministic: same bytes every run

Made without reading replytally's reader (issue 10's acceptance scenario). The forms are written
by the habits fixtures' form writer (scripts/habits_form.py through scripts/circular_forms.py);
the marks are derived from each reply's truth. scripts/check-inbox-fixtures.py checks every
document, as found inside the mailboxes, by rendering it with LibreOffice.
"""

import base64
import hashlib
import io
import json
import os
import shutil
import struct
import sys
import zlib
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from circular_forms import circular  # noqa: E402
from habits_lib import Doc, package  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'inbox')

CIRCULARS = {
    201: dict(sg=5, langs=('en', 'fr', 'es'), drafts=[
        ('L.1475', 'L.ai-energy', 'new'), ('L.1220', None, 'revised'), ('L.1023 Amd.1', None, 'amendment')]),
    214: dict(sg=13, langs=('en', 'ru', 'zh'), drafts=[
        ('Y.3188', 'Y.qkd-ml', 'new'), ('Y.3815', 'Y.fmc-ai', 'new'), ('Y.2244', None, 'revised'),
        ('Y.3061', 'Y.NGNe-sec', 'new')]),
    233: dict(sg=20, langs=('en', 'fr', 'ar'), drafts=[
        ('Y.4237', 'Y.SC-twin', 'new'), ('Y.4496', None, 'new')]),
}
FORMS = {n: circular(n, c['sg'], c['drafts']) for n, c in CIRCULARS.items()}
DECISION = {'An': ('authorize', 'no_comments'), 'Aw': ('authorize', 'with_comments'),
            'Au': ('authorize', 'unspecified'), 'N': ('not_authorize', None), 'C': ('conflict', None),
            '-': ('no_reply', None)}


def R(circ, key, lang, ms, date, frm, answers, texts=None, email='', mark='legacy', opt='glyph:●',
      place='cell', place_by=None, clue=None, sign=None, notes=()):
    keys = [k for k, _, _ in CIRCULARS[circ]['drafts']]
    return dict(circ=circ, key=key, lang=lang, ms=ms, date=date, frm=frm, answers=dict(zip(keys, answers)),
                texts=texts or {}, email=email, mark=mark, opt=opt, place=place, place_by=place_by or {},
                clue=clue or frm[-1], sign=sign, notes=list(notes))


# ------------------------------------------------------------------------- the replies
REPLIES = [
    # --- TSB Circular 201 (Study Group 5): L.1475, L.1220, L.1023 Amd.1
    R(201, 'FRA', 'fr', ('France', 'FRA'), '2026-03-09',
      ['M. Julien Roussel', 'Chef du bureau des affaires internationales',
       "Direction générale des Entreprises, Ministère de l'Économie", '67, rue Barbès, 94200 Ivry-sur-Seine, France'],
      ('An', 'N', 'An'),
      {'L.1220': "La France considère que la méthode de calcul de l'annexe B surestime l'efficacité des centres de données refroidis par liquide et demande qu'elle soit revue."},
      email='julien.roussel@finances.gouv.fr', clue='France'),
    R(201, 'ESP', 'es', ('Spain', 'ESP'), '2026-03-10',
      ['D. Javier Montero Ruiz', 'Subdirector General de Planificación',
       'Secretaría de Estado de Telecomunicaciones e Infraestructuras Digitales',
       'Calle Poeta Joan Maragall 41, 28020 Madrid, España'],
      ('An', 'An', 'Aw'),
      {'L.1023 Amd.1': 'En el apartado 7.2 debería citarse la versión de 2025 de la norma EN 50600-4-2.'},
      email='sgplanificacion@digital.gob.es', clue='España'),
    R(201, 'GBR', 'en', ('United Kingdom', 'GBR'), '2026-03-10',
      ['Ms Helen Carter', 'International Standards Lead', 'Department for Science, Innovation and Technology',
       '100 Parliament Street, London SW1A 2BQ, United Kingdom'],
      ('An', 'An', 'An'), email='helen.carter@dsit.gov.uk', mark='typed:X', opt='typed:X', clue='United Kingdom'),
    R(201, 'MAR', 'fr', ('Morocco', 'MAR'), '2026-03-11',
      ['M. Youssef El Idrissi', 'Chef de la Division Normalisation',
       'Agence Nationale de Réglementation des Télécommunications (ANRT)', 'Centre d\'affaires, Hay Riad, Rabat, Maroc'],
      ('Aw', 'An', 'An'),
      {'L.1475': "Le Maroc propose d'ajouter au paragraphe 5 un indicateur pour les réseaux alimentés par énergie solaire."},
      email='normalisation@anrt.ma', clue='Maroc'),
    R(201, 'ARG', 'es', ('Argentina', 'ARG'), '2026-03-11',
      ['Ing. Martín Sosa', 'Gerente de Relaciones Internacionales', 'Ente Nacional de Comunicaciones (ENACOM)',
       'Perú 103, C1067AAC Buenos Aires, República Argentina'],
      ('An', 'N', 'An'),
      {'L.1220': 'La Argentina no puede apoyar el texto revisado mientras el cuadro 3 no incluya los climas templados del hemisferio sur.'},
      email='internacionales@enacom.gob.ar', mark='typed:X', clue='Argentina'),
    R(201, 'DEU', 'en', ('Germany', 'DEU'), '2026-03-12',
      ['Dr. Stefan Krüger', 'Referat DP 24 – Internationale Standardisierung',
       'Bundesministerium für Digitales und Verkehr', 'Invalidenstraße 44, 10115 Berlin, Germany'],
      ('An', 'An', 'An'), email='ref-dp24@bmdv.bund.de', clue='Germany'),
    R(201, 'CAN', 'en', ('Canada', 'CAN'), '2026-03-12',
      ['Mr. David Tremblay', 'Director, International Telecommunications Standards',
       'Innovation, Science and Economic Development Canada', '235 Queen Street, Ottawa, Ontario K1A 0H5, Canada'],
      ('An', 'Aw', 'An'),
      {'L.1220': 'Canada proposes that clause 8 refer to the reporting period used by national energy agencies.\nAn editorial list is in the attached contribution.'},
      email='david.tremblay@ised-isde.gc.ca', place='rows', clue='Canada'),
    R(201, 'TUN', 'fr', ('Tunisia', 'TUN'), '2026-03-13',
      ['Mme Leila Ben Salah', 'Directrice de la normalisation', 'Ministère des Technologies de la Communication',
       '88, avenue Mohamed V, 1002 Tunis, Tunisie'],
      ('N', 'N', 'An'),
      {'L.1475': "La Tunisie estime que les seuils du tableau 2 ne sont pas applicables aux réseaux mobiles des pays en développement.",
       'L.1220': "Les données de référence de l'appendice I datent de 2015 et doivent être mises à jour."},
      email='normalisation@mtc.gov.tn', clue='Tunisie'),
    R(201, 'PER', 'es', ('Peru', 'PER'), '2026-03-13',
      ['Sra. Rosa Quispe Huamán', 'Directora General de Políticas y Regulación en Comunicaciones',
       'Ministerio de Transportes y Comunicaciones', 'Jirón Zorritos 1203, Lima, Perú'],
      ('An', 'An', 'An'), email='rquispe@mtc.gob.pe', clue='Perú'),

    # --- TSB Circular 214 (Study Group 13): Y.3188, Y.3815, Y.2244, Y.3061
    R(214, 'CHN', 'zh', ('China', 'CHN'), '2026-03-09',
      ['李明', '处长', '中华人民共和国工业和信息化部', '北京市西长安街13号，中国'],
      ('An', 'An', 'An', 'N'),
      {'Y.3061': '中国认为该草案第7节的安全要求与ITU-T X.1811重复，建议在下次研究组会议上进一步讨论。'},
      email='liming@miit.gov.cn', clue='中华人民共和国'),
    R(214, 'RUS', 'ru', ('Russian Federation', 'RUS'), '2026-03-10',
      ['Иванов Сергей Петрович', 'Заместитель директора департамента',
       'Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации',
       'Пресненская наб., 10, стр. 2, Москва, 123112, Россия'],
      ('An', 'N', 'An', 'N'),
      {'Y.3815': 'Российская Федерация считает, что требования раздела 6 к управлению конвергентными сетями не согласованы с Рекомендацией МСЭ-Т Y.3800.',
       'Y.3061': 'Предлагается перенести пункт 8.3 в информационное приложение.'},
      email='s.ivanov@digital.gov.ru', clue='Российской Федерации'),
    R(214, 'KOR', 'en', ('Korea (Republic of)', 'KOR'), '2026-03-10',
      ['Mr. PARK Ji-hoon', 'Deputy Director, International Cooperation Division', 'Ministry of Science and ICT',
       '47 Gwanmun-ro, Gwacheon-si, Gyeonggi-do, Republic of Korea'],
      ('An', 'An', 'Aw', 'An'),
      {'Y.2244': 'Clause 9.1: the reference to Y.2240 should read Y.2240 (2024).'},
      email='jhpark@msit.go.kr', clue='Republic of Korea'),
    R(214, 'JPN', 'en', ('Japan', 'JPN'), '2026-03-10',
      ['Mr. TANAKA Hiroshi', 'Director, Standardization Office', 'Ministry of Internal Affairs and Communications, Japan',
       '2-1-2 Kasumigaseki, Chiyoda-ku, Tokyo 100-8926, Japan'],
      ('An', 'An', 'An', 'An'), email='h.tanaka@soumu.go.jp', mark='typed:X', clue='Japan'),
    R(214, 'IND', 'en', ('India', 'IND'), '2026-03-11',
      ['Shri Anil Kumar', 'Deputy Director General (Standardization)', 'Department of Telecommunications, India',
       'Sanchar Bhawan, 20 Ashoka Road, New Delhi 110001, India'],
      ('An', 'N', 'An', 'N'),
      {'Y.3815': 'India requests that the AI-based control loop in clause 7 be made optional until TSDSI has studied it.',
       'Y.3061': 'The security profile duplicates work under way in SG17; India proposes that the text return to the Question.'},
      email='ddg.std@dot.gov.in', clue='India'),
    R(214, 'BLR', 'ru', ('Belarus', 'BLR'), '2026-03-11',
      ['Петрович Андрей Николаевич', 'Начальник управления', 'Министерство связи и информатизации Республики Беларусь',
       'пр. Независимости, 10, 220030 г. Минск, Республика Беларусь'],
      ('An', 'N', 'An', 'An'),
      {'Y.3815': 'Республика Беларусь просит уточнить область применения в разделе 1.'},
      email='mpt@mpt.gov.by', mark='typed:X', clue='Беларусь'),
    R(214, 'KAZ', 'ru', ('Kazakhstan', 'KAZ'), '2026-03-12',
      ['Серикбаев Нурлан', 'Директор департамента',
       'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
       'пр. Мангилик Ел, 55/5, Астана, Республика Казахстан'],
      ('An', '-', 'An', 'An'), email='n.serikbayev@mdai.gov.kz', clue='Казахстан',
      notes=['Y.3815 left unanswered']),
    R(214, 'USA', 'en', ('United States', 'USA'), '2026-03-12',
      ['Ms. Jennifer Walsh', 'Office of Multilateral Affairs, Bureau of Cyberspace and Digital Policy',
       'U.S. Department of State', '2201 C Street NW, Washington, DC 20520, United States of America'],
      ('Aw', 'An', 'An', 'An'),
      {'Y.3188': 'The United States proposes aligning the key-rate terms in clause 3 with those of ITU-T Y.3800.'},
      email='walshj@state.gov', clue='United States'),
    R(214, 'BRA', 'en', ('Brazil', 'BRA'), '2026-03-12',
      ['Mr. Rafael Oliveira', 'Manager, International Affairs', 'Agência Nacional de Telecomunicações (Anatel)',
       'SAUS Quadra 6, Bloco H, 70070-940 Brasília DF, Brazil'],
      ('An', 'An', 'An', 'N'),
      {'Y.3061': 'Brazil considers that the draft needs one more meeting to take into account contribution C-112.'},
      email='rafael.oliveira@anatel.gov.br', clue='Brazil'),
    R(214, 'VNM', 'en', ('Viet Nam', 'VNM'), '2026-03-13',
      ['Mr. Nguyen Van Hai', 'Deputy Director, Department of Science and Technology',
       'Ministry of Science and Technology', '18 Nguyen Du, Hanoi, Viet Nam'],
      ('An', '-', 'An', 'An'), email='nvhai@most.gov.vn', clue='Viet Nam', notes=['Y.3815 left unanswered']),
    R(214, 'EGY', 'en', ('Egypt', 'EGY'), '2026-03-13',
      ['Eng. Ahmed Hassan', 'Vice President, International Relations', 'National Telecom Regulatory Authority (NTRA)',
       'Smart Village, Km 28 Cairo-Alexandria Desert Road, Giza, Egypt'],
      ('An', '-', 'An', 'An'), email='ahassan@tra.gov.eg', clue='Egypt', notes=['Y.3815 left unanswered']),
    R(214, 'KEN', 'en', ('Kenya', 'KEN'), '2026-03-13',
      ['Ms. Grace Wanjiru', 'Manager, Standards and Type Approval', 'Communications Authority of Kenya',
       'CA Centre, Waiyaki Way, P.O. Box 14448, Nairobi, Kenya'],
      ('An', 'An', 'An', 'N'),
      {'Y.3061': 'Kenya requests that the requirements in clause 6 be reviewed against the ATU guidelines on network security.'},
      email='gwanjiru@ca.go.ke', mark='typed:X', clue='Kenya'),
    R(214, 'DEU', 'en', ('Germany', 'DEU'), '2026-03-12',
      ['Dr. Stefan Krüger', 'Referat DP 24 – Internationale Standardisierung',
       'Bundesministerium für Digitales und Verkehr', 'Invalidenstraße 44, 10115 Berlin, Germany'],
      ('An', 'An', 'An', 'An'), email='ref-dp24@bmdv.bund.de', clue='Germany'),

    # --- TSB Circular 233 (Study Group 20): Y.4237, Y.4496
    R(233, 'SAU', 'ar', ('Saudi Arabia', 'SAU'), '2026-03-09',
      ['م. فهد العتيبي', 'مدير إدارة التقييس', 'هيئة الاتصالات والفضاء والتقنية، المملكة العربية السعودية',
       'طريق الملك عبد العزيز، الرياض، المملكة العربية السعودية'],
      ('An', 'An'), email='f.otaibi@cst.gov.sa', clue='السعودية'),
    R(233, 'ARE', 'ar', ('United Arab Emirates', 'ARE'), '2026-03-10',
      ['السيد خالد المنصوري', 'مدير الشؤون الدولية', 'هيئة تنظيم الاتصالات والحكومة الرقمية',
       'ص.ب 26662، أبوظبي، الإمارات العربية المتحدة'],
      ('An', 'N'),
      {'Y.4496': 'ترى دولة الإمارات العربية المتحدة أن متطلبات الخصوصية في البند 8 غير كافية وتقترح إعادة النص إلى المسألة.'},
      email='k.mansoori@tdra.gov.ae', mark='typed:X', clue='الإمارات'),
    R(233, 'SEN', 'fr', ('Senegal', 'SEN'), '2026-03-10',
      ['M. Mamadou Ndiaye', 'Directeur des Télécommunications',
       "Ministère de la Communication, des Télécommunications et du Numérique", 'Immeuble Y1D, Diamniadio, Sénégal'],
      ('An', 'An'), email='mndiaye@numerique.gouv.sn', clue='Sénégal'),
    R(233, 'CIV', 'fr', ("Côte d'Ivoire", 'CIV'), '2026-03-11',
      ['Mme Awa Koné', 'Directrice de la normalisation', "Autorité de Régulation des Télécommunications/TIC de Côte d'Ivoire (ARTCI)",
       "Marcory, Anoumabo, 18 BP 2203 Abidjan 18, Côte d'Ivoire"],
      ('Aw', 'An'),
      {'Y.4237': "Au paragraphe 6.3, préciser que le jumeau numérique de la ville peut être hébergé hors du territoire national."},
      email='akone@artci.ci', clue="Côte d'Ivoire"),
    R(233, 'AUS', 'en', ('Australia', 'AUS'), '2026-03-11',
      ['Ms Rebecca Thornton', 'Assistant Secretary, International Digital Policy',
       'Department of Infrastructure, Transport, Regional Development, Communications, Sport and the Arts',
       'GPO Box 594, Canberra ACT 2601, Australia'],
      ('An', 'An'), email='rebecca.thornton@infrastructure.gov.au', clue='Australia'),
    R(233, 'IDN', 'en', ('Indonesia', 'IDN'), '2026-03-12',
      ['Mr. Budi Santoso', 'Director of Standardization', 'Ministry of Communication and Digital Affairs',
       'Jl. Medan Merdeka Barat No. 9, Jakarta 10110, Indonesia'],
      ('An', 'An'), email='budi.santoso@komdigi.go.id', clue='Indonesia'),
    R(233, 'MEX', 'en', ('Mexico', 'MEX'), '2026-03-12',
      ['Lic. Carlos Hernández', 'Director General Adjunto de Asuntos Internacionales',
       'Agencia de Transformación Digital y Telecomunicaciones', 'Av. Insurgentes Sur 1143, Ciudad de México, México'],
      ('An', 'N'),
      {'Y.4496': 'Mexico considers that the data model in Annex A should be aligned with ISO/IEC 30145 before approval.'},
      email='carlos.hernandez@atdt.gob.mx', clue='México'),
    R(233, 'NGA', 'en', ('Nigeria', 'NGA'), '2026-03-13',
      ['Engr. Ibrahim A. Musa', 'Director, Standards', 'Nigerian Communications Commission',
       'Plot 423 Aguiyi Ironsi Street, Maitama, Abuja, Nigeria'],
      ('An', 'An'), email='imusa@ncc.gov.ng', mark='typed:X', clue='Nigeria'),
]

LATER = R(214, 'UZB', 'ru', ('Uzbekistan', 'UZB'), '2026-03-14',
          ['Каримов Рустам', 'Начальник отдела стандартизации',
           'Министерство цифровых технологий Республики Узбекистан', 'ул. Амира Темура, 4, Ташкент, 100047, Узбекистан'],
          ('An', 'N', 'An', 'An'),
          {'Y.3815': 'Республика Узбекистан предлагает отложить утверждение до завершения испытаний, описанных в добавлении II.'},
          email='r.karimov@digital.uz', clue='Узбекистан')


def key_of(r):
    return (r['circ'], r['key'])


BY = {key_of(r): r for r in REPLIES}


def spec(r):
    return dict(lang=r['lang'], answers=r['answers'], texts=r['texts'], mark=r['mark'], opt=r['opt'],
                place=r['place'], place_by=r['place_by'], **{'from': r['frm']}, email=r['email'],
                dateplace=dateplace(r), sign=r['sign'] or [r['frm'][0]], author=r['frm'][0],
                title=f"TSB Circular {r['circ']} - Annex 2 - reply")


MONTHS = {'en': 'March', 'fr': 'mars', 'es': 'de marzo de', 'ru': 'марта', 'ar': 'مارس', 'zh': '月'}


def dateplace(r):
    d = int(r['date'][-2:])
    lang = r['lang']
    if lang == 'zh':
        return f'2026年3月{d}日'
    if lang == 'en':
        return f'{d} March 2026'
    if lang == 'es':
        return f'{d} de marzo de 2026'
    if lang == 'ar':
        return f'{d} مارس 2026'
    return f'{d} {MONTHS[lang]} 2026'


def docx_bytes(build, s):
    tmp = os.path.join(OUT, '.tmp.docx')
    build(s, tmp)
    b = open(tmp, 'rb').read()
    os.remove(tmp)
    return b


def reply_docx(r):
    return docx_bytes(FORMS[r['circ']].build, spec(r))


def blank_docx(n, lang):
    f = FORMS[n]
    blank = {k: '-' for k, _, _ in CIRCULARS[n]['drafts']}
    return docx_bytes(f.build, {'lang': lang, 'answers': blank, 'mark': 'legacy', 'opt': 'none',
                                'title': f'TSB Circular {n} - Annex 2'})


def cover_letter(lines):
    d = Doc(author='Secretariat')
    body = ''.join(d.text_para(t) for t in lines)
    tmp = os.path.join(OUT, '.tmp.docx')
    package(tmp, d, body, title='Cover letter', creator='Secretariat')
    b = open(tmp, 'rb').read()
    os.remove(tmp)
    return b


def png(w=24, h=8, rgb=(0, 51, 153)):
    """A small signature logo: a solid PNG, written by hand so that its bytes never change."""
    raw = b''.join(b'\x00' + bytes(rgb) * w for _ in range(h))

    def chunk(t, data):
        return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


# ------------------------------------------------------------------------- messages
DOCX = ('application', 'vnd.openxmlformats-officedocument.wordprocessingml.document')
SG_ADDR = {201: 'tsbsg5@itu.int', 214: 'tsbsg13@itu.int', 233: 'tsbsg20@itu.int'}
DOW = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']


def rfc_date(day, hh, mm, tz='+0100'):
    import datetime
    d = datetime.date(2026, 3, day)
    return f'{DOW[d.weekday()]}, {day:02d} Mar 2026 {hh:02d}:{mm:02d}:00 {tz}'


def plain(value):
    from email.header import decode_header, make_header
    return str(make_header(decode_header(str(value))))


def hdr(value):
    try:
        value.encode('ascii')
        return value
    except UnicodeEncodeError:
        return Header(value, 'utf-8', header_name='Subject').encode()


def attachment(data, name, mime=DOCX):
    part = MIMEBase(*mime, name=name if name.isascii() else None)
    del part['MIME-Version']
    part.set_payload(data)
    encoders.encode_base64(part)
    if name.isascii():
        part.add_header('Content-Disposition', 'attachment', filename=name)
    else:
        part.set_param('name', ('utf-8', '', name))
        part.add_header('Content-Disposition', 'attachment', filename=('utf-8', '', name))
    return part


def text_part(body, qp=False):
    if qp:
        from email import charset
        cs = charset.Charset('utf-8')
        cs.body_encoding = charset.QP
        p = MIMENonMultipart('text', 'plain')
        p.set_payload(body, cs)
    else:
        # 8bit UTF-8 as Thunderbird sends it (compat32 keeps raw bytes through surrogateescape)
        p = MIMENonMultipart('text', 'plain', charset='UTF-8', format='flowed')
        p.set_payload(body.encode('utf-8').decode('ascii', 'surrogateescape'))
        p['Content-Transfer-Encoding'] = '8bit'
    del p['MIME-Version']
    return p


def fwd_part(inner):
    p = MIMEMessage(inner)
    del p['MIME-Version']
    p.add_header('Content-Disposition', 'attachment')
    return p


def message(n, sender, to, subject, date, body, parts=(), qp=False, extra=()):
    """A multipart/mixed message (or a plain text one when it carries nothing)."""
    if parts:
        m = MIMEMultipart('mixed', boundary=f'------------{hashlib.sha1(subject.encode() + str(n).encode()).hexdigest()[:24].upper()}')
        m.preamble = 'This is a multi-part message in MIME format.'
        m.attach(text_part(body, qp))
        for p in parts:
            m.attach(p)
    else:
        m = text_part(body, qp)
    del m['MIME-Version']
    m['Message-ID'] = f'<{n}@inbox.fixture.replytally>'
    m['Date'] = date
    m['MIME-Version'] = '1.0'
    for k, v in extra:
        m[k] = v
    m['From'] = sender
    m['To'] = to
    m['Subject'] = hdr(subject)
    # header order as mail programs write them
    order = ['Message-ID', 'Date', 'MIME-Version', 'User-Agent', 'From', 'To', 'Subject', 'Auto-Submitted',
             'Content-Type', 'Content-Transfer-Encoding']
    items = m._headers
    items.sort(key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    return m


def who(r):
    name = r['frm'][0]
    return formataddr((str(Header(name, 'utf-8').encode()) if not name.isascii() else name, r['email']))


def raw(m, crlf=False):
    b = m.as_bytes(policy=m.policy.clone(linesep='\n', max_line_length=200), unixfrom=False) if hasattr(m, 'policy') else m.as_bytes()
    if crlf:
        b = b.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    return b


def reply_name(r, style):
    return style.format(c=r['circ'], k=r['key'], ms=r['ms'][0].replace(' ', '_'))


# ------------------------------------------------------------------------- truth
def answers_truth(r):
    out = []
    for k, prov, _ in CIRCULARS[r['circ']]['drafts']:
        code = r['answers'][k]
        dec, com = DECISION[code]
        out.append(dict(draft=k, provisional=prov, decision=dec, comments=com,
                        text=r['texts'].get(k, '') if code in ('N', 'Aw') else ''))
    return out


def tally(n, replies):
    drafts = []
    for k, prov, _ in CIRCULARS[n]['drafts']:
        c = dict(authorize=0, with_comments=0, not_authorize=0, conflict=0, no_reply=0)
        for r in replies:
            dec, com = DECISION[r['answers'][k]]
            c[dec] += 1
            c['with_comments'] += com == 'with_comments'
        den = c['authorize'] + c['not_authorize']
        support = round(100.0 * c['authorize'] / den, 1) if den else None
        meets = True if not den else (100.0 * c['authorize'] / den >= 70)
        drafts.append(dict(draft=k, provisional=prov, **c, replies=len(replies), support=support,
                           meets_threshold=meets, verdict='approved' if meets else 'not approved'))
    return {'member_states_replied': len(replies), 'drafts': drafts}


def main():
    # the generated folders are rewritten whole; SCORES-first-run.md beside them is kept
    for d in ('forms', 'mbox', 'maildir', 'loose', 'later'):
        shutil.rmtree(os.path.join(OUT, d), ignore_errors=True)
    for d in ('forms', 'mbox', 'maildir/SG-replies/cur', 'maildir/SG-replies/new', 'maildir/SG-replies/tmp',
              'loose', 'later'):
        os.makedirs(os.path.join(OUT, d), exist_ok=True)
    # Git keeps no empty folder: a Maildir's tmp/ holds a dot-file, as some backup tools leave
    open(os.path.join(OUT, 'maildir/SG-replies/tmp/.keep'), 'w').close()

    forms = {}
    for n, c in CIRCULARS.items():
        for lang in c['langs']:
            rel = f'forms/blank_circ{n}_{lang}.docx'
            b = blank_docx(n, lang)
            open(os.path.join(OUT, rel), 'wb').write(b)
            forms.setdefault(n, {})[lang] = rel
    docs = {key_of(r): reply_docx(r) for r in REPLIES}
    found = {}      # (circ, key) -> where the reply is found
    messages = []   # every message or loose file, for the README and the no-reply list

    def place(r, container, msg_no, subject, mid, attach, source, packaging):
        found[key_of(r)] = dict(source=source, container=container, message=msg_no, subject=subject,
                                message_id=mid, attachment=attach, packaging=packaging)

    # ---------------- the Thunderbird mbox
    mb = []

    def add_mbox(m, day, hh, mm, what):
        n = len(mb) + 1
        sep = f'From - {DOW[__import__("datetime").date(2026, 3, day).weekday()]} Mar {day:02d} {hh:02d}:{mm:02d}:{(n * 7) % 60:02d} 2026'
        head = ('X-Mozilla-Status: 0001\nX-Mozilla-Status2: 00000000\n'
                'X-Mozilla-Keys:                                                                                 \n'
                f'Return-Path: <{m["From"].split("<")[-1].rstrip(">")}>\n'
                f'Received: from mail.itu.int ([156.106.192.33]) by mx.itu.int; {m["Date"]}\n')
        body = raw(m)
        # mboxo: a body line starting with "From " is written as ">From "
        lines = body.split(b'\n')
        lines = [(b'>' + ln) if ln.startswith(b'From ') else ln for ln in lines]
        mb.append(sep.encode() + b'\n' + head.encode() + b'\n'.join(lines).rstrip(b'\n') + b'\n\n')
        messages.append(dict(where=f'mbox/Inbox.mbox, message {n}', subject=plain(m['Subject']), what=what))
        return n

    def mbox_reply(r, subject, name, day, hh, mm, body, more=(), qp=False, what=None, packaging='attachment'):
        n_next = len(mb) + 1
        parts = [attachment(docs[key_of(r)], name)] + list(more)
        m = message(f'mbox{n_next}', who(r), SG_ADDR[r['circ']], subject, rfc_date(day, hh, mm), body, parts, qp,
                    extra=[('User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.8.0')])
        n = add_mbox(m, day, hh, mm, what or f'reply of {r["ms"][1]} to Circular {r["circ"]}')
        place(r, 'mbox/Inbox.mbox', n, subject, m['Message-ID'], name, f'mbox/Inbox.mbox!{n}!{name}', packaging)
        return n

    sig = MIMEImage(png(), 'png', name='image001.png')
    del sig['MIME-Version']
    sig.add_header('Content-Disposition', 'inline', filename='image001.png')
    sig.add_header('Content-ID', '<image001.png@01DC9A2B.5F3E1C20>')

    fra = BY[(201, 'FRA')]
    mbox_reply(fra, 'Re: TSB Circular 201 – reply form', 'Reponse_France_Circulaire_TSB_201.docx', 9, 10, 5,
               'Madame, Monsieur,\n\nVeuillez trouver ci-joint la réponse de la France à la Circulaire TSB 201.\n\nCordialement,\nJulien Roussel\n')
    m = message('mbox2', 'Svetlana Orlova <s.orlova@digital.gov.ru>', SG_ADDR[214],
                'Acknowledgement of receipt: TSB Circular 214', rfc_date(9, 11, 40, '+0300'),
                'Dear colleagues,\n\nWe acknowledge receipt of TSB Circular 214. The reply of the Russian Federation\nwill follow before the deadline.\n\nFrom the Ministry side, the contact point is Mr S. Ivanov.\n\nBest regards,\nSvetlana Orlova\n')
    add_mbox(m, 9, 9, 40, 'no reply: an acknowledgement without attachment (body has a "From " line, escaped ">From ")')
    mbox_reply(BY[(214, 'CHN')], '回复：电信标准化局第214号通函', '第214号通函答复表_中国.docx', 9, 15, 2,
               '尊敬的主任：\n\n随函附上中国对电信标准化局第214号通函的答复。\n\n此致\n李明\n', more=[sig],
               what='reply of CHN to Circular 214; RFC 2047 subject, RFC 2231 file name, signature image beside it')
    mbox_reply(BY[(214, 'RUS')], 'Ответ на Циркуляр 214 БСЭ', 'Ответ_Циркуляр214_Россия.docx', 10, 8, 30,
               'Уважаемые коллеги,\n\nНаправляем ответ Российской Федерации.\n\nFrom Moscow with regards,\nС. Иванов\n',
               what='reply of RUS to Circular 214; Cyrillic subject and file name; a ">From " line in the body')
    esp = BY[(201, 'ESP')]
    cover = cover_letter(['Ministerio para la Transformación Digital y de la Función Pública', '',
                          'Señor Director:', 'Adjunto le remito la respuesta de España a la consulta de la Circular TSB 201.',
                          'Atentamente,', 'Javier Montero Ruiz'])
    mbox_reply(esp, 'Respuesta de España', 'Respuesta_Circular201.docx', 10, 9, 12,
               'Estimados señores:\n\nAdjunto la carta de presentación y el formulario de respuesta.\n\nSaludos cordiales,\nJavier Montero\n',
               more=[attachment(cover, 'Carta_de_presentacion.docx')],
               what='reply of ESP to Circular 201, with a cover letter .docx beside it; subject does not name the circular')
    # a forwarded message: TSB staff forward the Saudi reply received on another address
    sau = BY[(233, 'SAU')]
    inner = message('sau-original', who(sau), 'tsbmail@itu.int', 'رد المملكة العربية السعودية على الرسالة المعممة 233',
                    rfc_date(9, 12, 0, '+0300'), 'حضرات السادة،\n\nمرفق رد المملكة العربية السعودية.\n\nمع التحية\n',
                    [attachment(docs[key_of(sau)], 'KSA_reply_Circ233.docx')])
    n_next = len(mb) + 1
    fwd = message(f'mbox{n_next}', 'TSB Mail Desk <tsbmail@itu.int>', SG_ADDR[233], 'Fwd: Reply to TSB Circular 233',
                  rfc_date(10, 9, 45), 'Dear SG20 secretariat,\n\nForwarding the reply received on the general address.\n\nTSB Mail Desk\n',
                  [fwd_part(inner)],
                  extra=[('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.8.0')])
    n = add_mbox(fwd, 10, 9, 45, 'reply of SAU to Circular 233, inside a forwarded message/rfc822 (Arabic subject inside)')
    place(sau, 'mbox/Inbox.mbox', n, 'Fwd: Reply to TSB Circular 233', fwd['Message-ID'], 'KSA_reply_Circ233.docx',
          f'mbox/Inbox.mbox!{n}!KSA_reply_Circ233.docx', 'forwarded message/rfc822')
    # one message, two replies (Germany to 201 and 214)
    d201, d214 = BY[(201, 'DEU')], BY[(214, 'DEU')]
    n_next = len(mb) + 1
    m = message(f'mbox{n_next}', who(d201), 'tsbsg5@itu.int, tsbsg13@itu.int',
                'Replies of Germany to TSB Circulars 201 and 214', rfc_date(12, 14, 20),
                'Dear colleagues,\n\nplease find attached the replies of Germany to both circulars.\n\nKind regards\nStefan Krüger\n',
                [attachment(docs[key_of(d201)], 'DEU_Antwort_Circ201.docx'),
                 attachment(docs[key_of(d214)], 'DEU_reply_Circ214.docx')])
    n = add_mbox(m, 12, 14, 20, 'two replies of DEU, to Circular 201 and to Circular 214, in one message')
    for r, nm in ((d201, 'DEU_Antwort_Circ201.docx'), (d214, 'DEU_reply_Circ214.docx')):
        place(r, 'mbox/Inbox.mbox', n, plain(m['Subject']), m['Message-ID'], nm, f'mbox/Inbox.mbox!{n}!{nm}', 'one of two replies in a message')
    mbox_reply(BY[(214, 'KOR')], 'Re: TSB Circular 214 – reply form', 'Reply_Circ214_Korea.docx', 10, 16, 3,
               'Dear Sir/Madam,\n\nPlease find attached the reply of the Republic of Korea.\n\nBest regards,\nPARK Ji-hoon\n')
    mbox_reply(BY[(201, 'GBR')], 'TSB Circ 201 - UK response', 'UK_response_Circ201.docx', 10, 17, 30,
               'Dear TSB,\n\nThe UK response is attached.\n\nFrom a UK perspective all three drafts can go ahead.\n\nHelen\n',
               what='reply of GBR to Circular 201; a ">From " line in the body')
    mbox_reply(BY[(214, 'USA')], 'U.S. reply – Circular 214', 'US_Reply_TSB_Circ_214.docx', 12, 15, 55,
               'Dear colleagues,\n\nAttached is the reply of the United States.\n\nRegards,\nJennifer Walsh\n', more=[sig],
               what='reply of USA to Circular 214, signature image beside it')
    mbox_reply(BY[(214, 'JPN')], 'Reply form', 'Reply_form.docx', 10, 2, 15,
               'Dear Sir or Madam,\n\nWe send the reply form of Japan. Thank you very much for your kind support and cooperation in this matter.\n\nTANAKA Hiroshi\nMinistry of Internal Affairs and Communications\n',
               qp=True, what='reply of JPN to Circular 214; subject "Reply form" and file name name no circular; quoted-printable body')
    mbox_reply(BY[(201, 'MAR')], 'Réponse du Maroc à la Circulaire TSB 201', 'Reponse_Maroc.docx', 11, 10, 0,
               'Madame, Monsieur,\n\nCi-joint la réponse du Royaume du Maroc.\n\nSalutations distinguées\n')
    m = message(f'mbox{len(mb) + 1}', 'Mr. Budi Santoso <budi.santoso@komdigi.go.id>', SG_ADDR[233],
                'Automatic reply: TSB Circular 233', rfc_date(11, 3, 10, '+0700'),
                'I am out of the office until 11 March with limited access to e-mail.\n',
                extra=[('Auto-Submitted', 'auto-replied')])
    add_mbox(m, 11, 3, 10, 'no reply: an out-of-office auto-reply, no attachment')
    mbox_reply(BY[(214, 'BRA')], 'Brazil reply', 'Anatel_resposta.docx', 12, 18, 40,
               'Dear colleagues,\n\nPlease find attached the reply of Brazil.\n\nRafael Oliveira\n',
               what='reply of BRA to Circular 214; subject and file name name no circular')
    open(os.path.join(OUT, 'mbox', 'Inbox.mbox'), 'wb').write(b''.join(mb))

    # ---------------- the Maildir folder
    md = os.path.join(OUT, 'maildir', 'SG-replies')
    md_n = [0]

    def add_maildir(m, day, hh, mm, what, unread=False, flags='S'):
        md_n[0] += 1
        k = md_n[0]
        t = 1773100800 + (day - 10) * 86400 + hh * 3600 + mm * 60
        name = f'{t}.M{k * 104729 % 1000000}P{2000 + k}.mailhost'
        rel = f'maildir/SG-replies/new/{name}' if unread else f'maildir/SG-replies/cur/{name}:2,{flags}'
        b = (f'Return-Path: <{m["From"].split("<")[-1].rstrip(">")}>\nDelivered-To: sg-replies@itu.int\n').encode() + raw(m)
        open(os.path.join(OUT, rel), 'wb').write(b)
        messages.append(dict(where=rel, subject=plain(m['Subject']), what=what))
        return rel

    def md_reply(r, subject, name, day, hh, mm, body, more=(), what=None, unread=False, flags='S'):
        m = message(f'md-{r["circ"]}-{r["key"]}', who(r), SG_ADDR[r['circ']], subject, rfc_date(day, hh, mm), body,
                    [attachment(docs[key_of(r)], name)] + list(more))
        rel = add_maildir(m, day, hh, mm, what or f'reply of {r["ms"][1]} to Circular {r["circ"]}', unread, flags)
        place(r, rel, None, subject, m['Message-ID'], name, f'{rel}!{name}', 'Maildir message')

    md_reply(BY[(233, 'SEN')], 'Réponse du Sénégal – Circulaire TSB 233', 'Reponse_Senegal_233.docx', 10, 11, 0,
             'Madame, Monsieur,\n\nVeuillez trouver ci-joint la réponse du Sénégal.\n\nMamadou Ndiaye\n')
    civ = BY[(233, 'CIV')]
    cover = cover_letter(["Autorité de Régulation des Télécommunications/TIC de Côte d'Ivoire", '',
                          'Monsieur le Directeur,', "J'ai l'honneur de vous transmettre la réponse de la Côte d'Ivoire à la Circulaire TSB 233.",
                          "Veuillez agréer, Monsieur le Directeur, l'assurance de ma haute considération.", 'Awa Koné'])
    md_reply(civ, 'Circulaire 233', 'Formulaire_reponse.docx', 11, 9, 20,
             'Bonjour,\n\nCi-joint notre lettre et le formulaire de réponse.\n\nAwa Koné\n',
             more=[attachment(cover, 'Lettre_de_couverture.docx')],
             what="reply of CIV to Circular 233, with a cover letter .docx beside it")
    md_reply(BY[(233, 'AUS')], 'RE: TSB Circular 233 – Australian response', 'Australia_Circ233.docx', 11, 23, 50,
             'Dear TSB,\n\nAustralia\'s response is attached.\n\nRegards\nRebecca\n', flags='RS')
    md_reply(BY[(214, 'IND')], 'Re: Circular 214', 'DoT_India_reply.docx', 11, 12, 5,
             'Sir/Madam,\n\nReply of India enclosed.\n\nAnil Kumar\n')
    md_reply(BY[(214, 'BLR')], 'Ответ Республики Беларусь', 'Otvet_Belarus.docx', 11, 14, 0,
             'Уважаемые коллеги,\n\nНаправляем ответ.\n\nА. Петрович\n',
             what='reply of BLR to Circular 214; subject names no circular')
    md_reply(BY[(214, 'KAZ')], 'Re: ЦИРКУЛЯР БСЭ 214', 'KAZ_214.docx', 12, 10, 10,
             'Добрый день,\n\nответ Казахстана во вложении.\n\nН. Серикбаев\n', unread=True,
             what='reply of KAZ to Circular 214, unread (in new/, no flags)')
    m = message('md-fw233', 'Anna Keller <anna.keller@itu.int>', 'sg20-advisers@itu.int', 'FW: TSB Circular 233 for comments',
                rfc_date(9, 8, 30), 'Colleagues,\n\nFor information, the blank reply form of TSB Circular 233.\n\nAnna\n',
                [attachment(blank_docx(233, 'en'), 'TSB-Circ233-Annex2-reply-form.docx')])
    add_maildir(m, 9, 8, 30, 'no reply: an internal forward of the blank form of Circular 233 (same bytes as forms/blank_circ233_en.docx)')
    md_reply(BY[(201, 'ARG')], 'Respuesta Argentina - Circular TSB 201', 'ENACOM_Circ201.docx', 12, 13, 0,
             'Estimados:\n\nSe adjunta la respuesta de la República Argentina.\n\nMartín Sosa\n')
    md_reply(BY[(201, 'TUN')], 'Réponse Tunisie', 'Tunisie_reponse.docx', 13, 9, 30,
             'Madame, Monsieur,\n\nCi-joint notre réponse.\n\nLeila Ben Salah\n',
             what='reply of TUN to Circular 201; subject names no circular')

    # ---------------- loose .eml (saved from Outlook: CRLF) and .docx
    def eml(r, fname, subject, name, day, hh, mm, body, dest='loose'):
        m = message(f'eml-{r["circ"]}-{r["key"]}', who(r), SG_ADDR[r['circ']], subject, rfc_date(day, hh, mm), body,
                    [attachment(docs[key_of(r)] if key_of(r) in docs else reply_docx(r), name)],
                    extra=[('User-Agent', 'Microsoft Outlook 16.0')])
        rel = f'{dest}/{fname}'
        open(os.path.join(OUT, rel), 'wb').write(raw(m, crlf=True))
        if dest == 'loose':
            messages.append(dict(where=rel, subject=subject, what=f'reply of {r["ms"][1]} to Circular {r["circ"]}'))
            place(r, rel, None, subject, m['Message-ID'], name, f'{rel}!{name}', 'loose .eml')
        return rel, m

    eml(BY[(201, 'CAN')], 'Canada reply Circ 201.eml', 'Canada – reply to TSB Circular 201', 'Canada_TSB201.docx', 12, 16, 0,
        'Dear Sir/Madam,\n\nPlease find attached Canada\'s reply.\n\nDavid Tremblay\n')
    eml(BY[(214, 'VNM')], 'RE_ TSB Circular 214.eml', 'RE: TSB Circular 214', 'VietNam_reply.docx', 13, 10, 0,
        'Dear colleagues,\n\nAttached please find the reply of Viet Nam.\n\nNguyen Van Hai\n')
    eml(BY[(233, 'ARE')], 'UAE_reply_233.eml', 'رد دولة الإمارات العربية المتحدة', 'TDRA_reply.docx', 10, 13, 0,
        'حضرات السادة،\n\nمرفق رد دولة الإمارات العربية المتحدة.\n\nخالد المنصوري\n')
    eml(BY[(233, 'MEX')], 'Mexico reply.eml', 'Respuesta de México / reply of Mexico', 'Mexico_reply.docx', 12, 19, 0,
        'Estimados:\n\nAdjunto la respuesta de México.\n\nCarlos Hernández\n')
    for r, name in ((BY[(201, 'PER')], 'Respuesta_Peru_Circ201.docx'), (BY[(214, 'EGY')], 'Egypt_reply_214.docx'),
                    (BY[(214, 'KEN')], 'KEN_Circ214.docx'), (BY[(233, 'IDN')], 'Reply_Circ233_Indonesia.docx'),
                    (BY[(233, 'NGA')], 'Nigeria-TSB233.docx')):
        rel = f'loose/{name}'
        open(os.path.join(OUT, rel), 'wb').write(docs[key_of(r)])
        messages.append(dict(where=rel, subject='', what=f'reply of {r["ms"][1]} to Circular {r["circ"]} (loose .docx)'))
        place(r, rel, None, None, None, None, rel, 'loose .docx')

    # ---------------- the reply that arrives between two runs
    later_rel, later_m = eml(LATER, 'Uzbekistan_reply_214.eml', 'Ответ Узбекистана на Циркуляр 214',
                             'Otvet_Uzbekistan_Circ214.docx', 14, 9, 0,
                             'Уважаемые коллеги,\n\nНаправляем ответ Республики Узбекистан.\n\nР. Каримов\n', dest='later')
    later_doc = reply_docx(LATER)

    # ---------------- truth
    def reply_truth(r, doc, where):
        return dict(**where, sha256=hashlib.sha256(doc).hexdigest(), language=r['lang'],
                    member_state={'name': r['ms'][0], 'iso3': r['ms'][1]}, date=r['date'],
                    answers=answers_truth(r), render_clue=r['clue'])

    assert len(found) == len(REPLIES)
    circs = []
    for n, c in CIRCULARS.items():
        rs = [r for r in REPLIES if r['circ'] == n]
        entry = dict(number=n, study_group=c['sg'], id=f'TSB-Circular-{n}', forms=forms[n],
                     drafts=[{'draft': k, 'provisional': p} for k, p, _ in c['drafts']],
                     replies=[reply_truth(r, docs[key_of(r)], found[key_of(r)]) for r in rs],
                     tally=tally(n, rs))
        if n == LATER['circ']:
            entry['later'] = [reply_truth(LATER, later_doc, dict(
                source=f'{later_rel}!Otvet_Uzbekistan_Circ214.docx', container=later_rel, message=None,
                subject=later_m['Subject'] and 'Ответ Узбекистана на Циркуляр 214', message_id=later_m['Message-ID'],
                attachment='Otvet_Uzbekistan_Circ214.docx', packaging='loose .eml, arrives between two runs'))]
            entry['tally_after_later'] = tally(n, rs + [LATER])
        circs.append(entry)
    no_reply = [dict(where=m['where'], subject=m['subject'], why=m['what'].split(': ', 1)[1])
                for m in messages if m['what'].startswith('no reply')]
    expected = {
        'schema': 'replytally.inbox/1',
        'description': ('A study group mailbox with replies to three TSB Circulars open at once, made by '
                        'scripts/make-inbox-fixtures.py without reading the reader; paths relative to '
                        'tests/fixtures/inbox/. First run: mbox/, maildir/, loose/ and forms/ (with --form for '
                        'each blank form); later/ holds the one reply that arrives before the second run. '
                        '"source" is the path a reader is expected to give (message number in the mbox counted '
                        'from 1); match replies by container + attachment (or message_id) rather than by the '
                        'exact string. Tallies: counts over Member States, threshold 70 % inclusive, support = '
                        '100 × authorize / (authorize + not_authorize).'),
        'threshold': 70,
        'first_run_inputs': ['mbox', 'maildir', 'loose', 'forms'],
        'second_run_adds': [later_rel],
        'circulars': circs,
        'no_reply': no_reply,
        'messages': messages,
    }
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'inbox_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write('\n')
    write_readme(expected)
    print(f'{len(REPLIES)} replies (+1 later) to {len(CIRCULARS)} circulars, {len(messages)} messages/files')


SHORT = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c', ('not_authorize', None): 'N',
         ('no_reply', None): '–', ('conflict', None): 'C', ('authorize', 'unspecified'): 'A?'}


def write_readme(e):
    L = ['# Inbox: replies to three TSB Circulars in one mailbox export', '',
         "An independent test set for issue 10 (\"How it will be judged\"): a study group's mailbox holding the",
         'replies to three circulars open at the same time, exported as mail programs export it, built',
         '**without reading the reader** (only README.md, FORM.md, CONTRACT.md and the fixture scripts).', '',
         '- `forms/`: the blank reply forms, three languages each: TSB Circular 201 (Study Group 5: L.1475',
         '  (L.ai-energy), L.1220 revised, L.1023 Amd.1) en/fr/es; TSB Circular 214 (Study Group 13: Y.3188',
         '  (Y.qkd-ml), Y.3815 (Y.fmc-ai), Y.2244 revised, Y.3061 (Y.NGNe-sec)) en/ru/zh; TSB Circular 233',
         '  (Study Group 20: Y.4237 (Y.SC-twin), Y.4496) en/fr/ar. Each names its circular in its subject line.',
         '- `mbox/Inbox.mbox`: a Thunderbird mbox (`From - Tue Mar 10 …` separators, `X-Mozilla-Status`',
         '  headers, LF line ends, mboxo escaping: a body line starting `From ` is written `>From `),',
         '  multipart/mixed messages with base64 `.docx` attachments.',
         '- `maildir/SG-replies/`: a Maildir folder: `cur/` (read, `:2,S` / `:2,RS`), `new/` (one unread),',
         '  `tmp/` (empty but for `.keep`, since git keeps no empty folder).',
         '- `loose/`: `.eml` files saved from Outlook (CRLF) and `.docx` files saved from attachments.',
         '- `later/`: the reply that arrives between two runs (Uzbekistan to Circular 214). It turns',
         '  Y.3815 from exactly 70 % (approved, the threshold is inclusive) to 63.6 % (not approved).',
         '- `../inbox_expected.json`: the truth: per circular its replies (where found, Member State, date,',
         '  answers) and tally, the tally after the later reply, and the messages that hold no reply.', '',
         'Marks are ordinary habits: legacy boxes checked, `X` typed beside the box, ⃝ replaced by ● (or an',
         'X typed before it), comments and reasons in the cell under the line (Canada: in a row below).',
         '',
         'Made by `python3 scripts/make-inbox-fixtures.py` (deterministic); checked by rendering with',
         '`python3 scripts/check-inbox-fixtures.py` (every document taken out of the mbox, Maildir and',
         '`.eml` files with Python\'s `mailbox`/`email`, LibreOffice → PDF → `pdftotext`).', '',
         '## Every message and file', '', '| where | subject | what it holds |', '| --- | --- | --- |']
    for m in e['messages']:
        L.append(f"| `{m['where']}` | {m['subject'] or '—'} | {m['what']} |".replace('\n', ' '))
    L += ['', '## The replies and their truth', '']
    for c in e['circulars']:
        L += [f"### TSB Circular {c['number']} (Study Group {c['study_group']})", '',
              '| found at | lang | Member State | ' + ' | '.join(d['draft'] for d in c['drafts']) + ' |',
              '| --- | --- | --- | ' + ' | '.join('---' for _ in c['drafts']) + ' |']
        for r in c['replies'] + c.get('later', []):
            ans = ' | '.join(SHORT[(a['decision'], a['comments'])] for a in r['answers'])
            tag = ' (later)' if r in c.get('later', []) else ''
            L.append(f"| `{r['source']}`{tag} | {r['language']} | {r['member_state']['name']} ({r['member_state']['iso3']}) | {ans} |")
        L += ['', '| draft | authorize | not authorize | no reply | replies | support | verdict at 70 % |',
              '| --- | ---: | ---: | ---: | ---: | ---: | --- |']
        for d in c['tally']['drafts']:
            L.append(f"| {d['draft']} | {d['authorize']} | {d['not_authorize']} | {d['no_reply']} | {d['replies']} | {d['support']} % | {d['verdict']} |")
        if 'tally_after_later' in c:
            L += ['', 'After the later reply:', '', '| draft | authorize | not authorize | no reply | replies | support | verdict |',
                  '| --- | ---: | ---: | ---: | ---: | ---: | --- |']
            for d in c['tally_after_later']['drafts']:
                L.append(f"| {d['draft']} | {d['authorize']} | {d['not_authorize']} | {d['no_reply']} | {d['replies']} | {d['support']} % | {d['verdict']} |")
        L.append('')
    L += ['A = authorize, no comments; A+c = authorize with comments; N = does not authorize; – = no reply.', '',
          '## Notes on the truth', '',
          '- Germany replies to 201 and to 214 in one message (two attachments); each is a reply to its own circular.',
          '- Japan\'s message (subject "Reply form", file `Reply_form.docx`) and Brazil\'s, Belarus\'s and',
          '  Tunisia\'s name no circular in subject or file name: only the form\'s subject line and its drafts do.',
          '- The Maildir holds an internal forward of the blank form of Circular 233: a blank form, not a reply.',
          '- Cover letters (Spain, Côte d\'Ivoire) and signature images (China, United States) are not replies.',
          '- `source` strings for messages inside the mbox follow `mbox/Inbox.mbox!<n>!<file>` (n from 1); the',
          '  contract leaves the exact form to the tool, so compare by container, attachment and Message-ID.',
          '', 'Scores of the reader before any change for this set: `SCORES-first-run.md`.', '']
    open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8').write('\n'.join(L))


if __name__ == '__main__':
    main()
