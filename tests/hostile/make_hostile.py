#!/usr/bin/python3
"""Builds the hostile inbox: what anyone can mail in — broken, malicious or
mislabelled files — each package beside one good file, so the test can prove
both that the bad file becomes a finding and that the good one is still read.

  make_hostile.py OUT_DIR

Writes OUT_DIR/inbox/, one package for each kind of trouble, named for it,
and OUT_DIR/expect.json: for each package, the files that must carry an error
(a substring of the path) and the files that must still be read.
"""
import io, json, os, struct, sys, zipfile, zlib

def pdf_bytes(objects, root=1, extra_trailer=b''):
    """A syntactically valid PDF from numbered object bodies, with a correct xref."""
    out = io.BytesIO()
    out.write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b'%d 0 obj\n' % i + body + b'\nendobj\n')
    xref = out.tell()
    out.write(b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1))
    for o in offsets:
        out.write(b'%010d 00000 n \n' % o)
    out.write(b'trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, root, extra_trailer, xref))
    return out.getvalue()

def reference_loop_pdf():
    # The page tree's Kids point back at the root: a walker without a visited set never ends.
    return pdf_bytes([b'<< /Type /Catalog /Pages 2 0 R >>',
                      b'<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
                      b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'])

def huge_page_tree_pdf():
    # Claims a billion pages; holds one.
    return pdf_bytes([b'<< /Type /Catalog /Pages 2 0 R >>',
                      b'<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>',
                      b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'])

def zip_bomb():
    # 1 GiB of zeros compresses to ~1 MB; the member ratio is ~1000:1.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open('bomb.bin', 'w', force_zip64=True) as fh:
            chunk = b'\0' * (1 << 20)
            for _ in range(1024):
                fh.write(chunk)
    return buf.getvalue()

def traversal_zip(good):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        z.writestr('../../etc/passwd', b'root:x:0:0:pwned\n')
        z.writestr('/tmp/greenmine-absolute.txt', b'absolute path\n')
        z.writestr('ok/good.pdf', good)
    return buf.getvalue()

def png_bomb():
    # A valid PNG header claiming 100000 x 100000 pixels with a tiny body.
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    ihdr = struct.pack('>IIBBBBB', 100000, 100000, 8, 0, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(b'\0' * 1000)) + chunk(b'IEND', b'')

def many_parts_eml(good, parts=3000):
    b = 'BOUNDARY-many'
    out = ['From: a@example.com', 'To: b@example.com', 'Subject: many parts', 'MIME-Version: 1.0',
           'Content-Type: multipart/mixed; boundary="%s"' % b, '']
    for i in range(parts):
        out += ['--' + b, 'Content-Type: text/plain', '', 'part %d' % i]
    import base64
    out += ['--' + b, 'Content-Type: application/pdf; name="good.pdf"',
            'Content-Disposition: attachment; filename="good.pdf"', 'Content-Transfer-Encoding: base64', '',
            base64.encodebytes(good).decode(), '--' + b + '--', '']
    return '\r\n'.join(out).encode()

def broken_boundary_eml(good):
    import base64
    return ('From: a@example.com\r\nSubject: broken\r\nMIME-Version: 1.0\r\n'
            'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
            '--never-closed\r\nContent-Type: application/pdf; name="good.pdf"\r\n'
            'Content-Disposition: attachment; filename="good.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + base64.encodebytes(good).decode() + '\r\n--never-closed\r\nContent-Type: application/pdf; name="cut.pdf"\r\n'
            'Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n').encode()

def good_pdf():
    """A small, valid text PDF with Chinese text (reportlab's built-in CID font)."""
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
    c.setFont('STSong-Light', 16)
    c.drawString(72, 760, '资产负债表')
    c.setFont('STSong-Light', 11)
    c.drawString(72, 730, '编制单位：甘肃某某矿业有限公司    2024年12月31日    单位：元')
    c.drawString(72, 700, '资产总计    120,000,000.00')
    c.showPage()
    c.save()
    return buf.getvalue()

def main():
    root = sys.argv[1]
    out = os.path.join(root, 'inbox')
    good = good_pdf()
    os.makedirs(out, exist_ok=True)
    expect = {}

    def folder(name, files, bad, ok):
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        for fname, data in files.items():
            with open(os.path.join(d, fname), 'wb') as fh:
                fh.write(data)
        expect[name] = {'bad': bad, 'ok': ok}

    flipped = bytearray(good)
    for i in range(len(flipped) // 3, len(flipped), 97):
        flipped[i] ^= 0x5a
    folder('truncated_pdf', {'good.pdf': good, 'cut.pdf': good[: len(good) // 3]}, ['cut.pdf'], ['good.pdf'])
    folder('bitflipped_pdf', {'good.pdf': good, 'flipped.pdf': bytes(flipped)}, [], ['good.pdf'])
    folder('reference_loop_pdf', {'good.pdf': good, 'loop.pdf': reference_loop_pdf()}, [], ['good.pdf'])
    folder('huge_page_tree_pdf', {'good.pdf': good, 'huge.pdf': huge_page_tree_pdf()}, [], ['good.pdf'])
    folder('zip_bomb', {'good.pdf': good, 'bomb.zip': zip_bomb()}, ['bomb'], ['good.pdf'])
    folder('path_traversal', {'good.pdf': good, 'evil.zip': traversal_zip(good)}, [], ['good.pdf', 'good.pdf'])
    folder('png_bomb', {'good.pdf': good, 'bomb.png': png_bomb()}, ['bomb.png'], ['good.pdf'])
    folder('zero_bytes', {'good.pdf': good, 'empty.pdf': b''}, ['empty.pdf'], ['good.pdf'])
    folder('wrong_extension', {'good.pdf': good, 'photo.jpg': b'this is plain text, not a JPEG\n' * 10,
                               'really_pdf.png': good}, ['photo.jpg'], ['good.pdf', 'really_pdf.png'])
    folder('legacy_office', {'good.pdf': good, 'form.doc': b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 600},
           ['form.doc'], ['good.pdf'])
    with open(os.path.join(out, 'many_parts.eml'), 'wb') as fh:
        fh.write(many_parts_eml(good))
    expect['many_parts.eml'] = {'bad': [], 'ok': ['good.pdf']}
    with open(os.path.join(out, 'broken_boundary.eml'), 'wb') as fh:
        fh.write(broken_boundary_eml(good))
    expect['broken_boundary.eml'] = {'bad': [], 'ok': ['good.pdf']}
    with open(os.path.join(out, 'garbage.zip'), 'wb') as fh:
        fh.write(os.urandom(4096))
    expect['garbage.zip'] = {'bad': ['garbage.zip'], 'ok': []}
    with open(os.path.join(root, 'expect.json'), 'w') as fh:
        json.dump(expect, fh, ensure_ascii=False, indent=1)

if __name__ == '__main__':
    main()
