#include "extractors/form/table_grid.h"

#include <algorithm>
#include <memory>

namespace gm::form {
namespace {

// A ruling line: `pos` across it (y of a horizontal one), [lo, hi] along it.
struct Ruling {
  int pos = 0, lo = 0, hi = 0, thick = 0;
  int x = 0, y = 0, w = 0, h = 0;  // the component's box
};

// One grid line: a y (or x) with the union of its ruling pieces.
struct GridLine {
  int pos = 0;
  std::vector<std::pair<int, int>> pieces;
  int Covered(int a, int b) const {  // pixels of [a, b] the pieces cover
    int sum = 0;
    for (auto [lo, hi] : pieces) sum += std::max(0, std::min(hi, b) - std::max(lo, a));
    return sum;
  }
};

std::vector<Ruling> Rulings(PIX* mask, bool horizontal, int min_len) {
  std::vector<Ruling> out;
  BoxaPtr boxa(pixConnComp(mask, nullptr, 8));
  if (!boxa) return out;
  int n = boxaGetCount(boxa.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxa.get(), i, &x, &y, &w, &h);
    Ruling r = horizontal ? Ruling{y + h / 2, x, x + w - 1, h, x, y, w, h} : Ruling{x + w / 2, y, y + h - 1, w, x, y, w, h};
    if (r.hi - r.lo + 1 >= min_len) out.push_back(r);
  }
  return out;
}

// Groups rulings whose positions lie within `tol` into grid lines.
std::vector<GridLine> Cluster(std::vector<Ruling> rulings, int tol) {
  std::sort(rulings.begin(), rulings.end(), [](const Ruling& a, const Ruling& b) { return a.pos < b.pos; });
  std::vector<GridLine> lines;
  long sum = 0;
  int count = 0;
  for (const Ruling& r : rulings) {
    if (lines.empty() || r.pos - lines.back().pos > tol) {
      lines.push_back(GridLine{r.pos, {}});
      sum = 0;
      count = 0;
    }
    GridLine& g = lines.back();
    g.pieces.push_back({r.lo, r.hi});
    sum += r.pos;
    ++count;
    g.pos = static_cast<int>(sum / count);
  }
  return lines;
}

int Median(std::vector<int> v, int fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The mask of the table's own rulings: the pieces of `mask` (horizontal
// or vertical) that lie on one of the grid's lines at `positions`. A long
// run of ink elsewhere — the strokes of a bold heading that touch after a
// blurred scan — is writing, and stays in its cell.
void AddTableRulings(PIX* mask, const std::vector<Ruling>& pieces, const std::vector<int>& positions, int tol,
                     PIX* out) {
  for (const Ruling& r : pieces) {
    bool on_grid = std::any_of(positions.begin(), positions.end(), [&](int p) { return std::abs(r.pos - p) <= tol; });
    if (on_grid) pixRasterop(out, r.x, r.y, r.w, r.h, PIX_SRC | PIX_DST, mask, r.x, r.y);
  }
}

}  // namespace

int RulingLength(int dpi, bool horizontal) {
  dpi = std::clamp(dpi, 50, 1200);
  return horizontal ? std::max(10, dpi * 35 / 100)  // longer than any CJK glyph
                    : std::max(10, dpi * 22 / 100);
}

PixPtr RulingMask(PIX* binary, int dpi, bool horizontal) {
  const int length = RulingLength(dpi, horizontal);
  // A little thickening across the line keeps a slightly skewed ruling in
  // one long run; then only runs of `length` survive the opening; closing
  // bridges gaps left by noise or a faint scan.
  PixPtr thick = AdoptPix(horizontal ? pixDilateBrick(nullptr, binary, 1, 3) : pixDilateBrick(nullptr, binary, 3, 1));
  if (!thick) return nullptr;
  PixPtr open = AdoptPix(horizontal ? pixOpenBrick(nullptr, thick.get(), length, 1)
                                    : pixOpenBrick(nullptr, thick.get(), 1, length));
  if (!open) return nullptr;
  int gap = std::max(3, length / 6);
  return AdoptPix(horizontal ? pixCloseBrick(nullptr, open.get(), gap, 1) : pixCloseBrick(nullptr, open.get(), 1, gap));
}

Status FindTableGrid(PIX* binary, int dpi, TableGrid* out) {
  if (binary == nullptr || pixGetDepth(binary) != 1) return Status::InvalidArgument("表格检测需要二值图像");
  *out = TableGrid();
  dpi = std::clamp(dpi, 50, 1200);
  int width = pixGetWidth(binary), height = pixGetHeight(binary);
  if (width < 16 || height < 16) return Status::OK();
  const int tol = std::max(4, dpi / 20);          // grid lines closer than this are one
  const int min_row = std::max(8, dpi * 16 / 100);  // ~4 mm: no row of text is lower
  const int min_col = std::max(8, dpi / 4);         // ~6 mm: no cell is narrower
  const int h_len = RulingLength(dpi, true);
  const int v_len = RulingLength(dpi, false);

  PixPtr hmask = RulingMask(binary, dpi, true);
  PixPtr vmask = RulingMask(binary, dpi, false);
  if (!hmask || !vmask) return Status::Internal("表格线检测失败");
  std::vector<Ruling> hr = Rulings(hmask.get(), true, h_len);
  std::vector<Ruling> all_v = Rulings(vmask.get(), false, v_len);
  if (hr.empty() || all_v.size() < 2) return Status::OK();

  // A vertical ruling of the table meets horizontal ones at its ends. A
  // glyph's stroke (a big bold title) or the paper's edge does not; a
  // ruling cut by the page break may leave one end free if it is long.
  auto meets_horizontal = [&](int x, int y) {
    for (const Ruling& h : hr)
      if (std::abs(h.pos - y) <= 2 * tol && h.lo - tol <= x && x <= h.hi + tol) return true;
    return false;
  };
  std::vector<Ruling> vr;
  for (const Ruling& v : all_v) {
    bool top = meets_horizontal(v.pos, v.lo), bottom = meets_horizontal(v.pos, v.hi);
    bool long_one = v.hi - v.lo >= dpi / 2;
    if ((top && bottom) || ((top || bottom) && long_one)) vr.push_back(v);
  }
  if (vr.size() < 2) return Status::OK();

  // A horizontal ruling is a table line only if it reaches a vertical ruling
  // at both ends (an underline inside a cell or beside the title does not).
  auto near_vertical = [&](int x, int y) {
    for (const Ruling& v : vr)
      if (std::abs(v.pos - x) <= 2 * tol && v.lo - tol <= y && y <= v.hi + tol) return true;
    return false;
  };
  std::vector<Ruling> table_h;
  std::vector<int> thickness;
  for (const Ruling& h : hr) {
    if (near_vertical(h.lo, h.pos) && near_vertical(h.hi, h.pos)) {
      table_h.push_back(h);
      thickness.push_back(h.thick);
    }
  }
  std::vector<GridLine> ys = Cluster(table_h, tol);
  if (ys.empty()) return Status::OK();
  out->line_width = std::clamp(Median(thickness, 3) - 2, 1, dpi / 20);  // minus the dilation

  // A table cut by the page: its vertical rulings run past the first or last
  // horizontal one.
  int first = ys.front().pos, last = ys.back().pos;
  int v_top = first, v_bottom = last;
  for (const Ruling& v : vr) {
    if (v.lo <= last + tol && v.hi >= first - tol) {
      v_top = std::min(v_top, v.lo);
      v_bottom = std::max(v_bottom, v.hi);
    }
  }
  if (v_bottom - last >= min_row) {
    ys.push_back(GridLine{v_bottom, {}});
    out->cut_at_bottom = true;
  }
  if (first - v_top >= min_row) {
    ys.insert(ys.begin(), GridLine{v_top, {}});
    out->cut_at_top = true;
  }

  // Row bands, each split by the vertical rulings that cross it.
  struct Open { size_t row, cell; int x0, x1; };
  std::vector<Open> above;  // cells of the previous band, for vertical merges
  int left = width, right = 0;
  for (size_t i = 0; i + 1 < ys.size(); ++i) {
    int y0 = ys[i].pos, y1 = ys[i + 1].pos;
    if (y1 - y0 < min_row) continue;
    int slack = (y1 - y0) / 6 + tol;
    std::vector<Ruling> crossing;
    auto within = [&](const GridLine& g, int x) {
      if (g.pieces.empty()) return true;  // a line added for a cut table
      for (auto [lo, hi] : g.pieces)
        if (lo - tol <= x && x <= hi + tol) return true;
      return false;
    };
    for (const Ruling& v : vr)
      if (v.lo <= y0 + slack && v.hi >= y1 - slack && (within(ys[i], v.pos) || within(ys[i + 1], v.pos)))
        crossing.push_back(v);
    std::vector<GridLine> xs = Cluster(crossing, tol);
    if (xs.size() < 2) {
      above.clear();
      continue;
    }
    GridRow row{y0, y1 - y0, {}};
    std::vector<Open> current;
    for (size_t k = 0; k + 1 < xs.size(); ++k) {
      int x0 = xs[k].pos, x1 = xs[k + 1].pos;
      if (x1 - x0 < min_col) continue;
      int inner0 = x0 + tol, inner1 = x1 - tol;
      bool top_ruled = inner1 <= inner0 || ys[i].Covered(inner0, inner1) * 2 >= inner1 - inner0;
      if (!top_ruled) {
        auto it = std::find_if(above.begin(), above.end(), [&](const Open& o) {
          return std::abs(o.x0 - x0) <= tol && std::abs(o.x1 - x1) <= tol;
        });
        if (it != above.end()) {
          CellBox& merged = out->rows[it->row].cells[it->cell];
          merged.h = y1 - merged.y;
          merged.rows += 1;
          current.push_back(*it);
          continue;
        }
      }
      row.cells.push_back(CellBox{x0, y0, x1 - x0, y1 - y0, 1});
      current.push_back(Open{out->rows.size(), row.cells.size() - 1, x0, x1});
    }
    left = std::min(left, xs.front().pos);
    right = std::max(right, xs.back().pos);
    out->rows.push_back(std::move(row));
    above = std::move(current);
  }
  // Rows whose cells all merged into the row above carry nothing of their own.
  out->rows.erase(std::remove_if(out->rows.begin(), out->rows.end(), [](const GridRow& r) { return r.cells.empty(); }),
                  out->rows.end());
  if (out->rows.empty()) {
    out->cut_at_top = out->cut_at_bottom = false;
    return Status::OK();
  }
  // What WithoutRulings takes out: the rulings on the grid's lines only.
  out->rulings = AdoptPix(pixCreateTemplate(hmask.get()));
  if (!out->rulings) return Status::Internal("表格线检测失败");
  std::vector<int> row_lines, column_lines;
  for (const GridLine& g : ys) row_lines.push_back(g.pos);
  for (const Ruling& v : vr) column_lines.push_back(v.pos);
  AddTableRulings(hmask.get(), hr, row_lines, 2 * tol, out->rulings.get());
  AddTableRulings(vmask.get(), all_v, column_lines, 2 * tol, out->rulings.get());
  out->left = left;
  out->right = right;
  out->top = out->rows.front().y;
  const GridRow& bottom_row = out->rows.back();
  out->bottom = bottom_row.y + bottom_row.h;
  for (const GridRow& r : out->rows)
    for (const CellBox& c : r.cells) out->bottom = std::max(out->bottom, c.y + c.h);
  return Status::OK();
}

PixPtr WithoutRulings(PIX* binary, const TableGrid& grid) {
  if (!grid.rulings || pixGetWidth(grid.rulings.get()) != pixGetWidth(binary) ||
      pixGetHeight(grid.rulings.get()) != pixGetHeight(binary))
    return AdoptPix(pixCopy(nullptr, binary));
  PixPtr wide = AdoptPix(pixDilateBrick(nullptr, grid.rulings.get(), 3, 3));
  if (!wide) return nullptr;
  return AdoptPix(pixSubtract(nullptr, binary, wide.get()));
}

}  // namespace gm::form
