#include "extractors/form/page_cleaner.h"

#include <algorithm>
#include <cmath>

#include "extractors/form/keystone.h"

namespace gm::form {
namespace {

// An A4 page is 8.27 inches wide: a resolution for images that do not say.
constexpr double kA4WidthInches = 8.27;
constexpr int kTargetDpi = 300;

// How much redder than green and blue a pixel must be to count as seal ink,
// and, next to seal ink, as the seal's rim.
constexpr int kSealRedMargin = 40;
constexpr int kSealRimMargin = 12;

// A glyph whose strokes are all faint (a thin fangsong digit at 200 dpi,
// softened by JPEG) has no pixel dark enough to seed the hysteresis and
// would vanish whole. A faint component is kept on its own when it has the
// size of a glyph — at least this many mm in either direction, at most that
// many in both (a shaded cell is larger) — and is made of strokes, not a
// blot: at most this fraction of its box inked.
constexpr double kFaintGlyphMinMm = 1.0;
constexpr double kFaintGlyphMaxMm = 6.0;
constexpr double kFaintGlyphMaxFill = 0.5;

struct Thresholds {
  int strong;  // surely ink
  int weak;    // ink when it touches sure ink (the thin strokes of a serif font)
};

// Thresholds of a background-normalised page from its histogram: the
// background peak and how far its noise spreads (measured on the peak's
// light side, where there is no ink), and Otsu's split between ink and paper.
Thresholds PageThresholds(PIX* grey) {
  double hist[256] = {0};
  int w = pixGetWidth(grey), h = pixGetHeight(grey), wpl = pixGetWpl(grey);
  const l_uint32* data = pixGetData(grey);
  for (int y = 0; y < h; y += 2) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; x += 2) hist[GET_DATA_BYTE(line, x)] += 1;
  }
  int mode = 255;
  for (int v = 0; v < 256; ++v)
    if (hist[v] > hist[mode]) mode = v;
  double spread = 0, n = 0;
  for (int v = mode; v < 256; ++v) {
    spread += hist[v] * (v - mode) * (v - mode);
    n += hist[v];
  }
  double sigma = n > 0 ? std::sqrt(spread / n) : 4.0;
  double total = 0, sum = 0;
  for (int v = 0; v < 256; ++v) {
    total += hist[v];
    sum += v * hist[v];
  }
  double below = 0, sum_below = 0, best = -1;
  int otsu = 128;
  for (int t = 0; t < 255; ++t) {
    below += hist[t];
    sum_below += t * hist[t];
    if (below == 0 || below == total) continue;
    double m0 = sum_below / below, m1 = (sum - sum_below) / (total - below);
    double between = below * (total - below) * (m0 - m1) * (m0 - m1);
    if (between > best) {
      best = between;
      otsu = t + 1;
    }
  }
  Thresholds t;
  t.weak = std::clamp(static_cast<int>(mode - std::max(4.0 * sigma, 25.0)), 140, 195);
  t.strong = std::clamp(std::min(otsu, (mode + 40) / 2), 80, t.weak - 10);
  return t;
}

// The components of `weak` that `kept` does not reach and that look like
// whole faint glyphs (see kFaintGlyphMinMm), or null.
PixPtr FaintGlyphs(PIX* weak, PIX* kept, int dpi) {
  PixPtr rest = AdoptPix(pixSubtract(nullptr, weak, kept));
  if (!rest) return nullptr;
  int lo = std::max(3, static_cast<int>(std::lround(dpi * kFaintGlyphMinMm / 25.4)));
  int hi = static_cast<int>(std::lround(dpi * kFaintGlyphMaxMm / 25.4));
  PixPtr big = AdoptPix(pixSelectBySize(rest.get(), lo, lo, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
  if (!big) return nullptr;
  PixPtr sized = AdoptPix(pixSelectBySize(big.get(), hi, hi, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LTE, nullptr));
  if (!sized) return nullptr;
  return AdoptPix(pixSelectByAreaFraction(sized.get(), static_cast<float>(kFaintGlyphMaxFill), 8, L_SELECT_IF_LTE, nullptr));
}

}  // namespace

PixPtr GreyWithoutSeal(PIX* image) {
  int depth = pixGetDepth(image);
  if (depth != 32) {
    PixPtr base = AdoptPix(pixGetColormap(image) ? pixRemoveColormap(image, REMOVE_CMAP_BASED_ON_SRC)
                                                 : pixClone(image));
    if (!base) return nullptr;
    if (pixGetDepth(base.get()) == 32) return GreyWithoutSeal(base.get());
    if (pixGetDepth(base.get()) == 8) return AdoptPix(pixCopy(nullptr, base.get()));
    return AdoptPix(pixConvertTo8(base.get(), 0));
  }
  int w = pixGetWidth(image), h = pixGetHeight(image);
  PixPtr grey = AdoptPix(pixCreate(w, h, 8));
  PixPtr red = AdoptPix(pixCreate(w, h, 1));
  if (!grey || !red) return nullptr;
  pixCopyResolution(grey.get(), image);
  const l_uint32* src = pixGetData(image);
  l_uint32* dst = pixGetData(grey.get());
  l_uint32* rdst = pixGetData(red.get());
  int swpl = pixGetWpl(image), dwpl = pixGetWpl(grey.get()), rwpl = pixGetWpl(red.get());
  auto channels = [](l_uint32 p, int* r, int* g, int* b) {
    *r = (p >> L_RED_SHIFT) & 0xff;
    *g = (p >> L_GREEN_SHIFT) & 0xff;
    *b = (p >> L_BLUE_SHIFT) & 0xff;
  };
  // Pass 1: the seal's ink, and the grey of everything else.
  for (int y = 0; y < h; ++y) {
    const l_uint32* sline = src + static_cast<size_t>(y) * swpl;
    l_uint32* dline = dst + static_cast<size_t>(y) * dwpl;
    l_uint32* rline = rdst + static_cast<size_t>(y) * rwpl;
    for (int x = 0; x < w; ++x) {
      int r, g, b;
      channels(sline[x], &r, &g, &b);
      if (r - std::max(g, b) > kSealRedMargin) {
        SET_DATA_BIT(rline, x);
        SET_DATA_BYTE(dline, x, r);  // seal ink: as light as its red channel; dark ink under it stays dark
      } else {
        SET_DATA_BYTE(dline, x, (77 * r + 150 * g + 29 * b) >> 8);
      }
    }
  }
  // Pass 2: the seal's blurred rim (a JPEG's halved colour resolution turns
  // it brownish grey): near seal ink, any reddish pixel is seal too.
  PixPtr near = AdoptPix(pixDilateBrick(nullptr, red.get(), 7, 7));
  if (near) {
    const l_uint32* ndata = pixGetData(near.get());
    int nwpl = pixGetWpl(near.get());
    for (int y = 0; y < h; ++y) {
      const l_uint32* sline = src + static_cast<size_t>(y) * swpl;
      const l_uint32* nline = ndata + static_cast<size_t>(y) * nwpl;
      l_uint32* dline = dst + static_cast<size_t>(y) * dwpl;
      for (int x = 0; x < w; ++x) {
        if (!GET_DATA_BIT(nline, x)) continue;
        int r, g, b;
        channels(sline[x], &r, &g, &b);
        if (r - std::max(g, b) > kSealRimMargin) SET_DATA_BYTE(dline, x, std::min(255, r + (r - std::max(g, b))));
      }
    }
  }
  return grey;
}

PixPtr Binarize(PIX* grey, int dpi) {
  // Flatten uneven illumination (phone photos, scanner gradients, yellowed
  // paper) first, so that global thresholds hold everywhere. (Sauvola gives
  // the same here at ten times the cost.)
  PixPtr norm = AdoptPix(pixBackgroundNorm(grey, nullptr, nullptr, 10, 15, 60, 40, 230, 2, 1));
  PIX* src = norm ? norm.get() : grey;
  // Hysteresis: the faint parts of a glyph are kept where they touch its
  // dark parts; paper noise of the same greyness, alone, is not.
  Thresholds t = PageThresholds(src);
  PixPtr strong = AdoptPix(pixThresholdToBinary(src, t.strong));
  PixPtr weak = AdoptPix(pixThresholdToBinary(src, t.weak));
  PIX* bin = nullptr;
  if (strong && weak) bin = pixSeedfillBinary(nullptr, strong.get(), weak.get(), 8);
  if (bin == nullptr && strong) bin = pixClone(strong.get());
  PixPtr binary = AdoptPix(bin);
  if (!binary) return nullptr;
  if (weak) {
    PixPtr faint = FaintGlyphs(weak.get(), binary.get(), dpi);
    if (faint) pixOr(binary.get(), binary.get(), faint.get());
  }
  // Specks: keep a component when it is at least ~0.2 mm in either direction
  // (a decimal point is larger than that; scanner dust is not).
  int min_size = std::max(2, dpi / 120);
  PixPtr kept = AdoptPix(pixSelectBySize(binary.get(), min_size, min_size, 8, L_SELECT_IF_EITHER,
                                         L_SELECT_IF_GTE, nullptr));
  if (kept) binary = std::move(kept);
  pixCopyResolution(binary.get(), grey);
  return binary;
}

namespace {

// Whether a component of `bw` × `bh` spans most of a `w` × `h` page both ways.
bool SpansThePage(int bw, int bh, int w, int h) { return bw * 10 >= w * 8 && bh * 10 >= h * 8; }

// Whether `comp` (a component at `bx`, `by` of `bw` × `bh` on a page of
// `w` × `h`) is the outline of the sheet: it spans the page, runs along its
// border (within 4 % of it on three sides at least; a table keeps the page's
// margins) and all its ink lies along the sides of its box — a table's
// frame holds its rulings, and they reach into the middle.
bool IsSheetOutline(PIX* comp, int bx, int by, int bw, int bh, int w, int h) {
  if (!SpansThePage(bw, bh, w, h)) return false;
  const int near_sides = (bx * 25 <= w) + ((w - bx - bw) * 25 <= w) + (by * 25 <= h) + ((h - by - bh) * 25 <= h);
  if (near_sides < 3) return false;
  const int inset = std::max(20, std::min(bw, bh) / 20);
  if (bw <= 2 * inset || bh <= 2 * inset) return false;
  BoxPtr inner(boxCreate(inset, inset, bw - 2 * inset, bh - 2 * inset));
  PixPtr middle = AdoptPix(pixClipRectangle(comp, inner.get(), nullptr));
  if (!middle) return false;
  l_int32 inside = 0;
  pixCountPixels(middle.get(), &inside, nullptr);
  return inside == 0;
}

}  // namespace

void RemoveDarkEdges(PIX* binary) {
  if (binary == nullptr || pixGetDepth(binary) != 1) return;
  int w = pixGetWidth(binary), h = pixGetHeight(binary);
  PIXA* pixa_raw = nullptr;
  BoxaPtr boxa(pixConnComp(binary, &pixa_raw, 8));
  PixaPtr pixa(pixa_raw);
  if (!boxa || !pixa) return;
  int n = boxaGetCount(boxa.get());
  for (int i = 0; i < n; ++i) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(boxa.get(), i, &bx, &by, &bw, &bh);
    bool touches = bx <= 1 || by <= 1 || bx + bw >= w - 1 || by + bh >= h - 1;
    if (!touches && !SpansThePage(bw, bh, w, h)) continue;  // neither a shadow nor the sheet's outline
    // Big enough to be a shadow, and solid: a table frame or a line touching
    // the border has a low fill ratio.
    if (bw < w / 50 && bh < h / 50) continue;
    PixPtr comp = AdoptPix(pixaGetPix(pixa.get(), i, L_CLONE));
    if (!comp) continue;
    if (IsSheetOutline(comp.get(), bx, by, bw, bh, w, h)) {
      pixRasterop(binary, bx, by, bw, bh, PIX_DST & PIX_NOT(PIX_SRC), comp.get(), 0, 0);
      continue;
    }
    if (!touches) continue;
    l_int32 count = 0;
    pixCountPixels(comp.get(), &count, nullptr);
    double fill = static_cast<double>(count) / (static_cast<double>(bw) * bh);
    bool thin = std::min(bw, bh) < std::max(8, w / 200);
    if (fill < 0.35 || thin) continue;
    // Clear the component's own pixels (not its bounding box: text near a
    // shadow stays).
    pixRasterop(binary, bx, by, bw, bh, PIX_DST & PIX_NOT(PIX_SRC), comp.get(), 0, 0);
  }
}

Status CleanPageImage(PIX* image, int dpi, CleanPage* out) {
  if (image == nullptr) return Status::InvalidArgument("页面图像为空");
  int w = pixGetWidth(image), h = pixGetHeight(image);
  if (w < 200 || h < 200) {
    return Status::InvalidArgument("页面图像过小（" + std::to_string(w) + "×" + std::to_string(h) +
                                   " 像素），无法识别申请表");
  }
  CleanPage page;
  int known_dpi = dpi >= 100 && dpi <= 1200 ? dpi : 0;
  if (known_dpi == 0 && pixGetXRes(image) >= 100 && pixGetXRes(image) <= 1200) known_dpi = pixGetXRes(image);
  PixPtr grey = GreyWithoutSeal(image);
  if (!grey) return Status::Corrupt("页面图像无法转换为灰度图");
  // Unknown resolution: the page's short side taken as A4's width.
  int short_side = std::min(pixGetWidth(grey.get()), pixGetHeight(grey.get()));
  int src_dpi = known_dpi ? known_dpi : std::max(50, static_cast<int>(std::lround(short_side / kA4WidthInches)));
  page.dpi = src_dpi;
  if (src_dpi < 200 || src_dpi > 400) {
    float scale = static_cast<float>(kTargetDpi) / src_dpi;
    PixPtr scaled = AdoptPix(scale < 0.7f ? pixScaleAreaMap(grey.get(), scale, scale)
                                       : pixScale(grey.get(), scale, scale));
    if (!scaled) return Status::Internal("页面缩放失败");
    grey = std::move(scaled);
    page.dpi = kTargetDpi;
  }
  pixSetResolution(grey.get(), page.dpi, page.dpi);

  // Skew from the binarised page: text lines and ruling lines agree.
  PixPtr binary = Binarize(grey.get(), page.dpi);
  if (!binary) return Status::Internal("页面二值化失败");
  l_float32 angle = 0, conf = 0;
  if (pixFindSkew(binary.get(), &angle, &conf) == 0 && conf >= 2.0f && std::fabs(angle) >= 0.05f) {
    PixPtr rotated = AdoptPix(pixRotate(grey.get(), static_cast<float>(angle * M_PI / 180.0),
                                        L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (rotated) {
      grey = std::move(rotated);
      page.skew_degrees = angle;
      binary = Binarize(grey.get(), page.dpi);
      if (!binary) return Status::Internal("页面二值化失败");
    }
  }
  RemoveDarkEdges(binary.get());
  // A photo taken at an angle: the table's frame straightened to a rectangle.
  Quad frame;
  if (FindTableFrame(binary.get(), page.dpi, &frame)) {
    PixPtr straight = StraightenKeystone(grey.get(), frame, page.dpi);
    PixPtr rebinarized = straight ? Binarize(straight.get(), page.dpi) : nullptr;
    if (rebinarized) {
      grey = std::move(straight);
      binary = std::move(rebinarized);
      RemoveDarkEdges(binary.get());
      page.keystone_px = KeystoneDistance(frame);
    }
  }
  // Give the OCR a flat white background too.
  PixPtr flat = AdoptPix(pixBackgroundNorm(grey.get(), nullptr, nullptr, 10, 15, 60, 40, 255, 2, 1));
  if (flat) grey = std::move(flat);
  pixSetResolution(grey.get(), page.dpi, page.dpi);
  pixSetResolution(binary.get(), page.dpi, page.dpi);
  page.grey = std::move(grey);
  page.binary = std::move(binary);
  *out = std::move(page);
  return Status::OK();
}

void RotatePage(CleanPage* page, int degrees) {
  int quads = ((degrees % 360 + 360) % 360) / 90;
  if (quads == 0) return;
  if (page->grey) page->grey = AdoptPix(pixRotateOrth(page->grey.get(), quads));
  if (page->binary) page->binary = AdoptPix(pixRotateOrth(page->binary.get(), quads));
  page->rotation = (page->rotation + quads * 90) % 360;
}

}  // namespace gm::form
