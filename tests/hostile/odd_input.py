#!/usr/bin/python3
"""Odd and hostile input end to end (issue 19): each case is made here, run
through the real binary in an inbox of its own, and must end within its time
and memory (default 60 s, 1.5 GB peak RSS, one job), with a record for every
package, a finding naming the budget a file went over, and nothing changed
outside OUT.

  odd_input.py --greenmine BIN --source SRC --work DIR [--only CASE ...]

Cases: names (ids, long names, display safety), out_links (symbolic links
inside OUT, stale pruning), and one case a file for the budgets: docx_nested,
docx_deep, docx_large, xlsx_sparse, xlsx_shared, tiff_twice, pdf_image_text,
pdf_image_alone.
"""
import argparse, hashlib, io, json, os, shutil, struct, subprocess, sys, time, zipfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_hostile import good_pdf, pdf_bytes  # noqa: E402

# ---------------------------------------------------------------- inputs

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def docx(document_xml):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('_rels/.rels',
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr('word/document.xml', document_xml)
    return buf.getvalue()

def nested_tables_docx(levels):
    """w:tbl/w:tr/w:tc nested `levels` deep, text at the bottom (under 1 KB packed)."""
    inner = '<w:p><w:r><w:t>最里层</w:t></w:r></w:p>'
    for _ in range(levels):
        inner = '<w:tbl><w:tr><w:tc>%s<w:p/></w:tc></w:tr></w:tbl>' % inner
    return docx('<?xml version="1.0"?><w:document %s><w:body>%s</w:body></w:document>' % (W_NS, inner))

def large_docx(unpacked_mb=64):
    """A document.xml of `unpacked_mb` MB of small paragraphs (about 200 KB packed)."""
    para = '<w:p><w:r><w:t>甘肃矿业</w:t></w:r></w:p>'
    body = para * (unpacked_mb * 1024 * 1024 // len(para.encode()))
    return docx('<?xml version="1.0"?><w:document %s><w:body>%s</w:body></w:document>' % (W_NS, body))

def xlsx(sheet_xml, shared_xml=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr('_rels/.rels',
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml',
                   '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        rels = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'worksheet" Target="worksheets/sheet1.xml"/>')
        if shared_xml is not None:
            rels += ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'relationships/sharedStrings" Target="sharedStrings.xml"/>')
            z.writestr('xl/sharedStrings.xml', shared_xml)
        z.writestr('xl/_rels/workbook.xml.rels',
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">%s</Relationships>' % rels)
        z.writestr('xl/worksheets/sheet1.xml', sheet_xml)
    return buf.getvalue()

SHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'

def sparse_xlsx():
    """Cells at AMJ1 and A99999: 1.6 KB that pads to 10^8 cells."""
    return xlsx(SHEET % ('<row r="1"><c r="AMJ1"><v>1</v></c></row>'
                         '<row r="99999"><c r="A99999"><v>2</v></c></row>'))

def shared_string_xlsx():
    """One 8 MiB shared string referenced by 100 cells (about 10 KB packed)."""
    shared = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<si><t>%s</t></si></sst>' % ('矿' * (8 * 1024 * 1024 // 3)))
    rows = ''.join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (i, i) for i in range(1, 101))
    return xlsx(SHEET % rows, shared)

def tiff_size_twice():
    """A bilevel TIFF giving ImageWidth/ImageLength twice: 100000 x 100000 first, 1000 x 1000 after."""
    w = h = 1000
    data = b'\0' * (w // 8 * h)
    entries = [(256, 4, 100000), (257, 4, 100000), (256, 3, w), (257, 3, h), (258, 3, 1), (259, 3, 1),
               (262, 3, 0), (273, 4, 0), (277, 3, 1), (278, 4, h), (279, 4, len(data))]
    ifd_at = 8
    data_at = ifd_at + 2 + 12 * len(entries) + 4
    out = bytearray(b'II*\0' + struct.pack('<I', ifd_at))
    out += struct.pack('<H', len(entries))
    for tag, typ, value in entries:
        if tag == 273:
            value = data_at
        out += struct.pack('<HHI', tag, typ, 1) + (struct.pack('<HH', value, 0) if typ == 3 else struct.pack('<I', value))
    out += struct.pack('<I', 0)
    return bytes(out) + data

def huge_image_pdf(with_text, side=100000):
    """One page painting a 1-bit side x side image (flate, about 1.2 MB), with or without a line of text."""
    comp = zlib.compressobj(9)
    row = b'\0' * (side // 8)
    chunks = []
    block = row * 64
    for _ in range(side // 64):
        chunks.append(comp.compress(block))
    chunks.append(comp.flush())
    image = b''.join(chunks)
    content = b'q 500 0 0 700 50 50 cm /Im1 Do Q'
    if with_text:
        content += b' BT /F1 12 Tf 72 780 Td (Gansu mining) Tj ET'
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>',
               b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
               b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R '
               b'/Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> >>',
               b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream',
               b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
               b'/BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n' % (side, side, len(image))
               + image + b'\nendstream',
               b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    return pdf_bytes(objects)

# ---------------------------------------------------------------- running

class Failures(list):
    def check(self, ok, what):
        if not ok:
            self.append(what)
            print('FAIL:', what)
        return ok

def run(a, inbox, out, quiet=True):
    """Runs greenmine once; returns (exit, seconds, peak RSS MB, stdout+stderr)."""
    import threading
    args = [a.greenmine, 'run', '--inbox', inbox, '--out', out, '--jobs', '1', '--as-of', '2025-06-30']
    if quiet:
        args.append('--quiet')
    env = dict(os.environ, OMP_THREAD_LIMIT='1')
    t = time.time()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    killer = threading.Timer(a.max_seconds * 3, p.kill)
    killer.start()
    output = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    killer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, time.time() - t, usage.ru_maxrss / 1024, output.decode('utf-8', 'replace')

def records_of(out):
    recs = {}
    d = os.path.join(out, 'records')
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if name.endswith('.json'):
            try:
                r = json.load(open(os.path.join(d, name), encoding='utf-8'))
            except ValueError:
                continue  # a user's own file
            if isinstance(r, dict) and 'source' in r:
                recs[r['source']] = (name, r)
    return recs

def tree_state(root):
    """Every path under root with its type and content hash, links not followed."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            if os.path.islink(p):
                state[os.path.relpath(p, root)] = 'link:' + os.readlink(p)
            elif os.path.isfile(p):
                state[os.path.relpath(p, root)] = hashlib.sha256(open(p, 'rb').read()).hexdigest()
            else:
                state[os.path.relpath(p, root)] = 'dir'
    return state

def expect_budget_case(a, fails, name, filename, make, budget):
    """One loose file in an inbox of its own: a finding naming `budget`, or (None) read whole."""
    work = os.path.join(a.work, name)
    inbox, out = os.path.join(work, 'inbox'), os.path.join(work, 'out')
    os.makedirs(inbox)
    # Made by a process of its own: a child's peak RSS starts at this
    # process's RSS when it forks, and Python keeps what it once held.
    subprocess.run([sys.executable, os.path.abspath(__file__), '--make', name, os.path.join(inbox, filename)],
                   check=True)
    size = os.path.getsize(os.path.join(inbox, filename))
    code, seconds, rss, output = run(a, inbox, out)
    print('%-16s %7.1f s  %6.0f MB  exit %d  (%s, %d bytes)' % (name, seconds, rss, code, filename, size))
    fails.check(seconds <= a.max_seconds, '%s: %.1f s, over %d s' % (name, seconds, a.max_seconds))
    fails.check(rss <= a.max_rss_mb, '%s: peak RSS %.0f MB, over %d MB' % (name, rss, a.max_rss_mb))
    fails.check(code == 0, '%s: exit %d: %s' % (name, code, output[-2000:]))
    fails.check(os.path.isfile(os.path.join(out, 'summary.xlsx')), '%s: no summary.xlsx' % name)
    recs = records_of(out)
    if not fails.check(filename in recs, '%s: no record for %s' % (name, filename)):
        return
    r = recs[filename][1]
    if budget:
        hits = [f for f in r['findings'] if f['code'] == 'unreadable_input' and budget in f['message']]
        fails.check(hits, '%s: no unreadable_input finding naming %s: %s' % (
            name, budget, json.dumps(r['findings'], ensure_ascii=False)[:1500]))
    else:
        fails.check(all(f['error'] is None for f in r['files']), '%s: the file was not read: %s' % (
            name, json.dumps(r['files'], ensure_ascii=False)))

def budget_cases():
    return [
        ('docx_nested', 'nested32.docx', lambda: nested_tables_docx(32), None),
        ('docx_deep', 'nested80.docx', lambda: nested_tables_docx(80), 'max_xml_depth'),
        ('docx_large', 'large.docx', large_docx, 'max_xml_nodes'),
        ('xlsx_sparse', 'sparse.xlsx', sparse_xlsx, 'max_table_cells'),
        ('xlsx_shared', 'shared.xlsx', shared_string_xlsx, 'max_text_bytes'),
        ('tiff_twice', 'twice.tif', tiff_size_twice, 'max_image_pixels'),
        ('pdf_image_text', 'image_text.pdf', lambda: huge_image_pdf(True), 'max_image_pixels'),
        ('pdf_image_alone', 'image_alone.pdf', lambda: huge_image_pdf(False), 'max_image_pixels'),
    ]

def case_budgets(a, fails, only):
    for name, filename, make, budget in budget_cases():
        if only and name not in only:
            continue
        expect_budget_case(a, fails, name, filename, make, budget)

def case_names(a, fails):
    """Entries whose names fold together, a long name outside the BMP, and names that spoof their display."""
    work = os.path.join(a.work, 'names')
    inbox, out = os.path.join(work, 'inbox'), os.path.join(work, 'out')
    os.makedirs(inbox)
    pdf = good_pdf()
    other = pdf + b'%other content\n'
    def put(rel, data):
        p = os.path.join(inbox, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as fh:
            fh.write(data)
    put('a:b.pdf', pdf)
    put('a_b.pdf', pdf)
    for n in ['f one', 'f_one', 'f*one']:
        put(n + '/资产负债表.pdf', pdf)
    put('pkg/资产负债表.pdf', pdf)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        z.writestr('资产负债表.pdf', pdf)
    put('pkg.zip', buf.getvalue())
    stem = '甘肃某某矿业有限公司' * 6
    put(stem + '一/资产负债表.pdf', pdf)
    put(stem + '二/资产负债表.pdf', pdf)
    put('g?h/资产负债表.pdf', pdf)
    put('g*h/资产负债表.pdf', other)
    long_name = '\U00020000' * 55
    put(long_name + '/资产负债表.pdf', pdf)
    put('bidi\u202efdp.exe', pdf)
    put('esc\x1b[31mred/资产负债表.pdf', pdf)
    entries = sorted(os.listdir(inbox))
    code, seconds, rss, output = run(a, inbox, out, quiet=False)
    print('names            %7.1f s  %6.0f MB  exit %d  (%d packages)' % (seconds, rss, code, len(entries)))
    fails.check(code == 0, 'names: exit %d: %s' % (code, output[-2000:]))
    recs = records_of(out)
    fails.check(sorted(recs) == entries, 'names: records for %s, entries %s' % (sorted(recs), entries))
    ids = {r['package_id'] for _, r in recs.values()}
    fails.check(len(ids) == len(entries), 'names: %d distinct ids for %d packages' % (len(ids), len(entries)))
    lines = open(os.path.join(out, 'records.jsonl'), encoding='utf-8').read().splitlines()
    fails.check(len(lines) == len(entries), 'names: %d lines in records.jsonl' % len(lines))
    reviews = os.listdir(os.path.join(out, 'review'))
    fails.check(len(reviews) == len(entries), 'names: %d review workbooks' % len(reviews))
    for source, (fname, r) in recs.items():
        fails.check(len(fname.encode()) <= 200, 'names: record file name of %d bytes' % len(fname.encode()))
        pid = r['package_id']
        fails.check(not any(c in pid for c in '\x1b\u202e/\\:*?"<>|'), 'names: unsafe id %r' % pid)
    if 'pkg.zip' in recs and 'pkg' in recs:
        fails.check(recs['pkg.zip'][1]['origin']['container'] == 'zip',
                    'names: pkg.zip labelled %s' % recs['pkg.zip'][1]['origin']['container'])
        fails.check(recs['pkg'][1]['origin']['container'] == 'folder', 'names: pkg/ not a folder')
    bidi = recs.get('bidi\u202efdp.exe')
    if fails.check(bidi is not None, 'names: no record for the bidi name'):
        fails.check(bidi[1].get('source_display') == 'bidi[U+202E]fdp.exe',
                    'names: source_display %r' % bidi[1].get('source_display'))
        raw = open(os.path.join(out, 'records', bidi[0]), 'rb').read()
        fails.check('\u202e'.encode() not in raw, 'names: a raw U+202E in the record file')
    fails.check('\x1b' not in output and '\u202e' not in output, 'names: control characters on the terminal: %r'
                % [l for l in output.splitlines() if '\x1b' in l or '\u202e' in l][:3])
    try:
        import openpyxl
        for book in [os.path.join(out, 'summary.xlsx')] + [os.path.join(out, 'review', n) for n in reviews]:
            wb = openpyxl.load_workbook(book, read_only=True)
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    for v in row:
                        if isinstance(v, str) and ('\u202e' in v or '\x1b' in v):
                            fails.check(False, 'names: %s shows a raw control: %r' % (os.path.basename(book), v))
    except ImportError:
        print('openpyxl missing: workbooks not checked')
    # A second run: the same ids, nothing pruned.
    code2, _, _, _ = run(a, inbox, out)
    again = records_of(out)
    fails.check(code2 == 0 and {s: r['package_id'] for s, (_, r) in again.items()} ==
                {s: r['package_id'] for s, (_, r) in recs.items()}, 'names: ids changed on a second run')

def case_out_links(a, fails):
    """Symbolic links at OUT's own names, and a user's own files in OUT/records and OUT/review."""
    work = os.path.join(a.work, 'out_links')
    inbox, out, outside = (os.path.join(work, n) for n in ('inbox', 'out', 'outside'))
    os.makedirs(inbox)
    for d in ['reviewdir', 'recorddir', 'cachedir']:
        os.makedirs(os.path.join(outside, d))
    with open(os.path.join(outside, 'victim.txt'), 'w') as fh:
        fh.write('keep me\n')
    for d, names in [('reviewdir', ['user.xlsx', 'old_12345678.xlsx']), ('recorddir', ['user.json']),
                     ('cachedir', ['a.tmp-1-2', 'notes.tmp-3-4.json'])]:
        for n in names:
            with open(os.path.join(outside, d, n), 'w') as fh:
                fh.write('user data\n')
    pdf = good_pdf()
    for n in ['one', 'two']:
        os.makedirs(os.path.join(inbox, n))
        with open(os.path.join(inbox, n, '资产负债表.pdf'), 'wb') as fh:
            fh.write(pdf if n == 'one' else pdf + b'%other content\n')
    os.makedirs(out)
    os.symlink(os.path.join(outside, 'victim.txt'), os.path.join(out, '.lock'))
    os.symlink(os.path.join(outside, 'reviewdir'), os.path.join(out, 'review'))
    os.symlink(os.path.join(outside, 'recorddir'), os.path.join(out, 'records'))
    os.symlink(os.path.join(outside, 'cachedir'), os.path.join(out, '.cache'))
    before = tree_state(outside)
    code, seconds, rss, output = run(a, inbox, out)
    print('out_links        %7.1f s  %6.0f MB  exit %d' % (seconds, rss, code))
    fails.check(code == 0, 'out_links: exit %d: %s' % (code, output[-2000:]))
    fails.check(tree_state(outside) == before, 'out_links: outside OUT changed: %s' % sorted(
        set(tree_state(outside).items()) ^ set(before.items())))
    for d in ['review', 'records', '.cache']:
        fails.check(os.path.isdir(os.path.join(out, d)) and not os.path.islink(os.path.join(out, d)),
                    'out_links: OUT/%s is not a real folder' % d)
    fails.check(len(records_of(out)) == 2, 'out_links: %d records' % len(records_of(out)))
    # A user's own files in the real folders survive runs; a package gone from the inbox is pruned.
    for rel in ['review/mine.xlsx', 'records/mine.json', 'records/two_00000000.json', '.cache/mine.tmp']:
        with open(os.path.join(out, rel), 'w') as fh:
            fh.write('mine\n')
    shutil.rmtree(os.path.join(inbox, 'two'))
    code, _, _, output = run(a, inbox, out)
    fails.check(code == 0, 'out_links: second run exit %d' % code)
    for rel in ['review/mine.xlsx', 'records/mine.json', 'records/two_00000000.json', '.cache/mine.tmp']:
        fails.check(os.path.isfile(os.path.join(out, rel)), 'out_links: the user file %s was deleted' % rel)
    recs = records_of(out)
    fails.check(sorted(recs) == ['one'], 'out_links: records after pruning: %s' % sorted(recs))
    fails.check(len([n for n in os.listdir(os.path.join(out, 'review')) if n != 'mine.xlsx']) == 1,
                'out_links: stale workbook kept: %s' % os.listdir(os.path.join(out, 'review')))
    fails.check(tree_state(outside) == before, 'out_links: outside OUT changed on the second run')

def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--make':
        make = {name: make for name, _, make, _ in budget_cases()}[sys.argv[2]]
        with open(sys.argv[3], 'wb') as fh:
            fh.write(make())
        return
    ap = argparse.ArgumentParser()
    ap.add_argument('--greenmine', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--max-seconds', type=int, default=60)
    ap.add_argument('--max-rss-mb', type=int, default=1536)
    ap.add_argument('--only', nargs='*', default=[])
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    fails = Failures()
    if not a.only or 'names' in a.only:
        case_names(a, fails)
    if not a.only or 'out_links' in a.only:
        case_out_links(a, fails)
    budgets = [o for o in a.only if o not in ('names', 'out_links')]
    if not a.only or budgets:
        case_budgets(a, fails, budgets)
    print('%d failures' % len(fails))
    sys.exit(1 if fails else 0)

if __name__ == '__main__':
    main()
