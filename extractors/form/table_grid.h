// TableGrid: the cells of a ruled table found on a binarised page, from its
// ruling lines alone — no fixed coordinates, so other column widths, row
// heights or a table cut by a page break read the same.
//
// Horizontal and vertical rulings are found by morphological opening with
// long structuring elements. Consecutive horizontal rulings bound a row band;
// the vertical rulings crossing a band split it into cells, so each row keeps
// its own column boundaries (Word lets a user drag them per row). A cell
// whose top ruling is missing over its width is merged with the cell above
// (a vertically merged cell); a table cut at the page bottom or top is closed
// where its vertical rulings end.
//
// Thread-safety: FindTableGrid is pure.
#pragma once

#include <vector>

#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm::form {

struct CellBox {
  int x = 0, y = 0, w = 0, h = 0;  // outer box, through the middle of its rulings
  int rows = 1;                    // grid rows the cell spans (vertical merge)
};

struct GridRow {
  int y = 0, h = 0;                // the band of the row's first grid line pair
  std::vector<CellBox> cells;      // left to right; a cell merged from above is not repeated
};

struct TableGrid {
  std::vector<GridRow> rows;       // top to bottom
  int line_width = 3;              // typical ruling thickness in pixels
  int left = 0, right = 0, top = 0, bottom = 0;  // the table's extent
  bool cut_at_top = false;         // the table continues from the previous page
  bool cut_at_bottom = false;      // the table continues on the next page
  PixPtr rulings;                  // 1 bpp mask of the table's rulings, those on its grid lines (page size); null if none
  bool empty() const { return rows.empty(); }
};

// The page without its ruling lines (a little widened), so that cells hold
// only what was written in them — also where a slanted line of a photo
// would leave remnants inside any fixed inset. A copy of `binary` when the
// grid has no rulings; null only if Leptonica fails.
PixPtr WithoutRulings(PIX* binary, const TableGrid& grid);

// The shortest run of ink taken for a ruling line at `dpi`: longer than any
// glyph's stroke.
int RulingLength(int dpi, bool horizontal);

// The horizontal (or vertical) ruling lines of a 1 bpp page as a mask of the
// page's size: runs at least RulingLength long, slightly skewed ones kept,
// small gaps bridged. Null only if Leptonica fails.
PixPtr RulingMask(PIX* binary, int dpi, bool horizontal);

// Finds the table on a 1 bpp page at `dpi`. An image without a table yields
// an empty grid and OK; InvalidArgument when `binary` is null or not 1 bpp.
Status FindTableGrid(PIX* binary, int dpi, TableGrid* out);

}  // namespace gm::form
