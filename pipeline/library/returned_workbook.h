// ReturnedWorkbook: what an expert wrote into a review workbook greenmine
// made (pipeline/emit/review_workbook.h), read back from the .xlsx as Excel,
// WPS or LibreOffice saved it.
//
// The package is identified by what the workbook carries, never by its file
// name: the hidden data sheet (package id and the record's typed field
// values), cross-checked with the 申请包 row of the 专家意见 sheet. Cells are
// found by their labels and headers (templates/workbook_*.tsv), not by fixed
// positions, so an expert's inserted row does not shift what is read.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/emit/workbook_layout.h"

namespace gm {

struct FieldReview {
  std::string key;        // field key (the hidden 字段代码 column)
  std::string review;     // 审核结论 as written: 确认 | 修改 | 存疑 | "" | anything else
  std::string corrected;  // 更正值 as stored (a number or date cell gives its raw text)
  int row = 0;            // 1-based sheet row, for messages
};

struct ReturnedWorkbook {
  std::string path;        // as given, for messages and events
  std::string sha256;      // of the file's bytes
  std::string package_id;  // "" when the workbook carries none
  std::string conclusion, opinion, expert;
  std::string review_date;  // YYYY-MM-DD, or as written when not a date
  std::vector<FieldReview> fields;   // rows with a review or a correction
  std::map<std::string, Json> scanned;  // the record's typed values
  // Why the workbook cannot be used at all (Chinese); empty when readable.
  std::string unusable;
};

// Reads `bytes` (the file at `path`). Never fails: an unreadable file or a
// workbook greenmine did not write sets `unusable`.
ReturnedWorkbook ReadReturnedWorkbook(const std::string& path, const std::string& bytes, const WorkbookLayout& layout);

// The sheet id of the hidden data sheet and its first rows' keys.
inline constexpr const char* kRecordSheet = "record";
inline constexpr const char* kRecordPackageKey = "package_id";
inline constexpr const char* kRecordSchemaKey = "schema";
inline constexpr const char* kRecordSchema = "greenmine.review/1";

// A cell's text as a day: "YYYY-MM-DD" from a date serial or a written
// date; `text` itself when it is neither.
std::string CellDate(const std::string& text);

}  // namespace gm
