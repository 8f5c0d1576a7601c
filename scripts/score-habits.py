#!/usr/bin/env python3
"""Scores replytally on tests/fixtures/habits/ (issue 12, part 7: generalization, measured before
tuning). Runs the reader twice, as a new user would,

    replytally run tests/fixtures/habits/replies --form tests/fixtures/habits/form/blank_circ77_en.docx --out DIR/with-form
    replytally run tests/fixtures/habits/replies --out DIR/no-form

and compares records.json and summary.json with tests/fixtures/habits_expected.json:

- decisions: every (reply, draft) of the truth; a draft missing from the record counts as no_reply;
- options: the `comments` field, over the truth's authorize answers;
- reasons text: over the truth's answers that carry text (not_authorize, with_comments); exact after
  whitespace normalisation, or near-exact (case, quotes and dashes folded, a typed leading label
  such as "Reasons:" dropped, or a similarity ratio of 0.95 or more); form text leaking into
  answers whose truth text is empty is counted apart ("spurious text");
- Member State (ISO3), and the date;
- the summary per draft against the truth's tally;
- silent wrong answers: an answer whose decision, option or text is wrong and whose reply has no
  warning naming the draft (number, base number or provisional name) and no reply-level warning
  (one that names no draft); the review list of records.json counts as warnings too. A wrong
  Member State with no warning mentioning member state / country / sender is silent too.
- count, no decide: a wrong decision or option (it changes a count) with no unresolved `decide`
  review item listing its draft or naming no draft (issue 13); and the review list's size.

Scores are printed per field, per habit (the truth's `habits` tags: how the boxes were marked, how
the options were marked, where the text is, layout, how the sender is told) and per language.

    python3 scripts/score-habits.py [--set habits|habits2|habits3|habits4|habits5] [--form-lang LANG] [--bin target/release/replytally]
                                    [--out /tmp/habits-score] [--json FILE] [--no-run] [--replies DIR] [--truth FILE]

`--set habits2` (or `habits3`, `habits4`, `habits5`) scores tests/fixtures/habits2/ against tests/fixtures/habits2_expected.json (the
same scoring); `--form-lang` picks the truth's blank form of that language for the --form run (default:
the truth's `form`, the English one). A truth with a `deadline` (habits4) is run with `--deadline` that day.

`--replies DIR` runs the reader on DIR instead of the set's replies/: the same replies in another format
(tests/fixtures/habits4/pdf/, tests/fixtures/habits4/scans/), matched to the truth by file stem
(pdf/NAME.pdf ↔ replies/NAME.docx). The truth is then `<set>_pdf_expected.json` for a folder named pdf and
`<set>_scan_expected.json` for one named scans, when that file exists (else the set's own truth), or `--truth FILE`.
Truth replies with no file in DIR are left out (a scan set holds only some replies).
"""

import collections
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = 'tests/fixtures/habits'
TRUTH = os.path.join(ROOT, 'tests', 'fixtures', 'habits_expected.json')


def norm_ws(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', s or '')).strip()


def fold(s):
    s = norm_ws(unicodedata.normalize('NFKC', s or '')).casefold()
    s = s.translate(str.maketrans({'«': '"', '»': '"', '“': '"', '”': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '\u00a0': ' '}))
    s = re.sub(r'\s*"\s*', '"', s)
    return s.strip(' .。')


LABEL = re.compile(r'^(reasons?|comments?|motifs?|commentaires?|motivos?|comentarios?|причины|замечания|الأسباب|التعليقات|理由|意见)\s*[:：]\s*', re.I)


def text_score(got, want):
    """'exact', 'near' or None."""
    if norm_ws(got) == norm_ws(want):
        return 'exact'
    g, w = fold(LABEL.sub('', fold(got))), fold(LABEL.sub('', fold(want)))
    if g == w:
        return 'near'
    if w and difflib.SequenceMatcher(None, g, w, autojunk=False).ratio() >= 0.95:
        return 'near'
    return None


def dkey(s):
    return re.sub(r'[\s.\-/]', '', (s or '').casefold())


def find_answer(rec, ta):
    keys = {dkey(ta['draft'])}
    if ta.get('provisional'):
        keys.add(dkey(ta['provisional']))
    for a in rec.get('answers') or []:
        if dkey(a.get('draft')) in keys or (a.get('provisional') and dkey(a['provisional']) in keys):
            return a
    return None


def draft_names(ta):
    names = [ta['draft'], ta['draft'].split(' ')[0]]
    if ta.get('provisional'):
        names.append(ta['provisional'])
    return names


ALL_DRAFT_NAMES = None


def warnings_of(rec, review):
    ws = list(rec.get('warnings') or [])
    for item in review:
        ws.append(item.get('message', '') + ' ' + ' '.join(item.get('drafts') or []))
    return ws


def decided(items, ta):
    """Whether a `decide` review item concerns this answer: one listing its draft, or one about
    the whole reply (no drafts listed). Issue 13: every item that could change a count is a decide."""
    names = draft_names(ta)
    for item in items:
        if item.get('severity') != 'decide' or item.get('resolved'):
            continue
        drafts = item.get('drafts') or []
        if not drafts or any(n in d for d in drafts for n in names):
            return True
    return False


def warned(ws, ta, strict=False):
    names = draft_names(ta)
    for w in ws:
        if any(n in w for n in names):
            return True
        if not strict and not any(n in w for n in ALL_DRAFT_NAMES):
            return True  # a reply-level warning
    return False


REPLIES = None  # --replies DIR, or None for the set's replies/
DEADLINE = None


def stem(path):
    name = os.path.basename(path.split('!')[0])
    return os.path.splitext(name)[0] if REPLIES else name


def run(binary, out, form):
    args = [binary, 'run', REPLIES or f'{FIX}/replies', '--out', out, '--no-progress']
    if form:
        args[3:3] = ['--form', f'{FIX}/{form}']
    if DEADLINE:
        args += ['--deadline', DEADLINE]
    p = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    return p.returncode, p.stderr


class Score:
    def __init__(self):
        self.c = collections.Counter()

    def add(self, field, ok):
        self.c[field + '_n'] += 1
        if ok:
            self.c[field + '_ok'] += 1

    def pct(self, field):
        n = self.c[field + '_n']
        return (100.0 * self.c[field + '_ok'] / n, self.c[field + '_ok'], n) if n else (None, 0, 0)

    def fmt(self, field):
        p, ok, n = self.pct(field)
        return '   –   ' if p is None else f'{p:5.1f}% ({ok}/{n})'


def score(truth, out):
    records = json.load(open(os.path.join(out, 'records.json'), encoding='utf-8'))
    summary = json.load(open(os.path.join(out, 'summary.json'), encoding='utf-8'))
    by_name = {}
    for r in records.get('replies', []):
        by_name.setdefault(stem(r['source']), r)
    review = collections.defaultdict(list)
    for item in records.get('review', []) or []:
        review[stem(item.get('source', ''))].append(item)
    total = Score()
    per_tag = collections.defaultdict(Score)
    wrong = []
    silent = []
    undecided = []  # a wrong decision or option (a count changes) with no decide item
    strict = []
    silent_ms = []
    wrong_r = []
    for t in truth['replies']:
        name = stem(t['source'])
        h = t['habits']
        m = h['mark'].split(':')
        tags = ['mark=' + (':'.join(m[:3]) if m[0] == 'sym' else ':'.join(m[:2])),
                'options=' + h['options'].strip(),
                'lang=' + t['language']]
        tags += ['text=' + p for p in h['text_places']]
        tags += ['layout=' + p for p in h['layout']]
        tags += ['sender=' + p for p in h['sender']]
        tags += ['mark_by=' + v.split(':')[0] for v in h['mark_by'].values()]
        if t.get('tracked_changes'):
            tags.append('tracked_changes')
        rec = by_name.get(name)
        scs = [total] + [per_tag[x] for x in tags]
        if rec is None:
            for a in t['answers']:
                for s in scs:
                    s.add('decision', False)
                    if a['decision'] == 'authorize':
                        s.add('options', False)
                    if a['text']:
                        s.add('text', False)
            for s in scs:
                s.add('member_state', False)
                s.add('date', False)
            wrong_r.append(f'{name}: no record (failure?)')
            silent.append(f'{name}: no record')
            continue
        ws = warnings_of(rec, review.get(name, []))
        ms_ok = (rec.get('member_state') or {}).get('iso3') == t['member_state']['iso3']
        sup = rec.get('superseded_by')
        sup_ok = (stem(sup) if sup else None) == (stem(t['superseded_by']) if t.get('superseded_by') else None)
        for s in scs:
            s.add('member_state', ms_ok)
            s.add('date', rec.get('date') == t['date'])
            s.add('counted', sup_ok)
        if not sup_ok:
            wrong_r.append(f'{name}: superseded_by {os.path.basename(sup) if sup else None}, want {t.get("superseded_by")} '
                         f'(left out of the tally)')
        if not ms_ok:
            got = (rec.get('member_state') or {}).get('iso3')
            wrong_r.append(f'{name}: member_state {got}, want {t["member_state"]["iso3"]}')
            if not any(re.search(r'member.?state|country|sender|mission|switzerland', w, re.I) for w in ws):
                silent_ms.append(f'{name}: member_state {got}, want {t["member_state"]["iso3"]} (no warning)')
        for ta in t['answers']:
            a = find_answer(rec, ta)
            got_dec = a['decision'] if a else 'no_reply'
            dec_ok = got_dec == ta['decision']
            bad = []
            if not dec_ok:
                bad.append(f'decision {got_dec}, want {ta["decision"]}')
            for s in scs:
                s.add('decision', dec_ok)
            if ta['decision'] == 'authorize':
                got_c = a.get('comments') if a else None
                ok = dec_ok and got_c == ta['comments']
                for s in scs:
                    s.add('options', ok)
                if not ok and dec_ok:
                    bad.append(f'comments {got_c}, want {ta["comments"]}')
            got_t = (a.get('text') if a else '') or ''
            if ta['text']:
                ts = text_score(got_t, ta['text'])
                for s in scs:
                    s.add('text', ts is not None)
                    s.add('text_exact', ts == 'exact')
                if ts is None:
                    bad.append(f'text {got_t[:70]!r}, want {ta["text"][:50]!r}')
            else:
                spurious = bool(norm_ws(got_t)) and (ta['decision'] in ('authorize', 'not_authorize'))
                for s in scs:
                    s.add('no_spurious_text', not spurious)
                if spurious:
                    bad.append(f'spurious text {got_t[:70]!r}')
            for s in scs:
                s.add('answer', not bad)
            if bad:
                msg = f'{name}: {ta["draft"]}: ' + '; '.join(bad)
                wrong.append(msg)
                if not warned(ws, ta):
                    silent.append(msg)
                if not warned(ws, ta, strict=True):
                    strict.append(msg)
                counts = not dec_ok or (ta['decision'] == 'authorize' and a and a.get('comments') != ta['comments'])
                if counts and not decided(review.get(name, []), ta):
                    undecided.append(msg)
    # the tally
    tally_rows = []
    tally_ok = True
    for td in truth['tallies']['drafts']:
        sd = next((d for d in summary.get('drafts', []) if dkey(d.get('draft')) == dkey(td['draft'])), None)
        fields = ['authorize', 'with_comments', 'not_authorize', 'conflict', 'no_reply', 'support', 'meets_threshold']
        got = [sd.get(f) if sd else None for f in fields]
        want = [td[f] for f in fields]
        same = [g == w or (isinstance(g, (int, float)) and isinstance(w, (int, float)) and abs(g - w) < 0.051) for g, w in zip(got, want)]
        tally_ok &= all(same)
        tally_rows.append((td['draft'], got, want, all(same)))
    extra = [d.get('draft') for d in summary.get('drafts', [])
             if not any(dkey(d.get('draft')) == dkey(td['draft']) for td in truth['tallies']['drafts'])]
    sev = collections.Counter(i.get('severity') for i in records.get('review', []) or [] if not i.get('resolved'))
    return dict(undecided=undecided, review=sev, total=total, per_tag=per_tag, wrong=wrong, wrong_r=wrong_r, silent=silent, strict=strict, silent_ms=silent_ms, tally=tally_rows, tally_ok=tally_ok,
                extra_drafts=extra, replied=(summary.get('member_states_replied'), truth['tallies']['member_states_replied']),
                failures=records.get('failures', []))


FIELDS = [('answer', 'answers all right'), ('decision', 'decisions'), ('options', 'options'), ('text', 'reasons text'),
          ('text_exact', '  of which exact'), ('no_spurious_text', 'no spurious text'),
          ('member_state', 'Member State'), ('counted', 'not superseded'), ('date', 'date')]


def report(title, res, code):
    print(f'\n## {title}  (exit status {code})\n')
    tot = res['total']
    for f, label in FIELDS:
        print(f'  {label:18} {tot.fmt(f)}')
    n_answers = tot.c['decision_n']
    print(f'  {"wrong answers":18} {len(res["wrong"])} (of {n_answers}; a decision, option or text wrong)')
    print(f'  {"wrong replies":18} {len(res["wrong_r"])} (Member State wrong, or superseded when it should count)')
    print(f'  {"silent wrong":18} {len(res["silent"])} answers (wrong, and no warning naming the draft nor any reply-level warning)')
    print(f'  {"silent wrong MS":18} {len(res["silent_ms"])} replies (Member State wrong, no warning about the sender)')
    print(f'  {"unwarned draft":18} {len(res["strict"])} (wrong answers with no warning naming their draft; reply-level warnings not counted)')
    print(f'  {"count, no decide":18} {len(res["undecided"])} (a wrong decision or option with no decide item for its draft or reply)')
    rv = res['review']
    print(f'  {"review list":18} {rv["decide"]} decide, {rv["check"]} check, {rv["note"]} note (unresolved)')
    for w in res['undecided']:
        print(f'    no decide: {w}')
    if res['failures']:
        print(f'  failures: {len(res["failures"])}: ' + '; '.join(f'{f["source"]}: {f["kind"]}' for f in res['failures'][:5]))
    print(f'\n  summary: member_states_replied got {res["replied"][0]}, want {res["replied"][1]}; '
          f'{"EXACT" if res["tally_ok"] and res["replied"][0] == res["replied"][1] and not res["extra_drafts"] else "NOT exact"}')
    print('  draft          got (A, with_c, N, C, no_reply, support, meets)      want')
    for d, got, want, ok in res['tally']:
        print(f'  {"  " if ok else "✗ "}{d:13} {str(got):46} {want}')
    if res['extra_drafts']:
        print(f'  drafts in the summary that are not on the form: {res["extra_drafts"]}')
    print('\n  per habit, worst first (answers all right | decisions | options | text | Member State):')
    rows = []
    for tag, s in res['per_tag'].items():
        rows.append((s.pct('answer')[0], tag, s))
    # a tag whose replies all failed has no 'answer' count (None): first
    for _, tag, s in sorted(rows, key=lambda r: (-1 if r[0] is None else r[0], r[1])):
        print(f'    {tag:32} {s.fmt("answer"):16} {s.fmt("decision"):16} {s.fmt("options"):16} {s.fmt("text"):16} {s.fmt("member_state")}')
    print('\n  wrong answers:')
    silent = set(res['silent'])
    strict = set(res['strict'])
    for w in res['wrong']:
        print(f'    {"✗" if w in silent else "·" if w in strict else " "} {w}')
    print('\n  wrong replies:')
    for w in res['wrong_r']:
        print(f'      {w}')
    for w in res['silent_ms']:
        print(f'    ✗ {w}')
    print('  (✗ silent; · warned only by a reply-level warning, none naming the draft)')
    print(f'  ({n_answers} answers in all)')


def as_json(res):
    tot = res['total']
    return {
        **{f: tot.pct(f)[0] for f, _ in FIELDS},
        'wrong': len(res['wrong']), 'silent_wrong': len(res['silent']), 'silent_wrong_member_state': len(res['silent_ms']),
        'unwarned_draft': len(res['strict']), 'count_no_decide': len(res['undecided']),
        'review_decide': res['review']['decide'], 'review_check': res['review']['check'], 'review_note': res['review']['note'],
        'summary_exact': bool(res['tally_ok'] and res['replied'][0] == res['replied'][1] and not res['extra_drafts']),
        'per_habit': {tag: {f: s.pct(f)[0] for f in ('answer', 'decision', 'options', 'text', 'member_state')}
                      for tag, s in sorted(res['per_tag'].items())},
        'wrong_answers': res['wrong'], 'wrong_replies': res['wrong_r'], 'silent_answers': res['silent'], 'silent_member_states': res['silent_ms'],
        'unwarned_draft_answers': res['strict'],
    }


def main():
    global ALL_DRAFT_NAMES
    args = sys.argv[1:]
    opt = lambda k, d: args[args.index(k) + 1] if k in args else d  # noqa: E731
    binary = opt('--bin', None)
    global FIX, TRUTH
    name = opt('--set', 'habits')
    FIX = f'tests/fixtures/{name}'
    TRUTH = os.path.join(ROOT, 'tests', 'fixtures', f'{name}_expected.json')
    out = opt('--out', f'/tmp/{name}-score')
    global REPLIES, DEADLINE
    REPLIES = opt('--replies', None)
    if REPLIES:
        REPLIES = os.path.relpath(os.path.abspath(REPLIES), ROOT)
        kind = {'pdf': 'pdf', 'scans': 'scan'}.get(os.path.basename(os.path.normpath(REPLIES)))
        alt = os.path.join(ROOT, 'tests', 'fixtures', f'{name}_{kind}_expected.json') if kind else None
        if alt and os.path.exists(alt):
            TRUTH = alt
    TRUTH = opt('--truth', TRUTH)
    truth = json.load(open(TRUTH, encoding='utf-8'))
    DEADLINE = truth.get('deadline')
    if REPLIES:  # score only the replies that are in DIR
        have = {os.path.splitext(f)[0] for _, _, fs in os.walk(os.path.join(ROOT, REPLIES)) for f in fs}
        truth['replies'] = [t for t in truth['replies'] if stem(t['source']) in have]
        print(f'scoring {len(truth["replies"])} replies in {REPLIES} against {os.path.relpath(TRUTH, ROOT)}')
    form_file = truth['forms'][opt('--form-lang', None)] if '--form-lang' in args else truth.get('form', 'form/blank_circ77_en.docx')
    ALL_DRAFT_NAMES = sorted({n for ta in truth['replies'][0]['answers'] for n in draft_names(ta)})
    runs = [('with --form', os.path.join(out, 'with-form'), form_file), ('without --form', os.path.join(out, 'no-form'), None)]
    if binary is None:
        b = subprocess.run(['cargo', 'build', '--release', '--quiet'], cwd=ROOT)
        if b.returncode:
            sys.exit('cargo build --release failed')
        binary = os.path.join(ROOT, 'target', 'release', 'replytally')
    results = {}
    for title, d, form in runs:
        code = None
        if '--no-run' not in args:
            os.makedirs(d, exist_ok=True)
            code, err = run(binary, d, form)
            if not os.path.exists(os.path.join(d, 'records.json')):
                print(f'{title}: no records.json (exit {code})\n{err[-2000:]}')
                continue
        res = score(truth, d)
        report(f'{title}: {len(truth["replies"])} replies, {res["total"].c["decision_n"]} answers', res, code)
        results[title] = as_json(res)
    print('\n## in short\n')
    print(f'  {"":18} ' + ''.join(f'{t:>16}' for t in results))
    for f, label in FIELDS + [('wrong', 'wrong answers'), ('silent_wrong', 'silent wrong'),
                              ('silent_wrong_member_state', 'silent wrong MS'),
                              ('unwarned_draft', 'unwarned draft'), ('count_no_decide', 'count, no decide'),
                              ('review_decide', 'review: decide'), ('review_check', 'review: check'),
                              ('review_note', 'review: note'), ('summary_exact', 'summary exact')]:
        vals = []
        for t in results:
            v = results[t][f]
            vals.append(f'{v:15.1f}%' if isinstance(v, float) else f'{str(v):>16}')
        print(f'  {label:18} ' + ''.join(vals))
    if '--json' in args:
        with open(opt('--json', None), 'w', encoding='utf-8') as fh:
            json.dump(results, fh, ensure_ascii=False, indent=2)


if __name__ == '__main__':
    main()
