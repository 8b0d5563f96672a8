#!/usr/bin/python3
"""Draws scanned pages of the 入库申请表 (附件2) for the form reader's tests.

A small, self-contained stand-in for scripts/gen_samples.py: it lays out the
form's bordered table with the real labels (4-column rows, full-width rows,
checkbox groups, compound cells), fills it with known values, and simulates a
scanner: red seal, skew, 180° rotation, noise, a dark scanner edge, JPEG.

    make_form.py --out DIR [--seed N] [--dpi 300] [--font zenhei] [--skew 1.2]
                 [--rotate 180] [--seal-over-name] [--noise 0.02] [--split-at ROW]
                 [--widths 30,50,30,50] [--values values.json] [--crop Y0,Y1]

Writes DIR/page<N>.png (or .jpg with --jpeg) and DIR/truth.json:
{"fields": {key: raw text}, "marked": {key: [options]}}.
"""
import argparse
import json
import math
import os
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONTS = {
    'zenhei': ('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 0),
    'microhei': ('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 0),
    'uming': ('/usr/share/fonts/truetype/arphic/uming.ttc', 0),
    'ukai': ('/usr/share/fonts/truetype/arphic/ukai.ttc', 0),
    'notoserif': ('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 2),
    'notosans': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 2),
}
SYMBOLS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

# The form, row by row. ('section', title) | ('pair', label, key, label, key) |
# ('wide', label, key) | ('below', key)  (a full-width value row under a header).
FORM = [
    ('section', '一、企业基本情况'),
    ('pair', '企业名称*', 'company_name', '信用代码', 'credit_code'),
    ('pair', '企业类型*¹', 'company_type', '注册资金（万元）*', 'registered_capital'),
    ('pair', '信用等级*²', 'credit_rating', '资产负债率（%）*³', 'debt_ratio'),
    ('section', '二、项目基本信息'),
    ('pair', '项目名称*', 'project_name', '是否变更⁴', 'renamed'),
    ('pair', '项目所在地*', 'project_location', '项目级别⁵', 'project_level'),
    ('wide', '项目描述*', 'project_description'),
    ('wide', '项目所属类别*⁶', 'project_category'),
    ('pair', '开工时间*', 'start_date', '项目期限', 'project_term'),
    ('pair', '项目阶段*⁷', 'project_stage', '是否中央预算内投资*', 'central_budget'),
    ('pair', '项目建设性质*⁸', 'construction_nature', '项目收入来源⁹', 'revenue_source'),
    ('pair', '项目回报率¹⁰', 'return_rate', '项目回收期（年）¹¹', 'payback_years'),
    ('wide', '项目运作模式¹²', 'operation_mode'),
    ('section', '三、投资情况'),
    ('pair', '项目总投资*\n（万元）', 'total_investment', '资本金总额*\n（万元）', 'equity_capital'),
    ('wide', '资金来源*¹³', 'funding'),
    ('pair', '已到位资金*\n（万元）', 'funds_in_place', '已投资额*（万元）', 'invested_amount'),
    ('pair', '预计年内投资额（万元）', 'planned_investment_this_year', '资金用途¹⁴', 'use_of_funds'),
    ('pair', '项目预计总收益（万元）', 'expected_total_revenue', '预计项目年度收益*（万元）', 'expected_annual_revenue'),
    ('section', '四、项目经营管理情况'),
    ('pair', '立项文件\n办理情况*', 'approval_status', '土地使用\n相关证明*', 'land_use_status'),
    ('pair', '环评批复*', 'eia_status', '节能审查', 'energy_review_status'),
    ('pair', '初步设计批复*', 'preliminary_design_status', '开展清洁生产\n审核情况', 'cleaner_production_audit'),
    ('pair', '财务状况', 'financial_condition', '税费缴纳情况', 'tax_payment'),
    ('pair', '职业健康安全\n体系认证', 'ohs_certification', '近2年行政奖励、处罚情况', 'rewards_penalties'),
    ('section', '五、项目融资情况'),
    ('pair', '意向融资方式¹⁵', 'financing_methods', '贷款总需求*\n（万元）', 'loan_demand_total'),
    ('pair', '已获贷款额*\n（万元）', 'loans_obtained', '年内贷款需求*\n（万元）', 'loan_demand_this_year'),
    ('pair', '意向贷款期限*', 'loan_term', '担保方式*¹⁶', 'guarantee_method'),
    ('pair', '利率定价意见*', 'interest_rate_opinion', '对接银行', 'partner_bank'),
    ('section', '六、项目社会效益（具有何种社会效益，文字描述）'),
    ('below', 'social_benefits'),
    ('section', '七、其他'),
    ('wide', '政策诉求', 'policy_requests'),
    ('wide', '联系人\n及联系方式*', 'contact'),
]

CHECKS = {
    'renamed': ['是', '否'],
    'approval_status': ['已完成核准', '已完成备案', '正在办理', '不涉及'],
    'land_use_status': ['正在办理', '已取得用地预审', '已取得不动产权证', '不涉及'],
    'eia_status': ['已取得', '正在办理', '不涉及'],
    'energy_review_status': ['已取得', '正在办理', '不涉及'],
    'preliminary_design_status': ['已取得', '正在办理', '不涉及'],
    'ohs_certification': ['已认证', '未认证'],
    'financing_methods': ['股权', '发债', '贷款', '其他'],
}
# Checkbox groups laid out on one line (the rest: one option a line, as in the guide).
INLINE_CHECKS = {'renamed', 'financing_methods'}

DEFAULT_VALUES = {
    'company_name': '甘肃祁连矿业有限公司',
    'credit_code': '91620100MA71234567',
    'company_type': '国有控股公司',
    'registered_capital': '12500',
    'credit_rating': 'AA',
    'debt_ratio': '56.3',
    'project_name': '祁连山矿区生态修复及绿色矿山建设项目',
    'former_project_name': '',
    'project_location': '甘肃省张掖市肃南县',
    'project_level': '省级',
    'project_description': '对祁连山北麓矿区开展地质环境治理、植被恢复和尾矿库闭库治理，建设矿区生态监测系统，改造选矿厂照明与供电设施，提升资源综合利用水平。',
    'project_category': '四、绿色低碳 4.2节能降碳改造 4.2.8绿色照明改造',
    'start_date': '2024年3月',
    'project_term': '36个月',
    'project_stage': '已开工',
    'central_budget': '否',
    'construction_nature': '改扩建',
    'revenue_source': '经营性收入',
    'return_rate': '8.5%',
    'payback_years': '6.5',
    'operation_mode': '非PPP',
    'total_investment': '10000',
    'equity_capital': '3500',
    'funding_government': '500',
    'funding_self': '3000',
    'funding_other': '6500',
    'funds_in_place': '4000',
    'invested_amount': '2500',
    'planned_investment_this_year': '3000',
    'use_of_funds': '建设',
    'expected_total_revenue': '25000',
    'expected_annual_revenue': '2500',
    'cleaner_production_audit': '2023年完成清洁生产审核并通过验收',
    'financial_condition': '2024年末资产总额8.6亿元，负债率56.3%',
    'tax_payment': '按时足额缴纳，无欠税',
    'rewards_penalties': '无行政处罚',
    'loan_demand_total': '6500',
    'loans_obtained': '0',
    'loan_demand_this_year': '3000',
    'loan_term_months': '36',
    'guarantee_method': '抵押、保证',
    'interest_rate_opinion': 'LPR下浮20个基点',
    'partner_bank': '中国农业发展银行甘肃省分行',
    'social_benefits': '项目建成后可新增就业岗位120个，年减少粉尘排放约300吨，恢复植被面积约1200亩，改善矿区周边生态环境。',
    'policy_requests': '申请纳入省级绿色矿山项目库并给予贴息支持',
    'contact_person': '张伟',
    'contact_phone': '13909311234',
    'marked': {
        'renamed': ['否'],
        'approval_status': ['已完成备案'],
        'land_use_status': ['已取得不动产权证'],
        'eia_status': ['已取得'],
        'energy_review_status': ['正在办理'],
        'preliminary_design_status': ['不涉及'],
        'ohs_certification': ['已认证'],
        'financing_methods': ['贷款'],
    },
}

MARK_STYLES = ['tick_glyph', 'tick_stroke', 'cross_glyph', 'filled']


def font(fid, px):
    path, idx = FONTS[fid]
    return ImageFont.truetype(path, int(px), index=idx)


class Canvas:
    """One A4 page at dpi; coordinates in millimetres."""

    def __init__(self, dpi):
        self.k = dpi / 25.4
        self.img = Image.new('RGB', (int(210 * self.k), int(297 * self.k)), (255, 255, 255))
        self.d = ImageDraw.Draw(self.img)

    def px(self, mm):
        return mm * self.k

    def line(self, x1, y1, x2, y2, w=0.3):
        self.d.line([(self.px(x1), self.px(y1)), (self.px(x2), self.px(y2))], fill=(0, 0, 0),
                    width=max(2, int(round(self.px(w)))))

    def text(self, x, y, s, f, fill=(0, 0, 0)):
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill)


def split_sup(label):
    """'企业类型*¹' -> ('企业类型*', '1'): footnote digits are drawn small and raised."""
    sup = {'¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁰': '0'}
    main = ''.join(c for c in label if c not in sup)
    digits = ''.join(sup[c] for c in label if c in sup)
    return main, digits


def wrap(s, f, width_px):
    out = []
    for para in s.split('\n'):
        line = ''
        for ch in para:
            if line and f.getlength(line + ch) > width_px and ch not in '，。、）%':
                out.append(line)
                line = ch
            else:
                line += ch
        out.append(line)
    return out


def check_text(key, marked):
    """The text of a checkbox group as segments: (kind, text) with kind 'text' | 'box' | 'mark'."""
    lines = []
    for opt in CHECKS[key]:
        lines.append([('text', opt), ('box', 'mark' if opt in marked else '')])
    return lines


def build_cells(values, marked):
    """Cell contents per field key: list of lines, each a list of (kind, text)."""
    def plain(s):
        return [[('text', s)]] if s else [[('text', '')]]
    cells = {}
    for key, v in values.items():
        if isinstance(v, str):
            cells[key] = plain(v)
    for key in CHECKS:
        groups = check_text(key, marked.get(key, []))
        if key in INLINE_CHECKS:
            flat = [seg for g in groups for seg in g]
            groups = [flat[:4], flat[4:]] if key == 'financing_methods' else [flat]
            groups = [g for g in groups if g]
        if key == 'renamed' and values.get('former_project_name'):
            groups.append([('text', '曾用名：' + values['former_project_name'])])
        cells[key] = groups
    cells['funding'] = [[('text', '政府资金（ %s ）万元，自筹资金（ %s ）万元，其他（ %s ）万元' %
                          (values['funding_government'], values['funding_self'], values['funding_other']))]]
    cells['loan_term'] = [[('text', '（ %s ）个月' % values['loan_term_months'])]]
    cells['contact'] = [[('text', '%s  %s' % (values['contact_person'], values['contact_phone']))]]
    return cells


def layout_segments(segs, f, width_px):
    """Wraps a line of segments into lines no wider than width_px (boxes stay whole)."""
    out, line, w = [], [], 0.0
    box_w = f.getlength('（  ）')
    for kind, t in segs:
        if kind == 'box':
            if line and w + box_w > width_px:
                out.append(line)
                line, w = [], 0.0
            line.append((kind, t))
            w += box_w
            continue
        for ch in t:
            cw = f.getlength(ch)
            if line and w + cw > width_px:
                out.append(line)
                line, w = [], 0.0
            line.append(('text', ch))
            w += cw
    out.append(line)
    return out


def draw_mark(img, d, x, y, size, style, rng):
    """A mark inside a bracket pair at (x, y) (top-left of the bracket interior), size px high."""
    if style == 'tick_glyph':
        f = ImageFont.truetype(SYMBOLS, int(size * 0.9))
        d.text((x, y + size * 0.05), '√', font=f, fill=(20, 30, 90))
    elif style == 'cross_glyph':
        f = ImageFont.truetype(SYMBOLS, int(size * 0.9))
        d.text((x, y + size * 0.05), '×', font=f, fill=(0, 0, 0))
    elif style == 'tick_stroke':
        pts = [(x + size * 0.05, y + size * 0.5), (x + size * 0.3, y + size * 0.85),
               (x + size * 0.75, y + size * 0.1)]
        pts = [(px + rng.uniform(-2, 2), py + rng.uniform(-2, 2)) for px, py in pts]
        d.line(pts, fill=(20, 30, 90), width=max(2, int(size * 0.08)), joint='curve')
    else:  # filled
        d.rectangle([x + size * 0.15, y + size * 0.25, x + size * 0.65, y + size * 0.75], fill=(0, 0, 0))


def draw_cell_lines(cv, lines, f, x, y, w, h, pad, mark_style, rng):
    lh = f.size * 1.35
    ty = cv.px(y) + (cv.px(h) - len(lines) * lh) / 2
    for line in lines:
        tx = cv.px(x + pad)
        for kind, t in line:
            if kind == 'text':
                cv.d.text((tx, ty), t, font=f, fill=(0, 0, 0))
                tx += f.getlength(t)
            else:
                cv.d.text((tx, ty), '（', font=f, fill=(0, 0, 0))
                inner = tx + f.getlength('（')
                if t == 'mark':
                    draw_mark(cv.img, cv.d, inner - f.size * 0.35, ty + f.size * 0.1, f.size * 0.85,
                              mark_style, rng)
                tx = inner + f.getlength('  ')
                cv.d.text((tx - f.size * 0.2, ty), '）', font=f, fill=(0, 0, 0))
                tx += f.getlength('）') - f.size * 0.2
        ty += lh


def cell_lines(content, f, width_px):
    out = []
    for segs in content:
        out.extend(layout_segments(segs, f, width_px))
    return out


def label_lines(label, f, width_px):
    main, sup = split_sup(label)
    lines = wrap(main, f, width_px)
    return [[('text', l)] for l in lines], sup


def render(args, values, marked):
    rng = random.Random(args.seed)
    dpi = args.dpi
    fpx = int(round(args.font_pt * dpi / 72))
    f = font(args.font, fpx)
    fsup = font(args.font, int(fpx * 0.6))
    ftitle = font(args.font, int(fpx * 1.45))
    widths = [float(v) for v in args.widths.split(',')]
    total = 160.0
    widths = [w * total / sum(widths) for w in widths]
    x0, top, bottom = 25.0, 25.0, 297 - 22.0
    pad = 1.5
    cells = build_cells(values, marked)
    pages = []
    cv = Canvas(dpi)
    y = top
    cv.text(x0 + (total - ftitle.getlength('甘肃省绿色矿山建设投融资项目入库申请表') / cv.k) / 2, y,
            '甘肃省绿色矿山建设投融资项目入库申请表', ftitle)
    y += fpx * 2.2 / cv.k
    cv.text(x0, y, '填报企业（盖章）：', f)
    y += fpx * 1.8 / cv.k
    name_pos = (x0 + f.getlength('填报企业（盖章）：') / cv.k + 20, y - fpx * 1.2 / cv.k)
    boxes = {}
    page_index = 0
    min_h = max(args.row_mm, fpx * 1.35 / cv.k + 2 * pad)
    for ri, row in enumerate(FORM):
        kind = row[0]
        if kind == 'section':
            spans = [(sum(widths), [[('text', row[1])]], None)]
        elif kind == 'pair':
            spans = [(widths[0], None, row[1]), (widths[1], cells[row[2]], row[2]),
                     (widths[2], None, row[3]), (widths[3], cells[row[4]], row[4])]
        elif kind == 'wide':
            spans = [(widths[0], None, row[1]), (sum(widths[1:]), cells[row[2]], row[2])]
        else:
            spans = [(sum(widths), cells[row[1]], row[1])]
        laid = []
        hmax = min_h
        for w, content, lab in spans:
            wpx = cv.px(w - 2 * pad)
            if content is None:
                lines, sup = label_lines(lab, f, wpx - fsup.size)
            else:
                lines, sup = cell_lines(content, f, wpx), ''
            laid.append((w, lines, sup, lab if content is not None else None))
            hmax = max(hmax, len(lines) * fpx * 1.35 / cv.k + 2 * pad + 1.0)
        if kind == 'below':
            hmax = max(hmax, 28.0)
        if y + hmax > bottom or (args.split_at and ri == args.split_at):
            pages.append(cv)
            cv = Canvas(dpi)
            page_index += 1
            y = top
        parts = [(laid, hmax)]
        if args.cut_at and ri == args.cut_at:
            # The row breaks across the page: the first lines of each cell here,
            # the rest on the next page under an empty label cell.
            first, rest = [], []
            for w, lines, sup, key in laid:
                k = (len(lines) + 1) // 2 if key else len(lines)
                first.append((w, lines[:k], sup, key))
                rest.append((w, lines[k:], '', key))
            h1 = max(min_h, max(len(l[1]) for l in first) * fpx * 1.35 / cv.k + 2 * pad)
            h2 = max(min_h, max(len(l[1]) for l in rest) * fpx * 1.35 / cv.k + 2 * pad)
            parts = [(first, h1), (rest, h2)]
        for pi, (cells_laid, hmax) in enumerate(parts):
          if pi > 0:
            pages.append(cv)
            cv = Canvas(dpi)
            page_index += 1
            y = top
          x = x0
          for w, lines, sup, key in cells_laid:
            cv.line(x, y, x + w, y)
            cv.line(x, y + hmax, x + w, y + hmax)
            cv.line(x, y, x, y + hmax)
            cv.line(x + w, y, x + w, y + hmax)
            style = rng.choice(MARK_STYLES) if args.mark_style == 'random' else args.mark_style
            draw_cell_lines(cv, lines, f, x, y, w, hmax, pad, style, rng)
            if sup and lines:
                tx = cv.px(x + pad) + f.getlength(''.join(t for _, t in lines[-1]))
                lh = fpx * 1.35
                ty = cv.px(y) + (cv.px(hmax) - len(lines) * lh) / 2 + (len(lines) - 1) * lh - fpx * 0.2
                cv.d.text((tx, ty), sup, font=fsup, fill=(0, 0, 0))
            if key and key not in boxes:
                boxes[key] = [page_index, round(cv.px(x)), round(cv.px(y)), round(cv.px(w)), round(cv.px(hmax))]
            x += w
          y += hmax
    pages.append(cv)
    # The seal: over the company name in the first row, or beside 填报企业.
    if args.seal:
        p0 = pages[0]
        if args.seal_over_name and 'company_name' in boxes:
            _, bx, by, bw, bh = boxes['company_name']
            cx, cy = bx + bw * 0.45, by + bh * 0.5
        else:
            cx, cy = p0.px(name_pos[0] + 20), p0.px(name_pos[1])
        stamp(p0.img, cx, cy, p0.px(20), values['company_name'], rng)
    return pages, boxes


def stamp(img, cx, cy, r, name, rng):
    size = int(2 * r + 8)
    mask = Image.new('L', (size, size), 0)
    d = ImageDraw.Draw(mask)
    c = size / 2
    d.ellipse([c - r, c - r, c + r, c + r], outline=255, width=max(3, int(r * 0.05)))
    star = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r * 0.27 if k % 2 == 0 else r * 0.27 * 0.382
        star.append((c + rr * math.cos(a), c + rr * math.sin(a)))
    d.polygon(star, fill=255)
    ch = int(r * 0.28)
    f = font('zenhei', ch)
    n = len(name)
    span = min(290.0, 18.0 * n + 40)
    for i, s in enumerate(name):
        th = math.radians(-span / 2 + span * (i + 0.5) / n)
        tile = Image.new('L', (ch * 2, ch * 2), 0)
        ImageDraw.Draw(tile).text((ch, ch), s, font=f, fill=255, anchor='mm')
        tile = tile.rotate(-math.degrees(th), expand=True)
        rt = r - ch * 0.9
        mask.paste(255, (int(c + rt * math.sin(th) - tile.width / 2), int(c - rt * math.cos(th) - tile.height / 2)), tile)
    mask = mask.filter(ImageFilter.GaussianBlur(1))
    alpha = mask.point(lambda v: int(v * 0.9))
    red = (rng.randint(200, 230), rng.randint(15, 45), rng.randint(30, 60))
    layer = Image.composite(Image.new('RGB', (size, size), red), Image.new('RGB', (size, size), (255, 255, 255)), alpha)
    layer = layer.rotate(rng.uniform(-25, 25), fillcolor=(255, 255, 255))
    box = (int(cx - c), int(cy - c))
    region = img.crop((box[0], box[1], box[0] + size, box[1] + size))
    img.paste(ImageChops.multiply(region, layer), box)


def scan(img, args, rng):
    """Scanner effects: skew, noise, a dark edge, 180° rotation."""
    if args.skew:
        img = img.rotate(args.skew, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    if args.noise > 0:
        noise = Image.effect_noise(img.size, 40 * args.noise * 10).convert('RGB')
        img = ImageChops.multiply(img, noise.point(lambda v: 255 - max(0, 128 - v) // 4))
        speck = Image.new('L', img.size, 255)
        sd = ImageDraw.Draw(speck)
        for _ in range(int(img.size[0] * img.size[1] * args.noise / 2000)):
            x, y = rng.randrange(img.size[0]), rng.randrange(img.size[1])
            sd.point((x, y), fill=rng.randint(0, 120))
        img = ImageChops.multiply(img, speck.convert('RGB'))
    if args.dark_edge:
        d = ImageDraw.Draw(img)
        w = int(img.size[0] * 0.025)
        d.rectangle([0, 0, w, img.size[1]], fill=(40, 40, 40))
    if args.blur:
        img = img.filter(ImageFilter.GaussianBlur(args.blur))
    if args.rotate:
        img = img.rotate(args.rotate, expand=True)
    return img


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--dpi', type=int, default=300)
    ap.add_argument('--font', default='zenhei', choices=sorted(FONTS))
    ap.add_argument('--font-pt', type=float, default=10.5)
    ap.add_argument('--widths', default='28,52,28,52')
    ap.add_argument('--row-mm', type=float, default=10.0)
    ap.add_argument('--skew', type=float, default=0.0)
    ap.add_argument('--rotate', type=int, default=0)
    ap.add_argument('--seal', action='store_true')
    ap.add_argument('--seal-over-name', action='store_true')
    ap.add_argument('--noise', type=float, default=0.0)
    ap.add_argument('--blur', type=float, default=0.0)
    ap.add_argument('--dark-edge', action='store_true')
    ap.add_argument('--split-at', type=int, default=0, help='start a new page at this row of FORM')
    ap.add_argument('--cut-at', type=int, default=0, help='break this row of FORM across two pages')
    ap.add_argument('--mark-style', default='random', choices=MARK_STYLES + ['random'])
    ap.add_argument('--values', help='JSON file overriding the default values')
    ap.add_argument('--pages', default='', help='comma list of page indexes to write (default all)')
    ap.add_argument('--crop', default='', help='Y0,Y1 in mm: write only this band of the first page')
    ap.add_argument('--grey', action='store_true', help='write 8-bit grey instead of RGB')
    ap.add_argument('--jpeg', action='store_true')
    args = ap.parse_args()
    values = dict(DEFAULT_VALUES)
    if args.values:
        with open(args.values, encoding='utf-8') as fh:
            values.update(json.load(fh))
    marked = values.pop('marked')
    os.makedirs(args.out, exist_ok=True)
    pages, boxes = render(args, values, marked)
    rng = random.Random(args.seed + 7)
    wanted = [int(p) for p in args.pages.split(',')] if args.pages else list(range(len(pages)))
    for i, cv in enumerate(pages):
        if i not in wanted:
            continue
        img = cv.img
        if args.crop:
            y0, y1 = (float(v) for v in args.crop.split(','))
            img = img.crop((0, int(cv.px(y0)), img.size[0], int(cv.px(y1))))
        img = scan(img, args, rng)
        if args.grey:
            img = img.convert('L')
        name = os.path.join(args.out, 'page%d.%s' % (i, 'jpg' if args.jpeg else 'png'))
        if args.jpeg:
            img.save(name, quality=75, dpi=(args.dpi, args.dpi))
        else:
            img.save(name, optimize=True, dpi=(args.dpi, args.dpi))
    truth = {'fields': {k: v for k, v in values.items() if isinstance(v, str)}, 'marked': marked,
             'pages': len(pages), 'boxes': boxes}
    with open(os.path.join(args.out, 'truth.json'), 'w', encoding='utf-8') as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
