"""The statements-heavy profile (issue 17): packages whose financial statements come in every layout
companies send them in — a file each, several in one PDF, two on one page, one continued over two
pages, inside a 10–40 page audit report, .xlsx (a sheet each or all on one sheet), and scanned,
faxed, phone-photographed or turned.

Truth rules (see scripts/gen_samples.py --profile statements and samples/README.md):
  * files[].kind of a file holding several statements is the kind of the first statement in it (by
    page, or the first sheet); files[].contains lists every statement kind the file holds, and the
    checklist counts the file for each of them (present, files). An audit report is kind
    audit_report; its statements are present, in it (truth.py), and not required.
  * Where an audit report holds both 合并 and 母公司 statements, financials are the 合并 figures.
  * Every amount is a whole number of the displayed quantum (0.01 of the unit), so the 万元 truth
    (rounded to 0.01 万元) is exactly what the page shows, whatever the unit.
"""
import io
import os
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from . import containers, docs, docxform, fonts, layout, pdfwrite, render, scan, statements, values
from .noise import noise as det_noise

LAYOUTS = ['separate', 'multi_pdf', 'two_per_page', 'continued', 'audit', 'xlsx_sheets', 'xlsx_one_sheet',
           'degraded']

# cents per displayed hundredth of the unit
QUANT = {'元': 1, '千元': 1000, '万元': 10000, '亿元': 10 ** 8}
TEXT_FONTS = ['zenhei', 'uming', 'microhei', 'ukai', 'stsong']
SCAN_FONTS = ['zenhei', 'uming', 'microhei', 'ukai', 'notosans', 'notoserif']

BS_COLS = [('期末余额', '年初余额', True), ('期末余额', '上年年末余额', True), ('年末余额', '年初余额', True),
           ('上年年末余额', '本年年末余额', False), ('年初余额', '期末余额', False)]
FLOW_COLS = [('本期金额', '上期金额', True), ('本年累计', '上年同期', True), ('本年金额', '上年金额', True),
             ('上期金额', '本期金额', False), ('上年同期', '本年累计', False)]


# ---------------------------------------------------------------- figures

class StmtX(statements.Statements):
    """Statements whose every amount is a multiple of the unit's displayed hundredth; optionally a loss
    year and/or a negative operating cash flow."""

    def __init__(self, rng, year, total_assets_yuan, ratio, regcap_wan, unit, unbalanced=False, loss=False,
                 neg_ocf=False):
        q = QUANT[unit]
        super().__init__(rng, year, total_assets_yuan / q, ratio, regcap_wan / q, unit=unit, unbalanced=unbalanced)
        if loss:
            for d in (self.is_cur,):
                np_ = d['四、净利润（净亏损以“-”号填列）']
                d['减：营业成本'] += np_ + max(1, int(d['一、营业收入'] * rng.uniform(0.01, 0.05)))
                _recompute_income(d)
        if neg_ocf:
            d = self.cf_cur
            delta = d['经营活动产生的现金流量净额'] + max(1, int(d['销售商品、提供劳务收到的现金'] * rng.uniform(0.01, 0.06)))
            d['购买商品、接受劳务支付的现金'] += delta
            d['经营活动现金流出小计'] += delta
            d['经营活动产生的现金流量净额'] -= delta
            d['取得借款收到的现金'] += delta
            d['筹资活动现金流入小计'] += delta
            d['筹资活动产生的现金流量净额'] += delta
        for dd in (self.bs_end, self.bs_begin, self.tot_end, self.tot_begin, self.is_cur, self.is_prev, self.cf_cur,
                   self.cf_prev):
            for k in dd:
                dd[k] *= q
        self.q = q


def _recompute_income(d):
    op = (d['一、营业收入'] - d['减：营业成本'] - d['税金及附加'] - d['销售费用'] - d['管理费用'] - d['研发费用'] - d['财务费用']
          + d['加：其他收益'] + d['投资收益（损失以“-”号填列）'] + d['信用减值损失（损失以“-”号填列）']
          + d['资产减值损失（损失以“-”号填列）'])
    d['二、营业利润（亏损以“-”号填列）'] = op
    tp = op + d['加：营业外收入'] - d['减：营业外支出']
    d['三、利润总额（亏损总额以“-”号填列）'] = tp
    d['减：所得税费用'] = 0 if tp <= 0 else d['减：所得税费用']
    d['四、净利润（净亏损以“-”号填列）'] = tp - d['减：所得税费用']


# ---------------------------------------------------------------- style

class Style:
    """How one package's statements are written."""

    def __init__(self, rng, i, unit):
        self.unit = unit
        self.unit_where = rng.choice(['line', 'line', 'header'])
        self.unit_line = rng.choice(['单位：%s', '单位：%s', '金额单位：%s', '单位：人民币%s', '单位:%s'])
        self.neg = rng.choice(['paren', 'minus'])
        self.sep = rng.random() < 0.7
        self.index_col = rng.random() < 0.5
        self.bs_cols = BS_COLS[i % len(BS_COLS)] if rng.random() < 0.6 else rng.choice(BS_COLS)
        self.flow_cols = FLOW_COLS[(i + 1) % len(FLOW_COLS)] if rng.random() < 0.6 else rng.choice(FLOW_COLS)
        self.names = {
            'total_assets': rng.choice(['资产总计', '资产总计', '资产合计']),
            'total_liabilities': rng.choice(['负债合计', '负债合计', '负债总计']),
            'owners_equity': rng.choice(['所有者权益（或股东权益）合计', '股东权益合计', '所有者权益合计']),
            'revenue': rng.choice(['一、营业收入', '营业收入', '一、营业总收入']),
            'net_profit': rng.choice(['四、净利润（净亏损以“-”号填列）', '四、净利润', '净利润', '五、净利润']),
        }
        self.total_le = {'所有者权益（或股东权益）合计': '负债和所有者权益（或股东权益）总计', '股东权益合计': '负债和股东权益总计',
                         '所有者权益合计': '负债和所有者权益总计'}[self.names['owners_equity']]
        self.period = rng.choice(['%d年度', '%d年度', '%d年1-12月', '%d年1月1日至12月31日'])
        self.bs_form = rng.choice(['side', 'side', 'vertical'])
        self.wrap = rng.random() < 0.25
        self.cf_supplement = rng.random() < 0.4
        self.code = rng.random() < 0.7
        self.is_title = '损益表' if rng.random() < 0.2 else '利润表'

    def describe(self):
        return {'unit': self.unit, 'unit_where': self.unit_where, 'negatives': self.neg, 'thousands_sep': self.sep,
                'index_col': self.index_col, 'bs_cols': list(self.bs_cols[:2]), 'flow_cols': list(self.flow_cols[:2]),
                'current_first': self.bs_cols[2], 'flow_current_first': self.flow_cols[2], 'names': self.names,
                'period': self.period, 'bs_form': self.bs_form, 'wrapped_amounts': self.wrap,
                'income_title': self.is_title, 'cf_supplement': self.cf_supplement}


def fmt_amount(cents, sty, q):
    if cents is None:
        return ''
    h = cents // q if cents >= 0 else -((-cents) // q)
    if h == 0:
        return '-' if sty.neg == 'paren' and sty.sep else '0.00'
    ip, fp = divmod(abs(h), 100)
    s = ('{:,}' if sty.sep else '{}').format(ip) + '.%02d' % fp
    if h < 0:
        return '(%s)' % s if sty.neg == 'paren' else '-' + s
    return s


def wrapped(s):
    """An amount broken onto two lines, as a narrow spreadsheet column prints it."""
    if len(s) < 8:
        return s
    if ',' in s:
        cut = s.find(',', len(s) // 2 - 2)
        if cut <= 0:
            cut = s.rfind(',')
        return s[:cut + 1] + '\n' + s[cut + 1:]
    cut = len(s) - 6
    return s[:cut] + '\n' + s[cut:]


# ---------------------------------------------------------------- rows

def bs_sections(st, sty, scope):
    """(assets rows, liabilities+equity rows): (label, end, begin, key) with key naming the six figures."""
    n = sty.names
    A = [('流动资产：', None, None, None)] + [(k, st.bs_end[k], st.bs_begin[k], None) for k in st.a_cur_names]
    A += [('流动资产合计', st.tot_end['流动资产合计'], st.tot_begin['流动资产合计'], None), ('非流动资产：', None, None, None)]
    A += [(k, st.bs_end[k], st.bs_begin[k], None) for k in st.a_nc_names]
    A += [('非流动资产合计', st.tot_end['非流动资产合计'], st.tot_begin['非流动资产合计'], None)]
    total_a = (n['total_assets'], st.tot_end['资产总计'], st.tot_begin['资产总计'], 'total_assets')
    L = [('流动负债：', None, None, None)] + [(k, st.bs_end[k], st.bs_begin[k], None) for k in st.l_cur_names]
    L += [('流动负债合计', st.tot_end['流动负债合计'], st.tot_begin['流动负债合计'], None), ('非流动负债：', None, None, None)]
    L += [(k, st.bs_end[k], st.bs_begin[k], None) for k in st.l_nc_names]
    L += [('非流动负债合计', st.tot_end['非流动负债合计'], st.tot_begin['非流动负债合计'], None),
          (n['total_liabilities'], st.tot_end['负债合计'], st.tot_begin['负债合计'], 'total_liabilities'),
          ('所有者权益（或股东权益）：' if '或' in n['owners_equity'] else n['owners_equity'][:-2] + '：', None, None, None)]
    E_end, E_beg = st.tot_end['所有者权益合计'], st.tot_begin['所有者权益合计']
    if scope == '合并':
        m_end = (E_end * 3 // 100) // st.q * st.q
        m_beg = (E_beg * 3 // 100) // st.q * st.q
        for k in st.e_names:
            e, b = st.bs_end[k], st.bs_begin[k]
            if k == '未分配利润':
                e, b = e - m_end, b - m_beg
            L.append((k, e, b, None))
        L += [('归属于母公司所有者权益合计', E_end - m_end, E_beg - m_beg, None), ('少数股东权益', m_end, m_beg, None)]
    else:
        L += [(k, st.bs_end[k], st.bs_begin[k], None) for k in st.e_names]
    L += [(n['owners_equity'], E_end, E_beg, 'owners_equity'),
          (sty.total_le, st.tot_end['负债和所有者权益总计'], st.tot_begin['负债和所有者权益总计'], None)]
    return A, total_a, L


def is_rows(st, sty, scope, compact=False):
    n = sty.names
    out = []
    for k in st.IS_ROWS:
        cur, prev = st.is_cur[k], st.is_prev[k]
        key = None
        label = k
        if k == '一、营业收入':
            if n['revenue'] == '一、营业总收入':
                out.append(('一、营业总收入', cur, prev, 'revenue'))
                label = '其中：营业收入'
            else:
                label, key = n['revenue'], 'revenue'
        elif k.startswith('四、净利润'):
            label, key = n['net_profit'], 'net_profit'
            if n['net_profit'] == '五、净利润':
                label = '四、净利润'
        elif k.startswith(('其中', '利息收入')):
            if compact:
                continue
            label = '    ' + k
        elif compact and k in ('研发费用', '加：其他收益', '信用减值损失（损失以“-”号填列）', '资产减值损失（损失以“-”号填列）'):
            continue
        out.append((label, cur, prev, key))
        if key == 'net_profit' and scope == '合并' and not compact:
            a = (cur * 95 // 100) // st.q * st.q
            b = (prev * 95 // 100) // st.q * st.q
            out += [('（一）归属于母公司所有者的净利润', a, b, None), ('（二）少数股东损益', cur - a, prev - b, None)]
    return out


CF_COMPACT_SKIP = {'收到的税费返还', '收回投资收到的现金', '取得投资收益收到的现金', '投资支付的现金', '吸收投资收到的现金',
                   '收到其他与筹资活动有关的现金', '四、汇率变动对现金及现金等价物的影响', '支付其他与筹资活动有关的现金',
                   '处置固定资产、无形资产和其他长期资产收回的现金净额'}


def cf_rows(st, sty, compact=False, supplement=False):
    out = []
    for k in st.CF_ROWS:
        if isinstance(k, tuple):
            out.append((k[0], None, None, None))
            continue
        if compact and k in CF_COMPACT_SKIP:
            continue
        key = 'operating_cash_flow' if k == '经营活动产生的现金流量净额' else None
        out.append((k, st.cf_cur[k], st.cf_prev[k], key))
    if supplement and not compact:
        np_c, np_p = st.is_cur['四、净利润（净亏损以“-”号填列）'], st.is_prev['四、净利润（净亏损以“-”号填列）']
        oc, op = st.cf_cur['经营活动产生的现金流量净额'], st.cf_prev['经营活动产生的现金流量净额']
        dep_c = (abs(oc - np_c) * 2 // 5) // st.q * st.q
        dep_p = (abs(op - np_p) * 2 // 5) // st.q * st.q
        out += [('补充资料：', None, None, None), ('1．将净利润调节为经营活动现金流量：', None, None, None),
                ('净利润', np_c, np_p, None), ('加：固定资产折旧', dep_c, dep_p, None),
                ('其他', oc - np_c - dep_c, op - np_p - dep_p, None),
                ('经营活动产生的现金流量净额', oc, op, None)]
    return out


# ---------------------------------------------------------------- rendering on a layout.Doc

TITLES = {'balance_sheet': '资产负债表', 'income_statement': '利润表', 'cash_flow_statement': '现金流量表'}
CODES = {'balance_sheet': '01', 'income_statement': '02', 'cash_flow_statement': '03'}


def _head(doc, st, sty, company, kind, scope, title=None, small=1.0):
    name = sty.is_title if kind == 'income_statement' else TITLES[kind]
    t = title or ((scope if scope in ('合并', '母公司') else '') + name)
    doc.title(t, size=doc.size * 1.45 * small)
    doc.spacer(-doc.line_h() * 0.3)
    period = ('%d年12月31日' % st.year) if kind == 'balance_sheet' else sty.period % st.year
    doc.text_line(period, align='center', size=doc.size * 0.9 * small)
    if sty.code:
        doc.text_line('会%s%s表' % ('合' if scope == '合并' else '企', CODES[kind]), align='right', size=doc.size * 0.8 * small)
    doc.text_line('编制单位：%s' % company, size=doc.size * 0.88 * small)
    if sty.unit_where == 'line':
        doc.spacer(-doc.line_h(doc.size * 0.88 * small))
        doc.text_line(sty.unit_line % sty.unit, align='right', size=doc.size * 0.88 * small)


def _amount_heads(sty, cols):
    a, b = cols[0], cols[1]
    if sty.unit_where == 'header':
        return ['%s（%s）' % (a, sty.unit), '%s（%s）' % (b, sty.unit)]
    return [a, b]


def _cells(sty, st, end, begin, key, cols):
    cur = fmt_amount(end, sty, st.q)
    prev = fmt_amount(begin, sty, st.q)
    if end is None:
        cur = prev = ''
    if key and sty.wrap:
        cur = wrapped(cur)
    return [cur, prev] if cols[2] else [prev, cur]


def _table(doc, rows, widths, aligns, size, min_h=None, pad=1.4):
    doc.table(rows, widths, size=size, aligns=aligns, min_h=min_h, pad=pad)


def render_bs(doc, st, sty, company, scope='', split=None, small=1.0):
    """split: None | 'title' (资产负债表（续） on page 2) | 'bare' (no title on page 2); split forces the vertical form."""
    _head(doc, st, sty, company, 'balance_sheet', scope, small=small)
    A, total_a, L = bs_sections(st, sty, scope)
    heads = _amount_heads(sty, sty.bs_cols)
    size = doc.size * 0.72 * small
    idx = sty.index_col
    if sty.bs_form == 'side' and not split:
        left = A + [total_a]
        right = L
        n = max(len(left), len(right))
        left = left[:-1] + [('', None, None, None)] * (n - len(left)) + left[-1:]
        right = right[:-1] + [('', None, None, None)] * (n - len(right)) + right[-1:]
        hdr = ['资产'] + (['行次'] if idx else []) + heads + ['负债和所有者权益（或股东权益）'] + (['行次'] if idx else []) + heads
        rows = [hdr]
        li = ri = 0
        for l, r in zip(left, right):
            row = [l[0]]
            if idx:
                li += l[1] is not None
                row.append(str(li) if l[1] is not None else '')
            row += _cells(sty, st, l[1], l[2], l[3], sty.bs_cols)
            row.append(r[0])
            if idx:
                ri += r[1] is not None
                row.append(str(ri + 30) if r[1] is not None else '')
            row += _cells(sty, st, r[1], r[2], r[3], sty.bs_cols)
            rows.append(row)
        w = [2.6] + ([0.55] if idx else []) + [2.1, 2.1] + [3.2] + ([0.55] if idx else []) + [2.1, 2.1]
        al = ['left'] + (['center'] if idx else []) + ['right', 'right', 'left'] + (['center'] if idx else []) + ['right', 'right']
        _table(doc, rows, w, al, size, min_h=layout.fonts.pt2mm(size) * 1.35 + 1.6)
        return
    w = [4.2] + ([0.6] if idx else []) + [2.2, 2.2]
    al = ['left'] + (['center'] if idx else []) + ['right', 'right']
    size = doc.size * 0.8 * small
    n = [0]

    def rows_of(items, head):
        rows = [[head] + (['行次'] if idx else []) + heads]
        for (lab, e, b, key) in items:
            row = [lab]
            if idx:
                n[0] += e is not None
                row.append(str(n[0]) if e is not None else '')
            rows.append(row + _cells(sty, st, e, b, key, sty.bs_cols))
        return rows
    _table(doc, rows_of(A + [total_a], '资产'), w, al, size)
    if split:
        _foot(doc, None)
        doc.new_page()
        if split == 'title':
            doc.title(('%s资产负债表（续）' % (scope if scope in ('合并', '母公司') else '')), size=doc.size * 1.3 * small)
            doc.text_line('%d年12月31日' % st.year, align='center', size=doc.size * 0.9 * small)
            if sty.unit_where == 'line':
                doc.text_line(sty.unit_line % sty.unit, align='right', size=doc.size * 0.88 * small)
        else:
            doc.spacer(4)
    else:
        doc.spacer(2)
    _table(doc, rows_of(L, '负债和所有者权益（或股东权益）'), w, al, size)


def render_flow(doc, st, sty, company, kind, scope='', compact=False, small=1.0, pad=1.4, seal=None):
    _head(doc, st, sty, company, kind, scope, small=small)
    items = is_rows(st, sty, scope, compact) if kind == 'income_statement' else \
        cf_rows(st, sty, compact, supplement=sty.cf_supplement)
    heads = _amount_heads(sty, sty.flow_cols)
    idx = sty.index_col
    rows = [['项目'] + (['行次'] if idx else []) + heads]
    n = 0
    for (lab, e, b, key) in items:
        row = [lab]
        if idx:
            n += e is not None
            row.append(str(n) if e is not None else '')
        rows.append(row + _cells(sty, st, e, b, key, sty.flow_cols))
    w = [5] + ([0.6] if idx else []) + [2.2, 2.2]
    al = ['left'] + (['center'] if idx else []) + ['right', 'right']
    size = doc.size * (0.8 if kind == 'income_statement' else 0.76) * small
    _table(doc, rows, w, al, size, min_h=(layout.fonts.pt2mm(size) * 1.35 + 2 * pad) if compact else None, pad=pad)


def _foot(doc, people, seal=None, company=None):
    if people:
        doc.spacer(1.5)
        doc.text_line('单位负责人：%s      主管会计工作负责人：%s      会计机构负责人：%s' % people, size=doc.size * 0.8)
    if seal is not None:
        doc.seal_here(company, seal, dx=-40, dy=-4, r=19)


def render_one(doc, pk, kind, scope='', split=None, seal=True, compact=False, small=1.0, pad=1.4):
    """Render one statement of package pk; returns the 1-based pages it occupies."""
    st = pk.parent if scope == '母公司' else pk.st
    first = len(doc.pages)
    if kind == 'balance_sheet':
        render_bs(doc, st, pk.sty, pk.a.company, scope, split=split, small=small)
    else:
        render_flow(doc, st, pk.sty, pk.a.company, kind, scope, compact=compact, small=small, pad=pad)
    _foot(doc, pk.people, pk.a.seal_seed + len(doc.pages) if seal else None, pk.a.company)
    return list(range(first, len(doc.pages) + 1))


# ---------------------------------------------------------------- output formats

def new_doc(pk, text, margins=None, size=None):
    rng = pk.rng
    fid = pk.font_text if text else pk.font_scan
    m = margins or (rng.uniform(18, 26), rng.uniform(16, 24), rng.uniform(16, 24), rng.uniform(16, 22))
    return layout.Doc(fid, size=size or rng.uniform(11, 13), margins=m)


def _rotate(img, deg):
    return img.rotate(deg, expand=True) if deg else img


def scanned_images(pages, rng, dpi=200, color=None, turn=None):
    """turn: {page index: degrees counter-clockwise} for pages fed turned."""
    prof = scan.ScanProfile(rng, False, color=rng.random() < 0.35 if color is None else color)
    prof.dpi = dpi
    out = []
    for i, p in enumerate(pages):
        img = render.render_page(p, dpi)
        img = scan.apply(img, prof, i)
        out.append(_rotate(img, (turn or {}).get(i, 0)))
    return out, prof


def pdf_of_images(imgs, dpi, quality):
    return pdfwrite.image_pdf([(scan.jpeg_bytes(im, quality), im.width, im.height, dpi, im.mode == 'L') for im in imgs])


def fax_images(pages, rng, sender):
    """A fax: 1-bit, standard or fine vertical resolution, a transmit header line, streaks."""
    out = []
    fine = rng.random() < 0.5
    n = len(pages)
    stamp = '2025-03-%02d %02d:%02d' % (rng.randint(1, 28), rng.randint(8, 18), rng.randrange(60))
    skew = rng.uniform(-1.2, 1.2)
    for i, p in enumerate(pages):
        img = render.render_page(p, 200).convert('L')
        d = ImageDraw.Draw(img)
        f = fonts.pil_font('zenhei', 22)
        d.text((40, 12), 'FROM: %s   %s   P.%d/%d' % (sender, stamp, i + 1, n), font=f, fill=0)
        img = img.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
        w, h = img.size
        if not fine:
            img = img.resize((w, h // 2), Image.BILINEAR).resize((w, h), Image.NEAREST)
        nz = det_noise(img.size, rng.uniform(6, 12), rng.random())
        img = ImageChops.add(img, nz, 1.0, -128)
        img = img.filter(ImageFilter.GaussianBlur(0.5))
        bw = img.point(lambda v: 255 if v > rng.choice([135, 150, 165]) else 0)
        d = ImageDraw.Draw(bw)
        for _ in range(rng.randint(0, 3)):     # drop-out streaks across the page
            y = rng.randrange(h)
            d.line([(0, y), (w, y)], fill=255 if rng.random() < 0.5 else 0, width=1)
        out.append(bw.convert('1', dither=Image.NONE))
    return out


def tiff_g4(imgs, dpi=(204, 196)):
    bio = io.BytesIO()
    imgs[0].save(bio, 'TIFF', save_all=True, append_images=imgs[1:], compression='group4', dpi=dpi)
    return bio.getvalue()


def photo_jpeg(page, rng, exif_turn=0, turn=0):
    """A phone photo of one page. exif_turn: 3/6/8 — pixels stored turned, EXIF Orientation set so a
    viewer shows it upright; turn: pixels turned with no tag (the photo taken sideways)."""
    img = render.render_page(page, rng.choice([150, 170]))
    img = scan.photo(img, rng)
    if exif_turn:
        img = img.rotate({3: 180, 6: 90, 8: 270}[exif_turn], expand=True)
        ex = Image.Exif()
        ex[0x0112] = exif_turn
        ex[0x010F] = rng.choice(['HUAWEI', 'Xiaomi', 'OPPO', 'vivo'])
        bio = io.BytesIO()
        img.save(bio, 'JPEG', quality=rng.randint(70, 85), optimize=True, dpi=(72, 72), exif=ex.tobytes())
        return bio.getvalue()
    img = _rotate(img, turn)
    return scan.jpeg_bytes(img, rng.randint(70, 85), dpi=72)


# ---------------------------------------------------------------- a package's statements

class Out:
    def __init__(self, path, data, kind, pages, text_source, contains=None, where=None, effect=None):
        self.path, self.data, self.kind, self.pages, self.text_source = path, data, kind, pages, text_source
        self.contains = contains or [kind]
        self.where = where or {}          # statement kind -> pages (1-based) or sheet names
        self.effect = effect

    def entry(self):
        from .packages import _sha
        e = {'path': self.path, 'sha256': _sha(self.data), 'kind': self.kind, 'pages': self.pages,
             'text_source': self.text_source, 'error': None}
        if len(self.contains) > 1 or self.kind == 'audit_report':
            e['contains'] = sorted(self.contains)
        return e


class Pkg:
    def __init__(self, rng, a, st, parent, sty, people, i):
        self.rng, self.a, self.st, self.parent, self.sty, self.people, self.i = rng, a, st, parent, sty, people, i
        self.font_text = TEXT_FONTS[i % len(TEXT_FONTS)]
        self.font_scan = SCAN_FONTS[i % len(SCAN_FONTS)]
        self.photo_names = set()


def emit(pk, doc, name, kinds_where, fmt, kind=None, turn=None):
    """Turn a built doc into one Out. fmt: text | scan | fax | fax_pdf."""
    rng = pk.rng
    order = sorted(kinds_where, key=lambda k: kinds_where[k][0])
    kind = kind or order[0]
    pages = doc.pages
    if fmt == 'text':
        data = pdfwrite.text_pdf(pages, title=os.path.splitext(name)[0], author=pk.a.company)
        return Out(name, data, kind, len(pages), 'text', order, kinds_where, 'text')
    if fmt == 'scan':
        dpi = rng.choice([150, 200]) if len(pages) > 12 else rng.choice([200, 200, 240, 300])
        imgs, prof = scanned_images(pages, rng, dpi, turn=turn)
        eff = 'scan' + ('+turned' if turn else '')
        return Out(name, pdf_of_images(imgs, dpi, prof.quality), kind, len(pages), 'ocr', order, kinds_where, eff)
    if fmt in ('fax', 'fax_pdf'):
        imgs = fax_images(pages, rng, values.phone(rng, '0931')[0])
        if fmt == 'fax':
            name = os.path.splitext(name)[0] + '.tif'
            return Out(name, tiff_g4(imgs), kind, len(imgs), 'ocr', order, kinds_where, 'fax')
        g = [im.convert('L') for im in imgs]
        return Out(name, pdfwrite.image_pdf([(scan.jpeg_bytes(im, 60), im.width, im.height, 200, True) for im in g]),
                   kind, len(g), 'ocr', order, kinds_where, 'fax')
    raise ValueError(fmt)


def photo_outs(pk, doc, base, kinds_where, exif=None, turn=0):
    outs = []
    for k, pgs in kinds_where.items():
        for j, pg in enumerate(pgs):
            nm = 'IMG_2025%02d%02d_%02d%02d%02d.jpg' % (3, pk.rng.randint(1, 28), pk.rng.randint(8, 18),
                                                       pk.rng.randrange(60), pk.rng.randrange(60))
            while nm in pk.photo_names:
                nm = nm[:-4] + '_1.jpg'
            pk.photo_names.add(nm)
            data = photo_jpeg(doc.pages[pg - 1], pk.rng, exif_turn=exif or 0, turn=turn)
            eff = 'photo' + ('+exif%d' % exif if exif else '') + ('+turned%d' % turn if turn else '')
            outs.append(Out(nm, data, k, 1, 'ocr', [k], {k: [1]}, eff))
    return outs


def one_doc(pk, kinds, text, split=None, scopes=('',)):
    doc = new_doc(pk, text)
    where = {}
    for n, k in enumerate(kinds):
        if n:
            doc.new_page()
        for s_i, sc in enumerate(scopes):
            if s_i:
                doc.new_page()
            pg = render_one(doc, pk, k, sc, split=split if k == 'balance_sheet' else None)
            if sc != '母公司':
                where[k] = pg
    return doc, where


def _fname(pk, kind, ext='.pdf'):
    rng, y = pk.rng, pk.st.year
    r = rng.random()
    if r < 0.2:
        return rng.choice(['scan%04d' % rng.randint(1, 999), 'doc%02d' % rng.randint(1, 40), '附件%d' % rng.randint(2, 9)]) + ext
    base = {'balance_sheet': ['%d年度资产负债表' % y, '资产负债表', '%d年资产负债表' % y],
            'income_statement': ['%d年度利润表' % y, '利润表', '损益表%d' % y],
            'cash_flow_statement': ['%d年度现金流量表' % y, '现金流量表']}[kind]
    return rng.choice(base) + ext


def build_statements(pk, layout_kind):
    """Returns (list of Out, description dict for the manifest)."""
    rng = pk.rng
    K = ['balance_sheet', 'income_statement', 'cash_flow_statement']
    desc = {'layout': layout_kind}
    rnd = pk.i // len(LAYOUTS)      # the how-many-th package of this layout: the variants cycle with it
    outs = []
    used = set()

    def uniq(nm):
        base, ext = os.path.splitext(nm)
        k = 2
        while nm in used:
            nm = '%s（%d）%s' % (base, k, ext)
            k += 1
        used.add(nm)
        return nm

    if layout_kind == 'separate':
        fmts = rng.sample(['text', 'scan', 'photo'], 3) if rnd % 2 == 0 else ['text', 'text', rng.choice(['scan', 'photo'])]
        for k, f in zip(K, fmts):
            doc, where = one_doc(pk, [k], f == 'text')
            if f == 'photo':
                outs += photo_outs(pk, doc, None, where)
            else:
                outs.append(emit(pk, doc, uniq(_fname(pk, k)), where, f))
    elif layout_kind == 'multi_pdf':
        text = rnd % 2 == 1
        groups = [K] if rng.random() < 0.5 else rng.choice([[K[:2], K[2:]], [K[:1], K[1:]]])
        for g in groups:
            doc, where = one_doc(pk, g, text)
            nm = rng.choice(['%d年财务报表.pdf' % pk.st.year, '财务报表.pdf', '%d年度会计报表.pdf' % pk.st.year]) \
                if len(g) > 1 else _fname(pk, g[0])
            outs.append(emit(pk, doc, uniq(nm), where, 'text' if text else 'scan'))
    elif layout_kind == 'two_per_page':
        fmt = ['text', 'scan', 'fax_pdf'][rnd % 3]
        doc, where = one_doc(pk, ['balance_sheet'], fmt == 'text')
        outs.append(emit(pk, doc, uniq(_fname(pk, 'balance_sheet')), where, fmt if fmt != 'fax_pdf' else 'scan'))
        for small in (0.82, 0.76, 0.7, 0.64):
            doc = new_doc(pk, fmt == 'text', margins=(14, 10, 14, 8), size=11)
            render_flow(doc, pk.st, pk.sty, pk.a.company, 'income_statement', compact=True, small=small, pad=0.7)
            doc.spacer(3)
            render_flow(doc, pk.st, pk.sty, pk.a.company, 'cash_flow_statement', compact=True, small=small, pad=0.7)
            _foot(doc, pk.people, pk.a.seal_seed + 9, pk.a.company)
            if len(doc.pages) == 1:
                break
        if len(doc.pages) != 1:
            raise RuntimeError('two statements do not fit one page')
        nm = rng.choice(['利润表及现金流量表.pdf', '%d年利润表和现金流量表.pdf' % pk.st.year, 'scan%04d.pdf' % rng.randint(1, 999)])
        outs.append(emit(pk, doc, uniq(nm), {'income_statement': [1], 'cash_flow_statement': [1]}, fmt))
    elif layout_kind == 'continued':
        split = 'title' if rnd % 2 == 0 else 'bare'
        fmt = ['text', 'scan', 'photo', 'scan'][rnd % 4]
        together = rng.random() < 0.4 and fmt != 'photo'
        desc['continuation'] = split
        if together:
            doc, where = one_doc(pk, K, fmt == 'text', split=split)
            outs.append(emit(pk, doc, uniq('%d年财务报表.pdf' % pk.st.year), where, fmt))
        else:
            for k in K:
                doc, where = one_doc(pk, [k], fmt == 'text', split=split)
                if fmt == 'photo':
                    outs += photo_outs(pk, doc, None, where)
                else:
                    outs.append(emit(pk, doc, uniq(_fname(pk, k)), where, fmt))
    elif layout_kind == 'audit':
        text = rnd % 2 == 0
        doc, where, info = audit_doc(pk, text)
        desc.update(info)
        nm = rng.choice(['%d年度审计报告.pdf' % pk.st.year, '审计报告.pdf', '%s%d年审计报告.pdf' % (pk.a.company, pk.st.year)])
        o = emit(pk, doc, uniq(nm), where, 'text' if text else 'scan', kind='audit_report')
        o.contains = K
        outs.append(o)
    elif layout_kind in ('xlsx_sheets', 'xlsx_one_sheet'):
        bio = io.BytesIO()
        where = write_xlsx(bio, pk, one_sheet=layout_kind == 'xlsx_one_sheet')
        nm = rng.choice(['%d年财务报表.xlsx' % pk.st.year, '财务报表.xlsx', '三大报表%d.xlsx' % pk.st.year])
        outs.append(Out(uniq(nm), docxform.deterministic_zip(bio.getvalue()), 'balance_sheet', None, 'text', K, where, 'xlsx'))
    elif layout_kind == 'degraded':
        # each statement its own file, each worse than a plain scan: fax, phone photo (EXIF-turned), turned scans
        plan = [('fax', None), ('photo_exif', None), ('turned', None)]
        rng.shuffle(plan)
        for k, (f, _) in zip(K, plan):
            doc, where = one_doc(pk, [k], False)
            if f == 'fax':
                outs.append(emit(pk, doc, uniq(_fname(pk, k, '.pdf')), where, rng.choice(['fax', 'fax', 'fax_pdf'])))
            elif f == 'photo_exif':
                if rng.random() < 0.7:
                    outs += photo_outs(pk, doc, None, where, exif=rng.choice([6, 8, 3]))
                else:
                    outs += photo_outs(pk, doc, None, where, turn=rng.choice([90, 270]))
            else:
                npg = len(doc.pages)
                turn = {j: rng.choice([90, 180, 270]) for j in range(npg)}
                if npg > 1 and rng.random() < 0.5:
                    turn[0] = 0
                outs.append(emit(pk, doc, uniq(_fname(pk, k)), where, 'scan', turn=turn))
    else:
        raise ValueError(layout_kind)
    desc['files'] = [{'path': o.path, 'kind': o.kind, 'contains': o.contains, 'where': o.where, 'effect': o.effect,
                      'pages': o.pages} for o in outs]
    return outs, desc


# ---------------------------------------------------------------- audit report

NOTE_SENTENCES = [
    '本公司财务报表以持续经营为基础，根据实际发生的交易和事项，按照财政部颁布的《企业会计准则——基本准则》和各项具体会计准则及相关规定进行确认和计量。',
    '本公司会计年度自公历1月1日起至12月31日止。本公司以人民币为记账本位币。',
    '本公司对会计要素进行计量时，一般采用历史成本；对于以公允价值计量的资产和负债，按照公允价值计量。',
    '现金等价物是指企业持有的期限短、流动性强、易于转换为已知金额现金、价值变动风险很小的投资。',
    '本公司以预期信用损失为基础，对应收账款、其他应收款等金融资产进行减值会计处理并确认损失准备。',
    '存货主要包括原材料、在产品、库存商品、周转材料等，发出存货采用加权平均法计价。',
    '固定资产折旧采用年限平均法分类计提，根据固定资产类别、预计使用寿命和预计净残值率确定折旧率。',
    '矿山开采形成的井巷工程按照产量法计提折旧，采矿权按照已探明储量采用产量法摊销。',
    '本公司按照国家规定提取安全生产费，计入相关产品的成本或当期损益，同时记入“专项储备”科目。',
    '收入在客户取得相关商品控制权时确认，本公司销售的精矿产品在交付并经客户验收后确认收入。',
    '政府补助为货币性资产的，按照收到或应收的金额计量；与资产相关的政府补助确认为递延收益。',
    '本公司适用的企业所得税税率为25%，子公司符合西部大开发税收优惠条件的，按15%税率缴纳企业所得税。',
    '资产负债表日，本公司对长期股权投资、固定资产、在建工程、无形资产等进行检查，存在减值迹象的进行减值测试。',
    '租赁期开始日，本公司对租赁确认使用权资产和租赁负债，短期租赁和低价值资产租赁除外。',
]


def audit_doc(pk, text):
    """A 10–40 page audit report: cover, opinion, the statements (合并 and maybe 母公司), 所有者权益变动表, notes."""
    rng, a, st = pk.rng, pk.a, pk.st
    target = [12, 40, 26, 18, 33, 10][(pk.i // len(LAYOUTS)) % 6] + rng.randint(0, 2) - 1
    target = max(10, min(40, target))
    both = pk.parent is not None
    doc = new_doc(pk, text)
    firm = rng.choice(docs.AUDITORS)
    doc.spacer(40)
    doc.title('%s\n%d年度财务报表审计报告' % (a.company, st.year), size=doc.size * 1.6)
    doc.spacer(20)
    doc.text_line('%s审字〔%d〕第%04d号' % (rng.choice(['XYZH', '大信', '甘弘信', '众环']), st.year + 1, rng.randint(10, 2000)), align='center')
    doc.spacer(60)
    doc.text_line(firm, align='center')
    doc.text_line('%d年%d月%d日' % (st.year + 1, rng.randint(3, 4), rng.randint(1, 28)), align='center')
    if rng.random() < 0.5:
        doc.new_page()
        doc.title('目    录')
        for t, p in [('审计报告', '1-3'), ('资产负债表', '4'), ('利润表', '6'), ('现金流量表', '7'), ('财务报表附注', '9-%d' % target)]:
            doc.text_line('%s%s%s' % (t, '·' * (40 - 2 * len(t)), p))
    doc.new_page()
    doc.title('审计报告')
    doc.text_line('%s全体股东：' % a.company)
    scope_w = '合并及母公司' if both else ''
    doc.para('一、审计意见', indent=0)
    doc.para('我们审计了%s（以下简称“贵公司”）财务报表，包括%d年12月31日的%s资产负债表，%d年度的%s利润表、%s现金流量表、%s所有者权益变动表以及相关财务报表附注。'
             % (a.company, st.year, scope_w, st.year, scope_w, scope_w, scope_w))
    doc.para('我们认为，后附的财务报表在所有重大方面按照企业会计准则的规定编制，公允反映了贵公司%d年12月31日的%s财务状况以及%d年度的%s经营成果和现金流量。'
             % (st.year, '合并及母公司' if both else '', st.year, '合并及母公司' if both else ''))
    doc.para('二、形成审计意见的基础', indent=0)
    doc.para('我们按照中国注册会计师审计准则的规定执行了审计工作。审计报告的“注册会计师对财务报表审计的责任”部分进一步阐述了我们在这些准则下的责任。按照中国注册会计师职业道德守则，我们独立于贵公司，并履行了职业道德方面的其他责任。我们相信，我们获取的审计证据是充分、适当的，为发表审计意见提供了基础。')
    doc.para('三、管理层和治理层对财务报表的责任', indent=0)
    doc.para('贵公司管理层负责按照企业会计准则的规定编制财务报表，使其实现公允反映，并设计、执行和维护必要的内部控制，以使财务报表不存在由于舞弊或错误导致的重大错报。')
    doc.para('在编制财务报表时，管理层负责评估贵公司的持续经营能力，披露与持续经营相关的事项（如适用），并运用持续经营假设，除非管理层计划清算贵公司、终止运营或别无其他现实的选择。治理层负责监督贵公司的财务报告过程。')
    doc.para('四、注册会计师对财务报表审计的责任', indent=0)
    for _ in range(rng.randint(1, 4)):
        doc.para('我们的目标是对财务报表整体是否不存在由于舞弊或错误导致的重大错报获取合理保证，并出具包含审计意见的审计报告。合理保证是高水平的保证，但并不能保证按照审计准则执行的审计在某一重大错报存在时总能发现。错报可能由于舞弊或错误导致，如果合理预期错报单独或汇总起来可能影响财务报表使用者依据财务报表作出的经济决策，则通常认为错报是重大的。')
        doc.para('在按照审计准则执行审计工作的过程中，我们运用职业判断，并保持职业怀疑。我们识别和评估由于舞弊或错误导致的财务报表重大错报风险，设计和实施审计程序以应对这些风险，并获取充分、适当的审计证据，作为发表审计意见的基础。')
    doc.spacer(8)
    doc.text_line('%s        中国注册会计师：%s' % (firm, values.person(rng)), size=doc.size * 0.9)
    doc.text_line('中国·兰州                    中国注册会计师：%s' % values.person(rng), size=doc.size * 0.9)
    doc.seal_here(firm, rng.randrange(10 ** 6), dx=-60, r=21)
    where = {}
    order = []
    for k in ['balance_sheet', 'income_statement', 'cash_flow_statement']:
        order += [(k, '合并'), (k, '母公司')] if both else [(k, '')]
    split = rng.choice([None, None, 'title']) if pk.sty.bs_form == 'vertical' else None
    stmt_pages = {}
    for k, sc in order:
        doc.new_page()
        pg = render_one(doc, pk, k, sc, split=split if k == 'balance_sheet' else None, seal=False)
        stmt_pages['%s%s' % (sc, k)] = pg
        if sc != '母公司':
            where[k] = pg
    # 所有者权益变动表 (not read: ends the cash-flow statement before it)
    doc.new_page()
    doc.title('%s所有者权益变动表' % ('合并' if both else ''), size=doc.size * 1.4)
    doc.text_line('%d年度' % st.year, align='center', size=doc.size * 0.9)
    hdr = ['项目', '实收资本', '资本公积', '专项储备', '盈余公积', '未分配利润', '所有者权益合计']
    e0 = [st.bs_begin[k] for k in st.e_names]
    e1 = [st.bs_end[k] for k in st.e_names]
    rows = [hdr, ['一、上年年末余额'] + [fmt_amount(v, pk.sty, st.q) for v in e0 + [sum(e0)]],
            ['二、本年增减变动金额'] + [fmt_amount(y - x, pk.sty, st.q) for x, y in zip(e0 + [sum(e0)], e1 + [sum(e1)])],
            ['三、本年年末余额'] + [fmt_amount(v, pk.sty, st.q) for v in e1 + [sum(e1)]]]
    doc.table(rows, [2.6, 1.6, 1.6, 1.6, 1.6, 1.8, 2.0], size=doc.size * 0.62, aligns=['left'] + ['right'] * 6)
    # notes until the target page count
    doc.new_page()
    notes_from = len(doc.pages)
    target = max(target, notes_from + 1)
    doc.title('%s\n财务报表附注' % a.company, size=doc.size * 1.3)
    doc.text_line('（除特别注明外，金额单位均为人民币%s）' % pk.sty.unit, align='center', size=doc.size * 0.85)
    sec = 0
    heads = ['一、公司基本情况', '二、财务报表的编制基础', '三、重要会计政策及会计估计', '四、税项', '五、财务报表项目注释',
             '六、关联方及关联交易', '七、承诺及或有事项', '八、资产负债表日后事项', '九、其他重要事项']
    note_items = st.a_cur_names + st.a_nc_names + st.l_cur_names + st.l_nc_names
    ni = 0
    guard = 0
    while len(doc.pages) < target and guard < 2000:
        guard += 1
        if sec < len(heads) and (guard % 5 == 1):
            doc.para(heads[sec], indent=0, bold=True)
            sec += 1
        if sec >= 5 and ni < len(note_items) and rng.random() < 0.6:
            k = note_items[ni]
            ni += 1
            doc.para('%d、%s' % (ni, k), indent=0)
            e, b = st.bs_end[k], st.bs_begin[k]
            e1_, b1_ = (e * 6 // 10) // st.q * st.q, (b * 6 // 10) // st.q * st.q
            rows = [['项目', '期末余额', '年初余额'], ['%s（一）' % k, fmt_amount(e1_, pk.sty, st.q), fmt_amount(b1_, pk.sty, st.q)],
                    ['%s（二）' % k, fmt_amount(e - e1_, pk.sty, st.q), fmt_amount(b - b1_, pk.sty, st.q)],
                    ['合计', fmt_amount(e, pk.sty, st.q), fmt_amount(b, pk.sty, st.q)]]
            doc.table(rows, [4, 2.5, 2.5], size=doc.size * 0.8, aligns=['left', 'right', 'right'])
            doc.spacer(2)
        else:
            doc.para(rng.choice(NOTE_SENTENCES) + rng.choice(NOTE_SENTENCES))
    # the target fills the last page; drop a page begun past it
    while len(doc.pages) > target and len(doc.pages) > notes_from + 1:
        doc.pages.pop()
    info = {'audit_pages': len(doc.pages), 'scopes': '合并+母公司' if both else 'single', 'statement_pages': stmt_pages}
    return doc, where, info


# ---------------------------------------------------------------- xlsx

def write_xlsx(f, pk, one_sheet):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    st, sty, company = pk.st, pk.sty, pk.a.company
    wb = openpyxl.Workbook()
    thin = Side(style='thin')
    q = st.q
    as_numbers = pk.rng.random() < 0.6     # numbers with a number format, or the amounts typed as text
    where = {}

    def put(ws, r, vals, amount_cols):
        for i, v in enumerate(vals):
            if i in amount_cols and isinstance(v, int):
                if as_numbers:
                    c = ws.cell(row=r, column=i + 1, value=round(v / q / 100.0, 2))
                    c.number_format = ('#,##0.00' if sty.sep else '0.00') + (';(#,##0.00)' if sty.neg == 'paren' and sty.sep else '')
                else:
                    c = ws.cell(row=r, column=i + 1, value=fmt_amount(v, sty, q))
                    c.alignment = Alignment(horizontal='right')
            else:
                c = ws.cell(row=r, column=i + 1, value=v)
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def block(ws, r, kind):
        ws.cell(row=r, column=1, value=sty.is_title if kind == 'income_statement' else TITLES[kind]).font = Font(size=15, bold=True)
        ws.cell(row=r + 1, column=1, value='编制单位：%s' % company)
        ws.cell(row=r + 1, column=3, value=('%d年12月31日' % st.year) if kind == 'balance_sheet' else sty.period % st.year)
        if sty.unit_where == 'line':
            ws.cell(row=r + 1, column=5 if kind == 'balance_sheet' and sty.bs_form == 'side' else 4, value=sty.unit_line % sty.unit)
        r += 2
        idx = sty.index_col
        if kind == 'balance_sheet':
            A, total_a, L = bs_sections(st, sty, '')
            heads = _amount_heads(sty, sty.bs_cols)
            items = A + [total_a] + L
            hdr = ['项目'] + (['行次'] if idx else []) + heads
            cols = sty.bs_cols
        else:
            items = is_rows(st, sty, '') if kind == 'income_statement' else cf_rows(st, sty, supplement=sty.cf_supplement)
            heads = _amount_heads(sty, sty.flow_cols)
            hdr = ['项目'] + (['行次'] if idx else []) + heads
            cols = sty.flow_cols
        put(ws, r, hdr, ())
        for c in range(1, len(hdr) + 1):
            ws.cell(row=r, column=c).font = Font(bold=True)
        first = r
        r += 1
        n = 0
        off = 2 if idx else 1
        for (lab, e, b, key) in items:
            row = [lab]
            if idx:
                n += e is not None
                row.append(n if e is not None else None)
            vals = [e, b] if cols[2] else [b, e]
            row += vals
            put(ws, r, row, (off, off + 1))
            r += 1
        return first, r

    K = ['balance_sheet', 'income_statement', 'cash_flow_statement']
    if one_sheet:
        ws = wb.active
        ws.title = pk.rng.choice(['财务报表', 'Sheet1', '%d年报表' % st.year])
        r = 1
        for k in K:
            first, r = block(ws, r, k)
            where[k] = '%s!A%d' % (ws.title, first - 2)
            r += pk.rng.randint(2, 4)
        ws.cell(row=r, column=1, value='单位负责人：%s    主管会计工作负责人：%s    会计机构负责人：%s' % pk.people)
    else:
        names = pk.rng.choice([['资产负债表', '利润表', '现金流量表'], ['资产负债表', '损益表', '现金流量表'],
                               ['Sheet1', 'Sheet2', 'Sheet3'], ['表1', '表2', '表3']])
        for j, k in enumerate(K):
            ws = wb.active if j == 0 else wb.create_sheet()
            ws.title = names[j]
            first, r = block(ws, 1, k)
            where[k] = '%s!A1' % ws.title
            ws.cell(row=r + 1, column=1, value='单位负责人：%s' % pk.people[0])
    for ws in wb.worksheets:
        for col, w in zip('ABCDEF', [34, 10 if sty.index_col else 18, 18, 18, 18, 18]):
            ws.column_dimensions[col].width = w
    wb.save(f)
    return where


# ---------------------------------------------------------------- packages

def plan(i):
    """(layout, defects, options) of package i: layouts cycle, so 8k packages hold each k times."""
    lay = LAYOUTS[i % len(LAYOUTS)]
    defects = []
    if i % 10 == 3 or i % 16 == 12:
        defects.append('balance_sheet_unbalanced')
    if i % 10 == 6 or i % 16 == 4:
        defects.append('statements_outdated')
    if i % 10 == 8:
        defects.append('debt_ratio_mismatch')
    return lay, defects


UNITS = ['元', '千元', '万元', '亿元']


def build_package(i, seed, outdir, blacklist):
    from . import packages
    lay, defects = plan(i)
    rng = random.Random('%s-%d-statements' % (seed, i))
    a = values.make_app(rng, year=2024, defects=defects, opts={})
    a.seal_seed = rng.randrange(10 ** 6)
    a.seal_code = '%013d' % rng.randrange(10 ** 13) if rng.random() < 0.4 else ''
    year = 2023 if 'statements_outdated' in defects else 2024
    unit = UNITS[(i // len(LAYOUTS) + i) % 4]
    A = rng.uniform(1.5e9, 8e9) if unit == '亿元' else rng.uniform(2.5e8, 6e9)
    ratio = rng.uniform(0.32, 0.72)
    st = StmtX(rng, year, A, ratio, a.f['registered_capital'], unit, unbalanced='balance_sheet_unbalanced' in defects,
               loss=i % 5 == 1, neg_ocf=i % 7 == 2)
    parent = None
    if lay == 'audit' and (i // 16) % 2 == 0:
        parent = StmtX(rng, year, A * rng.uniform(0.45, 0.8), ratio * rng.uniform(0.8, 1.1), a.f['registered_capital'], unit)
    a.stmt, a.stmt_included = st, True
    r = 100.0 * st.total_liabilities / st.total_assets
    if 'debt_ratio_mismatch' in defects:
        r += rng.choice([-1, 1]) * rng.uniform(3, 9)
    values.set_debt_ratio(a, r)
    values.fill_financial_text(a)
    ctx = packages.Ctx(rng, False)
    ctx.index = i
    ctx.suffix = '_%03d' % i
    sty = Style(rng, i, unit)
    people = (a.legal_rep, values.person(rng), values.person(rng))
    pk = Pkg(rng, a, st, parent, sty, people, i)
    form_out = packages.form_files(ctx, a, 'pdf', rng.choice(['入库申请表（盖章）.pdf', '绿色矿山项目入库申请表.pdf', '申请表.pdf']))
    atts = packages.attachments(ctx, a, scanned_budget=1)
    stm, desc = build_statements(pk, lay)
    sub = rng.choice(['', '财务报表/', '附件/财务资料/'])
    inbox = os.path.join(outdir, 'inbox')
    members = [(f.path, f) for f in form_out + atts] + [(sub + f.path, f) for f in stm]
    seen = set()
    for n, _ in members:
        if n in seen:
            raise RuntimeError('duplicate member %s' % n)
        seen.add(n)
    if i % 2 == 0:
        source = packages.unique(ctx, a.company)
        containers.write_folder(os.path.join(inbox, source), [(n, f.data) for n, f in members])
        cont = 'folder'
    else:
        source = packages.unique(ctx, '%s入库申请材料.zip' % a.mine)
        containers.write_zip(os.path.join(inbox, source), [(n, f.data) for n, f in members], gbk=False)
        cont = 'zip'
    files = []
    for n, f in members:
        e = f.entry()
        e['path'] = n
        files.append(e)
    rec = packages.finish(outdir, source, a, files, blacklist)
    for fd in desc['files']:
        fd['path'] = sub + fd['path']
    m = rec['_manifest']
    m['statements'] = desc
    m['layout'] = lay
    m['stmt_style'] = sty.describe()
    m['stmt_font'] = fonts.FONTS[pk.font_text][2] if any(o.effect == 'text' for o in stm) else None
    m['stmt_scan_font'] = fonts.FONTS[pk.font_scan][2] if any(o.effect not in ('text', 'xlsx') for o in stm) else None
    m['effects'] = sorted({o.effect for o in stm})
    m['container'], m['variant'] = cont, lay
    return rec
