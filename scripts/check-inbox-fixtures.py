#!/usr/bin/env python3
"""Checks tests/fixtures/inbox/ (or, with --senders, tests/fixtures/senders/) against its truth
by rendering every document as a person would see it.

Inbox: every message of the mbox (Python's `mailbox.mbox`), of the Maildir (`mailbox.Maildir`)
and every loose `.eml` is parsed and its attachments taken out (forwarded message/rfc822 parts
too); each reply of the truth must be found where the truth says (container, attachment name,
Message-ID) with the same SHA-256; the messages the truth lists as holding no reply must hold no
reply form. Then each reply is rendered with LibreOffice (PDF → pdftotext, and LibreOffice's
text export) and must show: its circular's number, every draft of its circular, the sender's
clue, every reason/comment word for word, and at least one typed X / ● per marked line where the
reply was marked that way. Senders: each file renders, shows the circular's number, both drafts
and the sender clue (letterheads in word/header1.xml included).

    python3 scripts/check-inbox-fixtures.py [--senders] [--out DIR]

On a busy machine LibreOffice sometimes leaves a batch unconverted ("no PDF"): run it again, it
converts only what is missing. Both sets passed with 0 problems (31 inbox replies and 9 blank
forms; 33 senders files).
"""

import email
import email.policy
import hashlib
import importlib.util
import json
import mailbox
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
_spec = importlib.util.spec_from_file_location('check_habits', os.path.join(ROOT, 'scripts', 'check-habits-fixtures.py'))
H = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(H)
FIX = os.path.join(ROOT, 'tests', 'fixtures')
DOCX_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'


def attachments(msg):
    """(file name, bytes) of every .docx in a message, forwarded messages included."""
    out = []
    for part in msg.walk():
        if part.get_content_type() == DOCX_CT:
            out.append((part.get_filename(), part.get_payload(decode=True)))
    return out


def messages():
    """{container: [(message number or None, Message-ID, subject, [(name, bytes)])]}"""
    base = os.path.join(FIX, 'inbox')
    got = {}
    for n, m in enumerate(mailbox.mbox(os.path.join(base, 'mbox', 'Inbox.mbox')), 1):
        got.setdefault('mbox/Inbox.mbox', []).append((n, m['Message-ID'], m['Subject'], attachments(m)))
    md = mailbox.Maildir(os.path.join(base, 'maildir', 'SG-replies'), factory=None, create=False)
    for key in md.keys():
        m = md[key]
        sub = 'new' if m.get_subdir() == 'new' else 'cur'
        name = key + (f':{m.get_info()}' if m.get_info() else '')
        got[f'maildir/SG-replies/{sub}/{name}'] = [(None, m['Message-ID'], m['Subject'], attachments(m))]
    for d in ('loose', 'later'):
        for f in sorted(os.listdir(os.path.join(base, d))):
            p = os.path.join(base, d, f)
            if f.endswith('.eml'):
                m = email.message_from_binary_file(open(p, 'rb'), policy=email.policy.compat32)
                got[f'{d}/{f}'] = [(None, m['Message-ID'], m['Subject'], attachments(m))]
            elif f.endswith('.docx'):
                got[f'{d}/{f}'] = [(None, None, None, [(None, open(p, 'rb').read())])]
    return got


def check_inbox(outdir):
    truth = json.load(open(os.path.join(FIX, 'inbox_expected.json'), encoding='utf-8'))
    got = messages()
    problems = []
    work = os.path.join(outdir, 'src')
    os.makedirs(work, exist_ok=True)
    todo = []  # (path, reply truth, circular truth)
    for c in truth['circulars']:
        for r in c['replies'] + c.get('later', []):
            msgs = got.get(r['container'], [])
            hit = None
            for n, mid, _, atts in msgs:
                if r['message'] is not None and n != r['message']:
                    continue
                if r['message_id'] and mid != r['message_id']:
                    continue
                for name, data in atts:
                    if name == r['attachment']:
                        hit = data
            if hit is None:
                problems.append(f"{r['source']}: not found in the export")
                continue
            if hashlib.sha256(hit).hexdigest() != r['sha256']:
                problems.append(f"{r['source']}: bytes differ from the truth's sha256")
            p = os.path.join(work, f"{c['number']}_{r['member_state']['iso3']}.docx")
            open(p, 'wb').write(hit)
            todo.append((p, r, c))
    forms = [os.path.join(FIX, 'inbox', f) for c in truth['circulars'] for f in c['forms'].values()]
    for nr in truth['no_reply']:
        for n, mid, subj, atts in got.get(nr['where'].split(',')[0], []):
            if nr['where'].startswith('mbox') and nr['where'] != f'mbox/Inbox.mbox, message {n}':
                continue
            for name, data in atts:
                # the only form a no-reply message may hold is a blank one, byte for byte
                blanks = {hashlib.sha256(open(f, 'rb').read()).hexdigest() for f in forms}
                if hashlib.sha256(data).hexdigest() not in blanks:
                    problems.append(f"{nr['where']}: holds {name}, the truth says no reply")
    H.render([p for p, _, _ in todo] + forms, outdir)
    for f in forms:
        if not os.path.exists(H.pdf_of(f, outdir)):
            problems.append(f'{f}: blank form does not render')
    for p, r, c in todo:
        problems += check_page(p, outdir, r['language'], str(c['number']), [d['draft'] for d in c['drafts']],
                               r['answers'], clue_of(r), r['source'])
    return len(todo), problems


def clue_of(r):
    return r['render_clue']


def check_page(p, outdir, lang, number, drafts, answers, clue, label):
    problems = []
    pdf = H.pdf_of(p, outdir)
    if not os.path.exists(pdf):
        return [f'{label}: no PDF (LibreOffice could not open it)']
    ar = lang == 'ar'
    text = H.page_text(pdf)
    sk = H.skeleton(text, ar)
    lsk = H.skeleton(H.lo_text(p, outdir), ar)
    if len(sk) < 400:
        problems.append(f'{label}: the page is nearly empty')
    if number not in text:
        problems.append(f'{label}: circular number {number} not on the page')
    for d in drafts:
        if H.skeleton(d.split(' ')[0], ar) not in sk:
            problems.append(f'{label}: draft {d} not on the page')
    if clue and H.skeleton(clue, ar) not in sk and H.skeleton(clue, ar) not in lsk:
        problems.append(f'{label}: sender clue {clue!r} not on the page')
    for a in answers or []:
        if a.get('text') and H.skeleton(a['text'], ar) not in sk:
            problems.append(f"{label}: {a['draft']}: text not on the page: {a['text'][:50]!r}")
    if answers:
        n_opt = sum(a.get('comments') in ('no_comments', 'with_comments') for a in answers)
        if lsk.count('●') + lsk.count('X') < n_opt:
            problems.append(f'{label}: fewer ● / X on the page than options marked ({n_opt})')
    return problems


def check_senders(outdir):
    truth = json.load(open(os.path.join(FIX, 'senders_expected.json'), encoding='utf-8'))
    base = os.path.join(FIX, 'senders', 'replies')
    files = [os.path.join(base, f) for f in truth['files']]
    H.render(files, outdir)
    problems = []
    for f, t in truth['files'].items():
        p = os.path.join(base, f)
        problems += check_page(p, outdir, t['language'], '233', ['Y.4237', 'Y.4496'], None, t['render_clue'], f)
        if hashlib.sha256(open(p, 'rb').read()).hexdigest() != t['sha256']:
            problems.append(f'{f}: sha256 differs')
    return len(files), problems


def main():
    args = sys.argv[1:]
    senders = '--senders' in args
    outdir = args[args.index('--out') + 1] if '--out' in args else ('/tmp/senders-render' if senders else '/tmp/inbox-render')
    os.makedirs(outdir, exist_ok=True)
    n, problems = check_senders(outdir) if senders else check_inbox(outdir)
    for pr in problems:
        print('PROBLEM', pr)
    print(f'{n} replies found, rendered and checked; {len(problems)} problems; PDFs in {outdir}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
