#!/usr/bin/python3
"""End-to-end test of the project library (issue 22): after the meeting.

Runs the samples; fills their review workbooks as experts would (openpyxl; one
copy saved again by LibreOffice headless); collects them into a fresh library;
publishes; queries the library before, inside and after publicity, in the
extension window and after expiry; records an extension, a removal and an
objection; resubmits a changed package with --library. Every status, date,
correction, problem and major_change is checked.
"""
import csv, datetime, json, os, shutil, signal, sqlite3, subprocess, sys, time
import e2e_common

import openpyxl

def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)

def expect(cond, msg):
    if not cond: fail(msg)

class Greenmine:
    def __init__(self, exe, work):
        self.exe, self.work = exe, work

    def __call__(self, *args, code=0):
        p = subprocess.run([self.exe] + list(args), capture_output=True, text=True, timeout=900)
        print('$ greenmine', ' '.join(args), '→', p.returncode)
        print(p.stderr[-2500:])
        if code is not None and p.returncode != code:
            fail('greenmine %s exited %d, expected %d' % (args[0], p.returncode, code))
        return p

def find_row(ws, column, text):
    for row in ws.iter_rows():
        for cell in row:
            if cell.column == column and cell.value == text:
                return cell.row
    return None

def header_columns(ws):
    for row in ws.iter_rows(min_row=1, max_row=5):
        heads = {c.value: c.column for c in row if isinstance(c.value, str)}
        if '字段代码' in heads:
            return heads
    fail('no header row in ' + ws.title)

def fill(src, dst, expert, conclusion, opinion='', fields=None, date=datetime.date(2025, 7, 10)):
    """Fills a review workbook as an expert does: the 专家意见 sheet's drop-down,
    opinion, name and date, and 审核结论 / 更正值 of some fields."""
    wb = openpyxl.load_workbook(src)
    op = wb['专家意见']
    for label, value in (('审核结论', conclusion), ('审核意见', opinion), ('审核专家（签名）', expert),
                         ('审核日期', date)):
        r = find_row(op, 1, label)
        expect(r is not None, 'no %s row in %s' % (label, src))
        if value not in (None, ''):
            op.cell(row=r, column=2).value = value
    ws = wb['申请信息']
    heads = header_columns(ws)
    for key, (review, corrected) in (fields or {}).items():
        r = find_row(ws, heads['字段代码'], key)
        expect(r is not None, 'no row for field %s' % key)
        ws.cell(row=r, column=heads['审核结论']).value = review
        if corrected is not None:
            ws.cell(row=r, column=heads['更正值']).value = corrected
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    wb.save(dst)

def resave_with_libreoffice(path, work):
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        print('LibreOffice not installed: the re-saved copy stays as openpyxl wrote it')
        return
    outdir = os.path.join(work, 'lo-out')
    p = subprocess.run([soffice, '--headless', '-env:UserInstallation=file://' + os.path.join(work, 'lo-profile'),
                        '--convert-to', 'xlsx', '--outdir', outdir, path], capture_output=True, text=True, timeout=300)
    made = os.path.join(outdir, os.path.basename(path))
    expect(os.path.isfile(made), 'LibreOffice did not re-save %s: %s' % (path, p.stderr[-1000:]))
    shutil.move(made, path)
    print('re-saved by LibreOffice:', path)

def jsonl(path):
    with open(path, encoding='utf-8') as fh:
        return [json.loads(l) for l in fh if l.strip()]

def library_at(gm, lib, work, day, *change, code=0):
    out = os.path.join(work, 'library-' + day)
    p = gm('library', '--library', lib, '--out', out, '--as-of', day, *change, code=code)
    if code != 0:
        return p
    return {l['project_id']: l for l in jsonl(os.path.join(out, 'library.jsonl'))}, out

def sheet_rows(path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows()]

def main():
    a = e2e_common.start(lambda ap: ap.add_argument(
        '--reuse-run', help='an earlier samples run to copy instead of running (for development)'))
    src, work = a.source, a.work
    gm = Greenmine(a.greenmine, work)
    as_of = open(os.path.join(src, 'samples/as_of.txt')).read().strip()

    # 1. The samples, as the meeting gets them.
    run = os.path.join(work, 'run')
    if a.reuse_run:
        shutil.copytree(a.reuse_run, run)
    else:
        gm('run', '--inbox', os.path.join(src, 'samples/inbox'), '--out', run, '--as-of', as_of, '--jobs', '2', '--quiet')
    records = sorted(jsonl(os.path.join(run, 'records.jsonl')), key=lambda r: r['package_id'])
    val = lambda r, k: r['fields'][k]['value']
    full = [r for r in records if val(r, 'credit_code') and val(r, 'company_name') and val(r, 'project_name')
            and isinstance(val(r, 'total_investment'), (int, float)) and val(r, 'project_category')]
    expect(len(full) >= 2 and len(records) >= 7, 'the samples give too few complete records')
    A, B = full[0], full[1]
    others = [r for r in records if r not in (A, B)]
    C, D, E, F, G = others[:5]
    review = lambda r: os.path.join(run, 'review', r['package_id'] + '.xlsx')
    returned = os.path.join(work, 'returned')

    # 2. The experts' workbooks: any names, folders, several copies.
    inv_a = val(A, 'total_investment')
    NEW_NAME = '甘肃得丰新能源矿业有限公司'
    fill(review(A), os.path.join(returned, '张三', '审核-1.xlsx'), '张三', '通过', '材料齐全，同意入库。',
         {'total_investment': ('修改', inv_a * 2), 'company_name': ('修改', NEW_NAME),
          'project_name': ('确认', None)})
    fill(review(A), os.path.join(returned, '李四', 'A复核.xlsx'), '李四', '通过', '同意。',
         {'total_investment': ('修改', str(inv_a * 2))})
    fill(review(B), os.path.join(returned, 'B.xlsx'), '王五', '通过', '同意入库。', {'loan_term_months': ('修改', 36)})
    resave_with_libreoffice(os.path.join(returned, 'B.xlsx'), work)
    fill(review(C), os.path.join(returned, 'c.xlsx'), '张三', '补充材料后再审', '缺少环评批复。')
    fill(review(D), os.path.join(returned, 'd.xlsx'), '张三', '不通过', '不属于目录范围。')
    fill(review(E), os.path.join(returned, 'e1.xlsx'), '张三', '通过')
    fill(review(E), os.path.join(returned, 'e2.xlsx'), '李四', '不通过')
    fill(review(F), os.path.join(returned, 'f.xlsx'), '王五', '通过', '', {'credit_code': ('修改', '12345')})
    fill(review(F), os.path.join(returned, 'f2.xlsx'), '赵六', '通过')
    renamed = openpyxl.load_workbook(os.path.join(returned, 'f2.xlsx'))
    renamed['申请信息'].title = '申请信息（改）'
    renamed.save(os.path.join(returned, 'f2.xlsx'))
    fill(review(G), os.path.join(returned, 'g.xlsx'), '王五', '同意')
    if len(others) > 5:
        fill(review(others[5]), os.path.join(returned, 'h.xlsx'), '王五', None)
    with open(os.path.join(returned, 'notes.xlsx'), 'wb') as fh:
        openpyxl.Workbook().save(fh)

    # 3. collect.
    lib = os.path.join(work, 'library.sqlite')
    collected_dir = os.path.join(work, 'collect')
    gm('collect', '--returned', returned, '--library', lib, '--out', collected_dir, '--as-of', '2025-07-15')
    lines = jsonl(os.path.join(collected_dir, 'collected.jsonl'))
    by_id = {l['package_id']: l for l in lines}
    for l in lines:
        expect(set(l) == {'package_id', 'conclusion', 'corrections', 'problems'}, 'collected.jsonl keys %s' % l)
    la = by_id[A['package_id']]
    expect(la['conclusion'] == '通过' and not la['problems'], 'A: %s' % la)
    expect(la['corrections']['total_investment'] == inv_a * 2, 'A total_investment correction %s' % la)
    expect(la['corrections']['company_name'] == NEW_NAME, 'A company correction')
    lb = by_id[B['package_id']]
    expect(lb['conclusion'] == '通过' and lb['corrections'] == {'loan_term_months': 36}, 'B (LibreOffice): %s' % lb)
    expect(by_id[C['package_id']]['conclusion'] == '补充材料后再审', 'C')
    expect(by_id[D['package_id']]['conclusion'] == '不通过', 'D')
    le = by_id[E['package_id']]
    expect(le['conclusion'] is None and any('专家审核结论不一致' in p for p in le['problems']), 'E: %s' % le)
    lf = by_id[F['package_id']]
    expect(any('“信用代码”' in p and '“12345”无效' in p for p in lf['problems']), 'F: %s' % lf)
    expect(any('找不到“申请信息”工作表' in p and 'f2.xlsx' in p for p in lf['problems']), 'F renamed: %s' % lf)
    lg = by_id[G['package_id']]
    expect(any('“同意”不是可选项' in p for p in lg['problems']), 'G: %s' % lg)
    if len(others) > 5:
        expect(any('未填写审核结论' in p for p in by_id[others[5]['package_id']]['problems']), 'H')
    expect(any(l['package_id'] is None and any('notes.xlsx' in p for p in l['problems']) for l in lines),
           'a stray workbook is reported')
    approved = sheet_rows(os.path.join(collected_dir, '入库名单.xlsx'))
    names = [c for row in approved for c in row if isinstance(c, str)]
    expect(NEW_NAME in names and val(B, 'company_name') in names, '入库名单 lists A and B')
    expect(not any(val(C, 'project_name') == n for n in names if val(C, 'project_name')), '入库名单 lists only passed')
    total = [row for row in approved if any(isinstance(c, str) and c.startswith('合计') for c in row)]
    expect(total and inv_a * 2 + val(B, 'total_investment') in total[-1], '入库名单 total: %s' % total)

    db = sqlite3.connect(lib)
    events = db.execute('select count(*) from events').fetchone()[0]
    expect(db.execute("select count(*) from events where project_id=? and kind='corrected'",
                      (E['package_id'],)).fetchone()[0] == 0, 'E has problems and is not imported')
    gm('collect', '--returned', returned, '--library', lib, '--out', collected_dir, '--as-of', '2025-07-16')
    expect(db.execute('select count(*) from events').fetchone()[0] == events, 'collecting again adds nothing')
    scanned = db.execute("select data from events where project_id=? and kind='corrected'", (A['package_id'],)).fetchall()
    expect(any(json.loads(d)['scanned'] == inv_a for (d,) in scanned), 'the scanned value is kept beside the correction')

    # 3b. Two collects at once on one library: both succeed, nothing twice.
    twin = os.path.join(work, 'twin.sqlite')
    procs = [subprocess.Popen([a.greenmine, 'collect', '--returned', returned, '--library', twin, '--out',
                               os.path.join(work, 'twin-%d' % i), '--as-of', '2025-07-15'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for i in range(2)]
    for p in procs:
        expect(p.wait(timeout=300) == 0, 'a concurrent collect failed: %s' % p.stderr.read().decode()[-500:])
    tw = sqlite3.connect(twin)
    expect(tw.execute('select count(*) from events').fetchone()[0] == events, 'concurrent collects recorded once')
    tw.close()
    # 3c. kill -9 during collect: the library holds a whole collect or none of it, and the next one completes.
    killed = os.path.join(work, 'killed.sqlite')
    for delay in (0.02, 0.06, 0.1, 0.14, 0.18, 0.22, 0.26, 0.3):  # a collect takes about 0.3 s
        p = subprocess.Popen([a.greenmine, 'collect', '--returned', returned, '--library', killed, '--out',
                              os.path.join(work, 'killed-out'), '--as-of', '2025-07-15'],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        if os.path.exists(killed):
            k = sqlite3.connect(killed)
            expect(k.execute('pragma integrity_check').fetchone()[0] == 'ok', 'library damaged by kill -9')
            # Killed before the schema's transaction committed, the file is an empty database.
            made = k.execute("select count(*) from sqlite_master where name='events'").fetchone()[0]
            n = k.execute('select count(*) from events').fetchone()[0] if made else 0
            k.close()
            expect(n in (0, events), 'kill -9 after %.2f s left %d of %d events' % (delay, n, events))
    gm('collect', '--returned', returned, '--library', killed, '--out', os.path.join(work, 'killed-out'),
       '--as-of', '2025-07-15')
    k = sqlite3.connect(killed)
    expect(k.execute('select count(*) from events').fetchone()[0] == events, 'collect after kill -9 completes')
    k.close()

    # 4. publish across the National Day holiday: 9-26 (1), 9-28 Sunday make-up (2), 9-29, 9-30, 10-9 (5).
    pub = os.path.join(work, 'publish')
    gm('publish', '--library', lib, '--start', '2025-09-26', '--out', pub)
    notice = open(os.path.join(pub, '公示公告.txt'), encoding='utf-8').read()
    expect('2025年9月26日至2025年10月9日' in notice, 'notice period: ' + notice)
    expect(val(B, 'project_name') in notice, 'notice lists B')
    plist = [c for row in sheet_rows(os.path.join(pub, '公示名单.xlsx')) for c in row if isinstance(c, str)]
    expect(NEW_NAME in plist and val(B, 'company_name') in plist, '公示名单 lists A and B')
    p = gm('publish', '--library', lib, '--start', '2031-03-02', '--out', os.path.join(work, 'pub2031'), code=1)
    expect('2031' in p.stderr, 'a year the calendar lacks is a clear error')

    # 5. The lifecycle, by --as-of.
    ida, idb = A['package_id'], B['package_id']
    want = [('2025-09-25', '待公示'), ('2025-09-26', '公示中'), ('2025-10-09', '公示中'), ('2025-10-10', '已入库'),
            ('2027-09-08', '已入库'), ('2027-09-09', '即将到期'), ('2027-10-09', '即将到期'), ('2027-10-10', '已过期')]
    for day, status in want:
        lines, out = library_at(gm, lib, work, day)
        for pid in (ida, idb):
            l = lines[pid]
            expect(l['status'] == status, '%s on %s: %s, expected %s' % (pid, day, l['status'], status))
            expect((l['publicity_start'], l['publicity_end'], l['valid_until'], l['extension_from']) ==
                   ('2025-09-26', '2025-10-09', '2027-10-09', '2027-09-09'), 'dates of %s: %s' % (pid, l))
        expect(lines[C['package_id']]['status'] == '待补充材料', 'C status')
        expect(lines[D['package_id']]['status'] == '未通过', 'D status')
        expect(lines[C['package_id']]['publicity_start'] is None, 'C has no publicity')
        expect(E['package_id'] not in lines, 'E is not in the library')
        expect(list(lines[ida]) == ['project_id', 'company_name', 'credit_code', 'project_name', 'status',
                                    'publicity_start', 'publicity_end', 'valid_until', 'extension_from'], 'keys')
    lines, out = library_at(gm, lib, work, '2025-10-10')
    expect(lines[ida]['company_name'] == NEW_NAME, 'the reviewed value is the project\'s')
    with open(os.path.join(out, '推介项目.csv'), encoding='utf-8-sig') as fh:
        rows = list(csv.reader(fh))
    expect(rows[0][:6] == ['序号', '企业名称', '统一社会信用代码', '项目名称', '项目所属类别', '项目所在地'], rows[0])
    expect(len(rows) == 3 and {r[2] for r in rows[1:]} == {val(A, 'credit_code'), val(B, 'credit_code')}, rows)
    brow = [r for r in rows if r[2] == val(B, 'credit_code')][0]
    expect([r[0] for r in rows[1:]] == ['1', '2'], 'CSV numbering: %s' % rows)
    expect(brow[rows[0].index('项目总投资（万元）')] == '%g' % val(B, 'total_investment'), 'CSV amount: %s' % brow)
    expect(brow[rows[0].index('意向贷款期限（个月）')] == '36', 'B loan term corrected in 推介项目')
    expect(os.path.isfile(os.path.join(out, '推介项目.xlsx')) and os.path.isfile(os.path.join(out, '项目库.xlsx')), 'xlsx')
    lines, out = library_at(gm, lib, work, '2025-09-30')
    rec = [c for row in sheet_rows(os.path.join(out, '推介项目.xlsx')) for c in row if isinstance(c, str)]
    expect(val(A, 'credit_code') not in rec, 'a project in publicity is not recommended yet')

    # 6. A changed package resubmitted: A again under another name, checked against the library,
    # where A now carries the experts' company name and a doubled total investment.
    inbox2 = os.path.join(work, 'inbox2')
    os.makedirs(inbox2)
    source = os.path.join(src, 'samples/inbox', A['source'])
    name, ext = os.path.splitext(os.path.basename(A['source'].rstrip('/')))
    target = os.path.join(inbox2, name + '-重新申报' + ext)
    (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, target)
    run2 = os.path.join(work, 'run2')
    gm('run', '--inbox', inbox2, '--out', run2, '--as-of', '2026-03-02', '--jobs', '2', '--quiet', '--library', lib)
    rec = jsonl(os.path.join(run2, 'records.jsonl'))[0]
    expect(rec['package_id'] != ida, 'the resubmission is a package of its own')
    changed = sorted(f['field'] for f in rec['findings'] if f['code'] == 'major_change')
    expect(changed == ['company_name', 'total_investment'], 'major_change fields: %s' % changed)
    msgs = [f['message'] for f in rec['findings'] if f['code'] == 'major_change']
    expect(all(ida in m for m in msgs), 'major_change names the library project: %s' % msgs)
    wb = openpyxl.load_workbook(os.path.join(run2, 'review', rec['package_id'] + '.xlsx'))
    expect('与入库项目比较' in wb.sheetnames, 'the comparison sheet: %s' % wb.sheetnames)
    cmp = [[c.value for c in r] for r in wb['与入库项目比较'].iter_rows()]
    expect(any(r[0] == '企业名称' and r[3] == '是' for r in cmp), 'company name marked changed: %s' % cmp)
    expect(any(r[0] == '项目所属类别' and r[3] in (None, '') for r in cmp), 'category unchanged: %s' % cmp)
    # A second run reuses the cached record; a review workbook written again from it keeps the sheet.
    os.remove(os.path.join(run2, 'review', rec['package_id'] + '.xlsx'))
    p = gm('run', '--inbox', inbox2, '--out', run2, '--as-of', '2026-03-02', '--jobs', '2', '--quiet', '--library', lib)
    expect('1 reused' in p.stderr, 'the second run reuses the record')
    wb = openpyxl.load_workbook(os.path.join(run2, 'review', rec['package_id'] + '.xlsx'))
    expect('与入库项目比较' in wb.sheetnames, 'the comparison sheet from a cached record: %s' % wb.sheetnames)
    # Without a library, the same package has no major_change and no comparison sheet.
    recs = {r['package_id']: r for r in jsonl(os.path.join(run, 'records.jsonl'))}
    expect(not any(f['code'] == 'major_change' for f in recs[ida]['findings']), 'no library, no major_change')

    # 7. Extension (only in its window), removal, objection.
    library_at(gm, lib, work, '2026-06-01', '--extend', idb, code=1)
    lines, _ = library_at(gm, lib, work, '2027-09-20', '--extend', idb)
    expect(lines[idb]['status'] == '已延期', 'B extended: %s' % lines[idb])
    lines, _ = library_at(gm, lib, work, '2027-09-25', '--remove', ida, '--reason', '重大变更后不再符合入库要求')
    expect(lines[ida]['status'] == '已移出', 'A removed')
    lines, out = library_at(gm, lib, work, '2027-10-10')
    expect(lines[idb]['status'] == '已延期' and lines[ida]['status'] == '已移出', 'after: %s %s' % (lines[idb], lines[ida]))
    expect(lines[idb]['valid_until'] == '2027-10-09', 'valid_until stays the contract\'s')
    book = openpyxl.load_workbook(os.path.join(out, '项目库.xlsx'))
    expect(book.sheetnames == ['项目库', '变更记录'], '项目库.xlsx sheets %s' % book.sheetnames)
    history = [[c.value for c in r] for r in book['变更记录'].iter_rows(min_row=3)]
    kinds = [r[2] for r in history if r[1] == ida]
    expect(kinds[:1] == ['专家审核'] and '专家更正' in kinds and kinds[-2:] == ['公示', '移出项目库'],
           'A history: %s' % kinds)
    expect(any(r[1] == ida and r[2] == '专家更正' and r[5] == '张三' and '审核-1.xlsx' in r[6] for r in history),
           'a correction says who and from which workbook: %s' % history)
    lines, _ = library_at(gm, lib, work, '2029-10-10')
    expect(lines[idb]['status'] == '已过期', 'the extension ends too')
    # C comes back with what was missing and passes; an objection during its publicity stops it.
    fill(review(C), os.path.join(work, 'returned2', 'c-复审.xlsx'), '张三', '通过', '已补充环评批复。')
    gm('collect', '--returned', os.path.join(work, 'returned2'), '--library', lib, '--out',
       os.path.join(work, 'collect2'), '--as-of', '2025-10-20')
    gm('publish', '--library', lib, '--start', '2025-11-03', '--out', os.path.join(work, 'publish2'))
    lines, _ = library_at(gm, lib, work, '2025-11-05')
    idc = C['package_id']
    expect(lines[idc]['status'] == '公示中' and lines[idc]['publicity_end'] == '2025-11-07', 'C: %s' % lines[idc])
    library_at(gm, lib, work, '2025-11-05', '--object', idc, code=2)  # no reason
    lines, _ = library_at(gm, lib, work, '2025-11-05', '--object', idc, '--reason', '公示期间收到实名举报，经核实属实')
    expect(lines[idc]['status'] == '未通过', 'C objected')
    history = db.execute('select kind from events where project_id=? order by seq', (idc,)).fetchall()
    expect([k for (k,) in history] == ['collected', 'collected', 'published', 'objected'], 'C history %s' % history)

    print('1 passed, 0 failed')

if __name__ == '__main__':
    main()
