#include "extractors/form/checkbox.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
struct PixaDeleter {
  void operator()(PIXA* p) const { pixaDestroy(&p); }
};

enum class Shape { kOther, kOpen, kClose };

int Overlap(int a0, int a1, int b0, int b1) { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

// Mean x of the black pixels of rows [y0, y1) of a component; -1 if none.
double MeanX(PIX* comp, int y0, int y1) {
  int w = pixGetWidth(comp), wpl = pixGetWpl(comp);
  const l_uint32* data = pixGetData(comp);
  double sum = 0;
  int n = 0;
  for (int y = y0; y < y1; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x)
      if (GET_DATA_BIT(line, x)) {
        sum += x;
        ++n;
      }
  }
  return n ? sum / n : -1;
}

// A bracket is tall, narrow and bowed: its middle lies left of its ends for
// （, right of them for ）.
Shape ShapeOf(PIX* comp, int line_height) {
  int w = pixGetWidth(comp), h = pixGetHeight(comp);
  if (h * 100 < line_height * 55 || w * 2 > h || h < 8) return Shape::kOther;
  double top = MeanX(comp, 0, std::max(1, h / 5));
  double mid = MeanX(comp, h * 2 / 5, std::max(h * 2 / 5 + 1, h * 3 / 5));
  double bottom = MeanX(comp, h - std::max(1, h / 5), h);
  if (top < 0 || mid < 0 || bottom < 0) return Shape::kOther;
  double ends = (top + bottom) / 2, bulge = ends - mid;
  double min_bulge = std::max(1.5, 0.05 * h);
  if (std::fabs(top - bottom) > std::max(2.0, 0.12 * h) + std::fabs(bulge) / 2) return Shape::kOther;
  if (bulge >= min_bulge) return Shape::kOpen;
  if (-bulge >= min_bulge) return Shape::kClose;
  return Shape::kOther;
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
  return std::max(4 * sw * sw, static_cast<int>(0.4 * line_height * sw));
}

struct Glyph {
  char32_t c;
  InkBox box;
  int line;
};

// Finds `option` in the OCR's ideographs starting at `from`; returns the
// index of its first glyph or -1. One misread character is forgiven in
// options of three or more.
int FindOption(const std::vector<Glyph>& glyphs, const std::u32string& option, size_t from, const std::vector<bool>& used) {
  size_t n = option.size();
  if (n == 0 || glyphs.size() < n) return -1;
  int allowed = n >= 3 ? 1 : 0;
  int best = -1, best_miss = allowed + 1;
  for (size_t pass = 0; pass < 2 && best < 0; ++pass) {
    size_t start = pass == 0 ? from : 0;
    for (size_t i = start; i + n <= glyphs.size(); ++i) {
      int miss = 0;
      bool free = true;
      for (size_t k = 0; k < n; ++k) {
        if (glyphs[i + k].c != option[k]) ++miss;
        if (used[i + k]) free = false;
      }
      // The first and last characters anchor the position: both must match
      // when a character is forgiven.
      if (miss && (glyphs[i].c != option[0] && glyphs[i + n - 1].c != option[n - 1])) continue;
      if (free && miss < best_miss) {
        best = static_cast<int>(i);
        best_miss = miss;
        if (miss == 0) break;
      }
    }
  }
  return best;
}

// The slot after a label when no bracket pair was found there (a mark that
// touches both brackets makes one blob of them): the slot's ink, less what
// an empty pair of brackets holds, is the mark.
bool SlotMarked(const CellInk& cell, const InkBox& slot, int line_height, int empty_pair_ink, double* margin) {
  PIX* crop = cell.clean.get();
  int ink = CountInk(crop, slot.x - cell.inner.x, slot.y - cell.inner.y, slot.x + slot.w - cell.inner.x,
                     slot.y + slot.h - cell.inner.y);
  int threshold = MarkThreshold(cell, line_height);
  int inside = ink - empty_pair_ink;
  *margin = std::fabs(static_cast<double>(inside - threshold)) / threshold;
  return inside >= threshold;
}

// Pairs from the OCR's own bracket symbols: where a mark merged a bracket
// into a blob the shapes miss, the OCR often still reads "(" and ")".
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
      top -= line_height / 4;
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

}  // namespace

std::vector<BracketPair> FindBracketPairs(const CellInk& cell) {
  std::vector<BracketPair> pairs;
  if (cell.blank() || !cell.clean || cell.lines.empty()) return pairs;
  PIX* crop = cell.clean.get();
  PIXA* pixa_raw = nullptr;
  std::unique_ptr<BOXA, BoxaDeleter> boxa(pixConnComp(crop, &pixa_raw, 8));
  std::unique_ptr<PIXA, PixaDeleter> pixa(pixa_raw);
  if (!boxa || !pixa) return pairs;
  struct Candidate { Shape shape; InkBox box; size_t line; };
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
    Shape shape = ShapeOf(comp.get(), cell.lines[best_line].h);
    if (shape != Shape::kOther) found.push_back(Candidate{shape, box, best_line});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.line != b.line ? a.line < b.line : a.box.x < b.box.x;
  });
  const Candidate* open = nullptr;
  for (const Candidate& c : found) {
    if (c.shape == Shape::kOpen) {
      open = &c;
      continue;
    }
    if (open == nullptr || open->line != c.line) continue;
    int line_height = cell.lines[c.line].h;
    if (c.box.x - (open->box.x + open->box.w) > 8 * line_height) {
      open = nullptr;
      continue;
    }
    BracketPair p;
    p.open = open->box;
    p.close = c.box;
    int top = std::min(open->box.y, c.box.y), bottom = std::max(open->box.y + open->box.h, c.box.y + c.box.h);
    top -= (bottom - top) / 4;  // a tick overshoots above the line
    p.interior = InkBox{open->box.x + open->box.w, top, c.box.x - (open->box.x + open->box.w), bottom - top};
    p.interior_ink = CountInk(crop, p.interior.x - cell.inner.x, p.interior.y - cell.inner.y,
                              p.interior.x + p.interior.w - cell.inner.x, bottom - cell.inner.y);
    p.marked = p.interior_ink >= MarkThreshold(cell, line_height);
    pairs.push_back(p);
    open = nullptr;
  }
  return pairs;
}

CheckboxDecision JudgeCheckboxes(const CellInk& cell, const OcrResult& ocr, const std::vector<std::string>& options) {
  CheckboxDecision out;
  out.located.assign(options.size(), false);
  if (cell.blank()) {
    out.confidence = 0.9;  // an empty cell: surely nothing marked
    return out;
  }
  std::vector<BracketPair> pairs = FindBracketPairs(cell);
  // What an empty pair's brackets weigh, from the empty pairs of this cell.
  int empty_pair_ink = 0, empties = 0;
  for (const BracketPair& p : pairs) {
    if (p.marked) continue;
    empty_pair_ink += CountInk(cell.clean.get(), p.open.x - cell.inner.x, p.open.y - cell.inner.y,
                               p.open.x + p.open.w - cell.inner.x, p.open.y + p.open.h - cell.inner.y);
    empty_pair_ink += CountInk(cell.clean.get(), p.close.x - cell.inner.x, p.close.y - cell.inner.y,
                               p.close.x + p.close.w - cell.inner.x, p.close.y + p.close.h - cell.inner.y);
    ++empties;
  }
  if (empties) {
    empty_pair_ink /= empties;
  } else {
    empty_pair_ink = static_cast<int>(2 * 0.9 * cell.LineHeight() * std::max(1, cell.stroke_width));
  }
  for (const BracketPair& q : PairsFromSymbols(cell, ocr)) {
    bool known = std::any_of(pairs.begin(), pairs.end(), [&](const BracketPair& p) {
      return Overlap(p.open.x, p.close.x + p.close.w, q.open.x, q.close.x + q.close.w) > 0 &&
             Overlap(p.open.y, p.open.y + p.open.h, q.open.y, q.open.y + q.open.h) > 0;
    });
    if (!known) pairs.push_back(q);
  }
  std::sort(pairs.begin(), pairs.end(), [&](const BracketPair& a, const BracketPair& b) {
    bool same_line = Overlap(a.open.y, a.open.y + a.open.h, b.open.y, b.open.y + b.open.h) * 2 >= std::min(a.open.h, b.open.h);
    return same_line ? a.open.x < b.open.x : a.open.y < b.open.y;
  });
  std::vector<Glyph> glyphs;
  for (const OcrWord& s : ocr.symbols) {
    std::u32string cps = ToCodepoints(Nfkc(s.text));
    for (char32_t c : cps)
      if (IsIdeograph(c))
        glyphs.push_back(Glyph{c, InkBox{int(s.box.x), int(s.box.y), int(s.box.w), int(s.box.h)}, s.line});
  }
  std::vector<bool> glyph_used(glyphs.size(), false), pair_used(pairs.size(), false);
  std::vector<int> pair_of(options.size(), -1);
  std::vector<InkBox> label_box(options.size());
  std::vector<bool> label_found(options.size(), false);
  size_t from = 0;
  for (size_t k = 0; k < options.size(); ++k) {
    std::u32string opt = ToCodepoints(options[k]);
    int at = FindOption(glyphs, opt, from, glyph_used);
    if (at < 0) continue;
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = 0, y1 = 0;
    for (size_t i = at; i < at + opt.size(); ++i) {
      glyph_used[i] = true;
      x0 = std::min(x0, glyphs[i].box.x);
      y0 = std::min(y0, glyphs[i].box.y);
      x1 = std::max(x1, glyphs[i].box.x + glyphs[i].box.w);
      y1 = std::max(y1, glyphs[i].box.y + glyphs[i].box.h);
    }
    label_box[k] = InkBox{x0, y0, x1 - x0, y1 - y0};
    label_found[k] = true;
    from = at + opt.size();
  }
  double confidence = 0.97;
  std::vector<bool> marked(options.size(), false);
  // Located labels: the pair right after the label, or else the slot.
  for (size_t k = 0; k < options.size(); ++k) {
    if (!label_found[k]) continue;
    const InkBox& lb = label_box[k];
    int line_height = std::max(lb.h, 8);
    int best = -1;
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (pair_used[p]) continue;
      const BracketPair& bp = pairs[p];
      int gap = bp.open.x - (lb.x + lb.w);
      bool same_line = Overlap(bp.open.y, bp.open.y + bp.open.h, lb.y, lb.y + lb.h) * 2 >= std::min(bp.open.h, lb.h);
      if (same_line && gap >= -line_height / 3 && gap <= 2 * line_height &&
          (best < 0 || bp.open.x < pairs[best].open.x))
        best = static_cast<int>(p);
    }
    if (best >= 0) {
      pair_used[best] = true;
      pair_of[k] = best;
      marked[k] = pairs[best].marked;
      out.located[k] = true;
      continue;
    }
    // Slot: the width of a bracket pair after the label, short of the next
    // label or the next pair.
    int x1 = std::min(cell.inner.x + cell.inner.w, lb.x + lb.w + 1 + line_height * 26 / 10);
    for (size_t j = 0; j < options.size(); ++j) {
      if (j == k || !label_found[j]) continue;
      const InkBox& nb = label_box[j];
      bool same_line = Overlap(nb.y, nb.y + nb.h, lb.y, lb.y + lb.h) * 2 >= std::min(nb.h, lb.h);
      if (same_line && nb.x > lb.x + lb.w) x1 = std::min(x1, nb.x);
    }
    for (size_t p = 0; p < pairs.size(); ++p) {
      const BracketPair& bp = pairs[p];
      bool same_line = Overlap(bp.open.y, bp.open.y + bp.open.h, lb.y, lb.y + lb.h) * 2 >= std::min(bp.open.h, lb.h);
      if (!pair_used[p] && same_line && bp.open.x > lb.x + lb.w + line_height / 2) x1 = std::min(x1, bp.open.x);
    }
    double margin = 0;
    int pad = lb.h / 3;
    InkBox slot{lb.x + lb.w + 1, lb.y - pad, x1 - (lb.x + lb.w + 1), lb.h + 2 * pad};
    marked[k] = slot.w > 0 && SlotMarked(cell, slot, lb.h, empty_pair_ink, &margin);
    out.located[k] = true;
    confidence *= margin < 0.5 ? 0.75 : 0.9;
  }
  // Labels the OCR lost: the unused pairs in reading order, between the
  // pairs of their located neighbours.
  for (size_t k = 0; k < options.size(); ++k) {
    if (out.located[k]) continue;
    int lo = -1, hi = static_cast<int>(pairs.size());
    for (size_t j = 0; j < k; ++j)
      if (pair_of[j] >= 0) lo = std::max(lo, pair_of[j]);
    for (size_t j = k + 1; j < options.size(); ++j)
      if (pair_of[j] >= 0) hi = std::min(hi, pair_of[j]);
    std::vector<int> free;
    for (int p = lo + 1; p < hi; ++p)
      if (!pair_used[p]) free.push_back(p);
    size_t lost_between = 0;  // lost options competing for the same pairs
    for (size_t j = 0; j < options.size(); ++j) {
      if (out.located[j] && j != k) continue;
      int jlo = -1, jhi = static_cast<int>(pairs.size());
      for (size_t i = 0; i < j; ++i)
        if (pair_of[i] >= 0) jlo = std::max(jlo, pair_of[i]);
      for (size_t i = j + 1; i < options.size(); ++i)
        if (pair_of[i] >= 0) jhi = std::min(jhi, pair_of[i]);
      if (jlo == lo && jhi == hi) ++lost_between;
    }
    if (free.size() != lost_between || free.empty()) {
      confidence *= 0.5;
      continue;
    }
    // The k-th lost option in this gap takes the k-th free pair.
    size_t rank = 0;
    for (size_t j = 0; j < k; ++j) {
      if (out.located[j]) continue;
      int jlo = -1;
      for (size_t i = 0; i < j; ++i)
        if (pair_of[i] >= 0) jlo = std::max(jlo, pair_of[i]);
      if (jlo == lo) ++rank;
    }
    if (rank >= free.size()) {
      confidence *= 0.5;
      continue;
    }
    int p = free[rank];
    pair_used[p] = true;
    pair_of[k] = p;
    marked[k] = pairs[p].marked;
    out.located[k] = true;
    confidence *= 0.9;
  }
  for (size_t k = 0; k < options.size(); ++k)
    if (marked[k]) out.marked.push_back(options[k]);
  out.confidence = confidence;
  return out;
}

}  // namespace gm::form
