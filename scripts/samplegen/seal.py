"""Red company seal (公章): ring, name along the arc, star, ink texture."""
import math
import random
from functools import lru_cache
from PIL import Image, ImageDraw, ImageFilter, ImageChops
from . import fonts


def _star(cx, cy, r):
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.382
        pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    return pts


@lru_cache(maxsize=64)
def seal_image(name, r_px, seed, bottom='', code='', clean=False):
    """RGBA image (2r+pad square) of a seal; alpha carries the ink."""
    rng = random.Random(seed)
    pad = int(r_px * 0.08) + 4
    size = 2 * r_px + 2 * pad
    c = size / 2
    mask = Image.new('L', (size, size), 0)
    d = ImageDraw.Draw(mask)
    ring = max(3, int(r_px * rng.uniform(0.045, 0.06)))
    d.ellipse([c - r_px, c - r_px, c + r_px, c + r_px], outline=255, width=ring)
    d.polygon(_star(c, c, r_px * rng.uniform(0.24, 0.3)), fill=255)
    fid = rng.choice(['zenhei', 'notosans_bold', 'notosans', 'microhei'])
    n = len(name)
    ch_px = int(r_px * min(0.3, 0.34 * 14 / max(n, 10)))
    font = fonts.pil_font(fid, ch_px)
    span = min(290.0, 18.0 * n + 40) if n > 6 else 200.0
    rt = r_px - ring - ch_px * 0.62
    for i, ch in enumerate(name):
        theta = -span / 2 + span * (i + 0.5) / n
        t = math.radians(theta)
        tile = Image.new('L', (ch_px * 2, ch_px * 2), 0)
        td = ImageDraw.Draw(tile)
        td.text((ch_px, ch_px), ch, font=font, fill=255, anchor='mm')
        tile = tile.resize((int(ch_px * 2 * 0.8), ch_px * 2))  # seal glyphs are condensed
        tile = tile.rotate(-theta, resample=Image.BICUBIC, expand=True)
        x = c + rt * math.sin(t) - tile.width / 2
        y = c - rt * math.cos(t) - tile.height / 2
        mask.paste(255, (int(x), int(y)), tile)
    if bottom:
        bf = fonts.pil_font(fid, int(ch_px * 0.85))
        d.text((c, c + r_px * 0.55), bottom, font=bf, fill=255, anchor='mm')
    if code:
        cf = fonts.pil_font('zenhei', max(8, int(r_px * 0.09)))
        m = len(code)
        for i, ch in enumerate(code):
            theta = 180 + 50 - 100 * (i + 0.5) / m
            t = math.radians(theta)
            tile = Image.new('L', (cf.size * 2, cf.size * 2), 0)
            ImageDraw.Draw(tile).text((cf.size, cf.size), ch, font=cf, fill=255, anchor='mm')
            tile = tile.rotate(-theta + 180, resample=Image.BICUBIC, expand=True)
            rr = r_px - ring - cf.size * 0.8
            mask.paste(255, (int(c + rr * math.sin(t) - tile.width / 2), int(c - rr * math.cos(t) - tile.height / 2)), tile)
    # ink texture: blotchy coverage plus speckle, a little bleeding
    mask = mask.filter(ImageFilter.GaussianBlur(max(0.6, r_px / 260)))
    from .noise import noise as det_noise
    small = det_noise((max(4, size // 24), max(4, size // 24)), 60, rng.random()).resize((size, size), Image.BILINEAR)
    blot = small.point(lambda v: max(0, min(255, int(195 + (v - 128) * 1.4))))
    speck = det_noise((size, size), 90, rng.random()).point(lambda v: 0 if v < 40 else 255)
    alpha = mask if clean else ImageChops.multiply(ImageChops.multiply(mask, blot), speck)
    strength = rng.uniform(0.8, 0.95)
    alpha = alpha.point(lambda v: int(v * strength))
    # an uneven press: one side lighter
    from .scan import _gradient
    grad = _gradient((size, size), rng.uniform(0, 360))
    grad = grad.point(lambda v: int(255 - v * rng.uniform(0.1, 0.3)))
    alpha = ImageChops.multiply(alpha, grad)
    red = (rng.randint(200, 232), rng.randint(15, 45), rng.randint(30, 60))
    return alpha, red


def stamp(page_img, cx_px, cy_px, r_px, name, seed, bottom='', code='', angle=0.0):
    """Multiply a seal onto an RGB page image (ink over toner stays dark)."""
    alpha, red = seal_image(name, int(r_px), seed, bottom, code)
    if angle:
        alpha = alpha.rotate(angle, resample=Image.BICUBIC, expand=True)
    white = Image.new('RGB', alpha.size, (255, 255, 255))
    layer = Image.composite(Image.new('RGB', alpha.size, red), white, alpha)
    x0, y0 = int(cx_px - alpha.width / 2), int(cy_px - alpha.height / 2)
    box = (max(0, x0), max(0, y0), min(page_img.width, x0 + alpha.width), min(page_img.height, y0 + alpha.height))
    if box[2] <= box[0] or box[3] <= box[1]:
        return
    region = page_img.crop(box)
    lay = layer.crop((box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0))
    page_img.paste(ImageChops.multiply(region, lay), box)


def seal_rgba(name, r_px, seed, bottom='', code='', angle=0.0):
    """Seal as an RGBA image (for drawing into text PDFs: an electronic seal, clean ink)."""
    alpha, red = seal_image(name, int(r_px), seed, bottom, code, clean=True)
    if angle:
        alpha = alpha.rotate(angle, resample=Image.BICUBIC, expand=True)
    img = Image.new('RGBA', alpha.size, red + (0,))
    img.putalpha(alpha)
    return img
