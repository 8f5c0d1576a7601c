#!/usr/bin/env python3
"""Generate data/symbol_fonts.tsv: Symbol, Wingdings 1-3 and Webdings -> Unicode.

Regenerate (from the repository root):

    npm install --prefix /tmp/dtu dingbat-to-unicode@1.0.2
    python3 scripts/gen_symbol_fonts.py /tmp/dtu/node_modules/dingbat-to-unicode

Source: the npm package `dingbat-to-unicode` 1.0.2 (the table mammoth uses;
Copyright (c) 2021, Michael Williamson; BSD-2-Clause). Its licence travels with the
generated file: a header line in the TSV and data/LICENSE-dingbat-to-unicode.txt (copied
from the package by this script). pandoc's table is GPL-2+ and is not used.

The package keys its table by the font's low byte (0x20-0xFF). Word writes a symbol
either as that byte or as the private-use code U+F000 + byte (`w:sym w:char="F06C"`), so
a reader subtracts 0xF000 from a code in U+F020..U+F0FF before looking it up.

Each row gets a class derived from the resulting *character*, never from the code (the
same code means different things in different fonts): the lists in CLASSES below are the
whole classification, one reviewable place. A character in no list is `other`.

It also writes data/glyph_classes.tsv, the CLASSES lists themselves (unicode, class,
name), so that a glyph typed in an ordinary font (☐ in MS Gothic, ✗ in Segoe UI Symbol) is
classed by the same lists as one drawn by a symbol font.

Output columns (tab separated, one row per font and code, after one `#` header line):
  font (Symbol, Wingdings, Wingdings 2, Wingdings 3, Webdings), code (two hex digits,
  the low byte), unicode (hex code point, at least four digits), class, name (the
  Unicode character name, for review).

The script stops if the table does not hold the values the project documents
(EXPECTED below, from DEPENDENCIES.md and FORM.md) or if a listed character is in two
classes.
"""

import os
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(DATA, "symbol_fonts.tsv")
CLASSES_OUT = os.path.join(DATA, "glyph_classes.tsv")
LICENCE_OUT = os.path.join(DATA, "LICENSE-dingbat-to-unicode.txt")
PACKAGE = "dingbat-to-unicode"
VERSION = "1.0.2"

# The package's upper-case keys, and the spelling Word uses in w:rFonts / w:sym.
FONTS = {
    "SYMBOL": "Symbol",
    "WINGDINGS": "Wingdings",
    "WINGDINGS 2": "Wingdings 2",
    "WINGDINGS 3": "Wingdings 3",
    "WEBDINGS": "Webdings",
}

# The classification. Each entry: class -> characters, with the reason for the borderline
# ones. Characters not in any of the five fonts are listed too, so that the same lists can
# classify a glyph typed directly in a normal font.
CLASSES = {
    # An empty square a person may fill.
    "box_empty": [
        "\u2610",  # ☐ BALLOT BOX
        "\u25A1",  # □ WHITE SQUARE
        "\u2B1C",  # ⬜ WHITE LARGE SQUARE (Webdings 63, the form's empty box)
        "\u25A2",  # ▢ WHITE SQUARE WITH ROUNDED CORNERS
        "\u2B1A",  # ⬚ DOTTED SQUARE
        "\u274F",  # ❏ LOWER RIGHT DROP-SHADOWED WHITE SQUARE
        "\u2750",  # ❐ UPPER RIGHT DROP-SHADOWED WHITE SQUARE
        "\u2751",  # ❑ LOWER RIGHT SHADOWED WHITE SQUARE (Wingdings 71)
        "\u2752",  # ❒ UPPER RIGHT SHADOWED WHITE SQUARE (Wingdings 72)
        "\U0001F78E",  # 🞎 LIGHT WHITE SQUARE (Wingdings A8)
        "\U0001F78F",  # 🞏 MEDIUM WHITE SQUARE (Wingdings 6F)
        "\U0001F790",  # 🞐 BOLD WHITE SQUARE
        "\U0001F791",  # 🞑 HEAVY WHITE SQUARE
        "\U0001F792",  # 🞒 VERY HEAVY WHITE SQUARE
        "\U0001F793",  # 🞓 EXTREMELY HEAVY WHITE SQUARE
        # Unicode encoded Wingdings 2's plain square at 2A as EMPTY NOTE PAGE; forms use
        # it as an empty box (FORM.md).
        "\U0001F5C6",  # 🗆 EMPTY NOTE PAGE
    ],
    # A box with a mark in it, or filled in.
    "box_checked": [
        "\u2611",  # ☑ BALLOT BOX WITH CHECK
        "\u2612",  # ☒ BALLOT BOX WITH X
        "\U0001F5F9",  # 🗹 BALLOT BOX WITH BOLD CHECK (Wingdings FE)
        "\U0001F5F7",  # 🗷 BALLOT BOX WITH BOLD SCRIPT X (Wingdings FD)
        "\U0001F5F5",  # 🗵 BALLOT BOX WITH SCRIPT X (Wingdings 2 51)
        "\u2BBD",  # ⮽ BALLOT BOX WITH LIGHT X (Wingdings 2 53)
        "\u22A0",  # ⊠ SQUARED TIMES
        "\u2327",  # ⌧ X IN A RECTANGLE BOX (Wingdings 78)
        "\u2705",  # ✅ WHITE HEAVY CHECK MARK (drawn as a green box with a tick)
        "\u25A3",  # ▣ WHITE SQUARE CONTAINING BLACK SMALL SQUARE (Wingdings 2 A8)
        "\U0001F794",  # 🞔 WHITE SQUARE CONTAINING BLACK VERY SMALL SQUARE
        "\U0001F795",  # 🞕 WHITE SQUARE CONTAINING BLACK MEDIUM SQUARE
        "\U0001F796",  # 🞖 SQUARE TARGET (drawn like ▣)
        # A box-sized black square: the box filled in. Smaller black squares
        # (▪ ◾ ⬝ 🞌 🞍) are bullet sizes and stay `other`.
        "\u25A0",  # ■ BLACK SQUARE
        "\u2B1B",  # ⬛ BLACK LARGE SQUARE
        "\u25FC",  # ◼ BLACK MEDIUM SQUARE (Wingdings 6E; also a list bullet)
        "\u2BC0",  # ⯀ BLACK SQUARE CENTRED
        "\u23F9",  # ⏹ BLACK SQUARE FOR STOP
    ],
    # An empty option circle.
    "circle_empty": [
        "\u25CB",  # ○ WHITE CIRCLE
        "\u25EF",  # ◯ LARGE CIRCLE
        "\u26AA",  # ⚪ MEDIUM WHITE CIRCLE
        "\u2B58",  # ⭘ HEAVY CIRCLE (Wingdings A1)
        "\u20DD",  # ⃝ COMBINING ENCLOSING CIRCLE (the forms' own circle)
        "\U0001F785",  # 🞅 MEDIUM BOLD WHITE CIRCLE
        "\U0001F786",  # 🞆 BOLD WHITE CIRCLE
        "\U0001F787",  # 🞇 HEAVY WHITE CIRCLE
        "\U0001F788",  # 🞈 VERY HEAVY WHITE CIRCLE
        "\U0001F789",  # 🞉 EXTREMELY HEAVY WHITE CIRCLE
        "\U0001F53E",  # 🔾 LOWER RIGHT SHADOWED WHITE CIRCLE
        "\U0001F53F",  # 🔿 UPPER RIGHT SHADOWED WHITE CIRCLE
    ],
    # A circle filled in, or marked inside (a dot, an X): the option chosen.
    "circle_filled": [
        "\u25CF",  # ● BLACK CIRCLE
        "\u26AB",  # ⚫ MEDIUM BLACK CIRCLE (Wingdings 6C)
        "\u2B24",  # ⬤ BLACK LARGE CIRCLE
        "\u23FA",  # ⏺ BLACK CIRCLE FOR RECORD
        "\U0001F784",  # 🞄 BLACK SLIGHTLY SMALL CIRCLE
        "\u25C9",  # ◉ FISHEYE
        "\u25CE",  # ◎ BULLSEYE
        "\u29BF",  # ⦿ CIRCLED BULLET
        "\u2299",  # ⊙ CIRCLED DOT OPERATOR
        "\U0001F78A",  # 🞊 WHITE CIRCLE CONTAINING BLACK SMALL CIRCLE (Wingdings A4)
        "\U0001F78B",  # 🞋 ROUND TARGET
        # A circle crossed out marks the option as chosen (the issue lists ⊗).
        "\u2297",  # ⊗ CIRCLED TIMES (Symbol C4)
        "\u2BBE",  # ⮾ CIRCLED X
        "\u2BBF",  # ⮿ CIRCLED BOLD X
    ],
    "tick": [
        "\u2713",  # ✓ CHECK MARK (Wingdings FC)
        "\u2714",  # ✔ HEAVY CHECK MARK (Webdings 61)
        "\U0001F5F8",  # 🗸 LIGHT CHECK MARK (Wingdings 2 50)
        # People type a square root sign as a tick (Symbol D6).
        "\u221A",  # √ SQUARE ROOT
    ],
    "cross": [
        "\u2717",  # ✗ BALLOT X
        "\u2718",  # ✘ HEAVY BALLOT X
        "\U0001F5F6",  # 🗶 BALLOT BOLD SCRIPT X (Wingdings FB)
        "\U0001F5F4",  # 🗴 BALLOT SCRIPT X (Wingdings 2 4F)
        "\u2715",  # ✕ MULTIPLICATION X
        "\u2716",  # ✖ HEAVY MULTIPLICATION X
        "\u274C",  # ❌ CROSS MARK
        "\u2613",  # ☓ SALTIRE
        "\u2A2F",  # ⨯ VECTOR OR CROSS PRODUCT
        "\u00D7",  # × MULTIPLICATION SIGN (Symbol B4; typed as an X mark)
        "\U0001F5D9",  # 🗙 CANCELLATION X (Webdings 72)
        "\U0001F7A8",  # 🞨 THIN SALTIRE (Wingdings 2 CD..D3: X marks by weight)
        "\U0001F7A9",  # 🞩 LIGHT SALTIRE
        "\U0001F7AA",  # 🞪 MEDIUM SALTIRE
        "\U0001F7AB",  # 🞫 BOLD SALTIRE
        "\U0001F7AC",  # 🞬 HEAVY SALTIRE
        "\U0001F7AD",  # 🞭 VERY HEAVY SALTIRE
        "\U0001F7AE",  # 🞮 EXTREMELY HEAVY SALTIRE
    ],
}

# What the project's notes say the table holds: (font, code, character or class).
EXPECTED = [
    # DEPENDENCIES.md, symbol-font tables row.
    ("Wingdings", 0x6C, "\u26AB"),
    ("Wingdings", 0x6F, "\U0001F78F"),
    ("Wingdings", 0x71, "\u2751"),
    ("Wingdings", 0x78, "\u2327"),
    ("Wingdings", 0xA1, "\u2B58"),
    ("Wingdings", 0xA8, "\U0001F78E"),
    ("Wingdings", 0xFB, "\U0001F5F6"),
    ("Wingdings", 0xFC, "\u2713"),
    ("Wingdings", 0xFD, "\U0001F5F7"),
    ("Wingdings", 0xFE, "\U0001F5F9"),
    # FORM.md, symbol-font row.
    ("Wingdings", 0xFE, "box_checked"),
    ("Wingdings", 0xFD, "box_checked"),
    ("Wingdings", 0x78, "box_checked"),
    ("Wingdings", 0xFC, "tick"),
    ("Wingdings", 0xFB, "cross"),
    ("Wingdings", 0xA8, "box_empty"),
    ("Wingdings", 0x6F, "box_empty"),
    ("Wingdings", 0x71, "box_empty"),
    ("Wingdings", 0x72, "box_empty"),
    ("Wingdings", 0x6C, "circle_filled"),
    ("Wingdings", 0xA1, "circle_empty"),
    ("Wingdings", 0xA4, "circle_filled"),
    ("Wingdings 2", 0x52, "\u2611"),
    ("Wingdings 2", 0x54, "\u2612"),
    ("Wingdings 2", 0x52, "box_checked"),
    ("Wingdings 2", 0x53, "box_checked"),
    ("Wingdings 2", 0x54, "box_checked"),
    ("Wingdings 2", 0x51, "box_checked"),
    ("Wingdings 2", 0x50, "tick"),
    ("Wingdings 2", 0x4F, "cross"),
    ("Wingdings 2", 0xA8, "\u25A3"),
    ("Wingdings 2", 0xA8, "box_checked"),
    ("Wingdings 2", 0xA3, "box_empty"),
    ("Wingdings 2", 0x2A, "box_empty"),
    ("Webdings", 0x61, "tick"),
    ("Webdings", 0x63, "box_empty"),
]

# The package's own count (DEPENDENCIES.md: 1,061 code points).
EXPECTED_ROWS = 1061


def read_table(package_dir):
    """Parse dist/dingbats.js: `"FONT": { byte: codepoint, ... }` blocks."""
    with open(os.path.join(package_dir, "dist", "dingbats.js"), encoding="utf-8") as f:
        js = f.read()
    table = {}
    for m in re.finditer(r'"([A-Z0-9 ]+)":\s*\{([^}]*)\}', js):
        pairs = re.findall(r"(\d+)\s*:\s*(\d+)", m.group(2))
        table[m.group(1)] = {int(k): int(v) for k, v in pairs}
    if set(table) != set(FONTS):
        sys.exit(f"fonts in the package: {sorted(table)}; expected {sorted(FONTS)}")
    return table


def check_version(package_dir):
    with open(os.path.join(package_dir, "package.json"), encoding="utf-8") as f:
        text = f.read()
    if f'"version": "{VERSION}"' not in text or f'"name": "{PACKAGE}"' not in text:
        sys.exit(f"{package_dir} is not {PACKAGE} {VERSION}")


def class_of():
    by_char = {}
    for cls, chars in CLASSES.items():
        for c in chars:
            if c in by_char:
                sys.exit(f"U+{ord(c):04X} is in {by_char[c]} and {cls}")
            by_char[c] = cls
    return lambda c: by_char.get(c, "other")


def rows(table, classify):
    out = []
    for key, font in FONTS.items():
        for code, cp in sorted(table[key].items()):
            if not 0x20 <= code <= 0xFF:
                sys.exit(f"{font} code {code:#x} is outside 0x20..0xFF")
            c = chr(cp)
            out.append((font, code, cp, classify(c), unicodedata.name(c, "")))
    return out


def check_expected(out):
    index = {(font, code): (cp, cls) for font, code, cp, cls, _ in out}
    bad = []
    for font, code, want in EXPECTED:
        cp, cls = index.get((font, code), (None, None))
        got = cls if want in CLASSES else (chr(cp) if cp is not None else None)
        if got != want:
            bad.append(f"{font} {code:02X}: want {want!r}, got {got!r}")
    if len(out) != EXPECTED_ROWS:
        bad.append(f"{len(out)} rows, want {EXPECTED_ROWS}")
    if bad:
        sys.exit("table disagrees with the notes:\n  " + "\n  ".join(bad))


def write(out):
    header = (
        f"# Generated by scripts/gen_symbol_fonts.py from npm {PACKAGE} {VERSION} "
        "(Copyright (c) 2021, Michael Williamson; BSD-2-Clause, see "
        "data/LICENSE-dingbat-to-unicode.txt); do not edit by hand. Look up the low byte: "
        "subtract 0xF000 from a private-use code U+F020..U+F0FF.\n"
    )
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("font\tcode\tunicode\tclass\tname\n")
        for font, code, cp, cls, name in out:
            f.write(f"{font}\t{code:02X}\t{cp:04X}\t{cls}\t{name}\n")


def write_classes():
    with open(CLASSES_OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Generated by scripts/gen_symbol_fonts.py (its CLASSES lists); do not edit by hand. "
            "A character not listed is `other`.\n"
        )
        f.write("unicode\tclass\tname\n")
        for cls, chars in CLASSES.items():
            for c in chars:
                f.write(f"{ord(c):04X}\t{cls}\t{unicodedata.name(c, '')}\n")


def report(out):
    fonts, classes = {}, {}
    for font, _, _, cls, _ in out:
        fonts.setdefault(font, {}).setdefault(cls, 0)
        fonts[font][cls] += 1
        classes[cls] = classes.get(cls, 0) + 1
    print(f"wrote {len(out)} rows to data/symbol_fonts.tsv")
    for font, counts in fonts.items():
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"  {font}: {sum(counts.values())} ({detail})")
    print("  classes: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    package_dir = sys.argv[1]
    check_version(package_dir)
    out = rows(read_table(package_dir), class_of())
    check_expected(out)
    write(out)
    write_classes()
    shutil.copyfile(os.path.join(package_dir, "LICENSE"), LICENCE_OUT)
    report(out)


if __name__ == "__main__":
    main()
