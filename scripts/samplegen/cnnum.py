"""Chinese number writing helpers."""
DIG = '零壹贰叁肆伍陆柒捌玖'
UNITS = ['', '拾', '佰', '仟']
L1_NUM = '一二三四五六七八九十'


def _section(n):
    """0 < n < 10000 -> capital digits without section unit."""
    s = ''
    zero = False
    for i in range(3, -1, -1):
        d = n // (10 ** i) % 10
        if d == 0:
            if s:
                zero = True
            continue
        if zero:
            s += '零'
            zero = False
        s += DIG[d] + UNITS[i]
    return s


def capital_int(n):
    """Integer -> 大写 digits, e.g. 12500 -> 壹万贰仟伍佰."""
    if n == 0:
        return '零'
    parts = []
    secs = []
    while n:
        secs.append(n % 10000)
        n //= 10000
    names = ['', '万', '亿', '万亿']
    out = ''
    need_zero = False
    for i in range(len(secs) - 1, -1, -1):
        v = secs[i]
        if v == 0:
            need_zero = True
            continue
        if out and (need_zero or v < 1000):
            out += '零'
        out += _section(v) + names[i]
        need_zero = False
    return out


def capital_wan(wan):
    """Amount in 万元 (integer) written the way cheques do: 壹仟贰佰伍拾万元整."""
    yuan = int(round(wan * 10000))
    return capital_int(yuan) + '元整'


if __name__ == '__main__':
    for v in (1250, 12500, 3000, 105, 10050, 80000, 1):
        print(v, capital_wan(v))
