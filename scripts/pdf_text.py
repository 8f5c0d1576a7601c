"""Whether a PDF's pdftotext output shows a text of the truth (shared by the PDF fixture
scripts). Folds what pdftotext does to Arabic: bidi controls added, lam-alef ligatures read
in visual order ("لا" as "ال", "لإ" as "إل")."""
import re
import subprocess

BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"), None)
LIGATURES = {"لا": "ال", "لإ": "إل", "لأ": "أل", "لآ": "آل"}


def pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                          text=True).stdout


def fold(text):
    text = text.translate(BIDI).lower()
    for a, b in LIGATURES.items():
        text = text.replace(a, b)
    return text


def shows(page_text, text):
    """True when text (from the truth) can be read in page_text (from pdftotext)."""
    page, text = fold(page_text), fold(text)
    if re.sub(r"\s+", "", text) in re.sub(r"\s+", "", page):
        return True
    page_words = set(re.findall(r"\w+", page))
    want = re.findall(r"\w+", text)
    return sum(w not in page_words for w in want) <= len(want) // 10
