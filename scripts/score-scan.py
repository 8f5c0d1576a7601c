#!/usr/bin/env python3
"""Scores replytally on the simulated scans of tests/fixtures/pdf/scans (issue 14, part 2).

Runs `replytally extract` on each scan file and compares each draft's decision and comments
with truth.json (kind `scan`). A scan sent as one image per page is several files: each is
read on its own (one reply a file), and a draft's answer is taken from the page that shows it
(the first whose answer is not `no_reply`). An answer is *warned* when a warning of the file
names its draft (number or provisional name): the reply-level "read from a scan" note does
not count. Prints misses, totals, the wrong answers not warned and seconds per page.
Usage: scripts/score-scan.py [--bin target/release/replytally] [--json F] [--only NAME]
"""
import argparse, json, subprocess, time

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/replytally")
ap.add_argument("--json")
ap.add_argument("--only", help="score only truth entries whose source contains one of these (comma-separated)")
a = ap.parse_args()
root = "tests/fixtures/pdf"
truth = json.load(open(f"{root}/truth.json"))
t = {"files": 0, "pages": 0, "seconds": 0.0, "decisions": 0, "decisions_right": 0,
     "options": 0, "options_right": 0, "wrong": 0, "wrong_not_warned": 0, "failures": 0}
unwarned = []
for f in truth["files"]:
    if f["kind"] != "scan" or (a.only and not any(o in f["source"] for o in a.only.split(","))):
        continue
    got, warns = {}, []
    for name in f["files"]:
        path = f"{root}/{name}"
        t0 = time.time()
        out = subprocess.run([a.bin, "extract", path], capture_output=True, text=True)
        t["seconds"] += time.time() - t0
        t["files"] += 1
        rec = json.loads(out.stdout)
        if not rec["replies"]:
            t["failures"] += 1
            print(f"{name}: no reply: {rec['failures'] or rec.get('not_forms')}")
            continue
        r = rec["replies"][0]
        warns += r["warnings"]
        for ans in r["answers"]:
            if ans["draft"] not in got or got[ans["draft"]]["decision"] == "no_reply":
                got[ans["draft"]] = ans
    t["pages"] += f["degradation"]["pages"]
    for ans in f["answers"]:
        g = got.get(ans["draft"]) or next((x for x in got.values() if ans.get("provisional") and x.get("provisional") == ans.get("provisional")), None)
        names = [n for n in (ans["draft"], ans.get("provisional")) if n]
        is_warned = any(n in w for w in warns for n in names)
        t["decisions"] += 1
        dec = g["decision"] if g else None
        conf = (g.get("scan") or {}).get("confidence") if g else None
        right = dec == ans["decision"]
        if ans["decision"] == "authorize":
            t["options"] += 1
            com = g["comments"] if g else None
            if right and com == ans["comments"]:
                t["options_right"] += 1
            else:
                right = False
                print(f"{f['source']}: {ans['draft']}: comments {com} (truth {ans['comments']}), confidence {conf}, warned {is_warned}")
        if dec == ans["decision"]:
            t["decisions_right"] += 1
        else:
            print(f"{f['source']}: {ans['draft']}: decision {dec} (truth {ans['decision']}), confidence {conf}, warned {is_warned}")
        if not right:
            t["wrong"] += 1
            if not is_warned:
                t["wrong_not_warned"] += 1
                unwarned.append(f"{f['source']}: {ans['draft']}")
t["decisions_pct"] = round(100 * t["decisions_right"] / max(1, t["decisions"]), 1)
t["options_pct"] = round(100 * t["options_right"] / max(1, t["options"]), 1)
t["seconds_per_page"] = round(t["seconds"] / max(1, t["pages"]), 1)
print(f"scans: {t['files']} files, {t['pages']} pages, {t['failures']} not read; decisions {t['decisions_right']}/{t['decisions']} ({t['decisions_pct']} %), "
      f"options {t['options_right']}/{t['options']} ({t['options_pct']} %); wrong {t['wrong']}, of which not warned {t['wrong_not_warned']}; {t['seconds_per_page']} s a page")
for u in unwarned:
    print(f"  not warned: {u}")
if a.json:
    t["unwarned"] = unwarned
    json.dump(t, open(a.json, "w"), indent=1)
