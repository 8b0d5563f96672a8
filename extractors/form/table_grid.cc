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

// The sizes a grid is judged by at one resolution.
struct GridScale {
  int tol = 0;      // grid lines closer than this are one
  int min_row = 0;  // ~4 mm: no row of text is lower
  int min_col = 0;  // ~6 mm: no cell is narrower
};

GridScale ScaleAt(int dpi) { return GridScale{std::max(4, dpi / 20), std::max(8, dpi * 16 / 100), std::max(8, dpi / 4)}; }

// Whether the point `along` a ruling's direction and `across` it lies on one
// of `rulings`: within two tolerances across it and one past its ends.
bool OnAnyRuling(const std::vector<Ruling>& rulings, int along, int across, int tol) {
  for (const Ruling& r : rulings)
    if (std::abs(r.pos - across) <= 2 * tol && r.lo - tol <= along && along <= r.hi + tol) return true;
  return false;
}

// A vertical ruling of the table meets horizontal ones at its ends. A
// glyph's stroke (a big bold title) or the paper's edge does not; a ruling
// cut by the page break may leave one end free if it is long.
std::vector<Ruling> TableVerticals(const std::vector<Ruling>& all_v, const std::vector<Ruling>& hr, int tol, int dpi) {
  std::vector<Ruling> vr;
  for (const Ruling& v : all_v) {
    bool top = OnAnyRuling(hr, v.pos, v.lo, tol), bottom = OnAnyRuling(hr, v.pos, v.hi, tol);
    bool long_one = v.hi - v.lo >= dpi / 2;
    if ((top && bottom) || ((top || bottom) && long_one)) vr.push_back(v);
  }
  return vr;
}

// A horizontal ruling is a table line only if it reaches a vertical ruling
// at both ends (an underline inside a cell or beside the title does not).
std::vector<Ruling> TableHorizontals(const std::vector<Ruling>& hr, const std::vector<Ruling>& vr, int tol) {
  std::vector<Ruling> table_h;
  for (const Ruling& h : hr)
    if (OnAnyRuling(vr, h.pos, h.lo, tol) && OnAnyRuling(vr, h.pos, h.hi, tol)) table_h.push_back(h);
  return table_h;
}

// The typical thickness of the table's rulings, less the dilation
// RulingMask added.
int LineWidth(const std::vector<Ruling>& table_h, int dpi) {
  std::vector<int> thickness;
  for (const Ruling& h : table_h) thickness.push_back(h.thick);
  return std::clamp(Median(thickness, 3) - 2, 1, dpi / 20);
}

// A table cut by the page: its vertical rulings run past the first or last
// horizontal one. Closes it with a grid line where they end, and says so in
// `grid`.
void CloseCutTable(const std::vector<Ruling>& vr, const GridScale& s, std::vector<GridLine>* ys, TableGrid* grid) {
  int first = ys->front().pos, last = ys->back().pos;
  int v_top = first, v_bottom = last;
  for (const Ruling& v : vr) {
    if (v.lo <= last + s.tol && v.hi >= first - s.tol) {
      v_top = std::min(v_top, v.lo);
      v_bottom = std::max(v_bottom, v.hi);
    }
  }
  if (v_bottom - last >= s.min_row) {
    ys->push_back(GridLine{v_bottom, {}});
    grid->cut_at_bottom = true;
  }
  if (first - v_top >= s.min_row) {
    ys->insert(ys->begin(), GridLine{v_top, {}});
    grid->cut_at_top = true;
  }
}

// The column lines of the band between grid lines `top` and `bottom`: the
// vertical rulings that cross the band and meet one of its lines.
std::vector<GridLine> ColumnLines(const GridLine& top, const GridLine& bottom, const std::vector<Ruling>& vr, int tol) {
  int y0 = top.pos, y1 = bottom.pos;
  int slack = (y1 - y0) / 6 + tol;
  auto within = [&](const GridLine& g, int x) {
    if (g.pieces.empty()) return true;  // a line added for a cut table
    for (auto [lo, hi] : g.pieces)
      if (lo - tol <= x && x <= hi + tol) return true;
    return false;
  };
  std::vector<Ruling> crossing;
  for (const Ruling& v : vr)
    if (v.lo <= y0 + slack && v.hi >= y1 - slack && (within(top, v.pos) || within(bottom, v.pos)))
      crossing.push_back(v);
  return Cluster(crossing, tol);
}

// Builds the grid's rows band by band. A cell whose top ruling is missing
// over its width extends the cell above it of the same columns (a
// vertically merged cell) instead of starting one.
class RowBuilder {
 public:
  RowBuilder(const GridScale& scale, TableGrid* grid, int page_width) : s_(scale), grid_(grid), left_(page_width) {}

  // Adds the band between grid lines `top` and `bottom`, split at `xs`.
  // A band with fewer than two column lines is no row, and nothing merges
  // across it.
  void AddBand(const GridLine& top, const GridLine& bottom, const std::vector<GridLine>& xs) {
    if (xs.size() < 2) {
      above_.clear();
      return;
    }
    int y0 = top.pos, y1 = bottom.pos;
    GridRow row{y0, y1 - y0, {}};
    std::vector<OpenCell> current;
    for (size_t k = 0; k + 1 < xs.size(); ++k) {
      int x0 = xs[k].pos, x1 = xs[k + 1].pos;
      if (x1 - x0 < s_.min_col) continue;
      if (!TopRuled(top, x0, x1) && ExtendCellAbove(x0, x1, y1, &current)) continue;
      row.cells.push_back(CellBox{x0, y0, x1 - x0, y1 - y0, 1});
      current.push_back(OpenCell{grid_->rows.size(), row.cells.size() - 1, x0, x1});
    }
    left_ = std::min(left_, xs.front().pos);
    right_ = std::max(right_, xs.back().pos);
    grid_->rows.push_back(std::move(row));
    above_ = std::move(current);
  }

  // The leftmost and rightmost column lines of the bands added.
  int left() const { return left_; }
  int right() const { return right_; }

 private:
  // A cell of the band above: its place in the grid and its columns.
  struct OpenCell {
    size_t row, cell;
    int x0, x1;
  };

  // Whether the grid line `top` is ruled over most of the columns [x0, x1].
  bool TopRuled(const GridLine& top, int x0, int x1) const {
    int inner0 = x0 + s_.tol, inner1 = x1 - s_.tol;
    return inner1 <= inner0 || top.Covered(inner0, inner1) * 2 >= inner1 - inner0;
  }

  // Stretches the cell above with columns [x0, x1] down to `y1` and carries
  // it into `current`; false when there is none.
  bool ExtendCellAbove(int x0, int x1, int y1, std::vector<OpenCell>* current) {
    auto it = std::find_if(above_.begin(), above_.end(), [&](const OpenCell& o) {
      return std::abs(o.x0 - x0) <= s_.tol && std::abs(o.x1 - x1) <= s_.tol;
    });
    if (it == above_.end()) return false;
    CellBox& merged = grid_->rows[it->row].cells[it->cell];
    merged.h = y1 - merged.y;
    merged.rows += 1;
    current->push_back(*it);
    return true;
  }

  const GridScale s_;
  TableGrid* grid_;
  std::vector<OpenCell> above_;  // cells of the previous band, for vertical merges
  int left_, right_ = 0;
};

// The mask of the rulings on the grid's lines, for WithoutRulings.
PixPtr GridRulingMask(PIX* hmask, PIX* vmask, const std::vector<Ruling>& hr, const std::vector<Ruling>& all_v,
                      const std::vector<GridLine>& ys, const std::vector<Ruling>& vr, int tol) {
  PixPtr mask = AdoptPix(pixCreateTemplate(hmask));
  if (!mask) return nullptr;
  std::vector<int> row_lines, column_lines;
  for (const GridLine& g : ys) row_lines.push_back(g.pos);
  for (const Ruling& v : vr) column_lines.push_back(v.pos);
  AddTableRulings(hmask, hr, row_lines, 2 * tol, mask.get());
  AddTableRulings(vmask, all_v, column_lines, 2 * tol, mask.get());
  return mask;
}

// The bottom of the table: of its last row, or of a cell merged lower.
int TableBottom(const TableGrid& grid) {
  const GridRow& bottom_row = grid.rows.back();
  int bottom = bottom_row.y + bottom_row.h;
  for (const GridRow& r : grid.rows)
    for (const CellBox& c : r.cells) bottom = std::max(bottom, c.y + c.h);
  return bottom;
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
  // The composite brick (a short brick, then a comb) opens as the long one
  // in a fraction of the passes over the page: exactly when the length is a
  // product of the two factors Leptonica picks (105 = 7 × 15 and 66 = 6 × 11
  // at 300 dpi, checked pixel for pixel), else at the nearest such length.
  PixPtr open = AdoptPix(horizontal ? pixOpenCompBrick(nullptr, thick.get(), length, 1)
                                    : pixOpenCompBrick(nullptr, thick.get(), 1, length));
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
  const GridScale s = ScaleAt(dpi);

  PixPtr hmask = RulingMask(binary, dpi, true);
  PixPtr vmask = RulingMask(binary, dpi, false);
  if (!hmask || !vmask) return Status::Internal("表格线检测失败");
  std::vector<Ruling> hr = Rulings(hmask.get(), true, RulingLength(dpi, true));
  std::vector<Ruling> all_v = Rulings(vmask.get(), false, RulingLength(dpi, false));
  if (hr.empty() || all_v.size() < 2) return Status::OK();
  std::vector<Ruling> vr = TableVerticals(all_v, hr, s.tol, dpi);
  if (vr.size() < 2) return Status::OK();
  std::vector<Ruling> table_h = TableHorizontals(hr, vr, s.tol);
  std::vector<GridLine> ys = Cluster(table_h, s.tol);
  if (ys.empty()) return Status::OK();
  out->line_width = LineWidth(table_h, dpi);
  CloseCutTable(vr, s, &ys, out);

  // Row bands, each split by the vertical rulings that cross it.
  RowBuilder rows(s, out, width);
  for (size_t i = 0; i + 1 < ys.size(); ++i) {
    if (ys[i + 1].pos - ys[i].pos < s.min_row) continue;
    rows.AddBand(ys[i], ys[i + 1], ColumnLines(ys[i], ys[i + 1], vr, s.tol));
  }
  // Rows whose cells all merged into the row above carry nothing of their own.
  out->rows.erase(std::remove_if(out->rows.begin(), out->rows.end(), [](const GridRow& r) { return r.cells.empty(); }),
                  out->rows.end());
  if (out->rows.empty()) {
    out->cut_at_top = out->cut_at_bottom = false;
    return Status::OK();
  }
  out->rulings = GridRulingMask(hmask.get(), vmask.get(), hr, all_v, ys, vr, s.tol);
  if (!out->rulings) return Status::Internal("表格线检测失败");
  out->left = rows.left();
  out->right = rows.right();
  out->top = out->rows.front().y;
  out->bottom = TableBottom(*out);
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
