"""Financial statements (会企01/02/03表) with consistent totals, rendered as layout docs or xlsx."""
from . import layout


def _split(rng, total, weights):
    """Split an integer total (cents) by weights; exact sum."""
    s = float(sum(weights))
    parts = [int(total * w / s) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def _jit(rng, v, lo=0.8, hi=1.15):
    return int(v * rng.uniform(lo, hi))


class Statements:
    def __init__(self, rng, year, total_assets_yuan, debt_ratio, registered_capital_wan, unit='元',
                 unbalanced=False):
        self.year, self.unit = year, unit
        A = int(total_assets_yuan * 100)              # cents
        L = int(A * debt_ratio)
        E = A - L
        cur = int(A * rng.uniform(0.3, 0.5))
        a_cur_names = ['货币资金', '应收票据', '应收账款', '预付款项', '其他应收款', '存货', '其他流动资产']
        a_cur = _split(rng, cur, [rng.uniform(3, 8), rng.uniform(0.2, 1), rng.uniform(1, 4), rng.uniform(0.3, 1),
                                  rng.uniform(0.2, 1), rng.uniform(2, 5), rng.uniform(0.1, 0.6)])
        a_nc_names = ['长期股权投资', '固定资产', '在建工程', '无形资产', '长期待摊费用', '递延所得税资产', '其他非流动资产']
        a_nc = _split(rng, A - cur, [rng.uniform(0, 1.5), rng.uniform(6, 10), rng.uniform(1, 4), rng.uniform(2, 6),
                                     rng.uniform(0.1, 0.6), rng.uniform(0.05, 0.3), rng.uniform(0.1, 0.8)])
        lc = int(L * rng.uniform(0.45, 0.7))
        l_cur_names = ['短期借款', '应付票据', '应付账款', '合同负债', '应付职工薪酬', '应交税费', '其他应付款', '一年内到期的非流动负债']
        l_cur = _split(rng, lc, [rng.uniform(2, 6), rng.uniform(0.2, 1.5), rng.uniform(2, 5), rng.uniform(0.3, 1),
                                 rng.uniform(0.3, 0.8), rng.uniform(0.2, 0.7), rng.uniform(0.5, 2), rng.uniform(0.5, 2)])
        l_nc_names = ['长期借款', '长期应付款', '预计负债', '递延收益']
        l_nc = _split(rng, L - lc, [rng.uniform(5, 9), rng.uniform(0.5, 2), rng.uniform(0.5, 1.5), rng.uniform(0.1, 0.5)])
        paid_in = min(int(registered_capital_wan * 1e6), int(E * rng.uniform(0.4, 0.7)))
        e_names = ['实收资本（或股本）', '资本公积', '专项储备', '盈余公积', '未分配利润']
        rest = E - paid_in
        e_rest = _split(rng, rest, [rng.uniform(0.5, 2), rng.uniform(0.2, 0.6), rng.uniform(0.2, 0.6), rng.uniform(0.5, 3)])
        e_vals = [paid_in] + e_rest
        end = dict(zip(a_cur_names + a_nc_names + l_cur_names + l_nc_names + e_names, a_cur + a_nc + l_cur + l_nc + e_vals))
        begin = {k: _jit(rng, v) for k, v in end.items()}
        # the opening balance sheet balances too: 未分配利润 takes the difference
        gap = (sum(begin[k] for k in a_cur_names + a_nc_names) - sum(begin[k] for k in l_cur_names + l_nc_names)
               - sum(begin[k] for k in e_names))
        begin['未分配利润'] += gap
        if unbalanced:
            end['固定资产'] += int(A * rng.uniform(0.01, 0.04))
        self.bs_end, self.bs_begin = end, begin
        self.a_cur_names, self.a_nc_names = a_cur_names, a_nc_names
        self.l_cur_names, self.l_nc_names, self.e_names = l_cur_names, l_nc_names, e_names

        def tot(d):
            t = {}
            t['流动资产合计'] = sum(d[k] for k in a_cur_names)
            t['非流动资产合计'] = sum(d[k] for k in a_nc_names)
            t['资产总计'] = t['流动资产合计'] + t['非流动资产合计']
            t['流动负债合计'] = sum(d[k] for k in l_cur_names)
            t['非流动负债合计'] = sum(d[k] for k in l_nc_names)
            t['负债合计'] = t['流动负债合计'] + t['非流动负债合计']
            t['所有者权益合计'] = sum(d[k] for k in e_names)
            t['负债和所有者权益总计'] = t['负债合计'] + t['所有者权益合计']
            return t
        self.tot_end, self.tot_begin = tot(end), tot(begin)
        # income statement
        R = int(A * rng.uniform(0.3, 0.8))
        self.is_cur = self._income(rng, R, L)
        self.is_prev = self._income(rng, int(R * rng.uniform(0.8, 1.1)), L)
        self.cf_cur = self._cash(rng, self.is_cur, begin['货币资金'], end['货币资金'])
        self.cf_prev = self._cash(rng, self.is_prev, _jit(rng, begin['货币资金']), begin['货币资金'])

    # -- income statement -------------------------------------------------
    def _income(self, rng, R, L):
        d = {}
        d['一、营业收入'] = R
        d['减：营业成本'] = int(R * rng.uniform(0.55, 0.75))
        d['税金及附加'] = int(R * rng.uniform(0.03, 0.07))
        d['销售费用'] = int(R * rng.uniform(0.003, 0.015))
        d['管理费用'] = int(R * rng.uniform(0.05, 0.1))
        d['研发费用'] = int(R * rng.uniform(0.005, 0.03))
        d['财务费用'] = int(L * rng.uniform(0.02, 0.04))
        d['其中：利息费用'] = int(d['财务费用'] * rng.uniform(1.0, 1.1))
        d['利息收入'] = int(d['财务费用'] * rng.uniform(0.02, 0.1))
        d['加：其他收益'] = int(R * rng.uniform(0.0, 0.01))
        d['投资收益（损失以“-”号填列）'] = int(R * rng.uniform(-0.005, 0.02))
        d['信用减值损失（损失以“-”号填列）'] = -int(R * rng.uniform(0, 0.006))
        d['资产减值损失（损失以“-”号填列）'] = -int(R * rng.uniform(0, 0.004))
        op = (R - d['减：营业成本'] - d['税金及附加'] - d['销售费用'] - d['管理费用'] - d['研发费用'] - d['财务费用']
              + d['加：其他收益'] + d['投资收益（损失以“-”号填列）'] + d['信用减值损失（损失以“-”号填列）']
              + d['资产减值损失（损失以“-”号填列）'])
        d['二、营业利润（亏损以“-”号填列）'] = op
        d['加：营业外收入'] = int(R * rng.uniform(0, 0.003))
        d['减：营业外支出'] = int(R * rng.uniform(0, 0.004))
        tp = op + d['加：营业外收入'] - d['减：营业外支出']
        d['三、利润总额（亏损总额以“-”号填列）'] = tp
        d['减：所得税费用'] = int(tp * rng.choice([0.15, 0.25])) if tp > 0 else 0
        d['四、净利润（净亏损以“-”号填列）'] = tp - d['减：所得税费用']
        return d

    IS_ROWS = ['一、营业收入', '减：营业成本', '税金及附加', '销售费用', '管理费用', '研发费用', '财务费用',
               '其中：利息费用', '利息收入', '加：其他收益', '投资收益（损失以“-”号填列）',
               '信用减值损失（损失以“-”号填列）', '资产减值损失（损失以“-”号填列）', '二、营业利润（亏损以“-”号填列）',
               '加：营业外收入', '减：营业外支出', '三、利润总额（亏损总额以“-”号填列）', '减：所得税费用',
               '四、净利润（净亏损以“-”号填列）']

    # -- cash flow ----------------------------------------------------------
    def _cash(self, rng, inc, cash_begin, cash_end):
        R = inc['一、营业收入']
        d = {}
        d['销售商品、提供劳务收到的现金'] = int(R * rng.uniform(1.0, 1.12))
        d['收到的税费返还'] = int(R * rng.uniform(0, 0.005))
        d['收到其他与经营活动有关的现金'] = int(R * rng.uniform(0.005, 0.03))
        d['经营活动现金流入小计'] = sum(d[k] for k in ['销售商品、提供劳务收到的现金', '收到的税费返还', '收到其他与经营活动有关的现金'])
        d['购买商品、接受劳务支付的现金'] = int(R * rng.uniform(0.45, 0.65))
        d['支付给职工以及为职工支付的现金'] = int(R * rng.uniform(0.08, 0.15))
        d['支付的各项税费'] = int(R * rng.uniform(0.06, 0.12))
        d['支付其他与经营活动有关的现金'] = int(R * rng.uniform(0.01, 0.04))
        d['经营活动现金流出小计'] = sum(d[k] for k in ['购买商品、接受劳务支付的现金', '支付给职工以及为职工支付的现金', '支付的各项税费', '支付其他与经营活动有关的现金'])
        d['经营活动产生的现金流量净额'] = d['经营活动现金流入小计'] - d['经营活动现金流出小计']
        d['收回投资收到的现金'] = int(R * rng.uniform(0, 0.01))
        d['取得投资收益收到的现金'] = int(R * rng.uniform(0, 0.005))
        d['处置固定资产、无形资产和其他长期资产收回的现金净额'] = int(R * rng.uniform(0, 0.003))
        d['投资活动现金流入小计'] = d['收回投资收到的现金'] + d['取得投资收益收到的现金'] + d['处置固定资产、无形资产和其他长期资产收回的现金净额']
        d['购建固定资产、无形资产和其他长期资产支付的现金'] = int(R * rng.uniform(0.08, 0.25))
        d['投资支付的现金'] = int(R * rng.uniform(0, 0.02))
        d['投资活动现金流出小计'] = d['购建固定资产、无形资产和其他长期资产支付的现金'] + d['投资支付的现金']
        d['投资活动产生的现金流量净额'] = d['投资活动现金流入小计'] - d['投资活动现金流出小计']
        d['吸收投资收到的现金'] = 0
        d['取得借款收到的现金'] = int(R * rng.uniform(0.1, 0.3))
        d['收到其他与筹资活动有关的现金'] = 0
        d['筹资活动现金流入小计'] = d['吸收投资收到的现金'] + d['取得借款收到的现金']
        d['偿还债务支付的现金'] = int(R * rng.uniform(0.1, 0.3))
        d['分配股利、利润或偿付利息支付的现金'] = int(R * rng.uniform(0.02, 0.05))
        inc_needed = cash_end - cash_begin
        other = (d['经营活动产生的现金流量净额'] + d['投资活动产生的现金流量净额'] + d['筹资活动现金流入小计']
                 - d['偿还债务支付的现金'] - d['分配股利、利润或偿付利息支付的现金'] - inc_needed)
        if other < 0:
            d['取得借款收到的现金'] += -other
            d['筹资活动现金流入小计'] += -other
            other = 0
        d['支付其他与筹资活动有关的现金'] = other
        d['筹资活动现金流出小计'] = d['偿还债务支付的现金'] + d['分配股利、利润或偿付利息支付的现金'] + other
        d['筹资活动产生的现金流量净额'] = d['筹资活动现金流入小计'] - d['筹资活动现金流出小计']
        d['四、汇率变动对现金及现金等价物的影响'] = 0
        d['五、现金及现金等价物净增加额'] = inc_needed
        d['加：期初现金及现金等价物余额'] = cash_begin
        d['六、期末现金及现金等价物余额'] = cash_end
        return d

    CF_ROWS = [('一、经营活动产生的现金流量：', None), '销售商品、提供劳务收到的现金', '收到的税费返还',
               '收到其他与经营活动有关的现金', '经营活动现金流入小计', '购买商品、接受劳务支付的现金',
               '支付给职工以及为职工支付的现金', '支付的各项税费', '支付其他与经营活动有关的现金', '经营活动现金流出小计',
               '经营活动产生的现金流量净额', ('二、投资活动产生的现金流量：', None), '收回投资收到的现金',
               '取得投资收益收到的现金', '处置固定资产、无形资产和其他长期资产收回的现金净额', '投资活动现金流入小计',
               '购建固定资产、无形资产和其他长期资产支付的现金', '投资支付的现金', '投资活动现金流出小计',
               '投资活动产生的现金流量净额', ('三、筹资活动产生的现金流量：', None), '吸收投资收到的现金',
               '取得借款收到的现金', '收到其他与筹资活动有关的现金', '筹资活动现金流入小计', '偿还债务支付的现金',
               '分配股利、利润或偿付利息支付的现金', '支付其他与筹资活动有关的现金', '筹资活动现金流出小计',
               '筹资活动产生的现金流量净额', '四、汇率变动对现金及现金等价物的影响', '五、现金及现金等价物净增加额',
               '加：期初现金及现金等价物余额', '六、期末现金及现金等价物余额']

    # -- key figures (yuan) -------------------------------------------------
    @property
    def total_assets(self):
        return self.tot_end['资产总计'] / 100.0

    @property
    def total_liabilities(self):
        return self.tot_end['负债合计'] / 100.0

    @property
    def owners_equity(self):
        return self.tot_end['所有者权益合计'] / 100.0

    @property
    def revenue(self):
        return self.is_cur['一、营业收入'] / 100.0

    @property
    def net_profit(self):
        return self.is_cur['四、净利润（净亏损以“-”号填列）'] / 100.0

    @property
    def operating_cash_flow(self):
        return self.cf_cur['经营活动产生的现金流量净额'] / 100.0

    def financials(self):
        w = lambda v: round(v / 10000.0, 2)
        return {'year': self.year, 'total_assets': w(self.total_assets), 'total_liabilities': w(self.total_liabilities),
                'owners_equity': w(self.owners_equity), 'revenue': w(self.revenue), 'net_profit': w(self.net_profit),
                'operating_cash_flow': w(self.operating_cash_flow)}

    # -- formatting ----------------------------------------------------------
    def fmt(self, cents, neg_style='minus'):
        if cents is None:
            return ''
        v = cents / 100.0
        if self.unit == '万元':
            v = v / 10000.0
        if cents == 0:
            return '-' if neg_style == 'paren' else '0.00'
        s = '{:,.2f}'.format(abs(v))
        if v < 0:
            return '(%s)' % s if neg_style == 'paren' else '-' + s
        return s

    def bs_rows(self):
        left = [('流动资产：', None, None)] + [(k, self.bs_end[k], self.bs_begin[k]) for k in self.a_cur_names]
        left += [('流动资产合计', self.tot_end['流动资产合计'], self.tot_begin['流动资产合计']), ('非流动资产：', None, None)]
        left += [(k, self.bs_end[k], self.bs_begin[k]) for k in self.a_nc_names]
        left += [('非流动资产合计', self.tot_end['非流动资产合计'], self.tot_begin['非流动资产合计'])]
        right = [('流动负债：', None, None)] + [(k, self.bs_end[k], self.bs_begin[k]) for k in self.l_cur_names]
        right += [('流动负债合计', self.tot_end['流动负债合计'], self.tot_begin['流动负债合计']), ('非流动负债：', None, None)]
        right += [(k, self.bs_end[k], self.bs_begin[k]) for k in self.l_nc_names]
        right += [('非流动负债合计', self.tot_end['非流动负债合计'], self.tot_begin['非流动负债合计']),
                  ('负债合计', self.tot_end['负债合计'], self.tot_begin['负债合计']),
                  ('所有者权益（或股东权益）：', None, None)]
        right += [(k, self.bs_end[k], self.bs_begin[k]) for k in self.e_names]
        right += [('所有者权益（或股东权益）合计', self.tot_end['所有者权益合计'], self.tot_begin['所有者权益合计'])]
        n = max(len(left), len(right))
        left += [('', None, None)] * (n - len(left))
        right += [('', None, None)] * (n - len(right))
        left.append(('资产总计', self.tot_end['资产总计'], self.tot_begin['资产总计']))
        right.append(('负债和所有者权益（或股东权益）总计', self.tot_end['负债和所有者权益总计'], self.tot_begin['负债和所有者权益总计']))
        return list(zip(left, right))


def _head(doc, st, company, title, code, period, rng):
    doc.title(title, size=doc.size * 1.5)
    doc.spacer(-doc.line_h() * 0.3)
    doc.text_line(period, align='center', size=doc.size * 0.9)
    doc.text_line(code, align='right', size=doc.size * 0.85)
    doc.text_line('编制单位：%s' % company, size=doc.size * 0.9)
    doc.spacer(-doc.line_h(doc.size * 0.9))
    doc.text_line('单位：%s' % st.unit, align='right', size=doc.size * 0.9)


def _foot(doc, people):
    doc.spacer(2)
    doc.text_line('单位负责人：%s        主管会计工作负责人：%s        会计机构负责人：%s' % people, size=doc.size * 0.85)


def render_balance_sheet(doc, st, company, people, rng, seal_seed=None):
    _head(doc, st, company, '资产负债表', '会企01表', '%d年12月31日' % st.year, rng)
    neg = rng.choice(['minus', 'paren'])
    rows = [['资产', '期末余额', '年初余额', '负债和所有者权益（或股东权益）', '期末余额', '年初余额']]
    for (l, r) in st.bs_rows():
        rows.append([l[0], st.fmt(l[1], neg), st.fmt(l[2], neg), r[0], st.fmt(r[1], neg), st.fmt(r[2], neg)])
    doc.table(rows, [2.6, 2.1, 2.1, 3.2, 2.1, 2.1], size=doc.size * 0.72,
              aligns=['left', 'right', 'right', 'left', 'right', 'right'], min_h=fontsafe(doc) * 0.8)
    _foot(doc, people)
    if seal_seed is not None:
        doc.seal_here(company, seal_seed, dx=-40, dy=-4, r=20)


def fontsafe(doc):
    return layout.fonts.pt2mm(doc.size * 0.72) * 1.35 + 1.6


def render_income(doc, st, company, people, rng, seal_seed=None):
    _head(doc, st, company, '利润表', '会企02表', '%d年度' % st.year, rng)
    neg = rng.choice(['minus', 'paren'])
    rows = [['项目', '本期金额', '上期金额']]
    for k in st.IS_ROWS:
        label = k if not k.startswith(('其中', '利息收入')) else '    ' + k
        rows.append([label, st.fmt(st.is_cur[k], neg), st.fmt(st.is_prev[k], neg)])
    doc.table(rows, [5, 2.2, 2.2], size=doc.size * 0.8, aligns=['left', 'right', 'right'])
    _foot(doc, people)
    if seal_seed is not None:
        doc.seal_here(company, seal_seed, dx=-40, dy=-4, r=20)


def render_cashflow(doc, st, company, people, rng, seal_seed=None):
    _head(doc, st, company, '现金流量表', '会企03表', '%d年度' % st.year, rng)
    neg = rng.choice(['minus', 'paren'])
    rows = [['项目', '本期金额', '上期金额']]
    for k in st.CF_ROWS:
        if isinstance(k, tuple):
            rows.append([k[0], '', ''])
        else:
            rows.append([k, st.fmt(st.cf_cur[k], neg), st.fmt(st.cf_prev[k], neg)])
    doc.table(rows, [5, 2.2, 2.2], size=doc.size * 0.76, aligns=['left', 'right', 'right'])
    _foot(doc, people)
    if seal_seed is not None:
        doc.seal_here(company, seal_seed, dx=-40, dy=-4, r=20)


def write_xlsx(path, st, company, people):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '资产负债表'
    thin = Side(style='thin')
    ws.merge_cells('A1:F1')
    ws['A1'] = '资产负债表'
    ws['A1'].font = Font(size=16, bold=True)
    ws['A1'].alignment = Alignment(horizontal='center')
    ws['F2'] = '会企01表'
    ws['A3'] = '编制单位：%s' % company
    ws['C3'] = '%d年12月31日' % st.year
    ws['F3'] = '单位：%s' % st.unit
    hdr = ['资产', '期末余额', '年初余额', '负债和所有者权益（或股东权益）', '期末余额', '年初余额']
    for i, h in enumerate(hdr):
        c = ws.cell(row=4, column=i + 1, value=h)
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal='center')
    div = 10000.0 if st.unit == '万元' else 1.0
    r = 5
    for (l, rt) in st.bs_rows():
        vals = [l[0], l[1], l[2], rt[0], rt[1], rt[2]]
        for i, v in enumerate(vals):
            if i in (1, 2, 4, 5):
                v = None if v is None else round(v / 100.0 / div, 2)
            c = ws.cell(row=r, column=i + 1, value=v)
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if i in (1, 2, 4, 5):
                c.number_format = '#,##0.00'
        r += 1
    ws.cell(row=r + 1, column=1, value='单位负责人：%s' % people[0])
    ws.cell(row=r + 1, column=3, value='主管会计工作负责人：%s' % people[1])
    ws.cell(row=r + 1, column=5, value='会计机构负责人：%s' % people[2])
    for col, w in zip('ABCDEF', [22, 18, 18, 30, 18, 18]):
        ws.column_dimensions[col].width = w
    wb.save(path)
