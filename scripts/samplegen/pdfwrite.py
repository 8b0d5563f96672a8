"""PDF output: scanned pages as DCT images (own writer, deterministic) and text PDFs via reportlab."""
import io
import zlib
from PIL import Image
from . import fonts, seal


def image_pdf(pages, embedded=None):
    """pages: list of (jpeg_bytes, width_px, height_px, dpi, gray). embedded: list of (name, bytes).

    Returns the PDF bytes. Each page is sized so the image covers A4-ish at its dpi."""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    catalog = add(None)
    pages_id = add(None)
    kids = []
    for (jpg, w, h, dpi, gray) in pages:
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        img = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8 '
                  b'/Filter /DCTDecode /Length %d >>\nstream\n' % (w, h, b'DeviceGray' if gray else b'DeviceRGB', len(jpg))
                  + jpg + b'\nendstream')
        content = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (pw, ph)
        cid = add(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
        pid = add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> '
                  b'/Contents %d 0 R >>' % (pages_id, pw, ph, img, cid))
        kids.append(pid)
    objs[pages_id - 1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    names = b''
    if embedded:
        entries = []
        for name, data in embedded:
            comp = zlib.compress(data)
            ef = add(b'<< /Type /EmbeddedFile /Subtype /application#2Fpdf /Filter /FlateDecode /Length %d '
                     b'/Params << /Size %d >> >>\nstream\n' % (len(comp), len(data)) + comp + b'\nendstream')
            uname = _pdf_text(name)
            fs = add(b'<< /Type /Filespec /F (%s) /UF %s /EF << /F %d 0 R >> /Desc %s >>'
                     % (name.encode('ascii', 'replace'), uname, ef, uname))
            entries.append(b'%s %d 0 R' % (uname, fs))
        names = b' /Names << /EmbeddedFiles << /Names [%s] >> >> /PageMode /UseAttachments' % b' '.join(entries)
    objs[catalog - 1] = b'<< /Type /Catalog /Pages %d 0 R%s >>' % (pages_id, names)
    out = io.BytesIO()
    out.write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, o in enumerate(objs):
        offs.append(out.tell())
        out.write(b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n')
    x = out.tell()
    out.write(b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1))
    for o in offs:
        out.write(b'%010d 00000 n \n' % o)
    out.write(b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, catalog, x))
    return out.getvalue()


def _pdf_text(s):
    """UTF-16BE hex string with BOM."""
    return b'<FEFF' + s.encode('utf-16-be').hex().upper().encode() + b'>'


_registered = set()


def _rl_font(fid):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if fid == 'stsong':
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        if 'STSong-Light' not in _registered:
            pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
            _registered.add('STSong-Light')
        return 'STSong-Light'
    name = 'GM_' + fid
    if name not in _registered:
        path, idx = fonts.FONTS[fid][0], fonts.FONTS[fid][1]
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=idx))
        _registered.add(name)
    return name


def text_pdf(pages, title='', author=''):
    """Render layout pages into a PDF with a real text layer (reportlab). Fonts must be TrueType."""
    from reportlab.pdfgen import canvas
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    import random
    bio = io.BytesIO()
    c = canvas.Canvas(bio, pagesize=(pages[0].w * mm, pages[0].h * mm), invariant=1, pageCompression=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for pg in pages:
        H = pg.h
        seals = []
        for op in pg.ops:
            kind = op[0]
            if kind == 'text':
                _, x, y, s, fid, size, color, bold = op
                if not fonts.FONTS.get(fid, (0, 0, 0, False))[3]:
                    fid = 'zenhei'
                c.setFillColorRGB(*[v / 255.0 for v in color])
                c.setFont(_rl_font(fid), size)
                if bold:
                    c.setStrokeColorRGB(*[v / 255.0 for v in color])
                    c.setLineWidth(size * 0.03)
                    t = c.beginText(x * mm, (H - y) * mm)
                    t.setTextRenderMode(2)
                    t.setFont(_rl_font(fid), size)
                    t.textOut(s)
                    c.drawText(t)
                else:
                    c.drawString(x * mm, (H - y) * mm, s)
            elif kind == 'line':
                _, x1, y1, x2, y2, w, color = op
                c.setStrokeColorRGB(*[v / 255.0 for v in color])
                c.setLineWidth(w * mm)
                c.line(x1 * mm, (H - y1) * mm, x2 * mm, (H - y2) * mm)
            elif kind == 'stroke':
                _, pts, w, color = op
                c.setStrokeColorRGB(*[v / 255.0 for v in color])
                c.setLineWidth(w * mm)
                p = c.beginPath()
                p.moveTo(pts[0][0] * mm, (H - pts[0][1]) * mm)
                for (x, y) in pts[1:]:
                    p.lineTo(x * mm, (H - y) * mm)
                c.drawPath(p, stroke=1, fill=0)
            elif kind == 'seal':
                seals.append(op)
        for (_, cx, cy, r, name, sd, bottom, code) in seals:
            ang = random.Random(sd).uniform(-25, 25)
            img = seal.seal_rgba(name, int(r * 110 / 25.4), sd, bottom, code, angle=ang)
            sz = img.width * 25.4 / 110
            c.drawImage(ImageReader(img), (cx - sz / 2) * mm, (H - cy - sz / 2) * mm, sz * mm, sz * mm, mask='auto')
        c.showPage()
    c.save()
    return bio.getvalue()
