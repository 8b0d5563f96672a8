#include "extractors/form/checkbox.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "extractors/form/cjk_text.h"
#include "extractors/form/ratio.h"

namespace gm::form {
namespace {

// --- A bracket's shape (Bows, ShapesOf) ---

// A bracket's edge is one smooth stroke: from one row to the next it moves
// by at most an eighth of its height (2 pixels at the least); the edge of a
// CJK glyph passes from stroke to stroke and jumps further.
constexpr Ratio kEdgeMaxStep{1, 8};
constexpr int kEdgeMaxStepPixels = 2;
// A tenth of the height at each end is left out: a bracket's tips curl.
constexpr Ratio kEdgeEnds{1, 10};
// The tips, each an eighth of the height (a pixel at the least) past the
// curled ends, are compared with the middle's furthest point, searched in
// the middle band from 35 % to 65 % of the height.
constexpr Ratio kTip{1, 8};
constexpr Ratio kMiddleFrom{35, 100}, kMiddleTo{65, 100};
// The middle bows out by 6 % of the height (1.5 pixels at the least): a
// straight stroke (1, l, the side of 口) bows by less than its noise.
constexpr double kMinBulgeOfHeight = 0.06, kMinBulgePixels = 1.5;
// The two tips line up within 15 % of the height (2 pixels at the least)
// plus half the bulge: a bracket is symmetric top to bottom, a slanted
// stroke (the left of 人) is not.
constexpr double kTipsAlignOfHeight = 0.15, kTipsAlignPixels = 2.0;
// A bracket is at least 55 % of its line high and 8 pixels: smaller bowed
// strokes are parts of glyphs, and fewer rows cannot show a curve.
constexpr Ratio kMinBracketHeight{55, 100};
constexpr int kMinBracketPixels = 8;
// A bracket alone is no wider than half its height; a wider component is a
// bracket joined by a mark.
constexpr Ratio kLoneBracketMaxWidth{1, 2};

// --- Ink (MarkThreshold, the bracket's own ink) ---

// A mark leaves at least three dots of the pen (stroke × stroke each), and
// a stroke 0.3 line heights long: less is a speck or a bracket's blur.
constexpr int kMarkMinDots = 3;
constexpr double kMarkMinStrokeOfLine = 0.3;
// The pen of a mark is taken no wider than a regular face's stroke, a
// ninth of the line height (3 pixels at 200 dpi): a form printed in a bold
// face (strokes of 6) is still ticked with a thin ✓, whose ink (~85 pixels)
// fell under a threshold weighed with the bold strokes (108).
constexpr int kMarkPenLinesPerStroke = 9;
// A bracket's ink, when the cell shows too few brackets alone to weigh one
// (kMinBracketsToWeigh): a stroke 1.15 times the bracket's height (the
// curve is longer than its height).
constexpr double kBracketStrokeOfHeight = 1.15;
constexpr size_t kMinBracketsToWeigh = 3;
// A bracket with more ink than 130 % of a bracket's carries a mark drawn
// over it; the excess is the mark's.
constexpr Ratio kBracketInkWithMark{13, 10};

// --- Pairing (a （ with a ）) ---

// The two halves of a pair are at most 8 line heights apart: text written
// into 其他（ ） is short, and further apart they are two different pairs.
constexpr int kMaxPairWidthInLines = 8;
// The halves of a printed pair share top and bottom within a sixth of the
// taller one (2 pixels at the least: scanning noise).
constexpr Ratio kAlignTolerance{1, 6};
constexpr int kAlignTolerancePixels = 2;
// Both brackets in one blob — (√) — span at least 115 % of a line height: a
// glyph or a digit bowed on both sides (得, 0) is no wider than a line.
constexpr Ratio kMinBlobPairWidth{115, 100};
// The bracket's own part of a blob with a mark: its outer 35 % of the
// blob's height (2 pixels at the least).
constexpr Ratio kBracketStrip{35, 100};
constexpr int kBracketStripPixels = 2;

// --- The cell's printed geometry (SharedOf, FitsGlyph, FitsShared) ---

// Two brackets are of one size within 12 % of the taller (2 pixels at the
// least), two pairs of one span within a tenth of the wider (3 pixels at
// the least): a printed glyph varies that much with the scan, a stroke
// bowed like a bracket more.
constexpr Ratio kSameHeight{12, 100};
constexpr int kSameHeightPixels = 2;
constexpr Ratio kSameSpan{1, 10};
constexpr int kSameSpanPixels = 3;
// The printed geometry is known when this many pairs agree on it (a pair
// agrees with itself): one pair alone may be strokes.
constexpr int kMinAgreeingPairs = 2;
// A bracket's width may differ from the printed ones' by an eighth of the
// widest (a pixel at the least): noise on either side of a thin stroke.
constexpr Ratio kWidthSlack{1, 8};
constexpr int kWidthSlackPixels = 1;

// --- What the OCR says (ReadAsBracket, GroupsAfterOptions, MarksFromText) ---

// An OCR bracket symbol lies on a bracket found by shape when it overlaps
// the bracket's columns, widened by an eighth of its height (2 pixels at
// the least: the OCR's boxes of brackets are close but not exact), and half
// of its rows.
constexpr Ratio kSymbolSlack{1, 8};
constexpr int kSymbolSlackPixels = 2;
constexpr Ratio kSymbolRowsOnBracket{1, 2};
// An option of three or more characters is found with one misread
// character; a shorter one must be read exactly (one character of two is
// too little to tell it).
constexpr size_t kForgivingOptionLength = 3;

int MisreadsForgiven(size_t option_length) { return option_length >= kForgivingOptionLength ? 1 : 0; }

// --- Confidence of a decision (JudgePairs, MarksFromText) ---

// An empty cell: surely nothing marked.
constexpr double kBlankCellConfidence = 0.9;
// One pair per option in printed order, with every bracket's shape found.
constexpr double kPrintedOrderConfidence = 0.97;
// One pair per option once the pairs the OCR does not read as brackets are
// dropped: strokes of a broken bold glyph may still be among the rest.
constexpr double kReadBracketsConfidence = 0.9;
// The OCR text places the options among the pairs: its reading of the
// labels may be off.
constexpr double kOcrOrderConfidence = 0.85;
// The pixels cannot say and the OCR text inside the brackets does.
constexpr double kOcrMarksConfidence = 0.5;
// A pair whose ink is within half the threshold of it is a doubtful call,
// and lowers the decision's confidence by a fifth.
constexpr double kDoubtfulMargin = 0.5;
constexpr double kDoubtfulFactor = 0.8;
// Marks read from text: every option found, or some missing (misread).
constexpr double kTextAllFoundConfidence = 1.0, kTextSomeMissingConfidence = 0.6;

int Overlap(int a0, int a1, int b0, int b1) { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

// Median of the band [from, to) of an edge profile (-1 rows skipped); -1 if none.
double BandMedian(const std::vector<int>& edge, int from, int to) {
  std::vector<int> v;
  for (int y = std::max(0, from); y < std::min(static_cast<int>(edge.size()), to); ++y)
    if (edge[y] >= 0) v.push_back(edge[y]);
  if (v.empty()) return -1;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Whether an edge profile bows out in its middle by `sign` (-1: middle
// further left, as the left edge of （; +1: further right, as the right edge
// of ）) while its ends line up — a bracket's curve. A bracket's edge is one
// smooth stroke: it has ink in every row and never jumps; the edge of a CJK
// glyph passes from stroke to stroke and jumps.
bool Bows(const std::vector<int>& edge, int sign) {
  int h = static_cast<int>(edge.size());
  int max_jump = std::max(kEdgeMaxStepPixels, kEdgeMaxStep.Of(h));
  int ends = kEdgeEnds.Of(h);
  for (int y = ends; y + 1 < h - ends; ++y) {
    if (edge[y] < 0 || edge[y + 1] < 0) return false;
    if (std::abs(edge[y + 1] - edge[y]) > max_jump) return false;
  }
  // The tips against the furthest point of the middle.
  int tip = std::max(1, kTip.Of(h));
  double top = BandMedian(edge, ends, ends + tip), bottom = BandMedian(edge, h - ends - tip, h - ends);
  double mid = -1;
  for (int y = kMiddleFrom.Of(h); y <= kMiddleTo.Of(h) && y < h; ++y)
    if (edge[y] >= 0) mid = mid < 0 ? edge[y] : (sign < 0 ? std::min<double>(mid, edge[y]) : std::max<double>(mid, edge[y]));
  if (top < 0 || mid < 0 || bottom < 0) return false;
  double bulge = sign * (mid - (top + bottom) / 2);
  return bulge >= std::max(kMinBulgePixels, kMinBulgeOfHeight * h) &&
         std::fabs(top - bottom) <= std::max(kTipsAlignPixels, kTipsAlignOfHeight * h) + bulge / 2;
}

struct EdgeShapes {
  bool open = false, close = false;  // the component's left edge is a （, its right edge a ）
  bool merged = false;               // the component is wider than a bracket: a mark touches it
};

// A bracket is tall and bowed. Its component may also carry a mark that
// touches it — (√) can be one blob — so only the outer edges are looked at:
// the leftmost ink of each row for （, the rightmost for ）.
EdgeShapes ShapesOf(PIX* comp, int line_height) {
  EdgeShapes out;
  int w = pixGetWidth(comp), h = pixGetHeight(comp), wpl = pixGetWpl(comp);
  if (kMinBracketHeight.Below(h, line_height) || h < kMinBracketPixels) return out;
  const l_uint32* data = pixGetData(comp);
  std::vector<int> left(h, -1), right(h, -1);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x)
      if (GET_DATA_BIT(line, x)) {
        if (left[y] < 0) left[y] = x;
        right[y] = x;
      }
  }
  if (kLoneBracketMaxWidth.AtMost(w, h)) {
    // A lone bracket bows both its edges the same way; a 0 or an O bows
    // them apart.
    out.open = Bows(left, -1) && !Bows(right, +1);
    out.close = Bows(right, +1) && !Bows(left, -1);
  } else {
    out.open = Bows(left, -1);
    out.close = Bows(right, +1);
    out.merged = true;
  }
  return out;
}

int CountInk(PIX* crop, int x0, int y0, int x1, int y1) {
  x0 = std::max(0, x0);
  y0 = std::max(0, y0);
  x1 = std::min(static_cast<int>(pixGetWidth(crop)), x1);
  y1 = std::min(static_cast<int>(pixGetHeight(crop)), y1);
  if (x1 <= x0 || y1 <= y0) return 0;
  int wpl = pixGetWpl(crop), n = 0;
  const l_uint32* data = pixGetData(crop);
  for (int y = y0; y < y1; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = x0; x < x1; ++x) n += GET_DATA_BIT(line, x) ? 1 : 0;
  }
  return n;
}

// Ink a mark leaves at the least: a short stroke of the pen.
int MarkThreshold(const CellInk& cell, int line_height) {
  int sw = std::clamp(cell.stroke_width, 1, std::max(1, line_height / kMarkPenLinesPerStroke));
  return std::max(kMarkMinDots * sw * sw, static_cast<int>(kMarkMinStrokeOfLine * line_height * sw));
}

// What a bracket `height` pixels high weighs when no bracket of the cell
// can be weighed: a stroke along its curve.
int ExpectedBracketInk(const CellInk& cell, int height) {
  return static_cast<int>(kBracketStrokeOfHeight * height * std::max(1, cell.stroke_width));
}

// Sorts pairs in reading order: line by line (pairs whose （ share half
// their height are on one line), left to right.
void SortInReadingOrder(std::vector<BracketPair>* pairs) {
  std::sort(pairs->begin(), pairs->end(), [](const BracketPair& a, const BracketPair& b) {
    bool same_line = Overlap(a.open.y, a.open.y + a.open.h, b.open.y, b.open.y + b.open.h) * 2 >=
                     std::min(a.open.h, b.open.h);
    return same_line ? a.open.x < b.open.x : a.open.y < b.open.y;
  });
}

// From the outer edge of the （ to the outer edge of the ）.
int OuterSpan(const BracketPair& p) { return p.close.x + p.close.w - p.open.x; }

// The median of the pairs' outer spans; `pairs` is not empty.
int MedianSpan(const std::vector<BracketPair>& pairs) {
  std::vector<int> spans;
  for (const BracketPair& p : pairs) spans.push_back(OuterSpan(p));
  std::nth_element(spans.begin(), spans.begin() + spans.size() / 2, spans.end());
  return spans[spans.size() / 2];
}

// Pairs from the OCR's own bracket symbols: where the shapes miss a
// bracket, the OCR often still reads "(" and ")".
std::vector<BracketPair> PairsFromSymbols(const CellInk& cell, const OcrResult& ocr) {
  std::vector<BracketPair> out;
  const OcrWord* open = nullptr;
  for (const OcrWord& s : ocr.symbols) {
    std::u32string t = ToCodepoints(Nfkc(s.text));
    if (t.size() != 1) continue;
    if (t[0] == U'(' || t[0] == U'〈' || t[0] == U'[') {
      open = &s;
    } else if ((t[0] == U')' || t[0] == U'〉' || t[0] == U']') && open != nullptr && open->line == s.line) {
      BracketPair p;
      p.open = InkBox{int(open->box.x), int(open->box.y), int(open->box.w), int(open->box.h)};
      p.close = InkBox{int(s.box.x), int(s.box.y), int(s.box.w), int(s.box.h)};
      int top = std::min(p.open.y, p.close.y), bottom = std::max(p.open.y + p.open.h, p.close.y + p.close.h);
      int line_height = bottom - top;
      p.interior = InkBox{p.open.x + p.open.w, top, p.close.x - (p.open.x + p.open.w), bottom - top};
      if (p.interior.w > 0 && p.interior.w < kMaxPairWidthInLines * line_height) {
        p.interior_ink = CountInk(cell.clean.get(), p.interior.x - cell.inner.x, p.interior.y - cell.inner.y,
                                  p.interior.x + p.interior.w - cell.inner.x, bottom - cell.inner.y);
        p.marked = p.interior_ink >= MarkThreshold(cell, line_height);
        out.push_back(p);
      }
      open = nullptr;
    }
  }
  return out;
}

// For each option, the ordinal of the bracket group that follows it in the
// OCR text ("股权( )发债( )贷款(V)其他( )"), or -1; `groups` receives how
// many bracket groups the text has.
std::vector<int> GroupsAfterOptions(const std::string& text, const std::vector<std::string>& options, int* groups) {
  std::u32string t = ToCodepoints(Nfkc(text));
  std::vector<size_t> opens;
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == U'(' || t[i] == U'〈' || t[i] == U'[') opens.push_back(i);
  *groups = static_cast<int>(opens.size());
  // Ideographs of the text with their positions, for a tolerant search.
  std::vector<size_t> pos;
  std::u32string ideo;
  for (size_t i = 0; i < t.size(); ++i)
    if (IsIdeograph(t[i])) {
      pos.push_back(i);
      ideo.push_back(t[i]);
    }
  std::vector<int> out(options.size(), -1);
  size_t from = 0;
  for (size_t k = 0; k < options.size(); ++k) {
    std::u32string opt = ToCodepoints(options[k]);
    size_t n = opt.size();
    int allowed = MisreadsForgiven(n);
    for (size_t i = from; n > 0 && i + n <= ideo.size(); ++i) {
      int miss = 0;
      for (size_t c = 0; c < n; ++c) miss += ideo[i + c] != opt[c];
      if (miss > allowed) continue;
      size_t end = pos[i + n - 1];
      for (size_t g = 0; g < opens.size(); ++g)
        if (opens[g] > end) {
          out[k] = static_cast<int>(g);
          break;
        }
      from = i + n;
      break;
    }
  }
  return out;
}

// A bracket glyph found by shape: a （ or a ）, on text line `line`.
struct Candidate {
  bool open;
  InkBox box;
  size_t line;
  bool merged;  // its box is a strip of a blob with a mark
  int ink;
};

struct Match {
  const Candidate* open;
  const Candidate* close;
};

// Whether a （ and a ） stand on the same band: the two halves of one
// printed pair have the same top and bottom. A blob with a mark has the
// mark's extent, not the bracket's, so it is not held to this.
bool Aligned(const InkBox& o, bool o_merged, const InkBox& c, bool c_merged) {
  if (o_merged || c_merged) return true;
  int tolerance = std::max(kAlignTolerancePixels, kAlignTolerance.Of(std::max(o.h, c.h)));
  return std::abs(o.y - c.y) <= tolerance && std::abs((o.y + o.h) - (c.y + c.h)) <= tolerance;
}

// The height of a pair's brackets, from those not merged with a mark; 0
// when both are.
int BracketHeight(const Match& m) {
  if (m.open->merged && m.close->merged) return 0;
  if (m.open->merged) return m.close->box.h;
  if (m.close->merged) return m.open->box.h;
  return std::max(m.open->box.h, m.close->box.h);
}

// From the outer edge of the （ to the outer edge of the ）.
int Span(const Match& m) { return m.close->box.x + m.close->box.w - m.open->box.x; }

bool SameHeight(int a, int b) {
  return a == 0 || b == 0 || std::abs(a - b) <= std::max(kSameHeightPixels, kSameHeight.Of(std::max(a, b)));
}

bool SameSpan(int a, int b) { return std::abs(a - b) <= std::max(kSameSpanPixels, kSameSpan.Of(std::max(a, b))); }

// The printed brackets of a cell: one glyph at one size, each pair typed
// with the same blank between its halves. `known` when pairs agree on it.
struct SharedGeometry {
  bool known = false;
  int height = 0, span = 0;
  int min_width = 0, max_width = 0;  // of the brackets seen alone; 0 if none
};

// The geometry most pairs agree on is the printed one: the strokes of bold
// glyphs that bow like brackets (已, 办, 取) pair up at other sizes, seldom
// twice alike. With no two pairs agreeing nothing is known.
SharedGeometry SharedOf(const std::vector<Match>& matches) {
  SharedGeometry out;
  size_t best = 0;
  int best_votes = 0;
  auto agree = [](const Match& a, const Match& b) {
    return SameHeight(BracketHeight(a), BracketHeight(b)) && SameSpan(Span(a), Span(b));
  };
  for (size_t i = 0; i < matches.size(); ++i) {
    int votes = 0;
    for (const Match& other : matches) votes += agree(matches[i], other);
    // On a tie, the taller: a bracket stands taller than the strokes of a glyph.
    if (votes > best_votes || (votes == best_votes && BracketHeight(matches[i]) > BracketHeight(matches[best]))) {
      best = i;
      best_votes = votes;
    }
  }
  if (best_votes < kMinAgreeingPairs) return out;
  out.known = true;
  out.height = BracketHeight(matches[best]);
  out.span = Span(matches[best]);
  std::vector<int> widths;
  for (const Match& m : matches) {
    if (!agree(matches[best], m)) continue;
    for (const Candidate* c : {m.open, m.close})
      if (!c->merged) widths.push_back(c->box.w);
  }
  if (!widths.empty()) {
    out.min_width = *std::min_element(widths.begin(), widths.end());
    out.max_width = *std::max_element(widths.begin(), widths.end());
  }
  return out;
}

// Whether a bracket is of the shared glyph. A blob of a bracket and a mark
// says only that it is no shorter than the bracket.
bool FitsGlyph(const SharedGeometry& g, const Candidate& c) {
  if (!g.known) return true;
  if (c.merged) return c.box.h >= g.height || SameHeight(g.height, c.box.h);
  // The widths the printed pairs show, a pixel of noise either way.
  int slack = std::max(kWidthSlackPixels, kWidthSlack.Of(g.max_width));
  bool width = g.max_width == 0 || (c.box.w >= g.min_width - slack && c.box.w <= g.max_width + slack);
  return SameHeight(g.height, c.box.h) && width;
}

// Whether a pair is of the shared geometry. A pair of another height is
// strokes. A narrower or wider one is strokes when its glyphs differ too: a
// pair typed without its blank, （）, is narrower, and text written into
// 其他（ ） widens one, but both are of the printed glyph — a glyph's stroke
// that bows like （ before a lost real one is not.
bool FitsShared(const SharedGeometry& g, const Match& m) {
  if (!g.known) return true;
  if (!SameHeight(g.height, BracketHeight(m))) return false;
  auto tall_enough = [&](const Candidate& c) { return !c.merged || FitsGlyph(g, c); };
  if (!tall_enough(*m.open) || !tall_enough(*m.close)) return false;
  if (SameSpan(g.span, Span(m))) return true;
  return FitsGlyph(g, *m.open) && FitsGlyph(g, *m.close);
}

// Whether the OCR read a bracket symbol (（ or ） as the pair has it, or a
// look-alike: 〈 《 [) on one of the pair's brackets. The OCR's boxes of
// ideographs are too loose to say where a glyph is; its boxes of brackets
// are close.
bool ReadAsBracket(const BracketPair& p, const OcrResult& ocr) {
  auto on = [](const OcrWord& s, const InkBox& b) {
    int slack = std::max(kSymbolSlackPixels, kSymbolSlack.Of(b.h));
    return Overlap(int(s.box.x), int(s.box.x + s.box.w), b.x - slack, b.x + b.w + slack) > 0 &&
           !kSymbolRowsOnBracket.Below(Overlap(int(s.box.y), int(s.box.y + s.box.h), b.y, b.y + b.h), b.h);
  };
  for (const OcrWord& s : ocr.symbols) {
    std::u32string t = ToCodepoints(Nfkc(s.text));
    if (t.size() != 1) continue;
    bool open = t[0] == U'(' || t[0] == U'〈' || t[0] == U'《' || t[0] == U'[';
    bool close = t[0] == U')' || t[0] == U'〉' || t[0] == U'》' || t[0] == U']';
    if ((open && on(s, p.open)) || (close && on(s, p.close))) return true;
  }
  return false;
}

// The line of `cell` a component's rows overlap most; false when it overlaps
// none.
bool LineOf(const CellInk& cell, const InkBox& box, size_t* line) {
  size_t best_line = 0;
  int best_overlap = 0;
  for (size_t l = 0; l < cell.lines.size(); ++l) {
    int o = Overlap(box.y, box.y + box.h, cell.lines[l].y, cell.lines[l].y + cell.lines[l].h);
    if (o > best_overlap) {
      best_overlap = o;
      best_line = l;
    }
  }
  *line = best_line;
  return best_overlap > 0;
}

// The brackets of the cell found by shape, in reading order (line by line,
// left to right): each component on a text line whose outer edges bow like
// （ or ）, a blob with a mark giving its outer strips.
std::vector<Candidate> FindCandidates(const CellInk& cell) {
  std::vector<Candidate> found;
  PIXA* pixa_raw = nullptr;
  BoxaPtr boxa(pixConnComp(cell.clean.get(), &pixa_raw, 8));
  PixaPtr pixa(pixa_raw);
  if (!boxa || !pixa) return found;
  int n = boxaGetCount(boxa.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxa.get(), i, &x, &y, &w, &h);
    InkBox box{x + cell.inner.x, y + cell.inner.y, w, h};
    size_t line = 0;
    if (!LineOf(cell, box, &line)) continue;
    PixPtr comp = AdoptPix(pixaGetPix(pixa.get(), i, L_CLONE));
    if (!comp) continue;
    EdgeShapes shapes = ShapesOf(comp.get(), cell.lines[line].h);
    // The bracket's own part of a wider blob.
    int strip = std::min(w, std::max(kBracketStripPixels, kBracketStrip.Of(h)));
    // Both brackets in one blob — (√) — spans more than a glyph.
    if (shapes.open && shapes.close && shapes.merged && kMinBlobPairWidth.Below(w, cell.lines[line].h)) continue;
    int bw = shapes.merged ? strip : w;
    // The bracket's own ink: the whole component, or its strip of a blob.
    l_int32 comp_ink = 0;
    pixCountPixels(comp.get(), &comp_ink, nullptr);
    auto strip_ink = [&](int sx) { return CountInk(comp.get(), sx, 0, sx + bw, h); };
    if (shapes.open)
      found.push_back(Candidate{true, InkBox{box.x, box.y, bw, h}, line, shapes.merged,
                                shapes.merged ? strip_ink(0) : static_cast<int>(comp_ink)});
    if (shapes.close)
      found.push_back(Candidate{false, InkBox{box.x + w - bw, box.y, bw, h}, line, shapes.merged,
                                shapes.merged ? strip_ink(w - bw) : static_cast<int>(comp_ink)});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.line != b.line ? a.line < b.line : a.box.x < b.box.x;
  });
  return found;
}

// What a bracket alone weighs in this cell: the median ink of the brackets
// not merged with a mark, or 0 when there are too few to tell.
int LoneBracketInk(const std::vector<Candidate>& found) {
  std::vector<int> weights;
  for (const Candidate& c : found)
    if (!c.merged) weights.push_back(c.ink);
  if (weights.size() < kMinBracketsToWeigh) return 0;
  std::nth_element(weights.begin(), weights.begin() + weights.size() / 2, weights.end());
  return weights[weights.size() / 2];
}

// Each （ with the ） that follows it on its line, in reading order; the ）
// with no （ to take go to `lone_closes`.
struct Matching {
  std::vector<Match> matches;
  std::vector<const Candidate*> lone_closes;
};

Matching MatchBrackets(const CellInk& cell, const std::vector<Candidate>& found) {
  Matching out;
  const Candidate* open = nullptr;
  for (const Candidate& c : found) {
    if (c.open) {
      open = &c;
      continue;
    }
    if (open == nullptr || open->line != c.line || c.box.x <= open->box.x) {
      out.lone_closes.push_back(&c);
      continue;
    }
    int line_height = cell.lines[c.line].h;
    int gap = c.box.x - (open->box.x + open->box.w);
    if (gap > kMaxPairWidthInLines * line_height) {
      open = nullptr;
      out.lone_closes.push_back(&c);
      continue;
    }
    // A stroke of a glyph that bows like ）, out of line with the （: the
    // real ） may follow.
    if (gap < 0 || !Aligned(open->box, open->merged, c.box, c.merged)) continue;
    out.matches.push_back(Match{open, &c});
    open = nullptr;
  }
  return out;
}

// Makes the pairs of one cell, weighing the ink between their brackets.
struct PairMaker {
  const CellInk& cell;
  int bracket_ink;  // LoneBracketInk of the cell's brackets; 0 when unknown

  // What the bracket of `c` alone would weigh.
  int ReferenceInk(const Candidate& c) const {
    return bracket_ink > 0 ? bracket_ink : ExpectedBracketInk(cell, c.box.h);
  }

  // A bracket carrying a small mark drawn over it (one narrow blob) weighs
  // more than a bracket alone, and the excess is mark.
  int Excess(const Candidate& c) const {
    return c.merged ? 0 : std::max(0, c.ink - kBracketInkWithMark.Of(ReferenceInk(c)));
  }

  BracketPair Make(const InkBox& o, int o_ink, int o_excess, const InkBox& c, int c_ink, int c_excess,
                   int line_height) const {
    BracketPair p;
    p.open = o;
    p.close = c;
    int top = std::min(o.y, c.y), bottom = std::max(o.y + o.h, c.y + c.h);
    p.interior = InkBox{o.x + o.w, top, c.x - (o.x + o.w), bottom - top};
    // All ink from bracket to bracket but the brackets' own: a mark that
    // overlaps a bracket's box still counts.
    int span = CountInk(cell.clean.get(), o.x - cell.inner.x, top - cell.inner.y, c.x + c.w - cell.inner.x,
                        bottom - cell.inner.y);
    p.interior_ink = std::max(0, span - o_ink - c_ink) + o_excess + c_excess;
    p.marked = p.interior_ink >= MarkThreshold(cell, line_height);
    return p;
  }

  BracketPair Make(const Match& m) const {
    return Make(m.open->box, m.open->ink, Excess(*m.open), m.close->box, m.close->ink, Excess(*m.close),
                cell.lines[m.close->line].h);
  }
};

// A ） left alone: its （ merged with a mark into a blob of no bracket
// shape. Where this cell's pairs say the （ should be, a marked span is a
// marked pair; an unmarked one would have been found whole. Appends those
// to `pairs` (not empty).
void AddPairsOfLoneCloses(const PairMaker& maker, const SharedGeometry& shared,
                          const std::vector<const Candidate*>& lone_closes, std::vector<BracketPair>* pairs) {
  const CellInk& cell = maker.cell;
  int span = MedianSpan(*pairs);
  for (const Candidate* c : lone_closes) {
    if (c->merged || !FitsGlyph(shared, *c)) continue;
    InkBox virtual_open{c->box.x + c->box.w - span, c->box.y, c->box.w, c->box.h};
    bool taken = std::any_of(pairs->begin(), pairs->end(), [&](const BracketPair& p) {
      return Overlap(p.open.x, p.close.x + p.close.w, virtual_open.x, c->box.x + c->box.w) > 0 &&
             Overlap(p.open.y, p.open.y + p.open.h, c->box.y, c->box.y + c->box.h) > 0;
    });
    if (taken || virtual_open.x < cell.inner.x) continue;
    int line_height = cell.lines[c->line].h;
    BracketPair p = maker.Make(virtual_open, maker.ReferenceInk(*c), 0, c->box, c->ink, maker.Excess(*c), line_height);
    if (p.marked) pairs->push_back(p);
  }
}

}  // namespace

std::vector<BracketPair> FindBracketPairs(const CellInk& cell) {
  std::vector<BracketPair> pairs;
  if (cell.blank() || !cell.clean || cell.lines.empty()) return pairs;
  const std::vector<Candidate> found = FindCandidates(cell);
  const PairMaker maker{cell, LoneBracketInk(found)};
  Matching matching = MatchBrackets(cell, found);
  SharedGeometry shared = SharedOf(matching.matches);
  for (const Match& m : matching.matches) {
    if (!FitsShared(shared, m)) {
      // Its ） may still be printed, the （ lost in a blob with the mark.
      matching.lone_closes.push_back(m.close);
      continue;
    }
    pairs.push_back(maker.Make(m));
  }
  if (!pairs.empty()) {
    AddPairsOfLoneCloses(maker, shared, matching.lone_closes, &pairs);
    SortInReadingOrder(&pairs);
  }
  return pairs;
}

namespace {

// JudgeCheckboxes on the pairs FindBracketPairs found in the cell.
CheckboxDecision JudgePairs(const CellInk& cell, std::vector<BracketPair> pairs, const OcrResult& ocr,
                            const std::vector<std::string>& options) {
  CheckboxDecision out;
  out.located.assign(options.size(), false);
  if (cell.blank()) {
    out.confidence = kBlankCellConfidence;
    return out;
  }
  for (const BracketPair& q : PairsFromSymbols(cell, ocr)) {
    bool known = std::any_of(pairs.begin(), pairs.end(), [&](const BracketPair& p) {
      return Overlap(p.open.x, p.close.x + p.close.w, q.open.x, q.close.x + q.close.w) > 0 &&
             Overlap(p.open.y, p.open.y + p.open.h, q.open.y, q.open.y + q.open.h) > 0;
    });
    if (!known) pairs.push_back(q);
  }
  SortInReadingOrder(&pairs);
  // Which pair is whose: the printed order when every option has its pair;
  // else the OCR text tells which bracket group follows which option.
  // Besides a pair's index, an option has none, or none and a mark the OCR
  // read inside its brackets.
  constexpr int kNoPair = -1, kMarkedInText = -2;
  std::vector<int> pair_of(options.size(), kNoPair);
  double confidence = kPrintedOrderConfidence;
  if (pairs.size() > options.size()) {
    // Strokes of a broken bold glyph can look like a printed pair at the
    // printed size; the OCR reads a bracket where the real ones are.
    std::vector<BracketPair> read;
    for (const BracketPair& p : pairs)
      if (ReadAsBracket(p, ocr)) read.push_back(p);
    if (read.size() == options.size()) {
      pairs = std::move(read);
      confidence = kReadBracketsConfidence;
    }
  }
  if (pairs.size() == options.size()) {
    for (size_t k = 0; k < options.size(); ++k) pair_of[k] = static_cast<int>(k);
  } else {
    int groups = 0;
    std::vector<int> g = GroupsAfterOptions(ocr.text, options, &groups);
    if (groups == static_cast<int>(pairs.size())) {
      for (size_t k = 0; k < options.size(); ++k) pair_of[k] = g[k];
      confidence = kOcrOrderConfidence;
    }
  }
  bool all = std::all_of(pair_of.begin(), pair_of.end(), [](int p) { return p >= 0; });
  if (!all) {
    // The pixels cannot say: what the OCR read inside the brackets will.
    CheckboxDecision text = MarksFromText(ocr.text, options);
    for (size_t k = 0; k < options.size(); ++k) {
      if (pair_of[k] >= 0) continue;
      out.located[k] = text.located[k];
      if (std::find(text.marked.begin(), text.marked.end(), options[k]) != text.marked.end()) pair_of[k] = kMarkedInText;
    }
    confidence = kOcrMarksConfidence;
  }
  for (size_t k = 0; k < options.size(); ++k) {
    bool marked = pair_of[k] == kMarkedInText;
    if (pair_of[k] >= 0) {
      const BracketPair& p = pairs[pair_of[k]];
      marked = p.marked;
      out.located[k] = true;
      // A pair close to the threshold is a doubtful call.
      int line_height = std::max(p.open.h, p.close.h);
      double margin = std::fabs(p.interior_ink - MarkThreshold(cell, line_height)) /
                      static_cast<double>(MarkThreshold(cell, line_height));
      if (margin < kDoubtfulMargin) confidence *= kDoubtfulFactor;
    }
    if (marked) out.marked.push_back(options[k]);
  }
  out.confidence = confidence;
  return out;
}

}  // namespace

bool PairsShareOneSpan(const std::vector<BracketPair>& pairs) {
  if (pairs.size() < 2) return true;
  const int median = MedianSpan(pairs);
  return std::all_of(pairs.begin(), pairs.end(), [&](const BracketPair& p) { return SameSpan(OuterSpan(p), median); });
}

CheckboxDecision JudgeCheckboxes(const CellInk& cell, const OcrResult& ocr, const std::vector<std::string>& options) {
  return JudgePairs(cell, FindBracketPairs(cell), ocr, options);
}

bool MarksFromPixelsAlone(const CellInk& cell, const std::vector<std::string>& options, CheckboxDecision* out) {
  if (cell.blank() || options.empty()) return false;
  std::vector<BracketPair> pairs = FindBracketPairs(cell);
  if (pairs.size() != options.size()) return false;
  *out = JudgePairs(cell, std::move(pairs), OcrResult{}, options);
  return true;
}

std::string CheckboxGroupText(const std::vector<std::string>& options, const std::vector<std::string>& marked) {
  std::string text;
  for (const std::string& o : options) {
    bool on = std::find(marked.begin(), marked.end(), o) != marked.end();
    text += o + (on ? "（√）" : "（ ）");
  }
  return text;
}

CheckboxDecision MarksFromText(std::string_view text, const std::vector<std::string>& options) {
  static const std::u32string kMarks = U"√✓✔☑■●×✗✘☒";
  auto is_mark = [](char32_t c) { return kMarks.find(c) != std::u32string::npos; };
  auto is_open = [](char32_t c) { return c == U'(' || c == U'（' || c == U'〈' || c == U'['; };
  auto is_close = [](char32_t c) { return c == U')' || c == U'）' || c == U'〉' || c == U']'; };
  CheckboxDecision out;
  out.located.assign(options.size(), false);
  std::u32string t = ToCodepoints(Nfkc(text));
  size_t from = 0;
  bool all_found = true;
  for (size_t k = 0; k < options.size(); ++k) {
    std::u32string opt = ToCodepoints(Nfkc(options[k]));
    size_t n = opt.size(), at = std::u32string::npos;
    int allowed = MisreadsForgiven(n);
    for (int miss_ok = 0; miss_ok <= allowed && at == std::u32string::npos; ++miss_ok) {
      for (size_t i = from; n > 0 && i + n <= t.size(); ++i) {
        int miss = 0;
        for (size_t c = 0; c < n && miss <= miss_ok; ++c) miss += t[i + c] != opt[c];
        if (miss <= miss_ok) {
          at = i;
          break;
        }
      }
    }
    if (at == std::u32string::npos) {
      all_found = false;
      continue;
    }
    out.located[k] = true;
    size_t i = at + n;
    from = i;
    bool marked = false;
    while (i < t.size() && t[i] == U' ') ++i;
    if (i < t.size() && is_open(t[i])) {
      for (++i; i < t.size() && !is_close(t[i]) && !is_open(t[i]); ++i)
        if (t[i] != U' ' && t[i] != U'\u3000') marked = true;
      from = i;
    } else if (i < t.size() && is_mark(t[i])) {
      marked = true;
    }
    // A glyph written before the option: ☑已取得 □正在办理.
    size_t j = at;
    while (j > 0 && t[j - 1] == U' ') --j;
    if (j > 0 && is_mark(t[j - 1])) marked = true;
    if (marked) out.marked.push_back(options[k]);
  }
  out.confidence = all_found ? kTextAllFoundConfidence : kTextSomeMissingConfidence;
  return out;
}

}  // namespace gm::form
