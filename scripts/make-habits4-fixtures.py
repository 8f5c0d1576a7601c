#!/usr/bin/env python3
"""Writes tests/fixtures/habits4/: a fourth hold-out set of filled-in reply forms, replies to TSB
Circular 251 (Study Group 16), and its truth tests/fixtures/habits4_expected.json (the shape of
habits3_expected.json, read by scripts/score-habits.py --set habits4).

Written without reading replytally's reader (only FORM.md, CONTRACT.md, the practice set and the
earlier sets' READMEs, truth and generators). The blank form has a layout per language that the
earlier sets did not have (habits4_form.py), and the replies carry habits the earlier sets did
not have (habits4_build.py): a tick picture, a drawn ellipse, ☑ in another font, Wingdings typed as
letters, ** ** or [ ] round the choice, "(selected)" / "← our choice", the decision in words in
added columns, a remarks column or a text box, a coloured box cell, letters with a numbered list and
no form, "see attached" with the text after a page break, a numbered "Annex – reasons" section, a
table split by a page break, drafts left unanswered, options left unmarked, a late reply and a reply
superseding an earlier one, dates written every way.

48 Member States, 8 per form language, and one earlier reply superseded (49 files). Six replies are
re-saved by LibreOffice (`soffice --headless --convert-to docx`, a fresh profile; the zip's entry times
fixed afterwards, so those files are stable too, with the same LibreOffice version).

    python3 scripts/make-habits4-fixtures.py            # write the set and the truth
    python3 scripts/make-habits4-fixtures.py --pdf      # the same, then pdf/ and scans/ and their truth (habits4_pdf.py)
    python3 scripts/check-habits4-fixtures.py           # render every file and check the truth against it
"""

import hashlib
import io
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits4_build import Builder  # noqa: E402
from habits4_form import CIRCULAR, DEADLINE, DRAFTS, KEYS, LAYOUT, SG  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'habits4')
LANGS = ('en', 'fr', 'es', 'ru', 'ar', 'zh')
K1, K2, K3, K4, K5 = KEYS


def codes(s):
    return dict(zip(KEYS, s))


def tick_png():
    """The tick picture people paste in the box's place: drawn here, so the bytes are fixed."""
    from PIL import Image, ImageDraw
    im = Image.new('RGB', (48, 48), 'white')
    dr = ImageDraw.Draw(im)
    dr.line([(7, 26), (19, 39), (41, 9)], fill=(0, 110, 0), width=7)
    b = io.BytesIO()
    im.save(b, format='PNG', optimize=False)
    return b.getvalue()


# The replies. `codes`: per draft A/W/U/N/C/- (habits4_build). `mark`: how the choice was marked.
# `place`/`place_by`: where the reasons/comments are (under, inline, attached, annex, comment,
# remarks, letter). `texts`: the reasons (N) and comments (W) as typed.
REPLIES = [
    # ------------------------------------------------------------------ en: `twoline`
    dict(lang='en', file='USA_State_reply_Circ251.docx', ms=('United States', 'USA'),
         frm=['Ms Rebecca Lindqvist', 'Office of Multilateral Affairs, Bureau of Cyberspace and Digital Policy',
              'U.S. Department of State', '2201 C Street NW, Washington, DC 20520, USA'], email='lindqvistr@state.gov',
         date_text='November 5th, 2026', date='2026-11-05', codes=codes('ANAWA'), mark='native', place='annex',
         texts={K2: 'The draft normatively references a specification that is not publicly available.\n'
                    'We propose that clause 7 be rewritten so that it relies only on published ITU-T texts.',
                K4: 'In Table 3, the level limits for profile 118 should read 6.2, not 6.1.'},
         sign=['Rebecca Lindqvist'], notes=['☐ replaced by ☒ inside the run that holds the key word ("☒ Authorizes"); options ○ → ●',
                                           'reasons and comments in a numbered "Annex – reasons and comments" section after a page break'],
         clue='Department of State'),
    dict(lang='en', file='PTS_svar_C251.docx', ms=('Sweden', 'SWE'),
         frm=['Anna Berglund', 'Senior Adviser, Spectrum and Standards', 'PTS', 'Box 6101', 'SE-102 32 Stockholm'],
         email='anna.berglund@pts.se', date_text='2026-11-05', date='2026-11-05', codes=codes('AAAAW'), mark='picture',
         alt='Checkmark', place='attached',
         texts={K5: 'Clause 6.4 should require that captions can be resized by the user.\n'
                    'Annex A should cite ITU-T H.702 for the accessibility profiles.'},
         sign=['Anna Berglund'], sender=['acronym_only'],
         notes=['the ☐ and ○ of the chosen lines replaced by an inline picture of a green tick (alt text "Checkmark")',
                'comments: "See attached." under the line, the text on a page after a page break'], clue='PTS'),
    dict(lang='en', file='ZICTA_C251_response.docx', ms=('Zambia', 'ZMB'),
         frm=['Mr Mwila Chanda', 'Manager, Standards and Type Approval', 'ZICTA',
              'Plot 4909, Corner of United Nations and Independence Avenues, Lusaka'],
         email='mchanda@zicta.zm', date_text='5.11.2026', date='2026-11-05', codes=codes('ANAAA'), mark='shape', place='under',
         texts={K2: 'Zambia is not in a position to support the draft: the latency requirements in clause 8 exceed what '
                    'current regional networks can offer.'},
         sign=['Mwila Chanda', 'for: Director General'], sender=['acronym_only'],
         notes=['boxes left empty; a red ellipse (a drawn shape, wrapNone) drawn round the chosen box and option',
                'reason typed in the cell under the line'], clue='ZICTA'),
    dict(lang='en', file='RURA_reply_251.docx', ms=('Rwanda', 'RWA'),
         frm=['Eng. Aline Uwase', 'Director, ICT Standards', 'RURA', 'KG 9 Avenue, Kigali'], email='a.uwase@rura.rw',
         date_text='Kigali, 06/11/2026', date='2026-11-06', codes=codes('AWCA-'), mark='wrap:**', place='under', lo=True,
         texts={K2: 'Please add an informative appendix with a reference deployment for live events.'},
         sign=['Aline Uwase'], sender=['acronym_only'], layout=['partial', 'libreoffice'],
         notes=['boxes left empty; the chosen key word and option typed between ** ** ("**Authorizes**")',
                'H.430.5: **Authorizes** + **No comments** and **Does not authorize** (conflict)',
                'F.MSS-acc left as sent (no reply)', 'comment in the cell under the line', 'opened and re-saved by LibreOffice'],
         clue='RURA'),
    dict(lang='en', file='TCRA_Circ251.docx', ms=('Tanzania', 'TZA'),
         frm=['Dr. Neema Mushi', 'Director, Standards and Technical Services', 'TCRA', 'Mawasiliano Towers, Sam Nujoma Road',
              'Dar es Salaam'], email='neema.mushi@tcra.go.tz', date_text='6th November 2026', date='2026-11-06',
         codes=codes('NAAAA'), mark='suffix:(selected)', place='inline',
         texts={K1: 'The use cases in Appendix II duplicate those of ITU-T F.740.1 and should be removed.'},
         sign=['Neema Mushi'], sender=['acronym_only'],
         notes=['boxes left empty; "(selected)" typed after each chosen line', 'reason typed after the line, in the same paragraph'],
         clue='TCRA'),
    dict(lang='en', file='PTRI_Jenewa_C251.docx', ms=('Indonesia', 'IDN'),
         frm=['Mr Bagus Pratama', 'Counsellor', 'Permanent Mission of the Republic of Indonesia to the United Nations, WTO and '
              'other International Organizations in Geneva', 'Rue de Saint-Jean 30, 1203 Geneva, Switzerland'],
         email='bagus.pratama@mission-indonesia.org', fax='+41 22 345 5733', date_text='05 Nov 2026', date='2026-11-05',
         codes=codes('AANAW'), mark='addcols', place='remarks',
         texts={K3: 'The revision removes the interoperability profile on which Indonesian operators rely.',
                K5: 'We suggest aligning the terminology with ITU-T F.791.'},
         sign=['Bagus Pratama', 'Counsellor'], sender=['permanent_mission'], layout=['added_cols'],
         notes=['boxes left empty; two columns added at the right ("Decision", "Comments"), the decision in words '
                '("We agree, no comments", "No objection, with comments", "We object")', 'reasons and comments in the added column',
                'Permanent Mission of Indonesia in Geneva: Swiss address'], clue='Permanent Mission of the Republic of Indonesia'),
    dict(lang='en', file='Nkom_C251.docx', ms=('Norway', 'NOR'),
         frm=['Lars Haugen', 'Senior Engineer', 'Nkom'], email='lars.haugen@nkom.no', date_text='09.11.2026', date='2026-11-09',
         codes=codes('AUAAA'), mark='glyph_font:☑', glyph_font='Segoe UI Symbol',
         sign=['Lars Haugen'], sender=['acronym_only', 'email_domain_only'], layout=['split_page'],
         notes=['☐ replaced by ☑ typed in Segoe UI Symbol (a font the form does not use)',
                'H.871: ☑ Authorizes, no option marked (comments unspecified)',
                'the table split in two by a page break (header rows repeated)', 'the country only in the e-mail domain (.no)'],
         clue='Nkom'),
    dict(lang='en', file='Jamaica_SMA_letter_C251.docx', ms=('Jamaica', 'JAM'), mark='letter', place='letter',
         frm=['Spectrum Management Authority', '13th Floor, PCJ Building, 36 Trafalgar Road', 'Kingston 10, Jamaica'],
         email='info@sma.gov.jm', date_text='Monday, 9 November 2026', date='2026-11-09', codes=codes('AANA-'),
         texts={K3: 'The revised text drops the conformance clause for low-bandwidth terminals.'},
         sign=['Dr. Andre Campbell', 'Managing Director'], layout=['letter'],
         notes=['no form: a letter with a numbered list, one item per draft, the answer in words',
                'F.MSS-acc not mentioned (no reply)', 'reason in the paragraph under the item'], clue='Spectrum Management Authority'),
    # ------------------------------------------------------------------ fr: `dec2col`
    dict(lang='fr', file='OFCOM_CH_reponse_C251.docx', ms=('Switzerland', 'CHE'), author='Nicolas Favre',
         frm=['M. Nicolas Favre', 'Chef de section, Affaires internationales', "Office fédéral de la communication OFCOM",
              "Rue de l'Avenir 44, 2501 Bienne"], email='nicolas.favre@bakom.admin.ch', date_text='5 nov. 2026', date='2026-11-05',
         codes=codes('AAWAA'), mark='native', place='comment',
         texts={K3: "La Suisse propose d'ajouter au paragraphe 5.2 une référence à la Recommandation UIT-T H.430.3."},
         sign=['Nicolas Favre'], sender=['swiss_sender_not_mission'],
         notes=['☐ remplacé par ☒, ⃝ par ●', "commentaire dans un commentaire Word ancré sur le nom du projet",
                "OFCOM à Bienne : adresse suisse, l'État Membre est bien la Suisse (pas une mission)"], clue='Bienne'),
    dict(lang='fr', file='ART_Cameroun_251.docx', ms=('Cameroon', 'CMR'),
         frm=['M. Jean-Pierre Mbarga', 'Chef de la Division de la normalisation', 'ART', 'BP 6132 Yaoundé'],
         email='jp.mbarga@art.cm', date_text='Yaoundé, le 06/11/2026', date='2026-11-06', codes=codes('ANAAA'), mark='picture',
         alt='Coché', place='attached',
         texts={K2: "Le projet impose un débit minimal que les réseaux de la sous-région ne peuvent garantir.\n"
                    "Nous proposons de ramener cette exigence au rang de recommandation."},
         sign=['Jean-Pierre Mbarga'], sender=['acronym_only'],
         notes=['cases des lignes choisies remplacées par une image de coche (texte de remplacement « Coché »)',
                '« Voir pièce jointe. » sous la ligne; les motifs sur une page après un saut de page'], clue='ART'),
    dict(lang='fr', file='ARTEC_reponse_C251.docx', ms=('Madagascar', 'MDG'),
         frm=['Mme Haingo Rakotomalala', 'Directrice technique', 'ARTEC', 'Immeuble ARTEC, Ambohidahy, Antananarivo 101'],
         email='h.rakotomalala@artec.mg', date_text='le 6 novembre 2026', date='2026-11-06', codes=codes('CAAAA'),
         mark='suffix:(sélectionné)', sign=['Haingo Rakotomalala'], sender=['acronym_only'],
         notes=['cases vides; « (sélectionné) » tapé après chaque ligne choisie',
                "F.749.15 : « (sélectionné) » après Autorise + Pas de commentaires ET après N'autorise pas (conflit)"],
         clue='ARTEC'),
    dict(lang='fr', file='AMRTP_Mali_251.docx', ms=('Mali', 'MLI'),
         frm=['M. Moussa Traoré', 'Chef du service Normalisation', 'AMRTP', 'ACI 2000, Bamako'], email='m.traore@amrtp.ml',
         date_text='Bamako, le 9 novembre 2026', date='2026-11-09', codes=codes('WAAA-'), mark='wrap:[]', place='inline',
         texts={K1: "Préciser dans l'article 4 les exigences de synchronisation audio-vidéo."},
         sign=['Moussa Traoré'], sender=['acronym_only'], layout=['partial'],
         notes=['cases vides; le mot clé et l\'option choisis entre crochets tapés (« [Autorise] »)',
                'F.MSS-acc laissé sans réponse', 'commentaire tapé à la suite de la ligne, dans le même paragraphe'], clue='AMRTP'),
    dict(lang='fr', file='ARCEP_Benin_C251.docx', ms=('Benin', 'BEN'),
         frm=['M. Codjo Houngbédji', 'Directeur de la Normalisation', 'ARCEP', '01 BP 2034 Cotonou'], email='c.houngbedji@arcep.bj',
         date_text='09-11-2026', date='2026-11-09', codes=codes('AANAA'), mark='textbox', place='annex',
         texts={K3: "La révision supprime la prise en charge des terminaux existants sans période de transition."},
         sign=['Codjo Houngbédji'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['cases vides; sous chaque projet une zone de texte « Réponse : Pas d\'objection, sans commentaires » (ou « Nous '
                "n'autorisons pas »)", 'motifs dans une « Annexe – motifs et commentaires » numérotée après un saut de page',
                'sigle ARCEP (aussi France, Burkina Faso…), Cotonou'], clue='Cotonou'),
    dict(lang='fr', file='MinNum_Gabon_reponse251.docx', ms=('Gabon', 'GAB'),
         frm=['M. Serge Ondo Nguema', 'Directeur de la normalisation', "Ministère de l'Économie numérique"],
         email='s.ondo@numerique.gouv.ga', date_text='Libreville, le 10 novembre 2026', date='2026-11-10', codes=codes('AAAAN'),
         mark='shape', place='under', lo=True,
         texts={K5: "Le Gabon souhaite que le projet traite aussi de l'audiodescription en langues nationales."},
         header=['RÉPUBLIQUE GABONAISE', "Ministère de l'Économie numérique – Libreville"],
         sign=['Serge Ondo Nguema'], sender=['header_letterhead'], layout=['libreoffice'],
         notes=['cases vides; une ellipse rouge dessinée autour de la case et de l\'option choisies',
                'motif tapé dans la cellule sous la ligne', "le pays seulement dans l'en-tête de page",
                'ouvert et réenregistré par LibreOffice'], clue='RÉPUBLIQUE GABONAISE'),
    dict(lang='fr', file='CONATEL_Haiti_251.docx', ms=('Haiti', 'HTI'),
         frm=['M. Jean-Robert Pierre', 'Directeur technique', 'CONATEL', '16, avenue Marie-Jeanne, Port-au-Prince'],
         email='jrpierre@conatel.gouv.ht', date_text='05.11.2026', date='2026-11-05', codes=codes('ANAWA'), mark='addcols',
         place='remarks',
         texts={K2: "Haïti n'est pas en mesure d'appuyer ce projet : les exigences de l'article 6 supposent une fibre optique "
                    "que nos opérateurs n'ont pas.",
                K4: "Corriger aussi la note 2 du Tableau 3."},
         sign=['Jean-Robert Pierre'], sender=['acronym_only', 'acronym_shared_with_other_state'], layout=['added_cols'],
         notes=['cases vides; deux colonnes ajoutées (« Décision », « Commentaires »), la décision en mots '
                "(« Pas d'objection, sans commentaires », « Nous n'autorisons pas »)",
                'motifs et commentaires dans la colonne ajoutée', 'sigle CONATEL (aussi Venezuela, Paraguay)'], clue='Port-au-Prince'),
    dict(lang='fr', file='Monaco_DDN_lettre_C251.docx', ms=('Monaco', 'MCO'), mark='letter', place='letter',
         frm=['Principauté de Monaco', 'Direction du Développement des Usages Numériques', '23, avenue Albert II, MC 98000 Monaco'],
         email='ddun@gouv.mc', date_text='Monaco, le 12 novembre 2026', date='2026-11-12', codes=codes('AN-AA'),
         texts={K2: "Le projet ne tient pas compte des travaux en cours à la Question 8/16 ; Monaco propose d'attendre leur conclusion."},
         sign=['Claire Médecin', 'Directeur'], layout=['letter'],
         notes=['pas de formulaire : une lettre avec une liste numérotée, la réponse en mots',
                'H.430.5 non mentionné (pas de réponse)', 'motif dans le paragraphe sous le point'], clue='Principauté de Monaco'),
    # ------------------------------------------------------------------ es: `pdfpaste`
    dict(lang='es', file='Cuba_MINCOM_C251.docx', ms=('Cuba', 'CUB'),
         frm=['Ing. Yamila Rodríguez', 'Directora de Regulaciones', 'Ministerio de Comunicaciones', 'Ave. Independencia y 19 de Mayo',
              'La Habana, Cuba'], email='yamila.rodriguez@mincom.gob.cu', date_text='La Habana, 5 de noviembre de 2026',
         date='2026-11-05', codes=codes('ANAAW'), mark='native', place='annex',
         texts={K2: 'El proyecto exige códecs sujetos a licencias cuyo costo impide su adopción en países en desarrollo.',
                K5: 'Se sugiere incluir el subtitulado en lengua de señas entre los requisitos de la cláusula 7.'},
         sign=['Yamila Rodríguez'],
         notes=['[ ] sustituido por [X], ( ) por (X)', 'motivos y comentarios en un «Anexo – motivos y comentarios» numerado, '
                'tras un salto de página'], clue='Ministerio de Comunicaciones'),
    dict(lang='es', file='ATT_Bolivia_251.docx', ms=('Bolivia (Plurinational State of)', 'BOL'),
         frm=['Lic. Marco Quispe', 'Jefe de Normalización', 'ATT', 'Calle 13 de Calacoto N° 8260, La Paz'],
         email='mquispe@att.gob.bo', date_text='2026-11-05', date='2026-11-05', codes=codes('AACAA'),
         mark='suffix:← nuestra elección', sign=['Marco Quispe'], sender=['acronym_only'],
         notes=['casillas vacías; «← nuestra elección» tecleado tras cada línea elegida',
                'H.430.5: tras Autoriza + Sin comentarios Y tras No autoriza (conflicto)'], clue='ATT'),
    dict(lang='es', file='MITIC_Paraguay_C251_v1.docx', ms=('Paraguay', 'PRY'),
         frm=['Abg. Lorena Benítez', 'Directora de Estándares', 'MITIC', 'Edificio Ayfra, Pdte. Franco y Ayolas, Asunción'],
         email='lbenitez@mitic.gov.py', date_text='03/11/2026', date='2026-11-03', codes=codes('NAAAA'), mark='wrap:**', place='inline',
         texts={K1: 'Paraguay necesita más tiempo para consultar a los operadores nacionales.'},
         sign=['Lorena Benítez'], sender=['acronym_only'], layout=['superseded'],
         superseded_by='MITIC_Paraguay_C251_v2.docx',
         notes=['casillas vacías; la palabra clave y la opción elegidas entre ** ** tecleados', 'motivo tras la línea, en el mismo párrafo',
                'primera respuesta (3 de noviembre), sustituida por la del 12 de noviembre'], clue='MITIC'),
    dict(lang='es', file='MITIC_Paraguay_C251_v2.docx', ms=('Paraguay', 'PRY'),
         frm=['Abg. Lorena Benítez', 'Directora de Estándares', 'MITIC', 'Edificio Ayfra, Pdte. Franco y Ayolas, Asunción'],
         email='lbenitez@mitic.gov.py', date_text='12/11/2026', date='2026-11-12', codes=codes('AAAAA'), mark='wrap:**',
         supersedes_text='Esta respuesta sustituye a nuestra respuesta del 3 de noviembre de 2026.',
         sign=['Lorena Benítez'], sender=['acronym_only'], layout=['supersedes'],
         notes=['casillas vacías; la palabra clave y la opción elegidas entre ** ** tecleados',
                'segunda respuesta: «Esta respuesta sustituye a nuestra respuesta del 3 de noviembre de 2026.»'], clue='sustituye'),
    dict(lang='es', file='SUTEL_respuesta251.docx', ms=('Costa Rica', 'CRI'), author='Andrés Solís',
         frm=['Ing. Andrés Solís', 'Dirección General de Calidad', 'SUTEL', 'Edificio Tapantí, Guachipelín de Escazú, San José'],
         email='andres.solis@sutel.go.cr', date_text='6 nov. 2026', date='2026-11-06', codes=codes('AWAA-'), mark='picture',
         alt='Marca de verificación', place='comment',
         texts={K2: 'Conviene definir en la cláusula 3 el término «experiencia en vivo inmersiva».'},
         sign=['Andrés Solís'], sender=['acronym_only'], layout=['partial'],
         notes=['casillas elegidas sustituidas por una imagen de una marca (texto alternativo «Marca de verificación»)',
                'comentario en un comentario de Word anclado en el nombre del proyecto', 'F.MSS-acc sin respuesta'], clue='SUTEL'),
    dict(lang='es', file='INDOTEL_C251.docx', ms=('Dominican Republic', 'DOM'),
         frm=['Ing. Rafael Peña', 'Gerente de Normas Técnicas', 'INDOTEL', 'Av. Abraham Lincoln 962, Santo Domingo'],
         email='rpena@indotel.gob.do', date_text='06-11-2026', date='2026-11-06', codes=codes('AANAA'), mark='shape', place='under',
         lo=True, texts={K3: 'La versión revisada elimina el perfil de baja latencia sin justificar el cambio.'},
         sign=['Rafael Peña'], sender=['acronym_only'], layout=['libreoffice'],
         notes=['casillas vacías; una elipse roja dibujada alrededor de la casilla y la opción elegidas',
                'motivo en el párrafo bajo la línea', 'abierto y guardado de nuevo con LibreOffice'], clue='INDOTEL'),
    dict(lang='es', file='SIT_Guatemala_251.docx', ms=('Guatemala', 'GTM'),
         frm=['Lic. Ana Lucía Morales', 'Intendente', 'SIT', '12 Calle 0-77 Zona 9'], email='amorales@sit.gob.gt',
         date_text='9 de noviembre de 2026', date='2026-11-09', codes=codes('AAAAN'), mark='textbox', place='attached',
         texts={K5: 'Guatemala considera que el proyecto debe incluir requisitos para idiomas indígenas.'},
         sign=['Ana Lucía Morales'], sender=['acronym_only'],
         notes=['casillas vacías; bajo cada proyecto un cuadro de texto «Respuesta: Sin objeción, sin comentarios» (o «No estamos '
                'de acuerdo»)', '«Véase el anexo adjunto.» bajo la línea; el motivo tras un salto de página'], clue='SIT'),
    dict(lang='es', file='ASEP_Panama_C251.docx', ms=('Panama', 'PAN'),
         frm=['Ing. Carlos Vega', 'Director Nacional de Telecomunicaciones', 'ASEP', 'Vía España, Edificio Office Park, Panamá'],
         email='cvega@asep.gob.pa', date_text='10.11.2026', date='2026-11-10', codes=codes('AUAAA'), mark='glyph_font:☑',
         glyph_font='Segoe UI Symbol', sign=['Carlos Vega'], sender=['acronym_only'],
         notes=['[ ] sustituido por ☑ en Segoe UI Symbol', 'H.871: ☑ Autoriza sin marcar ninguna opción (sin especificar)'],
         clue='ASEP'),
    dict(lang='es', file='CONATEL_VE_carta_251.docx', ms=('Venezuela (Bolivarian Republic of)', 'VEN'), mark='letter',
         place='letter', frm=['Comisión Nacional de Telecomunicaciones (CONATEL)', 'Av. Veracruz con calle Cali, Las Mercedes',
                              'Caracas, Venezuela'],
         email='normas@conatel.gob.ve', date_text='Caracas, 11 de noviembre de 2026', date='2026-11-11', codes=codes('ANAA-'),
         texts={K2: 'El proyecto depende de infraestructura de nube que no está disponible en la región.'},
         sign=['Luis Hernández', 'Director General'], sender=['acronym_shared_with_other_state'], layout=['letter'],
         notes=['sin formulario: una carta con una lista numerada, la respuesta en palabras',
                'F.MSS-acc no mencionado (sin respuesta)', 'CONATEL (también Haití, Paraguay)'], clue='Caracas'),
    # ------------------------------------------------------------------ ru: `splitruns`
    dict(lang='ru', file='Moldova_MDED_C251.docx', ms=('Moldova', 'MDA'),
         frm=['Ион Русу', 'Начальник отдела стандартизации', 'Министерство экономического развития и цифровизации',
              'пл. Великого Национального Собрания, 1, Кишинёв, Республика Молдова'], email='ion.rusu@mded.gov.md',
         date_text='05.11.2026', date='2026-11-05', codes=codes('AANAW'), mark='native', place='under',
         texts={K3: 'Пересмотренный текст исключает профиль для сетей с низкой пропускной способностью.',
                K5: 'Предлагаем добавить ссылку на Рекомендацию МСЭ-Т H.702.'},
         sign=['Ион Русу'],
         notes=['символ Wingdings U+F0A8 заменён на U+F0FE (☑), вариант U+F0A1 на U+F0A4 (◉), в прогоне Wingdings',
                'причины и замечания в ячейке под строкой'], clue='Республика Молдова'),
    dict(lang='ru', file='Turkmenistan_251.docx', ms=('Turkmenistan', 'TKM'),
         frm=['Мурад Атаев', 'Главный специалист', 'Агентство «Туркменарагатнашык»', 'ул. Битарап Туркменистан, 40, Ашхабад'],
         email='m.atayev@online.tm', date_text='5 ноября 2026 г.', date='2026-11-05', codes=codes('ANCAA'), mark='lowbyte',
         place='annex', texts={K2: 'Проект требует оборудования, которое пока недоступно в нашем регионе.'},
         sign=['Мурад Атаев'],
         notes=['в прогоне Wingdings напечатаны латинские буквы: «þ» (☑) вместо флажка, «l» (●) вместо варианта',
                'H.430.5: отмечены «Уполномочивает» (нет замечаний) И «Не уполномочивает» (конфликт)',
                'причина в нумерованном разделе «Приложение – причины и замечания» после разрыва страницы'], clue='Ашхабад'),
    dict(lang='ru', file='CRC_Mongolia_251.docx', ms=('Mongolia', 'MNG'),
         frm=['Бат-Эрдэнэ Ганбаатар', 'Директор по технологиям', 'CRC', 'Улан-Батор, Сухэ-Баторский район'],
         email='baterdene@crc.gov.mn', date_text='2026.11.06', date='2026-11-06', codes=codes('AAAWA'), mark='suffix:(выбрано)',
         place='inline', texts={K4: 'В таблице 3 также следует исправить примечание 2.'},
         sign=['Бат-Эрдэнэ Ганбаатар'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['флажки пустые; «(выбрано)» напечатано после выбранной строки', 'замечание в той же строке, после текста',
                'CRC (так же в Колумбии, Болгарии), Улан-Батор'], clue='Улан-Батор'),
    dict(lang='ru', file='RATEL_C251.docx', ms=('Serbia', 'SRB'), author='Milan Petrović',
         frm=['Милан Петрович', 'Руководитель отдела', 'RATEL', 'Палмотићева 2, Белград'], email='milan.petrovic@ratel.rs',
         date_text='06.11.2026.', date='2026-11-06', codes=codes('AWAA-'), mark='picture', alt='Галочка', place='comment', lo=True,
         texts={K2: 'Просим уточнить в разделе 4 требования к синхронизации звука.'},
         sign=['Милан Петрович'], sender=['acronym_only'], layout=['partial', 'libreoffice'],
         notes=['флажки выбранных строк заменены рисунком галочки (замещающий текст «Галочка»)',
                'замечание в примечании Word к названию проекта', 'F.MSS-acc без ответа', 'открыт и сохранён в LibreOffice'],
         clue='RATEL'),
    dict(lang='ru', file='KRS_Bulgaria_251.docx', ms=('Bulgaria', 'BGR'),
         frm=['Георги Димитров', 'Главный эксперт', 'КРС', 'бул. «Гурко» 6, София'], email='gdimitrov@crc.bg',
         date_text='9.11.2026 г.', date='2026-11-09', codes=codes('AAAAN'), mark='shape', place='attached',
         texts={K5: 'Болгария считает, что проект должен охватывать также субтитры для прямых трансляций.'},
         sign=['Георги Димитров'], sender=['acronym_only'],
         notes=['флажки пустые; вокруг выбранного флажка нарисован красный овал (фигура)',
                '«См. приложение.» под строкой, причина на странице после разрыва'], clue='София'),
    dict(lang='ru', file='PP_Rossii_Zheneva_251.docx', ms=('Russian Federation', 'RUS'),
         frm=['Сергей Волков', 'Советник', 'Постоянное представительство Российской Федерации при отделении ООН и других '
              'международных организациях в Женеве', 'Avenue de la Paix 15, 1211 Genève 20'],
         email='volkov@mission-russia.ch', date_text='«10» ноября 2026 г.', date='2026-11-10', codes=codes('ANAWA'),
         mark='addcols', place='remarks',
         texts={K2: 'Проект дублирует работу, ведущуюся по Вопросу 8/16.',
                K4: 'Исправление следует распространить и на Приложение A.'},
         sign=['Сергей Волков'], sender=['permanent_mission'], layout=['added_cols'],
         notes=['флажки пустые; добавлены два столбца («Решение», «Замечания»), решение словами («Не возражаем, замечаний нет», '
                '«Возражаем»)', 'причины и замечания в добавленном столбце', 'Постоянное представительство в Женеве'],
         clue='Постоянное представительство Российской Федерации'),
    dict(lang='ru', file='Belarus_MinSvyazi_251.docx', ms=('Belarus', 'BLR'),
         frm=['Андрей Козлов', 'Начальник управления', 'Министерство связи и информатизации Республики Беларусь',
              'пр. Независимости, 10, Минск'], email='kozlov@mpt.gov.by', date_text='2026-11-10', date='2026-11-10',
         codes=codes('AAUAA'), mark='wrap:[]', sign=['Андрей Козлов'], layout=['split_page'],
         notes=['флажки пустые; выбранное ключевое слово и вариант взяты в квадратные скобки', 'H.430.5: [Уполномочивает] без варианта',
                'таблица разорвана разрывом страницы на две'], clue='Республики Беларусь'),
    dict(lang='ru', file='Kazakhstan_MTsRIAP_pismo_251.docx', ms=('Kazakhstan', 'KAZ'), mark='letter', place='letter',
         frm=['Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
              'пр. Мангилик Ел, 55/5, Астана'], email='standards@mdai.gov.kz', date_text='11 ноября 2026 года', date='2026-11-11',
         codes=codes('ANA-A'), texts={K2: 'Казахстан предлагает отложить утверждение до завершения испытаний.'},
         sign=['А. Жумабеков', 'Директор департамента'], layout=['letter'],
         notes=['без формы: письмо с нумерованным списком, ответ словами', 'H.264.1 Cor.1 не упомянут (без ответа)',
                'причина в абзаце под пунктом'], clue='Республики Казахстан'),
    # ------------------------------------------------------------------ ar: `boxcol`
    dict(lang='ar', file='Liban_MoT_251.docx', ms=('Lebanon', 'LBN'),
         frm=['م. رامي خوري', 'مدير المعايير', 'وزارة الاتصالات'], email='r.khoury@mpt.gov.lb', date_text='٥ نوفمبر ٢٠٢٦',
         date='2026-11-05', codes=codes('ANAAA'), mark='native', place='under',
         texts={K2: 'يتطلب المشروع بنية تحتية لا تتوفر حالياً لدى المشغلين.'},
         header=['الجمهورية اللبنانية', 'وزارة الاتصالات – بيروت'], sign=['رامي خوري'], sender=['header_letterhead'],
         notes=['خانات FORMCHECKBOX مؤشرة؛ الخيار ○ استبدل بـ ●', 'السبب في الخلية تحت السطر', 'البلد في ترويسة الصفحة فقط'],
         clue='الجمهورية اللبنانية'),
    dict(lang='ar', file='CMC_Iraq_C251.docx', ms=('Iraq', 'IRQ'),
         frm=['م. علي حسن', 'مدير قسم المعايير', 'CMC', 'بغداد، شارع أبو نواس'], email='ali.hasan@cmc.iq',
         date_text='٢٠٢٦/١١/٠٦', date='2026-11-06', codes=codes('AACWA'), mark='boxcell', place='inline', lo=True,
         texts={K4: 'يرجى تصحيح الملاحظة 2 في الجدول 3 أيضاً.'},
         sign=['علي حسن'], sender=['acronym_only'], layout=['libreoffice'],
         notes=['الخانات فارغة؛ خلية الخانة المختارة ملونة بالأخضر', 'H.430.5: خلايا «تأذن» و«لا توجد تعليقات» و«لا تأذن» ملونة (تعارض)',
                'التعليق بعد السطر في الفقرة نفسها', 'فُتح وحُفظ بـ LibreOffice'], clue='CMC'),
    dict(lang='ar', file='Syria_MoCT_251.docx', ms=('Syrian Arab Republic', 'SYR'),
         frm=['م. لينا الأحمد', 'مديرة التقييس', 'وزارة الاتصالات والتقانة', 'دمشق، الجمهورية العربية السورية'],
         email='lina.ahmad@moct.gov.sy', date_text='6 تشرين الثاني 2026', date='2026-11-06', codes=codes('AAAAN'),
         mark='picture', alt='علامة صح', place='annex', texts={K5: 'نقترح أن يشمل المشروع الترجمة إلى لغة الإشارة العربية.'},
         sign=['لينا الأحمد'],
         notes=['استبدلت الخانة المختارة بصورة علامة صح (النص البديل «علامة صح»)', 'السبب في ملحق مرقم بعد فاصل صفحة'],
         clue='الجمهورية العربية السورية'),
    dict(lang='ar', file='Libya_GPTC_251.docx', ms=('Libya', 'LBY'),
         frm=['م. خالد المبروك', 'مدير الإدارة الفنية', 'الهيئة العامة للاتصالات والمعلوماتية', 'طرابلس، ليبيا'],
         email='k.mabrouk@gptc.gov.ly', date_text='09/11/2026', date='2026-11-09', codes=codes('AWAAA'), mark='suffix:← اختيارنا',
         place='under', texts={K2: 'نقترح إضافة تذييل يصف حالة استخدام للبث المباشر.'}, sign=['خالد المبروك'],
         notes=['الخانات فارغة؛ كُتب «← اختيارنا» بعد السطر المختار', 'التعليق في الخلية تحت السطر'], clue='طرابلس'),
    dict(lang='ar', file='TPRA_Sudan_251.docx', ms=('Sudan', 'SDN'), author='Omer Osman',
         frm=['م. عمر عثمان', 'مدير التقييس', 'TPRA', 'الخرطوم'], email='omer.osman@tpra.gov.sd', date_text='٩ نوفمبر ٢٠٢٦',
         date='2026-11-09', codes=codes('AWAA-'), mark='shape', place='comment',
         texts={K2: 'يرجى توضيح متطلبات زمن الاستجابة في البند 8.'}, sign=['عمر عثمان'], sender=['acronym_only'], layout=['partial'],
         notes=['الخانات فارغة؛ رسم شكل بيضوي أحمر حول الخانة المختارة', 'التعليق في تعليق Word على اسم المشروع',
                'F.MSS-acc بلا رد'], clue='TPRA'),
    dict(lang='ar', file='Yemen_MTIT_251.docx', ms=('Yemen', 'YEM'),
         frm=['م. فؤاد السقاف', 'مدير عام المعايير', 'وزارة الاتصالات وتقنية المعلومات', 'صنعاء، الجمهورية اليمنية'],
         email='f.saqqaf@mtit.gov.ye', date_text='10-11-2026', date='2026-11-10', codes=codes('ANAAW'), mark='addcols',
         place='remarks', texts={K2: 'المشروع يكرر أعمالاً جارية في المسألة 8/16.', K5: 'نقترح الإشارة إلى التوصية ITU-T H.702.'},
         sign=['فؤاد السقاف'], layout=['added_cols'],
         notes=['الخانات فارغة؛ أضيف عمودان («القرار»، «التعليقات») والقرار بالكلمات («لا مانع، بدون تعليقات»، «لا نوافق»)',
                'الأسباب والتعليقات في العمود المضاف'], clue='الجمهورية اليمنية'),
    dict(lang='ar', file='ARE_Mauritanie_251.docx', ms=('Mauritania', 'MRT'),
         frm=['م. محمد ولد أحمد', 'مدير التقييس', 'سلطة التنظيم', 'نواكشوط، موريتانيا'], email='m.ahmed@are.mr',
         date_text='٢٦ نوفمبر ٢٠٢٦', date='2026-11-26', codes=codes('AAAAA'), mark='wrap:**', late=True,
         sign=['محمد ولد أحمد'], layout=['late'],
         notes=['الخانات فارغة؛ الكلمة المختارة بين ** **', 'رد متأخر: مؤرخ 26 نوفمبر بعد الموعد النهائي (20 نوفمبر)',
                'اسم الملف بالاختصار ARE (سلطة التنظيم الموريتانية)، وهو أيضاً رمز ISO للإمارات'], clue='نواكشوط'),
    dict(lang='ar', file='CITRA_Kuwait_letter_251.docx', ms=('Kuwait', 'KWT'), mark='letter', place='letter',
         frm=['هيئة الاتصالات وتقنية المعلومات', 'دولة الكويت'], email='standards@citra.gov.kw', date_text='١١/١١/٢٠٢٦',
         date='2026-11-11', codes=codes('AAN-A'), texts={K3: 'تحذف المراجعة ملف التشغيل البيني الذي تعتمد عليه شبكاتنا.'},
         sign=['م. سالم العتيبي', 'مدير إدارة المعايير'], layout=['letter'],
         notes=['بلا استمارة: رسالة فيها قائمة مرقمة والرد بالكلمات', 'H.264.1 Cor.1 غير مذكور (بلا رد)', 'السبب في الفقرة تحت البند'],
         clue='دولة الكويت'),
    # ------------------------------------------------------------------ zh: `remarks`
    dict(lang='zh', file='China_Mission_Geneva_251.docx', ms=('China', 'CHN'),
         frm=['李明', '参赞', '中华人民共和国常驻联合国日内瓦办事处和瑞士其他国际组织代表团', 'Chemin de Surville 11, 1213 Petit-Lancy'],
         email='liming@china-mission.ch', date_text='2026年11月5日', date='2026-11-05', codes=codes('AANAW'), mark='native',
         place='remarks', texts={K3: '修订版删除了低带宽终端的一致性条款，建议保留。', K5: '建议在第7节中增加手语字幕的要求。'},
         sign=['李明'], sender=['permanent_mission'],
         notes=['内容控件复选框已勾选（决定和选项）', '理由和意见写在“备注”栏', '中国常驻日内瓦代表团，瑞士地址'],
         clue='中华人民共和国常驻'),
    dict(lang='zh', file='Japan_MIC_C251.docx', ms=('Japan', 'JPN'), tlang='en',
         frm=['Mr Takeshi Yamamoto', 'Director, Standardization Office', 'Ministry of Internal Affairs and Communications',
              '2-1-2 Kasumigaseki, Chiyoda-ku, Tokyo 100-8926'], email='t.yamamoto@soumu.go.jp', date_text='6 November 2026',
         date='2026-11-06', codes=codes('AWAAA'), mark='remarks', place='remarks',
         texts={K2: 'Clause 5 should also reference ITU-T H.430.4.'}, sign=['Takeshi Yamamoto'],
         notes=['boxes left empty; the decision typed in words in the remarks column ("We agree, no comments", '
                '"No objection, with comments")', 'comment in the remarks column', 'filled in English on the Chinese form'],
         clue='Kasumigaseki'),
    dict(lang='zh', file='AITI_Brunei_251.docx', ms=('Brunei Darussalam', 'BRN'), tlang='en',
         frm=['Ms Nurul Hakimah', 'Head, Technical Standards', 'AITI', 'Block B14, Simpang 32-5, Kampung Anggerek Desa',
              'Bandar Seri Begawan BB3713'], email='hakimah@aiti.gov.bn', date_text='06/11/2026', date='2026-11-06',
         codes=codes('ANAA-'), mark='picture', alt='tick', place='attached',
         texts={K2: 'Brunei Darussalam requests that clause 8 allow a lower minimum bit rate.'},
         sign=['Nurul Hakimah'], sender=['acronym_only'], layout=['partial'],
         notes=['the chosen content-control boxes deleted and a tick picture pasted in their place (alt text "tick")',
                '"See attached." under the line, the reason after a page break', 'F.MSS-acc left blank (no reply)'],
         clue='AITI'),
    dict(lang='zh', file='PTD_C251.docx', ms=('Myanmar', 'MMR'), tlang='en',
         frm=['U Kyaw Min', 'Deputy Director', 'PTD', 'Office No. 2'], email='kyawmin@ptd.gov.mm', date_text='9-Nov-2026',
         date='2026-11-09', codes=codes('AAAAN'), mark='suffix:← our choice', place='inline',
         texts={K5: 'Myanmar needs more time to study the accessibility requirements.'},
         sign=['Kyaw Min'], sender=['acronym_only', 'email_domain_only'],
         notes=['boxes left empty; "← our choice" typed after the chosen lines', 'reason after the line, in the same paragraph',
                'the country only in the e-mail domain (.mm)'], clue='PTD'),
    dict(lang='zh', file='NTA_Nepal_251.docx', ms=('Nepal', 'NPL'), tlang='en',
         frm=['Er. Sanjay Shrestha', 'Deputy Director', 'NTA', 'Kamaladi, Kathmandu'], email='sshrestha@nta.gov.np',
         date_text='2026.11.09', date='2026-11-09', codes=codes('ANAAA'), mark='shape', place='under', lo=True,
         texts={K2: 'The minimum bandwidth in clause 8 is too high for mountain regions.'},
         sign=['Sanjay Shrestha'], sender=['acronym_only'], layout=['libreoffice'],
         notes=['boxes left empty; a red ellipse drawn over the chosen box', 'reason under the line',
                'opened and re-saved by LibreOffice'], clue='NTA'),
    dict(lang='zh', file='BICMA_Bhutan_251.docx', ms=('Bhutan', 'BTN'), tlang='en',
         frm=['Mr Karma Dorji', 'Chief ICT Officer', 'BICMA', 'Thimphu'], email='kdorji@bicma.gov.bt', date_text='10 Nov 2026',
         date='2026-11-10', codes=codes('AAUAA'), mark='wrap:[]', sign=['Karma Dorji'], sender=['acronym_only'],
         layout=['split_page'],
         notes=['boxes left empty; the chosen line typed inside [ ]', 'H.430.5: [授权] with no option (unspecified)',
                'the table split by a page break (header row repeated)'], clue='BICMA'),
    dict(lang='zh', file='PTA_Pakistan_C251.docx', ms=('Pakistan', 'PAK'), tlang='en',
         frm=['Mr Imran Qureshi', 'Director (Standards)', 'PTA', 'F-5/1, Islamabad'], email='iqureshi@pta.gov.pk',
         date_text='10-11-2026', date='2026-11-10', codes=codes('AAAWA'), mark='textbox', place='annex',
         texts={K4: 'Please also correct the level limits in Table 5.'}, sign=['Imran Qureshi'], sender=['acronym_only'],
         notes=['boxes left empty; under each draft a text box "Answer: We agree, no comments" (or "No objection, with comments")',
                'comment in a numbered "Annex – reasons and comments" section after a page break'], clue='Islamabad'),
    dict(lang='zh', file='Iran_ICT_251.docx', ms=('Iran (Islamic Republic of)', 'IRN'), tlang='en', author='R. Karimi',
         frm=['Dr. Reza Karimi', 'Director General, Standards', 'Ministry of ICT', 'Shariati Street, Tehran'],
         email='r.karimi@ict.gov.ir', date_text='11 November 2026 (20 Aban 1405)', date='2026-11-11', codes=codes('CAANA'),
         mark='glyph_font:☑', glyph_font='Segoe UI Symbol', place='comment',
         texts={K4: 'The corrigendum changes normative text and should be processed as an amendment.'},
         sign=['Reza Karimi'],
         notes=['☑ typed in Segoe UI Symbol in place of the content controls (left unchecked)',
                'F.749.15: ☑ on 授权 + 无意见 AND on 不授权 (conflict)', 'reason in a Word comment on the draft name'],
         clue='Tehran'),
]

EVIDENCE_NATIVE = {'en': 'glyph', 'fr': 'glyph', 'es': 'glyph', 'ru': 'symbol', 'ar': 'legacy_checkbox', 'zh': 'content_control'}


def evidence(r, code):
    if code == '-':
        return 'none'
    m = r.get('mark', 'native')
    if m == 'native':
        return EVIDENCE_NATIVE[r['lang']]
    if m in ('picture',) or m.startswith('glyph_font:'):
        return 'glyph'
    if m == 'lowbyte':
        return 'symbol'
    if m in ('shape', 'boxcell'):
        return 'highlight'
    return 'text'


def pdf_text_seen(r, key):
    """Word comments are not in LibreOffice's plain PDF export: that text is not on a PDF or a scan."""
    return r.get('place_by', {}).get(key, r.get('place', 'under')) != 'comment'


def truth_of(r, sha):
    answers = []
    for key, prov, _ in DRAFTS:
        c = r['codes'][key]
        dec = {'A': 'authorize', 'W': 'authorize', 'U': 'authorize', 'N': 'not_authorize', 'C': 'conflict', '-': 'no_reply'}[c]
        comments = {'A': 'no_comments', 'W': 'with_comments', 'U': 'unspecified'}.get(c)
        text = r.get('texts', {}).get(key, '') if c in ('N', 'W') else ''
        a = dict(draft=key, provisional=prov, decision=dec, comments=comments, text=text, evidence=evidence(r, c))
        if c == 'C':
            a['decide'] = True
            a['warn'] = True
        if c in '-U':
            a['warn'] = True
        answers.append(a)
    places = sorted({r.get('place_by', {}).get(k, r.get('place', 'under')) for k in KEYS if r['codes'][k] in 'NW'}) or ['none']
    layout = ['form=' + ('letter' if r.get('mark') == 'letter' else LAYOUT[r['lang']])] + r.get('layout', [])
    mark = r.get('mark', 'native')
    if mark == 'native':
        mark = 'native:' + EVIDENCE_NATIVE[r['lang']]
    mark_by = {}
    for key in KEYS:
        c = r['codes'][key]
        if c == 'C':
            mark_by[key] = 'conflict'
        if c == 'U':
            mark_by[key] = 'options_unmarked'
        if c == '-':
            mark_by[key] = 'not_in_letter' if r.get('mark') == 'letter' else 'left_blank'
    opt = {'letter': 'words', 'addcols': 'words', 'remarks': 'words', 'textbox': 'words'}.get(r.get('mark'), 'same')
    return {
        'source': 'replies/' + r['file'], 'sha256': sha, 'language': r['lang'], 'text_language': r.get('tlang', r['lang']),
        'member_state': {'name': r['ms'][0], 'iso3': r['ms'][1]}, 'date': r['date'], 'date_as_written': r['date_text'],
        'superseded_by': ('replies/' + r['superseded_by']) if r.get('superseded_by') else None, 'late': bool(r.get('late')),
        'answers': answers, 'notes': r['notes'],
        'habits': {'mark': mark, 'mark_by': mark_by, 'options': opt, 'text_places': places, 'layout': layout,
                   'sender': r.get('sender', [])},
        'render_clue': r['clue'], 'tracked_changes': False, 'libreoffice_resaved': bool(r.get('lo')),
        'ambiguous': r.get('ambiguous') or ('a conflict: both decisions marked' if 'C' in r['codes'].values() else None),
    }


def counted(t):
    return not t['late'] and not t['superseded_by']


def tally(truths):
    drafts = []
    live = [t for t in truths if counted(t)]
    for key, prov, _ in DRAFTS:
        c = dict(authorize=0, with_comments=0, not_authorize=0, conflict=0, no_reply=0)
        for t in live:
            a = next(a for a in t['answers'] if a['draft'] == key)
            c[a['decision']] += 1
            if a['comments'] == 'with_comments':
                c['with_comments'] += 1
        den = c['authorize'] + c['not_authorize']
        support = round(100.0 * c['authorize'] / den, 1) if den else None
        if den == 0:
            meets = True
        else:
            lo = 100.0 * c['authorize'] / (den + c['conflict'])
            hi = 100.0 * (c['authorize'] + c['conflict']) / (den + c['conflict'])
            verdict = support >= 70
            meets = None if c['conflict'] and ((lo >= 70) != (hi >= 70) or (lo >= 70) != verdict) else verdict
        drafts.append(dict(draft=key, provisional=prov, **c, support=support, meets_threshold=meets))
    return {'member_states_replied': len(live), 'drafts': drafts}


def stable_ids(name, data):
    """LibreOffice names field bookmarks and content controls with random numbers: number them in order."""
    if not name.endswith('.xml'):
        return data
    s = data.decode('utf-8')
    s = re.sub(r'(__Fieldmark__\d+_)\d+', r'\g<1>251', s)
    n = iter(range(7001, 10 ** 6))
    s = re.sub(r'(<w:sdtPr>(?:(?!</w:sdtPr>).)*?<w:id w:val=")-?\d+(")', lambda m: m.group(1) + str(next(n)) + m.group(2), s)
    return s.encode('utf-8')


def libreoffice_resave(path):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'in')
        os.makedirs(src)
        shutil.copy(path, src)
        env = dict(os.environ, HOME=tmp, SOURCE_DATE_EPOCH='1793865600')
        subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{tmp}/profile', '--convert-to',
                        'docx:MS Word 2007 XML', '--outdir', os.path.join(tmp, 'out'), os.path.join(src, os.path.basename(path))],
                       check=True, capture_output=True, env=env, timeout=180)
        saved = os.path.join(tmp, 'out', os.path.basename(path))
        # LibreOffice's parts are the same from run to run; only the zip's entry times are not: fix them
        with zipfile.ZipFile(saved) as zin, zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 6, 10, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = 0o644 << 16
                zout.writestr(fixed, stable_ids(info.filename, zin.read(info.filename)))


def expected(truths, pdf=None):
    desc = (f'Replies to TSB Circular {CIRCULAR} (Study Group {SG}): the fourth hold-out set, made by '
            'scripts/make-habits4-fixtures.py without reading the reader; sources are relative to tests/fixtures/habits4/. '
            'Blank form layouts none of the earlier sets had (en: header over two lines, box in the key word\'s run; fr: '
            'decisions side by side per draft; es: pasted from a PDF, labels broken into paragraphs; ru: labels split over '
            'runs, Wingdings characters; ar: the box in a column of its own; zh: a remarks column), and habits none of the '
            'earlier sets had. Every file checked by rendering it (scripts/check-habits4-fixtures.py). "evidence" is the '
            'mechanism a person would name (not scored). "warn": true marks answers a reader should warn about; "decide": '
            'true those a person must decide. "late": dated after the deadline; "superseded_by": an earlier reply of the same '
            'Member State. The tally leaves out late and superseded replies (run with --deadline ' + DEADLINE + ').')
    if pdf:
        desc = (f'The same replies as habits4_expected.json, {pdf}: text typed in Word comments is not on the page, so those '
                'answers carry no text here; evidence of scans is "scan". ' + desc)
    return {
        'schema': 'replytally.samples/1',
        'description': desc,
        'circular': {'tsb_circular': CIRCULAR, 'study_group': SG},
        'deadline': DEADLINE,
        'form': f'forms/blank_circ{CIRCULAR}_en.docx',
        'form_language': 'en',
        'forms': {lang: f'forms/blank_circ{CIRCULAR}_{lang}.docx' for lang in LANGS},
        'form_layouts': {lang: LAYOUT[lang] for lang in LANGS},
        'threshold': 70,
        'drafts': [{'draft': k, 'provisional': p} for k, p, _ in DRAFTS],
        'replies': truths,
        'tallies': tally(truths),
    }


def main():
    os.makedirs(os.path.join(OUT, 'replies'), exist_ok=True)
    os.makedirs(os.path.join(OUT, 'forms'), exist_ok=True)
    no_lo = '--no-libreoffice' in sys.argv
    png = tick_png()
    for lang in LANGS:
        Builder({'lang': lang, 'blank': True, 'codes': dict.fromkeys(KEYS, '-')}).build(
            os.path.join(OUT, 'forms', f'blank_circ{CIRCULAR}_{lang}.docx'))
    truths = []
    per_lang = {}
    for r in REPLIES:
        if not r.get('superseded_by'):
            per_lang[r['lang']] = per_lang.get(r['lang'], 0) + 1
        for k in KEYS:
            assert (r['codes'][k] in 'NW') == bool(r.get('texts', {}).get(k)), (r['file'], k)
        path = os.path.join(OUT, 'replies', r['file'])
        Builder(r, tick_png=png).build(path)
        if r.get('lo') and not no_lo:
            libreoffice_resave(path)
        truths.append(truth_of(r, hashlib.sha256(open(path, 'rb').read()).hexdigest()))
    assert all(per_lang.get(lang) == 8 for lang in LANGS), per_lang
    iso = [t['member_state']['iso3'] for t in truths if not t['superseded_by']]
    assert len(set(iso)) == len(iso) == 48, 'one standing reply per Member State'
    for lang in LANGS:  # every decision kind in every language
        kinds = {(a['decision'], a['comments']) for t in truths if t['language'] == lang for a in t['answers']}
        assert {('authorize', 'no_comments'), ('authorize', 'with_comments'), ('not_authorize', None), ('conflict', None),
                ('no_reply', None)} <= kinds, (lang, kinds)
    exp = expected(truths)
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'habits4_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write('\n')
    made = None
    if '--pdf' in sys.argv:
        import habits4_pdf
        made = habits4_pdf.build(ROOT, OUT, [os.path.join(OUT, 'replies', r['file']) for r in REPLIES], exp,
                                 lambda t, key: pdf_text_seen(next(r for r in REPLIES if 'replies/' + r['file'] == t['source']), key),
                                 tally)
    elif os.path.exists(os.path.join(ROOT, 'tests', 'fixtures', 'habits4_scan_expected.json')):
        made = json.load(open(os.path.join(ROOT, 'tests', 'fixtures', 'habits4_scan_expected.json'), encoding='utf-8'))['replies']
        made = [dict(stem=os.path.splitext(os.path.basename(t['source']))[0], file=t['scan'], dpi=t['degradation']['dpi'],
                     jpeg_quality=t['degradation']['jpeg_quality'], pages=t['degradation']['pages'], hand_marks=t['hand_marks'],
                     stamp_over_text=t['degradation']['stamp_over_text']) for t in made]
    write_readme(truths, exp['tallies'], made)
    print(f'{len(truths)} replies ({per_lang} standing), {len(LANGS)} blank forms in {OUT}')


CODE = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c', ('authorize', 'unspecified'): 'A?',
        ('not_authorize', None): 'N', ('conflict', None): 'C!', ('no_reply', None): '–'}

README_HEAD = f"""# Habits 4: replies to TSB Circular {CIRCULAR} (Study Group {SG})

The fourth hold-out set, built without reading the reader (FORM.md, CONTRACT.md, the practice set and the earlier
sets' READMEs, truth and generators only), by `python3 scripts/make-habits4-fixtures.py`; checked by rendering with
`python3 scripts/check-habits4-fixtures.py` (LibreOffice → PDF → pdftotext, PNGs looked at); scored by the lead with
`python3 scripts/score-habits.py --set habits4` (the truth's `deadline` is passed as `--deadline`).

None of the earlier sets' habits is the habit under test here: a tick picture, a drawn ellipse, ☑ in another font,
Wingdings typed as Latin letters, `** **` or `[ ]` round the choice, "(selected)" / "← our choice", the decision in words
in added columns, in a remarks column or in a text box, a coloured box cell, letters with a numbered list and no form,
"see attached" with the text after a page break, a numbered "Annex – reasons" section, a table split by a page break,
drafts left unanswered, options left unmarked, a late reply, a reply superseding an earlier one, dates written every way.

- `forms/blank_circ{CIRCULAR}_{{en,fr,es,ru,ar,zh}}.docx`: the blank form, a layout per language none of the earlier sets had:
  - `en` (`twoline`): one table whose header row runs over two lines (two header rows); the box typed in the same run
    as the key word ("☐ Authorizes"), options "○ No comments…" likewise;
  - `fr` (`dec2col`): one small table per draft, a title row, then the two decisions side by side in two columns
    (Autorise with its options | N'autorise pas); boxes ☐, options ⃝;
  - `es` (`pdfpaste`): no table: the form pasted from the PDF, each label broken into new paragraphs mid-sentence
    where the PDF's lines ended; boxes `[ ]`, options `( )`;
  - `ru` (`splitruns`): the usual table, every label split over many runs of different fonts, sizes and styles (the
    key word itself cut in two); boxes U+F0A8 and options U+F0A1 typed in a Wingdings run (not `w:sym`);
  - `ar` (`boxcol`): right to left, one row per line (four per draft), the box in a column of its own: FORMCHECKBOX
    fields for the decisions, ○ for the options;
  - `zh` (`remarks`): one row per draft: 草案 | 立场 (the four lines, content-control boxes) | 备注 (a remarks column).
- `replies/`: 49 files: 48 Member States, 8 per form language, and one earlier reply (Paraguay, 3 November) superseded
  by its second reply (12 November). Six re-saved by LibreOffice. One late reply (Mauritania, 26 November; deadline
  {DEADLINE}).
- `../habits4_expected.json`: the truth (the shape of habits3_expected.json, plus `deadline`), with the tally (late
  and superseded replies left out).
- `pdf/`, `scans/`: the same replies exported by LibreOffice to PDF, and simulated scans of twelve (see below).

Drafts: F.749.15 (F.VR-ims) and H.871 (H.ILE-iv), new; H.430.5, revised; H.264.1 Cor.1, a corrigendum; F.MSS-acc,
new, known only by its provisional name.

"""


PDF_README = '''## PDFs and scans

Made by `python3 scripts/make-habits4-fixtures.py --pdf` (scripts/habits4_pdf.py), after the .docx set:

- `pdf/NAME.pdf`: every reply (49) exported by LibreOffice 7.4 (`soffice --headless --convert-to pdf`, a fresh
  profile), with fixed dates and a content-derived /ID (pikepdf), so the files are stable.
- `scans/NAME.pdf`: simulated scans of twelve replies, two per language: pages rendered by pdftoppm in grayscale at
  150 or 200 dpi, turned 0.5–2°, blurred, speckled, JPEG quality 60–72, one image-only PDF per reply; a signature on
  every last page; hand-drawn ticks, a cross and circles over boxes already chosen on five of them (so the answers do
  not change); on one (`CONATEL_Haiti_251`) a stamp over the table's text.
- Truth: `../habits4_pdf_expected.json` (all replies) and `../habits4_scan_expected.json` (the twelve; evidence
  `scan`; tally over those twelve). **Word comments are not in LibreOffice's plain PDF export**: for the five replies
  whose reasons or comments are typed in a Word comment (OFCOM_CH, SUTEL, RATEL, TPRA_Sudan, Iran_ICT) those answers
  carry no text in the PDF and scan truth (the decision is unchanged; the docx text is kept in `text_in_docx`).
- Scored with `python3 scripts/score-habits.py --set habits4 --replies tests/fixtures/habits4/pdf` (or `.../scans`):
  the reader runs on that folder, records are matched to the truth by file stem, and the pdf/scan truth is picked up.
- On this machine (no Wingdings font) LibreOffice draws the ru form's Wingdings characters (U+F0A8, U+F0FE, U+F0A4…)
  as empty boxes: on the PDF page a checked and an empty box of `Moldova_MDED_C251` look alike (the text layer keeps
  the code points), and `Turkmenistan_251`'s Wingdings "þ"/"l" show as the Latin letters. Those two are not scanned.

| scan | dpi | JPEG quality | pages | hand marks | stamp over text |
| --- | --- | --- | --- | --- | --- |
'''


def write_readme(truths, tallies, made=None):
    lines = [README_HEAD,
             '| file | lang | Member State | answers (F.749.15, H.871, H.430.5, H.264.1 Cor.1, F.MSS-acc) | date as written | habits |',
             '| --- | --- | --- | --- | --- | --- |']
    for t in truths:
        ans = ', '.join(CODE[(a['decision'], a['comments'])] for a in t['answers'])
        extra = ' (late)' if t['late'] else ' (superseded)' if t['superseded_by'] else ''
        lines.append(f"| `{os.path.basename(t['source'])}` | {t['language']} | {t['member_state']['name']} "
                     f"({t['member_state']['iso3']}){extra} | {ans} | {t['date_as_written']} | {'; '.join(t['notes'])} |")
    lines += ['', 'A = authorize, no comments; A+c = authorize with comments; A? = authorize, no option marked (unspecified); '
              'N = does not authorize; C! = conflict (both marked); – = no reply.', '',
              f'Tally (threshold 70 %; {tallies["member_states_replied"]} Member States counted: the late and the superseded '
              'replies left out):', '',
              '| draft | authorize | with comments | not authorize | conflict | no reply | support | meets |',
              '| --- | --- | --- | --- | --- | --- | --- | --- |']
    for d in tallies['drafts']:
        lines.append(f"| {d['draft']} | {d['authorize']} | {d['with_comments']} | {d['not_authorize']} | {d['conflict']} | "
                     f"{d['no_reply']} | {d['support']} | {d['meets_threshold']} |")
    if made:
        lines += ['', PDF_README.rstrip()]
        for m in made:
            hm = '; '.join(f"{h['mark']} over {h['over']} #{h['occurrence'] + 1} (page {h['page']})" for h in m['hand_marks']) or '–'
            lines.append(f"| `{m['file']}` | {m['dpi']} | {m['jpeg_quality']} | {m['pages']} | {hm} | {'yes' if m['stamp_over_text'] else 'no'} |")
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
