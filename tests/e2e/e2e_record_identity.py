#!/usr/bin/python3
"""Record identity on the samples: greenmine over samples/inbox must write the
records of tests/e2e/golden/samples_records/ exactly (scripts/record-identity).

A change meant to keep behaviour (issue 20's code health) passes unchanged. A
change meant to change records refreshes the golden in the same commit, after
reading the differences this test prints:

    scripts/record-identity --save tests/e2e/golden/samples_records OUT
"""
import os, subprocess, sys
import e2e_common

def main():
    a = e2e_common.start()
    src = a.source
    out = os.path.join(a.work, 'out')
    # The options of e2e_samples.py: the samples' blacklist and as-of date.
    args = [a.greenmine, 'run', '--inbox', os.path.join(src, 'samples/inbox'), '--out', out, '--jobs', '2', '--quiet',
            '--blacklist', os.path.join(src, 'samples/blacklist.txt'),
            '--as-of', open(os.path.join(src, 'samples/as_of.txt')).read().strip()]
    p = subprocess.run(args, capture_output=True, text=True)
    print(p.stderr[-3000:])
    if p.returncode != 0:
        print('FAIL: greenmine exited %d' % p.returncode)
        return 1
    golden = os.path.join(src, 'tests/e2e/golden/samples_records')
    r = subprocess.run([sys.executable, os.path.join(src, 'scripts/record-identity'), golden, out])
    if r.returncode != 0:
        print('FAIL: the records differ from %s (if the change is meant, refresh it: '
              'scripts/record-identity --save %s %s)' % (golden, golden, out))
    return r.returncode

if __name__ == '__main__':
    sys.exit(main())
