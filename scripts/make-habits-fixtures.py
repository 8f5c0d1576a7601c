#!/usr/bin/env python3
"""Builds tests/fixtures/habits/: the blank reply form of TSB Circular 77 (Study Group 11) in the
six languages, 48 replies filled with the habits people have with Word forms, the truth
tests/fixtures/habits_expected.json and tests/fixtures/habits/README.md.

    python3 scripts/make-habits-fixtures.py        # deterministic: same bytes every run

Made without reading replytally's reader: each habit is written from how people edit a Word
form (see the README it writes). The decision and option marks are derived from each reply's
truth, so a file and its truth cannot drift apart; `scripts/check-habits-fixtures.py` then checks
every file by rendering it with LibreOffice.
"""

import hashlib
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits_form import build  # noqa: E402
from habits_lang import CIRCULAR, DRAFTS, SG  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'habits')
KEYS = [k for k, _, _ in DRAFTS]


def A(*codes):
    return dict(zip(KEYS, codes))


# Each reply: file, lang, member state, date (ISO), the From block, the habits, the answers
# (codes per draft: An authorize/no comments, Aw authorize/with comments, Au authorize/option
# not said, N not authorize, C conflict, - no reply), the texts, and notes for the README.
R = []

# ------------------------------------------------------------------------------------- en
R.append(dict(
    file='Kenya_reply_TSB_Circ77.docx', lang='en', ms=('Kenya', 'KEN'), date='2026-03-12',
    clue='Kenya',
    frm=['Eng. Mary W. Njoroge', 'Principal Secretary, State Department for ICT and the Digital Economy',
         'Ministry of Information, Communications and the Digital Economy',
         'Teleposta Towers, Kenyatta Avenue, P.O. Box 30025-00100, Nairobi, Kenya'],
    email='ps.ict@ict.go.ke', dateplace='12/03/2026, Nairobi',
    mark='legacy_bold', opt='glyph:●', place_by={'Q.4073': 'comment', 'Q.3057': 'cell'},
    answers=A('An', 'N', 'Aw', 'An', 'An'),
    texts={'Q.4073': 'Kenya considers that the test suite in clause 8 duplicates work under way in ETSI TC INT and should be aligned with it before approval.',
           'Q.3057': 'In clause 6.2, the reference to Q.3950 should be updated to the 2024 edition.'},
    sign=['Yours faithfully,', 'Eng. Mary W. Njoroge', 'Principal Secretary'],
    author='M. Njoroge',
    notes=['legacy boxes checked and the chosen lines also made bold', 'options: ⃝ replaced by ● (typed)',
           'Q.4073: reasons in a Word comment anchored on the Does-not-authorize line',
           'Q.3057: comments in a new paragraph under the option', 'date dd/mm/yyyy with place'],
))
R.append(dict(
    file='UK_Ofcom_response_circ77.docx', lang='en', ms=('United Kingdom', 'GBR'), date='2026-03-12',
    clue='Ofcom',
    frm=['Dr Alan Whitfield', 'Head of International Standards', 'Ofcom',
         'Riverside House, 2a Southwark Bridge Road, London SE1 9HA'],
    email='alan.whitfield@ofcom.org.uk', dateplace='London, 12th March 2026',
    layout={'retyped'}, mark='typed:X', opt='typed:X',
    place_by={'Q.3057': 'footnote', 'Q.CPaaS-tst': 'rows'},
    answers=A('An', 'An', 'N', 'An', 'Aw'),
    texts={'Q.3057': 'The revision removes the interworking profile for legacy ISUP networks that UK operators still rely on; we propose keeping it as an informative appendix.',
           'Q.CPaaS-tst': 'Clause 7.3: the conformance verdicts should distinguish "inconclusive" from "fail".\nAppendix I: please add a test case for number portability lookups.'},
    sign=['Dr Alan Whitfield'],
    notes=['regulator named only by its name (Ofcom), London address without the country',
           'table rebuilt with retyped labels in British spelling ("Authorises", "Does not authorise")',
           '"X" typed in the box cell instead of checking the box',
           'options: X typed in front of the ⃝ (shows as a circled X)',
           'Q.3057: reasons in a footnote referenced from the Does-not-authorise line',
           'Q.CPaaS-tst: comments in a row added below the draft (two paragraphs)',
           'date "12th March 2026"'],
))
R.append(dict(
    file='TRAI_India_Circ77.docx', lang='en', ms=('India', 'IND'), date='2026-03-12',
    clue='TRAI',
    frm=['Shri R. K. Sharma', 'Advisor (Networks, Spectrum & Licensing)', 'TRAI',
         'Mahanagar Doorsanchar Bhawan, Jawaharlal Nehru Marg, New Delhi - 110002'],
    email='advisor-nsl@trai.gov.in', dateplace='12-03-2026',
    layout={'old'}, mark='strike', opt='same', place_by={'Q.4073': 'rows'},
    answers=A('An', 'N', 'An', 'An', 'Au'),
    texts={'Q.4073': 'The draft mandates a single test platform vendor profile. India requests that the profiles be made optional and that a contribution from TSDSI be considered at the next meeting.'},
    sign=['(R. K. Sharma)', 'Advisor (NSL), TRAI'],
    notes=['regulator named only by acronym (TRAI), New Delhi address', 'older template wording ("We authorize … proceed with the approval")',
           'no box checked: the lines not chosen struck through (w:strike)',
           'Q.CPaaS-tst: only Does-not-authorize struck, no option chosen (unspecified)',
           'Q.4073: reasons in a row added below the draft', 'date dd-mm-yyyy'],
))
R.append(dict(
    file='Reply_Circ77_KoreaRep.docx', lang='en', ms=('Korea (Republic of)', 'KOR'), date='2026-03-11',
    clue='Korea',
    frm=['Mr. KIM Jae-hyun', 'Counsellor',
         'Permanent Mission of the Republic of Korea to the United Nations Office and other international organizations in Geneva',
         'Route de Pré-Bois 20, 1215 Geneva 15, Switzerland'],
    email='geneva.ict@mofa.go.kr', dateplace='Geneva, March 11, 2026',
    mark='highlight', opt='same', place_by={'Q.4073': 'after', 'Q.3960 Amd.1': 'comment'},
    answers=A('An', 'N', 'An', 'Aw', 'An'),
    texts={'Q.4073': 'The Republic of Korea is of the view that the draft needs one more study period: the test procedures in clauses 9 to 11 have not been validated in any interoperability event.',
           'Q.3960 Amd.1': 'Editorial: Figure 3 should show the SBC in both the originating and the terminating network.'},
    heading_names={'Q.4073': 'draft new Recommendation ITU-T Q.4073 (Q.tsp-ran)'},
    author='KIM Jae-hyun',
    notes=['Permanent Mission in Geneva, Swiss address (Member State: Republic of Korea)',
           'boxes left empty, the chosen lines highlighted yellow',
           'Q.4073: reasons after the table under a heading naming the draft',
           'Q.3960 Amd.1: comments in a Word comment', 'date "March 11, 2026"'],
))
R.append(dict(
    file='Circ77_reply_DITRDCSA.docx', lang='en', ms=('Australia', 'AUS'), date='2026-03-12',
    clue='Australian Government',
    letterhead=['Australian Government',
                'Department of Infrastructure, Transport, Regional Development, Communications, Sport and the Arts'],
    frm=['Ms Rebecca Thornton', 'Assistant Secretary, International Digital Policy', 'GPO Box 594'],
    dateplace='12 March 2026',
    mark='legacy', opt='tglyph:☒', place_by={'Q.3057': 'after'},
    answers=A('An', 'An', 'N', 'An', 'An'),
    texts={'Q.3057': 'Australia cannot support the revised text while clause 5 still refers to the withdrawn Q.1912.5 profile.\nWe propose replacing it with a reference to the current 3GPP TS 29.163 and will submit text to the next SG11 meeting.'},
    heading_names={'Q.3057': 'draft revised Recommendation ITU-T Q.3057'},
    author='Rebecca Thornton',
    notes=['letterhead only in the page header (word/header1.xml); From block has no country',
           'legacy boxes checked', 'options: ⃝ replaced by ☒ under Track Changes (w:del ⃝, w:ins ☒)',
           'Q.3057: reasons after the table under a heading, two paragraphs'],
))
R.append(dict(
    file='Nigeria_Circ77.docx', lang='en', ms=('Nigeria', 'NGA'), date='2026-03-10',
    clue='Nigeria',
    frm=['Engr. Ibrahim A. Musa', 'Director, Spectrum Administration',
         'Federal Ministry of Communications, Innovation and Digital Economy',
         'Federal Secretariat Complex, Phase II, Abuja'],
    dateplace='2026-03-10', mark='none', opt='none',
    answers=A('An', 'An', 'An', 'An', 'An'),
    after=['The Administration of the Federal Republic of Nigeria authorizes Study Group 11 to consider all the draft Recommendations and the draft Amendment listed above for approval, without comments or proposed changes.'],
    sign=['Engr. Ibrahim A. Musa'],
    notes=['table left as sent; the answer is one sentence below the table (all drafts, no comments)',
           'ISO date'],
))
R.append(dict(
    file='DEU_BMDV_Antwort_Circ77.docx', lang='en', ms=('Germany', 'DEU'), date='2026-03-10',
    clue='Berlin',
    frm=['Dr. Katrin Vogel', 'Referat DP 24 – Internationale Standardisierung',
         'Bundesministerium für Digitales und Verkehr (BMDV)', 'Invalidenstraße 44, 10115 Berlin'],
    email='ref-dp24@bmdv.bund.de', dateplace='Berlin, 10.03.2026',
    mark='sym:Wingdings:F0FE:F0A8', opt='sym:Wingdings:F06C',
    answers=A('An', 'Aw', 'An', 'N', 'An'),
    texts={'Q.4073': 'Clause 6.4 should allow the test system to run without access to the operator\'s OSS.',
           'Q.3960 Amd.1': 'The amendment changes normative behaviour of deployed SBCs and should be a revision, not an amendment.\nGermany asks that the text be brought back to the Question for one more meeting.'},
    notes=['ministry by its German name and acronym (BMDV), Berlin address without country; English form',
           'boxes replaced by Wingdings symbols (w:sym F0FE ☑ / F0A8 empty)',
           'options: chosen ⃝ replaced by Wingdings F06C (●)', 'date dd.mm.yyyy'],
))
R.append(dict(
    file='Philippines_DICT_Circ77.docx', lang='en', ms=('Philippines', 'PHL'), date='2026-03-12',
    clue='Philippines',
    frm=['Usec. Maria Teresa de Leon', 'Undersecretary for ICT Industry Development',
         'Department of Information and Communications Technology (DICT)',
         'C.P. Garcia Avenue, Diliman, Quezon City 1101, Philippines'],
    dateplace='March 12, 2026, Quezon City',
    mark='over:Yes', opt='suffix:  – Yes', place_by={'Q.CPaaS-tst': 'textbox'},
    answers=A('An', 'N', 'An', 'C', 'Aw'),
    texts={'Q.4073': 'The Philippines requests more time for national consultation with the operators concerned.',
           'Q.CPaaS-tst': 'Please add test cases for A2P messaging over CPaaS platforms.'},
    notes=['the box deleted and "Yes" typed in its place', 'options: "– Yes" typed after the chosen option',
           'Q.3960 Amd.1: "Yes" typed beside both Authorizes and Does not authorize (conflict)',
           'Q.CPaaS-tst: comments in a text box in the cell (wps with VML fallback)'],
))

# ------------------------------------------------------------------------------------- fr
R.append(dict(
    file='ARCEP_reponse_Circulaire77.docx', lang='fr', ms=('France', 'FRA'), date='2026-03-10',
    clue='ARCEP',
    frm=['M. Laurent Mercier', "Chef de l'unité Affaires internationales", 'ARCEP',
         '14, rue Gerty Archimède, 75012 Paris'],
    email='laurent.mercier@arcep.fr', dateplace='Paris, le 10 mars 2026',
    mark='legacy', opt='glyph:☑', place_by={'Q.CPaaS-tst': 'comment'},
    answers=A('An', 'N', 'An', 'An', 'Aw'),
    texts={'Q.4073': "Le projet impose un profil de test propriétaire pour l'accès radio. La France demande qu'il soit remplacé par une référence aux spécifications ouvertes existantes.",
           'Q.CPaaS-tst': "Au paragraphe 8.1, remplacer « doit » par « devrait » pour les tests de charge."},
    author='Laurent Mercier',
    notes=['régulateur nommé par son seul sigle (ARCEP), adresse parisienne sans pays', 'cases cochées (FORMCHECKBOX)',
           'options : ⃝ remplacé par ☑', 'Q.4073 : motifs dans la cellule', 'Q.CPaaS-tst : commentaires dans un commentaire Word',
           'date « le 10 mars 2026 »'],
))
R.append(dict(
    file='Senegal_ARTP_Circ77.docx', lang='fr', ms=('Senegal', 'SEN'), date='2026-03-10',
    clue='ARTP',
    frm=['M. Abdoul Karim Diop', 'Directeur des Télécommunications',
         'Autorité de Régulation des Télécommunications et des Postes (ARTP)', 'Route des Almadies, BP 14130 Dakar-Peytavin'],
    email='akdiop@artp.sn', dateplace='Dakar, 10/03/2026',
    mark='delete', opt='same',
    answers=A('An', 'N', 'An', 'Aw', 'An'),
    texts={'Q.4073': "Le Sénégal estime que les procédures d'essai ne tiennent pas compte des réseaux ruraux à faible débit.",
           'Q.3960 Amd.1': "Ajouter une note sur l'utilisation des SBC dans les réseaux partagés."},
    notes=['lignes non retenues supprimées du tableau (ligne « N\'autorise pas » et option non choisie supprimées ; pour Q.4073 la ligne « Autorise » et ses options supprimées)',
           'aucune case cochée', 'régulateur par son nom et sigle, Dakar sans le pays, courriel .sn'],
))
R.append(dict(
    file='Reponse_CI_Circ77_TSB.docx', lang='fr', ms=("Côte d'Ivoire", 'CIV'), date='2026-03-09',
    clue="Côte d'Ivoire",
    frm=['Mme Aya Koffi Brou', 'Premier Conseiller',
         "Mission permanente de la République de Côte d'Ivoire auprès de l'Office des Nations Unies à Genève",
         'Rue de Lausanne 30, 1202 Genève, Suisse'],
    email='mission.ci@bluewin.ch', dateplace='Genève, le 9 mars 2026',
    mark='typed:Oui', opt='typed:X', place='footnote',
    answers=A('An', 'N', 'Aw', 'An', 'An'),
    texts={'Q.4073': "La Côte d'Ivoire souhaite que les opérateurs nationaux puissent valider les scénarios d'essai avant l'approbation.",
           'Q.3057': 'Mettre à jour les références normatives (clause 2).'},
    notes=['Mission permanente à Genève, adresse suisse, courriel .ch (État Membre : Côte d\'Ivoire)',
           '« Oui » tapé dans la cellule de la case, case non cochée', 'options : X tapé devant le ⃝',
           'motifs et commentaires dans des notes de bas de page'],
))
R.append(dict(
    file='IBPT_Circ77_antwoord.docx', lang='fr', ms=('Belgium', 'BEL'), date='2026-03-09',
    clue='IBPT',
    frm=['M. Pieter Janssens', 'Conseiller, Relations internationales', 'IBPT',
         'Boulevard du Roi Albert II 35, 1030 Bruxelles'],
    email='pieter.janssens@ibpt.be', dateplace='09.03.2026',
    mark='dstrike', opt='same', place_by={'Q.3057': 'rowspan'},
    answers=A('An', 'An', 'N', 'An', 'An'),
    texts={'Q.3057': 'La révision supprime sans justification le profil de signalisation utilisé par les services d\'urgence belges.'},
    notes=['régulateur par son sigle (IBPT), Bruxelles', 'lignes non retenues barrées deux fois (w:dstrike), cases vides',
           'Q.3057 : motifs dans une ligne ajoutée sous le projet, fusionnée sur toute la largeur', 'date jj.mm.aaaa'],
))
R.append(dict(
    file='Circ77_reponse_Direction_Normalisation.docx', lang='fr', ms=('Morocco', 'MAR'), date='2026-03-11',
    clue='Royaume du Maroc',
    letterhead=['Royaume du Maroc', 'Agence Nationale de Réglementation des Télécommunications'],
    frm=['M. Youssef El Amrani', 'Chef de la Division Normalisation', "Centre d'affaires, Boulevard Ar-Ryad, Hay Riad"],
    dateplace='11 mars 2026',
    mark='tins:X', opt='tglyph:●', place_by={'Q.4073': 'after', 'Q.3960 Amd.1': 'tins'},
    answers=A('An', 'N', 'An', 'N', 'An'),
    texts={'Q.4073': "Le Maroc considère que le projet doit être aligné sur la Recommandation UIT-T Q.3962 avant son approbation.",
           'Q.3960 Amd.1': "L'amendement introduit des exigences qui relèvent d'une révision complète de la Recommandation."},
    heading_names={'Q.4073': 'le projet Q.4073'},
    author='Y. El Amrani',
    notes=["en-tête de lettre seulement dans l'en-tête de page (word/header1.xml) ; bloc De sans pays",
           'X inséré en marques de révision (w:ins) dans la cellule de la case', 'options : ⃝ supprimé et ● inséré en révision',
           'Q.4073 : motifs après le tableau sous un titre', 'Q.3960 Amd.1 : motifs insérés en révision dans la cellule'],
))
R.append(dict(
    file='Canada_ISDE_Circ77.docx', lang='fr', ms=('Canada', 'CAN'), date='2026-03-11',
    clue='Canada',
    frm=['Mme Geneviève Tremblay', 'Directrice, Normes internationales des télécommunications',
         'Innovation, Sciences et Développement économique Canada (ISDE)', '235, rue Queen, Ottawa (Ontario) K1A 0H5'],
    dateplace='2026-03-11',
    layout={'old', 'split_row'}, mark='underline', opt='same', place_by={'Q.4073': 'rows'},
    answers=A('An', 'Aw', 'An', 'An', 'N'),
    texts={'Q.4073': 'Le Canada propose de préciser, au paragraphe 7, les conditions de répétition des essais.',
           'Q.CPaaS-tst': "Le Canada ne peut appuyer ce projet tant que la portée n'exclut pas les services réglementés de messagerie d'urgence."},
    notes=['ancien modèle du formulaire (« Autorise la CE 11 à procéder à l\'approbation »)',
           'ligne « Autorise » scindée en deux lignes de tableau (options dans une ligne à part)',
           'choix soulignés, cases vides', 'Q.4073 : commentaires dans une ligne ajoutée', 'date ISO'],
))
R.append(dict(
    file='Tunisie_MTC_Circ77.docx', lang='fr', ms=('Tunisia', 'TUN'), date='2026-03-11',
    clue='Tunis',
    frm=['M. Mohamed Ben Salah', 'Directeur général des technologies de la communication',
         'Ministère des Technologies de la Communication', "3 bis, rue d'Angleterre, 1000 Tunis"],
    dateplace='Tunis, le 11 mars 2026',
    mark='replace:☒:☐', opt='sym:Wingdings:F06C', place='textbox',
    answers=A('An', 'N', 'An', 'An', '-'),
    texts={'Q.4073': "La Tunisie demande que les essais de performance soient définis pour les bandes de fréquences utilisées en Afrique du Nord."},
    notes=['formulaire français, administration arabophone', 'cases remplacées par ☒ / ☐ tapés',
           'options : ⃝ remplacé par le symbole Wingdings F06C', 'Q.4073 : motifs dans une zone de texte',
           'Q.CPaaS-tst laissé sans réponse'],
))
R.append(dict(
    file='ARCEP_BF_reponse_77.docx', lang='fr', ms=('Burkina Faso', 'BFA'), date='2026-03-10',
    clue='Burkina Faso',
    frm=['M. Issa Ouédraogo', 'Directeur de la Réglementation',
         'Autorité de Régulation des Communications Électroniques et des Postes (ARCEP)', '01 BP 6437 Ouagadougou 01, Burkina Faso'],
    dateplace='Ouagadougou, le 10 mars 2026',
    mark='legacy_lo', opt='glyph:●',
    answers=A('An', 'C', 'An', 'Au', 'N'),
    texts={'Q.CPaaS-tst': 'Le Burkina Faso souhaite que les essais couvrent aussi les services USSD.'},
    notes=['ARCEP du Burkina Faso (même sigle que le régulateur français)', 'fichier enregistré par LibreOffice : cases non cochées sans w:checked ni w:default, cochées <w:checked w:val="1"/>',
           'Q.4073 : les deux cases cochées (conflit)', 'Q.3960 Amd.1 : « Autorise » coché sans option'],
))

# ------------------------------------------------------------------------------------- es
R.append(dict(
    file='Espana_SETID_Circ77.docx', lang='es', ms=('Spain', 'ESP'), date='2026-03-10',
    clue='Madrid',
    frm=['D. Javier Ortega Lázaro', 'Subdirector General de Planificación y Gestión del Espectro',
         'Secretaría de Estado de Telecomunicaciones e Infraestructuras Digitales', 'Calle Poeta Joan Maragall, 41, 28020 Madrid'],
    email='sgte.uit@digital.gob.es', dateplace='Madrid, 10 de marzo de 2026',
    mark='legacy', opt='glyph:●', place='comment',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'España considera que el proyecto debe incluir un procedimiento de verificación independiente de los resultados de las pruebas.'},
    author='J. Ortega',
    notes=['casillas marcadas (FORMCHECKBOX)', 'opciones: ⃝ sustituido por ●', 'Q.4073: motivos en un comentario de Word',
           'fecha larga en español'],
))
R.append(dict(
    file='IFT_Mexico_respuesta77.docx', lang='es', ms=('Mexico', 'MEX'), date='2026-03-10',
    clue='IFT',
    frm=['Lic. Ana Sofía Ramírez', 'Directora de Asuntos Internacionales', 'IFT',
         'Insurgentes Sur 1143, Col. Nochebuena, Benito Juárez, C.P. 03720, Ciudad de México'],
    dateplace='10/03/2026',
    mark='typed:Sí', opt='typed:X',
    answers=A('An', 'N', 'Aw', 'An', 'An'),
    texts={'Q.4073': 'El IFT solicita que se incluyan escenarios de prueba para redes compartidas de acceso mayorista.',
           'Q.3057': 'Sugerimos actualizar la figura 2 con la arquitectura IMS vigente.'},
    notes=['regulador sólo por su sigla (IFT), Ciudad de México', '«Sí» escrito en la celda de la casilla, casilla sin marcar',
           'opciones: X escrita delante del ⃝', 'fecha dd/mm/aaaa'],
))
R.append(dict(
    file='ENACOM_Circ77.docx', lang='es', ms=('Argentina', 'ARG'), date='2026-03-10',
    clue='ENACOM',
    frm=['Ing. Martín Gutiérrez', 'Gerente de Relaciones Internacionales', 'ENACOM',
         'Perú 103, C1067AAC, Ciudad Autónoma de Buenos Aires'],
    dateplace='10-03-2026', mark='red_bold', opt='same', place='rows',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Argentina considera prematura la aprobación: el anexo B remite a un documento que aún no ha sido publicado.'},
    notes=['regulador por su sigla (ENACOM), Buenos Aires', 'la línea elegida en rojo y negrita, casillas vacías',
           'Q.4073: motivos en una fila añadida debajo del proyecto', 'fecha dd-mm-aaaa'],
))
R.append(dict(
    file='Colombia_Mision_Ginebra_C77.docx', lang='es', ms=('Colombia', 'COL'), date='2026-03-09',
    clue='Colombia',
    frm=['Sra. Laura Restrepo', 'Ministra Consejera',
         'Misión Permanente de Colombia ante la Oficina de las Naciones Unidas y otros Organismos Internacionales en Ginebra',
         "Chemin du Champ-d'Anier 17-19, 1209 Ginebra, Suiza"],
    dateplace='Ginebra, 9 de marzo de 2026',
    layout={'split_table'}, mark='legacy', opt='glyph:✓', place='after',
    answers=A('An', 'An', 'An', 'N', 'Aw'),
    texts={'Q.3960 Amd.1': 'Colombia no apoya la enmienda mientras no se aclare su compatibilidad con la versión de 2021 de la Recomendación.',
           'Q.CPaaS-tst': 'Proponemos incluir pruebas de interoperabilidad con plataformas de mensajería de terceros.'},
    heading_names={'Q.3960 Amd.1': 'la Enmienda 1 a la Q.3960', 'Q.CPaaS-tst': 'el proyecto Q.CPaaS-tst'},
    notes=['Misión Permanente en Ginebra, dirección suiza (Estado Miembro: Colombia)', 'cuadro partido en dos tablas',
           'opciones: ⃝ sustituido por ✓', 'motivos y comentarios después del cuadro bajo un título'],
))
R.append(dict(
    file='SUBTEL_respuesta_Circular77.docx', lang='es', ms=('Chile', 'CHL'), date='2026-03-11',
    clue='Gobierno de Chile',
    letterhead=['Gobierno de Chile', 'Subsecretaría de Telecomunicaciones'],
    frm=['Sr. Rodrigo Fuentes', 'Jefe de División Política Regulatoria', 'Amunátegui 139'],
    dateplace='11.03.2026', mark='tdel', opt='same', author='Rodrigo Fuentes',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Chile solicita que se revise la cláusula 9 para permitir pruebas remotas.'},
    notes=['membrete sólo en el encabezado de página (word/header1.xml)',
           'las líneas no elegidas borradas con control de cambios (w:del), casillas vacías',
           'Q.4073: motivos en la celda', 'fecha dd.mm.aaaa'],
))
R.append(dict(
    file='MTC_Peru_Circ77.docx', lang='es', ms=('Peru', 'PER'), date='2026-03-11',
    clue='Perú',
    frm=['Ing. Carla Mendoza', 'Directora General de Políticas y Regulación en Comunicaciones',
         'Ministerio de Transportes y Comunicaciones', 'Jr. Zorritos 1203, Lima 1, Perú'],
    dateplace='Lima, 11/03/2026',
    mark='sym:Wingdings 2:F052:F0A3', opt='sym:Wingdings:F0A4', place_by={'Q.4073': 'cell_italic'},
    answers=A('An', 'Aw', 'N', 'An', 'An'),
    texts={'Q.4073': 'Incluir en el apéndice II un ejemplo de informe de prueba.',
           'Q.3057': 'El Perú considera que la revisión debe mantener la compatibilidad con la versión anterior.'},
    notes=['casillas sustituidas por símbolos Wingdings 2 (F052 ☑ / F0A3 vacío)', 'opciones: Wingdings F0A4 (◉)',
           'Q.4073: comentarios en cursiva y en color bajo la opción'],
))
R.append(dict(
    file='URSEC_Uruguay_C77.docx', lang='es', ms=('Uruguay', 'URY'), date='2026-03-12',
    clue='Uruguay',
    frm=['Ing. Sebastián Pereira', 'Gerente de Normalización', 'URSEC', 'Uruguay 988, 11100 Montevideo'],
    dateplace='Montevideo, 12 de marzo de 2026', mark='none', opt='none', place='sentence',
    answers=A('An', 'An', 'N', 'An', 'An'),
    texts={'Q.3057': 'El texto revisado elimina el perfil de prueba para redes heredadas que todavía operan en la región.'},
    after=['La Administración de la República Oriental del Uruguay autoriza a la Comisión de Estudio 11 a considerar para su aprobación todos los proyectos enumerados en el cuadro, sin comentarios, con excepción del proyecto de Recomendación revisada UIT-T Q.3057, que no autoriza.',
           'Motivos relativos al proyecto UIT-T Q.3057:',
           'El texto revisado elimina el perfil de prueba para redes heredadas que todavía operan en la región.'],
    notes=['cuadro sin tocar; la respuesta es una frase debajo del cuadro con una excepción',
           'Q.3057: motivos bajo un título después de la frase'],
))
R.append(dict(
    file='ARCOTEL_Ecuador_77.docx', lang='es', ms=('Ecuador', 'ECU'), date='2026-03-12',
    clue='Quito',
    frm=['Ing. Diego Salazar', 'Director de Regulación', 'ARCOTEL', 'Av. Diego de Almagro N31-95 y Alpallana, Quito'],
    dateplace='12/03/2026', mark='legacy', opt='glyph:●', mark_by={'Q.4073': 'mixC'},
    place_by={'Q.3962': 'after'},
    answers=A('Aw', 'C', 'An', 'An', 'N'),
    texts={'Q.3962': 'Se sugiere aclarar en la cláusula 5 el alcance de los dispositivos IoT de baja potencia.',
           'Q.CPaaS-tst': 'Ecuador considera que las pruebas propuestas no cubren la protección de datos personales.'},
    notes=['regulador por su sigla (ARCOTEL), Quito', 'Q.4073: casilla «Autoriza» marcada y además una X escrita junto a «No autoriza» (conflicto)',
           'Q.3962: comentarios después del cuadro bajo un título'],
))

# ------------------------------------------------------------------------------------- ru
R.append(dict(
    file='Mintsifry_otvet_Circ77.docx', lang='ru', ms=('Russian Federation', 'RUS'), date='2026-03-10',
    clue='Минцифры России',
    frm=['Иванов Сергей Петрович', 'Заместитель директора Департамента международного сотрудничества', 'Минцифры России',
         'Пресненская наб., д. 10, стр. 2, Москва, 123112'],
    dateplace='10.03.2026', mark='legacy', opt='glyph:●',
    answers=A('An', 'N', 'An', 'An', 'Aw'),
    texts={'Q.4073': 'Российская Федерация считает, что проект требует дополнительного обсуждения в рамках Вопроса 12/11.',
           'Q.CPaaS-tst': 'Предлагаем дополнить раздел 6 тестами на отказоустойчивость.'},
    notes=['министерство только по краткому названию («Минцифры России»), Москва', 'флажки отмечены (FORMCHECKBOX)',
           'варианты: ⃝ заменён на ●'],
))
R.append(dict(
    file='Kazakhstan_MCRIAP_77.docx', lang='ru', ms=('Kazakhstan', 'KAZ'), date='2026-03-10',
    clue='Казахстан',
    frm=['Нурланов Ерлан', 'Директор Департамента телекоммуникаций',
         'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан', 'Астана, пр. Мәңгілік Ел, 8'],
    dateplace='10 марта 2026 г.', layout={'reflow'}, mark='typed:Да', opt='typed:X',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Казахстан предлагает отложить утверждение до завершения испытаний в сетях операторов региона.'},
    notes=['«Да» напечатано в ячейке флажка, флажок не отмечен', 'варианты: X перед ⃝',
           'текст меток перенесён вручную (w:br) и разбит на прогоны', 'дата «10 марта 2026 г.»'],
))
R.append(dict(
    file='Belarus_MinSvyazi_C77.docx', lang='ru', ms=('Belarus', 'BLR'), date='2026-03-11',
    clue='Беларусь',
    letterhead=['Министерство связи и информатизации Республики Беларусь'],
    frm=['Петрович А. В.', 'Начальник управления', 'пр. Независимости, 10'],
    dateplace='11.03.2026 г.', mark='strike', opt='same', place='footnote',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Проект не учитывает требования к испытаниям в сетях с совместным использованием инфраструктуры.'},
    notes=['бланк только в верхнем колонтитуле (word/header1.xml)', 'ненужные строки зачёркнуты (w:strike), флажки пустые',
           'Q.4073: причины в сноске'],
))
R.append(dict(
    file='Uzbekistan_PM_Geneva_77.docx', lang='ru', ms=('Uzbekistan', 'UZB'), date='2026-03-09',
    clue='Узбекистан',
    frm=['Каримов Б. Т.', 'Советник',
         'Постоянное представительство Республики Узбекистан при Отделении ООН и других международных организациях в Женеве',
         'Rue Maunoir 12, 1207 Genève, Швейцария'],
    dateplace='Женева, 09.03.2026', mark='shade', opt='same',
    place_by={'Q.4073': 'comment', 'Q.3960 Amd.1': 'rows'}, author='Karimov',
    answers=A('An', 'Aw', 'An', 'N', 'An'),
    texts={'Q.4073': 'Просим уточнить термины в разделе 3.',
           'Q.3960 Amd.1': 'Узбекистан считает, что поправка должна быть рассмотрена вместе с пересмотром Q.3057.'},
    notes=['Постоянное представительство в Женеве, швейцарский адрес', 'выбранные строки затенены (w:shd), флажки пустые',
           'Q.4073: замечания в примечании Word', 'Q.3960 Amd.1: причины в добавленной строке'],
))
R.append(dict(
    file='Kyrgyzstan_MCR_otvet.docx', lang='ru', ms=('Kyrgyzstan', 'KGZ'), date='2026-03-12',
    clue='Кыргызской Республики',
    frm=['Осмонов Т. К.', 'Заведующий отделом', 'Министерство цифрового развития Кыргызской Республики', 'ул. Исанова, 42, Бишкек'],
    dateplace='12 марта 2026 года', mark='tins:✓', opt='tglyph:●', mark_by={'Q.4073': 'tchanged:✓'},
    author='Osmonov',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Требуется дополнительное время для консультаций с операторами связи.'},
    notes=['галочки ✓ вставлены в режиме исправлений (w:ins)', 'варианты: ⃝ удалён и ● вставлен в режиме исправлений',
           'Q.4073: передумали — ✓ у «Уполномочивает» удалена (w:del), вставлена у «Не уполномочивает»'],
))
R.append(dict(
    file='Armenia_MHTI_Circ77.docx', lang='ru', ms=('Armenia', 'ARM'), date='2026-03-12',
    clue='Армения',
    frm=['Саргсян А. Г.', 'Начальник отдела международных связей', 'Министерство высокотехнологичной промышленности Республики Армения',
         'ул. Грачья Кочара, 16, Ереван'],
    dateplace='12/03/2026', mark='blue_u', opt='same', place='comment', author='A. Sargsyan', layout={'reflow'},
    answers=A('An', 'N', 'Aw', 'An', 'An'),
    texts={'Q.4073': 'Армения поддерживает цели проекта, но считает необходимым согласовать его с Q.3962.',
           'Q.3057': 'Обновить ссылки в разделе 2.'},
    notes=['выбранные строки синим цветом и подчёркнуты, флажки пустые', 'причины и замечания в примечаниях Word',
           'метки перенесены вручную'],
))
R.append(dict(
    file='Azerbaijan_MDDT_77.docx', lang='ru', ms=('Azerbaijan', 'AZE'), date='2026-03-11',
    clue='Азербайджанской Республики',
    frm=['Алиев Р. М.', 'Начальник отдела', 'Министерство цифрового развития и транспорта Азербайджанской Республики', 'ул. Нобеля, 25, Баку'],
    dateplace='2026-03-11', mark='delete', opt='same', place='textbox',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Азербайджан предлагает включить в проект требования к испытаниям в сетях 5G SA.'},
    notes=['ненужные строки удалены из таблицы', 'Q.4073: причины в надписи (текстовое поле)', 'дата ISO'],
))
R.append(dict(
    file='Tajikistan_77.docx', lang='ru', ms=('Tajikistan', 'TJK'), date='2026-03-11',
    clue='Таджикистан',
    frm=['Рахимов Д.', 'Начальник управления', 'Служба связи при Правительстве Республики Таджикистан', 'ул. Айни, 14, Душанбе'],
    dateplace='11.03.2026', mark='sym:Wingdings:F0FD:F0A8', opt='sym:Wingdings:F06C',
    answers=A('An', 'C', 'N', 'An', 'An'),
    texts={'Q.3057': 'Пересмотр должен сохранить совместимость с действующими национальными сетями.'},
    notes=['флажки заменены символами Wingdings (F0FD ☒ / F0A8 пусто)', 'Q.4073: отмечены оба (конфликт)'],
))

# ------------------------------------------------------------------------------------- ar
R.append(dict(
    file='NTRA_Egypt_Circ77.docx', lang='ar', ms=('Egypt', 'EGY'), date='2026-03-10',
    clue='NTRA',
    frm=['م. أحمد عبد الحميد', 'مدير عام التقييس', 'NTRA', 'القرية الذكية، الكيلو 28 طريق القاهرة - الإسكندرية الصحراوي، الجيزة'],
    dateplace='١٠ مارس ٢٠٢٦', mark='legacy', opt='glyph:●',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'ترى مصر أن المشروع يحتاج إلى مزيد من الدراسة قبل الموافقة عليه.'},
    notes=['الجهة التنظيمية باختصارها فقط (NTRA)، الجيزة', 'خانات مؤشرة (FORMCHECKBOX)', 'الخيارات: ⃝ استبدل بـ ●',
           'تاريخ بالأرقام الهندية'],
))
R.append(dict(
    file='CST_KSA_reply77.docx', lang='ar', ms=('Saudi Arabia', 'SAU'), date='2026-03-10',
    clue='السعودية',
    frm=['م. فهد العتيبي', 'مدير إدارة المعايير', 'هيئة الاتصالات والفضاء والتقنية',
         'طريق الملك عبدالعزيز، حي الوزارات، الرياض، المملكة العربية السعودية'],
    dateplace='2026/03/10', mark='over:نعم', opt='suffix: نعم',
    answers=A('An', 'N', 'An', 'Aw', 'An'),
    texts={'Q.4073': 'تقترح المملكة تأجيل الموافقة إلى الاجتماع القادم للجنة الدراسات.',
           'Q.3960 Amd.1': 'يُقترح توضيح الشكل 2.'},
    notes=['حُذفت الخانة وكتب «نعم» مكانها', 'الخيارات: «نعم» مكتوبة بعد الخيار المختار'],
))
R.append(dict(
    file='TDRA_reply_C77.docx', lang='ar', ms=('United Arab Emirates', 'ARE'), date='2026-03-10',
    clue='الإمارات العربية المتحدة',
    letterhead=['الإمارات العربية المتحدة', 'هيئة تنظيم الاتصالات والحكومة الرقمية'],
    frm=['سارة المهيري', 'مديرة إدارة الشؤون الدولية', 'ص.ب 26662'],
    dateplace='10/03/2026', mark='highlight', opt='same', place='after',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'لا تؤيد دولة الإمارات المشروع بصيغته الحالية لأن إجراءات الاختبار لم يتم التحقق منها.'},
    heading_names={'Q.4073': 'مشروع التوصية Q.4073'},
    notes=['الترويسة في رأس الصفحة فقط (word/header1.xml)', 'تمييز السطر المختار بلون أصفر، الخانات فارغة',
           'الأسباب بعد الجدول تحت عنوان'],
))
R.append(dict(
    file='Jordan_PM_Geneva_77.docx', lang='ar', ms=('Jordan', 'JOR'), date='2026-03-09',
    clue='الأردنية',
    frm=['السيد خالد الرواشدة', 'مستشار', 'البعثة الدائمة للمملكة الأردنية الهاشمية لدى مكتب الأمم المتحدة في جنيف',
         'Chemin Louis-Dunant 15, 1202 Genève, Suisse'],
    dateplace='جنيف، 9 مارس 2026', mark='strike', opt='same', place='rows',
    answers=A('An', 'An', 'N', 'An', 'Au'),
    texts={'Q.3057': 'يرى الأردن أن المراجعة تلغي متطلبات لا تزال مستخدمة في الشبكات الوطنية.'},
    notes=['بعثة دائمة في جنيف، عنوان سويسري', 'شطب الأسطر غير المختارة (w:strike)، الخانات فارغة',
           'Q.CPaaS-tst: شطب «لا تأذن» فقط دون اختيار (غير محدد)', 'Q.3057: الأسباب في صف مضاف'],
))
R.append(dict(
    file='Oman_MTCIT_Circ77.docx', lang='ar', ms=('Oman', 'OMN'), date='2026-03-11',
    clue='عُمان',
    frm=['م. سالم الحارثي', 'مدير دائرة المعايير', 'وزارة النقل والاتصالات وتقنية المعلومات', 'ص.ب 3560، مسقط 112، سلطنة عُمان'],
    dateplace='١١/٠٣/٢٠٢٦', mark='legacy', opt='tglyph:●', place='tins', author='Salim',
    answers=A('An', 'N', 'An', 'Aw', 'An'),
    texts={'Q.4073': 'تطلب سلطنة عُمان إضافة حالات اختبار لشبكات الجيل الخامس المستقلة.',
           'Q.3960 Amd.1': 'تصحيح تحريري في البند 4.'},
    notes=['خانات مؤشرة', 'الخيارات: ⃝ حُذف و● أُدرج بتتبع التغييرات', 'الأسباب والتعليقات مُدرجة بتتبع التغييرات (w:ins)'],
))
R.append(dict(
    file='CRA_Qatar_77.docx', lang='ar', ms=('Qatar', 'QAT'), date='2026-03-11',
    clue='قطر',
    frm=['م. عبدالله الكواري', 'رئيس قسم المعايير', 'هيئة تنظيم الاتصالات', 'ص.ب 23404، الدوحة، قطر'],
    dateplace='11 مارس 2026', mark='sym:Wingdings:F0FE:F0A8', opt='sym:Wingdings:F06C', place='comment', author='A. Al-Kuwari',
    answers=A('An', 'N', 'An', 'Aw', 'An'),
    texts={'Q.4073': 'لا يتضمن المشروع متطلبات أمن الاختبار.',
           'Q.3960 Amd.1': 'نقترح إضافة مثال في التذييل.'},
    notes=['خانات رموز Wingdings', 'الخيارات: Wingdings F06C', 'الأسباب والتعليقات في تعليقات Word'],
))
R.append(dict(
    file='Algerie_MPT_Circ77.docx', lang='ar', ms=('Algeria', 'DZA'), date='2026-03-12',
    clue='الجزائر',
    frm=['السيد كريم بن علي', 'مدير التقييس', 'وزارة البريد والمواصلات السلكية واللاسلكية', '4 شارع الدكتور سعدان، الجزائر العاصمة، الجزائر'],
    dateplace='2026-03-12', mark='delete', opt='same', place='footnote',
    answers=A('An', 'N', 'An', 'An', '-'),
    texts={'Q.4073': 'ترى الجزائر ضرورة مواءمة المشروع مع التوصية Q.3962.'},
    notes=['حذف الأسطر غير المختارة', 'Q.4073: الأسباب في حاشية', 'Q.CPaaS-tst: بلا رد'],
))
R.append(dict(
    file='CITRA_Kuwait_77.docx', lang='ar', ms=('Kuwait', 'KWT'), date='2026-03-12',
    clue='الكويت',
    frm=['م. نواف العنزي', 'مدير إدارة الشؤون الدولية', 'هيئة الاتصالات وتقنية المعلومات (CITRA)', 'ص.ب 24395، الصفاة 13104، الكويت'],
    dateplace='12 مارس 2026', mark='none', opt='none',
    answers=A('An', 'An', 'An', 'An', 'An'),
    after=['تأذن دولة الكويت للجنة الدراسات 11 بالنظر في جميع مشاريع التوصيات ومشروع التعديل الواردة في الجدول أعلاه بغرض الموافقة عليها، دون تعليقات أو تغييرات مقترحة.'],
    notes=['الجدول دون تغيير؛ الرد جملة واحدة تحت الجدول لكل المشاريع'],
))

# ------------------------------------------------------------------------------------- zh
R.append(dict(
    file='MIIT_reply_Circ77.docx', lang='zh', ms=('China', 'CHN'), date='2026-03-10',
    clue='MIIT',
    frm=['王建国', '科技司标准处处长', 'MIIT', '北京市西长安街13号，100804'],
    email='std@miit.gov.cn', dateplace='2026年3月10日，北京', mark='legacy_bold', opt='glyph:●',
    answers=A('An', 'N', 'An', 'Aw', 'An'),
    texts={'Q.4073': '中国认为该草案的测试方法尚未经过充分验证，建议在下次研究组会议上继续讨论。',
           'Q.3960 Amd.1': '建议在第4节中增加对SBC部署场景的说明。'},
    notes=['部委仅以英文缩写（MIIT）表示，北京地址', '复选框已勾选且所选行加粗', '选项：⃝替换为●'],
))
R.append(dict(
    file='IMDA_Singapore_Circ77.docx', lang='zh', ms=('Singapore', 'SGP'), date='2026-03-10',
    clue='IMDA',
    frm=['Mr Tan Wei Ming', 'Director (International Relations)', 'Infocomm Media Development Authority (IMDA)',
         '10 Pasir Panjang Road, #03-01 Mapletree Business City, 117438'],
    email='wei_ming_tan@imda.gov.sg', dateplace='10/3/2026', mark='over:是', opt='suffix:（是）',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': 'Singapore would like the test profiles in Annex A to be aligned with 3GPP Release 18 before approval.'},
    notes=['中文表格，英文填写（发件人非中文国家）', '删除复选框并在其位置输入“是”', '选项：所选选项后输入“（是）”',
           'Q.4073：理由用英文写在单元格中', '日期 d/m/yyyy'],
))
R.append(dict(
    file='Malaysia_PM_Geneva_C77.docx', lang='zh', ms=('Malaysia', 'MYS'), date='2026-03-09',
    clue='马来西亚',
    frm=['Ahmad Faizal', '参赞', '马来西亚常驻日内瓦代表团', 'Chemin François-Lehmann 18A, 1218 Grand-Saconnex, 瑞士'],
    dateplace='2026.3.9', mark='highlight_green', opt='same', place='rows',
    answers=A('An', 'An', 'N', 'An', 'An'),
    texts={'Q.3057': '马来西亚认为修订版删除了仍在使用的互通配置文件。'},
    notes=['常驻日内瓦代表团，瑞士地址', '所选行以绿色突出显示，复选框为空', 'Q.3057：理由在新增的行中', '日期 yyyy.m.d'],
))
R.append(dict(
    file='NBTC_Thailand_77.docx', lang='zh', ms=('Thailand', 'THA'), date='2026-03-11',
    clue='NBTC',
    frm=['Somchai Prasert', '国际事务司司长', 'NBTC', '87 Phahonyothin 8 (Soi Sailom), Samsen Nai, Phaya Thai, Bangkok 10400'],
    dateplace='2026-03-11', mark='strike', opt='same', place='after',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': '泰国建议推迟批准，待区域运营商完成互操作性测试。'},
    notes=['监管机构仅以缩写（NBTC）表示，曼谷地址', '未选的行加删除线，复选框为空', 'Q.4073：理由在表格后的标题下'],
))
R.append(dict(
    file='VNM_reply_Circ77.docx', lang='zh', ms=('Viet Nam', 'VNM'), date='2026-03-11',
    clue='越南社会主义共和国',
    letterhead=['越南社会主义共和国', '科学技术部 电信局'],
    frm=['阮文雄', '国际合作处处长', '河内市陈维兴路18号'],
    dateplace='2026年3月11日', mark='tins:✓', opt='tglyph:●', place='footnote', author='Nguyen Van Hung',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': '越南建议在草案中增加农村网络的测试场景。'},
    notes=['信头仅在页眉（word/header1.xml）', '✓以修订模式插入（w:ins）', '选项：⃝删除、●插入（修订）', 'Q.4073：理由在脚注中'],
))
R.append(dict(
    file='Mongolia_MDDC_Circ77.docx', lang='zh', ms=('Mongolia', 'MNG'), date='2026-03-11',
    clue='蒙古国',
    frm=['Батбаяр', '标准化处处长', '蒙古国数字发展与通信部', '乌兰巴托市苏赫巴托区'],
    dateplace='2026/3/11', layout={'nomerge'}, mark='sym:Wingdings 2:F054:F0A3', opt='sym:Wingdings:F06C', place='comment',
    author='Batbayar',
    answers=A('An', 'N', 'Aw', 'An', 'An'),
    texts={'Q.4073': '蒙古国需要更多时间进行国内协调。', 'Q.3057': '请更新第2节的参考文献。'},
    notes=['左侧单元格未合并（没有 w:vMerge）', '复选框替换为 Wingdings 2 符号（F054 ☒ / F0A3 空）', '理由和意见在 Word 批注中'],
))
R.append(dict(
    file='Cambodia_MPTC_77.docx', lang='zh', ms=('Cambodia', 'KHM'), date='2026-03-12',
    clue='柬埔寨',
    frm=['Sok Dara', '司长', '柬埔寨王国邮电部', '金边市莫尼旺大道13号'],
    dateplace='2026年3月12日', mark='delete', opt='same', place='textbox',
    answers=A('An', 'N', 'An', 'An', 'An'),
    texts={'Q.4073': '柬埔寨认为测试要求应考虑发展中国家的实际情况。'},
    notes=['删除未选的行', 'Q.4073：理由在文本框中'],
))
R.append(dict(
    file='Laos_MTC_reply77.docx', lang='zh', ms=("Lao People's Democratic Republic", 'LAO'), date='2026-03-12',
    clue='老挝',
    frm=['Khamphone', '处长', '老挝人民民主共和国技术与通信部', '万象市'],
    dateplace='2026年3月12日', mark='legacy', opt='glyph:✔',
    answers=A('An', 'An', 'An', 'C', 'N'),
    texts={'Q.CPaaS-tst': '老挝认为该草案的范围过于宽泛。'},
    notes=['复选框已勾选', '选项：⃝替换为✔', 'Q.3960 Amd.1：两个复选框都勾选（冲突）'],
))


# ------------------------------------------------------------------------------------- truth
EVIDENCE = {
    'legacy': 'legacy_checkbox', 'legacy_bold': 'legacy_checkbox', 'legacy_lo': 'legacy_checkbox', 'mixC': 'legacy_checkbox',
    'highlight': 'highlight', 'highlight_green': 'highlight', 'shade': 'highlight', 'red': 'highlight',
    'red_bold': 'highlight', 'underline': 'highlight', 'blue_u': 'highlight',
    'strike': 'deletion', 'dstrike': 'deletion', 'delete': 'deletion', 'tdel': 'deletion', 'none': 'text',
}


def evidence(style, code):
    if code == '-':
        return 'none'
    if style in EVIDENCE:
        return EVIDENCE[style]
    kind, _, rest = style.partition(':')
    if kind == 'sym':
        return 'symbol'
    if kind == 'replace':
        return 'glyph'
    txt = rest
    if kind == 'tchanged':
        return 'glyph'
    if kind in ('typed', 'over', 'tins'):
        return 'glyph' if txt in ('X', 'x', '✓', '✔') else 'text'
    raise ValueError(style)


DECISION = {'An': ('authorize', 'no_comments'), 'Aw': ('authorize', 'with_comments'),
            'Au': ('authorize', 'unspecified'), 'N': ('not_authorize', None), 'C': ('conflict', None),
            '-': ('no_reply', None)}


# How the sender is told, per reply (for per-habit scores).
SENDER = {
    'UK_Ofcom_response_circ77.docx': ['regulator_acronym'], 'TRAI_India_Circ77.docx': ['regulator_acronym'],
    'Reply_Circ77_KoreaRep.docx': ['permanent_mission'], 'Circ77_reply_DITRDCSA.docx': ['letterhead_in_header'],
    'DEU_BMDV_Antwort_Circ77.docx': ['form_in_other_language', 'no_country_name'],
    'ARCEP_reponse_Circulaire77.docx': ['regulator_acronym'], 'Senegal_ARTP_Circ77.docx': ['regulator_acronym', 'no_country_name'],
    'Reponse_CI_Circ77_TSB.docx': ['permanent_mission'], 'IBPT_Circ77_antwoord.docx': ['regulator_acronym'],
    'Circ77_reponse_Direction_Normalisation.docx': ['letterhead_in_header'],
    'Tunisie_MTC_Circ77.docx': ['form_in_other_language', 'no_country_name'],
    'ARCEP_BF_reponse_77.docx': ['regulator_acronym', 'acronym_shared_with_other_state'],
    'IFT_Mexico_respuesta77.docx': ['regulator_acronym'], 'ENACOM_Circ77.docx': ['regulator_acronym'],
    'Colombia_Mision_Ginebra_C77.docx': ['permanent_mission'], 'SUBTEL_respuesta_Circular77.docx': ['letterhead_in_header'],
    'URSEC_Uruguay_C77.docx': ['regulator_acronym'], 'ARCOTEL_Ecuador_77.docx': ['regulator_acronym'],
    'Mintsifry_otvet_Circ77.docx': ['regulator_acronym'], 'Belarus_MinSvyazi_C77.docx': ['letterhead_in_header'],
    'Uzbekistan_PM_Geneva_77.docx': ['permanent_mission'], 'NTRA_Egypt_Circ77.docx': ['regulator_acronym'],
    'TDRA_reply_C77.docx': ['letterhead_in_header'], 'Jordan_PM_Geneva_77.docx': ['permanent_mission'],
    'MIIT_reply_Circ77.docx': ['regulator_acronym'], 'IMDA_Singapore_Circ77.docx': ['regulator_acronym', 'form_in_other_language'],
    'Malaysia_PM_Geneva_C77.docx': ['permanent_mission', 'form_in_other_language'],
    'NBTC_Thailand_77.docx': ['regulator_acronym', 'form_in_other_language'],
    'VNM_reply_Circ77.docx': ['letterhead_in_header', 'form_in_other_language'],
    'Mongolia_MDDC_Circ77.docx': ['form_in_other_language'], 'Cambodia_MPTC_77.docx': ['form_in_other_language'],
    'Laos_MTC_reply77.docx': ['form_in_other_language'],
}


def habit_tags(r):
    places = sorted({r.get('place_by', {}).get(k, r.get('place', 'cell')) for k in KEYS
                     if r['answers'][k] in ('N', 'Aw') and r.get('texts', {}).get(k)})
    return {
        'mark': r.get('mark', 'legacy'),
        'mark_by': r.get('mark_by', {}),
        'options': r.get('opt', 'same'),
        'text_places': places,
        'layout': sorted(r.get('layout', ())) + (['letterhead_in_header'] if r.get('letterhead') else []),
        'sender': SENDER.get(r['file'], []),
    }


def truth_of(r, sha):
    answers = []
    for key, prov, _ in DRAFTS:
        code = r['answers'][key]
        dec, com = DECISION[code]
        style = r.get('mark_by', {}).get(key, r.get('mark', 'legacy'))
        a = {'draft': key, 'provisional': prov, 'decision': dec, 'comments': com,
             'text': r.get('texts', {}).get(key, '') if code in ('N', 'Aw') else '',
             'evidence': evidence(style, code)}
        if code in ('C', 'Au'):
            a['warn'] = True
        answers.append(a)
    name, iso3 = r['ms']
    return {
        'source': 'replies/' + r['file'], 'sha256': sha, 'language': r['lang'],
        'member_state': {'name': name, 'iso3': iso3}, 'date': r['date'],
        'superseded_by': None, 'late': False, 'answers': answers,
        'notes': r['notes'], 'habits': habit_tags(r), 'render_clue': r['clue'],
        'tracked_changes': any(str(v).startswith(('tins', 'tglyph', 'tdel', 'tchanged'))
                               for v in [r.get('mark', ''), r.get('opt', ''), r.get('place', '')]
                               + list(r.get('mark_by', {}).values()) + list(r.get('place_by', {}).values())),
    }


def tally(truths):
    drafts = []
    for key, prov, _ in DRAFTS:
        c = dict(authorize=0, with_comments=0, not_authorize=0, conflict=0, no_reply=0)
        for t in truths:
            a = next(a for a in t['answers'] if a['draft'] == key)
            c[a['decision']] += 1
            if a['comments'] == 'with_comments':
                c['with_comments'] += 1
        den = c['authorize'] + c['not_authorize']
        support = round(100.0 * c['authorize'] / den, 1) if den else None
        if den == 0:
            meets = True
        else:
            # open conflicts that could change the verdict leave it undecided
            lo = 100.0 * c['authorize'] / (den + c['conflict'])
            hi = 100.0 * (c['authorize'] + c['conflict']) / (den + c['conflict'])
            verdict = support >= 70
            if c['conflict'] and ((lo >= 70) != (hi >= 70) or (lo >= 70) != verdict):
                meets = None
            else:
                meets = verdict
        drafts.append(dict(draft=key, provisional=prov, **c, support=support, meets_threshold=meets))
    return {'member_states_replied': len(truths), 'drafts': drafts}


def spec_of(r):
    s = dict(r)
    s['from'] = r['frm']
    s['fax'] = r.get('fax', '')
    s['email'] = r.get('email', '')
    return s


def main():
    os.makedirs(os.path.join(OUT, 'replies'), exist_ok=True)
    os.makedirs(os.path.join(OUT, 'form'), exist_ok=True)
    blank = A('-', '-', '-', '-', '-')
    for lang in ('en', 'fr', 'es', 'ru', 'ar', 'zh'):
        build({'lang': lang, 'answers': blank, 'mark': 'legacy', 'opt': 'none',
               'title': f'TSB Circular {CIRCULAR} - Annex 2'},
              os.path.join(OUT, 'form', f'blank_circ{CIRCULAR}_{lang}.docx'))
    truths = []
    files = set()
    for r in R:
        assert r['file'] not in files, r['file']
        files.add(r['file'])
        path = os.path.join(OUT, 'replies', r['file'])
        build(spec_of(r), path)
        sha = hashlib.sha256(open(path, 'rb').read()).hexdigest()
        truths.append(truth_of(r, sha))
    iso = [t['member_state']['iso3'] for t in truths]
    assert len(set(iso)) == len(iso), 'one reply per Member State'
    expected = {
        'schema': 'replytally.samples/1',
        'description': (f'Replies to TSB Circular {CIRCULAR} (Study Group {SG}) filled with the habits people have '
                        'with Word forms, made by scripts/make-habits-fixtures.py without reading the reader; '
                        'sources are relative to tests/fixtures/habits/. Each file checked by rendering it '
                        '(scripts/check-habits-fixtures.py). "evidence" is the mechanism a person would name; '
                        'scripts/score-habits.py does not score it. "warn": true marks answers a reader must warn about. '
                        '"render_clue" is a string the rendered page must show (the sender). "tracked_changes": the file '
                        'holds revisions (w:ins/w:del) and a reader should say so.'),
        'circular': {'tsb_circular': CIRCULAR, 'study_group': SG},
        'form': f'form/blank_circ{CIRCULAR}_en.docx',
        'form_language': 'en',
        'forms': {lang: f'form/blank_circ{CIRCULAR}_{lang}.docx' for lang in ('en', 'fr', 'es', 'ru', 'ar', 'zh')},
        'threshold': 70,
        'drafts': [{'draft': k, 'provisional': p} for k, p, _ in DRAFTS],
        'replies': truths,
        'tallies': tally(truths),
    }
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'habits_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write('\n')
    write_readme(truths)
    print(f'{len(truths)} replies, 6 blank forms in {OUT}')


MARK_EN = {
    'legacy': 'boxes checked (legacy FORMCHECKBOX)', 'legacy_bold': 'boxes checked and the chosen lines bolded',
    'legacy_lo': 'boxes checked, saved by LibreOffice (no w:checked/w:default on unchecked boxes)',
    'highlight': 'boxes empty, chosen lines highlighted yellow', 'highlight_green': 'boxes empty, chosen lines highlighted green',
    'shade': 'boxes empty, chosen lines shaded (w:shd)', 'red_bold': 'boxes empty, chosen lines red and bold',
    'underline': 'boxes empty, chosen lines underlined', 'blue_u': 'boxes empty, chosen lines blue and underlined',
    'strike': 'boxes empty, lines not chosen struck through (w:strike)',
    'dstrike': 'boxes empty, lines not chosen double-struck (w:dstrike)', 'delete': 'lines not chosen deleted from the table',
    'tdel': 'lines not chosen deleted under Track Changes (w:del)', 'none': 'table untouched, answer in a sentence below it',
    'mixC': 'Authorizes box checked and an X typed beside Does not authorize (conflict)',
}
PLACE_EN = {
    'cell': 'in the cell under the line', 'cell_italic': 'in the cell, italic and coloured', 'inline': 'after the label',
    'tins': 'in the cell as a tracked insertion', 'comment': 'in a Word comment (comments.xml)', 'footnote': 'in a footnote',
    'textbox': 'in a text box', 'rows': 'in a row added below the draft', 'rowspan': 'in a full-width row added below the draft',
    'after': 'after the table under a heading', 'sentence': 'in the sentence after the table',
}
LAYOUT_EN = {
    'old': 'older template wording', 'retyped': 'labels retyped (British spelling)', 'reflow': 'labels reflowed with manual line breaks',
    'split_row': 'Authorizes row split in two', 'split_table': 'table split in two', 'nomerge': 'draft cell not merged (no vMerge)',
    'letterhead_in_header': 'letterhead only in word/header1.xml',
}


def mark_en(m):
    if m in MARK_EN:
        return MARK_EN[m]
    k, _, rest = m.partition(':')
    if k == 'typed':
        return f'"{rest}" typed in the box cell, box not checked'
    if k == 'over':
        return f'box deleted and "{rest}" typed in its place'
    if k == 'tins':
        return f'"{rest}" typed in the box cell under Track Changes (w:ins)'
    if k == 'tchanged':
        return f'mind changed under Track Changes: old "{rest}" deleted, new one inserted'
    if k == 'replace':
        on, off = rest.split(':')
        return f'boxes replaced by typed {on} / {off}'
    if k == 'sym':
        font, on, off = rest.split(':')
        return f'boxes replaced by {font} symbols (w:sym {on} / {off})'
    raise ValueError(m)


def opt_en(o):
    k, _, rest = o.partition(':')
    return {
        'same': 'options marked the same way', 'none': 'options untouched',
        'glyph': f'⃝ replaced by {rest}', 'tglyph': f'⃝ replaced by {rest} under Track Changes',
        'typed': f'{rest} typed before the ⃝', 'suffix': f'"{rest.strip()}" typed after the option',
        'sym': 'chosen ⃝ replaced by a ' + rest.replace(':', ' ') + ' symbol',
    }[k]


def habits_en(t):
    h = t['habits']
    parts = [mark_en(h['mark']), opt_en(h['options'])]
    for k, v in h['mark_by'].items():
        parts.append(f'{k}: {mark_en(v)}')
    if h['text_places']:
        parts.append('text ' + ', '.join(PLACE_EN[p] for p in h['text_places']))
    parts += [LAYOUT_EN[x] for x in h['layout']]
    parts += [x.replace('_', ' ') for x in h['sender'] if x not in h['layout']]
    return '; '.join(parts)


def write_readme(truths):
    lines = [
        f'# Habits: replies to TSB Circular {CIRCULAR} (Study Group {SG})',
        '',
        'An independent test set for issue 12, part 7: replies filled the way people fill a Word form,',
        'built **without reading the reader** (only FORM.md, CONTRACT.md and the published blank forms).',
        '',
        '- `form/blank_circ77_{en,fr,es,ru,ar,zh}.docx`: the blank reply form (Annex 2) in the six languages:',
        '  header (To/From/Date), subject naming the circular, two rows per draft, legacy FORMCHECKBOX',
        '  boxes for the decisions, ⃝ circles for the options, the draft cell merged down with `w:vMerge`.',
        '- `replies/`: 48 replies, 8 per form language, one per Member State.',
        '- `../habits_expected.json`: the truth (same shape as `circ205_expected.json`), with the tally.',
        '',
        'Drafts: Q.3962 (Q.sig-iot) and Q.4073 (Q.tsp-ran), new; Q.3057, revised; Q.3960 Amd.1, an',
        'amendment; Q.CPaaS-tst, new, known only by its provisional name.',
        '',
        'Made by `python3 scripts/make-habits-fixtures.py` (deterministic); checked by rendering with',
        '`python3 scripts/check-habits-fixtures.py` (LibreOffice → PDF → text); scored with',
        '`python3 scripts/score-habits.py`.',
        '',
        '| file | lang | Member State | answers (Q.3962, Q.4073, Q.3057, Q.3960 Amd.1, Q.CPaaS-tst) | habits | notes (in the reply\'s language, as the truth has them) |',
        '| --- | --- | --- | --- | --- | --- |',
    ]
    short = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c',
             ('authorize', 'unspecified'): 'A?', ('not_authorize', None): 'N', ('conflict', None): 'C',
             ('no_reply', None): '–'}
    for t in truths:
        ans = ', '.join(short[(a['decision'], a['comments'])] for a in t['answers'])
        habits = '; '.join(t['notes']).replace('|', '\\|')
        lines.append(f"| `{t['source'][8:]}` | {t['language']} | {t['member_state']['name']} ({t['member_state']['iso3']}) | {ans} | {habits_en(t)} | {habits} |")
    lines += ['', 'A = authorize, no comments; A+c = authorize with comments; A? = authorize, option not said',
              '(unspecified); N = does not authorize; C = conflict (both marked); – = no reply.', '',
              '## The truth',
              '',
              'Per reply: `member_state` (name, ISO3), `date` (ISO 8601), and per draft `decision`, `comments`',
              '(authorize only) and `text`: the reasons or comments exactly as the person wrote them, paragraphs',
              'joined with `\\n`, without headings, labels or form text. Also: `evidence` (the mechanism a person',
              'would name, FORM.md\'s words; informative, not scored), `warn: true` on conflicts and on an',
              'authorize whose option is not said, `tracked_changes` (the file holds revisions), `habits`',
              '(machine-readable tags used for the per-habit scores) and `render_clue` (a string the rendered',
              'page must show: the country, the regulator, the letterhead). `tallies` is the summary the tool',
              'should write with `--form` (counts over Member States, every reply counted, threshold 70 %).',
              '',
              'The marks are derived from the truth by the generator (the habit says *how* a person marks, the',
              'truth *what* they chose), so a file cannot disagree with its truth by a typing slip.',
              '',
              '## How the truth was checked',
              '',
              '`scripts/check-habits-fixtures.py` renders every file with LibreOffice (`soffice --headless',
              '--convert-to pdf`, Word comments exported as PDF notes, and LibreOffice\'s text export) and reads',
              'it back with poppler\'s `pdftotext`. For each reply it checks that the file opens and renders;',
              'the sender clue is on the page; the circular\'s number and every draft are on the page; every',
              'reason/comment of the truth is on the page word for word (whitespace ignored; Arabic compared',
              'through a letter skeleton that survives pdftotext\'s lam-alef reordering), including text in',
              'Word comments, footnotes and text boxes; for replies made by deleting lines, exactly the decision',
              'lines the truth keeps are on the page; for replies marked by typed words or glyphs (Yes, Oui, Sí,',
              'Да, نعم, 是, X, ✓, ☒, ●, ☑, ✔ …), at least one per marked line is on the page. Page images',
              '(`pdftoppm`) were also looked at by eye for a file of most habits: checked boxes with bold lines,',
              'typed X and circled X, strike-through, double strike, deleted rows under Track Changes, tracked ☒',
              'options, highlighted, shaded, red and underlined lines, the old template with a split row, Wingdings',
              'and Wingdings 2 symbols, rows without vMerge, a text box, a footnote, the right-to-left Arabic',
              'table with struck lines. All 48 replies and 6 blank forms pass.',
              '',
              'Scores of the reader on this set: `SCORES-first-run.md` (measured before any tuning for it).',
              '']
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))


if __name__ == '__main__':
    main()
