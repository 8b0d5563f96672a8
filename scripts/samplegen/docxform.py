"""The "electronic version" of the form as a real Word table (python-docx), and OOXML determinism."""
import io
import zipfile
import datetime
from .form import TITLE, NOTES, rows_of
from .values import Checkbox

FIXED = datetime.datetime(2025, 3, 10, 9, 30, 0)


def _cell_text(content, mark):
    if content is None:
        return ''
    items = content if isinstance(content, list) else [content]
    lines = []
    for it in items:
        if isinstance(it, Checkbox):
            for ln in it.lines:
                s = ''
                for opt in ln:
                    if opt == '其他' and it.other_text:
                        s += '其他（%s）' % it.other_text
                    else:
                        s += '%s（%s）' % (opt, mark if opt in it.marked else ' ')
                lines.append(s)
        elif it:
            lines.append(it)
    return '\n'.join(lines)


def form_docx(a, rng):
    import docx
    from docx.shared import Pt, Cm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    d = docx.Document()
    st = d.styles['Normal']
    st.font.name = '宋体'
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    st.font.size = Pt(10.5)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.0)
    p = d.add_paragraph('附件2')
    p = d.add_paragraph()
    r = p.add_run(TITLE)
    r.bold = True
    r.font.size = Pt(16)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph('填报企业（盖章）：' + a.company)
    mark = rng.choice(['√', '✓', '√'])
    rows = rows_of(a)
    t = d.add_table(rows=len(rows), cols=4)
    t.style = 'Table Grid'
    for i, row in enumerate(rows):
        cells = t.rows[i].cells
        kind = row[0]
        if kind == 'section':
            m = cells[0].merge(cells[3])
            m.text = row[1]
            m.paragraphs[0].runs[0].bold = True
        elif kind == 'quad':
            _, l1, v1, l2, v2 = row
            cells[0].text = l1
            cells[1].text = _cell_text(v1, mark)
            cells[2].text = l2
            cells[3].text = _cell_text(v2, mark)
        elif kind == 'full':
            _, l1, v1 = row
            cells[0].text = l1
            m = cells[1].merge(cells[3])
            m.text = _cell_text(v1, mark)
        else:
            m = cells[0].merge(cells[3])
            m.text = _cell_text(row[1], mark)
    for n in NOTES:
        d.add_paragraph(n)
    cp = d.core_properties
    cp.author = a.contact_person_name if hasattr(a, 'contact_person_name') else 'Administrator'
    cp.created = cp.modified = FIXED
    cp.last_modified_by = 'Administrator'
    cp.revision = 1
    bio = io.BytesIO()
    d.save(bio)
    return deterministic_zip(bio.getvalue())


def deterministic_zip(data):
    """Rewrite an OOXML zip with fixed timestamps (python-docx/openpyxl stamp the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 10, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == 'docProps/core.xml':
                import re
                body = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)', rb'\g<1>2025-03-10T09:30:00Z\g<3>', body)
            z.writestr(zi, body)
    return out.getvalue()
