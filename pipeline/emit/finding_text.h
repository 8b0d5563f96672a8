// FindingText: how findings read in the workbooks — their order (errors,
// then warnings, then info), the severity in Chinese, and what they are
// about by its label (a field's label or a checklist item's) rather than its
// key.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"
#include "pipeline/emit/workbook_layout.h"

namespace gm {

// 0 for "error", 1 for "warning", 2 for "info", 3 for anything else.
int SeverityRank(const std::string& severity);

// 错误 / 警告 / 提示 (from the layout's labels); an unknown severity as it is.
std::string SeverityLabel(const std::string& severity, const WorkbookLayout& layout);

// The findings ordered by severity, keeping the record's order within one.
std::vector<const Finding*> OrderedFindings(const std::vector<Finding>& findings);

// The label of what a finding is about: the field's label for a field key,
// the checklist label for a checklist kind, else `subject` itself (a file).
std::string SubjectLabel(const std::string& subject, const Templates& templates);

// How many findings have `severity`.
int CountSeverity(const std::vector<Finding>& findings, const std::string& severity);

}  // namespace gm
