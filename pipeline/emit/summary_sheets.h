// The sheets of the batch summary (summary_workbook.cc calls them). Internal
// to emit. Thread-safety: one thread per workbook.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"
#include "pipeline/emit/sheet_writer.h"
#include "pipeline/emit/workbook_layout.h"
#include "pipeline/emit/xlsx_workbook.h"

namespace gm {

struct SummaryContext {
  const std::vector<const Record*>& ordered;  // SummaryOrder of the batch
  const Templates& templates;
  const WorkbookLayout& layout;
  XlsxWorkbook* book;
};

// 汇总: one row a package.
Status WritePackagesSheet(const SummaryContext& ctx);
// 分类汇总: totals by category, with a chart.
Status WriteCategorySheet(const SummaryContext& ctx);
// 无法读取的文件: every file with an error.
Status WriteUnreadableSheet(const SummaryContext& ctx);

// A number field of a record, when it holds a finite number.
std::optional<double> RecordNumber(const Record& record, const char* key);

// The title shown for a category code: the catalog's, else the record's.
std::string CategoryTitle(const std::string& code, const Record& record, const Templates& templates);

}  // namespace gm
