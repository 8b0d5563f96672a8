#!/usr/bin/python3
"""Hostile input end to end: greenmine over an inbox of broken and malicious
files finishes in bounded time and memory, gives every bad file a finding,
still reads every good file beside it, and writes nothing outside its output
folder."""
import argparse, json, os, resource, shutil, subprocess, sys, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--greenmine', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--max-seconds', type=float, default=900)
    ap.add_argument('--max-rss-mb', type=float, default=3072)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    subprocess.run([sys.executable, os.path.join(a.source, 'tests/hostile/make_hostile.py'), a.work], check=True)
    expect = json.load(open(os.path.join(a.work, 'expect.json')))
    out = os.path.join(a.work, 'out')
    t = time.time()
    p = subprocess.run([a.greenmine, 'run', '--inbox', os.path.join(a.work, 'inbox'), '--out', out, '--jobs', '2',
                        '--quiet', '--as-of', '2025-06-30'], capture_output=True, text=True, timeout=a.max_seconds)
    seconds = time.time() - t
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(p.stderr[-4000:])
    print('hostile inbox: %.1f s, peak RSS %.0f MB, exit %d' % (seconds, rss_mb, p.returncode))
    failures = []
    if p.returncode != 0: failures.append('exit status %d (every package should be processed)' % p.returncode)
    if rss_mb > a.max_rss_mb: failures.append('peak RSS %.0f MB over %.0f MB' % (rss_mb, a.max_rss_mb))
    if os.path.exists('/tmp/greenmine-absolute.txt'): failures.append('an archive member was written to /tmp')
    records = {}
    for name in os.listdir(os.path.join(out, 'records')):
        r = json.load(open(os.path.join(out, 'records', name), encoding='utf-8'))
        records[r['source']] = r
    for pkg, want in expect.items():
        r = records.get(pkg)
        if r is None:
            failures.append('%s: no record' % pkg)
            continue
        unreadable = {f['field'] for f in r['findings'] if f['code'] == 'unreadable_input'}
        for f in r['files']:
            if '..' in f['path'].split('/') or f['path'].startswith('/'):
                failures.append('%s: unsafe path kept: %s' % (pkg, f['path']))
        for bad in want['bad']:
            hit = [f for f in r['files'] if bad in f['path'] and f['error']]
            if not hit and not any(bad in u for u in unreadable):
                failures.append('%s: no error or finding for %s' % (pkg, bad))
            for f in hit:
                if not any(f['path'] == u for u in unreadable):
                    failures.append('%s: %s has an error but no unreadable_input finding' % (pkg, f['path']))
        for ok in want['ok']:
            good = [f for f in r['files'] if f['path'].endswith(ok) and not f['error'] and (f['pages'] or 0) > 0]
            if not good:
                failures.append('%s: good file %s was not read: %s' % (pkg, ok, json.dumps(r['files'], ensure_ascii=False)))
    for f in failures:
        print('FAIL:', f)
    print('%d passed, %d failed' % (len(expect) - len({f.split(':')[0] for f in failures}), len(failures)))
    sys.exit(1 if failures else 0)

if __name__ == '__main__':
    main()
