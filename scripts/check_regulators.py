#!/usr/bin/env python3
"""Check data/regulators.tsv and print its coverage and its ambiguities.

Run from anywhere:

    python3 scripts/check_regulators.py

data/regulators.tsv is hand-kept: when it was written no well-kept public list of the
Member States' telecommunication ministries and regulators was reachable (no network, and
no package in the PyPI or npm lists carries one), so it was written from knowledge, and a
row was left out rather than guessed. Edit it by hand and run this script.

Columns (tab separated, after one `#` header line; '|' between the values of one cell):
  iso3         the Member State, as in data/member_states.tsv
  kind         `regulator` (regulatory authority, spectrum agency) or `ministry`
               (ministry, department, government agency of ministerial rank)
  acronym      the acronyms the body signs with (may be empty); case as written
  name         the English name
  other_names  names in the state's official languages, in French/Spanish/Russian/Arabic/
               Chinese where known, and former names still seen in letterheads
  domain       the web and e-mail domain, where known

Errors (exit status 1): a malformed row, an unknown iso3 or kind, a duplicate row, a
domain claimed by two states. Printed for the reader of the data (not errors): acronyms and
names that several states share -- an acronym or name alone is ambiguous there and must not
decide the Member State -- and acronyms that are also ordinary words or too short to match
alone.
"""

import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
TABLE = os.path.join(DATA, "regulators.tsv")
STATES = os.path.join(DATA, "member_states.tsv")
COLUMNS = ["iso3", "kind", "acronym", "name", "other_names", "domain"]
KINDS = {"regulator", "ministry"}
DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
# Acronyms that are words (en/fr/es/pt) or common abbreviations in a reply's text: they may
# only confirm a state found another way. Acronyms shorter than three letters likewise.
COMMON_WORDS = {"ARE", "ART", "OUR", "SIT", "INT", "ANC", "ECA", "TAS", "CAM", "ACM", "ATT", "ICT", "MIC"}
MIN_ALONE = 3


def fold(text):
    """Case- and accent-insensitive form, words joined by one space."""
    out = []
    for c in unicodedata.normalize("NFKD", text):
        if unicodedata.category(c) == "Mn":
            continue
        out.append(c.casefold() if c.isalnum() else " ")
    return " ".join("".join(out).split())


def read_states():
    with open(STATES, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return {line.split("\t")[0]: line.split("\t")[2] for line in lines[1:]}


def read_rows(errors):
    with open(TABLE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines[0].startswith("#"):
        errors.append("line 1: the provenance header line is missing")
    if lines[1].split("\t") != COLUMNS:
        errors.append(f"line 2: header must be {COLUMNS}")
    rows = []
    for n, line in enumerate(lines[2:], start=3):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            errors.append(f"line {n}: {len(cells)} cells, want {len(COLUMNS)}")
            continue
        if any(c != c.strip() or "||" in c or c.startswith("|") or c.endswith("|") for c in cells):
            errors.append(f"line {n}: stray space or empty '|' value")
        rows.append((n, dict(zip(COLUMNS, cells))))
    return rows


def split(cell):
    return [v for v in cell.split("|") if v]


def check_rows(rows, states, errors):
    seen = {}
    domains = {}
    for n, r in rows:
        if r["iso3"] not in states:
            errors.append(f"line {n}: {r['iso3']} is not in data/member_states.tsv")
        if r["kind"] not in KINDS:
            errors.append(f"line {n}: kind {r['kind']!r} is not one of {sorted(KINDS)}")
        if not r["name"]:
            errors.append(f"line {n}: no name")
        key = (r["iso3"], fold(r["name"]))
        if key in seen:
            errors.append(f"line {n}: same state and name as line {seen[key]}")
        seen[key] = n
        for d in split(r["domain"]):
            if not DOMAIN.match(d):
                errors.append(f"line {n}: {d!r} does not look like a domain")
            if d in domains and domains[d][0] != r["iso3"]:
                errors.append(f"line {n}: domain {d} also belongs to line {domains[d][1]}")
            domains[d] = (r["iso3"], n)


def shared(rows, values_of):
    """value -> sorted iso3s, for values that more than one state uses."""
    by_value = {}
    for _, r in rows:
        for v in values_of(r):
            by_value.setdefault(v, set()).add(r["iso3"])
    return {v: sorted(s) for v, s in sorted(by_value.items()) if len(s) > 1}


def acronyms_folded(r):
    return {a.upper() for a in split(r["acronym"])}


def names_folded(r):
    return {fold(x) for x in [r["name"]] + split(r["other_names"])}


def report(rows, states):
    with_regulator = {r["iso3"] for _, r in rows if r["kind"] == "regulator"}
    with_any = {r["iso3"] for _, r in rows}
    kinds = {k: sum(1 for _, r in rows if r["kind"] == k) for k in sorted(KINDS)}
    print(f"{len(rows)} rows ({', '.join(f'{v} {k}' for k, v in kinds.items())})")
    print(f"Member States with a regulator: {len(with_regulator)} of {len(states)}")
    print(f"Member States with any row: {len(with_any)} of {len(states)}")
    missing = sorted(set(states) - with_any)
    print(f"no row ({len(missing)}): {' '.join(missing)}")
    only_ministry = sorted(with_any - with_regulator)
    print(f"a ministry but no regulator ({len(only_ministry)}): {' '.join(only_ministry)}")
    print("ambiguous acronyms (an acronym alone must not decide the state):")
    for a, isos in shared(rows, acronyms_folded).items():
        print(f"  {a}: {' '.join(isos)}")
    print("names shared by several states (a name alone must not decide either):")
    for name, isos in shared(rows, names_folded).items():
        print(f"  {name}: {' '.join(isos)}")
    weak = sorted(
        {a for _, r in rows for a in split(r["acronym"]) if a.upper() in COMMON_WORDS or len(a) < MIN_ALONE}
    )
    print(f"acronyms that only confirm (ordinary words, or under {MIN_ALONE} letters): {' '.join(weak)}")


def main():
    errors = []
    states = read_states()
    rows = read_rows(errors)
    check_rows(rows, states, errors)
    report(rows, states)
    if errors:
        print("\n".join(["errors:"] + errors), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
