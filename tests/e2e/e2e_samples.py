#!/usr/bin/python3
"""Golden end-to-end test: greenmine over the bundled samples.

Checks that every contract output exists and is well formed for every package,
that the scorer's figures reach the levels recorded in tests/e2e/thresholds.json
(measured, and raised as the reader improves — never lowered to make a test
pass), that the inbox is byte-identical afterwards, and that a second run
reuses every record and writes the same results.
"""
import hashlib, json, os, shutil, subprocess, sys, time
import e2e_common

def sha_tree(root):
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            with open(p, 'rb') as fh:
                out[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return out

def load_tsv(path):
    with open(path, encoding='utf-8') as fh:
        lines = [l.rstrip('\n').split('\t') for l in fh if l.strip() and not l.startswith('#')]
    return [dict(zip(lines[0], row)) for row in lines[1:]]

def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)

def run(greenmine, inbox, out, src):
    args = [greenmine, 'run', '--inbox', inbox, '--out', out, '--jobs', '2', '--quiet',
            '--blacklist', os.path.join(src, 'samples/blacklist.txt'),
            '--as-of', open(os.path.join(src, 'samples/as_of.txt')).read().strip()]
    t = time.time()
    p = subprocess.run(args, capture_output=True, text=True)
    print(p.stderr[-3000:])
    return p.returncode, time.time() - t, p.stderr

def check_outputs(out, src, entries):
    fields = [r['key'] for r in load_tsv(os.path.join(src, 'templates/fields.tsv'))]
    kinds = [r['kind'] for r in load_tsv(os.path.join(src, 'templates/checklist.tsv'))]
    codes = {r['code'] for r in load_tsv(os.path.join(src, 'templates/findings.tsv'))}
    recs = {}
    for name in os.listdir(os.path.join(out, 'records')):
        with open(os.path.join(out, 'records', name), encoding='utf-8') as fh:
            r = json.load(fh)
        recs[r['source']] = r
        if r['schema'] != 'greenmine.record/1': fail('schema in ' + name)
        if name != r['package_id'] + '.json': fail('file name vs package_id ' + name)
        if list(r['fields'].keys()) != fields: fail('field keys of ' + name)
        if sorted(r['checklist'].keys()) != sorted(kinds): fail('checklist kinds of ' + name)
        for f in r['findings']:
            if f['code'] not in codes: fail('unknown finding code %s in %s' % (f['code'], name))
            if f['severity'] not in ('error', 'warning', 'info'): fail('severity in ' + name)
        for f in r['files']:
            if len(f['sha256']) != 64: fail('sha256 in ' + name)
        if not os.path.isfile(os.path.join(out, 'review', r['package_id'] + '.xlsx')):
            fail('no review workbook for ' + name)
    if sorted(recs) != sorted(entries): fail('records for %s, inbox has %s' % (sorted(recs), sorted(entries)))
    with open(os.path.join(out, 'records.jsonl'), encoding='utf-8') as fh:
        lines = [json.loads(l) for l in fh if l.strip()]
    if sorted(l['source'] for l in lines) != sorted(entries): fail('records.jsonl sources')
    if not os.path.isfile(os.path.join(out, 'summary.xlsx')): fail('no summary.xlsx')
    return recs

def main():
    a = e2e_common.start()
    src = a.source
    inbox = os.path.join(src, 'samples/inbox')
    entries = sorted(e for e in os.listdir(inbox) if not e.startswith('.'))
    if not entries: fail('no samples in ' + inbox)
    out = os.path.join(a.work, 'out')
    before = sha_tree(inbox)

    code, first, _ = run(a.greenmine, inbox, out, src)
    if code != 0: fail('first run exited %d' % code)
    check_outputs(out, src, entries)
    if sha_tree(inbox) != before: fail('the inbox changed during the run')
    # Every workbook the samples produce, opened with a real spreadsheet reader.
    wb = subprocess.run([sys.executable, os.path.join(src, 'tests/e2e/check_workbooks.py'), out],
                        capture_output=True, text=True)
    print(wb.stdout[-3000:], wb.stderr[-3000:])
    if wb.returncode != 0: fail('workbook check failed')
    # And with LibreOffice, as a reviewer's machine would open them: each must convert to a PDF.
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if soffice:
        books = [os.path.join(out, 'review', n) for n in sorted(os.listdir(os.path.join(out, 'review')))]
        books.append(os.path.join(out, 'summary.xlsx'))
        pdfdir = os.path.join(a.work, 'pdf')
        lo = subprocess.run([soffice, '--headless', '-env:UserInstallation=file://' + os.path.join(a.work, 'lo-profile'),
                             '--convert-to', 'pdf', '--outdir', pdfdir] + books, capture_output=True, text=True, timeout=600)
        made = sorted(os.listdir(pdfdir)) if os.path.isdir(pdfdir) else []
        want = sorted(os.path.splitext(os.path.basename(b))[0] + '.pdf' for b in books)
        if made != want: fail('LibreOffice converted %s, expected %s: %s' % (made, want, lo.stderr[-2000:]))
        print('LibreOffice opened and converted %d workbooks' % len(made))
    else:
        print('LibreOffice not installed: skipped its check (scripts/setup-deps.sh --test installs it)')

    score = subprocess.run([sys.executable, os.path.join(src, 'scripts/score'), '--out', out,
                            '--truth', os.path.join(src, 'samples/truth'), '--json'],
                           capture_output=True, text=True)
    if score.returncode != 0: fail('scorer failed: ' + score.stderr)
    figures = json.loads(score.stdout)
    print(json.dumps(figures, ensure_ascii=False, indent=1)[:4000])
    with open(os.path.join(src, 'tests/e2e/thresholds.json')) as fh:
        thresholds = json.load(fh)
    for path, minimum in thresholds.items():
        v = figures
        for part in path.split('.'):
            v = v[part]
        # Error rates and the review load are ceilings; the rest are floors.
        ceiling = path.endswith(('cer', 'silent_errors', 'review_load'))
        ok = v <= minimum if ceiling else v >= minimum
        print('%-40s %8.4f  (%s %.4f)' % (path, v, '<=' if ceiling else '>=', minimum))
        if not ok: fail('%s is %.4f, threshold %.4f' % (path, v, minimum))

    snapshot = {n: open(os.path.join(out, 'records', n), 'rb').read() for n in os.listdir(os.path.join(out, 'records'))}
    code, second, log = run(a.greenmine, inbox, out, src)
    if code != 0: fail('second run exited %d' % code)
    if ('%d reused' % len(entries)) not in log: fail('second run did not reuse every record')
    again = {n: open(os.path.join(out, 'records', n), 'rb').read() for n in os.listdir(os.path.join(out, 'records'))}
    if again != snapshot: fail('second run changed the records')
    print('first run %.1f s, second run %.1f s (%.1f%%)' % (first, second, 100 * second / max(first, 1e-9)))
    print('1 passed, 0 failed')

if __name__ == '__main__':
    main()
