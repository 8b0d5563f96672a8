"""Scanner / camera effects on rendered pages."""
import io
import random
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from .noise import noise as det_noise


class ScanProfile:
    """Per-document scan settings drawn from a profile (bundled | hard)."""

    def __init__(self, rng, hard=False, color=True):
        self.hard = hard
        self.dpi = 200 if hard else rng.choice([200, 240, 300])
        self.skew = rng.uniform(-3.0, 3.0) if hard else rng.choice([-1, 1]) * rng.uniform(0.3, 1.5)
        self.noise = rng.uniform(10, 18) if hard else rng.uniform(2.5, 5)
        self.blur = rng.uniform(0.8, 1.4) if hard else rng.uniform(0.55, 0.85)
        self.quality = rng.randint(45, 55) if hard else rng.randint(50, 60)
        self.color = color
        tone = rng.randint(228, 246) if hard else rng.randint(238, 250)
        self.tone = (tone, tone - rng.randint(0, 4), tone - rng.randint(2, 10))
        self.edge = rng.random() < (0.6 if hard else 0.3)
        self.rot180_page = None           # index of a page fed upside down
        self.seed = rng.randrange(1 << 30)

    def page_skew(self, i):
        r = random.Random(self.seed + i)
        return self.skew + r.uniform(-0.25, 0.25)


def apply(img, prof, page_index=0):
    """Scan one rendered page (RGB, white paper) -> degraded image (RGB or L)."""
    r = random.Random(prof.seed * 7 + page_index)
    if not prof.color:
        img = img.convert('L')
    tone = prof.tone if prof.color else prof.tone[0]
    paper = Image.new(img.mode, img.size, tone)
    img = ImageChops.multiply(img, paper)
    noise = det_noise(img.size, prof.noise, r.random())
    if prof.color:
        noise = noise.convert('RGB')
    img = ImageChops.add(img, noise, 1.0, -128)
    if prof.blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(prof.blur))
    # dust specks
    d = ImageDraw.Draw(img)
    for _ in range(r.randint(5, 40 if prof.hard else 15)):
        x, y = r.randrange(img.width), r.randrange(img.height)
        rad = r.uniform(0.6, 2.2)
        d.ellipse([x - rad, y - rad, x + rad, y + rad], fill=(60, 60, 60) if prof.color else 60)
    fill = (90, 90, 90) if prof.color else 90
    img = img.rotate(prof.page_skew(page_index), resample=Image.BICUBIC, expand=False, fillcolor=fill)
    if prof.edge:
        d = ImageDraw.Draw(img)
        side = r.choice(['left', 'top', 'right'])
        w = r.randint(8, 45)
        for k in range(w):
            v = int(25 + 150 * k / w)
            c = (v, v, v) if prof.color else v
            if side == 'left':
                d.line([(k, 0), (k, img.height)], fill=c)
            elif side == 'right':
                d.line([(img.width - 1 - k, 0), (img.width - 1 - k, img.height)], fill=c)
            else:
                d.line([(0, k), (img.width, k)], fill=c)
    if prof.hard:
        # hard scans: extra sensor noise on top of the blur
        noise = det_noise(img.size, prof.noise * 0.6, r.random())
        if prof.color:
            noise = noise.convert('RGB')
        img = ImageChops.add(img, noise, 1.0, -128)
    if prof.rot180_page == page_index:
        img = img.rotate(180)
    return img


def photo(img, rng):
    """A phone photo of a page: perspective, uneven light, desk around it."""
    w, h = img.size
    big = Image.new('RGB', (int(w * 1.08), int(h * 1.06)), (rng.randint(70, 120), rng.randint(60, 100), rng.randint(50, 80)))
    big.paste(img, (int(w * 0.04), int(h * 0.03)))
    W, H = big.size
    k = 0.025
    src = [(rng.uniform(0, k) * W, rng.uniform(0, k) * H), (W - rng.uniform(0, k) * W, rng.uniform(0, k) * H),
           (W - rng.uniform(0, k) * W, H - rng.uniform(0, k) * H), (rng.uniform(0, k) * W, H - rng.uniform(0, k) * H)]
    coeffs = _persp(src, [(0, 0), (W, 0), (W, H), (0, H)])
    big = big.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    grad = _gradient((W, H), rng.uniform(0, 360))
    grad = grad.point(lambda v: int(175 + v * 80 / 255))
    big = ImageChops.multiply(big, Image.merge('RGB', (grad, grad, grad.point(lambda v: int(v * 0.96)))))
    noise = det_noise(big.size, rng.uniform(3, 6), rng.random()).convert('RGB')
    big = ImageChops.add(big, noise, 1.0, -128)
    big = big.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.1)))
    return big


def _gradient(size, angle):
    """Linear gradient 0..255 across size at angle, with no empty corners."""
    W, H = size
    D = int((W * W + H * H) ** 0.5) + 2
    g = Image.linear_gradient('L').resize((D, D)).rotate(angle, resample=Image.BILINEAR)
    return g.crop(((D - W) // 2, (D - H) // 2, (D - W) // 2 + W, (D - H) // 2 + H))


def _persp(dst, src):
    """Coefficients for Image.transform PERSPECTIVE mapping output points dst -> input src (pure python)."""
    A, B = [], []
    for (x, y), (X, Y) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -X * x, -X * y]); B.append(X)
        A.append([0, 0, 0, x, y, 1, -Y * x, -Y * y]); B.append(Y)
    return _solve(A, B)


def _solve(A, b):
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                M[r] = [a - f * bb for a, bb in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] for i in range(n)]


def jpeg_bytes(img, quality, dpi=None):
    bio = io.BytesIO()
    if dpi:
        img.save(bio, 'JPEG', quality=quality, optimize=True, dpi=(dpi, dpi))
    else:
        img.save(bio, 'JPEG', quality=quality, optimize=True)
    return bio.getvalue()


def to_bilevel(img):
    """Black-and-white scan mode: red ink (the seal) comes out broken and speckled, as it does on a B/W scanner."""
    if img.mode == 'RGB':
        g = img.convert('L', (0.62, 0.30, 0.08, 0))
    else:
        g = img.convert('L')
    return g.point(lambda v: 255 if v > 142 else 0).convert('1', dither=Image.NONE)
