// The review workbook of one package: what the reviewer opens instead of the
// JSON. Sheets (names, columns and texts from templates/workbook_*.tsv):
//   申请信息  every field in the form's order and sections: label, value as
//            read (formatted for a human), an image of the form cell it was
//            read from, the raw OCR text when it differs, confidence, source
//            file and page, the checks' remarks, a 确认/修改/存疑 drop-down and
//            a corrected-value column; required-and-missing rows red,
//            low-confidence values amber;
//   材料清单  every checklist kind: required, present, files, why required;
//   财务核对  statement figures, ratios computed from them, the form's figures
//            and the differences;
//   问题清单  every finding, errors first, with the field's label;
//   专家意见  the expert's conclusion (drop-down), comments, name and date;
//   与入库项目比较  only for a package resubmitting a library project (run
//            --library): the library's values beside the package's, major
//            changes marked;
//   文件清单  every input file with kind, pages, text source and error;
//   greenmine_data (hidden)  the package id and every field's typed value as
//            JSON, so `greenmine collect` identifies a returned workbook by
//            what it carries and keeps the scanned values.
// Every sheet prints on A4, one page wide, with repeated headers and the
// package id in the page header.
//
// Formats only what the record holds; never reads input files.
// Thread-safety: may be called concurrently for different paths.
#pragma once

#include <filesystem>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

// Writes the workbook to `path` atomically (a temporary sibling renamed into
// place). REQUIRES: the folder of `path` exists. Returns IoError (path and
// reason) when it cannot be written, NotFound or Corrupt when the workbook
// layout tables in templates.dir() (workbook_*.tsv) are missing or malformed.
Status WriteReviewWorkbook(const Record& record, const Templates& templates, const std::filesystem::path& path);

}  // namespace gm
