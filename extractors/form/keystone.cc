#include "extractors/form/keystone.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "extractors/form/table_grid.h"

namespace gm::form {
namespace {

// Below this many millimetres of corner displacement the OCR reads the page
// as well as a straight one; the transform's resampling would cost more.
constexpr double kMinKeystoneMm = 0.3;
// A corner further off than this fraction of the frame's width is not a
// photo's perspective but a frame found wrongly.
constexpr double kMaxKeystoneFraction = 0.10;
// Sample points along each side of the quadrilateral, and the share of them
// that must lie on a ruling line.
constexpr int kSideSamples = 64;
constexpr double kMinSideCoverage = 0.85;

// The extreme pixels of a component in the four diagonal directions are the
// outer corners of a frame that is roughly upright (the page was deskewed).
Quad DiagonalExtremes(PIX* comp, int ox, int oy) {
  int w = pixGetWidth(comp), h = pixGetHeight(comp), wpl = pixGetWpl(comp);
  const l_uint32* data = pixGetData(comp);
  long min_sum = std::numeric_limits<long>::max(), max_sum = std::numeric_limits<long>::min();
  long min_diff = min_sum, max_diff = max_sum;
  Quad q;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      if (!GET_DATA_BIT(line, x)) continue;
      long sum = x + y, diff = x - y;
      if (sum < min_sum) { min_sum = sum; q.x[0] = x; q.y[0] = y; }
      if (diff > max_diff) { max_diff = diff; q.x[1] = x; q.y[1] = y; }
      if (sum > max_sum) { max_sum = sum; q.x[2] = x; q.y[2] = y; }
      if (diff < min_diff) { min_diff = diff; q.x[3] = x; q.y[3] = y; }
    }
  }
  for (int i = 0; i < 4; ++i) {
    q.x[i] += ox;
    q.y[i] += oy;
  }
  return q;
}

// The share of points along the segment a→b that have ruling ink within
// `reach` pixels.
double Coverage(PIX* mask, double ax, double ay, double bx, double by, int reach) {
  int hits = 0;
  for (int i = 0; i < kSideSamples; ++i) {
    double t = (i + 0.5) / kSideSamples;
    int cx = static_cast<int>(std::lround(ax + t * (bx - ax)));
    int cy = static_cast<int>(std::lround(ay + t * (by - ay)));
    bool hit = false;
    for (int dy = -reach; dy <= reach && !hit; ++dy) {
      for (int dx = -reach; dx <= reach && !hit; ++dx) {
        l_uint32 v = 0;
        if (pixGetPixel(mask, cx + dx, cy + dy, &v) == 0 && v) hit = true;
      }
    }
    hits += hit;
  }
  return static_cast<double>(hits) / kSideSamples;
}

PTA* PointsOf(const Quad& q) {
  PTA* pta = ptaCreate(4);
  for (int i = 0; i < 4; ++i) ptaAddPt(pta, static_cast<float>(q.x[i]), static_cast<float>(q.y[i]));
  return pta;
}

}  // namespace

bool FindTableFrame(PIX* binary, int dpi, Quad* frame) {
  if (binary == nullptr || pixGetDepth(binary) != 1) return false;
  PixPtr horizontal = RulingMask(binary, dpi, true);
  PixPtr vertical = RulingMask(binary, dpi, false);
  if (!horizontal || !vertical) return false;
  PixPtr rulings = AdoptPix(pixOr(nullptr, horizontal.get(), vertical.get()));
  if (!rulings) return false;
  PIXA* pixa_raw = nullptr;
  BoxaPtr boxa(pixConnComp(rulings.get(), &pixa_raw, 8));
  PixaPtr pixa(pixa_raw);
  if (!boxa || !pixa) return false;
  int best = -1;
  long best_area = 0;
  for (int i = 0; i < boxaGetCount(boxa.get()); ++i) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(boxa.get(), i, &bx, &by, &bw, &bh);
    if (static_cast<long>(bw) * bh > best_area) {
      best_area = static_cast<long>(bw) * bh;
      best = i;
    }
  }
  if (best < 0) return false;
  l_int32 bx, by, bw, bh;
  boxaGetBoxGeometry(boxa.get(), best, &bx, &by, &bw, &bh);
  int w = pixGetWidth(binary), h = pixGetHeight(binary);
  if (bw < w / 2 || bh < h / 4) return false;
  PixPtr comp = AdoptPix(pixaGetPix(pixa.get(), best, L_CLONE));
  if (!comp) return false;
  Quad q = DiagonalExtremes(comp.get(), bx, by);
  int reach = std::max(3, dpi / 50);
  for (int i = 0; i < 4; ++i) {
    int j = (i + 1) % 4;
    if (Coverage(rulings.get(), q.x[i], q.y[i], q.x[j], q.y[j], reach) < kMinSideCoverage) return false;
  }
  *frame = q;
  return true;
}

Quad TargetRectangle(const Quad& f) {
  double left = (f.x[0] + f.x[3]) / 2, right = (f.x[1] + f.x[2]) / 2;
  double top = (f.y[0] + f.y[1]) / 2, bottom = (f.y[2] + f.y[3]) / 2;
  Quad r;
  r.x[0] = left, r.y[0] = top;
  r.x[1] = right, r.y[1] = top;
  r.x[2] = right, r.y[2] = bottom;
  r.x[3] = left, r.y[3] = bottom;
  return r;
}

double KeystoneDistance(const Quad& frame) {
  Quad r = TargetRectangle(frame);
  double worst = 0;
  for (int i = 0; i < 4; ++i) worst = std::max(worst, std::hypot(frame.x[i] - r.x[i], frame.y[i] - r.y[i]));
  return worst;
}

PixPtr StraightenKeystone(PIX* grey, const Quad& frame, int dpi) {
  if (grey == nullptr || pixGetDepth(grey) != 8) return nullptr;
  double distance = KeystoneDistance(frame);
  Quad target = TargetRectangle(frame);
  double width = target.x[1] - target.x[0];
  if (distance < kMinKeystoneMm * dpi / 25.4 || distance > kMaxKeystoneFraction * width) return nullptr;
  // Leptonica maps each destination pixel back into the source: the
  // destination points come first.
  PtaPtr dst(PointsOf(target));
  PtaPtr src(PointsOf(frame));
  if (!dst || !src) return nullptr;
  PixPtr out = AdoptPix(pixProjectivePta(grey, dst.get(), src.get(), L_BRING_IN_WHITE));
  if (out) pixCopyResolution(out.get(), grey);
  return out;
}

}  // namespace gm::form
