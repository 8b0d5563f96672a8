"""Load the contract tables from the spec directory."""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SPEC_DIRS = [os.path.join(REPO, 'spec'), '/work/shared/spec']


def spec_dir():
    env = os.environ.get('GREENMINE_SPEC')
    if env:
        return env
    for d in SPEC_DIRS:
        if os.path.exists(os.path.join(d, 'fields.tsv')):
            return d
    raise SystemExit('spec directory with fields.tsv not found (set GREENMINE_SPEC)')


def _read(name):
    with open(os.path.join(spec_dir(), name), encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


_cache = {}


def fields():
    if 'fields' not in _cache:
        rows = _read('fields.tsv')
        for r in rows:
            r['values'] = [v for v in r['values'].split('|') if v] if r.get('values') else []
            r['required'] = r['required'] == 'yes'
        _cache['fields'] = rows
    return _cache['fields']


def field_map():
    return {r['key']: r for r in fields()}


def catalog():
    if 'catalog' not in _cache:
        _cache['catalog'] = _read('catalog.tsv')
    return _cache['catalog']


def catalog_map():
    return {r['code']: r for r in catalog()}


def checklist():
    if 'checklist' not in _cache:
        _cache['checklist'] = _read('checklist.tsv')
    return _cache['checklist']


def findings():
    if 'findings' not in _cache:
        _cache['findings'] = {r['code']: r for r in _read('findings.tsv')}
    return _cache['findings']
