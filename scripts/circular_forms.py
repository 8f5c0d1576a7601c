"""The reply form of any TSB Circular, built with the habits fixtures' form writer.

`habits_lang.py` and `habits_form.py` write the form of TSB Circular 77 (Study Group 11); their
wording is fixed when the module is imported. `circular(number, sg, drafts)` loads fresh copies of
both with another circular's number, study group and drafts, so that the inbox and senders
fixtures (scripts/make-inbox-fixtures.py, scripts/make-senders-fixtures.py) can write the forms
of several circulars in one run without copying the form writer.
"""

import importlib.util
import os
import re
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))


def _lang_module(number, sg, drafts):
    src = open(os.path.join(HERE, 'habits_lang.py'), encoding='utf-8').read()
    listing = ', '.join(f'{k} ({p})' if p else k for k, p, _ in drafts)
    listing_zh = '、'.join(f'{k} ({p})' if p else k for k, p, _ in drafts)
    src = re.sub(r'^CIRCULAR = \d+$', f'CIRCULAR = {number}', src, count=1, flags=re.M)
    src = re.sub(r'^SG = \d+$', f'SG = {sg}', src, count=1, flags=re.M)
    src = re.sub(r'^DRAFTS = \[.*?^\]$', 'DRAFTS = ' + repr(list(drafts)), src, count=1, flags=re.M | re.S)
    src = re.sub(r"^LIST = '.*'$", 'LIST = ' + repr(listing), src, count=1, flags=re.M)
    src = re.sub(r"^LIST_ZH = '.*'$", 'LIST_ZH = ' + repr(listing_zh), src, count=1, flags=re.M)
    if not any(kind == 'amendment' for _, _, kind in drafts):
        # the subject line of a circular without an amendment does not announce one
        src = src.replace(' and draft Amendment {LIST}', ' {LIST}')
        src = src.replace(" et le projet d'Amendement {LIST}", ' {LIST}')
        src = src.replace(' y el proyecto de Enmienda {LIST}', ' {LIST}')
        src = src.replace(' и проекту Поправки {LIST}', ' {LIST}')
        src = src.replace(' ومشروع التعديل', '')
        src = src.replace('、修订建议书草案和修正草案', '和修订建议书草案')
    mod = types.ModuleType(f'habits_lang_{number}')
    exec(compile(src, f'habits_lang[{number}]', 'exec'), mod.__dict__)
    return mod


def circular(number, sg, drafts):
    """A module with `build(spec, path)`, `DRAFTS`, `L`, `CIRCULAR`, `SG` for this circular."""
    lang = _lang_module(number, sg, drafts)
    saved = sys.modules.get('habits_lang')
    sys.modules['habits_lang'] = lang
    try:
        spec = importlib.util.spec_from_file_location(f'habits_form_{number}', os.path.join(HERE, 'habits_form.py'))
        form = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(form)
    finally:
        if saved is not None:
            sys.modules['habits_lang'] = saved
        else:
            del sys.modules['habits_lang']
    form.CIRCULAR, form.SG, form.L = number, sg, lang.L
    return form
