#!/usr/bin/python3
"""Kill -9 at random moments, then re-run: no output file is ever half
written, and the finished run gives the same records as an uninterrupted one.
Uses a few sample packages to stay quick."""
import json, os, random, shutil, signal, subprocess, sys, time, zipfile
import e2e_common

def run_args(gm, inbox, out, src):
    return [gm, 'run', '--inbox', inbox, '--out', out, '--jobs', '2', '--quiet',
            '--blacklist', os.path.join(src, 'samples/blacklist.txt'),
            '--as-of', open(os.path.join(src, 'samples/as_of.txt')).read().strip()]

def whole_outputs(out):
    """Every output file under its final name is whole: JSON parses, workbooks are valid zips."""
    problems = []
    for d, ext in (('records', '.json'), ('review', '.xlsx')):
        for n in os.listdir(os.path.join(out, d)) if os.path.isdir(os.path.join(out, d)) else []:
            p = os.path.join(out, d, n)
            # A temporary file ("name.tmp-PID-N.xlsx") is not under its final name: a killed
            # writer may leave it half-written; the next run sweeps it (checked at the end).
            if not n.endswith(ext) or '.tmp-' in n: continue
            try:
                if ext == '.json': json.load(open(p, encoding='utf-8'))
                elif zipfile.ZipFile(p).testzip() is not None: problems.append(p)
            except Exception as e:
                problems.append('%s: %s' % (p, e))
    jl = os.path.join(out, 'records.jsonl')
    if os.path.exists(jl):
        try:
            [json.loads(l) for l in open(jl, encoding='utf-8') if l.strip()]
        except Exception as e:
            problems.append('records.jsonl: %s' % e)
    sm = os.path.join(out, 'summary.xlsx')
    if os.path.exists(sm):
        try:
            zipfile.ZipFile(sm).testzip()
        except Exception as e:
            problems.append('summary.xlsx: %s' % e)
    return problems

def records(out):
    return {n: json.load(open(os.path.join(out, 'records', n), encoding='utf-8'))
            for n in sorted(os.listdir(os.path.join(out, 'records')))}

def add_options(ap):
    ap.add_argument('--packages', type=int, default=3)
    ap.add_argument('--kills', type=int, default=4)

def main():
    a = e2e_common.start(add_options)
    inbox = os.path.join(a.work, 'inbox')
    os.makedirs(inbox)
    samples = os.path.join(a.source, 'samples/inbox')
    for e in sorted(os.listdir(samples))[: a.packages]:
        src = os.path.join(samples, e)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(inbox, e))

    ref = os.path.join(a.work, 'ref')
    t = time.time()
    if subprocess.run(run_args(a.greenmine, inbox, ref, a.source)).returncode != 0: sys.exit('reference run failed')
    full = time.time() - t
    out = os.path.join(a.work, 'out')
    rng = random.Random(20261124)
    failures = []
    for k in range(a.kills):
        p = subprocess.Popen(run_args(a.greenmine, inbox, out, a.source), stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.05, full * 0.9)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        problems = whole_outputs(out)
        print('kill %d after %.2f s: %s' % (k + 1, delay, 'outputs whole' if not problems else problems))
        failures += problems
    if subprocess.run(run_args(a.greenmine, inbox, out, a.source)).returncode != 0: failures.append('final run failed')
    if records(out) != records(ref): failures.append('records after kills differ from the uninterrupted run')
    if sorted(os.listdir(os.path.join(out, 'review'))) != sorted(os.listdir(os.path.join(ref, 'review'))):
        failures.append('review workbooks differ in number or names')
    leftovers = [n for d in ('records', 'review', '.') for n in os.listdir(os.path.join(out, d)) if '.tmp' in n]
    if leftovers: failures.append('temporary files left: %s' % leftovers)
    for f in failures: print('FAIL:', f)
    print('%d passed, %d failed' % (0 if failures else 1, 1 if failures else 0))
    sys.exit(1 if failures else 0)

if __name__ == '__main__':
    main()
