#!/usr/bin/env python3
"""Scores a run of replytally on tests/fixtures/inbox/ against tests/fixtures/inbox_expected.json.

    python3 scripts/score-inbox.py OUT_DIR [--later]

OUT_DIR is the run's --out: either one circular's outputs directly in it (records.json,
summary.json), or one folder per circular (OUT_DIR/<circular>/records.json) as issue 10 asks;
every records.json below OUT_DIR is read. With --later the truth's tally after the later reply
is used. Measures:
  - replies found: each reply of the truth appears as a reply record (matched by the attachment's
    file name, or the loose file's name, and the container named in the source);
  - assigned: it appears in the outputs of its own circular (the folder's name or the records'
    `circular.number`) and in no other;
  - Member State and per-draft decisions right, on the replies found;
  - no-reply messages that produced a reply record (should be none);
  - tally: per circular and draft, authorize / not_authorize / support / verdict as the truth's.
"""

import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def last(src):
    return os.path.basename(src.split('!')[-1])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    out = args[0]
    later = '--later' in sys.argv
    truth = json.load(open(os.path.join(ROOT, 'tests', 'fixtures', 'inbox_expected.json'), encoding='utf-8'))
    runs = []  # (folder, records, summary)
    for p in sorted(glob.glob(os.path.join(out, '**', 'records.json'), recursive=True)):
        d = os.path.dirname(p)
        s = os.path.join(d, 'summary.json')
        runs.append((os.path.relpath(d, out), json.load(open(p, encoding='utf-8')),
                     json.load(open(s, encoding='utf-8')) if os.path.exists(s) else None))
    print(f'{len(runs)} records.json under {out}: ' + ', '.join(r[0] for r in runs))
    lines = []
    tot = dict(replies=0, found=0, assigned=0, ms=0, answers=0, answers_right=0)
    for c in truth['circulars']:
        want = c['replies'] + (c.get('later', []) if later else [])
        for r in want:
            tot['replies'] += 1
            name = r['attachment'] or os.path.basename(r['container'])
            hits = []
            for folder, rec, _ in runs:
                for x in rec.get('replies', []):
                    if last(x['source']) == name and r['container'].split('/')[-1].split(':')[0] in x['source']:
                        hits.append((folder, x))
            if not hits:
                lines.append(f"- {c['number']} {r['member_state']['iso3']} `{r['source']}`: NOT FOUND")
                continue
            tot['found'] += 1
            folder, x = hits[0]
            mine = [h for h in hits if str(c['number']) in h[0] or ((h[1].get('circular') or {}).get('number') in (c['number'], str(c['number'])))]
            if mine and len(hits) == len(mine):
                tot['assigned'] += 1
            got = (x.get('member_state') or {}).get('iso3')
            tot['ms'] += got == r['member_state']['iso3']
            by = {a['draft']: a for a in x.get('answers', [])}
            wrong = []
            for a in r['answers']:
                tot['answers'] += 1
                g = by.get(a['draft'])
                if g and g['decision'] == a['decision']:
                    tot['answers_right'] += 1
                else:
                    wrong.append(f"{a['draft']}: {a['decision']} read {g['decision'] if g else 'absent'}")
            circ = (x.get('circular') or {}).get('number')
            if got != r['member_state']['iso3'] or wrong or not mine:
                lines.append(f"- {c['number']} {r['member_state']['iso3']} `{x['source']}`: state {got}, circular {circ}"
                             + (f", in {len(hits)} outputs" if len(hits) > 1 else '') + ('; ' + '; '.join(wrong) if wrong else ''))
    nr_hits = []
    for nr in truth['no_reply']:
        where = nr['where'].split(',')[0]
        for folder, rec, _ in runs:
            for x in rec.get('replies', []):
                if os.path.basename(where).split(':')[0] in x['source'] and (
                        'message' not in nr['where'] or f"!{nr['where'].split('message ')[1]}" in x['source']):
                    nr_hits.append(x['source'])
    print(f"replies found {tot['found']}/{tot['replies']}, assigned to their own circular (output folder or the record's circular) {tot['assigned']}/{tot['replies']}, "
          f"Member State right {tot['ms']}/{tot['found']}, decisions right {tot['answers_right']}/{tot['answers']}")
    print(f"no-reply messages read as replies: {len(nr_hits)} {nr_hits}")
    # tallies
    for c in truth['circulars']:
        t = c['tally_after_later'] if later and 'tally_after_later' in c else c['tally']
        summ = None
        for folder, rec, s in runs:
            if s and (str(c['number']) in folder):
                summ = s
        if summ is None and len(runs) == 1:
            summ = runs[0][2]
        got = {d['draft']: d for d in (summ or {}).get('drafts', [])}
        ok = 0
        det = []
        for d in t['drafts']:
            g = got.get(d['draft'])
            same = g is not None and all(g.get(k) == d[k] for k in ('authorize', 'not_authorize', 'support', 'meets_threshold'))
            ok += same
            det.append(f"{d['draft']} truth {d['authorize']}/{d['not_authorize']} {d['support']}% {d['verdict']}; "
                       + (f"read {g['authorize']}/{g['not_authorize']} {g['support']}% {g['meets_threshold']}" if g else 'absent'))
        print(f"tally of {c['number']}: {ok}/{len(t['drafts'])} drafts as the truth")
        for x in det:
            print('    ' + x)
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
