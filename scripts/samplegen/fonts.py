"""CJK fonts available on the box, and text measuring in millimetres."""
import os
from functools import lru_cache
from PIL import ImageFont

# id -> (path, ttc index, display name, usable by reportlab (TrueType outlines))
FONTS = {
    'zenhei': ('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 0, 'WenQuanYi Zen Hei', True),
    'zenhei_sharp': ('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 2, 'WenQuanYi Zen Hei Sharp', True),
    'microhei': ('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 0, 'WenQuanYi Micro Hei', True),
    'uming': ('/usr/share/fonts/truetype/arphic/uming.ttc', 0, 'AR PL UMing CN', True),
    'ukai': ('/usr/share/fonts/truetype/arphic/ukai.ttc', 0, 'AR PL UKai CN', True),
    # STSong-Light: the Adobe CID font reportlab writes without embedding (measured with UMing)
    'stsong': ('/usr/share/fonts/truetype/arphic/uming.ttc', 0, 'STSong-Light', True),
    'notoserif': ('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 2, 'Noto Serif CJK SC', False),
    'notoserif_bold': ('/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', 2, 'Noto Serif CJK SC Bold', False),
    'notosans': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 2, 'Noto Sans CJK SC', False),
    'notosans_bold': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 2, 'Noto Sans CJK SC Bold', False),
    # other faces of the same installed files (fc-list :lang=zh), for the variety profile only
    'uming_tw': ('/usr/share/fonts/truetype/arphic/uming.ttc', 2, 'AR PL UMing TW', False),
    'ukai_tw': ('/usr/share/fonts/truetype/arphic/ukai.ttc', 2, 'AR PL UKai TW', False),
    'zenhei_mono': ('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 1, 'WenQuanYi Zen Hei Mono', False),
    'microhei_mono': ('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 1, 'WenQuanYi Micro Hei Mono', False),
    'notosans_mono': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 7, 'Noto Sans Mono CJK SC', False),
    'notosans_tc': ('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 3, 'Noto Sans CJK TC', False),
    'notoserif_jp': ('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 0, 'Noto Serif CJK JP', False),
    'notoserif_tc': ('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 3, 'Noto Serif CJK TC', False),
}

# Fonts the bundled set draws forms with, and the disjoint-ish set of the hard profile.
BUNDLED_FORM_FONTS = ['zenhei', 'uming', 'notoserif', 'microhei']
HARD_FORM_FONTS = ['ukai', 'notosans', 'zenhei_sharp', 'notoserif_bold']
# The variety profile (issue 18): fonts neither the bundled nor the hard set draws forms with, plus the hard set's.
VARIETY_FORM_FONTS = ['uming_tw', 'ukai_tw', 'zenhei_mono', 'microhei_mono', 'notosans_mono', 'notosans_tc',
                      'notoserif_jp', 'notoserif_tc', 'notosans_bold', 'ukai', 'notosans', 'zenhei_sharp']
PDF_FONTS = ['zenhei', 'microhei', 'uming', 'ukai']   # for reportlab text PDFs
SYMBOL_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

REF_PX = 200.0


def available(fid):
    return os.path.exists(FONTS[fid][0])


@lru_cache(maxsize=None)
def pil_font(fid, px):
    path, idx = FONTS[fid][0], FONTS[fid][1]
    return ImageFont.truetype(path, int(px), index=idx)


@lru_cache(maxsize=None)
def symbol_font(px):
    return ImageFont.truetype(SYMBOL_FONT, int(px))


@lru_cache(maxsize=200000)
def _len_ref(fid, s):
    return pil_font(fid, REF_PX).getlength(s)


def width_mm(fid, size_pt, s):
    """Advance width of s in mm at size_pt."""
    size_mm = size_pt * 25.4 / 72.0
    return _len_ref(fid, s) / REF_PX * size_mm


def pt2mm(pt):
    return pt * 25.4 / 72.0
