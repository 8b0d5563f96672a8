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

// Writes `rows` to a new workbook at `path` with the one sheet `sheet_id`.
Status WriteTableWorkbook(const WorkbookLayout& layout, const std::string& sheet_id, const std::vector<TableRow>& rows,
                          const std::filesystem::path& path);

}  // namespace gm
