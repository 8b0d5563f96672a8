"""A tiny page model: pages hold draw operations in millimetres (origin top-left).

The same pages are rendered to raster scans (render.py) or to text PDFs
(pdfwrite.py), so an attachment can come out either way.
"""
import re
from . import fonts

A4 = (210.0, 297.0)
CLOSERS = set('，。、；：？！）》」』】,.;:?!)%')
OPENERS = set('（《「『【(')
_TOKEN = re.compile(r'[A-Za-z0-9.,%+\-/:_@]+|\s+|.', re.S)


class Page:
    def __init__(self, w=A4[0], h=A4[1]):
        self.w, self.h = w, h
        self.ops = []
        self.rotate = 0          # 0 or 180: how the page lies on the scanner

    def text(self, x, y, s, fid, size, color=(0, 0, 0), bold=False):
        if s:
            self.ops.append(('text', x, y, s, fid, size, color, bold))

    def line(self, x1, y1, x2, y2, width=0.25, color=(0, 0, 0)):
        self.ops.append(('line', x1, y1, x2, y2, width, color))

    def rect(self, x1, y1, x2, y2, width=0.25):
        self.line(x1, y1, x2, y1, width)
        self.line(x2, y1, x2, y2, width)
        self.line(x2, y2, x1, y2, width)
        self.line(x1, y2, x1, y1, width)

    def seal(self, cx, cy, r, name, seed, bottom='', code=''):
        self.ops.append(('seal', cx, cy, r, name, seed, bottom, code))

    def stroke(self, pts, width=0.45, color=(20, 30, 90)):
        """Hand-drawn polyline (ticks, crosses, signatures)."""
        self.ops.append(('stroke', pts, width, color))


def tokens(s):
    return _TOKEN.findall(s)


def wrap(s, fid, size, width):
    """Break s into lines no wider than width mm (CJK-aware, keeps numbers whole)."""
    out = []
    for para in s.split('\n'):
        line = ''
        toks = []
        for tok in tokens(para):
            # a token wider than the line (a long code in a narrow cell) breaks between characters, as Word does
            if len(tok) > 1 and fonts.width_mm(fid, size, tok) > width:
                toks.extend(tok)
            else:
                toks.append(tok)
        for tok in toks:
            cand = line + tok
            if line and fonts.width_mm(fid, size, cand) > width and not (len(tok) == 1 and tok in CLOSERS):
                if line and line[-1] in OPENERS:
                    out.append(line[:-1])
                    line = line[-1] + tok.lstrip()
                else:
                    out.append(line.rstrip())
                    line = tok.lstrip()
            else:
                line = cand
        out.append(line.rstrip())
    return out


class Doc:
    """Flowing document builder: titles, paragraphs, tables, seals; breaks pages."""

    def __init__(self, fid, size=12.0, margins=(25.0, 28.0, 25.0, 25.0), line_factor=1.55, page=A4):
        self.fid = fid
        self.size = size
        self.ml, self.mt, self.mr, self.mb = margins
        self.lf = line_factor
        self.pw, self.ph = page
        self.pages = []
        self.new_page()

    @property
    def width(self):
        return self.pw - self.ml - self.mr

    def new_page(self):
        self.page = Page(self.pw, self.ph)
        self.pages.append(self.page)
        self.y = self.mt

    def ensure(self, h):
        if self.y + h > self.ph - self.mb:
            self.new_page()

    def spacer(self, h):
        self.y += h

    def line_h(self, size=None):
        return fonts.pt2mm(size or self.size) * self.lf

    def text_line(self, s, size=None, align='left', bold=False, fid=None, x_off=0.0, color=(0, 0, 0)):
        size = size or self.size
        fid = fid or self.fid
        lh = self.line_h(size)
        self.ensure(lh)
        w = fonts.width_mm(fid, size, s)
        if align == 'center':
            x = self.ml + (self.width - w) / 2
        elif align == 'right':
            x = self.pw - self.mr - w
        else:
            x = self.ml + x_off
        base = self.y + fonts.pt2mm(size) * 0.88 + (lh - fonts.pt2mm(size)) / 2
        self.page.text(x, base, s, fid, size, color, bold)
        self.y += lh
        return x, base

    def title(self, s, size=None, bold=True):
        size = size or self.size * 1.45
        for ln in wrap(s, self.fid, size, self.width):
            self.text_line(ln, size=size, align='center', bold=bold)
        self.spacer(self.line_h() * 0.4)

    def para(self, s, size=None, indent=2, align='left', bold=False):
        size = size or self.size
        ind = fonts.width_mm(self.fid, size, '中') * indent
        first = True
        lines = wrap(s, self.fid, size, self.width - ind)
        # re-wrap the remainder at full width after the first line
        if len(lines) > 1 and indent:
            rest = s[len(lines[0]):].lstrip() if s.startswith(lines[0]) else None
            if rest:
                lines = [lines[0]] + wrap(rest, self.fid, size, self.width)
        for ln in lines:
            self.text_line(ln, size=size, align=align, bold=bold, x_off=ind if first else 0.0)
            first = False

    def table(self, rows, widths, size=None, aligns=None, header_rows=1, min_h=None,
              bold_rows=(), repeat_header=True, pad=1.4, line_w=0.25, bold_cells=None):
        """rows: list of lists of str (None = merged into the cell on its left)."""
        size = size or self.size * 0.9
        total = sum(widths)
        widths = [w * self.width / total for w in widths]
        aligns = aligns or ['left'] * len(widths)
        # unbreakable tokens (amounts) must fit their column: shrink the table's font when they do not
        fit = 1.0
        for row in rows:
            for i, cell in enumerate(row):
                if not cell:
                    continue
                span = 1
                while i + span < len(row) and row[i + span] is None:
                    span += 1
                room = sum(widths[i:i + span]) - 2 * pad - 0.6
                longest = max((fonts.width_mm(self.fid, size, t) for t in tokens(cell) if not t.isspace()), default=0)
                if longest > room > 0:
                    fit = min(fit, room / longest)
        size *= fit
        lh = fonts.pt2mm(size) * 1.35
        min_h = min_h or lh + 2 * pad

        def layout(row):
            cells = []
            i = 0
            while i < len(row):
                span = 1
                while i + span < len(row) and row[i + span] is None:
                    span += 1
                w = sum(widths[i:i + span])
                lines = wrap(row[i] or '', self.fid, size, w - 2 * pad)
                cells.append((i, span, w, lines))
                i += span
            h = max(min_h, max(len(c[3]) for c in cells) * lh + 2 * pad)
            return cells, h

        header = [layout(r) for r in rows[:header_rows]]

        def draw(ri, row, cells, h, top):
            x = self.ml
            for (i, span, w, lines) in cells:
                self.page.rect(x, top, x + w, top + h, line_w)
                al = aligns[i] if ri >= header_rows else 'center'
                ty = top + (h - len(lines) * lh) / 2
                bold = ri < header_rows or ri in bold_rows
                for ln in lines:
                    tw = fonts.width_mm(self.fid, size, ln)
                    if al == 'center':
                        tx = x + (w - tw) / 2
                    elif al == 'right':
                        tx = x + w - pad - tw
                    else:
                        tx = x + pad
                    self.page.text(tx, ty + fonts.pt2mm(size) * 0.9 + (lh - fonts.pt2mm(size)) / 2,
                                   ln, self.fid, size, bold=bold)
                    ty += lh
                x += w

        for ri, row in enumerate(rows):
            cells, h = header[ri] if ri < header_rows else layout(row)
            if self.y + h > self.ph - self.mb:
                self.new_page()
                if repeat_header and ri >= header_rows:
                    for hi, (hc, hh) in enumerate(header):
                        draw(hi, rows[hi], hc, hh, self.y)
                        self.y += hh
            draw(ri, row, cells, h, self.y)
            self.y += h

    def seal_here(self, name, seed, dx=0.0, dy=0.0, r=21.0, bottom=''):
        """Stamp a seal centred near the right part of the last line."""
        cx = self.pw - self.mr - 32 + dx
        cy = self.y - 8 + dy
        self.page.seal(cx, cy, r, name, seed, bottom)
