#!/usr/bin/python3
"""`greenmine watch` end to end (issue 21): started on an empty inbox; a zip written
slowly in chunks, a folder filled file by file (each file first under a .part name),
a Maildir receiving messages into new/ (and one left in tmp/); every record appears
once, none from a half-written package; a supplement delivered later joins its
application; a changed package is read again, an unchanged one is not; SIGTERM ends
it within seconds; kill -9 while reading and a restart lose nothing. Then, on an
inbox holding an empty Maildir (the rescan an hour away, so change notification must
see its first message), a 补充材料 e-mail arrives before its application: alone
first, then joined (records, checklist, applications.jsonl, one summary row).

Never timing-flaky: outcomes are polled for with generous deadlines; the only
durations asserted are the generous ones of SIGTERM."""
import json, os, shutil, signal, subprocess, sys, threading, time
import e2e_common
import openpyxl
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mail_fixtures as mf

failures = []
def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what, flush=True)
    if not ok: failures.append(what)

DEADLINE = 400  # seconds to wait for any one outcome (OCR on a busy 2-core machine)

def wait_for(pred, what, deadline=DEADLINE):
    end = time.time() + deadline
    while time.time() < end:
        v = pred()
        if v: return v
        time.sleep(0.2)
    check(False, 'timed out waiting for ' + what)
    return None

SETTLE = 2.5  # seconds; every pause of a writer below is far shorter, every wait meant to exceed it far longer

class Watch:
    def __init__(self, gm, src, inbox, out, log, rescan=5):
        self.log_path = log
        self.p = subprocess.Popen([gm, 'watch', '--inbox', inbox, '--out', out, '--jobs', '2', '--settle', str(SETTLE),
                                   '--rescan', str(rescan), '--as-of', '2025-06-01'],
                                  stderr=open(log, 'a'))
    def log(self):
        return open(self.log_path, encoding='utf-8', errors='replace').read()

def record_names(out):
    d = os.path.join(out, 'records')
    return set(n for n in os.listdir(d) if n.endswith('.json') and '.tmp' not in n) if os.path.isdir(d) else set()

def records_by_source(out):
    d = os.path.join(out, 'records')
    got = {}
    for n in record_names(out):
        try:
            r = json.load(open(os.path.join(d, n), encoding='utf-8'))
        except (OSError, ValueError):
            continue  # replaced while being read
        got[r['source']] = r
    return got

class Seen(threading.Thread):
    """Every record name that ever appears under OUT/records."""
    def __init__(self, out):
        super().__init__(daemon=True)
        self.out, self.names, self.stop = out, set(), False
    def run(self):
        while not self.stop:
            self.names |= record_names(self.out)
            time.sleep(0.05)

def status(out):
    try:
        return json.load(open(os.path.join(out, 'watch_status.json')))
    except (OSError, ValueError):
        return {}

def log_lines(log, entry):
    return [l for l in log.splitlines() if ('] ' + entry + ':') in l or ('] ' + entry + ' (reused):') in l]

def main():
    a = e2e_common.start()
    inbox, out, log = (os.path.join(a.work, n) for n in ('inbox', 'out', 'watch.log'))
    os.makedirs(inbox)
    samples = os.path.join(a.source, 'samples/inbox')
    seen = Seen(out)
    seen.start()
    w = Watch(a.greenmine, a.source, inbox, out, log)
    wait_for(lambda: status(out).get('state') == 'watching', 'the watch on an empty inbox to start', 120)

    # A zip written slowly in chunks, each pause shorter than the settle time.
    zip_bytes = open(os.path.join(samples, '金川砂石料场项目申报材料.zip'), 'rb').read()
    with open(os.path.join(inbox, 'slow.zip'), 'wb') as f:
        step = len(zip_bytes) // 8 + 1
        for i in range(0, len(zip_bytes), step):
            f.write(zip_bytes[i:i + step]); f.flush()
            time.sleep(0.4)
    # A folder filled file by file: the first half copied as they are, a pause
    # shorter than the settle time between two; then each file copied under a
    # .part name first, and the folder left waiting twice the settle time with a
    # .part file in it.
    folder_src = os.path.join(samples, '甘肃肃北煤业有限公司')
    folder = os.path.join(inbox, '肃北')
    os.makedirs(folder)
    names = sorted(os.listdir(folder_src))
    for k, n in enumerate(names):
        if k < len(names) // 2:
            shutil.copy(os.path.join(folder_src, n), os.path.join(folder, n))
            time.sleep(0.2)
            continue
        shutil.copy(os.path.join(folder_src, n), os.path.join(folder, n + '.part'))
        time.sleep(2 * SETTLE if k == len(names) // 2 else 0.2)
        os.rename(os.path.join(folder, n + '.part'), os.path.join(folder, n))
    # A Maildir: the application into new/; a message left in tmp/ is never read.
    maildir = os.path.join(inbox, 'mail')
    mf.make_maildir(maildir)
    with open(os.path.join(maildir, 'tmp', '99.half'), 'wb') as f:
        f.write(mf.application(a.source)[:5000])
    mf.deliver(maildir, '1741750000.M1P1.host', mf.application(a.source))

    expected = {'slow.zip', '肃北', 'mail/new/1741750000.M1P1.host'}
    got = wait_for(lambda: (lambda r: r if set(r) == expected else None)(records_by_source(out)),
                   'records of the three packages')
    if got:
        check(len(got['slow.zip']['files']) >= 5 and not any(f['error'] for f in got['slow.zip']['files']),
              'the slowly written zip was read whole (%d files)' % len(got['slow.zip']['files']))
        check(sorted(f['path'] for f in got['肃北']['files']) == names, 'the folder was read with all its files')
    # The supplement arrives later and joins its application.
    mf.deliver(maildir, '1742400000.M2P2.host', mf.supplement(a.source, 'Thu, 20 Mar 2025 09:00:00 +0800'))
    supp = 'mail/new/1742400000.M2P2.host'
    joined = wait_for(lambda: (lambda r: r.get(supp) if r.get(supp, {}).get('application') and
                               r.get('mail/new/1741750000.M1P1.host', {}).get('application') else None)(records_by_source(out)),
                      'the supplement to join its application')
    if joined:
        check(joined['application']['covers_all_packages'] and joined['checklist']['eia_doc']['present'] and
              not [f for f in joined['findings'] if f['code'] == 'missing_attachment'],
              'the supplement covers the application: the EIA approval present, nothing missing')
    time.sleep(2)
    seen.names |= record_names(out)
    final = record_names(out)
    check(seen.names == final, 'no record of a half-written package ever appeared: %s' % sorted(seen.names - final))
    text = w.log()
    for entry in ('slow.zip', '肃北', 'mail/new/1741750000.M1P1.host', supp):
        check(len(log_lines(text, entry)) == 1, 'one log line for %s: %d' % (entry, len(log_lines(text, entry))))
    check('99.half' not in text and not any('tmp/' in s for s in records_by_source(out)), 'a message in tmp/ is not read')

    # A changed package is read again; the unchanged are not.
    shutil.copy(os.path.join(samples, 'scan_form.tiff'), os.path.join(folder, '补充扫描.tiff'))
    wait_for(lambda: len(log_lines(w.log(), '肃北')) == 2, 'the changed folder to be read again')
    wait_for(lambda: any(f['path'] == '补充扫描.tiff' for f in records_by_source(out).get('肃北', {}).get('files', [])),
             'the changed folder\'s record to list the new file')
    time.sleep(2)
    text = w.log()
    check(len(log_lines(text, 'slow.zip')) == 1 and len(log_lines(text, supp)) == 1, 'unchanged packages are not read again')
    check(len(record_names(out)) == 4, 'the changed package\'s old record is gone (%d records)' % len(record_names(out)))
    st = status(out)
    check(st.get('queue') == 0 and st.get('packages') == 4 and st.get('last_scan'), 'the status file: %s' % st)

    # SIGTERM ends it within seconds.
    t = time.time()
    w.p.send_signal(signal.SIGTERM)
    try:
        rc = w.p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        rc = None
        w.p.kill()
    check(rc == 0, 'SIGTERM ends it cleanly (rc %s after %.1f s)' % (rc, time.time() - t))
    check(status(out).get('state') == 'stopped', 'the status file says stopped')
    before = {s: r['package_id'] for s, r in records_by_source(out).items()}

    # kill -9 while reading, then a restart: nothing lost.
    w = Watch(a.greenmine, a.source, inbox, out, log)
    shutil.copy(os.path.join(samples, 'scan_form.pdf'), os.path.join(inbox, 'late.pdf'))
    wait_for(lambda: status(out).get('state') == 'processing' and status(out).get('pid') == w.p.pid,
             'the new start to be reading', 120)
    time.sleep(0.5)
    w.p.send_signal(signal.SIGKILL)
    w.p.wait()
    w = Watch(a.greenmine, a.source, inbox, out, log)
    after = wait_for(lambda: (lambda r: r if 'late.pdf' in r and len(r) == 5 else None)(records_by_source(out)),
                     'the restart to carry on')
    if after:
        check(all(after[s]['package_id'] == i for s, i in before.items()), 'every earlier record is still there, unchanged')
    wait_for(lambda: (lambda st: st.get('pid') == w.p.pid and st.get('state') == 'watching' and st.get('queue') == 0 and
                      st.get('packages') == 5)(status(out)), 'the restart to have looked at every package')
    w.p.send_signal(signal.SIGTERM)
    try:
        w.p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        w.p.kill()
        check(False, 'the restarted watch ends on SIGTERM')
    jl = [json.loads(l) for l in open(os.path.join(out, 'records.jsonl'), encoding='utf-8') if l.strip()]
    check(len(jl) == 5, 'records.jsonl holds each package once (%d)' % len(jl))
    check(not [n for d in ('records', 'review') for n in os.listdir(os.path.join(out, d)) if '.tmp' in n],
          'no temporary file is left')
    seen.stop = True
    supplement_first(a.greenmine, a.source, os.path.join(a.work, 'before'))
    if failures:
        for l in (log, os.path.join(a.work, 'before', 'watch.log')):
            if os.path.exists(l): print(open(l, encoding='utf-8', errors='replace').read())
        sys.exit('%d failures' % len(failures))
    print('all passed')

def jsonl(path):
    try:
        return [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    except (OSError, ValueError):
        return []

def summary_rows(out):
    try:
        ws = openpyxl.load_workbook(os.path.join(out, 'summary.xlsx')).worksheets[0]
    except Exception:
        return []  # not there yet, or being replaced
    return [r for r in ws.iter_rows(min_row=3, values_only=True) if any(v not in (None, '') for v in r)]

def supplement_first(gm, src, work):
    """补充材料 before its application, delivered to a Maildir that was empty when
    watch started, with the rescan an hour away."""
    inbox, out, log = (os.path.join(work, n) for n in ('inbox', 'out', 'watch.log'))
    maildir = os.path.join(inbox, 'mail')
    mf.make_maildir(maildir)
    w = Watch(gm, src, inbox, out, log, rescan=3600)
    wait_for(lambda: status(out).get('state') == 'watching' and status(out).get('pid') == w.p.pid,
             'the watch on an empty Maildir to start', 120)
    supp, main = 'mail/new/1741100000.M3P3.host', 'mail/new/1741750000.M1P1.host'
    mf.deliver(maildir, os.path.basename(supp), mf.supplement(src, 'Wed, 05 Mar 2025 09:00:00 +0800'))
    alone = wait_for(lambda: records_by_source(out).get(supp), 'the first message of an empty Maildir to be read')
    if alone:
        check(not alone.get('application'), 'before: the supplement is a package of its own until its application comes')
    mf.deliver(maildir, os.path.basename(main), mf.application(src))
    got = wait_for(lambda: (lambda r: r if r.get(main, {}).get('application', {}).get('covers_all_packages') and
                            r.get(supp, {}).get('application') else None)(records_by_source(out)),
                   'before: the application to join the earlier supplement')
    if got:
        m, s = got[main], got[supp]
        for r in (m, s):
            check([p['source'] for p in r['application']['packages']] == [supp, main],
                  'before: %s names both packages, the supplement first' % r['source'])
        check(not s['application']['covers_all_packages'] and m['application']['form_from'] == m['package_id'],
              'before: the application\'s package is the latest and its form the authority')
        eia = m['checklist']['eia_doc']
        check(eia['present'] and supp + '/' + mf.MISSING in eia['files'],
              'before: the supplement\'s EIA approval is in the application\'s checklist: %s' % eia['files'])
        check(not [f for f in m['findings'] if f['code'] == 'missing_attachment'],
              'before: no missing_attachment for a document the supplement sent')
        latest = m['package_id']
        apps = wait_for(lambda: (lambda a: a if len(a) == 1 and a[0]['latest'] == latest else None)(
            jsonl(os.path.join(out, 'applications.jsonl'))), 'before: applications.jsonl to list one application')
        check(bool(apps), 'before: applications.jsonl, one application, its latest the application package')
        rows = wait_for(lambda: (lambda rs: rs if len(rs) == 1 and latest in rs[0] else None)(summary_rows(out)),
                        'before: the summary to show one row, the application\'s')
        check(bool(rows), 'before: the summary has one row for the application')
        check(wait_for(lambda: len(jsonl(os.path.join(out, 'records.jsonl'))) == 2, 'before: records.jsonl') is not None,
              'before: records.jsonl holds both packages')
    text = open(log, encoding='utf-8', errors='replace').read()
    for entry in (supp, main):
        check(len(log_lines(text, entry)) == 1, 'before: %s read once: %d' % (entry, len(log_lines(text, entry))))
    w.p.send_signal(signal.SIGTERM)
    try:
        rc = w.p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        rc = None
        w.p.kill()
    check(rc == 0, 'before: SIGTERM ends it (rc %s)' % rc)

if __name__ == '__main__':
    main()
