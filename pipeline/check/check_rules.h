// CheckRules: the tables behind the checks — tolerances, when each checklist
// document is required, and how a text answer says "no" — loaded from
// templates/check_tolerances.tsv, check_attachments.tsv and check_negatives.tsv.
//
// Thread-safety: immutable after Load; ForTemplates caches one per templates
// folder and is safe to call from many threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

enum class Requirement { kDocument, kReportOrDocument, kNone };

struct AttachmentRule {
  std::string kind;
  std::string field;    // "" when no field decides
  std::string answer;   // an exact value or *always, *null, *described, *not_described, *contained
  Requirement requirement = Requirement::kNone;
  std::string reason;   // may hold {value}
};

struct Tolerances {
  double form_abs_wan = 0.01;
  double form_rel = 1e-6;
  double debt_ratio_pp = 1.0;
  double balance_abs_wan = 0.0001;
  std::map<std::string, double> balance_round;  // unit written → 万元; "unknown" when not read
  double restated_abs_wan = 0.01;                 // 净利润 vs the 补充资料's restated 净利润
  double sum_doubt_below = 0.9;                   // a failing sum doubts its figures read less surely

  // |a - b| beyond the form's rounding.
  bool FormDiffers(double a, double b) const;
  // The balance sheet's tolerance for figures written in `unit` ("" = unknown).
  double BalanceTolerance(const std::string& unit) const;
};

class CheckRules {
 public:
  static Status Load(const std::filesystem::path& dir, CheckRules* out);
  // The rules of `templates.dir()`, loaded on first use; null with *status on failure.
  static const CheckRules* ForTemplates(const Templates& templates, Status* status);

  const Tolerances& tolerances() const { return tolerances_; }
  const std::vector<AttachmentRule>& attachments() const { return attachments_; }
  // Whether a text answer describes something (a reward, a penalty, an audit
  // carried out) rather than saying no. An empty answer describes nothing.
  bool Describes(const std::string& answer) const;

 private:
  Tolerances tolerances_;
  std::vector<AttachmentRule> attachments_;
  std::vector<std::string> qualifiers_, negatives_, empties_;  // folded, longest first
};

}  // namespace gm
