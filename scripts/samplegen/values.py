"""Realistic application data: the truth values and how the applicant wrote them.

An `App` holds, for every key of fields.tsv, the typed truth value (`f`) and
what is written in the form cell (`w`, or a checkbox group in `cb`).
"""
import unicodedata
from . import ccode, cnnum, spec

CITIES = {
    '兰州市': (['永登县', '皋兰县', '榆中县', '红古区'], '0931'),
    '嘉峪关市': (['峪泉镇', '文殊镇'], '0937'),
    '金昌市': (['永昌县', '金川区'], '0935'),
    '白银市': (['靖远县', '会宁县', '景泰县', '平川区'], '0943'),
    '天水市': (['清水县', '武山县', '张家川回族自治县'], '0938'),
    '武威市': (['天祝藏族自治县', '古浪县', '民勤县'], '0935'),
    '张掖市': (['肃南裕固族自治县', '山丹县', '民乐县', '高台县'], '0936'),
    '平凉市': (['华亭市', '崇信县', '灵台县'], '0933'),
    '酒泉市': (['肃北蒙古族自治县', '阿克塞哈萨克族自治县', '玉门市', '瓜州县', '金塔县'], '0937'),
    '庆阳市': (['环县', '华池县', '宁县', '正宁县'], '0934'),
    '定西市': (['岷县', '漳县', '通渭县'], '0932'),
    '陇南市': (['徽县', '成县', '西和县', '文县'], '0939'),
    '临夏回族自治州': (['康乐县', '积石山保安族东乡族撒拉族自治县'], '0930'),
    '甘南藏族自治州': (['夏河县', '玛曲县', '合作市'], '0941'),
}
TOWNS = ['红山镇', '东湾镇', '新城镇', '马营镇', '石门镇', '大河镇', '黑山湖镇', '西大滩乡', '花牌乡', '宝积镇',
         '窑街镇', '安口镇', '北山乡', '红沙岗镇', '镜铁山矿区', '白银乡', '平山湖乡', '旱峡村']
BRANDS = ['祁连', '陇原', '金川', '西北', '河西', '龙首', '焉支山', '马鬃山', '北山', '华亭', '靖远', '窑街',
          '崆峒', '宝积山', '红沙岗', '黑山', '鑫源', '金泰', '瑞丰', '昌盛', '恒远', '宏达', '天祝', '肃北',
          '玉门', '敦煌', '山丹', '徽成', '岷山', '玛曲', '合黎山', '龙首山', '疏勒河', '白龙江', '大景', '金徽',
          '厂坝', '镜铁山', '花石', '西成']
MINERALS = [  # (ore, mine suffix, industry word)
    ('铜镍', '铜镍矿', '矿业'), ('铅锌', '铅锌矿', '矿业'), ('金', '金矿', '黄金'), ('煤', '煤矿', '煤业'),
    ('石灰岩', '石灰石矿', '建材'), ('钨钼', '钨钼矿', '矿业'), ('铁', '铁矿', '矿业'), ('萤石', '萤石矿', '矿业'),
    ('石膏', '石膏矿', '建材'), ('建筑用砂石', '砂石料场', '建材'), ('芒硝', '芒硝矿', '化工'),
]
SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
GIVEN = ['伟', '娜', '强', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英',
         '建国', '志强', '海燕', '晓东', '文博', '立新', '永红', '国栋', '亚楠', '振华', '玉兰', '鹏飞', '雪梅', '宏伟']
BANKS = ['中国农业银行甘肃省分行', '国家开发银行甘肃省分行', '兰州银行股份有限公司', '甘肃银行{city}分行',
         '中国工商银行{city}分行', '中国建设银行{city}分行', '中国银行甘肃省分行', '兴业银行兰州分行']
RATE_OPINIONS = ['执行LPR下浮20BP', '不高于同期LPR', '按同期LPR执行', '年利率不高于3.5%', '希望给予绿色贷款优惠利率',
                 '参照人民银行碳减排支持工具利率', '一年期LPR减30个基点']

# catalog code -> (project name part, description template)
THEMES = {
    '1.1.3': ('办公生活区建筑节能改造', '对矿区办公楼、职工宿舍约{a}平方米建筑实施外墙保温、门窗更换及供暖系统改造，降低建筑能耗。'),
    '1.2.1': ('矿区道路绿色化改造', '改造矿区运输道路{b}公里，铺设抑尘路面，配套建设洗车平台及雨水排水设施。'),
    '1.3.1': ('矿区雨水收集与海绵化改造', '建设雨水收集池{n}座、透水铺装{a}平方米，实现矿区雨污分流和雨水资源化利用。'),
    '2.1.2': ('智能化绿色开采', '建设智能化综采工作面{n}个，配套井下5G通信及集控中心，实现减人增效、绿色开采。'),
    '2.2.1': ('采掘设备节能更新', '购置电动铲运机、节能型凿岩台车等采掘设备{n}台（套），替换高耗能柴油设备。'),
    '3.2.1': ('低品位矿及伴生资源综合利用', '新建低品位矿石预选抛废生产线一条，年处理低品位矿石{n}万吨，回收伴生金、银等有价元素。'),
    '3.2.2': ('瓦斯抽采利用', '建设地面瓦斯抽采泵站及{n}台瓦斯发电机组，年利用瓦斯{m}万立方米。'),
    '3.3.1': ('尾矿及废石综合利用', '建设尾砂胶结充填站一座，年充填采空区{n}万立方米，利用废石制备机制砂{m}万吨。'),
    '3.3.2': ('历史遗留废石场整治', '对历史遗留废石场实施削坡减载、拦挡和覆土绿化，整治面积{b}公顷。'),
    '3.4.1': ('选矿废水处理及循环利用', '新建选矿废水处理站一座，处理规模{a}立方米/日，处理后回用于选矿生产，实现废水零排放。'),
    '3.4.3': ('矿井水处理及综合利用', '新建矿井水处理厂，处理能力{a}立方米/日，处理后用于井下防尘、绿化及生产补水。'),
    '4.2.2': ('燃煤锅炉清洁能源替代', '拆除{n}台燃煤锅炉，新建空气源热泵及电锅炉供热系统，年减少燃煤{m}吨。'),
    '4.2.3': ('余热余压回收利用', '利用空压机及烘干窑余热建设余热回收系统，年节约标准煤{m}吨。'),
    '4.2.7': ('主要耗能设备节能改造', '对主通风机、提升机、排水泵等主要耗能设备实施变频改造，年节电{m}万千瓦时。'),
    '4.2.8': ('绿色照明节能改造', '将矿区井下及地面约{a}盏高耗能灯具更换为LED节能灯具，并配套智能照明控制系统。'),
    '4.3.2': ('碳排放核算与管理平台建设', '建设企业碳排放核算、监测与管理平台，开展年度碳排放核查。'),
    '4.5.1': ('破碎筛分系统除尘改造', '对破碎、筛分、转运环节实施密闭及布袋除尘改造，新增除尘器{n}套。'),
    '4.5.3': ('矿石堆场全封闭改造', '新建全封闭储料棚{a}平方米，配套喷雾抑尘设施，控制无组织排放。'),
    '4.6.3': ('危险废物规范化贮存及处置', '新建危险废物贮存库{n}座，配套废机油、废铅蓄电池收集处置设施。'),
    '5.1.3': ('排土场草地生态修复', '对排土场、废石场边坡实施覆土、植草，修复草地{b}公顷。'),
    '5.1.6': ('采煤沉陷区综合治理', '对采煤沉陷区实施地裂缝充填、土地平整和植被恢复，治理面积{b}公顷。'),
    '5.1.8': ('矿山地质环境恢复治理与生态修复', '对历史遗留采空区、塌陷区及排土场实施综合治理，治理面积{b}公顷，恢复植被。'),
    '5.2.1': ('生态环境在线监测系统建设', '建设覆盖矿区的大气、水质、噪声在线监测站点{n}个及监测平台。'),
    '6.2.1': ('能耗在线监测系统建设', '建设覆盖主要用能设备的能耗在线监测系统，接入省级重点用能单位能耗在线监测平台。'),
    '6.2.4': ('智能矿山数字化升级', '建设矿山三维地质建模、生产调度及无人驾驶运输系统，实现生产过程数字化、智能化。'),
    '6.3.1': ('能源管理中心建设', '建设企业能源管理中心，实现能源计量、调度和能效分析一体化管理。'),
}
NOT_IN_CATALOG = [('分布式光伏电站建设', '四、绿色低碳 / 7.新能源 / （1）分布式光伏电站建设',
                   '在矿区工业广场及排土场建设分布式光伏电站{n}兆瓦，所发电量自发自用、余电上网。'),
                  ('矿区职工公寓建设', '一、矿区环境 / 4.生活设施 / （1）职工公寓建设',
                   '新建职工公寓楼{n}栋，建筑面积{a}平方米。')]
L1 = '一二三四五六'


def nfkc(s):
    return unicodedata.normalize('NFKC', s) if isinstance(s, str) else s


class Checkbox:
    """A checkbox group as printed on the form: lines of option labels."""

    def __init__(self, lines, marked, other_text=None):
        self.lines = lines            # e.g. [['已完成核准'], ['已完成备案'], ...]
        self.marked = set(marked)     # option labels that carry a mark
        self.other_text = other_text  # text written inside the 其他（ ） brackets

    def options(self):
        return [o for ln in self.lines for o in ln]


class App:
    def __init__(self, rng):
        self.rng = rng
        self.f = {}        # key -> truth value
        self.w = {}        # key -> written text
        self.cb = {}       # key -> Checkbox
        self.defects = set()
        self.category_written = None
        self.category_in_catalog = True
        self.stmt = None   # statements.Statements
        self.stmt_unit = '元'
        self.docs = []     # attachment plan, filled by packages


def _pick_amount(rng, lo, hi, step):
    return round(rng.randrange(int(lo / step), int(hi / step) + 1) * step, 2)


def write_wan(rng, v, style=None):
    """How a 万元 amount is written in a cell."""
    style = style or rng.choices(['plain', 'comma', 'dec', 'unit'], [60, 15, 15, 10])[0]
    if style == 'capital' and float(v).is_integer():
        return cnnum.capital_wan(int(v))
    if style == 'yi' and v >= 10000 and round(v) % 100 == 0 and float(v).is_integer():
        return ('%.4f' % (v / 10000)).rstrip('0').rstrip('.') + '亿元'
    iv = int(v) if float(v).is_integer() else None
    if style == 'comma':
        return '{:,.2f}'.format(v)
    if style == 'dec':
        return '%.2f' % v
    if style == 'unit':
        return (str(iv) if iv is not None else ('%.2f' % v).rstrip('0').rstrip('.')) + '万元'
    return str(iv) if iv is not None else ('%.2f' % v).rstrip('0').rstrip('.')


def write_date(rng, y, m, d, style=None):
    style = style or rng.choice(['ym', 'ym', 'dot', 'ymd', 'dash'])
    if style == 'ym':
        return '%d年%d月' % (y, m), '%04d-%02d' % (y, m)
    if style == 'dot':
        return '%d.%02d' % (y, m), '%04d-%02d' % (y, m)
    if style == 'dash':
        return '%d-%02d' % (y, m), '%04d-%02d' % (y, m)
    return '%d年%d月%d日' % (y, m, d), '%04d-%02d-%02d' % (y, m, d)


def category_text(rng, code, style):
    cat = spec.catalog_map()[code]
    l1, l2, l3 = [int(x) for x in code.split('.')]
    if style == 'title':
        return cat['title']
    if style == 'slash':
        return '%s、%s / %d.%s / （%d）%s' % (L1[l1 - 1], cat['level1'], l2, cat['level2'], l3, cat['title'])
    if style == 'dash':
        return '%s、%s—%d.%s—（%d）%s' % (L1[l1 - 1], cat['level1'], l2, cat['level2'], l3, cat['title'])
    return '一级：%s；二级：%s；三级：%s' % (cat['level1'], cat['level2'], cat['title'])


def unique_title(code):
    t = spec.catalog_map()[code]['title']
    return sum(1 for c in spec.catalog() if c['title'] == t) == 1


def person(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def phone(rng, area):
    if rng.random() < 0.7:
        num = rng.choice(['139', '138', '136', '135', '151', '180', '189', '133', '177', '186']) + '%08d' % rng.randrange(10 ** 8)
        return num, num
    num = area + '-' + str(rng.randint(2, 8)) + '%06d' % rng.randrange(10 ** 6)
    return num, num


def make_app(rng, year=2024, defects=(), opts=None):
    """Draw one application. defects: names of planted defects (see truth.DEFECTS)."""
    opts = opts or {}
    a = App(rng)
    a.defects = set(defects)
    a.year = year
    city = opts.get('city') or rng.choice(list(CITIES))
    counties, area = CITIES[city]
    county = rng.choice(counties)
    town = rng.choice(TOWNS)
    brand = opts.get('brand') or rng.choice(BRANDS)
    ore, mine_sfx, ind = rng.choice(MINERALS)
    city_short = city[:2]
    pattern = rng.randrange(6)
    if pattern == 0:
        name = '甘肃%s%s有限公司' % (brand, '矿业' if ind in ('矿业', '黄金') else ind)
    elif pattern == 1:
        name = '甘肃%s%s有限责任公司' % (brand, ind)
    elif pattern == 2:
        name = '%s%s矿业有限公司' % (city_short, brand)
    elif pattern == 3:
        name = '甘肃%s矿业集团有限公司' % brand
    elif pattern == 4:
        name = '%s集团%s%s矿业有限公司' % (brand, city_short, ore if len(ore) <= 2 else '')
    else:
        name = '甘肃省%s%s矿业开发有限公司' % (county[:2], brand)
    a.company = name
    a.city, a.county, a.town, a.area = city, county, town, area
    a.mine = (county[:2] if rng.random() < 0.5 else brand) + mine_sfx
    a.ore = ore
    a.legal_rep = person(rng)
    F, W, CB = a.f, a.w, a.cb

    # 一、企业基本情况
    F['company_name'] = name
    W['company_name'] = name
    code = ccode.make(rng, ccode.REGIONS[city])
    if 'invalid_credit_code' in a.defects:
        code = ccode.corrupt(code, rng)
    F['credit_code'] = code
    W['credit_code'] = code
    a.credit_code = code
    ctype = rng.choices(['央企及控股公司', '国有控股公司', '非国有控股公司'], [1, 3, 5])[0]
    F['company_type'] = W['company_type'] = ctype
    rc = _pick_amount(rng, 3000, 120000, 100 if rng.random() < 0.7 else 1)
    F['registered_capital'] = rc
    W['registered_capital'] = write_wan(rng, rc)
    cr = rng.choices(['AAA', 'AA', 'A', 'BBB', 'BB'], [3, 5, 4, 2, 1])[0]
    F['credit_rating'] = W['credit_rating'] = cr
    # debt ratio is filled in once the statements exist (statements.attach)

    # 二、项目基本信息
    if opts.get('not_in_catalog'):
        title, written, desc_t = rng.choice(NOT_IN_CATALOG)
        a.category_in_catalog = False
        F['project_category'] = None
        W['project_category'] = written
        theme = title
        desc = desc_t
    else:
        code_c = opts.get('category') or rng.choice(sorted(THEMES))
        theme, desc = THEMES[code_c]
        styles = ['slash', 'slash', 'dash', 'levels'] + (['title', 'title'] if unique_title(code_c) else [])
        W['project_category'] = category_text(rng, code_c, rng.choice(styles))
        F['project_category'] = {'code': code_c, 'title': spec.catalog_map()[code_c]['title']}
    pname = a.mine + theme + '项目'
    F['project_name'] = W['project_name'] = pname
    desc = desc.format(a=rng.choice([1200, 2500, 3600, 5000, 8500, 12000]), b=rng.choice([3.5, 8, 12.6, 25, 46.8]),
                       n=rng.randint(2, 12), m=rng.choice([800, 1500, 2600, 4200, 12000]))
    if rng.random() < 0.5:
        desc += rng.choice(['项目建成后可显著降低能耗和污染物排放。', '项目符合绿色矿山建设要求。',
                            '项目分两期实施，一期工程已完成设备招标。'])
    F['project_description'] = nfkc(desc)
    W['project_description'] = desc
    renamed = rng.random() < 0.25 or 'renamed_without_former_name' in a.defects
    F['renamed'] = renamed
    if renamed:
        if 'renamed_without_former_name' in a.defects:
            F['former_project_name'] = None
        else:
            F['former_project_name'] = a.mine + rng.choice(['节能技术改造项目', '环境综合治理项目', '绿色矿山建设一期项目'])
    else:
        F['former_project_name'] = None
    CB['renamed'] = Checkbox([['是', '否']], ['是' if renamed else '否'])
    loc = '甘肃省%s%s%s' % (city, county, town) if rng.random() < 0.6 else '%s%s' % (city, county)
    F['project_location'] = W['project_location'] = loc
    lvl = rng.choices(['省级', '地市级', '县级', '国家级', None], [4, 3, 1, 1, 2])[0]
    F['project_level'] = lvl
    W['project_level'] = lvl or ''
    stage = rng.choice(['未开工', '已开工', '已开工', '已竣工', '已投产'])
    F['project_stage'] = W['project_stage'] = stage
    if stage == '未开工':
        y, m = 2025, rng.randint(8, 12)
    else:
        y, m = rng.choice([2022, 2023, 2024, 2024]), rng.randint(1, 12)
    W['start_date'], F['start_date'] = write_date(rng, y, m, rng.randint(1, 28))
    term = rng.choice(['24个月', '36个月', '3年', '2年', None, '%d年%d月至%d年%d月' % (y, m, y + 2, m)])
    F['project_term'] = nfkc(term) if term else None
    W['project_term'] = term or ''
    cb_central = rng.random() < 0.2
    F['central_budget'] = cb_central
    if rng.random() < 0.5:
        CB['central_budget'] = Checkbox([['是', '否']], ['是' if cb_central else '否'])
    else:
        W['central_budget'] = '是' if cb_central else '否'
    nature = {'未开工': ['新建', '改扩建', '技改'], '已开工': ['新建', '改扩建', '技改'],
              '已竣工': ['新建', '技改', '已完工'], '已投产': ['技改', '改扩建', '已完工']}[stage]
    F['construction_nature'] = W['construction_nature'] = rng.choice(nature)
    rs = rng.choices(['经营性收入', '使用者付费', '使用者付费+政府补贴', '政府购买', '节能收益', None], [6, 1, 1, 1, 2, 2])[0]
    F['revenue_source'] = rs
    W['revenue_source'] = rs or ''
    rr = rng.choice([6.5, 7.2, 8.5, 9.8, 10.6, 12.3, 15.0, None])
    F['return_rate'] = rr
    W['return_rate'] = '' if rr is None else (('%g' % rr) + rng.choice(['%', '%', '']))
    pb = rng.choice([4.5, 5, 6.2, 7, 8.5, 10, None])
    F['payback_years'] = pb
    W['payback_years'] = '' if pb is None else ('%g' % pb) + rng.choice(['', '', '年'])
    om = rng.choices(['非PPP', 'PPP', 'EPC', None], [8, 1, 1, 2])[0]
    F['operation_mode'] = om
    W['operation_mode'] = om or ''

    # 三、投资情况
    total = _pick_amount(rng, 1500, 60000, rng.choice([10, 50, 100]))
    equity = round(total * rng.uniform(0.2, 0.4) / 10) * 10
    if 'equity_exceeds_total' in a.defects:
        equity = round(total * rng.uniform(1.05, 1.3) / 10) * 10
    gov = 0.0 if rng.random() < 0.4 else round(total * rng.uniform(0.03, 0.15) / 10) * 10
    self_f = round(max(equity, total * rng.uniform(0.3, 0.5)) / 10) * 10
    if self_f + gov >= total:
        self_f = round((total - gov) * 0.5 / 10) * 10
    other = round(total - gov - self_f, 2)
    if 'funding_sum_mismatch' in a.defects:
        other = round(other + rng.choice([-1, 1]) * rng.choice([200, 500, 1000, 350]), 2)
        if other < 0:
            other = round(other + 1500, 2)
    F['total_investment'], F['equity_capital'] = float(total), float(equity)
    F['funding_government'], F['funding_self'], F['funding_other'] = float(gov), float(self_f), float(other)
    in_place = round(total * {'未开工': rng.uniform(0.05, 0.2), '已开工': rng.uniform(0.3, 0.6)}.get(stage, rng.uniform(0.8, 1.0)) / 10) * 10
    invested = round(in_place * rng.uniform(0.3, 0.95) / 10) * 10
    if 'invested_exceeds_in_place' in a.defects:
        invested = round(in_place * rng.uniform(1.15, 1.5) / 10) * 10
    F['funds_in_place'], F['invested_amount'] = float(in_place), float(invested)
    pti = None if stage in ('已竣工', '已投产') and rng.random() < 0.5 else float(round((total - invested) * rng.uniform(0.3, 0.7) / 10) * 10)
    F['planned_investment_this_year'] = pti
    uf = rng.choices(['建设', '债务置换', '运营', '设备购置', None], [8, 1, 1, 1, 1])[0]
    F['use_of_funds'] = uf
    W['use_of_funds'] = uf or ''
    etr = None if rng.random() < 0.2 else float(round(total * rng.uniform(1.2, 2.5) / 10) * 10)
    F['expected_total_revenue'] = etr
    ear = float(round(total * rng.uniform(0.08, 0.2) / 10) * 10)
    F['expected_annual_revenue'] = ear
    # written amounts: mostly plain, one or two unusual cells per form
    wan_keys = ['total_investment', 'equity_capital', 'funds_in_place', 'invested_amount',
                'planned_investment_this_year', 'expected_total_revenue', 'expected_annual_revenue']
    base_style = rng.choice(['plain', 'plain', 'dec', 'comma'])
    odd = rng.sample(wan_keys, 2)
    for k in wan_keys:
        v = F[k]
        if v is None:
            W[k] = ''
            continue
        st = base_style
        if k in odd:
            st = rng.choice(['unit', 'capital', 'yi', 'comma'])
        W[k] = write_wan(rng, v, st)
    # 资金来源 cell
    W['funding'] = '政府资金（ %s ）万元，自筹资金（ %s ）万元，其他（ %s ）万元' % (
        write_wan(rng, gov, 'plain'), write_wan(rng, self_f, 'plain'), write_wan(rng, other, 'plain'))

    # 四、项目经营管理情况
    appr = rng.choices(['已完成核准', '已完成备案', '正在办理', '不涉及'], [3, 5, 1, 1])[0]
    if stage != '未开工' and appr == '正在办理':
        appr = '已完成备案'
    F['approval_status'] = appr
    CB['approval_status'] = Checkbox([['已完成核准'], ['已完成备案'], ['正在办理'], ['不涉及']], [appr])
    land = rng.choices(['正在办理', '已取得用地预审', '已取得不动产权证', '不涉及'], [1, 2, 3, 3])[0]
    F['land_use_status'] = land
    CB['land_use_status'] = Checkbox([['正在办理'], ['已取得用地预审'], ['已取得不动产权证'], ['不涉及']], [land])
    eia = rng.choices(['已取得', '正在办理', '不涉及'], [6, 1, 1])[0]
    if 'missing_eia_doc' in a.defects:
        eia = '已取得'
    F['eia_status'] = eia
    CB['eia_status'] = Checkbox([['已取得'], ['正在办理'], ['不涉及']], [eia])
    er = rng.choices(['已取得', '正在办理', '不涉及', None], [3, 1, 3, 1])[0]
    F['energy_review_status'] = er
    CB['energy_review_status'] = Checkbox([['已取得'], ['正在办理'], ['不涉及']], [er] if er else [])
    pd = rng.choices(['已取得', '正在办理', '不涉及'], [4, 1, 2])[0]
    F['preliminary_design_status'] = pd
    CB['preliminary_design_status'] = Checkbox([['已取得'], ['正在办理'], ['不涉及']], [pd])
    cpa = rng.choices(['done', 'none', None], [4, 3, 2])[0]
    if cpa == 'done':
        t = '%d年%s完成第%s轮清洁生产审核，并通过%s生态环境局验收。' % (
            year - rng.randint(0, 1), rng.choice(['', '10月', '6月']), rng.choice(['一', '二']), city)
    elif cpa == 'none':
        t = rng.choice(['近两年未开展清洁生产审核。', '无'])
    else:
        t = None
    a.cleaner_production_done = cpa == 'done'
    F['cleaner_production_audit'] = nfkc(t) if t else None
    W['cleaner_production_audit'] = t or ''
    # financial_condition and tax_payment are written after the statements are known
    ohs = rng.choices(['已认证', '未认证', None], [6, 2, 1])[0]
    F['ohs_certification'] = ohs
    CB['ohs_certification'] = Checkbox([['已认证'], ['未认证']], [ohs] if ohs else [])
    rp = rng.choices(['none', 'reward', 'penalty', None], [4, 2, 1, 1])[0]
    if rp == 'reward':
        t = rng.choice(['%d年被自然资源部纳入全国绿色矿山名录。' % (year - 1),
                        '%d年获评甘肃省省级绿色矿山。' % year,
                        '%d年被%s人民政府评为安全生产先进单位。' % (year, city)])
    elif rp == 'penalty':
        t = '%d年%d月因堆场扬尘治理不到位被%s生态环境局罚款%d万元，已整改完毕。' % (
            year, rng.randint(2, 11), city, rng.choice([2, 3, 5, 8]))
    elif rp == 'none':
        t = rng.choice(['无', '近两年未受到行政奖励和处罚。', '无行政处罚'])
    else:
        t = None
    a.rewards_kind = rp
    F['rewards_penalties'] = nfkc(t) if t else None
    W['rewards_penalties'] = t or ''

    # 五、项目融资情况
    meth = rng.choice([['贷款'], ['贷款'], ['贷款', '其他'], ['股权', '贷款'], ['发债', '贷款'], []])
    F['financing_methods'] = [m for m in ['股权', '发债', '贷款', '其他'] if m in meth] or None
    CB['financing_methods'] = Checkbox([['股权', '发债'], ['贷款', '其他']], meth,
                                       other_text=rng.choice(['融资租赁', None]) if '其他' in meth else None)
    demand = float(round(max(other, total * 0.3) * rng.uniform(0.7, 1.0) / 10) * 10)
    obtained = float(round(demand * rng.uniform(0.0, 0.6) / 10) * 10)
    this_year = float(round((demand - obtained) * rng.uniform(0.3, 0.9) / 10) * 10)
    if 'loans_exceed_demand' in a.defects:
        obtained = float(round(demand * rng.uniform(1.1, 1.4) / 10) * 10)
    F['loan_demand_total'], F['loans_obtained'], F['loan_demand_this_year'] = demand, obtained, this_year
    for k in ('loan_demand_total', 'loans_obtained', 'loan_demand_this_year'):
        W[k] = write_wan(rng, F[k], base_style)
    months = rng.choice([12, 24, 36, 36, 60, 96, 120])
    F['loan_term_months'] = months
    W['loan_term_months'] = '（ %d ）个月' % months
    g = rng.choice([['抵押'], ['保证'], ['信用'], ['保证', '抵押'], ['抵押', '质押'], ['质押']])
    F['guarantee_method'] = [x for x in ['保证', '抵押', '质押', '信用'] if x in g]
    W['guarantee_method'] = rng.choice(['、', '+', '，']).join(g if rng.random() < 0.5 else list(reversed(g)))
    io = rng.choice(RATE_OPINIONS)
    F['interest_rate_opinion'] = nfkc(io)
    W['interest_rate_opinion'] = io
    bank = rng.choice(BANKS + [None]) 
    bank = bank.format(city=city_short) if bank else None
    F['partner_bank'] = bank
    W['partner_bank'] = bank or ''

    # 六、七
    sb = rng.choice([
        '项目建成后可新增就业岗位{j}个，年减少二氧化碳排放约{c}吨，改善矿区及周边生态环境。',
        '项目实施后年节约标准煤{c}吨，减少粉尘排放，带动周边群众就业{j}人，具有良好的生态效益和社会效益。',
        '改善矿区生态环境，提高资源综合利用水平，新增就业{j}人，促进地方经济发展。',
        None])
    sb = sb.format(j=rng.randint(15, 260), c=rng.choice([1200, 3500, 8600, 15000])) if sb else None
    F['social_benefits'] = nfkc(sb) if sb else None
    W['social_benefits'] = sb or ''
    pr = rng.choice(['希望纳入省级绿色矿山建设投融资项目库，在贷款贴息、绿色信贷方面给予支持。',
                     '申请省级财政专项资金支持，协调金融机构给予中长期低息贷款。', None, None])
    F['policy_requests'] = pr
    W['policy_requests'] = pr or ''
    cp = person(rng)
    ph, phv = phone(rng, area)
    F['contact_person'] = cp
    F['contact_phone'] = phv
    W['contact'] = rng.choice(['%s %s', '%s  %s', '%s，%s', '联系人：%s  电话：%s']) % (cp, ph)

    if 'missing_required_field' in a.defects:
        k = opts.get('empty_field', 'credit_rating')
        a.empty_field = k
        F[k] = None
        W[k] = ''
    return a


def fill_financial_text(a):
    """财务状况 / 税费缴纳情况 follow the statements (or stay generic without them)."""
    rng, F, W = a.rng, a.f, a.w
    st = a.stmt
    if st is not None and rng.random() < 0.85:
        A = st.total_assets / 1e8
        t = '%d年末资产总额%.2f亿元，负债总额%.2f亿元，资产负债率%s%%，实现营业收入%.2f亿元，净利润%d万元。' % (
            st.year, A, st.total_liabilities / 1e8, W.get('debt_ratio', '').rstrip('%') or '%.1f' % (100 * st.total_liabilities / st.total_assets),
            st.revenue / 1e8, round(st.net_profit / 1e4))
    else:
        t = rng.choice(['经营状况良好，资产负债结构合理。', None])
    F['financial_condition'] = nfkc(t) if t else None
    W['financial_condition'] = t or ''
    tx = rng.choice(['%d年缴纳各项税费%d万元，无欠税。' % (a.year, rng.randint(300, 9000)), '依法按时足额纳税，无欠缴。', None])
    F['tax_payment'] = nfkc(tx) if tx else None
    W['tax_payment'] = tx or ''


def set_debt_ratio(a, ratio, style=None):
    rng = a.rng
    v = round(ratio, rng.choice([1, 1, 2]))
    a.f['debt_ratio'] = v
    style = style or rng.choice(['plain', 'pct', 'plain'])
    s = ('%.2f' % v).rstrip('0').rstrip('.') if v != int(v) else str(int(v))
    a.w['debt_ratio'] = s + ('%' if style == 'pct' else '')
