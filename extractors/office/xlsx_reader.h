// XlsxReader: an Excel 2007+ workbook (.xlsx) read from its XML into a
// Document of format "xlsx": no pages, one TextTable per worksheet, named
// after the sheet, in workbook order (hidden sheets included).
//
// Cells hold what the file stores, not what Excel would display: numbers as
// written in the XML ("12500.5", "4.5E-3"), dates as their serial numbers,
// formulas as their cached values, booleans as TRUE / FALSE, errors as
// written ("#DIV/0!"), shared and inline strings as text (phonetic guides
// left out). A cell's position is its reference (B3 is row 2, column 1 from
// 0), so gaps stay gaps; a merged area's text is in its top-left cell and
// the rest is empty, as Excel stores it. Every row is padded to the sheet's
// widest row.
//
// Sheets are read with a streaming parser, so a large sheet costs its
// table, not a DOM. Beyond 100000 rows or 1024 columns a sheet is cut and a
// warning says so.
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "pipeline/core/document.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/status.h"

namespace gm {

// The column index (0-based) and row index of a cell reference like "AB12";
// false when it is not one.
bool ParseCellReference(const std::string& ref, int* column, int* row);

// Reads a worksheet part into `table` (name untouched), looking shared
// strings up in `shared`. Appends a warning to `warnings` when cut (past
// 100000 rows or 1024 columns). Limit, naming the budget, when the sheet is
// over a budget of `limits`: XML depth, its cells with every row
// padded to the widest (max_table_cells: a lone cell at AMJ1 and another at
// A99999 make 10^8), or the text of the file so far (*text_bytes, counted
// across the sheets of one file; max_text_bytes: one 8 MiB shared string in
// 100 cells is 800 MiB). Memory stays within the budgets.
Status ReadWorksheetXml(std::string_view xml, const std::vector<std::string>& shared, TextTable* table,
                        std::vector<std::string>* warnings, const Limits& limits = Limits(),
                        uint64_t* text_bytes = nullptr);

// Reads a shared strings part. Limit when it nests deeper than
// max_xml_depth; its size is bounded by max_xml_bytes when it is unpacked.
Status ReadSharedStringsXml(std::string_view xml, std::vector<std::string>* out, const Limits& limits = Limits());

// Opens an .xlsx file. Corrupt for a damaged package, Limit when a part is
// larger than the caps. REQUIRES: bytes != nullptr.
Status OpenXlsx(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out);

}  // namespace gm
