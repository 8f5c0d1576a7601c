#!/usr/bin/env python3
"""Generate data/member_states.tsv: the 194 ITU Member States and their names.

Regenerate (from the repository root):

    pip install babel==2.19.0 && python3 scripts/gen_member_states.py

Sources:
  * Unicode CLDR territory names, as shipped by the PyPI package `babel` (2.19.0 ships
    CLDR 49; the version used is written into the data file's first line), for the six
    ITU languages (en, fr, es, ru, ar, zh; zh also in Traditional characters) plus de, it
    and pt (spoken in several Member States).
  * The hand-kept table below (HAND): the list of Member States itself, each state's ITU
    short English name, extra top-level domains and aliases (ITU long forms, official
    names, common variants, abbreviations). The list is the 193 UN members plus the
    Vatican: ITU had 193 Member States (UN members less Palau, plus the Vatican) until
    Palau joined in 2024. Not Member States: Taiwan, Kosovo, Palestine (an observer).

The script checks that every ISO 3166 code pair agrees with CLDR, that there are exactly
194 rows, and that no name (folded the way src/reference/member_states.rs folds text) points at two
states; a conflicting name from a secondary language (de/it/pt) is dropped with a note, any
other conflict stops the script.

Output columns (tab separated, one row per state, '|' between the names of one cell):
  iso3, iso2, name (ITU short English name), cctld, en, fr, es, ru, ar, zh, other
"""

import os
import sys
import unicodedata

import babel
from babel import Locale
from babel.core import get_cldr_version, get_global

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "member_states.tsv")

PRIMARY = ["en", "fr", "es", "ru", "ar", "zh"]
# CLDR locales whose names go into the `other` column.
SECONDARY = ["de", "it", "pt"]
# Secondary-language CLDR names that are common words in another language
# ("Island" is Iceland in German; "Gana" is Ghana in Portuguese and a Spanish verb).
SECONDARY_DENY = {"Island", "Gana"}

# One line per Member State:
#   ISO3 ISO2 | ITU short English name | extra ccTLDs | lang: alias; alias | lang: ...
# lang is one of en fr es ru ar zh other. The ccTLD of ISO2 is implied.
HAND = r"""
AFG AF | Afghanistan | | en: Islamic Republic of Afghanistan
ALB AL | Albania | | en: Republic of Albania; Albania (Republic of) | other: Shqipëria
DZA DZ | Algeria | | en: People's Democratic Republic of Algeria; Algeria (People's Democratic Republic of) | fr: République algérienne démocratique et populaire | ar: الجمهورية الجزائرية الديمقراطية الشعبية
AND AD | Andorra | | en: Principality of Andorra
AGO AO | Angola | | en: Republic of Angola
ATG AG | Antigua and Barbuda | | en: Antigua & Barbuda; Antigua
ARG AR | Argentina | | en: Argentine Republic | es: República Argentina
ARM AM | Armenia | | en: Republic of Armenia
AUS AU | Australia | | en: Commonwealth of Australia
AUT AT | Austria | | en: Republic of Austria | other: Österreich; Republik Österreich
AZE AZ | Azerbaijan | | en: Republic of Azerbaijan; Azerbaijani Republic
BHS BS | Bahamas | | en: The Bahamas; Commonwealth of the Bahamas; Bahamas (Commonwealth of the)
BHR BH | Bahrain | | en: Kingdom of Bahrain | ar: مملكة البحرين
BGD BD | Bangladesh | | en: People's Republic of Bangladesh
BRB BB | Barbados | |
BLR BY | Belarus | | en: Republic of Belarus | ru: Республика Беларусь; Белоруссия
BEL BE | Belgium | | en: Kingdom of Belgium | fr: Royaume de Belgique | other: België; Koninkrijk België
BLZ BZ | Belize | |
BEN BJ | Benin | | en: Republic of Benin | fr: République du Bénin
BTN BT | Bhutan | | en: Kingdom of Bhutan
BOL BO | Bolivia (Plurinational State of) | | en: Plurinational State of Bolivia | es: Estado Plurinacional de Bolivia; Bolivia (Estado Plurinacional de)
BIH BA | Bosnia and Herzegovina | | en: Bosnia-Herzegovina; Bosnia
BWA BW | Botswana | | en: Republic of Botswana
BRA BR | Brazil | | en: Federative Republic of Brazil; Brazil (Federative Republic of) | other: Brasil; República Federativa do Brasil
BRN BN | Brunei Darussalam | | en: Brunei; Nation of Brunei
BGR BG | Bulgaria | | en: Republic of Bulgaria | other: България
CPV CV | Cabo Verde | | en: Cape Verde; Republic of Cabo Verde | fr: Cap-Vert
BFA BF | Burkina Faso | |
BDI BI | Burundi | | en: Republic of Burundi | fr: République du Burundi
KHM KH | Cambodia | | en: Kingdom of Cambodia
CMR CM | Cameroon | | en: Republic of Cameroon | fr: République du Cameroun
CAN CA | Canada | |
CAF CF | Central African Rep. | | en: Central African Republic | fr: République centrafricaine; Centrafrique | es: República Centroafricana; Rep. Centroafricana
TCD TD | Chad | | en: Republic of Chad | fr: République du Tchad
CHL CL | Chile | | en: Republic of Chile | es: República de Chile
CHN CN | China | xn--fiqs8s; 中国; xn--fiqz9s; 中國 | en: People's Republic of China; China (People's Republic of); PR China; P.R. China; P.R.C.; PRC | fr: République populaire de Chine; Chine (République populaire de) | es: República Popular China; China (República Popular de) | ru: Китайская Народная Республика; КНР | ar: جمهورية الصين الشعبية | zh: 中华人民共和国; 中華人民共和國; 中國
COL CO | Colombia | | en: Republic of Colombia | es: República de Colombia
COM KM | Comoros | | en: Union of the Comoros; Comoros (Union of the) | fr: Union des Comores
COG CG | Congo (Rep. of the) | | en: Congo; Republic of the Congo; Republic of Congo; Congo (Republic of the); Congo, Rep.; Congo-Brazzaville; Congo (Brazzaville) | fr: Congo; République du Congo; Congo (République du); Congo (Rép. du) | es: República del Congo; Congo (República del) | ru: Конго; Республика Конго | ar: الكونغو; جمهورية الكونغو | zh: 刚果; 刚果共和国; 刚果（布）
CRI CR | Costa Rica | | en: Republic of Costa Rica
CIV CI | Côte d'Ivoire | | en: Cote d'Ivoire; Ivory Coast; Republic of Côte d'Ivoire; Côte d'Ivoire (Republic of) | fr: République de Côte d'Ivoire | es: Costa de Marfil | ar: كوت ديفوار; جمهورية كوت ديفوار
HRV HR | Croatia | | en: Republic of Croatia | other: Hrvatska
CUB CU | Cuba | | en: Republic of Cuba
CYP CY | Cyprus | | en: Republic of Cyprus | other: Κύπρος
CZE CZ | Czech Republic | | en: Czechia | fr: République tchèque | es: República Checa | ru: Чешская Республика | other: Česko; Česká republika
PRK KP | Dem. People's Rep. of Korea | | en: Democratic People's Republic of Korea; Korea (Democratic People's Republic of); Korea (Dem. People's Rep. of); Korea, Democratic People's Republic of; Korea, Dem. People's Rep.; Korea DPR; DPR Korea; D.P.R. Korea; DPRK; North Korea | fr: République populaire démocratique de Corée; Corée (Rép. pop. dém. de); Corée (République populaire démocratique de) | es: República Popular Democrática de Corea; Corea (Rep. Pop. Dem. de) | ru: Корейская Народно-Демократическая Республика; Северная Корея | ar: جمهورية كوريا الشعبية الديمقراطية; جمهورية كوريا الديمقراطية الشعبية | zh: 朝鲜民主主义人民共和国; 朝鮮民主主義人民共和國 | other: 조선민주주의인민공화국; 북한
COD CD | Democratic Republic of the Congo | | en: Democratic Republic of Congo; Congo (Democratic Republic of the); Congo, Democratic Republic of the; Congo, Dem. Rep.; DR Congo; D.R. Congo; DRC; Congo-Kinshasa; Congo (Kinshasa) | fr: République démocratique du Congo; RD Congo; R.D. Congo; RDC; Congo (République démocratique du); Congo (Rép. dém. du) | es: Rep. Dem. del Congo | ru: Демократическая Республика Конго; ДР Конго; ДРК | ar: جمهورية الكونغو الديمقراطية; الكونغو الديمقراطية | zh: 刚果民主共和国; 刚果（金）
DNK DK | Denmark | | en: Kingdom of Denmark | other: Danmark
DJI DJ | Djibouti | | en: Republic of Djibouti | fr: République de Djibouti
DMA DM | Dominica | | en: Commonwealth of Dominica
DOM DO | Dominican Rep. | | en: Dominican Republic | fr: République dominicaine; Rép. dominicaine | es: República Dominicana; Rep. Dominicana
ECU EC | Ecuador | | en: Republic of Ecuador | es: República del Ecuador
EGY EG | Egypt | xn--wgbh1c; مصر | en: Arab Republic of Egypt | ar: جمهورية مصر العربية
SLV SV | El Salvador | | en: Republic of El Salvador
GNQ GQ | Equatorial Guinea | | en: Republic of Equatorial Guinea
ERI ER | Eritrea | | en: State of Eritrea
EST EE | Estonia | | en: Republic of Estonia | other: Eesti
SWZ SZ | Eswatini | | en: Swaziland; Kingdom of Eswatini | fr: Swaziland | es: Suazilandia
ETH ET | Ethiopia | | en: Federal Democratic Republic of Ethiopia
FJI FJ | Fiji | | en: Republic of Fiji
FIN FI | Finland | | en: Republic of Finland | other: Suomi
FRA FR | France | | en: French Republic | fr: République française | zh: 法兰西共和国
GAB GA | Gabon | | en: Gabonese Republic | fr: République gabonaise
GMB GM | Gambia | | en: The Gambia; Republic of The Gambia; Gambia (Republic of the)
GEO GE | Georgia | | other: Sakartvelo
DEU DE | Germany | | en: Federal Republic of Germany; Germany (Federal Republic of) | fr: République fédérale d'Allemagne | es: República Federal de Alemania | ru: Федеративная Республика Германия | ar: جمهورية ألمانيا الاتحادية | zh: 德意志联邦共和国 | other: Bundesrepublik Deutschland
GHA GH | Ghana | | en: Republic of Ghana
GRC GR | Greece | | en: Hellenic Republic | other: Ελλάδα; Ελληνική Δημοκρατία; Hellas | fr: République hellénique
GRD GD | Grenada | |
GTM GT | Guatemala | | en: Republic of Guatemala
GIN GN | Guinea | | en: Republic of Guinea | fr: République de Guinée
GNB GW | Guinea-Bissau | | en: Republic of Guinea-Bissau
GUY GY | Guyana | | en: Co-operative Republic of Guyana
HTI HT | Haiti | | en: Republic of Haiti | fr: République d'Haïti
HND HN | Honduras | | en: Republic of Honduras
HUN HU | Hungary | | other: Magyarország
ISL IS | Iceland | | other: Ísland
IND IN | India | | en: Republic of India; India (Republic of)
IDN ID | Indonesia | | en: Republic of Indonesia
IRN IR | Iran (Islamic Republic of) | | en: Islamic Republic of Iran; Iran, Islamic Republic of | fr: Iran (République islamique d'); République islamique d'Iran | es: Irán (República Islámica del); República Islámica del Irán | ru: Исламская Республика Иран | ar: جمهورية إيران الإسلامية | zh: 伊朗伊斯兰共和国
IRQ IQ | Iraq | | en: Republic of Iraq
IRL IE | Ireland | | other: Éire
ISR IL | Israel | | en: State of Israel
ITA IT | Italy | | en: Italian Republic | other: Repubblica Italiana | fr: République italienne
JAM JM | Jamaica | |
JPN JP | Japan | | other: 日本国
JOR JO | Jordan | | en: Hashemite Kingdom of Jordan | ar: المملكة الأردنية الهاشمية
KAZ KZ | Kazakhstan | | en: Republic of Kazakhstan
KEN KE | Kenya | | en: Republic of Kenya; Kenya (Republic of)
KIR KI | Kiribati | |
KOR KR | Korea (Rep. of) | xn--3e0b707e; 한국 | en: Korea; Republic of Korea; Korea (Republic of); Korea, Republic of; Korea, Rep.; Rep. of Korea; ROK | fr: Corée; Corée (Rép. de); Corée (République de); République de Corée | es: Corea; Corea (Rep. de); Corea (República de); República de Corea | ru: Корея; Корея (Республика); Южная Корея | ar: كوريا; جمهورية كوريا | zh: 大韩民国; 大韓民國; 韓國 | other: 대한민국; 한국
KWT KW | Kuwait | | en: State of Kuwait | ar: دولة الكويت
KGZ KG | Kyrgyzstan | | en: Kyrgyz Republic
LAO LA | Lao P.D.R. | | en: Lao People's Democratic Republic; Lao PDR; Lao P.D.R | fr: République démocratique populaire lao; Lao (R.d.p.) | es: República Democrática Popular Lao; Lao (R.D.P.) | ru: Лаосская Народно-Демократическая Республика | ar: جمهورية لاو الديمقراطية الشعبية | zh: 老挝人民民主共和国
LVA LV | Latvia | | en: Republic of Latvia | other: Latvija
LBN LB | Lebanon | | en: Lebanese Republic | ar: الجمهورية اللبنانية | fr: République libanaise
LSO LS | Lesotho | | en: Kingdom of Lesotho
LBR LR | Liberia | | en: Republic of Liberia
LBY LY | Libya | | en: State of Libya
LIE LI | Liechtenstein | | en: Principality of Liechtenstein
LTU LT | Lithuania | | en: Republic of Lithuania | other: Lietuva
LUX LU | Luxembourg | | en: Grand Duchy of Luxembourg | fr: Grand-Duché de Luxembourg
MDG MG | Madagascar | | en: Republic of Madagascar | fr: République de Madagascar
MWI MW | Malawi | | en: Republic of Malawi
MYS MY | Malaysia | |
MDV MV | Maldives | | en: Republic of Maldives
MLI ML | Mali | | en: Republic of Mali | fr: République du Mali
MLT MT | Malta | | en: Republic of Malta
MHL MH | Marshall Islands | | en: Republic of the Marshall Islands
MRT MR | Mauritania | | en: Islamic Republic of Mauritania | ar: الجمهورية الإسلامية الموريتانية | fr: République islamique de Mauritanie
MUS MU | Mauritius | | en: Republic of Mauritius | fr: République de Maurice; Île Maurice
MEX MX | Mexico | | en: United Mexican States | es: Estados Unidos Mexicanos
FSM FM | Micronesia | | en: Federated States of Micronesia; Micronesia (Federated States of)
MDA MD | Moldova (Republic of) | | en: Republic of Moldova; Moldova, Republic of | fr: République de Moldova; Moldova | es: República de Moldova | ru: Республика Молдова
MCO MC | Monaco | | en: Principality of Monaco | fr: Principauté de Monaco
MNG MN | Mongolia | |
MNE ME | Montenegro | | other: Crna Gora
MAR MA | Morocco | | en: Kingdom of Morocco | fr: Royaume du Maroc | ar: المملكة المغربية
MOZ MZ | Mozambique | | en: Republic of Mozambique
MMR MM | Myanmar | | en: Burma; Republic of the Union of Myanmar
NAM NA | Namibia | | en: Republic of Namibia
NRU NR | Nauru | | en: Republic of Nauru
NPL NP | Nepal | |
NLD NL | Netherlands | | en: The Netherlands; Holland; Kingdom of the Netherlands; Netherlands (Kingdom of the) | fr: Royaume des Pays-Bas | other: Nederland
NZL NZ | New Zealand | | other: Aotearoa
NIC NI | Nicaragua | | en: Republic of Nicaragua
NER NE | Niger | | en: Republic of the Niger; Republic of Niger | fr: République du Niger
NGA NG | Nigeria | | en: Federal Republic of Nigeria
MKD MK | North Macedonia | | en: Republic of North Macedonia; Macedonia; The former Yugoslav Republic of Macedonia
NOR NO | Norway | | en: Kingdom of Norway | other: Norge; Noreg
OMN OM | Oman | | en: Sultanate of Oman | ar: سلطنة عمان
PAK PK | Pakistan | | en: Islamic Republic of Pakistan
PLW PW | Palau | | en: Republic of Palau
PAN PA | Panama | | en: Republic of Panama
PNG PG | Papua New Guinea | |
PRY PY | Paraguay | | en: Republic of Paraguay
PER PE | Peru | | en: Republic of Peru
PHL PH | Philippines | | en: Republic of the Philippines
POL PL | Poland | | en: Republic of Poland | other: Polska; Rzeczpospolita Polska
PRT PT | Portugal | | en: Portuguese Republic | fr: République portugaise
QAT QA | Qatar | | en: State of Qatar | ar: دولة قطر
ROU RO | Romania | | other: România
RUS RU | Russian Federation | xn--p1ai; рф | en: Russia | fr: Fédération de Russie | es: Federación de Rusia | ru: Российская Федерация | ar: الاتحاد الروسي | zh: 俄罗斯联邦; 俄羅斯聯邦
RWA RW | Rwanda | | en: Republic of Rwanda | fr: République du Rwanda
KNA KN | Saint Kitts and Nevis | | en: St Kitts and Nevis; Federation of Saint Kitts and Nevis; Saint Kitts; St Kitts
LCA LC | Saint Lucia | | en: St Lucia
VCT VC | Saint Vincent and the Grenadines | | en: St Vincent and the Grenadines; Saint Vincent & the Grenadines; Saint Vincent; St Vincent
WSM WS | Samoa | | en: Independent State of Samoa
SMR SM | San Marino | | en: Republic of San Marino
STP ST | Sao Tome and Principe | | en: São Tomé and Príncipe; Democratic Republic of Sao Tome and Principe; Sao Tome; São Tomé
SAU SA | Saudi Arabia | xn--mgberp4a5d4ar; السعودية | en: Kingdom of Saudi Arabia; KSA | ar: المملكة العربية السعودية
SEN SN | Senegal | | en: Republic of Senegal; Senegal (Republic of) | fr: République du Sénégal
SRB RS | Serbia | xn--90a3ac; срб | en: Republic of Serbia | other: Srbija; Србија
SYC SC | Seychelles | | en: Republic of Seychelles | fr: République des Seychelles
SLE SL | Sierra Leone | | en: Republic of Sierra Leone
SGP SG | Singapore | | en: Republic of Singapore; Singapore (Republic of)
SVK SK | Slovakia | | en: Slovak Republic | other: Slovensko
SVN SI | Slovenia | | en: Republic of Slovenia | other: Slovenija
SLB SB | Solomon Islands | |
SOM SO | Somalia | | en: Federal Republic of Somalia
ZAF ZA | South Africa | | en: Republic of South Africa; South Africa (Republic of)
SSD SS | South Sudan | | en: Republic of South Sudan
ESP ES | Spain | | en: Kingdom of Spain | es: Reino de España
LKA LK | Sri Lanka | | en: Democratic Socialist Republic of Sri Lanka
SDN SD | Sudan | | en: The Sudan; Republic of the Sudan
SUR SR | Suriname | | en: Surinam; Republic of Suriname
SWE SE | Sweden | | en: Kingdom of Sweden | other: Sverige
CHE CH | Switzerland | | en: Swiss Confederation; Switzerland (Confederation of) | fr: Confédération suisse | other: Schweiz; Svizzera; Svizra; Schweizerische Eidgenossenschaft; Confederazione Svizzera
SYR SY | Syrian Arab Republic | | en: Syria | fr: République arabe syrienne | es: República Árabe Siria | ru: Сирийская Арабская Республика | ar: الجمهورية العربية السورية; الجمهورية العربية السورية | zh: 阿拉伯叙利亚共和国
TJK TJ | Tajikistan | | en: Republic of Tajikistan
TZA TZ | Tanzania | | en: United Republic of Tanzania; Tanzania (United Republic of); Tanzania, United Republic of | fr: République-Unie de Tanzanie | es: República Unida de Tanzanía | ru: Объединенная Республика Танзания | ar: جمهورية تنزانيا المتحدة | zh: 坦桑尼亚联合共和国
THA TH | Thailand | xn--o3cw4h; ไทย | en: Kingdom of Thailand
TLS TL | Timor-Leste | | en: East Timor; Democratic Republic of Timor-Leste
TGO TG | Togo | | en: Togolese Republic | fr: République togolaise
TON TO | Tonga | | en: Kingdom of Tonga
TTO TT | Trinidad and Tobago | | en: Trinidad & Tobago; Republic of Trinidad and Tobago; Trinidad
TUN TN | Tunisia | | en: Republic of Tunisia | ar: الجمهورية التونسية | fr: République tunisienne
TUR TR | Türkiye | | en: Turkey; Turkiye; Republic of Türkiye; Republic of Turkey | fr: Türkiye | es: Türkiye | ru: Турецкая Республика; Түркие | other: Türkiye Cumhuriyeti
TKM TM | Turkmenistan | |
TUV TV | Tuvalu | |
UGA UG | Uganda | | en: Republic of Uganda
UKR UA | Ukraine | xn--j1amh; укр | other: Україна
ARE AE | United Arab Emirates | xn--mgbaam7a8h; امارات | en: UAE; U.A.E. | ar: الإمارات العربية المتحدة; الإمارات
GBR GB | United Kingdom | uk | en: United Kingdom of Great Britain and Northern Ireland; Great Britain; Britain; UK; U.K.; England; Scotland; Wales; Northern Ireland | fr: Royaume-Uni de Grande-Bretagne et d'Irlande du Nord; Grande-Bretagne | es: Reino Unido de Gran Bretaña e Irlanda del Norte; Gran Bretaña | ru: Соединенное Королевство; Соединенное Королевство Великобритании и Северной Ирландии | ar: المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية; بريطانيا | zh: 大不列颠及北爱尔兰联合王国; 联合王国; 北爱尔兰
USA US | United States | gov; mil | en: United States of America; USA; U.S.A.; U.S. | fr: États-Unis d'Amérique | es: Estados Unidos de América; EE.UU.; EEUU | ru: Соединенные Штаты Америки; США | ar: الولايات المتحدة الأمريكية | zh: 美利坚合众国
URY UY | Uruguay | | en: Oriental Republic of Uruguay | es: República Oriental del Uruguay
UZB UZ | Uzbekistan | | en: Republic of Uzbekistan
VUT VU | Vanuatu | | en: Republic of Vanuatu
VAT VA | Vatican | | en: Vatican City State; Holy See; Vatican City State (Holy See) | fr: Vatican; Saint-Siège; Cité du Vatican | es: Santa Sede; Vaticano | ru: Святейший Престол; Ватикан | ar: الكرسي الرسولي; دولة مدينة الفاتيكان | zh: 梵蒂冈城国; 教廷 | other: Città del Vaticano; Stato della Città del Vaticano; Santa Sede
VEN VE | Venezuela (Bolivarian Republic of) | | en: Bolivarian Republic of Venezuela; Venezuela, Bolivarian Republic of | es: República Bolivariana de Venezuela; Venezuela (República Bolivariana de)
VNM VN | Viet Nam | | en: Vietnam; Socialist Republic of Viet Nam; Socialist Republic of Vietnam | fr: Viet Nam; République socialiste du Viet Nam | es: Viet Nam | ru: Социалистическая Республика Вьетнам | other: Việt Nam
YEM YE | Yemen | | en: Republic of Yemen | ar: الجمهورية اليمنية
ZMB ZM | Zambia | | en: Republic of Zambia
ZWE ZW | Zimbabwe | | en: Republic of Zimbabwe
"""


def is_cjk(c):
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FFFF
        or 0xF900 <= o <= 0xFAFF
        or 0x3040 <= o <= 0x30FF
        or 0xAC00 <= o <= 0xD7AF
        or 0x1100 <= o <= 0x11FF
        or 0x3130 <= o <= 0x318F
    )


SPECIAL = {
    "ß": "ss", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ٱ": "ا", "ـ": "",
}
APOSTROPHES = "'\u2019\u2018\u02bc`"


def fold(name, join_apostrophes):
    """Tokens of a name, folded as src/reference/member_states.rs folds them (for the conflict check)."""
    tokens, cur = [], []

    def flush():
        if cur:
            tokens.append("".join(cur))
            cur.clear()

    for c in name:
        if 0xAC00 <= ord(c) <= 0xD7AF:
            pieces = [c.lower()]
        else:
            pieces = []
            for d in unicodedata.normalize("NFKD", c):
                if unicodedata.category(d).startswith("M"):
                    continue
                for low in d.lower():
                    if unicodedata.category(low).startswith("M"):
                        continue
                    pieces.append(SPECIAL.get(low, low))
        for piece in pieces:
            for f in piece:
                if is_cjk(f):
                    flush()
                    tokens.append(f)
                elif f in APOSTROPHES:
                    if not join_apostrophes:
                        flush()
                elif f.isalnum():
                    cur.append(f)
                else:
                    flush()
    flush()
    return tuple(tokens)


def parse_hand():
    rows = []
    for line in HAND.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        codes = parts[0].split()
        if len(codes) != 2 or len(parts) < 3:
            sys.exit(f"bad HAND line: {line}")
        iso3, iso2 = codes
        tlds = [t.strip() for t in parts[2].split(";") if t.strip()]
        aliases = {}
        for part in parts[3:]:
            if not part:
                continue
            lang, _, names = part.partition(":")
            lang = lang.strip()
            if lang not in PRIMARY + ["other"]:
                sys.exit(f"bad language {lang!r} in HAND line: {line}")
            aliases.setdefault(lang, []).extend(n.strip() for n in names.split(";") if n.strip())
        rows.append({"iso3": iso3, "iso2": iso2, "name": parts[1], "tlds": tlds, "aliases": aliases})
    return rows


def main():
    rows = parse_hand()
    if len(rows) != 194:
        sys.exit(f"expected 194 Member States, HAND has {len(rows)}")
    alpha3 = {k: v for k, v in get_global("territory_aliases").items() if len(k) == 3 and k.isalpha()}
    seen3, seen2 = set(), set()
    for r in rows:
        if r["iso3"] in seen3 or r["iso2"] in seen2:
            sys.exit(f"duplicate code in HAND: {r['iso3']} {r['iso2']}")
        seen3.add(r["iso3"])
        seen2.add(r["iso2"])
        if alpha3.get(r["iso3"]) != [r["iso2"]]:
            sys.exit(f"CLDR maps {r['iso3']} to {alpha3.get(r['iso3'])}, HAND says {r['iso2']}")

    locales = {lang: Locale.parse(lang).territories for lang in PRIMARY + SECONDARY}
    zh_hant = Locale.parse("zh_Hant").territories

    owner = {}  # folded tokens -> iso3
    notes = []

    def claim(name, iso3, secondary):
        keys = {fold(name, False), fold(name, True)}
        keys.discard(())
        if not keys:
            return False
        for k in keys:
            other = owner.get(k)
            if other is not None and other != iso3:
                if secondary:
                    notes.append(f"dropped {name!r} for {iso3}: also names {other}")
                    return False
                sys.exit(f"name {name!r} points at both {other} and {iso3}")
        for k in keys:
            owner[k] = iso3
        return True

    out_rows = []
    # Primary names first so that a secondary-language clash drops the secondary name.
    cells = {}
    for r in rows:
        iso2, iso3 = r["iso2"], r["iso3"]
        cell = {lang: [] for lang in PRIMARY + ["other"]}

        def add(lang, name, secondary=False):
            name = name.strip()
            if name and name not in cell[lang] and claim(name, iso3, secondary):
                cell[lang].append(name)

        add("en", r["name"])
        for lang in PRIMARY:
            cldr = locales[lang].get(iso2)
            if cldr is None:
                sys.exit(f"CLDR has no {lang} name for {iso2}")
            add(lang, cldr)
            for a in r["aliases"].get(lang, []):
                add(lang, a)
        hant = zh_hant.get(iso2)
        if hant:
            add("zh", hant)
        for a in r["aliases"].get("other", []):
            if all(a not in cell[lang] for lang in PRIMARY):
                add("other", a)
        cells[iso3] = cell
    for r in rows:
        cell = cells[r["iso3"]]
        for lang in SECONDARY:
            cldr = locales[lang].get(r["iso2"])
            if cldr and cldr not in SECONDARY_DENY and cldr not in cell["other"]:
                if all(cldr not in cell[lang2] for lang2 in PRIMARY) and claim(cldr, r["iso3"], True):
                    cell["other"].append(cldr)

    for r in rows:
        cell = cells[r["iso3"]]
        tlds = [r["iso2"].lower()] + [t for t in r["tlds"] if t != r["iso2"].lower()]
        fields = [r["iso3"], r["iso2"], r["name"], "|".join(tlds)]
        fields += ["|".join(cell[lang]) for lang in PRIMARY + ["other"]]
        for f in fields:
            if "\t" in f or "\n" in f:
                sys.exit(f"tab or newline in {f!r}")
        out_rows.append(fields)

    out_rows.sort(key=lambda f: f[0])
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(
            f"# ITU Member States ({len(out_rows)}). Generated by scripts/gen_member_states.py from "
            f"CLDR {get_cldr_version()} (babel {babel.__version__}) and the script's hand-kept table; do not edit by hand.\n"
        )
        fh.write("iso3\tiso2\tname\tcctld\ten\tfr\tes\tru\tar\tzh\tother\n")
        for f in out_rows:
            fh.write("\t".join(f) + "\n")
    for n in notes:
        print(n, file=sys.stderr)
    print(f"wrote {OUT}: {len(out_rows)} Member States")


if __name__ == "__main__":
    main()
