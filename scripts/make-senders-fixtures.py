#!/usr/bin/env python3
"""Builds tests/fixtures/senders/: replies to TSB Circular 233 (Study Group 20, the blank form of
tests/fixtures/inbox/forms/) whose SENDER is written the many ways administrations write it:
Permanent Missions in Geneva with a Swiss address in the six languages, a letterhead only in the
page header, a regulator or ministry named only by its name or acronym, the sender only in a
signature block, the country only in the address line, the From block left as the placeholder,
two sources that disagree, a genuine Swiss reply beside the missions. Also writes the truth
tests/fixtures/senders_expected.json ({file: {iso3, decide}}) and tests/fixtures/senders/README.md.

    python3 scripts/make-senders-fixtures.py      # deterministic: same bytes every run

Made without reading replytally's reader. The decisions are all marked with checked legacy boxes,
so that the only question a file asks is who sent it. `iso3` is the Member State a careful person
would name; `decide: true` where the sources disagree or nothing in the file tells a Member State
(then `iso3` is null and `candidates` lists what the file points at).
"""

import hashlib
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from circular_forms import circular  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'senders')
DRAFTS = [('Y.4237', 'Y.SC-twin', 'new'), ('Y.4496', None, 'new')]
FORM = circular(233, 20, DRAFTS)

S = []


def add(lang, iso3, kind, note, frm=None, letterhead=None, body_letterhead=None, email='', sign=None,
        decide=False, candidates=None, answers=('An', 'An'), texts=None, clue=None):
    S.append(dict(lang=lang, iso3=iso3, kind=kind, note=note, frm=frm, letterhead=letterhead,
                  body_letterhead=body_letterhead, email=email, sign=sign, decide=decide,
                  candidates=candidates or ([iso3] if iso3 else []), answers=answers, texts=texts or {},
                  clue=clue))


GVA = 'Permanent Mission in Geneva, Swiss address'
# ---- Permanent Missions in Geneva, the six languages
add('en', 'KOR', GVA, 'English; mission e-mail on mofa.go.kr',
    ['Mr. LEE Sang-woo', 'Counsellor',
     'Permanent Mission of the Republic of Korea to the United Nations Office and other international organizations in Geneva',
     'Route de Pré-Bois 20, 1215 Genève 15, Switzerland'], email='korea.geneva@mofa.go.kr', clue='Republic of Korea')
add('fr', 'SEN', GVA, 'French; e-mail at a Swiss provider (bluewin.ch)',
    ['S.E. M. Coly Seck', 'Ambassadeur, Représentant permanent',
     "Mission permanente du Sénégal auprès de l'Office des Nations Unies à Genève",
     "Chemin du Champ-d'Anier 8, 1209 Genève, Suisse"], email='mission.senegal@bluewin.ch', clue='Sénégal')
add('es', 'MEX', GVA, 'Spanish',
    ['Lic. Ana Laura Gómez', 'Consejera',
     'Misión Permanente de México ante la Oficina de las Naciones Unidas y otros Organismos Internacionales con sede en Ginebra',
     'Chemin de Roches 16, 1208 Ginebra, Suiza'], email='oigmexico@sre.gob.mx', clue='México')
add('ru', 'RUS', GVA, 'Russian; e-mail at a Swiss provider',
    ['Смирнов Алексей Владимирович', 'Советник',
     'Постоянное представительство Российской Федерации при Отделении ООН и других международных организациях в Женеве',
     'Avenue de la Paix 15, 1211 Женева 20, Швейцария'], email='mission.russian@vtxnet.ch', clue='Российской Федерации')
add('ar', 'EGY', GVA, 'Arabic',
    ['السيد أحمد فؤاد', 'مستشار',
     'البعثة الدائمة لجمهورية مصر العربية لدى مكتب الأمم المتحدة والمنظمات الدولية في جنيف',
     '49 avenue Blanc، 1202 جنيف، سويسرا'], clue='مصر')
add('zh', 'CHN', GVA, 'Chinese',
    ['王伟', '参赞', '中华人民共和国常驻联合国日内瓦办事处和瑞士其他国际组织代表团',
     '瑞士日内瓦 Chemin de Surville 11, 1213 Petit-Lancy'], email='chinamission_gva@mfa.gov.cn', clue='中华人民共和国')
add('en', 'IRN', GVA, 'English, long official name',
    ['Mr. Reza Ahmadi', 'First Secretary',
     'Permanent Mission of the Islamic Republic of Iran to the United Nations Office and other International Organizations in Geneva',
     'Chemin du Petit-Saconnex 28, 1209 Geneva, Switzerland'], clue='Iran')
add('fr', 'CIV', GVA, "French; the address line has no country",
    ['Mme Aminata Touré', 'Conseiller',
     "Mission permanente de la République de Côte d'Ivoire auprès de l'Office des Nations Unies à Genève",
     'Rue de Lausanne 47, 1201 Genève'], clue="Côte d'Ivoire")
add('es', 'COL', GVA, 'Spanish',
    ['Sr. Andrés Felipe Rojas', 'Primer Secretario',
     'Misión Permanente de Colombia ante la Oficina de las Naciones Unidas y otros Organismos Internacionales en Ginebra',
     "Chemin du Champ-d'Anier 17-19, 1209 Ginebra, Suiza"], clue='Colombia')
add('ru', 'KAZ', GVA, 'Russian; no country in the address',
    ['Жумабеков Ерлан', 'Первый секретарь',
     'Постоянное представительство Республики Казахстан при Отделении ООН и других международных организациях в Женеве',
     "Rue de l'Ancien-Port 12, 1201 Женева"], clue='Казахстан')
add('ar', 'SAU', GVA, 'Arabic; Swiss address in Latin script',
    ['السيد عبد الله القحطاني', 'سكرتير أول',
     'البعثة الدائمة للمملكة العربية السعودية لدى مكتب الأمم المتحدة والمنظمات الدولية الأخرى في جنيف',
     'Avenue Blanc 47, 1202 Genève, Suisse'], clue='السعودية')
add('en', 'PHL', 'mission letterhead only in the page header, Swiss address in the From block',
    'word/header1.xml names the mission; the From block only a person and a Geneva address',
    ['Ms. Maria Santos', 'Minister and Consul General', 'Avenue Blanc 47, 1202 Geneva, Switzerland'],
    letterhead=['Permanent Mission of the Republic of the Philippines', 'to the United Nations and other International Organizations, Geneva'],
    clue='Philippines')
# ---- letterhead only in the page header
add('en', 'IDN', 'letterhead only in the page header (word/header1.xml)', 'From block: a person and a Jakarta address, no country',
    ['Mr. Budi Santoso', 'Director of Standardization', 'Jl. Medan Merdeka Barat No. 9, Jakarta 10110'],
    letterhead=['REPUBLIC OF INDONESIA', 'MINISTRY OF COMMUNICATION AND DIGITAL AFFAIRS'], clue='INDONESIA')
add('en', 'CAN', 'letterhead only in the page header (word/header1.xml)', 'bilingual Government of Canada letterhead; From block Ottawa without country',
    ['Mr. David Tremblay', 'Director, International Telecommunication Standards', '235 Queen Street, Ottawa ON K1A 0H5'],
    letterhead=['Government of Canada | Gouvernement du Canada', 'Innovation, Science and Economic Development Canada'], clue='Canada')
# ---- regulator or ministry only by its name or acronym
add('en', 'BRA', 'regulator by its acronym only', 'Anatel, Brasília address without country',
    ['Mr. Rafael Oliveira', 'Manager, International Affairs', 'Anatel', 'SAUS Quadra 6, Bloco H, Brasília – DF'], clue='Anatel')
add('es', 'CHL', 'regulator by its acronym only (own language)', 'SUBTEL, Santiago without country',
    ['Sra. Carolina Muñoz', 'Jefa de Relaciones Internacionales', 'SUBTEL', 'Amunátegui 139, Santiago'], clue='SUBTEL')
add('ar', 'ARE', 'regulator by its Arabic name only', 'TDRA in Arabic, Abu Dhabi P.O. Box, no country',
    ['السيد خالد المنصوري', 'مدير الشؤون الدولية', 'هيئة تنظيم الاتصالات والحكومة الرقمية', 'ص.ب 26662، أبوظبي'],
    clue='أبوظبي')
add('ru', 'BLR', 'ministry by its Russian name only', 'ministry name without the country, Minsk address',
    ['Петрович Андрей Николаевич', 'Начальник управления', 'Министерство связи и информатизации',
     'пр. Независимости, 10, 220030 г. Минск'], clue='Минск')
add('fr', 'LUX', 'regulator by its acronym only', 'ILR, address in Luxembourg city',
    ['M. Paul Weber', 'Chef du service Télécommunications', 'ILR', '17, rue du Fossé, L-1536 Luxembourg'], clue='ILR')
add('en', 'JPN', 'ministry by its Japanese name only', 'From block in Japanese on the English form (総務省 = MIC)',
    ['佐藤 健二', '国際戦略局 通信規格課長', '総務省', '東京都千代田区霞が関2-1-2'], clue='総務省')
add('es', 'VEN', 'regulator acronym shared by several states, e-mail domain decides', 'CONATEL (four states use it), conatel.gob.ve',
    ['Ing. Luis Pérez', 'Gerente de Relaciones Internacionales', 'CONATEL'], email='relaciones@conatel.gob.ve', clue='CONATEL')
# ---- sender only in a signature block; country only in the address line
add('en', 'PRT', 'sender only in the e-mail signature block after the table', 'From block left as [Name] [Official Role] [Address]',
    sign=['Best regards,', 'Ana Silva', 'Director, International Affairs', 'ANACOM – Autoridade Nacional de Comunicações',
          'Av. José Malhoa 12, 1099-017 Lisboa, Portugal', 'Tel. +351 21 721 1000 | ana.silva@anacom.pt'], clue='ANACOM')
add('en', 'FIN', 'sender only in the e-mail signature block after the table', 'Traficom, Finnish address, .fi e-mail; From block placeholder',
    sign=['Kind regards', 'Mikko Virtanen', 'Senior Adviser, Traficom', 'P.O. Box 320, FI-00059 TRAFICOM, Helsinki',
          'mikko.virtanen@traficom.fi'], clue='Traficom')
add('en', 'UGA', 'country only in the address line', 'no organisation named',
    ['Mr. Joseph Okello', 'Director, Licensing', 'Plot 42-44 Spring Road, Bugolobi, P.O. Box 7376, Kampala, Uganda'], clue='Uganda')
add('en', 'NPL', 'country only in the address line', 'no organisation named',
    ['Mr. Ram Bahadur Thapa', 'Joint Secretary', 'Singha Durbar, Kathmandu, Nepal'], clue='Nepal')
add('en', 'POL', 'only the e-mail address on the form tells', 'a person and a title, e-mail on uke.gov.pl',
    ['Mr. Jan Kowalski', 'Deputy Director, International Affairs'], email='j.kowalski@uke.gov.pl', clue='Kowalski')
# ---- placeholder From block, letterhead naming the country
add('en', 'GHA', 'From block left as the placeholder, letterhead in the body', 'letterhead paragraphs above ANNEX 2',
    body_letterhead=['REPUBLIC OF GHANA', 'MINISTRY OF COMMUNICATIONS, DIGITAL TECHNOLOGY AND INNOVATIONS'], clue='GHANA')
add('fr', 'TUN', 'From block left as the placeholder, letterhead only in the page header', 'word/header1.xml',
    letterhead=['République Tunisienne', 'Ministère des Technologies de la Communication'], clue='Tunisienne')
# ---- the genuine Swiss reply
add('fr', 'CHE', 'the Swiss administration itself (OFCOM/BAKOM, Biel/Bienne)', 'OFCOM is also the UK regulator\'s name; Biel/Bienne and bakom.admin.ch tell',
    ['M. Philippe Moser', 'Affaires internationales',
     'Office fédéral de la communication OFCOM / Bundesamt für Kommunikation BAKOM', "Rue de l'Avenir 44, 2501 Biel/Bienne"],
    email='philippe.moser@bakom.admin.ch', clue='OFCOM')
# ---- sources that disagree, or none
add('fr', None, 'two sources disagree', 'letterhead (header1.xml) of Cameroon, From block the Permanent Mission of Gabon',
    ['M. Jean-Pierre Mba', 'Premier Conseiller',
     "Mission permanente de la République gabonaise auprès de l'Office des Nations Unies à Genève",
     'Avenue de France 23, 1202 Genève'],
    letterhead=['RÉPUBLIQUE DU CAMEROUN – Paix – Travail – Patrie', 'Ministère des Postes et Télécommunications'],
    decide=True, candidates=['CMR', 'GAB'], clue='CAMEROUN')
add('en', None, 'two sources disagree', 'From block the Communications Authority of Kenya, signature and e-mail Rwanda (RURA)',
    ['Ms. Grace Wanjiru', 'Manager, Standards', 'Communications Authority of Kenya', 'P.O. Box 14448, Nairobi'],
    email='standards@rura.rw', sign=['Grace Uwase', 'Rwanda Utilities Regulatory Authority (RURA), Kigali'],
    decide=True, candidates=['KEN', 'RWA'], clue='Kenya')
add('en', None, 'nothing tells the Member State', 'acronym TRA alone (several states), a gmail.com address',
    ['Mr. Ali Hassan', 'Director, Standards', 'TRA'], email='ali.hassan.tra@gmail.com',
    decide=True, candidates=['ARE', 'OMN', 'BHR', 'LBN'], clue='TRA')
add('es', None, 'not an administration', 'a company (Telefónica, S.A., Madrid, España) replying on the Member States\' form',
    ['D. Luis Martín', 'Director de Estandarización', 'Telefónica, S.A.', 'Ronda de la Comunicación s/n, 28050 Madrid, España'],
    email='luis.martin@telefonica.com', decide=True, candidates=['ESP'], clue='Telefónica')

TEXTS = {'Y.4496': 'The privacy requirements of clause 8 need one more meeting.'}


def main():
    # replies/ is rewritten whole; SCORES-first-run.md beside it is kept
    shutil.rmtree(os.path.join(OUT, 'replies'), ignore_errors=True)
    os.makedirs(os.path.join(OUT, 'replies'))
    truth = {}
    rows = []
    for i, s in enumerate(S, 1):
        name = f'Circ233_reply_{i:02d}.docx'
        answers = ('An', 'N') if i % 5 == 0 else s['answers']
        spec = {'lang': s['lang'], 'answers': dict(zip([k for k, _, _ in DRAFTS], answers)),
                'texts': TEXTS if 'N' in answers else {}, 'mark': 'legacy', 'opt': 'glyph:●',
                'email': s['email'], 'dateplace': '12.03.2026', 'title': 'TSB Circular 233 - Annex 2 - reply',
                'author': s['frm'][0] if s['frm'] else s['sign'][1] if s['sign'] else 'User'}
        if s['frm']:
            spec['from'] = s['frm']
        if s['letterhead']:
            spec['letterhead'] = s['letterhead']
        if s['body_letterhead']:
            spec['body_letterhead'] = s['body_letterhead']
        if s['sign']:
            spec['sign'] = s['sign']
        path = os.path.join(OUT, 'replies', name)
        FORM.build(spec, path)
        sha = hashlib.sha256(open(path, 'rb').read()).hexdigest()
        truth[name] = {'iso3': s['iso3'], 'decide': s['decide'], 'candidates': s['candidates'], 'language': s['lang'],
                       'kind': s['kind'], 'note': s['note'], 'render_clue': s['clue'], 'sha256': sha,
                       'answers': [{'draft': k, 'decision': 'authorize' if c == 'An' else 'not_authorize'}
                                   for (k, _, _), c in zip(DRAFTS, answers)]}
        rows.append((name, s))
    expected = {
        'schema': 'replytally.senders/1',
        'description': ('Replies to TSB Circular 233 whose sender is written the many ways administrations write '
                        'it, made by scripts/make-senders-fixtures.py without reading the reader. Keys: file names in '
                        'tests/fixtures/senders/replies/. iso3: the Member State a careful person names (null when '
                        'the file cannot tell or the sender is not an administration); decide: the sources disagree '
                        'or nothing tells, so a person must decide (the reader must raise a decide item, not pick one '
                        'silently). candidates: what the file points at. Scored by scripts/score-senders.py.'),
        'form': '../inbox/forms/blank_circ233_en.docx',
        'files': truth,
    }
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'senders_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write('\n')
    L = ['# Senders: who replied, written the ways administrations write it', '',
         f'{len(S)} replies to TSB Circular 233 (Study Group 20; blank form `../inbox/forms/blank_circ233_en.docx`),',
         'built **without reading the reader**. Every decision is a checked legacy box (options: ⃝ replaced',
         'by ●): the only question each file asks is *who sent it*. The forms are in the language the',
         'sender would use (English, French, Spanish, Russian, Arabic, Chinese), written by the habits',
         'fixtures\' form writer; the dates are `12.03.2026`.', '',
         'Truth: `../senders_expected.json`, `{file: {iso3, decide, candidates, …}}`. `decide: true` where',
         'the sources disagree or nothing tells a Member State (then `iso3` is null): the reader must raise',
         'a `decide` item about the Member State rather than choose one silently.', '',
         'Made by `python3 scripts/make-senders-fixtures.py` (deterministic), checked by rendering with',
         '`python3 scripts/check-inbox-fixtures.py --senders`, scored with `python3 scripts/score-senders.py`.', '',
         '| file | lang | truth | decide | how the sender is written | detail |', '| --- | --- | --- | --- | --- | --- |']
    for name, s in rows:
        t = s['iso3'] or ('none: ' + '/'.join(s['candidates']))
        L.append(f"| `{name}` | {s['lang']} | {t} | {'yes' if s['decide'] else ''} | {s['kind']} | {s['note']} |")
    L += ['', '## Doubtful in the truth', '',
          '- `JPN` from 総務省 alone: Japanese is not an ITU language; a reader that does not know the name',
          '  can only say it cannot tell (a `decide` item would be an acceptable answer, a wrong state not).',
          '- The company reply (Telefónica) is `iso3: null`: a Sector Member is not a Member State, even if',
          '  its address is in Spain.',
          '- `Circ233_reply_30.docx` (Cameroon letterhead, Gabon mission): the mission\'s Geneva address is',
          '  "Avenue de France 23", so a third country\'s name is on the page; a street name is not a source.',
          '- The one reason text (Y.4496, every fifth file) is in English whatever the form\'s language.',
          '- `VEN` rests on the e-mail domain alone (CONATEL is the name of four regulators).',
          '- `CHE`: "OFCOM" is also the name of the UK regulator; Biel/Bienne and `bakom.admin.ch` decide.',
          '', 'Scores of the reader before any change for this set: `SCORES-first-run.md`.', '']
    open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8').write('\n'.join(L))
    print(f'{len(S)} replies in {OUT}')


if __name__ == '__main__':
    main()
