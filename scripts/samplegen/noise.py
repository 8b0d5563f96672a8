"""Deterministic gaussian noise images (PIL's effect_noise uses the C rand(), which is not seeded)."""
import random
from functools import lru_cache
from PIL import Image, ImageChops

_TILES = [(257, 263), (241, 229)]


@lru_cache(maxsize=64)
def _tile(w, h, sigma10, seed):
    r = random.Random(seed)
    s = sigma10 / 10.0
    data = bytes(max(0, min(255, int(round(128 + r.gauss(0, s))))) for _ in range(w * h))
    return Image.frombytes('L', (w, h), data)


def noise(size, sigma, seed):
    """An 'L' image of mean 128 and standard deviation ~sigma, same for the same seed."""
    W, H = size
    r = random.Random(seed)
    s10 = int(round(sigma / 1.4142 * 10))
    out = None
    for (tw, th) in _TILES:
        t = _tile(tw, th, s10, r.randrange(4))
        layer = Image.new('L', (W, H))
        ox, oy = r.randrange(tw), r.randrange(th)
        for y in range(-oy, H, th):
            for x in range(-ox, W, tw):
                layer.paste(t, (x, y))
        out = layer if out is None else ImageChops.add(out, layer, 1.0, -128)
    return out
