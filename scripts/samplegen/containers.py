"""Package containers: e-mail (.eml), zip (GBK or UTF-8 names), folder, loose file."""
import base64
import os
import zipfile
from email.header import Header

FIXED_DT = (2025, 3, 12, 10, 15, 22)


class GBKZipInfo(zipfile.ZipInfo):
    """Member names stored in GBK without the UTF-8 flag (what Windows zip tools write)."""

    def _encodeFilenameFlags(self):
        return self.filename.encode('gbk'), self.flag_bits & ~0x800


def write_zip(path, members, gbk=False, dt=FIXED_DT):
    """members: list of (name, bytes)."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        dirs = set()
        for name, data in members:
            parts = name.split('/')[:-1]
            for i in range(len(parts)):
                d = '/'.join(parts[:i + 1]) + '/'
                if d not in dirs:
                    dirs.add(d)
                    zi = (GBKZipInfo if gbk else zipfile.ZipInfo)(d, date_time=dt)
                    zi.external_attr = 0o40755 << 16 | 0x10
                    z.writestr(zi, b'')
            zi = (GBKZipInfo if gbk else zipfile.ZipInfo)(name, date_time=dt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


def zip_bytes(members, gbk=False):
    import io
    bio = io.BytesIO()
    write_zip(bio, members, gbk)
    return bio.getvalue()


def write_folder(path, members):
    for name, data in members:
        p = os.path.join(path, *name.split('/'))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(data)


MIME = {'.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png',
        '.tif': 'image/tiff', '.tiff': 'image/tiff', '.zip': 'application/zip',
        '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}


def _b64(data):
    s = base64.b64encode(data).decode('ascii')
    return '\r\n'.join(s[i:i + 76] for i in range(0, len(s), 76))


def _ew(s, charset):
    """RFC 2047 encoded-word(s) for s."""
    return Header(s, charset).encode(maxlinelen=76, linesep='\r\n')


def attachment_part(name, data, style, boundary_tag=''):
    """One MIME part. style: 'rfc2047-gbk', 'rfc2047-gb18030', 'rfc2047-utf8', 'rfc2231', 'raw-gbk'."""
    ext = os.path.splitext(name)[1].lower()
    ctype = MIME.get(ext, 'application/octet-stream')
    if style == 'rfc2231':
        from urllib.parse import quote
        q = quote(name.encode('utf-8'), safe='')
        ct = 'Content-Type: %s;\r\n name*=UTF-8\'\'%s' % (ctype, q)
        cd = 'Content-Disposition: attachment;\r\n filename*=UTF-8\'\'%s' % q
    elif style == 'raw-gbk':
        raw = name.encode('gbk').decode('latin-1')
        ct = 'Content-Type: %s; name="%s"' % (ctype, raw)
        cd = 'Content-Disposition: attachment; filename="%s"' % raw
    else:
        cs = {'rfc2047-gbk': 'gbk', 'rfc2047-gb18030': 'gb18030', 'rfc2047-utf8': 'utf-8'}[style]
        ew = _ew(name, cs)
        ct = 'Content-Type: %s;\r\n name="%s"' % (ctype, ew)
        cd = 'Content-Disposition: attachment;\r\n filename="%s"' % ew
    return ct + '\r\nContent-Transfer-Encoding: base64\r\n' + cd + '\r\n\r\n' + _b64(data) + '\r\n'


def message(subject, sender, to, date, msgid, body, attachments, boundary, forwarded=None):
    """Return the raw e-mail as bytes (latin-1 mapped, so raw 8-bit names survive).

    attachments: list of (name, bytes, style). forwarded: raw bytes of an attached message/rfc822."""
    head = ('From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n'
            'X-Mailer: Foxmail 7.2.25.228[cn]\r\n'
            'Content-Type: multipart/mixed;\r\n boundary="%s"\r\n\r\n'
            'This is a multi-part message in MIME format.\r\n\r\n') % (sender, to, _ew(subject, 'utf-8'), date, msgid, boundary)
    parts = []
    parts.append('Content-Type: text/plain; charset="gb18030"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
                 _b64(body.encode('gb18030')) + '\r\n')
    for name, data, style in attachments:
        parts.append(attachment_part(name, data, style))
    out = head
    for p in parts:
        out += '--%s\r\n' % boundary + p + '\r\n'
    raw = out.encode('latin-1')
    if forwarded is not None:
        raw += ('--%s\r\nContent-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n' % boundary).encode('ascii')
        raw += forwarded + b'\r\n'
    raw += ('--%s--\r\n' % boundary).encode('ascii')
    return raw
