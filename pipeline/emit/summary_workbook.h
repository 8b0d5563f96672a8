// The batch summary (summary.xlsx) for the expert meeting:
//   汇总          one row a package — category (code and title), company,
//                 project, credit code, location, total investment, loan
//                 demand, error and warning counts, the missing documents,
//                 and a link to its review workbook (review/<package_id>.xlsx,
//                 relative, so the output folder can be moved or shared) —
//                 sorted by category code then company (SummaryOrder), with
//                 an autofilter and a frozen header;
//   分类汇总      per category: packages, total investment, loan demand, a
//                 total row, and a column chart of the two amounts;
//   无法读取的文件 every input file that could not be read, with the reason.
// Layout and texts from templates/workbook_*.tsv; A4 landscape, one page wide.
//
// Thread-safety: may be called concurrently for different paths.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

// Writes the summary to `path` atomically. REQUIRES: the folder exists.
// Returns IoError (path and reason) when it cannot be written, NotFound or
// Corrupt when the layout tables (workbook_*.tsv) are missing or malformed. An empty batch gives a summary
// with headers only.
Status WriteSummaryWorkbook(const std::vector<Record>& records, const Templates& templates,
                            const std::filesystem::path& path);

// The hyperlink (libxlsxwriter's "external:" form) from summary.xlsx to a
// package's review workbook: "external:review/<id>.xlsx", with '%' and '#'
// percent-encoded so they are not taken for an escape or a sheet anchor.
std::string ReviewWorkbookLink(const std::string& package_id);

}  // namespace gm
