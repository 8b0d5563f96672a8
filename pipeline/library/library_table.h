// LibraryTable: one list sheet of the library's workbooks — a title, the
// layout's header row, body rows, band rows and total rows — written through
// the emit module's SheetWriter. Internal to the library module.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/emit/sheet_writer.h"

namespace gm {

struct TableCell {
  std::string text;
  std::optional<double> number;  // written as a number when set
};

struct TableRow {
  enum class Kind { kBody, kBand, kTotal } kind = Kind::kBody;
  std::map<std::string, TableCell> cells;  // column id → cell
};

struct TableSheet {
  std::string sheet_id;  // of workbook_sheets.tsv
  std::vector<TableRow> rows;
};

// Writes the sheets, in order, to a new workbook at `path` (atomically).
Status WriteTableWorkbook(const WorkbookLayout& layout, const std::vector<TableSheet>& sheets,
                          const std::filesystem::path& path);
// The one-sheet case.
Status WriteTableWorkbook(const WorkbookLayout& layout, const std::string& sheet_id, const std::vector<TableRow>& rows,
                          const std::filesystem::path& path);

}  // namespace gm
