#!/usr/bin/python3
"""Mailboxes in the inbox and supplementary e-mails (issue 21), through `greenmine run`:
a Maildir and an mbox are one package a message; auto-replies, delivery reports and
newsletters are listed, not read; a 补充材料 e-mail joins its application whether it
arrives after or before the first package; a message moved from new/ to cur/ keeps
its id; a second run reads nothing again."""
import json, os, subprocess, sys
import e2e_common
import openpyxl
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mail_fixtures as mf

failures = []
def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok: failures.append(what)

def run(gm, src, inbox, out):
    p = subprocess.run([gm, 'run', '--inbox', inbox, '--out', out, '--jobs', '2', '--as-of', '2025-06-01'],
                       stderr=subprocess.PIPE, text=True)
    if p.returncode != 0: sys.exit('run failed:\n' + p.stderr)
    return p.stderr

def records(out):
    d = os.path.join(out, 'records')
    return {r['source']: r for r in (json.load(open(os.path.join(d, n), encoding='utf-8')) for n in sorted(os.listdir(d)))}

def jsonl(path):
    return [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]

def summary_rows(out):
    ws = openpyxl.load_workbook(os.path.join(out, 'summary.xlsx')).worksheets[0]
    return [r for r in ws.iter_rows(min_row=3, values_only=True) if any(v not in (None, '') for v in r)]

def missing(record):
    return sorted(f['field'] for f in record['findings'] if f['code'] == 'missing_attachment')

def scenario(gm, src, work, supplement_after):
    name = 'after' if supplement_after else 'before'
    inbox, out = os.path.join(work, name, 'inbox'), os.path.join(work, name, 'out')
    maildir = os.path.join(inbox, 'mail')
    mf.make_maildir(maildir)
    supp_date = 'Thu, 20 Mar 2025 09:00:00 +0800' if supplement_after else 'Wed, 05 Mar 2025 09:00:00 +0800'
    mf.deliver(maildir, '1741750000.M1P1.host', mf.application(src))
    mf.deliver(maildir, '1741760000.M2P2.host:2,S', mf.supplement(src, supp_date), sub='cur')
    mf.write_mbox(os.path.join(inbox, 'archive.mbox'), [mf.auto_reply(), mf.bounce(src), mf.newsletter(src)])
    log = run(gm, src, inbox, out)
    recs = records(out)
    main_src, supp_src = 'mail/new/1741750000.M1P1.host', 'mail/cur/1741760000.M2P2.host:2,S'
    check(sorted(recs) == sorted([main_src, supp_src]), name + ': one record a message with an application, sources in the mailbox')
    listed = {x['source']: x['kind'] for x in jsonl(os.path.join(out, 'not_applications.jsonl'))}
    check(listed == {'archive.mbox#1': 'auto_reply', 'archive.mbox#2': 'delivery_report', 'archive.mbox#3': 'newsletter'},
          name + ': auto-reply, delivery report, newsletter listed as such: %s' % listed)
    check(log.count('not an application') == 3, name + ': the log says so')
    if sorted(recs) != sorted([main_src, supp_src]): return
    main, supp = recs[main_src], recs[supp_src]
    latest, earlier = (supp, main) if supplement_after else (main, supp)
    for r in (main, supp):
        app = r.get('application') or {}
        check([p['source'] for p in app.get('packages', [])] == [earlier['source'], latest['source']],
              name + ': %s names its application and both packages, oldest first' % r['source'])
    check(latest['application']['covers_all_packages'] and not earlier['application']['covers_all_packages'],
          name + ': the latest package covers the application')
    check(latest['application']['form_from'] == main['package_id'], name + ': the form of the main package is the authority')
    check(latest['fields']['company_name']['value'] == main['fields']['company_name']['value'] and
          latest['fields']['company_name']['value'] is not None, name + ': the latest record has the form fields')
    eia = latest['checklist']['eia_doc']
    own_prefix = '' if supplement_after else supp_src + '/'
    check(eia['present'] and own_prefix + mf.MISSING in eia['files'],
          name + ': the supplement\'s EIA approval is present in the latest checklist: %s' % eia['files'])
    form_files = latest['checklist']['application_form']['files']
    check(any(f.endswith('绿色矿山项目入库申请表.pdf') for f in form_files), name + ': the checklist covers the other package\'s files')
    check(missing(latest) == [], name + ': no missing_attachment for a document sent in any package: %s' % missing(latest))
    if supplement_after:
        check(missing(main) == ['eia_doc'], name + ': the main package\'s own record still misses it')
    apps = jsonl(os.path.join(out, 'applications.jsonl'))
    check(len(apps) == 1 and apps[0]['latest'] == latest['package_id'], name + ': applications.jsonl, one application')
    check(len(jsonl(os.path.join(out, 'records.jsonl'))) == 2, name + ': records.jsonl holds every package')
    rows = summary_rows(out)
    check(len(rows) == 1 and latest['package_id'] in rows[0],
          name + ': the summary has one row, the application\'s latest package (%d rows)' % len(rows))
    return inbox, out, recs

def main():
    a = e2e_common.start()
    got = scenario(a.greenmine, a.source, a.work, supplement_after=True)
    scenario(a.greenmine, a.source, a.work, supplement_after=False)
    if got:
        inbox, out, before = got
        # The mail client reads the message: new/ → cur/ with flags. Same id, nothing read again.
        os.rename(os.path.join(inbox, 'mail/new/1741750000.M1P1.host'),
                  os.path.join(inbox, 'mail/cur/1741750000.M1P1.host:2,S'))
        log = run(a.greenmine, a.source, inbox, out)
        after = records(out)
        check(after.get('mail/cur/1741750000.M1P1.host:2,S', {}).get('package_id') ==
              before['mail/new/1741750000.M1P1.host']['package_id'], 'a message moved to cur/ keeps its package id')
        check(len(os.listdir(os.path.join(out, 'records'))) == 2, 'and no record is left behind or duplicated')
        check('2 reused' in log, 'a second run reads nothing again')
    if failures:
        sys.exit('%d failures' % len(failures))
    print('all passed')

if __name__ == '__main__':
    main()
