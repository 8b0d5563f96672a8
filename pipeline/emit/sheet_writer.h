// SheetWriter: writes one worksheet of an XlsxWorkbook in the terms the
// emit sheets need — text (made valid for XLSX), numbers, links, images,
// merged ranges, drop-down lists — and the layout's header row, column
// widths and A4 page set-up. The first libxlsxwriter error is kept and
// reported by status(), so sheet code reads straight through.
//
// Rows and columns are 0-based; a column index < 0 (a column the layout
// leaves out) makes every write to it a no-op.
//
// Thread-safety: as its XlsxWorkbook (one thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/emit/workbook_layout.h"
#include "pipeline/emit/xlsx_workbook.h"

namespace gm {

class SheetWriter {
 public:
  // REQUIRES: sheet belongs to book; both outlive the writer.
  SheetWriter(XlsxWorkbook* book, lxw_worksheet* sheet, const SheetLayout& layout, const WorkbookLayout& all);

  lxw_worksheet* sheet() { return sheet_; }
  const SheetLayout& layout() const { return layout_; }
  // The layout's index of column `id`, or -1.
  int Col(const std::string& id) const { return layout_.Column(id); }
  lxw_format* Format(const CellStyle& style) { return book_->Format(style); }

  // Empty text writes a blank cell with the style (so fills and borders show).
  void Text(int row, int col, std::string_view text, const CellStyle& style);
  // A non-finite number writes a blank.
  void Number(int row, int col, double value, const CellStyle& style);
  void Blank(int row, int col, const CellStyle& style);
  // A hyperlink shown as `text`; falls back to plain text when
  // libxlsxwriter refuses the url (too long, too many links).
  void Link(int row, int col, const std::string& url, std::string_view text, const CellStyle& style);
  void Merge(int first_row, int first_col, int last_row, int last_col, std::string_view text, const CellStyle& style);
  // A drop-down of `options` on the cells [first_row..last_row] x col.
  void DropDown(int first_row, int last_row, int col, const std::vector<std::string>& options,
                const std::string& prompt);
  // A date-only cell (1900-01-01 .. 2999-12-31).
  void DateInput(int row, int col, const std::string& prompt);
  // Embeds a PNG in the cell, scaled to at most max_w x max_h pixels
  // (never more than max_scale up). Returns the height used in pixels, or
  // 0 when `png` is not a PNG libxlsxwriter accepts.
  int Image(int row, int col, std::string_view png, int max_w, int max_h, double max_scale,
            const std::string& description);
  void RowHeight(int row, double points);
  void RowHeightPixels(int row, int pixels);

  // Row `title_row`: the sheet title, merged across all columns. Row
  // `header_row`: the layout's column headers. Applies widths and hidden
  // columns, freezes the panes below the header row (and right of
  // `frozen_cols` columns), repeats the header row on every printed page.
  // A header_row <= title_row means the sheet has no header row.
  void Heading(int title_row, int header_row, int frozen_cols);
  // A4, the layout's orientation, one page wide, margins, header and footer
  // (`header_key`, a settings key, with {title} and {package_id} filled in).
  void PageSetup(const std::string& header_key, const std::string& package_id);

  // The first libxlsxwriter error, naming the sheet and cell, or OK.
  Status status() const;

 private:
  void Check(lxw_error e, int row, int col);

  XlsxWorkbook* book_;
  lxw_worksheet* sheet_;
  const SheetLayout& layout_;
  const WorkbookLayout& all_;
  lxw_error first_error_ = LXW_NO_ERROR;
  int error_row_ = 0, error_col_ = 0;
};

// Header/footer text for Excel: `text` with {title} and {package_id} filled
// in ("&" in the values escaped as "&&"), cut so it fits libxlsxwriter's
// 255-byte limit by shortening the package id.
std::string HeaderFooterText(const std::string& text, const std::string& title, const std::string& package_id);

// Width and height of a PNG from its header; false when `png` is not a PNG.
bool PngDimensions(std::string_view png, int* width, int* height);

}  // namespace gm
