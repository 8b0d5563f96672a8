#include "pipeline/check/check_context.h"

#include <cstdio>

namespace gm {

const std::vector<FileEntry> CheckContext::kNoFiles;
const std::vector<StatementPlace> CheckContext::kNoStatements;
const std::set<std::string> CheckContext::kNoCodes;

CheckContext::CheckContext(const CheckInput& in, const CheckRules* rules, CheckOutput* out)
    : in_(in), rules_(rules), out_(out) {}

const Classification* CheckContext::classification(size_t i) const {
  if (!in_.classifications || i >= in_.classifications->size()) return nullptr;
  const Classification& c = (*in_.classifications)[i];
  return c.kind.empty() ? nullptr : &c;
}

const Financials* CheckContext::financials() const {
  return in_.financials && in_.financials->has_value() ? &**in_.financials : nullptr;
}

const Json& CheckContext::Value(const std::string& key) const {
  static const Json kNull;
  if (!in_.fields) return kNull;
  auto it = in_.fields->find(key);
  return it == in_.fields->end() ? kNull : it->second.value;
}

std::optional<double> CheckContext::Number(const std::string& key) const {
  const Json& v = Value(key);
  if (v.is_number()) return v.get<double>();
  return std::nullopt;
}

std::optional<std::string> CheckContext::Text(const std::string& key) const {
  const Json& v = Value(key);
  if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
  return std::nullopt;
}

std::optional<bool> CheckContext::Bool(const std::string& key) const {
  const Json& v = Value(key);
  if (v.is_boolean()) return v.get<bool>();
  return std::nullopt;
}

double CheckContext::Confidence(const std::string& key) const {
  if (!in_.fields) return 0.0;
  auto it = in_.fields->find(key);
  return it == in_.fields->end() ? 0.0 : it->second.confidence;
}

std::string CheckContext::Label(const std::string& key) const {
  const FieldSpec* spec = templates().Field(key);
  if (!spec) return key;
  std::string label = spec->label;
  // "资本金总额（万元）" → "资本金总额": the message writes the unit after the number.
  for (const char* unit : {"（万元）", "（%）", "（年）", "（个月）"}) {
    size_t at = label.find(unit);
    if (at != std::string::npos) label.erase(at);
  }
  return label;
}

bool CheckContext::HasPriorFinding(const std::string& key) const {
  if (!in_.prior_findings) return false;
  for (const Finding& f : *in_.prior_findings)
    if (f.field == key) return true;
  return false;
}

void CheckContext::Add(const std::string& code, const std::string& field, const std::string& message) {
  out_->findings.push_back(NewFinding(templates(), code, field, message));
}

std::string FormatWan(double wan) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", wan);
  std::string s = buf;
  return s == "-0.00" ? "0.00" : s;
}

}  // namespace gm
