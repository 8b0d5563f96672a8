"""The application form (附件2) drawn as pages: title, 填报企业 line, bordered table, notes."""
import re
from . import fonts, layout
from .values import Checkbox

TITLE = '甘肃省绿色矿山建设投融资项目入库申请表'

NOTES = [
    '一．填表说明:',
    '1.企业类型包括:央企及控股公司、国有控股公司、非国有控股公司;',
    '2.信用等级为经资信评估机构评估并出具证书的企业信用等级。共包含AAA、AA、A、BBB、BB、B、CCC、CC、C、D共10个等级;',
    '3.指上一年度期末企业资产负债率。企业上一年度期末资产负债率=上一年度期末总负债:上一年度期末总资产;',
    '4.如项目名称有变更，请写明曾用项目名称;',
    '5.项目级别包括:国家级、省级、地市级、县级；',
    '6.根据附件1中《甘肃省绿色矿山建设投融资项目目录清单》判断项目所属类别，分别列出一、二、三级类别；',
    '7.项目阶段包括:未开工、已开工、已竣工、已投产；',
    '8.项目建设性质包括:新建、改扩建、技改、已完工;',
    '9.项目收入来源包括:经营性收入、使用者付费、使用者付费+政府补贴、政府购买，如为其他，请在表格中写明；',
    '10.指项目全生命周期投资回报率。项目全生命周期投资回报率=全生命周期利润总额-全生命周期内投资总额x100%;',
    '11.指项目投资回收期，拟建项目所获收益的累计总额抵偿项目固定资产投资总额(含建设期借款利息)所需要的时间；',
    '12.项目运作模式包括:PPP、非PPP，如为其他，请在表格中写明；',
    '13.“资金来源”中“其他资金”指通过融资方式获得的项目建设资金金额。其他资金的融资方式包括通过申请贷款、发行债券等；',
    '14.资金用途包括:建设、债务置换、运营、收购，如为其他，请在表格中写明',
    '15.“意向融资方式”如为其他，请在括号内写明;',
    '16.担保方式包括:保证、抵押、质押、信用;',
    '17.标星(*)为必填。',
    '二．随表提供资料清单:',
    '1.项目合规性文件，包括立项批复(审批、备案、核查)、土地批复、环评批复节能审查意见、初步设计批复、清洁生产审核(评估、验收)等文件，未取得文件的应提供相应报告或方案。',
    '2.近1年资产负债表、利润表和现金流量表(或审计报告)。',
    '3.职业健康安全体系认证文件。',
    '4.近2年行政奖励、处罚文件。',
    '5.其他必要的文件资料。',
]


def rows_of(a):
    """The table as in the guide. Cells: str, Checkbox, or list of those (stacked)."""
    W, CB = a.w, a.cb
    renamed = [CB['renamed']]
    if a.f.get('former_project_name'):
        renamed.append('曾用名：' + a.f['former_project_name'])
    central = CB.get('central_budget') or W.get('central_budget', '')
    return [
        ('section', '一、企业基本情况'),
        ('quad', '企业名称*', W['company_name'], '信用代码', W['credit_code']),
        ('quad', '企业类型*1', W['company_type'], '注册资金（万元）*', W['registered_capital']),
        ('quad', '信用等级*2', W['credit_rating'], '资产负债率（%）*3', W['debt_ratio']),
        ('section', '二、项目基本信息'),
        ('quad', '项目名称*', W['project_name'], '是否变更4', renamed),
        ('quad', '项目所在地*', W['project_location'], '项目级别5', W['project_level']),
        ('full', '项目描述*', W['project_description']),
        ('full', '项目所属类别*6', W['project_category']),
        ('quad', '开工时间*', W['start_date'], '项目期限', W['project_term']),
        ('quad', '项目阶段*7', W['project_stage'], '是否中央预算内投资*', central),
        ('quad', '项目建设性质*8', W['construction_nature'], '项目收入来源9', W['revenue_source']),
        ('quad', '项目回报率10', W['return_rate'], '项目回收期（年）11', W['payback_years']),
        ('full', '项目运作模式12', W['operation_mode']),
        ('section', '三、投资情况'),
        ('quad', '项目总投资*\n（万元）', W['total_investment'], '资本金总额*\n（万元）', W['equity_capital']),
        ('full', '资金来源*13', W['funding']),
        ('quad', '已到位资金*\n（万元）', W['funds_in_place'], '已投资额*（万元）', W['invested_amount']),
        ('quad', '预计年内投资额（万元）', W['planned_investment_this_year'], '资金用途14', W['use_of_funds']),
        ('quad', '项目预计总收益（万元）', W['expected_total_revenue'], '预计项目年度收益*（万元）', W['expected_annual_revenue']),
        ('section', '四、项目经营管理情况'),
        ('quad', '立项文件\n办理情况*', CB['approval_status'], '土地使用\n相关证明*', CB['land_use_status']),
        ('quad', '环评批复*', CB['eia_status'], '节能审查', CB['energy_review_status']),
        ('quad', '初步设计批复*', CB['preliminary_design_status'], '开展清洁生产\n审核情况', W['cleaner_production_audit']),
        ('quad', '财务状况', W['financial_condition'], '税费缴纳情况', W['tax_payment']),
        ('quad', '职业健康安全\n体系认证', CB['ohs_certification'], '近2年行政奖励、处罚情况', W['rewards_penalties']),
        ('section', '五、项目融资情况'),
        ('quad', '意向融资方式15', CB['financing_methods'], '贷款总需求*\n（万元）', W['loan_demand_total']),
        ('quad', '已获贷款额*\n（万元）', W['loans_obtained'], '年内贷款需求*\n（万元）', W['loan_demand_this_year']),
        ('quad', '意向贷款期限*', W['loan_term_months'], '担保方式*16', W['guarantee_method']),
        ('quad', '利率定价意见*', W['interest_rate_opinion'], '对接银行', W['partner_bank']),
        ('section', '六、项目社会效益（具有何种社会效益，文字描述）'),
        ('wide', W['social_benefits']),
        ('section', '七、其他'),
        ('full', '政策诉求', W['policy_requests']),
        ('full', '联系人\n及联系方式*', W['contact']),
    ]


class FormStyle:
    def __init__(self, rng, font_choices, hard=False, font=None):
        self.fid = rng.choice(font_choices)
        if font:
            self.fid = font      # the set rotates through its fonts so that every one is used
        self.vfid = self.fid if rng.random() < 0.6 else rng.choice(font_choices)
        self.label_size = rng.uniform(9.5, 12.0)
        self.value_size = self.label_size * rng.uniform(0.88, 1.05)
        self.title_size = rng.uniform(15.5, 18.0)
        if hard:
            # other proportions than the bundled set: narrow or wide label columns, taller or squeezed rows
            w1 = rng.choice([rng.uniform(0.13, 0.16), rng.uniform(0.23, 0.26)])
            w3 = rng.choice([rng.uniform(0.13, 0.16), rng.uniform(0.24, 0.27)])
            w2 = rng.uniform(0.22, 0.36)
            w2 = min(w2, 1.0 - w1 - w3 - 0.24)     # the last column must still hold an 18-char credit code
            self.row_min = rng.choice([rng.uniform(6.5, 8.0), rng.uniform(13.5, 16.0)])
            self.margins = (rng.uniform(12, 17), rng.uniform(12, 20), rng.uniform(12, 17), rng.uniform(12, 18))
            self.label_size = rng.uniform(9.0, 13.0)
            self.value_size = self.label_size * rng.uniform(0.8, 1.12)
        else:
            w1 = rng.uniform(0.17, 0.22)
            w3 = rng.uniform(0.17, 0.23)
            w2 = rng.uniform(0.26, 0.33)
            self.row_min = rng.uniform(7.0, 12.5)
            self.margins = (rng.uniform(17, 26), rng.uniform(20, 30), rng.uniform(17, 26), rng.uniform(18, 26))
        self.cols = [w1, w2, w3, 1.0 - w1 - w2 - w3]
        self.value_align = rng.choice(['left', 'left', 'center'])
        self.checkbox_compact = rng.random() < 0.3
        self.mark = rng.choice(['√', '√', '✓', '×', '☑', 'tick', 'tick', 'cross', '✔'])
        self.superscript = rng.random() < 0.6
        self.page_numbers = rng.random() < 0.5
        self.force_break = rng.choice(([None] if hard else [None, None, None]) +
                                      ['四、项目经营管理情况', '五、项目融资情况', '三、投资情况'] + (['二、项目基本信息', '六、项目社会效益（具有何种社会效益，文字描述）'] if hard else []))
        self.section_bold = rng.random() < 0.8
        self.line_w = rng.choice([0.2, 0.25, 0.3, 0.4])
        self.company_seal_over_cell = rng.random() < 0.4
        self.second_seal = rng.random() < 0.5
        self.notes_size = self.label_size * rng.uniform(0.82, 0.95)
        if not hard and rng.random() < 0.4:
            # a dense copy (someone shrank the Word table to save paper): fits on two pages
            self.label_size = self.value_size = rng.uniform(9.0, 9.8)
            self.row_min = rng.uniform(6.5, 7.5)
            self.margins = (rng.uniform(14, 18), rng.uniform(12, 16), rng.uniform(14, 18), rng.uniform(12, 16))
            self.notes_size = 8.0
            self.checkbox_compact = True
            self.title_size = 15.0
            self.force_break = None


_FOOT = re.compile(r'^(.*?\*?)(\d+)$')


def draw_form(a, st, rng):
    """Return the list of layout.Page for the form."""
    pw, ph = layout.A4
    ml, mt, mr, mb = st.margins
    tw = pw - ml - mr
    colw = [c * tw for c in st.cols]
    pages = []
    page = layout.Page()
    pages.append(page)
    y = mt
    # title
    y += fonts.pt2mm(st.title_size) * 1.1
    t_w = fonts.width_mm(st.fid, st.title_size, TITLE)
    page.text(ml + (tw - t_w) / 2, y, TITLE, st.fid, st.title_size, bold=True)
    y += fonts.pt2mm(st.title_size) * 0.9 + rng.uniform(3, 6)
    lead = '填报企业（盖章）：'
    y += fonts.pt2mm(st.label_size) * 1.2
    page.text(ml, y, lead, st.fid, st.label_size)
    cx0 = ml + fonts.width_mm(st.fid, st.label_size, lead)
    page.text(cx0, y, a.company, st.vfid, st.value_size)
    cname_w = fonts.width_mm(st.vfid, st.value_size, a.company)
    # the seal lands over the end of the company name
    page.seal(cx0 + cname_w * rng.uniform(0.55, 0.95), y - rng.uniform(1, 5), rng.uniform(20, 21.5), a.company, a.seal_seed,
              code=a.seal_code)
    y += rng.uniform(2.5, 4.5)
    pad = 1.3
    llh = fonts.pt2mm(st.label_size) * 1.3
    vlh = fonts.pt2mm(st.value_size) * 1.35
    name_cell_pos = None

    def label_lines(label, width):
        lines = []
        for part in label.split('\n'):
            lines.extend(layout.wrap(part, st.fid, st.label_size, width - 2 * pad))
        return lines

    def cell_height(content, width):
        return len(value_lines(content, width)) * vlh

    def value_lines(content, width):
        """Flatten content into drawable lines: ('text', s) or ('boxes', [segments])."""
        out = []
        if content is None:
            return out
        items = content if isinstance(content, list) else [content]
        for it in items:
            if isinstance(it, Checkbox):
                lines = it.lines
                if st.checkbox_compact and len(lines) > 2 and all(len(ln) == 1 for ln in lines):
                    lines = [lines[i][0:1] + lines[i + 1][0:1] if i + 1 < len(lines) else lines[i]
                             for i in range(0, len(lines), 2)]
                def line_w(ln):
                    return sum(fonts.width_mm(st.vfid, st.value_size, o + '（）') +
                               (fonts.width_mm(st.vfid, st.value_size, it.other_text) if o == '其他' and it.other_text
                                else fonts.width_mm(st.vfid, st.value_size, '中') * 0.9) for o in ln)
                fitted = []
                for ln in lines:
                    if len(ln) > 1 and line_w(ln) > width - 2 * pad:
                        fitted.extend([o] for o in ln)      # too wide for the cell: one option a line
                    else:
                        fitted.append(ln)
                for ln in fitted:
                    segs = []
                    for opt in ln:
                        segs.append(('t', opt))
                        inner = it.other_text if (opt == '其他' and it.other_text) else None
                        segs.append(('box', opt in it.marked and not inner, inner))
                    out.append(('boxes', segs))
            elif it:
                for s in layout.wrap(it, st.vfid, st.value_size, width - 2 * pad):
                    out.append(('text', s))
        return out

    def draw_label(pg, x, top, w, h, label):
        lines = label_lines(label, w)
        ty = top + (h - len(lines) * llh) / 2
        for ln in lines:
            m = _FOOT.match(ln)
            main, sup = (m.group(1), m.group(2)) if (m and st.superscript and ('*' in ln or len(m.group(2)) <= 2)
                                                     and not ln.endswith('）') and m.group(1)) else (ln, '')
            full_w = fonts.width_mm(st.fid, st.label_size, main) + fonts.width_mm(st.fid, st.label_size * 0.6, sup)
            tx = x + (w - full_w) / 2
            base = ty + llh * 0.78
            pg.text(tx, base, main, st.fid, st.label_size)
            if sup:
                pg.text(tx + fonts.width_mm(st.fid, st.label_size, main), base - fonts.pt2mm(st.label_size) * 0.38,
                        sup, st.fid, st.label_size * 0.6)
            ty += llh

    def draw_value(pg, x, top, w, h, content):
        lines = value_lines(content, w)
        ty = top + (h - len(lines) * vlh) / 2
        for kind, data in lines:
            base = ty + vlh * 0.78
            if kind == 'text':
                lw = fonts.width_mm(st.vfid, st.value_size, data)
                tx = x + pad if st.value_align == 'left' or lw > w - 4 * pad else x + (w - lw) / 2
                pg.text(tx, base, data, st.vfid, st.value_size)
            else:
                tx = x + pad
                for seg in data:
                    if seg[0] == 't':
                        pg.text(tx, base, seg[1], st.vfid, st.value_size)
                        tx += fonts.width_mm(st.vfid, st.value_size, seg[1])
                    else:
                        _, marked, inner = seg
                        pg.text(tx, base, '（', st.vfid, st.value_size)
                        tx += fonts.width_mm(st.vfid, st.value_size, '（')
                        gap = fonts.width_mm(st.vfid, st.value_size, inner) if inner else fonts.width_mm(st.vfid, st.value_size, '中') * 0.9
                        if inner:
                            pg.text(tx, base, inner, st.vfid, st.value_size)
                        elif marked:
                            _mark(pg, st, rng, tx + gap / 2, base - fonts.pt2mm(st.value_size) * 0.36, st.value_size)
                        tx += gap
                        pg.text(tx, base, '）', st.vfid, st.value_size)
                        tx += fonts.width_mm(st.vfid, st.value_size, '）')
            ty += vlh

    extra_breaks = getattr(st, 'break_rows', None)     # variety profile: breaks before these row indices
    run_on = getattr(st, 'run_on', None)               # variety profile: ruling lines left out in these rows
    for ri, row in enumerate(rows_of(a)):
        kind = row[0]
        if kind == 'section':
            h = max(st.row_min * 0.85, fonts.pt2mm(st.label_size) * 1.6 + 2 * pad)
            cells = None
        elif kind == 'quad':
            _, l1, v1, l2, v2 = row
            h = max(st.row_min,
                    len(label_lines(l1, colw[0])) * llh + 2 * pad, len(label_lines(l2, colw[2])) * llh + 2 * pad,
                    cell_height(v1, colw[1]) + 2 * pad, cell_height(v2, colw[3]) + 2 * pad)
        elif kind == 'full':
            _, l1, v1 = row
            h = max(st.row_min, len(label_lines(l1, colw[0])) * llh + 2 * pad,
                    cell_height(v1, tw - colw[0]) + 2 * pad)
        else:
            _, v1 = row
            h = max(st.row_min * 2.2, cell_height(v1, tw) + 2 * pad)
        brk = kind == 'section' and st.force_break == row[1] and len(pages) == 1
        if extra_breaks and ri in extra_breaks and y > mt + 1:
            brk = True
        if y + h > ph - mb or brk:
            page = layout.Page()
            pages.append(page)
            y = mt
        x = ml
        lw = st.line_w
        if kind == 'section':
            page.rect(ml, y, ml + tw, y + h, lw)
            page.text(ml + pad * 2, y + h / 2 + fonts.pt2mm(st.label_size) * 0.36, row[1], st.fid, st.label_size,
                      bold=st.section_bold)
        elif kind == 'quad':
            gaps = run_on.get(l1, ()) if run_on else ()
            for i, (content, is_label) in enumerate([(l1, True), (v1, False), (l2, True), (v2, False)]):
                if gaps:
                    # a ruling line missing: this cell and the next one read as one
                    page.line(x, y, x + colw[i], y, lw)
                    page.line(x, y + h, x + colw[i], y + h, lw)
                    if i - 1 not in gaps:
                        page.line(x, y, x, y + h, lw)
                    if i not in gaps:
                        page.line(x + colw[i], y, x + colw[i], y + h, lw)
                else:
                    page.rect(x, y, x + colw[i], y + h, lw)
                if is_label:
                    draw_label(page, x, y, colw[i], h, content)
                else:
                    draw_value(page, x, y, colw[i], h, content)
                    if l1 == '企业名称*' and i == 1:
                        name_cell_pos = (page, x + colw[i] / 2, y + h / 2)
                x += colw[i]
        elif kind == 'full':
            page.rect(x, y, x + colw[0], y + h, lw)
            draw_label(page, x, y, colw[0], h, l1)
            page.rect(x + colw[0], y, ml + tw, y + h, lw)
            draw_value(page, x + colw[0], y, tw - colw[0], h, v1)
        else:
            page.rect(ml, y, ml + tw, y + h, lw)
            draw_value(page, ml, y, tw, h, v1)
        y += h
    # notes
    y += rng.uniform(4, 9)
    nsz = st.notes_size
    nlh = fonts.pt2mm(nsz) * 1.5
    for note in NOTES:
        for ln in layout.wrap(note, st.fid, nsz, tw):
            if y + nlh > ph - mb:
                page = layout.Page()
                pages.append(page)
                y = mt
            page.text(ml + (0 if note[0] in '一二' else 0), y + nlh * 0.8, ln, st.fid, nsz, bold=note[0] in '一二')
            y += nlh
    if st.company_seal_over_cell and name_cell_pos:
        pg, cx, cy = name_cell_pos
        pg.seal(cx + rng.uniform(-10, 15), cy + rng.uniform(-4, 6), rng.uniform(20, 21.5), a.company, a.seal_seed + 1, code=a.seal_code)
    if st.second_seal:
        # a seal on the last page over the notes (业务员 habit: every page stamped)
        pg = pages[-1]
        pg.seal(pw - mr - rng.uniform(28, 45), min(y + 5, ph - mb - 15), rng.uniform(20, 21.5), a.company, a.seal_seed + 2, code=a.seal_code)
    if st.page_numbers:
        n = len(pages)
        for i, pg in enumerate(pages):
            s = '第 %d 页，共 %d 页' % (i + 1, n)
            w = fonts.width_mm(st.fid, 9, s)
            pg.text((pw - w) / 2, ph - mb / 2, s, st.fid, 9)
    return pages


def _mark(pg, st, rng, cx, cy, size_pt):
    s = fonts.pt2mm(size_pt)
    m = st.mark
    if m in ('tick', 'cross'):
        j = lambda: rng.uniform(-0.12, 0.12) * s
        ink = rng.choice([(20, 30, 90), (25, 25, 25), (30, 40, 120)])
        if m == 'tick':
            pts = [(cx - 0.45 * s + j(), cy + j()), (cx - 0.1 * s + j(), cy + 0.42 * s + j()),
                   (cx + 0.6 * s + j(), cy - 0.7 * s + j())]
            pg.stroke(pts, width=s * 0.11, color=ink)
        else:
            pg.stroke([(cx - 0.4 * s + j(), cy - 0.4 * s + j()), (cx + 0.4 * s + j(), cy + 0.4 * s + j())], s * 0.1, ink)
            pg.stroke([(cx + 0.4 * s + j(), cy - 0.4 * s + j()), (cx - 0.4 * s + j(), cy + 0.4 * s + j())], s * 0.1, ink)
        return
    fid = st.vfid if m in ('√', '×') else 'symbol'
    w = fonts.width_mm('zenhei', st.value_size, m) if fid == 'symbol' else fonts.width_mm(fid, st.value_size, m)
    pg.text(cx - w / 2, cy + s * 0.36, m, fid, st.value_size)
