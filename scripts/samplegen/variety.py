"""The variety profile (issue 18): application forms less kind than the bundled set's.

Each package draws a random subset (at least one) of these features; manifest.json lists them per
package (`variety`) with what exactly was drawn (`variety_detail`) and the fields each touches
(`variety_fields`, null = the whole form), so a score can be broken down (scripts/score --by-variety).

  widths        other column widths (narrow or wide label columns), row heights and margins
  page_breaks   the table broken over pages before one or two rows drawn at random (not a section)
  turned_pages  form pages stored turned: phone photos of single pages with EXIF Orientation 6/8/3
                (pixels turned, the tag says how to show them), or turned 90/180/270 with no tag —
                every page a photo, one page a photo beside a scan PDF of the rest, or a scan PDF
                with pages fed turned
  hints         the blank form's printed hints left in the value cells (描述近两年情况 in 开展清洁生产
                审核情况 and 近2年行政奖励、处罚情况, 描述近1年年资产盈利或负债情况 in 财务状况,
                描述近1年税费缴纳情况 in 税费缴纳情况, now and then another edition's wording): the
                answer written after the hint, or the hint alone where there is no answer
  run_on        a ruling line missing, so a value cell runs on into the next label (企业名称 and
                信用代码 most often), sometimes into that label's value too
  pct_sign      the pct cells (资产负债率, 项目回报率) written with a % sign: %, ％ or " %"
  fonts         form fonts neither other profile uses (fonts.VARIETY_FORM_FONTS, all installed here)

Truth: the values are the applicant's answers — a hint is never part of one (a cell holding only
the hint is null), a missing line or a % sign changes nothing. Every draw of this profile comes
from the package's own rng and is made only when the profile is variety; the other profiles'
code paths draw exactly what they drew before.
"""
import io
import os
import random

from PIL import Image

from . import fonts, packages, render, scan

FEATURES = ['widths', 'page_breaks', 'turned_pages', 'hints', 'run_on', 'pct_sign', 'fonts']

HINTS = {
    'cleaner_production_audit': ('描述近两年情况', ['描述近2年情况', '（描述近两年情况）']),
    'rewards_penalties': ('描述近两年情况', ['描述近2年情况', '（描述近两年情况）']),
    'financial_condition': ('描述近1年年资产盈利或负债情况', ['描述近1年资产盈利或负债情况', '描述近一年资产盈利或负债情况']),
    'tax_payment': ('描述近1年税费缴纳情况', ['描述近一年税费缴纳情况', '（描述近1年税费缴纳情况）']),
}

# quad rows whose first value is written text: label -> (field of its value, field(s) of the next label's value)
RUN_ON_ROWS = {
    '企业名称*': ('company_name', 'credit_code'),
    '企业类型*1': ('company_type', 'registered_capital'),
    '信用等级*2': ('credit_rating', 'debt_ratio'),
    '项目所在地*': ('project_location', 'project_level'),
    '开工时间*': ('start_date', 'project_term'),
    '项目阶段*7': ('project_stage', 'central_budget'),
    '项目建设性质*8': ('construction_nature', 'revenue_source'),
    '项目回报率10': ('return_rate', 'payback_years'),
    '项目总投资*\n（万元）': ('total_investment', 'equity_capital'),
    '已到位资金*\n（万元）': ('funds_in_place', 'invested_amount'),
    '预计年内投资额（万元）': ('planned_investment_this_year', 'use_of_funds'),
    '项目预计总收益（万元）': ('expected_total_revenue', 'expected_annual_revenue'),
    '财务状况': ('financial_condition', 'tax_payment'),
    '意向贷款期限*': ('loan_term_months', 'guarantee_method'),
    '利率定价意见*': ('interest_rate_opinion', 'partner_bank'),
}

# containers whose form may come as photos (a loose file holds one file; zip/utf8 embeds files in the form PDF)
PHOTO_OK = [('eml', 'plain'), ('eml', 'forward'), ('zip', 'gbk'), ('folder', 'mixed'), ('folder', 'photos')]

TURNS = ['exif6', 'exif8', 'exif3', 'rot90', 'rot180', 'rot270']


def draw_features(rng):
    feats = [f for f in FEATURES if rng.random() < 0.45]
    if not feats:
        feats = [rng.choice(FEATURES)]
    return feats


class Variety(dict):
    """feature -> detail (what was drawn); `fields` feature -> touched field keys (None: the whole form)."""

    def __init__(self, feats):
        super().__init__((f, None) for f in feats)
        self.fields = {f: None for f in feats}


# ---------------------------------------------------------------- values

def apply_values(a, rng, var):
    """hints and pct_sign change what is written (a.w), never the truth (a.f), except that a hint-only
    cell may stand for an answer dropped here (truth null)."""
    F, W = a.f, a.w
    if 'hints' in var:
        keys = [k for k in HINTS if rng.random() < 0.65] or [rng.choice(sorted(HINTS))]
        det = {}
        for k in keys:
            std, others = HINTS[k]
            hint = std if rng.random() < 0.75 else rng.choice(others)
            # no answer: the hint alone (a free-text answer with nothing hanging on it may be dropped)
            droppable = k in ('financial_condition', 'tax_payment') or \
                (k == 'cleaner_production_audit' and not a.cleaner_production_done) or \
                (k == 'rewards_penalties' and a.rewards_kind not in ('reward', 'penalty'))
            if W.get(k) and droppable and rng.random() < 0.3:
                F[k] = None
                W[k] = ''
            if W.get(k):
                sep = rng.choice(['', '：', ':', ' ', '\n', '\n', '。'])
                W[k] = hint + sep + W[k]
                det[k] = {'hint': hint, 'sep': sep, 'answer': True}
            else:
                W[k] = hint
                det[k] = {'hint': hint, 'answer': False}
        var['hints'] = det
        var.fields['hints'] = sorted(det)
    if 'pct_sign' in var:
        det = {}
        for k in ('debt_ratio', 'return_rate'):
            if F.get(k) is None or not W.get(k):
                continue
            sign = rng.choice(['%', '%', '％', ' %'])
            W[k] = W[k].rstrip('%') + sign
            det[k] = W[k]
        var['pct_sign'] = det
        var.fields['pct_sign'] = sorted(det)


# ---------------------------------------------------------------- form style

def restyle(st, rng, var, a):
    """Called by packages.form_files after FormStyle (variety profile only)."""
    from .form import rows_of
    if 'fonts' in var:
        st.fid = rng.choice(fonts.VARIETY_FORM_FONTS)
        st.vfid = st.fid if rng.random() < 0.5 else rng.choice(fonts.VARIETY_FORM_FONTS)
        var['fonts'] = {'form': fonts.FONTS[st.fid][2], 'value': fonts.FONTS[st.vfid][2]}
    if 'widths' in var:
        w1 = rng.choice([rng.uniform(0.11, 0.15), rng.uniform(0.24, 0.29)])
        w3 = rng.choice([rng.uniform(0.11, 0.15), rng.uniform(0.24, 0.29)])
        w2 = rng.uniform(0.20, 0.42)
        w2 = max(0.18, min(w2, 1.0 - w1 - w3 - 0.22))     # the last column still holds a credit code
        st.cols = [w1, w2, w3, 1.0 - w1 - w2 - w3]
        st.row_min = rng.choice([rng.uniform(6.0, 7.5), rng.uniform(9.0, 12.0), rng.uniform(13.0, 17.0)])
        st.margins = (rng.uniform(10, 32), rng.uniform(12, 30), rng.uniform(10, 32), rng.uniform(12, 26))
        var['widths'] = {'cols': [round(c, 3) for c in st.cols], 'row_min_mm': round(st.row_min, 1),
                         'margins_mm': [round(m, 1) for m in st.margins]}
    if 'page_breaks' in var:
        rows = rows_of(a)
        cand = [i for i in range(3, len(rows)) if rows[i][0] != 'section']
        n = 1 if rng.random() < 0.6 else 2
        st.break_rows = set(rng.sample(cand, n))
        st.force_break = None
        var['page_breaks'] = [_row_name(rows[i]) for i in sorted(st.break_rows)]
    if 'run_on' in var:
        labels = list(RUN_ON_ROWS)
        chosen = ['企业名称*'] if rng.random() < 0.7 else []
        others = [lb for lb in labels if lb not in chosen]
        chosen += rng.sample(others, rng.randint(0 if chosen else 1, 2))
        st.run_on = {}
        det, touched = {}, set()
        for lb in chosen:
            gaps = {1} if rng.random() < 0.65 else {1, 2}     # value|label, or value|label|value
            st.run_on[lb] = gaps
            det[lb.replace('\n', '')] = 'value+label' if gaps == {1} else 'value+label+value'
            touched.update(RUN_ON_ROWS[lb])
        var['run_on'] = det
        var.fields['run_on'] = sorted(touched)


def _row_name(row):
    return (row[1] if row[0] != 'wide' else '社会效益').replace('\n', '')


# ---------------------------------------------------------------- turned pages

def _photo_name(rng, used):
    while True:
        nm = 'IMG_2025%02d%02d_%02d%02d%02d.jpg' % (3, rng.randint(1, 28), rng.randint(8, 18), rng.randrange(60),
                                                    rng.randrange(60))
        if nm not in used:
            used.add(nm)
            return nm


def _photo_bytes(page, prof, rng, how):
    img = render.render_page(page, prof.dpi)
    img = scan.photo(img, rng)
    q = prof.quality - 5
    if how and how.startswith('exif'):
        tag = int(how[4:])
        img = img.rotate({3: 180, 6: 90, 8: 270}[tag], expand=True)
        ex = Image.Exif()
        ex[0x0112] = tag
        ex[0x010F] = rng.choice(['HUAWEI', 'Xiaomi', 'OPPO', 'vivo', 'Apple'])
        bio = io.BytesIO()
        img.save(bio, 'JPEG', quality=q, optimize=True, dpi=(72, 72), exif=ex.tobytes())
        return bio.getvalue()
    if how:
        img = img.rotate(int(how[3:]), expand=True)
    return scan.jpeg_bytes(img, q, dpi=72)


def turned_form(ctx, a, pages, prof, fmt, name, embedded):
    """The form with some pages stored turned. Returns FileOut list (kind application_form)."""
    rng = ctx.rng
    n = len(pages)
    if fmt == 'photos':
        mode = 'photos'
    else:
        mode = rng.choice(['photos', 'photo_plus_scan', 'scan_turned'])
    turned = set(rng.sample(range(n), rng.randint(1, n)))
    hows = {i: rng.choice(TURNS if mode != 'scan_turned' else ['rot90', 'rot180', 'rot270']) for i in sorted(turned)}
    det = {'mode': mode, 'pages': n, 'turned': {}}
    used = set()
    outs = []
    if mode == 'photos':
        for i, p in enumerate(pages):
            nm = _photo_name(rng, used)
            outs.append(packages.FileOut(nm, _photo_bytes(p, prof, rng, hows.get(i)), 'application_form', 1, 'ocr'))
            if i in hows:
                det['turned']['%s (form page %d)' % (nm, i + 1)] = hows[i]
    elif mode == 'photo_plus_scan':
        j = rng.choice(sorted(turned))
        hows = {j: hows[j]}
        rest = [p for i, p in enumerate(pages) if i != j]
        if rest:
            imgs = packages.scan_images(rest, prof)
            outs.append(packages.FileOut(name, packages.images_pdf(imgs, prof, embedded=[(f.path, f.data) for f in embedded or []]),
                                         'application_form', len(imgs), 'ocr'))
        nm = _photo_name(rng, used)
        outs.append(packages.FileOut(nm, _photo_bytes(pages[j], prof, rng, hows[j]), 'application_form', 1, 'ocr'))
        det['turned']['%s (form page %d)' % (nm, j + 1)] = hows[j]
    else:
        imgs = packages.scan_images(pages, prof)
        imgs = [im.rotate(int(hows[i][3:]), expand=True) if i in hows else im for i, im in enumerate(imgs)]
        outs.append(packages.FileOut(name, packages.images_pdf(imgs, prof, embedded=[(f.path, f.data) for f in embedded or []]),
                                     'application_form', len(imgs), 'ocr'))
        for i in sorted(hows):
            det['turned']['%s page %d' % (name, i + 1)] = hows[i]
    ctx.variety['turned_pages'] = det
    return outs


# ---------------------------------------------------------------- packages

def build_package(i, seed, outdir, blacklist_codes):
    rng = random.Random('%s-%d-variety' % (seed, i))
    var = Variety(draw_features(rng))
    cont, vr, defects, opts = packages.random_spec(rng)
    if 'turned_pages' in var and (cont, vr) not in PHOTO_OK:
        cont, vr = rng.choice(PHOTO_OK)
        opts.pop('statements', None)
        defects = [d for d in defects if d not in ('debt_ratio_mismatch', 'balance_sheet_unbalanced', 'statements_outdated')
                   or opts.get('statements', True)]
    a = packages.make_application(rng, defects, opts)
    if 'blacklisted' in defects:
        blacklist_codes.add(a.credit_code)
    apply_values(a, rng, var)
    ctx = packages.Ctx(rng, False, heavy=False)
    ctx.index = i
    ctx.suffix = '_%03d' % i
    ctx.variety = var
    rec = packages.BUILDERS[cont](ctx, a, outdir, blacklist_codes, vr)
    m = rec['_manifest']
    m['container'], m['variant'] = cont, vr
    m['variety'] = sorted(var)
    m['variety_detail'] = {k: var[k] for k in sorted(var)}
    m['variety_fields'] = {k: var.fields[k] for k in sorted(var)}
    return rec
