#!/usr/bin/env python3
"""Scores a run of replytally on tests/fixtures/senders/ against tests/fixtures/senders_expected.json.

    target/release/replytally run tests/fixtures/senders/replies --form tests/fixtures/inbox/forms/blank_circ233_en.docx --out /tmp/senders
    python3 scripts/score-senders.py /tmp/senders/records.json [--json]

Measures, over the files:
  - Member State accuracy: on files a person can settle (decide: false), the reply's iso3 is the truth's;
  - silent wrong ones: a reply whose iso3 is not the truth's (a state where the truth has none
    counts) with no review item about who sent it (kinds naming a state, an administration or a
    member) — the worst outcome, a wrong count nobody is asked to look at;
  - decide items flagged: on files where the sources disagree or nothing tells (decide: true), a
    `decide` review item about who sent it; and, as noise, such items on files that need none.
A file matches a reply or failure by its file name (the source's last part).
"""

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def about_sender(item):
    k = item.get('kind', '')
    return any(w in k for w in ('state', 'administration', 'member', 'sender'))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    rec = json.load(open(args[0] if args else '/tmp/senders/records.json', encoding='utf-8'))
    truth = json.load(open(os.path.join(ROOT, 'tests', 'fixtures', 'senders_expected.json'), encoding='utf-8'))['files']
    replies = {os.path.basename(r['source'].split('!')[-1]): r for r in rec.get('replies', [])}
    failures = {os.path.basename(f['source']): f for f in rec.get('failures', [])}
    review = {}
    for it in rec.get('review', []):
        review.setdefault(os.path.basename(it['source'].split('!')[-1]), []).append(it)
    rows, n_ok, n_settle, silent, flagged, n_decide, noise, missing = [], 0, 0, [], 0, 0, [], []
    for f, t in truth.items():
        r = replies.get(f)
        items = [i for i in review.get(f, []) if about_sender(i)]
        dec_items = [i for i in items if i.get('severity') == 'decide']
        if r is None:
            missing.append(f)
            rows.append((f, t, 'FAILURE: ' + failures.get(f, {}).get('kind', 'not in records'), '', ''))
            n_settle += not t['decide']
            n_decide += t['decide']
            continue
        got = (r.get('member_state') or {}).get('iso3')
        right = got == t['iso3']
        if not t['decide']:
            n_settle += 1
            n_ok += right
        else:
            n_decide += 1
            flagged += bool(dec_items)
        if not right and not items:
            silent.append(f)
        if not t['decide'] and dec_items:
            noise.append(f)
        rows.append((f, t, got, ', '.join(f"{i['severity']}:{i['kind']}" for i in items), 'ok' if right else 'WRONG'))
    out = {
        'files': len(truth), 'replies_read': len(truth) - len(missing),
        'member_state_accuracy': round(100.0 * n_ok / n_settle, 1) if n_settle else None,
        'member_state_right': n_ok, 'settleable': n_settle,
        'silent_wrong': silent, 'decide_flagged': flagged, 'decide_files': n_decide,
        'decide_noise': noise, 'missing': missing,
    }
    if '--json' in sys.argv:
        print(json.dumps(out, indent=2))
        return
    print('| file | truth | decide | read | sender items | |')
    print('| --- | --- | --- | --- | --- | --- |')
    for f, t, got, items, ok in rows:
        tr = t['iso3'] or 'none (' + '/'.join(t['candidates']) + ')'
        print(f"| `{f}` | {tr} | {'yes' if t['decide'] else ''} | {got} | {items} | {ok} |")
    print()
    print(f"Member State right on {n_ok} of {n_settle} files a person can settle ({out['member_state_accuracy']} %)")
    print(f"Silent wrong (wrong state, no item about the sender): {len(silent)}: {', '.join(silent) or '—'}")
    print(f"Decide items raised where the sources disagree or nothing tells: {flagged} of {n_decide}")
    print(f"Decide items about the sender on files that need none: {len(noise)}: {', '.join(noise) or '—'}")
    if missing:
        print(f"Not read as replies: {', '.join(missing)}")


if __name__ == '__main__':
    main()
