"""Assemble application packages: pick the data, render every document, wrap them in a container."""
import hashlib
import io
import os
import random

from . import containers, docs, docxform, fonts, form, layout, pdfwrite, render, scan, statements, truth, values

AS_OF = '2025-06-30'
AS_OF_YEAR = 2025


class Ctx:
    """Per-package rendering context (profile, fonts, size budget)."""

    def __init__(self, rng, hard, heavy=False):
        self.rng = rng
        self.hard = hard
        self.heavy = heavy      # benchmark packages: no size budget, most attachments scanned
        self.form_fonts = fonts.HARD_FORM_FONTS if hard else fonts.BUNDLED_FORM_FONTS
        self.generic = 0


def _sha(b):
    return hashlib.sha256(b).hexdigest()


# ---------------------------------------------------------------- rendering

def scan_images(pages, prof):
    out = []
    for i, p in enumerate(pages):
        img = render.render_page(p, prof.dpi)
        if p.rotate:
            img = img.rotate(p.rotate)
        out.append(scan.apply(img, prof, i))
    return out


def images_pdf(images, prof, embedded=None):
    pages = []
    for img in images:
        pages.append((scan.jpeg_bytes(img, prof.quality), img.width, img.height, prof.dpi, img.mode == 'L'))
    return pdfwrite.image_pdf(pages, embedded)


def tiff_bytes(images, dpi, compression='group4'):
    if compression == 'group4':
        ims = [scan.to_bilevel(i) for i in images]
    else:
        ims = [i.convert('L') for i in images]
    bio = io.BytesIO()
    ims[0].save(bio, 'TIFF', save_all=True, append_images=ims[1:], compression=compression, dpi=(dpi, dpi))
    return bio.getvalue()


def new_doc(ctx, for_text_pdf):
    rng = ctx.rng
    if for_text_pdf:
        fid = 'stsong' if rng.random() < 0.75 else rng.choice(fonts.PDF_FONTS)
    else:
        fid = rng.choice(ctx.form_fonts + ['zenhei', 'uming'])
    m = (rng.uniform(22, 30), rng.uniform(22, 32), rng.uniform(20, 28), rng.uniform(20, 28))
    return layout.Doc(fid, size=rng.uniform(11, 13.5), margins=m)


# ---------------------------------------------------------------- documents

class FileOut:
    def __init__(self, path, data, kind, pages, text_source):
        self.path, self.data, self.kind, self.pages, self.text_source = path, data, kind, pages, text_source

    def entry(self, prefix=''):
        return {'path': prefix + self.path, 'sha256': _sha(self.data), 'kind': self.kind, 'pages': self.pages,
                'text_source': self.text_source, 'error': None}


def render_doc(ctx, a, kind, build, name, fmt, color=False):
    """build(doc) fills a layout.Doc. fmt: text | scan | jpg | tiff. Returns list of FileOut."""
    rng = ctx.rng
    doc = new_doc(ctx, fmt == 'text')
    build(doc)
    pages = doc.pages
    if fmt == 'text':
        data = pdfwrite.text_pdf(pages, title=os.path.splitext(name)[0], author=a.company)
        return [FileOut(name, data, kind, len(pages), 'text')]
    prof = scan.ScanProfile(rng, ctx.hard, color=color or ctx.hard)
    if not ctx.hard:
        prof.dpi = 200
    imgs = scan_images(pages, prof)
    if fmt == 'scan':
        return [FileOut(name, images_pdf(imgs, prof), kind, len(pages), 'ocr')]
    if fmt == 'tiff':
        return [FileOut(name, tiff_bytes(imgs, prof.dpi), kind, len(pages), 'ocr')]
    outs = []
    base, ext = os.path.splitext(name)
    for i, img in enumerate(imgs):
        nm = name if len(imgs) == 1 else '%s_%d%s' % (base, i + 1, ext)
        if ext.lower() == '.png':
            bio = io.BytesIO()
            scan.to_bilevel(img).save(bio, 'PNG', optimize=True, dpi=(prof.dpi, prof.dpi))
            data = bio.getvalue()
        else:
            data = scan.jpeg_bytes(img, prof.quality, dpi=prof.dpi)
        outs.append(FileOut(nm, data, kind, 1, 'ocr'))
    return outs


def form_files(ctx, a, fmt, name, dpi=None, quality=None, embedded=None):
    rng = ctx.rng
    st = form.FormStyle(rng, ctx.form_fonts, hard=ctx.hard, font=ctx.form_fonts[ctx.index % len(ctx.form_fonts)])
    var = getattr(ctx, 'variety', None)       # the variety profile only (samplegen/variety.py)
    if var is not None:
        from . import variety
        variety.restyle(st, rng, var, a)
    pages = form.draw_form(a, st, rng)
    prof = scan.ScanProfile(rng, ctx.hard, color=True)
    if dpi:
        prof.dpi = dpi
    elif not ctx.hard:
        prof.dpi = 200
    if quality:
        prof.quality = quality
    if ctx.hard and len(pages) > 1 and rng.random() < 0.6:
        prof.rot180_page = rng.randrange(len(pages))
    a.form_style = st
    if var is not None and 'turned_pages' in var:
        return variety.turned_form(ctx, a, pages, prof, fmt, name, embedded)
    if fmt == 'photos':
        outs = []
        for i, p in enumerate(pages):
            img = render.render_page(p, prof.dpi)
            img = scan.photo(img, rng)
            if prof.rot180_page == i:
                img = img.rotate(180)
            nm = 'IMG_2025%02d%02d_%02d%02d%02d.jpg' % (3, rng.randint(1, 28), rng.randint(8, 18), rng.randrange(60), rng.randrange(60))
            outs.append(FileOut(nm, scan.jpeg_bytes(img, prof.quality - (0 if ctx.hard else 5), dpi=72), 'application_form', 1, 'ocr'))
        return outs
    imgs = scan_images(pages, prof)
    if fmt == 'tiff':
        comp = 'tiff_lzw' if ctx.hard else 'group4'
        return [FileOut(name, tiff_bytes(imgs, prof.dpi, comp), 'application_form', len(imgs), 'ocr')]
    return [FileOut(name, images_pdf(imgs, prof, embedded=[(f.path, f.data) for f in embedded or []]),
                    'application_form', len(imgs), 'ocr')]


DOC_NAMES = {
    'approval_doc': ['项目备案证.pdf', '立项批复.pdf', '核准批复文件.pdf'],
    'land_doc': ['不动产权证书.pdf', '用地预审意见.pdf', '土地证明.pdf'],
    'eia_doc': ['环评批复.pdf', '环境影响报告表批复.pdf'],
    'energy_review_doc': ['节能审查意见.pdf'],
    'preliminary_design_doc': ['初步设计批复.pdf'],
    'cleaner_production_doc': ['清洁生产审核验收意见.pdf'],
    'ohs_certificate': ['职业健康安全管理体系认证证书.pdf', 'ISO45001证书.pdf'],
    'rewards_penalties_doc': ['行政处罚决定书.pdf', '近两年奖励文件.pdf'],
    'other': ['营业执照.pdf'],
}


def generic_name(ctx, ext='.pdf'):
    ctx.generic += 1
    rng = ctx.rng
    if ext == '.jpg':
        return 'IMG_202503%02d_%02d%02d%02d.jpg' % (rng.randint(1, 28), rng.randint(8, 18), rng.randrange(60), rng.randrange(60))
    return rng.choice(['scan%04d' % (ctx.generic + 2), '附件%d' % (ctx.generic + 1), 'doc%02d' % ctx.generic]) + ext


def attachment_plan(a, ctx):
    """(kind, builder) for each attachment the answers call for (minus planted gaps)."""
    F = a.f
    plan = []
    if F['approval_status'] != '不涉及':
        plan.append(('approval_doc', lambda d: docs.approval(d, a, ctx.rng, F['approval_status'])))
    if F['land_use_status'] != '不涉及':
        plan.append(('land_doc', lambda d: docs.land(d, a, ctx.rng, F['land_use_status'])))
    if F['eia_status'] != '不涉及' and 'missing_eia_doc' not in a.defects:
        plan.append(('eia_doc', lambda d: docs.eia(d, a, ctx.rng, F['eia_status'])))
    if F['energy_review_status'] in ('已取得', '正在办理'):
        plan.append(('energy_review_doc', lambda d: docs.energy(d, a, ctx.rng, F['energy_review_status'])))
    if F['preliminary_design_status'] != '不涉及':
        plan.append(('preliminary_design_doc', lambda d: docs.design(d, a, ctx.rng, F['preliminary_design_status'])))
    if a.cleaner_production_done:
        plan.append(('cleaner_production_doc', lambda d: docs.cleaner(d, a, ctx.rng)))
    if F['ohs_certification'] == '已认证':
        plan.append(('ohs_certificate', lambda d: docs.ohs(d, a, ctx.rng)))
    if a.rewards_kind in ('reward', 'penalty'):
        plan.append(('rewards_penalties_doc', lambda d: docs.rewards(d, a, ctx.rng)))
    if ctx.rng.random() < 0.5:
        plan.append(('other', lambda d: docs.other_doc(d, a, ctx.rng, ctx.rng.choice(['license', 'note']))))
    return plan


def name_for(ctx, a, kind):
    rng = ctx.rng
    if kind == 'rewards_penalties_doc':
        return '行政处罚决定书.pdf' if a.rewards_kind == 'penalty' else '绿色矿山表彰文件.pdf'
    if kind == 'other':
        return rng.choice(['营业执照.pdf', '项目情况说明.pdf', '其他材料.pdf'])
    return rng.choice(DOC_NAMES[kind])


def attachments(ctx, a, scanned_budget=2, jpg_ok=False):
    """Render all planned attachments; returns FileOut list."""
    rng = ctx.rng
    outs = []
    used = set()
    share = 0.4
    if ctx.heavy:
        scanned_budget, share = 99, 0.65
    for kind, build in attachment_plan(a, ctx):
        nm = name_for(ctx, a, kind)
        if rng.random() < 0.15:
            nm = generic_name(ctx)
        if nm in used:
            nm = os.path.splitext(nm)[0] + '（%d）.pdf' % len(used)
        used.add(nm)
        fmt = 'text'
        if ctx.hard or (scanned_budget > 0 and rng.random() < share):
            fmt = 'scan'
            scanned_budget -= 1
            if jpg_ok and rng.random() < 0.8:
                fmt = 'jpg'
                nm = os.path.splitext(nm)[0] + '.jpg' if rng.random() < 0.6 else generic_name(ctx, '.jpg')
                if rng.random() < 0.35:
                    nm = os.path.splitext(nm)[0] + '.png'
        outs.extend(render_doc(ctx, a, kind, build, nm, fmt, color=rng.random() < 0.3))
    return outs


def statement_files(ctx, a, mode, fmt_scan=False):
    """mode: separate | audit | xlsx. Returns FileOut list."""
    rng, st = ctx.rng, a.stmt
    people = (a.legal_rep, values.person(rng), values.person(rng))
    y = st.year
    fmt = 'scan' if (fmt_scan or ctx.hard or (ctx.heavy and rng.random() < 0.3)) else 'text'
    if mode == 'audit':
        return render_doc(ctx, a, 'audit_report', lambda d: docs.audit_report(d, a, rng, st, people),
                          '%d年度审计报告.pdf' % y, fmt)
    outs = []
    if mode == 'xlsx':
        bio = io.BytesIO()
        statements.write_xlsx(bio, st, a.company, people)
        outs.append(FileOut('%d年资产负债表.xlsx' % y, docxform.deterministic_zip(bio.getvalue()), 'balance_sheet', None, 'text'))
    else:
        outs += render_doc(ctx, a, 'balance_sheet', lambda d: statements.render_balance_sheet(d, st, a.company, people, rng, a.seal_seed + 5),
                           rng.choice(['%d年度资产负债表.pdf' % y, '资产负债表%d.pdf' % y]), fmt)
    outs += render_doc(ctx, a, 'income_statement', lambda d: statements.render_income(d, st, a.company, people, rng, a.seal_seed + 6),
                       rng.choice(['%d年度利润表.pdf' % y, '利润表.pdf']), fmt)
    outs += render_doc(ctx, a, 'cash_flow_statement', lambda d: statements.render_cashflow(d, st, a.company, people, rng, a.seal_seed + 7),
                       rng.choice(['%d年度现金流量表.pdf' % y, '现金流量表.pdf']), fmt)
    return outs


# ---------------------------------------------------------------- the application

def make_application(rng, defects, opts):
    a = values.make_app(rng, year=2024, defects=defects, opts=opts)
    a.seal_seed = rng.randrange(10 ** 6)
    a.seal_code = '%013d' % rng.randrange(10 ** 13) if rng.random() < 0.4 else ''
    a.stmt_included = False
    if opts.get('statements', True):
        year = 2023 if 'statements_outdated' in defects else 2024
        unit = '万元' if rng.random() < 0.15 else '元'
        ratio = rng.uniform(0.32, 0.72)
        st = statements.Statements(rng, year, rng.uniform(2.5e8, 6e9), ratio, a.f['registered_capital'],
                                   unit=unit, unbalanced='balance_sheet_unbalanced' in defects)
        a.stmt = st
        a.stmt_included = True
        r = 100.0 * st.total_liabilities / st.total_assets
        if 'debt_ratio_mismatch' in defects:
            r += rng.choice([-1, 1]) * rng.uniform(3, 9)
        values.set_debt_ratio(a, r)
    else:
        values.set_debt_ratio(a, rng.uniform(30, 70))
    if 'missing_required_field' in defects and opts.get('empty_field', 'credit_rating') == 'debt_ratio':
        a.f['debt_ratio'] = None
        a.w['debt_ratio'] = ''
    values.fill_financial_text(a)
    return a


# ---------------------------------------------------------------- containers

def finish(outdir, source, a, files, blacklist):
    rec = truth.build(a, source, files, AS_OF_YEAR, blacklist)
    st = getattr(a, 'form_style', None)
    rec['_manifest'] = {'source': source, 'defects': sorted(a.defects),
                        'form_font': st and fonts.FONTS[st.fid][2], 'value_font': st and fonts.FONTS[st.vfid][2],
                        'mark': st and st.mark, 'form_pages': sum(f['pages'] or 0 for f in files if f['kind'] == 'application_form'
                                                                   and f['path'].lower().endswith(('.pdf', '.tif', '.tiff')))}
    return rec


def pkg_eml(ctx, a, outdir, blacklist, variant):
    rng = ctx.rng
    inbox = os.path.join(outdir, 'inbox')
    form_out = form_files(ctx, a, 'pdf', rng.choice(['入库申请表（盖章）.pdf', '绿色矿山项目入库申请表.pdf']))
    atts = attachments(ctx, a, scanned_budget=1)
    stm = statement_files(ctx, a, rng.choice(['separate', 'audit'])) if a.stmt_included else []
    sender_name = values.person(rng)
    dom = rng.choice(['163.com', 'qq.com', 'gsmining.com.cn', '126.com'])
    sender = '%s <%s>' % (containers._ew(sender_name, 'utf-8'), 'gm%04d@%s' % (rng.randrange(10000), dom))
    to = '%s <gmxmk@gansu-green-mining.cn>' % containers._ew('绿色矿山项目库', 'utf-8')
    date = 'Wed, 12 Mar 2025 %02d:%02d:%02d +0800' % (rng.randint(8, 18), rng.randrange(60), rng.randrange(60))
    body = '您好：\r\n\r\n附件为%s“%s”入库申请材料，请查收。\r\n如有问题请联系%s。\r\n\r\n%s\r\n' % (
        a.company, a.f['project_name'], a.w['contact'], a.company)
    styles = ['rfc2047-gbk', 'rfc2231', 'rfc2047-gb18030', 'rfc2047-utf8']
    files = []
    if variant == 'forward':
        # the original mail (form + approvals) forwarded; outer mail adds statements zip and a raw-GBK named file
        inner_files = form_out + (atts[:-1] if len(atts) > 1 else atts)
        inner_atts = [(f.path, f.data, styles[i % 4]) for i, f in enumerate(inner_files)]
        inner = containers.message('%s入库申请材料' % a.f['project_name'], sender, to, date.replace('12 Mar', '10 Mar'),
                                   'orig%06d@%s' % (rng.randrange(10 ** 6), dom), body, inner_atts, '----=_Part_%08d' % rng.randrange(10 ** 8))
        for f in inner_files:
            files.append(f.entry())
        outer_atts = []
        if len(atts) > 1:
            last = atts[-1]
            outer_atts.append((last.path, last.data, 'raw-gbk'))
            files.append(last.entry())
        if stm:
            zname = '%d年财务报表.zip' % a.stmt.year
            members = [('财务报表/' + f.path, f.data) for f in stm]
            outer_atts.append((zname, containers.zip_bytes(members, gbk=True), 'rfc2047-gbk'))
            for f in stm:
                files.append(f.entry(zname + '/财务报表/'))
        fwd_name = values.person(rng)
        body2 = '转发给您，请审核。%s\r\n\r\n-------- 转发的邮件 --------\r\n' % fwd_name
        raw = containers.message('转发：%s入库申请材料' % a.f['project_name'], sender, to, date,
                                 'fwd%06d@%s' % (rng.randrange(10 ** 6), dom), body2, outer_atts,
                                 '----=_NextPart_%08d' % rng.randrange(10 ** 8), forwarded=inner)
        source = unique(ctx, '转发-%s入库申请材料.eml' % a.mine)
    else:
        allf = form_out + atts + stm
        at = [(f.path, f.data, styles[i % 4]) for i, f in enumerate(allf)]
        raw = containers.message('%s绿色矿山项目入库申请' % a.company, sender, to, date,
                                 'm%06d@%s' % (rng.randrange(10 ** 6), dom), body, at, '----=_NextPart_%08d' % rng.randrange(10 ** 8))
        files = [f.entry() for f in allf]
        source = unique(ctx, '%s入库申请.eml' % a.company)
    with open(os.path.join(inbox, source), 'wb') as fh:
        fh.write(raw)
    return finish(outdir, source, a, files, blacklist)


def pkg_zip(ctx, a, outdir, blacklist, variant):
    rng = ctx.rng
    inbox = os.path.join(outdir, 'inbox')
    atts = attachments(ctx, a, scanned_budget=1)
    embedded = []
    if variant == 'utf8' and atts:
        # the applicant attached one document inside the form's PDF (Acrobat "attach file")
        embedded = [atts.pop(0)]
    outs = form_files(ctx, a, 'pdf', '01入库申请表.pdf' if variant == 'utf8' else '入库申请表扫描件.pdf', embedded=embedded)
    if variant == 'gbk':
        outs.append(FileOut('入库申请表（电子版）.docx', docxform.form_docx(a, rng), 'application_form', None, 'text'))
    stm = statement_files(ctx, a, 'audit' if variant == 'gbk' else 'separate') if a.stmt_included else []
    members = []
    if variant == 'utf8':
        sub = rng.choice(['附件', '佐证材料'])
        for f in outs:
            members.append((f.path, f))
        for f in embedded:
            members.append(('%s/%s' % (outs[0].path, f.path), f))
        for f in atts:
            members.append(('%s/%s' % (sub, f.path), f))
        for f in stm:
            members.append(('%s/财务报表/%s' % (sub, f.path), f))
        source = unique(ctx, '%s项目申报材料.zip' % a.mine)
    else:
        for f in outs + atts + stm:
            members.append((f.path, f))
        source = unique(ctx, '%s.zip' % a.company)
    containers.write_zip(os.path.join(inbox, source), [(n, f.data) for n, f in members if f not in embedded],
                         gbk=(variant == 'gbk'))
    files = []
    for n, f in members:
        e = f.entry()
        e['path'] = n
        files.append(e)
    return finish(outdir, source, a, files, blacklist)


def pkg_folder(ctx, a, outdir, blacklist, variant):
    rng = ctx.rng
    inbox = os.path.join(outdir, 'inbox')
    if variant == 'photos':
        outs = form_files(ctx, a, 'photos', None)
        atts = attachments(ctx, a, scanned_budget=2, jpg_ok=True)
        stm = statement_files(ctx, a, 'separate', fmt_scan=True) if a.stmt_included else []
        source = unique(ctx, '%s入库资料' % a.mine)
    else:
        outs = form_files(ctx, a, 'pdf', '申请表.pdf')
        atts = attachments(ctx, a, scanned_budget=1)
        stm = statement_files(ctx, a, 'xlsx') if a.stmt_included else []
        source = unique(ctx, a.company)
    members = [(f.path, f) for f in outs + atts + stm]
    containers.write_folder(os.path.join(inbox, source), [(n, f.data) for n, f in members])
    return finish(outdir, source, a, [f.entry() for _, f in members], blacklist)


def pkg_loose(ctx, a, outdir, blacklist, variant):
    rng = ctx.rng
    inbox = os.path.join(outdir, 'inbox')
    if variant == 'tiff':
        source = unique(ctx, rng.choice(['入库申请表.tif', 'scan_form.tiff']))
        outs = form_files(ctx, a, 'tiff', source)
    else:
        source = unique(ctx, 'scan_form.pdf')
        outs = form_files(ctx, a, 'pdf', source, dpi=None if ctx.hard else 300, quality=None if ctx.hard else 42)
    with open(os.path.join(inbox, source), 'wb') as fh:
        fh.write(outs[0].data)
    return finish(outdir, source, a, [outs[0].entry()], blacklist)


BUILDERS = {'eml': pkg_eml, 'zip': pkg_zip, 'folder': pkg_folder, 'loose': pkg_loose}

# The bundled set: container, variant, planted defects, options
BUNDLED = [
    ('eml', 'plain', [], {}),
    ('eml', 'forward', ['funding_sum_mismatch', 'invested_exceeds_in_place', 'renamed_without_former_name',
                        'balance_sheet_unbalanced'], {}),
    ('zip', 'gbk', ['debt_ratio_mismatch', 'statements_outdated', 'missing_eia_doc', 'loans_exceed_demand'], {}),
    ('zip', 'utf8', [], {}),
    ('folder', 'mixed', [], {}),
    ('loose', 'pdf', ['invalid_credit_code', 'missing_required_field', 'not_in_catalog'],
     {'statements': False, 'not_in_catalog': True, 'empty_field': 'credit_rating'}),
    ('loose', 'tiff', ['blacklisted', 'equity_exceeds_total'], {'statements': False}),
    ('folder', 'photos', [], {}),
]

ALL_DEFECTS = ['funding_sum_mismatch', 'equity_exceeds_total', 'invested_exceeds_in_place', 'loans_exceed_demand',
               'debt_ratio_mismatch', 'balance_sheet_unbalanced', 'statements_outdated', 'missing_eia_doc',
               'invalid_credit_code', 'blacklisted', 'missing_required_field', 'renamed_without_former_name',
               'not_in_catalog']
VARIANTS = [('eml', 'plain'), ('eml', 'forward'), ('zip', 'gbk'), ('zip', 'utf8'), ('folder', 'mixed'),
            ('folder', 'photos'), ('loose', 'pdf'), ('loose', 'tiff')]


def random_spec(rng):
    cont, var = rng.choice(VARIANTS)
    defects, opts = [], {}
    if cont == 'loose':
        opts['statements'] = False
    if rng.random() < 0.5:
        pool = [d for d in ALL_DEFECTS if not (opts.get('statements') is False and d in
                                               ('debt_ratio_mismatch', 'balance_sheet_unbalanced', 'statements_outdated'))]
        defects = rng.sample(pool, rng.randint(1, 3))
        if 'not_in_catalog' in defects:
            opts['not_in_catalog'] = True
        if 'missing_required_field' in defects:
            opts['empty_field'] = rng.choice(['credit_rating', 'interest_rate_opinion', 'expected_annual_revenue'])
    return cont, var, defects, opts


def build_package(i, spec_tuple, seed, outdir, blacklist_codes, hard):
    cont, var, defects, opts = spec_tuple
    rng = random.Random('%s-%d-%s' % (seed, i, 'hard' if hard else 'bundled'))
    a = make_application(rng, defects, opts)
    if 'blacklisted' in defects:
        blacklist_codes.add(a.credit_code)
    ctx = Ctx(rng, hard, heavy=i >= len(BUNDLED))
    ctx.index = i
    # benchmark packages get a number in their name so that sources never collide
    ctx.suffix = '' if i < len(BUNDLED) else '_%03d' % i
    return BUILDERS[cont](ctx, a, outdir, blacklist_codes, var)


def unique(ctx, source):
    if not ctx.suffix:
        return source
    base, ext = os.path.splitext(source)
    if ext.lower() not in ('.eml', '.zip', '.pdf', '.tif', '.tiff'):
        return source + ctx.suffix
    return base + ctx.suffix + ext
