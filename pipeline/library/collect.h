// Collect: the experts' returned review workbooks → one CollectedPackage a
// package, validated, and the library events of the valid ones.
//
// Copies of one package (several experts, several saves) are grouped by the
// package id each carries; byte-identical copies count once. A package has
// problems (Chinese, naming the file, row and expert) when a copy lacks the
// conclusion or has one outside 通过 / 补充材料后再审 / 不通过, when copies
// disagree on the conclusion or on a field (different 更正值, or 修改 against
// 确认), when a field's 审核结论 is
// outside 确认 / 修改 / 存疑, when 修改 has no 更正值 (or a 更正值 has no
// 修改), when the 审核日期 is not a date, or when a 更正值 is not a valid value of the field's type (typed by
// the Normalizer, exactly as a scanned value would be). A package with
// problems yields no events at all.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/core/templates.h"
#include "pipeline/library/event_log.h"
#include "pipeline/library/returned_workbook.h"
#include "pipeline/normalize/normalizer.h"

namespace gm {

struct CollectedCorrection {
  Json value;                   // typed
  std::string expert, date, workbook;
};

struct CollectedPackage {
  std::string package_id;       // "" for a workbook that names no package
  std::string conclusion;       // "" when missing or disputed
  std::string opinion;          // every expert's opinion, "专家：意见" a line
  std::string experts;          // names, "、"-joined
  std::string review_date;      // the latest expert's date, YYYY-MM-DD or ""
  std::string fingerprint;      // of the copies' bytes, to recognize a repeated collect
  std::vector<const ReturnedWorkbook*> copies;
  std::map<std::string, Json> scanned;
  std::map<std::string, CollectedCorrection> corrections;
  std::vector<std::string> problems;
};

// REQUIRES: `workbooks` outlives the result.
std::vector<CollectedPackage> ValidateReturned(const std::vector<ReturnedWorkbook>& workbooks, const Templates& templates,
                                               const Normalizer& normalizer, const WorkbookLayout& layout);

// The events recording `packages` (those without problems, not already
// collected from the same workbooks), taking effect on `as_of`.
std::vector<LibraryEvent> CollectEvents(const std::vector<CollectedPackage>& packages,
                                        const std::vector<LibraryEvent>& existing, const std::string& as_of);

// One line of OUT/collected.jsonl.
Json CollectedLine(const CollectedPackage& package);

}  // namespace gm
