#!/usr/bin/env python3
"""A model of RepairCreditCode's length repairs (pipeline/normalize/credit_code.h),
to measure how often they repair right, refuse, or make a wrong valid code on
random errors. The figures quoted in credit_code.h come from this script
(seeds fixed). Python 3 standard library only; not run by the tests.

    /usr/bin/python3 tests/normalize/credit_code_model.py
"""
import random

A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
OW = [3, 7, 9, 10, 5, 8, 4, 2]


def check(c17):
    k = 31 - sum(A.index(c) * w for c, w in zip(c17, W)) % 31
    return A[0 if k == 31 else k]


def valid(c):
    return len(c) == 18 and all(x in A for x in c) and check(c[:17]) == c[17]


def orgv(ch):
    return int(ch) if ch.isdigit() else ord(ch) - 55


def org_check(org8):
    k = 11 - sum(orgv(org8[i]) * OW[i] for i in range(8)) % 11
    return 'X' if k == 10 else '0' if k == 11 else str(k)


def org_ok(c):
    return c[16] == org_check(c[8:16])


def well_formed(c):
    return len(c) == 18 and all(x in A and (not 2 <= i <= 7 or x.isdigit()) for i, x in enumerate(c))


def good(c):
    return valid(c) and org_ok(c) and well_formed(c)


def removal(r):  # WithoutExtraCharacter
    v, f = [], []
    for i in range(len(r)):
        c = r[:i] + r[i + 1:]
        if not good(c):
            continue
        if c not in v:
            v.append(c)
        if r[i] not in A and c not in f:
            f.append(c)
    return v[0] if len(v) == 1 else f[0] if len(f) == 1 else None


def insertions(r):
    return {r[:i] + ch + r[i:] for i in range(len(r) + 1) for ch in A if good(r[:i] + ch + r[i:])}


def lost_check(r):  # WithLostCheckCharacter
    if not (org_ok(r) and all(x in A and (not 2 <= i <= 7 or x.isdigit()) for i, x in enumerate(r))):
        return None
    s = insertions(r)
    if len(s) != 1:
        return None
    x = next(iter(s))
    return x if x[:17] == r else None


def random_code(rng):
    head = rng.choice(['91', '91', '91', '91', '92', '93', '52', '12', 'Y1']) + '62' + \
        '%02d' % rng.randrange(1, 13) + '%02d' % rng.randrange(0, 30)
    org8 = ''.join(rng.choice(A) for _ in range(8))
    c17 = head + org8 + org_check(org8)
    return c17 + check(c17)


def substituted(rng, c, j):
    return c[:j] + rng.choice(A.replace(c[j], '')) + c[j + 1:]


def measure(name, n, corrupt, repair, rng, applicant_wrong=False):
    """`applicant_wrong`: the code as written is invalid, so any code the
    repair gives is wrong (the reviewer should have seen invalid_credit_code)."""
    right = wrong = 0
    for _ in range(n):
        c = random_code(rng)
        x = repair(corrupt(c))
        right += x == c and not applicant_wrong
        wrong += x is not None and (x != c or applicant_wrong)
    print('%-58s right %5.1f %%  wrong %6.2f %% (1 in %s)' % (name, 100 * right / n, 100 * wrong / n,
                                                              '%.0f' % (n / wrong) if wrong else '-'))


def main():
    rng = random.Random(5)
    ins = lambda c: (lambda i: c[:i] + rng.choice(A) + c[i:])(rng.randrange(19))
    measure('19: one character inserted', 20000, ins, removal, rng)
    measure('19: inserted, and a second error', 20000,
            lambda c: ins(substituted(rng, c, rng.randrange(18))), removal, rng)
    measure('19: wrong check character (applicant), inserted', 20000,
            lambda c: ins(substituted(rng, c, 17)), removal, rng, applicant_wrong=True)
    dele = lambda c: (lambda i: c[:i] + c[i + 1:])(rng.randrange(18))
    measure('17: check character lost', 4000, lambda c: c[:17], lost_check, rng)
    measure('17: a character lost anywhere', 4000, dele, lost_check, rng)
    measure('17: wrong check character (applicant), one lost', 4000,
            lambda c: dele(substituted(rng, c, 17)), lost_check, rng, applicant_wrong=True)
    measure('17: a second error, one lost', 4000,
            lambda c: dele(substituted(rng, c, rng.randrange(18))), lost_check, rng)
    measure('17: any insertion that fits, wrong check character, one lost', 3000,
            lambda c: dele(substituted(rng, c, 17)),
            lambda r: (lambda s: next(iter(s)) if len(s) == 1 else None)(insertions(r)), rng, applicant_wrong=True)


if __name__ == '__main__':
    main()
