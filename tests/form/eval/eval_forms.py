#!/usr/bin/python3
"""Measures the form reader on generated samples (scripts/gen_samples.py).

    eval_forms.py prepare SAMPLES_DIR WORK_DIR   # form pages of every package -> WORK_DIR/manifest.json
    form_eval WORK_DIR/manifest.json WORK_DIR/readings.json   # the C++ reader (tests/form/eval)
    eval_forms.py score WORK_DIR [--verbose]     # accuracy and CER against samples/truth

Scanned forms only (a scanned PDF, a TIFF, photos); electronic forms (docx,
text PDF) are listed with kind "electronic" for ReadElectronic.

Scoring is loose, as after normalization: raw text is compared on its digits,
letters and ideographs; amounts are parsed (commas, 万元/亿元, 大写); checkbox
fields compare the marked options.
"""
import email
import email.policy
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

SCANNED_EXT = ('.pdf', '.tif', '.tiff', '.jpg', '.jpeg', '.png')


def nfkc(s):
    return unicodedata.normalize('NFKC', s or '')


def package_files(inbox, source):
    """{path inside package: bytes} for a package (folder, zip, eml, loose file)."""
    full = os.path.join(inbox, source)
    out = {}
    if os.path.isdir(full):
        for root, _, files in os.walk(full):
            for f in files:
                p = os.path.join(root, f)
                rel = os.path.relpath(p, full)
                out.update(expand(rel, open(p, 'rb').read()))
    else:
        data = open(full, 'rb').read()
        if source.lower().endswith('.eml'):
            msg = email.message_from_bytes(data, policy=email.policy.default)
            for part in msg.walk():
                name = part.get_filename()
                if name:
                    out.update(expand(name, part.get_payload(decode=True) or b''))
        else:
            out.update(expand(os.path.basename(source), data))
    return out


def expand(name, data):
    if name.lower().endswith('.zip'):
        out = {}
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist():
                    if info.is_dir():
                        continue
                    member = info.filename
                    if not (info.flag_bits & 0x800):
                        try:
                            member = info.filename.encode('cp437').decode('gbk')
                        except (UnicodeEncodeError, UnicodeDecodeError):
                            pass
                    out.update(expand(name + '/' + member, z.read(info)))
        except zipfile.BadZipFile:
            out[name] = data
        return out
    return {name: data}


def find_file(files, path):
    if path in files:
        return files[path]
    base = path.split('/')[-1]
    for k, v in files.items():
        if k.split('/')[-1] == base:
            return v
    return None


def pdf_pages(data, workdir, stem):
    pdf = os.path.join(workdir, stem + '.pdf')
    open(pdf, 'wb').write(data)
    text = subprocess.run(['pdftotext', '-l', '1', pdf, '-'], capture_output=True).stdout.decode('utf-8', 'replace')
    if sum(1 for c in text if '\u4e00' <= c <= '\u9fff') > 30:
        return None  # a text PDF
    listing = subprocess.run(['pdfimages', '-list', pdf], capture_output=True, text=True).stdout.splitlines()[2:]
    dpis = [int(float(l.split()[12])) for l in listing if len(l.split()) > 12]
    subprocess.run(['pdfimages', '-png', pdf, os.path.join(workdir, stem)], check=True)
    pngs = sorted(f for f in os.listdir(workdir) if f.startswith(stem + '-') and f.endswith('.png'))
    return [{'path': os.path.join(workdir, p), 'dpi': dpis[i] if i < len(dpis) else 0} for i, p in enumerate(pngs)]


def tiff_pages(data, workdir, stem):
    from PIL import Image
    im = Image.open(io.BytesIO(data))
    pages = []
    i = 0
    while True:
        try:
            im.seek(i)
        except EOFError:
            break
        p = os.path.join(workdir, '%s-%03d.png' % (stem, i))
        dpi = im.info.get('dpi', (0, 0))[0]
        im.save(p)
        pages.append({'path': p, 'dpi': int(dpi or 0)})
        i += 1
    return pages


def prepare(samples, work):
    os.makedirs(work, exist_ok=True)
    manifest = []
    truth_dir = os.path.join(samples, 'truth')
    for n, tname in enumerate(sorted(os.listdir(truth_dir))):
        truth = json.load(open(os.path.join(truth_dir, tname), encoding='utf-8'))
        forms = [f['path'] for f in truth['files'] if f.get('kind') == 'application_form']
        if not forms:
            continue
        files = package_files(os.path.join(samples, 'inbox'), truth['source'])
        pages, kinds = [], []
        for i, path in enumerate(forms):
            data = find_file(files, path)
            if data is None:
                print('not found:', truth['source'], path, file=sys.stderr)
                continue
            stem = 'p%02d_%d' % (n, i)
            low = path.lower()
            if low.endswith('.pdf'):
                got = pdf_pages(data, work, stem)
                if got is None:
                    kinds.append('electronic')
                    continue
                pages.extend({'file': path, **g} for g in got)
            elif low.endswith(('.tif', '.tiff')):
                pages.extend({'file': path, **g} for g in tiff_pages(data, work, stem))
            elif low.endswith(('.jpg', '.jpeg', '.png')):
                p = os.path.join(work, stem + os.path.splitext(low)[1])
                open(p, 'wb').write(data)
                pages.append({'file': path, 'path': p, 'dpi': 0})
            else:
                kinds.append('electronic')
        if pages:
            manifest.append({'id': tname, 'pages': pages, 'truth': truth['fields']})
        else:
            print('electronic form only:', truth['source'], forms, file=sys.stderr)
    json.dump(manifest, open(os.path.join(work, 'manifest.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    print('%d scanned forms, %d pages' % (len(manifest), sum(len(m['pages']) for m in manifest)))


# ---------------------------------------------------------------- scoring

CAP = {c: i for i, c in enumerate('零壹贰叁肆伍陆柒捌玖')}
CAP.update({c: i for i, c in enumerate('〇一二三四五六七八九')})
CAP_UNIT = {'拾': 10, '十': 10, '佰': 100, '百': 100, '仟': 1000, '千': 1000}


def parse_capital(s):
    total, section, digit = 0, 0, 0
    for c in s:
        if c in CAP:
            digit = CAP[c]
        elif c in CAP_UNIT:
            section += max(digit, 1) * CAP_UNIT[c]
            digit = 0
        elif c == '万':
            total += (section + digit) * 10000
            section = digit = 0
        elif c == '亿':
            total = (total + section + digit) * 100000000
            section = digit = 0
    return total + section + digit


def parse_number(raw, wan=False):
    s = nfkc(raw).replace(',', '').replace(' ', '')
    if any(c in CAP for c in s if c not in '〇一二三四五六七八九') or (wan and any(c in '壹贰叁肆伍陆柒捌玖' for c in s)):
        yuan = parse_capital(s)
        return yuan / 10000.0 if wan else yuan
    m = re.search(r'-?\d+(\.\d+)?', s)
    if not m:
        return None
    v = float(m.group(0))
    if wan and '亿' in s[m.end():m.end() + 2]:
        v *= 10000
    elif wan and s[m.end():m.end() + 1] == '元' and '万' not in s:
        v /= 10000
    return v


def loose(s):
    return ''.join(c for c in nfkc(s) if c.isalnum())


def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def field_ok(key, spec, truth, r):
    raw = (r or {}).get('raw', '')
    marked = (r or {}).get('marked', [])
    is_cb = (r or {}).get('is_checkbox', False)
    t = spec['type']
    if truth is None:
        return not loose(raw) and not marked if not is_cb else not marked
    if t in ('wan', 'pct', 'number', 'int'):
        v = parse_number(raw, wan=(t == 'wan'))
        return v is not None and abs(v - float(truth)) < 0.011
    if t == 'bool':
        if is_cb:
            return marked == (['是'] if truth else ['否'])
        return loose(raw) == ('是' if truth else '否')
    if t == 'enum':
        if is_cb:
            return marked == [truth]
        return loose(raw) == loose(truth)
    if t == 'multi':
        if is_cb:
            return sorted(marked) == sorted(truth)
        parts = [p for p in re.split(r'[、,，+及和\s]+', nfkc(raw)) if p]
        return sorted(parts) == sorted(truth)
    if t == 'date':
        nums = [int(x) for x in re.findall(r'\d+', nfkc(raw))]
        want = [int(x) for x in truth.split('-')]
        return nums[:len(want)] == want
    if t == 'category':
        return loose(truth['title']) in loose(raw)
    if t == 'phone':
        return re.sub(r'\D', '', raw) == re.sub(r'\D', '', truth)
    return loose(raw) == loose(truth)


def score(work, verbose=False):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'scripts'))
    specs = {}
    with open('/work/shared/spec/fields.tsv', encoding='utf-8') as f:
        cols = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(cols, line.rstrip('\n').split('\t')))
            specs[row['key']] = row
    manifest = json.load(open(os.path.join(work, 'manifest.json'), encoding='utf-8'))
    readings = json.load(open(os.path.join(work, 'readings.json'), encoding='utf-8'))
    ok = total = 0
    cer_err = cer_len = 0
    per_field = {}
    for m in manifest:
        got = readings.get(m['id'], {}).get('fields', {})
        for key, spec in specs.items():
            truth = m['truth'][key]['value']
            r = got.get(key)
            good = field_ok(key, spec, truth, r)
            ok += good
            total += 1
            pf = per_field.setdefault(key, [0, 0])
            pf[0] += good
            pf[1] += 1
            if spec['type'] == 'text' and truth:
                a, b = loose(truth), loose((r or {}).get('raw', ''))
                cer_err += edit(a, b)
                cer_len += len(a)
            if verbose and not good:
                print('%-34s %-28s truth=%s raw=%r marked=%s' % (m['id'][:34], key, json.dumps(truth, ensure_ascii=False)[:60],
                      (r or {}).get('raw', None), (r or {}).get('marked', None)))
    print('fields correct: %d/%d = %.1f%%' % (ok, total, 100.0 * ok / max(1, total)))
    print('text CER: %.2f%% (%d/%d)' % (100.0 * cer_err / max(1, cer_len), cer_err, cer_len))
    worst = sorted(per_field.items(), key=lambda kv: kv[1][0] / kv[1][1])[:12]
    print('weakest fields:', ', '.join('%s %d/%d' % (k, v[0], v[1]) for k, v in worst if v[0] < v[1]))
    times = [readings[k].get('ms', 0) for k in readings]
    pages = [readings[k].get('pages', 0) for k in readings]
    if times:
        print('time: %.0f ms per form, %.0f ms per page' % (sum(times) / len(times), sum(times) / max(1, sum(pages))))


if __name__ == '__main__':
    if len(sys.argv) >= 4 and sys.argv[1] == 'prepare':
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == 'score':
        score(sys.argv[2], '--verbose' in sys.argv)
    else:
        print(__doc__)
        sys.exit(2)
