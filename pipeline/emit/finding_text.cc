#include "pipeline/emit/finding_text.h"

#include <algorithm>

namespace gm {

int SeverityRank(const std::string& severity) {
  if (severity == "error") return 0;
  if (severity == "warning") return 1;
  if (severity == "info") return 2;
  return 3;
}

std::string SeverityLabel(const std::string& severity, const WorkbookLayout& layout) {
  if (SeverityRank(severity) > 2) return severity;
  return layout.Label("severity_" + severity);
}

std::vector<const Finding*> OrderedFindings(const std::vector<Finding>& findings) {
  std::vector<const Finding*> out;
  for (const auto& f : findings) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) {
    return SeverityRank(a->severity) < SeverityRank(b->severity);
  });
  return out;
}

std::string SubjectLabel(const std::string& subject, const Templates& templates) {
  if (const FieldSpec* spec = templates.Field(subject)) return spec->label;
  for (const auto& c : templates.checklist())
    if (c.kind == subject) return c.label;
  return subject;
}

int CountSeverity(const std::vector<Finding>& findings, const std::string& severity) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace gm
