"""Expected record of a package: fields, financials, checklist and the findings the checks must report.

Findings are derived by applying the rules of findings.tsv to the truth itself,
so a planted defect and its finding cannot drift apart. Conventions for the
`field` of each finding (documented in samples/README.md):

  missing_required_field / invalid_value   the field key
  invalid_credit_code, blacklisted         credit_code
  funding_sum_mismatch                     total_investment
  equity_exceeds_total                     equity_capital
  invested_exceeds_in_place                invested_amount
  loans_exceed_demand                      loans_obtained or loan_demand_this_year (whichever exceeds)
  debt_ratio_mismatch                      debt_ratio
  balance_sheet_unbalanced                 balance_sheet (or audit_report when the sheet is inside one)
  statements_outdated                      balance_sheet (or audit_report)
  missing_attachment                       the checklist kind
  category_not_in_catalog                  project_category
  renamed_without_former_name              former_project_name
"""
import unicodedata
from . import ccode, spec

SCHEMA = 'greenmine.record/1'


def nfkc(v):
    return unicodedata.normalize('NFKC', v) if isinstance(v, str) else v


def typed_fields(a):
    out = {}
    for r in spec.fields():
        k, t = r['key'], r['type']
        v = a.f.get(k)
        if t in ('text', 'enum_other') and v is not None:
            v = nfkc(v).replace('\u3000', '')
            v = ''.join(ch for i, ch in enumerate(v) if not (ch == ' ' and _cjk_around(v, i)))
        if t in ('wan', 'pct', 'number') and v is not None:
            v = float(v)
            if v.is_integer():
                v = int(v) if t != 'pct' else v
        if t == 'int' and v is not None:
            v = int(v)
        if t == 'credit_code' and v is not None:
            v = v.upper()
        out[k] = {'value': v, 'confidence': 1.0}
    return out


def _cjk_around(s, i):
    def cjk(c):
        return '\u4e00' <= c <= '\u9fff' or c in '，。、；：（）'
    return i > 0 and i + 1 < len(s) and (cjk(s[i - 1]) or cjk(s[i + 1]))


def required_kinds(a, has_audit):
    F = a.f
    req = {'application_form': True, 'other': False, 'audit_report': False}
    req['approval_doc'] = F.get('approval_status') in ('已完成核准', '已完成备案', '正在办理')
    req['land_doc'] = F.get('land_use_status') in ('已取得用地预审', '已取得不动产权证', '正在办理')
    req['eia_doc'] = F.get('eia_status') in ('已取得', '正在办理')
    req['energy_review_doc'] = F.get('energy_review_status') in ('已取得', '正在办理')
    req['preliminary_design_doc'] = F.get('preliminary_design_status') in ('已取得', '正在办理')
    req['cleaner_production_doc'] = bool(a.cleaner_production_done)
    for k in ('balance_sheet', 'income_statement', 'cash_flow_statement'):
        req[k] = not has_audit
    req['ohs_certificate'] = F.get('ohs_certification') == '已认证'
    req['rewards_penalties_doc'] = a.rewards_kind in ('reward', 'penalty')
    return req


def build(a, source, files, as_of_year, blacklist):
    """files: list of dicts path/sha256/kind/pages/text_source/error."""
    fields = typed_fields(a)
    kinds_present = {}
    for f in files:
        kinds_present.setdefault(f['kind'], []).append(f['path'])
        # a file holding several statements counts for each (an audit report: below)
        if f['kind'] != 'audit_report':
            for k in f.get('contains', ()):
                if k != f['kind']:
                    kinds_present.setdefault(k, []).append(f['path'])
    has_audit = 'audit_report' in kinds_present
    # The audit report holds the three statements: they are present, in it (the contract's checklist).
    for k in ('balance_sheet', 'income_statement', 'cash_flow_statement'):
        if has_audit:
            kinds_present.setdefault(k, []).extend(kinds_present['audit_report'])
    req = required_kinds(a, has_audit)
    checklist = {}
    for row in spec.checklist():
        k = row['kind']
        checklist[k] = {'required': bool(req.get(k, False)), 'present': k in kinds_present,
                        'files': sorted(kinds_present.get(k, []))}
    fin = a.stmt.financials() if (a.stmt is not None and a.stmt_included) else None
    findings = check(a, fields, fin, checklist, as_of_year, blacklist, has_audit)
    return {'schema': SCHEMA, 'source': source, 'files': files, 'fields': fields, 'financials': fin,
            'checklist': checklist, 'findings': findings}


def _v(fields, k):
    return fields[k]['value']


def check(a, fields, fin, checklist, as_of_year, blacklist, has_audit):
    sev = {c: r['severity'] for c, r in spec.findings().items()}
    out = []

    def add(code, field, msg):
        out.append({'code': code, 'severity': sev[code], 'field': field, 'message': msg})

    fm = spec.field_map()
    for k, r in fm.items():
        if r['required'] and _v(fields, k) is None:
            if k == 'project_category' and not a.category_in_catalog:
                continue
            add('missing_required_field', k, '必填项“%s”未填写' % r['label'])
    code = _v(fields, 'credit_code')
    if code is not None and not ccode.is_valid(code):
        add('invalid_credit_code', 'credit_code', '统一社会信用代码%s校验位错误' % code)
    tot = _v(fields, 'total_investment')
    g, s, o = _v(fields, 'funding_government'), _v(fields, 'funding_self'), _v(fields, 'funding_other')
    if None not in (tot, g, s, o) and abs(g + s + o - tot) > 0.01:
        add('funding_sum_mismatch', 'total_investment', '资金来源合计%s万元与项目总投资%s万元不符' % (g + s + o, tot))
    eq = _v(fields, 'equity_capital')
    if None not in (eq, tot) and eq > tot + 0.01:
        add('equity_exceeds_total', 'equity_capital', '资本金总额超过项目总投资')
    inv, inp = _v(fields, 'invested_amount'), _v(fields, 'funds_in_place')
    if None not in (inv, inp) and inv > inp + 0.01:
        add('invested_exceeds_in_place', 'invested_amount', '已投资额超过已到位资金')
    dem = _v(fields, 'loan_demand_total')
    for k in ('loans_obtained', 'loan_demand_this_year'):
        v = _v(fields, k)
        if None not in (v, dem) and v > dem + 0.01:
            add('loans_exceed_demand', k, '%s超过贷款总需求' % fm[k]['label'])
    stmt_field = 'audit_report' if has_audit else 'balance_sheet'
    if fin is not None:
        A, L, E = fin['total_assets'], fin['total_liabilities'], fin['owners_equity']
        dr = _v(fields, 'debt_ratio')
        if dr is not None and A:
            if abs(dr - 100.0 * L / A) > 1.0:
                add('debt_ratio_mismatch', 'debt_ratio', '申请表资产负债率%s%%与资产负债表%.2f%%不符' % (dr, 100.0 * L / A))
        if abs(A - (L + E)) > 0.05:
            add('balance_sheet_unbalanced', stmt_field, '资产总计与负债和所有者权益合计不等')
        if fin['year'] < as_of_year - 1:
            add('statements_outdated', stmt_field, '财务报表为%d年度，不是最近一个完整年度' % fin['year'])
    for k, c in checklist.items():
        if c['required'] and not c['present']:
            add('missing_attachment', k, '缺少%s' % k)
    if not a.category_in_catalog:
        add('category_not_in_catalog', 'project_category', '项目所属类别不在目录清单内')
    if _v(fields, 'renamed') is True and _v(fields, 'former_project_name') is None:
        add('renamed_without_former_name', 'former_project_name', '项目名称已变更但未填写曾用名')
    if code is not None and code.upper() in blacklist:
        add('blacklisted', 'credit_code', '申请企业在信用黑名单内')
    return out
