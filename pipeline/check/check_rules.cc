#include "pipeline/check/check_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/starts_with_at.h"
#include "pipeline/core/table_cells.h"

namespace gm {
namespace {

void SortLongestFirst(std::vector<std::string>* v) {
  std::stable_sort(v->begin(), v->end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

// Clauses of an answer: cut at sentence and clause punctuation (folded text).
std::vector<std::string> Clauses(const std::string& folded) {
  std::vector<std::string> out;
  std::string current;
  static const char* kCuts[] = {",", ";", ".", "!", "?", "。", "\n"};
  for (size_t i = 0; i < folded.size();) {
    bool cut = false;
    for (const char* c : kCuts) {
      if (StartsWithAt(folded, i, c)) {
        i += std::char_traits<char>::length(c);
        cut = true;
        break;
      }
    }
    if (cut) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += folded[i++];
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace

bool Tolerances::FormDiffers(double a, double b) const {
  // The 1e-9 keeps a difference of exactly the tolerance (0.01 written as a
  // binary fraction) on the side of "equal".
  return std::fabs(a - b) > form_abs_wan + form_rel * std::max(std::fabs(a), std::fabs(b)) + 1e-9;
}

double Tolerances::BalanceTolerance(const std::string& unit) const {
  auto it = balance_round.find(unit.empty() ? "unknown" : unit);
  if (it == balance_round.end()) it = balance_round.find("unknown");
  return balance_abs_wan + (it == balance_round.end() ? 0.0 : it->second);
}

Status CheckRules::Load(const std::filesystem::path& dir, CheckRules* out) {
  CheckRules rules;
  TsvTable tsv;
  Status s = LoadTsv(dir / "check_tolerances.tsv", &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& name = tsv.Get(row, "name");
    double v = 0;
    if (!ParseCellNumber(tsv.Get(row, "value"), &v) || v < 0)
      return Status::Corrupt(tsv.Where(row) + ": bad value for " + name);
    Tolerances& t = rules.tolerances_;
    if (name == "form_abs_wan") t.form_abs_wan = v;
    else if (name == "form_rel") t.form_rel = v;
    else if (name == "debt_ratio_pp") t.debt_ratio_pp = v;
    else if (name == "balance_abs_wan") t.balance_abs_wan = v;
    else if (name.rfind("balance_round_", 0) == 0) t.balance_round[name.substr(14)] = v;
    else if (name == "restated_abs_wan") t.restated_abs_wan = v;
    else if (name == "sum_doubt_below" && v <= 1) t.sum_doubt_below = v;  // a confidence
    else if (name == "sum_doubt_below") return Status::Corrupt(tsv.Where(row) + ": sum_doubt_below is a confidence, 0..1");
    else return Status::Corrupt(tsv.Where(row) + ": unknown tolerance " + name);
  }

  if (!(s = LoadTsv(dir / "check_attachments.tsv", &tsv)).ok()) return s;
  int n = 0;
  for (const auto& row : tsv.rows) {
    ++n;
    AttachmentRule r;
    r.kind = tsv.Get(row, "kind");
    r.field = tsv.Get(row, "field");
    r.answer = tsv.Get(row, "answer");
    r.reason = tsv.Get(row, "reason");
    const std::string& requirement = tsv.Get(row, "requires");
    if (requirement == "document") r.requirement = Requirement::kDocument;
    else if (requirement == "report_or_document") r.requirement = Requirement::kReportOrDocument;
    else if (requirement == "none") r.requirement = Requirement::kNone;
    else return Status::Corrupt(tsv.Where(row) + ": bad requires " + requirement);
    if (r.kind.empty() || r.answer.empty())
      return Status::Corrupt(tsv.Where(row) + ": kind or answer missing");
    if (r.answer[0] == '*' && r.answer != "*always" && r.answer != "*null" && r.answer != "*described" &&
        r.answer != "*not_described" && r.answer != "*contained")
      return Status::Corrupt(tsv.Where(row) + ": unknown answer " + r.answer);
    if (r.field.empty() && r.answer != "*always" && r.answer != "*contained")
      return Status::Corrupt(tsv.Where(row) + ": answer needs a field");
    rules.attachments_.push_back(std::move(r));
  }

  if (!(s = LoadTsv(dir / "check_negatives.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& role = tsv.Get(row, "role");
    std::vector<std::string>* target = role == "qualifier" ? &rules.qualifiers_
                                       : role == "negative" ? &rules.negatives_
                                       : role == "empty"    ? &rules.empties_
                                                            : nullptr;
    if (!target) return Status::Corrupt(tsv.Where(row) + ": unknown role " + role);
    for (const std::string& p : SplitBars(tsv.Get(row, "phrases"))) target->push_back(FoldText(p));
  }
  SortLongestFirst(&rules.qualifiers_);
  SortLongestFirst(&rules.negatives_);
  *out = std::move(rules);
  return Status::OK();
}

const CheckRules* CheckRules::ForTemplates(const Templates& templates, Status* status) {
  static std::mutex mu;
  static std::map<std::string, std::pair<Status, std::unique_ptr<CheckRules>>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& entry = cache[templates.dir().string()];
  if (!entry.second && entry.first.ok()) {
    auto rules = std::make_unique<CheckRules>();
    entry.first = Load(templates.dir(), rules.get());
    if (entry.first.ok()) entry.second = std::move(rules);
  }
  *status = entry.first;
  return entry.second.get();
}

bool CheckRules::Describes(const std::string& answer) const {
  for (const std::string& clause : Clauses(FoldText(answer))) {
    if (std::find(empties_.begin(), empties_.end(), clause) != empties_.end()) continue;
    size_t at = 0;
    for (bool moved = true; moved;) {
      moved = false;
      for (const std::string& q : qualifiers_) {
        if (!q.empty() && StartsWithAt(clause, at, q)) {
          at += q.size();
          moved = true;
          break;
        }
      }
    }
    if (at == clause.size()) continue;  // only qualifiers: says nothing
    bool negative = false;
    for (const std::string& n : negatives_) negative = negative || (!n.empty() && StartsWithAt(clause, at, n));
    if (!negative) return true;
  }
  return false;
}

}  // namespace gm
