#!/usr/bin/python3
"""The command line's promises: usage errors exit 2 with a clear message, a
batch that cannot start exits 1 and says why, and a second run on an output
folder in use is refused."""
import fcntl, json, os, resource, signal, subprocess, sys
import e2e_common

def main():
    a = e2e_common.start()
    inbox = os.path.join(a.work, 'inbox')
    os.makedirs(inbox)
    passed = failed = 0

    def expect(name, args, code, words, preexec_fn=None):
        nonlocal passed, failed
        p = subprocess.run([a.greenmine] + args, capture_output=True, text=True, timeout=300, preexec_fn=preexec_fn)
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
    # Tesseract's OpenMP teams must not oversubscribe the worker pool: the
    # program limits them to one thread itself (libgomp reads the limit at
    # load, so this needs a restart of the process), and keeps an operator's own.
    saved = os.environ.pop('OMP_THREAD_LIMIT', None)
    expect('OpenMP limited to one thread', ['--version'], 0, ['OpenMP thread limit: 1\n'])
    # ... and runs Tesseract's regions inline, without libgomp's system call per region.
    expect('OpenMP regions inline', ['--version'], 0, ["Tesseract's OpenMP regions: inline\n"])
    os.environ['OMP_THREAD_LIMIT'] = '3'
    expect('operator\'s OpenMP limit kept', ['--version'], 0, ['OpenMP thread limit: 3\n'])
    if saved is None: os.environ.pop('OMP_THREAD_LIMIT', None)
    else: os.environ['OMP_THREAD_LIMIT'] = saved
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
    # The library commands (after the meeting).
    lib = os.path.join(a.work, 'library.sqlite')
    lout = os.path.join(a.work, 'lib-out')
    expect('help lists the library commands', ['--help'], 0,
           ['collect', 'publish', 'library', '--returned', '--start', '--extend', '--object', '--remove', '--reason'])
    expect('collect --help', ['collect', '--help'], 0, ['collected.jsonl', '入库名单.xlsx'])
    expect('collect without --library', ['collect', '--returned', inbox, '--out', lout], 2, ['--library'])
    expect('collect without --returned', ['collect', '--library', lib, '--out', lout], 2, ['--returned'])
    expect('collect from a missing folder', ['collect', '--returned', os.path.join(a.work, 'nope'), '--library', lib,
                                              '--out', lout], 1, ['找不到'])
    expect('collect of nothing', ['collect', '--returned', inbox, '--library', lib, '--out', lout,
                                  '--as-of', '2025-07-01'], 0, ['0 workbooks'])
    expect('publish with a bad start', ['publish', '--library', lib, '--out', lout, '--start', '2025-02-30'], 2,
           ['--start'])
    expect('publish in a year the calendar lacks', ['publish', '--library', lib, '--out', lout, '--start',
                                                   '2031-05-06'], 1, ['2031'])
    expect('library option of another command', ['library', '--library', lib, '--out', lout, '--start',
                                                 '2025-01-01'], 2, ['--start'])
    expect('extending an unknown project', ['library', '--library', lib, '--out', lout, '--extend', 'nope'], 1,
           ['没有项目'])
    expect('removal without a reason', ['library', '--library', lib, '--out', lout, '--remove', 'nope'], 2,
           ['--reason'])
    expect('library of an empty library', ['library', '--library', lib, '--out', lout, '--as-of', '2025-07-01'], 0,
           ['0 projects'])
    not_db = os.path.join(a.work, 'not-a-library.sqlite')
    with open(not_db, 'w') as fh:
        fh.write('x' * 4096)
    expect('a library file that is no database', ['library', '--library', not_db, '--out', lout], 1, ['项目库'])

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, '.lock'), 'a+') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        expect('second run on a busy output folder', ['run', '--inbox', inbox, '--out', out], 1,
               ['another greenmine run'])
    # A full disk: every write past 4 KB fails (RLIMIT_FSIZE, with SIGXFSZ
    # ignored so that write() returns EFBIG as it would return ENOSPC). The run
    # says which file it could not write and exits 1; nothing half-written is
    # left; the next run, with room, completes.
    small = os.path.join(a.work, 'small-inbox')
    os.makedirs(small)
    with open(os.path.join(small, '申请说明.txt'), 'w') as f:
        f.write('甘肃某某矿业有限公司入库申请说明\n' * 20)
    full_out = os.path.join(a.work, 'full-out')

    def disk_full():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    expect('full disk', ['run', '--inbox', small, '--out', full_out, '--quiet'], 1,
           ['FAILED', 'File too large', 'summary.xlsx'], preexec_fn=disk_full)
    leftovers = [os.path.join(d, n) for d, _, names in os.walk(full_out) for n in names if '.tmp' in n]
    for d, _, names in os.walk(full_out):
        for n in names:
            if n.endswith('.json'):
                try:
                    json.load(open(os.path.join(d, n)))
                except ValueError:
                    leftovers.append(os.path.join(d, n) + ' (truncated)')
    print('%s full disk leaves no partial file%s' % ('ok  ' if not leftovers else 'FAIL', ': ' + ', '.join(leftovers) if leftovers else ''))
    if leftovers:
        failed += 1
    else:
        passed += 1
    expect('run after the disk has room again', ['run', '--inbox', small, '--out', full_out, '--quiet'], 0,
           ['1 packages (0 failed'])
    records = [n for n in os.listdir(os.path.join(full_out, 'records')) if n.endswith('.json')]
    ok = len(records) == 1 and os.path.exists(os.path.join(full_out, 'summary.xlsx'))
    print('%s record and summary written after the disk has room' % ('ok  ' if ok else 'FAIL'))
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)

    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)

if __name__ == '__main__':
    main()
