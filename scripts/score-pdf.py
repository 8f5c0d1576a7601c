#!/usr/bin/env python3
"""Scores replytally on the exported PDFs of tests/fixtures/pdf (issue 14).

Runs `replytally extract` on each exported PDF and compares decision and comments per draft
with truth.json. Prints per-file misses and totals; --json writes the totals as JSON.
Usage: scripts/score-pdf.py [--bin target/debug/replytally] [--kind exported_plain] [--json F]
"""
import argparse, json, subprocess, sys, os

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/debug/replytally")
ap.add_argument("--kind", action="append")
ap.add_argument("--json")
ap.add_argument("--docx", action="store_true", help="score the source .docx instead, for comparison")
a = ap.parse_args()
root = "tests/fixtures/pdf"
truth = json.load(open(f"{root}/truth.json"))
kinds = a.kind or ["exported_plain", "exported_fields"]
tot = {k: {"decisions": 0, "decisions_right": 0, "options": 0, "options_right": 0, "files": 0, "read": 0} for k in kinds}
for f in truth["files"]:
    if f["kind"] not in kinds:
        continue
    t = tot[f["kind"]]
    t["files"] += 1
    path = f["source"] if a.docx else f"{root}/{f['files'][0]}"
    out = subprocess.run([a.bin, "extract", path], capture_output=True, text=True)
    rec = json.loads(out.stdout)
    got = {}
    if rec["replies"]:
        t["read"] += 1
        for ans in rec["replies"][0]["answers"]:
            got[ans["draft"]] = ans
    else:
        print(f"{path}: no reply: {rec['failures']}")
    for ans in f["answers"]:
        g = got.get(ans["draft"]) or next((x for x in got.values() if x.get("provisional") and x.get("provisional") == ans.get("provisional")), None)
        t["decisions"] += 1
        dec = g["decision"] if g else None
        if dec == ans["decision"]:
            t["decisions_right"] += 1
        else:
            print(f"{path}: {ans['draft']}: decision {dec} (truth {ans['decision']}, {ans.get('evidence')})")
        if ans["decision"] == "authorize":
            t["options"] += 1
            com = g["comments"] if g else None
            if com == ans["comments"] and dec == "authorize":
                t["options_right"] += 1
            else:
                print(f"{path}: {ans['draft']}: comments {com} (truth {ans['comments']})")
for k, t in tot.items():
    d = 100 * t["decisions_right"] / max(1, t["decisions"])
    o = 100 * t["options_right"] / max(1, t["options"])
    t["decisions_pct"], t["options_pct"] = round(d, 1), round(o, 1)
    print(f"{k}: {t['read']}/{t['files']} read, decisions {t['decisions_right']}/{t['decisions']} ({d:.1f} %), options {t['options_right']}/{t['options']} ({o:.1f} %)")
if a.json:
    json.dump(tot, open(a.json, "w"), indent=1)
