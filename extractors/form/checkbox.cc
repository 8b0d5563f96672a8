#include "extractors/form/checkbox.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

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
  int max_jump = std::max(2, h / 8);
  for (int y = h / 10; y + 1 < h - h / 10; ++y) {
    if (edge[y] < 0 || edge[y + 1] < 0) return false;
    if (std::abs(edge[y + 1] - edge[y]) > max_jump) return false;
  }
  // The tips against the furthest point of the middle.
  int tip = std::max(1, h / 8);
  double top = BandMedian(edge, h / 10, h / 10 + tip), bottom = BandMedian(edge, h - h / 10 - tip, h - h / 10);
  double mid = -1;
  for (int y = h * 35 / 100; y <= h * 65 / 100 && y < h; ++y)
    if (edge[y] >= 0) mid = mid < 0 ? edge[y] : (sign < 0 ? std::min<double>(mid, edge[y]) : std::max<double>(mid, edge[y]));
  if (top < 0 || mid < 0 || bottom < 0) return false;
  double bulge = sign * (mid - (top + bottom) / 2);
  return bulge >= std::max(1.5, 0.06 * h) && std::fabs(top - bottom) <= std::max(2.0, 0.15 * h) + bulge / 2;
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
  if (h * 100 < line_height * 55 || h < 8) return out;
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
  if (w * 2 <= h) {
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
  int sw = std::max(1, cell.stroke_width);
  return std::max(3 * sw * sw, static_cast<int>(0.3 * line_height * sw));
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
      if (p.interior.w > 0 && p.interior.w < 8 * line_height) {
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
    int allowed = n >= 3 ? 1 : 0;
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
  int tolerance = std::max(2, std::max(o.h, c.h) / 6);
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

bool SameHeight(int a, int b) { return a == 0 || b == 0 || std::abs(a - b) <= std::max(2, std::max(a, b) * 12 / 100); }

bool SameSpan(int a, int b) { return std::abs(a - b) <= std::max(3, std::max(a, b) / 10); }

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
  if (best_votes < 2) return out;
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
  int slack = std::max(1, g.max_width / 8);
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
    int slack = std::max(2, b.h / 8);
    return Overlap(int(s.box.x), int(s.box.x + s.box.w), b.x - slack, b.x + b.w + slack) > 0 &&
           Overlap(int(s.box.y), int(s.box.y + s.box.h), b.y, b.y + b.h) * 2 >= b.h;
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

}  // namespace

std::vector<BracketPair> FindBracketPairs(const CellInk& cell) {
  std::vector<BracketPair> pairs;
  if (cell.blank() || !cell.clean || cell.lines.empty()) return pairs;
  PIX* crop = cell.clean.get();
  PIXA* pixa_raw = nullptr;
  BoxaPtr boxa(pixConnComp(crop, &pixa_raw, 8));
  PixaPtr pixa(pixa_raw);
  if (!boxa || !pixa) return pairs;
  std::vector<Candidate> found;
  int n = boxaGetCount(boxa.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxa.get(), i, &x, &y, &w, &h);
    InkBox box{x + cell.inner.x, y + cell.inner.y, w, h};
    size_t best_line = 0;
    int best_overlap = 0;
    for (size_t l = 0; l < cell.lines.size(); ++l) {
      int o = Overlap(box.y, box.y + box.h, cell.lines[l].y, cell.lines[l].y + cell.lines[l].h);
      if (o > best_overlap) {
        best_overlap = o;
        best_line = l;
      }
    }
    if (best_overlap == 0) continue;
    PixPtr comp = AdoptPix(pixaGetPix(pixa.get(), i, L_CLONE));
    if (!comp) continue;
    EdgeShapes shapes = ShapesOf(comp.get(), cell.lines[best_line].h);
    // The bracket's own part of a wider blob: its outer third of a line height.
    int strip = std::min(w, std::max(2, h * 35 / 100));
    // Both brackets in one blob — (√) — spans more than a glyph: a glyph or
    // a digit bowed on both sides (得, 0) does not.
    if (shapes.open && shapes.close && shapes.merged && w * 100 < cell.lines[best_line].h * 115) continue;
    int bw = shapes.merged ? strip : w;
    // The bracket's own ink: the whole component, or its strip of a blob.
    l_int32 comp_ink = 0;
    pixCountPixels(comp.get(), &comp_ink, nullptr);
    auto strip_ink = [&](int sx) { return CountInk(comp.get(), sx, 0, sx + bw, h); };
    if (shapes.open)
      found.push_back(Candidate{true, InkBox{box.x, box.y, bw, h}, best_line, shapes.merged,
                                shapes.merged ? strip_ink(0) : static_cast<int>(comp_ink)});
    if (shapes.close)
      found.push_back(Candidate{false, InkBox{box.x + w - bw, box.y, bw, h}, best_line, shapes.merged,
                                shapes.merged ? strip_ink(w - bw) : static_cast<int>(comp_ink)});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.line != b.line ? a.line < b.line : a.box.x < b.box.x;
  });
  // What a bracket alone weighs in this cell: a bracket carrying a small
  // mark drawn over it (one narrow blob) weighs more, and the excess is mark.
  std::vector<int> weights;
  for (const Candidate& c : found)
    if (!c.merged) weights.push_back(c.ink);
  int bracket_ink = 0;
  if (weights.size() >= 3) {
    std::nth_element(weights.begin(), weights.begin() + weights.size() / 2, weights.end());
    bracket_ink = weights[weights.size() / 2];
  }
  auto excess = [&](const Candidate& c) {
    int reference = bracket_ink > 0 ? bracket_ink : static_cast<int>(1.15 * c.box.h * std::max(1, cell.stroke_width));
    return c.merged ? 0 : std::max(0, c.ink - reference * 13 / 10);
  };
  auto make_pair = [&](const InkBox& o, int o_ink, int o_excess, const InkBox& c, int c_ink, int c_excess,
                       int line_height) {
    BracketPair p;
    p.open = o;
    p.close = c;
    int top = std::min(o.y, c.y), bottom = std::max(o.y + o.h, c.y + c.h);
    p.interior = InkBox{o.x + o.w, top, c.x - (o.x + o.w), bottom - top};
    // All ink from bracket to bracket but the brackets' own: a mark that
    // overlaps a bracket's box still counts.
    int span = CountInk(crop, o.x - cell.inner.x, top - cell.inner.y, c.x + c.w - cell.inner.x, bottom - cell.inner.y);
    p.interior_ink = std::max(0, span - o_ink - c_ink) + o_excess + c_excess;
    p.marked = p.interior_ink >= MarkThreshold(cell, line_height);
    return p;
  };
  const Candidate* open = nullptr;
  std::vector<const Candidate*> lone_closes;
  std::vector<Match> matches;
  for (const Candidate& c : found) {
    if (c.open) {
      open = &c;
      continue;
    }
    if (open == nullptr || open->line != c.line || c.box.x <= open->box.x) {
      lone_closes.push_back(&c);
      continue;
    }
    int line_height = cell.lines[c.line].h;
    int gap = c.box.x - (open->box.x + open->box.w);
    if (gap > 8 * line_height) {
      open = nullptr;
      lone_closes.push_back(&c);
      continue;
    }
    // A stroke of a glyph that bows like ）, out of line with the （: the
    // real ） may follow.
    if (gap < 0 || !Aligned(open->box, open->merged, c.box, c.merged)) continue;
    matches.push_back(Match{open, &c});
    open = nullptr;
  }
  SharedGeometry shared = SharedOf(matches);
  for (const Match& m : matches) {
    if (!FitsShared(shared, m)) {
      // Its ） may still be printed, the （ lost in a blob with the mark.
      lone_closes.push_back(m.close);
      continue;
    }
    int line_height = cell.lines[m.close->line].h;
    pairs.push_back(make_pair(m.open->box, m.open->ink, excess(*m.open), m.close->box, m.close->ink, excess(*m.close),
                              line_height));
  }
  // A ） left alone: its （ merged with a mark into a blob of no bracket
  // shape. Where this cell's pairs say the （ should be, a marked span is a
  // marked pair; an unmarked one would have been found whole.
  if (!pairs.empty()) {
    std::vector<int> spans;
    for (const BracketPair& p : pairs) spans.push_back(p.close.x + p.close.w - p.open.x);
    std::nth_element(spans.begin(), spans.begin() + spans.size() / 2, spans.end());
    int span = spans[spans.size() / 2];
    int reference = bracket_ink > 0 ? bracket_ink : 0;
    for (const Candidate* c : lone_closes) {
      if (c->merged || !FitsGlyph(shared, *c)) continue;
      InkBox virtual_open{c->box.x + c->box.w - span, c->box.y, c->box.w, c->box.h};
      bool taken = std::any_of(pairs.begin(), pairs.end(), [&](const BracketPair& p) {
        return Overlap(p.open.x, p.close.x + p.close.w, virtual_open.x, c->box.x + c->box.w) > 0 &&
               Overlap(p.open.y, p.open.y + p.open.h, c->box.y, c->box.y + c->box.h) > 0;
      });
      if (taken || virtual_open.x < cell.inner.x) continue;
      int line_height = cell.lines[c->line].h;
      int ref = reference > 0 ? reference : static_cast<int>(1.15 * c->box.h * std::max(1, cell.stroke_width));
      BracketPair p = make_pair(virtual_open, ref, 0, c->box, c->ink, excess(*c), line_height);
      if (p.marked) pairs.push_back(p);
    }
    std::sort(pairs.begin(), pairs.end(), [](const BracketPair& a, const BracketPair& b) {
      bool same_line = Overlap(a.open.y, a.open.y + a.open.h, b.open.y, b.open.y + b.open.h) * 2 >=
                       std::min(a.open.h, b.open.h);
      return same_line ? a.open.x < b.open.x : a.open.y < b.open.y;
    });
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
    out.confidence = 0.9;  // an empty cell: surely nothing marked
    return out;
  }
  for (const BracketPair& q : PairsFromSymbols(cell, ocr)) {
    bool known = std::any_of(pairs.begin(), pairs.end(), [&](const BracketPair& p) {
      return Overlap(p.open.x, p.close.x + p.close.w, q.open.x, q.close.x + q.close.w) > 0 &&
             Overlap(p.open.y, p.open.y + p.open.h, q.open.y, q.open.y + q.open.h) > 0;
    });
    if (!known) pairs.push_back(q);
  }
  std::sort(pairs.begin(), pairs.end(), [](const BracketPair& a, const BracketPair& b) {
    bool same_line = Overlap(a.open.y, a.open.y + a.open.h, b.open.y, b.open.y + b.open.h) * 2 >= std::min(a.open.h, b.open.h);
    return same_line ? a.open.x < b.open.x : a.open.y < b.open.y;
  });
  // Which pair is whose: the printed order when every option has its pair;
  // else the OCR text tells which bracket group follows which option.
  std::vector<int> pair_of(options.size(), -1);
  double confidence = 0.97;
  if (pairs.size() > options.size()) {
    // Strokes of a broken bold glyph can look like a printed pair at the
    // printed size; the OCR reads a bracket where the real ones are.
    std::vector<BracketPair> read;
    for (const BracketPair& p : pairs)
      if (ReadAsBracket(p, ocr)) read.push_back(p);
    if (read.size() == options.size()) {
      pairs = std::move(read);
      confidence = 0.9;
    }
  }
  if (pairs.size() == options.size()) {
    for (size_t k = 0; k < options.size(); ++k) pair_of[k] = static_cast<int>(k);
  } else {
    int groups = 0;
    std::vector<int> g = GroupsAfterOptions(ocr.text, options, &groups);
    if (groups == static_cast<int>(pairs.size())) {
      for (size_t k = 0; k < options.size(); ++k) pair_of[k] = g[k];
      confidence = 0.85;
    }
  }
  bool all = std::all_of(pair_of.begin(), pair_of.end(), [](int p) { return p >= 0; });
  if (!all) {
    // The pixels cannot say: what the OCR read inside the brackets will.
    CheckboxDecision text = MarksFromText(ocr.text, options);
    for (size_t k = 0; k < options.size(); ++k) {
      if (pair_of[k] >= 0) continue;
      out.located[k] = text.located[k];
      if (std::find(text.marked.begin(), text.marked.end(), options[k]) != text.marked.end()) pair_of[k] = -2;
    }
    confidence = 0.5;
  }
  for (size_t k = 0; k < options.size(); ++k) {
    bool marked = pair_of[k] == -2;
    if (pair_of[k] >= 0) {
      const BracketPair& p = pairs[pair_of[k]];
      marked = p.marked;
      out.located[k] = true;
      // A pair close to the threshold is a doubtful call.
      int line_height = std::max(p.open.h, p.close.h);
      double margin = std::fabs(p.interior_ink - MarkThreshold(cell, line_height)) /
                      static_cast<double>(MarkThreshold(cell, line_height));
      if (margin < 0.5) confidence *= 0.8;
    }
    if (marked) out.marked.push_back(options[k]);
  }
  out.confidence = confidence;
  return out;
}

}  // namespace

bool PairsShareOneSpan(const std::vector<BracketPair>& pairs) {
  if (pairs.size() < 2) return true;
  std::vector<int> spans;
  for (const BracketPair& p : pairs) spans.push_back(p.close.x + p.close.w - p.open.x);
  std::vector<int> sorted = spans;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const int median = sorted[sorted.size() / 2];
  return std::all_of(spans.begin(), spans.end(), [&](int s) { return SameSpan(s, median); });
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
    int allowed = n >= 3 ? 1 : 0;
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
  out.confidence = all_found ? 1.0 : 0.6;
  return out;
}

}  // namespace gm::form
