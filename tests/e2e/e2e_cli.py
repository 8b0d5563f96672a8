#!/usr/bin/python3
"""The command line's promises: usage errors exit 2 with a clear message, a
batch that cannot start exits 1 and says why, and a second run on an output
folder in use is refused."""
import argparse, fcntl, os, shutil, subprocess, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--greenmine', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--work', required=True)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    inbox = os.path.join(a.work, 'inbox')
    os.makedirs(inbox)
    passed = failed = 0

    def expect(name, args, code, words):
        nonlocal passed, failed
        p = subprocess.run([a.greenmine] + args, capture_output=True, text=True, timeout=300)
        text = p.stdout + p.stderr
        ok = p.returncode == code and all(w in text for w in words)
        print('%s %s: exit %d' % ('ok  ' if ok else 'FAIL', name, p.returncode))
        if not ok:
            print(text[-2000:])
            failed += 1
        else:
            passed += 1

    out = os.path.join(a.work, 'out')
    expect('no command', [], 2, ['--help'])
    expect('unknown command', ['frobnicate'], 2, ['unknown command'])
    expect('help lists every option', ['--help'], 0,
           ['--inbox', '--out', '--jobs', '--blacklist', '--as-of', '--templates', '--tessdata', '--quiet'])
    expect('missing --out', ['run', '--inbox', inbox], 2, ['--out'])
    expect('bad --jobs', ['run', '--inbox', inbox, '--out', out, '--jobs', 'x'], 2, ['--jobs'])
    expect('bad --as-of', ['run', '--inbox', inbox, '--out', out, '--as-of', '2024-13-01'], 2, ['YYYY-MM-DD'])
    expect('missing inbox', ['run', '--inbox', os.path.join(a.work, 'nope'), '--out', out], 1, ['does not exist'])
    blocker = os.path.join(a.work, 'a-file')
    open(blocker, 'w').close()
    expect('output folder is a file', ['run', '--inbox', inbox, '--out', os.path.join(blocker, 'sub')], 1,
           ['cannot create'])
    expect('missing chi_sim model', ['run', '--inbox', inbox, '--out', out, '--tessdata', a.work], 1, ['chi_sim'])
    expect('missing blacklist file', ['run', '--inbox', inbox, '--out', out, '--blacklist',
                                      os.path.join(a.work, 'none.txt')], 1, ['blacklist'])
    expect('empty inbox runs', ['run', '--inbox', inbox, '--out', out, '--quiet'], 0, ['0 packages'])

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, '.lock'), 'a+') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        expect('second run on a busy output folder', ['run', '--inbox', inbox, '--out', out], 1,
               ['another greenmine run'])
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)

if __name__ == '__main__':
    main()
