"""Raster rendering of layout pages (what a scanner sees before the scan effects)."""
import random
from PIL import Image, ImageDraw
from . import fonts, seal


def render_page(page, dpi, bg=(255, 255, 255)):
    k = dpi / 25.4
    W, H = int(round(page.w * k)), int(round(page.h * k))
    img = Image.new('RGB', (W, H), bg)
    d = ImageDraw.Draw(img)
    seals = []
    for op in page.ops:
        kind = op[0]
        if kind == 'text':
            _, x, y, s, fid, size, color, bold = op
            px = fonts.pt2mm(size) * k
            if fid == 'symbol':
                f = fonts.symbol_font(max(6, int(round(px))))
            else:
                f = fonts.pil_font(fid, max(6, int(round(px))))
            sw = max(1, int(round(px * 0.035))) if bold else 0
            d.text((x * k, y * k), s, font=f, fill=color, anchor='ls', stroke_width=sw, stroke_fill=color)
        elif kind == 'line':
            _, x1, y1, x2, y2, w, color = op
            d.line([(x1 * k, y1 * k), (x2 * k, y2 * k)], fill=color, width=max(1, int(round(w * k))))
        elif kind == 'stroke':
            _, pts, w, color = op
            d.line([(x * k, y * k) for x, y in pts], fill=color, width=max(2, int(round(w * k))), joint='curve')
        elif kind == 'seal':
            seals.append(op)
    for (_, cx, cy, r, name, sd, bottom, code) in seals:
        ang = random.Random(sd).uniform(-25, 25)
        seal.stamp(img, cx * k, cy * k, r * k, name, sd, bottom, code, angle=ang)
    return img
