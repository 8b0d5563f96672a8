"""Unified social credit code (GB 32100-2015) and organisation code (GB 11714)."""
CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

# 行政区划代码 of Gansu prefectures
REGIONS = {
    '兰州市': '620100', '嘉峪关市': '620200', '金昌市': '620300', '白银市': '620400',
    '天水市': '620500', '武威市': '620600', '张掖市': '620700', '平凉市': '620800',
    '酒泉市': '620900', '庆阳市': '621000', '定西市': '621100', '陇南市': '621200',
    '临夏回族自治州': '622900', '甘南藏族自治州': '623000',
}


def check_char(code17):
    s = sum(CHARSET.index(c) * w for c, w in zip(code17, WEIGHTS))
    v = 31 - s % 31
    if v == 31:
        v = 0
    return CHARSET[v]


def is_valid(code):
    if not code or len(code) != 18:
        return False
    code = code.upper()
    if any(c not in CHARSET for c in code):
        return False
    return check_char(code[:17]) == code[17]


def _org_check(c8):
    def val(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(val(c) * w for c, w in zip(c8, ORG_WEIGHTS))
    v = 11 - s % 11
    return 'X' if v == 10 else ('0' if v == 11 else str(v))


def make(rng, region_code='620100'):
    """A valid 18-char code like 91620100MA71XXXXXN."""
    if rng.random() < 0.6:
        body = 'MA' + rng.choice('0123456789') + ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(5))
    else:
        body = ''.join(rng.choice('0123456789') for _ in range(8))
    org = body + _org_check(body)
    if not all(c in CHARSET for c in org):
        org = org[:8] + '0'
    code17 = '91' + region_code + org
    return code17 + check_char(code17)


def corrupt(code, rng):
    """Same code with a wrong check character."""
    good = code[17]
    bad = rng.choice([c for c in CHARSET if c != good])
    return code[:17] + bad
