"""Attachment documents: approvals, certificates, penalty/reward notices, audit reports.

Each builder writes into a layout.Doc; the caller decides whether the pages
become a text PDF or a scan.
"""
from . import statements

ABBR = {'兰州市': '兰', '嘉峪关市': '嘉', '金昌市': '金', '白银市': '白', '天水市': '天', '武威市': '武',
        '张掖市': '张', '平凉市': '平', '酒泉市': '酒', '庆阳市': '庆', '定西市': '定', '陇南市': '陇',
        '临夏回族自治州': '临州', '甘南藏族自治州': '甘南州'}
CERT_BODIES = ['中国质量认证中心', '北京中安质环认证中心有限公司', '方圆标志认证集团有限公司', '中联认证中心（北京）有限公司',
               '华夏认证中心有限公司']
AUDITORS = ['信永中和会计师事务所（特殊普通合伙）兰州分所', '大信会计师事务所（特殊普通合伙）甘肃分所',
            '甘肃弘信会计师事务所有限公司', '中审众环会计师事务所（特殊普通合伙）甘肃分所', '立信会计师事务所（特殊普通合伙）']


def _date(rng, year, before_month=12):
    m = rng.randint(1, before_month)
    return '%d年%d月%d日' % (year, m, rng.randint(1, 28))


def _letter(doc, a, rng, issuer, title, number, to, body, seal=True, year=None):
    doc.text_line(issuer, align='center', size=doc.size * 1.9, bold=True, color=(200, 20, 20))
    doc.spacer(2)
    doc.text_line(number, align='center')
    doc.page.line(doc.ml, doc.y + 1, doc.pw - doc.mr, doc.y + 1, 0.6, (200, 20, 20))
    doc.spacer(6)
    doc.title(title, size=doc.size * 1.35)
    doc.text_line(to + '：')
    for p in body:
        doc.para(p)
    doc.spacer(8)
    d = _date(rng, year or a.year)
    doc.text_line(issuer, align='right')
    doc.text_line(d, align='right')
    if seal:
        doc.seal_here(issuer, rng.randrange(10 ** 6), dx=-5, dy=0, r=21)


def approval(doc, a, rng, status):
    city, ab = a.city, ABBR[a.city]
    total = a.f['total_investment']
    if status == '已完成备案':
        doc.title('甘肃省企业投资项目备案证', size=doc.size * 1.6)
        code = '%d%02d-%s-04-01-%06d' % (rng.choice([23, 24]), rng.randint(1, 12), a.credit_code[2:8], rng.randrange(10 ** 6))
        doc.text_line('项目代码：%s' % code, align='center')
        doc.spacer(3)
        rows = [['项目名称', a.f['project_name']], ['项目单位', a.company], ['统一社会信用代码', a.credit_code],
                ['建设地点', a.f['project_location']], ['建设性质', a.f['construction_nature']],
                ['建设规模及内容', a.f['project_description']], ['总投资', '%s万元' % _num(total)],
                ['计划开工时间', a.w['start_date']], ['备案机关', '%s发展和改革委员会' % city]]
        doc.table([['事项', '内容']] + rows, [1, 3], aligns=['center', 'left'], size=doc.size)
        doc.spacer(6)
        doc.para('项目单位对备案信息的真实性、合法性和完整性负责。项目备案后，项目法人发生变化，项目建设地点、规模、内容发生重大变更，或者放弃项目建设的，项目单位应当及时告知备案机关。', indent=2)
        doc.spacer(10)
        doc.text_line('%s发展和改革委员会' % city, align='right')
        doc.text_line(_date(rng, a.year - 1), align='right')
        doc.seal_here('%s发展和改革委员会' % city, rng.randrange(10 ** 6), r=21)
    elif status == '已完成核准':
        _letter(doc, a, rng, '%s发展和改革委员会文件' % city, '关于%s核准的批复' % a.f['project_name'],
                '%s发改审批〔%d〕%d号' % (ab, a.year - 1, rng.randint(12, 260)), a.company,
                ['你公司《关于申请%s核准的请示》及相关材料收悉。经研究，现批复如下：' % a.f['project_name'],
                 '一、为推进绿色矿山建设，同意建设%s，项目代码%d-%s-07-02-%06d。' % (a.f['project_name'], a.year - 1, a.credit_code[2:8], rng.randrange(10 ** 6)),
                 '二、项目建设地点：%s。' % a.f['project_location'],
                 '三、主要建设内容：%s' % a.f['project_description'],
                 '四、项目总投资%s万元，资金来源为企业自筹及银行贷款。' % _num(total),
                 '五、请严格按照国家有关规定办理规划、用地、环评、节能等相关手续，确保工程质量和安全。',
                 '六、本核准文件自印发之日起有效期2年。'], year=a.year - 1)
    else:
        _report_cover(doc, a, rng, '%s可行性研究报告' % a.f['project_name'], '（报批稿）')
        doc.para('一、项目概况：%s项目总投资%s万元。' % (a.f['project_description'], _num(total)))
        doc.para('二、建设必要性：项目符合国家绿色矿山建设和节能减排政策要求，目前正在办理立项备案手续。')


def land(doc, a, rng, status):
    city = a.city
    if status == '已取得不动产权证':
        doc.title('不动产权证书', size=doc.size * 1.8)
        doc.text_line('甘（%d）%s不动产权第%07d号' % (a.year - rng.randint(1, 6), a.county, rng.randrange(10 ** 6)), align='center')
        doc.spacer(4)
        rows = [['权利人', a.company], ['共有情况', '单独所有'], ['坐落', a.f['project_location']],
                ['不动产单元号', '62%04d%03d%03dGB%05dW00000000' % (rng.randrange(10 ** 4), rng.randrange(1000), rng.randrange(1000), rng.randrange(10 ** 5))],
                ['权利类型', '国有建设用地使用权'], ['权利性质', '出让'], ['用途', '工业用地'],
                ['面积', '%d.%02d㎡' % (rng.randint(8000, 120000), rng.randrange(100))],
                ['使用期限', '%d年%d月%d日起%d年%d月%d日止' % (2010 + rng.randint(0, 10), 3, 1, 2060 + rng.randint(0, 10), 2, 28)]]
        doc.table(rows, [1, 3], aligns=['center', 'left'], size=doc.size, header_rows=0)
        doc.spacer(10)
        doc.text_line('登记机构：%s自然资源局' % city, align='right')
        doc.seal_here('%s自然资源局不动产登记专用章' % city, rng.randrange(10 ** 6), r=20)
    elif status == '已取得用地预审':
        _letter(doc, a, rng, '%s自然资源局' % city, '关于%s用地预审与选址意见的函' % a.f['project_name'],
                '%s自然资函〔%d〕%d号' % (ABBR[city], a.year - 1, rng.randint(10, 300)), a.company,
                ['你公司报送的%s用地预审与选址申请材料收悉。经审查，现提出意见如下：' % a.f['project_name'],
                 '一、项目选址位于%s，符合国土空间规划，不占用永久基本农田和生态保护红线。' % a.f['project_location'],
                 '二、项目拟用地%.2f公顷，用地规模符合相关用地指标要求。' % rng.uniform(1.2, 18),
                 '三、本意见有效期三年，自批准之日起计算。'], year=a.year - 1)
    else:
        _report_cover(doc, a, rng, '%s用地预审申请报告' % a.f['project_name'], '')
        doc.para('项目用地预审与选址意见书正在%s自然资源局办理中。' % city)


def eia(doc, a, rng, status):
    city = a.city
    if status == '已取得':
        _letter(doc, a, rng, '%s生态环境局' % city, '关于%s环境影响报告表的批复' % a.f['project_name'],
                '%s环审〔%d〕%d号' % (ABBR[city], a.year - rng.randint(0, 1), rng.randint(5, 160)), a.company,
                ['你公司报送的《%s环境影响报告表》（以下简称《报告表》）收悉。经研究，批复如下：' % a.f['project_name'],
                 '一、项目位于%s，%s' % (a.f['project_location'], a.f['project_description']),
                 '二、在全面落实《报告表》提出的各项生态环境保护措施后，项目建设对环境的不利影响能够得到缓解和控制。我局原则同意《报告表》中所列建设项目的性质、规模、地点和环境保护对策措施。',
                 '三、项目建设必须严格执行配套的环境保护设施与主体工程同时设计、同时施工、同时投产使用的环境保护“三同时”制度。',
                 '四、项目竣工后，你公司应按规定程序开展竣工环境保护验收。'])
    else:
        _report_cover(doc, a, rng, '%s环境影响报告表' % a.f['project_name'], '（送审稿）')
        doc.para('本报告表由建设单位委托编制，目前已报送%s生态环境局审查。' % city)


def energy(doc, a, rng, status):
    city = a.city
    if status == '已取得':
        _letter(doc, a, rng, '%s发展和改革委员会' % city, '关于%s节能报告的审查意见' % a.f['project_name'],
                '%s发改环资〔%d〕%d号' % (ABBR[city], a.year - 1, rng.randint(5, 120)), a.company,
                ['你公司报送的《%s节能报告》收悉。经审查，现提出审查意见如下：' % a.f['project_name'],
                 '一、项目年综合能源消费量%d吨标准煤（当量值），能效水平达到国内先进值。' % rng.randint(800, 26000),
                 '二、原则同意该项目节能报告。项目建设中应严格落实节能报告提出的各项节能措施。',
                 '三、项目投入生产前，须按规定进行节能审查验收。'], year=a.year - 1)
    else:
        _report_cover(doc, a, rng, '%s节能报告' % a.f['project_name'], '（送审稿）')
        doc.para('本项目节能报告已编制完成，正在申请节能审查。')


def design(doc, a, rng, status):
    city = a.city
    if status == '已取得':
        issuer = rng.choice(['%s应急管理局' % city, '%s工业和信息化局' % city, '甘肃省应急管理厅'])
        ab = '甘应急' if issuer.startswith('甘肃省') else ABBR[city] + ('应急' if '应急' in issuer else '工信')
        _letter(doc, a, rng, issuer, '关于%s初步设计的批复' % a.f['project_name'],
                '%s审批〔%d〕%d号' % (ab, a.year - 1, rng.randint(3, 90)), a.company,
                ['你公司报送的《%s初步设计》及安全设施设计等材料收悉。经组织专家审查，批复如下：' % a.f['project_name'],
                 '一、原则同意该项目初步设计。',
                 '二、项目概算总投资%s万元。' % _num(a.f['total_investment']),
                 '三、请按批复的初步设计组织施工，不得擅自变更设计内容。'], year=a.year - 1)
    else:
        _report_cover(doc, a, rng, '%s初步设计说明书' % a.f['project_name'], '')
        doc.para('初步设计说明书已编制完成，待主管部门审批。')


def cleaner(doc, a, rng):
    city = a.city
    _letter(doc, a, rng, '%s生态环境局' % city, '关于%s清洁生产审核评估与验收的意见' % a.company,
            '%s环函〔%d〕%d号' % (ABBR[city], a.year - 1, rng.randint(20, 200)), a.company,
            ['你公司清洁生产审核评估与验收申请材料收悉。我局组织专家进行了现场核查和评估，意见如下：',
             '一、你公司按照《清洁生产审核办法》要求完成了本轮清洁生产审核，实施无低费方案%d项、中高费方案%d项。' % (rng.randint(10, 30), rng.randint(2, 8)),
             '二、经评估，清洁生产审核达到预期目标，同意通过验收。',
             '三、请持续推进清洁生产，巩固审核成果。'], year=a.year - 1)


def ohs(doc, a, rng):
    body = rng.choice(CERT_BODIES)
    doc.spacer(10)
    doc.title('职业健康安全管理体系认证证书', size=doc.size * 1.7)
    doc.text_line('证书编号：%05dS%d%04dR%dM' % (rng.randrange(10 ** 5), a.year - 1, rng.randrange(10 ** 4), rng.randint(0, 3)), align='center')
    doc.spacer(8)
    doc.para('兹证明', indent=0)
    doc.text_line(a.company, align='center', size=doc.size * 1.3, bold=True)
    doc.text_line('统一社会信用代码：%s' % a.credit_code, align='center')
    doc.text_line('注册地址：%s' % a.f['project_location'], align='center')
    doc.spacer(4)
    doc.para('职业健康安全管理体系符合标准：GB/T 45001-2020 / ISO 45001:2018', indent=0)
    doc.para('认证范围：%s的开采、选矿及相关管理活动' % a.ore, indent=0)
    doc.spacer(4)
    y = a.year - rng.randint(0, 1)
    doc.text_line('颁证日期：%d年%d月%d日' % (y, rng.randint(1, 12), rng.randint(1, 28)))
    doc.text_line('有效期至：%d年%d月%d日' % (y + 3, rng.randint(1, 12), rng.randint(1, 28)))
    doc.spacer(10)
    doc.text_line(body, align='right')
    doc.seal_here(body, rng.randrange(10 ** 6), r=20)


def rewards(doc, a, rng):
    city = a.city
    if a.rewards_kind == 'penalty':
        issuer = '%s生态环境局' % city
        doc.title('%s\n行政处罚决定书' % issuer, size=doc.size * 1.5)
        doc.text_line('%s环罚〔%d〕%d号' % (ABBR[city], a.year, rng.randint(5, 90)), align='center')
        doc.spacer(3)
        doc.para('当事人：%s' % a.company, indent=0)
        doc.para('统一社会信用代码：%s' % a.credit_code, indent=0)
        doc.para('法定代表人：%s' % a.legal_rep, indent=0)
        doc.para('一、环境违法事实和证据：我局执法人员于%s对你单位进行现场检查，发现你单位矿石堆场未采取有效覆盖措施，扬尘污染防治措施落实不到位。' % _date(rng, a.year, 10))
        doc.para('二、行政处罚的依据、种类：依据《中华人民共和国大气污染防治法》第一百一十七条，我局决定对你单位作出罚款的行政处罚。')
        doc.para('三、履行方式和期限：自收到本决定书之日起十五日内缴至指定银行。')
        doc.spacer(8)
        doc.text_line(issuer, align='right')
        doc.text_line(_date(rng, a.year), align='right')
        doc.seal_here(issuer, rng.randrange(10 ** 6), r=21)
    else:
        issuer = rng.choice(['甘肃省自然资源厅', '%s人民政府' % city])
        _letter(doc, a, rng, issuer, '关于公布绿色矿山及先进单位名单的通知',
                '甘资矿发〔%d〕%d号' % (a.year, rng.randint(3, 60)), '各有关单位',
                ['根据绿色矿山建设评价有关规定，经企业自评、第三方评估、实地核查和公示，现将入选名单予以公布。',
                 '入选单位：%s（%s）。' % (a.company, a.mine),
                 '希望入选单位珍惜荣誉，持续巩固绿色矿山建设成果。'])


def other_doc(doc, a, rng, what):
    if what == 'license':
        doc.title('营业执照', size=doc.size * 2.2)
        doc.text_line('（副本）', align='center')
        doc.spacer(4)
        rows = [['统一社会信用代码', a.credit_code], ['名称', a.company], ['类型', '有限责任公司'],
                ['法定代表人', a.legal_rep], ['注册资本', '%s万元' % _num(a.f['registered_capital'] or 5000)],
                ['成立日期', '%d年%d月%d日' % (rng.randint(1995, 2018), rng.randint(1, 12), rng.randint(1, 28))],
                ['住所', a.f['project_location']],
                ['经营范围', '%s矿开采、选矿、销售；矿山工程施工；矿产品加工。（依法须经批准的项目，经相关部门批准后方可开展经营活动）' % a.ore]]
        doc.table(rows, [1, 3], aligns=['center', 'left'], header_rows=0)
        doc.spacer(8)
        doc.text_line('登记机关  %s市场监督管理局' % a.city, align='right')
        doc.seal_here('%s市场监督管理局' % a.city, rng.randrange(10 ** 6), r=20)
    else:
        doc.title('%s情况说明' % a.f['project_name'])
        doc.para('一、企业概况：%s位于%s，主要从事%s矿开采及选矿业务。' % (a.company, a.f['project_location'], a.ore))
        doc.para('二、项目建设内容：%s' % a.f['project_description'])
        doc.para('三、项目投资：项目总投资%s万元。' % _num(a.f['total_investment'] or 0))
        doc.spacer(8)
        doc.text_line(a.company, align='right')
        doc.text_line(_date(rng, a.year + 1, 5), align='right')
        doc.seal_here(a.company, a.seal_seed, r=21)


def audit_report(doc, a, rng, st, people):
    firm = rng.choice(AUDITORS)
    doc.spacer(40)
    doc.title('%s\n%d年度财务报表审计报告' % (a.company, st.year), size=doc.size * 1.6)
    doc.spacer(20)
    doc.text_line('%s审字〔%d〕第%04d号' % (rng.choice(['XYZH', '大信', '甘弘信', '众环']), st.year + 1, rng.randint(10, 2000)), align='center')
    doc.spacer(60)
    doc.text_line(firm, align='center')
    doc.text_line('%d年%d月%d日' % (st.year + 1, rng.randint(3, 4), rng.randint(1, 28)), align='center')
    doc.new_page()
    doc.title('审计报告')
    doc.text_line('%s全体股东：' % a.company)
    doc.para('一、审计意见')
    doc.para('我们审计了%s财务报表，包括%d年12月31日的资产负债表，%d年度的利润表、现金流量表、所有者权益变动表以及相关财务报表附注。' % (a.company, st.year, st.year))
    doc.para('我们认为，后附的财务报表在所有重大方面按照企业会计准则的规定编制，公允反映了%s%d年12月31日的财务状况以及%d年度的经营成果和现金流量。' % (a.company, st.year, st.year))
    doc.para('二、形成审计意见的基础')
    doc.para('我们按照中国注册会计师审计准则的规定执行了审计工作。审计报告的“注册会计师对财务报表审计的责任”部分进一步阐述了我们在这些准则下的责任。')
    doc.spacer(10)
    doc.text_line('%s        中国注册会计师：%s' % (firm, statements_person(rng)), size=doc.size * 0.9)
    doc.seal_here(firm, rng.randrange(10 ** 6), dx=-60, r=21)
    doc.new_page()
    statements.render_balance_sheet(doc, st, a.company, people, rng)
    doc.new_page()
    statements.render_income(doc, st, a.company, people, rng)
    doc.new_page()
    statements.render_cashflow(doc, st, a.company, people, rng)


def statements_person(rng):
    from .values import person
    return person(rng)


def _report_cover(doc, a, rng, title, sub):
    doc.spacer(30)
    doc.title(title, size=doc.size * 1.6)
    if sub:
        doc.text_line(sub, align='center')
    doc.spacer(40)
    doc.text_line('建设单位：%s' % a.company, align='center')
    doc.text_line('编制单位：%s' % rng.choice(['甘肃省地质矿产勘查开发局第四地质矿产勘查院', '中煤西安设计工程有限责任公司',
                                           '甘肃有色冶金职业技术学院设计研究院', '兰州有色冶金设计研究院有限公司']), align='center')
    doc.text_line('%d年%d月' % (a.year + rng.randint(0, 1), rng.randint(1, 6)), align='center')
    doc.new_page()


def _num(v):
    if v is None:
        return ''
    return str(int(v)) if float(v).is_integer() else ('%.2f' % v)
