#include "extractors/form/cell_image.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <vector>

#include "extractors/form/ratio.h"

namespace gm::form {
namespace {

bool Black(const l_uint32* line, int x) { return GET_DATA_BIT(line, x) != 0; }

// A remnant of a ruling is thin — no thicker than two ruling widths and this
// many pixels — and long: half the crop's height (width) for an upright
// (lying) piece, a quarter for a sliver along the side it touches (a ruling
// the crop cut lengthwise); glyphs touching the edge are shorter or thicker.
constexpr int kRemnantThicknessPixels = 3;
constexpr Ratio kRemnantLength{1, 2}, kSliverLength{1, 4};

// Clears the pieces of rulings left along the crop's edges: long and thin,
// touching an edge.
void RemoveRulingRemnants(PIX* crop, int line_width) {
  int w = pixGetWidth(crop), h = pixGetHeight(crop);
  BoxaPtr boxa(pixConnComp(crop, nullptr, 8));
  if (!boxa) return;
  int thin = 2 * line_width + kRemnantThicknessPixels;
  for (int i = 0; i < boxaGetCount(boxa.get()); ++i) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(boxa.get(), i, &bx, &by, &bw, &bh);
    bool touches = bx == 0 || by == 0 || bx + bw == w || by + bh == h;
    if (!touches) continue;
    bool vertical_piece = bw <= thin && kRemnantLength.AtLeast(bh, h);
    bool horizontal_piece = bh <= thin && kRemnantLength.AtLeast(bw, w);
    bool sliver = (bw <= thin && (bx == 0 || bx + bw == w) && kSliverLength.AtLeast(bh, h)) ||
                  (bh <= thin && (by == 0 || by + bh == h) && kSliverLength.AtLeast(bw, w));
    if (vertical_piece || horizontal_piece || sliver) pixClearInRect(crop, BoxPtr(boxCreate(bx, by, bw, bh)).get());
  }
}

// The stroke width is measured on every this many rows: a stroke spans many
// rows, so every other one is enough for a median, in half the time.
constexpr int kStrokeRowStep = 2;

// The median length of the horizontal runs of ink, in pixels: the typical
// stroke width (1 when there is no ink).
int MedianRun(PIX* crop) {
  int w = pixGetWidth(crop), h = pixGetHeight(crop), wpl = pixGetWpl(crop);
  const l_uint32* data = pixGetData(crop);
  std::vector<int> runs;
  for (int y = 0; y < h; y += kStrokeRowStep) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    int run = 0;
    for (int x = 0; x <= w; ++x) {
      if (x < w && Black(line, x)) {
        ++run;
      } else if (run) {
        runs.push_back(run);
        run = 0;
      }
    }
  }
  if (runs.empty()) return 1;
  std::nth_element(runs.begin(), runs.begin() + runs.size() / 2, runs.end());
  return std::max(1, runs[runs.size() / 2]);
}

// A line of pixels along a side is measured without this part of the side
// at each end (the middle 80 % is kept), so that crossing rulings do not
// count; it is ruling when this part of it or more is ink.
constexpr Ratio kSideEnd{1, 10};
constexpr Ratio kRulingInk{1, 2};

// How far inside the box edge the ruling ends: the last of the lines of
// pixels near the edge that are mostly ink along the cell. A fixed inset
// would cut into text written close to a ruling (a photo's slanted lines).
// `vertical`: a left/right ruling, scanned along x from `from` by `step`;
// the ruling's ink must begin within `max_start` steps and is at most
// `max_thickness` steps thick.
int RulingEnd(PIX* binary, const CellBox& cell, bool vertical, int from, int step, int max_start, int max_thickness,
              int limit) {
  int pw = pixGetWidth(binary), ph = pixGetHeight(binary), wpl = pixGetWpl(binary);
  const l_uint32* data = pixGetData(binary);
  int a0 = vertical ? cell.y + kSideEnd.Of(cell.h) : cell.x + kSideEnd.Of(cell.w);
  int a1 = vertical ? cell.y + cell.h - kSideEnd.Of(cell.h) : cell.x + cell.w - kSideEnd.Of(cell.w);
  int first = -1, last = -1;
  for (int i = 0; i < limit; ++i) {
    int pos = from + i * step;
    if (pos < 0 || pos >= (vertical ? pw : ph)) break;
    int ink = 0, n = 0;
    for (int a = std::max(0, a0); a < std::min(vertical ? ph : pw, a1); ++a, ++n) {
      int x = vertical ? pos : a, y = vertical ? a : pos;
      ink += GET_DATA_BIT(data + static_cast<size_t>(y) * wpl, x) ? 1 : 0;
    }
    bool ruling = n > 0 && kRulingInk.AtLeast(ink, n);
    if (ruling && first < 0 && i < max_start) first = i;
    if (ruling && first >= 0 && i - first < max_thickness) {
      last = i;
    } else if (last >= 0 || i >= max_start) {
      // A ruling is one band of ink, no thicker than a ruling, from near
      // the edge: past its end, or with none near the edge (WithoutRulings
      // took it out), a column of ink is a glyph's stroke written close to
      // the line (the left stroke of 甘 or 国), which must stay — also when
      // a blurred photo joins the two.
      break;
    }
  }
  return last;
}

// A component no larger than this both ways is a speck (dust, a full stop, a
// dot), not a glyph or a part of one: a quarter of a glyph's height, 2
// pixels at the least.
constexpr Ratio kSpeckOfGlyph{1, 4};
constexpr int kSpeckPixels = 2;
int SpeckSize(int glyph_h) { return std::max(kSpeckPixels, kSpeckOfGlyph.Of(glyph_h)); }

// A speck within a fifth of a glyph's height (2 pixels at the least) above
// or below the rows of bigger ink belongs to the text (a full stop, a dot).
constexpr Ratio kSpeckNearText{1, 5};
constexpr int kSpeckNearTextPixels = 2;

// Takes the specks that stand apart from the text out of the row profile
// `rows`: a dot of dust between or above the lines would make a line of its
// own or stretch the nearest one, and a stretched line misjudges the size
// of the glyphs on it. A small component close to the rows of bigger ink —
// a full stop, the dot of 主, a tick — stays. Nothing is dropped when the
// cell holds only small components.
void DropStraySpecks(PIX* crop, BOXA* boxa, int glyph_h, std::vector<int>* rows) {
  int n = boxaGetCount(boxa), h = static_cast<int>(rows->size());
  int small = SpeckSize(glyph_h), near = std::max(kSpeckNearTextPixels, kSpeckNearText.Of(glyph_h));
  std::vector<char> text_rows(h, 0);
  bool any_big = false;
  for (int i = 0; i < n; ++i) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
    if (bw <= small && bh <= small) continue;
    any_big = true;
    for (int y = std::max(0, by - near); y < std::min(h, by + bh + near); ++y) text_rows[y] = 1;
  }
  if (!any_big) return;
  int wpl = pixGetWpl(crop);
  const l_uint32* data = pixGetData(crop);
  for (int i = 0; i < n; ++i) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
    if (bw > small || bh > small) continue;
    if (std::any_of(text_rows.begin() + by, text_rows.begin() + std::min(h, by + bh), [](char r) { return r; })) continue;
    for (int y = by; y < std::min(h, by + bh); ++y) {
      const l_uint32* line = data + static_cast<size_t>(y) * wpl;
      for (int x = bx; x < bx + bw; ++x) (*rows)[y] -= Black(line, x) ? 1 : 0;
    }
  }
}

// A speck this many glyph heights or more from any bigger ink is dust, not
// a full stop or a decimal point (those touch their text).
constexpr int kFarSpeck = 2;

// Erases from `crop` the specks (components no bigger than a quarter glyph)
// that lie kFarSpeck glyph heights or more from every bigger component: a
// dot of dust at the far end of a short value (2年 ... ·) is otherwise read
// as a character (2年5) and widens the ink box. Nothing is erased when the
// cell holds only small components. `boxa` is left as it was.
void EraseFarSpecks(PIX* crop, BOXA* boxa, int glyph_h) {
  const int n = boxaGetCount(boxa), small = SpeckSize(glyph_h), far = kFarSpeck * glyph_h;
  std::vector<std::array<l_int32, 4>> big;
  for (int i = 0; i < n; ++i) {
    std::array<l_int32, 4> b{};
    boxaGetBoxGeometry(boxa, i, &b[0], &b[1], &b[2], &b[3]);
    if (b[2] > small || b[3] > small) big.push_back(b);
  }
  if (big.empty()) return;
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
    if (w > small || h > small) continue;
    bool near = std::any_of(big.begin(), big.end(), [&](const std::array<l_int32, 4>& b) {
      int dx = std::max({0, b[0] - (x + w), x - (b[0] + b[2])});
      int dy = std::max({0, b[1] - (y + h), y - (b[1] + b[3])});
      return std::max(dx, dy) < far;
    });
    if (!near) pixClearInRect(crop, BoxPtr(boxCreate(x, y, w, h)).get());
  }
}

// A run of inked rows of a cell's crop: its first and last row.
using RowRun = std::pair<int, int>;

// A side is moved in at most two ruling widths and 1/50 inch (4 pixels at
// the least), and 1/150 inch (a pixel at the least) past its ruling: the
// ruling's blur. The grid places a ruling to within kRulingSlackPixels: the
// search starts a ruling's width and that slack outside the box edge, the
// ruling begins within 1.5 ruling widths and kRulingStartPixels of there,
// and is no thicker than its width and the slack.
constexpr int kInsetPerInch = 50, kInsetPixels = 4;
constexpr int kPastRulingPerInch = 150;
constexpr int kRulingSlackPixels = 2;
constexpr Ratio kRulingStart{3, 2};
constexpr int kRulingStartPixels = 5;
// Inside its rulings a cell narrower or lower than this holds no value.
constexpr int kMinInnerPixels = 4;

// The cell's box inside its rulings, in page pixels: each side moved in just
// past its ruling, found from a little outside the box edge inwards. Empty
// when what is left is too small to hold a value.
InkBox InsideRulings(PIX* binary, const CellBox& cell, int line_width, int dpi) {
  int pw = pixGetWidth(binary), ph = pixGetHeight(binary);
  int reach = 2 * line_width + std::max(kInsetPixels, dpi / kInsetPerInch);
  int margin = std::max(1, dpi / kPastRulingPerInch);
  auto inset = [&](bool vertical, int edge, int step) {
    const int outside = line_width + kRulingSlackPixels;   // where the search starts, outside the edge
    const int thickest = line_width + kRulingSlackPixels;  // the thickest a ruling is
    int start = edge - step * outside;
    int end = RulingEnd(binary, cell, vertical, start, step, kRulingStart.Of(line_width) + kRulingStartPixels,
                        thickest, reach + outside);
    // No ruling ink at the edge: it was taken out (WithoutRulings) or is missing.
    int past = end < 0 ? 0 : end - outside + 1;  // pixels inside the edge
    return std::clamp(past + margin, 1, reach);
  };
  int x0 = std::max(0, cell.x + inset(true, cell.x, +1));
  int x1 = std::min(pw, cell.x + cell.w - inset(true, cell.x + cell.w, -1) + 1);
  int y0 = std::max(0, cell.y + inset(false, cell.y, +1));
  int y1 = std::min(ph, cell.y + cell.h - inset(false, cell.y + cell.h, -1) + 1);
  if (x1 - x0 < kMinInnerPixels || y1 - y0 < kMinInnerPixels) return InkBox{};
  return InkBox{x0, y0, x1 - x0, y1 - y0};
}

// A glyph is no lower than a twelfth of an inch (6 pt); its height is the
// 80th percentile of the components' heights, of those this many pixels high
// or more (lower ones are specks and strokes).
constexpr int kMinGlyphPerInch = 12;
constexpr Ratio kGlyphPercentile{4, 5};
constexpr int kMinComponentPixels = 4;

// The height of a glyph: the tall end of the components' heights (radicals
// are smaller, brackets a little taller), and no less than a twelfth of an
// inch. `boxa` may be null.
int GlyphHeight(BOXA* boxa, int dpi) {
  int glyph_h = dpi / kMinGlyphPerInch;
  std::vector<int> heights;
  for (int i = 0; boxa && i < boxaGetCount(boxa); ++i) {
    l_int32 bx, by, bw, bh;
    boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
    if (bh >= kMinComponentPixels) heights.push_back(bh);
  }
  if (!heights.empty()) {
    std::sort(heights.begin(), heights.end());
    glyph_h = std::max(glyph_h, heights[kGlyphPercentile.Of(heights.size())]);
  }
  return glyph_h;
}

// The ink of a crop counted by rows, and the columns it spans.
struct RowProfile {
  std::vector<int> rows;  // black pixels in each row
  int minx = 0, maxx = -1;  // first and last inked column; maxx < 0 when there is no ink
  int total = 0;            // black pixels in all
};

RowProfile ProfileRows(PIX* crop) {
  int w = pixGetWidth(crop), h = pixGetHeight(crop), wpl = pixGetWpl(crop);
  const l_uint32* data = pixGetData(crop);
  RowProfile p;
  p.rows.assign(h, 0);
  p.minx = w;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      if (Black(line, x)) {
        ++p.rows[y];
        p.minx = std::min(p.minx, x);
        p.maxx = std::max(p.maxx, x);
      }
    }
    p.total += p.rows[y];
  }
  return p;
}

// A few specks are not a value: a cell with less ink than 1/1500 square inch
// (~0.43 mm²), and 12 pixels at the least, is blank.
constexpr int kMinInkPerSquareInch = 1500, kMinInkPixels = 12;
int MinInkPixels(int dpi) { return std::max(kMinInkPixels, dpi * dpi / kMinInkPerSquareInch); }

// The runs of inked rows, top to bottom.
std::vector<RowRun> InkedRuns(const std::vector<int>& rows) {
  std::vector<RowRun> runs;
  for (int y = 0; y < static_cast<int>(rows.size()); ++y) {
    if (rows[y] == 0) continue;
    if (!runs.empty() && runs.back().second == y - 1) {
      runs.back().second = y;
    } else {
      runs.push_back({y, y});
    }
  }
  return runs;
}

// A run taller than 1.7 glyphs is two lines or more; it is split at its
// thinnest row at least half a glyph from either end (a line is no lower),
// when that row holds no more than 35 % of the ink of the run's fullest.
constexpr Ratio kTouchingLines{17, 10};
constexpr Ratio kSplitFromEnd{1, 2};
constexpr Ratio kSplitRowInk{35, 100};

// A run much taller than a glyph is lines that touch — a photo's slant
// leaves no empty row between them — split at the thinnest row when that
// row is much thinner than the run's fullest.
std::vector<RowRun> SplitTouchingLines(std::vector<RowRun> runs, const std::vector<int>& rows, int glyph_h) {
  std::vector<RowRun> split;
  for (size_t i = 0; i < runs.size(); ++i) {
    auto [a, b] = runs[i];
    if (b - a + 1 <= kTouchingLines.Of(glyph_h)) {
      split.push_back(runs[i]);
      continue;
    }
    int peak = *std::max_element(rows.begin() + a, rows.begin() + b + 1);
    int best = -1;
    for (int y = a + kSplitFromEnd.Of(glyph_h); y <= b - kSplitFromEnd.Of(glyph_h); ++y)
      if (best < 0 || rows[y] < rows[best]) best = y;
    if (best < 0 || kSplitRowInk.Above(rows[best], peak)) {
      split.push_back(runs[i]);
      continue;
    }
    split.push_back({a, best - 1});
    runs.insert(runs.begin() + i + 1, {best + 1, b});  // the rest may split again
  }
  return split;
}

// Runs no further apart than 35 % of a glyph are one line when together
// they are no higher than 1.3 glyphs (a glyph with its raised digit).
constexpr Ratio kCloseRunGap{35, 100};
constexpr Ratio kMergedLineHeight{13, 10};

// Runs closer than a fraction of a glyph are one line (the strokes of 三,
// a raised footnote digit).
std::vector<RowRun> MergeCloseRuns(const std::vector<RowRun>& runs, int glyph_h) {
  std::vector<RowRun> merged;
  for (auto r : runs) {
    if (!merged.empty() && r.first - merged.back().second <= kCloseRunGap.Of(glyph_h) &&
        (r.second - merged.back().first + 1) <= kMergedLineHeight.Of(glyph_h)) {
      merged.back().second = r.second;
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

// A run lower than a third of the highest is small.
constexpr Ratio kSmallRun{1, 3};
// A small run half a glyph or more from every line is a stray mark.
constexpr Ratio kStrayMarkGap{1, 2};

// A small run left alone (an underline, a stray mark) joins the nearest
// line when it is close; one half a glyph or more away from every line is
// a stray mark (a scratch above the text), and joining it would make the
// line twice as high and the OCR read the mark into it. Punctuation never
// wraps onto a line of its own (Word keeps 。，、 on the line before), so
// such a run is not text. `height` is the crop's.
std::vector<RowRun> PlaceSmallRuns(std::vector<RowRun> merged, int glyph_h, int height) {
  std::vector<RowRun> lines;
  int big = 0;
  for (auto [a, b] : merged) big = std::max(big, b - a + 1);
  auto is_small = [&](RowRun r) { return kSmallRun.Below(r.second - r.first + 1, big); };
  for (size_t i = 0; i < merged.size(); ++i) {
    auto r = merged[i];
    if (!is_small(r)) {
      lines.push_back(r);
      continue;
    }
    const int gap_before = lines.empty() ? height : r.first - lines.back().second - 1;
    const int gap_after = i + 1 < merged.size() ? merged[i + 1].first - r.second - 1 : height;
    if (kStrayMarkGap.AtLeast(std::min(gap_before, gap_after), glyph_h)) {
      continue;
    } else if (!lines.empty() && (i + 1 >= merged.size() || r.first - lines.back().second <= merged[i + 1].first - r.second)) {
      lines.back().second = r.second;
    } else if (i + 1 < merged.size()) {
      merged[i + 1].first = r.first;
    } else {
      lines.push_back(r);
    }
  }
  return lines;
}

// The text lines of a crop whose row profile is `rows`: runs of inked rows,
// touching lines split, close runs merged, small runs joined to their line
// or dropped. Not empty when `rows` holds ink.
std::vector<RowRun> TextLines(const std::vector<int>& rows, int glyph_h) {
  std::vector<RowRun> runs = SplitTouchingLines(InkedRuns(rows), rows, glyph_h);
  return PlaceSmallRuns(MergeCloseRuns(runs, glyph_h), glyph_h, static_cast<int>(rows.size()));
}

}  // namespace

int CellInk::LineHeight() const {
  int best = 0;
  for (const InkBox& l : lines) best = std::max(best, l.h);
  return best ? best : ink.h;
}

namespace {
// A digit is at most 0.85 of its line's height wide in every common face; a
// component at least half the line high (kDigitMinHeight) and no wider than
// 17/20 of its own height (kDigitMaxWidth) is shaped like one.
constexpr double kWidestDigitOfLine = 0.85;
constexpr Ratio kDigitMinHeight{1, 2};
constexpr Ratio kDigitMaxWidth{17, 20};
}  // namespace

int FewestDigitsShown(const CellInk& ink) {
  if (ink.blank() || !ink.clean || ink.lines.size() > 1) return 0;
  const int line_h = ink.LineHeight();
  if (line_h <= 0) return 0;
  const int by_width = static_cast<int>(ink.ink.w / (kWidestDigitOfLine * line_h));
  BoxaPtr boxes(pixConnComp(ink.clean.get(), nullptr, 8));
  int by_shape = 0;
  for (int i = 0; boxes && i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    if (kDigitMinHeight.AtLeast(h, line_h) && kDigitMaxWidth.AtMost(w, h)) ++by_shape;
  }
  return std::max(by_width, by_shape);
}

CellInk AnalyzeCell(PIX* binary, const CellBox& cell, int line_width, int dpi) {
  CellInk out;
  out.inner = InsideRulings(binary, cell, line_width, dpi);
  if (out.inner.empty()) return out;
  const InkBox& inner = out.inner;
  out.clean = AdoptPix(pixClipRectangle(binary, BoxPtr(boxCreate(inner.x, inner.y, inner.w, inner.h)).get(), nullptr));
  if (!out.clean) return out;
  PIX* crop = out.clean.get();
  RemoveRulingRemnants(crop, line_width);
  BoxaPtr boxa(pixConnComp(crop, nullptr, 8));
  const int glyph_h = GlyphHeight(boxa.get(), dpi);
  if (boxa) EraseFarSpecks(crop, boxa.get(), glyph_h);

  RowProfile profile = ProfileRows(crop);
  out.ink_pixels = profile.total;
  if (profile.total < MinInkPixels(dpi) || profile.maxx < 0) return out;
  if (boxa) DropStraySpecks(crop, boxa.get(), glyph_h, &profile.rows);

  const std::vector<RowRun> lines = TextLines(profile.rows, glyph_h);
  int miny = lines.front().first, maxy = lines.back().second;
  out.ink = InkBox{inner.x + profile.minx, inner.y + miny, profile.maxx - profile.minx + 1, maxy - miny + 1};
  for (auto [a, b] : lines) out.lines.push_back(InkBox{inner.x, inner.y + a, pixGetWidth(crop), b - a + 1});
  out.stroke_width = MedianRun(crop);
  return out;
}

namespace {

// Grey levels of ink the binarisation found too faint to keep (a 。 printed
// thin and light): darker than kFaintInk but not as dark as kFaintFloor.
// Darker pixels missing from the binary image were taken out as specks on
// purpose, and stay out.
constexpr l_int32 kFaintInk = 200, kFaintFloor = 150;

// The faint ink (kFaintInk, kFaintFloor) of an 8 bpp image, as 1 bpp.
PixPtr FaintInk(PIX* grey) {
  PixPtr below = AdoptPix(pixThresholdToBinary(grey, kFaintInk));
  PixPtr dark = AdoptPix(pixThresholdToBinary(grey, kFaintFloor));
  if (!below || !dark) return nullptr;
  pixSubtract(below.get(), below.get(), dark.get());
  return below;
}

// A line at least this many line heights wide may be a sentence ending in
// 。, small and often faint: the binarisation may have dropped it while the
// grey image still shows it. When faint ink lies within one character
// right of such a line, the crop takes it in.
constexpr int kSentenceWidth = 4;
// A full stop is a dot an eighth of a line (2 pixels at the least) across:
// the faint ink right of the line must cover that square.
constexpr Ratio kStopOfLine{1, 8};
constexpr int kStopPixels = 2;

// Whether a line `line_h` high whose ink spans [ink_x, end_x) (cell
// coordinates) and rows [y, y + h) is long enough to be a sentence and has
// faint ink for a full stop within one character right of it.
bool EndsInFaintStop(const CellInk& ink, PIX* grey, int ink_x, int end_x, int y, int h, int line_h) {
  if (grey == nullptr || pixGetDepth(grey) != 8 || end_x - ink_x < kSentenceWidth * line_h) return false;
  const int x = std::max(0, end_x), w = std::min(ink.inner.w - x, line_h);
  if (w <= 0 || h <= 0) return false;
  PixPtr strip = AdoptPix(pixClipRectangle(grey, BoxPtr(boxCreate(ink.inner.x + x, ink.inner.y + y, w, h)).get(), nullptr));
  PixPtr faint = strip ? FaintInk(strip.get()) : nullptr;
  l_int32 n = 0;
  if (!faint || pixCountPixels(faint.get(), &n, nullptr) != 0) return false;
  const int stop = std::max(kStopPixels, kStopOfLine.Of(line_h));
  return n >= stop * stop;
}

// How far along a text line the grey around the binarised ink is kept, in
// line heights (the mask is dilated by this much in all, half on each
// side): relative to the line, so it scales with the print; 0.8 covers most
// of a lost digit's width (measurements: docs/HISTORY-notes.md).
constexpr double kGlyphReach = 0.8;
// Across the line the mask is widened by this many pixels in all (a
// brick's height), and along it by 5 pixels at the least.
constexpr int kGreyReachAcrossPixels = 5, kGreyReachMinPixels = 5;
// Tesseract wants some white around the text: pixels of white border.
constexpr int kOcrBorderPixels = 10;

// Crops `region` (in the coordinates of ink.clean) for the OCR. Columns of
// the region from `faint_from` on (-1: none) also keep the grey's faint ink.
PixPtr CropRegion(const CellInk& ink, PIX* grey, int x, int y, int w, int h, int* origin_x, int* origin_y,
                  int faint_from = -1) {
  x = std::max(0, x);
  y = std::max(0, y);
  w = std::min(ink.inner.w - x, w);
  h = std::min(ink.inner.h - y, h);
  if (w <= 0 || h <= 0) return nullptr;
  PixPtr crop = AdoptPix(pixClipRectangle(ink.clean.get(), BoxPtr(boxCreate(x, y, w, h)).get(), nullptr));
  if (!crop) return nullptr;
  if (grey != nullptr && pixGetDepth(grey) == 8) {
    PixPtr g = AdoptPix(pixClipRectangle(grey, BoxPtr(boxCreate(ink.inner.x + x, ink.inner.y + y, w, h)).get(), nullptr));
    if (g && faint_from >= 0 && faint_from < w) {
      PixPtr faint = FaintInk(g.get());
      if (faint) {
        pixClearInRect(faint.get(), BoxPtr(boxCreate(0, 0, faint_from, h)).get());
        pixOr(crop.get(), crop.get(), faint.get());
      }
    }
    // Keep the grey only near the cell's ink — along the line, up to
    // kGlyphReach line heights across: a faint glyph the binarisation lost
    // whole (a thin 0 or 5 in light small print: 4670 read as 467) stands
    // beside kept ones.
    const int reach = std::max(kGreyReachMinPixels, static_cast<int>(kGlyphReach * ink.LineHeight()));
    PixPtr near = AdoptPix(pixDilateBrick(nullptr, crop.get(), reach, kGreyReachAcrossPixels));
    if (g && near && pixGetWidth(g.get()) == pixGetWidth(near.get()) && pixGetHeight(g.get()) == pixGetHeight(near.get())) {
      pixInvert(near.get(), near.get());
      pixPaintThroughMask(g.get(), near.get(), 0, 0, 255);
      crop = std::move(g);
    }
  }
  const int border = kOcrBorderPixels;
  PixPtr framed = AdoptPix(pixAddBlackOrWhiteBorder(crop.get(), border, border, border, border, L_GET_WHITE_VAL));
  if (!framed) return nullptr;
  *origin_x = ink.inner.x + x - border;
  *origin_y = ink.inner.y + y - border;
  return framed;
}

// The cell's own margin around its ink taken into a crop for the OCR: a
// fifth of a line, 4 pixels at the least.
constexpr Ratio kCropMarginOfLine{1, 5};
constexpr int kCropMarginPixels = 4;
int CropMargin(int line_h) { return std::max(kCropMarginPixels, kCropMarginOfLine.Of(line_h)); }

// A line's band is widened into half the gap to each neighbouring line (the
// other half is the neighbour's), at most a quarter of the line (2 pixels
// when that is less) and a pixel at the least.
constexpr Ratio kShareOfGap{1, 2};
constexpr Ratio kBandWidening{1, 4};
constexpr int kBandWideningPixels = 2;

}  // namespace

PixPtr CropForOcr(const CellInk& ink, PIX* grey, int* origin_x, int* origin_y) {
  if (ink.blank() || !ink.clean) return nullptr;
  const int line_h = ink.LineHeight();
  int margin = CropMargin(line_h);
  const int ink_x = ink.ink.x - ink.inner.x, ink_y = ink.ink.y - ink.inner.y;
  const bool sentence = EndsInFaintStop(ink, grey, ink_x, ink_x + ink.ink.w, ink_y, ink.ink.h, line_h);
  int right = sentence ? std::max(margin, line_h) : margin;
  return CropRegion(ink, grey, ink.ink.x - ink.inner.x - margin, ink.ink.y - ink.inner.y - margin,
                    ink.ink.w + margin + right, ink.ink.h + 2 * margin, origin_x, origin_y,
                    sentence ? margin + ink.ink.w : -1);
}

PixPtr CropLineForOcr(const CellInk& ink, size_t line, PIX* grey, int* origin_x, int* origin_y) {
  if (ink.blank() || !ink.clean || line >= ink.lines.size()) return nullptr;
  const InkBox& l = ink.lines[line];
  // Widen the band into the gaps to the neighbouring lines, not across them.
  int above = line > 0 ? l.y - (ink.lines[line - 1].y + ink.lines[line - 1].h) : l.h;
  int below = line + 1 < ink.lines.size() ? ink.lines[line + 1].y - (l.y + l.h) : l.h;
  const int widest = std::max(kBandWideningPixels, kBandWidening.Of(l.h));
  int up = std::clamp(kShareOfGap.Of(above), 1, widest), down = std::clamp(kShareOfGap.Of(below), 1, widest);
  int margin = CropMargin(l.h);
  // Only the line's own ink, not the cell's width: Tesseract reads nothing
  // at all from a short last line (周边生态环境。) followed by a wide blank.
  int minx = ink.ink.x - ink.inner.x, maxx = minx + ink.ink.w - 1;
  {
    PIX* clean = ink.clean.get();
    int w = pixGetWidth(clean), wpl = pixGetWpl(clean);
    int y0 = std::max(0, l.y - ink.inner.y), y1 = std::min(pixGetHeight(clean), y0 + l.h);
    int lo = w, hi = -1;
    for (int y = y0; y < y1; ++y) {
      const l_uint32* row = pixGetData(clean) + static_cast<size_t>(y) * wpl;
      for (int x = 0; x < w; ++x) {
        if (Black(row, x)) {
          lo = std::min(lo, x);
          hi = std::max(hi, x);
        }
      }
    }
    if (hi >= lo) minx = lo, maxx = hi;
  }
  // The last line of a long text may end in a faint 。.
  const bool sentence =
      line + 1 == ink.lines.size() && EndsInFaintStop(ink, grey, minx, maxx + 1, l.y - ink.inner.y, l.h, l.h);
  int right = sentence ? std::max(margin, l.h) : margin;
  return CropRegion(ink, grey, minx - margin, l.y - ink.inner.y - up, maxx - minx + 1 + margin + right, l.h + up + down,
                    origin_x, origin_y, sentence ? margin + (maxx - minx + 1) : -1);
}

namespace {
// A faint stroke is darker than the cell's paper by this many of its noise's
// standard deviations, and by this many grey levels at least.
constexpr double kFaintNoiseSigmas = 3.5;
constexpr int kFaintMinContrast = 20;
// The crop reaches this many pixels and a stroke's width past the inner box,
// to take in the rulings; a crop narrower or lower than kMinFaintCropPixels
// holds no strokes.
constexpr int kRulingPadPixels = 4, kMinFaintCropPixels = 8;
// A text line's band for faint strokes starts a quarter of the line above
// it and is half a line higher than the line (a quarter below): brackets
// reach above and below the glyphs.
constexpr Ratio kBandAbove{1, 4}, kBandExtra{1, 2};
// A piece of faint ink is kept when a fifth of a line (3 pixels at the
// least) wide or high: smaller is paper noise.
constexpr Ratio kFaintPieceOfLine{1, 5};
constexpr int kFaintPiecePixels = 3;
}  // namespace

CellInk WithFaintStrokes(const CellInk& ink, PIX* grey) {
  CellInk out;
  out.inner = ink.inner;
  out.ink = ink.ink;
  out.lines = ink.lines;
  out.ink_pixels = ink.ink_pixels;
  out.stroke_width = ink.stroke_width;
  if (ink.clean) out.clean = AdoptPix(pixCopy(nullptr, ink.clean.get()));
  if (ink.blank() || !ink.clean || grey == nullptr || pixGetDepth(grey) != 8) return out;
  // A margin around the inner box takes in the rulings, so that what is
  // joined to them can be told by its touching the crop's border.
  const int pad = kRulingPadPixels + ink.stroke_width;
  int x0 = std::max(0, ink.inner.x - pad), y0 = std::max(0, ink.inner.y - pad);
  int x1 = std::min<int>(pixGetWidth(grey), ink.inner.x + ink.inner.w + pad);
  int y1 = std::min<int>(pixGetHeight(grey), ink.inner.y + ink.inner.h + pad);
  if (x1 - x0 < kMinFaintCropPixels || y1 - y0 < kMinFaintCropPixels) return out;
  BoxPtr box(boxCreate(x0, y0, x1 - x0, y1 - y0));
  PixPtr crop = AdoptPix(pixClipRectangle(grey, box.get(), nullptr));
  if (!crop) return out;
  // The cell's paper and its noise, from the light side of the histogram.
  NumaPtr hist(pixGetGrayHistogram(crop.get(), 1));
  if (!hist) return out;
  std::vector<double> counts(256, 0);
  double total = 0;
  for (int v = 0; v < 256; ++v) {
    l_float32 c = 0;
    numaGetFValue(hist.get(), v, &c);
    counts[v] = c;
    total += c;
  }
  int paper = 255;
  for (double below = 0; paper >= 0; --paper) {  // the median, counted from the light end
    below += counts[paper];
    if (below * 2 >= total) break;
  }
  double spread = 0, n = 0;
  for (int v = paper; v < 256; ++v) {
    spread += counts[v] * (v - paper) * (v - paper);
    n += counts[v];
  }
  double sigma = n > 0 ? std::sqrt(spread / n) : 1.0;
  int threshold = paper - std::max(static_cast<int>(kFaintNoiseSigmas * sigma), kFaintMinContrast);
  if (threshold <= 0) return out;
  PixPtr bin = AdoptPix(pixThresholdToBinary(crop.get(), threshold));
  if (!bin) return out;
  PixPtr inside = AdoptPix(pixRemoveBorderConnComps(bin.get(), 8));
  if (!inside) return out;
  // Only within the text lines.
  PixPtr bands = AdoptPix(pixCreateTemplate(inside.get()));
  if (!bands) return out;
  for (const InkBox& line : ink.lines) {
    int top = line.y - kBandAbove.Of(line.h) - y0, height = line.h + kBandExtra.Of(line.h);
    pixRasterop(bands.get(), ink.inner.x - x0, top, ink.inner.w, height, PIX_SET, nullptr, 0, 0);
  }
  pixAnd(inside.get(), inside.get(), bands.get());
  int piece = std::max(kFaintPiecePixels, kFaintPieceOfLine.Of(ink.LineHeight()));
  PixPtr pieces =
      AdoptPix(pixSelectBySize(inside.get(), piece, piece, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
  if (!pieces) return out;
  pixRasterop(out.clean.get(), 0, 0, ink.inner.w, ink.inner.h, PIX_SRC | PIX_DST, pieces.get(), ink.inner.x - x0,
              ink.inner.y - y0);
  return out;
}

namespace {
// The reviewer's image of a cell is at about 150 dpi: a page scanned at more
// than 170 dpi is scaled to 150 (less is kept as it is: scaling by so little
// gains nothing), by area mapping (pixels averaged) when to less than 0.7 of
// its size, else by pixScale.
constexpr int kReviewDpi = 150, kReviewMaxDpi = 170;
constexpr float kAreaMapBelowScale = 0.7f;
}  // namespace

std::string CellPng(PIX* grey, const CellBox& cell, int dpi) {
  if (grey == nullptr) return "";
  PixPtr crop = AdoptPix(pixClipRectangle(grey, BoxPtr(boxCreate(cell.x, cell.y, cell.w, cell.h)).get(), nullptr));
  if (!crop) return "";
  if (dpi > kReviewMaxDpi) {
    float scale = static_cast<float>(kReviewDpi) / dpi;
    PixPtr small = AdoptPix(scale < kAreaMapBelowScale ? pixScaleAreaMap(crop.get(), scale, scale)
                                                       : pixScale(crop.get(), scale, scale));
    if (small) crop = std::move(small);
  }
  if (pixGetDepth(crop.get()) != 8) {
    PixPtr g = AdoptPix(pixConvertTo8(crop.get(), 0));
    if (!g) return "";
    crop = std::move(g);
  }
  pixSetResolution(crop.get(), kReviewDpi, kReviewDpi);
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, crop.get(), IFF_PNG) != 0 || data == nullptr) return "";
  std::string png(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return png;
}

}  // namespace gm::form
